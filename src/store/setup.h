/* setup.h: the set-up code's hash (domain/setup.h). Part of the store
 * layer; see store.h. */
#ifndef COPRO_STORE_SETUP_H
#define COPRO_STORE_SETUP_H

#include "store/store.h"

/* Replaces the code in force by the one hashed `code_hash`. */
int store_setup_code_set(store *s, const char *code_hash, const char *now, err *e);
/* 1 when `code_hash` is the code in force, else 0. */
int store_setup_code_is(store *s, const char *code_hash, err *e);
int store_setup_code_clear(store *s, err *e);

#endif
