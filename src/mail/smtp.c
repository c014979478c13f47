/* smtp.c: one email through libcurl's SMTP client (mail/smtp.h). The
 * MIME body and its quoted-printable encoding are libcurl's (curl_mime);
 * the encoded-word Subject is base64 by libsodium. */
#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "mail/smtp.h"

#define SMTP_CONNECT_SECONDS 15L
#define SMTP_TIMEOUT_SECONDS 60L
/* Bytes of UTF-8 per encoded word: 45 make 60 of base64, and with
 * "=?UTF-8?B?" and "?=" the word stays under RFC 2047's 75. */
#define WORD_BYTES 45

void smtp_global_init(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

static bool plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80 || (*s == '=' && s[1] == '?'))
			return false;
	return true;
}

const char *smtp_encode_words(arena *a, const char *text)
{
	if (plain_ascii(text))
		return text;
	char *out = arena_strdup(a, "");
	size_t n = strlen(text);
	for (size_t at = 0; at < n;) {
		size_t len = n - at < WORD_BYTES ? n - at : WORD_BYTES;
		/* Never split a character: back off continuation bytes. */
		while (len > 1 && at + len < n && ((unsigned char)text[at + len] & 0xC0) == 0x80)
			len--;
		char b64[sodium_base64_ENCODED_LEN(WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)text + at, len,
				  sodium_base64_VARIANT_ORIGINAL);
		out = arena_printf(a, "%s%s=?UTF-8?B?%s?=", out, *out ? " " : "", b64);
		at += len;
	}
	return out;
}

/* RFC 5322's date, in English whatever the locale, in UTC. */
static const char *rfc5322_date(arena *a, time_t now)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm t;
	gmtime_r(&now, &t);
	return arena_printf(a, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[t.tm_wday], t.tm_mday,
			    months[t.tm_mon], t.tm_year + 1900, t.tm_hour, t.tm_min, t.tm_sec);
}

static const char *message_id(arena *a, const char *from, int64_t id)
{
	unsigned char r[12];
	char hex[2 * sizeof r + 1];
	randombytes_buf(r, sizeof r);
	sodium_bin2hex(hex, sizeof hex, r, sizeof r);
	const char *at = strchr(from, '@');
	return arena_printf(a, "<%lld.%s@%s>", (long long)id, hex, at ? at + 1 : "copro.invalid");
}

/* The header lines, in the order they are sent. */
static const char **header_lines(arena *a, const smtp_settings *s, const outbox_row *m, time_t now,
				 size_t *n)
{
	const char **h = ARENA_ARRAY(a, 8, h);
	size_t k = 0;
	h[k++] = arena_printf(a, "Date: %s", rfc5322_date(a, now));
	h[k++] = arena_printf(a, "From: copro <%s>", s->from);
	h[k++] = arena_printf(a, "To: <%s>", m->to_address);
	h[k++] = arena_printf(a, "Subject: %s", smtp_encode_words(a, m->subject));
	h[k++] = arena_printf(a, "Message-ID: %s", message_id(a, s->from, m->id));
	/* RFC 3834: automatic replies should not answer it. */
	h[k++] = "Auto-Submitted: auto-generated";
	if (m->unsubscribe && *m->unsubscribe) {
		h[k++] = arena_printf(a, "List-Unsubscribe: <%s>", m->unsubscribe);
		h[k++] = "List-Unsubscribe-Post: List-Unsubscribe=One-Click";    /* RFC 8058 */
	}
	*n = k;
	return h;
}

const char *smtp_headers(arena *a, const smtp_settings *s, const outbox_row *m, time_t now)
{
	size_t n;
	const char **h = header_lines(a, s, m, now, &n);
	char *out = arena_strdup(a, "");
	for (size_t i = 0; i < n; i++)
		out = arena_printf(a, "%s%s\r\n", out, h[i]);
	return out;
}

/* The text with CRLF line ends, as SMTP carries lines. */
static char *crlf_text(arena *a, const char *text)
{
	size_t lf = 0;
	for (const char *p = text; *p; p++)
		lf += *p == '\n';
	char *out = arena_alloc(a, strlen(text) + lf + 1), *o = out;
	for (const char *p = text; *p; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n')
			*o++ = '\r';
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

/* libcurl asks about every transfer step (and once a second while it
 * waits): a nonzero answer ends the conversation. */
static int cancelled(void *cancel, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	return *(const _Atomic bool *)cancel ? 1 : 0;
}

/* libcurl's failures in words an area administrator can act on. */
static void describe(const smtp_settings *s, CURLcode rc, long code, char *detail, smtp_result *r)
{
	const char *what;
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		what = "The mail server's name could not be found: check smtp-url.";
		break;
	case CURLE_COULDNT_CONNECT:
		what = "Could not connect to the mail server: it may be down, or smtp-url may be wrong.";
		break;
	case CURLE_USE_SSL_FAILED:
		what = "The mail server does not offer STARTTLS, and copro sends mail only encrypted: use a server that offers it, or smtps://.";
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
		what = "The mail server's certificate could not be checked: is the name in smtp-url the one on its certificate? (smtp-ca-file names certificates to trust.)";
		break;
	case CURLE_LOGIN_DENIED:
		what = "The mail server refused the user name or password (smtp-user, smtp-password-file).";
		break;
	case CURLE_OPERATION_TIMEDOUT:
		what = "The mail server did not answer in time.";
		break;
	case CURLE_ABORTED_BY_CALLBACK:
		what = "copro stopped while sending it; it will be sent when copro runs again.";
		break;
	default:
		what = code >= 400 ? "The mail server refused the message." : "The message could not be sent.";
	}
	size_t dn = strlen(detail);
	while (dn > 0 && (detail[dn - 1] == '.' || detail[dn - 1] == ' '))
		detail[--dn] = '\0';     /* the sentence adds its own */
	r->permanent = code >= 500 && code != 530 && code != 535 && rc != CURLE_LOGIN_DENIED;
	if (code > 0)
		snprintf(r->error, sizeof r->error, "%s (It answered %ld%s%s.)", what, code,
			 *detail ? ": " : "", detail);
	else
		snprintf(r->error, sizeof r->error, "%s (%s%s%s)", what, curl_easy_strerror(rc),
			 *detail ? ": " : "", detail);
	(void)s;
}

void smtp_send(const smtp_settings *s, const outbox_row *m, time_t now, smtp_result *r)
{
	*r = (smtp_result){0};
	arena a = {0};
	CURL *curl = curl_easy_init();
	curl_mime *mime = NULL;
	struct curl_slist *rcpt = NULL, *headers = NULL;
	char detail[CURL_ERROR_SIZE] = "";
	if (!curl) {
		snprintf(r->error, sizeof r->error, "libcurl could not start (out of memory?).");
		goto done;
	}
	size_t n;
	const char **h = header_lines(&a, s, m, now, &n);
	for (size_t i = 0; i < n; i++)
		headers = curl_slist_append(headers, h[i]);
	rcpt = curl_slist_append(rcpt, arena_printf(&a, "<%s>", m->to_address));
	mime = curl_mime_init(curl);
	curl_mimepart *part = curl_mime_addpart(mime);
	curl_mime_data(part, crlf_text(&a, m->body), CURL_ZERO_TERMINATED);
	curl_mime_type(part, "text/plain; charset=UTF-8");
	curl_mime_encoder(part, "quoted-printable");
	curl_easy_setopt(curl, CURLOPT_URL, s->url);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	curl_easy_setopt(curl, CURLOPT_MAIL_FROM, arena_printf(&a, "<%s>", s->from));
	curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);   /* threads: no SIGALRM */
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, SMTP_CONNECT_SECONDS);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, s->timeout > 0 ? s->timeout : SMTP_TIMEOUT_SECONDS);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
	if (s->user && *s->user) {
		curl_easy_setopt(curl, CURLOPT_USERNAME, s->user);
		curl_easy_setopt(curl, CURLOPT_PASSWORD, s->password ? s->password : "");
	}
	if (s->ca_file && *s->ca_file)
		curl_easy_setopt(curl, CURLOPT_CAINFO, s->ca_file);
	if (s->cancel) {
		curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, cancelled);
		curl_easy_setopt(curl, CURLOPT_XFERINFODATA, (void *)s->cancel);
		curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
	}
	CURLcode rc = curl_easy_perform(curl);
	long code = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
	if (rc == CURLE_OK)
		r->ok = true;
	else
		describe(s, rc, code, detail, r);
done:
	curl_mime_free(mime);
	curl_slist_free_all(rcpt);
	curl_slist_free_all(headers);
	if (curl)
		curl_easy_cleanup(curl);
	arena_free(&a);
}
