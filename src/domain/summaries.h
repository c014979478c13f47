/* summaries.h: the short reports for boards (issue 14): the one-page
 * summary of a self-evaluation for governors (domain/report_summary.c) and
 * the area report for the SEND partnership board (domain/report_area.c),
 * built as a report_doc (report/report.h) for the PDF, Word, HTML and
 * Excel writers. */
#ifndef COPRO_DOMAIN_SUMMARIES_H
#define COPRO_DOMAIN_SUMMARIES_H

#include "domain/area.h"
#include "domain/area_export.h"
#include "domain/domain.h"
#include "report/report.h"

/* What the one-page summary keeps so that it fits one A4 page: one
 * strength and one area for development per cornerstone, each cut to
 * SUMMARY_TEXT_MAX bytes at a word, and the SUMMARY_ACTIONS most pressing
 * open actions (the rest are counted, not listed). */
#define SUMMARY_TEXT_MAX 80
#define SUMMARY_ACTIONS 3

/* The one-page summary of self-evaluation `evaluation` as of `today`
 * (YYYY-MM-DD; NULL: today): per cornerstone, statements judged,
 * indicators evidenced and partner groups involved; the top strength and
 * area for development (from the statement with the most indicators
 * evidenced, and the one with the fewest); the organisation's open
 * actions, overdue first. `org` is checked (0: any, for the command line).
 * The document goes in d->mem. */
int report_summary(domain *d, int64_t org, int64_t evaluation, const char *today,
		   report_doc **out, err *e);

/* The area report of `area` as of `today` (NULL: today) for its SEND
 * partnership board: a summary, the portfolio, the heat map as a table
 * (with the levels counted per principle), accepted audits' outcomes per
 * academic year, self-evaluation coverage (per cornerstone and per
 * organisation) and the overdue actions. The document goes in d->mem. */
int report_area(domain *d, int64_t area, const char *today, report_doc **out, err *e);

/* A report as an Excel workbook: a first sheet "About" with the title,
 * subtitle, facts, paragraphs and notes in order, then a sheet per table
 * named from its caption (cut to Excel's 31 characters, made unique),
 * header row bold and frozen, whole numbers as numbers and all other text
 * as text (never a formula). Written in a temporary file under TMPDIR
 * (export_temp_file), removed before this returns. */
int report_xlsx(const report_doc *r, export_sink *out, err *e);
/* The same into bytes in the document's arena, as the other writers give. */
int report_xlsx_bytes(const report_doc *r, report_bytes *out, err *e);

/* `text` cut to at most `max` bytes at a space (or a character boundary),
 * with an ellipsis when cut; newlines become spaces. */
const char *summary_cut(arena *a, const char *text, size_t max);

#endif
