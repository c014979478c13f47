/* review.c: reviews of actions with their evidence and readings, "You said,
 * we did", the plans and measures actions come from, and the copy of a
 * measure a new cycle carries forward. */
#include "store/review.h"
#include "store/sql.h"

/* ---- action reviews ------------------------------------------------- */

#define ACTION_REVIEW_COLUMNS \
	"r.id, r.action_id, r.reviewed_on, r.what_happened, r.with_cyp, r.with_parents," \
	" r.with_practitioners, r.created_at FROM action_review r"

static const sql_col action_review_cols[] = {
	SQL_COL(action_review_row, id, I64), SQL_COL(action_review_row, action_id, I64),
	SQL_COL(action_review_row, reviewed_on, TEXT),
	SQL_COL(action_review_row, what_happened, TEXT), SQL_GROUPS(action_review_row, groups),
	SQL_COL(action_review_row, created_at, TEXT), SQL_TABLE_END,
};

int store_action_review_insert(store *s, const action_review_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO action_review (action_id, reviewed_on, what_happened,"
			  " with_cyp, with_parents, with_practitioners, created_at) VALUES"
			  " (:action_id, :reviewed_on, :what_happened, :with_cyp, :with_parents,"
			  " :with_practitioners, :created_at)", SQL_ROW(action_review_cols, r), id, e);
}

int store_action_reviews_of_action(store *s, arena *a, int64_t action, action_review_list *out,
				   err *e)
{
	return SQL_LIST(s, a, "SELECT " ACTION_REVIEW_COLUMNS
			" WHERE r.action_id = ? ORDER BY r.reviewed_on DESC, r.id DESC",
			SQL_ID_ARG(action), out, action_review_cols, e);
}

int store_action_reviews_of_org(store *s, arena *a, int64_t org, action_review_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " ACTION_REVIEW_COLUMNS
			" JOIN action_item i ON i.id = r.action_id WHERE i.organisation_id = ?"
			" ORDER BY r.action_id, r.reviewed_on DESC, r.id DESC",
			SQL_ID_ARG(org), out, action_review_cols, e);
}

int store_action_review_evidence_add(store *s, int64_t review, int64_t evidence, err *e)
{
	return sql_run(s, "INSERT INTO action_review_evidence (review_id, evidence_id)"
		       " VALUES (?, ?) ON CONFLICT (review_id, evidence_id) DO NOTHING",
		       SQL_ARGS(sql_int(review), sql_int(evidence)), e);
}

static const sql_col review_evidence_cols[] = {
	SQL_COL(review_evidence_row, review_id, I64),
	SQL_COL(review_evidence_row, evidence_id, I64), SQL_COL(review_evidence_row, title, TEXT),
	SQL_COL(review_evidence_row, date, TEXT), SQL_TABLE_END,
};

int store_review_evidence_of_org(store *s, arena *a, int64_t org, review_evidence_list *out,
				 err *e)
{
	return SQL_LIST(s, a,
		"SELECT x.review_id, x.evidence_id, v.title, v.evidence_date"
		" FROM action_review_evidence x JOIN evidence v ON v.id = x.evidence_id"
		" WHERE v.organisation_id = ? ORDER BY x.review_id, v.evidence_date, v.id",
		SQL_ID_ARG(org), out, review_evidence_cols, e);
}

/* ---- readings (the measures' tables, read and tied to reviews only) -- */

#define READING_PICK_COLUMNS \
	"g.id, g.metric_id, m.measure_id, s.organisation_id, g.review_id, m.name, g.taken_on," \
	" g.value FROM reading g JOIN metric m ON m.id = g.metric_id" \
	" JOIN measure s ON s.id = m.measure_id"

static const sql_col reading_pick_cols[] = {
	SQL_COL(reading_pick_row, id, I64), SQL_COL(reading_pick_row, metric_id, I64),
	SQL_COL(reading_pick_row, measure_id, I64),
	SQL_COL(reading_pick_row, organisation_id, I64), SQL_COL(reading_pick_row, review_id, I64),
	SQL_COL(reading_pick_row, metric, TEXT), SQL_COL(reading_pick_row, taken_on, TEXT),
	SQL_COL(reading_pick_row, value, REAL), SQL_TABLE_END,
};

int store_readings_of_org(store *s, arena *a, int64_t org, reading_pick_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " READING_PICK_COLUMNS
			" WHERE s.organisation_id = ? ORDER BY g.taken_on DESC, g.id DESC",
			SQL_ID_ARG(org), out, reading_pick_cols, e);
}

int store_reading_pick_get(store *s, arena *a, int64_t id, reading_pick_row *out, err *e)
{
	return sql_get(s, a, "SELECT " READING_PICK_COLUMNS " WHERE g.id = ?", SQL_ID_ARG(id), out,
		       reading_pick_cols, e);
}

int store_reading_set_review(store *s, int64_t reading, int64_t review, err *e)
{
	return sql_change(s, "UPDATE reading SET review_id = ? WHERE id = ? AND review_id IS NULL",
			  SQL_ARGS(sql_int(review), sql_int(reading)), e);
}

/* ---- "You said, we did" ---------------------------------------------- */

#define YOU_SAID_COLUMNS \
	"id, organisation_id, said, did, said_on, did_on, with_cyp, with_parents," \
	" with_practitioners, published, action_id, created_at, updated_at FROM you_said"

static const sql_col you_said_cols[] = {
	SQL_COL(you_said_row, id, I64), SQL_COL(you_said_row, organisation_id, I64),
	SQL_COL(you_said_row, said, TEXT), SQL_COL(you_said_row, did, TEXT),
	SQL_COL(you_said_row, said_on, TEXT), SQL_COL(you_said_row, did_on, TEXT),
	SQL_GROUPS(you_said_row, groups), SQL_COL(you_said_row, published, BOOL),
	SQL_COL(you_said_row, action_id, ID), SQL_COL(you_said_row, created_at, TEXT),
	SQL_COL(you_said_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_you_said_insert(store *s, const you_said_row *y, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO you_said (said, did, said_on, did_on, with_cyp,"
		" with_parents, with_practitioners, published, action_id, updated_at,"
		" organisation_id, created_at) VALUES (:said, COALESCE(:did, ''), :said_on, :did_on,"
		" :with_cyp, :with_parents, :with_practitioners, :published, :action_id,"
		" COALESCE(:updated_at, :created_at), :organisation_id, :created_at)",
		SQL_ROW(you_said_cols, y), id, e);
}

int store_you_said_update(store *s, const you_said_row *y, err *e)
{
	return sql_run(s, "UPDATE you_said SET said = :said, did = COALESCE(:did, ''),"
		" said_on = :said_on, did_on = :did_on, with_cyp = :with_cyp,"
		" with_parents = :with_parents, with_practitioners = :with_practitioners,"
		" published = :published, action_id = :action_id,"
		" updated_at = COALESCE(:updated_at, :created_at) WHERE id = :id",
		SQL_ROW(you_said_cols, y), e);
}

int store_you_said_get(store *s, arena *a, int64_t id, you_said_row *out, err *e)
{
	return sql_get(s, a, "SELECT " YOU_SAID_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       you_said_cols, e);
}

int store_you_said_list(store *s, arena *a, int64_t org, bool published_only, you_said_list *out,
			err *e)
{
	return SQL_LIST(s, a, "SELECT " YOU_SAID_COLUMNS
			" WHERE organisation_id = ? AND (? = 0 OR published = 1)"
			" ORDER BY said_on DESC, id DESC",
			SQL_ARGS(sql_int(org), sql_int(published_only)), out, you_said_cols, e);
}

/* ---- plans and measures, as what actions come from -------------------- */

static const sql_col source_name_cols[] = {
	SQL_COL(source_name_row, id, I64), SQL_COL(source_name_row, organisation_id, I64),
	SQL_COL(source_name_row, name, TEXT), SQL_COL(source_name_row, key, TEXT),
	SQL_COL(source_name_row, cornerstone, TEXT), SQL_COL(source_name_row, cycle, TEXT),
	SQL_TABLE_END,
};

#define PLAN_NAME_COLUMNS \
	"id, organisation_id, title, NULL, NULL, cycle FROM plan"
#define MEASURE_NAME_COLUMNS \
	"id, organisation_id, own_text, catalogue_key, cornerstone_key, cycle FROM measure"

int store_plan_names(store *s, arena *a, int64_t org, source_name_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " PLAN_NAME_COLUMNS " WHERE organisation_id = ? ORDER BY id",
			SQL_ID_ARG(org), out, source_name_cols, e);
}

int store_measure_names(store *s, arena *a, int64_t org, source_name_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " MEASURE_NAME_COLUMNS " WHERE organisation_id = ? ORDER BY id",
			SQL_ID_ARG(org), out, source_name_cols, e);
}

int store_plan_name(store *s, arena *a, int64_t id, source_name_row *out, err *e)
{
	return sql_get(s, a, "SELECT " PLAN_NAME_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       source_name_cols, e);
}

int store_measure_name(store *s, arena *a, int64_t id, source_name_row *out, err *e)
{
	return sql_get(s, a, "SELECT " MEASURE_NAME_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       source_name_cols, e);
}

int store_measures_of_cycle(store *s, arena *a, int64_t org, const char *cycle,
			    source_name_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " MEASURE_NAME_COLUMNS
			" WHERE organisation_id = ? AND cycle = ? ORDER BY cornerstone_key, id",
			SQL_ARGS(sql_int(org), sql_text(cycle)), out, source_name_cols, e);
}

/* The copy keeps the monitoring grid and the metrics' baselines and
 * targets; readings stay with the original, the cycle they were taken in. */
int store_measure_carry(store *s, int64_t id, const char *cycle, const char *now, int64_t *copy,
			err *e)
{
	int64_t made;
	if (sql_insert(s, "INSERT INTO measure (organisation_id, cycle, framework_hash,"
		       " cornerstone_key, catalogue_key, own_text, improve, know, measuring,"
		       " evaluation, carried_from, created_at, updated_at)"
		       " SELECT organisation_id, ?1, framework_hash, cornerstone_key, catalogue_key,"
		       " own_text, improve, know, measuring, evaluation, id, ?2, ?2 FROM measure"
		       " WHERE id = ?3", SQL_ARGS(sql_text(cycle), sql_text(now), sql_int(id)),
		       &made, e) < 0)
		return -1;
	if (sql_changes(s) != 1)
		return err_set(e, ERR_NOTFOUND, "there is no success measure number %lld.",
			       (long long)id);
	*copy = made;
	return sql_run(s, "INSERT INTO metric (measure_id, name, kind, unit, direction, baseline,"
		       " target, created_at, updated_at)"
		       " SELECT ?1, name, kind, unit, direction, baseline, target, ?2, ?2 FROM metric"
		       " WHERE measure_id = ?3 ORDER BY id",
		       SQL_ARGS(sql_int(*copy), sql_text(now), sql_int(id)), e);
}
