/* area_page.h: what the area's pages share (area.c, area_evaluations.c):
 * the heading, the list of the area's pages, the sector and service-type
 * filter and sector names. */
#ifndef COPRO_WEB_PAGES_AREA_PAGE_H
#define COPRO_WEB_PAGES_AREA_PAGE_H

#include "domain/area.h"
#include "web/pages/pages.h"

void area_heading(request *r, const char *area_name, const char *title);
const char *area_sector_label(const char *sector);
/* The filters from the query (a value not offered is an error), and their
 * form, which sends them to /area/{area}{page}. */
void area_read_filter(request *r, const picture_text_list *types, picture_filter *f,
		      form_errors *fe);
void area_filter_form(request *r, const char *page, const picture_text_list *types,
		      const form_errors *fe);

/* A page narrowed by the filters: the area's name, its service types, and
 * the filters read from the query (fe: those refused). */
typedef struct area_filtered {
	const char *name;
	picture_text_list types;
	form_errors fe;
	picture_filter f;
} area_filtered;

/* Reads them: 0, or the status of the page already answered (no such
 * area, a failure). */
int area_filtered_read(request *r, area_filtered *af);
/* Begins the page `title` at /area/{area}{page}: heading, the area's pages
 * and the filter form. 0 to go on; 400 when a filter was refused (the page
 * is ended, asking to correct them to see `what`). */
int area_filtered_begin(request *r, const area_filtered *af, const char *title, const char *page,
			const char *what);

/* The area's totals per cornerstone of the self-evaluations in `ev`, as a
 * table captioned `caption` (area_evaluations.c). */
void area_evaluation_totals(request *r, const area_evaluations *ev, const char *caption);

#endif
