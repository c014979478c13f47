/* security.c: rows behind security events (store/security.h). */
#include "store/security.h"
#include "store/sql.h"

int store_user_areas(store *s, arena *a, int64_t user, store_id_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT area_id FROM membership WHERE user_id = ?1 AND area_id IS NOT NULL"
			" UNION SELECT o.area_id FROM membership m JOIN organisation o"
			" ON o.id = m.organisation_id WHERE m.user_id = ?1 AND o.area_id IS NOT NULL"
			" ORDER BY 1", SQL_ID_ARG(user), out, sql_int64_row, e);
}

int store_area_ids(store *s, arena *a, store_id_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT id FROM area ORDER BY id", NULL, out, sql_int64_row, e);
}

int store_failures_prune(store *s, const char *before, err *e)
{
	return sql_run(s, "DELETE FROM sign_in_failure WHERE at < ?", SQL_ARGS(sql_text(before)), e);
}

static const sql_col event_cols[] = {
	SQL_COL(activity_row, at, TEXT), SQL_COL(activity_row, user_id, ID),
	SQL_COL(activity_row, user_name, TEXT), SQL_COL(activity_row, area_id, ID),
	SQL_COL(activity_row, what, TEXT), SQL_TABLE_END,
};

int store_security_add(store *s, const activity_row *r, err *e)
{
	return sql_run(s, "INSERT INTO activity (at, user_id, user_name, area_id, what, security)"
		       " VALUES (:at, :user_id, :user_name, :area_id, :what, 1)",
		       SQL_ROW(event_cols, r), e);
}

int store_security_of_user(store *s, arena *a, int64_t user, int limit, activity_list *out,
			   err *e)
{
	return SQL_LIST(s, a, "SELECT at, user_id, MIN(user_name), MIN(area_id), what FROM activity"
			" WHERE user_id = ? AND security = 1 GROUP BY at, what, user_id"
			" ORDER BY at DESC LIMIT ?", SQL_ARGS(sql_int(user), sql_int(limit)), out,
			event_cols, e);
}
