/* action_review.c: reviewing an action, at /org/{org}/actions/{action}/review:
 * what happened, the evidence and readings that show it, who took part,
 * the next review date and the action's status.
 *
 * The action in the URL must belong to the organisation in the URL;
 * another organisation's action is not found. */
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
	form_date(r, "reviewed_on", "Date of the review", today,
		  "Today or earlier. For example, 20 11 2026", fe);
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
	form_date(r, "next_review", "Next review date (optional)", NULL,
		  "Leave empty to keep the action's review date. For example, 31 1 2027", fe);
	form_radios(r, "status", "Change the action's status (optional)", action_statuses,
		    keep ? form_get(r, "status") : NULL, "Leave unselected to keep its status.", fe);
	form_button(r, "Save review");
	htmlf(&r->out, "</form>");
}

static int review_render(request *r, const review_page *pg, const form_errors *fe, bool keep)
{
	bool errors = fe && fe->n;
	const action_row *a = &pg->action;
	page_begin(r, arena_printf(&r->mem, "Review: %s", a->title));
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
	summary_row_text(r, "Due", a->due_on ? date_words(r, a->due_on) : "No due date");
	summary_row_text(r, "Review date", a->review_on ? date_words(r, a->review_on) : "No review date");
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
	return st ? st : review_render(r, &pg, NULL, false);
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
		bool ok = text_id(all[i], &id);
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
	action_review_input in = {.action_id = pg.action.id,
				  .what_happened = form_get(r, "what_happened"),
				  .groups = form_groups_value(r, "with")};
	const char *status = form_get(r, "status");
	in.status = text_blank(status) ? NULL : status;
	in.reviewed_on = form_date_posted(r, "reviewed_on",
					  &(date_rule){"the date of the review", true, DATE_PAST}, &fe);
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
	in.next_review_on = form_date_posted(r, "next_review",
					     &(date_rule){"the next review date", false, DATE_ANY}, &fe);
	bool known = !in.status;
	for (size_t i = 0; !known && action_statuses[i]; i += 2)
		known = !strcmp(in.status, action_statuses[i]);
	if (!known)
		form_error_add(&fe, "status", "Choose a status from the list, or leave it unselected");
	int64_t id;
	if (!fe.n && action_review_add(&r->d, &in, &id, &e) < 0) {
		if (e.kind == ERR_BUSY)
			return page_error(r, &e);
		if (e.kind == ERR_IO || e.kind == ERR_INTERNAL)
			return web_error_page(r, 500, "Sorry, something went wrong", sentence(r, e.msg));
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

const route action_review_routes[] = {
	{"GET", "/org/{org}/actions/{action}/review", page_action_review, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/actions/{action}/review", page_action_review_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
