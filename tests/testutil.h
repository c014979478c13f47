/* testutil.h: what the unit tests share: cmocka, a fresh database in a
 * temporary directory, the bundled instruments and a few checks
 * (tests/testutil.c, linked into every test program). */
#ifndef COPRO_TESTUTIL_H
#define COPRO_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "core/text.h"
#include "domain/domain.h"
#include "store/store.h"         /* tests look at the database directly */

/* A test's world: a database of its own, the bundled instruments and an
 * arena, all released by fixture_teardown. */
typedef struct fixture {
	char dir[64];
	char path[400];         /* the file, or on PostgreSQL the URI of the fixture's database */
	int pg_slot;            /* PostgreSQL: 1 + the slot of its database (testutil.c) */
	store db;
	fw_registry frameworks;
	arena mem;
	domain d;
	err e;
} fixture;

const char *test_frameworks_dir(void);
/* An instrument loaded (as "t.json") from JSON written with single quotes,
 * so that tests stay readable; none of its wording may need an apostrophe. */
framework *test_framework_quoted(const char *text, fw_report *r);
/* The same, failing the test (and printing each problem) unless it loads. */
framework *test_framework_valid(const char *text);
int fixture_setup(void **state);
int fixture_teardown(void **state);
/* A new SQLite database file at `path` with copro's schema, as a
 * fixture's starts: a copy of the one the process built once. */
void test_new_database(const char *path);

/* Runs SQL with no parameters (several statements may be given) on the
 * store, whichever its engine, failing the test when it is refused. */
void test_exec(store *s, const char *sql);
/* Runs a statement that returns no rows (sql_run's `in`: SQL_ARGS ...)
 * on the store, whichever its engine, failing the test when it is
 * refused; answers the id an INSERT made. */
struct sql_in;
int64_t test_write(store *s, const char *sql, const struct sql_in *in);
/* Every row of `table` as text (columns joined by '|', NULL as "NULL",
 * one line a row, in the order of those lines), only those WHERE `where`
 * with its one parameter bound to `id` when `where` is given; and the
 * same of every table, each under its name. Equal texts mean equal
 * rows, on either engine (each writes numbers and bytes its own way).
 * malloc'd. */
char *test_rows_text(store *s, const char *table, const char *where, int64_t id);
char *test_snapshot(store *s);
/* Runs SQL (several statements may be given) on the PostgreSQL database
 * at `uri` (a fixture's f->path, or COPRO_TEST_DB for the cluster's own
 * database), failing the test when it is refused. */
void test_pg_admin(const char *uri, const char *sql);
/* For the programs that test PostgreSQL alone: sets COPRO_TEST_DB to the
 * cluster of the whole test run (COPRO_TEST_CLUSTER, which tests/run
 * starts in the background) unless it is set, and waits for it; with
 * neither set (a program run alone) starts a throw-away cluster with the
 * script beside the tests (tests/pg/cluster). test_pg_cluster_stop stops
 * and removes the one it started. COPRO_TEST_DB alone moves every
 * fixture onto PostgreSQL (tests/pg/units.sh). */
void test_pg_cluster_start(void);
void test_pg_cluster_stop(void);

/* An organisation and a Four Cornerstones evaluation to work in. */
int64_t fixture_org(fixture *f, const char *name);
int64_t fixture_evaluation(fixture *f, int64_t org);
/* The area an organisation belongs to (always one). */
int64_t fixture_org_area(fixture *f, int64_t org);
/* Passwords hashed so far by this test program (tests/cheap_hash.c counts
 * each argon2id hash it sets the cost of). */
extern atomic_ulong cheap_hash_calls;

/* The hash of bundled instrument `id`, its version kept in the database
 * so that rows written straight into the tables can refer to it. */
const char *fixture_framework_hash(fixture *f, const char *id);
/* The single number a "SELECT COUNT(*) ..." answers. */
int64_t fixture_count(fixture *f, const char *sql);

/* Counts the rows of every table, to prove a refused write left nothing
 * behind: compare the totals before and after. Every table of the schema
 * counts, so new tables are covered as soon as a migration adds them, but
 * sign-in failures, which a refusal records on purpose, and the revision
 * log (revision_change), whose rows a change's triggers append, as many
 * as they fire, and housekeeping folds away. */
int64_t test_count_rows(store *s);

/* The tests' SMTP server (tests/smtp_sink.py) writing into `dir`. */
typedef struct test_sink {
	int pid, port;
	char dir[160];
	char url[64];           /* smtp://127.0.0.1:PORT */
	char ca[200];           /* its certificate, the one to trust */
} test_sink;
/* Starts it with its options (NULL-terminated, e.g. "--no-tls"; NULL for
 * none), failing the test when it does not start. */
void test_sink_start(test_sink *s, const char *dir, const char *const *options);
void test_sink_stop(test_sink *s);
/* tests/mail_read.py's answer about the latest message to `to` (`what`:
 * "link", "text", "subject", "header:NAME", "count", "file"), waiting up
 * to `wait` seconds for one; malloc'd without its last newline, NULL
 * when there is none. */
char *test_mail_latest(const test_sink *s, const char *to, const char *what, int wait);

/* Fail unless `text` is (or is not) in `body`. */
void body_has(const char *body, const char *text);
void body_lacks(const char *body, const char *text);
/* How many lines of a plan (store_explain) hold `text`. */
size_t plan_lines_with(const store_plan *plan, const char *text);

/* A report's table by its caption, failing the test when there is none. */
struct report_doc;
struct report_block;
const struct report_block *test_report_table(const struct report_doc *r, const char *caption);

#endif
