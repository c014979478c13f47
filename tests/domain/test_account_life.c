/* test_account_life.c: accounts turned off and on (sign-in refused,
 * sessions ended), deleted with their name erased from what they made,
 * what copro holds about a person (subject access), and API tokens that
 * expire. */
#include "testutil.h"

#include <jansson.h>
#include <time.h>

#include "domain/account.h"
#include "domain/account_life.h"
#include "domain/area.h"
#include "store/sql.h"

#define PW "plum kettle orbit saffron"

static int64_t lead(fixture *f, int64_t *org)
{
	int64_t user;
	*org = fixture_org(f, "School");
	assert_int_equal(user_add(&f->d, "Sam Lead", "sam@example.org", PW, "lead", *org, NULL, &user, &f->e), 0);
	return user;
}

static void disabled_cannot_sign_in(void **state)
{
	fixture *f = *state;
	int64_t org, user = lead(f, &org);
	session s, back;
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "192.0.2.1", &s, &f->e), 0);
	assert_int_equal(account_set_disabled(&f->d, NULL, user, true, &f->e), 0);
	/* Every session ended at once. */
	assert_int_equal(session_resume(&f->d, s.token, &back, &f->e), 0);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "192.0.2.1", &s, &f->e), -1);
	body_has(f->e.msg, "turned off");
	/* A wrong password hears nothing of it. */
	assert_int_equal(sign_in(&f->d, "sam@example.org", "not the password at all", "192.0.2.1", &s, &f->e), -1);
	body_lacks(f->e.msg, "turned off");
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what = 'account turned off by copro (the command line)'"), 1);
	assert_int_equal(account_set_disabled(&f->d, NULL, user, false, &f->e), 0);
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "192.0.2.1", &s, &f->e), 0);
	assert_int_equal(account_set_disabled(&f->d, NULL, user + 99, true, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

static void deleted_names_become_a_former_member(void **state)
{
	fixture *f = *state;
	int64_t org, user = lead(f, &org), admin;
	assert_int_equal(user_add(&f->d, "Ann Admin", "ann@example.org", PW, "area-admin", 0, "Test Area", &admin, &f->e), 0);
	user_row who = {.id = user, .name = "Sam Lead"}, by = {.id = admin, .name = "Ann Admin"};
	assert_int_equal(activity_log(&f->d, &who, org, 0, "added evidence", &f->e), 0);
	session s;
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "192.0.2.1", &s, &f->e), 0);
	assert_int_equal(account_delete(&f->d, &by, admin, &f->e), -1);   /* not oneself */
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	if (account_delete(&f->d, &by, user, &f->e) < 0)
		fail_msg("%s", f->e.msg);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what = 'added evidence' AND user_name = 'a former member'"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE user_name LIKE '%Sam%' OR what LIKE '%Sam%'"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM app_user WHERE email = 'sam@example.org'"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM membership WHERE user_id IS NULL OR user_id NOT IN (SELECT id FROM app_user)"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM user_session"), 0);
	/* A security event says who deleted an account, not whose. */
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE user_name = 'a former member'"
				       " AND security = 1 AND what LIKE 'account deleted by Ann Admin%'"), 1);
	/* Ann is her area's only administrator: refused from the web (by
	 * another), never from the command line (by NULL). */
	user_row other = {.id = admin + 99, .name = "Someone"};
	assert_int_equal(account_set_disabled(&f->d, &other, admin, true, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_non_null(strstr(f->e.msg, "only area administrator of Test Area"));
	assert_int_equal(account_set_disabled(&f->d, NULL, admin, true, &f->e), 0);
	assert_int_equal(account_delete(&f->d, &by, user, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

static void subject_access_lists_what_is_held(void **state)
{
	fixture *f = *state;
	int64_t org, user = lead(f, &org);
	session s;
	assert_int_equal(sign_in(&f->d, "sam@example.org", PW, "192.0.2.1", &s, &f->e), 0);
	const char *text;
	if (account_data(&f->d, user, &text, &f->e) < 0)
		fail_msg("%s", f->e.msg);
	json_error_t je;
	json_t *doc = json_loads(text, 0, &je);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "account"), "email")), "sam@example.org");
	json_t *m = json_array_get(json_object_get(doc, "memberships"), 0);
	assert_string_equal(json_string_value(json_object_get(m, "organisation")), "School");
	assert_string_equal(json_string_value(json_object_get(m, "role")), "lead");
	assert_int_equal(json_array_size(json_object_get(doc, "sessions")), 1);
	assert_true(json_array_size(json_object_get(doc, "activity")) >= 1);
	assert_non_null(json_object_get(doc, "views_entered"));
	/* No secret: neither the password's hash nor a session's token. */
	body_lacks(text, "argon2");
	body_lacks(text, s.token);
	json_decref(doc);
	assert_int_equal(account_data(&f->d, user + 99, &text, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

static void api_tokens_expire(void **state)
{
	fixture *f = *state;
	fixture_org(f, "School");
	int64_t area, id, found;
	assert_int_equal(area_find(&f->d, "Test Area", &area, &f->e), 1);
	char token[65], year[65], on[11];
	assert_int_equal(api_token_create_days(&f->d, NULL, area, "Short", 1, token, &id, &f->e), 0);
	assert_int_equal(api_token_create_logged(&f->d, NULL, area, "Default", year, &id, &f->e), 0);
	char from[21], to[21];
	time_iso(time(NULL) + 365 * 86400 - 3600, from);
	time_iso(time(NULL) + 365 * 86400 + 3600, to);
	int64_t n = 0;
	assert_int_equal(sql_get_int(&f->db, "SELECT COUNT(*) FROM api_token WHERE name = 'Default'"
				     " AND expires_at BETWEEN ? AND ?", SQL_ARGS(sql_text(from), sql_text(to)), &n, &f->e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(api_token_create_days(&f->d, NULL, area, "Never", 0, token, &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_int_equal(api_token_area(&f->d, token, &found, &f->e), 0);
	assert_int_equal(found, area);
	assert_int_equal(api_token_expired(&f->d, token, on, &f->e), 0);
	char later[21];
	time_iso(time_now_epoch() + 2 * 24 * 3600, later);
	setenv("COPRO_NOW", later, 1);
	assert_int_equal(api_token_area(&f->d, token, &found, &f->e), 0);
	assert_int_equal(found, 0);
	assert_int_equal(api_token_expired(&f->d, token, on, &f->e), 1);
	assert_int_equal(strlen(on), 10);
	assert_int_equal(api_token_area(&f->d, year, &found, &f->e), 0);
	unsetenv("COPRO_NOW");
	assert_int_equal(found, area);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(disabled_cannot_sign_in), T(deleted_names_become_a_former_member),
		T(subject_access_lists_what_is_held), T(api_tokens_expire),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
