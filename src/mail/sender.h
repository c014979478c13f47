/* sender.h: delivering the outbox: one pass (`copro mail send`, cron) or
 * a thread beside `copro serve` that wakes when mail is queued and every
 * minute, and stops cleanly. Each message is claimed in a transaction
 * before it is sent (domain/mail.h), so several senders on one database
 * never send one message twice. */
#ifndef COPRO_MAIL_SENDER_H
#define COPRO_MAIL_SENDER_H

#include <time.h>

#include "domain/domain.h"
#include "mail/smtp.h"

typedef struct mail_pass_result {
	int sent, deferred, failed;
} mail_pass_result;

/* Sends every message due at `now` (0: the clock) through `s`, and first
 * lets the notifications say what is due (notify_tick). */
int mail_send_pass(domain *d, const smtp_settings *s, time_t now, mail_pass_result *out, err *e);

/* The thread of copro serve: its own connection to `db_path`; `s` must
 * outlive it. */
int mail_sender_start(const char *db_path, const fw_registry *frameworks, const smtp_settings *s,
		      err *e);
/* Wakes the thread (mail_queue calls it through domain/mail.h's hook). */
void mail_sender_wake(void);
/* Asks the thread to stop after the message under way, and waits. */
void mail_sender_stop(void);

#endif
