/* test_export.c: export, import, export gives the same bytes, with
 * evaluations, evidence, projects, audits (and their versions) and actions;
 * a copro-export-1 file still imports; a damaged, foreign or duplicate file
 * changes nothing. */
#include "testutil.h"

#include "domain/audit.h"
#include "domain/export.h"
#include "domain/project.h"

/* A second, empty database beside the fixture's. */
typedef struct other_db {
	store db;
	domain d;
} other_db;

static void open_other(fixture *f, other_db *o, const char *name)
{
	char path[200];
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	assert_int_equal(store_open(&o->db, path, STORE_CREATE, &f->e), 0);
	o->d = (domain){.db = &o->db, .frameworks = &f->frameworks, .mem = &f->mem};
}

static char *export_demo(fixture *f, int64_t *org)
{
	assert_int_equal(demo_load(&f->d, org, &f->e), 0);
	char *json = NULL;
	assert_int_equal(org_export(&f->d, *org, &json, &f->e), 0);
	return json;
}

static void round_trip_is_byte_identical(void **state)
{
	fixture *f = *state;
	int64_t org, imported;
	char *first = export_demo(f, &org);
	other_db o;
	open_other(f, &o, "second.db");
	assert_int_equal(org_import(&o.d, first, strlen(first), &imported, &f->e), 0);
	char *second = NULL;
	assert_int_equal(org_export(&o.d, imported, &second, &f->e), 0);
	assert_string_equal(first, second);

	/* What came across is the real content, not just matching bytes. */
	evaluation_list evs;
	assert_int_equal(store_evaluation_list(&o.db, &f->mem, imported, &evs, &f->e), 0);
	assert_int_equal(evs.n, 1);
	evaluation_progress p;
	assert_int_equal(evaluation_progress_load(&o.d, evs.items[0].id, &p, &f->e), 0);
	assert_int_equal(p.indicators, 131);        /* 130 + the demo's own indicator */
	assert_true(p.indicators_evidenced > 10);
	evaluation_progress_free(&p);
	free(first);
	free(second);
	store_close(&o.db);
}

static void refuse_import(fixture *f, const char *text, const char *fragment)
{
	other_db o;
	open_other(f, &o, "target.db");
	int64_t before = test_count_rows(&o.db), org;
	err e = {0};
	assert_int_equal(org_import(&o.d, text, strlen(text), &org, &e), -1);
	if (!strstr(e.msg, fragment))
		fail_msg("message \"%s\" lacks \"%s\"", e.msg, fragment);
	assert_int_equal(test_count_rows(&o.db), before);
	store_close(&o.db);
}

static void damaged_files_refused(void **state)
{
	fixture *f = *state;
	int64_t org;
	char *json = export_demo(f, &org);

	char *truncated = strdup(json);
	truncated[strlen(truncated) / 2] = '\0';
	refuse_import(f, truncated, "not valid JSON");
	free(truncated);

	char *edited = strdup(json);
	char *at = strstr(edited, "Riverside");
	assert_non_null(at);
	at[0] = 'L';
	refuse_import(f, edited, "checksum does not match");
	free(edited);

	refuse_import(f, "{\"format\": \"something-else\"}", "not a copro export");
	refuse_import(f, "[1, 2, 3]", "not a copro export");
	refuse_import(f, "", "not valid JSON");
	refuse_import(f, "{\"format\": \"copro-export-2\", \"format\": \"x\"}", "not valid JSON");
	refuse_import(f, "{\"format\": \"copro-export-3\"}", "it should say \"format\": \"copro-export-2\"");
	free(json);
}

/* Rebuilds the checksum after an edit, as a forger would, to prove the
 * record checks stand on their own. */
static char *reseal(json_t *doc)
{
	json_object_del(doc, "checksum");
	char *canon = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
	unsigned char digest[32];
	crypto_hash_sha256(digest, (const unsigned char *)canon, strlen(canon));
	free(canon);
	char hex[65], sum[80];
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	snprintf(sum, sizeof sum, "sha256:%s", hex);
	json_object_set_new(doc, "checksum", json_string(sum));
	return json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
}

static void resealed_bad_records_refused(void **state)
{
	fixture *f = *state;
	int64_t org;
	char *json = export_demo(f, &org);
	struct {
		const char *what, *fragment;
	} cases[] = {
		{"unknown field", "unknown fields: colour"},
		{"bad date", "2026-02-30"},
		{"unknown indicator", "does not exist"},
		{"bad evaluation ref", "does not hold"},
		{"bad sector", "sector"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		json_t *doc = json_loads(json, 0, NULL);
		json_t *ev0 = json_array_get(json_object_get(doc, "evidence"), 0);
		json_t *link0 = json_array_get(json_object_get(ev0, "links"), 0);
		switch (i) {
		case 0: json_object_set_new(ev0, "colour", json_string("blue")); break;
		case 1: json_object_set_new(ev0, "date", json_string("2026-02-30")); break;
		case 2: json_object_set_new(link0, "indicator", json_string("zz")); break;
		case 3: json_object_set_new(link0, "evaluation", json_integer(7)); break;
		case 4: json_object_set_new(json_object_get(doc, "organisation"), "sector",
					    json_string("retail")); break;
		}
		char *text = reseal(doc);
		json_decref(doc);
		refuse_import(f, text, cases[i].fragment);
		free(text);
	}
	free(json);
}


/* ---- projects and audits ------------------------------------------------ */

static void set_now(const char *now)
{
	assert_int_equal(setenv("COPRO_NOW", now, 1), 0);
}

static int64_t add_evidence(fixture *f, domain *d, int64_t org, const char *title,
			    const char *date)
{
	evidence_row ev = {.organisation_id = org, .title = title, .description = "",
			   .date = date, .groups = GROUP_CYP};
	int64_t id;
	assert_int_equal(evidence_add(d, &ev, &id, &f->e), 0);
	return id;
}

/* The demo and more York work: its audit returned, revised and submitted
 * again, with actions from the new version; a second project starting the
 * same day, with two evidence items of one date on one step, linked in the
 * opposite order; a draft audit with no project. The clock moves on
 * between steps so every time differs. */
static int64_t york_history(fixture *f, int64_t *second_version)
{
	int64_t org, a2, a3, p2;
	set_now("2026-11-23T09:00:00Z");
	assert_int_equal(demo_load(&f->d, &org, &f->e), 0);
	project_list projects;
	audit_list audits;
	assert_int_equal(store_project_list(&f->db, &f->mem, org, &projects, &f->e), 0);
	assert_int_equal(store_audit_list_org(&f->db, &f->mem, org, &audits, &f->e), 0);
	assert_int_equal(projects.n, 1);
	assert_int_equal(audits.n, 1);
	assert_string_equal(audits.items[0].status, "submitted");
	int64_t a1 = audits.items[0].id;
	audit_actor area = {.name = "Area officer", .access = ACCESS_AREA};
	audit_actor lead = {.name = "Jo Mensah", .access = ACCESS_LEAD};

	set_now("2026-11-24T10:00:00Z");
	assert_int_equal(audit_return(&f->d, a1, &area, "Please say what pupils said about principle 4.",
				      &f->e), 0);
	set_now("2026-11-25T11:00:00Z");
	assert_int_equal(audit_revise(&f->d, a1, &lead, &a2, &f->e), 0);
	principle_change c = {.level = AUDIT_LEVEL_HIGH, .notes = "Pupils from the resource base joined."};
	assert_int_equal(audit_principle_set(&f->d, a2, "4", &c, &f->e), 0);
	int64_t late = add_evidence(f, &f->d, org, "Second session notes", "2026-11-20");
	assert_int_equal(audit_evidence_link(&f->d, a2, "4", late, false, NULL, &f->e), 0);
	set_now("2026-11-26T12:00:00Z");
	assert_int_equal(audit_submit(&f->d, a2, &lead, &f->e), 0);
	size_t created;
	assert_int_equal(audit_actions_create(&f->d, a2, NULL, &created, &f->e), 0);
	assert_int_equal(created, 2);

	set_now("2026-11-27T13:00:00Z");
	project_row p = {.organisation_id = org, .framework_id = "individual",
			 .title = "Annual review with a Year 4 pupil and their family",
			 .starts_on = projects.items[0].starts_on};
	assert_int_equal(project_add(&f->d, &p, NULL, &p2, &f->e), 0);
	int64_t ev_a = add_evidence(f, &f->d, org, "One-page profile", "2026-11-02");
	int64_t ev_b = add_evidence(f, &f->d, org, "Photographs the pupil chose", "2026-11-02");
	bool changed;
	assert_int_equal(project_evidence_link(&f->d, p2, "1", ev_b, false, &changed, &f->e), 0);
	assert_int_equal(project_evidence_link(&f->d, p2, "1", ev_a, false, &changed, &f->e), 0);
	assert_int_equal(project_answer_set(&f->d, p2, "5", "b", "partly", "", &f->e), 0);
	audit_fields fields = {.service_area = "Short breaks"};
	assert_int_equal(audit_start(&f->d, org, 0, &fields, &lead, &a3, &f->e), 0);
	principle_change low = {.level = AUDIT_LEVEL_LOW, .score = "1"};
	assert_int_equal(audit_principle_set(&f->d, a3, "2", &low, &f->e), 0);
	if (second_version)
		*second_version = a2;
	return org;
}

/* Records in the other database first, so imported ids differ from the
 * original's and a ref taken for an id would show. */
static void fill_other(fixture *f, other_db *o)
{
	org_row other = {.name = "Someone Else", .sector = "care", .area = "Elsewhere"};
	int64_t org, id;
	assert_int_equal(org_add(&o->d, &other, &org, &f->e), 0);
	add_evidence(f, &o->d, org, "Their evidence", "2026-01-01");
	project_row p = {.organisation_id = org, .framework_id = "strategic", .title = "Theirs",
			 .starts_on = "2026-01-01"};
	assert_int_equal(project_add(&o->d, &p, NULL, &id, &f->e), 0);
	audit_actor lead = {.name = "Them", .access = ACCESS_LEAD};
	assert_int_equal(audit_start(&o->d, org, id, NULL, &lead, &id, &f->e), 0);
	assert_int_equal(audit_start(&o->d, org, 0, NULL, &lead, &id, &f->e), 0);
}

static const audit_row *find_audit(const audit_list *l, int version, const char *status)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].version == version && !strcmp(l->items[i].status, status))
			return &l->items[i];
	fail_msg("no version %d %s", version, status);
	return NULL;
}

static void york_round_trip_is_byte_identical(void **state)
{
	fixture *f = *state;
	int64_t org = york_history(f, NULL), imported;
	char *first = NULL, *second = NULL;
	assert_int_equal(org_export(&f->d, org, &first, &f->e), 0);
	other_db o;
	open_other(f, &o, "york.db");
	fill_other(f, &o);
	/* Import later: kept times, not the clock, must come back. */
	set_now("2031-01-01T00:00:00Z");
	assert_int_equal(org_import(&o.d, first, strlen(first), &imported, &f->e), 0);
	assert_int_equal(org_export(&o.d, imported, &second, &f->e), 0);
	assert_string_equal(first, second);
	assert_non_null(strstr(first, "\"format\": \"copro-export-2\""));

	/* The audit's versions, history and actions came across as such. */
	audit_list audits;
	assert_int_equal(store_audit_list_org(&o.db, &f->mem, imported, &audits, &f->e), 0);
	assert_int_equal(audits.n, 3);
	const audit_row *v1 = find_audit(&audits, 1, "returned");
	const audit_row *v2 = find_audit(&audits, 2, "submitted");
	const audit_row *draft = find_audit(&audits, 1, "draft");
	assert_int_equal(v2->first_id, v1->id);
	assert_int_equal(v1->first_id, v1->id);
	assert_int_equal(draft->first_id, draft->id);
	assert_int_equal(draft->project_id, 0);
	assert_string_equal(v1->decided_at, "2026-11-24T10:00:00Z");
	assert_string_equal(v2->submitted_at, "2026-11-26T12:00:00Z");
	audit_event_list events;
	assert_int_equal(store_audit_event_list(&o.db, &f->mem, v1->id, &events, &f->e), 0);
	assert_int_equal(events.n, 3);
	assert_string_equal(events.items[2].status, "returned");
	assert_string_equal(events.items[2].user_name, "Area officer");
	assert_string_equal(events.items[2].comment, "Please say what pupils said about principle 4.");
	assert_int_equal(events.items[2].user_id, 0);
	action_list from_audit;
	assert_int_equal(store_action_list_audit(&o.db, &f->mem, v2->id, &from_audit, &f->e), 0);
	assert_int_equal(from_audit.n, 2);
	audit_view v;
	assert_int_equal(audit_view_load(&o.d, v2->id, &v, &f->e), 0);
	assert_true(v.has_project);
	assert_string_equal(v.project.title, "A transition leaflet for Year 6 families, written with them");
	assert_int_equal(v.project.steps_done, 4);
	assert_int_equal(v.n_people, 4);
	assert_int_equal(v.n_versions, 2);
	assert_string_equal(v.principles[3].row.level, AUDIT_LEVEL_HIGH);
	assert_int_equal(v.principles[3].n_evidence, 1);
	assert_string_equal(v.audit.outcome, AUDIT_OUTCOME_MID);
	audit_view_free(&v);

	/* The area's administrators see the imported submission. */
	int64_t area;
	audit_list queue;
	assert_int_equal(store_audit_area_find(&o.db, "Demo Borough", &area, &f->e), 1);
	assert_int_equal(audit_queue(&o.d, area, &queue, &f->e), 0);
	assert_int_equal(queue.n, 1);
	assert_int_equal(queue.items[0].id, v2->id);

	project_summary_list projects;
	assert_int_equal(project_summaries(&o.d, imported, &projects, &f->e), 0);
	assert_int_equal(projects.n, 2);
	unsetenv("COPRO_NOW");
	free(first);
	free(second);
	store_close(&o.db);
}

/* A file from copro before projects and audits (made by `copro export`
 * then: the demo, one more evidence item and one more action). */
static char *read_v1_file(size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/../tests/data/export-v1.json", test_frameworks_dir());
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *text = calloc(1, 1 << 20);
	assert_non_null(text);
	*len = fread(text, 1, (1 << 20) - 1, fp);
	fclose(fp);
	return text;
}

static void v1_file_still_imports(void **state)
{
	fixture *f = *state;
	size_t len;
	char *v1 = read_v1_file(&len);
	assert_non_null(strstr(v1, "\"format\": \"copro-export-1\""));
	int64_t org;
	assert_int_equal(org_import(&f->d, v1, len, &org, &f->e), 0);
	evaluation_list evs;
	evidence_list evidence;
	action_list actions;
	assert_int_equal(store_evaluation_list(&f->db, &f->mem, org, &evs, &f->e), 0);
	assert_int_equal(store_evidence_list(&f->db, &f->mem, org, &evidence, &f->e), 0);
	assert_int_equal(store_action_list(&f->db, &f->mem, org, &actions, &f->e), 0);
	assert_int_equal(evs.n, 1);
	assert_int_equal(evidence.n, 9);
	assert_int_equal(actions.n, 4);

	/* Exported again it is format 2 with empty projects and audits, and
	 * otherwise the same: without them, it is the v1 file byte for byte. */
	char *again = NULL;
	assert_int_equal(org_export(&f->d, org, &again, &f->e), 0);
	json_t *doc = json_loads(again, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(doc, "format")), "copro-export-2");
	assert_int_equal(json_array_size(json_object_get(doc, "projects")), 0);
	assert_int_equal(json_array_size(json_object_get(doc, "audits")), 0);
	json_object_del(doc, "projects");
	json_object_del(doc, "audits");
	json_object_del(doc, "checksum");
	json_object_set_new(doc, "format", json_string("copro-export-1"));
	char sum[72];
	assert_int_equal(export_checksum(doc, sum), 0);
	json_object_set_new(doc, "checksum", json_string(sum));
	char *down = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
	while (len && v1[len - 1] == '\n')
		v1[--len] = '\0';
	assert_string_equal(down, v1);
	free(down);
	json_decref(doc);
	free(again);
	free(v1);
}

/* What a forger, or a bad tool, could do to the York parts of a file. */
static void break_york(json_t *doc, size_t i)
{
	json_t *projects = json_object_get(doc, "projects"), *audits = json_object_get(doc, "audits");
	json_t *p0 = json_array_get(projects, 0), *p1 = json_array_get(projects, 1);
	json_t *a0 = json_array_get(audits, 0), *a1 = json_array_get(audits, 1);
	json_t *step0 = json_array_get(json_object_get(p0, "steps"), 0);
	json_t *link0 = json_array_get(json_object_get(p1, "evidence"), 0);
	json_t *pr0 = json_array_get(json_object_get(a0, "principles"), 0);
	json_t *ev0 = json_array_get(json_object_get(a0, "events"), 0);
	json_t *actions = json_object_get(doc, "actions");
	json_t *last_action = json_array_get(actions, json_array_size(actions) - 1);
	switch (i) {
	case 0: json_object_set_new(link0, "evidence", json_integer(99)); break;
	case 1: json_object_set_new(a0, "project", json_integer(5)); break;
	case 2: json_object_set_new(a0, "first", json_integer(2)); break;
	case 3: json_object_set_new(json_object_get(last_action, "from"), "audit", json_integer(9)); break;
	case 4: json_object_set_new(step0, "step", json_string("99")); break;
	case 5: json_object_set_new(pr0, "level", json_string("superb")); break;
	case 6: json_object_set_new(a1, "outcome", json_string("brilliant")); break;
	case 7: json_object_set_new(a1, "status", json_string("lost")); break;
	case 8: json_object_set_new(p0, "colour", json_string("blue")); break;
	case 9: json_object_set_new(a0, "framework_hash", json_string("00")); break;
	case 10: json_object_set_new(doc, "format", json_string("copro-export-1")); break;
	case 11: json_array_append(json_object_get(p0, "steps"), step0); break;
	case 12: json_object_set_new(a1, "version", json_integer(1)); break;
	case 13: json_object_set_new(ev0, "status", json_string("lost")); break;
	case 14: json_object_set_new(pr0, "score", json_integer(101)); break;
	case 15: json_object_set_new(p1, "framework", json_string("four-cornerstones")); break;
	case 16: json_object_set_new(step0, "done_on", json_string("2026-02-30")); break;
	case 17: json_array_append_new(json_object_get(doc, "framework_versions"),
				       json_deep_copy(json_array_get(json_object_get(doc, "framework_versions"), 0)));
		break;
	case 18: json_object_set_new(p0, "ref", json_integer(2)); break;
	case 19: json_object_set_new(json_array_get(json_object_get(p0, "people"), 0), "partner_group",
				     json_string("cyp")); break;
	case 20: json_object_set_new(pr0, "score", json_integer(-1)); break;
	case 21: json_object_set_new(last_action, "from", json_object()); break;
	case 22: json_object_set_new(json_array_get(json_object_get(a1, "evidence"), 0), "evidence",
				     json_integer(0)); break;
	}
}

static void resealed_bad_york_records_refused(void **state)
{
	fixture *f = *state;
	int64_t org = york_history(f, NULL);
	unsetenv("COPRO_NOW");
	char *json = NULL;
	assert_int_equal(org_export(&f->d, org, &json, &f->e), 0);
	static const char *const fragments[] = {
		"projects[1].evidence[0] names an evidence item the file does not hold",
		"audits[0].project names a project the file does not hold",
		"audits[0].first names an audit the file does not hold before it",
		"from names an audit the file does not hold",
		"projects[0].steps[0] names step \"99\", which its model does not have",
		"audits[0].principles[0] names level \"superb\"",
		"audits[1].outcome \"brilliant\" is not one of its instrument's outcomes",
		"audits[1] has an unknown status",
		"projects[0] has unknown fields: colour",
		"audits[0] uses an instrument version the file does not hold",
		"the document has unknown fields",
		"projects[0].steps[5] is repeated or out of order",
		"audits[1] is a later version, so its version should be 2 or more",
		"audits[0].events[0] has an unknown status",
		"audits[0].principles[0].score must be a whole number from 0 to 100",
		"projects[1].framework \"four-cornerstones\" is not a model for a project",
		"projects[0].steps[0]: The date done",
		"framework_versions[4] repeats framework_versions[0]",
		"projects[0].ref should be 1",
		"projects[0].people[0].partner_group should be \"children-and-young-people\"",
		"audits[0].principles[0].score must be a whole number from 0 to 100",
		"from names neither an evaluation nor an audit",
		"audits[1].evidence[0] names an evidence item the file does not hold",
	};
	for (size_t i = 0; i < sizeof fragments / sizeof *fragments; i++) {
		json_t *doc = json_loads(json, 0, NULL);
		break_york(doc, i);
		char *text = reseal(doc);
		json_decref(doc);
		refuse_import(f, text, fragments[i]);
		free(text);
	}
	free(json);
}

/* A version no record uses would be dropped on the next export, so the
 * file would not come back the same: refused. */
static void unused_version_refused(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Quiet School");
	fixture_evaluation(f, org);
	char *json = NULL;
	assert_int_equal(org_export(&f->d, org, &json, &f->e), 0);
	json_t *doc = json_loads(json, 0, NULL);
	json_array_clear(json_object_get(doc, "evaluations"));
	char *text = reseal(doc);
	json_decref(doc);
	refuse_import(f, text, "framework_versions[0] (four-cornerstones) is used by no record");
	free(text);
	free(json);
}

static void existing_organisation_refused(void **state)
{
	fixture *f = *state;
	int64_t org, again;
	char *json = export_demo(f, &org);
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(org_import(&f->d, json, strlen(json), &again, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_non_null(strstr(f->e.msg, "already exists"));
	assert_int_equal(test_count_rows(&f->db), before);
	free(json);
}

static void empty_organisation(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Quiet School"), imported;
	char *json = NULL, *again = NULL;
	assert_int_equal(org_export(&f->d, org, &json, &f->e), 0);
	other_db o;
	open_other(f, &o, "quiet.db");
	assert_int_equal(org_import(&o.d, json, strlen(json), &imported, &f->e), 0);
	assert_int_equal(org_export(&o.d, imported, &again, &f->e), 0);
	assert_string_equal(json, again);
	free(json);
	free(again);
	assert_int_equal(org_export(&f->d, org + 99, &again, &f->e), -1);
	assert_null(again);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	store_close(&o.db);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(round_trip_is_byte_identical), T(damaged_files_refused),
		T(resealed_bad_records_refused), T(existing_organisation_refused),
		T(empty_organisation), T(york_round_trip_is_byte_identical),
		T(v1_file_still_imports), T(resealed_bad_york_records_refused),
		T(unused_version_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
