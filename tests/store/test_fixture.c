/* test_fixture.c: the unit tests' fixtures (testutil.c) on both engines:
 * each starts from an empty database with copro's schema, whatever the
 * fixture before it wrote or built, and fixtures alive at once do not
 * share one. On SQLite each is a copy of a schema the process built once,
 * which must be what a new database is; on PostgreSQL they are on the
 * test run's cluster, or a throw-away one of this program's own. */
#include "testutil.h"

#include "store/sql.h"

/* A fixture on SQLite while the cluster is up: without COPRO_TEST_DB for
 * its setup. */
static int lite_setup(void **state)
{
	char *uri = strdup(getenv("COPRO_TEST_DB"));
	assert_non_null(uri);
	unsetenv("COPRO_TEST_DB");
	fixture_setup(state);
	setenv("COPRO_TEST_DB", uri, 1);
	free(uri);
	return 0;
}

/* What a test leaves behind: rows (with their revision counters), and
 * a table and a trigger of its own. */
static void leave_things_behind(fixture *f)
{
	int64_t org = fixture_org(f, "Left Behind");
	assert_true(org > 0);
	if (!f->pg_slot) {
		test_exec(&f->db, "CREATE TABLE left_behind (x INTEGER);"
			  " CREATE TRIGGER refuse BEFORE INSERT ON area"
			  " BEGIN SELECT RAISE(ABORT, 'left behind'); END");
		return;
	}
	test_exec(&f->db, "CREATE TABLE left_behind (x BIGINT)");
	test_exec(&f->db, "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
		  " $$ BEGIN RAISE EXCEPTION 'left behind'; END $$;"
		  " CREATE TRIGGER refuse BEFORE INSERT ON area FOR EACH ROW EXECUTE FUNCTION refuse()");
}

static void starts_empty(fixture *f)
{
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM organisation"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM area"), 0);
	assert_int_equal(fixture_count(f, f->pg_slot
		? "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'left_behind'"
		: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'left_behind'"), 0);
	assert_true(fixture_count(f, "SELECT COUNT(*) FROM schema_migration") > 0);
	/* identities start again, as in a new database; the trigger is gone */
	assert_int_equal(fixture_org(f, "First"), 1);
}

static void rows_left(void **state)
{
	fixture *f = *state;
	assert_int_equal(fixture_org(f, "Left Behind"), 1);
	assert_int_equal(fixture_org(f, "Also Left"), 2);
}

static void after_rows(void **state)
{
	starts_empty(*state);
}

static void schema_changed(void **state)
{
	leave_things_behind(*state);
}

static void after_a_schema_change(void **state)
{
	starts_empty(*state);
}

/* Two fixtures at once (a test that copies from one database to
 * another) are two databases. */
static void two_at_once(void **state)
{
	fixture *f = *state;
	void *st = NULL;
	if (f->pg_slot)
		fixture_setup(&st);
	else
		lite_setup(&st);
	fixture *g = st;
	assert_string_not_equal(f->path, g->path);
	fixture_org(g, "Only In G");
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM organisation"), 0);
	assert_int_equal(fixture_count(g, "SELECT COUNT(*) FROM organisation"), 1);
	fixture_teardown(&st);
}

/* The schema of the SQLite database at `path`, as text: SQLite's own
 * catalogue, read through SQLite's API (this check is SQLite's alone). */
static char *schema_of(const char *path)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT group_concat(type || ' ' || name || ' ' || COALESCE(sql, ''), char(10))"
		" FROM (SELECT * FROM sqlite_master ORDER BY type, name)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	char *text = strdup((const char *)sqlite3_column_text(st, 0));
	assert_non_null(text);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return text;
}

/* A fixture's schema on SQLite is the one `copro init` gives a new file,
 * to the letter: a copy of a stale or changed template would differ. */
static void same_schema_as_a_new_database(void **state)
{
	fixture *f = *state;
	assert_int_equal(f->pg_slot, 0);
	char fresh[160];
	snprintf(fresh, sizeof fresh, "%s/fresh.db", f->dir);
	store s;
	err e = {0};
	assert_int_equal(store_open(&s, fresh, STORE_CREATE, &e), 0);
	store_close(&s);
	char *want = schema_of(fresh), *got = schema_of(f->path);
	assert_true(strlen(want) > 1000);
	assert_string_equal(got, want);
	free(want);
	free(got);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
#define L(name) cmocka_unit_test_setup_teardown(name, lite_setup, fixture_teardown)

int main(void)
{
	test_pg_cluster_start();
	const struct CMUnitTest tests[] = {
		L(same_schema_as_a_new_database), L(rows_left), L(after_rows), L(schema_changed),
		L(after_a_schema_change), L(two_at_once), L(same_schema_as_a_new_database),
		T(rows_left), T(after_rows), T(schema_changed), T(after_a_schema_change), T(two_at_once),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	test_pg_cluster_stop();
	return failed;
}
