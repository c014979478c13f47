/* notify_mail.c: the emails of notifications: one at once, or a person's
 * weekly digest. Each says where the same news waits in copro, why the
 * person gets it and how to stop it, with a one-click unsubscribe link
 * (RFC 8058) for the List-Unsubscribe header. Queued in the outbox
 * (domain/mail.h) inside the caller's transaction. */
#include "domain/notify_internal.h"

#include <string.h>

#include "domain/mail.h"
#include "store/notify.h"

static const char *link_to(domain *d, const char *path)
{
	return mail_link(d->mem, path);
}

/* A failed delivery shows to the administrators of the person's area. */
static int queue(domain *d, const user_row *u, const char *kind, const char *subject,
		 const char *body, const char *unsubscribe, err *e)
{
	mail_message m = {.to = u->email, .subject = subject, .text = body, .kind = kind,
			  .user = u->id, .unsubscribe = unsubscribe};
	if (store_user_area(d->db, u->id, &m.area, e) < 0)
		return -1;
	return mail_queue(d, &m, e);
}

/* The closing lines: where to choose, and the one-click link. */
static int footer(domain *d, const user_row *u, const char *unsub_kind, const char *why,
		  const char **text, const char **link, err *e)
{
	char token[65];
	if (notify_unsubscribe_token(d, u->id, unsub_kind, token, e) < 0)
		return -1;
	*link = link_to(d, arena_printf(d->mem, "/unsubscribe/%s", token));
	*text = arena_printf(d->mem,
			     "--\n%s\nChoose which emails you get: %s\n"
			     "Stop these emails with one click (you will still see the news in copro): %s\n",
			     why, link_to(d, "/account/notifications"), *link);
	return 0;
}

int notify_mail_one(domain *d, const user_row *u, const notification_row *n, err *e)
{
	const notify_kind *k = notify_kind_find(n->kind);
	const char *foot, *link;
	const char *why = arena_printf(d->mem, "You get an email at once for news of this kind: %s.",
				       k->label);
	if (footer(d, u, n->kind, why, &foot, &link, e) < 0)
		return -1;
	const char *body = arena_printf(d->mem, "Hello %s,\n\n%s\n\n%s%s%s\n"
					"Your notifications in copro: %s\n\n%s",
					u->name, n->subject, *n->text ? n->text : "", *n->text ? "\n\n" : "",
					*n->path ? arena_printf(d->mem, "See it in copro: %s\n",
								link_to(d, n->path)) : "",
					link_to(d, "/notifications"), foot);
	return queue(d, u, "notification", arena_printf(d->mem, "copro: %s", n->subject), body, link, e);
}

/* A digest lists this many items; the rest wait in copro, counted. */
#define DIGEST_LISTED 50

int notify_mail_digest(domain *d, const user_row *u, const notification_list *items, err *e)
{
	const char *list = "";
	const char *kind = NULL;
	size_t listed = items->n < DIGEST_LISTED ? items->n : DIGEST_LISTED;
	for (size_t i = 0; i < listed; i++) {
		const notification_row *n = &items->items[i];
		if (!kind || strcmp(kind, n->kind)) {
			kind = n->kind;
			const notify_kind *k = notify_kind_find(kind);
			list = arena_printf(d->mem, "%s\n%s\n", list, k ? k->label : kind);
		}
		list = arena_printf(d->mem, "%s- %s%s%s%s%s\n", list, n->subject,
				    *n->text ? "\n  " : "", n->text,
				    *n->path ? "\n  " : "", *n->path ? link_to(d, n->path) : "");
	}
	if (listed < items->n)
		list = arena_printf(d->mem, "%s\nand %zu more: see them all in copro.\n", list, items->n - listed);
	const char *foot, *link;
	if (footer(d, u, "all", "You get this weekly digest for the kinds of news set to a weekly digest.",
		   &foot, &link, e) < 0)
		return -1;
	const char *body = arena_printf(d->mem, "Hello %s,\n\nThis week in copro (%zu %s):\n%s\n"
					"Your notifications in copro: %s\n\n%s",
					u->name, items->n, items->n == 1 ? "item" : "items", list,
					link_to(d, "/notifications"), foot);
	return queue(d, u, "digest",
		     arena_printf(d->mem, "copro: your weekly digest (%zu %s)", items->n,
				  items->n == 1 ? "item" : "items"), body, link, e);
}
