/* report_evaluation.c: a self-evaluation as the paper tool's grid (seed
 * 001): per cornerstone, each statement with its indicators and the
 * evidence linked to them, then what the organisation said of each
 * statement. The instrument's words come from its file, the rest from the
 * organisation's records. */
#include <string.h>

#include "core/text.h"
#include "domain/report_internal.h"
#include "domain/review.h"

typedef struct eval_report {
	domain *d;
	report_doc *doc;
	evaluation_progress p;
	link_list links;
	evidence_list evidence;
	const char *base;       /* /org/1/evaluation/2 */
} eval_report;

static const evidence_row *evidence_of(const eval_report *er, int64_t id)
{
	for (size_t i = 0; i < er->evidence.n; i++)
		if (er->evidence.items[i].id == id)
			return &er->evidence.items[i];
	return NULL;
}

/* The statement's own cell: key and title, then what it means. */
static const char *statement_text(eval_report *er, const fw_element *el)
{
	arena *a = er->doc->mem;
	const char *text = arena_printf(a, "%s %s", el->key, el->title);
	if (!report_blank(el->description))
		text = arena_printf(a, "%s\n\n%s", text, el->description);
	if (!report_blank(el->gap))
		text = arena_printf(a, "%s\n\n%s", text, REPORT_GAP_SAID);
	return text;
}

static const char *indicators_text(eval_report *er, const element_progress *ep)
{
	arena *a = er->doc->mem;
	const char *text = "";
	for (size_t i = 0; i < ep->n_indicators; i++) {
		const indicator_progress *ip = &ep->indicators[i];
		text = arena_printf(a, "%s%s%s. %s%s%s", text, i ? "\n" : "", ip->key, ip->text ? ip->text : "",
				    ip->own ? " (the organisation's own)" : "",
				    report_blank(ip->gap) ? "" : " " REPORT_GAP_SAID);
	}
	return text;
}

/* Each linked item once, with its date and the indicators it shows. */
static const char *evidence_text(eval_report *er, const fw_element *el)
{
	arena *a = er->doc->mem;
	const char *text = "";
	int64_t *seen = ARENA_ARRAY(a, er->links.n, seen);
	size_t nseen = 0;
	for (size_t i = 0; i < er->links.n; i++) {
		const link_row *l = &er->links.items[i];
		if (strcmp(l->element_key, el->key))
			continue;
		bool again = false;
		for (size_t j = 0; j < nseen; j++)
			again = again || seen[j] == l->evidence_id;
		const evidence_row *ev = evidence_of(er, l->evidence_id);
		if (again || !ev)
			continue;
		seen[nseen++] = l->evidence_id;
		const char *keys = "";
		for (size_t j = i; j < er->links.n; j++)
			if (er->links.items[j].evidence_id == l->evidence_id && !strcmp(er->links.items[j].element_key, el->key))
				keys = arena_printf(a, "%s%s%s", keys, *keys ? ", " : "", er->links.items[j].indicator_key);
		text = arena_printf(a, "%s%s%s (%s; %s)", text, *text ? "\n\n" : "", ev->title,
				    date_in_words(a, ev->date), keys);
	}
	return *text ? text : "None linked yet.";
}

static void grid(eval_report *er, const section_progress *sp)
{
	arena *a = er->doc->mem;
	const framework *fw = er->p.fw;
	const char *head[] = {report_capital(a, fw->term_element), report_capital(a, arena_printf(a, "%ss", fw->term_indicator)),
			      "Evidence"};
	const double widths[] = {3, 4, 3};
	report_block *t = report_table(er->doc, sp->section->title, 3, head, widths);
	for (size_t i = 0; i < sp->n_elements; i++) {
		const element_progress *ep = &sp->elements[i];
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], statement_text(er, ep->element),
				arena_printf(a, "%s/statement/%s", er->base, ep->element->key));
		row[0].strong = false;
		report_cell_set(t, &row[1], indicators_text(er, ep), NULL);
		report_cell_set(t, &row[2], evidence_text(er, ep->element), NULL);
	}
}

/* What the organisation said of each statement, and who said it. */
static void judgements(eval_report *er, const section_progress *sp)
{
	arena *a = er->doc->mem;
	const framework *fw = er->p.fw;
	const char *head[] = {report_capital(a, fw->term_element), "Strengths", "Areas for development",
			      "Judgement and who took part"};
	const double widths[] = {1, 3, 3, 2};
	report_block *t = report_table(er->doc, "Strengths and areas for development", 4, head, widths);
	for (size_t i = 0; i < sp->n_elements; i++) {
		const element_progress *ep = &sp->elements[i];
		const review_row *rv = &ep->review;
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], ep->element->key, NULL);
		row[0].strong = true;
		report_cell_set(t, &row[1], report_blank(rv->strengths) ? "None recorded." : rv->strengths, NULL);
		report_cell_set(t, &row[2], report_blank(rv->areas) ? "None recorded." : rv->areas, NULL);
		report_cell_set(t, &row[3], arena_printf(a, "%s\nTook part: %s", report_capital(a, review_status_words(rv->status)),
							 groups_describe(a, ep->groups)), NULL);
	}
}

static void opening(eval_report *er, const org_row *org)
{
	arena *a = er->doc->mem;
	const evaluation_progress *p = &er->p;
	report_block *f = report_facts(er->doc);
	report_fact_add(f, "Organisation", org->name);
	report_fact_add(f, "Cycle", p->evaluation.cycle);
	report_fact_add(f, "Status", report_capital(a, p->evaluation.status));
	report_fact_add(f, arena_printf(a, "%ss complete", report_capital(a, p->fw->term_element)),
			arena_printf(a, "%zu of %zu", p->elements_complete, p->elements));
	report_fact_add(f, arena_printf(a, "%ss with evidence", report_capital(a, p->fw->term_indicator)),
			arena_printf(a, "%zu of %zu", p->indicators_evidenced, p->indicators));
	report_fact_add(f, "Partner groups involved", groups_describe(a, p->groups));
	report_source_note(er->doc, p->fw, arena_printf(a, "%ss and %ss", p->fw->term_element, p->fw->term_indicator),
			   org->name);
	if (p->framework_changed)
		report_note(er->doc, "The instrument's file has changed since this self-evaluation started; "
				     "this report keeps the wording it started with.");
}

static int load(eval_report *er, int64_t org, int64_t evaluation, org_row *o, err *e)
{
	evaluation_row ev;
	if ((org ? evaluation_get_in_org(er->d, org, evaluation, &ev, e) : evaluation_get(er->d, evaluation, &ev, e)) < 0)
		return -1;
	if (evaluation_progress_load(er->d, evaluation, &er->p, e) < 0 ||
	    org_get(er->d, ev.organisation_id, o, e) < 0 ||
	    links_of_evaluation(er->d, evaluation, &er->links, e) < 0 ||
	    evidence_of_org(er->d, ev.organisation_id, &er->evidence, e) < 0)
		return -1;
	er->base = arena_printf(er->d->mem, "/org/%lld/evaluation/%lld", (long long)ev.organisation_id,
				(long long)evaluation);
	return 0;
}

int report_evaluation(domain *d, int64_t org, int64_t evaluation, report_doc **out, err *e)
{
	eval_report er = {.d = d};
	org_row o;
	if (load(&er, org, evaluation, &o, e) < 0)
		return -1;
	arena *a = d->mem;
	const framework *fw = er.p.fw;
	er.doc = report_new(a, arena_printf(a, "%s, %s", fw->title, er.p.evaluation.cycle));
	er.doc->subtitle = o.name;
	er.doc->filename = report_safe_name(a, arena_printf(a, "%s %s", o.name, er.doc->title));
	er.doc->landscape = true;       /* the tool's grid: three wide columns */
	er.doc->made = report_made_today(a);
	opening(&er, &o);
	for (size_t i = 0; i < er.p.n_sections; i++) {
		const section_progress *sp = &er.p.sections[i];
		report_page_break(er.doc);
		report_heading(er.doc, 1, arena_printf(a, "%s %s: %s", report_capital(a, fw->term_section), sp->section->key,
						       sp->section->title));
		if (!report_blank(sp->section->gap))
			report_note(er.doc, REPORT_GAP_SAID);
		if (!report_blank(sp->section->promise))
			report_paragraph(er.doc, sp->section->promise);
		grid(&er, sp);
		report_heading(er.doc, 2, "Strengths and areas for development");
		judgements(&er, sp);
	}
	*out = er.doc;
	return 0;
}
