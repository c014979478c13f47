/* revision.c: the data revisions that migration 7's triggers keep: one
 * counter per organisation and per area, bumped by every change to their
 * records, read by the page cache (src/web/cache.c). */
#include "store/sql.h"

int store_org_revision(store *s, int64_t org, int64_t *n, err *e)
{
	return sql_get_int(s, "SELECT n FROM org_revision WHERE organisation_id = ?",
			   SQL_ID_ARG(org), n, e);
}

int store_area_revision(store *s, int64_t area, int64_t *n, err *e)
{
	return sql_get_int(s, "SELECT n FROM area_revision WHERE area_id = ?", SQL_ID_ARG(area), n,
			   e);
}
