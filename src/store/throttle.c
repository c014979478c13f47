/* throttle.c: throttle_hit rows (store/throttle.h). */
#include "store/sql.h"
#include "store/throttle.h"

/* Each hit carries its number per link (scope_seq) and per address
 * (address_seq): one more than the key's latest. The latest is the last
 * in (at, number) order, which the indexes keep, so no count scans. */
int store_throttle_add(store *s, const char *scope, const char *address, const char *at, err *e)
{
	return sql_run(s, "INSERT INTO throttle_hit (scope, address, at, scope_seq, address_seq) VALUES (?1, ?2, ?3,"
		       " 1 + COALESCE((SELECT scope_seq FROM throttle_hit WHERE scope = ?1"
		       "               ORDER BY at DESC, scope_seq DESC LIMIT 1), 0),"
		       " 1 + COALESCE((SELECT address_seq FROM throttle_hit WHERE address = ?2"
		       "               ORDER BY at DESC, address_seq DESC LIMIT 1), 0))",
		       SQL_ARGS(sql_text(scope), sql_text(address), sql_text(at)), e);
}

/* The hits since `since`: the latest number less the first since then,
 * plus one; 0 when none. A clock set back can make the difference wrong
 * for the hour it covers: never below 0. SQLite's MAX of two values is
 * PostgreSQL's GREATEST. */
#define HITS_SINCE(larger, key, seq) \
	"SELECT COALESCE(" larger "(0, 1" \
	" + (SELECT " seq " FROM throttle_hit WHERE " key " = ?1 ORDER BY at DESC, " seq " DESC LIMIT 1)" \
	" - (SELECT " seq " FROM throttle_hit WHERE " key " = ?1 AND at >= ?2" \
	"    ORDER BY at, " seq " LIMIT 1)), 0)"

int store_throttle_count(store *s, const char *scope, const char *address, const char *since,
			 int64_t *per_scope, int64_t *per_address, err *e)
{
	if (sql_get_int(s, SQL_DIALECT(s, HITS_SINCE("MAX", "scope", "scope_seq"),
				       HITS_SINCE("GREATEST", "scope", "scope_seq")),
			SQL_ARGS(sql_text(scope), sql_text(since)), per_scope, e) < 0)
		return -1;
	return sql_get_int(s, SQL_DIALECT(s, HITS_SINCE("MAX", "address", "address_seq"),
					  HITS_SINCE("GREATEST", "address", "address_seq")),
			   SQL_ARGS(sql_text(address), sql_text(since)), per_address, e);
}

int store_throttle_prune(store *s, const char *before, err *e)
{
	return sql_run(s, "DELETE FROM throttle_hit WHERE at < ?", SQL_ARGS(sql_text(before)), e);
}
