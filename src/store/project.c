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

static const sql_col project_cols[] = {
	SQL_COL(project_row, id, I64), SQL_COL(project_row, organisation_id, I64),
	SQL_COL(project_row, framework_id, TEXT), SQL_COL(project_row, framework_hash, TEXT),
	SQL_COL(project_row, title, TEXT), SQL_COL(project_row, service_area, TEXT),
	SQL_COL(project_row, description, TEXT), SQL_COL(project_row, starts_on, TEXT),
	SQL_COL(project_row, ends_on, TEXT), SQL_COL(project_row, created_at, TEXT),
	SQL_COL(project_row, updated_at, TEXT), SQL_COL(project_row, steps_done, INT),
	SQL_TABLE_END,
};

int store_project_insert(store *s, const project_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO project (organisation_id, framework_id, framework_hash,"
		" title, service_area, description, starts_on, ends_on, created_at, updated_at)"
		" VALUES (:organisation_id, :framework_id, :framework_hash, :title,"
		" COALESCE(:service_area, ''), COALESCE(:description, ''), :starts_on, :ends_on,"
		" :created_at, COALESCE(:updated_at, :created_at))", SQL_ROW(project_cols, r), id, e);
}

int store_project_update(store *s, const project_row *r, err *e)
{
	return sql_run(s, "UPDATE project SET title = :title,"
		       " service_area = COALESCE(:service_area, ''),"
		       " description = COALESCE(:description, ''), starts_on = :starts_on,"
		       " ends_on = :ends_on, updated_at = :updated_at WHERE id = :id",
		       SQL_ROW(project_cols, r), e);
}

int store_project_touch(store *s, int64_t id, const char *now, err *e)
{
	return sql_run(s, "UPDATE project SET updated_at = ? WHERE id = ?",
		       SQL_ARGS(sql_text(now), sql_int(id)), e);
}

int store_project_get(store *s, arena *a, int64_t id, project_row *out, err *e)
{
	return sql_get(s, a, "SELECT " PROJECT_COLUMNS " WHERE p.id = ?", SQL_ID_ARG(id), out,
		       project_cols, e);
}

int store_project_list(store *s, arena *a, int64_t org, project_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " PROJECT_COLUMNS
			" WHERE p.organisation_id = ? ORDER BY p.starts_on DESC, p.id DESC",
			SQL_ID_ARG(org), out, project_cols, e);
}

/* ---- the people involved ----------------------------------------------- */

static const sql_col person_cols[] = {
	SQL_COL(project_person_row, project_id, I64), SQL_COL(project_person_row, position, INT),
	SQL_COL(project_person_row, name, TEXT), SQL_COL(project_person_row, role, TEXT),
	SQL_COL(project_person_row, partner_group, TEXT), SQL_TABLE_END,
};

int store_project_people_clear(store *s, int64_t project, err *e)
{
	return sql_run(s, "DELETE FROM project_person WHERE project_id = ?", SQL_ID_ARG(project), e);
}

int store_project_person_add(store *s, const project_person_row *p, err *e)
{
	return sql_run(s, "INSERT INTO project_person (project_id, position, name, role,"
		       " partner_group) VALUES (:project_id, (SELECT COALESCE(MAX(position), 0) + 1"
		       " FROM project_person WHERE project_id = :project_id), COALESCE(:name, ''),"
		       " COALESCE(:role, ''), :partner_group)", SQL_ROW(person_cols, p), e);
}

int store_project_person_list(store *s, arena *a, int64_t project, project_person_list *out,
			      err *e)
{
	return SQL_LIST(s, a, "SELECT project_id, position, name, role, partner_group"
			" FROM project_person WHERE project_id = ? ORDER BY position",
			SQL_ID_ARG(project), out, person_cols, e);
}

/* ---- steps, answers and evidence --------------------------------------- */

static const sql_col step_cols[] = {
	SQL_COL(project_step_row, project_id, I64), SQL_COL(project_step_row, step_key, TEXT),
	SQL_COL(project_step_row, done, BOOL), SQL_COL(project_step_row, done_on, TEXT),
	SQL_COL(project_step_row, note, TEXT), SQL_COL(project_step_row, updated_at, TEXT),
	SQL_TABLE_END,
};

int store_project_step_put(store *s, const project_step_row *r, err *e)
{
	return sql_run(s, "INSERT INTO project_step (project_id, step_key, done, done_on, note,"
		       " updated_at) VALUES (:project_id, :step_key, :done, :done_on,"
		       " COALESCE(:note, ''), :updated_at) ON CONFLICT (project_id, step_key)"
		       " DO UPDATE SET done = excluded.done, done_on = excluded.done_on,"
		       " note = excluded.note, updated_at = excluded.updated_at",
		       SQL_ROW(step_cols, r), e);
}

int store_project_step_list(store *s, arena *a, int64_t project, project_step_list *out,
			    err *e)
{
	return SQL_LIST(s, a, "SELECT project_id, step_key, done, done_on, note, updated_at"
			" FROM project_step WHERE project_id = ? ORDER BY step_key",
			SQL_ID_ARG(project), out, step_cols, e);
}

static const sql_col answer_cols[] = {
	SQL_COL(project_answer_row, project_id, I64), SQL_COL(project_answer_row, step_key, TEXT),
	SQL_COL(project_answer_row, question_key, TEXT), SQL_COL(project_answer_row, answer, TEXT),
	SQL_COL(project_answer_row, note, TEXT), SQL_COL(project_answer_row, updated_at, TEXT),
	SQL_TABLE_END,
};

int store_project_answer_put(store *s, const project_answer_row *r, err *e)
{
	return sql_run(s, "INSERT INTO project_answer (project_id, step_key, question_key, answer,"
		       " note, updated_at) VALUES (:project_id, :step_key, :question_key, :answer,"
		       " COALESCE(:note, ''), :updated_at)"
		       " ON CONFLICT (project_id, step_key, question_key) DO UPDATE SET"
		       " answer = excluded.answer, note = excluded.note,"
		       " updated_at = excluded.updated_at", SQL_ROW(answer_cols, r), e);
}

int store_project_answer_list(store *s, arena *a, int64_t project, project_answer_list *out,
			      err *e)
{
	return SQL_LIST(s, a, "SELECT project_id, step_key, question_key, answer, note, updated_at"
			" FROM project_answer WHERE project_id = ? ORDER BY step_key, question_key",
			SQL_ID_ARG(project), out, answer_cols, e);
}

static const sql_col evidence_cols[] = {
	SQL_COL(project_evidence_row, project_id, I64),
	SQL_COL(project_evidence_row, step_key, TEXT),
	SQL_COL(project_evidence_row, evidence_id, I64),
	SQL_COL(project_evidence_row, created_at, TEXT), SQL_COL(project_evidence_row, title, TEXT),
	SQL_COL(project_evidence_row, evidence_date, TEXT),
	SQL_GROUPS(project_evidence_row, groups), SQL_TABLE_END,
};

int store_project_evidence_add(store *s, const project_evidence_row *r, err *e)
{
	return sql_change(s, "INSERT INTO project_evidence (project_id, step_key, evidence_id,"
			  " created_at) VALUES (:project_id, :step_key, :evidence_id, :created_at)"
			  " ON CONFLICT (project_id, step_key, evidence_id) DO NOTHING",
			  SQL_ROW(evidence_cols, r), e);
}

int store_project_evidence_remove(store *s, int64_t project, const char *step,
				  int64_t evidence, err *e)
{
	return sql_change(s, "DELETE FROM project_evidence WHERE project_id = ? AND step_key = ?"
			  " AND evidence_id = ?",
			  SQL_ARGS(sql_int(project), sql_text(step), sql_int(evidence)), e);
}

int store_project_evidence_list(store *s, arena *a, int64_t project,
				project_evidence_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT l.project_id, l.step_key, l.evidence_id, l.created_at,"
		" v.title, v.evidence_date, v.with_cyp, v.with_parents, v.with_practitioners"
		" FROM project_evidence l JOIN evidence v ON v.id = l.evidence_id"
		" WHERE l.project_id = ? ORDER BY l.step_key, v.evidence_date, v.id",
		SQL_ID_ARG(project), out, evidence_cols, e);
}
