/* store.h: the only door to the database. Every query copro runs lives in
 * src/store/, written in portable SQL with bound parameters, so a
 * PostgreSQL back end can replace SQLite without touching the layers above.
 * Rows come back in structs (store/rows.h) whose strings live in the
 * caller's arena. Only src/domain calls these. */
#ifndef COPRO_STORE_H
#define COPRO_STORE_H

#include "store/rows.h"

typedef struct sqlite3 sqlite3;

struct store {
	const struct sql_engine *engine;        /* SQLite's or PostgreSQL's (engine.h) */
	sqlite3 *db;                    /* SQLite's connection; NULL on PostgreSQL */
	struct pg_conn *pg;             /* PostgreSQL's (engine_pg.c) */
	char *path;             /* the file, or the URI without its password */
	/* The option that named the database, for messages' advice: --db
	 * unless `copro migrate` opened it (--from, --to). */
	const char *option;
	int in_tx;              /* nesting depth of store_begin */
	bool in_read;           /* inside store_read_begin */
	struct stmt_cache *stmts;       /* prepared statements (db.c) */
	struct sync_group *group;       /* commits to the same file (db.c) */
	/* The engine's code of the last write the database refused since the
	 * outermost store_begin (read-only, full, busy, an I/O error), 0 if
	 * none: the web answers 503 "not saved" rather than a form error. */
	int refused;
	/* A concurrent transaction won since the outermost store_begin
	 * (PostgreSQL's serialization failure or deadlock, 40001/40P01):
	 * nothing of this one is kept, and running the whole unit of work
	 * again may succeed (store_retry). SQLite never sets it. */
	bool conflicted;
	bool made;              /* store_open made copro's tables */
	/* A statement changed rows: in the open transaction (tx_wrote), or
	 * committed, or outside any transaction (wrote); read by
	 * store_revisions_fold_if_wrote. */
	bool tx_wrote, wrote;
	uint64_t statements;    /* statements prepared to run (store_statements) */
	uint64_t transactions;  /* outermost transactions and snapshots begun */
	struct sql_queue *queue;        /* reads to send together (together.c) */
	uint64_t sent_along;    /* statements that went with another (together.c) */
	uint64_t commits_along; /* COMMITs that went with the writes sent ahead (PostgreSQL) */
	struct store_plan *plan;        /* queries are explained into it (store_explain) */
};

/* STORE_READONLY: an existing database, read and never written (no
 * migrations either): the source of `copro migrate`. */
enum store_mode { STORE_EXISTING, STORE_CREATE, STORE_READONLY };

/* Opens PATH, applies pending migrations. STORE_EXISTING refuses a path
 * with no database, or a PostgreSQL database without copro's tables;
 * STORE_CREATE makes them, only where the database holds no other
 * program's tables. A postgresql:// URI (any libpq URI) opens PostgreSQL
 * (engine_pg.c). */
int store_open(store *s, const char *path, enum store_mode mode, err *e);
/* How many statements this connection has been given to run (each query
 * and each write, whichever the engine; transactions' BEGIN and COMMIT
 * are not counted). On PostgreSQL each is a round trip to the server, so
 * a page's cost there grows with it: tests hold a page's reads to their
 * number and bench-pagetime reports it. */
uint64_t store_statements(const store *s);
/* Reads sent together: between the two, each list read (the store's
 * functions filling a list) is only queued, and store_reads_end sends all
 * those queued in one round trip on PostgreSQL and fills their lists (-1
 * with `e` set when one failed: then every list is left empty). SQLite
 * reads each as it comes. For reads that need none of the others' rows;
 * store_reads_end is always called, its lists read only after it. */
void store_reads_begin(store *s);
int store_reads_end(store *s, err *e);
/* store_statements less those that went to the server along with another
 * (store_reads_end): the round trips they cost on PostgreSQL, where
 * SQLite's are all counted. */
uint64_t store_round_trips(const store *s);
/* For tests of a query's plan: while `plan` is set, each query the store
 * reads (a row or a list) does not run but is EXPLAINed as it is written,
 * with its parameters (the custom plan on PostgreSQL), and answers no
 * rows; each line of its plan (SQLite's detail, PostgreSQL's text) is
 * added to `plan`, in its arena. NULL runs queries again. Tests see the
 * plans of the store's own statements, not of copies of them. */
typedef struct store_plan {
	arena *a;
	const char **lines;
	size_t n;
} store_plan;
void store_explain(store *s, store_plan *plan);
/* How many transactions and read snapshots this connection has begun
 * (the outermost only): on PostgreSQL each costs two round trips more,
 * its BEGIN and its COMMIT. */
uint64_t store_transactions(const store *s);
/* The database as messages name it: the path, or the URI without its
 * password. */
const char *store_name(const store *s);
/* True when this store_open made copro's tables (a new database). */
bool store_schema_made(const store *s);
void store_close(store *s);
int store_schema_version(store *s, err *e);
int store_latest_version(void);
/* The database libraries copro was built with, one a line: "SQLite
 * 3.40.1" and "PostgreSQL client library (libpq) 15.10" (library.c). */
const char *store_library_version(void);
/* True when the database holds no organisation and no framework version. */
int store_is_empty(store *s, bool *empty, err *e);

/* Writes run between store_begin and store_commit; any failure calls
 * store_rollback so nothing is half-written. They nest (see db.c). */
int store_begin(store *s, err *e);
/* This thread has a transaction open, and so (SQLite) holds the write
 * lock: nothing slow, such as hashing a password, should run now. */
bool store_thread_in_tx(void);
/* How many commits this process has written and how many WAL syncs made
 * them durable (db.c): fewer syncs than commits when commits arrive
 * together and share one. */
void store_commit_counts(uint64_t *commits, uint64_t *syncs);
/* From now on commits to the database of `s` leave checkpoints to a
 * thread that calls store_checkpoint (copro serve's checkpointer). */
void store_checkpoint_in_background(store *s);
/* Copies what it can of the WAL into the database without waiting for
 * anyone (SQLite's PASSIVE checkpoint); `wal_pages` is the WAL's size. */
int store_checkpoint(store *s, int *wal_pages, err *e);
/* Whether the engine of `s` lets one writer in at a time (SQLite): then a
 * process's changes go best through ONE connection that its threads share
 * under store_write_lock (a connection only this process's writes change
 * keeps its page cache). False where writers run side by side
 * (PostgreSQL): each thread makes its changes on its own connection, and
 * a transaction that loses is run again (store_retry). */
bool store_writes_one_at_a_time(const store *s);
/* The database server dropped this connection (it restarted), or the
 * store is closed: store_close and store_open again. Never on SQLite. */
bool store_connection_lost(const store *s);
/* The process's write lock for the database of `s`, taken for a whole
 * request on a connection that threads share (copro serve's writer); the
 * outermost store_commit or store_rollback lets it go, or the unlock.
 * Where writers run side by side no connection is shared, and it takes
 * nothing. */
int store_write_lock(store *s, err *e);
void store_write_unlock(void);
/* A read-only snapshot across several queries (db.c); no writes inside. */
int store_read_begin(store *s, err *e);
void store_read_end(store *s);
/* A snapshot for a run of short reads that need no common view, only
 * its saving (a request's checks): opened where it saves work (SQLite:
 * one set of file locks, not one per statement) and not where it costs
 * two round trips more (PostgreSQL's BEGIN and COMMIT), each read then
 * seeing the newest data. True when one was opened: store_read_end ends
 * it. No writes inside either way. */
bool store_read_together(store *s);
int store_commit(store *s, err *e);
/* -1 with the reason in `e` ("the database is read-only", no path: it is
 * shown on a web page) when the database refused a write since the
 * outermost store_begin (a fault of the disk or the file, not of the
 * form) or the transaction lost to a concurrent one (busy); else 0. */
int store_refusal(store *s, err *e);
/* The open transaction was ended by a statement the database refused
 * (PostgreSQL ends it there; SQLite never): nothing more can be read in
 * it until store_rollback. */
bool store_tx_failed(const store *s);
void store_rollback(store *s);

/* Runs `unit`, which opens and ends its own transactions on `s`, again
 * while it fails because a concurrent transaction won (store.conflicted),
 * up to STORE_TRIES times in all with a short random pause between tries;
 * then answers as the last try did (ERR_BUSY, "try again"). A failed
 * try's transaction is rolled back if the unit left it open. The unit must
 * do nothing outside the database that a second run would repeat. Eight
 * tries: writers of one row take turns, one winner a round, so eight
 * people saving one form at the same moment all land (test_serve.sh). */
enum { STORE_TRIES = 8 };
typedef int (*store_unit)(store *s, void *ctx, err *e);
int store_retry(store *s, store_unit unit, void *ctx, err *e);
/* For callers that run their own loop (the web dispatcher): whether the
 * try numbered `done` (from 1) lost to a concurrent transaction and may be
 * run again; if so, it is rolled back and the pause is taken. */
bool store_retry_next(store *s, int done);
/* The last transaction on `s` lost to a concurrent one (conflicted):
 * running its unit of work again may succeed. */
bool store_lost(const store *s);

/* A consistent copy of a live database through SQLite's backup API. */
int store_backup(store *s, const char *dest, err *e);
/* Whether `where` can be backed up by store_backup: a PostgreSQL address
 * is refused before any connection, pointing to pg_dump. */
int store_backup_can(const char *where, const char *dest, err *e);

/* `copro migrate` (copy.c): every table of the database FROM copied into
 * the new or empty database TO, ids kept, either engine to either (a
 * path, sqlite:PATH or postgresql://...). FROM is only read and must be at
 * this copro's schema version; TO gets the same schema, and all of it or
 * nothing: one transaction on PostgreSQL, TO.partial renamed on SQLite.
 * `table` is told each table once its rows are in. */
typedef struct store_copy_report {
	void (*table)(void *ctx, const char *table, int64_t rows);
	void *ctx;
	int tables;             /* copied, and their rows */
	int64_t rows;
} store_copy_report;
int store_copy(const char *from, const char *to, store_copy_report *r, err *e);

/* Lookups answer 1 when found, 0 when not, -1 on error. */

/* areas (store/org.c): the one lookup by name (1 found, 0 not; *id 0
 * when not), the one by id, and the lookup that makes the area on first
 * use. */
int store_area_find(store *s, const char *name, int64_t *id, err *e);
int store_area_name(store *s, arena *a, int64_t id, const char **name, err *e);
int store_area_by_name(store *s, const char *name, const char *now, int64_t *id, err *e);

/* organisations (store/org.c) */
int store_org_insert(store *s, const org_row *o, int64_t *id, err *e);
int store_org_update(store *s, const org_row *o, err *e);
int store_org_get(store *s, arena *a, int64_t id, org_row *out, err *e);
/* The same as a list of none or one, which can go with other reads
 * (store_reads_begin). */
int store_org_ask(store *s, arena *a, int64_t id, org_list *out, err *e);
int store_org_find(store *s, arena *a, const char *name, const char *area, org_row *out, err *e);
int store_org_list(store *s, arena *a, org_list *out, err *e);
int store_org_list_area(store *s, arena *a, int64_t area, org_list *out, err *e);

/* framework versions and evaluations (store/evaluation.c) */
int store_framework_version_put(store *s, const char *id, const char *hash,
				const char *body, const char *now, err *e);
int store_framework_version_get(store *s, arena *a, const char *hash, char **body, err *e);

/* Data revisions (revision.c): how many changes an organisation's or an
 * area's records have had; 0 before the first. Triggers keep them. */
int store_org_revision(store *s, int64_t org, int64_t *n, err *e);
int store_area_revision(store *s, int64_t area, int64_t *n, err *e);
/* Organisation `org`'s (org > 0) or else area `area`'s, as a list of one
 * row, so it can be asked with other reads (store_reads_begin). */
typedef struct revision_row {
	int64_t n;
} revision_row;
typedef STORE_LIST(revision_row) revision_list;
int store_revision_ask(store *s, arena *a, int64_t org, int64_t area, revision_list *out, err *e);
/* Moves the changes logged since the last fold into the counters, leaving
 * every revision as it was (copro serve's housekeeping pass, so the log
 * the revisions count stays short). Losing to another server's fold is
 * not an error: that fold counts. */
int store_revisions_fold(store *s, err *e);
/* The same, before a command closes its connection, when the connection
 * wrote rows (a change committed, or a commit that failed); else nothing,
 * so a command that only reads never writes. Where no copro serve runs
 * (commands and cron imports only) the log would otherwise grow. */
int store_revisions_fold_if_wrote(store *s, err *e);
int store_evaluation_insert(store *s, const evaluation_row *ev, int64_t *id, err *e);
int store_evaluation_get(store *s, arena *a, int64_t id, evaluation_row *out, err *e);
/* The same as a list of none or one, so it can be asked with other reads
 * (store_reads_begin). */
int store_evaluation_ask(store *s, arena *a, int64_t id, evaluation_list *out, err *e);
int store_evaluation_find(store *s, arena *a, int64_t org, const char *framework,
			  const char *cycle, evaluation_row *out, err *e);
int store_evaluation_list(store *s, arena *a, int64_t org, evaluation_list *out, err *e);
int store_evaluation_set_status(store *s, int64_t id, const char *status, const char *now, err *e);
int store_review_get(store *s, arena *a, int64_t evaluation, const char *element,
		     review_row *out, err *e);
int store_review_put(store *s, const review_row *r, err *e);
int store_review_list(store *s, arena *a, int64_t evaluation, review_list *out, err *e);

/* evidence, links, own indicators (store/evidence.c) */
int store_evidence_insert(store *s, const evidence_row *ev, int64_t *id, err *e);
int store_evidence_update(store *s, const evidence_row *ev, err *e);
int store_evidence_get(store *s, arena *a, int64_t id, evidence_row *out, err *e);
int store_evidence_list(store *s, arena *a, int64_t org, evidence_list *out, err *e);
/* The organisation's items with ev's title (any case) and date, oldest
 * first. */
int store_evidence_same(store *s, arena *a, const evidence_row *ev, evidence_list *out, err *e);
/* The library's items, newest evidence date first (the larger id first
 * on a date), filtered: `limit` from the `offset`th. */
int store_evidence_library(store *s, arena *a, int64_t org, const evidence_filter *f,
			   int64_t offset, int64_t limit, library_list *out, err *e);
/* Answers 1 when a link was added, 0 when it was there already. */
int store_link_add(store *s, const link_row *l, err *e);
/* Answers 1 when a link was removed, 0 when there was none. */
int store_link_remove(store *s, const link_row *l, err *e);
int store_links_of_evidence(store *s, arena *a, int64_t evidence, link_list *out, err *e);
int store_links_of_evaluation(store *s, arena *a, int64_t evaluation, link_list *out, err *e);
/* The same links with their evidence items and carried-forward marks,
 * one statement for what the statement page would read in three; by
 * indicator, then evidence. */
int store_statement_links(store *s, arena *a, int64_t evaluation, const char *element_key,
			  statement_link_list *out, err *e);
int store_link_counts(store *s, arena *a, int64_t evaluation, link_count_list *out, err *e);
/* Every link of every evidence item of an organisation, by evidence id. */
int store_links_of_org(store *s, arena *a, int64_t org, link_list *out, err *e);
int store_own_indicator_insert(store *s, const own_indicator_row *r, int64_t *id, err *e);
int store_own_indicator_list(store *s, arena *a, int64_t evaluation, own_indicator_list *out,
			     err *e);

/* actions (store/action.c) */
int store_action_insert(store *s, const action_row *a, int64_t *id, err *e);
int store_action_update(store *s, const action_row *a, err *e);
int store_action_get(store *s, arena *ar, int64_t id, action_row *out, err *e);
int store_action_list(store *s, arena *ar, int64_t org, action_list *out, err *e);

#endif
