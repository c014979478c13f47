/* sender.c: the outbox's deliveries (mail/sender.h). */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/text.h"
#include "domain/mail.h"
#include "domain/notify.h"
#include "mail/sender.h"


#define WAKE_SECONDS 60
/* A wake comes as mail is queued, before the change's transaction has
 * committed: look again a few times, shortly, before waiting a minute. */
#define RECHECK_MS 150
#define RECHECKS 20

static int deliver_one(domain *d, const smtp_settings *s, time_t now, mail_pass_result *out, err *e)
{
	outbox_row m;
	int got = mail_claim(d, now, &m, e);
	if (got <= 0)
		return got;
	smtp_result r;
	smtp_send(s, &m, now, &r);
	if (r.ok) {
		out->sent++;
		return mail_delivered(d, m.id, time_now_epoch(), e) < 0 ? -1 : 1;
	}
	bool last = r.permanent || m.attempts >= MAIL_MAX_ATTEMPTS;
	if (last)
		out->failed++;
	else
		out->deferred++;
	return mail_undelivered(d, &m, time_now_epoch(), r.error, r.permanent, e) < 0 ? -1 : 1;
}

int mail_send_pass(domain *d, const smtp_settings *s, time_t now, mail_pass_result *out, err *e)
{
	*out = (mail_pass_result){0};
	if (!now)
		now = time_now_epoch();
	/* Due-date notifications and digests queue their mail first, so
	 * this pass sends them. */
	if (notify_tick(d, now, e) < 0)
		return -1;
	int got = 0;
	/* At most as many as were due: a message deferred in this pass is
	 * not due again until its wait is over, so the loop ends; and at
	 * once when the sender is asked to stop. */
	while (!(s->cancel && *s->cancel) && (got = deliver_one(d, s, now, out, e)) > 0)
		;
	return got < 0 ? -1 : 0;
}

/* ---- the thread ------------------------------------------------------------ */

static struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t thread;
	bool running, stop, woken;
	store db;
	const char *db_path;
	const fw_registry *frameworks;
	smtp_settings settings;         /* serve's, with `cancel` set to this thread's */
	_Atomic bool cancel;            /* set by mail_sender_stop: ends a slow conversation */
} sender = {.lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER};

void mail_sender_wake(void)
{
	pthread_mutex_lock(&sender.lock);
	sender.woken = true;
	pthread_cond_signal(&sender.cond);
	pthread_mutex_unlock(&sender.lock);
}

static int one_pass(void)
{
	err lost = {0};
	/* A connection the database server dropped (a restart) is opened
	 * again, rather than every pass failing until copro restarts. */
	if (store_connection_lost(&sender.db)) {
		store_close(&sender.db);
		if (store_open(&sender.db, sender.db_path, STORE_EXISTING, &lost) < 0) {
			fprintf(stderr, "copro serve: sending mail: %s\n", lost.msg);
			return 0;
		}
	}
	arena mem = {0};
	domain d = {.db = &sender.db, .frameworks = sender.frameworks, .mem = &mem};
	err e = {0};
	mail_pass_result r;
	if (mail_send_pass(&d, &sender.settings, 0, &r, &e) < 0)
		fprintf(stderr, "copro serve: sending mail: %s\n", e.msg);
	arena_free(&mem);
	return r.sent + r.deferred + r.failed;
}

/* Waits up to `ms` for a wake or the stop; true when woken. */
static bool wait_ms(long ms)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&sender.lock);
	while (!sender.woken && !sender.stop)
		if (pthread_cond_timedwait(&sender.cond, &sender.lock, &until) != 0)
			break;
	bool woken = sender.woken;
	sender.woken = false;
	pthread_mutex_unlock(&sender.lock);
	return woken;
}

static bool stopping(void)
{
	pthread_mutex_lock(&sender.lock);
	bool stop = sender.stop;
	pthread_mutex_unlock(&sender.lock);
	return stop;
}

static void *run(void *unused)
{
	(void)unused;
	one_pass();
	while (!stopping()) {
		if (!wait_ms(WAKE_SECONDS * 1000L) || stopping()) {
			if (!stopping())
				one_pass();
			continue;
		}
		for (int i = 0; i < RECHECKS && !stopping(); i++) {
			if (one_pass() > 0)
				break;
			wait_ms(RECHECK_MS);
		}
	}
	return NULL;
}

static void wake_hook(void)
{
	mail_sender_wake();
}

int mail_sender_start(const char *db_path, const fw_registry *frameworks, const smtp_settings *s,
		      err *e)
{
	if (store_open(&sender.db, db_path, STORE_EXISTING, e) < 0)
		return -1;
	sender.db_path = db_path;
	sender.frameworks = frameworks;
	sender.settings = *s;
	sender.settings.cancel = &sender.cancel;
	sender.cancel = false;
	sender.stop = false;
	if (pthread_create(&sender.thread, NULL, run, NULL) != 0) {
		store_close(&sender.db);
		return err_set(e, ERR_INTERNAL, "cannot start the thread that sends mail.");
	}
	sender.running = true;
	mail_on_queue(wake_hook);
	return 0;
}

void mail_sender_stop(void)
{
	if (!sender.running)
		return;
	mail_on_queue(NULL);
	pthread_mutex_lock(&sender.lock);
	sender.stop = true;
	sender.cancel = true;
	pthread_cond_signal(&sender.cond);
	pthread_mutex_unlock(&sender.lock);
	pthread_join(sender.thread, NULL);
	store_close(&sender.db);
	sender.running = false;
}
