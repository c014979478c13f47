/* security.h: rows behind security events (domain/security.h): the areas
 * a person belongs to, pruning old sign-in failures, and a person's own
 * events. Part of the store layer; see store.h. */
#ifndef COPRO_STORE_SECURITY_H
#define COPRO_STORE_SECURITY_H

#include "store/store.h"

typedef STORE_LIST(int64_t) store_id_list;

/* Every area the user belongs to: administered, or through an
 * organisation's membership. */
int store_user_areas(store *s, arena *a, int64_t user, store_id_list *out, err *e);
/* Every area. */
int store_area_ids(store *s, arena *a, store_id_list *out, err *e);
/* Forgets sign-in failures before `before` (an ISO time). */
int store_failures_prune(store *s, const char *before, err *e);
/* A security event: an activity line marked as one (area_id given, no
 * organisation). */
int store_security_add(store *s, const activity_row *r, err *e);
/* The user's security events, each (at, what) once however many areas'
 * logs hold it, newest first. */
int store_security_of_user(store *s, arena *a, int64_t user, int limit, activity_list *out,
			   err *e);

#endif
