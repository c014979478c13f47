/* test_evaluation.c: starting evaluations, the instrument version they
 * keep, progress counts and statement reviews. */
#include "testutil.h"

static int64_t add_evidence(fixture *f, int64_t org, int groups)
{
	evidence_row ev = {.organisation_id = org, .title = "Item", .date = "2026-05-01",
			   .groups = groups};
	int64_t id;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	return id;
}

static void start_rules(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = fixture_evaluation(f, org), other;
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2026-27", &other, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_non_null(strstr(f->e.msg, "number 1"));
	assert_int_equal(evaluation_start(&f->d, org, "no-such-thing", "2026-27", &other, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(evaluation_start(&f->d, org, "york-joint-partnership-audit", "2026-27", &other, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "rubric"));
	assert_int_equal(evaluation_start(&f->d, org + 50, "four-cornerstones", "2026-27", &other, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "", &other, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2027-28", &other, &f->e), 0);
	assert_int_not_equal(id, other);
}

static void status_changes(void **state)
{
	fixture *f = *state;
	int64_t id = fixture_evaluation(f, fixture_org(f, "School"));
	assert_int_equal(evaluation_set_status(&f->d, id, "submitted", &f->e), 0);
	review_change c = {.status = "complete", .groups = -1};
	assert_int_equal(review_set(&f->d, id, "1i", &c, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_int_equal(evaluation_set_status(&f->d, id, "approved", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_int_equal(evaluation_set_status(&f->d, id + 9, "draft", &f->e), -1);
	assert_int_equal(evaluation_set_status(&f->d, id, "draft", &f->e), 0);
	assert_int_equal(review_set(&f->d, id, "1i", &c, &f->e), 0);
}

static void progress_counts(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t eval = fixture_evaluation(f, org);
	int64_t a = add_evidence(f, org, GROUP_PARENTS);
	int64_t b = add_evidence(f, org, GROUP_CYP);
	size_t n;
	const char *refs_a[] = {"1i.a", "1i.b", "3ii.c"};
	const char *refs_b[] = {"1i.a", "4iv.d"};
	assert_int_equal(evidence_link(&f->d, a, eval, refs_a, 3, false, &n, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, b, eval, refs_b, 2, false, &n, &f->e), 0);
	review_change c = {.status = "complete", .groups = GROUP_PRACTITIONERS};
	assert_int_equal(review_set(&f->d, eval, "2ii", &c, &f->e), 0);

	evaluation_progress p;
	assert_int_equal(evaluation_progress_load(&f->d, eval, &p, &f->e), 0);
	assert_false(p.framework_changed);
	assert_int_equal(p.n_sections, 4);
	assert_int_equal(p.elements, 25);
	assert_int_equal(p.indicators, 130);
	assert_int_equal(p.indicators_evidenced, 4);     /* 1i.a, 1i.b, 3ii.c, 4iv.d */
	assert_int_equal(p.elements_evidenced, 3);       /* 1i, 3ii, 4iv */
	assert_int_equal(p.elements_complete, 1);
	assert_int_equal(p.groups, 7);
	assert_int_equal(p.sections[0].indicators_evidenced, 2);
	assert_int_equal(p.sections[0].groups, GROUP_PARENTS | GROUP_CYP);
	assert_int_equal(p.sections[1].groups, GROUP_PRACTITIONERS);   /* from the review */
	const element_progress *ep = progress_element(&p, "1i");
	assert_non_null(ep);
	assert_int_equal(ep->indicators[0].evidence, 2);
	assert_int_equal(ep->indicators[0].groups, GROUP_PARENTS | GROUP_CYP);
	assert_int_equal(ep->evidenced, 2);
	assert_string_equal(ep->review.status, "not-started");
	assert_null(progress_element(&p, "9z"));
}

static void reviews(void **state)
{
	fixture *f = *state;
	int64_t eval = fixture_evaluation(f, fixture_org(f, "School"));
	review_change c = {.strengths = "Warm welcome", .groups = -1};
	assert_int_equal(review_set(&f->d, eval, "1i", &c, &f->e), 0);
	c = (review_change){.areas = "Adjustments", .status = "in-progress", .groups = GROUP_CYP};
	assert_int_equal(review_set(&f->d, eval, "1i", &c, &f->e), 0);
	review_row r;
	assert_int_equal(store_review_get(&f->db, &f->mem, eval, "1i", &r, &f->e), 1);
	assert_string_equal(r.strengths, "Warm welcome");   /* kept */
	assert_string_equal(r.areas, "Adjustments");
	assert_string_equal(r.status, "in-progress");
	assert_int_equal(r.groups, GROUP_CYP);
	/* A change that sets every field replaces the row whole. */
	c = (review_change){.strengths = "", .areas = "", .status = "not-started", .groups = 0};
	assert_int_equal(review_set(&f->d, eval, "1i", &c, &f->e), 0);
	assert_int_equal(store_review_get(&f->db, &f->mem, eval, "1i", &r, &f->e), 1);
	assert_string_equal(r.strengths, "");
	assert_string_equal(r.areas, "");
	assert_string_equal(r.status, "not-started");
	assert_int_equal(r.groups, 0);
	int64_t before = test_count_rows(&f->db);
	c = (review_change){.status = "finished", .groups = -1};
	assert_int_equal(review_set(&f->d, eval, "1i", &c, &f->e), -1);
	c = (review_change){.status = "complete", .groups = -1};
	assert_int_equal(review_set(&f->d, eval, "9ix", &c, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	char *long_text = arena_alloc(&f->mem, TEXT_LONG_MAX + 2);
	memset(long_text, 'x', TEXT_LONG_MAX + 1);
	c = (review_change){.strengths = long_text, .groups = -1};
	assert_int_equal(review_set(&f->d, eval, "1i", &c, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "too long"));
	assert_int_equal(test_count_rows(&f->db), before);
}

/* Writes a copy of the bundled four-cornerstones with one indicator
 * reworded into DIR, as a local area editing its file would. */
static void write_edited_copy(fixture *f, const char *dir)
{
	const framework *fw = fw_registry_find(&f->frameworks, "four-cornerstones");
	json_t *doc = json_deep_copy(fw->doc);
	json_t *ind = json_array_get(json_object_get(json_array_get(json_object_get(
		json_array_get(json_object_get(doc, "sections"), 0), "elements"), 0), "indicators"), 0);
	json_object_set_new(ind, "text", json_string("Reworded locally"));
	char path[256];
	snprintf(path, sizeof path, "%s/four-cornerstones.json", dir);
	assert_int_equal(json_dump_file(doc, path, JSON_INDENT(2)), 0);
	json_decref(doc);
}

static void edited_instrument_does_not_relabel(void **state)
{
	fixture *f = *state;
	int64_t eval = fixture_evaluation(f, fixture_org(f, "School"));
	char dir[128];
	snprintf(dir, sizeof dir, "%s/frameworks", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	write_edited_copy(f, dir);
	fw_registry edited;
	assert_int_equal(fw_registry_load(&edited, dir, &f->e), 0);
	domain d2 = f->d;
	d2.frameworks = &edited;

	evaluation_progress p;
	assert_int_equal(evaluation_progress_load(&d2, eval, &p, &f->e), 0);
	assert_true(p.framework_changed);
	assert_string_equal(p.sections[0].elements[0].indicators[0].text,
			    "There is a positive culture where welcoming attitudes are modelled and promoted by all practitioners, led by the senior leadership team and governance");

	/* A new evaluation takes the edited version. */
	int64_t next;
	org_row o;
	assert_int_equal(org_get(&d2, 1, &o, &f->e), 0);
	assert_int_equal(evaluation_start(&d2, o.id, "four-cornerstones", "2027-28", &next, &f->e), 0);
	assert_int_equal(evaluation_progress_load(&d2, next, &p, &f->e), 0);
	assert_false(p.framework_changed);
	assert_string_equal(p.sections[0].elements[0].indicators[0].text, "Reworded locally");
	fw_registry_free(&edited);
}

/* Each stored version is parsed once per process and shared: loading it
 * again gives the same instrument, and framework_free leaves it usable.
 * A lost version is still an error, however many others are cached. */
static void stored_versions_are_parsed_once(void **state)
{
	fixture *f = *state;
	int64_t eval = fixture_evaluation(f, fixture_org(f, "School"));
	evaluation_row ev;
	assert_int_equal(evaluation_get(&f->d, eval, &ev, &f->e), 0);
	bool changed = true;
	framework *a = framework_version_load(&f->d, ev.framework_id, ev.framework_hash, &changed, &f->e);
	assert_non_null(a);
	assert_false(changed);
	framework_free(a);
	framework *b = framework_version_load(&f->d, ev.framework_id, ev.framework_hash, &changed, &f->e);
	assert_ptr_equal(a, b);
	assert_string_equal(b->title, "Four Cornerstones Self-Evaluation Tool");
	framework_free(b);
	assert_null(framework_version_load(&f->d, ev.framework_id, "0123", &changed, &f->e));
	assert_non_null(strstr(f->e.msg, "lost the text"));
	framework_version_cache_clear();
	framework *c = framework_version_load(&f->d, ev.framework_id, ev.framework_hash, &changed, &f->e);
	assert_non_null(c);
	assert_int_equal(c->n_sections, 4);
	framework_free(c);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(start_rules), T(status_changes), T(progress_counts), T(reviews),
		T(edited_instrument_does_not_relabel), T(stored_versions_are_parsed_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
