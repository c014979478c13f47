/* pool.c: threads that take jobs from one bounded queue, first in first
 * out (core/pool.h). */
#include "core/pool.h"

#include <stdlib.h>

static void *worker(void *arg)
{
	pool *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->head && !p->stopping)
			pthread_cond_wait(&p->more, &p->lock);
		pool_job *job = p->head;
		if (!job)
			break;  /* stopping, and nothing left to run */
		p->head = job->next;
		if (!p->head)
			p->tail = NULL;
		p->waiting--;
		pthread_mutex_unlock(&p->lock);
		job->run(job);
		pthread_mutex_lock(&p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

int pool_start(pool *p, int threads, int limit, err *e)
{
	*p = (pool){.limit = limit};
	if (threads < 1)
		threads = 1;
	p->threads = calloc((size_t)threads, sizeof *p->threads);
	if (!p->threads)
		return err_set(e, ERR_INTERNAL, "out of memory");
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->more, NULL);
	for (; p->n_threads < threads; p->n_threads++)
		if (pthread_create(&p->threads[p->n_threads], NULL, worker, p) != 0) {
			pool_stop(p);
			return err_set(e, ERR_INTERNAL, "cannot start the threads that hash passwords.");
		}
	return 0;
}

bool pool_submit(pool *p, pool_job *job)
{
	pthread_mutex_lock(&p->lock);
	bool room = !p->stopping && p->waiting < p->limit;
	if (room) {
		job->next = NULL;
		if (p->tail)
			p->tail->next = job;
		else
			p->head = job;
		p->tail = job;
		p->waiting++;
		pthread_cond_signal(&p->more);
	}
	pthread_mutex_unlock(&p->lock);
	return room;
}

int pool_waiting(pool *p)
{
	pthread_mutex_lock(&p->lock);
	int n = p->waiting;
	pthread_mutex_unlock(&p->lock);
	return n;
}

void pool_stop(pool *p)
{
	pthread_mutex_lock(&p->lock);
	p->stopping = true;
	pthread_cond_broadcast(&p->more);
	pthread_mutex_unlock(&p->lock);
	for (int i = 0; i < p->n_threads; i++)
		pthread_join(p->threads[i], NULL);
	free(p->threads);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->more);
	*p = (pool){0};
}
