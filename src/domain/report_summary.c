/* report_summary.c: the one-page summary of a self-evaluation for
 * governors and boards (summaries.h): the figures per cornerstone, the top
 * strength and area for development of each, and the actions due. */
#include "domain/summaries.h"

#include <string.h>

#include "core/text.h"
#include "domain/review.h"

const char *summary_cut(arena *a, const char *text, size_t max)
{
	char *s = arena_strdup(a, text ? text : "");
	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	if (n <= max)
		return s;
	size_t cut = max;
	while (cut > max / 2 && s[cut] != ' ')
		cut--;
	if (s[cut] != ' ') {
		cut = max;
		while (cut && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
	}
	while (cut && (s[cut - 1] == ' ' || s[cut - 1] == ',' || s[cut - 1] == '.'))
		cut--;
	return arena_printf(a, "%.*s\u2026", (int)cut, s);
}

static const char *sentence_lower(arena *a, const char *s)
{
	char *out = arena_strdup(a, s);
	out[0] = (char)(out[0] >= 'A' && out[0] <= 'Z' ? out[0] - 'A' + 'a' : out[0]);
	return out;
}

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\r' && *s != '\t')
			return false;
	return true;
}

static int popcount3(int groups)
{
	return !!(groups & 1) + !!(groups & 2) + !!(groups & 4);
}

/* The statement whose strengths (or areas) to show: among those with that
 * text, the one with the most indicators evidenced for a strength (then
 * the most partner groups), the smallest share for an area; the
 * instrument's order breaks ties. NULL when none has the text. */
static const element_progress *pick(const section_progress *s, bool strength)
{
	const element_progress *best = NULL;
	long best_score = 0;
	for (size_t i = 0; i < s->n_elements; i++) {
		const element_progress *el = &s->elements[i];
		const char *text = strength ? el->review.strengths : el->review.areas;
		if (blank(text))
			continue;
		long score;
		if (strength)
			score = (long)el->evidenced * 4 + popcount3(el->groups);
		else
			score = -(long)(el->n_indicators ? el->evidenced * 1000 / el->n_indicators : 0);
		if (!best || score > best_score) {
			best = el;
			best_score = score;
		}
	}
	return best;
}

/* "All three" (children and young people, parent carers and
 * practitioners: the note under the table says so), else who. */
static const char *groups_short(arena *a, int groups)
{
	if (popcount3(groups) == 3)
		return "All three";
	const char *g = groups_describe(a, groups);
	char *out = arena_strdup(a, g);
	out[0] = (char)(out[0] >= 'a' && out[0] <= 'z' ? out[0] - 'a' + 'A' : out[0]);
	return out;
}

static size_t judged(const section_progress *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n_elements; i++)
		n += strcmp(s->elements[i].review.status, "complete") == 0;
	return n;
}

static void figures(report_doc *r, const evaluation_progress *p)
{
	arena *a = r->mem;
	report_heading(r, 2, "Where the self-evaluation stands");
	const char *head[] = {"Cornerstone", "Statements judged", "Indicators evidenced",
			      "Partner groups involved"};
	const double widths[] = {2.3, 1.5, 1.5, 2.7};
	report_block *t = report_table(r, "Where the self-evaluation stands, per cornerstone", 4, head, widths);
	size_t all_judged = 0;
	for (size_t i = 0; i < p->n_sections; i++) {
		const section_progress *s = &p->sections[i];
		size_t j = judged(s);
		all_judged += j;
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], arena_printf(a, "%s %s", s->section->key, s->section->title), NULL);
		row[0].strong = true;
		report_cell_set(t, &row[1], arena_printf(a, "%zu of %zu", j, s->n_elements), NULL);
		report_cell_set(t, &row[2], arena_printf(a, "%zu of %zu", s->indicators_evidenced, s->indicators), NULL);
		report_cell_set(t, &row[3], groups_short(a, s->groups), NULL);
	}
	report_cell *row = report_row(t);
	report_cell_set(t, &row[0], "All cornerstones", NULL);
	report_cell_set(t, &row[1], arena_printf(a, "%zu of %zu", all_judged, p->elements), NULL);
	report_cell_set(t, &row[2], arena_printf(a, "%zu of %zu", p->indicators_evidenced, p->indicators), NULL);
	report_cell_set(t, &row[3], groups_short(a, p->groups), NULL);
	for (size_t k = 0; k < 4; k++)
		row[k].strong = true;
}

/* "1i: what the statement's judgement says", linked to the statement. */
static void picked_cell(report_block *t, report_cell *c, const evaluation_progress *p,
			const element_progress *el, bool strength, const char *none)
{
	if (!el) {
		report_cell_set(t, c, none, NULL);
		return;
	}
	arena *a = t->mem;
	const char *text = strength ? el->review.strengths : el->review.areas;
	report_cell_set(t, c, arena_printf(a, "%s: %s", el->element->key, summary_cut(a, text, SUMMARY_TEXT_MAX)),
			arena_printf(a, "/org/%lld/evaluation/%lld/statement/%s",
				     (long long)p->evaluation.organisation_id, (long long)p->evaluation.id,
				     el->element->key));
}

static void strengths(report_doc *r, const evaluation_progress *p)
{
	report_heading(r, 2, "Top strengths and areas for development");
	const char *head[] = {"Cornerstone", "A strength", "An area for development"};
	const double widths[] = {1.9, 3, 3};
	report_block *t = report_table(r, "Top strength and area for development, per cornerstone", 3, head, widths);
	for (size_t i = 0; i < p->n_sections; i++) {
		const section_progress *s = &p->sections[i];
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], arena_printf(r->mem, "%s %s", s->section->key, s->section->title), NULL);
		row[0].strong = true;
		picked_cell(t, &row[1], p, pick(s, true), true, "None recorded yet");
		picked_cell(t, &row[2], p, pick(s, false), false, "None recorded yet");
	}
	report_note(r, "Partner groups: all three are children and young people, parent carers and "
		       "practitioners. A cornerstone's strength comes from its statement with the most "
		       "indicators evidenced; its area for development from the one with the smallest share.");
}

static int actions(domain *d, report_doc *r, int64_t org, const char *today, err *e)
{
	action_list list;
	if (actions_of_org(d, org, &list, e) < 0)
		return -1;
	actions_order(&list, today);
	size_t open = 0;
	for (size_t i = 0; i < list.n; i++)
		open += action_rank(&list.items[i], today) < 3;
	report_heading(r, 2, "Actions due");
	if (!open) {
		report_paragraph(r, "There are no open actions on the action plan.");
		return 0;
	}
	const char *head[] = {"Action", "Who", "Due"};
	const double widths[] = {3.6, 1.8, 2};
	report_block *t = report_table(r, "Open actions, overdue first", 3, head, widths);
	for (size_t i = 0; i < open && i < SUMMARY_ACTIONS; i++) {
		const action_row *a = &list.items[i];
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], summary_cut(r->mem, a->title, 70), NULL);
		report_cell_set(t, &row[1], summary_cut(r->mem, a->owner && *a->owner ? a->owner : "Not given", 30), NULL);
		const char *due = a->due_on ? date_in_words(r->mem, a->due_on) : "No date";
		report_cell_set(t, &row[2], action_overdue(a, today) ? arena_printf(r->mem, "%s (overdue)", due) : due, NULL);
		row[2].strong = action_overdue(a, today);
	}
	if (open > SUMMARY_ACTIONS)
		report_link(r, arena_printf(r->mem, "And %zu more open %s on the action plan.", open - SUMMARY_ACTIONS,
					    open - SUMMARY_ACTIONS == 1 ? "action" : "actions"),
			    arena_printf(r->mem, "/org/%lld/actions", (long long)org));
	return 0;
}

int report_summary(domain *d, int64_t org, int64_t evaluation, const char *today,
		   report_doc **out, err *e)
{
	char day[11];
	if (!today) {
		date_today(day);
		today = day;
	}
	evaluation_row ev;
	evaluation_progress p;
	org_row o;
	if ((org ? evaluation_get_in_org(d, org, evaluation, &ev, e) : evaluation_get(d, evaluation, &ev, e)) < 0 ||
	    evaluation_progress_load(d, evaluation, &p, e) < 0 || org_get(d, ev.organisation_id, &o, e) < 0)
		return -1;
	report_doc *r = report_new(d->mem, "Self-evaluation summary");
	r->compact = true;      /* one A4 page */
	/* Cut, so the subtitle stays one line and the page one page. */
	r->subtitle = arena_printf(d->mem, "%s, %s (%s)", summary_cut(d->mem, o.name, 70),
				   summary_cut(d->mem, ev.cycle, 20),
				   sentence_lower(d->mem, evaluation_status_words(ev.status)));
	r->made = arena_printf(d->mem, "Made on %s", date_in_words(d->mem, today));
	r->filename = report_safe_name(d->mem, arena_printf(d->mem, "summary %s %s", o.name, ev.cycle));
	figures(r, &p);
	strengths(r, &p);
	if (actions(d, r, ev.organisation_id, today, e) < 0)
		return -1;
	*out = r;
	return 0;
}
