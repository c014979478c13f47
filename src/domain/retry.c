/* retry.c: a change's writes in one transaction, run again when it loses
 * to a concurrent one (PostgreSQL's SERIALIZABLE), for the changes that
 * do slow work first (a password's hash) and must not repeat it. */
#include <string.h>

#include "domain/internal.h"
#include "store/store.h"

typedef struct write_try {
	domain *d;
	domain_writes writes;
	void *ctx;
} write_try;

static int write_unit(store *s, void *ctx, err *e)
{
	write_try *t = ctx;
	if (store_begin(s, e) < 0 || t->writes(t->d, t->ctx, e) < 0)
		return -1;      /* store_retry rolls back */
	return store_commit(s, e);
}

int domain_write(domain *d, domain_writes writes, void *ctx, err *e)
{
	/* Inside the caller's transaction a loss rolls back the caller's work
	 * too: only the caller can run it all again. */
	if (d->db->in_tx)
		return writes(d, ctx, e);
	write_try t = {.d = d, .writes = writes, .ctx = ctx};
	if (store_retry(d->db, write_unit, &t, e) == 0)
		return 0;
	if (store_lost(d->db))
		err_set(e, ERR_BUSY, "%s", DOMAIN_BUSY_MESSAGE);
	return -1;
}

bool domain_busy(const err *e)
{
	return e->kind == ERR_BUSY && !strcmp(e->msg, DOMAIN_BUSY_MESSAGE);
}
