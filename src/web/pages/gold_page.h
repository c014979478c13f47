/* gold_page.h: what the Charter Gold pages share (gold.c, gold_review.c,
 * area_gold.c, and the organisation home and area dashboard that show
 * awards). */
#ifndef COPRO_WEB_PAGES_GOLD_PAGE_H
#define COPRO_WEB_PAGES_GOLD_PAGE_H

#include "domain/gold.h"
#include "web/pages/pages.h"

/* /org/{org}/evaluation/{evaluation}/readiness of the request's URL. */
const char *gold_path(request *r);
/* The latest decision: the green panel of an award, or "not yet" with
 * its reasons (nothing when there is none). */
void gold_decision_panel(request *r, const gold_decision_list *decisions);
/* On the organisation's home: its latest award and when reaccreditation
 * is due (nothing when none); -1 with r->e set on a database error. */
int gold_home_award(request *r);
/* On the home page: the person's accesses as an assessor (*n of them,
 * current and ended); -1 with r->e set on a database error. */
int gold_home_assessments(request *r, size_t *n);
/* On the area dashboard: accreditations, those due within six months
 * first marked; -1 with r->e set on a database error. */
int gold_area_awards(request *r);
/* On the area settings page: Charter Gold's settings form (`typed` the
 * refused values, or NULL). */
void gold_settings_form(request *r, const char *const typed[2], const form_errors *fe);

extern const route gold_routes[];
extern const route gold_review_routes[];
extern const route area_gold_routes[];
extern const route area_gold_invite_routes[];

#endif
