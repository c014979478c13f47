/* smtp.h: one email delivered through libcurl's SMTP client: the message
 * built (RFC 5322 headers, MIME text/plain in UTF-8, quoted-printable),
 * sent only encrypted (STARTTLS on smtp://, TLS from the start on
 * smtps://), and any failure put in words. */
#ifndef COPRO_MAIL_SMTP_H
#define COPRO_MAIL_SMTP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/arena.h"
#include "store/outbox.h"

typedef struct smtp_settings {
	const char *url;        /* smtp://host:587 or smtps://host:465; NULL: no mail server */
	const char *user;       /* NULL: no AUTH */
	const char *password;
	const char *from;       /* the sender's address */
	const char *ca_file;    /* certificates to trust besides the system's; NULL: the system's */
	long timeout;           /* seconds for the whole conversation (0: 60) */
	const _Atomic bool *cancel;     /* when it turns true, a conversation under way stops */
} smtp_settings;

/* What a try came to. */
typedef struct smtp_result {
	bool ok;
	bool permanent;         /* refused for good (a 5xx answer): do not try again */
	char error[400];        /* the reason in words when !ok */
} smtp_result;

/* Initialises libcurl once per process (before any thread sends). */
void smtp_global_init(void);
/* Sends `m`; `now` dates it. */
void smtp_send(const smtp_settings *s, const outbox_row *m, time_t now, smtp_result *r);
/* The message's header lines as sent (without the MIME part's), each
 * ending in CRLF: for the tests and for `copro mail status`. */
const char *smtp_headers(arena *a, const smtp_settings *s, const outbox_row *m, time_t now);
/* A Subject (or any header text) as RFC 2047 encoded words when it is not
 * plain ASCII, unchanged when it is. */
const char *smtp_encode_words(arena *a, const char *text);

#endif
