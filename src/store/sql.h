/* sql.h: helpers shared by the store files: preparing, binding, stepping
 * and reading columns, and turning SQLite's codes into sentences. Internal
 * to src/store/. */
#ifndef COPRO_STORE_SQL_H
#define COPRO_STORE_SQL_H

#include <sqlite3.h>

#include "store/store.h"

/* A prepared statement from the connection's cache; give it back with
 * sql_done, never sqlite3_finalize (tests/lint checks). */
sqlite3_stmt *sql_prepare(store *s, const char *sql, err *e);
void sql_done(store *s, sqlite3_stmt *st);
int sql_fail(store *s, int rc, err *e);      /* sets e from rc, returns -1 */
/* Binds parameter i. A bind SQLite refuses (no parameter i, a value over
 * SQLITE_LIMIT_LENGTH, no memory) is remembered, and whatever runs the
 * statement next fails with it, giving the statement back: nothing runs
 * with a value missing. */
void sql_bind_text(sqlite3_stmt *st, int i, const char *v);   /* NULL binds NULL */
void sql_bind_int(sqlite3_stmt *st, int i, int64_t v);
void sql_bind_id(sqlite3_stmt *st, int i, int64_t v);         /* 0 binds NULL */
void sql_bind_double(sqlite3_stmt *st, int i, double v);
void sql_bind_null(sqlite3_stmt *st, int i);
/* For db.c: -1 with `e` set when a bind of `st` was refused (forgetting
 * it), else 0; and forgetting a refusal when `st` is given back unrun. */
int sql_bind_check(store *s, sqlite3_stmt *st, err *e);
void sql_bind_forget(sqlite3_stmt *st);
/* One step: SQLITE_ROW, SQLITE_DONE, or -1 with `e` set (a refused bind
 * or SQLite's error). The caller still gives the statement back. */
int sql_step(store *s, sqlite3_stmt *st, err *e);
/* Runs a statement that returns no rows, then gives it back. */
int sql_exec_stmt(store *s, sqlite3_stmt *st, err *e);
/* Runs plain SQL with no parameters (schema, pragmas). */
int sql_exec(store *s, const char *sql, err *e);
const char *sql_col_text(arena *a, sqlite3_stmt *st, int col);  /* NULL stays NULL */
int64_t sql_col_int(sqlite3_stmt *st, int col);
/* Reads rows with `read` into one struct (sql_one: 1 found, 0 not) or an
 * arena array (sql_collect); both finalize the statement. */
typedef void (*sql_reader)(arena *a, sqlite3_stmt *st, void *row);
int sql_one(store *s, arena *a, sqlite3_stmt *st, void *row, sql_reader read, err *e);
int sql_collect(store *s, arena *a, sqlite3_stmt *st, void **items, size_t *n,
		size_t size, sql_reader read, err *e);
/* The common case: SQL with one integer parameter (an id), read into one
 * row or a list. */
int sql_one_by_id(store *s, arena *a, const char *sql, int64_t id, void *row,
		  sql_reader read, err *e);
int sql_list_by_id(store *s, arena *a, const char *sql, int64_t id, void **items,
		   size_t *n, size_t size, sql_reader read, err *e);
#define SQL_LIST_BY_ID(s, a, sql, id, out, read, e) \
	sql_list_by_id(s, a, sql, id, (void **)&(out)->items, &(out)->n, \
		       sizeof *(out)->items, read, e)

#endif
