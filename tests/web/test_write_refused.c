/* test_write_refused.c: a change the database cannot write (read-only, a
 * full disk) is answered 503 "not saved" with the reason, not as a form
 * error on the first field (issue 15, section 4.5). */
#include "webtest.h"

#include "store/sql.h"

/* The answer is the 503 page naming `why`, with no form error. */
static void expect_not_saved(request *r, const char *why)
{
	const char *body = web_body(r);
	assert_int_equal(r->status, 503);
	assert_non_null(strstr(body, "Sorry, your change was not saved"));
	assert_non_null(strstr(body, why));
	assert_null(strstr(body, "Error: "));
	assert_null(strstr(body, "govuk-error-summary"));
	request_destroy(r);
}

static void read_only_database_answers_503(void **state)
{
	webfix *w = *state;
	int64_t rows = test_count_rows(&w->f.db);
	/* query_only refuses every write with SQLITE_READONLY, as a database
	 * file without write permission does; on PostgreSQL read-only
	 * transactions refuse them (25006), as a standby server does. */
	test_exec(&w->f.db, SQL_DIALECT(&w->f.db, "PRAGMA query_only = ON",
					"SET default_transaction_read_only = on"));
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/actions", (long long)w->org),
			     (const char *[]){"title", "Never saved", NULL});
	expect_not_saved(r, "read-only");
	test_exec(&w->f.db, SQL_DIALECT(&w->f.db, "PRAGMA query_only = OFF",
					"SET default_transaction_read_only = off"));
	assert_int_equal(test_count_rows(&w->f.db), rows);
	/* The next change, the database writable again, is an ordinary one. */
	r = web_run(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/actions", (long long)w->org),
		    (const char *[]){"title", "Saved", NULL});
	assert_int_equal(r->status, 303);
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/actions", (long long)w->org),
		    (const char *[]){"title", "", NULL});
	assert_int_equal(r->status, 400);       /* a form error stays a form error */
	request_destroy(r);
}

/* A full disk met by the INSERT itself, after the transaction began:
 * max_page_count stops the file growing as a full disk does (SQLITE_FULL);
 * on PostgreSQL a trigger answers the INSERT as a server with a full disk
 * does (53100). This was a 400 with the message as an error on the title
 * field. */
static void full_disk_answers_503(void **state)
{
	webfix *w = *state;
	test_exec(&w->f.db, SQL_DIALECT(&w->f.db, "PRAGMA max_page_count = 1",
		"CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS"
		" $$BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END$$;"
		" CREATE TRIGGER test_disk_full BEFORE INSERT ON action_item"
		" FOR EACH ROW EXECUTE FUNCTION test_disk_full();"));
	char title[200];
	memset(title, 'x', sizeof title - 1);
	title[sizeof title - 1] = 0;
	/* Actions are added until the file would have to grow. */
	request *r = NULL;
	int64_t rows = 0;
	for (int i = 0; i < 500; i++) {
		request_destroy(r);
		rows = test_count_rows(&w->f.db);
		r = web_run(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/actions", (long long)w->org),
			    (const char *[]){"title", title, "owner", title, NULL});
		if (r->status != 303)
			break;
	}
	expect_not_saved(r, "is full");
	/* On PostgreSQL the database serves the next test (testutil.c). */
	test_exec(&w->f.db, SQL_DIALECT(&w->f.db, "PRAGMA max_page_count = 1073741823",
		"DROP TRIGGER test_disk_full ON action_item; DROP FUNCTION test_disk_full();"));
	assert_int_equal(test_count_rows(&w->f.db), rows);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(read_only_database_answers_503), T(full_disk_answers_503),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
