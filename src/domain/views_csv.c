/* views_csv.c: a round's results as CSV or an Excel workbook, with the
 * same suppression as the pages: one row per statement and partner group,
 * the same cells in both. */
#include "domain/views_internal.h"

#include <stdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "domain/area_export.h"

/* One cell: text (NULL: empty) or a whole number. */
typedef struct cell {
	const char *text;
	int64_t number;
	bool is_number;
} cell;

#define N_HEAD 7
#define N_TAIL 3
#define MAX_CELLS (N_HEAD + 5 + N_TAIL)

static size_t header_cells(const view_round_row *r, cell *c)
{
	static const char *const head[N_HEAD] = {"statement", "statement_title", "group",
						 "group_title", "suppressed", "responses", "answers"};
	static const char *const tail[N_TAIL] = {"median", "views_differ", "agreed_view"};
	size_t n = 0;
	for (size_t i = 0; i < N_HEAD; i++)
		c[n++] = (cell){.text = head[i]};
	for (int v = views_scale_top(r); v >= 0; v--)
		c[n++] = (cell){.text = views_rating_words(r, v)};
	for (size_t i = 0; i < N_TAIL; i++)
		c[n++] = (cell){.text = tail[i]};
	return n;
}

static cell num(const view_group_result *g, size_t v)
{
	/* A suppressed group's figures are left empty: not even its count. */
	return g->suppressed ? (cell){0} : (cell){.number = (int64_t)v, .is_number = true};
}

static size_t group_cells(arena *a, const view_results *res, const view_element_result *el,
			  size_t i, cell *c)
{
	const view_group_result *g = &el->groups[i];
	size_t n = 0;
	c[n++] = (cell){.text = el->element_key};
	c[n++] = (cell){.text = el->element ? el->element->title : NULL};
	c[n++] = (cell){.text = g->link->partner_group};
	c[n++] = (cell){.text = views_group_title(g->link)};
	c[n++] = (cell){.text = g->suppressed ? "true" : "false"};
	c[n++] = num(g, g->responses);
	c[n++] = num(g, g->answers);
	for (int v = views_scale_top(&res->round); v >= 0; v--)
		c[n++] = num(g, g->counts[v]);
	c[n++] = (cell){.text = g->has_median ? arena_printf(a, "%.1f", g->median) : NULL};
	c[n++] = (cell){.text = el->differ && (i == el->differ_a || i == el->differ_b) ? "true"
										       : "false"};
	c[n++] = (cell){.text = el->has_agreed ? el->agreed.agreed : NULL};
	return n;
}

/* Calls `row` with the header, then every statement's groups. */
typedef int (*row_fn)(void *ctx, const cell *c, size_t n, err *e);

static int each_row(domain *d, const view_results *res, row_fn row, void *ctx, err *e)
{
	cell c[MAX_CELLS];
	if (row(ctx, c, header_cells(&res->round, c), e) < 0)
		return -1;
	for (size_t k = 0; k < res->n_elements; k++)
		for (size_t i = 0; i < res->elements[k].n_groups; i++)
			if (row(ctx, c, group_cells(d->mem, res, &res->elements[k], i, c), e) < 0)
				return -1;
	return 0;
}

static int csv_row(void *ctx, const cell *c, size_t n, err *e)
{
	csv_writer *w = ctx;
	(void)e;
	for (size_t i = 0; i < n; i++)
		if (c[i].is_number)
			csv_write_int(w, c[i].number);
		else
			csv_write_text(w, c[i].text);
	csv_write_end_row(w);
	return w->failed ? -1 : 0;
}

int views_results_csv(domain *d, int64_t round, bool lead, export_sink *out, err *e)
{
	view_results res;
	if (views_results(d, round, lead, &res, e) < 0)
		return -1;
	csv_writer w;
	csv_writer_init(&w, out, e);
	return each_row(d, &res, csv_row, &w, e);
}

/* ---- Excel -------------------------------------------------------------------- */

typedef struct sheet {
	lxw_worksheet *ws;
	lxw_format *bold;
	lxw_row_t next;
} sheet;

static int xlsx_row(void *ctx, const cell *c, size_t n, err *e)
{
	sheet *s = ctx;
	lxw_row_t row = s->next++;
	for (size_t i = 0; i < n; i++) {
		lxw_error rc = LXW_NO_ERROR;
		/* Text is written as text, never as a formula. */
		if (c[i].is_number)
			rc = worksheet_write_number(s->ws, row, (lxw_col_t)i, (double)c[i].number, NULL);
		else if (c[i].text && *c[i].text)
			rc = worksheet_write_string(s->ws, row, (lxw_col_t)i, c[i].text,
						    row ? NULL : s->bold);
		if (rc != LXW_NO_ERROR)
			return err_set(e, ERR_IO, "cannot write a cell in the Excel workbook: %s.",
				       lxw_strerror(rc));
	}
	return 0;
}

static int xlsx_write(domain *d, const view_results *res, const char *path, const char *dir,
		      err *e)
{
	lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = (char *)dir};
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	if (!wb)
		return err_set(e, ERR_IO, "cannot start an Excel workbook in %s.", dir);
	sheet s = {.ws = workbook_add_worksheet(wb, "results"), .bold = workbook_add_format(wb)};
	int rc = -1;
	if (!s.ws || !s.bold)
		err_set(e, ERR_IO, "cannot add the results sheet to the Excel workbook.");
	else {
		format_set_bold(s.bold);
		worksheet_freeze_panes(s.ws, 1, 0);
		rc = each_row(d, res, xlsx_row, &s, e);
	}
	lxw_error closed = workbook_close(wb);
	if (rc == 0 && closed != LXW_NO_ERROR)
		rc = err_set(e, ERR_IO, "cannot save the Excel workbook: %s.", lxw_strerror(closed));
	return rc;
}

int views_results_xlsx(domain *d, int64_t round, bool lead, export_sink *out, err *e)
{
	view_results res;
	const char *dir;
	char path[512];
	if (views_results(d, round, lead, &res, e) < 0 || export_temp_file("views", path, &dir, e) < 0)
		return -1;
	int rc = xlsx_write(d, &res, path, dir, e);
	if (rc == 0)
		rc = export_send_file(path, out, e);
	unlink(path);
	return rc;
}
