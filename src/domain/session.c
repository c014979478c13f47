/* session.c: resuming a signed-in session from its cookie, its idle and
 * absolute time-outs, and ending it; what the session's user may do in an
 * organisation or an area (the dispatcher's checks, moved here from
 * account.c). The database keeps only the token's SHA-256 (account.c
 * makes sessions at sign-in). */
#include "domain/account.h"

#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/account.h"
#include "store/store.h"

/* session_read's answer from the session's row, read by its hash. */
static int session_of_row(const char *token, const char *hash, const session_row *r,
			  session *out)
{
	memcpy(out->due_hash, hash, 65);
	int64_t now = time_now_epoch();
	int64_t created = time_parse_iso(r->created_at), seen = time_parse_iso(r->last_seen_at);
	if (now - seen > SESSION_IDLE_SECONDS || now - created > SESSION_ABSOLUTE_SECONDS) {
		out->due = SESSION_DUE_END;
		return 0;
	}
	out->user = r->user;
	out->two_factor_missing = r->two_factor_missing;
	/* One write a minute at most keeps the idle clock without a write on
	 * every page. */
	if (now - seen > 60)
		out->due = SESSION_DUE_TOUCH;
	snprintf(out->token, sizeof out->token, "%s", token);
	snprintf(out->csrf, sizeof out->csrf, "%s", r->csrf_token);
	out->valid = true;
	return 1;
}

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
	return session_of_row(token, hash, &r, out);
}

int session_ask(domain *d, const char *token, const char *hash, int64_t org, int64_t area,
		checks_asked *q, err *e)
{
	memset(q, 0, sizeof *q);
	if (!token || strlen(token) != 64)
		return 0;
	if (hash && strlen(hash) == 64)
		memcpy(q->hash, hash, 65);
	else
		token_hash(token, q->hash);
	q->asked = true;
	if (store_session_ask(d->db, d->mem, q->hash, &q->session, e) < 0)
		return -1;
	if (!org && !area)
		return 0;
	q->org = org;
	q->area = org ? 0 : area;
	q->memberships_asked = true;
	return store_memberships_of_session(d->db, d->mem, q->hash, org, &q->memberships, e);
}

int session_take(const char *token, const checks_asked *q, session *out)
{
	memset(out, 0, sizeof *out);
	if (!q->asked || q->session.n != 1)
		return 0;
	return session_of_row(token, q->hash, &q->session.items[0], out);
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

/* ---- what the session's user may do ------------------------------------ */

static enum access access_of(const membership_list *ms, int64_t org)
{
	enum access level = ACCESS_NONE;
	for (size_t i = 0; i < ms->n; i++) {
		const membership_row *m = &ms->items[i];
		enum access l = ACCESS_NONE;
		if (!strcmp(m->role, "area-admin"))    /* of the organisation's area */
			l = ACCESS_AREA;
		else if (m->organisation_id == org && !strcmp(m->role, "lead"))
			l = ACCESS_LEAD;
		else if (m->organisation_id == org && !strcmp(m->role, "contributor"))
			l = ACCESS_CONTRIBUTE;
		else if (m->organisation_id == org && !strcmp(m->role, "viewer"))
			l = ACCESS_VIEW;
		if (l > level)
			level = l;
	}
	return level;
}

/* Organisation `org`'s area as `ms`, read for it, says: an area
 * administrator's membership is of that area (store_memberships_in_org),
 * a member's joins the organisation. */
static int64_t area_of(const membership_list *ms, int64_t org)
{
	for (size_t i = 0; i < ms->n; i++) {
		const membership_row *m = &ms->items[i];
		if (!strcmp(m->role, "area-admin"))
			return m->area_id;
		if (m->organisation_id == org && m->org_area_id)
			return m->org_area_id;
	}
	return 0;
}

static bool admin_of(const membership_list *ms, int64_t area)
{
	bool admin = false;
	for (size_t i = 0; i < ms->n; i++)
		admin |= !strcmp(ms->items[i].role, "area-admin") && ms->items[i].area_id == area;
	return admin;
}

int access_to_org(domain *d, int64_t user, int64_t org, enum access *level, int64_t *area,
		  err *e)
{
	*level = ACCESS_NONE;
	*area = 0;
	membership_list ms;
	if (store_memberships_in_org(d->db, d->mem, user, org, &ms, e) < 0)
		return -1;
	*level = access_of(&ms, org);
	*area = area_of(&ms, org);
	return 0;
}

int access_to_area(domain *d, int64_t user, int64_t area, bool *admin, err *e)
{
	*admin = false;
	membership_list ms;
	if (store_memberships_of_user(d->db, d->mem, user, &ms, e) < 0)
		return -1;
	*admin = admin_of(&ms, area);
	return 0;
}

/* The memberships asked with the session are its user's: they answer for
 * `s` only when it is that live session (its user read in the same
 * answer), and for the organisation or area they were asked for. */
static bool asked_for(const checks_asked *q, const session *s)
{
	return q->memberships_asked && s->valid && q->session.n == 1 &&
	       q->session.items[0].user_id == s->user.id;
}

bool access_to_org_take(const checks_asked *q, const session *s, int64_t org, enum access *level,
			int64_t *area)
{
	if (!asked_for(q, s) || !org || q->org != org)
		return false;
	*level = access_of(&q->memberships, org);
	*area = area_of(&q->memberships, org);
	return true;
}

bool access_to_area_take(const checks_asked *q, const session *s, int64_t area, bool *admin)
{
	if (!asked_for(q, s) || !area || q->area != area)
		return false;
	*admin = admin_of(&q->memberships, area);
	return true;
}
