/* health.c: GET /healthz for load balancers and service monitors: 200
 * "ok" while the database answers a read at the schema this copro knows,
 * else 503 with one line saying why. No session is looked up and nothing
 * is written, so asking often costs one small read and can change nothing. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "domain/health.h"
#include "web/pages/health.h"
#include "web/pages/pages.h"

/* The last answer's reason ("" while healthy), so that the server's log
 * gets the whole story once when the health changes, not once a second
 * for as long as a monitor keeps asking. */
static pthread_mutex_t said_lock = PTHREAD_MUTEX_INITIALIZER;
static char said[200];

static void log_change(const char *reason, const err *e)
{
	pthread_mutex_lock(&said_lock);
	if (strcmp(said, reason) != 0) {
		if (*reason)
			fprintf(stderr, "copro serve: /healthz answers 503: %s\n", e->msg);
		else
			fprintf(stderr, "copro serve: /healthz answers ok again\n");
		snprintf(said, sizeof said, "%s", reason);
	}
	pthread_mutex_unlock(&said_lock);
}

/* ROUTE: GET /healthz (public) */
static int page_healthz(request *r)
{
	char reason[160] = "";
	err e = {0};
	int rc = -1;
	if (r->d.db)
		rc = health_check(&r->d, reason, sizeof reason, &e);
	else
		err_set(&e, ERR_IO, "no connection to the database could be opened (the line above says why)");
	if (rc < 0 && !*reason)
		snprintf(reason, sizeof reason, "the database cannot be opened");
	log_change(rc < 0 ? reason : "", &e);
	r->content_type = "text/plain; charset=utf-8";
	/* Plain text, not HTML: written as it is. */
	const char *text = rc < 0 ? arena_printf(&r->mem, "unavailable: %s\n", reason) : "ok\n";
	html_raw(&r->out, text, strlen(text));
	return rc < 0 ? 503 : 200;
}

bool web_answer_without_database(request *r)
{
	const route *rt = web_route_for(r->method, r->path, &r->mem);
	if (!rt || !(rt->flags & ROUTE_STATIC))
		return false;
	r->route = rt;
	r->status = rt->handler(r);
	return true;
}

const route health_routes[] = {
	{"GET", "/healthz", page_healthz, ROUTE_PUBLIC | ROUTE_STATIC, ACCESS_NONE},
	{0},
};
