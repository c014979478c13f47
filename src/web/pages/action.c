/* action.c: the organisation's actions from every source (overdue first,
 * then due this month, with what each came from: a statement, an audit, a
 * success measure or a plan, and its reviews), adding one (from a
 * statement's areas for development or on its own) and changing one. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/measure.h"
#include "domain/review.h"
#include "web/pages/pages.h"

static const char *const statuses[] = {
	"open", "Open",
	"in-progress", "In progress",
	"done", "Done",
	"dropped", "Dropped", NULL};

static const char *status_tag(const char *status)
{
	if (!strcmp(status, "in-progress"))
		return "govuk-tag govuk-tag--yellow";
	if (!strcmp(status, "done"))
		return "govuk-tag govuk-tag--green";
	if (!strcmp(status, "dropped"))
		return "govuk-tag govuk-tag--grey";
	return "govuk-tag";
}

/* Action {action} of this organisation: 0, or the status of the error
 * page written (404 for another organisation's). */
static int load_action(request *r, action_row *a)
{
	if (action_get_in_org(&r->d, r->org, param_id(r, 1), a, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	return 0;
}

/* The statement an action came from, as words: "1iii: Title (Four
 * Cornerstones Self-Evaluation Tool, 2026-27)". */
static const char *source_words(request *r, const evaluation_list *evs, int64_t evaluation,
				const char *element)
{
	for (size_t i = 0; i < evs->n; i++) {
		const evaluation_row *ev = &evs->items[i];
		if (ev->id != evaluation)
			continue;
		const framework *fw = fw_registry_find(r->d.frameworks, ev->framework_id);
		const fw_element *el = fw && element ? framework_element(fw, element) : NULL;
		const char *where = arena_printf(&r->mem, "%s, %s", fw ? fw->title : ev->framework_id,
						 ev->cycle);
		if (!element)
			return where;
		return arena_printf(&r->mem, "Statement %s%s%s (%s)", element, el ? ": " : "",
				    el ? el->title : "", where);
	}
	return NULL;
}

static void source_link(request *r, const evaluation_list *evs, const action_row *a)
{
	const char *words = a->source_evaluation_id
		? source_words(r, evs, a->source_evaluation_id, a->source_element_key) : NULL;
	if (!words)
		return;
	if (a->source_element_key)
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D/statement/%u\">%t</a>",
		     r->org, a->source_evaluation_id, a->source_element_key, words);
	else
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">%t</a>", r->org,
		     a->source_evaluation_id, words);
}

/* Everything the list shows beside the actions themselves. */
typedef struct list_context {
	evaluation_list evs;
	source_name_list plans, measures;
	action_review_list reviews;
	review_evidence_list review_evidence;
	reading_pick_list readings;
	const char *today;
} list_context;

static const source_name_row *find_name(const source_name_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return &l->items[i];
	return NULL;
}

/* A measure's own wording, or its catalogue number (the catalogue's words
 * are on the measure's page, from the instrument). */
static const char *measure_words(request *r, const source_name_row *m)
{
	if (m->name)
		return arena_printf(&r->mem, "Success measure: %s (%s)", m->name, m->cycle);
	return arena_printf(&r->mem, "Success measure %s, cornerstone %s (%s)", m->key ? m->key : "",
			    m->cornerstone ? m->cornerstone : "", m->cycle);
}


/* Where the action came from: every source it names, each a link. */
static void comes_from(request *r, const list_context *lc, const action_row *a)
{
	if (!a->source_evaluation_id && !a->source_audit_id && !a->source_plan_id &&
	    !a->source_measure_id)
		return;
	summary_row_open(r, "Comes from");
	htmlf(&r->out, "<ul class=\"govuk-list\">");
	if (a->source_evaluation_id) {
		htmlf(&r->out, "<li>Self-evaluation: ");
		source_link(r, &lc->evs, a);
		htmlf(&r->out, "</li>");
	}
	/* Raised from an audit's next steps. */
	if (a->source_audit_id)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/audit/%D\">Audit %D (its next steps)</a></li>",
		     r->org, a->source_audit_id, a->source_audit_id);
	const source_name_row *m = a->source_measure_id ? find_name(&lc->measures, a->source_measure_id) : NULL;
	if (m)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/measure/%D\">%t</a></li>",
		     r->org, m->id, measure_words(r, m));
	const source_name_row *p = a->source_plan_id ? find_name(&lc->plans, a->source_plan_id) : NULL;
	if (p)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/plan/%D\">Plan: %t (%t)</a></li>",
		     r->org, p->id, p->name, p->cycle);
	htmlf(&r->out, "</ul></dd></div>");
}

static const char *reading_words(request *r, const reading_pick_row *rd)
{
	/* The pick row has no kind: the number as a metric shows it (62.5, 8), without its unit. */
	const metric_row plain = {.kind = "count", .unit = ""};
	return arena_printf(&r->mem, "%s: %s on %s", rd->metric, metric_value_text(&r->mem, &plain, rd->value),
			    date_words(r, rd->taken_on));
}

/* The reviews of one action, newest first, with their evidence and
 * readings. */
static void action_reviews(request *r, const list_context *lc, int64_t action)
{
	size_t shown = 0;
	for (size_t i = 0; i < lc->reviews.n; i++) {
		const action_review_row *rv = &lc->reviews.items[i];
		if (rv->action_id != action)
			continue;
		if (!shown++)
			htmlf(&r->out, "<h4 class=\"govuk-heading-s\">Reviews</h4><ul class=\"govuk-list copro-reviews\">");
		htmlf(&r->out, "<li class=\"govuk-!-margin-bottom-4\"><strong>%t</strong>: %t<br>"
			      "<span class=\"govuk-body-s\">Partner groups who took part: %t.</span>",
		     date_words(r, rv->reviewed_on), rv->what_happened, groups_describe(&r->mem, rv->groups));
		for (size_t k = 0; k < lc->review_evidence.n; k++) {
			const review_evidence_row *x = &lc->review_evidence.items[k];
			if (x->review_id == rv->id)
				htmlf(&r->out, "<br><span class=\"govuk-body-s\">Evidence: <a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a></span>",
				     r->org, x->evidence_id, x->title);
		}
		for (size_t k = 0; k < lc->readings.n; k++) {
			const reading_pick_row *rd = &lc->readings.items[k];
			if (rd->review_id == rv->id)
				htmlf(&r->out, "<br><span class=\"govuk-body-s\">Reading: <a class=\"govuk-link\" href=\"/org/%D/measure/%D\">%t</a></span>",
				     r->org, rd->measure_id, reading_words(r, rd));
		}
		htmlf(&r->out, "</li>");
	}
	if (shown)
		htmlf(&r->out, "</ul>");
}

/* One card per action (a table would not fit a phone). */
static void action_card(request *r, const list_context *lc, const action_row *a)
{
	bool overdue = action_overdue(a, lc->today);
	bool this_month = action_due_this_month(a, lc->today);
	htmlf(&r->out, "<div class=\"govuk-summary-card\" id=\"action-%D\"><div class=\"govuk-summary-card__title-wrapper\">"
		      "<h3 class=\"govuk-summary-card__title\">%t</h3>", a->id, a->title);
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<ul class=\"govuk-summary-card__actions\">"
			      "<li class=\"govuk-summary-card__action\"><a class=\"govuk-link\" href=\"/org/%D/actions/%D/review\">"
			      "Review<span class=\"govuk-visually-hidden\"> (%t)</span></a></li>"
			      "<li class=\"govuk-summary-card__action\"><a class=\"govuk-link\" href=\"/org/%D/actions/%D/edit\">"
			      "Change<span class=\"govuk-visually-hidden\"> (%t)</span></a></li></ul>",
		     r->org, a->id, a->title, r->org, a->id, a->title);
	htmlf(&r->out, "</div><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">");
	summary_row_open(r, "Status");
	htmlf(&r->out, "<strong class=\"%R\">%t</strong>%R</dd></div>", status_tag(a->status),
	     pair_label(statuses, a->status, a->status),
	     overdue ? " <strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>"
		     : this_month ? " <strong class=\"govuk-tag govuk-tag--orange\">Due this month</strong>" : "");
	summary_row_open(r, "Owner");
	htmlf(&r->out, "%t</dd></div>", text_blank(a->owner) ? "No owner" : a->owner);
	summary_row_open(r, "Due");
	htmlf(&r->out, "%t</dd></div>", a->due_on ? date_words(r, a->due_on) : "No due date");
	summary_row_open(r, "Review");
	htmlf(&r->out, "%t</dd></div>", a->review_on ? date_words(r, a->review_on) : "No review date");
	comes_from(r, lc, a);
	htmlf(&r->out, "</dl>");
	action_reviews(r, lc, a->id);
	htmlf(&r->out, "</div></div>");
}

static const char *const source_filters[] = {
	"", "Any source",
	"statement", "A self-evaluation statement",
	"audit", "An audit",
	"measure", "A success measure",
	"plan", "A team or service plan",
	"none", "Nothing recorded", NULL};

static const char *const status_filters[] = {
	"", "Any status",
	"open", "Open",
	"in-progress", "In progress",
	"done", "Done",
	"dropped", "Dropped", NULL};

static void filter_select(request *r, const char *name, const char *label,
			  const char *const *options, const char *chosen, const form_errors *fe)
{
	const char *msg = form_group_begin(r, name, fe);
	htmlf(&r->out, "<label class=\"govuk-label\" for=\"%a\">%t</label>", name, label);
	form_error_message(r, name, msg);
	/* Unlike form_select, no red border on a refused filter: the page
	 * has always drawn it so. */
	htmlf(&r->out, "<select class=\"govuk-select\" id=\"%a\" name=\"%a\"%R>", name, name,
	     form_described_by(r, name, NULL, msg));
	for (size_t i = 0; options[i]; i += 2)
		form_option(r, options[i], options[i + 1], chosen && !strcmp(chosen, options[i]));
	form_select_end(r);
}

static void filter_form(request *r, const char *source, const char *status, const form_errors *fe)
{
	htmlf(&r->out, "<form method=\"get\" action=\"/org/%D/actions\" novalidate>"
		      "<fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Show only</legend>",
	     r->org);
	filter_select(r, "source", "Where they came from", source_filters, source, fe);
	filter_select(r, "status", "Status", status_filters, status, fe);
	htmlf(&r->out, "</fieldset><div class=\"govuk-button-group\">"
		      "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Show actions</button>"
		      "<a class=\"govuk-link\" href=\"/org/%D/actions\">Show all</a></div></form>", r->org);
}

static int load_context(request *r, list_context *lc)
{
	return evaluations_of_org(&r->d, r->org, &lc->evs, &r->e) < 0 ||
	       plan_names_of_org(&r->d, r->org, &lc->plans, &r->e) < 0 ||
	       measure_names_of_org(&r->d, r->org, &lc->measures, &r->e) < 0 ||
	       action_reviews_of_org(&r->d, r->org, &lc->reviews, &r->e) < 0 ||
	       review_evidence_of_org(&r->d, r->org, &lc->review_evidence, &r->e) < 0 ||
	       readings_of_org(&r->d, r->org, &lc->readings, &r->e) < 0
		? -1 : 0;
}

/* ROUTE: GET /org/{org}/actions (viewer) */
static int page_actions(request *r)
{
	org_row o;
	action_list list;
	list_context lc;
	char today[11];
	date_today(today);
	lc.today = today;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 ||
	    actions_of_org(&r->d, r->org, &list, &r->e) < 0 || load_context(r, &lc) < 0)
		return page_failed(r);
	size_t all = list.n, overdue = 0, this_month = 0;
	const char *source = query_get(r, "source"), *status = query_get(r, "status");
	form_errors fe = {0};
	err e = {0};
	/* Each filter is checked on its own, so each problem shows by its field. */
	action_list probe = {0};
	if (actions_filter(&probe, source, NULL, &e) < 0)
		form_error_add(&fe, "source", "Choose where the actions came from from the list");
	if (actions_filter(&probe, NULL, status, &e) < 0)
		form_error_add(&fe, "status", "Choose a status from the list");
	if (!fe.n)
		actions_filter(&list, source, status, &e);
	actions_order(&list, today);
	for (size_t i = 0; i < list.n; i++) {
		overdue += action_overdue(&list.items[i], today);
		this_month += action_due_this_month(&list.items[i], today);
	}
	page_begin(r, "Actions");
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	     r->org, o.name);
	form_error_summary(r, &fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Actions</h1>"
		      "<p class=\"govuk-body\">Actions from the self-evaluation, audits, success measures and plans, in one list: "
		      "overdue ones first, then those due this month, then the rest by due date. Finished ones come last.</p>",
	     o.name);
	print_or_download_link(r, arena_printf(&r->mem, "/org/%lld/actions", (long long)r->org), "the action plan");
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<a href=\"/org/%D/actions/new\" role=\"button\" draggable=\"false\" class=\"govuk-button\" data-module=\"govuk-button\">Add an action</a>",
		     r->org);
	htmlf(&r->out, "<p class=\"govuk-body\">Tell partners what changed: <a class=\"govuk-link\" href=\"/org/%D/you-said\">You said, we did</a>.</p>",
	     r->org);
	if (!all) {
		htmlf(&r->out, "<p class=\"govuk-body\">There are no actions yet.</p></div></div>");
		page_end(r);
		return fe.n ? 400 : 200;
	}
	filter_form(r, fe.n ? NULL : source, fe.n ? NULL : status, &fe);
	if (overdue)
		htmlf(&r->out, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
			      "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
			      "%z %R overdue. %R listed first.</strong></div>",
		     overdue, overdue == 1 ? "action is" : "actions are", overdue == 1 ? "It is" : "They are");
	if (this_month)
		htmlf(&r->out, "<p class=\"govuk-body\">%z %R due this month.</p>", this_month,
		     this_month == 1 ? "action is" : "actions are");
	if (list.n == all)
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">%z action%R</h2>", list.n, list.n == 1 ? "" : "s");
	else
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">%z of %z actions</h2>", list.n, all);
	if (!list.n)
		htmlf(&r->out, "<p class=\"govuk-body\">No actions match. <a class=\"govuk-link\" href=\"/org/%D/actions\">Show all actions</a>.</p>",
		     r->org);
	for (size_t i = 0; i < list.n; i++)
		action_card(r, &lc, &list.items[i]);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return fe.n ? 400 : 200;
}

/* ---- adding and changing --------------------------------------------- */

/* Checks each field through the domain's validation, so every problem
 * shows next to its field, and reads the two dates (GOV.UK date inputs)
 * into `in`. */
static void check_fields(request *r, action_row *in, form_errors *fe)
{
	/* In the order the fields appear on the page. */
	static const char *const names[] = {"status", "title", "owner"};
	for (int i = 0; i < 3; i++) {
		action_row probe = {.title = "t", .owner = "", .status = "open"};
		const char *value = NULL;
		switch (i) {
		case 0: value = probe.status = in->status; break;
		case 1: value = probe.title = in->title; break;
		case 2: value = probe.owner = in->owner; break;
		}
		err e = {0};
		if (action_validate(&probe, &e) == 0)
			continue;
		const char *msg = sentence(r, e.msg);
		if (i == 0)
			msg = "Choose the status of the action";
		else if (i == 1 && text_blank(value))
			msg = "Enter what needs to be done";
		form_error_add(fe, names[i], msg);
	}
	in->due_on = form_date_posted(r, "due", &(date_rule){"the due date", false, DATE_ANY}, fe);
	in->review_on = form_date_posted(r, "review", &(date_rule){"the review date", false, DATE_ANY}, fe);
}

/* The action's text fields from the form (its dates: check_fields). */
static void read_fields(request *r, action_row *a)
{
	const char *title = form_get(r, "title"), *owner = form_get(r, "owner");
	a->title = title ? title : "";
	a->owner = owner ? owner : "";
}

static void action_fields(request *r, const action_row *a, const form_errors *fe)
{
	form_input(r, "title", "What needs to be done", a->title, fe, NULL);
	form_input(r, "owner", "Who will make sure it happens (optional)", a->owner, fe,
		   &(input_opts){.hint = "A name or a role, for example SENCO", .width = "20"});
	form_date(r, "due", "Due date (optional)", a->due_on, "For example, 31 1 2027", fe);
	form_date(r, "review", "Review date (optional)", a->review_on,
		  "When to check how it is going. For example, 15 12 2026", fe);
}

/* The statement a new action comes from (?evaluation=N&statement=KEY, or
 * the form's hidden fields): 1 when given and this organisation's, 0 when
 * not given, -1 when wrong (not found). */
static int read_source(request *r, const char *evaluation, const char *statement,
		       evaluation_row *ev, action_row *a)
{
	if (text_blank(evaluation))
		return 0;
	char *end;
	long long id = strtoll(evaluation, &end, 10);
	err e = {0};
	if (*end || id <= 0)
		return -1;
	if (text_blank(statement)) {
		if (evaluation_get(&r->d, id, ev, &e) < 0)
			return -1;
	} else if (evaluation_statement(&r->d, id, statement, ev, &e) < 0) {
		return -1;
	}
	if (org_owns(r->org, ev->organisation_id, "evaluation", id, &e) < 0)
		return -1;
	a->source_evaluation_id = id;
	a->source_element_key = text_blank(statement) ? NULL : statement;
	return 1;
}

static void new_form(request *r, const action_row *a, const form_errors *fe)
{
	evaluation_list evs;
	review_row review;
	int have_review = 0;
	if (evaluations_of_org(&r->d, r->org, &evs, &r->e) < 0)
		evs.n = 0;
	if (a->source_element_key)
		have_review = review_find(&r->d, a->source_evaluation_id, a->source_element_key,
					  &review, &r->e);
	page_begin(r, "Add an action");
	if (a->source_element_key)
		htmlf(&r->out, "<a href=\"/org/%D/evaluation/%D/statement/%u\" class=\"govuk-back-link\">Back to the statement</a>",
		     r->org, a->source_evaluation_id, a->source_element_key);
	else
		htmlf(&r->out, "<a href=\"/org/%D/actions\" class=\"govuk-back-link\">Actions</a>", r->org);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Add an action</h1>");
	if (a->source_evaluation_id) {
		htmlf(&r->out, "<div class=\"govuk-inset-text\"><p class=\"govuk-body\">This action comes from ");
		source_link(r, &evs, a);
		htmlf(&r->out, ".</p>");
		if (a->source_element_key) {
			htmlf(&r->out, "<h2 class=\"govuk-heading-s\">Areas for development</h2>");
			text_or_none(r, have_review > 0 ? review.areas : NULL,
				     "None written for this statement yet.");
		}
		htmlf(&r->out, "</div>");
	}
	htmlf(&r->out, "<form method=\"post\" action=\"/org/%D/actions\" novalidate>", r->org);
	form_csrf(r);
	if (a->source_evaluation_id) {
		htmlf(&r->out, "<input type=\"hidden\" name=\"evaluation\" value=\"%D\">", a->source_evaluation_id);
		if (a->source_element_key)
			htmlf(&r->out, "<input type=\"hidden\" name=\"statement\" value=\"%a\">", a->source_element_key);
	}
	action_fields(r, a, fe);
	form_button(r, "Add action");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* ROUTE: GET /org/{org}/actions/new (contributor) */
static int page_action_new(request *r)
{
	action_row a = {.organisation_id = r->org};
	evaluation_row ev;
	if (read_source(r, query_get(r, "evaluation"), query_get(r, "statement"), &ev, &a) < 0)
		return page_not_found(r);
	new_form(r, &a, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/actions (contributor) */
static int page_action_add_post(request *r)
{
	action_row a = {.organisation_id = r->org, .status = "open"};
	evaluation_row ev;
	if (read_source(r, form_get(r, "evaluation"), form_get(r, "statement"), &ev, &a) < 0)
		return page_not_found(r);
	read_fields(r, &a);
	form_errors fe = {0};
	err e = {0};
	int64_t id;
	check_fields(r, &a, &fe);
	if (!fe.n && action_add(&r->d, &a, &id, &e) < 0)
		form_error_add(&fe, "title", sentence(r, e.msg));
	if (fe.n) {
		new_form(r, &a, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "added action %lld: %s", (long long)id, a.title)) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/actions", (long long)r->org));
}

static void edit_form(request *r, const action_row *a, const form_errors *fe)
{
	page_begin(r, "Change an action");
	htmlf(&r->out, "<a href=\"/org/%D/actions\" class=\"govuk-back-link\">Actions</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org);
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Change an action</h1>"
		      "<form method=\"post\" action=\"/org/%D/actions/%D/edit\" novalidate>", r->org, a->id);
	form_csrf(r);
	form_radios(r, "status", "Status", statuses, a->status, NULL, fe);
	action_fields(r, a, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save changes");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/actions\">Cancel</a></div></form></div></div>", r->org);
	page_end(r);
}

/* ROUTE: GET /org/{org}/actions/{action}/edit (contributor) */
static int page_action_edit(request *r)
{
	action_row a;
	int refused = load_action(r, &a);
	if (refused)
		return refused;
	edit_form(r, &a, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/actions/{action}/edit (contributor) */
static int page_action_edit_post(request *r)
{
	action_row a;
	int refused = load_action(r, &a);
	if (refused)
		return refused;
	read_fields(r, &a);
	const char *status = form_get(r, "status");
	a.status = status ? status : "";
	form_errors fe = {0};
	err e = {0};
	check_fields(r, &a, &fe);
	if (!fe.n && action_update(&r->d, &a, &e) < 0)
		form_error_add(&fe, "title", sentence(r, e.msg));
	if (fe.n) {
		edit_form(r, &a, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "changed action %lld: %s (%s)", (long long)a.id,
				     a.title, pair_label(statuses, a.status, a.status))) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/actions", (long long)r->org));
}

const route action_routes[] = {
	{"GET", "/org/{org}/actions", page_actions, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/actions/new", page_action_new, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/actions", page_action_add_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/actions/{action}/edit", page_action_edit, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/actions/{action}/edit", page_action_edit_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
