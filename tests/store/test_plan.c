/* test_plan.c: plan rows, statements, answers and aspect notes written and
 * replaced, the order lists come back in, the link from an action back to
 * its plan, and which evaluation counts as the latest. */
#include "testutil.h"

#include "store/plan.h"

static int64_t add(fixture *f, int64_t org, const char *title, const char *at, int64_t seed)
{
	plan_row p = {.organisation_id = org, .framework_hash = fixture_framework_hash(f, "four-cornerstones-service-plan"), .title = title,
		      .cycle = "2026-27", .seeded_from = seed, .created_at = at};
	int64_t id;
	assert_int_equal(store_plan_insert(&f->db, &p, &id, &f->e), 0);
	return id;
}

static void insert_get_list_touch(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other");
	int64_t eval = fixture_evaluation(f, org);
	int64_t older = add(f, org, "Older plan", "2026-01-01T00:00:00Z", 0);
	int64_t newer = add(f, org, "Newer plan", "2026-02-01T00:00:00Z", eval);
	add(f, other, "Not ours", "2026-03-01T00:00:00Z", 0);

	plan_row p;
	assert_int_equal(store_plan_get(&f->db, &f->mem, older, &p, &f->e), 1);
	assert_string_equal(p.title, "Older plan");
	assert_string_equal(p.cycle, "2026-27");
	assert_int_equal(p.seeded_from, 0);
	assert_null(p.seed_cycle);
	assert_string_equal(p.updated_at, "2026-01-01T00:00:00Z");
	assert_int_equal(p.statements, 0);
	assert_int_equal(store_plan_get(&f->db, &f->mem, newer, &p, &f->e), 1);
	assert_int_equal(p.seeded_from, eval);
	assert_string_equal(p.seed_cycle, "2026-27");
	assert_int_equal(store_plan_get(&f->db, &f->mem, newer + 100, &p, &f->e), 0);

	plan_list list;
	assert_int_equal(store_plan_list(&f->db, &f->mem, org, &list, &f->e), 0);
	assert_int_equal(list.n, 2);
	assert_int_equal(list.items[0].id, newer);
	assert_int_equal(list.items[1].id, older);

	assert_int_equal(store_plan_touch(&f->db, older, "2026-05-05T00:00:00Z", &f->e), 0);
	assert_int_equal(store_plan_get(&f->db, &f->mem, older, &p, &f->e), 1);
	assert_string_equal(p.updated_at, "2026-05-05T00:00:00Z");
}

static void statements_answers_aspects_replace(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add(f, org, "Plan", "2026-01-01T00:00:00Z", 0);
	plan_statement_row s = {.plan_id = id, .element_key = "2i", .strengths = "Early help",
				.areas = NULL, .updated_at = "2026-01-02T00:00:00Z"};
	assert_int_equal(store_plan_statement_put(&f->db, &s, &f->e), 0);
	s.element_key = "1i";
	assert_int_equal(store_plan_statement_put(&f->db, &s, &f->e), 0);
	s.strengths = "";
	s.areas = "Fathers";
	assert_int_equal(store_plan_statement_put(&f->db, &s, &f->e), 0);
	/* A row with both texts empty is not counted as written. */
	s.element_key = "3i";
	s.areas = "";
	assert_int_equal(store_plan_statement_put(&f->db, &s, &f->e), 0);

	plan_statement_list sl;
	assert_int_equal(store_plan_statement_list(&f->db, &f->mem, id, &sl, &f->e), 0);
	assert_int_equal(sl.n, 3);
	assert_string_equal(sl.items[0].element_key, "1i");
	assert_string_equal(sl.items[0].strengths, "");
	assert_string_equal(sl.items[0].areas, "Fathers");
	assert_string_equal(sl.items[1].element_key, "2i");
	assert_string_equal(sl.items[1].areas, "");
	plan_row p;
	assert_int_equal(store_plan_get(&f->db, &f->mem, id, &p, &f->e), 1);
	assert_int_equal(p.statements, 2);

	plan_answer_row a = {.plan_id = id, .section_key = "1", .question_key = "b",
			     .answer = "First", .updated_at = "2026-01-02T00:00:00Z"};
	assert_int_equal(store_plan_answer_put(&f->db, &a, &f->e), 0);
	a.answer = "Second";
	assert_int_equal(store_plan_answer_put(&f->db, &a, &f->e), 0);
	a.question_key = "a";
	assert_int_equal(store_plan_answer_put(&f->db, &a, &f->e), 0);
	plan_answer_list al;
	assert_int_equal(store_plan_answer_list(&f->db, &f->mem, id, &al, &f->e), 0);
	assert_int_equal(al.n, 2);
	assert_string_equal(al.items[0].question_key, "a");
	assert_string_equal(al.items[1].answer, "Second");

	plan_aspect_row n = {.plan_id = id, .aspect_key = "values", .note = "One",
			     .updated_at = "2026-01-02T00:00:00Z"};
	assert_int_equal(store_plan_aspect_put(&f->db, &n, &f->e), 0);
	n.note = "Two";
	assert_int_equal(store_plan_aspect_put(&f->db, &n, &f->e), 0);
	plan_aspect_list nl;
	assert_int_equal(store_plan_aspect_list(&f->db, &f->mem, id, &nl, &f->e), 0);
	assert_int_equal(nl.n, 1);
	assert_string_equal(nl.items[0].note, "Two");
}

static void action_link_and_list(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add(f, org, "Plan", "2026-01-01T00:00:00Z", 0);
	action_row a = {.organisation_id = org, .title = "Ask fathers", .owner = "SENCO",
			.status = "open", .source_element_key = "1i",
			.created_at = "2026-01-02T00:00:00Z"};
	int64_t action, unrelated;
	assert_int_equal(store_action_insert(&f->db, &a, &action, &f->e), 0);
	a.title = "Not from the plan";
	assert_int_equal(store_action_insert(&f->db, &a, &unrelated, &f->e), 0);
	assert_int_equal(store_plan_action_link(&f->db, action, id, &f->e), 1);
	assert_int_equal(store_plan_action_link(&f->db, unrelated + 100, id, &f->e), 0);
	plan_action_list l;
	assert_int_equal(store_plan_action_list(&f->db, &f->mem, id, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].id, action);
	assert_string_equal(l.items[0].element_key, "1i");
	assert_string_equal(l.items[0].title, "Ask fathers");
	assert_string_equal(l.items[0].owner, "SENCO");
	assert_null(l.items[0].due_on);
	assert_string_equal(l.items[0].status, "open");
}

static void latest_evaluation(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other");
	int64_t id;
	assert_int_equal(store_plan_latest_evaluation(&f->db, org, "four-cornerstones", &id, &f->e), 0);
	assert_int_equal(id, 0);
	int64_t later, earlier;
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2027-28", &later, &f->e), 0);
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2025-26", &earlier, &f->e), 0);
	int64_t theirs = fixture_evaluation(f, other);
	(void)theirs;
	/* The highest cycle wins, though the other was started after it. */
	assert_int_equal(store_plan_latest_evaluation(&f->db, org, "four-cornerstones", &id, &f->e), 1);
	assert_int_equal(id, later);
	assert_int_equal(store_plan_latest_evaluation(&f->db, org, "york-strategic-model", &id, &f->e), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(insert_get_list_touch),
					   T(statements_answers_aspects_replace),
					   T(action_link_and_list), T(latest_evaluation)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
