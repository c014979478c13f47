/* test_action.c: action rows and their order. */
#include "testutil.h"

static int64_t add(fixture *f, int64_t org, const char *title, const char *due, const char *status)
{
	action_row a = {.organisation_id = org, .title = title, .owner = "SENCO", .due_on = due,
			.status = status, .created_at = "2026-01-01T00:00:00Z"};
	int64_t id;
	assert_int_equal(store_action_insert(&f->db, &a, &id, &f->e), 0);
	return id;
}

static void open_and_soonest_first(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	add(f, org, "no date", NULL, "open");
	add(f, org, "done early", "2026-01-01", "done");
	add(f, org, "later", "2026-06-01", "open");
	add(f, org, "sooner", "2026-03-01", "in-progress");
	action_list list;
	assert_int_equal(store_action_list(&f->db, &f->mem, org, &list, &f->e), 0);
	assert_int_equal(list.n, 4);
	assert_string_equal(list.items[0].title, "sooner");
	assert_string_equal(list.items[1].title, "later");
	assert_string_equal(list.items[2].title, "no date");
	assert_string_equal(list.items[3].title, "done early");
}

static void update_and_source(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t eval = fixture_evaluation(f, org);
	int64_t id = add(f, org, "Train staff", "2026-03-01", "open");
	action_row a;
	assert_int_equal(store_action_get(&f->db, &f->mem, id, &a, &f->e), 1);
	assert_int_equal(a.source_evaluation_id, 0);
	a.status = "done";
	a.due_on = NULL;
	a.source_evaluation_id = eval;
	a.source_element_key = "1iv";
	a.updated_at = "2026-04-01T00:00:00Z";
	assert_int_equal(store_action_update(&f->db, &a, &f->e), 0);
	action_row got;
	assert_int_equal(store_action_get(&f->db, &f->mem, id, &got, &f->e), 1);
	assert_string_equal(got.status, "done");
	assert_null(got.due_on);
	assert_int_equal(got.source_evaluation_id, eval);
	assert_string_equal(got.source_element_key, "1iv");
	assert_int_equal(store_action_get(&f->db, &f->mem, id + 100, &got, &f->e), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(open_and_soonest_first), T(update_and_source)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
