/* credentials.c: two-factor secrets, recovery codes, password-reset links
 * and pending sign-ins (store/credentials.h). */
#include "store/credentials.h"

#include "store/sql.h"

int store_user_set_password(store *s, int64_t user, const char *hash, err *e)
{
	return sql_run(s, "UPDATE app_user SET password_hash = ? WHERE id = ?",
		       SQL_ARGS(sql_text(hash), sql_int(user)), e);
}

int store_sessions_end_others(store *s, int64_t user, const char *keep, err *e)
{
	return sql_run(s, "DELETE FROM user_session WHERE user_id = ? AND token_hash IS DISTINCT FROM ?",
		       SQL_ARGS(sql_int(user), sql_text(keep)), e);
}

/* ---- two-factor ------------------------------------------------------ */

static const sql_col two_factor_cols[] = {
	SQL_COL(two_factor_row, user_id, I64), SQL_COL(two_factor_row, secret, TEXT),
	SQL_COL(two_factor_row, confirmed_at, TEXT), SQL_COL(two_factor_row, last_step, I64),
	SQL_COL(two_factor_row, created_at, TEXT), SQL_TABLE_END,
};

int store_two_factor_get(store *s, arena *a, int64_t user, two_factor_row *out, err *e)
{
	return sql_get(s, a, "SELECT user_id, secret, confirmed_at, last_step, created_at"
		       " FROM two_factor WHERE user_id = ?", SQL_ID_ARG(user), out, two_factor_cols, e);
}

int store_two_factor_begin(store *s, int64_t user, const char *secret, const char *now, err *e)
{
	return sql_run(s, "INSERT INTO two_factor (user_id, secret, created_at) VALUES (?1, ?2, ?3)"
		       " ON CONFLICT (user_id) DO UPDATE SET secret = ?2, created_at = ?3, last_step = 0"
		       " WHERE two_factor.confirmed_at IS NULL",
		       SQL_ARGS(sql_int(user), sql_text(secret), sql_text(now)), e);
}

int store_two_factor_confirm(store *s, int64_t user, const char *now, err *e)
{
	return sql_change(s, "UPDATE two_factor SET confirmed_at = ? WHERE user_id = ? AND confirmed_at IS NULL",
			  SQL_ARGS(sql_text(now), sql_int(user)), e);
}

int store_two_factor_use_step(store *s, int64_t user, int64_t step, err *e)
{
	return sql_change(s, "UPDATE two_factor SET last_step = ?2 WHERE user_id = ?1 AND last_step < ?2",
			  SQL_ARGS(sql_int(user), sql_int(step)), e);
}

int store_two_factor_delete(store *s, int64_t user, err *e)
{
	if (sql_run(s, "DELETE FROM recovery_code WHERE user_id = ?", SQL_ID_ARG(user), e) < 0)
		return -1;
	return sql_change(s, "DELETE FROM two_factor WHERE user_id = ?", SQL_ID_ARG(user), e);
}

int store_recovery_add(store *s, int64_t user, const char *code_hash, err *e)
{
	return sql_run(s, "INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)",
		       SQL_ARGS(sql_int(user), sql_text(code_hash)), e);
}

int store_recovery_unused(store *s, arena *a, int64_t user, const char ***hashes, size_t *n, err *e)
{
	return sql_list(s, a, "SELECT code_hash FROM recovery_code WHERE user_id = ? AND used_at IS NULL"
			" ORDER BY id", SQL_ID_ARG(user), (void **)hashes, n, sizeof **hashes,
			sql_text_row, e);
}

int store_recovery_use(store *s, int64_t user, const char *code_hash, const char *now, err *e)
{
	return sql_change(s, "UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ?"
			  " AND used_at IS NULL", SQL_ARGS(sql_text(now), sql_int(user), sql_text(code_hash)), e);
}

int store_two_factor_missing(store *s, int64_t user, bool *missing, err *e)
{
	int64_t n = 0;
	int rc = sql_get_int(s, "SELECT " SQL_TWO_FACTOR_MISSING("?1"), SQL_ID_ARG(user), &n, e);
	*missing = n != 0;
	return rc;
}

int store_two_factor_area_get(store *s, int64_t area, bool *required, err *e)
{
	int64_t n = 0;
	int rc = sql_get_int(s, "SELECT required FROM two_factor_area_setting WHERE area_id = ?",
			     SQL_ID_ARG(area), &n, e);
	*required = n != 0;
	return rc;
}

int store_two_factor_area_set(store *s, int64_t area, bool required, const char *now, err *e)
{
	return sql_run(s, "INSERT INTO two_factor_area_setting (area_id, required, updated_at)"
		       " VALUES (?1, ?2, ?3) ON CONFLICT (area_id) DO UPDATE SET required = ?2, updated_at = ?3",
		       SQL_ARGS(sql_int(area), sql_int(required), sql_text(now)), e);
}

/* ---- pending sign-ins ------------------------------------------------ */

static const sql_col pending_cols[] = {
	SQL_COL(pending_row, token_hash, TEXT), SQL_COL(pending_row, user_id, I64),
	SQL_COL(pending_row, created_at, TEXT), SQL_COL(pending_row, failures, I64), SQL_TABLE_END,
};

int store_pending_add(store *s, const pending_row *r, err *e)
{
	return sql_run(s, "INSERT INTO sign_in_pending (token_hash, user_id, created_at)"
		       " VALUES (:token_hash, :user_id, :created_at)", SQL_ROW(pending_cols, r), e);
}

int store_pending_get(store *s, arena *a, const char *token_hash, pending_row *out, err *e)
{
	return sql_get(s, a, "SELECT token_hash, user_id, created_at, failures FROM sign_in_pending"
		       " WHERE token_hash = ?", SQL_ARGS(sql_text(token_hash)), out, pending_cols, e);
}

int store_pending_fail(store *s, const char *token_hash, err *e)
{
	return sql_run(s, "UPDATE sign_in_pending SET failures = failures + 1 WHERE token_hash = ?",
		       SQL_ARGS(sql_text(token_hash)), e);
}

int store_pending_delete(store *s, const char *token_hash, err *e)
{
	return sql_run(s, "DELETE FROM sign_in_pending WHERE token_hash = ?", SQL_ARGS(sql_text(token_hash)), e);
}

int store_pending_prune(store *s, const char *before, err *e)
{
	return sql_run(s, "DELETE FROM sign_in_pending WHERE created_at < ?", SQL_ARGS(sql_text(before)), e);
}

/* ---- password-reset links -------------------------------------------- */

static const sql_col reset_cols[] = {
	SQL_COL(reset_row, token_hash, TEXT), SQL_COL(reset_row, user_id, I64),
	SQL_COL(reset_row, started_by, ID), SQL_COL(reset_row, created_at, TEXT),
	SQL_COL(reset_row, expires_at, TEXT), SQL_COL(reset_row, used_at, TEXT), SQL_TABLE_END,
};

int store_reset_add(store *s, const reset_row *r, err *e)
{
	return sql_run(s, "INSERT INTO password_reset (token_hash, user_id, started_by, created_at,"
		       " expires_at) VALUES (:token_hash, :user_id, :started_by, :created_at, :expires_at)",
		       SQL_ROW(reset_cols, r), e);
}

int store_reset_get(store *s, arena *a, const char *token_hash, reset_row *out, err *e)
{
	return sql_get(s, a, "SELECT token_hash, user_id, started_by, created_at, expires_at, used_at"
		       " FROM password_reset WHERE token_hash = ?", SQL_ARGS(sql_text(token_hash)), out,
		       reset_cols, e);
}

int store_reset_use(store *s, const char *token_hash, const char *now, err *e)
{
	return sql_change(s, "UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
			  SQL_ARGS(sql_text(now), sql_text(token_hash)), e);
}

int store_resets_end(store *s, int64_t user, const char *now, err *e)
{
	return sql_run(s, "UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
		       SQL_ARGS(sql_text(now), sql_int(user)), e);
}
