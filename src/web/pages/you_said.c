/* you_said.c: "You said, we did", at /org/{org}/you-said: what partners
 * told the organisation and what was done about it, adding and changing a
 * record, and the printable notice of the published ones.
 *
 * A record in the URL must belong to the organisation in the URL; another
 * organisation's record is not found. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/review.h"
#include "domain/views.h"
#include "web/pages/pages.h"

/* Record {yousaid} of this organisation: 0, or the status of the error
 * page written (404 for another organisation's). */
static int load_you_said(request *r, you_said_row *y)
{
	if (you_said_get_in_org(&r->d, r->org, param_id(r, 1), y, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	return 0;
}

/* The fields of the form, read back into a record. */
static void you_said_read(request *r, you_said_row *y)
{
	const char *action = form_get(r, "action");
	y->said = form_get(r, "said") ? form_get(r, "said") : "";
	y->did = form_get(r, "did") ? form_get(r, "did") : "";
	y->said_on = "";        /* the dates: you_said_check */
	y->did_on = NULL;
	y->groups = form_groups_value(r, "with");
	y->published = form_get(r, "published") && !strcmp(form_get(r, "published"), "yes");
	y->action_id = 0;
	if (!text_blank(action) && !text_id(action, &y->action_id))
		y->action_id = -1;
}

static bool blank_text(const char *s)
{
	return !s || !s[strspn(s, " \t\r\n")];
}

/* Each field checked on its own, so each problem shows by its field; the
 * two dates are read here from their date inputs. */
static void you_said_check(request *r, you_said_row *y, const action_list *actions,
			   form_errors *fe)
{
	err e = {0};
	if (blank_text(y->said))
		form_error_add(fe, "said", "Enter what partners said");
	else if (text_check_long("What partners said", y->said, true, &e) < 0)
		form_error_add(fe, "said", sentence(r, e.msg));
	const char *said_on = form_date_posted(r, "said_on",
					       &(date_rule){"the date partners said it", true, DATE_PAST}, fe);
	y->said_on = said_on ? said_on : "";
	y->did_on = form_date_posted(r, "did_on", &(date_rule){"the date it was done", false, DATE_ANY}, fe);
	if (text_check_long("What was done", y->did, false, &e) < 0)
		form_error_add(fe, "did", sentence(r, e.msg));
	else if (y->published && blank_text(y->did))
		form_error_add(fe, "did", "Say what was done before publishing it on the notice");
	else if (y->did_on && blank_text(y->did))
		form_error_add(fe, "did", "Say what was done, or leave its date empty");
	if (y->did_on && said_on && strcmp(y->did_on, said_on) < 0)
		form_error_add(fe, "did_on-day",
			       arena_printf(&r->mem, "The date it was done must be the same as or after the date partners said it (%s)",
					    date_words(r, said_on)));
	bool known = !y->action_id;
	for (size_t i = 0; !known && i < actions->n; i++)
		known = actions->items[i].id == y->action_id;
	if (!known)
		form_error_add(fe, "action", "Choose an action from the list");
}

static void action_select(request *r, const action_list *actions, int64_t chosen,
			  const form_errors *fe)
{
	form_select_begin(r, "action", "The action it led to (optional)", fe, NULL);
	form_option(r, "", "None", false);
	for (size_t i = 0; i < actions->n; i++)
		form_option(r, arena_printf(&r->mem, "%lld", (long long)actions->items[i].id),
			    actions->items[i].title, actions->items[i].id == chosen);
	form_select_end(r);
}

static void you_said_fields(request *r, const you_said_row *y, const action_list *actions,
			    const form_errors *fe)
{
	form_textarea(r, "said", "You said: what partners told you", y ? y->said : NULL,
		      "In their words where you can, for example: \"Letters home are hard to follow.\"", fe);
	form_date(r, "said_on", "When they said it", y ? y->said_on : NULL, "For example, 1 10 2026", fe);
	form_partner_groups(r, "with", "Who said it", y ? y->groups : 0, fe);
	form_textarea(r, "did", "We did: what was done about it (optional until it is done)",
		      y ? y->did : NULL, "For example: \"We rewrote our letters with the parent carer forum.\"", fe);
	form_date(r, "did_on", "When it was done (optional)", y ? y->did_on : NULL, "For example, 1 12 2026", fe);
	action_select(r, actions, y ? y->action_id : 0, fe);
	static const char *const publish[] = {"yes", "Show it on the printable notice", NULL};
	bool checked[1] = {y && y->published};
	form_checkboxes(r, "published", "Publish", publish, checked,
			"Only records that say what was done can be published.", fe);
}

static const action_row *find_action(const action_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return &l->items[i];
	return NULL;
}

/* A record made from a comment in a round of views names the round (its
 * results), so what partners said can be traced to where they said it. */
static void round_link(request *r, int64_t you_said)
{
	int64_t round = 0;
	err e = {0};
	if (views_round_of_you_said(&r->d, you_said, &round, &e) != 1)
		return;
	htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">From</dt>"
		       "<dd class=\"govuk-summary-list__value\"><a class=\"govuk-link\" href=\"/org/%D/views/%D/results\">"
		       "A round of partners' views</a></dd></div>", r->org, round);
}

static void you_said_card(request *r, const you_said_row *y, const action_list *actions)
{
	htmlf(&r->out, "<div class=\"govuk-summary-card\" id=\"you-said-%D\"><div class=\"govuk-summary-card__title-wrapper\">"
		      "<h3 class=\"govuk-summary-card__title\">You said, on %t %R</h3>",
	     y->id, date_words(r, y->said_on),
	     y->published ? "<strong class=\"govuk-tag govuk-tag--green\">Published</strong>"
			  : "<strong class=\"govuk-tag govuk-tag--grey\">Not published</strong>");
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<div class=\"govuk-summary-card__actions\"><a class=\"govuk-link\" href=\"/org/%D/you-said/%D/edit\">"
			      "Change<span class=\"govuk-visually-hidden\"> (said on %t)</span></a></div>",
		     r->org, y->id, date_words(r, y->said_on));
	htmlf(&r->out, "</div><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">You said</dt><dd class=\"govuk-summary-list__value\">");
	text_paragraphs_class(r, y->said, "govuk-body", NULL);
	htmlf(&r->out, "</dd></div>");
	summary_row_text(r, "Who said it", sentence(r, groups_describe(&r->mem, y->groups)));
	htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">We did</dt><dd class=\"govuk-summary-list__value\">");
	if (blank_text(y->did))
		htmlf(&r->out, "<p class=\"govuk-body\">Nothing recorded yet.</p>");
	else
		text_paragraphs_class(r, y->did, "govuk-body", NULL);
	htmlf(&r->out, "</dd></div>");
	summary_row_text(r, "When it was done", y->did_on ? date_words(r, y->did_on) : "Not yet");
	round_link(r, y->id);
	const action_row *a = y->action_id ? find_action(actions, y->action_id) : NULL;
	if (a)
		htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Action</dt>"
			      "<dd class=\"govuk-summary-list__value\"><a class=\"govuk-link\" href=\"/org/%D/actions#action-%D\">%t</a></dd></div>",
		     r->org, a->id, a->title);
	htmlf(&r->out, "</dl></div></div>");
}

static int you_said_render(request *r, const you_said_row *typed, const form_errors *fe)
{
	org_row o;
	you_said_list list;
	action_list actions;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 ||
	    you_said_of_org(&r->d, r->org, false, &list, &r->e) < 0 ||
	    actions_of_org(&r->d, r->org, &actions, &r->e) < 0)
		return page_failed(r);
	bool errors = fe && fe->n;
	size_t published = 0;
	for (size_t i = 0; i < list.n; i++)
		published += list.items[i].published;
	page_begin(r, "You said, we did");
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org, o.name);
	if (!errors && query_get(r, "saved"))
		notice_success(r, "Saved");
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">You said, we did</h1>"
		      "<p class=\"govuk-body\">What partners told you and what was done about it. "
		      "Published records make up a one-page notice for a newsletter or notice board.</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/you-said/notice\">The printable notice</a> "
		      "(%z published record%R)</p>",
	     o.name, r->org, published, published == 1 ? "" : "s");
	if (!list.n)
		htmlf(&r->out, "<p class=\"govuk-body\">There are no records yet.</p>");
	for (size_t i = 0; i < list.n; i++)
		you_said_card(r, &list.items[i], &actions);
	if (r->access >= ACCESS_CONTRIBUTE) {
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"add\">Add a record</h2>"
			      "<form method=\"post\" action=\"/org/%D/you-said\" novalidate>", r->org);
		form_csrf(r);
		you_said_fields(r, typed, &actions, fe);
		form_button(r, "Add record");
		htmlf(&r->out, "</form>");
	}
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return errors ? 400 : 200;
}

/* ROUTE: GET /org/{org}/you-said (viewer) */
static int page_you_said(request *r)
{
	return you_said_render(r, NULL, NULL);
}

static int you_said_failed(request *r, const err *e)
{
	if (e->kind == ERR_BUSY)
		return page_error(r, e);
	return web_error_page(r, 500, "Sorry, something went wrong", sentence(r, e->msg));
}

/* ROUTE: POST /org/{org}/you-said (contributor) */
static int page_you_said_add_post(request *r)
{
	you_said_row y = {.organisation_id = r->org};
	action_list actions;
	form_errors fe = {0};
	err e = {0};
	if (actions_of_org(&r->d, r->org, &actions, &r->e) < 0)
		return page_failed(r);
	you_said_read(r, &y);
	you_said_check(r, &y, &actions, &fe);
	int64_t id;
	if (!fe.n && you_said_add(&r->d, &y, &id, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return you_said_failed(r, &e);
		form_error_add(&fe, "said", sentence(r, e.msg));
	}
	if (fe.n)
		return you_said_render(r, &y, &fe);
	if (page_log(r, arena_printf(&r->mem, "added \"You said, we did\" record %lld", (long long)id)) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/you-said?saved=1#you-said-%lld",
					    (long long)r->org, (long long)id));
}

static int you_said_edit_render(request *r, const you_said_row *y, const form_errors *fe)
{
	action_list actions;
	if (actions_of_org(&r->d, r->org, &actions, &r->e) < 0)
		return page_failed(r);
	bool errors = fe && fe->n;
	page_begin(r, "Change a \"You said, we did\" record");
	htmlf(&r->out, "<a href=\"/org/%D/you-said\" class=\"govuk-back-link\">You said, we did</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org);
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Change a \"You said, we did\" record</h1>"
		      "<form method=\"post\" action=\"/org/%D/you-said/%D/edit\" novalidate>", r->org, y->id);
	form_csrf(r);
	you_said_fields(r, y, &actions, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save changes");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/you-said\">Cancel</a></div></form></div></div>", r->org);
	page_end(r);
	return errors ? 400 : 200;
}

/* ROUTE: GET /org/{org}/you-said/{yousaid}/edit (contributor) */
static int page_you_said_edit(request *r)
{
	you_said_row y;
	int refused = load_you_said(r, &y);
	if (refused)
		return refused;
	return you_said_edit_render(r, &y, NULL);
}

/* ROUTE: POST /org/{org}/you-said/{yousaid}/edit (contributor) */
static int page_you_said_edit_post(request *r)
{
	you_said_row y;
	action_list actions;
	int refused = load_you_said(r, &y);
	if (refused)
		return refused;
	if (actions_of_org(&r->d, r->org, &actions, &r->e) < 0)
		return page_failed(r);
	form_errors fe = {0};
	err e = {0};
	you_said_read(r, &y);
	you_said_check(r, &y, &actions, &fe);
	if (!fe.n && you_said_edit(&r->d, &y, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return you_said_failed(r, &e);
		form_error_add(&fe, "said", sentence(r, e.msg));
	}
	if (fe.n)
		return you_said_edit_render(r, &y, &fe);
	if (page_log(r, arena_printf(&r->mem, "changed \"You said, we did\" record %lld%s",
				     (long long)y.id, y.published ? " (published)" : "")) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/you-said?saved=1#you-said-%lld",
					    (long long)r->org, (long long)y.id));
}

/* ROUTE: GET /org/{org}/you-said/notice (viewer)
 * A page of its own, without the service's navigation: large plain text
 * that prints on one page as it is. The way back is hidden in print. */
static int page_you_said_notice(request *r)
{
	org_row o;
	you_said_list list;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 ||
	    you_said_of_org(&r->d, r->org, true, &list, &r->e) < 0)
		return page_failed(r);
	htmlf(&r->out, "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">\n<head>\n"
		      "<meta charset=\"utf-8\">\n<title>You said, we did - %t - copro</title>\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		      "<link rel=\"stylesheet\" href=\"/assets/copro.css\">\n"
		      "</head>\n<body class=\"govuk-template__body\">\n"
		      "<div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper copro-notice\" id=\"main-content\">"
		      "<p class=\"govuk-body govuk-!-display-none-print\"><a class=\"govuk-link\" href=\"/org/%D/you-said\">Back to You said, we did</a>. "
		      "Print this page for a newsletter or a notice board.</p>"
		      "<h1 class=\"govuk-heading-xl\">You said, we did</h1>"
		      "<p class=\"govuk-body-l\">%t</p>",
	     o.name, r->org, o.name);
	if (!list.n)
		htmlf(&r->out, "<p class=\"govuk-body-l\">Nothing has been published yet.</p>");
	for (size_t i = 0; i < list.n; i++) {
		const you_said_row *y = &list.items[i];
		htmlf(&r->out, "<div class=\"govuk-!-margin-bottom-8\"><h2 class=\"govuk-heading-l govuk-!-margin-bottom-2\">You said</h2>");
		text_paragraphs_class(r, y->said, "govuk-body-l", NULL);
		htmlf(&r->out, "<h2 class=\"govuk-heading-l govuk-!-margin-bottom-2\">We did</h2>");
		text_paragraphs_class(r, y->did, "govuk-body-l", NULL);
		int64_t round = 0;
		if (views_round_of_you_said(&r->d, y->id, &round, &r->e) == 1)
			htmlf(&r->out, "<p class=\"govuk-body\">From <a class=\"govuk-link\" href=\"/org/%D/views/%D/results\">"
				       "a round of partners' views</a>.</p>", r->org, round);
		htmlf(&r->out, "</div>");
		if (i + 1 < list.n)
			htmlf(&r->out, "<hr class=\"govuk-section-break govuk-section-break--l govuk-section-break--visible\">");
	}
	htmlf(&r->out, "</main></div>\n</body>\n</html>\n");
	return 200;
}

const route you_said_routes[] = {
	{"GET", "/org/{org}/you-said", page_you_said, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/you-said", page_you_said_add_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/you-said/notice", page_you_said_notice, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/you-said/{yousaid}/edit", page_you_said_edit, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/you-said/{yousaid}/edit", page_you_said_edit_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
