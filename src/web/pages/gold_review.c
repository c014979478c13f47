/* gold_review.c: the assessor's forms, each a page at one address: a
 * comment on one statement (.../readiness/comment/{statement}) and the
 * decision (.../readiness/decision), awarded or not yet with reasons.
 * Only the assessor invited to the evaluation reaches them (ROUTE_ASSESSOR). */
#include <string.h>

#include "web/pages/evaluation_page.h"
#include "web/pages/gold_page.h"

static void review_begin(request *r, const char *title, const char *caption, const form_errors *fe)
{
	page_begin(r, title);
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">Back to readiness</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", gold_path(r));
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>", caption, title);
}

static int review_end(request *r, const form_errors *fe)
{
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
	r->status = fe && fe->n ? 400 : 200;
	return r->status;
}

/* The statement in the URL, from the evaluation's instrument: 0, or the
 * status of the error page written. */
static int statement_of(request *r, const fw_element **el)
{
	eval_page pg;
	int st = eval_page_load(r, &pg, true);
	if (st)
		return st;
	*el = pg.ep->element;
	return 0;
}

static int comment_form(request *r, const fw_element *el, const char *typed, const form_errors *fe)
{
	if (!typed) {
		gold_comment_list all;
		err e = {0};
		if (gold_comments_of(&r->d, r->assessor->evaluation_id, &all, &e) < 0)
			return page_error(r, &e);
		for (size_t i = 0; i < all.n; i++)
			if (!strcmp(all.items[i].element_key, el->key))
				typed = all.items[i].comment;
	}
	review_begin(r, "Comment on the statement", arena_printf(&r->mem, "%s %s", el->key, el->title), fe);
	htmlf(&r->out, "<p class=\"govuk-body\">The organisation sees your comment on its readiness page. "
		      "Leave it empty to remove it.</p><form method=\"post\" action=\"%a/comment/%u\" novalidate>",
	     gold_path(r), el->key);
	form_csrf(r);
	form_textarea(r, "comment", "Your comment", typed, "What the evidence shows, and what is missing.", fe);
	form_button(r, "Save comment");
	return review_end(r, fe);
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/readiness/comment/{statement} (assessor) */
static int page_comment(request *r)
{
	const fw_element *el;
	int st = statement_of(r, &el);
	return st ? st : comment_form(r, el, NULL, NULL);
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/readiness/comment/{statement} (assessor) */
static int page_comment_post(request *r)
{
	const fw_element *el;
	int st = statement_of(r, &el);
	if (st)
		return st;
	const char *comment = form_trimmed(r, "comment");
	err e = {0};
	form_errors fe = {0};
	if (gold_comment_set(&r->d, &r->sess.user, r->assessor, el->key, comment, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, "comment", sentence(r, e.msg));
		return comment_form(r, el, comment, &fe);
	}
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=comment#s-%s", gold_path(r), el->key));
}

static int decision_form(request *r, const form_errors *fe)
{
	static const char *const choices[] = {"awarded", "Awarded", "not-yet", "Not yet", NULL};
	gold_settings set;
	err e = {0};
	if (gold_settings_of_org(&r->d, r->org, &set, &e) < 0)
		return page_error(r, &e);
	review_begin(r, "Record your decision", arena_printf(&r->mem, "%s, self-evaluation %s",
							      r->assessor->org_name, r->assessor->cycle), fe);
	htmlf(&r->out, "<p class=\"govuk-body\">An award is recorded with today's date, and reaccreditation is due "
		      "%d years later (your area's setting). &ldquo;Not yet&rdquo; needs your reasons, which the "
		      "organisation reads.</p><form method=\"post\" action=\"%a/decision\" novalidate>",
	     set.award_years, gold_path(r));
	form_csrf(r);
	form_radios(r, "decision", "Is Charter Gold awarded?", choices, form_get(r, "decision"), NULL, fe);
	form_textarea(r, "reasons", "Reasons", form_get(r, "reasons"),
		      "Required for \"Not yet\": what the organisation needs to show.", fe);
	form_button(r, "Record decision");
	return review_end(r, fe);
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/readiness/decision (assessor) */
static int page_decision(request *r)
{
	return decision_form(r, NULL);
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/readiness/decision (assessor) */
static int page_decision_post(request *r)
{
	gold_decide in = {.decision = form_get(r, "decision"), .reasons = form_trimmed(r, "reasons")};
	form_errors fe = {0};
	err e = {0};
	gold_decision_row out;
	if (!in.decision || (strcmp(in.decision, "awarded") && strcmp(in.decision, "not-yet")))
		form_error_add(&fe, "decision", "Select whether Charter Gold is awarded or not yet");
	else if (!strcmp(in.decision, "not-yet") && !*in.reasons)
		form_error_add(&fe, "reasons", "Enter your reasons for \"Not yet\"");
	else if (gold_decision_record(&r->d, &r->sess.user, r->assessor, &in, &out, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, "reasons", sentence(r, e.msg));
	}
	if (fe.n)
		return decision_form(r, &fe);
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=decision", gold_path(r)));
}

const route gold_review_routes[] = {
	{"GET", "/org/{org}/evaluation/{evaluation}/readiness/comment/{statement}", page_comment, ROUTE_ASSESSOR,
	 ACCESS_VIEW},
	{"POST", "/org/{org}/evaluation/{evaluation}/readiness/comment/{statement}", page_comment_post,
	 ROUTE_ASSESSOR | ROUTE_POST, ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/readiness/decision", page_decision, ROUTE_ASSESSOR, ACCESS_VIEW},
	{"POST", "/org/{org}/evaluation/{evaluation}/readiness/decision", page_decision_post,
	 ROUTE_ASSESSOR | ROUTE_POST, ACCESS_VIEW},
	{NULL, NULL, NULL, 0, ACCESS_NONE},
};
