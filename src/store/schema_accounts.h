/* schema_accounts.h: migration 22 of schema.c, passwords and two-factor sign-in
 * (issue 15), kept here so that schema.c stays readable. Included by
 * schema.c alone, after its trigger macros. */
#ifndef COPRO_STORE_SCHEMA_ACCOUNTS_H
#define COPRO_STORE_SCHEMA_ACCOUNTS_H

/* A person's TOTP secret (base32, as their app holds it: it must be
 * readable to check a code), confirmed once they typed a code from it,
 * with the last time step used so that no code works twice; their ten
 * recovery codes and password-reset links, stored as SHA-256 only; a
 * signed-in password waiting for its second step (a short-lived state,
 * not a session); and the area's choice to require two-factor sign-in of
 * its administrators and leads. Only the last is an area's data (its
 * settings page shows it): the others are account-level, like sessions,
 * and stay out of organisation exports. */
#define SCHEMA_ACCOUNTS \
	"CREATE TABLE two_factor (" \
	"  user_id INTEGER PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE," \
	"  secret TEXT NOT NULL," \
	"  confirmed_at TEXT," \
	"  last_step INTEGER NOT NULL DEFAULT 0," \
	"  created_at TEXT NOT NULL);" \
	"CREATE TABLE recovery_code (" \
	"  id INTEGER PRIMARY KEY," \
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE," \
	"  code_hash TEXT NOT NULL UNIQUE," \
	"  used_at TEXT);" \
	"CREATE INDEX recovery_code_user ON recovery_code (user_id);" \
	"CREATE TABLE password_reset (" \
	"  token_hash TEXT PRIMARY KEY," \
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE," \
	"  started_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL," \
	"  created_at TEXT NOT NULL," \
	"  expires_at TEXT NOT NULL," \
	"  used_at TEXT);" \
	"CREATE INDEX password_reset_user ON password_reset (user_id);" \
	"CREATE TABLE sign_in_pending (" \
	"  token_hash TEXT PRIMARY KEY," \
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE," \
	"  created_at TEXT NOT NULL," \
	"  failures INTEGER NOT NULL DEFAULT 0);" \
	"CREATE TABLE two_factor_area_setting (" \
	"  area_id INTEGER PRIMARY KEY REFERENCES area (id)," \
	"  required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1))," \
	"  updated_at TEXT NOT NULL);" \
	SCHEMA_ACCOUNTS_TRIGGERS

/* Apart, so that PostgreSQL's baseline (schema_pg.c) has them too. */
#define SCHEMA_ACCOUNTS_TRIGGERS AREA_TRIGGERS("two_factor_area_setting", AREA_DIRECT)

#endif
