/* throttle.h: the rows behind the throttle of anonymous changes
 * (domain/throttle.h). Part of the store layer; see store.h. */
#ifndef COPRO_STORE_THROTTLE_H
#define COPRO_STORE_THROTTLE_H

#include "store/store.h"

int store_throttle_add(store *s, const char *scope, const char *address, const char *at, err *e);
/* Hits since `since` for `scope` and for `address`. */
int store_throttle_count(store *s, const char *scope, const char *address, const char *since,
			 int64_t *per_scope, int64_t *per_address, err *e);
/* Forgets every hit before `before`. */
int store_throttle_prune(store *s, const char *before, err *e);

#endif
