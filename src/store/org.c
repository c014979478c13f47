/* org.c: organisations and their local areas. */
#include "store/account.h"
#include "store/sql.h"

#include "core/text.h"

/* ---- areas --------------------------------------------------------------- */

int store_area_find(store *s, const char *name, int64_t *id, err *e)
{
	*id = 0;
	return sql_get(s, NULL, "SELECT id FROM area WHERE name = ?", SQL_ARGS(sql_text(name)), id,
		       sql_int64_row, e);
}

int store_area_name(store *s, arena *a, int64_t id, const char **name, err *e)
{
	return sql_get(s, a, "SELECT name FROM area WHERE id = ?", SQL_ID_ARG(id), name,
		       sql_text_row, e);
}

int store_area_by_name(store *s, const char *name, const char *now, int64_t *id, err *e)
{
	if (sql_run(s, "INSERT INTO area (name, created_at) VALUES (?, ?)"
		    " ON CONFLICT (name) DO NOTHING", SQL_ARGS(sql_text(name), sql_text(now)), e) < 0)
		return -1;
	return store_area_find(s, name, id, e) < 0 ? -1 : 0;
}

/* ---- organisations ------------------------------------------------------- */

#define ORG_COLUMNS \
	"o.id, o.name, o.type, o.sector, a.name, o.urn, o.ukprn, o.ods_code," \
	" o.opened_on, o.closed_on, o.created_at, o.updated_at" \
	" FROM organisation o LEFT JOIN area a ON a.id = o.area_id"

static const sql_col org_cols[] = {
	SQL_COL(org_row, id, I64), SQL_COL(org_row, name, TEXT), SQL_COL(org_row, type, TEXT),
	SQL_COL(org_row, sector, TEXT), SQL_COL(org_row, area, TEXT), SQL_COL(org_row, urn, TEXT),
	SQL_COL(org_row, ukprn, TEXT), SQL_COL(org_row, ods_code, TEXT),
	SQL_COL(org_row, opened_on, TEXT), SQL_COL(org_row, closed_on, TEXT),
	SQL_COL(org_row, created_at, TEXT), SQL_COL(org_row, updated_at, TEXT), SQL_TABLE_END,
};

/* The area named, made on first use (no name: no area), then found by
 * the statement itself. */
static int ensure_area(store *s, const char *name, const char *now, err *e)
{
	int64_t id;
	return name && *name ? store_area_by_name(s, name, now, &id, e) : 0;
}

#define ORG_AREA "(SELECT id FROM area WHERE name = NULLIF(:area, ''))"

int store_org_insert(store *s, const org_row *o, int64_t *id, err *e)
{
	if (ensure_area(s, o->area, o->created_at, e) < 0)
		return -1;
	return sql_insert(s, "INSERT INTO organisation (name, type, sector, area_id, urn, ukprn,"
		" ods_code, opened_on, closed_on, updated_at, created_at)"
		" VALUES (:name, COALESCE(:type, ''), :sector, " ORG_AREA ", :urn, :ukprn, :ods_code,"
		" :opened_on, :closed_on, COALESCE(:updated_at, :created_at), :created_at)",
		SQL_ROW(org_cols, o), id, e);
}

int store_org_update(store *s, const org_row *o, err *e)
{
	if (ensure_area(s, o->area, o->updated_at, e) < 0)
		return -1;
	return sql_run(s, "UPDATE organisation SET name = :name, type = COALESCE(:type, ''),"
		" sector = :sector, area_id = " ORG_AREA ", urn = :urn, ukprn = :ukprn,"
		" ods_code = :ods_code, opened_on = :opened_on, closed_on = :closed_on,"
		" updated_at = COALESCE(:updated_at, :created_at) WHERE id = :id",
		SQL_ROW(org_cols, o), e);
}

int store_org_get(store *s, arena *a, int64_t id, org_row *out, err *e)
{
	return sql_get(s, a, "SELECT " ORG_COLUMNS " WHERE o.id = ?", SQL_ID_ARG(id), out,
		       org_cols, e);
}

int store_org_ask(store *s, arena *a, int64_t id, org_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " ORG_COLUMNS " WHERE o.id = ?", SQL_ID_ARG(id), out, org_cols, e);
}

int store_org_find(store *s, arena *a, const char *name, const char *area, org_row *out, err *e)
{
	return sql_get(s, a, "SELECT " ORG_COLUMNS
		" WHERE o.name = ?1 AND (a.name = ?2 OR (a.name IS NULL AND ?2 IS NULL))"
		" ORDER BY o.id", SQL_ARGS(sql_text(name), sql_text(area)), out, org_cols, e);
}

int store_org_list(store *s, arena *a, org_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " ORG_COLUMNS " ORDER BY o.name, o.id", NULL, out, org_cols,
			e);
}

int store_org_list_area(store *s, arena *a, int64_t area, org_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " ORG_COLUMNS " WHERE o.area_id = ? ORDER BY o.name, o.id",
			SQL_ID_ARG(area), out, org_cols, e);
}
