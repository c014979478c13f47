/* test_audit.c: audit rows and versions, people, principles, evidence links,
 * events, the area queue, the linked project, actions from an audit and
 * the area's settings, at the store level. */
#include "testutil.h"

#include "store/account.h"
#include "store/audit.h"

#define T0 "2026-03-01T09:00:00Z"

static void put_version(fixture *f)
{
	assert_int_equal(store_framework_version_put(&f->db, "york-joint-partnership-audit", "h1",
						     "{}", T0, &f->e), 0);
}

static int64_t insert_audit(fixture *f, int64_t org, int64_t first_id, int version,
			    const char *status, const char *submitted_at)
{
	audit_row a = {.organisation_id = org, .framework_hash = "h1", .first_id = first_id,
		       .version = version, .status = status, .service_area = "Short breaks",
		       .submitted_at = submitted_at, .created_at = T0};
	int64_t id = 0;
	assert_int_equal(store_audit_insert(&f->db, &a, &id, &f->e), 0);
	return id;
}

static void rows_and_versions(void **state)
{
	fixture *f = *state;
	put_version(f);
	int64_t org = fixture_org(f, "School");
	int64_t first = insert_audit(f, org, 0, 1, "returned", NULL);
	audit_row a;
	assert_int_equal(store_audit_get(&f->db, &f->mem, first, &a, &f->e), 1);
	assert_int_equal(a.first_id, first);            /* set to its own id */
	assert_int_equal(a.version, 1);
	assert_int_equal(a.project_id, 0);
	assert_string_equal(a.status, "returned");
	assert_string_equal(a.organisation_name, "School");
	assert_string_equal(a.summary, "");
	assert_null(a.audit_date);
	assert_null(a.outcome);
	assert_string_equal(a.updated_at, T0);

	int64_t second = insert_audit(f, org, first, 2, "draft", NULL);
	/* The same version twice breaks UNIQUE (first_id, version). */
	audit_row dup = {.organisation_id = org, .framework_hash = "h1", .first_id = first,
			 .version = 2, .created_at = T0};
	int64_t id;
	assert_int_equal(store_audit_insert(&f->db, &dup, &id, &f->e), -1);

	a.id = second;
	a.audit_date = "2026-03-02";
	a.outcome = "good";
	a.outcome_reason = "why";
	a.summary = "All well";
	a.next_steps = "one\ntwo";
	a.review_on = "2026-09-01";
	a.signed_by = "Sam";
	a.signed_on = "2026-03-03";
	a.updated_at = "2026-03-04T00:00:00Z";
	a.status = "accepted";                          /* never written by update */
	assert_int_equal(store_audit_update(&f->db, &a, &f->e), 0);
	audit_row got;
	assert_int_equal(store_audit_get(&f->db, &f->mem, second, &got, &f->e), 1);
	assert_string_equal(got.status, "draft");
	assert_int_equal(got.first_id, first);
	assert_string_equal(got.outcome, "good");
	assert_string_equal(got.next_steps, "one\ntwo");
	assert_string_equal(got.signed_on, "2026-03-03");
	a.outcome = "excellent";                        /* not an outcome: CHECK */
	assert_int_equal(store_audit_update(&f->db, &a, &f->e), -1);

	got.status = "submitted";
	got.submitted_at = got.updated_at = "2026-03-05T00:00:00Z";
	assert_int_equal(store_audit_set_status(&f->db, &got, &f->e), 0);
	assert_int_equal(store_audit_get(&f->db, &f->mem, second, &got, &f->e), 1);
	assert_string_equal(got.status, "submitted");
	assert_string_equal(got.submitted_at, "2026-03-05T00:00:00Z");
	got.status = "approved";
	assert_int_equal(store_audit_set_status(&f->db, &got, &f->e), -1);

	audit_list versions, list;
	assert_int_equal(store_audit_versions(&f->db, &f->mem, first, &versions, &f->e), 0);
	assert_int_equal(versions.n, 2);
	assert_int_equal(versions.items[0].id, first);
	assert_int_equal(versions.items[1].version, 2);
	int64_t other = insert_audit(f, org, 0, 1, "draft", NULL);
	assert_int_equal(store_audit_list_org(&f->db, &f->mem, org, &list, &f->e), 0);
	assert_int_equal(list.n, 3);
	assert_int_equal(list.items[0].id, other);      /* newest first */
	assert_int_equal(list.items[1].id, second);
	assert_int_equal(list.items[2].id, first);
	assert_int_equal(store_audit_get(&f->db, &f->mem, other + 1, &got, &f->e), 0);
}

static void queue_and_decided(void **state)
{
	fixture *f = *state;
	put_version(f);
	int64_t a1 = fixture_org(f, "School");
	int64_t a2 = fixture_org(f, "Clinic");
	org_row far = {.name = "Far School", .sector = "education", .area = "Elsewhere"};
	int64_t b1;
	assert_int_equal(org_add(&f->d, &far, &b1, &f->e), 0);
	int64_t late = insert_audit(f, a1, 0, 1, "submitted", "2026-03-09T00:00:00Z");
	int64_t early = insert_audit(f, a2, 0, 1, "submitted", "2026-03-02T00:00:00Z");
	insert_audit(f, a1, 0, 1, "draft", NULL);
	insert_audit(f, b1, 0, 1, "submitted", "2026-03-01T00:00:00Z");
	int64_t area, elsewhere, none;
	assert_int_equal(store_audit_area_find(&f->db, "Test Area", &area, &f->e), 1);
	assert_int_equal(store_audit_area_find(&f->db, "Elsewhere", &elsewhere, &f->e), 1);
	assert_true(area != elsewhere);
	assert_int_equal(store_audit_area_find(&f->db, "Nowhere", &none, &f->e), 0);
	audit_list q;
	assert_int_equal(store_audit_queue(&f->db, &f->mem, area, &q, &f->e), 0);
	assert_int_equal(q.n, 2);
	assert_int_equal(q.items[0].id, early);
	assert_string_equal(q.items[0].organisation_name, "Clinic");
	assert_int_equal(q.items[1].id, late);
	assert_int_equal(store_audit_queue(&f->db, &f->mem, elsewhere, &q, &f->e), 0);
	assert_int_equal(q.n, 1);

	audit_row r;
	assert_int_equal(store_audit_get(&f->db, &f->mem, early, &r, &f->e), 1);
	r.status = "accepted";
	r.decided_at = r.updated_at = "2026-03-10T00:00:00Z";
	assert_int_equal(store_audit_set_status(&f->db, &r, &f->e), 0);
	assert_int_equal(store_audit_get(&f->db, &f->mem, late, &r, &f->e), 1);
	r.status = "returned";
	r.decided_at = r.updated_at = "2026-03-11T00:00:00Z";
	assert_int_equal(store_audit_set_status(&f->db, &r, &f->e), 0);
	audit_list decided;
	assert_int_equal(store_audit_decided(&f->db, &f->mem, area, 10, &decided, &f->e), 0);
	assert_int_equal(decided.n, 2);
	assert_int_equal(decided.items[0].id, late);    /* latest decision first */
	assert_int_equal(store_audit_decided(&f->db, &f->mem, area, 1, &decided, &f->e), 0);
	assert_int_equal(decided.n, 1);
	assert_int_equal(store_audit_queue(&f->db, &f->mem, area, &q, &f->e), 0);
	assert_int_equal(q.n, 0);
}

static int64_t add_evidence(fixture *f, int64_t org, const char *title, const char *date)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = date,
			   .groups = GROUP_PARENTS, .created_at = T0, .updated_at = T0};
	int64_t id;
	assert_int_equal(store_evidence_insert(&f->db, &ev, &id, &f->e), 0);
	return id;
}

static void parts_and_copy(void **state)
{
	fixture *f = *state;
	put_version(f);
	int64_t org = fixture_org(f, "School");
	int64_t id = insert_audit(f, org, 0, 1, "returned", NULL);

	audit_person_row p = {.audit_id = id, .name = "Sam", .designation = "SENCO"};
	assert_int_equal(store_audit_person_add(&f->db, &p, &f->e), 0);
	p.name = "Ann";
	p.designation = NULL;
	assert_int_equal(store_audit_person_add(&f->db, &p, &f->e), 0);
	p.name = "Bo";
	assert_int_equal(store_audit_person_add(&f->db, &p, &f->e), 0);
	assert_int_equal(store_audit_person_remove(&f->db, id, 2, &f->e), 1);
	assert_int_equal(store_audit_person_remove(&f->db, id, 2, &f->e), 0);
	audit_person_list people;
	assert_int_equal(store_audit_person_list(&f->db, &f->mem, id, &people, &f->e), 0);
	assert_int_equal(people.n, 2);
	assert_int_equal(people.items[0].position, 1);
	assert_string_equal(people.items[0].designation, "SENCO");
	assert_int_equal(people.items[1].position, 3);
	assert_string_equal(people.items[1].designation, "");

	audit_principle_row pr = {.audit_id = id, .principle_key = "2", .level = "good",
				  .score = 3, .notes = "n", .updated_at = T0};
	assert_int_equal(store_audit_principle_put(&f->db, &pr, &f->e), 0);
	pr.score = AUDIT_NO_SCORE;
	pr.level = NULL;
	pr.notes = "changed";
	assert_int_equal(store_audit_principle_put(&f->db, &pr, &f->e), 0);    /* upsert */
	pr.principle_key = "1";
	pr.level = "excellent";
	pr.score = 0;
	assert_int_equal(store_audit_principle_put(&f->db, &pr, &f->e), 0);
	audit_principle_row got;
	assert_int_equal(store_audit_principle_get(&f->db, &f->mem, id, "2", &got, &f->e), 1);
	assert_null(got.level);
	assert_int_equal(got.score, AUDIT_NO_SCORE);
	assert_string_equal(got.notes, "changed");
	assert_int_equal(store_audit_principle_get(&f->db, &f->mem, id, "1", &got, &f->e), 1);
	assert_int_equal(got.score, 0);                 /* zero is a score, not none */
	assert_int_equal(store_audit_principle_get(&f->db, &f->mem, id, "3", &got, &f->e), 0);

	int64_t ev1 = add_evidence(f, org, "Survey", "2026-01-10");
	int64_t ev2 = add_evidence(f, org, "Forum notes", "2026-02-10");
	audit_evidence_row l = {.audit_id = id, .principle_key = "2", .evidence_id = ev1,
				.created_at = T0};
	assert_int_equal(store_audit_evidence_add(&f->db, &l, &f->e), 1);
	assert_int_equal(store_audit_evidence_add(&f->db, &l, &f->e), 0);
	l.evidence_id = ev2;
	assert_int_equal(store_audit_evidence_add(&f->db, &l, &f->e), 1);
	l.principle_key = "1";
	assert_int_equal(store_audit_evidence_add(&f->db, &l, &f->e), 1);
	assert_int_equal(store_audit_evidence_remove(&f->db, id, "1", ev2, &f->e), 1);
	assert_int_equal(store_audit_evidence_remove(&f->db, id, "1", ev2, &f->e), 0);
	audit_evidence_list links;
	assert_int_equal(store_audit_evidence_list(&f->db, &f->mem, id, &links, &f->e), 0);
	assert_int_equal(links.n, 2);
	assert_string_equal(links.items[0].title, "Forum notes");   /* newest first */
	assert_string_equal(links.items[0].evidence_date, "2026-02-10");
	assert_int_equal(links.items[0].groups, GROUP_PARENTS);

	int64_t copy = insert_audit(f, org, id, 2, "draft", NULL);
	assert_int_equal(store_audit_copy_parts(&f->db, id, copy, "2026-04-01T00:00:00Z", &f->e), 0);
	audit_person_list cp;
	audit_principle_list cpr;
	audit_evidence_list cl;
	assert_int_equal(store_audit_person_list(&f->db, &f->mem, copy, &cp, &f->e), 0);
	assert_int_equal(store_audit_principle_list(&f->db, &f->mem, copy, &cpr, &f->e), 0);
	assert_int_equal(store_audit_evidence_list(&f->db, &f->mem, copy, &cl, &f->e), 0);
	assert_int_equal(cp.n, 2);
	assert_int_equal(cp.items[1].position, 3);
	assert_string_equal(cp.items[1].name, "Bo");
	assert_int_equal(cpr.n, 2);
	assert_string_equal(cpr.items[0].level, "excellent");
	assert_string_equal(cpr.items[0].updated_at, T0);
	assert_int_equal(cl.n, 2);
	assert_string_equal(cl.items[0].created_at, "2026-04-01T00:00:00Z");
	/* The original keeps its parts. */
	assert_int_equal(store_audit_evidence_list(&f->db, &f->mem, id, &links, &f->e), 0);
	assert_int_equal(links.n, 2);
	assert_int_equal(store_audit_people_clear(&f->db, copy, &f->e), 0);
	assert_int_equal(store_audit_person_list(&f->db, &f->mem, copy, &cp, &f->e), 0);
	assert_int_equal(cp.n, 0);
	assert_int_equal(store_audit_person_list(&f->db, &f->mem, id, &people, &f->e), 0);
	assert_int_equal(people.n, 2);
}

static void events_project_actions(void **state)
{
	fixture *f = *state;
	put_version(f);
	int64_t org = fixture_org(f, "School");
	int64_t id = insert_audit(f, org, 0, 1, "draft", NULL);
	audit_event_row ev = {.audit_id = id, .at = "2026-03-02T00:00:00Z", .user_name = "Ann",
			      .status = "submitted"};
	int64_t ev_id;
	assert_int_equal(store_audit_event_insert(&f->db, &ev, &ev_id, &f->e), 0);
	ev.at = "2026-03-01T00:00:00Z";
	ev.status = "draft";
	ev.comment = "first";
	assert_int_equal(store_audit_event_insert(&f->db, &ev, NULL, &f->e), 0);
	audit_event_list events;
	assert_int_equal(store_audit_event_list(&f->db, &f->mem, id, &events, &f->e), 0);
	assert_int_equal(events.n, 2);
	assert_string_equal(events.items[0].comment, "first");          /* oldest first */
	assert_int_equal(events.items[0].user_id, 0);
	assert_string_equal(events.items[1].comment, "");

	/* A project written as the projects helper would; two of three steps
	 * recorded, one done. */
	assert_int_equal(store_framework_version_put(&f->db, "york-strategic-model", "p1", "{}", T0,
						     &f->e), 0);
	char sql[600];
	snprintf(sql, sizeof sql,
		 "INSERT INTO project (id, organisation_id, framework_id, framework_hash, title,"
		 " created_at, updated_at) VALUES (7, %lld, 'york-strategic-model', 'p1', 'Short breaks review', '%s', '%s');"
		 "INSERT INTO project_step (project_id, step_key, done, updated_at) VALUES (7, '1', 1, '%s');"
		 "INSERT INTO project_step (project_id, step_key, done, updated_at) VALUES (7, '2', 0, '%s');",
		 (long long)org, T0, T0, T0, T0);
	test_exec(&f->db, sql);
	audit_project_row p;
	assert_int_equal(store_audit_project(&f->db, &f->mem, 7, &p, &f->e), 1);
	assert_string_equal(p.title, "Short breaks review");
	assert_int_equal(p.steps_done, 1);
	assert_int_equal(p.organisation_id, org);
	assert_string_equal(p.framework_hash, "p1");
	assert_int_equal(store_audit_project(&f->db, &f->mem, 8, &p, &f->e), 0);

	action_row a = {.organisation_id = org, .title = "From the audit", .owner = "",
			.status = "open", .source_audit_id = id, .created_at = T0};
	int64_t act;
	assert_int_equal(store_action_insert(&f->db, &a, &act, &f->e), 0);
	action_row plain = {.organisation_id = org, .title = "Other", .owner = "",
			    .status = "open", .created_at = T0};
	int64_t other;
	assert_int_equal(store_action_insert(&f->db, &plain, &other, &f->e), 0);
	action_list from;
	assert_int_equal(store_action_list_audit(&f->db, &f->mem, id, &from, &f->e), 0);
	assert_int_equal(from.n, 1);
	assert_int_equal(from.items[0].source_audit_id, id);
	action_row got;
	assert_int_equal(store_action_get(&f->db, &f->mem, other, &got, &f->e), 1);
	assert_int_equal(got.source_audit_id, 0);
	assert_int_equal(store_action_get(&f->db, &f->mem, act, &got, &f->e), 1);
	got.status = "done";
	assert_int_equal(store_action_update(&f->db, &got, &f->e), 0);     /* keeps the link */
	assert_int_equal(store_action_list_audit(&f->db, &f->mem, id, &from, &f->e), 0);
	assert_int_equal(from.n, 1);
	assert_string_equal(from.items[0].status, "done");
	got.source_audit_id = id + 100;                 /* no such audit: foreign key */
	assert_int_equal(store_action_update(&f->db, &got, &f->e), -1);
}

static void area_settings(void **state)
{
	fixture *f = *state;
	fixture_org(f, "School");
	int64_t area;
	assert_int_equal(store_audit_area_find(&f->db, "Test Area", &area, &f->e), 1);
	area_setting_row s;
	assert_int_equal(store_area_setting_get(&f->db, &f->mem, area, &s, &f->e), 0);
	area_setting_row w = {.area_id = area, .score_min = 0, .score_max = 4,
			      .outcome_rule = "most-common-level", .updated_at = T0};
	assert_int_equal(store_area_setting_put(&f->db, &w, &f->e), 0);
	w.score_max = 10;
	assert_int_equal(store_area_setting_put(&f->db, &w, &f->e), 0);
	assert_int_equal(store_area_setting_get(&f->db, &f->mem, area, &s, &f->e), 1);
	assert_int_equal(s.score_min, 0);
	assert_int_equal(s.score_max, 10);
	assert_string_equal(s.outcome_rule, "most-common-level");
	/* The schema's own checks stand behind the domain's. */
	w.score_max = 0;
	assert_int_equal(store_area_setting_put(&f->db, &w, &f->e), -1);
	w.score_max = 3;
	w.outcome_rule = "average";
	assert_int_equal(store_area_setting_put(&f->db, &w, &f->e), -1);
	assert_int_equal(store_area_setting_get(&f->db, &f->mem, area, &s, &f->e), 1);
	assert_int_equal(s.score_max, 10);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(rows_and_versions), T(queue_and_decided), T(parts_and_copy),
		T(events_project_actions), T(area_settings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
