/* housekeeping.c: a thread of its own copies the WAL into the database
 * and folds the revision log (store_revisions_fold) a few times a second.
 * Left to the writers, the one whose commit filled the WAL would sync the
 * whole database file while every other writer waited for it (the spikes
 * in the write benchmark's p99). The same thread deletes partners' free
 * text past its retention period once a day (`copro serve` did it at
 * start-up), so a server that runs for months keeps the privacy page's
 * promise. */
#include "web/housekeeping.h"

#include "domain/views.h"
#include "web/access_log.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHECKPOINT_EVERY_MS 200
#define PURGE_EVERY_S (24 * 60 * 60)
#define SAY_AGAIN_EVERY_S 60
#define SAID_KEPT 4     /* failures remembered, each said once a minute */

/* One per process, as copro serve runs one server. */
static struct {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
	store db;
	const fw_registry *frameworks;
	const char *db_path;
	int64_t purge_every, next_purge;        /* seconds; a monotonic time */
	bool failing;
	struct said {
		char msg[sizeof ((err *)0)->msg];
		int64_t at;                     /* a monotonic time */
		bool used;
	} said[SAID_KEPT];
} hk;

int64_t web_monotonic_seconds(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t)now.tv_sec;
}

int web_reopen_if_lost(store *st, const char *db_path, err *e)
{
	if (!store_connection_lost(st))
		return 0;
	store_close(st);
	return store_open(st, db_path, STORE_EXISTING, e);
}

/* COPRO_PURGE_EVERY (seconds) shortens the day for the tests. */
static int64_t purge_interval(void)
{
	const char *v = getenv("COPRO_PURGE_EVERY");
	long long s = v ? atoll(v) : 0;
	return s > 0 ? (int64_t)s : PURGE_EVERY_S;
}

static void purge_when_due(void)
{
	if (web_monotonic_seconds() < hk.next_purge)
		return;
	hk.next_purge = web_monotonic_seconds() + hk.purge_every;
	err e = {0};
	if (store_connection_lost(&hk.db))
		return;         /* the loop could not open it again: said there */
	arena mem = {0};
	domain d = {.db = &hk.db, .frameworks = hk.frameworks, .mem = &mem};
	size_t purged = 0;
	if (views_purge(&d, NULL, &purged, &e) < 0)
		fprintf(stderr, "copro serve: deleting old free text: %s\n", e.msg);
	else if (purged)
		printf("Deleted the free text of %zu %s past the retention period.\n", purged,
		       purged == 1 ? "answer" : "answers");
	fflush(stdout);
	arena_free(&mem);
}

/* The entry that said `msg`, else the one said longest ago (to reuse). */
static struct said *said_of(const char *msg, bool *found)
{
	struct said *oldest = &hk.said[0];
	*found = true;
	for (struct said *d = hk.said; d < hk.said + SAID_KEPT; d++) {
		if (d->used && strcmp(d->msg, msg) == 0)
			return d;
		if (oldest->used && (!d->used || d->at < oldest->at))
			oldest = d;
	}
	*found = false;
	return oldest;
}

/* A failure is said when it begins, then once a minute while it lasts,
 * and its end once: the loop runs five times a second, and a database
 * down for an hour must not write 18,000 lines to the journal. Each
 * message has its own minute: a different failure (the server stopping
 * while a table was missing) is news, said at once; failures that take
 * turns each keep to once a minute. */
static void say(int rc, const err *e)
{
	int64_t now = web_monotonic_seconds();
	if (rc == 0) {
		if (!hk.failing)
			return;
		fprintf(stderr, "copro serve: housekeeping: the database answers again.\n");
		hk.failing = false;
		memset(hk.said, 0, sizeof hk.said);
		return;
	}
	bool found;
	struct said *d = said_of(e->msg, &found);
	hk.failing = true;
	if (found && now - d->at < SAY_AGAIN_EVERY_S)
		return;
	fprintf(stderr, "copro serve: housekeeping: %s%s\n", e->msg, found ? " (still; said once a minute)" : "");
	snprintf(d->msg, sizeof d->msg, "%s", e->msg);
	d->at = now;
	d->used = true;
}

static void *housekeeping_loop(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&hk.lock);
	while (!hk.stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += CHECKPOINT_EVERY_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&hk.wake, &hk.lock, &until);
		if (hk.stop)
			break;
		pthread_mutex_unlock(&hk.lock);
		int pages = 0;
		err e = {0};
		/* The fold needs the database server back after a restart. */
		int rc = store_checkpoint(&hk.db, &pages, &e) < 0 ||
			 web_reopen_if_lost(&hk.db, hk.db_path, &e) < 0 || store_revisions_fold(&hk.db, &e) < 0;
		say(rc ? -1 : 0, &e);
		access_log_flush();
		purge_when_due();
		pthread_mutex_lock(&hk.lock);
	}
	pthread_mutex_unlock(&hk.lock);
	return NULL;
}

int housekeeping_start(const web_config *config, err *e)
{
	memset(&hk, 0, sizeof hk);
	hk.frameworks = config->frameworks;
	hk.db_path = config->db_path;
	hk.purge_every = purge_interval();
	hk.next_purge = web_monotonic_seconds() + hk.purge_every;
	if (store_open(&hk.db, hk.db_path, STORE_EXISTING, e) < 0)
		return -1;
	pthread_mutex_init(&hk.lock, NULL);
	pthread_cond_init(&hk.wake, NULL);
	if (pthread_create(&hk.thread, NULL, housekeeping_loop, NULL) != 0) {
		store_close(&hk.db);
		return err_set(e, ERR_INTERNAL, "cannot start the checkpoint thread.");
	}
	store_checkpoint_in_background(&hk.db);
	return 0;
}

void housekeeping_stop(void)
{
	pthread_mutex_lock(&hk.lock);
	hk.stop = true;
	pthread_cond_signal(&hk.wake);
	pthread_mutex_unlock(&hk.lock);
	pthread_join(hk.thread, NULL);
	int pages;
	err e = {0};
	store_checkpoint(&hk.db, &pages, &e);
	store_close(&hk.db);
	pthread_mutex_destroy(&hk.lock);
	pthread_cond_destroy(&hk.wake);
}
