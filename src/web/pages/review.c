/* review.c: plan, do, review: reviewing an action (what happened, evidence,
 * readings, who took part), "You said, we did" with its printable notice,
 * and the comparison of a cycle with the one before. Starting the next
 * cycle and re-confirming carried evidence are forms of the evaluation
 * pages (evaluation.c).
 *
 * Every handler checks that the record in the URL belongs to the
 * organisation in the URL; another organisation's record is not found. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/measure.h"
#include "domain/review.h"
#include "web/pages/pages.h"

static const char *const action_statuses[] = {
	"open", "Open",
	"in-progress", "In progress",
	"done", "Done",
	"dropped", "Dropped", NULL};


static bool parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v = s && *s ? strtoll(s, &end, 10) : 0;
	if (!s || !*s || *end || v <= 0)
		return false;
	*id = v;
	return true;
}




/* ==== reviewing an action ============================================== */

typedef struct review_page {
	org_row org;
	action_row action;
	action_review_list reviews;
	evidence_list library;
	reading_pick_list readings;     /* every reading of the organisation */
	review_evidence_list review_evidence;
} review_page;

/* Loads action {action} of this organisation: 0, or the status of the
 * error page written. */
static int review_load(request *r, review_page *pg)
{
	if (action_get_in_org(&r->d, r->org, param_id(r, 1), &pg->action, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	if (org_get(&r->d, r->org, &pg->org, &r->e) < 0 ||
	    action_reviews_of_action(&r->d, pg->action.id, &pg->reviews, &r->e) < 0 ||
	    evidence_of_org(&r->d, r->org, &pg->library, &r->e) < 0 ||
	    readings_of_org(&r->d, r->org, &pg->readings, &r->e) < 0 ||
	    review_evidence_of_org(&r->d, r->org, &pg->review_evidence, &r->e) < 0)
		return page_failed(r);
	return 0;
}

static const char *reading_words(request *r, const reading_pick_row *rd)
{
	/* The pick row has no kind: the number as a metric shows it (62.5, 8), without its unit. */
	const metric_row plain = {.kind = "count", .unit = ""};
	return arena_printf(&r->mem, "%s: %s on %s", rd->metric, metric_value_text(&r->mem, &plain, rd->value),
			    date_words(r, rd->taken_on));
}

static void past_reviews(request *r, const review_page *pg)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Reviews so far</h2>");
	if (!pg->reviews.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">This action has not been reviewed yet.</p>");
		return;
	}
	for (size_t i = 0; i < pg->reviews.n; i++) {
		const action_review_row *rv = &pg->reviews.items[i];
		htmlf(&r->out, "<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\">"
			      "<h3 class=\"govuk-summary-card__title\">Review on %t</h3></div>"
			      "<div class=\"govuk-summary-card__content\">",
		     date_words(r, rv->reviewed_on));
		text_paragraphs_class(r, rv->what_happened, "govuk-body", NULL);
		htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
		summary_row_text(r, "Partner groups who took part", sentence(r, groups_describe(&r->mem, rv->groups)));
		htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Evidence</dt>"
			      "<dd class=\"govuk-summary-list__value\">");
		size_t n = 0;
		for (size_t k = 0; k < pg->review_evidence.n; k++) {
			const review_evidence_row *x = &pg->review_evidence.items[k];
			if (x->review_id != rv->id)
				continue;
			htmlf(&r->out, "%R<a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a>", n++ ? "<br>" : "",
			     r->org, x->evidence_id, x->title);
		}
		htmlf(&r->out, "%R</dd></div>", n ? "" : "None added");
		n = 0;
		for (size_t k = 0; k < pg->readings.n; k++) {
			const reading_pick_row *rd = &pg->readings.items[k];
			if (rd->review_id != rv->id)
				continue;
			if (!n++)
				htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Readings</dt>"
					      "<dd class=\"govuk-summary-list__value\">");
			htmlf(&r->out, "%R<a class=\"govuk-link\" href=\"/org/%D/measure/%D\">%t</a>", n > 1 ? "<br>" : "",
			     r->org, rd->measure_id, reading_words(r, rd));
		}
		if (n)
			htmlf(&r->out, "</dd></div>");
		htmlf(&r->out, "</dl></div></div>");
	}
}

/* Checkbox options "id", "label" for the library and for readings no
 * review has; `checked` follows what was posted. */
static const char *const *id_options(request *r, size_t n, const int64_t *ids, const char **labels,
				     const char *field, bool keep, bool **checked)
{
	const char **opts = ARENA_ARRAY(&r->mem, 2 * n + 1, opts);
	*checked = ARENA_ARRAY(&r->mem, n, *checked);
	const char **ticked = keep ? form_get_all(r, field) : NULL;
	for (size_t i = 0; i < n; i++) {
		opts[2 * i] = arena_printf(&r->mem, "%lld", (long long)ids[i]);
		opts[2 * i + 1] = labels[i];
		for (const char **t = ticked; t && *t; t++)
			(*checked)[i] |= !strcmp(*t, opts[2 * i]);
	}
	return opts;
}

static void review_form(request *r, const review_page *pg, bool keep, const form_errors *fe)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"record-review\">Record a review</h2>"
		      "<form method=\"post\" action=\"/org/%D/actions/%D/review\" novalidate>",
	     r->org, pg->action.id);
	form_csrf(r);
	char today[11];
	date_today(today);
	form_input(r, "reviewed_on", "Date of the review", keep ? form_get(r, "reviewed_on") : today, fe,
		   &(input_opts){.hint = "For example 2026-11-20. Today or earlier.", .width = "10"});
	form_textarea(r, "what_happened", "What happened", keep ? form_get(r, "what_happened") : NULL,
		      "What was done, what changed, and what partners said about it.", fe);
	form_partner_groups(r, "with", "Partner groups who took part in the review",
			    keep ? form_groups_value(r, "with") : 0, fe);
	if (pg->library.n) {
		int64_t *ids = ARENA_ARRAY(&r->mem, pg->library.n, ids);
		const char **labels = ARENA_ARRAY(&r->mem, pg->library.n, labels);
		for (size_t i = 0; i < pg->library.n; i++) {
			ids[i] = pg->library.items[i].id;
			labels[i] = arena_printf(&r->mem, "%s (%s)", pg->library.items[i].title,
						 date_words(r, pg->library.items[i].date));
		}
		bool *checked;
		const char *const *opts = id_options(r, pg->library.n, ids, labels, "evidence", keep, &checked);
		form_checkboxes(r, "evidence", "Evidence from your library (optional)", opts, checked,
				"Select any evidence that shows what happened.", fe);
	} else {
		htmlf(&r->out, "<p class=\"govuk-body\">Your evidence library is empty, so there is no evidence to add to this review.</p>");
	}
	size_t free_readings = 0;
	for (size_t i = 0; i < pg->readings.n; i++)
		free_readings += !pg->readings.items[i].review_id;
	if (free_readings) {
		int64_t *ids = ARENA_ARRAY(&r->mem, free_readings, ids);
		const char **labels = ARENA_ARRAY(&r->mem, free_readings, labels);
		size_t n = 0;
		for (size_t i = 0; i < pg->readings.n; i++) {
			if (pg->readings.items[i].review_id)
				continue;
			ids[n] = pg->readings.items[i].id;
			labels[n++] = reading_words(r, &pg->readings.items[i]);
		}
		bool *checked;
		const char *const *opts = id_options(r, n, ids, labels, "readings", keep, &checked);
		form_checkboxes(r, "readings", "Readings of your success measures (optional)", opts, checked,
				"Select readings taken as part of this review. A reading belongs to one review.", fe);
	}
	form_input(r, "next_review", "Next review date (optional)", keep ? form_get(r, "next_review") : NULL,
		   fe, &(input_opts){.hint = "For example 2027-01-31. Leave empty to keep the action's review date.", .width = "10"});
	form_radios(r, "status", "Change the action's status (optional)", action_statuses,
		    keep ? form_get(r, "status") : NULL, "Leave unselected to keep its status.", fe);
	form_button(r, "Save review");
	htmlf(&r->out, "</form>");
}

static int review_render(request *r, const review_page *pg, const form_errors *fe, bool keep)
{
	bool errors = fe && fe->n;
	const action_row *a = &pg->action;
	page_begin(r, arena_printf(&r->mem, "%sReview: %s", errors ? "Error: " : "", a->title));
	htmlf(&r->out, "<a href=\"/org/%D/actions#action-%D\" class=\"govuk-back-link\">Actions</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	     r->org, a->id);
	if (!errors && query_get(r, "saved"))
		notice_success(r, "Review saved");
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Review: %t</h1>"
		      "<dl class=\"govuk-summary-list\">", pg->org.name, a->title);
	const char *status = a->status;
	for (size_t i = 0; action_statuses[i]; i += 2)
		if (!strcmp(a->status, action_statuses[i]))
			status = action_statuses[i + 1];
	summary_row_text(r, "Status", status);
	summary_row_text(r, "Owner", text_blank(a->owner) ? "Not given" : a->owner);
	summary_row_text(r, "Due", a->due_on ? date_words(r, a->due_on) : "No date");
	summary_row_text(r, "Review date", a->review_on ? date_words(r, a->review_on) : "No date");
	htmlf(&r->out, "</dl>");
	past_reviews(r, pg);
	review_form(r, pg, keep, fe);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return errors ? 400 : 200;
}

/* ROUTE: GET /org/{org}/actions/{action}/review (contributor) */
static int page_action_review(request *r)
{
	review_page pg;
	int st = review_load(r, &pg);
	if (st)
		return st;
	return review_render(r, &pg, NULL, false);
}

/* The ticked ids of `field`, each one of `allowed`; false when one is not. */
static bool ticked_ids(request *r, const char *field, const int64_t *allowed, size_t n_allowed,
		       int64_t **ids, size_t *n)
{
	const char **all = form_get_all(r, field);
	size_t count = 0;
	while (all[count])
		count++;
	*ids = ARENA_ARRAY(&r->mem, count, *ids);
	*n = 0;
	for (size_t i = 0; i < count; i++) {
		int64_t id;
		bool ok = parse_id(all[i], &id);
		bool known = false;
		for (size_t k = 0; ok && k < n_allowed && !known; k++)
			known = allowed[k] == id;
		if (!known)
			return false;
		bool twice = false;
		for (size_t k = 0; k < *n; k++)
			twice |= (*ids)[k] == id;
		if (!twice)
			(*ids)[(*n)++] = id;
	}
	return true;
}

/* ROUTE: POST /org/{org}/actions/{action}/review (contributor) */
static int page_action_review_post(request *r)
{
	review_page pg;
	int st = review_load(r, &pg);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	action_review_input in = {.action_id = pg.action.id, .reviewed_on = form_trimmed(r, "reviewed_on"),
				  .what_happened = form_get(r, "what_happened"),
				  .groups = form_groups_value(r, "with")};
	const char *next = form_trimmed(r, "next_review"), *status = form_get(r, "status");
	in.next_review_on = *next ? next : NULL;
	in.status = text_blank(status) ? NULL : status;
	char today[11];
	date_today(today);
	if (!*in.reviewed_on)
		form_error_add(&fe, "reviewed_on", "Enter the date of the review");
	else if (!date_valid(in.reviewed_on))
		form_error_add(&fe, "reviewed_on", "The date of the review must be a real date, like 2026-11-20");
	else if (strcmp(in.reviewed_on, today) > 0)
		form_error_add(&fe, "reviewed_on", "The date of the review must be today or in the past");
	if (text_blank(in.what_happened) || !in.what_happened[strspn(in.what_happened, " \t\r\n")])
		form_error_add(&fe, "what_happened", "Enter what happened");
	else if (text_check_long("What happened", in.what_happened, true, &e) < 0)
		form_error_add(&fe, "what_happened", sentence(r, e.msg));
	int64_t *allowed = ARENA_ARRAY(&r->mem, pg.library.n + pg.readings.n, allowed);
	for (size_t i = 0; i < pg.library.n; i++)
		allowed[i] = pg.library.items[i].id;
	int64_t *ev_ids, *rd_ids;
	if (!ticked_ids(r, "evidence", allowed, pg.library.n, &ev_ids, &in.n_evidence))
		form_error_add(&fe, "evidence", "Select evidence from the list");
	size_t n_free = 0;
	for (size_t i = 0; i < pg.readings.n; i++)
		if (!pg.readings.items[i].review_id)
			allowed[n_free++] = pg.readings.items[i].id;
	if (!ticked_ids(r, "readings", allowed, n_free, &rd_ids, &in.n_readings))
		form_error_add(&fe, "readings", "Select readings from the list");
	in.evidence = ev_ids;
	in.readings = rd_ids;
	if (in.next_review_on && !date_valid(in.next_review_on))
		form_error_add(&fe, "next_review", "The next review date must be a real date, like 2027-01-31");
	bool known = !in.status;
	for (size_t i = 0; !known && action_statuses[i]; i += 2)
		known = !strcmp(in.status, action_statuses[i]);
	if (!known)
		form_error_add(&fe, "status", "Choose a status from the list, or leave it unselected");
	int64_t id;
	if (!fe.n && action_review_add(&r->d, &in, &id, &e) < 0) {
		if (e.kind == ERR_BUSY || e.kind == ERR_IO || e.kind == ERR_INTERNAL)
			return web_error_page(r, e.kind == ERR_BUSY ? 503 : 500, "Sorry, something went wrong",
					      sentence(r, e.msg));
		form_error_add(&fe, "what_happened", sentence(r, e.msg));
	}
	if (fe.n)
		return review_render(r, &pg, &fe, true);
	if (page_log(r, arena_printf(&r->mem, "reviewed action %lld: %s", (long long)pg.action.id,
				     pg.action.title)) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/actions/%lld/review?saved=1",
					    (long long)r->org, (long long)pg.action.id));
}

/* ==== "You said, we did" =============================================== */

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
	const char *said_on = form_trimmed(r, "said_on"), *did_on = form_trimmed(r, "did_on");
	const char *action = form_get(r, "action");
	y->said = form_get(r, "said") ? form_get(r, "said") : "";
	y->did = form_get(r, "did") ? form_get(r, "did") : "";
	y->said_on = said_on;
	y->did_on = *did_on ? did_on : NULL;
	y->groups = form_groups_value(r, "with");
	y->published = form_get(r, "published") && !strcmp(form_get(r, "published"), "yes");
	y->action_id = 0;
	if (!text_blank(action) && !parse_id(action, &y->action_id))
		y->action_id = -1;
}

static bool blank_text(const char *s)
{
	return !s || !s[strspn(s, " \t\r\n")];
}

/* Each field checked on its own, so each problem shows by its field. */
static void you_said_check(request *r, const you_said_row *y, const action_list *actions,
			   form_errors *fe)
{
	err e = {0};
	char today[11];
	date_today(today);
	if (blank_text(y->said))
		form_error_add(fe, "said", "Enter what partners said");
	else if (text_check_long("What partners said", y->said, true, &e) < 0)
		form_error_add(fe, "said", sentence(r, e.msg));
	if (!*y->said_on)
		form_error_add(fe, "said_on", "Enter when partners said it");
	else if (!date_valid(y->said_on))
		form_error_add(fe, "said_on", "The date partners said it must be a real date, like 2026-10-01");
	else if (strcmp(y->said_on, today) > 0)
		form_error_add(fe, "said_on", "The date partners said it must be today or in the past");
	if (text_check_long("What was done", y->did, false, &e) < 0)
		form_error_add(fe, "did", sentence(r, e.msg));
	else if (y->published && blank_text(y->did))
		form_error_add(fe, "did", "Say what was done before publishing it on the notice");
	else if (y->did_on && blank_text(y->did))
		form_error_add(fe, "did", "Say what was done, or leave its date empty");
	if (y->did_on && !date_valid(y->did_on))
		form_error_add(fe, "did_on", "The date it was done must be a real date, like 2026-12-01");
	else if (y->did_on && date_valid(y->said_on) && strcmp(y->did_on, y->said_on) < 0)
		form_error_add(fe, "did_on", "The date it was done cannot be before partners said it");
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
	form_input(r, "said_on", "When they said it", y ? y->said_on : NULL, fe,
		   &(input_opts){.hint = "For example 2026-10-01", .width = "10"});
	form_partner_groups(r, "with", "Who said it", y ? y->groups : 0, fe);
	form_textarea(r, "did", "We did: what was done about it (optional until it is done)",
		      y ? y->did : NULL, "For example: \"We rewrote our letters with the parent carer forum.\"", fe);
	form_input(r, "did_on", "When it was done (optional)", y ? y->did_on : NULL, fe,
		   &(input_opts){.hint = "For example 2026-12-01", .width = "10"});
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
	page_begin(r, errors ? "Error: You said, we did" : "You said, we did");
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
	return web_error_page(r, e->kind == ERR_BUSY ? 503 : 500, "Sorry, something went wrong",
			      sentence(r, e->msg));
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
	page_begin(r, errors ? "Error: Change a \"You said, we did\" record"
			     : "Change a \"You said, we did\" record");
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
		htmlf(&r->out, "</div>");
		if (i + 1 < list.n)
			htmlf(&r->out, "<hr class=\"govuk-section-break govuk-section-break--l govuk-section-break--visible\">");
	}
	htmlf(&r->out, "</main></div>\n</body>\n</html>\n");
	return 200;
}

/* ==== comparing a cycle with the one before ============================= */

static const char *status_label(const char *status)
{
	if (!strcmp(status, "complete"))
		return "Complete";
	if (!strcmp(status, "in-progress"))
		return "In progress";
	return "Not started";
}

/* Indicators with evidence per cornerstone, before and after, as pairs of
 * bars; the same numbers are in the table after it. */
static void compare_chart(request *r, const comparison *c, const framework *fw)
{
	const int row = 84;
	html label;
	html_init(&label, &r->mem);
	htmlf(&label, "Indicators with evidence per %t, previous cycle then this cycle: ", fw->term_section);
	for (size_t s = 0; s < c->n_sections; s++) {
		const section_change *sc = &c->sections[s];
		htmlf(&label, "%R%t %t, %z then %z", s ? "; " : "", sc->section->key, sc->section->title,
		     sc->evidenced_before, sc->evidenced_after);
	}
	htmlf(&r->out, "<div class=\"govuk-body govuk-!-margin-bottom-6\"><svg class=\"copro-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%%\" height=\"%d\""
		      " role=\"img\" aria-labelledby=\"compare-chart-title\" focusable=\"false\" overflow=\"visible\">"
		      "<title id=\"compare-chart-title\">%R</title>",
	     (int)c->n_sections * row, html_str(&label));
	for (size_t s = 0; s < c->n_sections; s++) {
		const section_change *sc = &c->sections[s];
		size_t den = sc->indicators_after > sc->indicators_before ? sc->indicators_after
									  : sc->indicators_before;
		size_t before = den ? sc->evidenced_before * 1000 / den : 0;
		size_t after = den ? sc->evidenced_after * 1000 / den : 0;
		int y = (int)s * row;
		htmlf(&r->out, "<text x=\"0\" y=\"%d\" fill=\"#0b0c0c\">%t %t: %z then %z</text>"
			      "<rect x=\"0\" y=\"%d\" width=\"%z.%z%%\" height=\"20\" fill=\"#b1b4b6\"></rect>"
			      "<rect x=\"0\" y=\"%d\" width=\"%z.%z%%\" height=\"20\" fill=\"#1d70b8\"></rect>",
		     y + 18, sc->section->key, sc->section->title, sc->evidenced_before, sc->evidenced_after,
		     y + 26, before / 10, before % 10, y + 50, after / 10, after % 10);
	}
	htmlf(&r->out, "</svg><p class=\"govuk-body-s\">Grey: the previous cycle. Blue: this cycle.</p></div>");
}

static void compare_summary_table(request *r, const comparison *c, const framework *fw)
{
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"Indicators with evidence, per %a\" tabindex=\"0\">"
		      "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Indicators with evidence, per %t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Previous cycle</th>"
		      "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">This cycle</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">What moved</th></tr></thead><tbody class=\"govuk-table__body\">",
	     fw->term_section, fw->term_section, sentence(r, fw->term_section));
	for (size_t s = 0; s < c->n_sections; s++) {
		const section_change *sc = &c->sections[s];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t %t</th>"
			      "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%z of %z</td>"
			      "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%z of %z</td>"
			      "<td class=\"govuk-table__cell\">%t</td></tr>",
		     sc->section->key, sc->section->title, sc->evidenced_before, sc->indicators_before,
		     sc->evidenced_after, sc->indicators_after,
		     sentence(r, change_words(&r->mem, sc->evidenced_before, sc->evidenced_after,
					      "indicator evidenced", "indicators evidenced")));
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void compare_section(request *r, const section_change *sc, const framework *fw,
			    int64_t evaluation)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"section-%a\">%t %t: %t</h2>"
		      "<p class=\"govuk-body\">Indicators with evidence: %t. Statements complete: %t. Partner groups: %t.</p>",
	     sc->section->key, sentence(r, fw->term_section), sc->section->key, sc->section->title,
	     change_words(&r->mem, sc->evidenced_before, sc->evidenced_after, "indicator evidenced",
			  "indicators evidenced"),
	     change_words(&r->mem, sc->complete_before, sc->complete_after, "statement", "statements"),
	     groups_change_words(&r->mem, sc->groups_before, sc->groups_after));
	if (sc->section->gap && *sc->section->gap)
		htmlf(&r->out, "<p class=\"govuk-body copro-gap\"><strong>[GAP IN SOURCE]</strong> %t</p>",
		     sc->section->gap);
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"Statements of %a %a\" tabindex=\"0\">"
		      "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Statements of %t %t, previous cycle and this cycle</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Indicators with evidence</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Partner groups</th></tr></thead><tbody class=\"govuk-table__body\">",
	     fw->term_section, sc->section->key, fw->term_section, sc->section->key,
	     sentence(r, fw->term_element));
	for (size_t i = 0; i < sc->n_elements; i++) {
		const element_change *ec = &sc->elements[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			      "<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D/statement/%u\">%t %t</a>%R%R%t</th>"
			      "<td class=\"govuk-table__cell\">%z of %z, then %z of %z: %t",
		     r->org, evaluation, ec->element->key, ec->element->key, ec->element->title,
		     ec->in_previous ? "" : "<br><span class=\"govuk-body-s\">New in this version of the instrument</span>",
		     ec->element->gap && *ec->element->gap ? "<br><strong>[GAP IN SOURCE]</strong> " : "",
		     ec->element->gap && *ec->element->gap ? ec->element->gap : "",
		     ec->evidenced_before, ec->indicators_before, ec->evidenced_after, ec->indicators_after,
		     change_words(&r->mem, ec->evidenced_before, ec->evidenced_after,
				  "indicator evidenced", "indicators evidenced"));
		if (ec->to_confirm)
			htmlf(&r->out, "<br><span class=\"govuk-body-s\">%z carried link%R to re-confirm</span>",
			     ec->to_confirm, ec->to_confirm == 1 ? "" : "s");
		htmlf(&r->out, "</td><td class=\"govuk-table__cell\">%t, then %t: %t</td>"
			      "<td class=\"govuk-table__cell\">%t, then %t: %t</td></tr>",
		     status_label(ec->status_before), status_label(ec->status_after),
		     status_change_words(&r->mem, ec->status_before, ec->status_after),
		     sentence(r, groups_describe(&r->mem, ec->groups_before)),
		     groups_describe(&r->mem, ec->groups_after),
		     groups_change_words(&r->mem, ec->groups_before, ec->groups_after));
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/compare (viewer) */
static int page_compare(request *r)
{
	int64_t id = param_id(r, 1);
	evaluation_row ev;
	org_row o;
	if (evaluation_get_in_org(&r->d, r->org, id, &ev, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	comparison c;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 || evaluation_compare(&r->d, id, &c, &r->e) < 0)
		return page_failed(r);
	const framework *fw = c.after.fw;
	page_begin(r, arena_printf(&r->mem, "What moved since the last cycle - %s, %s", fw->title, ev.cycle));
	htmlf(&r->out, "<a href=\"/org/%D/evaluation/%D\" class=\"govuk-back-link\">%t, %t</a>"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">What moved since the last cycle</h1>",
	     r->org, id, fw->title, ev.cycle, o.name);
	if (!c.has_previous) {
		htmlf(&r->out, "<p class=\"govuk-body\">This self-evaluation did not start from an earlier cycle, so there is nothing to compare it with. "
			      "When the next cycle starts from this one, its comparison page shows what moved.</p>");
		page_end(r);
		return 200;
	}
	const evaluation_row *prev = &c.before.evaluation;
	htmlf(&r->out, "<p class=\"govuk-body-l\">Cycle %t compared with cycle %t "
		      "(<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">the previous self-evaluation</a>).</p>"
		      "<ul class=\"govuk-list govuk-list--bullet\">"
		      "<li>Indicators with evidence: %z, then %z: %t.</li>"
		      "<li>Statements complete: %z, then %z: %t.</li>",
	     ev.cycle, prev->cycle, r->org, prev->id, c.evidenced_before, c.evidenced_after,
	     change_words(&r->mem, c.evidenced_before, c.evidenced_after, "indicator evidenced",
			  "indicators evidenced"),
	     c.complete_before, c.complete_after,
	     change_words(&r->mem, c.complete_before, c.complete_after, "statement complete",
			  "statements complete"));
	if (c.to_confirm)
		htmlf(&r->out, "<li>%z link%R to evidence carried forward from the earlier cycle still %R to be re-confirmed. "
			      "They count as evidence here until someone checks them.</li>",
		     c.to_confirm, c.to_confirm == 1 ? "" : "s", c.to_confirm == 1 ? "needs" : "need");
	htmlf(&r->out, "</ul>");
	if (c.after.framework_changed || strcmp(c.before.evaluation.framework_hash, ev.framework_hash))
		htmlf(&r->out, "<div class=\"govuk-inset-text\">The two cycles use different versions of %t: statements are compared by their numbers.</div>",
		     fw->title);
	compare_chart(r, &c, fw);
	compare_summary_table(r, &c, fw);
	for (size_t s = 0; s < c.n_sections; s++)
		compare_section(r, &c.sections[s], fw, id);
	page_end(r);
	return 200;
}

const route review_routes[] = {
	{"GET", "/org/{org}/actions/{action}/review", page_action_review, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/actions/{action}/review", page_action_review_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/you-said", page_you_said, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/you-said", page_you_said_add_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/you-said/notice", page_you_said_notice, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/you-said/{yousaid}/edit", page_you_said_edit, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/you-said/{yousaid}/edit", page_you_said_edit_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/evaluation/{evaluation}/compare", page_compare, 0, ACCESS_VIEW},
	{0},
};
