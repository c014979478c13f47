/* test_area_picture.c: what the area dashboard's picture costs the
 * database: its organisations and their latest audits' levels in two
 * statements (each a round trip on PostgreSQL), the levels counted per
 * principle from those rows. Which audit counts, the filters and the
 * boundaries are tests/store/test_area.c's. */
#include "testutil.h"

#include "domain/area.h"
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

/* A line of a query's plan: SQLite's EXPLAIN QUERY PLAN gives id,
 * parent, notused and the detail; PostgreSQL's EXPLAIN the text alone. */
typedef struct { int64_t id, parent, notused; const char *detail; } plan_line;
static const sql_col plan_sqlite[] = {
	SQL_COL(plan_line, id, I64), SQL_COL(plan_line, parent, I64), SQL_COL(plan_line, notused, I64),
	SQL_COL(plan_line, detail, TEXT), SQL_TABLE_END,
};
static const sql_col plan_pg[] = {SQL_COL(plan_line, detail, TEXT), SQL_TABLE_END};

/* The plan of `query` walks `index` and sorts nothing. */
static void read_in_index_order(fixture *f, const char *query, const char *index)
{
	const char *sql = arena_printf(&f->mem, "%s %s", SQL_DIALECT(&f->db, "EXPLAIN QUERY PLAN", "EXPLAIN"),
				       query);
	struct { plan_line *items; size_t n; } plan = {0};
	assert_int_equal(SQL_LIST(&f->db, &f->mem, sql, NULL, &plan, SQL_DIALECT(&f->db, plan_sqlite, plan_pg),
				  &f->e), 0);
	size_t found = 0;
	for (size_t i = 0; i < plan.n; i++) {
		body_lacks(plan.items[i].detail, SQL_DIALECT(&f->db, "TEMP B-TREE", "Sort"));
		found += strstr(plan.items[i].detail, index) != NULL;
	}
	assert_int_equal(found, 1);
}

/* Every page of the area reads each organisation's latest accepted audit
 * and latest self-evaluation, the way store/area.c's PostgreSQL texts do:
 * from an index in that order, with nothing sorted (migration 30; before
 * it PostgreSQL sorted each organisation's rows under the LIMIT). */
static void latest_read_in_index_order(void **state)
{
	fixture *f = *state;
	if (store_engine_is_pg(&f->db))
		test_exec(&f->db, "SET enable_seqscan = off");
	read_in_index_order(f, "SELECT a.id, a.audit_date FROM audit a WHERE a.organisation_id = 1"
			    " AND a.status = 'accepted' ORDER BY a.audit_date DESC, a.id DESC LIMIT 1",
			    "audit_organisation");
	read_in_index_order(f, "SELECT x.id, x.status FROM evaluation x WHERE x.organisation_id = 1"
			    " AND x.framework_id = 'four-cornerstones' ORDER BY x.id DESC LIMIT 1",
			    "evaluation_latest");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(two_statements_and_counts, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(latest_read_in_index_order, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
