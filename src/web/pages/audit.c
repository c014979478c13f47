/* audit.c: one joint partnership audit (/org/{org}/audit/{audit}), laid
 * out like York's source form, and its workflow: submitting, the area's
 * return or acceptance, a new version, actions from its next steps. Its
 * details form is in audit_edit.c, a principle's page in audit_principle.c.
 * Wording of principles, levels, fields and outcomes comes from the audit's
 * stored instrument. */
#include <string.h>

#include "core/text.h"
#include "web/pages/audit_common.h"

/* A summary list row of text, `empty` when there is none. */
static void summary_text(request *r, const char *key, const char *value, const char *empty)
{
	summary_row_open(r, key);
	htmlf(&r->out, "%t</dd></div>", text_blank(value) ? empty : value);
}

/* What an event in the history did, from the status it moved to. */
static const char *event_label(const char *status)
{
	static const char *const events[] = {
		"draft", "Started as a draft",
		"submitted", "Submitted to the area",
		"returned", "Returned to the organisation",
		"accepted", "Accepted by the area", NULL};
	return pair_label(events, status, status);
}

/* Why a step is not possible for this audit now. */
static const char *step_refusal(request *r, const audit_view *v, enum audit_step step)
{
	const char *status = audit_status_label(v->audit.status);
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

static void header_summary(request *r, const audit_view *v, bool can_edit)
{
	const audit_row *a = &v->audit;
	htmlf(&r->out, "<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\">"
		      "<h2 class=\"govuk-summary-card__title\" id=\"header\">About this audit</h2>");
	if (can_edit)
		htmlf(&r->out, "<div class=\"govuk-summary-card__actions\"><a class=\"govuk-link\" href=\"%a/edit\">"
			      "Change<span class=\"govuk-visually-hidden\"> the details of this audit</span></a></div>",
		     audit_url(r, r->org, a->id));
	htmlf(&r->out, "</div><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">");
	summary_text(r, audit_title_or(v, "organisation", "Organisation"), v->org.name, "");
	summary_text(r, audit_title_or(v, "service-area", "Service area"), a->service_area, "Not given");
	summary_row_open(r, audit_title_or(v, "description", "Description"));
	text_paragraphs(r, a->description, "Not given");
	htmlf(&r->out, "</dd></div>");
	summary_text(r, audit_title_or(v, "date", "Date of audit"),
		     a->audit_date ? date_words(r, a->audit_date) : NULL, "Not given");
	summary_row_open(r, audit_title_or(v, "completed-by", "People completing the audit"));
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
	summary_row_open(r, "Status");
	audit_status_tag(r, a->status);
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

/* The principles in one table, each row linking to its own page, where
 * its commitments, indicator, levels, notes and evidence are. */
static void principles_table(request *r, const audit_view *v, bool can_edit)
{
	const char *term = audit_principle_term(r, v->fw);
	const char *lterm = v->fw->term_section ? v->fw->term_section : "principle";
	const char *base = audit_url(r, r->org, v->audit.id);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"principles\">%ts</h2>", term);
	table_scroll_open(r, arena_printf(&r->mem, "%ss", term));
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Each %t's level, score (on this area's "
		      "scale of %d to %d), notes and evidence. Open a %t for its commitments and indicator.</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Level</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Notes</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Evidence</th>%R"
		      "</tr></thead><tbody class=\"govuk-table__body\">",
	     lterm, v->settings.score_min, v->settings.score_max, lterm, term,
	     audit_title_or(v, "score", "Score"),
	     can_edit ? "<th scope=\"col\" class=\"govuk-table__header\"><span class=\"govuk-visually-hidden\">Change</span></th>" : "");
	for (size_t i = 0; i < v->n_principles; i++) {
		const audit_principle_view *pv = &v->principles[i];
		const fw_section *s = pv->principle;
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\" id=\"principle-%a\">"
			      "<a class=\"govuk-link\" href=\"%a/principle/%u\">%t %t: %t</a></th>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">",
		     s->key, base, s->key, term, s->key, s->title, pv->level ? pv->level->title : "Not chosen yet");
		if (pv->row.score != AUDIT_NO_SCORE)
			htmlf(&r->out, "%d", pv->row.score);
		else
			htmlf(&r->out, "Not given");
		htmlf(&r->out, "</td><td class=\"govuk-table__cell\">%t%t</td><td class=\"govuk-table__cell\">",
		     text_blank(pv->row.notes) ? "None written" : "Written",
		     pv->area_comment ? ". The area commented on it" : "");
		if (pv->n_evidence)
			htmlf(&r->out, "%z linked", pv->n_evidence);
		else
			htmlf(&r->out, "None linked");
		htmlf(&r->out, "</td>");
		if (can_edit)
			htmlf(&r->out, "<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"%a/principle/%u\">Record"
				      "<span class=\"govuk-visually-hidden\"> the judgement for %t %t</span></a></td>",
			     base, s->key, lterm, s->key);
		htmlf(&r->out, "</tr>");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void overall_summary(request *r, const audit_view *v, bool can_edit)
{
	const audit_row *a = &v->audit;
	htmlf(&r->out, "<div class=\"govuk-summary-card\" id=\"overall\"><div class=\"govuk-summary-card__title-wrapper\">"
		      "<h2 class=\"govuk-summary-card__title\">Overall summary</h2>");
	if (can_edit)
		htmlf(&r->out, "<div class=\"govuk-summary-card__actions\"><a class=\"govuk-link\" href=\"%a/edit#outcome\">"
			      "Change<span class=\"govuk-visually-hidden\"> the overall summary</span></a></div>",
		     audit_url(r, r->org, a->id));
	htmlf(&r->out, "</div><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">");
	summary_text(r, "Outcome", a->outcome ? audit_outcome_words(v, a->outcome) : NULL, "Not chosen yet");
	summary_row_open(r, "Suggested outcome");
	if (v->suggested)
		htmlf(&r->out, "%t <span class=\"govuk-hint\">(by this area's local rule: see below)</span>",
		     audit_outcome_words(v, v->suggested));
	else
		htmlf(&r->out, "None yet: every principle needs a level first");
	htmlf(&r->out, "</dd></div>");
	if (v->overridden || !text_blank(a->outcome_reason))
		summary_text(r, "Reason for a different outcome than suggested", a->outcome_reason,
			     "Not given");
	summary_row_open(r, audit_title_or(v, "summary", "Summary"));
	text_paragraphs(r, a->summary, "Not written yet");
	htmlf(&r->out, "</dd></div>");
	summary_row_open(r, audit_title_or(v, "next-steps", "Next steps"));
	text_paragraphs(r, a->next_steps, "Not written yet");
	htmlf(&r->out, "</dd></div>");
	summary_text(r, audit_title_or(v, "review-date", "Review date"),
		     a->review_on ? date_words(r, a->review_on) : NULL, "Not given");
	summary_row_open(r, audit_title_or(v, "sign-off", "Signed off by"));
	if (text_blank(a->signed_by))
		htmlf(&r->out, "Not signed off yet");
	else
		htmlf(&r->out, "%t%R%t", a->signed_by, a->signed_on ? ", " : "",
		     a->signed_on ? date_words(r, a->signed_on) : "");
	htmlf(&r->out, "</dd></div></dl></div></div>");
	audit_rule_note(r, v);
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
	htmlf(&r->out, "<form method=\"post\" action=\"%a/actions\" novalidate>", audit_url(r, r->org, v->audit.id));
	const char *msg = form_group_begin(r, "create-actions", fe);
	form_csrf(r);
	htmlf(&r->out, "<p class=\"govuk-body\" id=\"create-actions-hint\">This adds one action to your organisation's "
		      "action list for each line of the next steps not raised yet.</p>");
	form_error_message(r, "create-actions", msg);
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
	table_scroll_open(r, arena_printf(&r->mem, "History of version %d", v->audit.version));
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
		text_paragraphs(r, ev->comment, NULL);
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
			     audit_url(r, r->org, a->id), a->version);
		}
		audit_status_tag(r, a->status);
		htmlf(&r->out, "</li>");
	}
	htmlf(&r->out, "</ul>");
}

static void step_form(request *r, const audit_view *v, const char *step, const char *button,
		      bool secondary)
{
	htmlf(&r->out, "<form method=\"post\" action=\"%a/%R\" novalidate>", audit_url(r, r->org, v->audit.id),
	     step);
	form_csrf(r);
	htmlf(&r->out, "<button type=\"submit\" id=\"%a-button\" class=\"govuk-button%R\" data-module=\"govuk-button\">%t</button></form>",
	     step, secondary ? " govuk-button--secondary" : "", button);
}

/* The area's decision: return with a comment, or accept. */
static void decision_forms(request *r, const audit_view *v, const form_errors *fe,
			   const char *comment)
{
	(void)comment;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"decision\">The area's decision</h2>"
		      "<p class=\"govuk-body\">Return the audit when the organisation needs to change something: "
		      "you can comment on the whole audit and on each principle.</p>"
		      "<a class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\" href=\"%a/return\">Return to the organisation</a>"
		      "<form method=\"post\" action=\"%a/accept\" novalidate>",
	      audit_url(r, r->org, v->audit.id), audit_url(r, r->org, v->audit.id));
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
	/* A returned audit's banner carries this button at the top. */
	bool revise = audit_step_allowed(a, v->latest, AUDIT_REVISE, r->access) &&
		      (strcmp(a->status, "returned") || text_blank(v->return_comment));
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
	static const char *const said[] = {
		"submitted", "The audit has been submitted to the area",
		"returned", "The audit has been returned to the organisation with your comment",
		"accepted", "The audit has been accepted",
		"revised", NULL,
		"actions", "Actions have been created from the next steps",
		"saved", "Your changes have been saved", NULL};
	const char *done = query_get(r, "done");
	for (size_t i = 0; done && said[i]; i += 2)
		if (!strcmp(done, said[i]))
			notice_success_link(r, "success-title",
					    said[i + 1] ? said[i + 1]
							: arena_printf(&r->mem, "Version %d has been started as a draft",
								       v->audit.version),
					    NULL, NULL);
}

static void return_banner(request *r, const audit_view *v)
{
	if (strcmp(v->audit.status, "returned") || text_blank(v->return_comment))
		return;
	htmlf(&r->out, "<div class=\"govuk-notification-banner\" role=\"region\" aria-labelledby=\"returned-title\" data-module=\"govuk-notification-banner\">"
		      "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"returned-title\">Returned by the area</h2></div>"
		      "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">The area returned this audit with a comment:</p>");
	text_paragraphs(r, v->return_comment, NULL);
	/* The banner asks for a new version, so it carries the button. */
	if (audit_step_allowed(&v->audit, v->latest, AUDIT_REVISE, r->access)) {
		htmlf(&r->out, "<p class=\"govuk-body\">Start a new version to make the changes. "
			      "It copies everything in this one, as a draft; this version stays as it is.</p>");
		step_form(r, v, "revise", "Start a new version", false);
	} else if (v->latest) {
		htmlf(&r->out, "<p class=\"govuk-body\">Your organisation lead can start a new version to make the changes.</p>");
	}
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
	page_begin(r, arena_printf(&r->mem, "%s, version %d - %s", name,
				   a->version, v->org.name));
	audit_breadcrumbs(r, v, NULL);
	form_error_summary(r, fe);
	done_banner(r, v);
	return_banner(r, v);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t "
		      "<span class=\"govuk-caption-m\">Version %d</span></h1>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/frameworks/%u#how-to-use\">About this audit: York's introduction</a></p>",
	     v->fw->title, name, a->version, v->fw->id);
	print_or_download_link(r, arena_printf(&r->mem, "/org/%lld/audit/%lld", (long long)r->org, (long long)a->id),
			       "this audit as York's form");
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
	/* The status, the judgements at a glance, the overall summary and
	 * what to do next come first; the form's details and history after. */
	htmlf(&r->out, "<p class=\"govuk-body\">Status: ");
	audit_status_tag(r, a->status);
	htmlf(&r->out, "</p>");
	principles_table(r, v, can_edit);
	overall_summary(r, v, can_edit);
	if (can_edit)
		htmlf(&r->out, "<a href=\"%a/edit\" role=\"button\" draggable=\"false\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Change the audit details</a>",
		     audit_url(r, r->org, a->id));
	workflow(r, v, fe, comment);
	actions_raised(r, v, fe);
	header_summary(r, v, can_edit);
	project_summary(r, v);
	views_entry_links(r, "audit", a->id);
	history(r, v);
	versions(r, v);
	page_end(r);
}

/* ROUTE: GET /org/{org}/audit/{audit} (viewer) */
static int page_audit(request *r)
{
	audit_view v;
	int st = audit_page_load(r, &v);
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

/* Loads the audit and checks the step is possible now (409 when not). */
static int load_for_step(request *r, audit_view *v, enum audit_step step)
{
	int st = audit_page_load(r, v);
	if (st)
		return st;
	if (!audit_step_allowed(&v->audit, v->latest, step, r->access))
		return audit_conflict(r, v, step_refusal(r, v, step));
	return 0;
}

/* After a refused step: a problem with what was sent shows the audit again
 * with it; a state that forbids it answers 409. */
static int step_failed(request *r, audit_view *v, const err *e, const char *field,
		       const char *comment)
{
	if (e->kind == ERR_CONFLICT)
		return audit_conflict(r, v, sentence(r, e->msg));
	if (e->kind == ERR_INPUT)
		return refuse_on_audit(r, v, field, sentence(r, e->msg), comment);
	return audit_page_error(r, e);
}

static int step_done(request *r, int64_t audit, const char *done, const char *what)
{
	if (page_log(r, what) < 0)
		return audit_page_error(r, &r->e);
	return web_redirect(r, arena_printf(&r->mem, "%s?done=%s", audit_url(r, r->org, audit), done));
}

/* ROUTE: POST /org/{org}/audit/{audit}/submit (lead) */
static int page_submit(request *r)
{
	audit_view v;
	int st = load_for_step(r, &v, AUDIT_SUBMIT);
	if (st)
		return st;
	err e = {0};
	audit_actor who = audit_actor_of(r);
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
	audit_actor who = audit_actor_of(r);
	int64_t id = 0;
	if (audit_revise(&r->d, v.audit.id, &who, &id, &e) < 0)
		return step_failed(r, &v, &e, "revise-button", NULL);
	return step_done(r, id, "revised",
			 arena_printf(&r->mem, "started version %d of audit %lld as audit %lld",
				      v.audit.version + 1, (long long)v.audit.first_id, (long long)id));
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
	audit_actor who = audit_actor_of(r);
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
	int st = audit_page_load(r, &v);
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

const route audit_routes[] = {
	{"GET", "/org/{org}/audit/{audit}", page_audit, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/audit/{audit}/actions", page_actions_create, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/audit/{audit}/submit", page_submit, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/audit/{audit}/revise", page_revise, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/audit/{audit}/accept", page_accept, ROUTE_POST, ACCESS_AREA},
	{0},
};
