/* org.c: organisations and their local areas. */
#include "store/account.h"
#include "store/sql.h"

#include "core/text.h"

#define ORG_COLUMNS \
	"o.id, o.name, o.type, o.sector, a.name, o.urn, o.ukprn, o.ods_code," \
	" o.opened_on, o.closed_on, o.created_at, o.updated_at" \
	" FROM organisation o LEFT JOIN area a ON a.id = o.area_id"

static void read_org(arena *a, sqlite3_stmt *st, void *row)
{
	org_row *o = row;
	o->id = sql_col_int(st, 0);
	o->name = sql_col_text(a, st, 1);
	o->type = sql_col_text(a, st, 2);
	o->sector = sql_col_text(a, st, 3);
	o->area = sql_col_text(a, st, 4);
	o->urn = sql_col_text(a, st, 5);
	o->ukprn = sql_col_text(a, st, 6);
	o->ods_code = sql_col_text(a, st, 7);
	o->opened_on = sql_col_text(a, st, 8);
	o->closed_on = sql_col_text(a, st, 9);
	o->created_at = sql_col_text(a, st, 10);
	o->updated_at = sql_col_text(a, st, 11);
}

/* The area row for a name, made on first use; 0 for no area. */
static int area_id(store *s, const char *name, const char *now, int64_t *id, err *e)
{
	*id = 0;
	if (!name || !*name)
		return 0;
	return store_area_by_name(s, name, now, id, e);
}

/* Insert and update share their first ten parameters, in this order. */
static void bind_org(sqlite3_stmt *st, const org_row *o, int64_t area)
{
	sql_bind_text(st, 1, o->name);
	sql_bind_text(st, 2, o->type ? o->type : "");
	sql_bind_text(st, 3, o->sector);
	sql_bind_id(st, 4, area);
	sql_bind_text(st, 5, o->urn);
	sql_bind_text(st, 6, o->ukprn);
	sql_bind_text(st, 7, o->ods_code);
	sql_bind_text(st, 8, o->opened_on);
	sql_bind_text(st, 9, o->closed_on);
	sql_bind_text(st, 10, o->updated_at ? o->updated_at : o->created_at);
}

int store_org_insert(store *s, const org_row *o, int64_t *id, err *e)
{
	int64_t area = 0;
	if (area_id(s, o->area, o->created_at, &area, e) < 0)
		return -1;
	sqlite3_stmt *st = sql_prepare(s,
		"INSERT INTO organisation (name, type, sector, area_id, urn, ukprn, ods_code,"
		" opened_on, closed_on, updated_at, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	bind_org(st, o, area);
	sql_bind_text(st, 11, o->created_at);
	if (sql_exec_stmt(s, st, e) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_org_update(store *s, const org_row *o, err *e)
{
	int64_t area = 0;
	if (area_id(s, o->area, o->updated_at, &area, e) < 0)
		return -1;
	sqlite3_stmt *st = sql_prepare(s,
		"UPDATE organisation SET name = ?, type = ?, sector = ?, area_id = ?, urn = ?,"
		" ukprn = ?, ods_code = ?, opened_on = ?, closed_on = ?, updated_at = ?"
		" WHERE id = ?", e);
	if (!st)
		return -1;
	bind_org(st, o, area);
	sql_bind_int(st, 11, o->id);
	return sql_exec_stmt(s, st, e);
}

int store_org_get(store *s, arena *a, int64_t id, org_row *out, err *e)
{
	return sql_one_by_id(s, a, "SELECT " ORG_COLUMNS " WHERE o.id = ?",
			     id, out, read_org, e);
}

int store_org_find(store *s, arena *a, const char *name, const char *area, org_row *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " ORG_COLUMNS
		" WHERE o.name = ? AND (a.name = ? OR (a.name IS NULL AND ? IS NULL))"
		" ORDER BY o.id", e);
	if (!st)
		return -1;
	sql_bind_text(st, 1, name);
	sql_bind_text(st, 2, area);
	sql_bind_text(st, 3, area);
	return sql_one(s, a, st, out, read_org, e);
}

int store_org_list(store *s, arena *a, org_list *out, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, "SELECT " ORG_COLUMNS " ORDER BY o.name, o.id", e);
	if (!st)
		return -1;
	return sql_collect(s, a, st, (void **)&out->items, &out->n, sizeof *out->items,
			   read_org, e);
}

int store_org_list_area(store *s, arena *a, int64_t area, org_list *out, err *e)
{
	return SQL_LIST_BY_ID(s, a, "SELECT " ORG_COLUMNS " WHERE o.area_id = ? ORDER BY o.name, o.id",
			      area, out, read_org, e);
}
