/* report_audit.c: a joint partnership audit as York's form (seed 004,
 * appendix 1): the header, then per principle its commitments, the
 * indicator with each level's descriptor and the one chosen, the score,
 * notes and evidence; then summary, next steps, review date and sign-off.
 * Field titles, levels and descriptors come from the stored instrument. */
#include <string.h>

#include "core/text.h"
#include "domain/audit.h"
#include "domain/report_internal.h"

/* A field's title from the instrument, else copro's word for it. */
static const char *field(const audit_view *v, const char *key, const char *otherwise)
{
	const char *t = audit_field_title(v->fw, key);
	return t ? t : otherwise;
}

static void header(report_doc *doc, const audit_view *v)
{
	arena *a = doc->mem;
	report_block *f = report_facts(doc);
	report_fact_add(f, field(v, "organisation", "Organisation"), v->org.name);
	report_fact_add(f, field(v, "service-area", "Service area"), report_blank(v->audit.service_area) ? "Not given" : v->audit.service_area);
	report_fact_add(f, field(v, "description", "Description"), report_blank(v->audit.description) ? "Not given" : v->audit.description);
	report_fact_add(f, field(v, "date", "Date"), report_date(a, v->audit.audit_date, "Not given"));
	const char *people = "";
	for (size_t i = 0; i < v->n_people; i++)
		people = arena_printf(a, "%s%s%s%s%s", people, i ? "\n" : "", v->people[i].name,
				      report_blank(v->people[i].designation) ? "" : ", ", v->people[i].designation ? v->people[i].designation : "");
	report_fact_add(f, field(v, "completed-by", "People"), *people ? people : "None recorded");
	report_fact_add(f, "Version", arena_printf(a, "%d (%s)", v->audit.version, v->audit.status));
}

/* The indicator and its levels across, as on the form: the chosen level
 * says so in its cell. */
static void levels(report_doc *doc, const audit_view *v, const audit_principle_view *pv)
{
	arena *a = doc->mem;
	const fw_element *ind = pv->indicator;
	size_t n = ind ? ind->n_levels : 0;
	const char **head = ARENA_ARRAY(a, n + 1, head);
	double *widths = ARENA_ARRAY(a, n + 1, widths);
	head[0] = ind && ind->title ? ind->title : "";
	widths[0] = 3;
	for (size_t i = 0; i < n; i++) {
		head[i + 1] = ind->levels[i].title;
		widths[i + 1] = 3;
	}
	report_block *t = report_table(doc, pv->principle->title, n + 1, head, widths);
	report_cell *row = report_row(t);
	report_cell_set(t, &row[0], ind && ind->description ? ind->description : REPORT_GAP_SAID, NULL);
	for (size_t i = 0; i < n; i++) {
		const fw_item *l = &ind->levels[i];
		bool chosen = pv->row.level && !strcmp(pv->row.level, l->key);
		const char *text = report_blank(l->text) ? (report_blank(l->gap) ? "" : REPORT_GAP_SAID) : l->text;
		report_cell_set(t, &row[i + 1], chosen ? arena_printf(a, "Chosen: %s\n\n%s", l->title, text) : text, NULL);
		row[i + 1].strong = chosen;
	}
	(void)v;
}

static void principle(report_doc *doc, const audit_view *v, const audit_principle_view *pv)
{
	arena *a = doc->mem;
	const framework *fw = v->fw;
	report_heading(doc, 1, arena_printf(a, "%s %s: %s", report_capital(a, fw->term_section), pv->principle->key,
					     pv->principle->title));
	if (pv->n_commitments) {
		const char *list = "";
		for (size_t i = 0; i < pv->n_commitments; i++)
			list = arena_printf(a, "%s%s%s", list, i ? "\n" : "", pv->commitments[i]);
		if (fw->label_commitments)
			report_heading(doc, 3, fw->label_commitments);
		report_paragraph(doc, list);
	}
	levels(doc, v, pv);
	report_block *f = report_facts(doc);
	report_fact_add(f, "Level chosen", pv->level ? pv->level->title : "Not chosen");
	report_fact_add(f, field(v, "score", "Score"),
			pv->row.score == AUDIT_NO_SCORE ? "Not given" : arena_printf(a, "%d", pv->row.score));
	report_fact_add(f, field(v, "notes-evidence", "Notes or Evidence"), report_blank(pv->row.notes) ? "None recorded" : pv->row.notes);
	const char *ev = "";
	for (size_t i = 0; i < pv->n_evidence; i++)
		ev = arena_printf(a, "%s%s%s (%s)", ev, i ? "\n" : "", pv->evidence[i].title,
				  report_date(a, pv->evidence[i].evidence_date, "undated"));
	report_fact_add(f, "Evidence linked", *ev ? ev : "None linked");
	if (!report_blank(pv->area_comment))
		report_note(doc, arena_printf(a, "The area's comment on version %d: %s", pv->area_comment_version,
					      pv->area_comment));
}

static void closing(report_doc *doc, const audit_view *v)
{
	arena *a = doc->mem;
	report_heading(doc, 1, field(v, "summary", "Summary"));
	report_paragraph(doc, report_blank(v->audit.summary) ? "Not written yet." : v->audit.summary);
	report_block *f = report_facts(doc);
	const char *outcome = v->audit.outcome ? audit_outcome_title(v->fw, v->audit.outcome) : NULL;
	report_fact_add(f, "Outcome", outcome ? outcome : "Not chosen");
	if (!report_blank(v->audit.outcome_reason))
		report_fact_add(f, "Why this outcome", v->audit.outcome_reason);
	report_fact_add(f, field(v, "next-steps", "Next steps"), report_blank(v->audit.next_steps) ? "None recorded" : v->audit.next_steps);
	report_fact_add(f, field(v, "review-date", "Review date"), report_date(a, v->audit.review_on, "Not given"));
	report_fact_add(f, field(v, "sign-off", "Signed"),
			report_blank(v->audit.signed_by) ? "Not signed yet"
						  : arena_printf(a, "%s%s%s", v->audit.signed_by, report_blank(v->audit.signed_on) ? "" : ", ",
								 report_date(a, v->audit.signed_on, "")));
	if (!report_blank(v->return_comment))
		report_note(doc, arena_printf(a, "The area returned this version: %s", v->return_comment));
}

int report_audit(domain *d, int64_t org, int64_t audit, report_doc **out, err *e)
{
	audit_row row;
	if ((org ? audit_get_in_org(d, org, audit, &row, e) : audit_get(d, audit, &row, e)) < 0)
		return -1;
	audit_view v;
	if (audit_view_load(d, audit, &v, e) < 0)
		return -1;
	arena *a = d->mem;
	report_doc *doc = report_new(a, arena_printf(a, "%s, version %d", v.fw->title, v.audit.version));
	doc->subtitle = report_blank(v.audit.service_area) ? v.org.name : arena_printf(a, "%s: %s", v.org.name, v.audit.service_area);
	doc->filename = report_safe_name(a, arena_printf(a, "%s joint partnership audit version %d %s", v.org.name,
							 v.audit.version, v.audit.service_area ? v.audit.service_area : ""));
	doc->landscape = true;          /* the levels side by side, as on the form */
	doc->made = report_made_today(a);
	header(doc, &v);
	report_source_note(doc, v.fw, "principles, commitments, indicators and levels", v.org.name);
	for (size_t i = 0; i < v.n_principles; i++)
		principle(doc, &v, &v.principles[i]);
	closing(doc, &v);
	*out = doc;
	return 0;
}
