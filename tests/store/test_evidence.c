/* test_evidence.c: evidence rows, links and organisations' own indicators. */
#include "store/sql.h"
#include "testutil.h"

static int64_t add_evidence(fixture *f, int64_t org, const char *title, int groups)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = "2026-05-01",
			   .groups = groups, .created_at = "2026-05-02T10:00:00Z"};
	int64_t id;
	assert_int_equal(store_evidence_insert(&f->db, &ev, &id, &f->e), 0);
	return id;
}

static void evidence_round_trip(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add_evidence(f, org, "Survey", GROUP_CYP | GROUP_PRACTITIONERS);
	evidence_row got;
	assert_int_equal(store_evidence_get(&f->db, &f->mem, id, &got, &f->e), 1);
	assert_string_equal(got.title, "Survey");
	assert_string_equal(got.description, "");
	assert_null(got.url);
	assert_int_equal(got.groups, GROUP_CYP | GROUP_PRACTITIONERS);
	got.title = "Survey (autumn)";
	got.groups = GROUP_PARENTS;
	got.url = "https://example.org/survey";
	got.updated_at = "2026-06-01T00:00:00Z";
	assert_int_equal(store_evidence_update(&f->db, &got, &f->e), 0);
	evidence_row again;
	assert_int_equal(store_evidence_get(&f->db, &f->mem, id, &again, &f->e), 1);
	assert_string_equal(again.title, "Survey (autumn)");
	assert_int_equal(again.groups, GROUP_PARENTS);
	assert_string_equal(again.url, "https://example.org/survey");
	assert_string_equal(again.created_at, "2026-05-02T10:00:00Z");
}

static void links_are_a_set(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t eval = fixture_evaluation(f, org);
	int64_t a = add_evidence(f, org, "A", GROUP_PARENTS);
	int64_t b = add_evidence(f, org, "B", GROUP_CYP);
	link_row l = {.evidence_id = a, .evaluation_id = eval, .element_key = "1i",
		      .indicator_key = "a", .created_at = "2026-05-02T10:00:00Z"};
	assert_int_equal(store_link_add(&f->db, &l, &f->e), 1);
	assert_int_equal(store_link_add(&f->db, &l, &f->e), 0);      /* already there */
	l.element_key = "3ii";
	l.indicator_key = "b";
	assert_int_equal(store_link_add(&f->db, &l, &f->e), 1);
	l.evidence_id = b;
	assert_int_equal(store_link_add(&f->db, &l, &f->e), 1);

	link_list of_a, of_eval;
	assert_int_equal(store_links_of_evidence(&f->db, &f->mem, a, &of_a, &f->e), 0);
	assert_int_equal(of_a.n, 2);
	assert_string_equal(of_a.items[0].element_key, "1i");
	assert_int_equal(of_a.items[0].groups, GROUP_PARENTS);
	assert_int_equal(store_links_of_evaluation(&f->db, &f->mem, eval, &of_eval, &f->e), 0);
	assert_int_equal(of_eval.n, 3);

	/* One statement's links, and the counts per indicator with the
	 * partner groups of all their evidence together. */
	statement_link_list of_3ii;
	assert_int_equal(store_statement_links(&f->db, &f->mem, eval, "3ii", &of_3ii, &f->e), 0);
	assert_int_equal(of_3ii.n, 2);
	assert_int_equal(of_3ii.items[0].evidence_id, a);
	assert_int_equal(of_3ii.items[1].evidence_id, b);
	assert_int_equal(store_statement_links(&f->db, &f->mem, eval, "2iv", &of_3ii, &f->e), 0);
	assert_int_equal(of_3ii.n, 0);
	link_count_list counts;
	assert_int_equal(store_link_counts(&f->db, &f->mem, eval, &counts, &f->e), 0);
	assert_int_equal(counts.n, 2);
	assert_string_equal(counts.items[0].element_key, "1i");
	assert_int_equal(counts.items[0].evidence, 1);
	assert_int_equal(counts.items[0].groups, GROUP_PARENTS);
	assert_string_equal(counts.items[1].element_key, "3ii");
	assert_string_equal(counts.items[1].indicator_key, "b");
	assert_int_equal(counts.items[1].evidence, 2);
	assert_int_equal(counts.items[1].groups, GROUP_PARENTS | GROUP_CYP);

	assert_int_equal(store_link_remove(&f->db, &l, &f->e), 1);
	assert_int_equal(store_link_remove(&f->db, &l, &f->e), 0);   /* nothing left */
}

/* An index's columns in order, joined by commas. */
static const char *index_columns(fixture *f, const char *index)
{
	struct { const char **items; size_t n; } cols = {0};
	const char *sql = SQL_DIALECT(&f->db,
		"SELECT name FROM pragma_index_info(?) ORDER BY seqno",
		"SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey)"
		" WITH ORDINALITY AS k (attnum, n) JOIN pg_attribute a ON a.attrelid = i.indrelid"
		" AND a.attnum = k.attnum WHERE i.indexrelid = to_regclass(CAST(? AS TEXT)) ORDER BY k.n");
	assert_int_equal(SQL_LIST(&f->db, &f->mem, sql, SQL_ARGS(sql_text(index)), &cols,
				  sql_text_row, &f->e), 0);
	const char *joined = "";
	for (size_t i = 0; i < cols.n; i++)
		joined = arena_printf(&f->mem, "%s%s%s", joined, i ? "," : "", cols.items[i]);
	return joined;
}

/* store_link_counts (an evaluation overview's heaviest read) and the
 * statement page's links are answered from these two indexes, without a
 * sort and without reading a row of either table (migration 29). */
static void link_counts_read_indexes_only(void **state)
{
	fixture *f = *state;
	assert_string_equal(index_columns(f, "evidence_link_evaluation"),
			    "evaluation_id,element_key,indicator_key,evidence_id");
	assert_string_equal(index_columns(f, "evidence_organisation"),
			    "organisation_id,id,with_cyp,with_parents,with_practitioners");
}

static void own_indicators(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t eval = fixture_evaluation(f, org);
	own_indicator_row r = {.evaluation_id = eval, .element_key = "2i", .key = "own1",
			       .text = "Ours", .created_at = "2026-05-02T10:00:00Z"};
	int64_t id;
	assert_int_equal(store_own_indicator_insert(&f->db, &r, &id, &f->e), 0);
	assert_int_equal(store_own_indicator_insert(&f->db, &r, &id, &f->e), -1);  /* same key */
	own_indicator_list all, none;
	assert_int_equal(store_own_indicator_list(&f->db, &f->mem, eval, &all, &f->e), 0);
	assert_int_equal(all.n, 1);
	assert_string_equal(all.items[0].text, "Ours");
	assert_int_equal(store_own_indicator_list(&f->db, &f->mem, eval + 1, &none, &f->e), 0);
	assert_int_equal(none.n, 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(evidence_round_trip), T(links_are_a_set), T(link_counts_read_indexes_only),
		T(own_indicators),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
