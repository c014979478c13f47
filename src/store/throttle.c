/* throttle.c: throttle_hit rows (store/throttle.h). */
#include "store/sql.h"
#include "store/throttle.h"

int store_throttle_add(store *s, const char *scope, const char *address, const char *at, err *e)
{
	return sql_run(s, "INSERT INTO throttle_hit (scope, address, at) VALUES (?, ?, ?)",
		       SQL_ARGS(sql_text(scope), sql_text(address), sql_text(at)), e);
}

int store_throttle_count(store *s, const char *scope, const char *address, const char *since,
			 int64_t *per_scope, int64_t *per_address, err *e)
{
	if (sql_get_int(s, "SELECT COUNT(*) FROM throttle_hit WHERE scope = ? AND at >= ?",
			SQL_ARGS(sql_text(scope), sql_text(since)), per_scope, e) < 0)
		return -1;
	return sql_get_int(s, "SELECT COUNT(*) FROM throttle_hit WHERE address = ? AND at >= ?",
			   SQL_ARGS(sql_text(address), sql_text(since)), per_address, e);
}

int store_throttle_prune(store *s, const char *before, err *e)
{
	return sql_run(s, "DELETE FROM throttle_hit WHERE at < ?", SQL_ARGS(sql_text(before)), e);
}
