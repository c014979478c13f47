/* audit_edit.c: an audit's details and overall summary
 * (/org/{org}/audit/{audit}/edit): header fields, the people completing it,
 * its project, the outcome and sign-off. Only a draft changes. */
#include <string.h>

#include "core/text.h"
#include "domain/project.h"
#include "web/pages/audit_common.h"

/* The edit form offers this many rows for people at most. */
#define PEOPLE_ROWS_MAX 12

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
	     audit_title_or(v, "completed-by", "People completing the audit"));
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
	audit_choice *c = ARENA_ARRAY(&r->mem, v->n_outcomes, c);
	for (size_t i = 0; i < v->n_outcomes; i++) {
		c[i].value = v->outcomes[i].key;
		c[i].label = v->outcomes[i].title;
		if (v->suggested && !strcmp(v->suggested, v->outcomes[i].key))
			c[i].hint = "Suggested by this area's local rule";
	}
	const char *hint_text = v->suggested
		? arena_printf(&r->mem, "Suggested from the principles' levels: %s. You may choose another outcome and give your reason.",
			       audit_outcome_words(v, v->suggested))
		: "There is no suggestion until every principle has a level.";
	audit_choice_radios(r, "outcome", "Outcome", c, v->n_outcomes, selected, hint_text, fe);
}

static void edit_form(request *r, const audit_view *v, const project_list *projects,
		      const edit_values *ev, const form_errors *fe)
{
	const audit_fields *f = &ev->f;
	page_begin(r, "Change the audit details");
	audit_breadcrumbs(r, v, "Change the details");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Change the audit details</h1>"
		      "<form method=\"post\" action=\"%a/edit\" novalidate>",
	     v->org.name, audit_url(r, r->org, v->audit.id));
	form_csrf(r);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">About this audit</h2>"
		      "<p class=\"govuk-body\">%t: %t</p>", audit_title_or(v, "organisation", "Organisation"),
	     v->org.name);
	if (projects->n)
		audit_project_select(r, projects, ev->project, fe);
	form_input(r, "service_area", audit_title_or(v, "service-area", "Service area"), f->service_area, fe, NULL);
	form_textarea(r, "description", audit_title_or(v, "description", "Description"), f->description,
		      NULL, fe);
	form_date(r, "audit_date", audit_title_or(v, "date", "Date of audit"), f->audit_date,
		  "For example, 15 10 2026", fe);
	people_rows(r, v, ev, fe);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Overall summary</h2>");
	form_textarea(r, "summary", audit_title_or(v, "summary", "Summary"), f->summary, NULL, fe);
	form_textarea(r, "next_steps", audit_title_or(v, "next-steps", "Next steps"), f->next_steps,
		      "One step a line: each line can become an action.", fe);
	form_date(r, "review_on", audit_title_or(v, "review-date", "Review date"), f->review_on,
		  "For example, 15 10 2027", fe);
	audit_rule_note(r, v);
	outcome_radios(r, v, f->outcome, fe);
	form_textarea(r, "outcome_reason", "Reason for choosing a different outcome than the suggestion",
		      f->outcome_reason, "Needed only when the outcome differs from the suggested one.", fe);
	form_input(r, "signed_by", audit_title_or(v, "sign-off", "Signed off by"), f->signed_by, fe, NULL);
	form_date(r, "signed_on", "Date signed (optional)", f->signed_on, "For example, 20 10 2026", fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\">Cancel</a></div></form></div></div>",
	     audit_url(r, r->org, v->audit.id));
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

/* Loads the audit in the URL while it may change, and the organisation's
 * projects; 0 or the status of the error page written. */
static int load_draft(request *r, audit_view *v, project_list *projects)
{
	int st = audit_page_load(r, v);
	if (st)
		return st;
	err e = {0};
	if (audit_writable(&v->audit, &e) < 0)
		return audit_conflict(r, v, sentence(r, e.msg));
	if (projects_of_org(&r->d, r->org, projects, &e) < 0)
		return audit_page_error(r, &e);
	return 0;
}

/* ROUTE: GET /org/{org}/audit/{audit}/edit (contributor) */
static int page_audit_edit(request *r)
{
	audit_view v;
	project_list projects;
	int st = load_draft(r, &v, &projects);
	if (st)
		return st;
	edit_values ev;
	edit_values_saved(r, &v, &ev);
	edit_form(r, &v, &projects, &ev, NULL);
	return 200;
}

/* The form's values; a field the form did not send stays as it is. */
static void edit_values_posted(request *r, edit_values *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->f = (audit_fields){.service_area = audit_posted(r, "service_area"),
			       .description = form_get(r, "description"),
			       .summary = form_get(r, "summary"), .next_steps = form_get(r, "next_steps"),
			       .outcome = audit_posted(r, "outcome"),
			       .outcome_reason = form_get(r, "outcome_reason"),
			       .signed_by = audit_posted(r, "signed_by")};
	ev->project = audit_posted(r, "project");
	for (size_t i = 0; i < PEOPLE_ROWS_MAX; i++) {
		const char *nm = audit_posted(r, arena_printf(&r->mem, "person-%zu-name", i + 1));
		const char *ds = audit_posted(r, arena_printf(&r->mem, "person-%zu-designation", i + 1));
		if (nm || ds)
			ev->people_posted = true;
		if (text_blank(nm) && text_blank(ds))
			continue;
		ev->people[ev->n_people++] = (audit_person_row){.position = (int)i + 1,
							       .name = nm ? nm : "",
							       .designation = ds ? ds : ""};
	}
}

/* Checks the posted values, and reads the three dates into ev (their
 * errors in the order of the page). */
static void check_edit(request *r, const audit_view *v, const project_list *projects,
		       edit_values *ev, form_errors *fe)
{
	const audit_fields *f = &ev->f;
	err e = {0};
	if (ev->project && audit_project_posted(projects, ev->project) < 0)
		form_error_add(fe, "project", "Choose a project from the list, or no project");
	if (f->service_area && text_check_line("The service area", f->service_area, false, &e) < 0)
		form_error_add(fe, "service_area", sentence(r, e.msg));
	if (f->description && text_check_long("The description", f->description, false, &e) < 0)
		form_error_add(fe, "description", sentence(r, e.msg));
	ev->f.audit_date = audit_posted_date(r, "audit_date", "the date of audit", fe);
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
	ev->f.review_on = audit_posted_date(r, "review_on", "the review date", fe);
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
					    audit_outcome_words(v, v->suggested)));
	else if (f->outcome_reason && text_check_long("The reason", f->outcome_reason, false, &e) < 0)
		form_error_add(fe, "outcome_reason", sentence(r, e.msg));
	if (f->signed_by && text_check_line("The name", f->signed_by, false, &e) < 0)
		form_error_add(fe, "signed_by", sentence(r, e.msg));
	ev->f.signed_on = audit_posted_date(r, "signed_on", "the date signed", fe);
}

/* What was sent, over what is saved for anything the form left out. */
static void edit_values_shown(request *r, const audit_view *v, const edit_values *ev,
			      edit_values *shown)
{
	edit_values_saved(r, v, shown);
	const char **to[] = {&shown->f.service_area, &shown->f.description, &shown->f.audit_date,
			     &shown->f.summary, &shown->f.next_steps, &shown->f.review_on,
			     &shown->f.outcome, &shown->f.outcome_reason, &shown->f.signed_by,
			     &shown->f.signed_on, &shown->project};
	const char *from[] = {ev->f.service_area, ev->f.description, ev->f.audit_date, ev->f.summary,
			      ev->f.next_steps, ev->f.review_on, ev->f.outcome, ev->f.outcome_reason,
			      ev->f.signed_by, ev->f.signed_on, ev->project};
	for (size_t i = 0; i < sizeof from / sizeof *from; i++)
		if (from[i])
			*to[i] = from[i];
	if (ev->people_posted) {
		memcpy(shown->people, ev->people, sizeof shown->people);
		shown->n_people = ev->n_people;
	}
}

/* ROUTE: POST /org/{org}/audit/{audit}/edit (contributor) */
static int page_audit_edit_post(request *r)
{
	audit_view v;
	project_list projects;
	int st = load_draft(r, &v, &projects);
	if (st)
		return st;
	edit_values ev;
	edit_values_posted(r, &ev);
	form_errors fe = {0};
	check_edit(r, &v, &projects, &ev, &fe);
	err e = {0};
	/* The fields, the people and the project are one change. */
	int64_t project = ev.project ? audit_project_posted(&projects, ev.project) : 0;
	if (!fe.n && audit_edit(&r->d, v.audit.id, &ev.f, ev.people_posted ? ev.people : NULL,
				ev.n_people, ev.project ? &project : NULL, &e) < 0) {
		if (e.kind == ERR_CONFLICT)
			return audit_conflict(r, &v, sentence(r, e.msg));
		if (e.kind != ERR_INPUT)
			return audit_page_error(r, &e);
		form_error_add(&fe, audit_field_of_message(e.msg, "service_area"), sentence(r, e.msg));
	}
	if (fe.n) {
		edit_values shown;
		edit_values_shown(r, &v, &ev, &shown);
		edit_form(r, &v, &projects, &shown, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "changed the details of audit %lld (version %d)",
				      (long long)v.audit.id, v.audit.version)) < 0)
		return audit_page_error(r, &r->e);
	return web_redirect(r, arena_printf(&r->mem, "%s?done=saved", audit_url(r, r->org, v.audit.id)));
}

const route audit_edit_routes[] = {
	{"GET", "/org/{org}/audit/{audit}/edit", page_audit_edit, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/audit/{audit}/edit", page_audit_edit_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{0},
};
