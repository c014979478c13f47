/* test_gold_pages.c: Charter Gold's pages: readiness says it is copro's
 * reading and not an award, with the guidance quoted as the tool's; an area
 * administrator invites an assessor, who joins, comments, refuses a
 * decision without reasons, awards; the award shows on the organisation
 * home and the area dashboard; access after its last day is refused and
 * ends the sessions; bad invitations are refused with nothing written. */
#include "webtest.h"

#include "domain/gold.h"
#include "domain/views.h"

#define JOIN_PASSWORD "the visitor's own password"

static const char *readiness(webfix *w)
{
	return web_path(w, "/org/%lld/evaluation/%lld/readiness", (long long)w->org, (long long)w->eval);
}

static void readiness_says_what_it_is(void **state)
{
	webfix *w = *state;
	const char *body = web_expect_body(w, AS_VIEWER, "GET", readiness(w), NULL, 200);
	assert_non_null(strstr(body, "copro's reading of the tool's guidance, not an award"));
	assert_non_null(strstr(body, "most, if not all, of the examples will be evidenced"));
	assert_non_null(strstr(body, "These are copro's checks, not the tool's."));
	assert_non_null(strstr(body, "id=\"s-1i\""));
	/* A viewer gets no links to forms they cannot use; a lead does. */
	assert_null(strstr(body, "/statement/1i/review\""));
	body = web_expect_body(w, AS_LEAD, "GET", readiness(w), NULL, 200);
	assert_non_null(strstr(body, "/statement/1i/review\""));
	assert_null(strstr(body, "record your decision"));
}

/* The join link from the invitation page. */
static const char *invite(webfix *w, const char *email)
{
	char until[11], today[11];
	date_today(today);
	gold_add_days(today, 30, until);
	const char *const rest[] = {"name", "Ann Assessor", "email", email, "evaluation", web_num(w, w->eval), NULL};
	request *r = web_run(w, AS_AREA, "POST", web_path(w, "/area/%lld/gold/invite",
							  (long long)fixture_org_area(&w->f, w->org)),
			     web_dated(w, "until", until, rest));
	assert_int_equal(r->status, 200);
	const char *at = strstr(web_body(r), "href=\"/join/");
	assert_non_null(at);
	const char *token = web_path(w, "%.64s", at + strlen("href=\"/join/"));
	request_destroy(r);
	return token;
}

static const char *join(webfix *w, const char *token, const char *email)
{
	const char *fields[] = {"email", email, "password", JOIN_PASSWORD, NULL};
	request *r = web_post_signed_out(w, web_path(w, "/join/%s", token), fields);
	assert_int_equal(r->status, 303);
	const char *eq = strchr(r->cookie, '=');
	const char *cookie = web_path(w, "%.64s", eq + 1);
	request_destroy(r);
	return cookie;
}

static request *as_session(webfix *w, const char *cookie, const char *method, const char *path,
			   const char *const *fields)
{
	request *r = request_create(&w->cfg, method, path);
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->session_cookie = cookie;
	session s;
	assert_int_equal(session_resume(&r->d, cookie, &s, &w->f.e), 1);
	for (size_t i = 0; fields && fields[i]; i += 2)
		request_add_field(r, fields[i], fields[i + 1]);
	if (r->post)
		request_add_field(r, "csrf", s.csrf);
	web_dispatch(r);
	return r;
}

static void assessor_reviews_and_awards(void **state)
{
	webfix *w = *state;
	const char *s = join(w, invite(w, "ann@example.org"), "ann@example.org");
	request *r = as_session(w, s, "GET", "/", NULL);
	page_has(r, "Your assessments");
	request_destroy(r);
	r = as_session(w, s, "GET", readiness(w), NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "record your decision");
	request_destroy(r);
	/* Nothing else of the organisation. */
	r = as_session(w, s, "GET", web_path(w, "/org/%lld/actions", (long long)w->org), NULL);
	assert_int_equal(r->status, 403);
	request_destroy(r);
	const char *comment[] = {"comment", "Strong evidence from the parent forum.", NULL};
	r = as_session(w, s, "POST", web_path(w, "%s/comment/1i", readiness(w)), comment);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	const char *no_reasons[] = {"decision", "not-yet", "reasons", "", NULL};
	r = as_session(w, s, "POST", web_path(w, "%s/decision", readiness(w)), no_reasons);
	assert_int_equal(r->status, 400);
	page_has(r, "<title>Error: ");
	page_has(r, "Enter your reasons");
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM gold_decision"), 0);
	const char *award[] = {"decision", "awarded", NULL};
	r = as_session(w, s, "POST", web_path(w, "%s/decision", readiness(w)), award);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	char today[11], due[11];
	date_today(today);
	gold_add_years(today, GOLD_AWARD_YEARS_DEFAULT, due);
	const char *body = web_expect_body(w, AS_VIEWER, "GET", web_path(w, "/org/%lld", (long long)w->org), NULL, 200);
	assert_non_null(strstr(body, "Charter Gold"));
	assert_non_null(strstr(body, date_in_words(&w->f.mem, due)));
	body = web_expect_body(w, AS_LEAD, "GET", readiness(w), NULL, 200);
	assert_non_null(strstr(body, "Strong evidence from the parent forum."));
	assert_non_null(strstr(body, "Charter Gold awarded"));
	body = web_expect_body(w, AS_AREA, "GET", web_path(w, "/area/%lld/dashboard",
							 (long long)fixture_org_area(&w->f, w->org)), NULL, 200);
	assert_non_null(strstr(body, "1 organisation holds Charter Gold; 0 are due"));
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE 'awarded Charter Gold%'"), 1);
}

static void ended_access_is_refused_and_signs_out(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_ASSESSOR_ENDED, "GET", readiness(w), NULL);
	assert_int_equal(r->status, 403);
	page_has(r, "Your access has ended");
	assert_non_null(r->cookie);
	assert_non_null(strstr(r->cookie, "Max-Age=0"));
	request_destroy(r);
	r = web_run(w, AS_ASSESSOR_ENDED, "GET", "/", NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/sign-in");
	request_destroy(r);
	/* The area ends the other's access early: refused at once. */
	web_expect(w, AS_ASSESSOR, "GET", readiness(w), NULL, 200);
	r = web_run(w, AS_AREA, "POST", web_path(w, "/area/%lld/gold/assessor/%lld/end",
						  (long long)fixture_org_area(&w->f, w->org), (long long)w->assessor), NULL);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	r = web_run(w, AS_ASSESSOR, "GET", readiness(w), NULL);
	assert_false(r->status == 200);
	request_destroy(r);
}

/* A change sent after the access ended is refused and ends the sessions
 * too, although the change's own transaction is rolled back. */
static void ended_access_change_signs_out(void **state)
{
	webfix *w = *state;
	const char *comment[] = {"comment", "Too late.", NULL};
	request *r = web_run(w, AS_ASSESSOR_ENDED, "POST", web_path(w, "%s/comment/1i", readiness(w)), comment);
	assert_int_equal(r->status, 403);
	page_has(r, "Your access has ended");
	assert_non_null(r->cookie);
	assert_non_null(strstr(r->cookie, "Max-Age=0"));
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM gold_comment"), 0);
	r = web_run(w, AS_ASSESSOR_ENDED, "GET", "/", NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/sign-in");
	request_destroy(r);
}

static void bad_invitations_are_refused(void **state)
{
	webfix *w = *state;
	const char *path = web_path(w, "/area/%lld/gold/invite", (long long)fixture_org_area(&w->f, w->org));
	char today[11], late[11];
	date_today(today);
	gold_add_days(today, 400, late);
	const char *rest[] = {"name", "Bo", "email", "bo@example.org", "evaluation", web_num(w, w->eval), NULL};
	const char *no_email[] = {"name", "Bo", "email", "not an address", "evaluation", web_num(w, w->eval), NULL};
	const char *far_eval[] = {"name", "Bo", "email", "bo@example.org", "evaluation", "999999", NULL};
	struct { const char *const *fields; const char *says; } cases[] = {
		{web_dated(w, "until", "2020-01-01", rest), "must be today or in the future"},
		{web_dated(w, "until", late, rest), "at most a year"},
		{web_dated(w, "until", today, no_email), "right format"},
		{web_dated(w, "until", today, far_eval), "Choose the self-evaluation"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		request *r = web_run(w, AS_AREA, "POST", path, cases[i].fields);
		assert_int_equal(r->status, 400);
		page_has(r, "<title>Error: Invite an assessor");
		page_has(r, cases[i].says);
		request_destroy(r);
	}
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM assessor"), 2);
	const char *years[] = {"evidence_years", "0", "award_years", "11", NULL};
	web_expect(w, AS_AREA, "POST", web_path(w, "/area/%lld/gold/settings", (long long)fixture_org_area(&w->f, w->org)),
		   years, 400);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM gold_area_setting"), 0);
}

/* Every link on the pages an assessor opens goes somewhere they may go:
 * no link leads them to a refusal. */
static void assessor_links_all_open(void **state)
{
	webfix *w = *state;
	evidence_row ev = {.organisation_id = w->org, .title = "Forum notes", .date = "2026-10-01",
			   .groups = GROUP_PARENTS};
	int64_t id;
	size_t n;
	assert_int_equal(evidence_add(&w->f.d, &ev, &id, &w->f.e), 0);
	const char *refs[] = {"1i.a"};
	assert_int_equal(evidence_link(&w->f.d, id, w->eval, refs, 1, false, &n, &w->f.e), 0);
	/* A round of views on 1i: the statement shows it, without a link. */
	static const char *const keys[] = {"1i"};
	view_group g[1] = {{.group = "parents", .name = ""}};
	view_round_input in = {.evaluation_id = w->eval, .title = "Autumn views", .elements = keys, .n_elements = 1,
			       .groups = g, .n_groups = 1};
	view_new_link *vl;
	int64_t round;
	assert_int_equal(views_open(&w->f.d, &(user_row){.name = "Lead"}, &in, &round, &vl, &n, &w->f.e), 0);
	const char *pages[] = {readiness(w), web_path(w, "/org/%lld/evaluation/%lld", (long long)w->org, (long long)w->eval),
			       web_path(w, "/org/%lld/evaluation/%lld/statement/1i", (long long)w->org, (long long)w->eval),
			       web_path(w, "/org/%lld/evidence/%lld", (long long)w->org, (long long)id), "/"};
	int links = 0, refused = 0;
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		const char *body = web_expect_body(w, AS_ASSESSOR, "GET", pages[i], NULL, 200);
		if (i == 2)
			assert_non_null(strstr(body, "From Autumn views: 0 answers sent."));
		for (const char *at = strstr(body, "href=\"/org/"); at; at = strstr(at + 1, "href=\"/org/")) {
			const char *start = at + 6;
			size_t len = strcspn(start, "\"?#");
			const char *href = web_path(w, "%.*s", (int)len, start);
			request *r = web_run(w, AS_ASSESSOR, "GET", href, NULL);
			if (r->status != 200 && ++refused)
				print_message("%s links to %s, which answers %d to its assessor\n", pages[i], href, r->status);
			request_destroy(r);
			links++;
		}
	}
	assert_int_equal(refused, 0);
	assert_true(links > 20);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(readiness_says_what_it_is), T(assessor_reviews_and_awards),
					   T(ended_access_is_refused_and_signs_out), T(ended_access_change_signs_out),
					   T(bad_invitations_are_refused),
					   T(assessor_links_all_open)};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
