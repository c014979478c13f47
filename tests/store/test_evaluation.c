/* test_evaluation.c: evaluation rows, instrument versions and reviews. */
#include "testutil.h"

static void versions_are_kept_once(void **state)
{
	fixture *f = *state;
	assert_int_equal(store_framework_version_put(&f->db, "x", "h1", "{\"a\":1}", "2026-01-01T00:00:00Z", &f->e), 0);
	assert_int_equal(store_framework_version_put(&f->db, "x", "h1", "{\"a\":1}", "2026-02-01T00:00:00Z", &f->e), 0);
	char *body = NULL;
	assert_int_equal(store_framework_version_get(&f->db, &f->mem, "h1", &body, &f->e), 1);
	assert_string_equal(body, "{\"a\":1}");
	assert_int_equal(store_framework_version_get(&f->db, &f->mem, "h2", &body, &f->e), 0);
}

static void evaluation_rows(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = fixture_evaluation(f, org);
	evaluation_row ev;
	assert_int_equal(store_evaluation_get(&f->db, &f->mem, id, &ev, &f->e), 1);
	assert_string_equal(ev.status, "draft");
	assert_string_equal(ev.cycle, "2026-27");
	assert_int_equal(strlen(ev.framework_hash), 64);
	assert_int_equal(store_evaluation_find(&f->db, &f->mem, org, "four-cornerstones", "2026-27", &ev, &f->e), 1);
	assert_int_equal(store_evaluation_find(&f->db, &f->mem, org, "four-cornerstones", "2027-28", &ev, &f->e), 0);
	assert_int_equal(store_evaluation_set_status(&f->db, id, "in-review", "2026-02-01T00:00:00Z", &f->e), 0);
	assert_int_equal(store_evaluation_get(&f->db, &f->mem, id, &ev, &f->e), 1);
	assert_string_equal(ev.status, "in-review");
	assert_int_equal(store_evaluation_set_status(&f->db, id, "approved", "2026-02-01T00:00:00Z", &f->e), -1);
	evaluation_list all, none;
	assert_int_equal(store_evaluation_list(&f->db, &f->mem, 0, &all, &f->e), 0);
	assert_int_equal(all.n, 1);
	assert_int_equal(store_evaluation_list(&f->db, &f->mem, org + 1, &none, &f->e), 0);
	assert_int_equal(none.n, 0);
}

static void reviews_upsert(void **state)
{
	fixture *f = *state;
	int64_t eval = fixture_evaluation(f, fixture_org(f, "School"));
	review_row r = {.evaluation_id = eval, .element_key = "1i", .strengths = "S",
			.areas = "A", .status = "in-progress", .groups = GROUP_CYP,
			.updated_at = "2026-03-01T00:00:00Z"};
	assert_int_equal(store_review_put(&f->db, &r, &f->e), 0);
	r.status = "complete";
	r.groups = GROUP_CYP | GROUP_PARENTS | GROUP_PRACTITIONERS;
	assert_int_equal(store_review_put(&f->db, &r, &f->e), 0);
	review_row got;
	assert_int_equal(store_review_get(&f->db, &f->mem, eval, "1i", &got, &f->e), 1);
	assert_string_equal(got.status, "complete");
	assert_int_equal(got.groups, 7);
	review_list list;
	assert_int_equal(store_review_list(&f->db, &f->mem, eval, &list, &f->e), 0);
	assert_int_equal(list.n, 1);
	r.status = "finished";
	assert_int_equal(store_review_put(&f->db, &r, &f->e), -1);   /* CHECK constraint */
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(versions_are_kept_once), T(evaluation_rows), T(reviews_upsert),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
