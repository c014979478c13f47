/* testutil.c: the fixture every unit test starts from (a fresh database
 * in a temporary directory with the bundled instruments) and the checks
 * the test programs share. */
#include "testutil.h"

#include <libpq-fe.h>
#include <signal.h>
#include <sys/wait.h>

#include "store/account.h"
#include "store/sql.h"
#include "report/report.h"

const char *test_frameworks_dir(void)
{
	const char *env = getenv("COPRO_FRAMEWORKS");
	return env ? env : COPRO_FRAMEWORKS_DIR;
}

framework *test_framework_quoted(const char *text, fw_report *r)
{
	char *json = strdup(text);
	assert_non_null(json);
	for (char *p = json; *p; p++)
		if (*p == '\'')
			*p = '"';
	framework *fw = framework_load_text("t.json", json, r);
	free(json);
	return fw;
}

framework *test_framework_valid(const char *text)
{
	fw_report r = {0};
	framework *fw = test_framework_quoted(text, &r);
	for (size_t i = 0; i < r.n; i++)
		print_message("  [%s] %s: %s\n", r.problems[i].code, r.problems[i].path,
			      r.problems[i].msg);
	assert_non_null(fw);
	assert_int_equal(r.n, 0);
	return fw;
}

static char cluster_uri[300];

static const char *nonempty_env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* The script is found from the frameworks folder tests/run names
 * (ROOT/frameworks). Waits (once) while the cluster at `uri` is still
 * starting: tests/run starts it in the background. */
static void pg_wait(const char *uri)
{
	static bool waited;
	if (waited)
		return;
	char cmd[900];
	snprintf(cmd, sizeof cmd, "'%s/../tests/pg/cluster' wait '%s'", test_frameworks_dir(), uri);
	if (system(cmd) != 0) {
		fprintf(stderr, "the PostgreSQL cluster at %s is not there (above)\n", uri);
		exit(1);
	}
	waited = true;
}

void test_pg_cluster_start(void)
{
	const char *given = nonempty_env("COPRO_TEST_DB");
	if (!given && (given = nonempty_env("COPRO_TEST_CLUSTER")))
		setenv("COPRO_TEST_DB", given, 1);
	if (given) {
		pg_wait(getenv("COPRO_TEST_DB"));
		return;
	}
	char cmd[600];
	snprintf(cmd, sizeof cmd, "'%s/../tests/pg/cluster' start", test_frameworks_dir());
	FILE *p = popen(cmd, "r");
	if (!p || !fgets(cluster_uri, sizeof cluster_uri, p)) {
		fprintf(stderr, "cannot start a PostgreSQL cluster with %s\n", cmd);
		exit(1);
	}
	pclose(p);
	cluster_uri[strcspn(cluster_uri, "\n")] = '\0';
	setenv("COPRO_TEST_DB", cluster_uri, 1);
}

void test_pg_cluster_stop(void)
{
	if (!cluster_uri[0])
		return;
	char cmd[900];
	snprintf(cmd, sizeof cmd, "%s/../tests/pg/cluster stop '%s'", test_frameworks_dir(), cluster_uri);
	if (system(cmd) != 0)
		fprintf(stderr, "could not stop the cluster %s\n", cluster_uri);
}

/* ---- fixtures on PostgreSQL ------------------------------------------
 * With COPRO_TEST_DB set (tests/pg/units.sh), a fixture's database
 * is a database on that cluster of the process's own, made from a template
 * that holds copro's schema (built once per cluster and schema version by
 * whichever program needs it first) and emptied for the next fixture.
 * Measured on the loaded 2-core machine: the schema built 4-7 s, a
 * database from the template 1-2 s, emptied 0.3-0.7 s, dropped 3-17 s
 * (a checkpoint), so databases are never dropped (the cluster is thrown
 * away). A fixture that changed the schema itself (a trigger, a table)
 * leaves its database behind and the next gets a new one. Fixtures alive
 * at once get a database each (a slot). */
enum { PG_SLOTS = 4 };
static struct {
	char name[PG_SLOTS][40];    /* the slot's database, "" before its first */
	bool used[PG_SLOTS];
	int made;
	char shape[40];             /* the template's schema_shape */
} pg;

static PGconn *pg_connect(const char *uri)
{
	PGconn *c = PQconnectdb(uri);
	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("cannot reach COPRO_TEST_DB %s: %s", uri, PQerrorMessage(c));
	PQclear(PQexec(c, "SET client_min_messages = warning"));
	return c;
}

/* Runs `sql` on `c`: the first value of its answer (malloc'd, "" when
 * none), failing the test when it is refused. */
static char *pg_value(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(r);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		char msg[400];
		snprintf(msg, sizeof msg, "%s", PQresultErrorMessage(r));
		PQclear(r);
		fail_msg("%s: %s", sql, msg);
	}
	char *v = strdup(PQntuples(r) > 0 && PQnfields(r) > 0 ? PQgetvalue(r, 0, 0) : "");
	assert_non_null(v);
	PQclear(r);
	return v;
}

static void pg_do(PGconn *c, const char *sql)
{
	free(pg_value(c, sql));
}

void test_pg_admin(const char *uri, const char *sql)
{
	PGconn *c = pg_connect(uri);
	pg_do(c, sql);
	PQfinish(c);
}

/* The URI of database `db` on the cluster of `uri`. */
static void pg_uri(char *out, size_t n, const char *uri, const char *db)
{
	int w = snprintf(out, n, "%s%cdbname=%s", uri, strchr(uri, '?') ? '&' : '?', db);
	assert_true(w > 0 && (size_t)w < n);
}

static bool pg_exists(PGconn *c, const char *db)
{
	char sql[120];
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM pg_database WHERE datname = '%s'", db);
	char *v = pg_value(c, sql);
	bool yes = strcmp(v, "1") == 0;
	free(v);
	return yes;
}

/* A digest of the objects of the database `c` is on (tables and their
 * columns, indexes, sequences, triggers, functions): what a fixture must
 * not have changed for its database to serve the next. */
static char *schema_shape(PGconn *c)
{
	return pg_value(c,
		"SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
		" SELECT c.relname || ':' || c.relkind::text || ':' || c.relnatts FROM pg_class c"
		" JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
		" UNION ALL SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
		" UNION ALL SELECT p.proname || md5(p.prosrc) FROM pg_proc p"
		" JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public') s(x)");
}

/* The template for this schema version: built under a lock by the first
 * program that needs it, while the others wait. */
static void pg_template(PGconn *admin, const char *uri, char *name, size_t n)
{
	snprintf(name, n, "copro_template_%d", store_latest_version());
	pg_do(admin, "SELECT pg_advisory_lock(16002)");
	if (!pg_exists(admin, name)) {
		char sql[200], building[80], u[400];
		snprintf(building, sizeof building, "%s_building", name);
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", building);
		pg_do(admin, sql);
		snprintf(sql, sizeof sql, "CREATE DATABASE %s", building);
		pg_do(admin, sql);
		pg_uri(u, sizeof u, uri, building);
		store s;
		err e = {0};
		if (store_open(&s, u, STORE_CREATE, &e) < 0)
			fail_msg("cannot build copro's schema on PostgreSQL: %s", e.msg);
		store_close(&s);
		snprintf(sql, sizeof sql, "ALTER DATABASE %s RENAME TO %s", building, name);
		pg_do(admin, sql);
	}
	pg_do(admin, "SELECT pg_advisory_unlock(16002)");
}

/* Empties the database at `u` for the next fixture, unless its fixture
 * changed its schema: false then. Triggers and foreign keys are off
 * meanwhile (no revision counted, any order); the identities start at 1
 * again, as in a new database. */
static bool pg_empty(const char *u)
{
	PGconn *c = pg_connect(u);
	char *shape = schema_shape(c);
	bool same = strcmp(shape, pg.shape) == 0;
	free(shape);
	if (same)
		pg_do(c, "BEGIN; SET LOCAL session_replication_role = replica;"
			 " SET LOCAL synchronous_commit = off;"
			 " DO $$ DECLARE r record; BEGIN"
			 " FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
			 " AND tablename <> 'schema_migration' LOOP"
			 " EXECUTE format('DELETE FROM %I', r.tablename); END LOOP;"
			 " FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP"
			 " PERFORM setval(quote_ident(r.sequencename), 1, false); END LOOP; END $$; COMMIT");
	PQfinish(c);
	return same;
}

/* A new database from the template for `slot`. */
static void pg_create(PGconn *admin, const char *uri, int slot)
{
	char tpl[40], sql[160], u[400];
	pg_template(admin, uri, tpl, sizeof tpl);
	snprintf(pg.name[slot], sizeof pg.name[slot], "t%d_%d", (int)getpid(), ++pg.made);
	/* A database an earlier process of the same number left. */
	if (pg_exists(admin, pg.name[slot])) {
		snprintf(sql, sizeof sql, "DROP DATABASE %s", pg.name[slot]);
		pg_do(admin, sql);
	}
	snprintf(sql, sizeof sql, "CREATE DATABASE %s TEMPLATE %s", pg.name[slot], tpl);
	pg_do(admin, sql);
	if (!pg.shape[0]) {
		pg_uri(u, sizeof u, uri, pg.name[slot]);
		PGconn *c = pg_connect(u);
		char *shape = schema_shape(c);
		snprintf(pg.shape, sizeof pg.shape, "%s", shape);
		free(shape);
		PQfinish(c);
	}
}

static void pg_fixture(fixture *f)
{
	const char *uri = nonempty_env("COPRO_TEST_DB");
	if (!uri)
		return;
	pg_wait(uri);
	int slot = 0;
	while (slot < PG_SLOTS && pg.used[slot])
		slot++;
	if (slot == PG_SLOTS)
		fail_msg("more than %d fixtures at once on PostgreSQL", PG_SLOTS);
	char u[400];
	if (pg.name[slot][0])
		pg_uri(u, sizeof u, uri, pg.name[slot]);
	if (!pg.name[slot][0] || !pg_empty(u)) {
		PGconn *admin = pg_connect(uri);
		pg_create(admin, uri, slot);
		PQfinish(admin);
	}
	pg.used[slot] = true;
	f->pg_slot = slot + 1;
	pg_uri(f->path, sizeof f->path, uri, pg.name[slot]);
}

static void pg_fixture_drop(fixture *f)
{
	if (f->pg_slot)
		pg.used[f->pg_slot - 1] = false;
}

/* ---- fixtures on SQLite ----------------------------------------------
 * Building copro's schema (every migration) costs about 0.45 s of CPU
 * under the sanitizers, and most programs make a fixture per test, so a
 * process builds it once, into a template file of its own, and each
 * fixture's database starts as a copy of that file's bytes; store_open
 * (STORE_CREATE) then finds the schema current, as a fixture on
 * PostgreSQL does with its template database. The template is per
 * process, never shared, so it is always the schema of this build. */
static char lite_template[80];
static pid_t lite_owner;        /* a forked child that exits leaves it */

/* Copies the file `from` (if it is there) to `to`, byte for byte. */
static void lite_copy(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb");
	if (!in)
		return;
	FILE *out = fopen(to, "wb");
	assert_non_null(out);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	assert_false(ferror(in));
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static void lite_template_remove(void)
{
	if (getpid() != lite_owner)
		return;
	char dir[80];
	snprintf(dir, sizeof dir, "%s", lite_template);
	*strrchr(dir, '/') = '\0';
	char cmd[120];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

/* The template, built by the process's first fixture. Closing its only
 * connection folds the WAL into the file; a WAL left behind is copied
 * with it. */
static void lite_template_build(void)
{
	char dir[] = "/tmp/copro-template-XXXXXX";
	assert_non_null(mkdtemp(dir));
	snprintf(lite_template, sizeof lite_template, "%s/template.db", dir);
	store s;
	err e = {0};
	if (store_open(&s, lite_template, STORE_CREATE, &e) < 0)
		fail_msg("cannot build copro's schema: %s", e.msg);
	store_close(&s);
	lite_owner = getpid();
	atexit(lite_template_remove);
}

void test_new_database(const char *path)
{
	if (!lite_template[0])
		lite_template_build();
	char from[100], to[420];
	lite_copy(lite_template, path);
	snprintf(from, sizeof from, "%s-wal", lite_template);
	snprintf(to, sizeof to, "%s-wal", path);
	lite_copy(from, to);
}

int fixture_setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/copro-test-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
	pg_fixture(f);
	if (!f->pg_slot)
		test_new_database(f->path);
	assert_int_equal(fw_registry_load(&f->frameworks, test_frameworks_dir(), &f->e), 0);
	if (store_open(&f->db, f->path, STORE_CREATE, &f->e) < 0)
		fail_msg("cannot open the test database: %s", f->e.msg);
	f->d = (domain){.db = &f->db, .frameworks = &f->frameworks, .mem = &f->mem};
	*state = f;
	return 0;
}

int fixture_teardown(void **state)
{
	fixture *f = *state;
	store_close(&f->db);
	pg_fixture_drop(f);
	fw_registry_free(&f->frameworks);
	arena_free(&f->mem);
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	free(f);
	return 0;
}

int64_t fixture_org(fixture *f, const char *name)
{
	org_row o = {.name = name, .sector = "education", .area = "Test Area"};
	int64_t id = 0;
	assert_int_equal(org_add(&f->d, &o, &id, &f->e), 0);
	return id;
}

int64_t fixture_evaluation(fixture *f, int64_t org)
{
	int64_t id = 0;
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2026-27", &id, &f->e), 0);
	return id;
}

int64_t fixture_org_area(fixture *f, int64_t org)
{
	int64_t area = 0;
	assert_int_equal(store_org_area(&f->db, org, &area, &f->e), 0);
	assert_true(area > 0);
	return area;
}

const char *fixture_framework_hash(fixture *f, const char *id)
{
	const framework *fw = fw_registry_find(&f->frameworks, id);
	assert_non_null(fw);
	assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
	return fw->hash;
}

void test_exec(store *s, const char *sql)
{
	err e = {0};
	if (sql_exec(s, sql, &e) < 0)
		fail_msg("%s: %s", sql, e.msg);
}

int64_t test_write(store *s, const char *sql, const struct sql_in *in)
{
	err e = {0};
	int64_t id = 0;
	if (sql_insert(s, sql, in, &id, &e) < 0)
		fail_msg("%s: %s", sql, e.msg);
	return id;
}

/* Every column of every table, in each table's order, tables by name:
 * read from the catalogue, since the engine gives no column count. */
typedef struct table_column { const char *table, *column; } table_column;
static const sql_col table_column_cols[] = {
	SQL_COL(table_column, table, TEXT), SQL_COL(table_column, column, TEXT), SQL_TABLE_END,
};
typedef struct { table_column *items; size_t n; } table_columns;

static void columns_of_tables(store *s, arena *a, table_columns *out)
{
	err e = {0};
	const char *sql = SQL_DIALECT(s,
		"SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p"
		" WHERE m.type = 'table' ORDER BY m.name, p.cid",
		"SELECT c.relname, a.attname FROM pg_catalog.pg_class c"
		" JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
		" WHERE c.relnamespace = CAST(current_schema() AS regnamespace) AND c.relkind = 'r'"
		" AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum");
	if (SQL_LIST(s, a, sql, NULL, out, table_column_cols, &e) < 0)
		fail_msg("the tables' columns: %s", e.msg);
}

/* Writes the rows of the table whose columns start at cols[*i] (moving
 * *i past them), each row as one text selected in SQL, so that it runs
 * on both engines. */
static void rows_text_to(store *s, FILE *out, const table_columns *cols, size_t *i, const char *where,
			 int64_t id)
{
	const char *table = cols->items[*i].table;
	char sql[8192];
	size_t len = (size_t)snprintf(sql, sizeof sql, "SELECT ");
	for (size_t first = *i; *i < cols->n && !strcmp(cols->items[*i].table, table); (*i)++)
		if (len < sizeof sql)
			len += (size_t)snprintf(sql + len, sizeof sql - len, "%sCOALESCE(CAST(\"%s\" AS TEXT), 'NULL')",
						*i > first ? " || '|' || " : "", cols->items[*i].column);
	if (len < sizeof sql)
		len += (size_t)snprintf(sql + len, sizeof sql - len, " FROM \"%s\"%s%s ORDER BY 1", table,
					where ? " WHERE " : "", where ? where : "");
	if (len >= sizeof sql)
		fail_msg("the rows of %s need a longer statement", table);
	arena a = {0};
	struct { const char **items; size_t n; } rows = {0};
	err e = {0};
	if (SQL_LIST(s, &a, sql, where ? SQL_ID_ARG(id) : NULL, &rows, sql_text_row, &e) < 0)
		fail_msg("%s: %s", sql, e.msg);
	for (size_t r = 0; r < rows.n; r++)
		fprintf(out, "%s\n", rows.items[r]);
	arena_free(&a);
}

char *test_rows_text(store *s, const char *table, const char *where, int64_t id)
{
	arena a = {0};
	table_columns cols = {0};
	columns_of_tables(s, &a, &cols);
	size_t i = 0;
	while (i < cols.n && strcmp(cols.items[i].table, table))
		i++;
	if (i == cols.n)
		fail_msg("no table %s", table);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	rows_text_to(s, out, &cols, &i, where, id);
	fclose(out);
	arena_free(&a);
	return text;
}

char *test_snapshot(store *s)
{
	arena a = {0};
	table_columns cols = {0};
	columns_of_tables(s, &a, &cols);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	for (size_t i = 0; i < cols.n;) {
		fprintf(out, "%s:\n", cols.items[i].table);
		rows_text_to(s, out, &cols, &i, NULL, 0);
	}
	fclose(out);
	arena_free(&a);
	return text;
}

int64_t fixture_count(fixture *f, const char *sql)
{
	int64_t n = -1;
	err e = {0};
	if (sql_get_int(&f->db, sql, NULL, &n, &e) < 0)
		fail_msg("%s: %s", sql, e.msg);
	return n;
}

int64_t test_count_rows(store *s)
{
	arena a = {0};
	struct { const char **items; size_t n; } tables = {0};
	err e = {0};
	int64_t n = 0;
	const char *list = SQL_DIALECT(s,
		"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
		" AND name NOT IN ('schema_migration', 'sign_in_failure', 'revision_change')",
		"SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
		" AND tablename NOT IN ('schema_migration', 'sign_in_failure', 'revision_change')");
	if (SQL_LIST(s, &a, list, NULL, &tables, sql_text_row, &e) < 0)
		n = -1;
	for (size_t i = 0; i < tables.n && n >= 0; i++) {
		char sql[200];
		int64_t rows = 0;
		snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM \"%s\"", tables.items[i]);
		n = sql_get_int(s, sql, NULL, &rows, &e) < 0 ? -1 : n + rows;
	}
	arena_free(&a);
	return n;
}

void body_has(const char *body, const char *text)
{
	if (!strstr(body, text))
		fail_msg("expected \"%s\" on the page", text);
}

void body_lacks(const char *body, const char *text)
{
	if (strstr(body, text))
		fail_msg("did not expect \"%s\" on the page", text);
}

size_t plan_lines_with(const store_plan *plan, const char *text)
{
	size_t found = 0;
	for (size_t i = 0; i < plan->n; i++)
		found += strstr(plan->lines[i], text) != NULL;
	return found;
}

const struct report_block *test_report_table(const struct report_doc *r, const char *caption)
{
	for (const report_block *b = r->first; b; b = b->next)
		if (b->kind == REPORT_TABLE && !strcmp(b->text, caption))
			return b;
	fail_msg("the report has no table \"%s\"", caption);
	return NULL;
}

/* tests/NAME beside the instruments' folder (the repository's tests/). */
static void tests_path(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/../tests/%s", test_frameworks_dir(), name);
}

void test_sink_start(test_sink *s, const char *dir, const char *const *options)
{
	char script[512];
	tests_path(script, sizeof script, "smtp_sink.py");
	const char *argv[16] = {"/usr/bin/python3", script, dir};
	size_t n = 3;
	for (size_t i = 0; options && options[i] && n < 15; i++)
		argv[n++] = options[i];
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(fd[1]);
	FILE *in = fdopen(fd[0], "r");
	char line[64] = "";
	bool got = in && fgets(line, sizeof line, in);
	if (in)
		fclose(in);
	*s = (test_sink){.pid = pid};
	if (!got || sscanf(line, "port %d", &s->port) != 1) {
		test_sink_stop(s);
		fail_msg("tests/smtp_sink.py did not start (is python3-aiosmtpd installed?)");
	}
	snprintf(s->dir, sizeof s->dir, "%s", dir);
	snprintf(s->url, sizeof s->url, "smtp://127.0.0.1:%d", s->port);
	snprintf(s->ca, sizeof s->ca, "%s/tls/cert.pem", dir);
}

void test_sink_stop(test_sink *s)
{
	if (s->pid <= 0)
		return;
	kill(s->pid, SIGTERM);
	waitpid(s->pid, NULL, 0);
	s->pid = 0;
}

char *test_mail_latest(const test_sink *s, const char *to, const char *what, int wait)
{
	char script[512], command[1200];
	tests_path(script, sizeof script, "mail_read.py");
	snprintf(command, sizeof command, "/usr/bin/python3 '%s' '%s' '%s' '%s' --wait %d 2>/dev/null",
		 script, s->dir, to, what, wait);
	FILE *p = popen(command, "r");
	assert_non_null(p);
	char *out = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&out, &size);
	char buf[4096];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, p)) > 0)
		fwrite(buf, 1, got, mem);
	fclose(mem);
	if (pclose(p) != 0) {
		free(out);
		return NULL;
	}
	if (size > 0 && out[size - 1] == '\n')
		out[size - 1] = '\0';
	return out;
}
