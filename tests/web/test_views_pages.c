/* test_views_pages.c: a lead's pages of rounds of views: opening a round
 * shows each link once (never stored in clear), with a poster and a letter
 * whose QR code is the link; closing, reopening and replacing a link;
 * results suppressed below the area's threshold for everyone but leads
 * (4 answers shown as "fewer than 5", 5 lifted), "views differ"; reviewing
 * and flagging comments, the agreed view, paper forms and settings. Every
 * bad input is a 4xx page that writes nothing. */
#include "webtest.h"

#include "domain/views.h"

static const user_row lead = {.id = 0, .name = "Lead Tester"};

static const char *open_path(webfix *w)
{
	return web_path(w, "/org/%lld/views", (long long)w->org);
}

/* Opens a round through the page; its id and the parent carers' token. */
static int64_t open_round(webfix *w, const char **token)
{
	const char *ev = web_num(w, w->eval);
	request *r = web_expect_request(w, AS_LEAD, "POST", open_path(w),
					(const char *[]){"evaluation", ev, "elements", "1i", "groups", "parents",
							 "groups", "practitioners", "cap", "2000", NULL}, 200);
	page_has(r, "Your links are ready");
	page_has(r, "Print a poster");
	const char *at = strstr(web_body(r), "http://localhost:8080/v/");
	assert_non_null(at);
	*token = arena_strndup(&w->f.mem, at + strlen("http://localhost:8080/v/"), VIEWS_TOKEN_LEN);
	request_destroy(r);
	int64_t round = fixture_count(&w->f, "SELECT MAX(id) FROM view_round");
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM view_link WHERE token_hash = '%s'", *token);
	assert_int_equal(fixture_count(&w->f, sql), 0);         /* never in clear */
	return round;
}

static const char *round_path(webfix *w, int64_t round, const char *more)
{
	return web_path(w, "/org/%lld/views/%lld%s", (long long)w->org, (long long)round, more);
}

static int64_t link_of(webfix *w, int64_t round, const char *group)
{
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT id FROM view_link WHERE round_id = %lld AND partner_group = '%s'",
		 (long long)round, group);
	return fixture_count(&w->f, sql);
}

static void opening_a_round(void **state)
{
	webfix *w = *state;
	const char *token;
	int64_t round = open_round(w, &token);
	const char *body = web_expect_body(w, AS_VIEWER, "GET", round_path(w, round, ""), NULL, 200);
	body_has(body, "Parent carers");
	assert_null(strstr(body, token));
	body = web_expect_body(w, AS_LEAD, "GET", web_path(w, "/org/%lld/evaluation/%lld", (long long)w->org,
							  (long long)w->eval), NULL, 200);
	body_has(body, web_path(w, "/org/%lld/views/new?evaluation=%lld", (long long)w->org, (long long)w->eval));
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/views/new", (long long)w->org),
		   (const char *[]){NULL}, 400);
	int64_t before = test_count_rows(&w->f.db);
	const char *ev = web_num(w, w->eval);
	const struct { const char *const *fields; const char *says; } bad[] = {
		{(const char *[]){"evaluation", ev, "cap", "2000", NULL}, "Choose at least one group"},
		{(const char *[]){"evaluation", ev, "groups", "parents", "cap", "0", NULL}, "whole number from 1"},
		{(const char *[]){"evaluation", ev, "groups", "parents", "cap", "2000", WEB_DATE("closes_on", "30", "02", "2026"), NULL}, "real date"},
		{(const char *[]){"evaluation", ev, "groups", "parents", "cap", "2000", "wording", "shouty", NULL}, "wording"},
		{(const char *[]){"evaluation", ev, "groups", "parents", "cap", "2000", "elements", "9z", NULL}, "9z"},
		{(const char *[]){"evaluation", ev, "groups", "nobody", "cap", "2000", NULL}, "not a partner group"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		request *r = web_expect_request(w, AS_LEAD, "POST", open_path(w), bad[i].fields, 400);
		page_has(r, bad[i].says);
		page_has(r, "govuk-error-summary");
		request_destroy(r);
	}
	web_expect(w, AS_LEAD, "POST", open_path(w),
		   (const char *[]){"evaluation", web_num(w, w->other_eval), "groups", "parents", "cap", "2000", NULL}, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void posters_and_letters(void **state)
{
	webfix *w = *state;
	const char *token;
	int64_t round = open_round(w, &token);
	int64_t link = link_of(w, round, "parents");
	const char *path = round_path(w, round, web_path(w, "/link/%lld/poster", (long long)link));
	request *r = web_expect_request(w, AS_LEAD, "POST", path, (const char *[]){"token", token, NULL}, 200);
	page_has(r, "<svg class=\"copro-qr\"");
	page_has(r, web_path(w, "http://localhost:8080/v/%s", token));
	page_has(r, "Tell us what you think");
	request_destroy(r);
	const char *letter = round_path(w, round, web_path(w, "/link/%lld/letter", (long long)link));
	web_expect(w, AS_LEAD, "POST", letter, (const char *[]){"token", token, NULL}, 200);
	/* Another link's token, or none, draws nothing. */
	char wrong[VIEWS_TOKEN_LEN + 1];
	memset(wrong, 'A', VIEWS_TOKEN_LEN);
	wrong[VIEWS_TOKEN_LEN] = '\0';
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){"token", wrong, NULL}, 400);
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){NULL}, 400);
	web_expect(w, AS_LEAD, "POST", round_path(w, round, "/link/999999/poster"), (const char *[]){"token", token, NULL}, 404);
}

static void closing_reopening_replacing(void **state)
{
	webfix *w = *state;
	const char *token;
	int64_t round = open_round(w, &token);
	web_expect(w, AS_LEAD, "POST", round_path(w, round, "/close"), NULL, 303);
	web_expect(w, AS_NOBODY, "GET", web_path(w, "/v/%s", token), NULL, 410);
	web_expect(w, AS_LEAD, "POST", round_path(w, round, "/close"), NULL, 409);
	web_expect(w, AS_LEAD, "POST", round_path(w, round, "/reopen"), NULL, 303);
	web_expect(w, AS_NOBODY, "GET", web_path(w, "/v/%s", token), NULL, 200);
	int64_t link = link_of(w, round, "parents");
	request *r = web_expect_request(w, AS_LEAD, "POST", round_path(w, round, web_path(w, "/link/%lld/replace", (long long)link)),
					NULL, 200);
	page_has(r, "no longer works");
	request_destroy(r);
	web_expect(w, AS_NOBODY, "GET", web_path(w, "/v/%s", token), NULL, 404);
}

/* `n` partners of `group` rate 1i `rating` (and write `good`). */
static void answers(webfix *w, int64_t round, const char *group, size_t n, int rating, const char *good)
{
	fixture *f = &w->f;
	for (size_t i = 0; i < n; i++) {
		int64_t link = link_of(w, round, group);
		view_paper_answer a = {.element = "1i", .rating = rating, .good = good};
		int64_t response;
		assert_int_equal(views_paper_add(&f->d, &lead, round, link, &a, 1, &response, &f->e), 0);
	}
}

static void results_suppressed_below_five(void **state)
{
	webfix *w = *state;
	const char *token;
	int64_t round = open_round(w, &token);
	answers(w, round, "parents", 4, 1, NULL);
	answers(w, round, "practitioners", 5, 4, NULL);
	const char *overview = round_path(w, round, "/results");
	const char *results = round_path(w, round, "/results/1i");
	const char *body = web_expect_body(w, AS_VIEWER, "GET", overview, NULL, 200);
	body_has(body, "<li>Parent carers: fewer than 5 answers</li>");
	body_has(body, "<li>Practitioners: 5 answers sent</li>");
	body_has(body, web_path(w, "href=\"%s\">1i: ", results));
	web_expect(w, AS_VIEWER, "GET", round_path(w, round, "/results/9z"), NULL, 404);
	body = web_expect_body(w, AS_VIEWER, "GET", results, NULL, 200);
	body_has(body, "Fewer than 5 answers");
	assert_null(strstr(body, "Views differ"));      /* a suppressed group is not compared */
	body = web_expect_body(w, AS_LEAD, "GET", results, NULL, 200);
	body_has(body, "Parent carers, 1i: Really well: 0, Quite well: 0, Not very well: 0, Not at all: 4");
	/* The CSV is suppressed alike: the viewer's has no figure of 4. */
	request *csv = web_expect_request(w, AS_VIEWER, "GET", round_path(w, round, "/results.csv"), NULL, 200);
	assert_string_equal(csv->content_type, "text/csv; charset=utf-8");
	assert_non_null(csv->download);
	const char *viewer_csv = arena_strdup(&w->f.mem, web_body(csv));
	request_destroy(csv);
	csv = web_expect_request(w, AS_LEAD, "GET", round_path(w, round, "/results.csv"), NULL, 200);
	assert_true(strcmp(viewer_csv, web_body(csv)) != 0);
	request_destroy(csv);
	answers(w, round, "parents", 1, 1, NULL);
	body = web_expect_body(w, AS_VIEWER, "GET", results, NULL, 200);
	assert_null(strstr(body, "Fewer than 5 answers"));
	body_has(body, "role=\"img\"");
	body_has(body, "Views differ");
	/* The statement page shows it too. */
	body = web_expect_body(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/evaluation/%lld/statement/1i",
							    (long long)w->org, (long long)w->eval), NULL, 200);
	body_has(body, "<h2 class=\"govuk-heading-m\" id=\"views\">Partners' views</h2>");
	body_has(body, "Views differ");
	body = web_expect_body(w, AS_LEAD, "GET", round_path(w, round, "/agree/1i"), NULL, 200);
	body_has(body, "side by side");
	body_has(body, "(the staff&#39;s view)");
}

static void comments_and_agreeing(void **state)
{
	webfix *w = *state;
	const char *token;
	int64_t round = open_round(w, &token);
	answers(w, round, "parents", 5, 3, "Lovely welcome");
	const char *results = round_path(w, round, "/results/1i");
	const char *body = web_expect_body(w, AS_LEAD, "GET", results, NULL, 200);
	assert_null(strstr(body, "Lovely welcome"));    /* not reviewed yet */
	body = web_expect_body(w, AS_LEAD, "GET", round_path(w, round, "/comments"), NULL, 200);
	body_has(body, "Lovely welcome");
	int64_t response = fixture_count(&w->f, "SELECT MIN(id) FROM view_response");
	const char *comments = round_path(w, round, "/comments");
	int64_t before = test_count_rows(&w->f.db);
	web_expect(w, AS_LEAD, "POST", comments, (const char *[]){"response", web_num(w, response), "element", "1i", "do", "delete", NULL}, 400);
	web_expect(w, AS_LEAD, "POST", comments, (const char *[]){"response", "x", "element", "1i", "do", "review", NULL}, 400);
	web_expect(w, AS_LEAD, "POST", comments, (const char *[]){"response", "999999", "element", "1i", "do", "review", NULL}, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_expect(w, AS_LEAD, "POST", comments, (const char *[]){"response", web_num(w, response), "element", "1i", "do", "review", NULL}, 303);
	body = web_expect_body(w, AS_VIEWER, "GET", results, NULL, 200);
	body_has(body, "Lovely welcome");
	/* A reviewed comment becomes a "You said" record, to say what was done. */
	request *ys = web_expect_request(w, AS_LEAD, "POST", comments,
					 (const char *[]){"response", web_num(w, response), "element", "1i", "do", "yousaid-good", NULL}, 303);
	body_has(ys->location, "/you-said/");
	request_destroy(ys);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM you_said WHERE said = 'Lovely welcome'"), 1);
	body = web_expect_body(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/you-said", (long long)w->org), NULL, 200);
	body_has(body, round_path(w, round, "/results"));
	web_expect(w, AS_LEAD, "POST", comments, (const char *[]){"response", web_num(w, response), "element", "1i", "do", "flag", NULL}, 303);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_answer WHERE flagged_at IS NOT NULL"), 1);
	const char *agree = round_path(w, round, "/agree/1i");
	before = test_count_rows(&w->f.db);
	web_expect(w, AS_LEAD, "POST", agree, (const char *[]){"agreed", "  ", NULL}, 400);
	web_expect(w, AS_LEAD, "POST", round_path(w, round, "/agree/9z"), (const char *[]){"agreed", "x", NULL}, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_expect(w, AS_LEAD, "POST", agree, (const char *[]){"agreed", "Families feel welcome", "with", "parents", NULL}, 303);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_agreed"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_round WHERE evidence_id IS NOT NULL"), 1);
	body = web_expect_body(w, AS_VIEWER, "GET", results, NULL, 200);
	body_has(body, "Families feel welcome");
}

static void paper_forms(void **state)
{
	webfix *w = *state;
	const char *token;
	int64_t round = open_round(w, &token);
	const char *body = web_expect_body(w, AS_CONTRIBUTOR, "GET", round_path(w, round, "/paper"), NULL, 200);
	body_has(body, "Really well");
	body_has(body, "What could be better?");
	const char *link = web_num(w, link_of(w, round, "parents"));
	const char *add = round_path(w, round, "/paper");
	int64_t before = test_count_rows(&w->f.db);
	web_expect(w, AS_CONTRIBUTOR, "POST", add, (const char *[]){"rating-1", "3", NULL}, 400);
	web_expect(w, AS_CONTRIBUTOR, "POST", add, (const char *[]){"link", link, "rating-1", "7", NULL}, 400);
	web_expect(w, AS_CONTRIBUTOR, "POST", add, (const char *[]){"link", "999999", "rating-1", "3", NULL}, 400);
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_expect(w, AS_CONTRIBUTOR, "POST", add, (const char *[]){"link", link, "rating-1", "3", "good-1", "Kind", NULL}, 303);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_response WHERE from_paper = 1"), 1);
}

static void settings(void **state)
{
	webfix *w = *state;
	const char *path = web_path(w, "/org/%lld/settings", (long long)w->org);
	int64_t before = test_count_rows(&w->f.db);
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){"safeguarding_contact", "Mrs Khan", "retention_months", "200", NULL}, 400);
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){"safeguarding_contact", "Mrs Khan", "retention_months", "", NULL}, 400);
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){"safeguarding_contact", "Mrs Khan, our safeguarding lead", "retention_months", "12", NULL}, 303);
	const char *token;
	open_round(w, &token);
	const char *body = web_expect_body(w, AS_NOBODY, "GET", web_path(w, "/v/%s", token), NULL, 200);
	body_has(body, "tell Mrs Khan, our safeguarding lead.");
	body = web_expect_body(w, AS_NOBODY, "GET", web_path(w, "/v/%s/privacy", token), NULL, 200);
	body_has(body, "after 12 months");
}

static void easy_read_for_one_round(void **state)
{
	webfix *w = *state;
	const char *ev = web_num(w, w->eval);
	request *r = web_expect_request(w, AS_LEAD, "POST", open_path(w),
					(const char *[]){"evaluation", ev, "elements", "1i", "groups", "parents", "cap", "2000",
							 "wording", "easy-read", NULL}, 200);
	const char *at = strstr(web_body(r), "http://localhost:8080/v/");
	const char *token = arena_strndup(&w->f.mem, at + strlen("http://localhost:8080/v/"), VIEWS_TOKEN_LEN);
	request_destroy(r);
	int64_t round = fixture_count(&w->f, "SELECT MAX(id) FROM view_round");
	const char *body = web_expect_body(w, AS_LEAD, "GET", round_path(w, round, ""), NULL, 200);
	body_has(body, "It is copro's, not the source's");
	body = web_expect_body(w, AS_LEAD, "GET", round_path(w, round, "/easy-read"), NULL, 200);
	body_has(body, "copro's easy read:");
	const char *path = round_path(w, round, "/easy-read");
	char *too_long = arena_alloc(&w->f.mem, 1102);
	memset(too_long, 'a', 1101);
	int64_t before = test_count_rows(&w->f.db);
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){"element", "1i", "text-1i", too_long, NULL}, 400);
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){"element", "2i", "text-2i", "Not in this round.", NULL}, 400);
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){"text-1i", "No statement named.", NULL}, 400);
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){"element", "1i", "text-1i", "We say hello to every family.", NULL}, 303);
	body = web_expect_body(w, AS_NOBODY, "GET", web_path(w, "/v/%s", token), NULL, 200);
	body_has(body, "copro-easy-read");
	/* The partner's first question is in the round's own words. */
	request *start = request_create(&w->cfg, "POST", web_path(w, "/v/%s", token));
	start->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &start->mem};
	start->form_cookie = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed";
	request_add_field(start, "csrf", start->form_cookie);
	web_dispatch(start);
	assert_int_equal(start->status, 303);
	const char *cookie = arena_strndup(&w->f.mem, start->answer_set_cookie + strlen(ANSWER_COOKIE "="), VIEWS_TOKEN_LEN);
	request_destroy(start);
	request *q = request_create(&w->cfg, "GET", web_path(w, "/v/%s/q/1", token));
	q->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &q->mem};
	q->answer_cookie = cookie;
	web_dispatch(q);
	assert_int_equal(q->status, 200);
	page_has(q, "We say hello to every family.");
	request_destroy(q);
}

static void the_area_sets_the_smallest_group(void **state)
{
	webfix *w = *state;
	const char *token;
	int64_t round = open_round(w, &token);
	answers(w, round, "parents", 3, 2, NULL);
	const char *results = round_path(w, round, "/results/1i");
	body_has(web_expect_body(w, AS_VIEWER, "GET", results, NULL, 200), "Fewer than 5 answers");
	const char *path = web_path(w, "/area/%lld/settings/views", (long long)fixture_org_area(&w->f, w->org));
	int64_t before = test_count_rows(&w->f.db);
	web_expect(w, AS_AREA, "POST", path, (const char *[]){"min_group", "0", NULL}, 400);
	web_expect(w, AS_AREA, "POST", path, (const char *[]){"min_group", "many", NULL}, 400);
	web_expect(w, AS_LEAD, "POST", path, (const char *[]){"min_group", "3", NULL}, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_expect(w, AS_AREA, "POST", path, (const char *[]){"min_group", "3", NULL}, 303);
	const char *body = web_expect_body(w, AS_VIEWER, "GET", results, NULL, 200);
	assert_null(strstr(body, "Fewer than 5"));
	body_has(body, "Parent carers, 1i: Really well: 0");   /* 3 answers: shown */
	body_has(body, "Fewer than 3 answers");                 /* practitioners: none */
}

/* A threshold of one hides only the groups nobody answered for: "no answers
 * yet", never "fewer than 1 answers". */
static void a_threshold_of_one(void **state)
{
	webfix *w = *state;
	const char *token;
	int64_t round = open_round(w, &token);
	answers(w, round, "parents", 1, 2, NULL);
	const char *path = web_path(w, "/area/%lld/settings/views", (long long)fixture_org_area(&w->f, w->org));
	web_expect(w, AS_AREA, "POST", path, (const char *[]){"min_group", "1", NULL}, 303);
	const char *body = web_expect_body(w, AS_VIEWER, "GET", round_path(w, round, "/results/1i"), NULL, 200);
	body_has(body, "No answers yet");
	body_has(body, "1 answer sent.");
	assert_null(strstr(body, "fewer than 1 answers"));
	assert_null(strstr(body, "Fewer than 1 answers"));
}

/* The form offers only the languages copro has words for; a round made in
 * another (from the command line) says what partners read instead. */
static void languages_without_a_translation(void **state)
{
	webfix *w = *state;
	const char *form = web_path(w, "/org/%lld/views/new", (long long)w->org);
	const char *const query[] = {"evaluation", web_num(w, w->eval), NULL};
	request *r = web_get_query(w, AS_LEAD, form, query);
	assert_int_equal(r->status, 200);
	const char *body = arena_strdup(&w->f.mem, web_body(r));
	request_destroy(r);
	body_has(body, "<select class=\"govuk-select\" id=\"language\" name=\"language\"");
	body_has(body, "<option value=\"en-GB\" selected>English (en-GB)</option>");
	view_round_input in = {.evaluation_id = w->eval, .groups = (view_group[]){{.group = "parents"}},
			       .n_groups = 1, .language = "pl"};
	int64_t round;
	view_new_link *links;
	size_t n;
	assert_int_equal(views_open(&w->f.d, &lead, &in, &round, &links, &n, &w->f.e), 0);
	body = web_expect_body(w, AS_VIEWER, "GET", round_path(w, round, ""), NULL, 200);
	body_has(body, "pl: copro has no translation for it yet, so partners see British English");
	r = web_get_query(w, AS_LEAD, form, query);
	assert_int_equal(r->status, 200);
	assert_null(strstr(web_body(r), "value=\"pl\""));
	request_destroy(r);
}

static void a_contributor_gives_their_own_view(void **state)
{
	webfix *w = *state;
	const char *token;
	int64_t round = open_round(w, &token);
	const char *home = web_path(w, "/org/%lld", (long long)w->org);
	const char *body = web_expect_body(w, AS_CONTRIBUTOR, "GET", home, NULL, 200);
	body_has(body, "What you are asked to do");
	body_has(body, round_path(w, round, "/my-view"));
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", round_path(w, round, "/my-view"), NULL, 200);
	body_has(body, "Give your view");
	body_has(body, "Which group are you answering as");
	body_lacks(body, "Really well");
	const char *link = web_num(w, link_of(w, round, "parents"));
	const char *mine = round_path(w, round, "/my-view");
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", mine, (const char *[]){"step", "0", "go", "next", "link", link, NULL}, 200);
	body_has(body, "Question 1 of 1");
	body_has(body, "Really well");
	body_has(body, "Send my view");
	int64_t before = test_count_rows(&w->f.db);
	web_expect(w, AS_CONTRIBUTOR, "POST", mine, (const char *[]){"link", link, "rating-1", "5", NULL}, 400);
	web_expect(w, AS_CONTRIBUTOR, "POST", mine, (const char *[]){"rating-1", "3", NULL}, 400);
	assert_int_equal(test_count_rows(&w->f.db), before);
	request *r = web_expect_request(w, AS_CONTRIBUTOR, "POST", mine, (const char *[]){"link", link, "rating-1", "3", NULL}, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld?view=sent", (long long)w->org));
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_response WHERE from_paper = 0 AND entered_by IS NOT NULL"), 1);
	/* A closed round takes no more. */
	web_expect(w, AS_LEAD, "POST", round_path(w, round, "/close"), NULL, 303);
	before = test_count_rows(&w->f.db);
	web_expect(w, AS_CONTRIBUTOR, "POST", mine, (const char *[]){"link", link, "rating-1", "3", NULL}, 409);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

/* Typing a paper form in: the group, then a question a page, Continue and
 * Previous keeping every answer typed (carried as hidden fields), a
 * refused page shown again with its own problem, and nothing stored until
 * the last page's button. */
static void paper_form_a_question_a_page(void **state)
{
	webfix *w = *state;
	const char *ev = web_num(w, w->eval);
	web_expect(w, AS_LEAD, "POST", open_path(w),
		   (const char *[]){"evaluation", ev, "elements", "1i", "elements", "1ii", "groups", "parents", "cap", "2000",
				    NULL}, 200);
	int64_t round = fixture_count(&w->f, "SELECT MAX(id) FROM view_round");
	const char *link = web_num(w, link_of(w, round, "parents"));
	const char *add = round_path(w, round, "/paper");
	const char *body = web_expect_body(w, AS_CONTRIBUTOR, "GET", round_path(w, round, "/paper/new"), NULL, 200);
	body_has(body, "Which group is the form from");
	body_lacks(body, "How well they do this");
	int64_t before = test_count_rows(&w->f.db);
	/* No group: the first page again, with its problem. */
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", add, (const char *[]){"step", "0", "go", "next", NULL}, 400);
	body_has(body, "Choose the group the form is from");
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", add, (const char *[]){"step", "0", "go", "next", "link", link, NULL}, 200);
	body_has(body, "Question 1 of 2");
	body_has(body, "Continue");
	body_has(body, ">Previous</button>");
	body_has(body, web_path(w, "<input type=\"hidden\" name=\"link\" value=\"%s\">", link));
	/* A bad answer on question 1 keeps it there. */
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", add,
			       (const char *[]){"step", "1", "go", "next", "link", link, "rating-1", "9", NULL}, 400);
	body_has(body, "Question 1 of 2");
	body_has(body, "Choose one of the answers");
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", add,
			       (const char *[]){"step", "1", "go", "next", "link", link, "rating-1", "3", "good-1",
						"Kind \"staff\"", NULL}, 200);
	body_has(body, "Question 2 of 2");
	body_has(body, "Save this form");
	body_has(body, "<input type=\"hidden\" name=\"good-1\" value=\"Kind &quot;staff&quot;\">");
	body_has(body, "<input type=\"hidden\" name=\"rating-1\" value=\"3\">");
	/* Previous from question 2: question 1 as typed, question 2's words carried. */
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", add,
			       (const char *[]){"step", "2", "go", "previous", "link", link, "rating-1", "3", "good-1",
						"Kind", "better-2", "More trips", NULL}, 200);
	body_has(body, "Question 1 of 2");
	body_has(body, ">Kind</textarea>");
	body_has(body, "<input type=\"hidden\" name=\"better-2\" value=\"More trips\">");
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_expect(w, AS_CONTRIBUTOR, "POST", add,
		   (const char *[]){"step", "2", "go", "save", "link", link, "rating-1", "3", "good-1", "Kind", "better-2",
				    "More trips", NULL}, 303);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_response WHERE from_paper = 1"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM view_answer WHERE better = 'More trips'"), 1);
}

/* The easy-read wording a cornerstone to a page: the first holds only its
 * own statements and links to the next; saving returns to the part of the
 * statement saved; a refused wording is shown on its own part. */
static void easy_read_a_cornerstone_a_page(void **state)
{
	webfix *w = *state;
	const char *ev = web_num(w, w->eval);
	web_expect(w, AS_LEAD, "POST", open_path(w),
		   (const char *[]){"evaluation", ev, "elements", "1i", "elements", "2i", "groups", "parents", "cap", "2000",
				    "wording", "easy-read", NULL}, 200);
	int64_t round = fixture_count(&w->f, "SELECT MAX(id) FROM view_round");
	const char *path = round_path(w, round, "/easy-read");
	const char *body = web_expect_body(w, AS_LEAD, "GET", path, NULL, 200);
	body_has(body, "Part 1 of 2");
	body_has(body, "id=\"statement-1i\"");
	body_lacks(body, "id=\"statement-2i\"");
	body_has(body, web_path(w, "href=\"%s?part=2\" rel=\"next\"", path));
	request *r = web_get_query(w, AS_LEAD, path, (const char *[]){"part", "2", NULL});
	assert_int_equal(r->status, 200);
	page_has(r, "Part 2 of 2");
	page_has(r, "id=\"statement-2i\"");
	page_lacks(r, "id=\"statement-1i\"");
	page_has(r, web_path(w, "href=\"%s?part=1\" rel=\"prev\"", path));
	request_destroy(r);
	char *too_long = arena_alloc(&w->f.mem, 1102);
	memset(too_long, 'a', 1101);
	body = web_expect_body(w, AS_LEAD, "POST", path, (const char *[]){"element", "2i", "text-2i", too_long, NULL}, 400);
	body_has(body, "Part 2 of 2");
	body_lacks(body, "id=\"statement-1i\"");
	r = web_expect_request(w, AS_LEAD, "POST", path,
			       (const char *[]){"element", "2i", "text-2i", "We listen to every child.", NULL}, 303);
	assert_string_equal(r->location, web_path(w, "%s?part=2&saved=1#statement-2i", path));
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(opening_a_round), T(posters_and_letters), T(closing_reopening_replacing),
		T(results_suppressed_below_five), T(comments_and_agreeing), T(paper_forms), T(paper_form_a_question_a_page), T(easy_read_a_cornerstone_a_page), T(settings),
		T(easy_read_for_one_round), T(a_contributor_gives_their_own_view),
		T(the_area_sets_the_smallest_group), T(a_threshold_of_one), T(languages_without_a_translation),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
