/* copy_table.c: `copro migrate`'s tables: read from the source's own
 * catalogue (SQLite's pragmas, PostgreSQL's pg_catalog), put in an order
 * the foreign keys accept, and their rows copied one by one through the
 * engine seam, each value as the source holds it. The statements name
 * tables and columns, which cannot be bound: they are built from names
 * the catalogue gave, and only from plain lower-case names. */
#include "store/copy.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Tables the target makes itself: its own record of the migrations, and
 * the search index, which the target's triggers fill as each record
 * arrives (schema_triggers.h), on either engine in its own form (SQLite's
 * FTS5 table, PostgreSQL's tsvector column). */
static const char *const not_copied[] = {"schema_migration", "search_index", NULL};
/* Tables the triggers write as the records arrive (the revision counters
 * and the change log the page caches read): emptied once every record is
 * in, then copied, so the revisions are the source's. */
static const char *const copied_last[] = {"org_revision", "area_revision", "revision_change", NULL};

static bool listed(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return true;
	return false;
}

/* Letters, digits and underscores: what copro's schema uses, and all a
 * name built into a statement may hold. */
static int plain_name(const char *name, err *e)
{
	if (!*name || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(name))
		return err_set(e, ERR_INPUT,
			       "the database holds a table or column named \"%s\", which copro's schema does not: it is not a copro database, or it was changed by hand.",
			       name);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int copy_table_names(store *s, arena *a, const char ***names, size_t *n, err *e)
{
	const char *sql = SQL_DIALECT(s,
		"SELECT name FROM pragma_table_list WHERE schema = 'main'"
		" AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite%'",
		"SELECT CAST(table_name AS TEXT) FROM information_schema.tables"
		" WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
	if (sql_list(s, a, sql, NULL, (void **)names, n, sizeof **names, sql_text_row, e) < 0)
		return -1;
	for (size_t i = 0; i < *n; i++)
		if (plain_name((*names)[i], e) < 0)
			return -1;
	qsort(*names, *n, sizeof **names, by_name);
	return 0;
}

typedef struct column_row {
	const char *name;
	int64_t key;            /* its place in the primary key from 1, or 0 */
	bool integer, bytes;
} column_row;

static const sql_col column_cols[] = {
	SQL_COL(column_row, name, TEXT),
	SQL_COL(column_row, key, I64),
	SQL_COL(column_row, integer, BOOL),
	SQL_COL(column_row, bytes, BOOL),
	SQL_TABLE_END,
};

/* Generated columns (none yet) are left for the target to compute. An
 * index's int2vector counts from 0, hence array_lower. A column of a
 * domain (migration 28) is of its base type. */
static int read_columns(store *s, arena *a, copy_table *t, err *e)
{
	const char *sql = SQL_DIALECT(s,
		"SELECT name, pk, upper(type) = 'INTEGER', upper(type) = 'BLOB'"
		" FROM pragma_table_info(?1) ORDER BY cid",
		"SELECT CAST(a.attname AS TEXT),"
		" COALESCE(array_position(CAST(i.indkey AS INT2[]), a.attnum)"
		" - array_lower(CAST(i.indkey AS INT2[]), 1) + 1, 0),"
		" CASE WHEN COALESCE(NULLIF(t.typbasetype, 0), a.atttypid) IN (20, 21, 23) THEN 1 ELSE 0 END,"
		" CASE WHEN a.atttypid = 17 THEN 1 ELSE 0 END"
		" FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
		" LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary"
		" WHERE a.attrelid = to_regclass(?1) AND a.attnum > 0 AND NOT a.attisdropped"
		" AND a.attgenerated = '' ORDER BY a.attnum");
	column_row *c;
	size_t n;
	if (sql_list(s, a, sql, SQL_ARGS(sql_text(t->name)), (void **)&c, &n, sizeof *c, column_cols, e) < 0)
		return -1;
	if (n == 0)
		return err_set(e, ERR_INTERNAL, "the table %s has no columns that can be read.", t->name);
	t->cols = ARENA_ARRAY(a, n, t->cols);
	t->n_cols = n;
	for (size_t i = 0; i < n; i++) {
		if (plain_name(c[i].name, e) < 0)
			return -1;
		t->cols[i] = c[i].name;
		t->bytes |= c[i].bytes;
	}
	/* The key's columns in the key's order, for the rows' order: rows
	 * that refer to an older row of their own table (an audit's earlier
	 * version) come after it. */
	t->int_key = -1;
	for (int64_t k = 1; k <= (int64_t)n; k++)
		for (size_t i = 0; i < n; i++)
			if (c[i].key == k) {
				t->int_key = k == 1 && c[i].integer ? (int)i : -1;
				t->key = t->key ? arena_printf(a, "%s, %s", t->key, c[i].name) : c[i].name;
			}
	return 0;
}

static int read_deps(store *s, arena *a, copy_table *t, err *e)
{
	const char *sql = SQL_DIALECT(s,
		"SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)",
		"SELECT DISTINCT CAST(p.relname AS TEXT) FROM pg_constraint k"
		" JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f' AND k.conrelid = to_regclass(?1)");
	return sql_list(s, a, sql, SQL_ARGS(sql_text(t->name)), (void **)&t->deps, &t->n_deps,
			sizeof *t->deps, sql_text_row, e);
}

static bool placed(const copy_plan *p, size_t upto, const char *name)
{
	for (size_t i = 0; i < upto; i++)
		if (strcmp(p->t[i].name, name) == 0)
			return true;
	return false;
}

/* Whether every table t refers to (itself aside) is placed before `upto`,
 * or is not copied at all. */
static bool ready(const copy_plan *p, size_t upto, const copy_table *t)
{
	for (size_t d = 0; d < t->n_deps; d++)
		if (strcmp(t->deps[d], t->name) != 0 && !listed(not_copied, t->deps[d]) &&
		    !placed(p, upto, t->deps[d]))
			return false;
	return true;
}

/* Orders p's tables, in place: by name among those ready, each after the
 * tables it refers to; the counters last. */
static int order(copy_plan *p, err *e)
{
	for (size_t done = 0; done < p->n; done++) {
		size_t pick = p->n;
		for (size_t i = done; i < p->n && pick == p->n; i++)
			if (!listed(copied_last, p->t[i].name) && ready(p, done, &p->t[i]))
				pick = i;
		for (size_t i = done; i < p->n && pick == p->n; i++)
			if (ready(p, done, &p->t[i]))
				pick = i;
		if (pick == p->n)
			return err_set(e, ERR_INTERNAL,
				       "the tables' foreign keys refer to each other in a circle (%s ...): copro's schema has no such circle, so the database was changed by hand.",
				       p->t[done].name);
		copy_table t = p->t[pick];
		memmove(&p->t[done + 1], &p->t[done], (pick - done) * sizeof t);
		p->t[done] = t;
	}
	return 0;
}

int copy_plan_make(store *s, arena *a, copy_plan *p, err *e)
{
	const char **names;
	size_t n;
	if (copy_table_names(s, a, &names, &n, e) < 0)
		return -1;
	p->t = ARENA_ARRAY(a, n, p->t);
	p->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (listed(not_copied, names[i]))
			continue;
		copy_table *t = &p->t[p->n++];
		t->name = names[i];
		if (read_columns(s, a, t, e) < 0 || read_deps(s, a, t, e) < 0)
			return -1;
	}
	return order(p, e);
}

int copy_first_with_rows(store *s, arena *a, const char **table, err *e)
{
	const char **names;
	size_t n;
	*table = NULL;
	if (copy_table_names(s, a, &names, &n, e) < 0)
		return -1;
	for (size_t i = 0; i < n && !*table; i++) {
		if (strcmp(names[i], "schema_migration") == 0)
			continue;
		int64_t rows = 0;
		char *sql = arena_printf(a, "SELECT COUNT(*) FROM (SELECT 1 FROM %s LIMIT 1) AS r", names[i]);
		if (sql_get_int(s, sql, NULL, &rows, e) < 0)
			return -1;
		if (rows)
			*table = names[i];
	}
	return 0;
}

/* ---- rows ------------------------------------------------------------------ */

/* Column c of the source's row as parameter c + 1 of the insert, with the
 * type the source holds it in: bytes stay bytes, a number a number. */
static void bind_value(sql_stmt *from, int c, sql_stmt *to)
{
	size_t n;
	switch (from->eng->col_type(from, c)) {
	case SQL_VALUE_NULL:
		sql_bind_null(to, c + 1);
		break;
	case SQL_VALUE_INT:
		sql_bind_int(to, c + 1, from->eng->col_int(from, c));
		break;
	case SQL_VALUE_REAL:
		sql_bind_double(to, c + 1, from->eng->col_double(from, c));
		break;
	case SQL_VALUE_BLOB: {
		const void *b = sql_column_blob(from, c, &n);
		sql_bind_blob(to, c + 1, b ? b : "", n);      /* empty bytes are not NULL */
		break;
	}
	case SQL_VALUE_TEXT:
		sql_bind_text(to, c + 1, from->eng->col_text(from, c, &n));
		break;
	}
}

static char *list_of(arena *a, const copy_table *t, bool params)
{
	char *out = "";
	for (size_t i = 0; i < t->n_cols; i++)
		out = params ? arena_printf(a, "%s%s?%zu", out, i ? ", " : "", i + 1)
			     : arena_printf(a, "%s%s%s", out, i ? ", " : "", t->cols[i]);
	return out;
}

/* The source's message, kept, with the table named before it. */
static int row_failed(err *e, const char *table)
{
	char why[sizeof e->msg];
	snprintf(why, sizeof why, "%s", e->msg);
	return err_set(e, e->kind ? e->kind : ERR_IO, "copying the table %s failed: %s", table, why);
}

/* Rows from `out` into `in` until a page of `limit` is done (0: all):
 * SQL_STEP_DONE when the rows ran out, SQL_STEP_ROW when the page is
 * full, or -1. *last is the page's last key (column int_key). */
static int copy_page(store *src, store *dst, const copy_table *t, sql_stmt *out, sql_stmt *in,
		     int64_t limit, int64_t *rows, int64_t *last, err *e)
{
	int rc;
	for (int64_t n = 0; (rc = sql_step(src, out, e)) == SQL_STEP_ROW;) {
		for (size_t c = 0; c < t->n_cols; c++)
			bind_value(out, (int)c, in);
		if (t->int_key >= 0)
			*last = out->eng->col_int(out, t->int_key);
		if (sql_step(dst, in, e) < 0)
			return -1;
		sql_reset(in);
		(*rows)++;
		if (limit && ++n == limit)
			return SQL_STEP_ROW;
	}
	return rc;
}

/* A table keyed by one integer is read a page at a time after the last
 * key copied: PostgreSQL's engine holds a statement's whole result, and
 * the evidence files' bytes would all be in memory at once. A file is a
 * page of its own (each up to the upload limit). */
enum { PAGE = 256 };

static int copy_table_rows(store *src, store *dst, arena *a, const copy_table *t, int64_t *rows,
			   err *e)
{
	char *cols = list_of(a, t, false);
	bool paged = t->int_key >= 0;
	int page = t->bytes ? 1 : PAGE;
	char *sel = paged ? arena_printf(a, "SELECT %s FROM %s WHERE %s > ?1 ORDER BY %s LIMIT %d", cols,
					 t->name, t->key, t->key, page)
			  : arena_printf(a, "SELECT %s FROM %s%s%s", cols, t->name,
					 t->key ? " ORDER BY " : "", t->key ? t->key : "");
	char *ins = arena_printf(a, "INSERT INTO %s (%s) VALUES (%s)", t->name, cols, list_of(a, t, true));
	sql_stmt *out = NULL, *in = NULL;
	int rc = -1;
	int64_t last = INT64_MIN;
	*rows = 0;
	if (listed(copied_last, t->name) &&
	    sql_exec(dst, arena_printf(a, "DELETE FROM %s", t->name), e) < 0)
		goto fail;
	if (!(in = sql_prepare(dst, ins, e)))
		goto fail;
	do {
		sql_done(src, out);
		if (!(out = sql_prepare(src, sel, e)))
			goto fail;
		if (paged)
			sql_bind_int(out, 1, last);
		rc = copy_page(src, dst, t, out, in, paged ? page : 0, rows, &last, e);
	} while (rc == SQL_STEP_ROW);
fail:
	sql_done(dst, in);
	sql_done(src, out);
	return rc == SQL_STEP_DONE ? 0 : row_failed(e, t->name);
}

int copy_rows(store *src, store *dst, arena *a, const copy_plan *p, store_copy_report *r, err *e)
{
	for (size_t i = 0; i < p->n; i++) {
		int64_t rows;
		if (copy_table_rows(src, dst, a, &p->t[i], &rows, e) < 0)
			return -1;
		r->tables++;
		r->rows += rows;
		if (r->table)
			r->table(r->ctx, p->t[i].name, rows);
	}
	return 0;
}

/* PostgreSQL's identities do not move when a row brings its own id
 * (docs/postgresql.md): each is set past the largest id copied, so the
 * next row copro adds gets a new number. */
int copy_identities(store *dst, arena *a, const copy_plan *p, err *e)
{
	if (!store_engine_is_pg(dst))
		return 0;       /* SQLite's rowid takes the largest id plus one */
	for (size_t i = 0; i < p->n; i++) {
		const char **ids;
		size_t n;
		if (sql_list(dst, a, "SELECT CAST(attname AS TEXT) FROM pg_attribute"
			     " WHERE attrelid = to_regclass(?1) AND attidentity <> ''",
			     SQL_ARGS(sql_text(p->t[i].name)), (void **)&ids, &n, sizeof *ids, sql_text_row, e) < 0)
			return -1;
		for (size_t k = 0; k < n; k++) {
			int64_t next;
			if (plain_name(ids[k], e) < 0 ||
			    sql_get_int(dst, arena_printf(a, "SELECT setval(pg_get_serial_sequence(?1, ?2),"
							  " COALESCE(MAX(%s), 0) + 1, false) FROM %s",
							  ids[k], p->t[i].name),
					SQL_ARGS(sql_text(p->t[i].name), sql_text(ids[k])), &next, e) < 0)
				return -1;
		}
	}
	return 0;
}
