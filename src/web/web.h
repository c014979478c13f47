/* web.h: a request as pages see it, the route table, and the helpers every
 * page uses (forms, escaping through html.h, redirects, errors). One
 * request owns one arena; everything a handler allocates comes from it and
 * is freed when the response has been sent. */
#ifndef COPRO_WEB_H
#define COPRO_WEB_H

#include <stdbool.h>
#include <stdint.h>

#include "core/text.h"
#include "domain/account.h"
#include "domain/domain.h"
#include "domain/notify.h"
#include "web/html.h"

/* Limits: a request over them is answered 413 or 400 with a readable page. */
#define WEB_MAX_BODY (256 * 1024)
#define WEB_MAX_FIELD (TEXT_LONG_MAX * 4)   /* bytes: UTF-8 can take 4 a character */
#define WEB_MAX_FIELDS 200
/* Routes flagged ROUTE_UPLOAD take one file this large (a CSV of an area's
 * organisations); bigger files go through the command line. */
#define WEB_MAX_UPLOAD (10 * 1024 * 1024)
/* Routes flagged ROUTE_PARTNER take small forms: a rating and two answers
 * of 1,000 characters (4 bytes each at most, 3 characters each when
 * percent-encoded), with room to spare; the page checks the 1,000. */
#define WEB_PARTNER_BODY (32 * 1024)
/* Public forms (sign-in, set-up, joining) and addresses that are no page
 * take less still: their fields are a name, an email, a password. */
#define WEB_PUBLIC_BODY (16 * 1024)
#define WEB_PARTNER_FIELD (8 * 1024)
/* The request line and headers: the method, the path, each query name
 * and value and each header name and value, counted together, over this
 * are answered 431 (server.c). libmicrohttpd keeps the request line,
 * the headers and the answer's headers in one block per connection that
 * it zeroes at every request (WEB_CONN_MEMORY); this leaves that block
 * room for the rest. nginx's default passes header lines of 8 KB. */
#define WEB_MAX_HEADER_BYTES (24 * 1024)
#define WEB_CONN_MEMORY (32 * 1024)

typedef struct form_field {
	char *name;
	char *value;
	size_t len, cap;
	const char *filename;           /* a file part's name as the browser sent it */
	char **heap;                    /* a file part's bytes grow in malloc'd memory */
} form_field;

typedef struct web_config {
	const char *db_path;
	const char *assets_dir;         /* GOV.UK Frontend assets and copro.css */
	const fw_registry *frameworks;
	bool tls;                       /* behind HTTPS: Secure cookies, HSTS */
} web_config;

/* Retry-After on every busy 503: the number DOMAIN_BUSY_ADVICE says. */
#define WEB_BUSY_RETRY_SECONDS DOMAIN_BUSY_SECONDS

typedef struct request {
	arena mem;
	const web_config *config;
	const char *method, *path, *address;
	bool post;
	bool change;                    /* a signed-in POST: run on the server's writer */

	/* What the request brought, copied out of libmicrohttpd so that
	 * dispatch and pages (and their tests) never need a connection. */
	const char *session_cookie, *form_cookie;
	char session_hash[65];          /* the session cookie's token_hash, once made
					 * (before the body), or "" */
	const char *pending_cookie;     /* a sign-in waiting for its code (two_factor.c) */
	const char *answer_cookie;      /* partner pages: the response being answered */
	const char *device_cookie;      /* sign-in's device cookie (domain/device.h) */
	const char *authorization;      /* the Authorization header (API routes) */
	const char *host;               /* the Host header: the address of partners' links */
	form_field *query;
	size_t n_query, cap_query;

	/* The form of a POST, as it arrived. */
	form_field *fields;
	size_t n_fields, cap_fields, body_bytes;
	size_t body_limit, field_limit;   /* WEB_MAX_BODY and WEB_MAX_FIELD, or the upload's */
	size_t content_length;          /* as the client declared it; 0 when it did not */
	int64_t deadline;               /* the body's last byte by then (monotonic seconds) */
	bool early;                     /* an upload refused before its body was read: the
					 * response is sent at once and the body never read */
	int body_error;                 /* 0, 413 or 400 */
	int link_gone;                  /* a partner POST to a link found unknown (404) or
					 * closed (410) before its body was read: not read */
	void *post_processor;
	/* A POST to a ROUTE_HASH route (server.c): answered on the hashing
	 * pool's threads (hash_done once it has been), or here without
	 * hashing when the pool's queue was full (hash_refused). */
	bool hash_route, hash_done, hash_refused;

	/* What the dispatcher found. */
	const struct route *route;
	/* Its route lookup's answer, kept: a POST's is looked up once,
	 * before its body (web_post_route), for the server, the checks
	 * before the body, web_dispatch and the log line. */
	const struct route *found;
	bool found_other, found_done;
	domain d;
	session sess;
	const char *params[4];          /* {placeholders} of the route, in order */
	int64_t org;                    /* the organisation in the URL, 0 if none */
	int64_t org_area;               /* its area, as read by the checks in the change's
					 * transaction (page_log); 0 if not */
	int64_t area;                   /* the area in the URL, or an API token's */
	enum access access;             /* the user's access to it */
	const struct assessor_row *assessor;    /* an assessor's access to the organisation
						 * (access is then ACCESS_VIEW); NULL for members */
	bool assessor_ended;            /* an assessor whose access ended: signed out
					 * once the request's snapshot or transaction is over */
	const char *lang;               /* partner pages: the language tag they are written in */

	/* The response. */
	int status;
	html out;
	bool error_summary;             /* form_error_summary wrote one: the title
					 * gets "Error: " (dispatch.c) */
	const char *content_type;
	int retry_after;                /* seconds, for a Retry-After header (0: none);
					 * WEB_BUSY_RETRY_SECONDS when copro is busy */
	const char *location;           /* for 303 */
	const char *download;           /* a file name: sent as an attachment */
	const char *cookie;             /* a Set-Cookie value */
	const char *answer_set_cookie;  /* a second one: the partner's response token */
	const char *device_set_cookie;  /* a third: a new device cookie at sign-in */
	bool cacheable;                 /* static files only; pages are no-store */
	const char *file_path;          /* a static file to send instead of out */
	const unsigned char *body;      /* bytes to send instead of out (a stored file) */
	size_t body_len;
	const char *csp;                /* a Content-Security-Policy instead of the pages' */
	/* For the line in the server's log (web/access_log.h). */
	int64_t started_ns;             /* the headers arrived (a monotonic time) */
	size_t sent_bytes;              /* the response's body */
	bool answered;                  /* a response was queued (else the client left first) */
	err e;

	/* The page cache (cache.c): whether this page may be kept, under
	 * which key and data revision, and whether it came from there. */
	bool cache_eligible, from_cache;
	unsigned char cache_key[32];
	int64_t cache_revision;

	/* What the page's frame counts, read once per request (layout.c):
	 * the signed-in person's unread notifications (web_unread: the
	 * header shows it, the cache key holds it), the organisation's
	 * overdue actions and the area's audits to decide. */
	bool counts_known;
	int64_t unread, overdue, to_decide;
} request;

#define SESSION_COOKIE "__Host-copro"
#define FORM_COOKIE "__Host-copro-form"
/* A right password waiting for its two-factor code (not a session). */
#define PENDING_COOKIE "__Host-copro-code"
/* The one cookie of a partner answering: their response's random token
 * (its hash is stored), strictly necessary, gone when the browser closes. */
#define ANSWER_COOKIE "__Host-copro-answer"
/* A browser that signed in to an account keeps its own allowance of
 * failed sign-ins (domain/device.h): a year, sent to copro alone. */
#define DEVICE_COOKIE "__Host-copro-device"

/* Route flags, checked by the dispatcher before the handler runs. */
enum {
	ROUTE_PUBLIC = 1,               /* no sign-in needed */
	ROUTE_POST = 2,                 /* a state change: POST with a CSRF token */
	ROUTE_API = 4,                  /* read-only JSON for an area's API token, no session */
	ROUTE_UPLOAD = 8,               /* a POST that may carry a file up to WEB_MAX_UPLOAD */
	ROUTE_STATIC = 16,              /* public files: no session is looked up at all */
	ROUTE_PARTNER = 32,             /* anonymous partner pages (/v/{token}): no session is
					 * looked up; a POST carries the signed-out forms' CSRF
					 * token, is throttled per address and per {token}, and
					 * runs on the writer in one transaction like a
					 * signed-in change (a 303 means it is on disk) */
	ROUTE_ASSESSOR = 64,            /* an assessor's own page or change (comments, the
					 * decision): only someone invited as the assessor of
					 * the {evaluation} in the URL, whose access holds */
	ROUTE_HASH = 128,               /* a POST that may hash a password (argon2id, 64 MiB,
					 * a tenth of a second): copro serve runs it on its
					 * hashing threads, never on a web worker, and answers
					 * 503 when too many wait (server.c) */
};

typedef int (*route_handler)(request *r);

typedef struct route {
	const char *method;             /* "GET" or "POST" */
	const char *pattern;            /* "/org/{org}/evidence/{id}" */
	route_handler handler;
	unsigned flags;
	enum access need;               /* for {org} routes: the least access; {area}
					 * routes need the area's administrator */
} route;

/* An upload route's own checks before its body is read (the record
 * exists, the declared size fits): 0, or the status of the refusal it
 * wrote. routes.c lists them by the route's pattern. */
typedef struct upload_check {
	const char *pattern;
	route_handler check;
} upload_check;
extern const upload_check *const web_upload_tables[];

/* Each page file ends with its own table (ending in a NULL pattern);
 * routes.c lists the tables. */
extern const route *const web_route_tables[];

/* The throttle of ROUTE_PARTNER POSTs (tests lower it). */
extern struct throttle_limits web_partner_throttle;

/* Whether a request for `rt` is a change run on the server's writer in
 * one transaction: a signed-in POST, or a partner page's; not one that
 * hashes a password (ROUTE_HASH), whose write lock would be held for
 * the hash: its domain call begins its own transaction after hashing. */
bool route_is_change(const struct route *rt, bool post);

/* Someone who must set up two-factor sign-in (their area requires it)
 * is sent to do so before any other signed-in page (pages/two_factor.c):
 * true when the response is written. */
bool two_factor_gate(request *r, const struct route *rt);

/* An upload's checks before its body is read (server.c): the session,
 * the form's CSRF token (in the form's address, ?csrf=, since the body is
 * not read yet; routes without a precheck may still send it in the body),
 * access to the organisation or area, and the route's precheck. True
 * when refused, the response written; false when the body may be read. */
bool web_refuse_upload(request *r);
/* Any POST that needs a session, refused before its body is read when it
 * has none (sent to sign in, as the dispatcher would after the body);
 * uploads go through web_refuse_upload. A stranger can then only hold the
 * small bodies of the public forms (WEB_PUBLIC_BODY). */
bool web_refuse_signed_out(request *r);
/* A file part of the form: its bytes (len of them) and its name. */
const form_field *form_file(const request *r, const char *name);
void request_add_file(request *r, const char *name, const char *filename, const void *bytes,
		      size_t len);

/* Dispatches one complete request: finds the route, checks sign-in, CSRF
 * and access, runs the handler, fills the response. */
void web_dispatch(request *r);
/* A POST's route, NULL if none, looked up before its body is read and
 * kept for the dispatcher: sets the body's limits by it (an upload's, a
 * partner's or a signed-out form's), r->change and r->hash_route. */
const struct route *web_post_route(request *r);
/* The route for `method` and `path`, NULL if none. */
const struct route *web_route_for(const char *method, const char *path, arena *a);
/* Matches `path` against `pattern`; fills params. */
bool route_match(const char *pattern, const char *path, const char **params, arena *a);

const char *form_get(const request *r, const char *name);
/* Every value of a repeated field (checkboxes), NULL-terminated. */
const char **form_get_all(const request *r, const char *name);
const char *query_get(const request *r, const char *name);
/* Creates a request for `method` and `path` (tests and the server). */
request *request_create(const web_config *config, const char *method, const char *path);
void request_destroy(request *r);
void request_add_field(request *r, const char *name, const char *value);
void request_add_query(request *r, const char *name, const char *value);
int64_t param_id(const request *r, size_t i);   /* 0 when not a number */
/* The value of placeholder {name} of the matched route, NULL if none. */
const char *param_named(const request *r, const char *name);

int web_redirect(request *r, const char *location);  /* 303 See Other */
/* An API answer {"error": message}; returns status. */
int api_error(request *r, int status, const char *message);
/* A whole error page; returns status. */
int web_error_page(request *r, int status, const char *title, const char *message);
/* The 503 of copro too busy to do it (title: why), with Retry-After and
 * DOMAIN_BUSY_ADVICE, staff's one busy wording; returns 503. */
int web_busy_page(request *r, const char *title);
/* The frame's counts asked with a handler's other reads (between
 * domain_reads_begin and its end: one round trip for all on PostgreSQL),
 * and kept for the page once they are read; the frame reads them itself
 * when they were not asked, or not read. */
void web_frame_counts_ask(request *r, frame_count_list *out);
void web_frame_counts_take(request *r, const frame_count_list *asked);

/* The page chrome: GOV.UK Frontend layout without the crown. */
void page_begin(request *r, const char *title);
/* How many notifications the signed-in person has not read (0 when
 * signed out or when the count fails): one indexed count per request. */
int64_t web_unread(request *r);
void page_end(request *r);
/* The footer's links to the public pages: help, accessibility, privacy
 * and cookies for staff; accessibility and cookies for partners. */
void page_footer_links(request *r, bool staff);
/* The hidden CSRF field every form carries. */
void form_csrf(request *r);

#endif
