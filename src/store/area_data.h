/* area_data.h: an area's data for its exports and API, read as streams: one
 * query per table, each row handed to a callback as it comes, so an area of
 * hundreds of organisations never needs a query per organisation or the
 * whole table in memory. Part of the store layer; see store.h. */
#ifndef COPRO_STORE_AREA_DATA_H
#define COPRO_STORE_AREA_DATA_H

#include "store/store.h"

/* The area called `name`, without creating it: 1 found, 0 not. Old names
 * of store_area_find and store_area_name, kept while callers use them. */
static inline int store_export_area_find(store *s, const char *name, int64_t *id, err *e)
{
	return store_area_find(s, name, id, e);
}

/* The name of area `id`, in `a`: 1 found, 0 not. */
static inline int store_export_area_name(store *s, arena *a, int64_t id, const char **name,
					 err *e)
{
	return store_area_name(s, a, id, name, e);
}

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
