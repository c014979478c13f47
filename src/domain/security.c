/* security.c: security events in the activity logs of the person's areas,
 * refused forms counted per hour, and the retention of sign-in failures
 * (domain/security.h). */
#include "domain/security.h"

#include <pthread.h>

#include "core/text.h"
#include "store/account.h"
#include "store/security.h"

/* Line `r` in the log of each area in `areas` (none: one line in no
 * area's log), in one transaction. */
static int add_to_areas(domain *d, activity_row *r, const store_id_list *areas, err *e)
{
	if (store_begin(d->db, e) < 0)
		return -1;
	size_t n = areas->n ? areas->n : 1;
	for (size_t i = 0; i < n; i++) {
		r->area_id = areas->n ? areas->items[i] : 0;
		if (store_security_add(d->db, r, e) < 0) {
			store_rollback(d->db);
			return -1;
		}
	}
	if (store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int security_event(domain *d, int64_t user, const char *what, const char *address, err *e)
{
	user_row u;
	store_id_list areas;
	int found = store_user_get(d->db, d->mem, user, &u, e);
	if (found < 0 || store_user_areas(d->db, d->mem, user, &areas, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	/* Someone in no area still has the line, for their own account page. */
	activity_row r = {.at = now, .user_id = found ? user : 0,
			  .user_name = found ? u.name : "copro",
			  .what = address && *address ? arena_printf(d->mem, "%s from %s", what, address)
						      : what};
	return add_to_areas(d, &r, &areas, e);
}

int security_events_of_user(domain *d, int64_t user, int limit, activity_list *out, err *e)
{
	return store_security_of_user(d->db, d->mem, user, limit, out, e);
}

int security_failures_prune(domain *d, time_t now, err *e)
{
	char before[21];
	time_iso((int64_t)now - (int64_t)SIGN_IN_FAILURE_KEEP_DAYS * 24 * 3600, before);
	return store_failures_prune(d->db, before, e);
}

/* ---- refusals counted per hour --------------------------------------
 * Forms refused for their security token, and passwords copro serve was
 * too busy to check (web/hashing.c), are counted in memory per hour by
 * every thread of the process: a flood of them costs no writes. `due`
 * holds finished hours not yet written (hours run together when none was
 * written between them). */

typedef struct hour_count {
	int64_t from, to;       /* hours since 1970: [from, to) */
	int64_t n;
} hour_count;

typedef struct refusals {
	pthread_mutex_t lock;
	hour_count now, due;
} refusals;

static refusals csrf = {.lock = PTHREAD_MUTEX_INITIALIZER};
static refusals busy = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Moves the current count to `due` once its hour is over. Holds the lock. */
static void roll(refusals *c, int64_t hour)
{
	if (!c->now.n || c->now.from == hour) {
		if (!c->now.n)
			c->now.from = hour;
		return;
	}
	if (!c->due.n)
		c->due.from = c->now.from;
	c->due.to = c->now.from + 1;
	c->due.n += c->now.n;
	c->now = (hour_count){.from = hour};
}

static void count_at(refusals *c, time_t now)
{
	pthread_mutex_lock(&c->lock);
	roll(c, (int64_t)now / 3600);
	c->now.n++;
	pthread_mutex_unlock(&c->lock);
}

void security_csrf_refused_at(time_t now)
{
	count_at(&csrf, now);
}

void security_csrf_refused(void)
{
	count_at(&csrf, time(NULL));
}

void security_busy_refused_at(time_t now)
{
	count_at(&busy, now);
}

void security_busy_refused(void)
{
	count_at(&busy, time(NULL));
}

/* The finished hours to write, taken out. */
static hour_count take_due(refusals *c, int64_t hour)
{
	pthread_mutex_lock(&c->lock);
	roll(c, hour);
	hour_count due = c->due;
	c->due = (hour_count){0};
	pthread_mutex_unlock(&c->lock);
	return due;
}

/* Put back for the next tick rather than lost. */
static void keep_due(refusals *c, hour_count due)
{
	if (!due.n)
		return;
	pthread_mutex_lock(&c->lock);
	if (c->due.n)
		due.to = c->due.to;
	due.n += c->due.n;
	c->due = due;
	pthread_mutex_unlock(&c->lock);
}

static int count_write(domain *d, const hour_count *h, bool forms, err *e)
{
	char from[21], to[21], now[21];
	time_iso(h->from * 3600, from);
	time_iso(h->to * 3600, to);
	time_now_iso(now);
	store_id_list areas;
	if (store_area_ids(d->db, d->mem, &areas, e) < 0)
		return -1;
	if (!areas.n)
		return 0;       /* before set-up: nobody to tell */
	const char *what = forms
		? arena_printf(d->mem, "refused %lld %s without a valid security token"
			       " (a form from another site, or one kept open too long)", (long long)h->n,
			       h->n == 1 ? "form" : "forms")
		: arena_printf(d->mem, "asked %lld %s to try again in a few seconds: too many passwords"
			       " to check at once (many people signing in together, or someone trying"
			       " many passwords)", (long long)h->n,
			       h->n == 1 ? "sign-in or password form" : "sign-ins and password forms");
	activity_row r = {.at = now, .user_name = "copro",
			  .what = arena_printf(d->mem, "%s between %.16s and %.16s UTC", what, from, to)};
	return add_to_areas(d, &r, &areas, e);
}

int security_tick(domain *d, time_t now, err *e)
{
	hour_count forms = take_due(&csrf, (int64_t)now / 3600);
	hour_count hashes = take_due(&busy, (int64_t)now / 3600);
	if (!forms.n && !hashes.n)
		return 0;
	if (forms.n && count_write(d, &forms, true, e) < 0) {
		keep_due(&csrf, forms);
		keep_due(&busy, hashes);
		return -1;
	}
	if (hashes.n && count_write(d, &hashes, false, e) < 0) {
		keep_due(&busy, hashes);
		return -1;
	}
	/* The commit lets go of the write lock that copro serve takes for a
	 * whole change (store_write_lock), which the change still needs: it
	 * is taken again, as the server had it. */
	return store_write_lock(d->db, e) < 0 ? -1 : 1;
}
