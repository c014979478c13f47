/* schema_device.h: the device cookies migration of schema.c (issue 15),
 * kept here so that schema.c stays under its length. Included by schema.c
 * alone. */
#ifndef COPRO_STORE_SCHEMA_DEVICE_H
#define COPRO_STORE_SCHEMA_DEVICE_H

/* OWASP's device cookies: a browser that signed in to an account keeps
 * its own allowance of failures (domain/device.h). Only the cookie's
 * SHA-256 is kept. An account's row goes with the account. */
#define SCHEMA_DEVICE \
	"CREATE TABLE device_cookie (" \
	"  token_hash TEXT PRIMARY KEY," \
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE," \
	"  created_at TEXT NOT NULL," \
	"  failures INTEGER NOT NULL DEFAULT 0," \
	"  locked_until TEXT);" \
	"CREATE INDEX device_cookie_user ON device_cookie (user_id);"

#endif
