/* project.c: service development projects, the people involved, and each
 * step's record, answers and evidence links. */
#include "store/project.h"
#include "store/sql.h"

/* The count of done steps comes with every read, so lists and the area's
 * pages need no second query per project. */
#define PROJECT_COLUMNS \
	"p.id, p.organisation_id, p.framework_id, p.framework_hash, p.title, p.service_area," \
	" p.description, p.starts_on, p.ends_on, p.created_at, p.updated_at," \
	" (SELECT COUNT(*) FROM project_step s WHERE s.project_id = p.id AND s.done = 1)" \
	" FROM project p"

static void read_project(arena *a, sqlite3_stmt *st, void *row)
{
	project_row *r = row;
	r->id = sql_col_int(st, 0);
	r->organisation_id = sql_col_int(st, 1);
	r->framework_id = sql_col_text(a, st, 2);
	r->framework_hash = sql_col_text(a, st, 3);
	r->title = sql_col_text(a, st, 4);
	r->service_area = sql_col_text(a, st, 5);
	r->description = sql_col_text(a, st, 6);
	r->starts_on = sql_col_text(a, st, 7);
	r->ends_on = sql_col_text(a, st, 8);
	r->created_at = sql_col_text(a, st, 9);
	r->updated_at = sql_col_text(a, st, 10);
	r->steps_done = (int)sql_col_int(st, 11);
}

static int exec_changes(store *s, sqlite3_stmt *st, err *e)
{
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

int store_project_insert(store *s, const project_row *r, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO project (organisation_id, framework_id, framework_hash, title,"
		" service_area, description, starts_on, ends_on, created_at, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->organisation_id);
	sql_bind_text(st, 2, r->framework_id);
	sql_bind_text(st, 3, r->framework_hash);
	sql_bind_text(st, 4, r->title);
	sql_bind_text(st, 5, r->service_area ? r->service_area : "");
	sql_bind_text(st, 6, r->description ? r->description : "");
	sql_bind_text(st, 7, r->starts_on);
	sql_bind_text(st, 8, r->ends_on);
	sql_bind_text(st, 9, r->created_at);
	sql_bind_text(st, 10, r->updated_at ? r->updated_at : r->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_project_update(store *s, const project_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE project SET title = ?, service_area = ?, description = ?, starts_on = ?,"
		" ends_on = ?, updated_at = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, r->title);
	sql_bind_text(st, 2, r->service_area ? r->service_area : "");
	sql_bind_text(st, 3, r->description ? r->description : "");
	sql_bind_text(st, 4, r->starts_on);
	sql_bind_text(st, 5, r->ends_on);
	sql_bind_text(st, 6, r->updated_at);
	sql_bind_int(st, 7, r->id);
	return sql_exec_stmt(s, st, e);
}

int store_project_touch(store *s, int64_t id, const char *now, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "UPDATE project SET updated_at = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, now);
	sql_bind_int(st, 2, id);
	return sql_exec_stmt(s, st, e);
}

int store_project_get(store *s, arena *a, int64_t id, project_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " PROJECT_COLUMNS " WHERE p.id = ?", id, out,
			     read_project, e);
}

int store_project_list(store *s, arena *a, int64_t org, project_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " PROJECT_COLUMNS
		" WHERE p.organisation_id = ? ORDER BY p.starts_on DESC, p.id DESC",
			      org, out, read_project, e);
}

/* ---- the people involved ----------------------------------------------- */

int store_project_people_clear(store *s, int64_t project, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "DELETE FROM project_person WHERE project_id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, project);
	return sql_exec_stmt(s, st, e);
}

int store_project_person_add(store *s, const project_person_row *p, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO project_person (project_id, position, name, role, partner_group)"
		" VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM project_person"
		" WHERE project_id = ?), ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, p->project_id);
	sql_bind_int(st, 2, p->project_id);
	sql_bind_text(st, 3, p->name ? p->name : "");
	sql_bind_text(st, 4, p->role ? p->role : "");
	sql_bind_text(st, 5, p->partner_group);
	return sql_exec_stmt(s, st, e);
}

static void read_person(arena *a, sqlite3_stmt *st, void *row)
{
	project_person_row *p = row;
	p->project_id = sql_col_int(st, 0);
	p->position = (int)sql_col_int(st, 1);
	p->name = sql_col_text(a, st, 2);
	p->role = sql_col_text(a, st, 3);
	p->partner_group = sql_col_text(a, st, 4);
}

int store_project_person_list(store *s, arena *a, int64_t project, project_person_list *out,
			      err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT project_id, position, name, role, partner_group"
		" FROM project_person WHERE project_id = ? ORDER BY position",
			      project, out, read_person, e);
}

/* ---- steps, answers and evidence --------------------------------------- */

int store_project_step_put(store *s, const project_step_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO project_step (project_id, step_key, done, done_on, note, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?)"
		" ON CONFLICT (project_id, step_key) DO UPDATE SET done = excluded.done,"
		" done_on = excluded.done_on, note = excluded.note, updated_at = excluded.updated_at", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->project_id);
	sql_bind_text(st, 2, r->step_key);
	sql_bind_int(st, 3, r->done ? 1 : 0);
	sql_bind_text(st, 4, r->done_on);
	sql_bind_text(st, 5, r->note ? r->note : "");
	sql_bind_text(st, 6, r->updated_at);
	return sql_exec_stmt(s, st, e);
}

static void read_step(arena *a, sqlite3_stmt *st, void *row)
{
	project_step_row *r = row;
	r->project_id = sql_col_int(st, 0);
	r->step_key = sql_col_text(a, st, 1);
	r->done = sql_col_int(st, 2) != 0;
	r->done_on = sql_col_text(a, st, 3);
	r->note = sql_col_text(a, st, 4);
	r->updated_at = sql_col_text(a, st, 5);
}

int store_project_step_list(store *s, arena *a, int64_t project, project_step_list *out,
			    err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT project_id, step_key, done, done_on, note, updated_at"
		" FROM project_step WHERE project_id = ? ORDER BY step_key",
			      project, out, read_step, e);
}

int store_project_answer_put(store *s, const project_answer_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO project_answer (project_id, step_key, question_key, answer, note,"
		" updated_at) VALUES (?, ?, ?, ?, ?, ?)"
		" ON CONFLICT (project_id, step_key, question_key) DO UPDATE SET"
		" answer = excluded.answer, note = excluded.note, updated_at = excluded.updated_at", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->project_id);
	sql_bind_text(st, 2, r->step_key);
	sql_bind_text(st, 3, r->question_key);
	sql_bind_text(st, 4, r->answer);
	sql_bind_text(st, 5, r->note ? r->note : "");
	sql_bind_text(st, 6, r->updated_at);
	return sql_exec_stmt(s, st, e);
}

static void read_answer(arena *a, sqlite3_stmt *st, void *row)
{
	project_answer_row *r = row;
	r->project_id = sql_col_int(st, 0);
	r->step_key = sql_col_text(a, st, 1);
	r->question_key = sql_col_text(a, st, 2);
	r->answer = sql_col_text(a, st, 3);
	r->note = sql_col_text(a, st, 4);
	r->updated_at = sql_col_text(a, st, 5);
}

int store_project_answer_list(store *s, arena *a, int64_t project, project_answer_list *out,
			      err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT project_id, step_key, question_key, answer, note,"
		" updated_at FROM project_answer WHERE project_id = ? ORDER BY step_key, question_key",
			      project, out, read_answer, e);
}

int store_project_evidence_add(store *s, const project_evidence_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO project_evidence (project_id, step_key, evidence_id, created_at)"
		" VALUES (?, ?, ?, ?) ON CONFLICT (project_id, step_key, evidence_id) DO NOTHING", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->project_id);
	sql_bind_text(st, 2, r->step_key);
	sql_bind_int(st, 3, r->evidence_id);
	sql_bind_text(st, 4, r->created_at);
	return exec_changes(s, st, e);
}

int store_project_evidence_remove(store *s, int64_t project, const char *step,
				  int64_t evidence, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"DELETE FROM project_evidence WHERE project_id = ? AND step_key = ?"
		" AND evidence_id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, project);
	sql_bind_text(st, 2, step);
	sql_bind_int(st, 3, evidence);
	return exec_changes(s, st, e);
}

static void read_evidence_link(arena *a, sqlite3_stmt *st, void *row)
{
	project_evidence_row *r = row;
	r->project_id = sql_col_int(st, 0);
	r->step_key = sql_col_text(a, st, 1);
	r->evidence_id = sql_col_int(st, 2);
	r->created_at = sql_col_text(a, st, 3);
	r->title = sql_col_text(a, st, 4);
	r->evidence_date = sql_col_text(a, st, 5);
	r->groups = (sql_col_int(st, 6) ? GROUP_CYP : 0) |
		    (sql_col_int(st, 7) ? GROUP_PARENTS : 0) |
		    (sql_col_int(st, 8) ? GROUP_PRACTITIONERS : 0);
}

int store_project_evidence_list(store *s, arena *a, int64_t project,
				project_evidence_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT l.project_id, l.step_key, l.evidence_id, l.created_at,"
		" v.title, v.evidence_date, v.with_cyp, v.with_parents, v.with_practitioners"
		" FROM project_evidence l JOIN evidence v ON v.id = l.evidence_id"
		" WHERE l.project_id = ? ORDER BY l.step_key, v.evidence_date, v.id",
			      project, out, read_evidence_link, e);
}
