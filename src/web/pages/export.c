/* export.c: the area's exports for its multi-agency dashboard (CSV files
 * and an Excel workbook) and the API tokens a dashboard reads the JSON API
 * with. Every route is the area administrator's (checked by dispatch). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/area_export.h"
#include "store/account.h"
#include "store/area_data.h"
#include "store/store.h"
#include "web/pages/pages.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* A wide table scrolls sideways in its own box on a narrow screen, not the
 * whole page; the box takes focus, so a keyboard can scroll it too, and it
 * is named like the table. Closed with "</div>" after the table. */
static void scroll_open(request *r, const char *label)
{
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"%a\" tabindex=\"0\">", label);
}

/* The area's name, for headings; NULL after a failure page. */
static const char *area_name(request *r)
{
	const char *name = NULL;
	int found = store_export_area_name(r->d.db, &r->mem, r->area, &name, &r->e);
	if (found < 0) {
		page_failed(r);
		return NULL;
	}
	if (!found) {
		page_not_found(r);
		return NULL;
	}
	return name;
}

/* "1 October 2026 at 14:05" from "2026-10-01T14:05:00Z". */
static const char *when_words(request *r, const char *iso)
{
	if (!iso || strlen(iso) < 16)
		return iso ? iso : "";
	return arena_printf(&r->mem, "%s at %.5s", date_words(r, arena_strndup(&r->mem, iso, 10)),
			    iso + 11);
}

/* ---- the downloads --------------------------------------------------- */

static const struct {
	const char *file, *kind, *holds;
} downloads[] = {
	{"organisations.csv", "CSV",
	 "Every organisation in the area: its name, sector, type, URN and local authority code."},
	{"audits.csv", "CSV",
	 "Every joint partnership audit that has been submitted, returned or accepted, one row per "
	 "version: its dates, outcome, summary and next steps, whether it is the latest version and "
	 "whether the area accepted it. Drafts are left out: they are the organisation's work in progress."},
	{"levels.csv", "CSV",
	 "For the same audit versions, the level, score and notes given for each principle."},
	{"projects.csv", "CSV",
	 "Every joint partnership project: its model, service area, dates, and how many of the "
	 "model's steps are done."},
	{"area.xlsx", "Excel",
	 "All four tables in one Excel workbook, a sheet for each."},
};

/* ROUTE: GET /area/{area}/export (area administrator) */
static int page_export(request *r)
{
	const char *name = area_name(r);
	if (!name)
		return r->status;
	page_begin(r, "Export the area's data");
	htmlf(&r->out, "<a href=\"/area/%D\" class=\"govuk-back-link\">Area portfolio</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<span class=\"govuk-caption-l\">%t</span>"
		      "<h1 class=\"govuk-heading-l\">Export the area's data</h1>"
		      "<p class=\"govuk-body\">Download the area's joint partnership audits and projects "
		      "for your multi-agency data dashboard. Each file holds every organisation in the area, "
		      "as it is now.</p></div></div>",
	     r->area, name);
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Downloads</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">File</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">What it holds</th></tr></thead>"
		      "<tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < sizeof downloads / sizeof *downloads; i++)
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">"
			      "<a class=\"govuk-link\" href=\"/area/%D/export/%u\" download>%t"
			      "<span class=\"govuk-visually-hidden\"> (%t file)</span></a></td>"
			      "<td class=\"govuk-table__cell\">%t</td></tr>",
		     r->area, downloads[i].file, downloads[i].file, downloads[i].kind, downloads[i].holds);
	htmlf(&r->out, "</tbody></table>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<p class=\"govuk-body\">The CSV files use commas, UTF-8 text and one header row. "
		      "A value a spreadsheet could run as a formula (one starting with =, +, -, or @) "
		      "starts with an apostrophe, so it shows as text. Each file's first row names its "
		      "columns; copro's API documentation (the file docs/api.md that comes with copro) "
		      "describes each one.</p>"
		      "<h2 class=\"govuk-heading-m\">Data dashboard API</h2>"
		      "<p class=\"govuk-body\">A dashboard can read the same data as JSON, always up to date, "
		      "with an API token. A token reads this area's data only and can change nothing.</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/api-tokens\">Manage API tokens</a></p>"
		      "</div></div>",
	     r->area);
	page_end(r);
	return 200;
}

/* Appends exported bytes to the response. */
static int to_response(void *ctx, const char *bytes, size_t n, err *e)
{
	(void)e;
	html_raw(&((request *)ctx)->out, bytes, n);
	return 0;
}

/* ROUTE: GET /area/{area}/export/{file} (area administrator) */
static int page_download(request *r)
{
	const char *file = param_named(r, "file");
	bool xlsx = file && !strcmp(file, "area.xlsx");
	int table = -1;
	if (!xlsx && file) {
		size_t n = strlen(file);
		if (n > 4 && !strcmp(file + n - 4, ".csv"))
			table = area_table_parse(arena_strndup(&r->mem, file, n - 4));
	}
	if (!xlsx && table < 0)
		return page_not_found(r);
	export_sink sink = {to_response, r};
	int rc = xlsx ? area_export_xlsx(&r->d, r->area, &sink, &r->e)
		      : area_export_csv(&r->d, r->area, (enum area_table)table, &sink, &r->e);
	if (rc < 0)
		return page_failed(r);
	r->content_type = xlsx ? XLSX_TYPE : "text/csv; charset=utf-8";
	r->download = file;
	return 200;
}

/* ---- API tokens ------------------------------------------------------ */

static void token_table(request *r, const api_token_list *tokens)
{
	if (!tokens->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">This area has no API tokens yet.</p>");
		return;
	}
	scroll_open(r, "Tokens");
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Tokens</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Name</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Created</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Last used</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\"><span class=\"govuk-visually-hidden\">Action</span></th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < tokens->n; i++) {
		const api_token_row *t = &tokens->items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td>",
		     t->name, when_words(r, t->created_at),
		     t->last_used_at ? when_words(r, t->last_used_at) : "Never");
		if (t->revoked_at) {
			htmlf(&r->out, "<td class=\"govuk-table__cell\"><strong class=\"govuk-tag govuk-tag--grey\">Revoked</strong>"
				      "<br><span class=\"govuk-body-s\">%t</span></td><td class=\"govuk-table__cell\"></td></tr>",
			     when_words(r, t->revoked_at));
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
	const char *name = area_name(r);
	if (!name)
		return r->status;
	api_token_list tokens;
	if (store_api_tokens_of_area(r->d.db, &r->mem, r->area, &tokens, &r->e) < 0)
		return page_failed(r);
	page_begin(r, fe && fe->n ? "Error: API tokens" : "API tokens");
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

/* Creates the token and logs it (by name, never its secret) in one
 * transaction. */
static int create_token(request *r, const char *name, char token[65], int64_t *id, err *e)
{
	if (store_begin(r->d.db, e) < 0)
		return -1;
	if (api_token_create(&r->d, r->sess.user.id, r->area, name, token, id, e) < 0 ||
	    activity_log(&r->d, &r->sess.user, 0, r->area,
			 arena_printf(&r->mem, "created API token %lld: %s", (long long)*id, name), e) < 0 ||
	    store_commit(r->d.db, e) < 0) {
		store_rollback(r->d.db);
		return -1;
	}
	return 0;
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
	char token[65];
	int64_t id = 0;
	if (!fe.n && create_token(r, name, token, &id, &e) < 0) {
		if (e.kind != ERR_INPUT) {
			r->e = e;
			return page_failed(r);
		}
		form_error_add(&fe, "name", sentence(r, e.msg));
	}
	if (fe.n)
		return tokens_page(r, &fe);
	/* Shown once, straight away: only its hash is kept, so there is
	 * nothing to redirect to. The page is not cached (no-store). */
	page_begin(r, "Copy your new API token");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<h1 class=\"govuk-heading-l\">Copy your new API token</h1>"
		      "<p class=\"govuk-body\">This is the token %t. Put it in your dashboard's settings now.</p>"
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
	     name, token, r->area);
	page_end(r);
	return 200;
}

/* ROUTE: POST /area/{area}/api-tokens/{apitoken}/revoke (area administrator) */
static int page_token_revoke(request *r)
{
	int64_t id = param_id(r, 1);
	api_token_list tokens;
	if (store_api_tokens_of_area(r->d.db, &r->mem, r->area, &tokens, &r->e) < 0)
		return page_failed(r);
	const api_token_row *t = NULL;
	for (size_t i = 0; id && i < tokens.n; i++)
		if (tokens.items[i].id == id)
			t = &tokens.items[i];
	/* Another area's token does not exist here. */
	if (!t)
		return page_not_found(r);
	if (!t->revoked_at) {
		if (store_begin(r->d.db, &r->e) < 0)
			return page_failed(r);
		if (api_token_revoke(&r->d, r->area, id, &r->e) < 0 ||
		    activity_log(&r->d, &r->sess.user, 0, r->area,
				 arena_printf(&r->mem, "revoked API token %lld: %s", (long long)id, t->name),
				 &r->e) < 0 ||
		    store_commit(r->d.db, &r->e) < 0) {
			store_rollback(r->d.db);
			return page_failed(r);
		}
	}
	return web_redirect(r, arena_printf(&r->mem, "/area/%lld/api-tokens?revoked=%lld",
					    (long long)r->area, (long long)id));
}

const route export_routes[] = {
	{"GET", "/area/{area}/export", page_export, 0, ACCESS_AREA},
	{"GET", "/area/{area}/export/{file}", page_download, 0, ACCESS_AREA},
	{"GET", "/area/{area}/api-tokens", page_tokens, 0, ACCESS_AREA},
	{"POST", "/area/{area}/api-tokens", page_token_create, ROUTE_POST, ACCESS_AREA},
	{"POST", "/area/{area}/api-tokens/{apitoken}/revoke", page_token_revoke, ROUTE_POST,
	 ACCESS_AREA},
	{0},
};
