/* test_password_pages.c: "Forgotten your password?": the request (the same
 * answer for any address), the emailed link's page and its single use,
 * and an area administrator emailing a member a reset link. */
#include "webtest.h"

#include "domain/mail.h"

static const char *emailed_token(webfix *w, const char *to)
{
	outbox_list out;
	assert_int_equal(mail_outbox(&w->f.d, 0, NULL, to, 1, &out, &w->f.e), 0);
	if (!out.n)
		return NULL;
	const char *at = strstr(out.items[0].body, "/reset/");
	assert_non_null(at);
	return arena_strndup(&w->f.mem, at + 7, 64);
}

static int64_t lead_member(webfix *w)
{
	membership_list ms;
	assert_int_equal(store_memberships_of_org(&w->f.db, &w->f.mem, w->org, &ms, &w->f.e), 0);
	for (size_t i = 0; i < ms.n; i++)
		if (ms.items[i].user_id == w->as[AS_LEAD].user.id)
			return ms.items[i].id;
	fail_msg("no lead");
	return 0;
}

static void expect_status(request *r, int status)
{
	if (r->status != status)
		fail_msg("%s %s: %d, expected %d\n%.2000s", r->method, r->path, r->status, status, web_body(r));
}

static void reset_by_email(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_NOBODY, "GET", "/sign-in", NULL);
	page_has(r, "Forgotten your password?");
	request_destroy(r);
	r = web_run(w, AS_NOBODY, "GET", "/reset", NULL);
	expect_status(r, 200);
	request_destroy(r);
	r = web_post_signed_out(w, "/reset", (const char *[]){"email", "not an address", NULL});
	expect_status(r, 400);
	page_has(r, "<title>Error: ");
	request_destroy(r);
	/* Known or not, the same answer. */
	r = web_post_signed_out(w, "/reset", (const char *[]){"email", "nobody@example.org", NULL});
	expect_status(r, 303);
	assert_string_equal(r->location, "/sign-in?reset=sent");
	request_destroy(r);
	r = web_post_signed_out(w, "/reset", (const char *[]){"email", "viewer@example.org", NULL});
	expect_status(r, 303);
	assert_string_equal(r->location, "/sign-in?reset=sent");
	request_destroy(r);
	r = web_get_query(w, AS_NOBODY, "/sign-in", (const char *[]){"reset", "sent", NULL});
	page_has(r, "we have emailed it a link");
	request_destroy(r);

	const char *token = emailed_token(w, "viewer@example.org");
	assert_non_null(token);
	const char *path = web_path(w, "/reset/%s", token);
	r = web_run(w, AS_NOBODY, "GET", path, NULL);
	expect_status(r, 200);
	page_has(r, "Choose a new password");
	page_has(r, "govuk-password-input");
	request_destroy(r);
	r = web_post_signed_out(w, path, (const char *[]){"password", "password1234", NULL});
	expect_status(r, 400);
	page_has(r, "Choose another");
	request_destroy(r);
	r = web_post_signed_out(w, path, (const char *[]){"password", "otters quarrel by moonlight", NULL});
	expect_status(r, 303);
	assert_string_equal(r->location, "/sign-in?reset=done");
	request_destroy(r);
	/* The viewer's session has ended; the link is spent. */
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "/org/%lld", (long long)w->org), NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/sign-in");
	request_destroy(r);
	r = web_run(w, AS_NOBODY, "GET", path, NULL);
	expect_status(r, 410);
	page_has(r, "Ask for a new link");
	request_destroy(r);
	r = web_post_signed_out(w, path, (const char *[]){"password", "another otter in the river", NULL});
	expect_status(r, 410);
	request_destroy(r);
	r = web_run(w, AS_NOBODY, "GET", "/reset/0123", NULL);
	expect_status(r, 410);
	request_destroy(r);
	/* A signed-out form needs its token. */
	r = web_run(w, AS_NOBODY, "POST", "/reset", (const char *[]){"email", "lead@example.org", "csrf", "x", NULL});
	expect_status(r, 403);
	request_destroy(r);
	assert_null(emailed_token(w, "lead@example.org"));
}

static void area_admin_starts_a_reset(void **state)
{
	webfix *w = *state;
	const char *member = web_path(w, "/org/%lld/people/%lld", (long long)w->org, (long long)lead_member(w));
	const char *path = web_path(w, "%s/reset", member);
	request *r = web_run(w, AS_AREA, "GET", member, NULL);
	page_has(r, "Email a password reset link");
	request_destroy(r);
	r = web_run(w, AS_LEAD, "GET", member, NULL);
	page_lacks(r, "Email a password reset link");      /* leads do not */
	request_destroy(r);
	web_expect(w, AS_LEAD, "POST", path, NULL, 403);
	web_expect(w, AS_OTHER_AREA, "POST", path, NULL, 404);
	web_expect(w, AS_AREA, "POST", path, (const char *[]){"csrf", "forged", NULL}, 403);
	assert_null(emailed_token(w, "lead@example.org"));
	r = web_run(w, AS_AREA, "POST", path, NULL);
	expect_status(r, 303);
	assert_non_null(strstr(r->location, "reset=member"));
	request_destroy(r);
	assert_non_null(emailed_token(w, "lead@example.org"));
	r = web_get_query(w, AS_AREA, member, (const char *[]){"reset", "member", NULL});
	page_has(r, "We have emailed them a link");
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(reset_by_email), T(area_admin_starts_a_reset),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
