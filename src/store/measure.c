/* measure.c: success measures with their monitoring grid, metrics, dated
 * readings, and the undirected links between measures. */
#include "store/measure.h"
#include "store/sql.h"

/* ---- measures ---------------------------------------------------------- */

#define MEASURE_COLUMNS \
	"id, organisation_id, cycle, framework_hash, cornerstone_key, catalogue_key, own_text," \
	" improve, know, measuring, evaluation, carried_from, created_at, updated_at FROM measure"

static const sql_col measure_cols[] = {
	SQL_COL(measure_row, id, I64), SQL_COL(measure_row, organisation_id, I64),
	SQL_COL(measure_row, cycle, TEXT), SQL_COL(measure_row, framework_hash, TEXT),
	SQL_COL(measure_row, cornerstone_key, TEXT), SQL_COL(measure_row, catalogue_key, TEXT),
	SQL_COL(measure_row, own_text, TEXT), SQL_COL(measure_row, improve, TEXT),
	SQL_COL(measure_row, know, TEXT), SQL_COL(measure_row, measuring, TEXT),
	SQL_COL(measure_row, evaluation, TEXT), SQL_COL(measure_row, carried_from, ID),
	SQL_COL(measure_row, created_at, TEXT), SQL_COL(measure_row, updated_at, TEXT),
	SQL_TABLE_END,
};

int store_measure_insert(store *s, const measure_row *m, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO measure (organisation_id, cycle, framework_hash,"
		" cornerstone_key, catalogue_key, own_text, improve, know, measuring, evaluation,"
		" carried_from, created_at, updated_at) VALUES (:organisation_id, :cycle,"
		" :framework_hash, :cornerstone_key, :catalogue_key, :own_text,"
		" COALESCE(:improve, ''), COALESCE(:know, ''), COALESCE(:measuring, ''),"
		" COALESCE(:evaluation, ''), :carried_from, :created_at,"
		" COALESCE(:updated_at, :created_at))", SQL_ROW(measure_cols, m), id, e);
}

int store_measure_update_grid(store *s, const measure_row *m, err *e)
{
	return sql_run(s, "UPDATE measure SET improve = COALESCE(:improve, ''),"
		       " know = COALESCE(:know, ''), measuring = COALESCE(:measuring, ''),"
		       " evaluation = COALESCE(:evaluation, ''), updated_at = :updated_at"
		       " WHERE id = :id", SQL_ROW(measure_cols, m), e);
}

int store_measure_get(store *s, arena *a, int64_t id, measure_row *out, err *e)
{
	return sql_get(s, a, "SELECT " MEASURE_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       measure_cols, e);
}

int store_measure_list(store *s, arena *a, int64_t org, const char *cycle, measure_list *out,
		       err *e)
{
	if (!cycle)
		return SQL_LIST(s, a, "SELECT " MEASURE_COLUMNS " WHERE organisation_id = ?"
				" ORDER BY cornerstone_key, cycle DESC, id", SQL_ID_ARG(org), out,
				measure_cols, e);
	return SQL_LIST(s, a, "SELECT " MEASURE_COLUMNS " WHERE organisation_id = ? AND cycle = ?"
			" ORDER BY cornerstone_key, cycle DESC, id",
			SQL_ARGS(sql_int(org), sql_text(cycle)), out, measure_cols, e);
}

int store_measure_find_catalogue(store *s, arena *a, int64_t org, const char *cycle,
				 const char *key, measure_row *out, err *e)
{
	return sql_get(s, a, "SELECT " MEASURE_COLUMNS
		       " WHERE organisation_id = ? AND cycle = ? AND catalogue_key = ? ORDER BY id",
		       SQL_ARGS(sql_int(org), sql_text(cycle), sql_text(key)), out, measure_cols, e);
}

/* ---- metrics ----------------------------------------------------------- */

#define METRIC_COLUMNS \
	"id, measure_id, name, kind, unit, direction, baseline, target, created_at, updated_at" \
	" FROM metric"

static const sql_col metric_cols[] = {
	SQL_COL(metric_row, id, I64), SQL_COL(metric_row, measure_id, I64),
	SQL_COL(metric_row, name, TEXT), SQL_COL(metric_row, kind, TEXT),
	SQL_COL(metric_row, unit, TEXT), SQL_COL(metric_row, direction, TEXT),
	SQL_OPT(metric_row, baseline, has_baseline, REAL),
	SQL_OPT(metric_row, target, has_target, REAL), SQL_COL(metric_row, created_at, TEXT),
	SQL_COL(metric_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_metric_insert(store *s, const metric_row *m, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO metric (measure_id, name, kind, unit, direction, baseline,"
			  " target, created_at, updated_at) VALUES (:measure_id, :name, :kind,"
			  " COALESCE(:unit, ''), :direction, :baseline, :target, :created_at,"
			  " COALESCE(:updated_at, :created_at))", SQL_ROW(metric_cols, m), id, e);
}

int store_metric_get(store *s, arena *a, int64_t id, metric_row *out, err *e)
{
	return sql_get(s, a, "SELECT " METRIC_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       metric_cols, e);
}

int store_metric_list(store *s, arena *a, int64_t measure, metric_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " METRIC_COLUMNS " WHERE measure_id = ? ORDER BY id",
			SQL_ID_ARG(measure), out, metric_cols, e);
}

/* ---- readings ---------------------------------------------------------- */

/* The 1 is has_value: a stored reading always has one. */
#define READING_COLUMNS \
	"id, metric_id, taken_on, 1, value, numerator, denominator, source, with_cyp," \
	" with_parents, with_practitioners, note, review_id, created_at FROM reading"

static const sql_col reading_cols[] = {
	SQL_COL(reading_row, id, I64), SQL_COL(reading_row, metric_id, I64),
	SQL_COL(reading_row, taken_on, TEXT), SQL_COL(reading_row, has_value, BOOL),
	SQL_COL(reading_row, value, REAL),
	SQL_OPT(reading_row, numerator, has_fraction, I64),
	SQL_OPT(reading_row, denominator, has_fraction, I64), SQL_COL(reading_row, source, TEXT),
	SQL_GROUPS(reading_row, groups), SQL_COL(reading_row, note, TEXT),
	SQL_COL(reading_row, review_id, ID), SQL_COL(reading_row, created_at, TEXT),
	SQL_TABLE_END,
};

int store_reading_insert(store *s, const reading_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO reading (metric_id, taken_on, value, numerator,"
			  " denominator, source, with_cyp, with_parents, with_practitioners, note,"
			  " review_id, created_at) VALUES (:metric_id, :taken_on, :value, :numerator,"
			  " :denominator, :source, :with_cyp, :with_parents, :with_practitioners,"
			  " COALESCE(:note, ''), :review_id, :created_at)",
			  SQL_ROW(reading_cols, r), id, e);
}

int store_reading_list(store *s, arena *a, int64_t metric, reading_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " READING_COLUMNS " WHERE metric_id = ? ORDER BY taken_on, id",
			SQL_ID_ARG(metric), out, reading_cols, e);
}

int store_reading_on(store *s, arena *a, int64_t metric, const char *date, reading_row *out,
		     err *e)
{
	return sql_get(s, a, "SELECT " READING_COLUMNS
		       " WHERE metric_id = ? AND taken_on = ? ORDER BY id",
		       SQL_ARGS(sql_int(metric), sql_text(date)), out, reading_cols, e);
}

/* ---- links ------------------------------------------------------------- */

int store_measure_link_add(store *s, int64_t a, int64_t b, const char *now, err *e)
{
	return sql_change(s, "INSERT INTO measure_link (measure_id, other_id, created_at)"
			  " VALUES (?, ?, ?) ON CONFLICT (measure_id, other_id) DO NOTHING",
			  SQL_ARGS(sql_int(a < b ? a : b), sql_int(a < b ? b : a), sql_text(now)), e);
}

int store_measure_link_remove(store *s, int64_t a, int64_t b, err *e)
{
	return sql_change(s, "DELETE FROM measure_link WHERE measure_id = ? AND other_id = ?",
			  SQL_ARGS(sql_int(a < b ? a : b), sql_int(a < b ? b : a)), e);
}

int store_measure_links(store *s, arena *a, int64_t measure, measure_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " MEASURE_COLUMNS " WHERE id IN"
			" (SELECT other_id FROM measure_link WHERE measure_id = ?1"
			" UNION SELECT measure_id FROM measure_link WHERE other_id = ?1)"
			" ORDER BY cornerstone_key, id", SQL_ID_ARG(measure), out, measure_cols, e);
}
