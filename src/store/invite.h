/* invite.h: open invitations as the people page lists them, re-sent and
 * cancelled (domain/invite.h). An invitation is named in URLs by the
 * first 16 hex digits of its token's hash (its `key`): never the token,
 * which the database does not hold. Part of the store layer; see store.h. */
#ifndef COPRO_STORE_INVITE_H
#define COPRO_STORE_INVITE_H

#include "store/store.h"

#define INVITE_KEY_LEN 16

typedef struct invite_row {
	const char *key;                /* INVITE_KEY_LEN hex digits */
	const char *token_hash;
	int64_t organisation_id;
	const char *name, *role, *partner_group;
	const char *email;              /* NULL: the link was handed over by the lead */
	const char *created_at, *expires_at;
	const char *invited_by;         /* the inviter's name; NULL when gone */
} invite_row;

typedef STORE_LIST(invite_row) invite_list;

int store_invite_set_email(store *s, const char *token_hash, const char *email, err *e);
/* Unused and unexpired at `now`, newest first. */
int store_invites_open(store *s, arena *a, int64_t org, const char *now, invite_list *out, err *e);
int store_invite_find(store *s, arena *a, int64_t org, const char *key, const char *now, invite_row *out,
		      err *e);
/* A new token (hash) and expiry: the old link stops working. */
int store_invite_renew(store *s, const char *old_hash, const char *new_hash, const char *expires, err *e);
int store_invite_delete(store *s, const char *token_hash, err *e);

#endif
