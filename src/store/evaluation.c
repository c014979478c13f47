/* evaluation.c: framework versions, evaluations and the per-statement
 * reviews (strengths, areas for development, status). */
#include "store/review.h"
#include "store/sql.h"

int store_framework_version_put(store *s, const char *id, const char *hash,
				const char *body, const char *now, err *e)
{
	return sql_run(s, "INSERT INTO framework_version (hash, framework_id, body, first_used_at)"
		       " VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING",
		       SQL_ARGS(sql_text(hash), sql_text(id), sql_text(body), sql_text(now)), e);
}

int store_framework_version_get(store *s, arena *a, const char *hash, char **body, err *e)
{
	return sql_get(s, a, "SELECT body FROM framework_version WHERE hash = ?",
		       SQL_ARGS(sql_text(hash)), body, sql_text_row, e);
}

#define EVALUATION_COLUMNS \
	"id, organisation_id, framework_id, framework_hash, cycle, status," \
	" created_at, updated_at FROM evaluation"

static const sql_col evaluation_cols[] = {
	SQL_COL(evaluation_row, id, I64), SQL_COL(evaluation_row, organisation_id, I64),
	SQL_COL(evaluation_row, framework_id, TEXT), SQL_COL(evaluation_row, framework_hash, TEXT),
	SQL_COL(evaluation_row, cycle, TEXT), SQL_COL(evaluation_row, status, TEXT),
	SQL_COL(evaluation_row, created_at, TEXT), SQL_COL(evaluation_row, updated_at, TEXT),
	SQL_TABLE_END,
};

int store_evaluation_insert(store *s, const evaluation_row *ev, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO evaluation (organisation_id, framework_id, framework_hash,"
			  " cycle, status, created_at, updated_at) VALUES (:organisation_id,"
			  " :framework_id, :framework_hash, :cycle, COALESCE(:status, 'draft'),"
			  " :created_at, COALESCE(:updated_at, :created_at))",
			  SQL_ROW(evaluation_cols, ev), id, e);
}

int store_evaluation_get(store *s, arena *a, int64_t id, evaluation_row *out, err *e)
{
	return sql_get(s, a, "SELECT " EVALUATION_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       evaluation_cols, e);
}

int store_evaluation_ask(store *s, arena *a, int64_t id, evaluation_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " EVALUATION_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
			evaluation_cols, e);
}

int store_evaluation_find(store *s, arena *a, int64_t org, const char *framework,
			  const char *cycle, evaluation_row *out, err *e)
{
	return sql_get(s, a, "SELECT " EVALUATION_COLUMNS
		       " WHERE organisation_id = ? AND framework_id = ? AND cycle = ?",
		       SQL_ARGS(sql_int(org), sql_text(framework), sql_text(cycle)), out,
		       evaluation_cols, e);
}

/* org 0 lists every organisation's evaluations. */
int store_evaluation_list(store *s, arena *a, int64_t org, evaluation_list *out, err *e)
{
	/* Two statements, not "? = 0 OR organisation_id = ?": that form
	 * cannot use the index and scans every evaluation in the country. */
	if (!org)
		return SQL_LIST(s, a, "SELECT " EVALUATION_COLUMNS " ORDER BY organisation_id, id",
				NULL, out, evaluation_cols, e);
	return SQL_LIST(s, a, "SELECT " EVALUATION_COLUMNS
			" WHERE organisation_id = ? ORDER BY organisation_id, id", SQL_ID_ARG(org),
			out, evaluation_cols, e);
}

int store_evaluation_set_status(store *s, int64_t id, const char *status, const char *now, err *e)
{
	return sql_run(s, "UPDATE evaluation SET status = ?, updated_at = ? WHERE id = ?",
		       SQL_ARGS(sql_text(status), sql_text(now), sql_int(id)), e);
}

#define REVIEW_COLUMNS \
	"evaluation_id, element_key, strengths, areas, status, with_cyp, with_parents," \
	" with_practitioners, updated_at FROM statement_review"

static const sql_col review_cols[] = {
	SQL_COL(review_row, evaluation_id, I64), SQL_COL(review_row, element_key, TEXT),
	SQL_COL(review_row, strengths, TEXT), SQL_COL(review_row, areas, TEXT),
	SQL_COL(review_row, status, TEXT), SQL_GROUPS(review_row, groups),
	SQL_COL(review_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_review_get(store *s, arena *a, int64_t evaluation, const char *element,
		     review_row *out, err *e)
{
	return sql_get(s, a, "SELECT " REVIEW_COLUMNS " WHERE evaluation_id = ? AND element_key = ?",
		       SQL_ARGS(sql_int(evaluation), sql_text(element)), out, review_cols, e);
}

/* Sent ahead (sql_send): nothing waits for its answer, and the POST's
 * activity line goes with it. */
int store_review_put(store *s, const review_row *r, err *e)
{
	return sql_send(s, "INSERT INTO statement_review (evaluation_id, element_key, strengths,"
		" areas, status, with_cyp, with_parents, with_practitioners, updated_at)"
		" VALUES (:evaluation_id, :element_key, COALESCE(:strengths, ''), COALESCE(:areas, ''),"
		" :status, :with_cyp, :with_parents, :with_practitioners, :updated_at)"
		" ON CONFLICT (evaluation_id, element_key) DO UPDATE SET"
		" strengths = excluded.strengths, areas = excluded.areas, status = excluded.status,"
		" with_cyp = excluded.with_cyp, with_parents = excluded.with_parents,"
		" with_practitioners = excluded.with_practitioners, updated_at = excluded.updated_at",
		SQL_ROW(review_cols, r), e);
}

int store_review_list(store *s, arena *a, int64_t evaluation, review_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " REVIEW_COLUMNS " WHERE evaluation_id = ? ORDER BY element_key",
			SQL_ID_ARG(evaluation), out, review_cols, e);
}

/* ---- cycles ------------------------------------------------------------ */

int store_evaluation_previous(store *s, int64_t evaluation, int64_t *previous, err *e)
{
	if (sql_get_int(s, "SELECT previous_id FROM evaluation WHERE id = ?",
			SQL_ID_ARG(evaluation), previous, e) < 0)
		return -1;
	return *previous != 0;
}

static const sql_col neighbours_cols[] = {
	SQL_COL(neighbours_row, previous, I64), SQL_COL(neighbours_row, next, I64), SQL_TABLE_END,
};

/* Both in one statement: on PostgreSQL each is a round trip. */
int store_evaluation_neighbours(store *s, arena *a, int64_t evaluation, neighbours_list *out,
				err *e)
{
	return SQL_LIST(s, a, "SELECT e.previous_id, (SELECT x.id FROM evaluation x"
			" WHERE x.previous_id = e.id ORDER BY x.id DESC LIMIT 1)"
			" FROM evaluation e WHERE e.id = ?", SQL_ID_ARG(evaluation), out, neighbours_cols, e);
}

int store_evaluation_set_previous(store *s, int64_t evaluation, int64_t previous, err *e)
{
	return sql_run(s, "UPDATE evaluation SET previous_id = ? WHERE id = ?",
		       SQL_ARGS(sql_id(previous), sql_int(evaluation)), e);
}
