/* together.c: reads sent together. Between store_reads_begin and
 * store_reads_end a list read (sql_list) on an engine whose statements
 * are round trips is prepared and bound but not run: store_reads_end
 * sends every one queued in one round trip (PostgreSQL's pipeline) and
 * reads each into its list. SQLite runs each read as it comes, in the
 * process, so the pair changes nothing there. Only for reads that do
 * not need one another's rows: the lists are empty until the end. */
#include <stdlib.h>

#include "store/engine.h"

typedef struct queued {
	sql_stmt *st;
	arena *a;
	void **items;
	size_t *n, size;
	const sql_col *cols;
} queued;

struct sql_queue {
	int depth;              /* store_reads_begin's not yet ended */
	size_t n;
	queued q[SQL_TOGETHER_MAX];
};

void store_reads_begin(store *s)
{
	if (!s->engine->run_together)
		return;
	if (!s->queue && !(s->queue = calloc(1, sizeof *s->queue)))
		abort();
	s->queue->depth++;
}

bool sql_queue_list(store *s, arena *a, sql_stmt *st, void **items, size_t *n, size_t size,
		    const sql_col *cols)
{
	struct sql_queue *q = s->queue;
	if (!q || !q->depth || q->n == SQL_TOGETHER_MAX)
		return false;
	q->q[q->n++] = (queued){st, a, items, n, size, cols};
	*items = NULL;
	*n = 0;
	return true;
}

/* Sends what is queued; nested, the inner end sends too (its caller reads
 * the lists next), and the outer pair goes on queuing after it. */
int store_reads_end(store *s, err *e)
{
	struct sql_queue *q = s->queue;
	if (!q || !q->depth)
		return 0;
	q->depth--;
	size_t n = q->n;
	q->n = 0;
	sql_stmt *sts[SQL_TOGETHER_MAX];
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		sts[i] = q->q[i].st;
		if (!rc && sql_bind_check(s, sts[i], e) < 0)
			rc = -1;
	}
	int erc = rc || !n ? 0 : s->engine->run_together(s, sts, n);
	s->sent_along += n ? n - 1 : 0;
	if (erc)
		rc = s->engine->fail(s, erc, e);
	for (size_t i = 0; i < n; i++) {
		queued *k = &q->q[i];
		if (rc)
			sql_done(s, k->st);
		else if (sql_collect(s, k->a, k->st, k->items, k->n, k->size, k->cols, e) < 0)
			rc = -1;
	}
	return rc;
}

uint64_t store_round_trips(const store *s)
{
	return s->statements - s->sent_along;
}

void store_reads_free(store *s)
{
	if (s->queue)
		for (size_t i = 0; i < s->queue->n; i++)
			sql_done(s, s->queue->q[i].st);
	free(s->queue);
	s->queue = NULL;
}
