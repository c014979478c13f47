/* test_area_evaluations.c: the area's self-evaluations page, and the
 * self-evaluation figures on the portfolio and the dashboard: only the
 * area's administrators get in, the figures are each organisation's latest
 * evaluation, another area's organisations never show, a filter not
 * offered is a 400 page, hostile names come back escaped. */
#include "webtest.h"

#define HOSTILE "<script>alert(1)</script>"

static const char *page(webfix *w, const char *more)
{
	return web_path(w, "/area/%lld%s", (long long)fixture_org_area(&w->f, w->org), more);
}

/* Our School: 1i judged with parent carers, evidence with young people for
 * two of 1i's indicators; Neighbour School has started but done nothing. */
static void some_work(webfix *w)
{
	fixture *f = &w->f;
	evidence_row ev = {.organisation_id = w->org, .title = "Coffee morning", .date = "2026-05-01",
			   .groups = GROUP_CYP};
	int64_t id;
	size_t n;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, id, w->eval, (const char *[]){"1i.a", "1i.b"}, 2, false, &n, &f->e), 0);
	review_change c = {.status = "complete", .groups = GROUP_PARENTS};
	assert_int_equal(review_set(&f->d, w->eval, "1i", &c, &f->e), 0);
}

static void only_the_area_administrators_get_in(void **state)
{
	webfix *w = *state;
	const char *ours = page(w, "/self-evaluations");
	for (int who = 0; who < AS_COUNT; who++) {
		request *r = web_run(w, who, "GET", ours, NULL);
		int want = who == AS_AREA ? 200 : who == AS_NOBODY ? 303 : 404;
		if (r->status != want)
			fail_msg("%s as %s: %d, expected %d", ours, as_names[who], r->status, want);
		request_destroy(r);
	}
	request *r = web_run(w, AS_OTHER_AREA, "GET",
			     web_path(w, "/area/%lld/self-evaluations", (long long)fixture_org_area(&w->f, w->far_org)), NULL);
	assert_int_equal(r->status, 200);
	page_lacks(r, "Our School");
	page_has(r, "Far School");
	page_has(r, "No self-evaluation yet");
	request_destroy(r);
}

static void each_organisation_latest_evaluation(void **state)
{
	webfix *w = *state;
	some_work(w);
	request *r = web_run(w, AS_AREA, "GET", page(w, "/self-evaluations"), NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "2 of 2 organisations started a self-evaluation with the Four Cornerstones");
	page_has(r, "0 have submitted one.");
	page_has(r, "<a class=\"govuk-link\" href=\"/org/1\">Our School</a>");
	page_has(r, "1 of 25</td>");                          /* statements judged */
	page_has(r, "<li>1: 2 of 39</li>");
	page_has(r, "<li>4: 0 of 20</li>");
	page_has(r, "Children and young people, parent carers");
	char today[11];
	date_today(today);
	page_has(r, date_in_words(&w->f.mem, today));        /* the last change, in words */
	page_lacks(r, "Far School");
	/* The totals per cornerstone: one of two organisations with each group. */
	page_has(r, "All these self-evaluations, per cornerstone");
	page_has(r, "1 Welcome and Care");
	request_destroy(r);
	/* The portfolio's column and the dashboard's section. */
	r = web_run(w, AS_AREA, "GET", page(w, ""), NULL);
	page_has(r, "2 with a self-evaluation started");
	page_has(r, "1 of 25 statements judged");
	request_destroy(r);
	const char *q[] = {"sector", "education", NULL};
	r = web_get_query(w, AS_AREA, page(w, "/dashboard"), q);
	assert_int_equal(r->status, 200);
	page_has(r, "id=\"self-evaluations\"");
	page_has(r, "2 of 2 organisations started a self-evaluation");
	page_has(r, "/self-evaluations?sector=education&amp;type=\"");
	request_destroy(r);
}

static void filters(void **state)
{
	webfix *w = *state;
	const char *q[] = {"sector", "health", NULL};
	request *r = web_get_query(w, AS_AREA, page(w, "/self-evaluations"), q);
	assert_int_equal(r->status, 200);
	page_has(r, "No organisations match these filters");
	request_destroy(r);
	const char *bad[] = {"sector", HOSTILE, NULL};
	r = web_get_query(w, AS_AREA, page(w, "/self-evaluations"), bad);
	assert_int_equal(r->status, 400);
	page_has(r, "<title>Error: Self-evaluations");
	page_has(r, "Choose a sector from the list");
	page_lacks(r, HOSTILE);
	request_destroy(r);
}

static void hostile_names_are_escaped(void **state)
{
	webfix *w = *state;
	org_row o = {.name = HOSTILE, .sector = "care", .type = "\"><b>", .area = "Test Area"};
	int64_t id;
	assert_int_equal(org_add(&w->f.d, &o, &id, &w->f.e), 0);
	int64_t eval = fixture_evaluation(&w->f, id);
	(void)eval;
	const char *pages[] = {"/self-evaluations", "", "/dashboard"};
	for (size_t i = 0; i < 3; i++) {
		request *r = web_run(w, AS_AREA, "GET", page(w, pages[i]), NULL);
		assert_int_equal(r->status, 200);
		page_lacks(r, HOSTILE);
		page_lacks(r, "\"><b>");
		request_destroy(r);
	}
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)
	const struct CMUnitTest tests[] = {
		T(only_the_area_administrators_get_in), T(each_organisation_latest_evaluation), T(filters),
		T(hostile_names_are_escaped),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
