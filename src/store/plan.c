/* plan.c: team and service plans: the plan, its statements, answers and
 * aspect notes, the link from an action back to the plan it came from, and
 * the latest evaluation a new plan can be seeded from. */
#include "store/plan.h"
#include "store/sql.h"

/* How many statements hold any text, and the seed's cycle, come with every
 * read, so the list needs no second query per plan. */
#define PLAN_COLUMNS \
	"p.id, p.organisation_id, p.framework_hash, p.title, p.cycle, p.seeded_from," \
	" p.created_at, p.updated_at," \
	" (SELECT COUNT(*) FROM plan_statement s WHERE s.plan_id = p.id" \
	"   AND (s.strengths <> '' OR s.areas <> ''))," \
	" (SELECT ev.cycle FROM evaluation ev WHERE ev.id = p.seeded_from)" \
	" FROM plan p"

static const sql_col plan_cols[] = {
	SQL_COL(plan_row, id, I64), SQL_COL(plan_row, organisation_id, I64),
	SQL_COL(plan_row, framework_hash, TEXT), SQL_COL(plan_row, title, TEXT),
	SQL_COL(plan_row, cycle, TEXT), SQL_COL(plan_row, seeded_from, ID),
	SQL_COL(plan_row, created_at, TEXT), SQL_COL(plan_row, updated_at, TEXT),
	SQL_COL(plan_row, statements, INT), SQL_COL(plan_row, seed_cycle, TEXT), SQL_TABLE_END,
};

int store_plan_insert(store *s, const plan_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO plan (organisation_id, framework_hash, title, cycle,"
			  " seeded_from, created_at, updated_at) VALUES (:organisation_id,"
			  " :framework_hash, :title, :cycle, :seeded_from, :created_at,"
			  " COALESCE(:updated_at, :created_at))", SQL_ROW(plan_cols, r), id, e);
}

int store_plan_get(store *s, arena *a, int64_t id, plan_row *out, err *e)
{
	return sql_get(s, a, "SELECT " PLAN_COLUMNS " WHERE p.id = ?", SQL_ID_ARG(id), out,
		       plan_cols, e);
}

int store_plan_list(store *s, arena *a, int64_t org, plan_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " PLAN_COLUMNS
			" WHERE p.organisation_id = ? ORDER BY p.created_at DESC, p.id DESC",
			SQL_ID_ARG(org), out, plan_cols, e);
}

int store_plan_touch(store *s, int64_t id, const char *now, err *e)
{
	return sql_run(s, "UPDATE plan SET updated_at = ? WHERE id = ?",
		       SQL_ARGS(sql_text(now), sql_int(id)), e);
}

/* ---- statements, answers, aspects -------------------------------------- */

static const sql_col statement_cols[] = {
	SQL_COL(plan_statement_row, plan_id, I64), SQL_COL(plan_statement_row, element_key, TEXT),
	SQL_COL(plan_statement_row, strengths, TEXT), SQL_COL(plan_statement_row, areas, TEXT),
	SQL_COL(plan_statement_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_plan_statement_put(store *s, const plan_statement_row *r, err *e)
{
	return sql_run(s, "INSERT INTO plan_statement (plan_id, element_key, strengths, areas,"
		       " updated_at) VALUES (:plan_id, :element_key, COALESCE(:strengths, ''),"
		       " COALESCE(:areas, ''), :updated_at) ON CONFLICT (plan_id, element_key)"
		       " DO UPDATE SET strengths = excluded.strengths, areas = excluded.areas,"
		       " updated_at = excluded.updated_at", SQL_ROW(statement_cols, r), e);
}

int store_plan_statement_list(store *s, arena *a, int64_t plan, plan_statement_list *out,
			      err *e)
{
	return SQL_LIST(s, a, "SELECT plan_id, element_key, strengths, areas, updated_at"
			" FROM plan_statement WHERE plan_id = ? ORDER BY element_key",
			SQL_ID_ARG(plan), out, statement_cols, e);
}

static const sql_col answer_cols[] = {
	SQL_COL(plan_answer_row, plan_id, I64), SQL_COL(plan_answer_row, section_key, TEXT),
	SQL_COL(plan_answer_row, question_key, TEXT), SQL_COL(plan_answer_row, answer, TEXT),
	SQL_COL(plan_answer_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_plan_answer_put(store *s, const plan_answer_row *r, err *e)
{
	return sql_run(s, "INSERT INTO plan_answer (plan_id, section_key, question_key, answer,"
		       " updated_at) VALUES (:plan_id, :section_key, :question_key,"
		       " COALESCE(:answer, ''), :updated_at)"
		       " ON CONFLICT (plan_id, section_key, question_key) DO UPDATE SET"
		       " answer = excluded.answer, updated_at = excluded.updated_at",
		       SQL_ROW(answer_cols, r), e);
}

int store_plan_answer_list(store *s, arena *a, int64_t plan, plan_answer_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT plan_id, section_key, question_key, answer, updated_at"
			" FROM plan_answer WHERE plan_id = ? ORDER BY section_key, question_key",
			SQL_ID_ARG(plan), out, answer_cols, e);
}

static const sql_col aspect_cols[] = {
	SQL_COL(plan_aspect_row, plan_id, I64), SQL_COL(plan_aspect_row, aspect_key, TEXT),
	SQL_COL(plan_aspect_row, note, TEXT), SQL_COL(plan_aspect_row, updated_at, TEXT),
	SQL_TABLE_END,
};

int store_plan_aspect_put(store *s, const plan_aspect_row *r, err *e)
{
	return sql_run(s, "INSERT INTO plan_aspect (plan_id, aspect_key, note, updated_at)"
		       " VALUES (:plan_id, :aspect_key, COALESCE(:note, ''), :updated_at)"
		       " ON CONFLICT (plan_id, aspect_key) DO UPDATE SET note = excluded.note,"
		       " updated_at = excluded.updated_at", SQL_ROW(aspect_cols, r), e);
}

int store_plan_aspect_list(store *s, arena *a, int64_t plan, plan_aspect_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT plan_id, aspect_key, note, updated_at"
			" FROM plan_aspect WHERE plan_id = ? ORDER BY aspect_key",
			SQL_ID_ARG(plan), out, aspect_cols, e);
}

/* ---- actions raised from a plan ---------------------------------------- */

int store_plan_action_link(store *s, int64_t action, int64_t plan, err *e)
{
	return sql_change(s, "UPDATE action_item SET source_plan_id = ? WHERE id = ?",
			  SQL_ARGS(sql_int(plan), sql_int(action)), e);
}

static const sql_col plan_action_cols[] = {
	SQL_COL(plan_action_row, id, I64), SQL_COL(plan_action_row, element_key, TEXT),
	SQL_COL(plan_action_row, title, TEXT), SQL_COL(plan_action_row, owner, TEXT),
	SQL_COL(plan_action_row, due_on, TEXT), SQL_COL(plan_action_row, status, TEXT),
	SQL_TABLE_END,
};

int store_plan_action_list(store *s, arena *a, int64_t plan, plan_action_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT id, source_element_key, title, owner, due_on, status"
			" FROM action_item WHERE source_plan_id = ? ORDER BY id",
			SQL_ID_ARG(plan), out, plan_action_cols, e);
}

/* ---- seeding ----------------------------------------------------------- */

int store_plan_latest_evaluation(store *s, int64_t org, const char *framework, int64_t *id,
				 err *e)
{
	*id = 0;
	return sql_get(s, NULL, "SELECT id FROM evaluation WHERE organisation_id = ?"
		       " AND framework_id = ? ORDER BY cycle DESC, updated_at DESC, id DESC LIMIT 1",
		       SQL_ARGS(sql_int(org), sql_text(framework)), id, sql_int64_row, e);
}
