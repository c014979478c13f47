/* evidence.c: the evidence library, its links to indicators, and the
 * indicators organisations add themselves. */
#include "store/review.h"
#include "store/sql.h"

#define EVIDENCE_COLUMNS \
	"id, organisation_id, title, description, evidence_date, url, with_cyp," \
	" with_parents, with_practitioners, created_at, updated_at FROM evidence"

static const sql_col evidence_cols[] = {
	SQL_COL(evidence_row, id, I64), SQL_COL(evidence_row, organisation_id, I64),
	SQL_COL(evidence_row, title, TEXT), SQL_COL(evidence_row, description, TEXT),
	SQL_COL(evidence_row, date, TEXT), SQL_COL(evidence_row, url, TEXT),
	SQL_GROUPS(evidence_row, groups), SQL_COL(evidence_row, created_at, TEXT),
	SQL_COL(evidence_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_evidence_insert(store *s, const evidence_row *ev, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO evidence (title, description, evidence_date, url,"
		" with_cyp, with_parents, with_practitioners, updated_at, organisation_id, created_at)"
		" VALUES (:title, COALESCE(:description, ''), :date, :url, :with_cyp, :with_parents,"
		" :with_practitioners, COALESCE(:updated_at, :created_at), :organisation_id,"
		" :created_at)", SQL_ROW(evidence_cols, ev), id, e);
}

int store_evidence_update(store *s, const evidence_row *ev, err *e)
{
	return sql_run(s, "UPDATE evidence SET title = :title,"
		" description = COALESCE(:description, ''), evidence_date = :date, url = :url,"
		" with_cyp = :with_cyp, with_parents = :with_parents,"
		" with_practitioners = :with_practitioners,"
		" updated_at = COALESCE(:updated_at, :created_at) WHERE id = :id",
		SQL_ROW(evidence_cols, ev), e);
}

int store_evidence_get(store *s, arena *a, int64_t id, evidence_row *out, err *e)
{
	return sql_get(s, a, "SELECT " EVIDENCE_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       evidence_cols, e);
}

int store_evidence_list(store *s, arena *a, int64_t org, evidence_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " EVIDENCE_COLUMNS " WHERE organisation_id = ? ORDER BY id",
			SQL_ID_ARG(org), out, evidence_cols, e);
}

/* Any case, spaces around ignored; lower() and trim() read the same in
 * PostgreSQL. */
int store_evidence_same(store *s, arena *a, const evidence_row *ev, evidence_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " EVIDENCE_COLUMNS
		" WHERE organisation_id = :organisation_id AND evidence_date = :date"
		" AND lower(trim(title)) = lower(trim(:title)) ORDER BY id",
		SQL_ROW(evidence_cols, ev), out, evidence_cols, e);
}

static const sql_col filter_cols[] = {
	SQL_COL(evidence_filter, from, TEXT), SQL_COL(evidence_filter, to, TEXT),
	SQL_GROUPS(evidence_filter, groups), SQL_COL(evidence_filter, element, TEXT),
	SQL_COL(evidence_filter, indicator, TEXT), SQL_TABLE_END,
};

/* The indicator counts only with a statement (element). */
#define SEARCH_WHERE \
	" WHERE organisation_id = ?" \
	" AND (CAST(:from AS TEXT) IS NULL OR evidence_date >= :from)" \
	" AND (CAST(:to AS TEXT) IS NULL OR evidence_date <= :to)" \
	" AND (:with_cyp = 0 OR with_cyp = 1) AND (:with_parents = 0 OR with_parents = 1)" \
	" AND (:with_practitioners = 0 OR with_practitioners = 1)" \
	" AND (CAST(:element AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM evidence_link l" \
	"      WHERE l.evidence_id = evidence.id AND l.element_key = :element" \
	"      AND (CAST(:indicator AS TEXT) IS NULL OR l.indicator_key = :indicator)))" \
	" ORDER BY evidence_date DESC, id DESC"

static const sql_col library_cols[] = {
	SQL_COL(library_row, id, I64), SQL_COL(library_row, title, TEXT),
	SQL_COL(library_row, date, TEXT), SQL_GROUPS(library_row, groups),
	SQL_COL(library_row, links, I64), SQL_COL(library_row, total, I64), SQL_TABLE_END,
};

/* Each item's links counted by the primary key's index (it starts with
 * evidence_id), for the rows sent only: the library read every link of
 * the organisation's items, joined to their items and sorted, to count
 * them, and every item to show 50. The window's count is the total
 * before the limit. */
int store_evidence_library(store *s, arena *a, int64_t org, const evidence_filter *f,
			   int64_t offset, int64_t limit, library_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT id, title, evidence_date, with_cyp, with_parents,"
			" with_practitioners, (SELECT COUNT(*) FROM evidence_link c"
			" WHERE c.evidence_id = evidence.id), COUNT(*) OVER () FROM evidence"
			SEARCH_WHERE " LIMIT ? OFFSET ?",
			SQL_ROW_ARGS(filter_cols, f, sql_int(org), sql_int(limit), sql_int(offset)),
			out, library_cols, e);
}

/* ---- links ------------------------------------------------------------- */

#define LINK_COLUMNS \
	"l.evidence_id, l.evaluation_id, l.element_key, l.indicator_key, l.created_at," \
	" v.with_cyp, v.with_parents, v.with_practitioners" \
	" FROM evidence_link l JOIN evidence v ON v.id = l.evidence_id"

static const sql_col link_cols[] = {
	SQL_COL(link_row, evidence_id, I64), SQL_COL(link_row, evaluation_id, I64),
	SQL_COL(link_row, element_key, TEXT), SQL_COL(link_row, indicator_key, TEXT),
	SQL_COL(link_row, created_at, TEXT), SQL_GROUPS(link_row, groups), SQL_TABLE_END,
};

/* A link made here (carried 0) or carried forward from an earlier cycle
 * (1, to be confirmed again): 1 added, 0 there already. */
static int link_insert(store *s, const link_row *l, bool carried, err *e)
{
	return sql_change(s, "INSERT INTO evidence_link (evidence_id, evaluation_id, element_key,"
		" indicator_key, created_at, carried) VALUES (:evidence_id, :evaluation_id,"
		" :element_key, :indicator_key, :created_at, ?)"
		" ON CONFLICT (evidence_id, evaluation_id, element_key, indicator_key) DO NOTHING",
		SQL_ROW_ARGS(link_cols, l, sql_int(carried)), e);
}

int store_link_add(store *s, const link_row *l, err *e)
{
	return link_insert(s, l, false, e);
}

int store_link_remove(store *s, const link_row *l, err *e)
{
	return sql_change(s, "DELETE FROM evidence_link WHERE evidence_id = :evidence_id"
		" AND evaluation_id = :evaluation_id AND element_key = :element_key"
		" AND indicator_key = :indicator_key", SQL_ROW(link_cols, l), e);
}

int store_links_of_evidence(store *s, arena *a, int64_t evidence, link_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " LINK_COLUMNS
		" WHERE l.evidence_id = ? ORDER BY l.evaluation_id, l.element_key, l.indicator_key",
		SQL_ID_ARG(evidence), out, link_cols, e);
}

int store_links_of_evaluation(store *s, arena *a, int64_t evaluation, link_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " LINK_COLUMNS
		" WHERE l.evaluation_id = ? ORDER BY l.element_key, l.indicator_key, l.evidence_id",
		SQL_ID_ARG(evaluation), out, link_cols, e);
}

static const sql_col statement_link_cols[] = {
	SQL_COL(statement_link_row, evidence_id, I64),
	SQL_COL(statement_link_row, indicator_key, TEXT),
	SQL_COL(statement_link_row, created_at, TEXT), SQL_COL(statement_link_row, carried, I64),
	SQL_COL(statement_link_row, confirmed_at, TEXT),
	SQL_COL(statement_link_row, organisation_id, I64), SQL_COL(statement_link_row, title, TEXT),
	SQL_COL(statement_link_row, date, TEXT), SQL_GROUPS(statement_link_row, groups),
	SQL_TABLE_END,
};

/* On PostgreSQL each statement costs the server its own parse, plan and
 * executor start (about 25 us), whatever its rows: the statement page's
 * links, their items and the carried marks are one. */
int store_statement_links(store *s, arena *a, int64_t evaluation, const char *element_key,
			  statement_link_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT l.evidence_id, l.indicator_key, l.created_at, l.carried,"
		" l.confirmed_at, v.organisation_id, v.title, v.evidence_date,"
		" v.with_cyp, v.with_parents, v.with_practitioners"
		" FROM evidence_link l JOIN evidence v ON v.id = l.evidence_id"
		" WHERE l.evaluation_id = ? AND l.element_key = ?"
		" ORDER BY l.indicator_key, l.evidence_id",
		SQL_ARGS(sql_int(evaluation), sql_text(element_key)), out, statement_link_cols, e);
}

static const sql_col link_count_cols[] = {
	SQL_COL(link_count_row, element_key, TEXT), SQL_COL(link_count_row, indicator_key, TEXT),
	SQL_COL(link_count_row, evidence, I64), SQL_GROUPS(link_count_row, groups), SQL_TABLE_END,
};

/* The counts an evaluation's progress needs, without reading each of its
 * links (a heavily evidenced evaluation has thousands). Both sides come
 * from an index (migration 29). Naming the organisation lets PostgreSQL
 * hash its evidence once rather than look up each link's item: 9.2
 * million instructions against 18.2 (callgrind, 1,113 links). Links are
 * only ever made within the evaluation's organisation (evidence_link). */
int store_link_counts(store *s, arena *a, int64_t evaluation, link_count_list *out, err *e)
{
	return SQL_LIST(s, a,
		"SELECT l.element_key, l.indicator_key, COUNT(*),"
		" MAX(v.with_cyp), MAX(v.with_parents), MAX(v.with_practitioners)"
		" FROM evidence_link l JOIN evidence v ON v.id = l.evidence_id"
		" WHERE l.evaluation_id = ?1 AND v.organisation_id ="
		" (SELECT organisation_id FROM evaluation WHERE id = ?1)"
		" GROUP BY l.element_key, l.indicator_key",
		SQL_ID_ARG(evaluation), out, link_count_cols, e);
}

int store_links_of_org(store *s, arena *a, int64_t org, link_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " LINK_COLUMNS
		" WHERE v.organisation_id = ?"
		" ORDER BY l.evidence_id, l.evaluation_id, l.element_key, l.indicator_key",
		SQL_ID_ARG(org), out, link_cols, e);
}

/* ---- own indicators ---------------------------------------------------- */

static const sql_col own_indicator_cols[] = {
	SQL_COL(own_indicator_row, id, I64), SQL_COL(own_indicator_row, evaluation_id, I64),
	SQL_COL(own_indicator_row, element_key, TEXT), SQL_COL(own_indicator_row, key, TEXT),
	SQL_COL(own_indicator_row, text, TEXT), SQL_COL(own_indicator_row, created_at, TEXT),
	SQL_TABLE_END,
};

int store_own_indicator_insert(store *s, const own_indicator_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO own_indicator (evaluation_id, element_key, key, text,"
			  " created_at) VALUES (:evaluation_id, :element_key, :key, :text, :created_at)",
			  SQL_ROW(own_indicator_cols, r), id, e);
}

int store_own_indicator_list(store *s, arena *a, int64_t evaluation, own_indicator_list *out,
			     err *e)
{
	return SQL_LIST(s, a, "SELECT id, evaluation_id, element_key, key, text, created_at"
			" FROM own_indicator WHERE evaluation_id = ? ORDER BY id",
			SQL_ID_ARG(evaluation), out, own_indicator_cols, e);
}

/* ---- links carried forward from an earlier cycle ----------------------- */

int store_link_add_carried(store *s, const link_row *l, err *e)
{
	return link_insert(s, l, true, e);
}

static const sql_col carried_cols[] = {
	SQL_COL(carried_row, evidence_id, I64), SQL_COL(carried_row, element_key, TEXT),
	SQL_COL(carried_row, indicator_key, TEXT), SQL_COL(carried_row, confirmed_at, TEXT),
	SQL_TABLE_END,
};

int store_carried_links(store *s, arena *a, int64_t evaluation, carried_list *out, err *e)
{
	return SQL_LIST(s, a,
		"SELECT evidence_id, element_key, indicator_key, confirmed_at FROM evidence_link"
		" WHERE evaluation_id = ? AND carried = 1"
		" ORDER BY element_key, indicator_key, evidence_id",
		SQL_ID_ARG(evaluation), out, carried_cols, e);
}

int store_links_confirm(store *s, int64_t evaluation, const char *element, int64_t evidence,
			const char *now, size_t *n, err *e)
{
	if (sql_run(s, "UPDATE evidence_link SET confirmed_at = ?1 WHERE evaluation_id = ?2"
		    " AND element_key = ?3 AND carried = 1 AND confirmed_at IS NULL"
		    " AND (?4 = 0 OR evidence_id = ?4)", SQL_ARGS(sql_text(now), sql_int(evaluation),
		    sql_text(element), sql_int(evidence)), e) < 0)
		return -1;
	*n = (size_t)sql_changes(s);
	return 0;
}
