/* test_area.c: the area's picture: which audit counts as an organisation's
 * latest, the 12-month and review rules at their boundaries, filters,
 * another area kept out, levels and outcomes counted, projects with their
 * steps and audit. Projects and audits are written straight into the
 * tables, so these tests do not depend on the project and audit code. */
#include "testutil.h"

#include "domain/area.h"
#include "store/account.h"
#include "store/area.h"
#include "store/sql.h"

#define TODAY "2026-06-15"

typedef struct world {
	fixture *f;
	int64_t area, far_area;
	const char *audit_hash, *model_hash;
} world;

static const char *keep(fixture *f, const char *id)
{
	const framework *fw = fw_registry_find(&f->frameworks, id);
	assert_non_null(fw);
	assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
	return fw->hash;
}

static world make_world(fixture *f)
{
	world w = {.f = f};
	w.audit_hash = keep(f, "york-joint-partnership-audit");
	w.model_hash = keep(f, "york-strategic-model");
	assert_int_equal(store_area_by_name(&f->db, "Test Area", "2026-01-01T00:00:00Z", &w.area, &f->e), 0);
	assert_int_equal(store_area_by_name(&f->db, "Elsewhere", "2026-01-01T00:00:00Z", &w.far_area, &f->e), 0);
	return w;
}

static int64_t org(world *w, const char *name, const char *sector, const char *type,
		   const char *area)
{
	org_row o = {.name = name, .sector = sector, .type = type, .area = area};
	int64_t id;
	assert_int_equal(org_add(&w->f->d, &o, &id, &w->f->e), 0);
	return id;
}

/* first 0: a first version (first_id = its own id). */
static int64_t audit(world *w, int64_t org_id, const char *status, const char *date,
		     const char *outcome, const char *review_on, int64_t first, int version,
		     int64_t project)
{
	store *db = &w->f->db;
	int64_t id = test_write(db,
		"INSERT INTO audit (organisation_id, framework_hash, project_id, first_id, version,"
		" status, audit_date, outcome, review_on, created_at, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(org_id), sql_text(w->audit_hash), sql_id(project), sql_id(first),
			 sql_int(version), sql_text(status), sql_text(date), sql_text(outcome),
			 sql_text(review_on)));
	if (!first)
		test_write(db, "UPDATE audit SET first_id = id WHERE id = ?", SQL_ID_ARG(id));
	return id;
}

static void level(world *w, int64_t audit_id, const char *principle, const char *lvl)
{
	test_write(&w->f->db, "INSERT INTO audit_principle (audit_id, principle_key, level, updated_at)"
		   " VALUES (?, ?, ?, '2026-01-01T00:00:00Z')",
		   SQL_ARGS(sql_int(audit_id), sql_text(principle), sql_text(lvl)));
}

/* Six levels, principle 1 first. */
static void levels(world *w, int64_t audit_id, const char *const lv[6])
{
	static const char *const keys[] = {"1", "2", "3", "4", "5", "6"};
	for (int i = 0; i < 6; i++)
		level(w, audit_id, keys[i], lv[i]);
}

static int64_t project(world *w, int64_t org_id, const char *title, const char *starts_on)
{
	return test_write(&w->f->db,
		"INSERT INTO project (organisation_id, framework_id, framework_hash, title, service_area,"
		" starts_on, created_at, updated_at) VALUES (?, 'york-strategic-model', ?, ?, 'Short breaks', ?,"
		" '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(org_id), sql_text(w->model_hash), sql_text(title), sql_text(starts_on)));
}

static void step(world *w, int64_t project_id, const char *key, int done)
{
	test_write(&w->f->db, "INSERT INTO project_step (project_id, step_key, done, updated_at)"
		   " VALUES (?, ?, ?, '2026-01-01T00:00:00Z')",
		   SQL_ARGS(sql_int(project_id), sql_text(key), sql_int(done)));
}

static const picture_org *find_org(const area_picture *p, int64_t id)
{
	for (size_t i = 0; i < p->n_orgs; i++)
		if (p->orgs[i].row.id == id)
			return &p->orgs[i];
	return NULL;
}

static void load(world *w, const picture_filter *flt, area_picture *p)
{
	assert_int_equal(area_picture_load(&w->f->d, w->area, flt, TODAY, p, &w->f->e), 0);
}

static const char *const all_good[6] = {"good", "good", "good", "good", "good", "good"};

/* ---- dates ---------------------------------------------------------------- */

static void dates_follow_the_academic_year(void **state)
{
	(void)state;
	picture_dates d;
	picture_dates_for("2026-06-15", &d);
	assert_string_equal(d.today, "2026-06-15");
	assert_string_equal(d.since, "2025-06-15");
	assert_int_equal(d.year, 2025);
	assert_string_equal(d.year_from, "2025-09-01");
	assert_string_equal(d.year_to, "2026-08-31");
	picture_dates_for("2026-09-01", &d);
	assert_int_equal(d.year, 2026);
	assert_string_equal(d.year_from, "2026-09-01");
	picture_dates_for("2026-08-31", &d);
	assert_int_equal(d.year, 2025);
	/* 365 days back across 29 February 2024. */
	picture_dates_for("2024-03-01", &d);
	assert_string_equal(d.since, "2023-03-02");
	/* No date given: today, with COPRO_NOW honoured. */
	setenv("COPRO_NOW", "2027-01-10T09:00:00Z", 1);
	picture_dates_for(NULL, &d);
	assert_string_equal(d.today, "2027-01-10");
	assert_string_equal(d.since, "2026-01-10");
	assert_int_equal(d.year, 2026);
	unsetenv("COPRO_NOW");
}

/* ---- which audit counts --------------------------------------------------- */

static void latest_accepted_audit_wins(void **state)
{
	world w = make_world(*state);
	int64_t a = org(&w, "Alpha School", "education", "Primary", "Test Area");
	int64_t early = audit(&w, a, "accepted", "2025-03-01", "requires-improvement", NULL, 0, 1, 0);
	const char *const low[6] = {"room-for-improvement", "room-for-improvement", "good", "good",
				    "good", "good"};
	levels(&w, early, low);
	int64_t latest = audit(&w, a, "accepted", "2025-10-01", "good", "2026-10-01", 0, 1, 0);
	const char *const mixed[6] = {"excellent", "good", "room-for-improvement", NULL, "good",
				      "excellent"};
	levels(&w, latest, mixed);
	/* Later ones that are not accepted do not count, whatever their date. */
	int64_t later = audit(&w, a, "submitted", "2026-01-10", "outstanding", NULL, 0, 1, 0);
	levels(&w, later, all_good);
	int64_t ret = audit(&w, a, "returned", "2026-02-10", "outstanding", NULL, 0, 1, 0);
	levels(&w, ret, all_good);
	/* Two accepted on the same day: the higher id is the latest. */
	int64_t b = org(&w, "Beta School", "education", "Primary", "Test Area");
	audit(&w, b, "accepted", "2026-01-01", "good", NULL, 0, 1, 0);
	int64_t b2 = audit(&w, b, "accepted", "2026-01-01", "outstanding", NULL, 0, 1, 0);

	area_picture p;
	load(&w, NULL, &p);
	const picture_org *oa = find_org(&p, a), *ob = find_org(&p, b);
	assert_non_null(oa);
	assert_int_equal(oa->row.audit_id, latest);
	assert_string_equal(oa->row.outcome, "good");
	assert_string_equal(oa->row.audit_date, "2025-10-01");
	assert_string_equal(oa->row.review_on, "2026-10-01");
	assert_string_equal(oa->levels[0], "excellent");
	assert_string_equal(oa->levels[2], "room-for-improvement");
	assert_null(oa->levels[3]);
	assert_int_equal(ob->row.audit_id, b2);
	assert_string_equal(ob->row.outcome, "outstanding");
	assert_null(ob->levels[0]);
	assert_int_equal(p.audited, 2);
}

static void organisation_without_audit(void **state)
{
	world w = make_world(*state);
	int64_t a = org(&w, "Quiet Nursery", "education", "Nursery", "Test Area");
	int64_t draft = audit(&w, a, "draft", TODAY, NULL, NULL, 0, 1, 0);
	levels(&w, draft, all_good);
	area_picture p;
	load(&w, NULL, &p);
	assert_int_equal(p.n_orgs, 1);
	const picture_org *o = &p.orgs[0];
	assert_int_equal(o->row.audit_id, 0);
	assert_null(o->row.outcome);
	assert_false(o->row.audited_recently);
	assert_false(o->review_overdue);
	assert_int_equal(o->row.projects, 0);
	for (int i = 0; i < 6; i++)
		assert_null(o->levels[i]);
	assert_int_equal(p.audited, 0);
	assert_int_equal(p.audited_recently, 0);
	for (size_t i = 0; i < 6 * p.n_levels; i++)
		assert_int_equal(p.counts[i], 0);
}

/* ---- the 12 months and the reviews ---------------------------------------- */

static void twelve_months_at_the_boundary(void **state)
{
	world w = make_world(*state);
	int64_t on = org(&w, "On the day", "health", "Therapy", "Test Area");
	int64_t before = org(&w, "A day too early", "health", "Therapy", "Test Area");
	int64_t sent = org(&w, "Sent only", "health", "Therapy", "Test Area");
	int64_t back = org(&w, "Sent back", "health", "Therapy", "Test Area");
	int64_t ahead = org(&w, "Dated ahead", "health", "Therapy", "Test Area");
	audit(&w, on, "accepted", "2025-06-15", "good", NULL, 0, 1, 0);
	audit(&w, before, "accepted", "2025-06-14", "good", NULL, 0, 1, 0);
	audit(&w, sent, "submitted", "2026-06-01", NULL, NULL, 0, 1, 0);
	audit(&w, back, "returned", "2026-06-01", NULL, NULL, 0, 1, 0);
	audit(&w, ahead, "accepted", "2026-06-16", "good", NULL, 0, 1, 0);
	/* COPRO_NOW decides "today" when no date is given. */
	setenv("COPRO_NOW", TODAY "T23:59:59Z", 1);
	area_picture p;
	assert_int_equal(area_picture_load(&w.f->d, w.area, NULL, NULL, &p, &w.f->e), 0);
	unsetenv("COPRO_NOW");
	assert_string_equal(p.dates.today, TODAY);
	assert_true(find_org(&p, on)->row.audited_recently);
	assert_false(find_org(&p, before)->row.audited_recently);
	assert_true(find_org(&p, sent)->row.audited_recently);
	assert_false(find_org(&p, back)->row.audited_recently);
	assert_false(find_org(&p, ahead)->row.audited_recently);
	assert_int_equal(p.audited_recently, 2);
	/* A submitted audit is not yet the latest accepted one. */
	assert_int_equal(find_org(&p, sent)->row.audit_id, 0);
}

static void overdue_reviews(void **state)
{
	world w = make_world(*state);
	int64_t late = org(&w, "Late", "care", "Respite", "Test Area");
	int64_t due = org(&w, "Due today", "care", "Respite", "Test Area");
	int64_t none = org(&w, "No review date", "care", "Respite", "Test Area");
	int64_t newer = org(&w, "Reviewed since", "care", "Respite", "Test Area");
	audit(&w, late, "accepted", "2025-09-01", "good", "2026-06-14", 0, 1, 0);
	audit(&w, due, "accepted", "2025-09-01", "good", TODAY, 0, 1, 0);
	audit(&w, none, "accepted", "2025-09-01", "good", NULL, 0, 1, 0);
	/* Only the latest accepted audit's review date counts. */
	audit(&w, newer, "accepted", "2024-09-01", "good", "2025-01-01", 0, 1, 0);
	audit(&w, newer, "accepted", "2025-12-01", "good", "2026-12-01", 0, 1, 0);
	area_picture p;
	load(&w, NULL, &p);
	assert_true(find_org(&p, late)->review_overdue);
	assert_false(find_org(&p, due)->review_overdue);
	assert_false(find_org(&p, none)->review_overdue);
	assert_false(find_org(&p, newer)->review_overdue);
	assert_int_equal(p.reviews_overdue, 1);
}

/* ---- filters and areas ---------------------------------------------------- */

static void filters_and_other_areas(void **state)
{
	world w = make_world(*state);
	int64_t school = org(&w, "School", "education", "Primary", "Test Area");
	int64_t college = org(&w, "College", "education", "Further education", "Test Area");
	int64_t clinic = org(&w, "Clinic", "health", "Therapy", "Test Area");
	int64_t far = org(&w, "Far School", "education", "Primary", "Elsewhere");
	int64_t ids[] = {school, college, clinic, far};
	for (int i = 0; i < 4; i++) {
		int64_t id = audit(&w, ids[i], "accepted", "2025-10-01", "good", NULL, 0, 1, 0);
		levels(&w, id, all_good);
		project(&w, ids[i], "A project", "2025-10-01");
	}
	area_picture p;
	load(&w, NULL, &p);
	assert_int_equal(p.n_orgs, 3);
	assert_null(find_org(&p, far));
	assert_int_equal(p.recorded[0], 3);

	picture_filter health = {.sector = "health"};
	load(&w, &health, &p);
	assert_int_equal(p.n_orgs, 1);
	assert_int_equal(p.orgs[0].row.id, clinic);
	assert_int_equal(p.recorded[0], 1);

	picture_filter primary = {.type = "Primary"};
	load(&w, &primary, &p);
	assert_int_equal(p.n_orgs, 1);
	assert_int_equal(p.orgs[0].row.id, school);

	picture_filter both = {.sector = "education", .type = "Further education"};
	load(&w, &both, &p);
	assert_int_equal(p.n_orgs, 1);
	assert_int_equal(p.orgs[0].row.id, college);

	picture_filter nothing = {.sector = "health", .type = "Primary"};
	load(&w, &nothing, &p);
	assert_int_equal(p.n_orgs, 0);
	assert_int_equal(p.recorded[0], 0);

	picture_trend t;
	assert_int_equal(picture_trend_load(&w.f->d, w.area, &health, &t, &w.f->e), 0);
	assert_int_equal(t.n_years, 1);
	assert_int_equal(t.years[0].total, 1);

	picture_project *pr;
	size_t n;
	assert_int_equal(picture_projects_load(&w.f->d, w.area, NULL, &pr, &n, &w.f->e), 0);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_int_not_equal(pr[i].row.organisation_id, far);

	picture_text_list types;
	assert_int_equal(store_picture_types(&w.f->db, &w.f->mem, w.area, &types, &w.f->e), 0);
	assert_int_equal(types.n, 3);
	assert_string_equal(types.items[0], "Further education");
	assert_string_equal(types.items[1], "Primary");
	assert_string_equal(types.items[2], "Therapy");

	const char *name;
	assert_int_equal(store_picture_area_name(&w.f->db, &w.f->mem, w.far_area, &name, &w.f->e), 1);
	assert_string_equal(name, "Elsewhere");
	assert_int_equal(store_picture_area_name(&w.f->db, &w.f->mem, w.far_area + 100, &name, &w.f->e), 0);
}

/* ---- counting ------------------------------------------------------------- */

static void level_counts_match_the_grid(void **state)
{
	world w = make_world(*state);
	const char *const a[6] = {"room-for-improvement", "good", "excellent", "good",
				  "room-for-improvement", NULL};
	const char *const b[6] = {"room-for-improvement", "room-for-improvement", "good", "good",
				  "excellent", "good"};
	const char *const c[6] = {"good", "room-for-improvement", "good", "excellent",
				  "room-for-improvement", "good"};
	const char *const *sets[] = {a, b, c};
	int64_t ids[3];
	for (int i = 0; i < 3; i++) {
		ids[i] = org(&w, arena_printf(&w.f->mem, "Org %d", i), "education", "", "Test Area");
		levels(&w, audit(&w, ids[i], "accepted", "2025-10-01", "good", NULL, 0, 1, 0), sets[i]);
	}
	/* An older accepted audit of the same organisation is not counted. */
	levels(&w, audit(&w, ids[0], "accepted", "2020-01-01", "good", NULL, 0, 1, 0), all_good);
	area_picture p;
	load(&w, NULL, &p);
	assert_int_equal(p.n_levels, 3);
	assert_string_equal(p.levels[0].key, "room-for-improvement");
	assert_string_equal(p.levels[0].title, "Room for Improvement");
	/* The grid, tallied here, gives the same numbers as the aggregate. */
	size_t tally[6][3] = {{0}};
	for (size_t o = 0; o < p.n_orgs; o++)
		for (int k = 0; k < 6; k++) {
			int l = picture_level_index(&p, p.orgs[o].levels[k]);
			if (l >= 0)
				tally[k][l]++;
		}
	for (int k = 0; k < 6; k++)
		for (int l = 0; l < 3; l++)
			assert_int_equal(p.counts[k * 3 + l], tally[k][l]);
	assert_int_equal(p.counts[0 * 3 + 0], 2);       /* principle 1 at room for improvement */
	assert_int_equal(p.counts[5 * 3 + 1], 2);       /* principle 6 good */
	assert_int_equal(p.recorded[5], 2);             /* one left it blank */

	picture_support *ranked;
	size_t n = picture_support_ranking(&p, &w.f->mem, &ranked);
	/* 1, 2 and 5 have two each at the lowest level; 3, 4, 6 none. */
	assert_int_equal(n, 3);
	assert_string_equal(ranked[0].principle->key, "1");
	assert_string_equal(ranked[1].principle->key, "2");
	assert_string_equal(ranked[2].principle->key, "5");
	assert_int_equal(ranked[0].at_lowest, 2);
	assert_int_equal(ranked[0].recorded, 3);
}

static void outcomes_per_academic_year(void **state)
{
	world w = make_world(*state);
	int64_t a = org(&w, "A", "education", "", "Test Area");
	int64_t b = org(&w, "B", "health", "", "Test Area");
	audit(&w, a, "accepted", "2023-08-31", "requires-improvement", NULL, 0, 1, 0);  /* 2022 to 2023 */
	audit(&w, a, "accepted", "2023-09-01", "good", NULL, 0, 1, 0);                  /* 2023 to 2024 */
	/* Nothing in 2024 to 2025: the year is still shown, with zeros. */
	audit(&w, b, "accepted", "2025-09-01", "outstanding", NULL, 0, 1, 0);
	/* Versions of one audit: returned, then accepted: counted once. */
	int64_t first = audit(&w, b, "returned", "2026-03-01", "good", NULL, 0, 1, 0);
	audit(&w, b, "accepted", "2026-03-01", "good", NULL, first, 2, 0);
	/* Not accepted, or in another area: not counted. */
	audit(&w, a, "submitted", "2026-03-01", "good", NULL, 0, 1, 0);
	int64_t far = org(&w, "Far", "education", "", "Elsewhere");
	audit(&w, far, "accepted", "2026-03-01", "good", NULL, 0, 1, 0);

	picture_trend t;
	assert_int_equal(picture_trend_load(&w.f->d, w.area, NULL, &t, &w.f->e), 0);
	assert_int_equal(t.n_outcomes, 3);
	assert_string_equal(t.outcomes[0].title, "Requires Improvement");
	assert_string_equal(t.outcomes[2].key, "outstanding");
	assert_int_equal(t.n_years, 4);
	assert_int_equal(t.years[0].year, 2022);
	assert_int_equal(t.years[0].counts[0], 1);
	assert_int_equal(t.years[0].total, 1);
	assert_int_equal(t.years[1].year, 2023);
	assert_int_equal(t.years[1].counts[1], 1);
	assert_int_equal(t.years[2].year, 2024);
	assert_int_equal(t.years[2].total, 0);
	assert_int_equal(t.years[3].year, 2025);
	assert_int_equal(t.years[3].counts[1], 1);
	assert_int_equal(t.years[3].counts[2], 1);
	assert_int_equal(t.years[3].total, 2);
	assert_int_equal(t.most, 2);

	/* An area with no accepted audit has no years at all. */
	assert_int_equal(picture_trend_load(&w.f->d, w.far_area + 1, NULL, &t, &w.f->e), 0);
	assert_int_equal(t.n_years, 0);
}

/* ---- projects ------------------------------------------------------------- */

static void projects_this_year_and_their_steps(void **state)
{
	world w = make_world(*state);
	int64_t a = org(&w, "A", "education", "", "Test Area");
	project(&w, a, "Too early", "2025-08-31");
	int64_t first = project(&w, a, "First day", "2025-09-01");
	project(&w, a, "Last day", "2026-08-31");
	project(&w, a, "Next year", "2026-09-01");
	project(&w, a, "No date", NULL);
	step(&w, first, "1", 1);
	step(&w, first, "3", 1);
	step(&w, first, "4", 0);
	int64_t returned = audit(&w, a, "returned", "2026-01-01", "good", NULL, 0, 1, first);
	int64_t accepted = audit(&w, a, "accepted", "2026-02-01", "outstanding", NULL, returned, 2, first);
	area_picture p;
	load(&w, NULL, &p);
	assert_int_equal(p.orgs[0].row.projects, 2);

	picture_project *pr;
	size_t n;
	assert_int_equal(picture_projects_load(&w.f->d, w.area, NULL, &pr, &n, &w.f->e), 0);
	assert_int_equal(n, 5);
	/* Latest start first, undated last. */
	assert_string_equal(pr[0].row.title, "Next year");
	assert_string_equal(pr[4].row.title, "No date");
	const picture_project *fp = NULL;
	for (size_t i = 0; i < n; i++)
		if (pr[i].row.id == first)
			fp = &pr[i];
	assert_non_null(fp);
	assert_int_equal(fp->row.steps_done, 2);
	assert_int_equal(fp->row.audit_id, accepted);
	assert_string_equal(fp->row.audit_outcome, "outstanding");
	assert_string_equal(fp->row.organisation, "A");
	const framework *model = fw_registry_find(&w.f->frameworks, "york-strategic-model");
	assert_string_equal(fp->model, model->title);
	assert_int_equal(fp->steps, model->n_elements);
	assert_true(fp->steps > 2);
	assert_int_equal(pr[0].row.audit_id, 0);
	assert_int_equal(pr[0].row.steps_done, 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(dates_follow_the_academic_year), T(latest_accepted_audit_wins),
		T(organisation_without_audit), T(twelve_months_at_the_boundary),
		T(overdue_reviews), T(filters_and_other_areas), T(level_counts_match_the_grid),
		T(outcomes_per_academic_year), T(projects_this_year_and_their_steps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
