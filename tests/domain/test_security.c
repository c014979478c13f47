/* test_security.c: security events reach the person's areas' logs (and
 * their own list, once), refusals and lock-outs are logged for known
 * accounts only, refused forms are counted per hour in one line, and
 * sign-in failures are kept 30 days at most. */
#include "testutil.h"

#include "store/sql.h"
#include "domain/account.h"
#include "domain/area.h"
#include "domain/security.h"

#define PW "correct horse battery"

/* A lead of a school in "Test Area", and that area. */
static int64_t lead(fixture *f, int64_t *area)
{
	int64_t org = fixture_org(f, "School"), user;
	*area = fixture_org_area(f, org);
	assert_int_equal(user_add(&f->d, "Sam Lead", "sam@example.org", PW, "lead", org, NULL, &user, &f->e), 0);
	return user;
}

static size_t lines_like(fixture *f, int64_t area, const char *text)
{
	activity_list l;
	assert_int_equal(activity_of(&f->d, 0, area, 100, &l, &f->e), 0);
	size_t n = 0;
	for (size_t i = 0; i < l.n; i++)
		n += strstr(l.items[i].what, text) != NULL;
	return n;
}

static void sign_in_is_logged_in_the_area(void **state)
{
	fixture *f = *state;
	int64_t area, user = lead(f, &area);
	session s;
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "192.0.2.10", &s, &f->e), 0);
	activity_list l;
	assert_int_equal(activity_of(&f->d, 0, area, 10, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].what, "signed in from 192.0.2.10");
	assert_string_equal(l.items[0].user_name, "Sam Lead");
	assert_int_equal(l.items[0].organisation_id, 0);
	/* Not the organisation's: its log is for its records. */
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE organisation_id IS NOT NULL"), 0);
	assert_int_equal(security_events_of_user(&f->d, user, 10, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].what, "signed in from 192.0.2.10");
}

static void refusals_and_lock_out_are_logged(void **state)
{
	fixture *f = *state;
	int64_t area;
	lead(f, &area);
	session s;
	for (int i = 0; i < FAILURES_PER_ACCOUNT + 2; i++)
		assert_int_equal(sign_in(&f->d, "sam@example.org", "not the password", "198.51.100.4", &s, &f->e), -1);
	/* Five refusals, then the lock-out once; tries while locked out are
	 * refused before the password is looked at, and not logged again. */
	assert_int_equal(lines_like(f, area, "sign-in refused (wrong password) from 198.51.100.4"), FAILURES_PER_ACCOUNT);
	assert_int_equal(lines_like(f, area, "locked out for 15 minutes after repeated failed sign-ins from 198.51.100.4"), 1);
	/* An email without an account has no area: nothing in any log. */
	int64_t before = fixture_count(f, "SELECT COUNT(*) FROM activity");
	assert_int_equal(sign_in(&f->d, "nobody@example.org", PW, "198.51.100.5", &s, &f->e), -1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity"), before);
}

/* Someone in two areas has each event in both logs but once in their
 * own list; someone in none still has it in their list. */
static void events_reach_every_area_once_each(void **state)
{
	fixture *f = *state;
	int64_t area, user = lead(f, &area), other, loner;
	assert_int_equal(user_add(&f->d, "Ann", "ann@example.org", PW, "area-admin", 0, "Northshire", &other, &f->e), 0);
	assert_int_equal(area_find(&f->d, "Northshire", &other, &f->e), 1);
	test_exec(&f->db, "INSERT INTO membership (user_id, area_id, role, created_at)"
		  " SELECT id, (SELECT id FROM area WHERE name = 'Northshire'), 'area-admin',"
		  " '2026-01-01T00:00:00Z' FROM app_user WHERE email = 'sam@example.org'");
	assert_int_equal(security_event(&f->d, user, "signed in", NULL, &f->e), 0);
	assert_int_equal(lines_like(f, area, "signed in"), 1);
	assert_int_equal(lines_like(f, other, "signed in"), 1);
	activity_list l;
	assert_int_equal(security_events_of_user(&f->d, user, 10, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(account_create(&f->d, "Lone", "lone@example.org", PW, &loner, &f->e), 0);
	assert_int_equal(security_event(&f->d, loner, "signed in", "192.0.2.1", &f->e), 0);
	assert_int_equal(security_events_of_user(&f->d, loner, 10, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].what, "signed in from 192.0.2.1");
}

/* Refused forms make one line per finished hour in every area's log,
 * written once; an hour with none makes no line. */
static void refused_forms_counted_per_hour(void **state)
{
	fixture *f = *state;
	int64_t area;
	lead(f, &area);
	time_t hour = 1796000400;       /* 2026-11-30T01:00:00Z */
	assert_int_equal(security_tick(&f->d, hour, &f->e), 0);
	for (int i = 0; i < 3; i++)
		security_csrf_refused_at(hour + 60 * i);
	assert_int_equal(security_tick(&f->d, hour + 1800, &f->e), 0);     /* the hour is not over */
	assert_int_equal(lines_like(f, area, "refused"), 0);
	assert_int_equal(security_tick(&f->d, hour + 3600, &f->e), 1);
	assert_int_equal(lines_like(f, area, "refused 3 forms without a valid security token"), 1);
	assert_int_equal(lines_like(f, area, "between 2026-11-30T01:00 and 2026-11-30T02:00 UTC"), 1);
	assert_int_equal(security_tick(&f->d, hour + 7200, &f->e), 0);
	assert_int_equal(lines_like(f, area, "refused"), 1);
	/* One more, counted in its own hour. */
	security_csrf_refused_at(hour + 3 * 3600);
	assert_int_equal(security_tick(&f->d, hour + 5 * 3600, &f->e), 1);
	assert_int_equal(lines_like(f, area, "refused 1 form without"), 1);
}

/* Sign-ins copro serve was too busy to check are counted the same way,
 * in a line of their own. */
static void busy_refusals_are_counted_per_hour(void **state)
{
	fixture *f = *state;
	int64_t area;
	lead(f, &area);
	time_t hour = 1796004000;       /* 2026-11-30T02:00:00Z */
	for (int i = 0; i < 5; i++)
		security_busy_refused_at(hour + 60 * i);
	security_csrf_refused_at(hour + 30);
	assert_int_equal(security_tick(&f->d, hour + 1800, &f->e), 0);
	assert_int_equal(lines_like(f, area, "try again"), 0);
	assert_int_equal(security_tick(&f->d, hour + 3600, &f->e), 1);
	assert_int_equal(lines_like(f, area, "asked 5 sign-ins and password forms to try again in a few seconds"), 1);
	assert_int_equal(lines_like(f, area, "too many passwords to check at once"), 1);
	assert_int_equal(lines_like(f, area, "refused 1 form without"), 1);
	assert_int_equal(lines_like(f, area, "between 2026-11-30T02:00 and 2026-11-30T03:00 UTC"), 2);
	assert_int_equal(security_tick(&f->d, hour + 7200, &f->e), 0);
	assert_int_equal(lines_like(f, area, "try again"), 1);
}

/* A failed sign-in forgets failures older than 30 days: the typed email
 * and the address are not kept longer. */
static void failures_kept_thirty_days(void **state)
{
	fixture *f = *state;
	char old[21], recent[21], sql[300];
	time_iso(time_now_epoch() - (SIGN_IN_FAILURE_KEEP_DAYS + 1) * 24 * 3600, old);
	time_iso(time_now_epoch() - (SIGN_IN_FAILURE_KEEP_DAYS - 1) * 24 * 3600, recent);
	snprintf(sql, sizeof sql, "INSERT INTO sign_in_failure (account_key, address, at) VALUES"
		 " ('typo@example.org', '203.0.113.1', '%s'), ('kept@example.org', '203.0.113.2', '%s')",
		 old, recent);
	test_exec(&f->db, sql);
	session s;
	assert_int_equal(sign_in(&f->d, "someone@example.org", "wrong password", "203.0.113.3", &s, &f->e), -1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM sign_in_failure WHERE account_key = 'typo@example.org'"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM sign_in_failure WHERE account_key = 'kept@example.org'"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM sign_in_failure"), 2);
	/* The prune reads an index on the time, not the whole table. */
	assert_int_equal(fixture_count(f, SQL_DIALECT(&f->db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sign_in_failure_at'",
						    "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'sign_in_failure_at'")), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(sign_in_is_logged_in_the_area), T(refusals_and_lock_out_are_logged),
		T(events_reach_every_area_once_each), T(refused_forms_counted_per_hour),
		T(busy_refusals_are_counted_per_hour),
		T(failures_kept_thirty_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
