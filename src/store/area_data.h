/* area_data.h: an area's data for its exports and API, read as streams: one
 * query per table, each row handed to a callback as it comes, so an area of
 * hundreds of organisations never needs a query per organisation or the
 * whole table in memory. Part of the store layer; see store.h. */
#ifndef COPRO_STORE_AREA_DATA_H
#define COPRO_STORE_AREA_DATA_H

#include "store/store.h"

/* Rows below point into SQLite's own buffers: their strings are valid only
 * during the callback (copy what must outlive it). NULL stands for SQL
 * NULL. A callback answers 0 to go on or -1 (with its err set) to stop;
 * the query then answers -1. */

typedef struct export_org_row {
	int64_t id;
	const char *name, *sector, *type, *urn, *la_code;
} export_org_row;

/* One version of an audit. Drafts never appear: they are the
 * organisation's work in progress. `latest` is true when no later version
 * of the same audit (same first_id) has been submitted. */
typedef struct export_audit_row {
	int64_t id, first_id, version, organisation_id, project_id;    /* project 0: none */
	const char *organisation_name, *framework_hash, *status;
	const char *service_area, *description, *audit_date;
	const char *outcome, *outcome_reason, *summary, *next_steps, *review_on;
	const char *signed_by, *signed_on, *submitted_at, *decided_at;
	bool latest;
} export_audit_row;

typedef struct export_level_row {
	int64_t audit_id, organisation_id;
	const char *principle_key, *level, *notes;
	int64_t score;
	bool has_score;
} export_level_row;

typedef struct export_project_row {
	int64_t id, organisation_id;
	const char *organisation_name, *framework_id, *framework_hash;
	const char *title, *service_area, *starts_on, *ends_on;
	int64_t steps_done;
} export_project_row;

typedef struct export_person_row {
	int64_t position;
	const char *name, *designation;
} export_person_row;

typedef struct export_event_row {
	const char *at, *user_name, *status, *comment;
} export_event_row;

/* Narrows the audits and levels: `since` (YYYY-MM-DD, NULL: any) keeps
 * versions submitted or decided on or after that day; `audit` (0: all)
 * keeps one audit version. */
typedef struct export_audit_filter {
	const char *since;
	int64_t audit;
} export_audit_filter;

typedef int (*export_org_fn)(void *ctx, const export_org_row *row, err *e);
typedef int (*export_audit_fn)(void *ctx, const export_audit_row *row, err *e);
typedef int (*export_level_fn)(void *ctx, const export_level_row *row, err *e);
typedef int (*export_project_fn)(void *ctx, const export_project_row *row, err *e);
typedef int (*export_person_fn)(void *ctx, const export_person_row *row, err *e);
typedef int (*export_event_fn)(void *ctx, const export_event_row *row, err *e);

/* The area called `name`, without creating it: 1 found, 0 not. */
int store_export_area_find(store *s, const char *name, int64_t *id, err *e);
/* The name of area `id`, in `a`: 1 found, 0 not. */
int store_export_area_name(store *s, arena *a, int64_t id, const char **name, err *e);

/* By organisation name, then id. */
int store_export_orgs(store *s, int64_t area, export_org_fn fn, void *ctx, err *e);
/* By organisation name, audit (first_id), version. */
int store_export_audits(store *s, int64_t area, const export_audit_filter *f, export_audit_fn fn,
		      void *ctx, err *e);
/* The principles of the same audit versions, by audit id, then principle. */
int store_export_levels(store *s, int64_t area, const export_audit_filter *f, export_level_fn fn,
		      void *ctx, err *e);
/* By organisation name, start date, id. */
int store_export_projects(store *s, int64_t area, export_project_fn fn, void *ctx, err *e);
/* The people and the status history of one audit version (the caller has
 * checked it is the area's), in order. */
int store_export_audit_people(store *s, int64_t audit, export_person_fn fn, void *ctx, err *e);
int store_export_audit_events(store *s, int64_t audit, export_event_fn fn, void *ctx, err *e);

#endif
