/* engine.h: what a database engine provides behind the store: opening a
 * connection, statements (sql_stmt), transactions and its errors. SQLite
 * (db.c, engine_sqlite.c) and PostgreSQL (engine_pg.c). Internal to
 * src/store: sql.c and db.c reach an engine only through this table. */
#ifndef COPRO_STORE_ENGINE_H
#define COPRO_STORE_ENGINE_H

#include "store/sql.h"

/* Every engine's statement starts with this, so the generic code (sql.c)
 * finds the engine from the statement alone. */
struct sql_stmt {
	const struct sql_engine *eng;
};

/* The most reads sql.c queues to run together (store_reads_begin). */
#define SQL_TOGETHER_MAX 16

/* The kinds of failure copro tells apart, whatever the engine. */
enum sql_class {
	SQL_CLASS_OTHER,
	SQL_CLASS_BUSY,                 /* locked by another writer; try again */
	SQL_CLASS_FULL,                 /* the disk is full */
	SQL_CLASS_READONLY,
	SQL_CLASS_IO,                   /* the disk or the server failed */
	SQL_CLASS_CANTOPEN,
	SQL_CLASS_CORRUPT,              /* not a copro database, or damaged */
	SQL_CLASS_CONSTRAINT,           /* the data broke a constraint */
	SQL_CLASS_SERIALIZATION,        /* a concurrent transaction won: run it again */
	SQL_CLASS_TOOBIG,               /* a value over the engine's limit */
	SQL_CLASS_RANGE,                /* no such parameter */
	SQL_CLASS_DENIED,               /* the server's role may not (PostgreSQL) */
};

/* A value's type as the engine holds it. */
enum sql_value { SQL_VALUE_NULL, SQL_VALUE_INT, SQL_VALUE_REAL, SQL_VALUE_TEXT, SQL_VALUE_BLOB };

typedef struct sql_engine {
	const char *name;
	/* The connection. `where` is a path (SQLite) or a URI (PostgreSQL). */
	int (*open)(store *s, const char *where, enum store_mode mode, err *e);
	void (*close)(store *s);
	/* Statements from the connection's cache, given back with done. */
	sql_stmt *(*prepare)(store *s, const char *sql, err *e);
	void (*done)(store *s, sql_stmt *st);
	int (*exec_stmt)(store *s, sql_stmt *st, err *e);
	/* A write inside a transaction whose answer the caller does not need:
	 * sent, and its answer read with the next statement's or the
	 * commit's, which report its failure (PostgreSQL's pipeline). Gives
	 * st back as exec_stmt does. NULL: exec_stmt. */
	int (*send_stmt)(store *s, sql_stmt *st, err *e);
	int (*exec)(store *s, const char *sql, err *e);
	/* The outermost transaction (db.c's store_begin keeps the nesting). */
	int (*begin)(store *s, err *e);
	int (*commit)(store *s, err *e);
	void (*rollback)(store *s);
	int (*read_begin)(store *s, err *e);
	void (*read_end)(store *s);
	int64_t (*changes)(store *s);
	int64_t (*last_id)(store *s);
	/* Sets `e` from the engine's code rc; -1. */
	int (*fail)(store *s, int rc, err *e);
	enum sql_class (*classify)(store *s, int rc);
	const char *(*errstr)(int rc);
	int64_t (*max_bytes)(store *s);         /* the longest value it takes */
	int (*has_table)(store *s, const char *name, bool *has, err *e);
	/* The schema as the connection's start found it, answered once
	 * (store_schema_state): true with *made (copro's migration table is
	 * in the connection's current schema) and *version (0 when not made).
	 * False, or NULL: not known, has_table and the version are read.
	 * PostgreSQL reads it in the round trip of its session settings. */
	bool (*opened_schema)(store *s, bool *made, int *version);
	/* The first statement of a migration's transaction: keeps other
	 * servers' migrations out until it commits (SQLite's BEGIN IMMEDIATE
	 * already does), and, once the migration table exists, before the
	 * transaction reads anything, so that what it reads is what the
	 * last one committed. NULL: nothing to do. */
	int (*migration_lock)(store *s, bool table_exists, err *e);
	/* Writers run side by side, each on its own connection (PostgreSQL),
	 * rather than one at a time under a file's lock (SQLite). */
	bool writers_side_by_side;
	/* Every statement, BEGIN and COMMIT too, is a message to a server
	 * and back (PostgreSQL); SQLite's run inside the process, where a
	 * run of reads is cheaper in one snapshot (one set of file locks). */
	bool statements_are_round_trips;
	/* Runs n bound statements (n <= SQL_TOGETHER_MAX) in one round trip,
	 * each left holding its rows for step: 0 or the first refusal's code.
	 * NULL: reads run one by one as they come (SQLite, in the process). */
	int (*run_together)(store *s, sql_stmt **sts, size_t n);
	/* The server dropped the connection (a restart): it must be opened
	 * again. NULL: a connection is never lost (SQLite's file). */
	bool (*lost)(const store *s);
	/* A refused statement ended the open transaction, which runs nothing
	 * more until its rollback (PostgreSQL). NULL: never (SQLite keeps
	 * the transaction and its other writes). */
	bool (*tx_failed)(const store *s);
	/* Statements: binds and steps answer 0 (SQL_STEP_ROW, SQL_STEP_DONE
	 * for step) or the engine's code. */
	const char *(*sql_text)(sql_stmt *st);
	int (*param_count)(sql_stmt *st);
	const char *(*param_name)(sql_stmt *st, int i);
	int (*bind_text)(sql_stmt *st, int i, const char *v);
	int (*bind_int)(sql_stmt *st, int i, int64_t v);
	int (*bind_double)(sql_stmt *st, int i, double v);
	int (*bind_null)(sql_stmt *st, int i);
	int (*bind_blob)(sql_stmt *st, int i, const void *v, size_t n);
	int (*step)(store *s, sql_stmt *st);
	void (*reset)(sql_stmt *st);            /* ready to bind and run again */
	bool (*col_null)(sql_stmt *st, int c);
	int64_t (*col_int)(sql_stmt *st, int c);
	double (*col_double)(sql_stmt *st, int c);
	const char *(*col_text)(sql_stmt *st, int c, size_t *n);
	const void *(*col_blob)(sql_stmt *st, int c, size_t *n);
	/* What column c of the current row holds (copy.c copies any table
	 * without knowing its columns' types). */
	enum sql_value (*col_type)(sql_stmt *st, int c);
} sql_engine;

extern const sql_engine sql_engine_sqlite, sql_engine_pg;

/* Whether `where` names a PostgreSQL database (a libpq URI). */
bool store_where_is_pg(const char *where);
/* The PostgreSQL address `where` as messages show it, without its
 * password (malloc'd), or NULL, e set, when libpq cannot read it. */
char *store_pg_name(const char *where, err *e);
/* Whether two open PostgreSQL stores reach one database: the cluster
 * (its system identifier), database and schema their connections reached,
 * whatever addresses and options reached them (localhost or 127.0.0.1, a
 * socket or TCP, sslmode=require or not). */
bool store_pg_same_database(const store *a, const store *b);

/* store_open's two halves, for copy.c: the connection alone (no
 * migrations, PostgreSQL allowed: `copro migrate` reads and writes it
 * before the rest of copro does), and the migrations; the latter may run
 * inside an open transaction (then they are kept or undone with it). */
int store_connect(store *s, const char *where, enum store_mode mode, err *e);
/* store_connect for a database the user named with OPTION (messages say
 * "use OPTION to pick another"). */
int store_connect_named(store *s, const char *where, const char *option, enum store_mode mode, err *e);
int store_migrate(store *s, err *e);
/* Whether copro's migration table is in the database (*made) and the
 * schema's version (0 when not made). */
int store_schema_state(store *s, bool *made, int *version, err *e);

/* After a statement ran to its end: notes whether it changed rows
 * (store.wrote, store_revisions_fold_if_wrote). */
void store_note_write(store *s);

#endif
