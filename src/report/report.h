/* report.h: a document copro prints or hands over (issue 14): headings,
 * paragraphs, notes, fact lists and tables, built once from the data by the
 * domain (domain/report_*.c) and written by one of three writers: PDF
 * (report/pdf.c, cairo and pango), Word (report/docx.c, libzip) or a
 * printable HTML page (report/html.c). Everything lives in one arena, so a
 * report goes with its request or command. */
#ifndef COPRO_REPORT_H
#define COPRO_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"

enum report_block_kind {
	REPORT_HEADING,         /* level 1 to 3; level 1 and 2 start outline entries */
	REPORT_PARAGRAPH,       /* plain text; "\n" starts a new line */
	REPORT_NOTE,            /* smaller and set apart: a gap in the source, a caveat */
	REPORT_FACTS,           /* label: value pairs, as a summary list */
	REPORT_TABLE,           /* a header row repeated on each page, then rows */
	REPORT_PAGE_BREAK       /* the next block starts a new page (PDF, Word, print) */
};

/* One cell: its text and, when it names a record, the address of that
 * record's page (a path such as /org/1/evidence/4; writers that can link
 * make it a link, resolved against the base the caller gives). */
typedef struct report_cell {
	const char *text;
	const char *link;       /* NULL: no link */
	bool strong;            /* a row label or a total */
} report_cell;

typedef struct report_fact {
	const char *label, *value;
} report_fact;

typedef struct report_block {
	arena *mem;                     /* the document's */
	enum report_block_kind kind;
	int level;                      /* headings */
	const char *text;               /* headings, paragraphs, notes; table caption */
	const char *link;               /* a paragraph that is one link (NULL: none) */
	/* facts */
	report_fact *facts;
	size_t nfacts, facts_cap;
	/* tables: ncols columns, widths relative to each other (all 1 when the
	 * builder gave none), a header row and rows of ncols cells each */
	size_t ncols;
	double *widths;
	report_cell *header;
	report_cell **rows;
	size_t nrows, rows_cap;
	struct report_block *next;
} report_block;

typedef struct report_doc {
	arena *mem;
	const char *title;              /* the document's title (PDF and Word metadata too) */
	const char *subtitle;           /* the organisation, the version: under the title */
	const char *lang;               /* BCP 47, "en-GB" unless the builder says otherwise */
	const char *made;               /* when it was made, in words, for the footer */
	const char *filename;           /* a safe, descriptive base name without extension */
	report_block *first, *last;
	bool landscape;                 /* a wide grid: A4 landscape in PDF and print (default portrait) */
	bool compact;                   /* type a size smaller: a page that must fit (the one-page summary) */
} report_doc;

/* A new, empty document in arena `a`. */
report_doc *report_new(arena *a, const char *title);

/* Blocks, appended in order. Text is copied into the document's arena;
 * NULL text is written as "". */
void report_heading(report_doc *r, int level, const char *text);
void report_paragraph(report_doc *r, const char *text);
void report_link(report_doc *r, const char *text, const char *link);
void report_note(report_doc *r, const char *text);
void report_page_break(report_doc *r);
/* A fact list; report_fact_add appends to it. */
report_block *report_facts(report_doc *r);
void report_fact_add(report_block *facts, const char *label, const char *value);
/* A table of ncols columns with its header row (ncols texts) and relative
 * widths (NULL: equal). `caption` names it for screen readers and Word. */
report_block *report_table(report_doc *r, const char *caption, size_t ncols,
			   const char *const *headers, const double *widths);
/* A row of the table's ncols cells, returned for the builder to fill
 * with report_cell_set (texts start as ""). */
report_cell *report_row(report_block *table);
/* Copies text (NULL: "") and link (NULL: none) into the table's arena. */
void report_cell_set(report_block *table, report_cell *c, const char *text, const char *link);

/* A file name made safe from `name` (letters, digits and hyphens, lower
 * case, at most 80 characters; "report" when nothing is left). */
const char *report_safe_name(arena *a, const char *name);

/* What a writer produces: bytes in the document's arena. */
typedef struct report_bytes {
	unsigned char *data;
	size_t len;
} report_bytes;

#endif
