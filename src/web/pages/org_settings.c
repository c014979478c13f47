/* org_settings.c: an organisation's settings (/org/{org}/settings), for
 * its leads: who partners are told to go to when they are worried about
 * their safety (on every partner page, poster and letter), and how long
 * the free text of partners' answers is kept. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/views.h"
#include "web/pages/pages.h"

static int settings_render(request *r, const org_row *o, const char *contact, const char *months,
			   const form_errors *fe)
{
	page_begin(r, "Settings");
	breadcrumbs_org(r, o->name, NULL, "Settings");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	if (!(fe && fe->n) && query_get(r, "saved"))
		notice_success(r, "Saved");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Settings</h1><h2 class=\"govuk-heading-m\">Partners' views</h2>"
		       "<form method=\"post\" action=\"/org/%D/settings\" novalidate>", r->org);
	form_csrf(r);
	form_input(r, "safeguarding_contact", "Who partners should tell if they are worried", contact, fe,
		   &(input_opts){.hint = "A name or a role, for example \"Mrs Khan, our safeguarding lead\" or \"your teacher\". "
					 "Every partner page says: \"If you are worried about your safety or someone else's, tell ...\""});
	form_input(r, "retention_months", "Months to keep what partners write", months, fe,
		   &(input_opts){.hint = "From 1 to 120. After this copro deletes the words (the answers on the scale stay) "
					 "and says so in the activity log. The usual choice is 24.", .width = "3"});
	form_button(r, "Save settings");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

/* ROUTE: GET /org/{org}/settings (lead) */
static int page_org_settings(request *r)
{
	org_row o;
	views_org_settings s;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 || views_org_settings_get(&r->d, r->org, &s, &r->e) < 0)
		return page_error(r, &r->e);
	return settings_render(r, &o, s.safeguarding_contact, arena_printf(&r->mem, "%d", s.retention_months), NULL);
}

/* ROUTE: POST /org/{org}/settings (lead) */
static int page_org_settings_post(request *r)
{
	org_row o;
	if (org_get(&r->d, r->org, &o, &r->e) < 0)
		return page_error(r, &r->e);
	const char *contact = form_trimmed(r, "safeguarding_contact");
	const char *months = form_trimmed(r, "retention_months");
	form_errors fe = {0};
	char *end;
	long m = strtol(months, &end, 10);
	if (!*months || *end || m < 1 || m > 120)
		form_error_add(&fe, "retention_months", "Enter the months to keep what partners write, a whole number from 1 to 120");
	views_org_settings s = {.safeguarding_contact = contact, .retention_months = (int)m};
	if (!fe.n && views_org_settings_set(&r->d, &r->sess.user, r->org, &s, &r->e) < 0) {
		if (r->e.kind != ERR_INPUT)
			return page_error(r, &r->e);
		form_error_add(&fe, strstr(r->e.msg, "months") ? "retention_months" : "safeguarding_contact",
			       sentence(r, r->e.msg));
	}
	if (fe.n)
		return settings_render(r, &o, contact, months, &fe);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/settings?saved=1", (long long)r->org));
}

const route org_settings_routes[] = {
	{"GET", "/org/{org}/settings", page_org_settings, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/settings", page_org_settings_post, ROUTE_POST, ACCESS_LEAD},
	{0},
};
