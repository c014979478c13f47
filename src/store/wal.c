/* wal.c: SQLite's checkpoints, and the bound on the WAL's size: copro
 * serve's checkpoint thread copies the WAL into the database a few times a
 * second and, once the WAL passes the bound, empties it. PostgreSQL
 * checkpoints by itself (its checkpointer process): nothing to do there. */
#include <sqlite3.h>

#include "store/sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define WAL_LIMIT_MB 64         /* COPRO_WAL_LIMIT_MB overrides it */
/* The longest the truncating checkpoint waits for readers of old
 * snapshots, holding off writers meanwhile; and the pause after it gave up
 * (a long read such as a backup), so writers are not held off again at
 * every tick. */
#define TRUNCATE_WAIT_MS 200
#define TRUNCATE_RETRY_S 5

int64_t store_wal_limit(void)
{
	const char *v = getenv("COPRO_WAL_LIMIT_MB");
	long mb = v && *v ? atol(v) : 0;
	return (int64_t)(mb > 0 && mb <= 65536 ? mb : WAL_LIMIT_MB) << 20;
}

static int64_t wal_bytes(store *s)
{
	const char *db = sqlite3_db_filename(s->db, "main");
	char path[4200];
	struct stat sb;
	if (!db || snprintf(path, sizeof path, "%s-wal", db) >= (int)sizeof path || stat(path, &sb) != 0)
		return 0;
	return (int64_t)sb.st_size;
}

static double seconds_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* A PASSIVE checkpoint copies what no reader still needs and waits for
 * nobody; but with readers always about (two serve processes under load),
 * it never reaches the end of the WAL, which SQLite then never restarts:
 * the WAL grew to 1.44 GB beside a 149 MB database. Past the limit, a
 * TRUNCATE checkpoint waits briefly for the readers of old snapshots to
 * finish (new ones read the database), copies the rest and empties the
 * file. journal_size_limit (store_open) trims a WAL SQLite restarts. */
int store_checkpoint(store *s, int *wal_pages, err *e)
{
	static _Thread_local double retry_at;
	int log = 0, done = 0;
	*wal_pages = 0;
	if (!s->db)
		return 0;       /* PostgreSQL */
	int rc = sqlite3_wal_checkpoint_v2(s->db, "main", SQLITE_CHECKPOINT_PASSIVE, &log, &done);
	*wal_pages = log;
	if (rc == SQLITE_OK && wal_bytes(s) > store_wal_limit() && seconds_now() >= retry_at) {
		sqlite3_busy_timeout(s->db, TRUNCATE_WAIT_MS);
		rc = sqlite3_wal_checkpoint_v2(s->db, "main", SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
		sqlite3_busy_timeout(s->db, store_busy_timeout_ms());
		if (rc == SQLITE_OK)
			*wal_pages = 0;
		else
			retry_at = seconds_now() + TRUNCATE_RETRY_S;
	}
	if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
		return sql_fail(s, rc, e);
	return 0;
}
