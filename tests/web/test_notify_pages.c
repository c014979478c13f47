/* test_notify_pages.c: /notifications (one's own, newest first, unread
 * marked, "Mark all as read"), /account/notifications (a choice per kind,
 * a refused one re-shown with its error and nothing saved),
 * /unsubscribe/{token} (the GET only asks; the one-click POST works
 * without sign-in or form token and does nothing but that), and the home
 * page's "Waiting for you". */
#include "webtest.h"

#include "domain/notify.h"
#include "web/cache.h"

static void tell(webfix *w, int who, const char *subject, const char *path)
{
	assert_int_equal(notify_user(&w->f.d, w->as[who].user.id, "audit-decided", subject,
				     "Text <i>of</i> it", path, &w->f.e), 0);
}

static void own_list_newest_first(void **state)
{
	webfix *w = *state;
	tell(w, AS_LEAD, "First <b>news</b>", "/org/1/audits");
	tell(w, AS_LEAD, "Second news", "");
	tell(w, AS_VIEWER, "Not the lead's", "");
	request *r = web_expect_request(w, AS_LEAD, "GET", "/notifications", NULL, 200);
	page_has(r, "First &lt;b&gt;news&lt;/b&gt;");
	page_has(r, "Text &lt;i&gt;of&lt;/i&gt; it");
	page_has(r, "href=\"/org/1/audits\"");
	page_has(r, "2 unread");
	page_lacks(r, "Not the lead");
	const char *body = web_body(r);
	assert_true(strstr(body, "Second news") < strstr(body, "First &lt;b&gt;"));
	request_destroy(r);
	/* Mark all as read: back to the list with the banner, no unread left. */
	r = web_expect_request(w, AS_LEAD, "POST", "/notifications/read", NULL, 303);
	assert_string_equal(r->location, "/notifications?read=1");
	request_destroy(r);
	static const char *const read[] = {"read", "1", NULL};
	r = web_get_query(w, AS_LEAD, "/notifications", read);
	page_has(r, "marked as read");
	page_has(r, "All read");
	page_lacks(r, "Mark all as read");
	request_destroy(r);
	int64_t n;
	assert_int_equal(notifications_unread(&w->f.d, w->as[AS_VIEWER].user.id, &n, &w->f.e), 0);
	assert_int_equal(n, 1);                /* the viewer's are untouched */
	/* Without the form token, nothing is marked. */
	tell(w, AS_LEAD, "Third", "");
	static const char *const forged[] = {"csrf", "nope", NULL};
	web_expect(w, AS_LEAD, "POST", "/notifications/read", forged, 403);
	assert_int_equal(notifications_unread(&w->f.d, w->as[AS_LEAD].user.id, &n, &w->f.e), 0);
	assert_int_equal(n, 1);
	/* Signed out: sent to sign in. */
	web_expect(w, AS_NOBODY, "GET", "/notifications", NULL, 303);
}

/* News of the account's safety is not a choice, and the page says so. */
static void security_news_is_not_a_choice(void **state)
{
	request *r = web_expect_request(*state, AS_LEAD, "GET", "/account/notifications", NULL, 200);
	page_has(r, "Your account's safety");
	page_has(r, "You cannot switch these off");
	page_lacks(r, "name=\"security\"");
	request_destroy(r);
}

static void choices_saved_and_refused(void **state)
{
	webfix *w = *state;
	request *r = web_expect_request(w, AS_LEAD, "GET", "/account/notifications", NULL, 200);
	page_has(r, "name=\"audit-submitted\" type=\"radio\" value=\"now\" checked");
	page_has(r, "name=\"action-due\" type=\"radio\" value=\"weekly\" checked");
	page_has(r, "lead@example.org");
	request_destroy(r);
	static const char *const good[] = {"audit-submitted", "in-app", "audit-decided", "weekly",
					   "action-due", "now", "review-due", "weekly",
					   "views-closing", "in-app", "gold-due", "now", NULL};
	r = web_expect_request(w, AS_LEAD, "POST", "/account/notifications", good, 303);
	assert_string_equal(r->location, "/notifications?saved=1");
	request_destroy(r);
	const char *how[NOTIFY_KINDS];
	assert_int_equal(notify_settings_of(&w->f.d, w->as[AS_LEAD].user.id, how, &w->f.e), 0);
	assert_string_equal(how[0], "in-app");
	assert_string_equal(how[2], "now");
	/* One missing and one made up: 400, both named, nothing saved. */
	static const char *const bad[] = {"audit-submitted", "now", "audit-decided", "daily",
					  "review-due", "weekly", "views-closing", "in-app",
					  "gold-due", "now", NULL};
	r = web_expect_request(w, AS_LEAD, "POST", "/account/notifications", bad, 400);
	page_has(r, "Choose how to hear that the area returns or accepts an audit");
	page_has(r, "Choose how to hear that an action is due");
	page_has(r, "govuk-error-summary");
	request_destroy(r);
	assert_int_equal(notify_settings_of(&w->f.d, w->as[AS_LEAD].user.id, how, &w->f.e), 0);
	assert_string_equal(how[0], "in-app");
	/* Another person's choices are their own. */
	assert_int_equal(notify_settings_of(&w->f.d, w->as[AS_VIEWER].user.id, how, &w->f.e), 0);
	assert_string_equal(how[0], "now");
}

static void unsubscribe_one_click(void **state)
{
	webfix *w = *state;
	char token[65];
	int64_t lead = w->as[AS_LEAD].user.id;
	assert_int_equal(notify_unsubscribe_token(&w->f.d, lead, "audit-decided", token, &w->f.e), 0);
	const char *path = web_path(w, "/unsubscribe/%s", token);
	/* The GET asks and changes nothing (mail scanners open links). */
	request *r = web_expect_request(w, AS_NOBODY, "GET", path, NULL, 200);
	page_has(r, "the area returns or accepts an audit");
	page_has(r, "Stop these emails</button>");
	request_destroy(r);
	const char *how[NOTIFY_KINDS];
	assert_int_equal(notify_settings_of(&w->f.d, lead, how, &w->f.e), 0);
	assert_string_equal(how[1], "now");
	/* RFC 8058: a mail program's POST, no session, no form token. */
	static const char *const one_click[] = {"List-Unsubscribe", "One-Click", NULL};
	r = web_expect_request(w, AS_NOBODY, "POST", path, one_click, 200);
	page_has(r, "You will not get these emails");
	request_destroy(r);
	assert_int_equal(notify_settings_of(&w->f.d, lead, how, &w->f.e), 0);
	assert_string_equal(how[1], "in-app");
	assert_string_equal(how[0], "now");    /* only that kind */
	/* An unknown or malformed token: 404 and nothing written. */
	int64_t rows = test_count_rows(&w->f.db);
	token[3] = token[3] == '0' ? '1' : '0';
	web_expect(w, AS_NOBODY, "POST", web_path(w, "/unsubscribe/%s", token), one_click, 404);
	web_expect(w, AS_NOBODY, "GET", web_path(w, "/unsubscribe/%s", token), NULL, 404);
	web_expect(w, AS_NOBODY, "POST", "/unsubscribe/%3Cscript%3E", one_click, 404);
	assert_int_equal(test_count_rows(&w->f.db), rows);
}

static void home_waiting_for_you(void **state)
{
	webfix *w = *state;
	request *r = web_expect_request(w, AS_LEAD, "GET", "/", NULL, 200);
	page_has(r, "Waiting for you");
	page_has(r, "Nothing is waiting for you.");
	request_destroy(r);
	tell(w, AS_LEAD, "Audit returned <script>", "/org/1/audits");
	char today[11];
	date_today(today);
	action_row a = {.organisation_id = w->org, .title = "Call the forum", .owner = "Lead",
			.due_on = "2020-01-01"};
	int64_t id;
	assert_int_equal(action_add(&w->f.d, &a, &id, &w->f.e), 0);
	r = web_expect_request(w, AS_LEAD, "GET", "/", NULL, 200);
	page_has(r, "1 unread notification");
	page_has(r, "Audit returned &lt;script&gt;");
	page_has(r, "Overdue");
	page_has(r, "Call the forum");
	page_has(r, "href=\"/notifications\"");
	page_lacks(r, "Nothing is waiting");
	request_destroy(r);
	/* The area's administrator: the audits to decide, read or not. */
	r = web_expect_request(w, AS_AREA, "GET", "/", NULL, 200);
	page_lacks(r, "to accept or return");
	request_destroy(r);
	char sql[400];
	snprintf(sql, sizeof sql,
		 "INSERT INTO audit (organisation_id, framework_hash, version, status, created_at, updated_at)"
		 " VALUES (%lld, (SELECT hash FROM framework_version LIMIT 1), 1, 'submitted', 'x', 'x')",
		 (long long)w->org);
	test_exec(&w->f.db, sql);
	r = web_expect_request(w, AS_AREA, "GET", "/", NULL, 200);
	page_has(r, "1 audit for Test Area to accept or return");
	page_lacks(r, "Nothing is waiting");
	request_destroy(r);
	r = web_expect_request(w, AS_OTHER_AREA, "GET", "/", NULL, 200);
	page_lacks(r, "to accept or return");
	request_destroy(r);
	/* Not someone else's. */
	r = web_expect_request(w, AS_OTHER_LEAD, "GET", "/", NULL, 200);
	page_lacks(r, "Audit returned");
	page_lacks(r, "Call the forum");
	request_destroy(r);
}

/* The header says how many are unread on every page, in words for screen
 * readers, and a cached page of an organisation is not sent with an old
 * count: the count is part of the page cache's key. */
static void unread_count_in_header(void **state)
{
	webfix *w = *state;
	const char *org = web_path(w, "/org/%lld", (long long)w->org);
	page_cache_clear();
	page_cache_set_limit(8 << 20);
	request *r = web_expect_request(w, AS_LEAD, "GET", org, NULL, 200);
	page_has(r, ">Notifications</a>");
	page_lacks(r, "unread</span>");
	request_destroy(r);
	tell(w, AS_LEAD, "One", "");
	tell(w, AS_LEAD, "Two", "");
	tell(w, AS_LEAD, "Three", "");
	/* Nothing of the organisation changed, so its revision did not. */
	r = web_expect_request(w, AS_LEAD, "GET", org, NULL, 200);
	page_has(r, "Notifications <span aria-hidden=\"true\">(3)</span><span class=\"govuk-visually-hidden\">3 unread</span>");
	request_destroy(r);
	r = web_expect_request(w, AS_LEAD, "GET", org, NULL, 200);
	assert_true(r->from_cache);
	page_has(r, "(3)");
	request_destroy(r);
	/* Someone else's count is their own. */
	r = web_expect_request(w, AS_VIEWER, "GET", org, NULL, 200);
	page_lacks(r, "unread</span>");
	request_destroy(r);
	web_expect(w, AS_LEAD, "POST", "/notifications/read", NULL, 303);
	r = web_expect_request(w, AS_LEAD, "GET", org, NULL, 200);
	page_has(r, ">Notifications</a>");
	page_lacks(r, "(3)");
	request_destroy(r);
	page_cache_set_limit(0);
	page_cache_clear();
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(own_list_newest_first), T(choices_saved_and_refused), T(unsubscribe_one_click),
		T(home_waiting_for_you), T(unread_count_in_header),
		T(security_news_is_not_a_choice),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
