/* test_pool.c: the bounded job queue that copro serve hashes passwords
 * on: a full queue refuses at once, stopping runs what is queued, and
 * jobs run on the pool's threads, not the caller's. */
#include "testutil.h"

#include "core/pool.h"

typedef struct gate {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	bool open;
	int started, ran;
	int order[8];
} gate;

typedef struct job {
	pool_job base;
	gate *g;
	int id;
	pthread_t on;
} job;

static void run_job(pool_job *pj)
{
	job *j = (job *)pj;
	gate *g = j->g;
	j->on = pthread_self();
	pthread_mutex_lock(&g->lock);
	g->started++;
	pthread_cond_broadcast(&g->changed);
	while (!g->open)
		pthread_cond_wait(&g->changed, &g->lock);
	if (g->ran < 8)
		g->order[g->ran] = j->id;
	g->ran++;
	pthread_mutex_unlock(&g->lock);
}

static void gate_init(gate *g, bool open)
{
	*g = (gate){.open = open};
	pthread_mutex_init(&g->lock, NULL);
	pthread_cond_init(&g->changed, NULL);
}

static void gate_open(gate *g)
{
	pthread_mutex_lock(&g->lock);
	g->open = true;
	pthread_cond_broadcast(&g->changed);
	pthread_mutex_unlock(&g->lock);
}

static void wait_started(gate *g, int n)
{
	pthread_mutex_lock(&g->lock);
	while (g->started < n)
		pthread_cond_wait(&g->changed, &g->lock);
	pthread_mutex_unlock(&g->lock);
}

static void full_queue_refuses_at_once(void **state)
{
	(void)state;
	gate g;
	gate_init(&g, false);
	pool p;
	err e = {0};
	assert_int_equal(pool_start(&p, 1, 2, &e), 0);
	job j[4];
	for (int i = 0; i < 4; i++)
		j[i] = (job){.base.run = run_job, .g = &g, .id = i};
	assert_true(pool_submit(&p, &j[0].base));
	wait_started(&g, 1);            /* running: no longer waiting */
	assert_true(pool_submit(&p, &j[1].base));
	assert_true(pool_submit(&p, &j[2].base));
	assert_false(pool_submit(&p, &j[3].base));      /* two wait already */
	gate_open(&g);
	pool_stop(&p);
	assert_int_equal(g.ran, 3);
	assert_int_equal(g.order[0], 0);
	assert_int_equal(g.order[1], 1);
	assert_int_equal(g.order[2], 2);
	assert_true(pthread_equal(j[1].on, j[0].on));
	assert_false(pthread_equal(j[0].on, pthread_self()));
}

static void stop_runs_every_queued_job(void **state)
{
	(void)state;
	gate g;
	gate_init(&g, false);
	pool p;
	err e = {0};
	assert_int_equal(pool_start(&p, 2, 8, &e), 0);
	job j[8];
	for (int i = 0; i < 8; i++) {
		j[i] = (job){.base.run = run_job, .g = &g, .id = i};
		assert_true(pool_submit(&p, &j[i].base));
	}
	wait_started(&g, 2);
	gate_open(&g);
	pool_stop(&p);          /* returns once all eight ran */
	assert_int_equal(g.ran, 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_queue_refuses_at_once),
		cmocka_unit_test(stop_runs_every_queued_job),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
