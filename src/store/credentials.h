/* credentials.h: rows and queries for a person's sign-in secrets beyond
 * the password: two-factor secrets, recovery codes, password-reset links,
 * sign-ins waiting for their second step, and the area's requirement of
 * two-factor sign-in. Part of the store layer; see store.h. */
#ifndef COPRO_STORE_CREDENTIALS_H
#define COPRO_STORE_CREDENTIALS_H

#include "store/store.h"

typedef struct two_factor_row {
	int64_t user_id;
	const char *secret;             /* base32 */
	const char *confirmed_at;       /* NULL while enrolling */
	int64_t last_step;              /* the latest TOTP step used */
	const char *created_at;
} two_factor_row;

typedef struct reset_row {
	const char *token_hash;
	int64_t user_id, started_by;
	const char *created_at, *expires_at, *used_at;
} reset_row;

typedef struct pending_row {
	const char *token_hash;
	int64_t user_id;
	const char *created_at;
	int64_t failures;
} pending_row;

int store_user_set_password(store *s, int64_t user, const char *hash, err *e);
/* Ends every session of the user but the one with `keep` (a token's hash;
 * NULL ends them all). */
int store_sessions_end_others(store *s, int64_t user, const char *keep, err *e);

int store_two_factor_get(store *s, arena *a, int64_t user, two_factor_row *out, err *e);
/* A new secret, unconfirmed, replacing any enrolment not yet confirmed. */
int store_two_factor_begin(store *s, int64_t user, const char *secret, const char *now, err *e);
int store_two_factor_confirm(store *s, int64_t user, const char *now, err *e);
/* Records `step` as used: 1 when it is later than the last one used, 0
 * when it is not (a replay). */
int store_two_factor_use_step(store *s, int64_t user, int64_t step, err *e);
/* The secret and the recovery codes go. */
int store_two_factor_delete(store *s, int64_t user, err *e);
int store_recovery_add(store *s, int64_t user, const char *code_hash, err *e);
/* The user's unused codes' hashes, to compare in constant time. */
int store_recovery_unused(store *s, arena *a, int64_t user, const char ***hashes, size_t *n, err *e);
int store_recovery_use(store *s, int64_t user, const char *code_hash, const char *now, err *e);
/* Whether the user is an area administrator or lead in an area that
 * requires two-factor sign-in and has not turned it on. */
int store_two_factor_missing(store *s, int64_t user, bool *missing, err *e);
int store_two_factor_area_get(store *s, int64_t area, bool *required, err *e);
int store_two_factor_area_set(store *s, int64_t area, bool required, const char *now, err *e);

int store_pending_add(store *s, const pending_row *r, err *e);
int store_pending_get(store *s, arena *a, const char *token_hash, pending_row *out, err *e);
int store_pending_fail(store *s, const char *token_hash, err *e);
int store_pending_delete(store *s, const char *token_hash, err *e);
/* Forgets every pending sign-in started before `before`. */
int store_pending_prune(store *s, const char *before, err *e);

int store_reset_add(store *s, const reset_row *r, err *e);
int store_reset_get(store *s, arena *a, const char *token_hash, reset_row *out, err *e);
/* 1 when this call used the link, 0 when it was used already. */
int store_reset_use(store *s, const char *token_hash, const char *now, err *e);
/* Every unused link of the user is used up (a new password was set). */
int store_resets_end(store *s, int64_t user, const char *now, err *e);

#endif
