/* national.c: the whole-country summary in four statements, each grouped
 * by area. On the national dataset the tables read here are far larger
 * than SQLite's page cache, so each statement reads its big table in one
 * pass, in order, rather than one row at a time in organisation order;
 * the comments say which index each relies on. */
#include "store/national.h"
#include "store/sql.h"

static const sql_col area_cols[] = {
	SQL_COL(national_area_row, id, I64), SQL_COL(national_area_row, name, TEXT), SQL_TABLE_END,
};

int store_national_areas(store *s, arena *a, national_area_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT id, name FROM area ORDER BY name, id", NULL, out, area_cols, e);
}

static const sql_col audit_cols[] = {
	SQL_COL(national_audit_row, area_id, I64), SQL_COL(national_audit_row, outcome, TEXT),
	SQL_COL(national_audit_row, organisations, I64), SQL_COL(national_audit_row, audited, I64),
	SQL_COL(national_audit_row, audited_in_window, I64),
	SQL_COL(national_audit_row, reviews_overdue, I64),
	SQL_COL(national_audit_row, at_lowest, I64), SQL_TABLE_END,
};

/* Organisations in area order (the organisation_area index), each one's
 * latest accepted audit from the audit_organisation index and its row by
 * id. Audits with a principle at the lowest level are gathered once, in
 * one pass over audit_principle, rather than looked up per audit. */
int store_national_audits(store *s, arena *a, const char *since, const char *today,
			  const char *lowest, national_audit_list *out, err *e)
{
	return SQL_LIST(s, a,
		"SELECT o.area_id,"
		" CASE WHEN la.audit_date >= ?1 AND la.audit_date <= ?2 THEN la.outcome END AS window_outcome,"
		" COUNT(*), COUNT(la.id),"
		" SUM(CASE WHEN la.audit_date >= ?1 AND la.audit_date <= ?2 THEN 1 ELSE 0 END),"
		" SUM(CASE WHEN la.review_on < ?2 THEN 1 ELSE 0 END),"
		" SUM(CASE WHEN la.id IN (SELECT ap.audit_id FROM audit_principle ap WHERE ap.level = ?3)"
		"   THEN 1 ELSE 0 END)"
		" FROM organisation o LEFT JOIN audit la ON la.id = " SQL_LATEST_ACCEPTED("o.id")
		" GROUP BY o.area_id, window_outcome",
		SQL_ARGS(sql_text(since), sql_text(today), sql_text(lowest)), out, audit_cols, e);
}

static const sql_col evaluation_cols[] = {
	SQL_COL(national_evaluation_row, area_id, I64),
	SQL_COL(national_evaluation_row, organisations, I64),
	SQL_COL(national_evaluation_row, draft, I64), SQL_COL(national_evaluation_row, in_review, I64),
	SQL_COL(national_evaluation_row, submitted, I64), SQL_TABLE_END,
};

/* Self-evaluations are counted per organisation in one pass over the
 * table ("+" keeps SQLite from walking the organisation index instead,
 * which would read the rows in a random order; PostgreSQL asks that the
 * grouped column be selected as the same expression), then each
 * organisation's area is looked up once, in id order. */
int store_national_evaluations(store *s, arena *a, national_evaluation_list *out, err *e)
{
	return SQL_LIST(s, a,
		"SELECT o.area_id, COUNT(*), SUM(ev.draft), SUM(ev.in_review), SUM(ev.submitted)"
		" FROM (SELECT +e.organisation_id AS organisation_id,"
		"   SUM(CASE WHEN e.status = 'draft' THEN 1 ELSE 0 END) AS draft,"
		"   SUM(CASE WHEN e.status = 'in-review' THEN 1 ELSE 0 END) AS in_review,"
		"   SUM(CASE WHEN e.status = 'submitted' THEN 1 ELSE 0 END) AS submitted"
		"   FROM evaluation e GROUP BY +e.organisation_id) ev"
		" JOIN organisation o ON o.id = ev.organisation_id"
		" GROUP BY o.area_id", NULL, out, evaluation_cols, e);
}

static const sql_col count_cols[] = {
	SQL_COL(national_count_row, area_id, I64), SQL_COL(national_count_row, n, I64),
	SQL_TABLE_END,
};

/* As action_overdue (domain/action.c) has it: due before today, open or
 * in progress. One pass over action_item, as for evaluations above. */
int store_national_overdue_actions(store *s, arena *a, const char *today,
				   national_count_list *out, err *e)
{
	return SQL_LIST(s, a,
		"SELECT o.area_id, SUM(ai.n)"
		" FROM (SELECT +x.organisation_id AS organisation_id, COUNT(*) AS n FROM action_item x"
		"   WHERE x.due_on < ? AND x.status IN ('open', 'in-progress')"
		"   GROUP BY +x.organisation_id) ai"
		" JOIN organisation o ON o.id = ai.organisation_id"
		" GROUP BY o.area_id", SQL_ARGS(sql_text(today)), out, count_cols, e);
}
