/* measure_page.h: what the list of success measures (measures.c) and a
 * measure's page (measure.c) share. */
#ifndef COPRO_WEB_PAGES_MEASURE_PAGE_H
#define COPRO_WEB_PAGES_MEASURE_PAGE_H

#include "domain/measure.h"
#include "web/pages/pages.h"

/* A tag saying whether the metric's target is met. */
void measure_target_tag(request *r, const metric_row *m, const metric_status *st);
/* The title and hint of a column of the monitoring grid, in the
 * instrument's words (the hint says when part of the source is missing). */
void measure_column_title(const framework *fw, const char *key, const char **title,
			  const char **hint);

#endif
