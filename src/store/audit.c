/* audit.c: York audits with their versions, people, principles, evidence
 * links and status events, the linked project's progress, and each area's
 * audit settings. */
#include "store/audit.h"
#include "store/sql.h"

#define AUDIT_COLUMNS \
	"a.id, a.organisation_id, a.framework_hash, a.project_id, a.first_id, a.version," \
	" a.status, a.service_area, a.description, a.audit_date, a.outcome, a.outcome_reason," \
	" a.summary, a.next_steps, a.review_on, a.signed_by, a.signed_on, a.submitted_at," \
	" a.decided_at, a.created_at, a.updated_at, o.name" \
	" FROM audit a JOIN organisation o ON o.id = a.organisation_id"

static const sql_col audit_cols[] = {
	SQL_COL(audit_row, id, I64), SQL_COL(audit_row, organisation_id, I64),
	SQL_COL(audit_row, framework_hash, TEXT), SQL_COL(audit_row, project_id, ID),
	SQL_COL(audit_row, first_id, ID), SQL_COL(audit_row, version, INT),
	SQL_COL(audit_row, status, TEXT), SQL_COL(audit_row, service_area, TEXT),
	SQL_COL(audit_row, description, TEXT), SQL_COL(audit_row, audit_date, TEXT),
	SQL_COL(audit_row, outcome, TEXT), SQL_COL(audit_row, outcome_reason, TEXT),
	SQL_COL(audit_row, summary, TEXT), SQL_COL(audit_row, next_steps, TEXT),
	SQL_COL(audit_row, review_on, TEXT), SQL_COL(audit_row, signed_by, TEXT),
	SQL_COL(audit_row, signed_on, TEXT), SQL_COL(audit_row, submitted_at, TEXT),
	SQL_COL(audit_row, decided_at, TEXT), SQL_COL(audit_row, created_at, TEXT),
	SQL_COL(audit_row, updated_at, TEXT), SQL_COL(audit_row, organisation_name, TEXT),
	SQL_TABLE_END,
};

/* The editable fields, as insert and update write them. */
#define AUDIT_FIELDS \
	"project_id = :project_id, service_area = COALESCE(:service_area, '')," \
	" description = COALESCE(:description, ''), audit_date = :audit_date," \
	" outcome = :outcome, outcome_reason = COALESCE(:outcome_reason, '')," \
	" summary = COALESCE(:summary, ''), next_steps = COALESCE(:next_steps, '')," \
	" review_on = :review_on, signed_by = COALESCE(:signed_by, ''), signed_on = :signed_on," \
	" updated_at = COALESCE(:updated_at, :created_at)"

int store_audit_insert(store *s, const audit_row *r, int64_t *id, err *e)
{
	if (sql_insert(s, "INSERT INTO audit (project_id, service_area, description, audit_date,"
		" outcome, outcome_reason, summary, next_steps, review_on, signed_by, signed_on,"
		" updated_at, organisation_id, framework_hash, first_id, version, status,"
		" submitted_at, decided_at, created_at)"
		" VALUES (:project_id, COALESCE(:service_area, ''), COALESCE(:description, ''),"
		" :audit_date, :outcome, COALESCE(:outcome_reason, ''), COALESCE(:summary, ''),"
		" COALESCE(:next_steps, ''), :review_on, COALESCE(:signed_by, ''), :signed_on,"
		" COALESCE(:updated_at, :created_at), :organisation_id, :framework_hash, :first_id,"
		" CASE WHEN :version > 0 THEN :version ELSE 1 END, COALESCE(:status, 'draft'),"
		" :submitted_at, :decided_at, :created_at)", SQL_ROW(audit_cols, r), id, e) < 0)
		return -1;
	if (r->first_id)
		return 0;
	return sql_run(s, "UPDATE audit SET first_id = id WHERE id = ?", SQL_ID_ARG(*id), e);
}

int store_audit_update(store *s, const audit_row *r, err *e)
{
	return sql_run(s, "UPDATE audit SET " AUDIT_FIELDS " WHERE id = :id",
		       SQL_ROW(audit_cols, r), e);
}

int store_audit_set_status(store *s, const audit_row *r, err *e)
{
	return sql_run(s, "UPDATE audit SET status = :status, submitted_at = :submitted_at,"
		       " decided_at = :decided_at, updated_at = :updated_at WHERE id = :id",
		       SQL_ROW(audit_cols, r), e);
}

int store_audit_get(store *s, arena *a, int64_t id, audit_row *out, err *e)
{
	return sql_get(s, a, "SELECT " AUDIT_COLUMNS " WHERE a.id = ?", SQL_ID_ARG(id), out,
		       audit_cols, e);
}

int store_audit_list_org(store *s, arena *a, int64_t org, audit_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " AUDIT_COLUMNS
		" WHERE a.organisation_id = ? ORDER BY a.first_id DESC, a.version DESC",
		SQL_ID_ARG(org), out, audit_cols, e);
}

int store_audit_versions(store *s, arena *a, int64_t first_id, audit_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " AUDIT_COLUMNS " WHERE a.first_id = ? ORDER BY a.version",
			SQL_ID_ARG(first_id), out, audit_cols, e);
}

int store_audit_queue(store *s, arena *a, int64_t area, audit_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " AUDIT_COLUMNS
		" WHERE o.area_id = ? AND a.status = 'submitted' ORDER BY a.submitted_at, a.id",
		SQL_ID_ARG(area), out, audit_cols, e);
}

int store_audit_queue_count(store *s, int64_t area, int64_t *n, err *e)
{
	return sql_get_int(s, "SELECT COUNT(*) FROM audit a JOIN organisation o ON o.id = a.organisation_id"
		" WHERE o.area_id = ? AND a.status = 'submitted'", SQL_ID_ARG(area), n, e);
}

int store_audit_decided(store *s, arena *a, int64_t area, int limit, audit_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " AUDIT_COLUMNS
		" WHERE o.area_id = ? AND a.status IN ('returned', 'accepted')"
		" ORDER BY a.decided_at DESC, a.id DESC LIMIT ?",
		SQL_ARGS(sql_int(area), sql_int(limit)), out, audit_cols, e);
}

/* Principles keep their own updated_at: the judgement was made then. */
int store_audit_copy_parts(store *s, int64_t from, int64_t to, const char *now, err *e)
{
	if (sql_run(s, "INSERT INTO audit_person (audit_id, position, name, designation)"
		    " SELECT ?, position, name, designation FROM audit_person WHERE audit_id = ?",
		    SQL_ARGS(sql_int(to), sql_int(from)), e) < 0 ||
	    sql_run(s, "INSERT INTO audit_principle (audit_id, principle_key, level, score,"
		    " notes, updated_at) SELECT ?, principle_key, level, score, notes, updated_at"
		    " FROM audit_principle WHERE audit_id = ?",
		    SQL_ARGS(sql_int(to), sql_int(from)), e) < 0)
		return -1;
	return sql_run(s, "INSERT INTO audit_evidence (audit_id, principle_key, evidence_id,"
		       " created_at) SELECT ?, principle_key, evidence_id, ?"
		       " FROM audit_evidence WHERE audit_id = ?",
		       SQL_ARGS(sql_int(to), sql_text(now), sql_int(from)), e);
}

/* ---- people ------------------------------------------------------------ */

static const sql_col person_cols[] = {
	SQL_COL(audit_person_row, audit_id, I64), SQL_COL(audit_person_row, position, INT),
	SQL_COL(audit_person_row, name, TEXT), SQL_COL(audit_person_row, designation, TEXT),
	SQL_TABLE_END,
};

int store_audit_person_add(store *s, const audit_person_row *p, err *e)
{
	return sql_run(s, "INSERT INTO audit_person (audit_id, position, name, designation)"
		       " SELECT :audit_id, COALESCE(MAX(position), 0) + 1, :name,"
		       " COALESCE(:designation, '') FROM audit_person WHERE audit_id = :audit_id",
		       SQL_ROW(person_cols, p), e);
}

int store_audit_people_clear(store *s, int64_t audit, err *e)
{
	return sql_run(s, "DELETE FROM audit_person WHERE audit_id = ?", SQL_ID_ARG(audit), e);
}

int store_audit_person_remove(store *s, int64_t audit, int position, err *e)
{
	return sql_change(s, "DELETE FROM audit_person WHERE audit_id = ? AND position = ?",
			  SQL_ARGS(sql_int(audit), sql_int(position)), e);
}

int store_audit_person_list(store *s, arena *a, int64_t audit, audit_person_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT audit_id, position, name, designation"
		" FROM audit_person WHERE audit_id = ? ORDER BY position", SQL_ID_ARG(audit), out,
		person_cols, e);
}

/* ---- principles and evidence ------------------------------------------- */

#define PRINCIPLE_COLUMNS \
	"audit_id, principle_key, level, score, notes, updated_at, area_comment FROM audit_principle"

_Static_assert(AUDIT_NO_SCORE == SQL_NONE, "a missing score reads and binds as SQL NULL");

static const sql_col principle_cols[] = {
	SQL_COL(audit_principle_row, audit_id, I64),
	SQL_COL(audit_principle_row, principle_key, TEXT),
	SQL_COL(audit_principle_row, level, TEXT), SQL_COL(audit_principle_row, score, INT_OR_NONE),
	SQL_COL(audit_principle_row, notes, TEXT), SQL_COL(audit_principle_row, updated_at, TEXT),
	SQL_COL(audit_principle_row, area_comment, TEXT), SQL_TABLE_END,
};

int store_audit_principle_put(store *s, const audit_principle_row *r, err *e)
{
	return sql_run(s, "INSERT INTO audit_principle (audit_id, principle_key, level, score,"
		" notes, updated_at, area_comment) VALUES (:audit_id, :principle_key, :level, :score,"
		" COALESCE(:notes, ''), :updated_at, COALESCE(:area_comment, ''))"
		" ON CONFLICT (audit_id, principle_key) DO UPDATE SET level = excluded.level,"
		" score = excluded.score, notes = excluded.notes, updated_at = excluded.updated_at,"
		" area_comment = excluded.area_comment",
		SQL_ROW(principle_cols, r), e);
}

int store_audit_principle_comment(store *s, int64_t audit, const char *principle,
				  const char *comment, err *e)
{
	return sql_change(s, "UPDATE audit_principle SET area_comment = ?"
			  " WHERE audit_id = ? AND principle_key = ?",
			  SQL_ARGS(sql_text(comment), sql_int(audit), sql_text(principle)), e);
}

int store_audit_principle_get(store *s, arena *a, int64_t audit, const char *principle,
			      audit_principle_row *out, err *e)
{
	return sql_get(s, a, "SELECT " PRINCIPLE_COLUMNS " WHERE audit_id = ? AND principle_key = ?",
		       SQL_ARGS(sql_int(audit), sql_text(principle)), out, principle_cols, e);
}

int store_audit_principle_list(store *s, arena *a, int64_t audit, audit_principle_list *out,
			       err *e)
{
	return SQL_LIST(s, a, "SELECT " PRINCIPLE_COLUMNS " WHERE audit_id = ? ORDER BY principle_key",
			SQL_ID_ARG(audit), out, principle_cols, e);
}

static const sql_col audit_evidence_cols[] = {
	SQL_COL(audit_evidence_row, audit_id, I64),
	SQL_COL(audit_evidence_row, principle_key, TEXT),
	SQL_COL(audit_evidence_row, evidence_id, I64), SQL_COL(audit_evidence_row, created_at, TEXT),
	SQL_COL(audit_evidence_row, title, TEXT), SQL_COL(audit_evidence_row, evidence_date, TEXT),
	SQL_GROUPS(audit_evidence_row, groups), SQL_TABLE_END,
};

int store_audit_evidence_add(store *s, const audit_evidence_row *r, err *e)
{
	return sql_change(s, "INSERT INTO audit_evidence (audit_id, principle_key, evidence_id,"
			  " created_at) VALUES (:audit_id, :principle_key, :evidence_id, :created_at)"
			  " ON CONFLICT (audit_id, principle_key, evidence_id) DO NOTHING",
			  SQL_ROW(audit_evidence_cols, r), e);
}

int store_audit_evidence_remove(store *s, int64_t audit, const char *principle,
				int64_t evidence, err *e)
{
	return sql_change(s, "DELETE FROM audit_evidence WHERE audit_id = ? AND principle_key = ?"
			  " AND evidence_id = ?",
			  SQL_ARGS(sql_int(audit), sql_text(principle), sql_int(evidence)), e);
}

int store_audit_evidence_list(store *s, arena *a, int64_t audit, audit_evidence_list *out,
			      err *e)
{
	return SQL_LIST(s, a,
		"SELECT l.audit_id, l.principle_key, l.evidence_id, l.created_at, v.title,"
		" v.evidence_date, v.with_cyp, v.with_parents, v.with_practitioners"
		" FROM audit_evidence l JOIN evidence v ON v.id = l.evidence_id"
		" WHERE l.audit_id = ? ORDER BY l.principle_key, v.evidence_date DESC, v.id",
		SQL_ID_ARG(audit), out, audit_evidence_cols, e);
}

/* ---- events ------------------------------------------------------------ */

static const sql_col event_cols[] = {
	SQL_COL(audit_event_row, id, I64), SQL_COL(audit_event_row, audit_id, I64),
	SQL_COL(audit_event_row, at, TEXT), SQL_COL(audit_event_row, user_id, ID),
	SQL_COL(audit_event_row, user_name, TEXT), SQL_COL(audit_event_row, status, TEXT),
	SQL_COL(audit_event_row, comment, TEXT), SQL_TABLE_END,
};

int store_audit_event_insert(store *s, const audit_event_row *r, int64_t *id, err *e)
{
	int64_t made;
	if (sql_insert(s, "INSERT INTO audit_event (audit_id, at, user_id, user_name, status,"
		       " comment) VALUES (:audit_id, :at, :user_id, COALESCE(:user_name, ''),"
		       " :status, COALESCE(:comment, ''))", SQL_ROW(event_cols, r), &made, e) < 0)
		return -1;
	if (id)
		*id = made;
	return 0;
}

int store_audit_event_list(store *s, arena *a, int64_t audit, audit_event_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT id, audit_id, at, user_id, user_name, status, comment"
		" FROM audit_event WHERE audit_id = ? ORDER BY at, id", SQL_ID_ARG(audit), out,
		event_cols, e);
}

/* ---- the linked project ------------------------------------------------ */

static const sql_col project_cols[] = {
	SQL_COL(audit_project_row, id, I64), SQL_COL(audit_project_row, organisation_id, I64),
	SQL_COL(audit_project_row, title, TEXT), SQL_COL(audit_project_row, framework_id, TEXT),
	SQL_COL(audit_project_row, framework_hash, TEXT),
	SQL_COL(audit_project_row, steps_done, INT), SQL_TABLE_END,
};

int store_audit_project(store *s, arena *a, int64_t project, audit_project_row *out, err *e)
{
	return sql_get(s, a,
		"SELECT p.id, p.organisation_id, p.title, p.framework_id, p.framework_hash,"
		" (SELECT COUNT(*) FROM project_step t WHERE t.project_id = p.id AND t.done = 1)"
		" FROM project p WHERE p.id = ?", SQL_ID_ARG(project), out, project_cols, e);
}

/* ---- area settings ----------------------------------------------------- */

static const sql_col setting_cols[] = {
	SQL_COL(area_setting_row, area_id, I64), SQL_COL(area_setting_row, score_min, INT),
	SQL_COL(area_setting_row, score_max, INT), SQL_COL(area_setting_row, outcome_rule, TEXT),
	SQL_COL(area_setting_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_area_setting_get(store *s, arena *a, int64_t area, area_setting_row *out, err *e)
{
	return sql_get(s, a, "SELECT area_id, score_min, score_max, outcome_rule, updated_at"
		       " FROM area_setting WHERE area_id = ?", SQL_ID_ARG(area), out, setting_cols, e);
}

int store_area_setting_put(store *s, const area_setting_row *r, err *e)
{
	return sql_run(s, "INSERT INTO area_setting (area_id, score_min, score_max, outcome_rule,"
		" updated_at) VALUES (:area_id, :score_min, :score_max, :outcome_rule, :updated_at)"
		" ON CONFLICT (area_id) DO UPDATE SET score_min = excluded.score_min,"
		" score_max = excluded.score_max, outcome_rule = excluded.outcome_rule,"
		" updated_at = excluded.updated_at", SQL_ROW(setting_cols, r), e);
}
