/* outbox.c: outbox rows (store/outbox.h). */
#include "store/outbox.h"
#include "store/sql.h"

static const sql_col outbox_cols[] = {
	SQL_COL(outbox_row, id, I64),
	SQL_COL(outbox_row, to_address, TEXT),
	SQL_COL(outbox_row, subject, TEXT),
	SQL_COL(outbox_row, body, TEXT),
	SQL_COL(outbox_row, kind, TEXT),
	SQL_COL(outbox_row, user_id, ID),
	SQL_COL(outbox_row, area_id, ID),
	SQL_COL(outbox_row, unsubscribe, TEXT),
	SQL_COL(outbox_row, created_at, TEXT),
	SQL_COL(outbox_row, status, TEXT),
	SQL_COL(outbox_row, attempts, INT),
	SQL_COL(outbox_row, next_attempt_at, TEXT),
	SQL_COL(outbox_row, claimed_until, TEXT),
	SQL_COL(outbox_row, sent_at, TEXT),
	SQL_COL(outbox_row, failed_at, TEXT),
	SQL_COL(outbox_row, last_error, TEXT),
	SQL_TABLE_END
};

#define OUTBOX_SELECT \
	"SELECT id, to_address, subject, body, kind, user_id, area_id, unsubscribe, created_at," \
	" status, attempts, next_attempt_at, claimed_until, sent_at, failed_at, last_error FROM outbox"

int store_outbox_insert(store *s, const outbox_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO outbox (to_address, subject, body, kind, user_id, area_id,"
			  " unsubscribe, created_at, next_attempt_at) VALUES (:to_address, :subject, :body,"
			  " :kind, :user_id, :area_id, :unsubscribe, :created_at, :created_at)",
			  SQL_ROW(outbox_cols, r), id, e);
}

int store_outbox_get(store *s, arena *a, int64_t id, outbox_row *out, err *e)
{
	return sql_get(s, a, OUTBOX_SELECT " WHERE id = ?", SQL_ID_ARG(id), out, outbox_cols, e);
}

int store_outbox_list(store *s, arena *a, int64_t area, const char *status, const char *to,
		      int limit, outbox_list *out, err *e)
{
	return SQL_LIST(s, a, OUTBOX_SELECT " WHERE (?1 = 0 OR area_id = ?1) AND (CAST(?2 AS TEXT) IS NULL OR status = ?2)"
			" AND (CAST(?3 AS TEXT) IS NULL OR to_address = ?3) ORDER BY id DESC LIMIT ?4",
			SQL_ARGS(sql_int(area), sql_text(status), sql_text(to), sql_int(limit)), out,
			outbox_cols, e);
}

static int count_status(store *s, int64_t area, const char *status, int64_t *n, err *e)
{
	return sql_get_int(s, "SELECT COUNT(*) FROM outbox WHERE (?1 = 0 OR area_id = ?1) AND status = ?2",
			   SQL_ARGS(sql_int(area), sql_text(status)), n, e);
}

int store_outbox_counts(store *s, int64_t area, outbox_counts *out, err *e)
{
	if (count_status(s, area, "waiting", &out->waiting, e) < 0 ||
	    count_status(s, area, "sending", &out->sending, e) < 0 ||
	    count_status(s, area, "sent", &out->sent, e) < 0)
		return -1;
	return count_status(s, area, "failed", &out->failed, e);
}

int store_outbox_due(store *s, const char *now, int64_t *id, err *e)
{
	*id = 0;
	if (sql_get_int(s, "SELECT id FROM (SELECT id FROM outbox WHERE status = 'waiting' AND next_attempt_at <= ?1"
			" UNION ALL SELECT id FROM outbox WHERE status = 'sending' AND claimed_until < ?1) AS due"
			" ORDER BY id LIMIT 1", SQL_ARGS(sql_text(now)), id, e) < 0)
		return -1;
	return *id != 0;
}

int store_outbox_claim(store *s, int64_t id, const char *now, const char *until, err *e)
{
	return sql_change(s, "UPDATE outbox SET status = 'sending', claimed_until = ?3, attempts = attempts + 1"
			  " WHERE id = ?1 AND ((status = 'waiting' AND next_attempt_at <= ?2)"
			  "  OR (status = 'sending' AND claimed_until < ?2))",
			  SQL_ARGS(sql_int(id), sql_text(now), sql_text(until)), e);
}

int store_outbox_sent(store *s, int64_t id, const char *now, err *e)
{
	return sql_run(s, "UPDATE outbox SET status = 'sent', sent_at = ?2, claimed_until = NULL WHERE id = ?1",
		       SQL_ARGS(sql_int(id), sql_text(now)), e);
}

int store_outbox_defer(store *s, int64_t id, const char *next, const char *error, err *e)
{
	return sql_run(s, "UPDATE outbox SET status = 'waiting', next_attempt_at = ?2, claimed_until = NULL,"
		       " last_error = ?3 WHERE id = ?1", SQL_ARGS(sql_int(id), sql_text(next), sql_text(error)), e);
}

int store_outbox_fail(store *s, int64_t id, const char *now, const char *error, err *e)
{
	return sql_run(s, "UPDATE outbox SET status = 'failed', failed_at = ?2, claimed_until = NULL,"
		       " last_error = ?3 WHERE id = ?1", SQL_ARGS(sql_int(id), sql_text(now), sql_text(error)), e);
}

int store_outbox_retry(store *s, int64_t area, int64_t id, const char *now, err *e)
{
	return sql_change(s, "UPDATE outbox SET status = 'waiting', attempts = 0, next_attempt_at = ?3,"
			  " failed_at = NULL WHERE id = ?2 AND area_id = ?1 AND status = 'failed'",
			  SQL_ARGS(sql_int(area), sql_int(id), sql_text(now)), e);
}
