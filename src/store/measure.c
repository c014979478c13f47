/* measure.c: success measures with their monitoring grid, metrics, dated
 * readings, and the undirected links between measures. */
#include "store/measure.h"
#include "store/sql.h"

/* ---- measures ---------------------------------------------------------- */

#define MEASURE_COLUMNS \
	"id, organisation_id, cycle, framework_hash, cornerstone_key, catalogue_key, own_text," \
	" improve, know, measuring, evaluation, carried_from, created_at, updated_at FROM measure"

static void read_measure(arena *a, sqlite3_stmt *st, void *row)
{
	measure_row *m = row;
	m->id = sql_col_int(st, 0);
	m->organisation_id = sql_col_int(st, 1);
	m->cycle = sql_col_text(a, st, 2);
	m->framework_hash = sql_col_text(a, st, 3);
	m->cornerstone_key = sql_col_text(a, st, 4);
	m->catalogue_key = sql_col_text(a, st, 5);
	m->own_text = sql_col_text(a, st, 6);
	m->improve = sql_col_text(a, st, 7);
	m->know = sql_col_text(a, st, 8);
	m->measuring = sql_col_text(a, st, 9);
	m->evaluation = sql_col_text(a, st, 10);
	m->carried_from = sql_col_int(st, 11);
	m->created_at = sql_col_text(a, st, 12);
	m->updated_at = sql_col_text(a, st, 13);
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

int store_measure_insert(store *s, const measure_row *m, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO measure (organisation_id, cycle, framework_hash, cornerstone_key,"
		" catalogue_key, own_text, improve, know, measuring, evaluation, carried_from,"
		" created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, m->organisation_id);
	sql_bind_text(st, 2, m->cycle);
	sql_bind_text(st, 3, m->framework_hash);
	sql_bind_text(st, 4, m->cornerstone_key);
	sql_bind_text(st, 5, m->catalogue_key);
	sql_bind_text(st, 6, m->own_text);
	sql_bind_text(st, 7, or_empty(m->improve));
	sql_bind_text(st, 8, or_empty(m->know));
	sql_bind_text(st, 9, or_empty(m->measuring));
	sql_bind_text(st, 10, or_empty(m->evaluation));
	sql_bind_id(st, 11, m->carried_from);
	sql_bind_text(st, 12, m->created_at);
	sql_bind_text(st, 13, m->updated_at ? m->updated_at : m->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_measure_update_grid(store *s, const measure_row *m, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE measure SET improve = ?, know = ?, measuring = ?, evaluation = ?,"
		" updated_at = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, or_empty(m->improve));
	sql_bind_text(st, 2, or_empty(m->know));
	sql_bind_text(st, 3, or_empty(m->measuring));
	sql_bind_text(st, 4, or_empty(m->evaluation));
	sql_bind_text(st, 5, m->updated_at);
	sql_bind_int(st, 6, m->id);
	return sql_exec_stmt(s, st, e);
}

int store_measure_get(store *s, arena *a, int64_t id, measure_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " MEASURE_COLUMNS " WHERE id = ?", id, out,
			     read_measure, e);
}

int store_measure_list(store *s, arena *a, int64_t org, const char *cycle, measure_list *out,
		       err *e)
{
	sqlite3_stmt *st = cycle
		? sql_prepare(s, "SELECT " MEASURE_COLUMNS " WHERE organisation_id = ? AND cycle = ?"
			      " ORDER BY cornerstone_key, cycle DESC, id", e)
		: sql_prepare(s, "SELECT " MEASURE_COLUMNS " WHERE organisation_id = ?"
			      " ORDER BY cornerstone_key, cycle DESC, id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org);
	if (cycle)
		sql_bind_text(st, 2, cycle);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_measure, e);
}

int store_measure_find_catalogue(store *s, arena *a, int64_t org, const char *cycle,
				 const char *key, measure_row *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " MEASURE_COLUMNS
		" WHERE organisation_id = ? AND cycle = ? AND catalogue_key = ? ORDER BY id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org);
	sql_bind_text(st, 2, cycle);
	sql_bind_text(st, 3, key);
	return sql_one(s, a, st, out, read_measure, e);
}

/* ---- metrics ----------------------------------------------------------- */

#define METRIC_COLUMNS \
	"id, measure_id, name, kind, unit, direction, baseline, target, created_at, updated_at" \
	" FROM metric"

static void bind_number(sqlite3_stmt *st, int i, bool has, double v)
{
	if (has)
		sql_bind_double(st, i, v);
	else
		sql_bind_null(st, i);
}

static void read_metric(arena *a, sqlite3_stmt *st, void *row)
{
	metric_row *m = row;
	m->id = sql_col_int(st, 0);
	m->measure_id = sql_col_int(st, 1);
	m->name = sql_col_text(a, st, 2);
	m->kind = sql_col_text(a, st, 3);
	m->unit = sql_col_text(a, st, 4);
	m->direction = sql_col_text(a, st, 5);
	m->has_baseline = sqlite3_column_type(st, 6) != SQLITE_NULL;
	m->baseline = sqlite3_column_double(st, 6);
	m->has_target = sqlite3_column_type(st, 7) != SQLITE_NULL;
	m->target = sqlite3_column_double(st, 7);
	m->created_at = sql_col_text(a, st, 8);
	m->updated_at = sql_col_text(a, st, 9);
}

int store_metric_insert(store *s, const metric_row *m, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO metric (measure_id, name, kind, unit, direction, baseline, target,"
		" created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, m->measure_id);
	sql_bind_text(st, 2, m->name);
	sql_bind_text(st, 3, m->kind);
	sql_bind_text(st, 4, or_empty(m->unit));
	sql_bind_text(st, 5, m->direction);
	bind_number(st, 6, m->has_baseline, m->baseline);
	bind_number(st, 7, m->has_target, m->target);
	sql_bind_text(st, 8, m->created_at);
	sql_bind_text(st, 9, m->updated_at ? m->updated_at : m->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_metric_get(store *s, arena *a, int64_t id, metric_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " METRIC_COLUMNS " WHERE id = ?", id, out,
			     read_metric, e);
}

int store_metric_list(store *s, arena *a, int64_t measure, metric_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " METRIC_COLUMNS " WHERE measure_id = ? ORDER BY id",
			      measure, out, read_metric, e);
}

/* ---- readings ---------------------------------------------------------- */

#define READING_COLUMNS \
	"id, metric_id, taken_on, value, numerator, denominator, source, with_cyp," \
	" with_parents, with_practitioners, note, review_id, created_at FROM reading"

static void read_reading(arena *a, sqlite3_stmt *st, void *row)
{
	reading_row *r = row;
	r->id = sql_col_int(st, 0);
	r->metric_id = sql_col_int(st, 1);
	r->taken_on = sql_col_text(a, st, 2);
	r->has_value = true;
	r->value = sqlite3_column_double(st, 3);
	r->has_fraction = sqlite3_column_type(st, 5) != SQLITE_NULL;
	r->numerator = sql_col_int(st, 4);
	r->denominator = sql_col_int(st, 5);
	r->source = sql_col_text(a, st, 6);
	r->groups = (sql_col_int(st, 7) ? GROUP_CYP : 0) |
		    (sql_col_int(st, 8) ? GROUP_PARENTS : 0) |
		    (sql_col_int(st, 9) ? GROUP_PRACTITIONERS : 0);
	r->note = sql_col_text(a, st, 10);
	r->review_id = sql_col_int(st, 11);
	r->created_at = sql_col_text(a, st, 12);
}

int store_reading_insert(store *s, const reading_row *r, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO reading (metric_id, taken_on, value, numerator, denominator, source,"
		" with_cyp, with_parents, with_practitioners, note, review_id, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->metric_id);
	sql_bind_text(st, 2, r->taken_on);
	sql_bind_double(st, 3, r->value);
	if (r->has_fraction) {
		sql_bind_int(st, 4, r->numerator);
		sql_bind_int(st, 5, r->denominator);
	} else {
		sql_bind_null(st, 4);
		sql_bind_null(st, 5);
	}
	sql_bind_text(st, 6, r->source);
	sql_bind_int(st, 7, (r->groups & GROUP_CYP) != 0);
	sql_bind_int(st, 8, (r->groups & GROUP_PARENTS) != 0);
	sql_bind_int(st, 9, (r->groups & GROUP_PRACTITIONERS) != 0);
	sql_bind_text(st, 10, or_empty(r->note));
	sql_bind_id(st, 11, r->review_id);
	sql_bind_text(st, 12, r->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_reading_list(store *s, arena *a, int64_t metric, reading_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " READING_COLUMNS
			      " WHERE metric_id = ? ORDER BY taken_on, id", metric, out,
			      read_reading, e);
}

int store_reading_on(store *s, arena *a, int64_t metric, const char *date, reading_row *out,
		     err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " READING_COLUMNS
		" WHERE metric_id = ? AND taken_on = ? ORDER BY id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, metric);
	sql_bind_text(st, 2, date);
	return sql_one(s, a, st, out, read_reading, e);
}

/* ---- links ------------------------------------------------------------- */

int store_measure_link_add(store *s, int64_t a, int64_t b, const char *now, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO measure_link (measure_id, other_id, created_at) VALUES (?, ?, ?)"
		" ON CONFLICT (measure_id, other_id) DO NOTHING", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, a < b ? a : b);
	sql_bind_int(st, 2, a < b ? b : a);
	sql_bind_text(st, 3, now);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

int store_measure_link_remove(store *s, int64_t a, int64_t b, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"DELETE FROM measure_link WHERE measure_id = ? AND other_id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, a < b ? a : b);
	sql_bind_int(st, 2, a < b ? b : a);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

int store_measure_links(store *s, arena *a, int64_t measure, measure_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " MEASURE_COLUMNS " WHERE id IN"
			      " (SELECT other_id FROM measure_link WHERE measure_id = ?1"
			      " UNION SELECT measure_id FROM measure_link WHERE other_id = ?1)"
			      " ORDER BY cornerstone_key, id", measure, out, read_measure, e);
}
