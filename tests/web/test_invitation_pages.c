/* test_invitation_pages.c: inviting by email (the invitation and its
 * email commit together; a bad address writes nothing), the page after
 * inviting with the full link in a read-only field, the invitations not
 * used yet, a new link (the old one dies, the email goes again) and
 * cancelling one after a confirmation; another organisation's are not
 * found. */
#include "webtest.h"

#include "domain/invite.h"
#include "domain/mail.h"

#define LINK_AT "readonly spellcheck=\"false\" value=\"http://localhost:8080/join/"

static const char *invite(webfix *w, const char *email, request **out)
{
	const char *fields[] = {"name", "Zoë Parent", "role", "viewer", "email", email, NULL};
	request *r = web_run(w, AS_LEAD, "POST", web_path(w, "/org/%lld/people/invite", (long long)w->org), fields);
	*out = r;
	const char *at = strstr(web_body(r), LINK_AT);
	return at ? web_path(w, "%.64s", at + strlen(LINK_AT)) : NULL;
}

static const char *key_of(webfix *w, const char *token)
{
	char hash[65];
	token_hash(token, hash);
	return web_path(w, "%.16s", hash);
}

static void inviting_by_email_queues_the_link(void **state)
{
	webfix *w = *state;
	request *r;
	const char *token = invite(w, "zoe@example.org", &r);
	assert_int_equal(r->status, 200);
	assert_non_null(token);
	page_has(r, "We have emailed Zoë Parent");
	page_has(r, "zoe@example.org");
	request_destroy(r);
	outbox_list l;
	assert_int_equal(mail_outbox(&w->f.d, 0, NULL, "zoe@example.org", 5, &l, &w->f.e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].kind, "invitation");
	body_has(l.items[0].subject, "You are invited to join");
	body_has(l.items[0].body, web_path(w, "http://localhost:8080/join/%s", token));
	body_has(l.items[0].body, "Hello Zoë Parent");
	assert_int_equal(l.items[0].area_id, fixture_org_area(&w->f, w->org));
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM invitation WHERE email = 'zoe@example.org'"), 1);
	/* Without an address: the link only, nothing queued. */
	token = invite(w, "", &r);
	assert_non_null(token);
	page_has(r, "Send this link to Zoë Parent");
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM outbox"), 1);
}

static void a_bad_address_writes_nothing(void **state)
{
	webfix *w = *state;
	int64_t before = test_count_rows(&w->f.db);
	const char *bad[] = {"not-an-address", "a@example.org\r\nBcc: x@evil.example", "a@example.org, b@example.org"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		request *r;
		assert_null(invite(w, bad[i], &r));
		assert_int_equal(r->status, 400);
		page_has(r, "<title>Error: ");
		page_has(r, "Enter their email address in the right form");
		request_destroy(r);
	}
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void a_new_link_kills_the_old_and_emails_again(void **state)
{
	webfix *w = *state;
	request *r;
	const char *token = invite(w, "zoe@example.org", &r);
	request_destroy(r);
	const char *list = web_path(w, "/org/%lld/people/invitations", (long long)w->org);
	r = web_run(w, AS_LEAD, "GET", list, NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "Zoë Parent");
	page_has(r, "zoe@example.org");
	page_has(r, "Send again<span class=\"govuk-visually-hidden\"> for Zoë Parent");
	page_has(r, "by lead<br>Link works until ");
	request_destroy(r);
	const char *key = key_of(w, token);
	r = web_run(w, AS_LEAD, "POST", web_path(w, "%s/%s/resend", list, key), NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "%s?done=resent", list));
	request_destroy(r);
	/* The old link's hash is gone; a second email holds the new one. */
	char hash[65];
	token_hash(token, hash);
	assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM invitation WHERE token_hash = '%s'", hash)), 0);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM invitation WHERE email = 'zoe@example.org'"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM outbox WHERE to_address = 'zoe@example.org'"), 2);
	/* The old key names nothing now. */
	web_expect(w, AS_LEAD, "POST", web_path(w, "%s/%s/resend", list, key), NULL, 404);
}

static void cancelling_asks_first(void **state)
{
	webfix *w = *state;
	request *r;
	const char *token = invite(w, "", &r);
	request_destroy(r);
	const char *list = web_path(w, "/org/%lld/people/invitations", (long long)w->org);
	const char *cancel = web_path(w, "%s/%s/cancel", list, key_of(w, token));
	r = web_run(w, AS_LEAD, "GET", cancel, NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "Cancel the invitation of Zoë Parent?");
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM invitation"), 1);
	r = web_run(w, AS_LEAD, "POST", cancel, NULL);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM invitation"), 0);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what = 'cancelled the invitation of Zoë Parent'"), 1);
	r = web_run(w, AS_LEAD, "GET", list, NULL);
	page_has(r, "Every invitation has been used");
	request_destroy(r);
	web_expect(w, AS_LEAD, "GET", cancel, NULL, 404);
}

static void another_organisations_are_not_found(void **state)
{
	webfix *w = *state;
	request *r;
	const char *token = invite(w, "zoe@example.org", &r);
	request_destroy(r);
	const char *key = key_of(w, token);
	const char *theirs = web_path(w, "/org/%lld/people/invitations/%s", (long long)w->other_org, key);
	web_expect(w, AS_OTHER_LEAD, "POST", web_path(w, "%s/resend", theirs), NULL, 404);
	web_expect(w, AS_OTHER_LEAD, "POST", web_path(w, "%s/cancel", theirs), NULL, 404);
	web_expect(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/people/invitations", (long long)w->org), NULL, 403);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM invitation"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM outbox"), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(inviting_by_email_queues_the_link),
		T(a_bad_address_writes_nothing),
		T(a_new_link_kills_the_old_and_emails_again),
		T(cancelling_asks_first),
		T(another_organisations_are_not_found),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
