/* project.c: service development projects worked through a York model's
 * steps (the strategic model's 12, the individual model's 6): the
 * organisation's projects, starting one, its page (details, people, the
 * model's introduction and its steps as a task list), changing it, and
 * each step's page, where contributors record it.
 *
 * A project in the URL must belong to the organisation in the URL
 * (r->org, checked by the dispatcher): another organisation's project does
 * not exist here (404). Step texts come from the project's stored model. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/project.h"
#include "store/project.h"
#include "store/store.h"
#include "web/pages/pages.h"

/* Blank rows offered for new people on a form, no JavaScript needed. */
#define BLANK_PEOPLE 3

/* ---- small helpers ---------------------------------------------------- */

static int server_error(request *r, const err *e)
{
	if (e->kind == ERR_BUSY)
		return web_error_page(r, 503, "Sorry, copro is busy",
				      "Someone else is saving a change. Wait a moment and try again.");
	if (e->kind == ERR_CONFLICT)
		return web_error_page(r, 409, "This could not be saved", sentence(r, e->msg));
	return web_error_page(r, 500, "Sorry, something went wrong", e->msg);
}

static const char *trimmed(request *r, const char *name)
{
	const char *v = form_get(r, name);
	if (!v)
		return "";
	v += strspn(v, " \t");
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	return arena_strndup(&r->mem, v, n);
}

/* Text a person (or the source) wrote over several lines, a paragraph a
 * line. */
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

static void source_gap(request *r, const char *gap)
{
	if (gap && *gap)
		htmlf(&r->out, "<p class=\"govuk-body copro-gap\"><strong>[GAP IN SOURCE]</strong> %t</p>", gap);
}

static const char *group_label(const char *name)
{
	if (!strcmp(name, "children-and-young-people"))
		return "Children and young people";
	if (!strcmp(name, "parent-carers"))
		return "Parent carers";
	if (!strcmp(name, "practitioners"))
		return "Practitioners";
	return name;
}

static const char *answer_label(const char *answer)
{
	if (!answer)
		return "Not answered";
	if (!strcmp(answer, "yes"))
		return "Yes";
	if (!strcmp(answer, "partly"))
		return "Partly";
	if (!strcmp(answer, "no"))
		return "No";
	return answer;
}

static void summary_row(request *r, const char *key)
{
	htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%t</dt>"
		      "<dd class=\"govuk-summary-list__value\">", key);
}

static const char *dates_words(request *r, const project_row *p)
{
	if (!p->ends_on)
		return arena_printf(&r->mem, "From %s", date_words(r, p->starts_on));
	return arena_printf(&r->mem, "%s to %s", date_words(r, p->starts_on), date_words(r, p->ends_on));
}

static void done_tag(request *r, const project_step_progress *sp)
{
	if (sp->done)
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--green\">Done</strong>");
	else
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--grey\">Not done</strong>");
}

static void error_message(request *r, const char *id, const char *msg)
{
	if (msg)
		htmlf(&r->out, "<p id=\"%a-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> %t</p>",
		     id, msg);
}

static void success_banner(request *r, const char *what)
{
	htmlf(&r->out, "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\""
		      " aria-labelledby=\"saved-title\" data-module=\"govuk-notification-banner\">"
		      "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"saved-title\">Success</h2></div>"
		      "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">%t</p></div></div>",
	     what);
}

static const char *project_path(request *r, int64_t id)
{
	return arena_printf(&r->mem, "/org/%lld/project/%lld", (long long)r->org, (long long)id);
}

/* ---- loading ------------------------------------------------------------ */

typedef struct proj_page {
	project_progress p;
	org_row org;
	const project_step_progress *sp;        /* the step page's step */
} proj_page;

/* Loads the project named in the URL (and its step, when `step`).
 * Answers 0, or the status of the error page it wrote. */
static int load(request *r, proj_page *pg, bool step)
{
	int64_t id = param_id(r, 1);
	project_row row;
	err e = {0};
	memset(pg, 0, sizeof *pg);
	int found = id ? store_project_get(r->d.db, &r->mem, id, &row, &e) : 0;
	if (found < 0)
		return server_error(r, &e);
	if (!found || row.organisation_id != r->org)
		return page_not_found(r);
	if (org_get(&r->d, r->org, &pg->org, &e) < 0 ||
	    project_progress_load(&r->d, id, &pg->p, &e) < 0)
		return server_error(r, &e);
	if (step) {
		pg->sp = project_progress_step(&pg->p, param_named(r, "step"));
		if (!pg->sp)
			return page_not_found(r);
	}
	return 0;
}

static void breadcrumbs(request *r, const proj_page *pg)
{
	htmlf(&r->out, "<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\"><ol class=\"govuk-breadcrumbs__list\">"
		      "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/\">Home</a></li>"
		      "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/org/%D\">%t</a></li>"
		      "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/org/%D/projects\">Projects</a></li>",
	     r->org, pg->org.name, r->org);
	if (pg->sp)
		htmlf(&r->out, "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"%a\">%t</a></li>"
			      "<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">Step %t</li>",
		     project_path(r, pg->p.project.id), pg->p.project.title, pg->sp->step->key);
	else
		htmlf(&r->out, "<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">%t</li>",
		     pg->p.project.title);
	htmlf(&r->out, "</ol></nav>");
}

static void changed_notice(request *r, const proj_page *pg)
{
	if (pg->p.framework_changed)
		htmlf(&r->out, "<div class=\"govuk-inset-text\">The %t file has changed since this project "
			      "started. This project keeps the model's original wording.</div>",
		     pg->p.fw->title);
}

/* ---- the list ----------------------------------------------------------- */

/* ROUTE: GET /org/{org}/projects (viewer) */
static int page_projects(request *r)
{
	org_row o;
	project_summary_list list;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 ||
	    project_summaries(&r->d, r->org, &list, &r->e) < 0)
		return server_error(r, &r->e);
	page_begin(r, arena_printf(&r->mem, "Service development projects - %s", o.name));
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Service development projects</h1>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<p class=\"govuk-body\">Each project develops a service, or an individual piece of work, "
		      "together with children, young people and parent carers, following the steps of one of "
		      "York's models of joint partnership.</p></div></div>",
	     r->org, o.name, o.name);
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<a href=\"/org/%D/projects/new\" role=\"button\" draggable=\"false\" class=\"govuk-button\" data-module=\"govuk-button\">Start a project</a>",
		     r->org);
	if (!list.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">There are no projects yet.</p>");
		page_end(r);
		return 200;
	}
	/* The table scrolls sideways in its own box on a narrow screen (see
	 * .copro-table-scroll), not the whole page. */
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"Projects\" tabindex=\"0\">"
		      "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--m\">%z project%R</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Project</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Model</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Service area</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Dates</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Steps done</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">",
	     list.n, list.n == 1 ? "" : "s");
	for (size_t i = 0; i < list.n; i++) {
		const project_summary *s = &list.items[i];
		const project_row *p = &s->project;
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			      "<a class=\"govuk-link\" href=\"%a\">%t</a></th>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%d of %z</td></tr>",
		     project_path(r, p->id), p->title, s->model_title,
		     *p->service_area ? p->service_area : "Not given", dates_words(r, p),
		     p->steps_done, s->steps_total);
	}
	htmlf(&r->out, "</tbody></table></div>");
	page_end(r);
	return 200;
}

/* ---- the details form (new and change) ---------------------------------- */

typedef struct person_form {
	const char *name, *role, *group;
} person_form;

typedef struct details_form {
	const char *model;              /* "strategic", "individual"; NULL on change */
	const char *title, *service_area, *description, *starts_on, *ends_on;
	person_form *people;
	size_t n_people;                /* rows, blank ones included */
} details_form;

static const char *person_field(request *r, size_t i, const char *part)
{
	return arena_printf(&r->mem, "person-%zu-%s", i + 1, part);
}

/* The form as posted; rows run to the last one the form sent. */
static void details_read(request *r, details_form *f)
{
	f->model = form_get(r, "model");
	f->title = trimmed(r, "title");
	f->service_area = trimmed(r, "service_area");
	f->description = form_get(r, "description") ? form_get(r, "description") : "";
	f->starts_on = trimmed(r, "starts_on");
	f->ends_on = trimmed(r, "ends_on");
	size_t rows = 0, cap = PROJECT_PEOPLE_MAX + BLANK_PEOPLE;
	f->people = arena_alloc(&r->mem, cap * sizeof *f->people);
	for (size_t i = 0; i < cap; i++) {
		person_form *pf = &f->people[i];
		pf->name = trimmed(r, person_field(r, i, "name"));
		pf->role = trimmed(r, person_field(r, i, "role"));
		pf->group = trimmed(r, person_field(r, i, "group"));
		if (form_get(r, person_field(r, i, "name")) || form_get(r, person_field(r, i, "role")) ||
		    form_get(r, person_field(r, i, "group")))
			rows = i + 1;
	}
	f->n_people = rows;
}

/* Checks every field, so each problem shows next to its field at once;
 * fills `p` and `people` (the rows that are not blank). */
static void details_check(request *r, const details_form *f, project_row *p,
			  project_person_list *people, form_errors *fe)
{
	err e = {0};
	if (f->model && !project_model_id(f->model))
		form_error_add(fe, "model", "Select a model from the list");
	else if (!f->model && !p->id)
		form_error_add(fe, "model", "Select the model the project follows");
	if (!*f->title)
		form_error_add(fe, "title", "Enter a title for the project");
	else if (text_check_line("The title", f->title, true, &e) < 0)
		form_error_add(fe, "title", sentence(r, e.msg));
	if (text_check_line("The service area", f->service_area, false, &e) < 0)
		form_error_add(fe, "service_area", sentence(r, e.msg));
	if (text_check_long("The description", f->description, false, &e) < 0)
		form_error_add(fe, "description", sentence(r, e.msg));
	if (!*f->starts_on)
		form_error_add(fe, "starts_on", "Enter the start date, like 2026-09-01");
	else if (!date_valid(f->starts_on))
		form_error_add(fe, "starts_on", "The start date must be a real date, like 2026-09-01");
	if (*f->ends_on && !date_valid(f->ends_on))
		form_error_add(fe, "ends_on", "The end date must be a real date, like 2027-03-31");
	else if (*f->ends_on && date_valid(f->starts_on) && strcmp(f->ends_on, f->starts_on) < 0)
		form_error_add(fe, "ends_on", "The end date must be the same as or after the start date");
	if (f->model)
		p->framework_id = f->model;
	p->title = f->title;
	p->service_area = f->service_area;
	p->description = f->description;
	p->starts_on = f->starts_on;
	p->ends_on = *f->ends_on ? f->ends_on : NULL;

	people->items = arena_alloc(&r->mem, (f->n_people + 1) * sizeof *people->items);
	people->n = 0;
	for (size_t i = 0; i < f->n_people; i++) {
		const person_form *pf = &f->people[i];
		if (!*pf->name && !*pf->role && !*pf->group)
			continue;
		project_person_row row = {.name = pf->name, .role = pf->role, .partner_group = pf->group};
		if (!*pf->group) {
			form_error_add(fe, person_field(r, i, "group"),
				       arena_printf(&r->mem, "Choose the partner group of person %zu", i + 1));
			continue;
		}
		bool known = false;
		for (int g = 0; g < 3; g++)
			known |= !strcmp(pf->group, group_names[g]);
		if (!known) {
			form_error_add(fe, person_field(r, i, "group"),
				       arena_printf(&r->mem, "Choose a partner group from the list for person %zu", i + 1));
			continue;
		}
		if (project_person_check(&row, &e) < 0) {
			form_error_add(fe, person_field(r, i, !strncmp(e.msg, "The role", 8) ? "role" : "name"),
				       arena_printf(&r->mem, "Person %zu: %s", i + 1, e.msg));
			continue;
		}
		people->items[people->n++] = row;
	}
	if (people->n > PROJECT_PEOPLE_MAX)
		form_error_add(fe, person_field(r, 0, "name"),
			       arena_printf(&r->mem, "List at most %d people. Describe any others in the description",
					    PROJECT_PEOPLE_MAX));
}

static void model_radios(request *r, const char *chosen, const form_errors *fe)
{
	static const char *const models[][3] = {
		{"strategic", PROJECT_MODEL_STRATEGIC, "For developing a service."},
		{"individual", PROJECT_MODEL_INDIVIDUAL,
		 "For an individual piece of work, such as an EHC plan or an annual review. "
		 "Do not type a child's name here unless you need to."},
	};
	const char *msg = form_error_for(fe, "model");
	htmlf(&r->out, "<div class=\"govuk-form-group%R\"><fieldset class=\"govuk-fieldset\"%R>"
		      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Model</legend>",
	     msg ? " govuk-form-group--error" : "", msg ? " aria-describedby=\"model-error\"" : "");
	error_message(r, "model", msg);
	htmlf(&r->out, "<div class=\"govuk-radios\" data-module=\"govuk-radios\">");
	for (size_t i = 0; i < 2; i++) {
		const framework *fw = fw_registry_find(r->d.frameworks, models[i][1]);
		const char *id = i == 0 ? "model" : "model-2";
		htmlf(&r->out, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"%a\" name=\"model\" type=\"radio\" value=\"%a\" aria-describedby=\"%a-hint\"%R>"
			      "<label class=\"govuk-label govuk-radios__label\" for=\"%a\">%t</label>"
			      "<div id=\"%a-hint\" class=\"govuk-hint govuk-radios__hint\">%t</div></div>",
		     id, models[i][0], id, chosen && !strcmp(chosen, models[i][0]) ? " checked" : "", id,
		     fw ? fw->title : models[i][1], id, models[i][2]);
	}
	htmlf(&r->out, "</div></fieldset></div>");
}

/* A text input whose label names its row for screen readers. */
static void row_input(request *r, const char *id, const char *label, size_t n, const char *value,
		      const form_errors *fe)
{
	const char *msg = form_error_for(fe, id);
	htmlf(&r->out, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label\" for=\"%a\">%t"
		      "<span class=\"govuk-visually-hidden\"> of person %z</span></label>",
	     msg ? " govuk-form-group--error" : "", id, label, n);
	error_message(r, id, msg);
	htmlf(&r->out, "<input class=\"govuk-input govuk-!-width-two-thirds%R\" id=\"%a\" name=\"%a\" type=\"text\" value=\"%a\" autocomplete=\"off\"%R%R%R></div>",
	     msg ? " govuk-input--error" : "", id, id, value ? value : "",
	     msg ? " aria-describedby=\"" : "", msg ? id : "", msg ? "-error\"" : "");
}

static void row_group(request *r, const char *id, size_t n, const char *value, const form_errors *fe)
{
	const char *msg = form_error_for(fe, id);
	htmlf(&r->out, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label\" for=\"%a\">Partner group"
		      "<span class=\"govuk-visually-hidden\"> of person %z</span></label>",
	     msg ? " govuk-form-group--error" : "", id, n);
	error_message(r, id, msg);
	htmlf(&r->out, "<select class=\"govuk-select%R\" id=\"%a\" name=\"%a\"%R%R%R><option value=\"\">Choose a group</option>",
	     msg ? " govuk-select--error" : "", id, id,
	     msg ? " aria-describedby=\"" : "", msg ? id : "", msg ? "-error\"" : "");
	for (int g = 0; g < 3; g++)
		htmlf(&r->out, "<option value=\"%a\"%R>%t</option>", group_names[g],
		     value && !strcmp(value, group_names[g]) ? " selected" : "", group_label(group_names[g]));
	htmlf(&r->out, "</select></div>");
}

static void people_fields(request *r, const details_form *f, const form_errors *fe)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">People involved</h2>"
		      "<p class=\"govuk-body\">Who is working on the project, and which partner group each "
		      "person belongs to. A name is optional: do not type a child's name here unless you need to. "
		      "Leave a row empty to remove it.</p>");
	size_t rows = f->n_people + BLANK_PEOPLE;
	if (rows > PROJECT_PEOPLE_MAX)
		rows = f->n_people > PROJECT_PEOPLE_MAX ? f->n_people : PROJECT_PEOPLE_MAX;
	for (size_t i = 0; i < rows; i++) {
		const person_form *pf = i < f->n_people ? &f->people[i] : NULL;
		htmlf(&r->out, "<fieldset class=\"govuk-fieldset govuk-!-margin-bottom-6\">"
			      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Person %z</legend>",
		     i + 1);
		row_input(r, person_field(r, i, "name"), "Name (optional)", i + 1, pf ? pf->name : NULL, fe);
		row_input(r, person_field(r, i, "role"), "Role (optional)", i + 1, pf ? pf->role : NULL, fe);
		row_group(r, person_field(r, i, "group"), i + 1, pf ? pf->group : NULL, fe);
		htmlf(&r->out, "</fieldset>");
	}
}

/* The whole form page: a new project when `pg` is NULL, else a change. */
static void details_page(request *r, const proj_page *pg, const details_form *f,
			 const form_errors *fe)
{
	bool change = pg != NULL;
	const char *heading = change ? "Change project details" : "Start a project";
	page_begin(r, arena_printf(&r->mem, "%s%s", fe && fe->n ? "Error: " : "", heading));
	if (change)
		htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">Back</a>",
		     project_path(r, pg->p.project.id));
	else
		htmlf(&r->out, "<a href=\"/org/%D/projects\" class=\"govuk-back-link\">Back</a>", r->org);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">%t</h1>", heading);
	if (change)
		htmlf(&r->out, "<form method=\"post\" action=\"%a/edit\" novalidate>",
		     project_path(r, pg->p.project.id));
	else
		htmlf(&r->out, "<form method=\"post\" action=\"/org/%D/projects\" novalidate>", r->org);
	form_csrf(r);
	if (change)
		htmlf(&r->out, "<p class=\"govuk-body\">Model: %t. The model cannot change once a project has started.</p>",
		     pg->p.fw->title);
	else
		model_radios(r, f->model, fe);
	form_input(r, "title", "Title", f->title, fe,
		   &(input_opts){.hint = "What you are developing, for example Short breaks leaflet. "
					 "Do not type a child's name here unless you need to."});
	form_input(r, "service_area", "Service area (optional)", f->service_area, fe,
		   &(input_opts){.hint = "The part of your service it belongs to, for example Short breaks", .width = "20"});
	form_textarea(r, "description", "Description (optional)", f->description,
		      "What the project is for and what should change.", fe);
	form_input(r, "starts_on", "Start date", f->starts_on, fe,
		   &(input_opts){.hint = "For example 2026-09-01", .width = "10"});
	form_input(r, "ends_on", "End date (optional)", f->ends_on, fe,
		   &(input_opts){.hint = "For example 2027-03-31. Leave it empty if you do not know yet.", .width = "10"});
	people_fields(r, f, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, change ? "Save changes" : "Start project");
	if (change)
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\">Cancel</a>", project_path(r, pg->p.project.id));
	else
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/projects\">Cancel</a>", r->org);
	htmlf(&r->out, "</div></form></div></div>");
	page_end(r);
}

/* ROUTE: GET /org/{org}/projects/new (contributor) */
static int page_new(request *r)
{
	details_form f = {.model = NULL};
	details_page(r, NULL, &f, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/projects (contributor) */
static int page_new_post(request *r)
{
	details_form f;
	details_read(r, &f);
	project_row p = {.organisation_id = r->org};
	project_person_list people;
	form_errors fe = {0};
	details_check(r, &f, &p, &people, &fe);
	int64_t id = 0;
	err e = {0};
	if (!fe.n && project_add(&r->d, &p, &people, &id, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return server_error(r, &e);
		form_error_add(&fe, "title", sentence(r, e.msg));
	}
	if (fe.n) {
		details_page(r, NULL, &f, &fe);
		return 400;
	}
	activity_log(&r->d, &r->sess.user, r->org, 0,
		     arena_printf(&r->mem, "started project %lld: %s", (long long)id, p.title), &r->e);
	return web_redirect(r, project_path(r, id));
}

/* The saved project as a filled-in form. */
static void details_from(request *r, const proj_page *pg, details_form *f)
{
	const project_row *p = &pg->p.project;
	*f = (details_form){.title = p->title, .service_area = p->service_area,
			    .description = p->description, .starts_on = p->starts_on,
			    .ends_on = p->ends_on ? p->ends_on : ""};
	f->n_people = pg->p.people.n;
	f->people = arena_alloc(&r->mem, (f->n_people + 1) * sizeof *f->people);
	for (size_t i = 0; i < f->n_people; i++) {
		const project_person_row *pp = &pg->p.people.items[i];
		f->people[i] = (person_form){pp->name, pp->role, pp->partner_group};
	}
}

/* ROUTE: GET /org/{org}/project/{project}/edit (contributor) */
static int page_edit(request *r)
{
	proj_page pg;
	int st = load(r, &pg, false);
	if (st)
		return st;
	details_form f;
	details_from(r, &pg, &f);
	details_page(r, &pg, &f, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/project/{project}/edit (contributor) */
static int page_edit_post(request *r)
{
	proj_page pg;
	int st = load(r, &pg, false);
	if (st)
		return st;
	details_form f;
	details_read(r, &f);
	f.model = NULL;
	project_row p = pg.p.project;
	project_person_list people;
	form_errors fe = {0};
	details_check(r, &f, &p, &people, &fe);
	err e = {0};
	if (!fe.n && project_edit(&r->d, &p, &people, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return server_error(r, &e);
		form_error_add(&fe, "title", sentence(r, e.msg));
	}
	if (fe.n) {
		details_page(r, &pg, &f, &fe);
		return 400;
	}
	activity_log(&r->d, &r->sess.user, r->org, 0,
		     arena_printf(&r->mem, "changed project %lld: %s", (long long)p.id, p.title), &r->e);
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=details", project_path(r, p.id)));
}

/* ---- the project page --------------------------------------------------- */

static void people_table(request *r, const project_progress *p)
{
	if (!p->people.n) {
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">People involved</h2>"
			      "<p class=\"govuk-body\">No people recorded yet.</p>");
		return;
	}
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">People involved</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Name</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Role</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Partner group</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < p->people.n; i++) {
		const project_person_row *pp = &p->people.items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     *pp->name ? pp->name : "Not given", *pp->role ? pp->role : "Not given",
		     group_label(pp->partner_group));
	}
	htmlf(&r->out, "</tbody></table>");
}

static void step_task_list(request *r, const project_progress *p)
{
	htmlf(&r->out, "<ul class=\"govuk-task-list\">");
	for (size_t i = 0; i < p->n_steps; i++) {
		const project_step_progress *sp = &p->steps[i];
		const char *key = sp->step->key;
		html hint;
		html_init(&hint, &r->mem);
		if (sp->done && sp->done_on)
			htmlf(&hint, "Done on %t. ", date_words(r, sp->done_on));
		htmlf(&hint, "%z evidence item%R.", sp->n_evidence, sp->n_evidence == 1 ? "" : "s");
		if (sp->n_questions)
			htmlf(&hint, " %z of %z check question%R answered.", sp->n_answered,
			     sp->n_questions, sp->n_questions == 1 ? "" : "s");
		if (sp->step->gap)
			htmlf(&hint, " [GAP IN SOURCE]: the step page says what is missing from the source.");
		htmlf(&r->out, "<li class=\"govuk-task-list__item govuk-task-list__item--with-link\">"
			      "<div class=\"govuk-task-list__name-and-hint\">"
			      "<a class=\"govuk-link govuk-task-list__link\" href=\"%a/step/%u\" aria-describedby=\"step-%a-hint step-%a-status\">Step %t: %t</a>"
			      "<div id=\"step-%a-hint\" class=\"govuk-task-list__hint\">%R</div></div>"
			      "<div class=\"govuk-task-list__status\" id=\"step-%a-status\">",
		     project_path(r, p->project.id), key, key, key, key, sp->step->title, key,
		     html_str(&hint), key);
		done_tag(r, sp);
		htmlf(&r->out, "</div></li>");
	}
	htmlf(&r->out, "</ul>");
}

static void saved_banner(request *r, const project_progress *p)
{
	const char *saved = query_get(r, "saved");
	if (!saved)
		return;
	if (!strcmp(saved, "details"))
		success_banner(r, "Project details saved");
	else if (project_progress_step(p, saved))
		success_banner(r, arena_printf(&r->mem, "Step %s saved", project_progress_step(p, saved)->step->key));
}

/* ROUTE: GET /org/{org}/project/{project} (viewer) */
static int page_project(request *r)
{
	proj_page pg;
	int st = load(r, &pg, false);
	if (st)
		return st;
	const project_progress *p = &pg.p;
	const project_row *pr = &p->project;
	page_begin(r, arena_printf(&r->mem, "%s - %s", pr->title, pg.org.name));
	breadcrumbs(r, &pg);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	saved_banner(r, p);
	changed_notice(r, &pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>"
		      "<dl class=\"govuk-summary-list\">",
	     p->fw->title, pr->title);
	summary_row(r, "Model");
	htmlf(&r->out, "%t</dd></div>", p->fw->title);
	summary_row(r, "Service area");
	htmlf(&r->out, "%t</dd></div>", *pr->service_area ? pr->service_area : "Not given");
	summary_row(r, "Description");
	paragraphs(r, pr->description, "Not given");
	htmlf(&r->out, "</dd></div>");
	summary_row(r, "Start date");
	htmlf(&r->out, "%t</dd></div>", date_words(r, pr->starts_on));
	summary_row(r, "End date");
	htmlf(&r->out, "%t</dd></div>", pr->ends_on ? date_words(r, pr->ends_on) : "Not given");
	summary_row(r, "Steps done");
	htmlf(&r->out, "%z of %z</dd></div></dl>", p->steps_done, p->n_steps);
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a/edit\">Change details and people"
			      "<span class=\"govuk-visually-hidden\"> of %t</span></a></p>",
		     project_path(r, pr->id), pr->title);
	people_table(r, p);

	for (size_t s = 0; s < p->fw->n_sections; s++) {
		const fw_section *sec = &p->fw->sections[s];
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">About the %t</h2>", sec->title);
		paragraphs(r, sec->description, NULL);
		source_gap(r, sec->gap);
	}
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"steps\">Steps</h2>"
		      "<p class=\"govuk-body\">%z of %z steps done.</p>", p->steps_done, p->n_steps);
	step_task_list(r, p);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return 200;
}

/* ---- a step ------------------------------------------------------------- */

static const char *step_path(request *r, const proj_page *pg)
{
	return arena_printf(&r->mem, "%s/step/%s", project_path(r, pg->p.project.id), pg->sp->step->key);
}

static bool evidence_linked(const project_step_progress *sp, int64_t id)
{
	for (size_t i = 0; i < sp->n_evidence; i++)
		if (sp->evidence[i].evidence_id == id)
			return true;
	return false;
}

/* What is recorded, as every reader sees it. */
static void step_summary(request *r, const proj_page *pg)
{
	const project_step_progress *sp = pg->sp;
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
	summary_row(r, "Done");
	done_tag(r, sp);
	htmlf(&r->out, "</dd></div>");
	summary_row(r, "Date done");
	htmlf(&r->out, "%t</dd></div>", sp->done_on ? date_words(r, sp->done_on) : "Not given");
	summary_row(r, "Note");
	paragraphs(r, sp->note, "None");
	htmlf(&r->out, "</dd></div>");
	summary_row(r, "Evidence");
	if (!sp->n_evidence)
		htmlf(&r->out, "None linked");
	else
		htmlf(&r->out, "<ul class=\"govuk-list\">");
	for (size_t i = 0; i < sp->n_evidence; i++)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a> (%t)</li>",
		     r->org, sp->evidence[i].evidence_id, sp->evidence[i].title,
		     date_words(r, sp->evidence[i].evidence_date));
	htmlf(&r->out, "%R</dd></div></dl>", sp->n_evidence ? "</ul>" : "");
}

static void questions_read_only(request *r, const project_step_progress *sp)
{
	for (size_t q = 0; q < sp->n_questions; q++) {
		const project_question *pq = &sp->questions[q];
		htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t</h3>",
		     pq->item->gap ? "[GAP IN SOURCE]" : pq->item->text ? pq->item->text : "");
		source_gap(r, pq->item->gap);
		htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
		summary_row(r, "Answer");
		htmlf(&r->out, "%t</dd></div>", answer_label(pq->answer));
		summary_row(r, "Note");
		paragraphs(r, pq->note, "None");
		htmlf(&r->out, "</dd></div></dl>");
	}
}

static const char *answer_field(request *r, const project_question *pq, bool note)
{
	return arena_printf(&r->mem, "answer-%s%s", pq->item->key, note ? "-note" : "");
}

/* Done: yes or no, then the date it was done. Plain radios and a plain
 * field rather than GOV.UK's conditional reveal: that pattern puts
 * aria-expanded on a radio, which ARIA 1.2 does not allow, and the date is
 * simply ignored when "no" is chosen. */
static void done_fields(request *r, const project_step_progress *sp, bool keep,
			const form_errors *fe)
{
	static const char *const options[] = {"yes", "Yes", "no", "No", NULL};
	const char *chosen = keep ? form_get(r, "done") : sp->saved ? (sp->done ? "yes" : "no") : NULL;
	form_radios(r, "done", "Done", options, chosen,
		    "Has this step been done with the people involved?", fe);
	const char *date = keep ? form_get(r, "done_on") : sp->done_on;
	form_input(r, "done_on", "Date done (optional)", date, fe,
		   &(input_opts){.hint = "If it is done: the day it was done, for example 2026-10-15. It cannot be in the future.",
				 .width = "10"});
}

static void question_fields(request *r, const project_step_progress *sp, bool keep,
			    const form_errors *fe)
{
	static const char *const answers[] = {"yes", "Yes", "partly", "Partly", "no", "No", NULL};
	for (size_t q = 0; q < sp->n_questions; q++) {
		const project_question *pq = &sp->questions[q];
		const char *field = answer_field(r, pq, false), *note = answer_field(r, pq, true);
		source_gap(r, pq->item->gap);
		form_radios(r, field, pq->item->gap ? "[GAP IN SOURCE]" : pq->item->text ? pq->item->text : "",
			    answers, keep ? form_get(r, field) : pq->answer, NULL, fe);
		const char *msg = form_error_for(fe, note);
		htmlf(&r->out, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label\" for=\"%a\">Note on this answer (optional)"
			      "<span class=\"govuk-visually-hidden\">: %t</span></label>",
		     msg ? " govuk-form-group--error" : "", note, pq->item->text ? pq->item->text : "");
		error_message(r, note, msg);
		htmlf(&r->out, "<textarea class=\"govuk-textarea%R\" id=\"%a\" name=\"%a\" rows=\"3\">%t</textarea></div>",
		     msg ? " govuk-textarea--error" : "", note, note, keep ? form_get(r, note) : pq->note);
	}
}

static void evidence_fields(request *r, const proj_page *pg, const evidence_list *library,
			    bool keep, const form_errors *fe)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"evidence-heading\">Evidence</h2>");
	if (!library->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">Your <a class=\"govuk-link\" href=\"/org/%D/evidence\">evidence library</a> "
			      "is empty. Evidence is added to it from a self-evaluation statement.</p>", r->org);
		return;
	}
	const char **opts = arena_alloc(&r->mem, (2 * library->n + 1) * sizeof *opts);
	bool *checked = arena_alloc(&r->mem, (library->n + 1) * sizeof *checked);
	const char **ticked = keep ? form_get_all(r, "evidence") : NULL;
	for (size_t i = 0; i < library->n; i++) {
		const evidence_row *ev = &library->items[i];
		opts[2 * i] = arena_printf(&r->mem, "%lld", (long long)ev->id);
		opts[2 * i + 1] = arena_printf(&r->mem, "%s (%s)", ev->title, date_words(r, ev->date));
		checked[i] = !keep && evidence_linked(pg->sp, ev->id);
		for (const char **t = ticked; t && *t; t++)
			checked[i] |= !strcmp(*t, opts[2 * i]);
	}
	opts[2 * library->n] = NULL;
	form_checkboxes(r, "evidence", "Evidence from your library for this step", opts, checked,
			"Tick the evidence that shows this step was done. Untick an item to unlink it.", fe);
}

/* The page; `fe` holds a refused form's problems, whose values it keeps. */
static int step_render(request *r, const proj_page *pg, const form_errors *fe)
{
	const project_step_progress *sp = pg->sp;
	bool has_errors = fe && fe->n;
	evidence_list library = {0};
	err e = {0};
	bool form = r->access >= ACCESS_CONTRIBUTE;
	if (form && store_evidence_list(r->d.db, &r->mem, r->org, &library, &e) < 0)
		return server_error(r, &e);
	page_begin(r, arena_printf(&r->mem, "%sStep %s: %s - %s", has_errors ? "Error: " : "",
				   sp->step->key, pg->p.project.title, pg->org.name));
	breadcrumbs(r, pg);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	changed_notice(r, pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t: %t</span><h1 class=\"govuk-heading-l\">Step %t: %t</h1>",
	     pg->p.project.title, sp->step->section ? sp->step->section->title : pg->p.fw->title,
	     sp->step->key, sp->step->title);
	if (sp->step->description && *sp->step->description)
		htmlf(&r->out, "<p class=\"govuk-body-l\">%t</p>", sp->step->description);
	source_gap(r, sp->step->gap);
	step_summary(r, pg);
	if (!form) {
		if (sp->n_questions) {
			htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Check questions</h2>");
			questions_read_only(r, sp);
		}
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Back to the project</a></p></div></div>",
		     project_path(r, pg->p.project.id));
		page_end(r);
		return 200;
	}
	htmlf(&r->out, "<hr class=\"govuk-section-break govuk-section-break--l govuk-section-break--visible\">"
		      "<h2 class=\"govuk-heading-l\">Record this step</h2>"
		      "<form method=\"post\" action=\"%a\" novalidate>", step_path(r, pg));
	form_csrf(r);
	done_fields(r, sp, has_errors, fe);
	form_textarea(r, "note", "Note (optional)", has_errors ? form_get(r, "note") : sp->note,
		      "What happened, who took part and what changed.", fe);
	if (sp->n_questions) {
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Check questions</h2>");
		question_fields(r, sp, has_errors, fe);
	}
	evidence_fields(r, pg, &library, has_errors, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save step");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\">Cancel</a></div></form></div></div>",
	     project_path(r, pg->p.project.id));
	page_end(r);
	return 200;
}

/* ROUTE: GET /org/{org}/project/{project}/step/{step} (viewer) */
static int page_step(request *r)
{
	proj_page pg;
	int st = load(r, &pg, true);
	if (st)
		return st;
	st = step_render(r, &pg, NULL);
	return st;
}

/* The answers posted for the step's questions; an unanswered question
 * stays as it was. */
static project_answer_change *answers_read(request *r, const project_step_progress *sp,
					   size_t *n, form_errors *fe)
{
	project_answer_change *out = arena_alloc(&r->mem, (sp->n_questions + 1) * sizeof *out);
	*n = 0;
	for (size_t q = 0; q < sp->n_questions; q++) {
		const project_question *pq = &sp->questions[q];
		const char *field = answer_field(r, pq, false), *note_field = answer_field(r, pq, true);
		const char *answer = form_get(r, field);
		const char *note = form_get(r, note_field) ? form_get(r, note_field) : "";
		err e = {0};
		if (text_check_long("The note", note, false, &e) < 0) {
			form_error_add(fe, note_field, sentence(r, e.msg));
			continue;
		}
		if (text_blank(answer)) {
			if (*note)
				form_error_add(fe, field, "Select yes, partly or no for this question, to save its note");
			continue;
		}
		if (strcmp(answer, "yes") && strcmp(answer, "partly") && strcmp(answer, "no")) {
			form_error_add(fe, field, "Select yes, partly or no");
			continue;
		}
		out[(*n)++] = (project_answer_change){pq->item->key, answer, note};
	}
	return out;
}

/* The ticked evidence against the library and what is linked now: the
 * items to link and to unlink. -1 when something ticked is not in the
 * library, -2 when the library cannot be read. */
static int evidence_read(request *r, const proj_page *pg, project_step_change *c, err *e)
{
	evidence_list library;
	if (store_evidence_list(r->d.db, &r->mem, r->org, &library, e) < 0)
		return -2;
	const char **ticked = form_get_all(r, "evidence");
	size_t n = 0;
	while (ticked[n])
		n++;
	int64_t *link = arena_alloc(&r->mem, (n + 1) * sizeof *link);
	int64_t *unlink = arena_alloc(&r->mem, (pg->sp->n_evidence + 1) * sizeof *unlink);
	int64_t *ids = arena_alloc(&r->mem, (n + 1) * sizeof *ids);
	for (size_t i = 0; i < n; i++) {
		char *end;
		long long id = strtoll(ticked[i], &end, 10);
		bool known = false;
		for (size_t k = 0; !*end && k < library.n && !known; k++)
			known = library.items[k].id == id;
		if (!known)
			return -1;
		ids[i] = id;
		if (!evidence_linked(pg->sp, id))
			link[c->n_link++] = id;
	}
	for (size_t i = 0; i < pg->sp->n_evidence; i++) {
		bool kept = false;
		for (size_t k = 0; k < n && !kept; k++)
			kept = ids[k] == pg->sp->evidence[i].evidence_id;
		if (!kept)
			unlink[c->n_unlink++] = pg->sp->evidence[i].evidence_id;
	}
	c->link = link;
	c->unlink = unlink;
	return 0;
}

static int step_refuse(request *r, proj_page *pg, const form_errors *fe)
{
	int st = step_render(r, pg, fe);
	return st == 200 ? 400 : st;
}

/* ROUTE: POST /org/{org}/project/{project}/step/{step} (contributor) */
static int page_step_post(request *r)
{
	proj_page pg;
	int st = load(r, &pg, true);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	const char *done = form_get(r, "done");
	const char *date = trimmed(r, "done_on");
	const char *note = form_get(r, "note") ? form_get(r, "note") : "";
	project_step_change c = {.note = note};
	if (done && !strcmp(done, "yes"))
		c.done = 1;
	else if (done && !strcmp(done, "no"))
		c.done = 0;
	else
		form_error_add(&fe, "done", "Select yes if this step is done, or no if it is not");
	char today[11];
	date_today(today);
	/* The date belongs to "yes"; with "no" it is cleared. */
	c.done_on = c.done == 1 ? date : "";
	if (c.done == 1 && *date && !date_valid(date))
		form_error_add(&fe, "done_on", "The date done must be a real date, like 2026-10-15");
	else if (c.done == 1 && *date && strcmp(date, today) > 0)
		form_error_add(&fe, "done_on", "The date done must be today or in the past");
	if (text_check_long("The note", note, false, &e) < 0)
		form_error_add(&fe, "note", sentence(r, e.msg));
	c.answers = answers_read(r, pg.sp, &c.n_answers, &fe);
	int ev = evidence_read(r, &pg, &c, &e);
	if (ev == -2)
		return server_error(r, &e);
	if (ev < 0)
		form_error_add(&fe, "evidence", "Select evidence from your organisation's library");
	if (fe.n)
		return step_refuse(r, &pg, &fe);
	if (project_step_save(&r->d, pg.p.project.id, pg.sp->step->key, &c, &e) < 0) {
		if (e.kind == ERR_INPUT || e.kind == ERR_NOTFOUND) {
			form_error_add(&fe, "done", sentence(r, e.msg));
			return step_refuse(r, &pg, &fe);
		}
		return server_error(r, &e);
	}
	const char *key = arena_strdup(&r->mem, pg.sp->step->key);
	int64_t id = pg.p.project.id;
	activity_log(&r->d, &r->sess.user, r->org, 0,
		     arena_printf(&r->mem, "recorded step %s of project %lld (%s)", key, (long long)id,
				  c.done ? "done" : "not done"),
		     &r->e);
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=%s#steps", project_path(r, id), key));
}

const route project_routes[] = {
	{"GET", "/org/{org}/projects", page_projects, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/projects/new", page_new, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/projects", page_new_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/project/{project}", page_project, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/project/{project}/edit", page_edit, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/project/{project}/edit", page_edit_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/project/{project}/step/{step}", page_step, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/project/{project}/step/{step}", page_step_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
