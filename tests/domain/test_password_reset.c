/* test_password_reset.c: changing a password needs the current one and a
 * good new one, and ends the person's other sessions but not this one. */
#include "testutil.h"

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
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what = 'changed their password'"), 1);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.3", &ghost, &f->e), -1);
	assert_int_equal(sign_in(&f->d, "sam@example.org", NEW, "10.0.0.3", &ghost, &f->e), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(change_ends_other_sessions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
