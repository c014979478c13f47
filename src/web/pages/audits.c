/* audits.c: an organisation's joint partnership audits (/org/{org}/audits)
 * and starting one (/org/{org}/audits/new). The audit itself is in
 * audit.c. */
#include <string.h>

#include "core/text.h"
#include "domain/project.h"
#include "web/pages/audit_common.h"

/* ROUTE: GET /org/{org}/audits (viewer) */
static int page_audits(request *r)
{
	org_row o;
	audit_list list;
	err e = {0};
	if (org_get(&r->d, r->org, &o, &e) < 0 || audit_list_org(&r->d, r->org, &list, &e) < 0)
		return audit_page_error(r, &e);
	/* Outcome titles from the installed instrument: every version so far
	 * has the same three outcomes. */
	const framework *fw = fw_registry_find(r->d.frameworks, AUDIT_FRAMEWORK_ID);
	page_begin(r, arena_printf(&r->mem, "Audits - %s", o.name));
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Joint partnership audits</h1>",
	     r->org, o.name, o.name);
	if (fw)
		htmlf(&r->out, "<p class=\"govuk-body\">Audits use %t. Your organisation fills one in, "
			      "your lead submits it, and the area accepts it or returns it with a comment.</p>",
		     fw->title);
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<a href=\"/org/%D/audits/new\" role=\"button\" draggable=\"false\" class=\"govuk-button\" data-module=\"govuk-button\">Start an audit</a>",
		     r->org);
	if (!list.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">There are no audits yet.</p>");
		page_end(r);
		return 200;
	}
	table_scroll_open(r, "Audits, newest first");
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--m\">Audits, newest first</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Service area</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Version</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Date of audit</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Outcome</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < list.n; i++) {
		const audit_row *a = &list.items[i];
		const char *outcome = a->outcome && fw ? audit_outcome_title(fw, a->outcome) : NULL;
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			      "<a class=\"govuk-link\" href=\"%a\">%t<span class=\"govuk-visually-hidden\">, version %d</span></a></th>"
			      "<td class=\"govuk-table__cell\">%d</td><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">",
		     audit_url(r, r->org, a->id),
		     text_blank(a->service_area) ? arena_printf(&r->mem, "Audit %lld", (long long)a->id)
						 : a->service_area,
		     a->version, a->version, a->audit_date ? date_words(r, a->audit_date) : "Not given");
		audit_status_tag(r, a->status);
		htmlf(&r->out, "</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     outcome ? outcome : a->outcome ? a->outcome : "Not chosen");
	}
	htmlf(&r->out, "</tbody></table></div>");
	page_end(r);
	return 200;
}

typedef struct start_values {
	const char *project, *service_area, *description, *audit_date;
} start_values;

static void new_form(request *r, const org_row *o, const project_list *projects,
		     const start_values *sv, const form_errors *fe)
{
	const framework *fw = fw_registry_find(r->d.frameworks, AUDIT_FRAMEWORK_ID);
	const char *date_title = fw ? audit_field_title(fw, "date") : NULL;
	const char *area_title = fw ? audit_field_title(fw, "service-area") : NULL;
	const char *desc_title = fw ? audit_field_title(fw, "description") : NULL;
	page_begin(r, "Start an audit");
	htmlf(&r->out, "<a href=\"/org/%D/audits\" class=\"govuk-back-link\">Audits</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org);
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Start an audit</h1>",
	     o->name);
	if (fw)
		htmlf(&r->out, "<p class=\"govuk-body\">This starts a draft of %t for %t. "
			      "You can change all of this later, while the audit is a draft.</p>",
		     fw->title, o->name);
	htmlf(&r->out, "<form method=\"post\" action=\"/org/%D/audits\" novalidate>", r->org);
	form_csrf(r);
	if (projects->n)
		audit_project_select(r, projects, sv->project, fe);
	form_input(r, "service_area", area_title ? area_title : "Service area", sv->service_area, fe,
		   &(input_opts){.hint = "The service or part of it that this audit is about"});
	form_textarea(r, "description", desc_title ? desc_title : "Description", sv->description,
		      NULL, fe);
	form_date(r, "audit_date", date_title ? date_title : "Date of audit", sv->audit_date,
		  "You can add it later. For example, 15 10 2026", fe);
	form_button(r, "Start the audit");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* The organisation and its projects, which the form offers; 0 or the
 * status of the error page written. */
static int load_org(request *r, org_row *o, project_list *projects)
{
	err e = {0};
	if (org_get(&r->d, r->org, o, &e) < 0 || projects_of_org(&r->d, r->org, projects, &e) < 0)
		return audit_page_error(r, &e);
	return 0;
}

/* ROUTE: GET /org/{org}/audits/new (lead) */
static int page_audit_new(request *r)
{
	org_row o;
	project_list projects;
	int st = load_org(r, &o, &projects);
	if (st)
		return st;
	start_values sv = {0};
	new_form(r, &o, &projects, &sv, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/audits (lead) */
static int page_audit_start(request *r)
{
	org_row o;
	project_list projects;
	int st = load_org(r, &o, &projects);
	if (st)
		return st;
	err e = {0};
	start_values sv = {.project = audit_posted(r, "project"), .service_area = audit_posted(r, "service_area"),
			   .description = form_get(r, "description")};
	form_errors fe = {0};
	int64_t project = audit_project_posted(&projects, sv.project);
	if (project < 0)
		form_error_add(&fe, "project", "Choose a project from the list, or no project");
	if (text_blank(sv.service_area))
		form_error_add(&fe, "service_area", "Enter the service area this audit is about");
	else if (text_check_line("The service area", sv.service_area, true, &e) < 0)
		form_error_add(&fe, "service_area", sentence(r, e.msg));
	if (sv.description && text_check_long("The description", sv.description, false, &e) < 0)
		form_error_add(&fe, "description", sentence(r, e.msg));
	sv.audit_date = audit_posted_date(r, "audit_date", "the date of audit", &fe);
	int64_t id = 0;
	if (!fe.n) {
		audit_fields f = {.service_area = sv.service_area,
				  .description = sv.description ? sv.description : "",
				  .audit_date = sv.audit_date ? sv.audit_date : ""};
		audit_actor who = audit_actor_of(r);
		if (audit_start(&r->d, r->org, project, &f, &who, &id, &e) < 0) {
			if (e.kind != ERR_INPUT)
				return audit_page_error(r, &e);
			form_error_add(&fe, audit_field_of_message(e.msg, "service_area"), sentence(r, e.msg));
		}
	}
	if (fe.n) {
		new_form(r, &o, &projects, &sv, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "started audit %lld (%s)", (long long)id,
				      sv.service_area)) < 0)
		return audit_page_error(r, &r->e);
	return web_redirect(r, audit_url(r, r->org, id));
}

const route audits_routes[] = {
	{"GET", "/org/{org}/audits", page_audits, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/audits/new", page_audit_new, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/audits", page_audit_start, ROUTE_POST, ACCESS_LEAD},
	{0},
};
