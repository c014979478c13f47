/* account_life.c: rows behind account lifecycle (store/account_life.h). */
#include "store/account_life.h"
#include "store/sql.h"

int store_user_set_disabled(store *s, int64_t user, const char *at, err *e)
{
	return sql_change(s, "UPDATE app_user SET disabled_at = ? WHERE id = ?",
			  SQL_ARGS(sql_text(at), sql_int(user)), e);
}

int store_user_disabled_at(store *s, arena *a, int64_t user, const char **at, err *e)
{
	*at = NULL;
	return sql_get(s, a, "SELECT disabled_at FROM app_user WHERE id = ?", SQL_ID_ARG(user), at,
		       sql_text_row, e) < 0 ? -1 : 0;
}

int store_user_sole_admin_of(store *s, arena *a, int64_t user, const char **area, err *e)
{
	*area = NULL;
	return sql_get(s, a, "SELECT a.name FROM membership m JOIN area a ON a.id = m.area_id"
		       " WHERE m.user_id = ?1 AND m.role = 'area-admin' AND NOT EXISTS ("
		       "  SELECT 1 FROM membership o JOIN app_user u ON u.id = o.user_id"
		       "  WHERE o.area_id = m.area_id AND o.role = 'area-admin' AND o.user_id <> ?1"
		       "  AND u.disabled_at IS NULL) ORDER BY a.name LIMIT 1",
		       SQL_ID_ARG(user), area, sql_text_row, e);
}

/* Each table keeping a name (or an email) beside the account's id. */
static const char *const name_columns[] = {
	"UPDATE activity SET user_name = ?2 WHERE user_id = ?1",
	"UPDATE audit_event SET user_name = ?2 WHERE user_id = ?1",
	"UPDATE view_round SET created_by_name = ?2 WHERE created_by = ?1",
	"UPDATE view_response SET entered_by_name = ?2 WHERE entered_by = ?1",
	"UPDATE view_answer SET flagged_by_name = ?2 WHERE flagged_by = ?1",
	"UPDATE view_agreed SET agreed_by_name = ?2 WHERE agreed_by = ?1",
	"UPDATE evidence_file SET uploaded_by_name = ?2 WHERE uploaded_by = ?1",
	"UPDATE assessor SET name = ?2, email = '' WHERE user_id = ?1",
	"DELETE FROM outbox WHERE user_id = ?1 AND CAST(?2 AS TEXT) IS NOT NULL",
	NULL,
};

int store_user_erase(store *s, int64_t user, const char *email, const char *former, err *e)
{
	for (const char *const *q = name_columns; *q; q++)
		if (sql_run(s, *q, SQL_ARGS(sql_int(user), sql_text(former)), e) < 0)
			return -1;
	if (sql_run(s, "DELETE FROM sign_in_failure WHERE account_key = ?", SQL_ARGS(sql_text(email)), e) < 0)
		return -1;
	return sql_change(s, "DELETE FROM app_user WHERE id = ?", SQL_ID_ARG(user), e);
}

int store_api_token_set_expiry(store *s, int64_t id, const char *at, err *e)
{
	return sql_run(s, "UPDATE api_token SET expires_at = ? WHERE id = ?",
		       SQL_ARGS(sql_text(at), sql_int(id)), e);
}

int store_api_token_expired(store *s, arena *a, const char *token_hash, const char *now,
			    const char **at, err *e)
{
	*at = NULL;
	return sql_get(s, a, "SELECT expires_at FROM api_token WHERE token_hash = ?"
		       " AND revoked_at IS NULL AND expires_at <= ?",
		       SQL_ARGS(sql_text(token_hash), sql_text(now)), at, sql_text_row, e);
}

/* One JSON text holding every part, built by the engine's JSON functions,
 * so the columns read are named once, here: SQLite's json_object and
 * json_group_array, PostgreSQL's json_build_object and json_agg (which
 * gives NULL, not [], for no rows). Keys keep their order on both;
 * PostgreSQL puts spaces between them (docs/postgresql.md). */
#define LITE_PART(name, fields, from) \
	"'" name "', (SELECT json_group_array(json_object(" fields ")) " from ")"
#define PG_PART(name, fields, from) \
	"'" name "', (SELECT COALESCE(json_agg(json_build_object(" fields ")), '[]') " from ")"
#define USER_DATA(OBJECT, PART) \
	"SELECT " OBJECT "(" \
	"'account', (SELECT " OBJECT "('name', name, 'email', email, 'created_at', created_at," \
	"  'disabled_at', disabled_at) FROM app_user WHERE id = ?1), " \
	PART("memberships", "'role', m.role, 'partner_group', m.partner_group," \
	     " 'organisation', o.name, 'area', COALESCE(ar.name, oa.name), 'since', m.created_at", \
	     "FROM membership m LEFT JOIN organisation o ON o.id = m.organisation_id" \
	     " LEFT JOIN area ar ON ar.id = m.area_id LEFT JOIN area oa ON oa.id = o.area_id" \
	     " WHERE m.user_id = ?1") ", " \
	PART("sessions", "'started_at', created_at, 'last_seen_at', last_seen_at", \
	     "FROM user_session WHERE user_id = ?1") ", " \
	PART("activity", "'at', at, 'what', what, 'organisation'," \
	     " (SELECT name FROM organisation WHERE id = activity.organisation_id)," \
	     " 'area', (SELECT name FROM area WHERE id = activity.area_id)", \
	     "FROM activity WHERE user_id = ?1") ", " \
	PART("views_entered", "'round', r.title, 'organisation', o.name, 'started_at', v.started_at," \
	     " 'submitted_at', v.submitted_at, 'from_paper', v.from_paper," \
	     " 'entered_by_name', v.entered_by_name", \
	     "FROM view_response v JOIN view_round r ON r.id = v.round_id" \
	     " JOIN organisation o ON o.id = r.organisation_id WHERE v.entered_by = ?1") ", " \
	PART("api_tokens_created", "'name', name, 'created_at', created_at, 'expires_at', expires_at," \
	     " 'revoked_at', revoked_at", "FROM api_token WHERE created_by = ?1") ", " \
	PART("notifications", "'kind', kind, 'subject', subject, 'text', text, 'created_at', created_at," \
	     " 'read_at', read_at", "FROM notification WHERE user_id = ?1") ", " \
	PART("notification_settings", "'kind', kind, 'how', how, 'updated_at', updated_at", \
	     "FROM notification_setting WHERE user_id = ?1") \
	") WHERE EXISTS (SELECT 1 FROM app_user WHERE id = ?1)"

int store_user_data(store *s, arena *a, int64_t user, const char **json, err *e)
{
	*json = NULL;
	return sql_get(s, a, SQL_DIALECT(s, USER_DATA("json_object", LITE_PART),
					 USER_DATA("json_build_object", PG_PART)),
		       SQL_ID_ARG(user), json, sql_text_row, e);
}
