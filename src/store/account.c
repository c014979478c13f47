/* account.c: users, memberships, sessions, invitations, sign-in failures and
 * the activity log. */
#include "store/account.h"

#include <string.h>

#include "store/sql.h"

static int count_query(store *s, sqlite3_stmt *st, int64_t *n, err *e)
{
	int rc = sql_step(s, st, e);
	if (rc == SQLITE_ROW)
		*n = sql_col_int(st, 0);
	sql_done(s, st);
	if (rc < 0)
		return -1;
	return rc == SQLITE_ROW ? 0 : sql_fail(s, rc, e);
}

int store_user_count(store *s, int64_t *n, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT COUNT(*) FROM app_user", e);
	return st ? count_query(s, st, n, e) : -1;
}

/* The five USER_COLUMNS from column `at` on. */
static void read_user_at(arena *a, sqlite3_stmt *st, int at, user_row *u)
{
	u->id = sql_col_int(st, at);
	u->email = sql_col_text(a, st, at + 1);
	u->name = sql_col_text(a, st, at + 2);
	u->password_hash = sql_col_text(a, st, at + 3);
	u->created_at = sql_col_text(a, st, at + 4);
}

static void read_user(arena *a, sqlite3_stmt *st, void *row)
{
	read_user_at(a, st, 0, row);
}

#define USER_COLUMNS "id, email, name, password_hash, created_at FROM app_user"

int store_user_insert(store *s, const user_row *u, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO app_user (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, u->email);
	sql_bind_text(st, 2, u->name);
	sql_bind_text(st, 3, u->password_hash);
	sql_bind_text(st, 4, u->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_user_get(store *s, arena *a, int64_t id, user_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " USER_COLUMNS " WHERE id = ?", id, out, read_user, e);
}

int store_user_by_email(store *s, arena *a, const char *email, user_row *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " USER_COLUMNS " WHERE email = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, email);
	return sql_one(s, a, st, out, read_user, e);
}

static int exec_id(store *s, const char *sql, int64_t id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, sql, e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, id);
	return sql_exec_stmt(s, st, e);
}

int store_user_delete(store *s, int64_t id, err *e)
{
	return exec_id(s, "DELETE FROM app_user WHERE id = ?", id, e);
}

/* ---- memberships ----------------------------------------------------- */

#define MEMBERSHIP_COLUMNS \
	"m.id, m.user_id, m.area_id, m.organisation_id, m.role, m.partner_group," \
	" m.created_at, u.name, u.email, COALESCE(o.name, a.name)" \
	" FROM membership m JOIN app_user u ON u.id = m.user_id" \
	" LEFT JOIN organisation o ON o.id = m.organisation_id" \
	" LEFT JOIN area a ON a.id = m.area_id"

static void read_membership(arena *a, sqlite3_stmt *st, void *row)
{
	membership_row *m = row;
	m->id = sql_col_int(st, 0);
	m->user_id = sql_col_int(st, 1);
	m->area_id = sql_col_int(st, 2);
	m->organisation_id = sql_col_int(st, 3);
	m->role = sql_col_text(a, st, 4);
	m->partner_group = sql_col_text(a, st, 5);
	m->created_at = sql_col_text(a, st, 6);
	m->user_name = sql_col_text(a, st, 7);
	m->user_email = sql_col_text(a, st, 8);
	m->place_name = sql_col_text(a, st, 9);
}

int store_membership_insert(store *s, const membership_row *m, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO membership (user_id, area_id, organisation_id, role, partner_group,"
		" created_at) VALUES (?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, m->user_id);
	sql_bind_id(st, 2, m->area_id);
	sql_bind_id(st, 3, m->organisation_id);
	sql_bind_text(st, 4, m->role);
	sql_bind_text(st, 5, m->partner_group);
	sql_bind_text(st, 6, m->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_memberships_of_user(store *s, arena *a, int64_t user, membership_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " MEMBERSHIP_COLUMNS
			      " WHERE m.user_id = ? ORDER BY m.id", user, out, read_membership, e);
}

int store_memberships_of_org(store *s, arena *a, int64_t org, membership_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " MEMBERSHIP_COLUMNS
			      " WHERE m.organisation_id = ? ORDER BY u.name, m.id", org, out,
			      read_membership, e);
}

int store_membership_get(store *s, arena *a, int64_t id, membership_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " MEMBERSHIP_COLUMNS " WHERE m.id = ?", id, out,
			     read_membership, e);
}

int store_membership_update(store *s, int64_t id, const char *role, const char *group, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE membership SET role = ?, partner_group = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, role);
	sql_bind_text(st, 2, group);
	sql_bind_int(st, 3, id);
	return sql_exec_stmt(s, st, e);
}

int store_membership_delete(store *s, int64_t id, err *e)
{
	return exec_id(s, "DELETE FROM membership WHERE id = ?", id, e);
}

int store_org_area(store *s, int64_t org, int64_t *area, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT COALESCE(area_id, 0) FROM organisation WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org);
	*area = 0;
	int rc = sql_step(s, st, e);
	if (rc == SQLITE_ROW)
		*area = sql_col_int(st, 0);
	sql_done(s, st);
	return rc < 0 ? -1 : 0;
}

int store_area_by_name(store *s, const char *name, const char *now, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO area (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, name);
	sql_bind_text(st, 2, now);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	st = sql_prepare(s, "SELECT id FROM area WHERE name = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, name);
	return count_query(s, st, id, e);
}

/* ---- sessions -------------------------------------------------------- */

static void read_session(arena *a, sqlite3_stmt *st, void *row)
{
	session_row *r = row;
	r->token_hash = sql_col_text(a, st, 0);
	r->user_id = sql_col_int(st, 1);
	r->csrf_token = sql_col_text(a, st, 2);
	r->created_at = sql_col_text(a, st, 3);
	r->last_seen_at = sql_col_text(a, st, 4);
	read_user_at(a, st, 5, &r->user);
}

int store_session_insert(store *s, const session_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO user_session (token_hash, user_id, csrf_token, created_at, last_seen_at)"
		" VALUES (?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, r->token_hash);
	sql_bind_int(st, 2, r->user_id);
	sql_bind_text(st, 3, r->csrf_token);
	sql_bind_text(st, 4, r->created_at);
	sql_bind_text(st, 5, r->last_seen_at);
	return sql_exec_stmt(s, st, e);
}

int store_session_get(store *s, arena *a, const char *token_hash, session_row *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at,"
		" u.id, u.email, u.name, u.password_hash, u.created_at"
		" FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, token_hash);
	return sql_one(s, a, st, out, read_session, e);
}

static int exec_text(store *s, const char *sql, const char *a1, const char *a2, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, sql, e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, a1);
	if (a2)
		sql_bind_text(st, 2, a2);
	return sql_exec_stmt(s, st, e);
}

int store_session_touch(store *s, const char *token_hash, const char *now, err *e)
{
	return exec_text(s, "UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?", now,
			 token_hash, e);
}

int store_session_delete(store *s, const char *token_hash, err *e)
{
	return exec_text(s, "DELETE FROM user_session WHERE token_hash = ?", token_hash, NULL, e);
}

int store_sessions_delete_user(store *s, int64_t user, err *e)
{
	return exec_id(s, "DELETE FROM user_session WHERE user_id = ?", user, e);
}

/* ---- invitations ----------------------------------------------------- */

int store_invitation_insert(store *s, const invitation_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO invitation (token_hash, organisation_id, role, partner_group, name,"
		" created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, r->token_hash);
	sql_bind_int(st, 2, r->organisation_id);
	sql_bind_text(st, 3, r->role);
	sql_bind_text(st, 4, r->partner_group);
	sql_bind_text(st, 5, r->name);
	sql_bind_id(st, 6, r->created_by);
	sql_bind_text(st, 7, r->created_at);
	sql_bind_text(st, 8, r->expires_at);
	return sql_exec_stmt(s, st, e);
}

static void read_invitation(arena *a, sqlite3_stmt *st, void *row)
{
	invitation_row *r = row;
	r->token_hash = sql_col_text(a, st, 0);
	r->organisation_id = sql_col_int(st, 1);
	r->role = sql_col_text(a, st, 2);
	r->partner_group = sql_col_text(a, st, 3);
	r->name = sql_col_text(a, st, 4);
	r->created_by = sql_col_int(st, 5);
	r->created_at = sql_col_text(a, st, 6);
	r->expires_at = sql_col_text(a, st, 7);
	r->used_at = sql_col_text(a, st, 8);
}

int store_invitation_get(store *s, arena *a, const char *token_hash, invitation_row *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT token_hash, organisation_id, role, partner_group, name, created_by,"
		" created_at, expires_at, used_at FROM invitation WHERE token_hash = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, token_hash);
	return sql_one(s, a, st, out, read_invitation, e);
}

int store_invitation_use(store *s, const char *token_hash, const char *now, err *e)
{
	if (exec_text(s, "UPDATE invitation SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
		      now, token_hash, e) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

/* ---- sign-in failures ------------------------------------------------ */

int store_failure_add(store *s, const char *account, const char *address, const char *now, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO sign_in_failure (account_key, address, at) VALUES (?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, account);
	sql_bind_text(st, 2, address);
	sql_bind_text(st, 3, now);
	return sql_exec_stmt(s, st, e);
}

/* account NULL counts every failure from the address. */
int store_failure_count(store *s, const char *account, const char *address, const char *since,
			int64_t *n, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT COUNT(*) FROM sign_in_failure WHERE address = ? AND at >= ?"
		" AND (? IS NULL OR account_key = ?)", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, address);
	sql_bind_text(st, 2, since);
	sql_bind_text(st, 3, account);
	sql_bind_text(st, 4, account);
	return count_query(s, st, n, e);
}

int store_failures_clear(store *s, const char *account, const char *address, err *e)
{
	return exec_text(s, "DELETE FROM sign_in_failure WHERE account_key = ? AND address = ?",
			 account, address, e);
}

/* ---- activity -------------------------------------------------------- */

int store_activity_add(store *s, const activity_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO activity (at, user_id, user_name, area_id, organisation_id, what)"
		" VALUES (?, ?, ?, COALESCE(?, (SELECT area_id FROM organisation WHERE id = ?)), ?, ?)",
		e);
	if (!st)
		return -1;
	/* An organisation's line also carries its area, so the area's log is
	 * one index range (activity_area) however large the country grows. */
	sql_bind_text(st, 1, r->at);
	sql_bind_id(st, 2, r->user_id);
	sql_bind_text(st, 3, r->user_name);
	sql_bind_id(st, 4, r->area_id);
	sql_bind_id(st, 5, r->organisation_id);
	sql_bind_id(st, 6, r->organisation_id);
	sql_bind_text(st, 7, r->what);
	return sql_exec_stmt(s, st, e);
}

static void read_activity(arena *a, sqlite3_stmt *st, void *row)
{
	activity_row *r = row;
	r->id = sql_col_int(st, 0);
	r->at = sql_col_text(a, st, 1);
	r->user_id = sql_col_int(st, 2);
	r->user_name = sql_col_text(a, st, 3);
	r->area_id = sql_col_int(st, 4);
	r->organisation_id = sql_col_int(st, 5);
	r->what = sql_col_text(a, st, 6);
}

int store_activity_list(store *s, arena *a, int64_t org, int64_t area, int limit,
			activity_list *out, err *e)
{
	sqlite3_stmt *st = org > 0
		? sql_prepare(s, "SELECT id, at, user_id, user_name, area_id, organisation_id, what"
			      " FROM activity WHERE organisation_id = ? ORDER BY at DESC, id DESC LIMIT ?", e)
		: sql_prepare(s, "SELECT id, at, user_id, user_name, area_id, organisation_id, what"
			      " FROM activity WHERE area_id = ? ORDER BY at DESC, id DESC LIMIT ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org > 0 ? org : area);
	sql_bind_int(st, 2, limit);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_activity, e);
}

/* ---- API tokens ------------------------------------------------------ */

#define API_TOKEN_COLUMNS \
	"id, area_id, created_by, name, token_hash, created_at, last_used_at, revoked_at" \
	" FROM api_token"

static void read_api_token(arena *a, sqlite3_stmt *st, void *row)
{
	api_token_row *r = row;
	r->id = sql_col_int(st, 0);
	r->area_id = sql_col_int(st, 1);
	r->created_by = sql_col_int(st, 2);
	r->name = sql_col_text(a, st, 3);
	r->token_hash = sql_col_text(a, st, 4);
	r->created_at = sql_col_text(a, st, 5);
	r->last_used_at = sql_col_text(a, st, 6);
	r->revoked_at = sql_col_text(a, st, 7);
}

int store_api_token_insert(store *s, const api_token_row *r, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO api_token (area_id, name, token_hash, created_by, created_at)"
		" VALUES (?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->area_id);
	sql_bind_text(st, 2, r->name);
	sql_bind_text(st, 3, r->token_hash);
	sql_bind_id(st, 4, r->created_by);
	sql_bind_text(st, 5, r->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_api_tokens_of_area(store *s, arena *a, int64_t area, api_token_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " API_TOKEN_COLUMNS
			      " WHERE area_id = ? ORDER BY id DESC", area, out, read_api_token, e);
}

int store_api_token_revoke(store *s, int64_t area, int64_t id, const char *now, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE api_token SET revoked_at = ? WHERE id = ? AND area_id = ? AND revoked_at IS NULL",
		e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, now);
	sql_bind_int(st, 2, id);
	sql_bind_int(st, 3, area);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

int store_api_token_use(store *s, arena *a, const char *token_hash, const char *now,
			api_token_row *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " API_TOKEN_COLUMNS
				       " WHERE token_hash = ? AND revoked_at IS NULL", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, token_hash);
	int found = sql_one(s, a, st, out, read_api_token, e);
	if (found <= 0)
		return found;
	/* Once a minute is enough to show the administrator it is in use,
	 * and keeps API reads from writing on every request. */
	if (out->last_used_at && strncmp(out->last_used_at, now, 16) == 0)
		return 1;
	st = sql_prepare(s, "UPDATE api_token SET last_used_at = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, now);
	sql_bind_int(st, 2, out->id);
	return sql_exec_stmt(s, st, e) < 0 ? -1 : 1;
}
