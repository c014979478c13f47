/* test_export.c: export, import, export gives the same bytes, with
 * evaluations, evidence, projects, audits (and their versions), measures,
 * plans, actions with their reviews, "You said, we did" and rounds of
 * views; copro-export-1, -2 and -3 files still import; a damaged, foreign
 * or duplicate file changes nothing. */
#include "testutil.h"

#include "domain/audit.h"
#include "domain/export.h"
#include "domain/measure.h"
#include "domain/plan.h"
#include "domain/project.h"
#include "domain/review.h"
#include "domain/views.h"
#include "store/audit.h"
#include "store/measure.h"
#include "store/plan.h"
#include "store/project.h"
#include "store/review.h"

/* A second, empty database beside the fixture's. */
typedef struct other_db {
	store db;
	domain d;
} other_db;

static void open_other(fixture *f, other_db *o, const char *name)
{
	char path[200];
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	test_new_database(path);
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
	refuse_import(f, "{\"format\": \"copro-export-7\"}", "it should say \"format\": \"copro-export-6\"");
	free(json);
}

/* Rebuilds the checksum after an edit, as a forger would, to prove the
 * record checks stand on their own. */
static char *reseal(json_t *doc)
{
	json_object_del(doc, "checksum");
	char *canon = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS | EXPORT_REAL_FLAGS);
	unsigned char digest[32];
	crypto_hash_sha256(digest, (const unsigned char *)canon, strlen(canon));
	free(canon);
	char hex[65], sum[80];
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	snprintf(sum, sizeof sum, "sha256:%s", hex);
	json_object_set_new(doc, "checksum", json_string(sum));
	return json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | EXPORT_REAL_FLAGS);
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
	const audit_principle_comment on_four[] = {{"4", "Which pupils, and how were they asked?"}};
	assert_int_equal(audit_return_with(&f->d, a1, &area, "Please say what pupils said about principle 4.",
					   on_four, 1, &f->e), 0);
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
	assert_non_null(strstr(first, "\"format\": \"copro-export-6\""));

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
	/* The area's comment on principle 4 came with the returned version. */
	audit_principle_row p4;
	assert_int_equal(store_audit_principle_get(&o.db, &f->mem, v1->id, "4", &p4, &f->e), 1);
	assert_string_equal(p4.area_comment, "Which pupils, and how were they asked?");
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

/* A file an older copro wrote: export-v1.json (before projects and
 * audits: the demo, one more evidence item and one more action) or
 * export-v2.json (before measures, plans, action reviews and "You said,
 * we did": the demo as it was then). */
static char *read_old_file(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/../tests/data/%s", test_frameworks_dir(), name);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *text = calloc(1, 1 << 20);
	assert_non_null(text);
	*len = fread(text, 1, (1 << 20) - 1, fp);
	fclose(fp);
	return text;
}

/* Deletes `key` from every object of list `list` of `doc`, and from its
 * `nested` lists' objects when `nested` is given. */
static void del_in(json_t *doc, const char *list, const char *nested, const char *key)
{
	size_t i, k;
	json_t *v, *w;
	json_array_foreach(json_object_get(doc, list), i, v) {
		if (!nested)
			json_object_del(v, key);
		else
			json_array_foreach(json_object_get(v, nested), k, w)
				json_object_del(w, key);
	}
}

/* An export of what format `format` imported, written back in that format:
 * it must be the old file byte for byte, so nothing was lost or changed. */
static void same_as_old(json_t *doc, int format, char *old, size_t len)
{
	assert_int_equal(json_array_size(json_object_get(doc, "view_rounds")), 0);
	assert_true(json_is_null(json_object_get(doc, "view_settings")));
	json_object_del(doc, "view_rounds");
	json_object_del(doc, "view_settings");
	json_t *gold = json_object_get(doc, "gold");
	assert_int_equal(json_array_size(json_object_get(gold, "comments")) +
			 json_array_size(json_object_get(gold, "decisions")), 0);
	json_object_del(doc, "gold");
	assert_int_equal(json_array_size(json_object_get(doc, "evidence_files")), 0);
	json_object_del(doc, "evidence_files");
	static const char *const since3[] = {"measures", "plans", "you_said"};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(json_array_size(json_object_get(doc, since3[i])), 0);
		json_object_del(doc, since3[i]);
	}
	del_in(doc, "evaluations", NULL, "previous");
	del_in(doc, "evidence", "links", "carried");
	del_in(doc, "evidence", "links", "confirmed_at");
	del_in(doc, "actions", NULL, "ref");
	del_in(doc, "actions", NULL, "reviews");
	if (format == 1) {
		assert_int_equal(json_array_size(json_object_get(doc, "projects")), 0);
		assert_int_equal(json_array_size(json_object_get(doc, "audits")), 0);
		json_object_del(doc, "projects");
		json_object_del(doc, "audits");
	}
	json_object_del(doc, "checksum");
	json_object_set_new(doc, "format", json_string(format == 1 ? "copro-export-1" : "copro-export-2"));
	char sum[72];
	assert_int_equal(export_checksum(doc, sum), 0);
	json_object_set_new(doc, "checksum", json_string(sum));
	char *down = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
	while (len && old[len - 1] == '\n')
		old[--len] = '\0';
	assert_string_equal(down, old);
	free(down);
}

static void v1_file_still_imports(void **state)
{
	fixture *f = *state;
	size_t len;
	char *v1 = read_old_file("export-v1.json", &len);
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

	char *again = NULL;
	assert_int_equal(org_export(&f->d, org, &again, &f->e), 0);
	json_t *doc = json_loads(again, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(doc, "format")), "copro-export-6");
	same_as_old(doc, 1, v1, len);
	json_decref(doc);
	free(again);
	free(v1);
}

static void v2_file_still_imports(void **state)
{
	fixture *f = *state;
	size_t len;
	char *v2 = read_old_file("export-v2.json", &len);
	assert_non_null(strstr(v2, "\"format\": \"copro-export-2\""));
	int64_t org;
	assert_int_equal(org_import(&f->d, v2, len, &org, &f->e), 0);
	project_list projects;
	audit_list audits;
	action_list actions;
	measure_list measures;
	assert_int_equal(store_project_list(&f->db, &f->mem, org, &projects, &f->e), 0);
	assert_int_equal(store_audit_list_org(&f->db, &f->mem, org, &audits, &f->e), 0);
	assert_int_equal(store_action_list(&f->db, &f->mem, org, &actions, &f->e), 0);
	assert_int_equal(store_measure_list(&f->db, &f->mem, org, NULL, &measures, &f->e), 0);
	assert_int_equal(projects.n, 1);
	assert_int_equal(audits.n, 1);
	assert_int_equal(actions.n, 3);
	assert_int_equal(measures.n, 0);

	char *again = NULL;
	assert_int_equal(org_export(&f->d, org, &again, &f->e), 0);
	json_t *doc = json_loads(again, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(doc, "format")), "copro-export-6");
	same_as_old(doc, 2, v2, len);
	json_decref(doc);
	free(again);

	/* A format 2 file with a list format 3 added is not what copro wrote. */
	doc = json_loads(v2, 0, NULL);
	json_object_set_new(doc, "measures", json_array());
	char *text = reseal(doc);
	json_decref(doc);
	refuse_import(f, text, "the document has unknown fields: measures");
	free(text);
	doc = json_loads(v2, 0, NULL);
	json_t *ev0 = json_array_get(json_object_get(doc, "evaluations"), 0);
	json_object_set_new(ev0, "previous", json_null());
	text = reseal(doc);
	json_decref(doc);
	refuse_import(f, text, "evaluations[0] has unknown fields: previous");
	free(text);
	free(v2);
}

/* ---- plan, do, review ------------------------------------------------- */

/* The demo (measures, readings one of which a review took up, a plan with
 * an action under review, "You said, we did") and its next cycle: a new
 * evaluation that remembers the demo's, carried links (some re-confirmed),
 * measures carried forward with a link between two of them, and an action
 * from a measure. */
static int64_t pdr_history(fixture *f)
{
	int64_t org;
	set_now("2026-11-23T09:00:00Z");
	assert_int_equal(demo_load(&f->d, &org, &f->e), 0);
	evaluation_list evs;
	assert_int_equal(store_evaluation_list(&f->db, &f->mem, org, &evs, &f->e), 0);
	set_now("2027-09-02T09:00:00Z");
	next_cycle_input in = {.evaluation = evs.items[0].id, .cycle = "2027-28"};
	next_cycle_result out;
	assert_int_equal(evaluation_next_cycle(&f->d, &in, &out, &f->e), 0);
	assert_int_equal(out.measures, 3);
	assert_true(out.links > 3);
	set_now("2027-09-03T10:00:00Z");
	size_t n;
	assert_int_equal(statement_confirm(&f->d, out.evaluation, "1i", 0, &n, &f->e), 0);
	assert_true(n > 0);
	measure_list measures;
	assert_int_equal(store_measure_list(&f->db, &f->mem, org, "2027-28", &measures, &f->e), 0);
	assert_int_equal(measures.n, 3);
	assert_int_equal(measure_link(&f->d, measures.items[0].id, measures.items[2].id, false, &f->e), 0);
	action_row a = {.organisation_id = org, .title = "Run a coffee morning after school",
			.owner = "", .source_measure_id = measures.items[0].id};
	int64_t id;
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), 0);
	return org;
}

static size_t count_carried(store *db, arena *mem, int64_t eval, size_t *confirmed)
{
	carried_list c;
	err e = {0};
	assert_int_equal(store_carried_links(db, mem, eval, &c, &e), 0);
	*confirmed = 0;
	for (size_t i = 0; i < c.n; i++)
		*confirmed += c.items[i].confirmed_at != NULL;
	return c.n;
}

static void plan_do_review_round_trip(void **state)
{
	fixture *f = *state;
	int64_t org = pdr_history(f), imported;
	char *first = NULL, *second = NULL;
	assert_int_equal(org_export(&f->d, org, &first, &f->e), 0);
	other_db o;
	open_other(f, &o, "pdr.db");
	fill_other(f, &o);
	set_now("2031-01-01T00:00:00Z");
	assert_int_equal(org_import(&o.d, first, strlen(first), &imported, &f->e), 0);
	assert_int_equal(org_export(&o.d, imported, &second, &f->e), 0);
	assert_string_equal(first, second);

	/* The cycles, and the carried links still to re-confirm. */
	evaluation_list a, b;
	assert_int_equal(store_evaluation_list(&f->db, &f->mem, org, &a, &f->e), 0);
	assert_int_equal(store_evaluation_list(&o.db, &f->mem, imported, &b, &f->e), 0);
	assert_int_equal(b.n, 2);
	int64_t previous;
	assert_int_equal(store_evaluation_previous(&o.db, b.items[1].id, &previous, &f->e), 1);
	assert_int_equal(previous, b.items[0].id);
	size_t ca, cb, conf_a, conf_b;
	ca = count_carried(&f->db, &f->mem, a.items[1].id, &conf_a);
	cb = count_carried(&o.db, &f->mem, b.items[1].id, &conf_b);
	assert_int_equal(ca, cb);
	assert_int_equal(conf_a, conf_b);
	assert_true(conf_b > 0 && conf_b < cb);

	/* Measures: carried ones point back, readings keep their review. */
	measure_list ms;
	assert_int_equal(store_measure_list(&o.db, &f->mem, imported, NULL, &ms, &f->e), 0);
	assert_int_equal(ms.n, 6);
	size_t carried = 0, with_review = 0, readings = 0;
	for (size_t i = 0; i < ms.n; i++) {
		carried += ms.items[i].carried_from != 0;
		metric_list mt;
		assert_int_equal(store_metric_list(&o.db, &f->mem, ms.items[i].id, &mt, &f->e), 0);
		assert_int_equal(mt.n, 1);
		reading_list rl;
		assert_int_equal(store_reading_list(&o.db, &f->mem, mt.items[0].id, &rl, &f->e), 0);
		readings += rl.n;
		for (size_t k = 0; k < rl.n; k++)
			with_review += rl.items[k].review_id != 0;
	}
	assert_int_equal(carried, 3);
	assert_int_equal(readings, 9);     /* carrying copies no readings */
	assert_int_equal(with_review, 1);

	/* The plan and its action under review; "You said, we did". */
	plan_list plans;
	assert_int_equal(store_plan_list(&o.db, &f->mem, imported, &plans, &f->e), 0);
	assert_int_equal(plans.n, 1);
	assert_int_equal(plans.items[0].seeded_from, b.items[0].id);
	plan_full pf;
	assert_int_equal(plan_load(&o.d, plans.items[0].id, &pf, &f->e), 0);
	assert_int_equal(pf.answers.n, 3);
	assert_int_equal(pf.aspects.n, 2);
	assert_int_equal(pf.actions.n, 1);
	action_review_list reviews;
	assert_int_equal(store_action_reviews_of_action(&o.db, &f->mem, pf.actions.items[0].id,
							&reviews, &f->e), 0);
	assert_int_equal(reviews.n, 1);
	you_said_list ys;
	assert_int_equal(store_you_said_list(&o.db, &f->mem, imported, true, &ys, &f->e), 0);
	assert_int_equal(ys.n, 1);
	assert_int_equal(store_you_said_list(&o.db, &f->mem, imported, false, &ys, &f->e), 0);
	assert_int_equal(ys.n, 2);
	assert_true(ys.items[0].action_id == pf.actions.items[0].id ||
		    ys.items[1].action_id == pf.actions.items[0].id);
	unsetenv("COPRO_NOW");
	free(first);
	free(second);
	store_close(&o.db);
}

/* What a forger, or a bad tool, could do to the plan-do-review parts. */
static void break_pdr(json_t *doc, size_t i)
{
	json_t *measures = json_object_get(doc, "measures");
	json_t *m0 = json_array_get(measures, 0), *m1 = json_array_get(measures, 1);
	json_t *m3 = json_array_get(measures, 3);
	json_t *metric1 = json_array_get(json_object_get(m1, "metrics"), 0);
	json_t *metric0 = json_array_get(json_object_get(m0, "metrics"), 0);
	json_t *rd1 = json_object_get(metric1, "readings");
	json_t *r0 = json_array_get(rd1, 0), *r2 = json_array_get(rd1, 2);
	json_t *plan = json_array_get(json_object_get(doc, "plans"), 0);
	json_t *actions = json_object_get(doc, "actions");
	json_t *a3 = json_array_get(actions, 3), *a4 = json_array_get(actions, 4);
	json_t *review = json_array_get(json_object_get(a3, "reviews"), 0);
	json_t *ys1 = json_array_get(json_object_get(doc, "you_said"), 1);
	json_t *evs = json_object_get(doc, "evaluations");
	json_t *link = NULL;
	size_t k, l;
	json_t *ev, *lv;
	json_array_foreach(json_object_get(doc, "evidence"), k, ev)
		json_array_foreach(json_object_get(ev, "links"), l, lv)
			if (!link && json_is_true(json_object_get(lv, "carried")))
				link = lv;
	switch (i) {
	case 0: json_object_set_new(r2, "review", json_pack("{s:i, s:i}", "action", 99, "review", 1)); break;
	case 1: json_object_set_new(r2, "review", json_pack("{s:i, s:i}", "action", 4, "review", 2)); break;
	case 2: json_object_set_new(m0, "links", json_pack("[i]", 1)); break;
	case 3: json_object_set_new(m0, "carried_from", json_integer(2)); break;
	case 4: json_object_set_new(json_object_get(a4, "from"), "measure", json_integer(9)); break;
	case 5: json_object_set_new(json_object_get(a3, "from"), "statement", json_string("9z")); break;
	case 6: json_object_set_new(json_array_get(json_object_get(plan, "answers"), 0), "question",
				    json_string("z")); break;
	case 7: json_object_set_new(json_array_get(json_object_get(plan, "aspects"), 0), "aspect",
				    json_string("colour")); break;
	case 8: json_object_set_new(ys1, "action", json_integer(99)); break;
	case 9: json_object_set_new(m0, "catalogue_key", json_string("9.9")); break;
	case 10: json_object_set_new(r0, "denominator", json_integer(0)); break;
	case 11: json_object_set_new(json_array_get(rd1, 1), "taken_on",
				     json_string(json_string_value(json_object_get(r0, "taken_on")))); break;
	case 12: json_object_set_new(r0, "taken_on", json_string("2026-02-30")); break;
	case 13: json_object_set_new(metric0, "kind", json_string("ratio")); break;
	case 14: json_object_set_new(json_array_get(evs, 1), "previous", json_integer(2)); break;
	case 15: json_object_set_new(link, "carried", json_false()); break;
	case 16: json_object_set_new(review, "evidence", json_pack("[i]", 99)); break;
	case 17: json_object_set_new(m1, "catalogue_key", json_string("1.5"));
		json_object_set_new(m1, "cornerstone", json_string("1")); break;
	case 18: json_object_set_new(m3, "colour", json_string("blue")); break;
	case 19: json_object_set_new(a3, "ref", json_integer(1)); break;
	case 20: json_object_set_new(r0, "value", json_real(12.5)); break;
	case 21: json_object_set_new(plan, "framework_hash", json_string("00")); break;
	case 22: json_object_set_new(plan, "seeded_from", json_integer(5)); break;
	case 23: json_object_set_new(json_array_get(json_object_get(plan, "statements"), 0),
				     "statement", json_string("9z")); break;
	case 24: json_object_set_new(m1, "own_text", json_string("Both")); break;
	case 25: json_object_set_new(ys1, "published", json_true()); break;
	case 26: json_object_del(r0, "numerator"); break;
	case 27: json_object_set_new(m0, "links", json_pack("[i, i]", 4, 2)); break;
	}
}

static void resealed_bad_pdr_records_refused(void **state)
{
	fixture *f = *state;
	int64_t org = pdr_history(f);
	char *json = NULL;
	assert_int_equal(org_export(&f->d, org, &json, &f->e), 0);
	static const char *const fragments[] = {
		"measures[1].metrics[0].readings[2].review names a review of an action the file does not hold",
		"measures[1].metrics[0].readings[2].review names a review of an action the file does not hold",
		"measures[0].links[0] should name a later measure",
		"measures[0].carried_from names a measure the file does not hold before it",
		"actions[4].from names a measure the file does not hold",
		"actions[3].from names a plan or statement the file does not hold",
		"plans[0].answers[0] names question z of cornerstone 1",
		"plans[0].aspects[0] names aspect \"colour\"",
		"you_said[1].action names an action the file does not hold",
		"measures[0] names catalogue measure \"9.9\"",
		"measures[1].metrics[0].readings[0]: the denominator is 0",
		"measures[1].metrics[0].readings[1] is repeated or out of order",
		"measures[1].metrics[0].readings[0]: The reading date",
		"measures[0].metrics[0]: the kind \"ratio\" is not known",
		"evaluations[1].previous names an evaluation the file does not hold (or itself)",
		"is confirmed but was not carried",
		"actions[3].reviews[0].evidence[0] names an evidence item the file does not hold",
		"measures[1] repeats catalogue measure 1.5 of cycle",
		"measures[3] has unknown fields: colour",
		"actions[3].ref should be 4",
		"measures[1].metrics[0].readings[0].value is not numerator / denominator",
		"plans[0] uses an instrument version the file does not hold",
		"plans[0].seeded_from names an evaluation the file does not hold",
		"plans[0].statements[0] names statement \"9z\"",
		"measures[1] needs a catalogue_key or its own_text, not both",
		"you_said[1]: only a record that says what was done can be published",
		"measures[1].metrics[0].readings[0] has a numerator or a denominator without the other",
		"measures[0].links[1] is repeated or out of order",
	};
	for (size_t i = 0; i < sizeof fragments / sizeof *fragments; i++) {
		json_t *doc = json_loads(json, 0, NULL);
		break_pdr(doc, i);
		char *text = reseal(doc);
		json_decref(doc);
		refuse_import(f, text, fragments[i]);
		free(text);
	}
	unsetenv("COPRO_NOW");
	free(json);
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
		"framework_versions[6] repeats framework_versions[0]",
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

/* ---- rounds of views -------------------------------------------------- */

/* The demo with a round of views: answers by link and on paper, a draft
 * (not exported), reviewed and flagged comments, an agreed view, and the
 * organisation's settings. *token is the parent carers' link. */
static int64_t views_history(fixture *f, char **token)
{
	int64_t org, round, resp, evidence;
	assert_int_equal(demo_load(&f->d, &org, &f->e), 0);
	evaluation_list evs;
	assert_int_equal(store_evaluation_list(&f->db, &f->mem, org, &evs, &f->e), 0);
	view_group groups[] = {{"parents", ""}, {"other", "Governors"}};
	const char *keys[] = {"1i", "2iii"};
	view_round_input in = {.evaluation_id = evs.items[0].id, .elements = keys, .n_elements = 2,
			       .groups = groups, .n_groups = 2, .closes_on = "2099-01-01"};
	view_new_link *links;
	size_t n;
	assert_int_equal(views_open(&f->d, NULL, &in, &round, &links, &n, &f->e), 0);
	*token = arena_strdup(&f->mem, links[0].token);
	assert_int_equal(views_set_easy_read(&f->d, NULL, round, "1i", "We make you welcome.", &f->e), 0);
	view_visit v;
	enum view_link_status st;
	views_token cookie;
	assert_int_equal(views_link_open(&f->d, *token, &v, &st, &f->e), 0);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(views_response_start(&f->d, &v, cookie, &resp, &f->e), 0);
		assert_int_equal(views_answer_save(&f->d, resp, "1i", i + 1, "Kind", i ? NULL : "Say hello", &f->e), 0);
		assert_int_equal(views_answer_save(&f->d, resp, "2iii", VIEW_NO_RATING, NULL, "More", &f->e), 0);
		assert_int_equal(views_response_submit(&f->d, resp, &f->e), 0);
	}
	assert_int_equal(views_response_start(&f->d, &v, cookie, &resp, &f->e), 0);   /* a draft */
	assert_int_equal(views_answer_save(&f->d, resp, "1i", 4, NULL, NULL, &f->e), 0);
	view_paper_answer paper[] = {{"2iii", 0, "Clubs", NULL}};
	assert_int_equal(views_paper_add(&f->d, NULL, round, links[1].id, paper, 1, &resp, &f->e), 0);
	assert_int_equal(views_comment_review(&f->d, NULL, round, 1, "1i", &f->e), 0);
	assert_int_equal(views_comment_flag(&f->d, NULL, round, 2, "1i", true, &f->e), 0);
	int64_t ys;
	assert_int_equal(views_comment_to_you_said(&f->d, NULL, round, 1, "1i", false, &ys, &f->e), 0);
	view_agree_input agree = {.element = "1i", .agreed = "Welcoming", .resolved = "Talked",
				  .groups = GROUP_PARENTS};
	assert_int_equal(views_agree(&f->d, NULL, round, &agree, &evidence, &f->e), 0);
	views_org_settings s = {"The head teacher", 12, false};
	assert_int_equal(views_org_settings_set(&f->d, NULL, org, &s, &f->e), 0);
	return org;
}

static void views_round_trip(void **state)
{
	fixture *f = *state;
	char *token, *first = NULL, *second = NULL;
	int64_t org = views_history(f, &token), imported;
	assert_int_equal(org_export(&f->d, org, &first, &f->e), 0);
	assert_null(strstr(first, token));
	other_db o;
	open_other(f, &o, "views.db");
	fill_other(f, &o);
	set_now("2031-01-01T00:00:00Z");
	assert_int_equal(org_import(&o.d, first, strlen(first), &imported, &f->e), 0);
	assert_int_equal(org_export(&o.d, imported, &second, &f->e), 0);
	unsetenv("COPRO_NOW");
	assert_string_equal(first, second);
	/* The links work where the organisation went; drafts stayed behind. */
	view_visit v;
	enum view_link_status st;
	assert_int_equal(views_link_open(&o.d, token, &v, &st, &f->e), 0);
	assert_int_equal(st, VIEW_LINK_OPEN);
	assert_int_equal(v.link.submitted, 3);
	assert_string_equal(v.safeguarding_contact, "The head teacher");
	view_results res;
	assert_int_equal(views_results(&o.d, v.round.id, true, &res, &f->e), 0);
	assert_int_equal(res.responses, 4);
	assert_true(res.elements[0].has_agreed);
	assert_int_equal(res.elements[0].groups[0].n_comments, 1);
	assert_string_equal(res.elements[0].easy_read, "We make you welcome.");
	assert_int_equal(res.round.evidence_id != 0, 1);
	you_said_list said;
	assert_int_equal(you_said_of_org(&o.d, imported, false, &said, &f->e), 0);
	int64_t from = 0;
	for (size_t i = 0; i < said.n; i++)
		if (!strcmp(said.items[i].said, "Kind"))
			assert_int_equal(views_round_of_you_said(&o.d, said.items[i].id, &from, &f->e), 1);
	assert_int_equal(from, v.round.id);
	free(first);
	free(second);
	store_close(&o.db);
}

/* A copro-export-3 file (before rounds of views) still imports; one that
 * has them anyway is not what that copro wrote. */
static void v3_file_still_imports(void **state)
{
	fixture *f = *state;
	int64_t org, imported;
	char *now = export_demo(f, &org), *again = NULL;
	json_t *doc = json_loads(now, 0, NULL);
	/* Format 4 lacks "gold" alone: it imports and exports again the same. */
	json_object_del(doc, "evidence_files");     /* the demo has no files */
	json_t *gold = json_incref(json_object_get(doc, "gold"));
	json_object_del(doc, "gold");
	json_object_set_new(doc, "format", json_string("copro-export-4"));
	char *v4 = reseal(doc);
	other_db o4;
	open_other(f, &o4, "v4.db");
	assert_int_equal(org_import(&o4.d, v4, strlen(v4), &imported, &f->e), 0);
	assert_int_equal(org_export(&o4.d, imported, &again, &f->e), 0);
	assert_string_equal(again, now);
	store_close(&o4.db);
	free(again);
	again = NULL;
	free(v4);
	json_object_set_new(doc, "gold", gold);
	char *bad4 = reseal(doc);
	refuse_import(f, bad4, "the document has unknown fields: gold");
	free(bad4);
	json_object_del(doc, "gold");
	json_object_del(doc, "view_rounds");
	json_object_del(doc, "view_settings");
	json_object_set_new(doc, "format", json_string("copro-export-3"));
	char *v3 = reseal(doc);
	other_db o;
	open_other(f, &o, "v3.db");
	assert_int_equal(org_import(&o.d, v3, strlen(v3), &imported, &f->e), 0);
	assert_int_equal(org_export(&o.d, imported, &again, &f->e), 0);
	assert_string_equal(again, now);
	store_close(&o.db);
	json_object_set_new(doc, "view_rounds", json_array());
	char *bad = reseal(doc);
	refuse_import(f, bad, "the document has unknown fields: view_rounds");
	json_decref(doc);
	free(now);
	free(v3);
	free(again);
	free(bad);
}

static void break_views(json_t *doc, size_t i)
{
	json_t *r = json_array_get(json_object_get(doc, "view_rounds"), 0);
	json_t *resp = json_array_get(json_object_get(r, "responses"), 0);
	json_t *ans = json_array_get(json_object_get(resp, "answers"), 0);
	json_t *link = json_array_get(json_object_get(r, "links"), 0);
	switch (i) {
	case 0: json_object_set_new(ans, "rating", json_integer(9)); break;
	case 1: json_object_set_new(ans, "element", json_string("4iv")); break;
	case 2: json_object_set_new(resp, "link", json_integer(7)); break;
	case 3: json_object_set_new(link, "token_hash", json_string("not-a-hash")); break;
	case 4: json_object_set_new(r, "audit", json_integer(1)); break;
	case 5: json_object_set_new(r, "wording", json_string("posh")); break;
	case 6: json_object_set_new(link, "group", json_string("aliens")); break;
	case 7: json_object_set_new(r, "elements", json_array()); break;
	case 8: json_object_set_new(doc, "view_settings", json_pack("{s:s, s:i}", "safeguarding_contact", "x", "retention_months", 0)); break;
	case 9: json_object_set_new(ans, "good", json_integer(3)); break;
	case 10: json_object_set_new(json_array_get(json_object_get(r, "you_said"), 0), "record", json_integer(99)); break;
	}
}

static void resealed_bad_view_records_refused(void **state)
{
	fixture *f = *state;
	char *token, *json = NULL;
	int64_t org = views_history(f, &token);
	assert_int_equal(org_export(&f->d, org, &json, &f->e), 0);
	static const char *const says[] = {
		"rating off the round's scale", "element the round does not ask",
		"link the round does not have", "not as copro writes them", "evaluation or audit",
		"wording copro does not know", "not as copro writes them", "no list of elements",
		"retention period", "neither text nor null", "\"You said\" record or element",
	};
	for (size_t i = 0; i < sizeof says / sizeof *says; i++) {
		json_t *doc = json_loads(json, 0, NULL);
		break_views(doc, i);
		char *text = reseal(doc);
		json_decref(doc);
		refuse_import(f, text, says[i]);
		free(text);
	}
	free(json);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(round_trip_is_byte_identical), T(damaged_files_refused),
		T(resealed_bad_records_refused), T(existing_organisation_refused),
		T(empty_organisation), T(york_round_trip_is_byte_identical),
		T(v1_file_still_imports), T(resealed_bad_york_records_refused),
		T(unused_version_refused), T(v2_file_still_imports), T(plan_do_review_round_trip),
		T(resealed_bad_pdr_records_refused), T(views_round_trip), T(v3_file_still_imports),
		T(resealed_bad_view_records_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
