/* test_org.c: organisation rows and their areas. */
#include "testutil.h"

static void insert_get_find_list(void **state)
{
	fixture *f = *state;
	org_row o = {.name = "Oak Lane Nursery", .type = "Nursery", .sector = "education",
		     .area = "Northshire", .urn = "123456", .opened_on = "2001-09-01",
		     .created_at = "2026-01-01T00:00:00Z"};
	int64_t a, b;
	assert_int_equal(store_org_insert(&f->db, &o, &a, &f->e), 0);
	o.name = "Children's Therapy Service";
	o.sector = "health";
	o.urn = NULL;
	o.ods_code = "RCB";
	assert_int_equal(store_org_insert(&f->db, &o, &b, &f->e), 0);

	org_row got;
	assert_int_equal(store_org_get(&f->db, &f->mem, a, &got, &f->e), 1);
	assert_string_equal(got.name, "Oak Lane Nursery");
	assert_string_equal(got.area, "Northshire");
	assert_string_equal(got.urn, "123456");
	assert_null(got.ukprn);
	assert_string_equal(got.updated_at, "2026-01-01T00:00:00Z");
	assert_int_equal(store_org_get(&f->db, &f->mem, 9999, &got, &f->e), 0);

	assert_int_equal(store_org_find(&f->db, &f->mem, "Oak Lane Nursery", "Northshire", &got, &f->e), 1);
	assert_int_equal(got.id, a);
	assert_int_equal(store_org_find(&f->db, &f->mem, "Oak Lane Nursery", "Southshire", &got, &f->e), 0);

	org_list list;
	assert_int_equal(store_org_list(&f->db, &f->mem, &list, &f->e), 0);
	assert_int_equal(list.n, 2);
	assert_string_equal(list.items[0].name, "Children's Therapy Service");  /* by name */
}

static void area_shared_and_optional(void **state)
{
	fixture *f = *state;
	org_row o = {.name = "No Area Service", .sector = "care", .created_at = "2026-01-01T00:00:00Z"};
	int64_t id;
	assert_int_equal(store_org_insert(&f->db, &o, &id, &f->e), 0);
	org_row got;
	assert_int_equal(store_org_find(&f->db, &f->mem, "No Area Service", NULL, &got, &f->e), 1);
	assert_null(got.area);
	o.area = "Eastborough";
	o.name = "One";
	assert_int_equal(store_org_insert(&f->db, &o, &id, &f->e), 0);
	o.name = "Two";
	assert_int_equal(store_org_insert(&f->db, &o, &id, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM area"), 1);
}

static void update(void **state)
{
	fixture *f = *state;
	int64_t id = fixture_org(f, "Before");
	org_row o;
	assert_int_equal(store_org_get(&f->db, &f->mem, id, &o, &f->e), 1);
	o.name = "After";
	o.closed_on = "2026-08-31";
	o.updated_at = "2026-09-01T00:00:00Z";
	assert_int_equal(store_org_update(&f->db, &o, &f->e), 0);
	org_row got;
	assert_int_equal(store_org_get(&f->db, &f->mem, id, &got, &f->e), 1);
	assert_string_equal(got.name, "After");
	assert_string_equal(got.closed_on, "2026-08-31");
	assert_string_equal(got.updated_at, "2026-09-01T00:00:00Z");
	assert_string_not_equal(got.created_at, got.updated_at);
}

static void sector_checked_by_schema(void **state)
{
	fixture *f = *state;
	org_row o = {.name = "X", .sector = "retail", .created_at = "2026-01-01T00:00:00Z"};
	int64_t id;
	assert_int_equal(store_org_insert(&f->db, &o, &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(insert_get_find_list), T(area_shared_and_optional), T(update),
		T(sector_checked_by_schema),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
