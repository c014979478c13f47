/* area_data.c: the queries behind an area's exports and API, each one
 * statement over the whole area whose rows go straight to a callback. */
#include "store/area_data.h"

#include "store/sql.h"

/* Callbacks travel as this generic type (the one function pointer type
 * C lets any other convert to and back); each pump knows the real one. */
typedef void (*any_fn)(void);

/* Hands a row read to the callback of its type; answers its result. */
typedef int (*row_pump)(any_fn fn, void *ctx, const void *row, err *e);

#define PUMP(name, fn_type) \
	static int name(any_fn fn, void *ctx, const void *row, err *e) \
	{ return ((fn_type)fn)(ctx, row, e); }

/* Runs the query and hands every row, read into `row` with its strings
 * still in the engine's buffers, to the callback: -1 when SQLite or the
 * callback failed. */
static int stream(store *s, const char *sql, const sql_in *in, void *row, const sql_col *cols,
		  row_pump pump, any_fn fn, void *ctx, err *e)
{
	sql_stmt *st = sql_prepare(s, sql, e);
	if (!st)
		return -1;
	sql_bind_in(st, in);
	int rc;
	while ((rc = sql_step(s, st, e)) == SQL_STEP_ROW) {
		sql_read_row(NULL, st, row, cols);
		if (pump(fn, ctx, row, e) < 0) {
			sql_done(s, st);
			return -1;
		}
	}
	sql_done(s, st);
	return rc < 0 ? -1 : 0;
}

/* ---- organisations --------------------------------------------------- */

static const sql_col org_cols[] = {
	SQL_COL(export_org_row, id, I64), SQL_COL(export_org_row, name, TEXT),
	SQL_COL(export_org_row, sector, TEXT), SQL_COL(export_org_row, type, TEXT),
	SQL_COL(export_org_row, urn, TEXT), SQL_COL(export_org_row, la_code, TEXT), SQL_TABLE_END,
};

PUMP(pump_org, export_org_fn)

int store_export_orgs(store *s, int64_t area, export_org_fn fn, void *ctx, err *e)
{
	export_org_row r = {0};
	return stream(s, "SELECT id, name, sector, type, urn, la_code FROM organisation"
		      " WHERE area_id = ? ORDER BY name, id", SQL_ID_ARG(area), &r, org_cols,
		      pump_org, (any_fn)fn, ctx, e);
}

/* ---- audits and their levels ----------------------------------------- */

/* The audit versions an area sees: not drafts, of its organisations,
 * narrowed by the filter's :since and :audit. */
#define AREA_AUDITS_WHERE_JOINED \
	" WHERE o.area_id = ? AND a.status <> 'draft'" \
	" AND (CAST(:since AS TEXT) IS NULL OR a.submitted_at >= :since OR a.decided_at >= :since)" \
	" AND (:audit = 0 OR a.id = :audit)"

static const sql_col filter_cols[] = {
	SQL_COL(export_audit_filter, since, TEXT), SQL_COL(export_audit_filter, audit, I64),
	SQL_TABLE_END,
};

static const export_audit_filter *filter_or_none(const export_audit_filter *f)
{
	static const export_audit_filter none;
	return f ? f : &none;
}

static const sql_col audit_cols[] = {
	SQL_COL(export_audit_row, id, I64), SQL_COL(export_audit_row, first_id, I64),
	SQL_COL(export_audit_row, version, I64), SQL_COL(export_audit_row, organisation_id, I64),
	SQL_COL(export_audit_row, project_id, I64),
	SQL_COL(export_audit_row, organisation_name, TEXT),
	SQL_COL(export_audit_row, framework_hash, TEXT), SQL_COL(export_audit_row, status, TEXT),
	SQL_COL(export_audit_row, service_area, TEXT),
	SQL_COL(export_audit_row, description, TEXT), SQL_COL(export_audit_row, audit_date, TEXT),
	SQL_COL(export_audit_row, outcome, TEXT), SQL_COL(export_audit_row, outcome_reason, TEXT),
	SQL_COL(export_audit_row, summary, TEXT), SQL_COL(export_audit_row, next_steps, TEXT),
	SQL_COL(export_audit_row, review_on, TEXT), SQL_COL(export_audit_row, signed_by, TEXT),
	SQL_COL(export_audit_row, signed_on, TEXT), SQL_COL(export_audit_row, submitted_at, TEXT),
	SQL_COL(export_audit_row, decided_at, TEXT), SQL_COL(export_audit_row, latest, BOOL),
	SQL_TABLE_END,
};

PUMP(pump_audit, export_audit_fn)

int store_export_audits(store *s, int64_t area, const export_audit_filter *f, export_audit_fn fn,
		      void *ctx, err *e)
{
	/* A first version may keep first_id NULL: it is then its own. */
	export_audit_row r = {0};
	return stream(s,
		"SELECT a.id, COALESCE(a.first_id, a.id), a.version, a.organisation_id,"
		" COALESCE(a.project_id, 0), o.name, a.framework_hash, a.status, a.service_area,"
		" a.description, a.audit_date, a.outcome, a.outcome_reason, a.summary, a.next_steps,"
		" a.review_on, a.signed_by, a.signed_on, a.submitted_at, a.decided_at,"
		" NOT EXISTS (SELECT 1 FROM audit b WHERE b.first_id = COALESCE(a.first_id, a.id)"
		"   AND b.version > a.version AND b.status <> 'draft')"
		" FROM audit a JOIN organisation o ON o.id = a.organisation_id"
		AREA_AUDITS_WHERE_JOINED
		" ORDER BY o.name, a.organisation_id, COALESCE(a.first_id, a.id), a.version",
		SQL_ROW_ARGS(filter_cols, filter_or_none(f), sql_int(area)), &r, audit_cols,
		pump_audit, (any_fn)fn, ctx, e);
}

static const sql_col level_cols[] = {
	SQL_COL(export_level_row, audit_id, I64), SQL_COL(export_level_row, organisation_id, I64),
	SQL_COL(export_level_row, principle_key, TEXT), SQL_COL(export_level_row, level, TEXT),
	SQL_OPT(export_level_row, score, has_score, I64), SQL_COL(export_level_row, notes, TEXT),
	SQL_TABLE_END,
};

PUMP(pump_level, export_level_fn)

int store_export_levels(store *s, int64_t area, const export_audit_filter *f, export_level_fn fn,
		      void *ctx, err *e)
{
	/* Principle keys are numbers in York's audit: shorter first puts
	 * "10" after "9" without a cast that PostgreSQL would refuse on a
	 * key that is not a number. */
	export_level_row r = {0};
	return stream(s,
		"SELECT p.audit_id, a.organisation_id, p.principle_key, p.level, p.score, p.notes"
		" FROM audit_principle p JOIN audit a ON a.id = p.audit_id"
		" JOIN organisation o ON o.id = a.organisation_id"
		AREA_AUDITS_WHERE_JOINED
		" ORDER BY p.audit_id, LENGTH(p.principle_key), p.principle_key",
		SQL_ROW_ARGS(filter_cols, filter_or_none(f), sql_int(area)), &r, level_cols,
		pump_level, (any_fn)fn, ctx, e);
}

/* ---- projects -------------------------------------------------------- */

static const sql_col project_cols[] = {
	SQL_COL(export_project_row, id, I64), SQL_COL(export_project_row, organisation_id, I64),
	SQL_COL(export_project_row, organisation_name, TEXT),
	SQL_COL(export_project_row, framework_id, TEXT),
	SQL_COL(export_project_row, framework_hash, TEXT), SQL_COL(export_project_row, title, TEXT),
	SQL_COL(export_project_row, service_area, TEXT),
	SQL_COL(export_project_row, starts_on, TEXT), SQL_COL(export_project_row, ends_on, TEXT),
	SQL_COL(export_project_row, steps_done, I64), SQL_TABLE_END,
};

PUMP(pump_project, export_project_fn)

int store_export_projects(store *s, int64_t area, export_project_fn fn, void *ctx, err *e)
{
	export_project_row r = {0};
	return stream(s,
		"SELECT p.id, p.organisation_id, o.name, p.framework_id, p.framework_hash, p.title,"
		" p.service_area, p.starts_on, p.ends_on,"
		" (SELECT COUNT(*) FROM project_step ps WHERE ps.project_id = p.id AND ps.done = 1)"
		" FROM project p JOIN organisation o ON o.id = p.organisation_id"
		" WHERE o.area_id = ?"
		" ORDER BY o.name, p.organisation_id, p.starts_on, p.id", SQL_ID_ARG(area), &r,
		project_cols, pump_project, (any_fn)fn, ctx, e);
}

/* ---- one audit's people and history ---------------------------------- */

static const sql_col person_cols[] = {
	SQL_COL(export_person_row, position, I64), SQL_COL(export_person_row, name, TEXT),
	SQL_COL(export_person_row, designation, TEXT), SQL_TABLE_END,
};

PUMP(pump_person, export_person_fn)

int store_export_audit_people(store *s, int64_t audit, export_person_fn fn, void *ctx, err *e)
{
	export_person_row r = {0};
	return stream(s, "SELECT position, name, designation FROM audit_person WHERE audit_id = ?"
		      " ORDER BY position", SQL_ID_ARG(audit), &r, person_cols, pump_person,
		      (any_fn)fn, ctx, e);
}

static const sql_col event_cols[] = {
	SQL_COL(export_event_row, at, TEXT), SQL_COL(export_event_row, user_name, TEXT),
	SQL_COL(export_event_row, status, TEXT), SQL_COL(export_event_row, comment, TEXT),
	SQL_TABLE_END,
};

PUMP(pump_event, export_event_fn)

int store_export_audit_events(store *s, int64_t audit, export_event_fn fn, void *ctx, err *e)
{
	export_event_row r = {0};
	return stream(s, "SELECT at, user_name, status, comment FROM audit_event WHERE audit_id = ?"
		      " ORDER BY at, id", SQL_ID_ARG(audit), &r, event_cols, pump_event,
		      (any_fn)fn, ctx, e);
}
