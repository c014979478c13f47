/* document.c: building a report_doc (report.h), the one model the PDF,
 * Word and HTML writers read. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "report/report.h"

#define SAFE_NAME_MAX 80

report_doc *report_new(arena *a, const char *title)
{
	report_doc *r = arena_alloc(a, sizeof *r);
	r->mem = a;
	r->title = arena_strdup(a, title ? title : "");
	r->lang = "en-GB";
	r->filename = report_safe_name(a, r->title);
	return r;
}

static report_block *append(report_doc *r, enum report_block_kind kind, const char *text)
{
	report_block *b = arena_alloc(r->mem, sizeof *b);
	b->mem = r->mem;
	b->kind = kind;
	b->text = arena_strdup(r->mem, text ? text : "");
	if (r->last)
		r->last->next = b;
	else
		r->first = b;
	r->last = b;
	return b;
}

void report_heading(report_doc *r, int level, const char *text)
{
	append(r, REPORT_HEADING, text)->level = level < 1 ? 1 : level > 3 ? 3 : level;
}

void report_paragraph(report_doc *r, const char *text)
{
	append(r, REPORT_PARAGRAPH, text);
}

void report_link(report_doc *r, const char *text, const char *link)
{
	append(r, REPORT_PARAGRAPH, text)->link = arena_strdup(r->mem, link);
}

void report_note(report_doc *r, const char *text)
{
	append(r, REPORT_NOTE, text);
}

void report_page_break(report_doc *r)
{
	append(r, REPORT_PAGE_BREAK, NULL);
}

report_block *report_facts(report_doc *r)
{
	return append(r, REPORT_FACTS, NULL);
}

/* Grows an arena array to hold one more item (the old copy stays in the
 * arena until it is freed: reports are small next to their request). */
static void *grow(arena *a, void *items, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return items;
	size_t want = *cap ? *cap * 2 : 8;
	void *bigger = arena_array(a, want, size);
	if (n)
		memcpy(bigger, items, n * size);
	*cap = want;
	return bigger;
}

void report_fact_add(report_block *facts, const char *label, const char *value)
{
	facts->facts = grow(facts->mem, facts->facts, facts->nfacts, &facts->facts_cap, sizeof *facts->facts);
	report_fact *f = &facts->facts[facts->nfacts++];
	f->label = arena_strdup(facts->mem, label ? label : "");
	f->value = arena_strdup(facts->mem, value ? value : "");
}

report_block *report_table(report_doc *r, const char *caption, size_t ncols,
			   const char *const *headers, const double *widths)
{
	report_block *t = append(r, REPORT_TABLE, caption);
	t->ncols = ncols ? ncols : 1;
	t->widths = ARENA_ARRAY(r->mem, t->ncols, t->widths);
	t->header = ARENA_ARRAY(r->mem, t->ncols, t->header);
	for (size_t i = 0; i < t->ncols; i++) {
		t->widths[i] = widths && widths[i] > 0 ? widths[i] : 1;
		t->header[i].text = arena_strdup(r->mem, headers && i < ncols && headers[i] ? headers[i] : "");
		t->header[i].strong = true;
	}
	return t;
}

report_cell *report_row(report_block *table)
{
	table->rows = grow(table->mem, table->rows, table->nrows, &table->rows_cap, sizeof *table->rows);
	report_cell *row = ARENA_ARRAY(table->mem, table->ncols, row);
	for (size_t i = 0; i < table->ncols; i++)
		row[i].text = "";
	table->rows[table->nrows++] = row;
	return row;
}

void report_cell_set(report_block *table, report_cell *c, const char *text, const char *link)
{
	c->text = arena_strdup(table->mem, text ? text : "");
	c->link = arena_strdup(table->mem, link);
}

const char *report_safe_name(arena *a, const char *name)
{
	char *out = arena_alloc(a, SAFE_NAME_MAX + 1);
	size_t n = 0;
	bool gap = false;
	for (const unsigned char *p = (const unsigned char *)(name ? name : ""); *p && n < SAFE_NAME_MAX; p++) {
		if (isalnum(*p) && *p < 0x80) {
			if (gap && n)
				out[n++] = '-';
			gap = false;
			if (n < SAFE_NAME_MAX)
				out[n++] = (char)tolower(*p);
		} else {
			gap = true;
		}
	}
	if (!n)
		return "report";
	return out;
}
