/* test_two_factor_pages.c: the sign-in and security pages: changing a
 * password, setting up two-factor sign-in (QR code, secret, recovery
 * codes shown once), signing in with a code and with a recovery code,
 * turning it off, and the area's requirement sending a lead to set it up
 * before anything else. */
#include "webtest.h"

#include <liboath/oath.h>

#include "domain/two_factor.h"
#include "store/credentials.h"

/* Requests the checks below still read, destroyed after each test. */
static request *kept[64];
static size_t n_kept;

static request *track(request *r)
{
	assert_true(n_kept < sizeof kept / sizeof *kept);
	return kept[n_kept++] = r;
}

static int release(void **state)
{
	while (n_kept)
		request_destroy(kept[--n_kept]);
	return webfix_teardown(state);
}

/* The code an app would show now for `who`'s stored secret. */
static const char *app_code(webfix *w, int who, int64_t offset)
{
	two_factor_row t;
	assert_int_equal(store_two_factor_get(&w->f.db, &w->f.mem, w->as[who].user.id, &t, &w->f.e), 1);
	char *raw = NULL, *out = arena_alloc(&w->f.mem, 10);
	size_t len = 0;
	assert_int_equal(oath_base32_decode(t.secret, strlen(t.secret), &raw, &len), OATH_OK);
	assert_int_equal(totp_code(raw, len, time_now_epoch() + offset, 6, out, &w->f.e), 0);
	free(raw);
	return out;
}

/* Sets up two-factor sign-in for `who` through the pages; answers the
 * page with the recovery codes. */
static request *enrol(webfix *w, int who)
{
	const char *begin[] = {"action", "begin", NULL};
	web_expect(w, who, "POST", "/account/two-factor", begin, 303);
	request *r = track(web_expect_request(w, who, "GET", "/account/two-factor", NULL, 200));
	page_has(r, "<svg class=\"copro-qr\"");
	page_has(r, "two-factor-secret");
	const char *wrong[] = {"action", "confirm", "code", "12345", NULL};
	r = track(web_expect_request(w, who, "POST", "/account/two-factor", wrong, 400));
	page_has(r, "Enter the 6-digit code");
	const char *right[] = {"action", "confirm", "code", app_code(w, who, 0), NULL};
	return track(web_expect_request(w, who, "POST", "/account/two-factor", right, 200));
}

/* A sign-in's first step from a fresh browser: the pending cookie's value. */
static const char *password_step(webfix *w, const char *email)
{
	const char *fields[] = {"email", email, "password", WEBTEST_PASSWORD, NULL};
	request *r = web_post_signed_out(w, "/sign-in", fields);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/sign-in/code");
	assert_non_null(r->cookie);
	assert_non_null(strstr(r->cookie, PENDING_COOKIE "="));
	const char *v = arena_strndup(&w->f.mem, r->cookie + strlen(PENDING_COOKIE "="), 64);
	request_destroy(r);
	return v;
}

static request *code_step(webfix *w, const char *pending, const char *code)
{
	static const char token[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	request *r = web_request(w, AS_NOBODY, "POST", "/sign-in/code");
	r->form_cookie = token;
	r->pending_cookie = pending;
	request_add_field(r, "csrf", token);
	request_add_field(r, "code", code);
	web_dispatch(r);
	return r;
}

static void enrol_and_sign_in(void **state)
{
	webfix *w = *state;
	request *r = track(web_expect_request(w, AS_LEAD, "GET", "/account/two-factor", NULL, 200));
	page_has(r, "Set up two-factor sign-in");
	r = enrol(w, AS_LEAD);
	page_has(r, "Save your recovery codes");
	page_has(r, "recovery-codes");
	char code[12];
	const char *at = strstr(web_body(r), "<li><code>");
	assert_non_null(at);
	memcpy(code, at + 10, 11);
	code[11] = '\0';
	/* Shown once: the page now says it is on, with no secret or QR code. */
	r = track(web_expect_request(w, AS_LEAD, "GET", "/account/two-factor", NULL, 200));
	page_has(r, "10 unused recovery codes");
	page_lacks(r, "copro-qr");
	page_lacks(r, "two-factor-secret");

	/* Signing in: the password, then the code page. */
	const char *pending = password_step(w, "lead@example.org");
	request *g = web_request(w, AS_NOBODY, "GET", "/sign-in/code");
	g->pending_cookie = pending;
	web_dispatch(g);
	assert_int_equal(g->status, 200);
	page_has(g, "Enter the code from your authenticator app");
	request_destroy(g);
	r = code_step(w, pending, "000000");
	assert_int_equal(r->status, 400);
	page_has(r, "<title>Error: ");
	request_destroy(r);
	r = code_step(w, pending, app_code(w, AS_LEAD, TOTP_STEP));
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/");
	assert_non_null(strstr(r->cookie, SESSION_COOKIE "="));
	request_destroy(r);
	/* A recovery code, once. */
	pending = password_step(w, "lead@example.org");
	r = code_step(w, pending, code);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	pending = password_step(w, "lead@example.org");
	r = code_step(w, pending, code);
	assert_int_equal(r->status, 400);
	request_destroy(r);
	/* No pending sign-in: back to the password. */
	r = code_step(w, NULL, "123456");
	assert_int_equal(r->status, 400);
	page_has(r, "Sign in again");
	request_destroy(r);
}

static void turn_off_needs_password(void **state)
{
	webfix *w = *state;
	enrol(w, AS_VIEWER);
	const char *wrong[] = {"action", "off", "password", "not my password", NULL};
	request *r = track(web_expect_request(w, AS_VIEWER, "POST", "/account/two-factor", wrong, 400));
	page_has(r, "The password is not right");
	const char *right[] = {"action", "off", "password", WEBTEST_PASSWORD, NULL};
	r = track(web_expect_request(w, AS_VIEWER, "POST", "/account/two-factor", right, 303));
	assert_string_equal(r->location, "/account/two-factor?saved=off");
	r = track(web_expect_request(w, AS_VIEWER, "GET", "/account/two-factor", NULL, 200));
	page_has(r, "Set up two-factor sign-in");
	const char *odd[] = {"action", "sideways", NULL};
	web_expect(w, AS_VIEWER, "POST", "/account/two-factor", odd, 400);
	/* Without the form's token nothing changes. */
	const char *forged[] = {"action", "begin", "csrf", "forged", NULL};
	web_expect(w, AS_VIEWER, "POST", "/account/two-factor", forged, 403);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM two_factor"), 0);
}

static void area_requires_it(void **state)
{
	webfix *w = *state;
	const char *on[] = {"required", "yes", NULL};
	const char *path = web_path(w, "/area/%lld/settings/two-factor", (long long)fixture_org_area(&w->f, w->org));
	web_expect(w, AS_LEAD, "POST", path, on, 404);          /* area administrators only */
	request *r = track(web_expect_request(w, AS_AREA, "POST", path, on, 303));
	assert_non_null(strstr(r->location, "saved=two-factor"));
	/* The administrator and the lead must now set it up first; a viewer
	 * carries on. */
	const char *home = web_path(w, "/org/%lld", (long long)w->org);
	r = track(web_expect_request(w, AS_LEAD, "GET", home, NULL, 303));
	assert_string_equal(r->location, "/account/two-factor");
	const char *fields[] = {"title", "x", NULL};
	r = track(web_expect_request(w, AS_LEAD, "POST", web_path(w, "/org/%lld/evaluations", (long long)w->org), fields, 303));
	assert_string_equal(r->location, "/account/two-factor");
	web_expect(w, AS_VIEWER, "GET", home, NULL, 200);
	r = track(web_expect_request(w, AS_LEAD, "GET", "/account/two-factor", NULL, 200));
	page_has(r, "Your area asks its administrators and organisation leads");
	enrol(w, AS_LEAD);
	web_expect(w, AS_LEAD, "GET", home, NULL, 200);
	/* The administrator too, before the settings page or changing them. */
	const char *settings = web_path(w, "/area/%lld/settings", (long long)fixture_org_area(&w->f, w->org));
	r = track(web_expect_request(w, AS_AREA, "GET", settings, NULL, 303));
	assert_string_equal(r->location, "/account/two-factor");
	web_expect(w, AS_AREA, "POST", path, NULL, 303);
	enrol(w, AS_AREA);
	r = track(web_expect_request(w, AS_AREA, "GET", settings, NULL, 200));
	page_has(r, "Require two-factor sign-in for area administrators and leads");
	page_has(r, "value=\"yes\" checked");
}

static void password_change_page(void **state)
{
	webfix *w = *state;
	request *r = track(web_expect_request(w, AS_CONTRIBUTOR, "GET", "/account/password", NULL, 200));
	page_has(r, "govuk-password-input");
	const char *blank[] = {"current", "", "password", "", NULL};
	r = track(web_expect_request(w, AS_CONTRIBUTOR, "POST", "/account/password", blank, 400));
	page_has(r, "Enter your current password");
	page_has(r, "Enter a new password");
	const char *wrong[] = {"current", "not it at all", "password", "otters quarrel by moonlight", NULL};
	r = track(web_expect_request(w, AS_CONTRIBUTOR, "POST", "/account/password", wrong, 400));
	page_has(r, "current password is not right");
	const char *weak[] = {"current", WEBTEST_PASSWORD, "password", "password1234", NULL};
	r = track(web_expect_request(w, AS_CONTRIBUTOR, "POST", "/account/password", weak, 400));
	page_has(r, "Choose another");
	const char *good[] = {"current", WEBTEST_PASSWORD, "password", "otters quarrel by moonlight", NULL};
	r = track(web_expect_request(w, AS_CONTRIBUTOR, "POST", "/account/password", good, 303));
	assert_string_equal(r->location, "/account/two-factor?saved=password");
	r = track(web_get_query(w, AS_CONTRIBUTOR, "/account/two-factor", (const char *[]){"saved", "password", NULL}));
	page_has(r, "Your password has been changed");
	web_expect(w, AS_NOBODY, "GET", "/account/password", NULL, 303);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, release)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(enrol_and_sign_in), T(turn_off_needs_password), T(area_requires_it), T(password_change_page),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
