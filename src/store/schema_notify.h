/* schema_notify.h: the notifications migration of schema.c (issue 15),
 * kept here so that schema.c stays under its length. Included by schema.c
 * alone. */
#ifndef COPRO_STORE_SCHEMA_NOTIFY_H
#define COPRO_STORE_SCHEMA_NOTIFY_H

/* A person's notifications, their choice per kind, the due-date events
 * already said (so the tick says each once), the digests sent and the
 * unsubscribe links (their SHA-256 only). All are the person's, not an
 * organisation's: no organisation page shows them, so they have no
 * revision triggers, and the organisation export leaves them out.
 * `digest` is 1 while an item waits for the person's weekly digest. */
#define SCHEMA_NOTIFY \
	"CREATE TABLE notification (" \
	"  id INTEGER PRIMARY KEY," \
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE," \
	"  kind TEXT NOT NULL," \
	"  subject TEXT NOT NULL," \
	"  text TEXT NOT NULL DEFAULT ''," \
	"  path TEXT NOT NULL DEFAULT ''," \
	"  created_at TEXT NOT NULL," \
	"  read_at TEXT," \
	"  digest INTEGER NOT NULL DEFAULT 0 CHECK (digest IN (0, 1)));" \
	"CREATE INDEX notification_user ON notification (user_id, id);" \
	"CREATE INDEX notification_waiting ON notification (user_id) WHERE digest = 1;" \
	"CREATE TABLE notification_setting (" \
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE," \
	"  kind TEXT NOT NULL," \
	"  how TEXT NOT NULL CHECK (how IN ('now', 'weekly', 'in-app'))," \
	"  updated_at TEXT NOT NULL," \
	"  PRIMARY KEY (user_id, kind));" \
	"CREATE TABLE notification_sent (" \
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE," \
	"  event TEXT NOT NULL," \
	"  at TEXT NOT NULL," \
	"  PRIMARY KEY (user_id, event));" \
	"CREATE TABLE notification_digest (" \
	"  user_id INTEGER PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE," \
	"  sent_at TEXT NOT NULL);" \
	"CREATE TABLE notification_unsubscribe (" \
	"  token_hash TEXT PRIMARY KEY," \
	"  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE," \
	"  kind TEXT NOT NULL," \
	"  created_at TEXT NOT NULL);"

/* Migration 23. The header's unread count reads one partial index (only
 * the unread rows), and the tick's housekeeping finds what it may forget
 * (read notifications, old unsubscribe links, reminders said long ago) by
 * its time instead of reading whole tables. */
#define SCHEMA_NOTIFY_KEEP \
	"CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL;" \
	"CREATE INDEX notification_read_at ON notification (read_at) WHERE read_at IS NOT NULL;" \
	"CREATE INDEX notification_sent_at ON notification_sent (at);" \
	"CREATE INDEX notification_unsubscribe_at ON notification_unsubscribe (created_at);"

#endif
