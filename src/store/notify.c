/* notify.c: notifications' rows (store/notify.h). */
#include "store/notify.h"
#include "store/sql.h"

static const sql_col notification_cols[] = {
	SQL_COL(notification_row, id, I64), SQL_COL(notification_row, user_id, I64),
	SQL_COL(notification_row, kind, TEXT), SQL_COL(notification_row, subject, TEXT),
	SQL_COL(notification_row, text, TEXT), SQL_COL(notification_row, path, TEXT),
	SQL_COL(notification_row, created_at, TEXT), SQL_COL(notification_row, read_at, TEXT),
	SQL_COL(notification_row, digest, BOOL),
	SQL_TABLE_END,
};

#define NOTIFICATION_COLUMNS \
	"id, user_id, kind, subject, text, path, created_at, read_at, digest FROM notification"

int store_notification_insert(store *s, const notification_row *n, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO notification (user_id, kind, subject, text, path, created_at,"
			  " read_at, digest) VALUES (:user_id, :kind, :subject, :text, :path, :created_at,"
			  " :read_at, :digest)", SQL_ROW(notification_cols, n), id, e);
}

int store_notifications_of_user(store *s, arena *a, int64_t user, int limit, bool unread_only,
				notification_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " NOTIFICATION_COLUMNS " WHERE user_id = ?1"
			" AND (?2 = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT ?3",
			SQL_ARGS(sql_int(user), sql_int(unread_only), sql_int(limit)), out,
			notification_cols, e);
}

int store_notifications_unread(store *s, int64_t user, int64_t *n, err *e)
{
	return sql_get_int(s, "SELECT COUNT(*) FROM notification WHERE user_id = ? AND read_at IS NULL",
			   SQL_ID_ARG(user), n, e);
}

static const sql_col frame_count_cols[] = {
	SQL_COL(frame_count_row, unread, I64), SQL_COL(frame_count_row, overdue, I64),
	SQL_COL(frame_count_row, to_decide, I64), SQL_TABLE_END,
};

#define FRAME_UNREAD "SELECT (SELECT COUNT(*) FROM notification WHERE user_id = ?1 AND read_at IS NULL)"
#define FRAME_OVERDUE(org, today) "(SELECT COUNT(*) FROM action_item WHERE organisation_id = " org \
	" AND status IN ('open', 'in-progress') AND due_on < " today ")"
#define FRAME_TO_DECIDE(area) "(SELECT COUNT(*) FROM audit a JOIN organisation o" \
	" ON o.id = a.organisation_id WHERE o.area_id = " area " AND a.status = 'submitted')"

/* One statement, not three: on PostgreSQL each is a round trip, and every
 * page draws its frame. A text of its own for an organisation's page, an
 * area's and neither, each counting only what that page shows (0 for the
 * rest, as a count of organisation or area 0 was): with one text for all,
 * an organisation's page counted the audits of area 0, so PostgreSQL found
 * a plan for those values cheaper than its generic plan and planned the
 * statement afresh at every run (0.1 to 0.4 ms: 55 plans in 54 runs in
 * pg_stat_statements); each text now keeps its generic plan after five.
 * The text for the page, with its arguments in v (their number in *n). */
static const char *frame_sql(int64_t user, int64_t org, int64_t area, const char *today, sql_arg *v,
			     size_t *n)
{
	v[0] = sql_int(user);
	*n = 1;
	if (org)
		v[(*n)++] = sql_int(org);
	if (area)
		v[(*n)++] = sql_int(area);
	if (org)
		v[(*n)++] = sql_text(today);
	if (org && area)
		return FRAME_UNREAD ", " FRAME_OVERDUE("?2", "?4") ", " FRAME_TO_DECIDE("?3");
	if (org)
		return FRAME_UNREAD ", " FRAME_OVERDUE("?2", "?3") ", 0";
	if (area)
		return FRAME_UNREAD ", 0, " FRAME_TO_DECIDE("?2");
	return FRAME_UNREAD ", 0, 0";
}

int store_frame_counts(store *s, int64_t user, int64_t org, int64_t area, const char *today,
		       frame_count_row *out, err *e)
{
	sql_arg v[4];
	sql_in in = {0};
	const char *sql = frame_sql(user, org, area, today, v, &in.n_args);
	in.args = v;
	*out = (frame_count_row){0};
	return sql_get(s, NULL, sql, &in, out, frame_count_cols, e);
}

int store_frame_counts_list(store *s, arena *a, int64_t user, int64_t org, int64_t area,
			    const char *today, frame_count_list *out, err *e)
{
	sql_arg v[4];
	sql_in in = {0};
	const char *sql = frame_sql(user, org, area, today, v, &in.n_args);
	in.args = v;
	return SQL_LIST(s, a, sql, &in, out, frame_count_cols, e);
}

int store_notifications_read_all(store *s, int64_t user, const char *now, err *e)
{
	return sql_change(s, "UPDATE notification SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL",
			  SQL_ARGS(sql_int(user), sql_text(now)), e);
}

/* ---- choices ------------------------------------------------------------- */

static const sql_col setting_cols[] = {
	SQL_COL(notify_setting_row, kind, TEXT), SQL_COL(notify_setting_row, how, TEXT),
	SQL_TABLE_END,
};

int store_notify_setting_get(store *s, arena *a, int64_t user, const char *kind, const char **how,
			     err *e)
{
	*how = NULL;
	return sql_get(s, a, "SELECT how FROM notification_setting WHERE user_id = ? AND kind = ?",
		       SQL_ARGS(sql_int(user), sql_text(kind)), how, sql_text_row, e);
}

int store_notify_settings_of_user(store *s, arena *a, int64_t user, notify_setting_list *out,
				  err *e)
{
	return SQL_LIST(s, a, "SELECT kind, how FROM notification_setting WHERE user_id = ? ORDER BY kind",
			SQL_ID_ARG(user), out, setting_cols, e);
}

int store_notify_setting_put(store *s, int64_t user, const char *kind, const char *how,
			     const char *now, err *e)
{
	return sql_run(s, "INSERT INTO notification_setting (user_id, kind, how, updated_at)"
		       " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id, kind) DO UPDATE SET"
		       " how = excluded.how, updated_at = excluded.updated_at",
		       SQL_ARGS(sql_int(user), sql_text(kind), sql_text(how), sql_text(now)), e);
}

int store_notify_sent_has(store *s, int64_t user, const char *event, int64_t *n, err *e)
{
	return sql_get_int(s, "SELECT COUNT(*) FROM notification_sent WHERE user_id = ? AND event = ?",
			   SQL_ARGS(sql_int(user), sql_text(event)), n, e);
}

int store_notify_sent_mark(store *s, int64_t user, const char *event, const char *now, err *e)
{
	return sql_change(s, "INSERT INTO notification_sent (user_id, event, at) VALUES (?1, ?2, ?3)"
			  " ON CONFLICT (user_id, event) DO NOTHING",
			  SQL_ARGS(sql_int(user), sql_text(event), sql_text(now)), e);
}

/* ---- digests --------------------------------------------------------------- */

static const sql_col user_cols[] = {
	SQL_COL(user_row, id, I64), SQL_COL(user_row, email, TEXT), SQL_COL(user_row, name, TEXT),
	SQL_TABLE_END,
};

int store_notify_recipient(store *s, arena *a, int64_t user, user_row *out, err *e)
{
	return sql_get(s, a, "SELECT id, email, name FROM app_user WHERE id = ? AND disabled_at IS NULL",
		       SQL_ID_ARG(user), out, user_cols, e);
}

int store_digest_users(store *s, arena *a, const char *before, user_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT u.id, u.email, u.name FROM app_user u WHERE u.disabled_at IS NULL AND u.id IN"
			" (SELECT user_id FROM notification WHERE digest = 1 AND created_at < ?) ORDER BY u.id",
			SQL_ARGS(sql_text(before)), out, user_cols, e);
}

int store_digest_items(store *s, arena *a, int64_t user, notification_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " NOTIFICATION_COLUMNS " WHERE digest = 1 AND user_id = ?"
			" ORDER BY kind, id", SQL_ID_ARG(user), out, notification_cols, e);
}

int store_digest_last(store *s, arena *a, int64_t user, const char **sent_at, err *e)
{
	*sent_at = NULL;
	return sql_get(s, a, "SELECT sent_at FROM notification_digest WHERE user_id = ?",
		       SQL_ID_ARG(user), sent_at, sql_text_row, e);
}

int store_digest_done(store *s, int64_t user, const char *now, err *e)
{
	if (sql_run(s, "UPDATE notification SET digest = 0 WHERE digest = 1 AND user_id = ?",
		    SQL_ID_ARG(user), e) < 0)
		return -1;
	return sql_run(s, "INSERT INTO notification_digest (user_id, sent_at) VALUES (?1, ?2)"
		       " ON CONFLICT (user_id) DO UPDATE SET sent_at = excluded.sent_at",
		       SQL_ARGS(sql_int(user), sql_text(now)), e);
}

/* ---- housekeeping ------------------------------------------------------------ */

int store_notifications_prune_read(store *s, const char *before, err *e)
{
	return sql_change(s, "DELETE FROM notification WHERE read_at IS NOT NULL AND read_at < ?",
			  SQL_ARGS(sql_text(before)), e);
}

int store_unsubscribe_prune(store *s, const char *before, err *e)
{
	return sql_change(s, "DELETE FROM notification_unsubscribe WHERE created_at < ?",
			  SQL_ARGS(sql_text(before)), e);
}

static const sql_col sent_cols[] = {
	SQL_COL(sent_row, user_id, I64), SQL_COL(sent_row, event, TEXT), SQL_TABLE_END,
};

int store_notify_sent_before(store *s, arena *a, const char *before, sent_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT user_id, event FROM notification_sent WHERE at < ? ORDER BY at",
			SQL_ARGS(sql_text(before)), out, sent_cols, e);
}

int store_notify_sent_forget(store *s, int64_t user, const char *event, err *e)
{
	return sql_run(s, "DELETE FROM notification_sent WHERE user_id = ? AND event = ?",
		       SQL_ARGS(sql_int(user), sql_text(event)), e);
}

/* ---- unsubscribe links ------------------------------------------------------ */

int store_unsubscribe_insert(store *s, const char *hash, int64_t user, const char *kind,
			     const char *now, err *e)
{
	return sql_run(s, "INSERT INTO notification_unsubscribe (token_hash, user_id, kind, created_at)"
		       " VALUES (?1, ?2, ?3, ?4)",
		       SQL_ARGS(sql_text(hash), sql_int(user), sql_text(kind), sql_text(now)), e);
}

static const sql_col unsubscribe_cols[] = {
	SQL_COL(unsubscribe_row, token_hash, TEXT), SQL_COL(unsubscribe_row, user_id, I64),
	SQL_COL(unsubscribe_row, kind, TEXT),
	SQL_TABLE_END,
};

int store_unsubscribe_get(store *s, arena *a, const char *hash, unsubscribe_row *out, err *e)
{
	return sql_get(s, a, "SELECT token_hash, user_id, kind FROM notification_unsubscribe"
		       " WHERE token_hash = ?", SQL_ARGS(sql_text(hash)), out, unsubscribe_cols, e);
}

/* ---- who hears -------------------------------------------------------------- */

int store_org_leads(store *s, arena *a, int64_t org, user_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT DISTINCT u.id, u.email, u.name FROM membership m"
			" JOIN app_user u ON u.id = m.user_id"
			" WHERE m.organisation_id = ? AND m.role = 'lead' ORDER BY u.id",
			SQL_ID_ARG(org), out, user_cols, e);
}

int store_area_admins(store *s, arena *a, int64_t area, user_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT DISTINCT u.id, u.email, u.name FROM membership m"
			" JOIN app_user u ON u.id = m.user_id"
			" WHERE m.area_id = ? AND m.role = 'area-admin' ORDER BY u.id",
			SQL_ID_ARG(area), out, user_cols, e);
}

int store_org_people(store *s, arena *a, int64_t org, user_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT DISTINCT u.id, u.email, u.name FROM membership m"
			" JOIN app_user u ON u.id = m.user_id"
			" WHERE m.organisation_id = ? ORDER BY u.id",
			SQL_ID_ARG(org), out, user_cols, e);
}

int store_user_area(store *s, int64_t user, int64_t *area, err *e)
{
	return sql_get_int(s, "SELECT COALESCE(m.area_id, o.area_id, 0) FROM membership m"
			   " LEFT JOIN organisation o ON o.id = m.organisation_id"
			   " WHERE m.user_id = ? ORDER BY m.id LIMIT 1", SQL_ID_ARG(user), area, e);
}

/* ---- what falls due ---------------------------------------------------------- */

static const sql_col due_cols[] = {
	SQL_COL(due_row, id, I64), SQL_COL(due_row, organisation_id, I64),
	SQL_COL(due_row, title, TEXT), SQL_COL(due_row, owner, TEXT), SQL_COL(due_row, on, TEXT),
	SQL_COL(due_row, org_name, TEXT),
	SQL_TABLE_END,
};

/* ?1 the person (0: everyone), ?2 from, ?3 until. */
#define IN_USERS_ORGS(col) \
	" AND (?1 = 0 OR " col " IN (SELECT organisation_id FROM membership WHERE user_id = ?1" \
	" AND organisation_id IS NOT NULL))"

static const char *const due_sql[] = {
	[DUE_ACTION] =
	"SELECT a.id, a.organisation_id, a.title, a.owner, a.due_on, o.name FROM action_item a"
	" JOIN organisation o ON o.id = a.organisation_id"
	" WHERE a.status IN ('open', 'in-progress') AND a.due_on IS NOT NULL AND ?2 <> ''"
	" AND a.due_on <= ?3" IN_USERS_ORGS("a.organisation_id") " ORDER BY a.due_on, a.id",
	[DUE_ACTION_REVIEW] =
	"SELECT a.id, a.organisation_id, a.title, a.owner, a.review_on, o.name FROM action_item a"
	" JOIN organisation o ON o.id = a.organisation_id"
	" WHERE a.status IN ('open', 'in-progress') AND a.review_on IS NOT NULL AND ?2 <> ''"
	" AND a.review_on <= ?3" IN_USERS_ORGS("a.organisation_id") " ORDER BY a.review_on, a.id",
	[DUE_AUDIT_REVIEW] =
	"SELECT a.id, a.organisation_id, a.service_area, '', a.review_on, o.name FROM audit a"
	" JOIN organisation o ON o.id = a.organisation_id"
	" WHERE a.status = 'accepted' AND a.review_on IS NOT NULL AND ?2 <> '' AND a.review_on <= ?3"
	" AND NOT EXISTS (SELECT 1 FROM audit n WHERE n.first_id = a.first_id AND n.version > a.version)"
	IN_USERS_ORGS("a.organisation_id") " ORDER BY a.review_on, a.id",
	[DUE_VIEWS_CLOSING] =
	"SELECT r.id, r.organisation_id, r.title, '', r.closes_on, o.name FROM view_round r"
	" JOIN organisation o ON o.id = r.organisation_id"
	" WHERE r.closed = 0 AND r.closes_on IS NOT NULL AND r.closes_on >= ?2 AND r.closes_on <= ?3"
	IN_USERS_ORGS("r.organisation_id") " ORDER BY r.closes_on, r.id",
	[DUE_GOLD] =
	"SELECT g.id, g.organisation_id, v.cycle, '', g.due_on, o.name FROM gold_decision g"
	" JOIN organisation o ON o.id = g.organisation_id JOIN evaluation v ON v.id = g.evaluation_id"
	" WHERE g.decision = 'awarded' AND ?2 <> '' AND g.due_on <= ?3"
	" AND g.id = (SELECT l.id FROM gold_decision l WHERE l.organisation_id = g.organisation_id"
	"             ORDER BY l.decided_on DESC, l.id DESC LIMIT 1)"
	IN_USERS_ORGS("g.organisation_id") " ORDER BY g.due_on, g.id",
};

int store_due(store *s, arena *a, enum due_what what, int64_t user, const char *from,
	      const char *until, due_list *out, err *e)
{
	return SQL_LIST(s, a, due_sql[what], SQL_ARGS(sql_int(user), sql_text(from), sql_text(until)),
			out, due_cols, e);
}
