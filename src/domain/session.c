/* session.c: resuming a signed-in session from its cookie, its idle and
 * absolute time-outs, and ending it. The database keeps only the token's
 * SHA-256 (account.c makes sessions at sign-in). */
#include "domain/account.h"

#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/account.h"
#include "store/store.h"

int session_read(domain *d, const char *token, session *out, err *e)
{
	memset(out, 0, sizeof *out);
	if (!token || strlen(token) != 64)
		return 0;
	char hash[65];
	token_hash(token, hash);
	session_row r;
	int found = store_session_get(d->db, d->mem, hash, &r, e);
	if (found <= 0)
		return found;
	memcpy(out->due_hash, hash, sizeof hash);
	int64_t now = time_now_epoch();
	int64_t created = time_parse_iso(r.created_at), seen = time_parse_iso(r.last_seen_at);
	if (now - seen > SESSION_IDLE_SECONDS || now - created > SESSION_ABSOLUTE_SECONDS) {
		out->due = SESSION_DUE_END;
		return 0;
	}
	out->user = r.user;
	out->two_factor_missing = r.two_factor_missing;
	/* One write a minute at most keeps the idle clock without a write on
	 * every page. */
	if (now - seen > 60)
		out->due = SESSION_DUE_TOUCH;
	snprintf(out->token, sizeof out->token, "%s", token);
	snprintf(out->csrf, sizeof out->csrf, "%s", r.csrf_token);
	out->valid = true;
	return 1;
}

int session_keep(domain *d, session *s, err *e)
{
	enum session_due due = s->due;
	s->due = SESSION_DUE_NONE;
	if (due == SESSION_DUE_END)
		return store_session_delete(d->db, s->due_hash, e);
	if (due != SESSION_DUE_TOUCH)
		return 0;
	char iso[21];
	time_iso(time_now_epoch(), iso);
	return store_session_touch(d->db, s->due_hash, iso, e);
}

int session_resume(domain *d, const char *token, session *out, err *e)
{
	int found = session_read(d, token, out, e);
	if (found < 0)
		return -1;
	err ignored = {0};      /* the session answers the same without its write */
	session_keep(d, out, &ignored);
	return found;
}

int session_end(domain *d, const char *token, err *e)
{
	char hash[65];
	token_hash(token, hash);
	return store_session_delete(d->db, hash, e);
}
