/* two_factor.c: TOTP two-factor sign-in (domain/two_factor.h). The secret
 * is kept as it is, since checking a code needs it; recovery codes and
 * pending sign-ins only as SHA-256, compared in constant time. */
#include "domain/two_factor.h"

#include <ctype.h>
#include <liboath/oath.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/device.h"
#include "domain/internal.h"
#include "domain/notify.h"
#include "domain/security.h"
#include "store/account.h"
#include "store/credentials.h"
#include "store/store.h"

static pthread_once_t oath_once = PTHREAD_ONCE_INIT;
static int oath_ready = OATH_OK;

static void oath_start(void)
{
	oath_ready = oath_init();
}

static int oath_check(err *e)
{
	pthread_once(&oath_once, oath_start);
	if (oath_ready != OATH_OK)
		return err_set(e, ERR_INTERNAL, "two-factor sign-in cannot start (liboath: %s)",
			       oath_strerror(oath_ready));
	return 0;
}

int totp_code(const char *secret, size_t len, int64_t when, unsigned digits, char out[10], err *e)
{
	if (oath_check(e) < 0)
		return -1;
	int rc = oath_totp_generate(secret, len, (time_t)when, TOTP_STEP, OATH_TOTP_DEFAULT_START_TIME,
				    digits, out);
	if (rc != OATH_OK)
		return err_set(e, ERR_INTERNAL, "cannot make a code (liboath: %s)", oath_strerror(rc));
	return 0;
}

/* The code as typed, less spaces: six digits, or NULL. */
static const char *code_digits(arena *a, const char *code)
{
	char *out = arena_alloc(a, TOTP_DIGITS + 1);
	size_t n = 0;
	for (const char *p = code ? code : ""; *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (!isdigit((unsigned char)*p) || n == TOTP_DIGITS)
			return NULL;
		out[n++] = *p;
	}
	out[n] = '\0';
	return n == TOTP_DIGITS ? out : NULL;
}

int totp_match(const char *secret_b32, const char *code, int64_t now, int64_t *step, err *e)
{
	if (oath_check(e) < 0)
		return -1;
	if (!code || strlen(code) != TOTP_DIGITS)
		return 0;
	char *raw = NULL;
	size_t len = 0;
	int rc = oath_base32_decode(secret_b32, strlen(secret_b32), &raw, &len);
	if (rc != OATH_OK)
		return err_set(e, ERR_INTERNAL, "the stored two-factor secret cannot be read (liboath: %s)",
			       oath_strerror(rc));
	int pos = 0;
	rc = oath_totp_validate2(raw, len, (time_t)now, TOTP_STEP, OATH_TOTP_DEFAULT_START_TIME,
				 TOTP_WINDOW, &pos, code);
	sodium_memzero(raw, len);
	free(raw);
	if (rc < 0 && rc != OATH_INVALID_OTP)
		return err_set(e, ERR_INTERNAL, "cannot check the code (liboath: %s)", oath_strerror(rc));
	if (rc < 0)
		return 0;
	*step = now / TOTP_STEP + pos;
	return 1;
}

int two_factor_get(domain *d, int64_t user, two_factor_status *out, err *e)
{
	memset(out, 0, sizeof *out);
	two_factor_row t;
	int found = store_two_factor_get(d->db, d->mem, user, &t, e);
	if (found <= 0)
		return found;
	out->on = t.confirmed_at != NULL;
	out->secret = out->on ? NULL : t.secret;
	const char **hashes;
	size_t n = 0;
	if (store_recovery_unused(d->db, d->mem, user, &hashes, &n, e) < 0)
		return -1;
	out->codes_left = (int64_t)n;
	return 0;
}

/* What two-factor set-up writes, in one transaction run again when it
 * loses to a concurrent one (domain_write): the page answers on the
 * hashing threads, where the dispatcher runs no change again. */
typedef struct two_factor_try {
	int64_t user, step;
	const char *secret;
	char now[21];
	char (*codes)[12];
} two_factor_try;

static int begin_write(domain *d, void *ctx, err *e)
{
	two_factor_try *t = ctx;
	return store_two_factor_begin(d->db, t->user, t->secret, t->now, e);
}

int two_factor_begin(domain *d, int64_t user, const char **secret, err *e)
{
	two_factor_status st;
	if (oath_check(e) < 0 || two_factor_get(d, user, &st, e) < 0)
		return -1;
	if (st.on)
		return err_set(e, ERR_CONFLICT, "Two-factor sign-in is already on for your account.");
	if (st.secret) {
		*secret = st.secret;
		return 0;
	}
	unsigned char raw[20];  /* 160 bits, as RFC 4226 recommends */
	randombytes_buf(raw, sizeof raw);
	char *b32 = NULL;
	size_t len = 0;
	int rc = oath_base32_encode((const char *)raw, sizeof raw, &b32, &len);
	sodium_memzero(raw, sizeof raw);
	if (rc != OATH_OK)
		return err_set(e, ERR_INTERNAL, "cannot make a secret (liboath: %s)", oath_strerror(rc));
	*secret = arena_strdup(d->mem, b32);
	free(b32);
	two_factor_try t = {.user = user, .secret = *secret};
	time_now_iso(t.now);
	return domain_write(d, begin_write, &t, e);
}

/* Percent-encodes for a URI's query or label. */
static const char *uri_escape(arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || strchr("-._~@", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	*o = '\0';
	return out;
}

const char *two_factor_uri(arena *a, const char *email, const char *secret)
{
	return arena_printf(a, "otpauth://totp/copro:%s?secret=%s&issuer=copro&algorithm=SHA1&digits=%d&period=%d",
			    uri_escape(a, email), secret, TOTP_DIGITS, TOTP_STEP);
}

const char *two_factor_groups(arena *a, const char *secret)
{
	size_t n = strlen(secret);
	char *out = arena_alloc(a, n + n / 4 + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (i && i % 4 == 0)
			*o++ = ' ';
		*o++ = secret[i];
	}
	*o = '\0';
	return out;
}

/* A recovery code as stored: its letters and digits in lower case, so
 * "ABCDE-12345" and "abcde 12345" are the same code. */
static void recovery_hash(const char *code, char out[65])
{
	char norm[64];
	size_t n = 0;
	for (const char *p = code ? code : ""; *p && n < sizeof norm - 1; p++)
		if (isalnum((unsigned char)*p))
			norm[n++] = (char)tolower((unsigned char)*p);
	norm[n] = '\0';
	token_hash(norm, out);
}

/* Ten letters and digits (about 50 bits), without 0, 1, l and o, which
 * are read wrong. */
static void recovery_code(char out[12])
{
	static const char alphabet[] = "23456789abcdefghijkmnpqrstuvwxyz";
	for (int i = 0; i < 11; i++)
		out[i] = i == 5 ? '-' : alphabet[randombytes_uniform(32)];
	out[11] = '\0';
}

/* The person hears of it in copro and by email, whatever they chose. */
static int tell(domain *d, int64_t user, bool on, const char *how, err *e)
{
	char now[21];
	time_now_iso(now);
	return notify_security(d, user, on ? "Two-factor sign-in was turned on" : "Two-factor sign-in was turned off",
			       arena_printf(d->mem, "Two-factor sign-in was turned %s for your copro account at %.5s on %s "
					    "(UTC)%s. %s", on ? "on" : "off", now + 11, date_in_words(d->mem, now),
					    how ? how : "", on ? "Signing in now asks for a code from your app after your password."
							       : "Signing in now asks for your password only."), e);
}

/* The codes are made again by a try run again: only the committed try's
 * are shown, and stored. */
static int confirm_write(domain *d, void *ctx, err *e)
{
	two_factor_try *t = ctx;
	int confirmed = store_two_factor_confirm(d->db, t->user, t->now, e);
	if (confirmed != 1)
		return confirmed < 0 ? -1 : err_set(e, ERR_CONFLICT, "Two-factor sign-in was turned on from another page. Reload this one.");
	if (store_two_factor_use_step(d->db, t->user, t->step, e) < 0)
		return -1;
	for (int i = 0; i < RECOVERY_CODES; i++) {
		char hash[65];
		recovery_code(t->codes[i]);
		recovery_hash(t->codes[i], hash);
		if (store_recovery_add(d->db, t->user, hash, e) < 0)
			return -1;
	}
	if (security_event(d, t->user, "two-factor sign-in turned on", NULL, e) < 0)
		return -1;
	return tell(d, t->user, true, NULL, e);
}

int two_factor_confirm(domain *d, const user_row *who, const char *code,
		       char codes[RECOVERY_CODES][12], err *e)
{
	two_factor_row row;
	int found = store_two_factor_get(d->db, d->mem, who->id, &row, e);
	if (found < 0)
		return -1;
	if (!found || row.confirmed_at)
		return err_set(e, ERR_CONFLICT, "Start again: open the two-factor page for a new secret.");
	const char *digits = code_digits(d->mem, code);
	if (!digits)
		return err_set(e, ERR_INPUT, "Enter the 6-digit code your authenticator app shows, like 123456.");
	int64_t step = 0;
	int ok = totp_match(row.secret, digits, time_now_epoch(), &step, e);
	if (ok < 0)
		return -1;
	if (!ok)
		return err_set(e, ERR_INPUT, "The code is not right. Check the app shows copro and the time on your phone is right, then enter the newest code.");
	two_factor_try t = {.user = who->id, .step = step, .codes = codes};
	time_now_iso(t.now);
	return domain_write(d, confirm_write, &t, e);
}

/* `ctx`: the account as it was when its password was checked. */
static int off_write(domain *d, void *ctx, err *e)
{
	const user_row *u = ctx;
	if (password_unchanged(d, u, e) <= 0)
		return -1;
	int gone = store_two_factor_delete(d->db, u->id, e);
	if (gone <= 0)
		return gone;
	if (security_event(d, u->id, "two-factor sign-in turned off", NULL, e) < 0)
		return -1;
	return tell(d, u->id, false, NULL, e);
}

int two_factor_off(domain *d, const user_row *who, const char *password, err *e)
{
	user_row u;
	int found = store_user_get(d->db, d->mem, who->id, &u, e);
	if (found < 0)
		return -1;
	int right = found && password && *password ? password_matches(u.password_hash, password, e) : 0;
	if (right < 0)
		return -1;
	if (!right)
		return err_set(e, ERR_INPUT, "The password is not right. Enter the password you sign in with.");
	/* Checked once, before the transaction, so that its write lock is not
	 * held while it hashes; the password must not have changed since. */
	return domain_write(d, off_write, &u, e);
}

int two_factor_off_by_operator(domain *d, const char *email, err *e)
{
	user_row u;
	char *key = arena_strdup(d->mem, email ? email : "");
	for (char *p = key; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (store_begin(d->db, e) < 0)
		return -1;
	int found = store_user_by_email(d->db, d->mem, key, &u, e);
	int gone = found > 0 ? store_two_factor_delete(d->db, u.id, e) : found;
	if (gone == 0)
		err_set(e, ERR_NOTFOUND, found ? "%s does not use two-factor sign-in: nothing to turn off."
				       : "There is no account for %s: check the address.", key);
	if (gone <= 0 ||
	    security_event(d, u.id, "two-factor sign-in turned off from the terminal", NULL, e) < 0 ||
	    tell(d, u.id, false, " by whoever runs copro, from the terminal", e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int two_factor_pending(domain *d, int64_t user, char token[65], bool *asked, err *e)
{
	two_factor_row t;
	*asked = false;
	token[0] = '\0';
	int found = store_two_factor_get(d->db, d->mem, user, &t, e);
	if (found <= 0 || !t.confirmed_at)
		return found < 0 ? -1 : 0;
	unsigned char bytes[32];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2hex(token, 65, bytes, sizeof bytes);
	char now[21], before[21], hash[65];
	time_now_iso(now);
	time_iso(time_now_epoch() - PENDING_SECONDS, before);
	token_hash(token, hash);
	pending_row p = {.token_hash = hash, .user_id = user, .created_at = now};
	if (store_pending_prune(d->db, before, e) < 0 || store_pending_add(d->db, &p, e) < 0)
		return -1;
	*asked = true;
	return 0;
}

/* Whether `code` is right for the account: a TOTP code not used before
 * (1), a used one (2: a replay), an unused recovery code (3, now used),
 * or neither (0). */
static int code_right(domain *d, int64_t user, const char *code, err *e)
{
	const char *digits = code_digits(d->mem, code);
	if (digits) {
		two_factor_row t;
		int64_t step = 0;
		int found = store_two_factor_get(d->db, d->mem, user, &t, e);
		int ok = found > 0 ? totp_match(t.secret, digits, time_now_epoch(), &step, e) : found;
		if (ok <= 0)
			return ok;
		int fresh = store_two_factor_use_step(d->db, user, step, e);
		return fresh < 0 ? -1 : fresh ? 1 : 2;
	}
	char hash[65], now[21];
	recovery_hash(code, hash);
	time_now_iso(now);
	const char **hashes;
	size_t n = 0;
	if (store_recovery_unused(d->db, d->mem, user, &hashes, &n, e) < 0)
		return -1;
	bool match = false;
	for (size_t i = 0; i < n; i++)
		match |= strlen(hashes[i]) == 64 && sodium_memcmp(hashes[i], hash, 64) == 0;
	if (!match)
		return 0;
	int used = store_recovery_use(d->db, user, hash, now, e);
	return used < 0 ? -1 : used ? 3 : 0;
}

/* The pending sign-in `token` when it may still take a code. */
static int pending_live(domain *d, const char *token, pending_row *p, char hash[65], err *e)
{
	if (!token || strlen(token) != 64)
		return 0;
	token_hash(token, hash);
	int found = store_pending_get(d->db, d->mem, hash, p, e);
	if (found <= 0)
		return found;
	return time_now_epoch() - time_parse_iso(p->created_at) <= PENDING_SECONDS &&
	       p->failures < PENDING_FAILURES;
}

/* A wrong code counts against the pending sign-in and, as a wrong
 * password does, against the account from this address. */
static int code_refused(domain *d, int64_t user, const char *hash, const char *key, const char *address,
			err *e)
{
	char now[21];
	time_now_iso(now);
	if (store_pending_fail(d->db, hash, e) < 0 || store_failure_add(d->db, key, address, now, e) < 0)
		return -1;
	return security_event(d, user, "sign-in refused: wrong two-factor code", address, e);
}

/* The code checked and what follows written, in one transaction that
 * runs again when it loses (domain_write): a wrong code's failure goes
 * into sign_in_failure beside every wrong password's, and a loser was
 * told to try again with the failure not counted (as sign_in_device
 * was, domain/account.c). */
typedef struct code_try {
	const user_row *u;
	const char *code, *hash, *address, *device;
	int right;              /* code_right's answer in the try that committed */
	session *out;
} code_try;

static int code_record(domain *d, void *ctx, err *e)
{
	code_try *c = ctx;
	c->right = code_right(d, c->u->id, c->code, e);
	if (c->right < 0)
		return -1;
	if (c->right == 0 || c->right == 2)
		return code_refused(d, c->u->id, c->hash, c->u->email, c->address, e);
	memset(c->out, 0, sizeof *c->out);
	if (store_pending_delete(d->db, c->hash, e) < 0 || store_failures_clear(d->db, c->u->email, c->address, e) < 0 ||
	    device_issue(d, c->u->id, c->device, c->out->device, e) < 0 || session_start(d, c->u, c->out, e) < 0)
		return -1;
	return security_event(d, c->u->id, c->right == 3 ? "signed in with a recovery code" : "signed in with two-factor",
			      c->address, e);
}

int two_factor_sign_in(domain *d, const char *token, const char *code, const char *address,
		       session *out, err *e)
{
	return two_factor_sign_in_device(d, token, code, address, NULL, out, e);
}

int two_factor_sign_in_device(domain *d, const char *token, const char *code, const char *address,
			      const char *device, session *out, err *e)
{
	memset(out, 0, sizeof *out);
	pending_row p;
	char hash[65], since[21];
	int live = pending_live(d, token, &p, hash, e);
	if (live < 0)
		return -1;
	if (!live)
		return err_set(e, ERR_NOTFOUND, "Your sign-in has timed out or had too many wrong codes. Sign in again with your email address and password.");
	user_row u;
	int64_t failures = 0;
	time_iso(time_now_epoch() - FAILURE_WINDOW_SECONDS, since);
	if (store_user_get(d->db, d->mem, p.user_id, &u, e) <= 0 ||
	    store_failure_count(d->db, u.email, address, since, &failures, e) < 0)
		return e->kind ? -1 : err_set(e, ERR_NOTFOUND, "Sign in again with your email address and password.");
	if (failures >= FAILURES_PER_ACCOUNT)
		return err_set(e, ERR_BUSY, "Too many attempts to sign in. Wait 15 minutes and try again.");
	code_try c = {.u = &u, .code = code, .hash = hash, .address = address, .device = device, .out = out};
	if (domain_write(d, code_record, &c, e) < 0)
		return -1;
	if (c.right == 0 || c.right == 2)
		return err_set(e, ERR_INPUT, c.right == 2 ? "This code has been used already. Wait for the next code in your app and enter that."
						       : "The code is not right. Enter the newest 6-digit code from your app, or one of your recovery codes.");
	return 0;
}

int two_factor_missing(domain *d, int64_t user, bool *missing, err *e)
{
	return store_two_factor_missing(d->db, user, missing, e);
}

int two_factor_area_required(domain *d, int64_t area, bool *required, err *e)
{
	return store_two_factor_area_get(d->db, area, required, e);
}

int two_factor_area_set(domain *d, const user_row *who, int64_t area, bool required, err *e)
{
	char now[21];
	time_now_iso(now);
	if (store_two_factor_area_set(d->db, area, required, now, e) < 0)
		return -1;
	return activity_log(d, who, 0, area, required
			    ? "required two-factor sign-in for area administrators and leads"
			    : "stopped requiring two-factor sign-in", e);
}
