/* engine_pg.c: PostgreSQL through libpq. One connection per store; each
 * SQL text is prepared once per connection under a name of its own, its
 * ?, ?N and :name parameters rewritten to $N; results come in text format
 * and the column readers convert them. Statements are engine_pg_stmt.c's
 * side; this file holds the connection, transactions and errors. */
#include "store/engine_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ----------------------------------------------------------------
 * An engine code is PG_RC_BASE plus the failure's class (engine.h), read
 * from the SQLSTATE; the server's message stays with the connection. */

static enum sql_class class_of_state(const char *state)
{
	if (!state || strlen(state) != 5)
		return SQL_CLASS_IO;    /* no answer from the server at all */
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)
		return SQL_CLASS_SERIALIZATION;
	if (strncmp(state, "23", 2) == 0)
		return SQL_CLASS_CONSTRAINT;
	if (strcmp(state, "53100") == 0)
		return SQL_CLASS_FULL;
	if (strcmp(state, "25006") == 0)
		return SQL_CLASS_READONLY;
	if (strcmp(state, "55P03") == 0 || strcmp(state, "57014") == 0)
		return SQL_CLASS_BUSY;
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "53", 2) == 0 ||
	    strncmp(state, "57P", 3) == 0 || strncmp(state, "58", 2) == 0)
		return SQL_CLASS_IO;
	if (strcmp(state, "22001") == 0 || strcmp(state, "54000") == 0)
		return SQL_CLASS_TOOBIG;
	if (strcmp(state, "42501") == 0)
		return SQL_CLASS_DENIED;
	return SQL_CLASS_OTHER;
}

int pg_result_rc(pg_conn *c, PGresult *res)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!msg)
		msg = res ? PQresultErrorMessage(res) : PQerrorMessage(c->conn);
	snprintf(c->message, sizeof c->message, "%s", msg && *msg ? msg : "no answer from the server");
	size_t n = strlen(c->message);
	while (n && (c->message[n - 1] == '\n' || c->message[n - 1] == ' '))
		c->message[--n] = '\0';
	return PG_RC_BASE + (int)class_of_state(state);
}

static enum sql_class pg_classify(store *s, int rc)
{
	(void)s;
	return rc >= PG_RC_BASE ? (enum sql_class)(rc - PG_RC_BASE) : SQL_CLASS_OTHER;
}

static const char *pg_errstr(int rc)
{
	switch (pg_classify(NULL, rc)) {
	case SQL_CLASS_BUSY: return "the database is busy";
	case SQL_CLASS_FULL: return "the server's disk is full";
	case SQL_CLASS_READONLY: return "the database is read-only";
	case SQL_CLASS_IO: return "the server did not answer";
	case SQL_CLASS_CONSTRAINT: return "a constraint refused the change";
	case SQL_CLASS_SERIALIZATION: return "a concurrent change won";
	case SQL_CLASS_TOOBIG: return "a value is too long";
	case SQL_CLASS_RANGE: return "no such parameter";
	case SQL_CLASS_DENIED: return "the role may not";
	default: return "the database refused the statement";
	}
}

static int pg_fail(store *s, int rc, err *e)
{
	enum sql_class k = pg_classify(s, rc);
	const char *msg = s->pg ? s->pg->message : "";
	if (k == SQL_CLASS_BUSY || k == SQL_CLASS_FULL || k == SQL_CLASS_READONLY || k == SQL_CLASS_IO)
		s->refused = rc;
	switch (k) {
	case SQL_CLASS_BUSY:
		return err_set(e, ERR_BUSY, "the database %s is busy (%s). Try again in a moment.", s->path, msg);
	case SQL_CLASS_SERIALIZATION:
		s->conflicted = true;   /* store_retry runs the unit again */
		return err_set(e, ERR_BUSY,
			       "another change to the same records was saved at the same moment, so this one was not: try again.");
	case SQL_CLASS_READONLY:
		return err_set(e, ERR_IO, "cannot write to the database %s: it is read-only (%s).", s->path, msg);
	case SQL_CLASS_FULL:
		return err_set(e, ERR_IO, "the disk of the database server for %s is full: free some space and try again.",
			       s->path);
	case SQL_CLASS_IO:
		return err_set(e, ERR_IO, "the database server for %s failed or went away (%s): check it and try again.",
			       s->path, msg);
	case SQL_CLASS_CONSTRAINT:
		return err_set(e, ERR_CONFLICT, "the database refused the change (%s).", msg);
	case SQL_CLASS_DENIED:
		/* Most often a database made without --owner: its tables
		 * cannot be made, or are another role's. */
		return err_set(e, ERR_IO,
			       "the database %s does not let copro's role do this (%s): the role copro connects as must own the database (createdb --owner=ROLE, docs/deploy.md) and the tables in it.",
			       s->path, msg);
	default:
		return err_set(e, ERR_INTERNAL, "database error on %s: %s.", s->path, msg);
	}
}

/* ---- plain statements ------------------------------------------------------- */

/* Runs SQL with no parameters (several statements allowed): 0 or the
 * engine's code. */
static int exec_raw(store *s, const char *sql)
{
	int rc = pg_settle(s->pg);
	if (rc == 0)
		rc = pg_begin_now(s->pg);
	if (rc)
		return rc;
	PGresult *res = PQexec(s->pg->conn, sql);
	ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? 0 : pg_result_rc(s->pg, res);
	PQclear(res);
	return rc;
}

int pg_begin_now(pg_conn *c)
{
	if (!c->begin_due)
		return 0;
	PGresult *res = PQexec(c->conn, c->begin_due);
	c->begin_due = NULL;
	int rc = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : pg_result_rc(c, res);
	PQclear(res);
	return rc;
}

static int pg_exec(store *s, const char *sql, err *e)
{
	int rc = exec_raw(s, sql);
	return rc ? pg_fail(s, rc, e) : 0;
}

/* ---- transactions ------------------------------------------------------------
 * SERIALIZABLE: copro's writes check what they read first (the last
 * administrator, a name not taken yet, a quota), which SQLite makes safe
 * by letting one writer in at a time. SERIALIZABLE keeps that promise with
 * writers side by side: a transaction whose reads another one's commit
 * made stale fails with 40001 instead of writing on a stale view
 * (REPEATABLE READ would let two such checks both pass). The caller runs
 * it again (the store answers ERR_BUSY: try again). */

/* Not sent yet: the BEGIN goes with the first statement (a round trip
 * fewer per transaction), and a transaction that ran none costs none. A
 * SERIALIZABLE transaction's snapshot is taken at its first statement
 * anyway, so nothing it reads changes. */
static int pg_begin(store *s, err *e)
{
	(void)e;
	s->pg->begin_due = "BEGIN ISOLATION LEVEL SERIALIZABLE";
	return 0;
}

static int commit_alone(pg_conn *c, bool *ended)
{
	PGresult *res = PQexec(c->conn, "COMMIT");
	ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	*ended = st == PGRES_COMMAND_OK && strcmp(PQcmdStatus(res), "ROLLBACK") == 0;
	int rc = st == PGRES_COMMAND_OK ? 0 : pg_result_rc(c, res);
	PQclear(res);
	return rc;
}

/* The writes sent ahead and the COMMIT share one round trip. The COMMIT
 * runs only when every write before it ran: after a failure the server
 * skips the rest of a pipeline until its sync, and the transaction stays
 * open for the rollback. Its answer comes once the commit is flushed. */
static int commit_along(store *s, bool *ended)
{
	pg_conn *c = s->pg;
	if (!PQsendQueryParams(c->conn, "COMMIT", 0, NULL, NULL, NULL, NULL, 0)) {
		int rc = pg_settle(c);
		return rc ? rc : pg_result_rc(c, NULL);
	}
	c->queued++;
	s->commits_along++;
	return pg_settle_commit(c, ended);
}

/* A COMMIT of a transaction that a refused statement ended answers
 * "ROLLBACK", and no error: PostgreSQL kept nothing of it, where SQLite
 * would have kept the rest. That must never read as saved: a lost race
 * (s->conflicted) is busy, run it again; anything else is copro going on
 * after a refusal. */
static int pg_commit(store *s, err *e)
{
	if (s->pg->begin_due) {         /* nothing was run: nothing to commit */
		s->pg->begin_due = NULL;
		s->in_tx = 0;
		return 0;
	}
	bool ended = false;
	int rc = s->pg->queued ? commit_along(s, &ended) : commit_alone(s->pg, &ended);
	if (rc)
		return pg_fail(s, rc, e);      /* the caller rolls back */
	if (ended && s->conflicted)
		return pg_fail(s, PG_RC_BASE + SQL_CLASS_SERIALIZATION, e);
	if (ended)
		return err_set(e, ERR_INTERNAL, "nothing was saved: the database refused a statement of this change (%s),"
			       " which ends the change on PostgreSQL (a bug in copro, which went on after it).",
			       s->pg->message);
	s->in_tx = 0;
	return 0;
}

/* A transaction whose BEGIN was never sent ends without a word. */
static void pg_end(store *s, const char *sql)
{
	pg_settle(s->pg);       /* what was sent ahead: ended with the rest */
	if (s->pg->begin_due)
		s->pg->begin_due = NULL;
	else
		exec_raw(s, sql);
	pg_forget_stale(s->pg);
}

static void pg_rollback(store *s)
{
	pg_end(s, "ROLLBACK");
}

/* A read-only snapshot: every query of a page sees the same data. Its
 * BEGIN goes with the first query, as a change's does. */
static int pg_read_begin(store *s, err *e)
{
	(void)e;
	s->pg->begin_due = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
	return 0;
}

static void pg_read_end(store *s)
{
	pg_end(s, "COMMIT");
}

/* Servers starting together on one database take turns at migrating.
 * A SERIALIZABLE transaction's snapshot is taken when its first query
 * begins: a SELECT of an advisory lock took it before waiting, so the
 * second server read the version as it was before the first's commit and
 * ran the same migration again ("relation ... already exists"). LOCK
 * TABLE takes no snapshot, so the version read after it is the last
 * committed; the advisory lock is for a database without the table yet
 * (its CREATE TABLE IF NOT EXISTS looks at the catalogue afresh).
 * EXCLUSIVE still lets servers read the version (/healthz). */
#define MIGRATION_LOCK_KEY "7380213466"

static int pg_migration_lock(store *s, bool table_exists, err *e)
{
	return pg_exec(s, table_exists ? "LOCK TABLE schema_migration IN EXCLUSIVE MODE"
				       : "SELECT pg_advisory_xact_lock(" MIGRATION_LOCK_KEY ")", e);
}

static int pg_has_table(store *s, const char *name, bool *has, err *e)
{
	int64_t n = 0;
	if (sql_get_int(s, "SELECT COUNT(*) FROM pg_catalog.pg_tables"
			" WHERE schemaname = current_schema() AND tablename = ?",
			SQL_ARGS(sql_text(name)), &n, e) < 0)
		return -1;
	*has = n > 0;
	return 0;
}

static int64_t pg_changes(store *s)
{
	return s->pg->changes;
}

static int64_t pg_last_id(store *s)
{
	return s->pg->last_id;
}

static int64_t pg_max_bytes(store *s)
{
	(void)s;
	return (int64_t)1 << 30;        /* a text or bytea value's limit: 1 GB */
}

/* ---- opening --------------------------------------------------------------- */

/* The options that decide how and where libpq connects, kept in the name
 * messages show so that the pg_dump example there connects as copro does
 * (sslmode=require dropped would connect with libpq's default, prefer).
 * Never password or sslpassword: messages and logs are read by others. */
static const char *const connect_options[] = {
	"hostaddr", "connect_timeout", "options", "sslmode", "sslnegotiation", "sslcompression",
	"sslcert", "sslkey", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
	"requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode",
	"krbsrvname", "gsslib", "gssdelegation", "channel_binding", "require_auth",
	"target_session_attrs", "load_balance_hosts", "service", "passfile", NULL,
};

static bool connect_option(const char *keyword)
{
	for (const char *const *k = connect_options; *k; k++)
		if (strcmp(*k, keyword) == 0)
			return true;
	return false;
}

/* v appended at out + *at, percent-encoded but for unreserved characters
 * and those of `keep`: a quote, a space or an & in a value would end the
 * shell's quoted word or the URI's parameter. */
static void put_encoded(char *out, size_t *at, const char *v, const char *keep)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9') || strchr("-._~", *p) || strchr(keep, *p);
		if (plain) {
			out[(*at)++] = (char)*p;
			continue;
		}
		out[(*at)++] = '%';
		out[(*at)++] = hex[*p >> 4];
		out[(*at)++] = hex[*p & 15];
	}
	out[*at] = '\0';
}

static void put_param(char *out, size_t *at, const char *keyword, const char *v)
{
	out[(*at)++] = strchr(out, '?') ? '&' : '?';
	put_encoded(out, at, keyword, "");
	out[(*at)++] = '=';
	put_encoded(out, at, v, "/:,");
}

/* "postgresql://user@host:port/dbname?sslmode=..." from the URI's parts,
 * without its password, for messages; a Unix socket's folder (or several
 * hosts, or an IPv6 address) as "?host=/folder", as libpq reads it, so
 * that the name shown can be given to psql or pg_dump ("user@/folder/db"
 * would name the database "folder/db" on the default socket). */
static char *display_name(PQconninfoOption *opts)
{
	const char *user = NULL, *host = NULL, *port = NULL, *db = NULL;
	size_t n = 64;
	for (PQconninfoOption *o = opts; o->keyword; o++) {
		const char *v = o->val && *o->val ? o->val : NULL;
		if (strcmp(o->keyword, "user") == 0) user = v;
		else if (strcmp(o->keyword, "host") == 0) host = v;
		else if (strcmp(o->keyword, "port") == 0) port = v;
		else if (strcmp(o->keyword, "dbname") == 0) db = v;
		if (v)
			n += strlen(o->keyword) + 3 * strlen(v) + 2;
	}
	char *out = pg_must(malloc(n));
	size_t at = 0;
	bool host_in_query = host && (host[0] == '/' || strpbrk(host, ",:"));
	out[0] = '\0';
	put_encoded(out, &at, "postgresql://", ":/");
	if (user) {
		put_encoded(out, &at, user, "");
		put_encoded(out, &at, "@", "@");
	}
	if (host && !host_in_query)
		put_encoded(out, &at, host, "");
	if (port && !host_in_query) {
		put_encoded(out, &at, ":", ":");
		put_encoded(out, &at, port, "");
	}
	put_encoded(out, &at, "/", "/");
	put_encoded(out, &at, db ? db : "", "");
	if (host_in_query)
		put_param(out, &at, "host", host);
	if (host_in_query && port)
		put_param(out, &at, "port", port);
	for (PQconninfoOption *o = opts; o->keyword; o++)
		if (o->val && *o->val && connect_option(o->keyword))
			put_param(out, &at, o->keyword, o->val);
	return out;
}

/* The server's notices (a ROLLBACK after a refused COMMIT, a DROP's
 * cascade) are not copro's to print. */
static void quiet(void *arg, const char *message)
{
	(void)arg, (void)message;
}

/* The session's settings, and the schema's state as store_open asks for
 * it (engine.h's opened_schema): copro's migration table in the current
 * schema (as has_table asks), and its version. The version is read only
 * where to_regclass finds the table, through query_to_xml (core SQL/XML,
 * built without libxml too): a plain SELECT from a missing table would be
 * refused, an ERROR in the server's log at a new database's first start.
 * A PL/pgSQL block (EXECUTE) cost the server more CPU a start (loading
 * the language: up to 10 ms, alternated runs of 500 at load 5-8); this
 * was within those runs' noise of the plain SELECT. */
#define SETTINGS "SET TIME ZONE 'UTC'"
#define SETTINGS_READ_ONLY "SET default_transaction_read_only = on; " SETTINGS
#define SCHEMA_STATE "SELECT CASE WHEN to_regclass(t) IS NULL THEN 0 ELSE COALESCE(substring(" \
		     "query_to_xml('SELECT MAX(version) AS v FROM ' || t, false, true, '')::text" \
		     " FROM '<v>([0-9]+)</v>')::int, 0) END, to_regclass(t) IS NOT NULL" \
		     " FROM (SELECT quote_ident(current_schema()) || '.schema_migration' AS t) AS m"

/* The settings and the schema's state in one round trip: one message of
 * several statements, which the server runs as one implicit transaction. */
static int session_start(store *s, bool read_only, err *e)
{
	pg_conn *c = s->pg;
	const char *sql = read_only ? SETTINGS_READ_ONLY "; " SCHEMA_STATE : SETTINGS "; " SCHEMA_STATE;
	PGresult *last = NULL;
	if (PQsendQuery(c->conn, sql))
		for (PGresult *one; (one = PQgetResult(c->conn));) {
			PQclear(last);
			last = one;
		}
	int rc = 0;
	c->schema_known = true;
	if (PQresultStatus(last) == PGRES_TUPLES_OK && PQntuples(last) == 1) {
		c->schema_made = strcmp(PQgetvalue(last, 0, 1), "t") == 0;
		c->schema_version = c->schema_made ? atoi(PQgetvalue(last, 0, 0)) : 0;
	} else {
		c->schema_known = false;
		rc = pg_result_rc(c, last);
	}
	PQclear(last);
	return rc ? pg_fail(s, rc, e) : 0;
}

static bool pg_opened_schema(store *s, bool *made, int *version)
{
	pg_conn *c = s->pg;
	if (!c->schema_known)
		return false;
	c->schema_known = false;        /* the start's only: a migration changes it */
	*made = c->schema_made;
	*version = c->schema_version;
	return true;
}

/* A connection speaking UTF-8 from its start: client_encoding goes in
 * the start-up message (PQsetClientEncoding was a round trip of its own),
 * over anything the URI says. */
static PGconn *connect_utf8(const char *where)
{
	const char *const keys[] = {"dbname", "client_encoding", NULL};
	const char *const values[] = {where, "UTF8", NULL};
	return PQconnectdbParams(keys, values, 1);
}

char *store_pg_name(const char *where, err *e)
{
	char *why = NULL;
	PQconninfoOption *opts = PQconninfoParse(where, &why);
	if (!opts) {
		/* libpq's reason ends in a newline: the sentence goes on. */
		for (size_t n = why ? strlen(why) : 0; n && (why[n - 1] == '\n' || why[n - 1] == ' ');)
			why[--n] = '\0';
		err_set(e, ERR_INPUT,
			"the PostgreSQL address is not valid (%s): write it as postgresql://USER@HOST/DATABASE.",
			why ? why : "libpq could not read it");
		PQfreemem(why);
		return NULL;
	}
	char *name = display_name(opts);
	PQconninfoFree(opts);
	return name;
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* The first value `sql` answers on c (malloc'd), or NULL. */
static char *one_text(PGconn *c, const char *sql)
{
	PGresult *res = PQexec(c, sql);
	char *v = NULL;
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		v = strdup(PQgetvalue(res, 0, 0));
	PQclear(res);
	return v;
}

/* What copro writes to, whatever address reached it: the cluster, the
 * database and the schema (malloc'd), or NULL. The cluster is its system
 * identifier, which PUBLIC may read by default (an ordinary owner role on
 * PostgreSQL 15 does); where a provider revoked that, the postmaster's
 * start time, the same for every connection to one running server. The
 * right is asked first: refused inside the source's transaction, the
 * query would end it. */
static char *reached(PGconn *c)
{
	char *may = one_text(c, "SELECT has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE')");
	if (!may)
		return NULL;
	bool sysid = strcmp(may, "t") == 0;
	free(may);
	return one_text(c, sysid ? "SELECT system_identifier::text || '/' || current_database() || '/' || "
				   "coalesce(current_schema(), '') FROM pg_catalog.pg_control_system()"
				 : "SELECT extract(epoch FROM pg_postmaster_start_time())::text || '/' || "
				   "current_database() || '/' || coalesce(current_schema(), '')");
}

bool store_pg_same_database(const store *a, const store *b)
{
	PGconn *x = a->pg->conn, *y = b->pg->conn;
	char *p = reached(x), *q = reached(y);
	/* Unanswered (a connection lost since): the addresses' ends, as before. */
	bool same = p && q ? strcmp(p, q) == 0
			   : same_text(PQhost(x), PQhost(y)) && same_text(PQport(x), PQport(y)) &&
				     same_text(PQdb(x), PQdb(y));
	free(p);
	free(q);
	return same;
}

static int pg_open(store *s, const char *where, enum store_mode mode, err *e)
{
	/* The database itself is made by its administrator; a source that
	 * copro only reads is kept from any write by the server itself. */
	char *name = store_pg_name(where, e);
	if (!name)
		return -1;
	free(s->path);
	s->path = name;
	s->pg = pg_conn_new();
	s->pg->conn = connect_utf8(where);
	if (PQstatus(s->pg->conn) != CONNECTION_OK) {
		pg_result_rc(s->pg, NULL);
		return err_set(e, ERR_IO, "cannot connect to the database %s: %s.", s->path,
			       s->pg->message);
	}
	PQsetNoticeProcessor(s->pg->conn, quiet, NULL);
	if (strcmp(pg_encoding_to_char(PQclientEncoding(s->pg->conn)), "UTF8") != 0)
		return err_set(e, ERR_IO, "the database %s cannot speak UTF-8.", s->path);
	return session_start(s, mode == STORE_READONLY, e);
}

static void pg_close(store *s)
{
	if (!s->pg)
		return;
	pg_conn_free(s->pg);
	s->pg = NULL;
}

/* An idle connection learns that the server closed it only by reading:
 * the server's goodbye (or the socket's end) is read here without
 * waiting, so the first request after a restart is not the one to fail. */
static bool pg_tx_failed(const store *s)
{
	return s->pg && PQtransactionStatus(s->pg->conn) == PQTRANS_INERROR;
}

static bool pg_lost(const store *s)
{
	if (!s->pg)
		return true;
	PGconn *c = s->pg->conn;
	/* Twice: the first read may end at the server's last message, the
	 * second meets the closed socket. */
	for (int i = 0; i < 2 && PQstatus(c) == CONNECTION_OK && PQtransactionStatus(c) == PQTRANS_IDLE; i++)
		PQconsumeInput(c);
	return PQstatus(c) == CONNECTION_BAD;
}

const sql_engine sql_engine_pg = {
	.name = "PostgreSQL",
	.open = pg_open,
	.close = pg_close,
	.prepare = pg_prepare,
	.done = pg_done,
	.exec_stmt = pg_exec_stmt,
	.send_stmt = pg_send_stmt,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.read_begin = pg_read_begin,
	.read_end = pg_read_end,
	.changes = pg_changes,
	.last_id = pg_last_id,
	.fail = pg_fail,
	.classify = pg_classify,
	.errstr = pg_errstr,
	.max_bytes = pg_max_bytes,
	.has_table = pg_has_table,
	.opened_schema = pg_opened_schema,
	.migration_lock = pg_migration_lock,
	.writers_side_by_side = true,
	.statements_are_round_trips = true,
	.run_together = pg_run_together,
	.lost = pg_lost,
	.tx_failed = pg_tx_failed,
	.sql_text = pg_sql_text,
	.param_count = pg_param_count,
	.param_name = pg_param_name,
	.bind_text = pg_bind_text,
	.bind_int = pg_bind_int,
	.bind_double = pg_bind_double,
	.bind_null = pg_bind_null,
	.bind_blob = pg_bind_blob,
	.step = pg_step,
	.reset = pg_reset,
	.col_null = pg_col_null,
	.col_int = pg_col_int,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.col_type = pg_col_type,
};
