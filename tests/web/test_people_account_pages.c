/* test_people_account_pages.c: an area administrator turning a member's
 * account off and on, and deleting it, from the member's page: the
 * confirmation pages, the typed email, the banners and security events,
 * their own account and the last area administrator refused in words,
 * and who may. */
#include "domain/account_life.h"
#include "store/account.h"
#include "webtest.h"

/* Makes `who` (an area administrator) also a viewer of our organisation,
 * so their own account is on its people page; answers the membership. */
static int64_t also_member(webfix *w, int who)
{
	int64_t mid;
	membership_row m = {.user_id = w->as[who].user.id, .organisation_id = w->org, .role = "viewer",
			    .created_at = "2026-01-01T00:00:00Z"};
	assert_int_equal(store_membership_insert(&w->f.db, &m, &mid, &w->f.e), 0);
	return mid;
}

static const char *member_path(webfix *w, int64_t mid, const char *rest)
{
	return web_path(w, "/org/%lld/people/%lld%s", (long long)w->org, (long long)mid, rest);
}

static int64_t disabled(webfix *w, const char *email)
{
	return fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM app_user WHERE email = '%s'"
					     " AND disabled_at IS NOT NULL", email));
}

static void turned_off_and_on(void **state)
{
	webfix *w = *state;
	int64_t mid = web_member_id(w, w->org, "contrib@example.org");
	request *r = web_run(w, AS_AREA, "GET", member_path(w, mid, ""), NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "Their account");
	page_has(r, web_path(w, "href=\"%s\"", member_path(w, mid, "/disable")));
	page_has(r, web_path(w, "href=\"%s\"", member_path(w, mid, "/delete")));
	request_destroy(r);
	/* A lead sees the member page without the section. */
	r = web_run(w, AS_LEAD, "GET", member_path(w, mid, ""), NULL);
	page_lacks(r, "Their account");
	page_lacks(r, "/disable");
	request_destroy(r);

	r = web_run(w, AS_AREA, "GET", member_path(w, mid, "/disable"), NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "signed out everywhere at once");
	page_has(r, web_path(w, "action=\"%s\"", member_path(w, mid, "/disable")));
	page_has(r, "name=\"csrf\"");
	request_destroy(r);
	assert_int_equal(disabled(w, "contrib@example.org"), 0);

	/* Without the form's token: refused, nothing changes. */
	web_expect(w, AS_AREA, "POST", member_path(w, mid, "/disable"), (const char *[]){"csrf", "0000", NULL}, 403);
	assert_int_equal(disabled(w, "contrib@example.org"), 0);

	r = web_run(w, AS_AREA, "POST", member_path(w, mid, "/disable"), NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, member_path(w, mid, "?account=off"));
	request_destroy(r);
	assert_int_equal(disabled(w, "contrib@example.org"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE security = 1"
				       " AND what = 'account turned off by area administrator'"), 1);
	/* Their session ended at once. */
	r = web_run(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld", (long long)w->org), NULL);
	assert_int_equal(r->status, 303);
	request_destroy(r);

	r = web_get_query(w, AS_AREA, member_path(w, mid, ""), (const char *[]){"account", "off", NULL});
	page_has(r, "govuk-notification-banner--success");
	page_has(r, "Their account is turned off");
	page_has(r, "Turned off");
	page_has(r, web_path(w, "href=\"%s\"", member_path(w, mid, "/enable")));
	request_destroy(r);
	r = web_run(w, AS_LEAD, "GET", web_path(w, "/org/%lld/people", (long long)w->org), NULL);
	page_has(r, "Turned off");
	request_destroy(r);

	r = web_run(w, AS_AREA, "GET", member_path(w, mid, "/enable"), NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "can sign in again");
	request_destroy(r);
	r = web_run(w, AS_AREA, "POST", member_path(w, mid, "/enable"), NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, member_path(w, mid, "?account=on"));
	request_destroy(r);
	assert_int_equal(disabled(w, "contrib@example.org"), 0);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE security = 1"
				       " AND what = 'account turned on by area administrator'"), 1);
}

static void deleted_with_the_typed_email(void **state)
{
	webfix *w = *state;
	int64_t mid = web_member_id(w, w->org, "viewer@example.org");
	const char *path = member_path(w, mid, "/delete");
	request *r = web_run(w, AS_AREA, "GET", path, NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "a former member");
	page_has(r, "What stays");
	page_has(r, "What goes");
	page_has(r, "cannot be undone");
	page_has(r, "Their email address is viewer@example.org");
	request_destroy(r);

	const char *const *bad[] = {(const char *[]){NULL}, (const char *[]){"email", "  ", NULL},
				    (const char *[]){"email", "lead@example.org", NULL}};
	for (size_t i = 0; i < 3; i++) {
		r = web_run(w, AS_AREA, "POST", path, bad[i]);
		assert_int_equal(r->status, 400);
		page_has(r, "<title>Error: ");
		page_has(r, "href=\"#email\"");
		page_has(r, "Type their email address");
		request_destroy(r);
	}
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM app_user WHERE email = 'viewer@example.org'"), 1);

	r = web_run(w, AS_AREA, "POST", path, (const char *[]){"email", " Viewer@Example.org ", NULL});
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/people?account=deleted", (long long)w->org));
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM app_user WHERE email = 'viewer@example.org'"), 0);
	/* The security event says who deleted an account, not whose. */
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE security = 1"
				       " AND user_name = 'a former member' AND what LIKE 'account deleted by area administrator%'"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE user_name = 'viewer'"
				       " OR what LIKE '%viewer@example.org%'"), 0);
	r = web_get_query(w, AS_AREA, web_path(w, "/org/%lld/people", (long long)w->org),
			  (const char *[]){"account", "deleted", NULL});
	page_has(r, "The account is deleted");
	page_lacks(r, "viewer@example.org");
	request_destroy(r);
}

/* Their own account, and the only area administrator of an area: said in
 * words, no form, and a POST refused with 400 changing nothing. */
static void own_account_and_last_administrator_refused(void **state)
{
	webfix *w = *state;
	int64_t self = also_member(w, AS_AREA), last = also_member(w, AS_OTHER_AREA);
	struct {
		int64_t mid;
		const char *email, *words;
	} cases[] = {
		{self, "area@example.org", "This is your own account"},
		{last, "far@example.org", "is the only area administrator of Elsewhere"},
	};
	for (size_t i = 0; i < 2; i++) {
		request *r = web_run(w, AS_AREA, "GET", member_path(w, cases[i].mid, ""), NULL);
		page_has(r, cases[i].words);
		page_lacks(r, "/disable\"");
		page_lacks(r, "/delete\"");
		request_destroy(r);
		const char *acts[] = {"/disable", "/delete"};
		for (size_t k = 0; k < 2; k++) {
			r = web_run(w, AS_AREA, "GET", member_path(w, cases[i].mid, acts[k]), NULL);
			assert_int_equal(r->status, 200);
			page_has(r, cases[i].words);
			page_lacks(r, "<form method=\"post\" action=\"/org");
			request_destroy(r);
			r = web_run(w, AS_AREA, "POST", member_path(w, cases[i].mid, acts[k]),
				    (const char *[]){"email", cases[i].email, NULL});
			assert_int_equal(r->status, 400);
			page_has(r, "href=\"#why\"");
			page_has(r, cases[i].words);
			request_destroy(r);
		}
		assert_int_equal(disabled(w, cases[i].email), 0);
		assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM app_user WHERE email = '%s'",
							     cases[i].email)), 1);
	}
	/* With a second administrator in Elsewhere, the first may go. */
	int64_t user, mid;
	assert_int_equal(account_create(&w->f.d, "Second", "second@example.org", WEBTEST_PASSWORD, &user, &w->f.e), 0);
	int64_t far_area = fixture_org_area(&w->f, w->far_org);
	membership_row m = {.user_id = user, .area_id = far_area, .role = "area-admin", .created_at = "2026-01-01T00:00:00Z"};
	assert_int_equal(store_membership_insert(&w->f.db, &m, &mid, &w->f.e), 0);
	web_expect(w, AS_AREA, "POST", member_path(w, last, "/disable"), NULL, 303);
	assert_int_equal(disabled(w, "far@example.org"), 1);
	/* ... but not the second too: they are the last who can sign in. */
	assert_int_equal(account_set_disabled(&w->f.d, &w->as[AS_AREA].user, user, true, &w->f.e), -1);
	assert_int_equal(w->f.e.kind, ERR_CONFLICT);
}

/* Only the administrators of the member's area: everyone else is refused
 * and nothing changes. */
static void only_the_area_administrators(void **state)
{
	webfix *w = *state;
	int64_t mid = web_member_id(w, w->org, "contrib@example.org");
	const char *acts[] = {"/disable", "/enable", "/delete"};
	for (size_t k = 0; k < 3; k++)
		for (int who = 0; who < AS_ALL; who++) {
			if (who == AS_AREA)
				continue;
			int want = who == AS_NOBODY ? 303 : who == AS_LEAD || who == AS_CONTRIBUTOR || who == AS_VIEWER ? 403 : 404;
			if (who == AS_ASSESSOR || who == AS_ASSESSOR_ENDED)
				want = -1;
			request *r = web_run(w, who, "POST", member_path(w, mid, acts[k]),
					     (const char *[]){"email", "contrib@example.org", NULL});
			if (want > 0)
				assert_int_equal(r->status, want);
			else
				assert_true(r->status == 303 || r->status == 403 || r->status == 404);
			request_destroy(r);
		}
	assert_int_equal(disabled(w, "contrib@example.org"), 0);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM app_user WHERE email = 'contrib@example.org'"), 1);
	/* Another organisation's member is not found through ours. */
	int64_t theirs = web_member_id(w, w->other_org, "other@example.org");
	web_expect(w, AS_AREA, "GET", member_path(w, theirs, "/disable"), NULL, 404);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(turned_off_and_on), T(deleted_with_the_typed_email), T(own_account_and_last_administrator_refused),
		T(only_the_area_administrators),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
