/* test_password_policy.c: common and guessable passwords refused with a
 * reason and what to do (cracklib, the person's own name and email),
 * long passphrases accepted, and the check safe on many threads at once. */
#include "testutil.h"

#include <pthread.h>

#include "domain/account.h"

static void refused(const char *password, const char *email, const char *name, const char *why)
{
	err e = {0};
	if (password_check_for(password, email, name, &e) != -1)
		fail_msg("\"%s\" was accepted", password);
	assert_int_equal(e.kind, ERR_INPUT);
	if (!strstr(e.msg, why))
		fail_msg("\"%s\": \"%s\" does not say \"%s\"", password, e.msg, why);
	/* Every refusal says what to do next. */
	assert_non_null(strstr(e.msg, "Choose another"));
}

static void common_passwords_refused(void **state)
{
	(void)state;
	refused("aaaaaaaaaaaa", NULL, NULL, "too few different characters");
	refused("password1234", NULL, NULL, "common word with numbers");
	refused("Summer2024!!", NULL, NULL, "common word with numbers");
	refused("123456789012", NULL, NULL, "simple pattern");
	refused("abcdefghijkl", NULL, NULL, "simple pattern");
	err e = {0};
	assert_int_equal(password_check("password1234", &e), -1);
}

static void own_name_and_email_refused(void **state)
{
	(void)state;
	refused("Riverside Sam Haddock", "sam.haddock@example.org", NULL, "your name or email");
	refused("my name is priyanka ok", "p@example.org", "Priyanka Shah", "your name or email");
	/* Short parts of a name are not words to look for: "Ann" is in "annual". */
	err e = {0};
	assert_int_equal(password_check_for("annual otters quarrel", "ann@example.org", "Ann Lee", &e), 0);
}

static void passphrases_accepted(void **state)
{
	(void)state;
	err e = {0};
	assert_int_equal(password_check("correct horse battery staple", &e), 0);
	assert_int_equal(password_check("the kettle sings on tuesdays", &e), 0);
	assert_int_equal(password_check_for("a long passphrase about otters", "sam@example.org", "Sam Lee", &e), 0);
}

/* Nothing is written before the password is checked. */
static void account_refused_with_nothing_written(void **state)
{
	fixture *f = *state;
	int64_t before = fixture_count(f, "SELECT COUNT(*) FROM app_user"), id;
	assert_int_equal(account_create(&f->d, "Sam Haddock", "sam@example.org", "haddock haddock 1", &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "your name or email"));
	assert_int_equal(account_create(&f->d, "Sam", "sam@example.org", "password1234", &id, &f->e), -1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM app_user"), before);
}

static void *check_many(void *arg)
{
	int *bad = arg;
	for (int i = 0; i < 50; i++) {
		err e = {0};
		*bad += password_check("password1234", &e) != -1;
		*bad += password_check("the kettle sings on tuesdays", &e) != 0;
	}
	return NULL;
}

/* cracklib is called under a lock: four threads get the same answers as one. */
static void safe_on_threads(void **state)
{
	(void)state;
	pthread_t t[4];
	int bad[4] = {0};
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, check_many, &bad[i]), 0);
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(bad[i], 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(common_passwords_refused),
		cmocka_unit_test(own_name_and_email_refused),
		cmocka_unit_test(passphrases_accepted),
		cmocka_unit_test_setup_teardown(account_refused_with_nothing_written, fixture_setup,
						fixture_teardown),
		cmocka_unit_test(safe_on_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
