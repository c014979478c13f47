/* test_partner_pages.c: a partner answers a round of views without an
 * account: start, one question per page, the two optional questions with
 * their 1,000-character limit checked by the server, "Check your answers",
 * sending, the confirmation; the cookie keeps only a token whose hash is
 * stored; unknown links are 404 and closed ones 410, in the partner frame
 * with the safeguarding sentence; every bad input is a 4xx page that
 * writes nothing; the form token and the throttle hold. */
#include "webtest.h"

#include "domain/audit.h"
#include "domain/throttle.h"
#include "domain/views.h"
#include "store/sql.h"
#include "web/i18n.h"
#include "web/partner.h"

static const user_row lead = {.id = 0, .name = "Lead Tester"};
static const char form_token[] = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed";

/* A round of our evaluation on 1i and 1ii for parent carers; its token. */
static const char *open_round(webfix *w, const char *wording, const char *language, int64_t *round)
{
	fixture *f = &w->f;
	static const char *const keys[] = {"1i", "1ii"};
	view_group g = {.group = "parents", .name = ""};
	view_round_input in = {.evaluation_id = w->eval, .elements = keys, .n_elements = 2, .groups = &g,
			       .n_groups = 1, .wording = wording, .language = language};
	view_new_link *links;
	size_t n;
	if (views_open(&f->d, &lead, &in, round, &links, &n, &f->e) < 0)
		fail_msg("views_open: %s", f->e.msg);
	return arena_strdup(&f->mem, links[0].token);
}

/* A partner's request: no session, the form cookie, the answer cookie. */
static request *partner(webfix *w, const char *method, const char *path, const char *cookie,
			const char *const *fields)
{
	request *r = request_create(&w->cfg, method, path);
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->form_cookie = form_token;
	r->answer_cookie = cookie;
	r->address = "192.0.2.10";
	bool csrf = false;
	for (size_t i = 0; fields && fields[i]; i += 2) {
		request_add_field(r, fields[i], fields[i + 1]);
		csrf |= !strcmp(fields[i], "csrf");
	}
	if (r->post && !csrf)
		request_add_field(r, "csrf", form_token);
	web_dispatch(r);
	if (w->f.db.in_tx)
		fail_msg("%s %s left a transaction open", method, path);
	return r;
}

static void expect(request *r, int status)
{
	if (r->status != status)
		fail_msg("%s %s: %d, expected %d\n%.2000s", r->method, r->path, r->status, status, web_body(r));
}

/* Starts answering: the cookie's token (in w's arena). */
static const char *start(webfix *w, const char *token)
{
	request *r = partner(w, "POST", web_path(w, "/v/%s", token), NULL, NULL);
	expect(r, 303);
	assert_string_equal(r->location, web_path(w, "/v/%s/q/1", token));
	assert_non_null(r->answer_set_cookie);
	body_has(r->answer_set_cookie, ANSWER_COOKIE "=");
	body_has(r->answer_set_cookie, "; Secure; HttpOnly; SameSite=Lax");
	assert_null(strstr(r->answer_set_cookie, "Max-Age"));
	const char *cookie = arena_strndup(&w->f.mem, r->answer_set_cookie + strlen(ANSWER_COOKIE "="),
					   VIEWS_TOKEN_LEN);
	request_destroy(r);
	return cookie;
}

static void post_expect(webfix *w, const char *path, const char *cookie, const char *const *fields,
			int status, const char *location)
{
	request *r = partner(w, "POST", path, cookie, fields);
	expect(r, status);
	if (location)
		assert_string_equal(r->location, location);
	request_destroy(r);
}

static const char *get_body(webfix *w, const char *path, const char *cookie, int status)
{
	request *r = partner(w, "GET", path, cookie, NULL);
	expect(r, status);
	const char *body = arena_strdup(&w->f.mem, web_body(r));
	request_destroy(r);
	return body;
}

static void a_parent_answers(void **state)
{
	webfix *w = *state;
	int64_t round;
	const char *t = open_round(w, NULL, NULL, &round);
	const char *body = get_body(w, web_path(w, "/v/%s", t), NULL, 200);
	body_has(body, "<html lang=\"en-GB\" dir=\"ltr\"");
	body_has(body, "Our School");
	body_has(body, "There are 2 questions.");
	body_has(body, "Start now");
	body_has(body, "If you are worried about your safety or someone else&#39;s");
	body_has(body, web_path(w, "/v/%s/privacy", t));
	/* The public pages every page links to, but staff help and the staff
	 * privacy notice: partners have the round's own. */
	body_has(body, "<a class=\"govuk-footer__link\" href=\"/accessibility\">Accessibility statement</a>");
	body_has(body, "<a class=\"govuk-footer__link\" href=\"/cookies\">Cookies</a>");
	body_lacks(body, "href=\"/help\"");
	body_lacks(body, "href=\"/privacy\"");
	assert_null(strstr(body, "Sign out"));          /* no staff header */
	assert_null(strstr(body, "http://"));           /* no third-party origin */
	const char *c = start(w, t);
	body = get_body(w, web_path(w, "/v/%s/q/1", t), c, 200);
	body_has(body, "Question 1 of 2");
	body_has(body, "How well does Our School do this?");
	body_has(body, "Providing a happy and secure environment");
	body_has(body, "Really well");
	body_has(body, "I don&#39;t know");
	post_expect(w, web_path(w, "/v/%s/q/1", t), c, (const char *[]){"rating", "3", NULL}, 303,
		    web_path(w, "/v/%s/q/1/comments", t));
	body = get_body(w, web_path(w, "/v/%s/q/1/comments", t), c, 200);
	body_has(body, "What is good?");
	body_has(body, "You can write up to 1,000 characters");
	body_has(body, "data-maxlength=\"1000\"");
	post_expect(w, web_path(w, "/v/%s/q/1/comments", t), c,
		    (const char *[]){"good", "Friendly staff", "better", "", NULL}, 303, web_path(w, "/v/%s/q/2", t));
	post_expect(w, web_path(w, "/v/%s/q/2", t), c, (const char *[]){"rating", "0", NULL}, 303, NULL);
	post_expect(w, web_path(w, "/v/%s/q/2/comments", t), c, (const char *[]){"good", "", "better", "", NULL}, 303,
		    web_path(w, "/v/%s/check", t));
	body = get_body(w, web_path(w, "/v/%s/check", t), c, 200);
	body_has(body, "Quite well");
	body_has(body, "Friendly staff");
	body_has(body, "Nothing written");
	body_has(body, web_path(w, "/v/%s/q/1?change=yes", t));
	post_expect(w, web_path(w, "/v/%s/check", t), c, NULL, 303, web_path(w, "/v/%s/done", t));
	body = get_body(w, web_path(w, "/v/%s/done", t), c, 200);
	body_has(body, "Your answers have been sent");
	body_has(body, web_path(w, "/v/%s/you-said", t));
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_response WHERE submitted_at IS NOT NULL"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_answer WHERE rating = 3 AND good = 'Friendly staff'"), 1);
	/* The cookie is kept as its hash only. */
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM view_response WHERE cookie_hash = '%s'", c);
	assert_int_equal(fixture_count(&w->f, sql), 0);
	/* A sent response cannot be changed: back to the confirmation. */
	post_expect(w, web_path(w, "/v/%s/q/1", t), c, (const char *[]){"rating", "1", NULL}, 303,
		    web_path(w, "/v/%s/done", t));
	get_body(w, web_path(w, "/v/%s/you-said", t), c, 200);
	body = get_body(w, web_path(w, "/v/%s/privacy", t), c, 200);
	body_has(body, "after 24 months");
}

static void bad_input_writes_nothing(void **state)
{
	webfix *w = *state;
	int64_t round;
	const char *t = open_round(w, NULL, NULL, &round);
	const char *c = start(w, t);
	int64_t before = test_count_rows(&w->f.db);
	const char *q1 = web_path(w, "/v/%s/q/1", t);
	const char *bad[] = {"9", "-1", "x", "", "3abc"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		request *r = partner(w, "POST", q1, c, (const char *[]){"rating", bad[i], NULL});
		expect(r, 400);
		page_has(r, "Choose one answer");
		page_has(r, "govuk-error-summary");
		request_destroy(r);
	}
	char *long_text = arena_alloc(&w->f.mem, 1002);
	memset(long_text, 'a', 1001);
	request *r = partner(w, "POST", web_path(w, "/v/%s/q/1/comments", t), c,
			     (const char *[]){"good", long_text, NULL});
	expect(r, 400);
	page_has(r, "You wrote 1,001.");
	page_has(r, long_text);                 /* kept, to shorten */
	request_destroy(r);
	/* 1,000 characters of two bytes each are within the limit. */
	char *accented = arena_alloc(&w->f.mem, 2001);
	for (int i = 0; i < 1000; i++)
		memcpy(accented + 2 * i, "\xc3\xa9", 2);
	post_expect(w, web_path(w, "/v/%s/q/1/comments", t), c, (const char *[]){"better", accented, NULL}, 303, NULL);
	/* No cookie: back to the start (counted by the throttle, nothing else). */
	post_expect(w, q1, NULL, (const char *[]){"rating", "3", NULL}, 303, web_path(w, "/v/%s", t));
	before = test_count_rows(&w->f.db);
	/* No form token, a wrong one, a number that is no question. */
	post_expect(w, q1, c, (const char *[]){"rating", "3", "csrf", "", NULL}, 403, NULL);
	post_expect(w, q1, c, (const char *[]){"rating", "3", "csrf", "0000000000000000000000000000000000000000000000000000000000000000", NULL}, 403, NULL);
	post_expect(w, web_path(w, "/v/%s/q/3", t), c, (const char *[]){"rating", "3", NULL}, 404, NULL);
	post_expect(w, web_path(w, "/v/%s/q/0", t), c, (const char *[]){"rating", "3", NULL}, 404, NULL);
	assert_int_equal(test_count_rows(&w->f.db), before);
	/* Sending nothing answered: refused, nothing sent. */
	const char *c2 = start(w, t);
	before = test_count_rows(&w->f.db);
	r = partner(w, "POST", web_path(w, "/v/%s/check", t), c2, NULL);
	expect(r, 400);
	page_has(r, "Answer at least one question");
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void unknown_and_closed_links(void **state)
{
	webfix *w = *state;
	request *r = partner(w, "GET", "/v/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL, NULL);
	expect(r, 404);
	page_has(r, "We cannot find this page");
	page_has(r, "If you are worried about your safety");
	request_destroy(r);
	r = partner(w, "POST", "/v/nope/q/1", NULL, (const char *[]){"rating", "3", NULL});
	expect(r, 404);
	request_destroy(r);
	int64_t round;
	const char *t = open_round(w, NULL, NULL, &round);
	const char *c = start(w, t);
	assert_int_equal(views_close(&w->f.d, &lead, round, &w->f.e), 0);
	int64_t before = test_count_rows(&w->f.db);
	r = partner(w, "GET", web_path(w, "/v/%s", t), NULL, NULL);
	expect(r, 410);
	page_has(r, "This link is closed");
	page_has(r, "Our School");
	request_destroy(r);
	post_expect(w, web_path(w, "/v/%s/q/1", t), c, (const char *[]){"rating", "3", NULL}, 410, NULL);
	post_expect(w, web_path(w, "/v/%s", t), NULL, NULL, 410, NULL);
	assert_int_equal(test_count_rows(&w->f.db), before);
	/* The privacy notice stays readable. */
	get_body(w, web_path(w, "/v/%s/privacy", t), NULL, 200);
}

static void throttled(void **state)
{
	webfix *w = *state;
	int64_t round;
	const char *t = open_round(w, NULL, NULL, &round);
	struct throttle_limits saved = web_partner_throttle;
	web_partner_throttle = (struct throttle_limits){.per_address = 2, .per_scope = 100};
	start(w, t);
	start(w, t);
	int64_t before = test_count_rows(&w->f.db);
	request *r = partner(w, "POST", web_path(w, "/v/%s", t), NULL, NULL);
	expect(r, 429);
	page_has(r, "Too many answers");
	assert_null(r->answer_set_cookie);
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_partner_throttle = saved;
}

static void easy_read_and_languages(void **state)
{
	webfix *w = *state;
	int64_t round;
	/* A language copro has no catalog for: British English, said so by
	 * lang and dir (test_i18n draws the pseudo-locales). */
	const char *t = open_round(w, VIEWS_WORDING_EASY, "ar", &round);
	const char *body = get_body(w, web_path(w, "/v/%s", t), NULL, 200);
	body_has(body, "<html lang=\"en-GB\" dir=\"ltr\"");
	body_has(body, "copro-easy-read");
	body_has(body, web_path(w, "/v/%s/privacy\"", t));
	const char *c = start(w, t);
	body = get_body(w, web_path(w, "/v/%s/q/1", t), c, 200);
	const framework *fw = fw_registry_find(&w->f.frameworks, "four-cornerstones");
	const fw_element *el = framework_element(fw, "1i");
	if (el->easy_read) {
		char *first = arena_strndup(&w->f.mem, el->easy_read, strcspn(el->easy_read, "\n'\"&<>"));
		body_has(body, first);
	}
}

/* A York audit's round: six principles, answered in York's levels. */
static void a_york_round(void **state)
{
	webfix *w = *state;
	fixture *f = &w->f;
	audit_actor actor = {0, "Lead Tester", ACCESS_LEAD};
	audit_fields h = {.audit_date = "2026-03-01"};
	int64_t audit, round;
	assert_int_equal(audit_start(&f->d, w->org, 0, &h, &actor, &audit, &f->e), 0);
	view_group g = {"parents", ""};
	view_round_input in = {.audit_id = audit, .groups = &g, .n_groups = 1};
	view_new_link *links;
	size_t n;
	assert_int_equal(views_open(&f->d, &lead, &in, &round, &links, &n, &f->e), 0);
	const char *t = arena_strdup(&f->mem, links[0].token);
	body_has(get_body(w, web_path(w, "/v/%s", t), NULL, 200), "There are 6 questions.");
	const char *c = start(w, t);
	const char *body = get_body(w, web_path(w, "/v/%s/q/1", t), c, 200);
	body_has(body, "Excellent");
	body_has(body, "Room for improvement");
	assert_null(strstr(body, "Really well"));
	post_expect(w, web_path(w, "/v/%s/q/1", t), c, (const char *[]){"rating", "4", NULL}, 400, NULL);
	post_expect(w, web_path(w, "/v/%s/q/1", t), c, (const char *[]){"rating", "3", NULL}, 303, NULL);
	get_body(w, web_path(w, "/v/%s/q/6", t), c, 200);
	get_body(w, web_path(w, "/v/%s/q/7", t), c, 404);
}

/* Every partner 503 is a busy one and says when to come back, as every
 * busy answer of copro's (the browser's Retry-After). */
static void a_busy_page_says_when_to_come_back(void **state)
{
	webfix *w = *state;
	request *r = request_create(&w->cfg, "GET", "/v/x");
	partner_frame p = {0};
	assert_int_equal(partner_error_page(r, &p, 503, "Sorry, we are busy", "Wait a moment."), 503);
	assert_int_equal(r->retry_after, WEB_BUSY_RETRY_SECONDS);
	request_destroy(r);
	r = request_create(&w->cfg, "GET", "/v/x");
	assert_int_equal(partner_error_page(r, &p, 410, "This link is closed", "Thank you."), 410);
	assert_int_equal(r->retry_after, 0);
	request_destroy(r);
}

/* What copro says about itself on a partner's address (change.c's page
 * for a change left unfinished, a commit the disk refused) is said on a
 * partner page in its plain words, never on the staff one. */
static void a_partner_never_sees_a_staff_error(void **state)
{
	webfix *w = *state;
	request *r = request_create(&w->cfg, "POST", "/v/x/q/1/comments");
	r->route = web_route_for("POST", r->path, &r->mem);
	assert_non_null(r->route);
	assert_int_equal(web_error_page(r, 500, "Sorry, something went wrong",
					"Nothing was saved: copro left a change unfinished (a bug). Please report it."), 500);
	page_has(r, "Nothing was saved. Please try again later.");
	page_has(r, "If you are worried about your safety");
	page_lacks(r, "a bug");
	page_lacks(r, "Go to the start");
	request_destroy(r);
	/* Before the dispatcher, as serve's page for a server restarting. */
	r = request_create(&w->cfg, "GET", "/v/x/privacy");
	assert_int_equal(web_busy_page(r, "Sorry, copro is restarting"), 503);
	page_has(r, "Nothing was saved. Please try again later.");
	assert_int_equal(r->retry_after, WEB_BUSY_RETRY_SECONDS);
	page_lacks(r, "copro is restarting");
	request_destroy(r);
	r = request_create(&w->cfg, "GET", "/sign-in");
	web_error_page(r, 500, "Sorry, something went wrong", "A staff page's reason.");
	page_has(r, "A staff page&#39;s reason.");
	request_destroy(r);
}

/* An answer sent while copro is too busy to save it: the partner page
 * that says so (503, with Retry-After) and shows what they sent. */
static request *sent_when_busy(webfix *w, const char *path, const char *cookie, const char *const *sent)
{
	request *r = partner(w, "POST", path, cookie, sent);
	expect(r, 503);
	assert_int_equal(r->retry_after, WEB_BUSY_RETRY_SECONDS);
	page_has(r, "Sorry, we are busy");
	page_has(r, "Your answer is not saved yet. Wait a few seconds, then press Send again. What you wrote is kept.");
	page_has(r, "Here it is. You can change it before you press Send again.");
	return r;
}

/* An answer that loses to other changes at every try (PostgreSQL's
 * SERIALIZABLE; here a trigger makes every write of view_answer lose):
 * a partner page, never the staff one, 503 with Retry-After, in plain
 * words, and what the partner wrote kept in a form that sends it again,
 * which saves it once the database is free. */
static void an_answer_that_keeps_losing_is_kept(void **state)
{
	webfix *w = *state;
	if (!getenv("COPRO_TEST_DB"))
		skip();         /* only PostgreSQL's changes lose */
	int64_t round;
	const char *t = open_round(w, NULL, NULL, &round);
	const char *c = start(w, t);
	const char *path = web_path(w, "/v/%s/q/1/comments", t);
	test_pg_admin(w->f.path, "CREATE FUNCTION lose() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
		      " RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure';"
		      " END $$; CREATE TRIGGER lose BEFORE INSERT OR UPDATE ON view_answer"
		      " FOR EACH ROW EXECUTE FUNCTION lose()");
	const char *const sent[] = {"good", "Kind \"teachers\" <3", "better", "More trips", NULL};
	request *r = sent_when_busy(w, path, c, sent);
	page_has(r, "If you are worried about your safety");
	page_has(r, web_path(w, "/v/%s/privacy?lang=en-GB", t));
	page_has(r, "<form method=\"post\" novalidate>");
	page_has(r, ">Kind &quot;teachers&quot; &lt;3</textarea>");
	page_has(r, ">More trips</textarea>");
	page_has(r, arena_printf(&w->f.mem, "name=\"csrf\" value=\"%s\"", form_token));
	page_lacks(r, "Sign out");
	page_lacks(r, "your change was not saved");
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_answer"), 0);
	test_pg_admin(w->f.path, "DROP TRIGGER lose ON view_answer; DROP FUNCTION lose()");
	post_expect(w, path, c, sent, 303, web_path(w, "/v/%s/q/2", t));
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_answer WHERE better = 'More trips'"), 1);
}

/* An answer whose transaction cannot begin because another program is
 * writing (SQLite's lock, waited for no time here): the same partner page
 * as an answer that lost, what they wrote shown to send again, and a
 * 503 with Retry-After; once the lock is gone, sending it saves it. */
static void an_answer_that_cannot_begin_is_kept(void **state)
{
	webfix *w = *state;
	if (store_engine_is_pg(&w->f.db))
		skip();         /* PostgreSQL's BEGIN waits for no other writer */
	int64_t round;
	const char *t = open_round(w, NULL, NULL, &round);
	const char *c = start(w, t);
	const char *path = web_path(w, "/v/%s/q/1/comments", t);
	sqlite3 *other;
	assert_int_equal(sqlite3_open(w->f.path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_busy_timeout(w->f.db.db, 0);
	const char *const sent[] = {"good", "Kind <teachers>", "better", "", NULL};
	request *r = sent_when_busy(w, path, c, sent);
	page_has(r, ">Kind &lt;teachers&gt;</textarea>");
	page_has(r, "name=\"better\" rows=\"5\"");
	page_has(r, arena_printf(&w->f.mem, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", form_token));
	request_destroy(r);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	sqlite3_busy_timeout(w->f.db.db, store_busy_timeout_ms());
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_answer"), 0);
	post_expect(w, path, c, sent, 303, web_path(w, "/v/%s/q/2", t));
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_answer WHERE good = 'Kind <teachers>'"), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(a_parent_answers),
		T(bad_input_writes_nothing),
		T(unknown_and_closed_links),
		T(throttled),
		T(easy_read_and_languages),
		T(a_york_round),
		T(a_busy_page_says_when_to_come_back),
		T(a_partner_never_sees_a_staff_error),
		T(an_answer_that_keeps_losing_is_kept),
		T(an_answer_that_cannot_begin_is_kept),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
