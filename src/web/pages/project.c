/* project.c: service development projects worked through a York model's
 * steps (the strategic model's 12, the individual model's 6): the
 * organisation's projects (/org/{org}/projects), starting one, a project's
 * page (details, people, the model's introduction and its steps as a task
 * list) and changing it. Each step's page is in project_step.c. */
#include <string.h>

#include "core/text.h"
#include "web/pages/project_common.h"

/* Blank rows offered for new people on a form, no JavaScript needed. */
#define BLANK_PEOPLE 3

static const char *group_label(const char *name)
{
	static const char *const groups[] = {
		"children-and-young-people", "Children and young people",
		"parent-carers", "Parent carers",
		"practitioners", "Practitioners", NULL};
	return pair_label(groups, name, name);
}

static const char *dates_words(request *r, const project_row *p)
{
	if (!p->ends_on)
		return arena_printf(&r->mem, "From %s", date_words(r, p->starts_on));
	return arena_printf(&r->mem, "%s to %s", date_words(r, p->starts_on), date_words(r, p->ends_on));
}

/* ROUTE: GET /org/{org}/projects (viewer) */
static int page_projects(request *r)
{
	org_row o;
	project_summary_list list;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 ||
	    project_summaries(&r->d, r->org, &list, &r->e) < 0)
		return page_error(r, &r->e);
	page_begin(r, arena_printf(&r->mem, "Service development projects - %s", o.name));
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Service development projects</h1>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<p class=\"govuk-body\">Each project develops a service, or an individual piece of work, "
		      "together with children, young people and parent carers, following the steps of one of "
		      "York's models of joint partnership.</p>"
		      "<p class=\"govuk-body\">The organisation's audits against York's six principles are on "
		      "<a class=\"govuk-link\" href=\"/org/%D/audits\">Joint partnership audits</a>.</p></div></div>",
	     r->org, o.name, o.name, r->org);
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
		     project_url(r, p->id), p->title, s->model_title,
		     *p->service_area ? p->service_area : "Not given", dates_words(r, p),
		     p->steps_done, s->steps_total);
	}
	htmlf(&r->out, "</tbody></table></div>");
	page_end(r);
	return 200;
}

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
	f->title = form_trimmed(r, "title");
	f->service_area = form_trimmed(r, "service_area");
	f->description = form_get(r, "description") ? form_get(r, "description") : "";
	f->starts_on = f->ends_on = "";        /* read by details_check, with their errors */
	size_t rows = 0, cap = PROJECT_PEOPLE_MAX + BLANK_PEOPLE;
	f->people = ARENA_ARRAY(&r->mem, cap, f->people);
	for (size_t i = 0; i < cap; i++) {
		person_form *pf = &f->people[i];
		pf->name = form_trimmed(r, person_field(r, i, "name"));
		pf->role = form_trimmed(r, person_field(r, i, "role"));
		pf->group = form_trimmed(r, person_field(r, i, "group"));
		if (form_get(r, person_field(r, i, "name")) || form_get(r, person_field(r, i, "role")) ||
		    form_get(r, person_field(r, i, "group")))
			rows = i + 1;
	}
	f->n_people = rows;
}

/* Checks every field, so each problem shows next to its field at once;
 * fills `p` and `people` (the rows that are not blank). */
static void details_check(request *r, details_form *f, project_row *p,
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
	const char *starts = form_date_posted(r, "starts_on", &(date_rule){"the start date", true, DATE_ANY}, fe);
	const char *ends = form_date_posted(r, "ends_on", &(date_rule){"the end date", false, DATE_ANY}, fe);
	f->starts_on = starts ? starts : "";
	f->ends_on = ends ? ends : "";
	if (starts && ends && strcmp(ends, starts) < 0)
		form_error_add(fe, "ends_on-day",
			       arena_printf(&r->mem, "The end date must be the same as or after the start date (%s)",
					    date_words(r, starts)));
	if (f->model)
		p->framework_id = f->model;
	p->title = f->title;
	p->service_area = f->service_area;
	p->description = f->description;
	p->starts_on = f->starts_on;
	p->ends_on = *f->ends_on ? f->ends_on : NULL;

	people->items = ARENA_ARRAY(&r->mem, f->n_people, people->items);
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
	const char *msg = form_group_begin(r, "model", fe);
	htmlf(&r->out, "<fieldset class=\"govuk-fieldset\"%R>"
		      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Model</legend>",
	     form_described_by(r, "model", NULL, msg));
	form_error_message(r, "model", msg);
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
	const char *msg = form_group_begin(r, id, fe);
	htmlf(&r->out, "<label class=\"govuk-label\" for=\"%a\">%t"
		      "<span class=\"govuk-visually-hidden\"> of person %z</span></label>", id, label, n);
	form_error_message(r, id, msg);
	htmlf(&r->out, "<input class=\"govuk-input%R\" id=\"%a\" name=\"%a\" type=\"text\" value=\"%a\" autocomplete=\"off\"%R></div>",
	     msg ? " govuk-input--error" : "", id, id, value ? value : "",
	     form_described_by(r, id, NULL, msg));
}

static void row_group(request *r, const char *id, size_t n, const char *value, const form_errors *fe)
{
	form_select_begin(r, id, "Partner group", fe,
			  &(select_opts){.hidden = arena_printf(&r->mem, " of person %zu", n)});
	form_option(r, "", "Choose a group", false);
	for (int g = 0; g < 3; g++)
		form_option(r, group_names[g], group_label(group_names[g]),
			    value && !strcmp(value, group_names[g]));
	form_select_end(r);
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
		/* A person to a row at desktop width (name, role, group side
		 * by side), stacked on a phone: the list of people stays short. */
		htmlf(&r->out, "<fieldset class=\"govuk-fieldset govuk-!-margin-bottom-4 copro-person\">"
			      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Person %z</legend>"
			      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-third\">",
		     i + 1);
		row_input(r, person_field(r, i, "name"), "Name (optional)", i + 1, pf ? pf->name : NULL, fe);
		htmlf(&r->out, "</div><div class=\"govuk-grid-column-one-third\">");
		row_input(r, person_field(r, i, "role"), "Role (optional)", i + 1, pf ? pf->role : NULL, fe);
		htmlf(&r->out, "</div><div class=\"govuk-grid-column-one-third\">");
		row_group(r, person_field(r, i, "group"), i + 1, pf ? pf->group : NULL, fe);
		htmlf(&r->out, "</div></div></fieldset>");
	}
}

/* The whole form page: a new project when `pg` is NULL, else a change. */
static void details_page(request *r, const proj_page *pg, const details_form *f,
			 const form_errors *fe)
{
	bool change = pg != NULL;
	const char *heading = change ? "Change project details" : "Start a project";
	page_begin(r, heading);
	if (change)
		htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">Back</a>",
		     project_url(r, pg->p.project.id));
	else
		htmlf(&r->out, "<a href=\"/org/%D/projects\" class=\"govuk-back-link\">Back</a>", r->org);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">%t</h1>", heading);
	if (change)
		htmlf(&r->out, "<form method=\"post\" action=\"%a/edit\" novalidate>",
		     project_url(r, pg->p.project.id));
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
	form_date(r, "starts_on", "Start date", f->starts_on, "For example, 1 9 2026", fe);
	form_date(r, "ends_on", "End date (optional)", f->ends_on,
		  "Leave it empty if you do not know yet. For example, 31 3 2027", fe);
	people_fields(r, f, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, change ? "Save changes" : "Start project");
	if (change)
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\">Cancel</a>", project_url(r, pg->p.project.id));
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
			return page_error(r, &e);
		form_error_add(&fe, "title", sentence(r, e.msg));
	}
	if (fe.n) {
		details_page(r, NULL, &f, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "started project %lld: %s", (long long)id, p.title)) < 0)
		return page_error(r, &r->e);
	return web_redirect(r, project_url(r, id));
}

/* The saved project as a filled-in form. */
static void details_from(request *r, const proj_page *pg, details_form *f)
{
	const project_row *p = &pg->p.project;
	*f = (details_form){.title = p->title, .service_area = p->service_area,
			    .description = p->description, .starts_on = p->starts_on,
			    .ends_on = p->ends_on ? p->ends_on : ""};
	f->n_people = pg->p.people.n;
	f->people = ARENA_ARRAY(&r->mem, f->n_people, f->people);
	for (size_t i = 0; i < f->n_people; i++) {
		const project_person_row *pp = &pg->p.people.items[i];
		f->people[i] = (person_form){pp->name, pp->role, pp->partner_group};
	}
}

/* ROUTE: GET /org/{org}/project/{project}/edit (contributor) */
static int page_edit(request *r)
{
	proj_page pg;
	int st = project_page_load(r, &pg, false);
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
	int st = project_page_load(r, &pg, false);
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
			return page_error(r, &e);
		form_error_add(&fe, "title", sentence(r, e.msg));
	}
	if (fe.n) {
		details_page(r, &pg, &f, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "changed project %lld: %s", (long long)p.id, p.title)) < 0)
		return page_error(r, &r->e);
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=details", project_url(r, p.id)));
}

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
			htmlf(&hint, " " GAP_SHORT);
		htmlf(&r->out, "<li class=\"govuk-task-list__item govuk-task-list__item--with-link\">"
			      "<div class=\"govuk-task-list__name-and-hint\">"
			      "<a class=\"govuk-link govuk-task-list__link\" href=\"%a/step/%u\" aria-describedby=\"step-%a-hint step-%a-status\">Step %t: %t</a>"
			      "<div id=\"step-%a-hint\" class=\"govuk-task-list__hint\">%R</div></div>"
			      "<div class=\"govuk-task-list__status\" id=\"step-%a-status\">",
		     project_url(r, p->project.id), key, key, key, key, sp->step->title, key,
		     html_str(&hint), key);
		project_done_tag(r, sp);
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
		notice_success(r, "Project details saved");
	else if (project_progress_step(p, saved))
		notice_success(r, arena_printf(&r->mem, "Step %s saved", project_progress_step(p, saved)->step->key));
}

/* ROUTE: GET /org/{org}/project/{project} (viewer) */
static int page_project(request *r)
{
	proj_page pg;
	int st = project_page_load(r, &pg, false);
	if (st)
		return st;
	const project_progress *p = &pg.p;
	const project_row *pr = &p->project;
	page_begin(r, arena_printf(&r->mem, "%s - %s", pr->title, pg.org.name));
	project_breadcrumbs(r, &pg);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	saved_banner(r, p);
	project_changed_notice(r, &pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>"
		      "<dl class=\"govuk-summary-list\">",
	     p->fw->title, pr->title);
	summary_row_open(r, "Model");
	htmlf(&r->out, "%t</dd></div>", p->fw->title);
	summary_row_open(r, "Service area");
	htmlf(&r->out, "%t</dd></div>", *pr->service_area ? pr->service_area : "Not given");
	summary_row_open(r, "Description");
	text_paragraphs(r, pr->description, "Not given");
	htmlf(&r->out, "</dd></div>");
	summary_row_open(r, "Start date");
	htmlf(&r->out, "%t</dd></div>", date_words(r, pr->starts_on));
	summary_row_open(r, "End date");
	htmlf(&r->out, "%t</dd></div>", pr->ends_on ? date_words(r, pr->ends_on) : "Not given");
	summary_row_open(r, "Steps done");
	htmlf(&r->out, "%z of %z</dd></div></dl>", p->steps_done, p->n_steps);
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a/edit\">Change details and people"
			      "<span class=\"govuk-visually-hidden\"> of %t</span></a></p>",
		     project_url(r, pr->id), pr->title);
	people_table(r, p);

	for (size_t s = 0; s < p->fw->n_sections; s++) {
		const fw_section *sec = &p->fw->sections[s];
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">About the %t</h2>", sec->title);
		text_paragraphs(r, sec->description, NULL);
		gap_note(r, sec->gap);
	}
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"steps\">Steps</h2>"
		      "<p class=\"govuk-body\">%z of %z steps done.</p>", p->steps_done, p->n_steps);
	step_task_list(r, p);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return 200;
}

const route project_routes[] = {
	{"GET", "/org/{org}/projects", page_projects, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/projects/new", page_new, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/projects", page_new_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/project/{project}", page_project, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/project/{project}/edit", page_edit, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/project/{project}/edit", page_edit_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{0},
};
