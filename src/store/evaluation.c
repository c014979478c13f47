/* evaluation.c: framework versions, evaluations and the per-statement
 * reviews (strengths, areas for development, status). */
#include "store/review.h"
#include "store/sql.h"

int store_framework_version_put(store *s, const char *id, const char *hash,
				const char *body, const char *now, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO framework_version (hash, framework_id, body, first_used_at)"
		" VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, hash);
	sql_bind_text(st, 2, id);
	sql_bind_text(st, 3, body);
	sql_bind_text(st, 4, now);
	return sql_exec_stmt(s, st, e);
}

static void read_body(arena *a, sqlite3_stmt *st, void *row)
{
	*(const char **)row = sql_col_text(a, st, 0);
}

int store_framework_version_get(store *s, arena *a, const char *hash, char **body, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT body FROM framework_version WHERE hash = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, hash);
	return sql_one(s, a, st, body, read_body, e);
}

#define EVALUATION_COLUMNS \
	"id, organisation_id, framework_id, framework_hash, cycle, status," \
	" created_at, updated_at FROM evaluation"

static void read_evaluation(arena *a, sqlite3_stmt *st, void *row)
{
	evaluation_row *ev = row;
	ev->id = sql_col_int(st, 0);
	ev->organisation_id = sql_col_int(st, 1);
	ev->framework_id = sql_col_text(a, st, 2);
	ev->framework_hash = sql_col_text(a, st, 3);
	ev->cycle = sql_col_text(a, st, 4);
	ev->status = sql_col_text(a, st, 5);
	ev->created_at = sql_col_text(a, st, 6);
	ev->updated_at = sql_col_text(a, st, 7);
}

int store_evaluation_insert(store *s, const evaluation_row *ev, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO evaluation (organisation_id, framework_id, framework_hash, cycle,"
		" status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, ev->organisation_id);
	sql_bind_text(st, 2, ev->framework_id);
	sql_bind_text(st, 3, ev->framework_hash);
	sql_bind_text(st, 4, ev->cycle);
	sql_bind_text(st, 5, ev->status ? ev->status : "draft");
	sql_bind_text(st, 6, ev->created_at);
	sql_bind_text(st, 7, ev->updated_at ? ev->updated_at : ev->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_evaluation_get(store *s, arena *a, int64_t id, evaluation_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " EVALUATION_COLUMNS " WHERE id = ?",
			     id, out, read_evaluation, e);
}

int store_evaluation_find(store *s, arena *a, int64_t org, const char *framework,
			  const char *cycle, evaluation_row *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " EVALUATION_COLUMNS
		" WHERE organisation_id = ? AND framework_id = ? AND cycle = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org);
	sql_bind_text(st, 2, framework);
	sql_bind_text(st, 3, cycle);
	return sql_one(s, a, st, out, read_evaluation, e);
}

/* org 0 lists every organisation's evaluations. */
int store_evaluation_list(store *s, arena *a, int64_t org, evaluation_list *out, err *e)
{
	/* Two statements, not "? = 0 OR organisation_id = ?": that form
	 * cannot use the index and scans every evaluation in the country. */
	sqlite3_stmt *st = org
		? sql_prepare(s, "SELECT " EVALUATION_COLUMNS
			      " WHERE organisation_id = ? ORDER BY organisation_id, id", e)
		: sql_prepare(s, "SELECT " EVALUATION_COLUMNS " ORDER BY organisation_id, id", e);
	if (!st)
		return -1;
	if (org)
		sql_bind_int(st, 1, org);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_evaluation, e);
}

int store_evaluation_set_status(store *s, int64_t id, const char *status, const char *now, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE evaluation SET status = ?, updated_at = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, status);
	sql_bind_text(st, 2, now);
	sql_bind_int(st, 3, id);
	return sql_exec_stmt(s, st, e);
}

#define REVIEW_COLUMNS \
	"evaluation_id, element_key, strengths, areas, status, with_cyp, with_parents," \
	" with_practitioners, updated_at FROM statement_review"

static void read_review(arena *a, sqlite3_stmt *st, void *row)
{
	review_row *r = row;
	r->evaluation_id = sql_col_int(st, 0);
	r->element_key = sql_col_text(a, st, 1);
	r->strengths = sql_col_text(a, st, 2);
	r->areas = sql_col_text(a, st, 3);
	r->status = sql_col_text(a, st, 4);
	r->groups = (sql_col_int(st, 5) ? GROUP_CYP : 0) |
		    (sql_col_int(st, 6) ? GROUP_PARENTS : 0) |
		    (sql_col_int(st, 7) ? GROUP_PRACTITIONERS : 0);
	r->updated_at = sql_col_text(a, st, 8);
}

int store_review_get(store *s, arena *a, int64_t evaluation, const char *element,
		     review_row *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " REVIEW_COLUMNS
		" WHERE evaluation_id = ? AND element_key = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, evaluation);
	sql_bind_text(st, 2, element);
	return sql_one(s, a, st, out, read_review, e);
}

int store_review_put(store *s, const review_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO statement_review (evaluation_id, element_key, strengths, areas, status,"
		" with_cyp, with_parents, with_practitioners, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
		" ON CONFLICT (evaluation_id, element_key) DO UPDATE SET"
		" strengths = excluded.strengths, areas = excluded.areas, status = excluded.status,"
		" with_cyp = excluded.with_cyp, with_parents = excluded.with_parents,"
		" with_practitioners = excluded.with_practitioners, updated_at = excluded.updated_at", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->evaluation_id);
	sql_bind_text(st, 2, r->element_key);
	sql_bind_text(st, 3, r->strengths ? r->strengths : "");
	sql_bind_text(st, 4, r->areas ? r->areas : "");
	sql_bind_text(st, 5, r->status);
	sql_bind_int(st, 6, (r->groups & GROUP_CYP) != 0);
	sql_bind_int(st, 7, (r->groups & GROUP_PARENTS) != 0);
	sql_bind_int(st, 8, (r->groups & GROUP_PRACTITIONERS) != 0);
	sql_bind_text(st, 9, r->updated_at);
	return sql_exec_stmt(s, st, e);
}

int store_review_list(store *s, arena *a, int64_t evaluation, review_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " REVIEW_COLUMNS
		" WHERE evaluation_id = ? ORDER BY element_key",
			      evaluation, out, read_review, e);
}

/* ---- cycles ------------------------------------------------------------ */

static void read_id(arena *a, sqlite3_stmt *st, void *row)
{
	(void)a;
	*(int64_t *)row = sql_col_int(st, 0);
}

int store_evaluation_previous(store *s, int64_t evaluation, int64_t *previous, err *e)
{
	*previous = 0;
	int found = sql_one_by_id(s, NULL, "SELECT previous_id FROM evaluation WHERE id = ?",
				  evaluation, previous, read_id, e);
	if (found < 0)
		return -1;
	return found && *previous;
}

int store_evaluation_next(store *s, int64_t evaluation, int64_t *next, err *e)
{
	*next = 0;
	return sql_one_by_id(s, NULL,
		"SELECT id FROM evaluation WHERE previous_id = ? ORDER BY id DESC LIMIT 1",
		evaluation, next, read_id, e);
}

int store_evaluation_set_previous(store *s, int64_t evaluation, int64_t previous, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "UPDATE evaluation SET previous_id = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_id(st, 1, previous);
	sql_bind_int(st, 2, evaluation);
	return sql_exec_stmt(s, st, e);
}
