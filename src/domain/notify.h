/* notify.h: telling people what concerns them: an in-app notification
 * always, and an email at once, in a weekly digest or not at all, as each
 * person chooses per kind; the due-date reminders and the digests of
 * notify_tick; one-click unsubscribe links (RFC 8058). docs/notifications.md */
#ifndef COPRO_DOMAIN_NOTIFY_H
#define COPRO_DOMAIN_NOTIFY_H

#include <time.h>

#include "domain/domain.h"
#include "store/notify.h"

/* ---- the shared API (PROTOCOL.md) ------------------------------------------ */

/* Tells `user` about something, inside the caller's transaction: an in-app
 * notification always, and an email now or in the weekly digest as the
 * person chose for this kind. */
int notify_user(domain *d, int64_t user, const char *kind, const char *subject,
		const char *text, const char *path, err *e);
/* Due-date notifications (actions due in 7 days or overdue, reviews due,
 * rounds closing, reaccreditation due) and weekly digests: idempotent,
 * each said once; H1's sender thread and `copro mail send` call it. */
int notify_tick(domain *d, time_t now, err *e);
/* The same, counting the notifications said and the digests sent. */
int notify_tick_counts(domain *d, time_t now, size_t *said, size_t *digests, err *e);

/* News of the account's own safety: not one of notify_kinds, since nobody
 * may switch it off (the person must hear when someone else made it). */
#define NOTIFY_SECURITY "security"

/* Tells `user` of a change to their account's safety (two-factor sign-in
 * turned on or off, the password changed or reset): an in-app
 * notification of kind NOTIFY_SECURITY and an email at once, always,
 * without an unsubscribe link, saying what to do if it was not them.
 * Inside the caller's transaction; nothing for an account turned off. */
int notify_security(domain *d, int64_t user, const char *subject, const char *text, err *e);

/* ---- kinds and choices --------------------------------------------------------- */

typedef struct notify_kind {
	const char *key;        /* "audit-submitted" */
	const char *label;      /* "An organisation submits an audit" */
	const char *who;        /* who hears, for the settings page's hint */
	const char *how;        /* the default: "now", "weekly" or "in-app" */
} notify_kind;

#define NOTIFY_KINDS 6
extern const notify_kind notify_kinds[NOTIFY_KINDS];
/* NULL when `key` is not a kind. */
const notify_kind *notify_kind_find(const char *key);
/* "at once", "in a weekly digest", "in copro only". */
const char *notify_how_words(const char *how);

/* A person's choice for each kind, in notify_kinds' order (the default
 * where they never chose). */
int notify_settings_of(domain *d, int64_t user, const char *how[NOTIFY_KINDS], err *e);
/* Sets every kind at once: each `how` "now", "weekly" or "in-app" (else
 * ERR_INPUT naming the kind, and nothing changes). */
int notify_settings_set(domain *d, int64_t user, const char *const how[NOTIFY_KINDS], err *e);

/* ---- reading and marking ---------------------------------------------------------- */

/* The newest `limit`, newest first. */
int notifications_of(domain *d, int64_t user, int limit, bool unread_only,
		     notification_list *out, err *e);
int notifications_unread(domain *d, int64_t user, int64_t *n, err *e);
/* The counts of a page's frame as of today (store_frame_counts). */
int frame_counts(domain *d, int64_t user, int64_t org, int64_t area, frame_count_row *out, err *e);
/* The same as a list of one row, which can go with other reads
 * (domain_reads_begin). */
int frame_counts_list(domain *d, int64_t user, int64_t org, int64_t area, frame_count_list *out,
		      err *e);
int notifications_read_all(domain *d, int64_t user, err *e);

/* ---- housekeeping ---------------------------------------------------------------- */

/* How long copro keeps what only served to tell people: a notification
 * after it was read; an unsubscribe link (its email's link works this
 * long); and the record that a reminder was said, once it is no longer
 * due (while it is due, the record stops it being said again). */
#define NOTIFY_READ_KEEP_DAYS 180
#define NOTIFY_UNSUBSCRIBE_KEEP_DAYS 180
#define NOTIFY_SENT_KEEP_DAYS 30
/* Forgets them as of `now`, in one transaction; `gone` (may be NULL)
 * counts the rows. notify_tick does it on its first run of each day. */
int notify_prune(domain *d, time_t now, size_t *gone, err *e);

/* ---- unsubscribe links ---------------------------------------------------------- */

/* A new link's token for `user` and `kind` (a kind's key, or "all" for a
 * digest); only its SHA-256 is kept. */
int notify_unsubscribe_token(domain *d, int64_t user, const char *kind, char token[65], err *e);
/* What a link stops: ERR_NOTFOUND when the token is unknown. */
int notify_unsubscribe_find(domain *d, const char *token, int64_t *user, const char **kind, err *e);
/* Sets the link's kind (or every kind) to "in-app" for its person, and
 * nothing else (the one-click POST needs no sign-in). */
int notify_unsubscribe(domain *d, const char *token, const char **kind, err *e);

/* ---- events ------------------------------------------------------------------------ */

/* An audit moved to `status` ("submitted": its area's administrators
 * hear; "returned" or "accepted": its organisation's leads), inside the
 * move's transaction. */
int notify_audit_step(domain *d, const audit_row *a, const char *status, const char *comment,
		      err *e);

/* One thing someone should hear about because of a date. */
typedef struct notify_due {
	int64_t user;
	const char *kind, *event;       /* event: said once per person ("action-due:12:2026-12-10") */
	const char *subject, *text, *path, *on;
	bool overdue;
} notify_due;
typedef STORE_LIST(notify_due) notify_due_list;

/* What is due for everyone (user 0) or one person, as of `today`
 * (YYYY-MM-DD): actions due within 7 days or overdue, reviews within 7
 * days, rounds of views closing within 7, Gold awards due within 90. */
int notify_due_of(domain *d, int64_t user, const char *today, notify_due_list *out, err *e);

#endif
