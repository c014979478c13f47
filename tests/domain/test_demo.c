/* test_demo.c: the demo organisation loads whole, or not at all, with its
 * plan-do-review records. */
#include "testutil.h"

#include "domain/measure.h"
#include "domain/plan.h"
#include "domain/review.h"
#include "store/measure.h"
#include "store/plan.h"
#include "store/review.h"

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
	action_list actions;
	assert_int_equal(store_action_list(&f->db, &f->mem, org, &actions, &f->e), 0);
	assert_int_equal(actions.n, 4);      /* three from the evaluation, one from the plan */
	evidence_list ev;
	assert_int_equal(store_evidence_list(&f->db, &f->mem, org, &ev, &f->e), 0);
	assert_int_equal(ev.n, 8);
}

static void has_measures_a_plan_and_reviews(void **state)
{
	fixture *f = *state;
	int64_t org;
	assert_int_equal(demo_load(&f->d, &org, &f->e), 0);
	char today[11];
	date_today(today);

	/* Three measures over two cornerstones, two from the catalogue, each
	 * with a metric and three readings before today; two are linked. */
	measure_list ms;
	assert_int_equal(store_measure_list(&f->db, &f->mem, org, NULL, &ms, &f->e), 0);
	assert_int_equal(ms.n, 3);
	size_t catalogue = 0, links = 0, cornerstone1 = 0;
	for (size_t i = 0; i < ms.n; i++) {
		catalogue += ms.items[i].catalogue_key != NULL;
		cornerstone1 += !strcmp(ms.items[i].cornerstone_key, "1");
		measure_detail md;
		assert_int_equal(measure_detail_load(&f->d, ms.items[i].id, &md, &f->e), 0);
		assert_int_equal(md.n_metrics, 1);
		assert_int_equal(md.metrics[0].n_readings, 3);
		for (size_t k = 0; k < 3; k++)
			assert_true(strcmp(md.metrics[0].readings[k].taken_on, today) < 0);
		assert_int_equal(md.metrics[0].status.trend, TREND_IMPROVING);
		links += md.links.n;
	}
	assert_int_equal(catalogue, 2);
	assert_int_equal(cornerstone1, 1);
	assert_int_equal(links, 2);          /* one link, seen from both ends */

	/* The plan, seeded from the self-evaluation, with an action under
	 * review that took up a reading and an evidence item. */
	evaluation_list evs;
	plan_list plans;
	assert_int_equal(store_evaluation_list(&f->db, &f->mem, org, &evs, &f->e), 0);
	assert_int_equal(store_plan_list(&f->db, &f->mem, org, &plans, &f->e), 0);
	assert_int_equal(plans.n, 1);
	assert_int_equal(plans.items[0].seeded_from, evs.items[0].id);
	plan_full p;
	assert_int_equal(plan_load(&f->d, plans.items[0].id, &p, &f->e), 0);
	assert_true(p.statements.n >= 3);
	assert_int_equal(p.answers.n, 3);
	assert_int_equal(p.aspects.n, 2);
	assert_int_equal(p.actions.n, 1);
	int64_t action = p.actions.items[0].id;
	action_review_list reviews;
	review_evidence_list rev;
	reading_pick_list readings;
	assert_int_equal(store_action_reviews_of_action(&f->db, &f->mem, action, &reviews, &f->e), 0);
	assert_int_equal(reviews.n, 1);
	assert_int_equal(store_review_evidence_of_org(&f->db, &f->mem, org, &rev, &f->e), 0);
	assert_int_equal(rev.n, 1);
	assert_int_equal(store_readings_of_org(&f->db, &f->mem, org, &readings, &f->e), 0);
	assert_int_equal(readings.n, 9);
	size_t reviewed = 0;
	for (size_t i = 0; i < readings.n; i++)
		reviewed += readings.items[i].review_id == reviews.items[0].id;
	assert_int_equal(reviewed, 1);

	/* Two "You said, we did", one published, one tied to the action. */
	you_said_list ys;
	assert_int_equal(store_you_said_list(&f->db, &f->mem, org, false, &ys, &f->e), 0);
	assert_int_equal(ys.n, 2);
	assert_int_equal(ys.items[0].published + ys.items[1].published, 1);
	assert_true(ys.items[0].action_id == action || ys.items[1].action_id == action);
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
		T(has_measures_a_plan_and_reviews),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
