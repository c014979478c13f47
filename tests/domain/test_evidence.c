/* test_evidence.c: the evidence library, links across cornerstones (all
 * or none), and organisations' own indicators. */
#include "store/review.h"
#include "testutil.h"

static int64_t add(fixture *f, int64_t org, const char *title)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = "2026-05-01",
			   .groups = GROUP_PARENTS};
	int64_t id;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	return id;
}

static void refused_evidence(fixture *f, evidence_row ev, const char *fragment)
{
	int64_t before = test_count_rows(&f->db), id;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), -1);
	if (!strstr(f->e.msg, fragment))
		fail_msg("message \"%s\" lacks \"%s\"", f->e.msg, fragment);
	assert_int_equal(test_count_rows(&f->db), before);
}

static void validation(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	evidence_row ok = {.organisation_id = org, .title = "Survey", .date = "2026-05-01"};
	evidence_row ev = ok;
	ev.title = "";
	refused_evidence(f, ev, "title is required");
	ev = ok;
	ev.date = "2026-02-30";
	refused_evidence(f, ev, "2026-02-30");
	ev.date = NULL;
	refused_evidence(f, ev, "needs a date");
	ev = ok;
	ev.date = "2190-01-01";
	refused_evidence(f, ev, "in the future");
	ev = ok;
	ev.url = "javascript:alert(1)";
	refused_evidence(f, ev, "https://");
	ev = ok;
	ev.organisation_id = org + 7;
	refused_evidence(f, ev, "no organisation");
	ev = ok;
	ev.url = "";
	int64_t id;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	evidence_row got;
	assert_int_equal(evidence_get(&f->d, id, &got, &f->e), 0);
	assert_null(got.url);
}

static void refs(void **state)
{
	fixture *f = *state;
	indicator_ref r;
	assert_int_equal(indicator_ref_parse(&f->mem, "2iii.own1", &r, &f->e), 0);
	assert_string_equal(r.element, "2iii");
	assert_string_equal(r.indicator, "own1");
	const char *bad[] = {"1i", ".a", "1i.", "1i.a.b", ""};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(indicator_ref_parse(&f->mem, bad[i], &r, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "1i.a"));
}

static void links_all_or_nothing(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t eval = fixture_evaluation(f, org);
	int64_t ev = add(f, org, "Coffee mornings");
	size_t n;
	int64_t before = test_count_rows(&f->db);
	const char *mixed[] = {"1iii.a", "4i.b", "1i.z"};
	assert_int_equal(evidence_link(&f->d, ev, eval, mixed, 3, false, &n, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "no indicator \"z\""));
	assert_int_equal(test_count_rows(&f->db), before);
	const char *wrong_statement[] = {"9ix.a"};
	assert_int_equal(evidence_link(&f->d, ev, eval, wrong_statement, 1, false, &n, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "no statement"));
	assert_int_equal(evidence_link(&f->d, ev, eval, mixed, 0, false, &n, &f->e), -1);

	assert_int_equal(evidence_link(&f->d, ev, eval, mixed, 2, false, &n, &f->e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(evidence_link(&f->d, ev, eval, mixed, 2, false, &n, &f->e), 0);
	assert_int_equal(n, 0);                          /* already linked */
	assert_int_equal(evidence_link(&f->d, ev, eval, mixed + 1, 1, true, &n, &f->e), 0);
	assert_int_equal(n, 1);
	link_list links;
	assert_int_equal(store_links_of_evidence(&f->db, &f->mem, ev, &links, &f->e), 0);
	assert_int_equal(links.n, 1);
	assert_string_equal(links.items[0].element_key, "1iii");
}

static void other_organisation_refused(void **state)
{
	fixture *f = *state;
	int64_t a = fixture_org(f, "School A");
	int64_t b = fixture_org(f, "School B");
	int64_t eval_b = fixture_evaluation(f, b);
	int64_t ev_a = add(f, a, "A's evidence");
	size_t n;
	const char *refs[] = {"1i.a"};
	assert_int_equal(evidence_link(&f->d, ev_a, eval_b, refs, 1, false, &n, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "another organisation"));
}

/* evidence_add_linked: the item and its links are one change. */
static void add_linked(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t other = fixture_org(f, "Other school");
	int64_t eval = fixture_evaluation(f, org);
	int64_t eval_other = fixture_evaluation(f, other);
	evidence_row ev = {.organisation_id = org, .title = "Coffee mornings", .date = "2026-05-01",
			   .groups = GROUP_PARENTS};
	const char *refs[] = {"1iii.a", "4i.b", "1i.z"};
	int64_t id = 0, before = test_count_rows(&f->db);
	size_t n = 9;

	/* One wrong reference: no item, no links. */
	assert_int_equal(evidence_add_linked(&f->d, &ev, eval, refs, 3, &id, &n, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "no indicator \"z\""));
	assert_int_equal(n, 0);
	assert_int_equal(test_count_rows(&f->db), before);
	/* Another organisation's evaluation, or none: refused before adding. */
	assert_int_equal(evidence_add_linked(&f->d, &ev, eval_other, refs, 2, &id, &n, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_non_null(strstr(f->e.msg, "another organisation"));
	assert_int_equal(evidence_add_linked(&f->d, &ev, eval + 99, refs, 2, &id, &n, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(test_count_rows(&f->db), before);
	/* A submitted evaluation takes no links, so no item either. */
	assert_int_equal(evaluation_set_status(&f->d, eval, "submitted", &f->e), 0);
	before = test_count_rows(&f->db);
	assert_int_equal(evidence_add_linked(&f->d, &ev, eval, refs, 2, &id, &n, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_int_equal(test_count_rows(&f->db), before);
	assert_int_equal(evaluation_set_status(&f->d, eval, "draft", &f->e), 0);

	assert_int_equal(evidence_add_linked(&f->d, &ev, eval, refs, 2, &id, &n, &f->e), 0);
	assert_int_equal(n, 2);
	link_list links;
	assert_int_equal(links_of_evidence(&f->d, id, &links, &f->e), 0);
	assert_int_equal(links.n, 2);
	/* No references: just the item, whatever `evaluation` says. */
	int64_t plain;
	assert_int_equal(evidence_add_linked(&f->d, &ev, 0, NULL, 0, &plain, &n, &f->e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(links_of_evidence(&f->d, plain, &links, &f->e), 0);
	assert_int_equal(links.n, 0);
}

static void own_indicators(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t eval = fixture_evaluation(f, org);
	char *k1, *k2, *k3;
	assert_int_equal(own_indicator_add(&f->d, eval, "3ii", "Named person phones", &k1, &f->e), 0);
	assert_int_equal(own_indicator_add(&f->d, eval, "3ii", "Second", &k2, &f->e), 0);
	assert_int_equal(own_indicator_add(&f->d, eval, "1i", "Elsewhere", &k3, &f->e), 0);
	assert_string_equal(k1, "own1");
	assert_string_equal(k2, "own2");
	assert_string_equal(k3, "own1");
	assert_int_equal(own_indicator_add(&f->d, eval, "3ii", "", &k1, &f->e), -1);
	assert_int_equal(own_indicator_add(&f->d, eval, "3xx", "Text", &k1, &f->e), -1);

	int64_t ev = add(f, org, "Phone log");
	size_t n;
	const char *refs[] = {"3ii.own2", "1i.own1"};
	assert_int_equal(evidence_link(&f->d, ev, eval, refs, 2, false, &n, &f->e), 0);
	assert_int_equal(n, 2);
	evaluation_progress p;
	assert_int_equal(evaluation_progress_load(&f->d, eval, &p, &f->e), 0);
	assert_int_equal(p.indicators, 133);
	assert_int_equal(p.indicators_evidenced, 2);
	const element_progress *ep = progress_element(&p, "3ii");
	assert_true(ep->indicators[ep->n_indicators - 1].own);
	assert_int_equal(ep->indicators[ep->n_indicators - 1].evidence, 1);

	/* They belong to this evaluation: the next cycle starts without them
	 * and adding there leaves this one as it was. */
	int64_t next;
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2027-28", &next, &f->e), 0);
	assert_int_equal(own_indicator_add(&f->d, next, "3ii", "Next year's", &k1, &f->e), 0);
	assert_string_equal(k1, "own1");
	assert_int_equal(evaluation_progress_load(&f->d, eval, &p, &f->e), 0);
	assert_int_equal(p.indicators, 133);
	assert_int_equal(evaluation_progress_load(&f->d, next, &p, &f->e), 0);
	assert_int_equal(p.indicators, 131);
}

static void edit(void **state)
{
	fixture *f = *state;
	int64_t id = add(f, fixture_org(f, "School"), "Before");
	evidence_row ev;
	assert_int_equal(evidence_get(&f->d, id, &ev, &f->e), 0);
	ev.title = "After";
	ev.groups = GROUP_CYP;
	assert_int_equal(evidence_edit(&f->d, &ev, &f->e), 0);
	ev.date = "2026-13-01";
	assert_int_equal(evidence_edit(&f->d, &ev, &f->e), -1);
	evidence_row got;
	assert_int_equal(evidence_get(&f->d, id, &got, &f->e), 0);
	assert_string_equal(got.title, "After");
	assert_string_equal(got.date, "2026-05-01");
	assert_int_equal(got.groups, GROUP_CYP);
	ev.id = 999;
	ev.date = "2026-05-01";
	assert_int_equal(evidence_edit(&f->d, &ev, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

/* The same title (any case, spaces around) and date, in the same
 * organisation only; the first such item. */
static void same_title_and_date(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other school");
	int64_t first = add(f, org, "Coffee mornings");
	add(f, org, "Coffee mornings");
	add(f, other, "Tea afternoons");
	evidence_row same, probe = {.organisation_id = org, .title = "  coffee Mornings ", .date = "2026-05-01"};
	assert_int_equal(evidence_find_same(&f->d, &probe, &same, &f->e), 1);
	assert_int_equal(same.id, first);
	probe.date = "2026-05-02";
	assert_int_equal(evidence_find_same(&f->d, &probe, &same, &f->e), 0);
	probe = (evidence_row){.organisation_id = org, .title = "Tea afternoons", .date = "2026-05-01"};
	assert_int_equal(evidence_find_same(&f->d, &probe, &same, &f->e), 0);
	probe.date = NULL;
	assert_int_equal(evidence_find_same(&f->d, &probe, &same, &f->e), 0);
}

/* The organisation's items a statement's page shows, from its one read. */
static evidence_list statement_evidence(fixture *f, int64_t org, int64_t eval, const char *element)
{
	statement_link_list rows;
	statement_links sl;
	link_count_list counts;
	assert_int_equal(statement_links_ask(&f->d, eval, element, &rows, &f->e), 0);
	statement_links_take(&f->d, org, eval, element, &rows, &sl, &counts);
	return sl.evidence;
}

/* A statement page's evidence: the items linked to that statement of
 * that evaluation, each once, in the order of their first link; not the
 * rest of the library. */
static void evidence_of_one_statement(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t eval = fixture_evaluation(f, org), later;
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2027-28", &later, &f->e), 0);
	int64_t both = add(f, org, "Coffee mornings"), other = add(f, org, "Parent survey");
	int64_t elsewhere = add(f, org, "Youth forum");
	add(f, org, "Not linked");
	size_t n;
	assert_int_equal(evidence_link(&f->d, other, eval, (const char *[]){"1i.b"}, 1, false, &n, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, both, eval, (const char *[]){"1i.a", "1i.c"}, 2, false, &n, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, elsewhere, eval, (const char *[]){"2i.a"}, 1, false, &n, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, elsewhere, later, (const char *[]){"1i.a"}, 1, false, &n, &f->e), 0);

	evidence_list list = statement_evidence(f, org, eval, "1i");
	assert_int_equal(list.n, 2);
	assert_int_equal(list.items[0].id, both);
	assert_string_equal(list.items[0].title, "Coffee mornings");
	assert_int_equal(list.items[0].groups, GROUP_PARENTS);
	assert_int_equal(list.items[1].id, other);
	assert_int_equal(statement_evidence(f, org, eval, "3i").n, 0);
	/* Another organisation's id reads nothing of this one's. */
	int64_t stranger = fixture_org(f, "Other school");
	assert_int_equal(statement_evidence(f, stranger, eval, "1i").n, 0);
}

/* The statement page's one read, split: every link of the statement by
 * indicator, the organisation's items each once, the links carried
 * forward, and counts equal to the evaluation's own for that statement. */
static void one_statement_in_one_read(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), stranger = fixture_org(f, "Other school");
	int64_t eval = fixture_evaluation(f, org);
	int64_t both = add(f, org, "Coffee mornings"), other = add(f, org, "Parent survey");
	int64_t elsewhere = add(f, org, "Youth forum");
	size_t n;
	assert_int_equal(evidence_link(&f->d, other, eval, (const char *[]){"1i.b"}, 1, false, &n, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, both, eval, (const char *[]){"1i.a", "1i.c"}, 2, false, &n, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, elsewhere, eval, (const char *[]){"2i.a"}, 1, false, &n, &f->e), 0);
	link_row carried = {.evidence_id = other, .evaluation_id = eval, .element_key = "1i",
			    .indicator_key = "d", .created_at = "2026-05-02T10:00:00Z"};
	assert_int_equal(store_link_add_carried(&f->db, &carried, &f->e), 1);

	statement_link_list rows;
	statement_links sl;
	link_count_list counts, all;
	assert_int_equal(statement_links_ask(&f->d, eval, "1i", &rows, &f->e), 0);
	statement_links_take(&f->d, org, eval, "1i", &rows, &sl, &counts);
	assert_int_equal(sl.links.n, 4);
	const char *keys[] = {"a", "b", "c", "d"};
	const int64_t items[] = {both, other, both, other};
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(sl.links.items[i].indicator_key, keys[i]);
		assert_int_equal(sl.links.items[i].evidence_id, items[i]);
		assert_int_equal(sl.links.items[i].evaluation_id, eval);
		assert_string_equal(sl.links.items[i].element_key, "1i");
	}
	assert_int_equal(sl.evidence.n, 2);
	assert_int_equal(sl.evidence.items[0].id, both);
	assert_string_equal(sl.evidence.items[0].title, "Coffee mornings");
	assert_string_equal(sl.evidence.items[0].date, "2026-05-01");
	assert_int_equal(sl.evidence.items[0].groups, GROUP_PARENTS);
	assert_int_equal(sl.evidence.items[1].id, other);
	assert_int_equal(sl.carried.n, 1);
	assert_int_equal(sl.carried.items[0].evidence_id, other);
	assert_string_equal(sl.carried.items[0].indicator_key, "d");
	assert_null(sl.carried.items[0].confirmed_at);
	assert_int_equal(store_link_counts(&f->db, &f->mem, eval, &all, &f->e), 0);
	assert_int_equal(counts.n, 4);
	size_t matched = 0;
	for (size_t i = 0, j = 0; i < all.n; i++) {
		if (strcmp(all.items[i].element_key, "1i"))
			continue;
		matched++;
		for (j = 0; j < counts.n && strcmp(counts.items[j].indicator_key, all.items[i].indicator_key); j++)
			;
		assert_true(j < counts.n);
		assert_string_equal(counts.items[j].element_key, "1i");
		assert_int_equal(counts.items[j].evidence, all.items[i].evidence);
		assert_int_equal(counts.items[j].groups, all.items[i].groups);
	}
	assert_int_equal(matched, counts.n);
	/* Another organisation is shown none of the items. */
	statement_links_take(&f->d, stranger, eval, "1i", &rows, &sl, &counts);
	assert_int_equal(sl.links.n, 4);
	assert_int_equal(sl.evidence.n, 0);
}

/* The library's items: newest evidence date first (the larger id first
 * on the same date), `limit` from the `offset`th, each with its links
 * counted and the total found. */
static void library_items_in_pages(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), eval = fixture_evaluation(f, org);
	evidence_row ev = {.organisation_id = org, .title = "Older", .date = "2026-04-01",
			   .groups = GROUP_CYP};
	int64_t older, newer = add(f, org, "Newer"), bare = add(f, org, "Bare");
	assert_int_equal(evidence_add(&f->d, &ev, &older, &f->e), 0);
	size_t n;
	assert_int_equal(evidence_link(&f->d, newer, eval, (const char *[]){"1i.a", "2i.b"}, 2, false, &n, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, older, eval, (const char *[]){"1i.a"}, 1, false, &n, &f->e), 0);
	library_list page;
	assert_int_equal(evidence_library(&f->d, org, &(evidence_filter){0}, 0, 10, &page, &f->e), 0);
	assert_int_equal(page.n, 3);
	/* bare, newer (same date, larger id first), older */
	const library_row want[] = {
		{.id = bare, .title = "Bare", .date = "2026-05-01", .groups = GROUP_PARENTS, .links = 0},
		{.id = newer, .title = "Newer", .date = "2026-05-01", .groups = GROUP_PARENTS, .links = 2},
		{.id = older, .title = "Older", .date = "2026-04-01", .groups = GROUP_CYP, .links = 1},
	};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(page.items[i].id, want[i].id);
		assert_string_equal(page.items[i].title, want[i].title);
		assert_string_equal(page.items[i].date, want[i].date);
		assert_int_equal(page.items[i].groups, want[i].groups);
		assert_int_equal(page.items[i].links, want[i].links);
		assert_int_equal(page.items[i].total, 3);
	}
	assert_int_equal(evidence_library(&f->d, org, &(evidence_filter){0}, 1, 1, &page, &f->e), 0);
	assert_int_equal(page.n, 1);
	assert_int_equal(page.items[0].id, newer);
	assert_int_equal(page.items[0].total, 3);
	assert_int_equal(evidence_library(&f->d, org, &(evidence_filter){0}, 3, 1, &page, &f->e), 0);
	assert_int_equal(page.n, 0);
	assert_int_equal(evidence_library(&f->d, org, &(evidence_filter){.element = "2i"}, 0, 10, &page, &f->e), 0);
	assert_int_equal(page.n, 1);
	assert_int_equal(page.items[0].total, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(validation), T(refs), T(links_all_or_nothing), T(other_organisation_refused),
		T(add_linked), T(own_indicators), T(edit), T(same_title_and_date),
		T(evidence_of_one_statement), T(one_statement_in_one_read), T(library_items_in_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
