/* review.c: reviews of actions with their evidence and readings, "You said,
 * we did", the plans and measures actions come from, and the copy of a
 * measure a new cycle carries forward. */
#include "store/review.h"
#include "store/sql.h"

static int groups_of(sqlite3_stmt *st, int col)
{
	return (sql_col_int(st, col) ? GROUP_CYP : 0) |
	       (sql_col_int(st, col + 1) ? GROUP_PARENTS : 0) |
	       (sql_col_int(st, col + 2) ? GROUP_PRACTITIONERS : 0);
}

static void bind_groups(sqlite3_stmt *st, int col, int groups)
{
	sql_bind_int(st, col, (groups & GROUP_CYP) != 0);
	sql_bind_int(st, col + 1, (groups & GROUP_PARENTS) != 0);
	sql_bind_int(st, col + 2, (groups & GROUP_PRACTITIONERS) != 0);
}

/* ---- action reviews ------------------------------------------------- */

#define ACTION_REVIEW_COLUMNS \
	"r.id, r.action_id, r.reviewed_on, r.what_happened, r.with_cyp, r.with_parents," \
	" r.with_practitioners, r.created_at FROM action_review r"

static void read_action_review(arena *a, sqlite3_stmt *st, void *row)
{
	action_review_row *r = row;
	r->id = sql_col_int(st, 0);
	r->action_id = sql_col_int(st, 1);
	r->reviewed_on = sql_col_text(a, st, 2);
	r->what_happened = sql_col_text(a, st, 3);
	r->groups = groups_of(st, 4);
	r->created_at = sql_col_text(a, st, 7);
}

int store_action_review_insert(store *s, const action_review_row *r, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO action_review (action_id, reviewed_on, what_happened, with_cyp,"
		" with_parents, with_practitioners, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->action_id);
	sql_bind_text(st, 2, r->reviewed_on);
	sql_bind_text(st, 3, r->what_happened);
	bind_groups(st, 4, r->groups);
	sql_bind_text(st, 7, r->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_action_reviews_of_action(store *s, arena *a, int64_t action, action_review_list *out,
				   err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " ACTION_REVIEW_COLUMNS
		" WHERE r.action_id = ? ORDER BY r.reviewed_on DESC, r.id DESC",
			      action, out, read_action_review, e);
}

int store_action_reviews_of_org(store *s, arena *a, int64_t org, action_review_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " ACTION_REVIEW_COLUMNS
		" JOIN action_item i ON i.id = r.action_id WHERE i.organisation_id = ?"
		" ORDER BY r.action_id, r.reviewed_on DESC, r.id DESC",
			      org, out, read_action_review, e);
}

int store_action_review_evidence_add(store *s, int64_t review, int64_t evidence, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO action_review_evidence (review_id, evidence_id) VALUES (?, ?)"
		" ON CONFLICT (review_id, evidence_id) DO NOTHING", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, review);
	sql_bind_int(st, 2, evidence);
	return sql_exec_stmt(s, st, e);
}

static void read_review_evidence(arena *a, sqlite3_stmt *st, void *row)
{
	review_evidence_row *r = row;
	r->review_id = sql_col_int(st, 0);
	r->evidence_id = sql_col_int(st, 1);
	r->title = sql_col_text(a, st, 2);
	r->date = sql_col_text(a, st, 3);
}

int store_review_evidence_of_org(store *s, arena *a, int64_t org, review_evidence_list *out,
				 err *e)
{
	return SQL_LIST_BY_ID(s, a,
		"SELECT x.review_id, x.evidence_id, v.title, v.evidence_date"
		" FROM action_review_evidence x JOIN evidence v ON v.id = x.evidence_id"
		" WHERE v.organisation_id = ? ORDER BY x.review_id, v.evidence_date, v.id",
		org, out, read_review_evidence, e);
}

/* ---- readings (the measures' tables, read and tied to reviews only) -- */

#define READING_PICK_COLUMNS \
	"g.id, g.metric_id, m.measure_id, s.organisation_id, g.review_id, m.name, g.taken_on," \
	" g.value FROM reading g JOIN metric m ON m.id = g.metric_id" \
	" JOIN measure s ON s.id = m.measure_id"

static void read_reading_pick(arena *a, sqlite3_stmt *st, void *row)
{
	reading_pick_row *r = row;
	r->id = sql_col_int(st, 0);
	r->metric_id = sql_col_int(st, 1);
	r->measure_id = sql_col_int(st, 2);
	r->organisation_id = sql_col_int(st, 3);
	r->review_id = sql_col_int(st, 4);
	r->metric = sql_col_text(a, st, 5);
	r->taken_on = sql_col_text(a, st, 6);
	r->value = sqlite3_column_double(st, 7);
}

int store_readings_of_org(store *s, arena *a, int64_t org, reading_pick_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " READING_PICK_COLUMNS
		" WHERE s.organisation_id = ? ORDER BY g.taken_on DESC, g.id DESC",
			      org, out, read_reading_pick, e);
}

int store_reading_pick_get(store *s, arena *a, int64_t id, reading_pick_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " READING_PICK_COLUMNS " WHERE g.id = ?", id, out,
			     read_reading_pick, e);
}

int store_reading_set_review(store *s, int64_t reading, int64_t review, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE reading SET review_id = ? WHERE id = ? AND review_id IS NULL", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, review);
	sql_bind_int(st, 2, reading);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

/* ---- "You said, we did" ---------------------------------------------- */

#define YOU_SAID_COLUMNS \
	"id, organisation_id, said, did, said_on, did_on, with_cyp, with_parents," \
	" with_practitioners, published, action_id, created_at, updated_at FROM you_said"

static void read_you_said(arena *a, sqlite3_stmt *st, void *row)
{
	you_said_row *y = row;
	y->id = sql_col_int(st, 0);
	y->organisation_id = sql_col_int(st, 1);
	y->said = sql_col_text(a, st, 2);
	y->did = sql_col_text(a, st, 3);
	y->said_on = sql_col_text(a, st, 4);
	y->did_on = sql_col_text(a, st, 5);
	y->groups = groups_of(st, 6);
	y->published = sql_col_int(st, 9) != 0;
	y->action_id = sql_col_int(st, 10);
	y->created_at = sql_col_text(a, st, 11);
	y->updated_at = sql_col_text(a, st, 12);
}

static void bind_you_said(sqlite3_stmt *st, const you_said_row *y)
{
	sql_bind_text(st, 1, y->said);
	sql_bind_text(st, 2, y->did ? y->did : "");
	sql_bind_text(st, 3, y->said_on);
	sql_bind_text(st, 4, y->did_on);
	bind_groups(st, 5, y->groups);
	sql_bind_int(st, 8, y->published);
	sql_bind_id(st, 9, y->action_id);
	sql_bind_text(st, 10, y->updated_at ? y->updated_at : y->created_at);
}

int store_you_said_insert(store *s, const you_said_row *y, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO you_said (said, did, said_on, did_on, with_cyp, with_parents,"
		" with_practitioners, published, action_id, updated_at, organisation_id, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	bind_you_said(st, y);
	sql_bind_int(st, 11, y->organisation_id);
	sql_bind_text(st, 12, y->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_you_said_update(store *s, const you_said_row *y, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE you_said SET said = ?, did = ?, said_on = ?, did_on = ?, with_cyp = ?,"
		" with_parents = ?, with_practitioners = ?, published = ?, action_id = ?,"
		" updated_at = ? WHERE id = ?", e);
	if (!st)
		return -1;
	bind_you_said(st, y);
	sql_bind_int(st, 11, y->id);
	return sql_exec_stmt(s, st, e);
}

int store_you_said_get(store *s, arena *a, int64_t id, you_said_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " YOU_SAID_COLUMNS " WHERE id = ?", id, out,
			     read_you_said, e);
}

int store_you_said_list(store *s, arena *a, int64_t org, bool published_only, you_said_list *out,
			err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " YOU_SAID_COLUMNS
		" WHERE organisation_id = ? AND (? = 0 OR published = 1)"
		" ORDER BY said_on DESC, id DESC", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org);
	sql_bind_int(st, 2, published_only);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_you_said, e);
}

/* ---- plans and measures, as what actions come from -------------------- */

static void read_source_name(arena *a, sqlite3_stmt *st, void *row)
{
	source_name_row *r = row;
	r->id = sql_col_int(st, 0);
	r->organisation_id = sql_col_int(st, 1);
	r->name = sql_col_text(a, st, 2);
	r->key = sql_col_text(a, st, 3);
	r->cornerstone = sql_col_text(a, st, 4);
	r->cycle = sql_col_text(a, st, 5);
}

#define PLAN_NAME_COLUMNS \
	"id, organisation_id, title, NULL, NULL, cycle FROM plan"
#define MEASURE_NAME_COLUMNS \
	"id, organisation_id, own_text, catalogue_key, cornerstone_key, cycle FROM measure"

int store_plan_names(store *s, arena *a, int64_t org, source_name_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " PLAN_NAME_COLUMNS
		" WHERE organisation_id = ? ORDER BY id", org, out, read_source_name, e);
}

int store_measure_names(store *s, arena *a, int64_t org, source_name_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " MEASURE_NAME_COLUMNS
		" WHERE organisation_id = ? ORDER BY id", org, out, read_source_name, e);
}

int store_plan_name(store *s, arena *a, int64_t id, source_name_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " PLAN_NAME_COLUMNS " WHERE id = ?", id, out,
			     read_source_name, e);
}

int store_measure_name(store *s, arena *a, int64_t id, source_name_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " MEASURE_NAME_COLUMNS " WHERE id = ?", id, out,
			     read_source_name, e);
}

int store_measures_of_cycle(store *s, arena *a, int64_t org, const char *cycle,
			    source_name_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " MEASURE_NAME_COLUMNS
		" WHERE organisation_id = ? AND cycle = ? ORDER BY cornerstone_key, id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org);
	sql_bind_text(st, 2, cycle);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_source_name, e);
}

/* The copy keeps the monitoring grid and the metrics' baselines and
 * targets; readings stay with the original, the cycle they were taken in. */
int store_measure_carry(store *s, int64_t id, const char *cycle, const char *now, int64_t *copy,
			err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO measure (organisation_id, cycle, framework_hash, cornerstone_key,"
		" catalogue_key, own_text, improve, know, measuring, evaluation, carried_from,"
		" created_at, updated_at)"
		" SELECT organisation_id, ?, framework_hash, cornerstone_key, catalogue_key, own_text,"
		" improve, know, measuring, evaluation, id, ?, ? FROM measure WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, cycle);
	sql_bind_text(st, 2, now);
	sql_bind_text(st, 3, now);
	sql_bind_int(st, 4, id);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	if (sqlite3_changes(s->db) != 1)
		return err_set(e, ERR_NOTFOUND, "there is no success measure number %lld.",
			       (long long)id);
	*copy = sqlite3_last_insert_rowid(s->db);
	st = sql_prepare(s,
		"INSERT INTO metric (measure_id, name, kind, unit, direction, baseline, target,"
		" created_at, updated_at)"
		" SELECT ?, name, kind, unit, direction, baseline, target, ?, ? FROM metric"
		" WHERE measure_id = ? ORDER BY id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, *copy);
	sql_bind_text(st, 2, now);
	sql_bind_text(st, 3, now);
	sql_bind_int(st, 4, id);
	return sql_exec_stmt(s, st, e);
}
