/* report_internal.h: what the report builders (domain/report_*.c) share. */
#ifndef COPRO_DOMAIN_REPORT_INTERNAL_H
#define COPRO_DOMAIN_REPORT_INTERNAL_H

#include "domain/reports.h"

/* What a report says where the source text is missing (the editor's note
 * stays on the staff pages). */
#define REPORT_GAP_SAID "Part of the source text is missing here."

bool report_blank(const char *s);                       /* NULL or "" */
/* s with a capital first letter ("cornerstone" -> "Cornerstone"). */
const char *report_capital(arena *a, const char *s);
/* "15 October 2026", or `none` when iso is NULL or "". */
const char *report_date(arena *a, const char *iso, const char *none);
/* The footer's "made 6 December 2026". */
const char *report_made_today(arena *a);
/* The note saying whose words are whose: the instrument's `what` are
 * quoted from its source; the rest is `org`'s own record. */
void report_source_note(report_doc *doc, const framework *fw, const char *what, const char *org);

#endif
