/* pool.h: a few threads of their own for slow jobs (copro serve hashes
 * passwords on one), with a bounded queue: a job that finds the queue full
 * is refused at once instead of waiting behind it. */
#ifndef COPRO_CORE_POOL_H
#define COPRO_CORE_POOL_H

#include <pthread.h>
#include <stdbool.h>

#include "core/err.h"

/* A job is the caller's memory (a struct that embeds it), so submitting
 * allocates nothing; `run` is called once on a pool thread. */
typedef struct pool_job {
	void (*run)(struct pool_job *job);
	struct pool_job *next;
} pool_job;

typedef struct pool {
	pthread_mutex_t lock;
	pthread_cond_t more;
	pthread_t *threads;
	int n_threads;
	int waiting, limit;             /* jobs queued and not yet started; the most */
	pool_job *head, *tail;
	bool stopping;
} pool;

/* `threads` threads (at least 1); at most `limit` jobs wait. */
int pool_start(pool *p, int threads, int limit, err *e);
/* Queues `job`: false, and nothing queued, when `limit` jobs wait already
 * or the pool is stopping. */
bool pool_submit(pool *p, pool_job *job);
/* How many jobs wait now (a moment's reading: it may change at once). */
int pool_waiting(pool *p);
/* Runs every job still queued, then ends the threads. */
void pool_stop(pool *p);

#endif
