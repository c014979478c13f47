/* test_export_pages.c: the area's export page and downloads, and its API
 * tokens page: who may use them, what the files hold, a new token shown
 * once and never again, revoking, and every refusal. Audits are written
 * straight into the tables so that this test does not depend on their
 * own code. */
#include "store/account.h"
#include "store/sql.h"
#include "webtest.h"

/* A submitted audit (with one level) and a draft in `org`, and a project. */
static void add_audits(webfix *w, int64_t org, const char *summary)
{
	fixture *f = &w->f;
	const framework *fw = fw_registry_find(&f->frameworks, "york-joint-partnership-audit");
	const framework *model = fw_registry_find(&f->frameworks, "york-strategic-model");
	assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
	assert_int_equal(framework_version_keep(&f->d, model, &f->e), 0);
	const char *statuses[] = {"submitted", "draft"};
	for (int i = 0; i < 2; i++) {
		int64_t id = test_write(&f->db,
			"INSERT INTO audit (organisation_id, framework_hash, version, status, summary,"
			" submitted_at, created_at, updated_at) VALUES (?, ?, 1, ?, ?,"
			" '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')",
			SQL_ARGS(sql_int(org), sql_text(fw->hash), sql_text(statuses[i]),
				 sql_text(i ? "DRAFT-TEXT" : summary)));
		char sql[300];
		snprintf(sql, sizeof sql, "UPDATE audit SET first_id = id WHERE id = %lld;"
			 "INSERT INTO audit_principle (audit_id, principle_key, level, score, notes, updated_at)"
			 " VALUES (%lld, '1', 'good', 2, '', '2026-10-01T00:00:00Z');",
			 (long long)id, (long long)id);
		test_exec(&f->db, sql);
	}
	test_write(&f->db,
		"INSERT INTO project (organisation_id, framework_id, framework_hash, title, created_at,"
		" updated_at) VALUES (?, 'york-strategic-model', ?, ?, '2026-09-01T00:00:00Z',"
		" '2026-09-01T00:00:00Z')", SQL_ARGS(sql_int(org), sql_text(model->hash), sql_text(summary)));
}

/* An API request with "Authorization: Bearer TOKEN". */
static request *api_get(webfix *w, const char *token, const char *p)
{
	request *r = request_create(&w->cfg, "GET", p);
	assert_non_null(r);
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->authorization = arena_printf(&r->mem, "Bearer %s", token);
	web_dispatch(r);
	return r;
}

/* The secret on the "copy your new token" page. */
static const char *secret_on(request *r)
{
	const char *at = strstr(web_body(r), "<code id=\"token\">");
	assert_non_null(at);
	at += strlen("<code id=\"token\">");
	assert_int_equal(strspn(at, "0123456789abcdef"), 64);
	return arena_strndup(&r->mem, at, 64);
}

/* ---- exports ---------------------------------------------------------- */

static void export_page_and_downloads(void **state)
{
	webfix *w = *state;
	add_audits(w, w->org, "OUR-SUMMARY");
	add_audits(w, w->other_org, "NEIGHBOUR-SUMMARY");
	add_audits(w, w->far_org, "FAR-SUMMARY");
	int64_t area = fixture_org_area(&w->f, w->org);

	request *r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/export", (long long)area), NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	const char *files[] = {"organisations.csv", "audits.csv", "levels.csv", "projects.csv",
			       "evaluations.csv", "area.xlsx"};
	for (size_t i = 0; i < 6; i++)
		assert_non_null(strstr(body, web_path(w, "href=\"/area/%lld/export/%s\"", (long long)area,
						   files[i])));
	assert_non_null(strstr(body, web_path(w, "href=\"/area/%lld/api-tokens\"", (long long)area)));
	assert_non_null(strstr(body, "<caption"));
	assert_null(r->download);
	request_destroy(r);

	for (size_t i = 0; i < 6; i++) {
		r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/export/%s", (long long)area, files[i]), NULL);
		assert_int_equal(r->status, 200);
		assert_non_null(r->download);
		assert_string_equal(r->download, files[i]);
		if (i < 5)
			assert_string_equal(r->content_type, "text/csv; charset=utf-8");
		else
			assert_string_equal(r->content_type,
					    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		request_destroy(r);
	}

	r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/export/audits.csv", (long long)area), NULL);
	body = web_body(r);
	assert_memory_equal(body, "id,first_id,version,latest,accepted,", 36);
	assert_non_null(strstr(body, "OUR-SUMMARY"));
	assert_non_null(strstr(body, "NEIGHBOUR-SUMMARY"));
	assert_null(strstr(body, "FAR-SUMMARY"));
	assert_null(strstr(body, "DRAFT-TEXT"));
	request_destroy(r);

	/* The self-evaluations: a row per organisation and cornerstone, ours
	 * started, nobody else's area. */
	r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/export/evaluations.csv", (long long)area), NULL);
	body = web_body(r);
	assert_memory_equal(body, "organisation_id,organisation_name,evaluation_id,cycle,status,cornerstone,", 72);
	assert_non_null(strstr(body, web_path(w, "\r\n%lld,Our School,%lld,2026-27,draft,1,Welcome and Care,7,0,39,0,false,false,false,",
					      (long long)w->org, (long long)w->eval)));
	assert_non_null(strstr(body, ",Neighbour School,"));
	assert_null(strstr(body, "Far School"));
	request_destroy(r);

	r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/export/area.xlsx", (long long)area), NULL);
	assert_true(r->out.len > 1000);
	assert_memory_equal(r->out.buf, "PK\x03\x04", 4);
	request_destroy(r);

	/* The other area's administrator sees only theirs. */
	r = web_run(w, AS_OTHER_AREA, "GET", web_path(w, "/area/%lld/export/projects.csv",
						      (long long)fixture_org_area(&w->f, w->far_org)), NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "FAR-SUMMARY"));
	assert_null(strstr(web_body(r), "OUR-SUMMARY"));
	request_destroy(r);
}

static void export_refusals(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *bad[] = {"people.csv", "audits.txt", "audits", "area.xlsx.csv", ".csv", "AUDITS.CSV",
			     "audits.csv.xlsx"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		request *r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/export/%s", (long long)area, bad[i]), NULL);
		assert_int_equal(r->status, 404);
		assert_null(r->download);
		request_destroy(r);
	}
	const char *pages[] = {"export", "export/audits.csv", "export/area.xlsx", "api-tokens"};
	for (size_t i = 0; i < 4; i++) {
		const char *p = web_path(w, "/area/%lld/%s", (long long)area, pages[i]);
		web_expect(w, AS_OTHER_AREA, "GET", p, NULL, 404);
		web_expect(w, AS_LEAD, "GET", p, NULL, 404);
		web_expect(w, AS_VIEWER, "GET", p, NULL, 404);
		request *r = web_run(w, AS_NOBODY, "GET", p, NULL);
		assert_int_equal(r->status, 303);
		assert_string_equal(r->location, "/sign-in");
		request_destroy(r);
	}
	web_expect(w, AS_AREA, "GET", "/area/999999/export", NULL, 404);
	web_expect(w, AS_AREA, "POST", web_path(w, "/area/%lld/export/audits.csv", (long long)area), NULL, 405);
}

/* ---- tokens ----------------------------------------------------------- */

static void token_shown_once_then_revoked(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *tokens = web_path(w, "/area/%lld/api-tokens", (long long)area);

	request *r = web_run(w, AS_AREA, "GET", tokens, NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "no API tokens yet"));
	assert_non_null(strstr(web_body(r), "name=\"csrf\""));
	request_destroy(r);

	const char *fields[] = {"name", "Multi-agency dashboard", NULL};
	r = web_run(w, AS_AREA, "POST", tokens, fields);
	assert_int_equal(r->status, 200);
	assert_null(r->location);
	assert_non_null(strstr(web_body(r), "only time copro shows it"));
	const char *secret = arena_strdup(&w->f.mem, secret_on(r));
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM api_token WHERE revoked_at IS NULL"), 1);
	char hash[65];
	token_hash(secret, hash);
	assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM api_token WHERE token_hash = '%s'", hash)), 1);
	assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM api_token WHERE token_hash = '%s'", secret)), 0);
	/* Logged by name, without the secret. */
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE 'created API token %: Multi-agency dashboard'"), 1);
	assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM activity WHERE what LIKE '%%%s%%'", secret)), 0);

	/* The token works on the API. */
	r = api_get(w, secret, "/api/v1/organisations");
	assert_int_equal(r->status, 200);
	request_destroy(r);

	/* The list shows the name and when it was used, never the secret. */
	r = web_run(w, AS_AREA, "GET", tokens, NULL);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "Multi-agency dashboard"));
	assert_null(strstr(body, secret));
	assert_null(strstr(body, hash));
	assert_null(strstr(body, "Never"));
	assert_non_null(strstr(body, "govuk-tag--green"));
	int64_t id = fixture_count(&w->f, "SELECT MAX(id) FROM api_token");
	const char *revoke = web_path(w, "/area/%lld/api-tokens/%lld/revoke", (long long)area, (long long)id);
	assert_non_null(strstr(body, web_path(w, "action=\"%s\"", revoke)));
	request_destroy(r);

	/* Revoking: a 303 back to the list, which says so. */
	r = web_run(w, AS_AREA, "POST", revoke, NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "%s?revoked=%lld", tokens, (long long)id));
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM api_token WHERE revoked_at IS NOT NULL"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE 'revoked API token %: Multi-agency dashboard'"), 1);
	r = web_get_query(w, AS_AREA, tokens, (const char *[]){"revoked", web_num(w, id), NULL});
	body = web_body(r);
	assert_non_null(strstr(body, "govuk-notification-banner--success"));
	assert_non_null(strstr(body, "Revoked"));
	assert_null(strstr(body, web_path(w, "action=\"%s\"", revoke)));
	request_destroy(r);

	/* The API refuses it from now on. */
	r = api_get(w, secret, "/api/v1/organisations");
	assert_int_equal(r->status, 401);
	request_destroy(r);

	/* Revoking it again changes nothing and logs nothing. */
	web_expect(w, AS_AREA, "POST", revoke, NULL, 303);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE 'revoked API token%'"), 1);
}

static void token_refusals(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org), far = fixture_org_area(&w->f, w->far_org);
	const char *tokens = web_path(w, "/area/%lld/api-tokens", (long long)area);
	int64_t before = fixture_count(&w->f, "SELECT COUNT(*) FROM api_token") +
			 fixture_count(&w->f, "SELECT COUNT(*) FROM activity");

	const char *blank[] = {"name", "  ", NULL};
	const char *none[] = {NULL};
	const char *control[] = {"name", "Dash\x01board", NULL};
	const char *const *bad[] = {blank, none, control};
	for (size_t i = 0; i < 3; i++) {
		request *r = web_run(w, AS_AREA, "POST", tokens, bad[i]);
		assert_int_equal(r->status, 400);
		const char *body = web_body(r);
		assert_non_null(strstr(body, "govuk-error-summary"));
		assert_non_null(strstr(body, "href=\"#name\""));
		assert_non_null(strstr(body, "<title>Error: "));
		assert_null(strstr(body, "<code id=\"token\">"));
		request_destroy(r);
	}
	/* A request without the form's CSRF token, and people who are not
	 * this area's administrators. */
	const char *forged[] = {"name", "Dashboard", "csrf", "0000", NULL};
	const char *fields[] = {"name", "Dashboard", NULL};
	web_expect(w, AS_AREA, "POST", tokens, forged, 403);
	web_expect(w, AS_OTHER_AREA, "POST", tokens, fields, 404);
	web_expect(w, AS_LEAD, "POST", tokens, fields, 404);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM api_token") +
			 fixture_count(&w->f, "SELECT COUNT(*) FROM activity"), before);

	/* Another area's token cannot be revoked through this area. */
	char secret[65];
	int64_t theirs;
	assert_int_equal(api_token_create(&w->f.d, 0, far, "Their board", secret, &theirs, &w->f.e), 0);
	web_expect(w, AS_AREA, "POST", web_path(w, "/area/%lld/api-tokens/%lld/revoke", (long long)area,
						(long long)theirs), NULL, 404);
	web_expect(w, AS_AREA, "POST", web_path(w, "/area/%lld/api-tokens/abc/revoke", (long long)area), NULL, 404);
	web_expect(w, AS_AREA, "POST", web_path(w, "/area/%lld/api-tokens/999999/revoke", (long long)area), NULL, 404);
	web_expect(w, AS_OTHER_AREA, "POST", web_path(w, "/area/%lld/api-tokens/%lld/revoke", (long long)area,
						      (long long)theirs), NULL, 404);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM api_token WHERE revoked_at IS NOT NULL"), 0);
	request *r = api_get(w, secret, "/api/v1/organisations");
	assert_int_equal(r->status, 200);
	request_destroy(r);
	/* Their list does not show ours and ours does not show theirs. */
	r = web_run(w, AS_AREA, "GET", tokens, NULL);
	assert_null(strstr(web_body(r), "Their board"));
	request_destroy(r);
}

/* The expiry of a token made on the page: 30 or 90 days, a year (the
 * default) or through a chosen day; shown on the list, with expired ones
 * said plainly. */
static void token_expiry_chosen(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *tokens = web_path(w, "/area/%lld/api-tokens", (long long)area);
	request *r = web_run(w, AS_AREA, "GET", tokens, NULL);
	page_has(r, "How long it works");
	page_has(r, "value=\"30\"");
	page_has(r, "value=\"90\"");
	page_has(r, "value=\"365\" checked");
	page_has(r, "Until a date you choose");
	page_has(r, "id=\"until-day\"");
	request_destroy(r);

	char in30[21], in90[21];
	time_iso(time_now_epoch() + 30 * 24 * 3600, in30);
	time_iso(time_now_epoch() + 90 * 24 * 3600, in90);
	r = web_run(w, AS_AREA, "POST", tokens, (const char *[]){"name", "Thirty", "expiry", "30", NULL});
	assert_int_equal(r->status, 200);
	page_has(r, "It works until");
	request_destroy(r);
	web_expect(w, AS_AREA, "POST", tokens, (const char *[]){"name", "Ninety", "expiry", "90", NULL}, 200);
	assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM api_token WHERE name = 'Thirty'"
						     " AND substr(expires_at, 1, 10) = '%.10s'", in30)), 1);
	assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM api_token WHERE name = 'Ninety'"
						     " AND substr(expires_at, 1, 10) = '%.10s'", in90)), 1);

	char day[21];
	time_iso(time_now_epoch() + 200 * 24 * 3600, day);
	day[10] = '\0';
	web_expect(w, AS_AREA, "POST", tokens, web_dated(w, "until", day, (const char *[]){
		"name", "Dated", "expiry", "date", NULL}), 200);
	assert_int_equal(fixture_count(&w->f, web_path(w, "SELECT COUNT(*) FROM api_token WHERE name = 'Dated'"
						     " AND expires_at = '%sT23:59:59Z'", day)), 1);

	/* One that ended yesterday: the list says so in words and offers no
	 * revoke button; the live ones show when they end. */
	test_exec(&w->f.db, "UPDATE api_token SET expires_at = '2026-01-02T10:00:00Z' WHERE name = 'Ninety'");
	r = web_run(w, AS_AREA, "GET", tokens, NULL);
	page_has(r, "Works until");
	page_has(r, "Expired");
	page_has(r, "2 January 2026 at 10:00");
	page_has(r, "The API refuses it");
	page_has(r, "Revoke<span class=\"govuk-visually-hidden\"> the token Thirty");
	page_lacks(r, "Revoke<span class=\"govuk-visually-hidden\"> the token Ninety");
	request_destroy(r);
}

/* Each wrong expiry: 400 with the message on its field, nothing made. */
static void token_expiry_refusals(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *tokens = web_path(w, "/area/%lld/api-tokens", (long long)area);
	char today[11], far[21];
	date_today(today);
	time_iso(time_now_epoch() + 4 * 366 * 24 * 3600LL, far);
	far[10] = '\0';
	const struct {
		const char *const *fields;
		const char *anchor, *message;
	} bad[] = {
		{(const char *[]){"name", "A", "expiry", "7", NULL}, "#expiry", "Choose how long the token works"},
		{(const char *[]){"name", "A", "expiry", "date", NULL}, "#until-", "Enter the last day it works"},
		{web_dated(w, "until", "2026-02-30", (const char *[]){"name", "A", "expiry", "date", NULL}),
		 "#until-", "must be a real date"},
		{web_dated(w, "until", today, (const char *[]){"name", "A", "expiry", "date", NULL}),
		 "#until-day", "must be after today"},
		{web_dated(w, "until", far, (const char *[]){"name", "A", "expiry", "date", NULL}),
		 "#until-day", "within 3 years of today"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		request *r = web_run(w, AS_AREA, "POST", tokens, bad[i].fields);
		assert_int_equal(r->status, 400);
		page_has(r, "<title>Error: ");
		page_has(r, bad[i].anchor);
		page_has(r, bad[i].message);
		page_lacks(r, "<code id=\"token\">");
		request_destroy(r);
	}
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM api_token"), 0);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE '%API token%'"), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(export_page_and_downloads), T(export_refusals), T(token_shown_once_then_revoked),
		T(token_refusals), T(token_expiry_chosen), T(token_expiry_refusals),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
