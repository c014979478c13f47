/* change.c: the end of a change's one transaction, and the change run
 * again, whole, when PostgreSQL's SERIALIZABLE made it lose (issue 16). */
#include "web/change.h"

#include "store/store.h"
#include "web/partner.h"

/* The 503 page for a change the database could not write; when it was
 * busy, with Retry-After, as every "busy, try again" answer of copro's. */
void change_not_saved(request *r, const err *why)
{
	if (r->route && (r->route->flags & ROUTE_PARTNER)) {
		partner_not_saved(r, why->kind == ERR_BUSY);   /* never a staff page */
		return;
	}
	if (why->kind == ERR_BUSY) {
		web_busy_page(r, "Sorry, copro is busy");
		return;
	}
	web_error_page(r, 503, "Sorry, your change was not saved",
		       arena_printf(&r->mem, "Nothing was saved because %s. Tell whoever runs copro for you, then send the form again.",
				    why->msg));
}

/* Committed when the handler succeeded, rolled back when it refused
 * (nothing of a refused change is kept) or left its own transactions
 * unbalanced (a bug). */
void change_finish(request *r)
{
	store *db = r->d.db;
	err e = {0};
	/* A form refused because the database could not write (read-only, a
	 * full disk) is not the person's mistake: say so, and why. */
	if (r->status >= 400 && store_refusal(db, &e) < 0) {
		store_rollback(db);
		change_not_saved(r, &e);
		return;
	}
	if (!db->in_tx)
		return;         /* the handler rolled back already */
	if (db->in_tx > 1) {
		store_rollback(db);
		web_error_page(r, 500, "Sorry, something went wrong",
			       "Nothing was saved: copro left a change unfinished (a bug). Please report it.");
		return;
	}
	if (r->status >= 400) {
		store_rollback(db);
		return;
	}
	if (store_commit(db, &e) < 0) {
		err why = {0};
		bool refused = store_refusal(db, &why) < 0;
		store_rollback(db);
		r->location = NULL;
		r->download = NULL;
		if (refused)
			change_not_saved(r, &why);
		else
			web_error_page(r, 503, "Sorry, your change was not saved", e.msg);
	}
}

/* Safe because nothing of a try has left copro yet: handlers write the
 * response into the request (out, status, cookies, headers) and the
 * server sends it after web_dispatch returns; mail is queued and activity
 * lines written in the transaction that was rolled back. What stays is
 * memory in the request's arena, freed with it, and any work the handler
 * did outside the database again, such as hashing a password. */
bool change_again(request *r, const request *first, int done)
{
	if (!store_retry_next(r->d.db, done))
		return false;
	arena mem = r->mem;
	*r = *first;
	r->mem = mem;
	return true;
}
