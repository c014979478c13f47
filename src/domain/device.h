/* device.h: OWASP's device cookies against lock-out. A browser that has
 * signed in to an account gets a cookie naming it (256 random bits; the
 * database keeps the SHA-256). Later failures from that browser count
 * against its cookie only, so an attacker failing on the account from
 * anywhere else (even from the same school's address) cannot lock the
 * owner out; failures without one are throttled per account and address
 * as before (domain/account.h). */
#ifndef COPRO_DOMAIN_DEVICE_H
#define COPRO_DOMAIN_DEVICE_H

#include "domain/domain.h"

#define DEVICE_FAILURES 5                       /* failures that lock a cookie ... */
#define DEVICE_LOCK_SECONDS (15 * 60)           /* ... for this long */
#define DEVICE_LIFETIME_SECONDS (365 * 24 * 3600)

/* 1 when `token` is a live device cookie of account `user` (*locked: it
 * has failed too often lately), 0 when it is none (NULL, unknown, too old,
 * another account's). */
int device_trusted(domain *d, const char *token, int64_t user, bool *locked, err *e);
/* A failed sign-in from that cookie; in the caller's transaction. */
int device_failed(domain *d, const char *token, err *e);
/* A successful sign-in to `user`: a new cookie in `out` (the browser's
 * `old` one, if any, is let go); in the caller's transaction. */
int device_issue(domain *d, int64_t user, const char *old, char out[65], err *e);

#endif
