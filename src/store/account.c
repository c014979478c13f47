/* account.c: users, memberships, sessions, invitations, sign-in failures and
 * the activity log. */
#include "store/account.h"

#include <string.h>

#include "store/sql.h"

/* ---- users ----------------------------------------------------------- */

#define USER_COLUMNS "id, email, name, password_hash, created_at FROM app_user"

static const sql_col user_cols[] = {
	SQL_COL(user_row, id, I64), SQL_COL(user_row, email, TEXT), SQL_COL(user_row, name, TEXT),
	SQL_COL(user_row, password_hash, TEXT), SQL_COL(user_row, created_at, TEXT),
	SQL_TABLE_END,
};

int store_user_count(store *s, int64_t *n, err *e)
{
	return sql_get_int(s, "SELECT COUNT(*) FROM app_user", NULL, n, e);
}

int store_user_insert(store *s, const user_row *u, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO app_user (email, name, password_hash, created_at)"
			  " VALUES (:email, :name, :password_hash, :created_at)",
			  SQL_ROW(user_cols, u), id, e);
}

int store_user_get(store *s, arena *a, int64_t id, user_row *out, err *e)
{
	return sql_get(s, a, "SELECT " USER_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       user_cols, e);
}

int store_user_by_email(store *s, arena *a, const char *email, user_row *out, err *e)
{
	return sql_get(s, a, "SELECT " USER_COLUMNS " WHERE email = ?",
		       SQL_ARGS(sql_text(email)), out, user_cols, e);
}

int store_user_delete(store *s, int64_t id, err *e)
{
	return sql_run(s, "DELETE FROM app_user WHERE id = ?", SQL_ID_ARG(id), e);
}

/* ---- memberships ----------------------------------------------------- */

#define MEMBERSHIP_COLUMNS \
	"m.id, m.user_id, m.area_id, m.organisation_id, m.role, m.partner_group," \
	" m.created_at, u.name, u.email, COALESCE(o.name, a.name), u.disabled_at, o.area_id" \
	" FROM membership m JOIN app_user u ON u.id = m.user_id" \
	" LEFT JOIN organisation o ON o.id = m.organisation_id" \
	" LEFT JOIN area a ON a.id = m.area_id"

static const sql_col membership_cols[] = {
	SQL_COL(membership_row, id, I64), SQL_COL(membership_row, user_id, I64),
	SQL_COL(membership_row, area_id, ID), SQL_COL(membership_row, organisation_id, ID),
	SQL_COL(membership_row, role, TEXT), SQL_COL(membership_row, partner_group, TEXT),
	SQL_COL(membership_row, created_at, TEXT), SQL_COL(membership_row, user_name, TEXT),
	SQL_COL(membership_row, user_email, TEXT), SQL_COL(membership_row, place_name, TEXT),
	SQL_COL(membership_row, user_disabled_at, TEXT), SQL_COL(membership_row, org_area_id, ID),
	SQL_TABLE_END,
};

int store_membership_insert(store *s, const membership_row *m, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO membership (user_id, area_id, organisation_id, role,"
			  " partner_group, created_at) VALUES (:user_id, :area_id, :organisation_id,"
			  " :role, :partner_group, :created_at)", SQL_ROW(membership_cols, m), id, e);
}

int store_memberships_of_user(store *s, arena *a, int64_t user, membership_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " MEMBERSHIP_COLUMNS " WHERE m.user_id = ? ORDER BY m.id",
			SQL_ID_ARG(user), out, membership_cols, e);
}

int store_memberships_in_org(store *s, arena *a, int64_t user, int64_t org, membership_list *out,
			     err *e)
{
	return SQL_LIST(s, a, "SELECT " MEMBERSHIP_COLUMNS " WHERE m.user_id = ?1 AND CASE"
			" WHEN m.role = 'area-admin' THEN m.area_id = (SELECT area_id FROM organisation WHERE id = ?2)"
			" ELSE m.organisation_id = ?2 END ORDER BY m.id",
			SQL_ARGS(sql_int(user), sql_int(org)), out, membership_cols, e);
}

/* The user is the session's, read in the statement: a request's checks
 * ask these with the session's read, before its user is known. */
int store_memberships_of_session(store *s, arena *a, const char *token_hash, int64_t org,
				 membership_list *out, err *e)
{
	if (org > 0)
		return SQL_LIST(s, a, "SELECT " MEMBERSHIP_COLUMNS " WHERE m.user_id ="
				" (SELECT user_id FROM user_session WHERE token_hash = ?1) AND CASE"
				" WHEN m.role = 'area-admin' THEN m.area_id = (SELECT area_id FROM organisation WHERE id = ?2)"
				" ELSE m.organisation_id = ?2 END ORDER BY m.id",
				SQL_ARGS(sql_text(token_hash), sql_int(org)), out, membership_cols, e);
	return SQL_LIST(s, a, "SELECT " MEMBERSHIP_COLUMNS " WHERE m.user_id ="
			" (SELECT user_id FROM user_session WHERE token_hash = ?) ORDER BY m.id",
			SQL_ARGS(sql_text(token_hash)), out, membership_cols, e);
}

int store_memberships_of_org(store *s, arena *a, int64_t org, membership_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " MEMBERSHIP_COLUMNS
			" WHERE m.organisation_id = ? ORDER BY u.name, m.id", SQL_ID_ARG(org), out,
			membership_cols, e);
}

int store_membership_get(store *s, arena *a, int64_t id, membership_row *out, err *e)
{
	return sql_get(s, a, "SELECT " MEMBERSHIP_COLUMNS " WHERE m.id = ?", SQL_ID_ARG(id), out,
		       membership_cols, e);
}

int store_membership_update(store *s, int64_t id, const char *role, const char *group, err *e)
{
	return sql_run(s, "UPDATE membership SET role = ?, partner_group = ? WHERE id = ?",
		       SQL_ARGS(sql_text(role), sql_text(group), sql_int(id)), e);
}

int store_membership_delete(store *s, int64_t id, err *e)
{
	return sql_run(s, "DELETE FROM membership WHERE id = ?", SQL_ID_ARG(id), e);
}

int store_org_area(store *s, int64_t org, int64_t *area, err *e)
{
	return sql_get_int(s, "SELECT COALESCE(area_id, 0) FROM organisation WHERE id = ?",
			   SQL_ID_ARG(org), area, e);
}

/* ---- sessions -------------------------------------------------------- */

static const sql_col session_cols[] = {
	SQL_COL(session_row, token_hash, TEXT), SQL_COL(session_row, user_id, I64),
	SQL_COL(session_row, csrf_token, TEXT), SQL_COL(session_row, created_at, TEXT),
	SQL_COL(session_row, last_seen_at, TEXT), SQL_COL(session_row, user.id, I64),
	SQL_COL(session_row, user.email, TEXT), SQL_COL(session_row, user.name, TEXT),
	SQL_COL(session_row, user.password_hash, TEXT), SQL_COL(session_row, user.created_at, TEXT),
	SQL_COL(session_row, two_factor_missing, BOOL), SQL_TABLE_END,
};

int store_session_insert(store *s, const session_row *r, err *e)
{
	return sql_run(s, "INSERT INTO user_session (token_hash, user_id, csrf_token, created_at,"
		       " last_seen_at) VALUES (:token_hash, :user_id, :csrf_token, :created_at,"
		       " :last_seen_at)", SQL_ROW(session_cols, r), e);
}

/* With whether the account still lacks the two-factor sign-in its area
 * asks for: the dispatcher's next check, in the same round trip. */
#define SESSION_SELECT \
	"SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at," \
	" u.id, u.email, u.name, u.password_hash, u.created_at, " \
	SQL_TWO_FACTOR_MISSING("s.user_id") \
	" FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?"

int store_session_get(store *s, arena *a, const char *token_hash, session_row *out, err *e)
{
	return sql_get(s, a, SESSION_SELECT, SQL_ARGS(sql_text(token_hash)), out, session_cols, e);
}

int store_session_ask(store *s, arena *a, const char *token_hash, session_list *out, err *e)
{
	return SQL_LIST(s, a, SESSION_SELECT, SQL_ARGS(sql_text(token_hash)), out, session_cols, e);
}

int store_session_touch(store *s, const char *token_hash, const char *now, err *e)
{
	return sql_run(s, "UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?",
		       SQL_ARGS(sql_text(now), sql_text(token_hash)), e);
}

int store_session_delete(store *s, const char *token_hash, err *e)
{
	return sql_run(s, "DELETE FROM user_session WHERE token_hash = ?",
		       SQL_ARGS(sql_text(token_hash)), e);
}

int store_sessions_delete_user(store *s, int64_t user, err *e)
{
	return sql_run(s, "DELETE FROM user_session WHERE user_id = ?", SQL_ID_ARG(user), e);
}

/* ---- invitations ----------------------------------------------------- */

static const sql_col invitation_cols[] = {
	SQL_COL(invitation_row, token_hash, TEXT), SQL_COL(invitation_row, organisation_id, I64),
	SQL_COL(invitation_row, role, TEXT), SQL_COL(invitation_row, partner_group, TEXT),
	SQL_COL(invitation_row, name, TEXT), SQL_COL(invitation_row, created_by, ID),
	SQL_COL(invitation_row, created_at, TEXT), SQL_COL(invitation_row, expires_at, TEXT),
	SQL_COL(invitation_row, used_at, TEXT), SQL_TABLE_END,
};

int store_invitation_insert(store *s, const invitation_row *r, err *e)
{
	return sql_run(s, "INSERT INTO invitation (token_hash, organisation_id, role, partner_group,"
		       " name, created_by, created_at, expires_at) VALUES (:token_hash,"
		       " :organisation_id, :role, :partner_group, :name, :created_by, :created_at,"
		       " :expires_at)", SQL_ROW(invitation_cols, r), e);
}

int store_invitation_get(store *s, arena *a, const char *token_hash, invitation_row *out, err *e)
{
	return sql_get(s, a, "SELECT token_hash, organisation_id, role, partner_group, name,"
		       " created_by, created_at, expires_at, used_at FROM invitation"
		       " WHERE token_hash = ?", SQL_ARGS(sql_text(token_hash)), out,
		       invitation_cols, e);
}

int store_invitation_use(store *s, const char *token_hash, const char *now, err *e)
{
	return sql_change(s, "UPDATE invitation SET used_at = ? WHERE token_hash = ?"
			  " AND used_at IS NULL", SQL_ARGS(sql_text(now), sql_text(token_hash)), e);
}

/* ---- sign-in failures ------------------------------------------------ */

int store_failure_add(store *s, const char *account, const char *address, const char *now, err *e)
{
	return sql_run(s, "INSERT INTO sign_in_failure (account_key, address, at) VALUES (?, ?, ?)",
		       SQL_ARGS(sql_text(account), sql_text(address), sql_text(now)), e);
}

/* account NULL counts every failure from the address. */
int store_failure_count(store *s, const char *account, const char *address, const char *since,
			int64_t *n, err *e)
{
	return sql_get_int(s, "SELECT COUNT(*) FROM sign_in_failure WHERE address = ?1"
			   " AND at >= ?2 AND (CAST(?3 AS TEXT) IS NULL OR account_key = ?3)",
			   SQL_ARGS(sql_text(address), sql_text(since), sql_text(account)), n, e);
}

int store_failures_clear(store *s, const char *account, const char *address, err *e)
{
	return sql_run(s, "DELETE FROM sign_in_failure WHERE account_key = ? AND address = ?",
		       SQL_ARGS(sql_text(account), sql_text(address)), e);
}

/* ---- activity -------------------------------------------------------- */

static const sql_col activity_cols[] = {
	SQL_COL(activity_row, id, I64), SQL_COL(activity_row, at, TEXT),
	SQL_COL(activity_row, user_id, ID), SQL_COL(activity_row, user_name, TEXT),
	SQL_COL(activity_row, area_id, ID), SQL_COL(activity_row, organisation_id, ID),
	SQL_COL(activity_row, what, TEXT), SQL_TABLE_END,
};

/* An organisation's line also carries its area, so the area's log is one
 * index range (activity_area) however large the country grows: looked up
 * here unless the caller gives it. Given, the INSERT reads no other
 * table, which is cheaper for PostgreSQL to plan and run than a lookup
 * left out by COALESCE (bench/results.md). Sent ahead (sql_send): a
 * change's line goes with its other writes or its commit. */
int store_activity_add(store *s, const activity_row *r, err *e)
{
	if (r->area_id || !r->organisation_id)
		return sql_send(s, "INSERT INTO activity (at, user_id, user_name, area_id, organisation_id,"
			       " what) VALUES (:at, :user_id, :user_name, :area_id, :organisation_id, :what)",
			       SQL_ROW(activity_cols, r), e);
	return sql_send(s, "INSERT INTO activity (at, user_id, user_name, area_id, organisation_id,"
		       " what) VALUES (:at, :user_id, :user_name,"
		       " (SELECT area_id FROM organisation WHERE id = :organisation_id),"
		       " :organisation_id, :what)", SQL_ROW(activity_cols, r), e);
}

int store_activity_list(store *s, arena *a, int64_t org, int64_t area, int limit,
			activity_list *out, err *e)
{
	const char *sql = org > 0
		? "SELECT id, at, user_id, user_name, area_id, organisation_id, what"
		  " FROM activity WHERE organisation_id = ? ORDER BY at DESC, id DESC LIMIT ?"
		: "SELECT id, at, user_id, user_name, area_id, organisation_id, what"
		  " FROM activity WHERE area_id = ? ORDER BY at DESC, id DESC LIMIT ?";
	return SQL_LIST(s, a, sql, SQL_ARGS(sql_int(org > 0 ? org : area), sql_int(limit)), out,
			activity_cols, e);
}

/* The evaluation's organisation and last change are read in the
 * statement, so it needs only the evaluation's id and goes with the
 * page's other reads. That also keeps its plan on PostgreSQL: asked with
 * the organisation and time as values, its generic plan's estimate
 * (every organisation's lines alike) was far from each value's, so the
 * server planned it again at every run; here the values are a key of one
 * row and a prefix, estimated the same whatever they are. */
int store_evaluation_status_line(store *s, arena *a, int64_t evaluation, const char *prefix,
				 activity_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT a.id, a.at, a.user_id, a.user_name, a.area_id,"
		" a.organisation_id, a.what FROM evaluation ev JOIN activity a"
		" ON a.organisation_id = ev.organisation_id AND a.at >= ev.updated_at"
		" WHERE ev.id = ?1 AND substr(a.what, 1, length(?2)) = ?2"
		" ORDER BY a.at DESC, a.id DESC LIMIT 1",
		SQL_ARGS(sql_int(evaluation), sql_text(prefix)), out, activity_cols, e);
}

/* ---- API tokens ------------------------------------------------------ */

#define API_TOKEN_COLUMNS \
	"id, area_id, created_by, name, token_hash, created_at, last_used_at, revoked_at," \
	" expires_at FROM api_token"

static const sql_col api_token_cols[] = {
	SQL_COL(api_token_row, id, I64), SQL_COL(api_token_row, area_id, I64),
	SQL_COL(api_token_row, created_by, ID), SQL_COL(api_token_row, name, TEXT),
	SQL_COL(api_token_row, token_hash, TEXT), SQL_COL(api_token_row, created_at, TEXT),
	SQL_COL(api_token_row, last_used_at, TEXT), SQL_COL(api_token_row, revoked_at, TEXT),
	SQL_COL(api_token_row, expires_at, TEXT), SQL_TABLE_END,
};

int store_api_token_insert(store *s, const api_token_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO api_token (area_id, name, token_hash, created_by,"
			  " created_at, expires_at) VALUES (:area_id, :name, :token_hash, :created_by,"
			  " :created_at, :expires_at)", SQL_ROW(api_token_cols, r), id, e);
}

int store_api_tokens_of_area(store *s, arena *a, int64_t area, api_token_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " API_TOKEN_COLUMNS " WHERE area_id = ? ORDER BY id DESC",
			SQL_ID_ARG(area), out, api_token_cols, e);
}

int store_api_token_revoke(store *s, int64_t area, int64_t id, const char *now, err *e)
{
	return sql_change(s, "UPDATE api_token SET revoked_at = ? WHERE id = ? AND area_id = ?"
			  " AND revoked_at IS NULL", SQL_ARGS(sql_text(now), sql_int(id),
			  sql_int(area)), e);
}

int store_api_token_use(store *s, arena *a, const char *token_hash, const char *now,
			api_token_row *out, err *e)
{
	int found = sql_get(s, a, "SELECT " API_TOKEN_COLUMNS
			    " WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
			    SQL_ARGS(sql_text(token_hash), sql_text(now)), out, api_token_cols, e);
	if (found <= 0)
		return found;
	/* Once a minute is enough to show the administrator it is in use,
	 * and keeps API reads from writing on every request. */
	if (out->last_used_at && strncmp(out->last_used_at, now, 16) == 0)
		return 1;
	return sql_run(s, "UPDATE api_token SET last_used_at = ? WHERE id = ?",
		       SQL_ARGS(sql_text(now), sql_int(out->id)), e) < 0 ? -1 : 1;
}
