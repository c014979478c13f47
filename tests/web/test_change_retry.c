/* test_change_retry.c: a change that loses to a concurrent transaction on
 * PostgreSQL runs again, whole, from the dispatcher (web/change.c); one
 * that keeps losing is answered 503 as before. Runs on COPRO_TEST_DB, or
 * on a cluster of its own (tests/pg/cluster). The loss is the server's
 * own: a trigger on action_item raises SQLSTATE 40001 for the first
 * inserts, as PostgreSQL does for a transaction whose reads another's
 * commit made stale (test_engine_pg makes that happen with two
 * connections). */
#include "webtest.h"

#include <liboath/oath.h>

#include "domain/two_factor.h"

#include "store/notify.h"
#include "store/sql.h"

/* An organisation with a lead signed in, and the trigger that makes the
 * first `lose` inserts into action_item lose (tries counts them all). */
static int setup(void **state)
{
	webfix *w = calloc(1, sizeof *w);
	assert_non_null(w);
	void *st = NULL;
	fixture_setup(&st);
	w->f = *(fixture *)st;
	free(st);
	fixture *f = &w->f;
	f->d = (domain){.db = &f->db, .frameworks = &f->frameworks, .mem = &f->mem};
	w->org = fixture_org(f, "Our School");
	int64_t user, mid;
	char now[21];
	time_now_iso(now);
	assert_int_equal(account_create(&f->d, "Lead", "lead@example.org", WEBTEST_PASSWORD, &user, &f->e), 0);
	membership_row m = {.user_id = user, .role = "lead", .organisation_id = w->org, .created_at = now};
	assert_int_equal(store_membership_insert(&f->db, &m, &mid, &f->e), 0);
	assert_int_equal(sign_in(&f->d, "lead@example.org", WEBTEST_PASSWORD, "127.0.0.1", &w->as[AS_LEAD], &f->e), 0);
	w->cfg = (web_config){.db_path = f->path, .assets_dir = "/nonexistent", .frameworks = &f->frameworks};
	char sql[900];
	snprintf(sql, sizeof sql,
		 "CREATE SEQUENCE tries; CREATE TABLE lose (n BIGINT);"
		 " CREATE FUNCTION lose() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
		 " IF nextval('tries') <= (SELECT n FROM lose) THEN"
		 " RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure';"
		 " END IF; RETURN NEW; END $$;"
		 " CREATE TRIGGER lose BEFORE INSERT ON action_item FOR EACH ROW EXECUTE FUNCTION lose()");
	test_pg_admin(f->path, sql);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	webfix *w = *state;
	void *f = malloc(sizeof w->f);
	assert_non_null(f);
	memcpy(f, &w->f, sizeof w->f);
	free(w);
	return fixture_teardown(&f);
}

static void lose(webfix *w, int times)
{
	char sql[200];
	snprintf(sql, sizeof sql, "INSERT INTO lose VALUES (%d)", times);
	test_pg_admin(w->f.path, sql);
}

static int64_t count(webfix *w, const char *sql)
{
	int64_t v = -1;
	assert_int_equal(sql_get_int(&w->f.db, sql, NULL, &v, &w->f.e), 0);
	return v;
}

static request *add_action(webfix *w)
{
	const char *fields[] = {"title", "Run a dads' breakfast", "owner", "Family worker",
				"due-day", "1", "due-month", "2", "due-year", "2099",
				"review-day", "15", "review-month", "1", "review-year", "2099", NULL};
	return web_run(w, AS_LEAD, "POST", web_path(w, "/org/%lld/actions", (long long)w->org), fields);
}

/* Lost once, then run again: one action and one activity line, from the
 * second try, and the answer the first try would have had. */
static void a_change_that_lost_runs_again(void **state)
{
	webfix *w = *state;
	lose(w, 1);
	request *r = add_action(w);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/actions", (long long)w->org));
	request_destroy(r);
	assert_int_equal(count(w, "SELECT last_value FROM tries"), 2);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM action_item"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what LIKE '%dads%'"), 1);
}

/* Losing every try: after STORE_TRIES tries, the 503 of a busy database
 * (a refused change, not the form's fault: no form error), nothing kept. */
static void a_change_that_keeps_losing_is_not_saved(void **state)
{
	webfix *w = *state;
	lose(w, 99);
	request *r = add_action(w);
	assert_int_equal(r->status, 503);
	page_has(r, "Nothing was saved because the database is busy");
	request_destroy(r);
	assert_int_equal(count(w, "SELECT last_value FROM tries"), STORE_TRIES);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM action_item"), 0);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what LIKE '%dads%'"), 0);
}

/* A change that loses at its activity line: the handler draws its 500
 * page inside the transaction PostgreSQL has ended, then change.c the
 * 503. The header of that 503 still counts the person's unread
 * notification: read after the rollback, not in the ended transaction
 * (where the count failed, and every later page of the request said
 * nothing was unread). */
static void the_busy_page_still_counts_what_is_unread(void **state)
{
	webfix *w = *state;
	notification_row n = {.user_id = w->as[AS_LEAD].user.id, .kind = "audit", .subject = "An audit",
			      .text = "An audit came back.", .path = "/", .created_at = "2026-01-01T00:00:00Z"};
	int64_t id;
	assert_int_equal(store_notification_insert(&w->f.db, &n, &id, &w->f.e), 0);
	test_pg_admin(w->f.path, "DROP TRIGGER lose ON action_item;"
		      " CREATE TRIGGER lose BEFORE INSERT ON activity FOR EACH ROW EXECUTE FUNCTION lose()");
	lose(w, 99);
	request *r = add_action(w);
	assert_int_equal(r->status, 503);
	page_has(r, "Nothing was saved because the database is busy");
	page_has(r, "1 unread");
	request_destroy(r);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM action_item"), 0);
}

/* ---- sign-in --------------------------------------------------------
 * A sign-in checks the password outside any transaction (a tenth of a
 * second), then records the outcome in one: a wrong password's failure
 * row, or a right one's session. Two wrong passwords at once both read
 * and write sign_in_failure, so under SERIALIZABLE one lost (seen in
 * test_hash_pool.sh under load: a 429 "try again" instead of "not
 * right", and its failure not counted). */

/* Makes the first `times` inserts into `table` lose. */
static void lose_at(webfix *w, const char *table, int times)
{
	char sql[200];
	snprintf(sql, sizeof sql, "DROP TRIGGER lose ON action_item;"
		 " CREATE TRIGGER lose BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION lose()", table);
	test_pg_admin(w->f.path, sql);
	lose(w, times);
}

static request *sign_in_as_lead(webfix *w, const char *password)
{
	const char *fields[] = {"email", "lead@example.org", "password", password, NULL};
	return web_post_signed_out(w, "/sign-in", fields);
}

/* A wrong password whose failure lost once is told the password is not
 * right, and counted once. */
static void a_wrong_password_that_lost_is_still_not_right(void **state)
{
	webfix *w = *state;
	lose_at(w, "sign_in_failure", 1);
	request *r = sign_in_as_lead(w, "not the password at all");
	assert_int_equal(r->status, 400);
	page_has(r, "The email address or password is not right");
	request_destroy(r);
	assert_int_equal(count(w, "SELECT last_value FROM tries"), 2);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM sign_in_failure"), 1);
}

/* The right password whose session lost once still signs in, once. */
static void a_right_password_that_lost_still_signs_in(void **state)
{
	webfix *w = *state;
	int64_t sessions = count(w, "SELECT COUNT(*) FROM user_session");
	lose_at(w, "user_session", 1);
	request *r = sign_in_as_lead(w, WEBTEST_PASSWORD);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	assert_int_equal(count(w, "SELECT last_value FROM tries"), 2);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM user_session"), sessions + 1);
}

/* With two-factor sign-in, a wrong code's failure that lost once is still
 * a wrong code, counted once (it was ERR_BUSY, "try again", uncounted). */
static void a_wrong_code_that_lost_is_still_not_right(void **state)
{
	webfix *w = *state;
	fixture *f = &w->f;
	const user_row *lead = &w->as[AS_LEAD].user;
	const char *secret;
	char *raw = NULL, code[10], codes[RECOVERY_CODES][12], token[65];
	size_t len = 0;
	assert_int_equal(two_factor_begin(&f->d, lead->id, &secret, &f->e), 0);
	assert_int_equal(oath_base32_decode(secret, strlen(secret), &raw, &len), OATH_OK);
	assert_int_equal(totp_code(raw, len, time_now_epoch(), TOTP_DIGITS, code, &f->e), 0);
	free(raw);
	assert_int_equal(two_factor_confirm(&f->d, lead, code, codes, &f->e), 0);
	bool asked = false;
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	assert_int_equal(two_factor_pending(&f->d, lead->id, token, &asked, &f->e), 0);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	assert_true(asked);
	lose_at(w, "sign_in_failure", 1);
	session s;
	err e = {0};
	assert_int_equal(two_factor_sign_in(&f->d, token, "000000", "127.0.0.1", &s, &e), -1);
	assert_int_equal(e.kind, ERR_INPUT);
	assert_int_equal(count(w, "SELECT last_value FROM tries"), 2);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM sign_in_failure"), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	test_pg_cluster_start();
	const struct CMUnitTest tests[] = {
		T(a_change_that_lost_runs_again), T(a_change_that_keeps_losing_is_not_saved),
		T(the_busy_page_still_counts_what_is_unread),
		T(a_wrong_password_that_lost_is_still_not_right),
		T(a_right_password_that_lost_still_signs_in), T(a_wrong_code_that_lost_is_still_not_right),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	test_pg_cluster_stop();
	return failed;
}
