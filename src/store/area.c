/* area.c: the aggregate queries behind the area's portfolio, dashboard and
 * projects: one statement per list, never one per organisation. Each walks
 * the area's organisations by organisation(area_id) and reaches audits and
 * projects through their (organisation_id, ...) indexes. */
#include "store/area.h"
#include "store/sql.h"

/* An organisation's latest accepted audit: the newest audit date, then the
 * highest id; the audit (organisation_id, status, audit_date) index holds
 * the rows in that order, so this reads one index entry. */
#define LATEST_ACCEPTED(org) \
	"(SELECT a.id FROM audit a WHERE a.organisation_id = " org \
	" AND a.status = 'accepted' ORDER BY a.audit_date DESC, a.id DESC LIMIT 1)"

/* Four parameters: sector twice, type twice. */
#define FILTER " AND (? IS NULL OR o.sector = ?) AND (? IS NULL OR o.type = ?)"

static void bind_filter(sqlite3_stmt *st, int first, const picture_filter *f)
{
	const char *sector = f ? f->sector : NULL, *type = f ? f->type : NULL;
	sql_bind_text(st, first, sector);
	sql_bind_text(st, first + 1, sector);
	sql_bind_text(st, first + 2, type);
	sql_bind_text(st, first + 3, type);
}

static void read_text(arena *a, sqlite3_stmt *st, void *row)
{
	*(const char **)row = sql_col_text(a, st, 0);
}

int store_picture_area_name(store *s, arena *a, int64_t area, const char **name, err *e)
{
	return sql_one_by_id(s, a, "SELECT name FROM area WHERE id = ?", area, name, read_text, e);
}

int store_picture_types(store *s, arena *a, int64_t area, picture_text_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT DISTINCT o.type FROM organisation o"
		" WHERE o.area_id = ? AND o.type <> '' ORDER BY o.type", area, out, read_text, e);
}

static void read_org(arena *a, sqlite3_stmt *st, void *row)
{
	picture_org_row *o = row;
	o->id = sql_col_int(st, 0);
	o->name = sql_col_text(a, st, 1);
	o->type = sql_col_text(a, st, 2);
	o->sector = sql_col_text(a, st, 3);
	o->audit_id = sql_col_int(st, 4);
	o->audit_date = sql_col_text(a, st, 5);
	o->outcome = sql_col_text(a, st, 6);
	o->review_on = sql_col_text(a, st, 7);
	o->projects = sql_col_int(st, 8);
	o->audited_recently = sql_col_int(st, 9) != 0;
}

int store_picture_orgs(store *s, arena *a, int64_t area, const picture_filter *f,
		       const picture_window *w, picture_org_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT o.id, o.name, o.type, o.sector, la.id, la.audit_date, la.outcome, la.review_on,"
		" (SELECT COUNT(*) FROM project p WHERE p.organisation_id = o.id"
		"   AND p.starts_on >= ? AND p.starts_on <= ?),"
		" EXISTS (SELECT 1 FROM audit r WHERE r.organisation_id = o.id"
		"   AND r.status IN ('accepted', 'submitted') AND r.audit_date >= ? AND r.audit_date <= ?)"
		" FROM organisation o LEFT JOIN audit la ON la.id = " LATEST_ACCEPTED("o.id")
		" WHERE o.area_id = ?" FILTER
		" ORDER BY o.name, o.id", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, w->year_from);
	sql_bind_text(st, 2, w->year_to);
	sql_bind_text(st, 3, w->since);
	sql_bind_text(st, 4, w->today);
	sql_bind_int(st, 5, area);
	bind_filter(st, 6, f);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_org, e);
}

static void read_level(arena *a, sqlite3_stmt *st, void *row)
{
	picture_level_row *l = row;
	l->organisation_id = sql_col_int(st, 0);
	l->principle_key = sql_col_text(a, st, 1);
	l->level = sql_col_text(a, st, 2);
}

int store_picture_levels(store *s, arena *a, int64_t area, const picture_filter *f,
			 picture_level_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT o.id, ap.principle_key, ap.level"
		" FROM organisation o JOIN audit la ON la.id = " LATEST_ACCEPTED("o.id")
		" JOIN audit_principle ap ON ap.audit_id = la.id"
		" WHERE o.area_id = ?" FILTER
		" ORDER BY o.id, ap.principle_key", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, area);
	bind_filter(st, 2, f);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_level, e);
}

static void read_level_count(arena *a, sqlite3_stmt *st, void *row)
{
	picture_level_count *c = row;
	c->principle_key = sql_col_text(a, st, 0);
	c->level = sql_col_text(a, st, 1);
	c->n = sql_col_int(st, 2);
}

int store_picture_level_counts(store *s, arena *a, int64_t area, const picture_filter *f,
			       picture_level_count_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT ap.principle_key, ap.level, COUNT(*)"
		" FROM organisation o JOIN audit la ON la.id = " LATEST_ACCEPTED("o.id")
		" JOIN audit_principle ap ON ap.audit_id = la.id"
		" WHERE o.area_id = ?" FILTER " AND ap.level IS NOT NULL"
		" GROUP BY ap.principle_key, ap.level ORDER BY ap.principle_key, ap.level", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, area);
	bind_filter(st, 2, f);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_level_count, e);
}

static void read_outcome_count(arena *a, sqlite3_stmt *st, void *row)
{
	picture_outcome_count *c = row;
	c->year = sql_col_int(st, 0);
	c->outcome = sql_col_text(a, st, 1);
	c->n = sql_col_int(st, 2);
}

/* A revision is a new version of the same audit (same first_id); should
 * one ever be accepted after another, only the last counts. */
int store_picture_outcomes(store *s, arena *a, int64_t area, const picture_filter *f,
			   picture_outcome_count_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT CAST(substr(a.audit_date, 1, 4) AS INTEGER)"
		"   - CASE WHEN substr(a.audit_date, 6, 2) < '09' THEN 1 ELSE 0 END AS year,"
		" a.outcome, COUNT(*)"
		" FROM organisation o JOIN audit a ON a.organisation_id = o.id AND a.status = 'accepted'"
		" WHERE o.area_id = ?" FILTER
		" AND a.audit_date IS NOT NULL AND a.outcome IS NOT NULL"
		" AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.first_id = a.first_id"
		"   AND b.status = 'accepted' AND b.version > a.version)"
		" GROUP BY year, a.outcome ORDER BY year, a.outcome", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, area);
	bind_filter(st, 2, f);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_outcome_count, e);
}

static void read_project(arena *a, sqlite3_stmt *st, void *row)
{
	picture_project_row *p = row;
	p->id = sql_col_int(st, 0);
	p->organisation_id = sql_col_int(st, 1);
	p->organisation = sql_col_text(a, st, 2);
	p->title = sql_col_text(a, st, 3);
	p->service_area = sql_col_text(a, st, 4);
	p->framework_id = sql_col_text(a, st, 5);
	p->framework_hash = sql_col_text(a, st, 6);
	p->starts_on = sql_col_text(a, st, 7);
	p->ends_on = sql_col_text(a, st, 8);
	p->steps_done = sql_col_int(st, 9);
	p->audit_id = sql_col_int(st, 10);
	p->audit_outcome = sql_col_text(a, st, 11);
	p->audit_date = sql_col_text(a, st, 12);
}

int store_picture_projects(store *s, arena *a, int64_t area, const picture_filter *f,
			   picture_project_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s,
		"SELECT p.id, p.organisation_id, o.name, p.title, p.service_area, p.framework_id,"
		" p.framework_hash, p.starts_on, p.ends_on,"
		" (SELECT COUNT(*) FROM project_step ps WHERE ps.project_id = p.id AND ps.done = 1),"
		" pa.id, pa.outcome, pa.audit_date"
		" FROM organisation o JOIN project p ON p.organisation_id = o.id"
		" LEFT JOIN audit pa ON pa.id = (SELECT a.id FROM audit a WHERE a.project_id = p.id"
		"   AND a.status = 'accepted' ORDER BY a.audit_date DESC, a.id DESC LIMIT 1)"
		" WHERE o.area_id = ?" FILTER
		" ORDER BY p.starts_on IS NULL, p.starts_on DESC, o.name, p.id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, area);
	bind_filter(st, 2, f);
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_project, e);
}
