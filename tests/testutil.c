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

/* Runs one statement on the test cluster's database itself. */
void test_pg_admin(const char *uri, const char *sql)
{
	PGconn *c = PQconnectdb(uri);
	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("cannot reach COPRO_TEST_DB %s: %s", uri, PQerrorMessage(c));
	PQclear(PQexec(c, "SET client_min_messages = warning"));
	PGresult *r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		fail_msg("%s: %s", sql, PQresultErrorMessage(r));
	PQclear(r);
	PQfinish(c);
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

/* With COPRO_TEST_DB set to a PostgreSQL URI (tests/pg/cluster), each
 * fixture's database is a schema of its own in that database: made and
 * dropped in a few milliseconds, where a database of its own costs a
 * checkpoint. f->path is the URI that opens it. */
static void pg_fixture(fixture *f)
{
	const char *uri = nonempty_env("COPRO_TEST_DB");
	if (!uri)
		return;
	pg_wait(uri);
	static int n;
	store_pg_allow();
	snprintf(f->schema, sizeof f->schema, "t%d_%d", (int)getpid(), ++n);
	char sql[80];
	snprintf(sql, sizeof sql, "CREATE SCHEMA %s", f->schema);
	test_pg_admin(uri, sql);
	int w = snprintf(f->path, sizeof f->path, "%s%coptions=-csearch_path%%3D%s", uri,
			 strchr(uri, '?') ? '&' : '?', f->schema);
	assert_true(w > 0 && (size_t)w < sizeof f->path);
}

static void pg_fixture_drop(fixture *f)
{
	if (!f->schema[0])
		return;
	char sql[80];
	snprintf(sql, sizeof sql, "DROP SCHEMA %s CASCADE", f->schema);
	test_pg_admin(getenv("COPRO_TEST_DB"), sql);
}

int fixture_setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/copro-test-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
	pg_fixture(f);
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
		" AND name NOT IN ('schema_migration', 'sign_in_failure')",
		"SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
		" AND tablename NOT IN ('schema_migration', 'sign_in_failure')");
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
