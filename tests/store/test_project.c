/* test_project.c: project rows, their people, steps, answers and evidence
 * links, and the order lists come back in. */
#include "testutil.h"

#include "store/project.h"

/* A project row written straight to the store, with a stored version of
 * the strategic model (the framework_hash must exist). */
static int64_t add(fixture *f, int64_t org, const char *title, const char *starts_on)
{
	const framework *fw = fw_registry_find(&f->frameworks, "york-strategic-model");
	assert_non_null(fw);
	assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
	project_row p = {.organisation_id = org, .framework_id = fw->id, .framework_hash = fw->hash,
			 .title = title, .starts_on = starts_on, .created_at = "2026-01-01T00:00:00Z"};
	int64_t id;
	assert_int_equal(store_project_insert(&f->db, &p, &id, &f->e), 0);
	return id;
}

static void insert_get_update_list(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other School");
	int64_t older = add(f, org, "Leaflet", "2025-09-01");
	int64_t newer = add(f, org, "Website", "2026-09-01");
	add(f, other, "Not ours", "2026-10-01");
	project_row p;
	assert_int_equal(store_project_get(&f->db, &f->mem, older, &p, &f->e), 1);
	assert_string_equal(p.title, "Leaflet");
	assert_string_equal(p.framework_id, "york-strategic-model");
	assert_string_equal(p.service_area, "");
	assert_string_equal(p.description, "");
	assert_null(p.ends_on);
	assert_string_equal(p.updated_at, "2026-01-01T00:00:00Z");
	assert_int_equal(p.steps_done, 0);
	assert_int_equal(store_project_get(&f->db, &f->mem, newer + 100, &p, &f->e), 0);

	p.title = "Short breaks leaflet";
	p.service_area = "Short breaks";
	p.description = "Rewrite it with families";
	p.ends_on = "2026-03-31";
	p.updated_at = "2026-02-01T00:00:00Z";
	p.framework_id = "ignored";
	assert_int_equal(store_project_update(&f->db, &p, &f->e), 0);
	project_row got;
	assert_int_equal(store_project_get(&f->db, &f->mem, older, &got, &f->e), 1);
	assert_string_equal(got.title, "Short breaks leaflet");
	assert_string_equal(got.service_area, "Short breaks");
	assert_string_equal(got.description, "Rewrite it with families");
	assert_string_equal(got.ends_on, "2026-03-31");
	assert_string_equal(got.updated_at, "2026-02-01T00:00:00Z");
	assert_string_equal(got.framework_id, "york-strategic-model");
	assert_int_equal(store_project_touch(&f->db, older, "2026-02-02T00:00:00Z", &f->e), 0);
	assert_int_equal(store_project_get(&f->db, &f->mem, older, &got, &f->e), 1);
	assert_string_equal(got.updated_at, "2026-02-02T00:00:00Z");

	project_list list;
	assert_int_equal(store_project_list(&f->db, &f->mem, org, &list, &f->e), 0);
	assert_int_equal(list.n, 2);
	assert_int_equal(list.items[0].id, newer);       /* latest start first */
	assert_int_equal(list.items[1].id, older);
	assert_int_equal(store_project_list(&f->db, &f->mem, org + 100, &list, &f->e), 0);
	assert_int_equal(list.n, 0);
}

static void people_in_order(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add(f, org, "Leaflet", "2026-09-01");
	project_person_row a = {.project_id = id, .name = "Sam", .role = "Parent rep",
				.partner_group = "parent-carers"};
	project_person_row b = {.project_id = id, .partner_group = "children-and-young-people"};
	assert_int_equal(store_project_person_add(&f->db, &a, &f->e), 0);
	assert_int_equal(store_project_person_add(&f->db, &b, &f->e), 0);
	project_person_list list;
	assert_int_equal(store_project_person_list(&f->db, &f->mem, id, &list, &f->e), 0);
	assert_int_equal(list.n, 2);
	assert_int_equal(list.items[0].position, 1);
	assert_string_equal(list.items[0].name, "Sam");
	assert_int_equal(list.items[1].position, 2);
	assert_string_equal(list.items[1].name, "");     /* no name is held unless typed */
	assert_string_equal(list.items[1].role, "");
	/* The schema refuses a group that is not one of the three. */
	project_person_row bad = {.project_id = id, .partner_group = "everyone"};
	assert_int_equal(store_project_person_add(&f->db, &bad, &f->e), -1);
	assert_int_equal(store_project_people_clear(&f->db, id, &f->e), 0);
	assert_int_equal(store_project_person_list(&f->db, &f->mem, id, &list, &f->e), 0);
	assert_int_equal(list.n, 0);
	assert_int_equal(store_project_person_add(&f->db, &b, &f->e), 0);
	assert_int_equal(store_project_person_list(&f->db, &f->mem, id, &list, &f->e), 0);
	assert_int_equal(list.items[0].position, 1);
}

static void steps_answers_and_done_count(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add(f, org, "Leaflet", "2026-09-01");
	project_step_row s = {.project_id = id, .step_key = "1", .done = true, .done_on = "2026-09-10",
			      .note = "Coffee morning", .updated_at = "2026-09-10T00:00:00Z"};
	assert_int_equal(store_project_step_put(&f->db, &s, &f->e), 0);
	s.step_key = "2";
	s.done = false;
	s.done_on = NULL;
	s.note = NULL;
	assert_int_equal(store_project_step_put(&f->db, &s, &f->e), 0);
	project_row p;
	assert_int_equal(store_project_get(&f->db, &f->mem, id, &p, &f->e), 1);
	assert_int_equal(p.steps_done, 1);
	/* Putting again replaces. */
	s.step_key = "1";
	s.done = false;
	s.note = "Not yet after all";
	assert_int_equal(store_project_step_put(&f->db, &s, &f->e), 0);
	project_step_list steps;
	assert_int_equal(store_project_step_list(&f->db, &f->mem, id, &steps, &f->e), 0);
	assert_int_equal(steps.n, 2);
	assert_string_equal(steps.items[0].step_key, "1");
	assert_false(steps.items[0].done);
	assert_null(steps.items[0].done_on);
	assert_string_equal(steps.items[0].note, "Not yet after all");
	assert_string_equal(steps.items[1].note, "");
	assert_int_equal(store_project_get(&f->db, &f->mem, id, &p, &f->e), 1);
	assert_int_equal(p.steps_done, 0);

	project_answer_row a = {.project_id = id, .step_key = "11", .question_key = "b",
				.answer = "partly", .note = "Some of it", .updated_at = "2026-10-01T00:00:00Z"};
	assert_int_equal(store_project_answer_put(&f->db, &a, &f->e), 0);
	a.answer = "yes";
	a.note = NULL;
	assert_int_equal(store_project_answer_put(&f->db, &a, &f->e), 0);
	a.answer = "maybe";         /* the schema's CHECK refuses it */
	assert_int_equal(store_project_answer_put(&f->db, &a, &f->e), -1);
	project_answer_list answers;
	assert_int_equal(store_project_answer_list(&f->db, &f->mem, id, &answers, &f->e), 0);
	assert_int_equal(answers.n, 1);
	assert_string_equal(answers.items[0].answer, "yes");
	assert_string_equal(answers.items[0].note, "");
}

static void evidence_links_with_titles(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add(f, org, "Leaflet", "2026-09-01");
	evidence_row ev = {.organisation_id = org, .title = "Coffee morning notes", .date = "2026-09-10",
			   .groups = GROUP_PARENTS | GROUP_CYP};
	int64_t e1, e2;
	assert_int_equal(evidence_add(&f->d, &ev, &e1, &f->e), 0);
	ev.title = "Earlier survey";
	ev.date = "2026-09-01";
	ev.groups = GROUP_PRACTITIONERS;
	assert_int_equal(evidence_add(&f->d, &ev, &e2, &f->e), 0);
	project_evidence_row l = {.project_id = id, .step_key = "1", .evidence_id = e1,
				  .created_at = "2026-09-11T00:00:00Z"};
	assert_int_equal(store_project_evidence_add(&f->db, &l, &f->e), 1);
	assert_int_equal(store_project_evidence_add(&f->db, &l, &f->e), 0);     /* there already */
	l.evidence_id = e2;
	assert_int_equal(store_project_evidence_add(&f->db, &l, &f->e), 1);
	l.step_key = "5";
	assert_int_equal(store_project_evidence_add(&f->db, &l, &f->e), 1);
	project_evidence_list list;
	assert_int_equal(store_project_evidence_list(&f->db, &f->mem, id, &list, &f->e), 0);
	assert_int_equal(list.n, 3);
	assert_string_equal(list.items[0].step_key, "1");
	assert_string_equal(list.items[0].title, "Earlier survey");     /* oldest first */
	assert_int_equal(list.items[0].groups, GROUP_PRACTITIONERS);
	assert_string_equal(list.items[1].title, "Coffee morning notes");
	assert_string_equal(list.items[1].evidence_date, "2026-09-10");
	assert_int_equal(list.items[1].groups, GROUP_PARENTS | GROUP_CYP);
	assert_string_equal(list.items[2].step_key, "5");
	assert_int_equal(store_project_evidence_remove(&f->db, id, "1", e2, &f->e), 1);
	assert_int_equal(store_project_evidence_remove(&f->db, id, "1", e2, &f->e), 0);
	assert_int_equal(store_project_evidence_list(&f->db, &f->mem, id, &list, &f->e), 0);
	assert_int_equal(list.n, 2);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(insert_get_update_list), T(people_in_order),
					   T(steps_answers_and_done_count),
					   T(evidence_links_with_titles)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
