/* mail.c: the outbox as the other layers use it (domain/mail.h). */
#include <string.h>

#include "core/text.h"
#include "domain/mail.h"
#include "store/outbox.h"

#define MAIL_ADDRESS_MAX 254    /* RFC 5321's path limit less its brackets */
#define MAIL_SUBJECT_MAX 300
#define MAIL_TEXT_MAX (256 * 1024)
#define MAIL_LINK_MAX 2000

static char base_url[512] = "http://localhost:8080";
static void (*_Atomic queued_hook)(void);

void mail_on_queue(void (*fn)(void))
{
	queued_hook = fn;
}

void mail_set_base_url(const char *url)
{
	if (!url || !*url)
		return;
	size_t n = strlen(url);
	while (n > 0 && url[n - 1] == '/')
		n--;        /* paths start with one */
	if (n >= sizeof base_url)
		n = sizeof base_url - 1;
	memcpy(base_url, url, n);
	base_url[n] = '\0';
}

const char *mail_base_url(void)
{
	return base_url;
}

const char *mail_link(arena *a, const char *path)
{
	if (!path)
		path = "/";
	return arena_printf(a, "%s%s%s", base_url, path[0] == '/' ? "" : "/", path);
}

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

int mail_address_check(const char *what, const char *address, err *e)
{
	if (!address || !*address)
		return err_set(e, ERR_INPUT, "Enter %s, like name@example.org.", what);
	size_t n = strlen(address);
	const char *at = strchr(address, '@');
	for (const char *p = address; *p; p++)
		if ((unsigned char)*p >= 0x80)
			return err_set(e, ERR_INPUT, "%s must be written in plain letters (a-z, digits and . _ - +): copro cannot yet send to addresses with other characters.",
				       what);
	if (n > MAIL_ADDRESS_MAX)
		return err_set(e, ERR_INPUT, "%s must be %d characters or fewer.", what, MAIL_ADDRESS_MAX);
	/* One plain address: anything that could start a second one or a
	 * header of its own (a comma, a line break, brackets) is refused. */
	if (has_control(address) || strpbrk(address, " ,;<>()[]\"\\:") || !at || at == address ||
	    strchr(at + 1, '@') || !strchr(at + 1, '.') || at[1] == '.' || address[n - 1] == '.')
		return err_set(e, ERR_INPUT, "Enter %s in the right form, like name@example.org.", what);
	return 0;
}

static const char *const kinds[] = {
	"invitation", "password-reset", "notification", "digest", "security", "test", NULL,
};

static int message_check(const mail_message *m, err *e)
{
	if (mail_address_check("the recipient's email address", m->to, e) < 0)
		return -1;
	if (!m->subject || !*m->subject || has_control(m->subject))
		return err_set(e, ERR_INPUT, "An email's subject must be one line of text (a bug in copro).");
	if (strlen(m->subject) > MAIL_SUBJECT_MAX)
		return err_set(e, ERR_INPUT, "An email's subject must be %d characters or fewer (a bug in copro).",
			       MAIL_SUBJECT_MAX);
	if (!m->text || !*m->text || strlen(m->text) > MAIL_TEXT_MAX)
		return err_set(e, ERR_INPUT, "An email needs a text of at most %d bytes (a bug in copro).",
			       MAIL_TEXT_MAX);
	bool known = false;
	for (size_t i = 0; m->kind && kinds[i]; i++)
		known |= !strcmp(m->kind, kinds[i]);
	if (!known)
		return err_set(e, ERR_INPUT, "Unknown kind of email \"%s\" (a bug in copro).",
			       m->kind ? m->kind : "");
	if (m->unsubscribe && (has_control(m->unsubscribe) || strchr(m->unsubscribe, ' ') ||
			       strlen(m->unsubscribe) > MAIL_LINK_MAX ||
			       (strncmp(m->unsubscribe, "https://", 8) && strncmp(m->unsubscribe, "http://", 7))))
		return err_set(e, ERR_INPUT, "An unsubscribe link must be one http or https address (a bug in copro).");
	return 0;
}

int mail_queue(domain *d, const mail_message *m, err *e)
{
	if (message_check(m, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	outbox_row r = {
		.to_address = m->to, .subject = m->subject, .body = m->text, .kind = m->kind,
		.user_id = m->user, .area_id = m->area, .unsubscribe = m->unsubscribe, .created_at = now,
	};
	int64_t id;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_outbox_insert(d->db, &r, &id, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	void (*hook)(void) = queued_hook;
	if (hook)
		hook();
	return 0;
}

int mail_outbox(domain *d, int64_t area, const char *status, const char *to, int limit,
		outbox_list *out, err *e)
{
	return store_outbox_list(d->db, d->mem, area, status, to, limit, out, e);
}

int mail_counts(domain *d, int64_t area, outbox_counts *out, err *e)
{
	return store_outbox_counts(d->db, area, out, e);
}

const char *mail_error_words(const outbox_row *m)
{
	if (m->last_error && *m->last_error)
		return m->last_error;
	return strcmp(m->status, "failed") ? "" : "The mail server did not take it.";
}

int64_t mail_retry_delay(int attempts)
{
	static const int64_t minutes[] = {1, 5, 15, 60, 240};
	size_t n = sizeof minutes / sizeof *minutes;
	if (attempts < 1)
		attempts = 1;
	return 60 * minutes[(size_t)attempts > n ? n - 1 : (size_t)attempts - 1];
}

int mail_claim(domain *d, int64_t now, outbox_row *out, err *e)
{
	char at[21], until[21];
	time_iso(now, at);
	time_iso(now + MAIL_CLAIM_SECONDS, until);
	int64_t id = 0;
	if (store_begin(d->db, e) < 0)
		return -1;
	int found = store_outbox_due(d->db, at, &id, e);
	int claimed = found > 0 ? store_outbox_claim(d->db, id, at, until, e) : found;
	if (claimed < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	if (claimed == 0)
		return 0;
	return store_outbox_get(d->db, d->mem, id, out, e) < 0 ? -1 : 1;
}

int mail_delivered(domain *d, int64_t id, int64_t now, err *e)
{
	char at[21];
	time_iso(now, at);
	return store_outbox_sent(d->db, id, at, e);
}

int mail_undelivered(domain *d, const outbox_row *m, int64_t now, const char *error, bool permanent,
		     err *e)
{
	char at[21];
	if (permanent || m->attempts >= MAIL_MAX_ATTEMPTS) {
		time_iso(now, at);
		return store_outbox_fail(d->db, m->id, at, error, e);
	}
	time_iso(now + mail_retry_delay(m->attempts), at);
	return store_outbox_defer(d->db, m->id, at, error, e);
}

int mail_retry(domain *d, const user_row *who, int64_t area, int64_t id, err *e)
{
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	int done = store_outbox_retry(d->db, area, id, now, e);
	if (done == 0)
		err_set(e, ERR_NOTFOUND, "There is no failed email %lld in this area: it may have been tried again already.",
			(long long)id);
	if (done <= 0 || activity_log(d, who, 0, area, arena_printf(d->mem, "asked for failed email %lld to be tried again",
								     (long long)id), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	void (*hook)(void) = queued_hook;
	if (hook)
		hook();         /* serve's sender tries it now, not in a minute */
	return 0;
}
