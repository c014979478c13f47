/* test_password_cost.c: test programs hash passwords at argon2id's minimum
 * cost (tests/cheap_hash.c), and sign-in verifies both that and a hash at
 * copro's own cost, since each hash carries its parameters. That copro
 * itself hashes at the full cost is checked by tests/domain/test_account
 * (linked without the cheap cost) and tests/cli/test_serve.sh (the
 * binary `make` builds). */
#include "testutil.h"

#include "domain/account.h"
#include "store/account.h"

#define PW "twelve chars ok"

static void cost_of(const char *hash, unsigned *m, unsigned *t)
{
	unsigned p = 0;
	assert_int_equal(sscanf(hash, "$argon2id$v=19$m=%u,t=%u,p=%u$", m, t, &p), 3);
	assert_int_equal(p, 1);
}

static void tests_hash_at_the_minimum_cost(void **state)
{
	fixture *f = *state;
	int64_t id;
	assert_int_equal(account_create(&f->d, "Sam", "sam@example.org", PW, &id, &f->e), 0);
	user_row u;
	assert_int_equal(store_user_by_email(&f->db, &f->mem, "sam@example.org", &u, &f->e), 1);
	unsigned m = 0, t = 0;
	cost_of(u.password_hash, &m, &t);
	assert_int_equal(m, crypto_pwhash_MEMLIMIT_MIN / 1024);
	assert_int_equal(t, crypto_pwhash_OPSLIMIT_MIN);
	session s;
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.1", &s, &f->e), 0);
	assert_true(s.valid);
	err wrong = {0};
	assert_int_equal(sign_in(&f->d, "sam@example.org", "not the password", "10.0.0.1", &s, &wrong), -1);
}

/* A hash made at copro's own cost, as `copro user add` stores it. */
static void a_full_cost_hash_still_signs_in(void **state)
{
	fixture *f = *state;
	char hash[crypto_pwhash_STRBYTES];
	assert_int_equal(crypto_pwhash_str_alg(hash, PW, strlen(PW), crypto_pwhash_OPSLIMIT_INTERACTIVE,
					       crypto_pwhash_MEMLIMIT_INTERACTIVE,
					       crypto_pwhash_ALG_ARGON2ID13), 0);
	unsigned m = 0, t = 0;
	cost_of(hash, &m, &t);
	assert_int_equal(m, 65536);
	assert_int_equal(t, 2);
	user_row u = {.email = "ann@example.org", .name = "Ann", .password_hash = hash,
		      .created_at = "2026-01-01T00:00:00Z"};
	int64_t id;
	assert_int_equal(store_user_insert(&f->db, &u, &id, &f->e), 0);
	session s;
	assert_int_equal(sign_in(&f->d, "ann@example.org", PW, "10.0.0.1", &s, &f->e), 0);
	assert_true(s.valid);
	err wrong = {0};
	assert_int_equal(sign_in(&f->d, "ann@example.org", "not the password", "10.0.0.1", &s, &wrong), -1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(tests_hash_at_the_minimum_cost),
		T(a_full_cost_hash_still_signs_in),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
