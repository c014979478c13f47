/* test_area_picture.c: what the area dashboard's picture costs the
 * database: its organisations and their latest audits' levels in two
 * statements (each a round trip on PostgreSQL), the levels counted per
 * principle from those rows. Which audit counts, the filters and the
 * boundaries are tests/store/test_area.c's. */
#include "testutil.h"

#include "domain/area.h"
#include "store/area.h"
#include "store/sql.h"

/* An accepted audit of `org` with the levels of principles 1 to 6 (NULL:
 * not recorded), written straight into the tables. */
static void audit_with_levels(fixture *f, int64_t org, const char *date, const char *const lv[6])
{
	const char *hash = fixture_framework_hash(f, "york-joint-partnership-audit");
	test_exec(&f->db, arena_printf(&f->mem,
		"INSERT INTO audit (organisation_id, framework_hash, version, status, audit_date, outcome,"
		" created_at, updated_at) VALUES (%lld, '%s', 1, 'accepted', '%s', 'good',"
		" '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
		"UPDATE audit SET first_id = id WHERE first_id IS NULL;",
		(long long)org, hash, date));
	for (int i = 0; i < 6; i++)
		test_exec(&f->db, arena_printf(&f->mem,
			"INSERT INTO audit_principle (audit_id, principle_key, level, updated_at)"
			" SELECT MAX(id), '%d', %s%s%s, '2026-01-01T00:00:00Z' FROM audit",
			i + 1, lv[i] ? "'" : "", lv[i] ? lv[i] : "NULL", lv[i] ? "'" : ""));
}

static size_t count_of(const area_picture *p, int principle, const char *level)
{
	int li = picture_level_index(p, level);
	assert_true(li >= 0);
	return p->counts[(size_t)principle * p->n_levels + (size_t)li];
}

static void two_statements_and_counts(void **state)
{
	fixture *f = *state;
	int64_t oak = fixture_org(f, "Oak School"), ash = fixture_org(f, "Ash School");
	fixture_org(f, "Elm School");   /* never audited */
	audit_with_levels(f, oak, "2026-03-01", (const char *const[6]){"good", "good", "excellent",
		"room-for-improvement", "good", NULL});
	audit_with_levels(f, ash, "2026-02-01", (const char *const[6]){"good", "excellent", "excellent",
		"good", "good", "good"});
	/* Oak's earlier audit no longer counts. */
	audit_with_levels(f, oak, "2025-03-01", (const char *const[6]){"excellent", "excellent",
		"excellent", "excellent", "excellent", "excellent"});

	area_picture p;
	int64_t area = fixture_org_area(f, oak);
	uint64_t before = store_statements(&f->db);
	assert_int_equal(area_picture_load(&f->d, area, NULL, "2026-06-15", &p, &f->e), 0);
	assert_int_equal(store_statements(&f->db) - before, 2);

	assert_int_equal(p.n_orgs, 3);
	assert_int_equal(p.audited, 2);
	assert_int_equal(count_of(&p, 0, "good"), 2);
	assert_int_equal(count_of(&p, 0, "excellent"), 0);
	assert_int_equal(count_of(&p, 1, "excellent"), 1);
	assert_int_equal(count_of(&p, 2, "excellent"), 2);
	assert_int_equal(count_of(&p, 3, "room-for-improvement"), 1);
	assert_int_equal(p.recorded[0], 2);
	assert_int_equal(p.recorded[5], 1);     /* Oak left principle 6 blank */
	assert_int_equal(count_of(&p, 5, "good"), 1);
}

/* Every page of the area reads each organisation's latest accepted audit
 * and latest self-evaluation from an index in that order, with nothing
 * sorted per organisation (migration 30; before it PostgreSQL sorted
 * each organisation's rows under the LIMIT). The plan is that of
 * store/area.c's own statement, which joins both (the other pages'
 * statements join the same text); its one sort is the list's, by name. */
static void latest_read_in_index_order(void **state)
{
	fixture *f = *state;
	/* On PostgreSQL tables this small are read whole unless told not to:
	 * what matters is that the indexes can answer. */
	if (store_engine_is_pg(&f->db))
		test_exec(&f->db, "SET enable_seqscan = off");
	store_plan plan = {.a = &f->mem};
	picture_window w = {.today = "2026-06-15", .since = "2025-06-15", .year_from = "2026-01-01",
			    .year_to = "2026-12-31", .framework = "four-cornerstones"};
	picture_org_list orgs;
	store_explain(&f->db, &plan);
	assert_int_equal(store_picture_orgs(&f->db, &f->mem, 1, NULL, &w, &orgs, &f->e), 0);
	store_explain(&f->db, NULL);
	assert_int_equal(orgs.n, 0);    /* explained, not run */
	bool pg = store_engine_is_pg(&f->db);
	assert_int_equal(plan_lines_with(&plan, pg ? "using audit_organisation on audit a "
					 : "SEARCH a USING COVERING INDEX audit_organisation"), 1);
	assert_int_equal(plan_lines_with(&plan, pg ? "using evaluation_latest on evaluation x "
					 : "SEARCH x USING COVERING INDEX evaluation_latest"), 1);
	assert_int_equal(plan_lines_with(&plan, pg ? "Sort Key" : "TEMP B-TREE"), 1);
	assert_int_equal(plan_lines_with(&plan, pg ? "Sort Key: o.name, o.id" : "USE TEMP B-TREE FOR ORDER BY"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(two_statements_and_counts, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(latest_read_in_index_order, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
