/* plan_page.h: what a plan's pages (plan.c) and its cornerstone's form
 * (plan_cornerstone.c) share: the plan in the URL, loaded whole, its
 * address, breadcrumbs, wording and form fields. */
#ifndef COPRO_WEB_PAGES_PLAN_PAGE_H
#define COPRO_WEB_PAGES_PLAN_PAGE_H

#include "domain/plan.h"
#include "web/pages/pages.h"

/* ---- loading ------------------------------------------------------------ */

typedef struct plan_page {
	plan_full p;
	org_row org;
	const plan_section *ps;         /* the cornerstone page's cornerstone */
} plan_page;

/* Loads the plan named in the URL (and its cornerstone, when the route has
 * one). Answers 0, or the status of the error page it wrote. */
int plan_page_load(request *r, plan_page *pg, bool cornerstone);
const char *plan_path(request *r, int64_t id);
/* Home > organisation > plans > the plan > `here` (or the plan itself,
 * when `here` is NULL). */
void plan_breadcrumbs(request *r, const plan_page *pg, const char *here);
void plan_changed_notice(request *r, const plan_page *pg);
/* "Cornerstone 1: Welcome and Care", from the instrument's own terms. */
const char *plan_section_name(request *r, const framework *fw, const fw_section *s);
const char *plan_strengths_title(const plan_instrument *pi);
const char *plan_areas_title(const plan_instrument *pi);
/* A cornerstone's page (plan_cornerstone.c); `fe` holds what was wrong
 * with a refused save or a refused action (POST .../actions). */
int plan_cornerstone_render(request *r, const plan_page *pg, const form_errors *fe);
/* A form field's name: "strengths-1i", "question-1.2", "aspect-vision". */
const char *plan_field(request *r, const char *what, const char *key);
/* Checks one posted text; NULL when the field was not sent (left as it is). */
const char *plan_long_field(request *r, const char *field, const char *what, form_errors *fe);

#endif
