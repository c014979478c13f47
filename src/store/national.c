/* national.c: the whole-country summary in four statements, each grouped
 * by area. On the national dataset the tables read here are far larger
 * than SQLite's page cache, so each statement reads its big table in one
 * pass, in order, rather than one row at a time in organisation order;
 * the comments say which index each relies on. */
#include "store/national.h"
#include "store/sql.h"

/* An organisation's latest accepted audit, as store/area.c defines it: the
 * newest audit date, then the highest id, one entry of the audit
 * (organisation_id, status, audit_date) index. */
#define LATEST_ACCEPTED(org) \
	"(SELECT a.id FROM audit a WHERE a.organisation_id = " org \
	" AND a.status = 'accepted' ORDER BY a.audit_date DESC, a.id DESC LIMIT 1)"

static void read_area(arena *a, sqlite3_stmt *st, void *row)
{
	national_area_row *r = row;
	r->id = sql_col_int(st, 0);
	r->name = sql_col_text(a, st, 1);
}

int store_national_areas(store *s, arena *a, national_area_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT id, name FROM area ORDER BY name, id", e);
	if (!st)
		return -1;
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items, read_area, e);
}

static void read_audit(arena *a, sqlite3_stmt *st, void *row)
{
	national_audit_row *r = row;
	r->area_id = sql_col_int(st, 0);
	r->outcome = sql_col_text(a, st, 1);
	r->organisations = sql_col_int(st, 2);
	r->audited = sql_col_int(st, 3);
	r->audited_in_window = sql_col_int(st, 4);
	r->reviews_overdue = sql_col_int(st, 5);
	r->at_lowest = sql_col_int(st, 6);
}

/* Organisations in area order (the organisation_area index), each one's
 * latest accepted audit from the audit_organisation index and its row by
 * id. Audits with a principle at the lowest level are gathered once, in
 * one pass over audit_principle, rather than looked up per audit. */
int store_national_audits(store *s, arena *a, const char *since, const char *today,
			  const char *lowest, national_audit_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT o.area_id,"
		" CASE WHEN la.audit_date >= ? AND la.audit_date <= ? THEN la.outcome END AS window_outcome,"
		" COUNT(*), COUNT(la.id),"
		" SUM(CASE WHEN la.audit_date >= ? AND la.audit_date <= ? THEN 1 ELSE 0 END),"
		" SUM(CASE WHEN la.review_on < ? THEN 1 ELSE 0 END),"
		" SUM(CASE WHEN la.id IN (SELECT ap.audit_id FROM audit_principle ap WHERE ap.level = ?)"
		"   THEN 1 ELSE 0 END)"
		" FROM organisation o LEFT JOIN audit la ON la.id = " LATEST_ACCEPTED("o.id")
		" GROUP BY o.area_id, window_outcome", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, since);
	sql_bind_text(st, 2, today);
	sql_bind_text(st, 3, since);
	sql_bind_text(st, 4, today);
	sql_bind_text(st, 5, today);
	sql_bind_text(st, 6, lowest);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items, read_audit, e);
}

static void read_evaluation(arena *a, sqlite3_stmt *st, void *row)
{
	(void)a;
	national_evaluation_row *r = row;
	r->area_id = sql_col_int(st, 0);
	r->organisations = sql_col_int(st, 1);
	r->draft = sql_col_int(st, 2);
	r->in_review = sql_col_int(st, 3);
	r->submitted = sql_col_int(st, 4);
}

/* Self-evaluations are counted per organisation in one pass over the
 * table ("+" keeps SQLite from walking the organisation index instead,
 * which would read the rows in a random order), then each organisation's
 * area is looked up once, in id order. */
int store_national_evaluations(store *s, arena *a, national_evaluation_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT o.area_id, COUNT(*), SUM(ev.draft), SUM(ev.in_review), SUM(ev.submitted)"
		" FROM (SELECT e.organisation_id,"
		"   SUM(CASE WHEN e.status = 'draft' THEN 1 ELSE 0 END) AS draft,"
		"   SUM(CASE WHEN e.status = 'in-review' THEN 1 ELSE 0 END) AS in_review,"
		"   SUM(CASE WHEN e.status = 'submitted' THEN 1 ELSE 0 END) AS submitted"
		"   FROM evaluation e GROUP BY +e.organisation_id) ev"
		" JOIN organisation o ON o.id = ev.organisation_id"
		" GROUP BY o.area_id", e);
	if (!st)
		return -1;
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_evaluation, e);
}

static void read_count(arena *a, sqlite3_stmt *st, void *row)
{
	(void)a;
	national_count_row *r = row;
	r->area_id = sql_col_int(st, 0);
	r->n = sql_col_int(st, 1);
}

/* As action_overdue (domain/action.c) has it: due before today, open or
 * in progress. One pass over action_item, as for evaluations above. */
int store_national_overdue_actions(store *s, arena *a, const char *today,
				   national_count_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT o.area_id, SUM(ai.n)"
		" FROM (SELECT x.organisation_id, COUNT(*) AS n FROM action_item x"
		"   WHERE x.due_on < ? AND x.status IN ('open', 'in-progress')"
		"   GROUP BY +x.organisation_id) ai"
		" JOIN organisation o ON o.id = ai.organisation_id"
		" GROUP BY o.area_id", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, today);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items, read_count, e);
}
