/* api.c: the area's read-only JSON API for data dashboards (docs/api.md),
 * opened by an API token rather than a session. The dispatcher has checked
 * the token and set r->area to its area; every answer is that area's data
 * only, and errors are JSON too ({"error": "..."}). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/area_export.h"
#include "web/pages/pages.h"

#define JSON_TYPE "application/json; charset=utf-8"

/* Sends `doc` (taken) as the answer. */
static int send_json(request *r, json_t *doc)
{
	char *text = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	if (!text)
		return api_error(r, 500, "cannot write the answer as JSON (a bug in copro)");
	html_raw(&r->out, text, strlen(text));
	html_raw(&r->out, "\n", 1);
	free(text);
	r->content_type = JSON_TYPE;
	return 200;
}

static int send_tables(request *r, enum area_table t, const export_audit_filter *f)
{
	json_t *doc;
	if (area_api_document(&r->d, r->area, 1u << t, f, &doc, &r->e) < 0)
		return api_error(r, 500, r->e.msg);
	return send_json(r, doc);
}

/* ROUTE: GET /api/v1/organisations (API token) */
static int api_organisations(request *r)
{
	return send_tables(r, AREA_ORGANISATIONS, NULL);
}

/* ROUTE: GET /api/v1/audits (API token), ?since=YYYY-MM-DD */
static int api_audits(request *r)
{
	const char *since = query_get(r, "since");
	if (since && !date_valid(since))
		return api_error(r, 400, "since must be a date written YYYY-MM-DD, for example "
				 "2026-09-01: it keeps the audits submitted or decided on or after that day");
	export_audit_filter f = {.since = since};
	return send_tables(r, AREA_AUDITS, &f);
}

/* ROUTE: GET /api/v1/audits/{audit} (API token) */
static int api_audit(request *r)
{
	int64_t id = param_id(r, 0);
	json_t *doc = NULL;
	int found = id ? area_api_audit(&r->d, r->area, id, &doc, &r->e) : 0;
	if (found < 0)
		return api_error(r, 500, r->e.msg);
	if (!found)
		return api_error(r, 404, "there is no audit with this number in your area "
				 "(drafts are not shown): GET /api/v1/audits lists them");
	return send_json(r, doc);
}

/* ROUTE: GET /api/v1/projects (API token) */
static int api_projects(request *r)
{
	return send_tables(r, AREA_PROJECTS, NULL);
}

/* ROUTE: GET /api/v1/evaluations (API token) */
static int api_evaluations(request *r)
{
	return send_tables(r, AREA_EVALUATIONS, NULL);
}

const route api_routes[] = {
	{"GET", "/api/v1/organisations", api_organisations, ROUTE_API, ACCESS_NONE},
	{"GET", "/api/v1/audits", api_audits, ROUTE_API, ACCESS_NONE},
	{"GET", "/api/v1/audits/{audit}", api_audit, ROUTE_API, ACCESS_NONE},
	{"GET", "/api/v1/projects", api_projects, ROUTE_API, ACCESS_NONE},
	{"GET", "/api/v1/evaluations", api_evaluations, ROUTE_API, ACCESS_NONE},
	{0},
};
