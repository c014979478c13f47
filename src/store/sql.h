/* sql.h: helpers shared by the store files: preparing and running
 * statements, binding their parameters, reading rows into structs through
 * a table of each row's columns, and turning the engine's codes into
 * sentences. Internal to src/store/: no file above it learns which engine
 * (engine.h) runs. */
#ifndef COPRO_STORE_SQL_H
#define COPRO_STORE_SQL_H

#include <stdbool.h>

#include "store/store.h"

/* A prepared statement of whichever engine runs (engine.h). */
typedef struct sql_stmt sql_stmt;

/* What sql_step answers besides -1. */
#define SQL_STEP_ROW 100
#define SQL_STEP_DONE 101

/* Whether the store runs on PostgreSQL: for the few statements whose
 * text must differ, through SQL_DIALECT. */
bool store_engine_is_pg(const store *s);
/* The SQL text for the engine of `s`: SQL_DIALECT(s, "sqlite", "pg"). */
#define SQL_DIALECT(s, sqlite_text, pg_text) (store_engine_is_pg(s) ? (pg_text) : (sqlite_text))

/* ---- rows as tables of columns ------------------------------------------
 * A row struct is described once, by a table of its fields: where each
 * sits (offsetof), its C type (checked when the table compiles) and the
 * :name it binds as. Reading fills the fields in table order from the
 * columns of a SELECT, from column 0; writing binds each :name parameter
 * of a statement from the field of that name. One generic loop does what a
 * hand-written reader and binder per row type did. */

enum sql_kind {
	SQL_END,                /* ends a table */
	SQL_TEXT,               /* const char *; NULL is SQL NULL */
	SQL_I64,                /* int64_t */
	SQL_ID,                 /* int64_t; 0 (no record) binds as NULL */
	SQL_INT,                /* int */
	SQL_BOOL,               /* bool, stored as 0 or 1 */
	SQL_BIT,                /* one flag (aux) of an int, stored as 0 or 1 */
	SQL_FLAGS,              /* the same, read first: the int becomes this flag or 0 */
	SQL_INT_OR_NONE,        /* int; SQL_NONE stands for SQL NULL */
	SQL_REAL,               /* double */
	SQL_REAL_OPT,           /* double, with a bool (at offset aux) saying it is there */
	SQL_I64_OPT,            /* int64_t, likewise */
};

#define SQL_NONE (-1)

typedef struct sql_col {
	const char *name;       /* ":field": the parameter it binds */
	uint16_t off, aux;
	uint8_t kind;
} sql_col;

/* The C type of each kind, and 0 (or a compile error when field f of T
 * is not of that type). */
#define SQL_C_TEXT const char *
#define SQL_C_I64 int64_t
#define SQL_C_ID int64_t
#define SQL_C_INT int
#define SQL_C_BOOL bool
#define SQL_C_INT_OR_NONE int
#define SQL_C_REAL double
#define SQL_C_REAL_OPT double
#define SQL_C_I64_OPT int64_t
#define SQL_IS(T, f, type) (0 * sizeof(_Generic(((T *)0)->f, type: 1)))
#define SQL_AT(T, f, type) ((uint16_t)(offsetof(T, f) + SQL_IS(T, f, type)))

/* Field f of row type T, of kind K (TEXT, I64, ID, ...). */
#define SQL_COL(T, f, K) {":" #f, SQL_AT(T, f, SQL_C_##K), 0, SQL_##K}
/* A value that may be missing: bool field `has` says whether it is there. */
#define SQL_OPT(T, f, has, K) \
	{":" #f, SQL_AT(T, f, SQL_C_##K##_OPT), SQL_AT(T, has, bool), SQL_##K##_OPT}
/* Flag `bit` of the int field f, as the 0-or-1 column `name`; reading
 * sets or clears that flag alone. */
#define SQL_BIT(T, f, bit, name) {":" #name, SQL_AT(T, f, int), bit, SQL_BIT}
/* The partner groups (GROUP_ flags) as with_cyp, with_parents and
 * with_practitioners, the columns every table holding them uses; the
 * first sets the whole int, so no other bits survive a read. */
#define SQL_GROUPS(T, f) \
	{":with_cyp", SQL_AT(T, f, int), GROUP_CYP, SQL_FLAGS}, \
	SQL_BIT(T, f, GROUP_PARENTS, with_parents), \
	SQL_BIT(T, f, GROUP_PRACTITIONERS, with_practitioners)
#define SQL_TABLE_END {NULL, 0, 0, SQL_END}

/* One value read alone (a count, an id, a name): the "row" is the
 * variable itself. */
extern const sql_col sql_int64_row[], sql_text_row[];

/* Reads the current row of `st` into `row`. Strings are copied into `a`;
 * with `a` NULL they point into the engine's buffers, valid until the
 * next step (the exports' streams). */
void sql_read_row(arena *a, sql_stmt *st, void *row, const sql_col *cols);

/* ---- SQL the store files share ------------------------------------------ */

/* The id of an organisation's latest accepted audit: the newest audit
 * date, then the highest id. The audit (organisation_id, status,
 * audit_date) index holds the rows in that order, so this reads one index
 * entry (the area's pages and the national summary agree on it). */
#define SQL_LATEST_ACCEPTED(org) \
	"(SELECT a.id FROM audit a WHERE a.organisation_id = " org \
	" AND a.status = 'accepted' ORDER BY a.audit_date DESC, a.id DESC LIMIT 1)"

/* 1 when the account `user` is a lead or area administrator where the
 * area asks for two-factor sign-in and has not set it up, else 0 (1 or 0,
 * not a truth value, which PostgreSQL would give as t or f). */
#define SQL_TWO_FACTOR_MISSING(user) \
	"CASE WHEN EXISTS (SELECT 1 FROM membership m" \
	" LEFT JOIN organisation o ON o.id = m.organisation_id" \
	" JOIN two_factor_area_setting t ON t.area_id = COALESCE(m.area_id, o.area_id)" \
	" WHERE m.user_id = " user " AND m.role IN ('area-admin', 'lead') AND t.required = 1)" \
	" AND NOT EXISTS (SELECT 1 FROM two_factor WHERE user_id = " user \
	" AND confirmed_at IS NOT NULL) THEN 1 ELSE 0 END"

/* ---- parameters ----------------------------------------------------------
 * A statement's :name parameters are bound from a row's fields, its `?`
 * parameters from arguments in order (?N from the N-th, when a statement
 * names no field). */

typedef struct sql_arg {
	uint8_t kind;           /* SQL_TEXT, SQL_I64 or SQL_ID */
	union {
		const char *text;
		int64_t i;
	};
} sql_arg;

static inline sql_arg sql_text(const char *v)
{
	return (sql_arg){.kind = SQL_TEXT, .text = v};
}

static inline sql_arg sql_int(int64_t v)
{
	return (sql_arg){.kind = SQL_I64, .i = v};
}

static inline sql_arg sql_id(int64_t v)         /* 0 binds NULL */
{
	return (sql_arg){.kind = SQL_ID, .i = v};
}

typedef struct sql_in {
	const sql_col *cols;    /* :name parameters: fields of `row` */
	const void *row;
	const sql_arg *args;    /* ? parameters, in order */
	size_t n_args;
} sql_in;

#define SQL_ARGV(...) (const sql_arg[]){__VA_ARGS__}, \
	sizeof((const sql_arg[]){__VA_ARGS__}) / sizeof(sql_arg)
/* sql_in values for the calls below. */
#define SQL_ROW(cols, row) (&(const sql_in){(cols), (row), NULL, 0})
#define SQL_ARGS(...) (&(const sql_in){NULL, NULL, SQL_ARGV(__VA_ARGS__)})
#define SQL_ROW_ARGS(cols, row, ...) (&(const sql_in){(cols), (row), SQL_ARGV(__VA_ARGS__)})
#define SQL_ID_ARG(id) SQL_ARGS(sql_int(id))

/* Binds every parameter of `st` from `in` (NULL: no parameters). A
 * parameter with nothing to bind it from, or an argument left over, is
 * a refused bind, reported when the statement runs. */
void sql_bind_in(sql_stmt *st, const sql_in *in);

/* Between store_reads_begin and store_reads_end on an engine that runs
 * reads together: keeps `st` (bound) and where its rows go, to be read by
 * store_reads_end; false when nothing is queuing or the queue is full
 * (then the caller runs it now). */
bool sql_queue_list(store *s, arena *a, sql_stmt *st, void **items, size_t *n, size_t size,
		    const sql_col *cols);
/* Gives back the statements still queued (store_close). */
void store_reads_free(store *s);

/* ---- running a statement in one call ------------------------------------
 * Each prepares `sql`, binds `in`, runs it and gives it back. */

/* A statement that returns no rows: 0, or -1. */
int sql_run(store *s, const char *sql, const sql_in *in, err *e);
/* The same for a write whose answer the caller does not need: inside a
 * transaction on PostgreSQL it is sent without waiting, and its answer
 * read with the next statement's or the commit's (one round trip for
 * both), which report its failure. Elsewhere sql_run. */
int sql_send(store *s, const char *sql, const sql_in *in, err *e);
/* The same, answering 1 when it changed a row and 0 when none. */
int sql_change(store *s, const char *sql, const sql_in *in, err *e);
/* An INSERT: *id is the new row's. */
int sql_insert(store *s, const char *sql, const sql_in *in, int64_t *id, err *e);
/* The first column of the first row as an integer (a count, an id), 0
 * when there is no row: 0, or -1. */
int sql_get_int(store *s, const char *sql, const sql_in *in, int64_t *v, err *e);
/* A query read into one row (1 found, 0 not) or an arena array. */
int sql_get(store *s, arena *a, const char *sql, const sql_in *in, void *row,
	    const sql_col *cols, err *e);
int sql_list(store *s, arena *a, const char *sql, const sql_in *in, void **items, size_t *n,
	     size_t size, const sql_col *cols, err *e);
/* A query read into a STORE_LIST `out`. */
#define SQL_LIST(s, a, sql, in, out, cols, e) \
	sql_list(s, a, sql, in, (void **)&(out)->items, &(out)->n, sizeof *(out)->items, cols, e)

/* ---- statements one at a time --------------------------------------------
 * For a statement run many times (bulk writes) or read as a stream. */

/* A prepared statement from the connection's cache; give it back with
 * sql_done, never the engine's finalize (tests/lint checks). */
sql_stmt *sql_prepare(store *s, const char *sql, err *e);
void sql_done(store *s, sql_stmt *st);
int sql_fail(store *s, int rc, err *e);      /* sets e from rc, returns -1 */
/* Binds parameter i. A bind the engine refuses (no parameter i, a value
 * over its length limit, no memory) is remembered, and whatever runs the
 * statement next fails with it, giving the statement back: nothing runs
 * with a value missing. */
void sql_bind_text(sql_stmt *st, int i, const char *v);   /* NULL binds NULL */
void sql_bind_int(sql_stmt *st, int i, int64_t v);
void sql_bind_id(sql_stmt *st, int i, int64_t v);         /* 0 binds NULL */
void sql_bind_double(sql_stmt *st, int i, double v);
void sql_bind_null(sql_stmt *st, int i);
/* n bytes at v, not copied: they must stay until the statement has run. */
void sql_bind_blob(sql_stmt *st, int i, const void *v, size_t n);
/* For db.c: -1 with `e` set when a bind of `st` was refused (forgetting
 * it), else 0; and forgetting a refusal when `st` is given back unrun. */
int sql_bind_check(store *s, sql_stmt *st, err *e);
void sql_bind_forget(sql_stmt *st);
/* One step: SQL_STEP_ROW, SQL_STEP_DONE, or -1 with `e` set (a refused
 * bind or the engine's error). The caller still gives the statement back. */
int sql_step(store *s, sql_stmt *st, err *e);
/* Readies a statement that has run to be bound and run again. */
void sql_reset(sql_stmt *st);
/* Rows the last INSERT, UPDATE or DELETE changed; the id the last INSERT
 * made. */
int64_t sql_changes(store *s);
int64_t sql_last_id(store *s);
/* Column c of the current row as bytes (a BLOB or BYTEA): valid until
 * the next step. */
const void *sql_column_blob(sql_stmt *st, int c, size_t *n);
/* Runs a statement that returns no rows, then gives it back. */
int sql_exec_stmt(store *s, sql_stmt *st, err *e);
/* Runs plain SQL with no parameters (schema, pragmas). */
int sql_exec(store *s, const char *sql, err *e);

/* The busy timeout of every connection, milliseconds (db.c). */
int store_busy_timeout_ms(void);
/* The WAL's size limit in bytes: 64 MB or COPRO_WAL_LIMIT_MB (wal.c). */
int64_t store_wal_limit(void);

/* fsync of a file or, with flags O_DIRECTORY, of a folder (backup.c). */
int store_sync_path(const char *path, int flags);
/* The folder of `path` into `dir`: "." for a bare name. */
void store_folder_of(const char *path, char *dir, size_t n);
/* Reads rows into one struct (sql_one: 1 found, 0 not) or an arena array
 * (sql_collect: NULL when there are none); both give the statement back. */
int sql_one(store *s, arena *a, sql_stmt *st, void *row, const sql_col *cols, err *e);
int sql_collect(store *s, arena *a, sql_stmt *st, void **items, size_t *n,
		size_t size, const sql_col *cols, err *e);

#endif
