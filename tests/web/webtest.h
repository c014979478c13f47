/* webtest.h: requests run straight through the dispatcher, with no socket:
 * a database with an area, two organisations and a person in every role,
 * each signed in once per test program (tests/web/webtest.c), and the
 * checks the page tests share. */
#ifndef COPRO_WEBTEST_H
#define COPRO_WEBTEST_H

#include "testutil.h"

#include "domain/account.h"
#include "store/account.h"
#include "web/web.h"

enum { AS_NOBODY, AS_AREA, AS_LEAD, AS_CONTRIBUTOR, AS_VIEWER, AS_OTHER_LEAD, AS_OTHER_AREA, AS_COUNT };
/* Assessors (domain/gold.h), outside the roles the page tests loop over:
 * one invited to our evaluation until 2099, one whose access ended. */
enum { AS_ASSESSOR = AS_COUNT, AS_ASSESSOR_ENDED, AS_ALL };

extern const char *const as_names[AS_ALL];

typedef struct webfix {
	fixture f;
	web_config cfg;
	int64_t org, other_org, far_org;    /* ours, another in our area, one elsewhere */
	int64_t eval, other_eval;
	int64_t assessor;                   /* AS_ASSESSOR's access to eval */
	session as[AS_ALL];
} webfix;

#define WEBTEST_PASSWORD "a long enough test password"

/* Everything above is built once per test program into this template
 * database by webfix_group_setup; webfix_setup gives each test a fresh
 * copy of it. */
extern webfix webfix_template;

int webfix_group_setup(void **state);
int webfix_group_teardown(void **state);
int webfix_setup(void **state);
int webfix_teardown(void **state);
/* A number that moves whenever anything is written to w's copy (equal
 * before and after a request: the request wrote nothing). */
int64_t webfix_written(webfix *w);

/* Runs one request as `who`. `fields` alternate name, value and end with
 * NULL; a POST gets the right CSRF token unless it names "csrf" itself. */
request *web_run(webfix *w, int who, const char *method, const char *path,
		 const char *const *fields);
/* A request as `who`, not yet sent (for web_refuse_upload). */
request *web_request(webfix *w, int who, const char *method, const char *path);
/* A multipart POST as `who` with its CSRF token and one file, field "file". */
request *web_upload(webfix *w, int who, const char *path, const char *filename, const void *bytes,
		    size_t len);
/* A POST from a signed-out browser (set-up, sign-in, joining), with the
 * form cookie and its token in the form, as copro's own forms send them. */
request *web_post_signed_out(webfix *w, const char *path, const char *const *fields);
/* A GET as `who` with a query string (alternating name, value; NULL ends). */
request *web_get_query(webfix *w, int who, const char *path, const char *const *query);
const char *web_body(request *r);

/* Runs a request that must answer `status` (the failure shows the page);
 * web_expect_request hands the request back, web_expect_body its body
 * (kept in w's arena). */
request *web_expect_request(webfix *w, int who, const char *method, const char *path,
			    const char *const *fields, int status);
void web_expect(webfix *w, int who, const char *method, const char *path,
		const char *const *fields, int status);
const char *web_expect_body(webfix *w, int who, const char *method, const char *path,
			    const char *const *fields, int status);

/* One route of a page family's authorization matrix: `need` is the least
 * access it takes, `ok` the answer to those who have it. */
typedef struct web_route {
	const char *method, *path;
	const char *const *fields;
	enum access need;
	int ok;
} web_route;
/* Runs each route as every role of our organisation: signed out is sent
 * to sign in (303), the other organisation's lead and the other area's
 * administrator find nothing (404), too little access is refused (403). */
void web_expect_matrix(webfix *w, const web_route *routes, size_t n);

/* Text in w's arena: a path built like printf, a number. */
const char *web_path(webfix *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *web_num(webfix *w, int64_t v);
/* The three fields of GOV.UK date input NAME, for a posted field list:
 * WEB_DATE("due", "31", "1", "2027"). */
#define WEB_DATE(name, d, m, y) name "-day", d, name "-month", m, name "-year", y
/* The fields `rest` with date input NAME set to `iso` ("2026-05-01": day
 * "01", month "05", year "2026"; anything else goes whole in the year),
 * for a name made at run time. */
const char *const *web_dated(webfix *w, const char *name, const char *iso, const char *const *rest);

/* The membership id of `email` in organisation `org` (fails the test
 * when they are not a member). */
int64_t web_member_id(webfix *w, int64_t org, const char *email);

/* Fail unless `text` is (or is not) on r's page; the message names it. */
void page_has(request *r, const char *text);
void page_lacks(request *r, const char *text);

#endif
