/* notify_internal.h: what notify.c, notify_tick.c and notify_mail.c share
 * and nothing above the domain sees. */
#ifndef COPRO_DOMAIN_NOTIFY_INTERNAL_H
#define COPRO_DOMAIN_NOTIFY_INTERNAL_H

#include "domain/notify.h"

/* notify_user at time `at` (ISO), and the same for each of `users`. */
int notify_user_at(domain *d, int64_t user, const char *kind, const char *subject,
		   const char *text, const char *path, const char *at, err *e);
int notify_users(domain *d, const user_list *users, const char *kind, const char *subject,
		 const char *text, const char *path, const char *at, err *e);

/* Queues the email of notification `n` to `u` (chosen "at once"), and a
 * weekly digest of `items`: each says where to find it in copro and how
 * to stop, with a one-click unsubscribe link. */
int notify_mail_one(domain *d, const user_row *u, const notification_row *n, err *e);
int notify_mail_digest(domain *d, const user_row *u, const notification_list *items, err *e);

#endif
