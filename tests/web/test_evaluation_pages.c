/* test_evaluation_pages.c: the evaluation overview and the statement page,
 * as each role sees them, and their forms: adding and linking evidence,
 * the judgement and the organisation's own indicators. */
#include "store/account.h"
#include "store/sql.h"
#include "webtest.h"

static const char *eval_path(webfix *w, int64_t org, int64_t eval)
{
	return arena_printf(&w->f.mem, "/org/%lld/evaluation/%lld", (long long)org, (long long)eval);
}

static const char *statement_path(webfix *w, const char *key, const char *action)
{
	return arena_printf(&w->f.mem, "/org/%lld/evaluation/%lld/statement/%s%s%s",
			    (long long)w->org, (long long)w->eval, key, action ? "/" : "",
			    action ? action : "");
}

static bool has(request *r, const char *text)
{
	return strstr(web_body(r), text) != NULL;
}

static size_t count(request *r, const char *text)
{
	size_t n = 0;
	for (const char *p = strstr(web_body(r), text); p; p = strstr(p + 1, text))
		n++;
	return n;
}

/* Every id on a page is used once: labels, error links and
 * aria-describedby depend on it. */
static void ids_unique(webfix *w, request *r)
{
	const char *body = web_body(r);
	const char **seen = arena_alloc(&w->f.mem, strlen(body) / 4 * sizeof *seen);
	size_t n = 0;
	for (const char *p = strstr(body, " id=\""); p; p = strstr(p + 1, " id=\"")) {
		const char *start = p + 5, *end = strchr(start, '"');
		assert_non_null(end);
		const char *id = arena_strndup(&w->f.mem, start, (size_t)(end - start));
		for (size_t i = 0; i < n; i++)
			if (!strcmp(seen[i], id))
				fail_msg("id \"%s\" is used twice on %s", id, r->path);
		seen[n++] = id;
	}
}

/* The newest evidence item of an organisation. */
static int64_t last_evidence(webfix *w, int64_t org)
{
	evidence_list list;
	assert_int_equal(store_evidence_list(&w->f.db, &w->f.mem, org, &list, &w->f.e), 0);
	assert_true(list.n > 0);
	return list.items[list.n - 1].id;
}

static bool linked(webfix *w, int64_t evidence, const char *element, const char *indicator)
{
	link_list links;
	assert_int_equal(store_links_of_evidence(&w->f.db, &w->f.mem, evidence, &links, &w->f.e), 0);
	for (size_t i = 0; i < links.n; i++)
		if (links.items[i].evaluation_id == w->eval &&
		    !strcmp(links.items[i].element_key, element) &&
		    !strcmp(links.items[i].indicator_key, indicator))
			return true;
	return false;
}

static int64_t add_evidence(webfix *w, int64_t org, const char *title, const char *const *refs,
			    size_t n, int64_t eval)
{
	evidence_row ev = {.organisation_id = org, .title = title, .description = "",
			   .date = "2026-10-01", .groups = GROUP_PARENTS};
	int64_t id;
	size_t changed;
	assert_int_equal(evidence_add(&w->f.d, &ev, &id, &w->f.e), 0);
	if (n)
		assert_int_equal(evidence_link(&w->f.d, id, eval, refs, n, false, &changed, &w->f.e), 0);
	return id;
}

static void pages_render_for_our_roles(void **state)
{
	webfix *w = *state;
	const int who[] = {AS_VIEWER, AS_CONTRIBUTOR, AS_LEAD, AS_AREA};
	add_evidence(w, w->org, "In the library", NULL, 0, 0);     /* so there is something to link */
	for (size_t i = 0; i < sizeof who / sizeof *who; i++) {
		request *r = web_run(w, who[i], "GET", eval_path(w, w->org, w->eval), NULL);
		assert_int_equal(r->status, 200);
		ids_unique(w, r);
		assert_true(has(r, "Our School"));
		assert_true(has(r, "Four Cornerstones Self-Evaluation Tool"));
		assert_true(has(r, "2026-27"));
		assert_true(has(r, "govuk-breadcrumbs"));
		assert_true(has(r, "Draft"));
		assert_true(has(r, "statement/1i\""));
		assert_true(has(r, "Providing a happy and secure environment or context"));
		request_destroy(r);

		r = web_run(w, who[i], "GET", statement_path(w, "1i", NULL), NULL);
		assert_int_equal(r->status, 200);
		assert_true(has(r, "This means welcoming partners"));
		assert_true(has(r, "Easy read (copro's wording)</span></summary>"
				   "<div class=\"govuk-details__text\"><p class=\"govuk-body\">"
				   "We make this a happy and safe place for you."));
		assert_true(has(r, "1i.a"));
		assert_true(has(r, "aria-current=\"page\""));
		assert_true(has(r, eval_path(w, w->org, w->eval)));     /* breadcrumb back */
		/* Forms by role: viewers read; contributors add and link
		 * evidence; leads also judge and add indicators. */
		ids_unique(w, r);
		bool contribute = who[i] != AS_VIEWER, lead = who[i] == AS_LEAD || who[i] == AS_AREA;
		assert_int_equal(has(r, "/statement/1i/evidence\""), contribute);
		assert_int_equal(has(r, "/statement/1i/link\""), contribute);
		assert_int_equal(has(r, "/statement/1i/review\""), lead);
		assert_int_equal(has(r, "/statement/1i/indicator\""), lead);
		request_destroy(r);
	}
}

/* The overview and a statement page read the evaluation once (the page's
 * lookup in the organisation gives the progress its row): each statement
 * is a round trip on PostgreSQL. The budgets are the counts when the
 * second read went (one more each before), less the frame's counts read
 * in one statement (the unread notifications and overdue actions were
 * two), the access check's read of the organisation's area (now in its
 * memberships' statement) and the two-factor check (read with the
 * session), and the overview's two reads of the evaluation's neighbours
 * (now one). The checks' snapshot is SQLite's alone: on PostgreSQL its
 * BEGIN and COMMIT would be two round trips more, and no transaction is
 * begun. On PostgreSQL the evaluation's progress (its links, judgements
 * and own indicators), the frame's counts, the organisation and the
 * statement page's own lists go to the server together, one round trip:
 * the round trips are the statements less those that went along. The
 * evaluation itself goes with them too (its progress's reads are asked by
 * its id, and its instrument looked up after), and so do the overview's
 * neighbours and its status line, asked by the evaluation's id before
 * its row is known: so the status line is read for this draft never
 * changed, which it was not before (9 statements then), and shown only
 * for an evaluation whose status was changed. On PostgreSQL: one round
 * trip for the checks (the session and the memberships, sent together)
 * and one for the rest (5 and 4 before). The statement page reads its
 * links, their items and the carried-forward marks in one statement (three
 * before), and counts its indicators' evidence from those links rather
 * than from the whole evaluation's (one statement fewer: 12 before). */
enum { OVERVIEW_STATEMENTS = 10, STATEMENT_STATEMENTS = 9 };
enum { OVERVIEW_ROUND_TRIPS = 2, STATEMENT_ROUND_TRIPS = 2 };

static void evaluation_pages_statement_budget(void **state)
{
	webfix *w = *state;
	const char *paths[] = {eval_path(w, w->org, w->eval), statement_path(w, "1i", NULL)};
	const uint64_t budget[] = {OVERVIEW_STATEMENTS, STATEMENT_STATEMENTS};
	const uint64_t trips[] = {OVERVIEW_ROUND_TRIPS, STATEMENT_ROUND_TRIPS};
	bool pg = store_engine_is_pg(&w->f.db);
	for (size_t i = 0; i < 2; i++) {
		uint64_t before = store_statements(&w->f.db), tx_before = store_transactions(&w->f.db);
		uint64_t trips_before = store_round_trips(&w->f.db);
		request *r = web_run(w, AS_LEAD, "GET", paths[i], NULL);
		assert_int_equal(r->status, 200);
		request_destroy(r);
		assert_int_equal(store_statements(&w->f.db) - before, budget[i]);
		assert_int_equal(store_round_trips(&w->f.db) - trips_before, pg ? trips[i] : budget[i]);
		assert_int_equal(store_transactions(&w->f.db) - tx_before, store_engine_is_pg(&w->f.db) ? 0 : 1);
	}
}

static void other_organisations_get_404(void **state)
{
	webfix *w = *state;
	const char *pages[] = {eval_path(w, w->org, w->eval), statement_path(w, "1i", NULL)};
	for (size_t i = 0; i < 2; i++) {
		web_expect(w, AS_OTHER_LEAD, "GET", pages[i], NULL, 404);
		web_expect(w, AS_OTHER_AREA, "GET", pages[i], NULL, 404);
	}
	/* Our organisation's URL with another organisation's evaluation. */
	const char *theirs = eval_path(w, w->org, w->other_eval);
	web_expect(w, AS_LEAD, "GET", theirs, NULL, 404);
	web_expect(w, AS_AREA, "GET", theirs, NULL, 404);
	web_expect(w, AS_LEAD, "GET", arena_printf(&w->f.mem, "%s/statement/1i", theirs), NULL, 404);
	const char *fields[] = {"title", "Sneaky", "date-day", "1", "date-month", "10",
				"date-year", "2026", "indicators", "1i.a", NULL};
	int64_t before = test_count_rows(&w->f.db);
	web_expect(w, AS_LEAD, "POST", arena_printf(&w->f.mem, "%s/statement/1i/evidence", theirs),
		      fields, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
	/* No such evaluation, statement or number. */
	web_expect(w, AS_LEAD, "GET", eval_path(w, w->org, 99999), NULL, 404);
	web_expect(w, AS_LEAD, "GET", arena_printf(&w->f.mem, "/org/%lld/evaluation/abc", (long long)w->org),
		      NULL, 404);
	web_expect(w, AS_LEAD, "GET", statement_path(w, "9z", NULL), NULL, 404);
	/* The other organisation's lead sees their own. */
	web_expect(w, AS_OTHER_LEAD, "GET", eval_path(w, w->other_org, w->other_eval), NULL, 200);
}

static void contributor_adds_and_links_across_cornerstones(void **state)
{
	webfix *w = *state;
	const char *fields[] = {"title", "Parent carer coffee mornings",
				"description", "Monthly, with the Parent Carer Forum.",
				"date-day", "15", "date-month", "10", "date-year", "2026",
				"groups", "parent-carers", "groups", "practitioners",
				"indicators", "1i.a", "indicators", "1i.c", NULL};
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "evidence"), fields);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, arena_printf(&w->f.mem, "%s?saved=evidence",
						      statement_path(w, "1i", NULL)));
	request_destroy(r);
	int64_t id = last_evidence(w, w->org);
	evidence_row ev;
	assert_int_equal(evidence_get(&w->f.d, id, &ev, &w->f.e), 0);
	assert_string_equal(ev.title, "Parent carer coffee mornings");
	assert_string_equal(ev.date, "2026-10-15");
	assert_int_equal(ev.groups, GROUP_PARENTS | GROUP_PRACTITIONERS);
	assert_true(linked(w, id, "1i", "a"));
	assert_true(linked(w, id, "1i", "c"));

	/* The same item, linked from 1i to indicators of two other
	 * cornerstones at once. */
	const char *link[] = {"evidence", arena_printf(&w->f.mem, "%lld", (long long)id),
			      "link_indicators", "1i.b", "other_indicators", "2iii.a, 4i.b", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "link"), link);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	link_list links;
	assert_int_equal(store_links_of_evidence(&w->f.db, &w->f.mem, id, &links, &w->f.e), 0);
	assert_int_equal(links.n, 5);
	assert_true(linked(w, id, "1i", "b"));
	assert_true(linked(w, id, "2iii", "a"));
	assert_true(linked(w, id, "4i", "b"));

	/* The pages show it, with a confirmation after saving. */
	r = request_create(&w->cfg, "GET", statement_path(w, "1i", NULL));
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->session_cookie = w->as[AS_VIEWER].token;
	request_add_query(r, "saved", "evidence");
	web_dispatch(r);
	assert_int_equal(r->status, 200);
	assert_true(has(r, "govuk-notification-banner--success"));
	assert_true(has(r, arena_printf(&w->f.mem, "href=\"/org/%lld/evidence/%lld\"", (long long)w->org, (long long)id)));
	assert_true(has(r, "15 October 2026"));
	assert_true(has(r, "parent carers, practitioners"));
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", statement_path(w, "4i", NULL), NULL);
	assert_true(has(r, "Parent carer coffee mornings"));
	request_destroy(r);

	activity_list log;
	assert_int_equal(store_activity_list(&w->f.db, &w->f.mem, w->org, 0, 10, &log, &w->f.e), 0);
	assert_true(log.n >= 2);
	bool added = false;
	for (size_t i = 0; i < log.n; i++)
		added |= strstr(log.items[i].what, "added evidence") != NULL;
	assert_true(added);
}

static void viewer_cannot_change_anything(void **state)
{
	webfix *w = *state;
	int64_t id = add_evidence(w, w->org, "Already here", NULL, 0, 0);
	int64_t before = test_count_rows(&w->f.db);
	const char *evidence[] = {"title", "Viewer's evidence", "date-day", "1", "date-month", "10",
				  "date-year", "2026", "indicators", "1i.a", NULL};
	const char *link[] = {"evidence", arena_printf(&w->f.mem, "%lld", (long long)id),
			      "link_indicators", "1i.a", NULL};
	const char *review[] = {"strengths", "x", "areas", "y", "status", "complete", NULL};
	const char *own[] = {"indicator_text", "Our own", NULL};
	web_expect(w, AS_VIEWER, "POST", statement_path(w, "1i", "evidence"), evidence, 403);
	web_expect(w, AS_VIEWER, "POST", statement_path(w, "1i", "link"), link, 403);
	web_expect(w, AS_VIEWER, "POST", statement_path(w, "1i", "review"), review, 403);
	web_expect(w, AS_VIEWER, "POST", statement_path(w, "1i", "indicator"), own, 403);
	/* Judgements and indicators are the lead's. */
	web_expect(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "review"), review, 403);
	web_expect(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "indicator"), own, 403);
	/* And another organisation's people cannot post here at all. */
	web_expect(w, AS_OTHER_LEAD, "POST", statement_path(w, "1i", "evidence"), evidence, 404);
	web_expect(w, AS_OTHER_AREA, "POST", statement_path(w, "1i", "review"), review, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void bad_input_is_shown_and_nothing_saved(void **state)
{
	webfix *w = *state;
	int64_t before = test_count_rows(&w->f.db);
	const char *bad_date[] = {"title", "Coffee \"mornings\" & <b>more</b>", "description", "Kept too",
				  "date-day", "31", "date-month", "2", "date-year", "2026",
				  "groups", "parent-carers", "indicators", "1i.b", NULL};
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "evidence"), bad_date);
	assert_int_equal(r->status, 400);
	assert_true(has(r, "There is a problem"));
	assert_true(has(r, "<title>Error: "));
	assert_true(has(r, "href=\"#date-day\""));
	assert_true(has(r, "must be a real date"));
	assert_true(has(r, "value=\"Coffee &quot;mornings&quot; &amp; &lt;b&gt;more&lt;/b&gt;\""));
	assert_false(has(r, "<b>more</b>"));
	assert_true(has(r, "Kept too</textarea>"));
	assert_true(has(r, "name=\"date-day\" type=\"text\" inputmode=\"numeric\" value=\"31\""));
	assert_true(has(r, "value=\"1i.b\" checked"));
	assert_true(has(r, "value=\"parent-carers\" checked"));
	request_destroy(r);

	const char *no_title[] = {"title", "  ", "date-day", "", "date-month", "", "date-year", "", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "evidence"), no_title);
	assert_int_equal(r->status, 400);
	assert_true(has(r, "There is a problem"));
	assert_true(has(r, "Enter a title for the evidence"));
	assert_true(has(r, "Enter the date of the evidence"));
	assert_true(has(r, "Select at least one indicator"));
	assert_true(has(r, "href=\"#title\""));
	request_destroy(r);

	/* Only the field left empty is marked, and the summary links to it. */
	const char *no_month[] = {"title", "Half a date", "date-day", "3", "date-month", " ",
				  "date-year", "2026", "indicators", "1i.a", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "evidence"), no_month);
	assert_int_equal(r->status, 400);
	assert_true(has(r, "The date of the evidence must include a month"));
	assert_true(has(r, "href=\"#date-month\""));
	assert_true(has(r, "govuk-input--error\" id=\"date-month\""));
	assert_true(has(r, "govuk-input--width-2\" id=\"date-day\""));
	assert_true(has(r, "govuk-input--width-4\" id=\"date-year\" name=\"date-year\" type=\"text\" inputmode=\"numeric\" value=\"2026\""));
	request_destroy(r);

	const char *future[] = {"title", "Tomorrow", "date-day", "1", "date-month", "1",
				"date-year", "2150", "indicators", "1i.a", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "evidence"), future);
	assert_int_equal(r->status, 400);
	assert_true(has(r, "today or in the past"));
	request_destroy(r);

	/* An indicator that is not on the page is refused, not guessed. */
	const char *forged[] = {"title", "Forged", "date-day", "1", "date-month", "10",
				"date-year", "2026", "indicators", "9z.a", NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "evidence"), forged, 400);

	/* Linking: nothing chosen, an unknown indicator. */
	int64_t id = add_evidence(w, w->org, "In the library", NULL, 0, 0);
	before = test_count_rows(&w->f.db);
	const char *nothing[] = {"evidence", "", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "link"), nothing);
	assert_int_equal(r->status, 400);
	assert_true(has(r, "Select the evidence to link"));
	request_destroy(r);
	const char *unknown[] = {"evidence", arena_printf(&w->f.mem, "%lld", (long long)id),
				 "link_indicators", "1i.a", "other_indicators", "2iii.a 2iii.zz", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "link"), unknown);
	assert_int_equal(r->status, 400);
	assert_true(has(r, "Statement 2iii has no indicator &quot;zz&quot;"));
	assert_true(has(r, "value=\"2iii.a 2iii.zz\""));
	assert_true(has(r, arena_printf(&w->f.mem, "<option value=\"%lld\" selected>", (long long)id)));
	ids_unique(w, r);
	request_destroy(r);
	const char *none[] = {"evidence", arena_printf(&w->f.mem, "%lld", (long long)id), NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "link"), none);
	assert_int_equal(r->status, 400);
	assert_true(has(r, "Select an indicator of this statement"));
	request_destroy(r);
	assert_false(linked(w, id, "1i", "a"));
	assert_false(linked(w, id, "2iii", "a"));

	/* The judgement needs a status. */
	const char *review[] = {"strengths", "Typed <strengths>", "areas", "", NULL};
	r = web_run(w, AS_LEAD, "POST", statement_path(w, "1i", "review"), review);
	assert_int_equal(r->status, 400);
	assert_true(has(r, "Select the statement&#39;s status"));
	assert_true(has(r, "Typed &lt;strengths&gt;</textarea>"));
	request_destroy(r);
	const char *own[] = {"indicator_text", "", NULL};
	r = web_run(w, AS_LEAD, "POST", statement_path(w, "1i", "indicator"), own);
	assert_int_equal(r->status, 400);
	assert_true(has(r, "Enter your indicator"));
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

/* The statement's four tasks, each a page of its own. */
static const struct {
	const char *task, *heading;
	int who;                        /* the least role that may do it */
	const char *refused[5];         /* a POST it refuses */
	const char *problem;
} tasks[] = {
	{"evidence", "Add new evidence", AS_CONTRIBUTOR, {"title", "  ", NULL}, "Enter a title for the evidence"},
	{"link", "Link evidence you already have", AS_CONTRIBUTOR, {"evidence", "", NULL}, "Select the evidence to link"},
	{"review", "Record the judgement", AS_LEAD, {"strengths", "Kept <b>", NULL}, "Select the statement&#39;s status"},
	{"indicator", "Add your own indicator", AS_LEAD, {"indicator_text", "", NULL}, "Enter your indicator"},
};

/* Each task lives at one address: the form on GET; a refused POST shows
 * the form again at that address (400, "Error: " in the title) and saves
 * nothing, so reopening the address works; the statement links to each
 * task its reader may do. */
static void each_task_is_a_page_at_one_address(void **state)
{
	webfix *w = *state;
	add_evidence(w, w->org, "In the library", NULL, 0, 0);
	for (size_t i = 0; i < sizeof tasks / sizeof *tasks; i++) {
		const char *path = statement_path(w, "1i", tasks[i].task);
		const char *action = arena_printf(&w->f.mem, "<form method=\"post\" action=\"%s\"", path);
		const char *h1 = arena_printf(&w->f.mem, "<h1 class=\"govuk-heading-l\">%s</h1>", tasks[i].heading);
		request *r = web_run(w, tasks[i].who, "GET", path, NULL);
		assert_int_equal(r->status, 200);
		page_has(r, h1);
		page_has(r, action);
		page_has(r, arena_printf(&w->f.mem, "<title>%s - 1i ", tasks[i].heading));
		page_has(r, arena_printf(&w->f.mem, "href=\"%s\" class=\"govuk-back-link\"", statement_path(w, "1i", NULL)));
		ids_unique(w, r);
		request_destroy(r);

		int64_t before = test_count_rows(&w->f.db);
		r = web_run(w, tasks[i].who, "POST", path, tasks[i].refused);
		assert_int_equal(r->status, 400);
		page_has(r, arena_printf(&w->f.mem, "<title>Error: %s - 1i ", tasks[i].heading));
		page_has(r, "There is a problem");
		page_has(r, tasks[i].problem);
		page_has(r, h1);
		page_has(r, action);
		page_lacks(r, "<b>");
		ids_unique(w, r);
		request_destroy(r);
		assert_int_equal(test_count_rows(&w->f.db), before);

		/* Who may not do it is not offered it, and is refused. */
		int less = tasks[i].who == AS_LEAD ? AS_CONTRIBUTOR : AS_VIEWER;
		web_expect(w, less, "GET", path, NULL, 403);
		r = web_run(w, less, "GET", statement_path(w, "1i", NULL), NULL);
		page_lacks(r, arena_printf(&w->f.mem, "href=\"%s\"", path));
		request_destroy(r);
		r = web_run(w, tasks[i].who, "GET", statement_path(w, "1i", NULL), NULL);
		page_has(r, arena_printf(&w->f.mem, "href=\"%s\"", path));
		request_destroy(r);
	}
}

/* An empty indicator offers to add evidence for it: the form opens with
 * that indicator ticked (and only that one). */
static void evidence_for_one_indicator(void **state)
{
	webfix *w = *state;
	const char *path = statement_path(w, "1i", "evidence");
	request *r = web_run(w, AS_CONTRIBUTOR, "GET", statement_path(w, "1i", NULL), NULL);
	page_has(r, arena_printf(&w->f.mem, "href=\"%s?indicator=1i.c\">Add evidence<span class=\"govuk-visually-hidden\"> for 1i.c</span>", path));
	request_destroy(r);
	const char *query[] = {"indicator", "1i.c", NULL};
	r = web_get_query(w, AS_CONTRIBUTOR, path, query);
	assert_int_equal(r->status, 200);
	page_has(r, "value=\"1i.c\" checked");
	assert_int_equal(count(r, " checked"), 1);
	request_destroy(r);
	/* Something that is not one of its indicators ticks nothing. */
	const char *odd[] = {"indicator", "\"><script>", NULL};
	r = web_get_query(w, AS_CONTRIBUTOR, statement_path(w, "1i", "link"), odd);
	assert_int_equal(r->status, 200);
	assert_int_equal(count(r, " checked"), 0);
	page_lacks(r, "<script>");
	request_destroy(r);
}

/* After each task the statement says what was saved, once. */
static void each_task_returns_with_a_banner(void **state)
{
	webfix *w = *state;
	int64_t id = add_evidence(w, w->org, "In the library", NULL, 0, 0);
	const char *evidence[] = {"title", "Coffee mornings", "date-day", "2", "date-month", "10",
				  "date-year", "2026", "indicators", "1i.d", NULL};
	const char *link[] = {"evidence", web_num(w, id), "link_indicators", "1i.e", NULL};
	const char *review[] = {"strengths", "Warm", "areas", "", "status", "in-progress", NULL};
	const char *own[] = {"indicator_text", "Our own", NULL};
	const char *const *bodies[] = {evidence, link, review, own};
	const char *banners[] = {"Evidence added and linked", "Evidence linked", "Judgement saved",
				 "Your indicator was added"};
	for (size_t i = 0; i < sizeof tasks / sizeof *tasks; i++) {
		request *r = web_run(w, tasks[i].who, "POST", statement_path(w, "1i", tasks[i].task), bodies[i]);
		assert_int_equal(r->status, 303);
		assert_string_equal(r->location, arena_printf(&w->f.mem, "%s?saved=%s",
							      statement_path(w, "1i", NULL), tasks[i].task));
		request_destroy(r);
		const char *query[] = {"saved", tasks[i].task, NULL};
		r = web_get_query(w, AS_VIEWER, statement_path(w, "1i", NULL), query);
		assert_int_equal(r->status, 200);
		page_has(r, "govuk-notification-banner--success");
		page_has(r, banners[i]);
		request_destroy(r);
	}
	assert_true(linked(w, last_evidence(w, w->org), "1i", "d"));
	assert_true(linked(w, id, "1i", "e"));
}

/* The item and its links are one change: when linking fails after the
 * item was written, the item goes too. */
static void evidence_and_links_are_all_or_nothing(void **state)
{
	webfix *w = *state;
	test_exec(&w->f.db, SQL_DIALECT(&w->f.db,
		"CREATE TRIGGER test_no_links BEFORE INSERT ON evidence_link"
		" BEGIN SELECT RAISE(ABORT, 'links refused by the test'); END;",
		"CREATE FUNCTION test_no_links() RETURNS trigger LANGUAGE plpgsql AS"
		" $$BEGIN RAISE EXCEPTION 'links refused by the test'; END$$;"
		" CREATE TRIGGER test_no_links BEFORE INSERT ON evidence_link"
		" FOR EACH ROW EXECUTE FUNCTION test_no_links();"));
	int64_t before = test_count_rows(&w->f.db);
	const char *fields[] = {"title", "Half written", "date-day", "1", "date-month", "10",
				"date-year", "2026", "indicators", "1i.a", NULL};
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "evidence"), fields);
	assert_true(r->status >= 400);
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
	evidence_list list;
	assert_int_equal(store_evidence_list(&w->f.db, &w->f.mem, w->org, &list, &w->f.e), 0);
	assert_int_equal(list.n, 0);
	/* On PostgreSQL the database serves the next test (testutil.c). */
	test_exec(&w->f.db, SQL_DIALECT(&w->f.db, "DROP TRIGGER test_no_links",
		"DROP TRIGGER test_no_links ON evidence_link; DROP FUNCTION test_no_links();"));
}

static void titles_are_escaped(void **state)
{
	webfix *w = *state;
	const char *fields[] = {"title", "<script>alert(1)</script>", "date-day", "2",
				"date-month", "10", "date-year", "2026", "indicators", "1i.a", NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "evidence"), fields, 303);
	request *r = web_run(w, AS_VIEWER, "GET", statement_path(w, "1i", NULL), NULL);
	assert_int_equal(r->status, 200);
	assert_true(has(r, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_false(has(r, "<script>alert"));
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "GET", statement_path(w, "2i", "link"), NULL);
	assert_true(has(r, "<option value=\""));       /* in the link page's list */
	assert_false(has(r, "<script>alert"));
	request_destroy(r);
}

static void evidence_of_another_organisation_is_404(void **state)
{
	webfix *w = *state;
	add_evidence(w, w->org, "Our own evidence", NULL, 0, 0);
	int64_t theirs = add_evidence(w, w->other_org, "Their evidence", NULL, 0, 0);
	int64_t before = test_count_rows(&w->f.db);
	const char *fields[] = {"evidence", arena_printf(&w->f.mem, "%lld", (long long)theirs),
				"link_indicators", "1i.a", NULL};
	web_expect(w, AS_LEAD, "POST", statement_path(w, "1i", "link"), fields, 404);
	web_expect(w, AS_AREA, "POST", statement_path(w, "1i", "link"), fields, 404);
	const char *missing[] = {"evidence", "99999", "link_indicators", "1i.a", NULL};
	web_expect(w, AS_LEAD, "POST", statement_path(w, "1i", "link"), missing, 404);
	const char *garbage[] = {"evidence", "12abc", "link_indicators", "1i.a", NULL};
	web_expect(w, AS_LEAD, "POST", statement_path(w, "1i", "link"), garbage, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
	/* Their evidence is not offered in our list either. */
	request *r = web_run(w, AS_LEAD, "GET", statement_path(w, "1i", "link"), NULL);
	assert_int_equal(r->status, 200);
	assert_true(has(r, "Our own evidence"));
	assert_false(has(r, "Their evidence"));
	request_destroy(r);
}

static void lead_records_the_judgement(void **state)
{
	webfix *w = *state;
	const char *fields[] = {"strengths", "Families describe the welcome as warm.\nVisits are valued.",
				"areas", "Ask pupils about quiet spaces.", "status", "complete",
				"took_part", "children-and-young-people", "took_part", "parent-carers", NULL};
	request *r = web_run(w, AS_LEAD, "POST", statement_path(w, "1i", "review"), fields);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	review_row rv;
	assert_int_equal(store_review_get(&w->f.db, &w->f.mem, w->eval, "1i", &rv, &w->f.e), 1);
	assert_string_equal(rv.status, "complete");
	assert_string_equal(rv.areas, "Ask pupils about quiet spaces.");
	assert_int_equal(rv.groups, GROUP_CYP | GROUP_PARENTS);

	r = web_run(w, AS_CONTRIBUTOR, "GET", statement_path(w, "1i", NULL), NULL);
	assert_true(has(r, "<p class=\"govuk-body\">Families describe the welcome as warm.</p>"
			   "<p class=\"govuk-body\">Visits are valued.</p>"));
	assert_true(has(r, "Children and young people, parent carers</dd>"));
	assert_true(has(r, arena_printf(&w->f.mem, "/org/%lld/actions/new?evaluation=%lld&amp;statement=1i",
					(long long)w->org, (long long)w->eval)));
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", eval_path(w, w->org, w->eval), NULL);
	assert_true(has(r, "and 1 is complete"));
	assert_true(has(r, "<strong class=\"govuk-tag govuk-tag--green\">Complete</strong>"));
	request_destroy(r);
	/* The judgement shows once on the statement; the lead's form, on its
	 * own page, shows what is saved. */
	r = web_run(w, AS_LEAD, "GET", statement_path(w, "1i", NULL), NULL);
	assert_true(count(r, "Ask pupils about quiet spaces.") == 1);
	assert_false(has(r, "<textarea"));
	request_destroy(r);
	r = web_run(w, AS_LEAD, "GET", statement_path(w, "1i", "review"), NULL);
	assert_true(has(r, "value=\"complete\" checked"));
	assert_true(has(r, "Ask pupils about quiet spaces.</textarea>"));
	request_destroy(r);
}

/* The judgement's POST is the change made most often: it reads the
 * evaluation once (the lookup in the organisation gives the review its
 * row) and not the review it replaces (the form sets every field), each a
 * round trip on PostgreSQL. The budget counts the whole request, the
 * session's check and the access check included (the access check one
 * statement: the memberships that reach the organisation, its area's
 * included; the two-factor check read with the session); it was 4 more
 * before. */
enum { JUDGEMENT_STATEMENTS = 5 };

static void a_judgement_is_saved_in_few_statements(void **state)
{
	webfix *w = *state;
	const char *fields[] = {"strengths", "Counted", "areas", "", "status", "in-progress", NULL};
	uint64_t before = store_statements(&w->f.db);
	request *r = web_run(w, AS_LEAD, "POST", statement_path(w, "2i", "review"), fields);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	assert_int_equal(store_statements(&w->f.db) - before, JUDGEMENT_STATEMENTS);
	review_row rv;
	assert_int_equal(store_review_get(&w->f.db, &w->f.mem, w->eval, "2i", &rv, &w->f.e), 1);
	assert_string_equal(rv.strengths, "Counted");
	assert_int_equal(rv.groups, 0);
}

static void lead_adds_own_indicator(void **state)
{
	webfix *w = *state;
	const char *fields[] = {"indicator_text", "A named member of staff phones new families", NULL};
	web_expect(w, AS_LEAD, "POST", statement_path(w, "3ii", "indicator"), fields, 303);
	request *r = web_run(w, AS_VIEWER, "GET", statement_path(w, "3ii", NULL), NULL);
	assert_true(has(r, "3ii.own1"));
	assert_true(has(r, "Added by us"));
	assert_true(has(r, "A named member of staff phones new families"));
	request_destroy(r);
	/* Evidence can be linked to it at once. */
	const char *ev[] = {"title", "Phone calls log", "date-day", "3", "date-month", "11",
			    "date-year", "2026", "indicators", "3ii.own1", NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", statement_path(w, "3ii", "evidence"), ev, 303);
	assert_true(linked(w, last_evidence(w, w->org), "3ii", "own1"));
}

static void submitted_evaluation_refuses(void **state)
{
	webfix *w = *state;
	int64_t id = add_evidence(w, w->org, "Before submission", NULL, 0, 0);
	assert_int_equal(evaluation_set_status(&w->f.d, w->eval, "submitted", &w->f.e), 0);
	int64_t before = test_count_rows(&w->f.db);
	const char *evidence[] = {"title", "Late", "date-day", "1", "date-month", "10",
				  "date-year", "2026", "indicators", "1i.a", NULL};
	const char *link[] = {"evidence", arena_printf(&w->f.mem, "%lld", (long long)id),
			      "link_indicators", "1i.a", NULL};
	const char *review[] = {"strengths", "x", "areas", "", "status", "complete", NULL};
	const char *own[] = {"indicator_text", "Late", NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "evidence"), evidence, 409);
	web_expect(w, AS_CONTRIBUTOR, "POST", statement_path(w, "1i", "link"), link, 409);
	web_expect(w, AS_LEAD, "POST", statement_path(w, "1i", "review"), review, 409);
	web_expect(w, AS_LEAD, "POST", statement_path(w, "1i", "indicator"), own, 409);
	assert_int_equal(test_count_rows(&w->f.db), before);
	/* Nor are its task pages offered or opened. */
	web_expect(w, AS_CONTRIBUTOR, "GET", statement_path(w, "1i", "evidence"), NULL, 409);
	web_expect(w, AS_CONTRIBUTOR, "GET", statement_path(w, "1i", "link"), NULL, 409);
	web_expect(w, AS_LEAD, "GET", statement_path(w, "1i", "review"), NULL, 409);
	web_expect(w, AS_LEAD, "GET", statement_path(w, "1i", "indicator"), NULL, 409);
	request *r = web_run(w, AS_LEAD, "GET", statement_path(w, "1i", NULL), NULL);
	assert_int_equal(r->status, 200);
	assert_true(has(r, "has been submitted"));
	assert_false(has(r, "<form method=\"post\" action=\"/org"));
	assert_false(has(r, "/statement/1i/evidence"));
	assert_false(has(r, "/statement/1i/review\""));
	request_destroy(r);
	r = web_run(w, AS_LEAD, "GET", eval_path(w, w->org, w->eval), NULL);
	assert_true(has(r, "Submitted"));
	request_destroy(r);
}

static void chart_and_table_show_the_numbers(void **state)
{
	webfix *w = *state;
	const char *one[] = {"1i.a", "1i.b", "2i.a"};
	const char *two[] = {"1i.a", "1ii.a", "4i.b"};
	add_evidence(w, w->org, "First", one, 3, w->eval);
	add_evidence(w, w->org, "Second", two, 3, w->eval);
	/* 1: 1i.a 1i.b 1ii.a = 3 of 39; 2: 2i.a = 1 of 40; 3: none of 31;
	 * 4: 4i.b = 1 of 20. */
	request *r = web_run(w, AS_VIEWER, "GET", eval_path(w, w->org, w->eval), NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	const char *svg = strstr(body, "<svg");
	assert_non_null(svg);
	const char *svg_end = strstr(svg, "</svg>");
	assert_non_null(svg_end);
	assert_non_null(strstr(svg, "role=\"img\""));
	assert_non_null(strstr(svg, "aria-labelledby=\"progress-chart-title\""));
	assert_non_null(strstr(svg, "<title id=\"progress-chart-title\">Indicators with evidence, per cornerstone: "
				    "1 Welcome and Care, 3 of 39; 2 Value and Include, 1 of 40; "
				    "3 Communicate, 0 of 31; 4 Work in Partnership, 1 of 20</title>"));
	assert_non_null(strstr(svg, "<text class=\"copro-chart__label\" x=\"0\" y=\"18\" fill=\"#0b0c0c\">"
				    "<tspan x=\"0\" dy=\"0\">1 Welcome and Care: 3 of 39</tspan></text>"));
	assert_non_null(strstr(svg, "width=\"7.6%\""));     /* 3/39 */
	assert_non_null(strstr(svg, "width=\"2.5%\""));     /* 1/40 */
	assert_non_null(strstr(svg, "width=\"0.0%\""));     /* 0/31 */
	assert_non_null(strstr(svg, "width=\"5.0%\""));     /* 1/20 */
	const char *table = strstr(svg_end, "<table class=\"govuk-table");
	assert_non_null(table);
	assert_non_null(strstr(table, "1 Welcome and Care</th><td class=\"govuk-table__cell\">3 of 39</td>"
				      "<td class=\"govuk-table__cell\">2 of 7</td>"));
	assert_non_null(strstr(table, "2 Value and Include</th><td class=\"govuk-table__cell\">1 of 40</td>"));
	assert_non_null(strstr(table, "4 Work in Partnership</th><td class=\"govuk-table__cell\">1 of 20</td>"));
	assert_non_null(strstr(table, "All</th><td class=\"govuk-table__cell\">5 of 130</td>"
				      "<td class=\"govuk-table__cell\">4 of 25</td></tr>"));
	assert_non_null(strstr(table, "3 Communicate</th><td class=\"govuk-table__cell\">None recorded</td>"));
	assert_non_null(strstr(table, "4 Work in Partnership</th><td class=\"govuk-table__cell\">Parent carers</td>"));
	/* Each statement with its count and status. */
	assert_non_null(strstr(body, "2 of 9 indicators have evidence"));
	assert_non_null(strstr(body, "Not started</strong>"));
	assert_null(strstr(body, "keeps its original wording"));
	request_destroy(r);
}

/* The instrument file changed after the evaluation started, and the
 * version the evaluation keeps has a gap in its source text. */
static void changed_instrument_and_gaps_are_shown(void **state)
{
	webfix *w = *state;
	evaluation_row ev;
	char *body;
	assert_int_equal(evaluation_get(&w->f.d, w->eval, &ev, &w->f.e), 0);
	assert_int_equal(store_framework_version_get(&w->f.db, &w->f.mem, ev.framework_hash, &body, &w->f.e), 1);
	json_t *doc = json_loads(body, 0, NULL);
	assert_non_null(doc);
	json_t *el = json_array_get(json_object_get(json_array_get(json_object_get(doc, "sections"), 0),
						    "elements"), 0);
	json_object_set_new(el, "gap", json_string("The end of this statement was lost <in> the extraction."));
	json_t *ind = json_array_get(json_object_get(el, "indicators"), 1);
	json_object_set_new(ind, "gap", json_string("A word is illegible."));
	char *changed = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(doc);
	const char *hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	assert_int_equal(store_framework_version_put(&w->f.db, "four-cornerstones", hash, changed,
						     "2026-11-01T00:00:00Z", &w->f.e), 0);
	free(changed);
	test_write(&w->f.db, "UPDATE evaluation SET framework_hash = ? WHERE id = ?",
		   SQL_ARGS(sql_text(hash), sql_int(w->eval)));

	request *r = web_run(w, AS_VIEWER, "GET", eval_path(w, w->org, w->eval), NULL);
	assert_int_equal(r->status, 200);
	assert_true(has(r, "govuk-inset-text"));
	assert_true(has(r, "keeps its original wording"));
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", statement_path(w, "1i", NULL), NULL);
	assert_int_equal(r->status, 200);
	assert_true(has(r, "keeps its original wording"));
	assert_true(has(r, "Part of the source text is missing here.</p>"));
	assert_true(has(r, "<div class=\"govuk-details__text\">The end of this statement was lost &lt;in&gt; the extraction.</div>"));
	assert_true(has(r, "<div class=\"govuk-details__text\">A word is illegible.</div>"));
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

/* The same title and date as an item of the library: a warning with a
 * link to it and nothing saved; "Save anyway" saves; another date does
 * not warn; another organisation's item never does. */
static void the_same_evidence_twice_is_warned_about(void **state)
{
	webfix *w = *state;
	evidence_row mine = {.organisation_id = w->org, .title = "Coffee mornings", .date = "2026-10-15",
			     .groups = GROUP_PARENTS};
	evidence_row theirs = {.organisation_id = w->other_org, .title = "Tea afternoons",
			       .date = "2026-10-15", .groups = GROUP_PARENTS};
	int64_t mine_id, theirs_id;
	assert_int_equal(evidence_add(&w->f.d, &mine, &mine_id, &w->f.e), 0);
	assert_int_equal(evidence_add(&w->f.d, &theirs, &theirs_id, &w->f.e), 0);
	const char *path = statement_path(w, "1i", "evidence");
	const char *again[] = {"title", " coffee MORNINGS ", "description", "Kept", WEB_DATE("date", "15", "10", "2026"),
			       "groups", "parent-carers", "indicators", "1i.a", NULL};
	int64_t before = test_count_rows(&w->f.db);
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", path, again);
	assert_int_equal(r->status, 200);
	page_has(r, "govuk-warning-text");
	page_has(r, "You already have evidence called \u201cCoffee mornings\u201d from 15 October 2026");
	page_has(r, web_path(w, "href=\"/org/%lld/evidence/%lld\"", (long long)w->org, (long long)mine_id));
	page_has(r, web_path(w, "name=\"same\" value=\"%lld\"", (long long)mine_id));
	page_has(r, ">Save anyway</button>");
	page_has(r, "Kept</textarea>");
	page_has(r, "value=\"1i.a\" checked");
	assert_null(strstr(web_body(r), "<title>Error: "));
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);

	/* Save anyway: the second item goes in. */
	const char *anyway[] = {"title", "Coffee mornings", WEB_DATE("date", "15", "10", "2026"),
				"indicators", "1i.a", "same", web_num(w, mine_id), NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", path, anyway, 303);
	assert_true(test_count_rows(&w->f.db) > before);
	/* Another date, or a title only another organisation has: no warning. */
	const char *other_day[] = {"title", "Coffee mornings", WEB_DATE("date", "16", "10", "2026"),
				   "indicators", "1i.a", NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", path, other_day, 303);
	const char *their_title[] = {"title", "Tea afternoons", WEB_DATE("date", "15", "10", "2026"),
				     "indicators", "1i.a", NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", path, their_title, 303);
	/* A "same" of another item does not skip the warning for this one. */
	const char *wrong_same[] = {"title", "Coffee mornings", WEB_DATE("date", "16", "10", "2026"),
				    "indicators", "1i.a", "same", web_num(w, theirs_id), NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", path, wrong_same);
	assert_int_equal(r->status, 200);
	page_has(r, "You already have evidence called");
	request_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(pages_render_for_our_roles), T(evaluation_pages_statement_budget), T(other_organisations_get_404),
		T(contributor_adds_and_links_across_cornerstones), T(viewer_cannot_change_anything),
		T(bad_input_is_shown_and_nothing_saved), T(evidence_and_links_are_all_or_nothing),
		T(titles_are_escaped), T(each_task_is_a_page_at_one_address),
		T(evidence_for_one_indicator), T(each_task_returns_with_a_banner),
		T(evidence_of_another_organisation_is_404), T(lead_records_the_judgement),
		T(a_judgement_is_saved_in_few_statements), T(lead_adds_own_indicator),
		T(submitted_evaluation_refuses),
		T(chart_and_table_show_the_numbers), T(changed_instrument_and_gaps_are_shown),
		T(the_same_evidence_twice_is_warned_about),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
