/* account.h: rows and queries for people who sign in: users, their roles
 * (memberships), sessions, invitations, sign-in failures and the activity
 * log. Part of the store layer; see store.h for conventions. */
#ifndef COPRO_STORE_ACCOUNT_H
#define COPRO_STORE_ACCOUNT_H

#include "store/store.h"

int store_user_count(store *s, int64_t *n, err *e);
int store_user_insert(store *s, const user_row *u, int64_t *id, err *e);
int store_user_get(store *s, arena *a, int64_t id, user_row *out, err *e);
int store_user_by_email(store *s, arena *a, const char *email, user_row *out, err *e);
int store_user_delete(store *s, int64_t id, err *e);

int store_membership_insert(store *s, const membership_row *m, int64_t *id, err *e);
int store_memberships_of_user(store *s, arena *a, int64_t user, membership_list *out, err *e);
/* The user's memberships that reach organisation `org`: its own roles
 * there, and administrator of its area; one statement (a request's access
 * check, a round trip on PostgreSQL). */
int store_memberships_in_org(store *s, arena *a, int64_t user, int64_t org, membership_list *out,
			     err *e);
/* What store_memberships_in_org (org > 0) or store_memberships_of_user
 * (org 0) reads for the user of the session with `token_hash` (none when
 * there is no such session). */
int store_memberships_of_session(store *s, arena *a, const char *token_hash, int64_t org,
				 membership_list *out, err *e);
int store_memberships_of_org(store *s, arena *a, int64_t org, membership_list *out, err *e);
int store_membership_get(store *s, arena *a, int64_t id, membership_row *out, err *e);
int store_membership_update(store *s, int64_t id, const char *role, const char *group, err *e);
int store_membership_delete(store *s, int64_t id, err *e);
/* The area an organisation belongs to, 0 when none. */
int store_org_area(store *s, int64_t org, int64_t *area, err *e);

int store_session_insert(store *s, const session_row *r, err *e);
int store_session_get(store *s, arena *a, const char *token_hash, session_row *out, err *e);
/* The same as a list of none or one, so it can be asked with other reads
 * (store_reads_begin). */
int store_session_ask(store *s, arena *a, const char *token_hash, session_list *out, err *e);
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
/* The live (unrevoked, unexpired) token with this hash: 1 found, 0 not. Records its use. */
int store_api_token_use(store *s, arena *a, const char *token_hash, const char *now,
			api_token_row *out, err *e);

/* A line of organisation_id's log (area_id its area, or 0 to have it
 * looked up) or of area_id's alone (organisation_id 0). */
int store_activity_add(store *s, const activity_row *r, err *e);
/* org > 0: that organisation's; else area > 0: that area's (its
 * organisations' too); newest first, at most `limit`. */
int store_activity_list(store *s, arena *a, int64_t org, int64_t area, int limit,
			activity_list *out, err *e);
/* The newest line of evaluation `evaluation`'s organisation since the
 * evaluation last changed (its updated_at) that starts with `prefix`, as
 * a list of none or one, so it can be asked with other reads
 * (store_reads_begin). */
int store_evaluation_status_line(store *s, arena *a, int64_t evaluation, const char *prefix,
				 activity_list *out, err *e);

#endif
