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

/* The copies of the world on PostgreSQL (world_pg_copy, below). */
static struct {
	bool on;                /* the template is on PostgreSQL */
	struct {                /* copies put back, open, ready for the next test */
		char path[400];
		store db;
	} free[4];
	int n_free, made;
} world_pg;

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
	while (world_pg.n_free)
		store_close(&world_pg.free[--world_pg.n_free].db);
	fixture *f = malloc(sizeof *f);
	assert_non_null(f);
	*f = webfix_template.f;
	(void)state;
	return fixture_teardown((void **)&f);
}

/* ---- the world's copies on PostgreSQL ----------------------------------
 * PostgreSQL has no online backup from a connection: it copies a whole
 * database (CREATE DATABASE ... TEMPLATE), only while no one is connected
 * to it, in about 1 s on the loaded 2-core machine, where test_authz
 * alone wants some 430 copies. So a program makes one copy per fixture
 * alive at once and puts it back as the world after each test that wrote
 * to it: before the first copy, the world's rows are kept beside it (the
 * schema copro_world, whose tables each copy has too) and a trigger on
 * every table counts the rows written, and to which tables; putting back
 * empties those tables and fills them again from the kept rows, sets the
 * identities back and the counts to nothing, with triggers and foreign
 * keys off meanwhile. A test that changed the schema (a trigger, a
 * column) leaves its copy behind, as testutil.c's fixtures do. */
static const char world_keep[] =
	"CREATE SCHEMA copro_world;"
	"CREATE SEQUENCE copro_world.writes;"
	"CREATE TABLE copro_world.identity AS SELECT format('public.%I', sequencename) AS seq, last_value"
	" FROM pg_sequences WHERE schemaname = 'public';"
	"CREATE FUNCTION copro_world.mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" PERFORM nextval('copro_world.writes');"
	" PERFORM nextval(format('copro_world.%I', 'w_' || TG_TABLE_NAME)); RETURN NULL; END $$;"
	"DO $$ DECLARE t text; BEGIN"
	" FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP"
	"  EXECUTE format('CREATE TABLE copro_world.%I AS TABLE public.%I', 'r_' || t, t);"
	"  EXECUTE format('CREATE SEQUENCE copro_world.%I', 'w_' || t);"
	"  EXECUTE format('CREATE TRIGGER zz_copro_world AFTER INSERT OR UPDATE OR DELETE ON public.%I"
	" FOR EACH ROW EXECUTE FUNCTION copro_world.mark()', t);"
	" END LOOP; END $$;"
	/* What a test must not have changed for its copy to serve again. */
	"CREATE FUNCTION copro_world.shape() RETURNS text LANGUAGE sql AS $$"
	" SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
	"  SELECT c.relname || ':' || c.relkind::text || ':' || c.relnatts FROM pg_class c"
	"  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
	"  UNION ALL SELECT tgname || ':' || tgrelid::regclass::text || ':' || tgenabled::text FROM pg_trigger"
	"  WHERE NOT tgisinternal"
	"  UNION ALL SELECT p.proname || md5(p.prosrc) FROM pg_proc p"
	"  JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public') s(x) $$;"
	"CREATE TABLE copro_world.kept AS SELECT copro_world.shape() AS shape;"
	/* True when the copy is the world again; false when its schema changed. */
	"CREATE FUNCTION copro_world.put_back() RETURNS boolean LANGUAGE plpgsql AS $$"
	" DECLARE t text; cols text; BEGIN"
	" IF copro_world.shape() <> (SELECT shape FROM copro_world.kept) THEN RETURN false; END IF;"
	" PERFORM set_config('session_replication_role', 'replica', true);"
	" FOR t IN SELECT substr(sequencename, 3) FROM pg_sequences WHERE schemaname = 'copro_world'"
	"  AND sequencename LIKE 'w\\_%' AND last_value IS NOT NULL LOOP"
	"  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols FROM pg_attribute"
	"  WHERE attrelid = format('public.%I', t)::regclass AND attnum > 0 AND NOT attisdropped"
	"  AND attgenerated = '';"
	"  EXECUTE format('DELETE FROM public.%I', t);"
	"  EXECUTE format('INSERT INTO public.%I (%s) SELECT %s FROM copro_world.%I', t, cols, cols, 'r_' || t);"
	"  PERFORM setval(format('copro_world.%I', 'w_' || t), 1, false);"
	" END LOOP;"
	" PERFORM setval('copro_world.writes', 1, false);"
	" PERFORM CASE WHEN last_value IS NULL THEN setval(seq, 1, false) ELSE setval(seq, last_value) END"
	" FROM copro_world.identity;"
	" RETURN true; END $$;";

/* The template's database name, from its URI (testutil.c's "dbname=..."). */
static const char *world_dbname(void)
{
	const char *at = strstr(webfix_template.f.path, "dbname=");
	assert_non_null(at);
	return at + strlen("dbname=");
}

/* A copy of the world for a test, on PostgreSQL: one put back, still
 * open (true), or a new one to open. */
static bool world_pg_copy(webfix *w)
{
	if (webfix_template.f.db.engine) {
		test_exec(&webfix_template.f.db, world_keep);
		store_close(&webfix_template.f.db);
	}
	if (world_pg.n_free) {
		world_pg.n_free--;
		snprintf(w->f.path, sizeof w->f.path, "%s", world_pg.free[world_pg.n_free].path);
		w->f.db = world_pg.free[world_pg.n_free].db;
		return true;
	}
	char name[40], sql[200];
	snprintf(name, sizeof name, "w%d_%d", (int)getpid(), ++world_pg.made);
	const char *cluster = getenv("COPRO_TEST_DB");
	/* One an earlier process of the same number left. */
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
	test_pg_admin(cluster, sql);
	snprintf(sql, sizeof sql, "CREATE DATABASE %s TEMPLATE %s", name, world_dbname());
	test_pg_admin(cluster, sql);
	int n = snprintf(w->f.path, sizeof w->f.path, "%s%cdbname=%s", cluster, strchr(cluster, '?') ? '&' : '?',
			 name);
	assert_true(n > 0 && (size_t)n < sizeof w->f.path);
	return false;
}

/* After the test: the copy is the world again, kept open for the next
 * (a connection's first put-back costs most: PL/pgSQL compiles it), or
 * closed and left when the test changed its schema. */
static void world_pg_put_back(webfix *w)
{
	int64_t same = 0;
	err e = {0};
	if (sql_get_int(&w->f.db, "SELECT CASE WHEN copro_world.put_back() THEN 1 ELSE 0 END", NULL, &same, &e) < 0)
		fail_msg("the world could not be put back: %s", e.msg);
	if (!same || w->f.db.in_tx || world_pg.n_free == (int)(sizeof world_pg.free / sizeof *world_pg.free)) {
		store_close(&w->f.db);
		return;
	}
	snprintf(world_pg.free[world_pg.n_free].path, sizeof world_pg.free->path, "%s", w->f.path);
	world_pg.free[world_pg.n_free++].db = w->f.db;
	memset(&w->f.db, 0, sizeof w->f.db);
}

int64_t webfix_written(webfix *w)
{
	int64_t n = 0;
	err e = {0};
	if (world_pg.on) {
		if (sql_get_int(&w->f.db, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM copro_world.writes",
				NULL, &n, &e) < 0)
			fail_msg("%s", e.msg);
		return n;
	}
	if (sql_get_int(&w->f.db, "PRAGMA data_version", NULL, &n, &e) < 0)
		fail_msg("%s", e.msg);
	return sqlite3_total_changes64(w->f.db.db) * 1000003 + n;
}

/* Each test works on a copy of the world: SQLite's online backup of the
 * program's one; on PostgreSQL a copy of its database, put back after
 * each test (above). */
int webfix_setup(void **state)
{
	webfix *w = calloc(1, sizeof *w);
	assert_non_null(w);
	world_pg.on |= store_engine_is_pg(&webfix_template.f.db);
	*w = webfix_template;
	memset(&w->f.db, 0, sizeof w->f.db);
	w->f.mem = (arena){0};
	w->f.pg_slot = 0;
	bool open = false;
	if (world_pg.on) {
		open = world_pg_copy(w);
	} else {
		static int copies;
		snprintf(w->f.path, sizeof w->f.path, "%.60s/copy%d.db", w->f.dir, ++copies);
		assert_int_equal(store_backup(&webfix_template.f.db, w->f.path, &w->f.e), 0);
	}
	if (!open)
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
	if (world_pg.on)
		world_pg_put_back(w);
	store_close(&w->f.db);
	arena_free(&w->f.mem);
	if (!world_pg.on)
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
