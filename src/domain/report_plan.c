/* report_plan.c: a team or service plan as the document's initial
 * evaluation grid (seed 003): per cornerstone its statements with the
 * strengths and areas for development, the answers to its questions; then
 * the aspects and the actions raised from the plan. The instrument's words
 * come from the plan's stored instrument. */
#include <string.h>

#include "domain/plan.h"
#include "domain/report_internal.h"

#define NONE_YET "Nothing recorded yet."

static const char *or_none(const char *s)
{
	return report_blank(s) ? NONE_YET : s;
}

static void grid(report_doc *doc, const plan_full *p, const plan_section *ps)
{
	arena *a = doc->mem;
	const framework *fw = p->in.fw;
	const char *head[] = {report_capital(a, fw->term_element ? fw->term_element : "statement"),
			      plan_column_title(&p->in, "strengths", "Strengths"),
			      plan_column_title(&p->in, "areas", "Areas for development")};
	const double widths[] = {2, 3, 3};
	report_block *t = report_table(doc, ps->section->title, 3, head, widths);
	for (size_t i = 0; i < ps->section->n_elements; i++) {
		const fw_element *el = &ps->section->elements[i];
		const plan_statement_row *st = plan_statement(p, el->key);
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], arena_printf(a, "%s %s%s", el->key, el->title,
							 report_blank(el->gap) ? "" : " " REPORT_GAP_SAID), NULL);
		report_cell_set(t, &row[1], or_none(st ? st->strengths : NULL), NULL);
		report_cell_set(t, &row[2], or_none(st ? st->areas : NULL), NULL);
	}
}

static void questions(report_doc *doc, const plan_full *p, const plan_section *ps)
{
	if (!ps->n_questions)
		return;
	if (p->in.question_lead)
		report_heading(doc, 3, p->in.question_lead);
	report_block *f = report_facts(doc);
	for (size_t i = 0; i < ps->n_questions; i++) {
		const fw_item *q = &ps->questions[i];
		report_fact_add(f, report_blank(q->text) ? REPORT_GAP_SAID : report_capital(doc->mem, q->text),
				or_none(plan_answer(p, ps->section->key, q->key)));
	}
}

static void aspects(report_doc *doc, const plan_full *p)
{
	if (!p->in.n_aspects)
		return;
	report_heading(doc, 1, p->in.aspect_lead ? p->in.aspect_lead : "Aspects");
	report_block *f = report_facts(doc);
	for (size_t i = 0; i < p->in.n_aspects; i++)
		report_fact_add(f, p->in.aspects[i].title, or_none(plan_aspect_note(p, p->in.aspects[i].key)));
}

static void actions(report_doc *doc, const plan_full *p)
{
	arena *a = doc->mem;
	report_heading(doc, 1, "Actions raised from this plan");
	if (!p->actions.n) {
		report_paragraph(doc, "None yet.");
		return;
	}
	const char *head[] = {"Action", "Statement", "Owner", "Due", "Status"};
	const double widths[] = {4, 1, 2, 2, 1.5};
	report_block *t = report_table(doc, "Actions raised from this plan", 5, head, widths);
	for (size_t i = 0; i < p->actions.n; i++) {
		const plan_action_row *ac = &p->actions.items[i];
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], ac->title, NULL);
		report_cell_set(t, &row[1], ac->element_key, NULL);
		report_cell_set(t, &row[2], report_blank(ac->owner) ? "Not given" : ac->owner, NULL);
		report_cell_set(t, &row[3], report_date(a, ac->due_on, "No date"), NULL);
		report_cell_set(t, &row[4], report_capital(a, ac->status), NULL);
	}
}

int report_plan(domain *d, int64_t org, int64_t plan, report_doc **out, err *e)
{
	plan_row row;
	if ((org ? plan_get_in_org(d, org, plan, &row, e) : plan_get(d, plan, &row, e)) < 0)
		return -1;
	plan_full p;
	org_row o;
	if (plan_load(d, plan, &p, e) < 0 || org_get(d, p.plan.organisation_id, &o, e) < 0)
		return -1;
	arena *a = d->mem;
	const framework *fw = p.in.fw;
	report_doc *doc = report_new(a, arena_printf(a, "%s, %s", p.plan.title, p.plan.cycle));
	doc->subtitle = o.name;
	doc->filename = report_safe_name(a, arena_printf(a, "%s plan %s %s", o.name, p.plan.title, p.plan.cycle));
	doc->made = report_made_today(a);
	report_block *f = report_facts(doc);
	report_fact_add(f, "Organisation", o.name);
	report_fact_add(f, "Cycle", p.plan.cycle);
	if (p.plan.seeded_from)
		report_fact_add(f, "Started from", arena_printf(a, "the self-evaluation of %s", p.plan.seed_cycle ? p.plan.seed_cycle : "an earlier cycle"));
	report_source_note(doc, fw, "cornerstones, statements, questions and aspects", o.name);
	for (size_t i = 0; i < p.in.n_sections; i++) {
		const plan_section *ps = &p.in.sections[i];
		report_heading(doc, 1, arena_printf(a, "%s %s: %s", report_capital(a, fw->term_section), ps->section->key,
						    ps->section->title));
		grid(doc, &p, ps);
		questions(doc, &p, ps);
	}
	aspects(doc, &p);
	actions(doc, &p);
	*out = doc;
	return 0;
}
