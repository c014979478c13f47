/* test_measure.c: the store's success measures: rows come back as written,
 * readings sorted by date, links stored once and found both ways. */
#include "testutil.h"

#include "store/measure.h"

static int64_t add_measure(fixture *f, int64_t org, const char *cornerstone, const char *key,
			   const char *own)
{
	const framework *fw = fw_registry_find(&f->frameworks, "four-cornerstones-success-measures");
	assert_non_null(fw);
	assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
	measure_row m = {.organisation_id = org, .cycle = "2026-27", .framework_hash = fw->hash,
			 .cornerstone_key = cornerstone, .catalogue_key = key, .own_text = own,
			 .created_at = "2026-09-01T00:00:00Z"};
	int64_t id;
	assert_int_equal(store_measure_insert(&f->db, &m, &id, &f->e), 0);
	return id;
}

static void measures_round_trip(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t a = add_measure(f, org, "2", "2.3", NULL);
	int64_t b = add_measure(f, org, "1", NULL, "Our own measure");
	measure_row m;
	assert_int_equal(store_measure_get(&f->db, &f->mem, a, &m, &f->e), 1);
	assert_string_equal(m.catalogue_key, "2.3");
	assert_null(m.own_text);
	assert_string_equal(m.improve, "");
	assert_int_equal(m.carried_from, 0);
	assert_int_equal(store_measure_get(&f->db, &f->mem, b + 10, &m, &f->e), 0);
	m.id = a;
	m.improve = "Attendance at events";
	m.know = "Survey";
	m.measuring = "Percent";
	m.evaluation = "Newsletter";
	m.updated_at = "2026-09-02T00:00:00Z";
	assert_int_equal(store_measure_update_grid(&f->db, &m, &f->e), 0);
	assert_int_equal(store_measure_get(&f->db, &f->mem, a, &m, &f->e), 1);
	assert_string_equal(m.evaluation, "Newsletter");
	assert_string_equal(m.updated_at, "2026-09-02T00:00:00Z");
	measure_list list;
	assert_int_equal(store_measure_list(&f->db, &f->mem, org, NULL, &list, &f->e), 0);
	assert_int_equal(list.n, 2);
	assert_int_equal(list.items[0].id, b);     /* cornerstone 1 first */
	assert_int_equal(store_measure_list(&f->db, &f->mem, org, "2025-26", &list, &f->e), 0);
	assert_int_equal(list.n, 0);
	assert_int_equal(store_measure_find_catalogue(&f->db, &f->mem, org, "2026-27", "2.3", &m, &f->e), 1);
	assert_int_equal(store_measure_find_catalogue(&f->db, &f->mem, org, "2026-27", "2.4", &m, &f->e), 0);
}

static void metrics_and_readings(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t ms = add_measure(f, org, "1", "1.1", NULL);
	metric_row mt = {.measure_id = ms, .name = "Attendance", .kind = "percentage",
			 .direction = "higher", .has_target = true, .target = 95,
			 .created_at = "2026-09-01T00:00:00Z"};
	int64_t id, rid;
	assert_int_equal(store_metric_insert(&f->db, &mt, &id, &f->e), 0);
	metric_row got;
	assert_int_equal(store_metric_get(&f->db, &f->mem, id, &got, &f->e), 1);
	assert_false(got.has_baseline);
	assert_true(got.has_target);
	assert_true(got.target == 95);
	assert_string_equal(got.unit, "");
	const char *dates[] = {"2026-10-01", "2026-03-01", "2026-06-01"};
	for (int i = 0; i < 3; i++) {
		reading_row r = {.metric_id = id, .taken_on = dates[i], .value = 90 + i,
				 .has_fraction = i == 1, .numerator = 91, .denominator = 100,
				 .source = "survey", .groups = GROUP_PARENTS,
				 .created_at = "2026-10-01T00:00:00Z"};
		assert_int_equal(store_reading_insert(&f->db, &r, &rid, &f->e), 0);
	}
	reading_list rl;
	assert_int_equal(store_reading_list(&f->db, &f->mem, id, &rl, &f->e), 0);
	assert_int_equal(rl.n, 3);
	assert_string_equal(rl.items[0].taken_on, "2026-03-01");
	assert_string_equal(rl.items[2].taken_on, "2026-10-01");
	assert_true(rl.items[0].has_fraction);
	assert_int_equal(rl.items[0].denominator, 100);
	assert_false(rl.items[1].has_fraction);
	assert_int_equal(rl.items[1].groups, GROUP_PARENTS);
	reading_row one;
	assert_int_equal(store_reading_on(&f->db, &f->mem, id, "2026-06-01", &one, &f->e), 1);
	assert_true(one.value == 92);
	assert_int_equal(store_reading_on(&f->db, &f->mem, id, "2026-06-02", &one, &f->e), 0);
	/* The schema itself refuses a zero denominator. */
	reading_row bad = {.metric_id = id, .taken_on = "2026-01-01", .has_fraction = true,
			   .numerator = 0, .denominator = 0, .source = "survey",
			   .created_at = "2026-10-01T00:00:00Z"};
	assert_int_equal(store_reading_insert(&f->db, &bad, &rid, &f->e), -1);
}

static void links_once_both_ways(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t a = add_measure(f, org, "1", "1.1", NULL);
	int64_t b = add_measure(f, org, "3", "3.1", NULL);
	int64_t c = add_measure(f, org, "2", "2.1", NULL);
	assert_int_equal(store_measure_link_add(&f->db, b, a, "2026-09-01T00:00:00Z", &f->e), 1);
	assert_int_equal(store_measure_link_add(&f->db, a, b, "2026-09-01T00:00:00Z", &f->e), 0);
	assert_int_equal(store_measure_link_add(&f->db, a, c, "2026-09-01T00:00:00Z", &f->e), 1);
	measure_list l;
	assert_int_equal(store_measure_links(&f->db, &f->mem, a, &l, &f->e), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.items[0].id, c);   /* cornerstone 2 before 3 */
	assert_int_equal(l.items[1].id, b);
	assert_int_equal(store_measure_links(&f->db, &f->mem, b, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].id, a);
	assert_int_equal(store_measure_link_remove(&f->db, b, a, &f->e), 1);
	assert_int_equal(store_measure_link_remove(&f->db, b, a, &f->e), 0);
	assert_int_equal(store_measure_links(&f->db, &f->mem, b, &l, &f->e), 0);
	assert_int_equal(l.n, 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(measures_round_trip), T(metrics_and_readings),
					   T(links_once_both_ways)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
