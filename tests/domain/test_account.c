/* test_account.c: passwords (argon2id parameters read back from the
 * stored hash), sign-in that reveals nothing and slows repeated failures
 * without locking anyone out, sessions and invitations. */
#include "testutil.h"

#include "domain/account.h"
#include "domain/area.h"
#include "store/account.h"

#define PW "twelve chars ok"

static void password_rules(void **state)
{
	(void)state;
	err e = {0};
	assert_int_equal(password_check("short", &e), -1);
	assert_non_null(strstr(e.msg, "at least 12"));
	assert_int_equal(password_check("exactly12chr", &e), 0);
	/* No composition rules: lower case letters and spaces are enough
	 * (common passwords: test_password_policy.c). */
	assert_int_equal(password_check("sunlit otters quarrel", &e), 0);
	char max[PASSWORD_MAX + 2];
	for (size_t i = 0; i < PASSWORD_MAX; i++)
		max[i] = "otter sunlit quarrel "[i % 21];
	max[PASSWORD_MAX] = '\0';
	assert_int_equal(password_check(max, &e), 0);
	max[PASSWORD_MAX] = 'p';
	max[PASSWORD_MAX + 1] = '\0';
	assert_int_equal(password_check(max, &e), -1);
	/* Twelve characters of non-ASCII text count as twelve, not bytes. */
	assert_int_equal(password_check("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", &e), -1);
}

static void hash_is_argon2id_with_enough_work(void **state)
{
	fixture *f = *state;
	int64_t id;
	assert_int_equal(account_create(&f->d, "Sam", "Sam@Example.org", PW, &id, &f->e), 0);
	user_row u;
	assert_int_equal(store_user_by_email(&f->db, &f->mem, "sam@example.org", &u, &f->e), 1);
	unsigned m = 0, t = 0, p = 0;
	assert_int_equal(sscanf(u.password_hash, "$argon2id$v=19$m=%u,t=%u,p=%u$", &m, &t, &p), 3);
	assert_true(m >= 19 * 1024);       /* KiB: OWASP ASVS 5.0 V11.4.2 */
	assert_true(t >= 2);
	assert_null(strstr(u.password_hash, PW));
	/* Never truncated: a long password differing only at the end fails. */
	char longpw[PASSWORD_MAX + 1];
	memset(longpw, 'x', PASSWORD_MAX);
	longpw[PASSWORD_MAX] = '\0';
	char hash[128];
	assert_int_equal(password_hash(longpw, hash, &f->e), 0);
	longpw[PASSWORD_MAX - 1] = 'y';
	assert_int_equal(password_matches(hash, longpw, &f->e), 0);
	longpw[PASSWORD_MAX - 1] = 'x';
	assert_int_equal(password_matches(hash, longpw, &f->e), 1);
}

static void sign_in_reveals_nothing(void **state)
{
	fixture *f = *state;
	int64_t id;
	assert_int_equal(account_create(&f->d, "Sam", "sam@example.org", PW, &id, &f->e), 0);
	session s;
	err wrong = {0}, unknown = {0};
	assert_int_equal(sign_in(&f->d, "sam@example.org", "wrong password!", "10.0.0.1", &s, &wrong), -1);
	assert_int_equal(sign_in(&f->d, "nobody@example.org", PW, "10.0.0.1", &s, &unknown), -1);
	assert_string_equal(wrong.msg, unknown.msg);
	assert_int_equal(sign_in(&f->d, "SAM@example.org", PW, "10.0.0.1", &s, &f->e), 0);
	assert_true(s.valid);
	assert_int_equal(strlen(s.token), 64);
	/* Only the hash of the token is stored. */
	session_row row;
	assert_int_equal(store_session_get(&f->db, &f->mem, s.token, &row, &f->e), 0);
	char h[65];
	token_hash(s.token, h);
	assert_int_equal(store_session_get(&f->db, &f->mem, h, &row, &f->e), 1);
}

static void failures_slow_one_address_only(void **state)
{
	fixture *f = *state;
	int64_t id;
	session s;
	assert_int_equal(account_create(&f->d, "Sam", "sam@example.org", PW, &id, &f->e), 0);
	for (int i = 0; i < FAILURES_PER_ACCOUNT; i++)
		assert_int_equal(sign_in(&f->d, "sam@example.org", "not the password", "10.0.0.9", &s, &f->e), -1);
	/* The attacker's address must now wait, even with the right password. */
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.9", &s, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_BUSY);
	assert_non_null(strstr(f->e.msg, "Wait 15 minutes"));
	/* Sam, elsewhere, is not locked out. */
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "192.168.1.20", &s, &f->e), 0);
	/* After the window the attacker's address may try again. */
	char later[21];
	time_iso(time_now_epoch() + FAILURE_WINDOW_SECONDS + 60, later);
	setenv("COPRO_NOW", later, 1);
	int rc = sign_in(&f->d, "sam@example.org", PW, "10.0.0.9", &s, &f->e);
	unsetenv("COPRO_NOW");
	assert_int_equal(rc, 0);
}

/* A thread that refuses to hash (copro serve's web worker when the
 * hashing queue is full) answers at once, says why, and counts nothing
 * against the account or the address: no password was tried. */
static void refused_hashing_counts_nothing(void **state)
{
	fixture *f = *state;
	int64_t id;
	session s;
	assert_int_equal(account_create(&f->d, "Sam", "sam@example.org", PW, &id, &f->e), 0);
	unsigned long made = password_hashes_made();
	password_hashing_refuse(true);
	for (int i = 0; i < FAILURES_PER_ACCOUNT + 1; i++) {
		err e = {0};
		assert_int_equal(sign_in(&f->d, "sam@example.org", "not the password", "10.0.0.9", &s, &e), -1);
		assert_int_equal(e.kind, ERR_BUSY);
		assert_string_equal(e.msg, PASSWORD_BUSY_MESSAGE);
	}
	err e = {0};
	assert_int_equal(sign_in(&f->d, "nobody@example.org", PW, "10.0.0.9", &s, &e), -1);
	assert_string_equal(e.msg, PASSWORD_BUSY_MESSAGE);
	char hash[128];
	assert_int_equal(password_hash(PW, hash, &e), -1);
	assert_true(password_hashing_refused());
	password_hashing_refuse(false);
	assert_false(password_hashing_refused());
	assert_int_equal(password_hashes_made(), made);
	int64_t failures = -1;
	assert_int_equal(store_failure_count(&f->db, NULL, "10.0.0.9", "2000-01-01T00:00:00Z", &failures, &f->e), 0);
	assert_int_equal(failures, 0);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "10.0.0.9", &s, &f->e), 0);
	assert_true(password_hashes_made() > made);
}

static void sessions_end(void **state)
{
	fixture *f = *state;
	int64_t id;
	session s, back;
	assert_int_equal(account_create(&f->d, "Sam", "sam@example.org", PW, &id, &f->e), 0);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "a", &s, &f->e), 0);
	assert_int_equal(session_resume(&f->d, s.token, &back, &f->e), 1);
	assert_string_equal(back.csrf, s.csrf);
	assert_int_equal(session_resume(&f->d, "nonsense", &back, &f->e), 0);
	char later[21];
	time_iso(time_now_epoch() + SESSION_ABSOLUTE_SECONDS + 1, later);
	setenv("COPRO_NOW", later, 1);
	assert_int_equal(session_resume(&f->d, s.token, &back, &f->e), 0);
	unsetenv("COPRO_NOW");
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "a", &s, &f->e), 0);
	assert_int_equal(session_end(&f->d, s.token, &f->e), 0);
	assert_int_equal(session_resume(&f->d, s.token, &back, &f->e), 0);
}

static void first_account_once(void **state)
{
	fixture *f = *state;
	int64_t id;
	assert_int_equal(account_create_first(&f->d, "Ann", "ann@example.org", PW, "Northshire", &id, &f->e), 0);
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(account_create_first(&f->d, "Eve", "eve@example.org", PW, "Northshire", &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_int_equal(test_count_rows(&f->db), before);
	membership_list ms;
	assert_int_equal(store_memberships_of_user(&f->db, &f->mem, 1, &ms, &f->e), 0);
	assert_int_equal(ms.n, 1);
	assert_string_equal(ms.items[0].role, "area-admin");
}

static void invitations_are_one_time(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), user;
	char token[65];
	assert_int_equal(invitation_create(&f->d, 0, org, "contributor", "parents", "Pat", token, &f->e), 0);
	assert_int_equal(invitation_create(&f->d, 0, org, "owner", NULL, "Pat", token + 0, &f->e), -1);
	assert_int_equal(invitation_accept(&f->d, token, "pat@example.org", PW, &user, &f->e), 0);
	membership_list ms;
	assert_int_equal(store_memberships_of_user(&f->db, &f->mem, user, &ms, &f->e), 0);
	assert_int_equal(ms.n, 1);
	assert_string_equal(ms.items[0].partner_group, "parent-carers");
	assert_int_equal(invitation_accept(&f->d, token, "pat2@example.org", PW, &user, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "used or has expired"));
	/* Expired after 14 days. */
	assert_int_equal(invitation_create(&f->d, 0, org, "viewer", NULL, "Lee", token, &f->e), 0);
	char later[21];
	time_iso(time_now_epoch() + 15 * 24 * 3600, later);
	setenv("COPRO_NOW", later, 1);
	int rc = invitation_accept(&f->d, token, "lee@example.org", PW, &user, &f->e);
	unsetenv("COPRO_NOW");
	assert_int_equal(rc, -1);
}

/* Hashing takes a tenth of a second: a path that hashed inside its
 * transaction would hold the database's write lock, and so every other
 * change, for that long (issue 15, hole 4). */
static void no_hash_holds_the_write_lock(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), user;
	char token[65];
	unsigned long made = password_hashes_made();
	assert_int_equal(account_create_first(&f->d, "Ann", "ann@example.org", PW, "Northshire", &user, &f->e), 0);
	assert_int_equal(invitation_create(&f->d, 0, org, "contributor", NULL, "Pat", token, &f->e), 0);
	assert_int_equal(invitation_accept(&f->d, token, "pat@example.org", PW, &user, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Lou", "lou@example.org", PW, "lead", org, NULL, &user, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Bo", "bo@example.org", PW, "area-admin", 0, "Northshire", &user, &f->e), 0);
	assert_int_equal(password_hashes_made() - made, 4);
	assert_int_equal(password_hashes_in_transaction(), 0);
	assert_false(store_thread_in_tx());
}

static void access_levels(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other"), user;
	char token[65];
	assert_int_equal(invitation_create(&f->d, 0, org, "lead", NULL, "Lou", token, &f->e), 0);
	assert_int_equal(invitation_accept(&f->d, token, "lou@example.org", PW, &user, &f->e), 0);
	enum access a;
	int64_t area = -1;
	assert_int_equal(access_to_org(&f->d, user, org, &a, &area, &f->e), 0);
	assert_int_equal(a, ACCESS_LEAD);
	/* The organisation's area comes with the check, for its activity line. */
	assert_int_equal(area, fixture_org_area(f, org));
	assert_int_equal(access_to_org(&f->d, user, other, &a, &area, &f->e), 0);
	assert_int_equal(a, ACCESS_NONE);
	assert_int_equal(area, 0);
	assert_int_equal(user_add(&f->d, "Bo", "bo@example.org", PW, "area-admin", 0, "Test Area", &user, &f->e), 0);
	assert_int_equal(access_to_org(&f->d, user, other, &a, &area, &f->e), 0);
	assert_int_equal(a, ACCESS_AREA);
	assert_int_equal(area, fixture_org_area(f, other));
}

/* An organisation's activity shows in its area's log, found through the
 * area alone (one index range, not a scan of every organisation's). */
static void activity_reaches_the_area(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Logged School"), area = 0;
	assert_int_equal(store_org_area(&f->db, org, &area, &f->e), 0);
	assert_int_equal(activity_log(&f->d, NULL, org, 0, "changed something", &f->e), 0);
	assert_int_equal(activity_log(&f->d, NULL, 0, area, "changed the area", &f->e), 0);
	activity_list l;
	assert_int_equal(store_activity_list(&f->db, &f->mem, 0, area, 10, &l, &f->e), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.items[1].area_id, area);
	assert_string_equal(l.items[1].what, "changed something");
	assert_int_equal(store_activity_list(&f->db, &f->mem, org, 0, 10, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
}

/* user_add: a role of an organisation or an area, checked by the domain;
 * a refusal leaves nothing behind. */
static void user_add_checks_the_role(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), user, area;
	assert_int_equal(user_add(&f->d, "Lou", "lou@example.org", PW, "lead", org, NULL, &user, &f->e), 0);
	enum access a;
	int64_t in = 0;
	assert_int_equal(access_to_org(&f->d, user, org, &a, &in, &f->e), 0);
	assert_int_equal(a, ACCESS_LEAD);

	int64_t before = test_count_rows(&f->db);
	assert_int_equal(user_add(&f->d, "Al", "al@example.org", PW, "boss", org, NULL, &user, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_non_null(strstr(f->e.msg, "role \"boss\" is not known"));
	assert_int_equal(user_add(&f->d, "Al", "al@example.org", PW, "viewer", org + 9, NULL, &user, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(user_add(&f->d, "Lou", "LOU@example.org", PW, "viewer", org, NULL, &user, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_int_equal(user_add(&f->d, "Al", "al@example.org", PW, "viewer", 0, NULL, &user, &f->e), -1);
	assert_int_equal(user_add(&f->d, "Al", "al@example.org", PW, "area-admin", org, NULL, &user, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_int_equal(test_count_rows(&f->db), before);

	assert_int_equal(user_add(&f->d, "Ann", "ann@example.org", PW, "area-admin", 0, "Northshire", &user, &f->e), 0);
	assert_int_equal(area_find(&f->d, "Northshire", &area, &f->e), 1);
	bool admin = false;
	assert_int_equal(access_to_area(&f->d, user, area, &admin, &f->e), 0);
	assert_true(admin);
}

/* API tokens made and revoked with their activity line, all or nothing. */
static void api_tokens_are_logged(void **state)
{
	fixture *f = *state;
	fixture_org(f, "School");
	int64_t area, id;
	assert_int_equal(area_find(&f->d, "Test Area", &area, &f->e), 1);
	char token[65];
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(api_token_create_logged(&f->d, NULL, area, "", token, &id, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
	assert_int_equal(api_token_create_logged(&f->d, NULL, area, "Dashboard", token, &id, &f->e), 0);
	activity_list l;
	assert_int_equal(activity_of(&f->d, 0, area, 10, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].what, arena_printf(&f->mem, "created API token %lld: Dashboard", (long long)id));
	assert_string_equal(l.items[0].user_name, "copro");

	assert_int_equal(api_token_revoke_logged(&f->d, NULL, area, id, &f->e), 0);
	assert_int_equal(activity_of(&f->d, 0, area, 10, &l, &f->e), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].what, arena_printf(&f->mem, "revoked API token %lld: Dashboard", (long long)id));
	api_token_list tokens;
	assert_int_equal(api_tokens_of_area(&f->d, area, &tokens, &f->e), 0);
	assert_non_null(tokens.items[0].revoked_at);
	before = test_count_rows(&f->db);
	assert_int_equal(api_token_revoke_logged(&f->d, NULL, area, id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(api_token_revoke_logged(&f->d, NULL, area + 1, id, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(password_rules), T(hash_is_argon2id_with_enough_work),
		T(sign_in_reveals_nothing), T(failures_slow_one_address_only),
		T(refused_hashing_counts_nothing), T(sessions_end),
		T(first_account_once), T(invitations_are_one_time), T(no_hash_holds_the_write_lock),
		T(access_levels),
		T(activity_reaches_the_area), T(user_add_checks_the_role), T(api_tokens_are_logged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
