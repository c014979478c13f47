/* test_fixture_pg.c: the unit tests' fixtures on PostgreSQL (testutil.c):
 * each starts from an empty database with copro's schema, whatever the
 * fixture before it wrote or built, and fixtures alive at once do not
 * share one. On the test run's cluster, or a throw-away one of its own. */
#include "testutil.h"

#include "store/sql.h"

/* What a test leaves behind: rows (with their revision counters), and
 * a table and a trigger of its own. */
static void leave_things_behind(fixture *f)
{
	int64_t org = fixture_org(f, "Left Behind");
	assert_true(org > 0);
	test_exec(&f->db, "CREATE TABLE left_behind (x BIGINT)");
	test_exec(&f->db, "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
		  " $$ BEGIN RAISE EXCEPTION 'left behind'; END $$;"
		  " CREATE TRIGGER refuse BEFORE INSERT ON area FOR EACH ROW EXECUTE FUNCTION refuse()");
}

static void starts_empty(fixture *f)
{
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM organisation"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM area"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'left_behind'"), 0);
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
	fixture_setup(&st);
	fixture *g = st;
	assert_string_not_equal(f->path, g->path);
	fixture_org(g, "Only In G");
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM organisation"), 0);
	assert_int_equal(fixture_count(g, "SELECT COUNT(*) FROM organisation"), 1);
	fixture_teardown(&st);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	test_pg_cluster_start();
	const struct CMUnitTest tests[] = {
		T(rows_left), T(after_rows), T(schema_changed), T(after_a_schema_change), T(two_at_once),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	test_pg_cluster_stop();
	return failed;
}
