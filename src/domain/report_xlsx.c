/* report_xlsx.c: a report's tables as an Excel workbook (summaries.h),
 * written with libxlsxwriter the way the area's export is
 * (domain/area_export.c: a temporary file, then copied to the sink). */
#include "domain/summaries.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

/* Excel's limits: a sheet name's characters, a cell's. */
#define SHEET_NAME_MAX 31
#define CELL_TEXT_MAX 32767

typedef struct book {
	lxw_workbook *wb;
	lxw_format *bold, *wrap;
	arena *a;
	const char **names;     /* sheet names used so far */
	size_t n_names;
	err *e;
} book;

static bool whole_number(const char *s)
{
	if (!s || !*s || strlen(s) > 15)
		return false;
	for (const char *p = s; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return true;
}

static int cell(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text, bool strong)
{
	lxw_error rc;
	if (whole_number(text))
		rc = worksheet_write_number(ws, row, col, strtod(text, NULL), strong ? b->bold : NULL);
	else
		rc = worksheet_write_string(ws, row, col, strlen(text) > CELL_TEXT_MAX
					    ? arena_strndup(b->a, text, CELL_TEXT_MAX) : text,
					    strong ? b->bold : b->wrap);
	if (rc != LXW_NO_ERROR)
		return err_set(b->e, ERR_IO, "cannot write to the Excel workbook: %s.", lxw_strerror(rc));
	return 0;
}

/* A sheet name from a caption: characters Excel refuses ([]:*?/\) become
 * spaces, at most 31 bytes cut between characters, and " 2", " 3" ...
 * when the name is taken already. */
static const char *sheet_name(book *b, const char *caption)
{
	char base[SHEET_NAME_MAX + 1];
	const char *src = caption && *caption ? caption : "Table";
	size_t n = 0;
	for (; src[n] && n < SHEET_NAME_MAX - 3; n++)
		base[n] = strchr("[]:*?/\\'", src[n]) ? ' ' : src[n];
	while (n && ((unsigned char)src[n] & 0xc0) == 0x80)
		n--;
	while (n && base[n - 1] == ' ')
		n--;
	base[n] = '\0';
	const char *name = base;
	for (int k = 2;; k++) {
		bool taken = false;
		for (size_t i = 0; i < b->n_names; i++)
			taken |= strcasecmp(b->names[i], name) == 0;
		if (!taken)
			break;
		name = arena_printf(b->a, "%s %d", base, k);
	}
	b->names[b->n_names++] = arena_strdup(b->a, name);
	return b->names[b->n_names - 1];
}

static int table_sheet(book *b, const report_block *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, sheet_name(b, t->text));
	if (!ws)
		return err_set(b->e, ERR_IO, "cannot add a sheet to the Excel workbook.");
	for (size_t c = 0; c < t->ncols; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, 12 + 8 * t->widths[c], NULL);
		if (cell(b, ws, 0, (lxw_col_t)c, t->header[c].text, true) < 0)
			return -1;
	}
	worksheet_freeze_panes(ws, 1, 0);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			if (cell(b, ws, (lxw_row_t)(r + 1), (lxw_col_t)c, t->rows[r][c].text, false) < 0)
				return -1;
	return 0;
}

/* The first sheet: what the report is, then its words in order. */
static int about_sheet(book *b, const report_doc *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, sheet_name(b, "About"));
	if (!ws)
		return err_set(b->e, ERR_IO, "cannot add a sheet to the Excel workbook.");
	worksheet_set_column(ws, 0, 0, 45, NULL);
	worksheet_set_column(ws, 1, 1, 90, NULL);
	lxw_row_t row = 0;
	if (cell(b, ws, row++, 0, r->title, true) < 0 ||
	    (r->subtitle && cell(b, ws, row++, 0, r->subtitle, false) < 0) ||
	    (r->made && cell(b, ws, row++, 0, r->made, false) < 0))
		return -1;
	for (const report_block *k = r->first; k; k = k->next) {
		int rc = 0;
		if (k->kind == REPORT_HEADING)
			rc = cell(b, ws, ++row, 0, k->text, true);
		else if (k->kind == REPORT_PARAGRAPH || k->kind == REPORT_NOTE)
			rc = cell(b, ws, row, 0, k->text, false);
		else if (k->kind == REPORT_TABLE)
			rc = cell(b, ws, row, 0, arena_printf(b->a, "The sheet \"%s\" has this table.", k->text), false);
		for (size_t i = 0; rc == 0 && k->kind == REPORT_FACTS && i < k->nfacts; i++, row++)
			if (cell(b, ws, row, 0, k->facts[i].label, false) < 0 ||
			    cell(b, ws, row, 1, k->facts[i].value, false) < 0)
				rc = -1;
		if (rc < 0)
			return -1;
		if (k->kind != REPORT_FACTS && k->kind != REPORT_PAGE_BREAK)
			row++;
	}
	return 0;
}

static int write_book(book *b, const report_doc *r)
{
	size_t tables = 1;
	for (const report_block *k = r->first; k; k = k->next)
		tables += k->kind == REPORT_TABLE;
	b->names = ARENA_ARRAY(b->a, tables, b->names);
	b->bold = workbook_add_format(b->wb);
	b->wrap = workbook_add_format(b->wb);
	if (!b->bold || !b->wrap)
		return err_set(b->e, ERR_IO, "cannot add a format to the Excel workbook.");
	format_set_bold(b->bold);
	format_set_text_wrap(b->bold);
	format_set_text_wrap(b->wrap);
	format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
	if (about_sheet(b, r) < 0)
		return -1;
	for (const report_block *k = r->first; k; k = k->next)
		if (k->kind == REPORT_TABLE && table_sheet(b, k) < 0)
			return -1;
	return 0;
}

int report_xlsx(const report_doc *r, export_sink *out, err *e)
{
	const char *dir;
	char path[512];
	if (export_temp_file(r->filename, path, &dir, e) < 0)
		return -1;
	int rc = -1;
	lxw_workbook_options opts = {.tmpdir = (char *)dir};
	book b = {.wb = workbook_new_opt(path, &opts), .a = r->mem, .e = e};
	if (!b.wb) {
		err_set(e, ERR_IO, "cannot start an Excel workbook in %s.", dir);
		goto done;
	}
	workbook_set_properties(b.wb, &(lxw_doc_properties){.title = (char *)r->title});
	int wrote = write_book(&b, r);
	lxw_error closed = workbook_close(b.wb);
	if (wrote < 0)
		goto done;
	if (closed != LXW_NO_ERROR) {
		err_set(e, ERR_IO, "cannot write the Excel workbook: %s.", lxw_strerror(closed));
		goto done;
	}
	rc = export_send_file(path, out, e);
done:
	unlink(path);
	return rc;
}

/* Gathers the workbook in the document's arena. */
typedef struct collect {
	arena *mem;
	unsigned char *data;
	size_t len;
} collect;

static int to_bytes(void *ctx, const char *bytes, size_t n, err *e)
{
	(void)e;
	collect *c = ctx;
	unsigned char *more = arena_alloc(c->mem, c->len + n);
	if (c->len)
		memcpy(more, c->data, c->len);
	memcpy(more + c->len, bytes, n);
	c->data = more;
	c->len += n;
	return 0;
}

int report_xlsx_bytes(const report_doc *r, report_bytes *out, err *e)
{
	collect c = {.mem = r->mem};
	export_sink sink = {to_bytes, &c};
	if (report_xlsx(r, &sink, e) < 0)
		return -1;
	out->data = c.data;
	out->len = c.len;
	return 0;
}
