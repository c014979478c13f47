/* sql.c: what every store file does with a statement between preparing it
 * and giving it back: binding values (and catching the ones SQLite
 * refuses), stepping, and reading rows into structs in an arena. */
#include "store/sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- binding ----------------------------------------------------------
 * SQLite refuses a bind by its return code (a parameter number the
 * statement does not have, a value over SQLITE_LIMIT_LENGTH, no memory)
 * and leaves the parameter NULL. The first refusal is remembered for its
 * statement, and whatever runs the statement (sql_exec_stmt, sql_one,
 * sql_collect, sql_step) reports it instead of running without the value,
 * so call sites bind in one line a value. Binds come just before their
 * statement runs, so a thread holds a refusal or two at most. */

#define BIND_FAILS_MAX 8

struct bind_fail {
	sqlite3_stmt *st;
	int rc, param;
};

static _Thread_local struct bind_fail bind_fails[BIND_FAILS_MAX];
static _Thread_local int n_bind_fails;

static void bind_result(sqlite3_stmt *st, int param, int rc)
{
	if (rc == SQLITE_OK)
		return;
	for (int k = 0; k < n_bind_fails; k++)
		if (bind_fails[k].st == st)
			return;         /* the first refusal is the one reported */
	if (n_bind_fails == BIND_FAILS_MAX) {
		/* Cannot happen unless statements are bound and never run or
		 * given back: a bug, and running on would lose a refusal. */
		fprintf(stderr, "copro: %d statements hold refused values (a bug in copro)\n",
			BIND_FAILS_MAX + 1);
		abort();
	}
	bind_fails[n_bind_fails++] = (struct bind_fail){st, rc, param};
}

/* Forgets the refusal of `st` and answers it (rc SQLITE_OK: none). */
static struct bind_fail take_bind_fail(sqlite3_stmt *st)
{
	for (int k = 0; k < n_bind_fails; k++) {
		if (bind_fails[k].st != st)
			continue;
		struct bind_fail f = bind_fails[k];
		bind_fails[k] = bind_fails[--n_bind_fails];
		return f;
	}
	return (struct bind_fail){st, SQLITE_OK, 0};
}

void sql_bind_forget(sqlite3_stmt *st)
{
	if (n_bind_fails)
		take_bind_fail(st);
}

int sql_bind_check(store *s, sqlite3_stmt *st, err *e)
{
	if (n_bind_fails == 0)
		return 0;
	struct bind_fail f = take_bind_fail(st);
	if (f.rc == SQLITE_OK)
		return 0;
	const char *sql = sqlite3_sql(st);
	sql = sql ? sql : "";
	const char *more = strlen(sql) > 60 ? "..." : "";
	switch (f.rc & 0xFF) {
	case SQLITE_TOOBIG:
		return err_set(e, ERR_INPUT,
			       "a value is too long for the database, which takes at most %d bytes (parameter %d of \"%.60s%s\"): shorten it and try again.",
			       sqlite3_limit(s->db, SQLITE_LIMIT_LENGTH, -1), f.param, sql, more);
	case SQLITE_RANGE:
		return err_set(e, ERR_INTERNAL,
			       "a value was bound to parameter %d of \"%.60s%s\", which has no such parameter (a bug in copro).",
			       f.param, sql, more);
	default:
		return err_set(e, ERR_INTERNAL,
			       "the database refused parameter %d of \"%.60s%s\": %s.",
			       f.param, sql, more, sqlite3_errstr(f.rc));
	}
}

void sql_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	bind_result(st, i, v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT)
			     : sqlite3_bind_null(st, i));
}

void sql_bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	bind_result(st, i, sqlite3_bind_int64(st, i, v));
}

void sql_bind_id(sqlite3_stmt *st, int i, int64_t v)
{
	bind_result(st, i, v ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i));
}

void sql_bind_double(sqlite3_stmt *st, int i, double v)
{
	bind_result(st, i, sqlite3_bind_double(st, i, v));
}

void sql_bind_null(sqlite3_stmt *st, int i)
{
	bind_result(st, i, sqlite3_bind_null(st, i));
}

int sql_step(store *s, sqlite3_stmt *st, err *e)
{
	if (sql_bind_check(s, st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? rc : sql_fail(s, rc, e);
}

const char *sql_col_text(arena *a, sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return NULL;
	return arena_strdup(a, (const char *)sqlite3_column_text(st, col));
}

int64_t sql_col_int(sqlite3_stmt *st, int col)
{
	return sqlite3_column_int64(st, col);
}

int sql_one(store *s, arena *a, sqlite3_stmt *st, void *row, sql_reader read, err *e)
{
	if (sql_bind_check(s, st, e) < 0) {
		sql_done(s, st);
		return -1;
	}
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read(a, st, row);
	sql_done(s, st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : sql_fail(s, rc, e);
}

int sql_collect(store *s, arena *a, sqlite3_stmt *st, void **items, size_t *n,
		size_t size, sql_reader read, err *e)
{
	size_t cap = 0;
	unsigned char *buf = NULL;
	int rc;
	*n = 0;
	*items = NULL;
	if (sql_bind_check(s, st, e) < 0) {
		sql_done(s, st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			unsigned char *grown = arena_array(a, ncap, size);
			if (*n)
				memcpy(grown, buf, *n * size);
			buf = grown;
			cap = ncap;
		}
		read(a, st, buf + *n * size);
		(*n)++;
	}
	sql_done(s, st);
	*items = buf;
	return rc == SQLITE_DONE ? 0 : sql_fail(s, rc, e);
}

int sql_one_by_id(store *s, arena *a, const char *sql, int64_t id, void *row,
		  sql_reader read, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, sql, e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, id);
	return sql_one(s, a, st, row, read, e);
}

int sql_list_by_id(store *s, arena *a, const char *sql, int64_t id, void **items,
		   size_t *n, size_t size, sql_reader read, err *e)
{
	sqlite3_stmt *st = sql_prepare(s, sql, e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, id);
	return sql_collect(s, a, st, items, n, size, read, e);
}

