/* area.h: the area's picture in a few aggregate queries: each
 * organisation's latest accepted audit and its levels, outcomes per
 * academic year, levels counted per principle, and the area's projects.
 * Part of the store layer; see store.h for conventions. Names start
 * store_picture_ / picture_ to stay apart from the exports' area_data.h. */
#ifndef COPRO_STORE_AREA_PICTURE_H
#define COPRO_STORE_AREA_PICTURE_H

#include "store/store.h"

/* Narrows every query to some organisations; NULL leaves a filter out. */
typedef struct picture_filter {
	const char *sector;             /* organisation.sector */
	const char *type;               /* organisation.type (the service type) */
} picture_filter;

/* The dates the questions are asked about (YYYY-MM-DD, inclusive). */
typedef struct picture_window {
	const char *today;
	const char *since;              /* "audited recently": dated on or after this */
	const char *year_from, *year_to;        /* "projects this year": starting in these */
} picture_window;

/* An organisation with its latest accepted audit (by audit date, then id). */
typedef struct picture_org_row {
	int64_t id;
	const char *name, *type, *sector;
	int64_t audit_id;               /* 0: no accepted audit */
	const char *audit_date, *outcome, *review_on;
	int64_t projects;               /* projects starting in year_from..year_to */
	bool audited_recently;          /* an accepted or submitted audit dated since..today */
} picture_org_row;

/* One principle's level in an organisation's latest accepted audit. */
typedef struct picture_level_row {
	int64_t organisation_id;
	const char *principle_key, *level;      /* level NULL: not recorded */
} picture_level_row;

/* How many latest accepted audits put a principle at a level. */
typedef struct picture_level_count {
	const char *principle_key, *level;
	int64_t n;
} picture_level_count;

/* How many audits were accepted with an outcome in an academic year
 * (2025 for 1 September 2025 to 31 August 2026), by audit date. */
typedef struct picture_outcome_count {
	int64_t year;
	const char *outcome;
	int64_t n;
} picture_outcome_count;

typedef struct picture_project_row {
	int64_t id, organisation_id;
	const char *organisation, *title, *service_area, *framework_id, *framework_hash;
	const char *starts_on, *ends_on;
	int64_t steps_done;
	int64_t audit_id;               /* its latest accepted audit, 0 if none */
	const char *audit_outcome, *audit_date;
} picture_project_row;

typedef STORE_LIST(picture_org_row) picture_org_list;
typedef STORE_LIST(picture_level_row) picture_level_list;
typedef STORE_LIST(picture_level_count) picture_level_count_list;
typedef STORE_LIST(picture_outcome_count) picture_outcome_count_list;
typedef STORE_LIST(picture_project_row) picture_project_list;
typedef STORE_LIST(const char *) picture_text_list;

/* The area's name: 1 found, 0 not. */
int store_picture_area_name(store *s, arena *a, int64_t area, const char **name, err *e);
/* The service types of the area's organisations, each once, sorted; no
 * empty type. */
int store_picture_types(store *s, arena *a, int64_t area, picture_text_list *out, err *e);
/* Every organisation of the area (by name), with its latest accepted
 * audit, projects and whether it was audited recently. */
int store_picture_orgs(store *s, arena *a, int64_t area, const picture_filter *f,
		       const picture_window *w, picture_org_list *out, err *e);
/* The levels of every principle in those latest accepted audits, by
 * organisation id. */
int store_picture_levels(store *s, arena *a, int64_t area, const picture_filter *f,
			 picture_level_list *out, err *e);
/* The same counted per principle and level (levels not recorded left out). */
int store_picture_level_counts(store *s, arena *a, int64_t area, const picture_filter *f,
			       picture_level_count_list *out, err *e);
/* Accepted audits (one per audit, whatever its versions) counted per
 * academic year and outcome, oldest year first. */
int store_picture_outcomes(store *s, arena *a, int64_t area, const picture_filter *f,
			   picture_outcome_count_list *out, err *e);
/* The area's projects, latest start first, with steps done and the
 * outcome of their latest accepted audit. */
int store_picture_projects(store *s, arena *a, int64_t area, const picture_filter *f,
			   picture_project_list *out, err *e);

#endif
