/* notify.h: the rows behind notifications (domain/notify.h): a person's
 * notifications and choices, the due-date events already said, digests,
 * unsubscribe links, who hears about an organisation, and what falls due.
 * Part of the store layer; see store.h. */
#ifndef COPRO_STORE_NOTIFY_H
#define COPRO_STORE_NOTIFY_H

#include "store/store.h"

typedef struct notification_row {
	int64_t id, user_id;
	const char *kind, *subject, *text, *path, *created_at;
	const char *read_at;            /* NULL: unread */
	bool digest;                    /* waits for the weekly digest */
} notification_row;
typedef STORE_LIST(notification_row) notification_list;

typedef struct notify_setting_row {
	const char *kind, *how;
} notify_setting_row;
typedef STORE_LIST(notify_setting_row) notify_setting_list;

/* Something with a date that someone should hear about: an action (due or
 * to review), an audit to review, a round of views closing, a Gold award
 * to renew. `owner` is an action's owner as typed (a name, an email or
 * nothing); `org_name` is joined for the wording. */
typedef struct due_row {
	int64_t id, organisation_id;
	const char *title, *owner, *on, *org_name;
} due_row;
typedef STORE_LIST(due_row) due_list;

enum due_what {
	DUE_ACTION,             /* open actions by due date */
	DUE_ACTION_REVIEW,      /* open actions by review date */
	DUE_AUDIT_REVIEW,       /* the newest accepted audits by review date */
	DUE_VIEWS_CLOSING,      /* open rounds of views by closing date, from `from` */
	DUE_GOLD,               /* each organisation's latest award by reaccreditation date */
};

int store_notification_insert(store *s, const notification_row *n, int64_t *id, err *e);
/* The newest `limit` of a person's notifications, newest first. */
int store_notifications_of_user(store *s, arena *a, int64_t user, int limit, bool unread_only,
				notification_list *out, err *e);
int store_notifications_unread(store *s, int64_t user, int64_t *n, err *e);
/* What every page's frame counts (web/layout.c), in one statement: the
 * person's unread notifications, the organisation's overdue actions and
 * the area's audits waiting for a decision; an organisation or area of 0
 * counts nothing. */
typedef struct frame_count_row {
	int64_t unread, overdue, to_decide;
} frame_count_row;
int store_frame_counts(store *s, int64_t user, int64_t org, int64_t area, const char *today,
		       frame_count_row *out, err *e);
/* The same as a list of its one row, so that it can go with other reads
 * (store_reads_begin). */
typedef STORE_LIST(frame_count_row) frame_count_list;
int store_frame_counts_list(store *s, arena *a, int64_t user, int64_t org, int64_t area,
			    const char *today, frame_count_list *out, err *e);
int store_notifications_read_all(store *s, int64_t user, const char *now, err *e);

/* A person's choice for `kind` (*how NULL when never chosen). */
int store_notify_setting_get(store *s, arena *a, int64_t user, const char *kind, const char **how,
			     err *e);
int store_notify_settings_of_user(store *s, arena *a, int64_t user, notify_setting_list *out,
				  err *e);
int store_notify_setting_put(store *s, int64_t user, const char *kind, const char *how,
			     const char *now, err *e);

/* Remembers that `event` was said to `user`: 1 when it is new, 0 when it
 * was said before. */
int store_notify_sent_has(store *s, int64_t user, const char *event, int64_t *n, err *e);
int store_notify_sent_mark(store *s, int64_t user, const char *event, const char *now, err *e);

/* Housekeeping (notify_prune): read notifications read before `before`,
 * unsubscribe links made before `before` (each answers how many went),
 * and the reminders said before `before` with the key to forget one. */
int store_notifications_prune_read(store *s, const char *before, err *e);
int store_unsubscribe_prune(store *s, const char *before, err *e);
typedef struct sent_row {
	int64_t user_id;
	const char *event;
} sent_row;
typedef STORE_LIST(sent_row) sent_list;
int store_notify_sent_before(store *s, arena *a, const char *before, sent_list *out, err *e);
int store_notify_sent_forget(store *s, int64_t user, const char *event, err *e);

/* An account that may be told something: 1 found, 0 gone or disabled. */
int store_notify_recipient(store *s, arena *a, int64_t user, user_row *out, err *e);
/* The people with items waiting for their digest since before `before`,
 * and one person's items (by kind, oldest first); marking them sent
 * records the digest's time. */
int store_digest_users(store *s, arena *a, const char *before, user_list *out, err *e);
int store_digest_items(store *s, arena *a, int64_t user, notification_list *out, err *e);
int store_digest_last(store *s, arena *a, int64_t user, const char **sent_at, err *e);
int store_digest_done(store *s, int64_t user, const char *now, err *e);

int store_unsubscribe_insert(store *s, const char *hash, int64_t user, const char *kind,
			     const char *now, err *e);
typedef struct unsubscribe_row {
	const char *token_hash;
	int64_t user_id;
	const char *kind;       /* a kind's key, or "all" */
} unsubscribe_row;
/* 1 found, 0 not. */
int store_unsubscribe_get(store *s, arena *a, const char *hash, unsubscribe_row *out, err *e);

/* Accounts: an organisation's leads, an area's administrators, everyone
 * with a role in an organisation (for owners typed as names). */
int store_org_leads(store *s, arena *a, int64_t org, user_list *out, err *e);
int store_area_admins(store *s, arena *a, int64_t area, user_list *out, err *e);
int store_org_people(store *s, arena *a, int64_t org, user_list *out, err *e);
/* The area of a person's first role (0 when none). */
int store_user_area(store *s, int64_t user, int64_t *area, err *e);

/* What falls due on or before `until` (rounds: from `from`), in the
 * organisations where `user` has a role (0: all), soonest first. */
int store_due(store *s, arena *a, enum due_what what, int64_t user, const char *from,
	      const char *until, due_list *out, err *e);

#endif
