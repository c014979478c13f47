/* schema_life.h: migration 19 of schema.c (issue 15: security events,
 * account lifecycle, API token expiry), kept here so that schema.c stays
 * under its length. Included by schema.c alone. */
#ifndef COPRO_STORE_SCHEMA_LIFE_H
#define COPRO_STORE_SCHEMA_LIFE_H

/* Security events are activity lines marked as such, so a person's own
 * account page finds theirs by one partial index. Sign-in failures are
 * pruned by time, which needs an index on it. A disabled account keeps
 * everything but cannot sign in. API tokens expire: those made before
 * this migration get a year from now rather than from their creation, so
 * none stops working on the day of the upgrade. */
#define SCHEMA_LIFE \
	"ALTER TABLE activity ADD COLUMN security INTEGER NOT NULL DEFAULT 0" \
	"  CHECK (security IN (0, 1));" \
	"CREATE INDEX activity_security ON activity (user_id, at) WHERE security = 1;" \
	"CREATE INDEX sign_in_failure_at ON sign_in_failure (at);" \
	"ALTER TABLE app_user ADD COLUMN disabled_at TEXT;" \
	"ALTER TABLE api_token ADD COLUMN expires_at TEXT;" \
	"UPDATE api_token SET expires_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+365 days');"

#endif
