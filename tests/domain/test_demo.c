/* test_demo.c: the demo organisation loads whole, or not at all. */
#include "testutil.h"

static void loads_a_part_finished_evaluation(void **state)
{
	fixture *f = *state;
	int64_t org;
	assert_int_equal(demo_load(&f->d, &org, &f->e), 0);
	evaluation_list evs;
	assert_int_equal(store_evaluation_list(&f->db, &f->mem, org, &evs, &f->e), 0);
	assert_int_equal(evs.n, 1);
	evaluation_progress p;
	assert_int_equal(evaluation_progress_load(&f->d, evs.items[0].id, &p, &f->e), 0);
	/* Part-finished: some of every cornerstone, far from all. */
	for (size_t s = 0; s < p.n_sections; s++)
		assert_true(p.sections[s].indicators_evidenced > 0);
	assert_true(p.indicators_evidenced < p.indicators / 2);
	assert_int_equal(p.elements_complete, 1);
	assert_int_equal(p.groups, 7);
	evaluation_progress_free(&p);
	action_list actions;
	assert_int_equal(store_action_list(&f->db, &f->mem, org, &actions, &f->e), 0);
	assert_int_equal(actions.n, 3);
	evidence_list ev;
	assert_int_equal(store_evidence_list(&f->db, &f->mem, org, &ev, &f->e), 0);
	assert_int_equal(ev.n, 8);
}

static void second_load_changes_nothing(void **state)
{
	fixture *f = *state;
	int64_t org;
	assert_int_equal(demo_load(&f->d, &org, &f->e), 0);
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(demo_load(&f->d, &org, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_int_equal(f->db.in_tx, 0);
	assert_int_equal(test_count_rows(&f->db), before);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(loads_a_part_finished_evaluation), T(second_load_changes_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
