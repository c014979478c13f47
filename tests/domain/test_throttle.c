/* test_throttle.c: anonymous changes are limited per address and per
 * link within the hour, the clear token and address are never stored,
 * and hits older than the hour are forgotten. */
#include "testutil.h"

#include "domain/account.h"
#include "domain/throttle.h"

static void limits_per_address_and_per_scope(void **state)
{
	fixture *f = *state;
	throttle_limits lim = {.per_address = 2, .per_scope = 3};
	assert_int_equal(throttle_hit(&f->d, "link-token", "192.0.2.1", &lim, &f->e), 0);
	assert_int_equal(throttle_hit(&f->d, "link-token", "192.0.2.1", &lim, &f->e), 0);
	assert_int_equal(throttle_hit(&f->d, "link-token", "192.0.2.1", &lim, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_BUSY);
	body_has(f->e.msg, "from this place");
	/* Another address may go on until the link has its hour's share. */
	assert_int_equal(throttle_hit(&f->d, "link-token", "192.0.2.2", &lim, &f->e), 0);
	assert_int_equal(throttle_hit(&f->d, "link-token", "192.0.2.3", &lim, &f->e), -1);
	body_has(f->e.msg, "to this link");
	/* Another link is counted apart. */
	assert_int_equal(throttle_hit(&f->d, "other-token", "192.0.2.3", &lim, &f->e), 0);
	/* Refusals add nothing: 3 + 1 hits. */
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM throttle_hit"), 4);
}

static void only_hashes_are_kept(void **state)
{
	fixture *f = *state;
	throttle_limits lim = {.per_address = 10, .per_scope = 10};
	assert_int_equal(throttle_hit(&f->d, "secret-link-token", "198.51.100.7", &lim, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM throttle_hit WHERE scope LIKE '%secret%'"
				       " OR address LIKE '%198.51%'"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM throttle_hit WHERE length(scope) = 64"
				       " AND length(address) = 64"), 1);
}

static void old_hits_are_forgotten(void **state)
{
	fixture *f = *state;
	throttle_limits lim = {.per_address = 1, .per_scope = 1};
	char scope[65], address[65];
	token_hash("link-token", scope);
	token_hash("192.0.2.1", address);
	char sql[300];
	snprintf(sql, sizeof sql, "INSERT INTO throttle_hit (scope, address, at)"
		 " VALUES ('%s', '%s', '2000-01-01T00:00:00Z')", scope, address);
	assert_int_equal(sqlite3_exec(f->db.db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(throttle_hit(&f->d, "link-token", "192.0.2.1", &lim, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM throttle_hit WHERE at < '2001'"), 0);
	assert_int_equal(throttle_hit(&f->d, "link-token", "192.0.2.1", &lim, &f->e), -1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(limits_per_address_and_per_scope),
		T(only_hashes_are_kept),
		T(old_hits_are_forgotten),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
