/* test_search_pages.c: /org/{org}/search: the form, results that say what
 * kind of record each is and link to it, pages of 50, clear refusals of an
 * empty or too long query, and the query and records escaped. */
#include "webtest.h"

#include "domain/search.h"

static int64_t add_item(webfix *w, int64_t org, const char *title)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = "2026-10-01",
			   .description = "Parents chose the topics"};
	int64_t id;
	assert_int_equal(evidence_add(&w->f.d, &ev, &id, &w->f.e), 0);
	return id;
}

static request *search(webfix *w, int who, const char *const *query)
{
	return web_get_query(w, who, web_path(w, "/org/%lld/search", (long long)w->org), query);
}

static void form_and_results(void **state)
{
	webfix *w = *state;
	int64_t coffee = add_item(w, w->org, "Coffee mornings <b>with</b> the forum");
	action_row a = {.organisation_id = w->org, .title = "Ask the forum about coffee times",
			.owner = "Office", .status = "open"};
	int64_t aid;
	assert_int_equal(action_add(&w->f.d, &a, &aid, &w->f.e), 0);
	add_item(w, w->other_org, "Coffee mornings next door");

	/* No query: the form alone, labelled, sent by GET. */
	request *r = search(w, AS_VIEWER, NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "<title>Search - ");
	page_has(r, "<label class=\"govuk-label\" for=\"q\">Search for</label>");
	page_has(r, "method=\"get\"");
	page_lacks(r, "result");
	request_destroy(r);

	r = search(w, AS_VIEWER, (const char *[]){"q", "coffee forum", NULL});
	assert_int_equal(r->status, 200);
	page_has(r, "2 results for &lsquo;coffee forum&rsquo;");
	page_has(r, web_path(w, "href=\"/org/%lld/evidence/%lld\">Coffee mornings &lt;b&gt;with&lt;/b&gt; the forum</a>",
			     (long long)w->org, (long long)coffee));
	page_has(r, web_path(w, "href=\"/org/%lld/actions#action-%lld\">Ask the forum", (long long)w->org,
			     (long long)aid));
	page_has(r, "<span class=\"govuk-caption-s govuk-!-display-inline\">Evidence</span>");
	page_has(r, "<span class=\"govuk-caption-s govuk-!-display-inline\">Action</span>");
	page_has(r, "Parents chose the topics");
	page_lacks(r, "next door");
	/* The query is kept in the box. */
	page_has(r, "value=\"coffee forum\"");
	request_destroy(r);

	/* Operators and quotes are words; the query is escaped everywhere. */
	r = search(w, AS_VIEWER, (const char *[]){"q", "\"><script>NEAR(coffee", NULL});
	assert_int_equal(r->status, 200);
	page_lacks(r, "<script>NEAR");
	page_has(r, "&quot;&gt;&lt;script&gt;NEAR(coffee");
	page_has(r, "No results for");
	request_destroy(r);
}

static void refusals(void **state)
{
	webfix *w = *state;
	request *r = search(w, AS_VIEWER, (const char *[]){"q", "  ", NULL});
	assert_int_equal(r->status, 400);
	page_has(r, "<title>Error: Search - ");
	page_has(r, "href=\"#q\"");
	page_has(r, "Enter a word to search for");
	request_destroy(r);

	char long_q[SEARCH_MAX_CHARS + 5];
	memset(long_q, 'x', sizeof long_q - 1);
	long_q[sizeof long_q - 1] = '\0';
	r = search(w, AS_VIEWER, (const char *[]){"q", long_q, NULL});
	assert_int_equal(r->status, 400);
	page_has(r, "Search words must be 200 characters or fewer");
	request_destroy(r);

	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/search?page=x", (long long)w->org), NULL, 404);
	r = search(w, AS_VIEWER, (const char *[]){"q", "coffee", "page", "0", NULL});
	assert_int_equal(r->status, 404);
	request_destroy(r);
}

static void pages_of_fifty(void **state)
{
	webfix *w = *state;
	char title[64];
	for (int i = 0; i < 60; i++) {
		snprintf(title, sizeof title, "Termly survey %02d", i);
		add_item(w, w->org, title);
	}
	request *r = search(w, AS_VIEWER, (const char *[]){"q", "survey", NULL});
	assert_int_equal(r->status, 200);
	page_has(r, "60 results for");
	page_has(r, "Page 1 of 2");
	page_has(r, "<nav class=\"govuk-pagination\" aria-label=\"Pages of search results\">");
	page_has(r, web_path(w, "href=\"/org/%lld/search?q=survey&amp;page=2\"", (long long)w->org));
	size_t n = 0;
	for (const char *p = web_body(r); (p = strstr(p, "Termly survey")); p++)
		n++;
	assert_int_equal(n, 50);
	request_destroy(r);
	r = search(w, AS_VIEWER, (const char *[]){"q", "survey", "page", "2", NULL});
	assert_int_equal(r->status, 200);
	page_has(r, "start=\"51\"");
	page_has(r, "rel=\"prev\"");
	request_destroy(r);
	r = search(w, AS_VIEWER, (const char *[]){"q", "survey", "page", "3", NULL});
	assert_int_equal(r->status, 404);
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(form_and_results), T(refusals), T(pages_of_fifty)};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
