/* test_review.c: plan, do, review: the actions list's order and filters,
 * reviews of actions, "You said, we did", the next cycle's carry-forward
 * (and its refusals, which leave nothing behind), re-confirming carried
 * evidence, and the comparison between cycles. */
#include "testutil.h"

#include "domain/review.h"
#include "store/review.h"
#include "store/sql.h"

static int64_t count_of(fixture *f, const char *sql, int64_t id)
{
	int64_t n = -1;
	assert_int_equal(sql_get_int(&f->db, sql, SQL_ID_ARG(id), &n, &f->e), 0);
	return n;
}

/* A measure of cycle 2026-27 with one metric and one reading, written
 * straight into the tables (the measures code is tested on its own). */
static int64_t add_measure(fixture *f, int64_t org, const char *text, int64_t *reading)
{
	const framework *fw = fw_registry_find(&f->frameworks, "four-cornerstones-success-measures");
	assert_non_null(fw);
	assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
	int64_t measure = test_write(&f->db,
		"INSERT INTO measure (organisation_id, cycle, framework_hash, cornerstone_key, own_text,"
		" improve, created_at, updated_at) VALUES (?, '2026-27', ?, '1', ?, 'Better letters',"
		" '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')",
		SQL_ARGS(sql_int(org), sql_text(fw->hash), sql_text(text)));
	int64_t metric = test_write(&f->db,
		"INSERT INTO metric (measure_id, name, kind, direction, baseline, target, created_at,"
		" updated_at) VALUES (?, ?, 'count', 'lower', 10, 5, '2026-09-01T00:00:00Z',"
		" '2026-09-01T00:00:00Z')", SQL_ARGS(sql_int(measure), sql_text("Complaints")));
	*reading = test_write(&f->db,
		"INSERT INTO reading (metric_id, taken_on, value, source, created_at)"
		" VALUES (?, '2026-10-01', 8, 'records', '2026-10-01T00:00:00Z')", SQL_ID_ARG(metric));
	return measure;
}

static int64_t add_evidence(fixture *f, int64_t org, int64_t eval, const char *title,
			    const char *const *refs, size_t n, int groups)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = "2026-05-01",
			   .groups = groups};
	int64_t id;
	size_t changed;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, id, eval, refs, n, false, &changed, &f->e), 0);
	return id;
}

static int64_t add_action(fixture *f, int64_t org, const char *title, const char *due,
			  const char *status)
{
	action_row a = {.organisation_id = org, .title = title, .due_on = due, .status = status};
	int64_t id;
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), 0);
	return id;
}

/* ---- the actions list ---------------------------------------------------- */

static void actions_order_overdue_then_this_month(void **state)
{
	fixture *f = *state;
	setenv("COPRO_NOW", "2026-11-15T10:00:00Z", 1);
	int64_t org = fixture_org(f, "School");
	int64_t later = add_action(f, org, "Later", "2026-12-01", "open");
	int64_t undated = add_action(f, org, "Undated", NULL, "open");
	int64_t finished = add_action(f, org, "Finished", "2026-10-01", "done");
	int64_t month = add_action(f, org, "This month", "2026-11-20", "in-progress");
	int64_t overdue = add_action(f, org, "Overdue", "2026-11-01", "open");
	int64_t today = add_action(f, org, "Due today", "2026-11-15", "open");
	int64_t old_overdue = add_action(f, org, "Long overdue", "2026-01-01", "in-progress");
	action_list list;
	assert_int_equal(store_action_list(&f->db, &f->mem, org, &list, &f->e), 0);
	char now[11];
	date_today(now);
	assert_string_equal(now, "2026-11-15");
	actions_order(&list, now);
	int64_t want[] = {old_overdue, overdue, today, month, later, undated, finished};
	assert_int_equal(list.n, 7);
	for (size_t i = 0; i < 7; i++)
		if (list.items[i].id != want[i])
			fail_msg("position %zu: action %lld, expected %lld", i,
				 (long long)list.items[i].id, (long long)want[i]);
	assert_int_equal(action_rank(&list.items[2], now), 1);
	assert_true(action_due_this_month(&list.items[2], now));
	assert_false(action_due_this_month(&list.items[0], now));
	assert_false(action_due_this_month(&list.items[4], now));
	assert_false(action_due_this_month(&list.items[6], now));

	/* Filters: by status, by source; an unknown one is refused. */
	assert_int_equal(actions_filter(&list, NULL, "in-progress", &f->e), 0);
	assert_int_equal(list.n, 2);
	assert_int_equal(list.items[0].id, old_overdue);
	assert_int_equal(actions_filter(&list, "statement", NULL, &f->e), 0);
	assert_int_equal(list.n, 0);
	assert_int_equal(store_action_list(&f->db, &f->mem, org, &list, &f->e), 0);
	assert_int_equal(actions_filter(&list, "none", "", &f->e), 0);
	assert_int_equal(list.n, 7);
	assert_int_equal(actions_filter(&list, "somewhere", NULL, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "statement, audit, measure, plan or none"));
	assert_int_equal(actions_filter(&list, NULL, "finished", &f->e), -1);
	assert_int_equal(list.n, 7);
	unsetenv("COPRO_NOW");
}

static void actions_from_plans_and_measures(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other");
	int64_t reading;
	int64_t measure = add_measure(f, org, "Fewer complaints", &reading);
	int64_t theirs = add_measure(f, other, "Their measure", &reading);
	int64_t before = test_count_rows(&f->db), id;
	action_row a = {.organisation_id = org, .title = "From a measure", .source_measure_id = theirs};
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "not one of this organisation's measures"));
	a.source_measure_id = 0;
	a.source_plan_id = 999;
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "plan 999"));
	assert_int_equal(test_count_rows(&f->db), before);
	a.source_plan_id = 0;
	a.source_measure_id = measure;
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), 0);
	action_row got;
	assert_int_equal(action_get(&f->d, id, &got, &f->e), 0);
	assert_int_equal(got.source_measure_id, measure);
	assert_int_equal(got.source_plan_id, 0);
	assert_string_equal(action_source_kind(&got), "measure");
	action_list list;
	assert_int_equal(store_action_list(&f->db, &f->mem, org, &list, &f->e), 0);
	assert_int_equal(actions_filter(&list, "measure", NULL, &f->e), 0);
	assert_int_equal(list.n, 1);
}

/* ---- reviews of actions -------------------------------------------------- */

static void review_records_everything_or_nothing(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other");
	int64_t eval = fixture_evaluation(f, org), other_eval = fixture_evaluation(f, other);
	const char *refs[] = {"1i.a"};
	int64_t ev = add_evidence(f, org, eval, "Coffee morning notes", refs, 1, GROUP_PARENTS);
	int64_t their_ev = add_evidence(f, other, other_eval, "Theirs", refs, 1, 0);
	int64_t reading, their_reading;
	add_measure(f, org, "Fewer complaints", &reading);
	add_measure(f, other, "Theirs", &their_reading);
	int64_t action = add_action(f, org, "Dads' breakfast", "2099-01-01", "open");
	int64_t evidence[] = {ev}, readings[] = {reading};
	action_review_input in = {.action_id = action, .reviewed_on = "2026-01-10",
				  .what_happened = "Fourteen dads came", .groups = GROUP_PARENTS,
				  .evidence = evidence, .n_evidence = 1, .readings = readings,
				  .n_readings = 1, .next_review_on = "2099-02-01",
				  .status = "in-progress"};
	int64_t before = test_count_rows(&f->db), id;
	struct {
		action_review_input in;
		const char *msg;
	} bad[] = {
		{in, NULL}, {in, NULL}, {in, NULL}, {in, NULL}, {in, NULL}, {in, NULL}, {in, NULL},
	};
	int64_t their_evidence[] = {their_ev}, their_readings[] = {their_reading};
	bad[0].in.reviewed_on = "2099-12-31", bad[0].msg = "in the future";
	bad[1].in.what_happened = "", bad[1].msg = "What happened";
	bad[2].in.evidence = their_evidence, bad[2].msg = "not in this organisation's library";
	bad[3].in.readings = their_readings, bad[3].msg = "not a reading of this organisation";
	bad[4].in.status = "finished", bad[4].msg = "status";
	bad[5].in.next_review_on = "2027-02-30", bad[5].msg = "review date";
	bad[6].in.action_id = action + 100, bad[6].msg = "no action number";
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (action_review_add(&f->d, &bad[i].in, &id, &f->e) != -1)
			fail_msg("case %zu was accepted", i);
		if (!strstr(f->e.msg, bad[i].msg))
			fail_msg("case %zu: \"%s\" does not say \"%s\"", i, f->e.msg, bad[i].msg);
	}
	assert_int_equal(test_count_rows(&f->db), before);

	assert_int_equal(action_review_add(&f->d, &in, &id, &f->e), 0);
	action_review_list reviews;
	assert_int_equal(store_action_reviews_of_action(&f->db, &f->mem, action, &reviews, &f->e), 0);
	assert_int_equal(reviews.n, 1);
	assert_string_equal(reviews.items[0].what_happened, "Fourteen dads came");
	assert_int_equal(reviews.items[0].groups, GROUP_PARENTS);
	review_evidence_list rev;
	assert_int_equal(store_review_evidence_of_org(&f->db, &f->mem, org, &rev, &f->e), 0);
	assert_int_equal(rev.n, 1);
	assert_int_equal(rev.items[0].evidence_id, ev);
	reading_pick_row rd;
	assert_int_equal(store_reading_pick_get(&f->db, &f->mem, reading, &rd, &f->e), 1);
	assert_int_equal(rd.review_id, id);
	action_row a;
	assert_int_equal(action_get(&f->d, action, &a, &f->e), 0);
	assert_string_equal(a.review_on, "2099-02-01");
	assert_string_equal(a.status, "in-progress");

	/* A reading belongs to one review: a second review cannot take it. */
	before = test_count_rows(&f->db);
	in.reviewed_on = "2026-02-10";
	assert_int_equal(action_review_add(&f->d, &in, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "already part of review"));
	assert_int_equal(test_count_rows(&f->db), before);
}

/* ---- "You said, we did" -------------------------------------------------- */

static void you_said_rules(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other");
	int64_t theirs = add_action(f, other, "Their action", NULL, "open");
	int64_t ours = add_action(f, org, "Our action", NULL, "open");
	int64_t before = test_count_rows(&f->db), id;
	you_said_row y = {.organisation_id = org, .said = "Letters are hard to follow",
			  .said_on = "2026-10-01", .did = "", .groups = GROUP_PARENTS};
	you_said_row bad = y;
	bad.published = true;
	assert_int_equal(you_said_add(&f->d, &bad, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "only a record that says what was done"));
	bad = y;
	bad.did = "Rewrote them";
	bad.did_on = "2026-09-01";
	assert_int_equal(you_said_add(&f->d, &bad, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "before partners said it"));
	bad = y;
	bad.action_id = theirs;
	assert_int_equal(you_said_add(&f->d, &bad, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "not one of this organisation's actions"));
	bad = y;
	bad.said = "";
	assert_int_equal(you_said_add(&f->d, &bad, &id, &f->e), -1);
	bad = y;
	bad.said_on = "2026-13-01";
	assert_int_equal(you_said_add(&f->d, &bad, &id, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);

	y.action_id = ours;
	assert_int_equal(you_said_add(&f->d, &y, &id, &f->e), 0);
	you_said_row got;
	assert_int_equal(you_said_get(&f->d, id, &got, &f->e), 0);
	assert_false(got.published);
	assert_int_equal(got.action_id, ours);
	got.did = "We rewrote them with the forum";
	got.did_on = "2026-12-01";
	got.published = true;
	assert_int_equal(you_said_edit(&f->d, &got, &f->e), 0);
	you_said_list list;
	assert_int_equal(store_you_said_list(&f->db, &f->mem, org, true, &list, &f->e), 0);
	assert_int_equal(list.n, 1);
	assert_string_equal(list.items[0].did, "We rewrote them with the forum");
	/* An edit cannot move a record to another organisation. */
	got.organisation_id = other;
	assert_int_equal(you_said_edit(&f->d, &got, &f->e), 0);
	assert_int_equal(store_you_said_list(&f->db, &f->mem, other, false, &list, &f->e), 0);
	assert_int_equal(list.n, 0);
}

/* ---- the next cycle ------------------------------------------------------ */

typedef struct cycle_world {
	int64_t org, eval, ev1, ev2, measure1, measure2, reading;
	char *own_key;
} cycle_world;

static cycle_world make_cycle(fixture *f)
{
	cycle_world w;
	w.org = fixture_org(f, "School");
	w.eval = fixture_evaluation(f, w.org);
	assert_int_equal(own_indicator_add(&f->d, w.eval, "1i", "Families choose the menu",
					   &w.own_key, &f->e), 0);
	const char *refs1[] = {"1i.a", "2iii.b"};
	w.ev1 = add_evidence(f, w.org, w.eval, "Survey", refs1, 2, GROUP_PARENTS);
	char *own_ref = arena_printf(&f->mem, "1i.%s", w.own_key);
	const char *refs2[] = {own_ref};
	w.ev2 = add_evidence(f, w.org, w.eval, "Menu meeting", refs2, 1, GROUP_CYP);
	review_change c = {.status = "complete", .groups = GROUP_PARENTS};
	assert_int_equal(review_set(&f->d, w.eval, "1i", &c, &f->e), 0);
	int64_t r2;
	w.measure1 = add_measure(f, w.org, "Fewer complaints", &w.reading);
	w.measure2 = add_measure(f, w.org, "More replies", &r2);
	add_action(f, w.org, "Still open", NULL, "open");
	add_action(f, w.org, "Finished", NULL, "done");
	return w;
}

static void next_cycle_carries_forward(void **state)
{
	fixture *f = *state;
	cycle_world w = make_cycle(f);
	next_cycle_input in = {.evaluation = w.eval, .cycle = "2027-28"};
	next_cycle_result out;
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), 0);
	assert_int_equal(out.links, 3);
	assert_int_equal(out.links_dropped, 0);
	assert_int_equal(out.own_indicators, 1);
	assert_int_equal(out.measures, 2);
	assert_int_equal(out.open_actions, 1);

	evaluation_row ev;
	assert_int_equal(evaluation_get(&f->d, out.evaluation, &ev, &f->e), 0);
	assert_string_equal(ev.cycle, "2027-28");
	assert_string_equal(ev.framework_id, "four-cornerstones");
	assert_string_equal(ev.status, "draft");
	int64_t previous;
	assert_int_equal(store_evaluation_previous(&f->db, out.evaluation, &previous, &f->e), 1);
	assert_int_equal(previous, w.eval);
	assert_int_equal(store_evaluation_previous(&f->db, w.eval, &previous, &f->e), 0);

	own_indicator_list own;
	assert_int_equal(store_own_indicator_list(&f->db, &f->mem, out.evaluation, &own, &f->e), 0);
	assert_int_equal(own.n, 1);
	assert_string_equal(own.items[0].key, w.own_key);
	assert_string_equal(own.items[0].text, "Families choose the menu");

	carried_list carried;
	assert_int_equal(store_carried_links(&f->db, &f->mem, out.evaluation, &carried, &f->e), 0);
	assert_int_equal(carried.n, 3);
	for (size_t i = 0; i < carried.n; i++)
		assert_null(carried.items[i].confirmed_at);
	/* The old cycle's links are its own, not marked. */
	assert_int_equal(store_carried_links(&f->db, &f->mem, w.eval, &carried, &f->e), 0);
	assert_int_equal(carried.n, 0);
	/* Judgements start afresh. */
	review_list reviews;
	assert_int_equal(store_review_list(&f->db, &f->mem, out.evaluation, &reviews, &f->e), 0);
	assert_int_equal(reviews.n, 0);

	/* Measures: copied into the new cycle with carried_from, their metric
	 * too; readings stay on the originals. */
	source_name_list ms;
	assert_int_equal(store_measures_of_cycle(&f->db, &f->mem, w.org, "2027-28", &ms, &f->e), 0);
	assert_int_equal(ms.n, 2);
	assert_int_equal(count_of(f, "SELECT COUNT(*) FROM measure WHERE carried_from = ?", w.measure1), 1);
	assert_int_equal(count_of(f,
		"SELECT COUNT(*) FROM metric m JOIN measure s ON s.id = m.measure_id"
		" WHERE s.carried_from = ? AND m.name = 'Complaints' AND m.target = 5", w.measure1), 1);
	assert_int_equal(count_of(f,
		"SELECT COUNT(*) FROM reading g JOIN metric m ON m.id = g.metric_id"
		" JOIN measure s ON s.id = m.measure_id WHERE s.carried_from = ?", w.measure1), 0);
	assert_int_equal(count_of(f,
		"SELECT COUNT(*) FROM reading g JOIN metric m ON m.id = g.metric_id"
		" WHERE m.measure_id = ?", w.measure1), 1);
	assert_int_equal(count_of(f, "SELECT COUNT(*) FROM measure WHERE organisation_id = ?", w.org), 4);
}

static void next_cycle_refusals_leave_nothing(void **state)
{
	fixture *f = *state;
	cycle_world w = make_cycle(f);
	int64_t other = fixture_org(f, "Other"), reading;
	int64_t their_measure = add_measure(f, other, "Theirs", &reading);
	int64_t before = test_count_rows(&f->db);
	next_cycle_result out;
	next_cycle_input in = {.evaluation = w.eval, .cycle = "2026-27"};
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_non_null(strstr(f->e.msg, "already has a four-cornerstones evaluation for cycle 2026-27"));
	assert_int_equal(out.evaluation, 0);
	in.cycle = "";
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), -1);
	in.cycle = "2027-28";
	int64_t chosen[] = {w.measure1, their_measure};
	in.some_measures = true;
	in.measures = chosen;
	in.n_measures = 2;
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "is not one chosen in cycle 2026-27"));
	in.evaluation = w.eval + 100;
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);

	/* Only the measure chosen; then the same label again is refused and
	 * changes nothing. */
	in.evaluation = w.eval;
	in.n_measures = 1;
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), 0);
	assert_int_equal(out.measures, 1);
	assert_int_equal(count_of(f, "SELECT COUNT(*) FROM measure WHERE carried_from = ?", w.measure2), 0);
	before = test_count_rows(&f->db);
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_int_equal(test_count_rows(&f->db), before);
}

static void confirming_carried_evidence(void **state)
{
	fixture *f = *state;
	cycle_world w = make_cycle(f);
	next_cycle_input in = {.evaluation = w.eval, .cycle = "2027-28", .some_measures = true};
	next_cycle_result out;
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), 0);
	assert_int_equal(out.measures, 0);
	size_t n;
	/* Evidence with nothing waiting on the statement is not found. */
	assert_int_equal(statement_confirm(&f->d, out.evaluation, "2iii", w.ev2, &n, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(statement_confirm(&f->d, out.evaluation, "9z", 0, &n, &f->e), -1);
	assert_int_equal(statement_confirm(&f->d, out.evaluation, "1i", w.ev1, &n, &f->e), 0);
	assert_int_equal(n, 1);
	carried_list carried;
	assert_int_equal(store_carried_links(&f->db, &f->mem, out.evaluation, &carried, &f->e), 0);
	size_t waiting = 0;
	for (size_t i = 0; i < carried.n; i++)
		waiting += carried.items[i].confirmed_at == NULL;
	assert_int_equal(waiting, 2);
	assert_int_equal(statement_confirm(&f->d, out.evaluation, "1i", w.ev1, &n, &f->e), -1);
	assert_int_equal(statement_confirm(&f->d, out.evaluation, "1i", 0, &n, &f->e), 0);
	assert_int_equal(n, 1);
	/* A submitted evaluation cannot change. */
	assert_int_equal(evaluation_set_status(&f->d, out.evaluation, "submitted", &f->e), 0);
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(statement_confirm(&f->d, out.evaluation, "2iii", 0, &n, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_int_equal(test_count_rows(&f->db), before);
}

/* ---- the comparison ------------------------------------------------------ */

static const section_change *section_of(const comparison *c, const char *key)
{
	for (size_t s = 0; s < c->n_sections; s++)
		if (!strcmp(c->sections[s].section->key, key))
			return &c->sections[s];
	fail_msg("no section %s", key);
	return NULL;
}

static const element_change *element_of(const section_change *sc, const char *key)
{
	for (size_t i = 0; i < sc->n_elements; i++)
		if (!strcmp(sc->elements[i].element->key, key))
			return &sc->elements[i];
	fail_msg("no statement %s", key);
	return NULL;
}

static void comparison_numbers(void **state)
{
	fixture *f = *state;
	cycle_world w = make_cycle(f);
	comparison c;
	assert_int_equal(evaluation_compare(&f->d, w.eval, &c, &f->e), 0);
	assert_false(c.has_previous);

	next_cycle_input in = {.evaluation = w.eval, .cycle = "2027-28"};
	next_cycle_result out;
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), 0);
	/* This cycle: three more indicators of 1i, one of 4i; 1i is in
	 * progress, with practitioners too. */
	const char *refs[] = {"1i.b", "1i.c", "1i.d", "4i.a"};
	add_evidence(f, w.org, out.evaluation, "Staff training", refs, 4, GROUP_PRACTITIONERS);
	review_change rc = {.status = "in-progress", .groups = GROUP_PARENTS | GROUP_PRACTITIONERS};
	assert_int_equal(review_set(&f->d, out.evaluation, "1i", &rc, &f->e), 0);
	rc.status = "complete";
	assert_int_equal(review_set(&f->d, out.evaluation, "2iii", &rc, &f->e), 0);

	assert_int_equal(evaluation_compare(&f->d, out.evaluation, &c, &f->e), 0);
	assert_true(c.has_previous);
	assert_int_equal(c.before.evaluation.id, w.eval);
	assert_int_equal(c.to_confirm, 3);
	const section_change *s1 = section_of(&c, "1");
	const element_change *e1 = element_of(s1, "1i");
	/* 1i.a and the own indicator before; those and 1i.b-d after. */
	assert_int_equal(e1->evidenced_before, 2);
	assert_int_equal(e1->evidenced_after, 5);
	assert_int_equal(e1->indicators_before, e1->indicators_after);
	assert_string_equal(e1->status_before, "complete");
	assert_string_equal(e1->status_after, "in-progress");
	assert_int_equal(e1->groups_before, GROUP_PARENTS | GROUP_CYP);
	assert_int_equal(e1->groups_after, GROUP_PARENTS | GROUP_CYP | GROUP_PRACTITIONERS);
	assert_int_equal(e1->to_confirm, 2);
	assert_true(e1->in_previous);
	assert_int_equal(s1->evidenced_before, 2);
	assert_int_equal(s1->evidenced_after, 5);
	assert_int_equal(s1->complete_before, 1);
	assert_int_equal(s1->complete_after, 0);
	const section_change *s2 = section_of(&c, "2");
	assert_int_equal(s2->evidenced_before, 1);
	assert_int_equal(s2->evidenced_after, 1);
	assert_string_equal(element_of(s2, "2iii")->status_after, "complete");
	const section_change *s4 = section_of(&c, "4");
	assert_int_equal(s4->evidenced_before, 0);
	assert_int_equal(s4->evidenced_after, 1);
	assert_int_equal(c.evidenced_before, 3);
	assert_int_equal(c.evidenced_after, 7);
	assert_int_equal(c.complete_before, 1);
	assert_int_equal(c.complete_after, 1);
	assert_string_equal(change_words(&f->mem, s1->evidenced_before, s1->evidenced_after,
					 "indicator evidenced", "indicators evidenced"),
			    "3 more indicators evidenced");
	assert_string_equal(status_change_words(&f->mem, e1->status_before, e1->status_after),
			    "no longer complete (now in progress)");
	assert_string_equal(groups_change_words(&f->mem, e1->groups_before, e1->groups_after),
			    "now also practitioners");
}

static void words(void **state)
{
	fixture *f = *state;
	assert_string_equal(change_words(&f->mem, 4, 3, "indicator evidenced", "indicators evidenced"),
			    "1 fewer indicator evidenced");
	assert_string_equal(change_words(&f->mem, 2, 2, "a", "b"), "no change");
	assert_string_equal(status_change_words(&f->mem, "in-progress", "complete"), "now complete");
	assert_string_equal(status_change_words(&f->mem, "complete", "complete"), "still complete");
	assert_string_equal(status_change_words(&f->mem, "not-started", "in-progress"), "now in progress");
	assert_string_equal(groups_change_words(&f->mem, GROUP_CYP, GROUP_PARENTS),
			    "now also parent carers; no longer children and young people");
	assert_string_equal(groups_change_words(&f->mem, 7, 7), "no change");
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(actions_order_overdue_then_this_month), T(actions_from_plans_and_measures),
		T(review_records_everything_or_nothing), T(you_said_rules),
		T(next_cycle_carries_forward), T(next_cycle_refusals_leave_nothing),
		T(confirming_carried_evidence), T(comparison_numbers), T(words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
