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

#endif
