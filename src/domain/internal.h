/* internal.h: what the domain's files share and nothing above the domain
 * sees. Pass-through readers are one line each, so that what a page may
 * read is declared in the domain's headers without a page of copies. */
#ifndef COPRO_DOMAIN_INTERNAL_H
#define COPRO_DOMAIN_INTERNAL_H

#include "domain/domain.h"

/* int NAME(domain *d, int64_t id, LIST *out, err *e): every row of LIST
 * for one id (an organisation, an evaluation ...), from STORE_FN. */
#define DOMAIN_LIST_BY_ID(NAME, STORE_FN, LIST) \
	int NAME(domain *d, int64_t id, LIST *out, err *e) \
	{ \
		return STORE_FN(d->db, d->mem, id, out, e); \
	}

/* int NAME(domain *d, int64_t org, int64_t id, ROW *out, err *e): record
 * `id` through GET (not found is an error) when it is organisation
 * `org`'s; another's is not found, in words naming WHAT. */
#define DOMAIN_GET_IN_ORG(NAME, GET, ROW, WHAT) \
	int NAME(domain *d, int64_t org, int64_t id, ROW *out, err *e) \
	{ \
		if (GET(d, id, out, e) < 0) \
			return -1; \
		return org_owns(org, out->organisation_id, WHAT, id, e); \
	}

/* A store lookup's answer (1 found, 0 not, -1 error, e set) as a domain
 * getter's: 0 found; not found is an error (ERR_NOTFOUND) in the words
 * given, which say where to look instead. */
int domain_found(int found, err *e, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The writes of a change whose slow part (a password's hash) is done
 * already: `writes` runs in one transaction, committed; when it loses to
 * a concurrent transaction (PostgreSQL's SERIALIZABLE) it is rolled back
 * and run again, reading afresh, up to STORE_TRIES tries (store_retry);
 * after the last, ERR_BUSY with DOMAIN_BUSY_MESSAGE. `writes` opens no
 * transaction of its own and does nothing outside the database that a
 * second run would repeat. Inside the caller's transaction it runs once,
 * in it: only the caller can run the whole again (retry.c). */
typedef int (*domain_writes)(domain *d, void *ctx, err *e);
int domain_write(domain *d, domain_writes writes, void *ctx, err *e);

/* 64 hex digits of 256 random bits: a session's, invitation's or API
 * token's secret (account.c). */
void token_random(char out[65]);
/* An organisation's role: lead, contributor or viewer (membership.c). */
bool role_known(const char *role);
/* The one partner group a person speaks for, from `text` (any name
 * groups_parse takes), by its full name; NULL when none is given
 * (membership.c). */
int one_group(const char *text, const char **group, err *e);

#endif
