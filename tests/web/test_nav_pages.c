/* test_nav_pages.c: the frame's service navigation (sections by role, the
 * current one marked, counts of what waits), the header's escaped name,
 * the footer's links, the public pages (accessibility, privacy, cookies,
 * help) signed in or not, the list of self-evaluations, and a lead
 * setting an evaluation's status with who and when. */
#include "domain/domain.h"
#include "store/sql.h"
#include "webtest.h"

#define HOSTILE_NAME "<script>alert(1)</script>"

static const char *org_path(webfix *w, const char *rest)
{
	return web_path(w, "/org/%lld%s", (long long)w->org, rest);
}

static int64_t add_action(webfix *w, const char *title, const char *due, const char *status)
{
	char now[21];
	time_now_iso(now);
	action_row a = {.organisation_id = w->org, .title = title, .owner = "", .due_on = due,
			.status = status, .created_at = now};
	int64_t id;
	if (action_add(&w->f.d, &a, &id, &w->f.e) < 0)
		fail_msg("%s: %s", title, w->f.e.msg);
	return id;
}

static void sections_by_role(void **state)
{
	webfix *w = *state;
	const char *body = web_expect_body(w, AS_LEAD, "GET", org_path(w, ""), NULL, 200);
	body_has(body, "<nav aria-label=\"Organisation\" class=\"govuk-service-navigation__wrapper\">");
	const char *const sections[] = {"Overview", "Self-evaluations", "Evidence", "Actions", "Measures",
					"Plans", "Projects and audits", "Views", "People", "Search"};
	for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
		body_has(body, web_path(w, ">%s%s", i == 0 ? "<strong class=\"govuk-service-navigation__active-fallback\">" : "",
					sections[i]));
	body_has(body, web_path(w, "href=\"/org/%lld/search\"", (long long)w->org));
	body_has(body, web_path(w, "href=\"/org/%lld\" aria-current=\"page\"", (long long)w->org));
	/* The inline links joined by "·" are gone. */
	body_lacks(body, " · ");
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", org_path(w, ""), NULL, 200);
	body_has(body, ">Projects and audits");
	body_lacks(body, web_path(w, "href=\"/org/%lld/people\"", (long long)w->org));
	body = web_expect_body(w, AS_VIEWER, "GET", org_path(w, ""), NULL, 200);
	body_lacks(body, ">People<");
	/* The area's administrator on an organisation's page sees its sections. */
	body = web_expect_body(w, AS_AREA, "GET", org_path(w, ""), NULL, 200);
	body_has(body, ">People<");
	/* Pages with no organisation or area have no sections. */
	body = web_expect_body(w, AS_LEAD, "GET", "/", NULL, 200);
	body_lacks(body, "aria-label=\"Organisation\"");
}

static void current_section_marked(void **state)
{
	webfix *w = *state;
	const char *body = web_expect_body(w, AS_VIEWER, "GET", org_path(w, "/actions"), NULL, 200);
	body_has(body, web_path(w, "href=\"/org/%lld/actions\" aria-current=\"page\">"
				   "<strong class=\"govuk-service-navigation__active-fallback\">Actions", (long long)w->org));
	body = web_expect_body(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/evaluation/%lld", (long long)w->org,
							     (long long)w->eval), NULL, 200);
	body_has(body, web_path(w, "href=\"/org/%lld/evaluations\" aria-current=\"true\">", (long long)w->org));
	body = web_expect_body(w, AS_VIEWER, "GET", org_path(w, "/audits"), NULL, 200);
	body_has(body, web_path(w, "href=\"/org/%lld/projects\" aria-current=\"true\">", (long long)w->org));
	/* One section only is current. */
	const char *first = strstr(body, "aria-current");
	assert_non_null(first);
	assert_null(strstr(first + 1, "aria-current"));
}

static void overdue_actions_counted(void **state)
{
	webfix *w = *state;
	const char *body = web_expect_body(w, AS_VIEWER, "GET", org_path(w, "/evidence"), NULL, 200);
	body_lacks(body, "overdue</strong>");
	add_action(w, "Late one", "2001-01-01", "open");
	add_action(w, "Late two", "2001-02-01", "in-progress");
	add_action(w, "Late but done", "2001-03-01", "done");
	add_action(w, "Not yet due", "2099-01-01", "open");
	add_action(w, "No date", NULL, "open");
	body = web_expect_body(w, AS_VIEWER, "GET", org_path(w, "/evidence"), NULL, 200);
	body_has(body, ">Actions <strong class=\"govuk-tag govuk-tag--red copro-nav-tag\">2 overdue</strong>");
	/* Another organisation's count is its own. */
	body = web_expect_body(w, AS_OTHER_LEAD, "GET", web_path(w, "/org/%lld", (long long)w->other_org), NULL, 200);
	body_lacks(body, "overdue</strong>");
}

static void area_sections(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *body = web_expect_body(w, AS_AREA, "GET", web_path(w, "/area/%lld/dashboard", (long long)area),
					   NULL, 200);
	body_has(body, "<nav aria-label=\"Area\"");
	const char *const sections[] = {"Portfolio", "Dashboard", "Self-evaluations", "Audits to decide",
					"Exports", "Settings"};
	for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
		body_has(body, web_path(w, ">%s", sections[i]));
	body_has(body, web_path(w, "href=\"/area/%lld/self-evaluations\"", (long long)area));
	body_has(body, web_path(w, "href=\"/area/%lld/dashboard\" aria-current=\"page\">", (long long)area));
	body_lacks(body, "copro-nav-tag");     /* nothing waits */
	/* Another area's administrator gets the refusal, with no sections. */
	body = web_expect_body(w, AS_OTHER_AREA, "GET", web_path(w, "/area/%lld/dashboard", (long long)area), NULL, 404);
	body_lacks(body, "aria-label=\"Area\"");
}

static void header_and_footer(void **state)
{
	webfix *w = *state;
	test_write(&w->f.db, "UPDATE app_user SET name = ? WHERE id = ?",
		   SQL_ARGS(sql_text(HOSTILE_NAME), sql_int(w->as[AS_LEAD].user.id)));
	const char *body = web_expect_body(w, AS_LEAD, "GET", org_path(w, "/evidence"), NULL, 200);
	body_has(body, "&lt;script&gt;alert(1)&lt;/script&gt;");
	body_lacks(body, HOSTILE_NAME);
	body_has(body, "Sign out</button>");
	const char *const links[] = {"/help", "/accessibility", "/privacy", "/cookies"};
	for (size_t i = 0; i < 4; i++)
		body_has(body, web_path(w, "<a class=\"govuk-footer__link\" href=\"%s\">", links[i]));
	body = web_expect_body(w, AS_NOBODY, "GET", "/sign-in", NULL, 200);
	body_lacks(body, "Sign out");
	body_has(body, "<a class=\"govuk-footer__link\" href=\"/accessibility\">Accessibility statement</a>");
}

static void public_pages(void **state)
{
	webfix *w = *state;
	const struct {
		const char *path, *heading;
	} pages[] = {
		{"/accessibility", "Accessibility statement for copro"},
		{"/privacy", "Privacy notice"},
		{"/cookies", "Cookies"},
		{"/help", "Help using copro"},
		{"/help/lead", "Help for organisation leads"},
		{"/help/contributor", "Help for contributors"},
		{"/help/area", "Help for area administrators"},
	};
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		for (int who = 0; who < AS_COUNT; who++) {
			const char *body = web_expect_body(w, who, "GET", pages[i].path, NULL, 200);
			body_has(body, web_path(w, "<h1 class=\"govuk-heading-l\">%s</h1>", pages[i].heading));
			body_lacks(body, "govuk-service-navigation__wrapper");
			if (who == AS_NOBODY)
				body_lacks(body, "Sign out</button>");
		}
	}
	web_expect(w, AS_NOBODY, "POST", "/help", NULL, 405);
	web_expect(w, AS_NOBODY, "GET", "/help/nobody", NULL, 404);
}

static void accessibility_statement(void **state)
{
	webfix *w = *state;
	const char *body = web_expect_body(w, AS_NOBODY, "GET", "/accessibility", NULL, 200);
	const char *const parts[] = {"How accessible this website is", "Feedback and contact information",
				     "Enforcement procedure", "Equality and Human Rights Commission",
				     "Compliance status", "Preparation of this accessibility statement",
				     "This statement was prepared on 6 December 2026", "axe-core",
				     "with the keyboard alone"};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		body_has(body, parts[i]);
}

static void cookies_listed(void **state)
{
	webfix *w = *state;
	const char *body = web_expect_body(w, AS_NOBODY, "GET", "/cookies", NULL, 200);
	/* Every cookie copro sets (web.h), by name. */
	const char *const names[] = {SESSION_COOKIE, FORM_COOKIE, ANSWER_COOKIE};
	for (size_t i = 0; i < 3; i++)
		body_has(body, web_path(w, "<td class=\"govuk-table__cell\">%s</td>", names[i]));
	body_has(body, "strictly necessary");
	/* Reading the public pages signed out sets no cookie. */
	request *r = web_expect_request(w, AS_NOBODY, "GET", "/cookies", NULL, 200);
	assert_null(r->cookie);
	request_destroy(r);
}

static void privacy_names_controllers(void **state)
{
	webfix *w = *state;
	const char *body = web_expect_body(w, AS_NOBODY, "GET", "/privacy", NULL, 200);
	body_has(body, "are the controllers");
	body_has(body, "24 months");
	body_lacks(body, "For you, that means");
	body = web_expect_body(w, AS_LEAD, "GET", "/privacy", NULL, 200);
	body_has(body, "For you, that means:</p><ul class=\"govuk-list govuk-list--bullet\"><li>Our School</li>");
	body = web_expect_body(w, AS_AREA, "GET", "/privacy", NULL, 200);
	body_has(body, "<li>Test Area (the area)</li>");
	body_lacks(body, "Our School");
}

static void evaluations_list_page(void **state)
{
	webfix *w = *state;
	const char *body = web_expect_body(w, AS_VIEWER, "GET", org_path(w, "/evaluations"), NULL, 200);
	body_has(body, "<h1 class=\"govuk-heading-l\">Self-evaluations</h1>");
	body_has(body, web_path(w, "href=\"/org/%lld/evaluation/%lld\">", (long long)w->org, (long long)w->eval));
	body_has(body, "Draft</strong>");
	body_lacks(body, "Start self-evaluation");
	body = web_expect_body(w, AS_LEAD, "GET", org_path(w, "/evaluations"), NULL, 200);
	body_has(body, "Start self-evaluation");
	web_expect(w, AS_OTHER_LEAD, "GET", org_path(w, "/evaluations"), NULL, 404);
}

static const char *eval_path(webfix *w, const char *rest)
{
	return web_path(w, "/org/%lld/evaluation/%lld%s", (long long)w->org, (long long)w->eval, rest);
}

static void lead_sets_status(void **state)
{
	webfix *w = *state;
	const char *body = web_expect_body(w, AS_LEAD, "GET", eval_path(w, ""), NULL, 200);
	body_has(body, web_path(w, "href=\"/org/%lld/evaluation/%lld/status\">Change", (long long)w->org,
				(long long)w->eval));
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", eval_path(w, ""), NULL, 200);
	body_lacks(body, "/status\">Change");
	body = web_expect_body(w, AS_LEAD, "GET", eval_path(w, "/status"), NULL, 200);
	body_has(body, "<title>Status of ");
	body_has(body, "value=\"draft\" checked");
	body_lacks(body, "Set by");

	const char *review[] = {"status", "in-review", NULL};
	request *r = web_expect_request(w, AS_LEAD, "POST", eval_path(w, "/status"), review, 303);
	assert_string_equal(r->location, eval_path(w, "?saved=status"));
	request_destroy(r);
	evaluation_row ev;
	assert_int_equal(evaluation_get(&w->f.d, w->eval, &ev, &w->f.e), 0);
	assert_string_equal(ev.status, "in-review");
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE "
					      "'set the status of self-evaluation % to in review'"), 1);
	r = web_get_query(w, AS_VIEWER, eval_path(w, ""), (const char *[]){"saved", "status", NULL});
	assert_int_equal(r->status, 200);
	page_has(r, "Status saved: In review");
	page_has(r, ">In review</strong>");
	page_has(r, web_path(w, "Set by %s on ", as_names[AS_LEAD]));
	request_destroy(r);
	body = web_expect_body(w, AS_LEAD, "GET", eval_path(w, "/status"), NULL, 200);
	body_has(body, "value=\"in-review\" checked");
	body_has(body, "Set by");
}

static void refused_status(void **state)
{
	webfix *w = *state;
	const char *const *bad[] = {(const char *[]){NULL}, (const char *[]){"status", "", NULL},
				    (const char *[]){"status", "finished", NULL},
				    (const char *[]){"status", "<b>draft</b>", NULL}};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *body = web_expect_body(w, AS_LEAD, "POST", eval_path(w, "/status"), bad[i], 400);
		body_has(body, "<title>Error: Status of ");
		body_has(body, "href=\"#status\">Select the status of the self-evaluation");
		body_lacks(body, "<b>draft</b>");
	}
	evaluation_row ev;
	assert_int_equal(evaluation_get(&w->f.d, w->eval, &ev, &w->f.e), 0);
	assert_string_equal(ev.status, "draft");
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE 'set the status%'"), 0);
	const char *review[] = {"status", "submitted", NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", eval_path(w, "/status"), review, 403);
	web_expect(w, AS_OTHER_LEAD, "POST", eval_path(w, "/status"), review, 404);
	web_expect(w, AS_LEAD, "POST", web_path(w, "/org/%lld/evaluation/%lld/status", (long long)w->org,
						(long long)w->other_eval), review, 404);
}

static void submitted_statement_offers_status(void **state)
{
	webfix *w = *state;
	const char *submitted[] = {"status", "submitted", NULL};
	web_expect(w, AS_LEAD, "POST", eval_path(w, "/status"), submitted, 303);
	const char *body = web_expect_body(w, AS_LEAD, "GET", eval_path(w, "/statement/1i"), NULL, 200);
	body_has(body, "This self-evaluation has been submitted");
	body_has(body, "/status\" role=\"button\"");
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", eval_path(w, "/statement/1i"), NULL, 200);
	body_lacks(body, "/status\" role=\"button\"");
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(sections_by_role), T(current_section_marked), T(overdue_actions_counted), T(area_sections),
		T(header_and_footer), T(public_pages), T(accessibility_statement), T(cookies_listed),
		T(privacy_names_controllers), T(evaluations_list_page), T(lead_sets_status), T(refused_status),
		T(submitted_statement_offers_status),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
