/* account_life.h: an account's life after it is made: turned off and on
 * again, deleted with its name erased from what it made (UK GDPR
 * erasure), what copro holds about a person (subject access), and API
 * tokens that expire. */
#ifndef COPRO_DOMAIN_ACCOUNT_LIFE_H
#define COPRO_DOMAIN_ACCOUNT_LIFE_H

#include "domain/domain.h"

/* What a deleted person's name becomes wherever it was kept. */
#define FORMER_MEMBER "a former member"
/* API tokens last this long unless another length is chosen. */
#define API_TOKEN_DAYS 365
#define API_TOKEN_MAX_DAYS (3 * 365)

/* Why `by`, an area administrator on the web, may not turn off or delete
 * account `user` (named `name`), as sentences for the page; NULL when they
 * may. Their own account, and the last area administrator of an area who
 * can still sign in, are refused (the command line, `by` NULL, is not:
 * it is how an installation recovers). */
int account_life_refusal(domain *d, const user_row *by, int64_t user, const char *name, const char **why,
			 err *e);
/* Turns account `user` off (sign-in refused, every session ended) or on
 * again, with a security event in the person's areas' logs saying who
 * (`by` NULL: the command line). ERR_NOTFOUND for no such account;
 * ERR_CONFLICT when account_life_refusal refuses turning it off. */
int account_set_disabled(domain *d, const user_row *by, int64_t user, bool disabled, err *e);
/* Whether the account is turned off. */
int account_disabled(domain *d, int64_t user, bool *disabled, err *e);
/* Deletes account `user`: the records it made stay, its name in them
 * becomes FORMER_MEMBER; its memberships, sessions, device cookies,
 * waiting emails and failed sign-ins go. A line in each of its areas'
 * logs says who deleted an account (not whose), as a security event. `by`
 * may not delete themselves or the last area administrator
 * (account_life_refusal: ERR_CONFLICT). */
int account_delete(domain *d, const user_row *by, int64_t user, err *e);
/* The account with this email (any case): 1 found, 0 not. */
int account_find(domain *d, const char *email, user_row *out, err *e);
/* Everything copro holds about the person as one JSON text (subject
 * access; docs/security.md lists it), in d->mem. */
int account_data(domain *d, int64_t user, const char **json, err *e);

/* An API token that lasts `days` (1 to API_TOKEN_MAX_DAYS) from now, with
 * its activity line; as api_token_create_logged otherwise. */
int api_token_create_days(domain *d, const user_row *who, int64_t area, const char *name, int days,
			  char token[65], int64_t *id, err *e);
/* An API token that works until the end of `day` (YYYY-MM-DD, UTC): from
 * tomorrow to API_TOKEN_MAX_DAYS from today, else ERR_INPUT. */
int api_token_create_until(domain *d, const user_row *who, int64_t area, const char *name,
			   const char *day, char token[65], int64_t *id, err *e);
/* 1 when `token` is a token that has expired (not one revoked or
 * unknown), with the day it expired in `on` (YYYY-MM-DD). */
int api_token_expired(domain *d, const char *token, char on[11], err *e);

#endif
