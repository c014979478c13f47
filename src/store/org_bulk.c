/* org_bulk.c: organisations read and written many at a time (an area's
 * schools from a GIAS extract), with the LA code org.c does not hold. */
#include "store/org_bulk.h"

#include "store/sql.h"

#define BULK_COLUMNS \
	"id, name, type, sector, urn, ukprn, la_code, opened_on, closed_on FROM organisation"

static const sql_col bulk_cols[] = {
	SQL_COL(org_bulk_row, id, I64), SQL_COL(org_bulk_row, name, TEXT),
	SQL_COL(org_bulk_row, type, TEXT), SQL_COL(org_bulk_row, sector, TEXT),
	SQL_COL(org_bulk_row, urn, TEXT), SQL_COL(org_bulk_row, ukprn, TEXT),
	SQL_COL(org_bulk_row, la_code, TEXT), SQL_COL(org_bulk_row, opened_on, TEXT),
	SQL_COL(org_bulk_row, closed_on, TEXT), SQL_TABLE_END,
};

int store_org_bulk_list_area(store *s, arena *a, int64_t area, org_bulk_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " BULK_COLUMNS " WHERE area_id = ? ORDER BY id",
			SQL_ID_ARG(area), out, bulk_cols, e);
}

int store_org_find_urn(store *s, arena *a, int64_t area, const char *urn, org_bulk_row *out,
		       err *e)
{
	return sql_get(s, a, "SELECT " BULK_COLUMNS " WHERE area_id = ? AND urn = ? ORDER BY id",
		       SQL_ARGS(sql_int(area), sql_text(urn)), out, bulk_cols, e);
}

/* Runs a prepared statement once for row `o` and readies it for the next. */
static int write_one(store *s, sql_stmt *st, const org_bulk_row *o, int64_t area,
		     const char *now, err *e)
{
	sql_bind_in(st, SQL_ROW_ARGS(bulk_cols, o, sql_int(area), sql_text(now)));
	int rc = sql_step(s, st, e);
	sql_reset(st);
	if (rc < 0)
		return -1;
	return rc == SQL_STEP_DONE ? 0 : err_set(e, ERR_INTERNAL, "a write of organisations answered a row (a bug in copro).");
}

/* The two statements are prepared once: a file may hold tens of
 * thousands of rows. The area (?1) and the time (?2) come first. */
int store_org_bulk_write(store *s, int64_t area, org_bulk_row *rows, size_t n, const char *now,
			 err *e)
{
	sql_stmt *ins = sql_prepare(s,
		"INSERT INTO organisation (area_id, created_at, updated_at, name, type, urn, ukprn,"
		" la_code, opened_on, closed_on, sector) VALUES (?1, ?2, ?2, :name,"
		" COALESCE(:type, ''), :urn, :ukprn, :la_code, :opened_on, :closed_on, :sector)", e);
	if (!ins)
		return -1;
	sql_stmt *upd = sql_prepare(s,
		"UPDATE organisation SET updated_at = ?2, name = :name, type = COALESCE(:type, ''),"
		" urn = :urn, ukprn = :ukprn, la_code = :la_code, opened_on = :opened_on,"
		" closed_on = :closed_on, sector = :sector WHERE area_id = ?1 AND id = :id", e);
	if (!upd) {
		sql_done(s, ins);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		org_bulk_row *o = &rows[i];
		rc = write_one(s, o->id ? upd : ins, o, area, now, e);
		if (rc == 0 && !o->id)
			o->id = sql_last_id(s);
	}
	sql_done(s, ins);
	sql_done(s, upd);
	return rc;
}
