/* db.c: SQLite's connection: opening the file with its pragmas, the
 * statement cache, transactions and the durable (group) commits. The
 * engine table (engine_sqlite.c) hands these to the generic store. */
#include "store/engine_sqlite.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/text.h"
#include "store/schema.h"

static int durable_wait(bool let_go);
static _Thread_local int sync_rc;       /* the last durable_wait's result */

/* ---- prepared statements --------------------------------------------
 * Each connection keeps the statements it has prepared, keyed by their SQL
 * text: preparing costs more than running most of copro's queries, and a
 * page runs the same dozen every time. sql_done hands a statement back
 * (reset, bindings cleared) instead of finalizing it. A statement that is
 * still in use when the same SQL is asked for again (a query run while
 * another of the same text steps) is prepared afresh and finalized after. */

#define STMT_CACHE_SLOTS 512            /* a power of two; copro has ~400 queries */

typedef struct cached_stmt {
	uint64_t hash;
	char *sql;
	lite_stmt *st;
	bool busy;
} cached_stmt;

struct stmt_cache {
	cached_stmt slot[STMT_CACHE_SLOTS];
	size_t used;
};

static uint64_t sql_hash(const char *sql)
{
	uint64_t h = 1469598103934665603ull;          /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return h;
}

/* The slot holding `sql`, or the empty slot where it belongs. */
static cached_stmt *cache_slot(struct stmt_cache *c, const char *sql, uint64_t h)
{
	for (size_t i = h & (STMT_CACHE_SLOTS - 1);; i = (i + 1) & (STMT_CACHE_SLOTS - 1)) {
		cached_stmt *cs = &c->slot[i];
		if (!cs->st || (cs->hash == h && strcmp(cs->sql, sql) == 0))
			return cs;
	}
}

static lite_stmt *prepare(store *s, const char *sql, unsigned flags, err *e)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(s->db, sql, -1, flags, &st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		lite_fail(s, rc, e);
		return NULL;
	}
	lite_stmt *ls = malloc(sizeof *ls);
	if (!ls)
		abort();
	*ls = (lite_stmt){{&sql_engine_sqlite}, st, NULL};
	return ls;
}

static void finalize(lite_stmt *ls)
{
	if (!ls)
		return;
	sqlite3_finalize(ls->st);
	free(ls);
}

sql_stmt *lite_prepare(store *s, const char *sql, err *e)
{
	struct stmt_cache *c = s->stmts;
	if (!c)
		return (sql_stmt *)prepare(s, sql, 0, e);
	uint64_t h = sql_hash(sql);
	cached_stmt *cs = cache_slot(c, sql, h);
	if (cs->st && !cs->busy) {
		cs->busy = true;
		return &cs->st->h;
	}
	if (cs->st || c->used >= STMT_CACHE_SLOTS / 2)   /* busy, or the table is full */
		return (sql_stmt *)prepare(s, sql, 0, e);
	lite_stmt *st = prepare(s, sql, SQLITE_PREPARE_PERSISTENT, e);
	if (!st)
		return NULL;
	cs->sql = strdup(sql);
	if (!cs->sql)
		abort();
	cs->hash = h;
	cs->st = st;
	cs->busy = true;
	st->slot = cs;
	c->used++;
	return &st->h;
}

void lite_done(store *s, sql_stmt *h)
{
	(void)s;        /* the statement knows its place in the cache */
	if (!h)
		return;
	lite_stmt *st = (lite_stmt *)h;
	sql_bind_forget(h);     /* given back unrun: its refusal goes too */
	cached_stmt *cs = st->slot;
	if (!cs) {
		finalize(st);
		durable_wait(false);
		return;
	}
	/* Reset ends the statement's read of the database, so a cached
	 * statement never holds a snapshot between requests. */
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
	cs->busy = false;
	durable_wait(false);    /* a single statement that committed */
}

static void stmt_cache_free(store *s)
{
	struct stmt_cache *c = s->stmts;
	if (!c)
		return;
	for (size_t i = 0; i < STMT_CACHE_SLOTS; i++) {
		finalize(c->slot[i].st);
		free(c->slot[i].sql);
	}
	free(c);
	s->stmts = NULL;
}

int lite_exec_stmt(store *s, sql_stmt *st, err *e)
{
	if (sql_bind_check(s, st, e) < 0) {
		lite_done(s, st);
		return -1;
	}
	int rc = sqlite3_step(((lite_stmt *)st)->st);
	sync_rc = SQLITE_OK;
	lite_done(s, st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lite_fail(s, rc, e);
	return sync_rc == SQLITE_OK ? 0 : lite_fail(s, sync_rc, e);
}

/* Plain SQL without waiting for the disk: transactions' own statements. */
static int exec_raw(store *s, const char *sql, err *e)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : lite_fail(s, rc, e);
}

int lite_exec(store *s, const char *sql, err *e)
{
	if (exec_raw(s, sql, e) < 0)
		return -1;
	int rc = durable_wait(false);
	return rc == SQLITE_OK ? 0 : lite_fail(s, rc, e);
}

/* ---- durable commits --------------------------------------------------
 * A commit must be on disk before copro answers. SQLite's synchronous=FULL
 * does that by syncing the WAL while it holds the write lock, so commits
 * queue one sync each. Instead the connections run synchronous=NORMAL
 * (checkpoints still sync the WAL and the database before the WAL is
 * reused) and SQLite's WAL hook, called after a commit is written and the
 * write lock released, syncs the WAL before the commit returns. Commits
 * made while a sync runs share the next one: a group commit, per database
 * file, across all the connections of the process. */

#define CHECKPOINT_PAGES 1000   /* SQLite's own auto-checkpoint default */

typedef struct sync_group {
	struct sync_group *next;
	char *path;
	pthread_mutex_t lock;
	pthread_cond_t synced_cond;
	uint64_t written, synced;       /* commits counted; commits known on disk */
	bool syncing;
	/* Writers of this process queue here rather than in SQLite's busy
	 * handler, which sleeps in steps of milliseconds. */
	pthread_mutex_t write_lock;
	/* The WAL, opened by copro itself: syncing through a descriptor of
	 * its own needs no connection, so the connection that committed is
	 * free for the next writer while the disk works. */
	char *wal_path;
	int wal_fd;
	int connections;                /* this process's open connections */
	/* Checkpoints made by a thread of their own (copro serve), not by
	 * the writer whose commit filled the WAL: a checkpoint syncs the
	 * database file, and a writer waiting for that holds up all others. */
	bool background_checkpoints;
} sync_group;

/* A commit this thread has written and not yet seen on disk. */
static _Thread_local sync_group *pending_group;
static _Thread_local uint64_t pending_ticket;

/* The group whose write_lock this thread holds, from store_begin until
 * the commit is written (the WAL hook lets go before it syncs, so the next
 * writer can commit meanwhile) or rolled back. */
static _Thread_local sync_group *held_write;

static void release_write(void)
{
	if (!held_write)
		return;
	pthread_mutex_unlock(&held_write->write_lock);
	held_write = NULL;
}

static struct {
	pthread_mutex_t lock;
	sync_group *groups;
	uint64_t commits, syncs;        /* commits written and WAL syncs made */
} durable = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* The group of the database file `path`, made on first use; groups live
 * as long as the process. */
static sync_group *sync_group_of(const char *path)
{
	pthread_mutex_lock(&durable.lock);
	sync_group *g = durable.groups;
	while (g && strcmp(g->path, path) != 0)
		g = g->next;
	if (!g) {
		g = calloc(1, sizeof *g);
		if (!g || !(g->path = strdup(path)))
			abort();
		pthread_mutex_init(&g->lock, NULL);
		pthread_cond_init(&g->synced_cond, NULL);
		pthread_mutex_init(&g->write_lock, NULL);
		size_t n = strlen(path) + 5;
		g->wal_path = malloc(n);
		if (!g->wal_path)
			abort();
		snprintf(g->wal_path, n, "%s-wal", path);
		g->wal_fd = -1;
		g->next = durable.groups;
		durable.groups = g;
	}
	pthread_mutex_unlock(&durable.lock);
	return g;
}

/* COPRO_UNSAFE_NO_SYNC=1 turns every sync off: the crash suite's negative
 * control (tests/crash, docs/crash.md), which must be seen losing writes.
 * Never for real data, so every command that opens a database says so. */
static bool no_sync;

static void no_sync_read(void)
{
	const char *v = getenv("COPRO_UNSAFE_NO_SYNC");
	no_sync = v && strcmp(v, "1") == 0;
	if (no_sync)
		fprintf(stderr, "copro: WARNING: COPRO_UNSAFE_NO_SYNC=1 turns syncing off, so a power cut loses answered changes. It is for copro's crash tests only: unset it.\n");
}

static bool store_unsafe_no_sync(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, no_sync_read);
	return no_sync;
}

/* Makes the directory entry of `path` durable: SQLite syncs a new WAL's
 * directory on the WAL's first sync, which synchronous=NORMAL leaves to
 * the first checkpoint, so copro does it when it starts syncing a WAL. */
static int sync_dir_of(const char *path)
{
	char dir[4096];
	store_folder_of(path, dir, sizeof dir);
	return store_sync_path(dir, O_DIRECTORY);
}

/* Whether the held descriptor still names the WAL at the path. Once all
 * connections close, SQLite deletes the WAL and the next one makes a new
 * file. Comparing inode numbers alone is safe on Linux only because an
 * inode still open is never reused; a name count of zero says "deleted"
 * without relying on that (issue 15, section 4.1). */
static bool wal_fd_current(sync_group *g, const struct stat *now)
{
	struct stat held;
	if (g->wal_fd < 0 || fstat(g->wal_fd, &held) != 0)
		return false;
	return held.st_nlink > 0 && held.st_ino == now->st_ino && held.st_dev == now->st_dev;
}

/* fdatasync of the group's WAL. A descriptor syncs the file's data
 * whichever descriptor wrote it; a WAL that is not the held one (a new
 * WAL after all connections closed) is opened and its directory synced. */
static int sync_wal(sync_group *g)
{
	if (store_unsafe_no_sync())
		return SQLITE_OK;
	struct stat now;
	if (stat(g->wal_path, &now) != 0)
		return SQLITE_OK;       /* no WAL: everything is in the database file */
	if (!wal_fd_current(g, &now)) {
		if (g->wal_fd >= 0)
			close(g->wal_fd);
		g->wal_fd = open(g->wal_path, O_RDONLY | O_CLOEXEC);
		if (g->wal_fd < 0 || sync_dir_of(g->wal_path) != 0)
			return SQLITE_IOERR_FSYNC;
	}
	int rc = fdatasync(g->wal_fd) == 0 ? SQLITE_OK : SQLITE_IOERR_FSYNC;
	pthread_mutex_lock(&durable.lock);
	durable.syncs++;
	pthread_mutex_unlock(&durable.lock);
	return rc;
}

/* A connection of the group closes; with the last one SQLite deletes the
 * WAL, so the descriptor is let go rather than kept on a deleted file. */
static void group_connection_closed(sync_group *g)
{
	pthread_mutex_lock(&g->lock);
	if (--g->connections == 0 && !g->syncing && g->wal_fd >= 0) {
		close(g->wal_fd);
		g->wal_fd = -1;
	}
	pthread_mutex_unlock(&g->lock);
}

/* SQLite's WAL hook: a commit is written (the write lock let go). It is
 * only counted here; the thread waits for the disk in durable_wait, once
 * the statement has returned and the connection is free. */
static int on_commit(void *arg, sqlite3 *db, const char *name, int pages)
{
	sync_group *g = arg;
	pthread_mutex_lock(&durable.lock);
	durable.commits++;
	pthread_mutex_unlock(&durable.lock);
	pthread_mutex_lock(&g->lock);
	pending_group = g;
	pending_ticket = ++g->written;
	pthread_mutex_unlock(&g->lock);
	/* The hook replaces SQLite's auto-checkpoint, so it checkpoints too,
	 * unless a thread of the process does (store_checkpoint). */
	if (pages >= CHECKPOINT_PAGES && !g->background_checkpoints)
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

/* Returns once this thread's last commit is on disk: by a sync this call
 * makes, or by one another thread started after the commit was written.
 * At the end of a transaction (`let_go`) it first lets go of the
 * process's write lock, so the next writer commits while this one waits:
 * their commits share the next sync. */
static int durable_wait(bool let_go)
{
	sync_group *g = pending_group;
	if (let_go)
		release_write();
	if (!g)
		return sync_rc = SQLITE_OK;
	pending_group = NULL;
	int rc = SQLITE_OK;
	pthread_mutex_lock(&g->lock);
	while (g->synced < pending_ticket && rc == SQLITE_OK) {
		if (g->syncing) {
			pthread_cond_wait(&g->synced_cond, &g->lock);
			continue;
		}
		g->syncing = true;
		uint64_t upto = g->written;     /* all written before this sync starts */
		pthread_mutex_unlock(&g->lock);
		rc = sync_wal(g);
		pthread_mutex_lock(&g->lock);
		g->syncing = false;
		if (rc == SQLITE_OK && upto > g->synced)
			g->synced = upto;
		pthread_cond_broadcast(&g->synced_cond);
	}
	pthread_mutex_unlock(&g->lock);
	return sync_rc = rc;
}

void store_checkpoint_in_background(store *s)
{
	if (!s->group)
		return;
	pthread_mutex_lock(&s->group->lock);
	s->group->background_checkpoints = true;
	pthread_mutex_unlock(&s->group->lock);
}

void store_commit_counts(uint64_t *commits, uint64_t *syncs)
{
	pthread_mutex_lock(&durable.lock);
	*commits = durable.commits;
	*syncs = durable.syncs;
	pthread_mutex_unlock(&durable.lock);
}

/* ---- opening --------------------------------------------------------- */

int store_busy_timeout_ms(void)
{
	const char *env = getenv("COPRO_BUSY_TIMEOUT_MS");
	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);
		if (!*end && v >= 0 && v <= 600000)
			return (int)v;
	}
	return 5000;
}

/* SQLite counts every allocation under a global mutex unless told not
 * to; copro never reads the counts. Must come before SQLite starts, so
 * only the first store_open of the process does it. */
static void sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* The generic store_open (connection.c) has set s->path and checks
 * nothing else; migrations run after this returns. */
int lite_open(store *s, const char *path, enum store_mode mode, err *e)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, sqlite_setup);
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	if (!exists && mode == STORE_READONLY)
		return err_set(e, ERR_NOTFOUND, "there is no database at %s: check the path.", path);
	if (!exists && mode == STORE_EXISTING)
		return err_set(e, ERR_NOTFOUND,
			       "there is no database at %s: run `copro init` to create one, or give --db PATH (or set COPRO_DB).",
			       path);
	if (exists && !S_ISREG(sb.st_mode))
		return err_set(e, ERR_IO, "%s is not a file: give %s the path of a database file.", path,
			       s->option ? s->option : "--db");
	/* A read-only store still opens the file for writing where it may
	 * (SQLite falls back to reading alone where it may not), with
	 * query_only refusing every change: only a writable connection, the
	 * last to close, removes the -wal and -shm files beside the
	 * database, so a read-only open would leave them behind. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
		    (mode == STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (rc != SQLITE_OK)
		return lite_fail(s, rc, e);
	sqlite3_extended_result_codes(s->db, 1);
	s->stmts = calloc(1, sizeof *s->stmts);
	if (!s->stmts)
		abort();
	sqlite3_busy_timeout(s->db, store_busy_timeout_ms());
	/* WAL lets readers go on while one writer writes; the WAL hook
	 * (on_commit) makes a committed write survive power loss before the
	 * commit returns, as the store promises. */
	if (lite_exec(s, "PRAGMA foreign_keys = ON", e) < 0)
		return -1;
	if (mode == STORE_READONLY && lite_exec(s, "PRAGMA query_only = ON", e) < 0)
		return -1;
	if (mode == STORE_CREATE ||
	    (mode != STORE_READONLY && sqlite3_db_readonly(s->db, "main") == 0)) {
		sql_stmt *st = lite_prepare(s, "PRAGMA journal_mode = WAL", e);
		if (!st)
			return -1;
		rc = sqlite3_step(((lite_stmt *)st)->st);
		lite_done(s, st);
		if (rc != SQLITE_ROW)
			return lite_fail(s, rc, e);
	}
	if (lite_exec(s, store_unsafe_no_sync() ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = NORMAL", e) < 0)
		return -1;
	char limit[64];
	snprintf(limit, sizeof limit, "PRAGMA journal_size_limit = %lld", (long long)store_wal_limit());
	if (lite_exec(s, limit, e) < 0)
		return -1;
	const char *file = sqlite3_db_filename(s->db, "main");
	s->group = sync_group_of(file && *file ? file : path);
	pthread_mutex_lock(&s->group->lock);
	s->group->connections++;
	pthread_mutex_unlock(&s->group->lock);
	sqlite3_wal_hook(s->db, on_commit, s->group);
	return 0;
}

void lite_close(store *s)
{
	stmt_cache_free(s);
	if (s->db)
		sqlite3_close(s->db);
	if (s->group)
		group_connection_closed(s->group);
}

/* Takes the process's write lock for the database of `s` ahead of a
 * whole request that will write through `s` (a connection shared by
 * threads): the next store_begin uses it, and the outermost commit or
 * rollback lets it go. PostgreSQL has no group: its writers run side by
 * side, each thread on its own connection (store_writes_one_at_a_time),
 * so there is nothing to take. */
int store_write_lock(store *s, err *e)
{
	if (!s->group || held_write == s->group)
		return 0;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += store_busy_timeout_ms() / 1000 + 1;
	if (pthread_mutex_timedlock(&s->group->write_lock, &until) != 0)
		return lite_fail(s, SQLITE_BUSY, e);
	held_write = s->group;
	return 0;
}

void store_write_unlock(void)
{
	release_write();
}

/* BEGIN IMMEDIATE takes the write lock at once, so a busy database is
 * reported before any work is done rather than at commit. */
int lite_begin(store *s, err *e)
{
	if (store_write_lock(s, e) < 0)
		return -1;
	if (exec_raw(s, "BEGIN IMMEDIATE", e) < 0) {
		release_write();
		return -1;
	}
	return 0;
}

int lite_commit(store *s, err *e)
{
	if (exec_raw(s, "COMMIT", e) < 0)
		return -1;      /* the caller rolls back, which lets go of the lock */
	s->in_tx = 0;
	/* From here the connection may be another thread's (copro serve's
	 * writer connection): `s` is not touched again. */
	int rc = durable_wait(true);
	if (rc != SQLITE_OK)
		return err_set(e, ERR_IO, "the change was written but the disk did not confirm it (%s): check the disk holding the database.",
			       sqlite3_errstr(rc));
	return 0;
}

/* A read-only snapshot for several queries: one set of file locks
 * instead of one per query, and answers that agree with each other. */
int lite_read_begin(store *s, err *e)
{
	return exec_raw(s, "BEGIN DEFERRED", e);
}

void lite_read_end(store *s)
{
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	durable_wait(false);    /* the session's idle clock, if it was written */
}

void lite_rollback(store *s)
{
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	release_write();
}
