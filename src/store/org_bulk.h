/* org_bulk.h: organisations read and written many at a time, for loading an
 * area's organisations from a file (domain/org_csv.c). Part of the store
 * layer; see store.h for conventions. */
#ifndef COPRO_STORE_ORG_BULK_H
#define COPRO_STORE_ORG_BULK_H

#include "store/store.h"

/* The area called `name`, without creating it: 1 found, 0 not. An old
 * name of store_area_find, kept while callers use it. */
static inline int store_bulk_area_find(store *s, const char *name, int64_t *id, err *e)
{
	return store_area_find(s, name, id, e);
}
/* Every organisation of area `area`, by id. */
int store_org_bulk_list_area(store *s, arena *a, int64_t area, org_bulk_list *out, err *e);
/* The organisation of area `area` with URN `urn` (the first, if a hand
 * edit made two): 1 found, 0 not. */
int store_org_find_urn(store *s, arena *a, int64_t area, const char *urn, org_bulk_row *out,
		       err *e);
/* Adds the rows with id 0 to area `area` (setting their ids) and updates
 * the others' name, type, sector, URN, UKPRN, LA code and dates (area and
 * ODS code stay). Call inside a transaction. */
int store_org_bulk_write(store *s, int64_t area, org_bulk_row *rows, size_t n, const char *now,
			 err *e);

#endif
