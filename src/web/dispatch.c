/* dispatch.c: the one place where a route's rules are enforced: sign-in,
 * the CSRF token on every POST, size limits, and the user's access to the
 * organisation in the URL. Handlers start from a request that has passed
 * all of it. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/account_life.h"
#include "domain/gold.h"
#include "domain/security.h"
#include "domain/throttle.h"
#include "store/store.h"
#include "web/cache.h"
#include "web/change.h"
#include "web/i18n.h"
#include "web/partner.h"
#include "web/web.h"

/* A classroom behind one address answering a long round (two pages a
 * statement) stays under the first; the second is ten such classes an
 * hour on one link. */
struct throttle_limits web_partner_throttle = {.per_address = 3000, .per_scope = 30000};

/* Signed-out forms (set-up, sign-in, invitations) are protected by a
 * double-submit token: a random value in a cookie and in the form. */
static const char *form_token(request *r)
{
	const char *have = r->form_cookie;
	if (have && strlen(have) == 64)
		return have;
	unsigned char bytes[32];
	char *hex = arena_alloc(&r->mem, 65);
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2hex(hex, 65, bytes, sizeof bytes);
	r->cookie = arena_printf(&r->mem, FORM_COOKIE "=%s; Path=/; Secure; HttpOnly; SameSite=Strict",
				 hex);
	return hex;
}

void form_csrf(request *r)
{
	const char *token = r->sess.valid ? r->sess.csrf : form_token(r);
	htmlf(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"%a\">", token);
}

static bool csrf_ok(request *r)
{
	const char *sent = form_get(r, "csrf");
	if (!sent && r->route && (r->route->flags & ROUTE_UPLOAD))
		sent = query_get(r, "csrf");    /* sent in the form's address */
	const char *want = r->sess.valid ? r->sess.csrf : r->form_cookie;
	bool ok = sent && want && strlen(sent) == 64 && strlen(want) == 64 &&
		  sodium_memcmp(sent, want, 64) == 0;
	if (!ok)
		security_csrf_refused();
	return ok;
}

/* The refused forms of each finished hour, written once as a line in the
 * areas' logs by the next change. */
static void refusals_flush(request *r)
{
	err e = {0};
	if (security_tick(&r->d, time(NULL), &e) < 0)
		fprintf(stderr, "copro serve: writing the count of refused forms: %s\n", e.msg);
}

void web_set_session_cookie(request *r, const char *token);
void web_set_session_cookie(request *r, const char *token)
{
	if (token)
		r->cookie = arena_printf(&r->mem, SESSION_COOKIE "=%s; Path=/; Secure; HttpOnly; SameSite=Lax",
					 token);
	else
		r->cookie = SESSION_COOKIE "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0";
}

/* The first route of `method` taking `path`, its placeholders in params;
 * the other method's routes are not matched at all. */
static const route *route_of(const char *method, const char *path, const char **params, arena *a)
{
	for (const route *const *t = web_route_tables; *t; t++)
		for (const route *rt = *t; rt->pattern; rt++)
			if (!strcmp(rt->method, method) && route_match(rt->pattern, path, params, a))
				return rt;
	return NULL;
}

const route *web_route_for(const char *method, const char *path, arena *a)
{
	const char *params[4] = {0};
	return route_of(method, path, params, a);
}

/* The first route of the request's method whose pattern takes its path;
 * only when there is none, whether another method's does (a 405, or the
 * GET of a POST's address). Looked up once, kept in the request. */
static const route *find_route(request *r, bool *other_method)
{
	if (!r->found_done) {
		const char *params[4] = {0};
		r->found = route_of(r->method, r->path, r->params, &r->mem);
		r->found_other = false;
		for (const route *const *t = web_route_tables; *t && !r->found && !r->found_other; t++)
			for (const route *rt = *t; rt->pattern && !r->found_other; rt++)
				r->found_other = route_match(rt->pattern, r->path, params, &r->mem);
		r->found_done = true;
	}
	*other_method = r->found_other;
	return r->found;
}

/* The body a POST may bring, by its route. */
static void body_limits(request *r, const route *rt)
{
	unsigned flags = rt ? rt->flags : ROUTE_PUBLIC;
	if (flags & ROUTE_UPLOAD) {
		r->body_limit = WEB_MAX_UPLOAD + 64 * 1024;     /* the file and the form around it */
		r->field_limit = WEB_MAX_UPLOAD;
	} else if (flags & ROUTE_PARTNER) {
		r->body_limit = WEB_PARTNER_BODY;
		r->field_limit = WEB_PARTNER_FIELD;
	} else if (flags & ROUTE_PUBLIC) {
		r->body_limit = WEB_PUBLIC_BODY;
		r->field_limit = WEB_PUBLIC_BODY;
	}
}

const route *web_post_route(request *r)
{
	bool other_method;
	const route *rt = find_route(r, &other_method);
	r->change = route_is_change(rt, r->post);
	r->hash_route = rt && (rt->flags & ROUTE_HASH);
	body_limits(r, rt);
	return rt;
}

/* A GET of an address that takes only POST (a refused form's, or a
 * button's) is not an error: whoever may use it is sent to the nearest
 * page above it, which holds the form or shows what the button did. */
static int page_above(request *r)
{
	char *p = arena_strdup(&r->mem, r->path);
	for (char *slash = strrchr(p, '/'); slash && slash != p; slash = strrchr(p, '/')) {
		*slash = '\0';
		if (web_route_for("GET", p, &r->mem))
			return web_redirect(r, p);
	}
	return web_redirect(r, "/");
}

/* The GET that stands for POST-only address r->path, with the POST's
 * access rules (no CSRF token: a GET changes nothing); NULL for partner,
 * API and static routes, which keep their own answers. In the request's
 * arena: r->route outlives the dispatch (the server's log reads it). */
static const route *post_address(request *r)
{
	for (const route *const *t = web_route_tables; *t; t++)
		for (const route *rt = *t; rt->pattern; rt++) {
			const char *params[4] = {0};
			if (strcmp(rt->method, "POST") || !route_match(rt->pattern, r->path, params, &r->mem))
				continue;
			if (rt->flags & (ROUTE_PARTNER | ROUTE_API | ROUTE_STATIC))
				return NULL;
			memcpy(r->params, params, sizeof params);
			route *get = arena_alloc(&r->mem, sizeof *get);
			*get = *rt;
			get->method = "GET";
			get->flags &= ~(unsigned)(ROUTE_POST | ROUTE_UPLOAD);
			get->handler = page_above;
			return get;
		}
	return NULL;
}

/* Which placeholder of `pattern` is {name}: its index in r->params. */
static int placeholder_index(const char *pattern, const char *name)
{
	int i = 0;
	size_t n = strlen(name);
	for (const char *p = strchr(pattern, '{'); p; p = strchr(p + 1, '{'), i++)
		if (!strncmp(p + 1, name, n) && p[n + 1] == '}')
			return i;
	return -1;
}

const char *param_named(const request *r, const char *name)
{
	int i = r->route ? placeholder_index(r->route->pattern, name) : -1;
	return i < 0 || i >= 4 ? NULL : r->params[i];
}

/* {area} routes belong to the area's administrators; any other area's
 * pages answer 404, as another organisation's do. `q`, when not NULL, may
 * hold the memberships read with the session (checks_read). */
static int check_area(request *r, const route *rt, const checks_asked *q)
{
	int i = placeholder_index(rt->pattern, "area");
	if (i < 0)
		return 0;
	r->area = param_id(r, (size_t)i);
	bool admin = false;
	if (r->area && !(q && access_to_area_take(q, &r->sess, r->area, &admin)) &&
	    access_to_area(&r->d, r->sess.user.id, r->area, &admin, &r->e) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	if (!admin)
		return web_error_page(r, 404, "Page not found", "There is no page at this address.");
	return 0;
}

int api_error(request *r, int status, const char *message)
{
	r->status = status;
	r->content_type = "application/json";
	r->out.len = 0;
	json_t *j = json_pack("{s:s}", "error", message);
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	htmlf(&r->out, "%R\n", text ? text : "{\"error\": \"out of memory\"}");
	free(text);
	json_decref(j);
	return status;
}

/* API routes take "Authorization: Bearer TOKEN" and nothing else: no
 * session cookie opens them, so a browser cannot be tricked into it. */
static int check_api_token(request *r)
{
	const char *h = r->authorization;
	const char *token = h && !strncmp(h, "Bearer ", 7) ? h + 7 : NULL;
	if (!token)
		return api_error(r, 401, "send an API token as \"Authorization: Bearer TOKEN\"; "
				 "an area administrator creates tokens on the area's API tokens page");
	if (api_token_area(&r->d, token, &r->area, &r->e) < 0)
		return api_error(r, 500, r->e.msg);
	char expired_on[11];
	int expired = r->area ? 0 : api_token_expired(&r->d, token, expired_on, &r->e);
	if (expired < 0)
		return api_error(r, 500, r->e.msg);
	if (expired)
		return api_error(r, 401, arena_printf(&r->mem, "this API token expired on %s: an area administrator "
						      "can create a new one on the area's API tokens page", expired_on));
	if (!r->area)
		return api_error(r, 401, "this API token is not known or has been revoked");
	/* The URL's {area}, when there is one, must be the token's. */
	const char *named = param_named(r, "area");
	if (named && param_id(r, (size_t)placeholder_index(r->route->pattern, "area")) != r->area)
		return api_error(r, 404, "there is no such area for this token");
	return 0;
}

/* What an assessor may open besides their own pages (ROUTE_ASSESSOR):
 * what a viewer reads of their one evaluation (its overview, statements,
 * reports, readiness) and of the evidence linked to it, never a change,
 * the comparison with another cycle or anything else of the organisation. */
static bool assessor_may_read(request *r, const route *rt, const assessor_row *a)
{
	if (r->post || rt->need > ACCESS_VIEW || strstr(rt->pattern, "/compare"))
		return false;
	if (!strncmp(rt->pattern, "/org/{org}/evaluation/{evaluation}", 34))
		return true;
	bool in = false;
	if (!strncmp(rt->pattern, "/org/{org}/evidence/{evidence}", 30))
		return gold_evidence_in(&r->d, param_id(r, 1), a->evaluation_id, &in, &r->e) == 0 && in;
	return false;
}

/* Someone with no role in the organisation may be its assessor: their
 * access holds until its last day, for one evaluation. After it, every
 * request is refused and, once nothing else is left to them, their
 * sessions end (end_assessor_sessions). */
static int check_assessor(request *r, const route *rt)
{
	enum assessor_state st;
	assessor_row *a = arena_alloc(&r->mem, sizeof *a);
	if (gold_access_to_org(&r->d, r->sess.user.id, r->org, &st, a, &r->e) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	if (st == ASSESSOR_NONE && r->access)
		return web_error_page(r, 403, "You cannot do this",
				      "Only the assessor invited to this self-evaluation can do this.");
	if (st == ASSESSOR_NONE)
		return web_error_page(r, 404, "Page not found", "There is no page at this address.");
	if (st == ASSESSOR_ENDED) {
		r->assessor_ended = true;
		return web_error_page(r, 403, "Your access has ended",
				      arena_printf(&r->mem, "Your access as assessor of %s's self-evaluation %s ended%s%s. "
						   "Ask the area administrator who invited you if you need it again.",
						   a->org_name, a->cycle, a->ended_at ? "" : " at the end of ",
						   a->ended_at ? "" : date_in_words(&r->mem, a->until)));
	}
	const char *ev = param_named(r, "evaluation");
	if (ev && param_id(r, 1) != a->evaluation_id)
		return web_error_page(r, 404, "Page not found", "There is no page at this address.");
	if (!(rt->flags & ROUTE_ASSESSOR) && !assessor_may_read(r, rt, a))
		return web_error_page(r, r->e.kind ? 500 : 403, "You cannot do this",
				      "As the assessor you can read the self-evaluation you were invited to, its evidence, "
				      "reports and readiness, and comment on it. Go back to the self-evaluation.");
	r->assessor = a;
	r->access = ACCESS_VIEW;
	return 0;
}

static int check_org(request *r, const route *rt, const checks_asked *q)
{
	if (!strstr(rt->pattern, "{org}"))
		return 0;
	r->org = param_id(r, 0);
	if (!r->org)
		return web_error_page(r, 404, "Page not found", "There is no page at this address.");
	int64_t area = 0;
	if (!(q && access_to_org_take(q, &r->sess, r->org, &r->access, &area)) &&
	    access_to_org(&r->d, r->sess.user.id, r->org, &r->access, &area, &r->e) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	/* Only what the change's own transaction read: the organisation
	 * cannot have moved to another area before its line is written. */
	r->org_area = r->d.db->in_tx ? area : 0;
	if (r->access == ACCESS_NONE || (rt->flags & ROUTE_ASSESSOR))
		return check_assessor(r, rt);
	/* Another organisation's pages do not exist for this user: 404, so
	 * ids cannot be probed. */
	if (r->access == ACCESS_NONE)
		return web_error_page(r, 404, "Page not found", "There is no page at this address.");
	if (r->access < rt->need)
		return web_error_page(r, 403, "You cannot do this",
				      "Your role in this organisation does not allow it. Ask your organisation lead if you need to.");
	return 0;
}

/* ---- the page cache -------------------------------------------------
 * A signed-in GET of an organisation's or an area's page may be served
 * from the cache (cache.c). The key holds the session, so one person's
 * page (with their name, role and form token) never reaches another;
 * access was checked above, as for every request. */
static bool cache_key(request *r, unsigned char key[PAGE_KEY_BYTES])
{
	char today[11];
	date_today(today);
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, PAGE_KEY_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)r->sess.token, strlen(r->sess.token) + 1);
	crypto_generichash_update(&st, (const unsigned char *)today, sizeof today);
	/* The header's unread count is the person's, not the organisation's
	 * data: a page drawn with another count is another page. */
	int64_t unread = web_unread(r);
	crypto_generichash_update(&st, (const unsigned char *)&unread, sizeof unread);
	crypto_generichash_update(&st, (const unsigned char *)r->path, strlen(r->path) + 1);
	for (size_t i = 0; i < r->n_query; i++) {
		crypto_generichash_update(&st, (const unsigned char *)r->query[i].name,
					  strlen(r->query[i].name) + 1);
		crypto_generichash_update(&st, (const unsigned char *)r->query[i].value,
					  strlen(r->query[i].value) + 1);
	}
	return crypto_generichash_final(&st, key, PAGE_KEY_BYTES) == 0;
}

/* The revision a GET's page may be kept under, asked with the checks
 * (checks_read) before they are passed: used only by page_from_cache,
 * once they are, and only for the organisation or area it was asked for. */
typedef struct revision_asked {
	int64_t org, area;
	revision_list got;
} revision_asked;

static bool cacheable(const request *r, const route *rt)
{
	return !r->post && !(rt->flags & (ROUTE_PUBLIC | ROUTE_API | ROUTE_STATIC)) && page_cache_on();
}

/* True when the page was sent from the cache. Otherwise notes whether
 * the page drawn next may be kept, with the revision read before drawing
 * it: a change made while it is drawn leaves it behind, never ahead. */
static bool page_from_cache(request *r, const route *rt, const revision_asked *asked)
{
	if (!cacheable(r, rt) || !r->sess.valid || (!r->org && !r->area))
		return false;
	err e = {0};
	int rc = 0;
	if (asked->got.n == 1 && asked->area == r->area && (r->area || asked->org == r->org))
		r->cache_revision = asked->got.items[0].n;
	else
		rc = r->area ? store_area_revision(r->d.db, r->area, &r->cache_revision, &e)
			     : store_org_revision(r->d.db, r->org, &r->cache_revision, &e);
	if (rc < 0 || !cache_key(r, r->cache_key))
		return false;           /* drawn as if there were no cache */
	r->cache_eligible = true;
	const char *type = NULL;
	if (!page_cache_get(r->cache_key, r->cache_revision, &r->out, &type, &r->mem))
		return false;
	r->content_type = type;
	r->status = 200;
	r->from_cache = true;
	return true;
}

/* A page that shows an error summary says so first in its title, as
 * GOV.UK asks ("Error: Add an action - copro"): done here, once, so that
 * no refused form can forget it, and never twice. */
static void title_error(request *r)
{
	static const char mark[] = "<title>", prefix[] = "Error: ";
	const char *page = html_str(&r->out);
	const char *at = strstr(page, mark);
	if (!at)
		return;
	size_t pos = (size_t)(at - page) + sizeof mark - 1;
	if (!strncmp(page + pos, prefix, sizeof prefix - 1))
		return;
	html out;
	html_init(&out, &r->mem);
	html_raw(&out, page, pos);
	html_raw(&out, prefix, sizeof prefix - 1);
	html_raw(&out, page + pos, r->out.len - pos);
	r->out = out;
}

/* Keeps a page just drawn, when it is a plain page: not an error, a
 * redirect, a download, a file, or a response that sets a cookie. */
static void page_keep(request *r)
{
	if (!r->cache_eligible || r->status != 200 || r->location || r->download || r->cookie ||
	    r->file_path)
		return;
	page_cache_put(r->cache_key, r->cache_revision, r->out.buf ? r->out.buf : "", r->out.len,
		       r->content_type);
}

/* ---- partner pages -----------------------------------------------------
 * Anonymous: no session is looked up (a member of staff opening a link
 * sees what a partner sees, and nothing of theirs is sent), and what goes
 * wrong is said in the partner's words, in the frame of partner pages. */
static void partner_body_error(request *r)
{
	partner_frame p = {0};
	if (r->body_error == 413)
		partner_error_page(r, &p, 413, tr(r, "What you sent is too long"),
				   tr(r, "Each answer can be up to 1,000 characters. Go back, make it shorter and try again."));
	else
		partner_error_page(r, &p, r->body_error == 415 ? 415 : 400, tr(r, "Sorry, we could not read that"),
				   tr(r, "Go back and try again."));
}

/* A partner POST: the form's token, then one transaction holding the
 * throttle's count and the change (a refused change counts for nothing). */
static bool admit_partner(request *r, const route *rt, bool one_tx)
{
	partner_frame p = {0};
	if (r->link_gone == 404)
		return partner_error_page(r, &p, 404, tr(r, "We cannot find this page"),
					  tr(r, "Check the link is the one you were given, with every letter. If it still does not work, ask the person who gave you the link for a new one.")) == 0;
	if (r->link_gone)
		return partner_error_page(r, &p, 410, tr(r, "This link is closed"),
					  tr(r, "You cannot answer these questions now. Thank you for wanting to help. If you think this is wrong, ask the person who gave you the link.")) == 0;
	if (!one_tx)
		return true;
	if ((rt->flags & ROUTE_POST) && !csrf_ok(r)) {
		partner_error_page(r, &p, 403, tr(r, "This page has timed out"),
				   tr(r, "Go back, reload the page and try again. Your answers so far are kept."));
		return false;
	}
	if (store_begin(r->d.db, &r->e) < 0) {
		/* What they sent is kept, as when the change itself lost. */
		partner_not_saved(r, r->e.kind == ERR_BUSY);
		return false;
	}
	if (throttle_hit(&r->d, param_named(r, "token"), r->address, &web_partner_throttle, &r->e) < 0) {
		if (r->e.kind == ERR_BUSY)
			partner_error_page(r, &p, 429, tr(r, "Sorry, we are busy"),
					   tr(r, "Too many answers have come in from here. Please try again in an hour."));
		else
			partner_error_page(r, &p, 500, tr(r, "Sorry, something went wrong"),
					   tr(r, "Nothing was saved. Please try again later."));
		return false;
	}
	return true;
}

/* Writes what the session's check left due (its idle clock, or removing
 * it once timed out): never inside a read-only snapshot. */
static void keep_session(request *r)
{
	err e = {0};
	if (session_keep(&r->d, &r->sess, &e) < 0)
		fprintf(stderr, "copro serve: keeping a session: %s\n", e.msg);
}

/* The session and, for a request that changes nothing, the memberships
 * its route's organisation or area needs and the revision its page may be
 * cached under, asked together: one round trip on PostgreSQL. They are used only as check_org and check_area would
 * have read them, for this live session's user. A change reads its
 * memberships in its transaction (check_org), after the session's write:
 * that one is never rolled back with the change. */
static int checks_read(request *r, const route *rt, bool one_tx, checks_asked *q,
		       revision_asked *rev)
{
	int64_t org = 0, area = 0;
	int i = placeholder_index(rt->pattern, "area");
	if (!one_tx && strstr(rt->pattern, "{org}"))
		org = param_id(r, 0);
	else if (!one_tx && i >= 0)
		area = param_id(r, (size_t)i);
	*rev = (revision_asked){0};
	domain_reads_begin(&r->d);
	int rc = session_ask(&r->d, r->session_cookie, r->session_hash[0] ? r->session_hash : NULL, org, area,
			     q, &r->e);
	if (rc == 0 && q->asked && (org || area) && cacheable(r, rt)) {
		*rev = (revision_asked){.org = org, .area = area};
		rc = store_revision_ask(r->d.db, &r->mem, org, area, &rev->got, &r->e);
	}
	if (domain_reads_end(&r->d, &r->e) < 0)
		rc = -1;
	if (rc == 0)
		session_take(r->session_cookie, q, &r->sess);
	return rc;
}

/* Everything a request passes before its handler: the session, sign-in,
 * the CSRF token, the change's transaction, access to the organisation or
 * area, and the page cache. False when the response is already written
 * (a refusal, or the page from the cache). */
static bool admit(request *r, const route *rt, bool one_tx, bool snapshot)
{
	if (rt->flags & ROUTE_PARTNER)
		return admit_partner(r, rt, one_tx);
	checks_asked q;
	revision_asked rev;
	if (checks_read(r, rt, one_tx, &q, &rev) < 0) {
		web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
		return false;
	}
	if (!snapshot)
		keep_session(r);        /* before a change's transaction, whatever becomes of it */
	if (!(rt->flags & ROUTE_PUBLIC) && !r->sess.valid) {
		web_redirect(r, "/sign-in");
		return false;
	}
	if ((rt->flags & ROUTE_POST) && !csrf_ok(r)) {
		web_error_page(r, 403, "This form has expired",
			       "For your security, forms stop working after you sign out or after a while. Go back, reload the page and try again.");
		return false;
	}
	if (two_factor_gate(r, rt))
		return false;
	if (one_tx && store_begin(r->d.db, &r->e) < 0) {
		err why = {0};
		if (store_refusal(r->d.db, &why) < 0 && why.kind != ERR_BUSY)
			change_not_saved(r, &why);
		else
			web_busy_page(r, "Sorry, copro is busy");
		return false;
	}
	if (check_org(r, rt, &q) || check_area(r, rt, &q))
		return false;
	return !page_from_cache(r, rt, &rev);
}

static route_handler upload_check_of(const route *rt)
{
	for (const upload_check *const *t = web_upload_tables; *t; t++)
		for (const upload_check *u = *t; u->pattern; u++)
			if (!strcmp(u->pattern, rt->pattern))
				return u->check;
	return NULL;
}

/* Reads as a GET's checks do (store_read_together). */
static bool refuse_upload(request *r);

bool web_refuse_upload(request *r)
{
	bool snapshot = store_read_together(r->d.db);
	bool refused = refuse_upload(r);
	if (snapshot)
		store_read_end(r->d.db);
	keep_session(r);
	return refused;
}

bool web_refuse_signed_out(request *r)
{
	bool other_method;
	const route *rt = find_route(r, &other_method);
	if (!rt || (rt->flags & (ROUTE_PUBLIC | ROUTE_PARTNER | ROUTE_API | ROUTE_STATIC)))
		return false;
	if (rt->flags & ROUTE_UPLOAD)
		return web_refuse_upload(r);
	session s;
	err e = {0};
	int found = session_resume(&r->d, r->session_cookie, &s, &e);
	/* The cookie's hash (a SHA-256), for the checks after the body. */
	memcpy(r->session_hash, s.due_hash, sizeof r->session_hash);
	if (found != 0)
		return false;   /* signed in, or in doubt: the dispatcher decides */
	web_redirect(r, "/sign-in");
	return true;
}

static bool refuse_upload(request *r)
{
	bool other_method;
	const route *rt = find_route(r, &other_method);
	if (!rt || !(rt->flags & ROUTE_UPLOAD))
		return false;
	r->route = rt;
	if (session_read(&r->d, r->session_cookie, &r->sess, &r->e) < 0) {
		web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
		return true;
	}
	if (!r->sess.valid) {
		web_redirect(r, "/sign-in");
		return true;
	}
	if (two_factor_gate(r, rt))
		return true;
	route_handler precheck = upload_check_of(rt);
	if ((precheck || query_get(r, "csrf")) && !csrf_ok(r)) {
		web_error_page(r, 403, "This form has expired",
			       "For your security, forms stop working after you sign out or after a while. Go back, reload the page and try again.");
		return true;
	}
	if (check_org(r, rt, NULL) || check_area(r, rt, NULL))
		return true;
	int status = precheck ? precheck(r) : 0;
	if (!status)
		return false;
	r->status = status;
	if (r->error_summary)
		title_error(r);
	return true;
}

/* Ends the sessions of an assessor whose access ended (check_assessor),
 * this one with a cleared cookie, once nothing else is left to them. Not
 * in the checks' snapshot, which may not write (PostgreSQL refuses it),
 * nor in a change's transaction, rolled back with its refusal. */
static void end_assessor_sessions(request *r)
{
	bool ended = false;
	err e = {0};
	if (gold_sign_out_if_ended(&r->d, r->sess.user.id, &ended, &e) < 0)
		fprintf(stderr, "copro serve: ending an assessor's sessions: %s\n", e.msg);
	else if (ended)
		web_set_session_cookie(r, NULL);
}

/* One try of the request; true unless it was a change, now ended. */
static bool run_once(request *r, const route *rt, bool one_tx)
{
	bool snapshot = !r->post && store_read_together(r->d.db);
	bool run = admit(r, rt, one_tx, snapshot);
	if (snapshot) {
		store_read_end(r->d.db);
		keep_session(r);
	}
	if (run) {
		r->status = rt->handler(r);
		if (r->error_summary)
			title_error(r);
		page_keep(r);
	}
	if (one_tx)
		change_finish(r);
	if (r->assessor_ended)
		end_assessor_sessions(r);
	return !one_tx;
}

void web_dispatch(request *r)
{
	bool other_method;
	const route *rt = find_route(r, &other_method);
	if (!rt && other_method && !r->post)
		rt = post_address(r);
	if (!rt) {
		if (other_method)
			web_error_page(r, 405, "This address does not take that request",
				       "Go back and use the page's links and buttons.");
		else
			web_error_page(r, 404, "Page not found",
				       "If you typed the web address, check it is correct.");
		return;
	}
	if (r->body_error && (rt->flags & ROUTE_PARTNER)) {
		partner_body_error(r);
		return;
	}
	if (r->body_error) {
		if (r->body_error == 413 && (rt->flags & ROUTE_UPLOAD))
			web_error_page(r, 413, "The file is too large", strstr(rt->pattern, "/organisations/import")
				       ? "A file sent from this page can be up to 10 MB. Send a smaller file, or import a larger one with the command `copro org import-csv`."
				       : "A file sent from this page can be up to 10 MB. Go back and choose a smaller file.");
		else if (r->body_error == 413)
			web_error_page(r, 413, "What you sent is too large",
				       "A form can hold up to 256 KB, and one answer up to 20,000 characters. Shorten it and try again.");
		else if (r->body_error == 415)
			web_error_page(r, 415, "The form was sent in a way copro does not read",
				       "Send the form from copro's own pages.");
		else
			web_error_page(r, 400, "The form could not be read", "Go back and try again.");
		return;
	}
	r->route = rt;
	/* Style sheets, scripts and images are the same for everyone: no
	 * database work for them. */
	if (rt->flags & ROUTE_STATIC) {
		r->status = rt->handler(r);
		return;
	}
	if (rt->flags & ROUTE_API) {
		if (check_api_token(r) == 0)
			r->status = rt->handler(r);
		return;
	}
	/* A signed-in change runs in one transaction with its access checks
	 * and its activity line: one commit, so one wait for the disk, per
	 * change, and so does a partner's answer. Routes that hash a
	 * password (ROUTE_HASH, signed in or not) take a tenth of a second
	 * and begin their own after it. A GET's session, access checks, data revision and cache
	 * lookup read one snapshot instead where that saves work (on SQLite,
	 * one set of file locks for all that a cached page costs); on
	 * PostgreSQL each is one statement on its own, no BEGIN and COMMIT. */
	bool one_tx = route_is_change(rt, r->post);
	if (one_tx)
		refusals_flush(r);
	/* A change that lost to a concurrent one (PostgreSQL) runs again
	 * from the request as it came, admission and all (change.c). */
	const request first = *r;
	for (int done = 1; !run_once(r, rt, one_tx) && change_again(r, &first, done); done++)
		;
}
