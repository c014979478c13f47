/* report_measures.c: an organisation's success measures as the source's
 * monitoring grid (seed 002, docs/measures.md): per cycle, each measure
 * under its cornerstone with the four columns the organisation writes, and
 * where each metric stands. Column titles come from the instrument. */
#include <stdlib.h>
#include <string.h>

#include "domain/measure.h"
#include "domain/report_internal.h"

static const char *column(arena *a, const framework *fw, const char *key, const char *otherwise)
{
	measure_column c;
	if (fw && measure_column_find(fw, key, &c) && c.title)
		return c.title;
	return arena_strdup(a, otherwise);
}

/* The grid's "what are we measuring" cell, then each metric's standing. */
static const char *measuring(arena *a, const char *text, const measure_detail *md)
{
	const char *out = report_blank(text) ? "" : text;
	for (size_t i = 0; i < md->n_metrics; i++)
		out = arena_printf(a, "%s%s%s: %s", out, *out ? "\n\n" : "", md->metrics[i].metric.name,
				   md->metrics[i].status.sentence ? md->metrics[i].status.sentence : "");
	return *out ? out : "Not written yet.";
}

static report_block *cycle_table(report_doc *doc, const framework *fw, const char *cycle)
{
	arena *a = doc->mem;
	const char *head[] = {column(a, fw, "cornerstone", "Cornerstone"), column(a, fw, "measure", "Success measure"),
			      column(a, fw, "improve", "What needs to be improved"),
			      column(a, fw, "know", "How we will know"), column(a, fw, "measuring", "What we are measuring"),
			      column(a, fw, "evaluation", "Evaluation")};
	const double widths[] = {1.4, 2.5, 2.5, 3, 3, 2.5};
	report_heading(doc, 1, cycle);
	return report_table(doc, arena_printf(a, "Success measures, %s", cycle), 6, head, widths);
}

static int row(report_doc *doc, domain *d, report_block *t, const measure_row *m, err *e)
{
	arena *a = doc->mem;
	measure_detail md;
	if (measure_detail_load(d, m->id, &md, e) < 0)
		return -1;
	const char *text = md.text && strcmp(md.text, "[GAP IN SOURCE]") ? md.text : REPORT_GAP_SAID;
	report_cell *r = report_row(t);
	report_cell_set(t, &r[0], arena_printf(a, "%s %s", m->cornerstone_key, md.cornerstone_title), NULL);
	report_cell_set(t, &r[1], m->catalogue_key ? arena_printf(a, "%s %s", m->catalogue_key, text) : text,
			arena_printf(a, "/org/%lld/measure/%lld", (long long)m->organisation_id, (long long)m->id));
	report_cell_set(t, &r[2], report_blank(m->improve) ? "Not written yet." : m->improve, NULL);
	report_cell_set(t, &r[3], report_blank(m->know) ? "Not written yet." : m->know, NULL);
	report_cell_set(t, &r[4], measuring(a, m->measuring, &md), NULL);
	report_cell_set(t, &r[5], report_blank(m->evaluation) ? "Not written yet." : m->evaluation, NULL);
	return 0;
}

static int newest_first(const void *x, const void *y)
{
	return strcmp(*(const char *const *)y, *(const char *const *)x);
}

int report_measures(domain *d, int64_t org, int64_t unused, report_doc **out, err *e)
{
	(void)unused;
	org_row o;
	measure_list list;
	if (org_get(d, org, &o, e) < 0 || measures_of_org(d, org, NULL, &list, e) < 0)
		return -1;
	arena *a = d->mem;
	err none = {0};
	const framework *fw = measure_instrument(d, &none);
	report_doc *doc = report_new(a, fw && fw->title ? arena_printf(a, "%s: monitoring grid", fw->title) : "Success measures: monitoring grid");
	doc->subtitle = o.name;
	doc->filename = report_safe_name(a, arena_printf(a, "%s success measures monitoring grid", o.name));
	doc->landscape = true;          /* six columns, as the source's grid */
	doc->made = report_made_today(a);
	if (fw)
		report_source_note(doc, fw, "column headings and catalogue measures", o.name);
	if (!list.n)
		report_paragraph(doc, "No success measures have been chosen yet.");
	/* The newest cycle first; in each, the measures by cornerstone (the
	 * list's order). */
	const char **cycles = ARENA_ARRAY(a, list.n, cycles);
	size_t ncycles = 0;
	for (size_t i = 0; i < list.n; i++) {
		size_t j = 0;
		while (j < ncycles && strcmp(cycles[j], list.items[i].cycle))
			j++;
		if (j == ncycles)
			cycles[ncycles++] = list.items[i].cycle;
	}
	qsort(cycles, ncycles, sizeof *cycles, newest_first);
	for (size_t c = 0; c < ncycles; c++) {
		report_block *t = cycle_table(doc, fw, cycles[c]);
		for (size_t i = 0; i < list.n; i++)
			if (!strcmp(list.items[i].cycle, cycles[c]) && row(doc, d, t, &list.items[i], e) < 0)
				return -1;
	}
	*out = doc;
	return 0;
}
