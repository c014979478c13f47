/* test_dispatch.c: the rules every route passes through: sign-in, CSRF,
 * size limits, methods, and access to the organisation in the URL. */
#include "webtest.h"

#include "domain/security.h"
#include "store/sql.h"
#include "web/access_log.h"
#include "web/cache.h"
#include "web/pages/pages.h"

static void matching(void **state)
{
	(void)state;
	arena a = {0};
	const char *p[4] = {0};
	assert_true(route_match("/org/{org}/evidence/{id}", "/org/12/evidence/7", p, &a));
	assert_string_equal(p[0], "12");
	assert_string_equal(p[1], "7");
	assert_false(route_match("/org/{org}", "/org/12/evidence", p, &a));
	assert_false(route_match("/org/{org}", "/org/", p, &a));
	assert_true(route_match("/assets/*", "/assets/images/x.png", p, &a));
	assert_false(route_match("/assets/*", "/asset/x", p, &a));
	arena_free(&a);
}

/* Most patterns tried for a path do not match it: those copy nothing of
 * its placeholders, even where some matched before the mismatch. */
static void a_mismatch_copies_nothing(void **state)
{
	(void)state;
	arena a = {0};
	const char *p[4] = {0};
	assert_false(route_match("/org/{org}/evidence/{id}", "/org/12/actions/7", p, &a));
	assert_false(route_match("/org/{org}/evidence/{id}", "/org/12/evidence", p, &a));
	assert_null(a.head);
	assert_null(p[0]);
	assert_true(route_match("/v/{token}/*", "/v/abc/q/3", p, &a));
	assert_string_equal(p[0], "abc");
	arena_free(&a);
}

/* The POST's route as the server looks it up before the body
 * (web_post_route): the body's limits and the kind of request by it, and
 * the answer kept, so that nothing looks it up again. */
static void post_route_before_the_body(webfix *w, const char *path, const char *pattern,
				       size_t limit, bool change, bool hashes)
{
	request *r = request_create(&w->cfg, "POST", path);
	const route *rt = web_post_route(r);
	if (pattern)
		assert_string_equal(rt->pattern, pattern);
	else
		assert_null(rt);
	assert_int_equal(r->body_limit, limit);
	assert_int_equal(r->change, change);
	assert_int_equal(r->hash_route, hashes);
	assert_true(r->found_done);
	assert_ptr_equal(r->found, rt);
	request_destroy(r);
}

static void a_post_is_looked_up_once(void **state)
{
	webfix *w = *state;
	post_route_before_the_body(w, web_path(w, "/org/%lld/evaluation/%lld/statement/1i/review",
					       (long long)w->org, (long long)w->eval),
				   "/org/{org}/evaluation/{evaluation}/statement/{statement}/review",
				   WEB_MAX_BODY, true, false);
	post_route_before_the_body(w, web_path(w, "/org/%lld/evidence/3/files", (long long)w->org),
				   "/org/{org}/evidence/{evidence}/files", WEB_MAX_UPLOAD + 64 * 1024, true,
				   false);
	post_route_before_the_body(w, "/v/abc", "/v/{token}", WEB_PARTNER_BODY, true, false);
	post_route_before_the_body(w, "/sign-in", "/sign-in", WEB_PUBLIC_BODY, false, true);
	post_route_before_the_body(w, "/no/such/page", NULL, WEB_PUBLIC_BODY, false, false);
	/* A signed-out POST refused before its body: the log line names the
	 * route the server found. */
	request *r = request_create(&w->cfg, "POST", web_path(w, "/org/%lld/evaluation/%lld/statement/1i/review",
							      (long long)w->org, (long long)w->eval));
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	assert_non_null(web_post_route(r));
	assert_true(web_refuse_signed_out(r));
	assert_string_equal(r->location, "/sign-in");
	r->answered = true;
	char line[512];
	access_log_format(r, false, r->started_ns, line, sizeof line);
	assert_non_null(strstr(line, " route=/org/{org}/evaluation/{evaluation}/statement/{statement}/review "));
	request_destroy(r);
}

static void signed_out_goes_to_sign_in(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_NOBODY, "GET", "/", NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/sign-in");
	request_destroy(r);
	r = web_run(w, AS_NOBODY, "GET", "/sign-in", NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "name=\"csrf\""));
	assert_non_null(r->cookie);             /* the form token's cookie */
	assert_non_null(strstr(r->cookie, "__Host-copro-form="));
	assert_non_null(strstr(r->cookie, "Secure; HttpOnly"));
	request_destroy(r);
}

static void csrf_required_on_every_post(void **state)
{
	webfix *w = *state;
	int64_t before = test_count_rows(&w->f.db);
	const char *path = arena_printf(&w->f.mem, "/org/%lld/evaluations", (long long)w->org);
	const char *none[] = {"framework", "four-cornerstones", "cycle", "2030-31", NULL};
	const char *wrong[] = {"csrf", "0000000000000000000000000000000000000000000000000000000000000000",
			       "framework", "four-cornerstones", "cycle", "2030-31", NULL};
	const char *other[] = {"csrf", w->as[AS_VIEWER].csrf, "framework", "four-cornerstones",
			       "cycle", "2030-31", NULL};
	request *r = web_run(w, AS_LEAD, "POST", path, wrong);
	assert_int_equal(r->status, 403);
	request_destroy(r);
	r = web_run(w, AS_LEAD, "POST", path, other);   /* someone else's token */
	assert_int_equal(r->status, 403);
	request_destroy(r);
	r = request_create(&w->cfg, "POST", path);
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->session_cookie = w->as[AS_LEAD].token;
	for (size_t i = 0; none[i]; i += 2)
		request_add_field(r, none[i], none[i + 1]);
	web_dispatch(r);
	assert_int_equal(r->status, 403);
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
	r = web_run(w, AS_LEAD, "POST", path, none);     /* with the right token */
	assert_int_equal(r->status, 303);
	request_destroy(r);
	assert_true(test_count_rows(&w->f.db) > before);
}

static void signed_out_form_needs_its_cookie(void **state)
{
	webfix *w = *state;
	const char *fields[] = {"csrf", "1111111111111111111111111111111111111111111111111111111111111111",
				"email", "lead@example.org", "password", WEBTEST_PASSWORD, NULL};
	request *r = web_run(w, AS_NOBODY, "POST", "/sign-in", fields);
	assert_int_equal(r->status, 403);           /* no matching form cookie */
	request_destroy(r);
	r = request_create(&w->cfg, "POST", "/sign-in");
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->form_cookie = fields[1];
	for (size_t i = 0; fields[i]; i += 2)
		request_add_field(r, fields[i], fields[i + 1]);
	web_dispatch(r);
	assert_int_equal(r->status, 303);
	assert_non_null(strstr(r->cookie, "__Host-copro="));
	assert_non_null(strstr(r->cookie, "SameSite=Lax"));
	request_destroy(r);
}

static void other_organisations_do_not_exist(void **state)
{
	webfix *w = *state;
	const char *ours = arena_printf(&w->f.mem, "/org/%lld", (long long)w->org);
	const char *far = arena_printf(&w->f.mem, "/org/%lld", (long long)w->far_org);
	request *r = web_run(w, AS_OTHER_LEAD, "GET", ours, NULL);
	assert_int_equal(r->status, 404);
	request_destroy(r);
	r = web_run(w, AS_AREA, "GET", far, NULL);
	assert_int_equal(r->status, 404);
	request_destroy(r);
	r = web_run(w, AS_AREA, "GET", ours, NULL);
	assert_int_equal(r->status, 200);
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", "/org/99999", NULL);
	assert_int_equal(r->status, 404);
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", "/org/abc", NULL);
	assert_int_equal(r->status, 404);
	request_destroy(r);
}

static void role_too_low_is_403(void **state)
{
	webfix *w = *state;
	const char *path = arena_printf(&w->f.mem, "/org/%lld/evaluations", (long long)w->org);
	const char *fields[] = {"framework", "four-cornerstones", "cycle", "2031-32", NULL};
	int64_t before = test_count_rows(&w->f.db);
	request *r = web_run(w, AS_VIEWER, "POST", path, fields);
	assert_int_equal(r->status, 403);
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "POST", path, fields);
	assert_int_equal(r->status, 403);
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void methods_sizes_and_unknown_pages(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_LEAD, "DELETE", "/", NULL);
	assert_int_equal(r->status, 405);
	request_destroy(r);
	r = web_run(w, AS_LEAD, "GET", "/no/such/page", NULL);
	assert_int_equal(r->status, 404);
	assert_non_null(strstr(web_body(r), "Page not found"));
	request_destroy(r);
	r = request_create(&w->cfg, "POST", "/sign-in");
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->body_error = 413;
	web_dispatch(r);
	assert_int_equal(r->status, 413);
	assert_non_null(strstr(web_body(r), "too large"));
	request_destroy(r);
}

static void sign_out_ends_the_session(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", "/sign-out", NULL);
	assert_int_equal(r->status, 303);
	assert_non_null(strstr(r->cookie, "Max-Age=0"));
	request_destroy(r);
	/* The old cookie no longer works, even if the browser kept it. */
	r = web_run(w, AS_CONTRIBUTOR, "GET", "/", NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/sign-in");
	request_destroy(r);
}

static void sessions_time_out(void **state)
{
	webfix *w = *state;
	char later[21];
	time_iso(time_now_epoch() + SESSION_IDLE_SECONDS + 5, later);
	setenv("COPRO_NOW", later, 1);
	request *r = web_run(w, AS_VIEWER, "GET", "/", NULL);
	unsetenv("COPRO_NOW");
	assert_int_equal(r->status, 303);
	request_destroy(r);
	r = web_run(w, AS_VIEWER, "GET", "/", NULL);    /* removed, not just refused */
	assert_int_equal(r->status, 303);
	request_destroy(r);
}

/* Reading pages keeps a session alive: a page read after a minute moves
 * its idle clock on (written after the page's read-only snapshot), so
 * someone reading page after page for longer than the idle time stays
 * signed in. */
static void reading_keeps_the_session(void **state)
{
	webfix *w = *state;
	int64_t start = time_now_epoch();
	for (int i = 1; i <= 3; i++) {
		char at[21];
		time_iso(start + i * (SESSION_IDLE_SECONDS - 60), at);
		setenv("COPRO_NOW", at, 1);
		request *r = web_run(w, AS_VIEWER, "GET", "/", NULL);
		unsetenv("COPRO_NOW");
		if (r->status != 200)
			fail_msg("a page read %d idle times later: %d, expected 200", i, r->status);
		request_destroy(r);
	}
}

static int count_commit(void *n)
{
	(*(int *)n)++;
	return 0;
}

static int64_t activity_lines(webfix *w)
{
	return fixture_count(&w->f, "SELECT COUNT(*) FROM activity");
}

/* PostgreSQL, which has no commit hook: the transactions that last wrote
 * the review of 1i and the newest activity line (their xmin). */
static const char *writers(webfix *w)
{
	const char *x = NULL;
	if (sql_get(&w->f.db, &w->f.mem, "SELECT (SELECT xmin::text FROM statement_review"
		    " WHERE evaluation_id = ? AND element_key = '1i') || ' ' ||"
		    " (SELECT xmin::text FROM activity ORDER BY id DESC LIMIT 1)",
		    SQL_ID_ARG(w->eval), &x, sql_text_row, &w->f.e) < 0)
		fail_msg("%s", w->f.e.msg);
	return x ? x : "";
}

/* A change whose transaction cannot begin because another program is
 * writing (SQLite's lock, waited for no time here): 503 "busy" with
 * Retry-After, as every busy answer of copro's, and nothing saved. The
 * answer is change.c's: the dispatcher's own busy page is replaced by it
 * once the refusal is seen. */
static void a_change_that_cannot_begin_is_busy(void **state)
{
	webfix *w = *state;
	if (store_engine_is_pg(&w->f.db))
		skip();         /* PostgreSQL's BEGIN waits for no other writer */
	sqlite3 *other;
	assert_int_equal(sqlite3_open(w->f.path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_busy_timeout(w->f.db.db, 0);
	int64_t lines = activity_lines(w);
	const char *path = arena_printf(&w->f.mem, "/org/%lld/evaluation/%lld/statement/1i/review",
					(long long)w->org, (long long)w->eval);
	const char *good[] = {"strengths", "Warm welcome", "areas", "", "status", "in-progress", NULL};
	request *r = web_run(w, AS_LEAD, "POST", path, good);
	assert_int_equal(r->status, 503);
	assert_int_equal(r->retry_after, WEB_BUSY_RETRY_SECONDS);
	page_has(r, "Sorry, copro is busy");
	page_has(r, "Nothing was saved. Wait 5 seconds, then try again.");
	request_destroy(r);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	sqlite3_busy_timeout(w->f.db.db, store_busy_timeout_ms());
	assert_int_equal(activity_lines(w), lines);
}

/* A signed-in change and its activity line are one commit (one wait for
 * the disk; on PostgreSQL, written by one transaction); a refused change
 * commits nothing and leaves nothing. */
static void one_commit_per_change(void **state)
{
	webfix *w = *state;
	const char *path = arena_printf(&w->f.mem, "/org/%lld/evaluation/%lld/statement/1i/review",
					(long long)w->org, (long long)w->eval);
	bool pg = store_engine_is_pg(&w->f.db);
	int commits = 0;
	if (!pg)
		sqlite3_commit_hook(w->f.db.db, count_commit, &commits);
	int64_t lines = activity_lines(w);
	const char *good[] = {"strengths", "Warm welcome", "areas", "", "status", "in-progress", NULL};
	request *r = web_run(w, AS_LEAD, "POST", path, good);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	const char *by = pg ? writers(w) : "";
	size_t n = strcspn(by, " ");
	if (pg && (strlen(by) != 2 * n + 1 || strncmp(by, by + n + 1, n)))
		fail_msg("the review and its activity line were written by transactions %s", by);
	assert_int_equal(commits, pg ? 0 : 1);
	assert_int_equal(w->f.db.in_tx, 0);
	assert_int_equal(activity_lines(w), lines + 1);

	commits = 0;
	int64_t rows = test_count_rows(&w->f.db);
	const char *bad[] = {"strengths", "Changed", "areas", "", "status", "finished-ish", NULL};
	r = web_run(w, AS_LEAD, "POST", path, bad);
	assert_int_equal(r->status, 400);
	request_destroy(r);
	assert_int_equal(commits, 0);
	if (pg)
		assert_string_equal(writers(w), by);
	assert_int_equal(w->f.db.in_tx, 0);
	assert_int_equal(test_count_rows(&w->f.db), rows);
	review_row rv;
	assert_int_equal(store_review_get(&w->f.db, &w->f.mem, w->eval, "1i", &rv, &w->f.e), 1);
	assert_string_equal(rv.strengths, "Warm welcome");
	if (!pg)
		sqlite3_commit_hook(w->f.db.db, NULL, NULL);
}

/* A signed-in POST's cookie is hashed once, before its body, and the
 * checks after the body take that hash: here another session's, put in
 * its place, decides who is asking. */
static request *review_before_body(webfix *w, int who)
{
	request *r = web_request(w, who, "POST", web_path(w, "/org/%lld/evaluation/%lld/statement/1i/review",
							 (long long)w->org, (long long)w->eval));
	const char *fields[] = {"csrf", w->as[who].csrf, "strengths", "Once", "areas", "",
				"status", "in-progress", NULL};
	for (size_t i = 0; fields[i]; i += 2)
		request_add_field(r, fields[i], fields[i + 1]);
	assert_non_null(web_post_route(r));
	assert_false(web_refuse_signed_out(r));
	return r;
}

static void a_posts_cookie_is_hashed_once(void **state)
{
	webfix *w = *state;
	char lead[65], viewer[65];
	token_hash(w->as[AS_LEAD].token, lead);
	token_hash(w->as[AS_VIEWER].token, viewer);
	request *r = review_before_body(w, AS_LEAD);
	assert_string_equal(r->session_hash, lead);
	web_dispatch(r);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	r = review_before_body(w, AS_LEAD);
	memcpy(r->session_hash, viewer, sizeof viewer);
	web_dispatch(r);
	assert_int_not_equal(r->status, 303);
	request_destroy(r);
	/* A cookie that is no session's leaves no hash: signed out at once. */
	r = web_request(w, AS_NOBODY, "POST", "/org/1/evaluation/1/statement/1i/review");
	r->session_cookie = "00000000000000000000000000000000000000000000000000000000000000ff";
	assert_non_null(web_post_route(r));
	assert_true(web_refuse_signed_out(r));
	assert_string_equal(r->session_hash, "");
	request_destroy(r);
}

/* A change's checks read the organisation's area in its transaction and
 * hand it to its activity line, which then need not look it up. */
static void the_line_takes_the_area_the_checks_read(void **state)
{
	webfix *w = *state;
	const char *path = arena_printf(&w->f.mem, "/org/%lld/evaluation/%lld/statement/1i/review",
					(long long)w->org, (long long)w->eval);
	const char *good[] = {"strengths", "Warm welcome", "areas", "", "status", "in-progress", NULL};
	int64_t area = fixture_org_area(&w->f, w->org);
	const int who[] = {AS_LEAD, AS_AREA};
	for (size_t i = 0; i < 2; i++) {
		request *r = web_run(w, who[i], "POST", path, good);
		assert_int_equal(r->status, 303);
		assert_int_equal(r->org_area, area);
		request_destroy(r);
		activity_list l;
		assert_int_equal(store_activity_list(&w->f.db, &w->f.mem, w->org, 0, 1, &l, &w->f.e), 0);
		assert_int_equal(l.n, 1);
		assert_int_equal(l.items[0].area_id, area);
		assert_int_equal(l.items[0].user_id, w->as[who[i]].user.id);
	}
}

static request *get_page(webfix *w, int who, const char *path, bool cached)
{
	request *r = web_run(w, who, "GET", path, NULL);
	assert_int_equal(r->status, 200);
	if (r->from_cache != cached)
		fail_msg("%s: expected %s", path, cached ? "the cached page" : "a page drawn afresh");
	return r;
}

/* With the page cache on, a page is drawn once and sent again until its
 * organisation's data changes; it is never sent to anyone else, and
 * another organisation's change does not end it. */
static void pages_are_cached_until_their_data_changes(void **state)
{
	webfix *w = *state;
	page_cache_clear();
	page_cache_set_limit(1 << 20);
	const char *page = arena_printf(&w->f.mem, "/org/%lld/evaluation/%lld/statement/1i",
					(long long)w->org, (long long)w->eval);
	request *first = get_page(w, AS_LEAD, page, false);
	request *again = get_page(w, AS_LEAD, page, true);
	assert_int_equal(first->out.len, again->out.len);
	assert_memory_equal(first->out.buf, again->out.buf, first->out.len);
	request_destroy(again);
	request *viewer = get_page(w, AS_VIEWER, page, false);
	assert_false(viewer->out.len == first->out.len &&
		     !memcmp(viewer->out.buf, first->out.buf, first->out.len));
	request_destroy(viewer);
	request_destroy(first);

	/* Another organisation's change leaves this page cached. */
	const char *other = arena_printf(&w->f.mem, "/org/%lld/evaluation/%lld/statement/1i/review",
					 (long long)w->other_org, (long long)w->other_eval);
	const char *theirs[] = {"strengths", "Theirs", "areas", "", "status", "in-progress", NULL};
	request *r = web_run(w, AS_OTHER_LEAD, "POST", other, theirs);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	request_destroy(get_page(w, AS_LEAD, page, true));

	/* This organisation's change ends it: the next page shows it. */
	const char *ours[] = {"strengths", "Now written down", "areas", "", "status", "in-progress", NULL};
	r = web_run(w, AS_LEAD, "POST", arena_printf(&w->f.mem, "%s/review", page), ours);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	r = get_page(w, AS_LEAD, page, false);
	assert_non_null(strstr(html_str(&r->out), "Now written down"));
	request_destroy(r);

	/* Error pages are drawn every time. */
	const char *missing = arena_printf(&w->f.mem, "/org/%lld/evidence/99999", (long long)w->org);
	for (int i = 0; i < 2; i++) {
		r = web_run(w, AS_LEAD, "GET", missing, NULL);
		assert_int_equal(r->status, 404);
		assert_false(r->from_cache);
		request_destroy(r);
	}
	page_cache_set_limit(0);
	page_cache_clear();
}

/* A page the cache holds costs its checks and its key: the session (with
 * its two-factor check), the memberships and the page's revision, sent
 * together on PostgreSQL (one round trip; three before), and the header's
 * unread count, which the key holds, read once the session's user is
 * known: four statements, two round trips. */
static void a_cached_page_is_one_round_trip(void **state)
{
	webfix *w = *state;
	page_cache_clear();
	page_cache_set_limit(1 << 20);
	const char *page = arena_printf(&w->f.mem, "/org/%lld/evaluation/%lld/statement/1i",
					(long long)w->org, (long long)w->eval);
	request_destroy(get_page(w, AS_LEAD, page, false));
	uint64_t before = store_statements(&w->f.db), trips = store_round_trips(&w->f.db);
	request_destroy(get_page(w, AS_LEAD, page, true));
	assert_int_equal(store_statements(&w->f.db) - before, 4);
	assert_int_equal(store_round_trips(&w->f.db) - trips, store_engine_is_pg(&w->f.db) ? 2 : 4);
	page_cache_set_limit(0);
	page_cache_clear();
}

/* A refused form is counted, not logged: nothing is written until its
 * hour is over, then one line in the area's log says how many. */
static void refused_forms_are_counted(void **state)
{
	webfix *w = *state;
	const char *path = arena_printf(&w->f.mem, "/org/%lld/evaluations", (long long)w->org);
	const char *wrong[] = {"csrf", "1111111111111111111111111111111111111111111111111111111111111111",
			       "framework", "four-cornerstones", "cycle", "2030-31", NULL};
	int64_t before = fixture_count(&w->f, "SELECT COUNT(*) FROM activity");
	web_expect(w, AS_LEAD, "POST", path, wrong, 403);
	web_expect(w, AS_LEAD, "POST", path, wrong, 403);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity"), before);
	assert_int_equal(security_tick(&w->f.d, time(NULL) + 3600, &w->f.e), 1);
	int64_t area = fixture_org_area(&w->f, w->org);
	assert_int_equal(fixture_count(&w->f, arena_printf(&w->f.mem, "SELECT COUNT(*) FROM activity WHERE area_id = %lld"
				       " AND security = 1 AND what LIKE 'refused %% forms without a valid security token%%'",
				       (long long)area)), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

/* Every staff page of copro too busy says the same: why in its title,
 * then that nothing was saved and to wait the 5 seconds its Retry-After
 * says (the words are written out here, so that changing either the
 * number or the words fails). */
static void busy_page_says(request *r, const char *title)
{
	assert_int_equal(r->status, 503);
	assert_int_equal(r->retry_after, 5);
	page_has(r, title);
	page_has(r, "<p class=\"govuk-body\">Nothing was saved. Wait 5 seconds, then try again.</p>");
	request_destroy(r);
}

static void busy_pages_say_one_thing(void **state)
{
	webfix *w = *state;
	/* A handler's load or change that found the database busy. */
	request *r = web_request(w, AS_LEAD, "GET", "/");
	err busy = {.kind = ERR_BUSY};
	snprintf(busy.msg, sizeof busy.msg, "the database is busy");
	assert_int_equal(page_error(r, &busy), 503);
	busy_page_says(r, "Sorry, copro is busy");
	/* copro serve's: a request come while it stops, and a worker that
	 * could not open its connection. */
	r = request_create(&w->cfg, "POST", "/sign-in");
	assert_int_equal(web_busy_page(r, "Sorry, copro is restarting"), 503);
	busy_page_says(r, "Sorry, copro is restarting");
	r = request_create(&w->cfg, "GET", "/help");
	assert_int_equal(web_busy_page(r, "Sorry, copro cannot open its database"), 503);
	busy_page_says(r, "Sorry, copro cannot open its database");
	/* A form's own error, for a change that lost at every try, and for
	 * too many passwords to hash at once. */
	assert_string_equal(DOMAIN_BUSY_MESSAGE,
			    "copro is busy with other changes. Nothing was saved. Wait 5 seconds, then try again.");
	assert_string_equal(PASSWORD_BUSY_MESSAGE,
			    "Too many people are signing in at once. Nothing was saved. Wait 5 seconds, then try again.");
}

/* A GET of an address that takes only POST: the page above it, for those
 * who may use it; the POST's own rules for everyone else; nothing done. */
static void get_of_a_post_address(void **state)
{
	webfix *w = *state;
	/* Confirming carried-over evidence is a button on the statement's page. */
	const char *statement = web_path(w, "/org/%lld/evaluation/%lld/statement/1i", (long long)w->org,
					  (long long)w->eval);
	const char *next = web_path(w, "%s/confirm", statement);
	int64_t before = test_count_rows(&w->f.db);
	request *r = web_run(w, AS_LEAD, "GET", next, NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, statement);
	request_destroy(r);
	web_expect(w, AS_VIEWER, "GET", next, NULL, 403);
	web_expect(w, AS_OTHER_LEAD, "GET", next, NULL, 404);
	r = web_run(w, AS_NOBODY, "GET", next, NULL);
	assert_string_equal(r->location, "/sign-in");
	request_destroy(r);
	/* Opening the sign-out address does not sign out: only its button does. */
	r = web_run(w, AS_LEAD, "GET", "/sign-out", NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/");
	assert_null(r->cookie);
	request_destroy(r);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld", (long long)w->org), NULL, 200);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(matching), cmocka_unit_test(a_mismatch_copies_nothing),
		T(a_post_is_looked_up_once), T(signed_out_goes_to_sign_in), T(one_commit_per_change),
		T(a_change_that_cannot_begin_is_busy), T(busy_pages_say_one_thing),
		T(the_line_takes_the_area_the_checks_read), T(a_posts_cookie_is_hashed_once),
		T(pages_are_cached_until_their_data_changes),
		T(a_cached_page_is_one_round_trip),
		T(csrf_required_on_every_post), T(signed_out_form_needs_its_cookie),
		T(other_organisations_do_not_exist), T(role_too_low_is_403), T(refused_forms_are_counted),
		T(methods_sizes_and_unknown_pages), T(sign_out_ends_the_session),
		T(sessions_time_out), T(reading_keeps_the_session), T(get_of_a_post_address),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
