/* account.h: rows and queries for people who sign in: users, their roles
 * (memberships), sessions, invitations, sign-in failures and the activity
 * log. Part of the store layer; see store.h for conventions. */
#ifndef COPRO_STORE_ACCOUNT_H
#define COPRO_STORE_ACCOUNT_H

#include "store/store.h"

typedef struct user_row {
	int64_t id;
	const char *email, *name, *password_hash, *created_at;
} user_row;

typedef struct membership_row {
	int64_t id, user_id, area_id, organisation_id;
	const char *role, *partner_group, *created_at;
	const char *user_name, *user_email;     /* joined, for lists */
	const char *place_name;                 /* the organisation's or area's name */
} membership_row;

typedef struct session_row {
	const char *token_hash;
	int64_t user_id;
	const char *csrf_token, *created_at, *last_seen_at;
	user_row user;          /* its account, read in the same query */
} session_row;

typedef struct invitation_row {
	const char *token_hash;
	int64_t organisation_id;
	const char *role, *partner_group, *name;
	int64_t created_by;
	const char *created_at, *expires_at, *used_at;
} invitation_row;

typedef struct activity_row {
	int64_t id;
	const char *at;
	int64_t user_id, area_id, organisation_id;
	const char *user_name, *what;
} activity_row;

/* A token for the area's read-only JSON API; only its SHA-256 is kept. */
typedef struct api_token_row {
	int64_t id, area_id, created_by;
	const char *name, *token_hash, *created_at, *last_used_at, *revoked_at;
} api_token_row;

typedef STORE_LIST(membership_row) membership_list;
typedef STORE_LIST(api_token_row) api_token_list;
typedef STORE_LIST(activity_row) activity_list;
typedef STORE_LIST(user_row) user_list;

int store_user_count(store *s, int64_t *n, err *e);
int store_user_insert(store *s, const user_row *u, int64_t *id, err *e);
int store_user_get(store *s, arena *a, int64_t id, user_row *out, err *e);
int store_user_by_email(store *s, arena *a, const char *email, user_row *out, err *e);
int store_user_delete(store *s, int64_t id, err *e);

int store_membership_insert(store *s, const membership_row *m, int64_t *id, err *e);
int store_memberships_of_user(store *s, arena *a, int64_t user, membership_list *out, err *e);
int store_memberships_of_org(store *s, arena *a, int64_t org, membership_list *out, err *e);
int store_membership_get(store *s, arena *a, int64_t id, membership_row *out, err *e);
int store_membership_update(store *s, int64_t id, const char *role, const char *group, err *e);
int store_membership_delete(store *s, int64_t id, err *e);
/* The area an organisation belongs to, 0 when none. */
int store_org_area(store *s, int64_t org, int64_t *area, err *e);
int store_area_by_name(store *s, const char *name, const char *now, int64_t *id, err *e);

int store_session_insert(store *s, const session_row *r, err *e);
int store_session_get(store *s, arena *a, const char *token_hash, session_row *out, err *e);
int store_session_touch(store *s, const char *token_hash, const char *now, err *e);
int store_session_delete(store *s, const char *token_hash, err *e);
int store_sessions_delete_user(store *s, int64_t user, err *e);

int store_invitation_insert(store *s, const invitation_row *r, err *e);
int store_invitation_get(store *s, arena *a, const char *token_hash, invitation_row *out, err *e);
/* Answers 1 when this call used the invitation, 0 when it was used already. */
int store_invitation_use(store *s, const char *token_hash, const char *now, err *e);

int store_failure_add(store *s, const char *account, const char *address, const char *now, err *e);
int store_failure_count(store *s, const char *account, const char *address, const char *since,
			int64_t *n, err *e);
int store_failures_clear(store *s, const char *account, const char *address, err *e);

int store_api_token_insert(store *s, const api_token_row *r, int64_t *id, err *e);
/* Every token of the area, revoked ones too, newest first. */
int store_api_tokens_of_area(store *s, arena *a, int64_t area, api_token_list *out, err *e);
/* Marks token `id` of `area` revoked; 0 when there is no such live token. */
int store_api_token_revoke(store *s, int64_t area, int64_t id, const char *now, err *e);
/* The live (unrevoked) token with this hash: 1 found, 0 not. Records its use. */
int store_api_token_use(store *s, arena *a, const char *token_hash, const char *now,
			api_token_row *out, err *e);

int store_activity_add(store *s, const activity_row *r, err *e);
/* org > 0: that organisation's; else area > 0: that area's (its
 * organisations' too); newest first, at most `limit`. */
int store_activity_list(store *s, arena *a, int64_t org, int64_t area, int limit,
			activity_list *out, err *e);

#endif
