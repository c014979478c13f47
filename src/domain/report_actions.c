/* report_actions.c: an organisation's action plan: what will be done, by
 * whom, when (in words, overdue said plainly), its review date, status and
 * where it came from. Open actions first, then those done or dropped. */
#include <string.h>

#include "core/text.h"
#include "domain/report_internal.h"

static const char *status_words(const char *s)
{
	if (!strcmp(s, "in-progress"))
		return "In progress";
	return !strcmp(s, "done") ? "Done" : !strcmp(s, "dropped") ? "Dropped" : "Open";
}

/* Where the action came from, in words. */
static const char *source(arena *a, const action_row *ac)
{
	if (ac->source_evaluation_id && ac->source_element_key)
		return arena_printf(a, "Self-evaluation, statement %s", ac->source_element_key);
	if (ac->source_evaluation_id)
		return "Self-evaluation";
	if (ac->source_audit_id)
		return "Joint partnership audit";
	if (ac->source_plan_id)
		return ac->source_element_key ? arena_printf(a, "Plan, statement %s", ac->source_element_key) : "Plan";
	if (ac->source_measure_id)
		return "Success measure";
	return "Added directly";
}

static void table(report_doc *doc, const action_list *list, bool open, const char *today)
{
	arena *a = doc->mem;
	const char *head[] = {"Action", "Owner", "Due", "Review", "Status", "From"};
	const double widths[] = {4, 2, 2, 2, 1.5, 2.5};
	report_block *t = report_table(doc, open ? "Open actions" : "Done or dropped", 6, head, widths);
	for (size_t i = 0; i < list->n; i++) {
		const action_row *ac = &list->items[i];
		bool is_open = !strcmp(ac->status, "open") || !strcmp(ac->status, "in-progress");
		if (is_open != open)
			continue;
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], ac->title, NULL);
		report_cell_set(t, &row[1], report_blank(ac->owner) ? "Not given" : ac->owner, NULL);
		const char *due = report_date(a, ac->due_on, "No date");
		report_cell_set(t, &row[2], action_overdue(ac, today) ? arena_printf(a, "%s (overdue)", due) : due, NULL);
		row[2].strong = action_overdue(ac, today);
		report_cell_set(t, &row[3], report_date(a, ac->review_on, "None"), NULL);
		report_cell_set(t, &row[4], status_words(ac->status), NULL);
		report_cell_set(t, &row[5], source(a, ac), NULL);
	}
	if (!t->nrows)
		report_cell_set(t, &report_row(t)[0], "None.", NULL);
}

int report_actions(domain *d, int64_t org, int64_t unused, report_doc **out, err *e)
{
	(void)unused;
	org_row o;
	action_list list;
	if (org_get(d, org, &o, e) < 0 || actions_of_org(d, org, &list, e) < 0)
		return -1;
	arena *a = d->mem;
	char today[11];
	date_today(today);
	report_doc *doc = report_new(a, "Action plan");
	doc->subtitle = o.name;
	doc->filename = report_safe_name(a, arena_printf(a, "%s action plan", o.name));
	doc->landscape = true;
	doc->made = report_made_today(a);
	size_t open = 0, overdue = 0;
	for (size_t i = 0; i < list.n; i++) {
		open += !strcmp(list.items[i].status, "open") || !strcmp(list.items[i].status, "in-progress");
		overdue += action_overdue(&list.items[i], today);
	}
	report_block *f = report_facts(doc);
	report_fact_add(f, "Organisation", o.name);
	report_fact_add(f, "Open actions", text_count(a, (long long)open));
	report_fact_add(f, "Overdue", text_count(a, (long long)overdue));
	report_fact_add(f, "Done or dropped", text_count(a, (long long)(list.n - open)));
	report_heading(doc, 1, "Open actions");
	table(doc, &list, true, today);
	report_heading(doc, 1, "Done or dropped");
	table(doc, &list, false, today);
	*out = doc;
	return 0;
}
