/* layout.c: the page chrome every page shares: GOV.UK Frontend styles and
 * components, used as a service that is not on GOV.UK (no crown, no GOV.UK
 * logotype, system fonts), a skip link, the header (service name, who is
 * signed in, Sign out), the service navigation of an organisation's or an
 * area's sections with counts of what waits, the footer; and the error page. */
#include <string.h>

#include "core/lang.h"
#include "core/text.h"
#include "domain/notify.h"
#include "web/i18n.h"
#include "web/partner.h"
#include "web/web.h"

/* A section of the service navigation: its label, its address after
 * /org/{org} or /area/{area} ("" for the section's own page), and the
 * first path segments of the pages that belong to it. */
typedef struct nav_section {
	const char *label, *href;
	const char *segments[6];
	enum access need;
} nav_section;

static const nav_section org_sections[] = {
	{"Overview", "", {"", "activity", "settings"}, ACCESS_VIEW},
	{"Self-evaluations", "/evaluations", {"evaluations", "evaluation"}, ACCESS_VIEW},
	{"Evidence", "/evidence", {"evidence"}, ACCESS_VIEW},
	{"Actions", "/actions", {"actions"}, ACCESS_VIEW},
	{"Measures", "/measures", {"measures", "measure"}, ACCESS_VIEW},
	{"Plans", "/plans", {"plans", "plan"}, ACCESS_VIEW},
	{"Projects and audits", "/projects", {"projects", "project", "audits", "audit"}, ACCESS_VIEW},
	{"Views", "/views", {"views", "you-said"}, ACCESS_VIEW},
	{"People", "/people", {"people"}, ACCESS_LEAD},
	{"Search", "/search", {"search"}, ACCESS_VIEW},
	{0},
};

static const nav_section area_sections[] = {
	{"Portfolio", "", {"", "projects", "organisations", "activity"}, ACCESS_NONE},
	{"Dashboard", "/dashboard", {"dashboard"}, ACCESS_NONE},
	{"Self-evaluations", "/self-evaluations", {"self-evaluations"}, ACCESS_NONE},
	{"Audits to decide", "/audits", {"audits"}, ACCESS_NONE},
	{"Charter Gold", "/gold", {"gold"}, ACCESS_NONE},
	{"Exports", "/export", {"export", "api-tokens"}, ACCESS_NONE},
	{"Settings", "/settings", {"settings", "mail"}, ACCESS_NONE},
	{0},
};

/* Whether `rest` (the path after /org/{org}) is in section `s`: its first
 * segment is one of the section's. */
static bool in_section(const nav_section *s, const char *rest)
{
	if (*rest == '/')
		rest++;
	size_t n = strcspn(rest, "/");
	for (size_t i = 0; i < 6 && s->segments[i]; i++)
		if (strlen(s->segments[i]) == n && !strncmp(s->segments[i], rest, n))
			return true;
	return false;
}

/* The counts the frame shows, read once per request in one statement
 * (store_frame_counts): the header's unread notifications (the page
 * cache's key holds them too) and the tag of the organisation's Actions
 * or the area's Audits to decide, where section_nav shows those. Not in
 * a transaction a refused statement has ended (PostgreSQL answers only
 * its rollback): left unknown, they are read for the page drawn after
 * it, such as change.c's 503. False when there is nothing to read; else
 * the organisation and area they count (0 for none). */
static bool frame_counts_due(request *r, int64_t *org, int64_t *area)
{
	if (r->counts_known || !r->sess.valid || store_tx_failed(r->d.db))
		return false;
	bool org_nav = r->org && r->access >= ACCESS_VIEW && !r->assessor, area_nav = r->area && !r->org;
	*org = org_nav ? r->org : 0;
	*area = area_nav ? r->area : 0;
	return true;
}

static void frame_counts_keep(request *r, const frame_count_row *c)
{
	r->unread = c->unread;
	r->overdue = c->overdue;
	r->to_decide = c->to_decide;
	r->counts_known = true;
}

static void frame_counts_read(request *r)
{
	int64_t org, area;
	frame_count_row c;
	err e = {0};
	if (frame_counts_due(r, &org, &area) && frame_counts(&r->d, r->sess.user.id, org, area, &c, &e) == 0)
		frame_counts_keep(r, &c);
}

void web_frame_counts_ask(request *r, frame_count_list *out)
{
	int64_t org, area;
	err e = {0};
	*out = (frame_count_list){0};
	if (frame_counts_due(r, &org, &area))
		frame_counts_list(&r->d, r->sess.user.id, org, area, out, &e);
}

void web_frame_counts_take(request *r, const frame_count_list *asked)
{
	if (!r->counts_known && asked->n == 1)
		frame_counts_keep(r, &asked->items[0]);
}

/* What waits in a section, as the words of its tag; NULL for nothing. */
static const char *section_count(request *r, const nav_section *s)
{
	bool actions = r->org && !strcmp(s->href, "/actions"), audits = r->area && !strcmp(s->href, "/audits");
	if (actions || audits)
		frame_counts_read(r);
	if (actions && r->overdue)
		return arena_printf(&r->mem, "%lld overdue", (long long)r->overdue);
	if (audits && r->to_decide)
		return arena_printf(&r->mem, "%lld", (long long)r->to_decide);
	return NULL;
}

static void section_item(request *r, const char *base, const nav_section *s, const char *rest)
{
	const char *href = arena_printf(&r->mem, "%s%s", base, s->href);
	bool here = !strcmp(r->path, href), current = here || in_section(s, rest);
	const char *count = section_count(r, s);
	htmlf(&r->out, "<li class=\"govuk-service-navigation__item%a\"><a class=\"govuk-service-navigation__link\" href=\"%a\"",
	     current ? " govuk-service-navigation__item--active" : "", href);
	if (current)
		htmlf(&r->out, " aria-current=\"%a\"><strong class=\"govuk-service-navigation__active-fallback\">",
		     here ? "page" : "true");
	else
		htmlf(&r->out, ">");
	htmlf(&r->out, "%t", s->label);
	if (count)
		htmlf(&r->out, " <strong class=\"govuk-tag govuk-tag--%a copro-nav-tag\">%t</strong>",
		     r->org ? "red" : "blue", count);
	if (current)
		htmlf(&r->out, "</strong>");
	htmlf(&r->out, "</a></li>");
}

/* The sections of the organisation or area in the address, for a person
 * who may see them; nothing on other pages (home, sign-in, public pages)
 * and on the refusal of an area that is not theirs. */
static void section_nav(request *r)
{
	const nav_section *sections;
	const char *base, *label;
	if (!r->sess.valid || !r->route || (r->route->flags & (ROUTE_PUBLIC | ROUTE_API)))
		return;
	/* An assessor sees one evaluation: no organisation's sections. */
	if (r->org && r->access >= ACCESS_VIEW && !r->assessor) {
		sections = org_sections;
		base = arena_printf(&r->mem, "/org/%lld", (long long)r->org);
		label = "Organisation";
	} else if (r->area && !r->org && r->status < 400) {
		sections = area_sections;
		base = arena_printf(&r->mem, "/area/%lld", (long long)r->area);
		label = "Area";
	} else {
		return;
	}
	const char *rest = r->path + strlen(base);
	if (strncmp(r->path, base, strlen(base)) || (*rest && *rest != '/'))
		rest = "/-";    /* not under the base: no section is current */
	htmlf(&r->out, "<div class=\"govuk-service-navigation copro-sections\" data-module=\"govuk-service-navigation\">"
		      "<div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">"
		      "<nav aria-label=\"%a\" class=\"govuk-service-navigation__wrapper\">"
		      "<button type=\"button\" class=\"govuk-service-navigation__toggle govuk-js-service-navigation-toggle\""
		      " aria-controls=\"sections\" hidden aria-hidden=\"true\">%t</button>"
		      "<ul class=\"govuk-service-navigation__list\" id=\"sections\">",
	     label, tr(r, "Menu"));
	for (const nav_section *s = sections; s->label; s++)
		if (r->access >= s->need)
			section_item(r, base, s, rest);
	htmlf(&r->out, "</ul></nav></div></div></div>\n");
}

int64_t web_unread(request *r)
{
	frame_counts_read(r);
	return r->counts_known ? r->unread : 0;
}

/* "Notifications (3)" when some are unread; screen readers hear
 * "Notifications 3 unread" rather than a bare number in brackets. */
static void notifications_link(request *r)
{
	int64_t n = web_unread(r);
	htmlf(&r->out, "<a class=\"govuk-service-navigation__link copro-account__link\" href=\"/notifications\">Notifications");
	if (n)
		htmlf(&r->out, " <span aria-hidden=\"true\">(%D)</span><span class=\"govuk-visually-hidden\">%D unread</span>",
		      n, n);
	htmlf(&r->out, "</a> ");
}

/* The header: the service's name, and who is signed in with Sign out. */
static void header(request *r)
{
	htmlf(&r->out,
	     "<section aria-label=\"%a\" class=\"govuk-service-navigation\" data-module=\"govuk-service-navigation\">\n"
	     "<div class=\"govuk-width-container govuk-service-navigation__inlining-container\">"
	     "<div class=\"govuk-service-navigation__container\">"
	     "<span class=\"govuk-service-navigation__service-name\">"
	     "<a href=\"/\" class=\"govuk-service-navigation__link\">copro</a></span></div>\n",
	     tr(r, "Service information"));
	if (r->sess.valid) {
		htmlf(&r->out, "<div class=\"copro-account\"><span class=\"copro-account__name\">"
			      "Signed in as %t</span> ", r->sess.user.name);
		notifications_link(r);
		htmlf(&r->out, "<a class=\"govuk-service-navigation__link copro-account__link\" href=\"/account/two-factor\">Sign-in and security</a> "
			      "<form method=\"post\" action=\"/sign-out\" class=\"copro-inline-form\">");
		form_csrf(r);
		htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary copro-nav-button\">"
			      "Sign out</button></form></div>");
	}
	htmlf(&r->out, "</div></section>\n");
}

void page_begin(request *r, const char *title)
{
	htmlf(&r->out,
	     "<!DOCTYPE html>\n<html lang=\"%a\" dir=\"%a\" class=\"govuk-template\">\n<head>\n"
	     "<meta charset=\"utf-8\">\n<title>%t - copro</title>\n"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n"
	     "<link rel=\"stylesheet\" href=\"/assets/copro.css\">\n"
	     "<script type=\"module\" src=\"/assets/copro.js\"></script>\n"
	     "</head>\n<body class=\"govuk-template__body\">\n"
	     "<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">%t</a>\n",
	     r->lang, i18n_dir(r), title, tr(r, "Skip to main content"));
	header(r);
	section_nav(r);
	htmlf(&r->out,
	     "<div class=\"govuk-width-container\">\n"
	     "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
}

void page_footer_links(request *r, bool staff)
{
	/* Partners have their own privacy notice (the round's), and the help
	 * pages are for staff. */
	static const char *const links[] = {"/help", N_("Help"), "/accessibility", N_("Accessibility statement"),
					    "/privacy", N_("Privacy notice"), "/cookies", N_("Cookies"), NULL};
	htmlf(&r->out, "<h2 class=\"govuk-visually-hidden\">%t</h2><ul class=\"govuk-footer__inline-list\">",
	     tr(r, "Support links"));
	for (size_t i = 0; links[i]; i += 2)
		if (staff || (strcmp(links[i], "/privacy") && strcmp(links[i], "/help")))
			htmlf(&r->out, "<li class=\"govuk-footer__inline-list-item\">"
				      "<a class=\"govuk-footer__link\" href=\"%a\">%t</a></li>",
			     links[i], tr(r, links[i + 1]));
	htmlf(&r->out, "</ul>");
}

void page_end(request *r)
{
	htmlf(&r->out,
	     "</main>\n</div>\n"
	     "<footer class=\"govuk-footer\"><div class=\"govuk-width-container\">"
	     "<div class=\"govuk-footer__meta\"><div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">");
	page_footer_links(r, true);
	htmlf(&r->out, "<p class=\"govuk-body-s\">%t</p>"
		      "</div></div></div></footer>\n"
		      "</body>\n</html>\n",
	     tr(r, "copro: co-production self-evaluation. The Four Cornerstones (Rotherham Charter) "
		"and York's Joint Partnership model are quoted from their published sources; gaps "
		"in the source text are marked."));
}

/* The request's route, or before the dispatcher has found it (copro
 * serve's pages for a server stopping or a database it cannot open) the
 * one its address names. */
static bool partner_address(request *r)
{
	const struct route *rt = r->route ? r->route : web_route_for(r->method, r->path, &r->mem);
	return rt && (rt->flags & ROUTE_PARTNER);
}

int web_error_page(request *r, int status, const char *title, const char *message)
{
	/* A partner never lands on a staff page: what copro says about itself
	 * (a change left unfinished, a database that would not write, a
	 * server restarting, headers too large to read) is said on a partner
	 * page, in the partner pages' own plain words. */
	if ((status >= 500 || status == 431) && partner_address(r)) {
		/* In the partner's language, as their other pages: the one the
		 * address asks for, else the link's when a handler read it, else
		 * British English (before the dispatcher no link is read). */
		partner_lang(r, r->lang);
		partner_frame p = {.base = partner_base(r)};
		if (status == 431)
			return partner_error_page(r, &p, status, tr(r, "Sorry, your browser sent too much"),
				tr(r, "Clear this website's cookies in your browser's settings, then open your link again."));
		return partner_error_page(r, &p, status, tr(r, "Sorry, something went wrong"),
					  tr(r, "Nothing was saved. Please try again later."));
	}
	r->out.len = 0;
	r->file_path = NULL;
	r->content_type = NULL;
	r->status = status;
	page_begin(r, title);
	htmlf(&r->out,
	     "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
	     "<h1 class=\"govuk-heading-l\">%t</h1><p class=\"govuk-body\">%t</p>"
	     "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">%t</a></p>"
	     "</div></div>",
	     title, message, tr(r, "Go to the start"));
	page_end(r);
	return status;
}

int web_busy_page(request *r, const char *title)
{
	r->retry_after = WEB_BUSY_RETRY_SECONDS;
	return web_error_page(r, 503, title, DOMAIN_BUSY_ADVICE);
}
