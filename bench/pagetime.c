/* pagetime.c: bench-pagetime times pages inside copro, with no socket and no
 * HTTP: each path goes through web_dispatch as the server would run it
 * (request_create, the dispatcher's sign-in and access checks, the
 * handler), N times after a warm-up, and the server time per page is
 * reported as median, p90, p99 and max.
 *
 * Signing in: pagetime calls sign_in with a password (one argon2id check
 * per run), by default the one every account of bench-generate has, and
 * ends the session when done. Looking up which area, organisation,
 * evaluation and statement to time reads the database directly; that SQL
 * is a benchmark's own, not copro's.
 *
 * --summary times the whole-country summary (national_summary_load, as
 * `copro area summary` runs it) in-process the same way: no request and
 * no sign-in, a fresh arena per run.
 *
 * --raw FILE keeps every timed run, so that bench/run-pg can pool the
 * runs of several short rounds. Under callgrind (valgrind --tool=callgrind,
 * best with --instr-atstart=no, which spares the sign-in's password hash),
 * each page's timed runs are counted alone: the counters are zeroed after
 * its warm-up and dumped after its runs, the dump named by the path. */
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#endif
#endif
#ifndef CALLGRIND_ZERO_STATS    /* no valgrind headers: nothing is counted */
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(reason) ((void)(reason))
#define CALLGRIND_START_INSTRUMENTATION
#endif

#include "core/arena.h"
#include "core/err.h"
#include "domain/account.h"
#include "domain/domain.h"
#include "domain/national.h"
#include "framework/framework.h"
#include "store/sql.h"
#include "store/store.h"
#include "web/web.h"

#define BENCH_PASSWORD "copro bench timing only"
#define MAX_PATHS 256

typedef struct page {
	const char *label;              /* what the page is, for the table ("" if given) */
	char *path;
	int status;
	size_t bytes;
	int queries;                    /* SQL statements one request runs */
	int trips;                      /* and the round trips they took (store_round_trips) */
	double median, p90, p99, max;   /* ms */
} page;

typedef struct bench {
	const char *db_path, *user, *password, *area_name, *paths_file, *raw_path;
	FILE *raw;                      /* --raw: every timed run, "PATH ms" a line */
	int64_t org;
	int repeat, warmup;
	double target_ms;
	double slow_sql_ms;             /* > 0: print statements slower than this */
	const page *current;            /* the page being counted, for that report */
	uint64_t statements_before;     /* store_statements when the count began */
	uint64_t trips_before;          /* store_round_trips then */
	bool markdown;
	bool summary;                   /* time the whole-country summary too */
	bool target_given;
	double summary_target_ms;       /* 500 unless --target-ms is given */
	page summary_row;               /* its figures; status holds the areas */
	store db;
	fw_registry reg;
	arena mem;
	domain d;
	web_config cfg;
	session sess;
	bool signed_in;
	page pages[MAX_PATHS];
	size_t n_pages;
	err e;
} bench;

static int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A message on stderr; answers -1. */
static int fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "bench-pagetime: ");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return -1;
}

/* A mistake on the command line; answers 2, the exit status. */
static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "bench-pagetime: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nRun bench-pagetime --help for the options.\n");
	va_end(ap);
	return 2;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bench-pagetime --db PATH [--user EMAIL] [--password TEXT] [--repeat N]\n"
		"                      [--warmup N] [--area NAME] [--org ID] [--paths FILE]\n"
		"                      [--target-ms N] [--summary] [--raw FILE] [--markdown]\n"
		"                      [PATH...]\n"
		"\n"
		"Times GET pages inside copro (no socket): each path runs through the\n"
		"dispatcher N times after a warm-up; prints status, bytes, SQL statements\n"
		"per request and the median, p90, p99 and max server time in ms.\n"
		"\n"
		"  --db PATH       the database (for example one made by bench-generate)\n"
		"  --user EMAIL    who signs in (default: the first administrator of the\n"
		"                  area of --area or --org)\n"
		"  --password TEXT the password (default: bench-generate's, \"%s\")\n"
		"  --repeat N      timed runs per page, 1 to 100000 (default 20)\n"
		"  --warmup N      untimed runs first, 0 to 1000 (default 3)\n"
		"  --area NAME     the area's pages (portfolio, dashboard, projects, audits,\n"
		"                  exports, activity) and its heaviest organisation's pages\n"
		"  --org ID        the organisation's home, evaluation overview, heaviest\n"
		"                  statement, evidence library, audits and projects\n"
		"  --paths FILE    more paths, one a line (# starts a comment; - reads stdin)\n"
		"  --target-ms N   the server time target shown as met or missed (default 50)\n"
		"  --slow-sql N    print each SQL statement taking N ms or more (SQLite), with its\n"
		"                  values, on stderr (measured in one extra run per page)\n"
		"  --summary       time the whole-country summary (copro area summary)\n"
		"                  in-process, as a row \"whole-country summary\"; its\n"
		"                  target is 500 ms unless --target-ms is given\n"
		"  --raw FILE      write every timed run to FILE, one a line: the path (or\n"
		"                  \"summary\") and its ms\n"
		"  --markdown      print a Markdown table\n"
		"\n"
		"Under valgrind --tool=callgrind, each page's timed runs are counted alone:\n"
		"one dump per page, named by its path.\n",
		BENCH_PASSWORD);
}

static bool parse_int(const char *text, long min, long max, long *out)
{
	if (!text || !*text)
		return false;
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static int add_page(bench *b, const char *label, const char *path)
{
	if (b->n_pages == MAX_PATHS)
		return fail("more than %d paths: time them in several runs.", MAX_PATHS);
	if (path[0] != '/')
		return fail("\"%s\" is not a path: paths start with / (for example /org/1/evidence).", path);
	page *p = &b->pages[b->n_pages++];
	p->label = label;
	p->path = arena_strdup(&b->mem, path);
	return 0;
}

static int parse_args(bench *b, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			exit(0);
		}
		if (!strcmp(a, "--markdown")) {
			b->markdown = true;
			continue;
		}
		if (!strcmp(a, "--summary")) {
			b->summary = true;
			continue;
		}
		if (a[0] != '-') {
			if (add_page(b, "", a) < 0)
				return 2;
			continue;
		}
		static const char *const with_value[] = {"--db", "--user", "--password", "--repeat",
							 "--warmup", "--area", "--org", "--paths",
							 "--target-ms", "--slow-sql", "--raw"};
		bool known = false;
		for (size_t k = 0; k < sizeof with_value / sizeof *with_value; k++)
			known |= !strcmp(a, with_value[k]);
		if (!known)
			return usage_error("unknown option %s.", a);
		if (i + 1 >= argc)
			return usage_error("%s needs a value.", a);
		const char *v = argv[++i];
		long n;
		if (!strcmp(a, "--db"))
			b->db_path = v;
		else if (!strcmp(a, "--user"))
			b->user = v;
		else if (!strcmp(a, "--password"))
			b->password = v;
		else if (!strcmp(a, "--area"))
			b->area_name = v;
		else if (!strcmp(a, "--paths"))
			b->paths_file = v;
		else if (!strcmp(a, "--raw"))
			b->raw_path = v;
		else if (!strcmp(a, "--repeat")) {
			if (!parse_int(v, 1, 100000, &n))
				return usage_error("--repeat must be a whole number from 1 to 100000 (not \"%s\").", v);
			b->repeat = (int)n;
		} else if (!strcmp(a, "--warmup")) {
			if (!parse_int(v, 0, 1000, &n))
				return usage_error("--warmup must be a whole number from 0 to 1000 (not \"%s\").", v);
			b->warmup = (int)n;
		} else if (!strcmp(a, "--org")) {
			if (!parse_int(v, 1, 1L << 30, &n))
				return usage_error("--org must be an organisation number (not \"%s\").", v);
			b->org = n;
		} else if (!strcmp(a, "--slow-sql")) {
			if (!parse_int(v, 1, 100000, &n))
				return usage_error("--slow-sql must be a whole number of milliseconds (not \"%s\").", v);
			b->slow_sql_ms = (double)n;
		} else {
			if (!parse_int(v, 1, 100000, &n))
				return usage_error("--target-ms must be a whole number of milliseconds (not \"%s\").", v);
			b->target_ms = (double)n;
			b->target_given = true;
		}
	}
	if (!b->db_path)
		return usage_error("give --db PATH: the database whose pages to time.");
	if (!b->n_pages && !b->area_name && !b->org && !b->paths_file && !b->summary)
		return usage_error("give the pages to time: paths, --area NAME, --org ID, --paths FILE or --summary.");
	b->summary_target_ms = b->target_given ? b->target_ms : 500;
	if (b->summary && !b->n_pages && !b->area_name && !b->org && !b->paths_file)
		b->target_ms = b->summary_target_ms;
	return 0;
}

static int read_paths(bench *b)
{
	FILE *f = strcmp(b->paths_file, "-") ? fopen(b->paths_file, "r") : stdin;
	if (!f)
		return fail("cannot read %s: %s.", b->paths_file, strerror(errno));
	char line[4096];
	int rc = 0;
	while (rc == 0 && fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p && *p != '#')
			rc = add_page(b, "", p);
	}
	if (f != stdin)
		fclose(f);
	return rc;
}

/* ---- finding what to time (the benchmark's own queries) ------------------ */

/* One integer (or text, when `text` is given) from a query with one
 * integer or text parameter; 0 when there is no row. Through the store's
 * statements, so the same text runs on SQLite and PostgreSQL. */
static int64_t lookup(bench *b, const char *sql, int64_t id, const char *param, char *text,
		      size_t size)
{
	const sql_in *in = param ? SQL_ARGS(sql_text(param)) : SQL_ARGS(sql_int(id));
	int64_t v = 0;
	const char *t = NULL;
	int rc = text ? sql_get(&b->db, &b->mem, sql, in, &t, sql_text_row, &b->e)
		      : sql_get_int(&b->db, sql, in, &v, &b->e);
	if (rc < 0) {
		fprintf(stderr, "bench-pagetime: %s\n", b->e.msg);
		return 0;
	}
	if (text && rc > 0 && t) {
		snprintf(text, size, "%s", t);
		v = 1;
	}
	return v;
}

static int add_org_pages(bench *b, int64_t org)
{
	char path[256], element[64] = "";
	int64_t eval = lookup(b,
		"SELECT l.evaluation_id FROM evidence_link l JOIN evaluation ev ON ev.id = l.evaluation_id"
		" WHERE ev.organisation_id = ? GROUP BY l.evaluation_id ORDER BY COUNT(*) DESC, l.evaluation_id DESC"
		" LIMIT 1", org, NULL, NULL, 0);
	if (!eval)
		eval = lookup(b, "SELECT MAX(id) FROM evaluation WHERE organisation_id = ?", org, NULL, NULL, 0);
	snprintf(path, sizeof path, "/org/%lld", (long long)org);
	if (add_page(b, "organisation home", path) < 0)
		return -1;
	if (eval) {
		lookup(b, "SELECT element_key FROM evidence_link WHERE evaluation_id = ? GROUP BY element_key"
			  " ORDER BY COUNT(*) DESC, element_key LIMIT 1", eval, NULL, element, sizeof element);
		snprintf(path, sizeof path, "/org/%lld/evaluation/%lld", (long long)org, (long long)eval);
		if (add_page(b, "evaluation overview", path) < 0)
			return -1;
		if (element[0]) {
			snprintf(path, sizeof path, "/org/%lld/evaluation/%lld/statement/%s", (long long)org,
				 (long long)eval, element);
			if (add_page(b, "heaviest statement", path) < 0)
				return -1;
		}
	}
	static const struct { const char *label, *suffix; } more[] = {
		{"evidence library", "evidence"}, {"organisation's audits", "audits"},
		{"organisation's projects", "projects"},
	};
	for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
		snprintf(path, sizeof path, "/org/%lld/%s", (long long)org, more[i].suffix);
		if (add_page(b, more[i].label, path) < 0)
			return -1;
	}
	return 0;
}

static const char *area_admin_email(bench *b, int64_t area)
{
	char email[320] = "";
	lookup(b, "SELECT u.email FROM membership m JOIN app_user u ON u.id = m.user_id"
		  " WHERE m.role = 'area-admin' AND m.area_id = ? ORDER BY u.id LIMIT 1",
	       area, NULL, email, sizeof email);
	return email[0] ? arena_strdup(&b->mem, email) : NULL;
}

static int expand(bench *b)
{
	int64_t area = 0;
	if (b->area_name) {
		area = lookup(b, "SELECT id FROM area WHERE name = ?", 0, b->area_name, NULL, 0);
		if (!area)
			return fail("there is no area called \"%s\" in %s: check the name (sqlite3 DB 'SELECT name FROM area').",
				    b->area_name, b->db_path);
		static const struct { const char *label, *suffix; } pages[] = {
			{"area portfolio", ""}, {"area dashboard", "/dashboard"},
			{"area projects", "/projects"}, {"area audits", "/audits"},
			{"area export audits.csv", "/export/audits.csv"},
			{"area export area.xlsx", "/export/area.xlsx"}, {"area activity", "/activity"},
		};
		for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
			char path[128];
			snprintf(path, sizeof path, "/area/%lld%s", (long long)area, pages[i].suffix);
			if (add_page(b, pages[i].label, path) < 0)
				return -1;
		}
		int64_t heaviest = lookup(b,
			"SELECT ev.organisation_id FROM evidence_link l JOIN evaluation ev ON ev.id = l.evaluation_id"
			" JOIN organisation o ON o.id = ev.organisation_id WHERE o.area_id = ?"
			" GROUP BY ev.organisation_id ORDER BY COUNT(*) DESC, ev.organisation_id LIMIT 1",
			area, NULL, NULL, 0);
		if (heaviest && add_org_pages(b, heaviest) < 0)
			return -1;
	}
	if (b->org) {
		int64_t org_area = lookup(b, "SELECT COALESCE(area_id, 0) FROM organisation WHERE id = ?", b->org,
					  NULL, NULL, 0);
		if (!lookup(b, "SELECT COUNT(*) FROM organisation WHERE id = ?", b->org, NULL, NULL, 0)) {
			return fail("there is no organisation %lld in %s.", (long long)b->org, b->db_path);
		}
		if (!area)
			area = org_area;
		if (add_org_pages(b, b->org) < 0)
			return -1;
	}
	if (!b->user && area)
		b->user = area_admin_email(b, area);
	if (!b->user)
		return fail("give --user EMAIL: there is no area administrator to sign in as.");
	return 0;
}

/* ---- timing -------------------------------------------------------------- */

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int hex(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	     : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes %XX and + in place, as a query string arrives. */
static void url_decode(char *s)
{
	char *out = s;
	for (; *s; s++) {
		if (*s == '+') {
			*out++ = ' ';
		} else if (*s == '%' && hex(s[1]) >= 0 && hex(s[2]) >= 0) {
			*out++ = (char)(hex(s[1]) * 16 + hex(s[2]));
			s += 2;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

/* The counting run with --slow-sql on SQLite: each statement that took
 * long, with its values. */
static int trace_statement(unsigned type, void *ctx, void *p, void *x)
{
	bench *b = ctx;
	const page *pg = b->current;
	if (type != SQLITE_TRACE_PROFILE)
		return 0;
	double ms = (double)*(sqlite3_int64 *)x / 1e6;
	if (ms >= b->slow_sql_ms) {
		char *sql = sqlite3_expanded_sql(p);
		fprintf(stderr, "slow SQL in %s: %.2f ms: %s\n", pg->path, ms, sql ? sql : sqlite3_sql(p));
		sqlite3_free(sql);
	}
	return 0;
}

/* One request, as the server runs it: everything from creating the
 * request to freeing it counts. */
static double run_once(bench *b, page *pg)
{
	double t0 = now_ms();
	char *query = strchr(pg->path, '?');
	request *r;
	if (query) {
		char *path = strndup(pg->path, (size_t)(query - pg->path));
		r = request_create(&b->cfg, "GET", path);
		free(path);
	} else {
		r = request_create(&b->cfg, "GET", pg->path);
	}
	if (!r)
		abort();
	r->d = (domain){.db = &b->db, .frameworks = &b->reg, .mem = &r->mem};
	r->address = "127.0.0.1";
	r->session_cookie = b->sess.token;
	if (query) {
		char *q = arena_strdup(&r->mem, query + 1);
		for (char *pair = strtok(q, "&"); pair; pair = strtok(NULL, "&")) {
			char *eq = strchr(pair, '=');
			if (eq)
				*eq++ = '\0';
			url_decode(pair);
			if (eq)
				url_decode(eq);
			request_add_query(r, pair, eq ? eq : "");
		}
	}
	web_dispatch(r);
	if (b->db.in_tx)
		store_rollback(&b->db);         /* as the server does */
	pg->status = r->status;
	pg->bytes = r->out.len;
	struct stat sb;
	if (r->file_path && stat(r->file_path, &sb) == 0)
		pg->bytes = (size_t)sb.st_size;
	request_destroy(r);
	return now_ms() - t0;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Nearest rank: the smallest value with at least p% of the runs at or below. */
static double percentile(const double *sorted, int n, double p)
{
	int rank = (int)(p / 100.0 * n + 0.999999);
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return sorted[rank - 1];
}

/* The median, p90, p99 and max of `b->repeat` timed runs (sorted here);
 * with --raw each run first, in the order they ran. */
static void summarise_runs(bench *b, page *pg, double *runs)
{
	for (int i = 0; b->raw && i < b->repeat; i++)
		fprintf(b->raw, "%s %.4f\n", pg == &b->summary_row ? "summary" : pg->path, runs[i]);
	qsort(runs, (size_t)b->repeat, sizeof *runs, compare_double);
	pg->median = b->repeat % 2 ? runs[b->repeat / 2]
				   : (runs[b->repeat / 2 - 1] + runs[b->repeat / 2]) / 2;
	pg->p90 = percentile(runs, b->repeat, 90);
	pg->p99 = percentile(runs, b->repeat, 99);
	pg->max = runs[b->repeat - 1];
}

/* Counts the SQL statements of the next run, which is not timed, by the
 * store's own count (both engines; BEGIN and COMMIT not counted), and
 * with --slow-sql on SQLite times each. */
static void trace_start(bench *b, page *pg)
{
	b->current = pg;
	b->statements_before = store_statements(&b->db);
	b->trips_before = store_round_trips(&b->db);
	if (b->db.db && b->slow_sql_ms > 0)
		sqlite3_trace_v2(b->db.db, SQLITE_TRACE_PROFILE, trace_statement, b);
}

static void trace_stop(bench *b, page *pg)
{
	pg->queries = (int)(store_statements(&b->db) - b->statements_before);
	pg->trips = (int)(store_round_trips(&b->db) - b->trips_before);
	if (b->db.db)
		sqlite3_trace_v2(b->db.db, 0, NULL, NULL);
}

static void time_page(bench *b, page *pg, double *runs)
{
	for (int i = 0; i < b->warmup; i++)
		run_once(b, pg);
	CALLGRIND_ZERO_STATS;
	for (int i = 0; i < b->repeat; i++)
		runs[i] = run_once(b, pg);
	CALLGRIND_DUMP_STATS_AT(pg->path);
	summarise_runs(b, pg, runs);
	/* One more run, untimed, counting the SQL statements it steps. */
	trace_start(b, pg);
	run_once(b, pg);
	trace_stop(b, pg);
}

/* One whole-country summary, as `copro area summary` loads it, in an arena
 * of its own; answers the ms taken, or -1 (e set) when it failed. */
static double summary_once(bench *b, page *pg)
{
	double t0 = now_ms();
	arena mem = {0};
	domain d = {.db = &b->db, .frameworks = &b->reg, .mem = &mem};
	national_summary s;
	int rc = national_summary_load(&d, NULL, &s, &b->e);
	pg->status = rc < 0 ? -1 : (int)s.n_areas;
	arena_free(&mem);
	return rc < 0 ? -1 : now_ms() - t0;
}

static int time_summary(bench *b, double *runs)
{
	page *pg = &b->summary_row;
	pg->label = "whole-country summary";
	pg->path = "(no path)";
	for (int i = 0; i < b->warmup; i++)
		if (summary_once(b, pg) < 0)
			return fail("the whole-country summary failed: %s", b->e.msg);
	for (int i = 0; i < b->repeat; i++)
		if ((runs[i] = summary_once(b, pg)) < 0)
			return fail("the whole-country summary failed: %s", b->e.msg);
	summarise_runs(b, pg, runs);
	trace_start(b, pg);
	summary_once(b, pg);
	trace_stop(b, pg);
	return 0;
}

/* Met or missed; the target is named when the table's heading shows
 * another (pages timed too, with their 50 ms). */
static const char *summary_verdict(const bench *b, const page *pg)
{
	double t = b->summary_target_ms;
	bool met = pg->median <= t && pg->p99 <= t;
	if (t == b->target_ms)
		return met ? "met" : "MISSED";
	return met ? "met (500 ms target)" : "MISSED (500 ms target)";
}

static const char *verdict(const bench *b, const page *pg)
{
	if (pg->status < 200 || pg->status >= 300)
		return "not timed (no page)";
	return pg->median <= b->target_ms && pg->p99 <= b->target_ms ? "met" : "MISSED";
}

/* The statement count, "-" where it was not counted (PostgreSQL). */
typedef struct count_text {
	char s[32];
} count_text;

static count_text queries_text(const page *p)
{
	count_text t = {"-"};
	/* Round trips where fewer than the statements (PostgreSQL's reads
	 * sent together); bench/run-pg reads the count from SQLite's table. */
	if (p->queries >= 0 && p->trips < p->queries)
		snprintf(t.s, sizeof t.s, "%d in %d", p->queries, p->trips);
	else if (p->queries >= 0)
		snprintf(t.s, sizeof t.s, "%d", p->queries);
	return t;
}

static void print_results(const bench *b)
{
	if (b->markdown) {
		printf("| page | path | status | bytes | SQL statements | median ms | p90 ms | p99 ms | max ms | %.0f ms target |\n",
		       b->target_ms);
		printf("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
		for (size_t i = 0; i < b->n_pages; i++) {
			const page *p = &b->pages[i];
			printf("| %s | `%s` | %d | %zu | %s | %.2f | %.2f | %.2f | %.2f | %s |\n", p->label, p->path,
			       p->status, p->bytes, queries_text(p).s, p->median, p->p90, p->p99, p->max, verdict(b, p));
		}
		if (b->summary) {
			const page *p = &b->summary_row;
			printf("| %s | %s | %d areas | - | %s | %.2f | %.2f | %.2f | %.2f | %s |\n", p->label,
			       p->path, p->status, queries_text(p).s, p->median, p->p90, p->p99, p->max,
			       summary_verdict(b, p));
		}
		return;
	}
	if (b->summary) {
		const page *p = &b->summary_row;
		printf("Whole-country summary (national_summary_load, %d areas), %d runs after %d warm-up runs:\n"
		       "%s SQL statements; median %.2f ms, p90 %.2f, p99 %.2f, max %.2f; %.0f ms target %s\n",
		       p->status, b->repeat, b->warmup, queries_text(p).s, p->median, p->p90, p->p99, p->max,
		       b->summary_target_ms, p->median <= b->summary_target_ms && p->p99 <= b->summary_target_ms
		       ? "met" : "MISSED");
		if (!b->n_pages)
			return;
	}
	printf("Server time in ms, %d runs per page after %d warm-up runs, signed in as %s:\n", b->repeat,
	       b->warmup, b->user);
	printf("%-60s %6s %9s %5s %8s %8s %8s %8s  %s\n", "path", "status", "bytes", "SQL", "median",
	       "p90", "p99", "max", "target");
	for (size_t i = 0; i < b->n_pages; i++) {
		const page *p = &b->pages[i];
		printf("%-60s %6d %9zu %5s %8.2f %8.2f %8.2f %8.2f  %s\n", p->path, p->status, p->bytes,
		       queries_text(p).s, p->median, p->p90, p->p99, p->max, verdict(b, p));
	}
}

static int sign_in_user(bench *b)
{
	if (sign_in(&b->d, b->user, b->password, "127.0.0.1", &b->sess, &b->e) < 0) {
		fprintf(stderr, "bench-pagetime: cannot sign in as %s: %s\n"
				"bench-generate's accounts use the password \"%s\"; give --password for others.\n",
			b->user, b->e.msg, BENCH_PASSWORD);
		return -1;
	}
	b->signed_in = true;
	return 0;
}

int main(int argc, char **argv)
{
	static bench b;
	b.repeat = 20;
	b.warmup = 3;
	b.target_ms = 50;
	b.password = BENCH_PASSWORD;
	int rc = parse_args(&b, argc, argv);
	if (rc)
		return rc;
	double *runs = calloc((size_t)b.repeat, sizeof *runs);
	if (!runs)
		abort();
	rc = 1;
	bool opened = false;
	if (fw_registry_load(&b.reg, NULL, &b.e) < 0 ||
	    store_open(&b.db, b.db_path, STORE_EXISTING, &b.e) < 0) {
		fprintf(stderr, "bench-pagetime: %s\n", b.e.msg);
		goto done;
	}
	opened = true;
	if (b.raw_path && !(b.raw = fopen(b.raw_path, "w"))) {
		fprintf(stderr, "bench-pagetime: cannot write %s: %s.\n", b.raw_path, strerror(errno));
		goto done;
	}
	b.d = (domain){.db = &b.db, .frameworks = &b.reg, .mem = &b.mem};
	b.cfg = (web_config){.db_path = b.db_path, .assets_dir = "/nonexistent", .frameworks = &b.reg};
	if (b.summary && time_summary(&b, runs) < 0)
		goto done;
	bool pages = b.n_pages || b.area_name || b.org || b.paths_file;
	if (pages && ((b.paths_file && read_paths(&b) < 0) || expand(&b) < 0 || sign_in_user(&b) < 0))
		goto done;
	CALLGRIND_START_INSTRUMENTATION;
	for (size_t i = 0; i < b.n_pages; i++)
		time_page(&b, &b.pages[i], runs);
	print_results(&b);
	rc = 0;
done:
	if (b.raw && fclose(b.raw) != 0 && rc == 0) {
		fail("cannot write %s: %s.", b.raw_path, strerror(errno));
		rc = 1;
	}
	if (b.signed_in)
		session_end(&b.d, b.sess.token, &b.e);
	if (opened)
		store_close(&b.db);
	fw_registry_free(&b.reg);
	arena_free(&b.mem);
	free(runs);
	return rc;
}
