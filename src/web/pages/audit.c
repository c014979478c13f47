/* audit.c: joint partnership audits: the organisation's form (laid out like
 * York's source form), submitting, and the area's queue, decisions and
 * audit settings. Every page works through domain/audit.h; wording of
 * principles, levels, fields and outcomes comes from the audit's stored
 * instrument. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "domain/audit.h"
#include "store/account.h"
#include "store/project.h"
#include "store/store.h"
#include "web/pages/pages.h"

/* The edit form offers this many rows for people at most. */
#define PEOPLE_ROWS_MAX 12
/* Decisions listed under the area's queue. */
#define DECIDED_SHOWN 20

/* ---- small helpers ---------------------------------------------------- */

/* A wide table scrolls sideways in its own box on a narrow screen, not the
 * whole page; the box takes focus, so a keyboard can scroll it too, and it
 * is named like the table. Closed with "</div>" after the table. */
static void scroll_open(request *r, const char *label)
{
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"%a\" tabindex=\"0\">", label);
}

static int server_error(request *r, const err *e)
{
	switch (e->kind) {
	case ERR_NOTFOUND:
		return page_not_found(r);
	case ERR_BUSY:
		return web_error_page(r, 503, "Sorry, copro is busy",
				      "Someone else is saving a change. Wait a moment and try again.");
	case ERR_CONFLICT:
		return web_error_page(r, 409, "This cannot be done now", sentence(r, e->msg));
	default:
		return web_error_page(r, 500, "Sorry, something went wrong", e->msg);
	}
}

static const char *status_label(const char *status)
{
	if (!strcmp(status, "draft"))
		return "Draft";
	if (!strcmp(status, "submitted"))
		return "Submitted";
	if (!strcmp(status, "returned"))
		return "Returned";
	if (!strcmp(status, "accepted"))
		return "Accepted";
	return status;
}

static void status_tag(request *r, const char *status)
{
	const char *cls = "govuk-tag govuk-tag--grey";
	if (!strcmp(status, "submitted"))
		cls = "govuk-tag govuk-tag--blue";
	else if (!strcmp(status, "returned"))
		cls = "govuk-tag govuk-tag--orange";
	else if (!strcmp(status, "accepted"))
		cls = "govuk-tag govuk-tag--green";
	htmlf(&r->out, "<strong class=\"%a\">%t</strong>", cls, status_label(status));
}

/* What an event in the history did, from the status it moved to. */
static const char *event_label(const char *status)
{
	if (!strcmp(status, "draft"))
		return "Started as a draft";
	if (!strcmp(status, "submitted"))
		return "Submitted to the area";
	if (!strcmp(status, "returned"))
		return "Returned to the organisation";
	if (!strcmp(status, "accepted"))
		return "Accepted by the area";
	return status;
}

/* Text a person typed over several lines, one paragraph a line. */
static void paragraphs(request *r, const char *text, const char *empty)
{
	bool any = false;
	for (const char *p = text ? text : ""; *p;) {
		size_t n = strcspn(p, "\r\n");
		if (n) {
			htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", arena_strndup(&r->mem, p, n));
			any = true;
		}
		p += n;
		p += strspn(p, "\r\n");
	}
	if (!any && empty)
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", empty);
}

static void gap_note(request *r, const char *gap)
{
	if (!text_blank(gap))
		htmlf(&r->out, "<p class=\"govuk-body copro-gap\"><strong>[GAP IN SOURCE]</strong> %t</p>", gap);
}

static const char *trimmed(request *r, const char *value)
{
	if (!value)
		return NULL;
	value += strspn(value, " \t");
	size_t n = strlen(value);
	while (n && (value[n - 1] == ' ' || value[n - 1] == '\t'))
		n--;
	return arena_strndup(&r->mem, value, n);
}

static const char *posted(request *r, const char *name)
{
	return trimmed(r, form_get(r, name));
}

/* A whole number of at most `digits` digits; false for anything else. */
static bool whole_number(const char *s, size_t digits, int *out)
{
	size_t n = s ? strlen(s) : 0;
	if (!n || n > digits || strspn(s, "0123456789") != n)
		return false;
	*out = atoi(s);
	return true;
}

/* The id of a record chosen in a form, or 0 for none or not a number. */
static int64_t chosen_id(const char *s)
{
	if (text_blank(s))
		return 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	return *end || v <= 0 ? 0 : v;
}

/* "Principle", from the instrument's own terms. */
static const char *principle_term(request *r, const framework *fw)
{
	return sentence(r, fw && fw->term_section ? fw->term_section : "principle");
}

static const char *field_title(const audit_view *v, const char *key, const char *fallback)
{
	const char *t = audit_field_title(v->fw, key);
	return t ? t : fallback;
}

static const char *outcome_title(const audit_view *v, const char *key)
{
	for (size_t i = 0; key && i < v->n_outcomes; i++)
		if (!strcmp(v->outcomes[i].key, key))
			return v->outcomes[i].title;
	return key;
}

static const char *audit_path(request *r, int64_t org, int64_t audit)
{
	return arena_printf(&r->mem, "/org/%lld/audit/%lld", (long long)org, (long long)audit);
}

static audit_actor actor(request *r)
{
	return (audit_actor){.user_id = r->sess.user.id, .name = r->sess.user.name,
			     .access = r->access};
}

static void log_activity(request *r, const char *what)
{
	err e = {0};
	activity_log(&r->d, &r->sess.user, r->org, 0, what, &e);
}

static void summary_row(request *r, const char *key)
{
	htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%t</dt>"
		      "<dd class=\"govuk-summary-list__value\">", key);
}

static void summary_text(request *r, const char *key, const char *value, const char *empty)
{
	summary_row(r, key);
	htmlf(&r->out, "%t</dd></div>", text_blank(value) ? empty : value);
}

static void success_banner(request *r, const char *heading)
{
	htmlf(&r->out, "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\""
		      " aria-labelledby=\"success-title\" data-module=\"govuk-notification-banner\">"
		      "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"success-title\">Success</h2></div>"
		      "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">%t</p></div></div>",
	     heading);
}

/* Radios whose choices each carry a hint (a level's descriptor, a rule's
 * explanation). Nothing is checked unless `selected` names a choice. */
typedef struct choice {
	const char *value, *label, *hint, *gap;
} choice;

static void choice_radios(request *r, const char *name, const char *legend, const choice *c,
			  size_t n, const char *selected, const char *hint_text,
			  const form_errors *fe)
{
	const char *msg = form_error_for(fe, name);
	const char *described = hint_text && msg ? arena_printf(&r->mem, "%s-hint %s-error", name, name)
				: hint_text ? arena_printf(&r->mem, "%s-hint", name)
				: msg ? arena_printf(&r->mem, "%s-error", name) : NULL;
	htmlf(&r->out, "<div class=\"govuk-form-group%R\"><fieldset class=\"govuk-fieldset\"",
	     msg ? " govuk-form-group--error" : "");
	if (described)
		htmlf(&r->out, " aria-describedby=\"%a\"", described);
	htmlf(&r->out, "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">%t</legend>", legend);
	if (hint_text)
		htmlf(&r->out, "<div id=\"%a-hint\" class=\"govuk-hint\">%t</div>", name, hint_text);
	if (msg)
		htmlf(&r->out, "<p id=\"%a-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> %t</p>",
		     name, msg);
	htmlf(&r->out, "<div class=\"govuk-radios\" data-module=\"govuk-radios\">");
	for (size_t i = 0; i < n; i++) {
		/* The first choice carries the field's id, so the error
		 * summary's link lands on it. */
		const char *id = i == 0 ? name : arena_printf(&r->mem, "%s-%zu", name, i + 1);
		bool has_hint = !text_blank(c[i].hint) || !text_blank(c[i].gap);
		htmlf(&r->out, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"%a\" name=\"%a\" type=\"radio\" value=\"%a\"%R",
		     id, name, c[i].value, selected && !strcmp(selected, c[i].value) ? " checked" : "");
		if (has_hint)
			htmlf(&r->out, " aria-describedby=\"%a-item-hint\"", id);
		htmlf(&r->out, "><label class=\"govuk-label govuk-radios__label\" for=\"%a\">%t</label>", id,
		     c[i].label);
		if (has_hint) {
			htmlf(&r->out, "<div id=\"%a-item-hint\" class=\"govuk-hint govuk-radios__hint\">%t", id,
			     c[i].hint ? c[i].hint : "");
			if (!text_blank(c[i].gap))
				htmlf(&r->out, "%R<strong>[GAP IN SOURCE]</strong> %t",
				     text_blank(c[i].hint) ? "" : "<br>", c[i].gap);
			htmlf(&r->out, "</div>");
		}
		htmlf(&r->out, "</div>");
	}
	htmlf(&r->out, "</div></fieldset></div>");
}

/* The field a domain message is about, from the words it uses. */
static const char *field_of_message(const char *msg, const char *fallback)
{
	static const struct {
		const char *words, *field;
	} map[] = {
		{"reason", "outcome_reason"}, {"review", "review_on"},
		{"signed on", "signed_on"}, {"date signed", "signed_on"},
		{"signature", "signed_by"}, {"signed by", "signed_by"}, {"sign-off", "signed_by"},
		{"service area", "service_area"}, {"description", "description"},
		{"date of audit", "audit_date"}, {"audit date", "audit_date"},
		{"next step", "next_steps"}, {"summary", "summary"}, {"outcome", "outcome"},
		{"designation", "person-1-name"}, {"person", "person-1-name"},
		{"project", "project"}, {"level", "level"}, {"score", "score"}, {"notes", "notes"},
		{"evidence", "evidence"},
	};
	char lower[256];
	size_t n = 0;
	for (; msg && msg[n] && n < sizeof lower - 1; n++)
		lower[n] = (char)(msg[n] >= 'A' && msg[n] <= 'Z' ? msg[n] - 'A' + 'a' : msg[n]);
	lower[n] = '\0';
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strstr(lower, map[i].words))
			return map[i].field;
	return fallback;
}

/* ---- loading ----------------------------------------------------------- */

/* Loads the audit named in the URL, when it belongs to the organisation in
 * the URL (another organisation's audit does not exist here: 404).
 * Answers 0, or the status of the error page it wrote. */
static int load(request *r, audit_view *v)
{
	int64_t id = param_id(r, 1);
	audit_row a;
	err e = {0};
	memset(v, 0, sizeof *v);
	if (!id)
		return page_not_found(r);
	if (audit_get_in_org(&r->d, r->org, id, &a, &e) < 0)
		return server_error(r, &e);
	if (a.organisation_id != r->org)
		return page_not_found(r);
	if (audit_view_load(&r->d, id, v, &e) < 0)
		return server_error(r, &e);
	return 0;
}

static audit_principle_view *find_principle(audit_view *v, const char *key)
{
	for (size_t i = 0; key && i < v->n_principles; i++)
		if (!strcmp(v->principles[i].principle->key, key))
			return &v->principles[i];
	return NULL;
}

/* A page saying why the change cannot happen now, with the way back. */
static int conflict_page(request *r, const audit_view *v, const char *message)
{
	r->out.len = 0;
	page_begin(r, "This cannot be done now");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<h1 class=\"govuk-heading-l\">This cannot be done now</h1><p class=\"govuk-body\">%t</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Back to the audit</a></p></div></div>",
	     message, audit_path(r, r->org, v->audit.id));
	page_end(r);
	return 409;
}

static int conflict(request *r, audit_view *v, const char *message)
{
	return conflict_page(r, v, message);
}

/* Why a step is not possible for this audit now. */
static const char *step_refusal(request *r, const audit_view *v, enum audit_step step)
{
	const char *status = status_label(v->audit.status);
	switch (step) {
	case AUDIT_SUBMIT:
		return arena_printf(&r->mem, "Only a draft can be submitted to the area. This audit is %s.",
				    status);
	case AUDIT_RETURN:
	case AUDIT_ACCEPT:
		return arena_printf(&r->mem, "Only a submitted audit can be returned or accepted. This audit is %s.",
				    status);
	case AUDIT_REVISE:
		if (!v->latest)
			return "A newer version of this audit exists already: open the latest version.";
		return arena_printf(&r->mem, "Only an audit the area returned can be started again as a new version. This audit is %s.",
				    status);
	}
	return "This audit cannot change now.";
}

static void breadcrumbs(request *r, const audit_view *v, const char *here)
{
	htmlf(&r->out, "<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\"><ol class=\"govuk-breadcrumbs__list\">"
		      "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/\">Home</a></li>"
		      "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/org/%D\">%t</a></li>"
		      "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/org/%D/audits\">Audits</a></li>",
	     r->org, v->org.name, r->org);
	if (here)
		htmlf(&r->out, "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"%a\">Version %d</a></li>"
			      "<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">%t</li>",
		     audit_path(r, r->org, v->audit.id), v->audit.version, here);
	else
		htmlf(&r->out, "<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">Version %d</li>",
		     v->audit.version);
	htmlf(&r->out, "</ol></nav>");
}

/* ---- the organisation's audits ----------------------------------------- */

/* ROUTE: GET /org/{org}/audits (viewer) */
static int page_audits(request *r)
{
	org_row o;
	audit_list list;
	err e = {0};
	if (org_get(&r->d, r->org, &o, &e) < 0 || audit_list_org(&r->d, r->org, &list, &e) < 0)
		return server_error(r, &e);
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
	scroll_open(r, "Audits, newest first");
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
		     audit_path(r, r->org, a->id),
		     text_blank(a->service_area) ? arena_printf(&r->mem, "Audit %lld", (long long)a->id)
						 : a->service_area,
		     a->version, a->version, a->audit_date ? date_words(r, a->audit_date) : "Not given");
		status_tag(r, a->status);
		htmlf(&r->out, "</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     outcome ? outcome : a->outcome ? a->outcome : "Not chosen");
	}
	htmlf(&r->out, "</tbody></table></div>");
	page_end(r);
	return 200;
}

/* ---- starting an audit ------------------------------------------------- */

typedef struct start_values {
	const char *project, *service_area, *description, *audit_date;
} start_values;

static void project_select(request *r, const project_list *projects, const char *chosen,
			   const form_errors *fe)
{
	const char *msg = form_error_for(fe, "project");
	htmlf(&r->out, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label govuk-label--s\" for=\"project\">Project this audit looks at (optional)</label>"
		      "<div id=\"project-hint\" class=\"govuk-hint\">The project's steps are shown with the audit as supporting evidence.</div>",
	     msg ? " govuk-form-group--error" : "");
	if (msg)
		htmlf(&r->out, "<p id=\"project-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> %t</p>", msg);
	htmlf(&r->out, "<select class=\"govuk-select%R\" id=\"project\" name=\"project\" aria-describedby=\"project-hint%R\">"
		      "<option value=\"\">No project</option>",
	     msg ? " govuk-select--error" : "", msg ? " project-error" : "");
	for (size_t i = 0; i < projects->n; i++) {
		const project_row *p = &projects->items[i];
		const char *id = arena_printf(&r->mem, "%lld", (long long)p->id);
		htmlf(&r->out, "<option value=\"%a\"%R>%t</option>", id,
		     chosen && !strcmp(chosen, id) ? " selected" : "", p->title);
	}
	htmlf(&r->out, "</select></div>");
}

/* The project chosen in a form: 0 for none, -1 when it is not one of the
 * organisation's projects. */
static int64_t project_posted(const project_list *projects, const char *value)
{
	if (text_blank(value) || !strcmp(value, "0"))
		return 0;
	int64_t id = chosen_id(value);
	for (size_t i = 0; id && i < projects->n; i++)
		if (projects->items[i].id == id)
			return id;
	return -1;
}

static void new_form(request *r, const org_row *o, const project_list *projects,
		     const start_values *sv, const form_errors *fe)
{
	const framework *fw = fw_registry_find(r->d.frameworks, AUDIT_FRAMEWORK_ID);
	const char *date_title = fw ? audit_field_title(fw, "date") : NULL;
	const char *area_title = fw ? audit_field_title(fw, "service-area") : NULL;
	const char *desc_title = fw ? audit_field_title(fw, "description") : NULL;
	page_begin(r, fe && fe->n ? "Error: Start an audit" : "Start an audit");
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
		project_select(r, projects, sv->project, fe);
	form_input(r, "service_area", area_title ? area_title : "Service area", sv->service_area, fe,
		   &(input_opts){.hint = "The service or part of it that this audit is about"});
	form_textarea(r, "description", desc_title ? desc_title : "Description", sv->description,
		      NULL, fe);
	form_input(r, "audit_date", date_title ? date_title : "Date of audit", sv->audit_date, fe,
		   &(input_opts){.hint = "For example 2026-10-15. You can add it later.", .width = "10"});
	form_button(r, "Start the audit");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* ROUTE: GET /org/{org}/audits/new (lead) */
static int page_audit_new(request *r)
{
	org_row o;
	project_list projects;
	err e = {0};
	if (org_get(&r->d, r->org, &o, &e) < 0 ||
	    store_project_list(r->d.db, &r->mem, r->org, &projects, &e) < 0)
		return server_error(r, &e);
	start_values sv = {0};
	new_form(r, &o, &projects, &sv, NULL);
	return 200;
}

static void check_date(form_errors *fe, const char *field, const char *value, const char *what)
{
	if (!text_blank(value) && !date_valid(value))
		form_error_add(fe, field, what);
}

/* ROUTE: POST /org/{org}/audits (lead) */
static int page_audit_start(request *r)
{
	org_row o;
	project_list projects;
	err e = {0};
	if (org_get(&r->d, r->org, &o, &e) < 0 ||
	    store_project_list(r->d.db, &r->mem, r->org, &projects, &e) < 0)
		return server_error(r, &e);
	start_values sv = {.project = posted(r, "project"), .service_area = posted(r, "service_area"),
			   .description = form_get(r, "description"),
			   .audit_date = posted(r, "audit_date")};
	form_errors fe = {0};
	int64_t project = project_posted(&projects, sv.project);
	if (project < 0)
		form_error_add(&fe, "project", "Choose a project from the list, or no project");
	if (text_blank(sv.service_area))
		form_error_add(&fe, "service_area", "Enter the service area this audit is about");
	else if (text_check_line("The service area", sv.service_area, true, &e) < 0)
		form_error_add(&fe, "service_area", sentence(r, e.msg));
	if (sv.description && text_check_long("The description", sv.description, false, &e) < 0)
		form_error_add(&fe, "description", sentence(r, e.msg));
	check_date(&fe, "audit_date", sv.audit_date,
		   "The date of audit must be a real date, like 2026-10-15");
	int64_t id = 0;
	if (!fe.n) {
		audit_fields f = {.service_area = sv.service_area,
				  .description = sv.description ? sv.description : "",
				  .audit_date = sv.audit_date ? sv.audit_date : ""};
		audit_actor who = actor(r);
		if (audit_start(&r->d, r->org, project, &f, &who, &id, &e) < 0) {
			if (e.kind != ERR_INPUT)
				return server_error(r, &e);
			form_error_add(&fe, field_of_message(e.msg, "service_area"), sentence(r, e.msg));
		}
	}
	if (fe.n) {
		new_form(r, &o, &projects, &sv, &fe);
		return 400;
	}
	log_activity(r, arena_printf(&r->mem, "started audit %lld (%s)", (long long)id, sv.service_area));
	return web_redirect(r, audit_path(r, r->org, id));
}

/* ---- the whole audit ---------------------------------------------------- */

/* What a rule does, without the rule's name that the domain's sentence
 * starts with (pages show the name next to it). */
static const char *rule_how(request *r, const char *rule)
{
	const char *how = audit_rule_describe(rule), *name = audit_rule_name(rule);
	if (!how)
		return NULL;
	size_t n = name ? strlen(name) : 0;
	if (n && !strncasecmp(how, name, n) && how[n] == ':' && how[n + 1] == ' ')
		how += n + 2;
	return sentence(r, how);
}

/* Why the suggestion is what it is: a local rule, named, not the source's. */
static void rule_note(request *r, const audit_view *v)
{
	const char *rule = v->settings.rule;
	const char *name = audit_rule_name(rule);
	const char *how = rule_how(r, rule);
	htmlf(&r->out, "<div class=\"govuk-inset-text\" id=\"local-rule\"><p class=\"govuk-body\">"
		      "The suggested outcome comes from a local rule, not from York's framework: the framework "
		      "gives no rule for getting from the principles' levels to an overall outcome. ");
	if (v->settings.is_default)
		htmlf(&r->out, "Your area has not chosen a rule, so copro's default is used: the &ldquo;%t&rdquo; rule.",
		     name ? name : rule);
	else
		htmlf(&r->out, "This area's local rule is the &ldquo;%t&rdquo; rule.", name ? name : rule);
	if (how)
		htmlf(&r->out, " %t", how);
	htmlf(&r->out, "</p><p class=\"govuk-body\">It is only a suggestion: the organisation may choose "
		      "a different outcome and give its reason.</p></div>");
}

static const char *scale_words(request *r, const audit_settings *s)
{
	return arena_printf(&r->mem, "a whole number from %d to %d", s->score_min, s->score_max);
}

static void header_summary(request *r, const audit_view *v, bool can_edit)
{
	const audit_row *a = &v->audit;
	htmlf(&r->out, "<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\">"
		      "<h2 class=\"govuk-summary-card__title\" id=\"header\">About this audit</h2>");
	if (can_edit)
		htmlf(&r->out, "<div class=\"govuk-summary-card__actions\"><a class=\"govuk-link\" href=\"%a/edit\">"
			      "Change<span class=\"govuk-visually-hidden\"> the details of this audit</span></a></div>",
		     audit_path(r, r->org, a->id));
	htmlf(&r->out, "</div><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">");
	summary_text(r, field_title(v, "organisation", "Organisation"), v->org.name, "");
	summary_text(r, field_title(v, "service-area", "Service area"), a->service_area, "Not given");
	summary_row(r, field_title(v, "description", "Description"));
	paragraphs(r, a->description, "Not given");
	htmlf(&r->out, "</dd></div>");
	summary_text(r, field_title(v, "date", "Date of audit"),
		     a->audit_date ? date_words(r, a->audit_date) : NULL, "Not given");
	summary_row(r, field_title(v, "completed-by", "People completing the audit"));
	if (!v->n_people) {
		htmlf(&r->out, "Not given");
	} else {
		htmlf(&r->out, "<ul class=\"govuk-list\">");
		for (size_t i = 0; i < v->n_people; i++) {
			const audit_person_row *p = &v->people[i];
			htmlf(&r->out, "<li>%t%R%t</li>", p->name, text_blank(p->designation) ? "" : ", ",
			     p->designation ? p->designation : "");
		}
		htmlf(&r->out, "</ul>");
	}
	htmlf(&r->out, "</dd></div>");
	summary_row(r, "Status");
	status_tag(r, a->status);
	htmlf(&r->out, "</dd></div>");
	htmlf(&r->out, "</dl></div></div>");
}

static void project_summary(request *r, const audit_view *v)
{
	if (!v->has_project)
		return;
	const audit_project_row *p = &v->project;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"project\">Supporting evidence: the project</h2>"
		      "<p class=\"govuk-body\">This audit looks at the project "
		      "<a class=\"govuk-link\" href=\"/org/%D/project/%D\">%t</a>.",
	     r->org, p->id, p->title);
	if (v->project_steps_total > 0)
		htmlf(&r->out, " %d of %d of its steps are done.", p->steps_done, v->project_steps_total);
	else
		htmlf(&r->out, " %d of its steps are done.", p->steps_done);
	htmlf(&r->out, "</p>");
}

static void indicator_text(request *r, const audit_principle_view *pv)
{
	const fw_element *ind = pv->indicator;
	if (!ind)
		return;
	htmlf(&r->out, "<h3 class=\"govuk-heading-s govuk-!-margin-bottom-2\">%t</h3>",
	     text_blank(ind->title) ? "Indicator" : ind->title);
	if (!text_blank(ind->description))
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", ind->description);
	gap_note(r, ind->gap);
}

static void commitments(request *r, const audit_principle_view *pv)
{
	if (!pv->n_commitments)
		return;
	htmlf(&r->out, "<ul class=\"govuk-list govuk-list--bullet\">");
	for (size_t i = 0; i < pv->n_commitments; i++)
		htmlf(&r->out, "<li>%t</li>", pv->commitments[i]);
	htmlf(&r->out, "</ul>");
}

static void principle_block(request *r, const audit_view *v, const audit_principle_view *pv,
			    bool can_edit)
{
	const fw_section *s = pv->principle;
	const char *page = arena_printf(&r->mem, "%s/principle/%s", audit_path(r, r->org, v->audit.id),
					s->key);
	htmlf(&r->out, "<section class=\"govuk-!-margin-bottom-8\" aria-labelledby=\"principle-%a\">"
		      "<h2 class=\"govuk-heading-m\" id=\"principle-%a\">%t %t: %t</h2>",
	     s->key, s->key, principle_term(r, v->fw), s->key, s->title);
	gap_note(r, s->gap);
	commitments(r, pv);
	indicator_text(r, pv);
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
	summary_row(r, "Level");
	if (pv->level) {
		htmlf(&r->out, "<p class=\"govuk-body govuk-!-margin-bottom-1\"><strong>%t</strong></p>",
		     pv->level->title);
		if (!text_blank(pv->level->text))
			htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", pv->level->text);
		gap_note(r, pv->level->gap);
	} else {
		htmlf(&r->out, "Not chosen yet");
	}
	htmlf(&r->out, "</dd></div>");
	summary_row(r, field_title(v, "score", "Score"));
	if (pv->row.score != AUDIT_NO_SCORE)
		htmlf(&r->out, "%d <span class=\"govuk-hint\">(on this area's scale of %d to %d)</span>",
		     pv->row.score, v->settings.score_min, v->settings.score_max);
	else
		htmlf(&r->out, "Not given <span class=\"govuk-hint\">(this area's scale is %d to %d)</span>",
		     v->settings.score_min, v->settings.score_max);
	htmlf(&r->out, "</dd></div>");
	summary_row(r, field_title(v, "notes-evidence", "Notes or evidence"));
	paragraphs(r, pv->row.notes, "None written");
	htmlf(&r->out, "</dd></div>");
	summary_row(r, "Evidence from the library");
	if (!pv->n_evidence) {
		htmlf(&r->out, "None linked");
	} else {
		htmlf(&r->out, "<ul class=\"govuk-list\">");
		for (size_t i = 0; i < pv->n_evidence; i++) {
			const audit_evidence_row *ev = &pv->evidence[i];
			htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a>%R%t</li>",
			     r->org, ev->evidence_id, ev->title ? ev->title : "Evidence",
			     ev->evidence_date ? ", " : "",
			     ev->evidence_date ? date_words(r, ev->evidence_date) : "");
		}
		htmlf(&r->out, "</ul>");
	}
	htmlf(&r->out, "</dd></div></dl>");
	const char *term = v->fw->term_section ? v->fw->term_section : "principle";
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">%R %t %t%R</a></p></section>",
	     page, can_edit ? "Record the judgement for" : "Open", term, s->key,
	     can_edit ? "" : " on its own page");
}

static void overall_summary(request *r, const audit_view *v, bool can_edit)
{
	const audit_row *a = &v->audit;
	htmlf(&r->out, "<div class=\"govuk-summary-card\" id=\"overall\"><div class=\"govuk-summary-card__title-wrapper\">"
		      "<h2 class=\"govuk-summary-card__title\">Overall summary</h2>");
	if (can_edit)
		htmlf(&r->out, "<div class=\"govuk-summary-card__actions\"><a class=\"govuk-link\" href=\"%a/edit#outcome\">"
			      "Change<span class=\"govuk-visually-hidden\"> the overall summary</span></a></div>",
		     audit_path(r, r->org, a->id));
	htmlf(&r->out, "</div><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">");
	summary_text(r, "Outcome", a->outcome ? outcome_title(v, a->outcome) : NULL, "Not chosen yet");
	summary_row(r, "Suggested outcome");
	if (v->suggested)
		htmlf(&r->out, "%t <span class=\"govuk-hint\">(by this area's local rule: see below)</span>",
		     outcome_title(v, v->suggested));
	else
		htmlf(&r->out, "None yet: every principle needs a level first");
	htmlf(&r->out, "</dd></div>");
	if (v->overridden || !text_blank(a->outcome_reason))
		summary_text(r, "Reason for a different outcome than suggested", a->outcome_reason,
			     "Not given");
	summary_row(r, field_title(v, "summary", "Summary"));
	paragraphs(r, a->summary, "Not written yet");
	htmlf(&r->out, "</dd></div>");
	summary_row(r, field_title(v, "next-steps", "Next steps"));
	paragraphs(r, a->next_steps, "Not written yet");
	htmlf(&r->out, "</dd></div>");
	summary_text(r, field_title(v, "review-date", "Review date"),
		     a->review_on ? date_words(r, a->review_on) : NULL, "Not given");
	summary_row(r, field_title(v, "sign-off", "Signed off by"));
	if (text_blank(a->signed_by))
		htmlf(&r->out, "Not signed off yet");
	else
		htmlf(&r->out, "%t%R%t", a->signed_by, a->signed_on ? ", " : "",
		     a->signed_on ? date_words(r, a->signed_on) : "");
	htmlf(&r->out, "</dd></div></dl></div></div>");
	rule_note(r, v);
}

static void actions_raised(request *r, const audit_view *v, const form_errors *fe)
{
	bool can = r->access >= ACCESS_CONTRIBUTE && !text_blank(v->audit.next_steps);
	if (!v->n_actions && !can)
		return;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"actions\">Actions from this audit</h2>");
	if (v->n_actions) {
		htmlf(&r->out, "<ul class=\"govuk-list govuk-list--bullet\">");
		for (size_t i = 0; i < v->n_actions; i++)
			htmlf(&r->out, "<li>%t</li>", v->actions[i].title);
		htmlf(&r->out, "</ul><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/actions\">See all actions</a></p>",
		     r->org);
	} else {
		htmlf(&r->out, "<p class=\"govuk-body\">No actions have been raised from this audit yet.</p>");
	}
	if (!can)
		return;
	const char *msg = form_error_for(fe, "create-actions");
	htmlf(&r->out, "<form method=\"post\" action=\"%a/actions\" novalidate><div class=\"govuk-form-group%R\">",
	     audit_path(r, r->org, v->audit.id), msg ? " govuk-form-group--error" : "");
	form_csrf(r);
	htmlf(&r->out, "<p class=\"govuk-body\" id=\"create-actions-hint\">This adds one action to your organisation's "
		      "action list for each line of the next steps not raised yet.</p>");
	if (msg)
		htmlf(&r->out, "<p id=\"create-actions-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> %t</p>", msg);
	htmlf(&r->out, "<button type=\"submit\" id=\"create-actions\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\" aria-describedby=\"create-actions-hint\">"
		      "Create actions from next steps</button></div></form>");
}

static void history(request *r, const audit_view *v)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"history\">History</h2>");
	if (!v->n_events) {
		htmlf(&r->out, "<p class=\"govuk-body\">Nothing has happened to this version yet.</p>");
		return;
	}
	scroll_open(r, arena_printf(&r->mem, "History of version %d", v->audit.version));
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s govuk-visually-hidden\">History of version %d</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Date</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">What happened</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Who</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Comment</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">", v->audit.version);
	for (size_t i = 0; i < v->n_events; i++) {
		const audit_event_row *ev = &v->events[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">",
		     ev->at ? date_words(r, arena_strndup(&r->mem, ev->at, 10)) : "",
		     event_label(ev->status), text_blank(ev->user_name) ? "copro (command line)" : ev->user_name);
		paragraphs(r, ev->comment, NULL);
		htmlf(&r->out, "</td></tr>");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void versions(request *r, const audit_view *v)
{
	if (v->n_versions < 2)
		return;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"versions\">Versions</h2><ul class=\"govuk-list\">");
	for (size_t i = 0; i < v->n_versions; i++) {
		const audit_row *a = &v->versions[i];
		if (a->id == v->audit.id) {
			htmlf(&r->out, "<li>Version %d (this version): ", a->version);
		} else {
			htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a\">Version %d</a>: ",
			     audit_path(r, r->org, a->id), a->version);
		}
		status_tag(r, a->status);
		htmlf(&r->out, "</li>");
	}
	htmlf(&r->out, "</ul>");
}

static void step_form(request *r, const audit_view *v, const char *step, const char *button,
		      bool secondary)
{
	htmlf(&r->out, "<form method=\"post\" action=\"%a/%R\" novalidate>", audit_path(r, r->org, v->audit.id),
	     step);
	form_csrf(r);
	htmlf(&r->out, "<button type=\"submit\" id=\"%a-button\" class=\"govuk-button%R\" data-module=\"govuk-button\">%t</button></form>",
	     step, secondary ? " govuk-button--secondary" : "", button);
}

/* The area's decision: return with a comment, or accept. */
static void decision_forms(request *r, const audit_view *v, const form_errors *fe,
			   const char *comment)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"decision\">The area's decision</h2>"
		      "<form method=\"post\" action=\"%a/return\" novalidate>", audit_path(r, r->org, v->audit.id));
	form_csrf(r);
	form_textarea(r, "return_comment", "What the organisation needs to change", comment,
		      "Needed to return the audit. The organisation sees this at the top of its audit.", fe);
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Return to the organisation</button></form>"
		      "<form method=\"post\" action=\"%a/accept\" novalidate>", audit_path(r, r->org, v->audit.id));
	form_csrf(r);
	form_textarea(r, "accept_comment", "Comment on accepting (optional)", NULL, NULL, fe);
	form_button(r, "Accept");
	htmlf(&r->out, "</form>");
}

/* Buttons for what this person may do with this audit now. */
static void workflow(request *r, const audit_view *v, const form_errors *fe, const char *comment)
{
	const audit_row *a = &v->audit;
	bool submit = audit_step_allowed(a, v->latest, AUDIT_SUBMIT, r->access);
	bool revise = audit_step_allowed(a, v->latest, AUDIT_REVISE, r->access);
	bool decide = r->access == ACCESS_AREA && audit_step_allowed(a, v->latest, AUDIT_ACCEPT, r->access);
	const char *msg = form_error_for(fe, "submit-button");
	if (submit) {
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"submit\">Submit to the area</h2>");
		if (msg)
			htmlf(&r->out, "<p class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> %t</p>", msg);
		else if (v->missing)
			htmlf(&r->out, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
				      "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
				      "Before it can be submitted: %t.</strong></div>", v->missing);
		htmlf(&r->out, "<p class=\"govuk-body\">Once submitted, the audit cannot change unless the area returns it.</p>");
		step_form(r, v, "submit", "Submit to the area", false);
	}
	if (revise) {
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Start again from this version</h2>"
			      "<p class=\"govuk-body\">A new version copies everything in this one, as a draft to change. "
			      "This version stays as it is.</p>");
		step_form(r, v, "revise", "Start a new version", false);
	}
	if (decide)
		decision_forms(r, v, fe, comment);
}

static void done_banner(request *r, const audit_view *v)
{
	const char *done = query_get(r, "done");
	if (!done)
		return;
	if (!strcmp(done, "submitted"))
		success_banner(r, "The audit has been submitted to the area");
	else if (!strcmp(done, "returned"))
		success_banner(r, "The audit has been returned to the organisation with your comment");
	else if (!strcmp(done, "accepted"))
		success_banner(r, "The audit has been accepted");
	else if (!strcmp(done, "revised"))
		success_banner(r, arena_printf(&r->mem, "Version %d has been started as a draft", v->audit.version));
	else if (!strcmp(done, "actions"))
		success_banner(r, "Actions have been created from the next steps");
	else if (!strcmp(done, "saved"))
		success_banner(r, "Your changes have been saved");
}

static void return_banner(request *r, const audit_view *v)
{
	if (strcmp(v->audit.status, "returned") || text_blank(v->return_comment))
		return;
	htmlf(&r->out, "<div class=\"govuk-notification-banner\" role=\"region\" aria-labelledby=\"returned-title\" data-module=\"govuk-notification-banner\">"
		      "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"returned-title\">Returned by the area</h2></div>"
		      "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">The area returned this audit with a comment:</p>");
	paragraphs(r, v->return_comment, NULL);
	if (v->latest)
		htmlf(&r->out, "<p class=\"govuk-body\">Your organisation lead can start a new version to make the changes.</p>");
	htmlf(&r->out, "</div></div>");
}

/* The audit laid out like the source form. `fe` and `comment` are set when
 * a refused POST shows the page again. */
static void render_audit(request *r, const audit_view *v, const form_errors *fe,
			 const char *comment)
{
	const audit_row *a = &v->audit;
	bool can_edit = !strcmp(a->status, "draft") && r->access >= ACCESS_CONTRIBUTE;
	const char *name = text_blank(a->service_area) ? "Joint partnership audit" : a->service_area;
	page_begin(r, arena_printf(&r->mem, "%s%s, version %d - %s", fe && fe->n ? "Error: " : "", name,
				   a->version, v->org.name));
	breadcrumbs(r, v, NULL);
	form_error_summary(r, fe);
	done_banner(r, v);
	return_banner(r, v);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t "
		      "<span class=\"govuk-caption-m\">Version %d</span></h1>",
	     v->fw->title, name, a->version);
	if (v->framework_changed)
		htmlf(&r->out, "<div class=\"govuk-inset-text\">The audit file has changed since this audit started. "
			      "This audit keeps its original wording.</div>");
	if (!v->latest)
		htmlf(&r->out, "<div class=\"govuk-inset-text\">This is an earlier version. "
			      "It stays as it was; the latest version is listed under Versions.</div>");
	/* The decision forms close a long page: the area finds them from here. */
	if (r->access == ACCESS_AREA && audit_step_allowed(a, v->latest, AUDIT_ACCEPT, r->access))
		htmlf(&r->out, "<div class=\"govuk-inset-text\">This audit is waiting for the area's decision. "
			      "Read it through, then <a class=\"govuk-link\" href=\"#decision\">return it or accept it</a>.</div>");
	header_summary(r, v, can_edit);
	project_summary(r, v);
	for (size_t i = 0; i < v->n_principles; i++)
		principle_block(r, v, &v->principles[i], can_edit);
	overall_summary(r, v, can_edit);
	if (can_edit)
		htmlf(&r->out, "<a href=\"%a/edit\" role=\"button\" draggable=\"false\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Change the audit details</a>",
		     audit_path(r, r->org, a->id));
	workflow(r, v, fe, comment);
	actions_raised(r, v, fe);
	history(r, v);
	versions(r, v);
	page_end(r);
}

/* ROUTE: GET /org/{org}/audit/{audit} (viewer) */
static int page_audit(request *r)
{
	audit_view v;
	int st = load(r, &v);
	if (st)
		return st;
	render_audit(r, &v, NULL, NULL);
	return 200;
}

/* Shows the audit again with the problem; nothing was saved. */
static int refuse_on_audit(request *r, audit_view *v, const char *field, const char *message,
			   const char *comment)
{
	form_errors fe = {0};
	form_error_add(&fe, field, message);
	r->out.len = 0;
	render_audit(r, v, &fe, comment);
	return 400;
}

/* ---- the header and summary form --------------------------------------- */

typedef struct edit_values {
	audit_fields f;
	const char *project;
	audit_person_row people[PEOPLE_ROWS_MAX];
	size_t n_people;                /* rows with something typed */
	bool people_posted;
} edit_values;

static void people_rows(request *r, const audit_view *v, const edit_values *ev,
			const form_errors *fe)
{
	size_t last = 0;
	for (size_t i = 0; i < ev->n_people; i++)
		if ((size_t)ev->people[i].position > last)
			last = (size_t)ev->people[i].position;
	size_t rows = last + 2;
	if (rows < 3)
		rows = 3;
	if (rows > PEOPLE_ROWS_MAX)
		rows = PEOPLE_ROWS_MAX;
	htmlf(&r->out, "<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\" aria-describedby=\"people-hint\">"
		      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\"><h2 class=\"govuk-fieldset__heading\" id=\"people\">%t</h2></legend>"
		      "<div id=\"people-hint\" class=\"govuk-hint\">A name and a designation for each person. Leave rows you do not need empty.</div>",
	     field_title(v, "completed-by", "People completing the audit"));
	for (size_t i = 0; i < rows; i++) {
		/* Rows keep their places, so a message stays by its row. */
		const audit_person_row *p = NULL;
		for (size_t k = 0; k < ev->n_people && !p; k++)
			if ((size_t)ev->people[k].position == i + 1)
				p = &ev->people[k];
		const char *nm = arena_printf(&r->mem, "person-%zu-name", i + 1);
		const char *ds = arena_printf(&r->mem, "person-%zu-designation", i + 1);
		form_input(r, nm, arena_printf(&r->mem, "Person %zu: name", i + 1), p ? p->name : NULL, fe,
			   &(input_opts){.width = "20"});
		form_input(r, ds, arena_printf(&r->mem, "Person %zu: designation", i + 1),
			   p ? p->designation : NULL, fe, &(input_opts){.width = "20"});
	}
	htmlf(&r->out, "</fieldset></div>");
}

static void outcome_radios(request *r, const audit_view *v, const char *selected,
			   const form_errors *fe)
{
	choice *c = arena_alloc(&r->mem, (v->n_outcomes + 1) * sizeof *c);
	for (size_t i = 0; i < v->n_outcomes; i++) {
		c[i].value = v->outcomes[i].key;
		c[i].label = v->outcomes[i].title;
		if (v->suggested && !strcmp(v->suggested, v->outcomes[i].key))
			c[i].hint = "Suggested by this area's local rule";
	}
	const char *hint_text = v->suggested
		? arena_printf(&r->mem, "Suggested from the principles' levels: %s. You may choose another outcome and give your reason.",
			       outcome_title(v, v->suggested))
		: "There is no suggestion until every principle has a level.";
	choice_radios(r, "outcome", "Outcome", c, v->n_outcomes, selected, hint_text, fe);
}

static void edit_form(request *r, const audit_view *v, const project_list *projects,
		      const edit_values *ev, const form_errors *fe)
{
	const audit_fields *f = &ev->f;
	page_begin(r, fe && fe->n ? "Error: Change the audit details" : "Change the audit details");
	breadcrumbs(r, v, "Change the details");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Change the audit details</h1>"
		      "<form method=\"post\" action=\"%a/edit\" novalidate>",
	     v->org.name, audit_path(r, r->org, v->audit.id));
	form_csrf(r);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">About this audit</h2>"
		      "<p class=\"govuk-body\">%t: %t</p>", field_title(v, "organisation", "Organisation"),
	     v->org.name);
	if (projects->n)
		project_select(r, projects, ev->project, fe);
	form_input(r, "service_area", field_title(v, "service-area", "Service area"), f->service_area, fe, NULL);
	form_textarea(r, "description", field_title(v, "description", "Description"), f->description,
		      NULL, fe);
	form_input(r, "audit_date", field_title(v, "date", "Date of audit"), f->audit_date, fe,
		   &(input_opts){.hint = "For example 2026-10-15", .width = "10"});
	people_rows(r, v, ev, fe);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Overall summary</h2>");
	form_textarea(r, "summary", field_title(v, "summary", "Summary"), f->summary, NULL, fe);
	form_textarea(r, "next_steps", field_title(v, "next-steps", "Next steps"), f->next_steps,
		      "One step a line: each line can become an action.", fe);
	form_input(r, "review_on", field_title(v, "review-date", "Review date"), f->review_on, fe,
		   &(input_opts){.hint = "For example 2027-10-15", .width = "10"});
	rule_note(r, v);
	outcome_radios(r, v, f->outcome, fe);
	form_textarea(r, "outcome_reason", "Reason for choosing a different outcome than the suggestion",
		      f->outcome_reason, "Needed only when the outcome differs from the suggested one.", fe);
	form_input(r, "signed_by", field_title(v, "sign-off", "Signed off by"), f->signed_by, fe, NULL);
	form_input(r, "signed_on", "Date signed (optional)", f->signed_on, fe,
		   &(input_opts){.hint = "For example 2026-10-20", .width = "10"});
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\">Cancel</a></div></form></div></div>",
	     audit_path(r, r->org, v->audit.id));
	page_end(r);
}

static void edit_values_saved(request *r, const audit_view *v, edit_values *ev)
{
	const audit_row *a = &v->audit;
	memset(ev, 0, sizeof *ev);
	ev->f = (audit_fields){.service_area = a->service_area, .description = a->description,
			       .audit_date = a->audit_date, .summary = a->summary,
			       .next_steps = a->next_steps, .review_on = a->review_on,
			       .outcome = a->outcome, .outcome_reason = a->outcome_reason,
			       .signed_by = a->signed_by, .signed_on = a->signed_on};
	ev->project = a->project_id ? arena_printf(&r->mem, "%lld", (long long)a->project_id) : "";
	for (size_t i = 0; i < v->n_people && i < PEOPLE_ROWS_MAX; i++) {
		ev->people[ev->n_people] = v->people[i];
		ev->people[ev->n_people].position = (int)ev->n_people + 1;
		ev->n_people++;
	}
}

/* ROUTE: GET /org/{org}/audit/{audit}/edit (contributor) */
static int page_audit_edit(request *r)
{
	audit_view v;
	int st = load(r, &v);
	if (st)
		return st;
	err e = {0};
	if (audit_writable(&v.audit, &e) < 0)
		return conflict(r, &v, sentence(r, e.msg));
	project_list projects;
	if (store_project_list(r->d.db, &r->mem, r->org, &projects, &e) < 0)
		return server_error(r, &e);
	edit_values ev;
	edit_values_saved(r, &v, &ev);
	edit_form(r, &v, &projects, &ev, NULL);
	return 200;
}

/* The form's values; a field the form did not send stays as it is. */
static void edit_values_posted(request *r, edit_values *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->f = (audit_fields){.service_area = posted(r, "service_area"),
			       .description = form_get(r, "description"),
			       .audit_date = posted(r, "audit_date"), .summary = form_get(r, "summary"),
			       .next_steps = form_get(r, "next_steps"), .review_on = posted(r, "review_on"),
			       .outcome = posted(r, "outcome"),
			       .outcome_reason = form_get(r, "outcome_reason"),
			       .signed_by = posted(r, "signed_by"), .signed_on = posted(r, "signed_on")};
	ev->project = posted(r, "project");
	for (size_t i = 0; i < PEOPLE_ROWS_MAX; i++) {
		const char *nm = posted(r, arena_printf(&r->mem, "person-%zu-name", i + 1));
		const char *ds = posted(r, arena_printf(&r->mem, "person-%zu-designation", i + 1));
		if (nm || ds)
			ev->people_posted = true;
		if (text_blank(nm) && text_blank(ds))
			continue;
		ev->people[ev->n_people++] = (audit_person_row){.position = (int)i + 1,
							       .name = nm ? nm : "",
							       .designation = ds ? ds : ""};
	}
}

static void check_edit(request *r, const audit_view *v, const project_list *projects,
		       const edit_values *ev, form_errors *fe)
{
	const audit_fields *f = &ev->f;
	err e = {0};
	if (ev->project && project_posted(projects, ev->project) < 0)
		form_error_add(fe, "project", "Choose a project from the list, or no project");
	if (f->service_area && text_check_line("The service area", f->service_area, false, &e) < 0)
		form_error_add(fe, "service_area", sentence(r, e.msg));
	if (f->description && text_check_long("The description", f->description, false, &e) < 0)
		form_error_add(fe, "description", sentence(r, e.msg));
	check_date(fe, "audit_date", f->audit_date, "The date of audit must be a real date, like 2026-10-15");
	for (size_t i = 0; i < ev->n_people; i++) {
		const audit_person_row *p = &ev->people[i];
		const char *field = arena_printf(&r->mem, "person-%d-name", p->position);
		if (text_blank(p->name))
			form_error_add(fe, field, arena_printf(&r->mem, "Enter the name of person %d, or clear their designation",
							       p->position));
		else if (text_check_line("The name", p->name, true, &e) < 0 ||
			 text_check_line("The designation", p->designation, false, &e) < 0)
			form_error_add(fe, field, sentence(r, e.msg));
	}
	if (f->summary && text_check_long("The summary", f->summary, false, &e) < 0)
		form_error_add(fe, "summary", sentence(r, e.msg));
	if (f->next_steps && text_check_long("The next steps", f->next_steps, false, &e) < 0)
		form_error_add(fe, "next_steps", sentence(r, e.msg));
	check_date(fe, "review_on", f->review_on, "The review date must be a real date, like 2027-10-15");
	if (!text_blank(f->outcome)) {
		bool known = false;
		for (size_t i = 0; i < v->n_outcomes; i++)
			known |= !strcmp(v->outcomes[i].key, f->outcome);
		if (!known)
			form_error_add(fe, "outcome", "Choose an outcome from the list");
	}
	const char *reason = f->outcome_reason ? f->outcome_reason : v->audit.outcome_reason;
	if (!text_blank(f->outcome) && v->suggested && strcmp(f->outcome, v->suggested) &&
	    text_blank(reason))
		form_error_add(fe, "outcome_reason",
			       arena_printf(&r->mem, "Give your reason for choosing an outcome other than the suggested one (%s)",
					    outcome_title(v, v->suggested)));
	else if (f->outcome_reason && text_check_long("The reason", f->outcome_reason, false, &e) < 0)
		form_error_add(fe, "outcome_reason", sentence(r, e.msg));
	if (f->signed_by && text_check_line("The name", f->signed_by, false, &e) < 0)
		form_error_add(fe, "signed_by", sentence(r, e.msg));
	check_date(fe, "signed_on", f->signed_on, "The date signed must be a real date, like 2026-10-20");
}

/* ROUTE: POST /org/{org}/audit/{audit}/edit (contributor) */
static int page_audit_edit_post(request *r)
{
	audit_view v;
	int st = load(r, &v);
	if (st)
		return st;
	err e = {0};
	if (audit_writable(&v.audit, &e) < 0)
		return conflict(r, &v, sentence(r, e.msg));
	project_list projects;
	if (store_project_list(r->d.db, &r->mem, r->org, &projects, &e) < 0)
		return server_error(r, &e);
	edit_values ev;
	edit_values_posted(r, &ev);
	form_errors fe = {0};
	check_edit(r, &v, &projects, &ev, &fe);
	if (fe.n)
		goto refused;

	/* The fields, the people and the project are one change. */
	if (store_begin(r->d.db, &e) < 0)
		goto failed;
	if (audit_set(&r->d, v.audit.id, &ev.f, &e) < 0 ||
	    (ev.people_posted && audit_people_set(&r->d, v.audit.id, ev.people, ev.n_people, &e) < 0) ||
	    (ev.project && audit_set_project(&r->d, v.audit.id, project_posted(&projects, ev.project), &e) < 0) ||
	    store_commit(r->d.db, &e) < 0) {
		store_rollback(r->d.db);
		goto failed;
	}
	log_activity(r, arena_printf(&r->mem, "changed the details of audit %lld (version %d)",
				     (long long)v.audit.id, v.audit.version));
	st = web_redirect(r, arena_printf(&r->mem, "%s?done=saved", audit_path(r, r->org, v.audit.id)));
	return st;
failed:
	if (e.kind == ERR_CONFLICT)
		return conflict(r, &v, sentence(r, e.msg));
	if (e.kind != ERR_INPUT)
		return server_error(r, &e);
	form_error_add(&fe, field_of_message(e.msg, "service_area"), sentence(r, e.msg));
refused:;
	/* What was sent, over what is saved for anything the form left out. */
	edit_values shown;
	edit_values_saved(r, &v, &shown);
	const char **to[] = {&shown.f.service_area, &shown.f.description, &shown.f.audit_date,
			     &shown.f.summary, &shown.f.next_steps, &shown.f.review_on,
			     &shown.f.outcome, &shown.f.outcome_reason, &shown.f.signed_by,
			     &shown.f.signed_on, &shown.project};
	const char *from[] = {ev.f.service_area, ev.f.description, ev.f.audit_date, ev.f.summary,
			      ev.f.next_steps, ev.f.review_on, ev.f.outcome, ev.f.outcome_reason,
			      ev.f.signed_by, ev.f.signed_on, ev.project};
	for (size_t i = 0; i < sizeof from / sizeof *from; i++)
		if (from[i])
			*to[i] = from[i];
	if (ev.people_posted) {
		memcpy(shown.people, ev.people, sizeof shown.people);
		shown.n_people = ev.n_people;
	}
	edit_form(r, &v, &projects, &shown, &fe);
	return 400;
}

/* ---- one principle ------------------------------------------------------ */

typedef struct principle_values {
	const char *level, *score, *notes;
	bool *linked;                   /* per item of the library */
} principle_values;

static void level_radios(request *r, const audit_principle_view *pv, const char *selected,
			 const form_errors *fe)
{
	const fw_element *ind = pv->indicator;
	size_t n = ind ? ind->n_levels : 0;
	choice *c = arena_alloc(&r->mem, (n + 1) * sizeof *c);
	for (size_t i = 0; i < n; i++)
		c[i] = (choice){.value = ind->levels[i].key, .label = ind->levels[i].title,
				.hint = ind->levels[i].text, .gap = ind->levels[i].gap};
	choice_radios(r, "level", "Level", c, n, selected,
		      "Choose the level that best describes the service. Each level's description is from York's framework.",
		      fe);
}

static void evidence_boxes(request *r, const evidence_list *library, const bool *linked,
			   const form_errors *fe)
{
	htmlf(&r->out, "<input type=\"hidden\" name=\"evidence-shown\" value=\"1\">");
	if (!library->n) {
		htmlf(&r->out, "<h2 class=\"govuk-heading-s\">Evidence from the library</h2>"
			      "<p class=\"govuk-body\">Your evidence library is empty. "
			      "<a class=\"govuk-link\" href=\"/org/%D/evidence\">Go to the evidence library</a>.</p>", r->org);
		return;
	}
	const char **options = arena_alloc(&r->mem, (2 * library->n + 1) * sizeof *options);
	for (size_t i = 0; i < library->n; i++) {
		const evidence_row *ev = &library->items[i];
		options[2 * i] = arena_printf(&r->mem, "%lld", (long long)ev->id);
		options[2 * i + 1] = arena_printf(&r->mem, "%s (%s)", ev->title, date_words(r, ev->date));
	}
	form_checkboxes(r, "evidence", "Evidence from the library", options, linked,
			"Select the evidence that supports this judgement.", fe);
}

static void principle_form(request *r, const audit_view *v, const audit_principle_view *pv,
			   const evidence_list *library, const principle_values *pvals,
			   const form_errors *fe)
{
	const char *path = arena_printf(&r->mem, "%s/principle/%s", audit_path(r, r->org, v->audit.id),
					pv->principle->key);
	htmlf(&r->out, "<form method=\"post\" action=\"%a\" novalidate>", path);
	form_csrf(r);
	level_radios(r, pv, pvals->level, fe);
	form_input(r, "score", field_title(v, "score", "Score"), pvals->score, fe,
		   &(input_opts){.hint = arena_printf(&r->mem, "Optional: %s. York's framework gives no scale for the score; this is your area's local scale.",
						      scale_words(r, &v->settings)),
				 .width = "3", .type = "text"});
	form_textarea(r, "notes", field_title(v, "notes-evidence", "Notes or evidence"), pvals->notes,
		      NULL, fe);
	evidence_boxes(r, library, pvals->linked, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a#principle-%a\">Cancel</a></div></form>",
	     audit_path(r, r->org, v->audit.id), pv->principle->key);
}

/* Previous and next principle, as GOV.UK pagination. */
static void principle_pagination(request *r, const audit_view *v, const audit_principle_view *pv)
{
	size_t at = (size_t)(pv - v->principles);
	const char *base = audit_path(r, r->org, v->audit.id);
	const char *term = principle_term(r, v->fw);
	htmlf(&r->out, "<nav class=\"govuk-pagination govuk-pagination--block\" aria-label=\"Principles\">");
	if (at > 0) {
		const fw_section *s = v->principles[at - 1].principle;
		htmlf(&r->out, "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"%a/principle/%u\" rel=\"prev\">"
			      "<span class=\"govuk-pagination__link-title\">Previous<span class=\"govuk-visually-hidden\"> %t</span></span>"
			      "<span class=\"govuk-visually-hidden\">:</span><span class=\"govuk-pagination__link-label\">%t %t</span></a></div>",
		     base, s->key, term, term, s->key);
	}
	if (at + 1 < v->n_principles) {
		const fw_section *s = v->principles[at + 1].principle;
		htmlf(&r->out, "<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"%a/principle/%u\" rel=\"next\">"
			      "<span class=\"govuk-pagination__link-title\">Next<span class=\"govuk-visually-hidden\"> %t</span></span>"
			      "<span class=\"govuk-visually-hidden\">:</span><span class=\"govuk-pagination__link-label\">%t %t</span></a></div>",
		     base, s->key, term, term, s->key);
	}
	htmlf(&r->out, "</nav>");
}

static void render_principle(request *r, const audit_view *v, const audit_principle_view *pv,
			     const evidence_list *library, const principle_values *pvals,
			     const form_errors *fe)
{
	const fw_section *s = pv->principle;
	bool can_edit = !strcmp(v->audit.status, "draft") && r->access >= ACCESS_CONTRIBUTE;
	const char *term = principle_term(r, v->fw);
	page_begin(r, arena_printf(&r->mem, "%s%s %s - %s", fe && fe->n ? "Error: " : "", term, s->key,
				   v->org.name));
	breadcrumbs(r, v, arena_printf(&r->mem, "%s %s", term, s->key));
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t %t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	     term, s->key, s->title);
	gap_note(r, s->gap);
	if (pv->n_commitments)
		htmlf(&r->out, "<h2 class=\"govuk-heading-s govuk-!-margin-bottom-2\">Our commitments</h2>");
	commitments(r, pv);
	indicator_text(r, pv);
	if (can_edit) {
		principle_form(r, v, pv, library, pvals, fe);
	} else {
		htmlf(&r->out, "<div class=\"govuk-inset-text\">This audit is %t, so it can no longer change here.</div>",
		     status_label(v->audit.status));
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Levels</h2><dl class=\"govuk-summary-list\">");
		for (size_t i = 0; pv->indicator && i < pv->indicator->n_levels; i++) {
			const fw_item *l = &pv->indicator->levels[i];
			bool chosen = pv->row.level && !strcmp(pv->row.level, l->key);
			summary_row(r, l->title);
			htmlf(&r->out, "%R%t", chosen ? "<strong class=\"govuk-tag govuk-tag--green\">Chosen</strong> " : "",
			     l->text ? l->text : "");
			if (!text_blank(l->gap))
				htmlf(&r->out, " <strong>[GAP IN SOURCE]</strong> %t", l->gap);
			htmlf(&r->out, "</dd></div>");
		}
		htmlf(&r->out, "</dl><dl class=\"govuk-summary-list\">");
		summary_row(r, field_title(v, "score", "Score"));
		if (pv->row.score != AUDIT_NO_SCORE)
			htmlf(&r->out, "%d (on this area's scale of %d to %d)", pv->row.score,
			     v->settings.score_min, v->settings.score_max);
		else
			htmlf(&r->out, "Not given");
		htmlf(&r->out, "</dd></div>");
		summary_row(r, field_title(v, "notes-evidence", "Notes or evidence"));
		paragraphs(r, pv->row.notes, "None written");
		htmlf(&r->out, "</dd></div>");
		summary_row(r, "Evidence from the library");
		for (size_t i = 0; i < pv->n_evidence; i++)
			htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a></p>",
			     r->org, pv->evidence[i].evidence_id,
			     pv->evidence[i].title ? pv->evidence[i].title : "Evidence");
		if (!pv->n_evidence)
			htmlf(&r->out, "None linked");
		htmlf(&r->out, "</dd></div></dl>");
	}
	principle_pagination(r, v, pv);
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a#principle-%a\">Back to the whole audit</a></p></div></div>",
	     audit_path(r, r->org, v->audit.id), s->key);
	page_end(r);
}

static bool *linked_saved(request *r, const audit_principle_view *pv, const evidence_list *library)
{
	bool *linked = arena_alloc(&r->mem, (library->n + 1) * sizeof *linked);
	for (size_t i = 0; i < library->n; i++)
		for (size_t k = 0; k < pv->n_evidence; k++)
			linked[i] |= pv->evidence[k].evidence_id == library->items[i].id;
	return linked;
}

/* Loads the audit and the principle in the URL; 0 or an error page's status. */
static int load_principle(request *r, audit_view *v, audit_principle_view **pv,
			  evidence_list *library)
{
	int st = load(r, v);
	if (st)
		return st;
	*pv = find_principle(v, param_named(r, "principle"));
	err e = {0};
	if (!*pv)
		return page_not_found(r);
	if (store_evidence_list(r->d.db, &r->mem, r->org, library, &e) < 0) {
		return server_error(r, &e);
	}
	return 0;
}

/* ROUTE: GET /org/{org}/audit/{audit}/principle/{principle} (viewer) */
static int page_principle(request *r)
{
	audit_view v;
	audit_principle_view *pv;
	evidence_list library;
	int st = load_principle(r, &v, &pv, &library);
	if (st)
		return st;
	principle_values pvals = {.level = pv->row.level, .notes = pv->row.notes,
				  .linked = linked_saved(r, pv, &library)};
	if (pv->row.score != AUDIT_NO_SCORE)
		pvals.score = arena_printf(&r->mem, "%d", pv->row.score);
	render_principle(r, &v, pv, &library, &pvals, NULL);
	return 200;
}

/* The ticked evidence, each checked against the library; false when one
 * is not the organisation's. */
static bool evidence_posted(request *r, const evidence_list *library, int64_t **ids, size_t *n,
			    bool **linked)
{
	const char **all = form_get_all(r, "evidence");
	size_t count = 0;
	while (all[count])
		count++;
	*ids = arena_alloc(&r->mem, (count + 1) * sizeof **ids);
	*linked = arena_alloc(&r->mem, (library->n + 1) * sizeof **linked);
	*n = 0;
	bool ok = true;
	for (size_t i = 0; all[i]; i++) {
		int64_t id = chosen_id(all[i]);
		bool found = false;
		for (size_t k = 0; id && k < library->n; k++) {
			if (library->items[k].id != id)
				continue;
			found = true;
			if (!(*linked)[k])
				(*ids)[(*n)++] = id;
			(*linked)[k] = true;
		}
		ok &= found;
	}
	return ok;
}

/* ROUTE: POST /org/{org}/audit/{audit}/principle/{principle} (contributor) */
static int page_principle_post(request *r)
{
	audit_view v;
	audit_principle_view *pv;
	evidence_list library;
	int st = load_principle(r, &v, &pv, &library);
	if (st)
		return st;
	err e = {0};
	if (audit_writable(&v.audit, &e) < 0)
		return conflict(r, &v, sentence(r, e.msg));
	const char *key = pv->principle->key;
	principle_values pvals = {.level = posted(r, "level"), .score = posted(r, "score"),
				  .notes = form_get(r, "notes")};
	form_errors fe = {0};
	if (pvals.level) {
		bool known = false;
		for (size_t i = 0; pv->indicator && i < pv->indicator->n_levels; i++)
			known |= !strcmp(pv->indicator->levels[i].key, pvals.level);
		if (!known)
			form_error_add(&fe, "level", "Choose a level from the list");
	}
	int score;
	if (!text_blank(pvals.score) &&
	    (!whole_number(pvals.score, 3, &score) || score < v.settings.score_min ||
	     score > v.settings.score_max))
		form_error_add(&fe, "score", arena_printf(&r->mem, "The score must be %s, or left empty",
							  scale_words(r, &v.settings)));
	if (pvals.notes && text_check_long("The notes", pvals.notes, false, &e) < 0)
		form_error_add(&fe, "notes", sentence(r, e.msg));
	bool evidence_shown = form_get(r, "evidence-shown") != NULL;
	int64_t *ids = NULL;
	size_t n_ids = 0;
	pvals.linked = linked_saved(r, pv, &library);
	if (evidence_shown && !evidence_posted(r, &library, &ids, &n_ids, &pvals.linked))
		form_error_add(&fe, "evidence", "Choose evidence from the list");
	if (fe.n)
		goto refused;

	/* The judgement and its evidence are one change. */
	principle_change c = {.level = pvals.level, .score = pvals.score, .notes = pvals.notes};
	if (store_begin(r->d.db, &e) < 0)
		goto failed;
	if (audit_principle_set(&r->d, v.audit.id, key, &c, &e) < 0 ||
	    (evidence_shown && audit_evidence_set(&r->d, v.audit.id, key, ids, n_ids, &e) < 0) ||
	    store_commit(r->d.db, &e) < 0) {
		store_rollback(r->d.db);
		goto failed;
	}
	log_activity(r, arena_printf(&r->mem, "recorded principle %s of audit %lld%s%s", key,
				     (long long)v.audit.id, pvals.level ? ": " : "",
				     pvals.level ? pvals.level : ""));
	st = web_redirect(r, arena_printf(&r->mem, "%s?done=saved#principle-%s",
					  audit_path(r, r->org, v.audit.id), key));
	return st;
failed:
	if (e.kind == ERR_CONFLICT)
		return conflict(r, &v, sentence(r, e.msg));
	if (e.kind != ERR_INPUT && e.kind != ERR_NOTFOUND)
		return server_error(r, &e);
	form_error_add(&fe, field_of_message(e.msg, "level"), sentence(r, e.msg));
refused:
	/* What was sent, over what is saved for anything the form left out. */
	if (!pvals.level)
		pvals.level = pv->row.level;
	if (!pvals.score && pv->row.score != AUDIT_NO_SCORE)
		pvals.score = arena_printf(&r->mem, "%d", pv->row.score);
	if (!pvals.notes)
		pvals.notes = pv->row.notes;
	render_principle(r, &v, pv, &library, &pvals, &fe);
	return 400;
}

/* ---- the workflow ------------------------------------------------------- */

/* Loads the audit and checks the step is possible now (409 when not). */
static int load_for_step(request *r, audit_view *v, enum audit_step step)
{
	int st = load(r, v);
	if (st)
		return st;
	if (!audit_step_allowed(&v->audit, v->latest, step, r->access))
		return conflict(r, v, step_refusal(r, v, step));
	return 0;
}

/* After a refused step: a problem with what was sent shows the audit again
 * with it; a state that forbids it answers 409. */
static int step_failed(request *r, audit_view *v, const err *e, const char *field,
		       const char *comment)
{
	if (e->kind == ERR_CONFLICT)
		return conflict(r, v, sentence(r, e->msg));
	if (e->kind == ERR_INPUT)
		return refuse_on_audit(r, v, field, sentence(r, e->msg), comment);
	return server_error(r, e);
}

static int step_done(request *r, int64_t audit, const char *done, const char *what)
{
	log_activity(r, what);
	return web_redirect(r, arena_printf(&r->mem, "%s?done=%s", audit_path(r, r->org, audit), done));
}

/* ROUTE: POST /org/{org}/audit/{audit}/submit (lead) */
static int page_submit(request *r)
{
	audit_view v;
	int st = load_for_step(r, &v, AUDIT_SUBMIT);
	if (st)
		return st;
	err e = {0};
	audit_actor who = actor(r);
	if (audit_submit(&r->d, v.audit.id, &who, &e) < 0)
		return step_failed(r, &v, &e, "submit-button", NULL);
	return step_done(r, v.audit.id, "submitted",
			 arena_printf(&r->mem, "submitted audit %lld (version %d) to the area",
				      (long long)v.audit.id, v.audit.version));
}

/* ROUTE: POST /org/{org}/audit/{audit}/revise (lead) */
static int page_revise(request *r)
{
	audit_view v;
	int st = load_for_step(r, &v, AUDIT_REVISE);
	if (st)
		return st;
	err e = {0};
	audit_actor who = actor(r);
	int64_t id = 0;
	if (audit_revise(&r->d, v.audit.id, &who, &id, &e) < 0)
		return step_failed(r, &v, &e, "revise-button", NULL);
	return step_done(r, id, "revised",
			 arena_printf(&r->mem, "started version %d of audit %lld as audit %lld",
				      v.audit.version + 1, (long long)v.audit.first_id, (long long)id));
}

/* ROUTE: POST /org/{org}/audit/{audit}/return (area administrator) */
static int page_return(request *r)
{
	audit_view v;
	int st = load_for_step(r, &v, AUDIT_RETURN);
	if (st)
		return st;
	const char *comment = form_get(r, "return_comment");
	err e = {0};
	if (text_blank(trimmed(r, comment)))
		return refuse_on_audit(r, &v, "return_comment",
				       "Enter what the organisation needs to change before you return the audit",
				       comment);
	if (text_check_long("The comment", comment, true, &e) < 0)
		return refuse_on_audit(r, &v, "return_comment", sentence(r, e.msg), comment);
	audit_actor who = actor(r);
	if (audit_return(&r->d, v.audit.id, &who, comment, &e) < 0)
		return step_failed(r, &v, &e, "return_comment", comment);
	return step_done(r, v.audit.id, "returned",
			 arena_printf(&r->mem, "returned audit %lld (version %d) to the organisation",
				      (long long)v.audit.id, v.audit.version));
}

/* ROUTE: POST /org/{org}/audit/{audit}/accept (area administrator) */
static int page_accept(request *r)
{
	audit_view v;
	int st = load_for_step(r, &v, AUDIT_ACCEPT);
	if (st)
		return st;
	const char *comment = form_get(r, "accept_comment");
	err e = {0};
	if (comment && text_check_long("The comment", comment, false, &e) < 0)
		return refuse_on_audit(r, &v, "accept_comment", sentence(r, e.msg), NULL);
	audit_actor who = actor(r);
	if (audit_accept(&r->d, v.audit.id, &who, text_blank(comment) ? NULL : comment, &e) < 0)
		return step_failed(r, &v, &e, "accept_comment", NULL);
	return step_done(r, v.audit.id, "accepted",
			 arena_printf(&r->mem, "accepted audit %lld (version %d)", (long long)v.audit.id,
				      v.audit.version));
}

/* ROUTE: POST /org/{org}/audit/{audit}/actions (contributor) */
static int page_actions_create(request *r)
{
	audit_view v;
	int st = load(r, &v);
	if (st)
		return st;
	if (text_blank(v.audit.next_steps))
		return refuse_on_audit(r, &v, "create-actions",
				       "There are no next steps to make actions from: write them first", NULL);
	err e = {0};
	size_t created = 0;
	if (audit_actions_create(&r->d, v.audit.id, NULL, &created, &e) < 0) {
		/* Every step raised already: say so on the page, not as a fault. */
		if (e.kind == ERR_CONFLICT)
			return refuse_on_audit(r, &v, "create-actions",
					       "Every line of the next steps already has an action: they are listed under Actions from this audit",
					       NULL);
		return step_failed(r, &v, &e, "create-actions", NULL);
	}
	return step_done(r, v.audit.id, "actions",
			 arena_printf(&r->mem, "created %zu action%s from the next steps of audit %lld",
				      created, created == 1 ? "" : "s", (long long)v.audit.id));
}

/* ---- the area ------------------------------------------------------------ */

/* The area's name, from the administrator's own membership of it. */
static const char *area_name(request *r)
{
	membership_list ms;
	err e = {0};
	if (store_memberships_of_user(r->d.db, &r->mem, r->sess.user.id, &ms, &e) < 0)
		return "Your area";
	for (size_t i = 0; i < ms.n; i++)
		if (ms.items[i].area_id == r->area && !text_blank(ms.items[i].place_name))
			return ms.items[i].place_name;
	return "Your area";
}

static void area_decided_table(request *r, const audit_list *decided)
{
	const framework *fw = fw_registry_find(r->d.frameworks, AUDIT_FRAMEWORK_ID);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Recently decided</h2>");
	if (!decided->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">No audits have been returned or accepted yet.</p>");
		return;
	}
	scroll_open(r, "Audits decided recently");
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s govuk-visually-hidden\">Audits decided recently, latest first</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Organisation</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Service area</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Version</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Decision</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Decided</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Outcome</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < decided->n; i++) {
		const audit_row *a = &decided->items[i];
		const char *outcome = a->outcome && fw ? audit_outcome_title(fw, a->outcome) : NULL;
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			      "<a class=\"govuk-link\" href=\"%a\">%t<span class=\"govuk-visually-hidden\">: audit version %d</span></a></th>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%d</td><td class=\"govuk-table__cell\">",
		     audit_path(r, a->organisation_id, a->id),
		     a->organisation_name ? a->organisation_name : "Organisation", a->version,
		     a->service_area ? a->service_area : "", a->version);
		status_tag(r, a->status);
		htmlf(&r->out, "</td><td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     a->decided_at ? date_words(r, arena_strndup(&r->mem, a->decided_at, 10)) : "",
		     outcome ? outcome : a->outcome ? a->outcome : "Not chosen");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* ROUTE: GET /area/{area}/audits (area administrator) */
static int page_area_audits(request *r)
{
	audit_list queue, decided;
	err e = {0};
	if (audit_queue(&r->d, r->area, &queue, &e) < 0 ||
	    audit_decided(&r->d, r->area, DECIDED_SHOWN, &decided, &e) < 0)
		return server_error(r, &e);
	const char *name = area_name(r);
	page_begin(r, arena_printf(&r->mem, "Audits to decide - %s", name));
	htmlf(&r->out, "<a href=\"/area/%D\" class=\"govuk-back-link\">Area portfolio</a>"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Audits to decide</h1>"
		      "<p class=\"govuk-body\">Organisations submit their joint partnership audits here. "
		      "Open one to accept it, or to return it with a comment saying what to change.</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/settings\">Audit settings: score scale and suggested outcome rule</a></p>",
	     r->area, name, r->area);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Waiting for a decision</h2>");
	if (!queue.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">No audits are waiting for a decision.</p>");
	} else {
		scroll_open(r, "Audits waiting for a decision");
		htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
			      "<caption class=\"govuk-table__caption govuk-table__caption--s govuk-visually-hidden\">Audits waiting for a decision, oldest submission first</caption>"
			      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
			      "<th scope=\"col\" class=\"govuk-table__header\">Organisation</th>"
			      "<th scope=\"col\" class=\"govuk-table__header\">Service area</th>"
			      "<th scope=\"col\" class=\"govuk-table__header\">Version</th>"
			      "<th scope=\"col\" class=\"govuk-table__header\">Submitted</th>"
			      "</tr></thead><tbody class=\"govuk-table__body\">");
		for (size_t i = 0; i < queue.n; i++) {
			const audit_row *a = &queue.items[i];
			htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
				      "<a class=\"govuk-link\" href=\"%a\">%t<span class=\"govuk-visually-hidden\">: audit version %d</span></a></th>"
				      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%d</td>"
				      "<td class=\"govuk-table__cell\">%t</td></tr>",
			     audit_path(r, a->organisation_id, a->id),
			     a->organisation_name ? a->organisation_name : "Organisation", a->version,
			     a->service_area ? a->service_area : "", a->version,
			     a->submitted_at ? date_words(r, arena_strndup(&r->mem, a->submitted_at, 10)) : "");
		}
		htmlf(&r->out, "</tbody></table></div>");
	}
	area_decided_table(r, &decided);
	page_end(r);
	return 200;
}

typedef struct settings_values {
	const char *min, *max, *rule;
} settings_values;

static void settings_form(request *r, const audit_settings *now, const settings_values *sv,
			  const form_errors *fe)
{
	const char *name = area_name(r);
	page_begin(r, fe && fe->n ? "Error: Audit settings" : "Audit settings");
	htmlf(&r->out, "<a href=\"/area/%D/audits\" class=\"govuk-back-link\">Audits to decide</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->area);
	form_error_summary(r, fe);
	if (!fe || !fe->n) {
		const char *saved = query_get(r, "saved");
		if (saved)
			success_banner(r, "The audit settings have been saved");
	}
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Audit settings</h1>"
		      "<p class=\"govuk-body\">York's joint partnership audit framework gives no scale for the Score "
		      "of each principle, and no rule for getting from the principles' levels to the overall "
		      "outcome. Both are local choices: your area makes them here, and every audit of your area's "
		      "organisations shows them as local choices.</p>", name);
	htmlf(&r->out, "<div class=\"govuk-inset-text\">");
	if (now->is_default)
		htmlf(&r->out, "Your area has not chosen yet, so copro's defaults apply: scores from %d to %d, "
			      "and the &ldquo;%t&rdquo; rule.", AUDIT_DEFAULT_SCORE_MIN, AUDIT_DEFAULT_SCORE_MAX,
		     audit_rule_name(AUDIT_DEFAULT_RULE) ? audit_rule_name(AUDIT_DEFAULT_RULE) : AUDIT_DEFAULT_RULE);
	else
		htmlf(&r->out, "Your area uses scores from %d to %d and the &ldquo;%t&rdquo; rule. "
			      "copro's defaults are %d to %d and the &ldquo;%t&rdquo; rule.",
		     now->score_min, now->score_max, audit_rule_name(now->rule) ? audit_rule_name(now->rule) : now->rule,
		     AUDIT_DEFAULT_SCORE_MIN, AUDIT_DEFAULT_SCORE_MAX,
		     audit_rule_name(AUDIT_DEFAULT_RULE) ? audit_rule_name(AUDIT_DEFAULT_RULE) : AUDIT_DEFAULT_RULE);
	htmlf(&r->out, " Changing them changes the suggestions on every audit, including past ones; "
		      "outcomes already chosen stay as they are.</div>");
	htmlf(&r->out, "<form method=\"post\" action=\"/area/%D/settings\" novalidate>", r->area);
	form_csrf(r);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Score scale</h2>");
	form_input(r, "score_min", "Lowest score", sv->min, fe,
		   &(input_opts){.hint = "A whole number from 0 to 99", .width = "3"});
	form_input(r, "score_max", "Highest score", sv->max, fe,
		   &(input_opts){.hint = "A whole number up to 100, more than the lowest score", .width = "3"});
	static const char *const rules[] = {AUDIT_RULE_LOWEST, AUDIT_RULE_MOST_COMMON};
	choice c[2];
	for (size_t i = 0; i < 2; i++) {
		const char *rn = audit_rule_name(rules[i]);
		c[i] = (choice){.value = rules[i], .label = sentence(r, rn ? rn : rules[i]),
				.hint = rule_how(r, rules[i])};
	}
	choice_radios(r, "rule", "Rule for the suggested outcome", c, 2, sv->rule,
		      "Organisations see the suggestion and may choose another outcome with a reason.", fe);
	form_button(r, "Save settings");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* ROUTE: GET /area/{area}/settings (area administrator) */
static int page_settings(request *r)
{
	audit_settings now;
	err e = {0};
	if (audit_settings_get(&r->d, r->area, &now, &e) < 0)
		return server_error(r, &e);
	/* The rule is checked only once the area has chosen one. */
	settings_values sv = {.min = arena_printf(&r->mem, "%d", now.score_min),
			      .max = arena_printf(&r->mem, "%d", now.score_max),
			      .rule = now.is_default ? NULL : now.rule};
	settings_form(r, &now, &sv, NULL);
	return 200;
}

/* ROUTE: POST /area/{area}/settings (area administrator) */
static int page_settings_post(request *r)
{
	audit_settings now;
	err e = {0};
	if (audit_settings_get(&r->d, r->area, &now, &e) < 0)
		return server_error(r, &e);
	settings_values sv = {.min = posted(r, "score_min"), .max = posted(r, "score_max"),
			      .rule = posted(r, "rule")};
	form_errors fe = {0};
	audit_settings s = {0};
	bool min_ok = whole_number(sv.min, 3, &s.score_min);
	bool max_ok = whole_number(sv.max, 3, &s.score_max);
	if (!min_ok)
		form_error_add(&fe, "score_min", "Enter the lowest score as a whole number, like 1");
	else if (s.score_min > 99)
		form_error_add(&fe, "score_min", "The lowest score must be 99 or less");
	if (!max_ok)
		form_error_add(&fe, "score_max", "Enter the highest score as a whole number, like 3");
	else if (s.score_max > 100)
		form_error_add(&fe, "score_max", "The highest score must be 100 or less");
	else if (min_ok && s.score_max <= s.score_min)
		form_error_add(&fe, "score_max", "The highest score must be more than the lowest score");
	if (text_blank(sv.rule) || !audit_rule_known(sv.rule))
		form_error_add(&fe, "rule", "Choose the rule for the suggested outcome");
	else
		s.rule = sv.rule;
	if (!fe.n && (audit_settings_validate(&s, &e) < 0 || audit_settings_set(&r->d, r->area, &s, &e) < 0)) {
		if (e.kind != ERR_INPUT)
			return server_error(r, &e);
		form_error_add(&fe, strstr(e.msg, "rule") ? "rule"
				    : strstr(e.msg, "highest") || strstr(e.msg, "max") ? "score_max" : "score_min",
			       sentence(r, e.msg));
	}
	if (fe.n) {
		settings_form(r, &now, &sv, &fe);
		return 400;
	}
	err le = {0};
	activity_log(&r->d, &r->sess.user, 0, r->area,
		     arena_printf(&r->mem, "set the audit settings: scores %d to %d, rule %s", s.score_min,
				  s.score_max, s.rule),
		     &le);
	return web_redirect(r, arena_printf(&r->mem, "/area/%lld/settings?saved=1", (long long)r->area));
}

const route audit_routes[] = {
	{"GET", "/org/{org}/audits", page_audits, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/audits/new", page_audit_new, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/audits", page_audit_start, ROUTE_POST, ACCESS_LEAD},
	{"GET", "/org/{org}/audit/{audit}", page_audit, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/audit/{audit}/edit", page_audit_edit, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/audit/{audit}/edit", page_audit_edit_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/audit/{audit}/principle/{principle}", page_principle, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/audit/{audit}/principle/{principle}", page_principle_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/audit/{audit}/actions", page_actions_create, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/audit/{audit}/submit", page_submit, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/audit/{audit}/revise", page_revise, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/audit/{audit}/return", page_return, ROUTE_POST, ACCESS_AREA},
	{"POST", "/org/{org}/audit/{audit}/accept", page_accept, ROUTE_POST, ACCESS_AREA},
	{"GET", "/area/{area}/audits", page_area_audits, 0, ACCESS_AREA},
	{"GET", "/area/{area}/settings", page_settings, 0, ACCESS_AREA},
	{"POST", "/area/{area}/settings", page_settings_post, ROUTE_POST, ACCESS_AREA},
	{0},
};
