/* device.c: sign-in device cookies (store/device.h). */
#include "store/device.h"

#include "store/sql.h"

static const sql_col device_cols[] = {
	SQL_COL(device_row, token_hash, TEXT), SQL_COL(device_row, user_id, I64),
	SQL_COL(device_row, created_at, TEXT), SQL_COL(device_row, failures, I64),
	SQL_COL(device_row, locked_until, TEXT), SQL_TABLE_END,
};

int store_device_insert(store *s, const device_row *r, err *e)
{
	return sql_run(s, "INSERT INTO device_cookie (token_hash, user_id, created_at)"
		       " VALUES (:token_hash, :user_id, :created_at)", SQL_ROW(device_cols, r), e);
}

int store_device_get(store *s, arena *a, const char *token_hash, device_row *out, err *e)
{
	return sql_get(s, a, "SELECT token_hash, user_id, created_at, failures, locked_until"
		       " FROM device_cookie WHERE token_hash = ?", SQL_ARGS(sql_text(token_hash)),
		       out, device_cols, e);
}

int store_device_failed(store *s, const char *token_hash, int64_t max, const char *until, err *e)
{
	return sql_run(s, "UPDATE device_cookie SET"
		       " locked_until = CASE WHEN failures + 1 >= ?1 THEN ?2 ELSE locked_until END,"
		       " failures = CASE WHEN failures + 1 >= ?1 THEN 0 ELSE failures + 1 END"
		       " WHERE token_hash = ?3",
		       SQL_ARGS(sql_int(max), sql_text(until), sql_text(token_hash)), e);
}

int store_device_delete(store *s, const char *token_hash, err *e)
{
	return sql_run(s, "DELETE FROM device_cookie WHERE token_hash = ?",
		       SQL_ARGS(sql_text(token_hash)), e);
}

int store_device_prune(store *s, const char *before, err *e)
{
	return sql_run(s, "DELETE FROM device_cookie WHERE created_at < ?",
		       SQL_ARGS(sql_text(before)), e);
}
