/* device.h: the rows of sign-in device cookies (domain/device.h). Part of
 * the store layer; see store.h. */
#ifndef COPRO_STORE_DEVICE_H
#define COPRO_STORE_DEVICE_H

#include "store/store.h"

typedef struct device_row {
	const char *token_hash;
	int64_t user_id;
	const char *created_at;
	int64_t failures;
	const char *locked_until;       /* NULL when never locked */
} device_row;

int store_device_insert(store *s, const device_row *r, err *e);
/* 1 and the row, or 0 when no cookie has that hash. */
int store_device_get(store *s, arena *a, const char *token_hash, device_row *out, err *e);
/* One more failure; the `max`th locks the cookie until `until` and starts
 * the count again. */
int store_device_failed(store *s, const char *token_hash, int64_t max, const char *until, err *e);
int store_device_delete(store *s, const char *token_hash, err *e);
/* Cookies made before `before` are gone. */
int store_device_prune(store *s, const char *before, err *e);

#endif
