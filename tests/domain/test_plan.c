/* test_plan.c: team and service plans: starting one seeded from a
 * self-evaluation (and never from another organisation's), the latest
 * self-evaluation, keys checked against the stored instrument, areas for
 * development turned into actions that keep the link back, and refused
 * writes leaving the database as it was. */
#include "testutil.h"

#include "domain/plan.h"

static void review(fixture *f, int64_t eval, const char *element, const char *strengths,
		   const char *areas)
{
	review_change c = {.strengths = strengths, .areas = areas, .groups = -1};
	assert_int_equal(review_set(&f->d, eval, element, &c, &f->e), 0);
}

static int64_t start(fixture *f, int64_t org, int64_t seed)
{
	int64_t id;
	if (plan_start(&f->d, org, "SEND team plan", "2026-27", seed, &id, &f->e) < 0)
		fail_msg("plan_start: %s", f->e.msg);
	return id;
}

/* Expects `rc` to be a refusal whose message holds `text`, with no row of
 * any table changed since `before`. */
static void refused(fixture *f, int rc, const char *text, int64_t before)
{
	assert_int_equal(rc, -1);
	if (!strstr(f->e.msg, text))
		fail_msg("expected \"%s\" in: %s", text, f->e.msg);
	assert_int_equal(test_count_rows(&f->db), before);
	assert_int_equal(f->db.in_tx, 0);
}

static void seeding_copies_strengths_and_areas(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other School");
	int64_t eval = fixture_evaluation(f, org), theirs = fixture_evaluation(f, other);
	review(f, eval, "1i", "Warm welcome", "Fathers rarely come");
	review(f, eval, "3iv", "Quick replies", NULL);
	review(f, eval, "4i", NULL, NULL);              /* reviewed, nothing written */
	review(f, theirs, "2i", "Their strength", "Their area");

	int64_t id = start(f, org, eval);
	plan_full p;
	assert_int_equal(plan_load(&f->d, id, &p, &f->e), 0);
	assert_int_equal(p.plan.seeded_from, eval);
	assert_false(p.in.changed);
	assert_int_equal(p.statements.n, 2);
	const plan_statement_row *s = plan_statement(&p, "1i");
	assert_non_null(s);
	assert_string_equal(s->strengths, "Warm welcome");
	assert_string_equal(s->areas, "Fathers rarely come");
	s = plan_statement(&p, "3iv");
	assert_non_null(s);
	assert_string_equal(s->strengths, "Quick replies");
	assert_string_equal(s->areas, "");
	assert_null(plan_statement(&p, "2i"));
	assert_null(plan_statement(&p, "4i"));
	/* The instrument's parts the pages need, from the stored version. */
	assert_int_equal(p.in.n_sections, 4);
	assert_int_equal(p.in.sections[0].n_questions, 7);
	assert_int_equal(p.in.n_aspects, 9);
	assert_int_equal(p.in.n_headings, 16);
	assert_string_equal(p.in.aspect_lead, "Also consider how the Cornerstones");
	assert_string_equal(p.in.question_lead, "For each Cornerstone think about");
	assert_string_equal(plan_column_title(&p.in, "areas", "x"), "Areas for Development");

	/* Another organisation's evaluation is refused, and nothing written. */
	int64_t before = test_count_rows(&f->db), id2;
	refused(f, plan_start(&f->d, org, "Plan", "2026-27", theirs, &id2, &f->e),
		"no self-evaluation number", before);
	refused(f, plan_start(&f->d, org, "Plan", "2026-27", theirs + 100, &id2, &f->e),
		"no self-evaluation number", before);
}

static void unseeded_plan_keeps_its_instrument(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = start(f, org, 0);
	plan_row p;
	assert_int_equal(plan_get(&f->d, id, &p, &f->e), 0);
	assert_int_equal(p.seeded_from, 0);
	const framework *fw = fw_registry_find(&f->frameworks, PLAN_FRAMEWORK);
	assert_string_equal(p.framework_hash, fw->hash);
	char *body = NULL;
	assert_int_equal(store_framework_version_get(&f->db, &f->mem, fw->hash, &body, &f->e), 1);
	assert_non_null(body);
	assert_int_equal(plan_get(&f->d, id + 1, &p, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

static void start_refusals(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), id;
	int64_t before = test_count_rows(&f->db);
	refused(f, plan_start(&f->d, org, "", "2026-27", 0, &id, &f->e), "title", before);
	refused(f, plan_start(&f->d, org, "Plan", "", 0, &id, &f->e), "cycle", before);
	refused(f, plan_start(&f->d, org, "Bad\x01title", "2026-27", 0, &id, &f->e), "title", before);
	refused(f, plan_start(&f->d, org + 50, "Plan", "2026-27", 0, &id, &f->e), "organisation", before);
}

static void latest_self_evaluation(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other School");
	evaluation_row ev;
	assert_int_equal(plan_seed_latest(&f->d, org, &ev, &f->e), 0);
	int64_t newest, older;
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2026-27", &newest, &f->e), 0);
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2025-26", &older, &f->e), 0);
	assert_int_equal(evaluation_start(&f->d, other, "four-cornerstones", "2030-31", &(int64_t){0}, &f->e), 0);
	assert_int_equal(plan_seed_latest(&f->d, org, &ev, &f->e), 1);
	assert_int_equal(ev.id, newest);
	assert_string_equal(ev.cycle, "2026-27");
	(void)older;
}

static void keys_checked_against_the_instrument(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = start(f, org, 0);
	int64_t before = test_count_rows(&f->db);

	plan_statement_change wrong_section = {.element = "2i", .strengths = "x"};
	refused(f, plan_cornerstone_save(&f->d, id, "1", &wrong_section, 1, NULL, 0, &f->e),
		"cornerstone 1 has no statement \"2i\"", before);
	plan_text_change bad_question = {.key = "h", .text = "x"};
	refused(f, plan_cornerstone_save(&f->d, id, "1", NULL, 0, &bad_question, 1, &f->e),
		"no question \"h\"", before);
	refused(f, plan_answer_set(&f->d, id, "5", "a", "x", &f->e), "no cornerstone \"5\"", before);
	refused(f, plan_statement_set(&f->d, id, "9z", "x", NULL, &f->e), "no statement \"9z\"", before);
	refused(f, plan_aspect_set(&f->d, id, "budget", "x", &f->e), "no aspect \"budget\"", before);
	refused(f, plan_statement_set(&f->d, id + 9, "1i", "x", NULL, &f->e), "no plan number", before);
	/* One bad key refuses the whole change, good parts included. */
	plan_statement_change mixed[] = {{.element = "1i", .strengths = "Good"},
					 {.element = "1viii", .strengths = "Bad"}};
	refused(f, plan_cornerstone_save(&f->d, id, "1", mixed, 2, NULL, 0, &f->e), "1viii", before);
	char *huge = calloc(TEXT_LONG_MAX + 10, 1);
	memset(huge, 'a', TEXT_LONG_MAX + 5);
	refused(f, plan_answer_set(&f->d, id, "1", "a", huge, &f->e), "answer", before);
	free(huge);

	/* Good writes: NULL keeps a field; blank on a statement never saved
	 * adds no row. */
	assert_int_equal(plan_statement_set(&f->d, id, "1ii", "Confident pupils", NULL, &f->e), 0);
	assert_int_equal(plan_statement_set(&f->d, id, "1ii", NULL, "Quieter pupils", &f->e), 0);
	assert_int_equal(plan_statement_set(&f->d, id, "1iii", "", "", &f->e), 0);
	assert_int_equal(plan_answer_set(&f->d, id, "1", "g", "Ask families", &f->e), 0);
	assert_int_equal(plan_answer_set(&f->d, id, "2", "a", "", &f->e), 0);
	assert_int_equal(plan_aspect_set(&f->d, id, "recruitment", "Parents on panels", &f->e), 0);
	plan_full p;
	assert_int_equal(plan_load(&f->d, id, &p, &f->e), 0);
	assert_int_equal(p.statements.n, 1);
	assert_string_equal(plan_statement(&p, "1ii")->strengths, "Confident pupils");
	assert_string_equal(plan_statement(&p, "1ii")->areas, "Quieter pupils");
	assert_int_equal(p.answers.n, 1);
	assert_string_equal(plan_answer(&p, "1", "g"), "Ask families");
	assert_null(plan_answer(&p, "2", "a"));
	assert_string_equal(plan_aspect_note(&p, "recruitment"), "Parents on panels");
}

static void area_to_action_keeps_the_link(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t eval = fixture_evaluation(f, org);
	review(f, eval, "1i", "Warm welcome", "  Fathers rarely come  \nTimes suit only some");
	review(f, eval, "1ii", "Confident pupils", NULL);
	int64_t id = start(f, org, eval);

	int64_t action;
	assert_int_equal(plan_area_to_action(&f->d, id, "1i", NULL, "SENCO", "2027-03-31", &action, &f->e), 0);
	action_row a;
	assert_int_equal(action_get(&f->d, action, &a, &f->e), 0);
	assert_int_equal(a.organisation_id, org);
	assert_string_equal(a.title, "Fathers rarely come");
	assert_string_equal(a.owner, "SENCO");
	assert_string_equal(a.due_on, "2027-03-31");
	assert_string_equal(a.status, "open");
	assert_string_equal(a.source_element_key, "1i");
	int64_t second;
	assert_int_equal(plan_area_to_action(&f->d, id, "1i", "Evening events", NULL, NULL, &second, &f->e), 0);
	plan_full p;
	assert_int_equal(plan_load(&f->d, id, &p, &f->e), 0);
	assert_int_equal(p.actions.n, 2);
	assert_int_equal(p.actions.items[0].id, action);
	assert_string_equal(p.actions.items[0].element_key, "1i");
	assert_string_equal(p.actions.items[1].title, "Evening events");

	int64_t before = test_count_rows(&f->db);
	refused(f, plan_area_to_action(&f->d, id, "1ii", NULL, NULL, NULL, &action, &f->e),
		"no areas for development", before);
	refused(f, plan_area_to_action(&f->d, id, "1vii", NULL, NULL, NULL, &action, &f->e),
		"no areas for development", before);
	refused(f, plan_area_to_action(&f->d, id, "zz", NULL, NULL, NULL, &action, &f->e),
		"no statement", before);
	refused(f, plan_area_to_action(&f->d, id, "1i", NULL, NULL, "2027-02-30", &action, &f->e),
		"due date", before);
	refused(f, plan_area_to_action(&f->d, id + 5, "1i", NULL, NULL, NULL, &action, &f->e),
		"no plan number", before);
}

static void long_first_line_is_cut_to_a_title(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = start(f, org, 0);
	char areas[700];
	memset(areas, 0, sizeof areas);
	for (size_t i = 0; i < 300; i++)
		strcat(areas, i % 2 ? "\xC3\xA9" : "a");     /* multi-byte characters too */
	assert_int_equal(plan_statement_set(&f->d, id, "2ii", NULL, areas, &f->e), 0);
	int64_t action;
	assert_int_equal(plan_area_to_action(&f->d, id, "2ii", NULL, NULL, NULL, &action, &f->e), 0);
	action_row a;
	assert_int_equal(action_get(&f->d, action, &a, &f->e), 0);
	assert_int_equal(utf8_chars(a.title), TEXT_NAME_MAX);
	assert_true(utf8_valid(a.title, strlen(a.title)));
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(seeding_copies_strengths_and_areas), T(unseeded_plan_keeps_its_instrument),
		T(start_refusals), T(latest_self_evaluation), T(keys_checked_against_the_instrument),
		T(area_to_action_keeps_the_link), T(long_first_line_is_cut_to_a_title),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
