/* test_sign_in_pages.c: signing in under attack. OWASP's device cookies
 * keep the owner of an account able to sign in while someone else fails
 * on it from the same address (a school's NAT, a proxy); browsers without
 * one are still throttled. */
#include "webtest.h"

#include "domain/device.h"

#define SCHOOL "192.0.2.10"     /* the owner and the attacker share it */

/* POST /sign-in from `address`, presenting device cookie `device`. */
static request *sign_in_as(webfix *w, const char *address, const char *device, const char *email,
			   const char *password)
{
	static const char token[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	request *r = web_request(w, AS_NOBODY, "POST", "/sign-in");
	r->address = address;
	r->device_cookie = device;
	r->form_cookie = token;
	request_add_field(r, "csrf", token);
	request_add_field(r, "email", email);
	request_add_field(r, "password", password);
	web_dispatch(r);
	assert_false(w->f.db.in_tx);
	return r;
}

/* The token of the device cookie r sets, in w's arena. */
static const char *device_of(webfix *w, request *r)
{
	assert_int_equal(r->status, 303);
	const char *c = r->device_set_cookie;
	assert_non_null(c);
	assert_memory_equal(c, DEVICE_COOKIE "=", strlen(DEVICE_COOKIE) + 1);
	assert_non_null(strstr(c, "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=31536000"));
	return arena_strndup(&w->f.mem, c + strlen(DEVICE_COOKIE) + 1, 64);
}

/* The lead signs in at the school: their browser's device cookie. */
static const char *lead_device(webfix *w)
{
	request *r = sign_in_as(w, SCHOOL, NULL, "lead@example.org", WEBTEST_PASSWORD);
	const char *device = device_of(w, r);
	request_destroy(r);
	return device;
}

static void fail_times(webfix *w, const char *address, const char *device, const char *email, int n)
{
	for (int i = 0; i < n; i++) {
		request *r = sign_in_as(w, address, device, email, "not the password at all");
		assert_int_equal(r->status, 400);
		request_destroy(r);
	}
}

static void owner_with_device_cookie_is_not_locked_out(void **state)
{
	webfix *w = *state;
	const char *device = lead_device(w);
	request *r;
	/* The attacker, at the same address, without the owner's cookie. */
	fail_times(w, SCHOOL, NULL, "lead@example.org", FAILURES_PER_ACCOUNT);
	r = sign_in_as(w, SCHOOL, NULL, "lead@example.org", WEBTEST_PASSWORD);
	assert_int_equal(r->status, 429);
	page_has(r, "Wait 15 minutes and try again.");
	/* The page offers the reset by email (password.c), which exists now. */
	page_has(r, "href=\"/reset\">Forgotten your password?");
	request_destroy(r);
	/* The owner's browser signs in, and its cookie is renewed. */
	r = sign_in_as(w, SCHOOL, device, "lead@example.org", WEBTEST_PASSWORD);
	const char *renewed = device_of(w, r);
	assert_string_not_equal(renewed, device);
	request_destroy(r);
	/* The old cookie is spent. */
	r = sign_in_as(w, SCHOOL, device, "lead@example.org", WEBTEST_PASSWORD);
	assert_int_equal(r->status, 429);
	request_destroy(r);
}

static void device_cookie_has_its_own_allowance(void **state)
{
	webfix *w = *state;
	const char *device = lead_device(w);
	request *r;
	/* Failures from the owner's browser count against its cookie ... */
	fail_times(w, SCHOOL, device, "lead@example.org", DEVICE_FAILURES);
	r = sign_in_as(w, SCHOOL, device, "lead@example.org", WEBTEST_PASSWORD);
	assert_int_equal(r->status, 429);
	page_has(r, "Too many attempts to sign in from this browser. Wait 15 minutes and try again.");
	request_destroy(r);
	/* ... and not against the account elsewhere. */
	r = sign_in_as(w, "198.51.100.7", NULL, "lead@example.org", WEBTEST_PASSWORD);
	assert_int_equal(r->status, 303);
	request_destroy(r);
}

static void cookie_counts_for_its_own_account_only(void **state)
{
	webfix *w = *state;
	const char *device = lead_device(w);
	request *r;
	/* The lead's cookie gives no allowance on the contributor's account. */
	fail_times(w, SCHOOL, device, "contrib@example.org", FAILURES_PER_ACCOUNT);
	r = sign_in_as(w, SCHOOL, device, "contrib@example.org", WEBTEST_PASSWORD);
	assert_int_equal(r->status, 429);
	request_destroy(r);
	/* A made-up or malformed cookie is no cookie. */
	r = sign_in_as(w, SCHOOL, "00000000000000000000000000000000000000000000000000000000000000ff",
		       "contrib@example.org", WEBTEST_PASSWORD);
	assert_int_equal(r->status, 429);
	request_destroy(r);
	r = sign_in_as(w, SCHOOL, "'; DROP TABLE device_cookie; --", "contrib@example.org",
		       WEBTEST_PASSWORD);
	assert_int_equal(r->status, 429);
	request_destroy(r);
}

/* An invitation link cannot be used to try emails without end: the 21st
 * try from one address in an hour is refused before any other check. */
static void joining_is_throttled_per_address(void **state)
{
	webfix *w = *state;
	static const char token[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	for (int i = 0; i <= 20; i++) {
		request *r = web_request(w, AS_NOBODY, "POST", "/join/notarealinvitationlink");
		r->address = SCHOOL;
		r->form_cookie = token;
		request_add_field(r, "csrf", token);
		request_add_field(r, "email", "someone@example.org");
		request_add_field(r, "password", "a long enough password to try");
		web_dispatch(r);
		assert_int_equal(r->status, i < 20 ? 400 : 429);
		if (i == 20)
			page_has(r, "Too many tries to join from here in the last hour.");
		request_destroy(r);
	}
}

/* When copro serve's hashing threads have too many waiting, the sign-in
 * runs refusing to hash (web/hashing.c, which makes it a 503): the form
 * again, the email kept, the password asked for again and not echoed, and
 * nothing counted against the account or the address. */
static void too_busy_to_hash_counts_nothing(void **state)
{
	webfix *w = *state;
	password_hashing_refuse(true);
	for (int i = 0; i < FAILURES_PER_ACCOUNT + 1; i++) {
		request *r = sign_in_as(w, SCHOOL, NULL, "lead@example.org", "typed in a hurry 123");
		assert_true(password_hashing_refused());
		assert_int_equal(r->status, 429);
		page_has(r, "<title>Error: ");
		page_has(r, "href=\"#password\">" PASSWORD_BUSY_MESSAGE);
		page_has(r, "value=\"lead@example.org\"");
		page_lacks(r, "typed in a hurry");
		request_destroy(r);
	}
	password_hashing_refuse(false);
	request *r = sign_in_as(w, SCHOOL, NULL, "lead@example.org", WEBTEST_PASSWORD);
	assert_int_equal(r->status, 303);
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(owner_with_device_cookie_is_not_locked_out),
		T(device_cookie_has_its_own_allowance),
		T(cookie_counts_for_its_own_account_only),
		T(joining_is_throttled_per_address),
		T(too_busy_to_hash_counts_nothing),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
