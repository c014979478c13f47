/* notify_tick.c: what dates bring: actions due within 7 days or overdue,
 * reviews due, rounds of views closing, Charter Gold reaccreditation due,
 * each said once per person (notification_sent), and the weekly digests.
 * The home page's "Waiting for you" reads the same list for one person. */
#include "domain/notify_internal.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "store/account.h"
#include "store/notify.h"

#define DAY (24 * 60 * 60)
#define SOON_DAYS 7
#define GOLD_SOON_DAYS 90

/* `iso` (YYYY-MM-DD) moved by `days`, in the arena. */
static const char *day_plus(arena *a, const char *iso, int days)
{
	int64_t t = time_parse_iso(arena_printf(a, "%.10sT00:00:00Z", iso));
	char out[21];
	time_iso(t + (int64_t)days * DAY, out);
	return arena_strndup(a, out, 10);
}

typedef struct builder {
	domain *d;
	notify_due_list *out;
	size_t cap;
	int64_t only;           /* one person's (0: everyone's) */
	const char *today;
} builder;

static void push(builder *b, int64_t user, const char *kind, const char *event,
		 const char *subject, const char *text, const char *path, const due_row *r)
{
	if (b->only && user != b->only)
		return;
	if (b->out->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		notify_due *grown = ARENA_ARRAY(b->d->mem, b->cap, grown);
		if (b->out->n)
			memcpy(grown, b->out->items, b->out->n * sizeof *grown);
		b->out->items = grown;
	}
	b->out->items[b->out->n++] = (notify_due){.user = user, .kind = kind, .event = event,
		.subject = subject, .text = text, .path = path, .on = r->on,
		.overdue = strcmp(r->on, b->today) < 0};
}

static void push_all(builder *b, const user_list *people, const char *kind, const char *event,
		     const char *subject, const char *text, const char *path, const due_row *r)
{
	for (size_t i = 0; i < people->n; i++)
		push(b, people->items[i].id, kind, event, subject, text, path, r);
}

static bool same_words(const char *a, const char *b)
{
	while (*a == ' ')
		a++;
	size_t n = strlen(a);
	while (n && a[n - 1] == ' ')
		n--;
	return n && strlen(b) == n && !strncasecmp(a, b, n);
}

/* Who hears about an action: the one person of its organisation whose
 * name or email is the owner as typed; else (no owner, nobody, or two
 * people of that name) its leads, and *note says why. */
static int action_people(builder *b, const due_row *r, user_list *out, const char **note, err *e)
{
	domain *d = b->d;
	user_list all;
	*note = "";
	if (store_org_people(d->db, d->mem, r->organisation_id, &all, e) < 0)
		return -1;
	size_t found = 0, at = 0;
	for (size_t i = 0; *r->owner && i < all.n; i++)
		if (same_words(r->owner, all.items[i].name) || same_words(r->owner, all.items[i].email)) {
			found++;
			at = i;
		}
	if (found == 1) {
		*out = (user_list){.items = &all.items[at], .n = 1};
		return 0;
	}
	if (!*r->owner)
		*note = " It has no owner, so its organisation's leads hear about it.";
	else
		*note = arena_printf(d->mem, " Its owner, %s, %s in this organisation, so its leads hear about it.",
				     r->owner, found ? "matches more than one person's account" : "has no account");
	return store_org_leads(d->db, d->mem, r->organisation_id, out, e);
}

static int add_actions(builder *b, enum due_what what, const char *until, err *e)
{
	domain *d = b->d;
	due_list rows;
	if (store_due(d->db, d->mem, what, b->only, b->today, until, &rows, e) < 0)
		return -1;
	bool review = what == DUE_ACTION_REVIEW;
	for (size_t i = 0; i < rows.n; i++) {
		const due_row *r = &rows.items[i];
		user_list people;
		const char *note;
		if (action_people(b, r, &people, &note, e) < 0)
			return -1;
		bool late = strcmp(r->on, b->today) < 0;
		const char *when = date_in_words(d->mem, r->on);
		const char *subject = arena_printf(d->mem, "%s %s %s: %s", review ? "Review of action" : "Action",
						   late ? "was due on" : "is due on", when, r->title);
		const char *text = arena_printf(d->mem, "%s: the action \"%s\" %s %s %s.%s", r->org_name, r->title,
						review ? "has its review" : "is", late ? "overdue since" : "due on",
						when, note);
		const char *event = arena_printf(d->mem, "%s:%lld:%s", review ? "action-review"
						 : late ? "action-overdue" : "action-due", (long long)r->id, r->on);
		const char *path = review ? arena_printf(d->mem, "/org/%lld/actions/%lld/review",
							 (long long)r->organisation_id, (long long)r->id)
					  : arena_printf(d->mem, "/org/%lld/actions", (long long)r->organisation_id);
		push_all(b, &people, review ? "review-due" : "action-due", event, subject, text, path, r);
	}
	return 0;
}

/* Audits to review, rounds closing and awards to renew: the leads hear. */
static int add_for_leads(builder *b, enum due_what what, const char *until, err *e)
{
	domain *d = b->d;
	due_list rows;
	if (store_due(d->db, d->mem, what, b->only, b->today, until, &rows, e) < 0)
		return -1;
	for (size_t i = 0; i < rows.n; i++) {
		const due_row *r = &rows.items[i];
		user_list leads;
		if (store_org_leads(d->db, d->mem, r->organisation_id, &leads, e) < 0)
			return -1;
		bool late = strcmp(r->on, b->today) < 0;
		const char *when = date_in_words(d->mem, r->on);
		long long org = (long long)r->organisation_id, id = (long long)r->id;
		const char *kind, *event, *subject, *text, *path;
		if (what == DUE_AUDIT_REVIEW) {
			kind = "review-due";
			event = arena_printf(d->mem, "audit-review:%lld:%s", id, r->on);
			subject = arena_printf(d->mem, "%s's joint partnership audit %s reviewed by %s", r->org_name,
					       late ? "was to be" : "is to be", when);
			text = arena_printf(d->mem, "The accepted audit%s%s%s gives %s as its review date.",
					    *r->title ? " (" : "", r->title, *r->title ? ")" : "", when);
			path = arena_printf(d->mem, "/org/%lld/audit/%lld", org, id);
		} else if (what == DUE_VIEWS_CLOSING) {
			kind = "views-closing";
			event = arena_printf(d->mem, "views-closing:%lld:%s", id, r->on);
			subject = arena_printf(d->mem, "The round of views \"%s\" closes on %s", r->title, when);
			text = arena_printf(d->mem, "%s: partners can answer the round \"%s\" until %s. "
					    "Remind those who have not answered yet.", r->org_name, r->title, when);
			path = arena_printf(d->mem, "/org/%lld/views/%lld", org, id);
		} else {
			kind = "gold-due";
			event = arena_printf(d->mem, "gold-%s:%lld:%s", late ? "overdue" : "due", id, r->on);
			subject = arena_printf(d->mem, "Charter Gold reaccreditation %s %s", late ? "was due on" : "is due on",
					       when);
			text = arena_printf(d->mem, "%s's Charter Gold award (self-evaluation %s) is due for reaccreditation on %s.",
					    r->org_name, r->title, when);
			path = arena_printf(d->mem, "/org/%lld", org);
		}
		push_all(b, &leads, kind, event, subject, text, path, r);
	}
	return 0;
}

int notify_due_of(domain *d, int64_t user, const char *today, notify_due_list *out, err *e)
{
	*out = (notify_due_list){0};
	builder b = {.d = d, .out = out, .only = user, .today = today};
	const char *soon = day_plus(d->mem, today, SOON_DAYS);
	if (add_actions(&b, DUE_ACTION, soon, e) < 0 || add_actions(&b, DUE_ACTION_REVIEW, soon, e) < 0 ||
	    add_for_leads(&b, DUE_AUDIT_REVIEW, soon, e) < 0 ||
	    add_for_leads(&b, DUE_VIEWS_CLOSING, soon, e) < 0 ||
	    add_for_leads(&b, DUE_GOLD, day_plus(d->mem, today, GOLD_SOON_DAYS), e) < 0)
		return -1;
	return 0;
}

/* ---- the tick ------------------------------------------------------------------ */

/* Each reminder, each digest and the housekeeping is a transaction of its
 * own, run again alone when it loses to a concurrent one (store_retry,
 * which reads afresh): those before it stay committed, and the tick's
 * counts stay true. Run again whole (the command line's retry), a tick
 * counted only its last try's reminders. */
typedef struct say_try {
	domain *d;
	const notify_due *it;
	const char *at;
	int fresh;              /* 1: said by this try */
} say_try;

/* Says `it` unless it was said before: one transaction, so a crash
 * between the mark and the notification leaves neither. The tick runs
 * every minute and most of what is due was said long ago: a read first,
 * so that takes no write lock; the mark inside decides a race. */
static int say_unit(store *s, void *ctx, err *e)
{
	say_try *t = ctx;
	int64_t known;
	t->fresh = 0;
	if (store_notify_sent_has(s, t->it->user, t->it->event, &known, e) < 0)
		return -1;
	if (known)
		return 0;
	if (store_begin(s, e) < 0)
		return -1;
	int fresh = store_notify_sent_mark(s, t->it->user, t->it->event, t->at, e);
	if (fresh < 0 || (fresh && notify_user_at(t->d, t->it->user, t->it->kind, t->it->subject,
						   t->it->text, t->it->path, t->at, e) < 0) ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	t->fresh = fresh;
	return 0;
}

static int say_once(domain *d, const notify_due *it, const char *at, size_t *said, err *e)
{
	say_try t = {.d = d, .it = it, .at = at};
	if (store_retry(d->db, say_unit, &t, e) < 0)
		return -1;
	*said += (size_t)t.fresh;
	return 0;
}

/* The start of the digest's week: Monday 07:00 UTC on or before `now`. */
static void week_start(time_t now, char out[21])
{
	struct tm tm;
	gmtime_r(&now, &tm);
	int64_t t = (int64_t)now - ((tm.tm_wday + 6) % 7) * (int64_t)DAY
		    - tm.tm_hour * 3600 - tm.tm_min * 60 - tm.tm_sec + 7 * 3600;
	if (t > (int64_t)now)
		t -= 7 * (int64_t)DAY;
	time_iso(t, out);
}

typedef struct digest_try {
	domain *d;
	const user_row *u;
	const char *week, *at;
	bool sent;              /* a digest with items was queued by this try */
} digest_try;

static int digest_unit(store *s, void *ctx, err *e)
{
	digest_try *t = ctx;
	const char *last;
	notification_list items;
	t->sent = false;
	if (store_digest_last(s, t->d->mem, t->u->id, &last, e) < 0)
		return -1;
	if (last && strcmp(last, t->week) >= 0)
		return 0;
	if (store_begin(s, e) < 0)
		return -1;
	if (store_digest_items(s, t->d->mem, t->u->id, &items, e) < 0 ||
	    (items.n && notify_mail_digest(t->d, t->u, &items, e) < 0) ||
	    store_digest_done(s, t->u->id, t->at, e) < 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	t->sent = items.n > 0;
	return 0;
}

/* Each person with items waiting from before this week gets one digest
 * a week: the first tick from Monday 07:00 UTC sends it (with all that
 * waits), unless one went since then; this week's items wait for the
 * next. */
static int send_digests(domain *d, time_t now, const char *at, size_t *sent, err *e)
{
	char week[21];
	week_start(now, week);
	user_list people;
	if (store_digest_users(d->db, d->mem, week, &people, e) < 0)
		return -1;
	for (size_t i = 0; i < people.n; i++) {
		digest_try t = {.d = d, .u = &people.items[i], .week = week, .at = at};
		if (store_retry(d->db, digest_unit, &t, e) < 0)
			return -1;
		*sent += t.sent;
	}
	return 0;
}

/* ---- housekeeping -------------------------------------------------------------- */

static int due_order(const void *a, const void *b)
{
	const notify_due *x = a, *y = b;
	if (x->user != y->user)
		return x->user < y->user ? -1 : 1;
	return strcmp(x->event, y->event);
}

typedef struct prune_try {
	domain *d;
	time_t now;
	notify_due_list *due;
	size_t gone;
} prune_try;

static int prune_unit(store *s, void *ctx, err *e)
{
	prune_try *t = ctx;
	char read[21], links[21], sent[21];
	time_iso((int64_t)t->now - (int64_t)NOTIFY_READ_KEEP_DAYS * DAY, read);
	time_iso((int64_t)t->now - (int64_t)NOTIFY_UNSUBSCRIBE_KEEP_DAYS * DAY, links);
	time_iso((int64_t)t->now - (int64_t)NOTIFY_SENT_KEEP_DAYS * DAY, sent);
	sent_list old;
	if (store_notify_sent_before(s, t->d->mem, sent, &old, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	int notes = store_notifications_prune_read(s, read, e);
	int unsub = notes < 0 ? -1 : store_unsubscribe_prune(s, links, e);
	if (unsub < 0)
		goto fail;
	size_t n = (size_t)notes + (size_t)unsub;
	for (size_t i = 0; i < old.n; i++) {
		notify_due key = {.user = old.items[i].user_id, .event = old.items[i].event};
		if (t->due->n && bsearch(&key, t->due->items, t->due->n, sizeof *t->due->items, due_order))
			continue;
		if (store_notify_sent_forget(s, key.user, key.event, e) < 0)
			goto fail;
		n++;
	}
	if (store_commit(s, e) < 0)
		goto fail;
	t->gone = n;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

/* `due` is what is due now for everyone: a reminder said long ago that is
 * still in it must stay said. Sorts `due`. */
static int prune_with(domain *d, time_t now, notify_due_list *due, size_t *gone, err *e)
{
	if (due->n)
		qsort(due->items, due->n, sizeof *due->items, due_order);
	prune_try t = {.d = d, .now = now, .due = due};
	if (store_retry(d->db, prune_unit, &t, e) < 0)
		return -1;
	if (gone)
		*gone = t.gone;
	return 0;
}

int notify_prune(domain *d, time_t now, size_t *gone, err *e)
{
	char at[21];
	time_iso((int64_t)now, at);
	notify_due_list due;
	if (notify_due_of(d, 0, arena_strndup(d->mem, at, 10), &due, e) < 0)
		return -1;
	return prune_with(d, now, &due, gone, e);
}

/* The day of the last housekeeping in this process: once a day is enough,
 * and the tick runs every minute. */
static _Atomic int64_t pruned_day;

int notify_tick_counts(domain *d, time_t now, size_t *said, size_t *digests, err *e)
{
	char at[21];
	time_iso((int64_t)now, at);
	const char *when = arena_strdup(d->mem, at);
	*said = *digests = 0;
	notify_due_list due;
	if (notify_due_of(d, 0, arena_strndup(d->mem, at, 10), &due, e) < 0)
		return -1;
	for (size_t i = 0; i < due.n; i++)
		if (say_once(d, &due.items[i], when, said, e) < 0)
			return -1;
	if (send_digests(d, now, when, digests, e) < 0)
		return -1;
	int64_t day = (int64_t)now / DAY;
	if (atomic_exchange(&pruned_day, day) != day && prune_with(d, now, &due, NULL, e) < 0) {
		atomic_store(&pruned_day, 0);   /* tried again on the next tick */
		return -1;
	}
	return 0;
}

int notify_tick(domain *d, time_t now, err *e)
{
	size_t said, digests;
	return notify_tick_counts(d, now, &said, &digests, e);
}
