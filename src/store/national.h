/* national.h: the whole-country summary's aggregate queries, each one
 * statement grouped by area (never a query per area or per organisation).
 * Part of the store layer; see store.h for conventions. An organisation
 * with no area is counted under area id 0. */
#ifndef COPRO_STORE_NATIONAL_H
#define COPRO_STORE_NATIONAL_H

#include "store/store.h"

typedef struct national_area_row {
	int64_t id;
	const char *name;
} national_area_row;

/* Organisations of an area by their latest accepted audit (by audit date,
 * then id, as store_picture_orgs takes it). An area has one row per
 * outcome of those audits dated in the window (outcome NULL for every
 * other organisation); its counts are the sums of its rows. */
typedef struct national_audit_row {
	int64_t area_id;
	const char *outcome;            /* NULL: not audited in the window, or no outcome */
	int64_t organisations;
	int64_t audited;                /* with an accepted audit */
	int64_t audited_in_window;      /* ... dated since..today */
	int64_t reviews_overdue;        /* ... whose review date is before today */
	int64_t at_lowest;              /* ... with any principle at the lowest level */
} national_audit_row;

/* Self-evaluations of an area's organisations, every cycle. */
typedef struct national_evaluation_row {
	int64_t area_id;
	int64_t organisations;          /* with at least one self-evaluation */
	int64_t draft, in_review, submitted;
} national_evaluation_row;

typedef struct national_count_row {
	int64_t area_id, n;
} national_count_row;

typedef STORE_LIST(national_area_row) national_area_list;
typedef STORE_LIST(national_audit_row) national_audit_list;
typedef STORE_LIST(national_evaluation_row) national_evaluation_list;
typedef STORE_LIST(national_count_row) national_count_list;

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
