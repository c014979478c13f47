/* password_reset.c: password change and reset (domain/password_reset.h).
 * Reset links are stored as SHA-256 only, like sessions. */
#include "domain/password_reset.h"

#include <ctype.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "core/text.h"
#include "domain/internal.h"
#include "domain/mail.h"
#include "domain/notify.h"
#include "domain/security.h"
#include "domain/throttle.h"
#include "store/account.h"
#include "store/credentials.h"
#include "store/store.h"

/* Sets `hash` as the user's password, ends their sessions but `keep`
 * (a token's hash, or NULL for all) and their unused reset links, and
 * logs `what`: in the caller's transaction. */
static int password_set(domain *d, const user_row *who, const char *hash, const char *keep,
			const char *what, err *e)
{
	char now[21];
	time_now_iso(now);
	bool reset = !keep;
	const char *text = arena_printf(d->mem, "The password of your copro account was %s at %.5s on %s (UTC). %s",
					reset ? "reset" : "changed", now + 11, date_in_words(d->mem, now),
					reset ? "You have been signed out everywhere." : "You have been signed out everywhere else.");
	if (store_user_set_password(d->db, who->id, hash, e) < 0 ||
	    store_sessions_end_others(d->db, who->id, keep, e) < 0 ||
	    store_resets_end(d->db, who->id, now, e) < 0 ||
	    notify_security(d, who->id, reset ? "Your password was reset" : "Your password was changed", text, e) < 0)
		return -1;
	return security_event(d, who->id, what, NULL, e);
}

/* In the transaction, run again when it loses (domain_write): a change
 * checks that the current password, checked before, is still the one;
 * a reset spends its link (`link`, its hash), which may have been used
 * since. Then the new hash, made once before, is set. */
typedef struct password_try {
	const user_row *u;
	const char *hash, *keep, *link, *now;
} password_try;

static int password_write(domain *d, void *ctx, err *e)
{
	password_try *t = ctx;
	if (!t->link) {
		if (password_unchanged(d, t->u, e) <= 0)
			return -1;
		return password_set(d, t->u, t->hash, t->keep, "password changed", e);
	}
	int used = store_reset_use(d->db, t->link, t->now, e);
	if (used != 1)
		return used < 0 ? -1 : err_set(e, ERR_NOTFOUND, "This link has just been used. Ask for a new one.");
	return password_set(d, t->u, t->hash, NULL, "password reset", e);
}

int password_change(domain *d, const session *s, const char *current, const char *new_password,
		    err *e)
{
	user_row u;
	int found = store_user_get(d->db, d->mem, s->user.id, &u, e);
	if (found < 0)
		return -1;
	int right = found && current && *current ? password_matches(u.password_hash, current, e) : 0;
	if (right < 0)
		return -1;
	if (!right)
		return err_set(e, ERR_INPUT, "Your current password is not right. Enter the password you signed in with.");
	if (password_check_for(new_password, u.email, u.name, e) < 0)
		return -1;
	if (!strcmp(current, new_password))
		return err_set(e, ERR_INPUT, "The new password is the same as your current one. Choose a different one.");
	/* Hashed once, before the transaction, so that its write lock is not
	 * held meanwhile. */
	char hash[128], keep[65];
	if (password_hash(new_password, hash, e) < 0)
		return -1;
	token_hash(s->token, keep);
	password_try t = {.u = &u, .hash = hash, .keep = keep};
	return domain_write(d, password_write, &t, e);
}

/* A new link for `user`, in the caller's transaction: `token` receives
 * its secret; only the hash is kept. */
static int reset_create(domain *d, int64_t user, int64_t by, char token[65], err *e)
{
	unsigned char bytes[32];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2hex(token, 65, bytes, sizeof bytes);
	char hash[65], now[21], until[21];
	token_hash(token, hash);
	time_now_iso(now);
	time_iso(time_now_epoch() + RESET_SECONDS, until);
	reset_row r = {.token_hash = hash, .user_id = user, .started_by = by, .created_at = now,
		       .expires_at = until};
	return store_reset_add(d->db, &r, e);
}

/* The email with the link; `by` names who started it, NULL the person. */
static int reset_mail(domain *d, const user_row *u, const char *token, const char *by, err *e)
{
	const char *why = by ? arena_printf(d->mem, "%s, an administrator of your local area, started a reset of "
					    "the password of your copro account.", by)
			     : "Someone (we hope you) asked to reset the password of your copro account.";
	mail_message m = {
		.to = u->email, .subject = "Reset your copro password", .kind = "password-reset", .user = u->id,
		.text = arena_printf(d->mem, "Hello %s,\n\n%s\n\nOpen this link within an hour to choose a new "
				     "password:\n\n%s\n\nThe link works once. If you did not expect this email, ignore "
				     "it: your password stays as it is.\n", u->name, why,
				     mail_link(d->mem, arena_printf(d->mem, "/reset/%s", token))),
	};
	return mail_queue(d, &m, e);
}

static const char *lower(arena *a, const char *s)
{
	char *out = arena_strdup(a, s ? s : "");
	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

/* Waits until `ms` milliseconds after `start`. */
static void pad_until(const struct timespec *start, long ms)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long spent = (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
	if (spent >= ms)
		return;
	struct timespec wait = {.tv_sec = (ms - spent) / 1000, .tv_nsec = ((ms - spent) % 1000) * 1000000};
	nanosleep(&wait, NULL);
}

/* The request counted against the address and the account, and the link
 * made and mailed when the account exists: in one transaction, run again
 * when it loses to a concurrent one (domain_write). */
static int reset_request_write(domain *d, void *ctx, err *e)
{
	static const throttle_limits lim = {.per_address = RESET_PER_ADDRESS, .per_scope = RESET_PER_ACCOUNT};
	const char **asked = ctx;       /* the email, then the address */
	const char *key = lower(d->mem, asked[0]);
	user_row u;
	char token[65];
	if (throttle_hit(d, arena_printf(d->mem, "password-reset:%s", key), asked[1], &lim, e) < 0) {
		if (e->kind == ERR_BUSY)
			err_set(e, ERR_BUSY, "Too many reset emails have been asked for. Wait an hour and try again, or ask your organisation lead.");
		return -1;
	}
	int found = store_user_by_email(d->db, d->mem, key, &u, e);
	if (found <= 0)
		return found;
	if (reset_create(d, u.id, 0, token, e) < 0)
		return -1;
	return reset_mail(d, &u, token, NULL, e);
}

int reset_request(domain *d, const char *email, const char *address, err *e)
{
	if (mail_address_check("Email address", email, e) < 0)
		return -1;
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	const char *asked[] = {email, address};
	int rc = domain_write(d, reset_request_write, asked, e);
	pad_until(&start, RESET_MIN_MS);
	return rc;
}

/* Whether `user` belongs to area `area`: its administrator, or a member
 * of one of its organisations. */
static int in_area(domain *d, int64_t user, int64_t area, bool *in, err *e)
{
	membership_list ms;
	*in = false;
	if (store_memberships_of_user(d->db, d->mem, user, &ms, e) < 0)
		return -1;
	for (size_t i = 0; i < ms.n && !*in; i++) {
		int64_t a = ms.items[i].area_id;
		if (!a && store_org_area(d->db, ms.items[i].organisation_id, &a, e) < 0)
			return -1;
		*in = a == area;
	}
	return 0;
}

int reset_by_admin(domain *d, const user_row *admin, int64_t org, int64_t user, err *e)
{
	user_row u;
	bool in = false, admin_here = false;
	int64_t area = 0;
	char token[65];
	if (store_begin(d->db, e) < 0)
		return -1;
	int found = store_user_get(d->db, d->mem, user, &u, e);
	if (found < 0 || store_org_area(d->db, org, &area, e) < 0 ||
	    access_to_area(d, admin->id, area, &admin_here, e) < 0 ||
	    (found && in_area(d, user, area, &in, e) < 0))
		goto fail;
	if (!found || !in || !admin_here || !area) {
		err_set(e, ERR_NOTFOUND, "This person is not a member of your area.");
		goto fail;
	}
	if (reset_create(d, u.id, admin->id, token, e) < 0 || reset_mail(d, &u, token, admin->name, e) < 0 ||
	    activity_log(d, admin, 0, area, arena_printf(d->mem, "sent %s a link to reset their password", u.name), e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int reset_by_operator(domain *d, const char *email, const char **path, err *e)
{
	user_row u;
	char token[65];
	if (store_begin(d->db, e) < 0)
		return -1;
	int found = store_user_by_email(d->db, d->mem, lower(d->mem, email), &u, e);
	if (found == 0)
		err_set(e, ERR_NOTFOUND, "There is no account for %s: check the address.", email);
	if (found <= 0 || reset_create(d, u.id, 0, token, e) < 0 ||
	    security_event(d, u.id, "password reset link made from the terminal", NULL, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	*path = arena_printf(d->mem, "/reset/%s", token);
	return 0;
}

int reset_check(domain *d, const char *token, user_row *who, err *e)
{
	if (!token || strlen(token) != 64 || strspn(token, "0123456789abcdef") != 64)
		return 0;
	char hash[65], now[21];
	token_hash(token, hash);
	time_now_iso(now);
	reset_row r;
	int found = store_reset_get(d->db, d->mem, hash, &r, e);
	if (found <= 0)
		return found;
	if (sodium_memcmp(r.token_hash, hash, 64) != 0 || r.used_at || strcmp(r.expires_at, now) < 0)
		return 0;
	return store_user_get(d->db, d->mem, r.user_id, who, e);
}

int reset_finish(domain *d, const char *token, const char *new_password, err *e)
{
	user_row u;
	int live = reset_check(d, token, &u, e);
	if (live < 0)
		return -1;
	if (!live)
		return err_set(e, ERR_NOTFOUND, "This link has expired or has been used. Ask for a new one.");
	if (password_check_for(new_password, u.email, u.name, e) < 0)
		return -1;
	char hash[128], th[65], now[21];
	if (password_hash(new_password, hash, e) < 0)
		return -1;
	token_hash(token, th);
	time_now_iso(now);
	password_try t = {.u = &u, .hash = hash, .link = th, .now = now};
	return domain_write(d, password_write, &t, e);
}
