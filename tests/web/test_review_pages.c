/* test_review_pages.c: plan, do, review on the web: reviewing an action,
 * "You said, we did" and its notice (published records only), the actions
 * list's filters, starting the next cycle (leads only), re-confirming
 * carried evidence, and the comparison page (chart and table agree). */
#include "webtest.h"

#include "domain/review.h"
#include "store/review.h"

static int run_status(webfix *w, int who, const char *method, const char *p,
		      const char *const *fields)
{
	request *r = web_run(w, who, method, p, fields);
	int st = r->status;
	request_destroy(r);
	return st;
}

static int64_t add_action(webfix *w, int64_t org, const char *title, const char *due)
{
	action_row a = {.organisation_id = org, .title = title, .due_on = due};
	int64_t id;
	assert_int_equal(action_add(&w->f.d, &a, &id, &w->f.e), 0);
	return id;
}

static int64_t add_evidence(webfix *w, int64_t org, int64_t eval, const char *title,
			    const char *const *refs, size_t n)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = "2026-05-01",
			   .groups = GROUP_PARENTS};
	int64_t id;
	size_t changed;
	assert_int_equal(evidence_add(&w->f.d, &ev, &id, &w->f.e), 0);
	assert_int_equal(evidence_link(&w->f.d, id, eval, refs, n, false, &changed, &w->f.e), 0);
	return id;
}

/* ---- reviewing an action ---------------------------------------------- */

static void review_an_action(void **state)
{
	webfix *w = *state;
	const char *refs[] = {"1i.a"};
	int64_t ev = add_evidence(w, w->org, w->eval, "Breakfast sign-in sheet", refs, 1);
	int64_t their_ev = add_evidence(w, w->other_org, w->other_eval, "Their sheet", refs, 1);
	int64_t action = add_action(w, w->org, "Run a dads' breakfast", "2099-01-01");
	int64_t theirs = add_action(w, w->other_org, "Their action", NULL);
	const char *p = web_path(w, "/org/%lld/actions/%lld/review", (long long)w->org, (long long)action);

	request *r = web_run(w, AS_CONTRIBUTOR, "GET", p, NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "This action has not been reviewed yet"));
	assert_non_null(strstr(web_body(r), "Breakfast sign-in sheet"));
	assert_null(strstr(web_body(r), "Their sheet"));
	/* No status is chosen for the user. */
	assert_null(strstr(web_body(r), "checked"));
	request_destroy(r);
	assert_int_equal(run_status(w, AS_VIEWER, "GET", p, NULL), 403);
	assert_int_equal(run_status(w, AS_CONTRIBUTOR, "GET",
				    web_path(w, "/org/%lld/actions/%lld/review", (long long)w->org, (long long)theirs), NULL), 404);

	/* Refusals show the problem by its field and change nothing. */
	int64_t before = test_count_rows(&w->f.db);
	struct {
		const char *const *fields;
		const char *field;
		int status;
	} bad[] = {
		{(const char *[]){WEB_DATE("reviewed_on", "10", "1", "2026"), "what_happened", "", NULL}, "what_happened", 400},
		{(const char *[]){WEB_DATE("reviewed_on", "31", "12", "2099"), "what_happened", "Typed", NULL}, "reviewed_on-day", 400},
		{(const char *[]){WEB_DATE("reviewed_on", "10/01/2026", "", ""), "what_happened", "Typed", NULL}, "reviewed_on-month", 400},
		{(const char *[]){"what_happened", "Typed", NULL}, "reviewed_on-day", 400},
		{(const char *[]){WEB_DATE("reviewed_on", "10", "1", "2026"), "what_happened", "Typed", "evidence", web_num(w, their_ev), NULL}, "evidence", 400},
		{(const char *[]){WEB_DATE("reviewed_on", "10", "1", "2026"), "what_happened", "Typed", "status", "finished", NULL}, "status", 400},
		{(const char *[]){WEB_DATE("reviewed_on", "10", "1", "2026"), "what_happened", "Typed", WEB_DATE("next_review", "30", "2", "2027"), NULL}, "next_review-day", 400},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		r = web_run(w, AS_CONTRIBUTOR, "POST", p, bad[i].fields);
		if (r->status != bad[i].status)
			fail_msg("case %zu: %d", i, r->status);
		assert_non_null(strstr(web_body(r), "There is a problem"));
		assert_non_null(strstr(web_body(r), web_path(w, "href=\"#%s\"", bad[i].field)));
		request_destroy(r);
	}
	assert_int_equal(test_count_rows(&w->f.db), before);

	const char *fields[] = {WEB_DATE("reviewed_on", "10", "1", "2026"), "what_happened", "Fourteen dads came",
				"with", "parent-carers", "evidence", web_num(w, ev),
				WEB_DATE("next_review", "1", "2", "2099"), "status", "in-progress", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", p, fields);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "%s?saved=1", p));
	request_destroy(r);
	action_row a;
	assert_int_equal(action_get(&w->f.d, action, &a, &w->f.e), 0);
	assert_string_equal(a.status, "in-progress");
	assert_string_equal(a.review_on, "2099-02-01");

	/* The review shows on the action list and on the review page. */
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/actions", (long long)w->org), NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "Fourteen dads came"));
	assert_non_null(strstr(body, "10 January 2026"));
	assert_non_null(strstr(body, web_path(w, "href=\"/org/%lld/evidence/%lld\">Breakfast sign-in sheet", (long long)w->org, (long long)ev)));
	/* A viewer is not offered the review form. */
	assert_null(strstr(body, "/review\""));
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "GET", p, NULL);
	assert_non_null(strstr(web_body(r), "Review on 10 January 2026"));
	assert_non_null(strstr(web_body(r), "Parent carers"));
	request_destroy(r);
	/* Another organisation's action cannot be reviewed. */
	before = test_count_rows(&w->f.db);
	assert_int_equal(run_status(w, AS_LEAD, "POST",
				    web_path(w, "/org/%lld/actions/%lld/review", (long long)w->org, (long long)theirs), fields), 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void actions_list_filters_and_this_month(void **state)
{
	webfix *w = *state;
	setenv("COPRO_NOW", "2026-11-15T10:00:00Z", 1);
	add_action(w, w->org, "Later on", "2027-03-01");
	add_action(w, w->org, "Due this month", "2026-11-28");
	add_action(w, w->org, "Already late", "2026-11-01");
	action_row a = {.organisation_id = w->org, .title = "From the statement", .due_on = "2027-01-01",
			.source_evaluation_id = w->eval, .source_element_key = "1iii"};
	int64_t id;
	assert_int_equal(action_add(&w->f.d, &a, &id, &w->f.e), 0);
	const char *p = web_path(w, "/org/%lld/actions", (long long)w->org);
	request *r = web_run(w, AS_VIEWER, "GET", p, NULL);
	const char *body = web_body(r);
	const char *late = strstr(body, "Already late"), *month = strstr(body, "Due this month</h3>");
	const char *later = strstr(body, "Later on"), *from = strstr(body, "From the statement");
	assert_non_null(late);
	assert_non_null(month);
	assert_true(late < month && month < from && from < later);
	assert_non_null(strstr(body, ">Due this month</strong>"));
	assert_non_null(strstr(body, "1 action is due this month"));
	request_destroy(r);

	r = web_get_query(w, AS_VIEWER, p, (const char *[]){"source", "statement", NULL});
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "From the statement"));
	assert_null(strstr(web_body(r), "Already late"));
	assert_non_null(strstr(web_body(r), "1 of 4 actions"));
	assert_non_null(strstr(web_body(r), "<option value=\"statement\" selected>"));
	request_destroy(r);
	r = web_get_query(w, AS_VIEWER, p, (const char *[]){"status", "done", NULL});
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "No actions match"));
	request_destroy(r);
	r = web_get_query(w, AS_VIEWER, p, (const char *[]){"source", "<script>", NULL});
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#source\""));
	assert_null(strstr(web_body(r), "<script>"));
	request_destroy(r);
	unsetenv("COPRO_NOW");
}

/* ---- "You said, we did" ----------------------------------------------- */

static void you_said_and_the_notice(void **state)
{
	webfix *w = *state;
	int64_t action = add_action(w, w->org, "Rewrite the letters", NULL);
	const char *list = web_path(w, "/org/%lld/you-said", (long long)w->org);
	const char *published[] = {"said", "Letters home are hard to follow", WEB_DATE("said_on", "01", "10", "2026"),
				   "with", "parent-carers", "did", "We rewrote them with the forum",
				   WEB_DATE("did_on", "01", "12", "2026"), "action", web_num(w, action), "published", "yes", NULL};
	const char *draft[] = {"said", "The hall is too noisy", WEB_DATE("said_on", "05", "10", "2026"),
			       "with", "children-and-young-people", NULL};
	assert_int_equal(run_status(w, AS_VIEWER, "POST", list, draft), 403);
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", list, published);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	assert_int_equal(run_status(w, AS_CONTRIBUTOR, "POST", list, draft), 303);

	/* Publishing needs what was done; a bad date is refused; nothing saved. */
	int64_t before = test_count_rows(&w->f.db);
	const char *no_did[] = {"said", "Typed words", WEB_DATE("said_on", "05", "10", "2026"), "published", "yes", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", list, no_did);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#did\""));
	assert_non_null(strstr(web_body(r), "Typed words"));
	request_destroy(r);
	const char *bad_dates[] = {"said", "Typed", WEB_DATE("said_on", "05", "10", "2026"), "did", "Done",
				   WEB_DATE("did_on", "01", "09", "2026"), NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", list, bad_dates);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#did_on-day\""));
	request_destroy(r);
	const char *no_said[] = {"said", " ", WEB_DATE("said_on", "", "", ""), NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", list, no_said);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#said\""));
	assert_non_null(strstr(web_body(r), "href=\"#said_on-day\""));
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);

	r = web_run(w, AS_VIEWER, "GET", list, NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "Letters home are hard to follow"));
	assert_non_null(strstr(body, "The hall is too noisy"));
	assert_non_null(strstr(body, ">Published</strong>"));
	assert_non_null(strstr(body, ">Not published</strong>"));
	assert_non_null(strstr(body, "Rewrite the letters"));
	assert_non_null(strstr(body, "(1 published record)"));
	/* A viewer adds nothing. */
	assert_null(strstr(body, web_path(w, "action=\"/org/%lld/you-said\"", (long long)w->org)));
	request_destroy(r);

	/* The notice: only the published record, no service navigation. */
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "%s/notice", list), NULL);
	assert_int_equal(r->status, 200);
	body = web_body(r);
	assert_non_null(strstr(body, "Our School"));
	assert_non_null(strstr(body, "Letters home are hard to follow"));
	assert_non_null(strstr(body, "We rewrote them with the forum"));
	assert_null(strstr(body, "The hall is too noisy"));
	assert_null(strstr(body, "govuk-service-navigation"));
	assert_non_null(strstr(body, "govuk-!-display-none-print"));
	assert_non_null(strstr(body, "<main"));
	request_destroy(r);

	/* Publishing the other one by changing it. */
	you_said_list all;
	assert_int_equal(store_you_said_list(&w->f.db, &w->f.mem, w->org, false, &all, &w->f.e), 0);
	assert_int_equal(all.n, 2);
	int64_t noisy = all.items[0].id;   /* newest said_on first */
	assert_string_equal(all.items[0].said, "The hall is too noisy");
	const char *edit = web_path(w, "%s/%lld/edit", list, (long long)noisy);
	r = web_run(w, AS_CONTRIBUTOR, "GET", edit, NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "The hall is too noisy"));
	request_destroy(r);
	const char *publish[] = {"said", "The hall is too noisy", WEB_DATE("said_on", "05", "10", "2026"),
				 "did", "We put up sound panels", "published", "yes", NULL};
	assert_int_equal(run_status(w, AS_CONTRIBUTOR, "POST", edit, publish), 303);
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "%s/notice", list), NULL);
	assert_non_null(strstr(web_body(r), "We put up sound panels"));
	request_destroy(r);

	/* Another organisation's records are not found here, nor shown. */
	you_said_row theirs = {.organisation_id = w->other_org, .said = "Neighbour's secret",
			       .said_on = "2026-10-01", .did = "Done", .published = true};
	int64_t tid;
	assert_int_equal(you_said_add(&w->f.d, &theirs, &tid, &w->f.e), 0);
	const char *their_edit = web_path(w, "%s/%lld/edit", list, (long long)tid);
	assert_int_equal(run_status(w, AS_LEAD, "GET", their_edit, NULL), 404);
	assert_int_equal(run_status(w, AS_LEAD, "POST", their_edit, publish), 404);
	r = web_run(w, AS_LEAD, "GET", web_path(w, "%s/notice", list), NULL);
	assert_null(strstr(web_body(r), "Neighbour's secret"));
	request_destroy(r);
	const char *with_their_action[] = {"said", "x", WEB_DATE("said_on", "05", "10", "2026"), "action",
					   web_num(w, add_action(w, w->other_org, "Theirs", NULL)), NULL};
	before = test_count_rows(&w->f.db);
	r = web_run(w, AS_CONTRIBUTOR, "POST", list, with_their_action);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#action\""));
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

/* ---- the next cycle, confirming, comparing ----------------------------- */

static int64_t new_evaluation(webfix *w, const char *cycle)
{
	evaluation_row ev;
	assert_int_equal(store_evaluation_find(&w->f.db, &w->f.mem, w->org, "four-cornerstones", cycle,
					       &ev, &w->f.e), 1);
	return ev.id;
}

static void next_cycle_by_lead_only(void **state)
{
	webfix *w = *state;
	const char *refs[] = {"1i.a", "1i.b"};
	int64_t ev = add_evidence(w, w->org, w->eval, "Welcome survey", refs, 2);
	const char *overview = web_path(w, "/org/%lld/evaluation/%lld", (long long)w->org, (long long)w->eval);
	const char *p = web_path(w, "%s/next-cycle", overview);
	/* The overview links to the form, which has a page of its own. */
	request *r = web_run(w, AS_LEAD, "GET", overview, NULL);
	assert_non_null(strstr(web_body(r), web_path(w, "href=\"%s\" id=\"next-cycle\" role=\"button\"", p)));
	assert_null(strstr(web_body(r), "Open actions stay open"));
	assert_null(strstr(web_body(r), "/compare\""));
	request_destroy(r);
	r = web_run(w, AS_LEAD, "GET", p, NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "<title>Start the next cycle"));
	assert_non_null(strstr(web_body(r), "Open actions stay open"));
	assert_non_null(strstr(web_body(r), web_path(w, "action=\"%s\"", p)));
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "GET", overview, NULL);
	assert_null(strstr(web_body(r), "next-cycle\""));
	request_destroy(r);
	assert_int_equal(run_status(w, AS_CONTRIBUTOR, "GET", p, NULL), 403);
	assert_int_equal(run_status(w, AS_OTHER_LEAD, "GET", p, NULL), 404);

	int64_t before = test_count_rows(&w->f.db);
	const char *label[] = {"cycle", "2027-28", NULL};
	assert_int_equal(run_status(w, AS_CONTRIBUTOR, "POST", p, label), 403);
	assert_int_equal(run_status(w, AS_VIEWER, "POST", p, label), 403);
	assert_int_equal(run_status(w, AS_OTHER_LEAD, "POST", p, label), 404);
	const char *same[] = {"cycle", "2026-27", NULL};
	r = web_run(w, AS_LEAD, "POST", p, same);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "<title>Error: Start the next cycle"));
	assert_non_null(strstr(web_body(r), "href=\"#cycle\""));
	assert_non_null(strstr(web_body(r), "already has a four-cornerstones evaluation for cycle 2026-27"));
	assert_non_null(strstr(web_body(r), "value=\"2026-27\""));
	request_destroy(r);
	const char *empty[] = {"cycle", "  ", NULL};
	assert_int_equal(run_status(w, AS_LEAD, "POST", p, empty), 400);
	assert_int_equal(test_count_rows(&w->f.db), before);

	r = web_run(w, AS_LEAD, "POST", p, label);
	assert_int_equal(r->status, 303);
	int64_t next = new_evaluation(w, "2027-28");
	assert_string_equal(r->location, web_path(w, "/org/%lld/evaluation/%lld", (long long)w->org, (long long)next));
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/evaluation/%lld", (long long)w->org, (long long)next), NULL);
	assert_non_null(strstr(web_body(r), web_path(w, "href=\"/org/%lld/evaluation/%lld/compare\"", (long long)w->org, (long long)next)));
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", overview, NULL);
	assert_non_null(strstr(web_body(r), "next cycle</a> started from this one"));
	request_destroy(r);

	/* The statement page marks the carried links; a contributor confirms. */
	const char *stmt = web_path(w, "/org/%lld/evaluation/%lld/statement/1i", (long long)w->org, (long long)next);
	r = web_run(w, AS_VIEWER, "GET", stmt, NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "From the earlier cycle, to be re-confirmed"));
	assert_non_null(strstr(web_body(r), "2 links to evidence come from the earlier cycle"));
	assert_null(strstr(web_body(r), "/confirm\""));
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "GET", stmt, NULL);
	assert_non_null(strstr(web_body(r), "/statement/1i/confirm\""));
	request_destroy(r);
	const char *confirm = web_path(w, "%s/confirm", stmt);
	const char *one[] = {"evidence", web_num(w, ev), NULL};
	assert_int_equal(run_status(w, AS_VIEWER, "POST", confirm, one), 403);
	const char *unknown[] = {"evidence", "99999", NULL};
	assert_int_equal(run_status(w, AS_CONTRIBUTOR, "POST", confirm, unknown), 404);
	r = web_run(w, AS_CONTRIBUTOR, "POST", confirm, one);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "%s?saved=confirm", stmt));
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", stmt, NULL);
	assert_null(strstr(web_body(r), "From the earlier cycle, to be re-confirmed"));
	request_destroy(r);
	carried_list carried;
	assert_int_equal(store_carried_links(&w->f.db, &w->f.mem, next, &carried, &w->f.e), 0);
	assert_int_equal(carried.n, 2);
	assert_non_null(carried.items[0].confirmed_at);
	assert_non_null(carried.items[1].confirmed_at);
}

/* The numbers of "N then M" in the chart's title and in the summary
 * table's cells, in order. */
static void chart_and_table_agree(const char *body)
{
	const char *title = strstr(body, "<title id=\"compare-chart-title\">");
	const char *table = strstr(body, "Indicators with evidence, per cornerstone</caption>");
	assert_non_null(title);
	assert_non_null(table);
	const char *p = title;
	for (int s = 0; s < 4; s++) {
		unsigned before, after, b2, of1, a2, of2;
		/* The next "N then M" with numbers on both sides. */
		do {
			p = strstr(p + 1, " then ");
			assert_non_null(p);
		} while (p[6] < '0' || p[6] > '9');
		const char *start = p;
		while (start[-1] >= '0' && start[-1] <= '9')
			start--;
		assert_int_equal(sscanf(start, "%u then %u", &before, &after), 2);
		table = strstr(table, "govuk-table__cell--numeric\">");
		assert_non_null(table);
		assert_int_equal(sscanf(table, "govuk-table__cell--numeric\">%u of %u", &b2, &of1), 2);
		table = strstr(table + 1, "govuk-table__cell--numeric\">");
		assert_int_equal(sscanf(table, "govuk-table__cell--numeric\">%u of %u", &a2, &of2), 2);
		table++;
		assert_int_equal(before, b2);
		assert_int_equal(after, a2);
	}
}

static void compare_page(void **state)
{
	webfix *w = *state;
	const char *first = web_path(w, "/org/%lld/evaluation/%lld/compare", (long long)w->org, (long long)w->eval);
	request *r = web_run(w, AS_VIEWER, "GET", first, NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "did not start from an earlier cycle"));
	request_destroy(r);

	const char *refs[] = {"1i.a"};
	add_evidence(w, w->org, w->eval, "Survey", refs, 1);
	next_cycle_input in = {.evaluation = w->eval, .cycle = "2027-28"};
	next_cycle_result out;
	assert_int_equal(evaluation_next_cycle(&w->f.d, &in, &out, &w->f.e), 0);
	const char *more[] = {"1i.b", "1i.c", "1ii.a", "3i.a"};
	add_evidence(w, w->org, out.evaluation, "Training log", more, 4);
	review_change c = {.status = "complete", .groups = -1};
	assert_int_equal(review_set(&w->f.d, out.evaluation, "1i", &c, &w->f.e), 0);

	const char *p = web_path(w, "/org/%lld/evaluation/%lld/compare", (long long)w->org, (long long)out.evaluation);
	r = web_run(w, AS_VIEWER, "GET", p, NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "role=\"img\""));
	assert_non_null(strstr(body, "Indicators with evidence: 1, then 5: 4 more indicators evidenced."));
	assert_non_null(strstr(body, "Statements complete: 0, then 1: 1 more statement complete."));
	assert_non_null(strstr(body, "1 link to evidence carried forward"));
	assert_non_null(strstr(body, "3 more indicators evidenced"));     /* cornerstone 1 */
	assert_non_null(strstr(body, "Not started, then Complete: now complete"));
	chart_and_table_agree(body);
	request_destroy(r);
	assert_int_equal(run_status(w, AS_OTHER_LEAD, "GET", p, NULL), 404);
	assert_int_equal(run_status(w, AS_LEAD, "GET",
				    web_path(w, "/org/%lld/evaluation/%lld/compare", (long long)w->org, (long long)w->other_eval), NULL), 404);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(review_an_action), T(actions_list_filters_and_this_month), T(you_said_and_the_notice),
		T(next_cycle_by_lead_only), T(compare_page),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
