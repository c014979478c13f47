/* schema_mail.h: migration 17 of schema.c (the outbox of issue 15), kept
 * here so that schema.c stays readable. Included by schema.c alone. */
#ifndef COPRO_STORE_SCHEMA_MAIL_H
#define COPRO_STORE_SCHEMA_MAIL_H

/* The outbox: every email copro sends, written in the transaction of the
 * change it tells of, so a change and its emails commit together. A
 * sender claims a row (status 'sending' until claimed_until, so a sender
 * that died gives it back) before it talks to the mail server, which
 * keeps two serve processes from sending one message twice. Rows are the
 * people's, not an organisation's: no revision triggers, and the
 * organisation export leaves them out. */
#define SCHEMA_MAIL \
	"CREATE TABLE outbox (" \
	"  id INTEGER PRIMARY KEY," \
	"  to_address TEXT NOT NULL," \
	"  subject TEXT NOT NULL," \
	"  body TEXT NOT NULL," \
	"  kind TEXT NOT NULL," \
	"  user_id INTEGER REFERENCES app_user (id) ON DELETE SET NULL," \
	"  area_id INTEGER REFERENCES area (id) ON DELETE SET NULL," \
	"  unsubscribe TEXT," \
	"  created_at TEXT NOT NULL," \
	"  status TEXT NOT NULL DEFAULT 'waiting'" \
	"    CHECK (status IN ('waiting', 'sending', 'sent', 'failed'))," \
	"  attempts INTEGER NOT NULL DEFAULT 0," \
	"  next_attempt_at TEXT NOT NULL," \
	"  claimed_until TEXT," \
	"  sent_at TEXT," \
	"  failed_at TEXT," \
	"  last_error TEXT);" \
	"CREATE INDEX outbox_due ON outbox (status, next_attempt_at);" \
	"CREATE INDEX outbox_area ON outbox (area_id, status, id);"

/* Migration 20: an invitation may name the email address it was sent to
 * (NULL: the lead sent the link themselves). */
#define SCHEMA_INVITE_MAIL "ALTER TABLE invitation ADD COLUMN email TEXT;"

#endif
