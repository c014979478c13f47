/* docx.h: the Word writer: a report_doc (report.h) as a minimal
 * WordprocessingML package (.docx), for an organisation that must edit the
 * report or attach it where Word is asked for. */
#ifndef COPRO_REPORT_DOCX_H
#define COPRO_REPORT_DOCX_H

#include "report/report.h"

#define DOCX_TYPE "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/* Writes `r` as a .docx into out (bytes in r->mem). Headings use Word's
 * own Title and Heading 1-3 styles (the navigation pane and screen readers
 * know them), tables are real tables whose header row repeats on each
 * page, notes have a style of their own. Links are made absolute with
 * `base` ("https://copro.example"); NULL base writes their text only.
 * Text XML 1.0 cannot hold (control characters, bytes that are not UTF-8)
 * is left out. -1 with e set when libzip fails. */
int report_docx(const report_doc *r, const char *base, report_bytes *out, err *e);

#endif
