/* two_factor.h: two-factor sign-in with TOTP (RFC 6238, through liboath):
 * enrolment, the second step after a right password, recovery codes, and
 * an area's requirement of it for its administrators and leads. */
#ifndef COPRO_DOMAIN_TWO_FACTOR_H
#define COPRO_DOMAIN_TWO_FACTOR_H

#include "domain/account.h"

#define TOTP_STEP 30            /* seconds a code lasts */
#define TOTP_DIGITS 6
#define TOTP_WINDOW 1           /* steps accepted either side of now */
#define RECOVERY_CODES 10
/* A right password waits this long for its code, and takes this many
 * wrong codes, before the person must start again. */
#define PENDING_SECONDS (5 * 60)
#define PENDING_FAILURES 5

/* RFC 6238 with HMAC-SHA1: the `digits`-digit code of the raw `secret`
 * at `when`. */
int totp_code(const char *secret, size_t len, int64_t when, unsigned digits, char out[10], err *e);
/* Whether `code` is right for the base32 secret within TOTP_WINDOW steps
 * of `now`: 1 (and *step, the step it belongs to), 0 not, -1 error. */
int totp_match(const char *secret_b32, const char *code, int64_t now, int64_t *step, err *e);

typedef struct two_factor_status {
	bool on;                /* confirmed: asked at every sign-in */
	const char *secret;     /* while enrolling only (base32), else NULL */
	int64_t codes_left;     /* unused recovery codes */
} two_factor_status;
int two_factor_get(domain *d, int64_t user, two_factor_status *out, err *e);

/* Enrolment: a new secret (base32, 32 characters) for `user`, or the one
 * already waiting for its first code; ERR_CONFLICT when it is on. */
int two_factor_begin(domain *d, int64_t user, const char **secret, err *e);
/* The otpauth:// address an authenticator app reads from the QR code. */
const char *two_factor_uri(arena *a, const char *email, const char *secret);
/* The secret in groups of four, for typing. */
const char *two_factor_groups(arena *a, const char *secret);
/* The first code turns it on and makes the recovery codes, shown once
 * (`codes`: RECOVERY_CODES of "xxxxx-xxxxx"); the activity log says so. */
int two_factor_confirm(domain *d, const user_row *who, const char *code,
		       char codes[RECOVERY_CODES][12], err *e);
/* Turning it off needs the password. */
int two_factor_off(domain *d, const user_row *who, const char *password, err *e);
/* For a locked-out person, by the terminal operator (`copro user
 * two-factor off EMAIL`): ERR_NOTFOUND when the account has none. */
int two_factor_off_by_operator(domain *d, const char *email, err *e);

/* sign_in's hook: whether the account asks for a code, and if so a
 * pending sign-in (`token`, 64 hex digits) in the caller's transaction. */
int two_factor_pending(domain *d, int64_t user, char token[65], bool *asked, err *e);
/* The second step: a code from the app or an unused recovery code for
 * the pending sign-in `token`; a session on success. ERR_NOTFOUND when the
 * pending sign-in has expired or taken too many wrong codes (start
 * again), ERR_INPUT for a wrong code, ERR_BUSY when throttled. */
int two_factor_sign_in(domain *d, const char *token, const char *code, const char *address,
		       session *out, err *e);
/* The same from a browser whose device cookie is `device` (NULL: none):
 * a right code also gives the browser a new device cookie (out->device),
 * so the owner keeps their own allowance of failures (domain/device.h). */
int two_factor_sign_in_device(domain *d, const char *token, const char *code, const char *address,
			      const char *device,
		       session *out, err *e);

/* Whether `user` must enrol before anything else: an administrator or
 * lead in an area that requires two-factor sign-in, without it. */
int two_factor_missing(domain *d, int64_t user, bool *missing, err *e);
int two_factor_area_required(domain *d, int64_t area, bool *required, err *e);
/* Sets it, with a line in the area's activity log, in the caller's
 * transaction. */
int two_factor_area_set(domain *d, const user_row *who, int64_t area, bool required, err *e);

#endif
