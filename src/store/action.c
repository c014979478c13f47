/* action.c: actions raised from areas for development (or an audit's next
 * steps, a success measure or a plan) and followed up, and their reviews. */
#include "store/audit.h"
#include "store/sql.h"

#define ACTION_COLUMNS \
	"id, organisation_id, title, owner, due_on, review_on, status," \
	" source_evaluation_id, source_element_key, created_at, updated_at, source_audit_id," \
	" source_plan_id, source_measure_id" \
	" FROM action_item"

static void read_action(arena *a, sqlite3_stmt *st, void *row)
{
	action_row *r = row;
	r->id = sql_col_int(st, 0);
	r->organisation_id = sql_col_int(st, 1);
	r->title = sql_col_text(a, st, 2);
	r->owner = sql_col_text(a, st, 3);
	r->due_on = sql_col_text(a, st, 4);
	r->review_on = sql_col_text(a, st, 5);
	r->status = sql_col_text(a, st, 6);
	r->source_evaluation_id = sql_col_int(st, 7);
	r->source_element_key = sql_col_text(a, st, 8);
	r->created_at = sql_col_text(a, st, 9);
	r->updated_at = sql_col_text(a, st, 10);
	r->source_audit_id = sql_col_int(st, 11);
	r->source_plan_id = sql_col_int(st, 12);
	r->source_measure_id = sql_col_int(st, 13);
}

static void bind_action(sqlite3_stmt *st, const action_row *r)
{
	sql_bind_text(st, 1, r->title);
	sql_bind_text(st, 2, r->owner ? r->owner : "");
	sql_bind_text(st, 3, r->due_on);
	sql_bind_text(st, 4, r->review_on);
	sql_bind_text(st, 5, r->status ? r->status : "open");
	sql_bind_id(st, 6, r->source_evaluation_id);
	sql_bind_text(st, 7, r->source_element_key);
	sql_bind_text(st, 8, r->updated_at ? r->updated_at : r->created_at);
	sql_bind_id(st, 9, r->source_audit_id);
	sql_bind_id(st, 10, r->source_plan_id);
	sql_bind_id(st, 11, r->source_measure_id);
}

int store_action_insert(store *s, const action_row *r, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO action_item (title, owner, due_on, review_on, status,"
		" source_evaluation_id, source_element_key, updated_at, source_audit_id,"
		" source_plan_id, source_measure_id, organisation_id, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	bind_action(st, r);
	sql_bind_int(st, 12, r->organisation_id);
	sql_bind_text(st, 13, r->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_action_update(store *s, const action_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE action_item SET title = ?, owner = ?, due_on = ?, review_on = ?, status = ?,"
		" source_evaluation_id = ?, source_element_key = ?, updated_at = ?,"
		" source_audit_id = ?, source_plan_id = ?, source_measure_id = ? WHERE id = ?", e);
	if (!st)
		return -1;
	bind_action(st, r);
	sql_bind_int(st, 12, r->id);
	return sql_exec_stmt(s, st, e);
}

int store_action_get(store *s, arena *ar, int64_t id, action_row *out, err *e)
{
	return sql_one_by_id(s, ar, "SELECT " ACTION_COLUMNS " WHERE id = ?",
			     id, out, read_action, e);
}

/* Open actions first, soonest due first, those with no date last. */
int store_action_list(store *s, arena *ar, int64_t org, action_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " ACTION_COLUMNS
		" WHERE organisation_id = ?"
		" ORDER BY CASE WHEN status IN ('done', 'dropped') THEN 1 ELSE 0 END,"
		" CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org);
	return sql_collect(s, ar, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_action, e);
}

int store_action_list_audit(store *s, arena *ar, int64_t audit, action_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, ar, "SELECT " ACTION_COLUMNS
		" WHERE source_audit_id = ? ORDER BY id", audit, out, read_action, e);
}
