/* password_reset.h: changing a password with the current one, and
 * resetting a forgotten one through a single-use link valid for an hour
 * (started by the person, by an area administrator for a member of their
 * area, or by the terminal operator). Every change ends sessions. */
#ifndef COPRO_DOMAIN_PASSWORD_RESET_H
#define COPRO_DOMAIN_PASSWORD_RESET_H

#include "domain/account.h"

#define RESET_SECONDS 3600
/* Reset emails asked for one address, and from one place, in an hour. */
#define RESET_PER_ACCOUNT 3
#define RESET_PER_ADDRESS 20

/* Checks `current`, then `new_password` (password_check_for); sets it,
 * ends the person's other sessions (all but `s`'s) and unused reset
 * links, and logs it, in one transaction. */
int password_change(domain *d, const session *s, const char *current, const char *new_password,
		    err *e);

/* "Forgotten your password?": when `email` is an account's, a link valid
 * for RESET_SECONDS goes to it by email (kind "password-reset"); when it
 * is not, nothing is sent. The answer is the same either way and takes
 * at least RESET_MIN_MS, so neither tells whether the account exists.
 * ERR_BUSY past RESET_PER_ACCOUNT requests for one address typed, or
 * RESET_PER_ADDRESS from one client address, in an hour. */
#define RESET_MIN_MS 400
int reset_request(domain *d, const char *email, const char *address, err *e);
/* An administrator of the area of organisation `org` starts a reset for
 * `user`, a member of one of the area's organisations or an
 * administrator of it (else ERR_NOTFOUND): the link goes to the person
 * by email, and the area's log says who started it. */
int reset_by_admin(domain *d, const user_row *admin, int64_t org, int64_t user, err *e);
/* The terminal operator's link for `email` (`copro user reset`), for
 * when email does not reach the person: `path` receives "/reset/TOKEN". */
int reset_by_operator(domain *d, const char *email, const char **path, err *e);
/* Whether `token` is a live link: 1 (*who, its account), 0 expired, used
 * or unknown. */
int reset_check(domain *d, const char *token, user_row *who, err *e);
/* Sets the new password through a live link, ends every session and the
 * person's other links, and says so by email: ERR_NOTFOUND when the link
 * is no longer live. */
int reset_finish(domain *d, const char *token, const char *new_password, err *e);

#endif
