/* test_national.c: the whole-country summary on a small country: two areas
 * with organisations, an area with none and an organisation with no area;
 * which audit is an organisation's latest accepted one, the 12-month window
 * and the review and due dates at their boundaries, every count of every
 * area and the totals, and the JSON and CSV renderings. Audits and actions
 * are written straight into the tables, as in tests/store/test_area.c. */
#include "testutil.h"

#include "domain/national.h"
#include "store/account.h"
#include "store/sql.h"

#define TODAY "2026-06-15"      /* the window is 2025-06-15 to 2026-06-15 */

typedef struct world {
	fixture *f;
	const char *audit_hash;
} world;

static int64_t org(world *w, const char *name, const char *area)
{
	org_row o = {.name = name, .sector = "education", .area = area};
	int64_t id;
	assert_int_equal(org_add(&w->f->d, &o, &id, &w->f->e), 0);
	return id;
}

static void evaluation(world *w, int64_t org_id, const char *cycle, const char *status)
{
	int64_t id;
	assert_int_equal(evaluation_start(&w->f->d, org_id, "four-cornerstones", cycle, &id, &w->f->e), 0);
	test_write(&w->f->db, "UPDATE evaluation SET status = ? WHERE id = ?",
		   SQL_ARGS(sql_text(status), sql_int(id)));
}

/* A first version of an audit; `lowest`: principle 1 at the lowest level,
 * the others good. */
static int64_t audit(world *w, int64_t org_id, const char *status, const char *date,
		     const char *outcome, const char *review_on, bool lowest)
{
	store *db = &w->f->db;
	int64_t id = test_write(db,
		"INSERT INTO audit (organisation_id, framework_hash, status, audit_date, outcome,"
		" review_on, created_at, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(org_id), sql_text(w->audit_hash), sql_text(status), sql_text(date),
			 sql_text(outcome), sql_text(review_on)));
	test_write(db, "UPDATE audit SET first_id = id WHERE id = ?", SQL_ID_ARG(id));
	static const char *const keys[] = {"1", "2", "3", "4", "5", "6"};
	for (int i = 0; i < 6; i++)
		test_write(db, "INSERT INTO audit_principle (audit_id, principle_key, level, updated_at)"
			   " VALUES (?, ?, ?, '2026-01-01T00:00:00Z')",
			   SQL_ARGS(sql_int(id), sql_text(keys[i]),
				    sql_text(lowest && i == 0 ? "room-for-improvement" : "good")));
	return id;
}

static void action(world *w, int64_t org_id, const char *due_on, const char *status)
{
	test_write(&w->f->db,
		"INSERT INTO action_item (organisation_id, title, due_on, status, created_at, updated_at)"
		" VALUES (?, 'Do it', ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(org_id), sql_text(due_on), sql_text(status)));
}

/* The small country every test reads:
 *   Empty: no organisations.
 *   North: n1 two self-evaluations (draft, submitted); latest accepted
 *          audit 2026-03-01 good, principle 1 at the lowest level, review
 *          due 2026-06-14 (overdue); an older accepted one and a newer
 *          submitted one do not count.
 *          n2 one in review; latest accepted audit 2025-06-14 (a day before
 *          the window) outstanding, review due today (not overdue).
 *          n3 no self-evaluation, no audit; actions: open due yesterday and
 *          in progress due in January (overdue); done, dropped, due today,
 *          no due date (not).
 *          n4 two accepted audits dated 2025-06-15 (the window's first
 *          day): the later record (requires improvement, no lowest level)
 *          is the latest, not the earlier (good, lowest); a later draft.
 *   South: s1 a draft; audit accepted dated today, good, lowest, review
 *          due yesterday. s2 accepted audit dated tomorrow: audited, not
 *          in the window.
 *   No area: x1 an overdue action. */
static int setup(void **state)
{
	fixture_setup(state);
	fixture *f = *state;
	world w = {.f = f};
	const framework *fw = fw_registry_find(&f->frameworks, "york-joint-partnership-audit");
	assert_non_null(fw);
	assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
	w.audit_hash = fw->hash;
	int64_t empty;
	assert_int_equal(store_area_by_name(&f->db, "Empty", "2026-01-01T00:00:00Z", &empty, &f->e), 0);

	int64_t n1 = org(&w, "N1", "North"), n2 = org(&w, "N2", "North");
	int64_t n3 = org(&w, "N3", "North"), n4 = org(&w, "N4", "North");
	int64_t s1 = org(&w, "S1", "South"), s2 = org(&w, "S2", "South");
	int64_t x1 = org(&w, "X1", NULL);

	evaluation(&w, n1, "2024-25", "submitted");
	evaluation(&w, n1, "2025-26", "draft");
	evaluation(&w, n2, "2025-26", "in-review");
	evaluation(&w, s1, "2025-26", "draft");

	audit(&w, n1, "accepted", "2025-01-01", "requires-improvement", "2025-06-01", false);
	audit(&w, n1, "accepted", "2026-03-01", "good", "2026-06-14", true);
	audit(&w, n1, "submitted", "2026-05-01", "outstanding", "2026-01-01", false);
	audit(&w, n2, "accepted", "2025-06-14", "outstanding", TODAY, false);
	audit(&w, n4, "accepted", "2025-06-15", "good", "2026-01-01", true);
	audit(&w, n4, "accepted", "2025-06-15", "requires-improvement", NULL, false);
	audit(&w, n4, "draft", "2026-06-01", NULL, NULL, true);
	audit(&w, s1, "accepted", TODAY, "good", "2026-06-14", true);
	audit(&w, s2, "accepted", "2026-06-16", "good", NULL, false);

	action(&w, n3, "2026-06-14", "open");
	action(&w, n3, "2026-01-01", "in-progress");
	action(&w, n3, "2026-01-01", "done");
	action(&w, n3, "2026-01-01", "dropped");
	action(&w, n3, TODAY, "open");
	action(&w, n3, NULL, "open");
	action(&w, x1, "2026-01-01", "open");
	return 0;
}

typedef struct expect {
	size_t orgs, with_eval, draft, in_review, submitted, audited, in_window;
	size_t ri, good, outstanding, lowest, reviews, actions;
} expect;

static void check(const national_summary *s, const national_counts *c, const expect *x)
{
	assert_int_equal(s->n_outcomes, 3);
	assert_int_equal(c->organisations, x->orgs);
	assert_int_equal(c->with_evaluation, x->with_eval);
	assert_int_equal(c->evaluations[NATIONAL_DRAFT], x->draft);
	assert_int_equal(c->evaluations[NATIONAL_IN_REVIEW], x->in_review);
	assert_int_equal(c->evaluations[NATIONAL_SUBMITTED], x->submitted);
	assert_int_equal(c->audited, x->audited);
	assert_int_equal(c->audited_in_window, x->in_window);
	assert_int_equal(c->outcomes[0], x->ri);
	assert_int_equal(c->outcomes[1], x->good);
	assert_int_equal(c->outcomes[2], x->outstanding);
	assert_int_equal(c->at_lowest, x->lowest);
	assert_int_equal(c->reviews_overdue, x->reviews);
	assert_int_equal(c->actions_overdue, x->actions);
}

static void test_every_count(void **state)
{
	fixture *f = *state;
	national_summary s;
	assert_int_equal(national_summary_load(&f->d, TODAY, &s, &f->e), 0);
	assert_string_equal(s.dates.today, TODAY);
	assert_string_equal(s.dates.since, "2025-06-15");
	assert_string_equal(s.outcomes[0].key, "requires-improvement");
	assert_string_equal(s.outcomes[1].key, "good");
	assert_string_equal(s.outcomes[2].key, "outstanding");
	assert_string_equal(s.lowest.key, "room-for-improvement");
	assert_string_equal(s.lowest.title, "Room for Improvement");

	/* Named areas by name, then the organisations with no area. */
	assert_int_equal(s.n_areas, 4);
	assert_string_equal(s.areas[0].name, "Empty");
	assert_string_equal(s.areas[1].name, "North");
	assert_string_equal(s.areas[2].name, "South");
	assert_string_equal(s.areas[3].name, "No area");
	assert_true(s.areas[0].id > 0 && s.areas[1].id > 0 && s.areas[2].id > 0);
	assert_int_equal(s.areas[3].id, 0);

	check(&s, &s.areas[0].n, &(expect){0});
	check(&s, &s.areas[1].n, &(expect){.orgs = 4, .with_eval = 2, .draft = 1, .in_review = 1,
		.submitted = 1, .audited = 3, .in_window = 2, .ri = 1, .good = 1, .lowest = 1,
		.reviews = 1, .actions = 2});
	check(&s, &s.areas[2].n, &(expect){.orgs = 2, .with_eval = 1, .draft = 1, .audited = 2,
		.in_window = 1, .good = 1, .lowest = 1, .reviews = 1});
	check(&s, &s.areas[3].n, &(expect){.orgs = 1, .actions = 1});
	check(&s, &s.totals, &(expect){.orgs = 7, .with_eval = 3, .draft = 2, .in_review = 1,
		.submitted = 1, .audited = 5, .in_window = 3, .ri = 1, .good = 2, .lowest = 2,
		.reviews = 2, .actions = 3});
}

/* A day later the window moves: n4's audits of 2025-06-15 fall out of it,
 * n2's review (due 2026-06-15) and n3's action due that day are overdue. */
static void test_window_moves_with_today(void **state)
{
	fixture *f = *state;
	national_summary s;
	assert_int_equal(national_summary_load(&f->d, "2026-06-16", &s, &f->e), 0);
	assert_string_equal(s.dates.since, "2025-06-16");
	check(&s, &s.areas[1].n, &(expect){.orgs = 4, .with_eval = 2, .draft = 1, .in_review = 1,
		.submitted = 1, .audited = 3, .in_window = 1, .good = 1, .lowest = 1,
		.reviews = 2, .actions = 3});
	/* s2's audit dated 2026-06-16 is now in the window. */
	check(&s, &s.areas[2].n, &(expect){.orgs = 2, .with_eval = 1, .draft = 1, .audited = 2,
		.in_window = 2, .good = 2, .lowest = 1, .reviews = 1});
	assert_int_equal(s.totals.audited_in_window, 3);
	assert_int_equal(s.totals.reviews_overdue, 3);
	assert_int_equal(s.totals.actions_overdue, 4);
}

static void test_no_organisations_at_all(void **state)
{
	(void)state;
	fixture *f = NULL;
	void *st = NULL;
	fixture_setup(&st);
	f = st;
	national_summary s;
	assert_int_equal(national_summary_load(&f->d, TODAY, &s, &f->e), 0);
	assert_int_equal(s.n_areas, 0);
	check(&s, &s.totals, &(expect){0});
	fixture_teardown(&st);
}

static void test_needs_the_audit_instrument(void **state)
{
	fixture *f = *state;
	fw_registry none = {0};
	domain d = f->d;
	d.frameworks = &none;
	national_summary s;
	assert_int_equal(national_summary_load(&d, TODAY, &s, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "york-joint-partnership-audit is not installed"));
}

typedef struct buffer {
	char text[4096];
	size_t len;
} buffer;

static int buffer_write(void *ctx, const char *bytes, size_t n, err *e)
{
	buffer *b = ctx;
	if (b->len + n >= sizeof b->text)
		return err_set(e, ERR_IO, "buffer full");
	memcpy(b->text + b->len, bytes, n);
	b->len += n;
	b->text[b->len] = '\0';
	return 0;
}

static void test_csv(void **state)
{
	fixture *f = *state;
	national_summary s;
	assert_int_equal(national_summary_load(&f->d, TODAY, &s, &f->e), 0);
	buffer b = {0};
	export_sink sink = {buffer_write, &b};
	assert_int_equal(national_summary_csv(&s, &sink, &f->e), 0);
	char expected[1024];
	snprintf(expected, sizeof expected,
		 "area_id,area,organisations,with_self_evaluation,self_evaluations_draft,"
		 "self_evaluations_in_review,self_evaluations_submitted,audited,audited_in_window,"
		 "outcome_requires-improvement,outcome_good,outcome_outstanding,at_lowest_level,"
		 "reviews_overdue,actions_overdue\r\n"
		 "%lld,Empty,0,0,0,0,0,0,0,0,0,0,0,0,0\r\n"
		 "%lld,North,4,2,1,1,1,3,2,1,1,0,1,1,2\r\n"
		 "%lld,South,2,1,1,0,0,2,1,0,1,0,1,1,0\r\n"
		 ",No area,1,0,0,0,0,0,0,0,0,0,0,0,1\r\n"
		 ",All areas,7,3,2,1,1,5,3,1,2,0,2,2,3\r\n",
		 (long long)s.areas[0].id, (long long)s.areas[1].id, (long long)s.areas[2].id);
	assert_string_equal(b.text, expected);
}

/* A failing sink stops the CSV with its message. */
static int refuse_write(void *ctx, const char *bytes, size_t n, err *e)
{
	(void)ctx, (void)bytes, (void)n;
	return err_set(e, ERR_IO, "the disk is full");
}

static void test_csv_write_fails(void **state)
{
	fixture *f = *state;
	national_summary s;
	assert_int_equal(national_summary_load(&f->d, TODAY, &s, &f->e), 0);
	export_sink sink = {refuse_write, NULL};
	assert_int_equal(national_summary_csv(&s, &sink, &f->e), -1);
	assert_string_equal(f->e.msg, "the disk is full");
}

static void test_json(void **state)
{
	fixture *f = *state;
	national_summary s;
	assert_int_equal(national_summary_load(&f->d, TODAY, &s, &f->e), 0);
	json_t *doc = national_summary_json(&s);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(doc, "format")), NATIONAL_FORMAT);
	assert_string_equal(json_string_value(json_object_get(doc, "today")), TODAY);
	json_t *window = json_object_get(doc, "window");
	assert_string_equal(json_string_value(json_object_get(window, "from")), "2025-06-15");
	assert_string_equal(json_string_value(json_object_get(window, "to")), TODAY);
	assert_int_equal(json_array_size(json_object_get(doc, "outcomes")), 3);
	assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "lowest_level"), "key")),
			    "room-for-improvement");
	json_t *areas = json_object_get(doc, "areas");
	assert_int_equal(json_array_size(areas), 4);
	json_t *north = json_array_get(areas, 1);
	assert_int_equal(json_integer_value(json_object_get(north, "id")), s.areas[1].id);
	assert_string_equal(json_string_value(json_object_get(north, "name")), "North");
	assert_int_equal(json_integer_value(json_object_get(north, "organisations")), 4);
	assert_int_equal(json_integer_value(json_object_get(north, "with_self_evaluation")), 2);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(north, "self_evaluations"),
							    "in-review")), 1);
	assert_int_equal(json_integer_value(json_object_get(north, "audited_in_window")), 2);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(north, "outcomes"),
							    "requires-improvement")), 1);
	assert_int_equal(json_integer_value(json_object_get(north, "at_lowest_level")), 1);
	assert_int_equal(json_integer_value(json_object_get(north, "reviews_overdue")), 1);
	assert_int_equal(json_integer_value(json_object_get(north, "actions_overdue")), 2);
	assert_true(json_is_null(json_object_get(json_array_get(areas, 3), "id")));
	json_t *totals = json_object_get(doc, "totals");
	assert_int_equal(json_integer_value(json_object_get(totals, "organisations")), 7);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(totals, "outcomes"), "good")), 2);
	assert_null(json_object_get(totals, "id"));
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_count, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_window_moves_with_today, setup, fixture_teardown),
		cmocka_unit_test(test_no_organisations_at_all),
		cmocka_unit_test_setup_teardown(test_needs_the_audit_instrument, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_csv, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_csv_write_fails, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_json, setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
