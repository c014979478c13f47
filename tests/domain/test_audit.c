/* test_audit.c: York's joint partnership audit: the area's settings and both
 * outcome rules, filling in a draft against the stored instrument, every
 * legal and illegal step of the workflow (a refusal leaves the database
 * unchanged), versions, and actions from next steps. */
#include "testutil.h"

#include "domain/audit.h"
#include "store/audit.h"
#include "store/sql.h"

static const audit_actor lead = {.user_id = 0, .name = "Lead", .access = ACCESS_LEAD};
static const audit_actor area_admin = {.user_id = 0, .name = "Area", .access = ACCESS_AREA};
static const audit_actor contributor = {.user_id = 0, .name = "Con",
					.access = ACCESS_CONTRIBUTE};

/* Every row of every table as text: equal snapshots mean nothing changed. */
static char *snapshot(fixture *f)
{
	return test_snapshot(&f->db);
}

/* The rows of one audit in every audit table, for "unchanged" checks. */
static char *audit_rows(fixture *f, int64_t id)
{
	static const char *const where[][2] = {
		{"audit", "id = ?"},
		{"audit_person", "audit_id = ?"},
		{"audit_principle", "audit_id = ?"},
		{"audit_evidence", "audit_id = ?"},
		{"audit_event", "audit_id = ?"},
	};
	char *out = NULL;
	size_t len = 0;
	FILE *text = open_memstream(&out, &len);
	assert_non_null(text);
	for (size_t q = 0; q < sizeof where / sizeof *where; q++) {
		char *rows = test_rows_text(&f->db, where[q][0], where[q][1], id);
		fprintf(text, "%s\n", rows);
		free(rows);
	}
	fclose(text);
	return out;
}

static int64_t area_of(fixture *f, const char *name)
{
	int64_t area = 0;
	assert_int_equal(store_audit_area_find(&f->db, name, &area, &f->e), 1);
	return area;
}

static int64_t start(fixture *f, int64_t org)
{
	audit_fields h = {.audit_date = "2026-03-01", .service_area = "Short breaks"};
	int64_t id = 0;
	assert_int_equal(audit_start(&f->d, org, 0, &h, &lead, &id, &f->e), 0);
	return id;
}

static void set_level(fixture *f, int64_t id, const char *principle, const char *level)
{
	principle_change c = {.level = level};
	assert_int_equal(audit_principle_set(&f->d, id, principle, &c, &f->e), 0);
}

/* A draft that can be submitted: six levels, a person, an outcome. */
static int64_t ready(fixture *f, int64_t org)
{
	int64_t id = start(f, org);
	for (int p = 1; p <= 6; p++) {
		char key[12];
		snprintf(key, sizeof key, "%d", p);
		set_level(f, id, key, "good");
	}
	assert_int_equal(audit_person_add(&f->d, id, "Sam Patel", "SEND lead", &f->e), 0);
	audit_fields out = {.outcome = "good", .next_steps = "Recruit more families"};
	assert_int_equal(audit_set(&f->d, id, &out, &f->e), 0);
	return id;
}

static const char *status_of(fixture *f, int64_t id)
{
	audit_row a;
	assert_int_equal(audit_get(&f->d, id, &a, &f->e), 0);
	return a.status;
}

/* ---- settings and rules --------------------------------------------------- */

static void settings(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t area = area_of(f, "Test Area");
	audit_settings s;
	assert_int_equal(audit_settings_get(&f->d, area, &s, &f->e), 0);
	assert_true(s.is_default);
	assert_int_equal(s.score_min, 1);
	assert_int_equal(s.score_max, 3);
	assert_string_equal(s.rule, "lowest-level");
	assert_int_equal(audit_settings_get(&f->d, 0, &s, &f->e), 0);
	assert_true(s.is_default);

	char *before = snapshot(f);
	const audit_settings bad[] = {
		{.score_min = -1, .score_max = 3, .rule = "lowest-level"},
		{.score_min = 0, .score_max = 101, .rule = "lowest-level"},
		{.score_min = 3, .score_max = 3, .rule = "lowest-level"},
		{.score_min = 4, .score_max = 2, .rule = "lowest-level"},
		{.score_min = 1, .score_max = 3, .rule = "average"},
		{.score_min = 1, .score_max = 3, .rule = NULL},
	};
	const char *const why[] = {"lowest score", "highest score", "more than", "more than",
				   "average", "not known"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(audit_settings_set(&f->d, area, &bad[i], &f->e), -1);
		assert_int_equal(f->e.kind, ERR_INPUT);
		assert_non_null(strstr(f->e.msg, why[i]));
	}
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);

	/* The edges of the allowed range. */
	audit_settings edge = {.score_min = 0, .score_max = 100, .rule = "most-common-level"};
	assert_int_equal(audit_settings_set(&f->d, area, &edge, &f->e), 0);
	edge.score_min = 99;
	assert_int_equal(audit_settings_set(&f->d, area, &edge, &f->e), 0);
	assert_int_equal(audit_settings_of_org(&f->d, org, &s, &f->e), 0);
	assert_false(s.is_default);
	assert_int_equal(s.score_min, 99);
	assert_int_equal(s.score_max, 100);
	assert_string_equal(s.rule, "most-common-level");
	assert_non_null(strstr(audit_rule_describe("lowest-level"), "Room for Improvement"));
	assert_null(audit_rule_describe("average"));
	assert_string_equal(audit_rule_name("most-common-level"), "most common level");
}

#define L "room-for-improvement"
#define G "good"
#define X "excellent"

static const char *suggest(const char *rule, const char *a, const char *b, const char *c,
			   const char *d, const char *e, const char *f)
{
	const char *const levels[6] = {a, b, c, d, e, f};
	return audit_suggest_outcome(levels, 6, rule);
}

static void lowest_level_rule(void **state)
{
	(void)state;
	const char *r = AUDIT_RULE_LOWEST;
	assert_string_equal(suggest(r, G, G, G, G, G, G), "good");
	assert_string_equal(suggest(r, X, X, X, X, X, X), "outstanding");
	assert_string_equal(suggest(r, X, X, X, X, X, G), "good");
	assert_string_equal(suggest(r, X, X, X, X, X, L), "requires-improvement");
	assert_string_equal(suggest(r, L, L, L, L, L, L), "requires-improvement");
	assert_string_equal(suggest(r, G, X, G, X, G, X), "good");
	assert_null(suggest(r, X, X, X, X, X, NULL));           /* not every level yet */
	assert_null(suggest(r, X, X, "outstanding", X, X, X));  /* not a level key */
	assert_null(audit_suggest_outcome(NULL, 0, r));
	assert_null(suggest("average", G, G, G, G, G, G));
	const char *one[1] = {X};
	assert_string_equal(audit_suggest_outcome(one, 1, r), "outstanding");
}

static void most_common_level_rule(void **state)
{
	(void)state;
	const char *r = AUDIT_RULE_MOST_COMMON;
	assert_string_equal(suggest(r, G, G, G, G, G, G), "good");
	assert_string_equal(suggest(r, X, X, X, X, L, L), "outstanding");
	assert_string_equal(suggest(r, X, X, X, G, G, L), "outstanding");
	assert_string_equal(suggest(r, L, L, L, X, X, G), "requires-improvement");
	/* Ties go to the lower level. */
	assert_string_equal(suggest(r, G, G, G, X, X, X), "good");
	assert_string_equal(suggest(r, L, L, L, X, X, X), "requires-improvement");
	assert_string_equal(suggest(r, L, L, G, G, X, X), "requires-improvement");
	assert_string_equal(suggest(r, L, G, G, X, X, L), "requires-improvement");
	assert_string_equal(suggest(r, L, G, G, X, X, G), "good");
	assert_null(suggest(r, G, G, G, G, G, NULL));
}

/* ---- starting and filling in ---------------------------------------------- */

static void start_keeps_instrument(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = start(f, org);
	audit_row a;
	assert_int_equal(audit_get(&f->d, id, &a, &f->e), 0);
	assert_int_equal(a.first_id, id);
	assert_int_equal(a.version, 1);
	assert_string_equal(a.status, "draft");
	assert_string_equal(a.audit_date, "2026-03-01");
	assert_string_equal(a.service_area, "Short breaks");
	const framework *fw = fw_registry_find(&f->frameworks, AUDIT_FRAMEWORK_ID);
	assert_non_null(fw);
	assert_string_equal(a.framework_hash, fw->hash);
	char *body = NULL;
	assert_int_equal(store_framework_version_get(&f->db, &f->mem, fw->hash, &body, &f->e), 1);
	audit_event_list ev;
	assert_int_equal(store_audit_event_list(&f->db, &f->mem, id, &ev, &f->e), 0);
	assert_int_equal(ev.n, 1);
	assert_string_equal(ev.items[0].status, "draft");
	assert_string_equal(ev.items[0].user_name, "Lead");

	/* Refusals: nothing written. */
	int64_t other = fixture_org(f, "Other");
	char *before = snapshot(f);
	int64_t none;
	audit_fields bad_date = {.audit_date = "2026-02-30"};
	assert_int_equal(audit_start(&f->d, org, 0, &bad_date, &lead, &none, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "date of audit"));
	audit_fields bad_outcome = {.outcome = "excellent"};
	assert_int_equal(audit_start(&f->d, org, 0, &bad_outcome, &lead, &none, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "requires-improvement, good or outstanding"));
	assert_int_equal(audit_start(&f->d, other + 10, 0, NULL, &lead, &none, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
	assert_int_equal(audit_get_in_org(&f->d, other, id, &a, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(audit_get_in_org(&f->d, org, id, &a, &f->e), 0);
}

/* A project row and its stored model, as the projects helper writes them. */
static int64_t make_project(fixture *f, int64_t org, int64_t id)
{
	const framework *model = fw_registry_find(&f->frameworks, "york-strategic-model");
	assert_non_null(model);
	assert_int_equal(framework_version_keep(&f->d, model, &f->e), 0);
	char sql[700];
	snprintf(sql, sizeof sql,
		 "INSERT INTO project (id, organisation_id, framework_id, framework_hash, title,"
		 " created_at, updated_at) VALUES (%lld, %lld, 'york-strategic-model', '%s',"
		 " 'Short breaks review', 'x', 'x');"
		 "INSERT INTO project_step (project_id, step_key, done, updated_at)"
		 " VALUES (%lld, '1', 1, 'x'), (%lld, '2', 1, 'x'), (%lld, '3', 0, 'x');",
		 (long long)id, (long long)org, model->hash, (long long)id, (long long)id,
		 (long long)id);
	test_exec(&f->db, sql);
	return id;
}

static void project_link(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t other = fixture_org(f, "Other");
	int64_t mine = make_project(f, org, 5), theirs = make_project(f, other, 6);
	char *before = snapshot(f);
	int64_t id;
	assert_int_equal(audit_start(&f->d, org, theirs, NULL, &lead, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "not one of this organisation's projects"));
	assert_int_equal(audit_start(&f->d, org, 99, NULL, &lead, &id, &f->e), -1);
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
	assert_int_equal(audit_start(&f->d, org, mine, NULL, &lead, &id, &f->e), 0);
	audit_view v;
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_true(v.has_project);
	assert_string_equal(v.project.title, "Short breaks review");
	assert_int_equal(v.project.steps_done, 2);
	assert_int_equal(v.project_steps_total, 12);
	assert_int_equal(audit_set_project(&f->d, id, theirs, &f->e), -1);
	assert_int_equal(audit_set_project(&f->d, id, 0, &f->e), 0);
	audit_row a;
	assert_int_equal(audit_get(&f->d, id, &a, &f->e), 0);
	assert_int_equal(a.project_id, 0);
}

/* audit_set_with_project: the project and the fields, all or nothing. */
static void project_and_fields_together(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other");
	int64_t mine = make_project(f, org, 5), theirs = make_project(f, other, 6);
	int64_t id = start(f, org), rows = test_count_rows(&f->db);
	char *before = audit_rows(f, id);
	audit_fields good = {.summary = "Went well"}, bad = {.audit_date = "2026-02-30"};
	assert_int_equal(audit_set_with_project(&f->d, id, theirs, &good, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "not one of this organisation's projects"));
	assert_int_equal(audit_set_with_project(&f->d, id, mine, &bad, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	char *after = audit_rows(f, id);
	assert_string_equal(before, after);
	assert_int_equal(test_count_rows(&f->db), rows);
	free(before);
	free(after);
	assert_int_equal(audit_set_with_project(&f->d, id, mine, &good, &f->e), 0);
	audit_row a;
	assert_int_equal(audit_get(&f->d, id, &a, &f->e), 0);
	assert_int_equal(a.project_id, mine);
	assert_string_equal(a.summary, "Went well");
}

static void principles_against_instrument(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = start(f, org);
	char *before = snapshot(f);
	principle_change c = {.level = "outstanding"};
	assert_int_equal(audit_principle_set(&f->d, id, "1", &c, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "use room-for-improvement, good or excellent"));
	c.level = "good";
	assert_int_equal(audit_principle_set(&f->d, id, "7", &c, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_non_null(strstr(f->e.msg, "use 1, 2, 3, 4, 5 or 6"));
	const char *bad_scores[] = {"4", "0", "two", "2.5", "-1", "2x"};
	for (size_t i = 0; i < sizeof bad_scores / sizeof *bad_scores; i++) {
		c.score = bad_scores[i];
		assert_int_equal(audit_principle_set(&f->d, id, "1", &c, &f->e), -1);
		assert_non_null(strstr(f->e.msg, "whole number from 1 to 3"));
	}
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);

	c = (principle_change){.level = "excellent", .score = "3", .notes = "Parents co-chair"};
	assert_int_equal(audit_principle_set(&f->d, id, "1", &c, &f->e), 0);
	/* NULL leaves a value, "" clears it. */
	c = (principle_change){.score = ""};
	assert_int_equal(audit_principle_set(&f->d, id, "1", &c, &f->e), 0);
	audit_principle_row row;
	assert_int_equal(store_audit_principle_get(&f->db, &f->mem, id, "1", &row, &f->e), 1);
	assert_string_equal(row.level, "excellent");
	assert_int_equal(row.score, AUDIT_NO_SCORE);
	assert_string_equal(row.notes, "Parents co-chair");
	c = (principle_change){.level = ""};
	assert_int_equal(audit_principle_set(&f->d, id, "1", &c, &f->e), 0);
	assert_int_equal(store_audit_principle_get(&f->db, &f->mem, id, "1", &row, &f->e), 1);
	assert_null(row.level);

	/* The area's scale decides what a score may be. */
	audit_settings s = {.score_min = 0, .score_max = 10, .rule = "lowest-level"};
	assert_int_equal(audit_settings_set(&f->d, area_of(f, "Test Area"), &s, &f->e), 0);
	c = (principle_change){.score = "0"};
	assert_int_equal(audit_principle_set(&f->d, id, "2", &c, &f->e), 0);
	c.score = "10";
	assert_int_equal(audit_principle_set(&f->d, id, "2", &c, &f->e), 0);
	c.score = "11";
	assert_int_equal(audit_principle_set(&f->d, id, "2", &c, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "from 0 to 10"));

	/* Levels come from the instrument the audit stored, not the installed
	 * file: rename a level key in the stored text. */
	audit_row a;
	assert_int_equal(audit_get(&f->d, id, &a, &f->e), 0);
	assert_int_equal(sql_change(&f->db,
		"UPDATE framework_version SET body = replace(body, '\"key\":\"good\",\"title\":\"Good\"',"
		" '\"key\":\"solid\",\"title\":\"Good\"') WHERE hash = ?", SQL_ARGS(sql_text(a.framework_hash)),
		&f->e), 1);
	/* copro never rewrites a stored version (its hash names its text), so
	 * parsed versions are cached per process; this test does rewrite one,
	 * so it empties that cache. */
	framework_version_cache_clear();
	c = (principle_change){.level = "good"};
	assert_int_equal(audit_principle_set(&f->d, id, "3", &c, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "room-for-improvement, solid or excellent"));
	c.level = "solid";
	assert_int_equal(audit_principle_set(&f->d, id, "3", &c, &f->e), 0);
}

static void people(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = start(f, org);
	char *before = snapshot(f);
	assert_int_equal(audit_person_add(&f->d, id, "", "SENCO", &f->e), -1);
	assert_non_null(strstr(f->e.msg, "name of the person"));
	assert_int_equal(audit_person_add(&f->d, id, "   ", NULL, &f->e), -1);
	assert_int_equal(audit_person_add(&f->d, id, "Sam\nPatel", NULL, &f->e), -1);
	const audit_person_row rows[] = {{.name = "Sam", .designation = "SENCO"},
					 {.name = "", .designation = "Parent carer"}};
	assert_int_equal(audit_people_set(&f->d, id, rows, 2, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "Person 2 has a designation but no name"));
	assert_int_equal(audit_person_remove(&f->d, id, 1, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);

	assert_int_equal(audit_person_add(&f->d, id, "Ann", NULL, &f->e), 0);
	const audit_person_row form[] = {{.name = "Sam", .designation = "SENCO"},
					 {.name = "", .designation = ""},
					 {.name = "Jo", .designation = NULL}};
	assert_int_equal(audit_people_set(&f->d, id, form, 3, &f->e), 0);
	audit_person_list list;
	assert_int_equal(store_audit_person_list(&f->db, &f->mem, id, &list, &f->e), 0);
	assert_int_equal(list.n, 2);
	assert_string_equal(list.items[0].name, "Sam");
	assert_string_equal(list.items[1].name, "Jo");
	assert_int_equal(audit_person_remove(&f->d, id, 1, &f->e), 0);
	assert_int_equal(store_audit_person_list(&f->db, &f->mem, id, &list, &f->e), 0);
	assert_int_equal(list.n, 1);
}

static int64_t add_evidence(fixture *f, int64_t org, const char *title)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = "2026-01-10",
			   .groups = GROUP_CYP};
	int64_t id;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	return id;
}

static void evidence_links(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t other = fixture_org(f, "Other");
	int64_t id = start(f, org);
	int64_t mine = add_evidence(f, org, "Survey"), mine2 = add_evidence(f, org, "Forum");
	int64_t theirs = add_evidence(f, other, "Their survey");
	char *before = snapshot(f);
	bool changed;
	assert_int_equal(audit_evidence_link(&f->d, id, "2", theirs, false, &changed, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "another organisation"));
	assert_int_equal(audit_evidence_link(&f->d, id, "2", theirs + 50, false, &changed, &f->e),
			 -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(audit_evidence_link(&f->d, id, "9", mine, false, &changed, &f->e), -1);
	const int64_t mixed[] = {mine, theirs};
	assert_int_equal(audit_evidence_set(&f->d, id, "2", mixed, 2, &f->e), -1);
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);

	assert_int_equal(audit_evidence_link(&f->d, id, "2", mine, false, &changed, &f->e), 0);
	assert_true(changed);
	assert_int_equal(audit_evidence_link(&f->d, id, "2", mine, false, &changed, &f->e), 0);
	assert_false(changed);
	assert_int_equal(audit_evidence_link(&f->d, id, "3", mine, false, &changed, &f->e), 0);
	const int64_t just2[] = {mine2};
	assert_int_equal(audit_evidence_set(&f->d, id, "2", just2, 1, &f->e), 0);
	audit_evidence_list links;
	assert_int_equal(store_audit_evidence_list(&f->db, &f->mem, id, &links, &f->e), 0);
	assert_int_equal(links.n, 2);
	assert_string_equal(links.items[0].principle_key, "2");
	assert_int_equal(links.items[0].evidence_id, mine2);
	assert_string_equal(links.items[1].principle_key, "3");   /* other principles kept */
	assert_int_equal(audit_evidence_link(&f->d, id, "3", mine, true, &changed, &f->e), 0);
	assert_true(changed);
	assert_int_equal(audit_evidence_link(&f->d, id, "3", mine, true, &changed, &f->e), 0);
	assert_false(changed);
}

/* ---- the outcome and its reason ------------------------------------------- */

static void outcome_override_needs_reason(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = start(f, org);
	/* With no suggestion yet, any outcome may be saved. */
	audit_fields f1 = {.outcome = "outstanding"};
	assert_int_equal(audit_set(&f->d, id, &f1, &f->e), 0);
	for (int p = 1; p <= 6; p++) {
		char key[12];
		snprintf(key, sizeof key, "%d", p);
		set_level(f, id, key, p == 4 ? "room-for-improvement" : "good");
	}
	assert_int_equal(audit_person_add(&f->d, id, "Sam", NULL, &f->e), 0);
	/* ... but it cannot be submitted while it differs without a reason. */
	char *before = snapshot(f);
	assert_int_equal(audit_submit(&f->d, id, &lead, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "differs from the suggested Requires Improvement"));
	audit_fields f2 = {.outcome = "good"};
	assert_int_equal(audit_set(&f->d, id, &f2, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_non_null(strstr(f->e.msg, "suggested outcome Requires Improvement"));
	assert_non_null(strstr(f->e.msg, "local rule: lowest level"));
	f2.outcome_reason = "  ";
	assert_int_equal(audit_set(&f->d, id, &f2, &f->e), -1);
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* The suggestion itself needs no reason. */
	audit_fields f3 = {.outcome = "requires-improvement"};
	assert_int_equal(audit_set(&f->d, id, &f3, &f->e), 0);
	f2.outcome_reason = "A new parent forum since";
	assert_int_equal(audit_set(&f->d, id, &f2, &f->e), 0);
	audit_view v;
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_string_equal(v.suggested, "requires-improvement");
	assert_true(v.overridden);
	assert_null(v.missing);
	assert_string_equal(v.audit.outcome_reason, "A new parent forum since");
	assert_int_equal(v.n_outcomes, 3);
	assert_string_equal(v.outcomes[2].title, "Outstanding");
	assert_string_equal(v.principles[3].level->title, "Room for Improvement");
	assert_non_null(v.principles[3].level->text);
	assert_true(v.principles[0].n_commitments >= 1);
	/* Under the other rule the suggestion is Good, and the reason stays. */
	audit_settings s = {.score_min = 1, .score_max = 3, .rule = "most-common-level"};
	assert_int_equal(audit_settings_set(&f->d, area_of(f, "Test Area"), &s, &f->e), 0);
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_string_equal(v.suggested, "good");
	assert_false(v.overridden);
	assert_int_equal(audit_submit(&f->d, id, &lead, &f->e), 0);
}

/* ---- the workflow ------------------------------------------------------------ */

/* Tries one step and checks it was refused as a conflict naming `status`,
 * with nothing changed. */
#define REFUSED(call, status)                                                   \
	do {                                                                    \
		char want_[40];                                                 \
		snprintf(want_, sizeof want_, "is %s", (status));               \
		char *b_ = snapshot(f);                                         \
		assert_int_equal((call), -1);                                   \
		assert_int_equal(f->e.kind, ERR_CONFLICT);                      \
		assert_non_null(strstr(f->e.msg, want_));                       \
		char *a_ = snapshot(f);                                         \
		assert_string_equal(b_, a_);                                    \
		free(b_);                                                       \
		free(a_);                                                       \
	} while (0)

static void illegal_everywhere(fixture *f, int64_t id, const char *status, bool submit_ok,
			       bool decide_ok, bool revise_ok)
{
	audit_row a;
	assert_int_equal(audit_get(&f->d, id, &a, &f->e), 0);
	int64_t new_id, ev = add_evidence(f, a.organisation_id, "Evidence");
	audit_fields change = {.summary = "changed"};
	principle_change pc = {.notes = "changed"};
	bool changed;
	if (!submit_ok)
		REFUSED(audit_submit(&f->d, id, &lead, &f->e), status);
	if (!decide_ok) {
		REFUSED(audit_return(&f->d, id, &area_admin, "why", &f->e), status);
		REFUSED(audit_accept(&f->d, id, &area_admin, NULL, &f->e), status);
	}
	if (!revise_ok)
		REFUSED(audit_revise(&f->d, id, &lead, &new_id, &f->e), status);
	if (strcmp(status, "draft") != 0) {
		REFUSED(audit_set(&f->d, id, &change, &f->e), status);
		REFUSED(audit_principle_set(&f->d, id, "1", &pc, &f->e), status);
		REFUSED(audit_person_add(&f->d, id, "New", NULL, &f->e), status);
		REFUSED(audit_evidence_link(&f->d, id, "1", ev, false, &changed, &f->e), status);
		REFUSED(audit_set_project(&f->d, id, 0, &f->e), status);
		const audit_person_row none[1] = {{0}};
		REFUSED(audit_people_set(&f->d, id, none, 0, &f->e), status);
		REFUSED(audit_evidence_set(&f->d, id, "1", NULL, 0, &f->e), status);
	}
	assert_string_equal(status_of(f, id), status);
}

static void workflow(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = ready(f, org);

	/* draft: only submit; roles are checked. */
	illegal_everywhere(f, id, "draft", true, false, false);
	char *before = snapshot(f);
	assert_int_equal(audit_submit(&f->d, id, &contributor, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "only an organisation lead"));
	assert_int_equal(audit_submit(&f->d, id, NULL, &f->e), -1);
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
	assert_int_equal(audit_submit(&f->d, id, &lead, &f->e), 0);
	assert_string_equal(status_of(f, id), "submitted");

	/* submitted: only return or accept, by the area. */
	illegal_everywhere(f, id, "submitted", false, true, false);
	REFUSED(audit_revise(&f->d, id, &lead, &(int64_t){0}, &f->e), "submitted");
	before = snapshot(f);
	assert_int_equal(audit_return(&f->d, id, &lead, "why", &f->e), -1);
	assert_non_null(strstr(f->e.msg, "only the area's administrators"));
	assert_int_equal(audit_accept(&f->d, id, &lead, NULL, &f->e), -1);
	assert_int_equal(audit_return(&f->d, id, &area_admin, NULL, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_non_null(strstr(f->e.msg, "comment is required"));
	assert_int_equal(audit_return(&f->d, id, &area_admin, " \n ", &f->e), -1);
	assert_non_null(strstr(f->e.msg, "comment is required"));
	/* Comments on principles: blank ones are none; an unknown principle is
	 * refused, and the comment on the whole written with it is not kept. */
	const audit_principle_comment blank[] = {{"2", "  "}};
	assert_int_equal(audit_return_with(&f->d, id, &area_admin, "", blank, 1, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "comment is required"));
	const audit_principle_comment unknown[] = {{"2", "Fine"}, {"9", "Who?"}};
	assert_int_equal(audit_return_with(&f->d, id, &area_admin, "Whole", unknown, 2, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "has no principle \"9\""));
	after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
	const audit_principle_comment on_two[] = {{"2", "Which evidence shows this?"}, {"3", ""}};
	assert_int_equal(audit_return_with(&f->d, id, &area_admin, "Link evidence for 2", on_two, 2, &f->e), 0);

	/* returned: only revise, by a lead; the returned version stays. */
	illegal_everywhere(f, id, "returned", false, false, true);
	before = snapshot(f);
	assert_int_equal(audit_revise(&f->d, id, &contributor, &(int64_t){0}, &f->e), -1);
	after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
	audit_view v;
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_string_equal(v.return_comment, "Link evidence for 2");
	assert_string_equal(v.principles[1].area_comment, "Which evidence shows this?");
	assert_int_equal(v.principles[1].area_comment_version, 1);
	assert_null(v.principles[2].area_comment);
	assert_true(v.latest);
	assert_true(audit_step_allowed(&v.audit, v.latest, AUDIT_REVISE, ACCESS_LEAD));
	assert_false(audit_step_allowed(&v.audit, v.latest, AUDIT_REVISE, ACCESS_CONTRIBUTE));
	assert_false(audit_step_allowed(&v.audit, v.latest, AUDIT_ACCEPT, ACCESS_AREA));

	int64_t ev = add_evidence(f, org, "Survey");
	assert_int_equal(store_begin(&f->db, &f->e), 0);   /* link straight in: it is returned */
	audit_evidence_row l = {.audit_id = id, .principle_key = "2", .evidence_id = ev,
				.created_at = "2026-03-01T00:00:00Z"};
	assert_int_equal(store_audit_evidence_add(&f->db, &l, &f->e), 1);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	char *old_rows = audit_rows(f, id);
	int64_t v2;
	assert_int_equal(audit_revise(&f->d, id, &lead, &v2, &f->e), 0);
	char *old_after = audit_rows(f, id);
	assert_string_equal(old_rows, old_after);           /* byte for byte */
	free(old_rows);
	free(old_after);
	REFUSED(audit_revise(&f->d, id, &lead, &(int64_t){0}, &f->e), "returned");
	assert_non_null(strstr(f->e.msg, "newer version"));

	audit_row a1, a2;
	assert_int_equal(audit_get(&f->d, id, &a1, &f->e), 0);
	assert_int_equal(audit_get(&f->d, v2, &a2, &f->e), 0);
	assert_int_equal(a2.first_id, id);
	assert_int_equal(a2.version, 2);
	assert_string_equal(a2.status, "draft");
	assert_null(a2.submitted_at);
	assert_null(a2.decided_at);
	assert_string_equal(a2.outcome, a1.outcome);
	assert_string_equal(a2.next_steps, a1.next_steps);
	assert_string_equal(a2.audit_date, a1.audit_date);
	assert_string_equal(a2.framework_hash, a1.framework_hash);
	assert_int_equal(audit_view_load(&f->d, v2, &v, &f->e), 0);
	assert_int_equal(v.n_people, 1);
	assert_string_equal(v.principles[5].row.level, "good");
	assert_int_equal(v.principles[1].n_evidence, 1);
	assert_int_equal(v.principles[1].evidence[0].evidence_id, ev);
	assert_int_equal(v.n_versions, 2);
	assert_int_equal(v.n_events, 1);                    /* its own history starts */
	assert_null(v.return_comment);
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_false(v.latest);
	assert_false(audit_step_allowed(&v.audit, v.latest, AUDIT_REVISE, ACCESS_LEAD));
	assert_int_equal(v.n_events, 3);                    /* draft, submitted, returned */

	/* The new version is editable; then submitted and accepted. */
	audit_fields s = {.summary = "Evidence added"};
	assert_int_equal(audit_set(&f->d, v2, &s, &f->e), 0);
	assert_int_equal(audit_submit(&f->d, v2, &lead, &f->e), 0);
	assert_int_equal(audit_accept(&f->d, v2, &area_admin, NULL, &f->e), 0);
	illegal_everywhere(f, v2, "accepted", false, false, false);
	assert_int_equal(audit_get(&f->d, v2, &a2, &f->e), 0);
	assert_non_null(a2.decided_at);
	assert_non_null(a2.submitted_at);
	audit_event_list events;
	assert_int_equal(store_audit_event_list(&f->db, &f->mem, v2, &events, &f->e), 0);
	assert_int_equal(events.n, 3);
	assert_string_equal(events.items[2].status, "accepted");
	assert_string_equal(events.items[2].user_name, "Area");
	assert_string_equal(events.items[2].comment, "");

	/* Accepting keeps an optional comment. */
	int64_t other = ready(f, org);
	assert_int_equal(audit_submit(&f->d, other, &lead, &f->e), 0);
	assert_int_equal(audit_accept(&f->d, other, &area_admin, "Well evidenced", &f->e), 0);
	assert_int_equal(store_audit_event_list(&f->db, &f->mem, other, &events, &f->e), 0);
	assert_string_equal(events.items[events.n - 1].comment, "Well evidenced");
}

static void submit_says_what_is_missing(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = 0;
	assert_int_equal(audit_start(&f->d, org, 0, NULL, &lead, &id, &f->e), 0);
	set_level(f, id, "1", "good");
	set_level(f, id, "4", "excellent");
	const char *missing;
	assert_int_equal(audit_missing(&f->d, id, &missing, &f->e), 0);
	assert_string_equal(missing, "principles 2, 3, 5, 6 have no level; there is no date of "
				     "audit; no one completing it is named; no outcome is chosen");
	char *before = snapshot(f);
	assert_int_equal(audit_submit(&f->d, id, &lead, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_non_null(strstr(f->e.msg, missing));
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
	for (const char *const *p = (const char *const[]){"2", "3", "5", NULL}; *p; p++)
		set_level(f, id, *p, "good");
	audit_fields h = {.audit_date = "2026-03-01", .outcome = "good"};
	assert_int_equal(audit_set(&f->d, id, &h, &f->e), 0);
	assert_int_equal(audit_person_add(&f->d, id, "Sam", NULL, &f->e), 0);
	assert_int_equal(audit_missing(&f->d, id, &missing, &f->e), 0);
	assert_string_equal(missing, "principle 6 has no level");
	set_level(f, id, "6", "good");
	assert_int_equal(audit_missing(&f->d, id, &missing, &f->e), 0);
	assert_null(missing);
	/* Clearing a date or the outcome brings it back. */
	audit_fields clear = {.audit_date = ""};
	assert_int_equal(audit_set(&f->d, id, &clear, &f->e), 0);
	assert_int_equal(audit_missing(&f->d, id, &missing, &f->e), 0);
	assert_string_equal(missing, "there is no date of audit");
}

static void step_allowed_matrix(void **state)
{
	(void)state;
	audit_row a = {.status = "draft"};
	assert_true(audit_step_allowed(&a, true, AUDIT_SUBMIT, ACCESS_LEAD));
	assert_true(audit_step_allowed(&a, true, AUDIT_SUBMIT, ACCESS_AREA));
	assert_false(audit_step_allowed(&a, true, AUDIT_SUBMIT, ACCESS_CONTRIBUTE));
	assert_false(audit_step_allowed(&a, true, AUDIT_ACCEPT, ACCESS_AREA));
	a.status = "submitted";
	assert_true(audit_step_allowed(&a, true, AUDIT_RETURN, ACCESS_AREA));
	assert_true(audit_step_allowed(&a, true, AUDIT_ACCEPT, ACCESS_AREA));
	assert_false(audit_step_allowed(&a, true, AUDIT_ACCEPT, ACCESS_LEAD));
	assert_false(audit_step_allowed(&a, true, AUDIT_SUBMIT, ACCESS_AREA));
	a.status = "returned";
	assert_true(audit_step_allowed(&a, true, AUDIT_REVISE, ACCESS_LEAD));
	assert_false(audit_step_allowed(&a, false, AUDIT_REVISE, ACCESS_LEAD));
	a.status = "accepted";
	for (int s = AUDIT_SUBMIT; s <= AUDIT_REVISE; s++)
		assert_false(audit_step_allowed(&a, true, (enum audit_step)s, ACCESS_AREA));
	audit_row d = {.id = 4, .version = 1, .status = "accepted"};
	err e = {0};
	assert_int_equal(audit_writable(&d, &e), -1);
	assert_non_null(strstr(e.msg, "is accepted"));
	d.status = "draft";
	assert_int_equal(audit_writable(&d, &e), 0);
}

/* ---- actions ------------------------------------------------------------------- */

static void actions_from_next_steps(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = start(f, org);
	size_t n;
	char *before = snapshot(f);
	assert_int_equal(audit_actions_create(&f->d, id, NULL, &n, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "no next steps"));
	char long_line[300];
	memset(long_line, 'a', sizeof long_line - 1);
	long_line[sizeof long_line - 1] = 0;
	char *steps = arena_printf(&f->mem, "First step\n%s\n", long_line);
	audit_fields ns = {.next_steps = steps};
	assert_int_equal(audit_set(&f->d, id, &ns, &f->e), 0);
	free(before);
	before = snapshot(f);
	assert_int_equal(audit_actions_create(&f->d, id, NULL, &n, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "Line 2 of the next steps is longer than 200"));
	assert_int_equal(audit_actions_create(&f->d, id, "", &n, &f->e), -1);
	char *after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);

	ns.next_steps = "- Recruit through the parent carer forum\r\n"
			"\n"
			"  * Feed back to families within a month  \n"
			"\xe2\x80\xa2 Review in September\n"
			"- Recruit through the parent carer forum\n";
	assert_int_equal(audit_set(&f->d, id, &ns, &f->e), 0);
	assert_int_equal(audit_actions_create(&f->d, id, NULL, &n, &f->e), 0);
	assert_int_equal(n, 3);
	action_list list;
	assert_int_equal(store_action_list_audit(&f->db, &f->mem, id, &list, &f->e), 0);
	assert_int_equal(list.n, 3);
	assert_string_equal(list.items[0].title, "Recruit through the parent carer forum");
	assert_string_equal(list.items[1].title, "Feed back to families within a month");
	assert_string_equal(list.items[2].title, "Review in September");
	assert_int_equal(list.items[0].source_audit_id, id);
	assert_int_equal(list.items[0].organisation_id, org);
	assert_string_equal(list.items[0].status, "open");
	before = snapshot(f);
	assert_int_equal(audit_actions_create(&f->d, id, NULL, &n, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_non_null(strstr(f->e.msg, "already has an action"));
	after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
	ns.next_steps = "Review in September\nTrain the reception team";
	assert_int_equal(audit_set(&f->d, id, &ns, &f->e), 0);
	assert_int_equal(audit_actions_create(&f->d, id, NULL, &n, &f->e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(audit_actions_create(&f->d, id, "A title of its own", &n, &f->e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_action_list_audit(&f->db, &f->mem, id, &list, &f->e), 0);
	assert_int_equal(list.n, 5);
	assert_int_equal(audit_actions_create(&f->d, id + 9, NULL, &n, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	audit_view v;
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_int_equal(v.n_actions, 5);
}

static void lists_and_queue(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = ready(f, org);
	int64_t draft = start(f, org);
	int64_t area = area_of(f, "Test Area");
	audit_list list;
	assert_int_equal(audit_list_org(&f->d, org, &list, &f->e), 0);
	assert_int_equal(list.n, 2);
	assert_int_equal(list.items[0].id, draft);
	assert_int_equal(audit_queue(&f->d, area, &list, &f->e), 0);
	assert_int_equal(list.n, 0);
	assert_int_equal(audit_submit(&f->d, id, &lead, &f->e), 0);
	assert_int_equal(audit_queue(&f->d, area, &list, &f->e), 0);
	assert_int_equal(list.n, 1);
	assert_string_equal(list.items[0].organisation_name, "School");
	assert_int_equal(audit_accept(&f->d, id, &area_admin, NULL, &f->e), 0);
	assert_int_equal(audit_queue(&f->d, area, &list, &f->e), 0);
	assert_int_equal(list.n, 0);
	assert_int_equal(audit_decided(&f->d, area, 0, &list, &f->e), 0);
	assert_int_equal(list.n, 1);
	assert_int_equal(list.items[0].id, id);
	assert_int_equal(audit_get(&f->d, id + 50, &list.items[0], &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(settings), cmocka_unit_test(lowest_level_rule),
		cmocka_unit_test(most_common_level_rule), T(start_keeps_instrument),
		T(project_link), T(project_and_fields_together), T(principles_against_instrument),
		T(people), T(evidence_links),
		T(outcome_override_needs_reason), T(workflow), T(submit_says_what_is_missing),
		cmocka_unit_test(step_allowed_matrix), T(actions_from_next_steps),
		T(lists_and_queue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
