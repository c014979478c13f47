/* account_life.h: rows behind disabling and deleting accounts, a
 * person's own data (subject access) and API token expiry
 * (domain/account_life.h). Part of the store layer; see store.h. */
#ifndef COPRO_STORE_ACCOUNT_LIFE_H
#define COPRO_STORE_ACCOUNT_LIFE_H

#include "store/store.h"

/* `at` an ISO time, or NULL to enable; 0 when there is no such account. */
int store_user_set_disabled(store *s, int64_t user, const char *at, err *e);
/* The time the account was disabled (NULL: it is not), into `a`. */
int store_user_disabled_at(store *s, arena *a, int64_t user, const char **at, err *e);
/* Puts `former` wherever the account's name is kept beside records it
 * made, forgets what only concerned the account (its outbox, its
 * failed sign-ins typed with `email`), then deletes the account (its
 * memberships, sessions and device cookies go with it). */
int store_user_erase(store *s, int64_t user, const char *email, const char *former, err *e);

/* The name of an area whose only area administrator still able to sign
 * in is `user` (1, into `a`), or 0 when every area they run has another. */
int store_user_sole_admin_of(store *s, arena *a, int64_t user, const char **area, err *e);

int store_api_token_set_expiry(store *s, int64_t id, const char *at, err *e);
/* A token with this hash that is not revoked but expired: 1 (its expiry
 * in *at), 0 none. */
int store_api_token_expired(store *s, arena *a, const char *token_hash, const char *now,
			    const char **at, err *e);

/* Subject access: the rows about one person as one JSON object of
 * arrays, in `a` (1 found, 0 no such account). */
int store_user_data(store *s, arena *a, int64_t user, const char **json, err *e);

#endif
