/* throttle.h: a limit on anonymous changes (the partner pages of a round
 * of views), per address and per what they are sent to (a link), over the
 * last hour, kept in the database so that every copro process counts the
 * same hits. */
#ifndef COPRO_DOMAIN_THROTTLE_H
#define COPRO_DOMAIN_THROTTLE_H

#include "domain/domain.h"

#define THROTTLE_WINDOW_SECONDS 3600

typedef struct throttle_limits {
	int64_t per_address;            /* changes from one address in the window */
	int64_t per_scope;              /* changes sent to one link in the window */
} throttle_limits;

/* Counts one change sent to `scope` (a link's token) from `address`, in the
 * caller's transaction, so a refused change counts for nothing; -1 with
 * ERR_BUSY and a sentence when either limit is reached. Neither the token
 * nor the address is stored: only their SHA-256, for the hour. */
int throttle_hit(domain *d, const char *scope, const char *address, const throttle_limits *lim,
		 err *e);

#endif
