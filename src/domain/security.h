/* security.h: security events (sign-ins, refusals, lock-outs, account
 * changes) written to the activity logs of the person's areas, and
 * refused forms (CSRF) counted per hour rather than logged one by one. */
#ifndef COPRO_DOMAIN_SECURITY_H
#define COPRO_DOMAIN_SECURITY_H

#include <time.h>

#include "domain/domain.h"

/* A security event in the activity log (the person's areas' logs; no
 * organisation data): "signed in", "sign-in refused", "locked out",
 * "two-factor sign-in turned on" ... `address` may be NULL. */
int security_event(domain *d, int64_t user, const char *what, const char *address, err *e);
/* CSRF refusals are counted per hour, not logged one by one. */
void security_csrf_refused(void);

/* The same count at a given time (the tests' clock). */
void security_csrf_refused_at(time_t now);
/* So are requests copro serve asked to try again because too many
 * passwords waited to be hashed (web/hashing.c). */
void security_busy_refused(void);
void security_busy_refused_at(time_t now);
/* Writes the counts of each finished hour as a line each in every area's
 * activity log, once: 1 when it wrote, 0 when there was nothing to write
 * (cheap: the web server calls it on each change), -1 on failure (the
 * count is kept for the next call). */
int security_tick(domain *d, time_t now, err *e);

/* Sign-in failures (with the address and the email typed) are kept this
 * long at most: the throttle needs 15 minutes, an investigation a few
 * weeks. */
#define SIGN_IN_FAILURE_KEEP_DAYS 30
/* Forgets sign-in failures older than SIGN_IN_FAILURE_KEEP_DAYS before
 * `now`, inside the caller's transaction. */
int security_failures_prune(domain *d, time_t now, err *e);

/* A person's own recent security events (newest first, each once even
 * when written to several areas' logs), for their account page. */
int security_events_of_user(domain *d, int64_t user, int limit, activity_list *out, err *e);

#endif
