/* test_in_org.c: the ownership-checked getters (X_get_in_org) and the
 * lists pages and commands read through the domain. Another organisation's
 * record must answer exactly as one that does not exist. */
#include "testutil.h"

#include "domain/account.h"
#include "domain/area.h"
#include "domain/measure.h"
#include "domain/plan.h"
#include "domain/project.h"
#include "domain/review.h"
#include "store/account.h"

typedef struct world {
	int64_t demo, other;
	evaluation_list evs;
	evidence_list evidence;
	action_list actions;
	measure_list measures;
	plan_list plans;
	project_list projects;
	you_said_list said;
} world;

/* The demo organisation holds one of everything; a second one nothing. */
static void make_world(fixture *f, world *w)
{
	assert_int_equal(demo_load(&f->d, &w->demo, &f->e), 0);
	w->other = fixture_org(f, "Another School");
	assert_int_equal(evaluations_of_org(&f->d, w->demo, &w->evs, &f->e), 0);
	assert_int_equal(evidence_of_org(&f->d, w->demo, &w->evidence, &f->e), 0);
	assert_int_equal(actions_of_org(&f->d, w->demo, &w->actions, &f->e), 0);
	assert_int_equal(measures_of_org(&f->d, w->demo, NULL, &w->measures, &f->e), 0);
	assert_int_equal(plans_of_org(&f->d, w->demo, &w->plans, &f->e), 0);
	assert_int_equal(projects_of_org(&f->d, w->demo, &w->projects, &f->e), 0);
	assert_int_equal(you_said_of_org(&f->d, w->demo, false, &w->said, &f->e), 0);
	assert_true(w->evs.n && w->evidence.n && w->actions.n && w->measures.n && w->plans.n &&
		    w->projects.n && w->said.n);
}

/* `rc` came from a getter asked from the wrong organisation. */
static void assert_not_found(fixture *f, int rc, const char *what)
{
	assert_int_equal(rc, -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_non_null(strstr(f->e.msg, what));
	assert_non_null(strstr(f->e.msg, "in this organisation"));
	err_clear(&f->e);
}

static void getters_answer_only_their_organisation(void **state)
{
	fixture *f = *state;
	world w;
	make_world(f, &w);
	evaluation_row ev;
	evidence_row item;
	action_row a;
	measure_row m;
	plan_row p;
	project_row pr;
	you_said_row y;

	assert_int_equal(evaluation_get_in_org(&f->d, w.demo, w.evs.items[0].id, &ev, &f->e), 0);
	assert_int_equal(ev.id, w.evs.items[0].id);
	assert_not_found(f, evaluation_get_in_org(&f->d, w.other, ev.id, &ev, &f->e), "evaluation");
	assert_int_equal(evidence_get_in_org(&f->d, w.demo, w.evidence.items[0].id, &item, &f->e), 0);
	assert_not_found(f, evidence_get_in_org(&f->d, w.other, item.id, &item, &f->e), "evidence");
	assert_int_equal(action_get_in_org(&f->d, w.demo, w.actions.items[0].id, &a, &f->e), 0);
	assert_not_found(f, action_get_in_org(&f->d, w.other, a.id, &a, &f->e), "action");
	assert_int_equal(measure_get_in_org(&f->d, w.demo, w.measures.items[0].id, &m, &f->e), 0);
	assert_not_found(f, measure_get_in_org(&f->d, w.other, m.id, &m, &f->e), "measure");
	assert_int_equal(plan_get_in_org(&f->d, w.demo, w.plans.items[0].id, &p, &f->e), 0);
	assert_not_found(f, plan_get_in_org(&f->d, w.other, p.id, &p, &f->e), "plan");
	assert_int_equal(project_get_in_org(&f->d, w.demo, w.projects.items[0].id, &pr, &f->e), 0);
	assert_not_found(f, project_get_in_org(&f->d, w.other, pr.id, &pr, &f->e), "project");
	assert_int_equal(you_said_get_in_org(&f->d, w.demo, w.said.items[0].id, &y, &f->e), 0);
	assert_not_found(f, you_said_get_in_org(&f->d, w.other, y.id, &y, &f->e), "You said");
}

/* A record that does not exist at all is not found either, and says so
 * in the getter's own words. */
static void missing_records_are_not_found(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Lonely School");
	evidence_row item;
	action_row a;
	assert_int_equal(evidence_get_in_org(&f->d, org, 999, &item, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(action_get_in_org(&f->d, org, 999, &a, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

static void members_are_found_only_in_their_organisation(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Members School");
	int64_t other = fixture_org(f, "Other School");
	int64_t user = 0, id = 0;
	assert_int_equal(account_create(&f->d, "Ada Lead", "ada@example.org", "a long password 1",
					&user, &f->e), 0);
	membership_row m = {.user_id = user, .organisation_id = org, .role = "lead",
			    .partner_group = "practitioners", .created_at = "2026-12-01T00:00:00Z"};
	assert_int_equal(store_membership_insert(&f->db, &m, &id, &f->e), 0);

	membership_row got;
	assert_int_equal(membership_get_in_org(&f->d, org, id, &got, &f->e), 0);
	assert_int_equal(got.user_id, user);
	assert_not_found(f, membership_get_in_org(&f->d, other, id, &got, &f->e), "member");
	assert_not_found(f, membership_get_in_org(&f->d, org, id + 100, &got, &f->e), "member");

	membership_list ms;
	assert_int_equal(memberships_of_org(&f->d, org, &ms, &f->e), 0);
	assert_int_equal(ms.n, 1);
	assert_int_equal(memberships_of_org(&f->d, other, &ms, &f->e), 0);
	assert_int_equal(ms.n, 0);
	assert_int_equal(memberships_of_user(&f->d, user, &ms, &f->e), 0);
	assert_int_equal(ms.n, 1);
	int64_t n = 0;
	assert_int_equal(user_count(&f->d, &n, &f->e), 0);
	assert_int_equal(n, 1);
}

/* The lists read only the organisation asked about. */
static void lists_hold_only_their_organisation(void **state)
{
	fixture *f = *state;
	world w;
	make_world(f, &w);
	evaluation_list evs;
	evidence_list items;
	action_list actions;
	link_list links;
	assert_int_equal(evaluations_of_org(&f->d, w.other, &evs, &f->e), 0);
	assert_int_equal(evs.n, 0);
	assert_int_equal(evidence_of_org(&f->d, w.other, &items, &f->e), 0);
	assert_int_equal(items.n, 0);
	assert_int_equal(actions_of_org(&f->d, w.other, &actions, &f->e), 0);
	assert_int_equal(actions.n, 0);
	assert_int_equal(links_of_org(&f->d, w.other, &links, &f->e), 0);
	assert_int_equal(links.n, 0);
	assert_int_equal(links_of_org(&f->d, w.demo, &links, &f->e), 0);
	assert_true(links.n > 0);
	for (size_t i = 0; i < w.evidence.n; i++)
		assert_int_equal(w.evidence.items[i].organisation_id, w.demo);
}

static void areas_by_name_and_number(void **state)
{
	fixture *f = *state;
	fixture_org(f, "Area School");      /* in "Test Area" */
	int64_t id = -1;
	assert_int_equal(area_find(&f->d, "Test Area", &id, &f->e), 1);
	assert_true(id > 0);
	const char *name = NULL;
	assert_int_equal(area_name(&f->d, id, &name, &f->e), 0);
	assert_string_equal(name, "Test Area");
	assert_int_equal(area_find(&f->d, "Nowhere", &id, &f->e), 0);
	assert_int_equal(id, 0);
	assert_int_equal(area_name(&f->d, 9999, &name, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(getters_answer_only_their_organisation, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(missing_records_are_not_found, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(members_are_found_only_in_their_organisation,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(lists_hold_only_their_organisation, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(areas_by_name_and_number, fixture_setup,
						fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
