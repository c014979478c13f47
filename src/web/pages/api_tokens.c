/* api_tokens.c: the area's API tokens, with which a data dashboard reads the
 * JSON API (api.c): the list, creating one (its secret shown once) and
 * revoking one. Every route is the area administrator's (checked by
 * dispatch). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/account_life.h"
#include "web/pages/pages.h"

/* How long a new token lasts: a number of days, or a date typed below. */
static const char *const lengths[] = {
	"30", "30 days",
	"90", "90 days",
	"365", "1 year",
	"date", "Until a date you choose", NULL};

/* "1 October 2026 at 14:05" from "2026-10-01T14:05:00Z". */
static const char *when_words(request *r, const char *iso)
{
	if (!iso || strlen(iso) < 16)
		return iso ? iso : "";
	return arena_printf(&r->mem, "%s at %.5s", date_words(r, arena_strndup(&r->mem, iso, 10)),
			    iso + 11);
}

static void token_table(request *r, const api_token_list *tokens)
{
	if (!tokens->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">This area has no API tokens yet.</p>");
		return;
	}
	table_scroll_open(r, "Tokens");
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Tokens</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Name</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Created</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Last used</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Works until</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\"><span class=\"govuk-visually-hidden\">Action</span></th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">");
	char now[21];
	time_now_iso(now);
	for (size_t i = 0; i < tokens->n; i++) {
		const api_token_row *t = &tokens->items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td>",
		     t->name, when_words(r, t->created_at),
		     t->last_used_at ? when_words(r, t->last_used_at) : "Never",
		     t->expires_at ? when_words(r, t->expires_at) : "No end date");
		if (t->revoked_at) {
			htmlf(&r->out, "<td class=\"govuk-table__cell\"><strong class=\"govuk-tag govuk-tag--grey\">Revoked</strong>"
				      "<br><span class=\"govuk-body-s\">%t</span></td><td class=\"govuk-table__cell\"></td></tr>",
			     when_words(r, t->revoked_at));
			continue;
		}
		/* An expired token is refused by the API: said in words, with
		 * nothing left to revoke. */
		if (t->expires_at && strcmp(t->expires_at, now) <= 0) {
			htmlf(&r->out, "<td class=\"govuk-table__cell\"><strong class=\"govuk-tag govuk-tag--red\">Expired</strong>"
				      "<br><span class=\"govuk-body-s\">The API refuses it. Create a new token if it is still needed.</span>"
				      "</td><td class=\"govuk-table__cell\"></td></tr>");
			continue;
		}
		htmlf(&r->out, "<td class=\"govuk-table__cell\"><strong class=\"govuk-tag govuk-tag--green\">Live</strong></td>"
			      "<td class=\"govuk-table__cell\"><form method=\"post\" action=\"/area/%D/api-tokens/%D/revoke\" novalidate>",
		     r->area, t->id);
		form_csrf(r);
		htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--warning govuk-!-margin-bottom-0\" data-module=\"govuk-button\">"
			      "Revoke<span class=\"govuk-visually-hidden\"> the token %t</span></button></form></td></tr>",
		     t->name);
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* The tokens page, with the create form (and its errors when refused). */
static int tokens_page(request *r, const form_errors *fe)
{
	const char *name;
	int st = page_area_name(r, &name);
	if (st)
		return st;
	api_token_list tokens;
	if (api_tokens_of_area(&r->d, r->area, &tokens, &r->e) < 0)
		return page_failed(r);
	page_begin(r, "API tokens");
	htmlf(&r->out, "<a href=\"/area/%D/export\" class=\"govuk-back-link\">Export the area's data</a>",
	     r->area);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-full\">");
	form_error_summary(r, fe);
	const char *revoked = query_get(r, "revoked");
	for (size_t i = 0; revoked && i < tokens.n; i++)
		if (tokens.items[i].revoked_at && strtoll(revoked, NULL, 10) == tokens.items[i].id)
			htmlf(&r->out, "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\""
				      " aria-labelledby=\"revoked-title\" data-module=\"govuk-notification-banner\">"
				      "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"revoked-title\">Success</h2></div>"
				      "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">"
				      "The token %t is revoked: the API refuses it from now on.</p></div></div>",
			     tokens.items[i].name);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">API tokens</h1>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<p class=\"govuk-body\">A data dashboard reads this area's data from copro's JSON API with a token. "
		      "It sends the token in every request, in the header <code>Authorization: Bearer</code> followed by the token. "
		      "A token reads this area's organisations, audits and projects only, and can change nothing.</p>"
		      "<p class=\"govuk-body\">Revoke a token when the dashboard no longer needs it, or if it may have been "
		      "seen by someone it was not meant for.</p></div></div>",
	     name);
	token_table(r, &tokens);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<h2 class=\"govuk-heading-m\" id=\"new\">Create a token</h2>"
		      "<form method=\"post\" action=\"/area/%D/api-tokens\" novalidate>", r->area);
	form_csrf(r);
	form_input(r, "name", "Name of the token", fe && fe->n ? form_get(r, "name") : NULL, fe,
		   &(input_opts){.hint = "Say what will use it, for example Multi-agency dashboard",
				 .width = "20", .autocomplete = "off"});
	const char *length = fe && fe->n ? form_get(r, "expiry") : NULL;
	form_radios(r, "expiry", "How long it works", lengths, length ? length : "365",
		    "Choose the shortest time the dashboard needs. When it ends, the API refuses the token "
		    "and you create a new one.", fe);
	form_date(r, "until", "The last day it works, if you chose a date", NULL,
		  "For example, 31 3 2027. At most 3 years from today.", fe);
	form_button(r, "Create token");
	htmlf(&r->out, "</form></div></div></div></div>");
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

/* ROUTE: GET /area/{area}/api-tokens (area administrator) */
static int page_tokens(request *r)
{
	return tokens_page(r, NULL);
}

/* ROUTE: POST /area/{area}/api-tokens (area administrator) */
static int page_token_create(request *r)
{
	const char *name = form_get(r, "name");
	form_errors fe = {0};
	err e = {0};
	if (text_blank(name))
		form_error_add(&fe, "name", "Enter a name for the token, saying what will use it");
	else if (text_check_line("The token's name", name, true, &e) < 0)
		form_error_add(&fe, "name", sentence(r, e.msg));
	/* A form without the choice (the page always sends one) gets the
	 * default the page shows checked. */
	const char *length = form_get(r, "expiry") ? form_get(r, "expiry") : "365", *until = NULL;
	if (!pair_label(lengths, length, NULL))
		form_error_add(&fe, "expiry", "Choose how long the token works");
	else if (!strcmp(length, "date"))
		until = form_date_posted(r, "until", &(date_rule){"the last day it works", true, DATE_FUTURE}, &fe);
	char token[65];
	int64_t id = 0;
	/* The token and its line in the activity log, by name, never by its
	 * secret. */
	if (!fe.n && (until ? api_token_create_until(&r->d, &r->sess.user, r->area, name, until, token, &id, &e)
			    : api_token_create_days(&r->d, &r->sess.user, r->area, name, atoi(length), token, &id,
						    &e)) < 0) {
		if (e.kind != ERR_INPUT) {
			r->e = e;
			return page_failed(r);
		}
		form_error_add(&fe, until ? "until-day" : "name", sentence(r, e.msg));
	}
	if (fe.n)
		return tokens_page(r, &fe);
	/* Shown once, straight away: only its hash is kept, so there is
	 * nothing to redirect to. The page is not cached (no-store). */
	api_token_list made;
	const char *ends = "";
	if (api_tokens_of_area(&r->d, r->area, &made, &r->e) < 0)
		return page_failed(r);
	for (size_t i = 0; i < made.n; i++)
		if (made.items[i].id == id && made.items[i].expires_at)
			ends = arena_printf(&r->mem, " It works until %s (UTC).", when_words(r, made.items[i].expires_at));
	page_begin(r, "Copy your new API token");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<h1 class=\"govuk-heading-l\">Copy your new API token</h1>"
		      "<p class=\"govuk-body\">This is the token %t. Put it in your dashboard's settings now.%t</p>"
		      "<div class=\"govuk-inset-text\"><p class=\"govuk-body govuk-!-font-weight-bold govuk-!-text-break-word\">"
		      "<code id=\"token\">%t</code></p></div>"
		      "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
		      "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
		      "Copy it now: this is the only time copro shows it. copro keeps only a fingerprint of it, "
		      "so if it gets lost, revoke it and create another.</strong></div>"
		      "<p class=\"govuk-body\">The dashboard sends it in every request, in the header "
		      "<code>Authorization: Bearer</code> followed by the token. Keep it as secret as a password.</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/api-tokens\">Back to API tokens</a></p>"
		      "</div></div>",
	     name, ends, token, r->area);
	page_end(r);
	return 200;
}

/* ROUTE: POST /area/{area}/api-tokens/{apitoken}/revoke (area administrator) */
static int page_token_revoke(request *r)
{
	int64_t id = param_id(r, 1);
	api_token_list tokens;
	if (api_tokens_of_area(&r->d, r->area, &tokens, &r->e) < 0)
		return page_failed(r);
	const api_token_row *t = NULL;
	for (size_t i = 0; id && i < tokens.n; i++)
		if (tokens.items[i].id == id)
			t = &tokens.items[i];
	/* Another area's token does not exist here. */
	if (!t)
		return page_not_found(r);
	if (!t->revoked_at && api_token_revoke_logged(&r->d, &r->sess.user, r->area, id, &r->e) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/area/%lld/api-tokens?revoked=%lld",
					    (long long)r->area, (long long)id));
}

const route api_tokens_routes[] = {
	{"GET", "/area/{area}/api-tokens", page_tokens, 0, ACCESS_AREA},
	{"POST", "/area/{area}/api-tokens", page_token_create, ROUTE_POST, ACCESS_AREA},
	{"POST", "/area/{area}/api-tokens/{apitoken}/revoke", page_token_revoke, ROUTE_POST,
	 ACCESS_AREA},
	{0},
};
