/* area_data.c: the queries behind an area's exports and API, each one
 * statement over the whole area whose rows go straight to a callback. */
#include "store/area_data.h"

#include "store/sql.h"

/* A column as text that lives until the next step; NULL for SQL NULL. */
static const char *col(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	return (const char *)sqlite3_column_text(st, i);
}

/* Callbacks travel as this generic type (the one function pointer type
 * C lets any other convert to and back); each pump knows the real one. */
typedef void (*any_fn)(void);

/* Reads the current row of `st` and hands it on; answers the callback's
 * result. */
typedef int (*row_pump)(sqlite3_stmt *st, any_fn fn, void *ctx, err *e);

/* Steps through every row, then finalizes: -1 when SQLite or the callback
 * failed. */
static int stream(store *s, sqlite3_stmt *st, row_pump pump, any_fn fn, void *ctx, err *e)
{
	int rc;
	while ((rc = sql_step(s, st, e)) == SQLITE_ROW) {
		if (pump(st, fn, ctx, e) < 0) {
			sql_done(s, st);
			return -1;
		}
	}
	sql_done(s, st);
	return rc < 0 ? -1 : 0;
}

static int count_one(store *s, sqlite3_stmt *st, int64_t *id, err *e)
{
	int rc = sql_step(s, st, e);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sql_done(s, st);
	if (rc < 0)
		return -1;
	return rc == SQLITE_ROW;
}

int store_export_area_find(store *s, const char *name, int64_t *id, err *e)
{
	*id = 0;
	sqlite3_stmt *st = sql_prepare(s, "SELECT id FROM area WHERE name = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, name);
	return count_one(s, st, id, e);
}

static void read_name(arena *a, sqlite3_stmt *st, void *row)
{
	*(const char **)row = sql_col_text(a, st, 0);
}

int store_export_area_name(store *s, arena *a, int64_t id, const char **name, err *e)
{
	return sql_one_by_id(s, a, "SELECT name FROM area WHERE id = ?", id, name, read_name, e);
}

/* ---- organisations --------------------------------------------------- */

static int pump_org(sqlite3_stmt *st, any_fn fn, void *ctx, err *e)
{
	export_org_row r = {
		.id = sqlite3_column_int64(st, 0), .name = col(st, 1), .sector = col(st, 2),
		.type = col(st, 3), .urn = col(st, 4), .la_code = col(st, 5),
	};
	return ((export_org_fn)fn)(ctx, &r, e);
}

int store_export_orgs(store *s, int64_t area, export_org_fn fn, void *ctx, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT id, name, sector, type, urn, la_code FROM organisation"
		" WHERE area_id = ? ORDER BY name, id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, area);
	return stream(s, st, pump_org, (any_fn)fn, ctx, e);
}

/* ---- audits and their levels ----------------------------------------- */

/* The audit versions an area sees: not drafts, of its organisations,
 * narrowed by the filter (parameters 1 to 6, bound by bind_filter). */
#define AREA_AUDITS_WHERE_JOINED \
	" WHERE o.area_id = ? AND a.status <> 'draft'" \
	" AND (? IS NULL OR a.submitted_at >= ? OR a.decided_at >= ?)" \
	" AND (? = 0 OR a.id = ?)"

static void bind_filter(sqlite3_stmt *st, int64_t area, const export_audit_filter *f)
{
	const char *since = f ? f->since : NULL;
	int64_t audit = f ? f->audit : 0;
	sql_bind_int(st, 1, area);
	sql_bind_text(st, 2, since);
	sql_bind_text(st, 3, since);
	sql_bind_text(st, 4, since);
	sql_bind_int(st, 5, audit);
	sql_bind_int(st, 6, audit);
}

static int pump_audit(sqlite3_stmt *st, any_fn fn, void *ctx, err *e)
{
	export_audit_row r = {
		.id = sqlite3_column_int64(st, 0), .first_id = sqlite3_column_int64(st, 1),
		.version = sqlite3_column_int64(st, 2), .organisation_id = sqlite3_column_int64(st, 3),
		.project_id = sqlite3_column_int64(st, 4), .organisation_name = col(st, 5),
		.framework_hash = col(st, 6), .status = col(st, 7), .service_area = col(st, 8),
		.description = col(st, 9), .audit_date = col(st, 10), .outcome = col(st, 11),
		.outcome_reason = col(st, 12), .summary = col(st, 13), .next_steps = col(st, 14),
		.review_on = col(st, 15), .signed_by = col(st, 16), .signed_on = col(st, 17),
		.submitted_at = col(st, 18), .decided_at = col(st, 19),
		.latest = sqlite3_column_int64(st, 20) != 0,
	};
	return ((export_audit_fn)fn)(ctx, &r, e);
}

int store_export_audits(store *s, int64_t area, const export_audit_filter *f, export_audit_fn fn,
		      void *ctx, err *e)
{
	/* A first version may keep first_id NULL: it is then its own. */
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT a.id, COALESCE(a.first_id, a.id), a.version, a.organisation_id,"
		" COALESCE(a.project_id, 0), o.name, a.framework_hash, a.status, a.service_area,"
		" a.description, a.audit_date, a.outcome, a.outcome_reason, a.summary, a.next_steps,"
		" a.review_on, a.signed_by, a.signed_on, a.submitted_at, a.decided_at,"
		" NOT EXISTS (SELECT 1 FROM audit b WHERE b.first_id = COALESCE(a.first_id, a.id)"
		"   AND b.version > a.version AND b.status <> 'draft')"
		" FROM audit a JOIN organisation o ON o.id = a.organisation_id"
		AREA_AUDITS_WHERE_JOINED
		" ORDER BY o.name, a.organisation_id, COALESCE(a.first_id, a.id), a.version", e);
	if (!st)
		return -1;
	bind_filter(st, area, f);
	return stream(s, st, pump_audit, (any_fn)fn, ctx, e);
}

static int pump_level(sqlite3_stmt *st, any_fn fn, void *ctx, err *e)
{
	export_level_row r = {
		.audit_id = sqlite3_column_int64(st, 0), .organisation_id = sqlite3_column_int64(st, 1),
		.principle_key = col(st, 2), .level = col(st, 3),
		.has_score = sqlite3_column_type(st, 4) != SQLITE_NULL,
		.score = sqlite3_column_int64(st, 4), .notes = col(st, 5),
	};
	return ((export_level_fn)fn)(ctx, &r, e);
}

int store_export_levels(store *s, int64_t area, const export_audit_filter *f, export_level_fn fn,
		      void *ctx, err *e)
{
	/* Principle keys are numbers in York's audit: shorter first puts
	 * "10" after "9" without a cast that PostgreSQL would refuse on a
	 * key that is not a number. */
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT p.audit_id, a.organisation_id, p.principle_key, p.level, p.score, p.notes"
		" FROM audit_principle p JOIN audit a ON a.id = p.audit_id"
		" JOIN organisation o ON o.id = a.organisation_id"
		AREA_AUDITS_WHERE_JOINED
		" ORDER BY p.audit_id, LENGTH(p.principle_key), p.principle_key", e);
	if (!st)
		return -1;
	bind_filter(st, area, f);
	return stream(s, st, pump_level, (any_fn)fn, ctx, e);
}

/* ---- projects -------------------------------------------------------- */

static int pump_project(sqlite3_stmt *st, any_fn fn, void *ctx, err *e)
{
	export_project_row r = {
		.id = sqlite3_column_int64(st, 0), .organisation_id = sqlite3_column_int64(st, 1),
		.organisation_name = col(st, 2), .framework_id = col(st, 3),
		.framework_hash = col(st, 4), .title = col(st, 5), .service_area = col(st, 6),
		.starts_on = col(st, 7), .ends_on = col(st, 8),
		.steps_done = sqlite3_column_int64(st, 9),
	};
	return ((export_project_fn)fn)(ctx, &r, e);
}

int store_export_projects(store *s, int64_t area, export_project_fn fn, void *ctx, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT p.id, p.organisation_id, o.name, p.framework_id, p.framework_hash, p.title,"
		" p.service_area, p.starts_on, p.ends_on,"
		" (SELECT COUNT(*) FROM project_step ps WHERE ps.project_id = p.id AND ps.done = 1)"
		" FROM project p JOIN organisation o ON o.id = p.organisation_id"
		" WHERE o.area_id = ?"
		" ORDER BY o.name, p.organisation_id, p.starts_on, p.id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, area);
	return stream(s, st, pump_project, (any_fn)fn, ctx, e);
}

/* ---- one audit's people and history ---------------------------------- */

static int pump_person(sqlite3_stmt *st, any_fn fn, void *ctx, err *e)
{
	export_person_row r = {.position = sqlite3_column_int64(st, 0), .name = col(st, 1),
			     .designation = col(st, 2)};
	return ((export_person_fn)fn)(ctx, &r, e);
}

int store_export_audit_people(store *s, int64_t audit, export_person_fn fn, void *ctx, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT position, name, designation FROM audit_person WHERE audit_id = ?"
		" ORDER BY position", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, audit);
	return stream(s, st, pump_person, (any_fn)fn, ctx, e);
}

static int pump_event(sqlite3_stmt *st, any_fn fn, void *ctx, err *e)
{
	export_event_row r = {.at = col(st, 0), .user_name = col(st, 1), .status = col(st, 2),
			    .comment = col(st, 3)};
	return ((export_event_fn)fn)(ctx, &r, e);
}

int store_export_audit_events(store *s, int64_t audit, export_event_fn fn, void *ctx, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT at, user_name, status, comment FROM audit_event WHERE audit_id = ?"
		" ORDER BY at, id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, audit);
	return stream(s, st, pump_event, (any_fn)fn, ctx, e);
}
