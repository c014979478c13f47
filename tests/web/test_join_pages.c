/* test_join_pages.c: opening an invitation link (issue 15, hole 5):
 * signed in, one button adds the membership to the account in use;
 * signed out, the form makes new accounts only and its answer never says
 * whether the typed address has an account, for the same work. */
#include "domain/invite.h"
#include "webtest.h"

#define NEW_PASSWORD "a new member's long password"

/* A new contributor invitation of our organisation; its link's token. */
static const char *invite(webfix *w)
{
	char token[65];
	assert_int_equal(invitation_create(&w->f.d, w->as[AS_LEAD].user.id, w->org, "contributor", NULL,
					   "Invited Person", token, &w->f.e), 0);
	return web_path(w, "%s", token);
}

static request *join_signed_out(webfix *w, const char *token, const char *email)
{
	const char *fields[] = {"email", email, "password", NEW_PASSWORD, NULL};
	return web_post_signed_out(w, web_path(w, "/join/%s", token), fields);
}

static int64_t memberships(webfix *w, int who, int64_t org)
{
	return fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM membership WHERE user_id = %lld AND "
					     "organisation_id = %lld", (long long)w->as[who].user.id, (long long)org));
}

static void signed_in_joins_with_one_button(void **state)
{
	webfix *w = *state;
	const char *token = invite(w), *path = web_path(w, "/join/%s", token);
	request *r = web_expect_request(w, AS_OTHER_LEAD, "GET", path, NULL, 200);
	page_has(r, "<title>Join Our School as a contributor");
	page_has(r, "<h1 class=\"govuk-heading-l\">Join Our School as a contributor</h1>");
	page_has(r, "other@example.org");
	page_has(r, "name=\"csrf\"");
	/* One button, no email or password to type. */
	page_lacks(r, "name=\"password\"");
	page_lacks(r, "name=\"email\"");
	request_destroy(r);
	/* Without the session's CSRF token: refused, nothing joined. */
	const char *forged[] = {"csrf", "0000000000000000000000000000000000000000000000000000000000000000", NULL};
	web_expect(w, AS_OTHER_LEAD, "POST", path, forged, 403);
	assert_int_equal(memberships(w, AS_OTHER_LEAD, w->org), 0);

	r = web_expect_request(w, AS_OTHER_LEAD, "POST", path, NULL, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld?joined=1", (long long)w->org));
	request_destroy(r);
	assert_int_equal(memberships(w, AS_OTHER_LEAD, w->org), 1);
	assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM membership WHERE user_id = %lld AND "
		"organisation_id = %lld AND role = 'contributor'", (long long)w->as[AS_OTHER_LEAD].user.id,
		(long long)w->org)), 1);
	/* The organisation's log says who joined; the home page says so. */
	assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM activity WHERE organisation_id = %lld"
		" AND what = 'joined by invitation as a contributor'", (long long)w->org)), 1);
	const char *q[] = {"joined", "1", NULL};
	r = web_get_query(w, AS_OTHER_LEAD, web_path(w, "/org/%lld", (long long)w->org), q);
	assert_int_equal(r->status, 200);
	page_has(r, "You have joined Our School");
	request_destroy(r);
	/* The link is used: not again, by anyone. */
	web_expect(w, AS_AREA, "GET", path, NULL, 410);
	r = join_signed_out(w, token, "late@example.org");
	assert_int_equal(r->status, 400);
	page_has(r, "has been used or has expired");
	request_destroy(r);
}

static void a_member_already_leaves_the_link_unused(void **state)
{
	webfix *w = *state;
	const char *token = invite(w), *path = web_path(w, "/join/%s", token);
	request *r = web_expect_request(w, AS_VIEWER, "POST", path, NULL, 400);
	page_has(r, "<title>Error: Join Our School");
	page_has(r, "You are a member of Our School already, so the link was not used");
	page_has(r, "href=\"#join\"");
	request_destroy(r);
	assert_int_equal(memberships(w, AS_VIEWER, w->org), 1);
	/* The person it was meant for can still use it. */
	r = join_signed_out(w, token, "meant.for@example.org");
	assert_int_equal(r->status, 303);
	request_destroy(r);
	/* A made-up link, signed in: gone, with what to do. */
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/join/%064d", 7), NULL, 410);
	page_has(r, "Ask your organisation lead for a new one");
	request_destroy(r);
	web_expect(w, AS_VIEWER, "POST", web_path(w, "/join/%064d", 7), NULL, 410);
}

/* Signed out, an address that has an account gets the answer any address
 * could get, naming no address, after the same work as a new one. */
static void signed_out_never_says_an_account_exists(void **state)
{
	webfix *w = *state;
	request *r = web_expect_request(w, AS_NOBODY, "GET", web_path(w, "/join/%s", invite(w)), NULL, 200);
	page_has(r, "Already use copro? <a class=\"govuk-link\" href=\"/sign-in\">Sign in</a> first");
	request_destroy(r);

	unsigned long before = atomic_load(&cheap_hash_calls), made = password_hashes_made();
	r = join_signed_out(w, invite(w), "lead@example.org");
	unsigned long existing = atomic_load(&cheap_hash_calls) - before;
	unsigned long existing_all = password_hashes_made() - made;
	assert_int_equal(r->status, 400);
	page_lacks(r, "already an account");
	page_has(r, "copro could not make a new account with that email address. If you already use copro, sign in "
		 "first, then open this link again to join with your account.");
	/* The address is only in the field it was typed in: the error
	 * summary above it does not name it. */
	const char *field = strstr(web_body(r), "value=\"lead@example.org\"");
	assert_non_null(field);
	assert_ptr_equal(strstr(web_body(r), "lead@example.org"), field + strlen("value=\""));
	request_destroy(r);
	assert_int_equal(memberships(w, AS_LEAD, w->org), 1);

	before = atomic_load(&cheap_hash_calls);
	made = password_hashes_made();
	r = join_signed_out(w, invite(w), "brand.new@example.org");
	unsigned long fresh = atomic_load(&cheap_hash_calls) - before;
	unsigned long fresh_all = password_hashes_made() - made;
	assert_int_equal(r->status, 303);
	request_destroy(r);
	/* One argon2id hash each, the join's own, and nothing else: the new
	 * account is signed in without checking the password it was just
	 * made from, a second argon2id run that only the new address cost. */
	assert_int_equal(existing, 1);
	assert_int_equal(fresh, existing);
	assert_int_equal(existing_all, 1);
	assert_int_equal(fresh_all, existing_all);
}

/* The new account is signed in without its password checked again, but
 * not from an address locked out of signing in: the account is made, and
 * the person sent to sign in, as before. */
static void a_locked_address_joins_but_is_not_signed_in(void **state)
{
	webfix *w = *state;
	char now[21];
	time_now_iso(now);
	for (int i = 0; i < FAILURES_PER_ADDRESS; i++)
		assert_int_equal(store_failure_add(&w->f.db, "someone@example.org", "unknown", now, &w->f.e), 0);
	request *r = join_signed_out(w, invite(w), "brand.new@example.org");
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/sign-in");
	assert_null(r->cookie);
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM app_user WHERE email = 'brand.new@example.org'"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM user_session s JOIN app_user u ON u.id = s.user_id"
				       " WHERE u.email = 'brand.new@example.org'"), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(signed_in_joins_with_one_button),
		T(a_member_already_leaves_the_link_unused),
		T(signed_out_never_says_an_account_exists),
		T(a_locked_address_joins_but_is_not_signed_in),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
