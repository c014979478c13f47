/* test_views.c: partner voice: opening rounds (tokens never stored in
 * clear, refusals leave nothing), answering by link, the cap, closing and
 * reopening, suppression (shown at 4 answers, lifted at 5), "views
 * differ" (two steps, not one), comments reviewed and flagged, the agreed
 * view and its evidence item, paper forms, settings and retention. */
#include "testutil.h"

#include "domain/account.h"
#include "domain/audit.h"
#include "domain/views.h"

static const user_row lead = {.id = 0, .name = "Lead Tester"};

/* A round of evaluation `ev` on `elements` (comma list) for `groups`. */
static int64_t open_round(fixture *f, int64_t ev, const char *elements, const char *groups,
			  view_new_link **links)
{
	view_group *g;
	size_t ng, nl;
	assert_int_equal(views_groups_parse(&f->mem, groups, &g, &ng, &f->e), 0);
	const char *keys[8];
	size_t nk = 0;
	char *copy = arena_strdup(&f->mem, elements);
	for (char *k = strtok(copy, ","); k && nk < 8; k = strtok(NULL, ","))
		keys[nk++] = k;
	view_round_input in = {.evaluation_id = ev, .elements = keys, .n_elements = nk,
			       .groups = g, .n_groups = ng};
	int64_t round;
	if (views_open(&f->d, &lead, &in, &round, links, &nl, &f->e) != 0)
		fail_msg("views_open: %s", f->e.msg);
	assert_int_equal(nl, ng);
	return round;
}

/* One partner answers `element` with `rating` through `token` and sends it. */
static int answer(fixture *f, const char *token, const char *element, int rating,
		  const char *good)
{
	view_visit v;
	enum view_link_status st;
	views_token cookie;
	int64_t response;
	assert_int_equal(views_link_open(&f->d, token, &v, &st, &f->e), 0);
	if (st != VIEW_LINK_OPEN)
		return -(int)st - 10;
	if (views_response_start(&f->d, &v, cookie, &response, &f->e) < 0 ||
	    views_answer_save(&f->d, response, element, rating, good, NULL, &f->e) < 0)
		return -1;
	return views_response_submit(&f->d, response, &f->e);
}

static void tokens_are_stored_hashed(void **state)
{
	fixture *f = *state;
	int64_t ev = fixture_evaluation(f, fixture_org(f, "Riverside"));
	view_new_link *links;
	int64_t round = open_round(f, ev, "1", "young-people,parents,other:Governors", &links);
	assert_int_equal(strlen(links[0].token), VIEWS_TOKEN_LEN);
	assert_string_equal(links[2].partner_group, "other");
	assert_string_equal(links[2].group_name, "Governors");
	view_element_list els;
	assert_int_equal(views_elements(&f->d, round, &els, &f->e), 0);
	assert_int_equal(els.n, 7);             /* cornerstone 1's statements */
	for (int i = 0; i < 3; i++) {
		char *sql = arena_printf(&f->mem, "SELECT COUNT(*) FROM view_link WHERE token_hash = '%s'"
					 " OR partner_group = '%s' OR group_name = '%s'",
					 links[i].token, links[i].token, links[i].token);
		assert_int_equal(fixture_count(f, sql), 0);
		char hash[65];
		token_hash(links[i].token, hash);
		sql = arena_printf(&f->mem, "SELECT COUNT(*) FROM view_link WHERE token_hash = '%s'", hash);
		assert_int_equal(fixture_count(f, sql), 1);
	}
	view_visit v;
	enum view_link_status st;
	assert_int_equal(views_link_open(&f->d, links[1].token, &v, &st, &f->e), 0);
	assert_int_equal(st, VIEW_LINK_OPEN);
	assert_string_equal(v.organisation, "Riverside");
	assert_int_equal(views_link_open(&f->d, "not-a-token", &v, &st, &f->e), 0);
	assert_int_equal(st, VIEW_LINK_UNKNOWN);
	/* A replaced link: the old token is dead, the new one works. */
	view_new_link fresh;
	assert_int_equal(views_link_replace(&f->d, &lead, round, links[1].id, &fresh, &f->e), 0);
	assert_int_equal(views_link_open(&f->d, links[1].token, &v, &st, &f->e), 0);
	assert_int_equal(st, VIEW_LINK_UNKNOWN);
	assert_int_equal(views_link_open(&f->d, fresh.token, &v, &st, &f->e), 0);
	assert_int_equal(st, VIEW_LINK_OPEN);
	assert_true(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what LIKE '%round of views%'") >= 2);
}

static void refused_rounds_leave_nothing(void **state)
{
	fixture *f = *state;
	int64_t ev = fixture_evaluation(f, fixture_org(f, "Riverside"));
	view_group parents = {"parents", ""}, bogus = {"aliens", ""}, noname = {"other", ""};
	const char *bad_key[] = {"9x"};
	int64_t before = test_count_rows(&f->db), round;
	view_new_link *links;
	size_t n;
	struct {
		view_round_input in;
		const char *says;
	} cases[] = {
		{{.groups = &parents, .n_groups = 1}, "exactly one"},
		{{.evaluation_id = 999, .groups = &parents, .n_groups = 1}, "no evaluation number 999"},
		{{.evaluation_id = ev, .n_groups = 0}, "at least one partner group"},
		{{.evaluation_id = ev, .groups = &bogus, .n_groups = 1}, "not a partner group"},
		{{.evaluation_id = ev, .groups = &noname, .n_groups = 1}, "group's name"},
		{{.evaluation_id = ev, .elements = bad_key, .n_elements = 1, .groups = &parents,
		  .n_groups = 1}, "\"9x\" is not a"},
		{{.evaluation_id = ev, .wording = "posh", .groups = &parents, .n_groups = 1}, "wording"},
		{{.evaluation_id = ev, .language = "english!", .groups = &parents, .n_groups = 1},
		 "language tag"},
		{{.evaluation_id = ev, .opens_on = "2026-02-30", .groups = &parents, .n_groups = 1},
		 "opening date"},
		{{.evaluation_id = ev, .opens_on = "2026-01-10", .closes_on = "2026-01-09",
		  .groups = &parents, .n_groups = 1}, "before the opening date"},
		{{.evaluation_id = ev, .answer_cap = -3, .groups = &parents, .n_groups = 1}, "cap"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		err_clear(&f->e);
		assert_int_equal(views_open(&f->d, &lead, &cases[i].in, &round, &links, &n, &f->e), -1);
		if (!strstr(f->e.msg, cases[i].says))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, f->e.msg, cases[i].says);
	}
	assert_int_equal(test_count_rows(&f->db), before);
	view_group *g;
	size_t ng;
	assert_int_equal(views_groups_parse(&f->mem, "parents,martians", &g, &ng, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "martians"));
	assert_int_equal(views_groups_parse(&f->mem, "", &g, &ng, &f->e), -1);
}

static void answering_and_bad_answers(void **state)
{
	fixture *f = *state;
	int64_t ev = fixture_evaluation(f, fixture_org(f, "Riverside"));
	view_new_link *links;
	int64_t round = open_round(f, ev, "1i,2iii", "parents", &links);
	view_visit v;
	enum view_link_status st;
	views_token cookie;
	int64_t resp;
	assert_int_equal(views_link_open(&f->d, links[0].token, &v, &st, &f->e), 0);
	assert_int_equal(views_response_start(&f->d, &v, cookie, &resp, &f->e), 0);
	view_response_row found;
	assert_int_equal(views_response_find(&f->d, v.link.id, cookie, &found, &f->e), 1);
	assert_int_equal(found.id, resp);
	assert_int_equal(views_response_find(&f->d, v.link.id + 1, cookie, &found, &f->e), 0);
	assert_int_equal(views_response_submit(&f->d, resp, &f->e), -1);       /* nothing yet */
	int64_t before = test_count_rows(&f->db);
	char *long_text = arena_alloc(&f->mem, 1002);
	memset(long_text, 'a', 1001);
	assert_int_equal(views_answer_save(&f->d, resp, "1i", 5, NULL, NULL, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "not one of this round's answers"));
	assert_int_equal(views_answer_save(&f->d, resp, "3i", 2, NULL, NULL, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "does not ask about"));
	assert_int_equal(views_answer_save(&f->d, resp, "1i", 2, long_text, NULL, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "1001 characters"));
	assert_int_equal(test_count_rows(&f->db), before);
	long_text[1000] = 0;
	assert_int_equal(views_answer_save(&f->d, resp, "1i", 2, long_text, "  ", &f->e), 0);
	assert_int_equal(views_answer_save(&f->d, resp, "2iii", VIEW_NO_RATING, NULL, "More", &f->e), 0);
	view_results res;
	assert_int_equal(views_results(&f->d, round, true, &res, &f->e), 0);
	assert_int_equal(res.responses, 0);     /* a draft does not count */
	assert_int_equal(views_response_submit(&f->d, resp, &f->e), 0);
	assert_int_equal(views_response_submit(&f->d, resp, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "sent already"));
	assert_int_equal(views_answer_save(&f->d, resp, "1i", 3, NULL, NULL, &f->e), -1);
	view_answer_list answers;
	assert_int_equal(views_answers_of_response(&f->d, resp, &answers, &f->e), 0);
	assert_int_equal(answers.n, 2);
	assert_null(answers.items[0].better);   /* blank is none */
	assert_int_equal(answers.items[1].rating, VIEW_NO_RATING);
	assert_int_equal(views_results(&f->d, round, true, &res, &f->e), 0);
	assert_int_equal(res.responses, 1);
	assert_int_equal(res.elements[0].groups[0].counts[2], 1);
}

static void closing_reopening_and_the_cap(void **state)
{
	fixture *f = *state;
	int64_t ev = fixture_evaluation(f, fixture_org(f, "Riverside"));
	view_new_link *links;
	int64_t round = open_round(f, ev, "1i", "parents", &links);
	view_round_change cap = {.answer_cap = 2};
	assert_int_equal(views_change(&f->d, &lead, round, &cap, &f->e), 0);
	assert_int_equal(views_close(&f->d, &lead, round, &f->e), 0);
	assert_int_equal(views_close(&f->d, &lead, round, &f->e), -1);
	assert_int_equal(answer(f, links[0].token, "1i", 3, NULL), -(int)VIEW_LINK_CLOSED - 10);
	assert_int_equal(views_reopen(&f->d, &lead, round, &f->e), 0);
	assert_int_equal(views_reopen(&f->d, &lead, round, &f->e), -1);
	assert_int_equal(answer(f, links[0].token, "1i", 3, NULL), 0);
	/* A draft started before the cap was reached cannot pass it. */
	view_visit v;
	enum view_link_status st;
	views_token cookie;
	int64_t late;
	assert_int_equal(views_link_open(&f->d, links[0].token, &v, &st, &f->e), 0);
	assert_int_equal(views_response_start(&f->d, &v, cookie, &late, &f->e), 0);
	assert_int_equal(views_answer_save(&f->d, late, "1i", 1, NULL, NULL, &f->e), 0);
	assert_int_equal(answer(f, links[0].token, "1i", 4, NULL), 0);
	assert_int_equal(answer(f, links[0].token, "1i", 4, NULL), -(int)VIEW_LINK_FULL - 10);
	assert_int_equal(views_response_submit(&f->d, late, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "all the answers it can take"));
	/* Closing dates: one in the past ends the round. */
	view_round_change past = {.opens_on = "2020-01-01", .closes_on = "2020-02-01"};
	assert_int_equal(views_change(&f->d, &lead, round, &past, &f->e), 0);
	view_round_row r;
	assert_int_equal(views_get(&f->d, round, &r, &f->e), 0);
	assert_int_equal(views_state(&r, "2026-01-01"), VIEW_ENDED);
	assert_int_equal(views_state(&r, "2019-12-31"), VIEW_NOT_YET);
	assert_int_equal(views_link_open(&f->d, links[0].token, &v, &st, &f->e), 0);
	assert_int_equal(st, VIEW_LINK_CLOSED);
}

static void suppression_shows_at_4_and_lifts_at_5(void **state)
{
	fixture *f = *state;
	int64_t ev = fixture_evaluation(f, fixture_org(f, "Riverside"));
	view_new_link *links;
	int64_t round = open_round(f, ev, "1i", "parents", &links);
	for (int i = 0; i < 4; i++)
		assert_int_equal(answer(f, links[0].token, "1i", 1 + i % 4, "Kind staff"), 0);
	view_results res;
	assert_int_equal(views_results(&f->d, round, false, &res, &f->e), 0);
	assert_int_equal(res.min_group, 5);
	const view_group_result *g = &res.elements[0].groups[0];
	assert_true(g->suppressed);
	assert_int_equal(g->responses, 0);      /* not even the count */
	assert_int_equal(res.responses, 0);
	assert_int_equal(g->counts[1] + g->counts[2] + g->counts[3] + g->counts[4], 0);
	assert_false(g->has_median);
	assert_string_equal(views_suppressed_words(&f->mem, res.min_group), "fewer than 5 answers");
	assert_int_equal(views_results(&f->d, round, true, &res, &f->e), 0);   /* a lead */
	assert_false(res.elements[0].groups[0].suppressed);
	assert_int_equal(res.elements[0].groups[0].counts[1], 1);
	assert_int_equal(answer(f, links[0].token, "1i", 4, NULL), 0);
	assert_int_equal(views_results(&f->d, round, false, &res, &f->e), 0);
	g = &res.elements[0].groups[0];
	assert_false(g->suppressed);
	assert_int_equal(g->counts[4], 2);
	assert_true(g->has_median);
	assert_true(g->median == 3.0);          /* 1 2 3 4 4 */
	/* The area's threshold is a setting. */
	int64_t area = fixture_org_area(f, res.round.organisation_id);
	assert_int_equal(views_min_group_set(&f->d, &lead, area, 0, &f->e), -1);
	assert_int_equal(views_min_group_set(&f->d, &lead, area, 6, &f->e), 0);
	assert_int_equal(views_results(&f->d, round, false, &res, &f->e), 0);
	assert_true(res.elements[0].groups[0].suppressed);
}

static void views_differ_at_two_steps_not_one(void **state)
{
	fixture *f = *state;
	int64_t ev = fixture_evaluation(f, fixture_org(f, "Riverside"));
	view_new_link *links;
	int64_t round = open_round(f, ev, "1i,1ii", "parents,practitioners", &links);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(answer(f, links[0].token, "1i", 2, NULL), 0);
		assert_int_equal(answer(f, links[1].token, "1i", 4, NULL), 0);
		assert_int_equal(answer(f, links[0].token, "1ii", 0, NULL), 0);  /* I don't know */
		assert_int_equal(answer(f, links[1].token, "1ii", 3, NULL), 0);
	}
	/* 1ii: parents answered only "I don't know"; that is not a step. */
	view_results res;
	assert_int_equal(views_results(&f->d, round, false, &res, &f->e), 0);
	assert_true(res.elements[0].differ);
	assert_int_equal(res.elements[0].differ_a, 0);
	assert_int_equal(res.elements[0].differ_b, 1);
	assert_false(res.elements[1].differ);
	/* One more practitioner at 3 moves nothing; a round one step apart does not differ. */
	view_new_link *two;
	int64_t other = open_round(f, ev, "1i", "parents,practitioners", &two);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(answer(f, two[0].token, "1i", 2, NULL), 0);
		assert_int_equal(answer(f, two[1].token, "1i", 3, NULL), 0);
	}
	assert_int_equal(views_results(&f->d, other, true, &res, &f->e), 0);
	assert_false(res.elements[0].differ);
}

static void comments_reviewed_and_flagged(void **state)
{
	fixture *f = *state;
	int64_t ev = fixture_evaluation(f, fixture_org(f, "Riverside"));
	view_new_link *links;
	int64_t round = open_round(f, ev, "1i", "parents", &links);
	for (int i = 0; i < 5; i++)
		assert_int_equal(answer(f, links[0].token, "1i", 3, i < 2 ? "Friendly office" : NULL), 0);
	view_answer_list comments;
	assert_int_equal(views_comments(&f->d, round, &comments, &f->e), 0);
	assert_int_equal(comments.n, 2);
	view_results res;
	assert_int_equal(views_results(&f->d, round, false, &res, &f->e), 0);
	assert_int_equal(res.elements[0].groups[0].n_comments, 0);     /* not reviewed yet */
	int64_t a = comments.items[0].response_id, b = comments.items[1].response_id;
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(views_comment_review(&f->d, &lead, round, a, "1ii", &f->e), -1);
	assert_int_equal(views_comment_review(&f->d, &lead, round + 1, a, "1i", &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
	assert_int_equal(views_comment_review(&f->d, &lead, round, a, "1i", &f->e), 0);
	assert_int_equal(views_comment_review(&f->d, &lead, round, a, "1i", &f->e), -1);
	assert_int_equal(views_comment_review(&f->d, &lead, round, b, "1i", &f->e), 0);
	assert_int_equal(views_comment_flag(&f->d, &lead, round, b, "1i", true, &f->e), 0);
	assert_int_equal(views_comment_flag(&f->d, &lead, round, b, "1i", true, &f->e), -1);
	assert_int_equal(views_results(&f->d, round, false, &res, &f->e), 0);
	assert_int_equal(res.elements[0].groups[0].n_comments, 1);
	assert_int_equal(res.elements[0].groups[0].comments[0]->response_id, a);
	assert_int_equal(views_comments(&f->d, round, &comments, &f->e), 0);
	assert_string_equal(comments.items[1].flagged_by_name, "Lead Tester");
	int64_t ys, from;
	assert_int_equal(views_comment_to_you_said(&f->d, &lead, round, b, "1i", false, &ys, &f->e), -1);
	assert_int_equal(views_comment_flag(&f->d, &lead, round, b, "1i", false, &f->e), 0);
	assert_int_equal(views_comment_to_you_said(&f->d, &lead, round, a, "1i", true, &ys, &f->e), -1);
	assert_int_equal(views_comment_to_you_said(&f->d, &lead, round, a, "1i", false, &ys, &f->e), 0);
	assert_int_equal(views_round_of_you_said(&f->d, ys, &from, &f->e), 1);
	assert_int_equal(from, round);
	assert_int_equal(views_round_of_you_said(&f->d, ys + 1, &from, &f->e), 0);
	assert_int_equal(views_results(&f->d, round, false, &res, &f->e), 0);
	assert_int_equal(res.elements[0].groups[0].n_comments, 2);
}

static void agreed_view_becomes_linked_evidence(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	int64_t ev = fixture_evaluation(f, org);
	view_new_link *links;
	int64_t round = open_round(f, ev, "1i,1ii", "parents,practitioners", &links);
	for (int i = 0; i < 3; i++)
		assert_int_equal(answer(f, links[0].token, "1i", 3, NULL), 0);
	view_agree_input bad = {.element = "1i", .agreed = " ", .groups = GROUP_PARENTS};
	int64_t before = test_count_rows(&f->db), evidence;
	assert_int_equal(views_agree(&f->d, &lead, round, &bad, &evidence, &f->e), -1);
	bad = (view_agree_input){.element = "4i", .agreed = "Yes", .groups = 0};
	assert_int_equal(views_agree(&f->d, &lead, round, &bad, &evidence, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
	view_agree_input in = {.element = "1i", .agreed = "Mostly welcoming",
			       .resolved = "Talked it through", .groups = GROUP_PARENTS | GROUP_PRACTITIONERS};
	assert_int_equal(views_agree(&f->d, &lead, round, &in, &evidence, &f->e), 0);
	evidence_row item;
	assert_int_equal(evidence_get(&f->d, evidence, &item, &f->e), 0);
	view_round_row r;
	assert_int_equal(views_get(&f->d, round, &r, &f->e), 0);
	const char *month = strchr(date_in_words(&f->mem, r.opens_on), ' ') + 1;
	assert_string_equal(item.title, arena_printf(&f->mem, "Parent carers' views, %s: fewer than 5 answers", month));
	assert_int_equal(item.groups, GROUP_PARENTS | GROUP_PRACTITIONERS);
	statement_link_list l;
	assert_int_equal(statement_links_ask(&f->d, ev, "1i", &l, &f->e), 0);
	assert_true(l.n > 0);
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.items[i].evidence_id, evidence);
	/* A second statement updates the same item. */
	assert_int_equal(answer(f, links[1].token, "1ii", 2, NULL), 0);
	in.element = "1ii";
	int64_t again;
	assert_int_equal(views_agree(&f->d, &lead, round, &in, &again, &f->e), 0);
	assert_int_equal(again, evidence);
	assert_int_equal(evidence_get(&f->d, evidence, &item, &f->e), 0);
	assert_string_equal(item.title, arena_printf(&f->mem, "Views of parent carers (fewer than 5), practitioners (fewer than 5), %s: fewer than 5 answers each", month));
	/* With the threshold at 3, parent carers' count shows, the total hides the other. */
	int64_t area = fixture_org_area(f, org);
	assert_int_equal(views_min_group_set(&f->d, &lead, area, 3, &f->e), 0);
	assert_int_equal(views_agree(&f->d, &lead, round, &in, &again, &f->e), 0);
	assert_int_equal(evidence_get(&f->d, evidence, &item, &f->e), 0);
	assert_string_equal(item.title, arena_printf(&f->mem, "Views of parent carers (3), practitioners (fewer than 3), %s: more than 3 answers", month));
	view_link_list all;
	assert_int_equal(views_links(&f->d, round, &all, &f->e), 0);
	assert_string_equal(views_evidence_title(&f->mem, &r, &all, 1), arena_printf(&f->mem, "Views of parent carers (3), practitioners (1), %s: 4 answers", month));
	view_results res;
	assert_int_equal(views_results(&f->d, round, false, &res, &f->e), 0);
	assert_true(res.elements[0].has_agreed);
	assert_string_equal(res.elements[0].agreed.agreed, "Mostly welcoming");
}

static void york_round_uses_levels(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	audit_actor actor = {0, "Lead Tester", ACCESS_LEAD};
	audit_fields h = {.audit_date = "2026-03-01"};
	int64_t audit;
	assert_int_equal(audit_start(&f->d, org, 0, &h, &actor, &audit, &f->e), 0);
	view_group g = {"parents", ""};
	view_round_input in = {.audit_id = audit, .groups = &g, .n_groups = 1};
	int64_t round;
	view_new_link *links;
	size_t n;
	assert_int_equal(views_open(&f->d, &lead, &in, &round, &links, &n, &f->e), 0);
	view_round_row r;
	assert_int_equal(views_get(&f->d, round, &r, &f->e), 0);
	assert_true(views_is_audit(&r));
	assert_string_equal(views_rating_words(&r, 3), "Excellent");
	assert_null(views_rating_words(&r, 4));
	assert_int_equal(answer(f, links[0].token, "2", 4, NULL), -1);
	assert_int_equal(answer(f, links[0].token, "2", 3, NULL), 0);
	view_agree_input agree = {.element = "2", .agreed = "Good, with more to do", .groups = GROUP_PARENTS};
	int64_t evidence;
	assert_int_equal(views_agree(&f->d, &lead, round, &agree, &evidence, &f->e), 0);
	assert_int_equal(fixture_count(f, arena_printf(&f->mem, "SELECT COUNT(*) FROM audit_evidence WHERE principle_key = '2' AND evidence_id = %lld", (long long)evidence)), 1);
}

static void paper_forms(void **state)
{
	fixture *f = *state;
	int64_t ev = fixture_evaluation(f, fixture_org(f, "Riverside"));
	view_new_link *links;
	int64_t round = open_round(f, ev, "1i,1ii", "young-people", &links);
	view_round_row r;
	assert_int_equal(views_get(&f->d, round, &r, &f->e), 0);
	view_paper_answer *answers;
	size_t n;
	assert_int_equal(views_paper_parse(&f->d, &r, "# form 1\n1i 3 | Fun clubs | More trips\n\n1ii quite well\n", &answers, &n, &f->e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(answers[1].rating, 3);
	assert_string_equal(answers[0].better, "More trips");
	assert_int_equal(views_paper_parse(&f->d, &r, "1i brilliant\n", &answers, &n, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "brilliant"));
	assert_int_equal(views_paper_parse(&f->d, &r, "1i 3\n1ii quite well\n", &answers, &n, &f->e), 0);
	assert_int_equal(views_close(&f->d, &lead, round, &f->e), 0);  /* paper still goes in */
	int64_t resp;
	assert_int_equal(views_paper_add(&f->d, &lead, round, links[0].id, answers, n, &resp, &f->e), 0);
	view_paper_answer twice[] = {{"1i", 2, NULL, NULL}, {"1i", 3, NULL, NULL}};
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(views_paper_add(&f->d, &lead, round, links[0].id, twice, 2, &resp, &f->e), -1);
	assert_int_equal(views_paper_add(&f->d, &lead, round, links[0].id + 7, answers, n, &resp, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM view_response WHERE from_paper = 1 AND entered_by_name = 'Lead Tester' AND submitted_at IS NOT NULL"), 1);
}

static void settings_and_retention(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	int64_t ev = fixture_evaluation(f, org);
	views_org_settings s;
	assert_int_equal(views_org_settings_get(&f->d, org, &s, &f->e), 0);
	assert_true(s.is_default);
	assert_int_equal(s.retention_months, 24);
	views_org_settings bad = {"Mrs Khan", 0, false};
	assert_int_equal(views_org_settings_set(&f->d, &lead, org, &bad, &f->e), -1);
	views_org_settings good = {"Mrs Khan, designated safeguarding lead", 6, false};
	assert_int_equal(views_org_settings_set(&f->d, &lead, org, &good, &f->e), 0);
	view_new_link *links;
	setenv("COPRO_NOW", "2026-01-15T09:00:00Z", 1);
	open_round(f, ev, "1i", "parents", &links);
	assert_int_equal(answer(f, links[0].token, "1i", 3, "Old words"), 0);
	setenv("COPRO_NOW", "2026-06-10T09:00:00Z", 1);
	assert_int_equal(answer(f, links[0].token, "1i", 3, "New words"), 0);
	size_t deleted;
	setenv("COPRO_NOW", "2026-07-14T09:00:00Z", 1);  /* six months on, less a day */
	assert_int_equal(views_purge(&f->d, NULL, &deleted, &f->e), 0);
	assert_int_equal(deleted, 0);
	setenv("COPRO_NOW", "2026-07-16T09:00:00Z", 1);
	assert_int_equal(views_purge(&f->d, NULL, &deleted, &f->e), 0);
	unsetenv("COPRO_NOW");
	assert_int_equal(deleted, 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM view_answer WHERE good = 'Old words'"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM view_answer WHERE good = 'New words'"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM view_answer WHERE rating = 3"), 2);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what LIKE 'deleted the free text of 1 answer older than 6 months%'"), 1);
	view_visit v;
	enum view_link_status st;
	assert_int_equal(views_link_open(&f->d, links[0].token, &v, &st, &f->e), 0);
	assert_string_equal(v.safeguarding_contact, "Mrs Khan, designated safeguarding lead");
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(tokens_are_stored_hashed), T(refused_rounds_leave_nothing),
		T(answering_and_bad_answers), T(closing_reopening_and_the_cap),
		T(suppression_shows_at_4_and_lifts_at_5), T(views_differ_at_two_steps_not_one),
		T(comments_reviewed_and_flagged), T(agreed_view_becomes_linked_evidence),
		T(york_round_uses_levels), T(paper_forms), T(settings_and_retention),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
