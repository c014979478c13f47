/* test_area_pages.c: the area portfolio, the dashboard (filters, the
 * levels chart and its table, the heat map, outcomes over time, where to
 * offer support) and the projects portfolio: only the area's
 * administrators get in, another area's organisations never show, hostile
 * text comes back escaped. Audits and projects are written straight into
 * the tables, so these tests do not depend on the audit and project code. */
#include "webtest.h"

#include "store/account.h"
#include "store/sql.h"

#define NOW "2026-06-15T12:00:00Z"
#define HOSTILE_SCRIPT "<script>alert(1)</script>"
#define HOSTILE_ATTR "\"><img src=x onerror=alert(1)>"

static int64_t audit(webfix *w, int64_t org, const char *status, const char *date,
		     const char *outcome, const char *review_on, int64_t project)
{
	int64_t id = test_write(&w->f.db,
		"INSERT INTO audit (organisation_id, framework_hash, project_id, version, status,"
		" audit_date, outcome, review_on, created_at, updated_at)"
		" VALUES (?, ?, ?, 1, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(org), sql_text(fixture_framework_hash(&w->f, "york-joint-partnership-audit")),
			 sql_id(project), sql_text(status), sql_text(date), sql_text(outcome),
			 sql_text(review_on)));
	test_write(&w->f.db, "UPDATE audit SET first_id = id WHERE id = ?", SQL_ID_ARG(id));
	return id;
}

/* Six levels, principle 1 first; NULL leaves one unrecorded. */
static void levels(webfix *w, int64_t audit_id, const char *const lv[6])
{
	for (int i = 0; i < 6; i++) {
		if (!lv[i])
			continue;
		char key[2] = {(char)('1' + i), 0};
		test_write(&w->f.db, "INSERT INTO audit_principle (audit_id, principle_key, level, updated_at)"
			   " VALUES (?, ?, ?, '2026-01-01T00:00:00Z')",
			   SQL_ARGS(sql_int(audit_id), sql_text(key), sql_text(lv[i])));
	}
}

static int64_t project(webfix *w, int64_t org, const char *title, const char *service_area,
		       const char *starts_on, const char *ends_on)
{
	return test_write(&w->f.db,
		"INSERT INTO project (organisation_id, framework_id, framework_hash, title, service_area,"
		" starts_on, ends_on, created_at, updated_at)"
		" VALUES (?, 'york-strategic-model', ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z',"
		" '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(org), sql_text(fixture_framework_hash(&w->f, "york-strategic-model")),
			 sql_text(title), sql_text(service_area), sql_text(starts_on), sql_text(ends_on)));
}

static void step_done(webfix *w, int64_t project_id, const char *key)
{
	test_write(&w->f.db, "INSERT INTO project_step (project_id, step_key, done, done_on, updated_at)"
		   " VALUES (?, ?, 1, '2026-01-01', '2026-01-01T00:00:00Z')",
		   SQL_ARGS(sql_int(project_id), sql_text(key)));
}

static int64_t add_org(webfix *w, const char *name, const char *sector, const char *type,
		       const char *area)
{
	org_row o = {.name = name, .sector = sector, .type = type, .area = area};
	int64_t id;
	assert_int_equal(org_add(&w->f.d, &o, &id, &w->f.e), 0);
	return id;
}

/* The part of `body` from `from` up to `to` (both must be there). */
static const char *between(webfix *w, const char *body, const char *from, const char *to)
{
	const char *a = strstr(body, from);
	if (!a)
		fail_msg("\"%s\" is not on the page", from);
	const char *b = strstr(a, to);
	if (!b)
		fail_msg("\"%s\" does not follow \"%s\"", to, from);
	return arena_strndup(&w->f.mem, a, (size_t)(b - a));
}

static const char *const rfi = "room-for-improvement";

/* ---- who gets in ---------------------------------------------------------- */

static void only_the_area_administrators_get_in(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org), far = fixture_org_area(&w->f, w->far_org);
	const char *pages[] = {"/area/%lld", "/area/%lld/dashboard", "/area/%lld/projects"};
	for (size_t i = 0; i < 3; i++) {
		const char *ours = web_path(w, pages[i], (long long)area);
		for (int who = 0; who < AS_COUNT; who++) {
			request *r = web_run(w, who, "GET", ours, NULL);
			int want = who == AS_AREA ? 200 : who == AS_NOBODY ? 303 : 404;
			if (r->status != want)
				fail_msg("%s as %s: %d, expected %d", ours, as_names[who], r->status, want);
			if (who == AS_NOBODY)
				assert_string_equal(r->location, "/sign-in");
			request_destroy(r);
		}
		/* Another area's pages, and an area that does not exist. */
		const char *theirs = web_path(w, pages[i], (long long)far);
		request *r = web_run(w, AS_AREA, "GET", theirs, NULL);
		assert_int_equal(r->status, 404);
		request_destroy(r);
		r = web_run(w, AS_AREA, "GET", web_path(w, pages[i], (long long)(far + 1000)), NULL);
		assert_int_equal(r->status, 404);
		request_destroy(r);
		/* Their administrator sees their area, never ours. */
		r = web_run(w, AS_OTHER_AREA, "GET", theirs, NULL);
		assert_int_equal(r->status, 200);
		body_lacks(web_body(r), "Our School");
		body_lacks(web_body(r), "Neighbour School");
		request_destroy(r);
	}
}

/* ---- the portfolio -------------------------------------------------------- */

static void portfolio_shows_every_organisation(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	int64_t a = audit(w, w->org, "accepted", "2025-10-01", "good", "2026-03-01", 0);
	const char *const lv[6] = {rfi, "good", "excellent", "good", "good", NULL};
	levels(w, a, lv);
	project(w, w->org, "Coffee mornings", "Parent support", "2025-11-01", NULL);
	project(w, w->org, "Last year's", "Parent support", "2025-08-31", NULL);
	audit(w, w->other_org, "accepted", "2025-05-01", "requires-improvement", NULL, 0);
	audit(w, w->far_org, "accepted", "2026-01-01", "outstanding", NULL, 0);
	project(w, w->far_org, "Far away project", "", "2025-10-01", NULL);

	request *r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld", (long long)area), NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	body_has(body, "<h1 class=\"govuk-heading-l\">Area portfolio</h1>");
	body_has(body, "<li>2 organisations</li><li>1 audited in the last 12 months</li><li>1 with an overdue review</li>");
	body_has(body, "1 September 2025 to 31 August 2026");
	body_lacks(body, "Far School");
	const char *ours = between(w, body, web_path(w, "href=\"/org/%lld\">Our School", (long long)w->org), "</tr>");
	body_has(ours, "Education");
	body_has(ours, "<strong class=\"govuk-tag\">Good</strong><br>1 October 2025");
	body_has(ours, "<strong class=\"govuk-tag govuk-tag--red\"><span class=\"govuk-visually-hidden\">Principle </span>1: Room for Improvement</strong>");
	body_has(ours, "<strong class=\"govuk-tag govuk-tag--green\"><span class=\"govuk-visually-hidden\">Principle </span>3: Excellent</strong>");
	body_has(ours, "<strong class=\"govuk-tag govuk-tag--grey\"><span class=\"govuk-visually-hidden\">Principle </span>6: Not recorded</strong>");
	body_has(ours, "govuk-table__cell--numeric\">1</td>");
	body_has(ours, "Review overdue</strong><br>Review was due 1 March 2026");
	body_lacks(ours, "No audit in the last 12 months");
	const char *theirs = between(w, body, "Neighbour School", "</tr>");
	body_has(theirs, "Requires Improvement");
	body_has(theirs, "No levels recorded");
	body_has(theirs, "No audit in the last 12 months");
	body_lacks(theirs, "Review overdue");
	/* The principles' titles come from the instrument. */
	body_has(body, "Principle 2: We value feedback and celebrate success");
	for (size_t i = 0; i < 5; i++) {
		static const char *const links[] = {"/dashboard", "/projects", "/audits", "/export", "/settings"};
		body_has(body, web_path(w, "href=\"/area/%lld%s\"", (long long)area, links[i]));
	}
	request_destroy(r);
}

static void hostile_text_is_escaped(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	int64_t bad = add_org(w, HOSTILE_SCRIPT, "care", HOSTILE_ATTR, "Test Area");
	int64_t a = audit(w, bad, "accepted", "2025-10-01", "good", NULL, 0);
	const char *const lv[6] = {rfi, rfi, "good", "good", "good", "good"};
	levels(w, a, lv);
	project(w, bad, HOSTILE_SCRIPT, HOSTILE_ATTR, "2025-10-01", NULL);
	const char *pages[] = {"/area/%lld", "/area/%lld/dashboard", "/area/%lld/projects"};
	for (size_t i = 0; i < 3; i++) {
		request *r = web_run(w, AS_AREA, "GET", web_path(w, pages[i], (long long)area), NULL);
		assert_int_equal(r->status, 200);
		body_lacks(web_body(r), HOSTILE_SCRIPT);
		body_lacks(web_body(r), HOSTILE_ATTR);
		body_has(web_body(r), "&lt;script&gt;alert(1)&lt;/script&gt;");
		request_destroy(r);
	}
	/* The hostile type is offered in the filter, and works as one. */
	const char *q[] = {"type", HOSTILE_ATTR, NULL};
	request *r = web_get_query(w, AS_AREA, web_path(w, "/area/%lld/dashboard", (long long)area), q);
	assert_int_equal(r->status, 200);
	body_lacks(web_body(r), HOSTILE_ATTR);
	body_has(web_body(r), "Showing 1 organisation that matches the filters");
	request_destroy(r);
}

static void empty_area_says_so(void **state)
{
	webfix *w = *state;
	int64_t far = fixture_org_area(&w->f, w->far_org);
	test_write(&w->f.db, "UPDATE organisation SET area_id = NULL WHERE id = ?", SQL_ID_ARG(w->far_org));
	request *r = web_run(w, AS_OTHER_AREA, "GET", web_path(w, "/area/%lld", (long long)far), NULL);
	assert_int_equal(r->status, 200);
	body_has(web_body(r), "<li>0 organisations</li>");
	body_has(web_body(r), "There are no organisations in this area yet.");
	body_lacks(web_body(r), "<table");
	request_destroy(r);
	r = web_run(w, AS_OTHER_AREA, "GET", web_path(w, "/area/%lld/dashboard", (long long)far), NULL);
	assert_int_equal(r->status, 200);
	body_has(web_body(r), "There are no organisations in this area yet.");
	body_lacks(web_body(r), "role=\"img\"");
	request_destroy(r);
	r = web_run(w, AS_OTHER_AREA, "GET", web_path(w, "/area/%lld/projects", (long long)far), NULL);
	assert_int_equal(r->status, 200);
	body_has(web_body(r), "No organisation in this area has recorded a project yet.");
	request_destroy(r);
}

/* ---- the dashboard -------------------------------------------------------- */

/* Three audited organisations and one not; the far one must not count. */
static void dashboard_data(webfix *w)
{
	int64_t clinic = add_org(w, "Clinic", "health", "Therapy", "Test Area");
	add_org(w, "Unaudited Club", "voluntary", "Youth club", "Test Area");
	const char *const a[6] = {rfi, "good", "excellent", "good", rfi, NULL};
	const char *const b[6] = {rfi, rfi, "good", "good", "excellent", "good"};
	const char *const c[6] = {"good", rfi, "good", "excellent", rfi, "good"};
	levels(w, audit(w, w->org, "accepted", "2025-10-01", "good", NULL, 0), a);
	levels(w, audit(w, w->other_org, "accepted", "2026-02-01", "good", NULL, 0), b);
	levels(w, audit(w, clinic, "accepted", "2025-09-20", "outstanding", NULL, 0), c);
	audit(w, clinic, "accepted", "2024-03-01", "requires-improvement", NULL, 0);
	const char *const far[6] = {"excellent", "excellent", "excellent", "excellent", "excellent",
				    "excellent"};
	levels(w, audit(w, w->far_org, "accepted", "2025-10-01", "outstanding", NULL, 0), far);
}

static void chart_and_table_hold_the_same_numbers(void **state)
{
	webfix *w = *state;
	dashboard_data(w);
	int64_t area = fixture_org_area(&w->f, w->org);
	request *r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/dashboard", (long long)area), NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	body_has(body, "Showing 4 organisations.");
	body_has(body, "From the latest accepted audit of 3 of the 4 organisations shown.");
	/* Counts per principle: room for improvement, good, excellent. */
	static const int want[6][3] = {{2, 1, 0}, {2, 1, 0}, {0, 2, 1}, {0, 2, 1}, {2, 0, 1}, {0, 2, 0}};
	const char *svg = between(w, body, "<svg class=\"copro-chart\"", "</svg>");
	body_has(svg, "role=\"img\"");
	body_has(svg, "aria-labelledby=\"levels-chart-title\"");
	body_has(svg, "<title id=\"levels-chart-title\">Latest accepted audits at each level, per principle. ");
	const char *table = between(w, body, "<caption class=\"govuk-table__caption govuk-table__caption--s\">Latest accepted audits at each level",
				    "</table>");
	for (int k = 0; k < 6; k++) {
		const char *label = web_path(w, "Principle %d: %d Room for Improvement, %d Good, %d Excellent",
					     k + 1, want[k][0], want[k][1], want[k][2]);
		body_has(between(w, svg, "<title", "</title>"), label);
		/* On two lines, which fit a 375 px screen (the SVG text does not wrap). */
		body_has(svg, web_path(w, "<tspan x=\"0\" dy=\"0\">Principle %d: %d Room for Improvement,</tspan>"
				   "<tspan x=\"0\" dy=\"20\">%d Good, %d Excellent</tspan></text>",
				k + 1, want[k][0], want[k][1], want[k][2]));
		body_has(table, web_path(w, "<th scope=\"row\" class=\"govuk-table__header\">Principle %d</th>"
				   "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
				   "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
				   "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td>"
				   "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%d</td></tr>",
				k + 1, want[k][0], want[k][1], want[k][2],
				want[k][0] + want[k][1] + want[k][2]));
	}
	/* Principle 1's bar, under its two lines: two of three at room for
	 * improvement. */
	body_has(svg, "<rect x=\"0.0%\" y=\"46\" width=\"66.6%\" height=\"24\" fill=\"#ca3535\"");
	body_has(svg, "<rect x=\"66.6%\" y=\"46\" width=\"33.4%\" height=\"24\" fill=\"#1d70b8\"");
	body_has(svg, "height=\"492\"");      /* six rows of 84 px, less the last gap */

	/* The heat map: audited organisations only, each level in words. */
	const char *heat = between(w, body, "Heat map:", "</table>");
	body_has(heat, "Our School");
	body_has(heat, "Clinic");
	body_lacks(heat, "Unaudited Club");
	body_lacks(body, "Far School");
	const char *row = between(w, heat, "Neighbour School", "</tr>");
	body_has(row, "<td class=\"govuk-table__cell\"><strong class=\"govuk-tag govuk-tag--red\">Room for Improvement</strong></td>"
		 "<td class=\"govuk-table__cell\"><strong class=\"govuk-tag govuk-tag--red\">Room for Improvement</strong></td>"
		 "<td class=\"govuk-table__cell\"><strong class=\"govuk-tag\">Good</strong></td>");
	body_has(between(w, heat, "Our School", "</tr>"), "<strong class=\"govuk-tag govuk-tag--grey\">Not recorded</strong>");

	/* Outcomes over time: 2023 to 2024 (one), nothing in 2024 to 2025,
	 * then 2025 to 2026 (three). */
	const char *trend = between(w, body, "<svg class=\"copro-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"240\"",
				    "</svg>");
	body_has(trend, "2023 to 2024: 1 Requires Improvement, 0 Good, 0 Outstanding; 2024 to 2025: 0 Requires Improvement, 0 Good, 0 Outstanding; "
		   "2025 to 2026: 0 Requires Improvement, 2 Good, 1 Outstanding</title>");
	const char *ttable = between(w, body, "Accepted audits per academic year, by outcome</caption>", "</table>");
	body_has(ttable, "<th scope=\"row\" class=\"govuk-table__header\">2025 to 2026</th>"
		    "<td class=\"govuk-table__cell govuk-table__cell--numeric\">0</td>"
		    "<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>"
		    "<td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td>"
		    "<td class=\"govuk-table__cell govuk-table__cell--numeric\">3</td>");
	body_has(ttable, "<th scope=\"row\" class=\"govuk-table__header\">2024 to 2025</th>"
		    "<td class=\"govuk-table__cell govuk-table__cell--numeric\">0</td>");

	/* Where to offer support: principles 1, 2 and 5 (two each), in order. */
	const char *support = between(w, body, "Where to offer support", "</ol>");
	body_has(support, "positive and tailored support");
	const char *p1 = strstr(support, "Principle 1: We value the importance");
	const char *p2 = strstr(support, "Principle 2: We value feedback");
	const char *p5 = strstr(support, "Principle 5: We are equal, diverse and accessible");
	assert_non_null(p1);
	assert_non_null(p2);
	assert_non_null(p5);
	assert_true(p1 < p2 && p2 < p5);
	body_lacks(support, "Principle 3:");
	body_has(support, "2 of 3 organisations at Room for Improvement");
	request_destroy(r);
}

static void dashboard_filters(void **state)
{
	webfix *w = *state;
	dashboard_data(w);
	const char *p = web_path(w, "/area/%lld/dashboard", (long long)fixture_org_area(&w->f, w->org));

	const char *health[] = {"sector", "health", NULL};
	request *r = web_get_query(w, AS_AREA, p, health);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	body_has(body, "<option value=\"health\" selected>Health</option>");
	body_has(body, "<option value=\"\">Any service type</option>");
	body_has(body, "Showing 1 organisation that matches the filters.");
	body_has(body, "Principle 1: 0 Room for Improvement, 1 Good, 0 Excellent");
	body_lacks(between(w, body, "Heat map:", "</table>"), "Our School");
	request_destroy(r);

	const char *education[] = {"sector", "education", NULL};
	r = web_get_query(w, AS_AREA, p, education);
	assert_int_equal(r->status, 200);
	body_has(web_body(r), "<option value=\"education\" selected>Education</option>");
	body_has(web_body(r), "Showing 2 organisations that match the filters.");
	body_lacks(web_body(r), "<option value=\"health\" selected>");
	request_destroy(r);

	const char *type[] = {"type", "Youth club", NULL};
	r = web_get_query(w, AS_AREA, p, type);
	assert_int_equal(r->status, 200);
	body = web_body(r);
	body_has(body, "<option value=\"Youth club\" selected>Youth club</option>");
	body_has(body, "Showing 1 organisation that matches the filters.");
	body_has(body, "None of these organisations has an accepted audit yet, so there are no levels to show.");
	body_has(body, "No audits of these organisations have been accepted yet.");
	body_lacks(body, "role=\"img\"");
	request_destroy(r);

	const char *none[] = {"sector", "voluntary", "type", "Therapy", NULL};
	r = web_get_query(w, AS_AREA, p, none);
	assert_int_equal(r->status, 200);
	body_has(web_body(r), "No organisations match these filters. Choose others, or clear them.");
	body_lacks(web_body(r), "role=\"img\"");
	request_destroy(r);

	const char *bad_sector[] = {"sector", "space", NULL};
	r = web_get_query(w, AS_AREA, p, bad_sector);
	assert_int_equal(r->status, 400);
	body = web_body(r);
	body_has(body, "<title>Error: Dashboard");
	body_has(body, "<a href=\"#sector\">Choose a sector from the list</a>");
	body_has(body, "govuk-select--error\" id=\"sector\"");
	body_lacks(body, "role=\"img\"");
	request_destroy(r);

	const char *bad_type[] = {"type", "Submarine", NULL};
	r = web_get_query(w, AS_AREA, p, bad_type);
	assert_int_equal(r->status, 400);
	body_has(web_body(r), "<a href=\"#type\">Choose a service type from the list</a>");
	request_destroy(r);

	/* A type of another area's organisation is not one of ours. */
	add_org(w, "Far Therapy", "health", "Hydrotherapy", "Elsewhere");
	const char *far_type[] = {"type", "Hydrotherapy", NULL};
	r = web_get_query(w, AS_AREA, p, far_type);
	assert_int_equal(r->status, 400);
	body_lacks(web_body(r), "<option value=\"Hydrotherapy\"");
	request_destroy(r);
}

/* ---- the projects --------------------------------------------------------- */

static void projects_portfolio(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	int64_t pid = project(w, w->org, "Coffee mornings", "Parent support", "2025-11-01", "2026-07-20");
	step_done(w, pid, "1");
	step_done(w, pid, "2");
	audit(w, w->org, "accepted", "2026-05-01", "outstanding", NULL, pid);
	int64_t other = project(w, w->other_org, "Sensory garden", "Outdoor learning", "2026-01-10", NULL);
	audit(w, w->other_org, "submitted", "2026-05-01", "good", NULL, other);
	project(w, w->far_org, "Far away project", "", "2025-10-01", NULL);

	request *r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/projects", (long long)area), NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	body_has(body, ">2 projects</caption>");
	body_lacks(body, "Far away project");
	const framework *model = fw_registry_find(&w->f.frameworks, "york-strategic-model");
	const char *row = between(w, body, web_path(w, "href=\"/org/%lld/project/%lld\">Coffee mornings</a>",
						    (long long)w->org, (long long)pid), "</tr>");
	body_has(row, "Our School");
	body_has(row, "Parent support");
	body_has(row, model->title);
	body_has(row, "1 November 2025 to 20 July 2026");
	body_has(row, web_path(w, ">2 of %zu<", model->n_elements));
	body_has(row, "<strong class=\"govuk-tag govuk-tag--green\">Outstanding</strong><br>1 May 2026");
	/* A submitted audit is not an outcome yet. */
	const char *orow = between(w, body, "Sensory garden", "</tr>");
	body_has(orow, "From 10 January 2026");
	body_has(orow, "No accepted audit");
	/* Latest start first. */
	assert_true(strstr(body, "Sensory garden") < strstr(body, "Coffee mornings"));
	request_destroy(r);
}

/* ---- what the pages cost ------------------------------------------------ */

/* The portfolio and the dashboard read each organisation once, with its
 * latest audit and its latest self-evaluation side by side, the portfolio's
 * judged statements counted in that read (8 and 10 statements before: the
 * self-evaluations were a second read of the organisations, and the
 * portfolio read every judgement of the area to count them). A judgement
 * of a statement the installed tool no longer has is not counted. */
enum { PORTFOLIO_STATEMENTS = 6, DASHBOARD_STATEMENTS = 9 };

static void area_pages_read_each_organisation_once(void **state)
{
	webfix *w = *state;
	review_change done = {.status = "complete"}, going = {.status = "in-progress"};
	assert_int_equal(review_set(&w->f.d, w->eval, "1i", &done, &w->f.e), 0);
	assert_int_equal(review_set(&w->f.d, w->eval, "1ii", &going, &w->f.e), 0);
	test_exec(&w->f.db, web_path(w, "INSERT INTO statement_review (evaluation_id, element_key, strengths,"
		" areas, status, with_cyp, with_parents, with_practitioners, updated_at) VALUES (%lld, 'gone',"
		" '', '', 'complete', 0, 0, 0, '2026-01-01T00:00:00Z')", (long long)w->eval));
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *paths[] = {web_path(w, "/area/%lld", (long long)area),
			       web_path(w, "/area/%lld/dashboard", (long long)area)};
	const uint64_t budget[] = {PORTFOLIO_STATEMENTS, DASHBOARD_STATEMENTS};
	for (size_t i = 0; i < 2; i++) {
		uint64_t before = store_statements(&w->f.db);
		request *r = web_run(w, AS_AREA, "GET", paths[i], NULL);
		assert_int_equal(r->status, 200);
		assert_int_equal(store_statements(&w->f.db) - before, budget[i]);
		if (i == 0) {
			page_has(r, "1 of 25 statements judged");
			page_has(r, "<li>2 with a self-evaluation started");
		} else {
			page_has(r, "2 of 2 organisations started a self-evaluation with the Four Cornerstones");
		}
		request_destroy(r);
	}
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	setenv("COPRO_NOW", NOW, 1);
	const struct CMUnitTest tests[] = {
		T(only_the_area_administrators_get_in), T(portfolio_shows_every_organisation),
		T(hostile_text_is_escaped), T(empty_area_says_so),
		T(chart_and_table_hold_the_same_numbers), T(dashboard_filters),
		T(projects_portfolio), T(area_pages_read_each_organisation_once),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
