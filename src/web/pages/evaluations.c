/* evaluations.c: an organisation's self-evaluations (/org/{org}/evaluations,
 * the navigation's "Self-evaluations"), and a lead setting one's status
 * (draft, in review, submitted) on its own page, with who set it and when. */
#include <string.h>

#include "web/pages/evaluation_page.h"

static const char *const statuses[] = {
	"draft", "Draft",
	"in-review", "In review",
	"submitted", "Submitted", NULL};

void evaluation_status_tag(request *r, const char *status)
{
	const char *cls = "govuk-tag govuk-tag--grey";
	if (!strcmp(status, "in-review"))
		cls = "govuk-tag";
	else if (!strcmp(status, "submitted"))
		cls = "govuk-tag govuk-tag--green";
	htmlf(&r->out, "<strong class=\"%a\">%t</strong>", cls, pair_label(statuses, status, "Draft"));
}

/* "Set by Sam Lead on 3 December 2026, 10:04 UTC", when the log says. */
static const char *status_words(request *r, int found, const activity_row *a)
{
	return found ? arena_printf(&r->mem, "Set by %s on %s", a->user_name, time_words(r, a->at)) : NULL;
}

static int status_who(request *r, const evaluation_row *ev, const char **words)
{
	activity_row a;
	err e = {0};
	int found = evaluation_status_change(&r->d, ev, &a, &e);
	if (found < 0)
		return page_error(r, &e);
	*words = status_words(r, found, &a);
	return 0;
}

void evaluation_status_row(request *r, const evaluation_row *ev, const activity_list *line)
{
	activity_row a;
	const char *who = status_words(r, evaluation_status_change_take(ev, line, &a), &a);
	htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Status</dt>"
		      "<dd class=\"govuk-summary-list__value\">");
	evaluation_status_tag(r, ev->status);
	if (who)
		htmlf(&r->out, "<p class=\"govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0\">%t</p>", who);
	htmlf(&r->out, "</dd>");
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"/org/%D/evaluation/%D/status\">"
			      "Change<span class=\"govuk-visually-hidden\"> status</span></a></dd>",
		     r->org, ev->id);
	htmlf(&r->out, "</div>");
}

void evaluation_status_notice(request *r, const evaluation_row *ev)
{
	const char *saved = query_get(r, "saved");
	if (saved && !strcmp(saved, "status"))
		notice_success(r, arena_printf(&r->mem, "Status saved: %s",
					       pair_label(statuses, ev->status, ev->status)));
}

void evaluation_submitted_notice(request *r, int64_t evaluation)
{
	htmlf(&r->out, "<div class=\"govuk-inset-text\"><p class=\"govuk-body\">This self-evaluation has been "
		      "submitted, so it can no longer change. %t</p>",
	     r->access >= ACCESS_LEAD ? "You can set it back to draft or in review." : "Your organisation lead can set it back to draft.");
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<a href=\"/org/%D/evaluation/%D/status\" role=\"button\" draggable=\"false\""
			      " class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0\" data-module=\"govuk-button\">"
			      "Change the status</a>", r->org, evaluation);
	htmlf(&r->out, "</div>");
}

int evaluations_list(request *r, const evaluation_list *evs)
{
	if (!evs->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">No self-evaluation has started yet.</p>");
		return 0;
	}
	htmlf(&r->out, "<ul class=\"govuk-list govuk-list--spaced\">");
	for (size_t i = 0; i < evs->n; i++) {
		evaluation_progress p;
		err e = {0};
		if (evaluation_progress_load(&r->d, evs->items[i].id, &p, &e) < 0)
			return page_error(r, &e);
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">%t, %t</a> ",
		     r->org, evs->items[i].id, p.fw->title, evs->items[i].cycle);
		evaluation_status_tag(r, evs->items[i].status);
		htmlf(&r->out, "<br>%z of %z indicators have evidence; %z of %z statements complete</li>",
		     p.indicators_evidenced, p.indicators, p.elements_complete, p.elements);
	}
	htmlf(&r->out, "</ul>");
	return 0;
}

void evaluation_start_form(request *r)
{
	htmlf(&r->out, "<form method=\"post\" action=\"/org/%D/evaluations\" novalidate>", r->org);
	form_csrf(r);
	htmlf(&r->out, "<input type=\"hidden\" name=\"framework\" value=\"four-cornerstones\">");
	form_input(r, "cycle", "Start a Four Cornerstones self-evaluation for the cycle", NULL, NULL,
		   &(input_opts){.hint = "For example 2026-27", .width = "10"});
	form_button(r, "Start self-evaluation");
	htmlf(&r->out, "</form>");
}

/* ROUTE: GET /org/{org}/evaluations (viewer) */
static int page_evaluations(request *r)
{
	org_row o;
	evaluation_list evs;
	err e = {0};
	if (org_get(&r->d, r->org, &o, &e) < 0 || evaluations_of_org(&r->d, r->org, &evs, &e) < 0)
		return page_error(r, &e);
	page_begin(r, arena_printf(&r->mem, "Self-evaluations - %s", o.name));
	breadcrumbs_org(r, o.name, NULL, "Self-evaluations");
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Self-evaluations</h1>",
	     o.name);
	int st = evaluations_list(r, &evs);
	if (st)
		return st;
	if (r->access >= ACCESS_LEAD)
		evaluation_start_form(r);
	page_end(r);
	return 200;
}

static int status_form(request *r, const eval_page *pg, const form_errors *fe)
{
	const evaluation_row *ev = &pg->p.evaluation;
	const char *who;
	int st = status_who(r, ev, &who);
	if (st)
		return st;
	bool errors = fe && fe->n;
	const char *name = arena_printf(&r->mem, "%s, %s", pg->p.fw->title, ev->cycle);
	page_begin(r, arena_printf(&r->mem, "Status of %s - %s", name, pg->org.name));
	const char *links[] = {evaluation_path(r, pg), name, NULL};
	breadcrumbs_org(r, pg->org.name, links, "Status");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Status of the self-evaluation</h1>"
		      "<p class=\"govuk-body\">Its status is %t.%t</p>"
		      "<ul class=\"govuk-list govuk-list--bullet\">"
		      "<li><strong>Draft</strong>: people are still adding evidence and judgements.</li>"
		      "<li><strong>In review</strong>: it is ready for the leads and partners to check.</li>"
		      "<li><strong>Submitted</strong>: it is finished. Nobody can change its evidence or "
		      "judgements until a lead sets it back to draft or in review.</li></ul>"
		      "<form method=\"post\" action=\"%a/status\" novalidate>",
	     name, pair_label(statuses, ev->status, ev->status), who ? arena_printf(&r->mem, " %s.", who) : "",
	     evaluation_path(r, pg));
	form_csrf(r);
	form_radios(r, "status", "New status", statuses, errors ? form_get(r, "status") : ev->status, NULL, fe);
	form_button(r, "Save status");
	htmlf(&r->out, "</form><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Cancel</a></p></div></div>",
	     evaluation_path(r, pg));
	page_end(r);
	return errors ? 400 : 200;
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/status (lead) */
static int page_status(request *r)
{
	eval_page pg;
	int st = eval_page_load(r, &pg, false);
	return st ? st : status_form(r, &pg, NULL);
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/status (lead) */
static int page_status_post(request *r)
{
	eval_page pg;
	int st = eval_page_load(r, &pg, false);
	if (st)
		return st;
	const char *status = form_get(r, "status");
	if (!status || !pair_label(statuses, status, NULL)) {
		form_errors fe = {0};
		form_error_add(&fe, "status", "Select the status of the self-evaluation");
		return status_form(r, &pg, &fe);
	}
	err e = {0};
	if (evaluation_set_status_by(&r->d, &r->sess.user, pg.p.evaluation.id, status, &e) < 0)
		return page_error(r, &e);
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=status", evaluation_path(r, &pg)));
}

const route evaluations_routes[] = {
	{"GET", "/org/{org}/evaluations", page_evaluations, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/status", page_status, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/status", page_status_post, ROUTE_POST, ACCESS_LEAD},
	{0},
};
