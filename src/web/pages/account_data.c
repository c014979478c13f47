/* account_data.c: a person downloads what copro holds about them
 * (subject access under UK GDPR; domain/account_life.h says what it holds). */
#include <string.h>

#include "core/text.h"
#include "domain/account_life.h"
#include "domain/security.h"
#include "web/pages/pages.h"

/* ROUTE: GET /account/data (signed in) */
static int page_account_data(request *r)
{
	const char *json;
	if (account_data(&r->d, r->sess.user.id, &json, &r->e) < 0)
		return page_error(r, &r->e);
	/* A download of personal data is itself a security event: an
	 * administrator reading the area's log can see it happened. */
	if (security_event(&r->d, r->sess.user.id, "downloaded what copro holds about them", r->address,
			   &r->e) < 0)
		return page_error(r, &r->e);
	char today[21];
	time_now_iso(today);
	html_raw(&r->out, json, strlen(json));
	r->content_type = "application/json; charset=utf-8";
	r->download = arena_printf(&r->mem, "copro-my-data-%.10s.json", today);
	return 200;
}

const route account_data_routes[] = {
	{"GET", "/account/data", page_account_data, 0, ACCESS_NONE},
	{0},
};
