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

static void read_audit(arena *a, sqlite3_stmt *st, void *row)
{
	audit_row *r = row;
	r->id = sql_col_int(st, 0);
	r->organisation_id = sql_col_int(st, 1);
	r->framework_hash = sql_col_text(a, st, 2);
	r->project_id = sql_col_int(st, 3);
	r->first_id = sql_col_int(st, 4);
	r->version = (int)sql_col_int(st, 5);
	r->status = sql_col_text(a, st, 6);
	r->service_area = sql_col_text(a, st, 7);
	r->description = sql_col_text(a, st, 8);
	r->audit_date = sql_col_text(a, st, 9);
	r->outcome = sql_col_text(a, st, 10);
	r->outcome_reason = sql_col_text(a, st, 11);
	r->summary = sql_col_text(a, st, 12);
	r->next_steps = sql_col_text(a, st, 13);
	r->review_on = sql_col_text(a, st, 14);
	r->signed_by = sql_col_text(a, st, 15);
	r->signed_on = sql_col_text(a, st, 16);
	r->submitted_at = sql_col_text(a, st, 17);
	r->decided_at = sql_col_text(a, st, 18);
	r->created_at = sql_col_text(a, st, 19);
	r->updated_at = sql_col_text(a, st, 20);
	r->organisation_name = sql_col_text(a, st, 21);
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* The editable fields, bound from 1 to 12 in this order. */
static void bind_fields(sqlite3_stmt *st, const audit_row *r)
{
	sql_bind_id(st, 1, r->project_id);
	sql_bind_text(st, 2, or_empty(r->service_area));
	sql_bind_text(st, 3, or_empty(r->description));
	sql_bind_text(st, 4, r->audit_date);
	sql_bind_text(st, 5, r->outcome);
	sql_bind_text(st, 6, or_empty(r->outcome_reason));
	sql_bind_text(st, 7, or_empty(r->summary));
	sql_bind_text(st, 8, or_empty(r->next_steps));
	sql_bind_text(st, 9, r->review_on);
	sql_bind_text(st, 10, or_empty(r->signed_by));
	sql_bind_text(st, 11, r->signed_on);
	sql_bind_text(st, 12, r->updated_at ? r->updated_at : r->created_at);
}

int store_audit_insert(store *s, const audit_row *r, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO audit (project_id, service_area, description, audit_date, outcome,"
		" outcome_reason, summary, next_steps, review_on, signed_by, signed_on, updated_at,"
		" organisation_id, framework_hash, first_id, version, status, submitted_at,"
		" decided_at, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	bind_fields(st, r);
	sql_bind_int(st, 13, r->organisation_id);
	sql_bind_text(st, 14, r->framework_hash);
	sql_bind_id(st, 15, r->first_id);
	sql_bind_int(st, 16, r->version > 0 ? r->version : 1);
	sql_bind_text(st, 17, r->status ? r->status : "draft");
	sql_bind_text(st, 18, r->submitted_at);
	sql_bind_text(st, 19, r->decided_at);
	sql_bind_text(st, 20, r->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	if (r->first_id)
		return 0;
	st = sql_prepare(s, "UPDATE audit SET first_id = id WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, *id);
	return sql_exec_stmt(s, st, e);
}

int store_audit_update(store *s, const audit_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE audit SET project_id = ?, service_area = ?, description = ?, audit_date = ?,"
		" outcome = ?, outcome_reason = ?, summary = ?, next_steps = ?, review_on = ?,"
		" signed_by = ?, signed_on = ?, updated_at = ? WHERE id = ?", e);
	if (!st)
		return -1;
	bind_fields(st, r);
	sql_bind_int(st, 13, r->id);
	return sql_exec_stmt(s, st, e);
}

int store_audit_set_status(store *s, const audit_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE audit SET status = ?, submitted_at = ?, decided_at = ?, updated_at = ?"
		" WHERE id = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, r->status);
	sql_bind_text(st, 2, r->submitted_at);
	sql_bind_text(st, 3, r->decided_at);
	sql_bind_text(st, 4, r->updated_at);
	sql_bind_int(st, 5, r->id);
	return sql_exec_stmt(s, st, e);
}

int store_audit_get(store *s, arena *a, int64_t id, audit_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " AUDIT_COLUMNS " WHERE a.id = ?", id, out,
			     read_audit, e);
}

int store_audit_list_org(store *s, arena *a, int64_t org, audit_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " AUDIT_COLUMNS
		" WHERE a.organisation_id = ? ORDER BY a.first_id DESC, a.version DESC",
			      org, out, read_audit, e);
}

int store_audit_versions(store *s, arena *a, int64_t first_id, audit_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " AUDIT_COLUMNS
		" WHERE a.first_id = ? ORDER BY a.version",
			      first_id, out, read_audit, e);
}

int store_audit_queue(store *s, arena *a, int64_t area, audit_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " AUDIT_COLUMNS
		" WHERE o.area_id = ? AND a.status = 'submitted'"
		" ORDER BY a.submitted_at, a.id",
			      area, out, read_audit, e);
}

int store_audit_decided(store *s, arena *a, int64_t area, int limit, audit_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " AUDIT_COLUMNS
		" WHERE o.area_id = ? AND a.status IN ('returned', 'accepted')"
		" ORDER BY a.decided_at DESC, a.id DESC LIMIT ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, area);
	sql_bind_int(st, 2, limit);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_audit, e);
}

/* Runs one copy statement with `to` and `now` bound first, `from` last. */
static int copy_with(store *s, const char *sql, int64_t from, int64_t to, const char *now,
		     int n_params, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, sql, e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, to);
	if (n_params == 3)
		sql_bind_text(st, 2, now);
	sql_bind_int(st, n_params, from);
	return sql_exec_stmt(s, st, e);
}

int store_audit_copy_parts(store *s, int64_t from, int64_t to, const char *now, err *e)
{
	if (copy_with(s, "INSERT INTO audit_person (audit_id, position, name, designation)"
		      " SELECT ?, position, name, designation FROM audit_person WHERE audit_id = ?",
		      from, to, now, 2, e) < 0)
		return -1;
	/* Principles keep their own updated_at: the judgement was made then. */
	if (copy_with(s, "INSERT INTO audit_principle (audit_id, principle_key, level, score,"
		      " notes, updated_at) SELECT ?, principle_key, level, score, notes, updated_at"
		      " FROM audit_principle WHERE audit_id = ?",
		      from, to, now, 2, e) < 0)
		return -1;
	return copy_with(s, "INSERT INTO audit_evidence (audit_id, principle_key, evidence_id,"
			 " created_at) SELECT ?, principle_key, evidence_id, ?"
			 " FROM audit_evidence WHERE audit_id = ?",
			 from, to, now, 3, e);
}

/* ---- people ------------------------------------------------------------ */

static void read_person(arena *a, sqlite3_stmt *st, void *row)
{
	audit_person_row *r = row;
	r->audit_id = sql_col_int(st, 0);
	r->position = (int)sql_col_int(st, 1);
	r->name = sql_col_text(a, st, 2);
	r->designation = sql_col_text(a, st, 3);
}

int store_audit_person_add(store *s, const audit_person_row *p, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO audit_person (audit_id, position, name, designation)"
		" SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ? FROM audit_person"
		" WHERE audit_id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, p->audit_id);
	sql_bind_text(st, 2, p->name);
	sql_bind_text(st, 3, or_empty(p->designation));
	sql_bind_int(st, 4, p->audit_id);
	return sql_exec_stmt(s, st, e);
}

int store_audit_people_clear(store *s, int64_t audit, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "DELETE FROM audit_person WHERE audit_id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, audit);
	return sql_exec_stmt(s, st, e);
}

/* Answers whether the statement changed a row, or -1. */
static int exec_changes(store *s, sqlite3_stmt *st, err *e)
{
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

int store_audit_person_remove(store *s, int64_t audit, int position, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"DELETE FROM audit_person WHERE audit_id = ? AND position = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, audit);
	sql_bind_int(st, 2, position);
	return exec_changes(s, st, e);
}

int store_audit_person_list(store *s, arena *a, int64_t audit, audit_person_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT audit_id, position, name, designation"
		" FROM audit_person WHERE audit_id = ? ORDER BY position",
			      audit, out, read_person, e);
}

/* ---- principles and evidence ------------------------------------------- */

#define PRINCIPLE_COLUMNS \
	"audit_id, principle_key, level, score, notes, updated_at FROM audit_principle"

static void read_principle(arena *a, sqlite3_stmt *st, void *row)
{
	audit_principle_row *r = row;
	r->audit_id = sql_col_int(st, 0);
	r->principle_key = sql_col_text(a, st, 1);
	r->level = sql_col_text(a, st, 2);
	r->score = sqlite3_column_type(st, 3) == SQLITE_NULL ? AUDIT_NO_SCORE
							      : (int)sql_col_int(st, 3);
	r->notes = sql_col_text(a, st, 4);
	r->updated_at = sql_col_text(a, st, 5);
}

int store_audit_principle_put(store *s, const audit_principle_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO audit_principle (audit_id, principle_key, level, score, notes,"
		" updated_at) VALUES (?, ?, ?, ?, ?, ?)"
		" ON CONFLICT (audit_id, principle_key) DO UPDATE SET level = excluded.level,"
		" score = excluded.score, notes = excluded.notes, updated_at = excluded.updated_at",
		e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->audit_id);
	sql_bind_text(st, 2, r->principle_key);
	sql_bind_text(st, 3, r->level);
	if (r->score == AUDIT_NO_SCORE)
		sql_bind_null(st, 4);
	else
		sql_bind_int(st, 4, r->score);
	sql_bind_text(st, 5, or_empty(r->notes));
	sql_bind_text(st, 6, r->updated_at);
	return sql_exec_stmt(s, st, e);
}

int store_audit_principle_get(store *s, arena *a, int64_t audit, const char *principle,
			      audit_principle_row *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " PRINCIPLE_COLUMNS
		" WHERE audit_id = ? AND principle_key = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, audit);
	sql_bind_text(st, 2, principle);
	return sql_one(s, a, st, out, read_principle, e);
}

int store_audit_principle_list(store *s, arena *a, int64_t audit, audit_principle_list *out,
			       err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " PRINCIPLE_COLUMNS
		" WHERE audit_id = ? ORDER BY principle_key",
			      audit, out, read_principle, e);
}

static void read_audit_evidence(arena *a, sqlite3_stmt *st, void *row)
{
	audit_evidence_row *r = row;
	r->audit_id = sql_col_int(st, 0);
	r->principle_key = sql_col_text(a, st, 1);
	r->evidence_id = sql_col_int(st, 2);
	r->created_at = sql_col_text(a, st, 3);
	r->title = sql_col_text(a, st, 4);
	r->evidence_date = sql_col_text(a, st, 5);
	r->groups = (sql_col_int(st, 6) ? GROUP_CYP : 0) |
		    (sql_col_int(st, 7) ? GROUP_PARENTS : 0) |
		    (sql_col_int(st, 8) ? GROUP_PRACTITIONERS : 0);
}

int store_audit_evidence_add(store *s, const audit_evidence_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO audit_evidence (audit_id, principle_key, evidence_id, created_at)"
		" VALUES (?, ?, ?, ?) ON CONFLICT (audit_id, principle_key, evidence_id) DO NOTHING",
		e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->audit_id);
	sql_bind_text(st, 2, r->principle_key);
	sql_bind_int(st, 3, r->evidence_id);
	sql_bind_text(st, 4, r->created_at);
	return exec_changes(s, st, e);
}

int store_audit_evidence_remove(store *s, int64_t audit, const char *principle,
				int64_t evidence, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"DELETE FROM audit_evidence WHERE audit_id = ? AND principle_key = ?"
		" AND evidence_id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, audit);
	sql_bind_text(st, 2, principle);
	sql_bind_int(st, 3, evidence);
	return exec_changes(s, st, e);
}

int store_audit_evidence_list(store *s, arena *a, int64_t audit, audit_evidence_list *out,
			      err *e)
{
	return SQL_LIST_BY_ID(s, a,
		"SELECT l.audit_id, l.principle_key, l.evidence_id, l.created_at, v.title,"
		" v.evidence_date, v.with_cyp, v.with_parents, v.with_practitioners"
		" FROM audit_evidence l JOIN evidence v ON v.id = l.evidence_id"
		" WHERE l.audit_id = ? ORDER BY l.principle_key, v.evidence_date DESC, v.id",
			      audit, out, read_audit_evidence, e);
}

/* ---- events ------------------------------------------------------------ */

static void read_event(arena *a, sqlite3_stmt *st, void *row)
{
	audit_event_row *r = row;
	r->id = sql_col_int(st, 0);
	r->audit_id = sql_col_int(st, 1);
	r->at = sql_col_text(a, st, 2);
	r->user_id = sql_col_int(st, 3);
	r->user_name = sql_col_text(a, st, 4);
	r->status = sql_col_text(a, st, 5);
	r->comment = sql_col_text(a, st, 6);
}

int store_audit_event_insert(store *s, const audit_event_row *r, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO audit_event (audit_id, at, user_id, user_name, status, comment)"
		" VALUES (?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->audit_id);
	sql_bind_text(st, 2, r->at);
	sql_bind_id(st, 3, r->user_id);
	sql_bind_text(st, 4, or_empty(r->user_name));
	sql_bind_text(st, 5, r->status);
	sql_bind_text(st, 6, or_empty(r->comment));
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_audit_event_list(store *s, arena *a, int64_t audit, audit_event_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT id, audit_id, at, user_id, user_name, status, comment"
		" FROM audit_event WHERE audit_id = ? ORDER BY at, id",
			      audit, out, read_event, e);
}

/* ---- the linked project ------------------------------------------------ */

static void read_project(arena *a, sqlite3_stmt *st, void *row)
{
	audit_project_row *r = row;
	r->id = sql_col_int(st, 0);
	r->organisation_id = sql_col_int(st, 1);
	r->title = sql_col_text(a, st, 2);
	r->framework_id = sql_col_text(a, st, 3);
	r->framework_hash = sql_col_text(a, st, 4);
	r->steps_done = (int)sql_col_int(st, 5);
}

int store_audit_project(store *s, arena *a, int64_t project, audit_project_row *out, err *e)
{
	return sql_one_by_id(s, a,
		"SELECT p.id, p.organisation_id, p.title, p.framework_id, p.framework_hash,"
		" (SELECT COUNT(*) FROM project_step t WHERE t.project_id = p.id AND t.done = 1)"
		" FROM project p WHERE p.id = ?", project, out, read_project, e);
}

/* ---- area settings ----------------------------------------------------- */

static void read_setting(arena *a, sqlite3_stmt *st, void *row)
{
	area_setting_row *r = row;
	r->area_id = sql_col_int(st, 0);
	r->score_min = (int)sql_col_int(st, 1);
	r->score_max = (int)sql_col_int(st, 2);
	r->outcome_rule = sql_col_text(a, st, 3);
	r->updated_at = sql_col_text(a, st, 4);
}

int store_area_setting_get(store *s, arena *a, int64_t area, area_setting_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT area_id, score_min, score_max, outcome_rule, updated_at"
		" FROM area_setting WHERE area_id = ?", area, out, read_setting, e);
}

int store_area_setting_put(store *s, const area_setting_row *r, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO area_setting (area_id, score_min, score_max, outcome_rule, updated_at)"
		" VALUES (?, ?, ?, ?, ?) ON CONFLICT (area_id) DO UPDATE SET"
		" score_min = excluded.score_min, score_max = excluded.score_max,"
		" outcome_rule = excluded.outcome_rule, updated_at = excluded.updated_at", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, r->area_id);
	sql_bind_int(st, 2, r->score_min);
	sql_bind_int(st, 3, r->score_max);
	sql_bind_text(st, 4, r->outcome_rule);
	sql_bind_text(st, 5, r->updated_at);
	return sql_exec_stmt(s, st, e);
}

static void read_id(arena *a, sqlite3_stmt *st, void *row)
{
	(void)a;
	*(int64_t *)row = sql_col_int(st, 0);
}

int store_audit_area_find(store *s, const char *name, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT id FROM area WHERE name = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, name);
	return sql_one(s, NULL, st, id, read_id, e);
}
