/* test_evidence_pages.c: the evidence library and its filters, one item
 * and where it counts, and changing an item, as every role. */
#include "store/account.h"
#include "store/sql.h"
#include "webtest.h"

#define HOSTILE_SCRIPT "<script>alert(1)</script>"
#define HOSTILE_ATTR "\"><img src=x onerror=alert(1)>"

typedef struct items {
	int64_t coffee, survey, training, other;
} items;

static int64_t add_item(webfix *w, int64_t org, const char *title, const char *date, int groups,
			int64_t eval, const char *const *refs, size_t n_refs)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = date, .groups = groups,
			   .description = "First line\nSecond line"};
	int64_t id;
	size_t changed;
	assert_int_equal(evidence_add(&w->f.d, &ev, &id, &w->f.e), 0);
	if (n_refs)
		assert_int_equal(evidence_link(&w->f.d, id, eval, refs, n_refs, false, &changed, &w->f.e), 0);
	return id;
}

static items make_items(webfix *w)
{
	static const char *const coffee[] = {"1iii.a", "4i.b"};
	static const char *const survey[] = {"2i.a"};
	static const char *const other[] = {"1i.a"};
	items it;
	it.coffee = add_item(w, w->org, "Coffee mornings", "2024-10-15",
			     GROUP_PARENTS | GROUP_PRACTITIONERS, w->eval, coffee, 2);
	it.survey = add_item(w, w->org, "Pupil voice survey", "2024-03-01", GROUP_CYP, w->eval,
			     survey, 1);
	it.training = add_item(w, w->org, "Staff training", "2025-01-20", GROUP_PRACTITIONERS, 0,
			       NULL, 0);
	it.other = add_item(w, w->other_org, "Neighbour assembly", "2024-05-05", GROUP_CYP,
			    w->other_eval, other, 1);
	return it;
}

/* Every route as every role: what each may do, and other organisations'
 * pages do not exist. */
static void every_route_as_every_role(void **state)
{
	webfix *w = *state;
	items it = make_items(w);
	const char *edit[] = {"title", "Coffee mornings", WEB_DATE("date", "15", "10", "2024"),
			      "groups", "parent-carers", NULL};
	web_route routes[] = {
		{"GET", web_path(w, "/org/%lld/evidence", (long long)w->org), NULL, ACCESS_VIEW, 200},
		{"GET", web_path(w, "/org/%lld/evidence/%lld", (long long)w->org, (long long)it.coffee),
		 NULL, ACCESS_VIEW, 200},
		{"GET", web_path(w, "/org/%lld/evidence/%lld/edit", (long long)w->org, (long long)it.coffee),
		 NULL, ACCESS_CONTRIBUTE, 200},
		{"POST", web_path(w, "/org/%lld/evidence/%lld/edit", (long long)w->org, (long long)it.coffee),
		 edit, ACCESS_CONTRIBUTE, 303},
	};
	web_expect_matrix(w, routes, sizeof routes / sizeof *routes);
}

static void other_organisations_items_are_not_found(void **state)
{
	webfix *w = *state;
	items it = make_items(w);
	const char *edit[] = {"title", "Taken over", WEB_DATE("date", "15", "10", "2024"), NULL};
	const char *show = web_path(w, "/org/%lld/evidence/%lld", (long long)w->org, (long long)it.other);
	const char *change = web_path(w, "/org/%lld/evidence/%lld/edit", (long long)w->org, (long long)it.other);
	web_expect(w, AS_LEAD, "GET", show, NULL, 404);
	web_expect(w, AS_AREA, "GET", show, NULL, 404);
	web_expect(w, AS_LEAD, "GET", change, NULL, 404);
	web_expect(w, AS_LEAD, "POST", change, edit, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/evidence/99999", (long long)w->org), NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/evidence/abc", (long long)w->org), NULL, 404);
	evidence_row ev;
	assert_int_equal(evidence_get(&w->f.d, it.other, &ev, &w->f.e), 0);
	assert_string_equal(ev.title, "Neighbour assembly");
	/* Nor is it listed in our library. */
	request *r = web_get_query(w, AS_LEAD, web_path(w, "/org/%lld/evidence", (long long)w->org), NULL);
	assert_int_equal(r->status, 200);
	assert_null(strstr(web_body(r), "Neighbour assembly"));
	request_destroy(r);
}

/* The library with `query` lists exactly the titles marked true. */
static void expect_listed(webfix *w, const char *const *query, bool coffee, bool survey,
			  bool training)
{
	request *r = web_get_query(w, AS_VIEWER, web_path(w, "/org/%lld/evidence", (long long)w->org), query);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	if ((strstr(body, "Coffee mornings") != NULL) != coffee ||
	    (strstr(body, "Pupil voice survey") != NULL) != survey ||
	    (strstr(body, "Staff training") != NULL) != training)
		fail_msg("filter %s=%s: wanted coffee %d survey %d training %d", query ? query[0] : "",
			 query ? query[1] : "", coffee, survey, training);
	assert_null(strstr(body, "Neighbour assembly"));
	request_destroy(r);
}

static void filters_list_exactly_the_matching_items(void **state)
{
	webfix *w = *state;
	make_items(w);
	expect_listed(w, NULL, true, true, true);
	expect_listed(w, (const char *[]){"cornerstone", "4", NULL}, true, false, false);
	expect_listed(w, (const char *[]){"cornerstone", "2", NULL}, false, true, false);
	expect_listed(w, (const char *[]){"cornerstone", "3", NULL}, false, false, false);
	expect_listed(w, (const char *[]){"cornerstone", "", NULL}, true, true, true);
	expect_listed(w, (const char *[]){"indicator", "1iii.a", NULL}, true, false, false);
	expect_listed(w, (const char *[]){"indicator", "1III.A", NULL}, true, false, false);
	expect_listed(w, (const char *[]){"indicator", "2i", NULL}, false, true, false);
	expect_listed(w, (const char *[]){"indicator", "2i.b", NULL}, false, false, false);
	expect_listed(w, (const char *[]){"groups", "parent-carers", NULL}, true, false, false);
	expect_listed(w, (const char *[]){"groups", "practitioners", NULL}, true, false, true);
	expect_listed(w, (const char *[]){"groups", "practitioners", "groups", "children-and-young-people", NULL},
		      false, false, false);
	expect_listed(w, (const char *[]){"from", "2024-06-01", NULL}, true, false, true);
	expect_listed(w, (const char *[]){"to", "2024-12-31", NULL}, true, true, false);
	expect_listed(w, (const char *[]){"from", "2024-06-01", "to", "2024-12-31", NULL}, true, false, false);
	expect_listed(w, (const char *[]){"from", "2024-10-15", "to", "2024-10-15", NULL}, true, false, false);
	expect_listed(w, (const char *[]){"cornerstone", "1", "groups", "parent-carers", "from", "2024-01-01", NULL},
		      true, false, false);

	/* The form keeps what was chosen. */
	request *r = web_get_query(w, AS_VIEWER, web_path(w, "/org/%lld/evidence", (long long)w->org),
				   (const char *[]){"cornerstone", "4", "groups", "parent-carers",
						"from", "2024-06-01", NULL});
	assert_non_null(strstr(web_body(r), "value=\"4\" selected"));
	assert_non_null(strstr(web_body(r), "value=\"parent-carers\" checked"));
	assert_non_null(strstr(web_body(r), "value=\"2024-06-01\""));
	assert_non_null(strstr(web_body(r), "1 item match"));
	request_destroy(r);
}

/* The library's reads: the checks (the session and the memberships, one
 * round trip on PostgreSQL), then the frame's counts, the organisation and
 * the items with their links counted, together. The evaluations are read
 * only for the cornerstone and indicator filters and the organisation's
 * links only for the cornerstone's; the indicator is checked against the
 * evaluations before the items are read. Before: 7 statements in 4 round
 * trips, filtered or not. */
static void library_reads_are_few(void **state)
{
	webfix *w = *state;
	make_items(w);
	const char *const *queries[] = {
		NULL, (const char *[]){"cornerstone", "4", NULL},
		(const char *[]){"indicator", "1iii.a", NULL},
		(const char *[]){"from", "2024-06-01", "groups", "practitioners", NULL}};
	const uint64_t statements[] = {5, 7, 6, 5}, trips[] = {2, 2, 3, 2};
	bool pg = store_engine_is_pg(&w->f.db);
	for (size_t i = 0; i < 4; i++) {
		uint64_t before = store_statements(&w->f.db), trips_before = store_round_trips(&w->f.db);
		request *r = web_get_query(w, AS_VIEWER, web_path(w, "/org/%lld/evidence", (long long)w->org),
					   queries[i]);
		assert_int_equal(r->status, 200);
		request_destroy(r);
		assert_int_equal(store_statements(&w->f.db) - before, statements[i]);
		assert_int_equal(store_round_trips(&w->f.db) - trips_before, pg ? trips[i] : statements[i]);
	}
}

static void bad_filters_are_explained(void **state)
{
	webfix *w = *state;
	make_items(w);
	const char *lib = web_path(w, "/org/%lld/evidence", (long long)w->org);
	const char *const *bad[] = {
		(const char *[]){"from", "2024-13-01", NULL},
		(const char *[]){"to", "yesterday", NULL},
		(const char *[]){"from", "2024-12-01", "to", "2024-01-01", NULL},
		(const char *[]){"cornerstone", "9", NULL},
		(const char *[]){"indicator", "9z.a", NULL},
		(const char *[]){"indicator", "1i.", NULL},
		(const char *[]){"cornerstone", HOSTILE_ATTR, "indicator", HOSTILE_SCRIPT, NULL},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		request *r = web_get_query(w, AS_VIEWER, lib, bad[i]);
		if (r->status != 400)
			fail_msg("filter %s=%s: %d, expected 400", bad[i][0], bad[i][1], r->status);
		assert_non_null(strstr(web_body(r), "There is a problem"));
		assert_non_null(strstr(web_body(r), "govuk-error-message"));
		assert_null(strstr(web_body(r), "Coffee mornings"));
		assert_null(strstr(web_body(r), "<script>alert"));
		assert_null(strstr(web_body(r), "<img src=x"));
		request_destroy(r);
	}
}

static size_t count_of(const char *body, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(body, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* 50 items a page, newest first, with GOV.UK's pagination keeping the
 * filters; a page that does not exist is 404 with a way back. */
static void library_comes_in_pages(void **state)
{
	webfix *w = *state;
	for (int i = 1; i <= 120; i++) {
		char title[40], date[24];
		snprintf(title, sizeof title, "Meeting number %03d", i);
		snprintf(date, sizeof date, "2025-%02d-%02d", 1 + (i - 1) / 28, 1 + (i - 1) % 28);
		add_item(w, w->org, arena_strdup(&w->f.mem, title), arena_strdup(&w->f.mem, date),
			 GROUP_PARENTS, 0, NULL, 0);
	}
	const char *lib = web_path(w, "/org/%lld/evidence", (long long)w->org);
	request *r = web_get_query(w, AS_VIEWER, lib, NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "120 items"));
	assert_non_null(strstr(body, "Showing 1 to 50 of 120, newest first."));
	assert_int_equal(count_of(body, "Meeting number"), 50);
	assert_non_null(strstr(body, "Meeting number 120"));    /* the newest */
	assert_null(strstr(body, "Meeting number 070"));
	assert_non_null(strstr(body, "aria-label=\"Page 1\" aria-current=\"page\""));
	assert_non_null(strstr(body, "page=2\" rel=\"next\""));
	assert_null(strstr(body, "rel=\"prev\""));
	request_destroy(r);

	r = web_get_query(w, AS_VIEWER, lib, (const char *[]){"groups", "parent-carers", "page", "3", NULL});
	assert_int_equal(r->status, 200);
	body = web_body(r);
	assert_non_null(strstr(body, "Showing 101 to 120 of 120"));
	assert_int_equal(count_of(body, "Meeting number"), 20);
	assert_non_null(strstr(body, "Meeting number 001"));   /* the oldest, last */
	assert_non_null(strstr(body, "groups=parent-carers&amp;page=2\" rel=\"prev\""));
	assert_null(strstr(body, "rel=\"next\""));
	request_destroy(r);

	const char *const bad[] = {"0", "4", "two", "", "-1", "99999999"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		r = web_get_query(w, AS_VIEWER, lib, (const char *[]){"page", bad[i], NULL});
		if (r->status != 404)
			fail_msg("page=%s: %d, expected 404", bad[i], r->status);
		assert_non_null(strstr(web_body(r), "The evidence library has 3 pages."));
		request_destroy(r);
	}
}

static void item_shows_where_it_counts(void **state)
{
	webfix *w = *state;
	items it = make_items(w);
	request *r = web_run(w, AS_VIEWER, "GET",
			     web_path(w, "/org/%lld/evidence/%lld", (long long)w->org, (long long)it.coffee), NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, web_path(w, "href=\"/org/%lld/evaluation/%lld/statement/1iii\"",
					      (long long)w->org, (long long)w->eval)));
	assert_non_null(strstr(body, web_path(w, "href=\"/org/%lld/evaluation/%lld/statement/4i\"",
					      (long long)w->org, (long long)w->eval)));
	assert_non_null(strstr(body, "1iii.a"));
	assert_non_null(strstr(body, "4i.b"));
	assert_non_null(strstr(body, "counts for 2 indicators"));
	assert_non_null(strstr(body, "15 October 2024"));
	assert_non_null(strstr(body, "Parent carers, practitioners"));
	assert_non_null(strstr(body, "<p class=\"govuk-body\">Second line</p>"));
	/* A viewer is not offered the change link. */
	assert_null(strstr(body, "/edit\""));
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "GET",
		    web_path(w, "/org/%lld/evidence/%lld", (long long)w->org, (long long)it.coffee), NULL);
	assert_non_null(strstr(web_body(r), web_path(w, "/org/%lld/evidence/%lld/edit", (long long)w->org,
						     (long long)it.coffee)));
	request_destroy(r);
	/* The library counts the indicators. */
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/evidence", (long long)w->org), NULL);
	assert_non_null(strstr(web_body(r), "Counts for 2 indicators"));
	assert_non_null(strstr(web_body(r), "Counts for 1 indicator<"));
	assert_non_null(strstr(web_body(r), "Not linked to an indicator yet"));
	request_destroy(r);
}

static void edit_with_bad_input_changes_nothing(void **state)
{
	webfix *w = *state;
	items it = make_items(w);
	const char *p = web_path(w, "/org/%lld/evidence/%lld/edit", (long long)w->org, (long long)it.coffee);
	const char *const *bad[] = {
		(const char *[]){"title", "Typed title", WEB_DATE("date", "30", "2", "2024"), NULL},
		(const char *[]){"title", "Typed title", WEB_DATE("date", "1", "1", "2150"), NULL},
		(const char *[]){"title", "Typed title", WEB_DATE("date", "", "", ""), NULL},
		(const char *[]){"title", "", WEB_DATE("date", "15", "10", "2024"), NULL},
		(const char *[]){"title", "Typed title", WEB_DATE("date", "15", "10", "2024"), "url", "javascript:alert(1)", NULL},
		(const char *[]){"title", "Typed\ntitle", WEB_DATE("date", "15", "10", "2024"), NULL},
	};
	/* A date's error sits on the date; the summary links to its first field. */
	const char *field[] = {"date", "date", "date", "title", "url", "title"};
	const char *href[] = {"date-day", "date-day", "date-day", "title", "url", "title"};
	int64_t rows = test_count_rows(&w->f.db);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		request *r = web_run(w, AS_CONTRIBUTOR, "POST", p, bad[i]);
		assert_int_equal(r->status, 400);
		const char *body = web_body(r);
		assert_non_null(strstr(body, "There is a problem"));
		if (!strstr(body, web_path(w, "href=\"#%s\"", href[i])))
			fail_msg("case %zu: no link to %s in %s", i, href[i], strstr(body, "govuk-error-summary__list"));
		assert_non_null(strstr(body, web_path(w, "id=\"%s-error\"", field[i])));
		if (i != 3 && i != 5)
			assert_non_null(strstr(body, "value=\"Typed title\""));
		request_destroy(r);
	}
	evidence_row ev;
	assert_int_equal(evidence_get(&w->f.d, it.coffee, &ev, &w->f.e), 0);
	assert_string_equal(ev.title, "Coffee mornings");
	assert_string_equal(ev.date, "2024-10-15");
	assert_int_equal(test_count_rows(&w->f.db), rows);
}

static void edit_saves_and_logs(void **state)
{
	webfix *w = *state;
	items it = make_items(w);
	const char *p = web_path(w, "/org/%lld/evidence/%lld/edit", (long long)w->org, (long long)it.survey);
	const char *fields[] = {"title", "Pupil voice survey, spring", "description", "Year 5 and 6",
				WEB_DATE("date", "2", "3", "2024"), "url", "https://example.org/survey",
				"groups", "children-and-young-people", "groups", "parent-carers", NULL};
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", p, fields);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/evidence/%lld", (long long)w->org,
						  (long long)it.survey));
	request_destroy(r);
	evidence_row ev;
	assert_int_equal(evidence_get(&w->f.d, it.survey, &ev, &w->f.e), 0);
	assert_string_equal(ev.title, "Pupil voice survey, spring");
	assert_string_equal(ev.description, "Year 5 and 6");
	assert_string_equal(ev.date, "2024-03-02");
	assert_string_equal(ev.url, "https://example.org/survey");
	assert_int_equal(ev.groups, GROUP_CYP | GROUP_PARENTS);
	activity_list log;
	assert_int_equal(store_activity_list(&w->f.db, &w->f.mem, w->org, 0, 10, &log, &w->f.e), 0);
	assert_true(log.n >= 1);
	assert_non_null(strstr(log.items[0].what, "Pupil voice survey, spring"));
	/* The form shows what is saved. */
	r = web_run(w, AS_CONTRIBUTOR, "GET", p, NULL);
	assert_non_null(strstr(web_body(r), "value=\"https://example.org/survey\""));
	assert_non_null(strstr(web_body(r), "value=\"parent-carers\" checked"));
	assert_null(strstr(web_body(r), "value=\"practitioners\" checked"));
	request_destroy(r);
}

static void hostile_text_is_shown_escaped(void **state)
{
	webfix *w = *state;
	items it = make_items(w);
	const char *hostile[] = {HOSTILE_SCRIPT, HOSTILE_ATTR};
	for (int i = 0; i < 2; i++) {
		const char *fields[] = {"title", hostile[i], "description", hostile[i],
					WEB_DATE("date", "15", "10", "2024"), NULL};
		web_expect(w, AS_CONTRIBUTOR, "POST",
			   web_path(w, "/org/%lld/evidence/%lld/edit", (long long)w->org, (long long)it.coffee),
			   fields, 303);
		const char *pages[] = {
			web_path(w, "/org/%lld/evidence", (long long)w->org),
			web_path(w, "/org/%lld/evidence/%lld", (long long)w->org, (long long)it.coffee),
			web_path(w, "/org/%lld/evidence/%lld/edit", (long long)w->org, (long long)it.coffee),
		};
		for (int j = 0; j < 3; j++) {
			request *r = web_run(w, AS_CONTRIBUTOR, "GET", pages[j], NULL);
			assert_int_equal(r->status, 200);
			const char *body = web_body(r);
			assert_null(strstr(body, "<script>alert"));
			assert_null(strstr(body, "<img src=x"));
			assert_non_null(strstr(body, i == 0 ? "&lt;script&gt;alert(1)&lt;/script&gt;"
						    : "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
			request_destroy(r);
		}
	}
}

/* A link that is not http or https (written around the domain's checks)
 * is shown as text, never followed. */
static void only_web_links_are_links(void **state)
{
	webfix *w = *state;
	items it = make_items(w);
	evidence_row ev;
	assert_int_equal(evidence_get(&w->f.d, it.coffee, &ev, &w->f.e), 0);
	ev.url = "javascript:alert(1)";
	assert_int_equal(store_evidence_update(&w->f.db, &ev, &w->f.e), 0);
	const char *p = web_path(w, "/org/%lld/evidence/%lld", (long long)w->org, (long long)it.coffee);
	request *r = web_run(w, AS_VIEWER, "GET", p, NULL);
	assert_int_equal(r->status, 200);
	assert_null(strstr(web_body(r), "href=\"javascript:"));
	assert_non_null(strstr(web_body(r), "javascript:alert(1)"));
	request_destroy(r);
	ev.url = "https://example.org/a?b=1&c=\"2\"";
	assert_int_equal(store_evidence_update(&w->f.db, &ev, &w->f.e), 0);
	r = web_run(w, AS_VIEWER, "GET", p, NULL);
	assert_non_null(strstr(web_body(r), "href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\""));
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(every_route_as_every_role), T(other_organisations_items_are_not_found),
		T(filters_list_exactly_the_matching_items), T(bad_filters_are_explained),
		T(library_comes_in_pages), T(library_reads_are_few),
		T(item_shows_where_it_counts), T(edit_with_bad_input_changes_nothing),
		T(edit_saves_and_logs), T(hostile_text_is_shown_escaped), T(only_web_links_are_links),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
