/* action.c: actions raised from areas for development (or an audit's next
 * steps, a success measure or a plan) and followed up, and their reviews. */
#include "store/audit.h"
#include "store/sql.h"

#define ACTION_COLUMNS \
	"id, organisation_id, title, owner, due_on, review_on, status," \
	" source_evaluation_id, source_element_key, created_at, updated_at, source_audit_id," \
	" source_plan_id, source_measure_id" \
	" FROM action_item"

static const sql_col action_cols[] = {
	SQL_COL(action_row, id, I64), SQL_COL(action_row, organisation_id, I64),
	SQL_COL(action_row, title, TEXT), SQL_COL(action_row, owner, TEXT),
	SQL_COL(action_row, due_on, TEXT), SQL_COL(action_row, review_on, TEXT),
	SQL_COL(action_row, status, TEXT), SQL_COL(action_row, source_evaluation_id, ID),
	SQL_COL(action_row, source_element_key, TEXT), SQL_COL(action_row, created_at, TEXT),
	SQL_COL(action_row, updated_at, TEXT), SQL_COL(action_row, source_audit_id, ID),
	SQL_COL(action_row, source_plan_id, ID), SQL_COL(action_row, source_measure_id, ID),
	SQL_TABLE_END,
};

int store_action_insert(store *s, const action_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO action_item (title, owner, due_on, review_on, status,"
		" source_evaluation_id, source_element_key, updated_at, source_audit_id,"
		" source_plan_id, source_measure_id, organisation_id, created_at)"
		" VALUES (:title, COALESCE(:owner, ''), :due_on, :review_on, COALESCE(:status, 'open'),"
		" :source_evaluation_id, :source_element_key, COALESCE(:updated_at, :created_at),"
		" :source_audit_id, :source_plan_id, :source_measure_id, :organisation_id, :created_at)",
		SQL_ROW(action_cols, r), id, e);
}

int store_action_update(store *s, const action_row *r, err *e)
{
	return sql_run(s, "UPDATE action_item SET title = :title, owner = COALESCE(:owner, ''),"
		" due_on = :due_on, review_on = :review_on, status = COALESCE(:status, 'open'),"
		" source_evaluation_id = :source_evaluation_id,"
		" source_element_key = :source_element_key,"
		" updated_at = COALESCE(:updated_at, :created_at), source_audit_id = :source_audit_id,"
		" source_plan_id = :source_plan_id, source_measure_id = :source_measure_id"
		" WHERE id = :id", SQL_ROW(action_cols, r), e);
}

int store_action_get(store *s, arena *ar, int64_t id, action_row *out, err *e)
{
	return sql_get(s, ar, "SELECT " ACTION_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       action_cols, e);
}

/* Open actions first, soonest due first, those with no date last. */
int store_action_list(store *s, arena *ar, int64_t org, action_list *out, err *e)
{
	return SQL_LIST(s, ar, "SELECT " ACTION_COLUMNS
		" WHERE organisation_id = ?"
		" ORDER BY CASE WHEN status IN ('done', 'dropped') THEN 1 ELSE 0 END,"
		" CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, id", SQL_ID_ARG(org), out,
		action_cols, e);
}

int store_action_list_audit(store *s, arena *ar, int64_t audit, action_list *out, err *e)
{
	return SQL_LIST(s, ar, "SELECT " ACTION_COLUMNS " WHERE source_audit_id = ? ORDER BY id",
			SQL_ID_ARG(audit), out, action_cols, e);
}
