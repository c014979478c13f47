/* engine_pg.h: PostgreSQL's side of the engine table, shared by
 * engine_pg.c (the connection, transactions, errors), engine_pg_stmt.c
 * (statements, their cache and parameters) and engine_pg_params.c (the
 * parameters' rewriting). Internal to src/store. */
#ifndef COPRO_STORE_ENGINE_PG_H
#define COPRO_STORE_ENGINE_PG_H

#include <libpq-fe.h>

#include "store/engine.h"
#include "store/sql.h"

/* An engine code: this plus the failure's class (never 0, 100 or 101). */
#define PG_RC_BASE 1000

typedef struct pg_conn {
	PGconn *conn;
	struct pg_cache *cache;         /* prepared statements by SQL text */
	unsigned next_name;             /* statements are named c1, c2 ... */
	int64_t changes, last_id;       /* of the last INSERT, UPDATE or DELETE */
	char message[512];              /* the server's last error */
	/* Statements let go inside a transaction a refusal had ended, where
	 * DEALLOCATE is refused too: their numbers, let go after it ends. */
	unsigned *stale;
	size_t n_stale;
	/* A BEGIN not sent yet: it goes with the transaction's first
	 * statement, one round trip for both (engine_pg_stmt.c). */
	const char *begin_due;
	/* The schema as the connection's start read it (pg_opened_schema),
	 * until it is asked for once. */
	bool schema_known, schema_made;
	int schema_version;
	/* Commands sent in a pipeline whose answers are not read yet
	 * (pg_send_stmt); pg_settle reads them before anything else runs. */
	int queued;
} pg_conn;

/* p, or abort() when an allocation failed (NULL). */
void *pg_must(void *p);

/* copro's SQL text with its parameters as $N (engine_pg_params.c): out
 * (malloc'd, len bytes), max parameters, names[i] the ":name" of $i+1 or
 * NULL (malloc'd). */
typedef struct pg_rewrite {
	char *out;
	size_t len;
	int max;
	char **names;           /* by number - 1, up to max */
} pg_rewrite;
void pg_rewrite_sql(const char *sql, pg_rewrite *r);

pg_conn *pg_conn_new(void);
void pg_conn_free(pg_conn *c);
/* The engine code of a failed result (NULL: the connection's error),
 * keeping the server's message in c->message. */
int pg_result_rc(pg_conn *c, PGresult *res);
/* Sends a due BEGIN on its own, before a command that does not take it
 * along: 0 or the engine's code. */
int pg_begin_now(pg_conn *c);
/* Reads the answers of the commands pg_send_stmt sent and ends their
 * pipeline: 0, or the engine's code of the first that failed (the rest
 * did not run). Called before any other command. */
int pg_settle(pg_conn *c);
int pg_settle_commit(pg_conn *c, bool *ended);
int pg_send_stmt(store *s, sql_stmt *st, err *e);

/* Lets go on the server of the statements done while the transaction
 * was failed (pg_conn.stale), once it has ended. */
void pg_forget_stale(pg_conn *c);
sql_stmt *pg_prepare(store *s, const char *sql, err *e);
void pg_done(store *s, sql_stmt *st);
int pg_exec_stmt(store *s, sql_stmt *st, err *e);
const char *pg_sql_text(sql_stmt *st);
int pg_param_count(sql_stmt *st);
const char *pg_param_name(sql_stmt *st, int i);
int pg_bind_text(sql_stmt *st, int i, const char *v);
int pg_bind_int(sql_stmt *st, int i, int64_t v);
int pg_bind_double(sql_stmt *st, int i, double v);
int pg_bind_null(sql_stmt *st, int i);
int pg_bind_blob(sql_stmt *st, int i, const void *v, size_t n);
int pg_step(store *s, sql_stmt *st);
int pg_run_together(store *s, sql_stmt **sts, size_t n);
void pg_reset(sql_stmt *st);
bool pg_col_null(sql_stmt *st, int c);
int64_t pg_col_int(sql_stmt *st, int c);
double pg_col_double(sql_stmt *st, int c);
const char *pg_col_text(sql_stmt *st, int c, size_t *n);
const void *pg_col_blob(sql_stmt *st, int c, size_t *n);
enum sql_value pg_col_type(sql_stmt *st, int c);

#endif
