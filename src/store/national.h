/* national.h: the whole-country summary's aggregate queries, each one
 * statement grouped by area (never a query per area or per organisation).
 * Part of the store layer; see store.h for conventions. An organisation
 * with no area is counted under area id 0. */
#ifndef COPRO_STORE_NATIONAL_H
#define COPRO_STORE_NATIONAL_H

#include "store/store.h"

/* Every area, by name. */
int store_national_areas(store *s, arena *a, national_area_list *out, err *e);
/* The audit rows above; dates are YYYY-MM-DD and inclusive, `lowest` the
 * key of the instrument's lowest level. */
int store_national_audits(store *s, arena *a, const char *since, const char *today,
			  const char *lowest, national_audit_list *out, err *e);
int store_national_evaluations(store *s, arena *a, national_evaluation_list *out, err *e);
/* Actions open or in progress whose due date is before today, per area. */
int store_national_overdue_actions(store *s, arena *a, const char *today,
				   national_count_list *out, err *e);

#endif
