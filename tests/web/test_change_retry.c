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

#include "domain/gold.h"
#include "domain/password_reset.h"
#include "domain/setup.h"
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

/* The change lost once: what `lose` made fail was tried twice. */
static void lost_once(webfix *w)
{
	assert_int_equal(count(w, "SELECT last_value FROM tries"), 2);
}

/* A 303 to `location` (anywhere when NULL); the request freed. */
static void sent_to(request *r, const char *location)
{
	assert_int_equal(r->status, 303);
	if (location)
		assert_string_equal(r->location, location);
	request_destroy(r);
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
	sent_to(r, web_path(w, "/org/%lld/actions", (long long)w->org));
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM action_item"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what LIKE '%dads%'"), 1);
}

static void lose_at(webfix *w, const char *table, int times);

/* The statement judgement sends its two writes and its COMMIT together
 * (one round trip): its activity line lost once, so the COMMIT that went
 * with it was skipped, and the second try saved the judgement once. */
static void a_judgement_whose_writes_lost_is_saved_once(void **state)
{
	webfix *w = *state;
	int64_t eval = fixture_evaluation(&w->f, w->org);
	lose_at(w, "activity", 1);
	uint64_t along = w->f.db.commits_along;
	const char *review[] = {"strengths", "Warm welcome", "areas", "", "status", "in-progress", NULL};
	request *r = web_run(w, AS_LEAD, "POST", web_path(w, "/org/%lld/evaluation/%lld/statement/1i/review",
							  (long long)w->org, (long long)eval), review);
	sent_to(r, NULL);
	lost_once(w);
	assert_int_equal(w->f.db.commits_along - along, 2);    /* each try's */
	assert_int_equal(count(w, "SELECT COUNT(*) FROM statement_review WHERE strengths = 'Warm welcome'"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what LIKE '%judgement on statement 1i%'"), 1);
}

/* Losing every try: after STORE_TRIES tries, the 503 of a busy database
 * (a refused change, not the form's fault: no form error) with
 * Retry-After, as every "busy, try again" of copro's, nothing kept. */
static void a_change_that_keeps_losing_is_not_saved(void **state)
{
	webfix *w = *state;
	lose(w, 99);
	request *r = add_action(w);
	assert_int_equal(r->status, 503);
	assert_int_equal(r->retry_after, WEB_BUSY_RETRY_SECONDS);
	page_has(r, "Sorry, copro is busy");
	page_has(r, "Nothing was saved. Wait 5 seconds, then try again.");
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
	page_has(r, "Sorry, copro is busy");
	page_has(r, "Nothing was saved. Wait 5 seconds, then try again.");
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
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM sign_in_failure"), 1);
}

/* The right password whose session lost once still signs in, once. */
static void a_right_password_that_lost_still_signs_in(void **state)
{
	webfix *w = *state;
	int64_t sessions = count(w, "SELECT COUNT(*) FROM user_session");
	lose_at(w, "user_session", 1);
	request *r = sign_in_as_lead(w, WEBTEST_PASSWORD);
	sent_to(r, NULL);
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM user_session"), sessions + 1);
}

/* The code the authenticator app shows now for `secret`. */
static void code_now(const char *secret, char code[10])
{
	char *raw = NULL;
	size_t len = 0;
	err e = {0};
	assert_int_equal(oath_base32_decode(secret, strlen(secret), &raw, &len), OATH_OK);
	assert_int_equal(totp_code(raw, len, time_now_epoch(), TOTP_DIGITS, code, &e), 0);
	free(raw);
}

/* The lead's two-factor sign-in, set up and turned on. */
static void two_factor_on(webfix *w)
{
	fixture *f = &w->f;
	const char *secret;
	char code[10], codes[RECOVERY_CODES][12];
	assert_int_equal(two_factor_begin(&f->d, w->as[AS_LEAD].user.id, &secret, &f->e), 0);
	code_now(secret, code);
	assert_int_equal(two_factor_confirm(&f->d, &w->as[AS_LEAD].user, code, codes, &f->e), 0);
}

/* The lead's two-factor sign-in on, and their password given: the pending
 * sign-in's token, waiting for the code. */
static void code_awaited(webfix *w, char token[65])
{
	fixture *f = &w->f;
	bool asked = false;
	two_factor_on(w);
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	assert_int_equal(two_factor_pending(&f->d, w->as[AS_LEAD].user.id, token, &asked, &f->e), 0);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	assert_true(asked);
}

/* With two-factor sign-in, a wrong code's failure that lost once is still
 * a wrong code, counted once (it was ERR_BUSY, "try again", uncounted). */
static void a_wrong_code_that_lost_is_still_not_right(void **state)
{
	webfix *w = *state;
	fixture *f = &w->f;
	char token[65];
	code_awaited(w, token);
	lose_at(w, "sign_in_failure", 1);
	session s;
	err e = {0};
	assert_int_equal(two_factor_sign_in(&f->d, token, "000000", "127.0.0.1", &s, &e), -1);
	assert_int_equal(e.kind, ERR_INPUT);
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM sign_in_failure"), 1);
}

/* Losing at every try is copro being busy, not the person wrong: a 503
 * that asks them to come back in a few seconds (as a hash refused for
 * want of threads is, web/hashing.c), not the sign-in throttle's 429;
 * nothing counted. */
static void a_sign_in_that_keeps_losing_is_busy(void **state)
{
	webfix *w = *state;
	lose_at(w, "sign_in_failure", 99);
	request *r = sign_in_as_lead(w, "not the password at all");
	assert_int_equal(r->status, 503);
	assert_int_equal(r->retry_after, WEB_BUSY_RETRY_SECONDS);
	page_has(r, "copro is busy with other changes. Nothing was saved. Wait 5 seconds, then try again.");
	page_has(r, "value=\"lead@example.org\"");
	request_destroy(r);
	assert_int_equal(count(w, "SELECT last_value FROM tries"), STORE_TRIES);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM sign_in_failure"), 0);
}

/* The code's page, losing at every try: busy, as the password's is. */
static void a_code_that_keeps_losing_is_busy(void **state)
{
	webfix *w = *state;
	static const char csrf[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	char token[65];
	code_awaited(w, token);
	lose_at(w, "sign_in_failure", 99);
	request *r = web_request(w, AS_NOBODY, "POST", "/sign-in/code");
	r->form_cookie = csrf;
	r->pending_cookie = token;
	request_add_field(r, "csrf", csrf);
	request_add_field(r, "code", "000000");
	web_dispatch(r);
	assert_int_equal(r->status, 503);
	assert_int_equal(r->retry_after, WEB_BUSY_RETRY_SECONDS);
	page_has(r, "copro is busy with other changes. Nothing was saved. Wait 5 seconds, then try again.");
	request_destroy(r);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM sign_in_failure"), 0);
}

/* ---- the other routes that hash a password ---------------------------
 * Each hashes once, outside any transaction (on copro serve's hashing
 * threads, where the dispatcher runs no change again), then writes in one
 * transaction. Losing it once was a "busy" answer and everything typed
 * again; now the writes run again, once, and the hash is not repeated. */

static void first_account_made(webfix *w, int lost)
{
	test_pg_admin(w->f.path, "TRUNCATE app_user CASCADE");
	char code[SETUP_CODE_SIZE];
	assert_int_equal(setup_code_new(&w->f.d, code, &w->f.e), 0);
	lose_at(w, "app_user", lost);
	unsigned long before = password_hashes_made();
	const char *fields[] = {"code", code, "name", "Asha Patel", "email", "asha@example.org",
				"area", "Northshire", "password", "correct horse battery staple", NULL};
	request *r = web_post_signed_out(w, "/setup", fields);
	if (lost < STORE_TRIES) {
		assert_int_equal(r->status, 303);
		/* One hash, for the account: signing it in does not check the
		 * password just hashed again. */
		assert_int_equal(password_hashes_made() - before, 1);
	} else {
		assert_int_equal(r->status, 503);
		assert_int_equal(r->retry_after, WEB_BUSY_RETRY_SECONDS);
		page_has(r, "copro is busy with other changes. Nothing was saved. Wait 5 seconds, then try again.");
		page_has(r, "value=\"asha@example.org\"");
	}
	request_destroy(r);
}

/* Set-up: the administrator's account that lost once is made once. */
static void a_first_account_that_lost_is_made_once(void **state)
{
	webfix *w = *state;
	first_account_made(w, 1);
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM app_user"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM membership WHERE role = 'area-admin'"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what = 'created the administrator account'"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM setup_code"), 0);
}

/* Losing every try keeps the form (but the password) and the code. */
static void a_first_account_that_keeps_losing_is_busy(void **state)
{
	webfix *w = *state;
	first_account_made(w, 99);
	assert_int_equal(count(w, "SELECT last_value FROM tries"), STORE_TRIES);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM app_user"), 0);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM setup_code"), 1);
}

/* Joins by the link of `token` as a new account for `email`, losing the
 * first insert into `table` once: 303, `hashed` hashes, one account. */
static void join_losing_once(webfix *w, const char *token, const char *email, const char *table,
			     unsigned long hashed)
{
	lose_at(w, table, 1);
	unsigned long before = password_hashes_made();
	const char *fields[] = {"email", email, "password", "correct horse battery staple", NULL};
	request *r = web_post_signed_out(w, web_path(w, "/join/%s", token), fields);
	sent_to(r, NULL);
	assert_int_equal(password_hashes_made() - before, hashed);
	lost_once(w);
	assert_int_equal(count(w, web_path(w, "SELECT COUNT(*) FROM app_user WHERE email = '%s'", email)), 1);
}

/* Joining by invitation: the account, membership and activity line once. */
static void a_join_that_lost_joins_once(void **state)
{
	webfix *w = *state;
	char token[65];
	assert_int_equal(invitation_create(&w->f.d, w->as[AS_LEAD].user.id, w->org, "contributor", NULL,
					   "Sam Jones", token, &w->f.e), 0);
	int64_t members = count(w, "SELECT COUNT(*) FROM membership");
	/* The account's hash only: signing it in does not check it again. */
	join_losing_once(w, token, "sam@example.org", "membership", 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM membership"), members + 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what = 'joined by invitation'"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM invitation WHERE used_at IS NOT NULL"), 1);
}

/* Signed in, joining adds the membership to the account, once. */
static void a_signed_in_join_that_lost_joins_once(void **state)
{
	webfix *w = *state;
	char token[65];
	int64_t other = fixture_org(&w->f, "Other School");
	assert_int_equal(invitation_create(&w->f.d, w->as[AS_LEAD].user.id, other, "viewer", NULL,
					   "Lead", token, &w->f.e), 0);
	lose_at(w, "membership", 1);
	request *r = web_run(w, AS_LEAD, "POST", web_path(w, "/join/%s", token), NULL);
	sent_to(r, web_path(w, "/org/%lld?joined=1", (long long)other));
	lost_once(w);
	assert_int_equal(count(w, web_path(w, "SELECT COUNT(*) FROM membership WHERE organisation_id = %lld",
					   (long long)other)), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what LIKE 'joined by invitation%'"), 1);
}

/* An assessor's link: the new account and its access, once. */
static void an_assessor_join_that_lost_joins_once(void **state)
{
	webfix *w = *state;
	fixture *f = &w->f;
	char token[65];
	int64_t id;
	gold_invite in = {.evaluation = fixture_evaluation(f, w->org), .name = "Ada Lovelace",
			  .email = "ada@example.org"};
	assert_int_equal(gold_invite_assessor(&f->d, &w->as[AS_LEAD].user, fixture_org_area(f, w->org), &in, token,
					      &id, &f->e), 0);
	/* The account's hash, and its sign-in's: the page cannot tell a new
	 * account from one that was there, whose password it must check. */
	join_losing_once(w, token, "ada@example.org", "app_user", 2);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM assessor WHERE user_id IS NOT NULL"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what LIKE 'joined as assessor%'"), 1);
}

/* copro user add: the account and its role, once, one hash. */
static void a_user_added_that_lost_is_added_once(void **state)
{
	webfix *w = *state;
	int64_t user = 0, members = count(w, "SELECT COUNT(*) FROM membership");
	lose_at(w, "membership", 1);
	unsigned long before = password_hashes_made();
	assert_int_equal(user_add(&w->f.d, "Sam Jones", "sam@example.org", "correct horse battery staple", "viewer",
				  w->org, NULL, &user, &w->f.e), 0);
	assert_int_equal(password_hashes_made() - before, 1);
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM app_user WHERE email = 'sam@example.org'"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM membership"), members + 1);
	assert_int_equal(count(w, web_path(w, "SELECT COUNT(*) FROM membership WHERE user_id = %lld", (long long)user)), 1);
}

/* A password change: one new hash, one notice. */
static void a_password_change_that_lost_changes_once(void **state)
{
	webfix *w = *state;
	lose_at(w, "notification", 1);
	unsigned long before = password_hashes_made();
	const char *fields[] = {"current", WEBTEST_PASSWORD, "password", "a brand new passphrase here", NULL};
	request *r = web_run(w, AS_LEAD, "POST", "/account/password", fields);
	sent_to(r, "/account/two-factor?saved=password");
	assert_int_equal(password_hashes_made() - before, 2);         /* the current password checked, the new one made */
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM notification WHERE subject = 'Your password was changed'"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what = 'password changed'"), 1);
	request_destroy(sign_in_as_lead(w, "a brand new passphrase here"));
	assert_int_equal(count(w, "SELECT COUNT(*) FROM sign_in_failure"), 0);
}

/* A reset: the link spent once, the new password set, one hash. */
static void a_password_reset_that_lost_resets_once(void **state)
{
	webfix *w = *state;
	const char *path;
	assert_int_equal(reset_by_operator(&w->f.d, "lead@example.org", &path, &w->f.e), 0);
	lose_at(w, "notification", 1);
	unsigned long before = password_hashes_made();
	const char *fields[] = {"password", "a brand new passphrase here", NULL};
	request *r = web_post_signed_out(w, path, fields);
	sent_to(r, "/sign-in?reset=done");
	assert_int_equal(password_hashes_made() - before, 1);
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM notification WHERE subject = 'Your password was reset'"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM password_reset WHERE used_at IS NOT NULL"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what = 'password reset'"), 1);
}

/* Asking for a reset link (no hash, but answered as busy the same way):
 * counted once, one link, one email. */
static void a_reset_request_that_lost_is_sent_once(void **state)
{
	webfix *w = *state;
	int64_t mail = count(w, "SELECT COUNT(*) FROM outbox");
	lose_at(w, "password_reset", 1);
	const char *fields[] = {"email", "lead@example.org", NULL};
	request *r = web_post_signed_out(w, "/reset", fields);
	sent_to(r, "/sign-in?reset=sent");
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM password_reset"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM throttle_hit"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM outbox"), mail + 1);
}

static request *two_factor_post(webfix *w, const char *action, const char *name, const char *value)
{
	const char *fields[] = {"action", action, name, value, NULL};
	return web_run(w, AS_LEAD, "POST", "/account/two-factor", fields);
}

/* Two-factor set-up, its first step: one secret. */
static void a_two_factor_start_that_lost_starts_once(void **state)
{
	webfix *w = *state;
	lose_at(w, "two_factor", 1);
	request *r = two_factor_post(w, "begin", NULL, NULL);
	sent_to(r, NULL);
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM two_factor WHERE confirmed_at IS NULL"), 1);
}

/* Its second: turned on once, with one set of recovery codes. */
static void a_two_factor_confirm_that_lost_turns_on_once(void **state)
{
	webfix *w = *state;
	const char *secret;
	char code[10];
	assert_int_equal(two_factor_begin(&w->f.d, w->as[AS_LEAD].user.id, &secret, &w->f.e), 0);
	code_now(secret, code);
	lose_at(w, "recovery_code", 1);
	request *r = two_factor_post(w, "confirm", "code", code);
	assert_int_equal(r->status, 200);
	page_has(r, "Save your recovery codes");
	request_destroy(r);
	assert_int_equal(count(w, "SELECT last_value FROM tries"), RECOVERY_CODES + 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM recovery_code"), RECOVERY_CODES);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM two_factor WHERE confirmed_at IS NOT NULL"), 1);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what = 'two-factor sign-in turned on'"), 1);
}

/* Turning it off checks the password: once. */
static void a_two_factor_off_that_lost_turns_off_once(void **state)
{
	webfix *w = *state;
	two_factor_on(w);
	lose_at(w, "notification", 1);
	unsigned long before = password_hashes_made();
	request *r = two_factor_post(w, "off", "password", WEBTEST_PASSWORD);
	sent_to(r, "/account/two-factor?saved=off");
	assert_int_equal(password_hashes_made() - before, 1);
	lost_once(w);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM two_factor"), 0);
	assert_int_equal(count(w, "SELECT COUNT(*) FROM activity WHERE what = 'two-factor sign-in turned off'"), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	test_pg_cluster_start();
	const struct CMUnitTest tests[] = {
		T(a_change_that_lost_runs_again), T(a_judgement_whose_writes_lost_is_saved_once),
		T(a_change_that_keeps_losing_is_not_saved),
		T(the_busy_page_still_counts_what_is_unread),
		T(a_wrong_password_that_lost_is_still_not_right),
		T(a_right_password_that_lost_still_signs_in), T(a_wrong_code_that_lost_is_still_not_right),
		T(a_sign_in_that_keeps_losing_is_busy), T(a_code_that_keeps_losing_is_busy),
		T(a_first_account_that_lost_is_made_once),
		T(a_first_account_that_keeps_losing_is_busy), T(a_join_that_lost_joins_once),
		T(a_signed_in_join_that_lost_joins_once), T(an_assessor_join_that_lost_joins_once),
		T(a_user_added_that_lost_is_added_once), T(a_password_change_that_lost_changes_once),
		T(a_password_reset_that_lost_resets_once), T(a_reset_request_that_lost_is_sent_once),
		T(a_two_factor_start_that_lost_starts_once),
		T(a_two_factor_confirm_that_lost_turns_on_once), T(a_two_factor_off_that_lost_turns_off_once),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	test_pg_cluster_stop();
	return failed;
}
