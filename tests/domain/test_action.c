/* test_action.c: actions, where they came from, and when they are late. */
#include "testutil.h"

static void validation_and_source(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t other = fixture_org(f, "Other School");
	int64_t eval = fixture_evaluation(f, org);
	int64_t other_eval = fixture_evaluation(f, other);
	int64_t id, before = test_count_rows(&f->db);
	action_row a = {.organisation_id = org, .title = "Train staff", .owner = "SENCO",
			.due_on = "2026-02-30"};
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), -1);
	a.due_on = "2027-01-31";
	a.status = "someday";
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), -1);
	a.status = NULL;
	a.source_evaluation_id = other_eval;
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "another organisation"));
	a.source_evaluation_id = eval;
	a.source_element_key = "8x";
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), -1);
	a.title = "";
	a.source_element_key = "1iv";
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
	a.title = "Train staff";
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), 0);
	action_row got;
	assert_int_equal(action_get(&f->d, id, &got, &f->e), 0);
	assert_string_equal(got.status, "open");
	assert_string_equal(got.source_element_key, "1iv");
	got.status = "done";
	assert_int_equal(action_update(&f->d, &got, &f->e), 0);
	got.review_on = "2027-02-29";
	assert_int_equal(action_update(&f->d, &got, &f->e), -1);
	assert_int_equal(action_get(&f->d, id + 5, &got, &f->e), -1);
}

static void overdue(void **state)
{
	(void)state;
	action_row a = {.due_on = "2026-10-31", .status = "open"};
	assert_true(action_overdue(&a, "2026-11-01"));
	assert_false(action_overdue(&a, "2026-10-31"));    /* due today is not late */
	a.status = "in-progress";
	assert_true(action_overdue(&a, "2026-11-01"));
	a.status = "done";
	assert_false(action_overdue(&a, "2026-11-01"));
	a.status = "open";
	a.due_on = NULL;
	assert_false(action_overdue(&a, "2026-11-01"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(validation_and_source), cmocka_unit_test(overdue)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
