/* hashing.c: password hashing off the web workers (web/hashing.h).
 *
 * argon2id takes 64 MiB and a tenth of a second of one processor. Run on
 * the web workers, a few dozen wrong passwords at once held every worker,
 * and everyone's pages waited behind them (6 to 10 s for a style sheet).
 * A ROUTE_HASH request is run whole on the hashing pool's threads
 * instead: its connection is suspended, so the worker goes on serving
 * other connections, and resumed when the answer is ready. One that
 * would wait more than HASHING_WAIT_MS (judged by how long the last ones
 * took, the database's part included) is answered at once instead, on
 * the worker, by its own form refusing to hash (503, Retry-After).
 * Two threads, or one on a single processor: each hash keeps one
 * processor busy, and two use a 2-core machine's both while the workers
 * still get their share for pages; memory for hashing stays at two
 * hashes' 128 MiB whatever the load. */

#include "web/hashing.h"

#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "core/pool.h"
#include "domain/account.h"
#include "domain/security.h"

static struct {
	pool threads;
	int n;
	hashing_serve_fn serve;
	void *server;
	_Atomic long took_us;           /* a request's time on the pool, averaged */
} hashing;

typedef struct hash_job {
	pool_job base;
	struct MHD_Connection *conn;
	request *r;
} hash_job;

static long now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* One hash timed as copro starts, so that a crowd arriving before any
 * sign-in has finished is judged by this machine's speed, not a guess:
 * under load a hash took 3 s here, and 32 let in waited a minute. */
static void calibrate(pool_job *job)
{
	(void)job;
	char hash[128];
	err e = {0};
	long start = now_us();
	if (password_hash("a password to time the hash by", hash, &e) == 0)
		hashing.took_us = now_us() - start;
}

int hashing_start(hashing_serve_fn serve, void *server, err *e)
{
	int n = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1;
	hashing.serve = serve;
	hashing.server = server;
	hashing.n = n;
	hashing.took_us = 100000;       /* a hash's tenth of a second, until measured */
	if (pool_start(&hashing.threads, n, n * HASHING_WAITING_PER_THREAD, e) < 0)
		return -1;
	/* The memory bound: no more hashes at once than threads, so a hash
	 * on any other thread (none is meant to) waits rather than adds. */
	password_hashing_limit(n);
	static pool_job timing = {.run = calibrate};
	pool_submit(&hashing.threads, &timing);
	return 0;
}

void hashing_stop(void)
{
	pool_stop(&hashing.threads);
}

static void run_job(pool_job *pj)
{
	hash_job *j = (hash_job *)pj;
	long start = now_us();
	hashing.serve(hashing.server, j->r);
	long took = now_us() - start, was = hashing.took_us;
	/* Each request counts for an eighth: a burst is seen within a few. */
	hashing.took_us = was + (took - was) / 8;
	j->r->hash_done = true;
	/* MHD calls the handler again, on the connection's worker, which
	 * sends the answer; the request is not touched here after this. */
	MHD_resume_connection(j->conn);
}

void hashing_submit(struct MHD_Connection *conn, request *r)
{
	hash_job *j = arena_alloc(&r->mem, sizeof *j);
	*j = (hash_job){.base.run = run_job, .conn = conn, .r = r};
	MHD_suspend_connection(conn);
	/* The ones ahead of it; a free thread starts it at once. */
	long wait_ms = pool_waiting(&hashing.threads) * (hashing.took_us / 1000) / hashing.n;
	if (wait_ms <= HASHING_WAIT_MS && pool_submit(&hashing.threads, &j->base))
		return;
	r->hash_refused = true;
	MHD_resume_connection(conn);
}

static _Atomic unsigned long refused;
static _Atomic long refusal_minute;

/* Counted, not logged one by one: a line an hour in the areas' activity
 * logs (domain/security.h), and a line a minute at most on standard
 * error for whoever runs copro. */
static void count_refusal(void)
{
	security_busy_refused();
	unsigned long n = ++refused;
	long minute = now_us() / 60000000, was = refusal_minute;
	if (minute != was && atomic_compare_exchange_strong(&refusal_minute, &was, minute))
		fprintf(stderr, "copro serve: too many passwords to hash at once: answered \"try again in a few "
			"seconds\" (%lu %s since copro started).\n", n, n == 1 ? "time" : "times");
}

/* The person sees their own form again (what they typed kept, never a
 * password) with PASSWORD_BUSY_MESSAGE, as a 503 that asks them to come
 * back in a few seconds. */
void hashing_serve_refusing(request *r)
{
	password_hashing_refuse(r->hash_refused);
	hashing.serve(hashing.server, r);
	if (r->hash_refused && password_hashing_refused()) {
		r->status = 503;
		r->retry_after = WEB_BUSY_RETRY_SECONDS;
		count_refusal();
	}
	password_hashing_refuse(false);
}
