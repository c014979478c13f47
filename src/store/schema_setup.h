/* schema_setup.h: the set-up code migration of schema.c (issue 15, hole
 * 6), kept here so that schema.c stays under its length. Included by
 * schema.c alone. */
#ifndef COPRO_STORE_SCHEMA_SETUP_H
#define COPRO_STORE_SCHEMA_SETUP_H

/* The one set-up code in force while copro has no account: only its
 * SHA-256, in the database rather than a file beside it, so that every
 * copro process serving the database (and `copro setup-code`) agrees on
 * it. One row at most (store_setup_code_set replaces it); set-up deletes
 * it. The same text on both engines. */
#define SCHEMA_SETUP_CODE \
	"CREATE TABLE setup_code (" \
	"  code_hash TEXT PRIMARY KEY," \
	"  created_at TEXT NOT NULL);"

#endif
