/* test_password_reset.c: changing a password needs the current one and a
 * good new one, and ends the person's other sessions but not this one;
 * resetting one by email: the same answer and time whether or not the
 * address has an account, a single-use link for an hour stored hashed,
 * every session ended, throttled, and an area administrator's reset only
 * for their area's people. */
#include "testutil.h"

#include <time.h>

#include "domain/mail.h"
#include "domain/password_reset.h"

#define PW "a long enough test password"
#define NEW "otters quarrel by moonlight"

static void change_ends_other_sessions(void **state)
{
	fixture *f = *state;
	int64_t id;
	assert_int_equal(account_create(&f->d, "Samira Okafor", "sam@example.org", PW, &id, &f->e), 0);
	session here, there, ghost;
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.1", &here, &f->e), 0);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.2", &there, &f->e), 0);
	int64_t before = fixture_count(f, "SELECT COUNT(*) FROM activity");
	/* Refused: nothing changes. */
	assert_int_equal(password_change(&f->d, &here, "not my password", NEW, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "current password"));
	assert_int_equal(password_change(&f->d, &here, PW, "password1234", &f->e), -1);
	assert_non_null(strstr(f->e.msg, "Choose another"));
	assert_int_equal(password_change(&f->d, &here, PW, PW, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "same as your current"));
	assert_int_equal(password_change(&f->d, &here, PW, "the okafor family password", &f->e), -1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM user_session"), 2);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity"), before);

	assert_int_equal(password_change(&f->d, &here, PW, NEW, &f->e), 0);
	assert_int_equal(session_resume(&f->d, here.token, &ghost, &f->e), 1);
	assert_int_equal(session_resume(&f->d, there.token, &ghost, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what = 'password changed'"), 1);
	/* Told in copro and by email, which cannot be switched off. */
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification WHERE kind = 'security'"
				       " AND subject = 'Your password was changed' AND text LIKE '%signed out everywhere else%'"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox WHERE kind = 'security' AND unsubscribe IS NULL"
				       " AND subject = 'copro: Your password was changed'"), 1);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.3", &ghost, &f->e), -1);
	assert_int_equal(sign_in(&f->d, "sam@example.org", NEW, "10.0.0.3", &ghost, &f->e), 0);
}

/* The token in the newest email to `to` (NULL when none). */
static const char *emailed_token(fixture *f, const char *to, const char *kind)
{
	outbox_list out;
	assert_int_equal(mail_outbox(&f->d, 0, NULL, to, 10, &out, &f->e), 0);
	for (size_t i = 0; i < out.n; i++) {
		const char *at = strstr(out.items[i].body, "/reset/");
		if (!strcmp(out.items[i].kind, kind) && at)
			return arena_strndup(&f->mem, at + 7, 64);
	}
	return NULL;
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1000 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static void reset_by_email(void **state)
{
	fixture *f = *state;
	int64_t id;
	assert_int_equal(account_create(&f->d, "Samira Okafor", "sam@example.org", PW, &id, &f->e), 0);
	session a, b, ghost;
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.1", &a, &f->e), 0);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.2", &b, &f->e), 0);
	/* The same answer, taking at least as long, either way. */
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(reset_request(&f->d, "nobody@example.org", "10.0.0.9", &f->e), 0);
	assert_true(ms_since(&t0) >= RESET_MIN_MS);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox"), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(reset_request(&f->d, "SAM@example.org", "10.0.0.9", &f->e), 0);
	assert_true(ms_since(&t0) >= RESET_MIN_MS);
	const char *token = emailed_token(f, "sam@example.org", "password-reset");
	assert_non_null(token);
	/* Stored hashed only. */
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM password_reset WHERE token_hash = '%s'", token);
	assert_int_equal(fixture_count(f, sql), 0);
	user_row who;
	assert_int_equal(reset_check(&f->d, token, &who, &f->e), 1);
	assert_string_equal(who.email, "sam@example.org");
	/* A bad new password changes nothing and keeps the link. */
	assert_int_equal(reset_finish(&f->d, token, "password1234", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_int_equal(reset_check(&f->d, token, &who, &f->e), 1);
	assert_int_equal(reset_finish(&f->d, token, NEW, &f->e), 0);
	/* Every session ended, the link used up, a security email sent. */
	assert_int_equal(session_resume(&f->d, a.token, &ghost, &f->e), 0);
	assert_int_equal(session_resume(&f->d, b.token, &ghost, &f->e), 0);
	assert_int_equal(reset_check(&f->d, token, &who, &f->e), 0);
	assert_int_equal(reset_finish(&f->d, token, "another otter in the river", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox WHERE kind = 'security'"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification WHERE kind = 'security'"
				       " AND subject = 'Your password was reset'"), 1);
	assert_int_equal(sign_in(&f->d, "sam@example.org", NEW, "10.0.0.3", &ghost, &f->e), 0);
	/* An hour later a link has expired. */
	assert_int_equal(reset_request(&f->d, "sam@example.org", "10.0.0.9", &f->e), 0);
	token = emailed_token(f, "sam@example.org", "password-reset");
	test_exec(&f->db, "UPDATE password_reset SET expires_at = '2020-01-01T00:00:00Z'");
	assert_int_equal(reset_check(&f->d, token, &who, &f->e), 0);
	assert_int_equal(reset_check(&f->d, "not a token", &who, &f->e), 0);
	/* Bad input: nothing written. */
	int64_t before = fixture_count(f, "SELECT COUNT(*) FROM password_reset");
	assert_int_equal(reset_request(&f->d, "not an address", "10.0.0.9", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM password_reset"), before);
}

static void reset_requests_throttled(void **state)
{
	fixture *f = *state;
	int64_t id;
	assert_int_equal(account_create(&f->d, "Samira Okafor", "sam@example.org", PW, &id, &f->e), 0);
	for (int i = 0; i < RESET_PER_ACCOUNT; i++)
		assert_int_equal(reset_request(&f->d, "sam@example.org", "10.0.0.1", &f->e), 0);
	/* Per address typed, from anywhere; unknown addresses alike. */
	assert_int_equal(reset_request(&f->d, "sam@example.org", "10.0.0.2", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_BUSY);
	assert_non_null(strstr(f->e.msg, "Wait an hour"));
	for (int i = 0; i < RESET_PER_ACCOUNT; i++)
		assert_int_equal(reset_request(&f->d, "ghost@example.org", "10.0.0.3", &f->e), 0);
	assert_int_equal(reset_request(&f->d, "ghost@example.org", "10.0.0.4", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_BUSY);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox"), RESET_PER_ACCOUNT);
}

static void reset_by_area_admin(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Oak School"), admin, member, stranger, far;
	assert_int_equal(user_add(&f->d, "Ada Area", "ada@example.org", PW, "area-admin", 0,
				  "Test Area", &admin, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Lou Lead", "lou@example.org", PW, "lead", org, NULL, &member, &f->e), 0);
	org_row o = {.name = "Far School", .sector = "education", .area = "Far Area"};
	assert_int_equal(org_add(&f->d, &o, &far, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Vic Far", "vic@example.org", PW, "lead", far, NULL, &stranger, &f->e), 0);
	user_row ada = {.id = admin, .name = "Ada Area"};
	assert_int_equal(reset_by_admin(&f->d, &ada, org, member, &f->e), 0);
	assert_non_null(emailed_token(f, "lou@example.org", "password-reset"));
	outbox_list out;
	assert_int_equal(mail_outbox(&f->d, 0, NULL, "lou@example.org", 1, &out, &f->e), 0);
	assert_non_null(strstr(out.items[0].body, "Ada Area, an administrator of your local area"));
	assert_int_equal(reset_by_admin(&f->d, &ada, org, stranger, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_null(emailed_token(f, "vic@example.org", "password-reset"));
	/* The operator's link, from the terminal. */
	const char *path;
	assert_int_equal(reset_by_operator(&f->d, "nobody@example.org", &path, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(reset_by_operator(&f->d, "LOU@example.org", &path, &f->e), 0);
	user_row who;
	assert_int_equal(reset_check(&f->d, path + 7, &who, &f->e), 1);
	assert_int_equal(who.id, member);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(change_ends_other_sessions), T(reset_by_email), T(reset_requests_throttled),
		T(reset_by_area_admin),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
