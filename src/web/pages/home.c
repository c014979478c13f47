/* home.c: the start page after sign-in (the organisations a person works
 * in, or all of an area's for its administrator), adding an organisation,
 * and an organisation's home: its evaluations and the actions due. */
#include <string.h>

#include "core/text.h"
#include "web/pages/evaluation_page.h"
#include "web/pages/gold_page.h"
#include "web/pages/notify_page.h"

static void org_table(request *r, const org_list *orgs)
{
	if (!orgs->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">There are no organisations yet.</p>");
		return;
	}
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Organisations</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Name</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Sector</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Type</th></tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < orgs->n; i++) {
		const org_row *o = &orgs->items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/org/%D\">%t</a></td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     o->id, o->name, o->sector, o->type);
	}
	htmlf(&r->out, "</tbody></table>");
}

static void add_org_form(request *r, int64_t area, const form_errors *fe)
{
	static const char *const sectors[] = {"education", "Education", "health", "Health",
					      "care", "Social care", "voluntary", "Voluntary sector", NULL};
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"add-organisation\">Add an organisation</h2>"
		      "<form method=\"post\" action=\"/area/%D/organisations\" novalidate>", area);
	form_csrf(r);
	form_input(r, "name", "Name", form_get(r, "name"), fe, NULL);
	form_input(r, "type", "Type (optional)", form_get(r, "type"), fe,
		   &(input_opts){.hint = "For example: community school, children's therapy service"});
	form_radios(r, "sector", "Sector", sectors, form_get(r, "sector"), NULL, fe);
	form_button(r, "Add organisation");
	htmlf(&r->out, "</form><p class=\"govuk-body\">Many at once: <a class=\"govuk-link\" href=\"/area/%D/organisations/import\">"
		      "import organisations from a CSV file</a> (an extract from Get Information About Schools).</p>", area);
}

static int home(request *r, const form_errors *fe)
{
	membership_list ms;
	if (memberships_of_user(&r->d, r->sess.user.id, &ms, &r->e) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	page_begin(r, "Home");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Welcome, %t</h1>", r->sess.user.name);
	if (notify_home_panel(r) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	org_list own = {0};
	own.items = ARENA_ARRAY(&r->mem, ms.n, own.items);
	for (size_t i = 0; i < ms.n; i++) {
		const membership_row *m = &ms.items[i];
		if (!strcmp(m->role, "area-admin")) {
			org_list orgs;
			if (orgs_of_area(&r->d, m->area_id, &orgs, &r->e) < 0)
				return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
			htmlf(&r->out, "<p class=\"govuk-body\">You are the administrator for %t.</p>"
				      "<ul class=\"govuk-list\">"
				      "<li><a class=\"govuk-link\" href=\"/area/%D\">Area portfolio: every organisation's latest audit</a></li>"
				      "<li><a class=\"govuk-link\" href=\"/area/%D/audits\">Audits to decide</a></li>"
				      "<li><a class=\"govuk-link\" href=\"/area/%D/dashboard\">Dashboard</a></li>"
				      "<li><a class=\"govuk-link\" href=\"/area/%D/projects\">Joint partnership projects</a></li>"
				      "<li><a class=\"govuk-link\" href=\"/area/%D/export\">Exports and API tokens</a></li>"
				      "<li><a class=\"govuk-link\" href=\"/area/%D/settings\">Audit settings</a></li>"
				      "</ul>",
			      m->place_name, m->area_id, m->area_id, m->area_id, m->area_id, m->area_id, m->area_id);
			org_table(r, &orgs);
			add_org_form(r, m->area_id, fe);
			continue;
		}
		org_row *o = &own.items[own.n];
		if (org_get(&r->d, m->organisation_id, o, &r->e) == 0)
			own.n++;
	}
	if (own.n)
		org_table(r, &own);
	size_t assessing = 0;
	if (gold_home_assessments(r, &assessing) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	if (!ms.n && !assessing)
		htmlf(&r->out, "<p class=\"govuk-body\">You are not part of any organisation yet.</p>");
	page_end(r);
	return 200;
}

/* ROUTE: GET / */
static int page_home(request *r)
{
	return home(r, NULL);
}

/* ROUTE: GET /area/{area}/organisations */
static int page_org_add(request *r)
{
	return home(r, NULL);       /* the form to add one is on the home page */
}

/* ROUTE: POST /area/{area}/organisations */
static int page_org_add_post(request *r)
{
	int64_t area = r->area;     /* the dispatcher checked it is the user's */
	membership_list ms;
	if (memberships_of_user(&r->d, r->sess.user.id, &ms, &r->e) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	org_row o = {.name = form_get(r, "name"), .type = form_get(r, "type"),
		     .sector = form_get(r, "sector")};
	for (size_t i = 0; i < ms.n; i++)
		if (ms.items[i].area_id == area)
			o.area = ms.items[i].place_name;
	form_errors fe = {0};
	int64_t id;
	err e = {0};
	if (!o.sector)
		form_error_add(&fe, "sector", "Select the organisation's sector");
	if (!fe.n && org_add(&r->d, &o, &id, &e) < 0)
		form_error_add(&fe, "name", arena_strdup(&r->mem, e.msg));
	if (fe.n) {
		home(r, &fe);
		return 400;
	}
	if (activity_log(&r->d, &r->sess.user, id, area, arena_printf(&r->mem, "added organisation %s", o.name),
			 &r->e) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld", (long long)id));
}

/* ROUTE: GET /org/{org} (viewer) */
static int page_org(request *r)
{
	org_row o;
	evaluation_list evs;
	action_list actions;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 ||
	    evaluations_of_org(&r->d, r->org, &evs, &r->e) < 0 ||
	    actions_of_org(&r->d, r->org, &actions, &r->e) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	page_begin(r, o.name);
	const char *joined = query_get(r, "joined");
	if (joined && !strcmp(joined, "1"))
		notice_success(r, arena_printf(&r->mem, "You have joined %s", o.name));
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	     o.area ? o.area : "", o.name);
	if (gold_home_award(r) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	if (r->access == ACCESS_CONTRIBUTE && views_home_panel(r, o.name) < 0)
		return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Self-evaluations</h2>");
	int st = evaluations_list(r, &evs);
	if (st)
		return st;
	if (r->access >= ACCESS_LEAD)
		evaluation_start_form(r);
	char today[11];
	date_today(today);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Actions due</h2>");
	size_t shown = 0;
	htmlf(&r->out, "<ul class=\"govuk-list govuk-list--bullet\">");
	for (size_t i = 0; i < actions.n; i++) {
		const action_row *a = &actions.items[i];
		if (strcmp(a->status, "open") && strcmp(a->status, "in-progress"))
			continue;
		shown++;
		htmlf(&r->out, "<li>%R%t. %t. %t.</li>",
		     action_overdue(a, today) ? "<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong> " : "",
		     a->title, *a->owner ? arena_printf(&r->mem, "Owner: %s", a->owner) : "No owner",
		     a->due_on ? arena_printf(&r->mem, "Due %s", date_words(r, a->due_on)) : "No due date");
	}
	htmlf(&r->out, "</ul>");
	if (!shown)
		htmlf(&r->out, "<p class=\"govuk-body\">No open actions.</p>");
	/* The sections are in the service navigation; these two are inside
	 * sections, so say where. */
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">More pages</h2><ul class=\"govuk-list\">"
		      "<li><a class=\"govuk-link\" href=\"/org/%D/audits\">Joint partnership audits</a> (under Projects and audits)</li>"
		      "<li><a class=\"govuk-link\" href=\"/org/%D/you-said\">You said, we did</a> (under Views)</li></ul>",
	     r->org, r->org);
	page_end(r);
	return 200;
}


const route home_routes[] = {
	{"GET", "/", page_home, 0, ACCESS_NONE},
	{"GET", "/area/{area}/organisations", page_org_add, 0, ACCESS_NONE},
	{"POST", "/area/{area}/organisations", page_org_add_post, ROUTE_POST, ACCESS_NONE},
	{"GET", "/org/{org}", page_org, 0, ACCESS_VIEW},
	{0},
};
