/* test_api.c: the area's read-only JSON API: only "Authorization: Bearer
 * TOKEN" with a live token opens it (never a session), every answer is the
 * token's area's data only, drafts never appear, and mistakes are answered
 * in JSON with a status and a message. Audits are written straight into
 * the tables so that this test does not depend on their own code. */
#include "domain/account_life.h"
#include "store/account.h"
#include "store/sql.h"
#include "webtest.h"

typedef struct api_world {
	int64_t area, far_area;
	int64_t ours, draft, neighbours, far;   /* audits */
	char token[65], far_token[65];
	int64_t token_id;
} api_world;

static int64_t add_audit(webfix *w, int64_t org, const char *status, const char *summary,
			 const char *submitted_at, const char *decided_at)
{
	fixture *f = &w->f;
	const framework *fw = fw_registry_find(&f->frameworks, "york-joint-partnership-audit");
	assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
	int64_t id = test_write(&f->db,
		"INSERT INTO audit (organisation_id, framework_hash, version, status, outcome, summary,"
		" submitted_at, decided_at, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?,"
		" '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(org), sql_text(fw->hash), sql_text(status),
			 sql_text(strcmp(status, "accepted") ? NULL : "outstanding"), sql_text(summary),
			 sql_text(submitted_at), sql_text(decided_at)));
	char sql[600];
	snprintf(sql, sizeof sql,
		 "UPDATE audit SET first_id = id WHERE id = %lld;"
		 "INSERT INTO audit_principle (audit_id, principle_key, level, score, notes, updated_at)"
		 " VALUES (%lld, '3', 'excellent', 3, 'Notes', '2026-01-01T00:00:00Z');"
		 "INSERT INTO audit_person VALUES (%lld, 1, 'Ann Smith', 'SENCO');"
		 "INSERT INTO audit_event (audit_id, at, user_name, status, comment)"
		 " VALUES (%lld, '2026-10-01T00:00:00Z', 'Area Admin', '%s', 'Well evidenced');",
		 (long long)id, (long long)id, (long long)id, (long long)id, status);
	test_exec(&f->db, sql);
	return id;
}

static api_world make_world(webfix *w)
{
	api_world a = {0};
	fixture *f = &w->f;
	assert_int_equal(store_org_area(&f->db, w->org, &a.area, &f->e), 0);
	assert_int_equal(store_org_area(&f->db, w->far_org, &a.far_area, &f->e), 0);
	a.ours = add_audit(w, w->org, "accepted", "OUR-SUMMARY", "2026-09-01T00:00:00Z",
			   "2026-10-20T00:00:00Z");
	a.draft = add_audit(w, w->org, "draft", "DRAFT-TEXT", NULL, NULL);
	a.neighbours = add_audit(w, w->other_org, "submitted", "NEIGHBOUR-SUMMARY",
				 "2026-10-01T00:00:00Z", NULL);
	a.far = add_audit(w, w->far_org, "submitted", "FAR-SUMMARY", "2026-12-01T00:00:00Z", NULL);
	assert_int_equal(api_token_create(&f->d, 0, a.area, "Dashboard", a.token, &a.token_id, &f->e), 0);
	int64_t far_id;
	assert_int_equal(api_token_create(&f->d, 0, a.far_area, "Far dashboard", a.far_token, &far_id,
					  &f->e), 0);
	return a;
}

/* A GET with the Authorization header as given (NULL: none), and with a
 * session cookie when `who` is someone. */
static request *api_run(webfix *w, const char *authorization, int who, const char *method,
			const char *p, const char *since)
{
	request *r = request_create(&w->cfg, method, p);
	assert_non_null(r);
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->authorization = authorization;
	if (who != AS_NOBODY)
		r->session_cookie = w->as[who].token;
	if (since)
		request_add_query(r, "since", since);
	web_dispatch(r);
	if (w->f.db.in_tx)
		fail_msg("%s %s left a transaction open", method, p);
	return r;
}

static const char *bearer(webfix *w, const char *token)
{
	return arena_printf(&w->f.mem, "Bearer %s", token);
}

/* The answer's JSON, checked to be JSON; the caller frees it. */
static json_t *json_of(request *r)
{
	json_error_t je;
	json_t *doc = json_loads(web_body(r), 0, &je);
	if (!doc)
		fail_msg("not JSON (%s): %s", je.text, web_body(r));
	return doc;
}

/* A refusal: the status, a JSON {"error": ...} holding `words`. */
static void expect_error(webfix *w, const char *authorization, int who, const char *p,
			 const char *since, int status, const char *words)
{
	request *r = api_run(w, authorization, who, "GET", p, since);
	if (r->status != status)
		fail_msg("GET %s: %d, expected %d: %s", p, r->status, status, web_body(r));
	assert_non_null(strstr(r->content_type, "application/json"));
	json_t *doc = json_of(r);
	const char *msg = json_string_value(json_object_get(doc, "error"));
	assert_non_null(msg);
	if (!strstr(msg, words))
		fail_msg("GET %s: the message \"%s\" does not say \"%s\"", p, msg, words);
	assert_null(strstr(web_body(r), "OUR-SUMMARY"));
	json_decref(doc);
	request_destroy(r);
}

static const char *const endpoints[] = {"/api/v1/organisations", "/api/v1/audits",
					"/api/v1/audits/1", "/api/v1/projects", "/api/v1/evaluations"};

static void only_a_live_token_opens_it(void **state)
{
	webfix *w = *state;
	api_world a = make_world(w);
	char unknown[65];
	memset(unknown, 'a', 64);
	unknown[64] = '\0';
	for (size_t i = 0; i < sizeof endpoints / sizeof *endpoints; i++) {
		const char *p = endpoints[i];
		expect_error(w, NULL, AS_NOBODY, p, NULL, 401, "Authorization: Bearer");
		/* A session, even the area administrator's, is not enough. */
		expect_error(w, NULL, AS_AREA, p, NULL, 401, "Authorization: Bearer");
		expect_error(w, a.token, AS_NOBODY, p, NULL, 401, "Authorization: Bearer");
		expect_error(w, arena_printf(&w->f.mem, "Basic %s", a.token), AS_NOBODY, p, NULL, 401,
			     "Authorization: Bearer");
		expect_error(w, "Bearer nonsense", AS_AREA, p, NULL, 401, "not known");
		expect_error(w, bearer(w, unknown), AS_NOBODY, p, NULL, 401, "not known");
		expect_error(w, "Bearer ", AS_NOBODY, p, NULL, 401, "not known");
	}
	/* Revoked: refused at once. */
	request *r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET", "/api/v1/audits", NULL);
	assert_int_equal(r->status, 200);
	request_destroy(r);
	assert_int_equal(api_token_revoke(&w->f.d, a.area, a.token_id, &w->f.e), 0);
	for (size_t i = 0; i < 4; i++)
		expect_error(w, bearer(w, a.token), AS_NOBODY, endpoints[i], NULL, 401, "revoked");
	/* Read only: no other method. */
	r = api_run(w, bearer(w, a.far_token), AS_NOBODY, "POST", "/api/v1/audits", NULL);
	assert_int_equal(r->status, 405);
	request_destroy(r);
}

static void organisations_and_projects(void **state)
{
	webfix *w = *state;
	api_world a = make_world(w);
	request *r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET", "/api/v1/organisations", NULL);
	assert_int_equal(r->status, 200);
	assert_string_equal(r->content_type, "application/json; charset=utf-8");
	json_t *doc = json_of(r);
	assert_string_equal(json_string_value(json_object_get(doc, "format")), "copro-api-1");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(doc, "area"), "id")), a.area);
	assert_non_null(json_string_value(json_object_get(doc, "generated_at")));
	json_t *orgs = json_object_get(doc, "organisations");
	assert_int_equal(json_array_size(orgs), 2);
	/* By name: Neighbour School, then Our School. */
	assert_int_equal(json_integer_value(json_object_get(json_array_get(orgs, 0), "id")), w->other_org);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(orgs, 1), "id")), w->org);
	json_t *o = json_array_get(orgs, 1);
	assert_string_equal(json_string_value(json_object_get(o, "sector")), "education");
	assert_true(json_is_null(json_object_get(o, "urn")));
	assert_int_equal(json_object_size(o), 6);
	json_decref(doc);
	request_destroy(r);

	r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET", "/api/v1/projects", NULL);
	assert_int_equal(r->status, 200);
	doc = json_of(r);
	assert_int_equal(json_array_size(json_object_get(doc, "projects")), 0);
	json_decref(doc);
	request_destroy(r);

	/* Self-evaluations: a row per organisation and cornerstone, ours
	 * started (the webfix evaluation), all as JSON types. */
	r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET", "/api/v1/evaluations", NULL);
	assert_int_equal(r->status, 200);
	doc = json_of(r);
	json_t *evs = json_object_get(doc, "evaluations");
	assert_int_equal(json_array_size(evs), 8);
	json_t *first_of_ours = json_array_get(evs, 4);
	assert_int_equal(json_integer_value(json_object_get(first_of_ours, "evaluation_id")), w->eval);
	assert_string_equal(json_string_value(json_object_get(first_of_ours, "cornerstone")), "1");
	assert_int_equal(json_integer_value(json_object_get(first_of_ours, "statements")), 7);
	assert_true(json_is_false(json_object_get(first_of_ours, "with_cyp")));
	json_decref(doc);
	request_destroy(r);

	/* The other area's token: its organisation only. */
	r = api_run(w, bearer(w, a.far_token), AS_NOBODY, "GET", "/api/v1/organisations", NULL);
	doc = json_of(r);
	orgs = json_object_get(doc, "organisations");
	assert_int_equal(json_array_size(orgs), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(orgs, 0), "id")), w->far_org);
	json_decref(doc);
	request_destroy(r);
}

static void audits(void **state)
{
	webfix *w = *state;
	api_world a = make_world(w);
	request *r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET", "/api/v1/audits", NULL);
	assert_int_equal(r->status, 200);
	assert_null(strstr(web_body(r), "DRAFT-TEXT"));
	assert_null(strstr(web_body(r), "FAR-SUMMARY"));
	json_t *doc = json_of(r);
	json_t *list = json_object_get(doc, "audits");
	assert_int_equal(json_array_size(list), 2);
	json_t *ours = json_array_get(list, 1);
	assert_int_equal(json_integer_value(json_object_get(ours, "id")), a.ours);
	assert_string_equal(json_string_value(json_object_get(ours, "outcome_title")), "Outstanding");
	assert_true(json_is_true(json_object_get(ours, "accepted")));
	json_t *level = json_array_get(json_object_get(ours, "levels"), 0);
	assert_string_equal(json_string_value(json_object_get(level, "level")), "excellent");
	assert_string_equal(json_string_value(json_object_get(level, "level_title")), "Excellent");
	/* People and history come with one audit, not the list. */
	assert_null(json_object_get(ours, "people"));
	assert_null(json_object_get(doc, "since"));
	json_decref(doc);
	request_destroy(r);

	/* since: submitted or decided on or after that day. */
	r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET", "/api/v1/audits", "2026-10-02");
	assert_int_equal(r->status, 200);
	doc = json_of(r);
	list = json_object_get(doc, "audits");
	assert_int_equal(json_array_size(list), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(list, 0), "id")), a.ours);
	assert_string_equal(json_string_value(json_object_get(doc, "since")), "2026-10-02");
	json_decref(doc);
	request_destroy(r);
	r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET", "/api/v1/audits", "2027-01-01");
	doc = json_of(r);
	assert_int_equal(json_array_size(json_object_get(doc, "audits")), 0);
	json_decref(doc);
	request_destroy(r);

	const char *bad[] = {"", "yesterday", "2026-13-01", "2026-02-30", "2026-1-1",
			     "2026-10-01T00:00:00Z", "2026-10-01' OR 1=1 --"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect_error(w, bearer(w, a.token), AS_NOBODY, "/api/v1/audits", bad[i], 400, "YYYY-MM-DD");
}

static void one_audit(void **state)
{
	webfix *w = *state;
	api_world a = make_world(w);
	request *r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET",
			     arena_printf(&w->f.mem, "/api/v1/audits/%lld", (long long)a.ours), NULL);
	assert_int_equal(r->status, 200);
	assert_string_equal(r->content_type, "application/json; charset=utf-8");
	json_t *doc = json_of(r);
	assert_string_equal(json_string_value(json_object_get(doc, "format")), "copro-api-1");
	json_t *audit = json_object_get(doc, "audit");
	assert_string_equal(json_string_value(json_object_get(audit, "summary")), "OUR-SUMMARY");
	assert_int_equal(json_array_size(json_object_get(audit, "levels")), 1);
	json_t *person = json_array_get(json_object_get(audit, "people"), 0);
	assert_string_equal(json_string_value(json_object_get(person, "name")), "Ann Smith");
	json_t *event = json_array_get(json_object_get(audit, "history"), 0);
	assert_string_equal(json_string_value(json_object_get(event, "comment")), "Well evidenced");
	assert_string_equal(json_string_value(json_object_get(event, "by")), "Area Admin");
	json_decref(doc);
	request_destroy(r);

	/* A neighbour in the same area: yes. Another area's, a draft, none. */
	r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET",
		    arena_printf(&w->f.mem, "/api/v1/audits/%lld", (long long)a.neighbours), NULL);
	assert_int_equal(r->status, 200);
	request_destroy(r);
	const int64_t missing[] = {a.far, a.draft, 999999};
	for (size_t i = 0; i < 3; i++)
		expect_error(w, bearer(w, a.token), AS_NOBODY,
			     arena_printf(&w->f.mem, "/api/v1/audits/%lld", (long long)missing[i]), NULL,
			     404, "no audit");
	expect_error(w, bearer(w, a.token), AS_NOBODY, "/api/v1/audits/abc", NULL, 404, "no audit");
	expect_error(w, bearer(w, a.token), AS_NOBODY, "/api/v1/audits/-1", NULL, 404, "no audit");
	/* And the far area's token sees its own. */
	r = api_run(w, bearer(w, a.far_token), AS_NOBODY, "GET",
		    arena_printf(&w->f.mem, "/api/v1/audits/%lld", (long long)a.far), NULL);
	assert_int_equal(r->status, 200);
	request_destroy(r);
}

static void use_is_recorded(void **state)
{
	webfix *w = *state;
	api_world a = make_world(w);
	api_token_list tokens;
	assert_int_equal(store_api_tokens_of_area(&w->f.db, &w->f.mem, a.area, &tokens, &w->f.e), 0);
	assert_null(tokens.items[0].last_used_at);
	request *r = api_run(w, bearer(w, a.token), AS_NOBODY, "GET", "/api/v1/projects", NULL);
	request_destroy(r);
	assert_int_equal(store_api_tokens_of_area(&w->f.db, &w->f.mem, a.area, &tokens, &w->f.e), 0);
	assert_non_null(tokens.items[0].last_used_at);
}

/* An expired token is refused with a 401 that says it expired and what to
 * do, not as an unknown one. */
static void expired_tokens_are_refused(void **state)
{
	webfix *w = *state;
	api_world a = make_world(w);
	char token[65];
	int64_t id;
	assert_int_equal(api_token_create_days(&w->f.d, NULL, a.area, "Short", 1, token, &id, &w->f.e), 0);
	char later[21];
	time_iso(time_now_epoch() + 2 * 24 * 3600, later);
	setenv("COPRO_NOW", later, 1);
	expect_error(w, bearer(w, token), AS_NOBODY, "/api/v1/organisations", NULL, 401, "this API token expired on ");
	expect_error(w, bearer(w, token), AS_NOBODY, "/api/v1/organisations", NULL, 401,
		     "can create a new one on the area's API tokens page");
	unsetenv("COPRO_NOW");
	request *r = api_run(w, bearer(w, token), AS_NOBODY, "GET", "/api/v1/organisations", NULL);
	assert_int_equal(r->status, 200);
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(only_a_live_token_opens_it), T(organisations_and_projects), T(audits), T(one_audit),
		T(use_is_recorded), T(expired_tokens_are_refused),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
