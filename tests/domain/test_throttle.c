/* test_throttle.c: anonymous changes are limited per address and per
 * link within the hour, the clear token and address are never stored,
 * and hits older than the hour are forgotten. */
#include "testutil.h"

#include "domain/account.h"
#include "domain/throttle.h"
#include "store/sql.h"
#include "store/throttle.h"

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
	test_exec(&f->db, sql);
	assert_int_equal(throttle_hit(&f->d, "link-token", "192.0.2.1", &lim, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM throttle_hit WHERE at < '2001'"), 0);
	assert_int_equal(throttle_hit(&f->d, "link-token", "192.0.2.1", &lim, &f->e), -1);
}

/* The hour's count is the latest hit's number less the first of the
 * hour's, read from the indexes, without a scan that grows with the
 * hour's hits; older hits of the same link and address do not count. */
static void counts_by_number(void **state)
{
	fixture *f = *state;
	char scope[65], address[65];
	token_hash("link-token", scope);
	token_hash("192.0.2.1", address);
	const char *at[] = {"2000-01-01T00:00:00Z", "2000-01-01T00:00:01Z", "2001-01-01T00:00:00Z",
			    "2001-01-01T00:00:00Z", "2001-01-01T00:30:00Z"};
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(store_throttle_add(&f->db, scope, i == 4 ? "other" : address, at[i], &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT MAX(scope_seq) FROM throttle_hit"), 5);
	assert_int_equal(fixture_count(f, "SELECT MAX(address_seq) FROM throttle_hit"), 4);
	int64_t per_scope = 0, per_address = 0;
	assert_int_equal(store_throttle_count(&f->db, scope, address, "2000-06-01T00:00:00Z", &per_scope,
					      &per_address, &f->e), 0);
	assert_int_equal(per_scope, 3);
	assert_int_equal(per_address, 2);
	assert_int_equal(store_throttle_count(&f->db, scope, address, "1999-01-01T00:00:00Z", &per_scope,
					      &per_address, &f->e), 0);
	assert_int_equal(per_scope, 5);
	assert_int_equal(per_address, 4);
	assert_int_equal(store_throttle_count(&f->db, scope, address, "2002-01-01T00:00:00Z", &per_scope,
					      &per_address, &f->e), 0);
	assert_int_equal(per_scope, 0);
	assert_int_equal(per_address, 0);
	/* On PostgreSQL a table this small is read whole unless told not to:
	 * what matters is that the indexes alone can answer. */
	if (store_engine_is_pg(&f->db))
		test_exec(&f->db, "SET enable_seqscan = off");
	store_plan plan = {.a = &f->mem};
	store_explain(&f->db, &plan);
	assert_int_equal(store_throttle_count(&f->db, scope, address, "2000-06-01T00:00:00Z", &per_scope,
					      &per_address, &f->e), 0);
	store_explain(&f->db, NULL);
	assert_true(plan.n > 0);
	assert_int_equal(plan_lines_with(&plan, SQL_DIALECT(&f->db, "TEMP B-TREE", "Sort")), 0);
	/* Each count's two numbers, the latest and the first since, are one
	 * index entry each, read from the index alone. */
	assert_int_equal(plan_lines_with(&plan, SQL_DIALECT(&f->db, "COVERING INDEX throttle_hit_scope ",
							    "using throttle_hit_scope on")), 2);
	assert_int_equal(plan_lines_with(&plan, SQL_DIALECT(&f->db, "COVERING INDEX throttle_hit_address ",
							    "using throttle_hit_address on")), 2);
	assert_int_equal(plan_lines_with(&plan, SQL_DIALECT(&f->db, "COVERING INDEX", "Index Only Scan")), 4);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(limits_per_address_and_per_scope),
		T(only_hashes_are_kept),
		T(old_hits_are_forgotten),
		T(counts_by_number),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
