/* revision.c: the data revisions that migration 7's triggers keep: one
 * counter per organisation and per area, bumped by every change to their
 * records, read by the page cache (src/web/cache.c). */
#include "store/sql.h"

static int read_counter(store *s, const char *sql, int64_t id, int64_t *n, err *e)
{
	*n = 0;
	sqlite3_stmt *st = sql_prepare(s, sql, e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, id);
	int rc = sql_step(s, st, e);
	if (rc == SQLITE_ROW)
		*n = sql_col_int(st, 0);
	sql_done(s, st);
	return rc < 0 ? -1 : 0;
}

int store_org_revision(store *s, int64_t org, int64_t *n, err *e)
{
	return read_counter(s, "SELECT n FROM org_revision WHERE organisation_id = ?", org, n, e);
}

int store_area_revision(store *s, int64_t area, int64_t *n, err *e)
{
	return read_counter(s, "SELECT n FROM area_revision WHERE area_id = ?", area, n, e);
}
