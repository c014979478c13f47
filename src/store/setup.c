/* setup.c: the set-up code's hash (store/setup.h). */
#include "store/setup.h"

#include "store/sql.h"

int store_setup_code_set(store *s, const char *code_hash, const char *now, err *e)
{
	if (store_setup_code_clear(s, e) < 0)
		return -1;
	return sql_run(s, "INSERT INTO setup_code (code_hash, created_at) VALUES (?, ?)",
		       SQL_ARGS(sql_text(code_hash), sql_text(now)), e);
}

int store_setup_code_is(store *s, const char *code_hash, err *e)
{
	int64_t n = 0;
	if (sql_get_int(s, "SELECT COUNT(*) FROM setup_code WHERE code_hash = ?",
			SQL_ARGS(sql_text(code_hash)), &n, e) < 0)
		return -1;
	return n > 0;
}

int store_setup_code_clear(store *s, err *e)
{
	return sql_run(s, "DELETE FROM setup_code", NULL, e);
}
