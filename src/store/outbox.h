/* outbox.h: the rows of the outbox (domain/mail.h): emails waiting, being
 * sent, sent or given up. Part of the store layer; see store.h. */
#ifndef COPRO_STORE_OUTBOX_H
#define COPRO_STORE_OUTBOX_H

#include "store/store.h"

typedef struct outbox_row {
	int64_t id;
	const char *to_address, *subject, *body, *kind;
	int64_t user_id, area_id;       /* 0 when none */
	const char *unsubscribe;        /* NULL when none */
	const char *created_at;
	const char *status;             /* "waiting" "sending" "sent" "failed" */
	int attempts;
	const char *next_attempt_at, *claimed_until, *sent_at, *failed_at, *last_error;
} outbox_row;

typedef STORE_LIST(outbox_row) outbox_list;

typedef struct outbox_counts {
	int64_t waiting, sending, sent, failed;
} outbox_counts;

int store_outbox_insert(store *s, const outbox_row *r, int64_t *id, err *e);
int store_outbox_get(store *s, arena *a, int64_t id, outbox_row *out, err *e);
/* The newest first; area 0: every area's (and none's); status NULL: all;
 * to NULL: every address. */
int store_outbox_list(store *s, arena *a, int64_t area, const char *status, const char *to,
		      int limit, outbox_list *out, err *e);
int store_outbox_counts(store *s, int64_t area, outbox_counts *out, err *e);
/* The oldest message due at `now` (waiting, or claimed by a sender whose
 * claim ran out): 1 found, 0 none. */
int store_outbox_due(store *s, const char *now, int64_t *id, err *e);
/* Marks it 'sending' until `until` and counts the try: 1 claimed, 0 when
 * another sender has it. */
int store_outbox_claim(store *s, int64_t id, const char *now, const char *until, err *e);
int store_outbox_sent(store *s, int64_t id, const char *now, err *e);
/* Back to waiting until `next`, with the error in words. */
int store_outbox_defer(store *s, int64_t id, const char *next, const char *error, err *e);
int store_outbox_fail(store *s, int64_t id, const char *now, const char *error, err *e);
/* A failed message of `area` waits again, its tries counted afresh: 1
 * done, 0 when it is not a failed message of the area. */
int store_outbox_retry(store *s, int64_t area, int64_t id, const char *now, err *e);

#endif
