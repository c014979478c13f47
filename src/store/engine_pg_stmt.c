/* engine_pg_stmt.c: PostgreSQL's statements: copro's SQL text with ?, ?N
 * and :name parameters rewritten to $N once, prepared once per connection
 * and kept by text; values bound as text (bytes as binary); results read
 * whole, in text format, and converted by the column readers. */
#include "store/engine_pg.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct pg_stmt {
	sql_stmt h;
	pg_conn *c;
	char *sql;              /* copro's text, the cache's key */
	size_t len;             /* its length */
	uint64_t hash;
	char name[24];
	int n;                  /* parameters */
	char **names;           /* ":name" of parameter i + 1, or NULL */
	char **vals;            /* bound values, copies; NULL is SQL NULL */
	int *lens, *fmts;
	Oid *kinds;             /* the type of each bound value (NULL: text) */
	char *untyped;          /* the $N text, while a parameter's type waits
				 * for the first run (prepare_typed) */
	int first_untyped;      /* the parameter the first prepare named */
	PGresult *res;
	int row, rows;
	bool returns_id;        /* an INSERT given RETURNING id for last_id */
	bool cached, busy;
	unsigned char *blob;    /* the last column read as bytes */
} pg_stmt;

/* Type OIDs (pg_type.dat), which libpq's headers do not name. */
#define PG_TYPE_BYTEA 17
#define PG_TYPE_INT8 20
#define PG_TYPE_TEXT 25
#define PG_TYPE_FLOAT8 701

#define CACHE_SLOTS 512         /* a power of two, as SQLite's cache (db.c) */

struct pg_cache {
	pg_stmt *slot[CACHE_SLOTS];
	size_t used;
};

void *pg_must(void *p)
{
	if (!p)
		abort();
	return p;
}

pg_conn *pg_conn_new(void)
{
	pg_conn *c = pg_must(calloc(1, sizeof *c));
	c->cache = pg_must(calloc(1, sizeof *c->cache));
	return c;
}

/* ---- preparing --------------------------------------------------------------- */

/* Whether `sql` is an INSERT into a table with an id column and no
 * RETURNING of its own: then RETURNING id gives sql_last_id its value
 * (PostgreSQL has no last insert id; lastval() would see a trigger's). */
static bool wants_id(pg_conn *c, const char *sql)
{
	while (isspace((unsigned char)*sql))
		sql++;
	if (strncasecmp(sql, "INSERT INTO ", 12) != 0 || strstr(sql, "RETURNING"))
		return false;
	const char *t = sql + 12;
	size_t n = strcspn(t, " (");
	char table[64];
	if (n == 0 || n >= sizeof table)
		return false;
	snprintf(table, sizeof table, "%.*s", (int)n, t);
	const char *v[1] = {table};
	PGresult *res = PQexecParams(c->conn,
		"SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass($1)"
		" AND attname = 'id' AND NOT attisdropped", 1, NULL, v, NULL, NULL, 0);
	bool yes = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
	PQclear(res);
	return yes;
}

static void stmt_free(pg_stmt *st)
{
	if (!st)
		return;
	PQclear(st->res);
	PQfreemem(st->blob);
	for (int i = 0; i < st->n; i++) {
		free(st->names[i]);
		free(st->vals[i]);
	}
	free(st->names);
	free(st->vals);
	free(st->lens);
	free(st->fmts);
	free(st->kinds);
	free(st->untyped);
	free(st->sql);
	free(st);
}

/* Eight bytes at a step, each mixed down into the low bits the slot is
 * taken from: every statement a request runs is found by its text, of
 * some hundreds of bytes, and hashing it a byte at a step cost a POST
 * about 18,000 instructions (bench/serve-callgrind). */
static uint64_t text_hash(const char *sql, size_t n)
{
	uint64_t h = 1469598103934665603ull ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, sql + i, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ull;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)sql[i]) * 1099511628211ull;
	return h ^ (h >> 32);
}

/* PQprepare; inside a transaction under a savepoint, in the same round
 * trip (a pipeline), so that a refused prepare does not end the
 * transaction: PostgreSQL ends it at any error, SQLite goes on. */
static PGresult *prepare_kept(PGconn *conn, const char *name, const char *sql, int n, const Oid *types)
{
	if (PQtransactionStatus(conn) != PQTRANS_INTRANS || !PQenterPipelineMode(conn))
		return PQprepare(conn, name, sql, n, types);
	PQsendQueryParams(conn, "SAVEPOINT copro_prepare", 0, NULL, NULL, NULL, NULL, 0);
	PQsendPrepare(conn, name, sql, n, types);
	PQsendQueryParams(conn, "RELEASE SAVEPOINT copro_prepare", 0, NULL, NULL, NULL, NULL, 0);
	PQpipelineSync(conn);
	/* Each command's results end with NULL; the sync's ends the pipeline.
	 * Kept: the first error, else the prepare's result. */
	PGresult *kept = NULL;
	int cmd = 0, failed = -1;
	for (int guard = 0; guard < 16; guard++) {
		PGresult *res = PQgetResult(conn);
		if (!res) {
			cmd++;
			continue;
		}
		ExecStatusType status = PQresultStatus(res);
		if (status == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			break;
		}
		if (status == PGRES_FATAL_ERROR && failed < 0) {
			PQclear(kept);
			kept = res;
			failed = cmd;
		} else if (cmd == 1 && !kept) {
			kept = res;
		} else {
			PQclear(res);
		}
	}
	if (!PQexitPipelineMode(conn))
		fprintf(stderr, "copro: pipeline not ended: %s", PQerrorMessage(conn));
	if (failed == 1)        /* the savepoint stood: back to it */
		PQclear(PQexec(conn, "ROLLBACK TO SAVEPOINT copro_prepare; RELEASE SAVEPOINT copro_prepare"));
	return kept ? kept : PQprepare(conn, name, sql, n, types);
}

/* The N of "parameter $N" when PostgreSQL could not tell a parameter's
 * type, else 0: SQLSTATE 42P08 for a statement prepared by the protocol
 * (42P18 for SQL's PREPARE), the number only in the message. */
static int untyped_param(const PGresult *res)
{
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	const char *dollar = msg ? strstr(msg, "data type of parameter $") : NULL;
	if (!state || (strcmp(state, "42P08") != 0 && strcmp(state, "42P18") != 0) || !dollar)
		return 0;
	return atoi(dollar + strlen("data type of parameter $"));
}

static pg_stmt *prepare_new(store *s, const char *sql, uint64_t h, err *e)
{
	pg_conn *c = s->pg;
	pg_rewrite r = {0};
	pg_rewrite_sql(sql, &r);
	pg_stmt *st = pg_must(calloc(1, sizeof *st));
	*st = (pg_stmt){.h = {&sql_engine_pg}, .c = c, .hash = h, .n = r.max, .names = r.names};
	st->sql = pg_must(strdup(sql));
	st->len = strlen(sql);
	snprintf(st->name, sizeof st->name, "c%u", ++c->next_name);
	st->vals = pg_must(calloc((size_t)r.max + 1, sizeof *st->vals));
	st->lens = pg_must(calloc((size_t)r.max + 1, sizeof *st->lens));
	st->fmts = pg_must(calloc((size_t)r.max + 1, sizeof *st->fmts));
	st->kinds = pg_must(calloc((size_t)r.max + 1, sizeof *st->kinds));
	st->returns_id = wants_id(c, r.out);
	if (st->returns_id) {
		r.out = pg_must(realloc(r.out, r.len + 16));
		strcat(r.out, " RETURNING id");
	}
	PGresult *res = prepare_kept(c->conn, st->name, r.out, 0, NULL);
	st->first_untyped = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : untyped_param(res);
	if (st->first_untyped > 0) {
		PQclear(res);
		st->untyped = r.out;    /* typed at the first run, by its values */
		return st;
	}
	free(r.out);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		int rc = pg_result_rc(c, res);
		PQclear(res);
		stmt_free(st);
		s->engine->fail(s, rc, e);
		return NULL;
	}
	PQclear(res);
	return st;
}

/* The first run of a statement with a parameter PostgreSQL could not
 * type: each such parameter (the server names one at a time) takes the
 * type of the value bound to it now, a NULL text's, and the statement
 * keeps those types from then on (a later value goes as text, which the
 * server reads as that type). Only the parameters the server could not
 * type are given one: the rest keep the types it infers. */
static int prepare_typed(pg_conn *c, pg_stmt *st)
{
	Oid *types = pg_must(calloc((size_t)st->n + 1, sizeof *types));
	PGresult *res = NULL;
	for (int k = st->first_untyped, tries = 0; tries < st->n; tries++) {
		if (k < 1 || k > st->n || types[k - 1])
			break;
		types[k - 1] = st->kinds[k - 1] ? st->kinds[k - 1] : PG_TYPE_TEXT;
		PQclear(res);
		res = prepare_kept(c->conn, st->name, st->untyped, st->n, types);
		k = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : untyped_param(res);
	}
	free(types);
	int rc = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : pg_result_rc(c, res);
	PQclear(res);
	if (rc == 0) {
		free(st->untyped);
		st->untyped = NULL;
	}
	return rc;
}

static pg_stmt **cache_slot(struct pg_cache *k, const char *sql, size_t n, uint64_t h)
{
	for (size_t i = h & (CACHE_SLOTS - 1);; i = (i + 1) & (CACHE_SLOTS - 1)) {
		pg_stmt **cs = &k->slot[i];
		if (!*cs || ((*cs)->hash == h && (*cs)->len == n && memcmp((*cs)->sql, sql, n) == 0))
			return cs;
	}
}

sql_stmt *pg_prepare(store *s, const char *sql, err *e)
{
	struct pg_cache *k = s->pg->cache;
	size_t n = strlen(sql);
	uint64_t h = text_hash(sql, n);
	pg_stmt **cs = cache_slot(k, sql, n, h);
	if (*cs && !(*cs)->busy) {
		(*cs)->busy = true;
		return &(*cs)->h;
	}
	int sent = pg_settle(s->pg);    /* the prepare is a round trip of its own */
	if (sent) {
		s->engine->fail(s, sent, e);
		return NULL;
	}
	pg_stmt *st = prepare_new(s, sql, h, e);
	if (!st)
		return NULL;
	if (!*cs && k->used < CACHE_SLOTS / 2) {
		*cs = st;
		st->cached = true;
		k->used++;
	}
	st->busy = true;
	return &st->h;
}

static void deallocate_named(pg_conn *c, const char *name)
{
	char sql[48];
	snprintf(sql, sizeof sql, "DEALLOCATE %s", name);
	PQclear(PQexec(c->conn, sql));
}

/* A statement not kept is let go on the server too; in a failed
 * transaction, once it ends (the server would refuse the DEALLOCATE and
 * keep the statement for the connection's life). */
static void deallocate(pg_conn *c, pg_stmt *st)
{
	if (st->untyped) {      /* never prepared on the server */
		stmt_free(st);
		return;
	}
	if (PQtransactionStatus(c->conn) == PQTRANS_INERROR || c->queued) {
		c->stale = pg_must(realloc(c->stale, (c->n_stale + 1) * sizeof *c->stale));
		c->stale[c->n_stale++] = (unsigned)strtoul(st->name + 1, NULL, 10);
	} else {
		deallocate_named(c, st->name);
	}
	stmt_free(st);
}

void pg_forget_stale(pg_conn *c)
{
	if (!c->n_stale || PQtransactionStatus(c->conn) != PQTRANS_IDLE)
		return;
	for (size_t i = 0; i < c->n_stale; i++) {
		char name[24];
		snprintf(name, sizeof name, "c%u", c->stale[i]);
		deallocate_named(c, name);
	}
	c->n_stale = 0;
}

void pg_reset(sql_stmt *h)
{
	pg_stmt *st = (pg_stmt *)h;
	PQclear(st->res);
	st->res = NULL;
	PQfreemem(st->blob);
	st->blob = NULL;
	for (int i = 0; i < st->n; i++) {
		free(st->vals[i]);
		st->vals[i] = NULL;
		st->lens[i] = st->fmts[i] = 0;
		st->kinds[i] = 0;
	}
}

void pg_done(store *s, sql_stmt *h)
{
	pg_stmt *st = (pg_stmt *)h;
	sql_bind_forget(h);
	if (!st->cached) {
		deallocate(s->pg, st);
		return;
	}
	pg_reset(h);
	st->busy = false;
}

void pg_conn_free(pg_conn *c)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		stmt_free(c->cache->slot[i]);
	free(c->cache);
	free(c->stale);
	PQfinish(c->conn);
	free(c);
}

const char *pg_sql_text(sql_stmt *h)
{
	return ((pg_stmt *)h)->sql;
}

int pg_param_count(sql_stmt *h)
{
	return ((pg_stmt *)h)->n;
}

const char *pg_param_name(sql_stmt *h, int i)
{
	pg_stmt *st = (pg_stmt *)h;
	return i >= 1 && i <= st->n ? st->names[i - 1] : NULL;
}

/* ---- binding ----------------------------------------------------------------- */

static int bind_bytes(pg_stmt *st, int i, const void *v, size_t n, int fmt, Oid kind)
{
	if (i < 1 || i > st->n)
		return PG_RC_BASE + SQL_CLASS_RANGE;
	st->kinds[i - 1] = v ? kind : 0;
	free(st->vals[i - 1]);
	st->vals[i - 1] = NULL;
	if (v) {
		st->vals[i - 1] = pg_must(malloc(n + 1));
		memcpy(st->vals[i - 1], v, n);
		st->vals[i - 1][n] = '\0';
	}
	st->lens[i - 1] = (int)n;
	st->fmts[i - 1] = fmt;
	return 0;
}

int pg_bind_text(sql_stmt *h, int i, const char *v)
{
	return bind_bytes((pg_stmt *)h, i, v, v ? strlen(v) : 0, 0, PG_TYPE_TEXT);
}

/* Written by hand: a POST binds about ten, and snprintf took some 660
 * instructions for each. */
int pg_bind_int(sql_stmt *h, int i, int64_t v)
{
	char digits[20], t[21];
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	size_t n = 0, k = 0;
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		t[k++] = '-';
	while (n)
		t[k++] = digits[--n];
	return bind_bytes((pg_stmt *)h, i, t, k, 0, PG_TYPE_INT8);
}

int pg_bind_double(sql_stmt *h, int i, double v)
{
	char t[40];
	int n = snprintf(t, sizeof t, "%.17g", v);
	return bind_bytes((pg_stmt *)h, i, t, (size_t)n, 0, PG_TYPE_FLOAT8);
}

int pg_bind_null(sql_stmt *h, int i)
{
	return bind_bytes((pg_stmt *)h, i, NULL, 0, 0, 0);
}

int pg_bind_blob(sql_stmt *h, int i, const void *v, size_t n)
{
	if (n > INT32_MAX)
		return PG_RC_BASE + SQL_CLASS_TOOBIG;
	return bind_bytes((pg_stmt *)h, i, v ? v : "", n, 1, PG_TYPE_BYTEA);
}

/* ---- running and reading ------------------------------------------------------- */

/* A statement's result taken as its own: 0, or the engine's code when
 * the server refused it (the result is let go). */
static int take_result(pg_conn *c, pg_stmt *st, PGresult *res)
{
	st->res = res;
	ExecStatusType status = PQresultStatus(res);
	if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
		int rc = pg_result_rc(c, res);
		PQclear(res);
		st->res = NULL;
		return rc;
	}
	const char *cmd = PQcmdStatus(res);
	if (strncmp(cmd, "INSERT", 6) == 0 || strncmp(cmd, "UPDATE", 6) == 0 ||
	    strncmp(cmd, "DELETE", 6) == 0)
		c->changes = strtoll(PQcmdTuples(res), NULL, 10);
	if (st->returns_id && PQntuples(res) > 0)
		c->last_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	st->row = -1;
	st->rows = st->returns_id ? 0 : PQntuples(res);
	return 0;
}

static int send_one(pg_conn *c, pg_stmt *st)
{
	return take_result(c, st, PQexecPrepared(c->conn, st->name, st->n, (const char *const *)st->vals,
						 st->lens, st->fmts, 0));
}

/* The statements, with a due BEGIN first (pg_begin leaves it to go with
 * the transaction's first statement; its transaction outlives the sync),
 * in one round trip: libpq's pipeline, one sync after the last. Each
 * command's results end with NULL, the sync's ends the pipeline. 0 with
 * each statement's rows in place, or the first refusal's code (the
 * BEGIN's when it was refused), the statements holding no result. */
static int send_pipelined(pg_conn *c, pg_stmt **sts, size_t n)
{
	const char *begin = c->begin_due;
	c->begin_due = NULL;
	if (!PQenterPipelineMode(c->conn)) {
		int rc = begin ? pg_begin_now(c) : 0;
		for (size_t i = 0; i < n && !rc; i++)
			rc = send_one(c, sts[i]);
		return rc;
	}
	if (begin)
		PQsendQueryParams(c->conn, begin, 0, NULL, NULL, NULL, NULL, 0);
	for (size_t i = 0; i < n; i++)
		PQsendQueryPrepared(c->conn, sts[i]->name, sts[i]->n, (const char *const *)sts[i]->vals,
				    sts[i]->lens, sts[i]->fmts, 0);
	PQpipelineSync(c->conn);
	PGresult *got[SQL_TOGETHER_MAX + 1] = {0};
	size_t first = begin ? 0 : 1, cmd = first;
	for (size_t guard = 0; guard < 4 * (n + 2); guard++) {
		PGresult *one = PQgetResult(c->conn);
		if (!one) {
			cmd++;
			continue;
		}
		if (PQresultStatus(one) == PGRES_PIPELINE_SYNC) {
			PQclear(one);
			break;
		}
		if (cmd <= n && !got[cmd])
			got[cmd] = one;
		else
			PQclear(one);
	}
	if (!PQexitPipelineMode(c->conn))
		fprintf(stderr, "copro: pipeline not ended: %s", PQerrorMessage(c->conn));
	int rc = 0;
	if (begin && PQresultStatus(got[0]) != PGRES_COMMAND_OK)
		rc = pg_result_rc(c, got[0]);
	PQclear(got[0]);
	for (size_t i = 0; i < n; i++) {
		if (rc) {
			PQclear(got[i + 1]);
			continue;
		}
		rc = take_result(c, sts[i], got[i + 1]);
	}
	for (size_t i = 0; rc && i < n; i++) {
		PQclear(sts[i]->res);
		sts[i]->res = NULL;
	}
	return rc;
}

static int execute(pg_conn *c, pg_stmt *st)
{
	int sent = pg_settle(c);
	if (sent)
		return sent;
	if (st->untyped) {
		int rc = prepare_typed(c, st);
		if (rc)
			return rc;
	}
	return c->begin_due ? send_pipelined(c, &st, 1) : send_one(c, st);
}

/* Reads run together (sql.c's queue): the statements, bound, in one round
 * trip; each then steps through its rows as if it had run alone. */
int pg_run_together(store *s, sql_stmt **hs, size_t n)
{
	pg_stmt *sts[SQL_TOGETHER_MAX];
	int sent = pg_settle(s->pg);
	if (sent)
		return sent;
	for (size_t i = 0; i < n && i < SQL_TOGETHER_MAX; i++) {
		sts[i] = (pg_stmt *)hs[i];
		int rc = sts[i]->untyped ? prepare_typed(s->pg, sts[i]) : 0;
		if (rc)
			return rc;
	}
	return send_pipelined(s->pg, sts, n < SQL_TOGETHER_MAX ? n : SQL_TOGETHER_MAX);
}

int pg_step(store *s, sql_stmt *h)
{
	pg_stmt *st = (pg_stmt *)h;
	if (!st->res) {
		int rc = execute(s->pg, st);
		if (rc)
			return rc;
	}
	PQfreemem(st->blob);
	st->blob = NULL;
	return ++st->row < st->rows ? SQL_STEP_ROW : SQL_STEP_DONE;
}

int pg_exec_stmt(store *s, sql_stmt *h, err *e)
{
	if (sql_bind_check(s, h, e) < 0) {
		pg_done(s, h);
		return -1;
	}
	int rc = pg_step(s, h);
	pg_done(s, h);
	return rc == SQL_STEP_ROW || rc == SQL_STEP_DONE ? 0 : s->engine->fail(s, rc, e);
}

/* ---- writes sent ahead -------------------------------------------------------
 * A write whose answer the caller does not need (the statement review's
 * upsert and its activity line) is sent in a pipeline and not waited
 * for: the writes of a change and the next statement that needs an
 * answer, or the commit, share one round trip. A failure is reported by
 * that next statement or commit (the server runs nothing after it until
 * the pipeline's sync), and ends the transaction as any failure does. */

/* A long run of writes (an import's) is answered now and then, so that
 * neither side's buffer fills with what the other has not read. */
#define SENT_AHEAD_MAX 64

int pg_send_stmt(store *s, sql_stmt *h, err *e)
{
	pg_stmt *st = (pg_stmt *)h;
	pg_conn *c = s->pg;
	/* Typed at its first run, or let go on the server when done: both
	 * need answers now. */
	if (st->untyped || !st->cached || c->queued >= SENT_AHEAD_MAX ||
	    (!c->queued && !PQenterPipelineMode(c->conn)))
		return pg_exec_stmt(s, h, e);
	if (sql_bind_check(s, h, e) < 0) {
		pg_done(s, h);
		return -1;
	}
	bool sent = true, along = c->queued > 0;
	if (c->begin_due) {
		sent = PQsendQueryParams(c->conn, c->begin_due, 0, NULL, NULL, NULL, NULL, 0);
		c->begin_due = NULL;
		c->queued++;
	}
	sent = sent && PQsendQueryPrepared(c->conn, st->name, st->n, (const char *const *)st->vals,
					   st->lens, st->fmts, 0);
	/* The first write sent ahead is answered in a round trip of its own
	 * (pg_settle's); the others go along with it. */
	s->sent_along += along;
	c->queued++;
	pg_done(s, h);
	int rc = sent ? 0 : pg_settle(c);
	if (!sent && !rc)
		rc = pg_result_rc(c, NULL);
	return rc ? s->engine->fail(s, rc, e) : 0;
}

int pg_settle(pg_conn *c)
{
	bool ended;
	return pg_settle_commit(c, &ended);
}

/* As pg_settle; *ended says a COMMIT among them answered "ROLLBACK" (a
 * transaction already ended by a refusal). */
int pg_settle_commit(pg_conn *c, bool *ended)
{
	*ended = false;
	if (!c->queued)
		return 0;
	int commands = c->queued;
	c->queued = 0;
	PQpipelineSync(c->conn);
	/* Each command's results end with NULL; the sync's ends the pipeline.
	 * Kept: the first failure (those after it only say they were
	 * skipped). */
	PGresult *failed = NULL;
	bool synced = false;
	for (int ends = 0; ends <= commands && !synced;) {
		PGresult *res = PQgetResult(c->conn);
		if (!res) {
			ends++;
			continue;
		}
		ExecStatusType status = PQresultStatus(res);
		synced = status == PGRES_PIPELINE_SYNC;
		if (status == PGRES_COMMAND_OK && strcmp(PQcmdStatus(res), "ROLLBACK") == 0)
			*ended = true;
		if (status == PGRES_FATAL_ERROR && !failed)
			failed = res;
		else
			PQclear(res);
	}
	if (!PQexitPipelineMode(c->conn))
		fprintf(stderr, "copro: pipeline not ended: %s", PQerrorMessage(c->conn));
	int rc = failed || !synced ? pg_result_rc(c, failed) : 0;
	PQclear(failed);
	return rc;
}

static const char *value(pg_stmt *st, int c)
{
	if (!st->res || st->row < 0 || st->row >= st->rows || c >= PQnfields(st->res) ||
	    PQgetisnull(st->res, st->row, c))
		return NULL;
	return PQgetvalue(st->res, st->row, c);
}

bool pg_col_null(sql_stmt *h, int c)
{
	return value((pg_stmt *)h, c) == NULL;
}

/* Integers come as decimal text; a comparison's boolean as "t" or "f". */
int64_t pg_col_int(sql_stmt *h, int c)
{
	const char *v = value((pg_stmt *)h, c);
	if (!v)
		return 0;
	if (v[0] == 't' || v[0] == 'f')
		return v[0] == 't';
	return strtoll(v, NULL, 10);
}

double pg_col_double(sql_stmt *h, int c)
{
	const char *v = value((pg_stmt *)h, c);
	if (!v)
		return 0;
	if (v[0] == 't' || v[0] == 'f')
		return v[0] == 't';
	return strtod(v, NULL);
}

const char *pg_col_text(sql_stmt *h, int c, size_t *n)
{
	pg_stmt *st = (pg_stmt *)h;
	const char *v = value(st, c);
	*n = v ? (size_t)PQgetlength(st->res, st->row, c) : 0;
	return v;
}

/* BYTEA arrives as hex text ("\x..."): unescaped into a buffer kept
 * until the next step. */
const void *pg_col_blob(sql_stmt *h, int c, size_t *n)
{
	pg_stmt *st = (pg_stmt *)h;
	const char *v = value(st, c);
	*n = 0;
	if (!v)
		return NULL;
	PQfreemem(st->blob);
	st->blob = PQunescapeBytea((const unsigned char *)v, n);
	return st->blob;
}

/* The type of a column from its type's OID (pg_type.dat: 16 boolean, 20,
 * 21 and 23 the integers, 700 and 701 the floats, 1700 numeric, 17
 * bytea; PG_TYPE_ above): libpq's headers do not name them. */
enum sql_value pg_col_type(sql_stmt *h, int c)
{
	pg_stmt *st = (pg_stmt *)h;
	if (!value(st, c))
		return SQL_VALUE_NULL;
	switch (PQftype(st->res, c)) {
	case 16: case 20: case 21: case 23: return SQL_VALUE_INT;
	case 700: case 701: case 1700: return SQL_VALUE_REAL;
	case 17: return SQL_VALUE_BLOB;
	default: return SQL_VALUE_TEXT;
	}
}
