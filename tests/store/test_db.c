/* test_db.c: opening, pragmas, migrations, transactions and backup. */
#include "testutil.h"

#include <pthread.h>
#include <sys/stat.h>

#include "store/sql.h"

static int64_t pragma_int(store *s, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void durable_settings(void **state)
{
	fixture *f = *state;
	assert_int_equal(pragma_int(&f->db, "PRAGMA foreign_keys"), 1);
	/* NORMAL, with copro's commit hook syncing the WAL at each commit
	 * (commits_are_synced_before_they_return). */
	assert_int_equal(pragma_int(&f->db, "PRAGMA synchronous"), 1);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->db.db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	assert_int_equal(store_schema_version(&f->db, &f->e), store_latest_version());
}

static void missing_database_is_not_created(void **state)
{
	fixture *f = *state;
	char path[200];
	snprintf(path, sizeof path, "%s/absent.db", f->dir);
	store s;
	err e = {0};
	assert_int_equal(store_open(&s, path, STORE_EXISTING, &e), -1);
	assert_int_equal(e.kind, ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "copro init"));
	struct stat sb;
	assert_int_not_equal(stat(path, &sb), 0);
}

static void not_a_database(void **state)
{
	fixture *f = *state;
	char path[200];
	snprintf(path, sizeof path, "%s/notes.txt", f->dir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("These are my meeting notes, not a database. They are long enough to fill a header page.\n", fp);
	fclose(fp);
	store s;
	err e = {0};
	assert_int_equal(store_open(&s, path, STORE_EXISTING, &e), -1);
	assert_int_equal(e.kind, ERR_IO);
	assert_non_null(strstr(e.msg, "not a copro database"));
}

static void reopen_keeps_schema_and_data(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Kept School");
	store_close(&f->db);
	assert_int_equal(store_open(&f->db, f->path, STORE_EXISTING, &f->e), 0);
	org_row o;
	assert_int_equal(store_org_get(&f->db, &f->mem, org, &o, &f->e), 1);
	assert_string_equal(o.name, "Kept School");
	assert_int_equal(pragma_int(&f->db, "SELECT COUNT(*) FROM schema_migration"),
			 store_latest_version());
}

static void newer_schema_refused(void **state)
{
	fixture *f = *state;
	assert_int_equal(sqlite3_exec(f->db.db,
		"INSERT INTO schema_migration (version, applied_at) VALUES (999, 'x')",
		NULL, NULL, NULL), SQLITE_OK);
	store_close(&f->db);
	err e = {0};
	assert_int_equal(store_open(&f->db, f->path, STORE_EXISTING, &e), -1);
	assert_non_null(strstr(e.msg, "newer copro"));
	/* Leave the fixture with an open store for teardown. */
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM schema_migration WHERE version = 999", NULL,
				      NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&f->db, f->path, STORE_EXISTING, &f->e), 0);
}

static void nested_rollback_undoes_everything(void **state)
{
	fixture *f = *state;
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	org_row o = {.name = "Outer", .sector = "care", .created_at = "2026-01-01T00:00:00Z"};
	int64_t id;
	assert_int_equal(store_org_insert(&f->db, &o, &id, &f->e), 0);
	assert_int_equal(store_begin(&f->db, &f->e), 0);           /* inner */
	o.name = "Inner";
	assert_int_equal(store_org_insert(&f->db, &o, &id, &f->e), 0);
	assert_int_equal(store_commit(&f->db, &f->e), 0);          /* inner: no commit yet */
	assert_int_equal(f->db.in_tx, 1);
	store_rollback(&f->db);
	assert_int_equal(f->db.in_tx, 0);
	assert_int_equal(test_count_rows(&f->db), before);
	assert_int_equal(store_commit(&f->db, &f->e), -1);         /* nothing open */
}

static void constraint_becomes_conflict(void **state)
{
	fixture *f = *state;
	evaluation_row ev = {.organisation_id = 4242, .framework_id = "x", .framework_hash = "y",
			     .cycle = "c", .created_at = "2026-01-01T00:00:00Z"};
	int64_t id;
	assert_int_equal(store_evaluation_insert(&f->db, &ev, &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
}

static void backup_is_a_full_copy(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Backed Up School");
	fixture_evaluation(f, org);
	char dest[200];
	snprintf(dest, sizeof dest, "%s/backup.db", f->dir);
	assert_int_equal(store_backup(&f->db, dest, &f->e), 0);
	store copy;
	assert_int_equal(store_open(&copy, dest, STORE_EXISTING, &f->e), 0);
	assert_int_equal(test_count_rows(&copy), test_count_rows(&f->db));
	store_close(&copy);
	/* Never overwrite an earlier backup. */
	assert_int_equal(store_backup(&f->db, dest, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
}

static void backup_to_missing_folder(void **state)
{
	fixture *f = *state;
	char dest[200];
	snprintf(dest, sizeof dest, "%s/no/such/dir/backup.db", f->dir);
	assert_int_equal(store_backup(&f->db, dest, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "backup"));
}

static void empty_then_not(void **state)
{
	fixture *f = *state;
	bool empty = false;
	assert_int_equal(store_is_empty(&f->db, &empty, &f->e), 0);
	assert_true(empty);
	fixture_org(f, "Any School");
	assert_int_equal(store_is_empty(&f->db, &empty, &f->e), 0);
	assert_false(empty);
}

/* Column 0 of a statement's current row, read as the store reads it. */
static int64_t column0_int(sql_stmt *st)
{
	int64_t v = 0;
	sql_read_row(NULL, st, &v, sql_int64_row);
	return v;
}

static const char *column0_text(sql_stmt *st)
{
	const char *t = NULL;
	sql_read_row(NULL, st, &t, sql_text_row);
	return t;
}

/* A statement given back is the one prepared next time, with its old
 * values cleared. */
static void statements_are_reused(void **state)
{
	fixture *f = *state;
	sql_stmt *st = sql_prepare(&f->db, "SELECT ?", &f->e);
	assert_non_null(st);
	sql_bind_int(st, 1, 5);
	assert_int_equal(sql_step(&f->db, st, &f->e), SQL_STEP_ROW);
	assert_int_equal(column0_int(st), 5);
	sql_done(&f->db, st);
	sql_stmt *again = sql_prepare(&f->db, "SELECT ?", &f->e);
	assert_ptr_equal(again, st);
	assert_int_equal(sql_step(&f->db, again, &f->e), SQL_STEP_ROW);
	assert_null(column0_text(again));
	sql_done(&f->db, again);
}

/* The same SQL asked for while its statement is still stepping gets a
 * statement of its own, finalized when given back. */
static void statement_in_use_gets_its_own(void **state)
{
	fixture *f = *state;
	sql_stmt *outer = sql_prepare(&f->db, "SELECT 1", &f->e);
	assert_int_equal(sql_step(&f->db, outer, &f->e), SQL_STEP_ROW);
	sql_stmt *inner = sql_prepare(&f->db, "SELECT 1", &f->e);
	assert_non_null(inner);
	assert_ptr_not_equal(inner, outer);
	assert_int_equal(sql_step(&f->db, inner, &f->e), SQL_STEP_ROW);
	sql_done(&f->db, inner);
	sql_done(&f->db, outer);
	assert_ptr_equal(sql_prepare(&f->db, "SELECT 1", &f->e), outer);
	sql_done(&f->db, outer);
	/* A mistake in the SQL is still reported, and nothing is cached. */
	assert_null(sql_prepare(&f->db, "SELEC 1", &f->e));
	assert_non_null(strstr(f->e.msg, "syntax error"));
}

/* A statement kept between requests must not keep its snapshot: another
 * connection's write is seen, and a checkpoint is not held up. */
static void statements_given_back_hold_no_snapshot(void **state)
{
	fixture *f = *state;
	const char *count = "SELECT COUNT(*) FROM organisation";
	sql_stmt *st = sql_prepare(&f->db, count, &f->e);
	assert_int_equal(sql_step(&f->db, st, &f->e), SQL_STEP_ROW);
	assert_int_equal(column0_int(st), 0);
	sql_done(&f->db, st);

	store other;
	assert_int_equal(store_open(&other, f->path, STORE_EXISTING, &f->e), 0);
	assert_int_equal(sqlite3_exec(other.db, "INSERT INTO organisation (name, sector, created_at, updated_at) VALUES"
		" ('New', 'education', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", NULL, NULL, NULL), SQLITE_OK);
	int log = -1, done = -1;
	assert_int_equal(sqlite3_wal_checkpoint_v2(other.db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log,
						   &done), SQLITE_OK);
	store_close(&other);

	st = sql_prepare(&f->db, count, &f->e);
	assert_int_equal(sql_step(&f->db, st, &f->e), SQL_STEP_ROW);
	assert_int_equal(column0_int(st), 1);
	sql_done(&f->db, st);
}

/* Every commit, in a transaction or not, is synced before it returns;
 * a transaction that wrote nothing needs no sync. */
static void commits_are_synced_before_they_return(void **state)
{
	fixture *f = *state;
	uint64_t c0, s0, c1, s1;
	store_commit_counts(&c0, &s0);
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	assert_int_equal(sql_exec(&f->db, "INSERT INTO area (name, created_at) VALUES ('A', 'x')", &f->e), 0);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	store_commit_counts(&c1, &s1);
	assert_int_equal(c1, c0 + 1);
	assert_int_equal(s1, s0 + 1);
	assert_int_equal(sql_exec(&f->db, "INSERT INTO area (name, created_at) VALUES ('B', 'x')", &f->e), 0);
	store_commit_counts(&c0, &s0);
	assert_int_equal(c0, c1 + 1);
	assert_int_equal(s0, s1 + 1);
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	store_commit_counts(&c1, &s1);
	assert_int_equal(c1, c0);
	assert_int_equal(s1, s0);
	int64_t sync = pragma_int(&f->db, "PRAGMA synchronous");
	assert_int_equal(sync, 1);      /* NORMAL: the commit hook syncs instead */
}

/* With checkpoints left to a thread of their own, a commit never copies
 * the WAL into the database itself; store_checkpoint then copies it all. */
static void checkpoints_in_background(void **state)
{
	fixture *f = *state;
	store_checkpoint_in_background(&f->db);
	assert_int_equal(sql_exec(&f->db, "CREATE TABLE filler (x BLOB)", &f->e), 0);
	/* 1,200 pages of WAL: past the 1,000 at which a commit would
	 * checkpoint by itself. */
	for (int i = 0; i < 40; i++)
		assert_int_equal(sql_exec(&f->db, "INSERT INTO filler SELECT randomblob(4000)"
					  " FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)"
					  " SELECT i FROM n)", &f->e), 0);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->db.db, "PRAGMA wal_checkpoint(PASSIVE)", -1, &st, NULL), SQLITE_OK);
	int pages = 0;
	assert_int_equal(store_checkpoint(&f->db, &pages, &f->e), 0);
	assert_true(pages > 1000);      /* nothing had been checkpointed by a commit */
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 1), sqlite3_column_int(st, 2));   /* all copied */
	sqlite3_finalize(st);
}

typedef struct writer {
	const char *path;
	int n, failed;
} writer;

static void *write_many(void *arg)
{
	writer *w = arg;
	store s;
	err e = {0};
	if (store_open(&s, w->path, STORE_EXISTING, &e) < 0) {
		w->failed = w->n;
		return NULL;
	}
	for (int i = 0; i < w->n; i++) {
		char sql[160];
		snprintf(sql, sizeof sql, "INSERT INTO area (name, created_at) VALUES ('%p-%d', 'x')",
			 (void *)w, i);
		if (store_begin(&s, &e) < 0 || sql_exec(&s, sql, &e) < 0 || store_commit(&s, &e) < 0) {
			store_rollback(&s);
			w->failed++;
		}
	}
	store_close(&s);
	return NULL;
}

/* Writers on several connections of one process all commit (they queue
 * for the write lock rather than fail busy), each commit is counted, and
 * no more syncs are made than commits. */
static void writers_in_threads_all_commit(void **state)
{
	fixture *f = *state;
	enum { THREADS = 4, EACH = 50 };
	pthread_t t[THREADS];
	writer w[THREADS];
	uint64_t c0, s0, c1, s1;
	store_commit_counts(&c0, &s0);
	for (int i = 0; i < THREADS; i++) {
		w[i] = (writer){.path = f->path, .n = EACH};
		assert_int_equal(pthread_create(&t[i], NULL, write_many, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].failed, 0);
	}
	store_commit_counts(&c1, &s1);
	assert_int_equal(c1 - c0, THREADS * EACH);
	assert_true(s1 - s0 <= c1 - c0);
	assert_int_equal(pragma_int(&f->db, "SELECT COUNT(*) FROM area"), THREADS * EACH);
}

static int busy_unit(store *s, void *ctx, err *e)
{
	++*(int *)ctx;
	if (store_begin(s, e) < 0)
		return -1;
	store_rollback(s);
	return err_set(e, ERR_BUSY, "the database is busy");
}

/* SQLite never reports a lost serialization: a busy unit of work is
 * answered busy at once, not run again (store_retry). */
static void busy_is_not_run_again_on_sqlite(void **state)
{
	fixture *f = *state;
	int runs = 0;
	assert_int_equal(store_retry(&f->db, busy_unit, &runs, &f->e), -1);
	assert_int_equal(runs, 1);
	assert_int_equal(f->e.kind, ERR_BUSY);
}

/* SQLite lets one writer in at a time: copro serve's changes share one
 * connection under the process's write lock, which a change holds. */
static void writes_share_one_connection_on_sqlite(void **state)
{
	fixture *f = *state;
	assert_true(store_writes_one_at_a_time(&f->db));
	assert_int_equal(store_write_lock(&f->db, &f->e), 0);
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	assert_true(store_thread_in_tx());
	store_rollback(&f->db);         /* lets go of the lock */
	assert_int_equal(store_write_lock(&f->db, &f->e), 0);
	store_write_unlock();
}

/* copro migrate's source: read, never written, and no -wal or -shm left
 * beside it when it closes (a connection opened read-only cannot remove
 * them, so the store opens the file writable with query_only on). */
static void read_only_writes_nothing_and_leaves_no_journal(void **state)
{
	fixture *f = *state;
	char path[200], side[220];
	snprintf(path, sizeof path, "%s/source.db", f->dir);
	store s;
	err e = {0};
	assert_int_equal(store_open(&s, path, STORE_CREATE, &e), 0);
	assert_int_equal(sql_run(&s, "INSERT INTO area (name, created_at) VALUES ('Kept', 'x')", NULL, &e), 0);
	store_close(&s);
	assert_int_equal(store_open(&s, path, STORE_READONLY, &e), 0);
	int64_t n = 0;
	assert_int_equal(store_read_begin(&s, &e), 0);  /* as migrate reads: one snapshot */
	assert_int_equal(sql_get_int(&s, "SELECT COUNT(*) FROM area", NULL, &n, &e), 0);
	assert_int_equal(n, 1);
	store_read_end(&s);
	err refused = {0};
	assert_int_equal(sql_run(&s, "INSERT INTO area (name, created_at) VALUES ('New', 'x')", NULL, &refused), -1);
	store_close(&s);
	struct stat sb;
	snprintf(side, sizeof side, "%s-wal", path);
	assert_int_not_equal(stat(side, &sb), 0);
	snprintf(side, sizeof side, "%s-shm", path);
	assert_int_not_equal(stat(side, &sb), 0);
	assert_int_equal(store_open(&s, path, STORE_EXISTING, &e), 0);
	assert_int_equal(sql_get_int(&s, "SELECT COUNT(*) FROM area", NULL, &n, &e), 0);
	assert_int_equal(n, 1);
	store_close(&s);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(durable_settings), T(missing_database_is_not_created), T(not_a_database),
		T(reopen_keeps_schema_and_data), T(newer_schema_refused),
		T(nested_rollback_undoes_everything), T(constraint_becomes_conflict),
		T(backup_is_a_full_copy), T(backup_to_missing_folder), T(empty_then_not),
		T(statements_are_reused), T(statement_in_use_gets_its_own),
		T(statements_given_back_hold_no_snapshot), T(commits_are_synced_before_they_return),
		T(writers_in_threads_all_commit), T(busy_is_not_run_again_on_sqlite), T(checkpoints_in_background),
		T(writes_share_one_connection_on_sqlite), T(read_only_writes_nothing_and_leaves_no_journal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
