/* connection.c: the store's door whatever the engine: opening a path or a
 * postgresql:// URI, migrations, nested transactions and the statement
 * calls, each handed to the engine table (engine.h) of the store. */
#include "store/engine.h"
#include "store/sql.h"

#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/text.h"
#include "store/schema.h"

bool store_where_is_pg(const char *where)
{
	return strncmp(where, "postgresql:", 11) == 0 || strncmp(where, "postgres:", 9) == 0;
}

bool store_engine_is_pg(const store *s)
{
	return s->engine == &sql_engine_pg;
}

bool store_connection_lost(const store *s)
{
	return !s->engine || (s->engine->lost && s->engine->lost(s));
}

bool store_writes_one_at_a_time(const store *s)
{
	return !s->engine->writers_side_by_side;
}

const char *store_name(const store *s)
{
	return s->path;
}

bool store_schema_made(const store *s)
{
	return s->made;
}

/* ---- statements --------------------------------------------------------- */

sql_stmt *sql_prepare(store *s, const char *sql, err *e)
{
	s->statements++;
	return s->engine->prepare(s, sql, e);
}

uint64_t store_statements(const store *s)
{
	return s->statements;
}

uint64_t store_transactions(const store *s)
{
	return s->transactions;
}

void sql_done(store *s, sql_stmt *st)
{
	if (st)
		s->engine->done(s, st);
}

/* The engines' count is the last write's, so a read after a write may
 * note it again: only ever too often, which costs a fold that finds
 * little to do. */
void store_note_write(store *s)
{
	if (s->engine->changes(s) <= 0)
		return;
	if (s->in_tx)
		s->tx_wrote = true;
	else
		s->wrote = true;
}

int sql_exec_stmt(store *s, sql_stmt *st, err *e)
{
	int rc = s->engine->exec_stmt(s, st, e);
	if (rc == 0)
		store_note_write(s);
	return rc;
}

int sql_exec(store *s, const char *sql, err *e)
{
	return s->engine->exec(s, sql, e);
}

int sql_fail(store *s, int rc, err *e)
{
	return s->engine->fail(s, rc, e);
}

/* ---- migrations ----------------------------------------------------------- */

int store_latest_version(void)
{
	return (int)schema_migrations_count;
}

int store_schema_version(store *s, err *e)
{
	int64_t v = 0;
	if (sql_get_int(s, "SELECT COALESCE(MAX(version), 0) FROM schema_migration", NULL, &v, e) < 0)
		return -1;
	return (int)v;
}

/* One transaction holding the engine's migration lock: several servers
 * starting together on one PostgreSQL database take turns, and each reads
 * the version again once it holds the lock. */
static int migration_begin(store *s, bool table_exists, err *e)
{
	if (store_begin(s, e) < 0)
		return -1;
	if (s->engine->migration_lock && s->engine->migration_lock(s, table_exists, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

static int migration_table(store *s, err *e)
{
	bool has = false;
	if (s->engine->has_table(s, "schema_migration", &has, e) < 0)
		return -1;
	if (has)
		return 0;
	if (migration_begin(s, false, e) < 0)
		return -1;
	if (sql_exec(s, "CREATE TABLE IF NOT EXISTS schema_migration ("
		     " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", e) < 0 ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* Applies migration v+1 when the database is at v; *done when there was
 * none left. Each runs in its own transaction with its version row, so a
 * crash leaves the schema at a whole version. */
static int migrate_one(store *s, bool *done, err *e)
{
	if (migration_begin(s, true, e) < 0)
		return -1;
	int v = store_schema_version(s, e);
	if (v < 0)
		goto fail;
	if (v > store_latest_version()) {
		err_set(e, ERR_IO,
			"the database %s was made by a newer copro (schema %d, this one knows %d): upgrade copro.",
			s->path, v, store_latest_version());
		goto fail;
	}
	*done = v == store_latest_version();
	if (!*done) {
		char now[21];
		time_now_iso(now);
		/* A new PostgreSQL database starts from the baseline, which
		 * records the versions it stands for (schema.h). */
		bool pg = store_engine_is_pg(s);
		if (pg && v == 0) {
			if (sql_exec(s, schema_pg_baseline, e) < 0)
				goto fail;
		} else if (sql_exec(s, schema_migration_sql(v + 1, pg), e) < 0 ||
			   sql_run(s, "INSERT INTO schema_migration (version, applied_at) VALUES (?, ?)",
				   SQL_ARGS(sql_int(v + 1), sql_text(now)), e) < 0)
			goto fail;
	}
	if (store_commit(s, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

/* A database without copro's migration table. STORE_CREATE makes copro's
 * tables only where there are no others: copro never mixes its tables
 * with another program's. STORE_EXISTING refuses an empty PostgreSQL
 * database as SQLite's open refuses a missing file (`copro init` first),
 * so a server never makes the schema by surprise. */
static int unmade(store *s, enum store_mode mode, err *e)
{
	if (mode == STORE_EXISTING && store_engine_is_pg(s))
		return err_set(e, ERR_NOTFOUND,
			       "the database %s holds no copro tables yet: run `copro init` to create them in it, or give --db another database.",
			       s->path);
	int64_t n = 0;
	if (sql_get_int(s, SQL_DIALECT(s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
				       "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"),
			NULL, &n, e) < 0)
		return -1;
	bool ours = false;      /* made meanwhile by a copro starting beside this one */
	if (n > 0 && s->engine->has_table(s, "schema_migration", &ours, e) < 0)
		return -1;
	if (ours)
		return 0;
	if (n > 0)
		return err_set(e, ERR_CONFLICT,
			       "the database %s holds %lld %s of another program and none of copro's: copro needs a database of its own. Make an empty one (for PostgreSQL: createdb) and run `copro init` on it.",
			       s->path, (long long)n, n == 1 ? "table" : "tables");
	s->made = true;
	return 0;
}

int store_schema_state(store *s, bool *made, int *version, err *e)
{
	if (s->engine->opened_schema && s->engine->opened_schema(s, made, version))
		return 0;
	*version = 0;
	if (s->engine->has_table(s, "schema_migration", made, e) < 0)
		return -1;
	if (*made && (*version = store_schema_version(s, e)) < 0)
		return -1;
	return 0;
}

/* After the connection: a database without copro's tables, or at another
 * version. The usual start (made, at this copro's version) reads nothing
 * more; store_migrate reads the version again under the migration lock
 * and refuses a newer one. */
static int open_checks(store *s, enum store_mode mode, err *e)
{
	bool made = false;
	int version = 0;
	if (store_schema_state(s, &made, &version, e) < 0)
		return -1;
	if (!made && unmade(s, mode, e) < 0)
		return -1;
	return made && version == store_latest_version() ? 0 : store_migrate(s, e);
}

int store_migrate(store *s, err *e)
{
	if (migration_table(s, e) < 0)
		return -1;
	int current = store_schema_version(s, e);
	if (current < 0)
		return -1;
	if (current == store_latest_version())
		return 0;       /* the usual start: no transaction, no lock */
	for (bool done = false; !done;)
		if (migrate_one(s, &done, e) < 0)
			return -1;
	return 0;
}

/* ---- opening -------------------------------------------------------------- */

/* A page's reads free what they held when it is drawn: libpq's results
 * (a few hundred kilobytes for a thousand rows), the lists in the
 * request's arena, SQLite's scratch. When that memory is the top of the
 * heap glibc gives it back to the system (past its trim threshold, 128 KB
 * at first) and the next request takes it again, a page fault for each
 * 4 KB: the evidence library of bench/run-pg's heavy organisation paid 157
 * faults a request on PostgreSQL, and on SQLite none or 42 as the order of
 * its reads fell (perf stat, quick dataset), 3.3 ms of copro's CPU on
 * PostgreSQL against 0.95 ms with the memory kept. So a process with a
 * database keeps up to 16 MB of freed memory in each of its malloc arenas
 * for the next request, and blocks under 4 MB come from the heap rather
 * than a mapping made and unmade for each. Once, before the first
 * connection, whichever the engine. */
static void keep_freed_memory(void)
{
	mallopt(M_TRIM_THRESHOLD, 16 << 20);
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
}

int store_connect(store *s, const char *where, enum store_mode mode, err *e)
{
	return store_connect_named(s, where, "--db", mode, e);
}

int store_connect_named(store *s, const char *where, const char *option, enum store_mode mode, err *e)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, keep_freed_memory);
	memset(s, 0, sizeof *s);
	s->option = option;
	s->engine = store_where_is_pg(where) ? &sql_engine_pg : &sql_engine_sqlite;
	s->path = strdup(where);        /* the PostgreSQL engine hides a password */
	if (!s->path)
		abort();
	if (s->engine->open(s, where, mode, e) < 0) {
		store_close(s);
		return -1;
	}
	return 0;
}

int store_open(store *s, const char *where, enum store_mode mode, err *e)
{
	memset(s, 0, sizeof *s);
	if (store_connect(s, where, mode, e) < 0)
		return -1;
	if (mode != STORE_READONLY && open_checks(s, mode, e) < 0) {
		store_close(s);
		return -1;
	}
	return 0;
}

void store_close(store *s)
{
	if (!s->engine)
		return;
	if (s->in_tx)
		store_rollback(s);
	store_read_end(s);
	store_reads_free(s);
	s->engine->close(s);
	free(s->path);
	memset(s, 0, sizeof *s);
}

int store_is_empty(store *s, bool *empty, err *e)
{
	int64_t n = 0;
	if (sql_get_int(s, "SELECT (SELECT COUNT(*) FROM organisation) +"
			" (SELECT COUNT(*) FROM framework_version)", NULL, &n, e) < 0)
		return -1;
	*empty = n == 0;
	return 0;
}

/* ---- transactions ----------------------------------------------------------
 * Transactions nest: only the outermost begins and commits, so a larger
 * job (the demo, an import) can call the domain's own writes and still be
 * all or nothing. A rollback at any depth rolls back the whole. */

/* This thread's outermost transaction is open (store_thread_in_tx). */
static _Thread_local bool thread_in_tx;

bool store_thread_in_tx(void)
{
	return thread_in_tx;
}

int store_begin(store *s, err *e)
{
	if (s->in_tx) {
		s->in_tx++;
		return 0;
	}
	s->refused = 0;
	s->conflicted = false;
	s->tx_wrote = false;
	if (s->engine->begin(s, e) < 0)
		return -1;
	s->transactions++;
	s->in_tx = 1;
	thread_in_tx = true;
	return 0;
}

/* The engine's commit clears in_tx itself: after it, copro serve's shared
 * writer connection may be another thread's, so `s` is not touched. */
int store_commit(store *s, err *e)
{
	if (s->in_tx == 0)
		return err_set(e, ERR_INTERNAL, "commit without a transaction (a bug in copro).");
	if (s->in_tx > 1) {
		s->in_tx--;
		return 0;
	}
	thread_in_tx = false;
	s->wrote |= s->tx_wrote;        /* before: `s` is not touched after the commit */
	s->tx_wrote = false;
	return s->engine->commit(s, e);
}

void store_rollback(store *s)
{
	if (!s->in_tx)
		return;
	s->engine->rollback(s);
	s->in_tx = 0;
	s->tx_wrote = false;
	thread_in_tx = false;
}

/* A read-only snapshot across several queries: answers that agree with
 * each other. No write may happen inside it (on SQLite it would wait for
 * the write lock and could find the snapshot out of date). */
int store_read_begin(store *s, err *e)
{
	if (s->in_tx || s->in_read)
		return err_set(e, ERR_INTERNAL, "a read inside a transaction (a bug in copro).");
	if (s->engine->read_begin(s, e) < 0)
		return -1;
	s->transactions++;
	s->in_read = true;
	return 0;
}

bool store_read_together(store *s)
{
	err e = {0};
	return !s->engine->statements_are_round_trips && store_read_begin(s, &e) == 0;
}

void store_read_end(store *s)
{
	if (!s->in_read)
		return;
	s->engine->read_end(s);
	s->in_read = false;
}

bool store_tx_failed(const store *s)
{
	return s->engine && s->engine->tx_failed && s->engine->tx_failed(s);
}

int store_refusal(store *s, err *e)
{
	int rc = s->refused;
	if (s->conflicted)      /* lost to a concurrent change: not the form's fault */
		return err_set(e, ERR_BUSY, "the database is busy");
	if (!rc)
		return 0;
	switch (s->engine->classify(s, rc)) {
	case SQL_CLASS_BUSY:
		return err_set(e, ERR_BUSY, "the database is busy");
	case SQL_CLASS_READONLY:
		return err_set(e, ERR_IO, "the database is read-only");
	case SQL_CLASS_FULL:
		return err_set(e, ERR_IO, "the disk holding the database is full");
	default:
		return err_set(e, ERR_IO, "the disk holding the database reported an error (%s)",
			       s->engine->errstr(rc));
	}
}

/* ---- running a unit of work again --------------------------------------
 * Only PostgreSQL's SERIALIZABLE writes lose this way (engine_pg.c): the
 * loser's reads were made stale by a commit, so running it again reads
 * the winner's data and decides afresh. The pause, random within a few
 * milliseconds and longer each try, keeps two losers from meeting again. */
bool store_retry_next(store *s, int done)
{
	if (!s->conflicted || done >= STORE_TRIES)
		return false;
	store_rollback(s);      /* at any depth: the whole */
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = 5L * done + (long)(now.tv_nsec / 1000 % (10000L * done)) / 1000;
	struct timespec pause = {.tv_sec = 0, .tv_nsec = ms * 1000000L};
	nanosleep(&pause, NULL);
	s->conflicted = false;
	return true;
}

bool store_lost(const store *s)
{
	return s->conflicted;
}

int store_retry(store *s, store_unit unit, void *ctx, err *e)
{
	for (int done = 1;; done++) {
		s->conflicted = false;
		*e = (err){0};
		int rc = unit(s, ctx, e);
		if (rc < 0)
			store_rollback(s);      /* nothing of a failed try stays open */
		if (rc >= 0 || !store_retry_next(s, done))
			return rc;
	}
}
