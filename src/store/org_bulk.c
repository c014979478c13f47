/* org_bulk.c: organisations read and written many at a time (an area's
 * schools from a GIAS extract), with the LA code org.c does not hold. */
#include "store/org_bulk.h"

#include "store/sql.h"

#define BULK_COLUMNS \
	"id, name, type, sector, urn, ukprn, la_code, opened_on, closed_on FROM organisation"

static void read_bulk(arena *a, sqlite3_stmt *st, void *row)
{
	org_bulk_row *o = row;
	o->id = sql_col_int(st, 0);
	o->name = sql_col_text(a, st, 1);
	o->type = sql_col_text(a, st, 2);
	o->sector = sql_col_text(a, st, 3);
	o->urn = sql_col_text(a, st, 4);
	o->ukprn = sql_col_text(a, st, 5);
	o->la_code = sql_col_text(a, st, 6);
	o->opened_on = sql_col_text(a, st, 7);
	o->closed_on = sql_col_text(a, st, 8);
}

static void read_id(arena *a, sqlite3_stmt *st, void *row)
{
	(void)a;
	*(int64_t *)row = sql_col_int(st, 0);
}

int store_bulk_area_find(store *s, const char *name, int64_t *id, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT id FROM area WHERE name = ?", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, name);
	*id = 0;
	return sql_one(s, NULL, st, id, read_id, e);
}

int store_org_bulk_list_area(store *s, arena *a, int64_t area, org_bulk_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " BULK_COLUMNS " WHERE area_id = ? ORDER BY id",
			      area, out, read_bulk, e);
}

int store_org_find_urn(store *s, arena *a, int64_t area, const char *urn, org_bulk_row *out,
		       err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " BULK_COLUMNS
		" WHERE area_id = ? AND urn = ? ORDER BY id", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, area);
	sql_bind_text(st, 2, urn);
	return sql_one(s, a, st, out, read_bulk, e);
}

/* Insert and update bind the same eight values first, in this order. */
static void bind_bulk(sqlite3_stmt *st, const org_bulk_row *o, const char *now)
{
	sql_bind_text(st, 1, o->name);
	sql_bind_text(st, 2, o->type ? o->type : "");
	sql_bind_text(st, 3, o->urn);
	sql_bind_text(st, 4, o->ukprn);
	sql_bind_text(st, 5, o->la_code);
	sql_bind_text(st, 6, o->opened_on);
	sql_bind_text(st, 7, o->closed_on);
	sql_bind_text(st, 8, now);
}

/* Runs a prepared statement once and readies it for the next row. */
static int step_reset(store *s, sqlite3_stmt *st, err *e)
{
	int rc = sql_step(s, st, e);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc < 0)
		return -1;
	return rc == SQLITE_DONE ? 0 : sql_fail(s, rc, e);
}

/* The two statements are prepared once: a file may hold tens of
 * thousands of rows. */
int store_org_bulk_write(store *s, int64_t area, org_bulk_row *rows, size_t n, const char *now,
			 err *e)
{
	sqlite3_stmt *ins = sql_prepare(s,
		"INSERT INTO organisation (name, type, urn, ukprn, la_code, opened_on, closed_on,"
		" updated_at, sector, area_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!ins)
		return -1;
	sqlite3_stmt *upd = sql_prepare(s,
		"UPDATE organisation SET name = ?, type = ?, urn = ?, ukprn = ?, la_code = ?,"
		" opened_on = ?, closed_on = ?, updated_at = ?, sector = ? WHERE id = ? AND area_id = ?", e);
	if (!upd) {
		sql_done(s, ins);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		org_bulk_row *o = &rows[i];
		if (o->id) {
			bind_bulk(upd, o, now);
			sql_bind_text(upd, 9, o->sector);
			sql_bind_int(upd, 10, o->id);
			sql_bind_int(upd, 11, area);
			rc = step_reset(s, upd, e);
			continue;
		}
		bind_bulk(ins, o, now);
		sql_bind_text(ins, 9, o->sector);
		sql_bind_int(ins, 10, area);
		sql_bind_text(ins, 11, now);
		rc = step_reset(s, ins, e);
		if (rc == 0)
			o->id = sqlite3_last_insert_rowid(s->db);
	}
	sql_done(s, ins);
	sql_done(s, upd);
	return rc;
}
