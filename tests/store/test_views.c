/* test_views.c: the partner-voice tables as the store writes and reads
 * them: a round with its elements and links (a token hash once), counts of
 * submitted answers only, drafts that leave the page cache's revision alone,
 * settings, and the retention purge. */
#include "testutil.h"

#include "store/views.h"

static int64_t round_of(fixture *f, int64_t org, int64_t ev)
{
	view_round_row r = {.organisation_id = org, .evaluation_id = ev,
			    .framework_id = "four-cornerstones",
			    .framework_hash = fixture_framework_hash(f, "four-cornerstones"),
			    .title = "Autumn views", .wording = "standard", .language = "en-GB",
			    .opens_on = "2026-10-01", .answer_cap = 2000, .created_by_name = "copro",
			    .created_at = "2026-10-01T09:00:00Z", .updated_at = "2026-10-01T09:00:00Z"};
	int64_t id;
	assert_int_equal(store_view_round_insert(&f->db, &r, &id, &f->e), 0);
	view_element_row el = {.round_id = id, .position = 1, .element_key = "1i"};
	assert_int_equal(store_view_element_insert(&f->db, &el, &f->e), 0);
	return id;
}

static int64_t response(fixture *f, int64_t round, int64_t link, const char *cookie,
			const char *started, const char *submitted, int rating, const char *good)
{
	view_response_row p = {.round_id = round, .link_id = link, .cookie_hash = cookie,
			       .started_at = started, .submitted_at = submitted, .entered_by_name = ""};
	int64_t id;
	assert_int_equal(store_view_response_insert(&f->db, &p, &id, &f->e), 0);
	view_answer_row a = {.response_id = id, .element_key = "1i", .rating = rating, .good = good,
			     .updated_at = started};
	assert_int_equal(store_view_answer_put(&f->db, &a, &f->e), 0);
	return id;
}

static void rows_links_and_counts(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	int64_t round = round_of(f, org, fixture_evaluation(f, org)), link, other;
	view_link_row l = {.round_id = round, .partner_group = "parents", .group_name = "",
			   .token_hash = "aa", .created_at = "2026-10-01T09:00:00Z"};
	assert_int_equal(store_view_link_insert(&f->db, &l, &link, &f->e), 0);
	l.partner_group = "other";
	l.group_name = "Governors";
	assert_int_equal(store_view_link_insert(&f->db, &l, &other, &f->e), -1);   /* same hash */
	l.token_hash = "bb";
	assert_int_equal(store_view_link_insert(&f->db, &l, &other, &f->e), 0);
	l.partner_group = "cyp";                /* a named group must be "other" */
	l.token_hash = "cc";
	assert_int_equal(store_view_link_insert(&f->db, &l, &other, &f->e), -1);

	int64_t before = 0, after = 0;
	assert_int_equal(store_org_revision(&f->db, org, &before, &f->e), 0);
	response(f, round, link, "c1", "2026-10-02T09:00:00Z", NULL, 4, NULL);        /* a draft */
	assert_int_equal(store_org_revision(&f->db, org, &after, &f->e), 0);
	assert_int_equal(after, before);        /* drafts leave cached pages alone */
	response(f, round, link, NULL, "2026-10-02T09:00:00Z", "2026-10-02T09:05:00Z", 3, "Kind");
	response(f, round, link, NULL, "2026-10-03T09:00:00Z", "2026-10-03T09:05:00Z", 3, NULL);
	assert_int_equal(store_org_revision(&f->db, org, &after, &f->e), 0);
	assert_true(after > before);

	view_count_list counts;
	assert_int_equal(store_view_counts(&f->db, &f->mem, round, &counts, &f->e), 0);
	assert_int_equal(counts.n, 1);
	assert_int_equal(counts.items[0].rating, 3);
	assert_int_equal(counts.items[0].n, 2);
	view_link_list links;
	assert_int_equal(store_view_links(&f->db, &f->mem, round, &links, &f->e), 0);
	assert_int_equal(links.n, 2);
	assert_int_equal(links.items[0].submitted, 2);
	view_link_row found;
	assert_int_equal(store_view_link_by_hash(&f->db, &f->mem, "bb", &found, &f->e), 1);
	assert_string_equal(found.group_name, "Governors");
	assert_int_equal(store_view_link_rehash(&f->db, round, found.id, "dd", "2026-10-04T00:00:00Z", &f->e), 1);
	assert_int_equal(store_view_link_by_hash(&f->db, &f->mem, "bb", &found, &f->e), 0);
	view_response_row p;
	assert_int_equal(store_view_response_by_cookie(&f->db, &f->mem, "c1", &p, &f->e), 1);
	assert_null(p.submitted_at);
	assert_int_equal(store_view_response_submit(&f->db, p.id, "2026-10-05T00:00:00Z", &f->e), 1);
	assert_int_equal(store_view_response_submit(&f->db, p.id, "2026-10-05T00:00:00Z", &f->e), 0);
}

static void settings_and_purge(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	int64_t round = round_of(f, org, fixture_evaluation(f, org)), link;
	view_link_row l = {.round_id = round, .partner_group = "parents", .group_name = "",
			   .token_hash = "aa", .created_at = "2026-10-01T09:00:00Z"};
	assert_int_equal(store_view_link_insert(&f->db, &l, &link, &f->e), 0);
	view_org_setting_row s;
	assert_int_equal(store_view_org_setting_get(&f->db, &f->mem, org, &s, &f->e), 0);
	s = (view_org_setting_row){org, "Mrs Khan", 6, "2026-10-01T09:00:00Z"};
	assert_int_equal(store_view_org_setting_put(&f->db, &s, &f->e), 0);
	s.retention_months = 0;                 /* out of range: the table refuses it too */
	assert_int_equal(store_view_org_setting_put(&f->db, &s, &f->e), -1);
	view_purge_list orgs;
	assert_int_equal(store_view_purge_orgs(&f->db, &f->mem, 24, &orgs, &f->e), 0);
	assert_int_equal(orgs.n, 1);
	assert_int_equal(orgs.items[0].retention_months, 6);
	response(f, round, link, NULL, "2026-01-01T09:00:00Z", "2026-01-01T09:05:00Z", 2, "Old");
	response(f, round, link, NULL, "2026-09-01T09:00:00Z", "2026-09-01T09:05:00Z", 2, "New");
	response(f, round, link, "c2", "2026-01-01T09:00:00Z", NULL, 2, "Old draft");
	int64_t n;
	assert_int_equal(store_view_text_purge(&f->db, org, "2026-03-01T00:00:00Z", &n, &f->e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM view_answer WHERE good IS NOT NULL"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM view_answer WHERE rating = 2"), 3);
	assert_int_equal(store_view_text_purge(&f->db, org, "2026-03-01T00:00:00Z", &n, &f->e), 0);
	assert_int_equal(n, 0);
	int64_t area = fixture_org_area(f, org);
	view_area_setting_row a = {area, 3, "2026-10-01T09:00:00Z"}, got;
	assert_int_equal(store_view_area_setting_put(&f->db, &a, &f->e), 0);
	assert_int_equal(store_view_area_setting_get(&f->db, &f->mem, area, &got, &f->e), 1);
	assert_int_equal(got.min_group, 3);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(rows_links_and_counts), T(settings_and_purge)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
