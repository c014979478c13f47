/* test_plan_pages.c: team and service plans on the web: starting one
 * seeded from the latest self-evaluation, strengths shown before areas,
 * an area for development turned into an action, the cornerstone and
 * aspects forms, refusals (400 with the error summary and nothing saved),
 * another organisation's plan (404) and a viewer's posts (403). */
#include "webtest.h"

#include "domain/plan.h"
#include "store/plan.h"

#define STRENGTH "Families say the welcome is warm"
#define AREA "Fathers rarely come to events"

static size_t offset(request *r, const char *text)
{
	const char *at = strstr(web_body(r), text);
	if (!at)
		fail_msg("%s: \"%s\" is not on the page", r->path, text);
	return (size_t)(at - web_body(r));
}

static void seed_review(webfix *w)
{
	review_change c = {.strengths = STRENGTH, .areas = AREA "\nTimes suit only some", .groups = -1};
	assert_int_equal(review_set(&w->f.d, w->eval, "1i", &c, &w->f.e), 0);
	review_change theirs = {.strengths = "Neighbour strength", .areas = "Neighbour area", .groups = -1};
	assert_int_equal(review_set(&w->f.d, w->other_eval, "1i", &theirs, &w->f.e), 0);
}

static int64_t latest_plan(webfix *w, int64_t org)
{
	plan_list l;
	assert_int_equal(store_plan_list(&w->f.db, &w->f.mem, org, &l, &w->f.e), 0);
	assert_true(l.n > 0);
	return l.items[0].id;
}

static int64_t seeded_plan(webfix *w)
{
	seed_review(w);
	int64_t id;
	assert_int_equal(plan_start(&w->f.d, w->org, "SEND team plan", "2026-27", w->eval, &id, &w->f.e), 0);
	return id;
}

static void start_seeded_from_the_latest(void **state)
{
	webfix *w = *state;
	seed_review(w);
	const char *list = web_path(w, "/org/%lld/plans", (long long)w->org);
	request *r = web_run(w, AS_LEAD, "GET", list, NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "Start from our latest self-evaluation (cycle 2026-27)");
	page_has(r, "There are no plans yet.");
	/* The box is never ticked for the person. */
	page_lacks(r, " checked");
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", list, NULL);
	assert_int_equal(r->status, 200);
	page_lacks(r, "Start a plan");
	request_destroy(r);

	const char *eval = web_path(w, "%lld", (long long)w->eval);
	const char *fields[] = {"title", "Early years team", "cycle", "2026-27", "seed", eval, NULL};
	r = web_run(w, AS_LEAD, "POST", list, fields);
	assert_int_equal(r->status, 303);
	int64_t id = latest_plan(w, w->org);
	assert_string_equal(r->location, web_path(w, "/org/%lld/plan/%lld?saved=started", (long long)w->org, (long long)id));
	request_destroy(r);

	plan_full p;
	assert_int_equal(plan_load(&w->f.d, id, &p, &w->f.e), 0);
	assert_int_equal(p.plan.seeded_from, w->eval);
	assert_string_equal(plan_statement(&p, "1i")->strengths, STRENGTH);

	/* The plan: what to do first (its actions), then a line per
	 * cornerstone linking to its page, the aspects in one line, advice. */
	const char *plan = web_path(w, "/org/%lld/plan/%lld", (long long)w->org, (long long)id);
	r = web_run(w, AS_VIEWER, "GET", plan, NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "Self-evaluation, cycle 2026-27");
	page_has(r, web_path(w, "<a class=\"govuk-link\" href=\"%s/cornerstone/1\">Cornerstone 1: Welcome and Care</a>", plan));
	page_has(r, "1 of 7 statements");
	page_has(r, "0 of 9 organisational aspects have a note");
	page_has(r, "<details class=\"govuk-details\">");
	page_has(r, "Invest in building relationships");
	page_lacks(r, STRENGTH);                     /* on the cornerstone's page */
	assert_true(offset(r, "id=\"plan-actions\"") < offset(r, "id=\"cornerstones\""));
	assert_true(offset(r, "id=\"cornerstones\"") < offset(r, "id=\"aspects\""));
	request_destroy(r);
	/* Strengths first: the source asks for an appreciative process. */
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "%s/cornerstone/1", plan), NULL);
	assert_int_equal(r->status, 200);
	assert_true(offset(r, STRENGTH) < offset(r, AREA));
	assert_true(offset(r, AREA) < offset(r, "id=\"questions\""));
	page_lacks(r, "Turn into an action");        /* viewers cannot */
	request_destroy(r);

	r = web_run(w, AS_LEAD, "GET", list, NULL);
	page_has(r, "Early years team");
	page_has(r, "1 of 25");
	request_destroy(r);
}

static void start_refused(void **state)
{
	webfix *w = *state;
	seed_review(w);
	const char *list = web_path(w, "/org/%lld/plans", (long long)w->org);
	int64_t before = test_count_rows(&w->f.db);
	const char *no_title[] = {"title", "  ", "cycle", "2026-27", NULL};
	request *r = web_run(w, AS_LEAD, "POST", list, no_title);
	assert_int_equal(r->status, 400);
	page_has(r, "govuk-error-summary");
	page_has(r, "<a href=\"#title\">Enter a title for the plan</a>");
	request_destroy(r);
	const char *no_cycle[] = {"title", "Plan", NULL};
	r = web_run(w, AS_LEAD, "POST", list, no_cycle);
	assert_int_equal(r->status, 400);
	page_has(r, "href=\"#cycle\"");
	request_destroy(r);
	/* Another organisation's self-evaluation is not ours to start from. */
	const char *theirs[] = {"title", "Plan", "cycle", "2026-27", "seed",
				web_path(w, "%lld", (long long)w->other_eval), NULL};
	r = web_run(w, AS_LEAD, "POST", list, theirs);
	assert_int_equal(r->status, 400);
	page_has(r, "href=\"#seed\"");
	request_destroy(r);
	const char *junk[] = {"title", "Plan", "cycle", "2026-27", "seed", "1x", NULL};
	web_expect(w, AS_LEAD, "POST", list, junk, 400);
	assert_int_equal(test_count_rows(&w->f.db), before);
	/* Only leads start plans. */
	const char *good[] = {"title", "Plan", "cycle", "2026-27", NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", list, good, 403);
	web_expect(w, AS_VIEWER, "POST", list, good, 403);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void area_into_an_action(void **state)
{
	webfix *w = *state;
	int64_t id = seeded_plan(w);
	const char *plan = web_path(w, "/org/%lld/plan/%lld", (long long)w->org, (long long)id);
	const char *cornerstone = web_path(w, "%s/cornerstone/1", plan);
	request *r = web_run(w, AS_CONTRIBUTOR, "GET", cornerstone, NULL);
	page_has(r, "Turn into an action");
	request_destroy(r);

	const char *post = web_path(w, "%s/actions", plan);
	const char *fields[] = {"statement", "1i", "title", "", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", post, fields);
	assert_int_equal(r->status, 303);
	plan_full p;
	assert_int_equal(plan_load(&w->f.d, id, &p, &w->f.e), 0);
	assert_int_equal(p.actions.n, 1);
	int64_t action = p.actions.items[0].id;
	assert_string_equal(p.actions.items[0].title, AREA);
	assert_string_equal(p.actions.items[0].element_key, "1i");
	assert_string_equal(r->location, web_path(w, "%s?saved=action&action=%lld#plan-actions", plan, (long long)action));
	request_destroy(r);

	const char *action_text = web_path(w, "%lld", (long long)action);
	const char *query[] = {"saved", "action", "action", action_text, NULL};
	r = web_get_query(w, AS_CONTRIBUTOR, plan, query);
	assert_int_equal(r->status, 200);
	page_has(r, web_path(w, "Action %lld created: " AREA ".", (long long)action));
	page_has(r, web_path(w, "href=\"/org/%lld/actions/%lld/edit\"", (long long)w->org, (long long)action));
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "GET", cornerstone, NULL);
	page_has(r, web_path(w, "Action %lld: " AREA " (open)", (long long)action));
	request_destroy(r);

	/* Refused: no areas, an unknown statement, a viewer, another
	 * organisation's plan; nothing is written. */
	int64_t before = test_count_rows(&w->f.db);
	const char *no_areas[] = {"statement", "1ii", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", post, no_areas);
	assert_int_equal(r->status, 400);
	page_has(r, "govuk-error-summary");
	page_has(r, "Statement 1ii has no areas for development yet");
	request_destroy(r);
	const char *unknown[] = {"statement", "9z", NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", post, unknown, 400);
	const char *bad_title[] = {"statement", "1i", "title", "Bad\x01title", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", post, bad_title);
	assert_int_equal(r->status, 400);
	page_has(r, "href=\"#title-1i\"");
	page_has(r, "<title>Error: Cornerstone 1");    /* the form's own page */
	page_has(r, STRENGTH);                          /* the saved texts, kept */
	request_destroy(r);
	web_expect(w, AS_VIEWER, "POST", post, fields, 403);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void other_organisation_and_unknown_pages(void **state)
{
	webfix *w = *state;
	int64_t ours = seeded_plan(w), theirs;
	assert_int_equal(plan_start(&w->f.d, w->other_org, "Their plan", "2026-27", w->other_eval, &theirs, &w->f.e), 0);
	const char *other = web_path(w, "/org/%lld/plan/%lld", (long long)w->org, (long long)theirs);
	web_expect(w, AS_LEAD, "GET", other, NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "%s/cornerstone/1", other), NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "%s/aspects", other), NULL, 404);
	int64_t before = test_count_rows(&w->f.db);
	const char *fields[] = {"statement", "1i", NULL};
	web_expect(w, AS_LEAD, "POST", web_path(w, "%s/actions", other), fields, 404);
	const char *note[] = {"aspect-values", "Hijack", NULL};
	web_expect(w, AS_LEAD, "POST", web_path(w, "%s/aspects", other), note, 404);
	const char *text[] = {"strengths-1i", "Hijack", NULL};
	web_expect(w, AS_LEAD, "POST", web_path(w, "%s/cornerstone/1", other), text, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
	/* Their plan is theirs; ours is not theirs to see. */
	web_expect(w, AS_OTHER_LEAD, "GET", web_path(w, "/org/%lld/plan/%lld", (long long)w->other_org, (long long)theirs), NULL, 200);
	web_expect(w, AS_OTHER_LEAD, "GET", web_path(w, "/org/%lld/plan/%lld", (long long)w->org, (long long)ours), NULL, 404);

	const char *plan = web_path(w, "/org/%lld/plan/%lld", (long long)w->org, (long long)ours);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "%s/cornerstone/5", plan), NULL, 404);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "%s/cornerstone/1i", plan), NULL, 404);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/plan/%lld", (long long)w->org, (long long)ours + 99), NULL, 404);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/plan/abc", (long long)w->org), NULL, 404);
}

static void cornerstone_form(void **state)
{
	webfix *w = *state;
	int64_t id = seeded_plan(w);
	const char *page = web_path(w, "/org/%lld/plan/%lld/cornerstone/1", (long long)w->org, (long long)id);
	request *r = web_run(w, AS_CONTRIBUTOR, "GET", page, NULL);
	assert_int_equal(r->status, 200);
	assert_true(offset(r, ">Strengths for 1i<") < offset(r, ">Areas for Development for 1i<"));
	assert_true(offset(r, ">Areas for Development for 1i<") < offset(r, ">Strengths for 1ii<"));
	page_has(r, ">How well you are doing<");
	page_has(r, ">What do you need to do next? (to form the basis of your service plan)<");
	page_has(r, "For each Cornerstone think about:");
	page_has(r, STRENGTH);                  /* the saved text fills the box */
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", page, NULL);
	assert_int_equal(r->status, 200);
	page_lacks(r, "<textarea");
	page_has(r, STRENGTH);
	request_destroy(r);
	/* The statement whose end the source lost shows the gap. */
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/plan/%lld/cornerstone/3", (long long)w->org, (long long)id), NULL);
	page_has(r, "Part of the source text is missing here.");
	page_lacks(r, "[GAP IN SOURCE]");
	request_destroy(r);

	const char *fields[] = {"strengths-1ii", "Pupils lead assemblies", "areas-1ii", "Quieter pupils",
				"question-a", "Well, say families", "areas-1i", "", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", page, fields);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/plan/%lld?saved=cornerstone#cornerstone-1", (long long)w->org, (long long)id));
	request_destroy(r);
	plan_full p;
	assert_int_equal(plan_load(&w->f.d, id, &p, &w->f.e), 0);
	assert_string_equal(plan_statement(&p, "1ii")->strengths, "Pupils lead assemblies");
	assert_string_equal(plan_statement(&p, "1i")->areas, "");
	assert_string_equal(plan_statement(&p, "1i")->strengths, STRENGTH);   /* not sent: kept */
	assert_string_equal(plan_answer(&p, "1", "a"), "Well, say families");

	int64_t before = test_count_rows(&w->f.db);
	char *huge = calloc(TEXT_LONG_MAX + 10, 1);
	memset(huge, 'a', TEXT_LONG_MAX + 5);
	const char *too_long[] = {"strengths-1iii", "Fine", "question-b", huge, NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", page, too_long);
	assert_int_equal(r->status, 400);
	page_has(r, "href=\"#question-b\"");
	page_has(r, ">Fine</textarea>");         /* what was typed is kept */
	request_destroy(r);
	free(huge);
	web_expect(w, AS_VIEWER, "POST", page, fields, 403);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void aspects_form(void **state)
{
	webfix *w = *state;
	int64_t id = seeded_plan(w);
	const char *page = web_path(w, "/org/%lld/plan/%lld/aspects", (long long)w->org, (long long)id);
	request *r = web_run(w, AS_CONTRIBUTOR, "GET", page, NULL);
	assert_int_equal(r->status, 200);
	page_has(r, ">Also consider how the Cornerstones are embedded in recruitment processes<");
	page_has(r, "name=\"aspect-workforce-development\"");
	request_destroy(r);
	const char *fields[] = {"aspect-recruitment", "A parent carer sits on panels", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", page, fields);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/plan/%lld", (long long)w->org, (long long)id), NULL);
	page_has(r, "1 of 9 organisational aspects have a note");
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", page, NULL);
	page_has(r, "A parent carer sits on panels");
	request_destroy(r);
	int64_t before = test_count_rows(&w->f.db);
	web_expect(w, AS_VIEWER, "POST", page, fields, 403);
	const char *bad[] = {"aspect-values", "Bad\x01" "note\x02", NULL};
	/* Control characters other than newlines and tabs are refused. */
	r = web_run(w, AS_CONTRIBUTOR, "POST", page, bad);
	assert_int_equal(r->status, 400);
	page_has(r, "href=\"#aspect-values\"");
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(start_seeded_from_the_latest), T(start_refused), T(area_into_an_action),
		T(other_organisation_and_unknown_pages), T(cornerstone_form), T(aspects_form),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
