/* views_csv.c: a round's results as CSV, with the same suppression as the
 * pages: one row per statement and partner group. */
#include "domain/views_internal.h"

#include <stdio.h>

#include "domain/area_export.h"

static void write_header(csv_writer *w, const view_round_row *r)
{
	static const char *const head[] = {"statement", "statement_title", "group", "group_title",
					   "suppressed", "responses", "answers"};
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_write_text(w, head[i]);
	for (int v = views_scale_top(r); v >= 0; v--)
		csv_write_text(w, views_rating_words(r, v));
	csv_write_text(w, "median");
	csv_write_text(w, "views_differ");
	csv_write_text(w, "agreed_view");
	csv_write_end_row(w);
}

static void write_group(csv_writer *w, const view_results *res, const view_element_result *el,
			size_t i)
{
	const view_group_result *g = &el->groups[i];
	csv_write_text(w, el->element_key);
	csv_write_text(w, el->element ? el->element->title : NULL);
	csv_write_text(w, g->link->partner_group);
	csv_write_text(w, views_group_title(g->link));
	csv_write_text(w, g->suppressed ? "true" : "false");
	/* A suppressed group's figures are left empty: not even its count. */
	if (g->suppressed)
		for (int k = 0; k < 2; k++)
			csv_write_text(w, NULL);
	else {
		csv_write_int(w, (int64_t)g->responses);
		csv_write_int(w, (int64_t)g->answers);
	}
	for (int v = views_scale_top(&res->round); v >= 0; v--)
		if (g->suppressed)
			csv_write_text(w, NULL);
		else
			csv_write_int(w, (int64_t)g->counts[v]);
	char median[16];
	snprintf(median, sizeof median, "%.1f", g->median);
	csv_write_text(w, g->has_median ? median : NULL);
	csv_write_text(w, el->differ && (i == el->differ_a || i == el->differ_b) ? "true" : "false");
	csv_write_text(w, el->has_agreed ? el->agreed.agreed : NULL);
	csv_write_end_row(w);
}

int views_results_csv(domain *d, int64_t round, bool lead, export_sink *out, err *e)
{
	view_results res;
	if (views_results(d, round, lead, &res, e) < 0)
		return -1;
	csv_writer w;
	csv_writer_init(&w, out, e);
	write_header(&w, &res.round);
	for (size_t k = 0; k < res.n_elements && !w.failed; k++)
		for (size_t i = 0; i < res.elements[k].n_groups; i++)
			write_group(&w, &res, &res.elements[k], i);
	return w.failed ? -1 : 0;
}
