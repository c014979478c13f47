/* mail.h: email, as copro's other layers see it: a message is queued in
 * the outbox inside the transaction of the change it tells of, and a
 * sender (src/mail: copro serve's thread, `copro mail send`) claims,
 * delivers and marks it, retrying with back-off. */
#ifndef COPRO_DOMAIN_MAIL_H
#define COPRO_DOMAIN_MAIL_H

#include "domain/account.h"
#include "domain/domain.h"
#include "store/outbox.h"

typedef struct mail_message {
	const char *to;          /* one address */
	const char *subject;     /* one line, UTF-8 */
	const char *text;        /* plain-text body, UTF-8 */
	const char *kind;        /* "invitation" "password-reset" "notification" "digest" "security" "test" */
	int64_t user;            /* the recipient's account, 0 when none (an invitation) */
	int64_t area;            /* whose administrators see a failed delivery, 0 when none */
	const char *unsubscribe; /* full link for List-Unsubscribe (RFC 8058), or NULL */
} mail_message;

/* Adds the message to the outbox inside the caller's transaction
 * (between store_begin and store_commit) so a change and its emails
 * commit together; outside a transaction it commits on its own. */
int mail_queue(domain *d, const mail_message *m, err *e);
/* The absolute link for a path ("/reset/abc"): the base URL set at start
 * (serve --base-url, config base-url) + path. */
const char *mail_link(arena *a, const char *path);
void mail_set_base_url(const char *url);   /* once, at start */
/* The base URL in use (http://localhost:8080 until one is set). */
const char *mail_base_url(void);

/* Called (from the queuing thread) each time a message is queued, so
 * that copro serve's sender wakes: mail/sender.c sets it. */
void mail_on_queue(void (*fn)(void));

/* One email address as copro accepts it (no display name, no list): -1
 * with a sentence saying what is wrong. `what` names the field. */
int mail_address_check(const char *what, const char *address, err *e);

/* ---- the outbox, read ----------------------------------------------------- */

/* The newest first: area 0 every area's; status NULL every status
 * ("waiting" "sending" "sent" "failed"); to NULL every address. */
int mail_outbox(domain *d, int64_t area, const char *status, const char *to, int limit,
		outbox_list *out, err *e);
int mail_counts(domain *d, int64_t area, outbox_counts *out, err *e);
/* The failure of a message in words for the area's page. */
const char *mail_error_words(const outbox_row *m);

/* ---- delivery (for src/mail) ------------------------------------------------
 * A message is tried MAIL_MAX_ATTEMPTS times: after the first failure it
 * waits 1 minute, then 5, 15, 60 and 240 (mail_retry_delay), and after
 * the last it is marked failed for the area's administrators to see. */
#define MAIL_MAX_ATTEMPTS 6
/* How long a sender may hold a message before another may take it. */
#define MAIL_CLAIM_SECONDS 600

int64_t mail_retry_delay(int attempts);
/* Claims the oldest message due at `now` for this sender, in a
 * transaction of its own, so that no other sender (another serve
 * process, cron's `copro mail send`) takes it too: 1 claimed (*out), 0
 * none due. */
int mail_claim(domain *d, int64_t now, outbox_row *out, err *e);
int mail_delivered(domain *d, int64_t id, int64_t now, err *e);
/* A try that failed: the message waits for its next try, or is failed
 * when it has had its tries or `permanent` (the server refused it for
 * good). `error` is the reason in words. */
int mail_undelivered(domain *d, const outbox_row *m, int64_t now, const char *error, bool permanent,
		     err *e);
/* An area administrator's "Try again" on a failed message of the area,
 * with a line in the area's activity log. */
int mail_retry(domain *d, const user_row *who, int64_t area, int64_t id, err *e);

#endif
