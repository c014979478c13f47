/* evidence.c: the evidence library, its links to indicators, and the
 * indicators organisations add themselves. */
#include "store/review.h"
#include "store/sql.h"

#define EVIDENCE_COLUMNS \
	"id, organisation_id, title, description, evidence_date, url, with_cyp," \
	" with_parents, with_practitioners, created_at, updated_at FROM evidence"

static int groups_of(sqlite3_stmt *st, int col)
{
	return (sql_col_int(st, col) ? GROUP_CYP : 0) |
	       (sql_col_int(st, col + 1) ? GROUP_PARENTS : 0) |
	       (sql_col_int(st, col + 2) ? GROUP_PRACTITIONERS : 0);
}

static void read_evidence(arena *a, sqlite3_stmt *st, void *row)
{
	evidence_row *ev = row;
	ev->id = sql_col_int(st, 0);
	ev->organisation_id = sql_col_int(st, 1);
	ev->title = sql_col_text(a, st, 2);
	ev->description = sql_col_text(a, st, 3);
	ev->date = sql_col_text(a, st, 4);
	ev->url = sql_col_text(a, st, 5);
	ev->groups = groups_of(st, 6);
	ev->created_at = sql_col_text(a, st, 9);
	ev->updated_at = sql_col_text(a, st, 10);
}

static void bind_evidence(sqlite3_stmt *st, const evidence_row *ev)
{
	sql_bind_text(st, 1, ev->title);
	sql_bind_text(st, 2, ev->description ? ev->description : "");
	sql_bind_text(st, 3, ev->date);
	sql_bind_text(st, 4, ev->url);
	sql_bind_int(st, 5, (ev->groups & GROUP_CYP) != 0);
	sql_bind_int(st, 6, (ev->groups & GROUP_PARENTS) != 0);
	sql_bind_int(st, 7, (ev->groups & GROUP_PRACTITIONERS) != 0);
	sql_bind_text(st, 8, ev->updated_at ? ev->updated_at : ev->created_at);
}

int store_evidence_insert(store *s, const evidence_row *ev, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO evidence (title, description, evidence_date, url, with_cyp,"
		" with_parents, with_practitioners, updated_at, organisation_id, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	bind_evidence(st, ev);
	sql_bind_int(st, 9, ev->organisation_id);
	sql_bind_text(st, 10, ev->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_evidence_update(store *s, const evidence_row *ev, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE evidence SET title = ?, description = ?, evidence_date = ?, url = ?,"
		" with_cyp = ?, with_parents = ?, with_practitioners = ?, updated_at = ?"
		" WHERE id = ?", e);
	if (!st)
		return -1;
	bind_evidence(st, ev);
	sql_bind_int(st, 9, ev->id);
	return sql_exec_stmt(s, st, e);
}

int store_evidence_get(store *s, arena *a, int64_t id, evidence_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " EVIDENCE_COLUMNS " WHERE id = ?",
			     id, out, read_evidence, e);
}

int store_evidence_list(store *s, arena *a, int64_t org, evidence_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " EVIDENCE_COLUMNS
		" WHERE organisation_id = ? ORDER BY id",
			      org, out, read_evidence, e);
}

int store_evidence_search(store *s, arena *a, int64_t org, const evidence_filter *f,
			  evidence_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " EVIDENCE_COLUMNS
		" WHERE organisation_id = ?"
		" AND (? IS NULL OR evidence_date >= ?) AND (? IS NULL OR evidence_date <= ?)"
		" AND (? = 0 OR with_cyp = 1) AND (? = 0 OR with_parents = 1)"
		" AND (? = 0 OR with_practitioners = 1)"
		" AND (? IS NULL OR EXISTS (SELECT 1 FROM evidence_link l"
		"      WHERE l.evidence_id = evidence.id AND l.element_key = ?"
		"      AND (? IS NULL OR l.indicator_key = ?)))"
		" ORDER BY evidence_date DESC, id DESC", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org);
	sql_bind_text(st, 2, f->from);
	sql_bind_text(st, 3, f->from);
	sql_bind_text(st, 4, f->to);
	sql_bind_text(st, 5, f->to);
	sql_bind_int(st, 6, (f->groups & GROUP_CYP) != 0);
	sql_bind_int(st, 7, (f->groups & GROUP_PARENTS) != 0);
	sql_bind_int(st, 8, (f->groups & GROUP_PRACTITIONERS) != 0);
	sql_bind_text(st, 9, f->element);
	sql_bind_text(st, 10, f->element);
	sql_bind_text(st, 11, f->element ? f->indicator : NULL);
	sql_bind_text(st, 12, f->element ? f->indicator : NULL);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_evidence, e);
}

/* Answers the number of rows the statement changed, or -1. */
static int exec_changes(store *s, sqlite3_stmt *st, err *e)
{
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

int store_link_add(store *s, const link_row *l, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO evidence_link (evidence_id, evaluation_id, element_key, indicator_key,"
		" created_at) VALUES (?, ?, ?, ?, ?)"
		" ON CONFLICT (evidence_id, evaluation_id, element_key, indicator_key) DO NOTHING", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, l->evidence_id);
	sql_bind_int(st, 2, l->evaluation_id);
	sql_bind_text(st, 3, l->element_key);
	sql_bind_text(st, 4, l->indicator_key);
	sql_bind_text(st, 5, l->created_at);
	return exec_changes(s, st, e);
}

int store_link_remove(store *s, const link_row *l, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"DELETE FROM evidence_link WHERE evidence_id = ? AND evaluation_id = ?"
		" AND element_key = ? AND indicator_key = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, l->evidence_id);
	sql_bind_int(st, 2, l->evaluation_id);
	sql_bind_text(st, 3, l->element_key);
	sql_bind_text(st, 4, l->indicator_key);
	return exec_changes(s, st, e);
}

#define LINK_COLUMNS \
	"l.evidence_id, l.evaluation_id, l.element_key, l.indicator_key, l.created_at," \
	" v.with_cyp, v.with_parents, v.with_practitioners" \
	" FROM evidence_link l JOIN evidence v ON v.id = l.evidence_id"

static void read_link(arena *a, sqlite3_stmt *st, void *row)
{
	link_row *l = row;
	l->evidence_id = sql_col_int(st, 0);
	l->evaluation_id = sql_col_int(st, 1);
	l->element_key = sql_col_text(a, st, 2);
	l->indicator_key = sql_col_text(a, st, 3);
	l->created_at = sql_col_text(a, st, 4);
	l->groups = groups_of(st, 5);
}

int store_links_of_evidence(store *s, arena *a, int64_t evidence, link_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " LINK_COLUMNS
		" WHERE l.evidence_id = ? ORDER BY l.evaluation_id, l.element_key, l.indicator_key",
			      evidence, out, read_link, e);
}

int store_links_of_evaluation(store *s, arena *a, int64_t evaluation, link_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " LINK_COLUMNS
		" WHERE l.evaluation_id = ? ORDER BY l.element_key, l.indicator_key, l.evidence_id",
			      evaluation, out, read_link, e);
}

int store_links_of_statement(store *s, arena *a, int64_t evaluation, const char *element_key,
			     link_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " LINK_COLUMNS
		" WHERE l.evaluation_id = ? AND l.element_key = ?"
		" ORDER BY l.indicator_key, l.evidence_id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, evaluation);
	sql_bind_text(st, 2, element_key);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items, read_link, e);
}

static void read_link_count(arena *a, sqlite3_stmt *st, void *row)
{
	link_count_row *c = row;
	c->element_key = sql_col_text(a, st, 0);
	c->indicator_key = sql_col_text(a, st, 1);
	c->evidence = sql_col_int(st, 2);
	c->groups = groups_of(st, 3);
}

/* The counts an evaluation's progress needs, without reading each of its
 * links (a heavily evidenced evaluation has thousands). */
int store_link_counts(store *s, arena *a, int64_t evaluation, link_count_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a,
		"SELECT l.element_key, l.indicator_key, COUNT(*),"
		" MAX(v.with_cyp), MAX(v.with_parents), MAX(v.with_practitioners)"
		" FROM evidence_link l JOIN evidence v ON v.id = l.evidence_id"
		" WHERE l.evaluation_id = ? GROUP BY l.element_key, l.indicator_key",
			      evaluation, out, read_link_count, e);
}

int store_links_of_org(store *s, arena *a, int64_t org, link_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " LINK_COLUMNS
		" WHERE v.organisation_id = ?"
		" ORDER BY l.evidence_id, l.evaluation_id, l.element_key, l.indicator_key",
			      org, out, read_link, e);
}

static void read_own_indicator(arena *a, sqlite3_stmt *st, void *row)
{
	own_indicator_row *r = row;
	r->id = sql_col_int(st, 0);
	r->evaluation_id = sql_col_int(st, 1);
	r->element_key = sql_col_text(a, st, 2);
	r->key = sql_col_text(a, st, 3);
	r->text = sql_col_text(a, st, 4);
	r->created_at = sql_col_text(a, st, 5);
}

int store_own_indicator_insert(store *s, const own_indicator_row *r, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO own_indicator (evaluation_id, element_key, key, text, created_at)"
		" VALUES (?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->evaluation_id);
	sql_bind_text(st, 2, r->element_key);
	sql_bind_text(st, 3, r->key);
	sql_bind_text(st, 4, r->text);
	sql_bind_text(st, 5, r->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_own_indicator_list(store *s, arena *a, int64_t evaluation, own_indicator_list *out,
			     err *e)
{
	return SQL_LIST_BY_ID(s, a,
		"SELECT id, evaluation_id, element_key, key, text, created_at"
		" FROM own_indicator WHERE evaluation_id = ? ORDER BY id",
		evaluation, out, read_own_indicator, e);
}

/* ---- links carried forward from an earlier cycle ----------------------- */

int store_link_add_carried(store *s, const link_row *l, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO evidence_link (evidence_id, evaluation_id, element_key, indicator_key,"
		" created_at, carried) VALUES (?, ?, ?, ?, ?, 1)"
		" ON CONFLICT (evidence_id, evaluation_id, element_key, indicator_key) DO NOTHING", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, l->evidence_id);
	sql_bind_int(st, 2, l->evaluation_id);
	sql_bind_text(st, 3, l->element_key);
	sql_bind_text(st, 4, l->indicator_key);
	sql_bind_text(st, 5, l->created_at);
	return exec_changes(s, st, e);
}

static void read_carried(arena *a, sqlite3_stmt *st, void *row)
{
	carried_row *c = row;
	c->evidence_id = sql_col_int(st, 0);
	c->element_key = sql_col_text(a, st, 1);
	c->indicator_key = sql_col_text(a, st, 2);
	c->confirmed_at = sql_col_text(a, st, 3);
}

int store_carried_links(store *s, arena *a, int64_t evaluation, carried_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a,
		"SELECT evidence_id, element_key, indicator_key, confirmed_at FROM evidence_link"
		" WHERE evaluation_id = ? AND carried = 1"
		" ORDER BY element_key, indicator_key, evidence_id",
		evaluation, out, read_carried, e);
}

int store_links_confirm(store *s, int64_t evaluation, const char *element, int64_t evidence,
			const char *now, size_t *n, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE evidence_link SET confirmed_at = ? WHERE evaluation_id = ? AND element_key = ?"
		" AND carried = 1 AND confirmed_at IS NULL AND (? = 0 OR evidence_id = ?)", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, now);
	sql_bind_int(st, 2, evaluation);
	sql_bind_text(st, 3, element);
	sql_bind_int(st, 4, evidence);
	sql_bind_int(st, 5, evidence);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*n = (size_t)sqlite3_changes(s->db);
	return 0;
}
