/* engine_sqlite.h: SQLite's side of the engine table, shared by db.c (the
 * connection, its cache and commits) and engine_sqlite.c (statements and
 * errors). Internal to src/store. */
#ifndef COPRO_STORE_ENGINE_SQLITE_H
#define COPRO_STORE_ENGINE_SQLITE_H

#include <sqlite3.h>

#include "store/engine.h"
#include "store/sql.h"

typedef struct lite_stmt {
	sql_stmt h;
	sqlite3_stmt *st;
	struct cached_stmt *slot;       /* its place in the cache; NULL: finalize when done */
} lite_stmt;

int lite_open(store *s, const char *path, enum store_mode mode, err *e);
void lite_close(store *s);
sql_stmt *lite_prepare(store *s, const char *sql, err *e);
void lite_done(store *s, sql_stmt *st);
int lite_exec_stmt(store *s, sql_stmt *st, err *e);
int lite_exec(store *s, const char *sql, err *e);
int lite_begin(store *s, err *e);
int lite_commit(store *s, err *e);
void lite_rollback(store *s);
int lite_read_begin(store *s, err *e);
void lite_read_end(store *s);
int lite_fail(store *s, int rc, err *e);

#endif
