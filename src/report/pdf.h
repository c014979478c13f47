/* pdf.h: the PDF writer of the report model (report.h): A4 pages drawn
 * with cairo and pango, page numbers, repeated table headers, links and a
 * heading outline. */
#ifndef COPRO_REPORT_PDF_H
#define COPRO_REPORT_PDF_H

#include "report/report.h"

typedef struct report_pdf_options {
	/* The address copro is reached at ("https://copro.example.org"): the
	 * model's links (paths) become absolute links. NULL: no web links,
	 * only the links inside the document (its contents). */
	const char *base_url;
	const char *author;     /* the PDF's Author (NULL: the document's subtitle) */
} report_pdf_options;

/* Writes `doc` as a PDF into out (bytes in the document's arena). opt may
 * be NULL. The title, author and creator are cairo's metadata; cairo 1.16
 * cannot set the language, so the writer appends it (/Lang in the
 * catalogue) as an incremental update when doc->lang is a plain tag.
 * 0, or -1 with e set when cairo fails. */
int report_pdf(const report_doc *doc, const report_pdf_options *opt, report_bytes *out, err *e);

#endif
