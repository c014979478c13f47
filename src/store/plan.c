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

static void read_plan(arena *a, sqlite3_stmt *st, void *row)
{
	plan_row *r = row;
	r->id = sql_col_int(st, 0);
	r->organisation_id = sql_col_int(st, 1);
	r->framework_hash = sql_col_text(a, st, 2);
	r->title = sql_col_text(a, st, 3);
	r->cycle = sql_col_text(a, st, 4);
	r->seeded_from = sql_col_int(st, 5);
	r->created_at = sql_col_text(a, st, 6);
	r->updated_at = sql_col_text(a, st, 7);
	r->statements = (int)sql_col_int(st, 8);
	r->seed_cycle = sql_col_text(a, st, 9);
}

int store_plan_insert(store *s, const plan_row *r, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO plan (organisation_id, framework_hash, title, cycle, seeded_from,"
		" created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->organisation_id);
	sql_bind_text(st, 2, r->framework_hash);
	sql_bind_text(st, 3, r->title);
	sql_bind_text(st, 4, r->cycle);
	sql_bind_id(st, 5, r->seeded_from);
	sql_bind_text(st, 6, r->created_at);
	sql_bind_text(st, 7, r->updated_at ? r->updated_at : r->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_plan_get(store *s, arena *a, int64_t id, plan_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " PLAN_COLUMNS " WHERE p.id = ?", id, out, read_plan, e);
}

int store_plan_list(store *s, arena *a, int64_t org, plan_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " PLAN_COLUMNS
		" WHERE p.organisation_id = ? ORDER BY p.created_at DESC, p.id DESC",
			      org, out, read_plan, e);
}

int store_plan_touch(store *s, int64_t id, const char *now, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "UPDATE plan SET updated_at = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, now);
	sql_bind_int(st, 2, id);
	return sql_exec_stmt(s, st, e);
}

/* ---- statements, answers, aspects -------------------------------------- */

int store_plan_statement_put(store *s, const plan_statement_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO plan_statement (plan_id, element_key, strengths, areas, updated_at)"
		" VALUES (?, ?, ?, ?, ?)"
		" ON CONFLICT (plan_id, element_key) DO UPDATE SET strengths = excluded.strengths,"
		" areas = excluded.areas, updated_at = excluded.updated_at", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->plan_id);
	sql_bind_text(st, 2, r->element_key);
	sql_bind_text(st, 3, r->strengths ? r->strengths : "");
	sql_bind_text(st, 4, r->areas ? r->areas : "");
	sql_bind_text(st, 5, r->updated_at);
	return sql_exec_stmt(s, st, e);
}

static void read_statement(arena *a, sqlite3_stmt *st, void *row)
{
	plan_statement_row *r = row;
	r->plan_id = sql_col_int(st, 0);
	r->element_key = sql_col_text(a, st, 1);
	r->strengths = sql_col_text(a, st, 2);
	r->areas = sql_col_text(a, st, 3);
	r->updated_at = sql_col_text(a, st, 4);
}

int store_plan_statement_list(store *s, arena *a, int64_t plan, plan_statement_list *out,
			      err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT plan_id, element_key, strengths, areas, updated_at"
		" FROM plan_statement WHERE plan_id = ? ORDER BY element_key",
			      plan, out, read_statement, e);
}

int store_plan_answer_put(store *s, const plan_answer_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO plan_answer (plan_id, section_key, question_key, answer, updated_at)"
		" VALUES (?, ?, ?, ?, ?)"
		" ON CONFLICT (plan_id, section_key, question_key) DO UPDATE SET"
		" answer = excluded.answer, updated_at = excluded.updated_at", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->plan_id);
	sql_bind_text(st, 2, r->section_key);
	sql_bind_text(st, 3, r->question_key);
	sql_bind_text(st, 4, r->answer ? r->answer : "");
	sql_bind_text(st, 5, r->updated_at);
	return sql_exec_stmt(s, st, e);
}

static void read_answer(arena *a, sqlite3_stmt *st, void *row)
{
	plan_answer_row *r = row;
	r->plan_id = sql_col_int(st, 0);
	r->section_key = sql_col_text(a, st, 1);
	r->question_key = sql_col_text(a, st, 2);
	r->answer = sql_col_text(a, st, 3);
	r->updated_at = sql_col_text(a, st, 4);
}

int store_plan_answer_list(store *s, arena *a, int64_t plan, plan_answer_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT plan_id, section_key, question_key, answer, updated_at"
		" FROM plan_answer WHERE plan_id = ? ORDER BY section_key, question_key",
			      plan, out, read_answer, e);
}

int store_plan_aspect_put(store *s, const plan_aspect_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO plan_aspect (plan_id, aspect_key, note, updated_at) VALUES (?, ?, ?, ?)"
		" ON CONFLICT (plan_id, aspect_key) DO UPDATE SET note = excluded.note,"
		" updated_at = excluded.updated_at", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->plan_id);
	sql_bind_text(st, 2, r->aspect_key);
	sql_bind_text(st, 3, r->note ? r->note : "");
	sql_bind_text(st, 4, r->updated_at);
	return sql_exec_stmt(s, st, e);
}

static void read_aspect(arena *a, sqlite3_stmt *st, void *row)
{
	plan_aspect_row *r = row;
	r->plan_id = sql_col_int(st, 0);
	r->aspect_key = sql_col_text(a, st, 1);
	r->note = sql_col_text(a, st, 2);
	r->updated_at = sql_col_text(a, st, 3);
}

int store_plan_aspect_list(store *s, arena *a, int64_t plan, plan_aspect_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT plan_id, aspect_key, note, updated_at"
		" FROM plan_aspect WHERE plan_id = ? ORDER BY aspect_key",
			      plan, out, read_aspect, e);
}

/* ---- actions raised from a plan ---------------------------------------- */

int store_plan_action_link(store *s, int64_t action, int64_t plan, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "UPDATE action_item SET source_plan_id = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, plan);
	sql_bind_int(st, 2, action);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

static void read_plan_action(arena *a, sqlite3_stmt *st, void *row)
{
	plan_action_row *r = row;
	r->id = sql_col_int(st, 0);
	r->element_key = sql_col_text(a, st, 1);
	r->title = sql_col_text(a, st, 2);
	r->owner = sql_col_text(a, st, 3);
	r->due_on = sql_col_text(a, st, 4);
	r->status = sql_col_text(a, st, 5);
}

int store_plan_action_list(store *s, arena *a, int64_t plan, plan_action_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT id, source_element_key, title, owner, due_on, status"
		" FROM action_item WHERE source_plan_id = ? ORDER BY id",
			      plan, out, read_plan_action, e);
}

/* ---- seeding ----------------------------------------------------------- */

static void read_id(arena *a, sqlite3_stmt *st, void *row)
{
	(void)a;
	*(int64_t *)row = sql_col_int(st, 0);
}

int store_plan_latest_evaluation(store *s, int64_t org, const char *framework, int64_t *id,
				 err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT id FROM evaluation WHERE organisation_id = ? AND framework_id = ?"
		" ORDER BY cycle DESC, updated_at DESC, id DESC LIMIT 1", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, org);
	sql_bind_text(st, 2, framework);
	*id = 0;
	return sql_one(s, NULL, st, id, read_id, e);
}
