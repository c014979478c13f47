/* test_health_pages.c: GET /healthz answers "ok" to anyone while the
 * database answers a read at the schema this copro knows, and 503 with one
 * line saying why when it does not, writing nothing either way. */
#include "webtest.h"

#include "domain/health.h"
#include "store/sql.h"

static void ok_for_anyone_and_changes_nothing(void **state)
{
	webfix *w = *state;
	int64_t before = test_count_rows(&w->f.db);
	for (int who = AS_NOBODY; who < AS_COUNT; who++) {
		request *r = web_run(w, who, "GET", "/healthz", NULL);
		assert_int_equal(r->status, 200);
		assert_string_equal(web_body(r), "ok\n");
		assert_string_equal(r->content_type, "text/plain; charset=utf-8");
		assert_false(r->cacheable);     /* so Cache-Control: no-store */
		assert_null(r->cookie);         /* no session, no form token */
		request_destroy(r);
	}
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_expect(w, AS_NOBODY, "POST", "/healthz", NULL, 405);
}

static void a_newer_schema_is_503(void **state)
{
	webfix *w = *state;
	char sql[160];
	snprintf(sql, sizeof sql, "INSERT INTO schema_migration (version, applied_at) VALUES (%d, 'x')",
		 health_schema_latest() + 1);
	assert_int_equal(sql_exec(&w->f.db, sql, &w->f.e), 0);
	request *r = web_run(w, AS_NOBODY, "GET", "/healthz", NULL);
	assert_int_equal(r->status, 503);
	char want[160];
	snprintf(want, sizeof want, "unavailable: the database schema is %d, this copro knows %d\n",
		 health_schema_latest() + 1, health_schema_latest());
	assert_string_equal(web_body(r), want);
	request_destroy(r);
	assert_int_equal(sql_exec(&w->f.db, "DELETE FROM schema_migration WHERE applied_at = 'x'", &w->f.e), 0);
	web_expect(w, AS_NOBODY, "GET", "/healthz", NULL, 200);
}

static void an_unreadable_database_is_503_without_its_details(void **state)
{
	webfix *w = *state;
	assert_int_equal(sql_exec(&w->f.db, "ALTER TABLE schema_migration RENAME TO gone", &w->f.e), 0);
	request *r = web_run(w, AS_NOBODY, "GET", "/healthz", NULL);
	assert_int_equal(r->status, 503);
	assert_string_equal(web_body(r), "unavailable: the database does not answer\n");
	request_destroy(r);
	assert_int_equal(sql_exec(&w->f.db, "ALTER TABLE gone RENAME TO schema_migration", &w->f.e), 0);
	web_expect(w, AS_NOBODY, "GET", "/healthz", NULL, 200);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(ok_for_anyone_and_changes_nothing), T(a_newer_schema_is_503),
		T(an_unreadable_database_is_503_without_its_details),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
