/* views_results.c: a round's results (/org/{org}/views/{round}/results, an
 * overview, and .../results/{statement}, one statement a page): per
 * statement and partner group, how many answered, the spread as a bar
 * chart with the same figures in a table, the reviewed comments, "views
 * differ" and the agreed view; reviewing and flagging comments; recording
 * the agreed view of a statement; and the side-by-side panel on the
 * statement page.
 *
 * Suppression is the domain's (views_results with lead false): a group
 * with fewer answers than the area's threshold shows only "fewer than N
 * answers" to anyone but the organisation's leads. */
#include <string.h>

#include "core/text.h"
#include "domain/area_export.h"
#include "web/i18n.h"
#include "web/pages/views_page.h"

static const char *median_words(request *r, const view_round_row *round, const view_group_result *g)
{
	if (!g->has_median)
		return "No answers on the scale";
	int lo = (int)g->median;
	if (g->median == (double)lo)
		return views_rating_words(round, lo);
	return arena_printf(&r->mem, "Between %s and %s", views_rating_words(round, lo + 1),
			    views_rating_words(round, lo));
}

static void agreed_query_notice(request *r)
{
	const char *key = query_get(r, "agreed");
	if (key)
		notice_success_link(r, "saved-title", "The agreed view is recorded, and the round's evidence item is up to date.",
				    "#agreed-view", "See it");
}

/* A horizontal bar per answer on the scale: drawn for the eye, named for
 * screen readers by the same figures the table beside it gives. */
static void bar_chart(request *r, const view_round_row *round, const view_group_result *g,
		      const char *id, const char *label)
{
	const view_rating *scale;
	size_t n;
	views_scale(round, &scale, &n);
	size_t top = 1;
	for (size_t i = 0; i < n; i++)
		if (g->counts[scale[i].value] > top)
			top = g->counts[scale[i].value];
	const char *summary = label;
	for (size_t i = 0; i < n; i++)
		summary = arena_printf(&r->mem, "%s%s %s: %zu", summary, i ? "," : ":", scale[i].words,
				       g->counts[scale[i].value]);
	/* Each answer's words sit above its bar, so the chart can be drawn
	 * narrow: at 375 px its 16-unit labels still show at about 16 px. */
	htmlf(&r->out, "<svg class=\"copro-bars\" viewBox=\"0 0 320 %z\" role=\"img\" aria-labelledby=\"%a-title\">"
		       "<title id=\"%a-title\">%t</title>",
	      n * 52 + 4, id, id, summary);
	for (size_t i = 0; i < n; i++) {
		size_t c = g->counts[scale[i].value];
		size_t w = c * 250 / top;
		htmlf(&r->out, "<text x=\"0\" y=\"%z\" font-size=\"16\" fill=\"#0b0c0c\">%t</text>"
			       "<rect x=\"0\" y=\"%z\" width=\"%z\" height=\"20\" fill=\"#1d70b8\"/>"
			       "<text x=\"%z\" y=\"%z\" font-size=\"16\" fill=\"#0b0c0c\">%t</text>",
		      i * 52 + 16, scale[i].words, i * 52 + 24, w, w + 8, i * 52 + 40,
		      text_count(&r->mem, (long long)c));
	}
	htmlf(&r->out, "</svg>");
}

static void spread_table(request *r, const view_round_row *round, const view_group_result *g,
			 const char *caption)
{
	const view_rating *scale;
	size_t n;
	views_scale(round, &scale, &n);
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">%t</caption>"
		       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Answer</th>"
		       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">How many</th></tr></thead>"
		       "<tbody class=\"govuk-table__body\">", caption);
	for (size_t i = 0; i < n; i++)
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t</th>"
			       "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%z</td></tr>",
		      scale[i].words, g->counts[scale[i].value]);
	htmlf(&r->out, "</tbody></table>");
}

static void group_comments(request *r, const view_group_result *g)
{
	if (!g->n_comments)
		return;
	htmlf(&r->out, "<h4 class=\"govuk-heading-s\">What they wrote</h4><ul class=\"govuk-list\">");
	for (size_t i = 0; i < g->n_comments; i++) {
		const view_answer_row *a = g->comments[i];
		if (a->good && *a->good)
			htmlf(&r->out, "<li class=\"copro-comment\"><strong>Good:</strong> %t</li>", a->good);
		if (a->better && *a->better)
			htmlf(&r->out, "<li class=\"copro-comment\"><strong>Could be better:</strong> %t</li>", a->better);
	}
	htmlf(&r->out, "</ul>");
}

static void group_result(request *r, const view_results *res, const view_element_result *el, size_t gi)
{
	const view_group_result *g = &el->groups[gi];
	const char *title = views_group_title(g->link);
	htmlf(&r->out, "<h3 class=\"govuk-heading-m\">%t</h3>", title);
	if (g->suppressed) {
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", sentence(r, views_suppressed_words(&r->mem, res->min_group)));
		return;
	}
	if (!g->answers) {
		htmlf(&r->out, "<p class=\"govuk-body\">No answers yet.</p>");
		return;
	}
	htmlf(&r->out, "<p class=\"govuk-body\">%z answer%t. Middle answer: %t.</p>", g->answers,
	      g->answers == 1 ? "" : "s", median_words(r, &res->round, g));
	const char *id = arena_printf(&r->mem, "chart-%s-%zu", el->element_key, gi);
	const char *caption = arena_printf(&r->mem, "%s, %s", title, el->element_key);
	bar_chart(r, &res->round, g, id, caption);
	spread_table(r, &res->round, g, caption);
	group_comments(r, g);
}

static void agreed_view(request *r, const view_results *res, const view_element_result *el)
{
	if (el->has_agreed) {
		htmlf(&r->out, "<div class=\"govuk-inset-text\" id=\"agreed-view\"><h3 class=\"govuk-heading-s\">The agreed view</h3>");
		text_paragraphs(r, el->agreed.agreed, NULL);
		if (el->agreed.resolved && *el->agreed.resolved) {
			htmlf(&r->out, "<p class=\"govuk-body\"><strong>How differences were resolved:</strong></p>");
			text_paragraphs(r, el->agreed.resolved, NULL);
		}
		htmlf(&r->out, "<p class=\"govuk-body-s\">Agreed with %t, by %t.</p></div>",
		      groups_describe(&r->mem, el->agreed.groups), el->agreed.agreed_by_name);
	}
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">%t<span class=\"govuk-visually-hidden\"> for %t</span></a></p>",
		      views_url(r, res->round.id, arena_printf(&r->mem, "/agree/%s", el->element_key)),
		      el->has_agreed ? "Change the agreed view" : "Record the agreed view", el->element_key);
}

void views_differ_tag(request *r, const view_element_result *el)
{
	if (!el->differ)
		return;
	htmlf(&r->out, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
		       "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
		       "Views differ: %t and %t are two or more steps apart. Talk it through with both before agreeing a view.</strong></div>",
	      views_group_title(el->groups[el->differ_a].link), views_group_title(el->groups[el->differ_b].link));
}

static const char *element_heading(request *r, const view_results *res, const view_element_result *el)
{
	const char *title = el->element ? el->element->title : el->element_key;
	if (views_is_audit(&res->round) && el->element && el->element->section)
		title = el->element->section->title;
	return arena_printf(&r->mem, "%s: %s", el->element_key, title);
}

/* What the figures are, and who sees which. */
static void results_intro(request *r, const view_results *res)
{
	const char *few = text_count_of(&r->mem, res->min_group, "answer", "answers");
	htmlf(&r->out, "<p class=\"govuk-body\">%t sent. %t</p>",
	      text_count_of(&r->mem, (long long)res->responses, "answer", "answers"),
	      res->lead ? arena_printf(&r->mem, "As a lead you see every group. Others see groups with fewer than %s only as \"%s\".",
				       few, views_suppressed_words(&r->mem, res->min_group))
			: arena_printf(&r->mem, "Groups with fewer than %s are not shown, so nobody can be picked out.", few));
}

/* A row of the overview: the statement, whether views differ and whether
 * a view is agreed (each group's answers are said once, above). */
static void overview_row(request *r, const view_results *res, const view_element_result *el)
{
	htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
		       "<a class=\"govuk-link\" href=\"%a\">%t</a></th><td class=\"govuk-table__cell\">",
	      views_url(r, res->round.id, arena_printf(&r->mem, "/results/%s", el->element_key)),
	      element_heading(r, res, el));
	if (el->differ)
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--orange\">Views differ</strong>");
	else
		htmlf(&r->out, "No");
	htmlf(&r->out, "</td><td class=\"govuk-table__cell\">%t</td></tr>", el->has_agreed ? "Agreed" : "Not yet");
}

/* Each group's answers sent, once for the round (suppressed as the
 * results are). */
static void groups_sent(request *r, const view_results *res)
{
	if (!res->n_elements)
		return;
	const view_element_result *el = &res->elements[0];
	htmlf(&r->out, "<ul class=\"govuk-list govuk-list--bullet\">");
	for (size_t g = 0; g < el->n_groups; g++) {
		const view_group_result *gr = &el->groups[g];
		htmlf(&r->out, "<li>%t: %t</li>", views_group_title(gr->link),
		      gr->suppressed ? views_suppressed_words(&r->mem, res->min_group)
				     : text_count_of(&r->mem, (long long)gr->responses, "answer sent", "answers sent"));
	}
	htmlf(&r->out, "</ul>");
}

/* ROUTE: GET /org/{org}/views/{round}/results (viewer) */
static int page_views_results(request *r)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	if (rc)
		return rc;
	view_results res;
	if (views_results(&r->d, pg.round.id, r->access >= ACCESS_LEAD, &res, &r->e) < 0)
		return page_error(r, &r->e);
	page_begin(r, arena_printf(&r->mem, "Results - %s", pg.round.title));
	views_heading(r, &pg, "Results");
	results_intro(r, &res);
	groups_sent(r, &res);
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\" download>Download the figures (CSV)</a></p>",
	      views_url(r, pg.round.id, "/results.csv"));
	table_scroll_open(r, "Results for each statement");
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		       "<caption class=\"govuk-table__caption govuk-table__caption--m\">Results for each statement</caption>"
		       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		       "<th scope=\"col\" class=\"govuk-table__header\">Statement</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Views differ</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Agreed view</th></tr></thead>"
		       "<tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < res.n_elements; i++)
		overview_row(r, &res, &res.elements[i]);
	htmlf(&r->out, "</tbody></table></div>");
	page_end(r);
	return 200;
}

/* Previous and next statement of the round, GOV.UK pagination. */
static void element_pagination(request *r, const view_results *res, size_t i)
{
	htmlf(&r->out, "<nav class=\"govuk-pagination govuk-pagination--block\" aria-label=\"Statements\">");
	if (i > 0)
		htmlf(&r->out, "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"%a\" rel=\"prev\">"
			       "<span class=\"govuk-pagination__link-title\">Previous</span><span class=\"govuk-visually-hidden\">:</span>"
			       " <span class=\"govuk-pagination__link-label\">%t</span></a></div>",
		      views_url(r, res->round.id, arena_printf(&r->mem, "/results/%s", res->elements[i - 1].element_key)),
		      res->elements[i - 1].element_key);
	if (i + 1 < res->n_elements)
		htmlf(&r->out, "<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"%a\" rel=\"next\">"
			       "<span class=\"govuk-pagination__link-title\">Next</span><span class=\"govuk-visually-hidden\">:</span>"
			       " <span class=\"govuk-pagination__link-label\">%t</span></a></div>",
		      views_url(r, res->round.id, arena_printf(&r->mem, "/results/%s", res->elements[i + 1].element_key)),
		      res->elements[i + 1].element_key);
	htmlf(&r->out, "</nav>");
}

/* ROUTE: GET /org/{org}/views/{round}/results/{statement} (viewer) */
static int page_views_result(request *r)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	if (rc)
		return rc;
	view_results res;
	if (views_results(&r->d, pg.round.id, r->access >= ACCESS_LEAD, &res, &r->e) < 0)
		return page_error(r, &r->e);
	const char *key = param_named(r, "statement");
	size_t i = 0;
	while (i < res.n_elements && strcmp(res.elements[i].element_key, key))
		i++;
	if (i == res.n_elements)
		return page_not_found(r);
	const view_element_result *el = &res.elements[i];
	page_begin(r, arena_printf(&r->mem, "Results, %s - %s", el->element_key, pg.round.title));
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">All the results</a>", views_url(r, pg.round.id, "/results"));
	agreed_query_notice(r);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t: results</span><h1 class=\"govuk-heading-l\" id=\"statement-%a\">%t</h1>",
	      pg.round.title, el->element_key, element_heading(r, &res, el));
	results_intro(r, &res);
	views_differ_tag(r, el);
	for (size_t g = 0; g < el->n_groups; g++)
		group_result(r, &res, el, g);
	agreed_view(r, &res, el);
	element_pagination(r, &res, i);
	page_end(r);
	return 200;
}

static int to_response(void *ctx, const char *bytes, size_t n, err *e)
{
	(void)e;
	html_raw(&((request *)ctx)->out, bytes, n);
	return 0;
}

/* ROUTE: GET /org/{org}/views/{round}/results.csv (viewer) */
static int page_views_results_csv(request *r)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	if (rc)
		return rc;
	export_sink sink = {to_response, r};
	if (views_results_csv(&r->d, pg.round.id, r->access >= ACCESS_LEAD, &sink, &r->e) < 0)
		return page_error(r, &r->e);
	r->content_type = "text/csv; charset=utf-8";
	r->download = arena_printf(&r->mem, "views-%lld.csv", (long long)pg.round.id);
	return 200;
}

/* ---- reviewing comments --------------------------------------------------- */

static const char *link_title(const views_page *pg, int64_t link)
{
	for (size_t i = 0; i < pg->links.n; i++)
		if (pg->links.items[i].id == link)
			return views_group_title(&pg->links.items[i]);
	return "A group";
}

static void comment_button(request *r, const views_page *pg, const view_answer_row *a, const char *what,
			   const char *text, bool warning)
{
	htmlf(&r->out, "<form method=\"post\" action=\"%a\" class=\"copro-inline-form\">", views_url(r, pg->round.id, "/comments"));
	form_csrf(r);
	htmlf(&r->out, "<input type=\"hidden\" name=\"response\" value=\"%D\"><input type=\"hidden\" name=\"element\" value=\"%a\">"
		       "<input type=\"hidden\" name=\"do\" value=\"%a\">"
		       "<button type=\"submit\" class=\"govuk-button %t govuk-!-margin-right-2\" data-module=\"govuk-button\">%t"
		       "<span class=\"govuk-visually-hidden\"> (answer %D, %t)</span></button></form>",
	      a->response_id, a->element_key, what, warning ? "govuk-button--warning" : "govuk-button--secondary", text,
	      a->response_id, a->element_key);
}

static void comment_card(request *r, const views_page *pg, const view_answer_row *a)
{
	const char *state = a->flagged_at ? arena_printf(&r->mem, "Flagged for safeguarding follow-up by %s, %s",
							*a->flagged_by_name ? a->flagged_by_name : "a lead",
							time_words(r, a->flagged_at))
			  : a->reviewed_at ? "Reviewed: shown in the results" : "Not reviewed: only leads see it";
	htmlf(&r->out, "<div class=\"govuk-summary-card\" id=\"comment-%D-%a\"><div class=\"govuk-summary-card__title-wrapper\">"
		       "<h2 class=\"govuk-summary-card__title\">%t, %t%t</h2></div><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">",
	      a->response_id, a->element_key, a->element_key, link_title(pg, a->link_id), a->from_paper ? " (from paper)" : "");
	if (a->good && *a->good)
		summary_row_text(r, "What is good", a->good);
	if (a->better && *a->better)
		summary_row_text(r, "What could be better", a->better);
	summary_row_text(r, "State", state);
	htmlf(&r->out, "</dl>");
	if (!a->reviewed_at && !a->flagged_at)
		comment_button(r, pg, a, "review", "Mark reviewed", false);
	if (a->reviewed_at && !a->flagged_at && a->good && *a->good)
		comment_button(r, pg, a, "yousaid-good", "Make \"what is good\" a You said record", false);
	if (a->reviewed_at && !a->flagged_at && a->better && *a->better)
		comment_button(r, pg, a, "yousaid-better", "Make \"could be better\" a You said record", false);
	if (a->flagged_at)
		comment_button(r, pg, a, "unflag", "Remove the flag", false);
	else
		comment_button(r, pg, a, "flag", "Flag for safeguarding follow-up", true);
	htmlf(&r->out, "</div></div>");
}

/* ROUTE: GET /org/{org}/views/{round}/comments (lead) */
static int page_views_comments(request *r)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	if (rc)
		return rc;
	view_answer_list list;
	if (views_comments(&r->d, pg.round.id, &list, &r->e) < 0)
		return page_error(r, &r->e);
	page_begin(r, arena_printf(&r->mem, "Comments - %s", pg.round.title));
	views_heading(r, &pg, "Review comments");
	if (query_get(r, "saved"))
		notice_success(r, "Saved");
	htmlf(&r->out, "<p class=\"govuk-body\">What partners write is seen only by leads until a lead marks it reviewed; "
		       "then it shows in the results. Flag anything that needs safeguarding follow-up: it leaves the results, "
		       "and who flagged it is kept. Follow your safeguarding procedures as well.</p>");
	if (!list.n)
		htmlf(&r->out, "<p class=\"govuk-body\">Nobody has written anything yet.</p>");
	for (size_t i = 0; i < list.n; i++)
		comment_card(r, &pg, &list.items[i]);
	page_end(r);
	return 200;
}

/* ROUTE: POST /org/{org}/views/{round}/comments (lead) */
static int page_views_comment_post(request *r)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	if (rc)
		return rc;
	int64_t response = 0;
	const char *element = form_get(r, "element"), *what = form_get(r, "do");
	static const char *const actions[] = {"review", "flag", "unflag", "yousaid-good", "yousaid-better", NULL};
	bool known = false;
	for (size_t i = 0; what && actions[i]; i++)
		known |= !strcmp(what, actions[i]);
	if (!text_id(form_get(r, "response"), &response) || text_blank(element) || !known)
		return web_error_page(r, 400, "This could not be done",
				      "Use the buttons on the comments page: they say which answer and what to do.");
	if (!strncmp(what, "yousaid-", 8)) {
		int64_t said;
		if (views_comment_to_you_said(&r->d, &r->sess.user, pg.round.id, response, element,
					      !strcmp(what, "yousaid-better"), &said, &r->e) < 0)
			return r->e.kind == ERR_NOTFOUND ? page_not_found(r) : views_refused(r, &r->e);
		return web_redirect(r, arena_printf(&r->mem, "/org/%lld/you-said/%lld/edit", (long long)r->org, (long long)said));
	}
	int ok = !strcmp(what, "review")
		 ? views_comment_review(&r->d, &r->sess.user, pg.round.id, response, element, &r->e)
		 : views_comment_flag(&r->d, &r->sess.user, pg.round.id, response, element, !strcmp(what, "flag"), &r->e);
	if (ok < 0)
		return r->e.kind == ERR_NOTFOUND ? page_not_found(r) : views_refused(r, &r->e);
	return web_redirect(r, views_url(r, pg.round.id, arena_printf(&r->mem, "/comments?saved=1#comment-%lld-%s",
									 (long long)response, element)));
}

/* ---- side by side, and the agreed view ------------------------------------ */

/* Each group's view of one statement beside the staff's (the
 * practitioners' link), suppressed as the results are. */
void views_side_by_side(request *r, const view_results *res, const view_element_result *el)
{
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Each group's view, side by side</caption>"
		       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Group</th>"
		       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Answers</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Middle answer</th></tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t g = 0; g < el->n_groups; g++) {
		const view_group_result *gr = &el->groups[g];
		bool staff = !strcmp(gr->link->partner_group, "practitioners");
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t%t</th>",
		      views_group_title(gr->link), staff ? " (the staff's view)" : "");
		if (gr->suppressed)
			htmlf(&r->out, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">-</td><td class=\"govuk-table__cell\">%t</td></tr>",
			      sentence(r, views_suppressed_words(&r->mem, res->min_group)));
		else
			htmlf(&r->out, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%z</td><td class=\"govuk-table__cell\">%t</td></tr>",
			      gr->answers, median_words(r, &res->round, gr));
	}
	htmlf(&r->out, "</tbody></table>");
	views_differ_tag(r, el);
}

int views_statement_panel(request *r, const view_round_list *rounds, int64_t evaluation,
			  const char *statement)
{
	for (size_t i = 0; i < rounds->n; i++) {
		if (rounds->items[i].evaluation_id != evaluation)
			continue;
		view_results res;
		if (views_results(&r->d, rounds->items[i].id, r->access >= ACCESS_LEAD, &res, &r->e) < 0)
			return -1;
		for (size_t k = 0; k < res.n_elements; k++) {
			if (strcmp(res.elements[k].element_key, statement))
				continue;
			htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"views\">Partners' views</h2><p class=\"govuk-body\">From ");
			/* An assessor reads the evaluation, not the rounds' own pages. */
			if (r->assessor)
				htmlf(&r->out, "%t", res.round.title);
			else
				htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\">%t</a>", views_url(r, res.round.id, "/results"),
				      res.round.title);
			htmlf(&r->out, ": %z answer%t sent.</p>", res.responses, res.responses == 1 ? "" : "s");
			views_side_by_side(r, &res, &res.elements[k]);
			agreed_view(r, &res, &res.elements[k]);
			return 0;       /* the newest round that asks about it */
		}
	}
	return 0;
}

typedef struct agree_page {
	views_page pg;
	view_results res;
	const view_element_result *el;
} agree_page;

static int agree_load(request *r, agree_page *a)
{
	int rc = views_page_load(r, &a->pg);
	if (rc)
		return rc;
	if (views_results(&r->d, a->pg.round.id, true, &a->res, &r->e) < 0)
		return page_error(r, &r->e);
	const char *key = param_named(r, "statement");
	a->el = NULL;
	for (size_t i = 0; key && i < a->res.n_elements && !a->el; i++)
		if (!strcmp(a->res.elements[i].element_key, key))
			a->el = &a->res.elements[i];
	return a->el ? 0 : page_not_found(r);
}

static int agree_render(request *r, agree_page *a, const view_agree_input *in, const form_errors *fe)
{
	const char *heading = arena_printf(&r->mem, "The agreed view of %s", element_heading(r, &a->res, a->el));
	page_begin(r, heading);
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">Results</a><div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	      views_url(r, a->pg.round.id, "/results"));
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>", a->pg.round.title, heading);
	views_side_by_side(r, &a->res, a->el);
	htmlf(&r->out, "<p class=\"govuk-body\">Agree a view together, with the groups, after talking through where they differ. "
		       "It becomes dated evidence for this statement, like any other.</p><form method=\"post\" action=\"%a\" novalidate>",
	      views_url(r, a->pg.round.id, arena_printf(&r->mem, "/agree/%s", a->el->element_key)));
	form_csrf(r);
	form_textarea(r, "agreed", "What was agreed", in->agreed, "In the words you agreed on", fe);
	form_textarea(r, "resolved", "How differences were resolved (optional)", in->resolved, NULL, fe);
	form_partner_groups(r, "with", "Who took part in agreeing", in->groups, fe);
	form_button(r, "Record the agreed view");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

/* ROUTE: GET /org/{org}/views/{round}/agree/{statement} (lead) */
static int page_views_agree(request *r)
{
	agree_page a;
	int rc = agree_load(r, &a);
	if (rc)
		return rc;
	view_agree_input in = {0};
	if (a.el->has_agreed)
		in = (view_agree_input){.agreed = a.el->agreed.agreed, .resolved = a.el->agreed.resolved,
					.groups = a.el->agreed.groups};
	return agree_render(r, &a, &in, NULL);
}

/* ROUTE: POST /org/{org}/views/{round}/agree/{statement} (lead) */
static int page_views_agree_post(request *r)
{
	agree_page a;
	int rc = agree_load(r, &a);
	if (rc)
		return rc;
	view_agree_input in = {.element = a.el->element_key, .agreed = form_get(r, "agreed"),
			       .resolved = form_get(r, "resolved"), .groups = form_groups_value(r, "with")};
	form_errors fe = {0};
	if (text_blank(in.agreed) || !in.agreed[strspn(in.agreed, " \t\r\n")])
		form_error_add(&fe, "agreed", "Enter what was agreed");
	int64_t evidence;
	if (!fe.n && views_agree(&r->d, &r->sess.user, a.pg.round.id, &in, &evidence, &r->e) < 0) {
		if (r->e.kind != ERR_INPUT)
			return page_error(r, &r->e);
		form_error_add(&fe, strstr(r->e.msg, "resolved") ? "resolved" : strstr(r->e.msg, "group") ? "with" : "agreed",
			       sentence(r, r->e.msg));
	}
	if (fe.n)
		return agree_render(r, &a, &in, &fe);
	return web_redirect(r, views_url(r, a.pg.round.id, arena_printf(&r->mem, "/results/%s?agreed=%s",
									 a.el->element_key, a.el->element_key)));
}

const route views_results_routes[] = {
	{"GET", "/org/{org}/views/{round}/results/{statement}", page_views_result, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/views/{round}/results", page_views_results, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/views/{round}/results.csv", page_views_results_csv, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/views/{round}/comments", page_views_comments, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/comments", page_views_comment_post, ROUTE_POST, ACCESS_LEAD},
	{"GET", "/org/{org}/views/{round}/agree/{statement}", page_views_agree, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/agree/{statement}", page_views_agree_post, ROUTE_POST, ACCESS_LEAD},
	{0},
};
