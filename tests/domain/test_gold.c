/* test_gold.c: Charter Gold in the domain: readiness counts examples with
 * and without evidence, evidence older than the area's setting, links
 * carried forward and not re-confirmed (until confirmed), partner groups
 * missing; dates add years across a leap day; an award is due after the
 * area's years; refused decisions and settings write nothing; an
 * invitation's link works once and only before it expires. */
#include "testutil.h"

#include "domain/gold.h"
#include "domain/review.h"

static const user_row who = {.id = 0, .name = "Tester"};

static void dates_add_years_and_days(void **state)
{
	(void)state;
	char out[11];
	gold_add_years("2028-02-29", 3, out);
	assert_string_equal(out, "2031-02-28");
	gold_add_years("2026-12-06", -2, out);
	assert_string_equal(out, "2024-12-06");
	gold_add_days("2026-12-31", 1, out);
	assert_string_equal(out, "2027-01-01");
}

static int64_t add_evidence(fixture *f, int64_t org, int64_t eval, const char *date, const char *ref)
{
	evidence_row ev = {.organisation_id = org, .title = "Parent forum notes", .date = date,
			   .groups = GROUP_PARENTS};
	int64_t id;
	size_t n;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	const char *refs[] = {ref};
	assert_int_equal(evidence_link(&f->d, id, eval, refs, 1, false, &n, &f->e), 0);
	return id;
}

static void readiness_counts_what_holds_up(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Gold School");
	int64_t eval = fixture_evaluation(f, org);
	add_evidence(f, org, eval, "2026-11-01", "1i.a");
	add_evidence(f, org, eval, "2019-01-01", "1i.b");
	gold_readiness g;
	assert_int_equal(gold_readiness_load(&f->d, eval, &g, &f->e), 0);
	const gold_statement *st = gold_statement_find(&g, "1i");
	assert_non_null(st);
	assert_int_equal(st->examples_evidenced, 2);
	assert_true(st->examples > 2);
	assert_int_equal(st->n_evidence, 2);
	assert_int_equal(st->old, 1);
	assert_int_equal(st->evidence_groups, GROUP_PARENTS);
	/* examples without evidence + old + groups missing twice + judgement */
	assert_int_equal(st->gaps, st->examples - 2 + 1 + 2 + 1);
	assert_int_equal(g.old, 1);
	/* Five years: the 2019 item is no longer old. */
	assert_int_equal(gold_settings_set(&f->d, &who, fixture_org_area(f, org), 10, 3, &f->e), 0);
	assert_int_equal(gold_readiness_load(&f->d, eval, &g, &f->e), 0);
	assert_int_equal(g.old, 0);

	/* The next cycle carries the links: not re-confirmed until confirmed. */
	next_cycle_input in = {.evaluation = eval, .cycle = "2027-28"};
	next_cycle_result res;
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &res, &f->e), 0);
	assert_int_equal(gold_readiness_load(&f->d, res.evaluation, &g, &f->e), 0);
	assert_int_equal(gold_statement_find(&g, "1i")->unconfirmed, 2);
	size_t n;
	assert_int_equal(statement_confirm(&f->d, res.evaluation, "1i", 0, &n, &f->e), 0);
	assert_int_equal(gold_readiness_load(&f->d, res.evaluation, &g, &f->e), 0);
	assert_int_equal(gold_statement_find(&g, "1i")->unconfirmed, 0);
}

static void decisions_and_their_refusals(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Gold School");
	int64_t eval = fixture_evaluation(f, org);
	assessor_row a = {.organisation_id = org, .evaluation_id = eval, .cycle = "2026-27"};
	gold_decision_row out;
	assert_int_equal(gold_decision_record(&f->d, &who, &a, &(gold_decide){"not-yet", ""}, &out, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_int_equal(gold_decision_record(&f->d, &who, &a, &(gold_decide){"maybe", "x"}, &out, &f->e), -1);
	assert_int_equal(gold_settings_set(&f->d, &who, fixture_org_area(f, org), 2, 0, &f->e), -1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM gold_decision"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM gold_area_setting"), 0);
	assert_int_equal(gold_settings_set(&f->d, &who, fixture_org_area(f, org), 2, 5, &f->e), 0);
	assert_int_equal(gold_decision_record(&f->d, &who, &a, &(gold_decide){"awarded", NULL}, &out, &f->e), 0);
	char today[11], due[11];
	date_today(today);
	gold_add_years(today, 5, due);
	assert_string_equal(out.due_on, due);
	gold_decision_row award;
	assert_int_equal(gold_award_of_org(&f->d, org, &award, &f->e), 1);
	assert_string_equal(award.due_on, due);
	gold_decision_list all;
	assert_int_equal(gold_awards_of_area(&f->d, fixture_org_area(f, org), &all, &f->e), 0);
	assert_int_equal(all.n, 1);
}

static void invitation_link_works_once(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Gold School");
	int64_t eval = fixture_evaluation(f, org);
	int64_t area = fixture_org_area(f, org), id, user;
	char token[65];
	gold_invite in = {.evaluation = eval, .name = "Ann", .email = "Ann@Example.org"};
	assert_int_equal(gold_invite_assessor(&f->d, &who, area + 1000, &in, token, &id, &f->e), -1);
	assert_int_equal(gold_invite_assessor(&f->d, &who, area, &in, token, &id, &f->e), 0);
	assessor_row a;
	assert_int_equal(gold_invite_find(&f->d, token, &a, &f->e), 1);
	assert_string_equal(a.email, "ann@example.org");
	assert_int_equal(gold_invite_accept(&f->d, token, "ann@example.org", "a long enough password", &user, &f->e), 0);
	assert_int_equal(gold_invite_accept(&f->d, token, "ann@example.org", "a long enough password", &user, &f->e), -1);
	enum assessor_state st;
	assert_int_equal(gold_access_to_org(&f->d, user, org, &st, &a, &f->e), 0);
	assert_int_equal(st, ASSESSOR_CURRENT);
	/* A second invitation joins the same account, with its password. */
	assert_int_equal(gold_invite_assessor(&f->d, &who, area, &in, token, &id, &f->e), 0);
	int64_t again;
	assert_int_equal(gold_invite_accept(&f->d, token, "ann@example.org", "not the password at all", &again, &f->e), -1);
	assert_int_equal(gold_invite_accept(&f->d, token, "ann@example.org", "a long enough password", &again, &f->e), 0);
	assert_int_equal(again, user);
	assert_int_equal(gold_assessor_end(&f->d, &who, area, a.id, &f->e), 0);
	assert_int_equal(gold_assessor_end(&f->d, &who, area, a.id, &f->e), -1);
}

/* Export carries the comments and the decisions; the organisation imports
 * elsewhere with them (here: renamed first, so that the names differ). */
static void export_carries_reviews_and_awards(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Gold School");
	int64_t eval = fixture_evaluation(f, org);
	assessor_row a = {.organisation_id = org, .evaluation_id = eval, .cycle = "2026-27"};
	gold_decision_row out;
	assert_int_equal(gold_comment_set(&f->d, &who, &a, "2i", "Seen at the forum", &f->e), 0);
	assert_int_equal(gold_decision_record(&f->d, &who, &a, &(gold_decide){"not-yet", "More voices"}, &out, &f->e), 0);
	assert_int_equal(gold_decision_record(&f->d, &who, &a, &(gold_decide){"awarded", ""}, &out, &f->e), 0);
	char *json;
	assert_int_equal(org_export(&f->d, org, &json, &f->e), 0);
	assert_non_null(strstr(json, "\"format\": \"copro-export-6\""));
	org_row o;
	assert_int_equal(org_get(&f->d, org, &o, &f->e), 0);
	o.name = "Gold School (old)";
	assert_int_equal(org_edit(&f->d, &o, &f->e), 0);
	int64_t copy;
	assert_int_equal(org_import(&f->d, json, strlen(json), &copy, &f->e), 0);
	free(json);
	gold_decision_list ds;
	assert_int_equal(gold_decisions_of(&f->d, copy, 0, &ds, &f->e), 0);
	assert_int_equal(ds.n, 2);
	assert_string_equal(ds.items[0].decision, "awarded");
	assert_string_equal(ds.items[0].due_on, out.due_on);
	assert_null(ds.items[1].due_on);
	gold_comment_list cs;
	assert_int_equal(gold_comments_of(&f->d, ds.items[0].evaluation_id, &cs, &f->e), 0);
	assert_int_equal(cs.n, 1);
	assert_string_equal(cs.items[0].comment, "Seen at the forum");
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(dates_add_years_and_days), T(readiness_counts_what_holds_up),
					   T(decisions_and_their_refusals), T(invitation_link_works_once),
					   T(export_carries_reviews_and_awards)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
