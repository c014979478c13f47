/* webtest.c: the web tests' world (an area, two organisations and a person
 * in every role, signed in once per program) and their requests. */
#include "webtest.h"

#include "store/sql.h"

const char *const as_names[AS_ALL] = {
	"signed out", "area administrator", "lead", "contributor", "viewer",
	"lead of another organisation", "administrator of another area",
	"assessor", "assessor whose access ended",
};

webfix webfix_template;

static void webfix_member(webfix *w, int who, const char *email, const char *role,
			  int64_t org, const char *area)
{
	fixture *f = &w->f;
	int64_t user, mid, area_id = 0;
	char now[21];
	time_now_iso(now);
	assert_int_equal(account_create(&f->d, as_names[who], email, WEBTEST_PASSWORD, &user, &f->e), 0);
	if (area)
		assert_int_equal(store_area_by_name(&f->db, area, now, &area_id, &f->e), 0);
	membership_row m = {.user_id = user, .role = role, .organisation_id = area ? 0 : org,
			    .area_id = area_id, .created_at = now};
	assert_int_equal(store_membership_insert(&f->db, &m, &mid, &f->e), 0);
	assert_int_equal(sign_in(&f->d, email, WEBTEST_PASSWORD, "127.0.0.1", &w->as[who], &f->e), 0);
}

/* An account with no membership, the assessor of our evaluation until
 * `until` (written straight into the table: the web tests need the access,
 * not a test of the invitation). */
static int64_t webfix_assessor(webfix *w, int who, const char *email, const char *until)
{
	fixture *f = &w->f;
	int64_t user;
	assert_int_equal(account_create(&f->d, as_names[who], email, WEBTEST_PASSWORD, &user, &f->e), 0);
	char sql[400];
	snprintf(sql, sizeof sql, "INSERT INTO assessor (organisation_id, evaluation_id, user_id, name, email,"
		 " invite_expires_at, until, created_at) VALUES (%lld, %lld, %lld, 'Assessor', '%s',"
		 " '2026-01-01T00:00:00Z', '%s', '2026-01-01T00:00:00Z')", (long long)w->org, (long long)w->eval,
		 (long long)user, email, until);
	test_exec(&f->db, sql);
	int64_t id = 0;
	assert_int_equal(sql_get_int(&f->db, "SELECT id FROM assessor WHERE email = ?",
				     SQL_ARGS(sql_text(email)), &id, &f->e), 0);
	assert_int_equal(sign_in(&f->d, email, WEBTEST_PASSWORD, "127.0.0.1", &w->as[who], &f->e), 0);
	return id;
}

/* The world, in a new fixture of w's own. */
static void webfix_build(webfix *w)
{
	void *st = NULL;
	fixture_setup(&st);
	w->f = *(fixture *)st;
	free(st);
	w->f.d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &w->f.mem};
	fixture *f = &w->f;
	w->org = fixture_org(f, "Our School");
	w->other_org = fixture_org(f, "Neighbour School");
	org_row far = {.name = "Far School", .sector = "education", .area = "Elsewhere"};
	assert_int_equal(org_add(&f->d, &far, &w->far_org, &f->e), 0);
	w->eval = fixture_evaluation(f, w->org);
	w->other_eval = fixture_evaluation(f, w->other_org);
	webfix_member(w, AS_AREA, "area@example.org", "area-admin", 0, "Test Area");
	webfix_member(w, AS_LEAD, "lead@example.org", "lead", w->org, NULL);
	webfix_member(w, AS_CONTRIBUTOR, "contrib@example.org", "contributor", w->org, NULL);
	webfix_member(w, AS_VIEWER, "viewer@example.org", "viewer", w->org, NULL);
	webfix_member(w, AS_OTHER_LEAD, "other@example.org", "lead", w->other_org, NULL);
	webfix_member(w, AS_OTHER_AREA, "far@example.org", "area-admin", 0, "Elsewhere");
	w->assessor = webfix_assessor(w, AS_ASSESSOR, "assessor@example.org", "2099-12-31");
	webfix_assessor(w, AS_ASSESSOR_ENDED, "ended@example.org", "2020-01-01");
}

int webfix_group_setup(void **state)
{
	webfix_build(&webfix_template);
	(void)state;
	return 0;
}

int webfix_group_teardown(void **state)
{
	fixture *f = malloc(sizeof *f);
	assert_non_null(f);
	*f = webfix_template.f;
	(void)state;
	return fixture_teardown((void **)&f);
}

/* Each test works on a copy of the world: SQLite's online backup of the
 * program's one; on PostgreSQL, which has no such copy, the world built
 * again in a fixture of the test's own (an emptied database, testutil.c). */
int webfix_setup(void **state)
{
	webfix *w = calloc(1, sizeof *w);
	assert_non_null(w);
	if (store_engine_is_pg(&webfix_template.f.db)) {
		webfix_build(w);
		w->cfg = (web_config){.db_path = w->f.path, .assets_dir = "/nonexistent",
				      .frameworks = &w->f.frameworks};
		*state = w;
		return 0;
	}
	*w = webfix_template;
	memset(&w->f.db, 0, sizeof w->f.db);
	w->f.mem = (arena){0};
	static int copies;
	snprintf(w->f.path, sizeof w->f.path, "%.60s/copy%d.db", w->f.dir, ++copies);
	assert_int_equal(store_backup(&webfix_template.f.db, w->f.path, &w->f.e), 0);
	assert_int_equal(store_open(&w->f.db, w->f.path, STORE_EXISTING, &w->f.e), 0);
	w->f.d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &w->f.mem};
	w->cfg = (web_config){.db_path = w->f.path, .assets_dir = "/nonexistent",
			      .frameworks = &w->f.frameworks};
	*state = w;
	return 0;
}

int webfix_teardown(void **state)
{
	webfix *w = *state;
	if (store_engine_is_pg(&webfix_template.f.db)) {
		fixture *f = malloc(sizeof *f);
		assert_non_null(f);
		*f = w->f;
		free(w);
		return fixture_teardown((void **)&f);
	}
	store_close(&w->f.db);
	arena_free(&w->f.mem);
	remove(w->f.path);
	free(w);
	return 0;
}

request *web_request(webfix *w, int who, const char *method, const char *path)
{
	request *r = request_create(&w->cfg, method, path);
	assert_non_null(r);
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	if (who != AS_NOBODY)
		r->session_cookie = w->as[who].token;
	return r;
}

/* Every route that hashes a password is marked ROUTE_HASH, which copro
 * serve runs on its hashing threads rather than a web worker
 * (web/hashing.h): a route that hashes without it fails here. */
static request *web_send(webfix *w, request *r)
{
	unsigned long hashes = password_hashes_made(), in_tx = password_hashes_in_transaction();
	web_dispatch(r);
	if (password_hashes_made() != hashes && !(r->route && (r->route->flags & ROUTE_HASH)))
		fail_msg("%s %s hashed a password without ROUTE_HASH on its route: copro serve "
			 "would hash it on a web worker (src/web/web.h)", r->method, r->path);
	/* Nor inside a transaction, whose write lock would hold up every
	 * other change for the hash's time (issue 15, hole 4). */
	if (password_hashes_in_transaction() != in_tx)
		fail_msg("%s %s hashed a password inside a transaction, holding the write lock",
			 r->method, r->path);
	if (w->f.db.in_tx)
		fail_msg("%s %s left a transaction open", r->method, r->path);
	return r;
}

request *web_run(webfix *w, int who, const char *method, const char *path,
		 const char *const *fields)
{
	request *r = web_request(w, who, method, path);
	bool has_csrf = false;
	for (size_t i = 0; fields && fields[i]; i += 2) {
		request_add_field(r, fields[i], fields[i + 1]);
		has_csrf |= strcmp(fields[i], "csrf") == 0;
	}
	if (who != AS_NOBODY && r->post && !has_csrf)
		request_add_field(r, "csrf", w->as[who].csrf);
	return web_send(w, r);
}

request *web_upload(webfix *w, int who, const char *path, const char *filename, const void *bytes,
		    size_t len)
{
	request *r = web_request(w, who, "POST", path);
	if (who != AS_NOBODY)
		request_add_field(r, "csrf", w->as[who].csrf);
	request_add_file(r, "file", filename, bytes, len);
	return web_send(w, r);
}

request *web_post_signed_out(webfix *w, const char *path, const char *const *fields)
{
	static const char token[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	request *r = web_request(w, AS_NOBODY, "POST", path);
	r->form_cookie = token;
	request_add_field(r, "csrf", token);
	for (size_t i = 0; fields && fields[i]; i += 2)
		request_add_field(r, fields[i], fields[i + 1]);
	return web_send(w, r);
}

request *web_get_query(webfix *w, int who, const char *path, const char *const *query)
{
	request *r = web_request(w, who, "GET", path);
	for (size_t i = 0; query && query[i]; i += 2)
		request_add_query(r, query[i], query[i + 1]);
	return web_send(w, r);
}

const char *web_body(request *r)
{
	return html_str(&r->out);
}

request *web_expect_request(webfix *w, int who, const char *method, const char *path,
			    const char *const *fields, int status)
{
	request *r = web_run(w, who, method, path, fields);
	if (r->status != status)
		fail_msg("%s %s as %s: %d, expected %d\n%.3000s", method, path, as_names[who],
			 r->status, status, web_body(r));
	return r;
}

void web_expect(webfix *w, int who, const char *method, const char *path,
		const char *const *fields, int status)
{
	request_destroy(web_expect_request(w, who, method, path, fields, status));
}

const char *web_expect_body(webfix *w, int who, const char *method, const char *path,
			    const char *const *fields, int status)
{
	request *r = web_expect_request(w, who, method, path, fields, status);
	const char *body = arena_strdup(&w->f.mem, web_body(r));
	request_destroy(r);
	return body;
}

void web_expect_matrix(webfix *w, const web_route *routes, size_t n)
{
	static const enum access level[AS_COUNT] = {
		[AS_AREA] = ACCESS_AREA, [AS_LEAD] = ACCESS_LEAD, [AS_CONTRIBUTOR] = ACCESS_CONTRIBUTE,
		[AS_VIEWER] = ACCESS_VIEW};
	for (size_t i = 0; i < n; i++) {
		for (int who = 0; who < AS_COUNT; who++) {
			int want = routes[i].ok;
			if (who == AS_NOBODY)
				want = 303;
			else if (who == AS_OTHER_LEAD || who == AS_OTHER_AREA)
				want = 404;
			else if (level[who] < routes[i].need)
				want = 403;
			web_expect(w, who, routes[i].method, routes[i].path, routes[i].fields, want);
		}
	}
}

const char *web_path(webfix *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = arena_vprintf(&w->f.mem, fmt, ap);
	va_end(ap);
	return p;
}

const char *web_num(webfix *w, int64_t v)
{
	return web_path(w, "%lld", (long long)v);
}

const char *const *web_dated(webfix *w, const char *name, const char *iso, const char *const *rest)
{
	size_t n = 0;
	while (rest[n])
		n++;
	const char **out = arena_alloc(&w->f.mem, (n + 7) * sizeof *out);
	const char *d = "", *m = "", *y = iso;
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-') {
		y = arena_strndup(&w->f.mem, iso, 4);
		m = arena_strndup(&w->f.mem, iso + 5, 2);
		d = arena_strndup(&w->f.mem, iso + 8, 2);
	}
	out[0] = web_path(w, "%s-day", name), out[1] = d;
	out[2] = web_path(w, "%s-month", name), out[3] = m;
	out[4] = web_path(w, "%s-year", name), out[5] = y;
	memcpy(out + 6, rest, (n + 1) * sizeof *out);
	return out;
}

void page_has(request *r, const char *text)
{
	if (!strstr(web_body(r), text))
		fail_msg("%s: expected \"%s\" on the page", r->path, text);
}

void page_lacks(request *r, const char *text)
{
	if (strstr(web_body(r), text))
		fail_msg("%s: did not expect \"%s\" on the page", r->path, text);
}

int64_t web_member_id(webfix *w, int64_t org, const char *email)
{
	membership_list ms;
	assert_int_equal(store_memberships_of_org(&w->f.db, &w->f.mem, org, &ms, &w->f.e), 0);
	for (size_t i = 0; i < ms.n; i++)
		if (!strcmp(ms.items[i].user_email, email))
			return ms.items[i].id;
	fail_msg("%s is not a member", email);
	return 0;
}
