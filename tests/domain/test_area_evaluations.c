/* test_area_evaluations.c: the area's view of self-evaluations: each
 * organisation's latest Four Cornerstones evaluation counted per
 * cornerstone (statements judged, the tool's indicators with evidence, the
 * partner groups involved, the last change), organisations with none,
 * filters, and nothing from another area. */
#include "testutil.h"

#include "domain/area.h"

static int64_t linked_evidence(fixture *f, int64_t org, int64_t eval, int groups, const char *const *refs,
			       size_t n_refs)
{
	evidence_row ev = {.organisation_id = org, .title = "Coffee morning notes", .date = "2026-05-01",
			   .groups = groups};
	int64_t id;
	size_t n;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, id, eval, refs, n_refs, false, &n, &f->e), 0);
	return id;
}

static const picture_evaluation *org_in(const area_evaluations *ev, int64_t org)
{
	for (size_t i = 0; i < ev->n_orgs; i++)
		if (ev->orgs[i].row.organisation_id == org)
			return &ev->orgs[i];
	return NULL;
}

static void counts_per_cornerstone(void **state)
{
	fixture *f = *state;
	int64_t ours = fixture_org(f, "Oak School"), quiet = fixture_org(f, "Ash School");
	int64_t eval = fixture_evaluation(f, ours);
	/* Two of 1i's indicators and one of 2iii's; 1i.a twice counts once. */
	linked_evidence(f, ours, eval, GROUP_CYP, (const char *[]){"1i.a", "1i.b", "2iii.b"}, 3);
	linked_evidence(f, ours, eval, 0, (const char *[]){"1i.a"}, 1);
	/* Evidence for the organisation's own indicator is not the tool's. */
	char *own;
	assert_int_equal(own_indicator_add(&f->d, eval, "3i", "Our own", &own, &f->e), 0);
	linked_evidence(f, ours, eval, GROUP_PRACTITIONERS,
			(const char *[]){arena_printf(&f->mem, "3i.%s", own)}, 1);
	review_change c = {.status = "complete", .groups = GROUP_PARENTS};
	assert_int_equal(review_set(&f->d, eval, "1ii", &c, &f->e), 0);
	c.status = "in-progress";
	assert_int_equal(review_set(&f->d, eval, "4i", &c, &f->e), 0);
	assert_int_equal(evaluation_set_status(&f->d, eval, "submitted", &f->e), 0);

	area_evaluations ev;
	assert_int_equal(area_evaluations_load(&f->d, fixture_org_area(f, ours), NULL, &ev, &f->e), 0);
	assert_int_equal(ev.n_orgs, 2);
	assert_int_equal(ev.started, 1);
	assert_int_equal(ev.submitted, 1);
	assert_string_equal(ev.orgs[0].row.name, "Ash School");       /* by name */
	const picture_evaluation *o = org_in(&ev, ours), *none = org_in(&ev, quiet);
	assert_non_null(o);
	assert_int_equal(none->row.evaluation_id, 0);
	assert_int_equal(none->judged, 0);
	assert_null(none->changed_at);
	assert_int_equal(o->row.evaluation_id, eval);
	assert_string_equal(o->row.status, "submitted");
	assert_int_equal(o->statements, 25);
	assert_int_equal(o->judged, 1);                 /* 4i is only in progress */
	assert_int_equal(o->indicators, ev.fw->n_indicators);
	assert_int_equal(o->evidenced, 3);
	assert_int_equal(o->cornerstones[0].evidenced, 2);
	assert_int_equal(o->cornerstones[0].judged, 1);
	assert_int_equal(o->cornerstones[0].statements, 7);
	assert_int_equal(o->cornerstones[0].groups, GROUP_CYP | GROUP_PARENTS);
	assert_int_equal(o->cornerstones[1].evidenced, 1);
	assert_int_equal(o->cornerstones[2].evidenced, 0);
	assert_int_equal(o->cornerstones[2].groups, 0);  /* own indicator's evidence left out */
	assert_int_equal(o->cornerstones[3].groups, GROUP_PARENTS);
	assert_int_equal(o->groups, GROUP_CYP | GROUP_PARENTS);
	assert_non_null(o->changed_at);
	assert_string_equal(evaluation_status_words(o->row.status), "Submitted");
	assert_string_equal(evaluation_status_words(NULL), "Not started");
	/* The portfolio's read: the same judged statements and totals with the
	 * organisations, in their two statements. */
	area_picture p;
	int64_t area = fixture_org_area(f, ours);
	uint64_t before = store_statements(&f->db);
	assert_int_equal(area_portfolio_load(&f->d, area, &p, &f->e), 0);
	assert_int_equal(store_statements(&f->db) - before, 2);
	assert_int_equal(p.n_orgs, 2);
	assert_int_equal(p.started, 1);
	assert_int_equal(p.submitted, 1);
	assert_int_equal(p.orgs[1].row.id, ours);
	assert_int_equal(p.orgs[1].row.evaluation_id, eval);
	assert_string_equal(p.orgs[1].row.evaluation_status, "submitted");
	assert_int_equal(p.orgs[1].row.judged, 1);
	assert_int_equal(p.orgs[0].row.evaluation_id, 0);
	assert_int_equal(p.orgs[0].row.judged, 0);
}

/* The latest evaluation counts, not an older cycle's; filters narrow;
 * another area's organisations never show. */
static void latest_only_and_filters(void **state)
{
	fixture *f = *state;
	int64_t ours = fixture_org(f, "Oak School");
	int64_t old = fixture_evaluation(f, ours);
	linked_evidence(f, ours, old, GROUP_CYP, (const char *[]){"1i.a"}, 1);
	int64_t now;
	assert_int_equal(evaluation_start(&f->d, ours, "four-cornerstones", "2027-28", &now, &f->e), 0);
	org_row far = {.name = "Far School", .sector = "health", .area = "Far Area"};
	int64_t far_id;
	assert_int_equal(org_add(&f->d, &far, &far_id, &f->e), 0);
	fixture_evaluation(f, far_id);

	area_evaluations ev;
	int64_t area = fixture_org_area(f, ours);
	assert_int_equal(area_evaluations_load(&f->d, area, NULL, &ev, &f->e), 0);
	assert_int_equal(ev.n_orgs, 1);
	assert_int_equal(ev.orgs[0].row.evaluation_id, now);
	assert_string_equal(ev.orgs[0].row.cycle, "2027-28");
	assert_int_equal(ev.orgs[0].evidenced, 0);
	picture_filter health = {.sector = "health"};
	assert_int_equal(area_evaluations_load(&f->d, area, &health, &ev, &f->e), 0);
	assert_int_equal(ev.n_orgs, 0);
	assert_int_equal(area_evaluations_load(&f->d, fixture_org_area(f, far_id), &health, &ev, &f->e), 0);
	assert_int_equal(ev.n_orgs, 1);
	assert_string_equal(ev.orgs[0].row.name, "Far School");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(counts_per_cornerstone, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(latest_only_and_filters, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
