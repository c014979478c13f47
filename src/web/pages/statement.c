/* statement.c: a statement of a self-evaluation, at
 * /org/{org}/evaluation/{evaluation}/statement/{statement}: its indicators
 * with their evidence, the judgement, and the forms that add evidence,
 * link evidence already gathered, record the judgement, add the
 * organisation's own indicators and re-confirm evidence carried forward.
 *
 * Every handler first checks that the evaluation in the URL belongs to the
 * organisation in the URL (evaluation_page.h): another organisation's
 * evaluation does not exist here (404). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/review.h"
#include "web/pages/evaluation_page.h"

/* The page is long: a list of its parts, as GOV.UK guidance pages have. */
static void contents(request *r, bool forms, bool lead)
{
	htmlf(&r->out, "<nav class=\"govuk-!-margin-bottom-8\" aria-labelledby=\"contents-title\">"
		      "<h2 class=\"govuk-heading-s govuk-!-margin-bottom-2\" id=\"contents-title\">On this page</h2>"
		      "<ul class=\"govuk-list\"><li><a class=\"govuk-link\" href=\"#indicator-list\">Indicators and their evidence</a></li>"
		      "<li><a class=\"govuk-link\" href=\"#strengths-heading\">Strengths</a></li>"
		      "<li><a class=\"govuk-link\" href=\"#areas-heading\">Areas for development</a></li>");
	if (forms)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"#add-evidence\">Add new evidence</a></li>"
			      "<li><a class=\"govuk-link\" href=\"#link-evidence\">Link evidence you already have</a></li>");
	if (lead)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"#judgement\">Record the judgement</a></li>"
			      "<li><a class=\"govuk-link\" href=\"#own-indicator\">Add your own indicator</a></li>");
	htmlf(&r->out, "</ul></nav>");
}

/* ---- the statement page ----------------------------------------------- */

/* Which form a refused POST came from, so only that one keeps what was
 * typed and the others show what is saved. */
enum posted { POSTED_NONE, POSTED_EVIDENCE, POSTED_LINK, POSTED_REVIEW, POSTED_INDICATOR };

typedef struct statement_data {
	link_list links;
	evidence_list evidence;
	carried_list carried;           /* links from the earlier cycle */
	bool can_confirm;               /* a contributor, on a draft */
} statement_data;

/* Carried forward from the earlier cycle and not yet re-confirmed. */
static bool waiting_confirmation(const statement_data *sd, const link_row *lr)
{
	for (size_t i = 0; i < sd->carried.n; i++) {
		const carried_row *c = &sd->carried.items[i];
		if (c->evidence_id == lr->evidence_id && !strcmp(c->element_key, lr->element_key) &&
		    !strcmp(c->indicator_key, lr->indicator_key))
			return !c->confirmed_at;
	}
	return false;
}

static size_t waiting_in_statement(const statement_data *sd, const char *element)
{
	size_t n = 0;
	for (size_t i = 0; i < sd->carried.n; i++)
		n += !sd->carried.items[i].confirmed_at && !strcmp(sd->carried.items[i].element_key, element);
	return n;
}

/* The form that re-confirms one item's carried links (evidence 0: all). */
static void confirm_form(request *r, const char *action, int64_t evidence, const char *label,
			 const char *hidden)
{
	htmlf(&r->out, "<form method=\"post\" action=\"%a/confirm\" class=\"copro-inline-form\" novalidate>", action);
	form_csrf(r);
	if (evidence)
		htmlf(&r->out, "<input type=\"hidden\" name=\"evidence\" value=\"%D\">", evidence);
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0\" data-module=\"govuk-button\">"
		      "%t<span class=\"govuk-visually-hidden\"> %t</span></button></form>", label, hidden);
}

static const evidence_row *find_evidence(const statement_data *sd, int64_t id)
{
	for (size_t i = 0; i < sd->evidence.n; i++)
		if (sd->evidence.items[i].id == id)
			return &sd->evidence.items[i];
	return NULL;
}

static void indicator_section(request *r, const eval_page *pg, const statement_data *sd)
{
	const element_progress *ep = pg->ep;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"indicator-list\">Indicators</h2>"
		      "<p class=\"govuk-body\">%z of %z indicators have evidence.</p>",
	     ep->evidenced, ep->n_indicators);
	size_t waiting = waiting_in_statement(sd, ep->element->key);
	if (waiting) {
		htmlf(&r->out, "<div class=\"govuk-inset-text\" id=\"carried\"><p class=\"govuk-body\">%z link%R to evidence %R from the earlier cycle, "
			      "to be re-confirmed: check that the evidence still shows what the indicator asks, then confirm it.</p>",
		     waiting, waiting == 1 ? "" : "s", waiting == 1 ? "comes" : "come");
		if (sd->can_confirm)
			confirm_form(r, statement_path(r, pg), 0, "Confirm all evidence from the earlier cycle",
				     arena_printf(&r->mem, "for statement %s", ep->element->key));
		htmlf(&r->out, "</div>");
	}
	for (size_t i = 0; i < ep->n_indicators; i++) {
		const indicator_progress *ip = &ep->indicators[i];
		htmlf(&r->out, "<div class=\"govuk-!-margin-bottom-6\"><h3 class=\"govuk-heading-s govuk-!-margin-bottom-2\">%t.%t%R</h3>"
			      "<p class=\"govuk-body govuk-!-margin-bottom-2\">%t</p>",
		     ep->element->key, ip->key,
		     ip->own ? " <strong class=\"govuk-tag govuk-tag--purple\">Added by us</strong>" : "",
		     ip->text);
		eval_source_gap(r, ip->gap);
		size_t shown = 0;
		for (size_t l = 0; l < sd->links.n; l++) {
			const link_row *lr = &sd->links.items[l];
			if (strcmp(lr->element_key, ep->element->key) || strcmp(lr->indicator_key, ip->key))
				continue;
			const evidence_row *ev = find_evidence(sd, lr->evidence_id);
			if (!ev)
				continue;
			if (!shown++)
				htmlf(&r->out, "<ul class=\"govuk-list govuk-list--bullet\">");
			htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a><br>"
				      "<span class=\"govuk-body-s\">%t. Partner groups: %t.</span>",
			     r->org, ev->id, ev->title, date_words(r, ev->date),
			     groups_describe(&r->mem, ev->groups));
			if (waiting_confirmation(sd, lr)) {
				htmlf(&r->out, "<br><strong class=\"govuk-tag govuk-tag--yellow\">From the earlier cycle, to be re-confirmed</strong> ");
				if (sd->can_confirm)
					confirm_form(r, statement_path(r, pg), ev->id, "Confirm",
						     arena_printf(&r->mem, "%s for %s.%s", ev->title,
								  ep->element->key, ip->key));
			}
			htmlf(&r->out, "</li>");
		}
		if (shown)
			htmlf(&r->out, "</ul>");
		else
			htmlf(&r->out, "<p class=\"govuk-body govuk-hint\">No evidence linked yet.</p>");
		htmlf(&r->out, "</div>");
	}
}

/* This statement's indicators as checkbox options "1i.a", "1i.a: text". */
static const char *const *indicator_options(request *r, const element_progress *ep, const char *field,
					    bool keep, bool **checked)
{
	const char **opts = ARENA_ARRAY(&r->mem, 2 * ep->n_indicators + 1, opts);
	*checked = ARENA_ARRAY(&r->mem, ep->n_indicators, *checked);
	const char **ticked = keep ? form_get_all(r, field) : NULL;
	for (size_t i = 0; i < ep->n_indicators; i++) {
		const indicator_progress *ip = &ep->indicators[i];
		opts[2 * i] = arena_printf(&r->mem, "%s.%s", ep->element->key, ip->key);
		opts[2 * i + 1] = arena_printf(&r->mem, "%s.%s: %s%s", ep->element->key, ip->key,
					       ip->text, ip->own ? " (added by us)" : "");
		(*checked)[i] = false;
		for (const char **t = ticked; t && *t; t++)
			(*checked)[i] |= strcmp(*t, opts[2 * i]) == 0;
	}
	opts[2 * ep->n_indicators] = NULL;
	return opts;
}

static void evidence_form(request *r, const eval_page *pg, bool keep, const form_errors *fe)
{
	const element_progress *ep = pg->ep;
	eval_section_break(r);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"add-evidence\">Add new evidence</h2>"
		      "<p class=\"govuk-body\">Evidence goes into your organisation's evidence library and "
		      "is linked to the indicators you tick.</p>"
		      "<form method=\"post\" action=\"%a/evidence\" novalidate>", statement_path(r, pg));
	form_csrf(r);
	form_input(r, "title", "Title", keep ? form_get(r, "title") : NULL, fe,
		   &(input_opts){.hint = "For example: Parent carer coffee mornings"});
	form_textarea(r, "description", "Description (optional)",
		      keep ? form_get(r, "description") : NULL,
		      "What happened, who took part and what changed.", fe);
	form_date(r, "date", "Date", NULL, "The day it happened. For example, 15 10 2026.", fe);
	form_input(r, "url", "Link to a document or web page (optional)", keep ? form_get(r, "url") : NULL,
		   fe, &(input_opts){.type = "url", .hint = "A web address starting with https://, for example of a shared document."});
	form_partner_groups(r, "groups", "Partner groups who took part",
			    keep ? form_groups_value(r, "groups") : 0, fe);
	bool *checked;
	const char *const *opts = indicator_options(r, ep, "indicators", keep, &checked);
	form_checkboxes(r, "indicators", "Indicators this evidence counts for", opts, checked,
			"Select all that apply. You can link it to indicators of other statements afterwards.",
			fe);
	form_button(r, "Add evidence");
	htmlf(&r->out, "</form>");
}

static void link_form(request *r, const eval_page *pg, const statement_data *sd, bool keep,
		      const form_errors *fe)
{
	const element_progress *ep = pg->ep;
	eval_section_break(r);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"link-evidence\">Link evidence you already have</h2>");
	if (!sd->evidence.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">Your evidence library is empty. Add new evidence above.</p>");
		return;
	}
	htmlf(&r->out, "<form method=\"post\" action=\"%a/link\" novalidate>", statement_path(r, pg));
	form_csrf(r);
	const char *chosen = keep ? form_get(r, "evidence") : NULL;
	form_select_begin(r, "evidence", "Evidence", fe, &(select_opts){.bold = true});
	form_option(r, "", "Choose evidence", false);
	for (size_t i = 0; i < sd->evidence.n; i++) {
		const evidence_row *ev = &sd->evidence.items[i];
		form_option_id(r, ev->id, ev->title, date_words(r, ev->date), chosen);
	}
	form_select_end(r);
	bool *checked;
	const char *const *opts = indicator_options(r, ep, "link_indicators", keep, &checked);
	form_checkboxes(r, "link_indicators", "Indicators of this statement", opts, checked,
			"Select all that apply.", fe);
	form_input(r, "other_indicators", "Other indicators (optional)",
		   keep ? form_get(r, "other_indicators") : NULL, fe,
		   &(input_opts){.hint = "Indicators of any statement or cornerstone, for example 2iii.a 4i.b. "
					 "Separate them with spaces or commas."});
	form_button(r, "Link evidence");
	htmlf(&r->out, "</form>");
}

static void review_form(request *r, const eval_page *pg, bool keep, const form_errors *fe)
{
	static const char *const statuses[] = {"not-started", "Not started", "in-progress", "In progress",
					       "complete", "Complete", NULL};
	const review_row *rv = &pg->ep->review;
	eval_section_break(r);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"judgement\">Record the judgement</h2>"
		      "<form method=\"post\" action=\"%a/review\" novalidate>", statement_path(r, pg));
	form_csrf(r);
	form_textarea(r, "strengths", "Strengths", keep ? form_get(r, "strengths") : rv->strengths,
		      "What works well, in the words of the partners who took part.", fe);
	form_textarea(r, "areas", "Areas for development", keep ? form_get(r, "areas") : rv->areas,
		      "What needs to change. You can raise an action for each one.", fe);
	/* A statement never reviewed has no status chosen yet: GOV.UK asks
	 * not to pre-select a radio the user has not picked. */
	const char *chosen = keep ? form_get(r, "status") : rv->updated_at ? rv->status : NULL;
	form_radios(r, "status", "Status", statuses, chosen, NULL, fe);
	form_partner_groups(r, "took_part", "Partner groups who took part in this judgement",
			    keep ? form_groups_value(r, "took_part") : rv->groups, fe);
	form_button(r, "Save judgement");
	htmlf(&r->out, "</form>");
}

static void own_indicator_form(request *r, const eval_page *pg, bool keep, const form_errors *fe)
{
	const char *key = pg->ep->element->key;
	eval_section_break(r);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"own-indicator\">Add your own indicator</h2>"
		      "<form method=\"post\" action=\"%a/indicator\" novalidate>", statement_path(r, pg));
	form_csrf(r);
	form_textarea(r, "indicator_text", arena_printf(&r->mem, "Your indicator for statement %s", key),
		      keep ? form_get(r, "indicator_text") : NULL,
		      arena_printf(&r->mem, "What good co-production looks like here in your organisation. "
					    "It is numbered %s.own1, %s.own2 and so on, and belongs to this self-evaluation only.",
				   key, key),
		      fe);
	form_button(r, "Add indicator");
	htmlf(&r->out, "</form>");
}

static void saved_banner(request *r)
{
	const char *saved = query_get(r, "saved"), *what = NULL;
	if (!saved)
		return;
	if (!strcmp(saved, "evidence"))
		what = "Evidence added and linked";
	else if (!strcmp(saved, "link"))
		what = "Evidence linked";
	else if (!strcmp(saved, "review"))
		what = "Judgement saved";
	else if (!strcmp(saved, "indicator"))
		what = "Your indicator was added";
	else if (!strcmp(saved, "confirm"))
		what = "Evidence from the earlier cycle confirmed";
	if (what)
		notice_success(r, what);
}

/* Writes the whole statement page; answers 200, or the status of an error
 * page. `posted` names the form whose typed values are kept. */
static int statement_render(request *r, const eval_page *pg, const form_errors *fe,
			    enum posted posted)
{
	const evaluation_progress *p = &pg->p;
	const element_progress *ep = pg->ep;
	statement_data sd;
	err e = {0};
	if (links_of_statement(&r->d, p->evaluation.id, ep->element->key, &sd.links, &e) < 0 ||
	    evidence_of_org(&r->d, r->org, &sd.evidence, &e) < 0 ||
	    carried_links(&r->d, p->evaluation.id, &sd.carried, &e) < 0)
		return page_error(r, &e);
	sd.can_confirm = r->access >= ACCESS_CONTRIBUTE && !eval_submitted(p);
	bool has_errors = fe && fe->n;
	int evidence_groups = 0;
	for (size_t i = 0; i < ep->n_indicators; i++)
		evidence_groups |= ep->indicators[i].groups;
	page_begin(r, arena_printf(&r->mem, "%s%s %s - %s", has_errors ? "Error: " : "",
				   ep->element->key, ep->element->title, pg->org.name));
	eval_breadcrumbs(r, pg);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	if (!has_errors)
		saved_banner(r);
	form_error_summary(r, fe);
	eval_changed_notice(r, pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t %t</h1>",
	     eval_section_name(r, p->fw, ep->element->section), ep->element->key, ep->element->title);
	if (ep->element->description && *ep->element->description)
		htmlf(&r->out, "<p class=\"govuk-body-l\">%t</p>", ep->element->description);
	eval_source_gap(r, ep->element->gap);
	easy_read_details(r, ep->element->easy_read);
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Status</dt>"
		      "<dd class=\"govuk-summary-list__value\"><strong class=\"%a\">%t</strong></dd></div>"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Indicators with evidence</dt>"
		      "<dd class=\"govuk-summary-list__value\">%z of %z</dd></div>"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Who took part in the judgement</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div>"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Who took part in the evidence</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div></dl>",
	     statement_status_class(ep->review.status), statement_status_label(ep->review.status),
	     ep->evidenced, ep->n_indicators,
	     sentence(r, groups_describe(&r->mem, ep->review.groups)),
	     sentence(r, groups_describe(&r->mem, evidence_groups)));
	if (eval_submitted(p))
		htmlf(&r->out, "<div class=\"govuk-inset-text\">This self-evaluation has been submitted, so it can "
			      "no longer change. Your organisation lead can set it back to draft.</div>");

	bool forms = r->access >= ACCESS_CONTRIBUTE && !eval_submitted(p);
	contents(r, forms, forms && r->access >= ACCESS_LEAD);
	indicator_section(r, pg, &sd);
	if (views_statement_panel(r, p->evaluation.id, ep->element->key) < 0)
		return page_error(r, &r->e);

	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"strengths-heading\">Strengths</h2>");
	text_paragraphs(r, ep->review.strengths, "None recorded yet.");
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"areas-heading\">Areas for development</h2>");
	text_paragraphs(r, ep->review.areas, "None recorded yet.");
	if (r->access >= ACCESS_CONTRIBUTE && ep->review.areas && *ep->review.areas)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/actions/new?evaluation=%D&amp;statement=%u\">"
			      "Raise an action for an area for development</a></p>",
		     r->org, p->evaluation.id, ep->element->key);

	if (forms) {
		evidence_form(r, pg, posted == POSTED_EVIDENCE, fe);
		link_form(r, pg, &sd, posted == POSTED_LINK, fe);
		if (r->access >= ACCESS_LEAD) {
			review_form(r, pg, posted == POSTED_REVIEW, fe);
			own_indicator_form(r, pg, posted == POSTED_INDICATOR, fe);
		}
	}
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Back to all statements</a></p>"
		      "</div></div>", evaluation_path(r, pg));
	page_end(r);
	return 200;
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/statement/{statement} (viewer) */
static int page_statement(request *r)
{
	eval_page pg;
	int st = eval_page_load(r, &pg, true);
	return st ? st : statement_render(r, &pg, NULL, POSTED_NONE);
}

/* ---- the statement page's forms ---------------------------------------- */

/* Loads like the page, and refuses any change to a submitted evaluation. */
static int load_for_change(request *r, eval_page *pg)
{
	int st = eval_page_load(r, pg, true);
	if (st)
		return st;
	if (eval_submitted(&pg->p)) {
		return web_error_page(r, 409, "This self-evaluation has been submitted",
				      "A submitted self-evaluation can no longer change. Your organisation lead can set it back to draft.");
	}
	return 0;
}

/* Re-renders the page with the problems; nothing was saved. */
static int refuse(request *r, eval_page *pg, const form_errors *fe, enum posted posted)
{
	int st = statement_render(r, pg, fe, posted);
	return st == 200 ? 400 : st;
}

static int saved(request *r, eval_page *pg, const char *what)
{
	const char *to = arena_printf(&r->mem, "%s?saved=%s", statement_path(r, pg), what);
	return web_redirect(r, to);
}

/* The ticked indicators of this statement, checked against it; NULL-ended. */
static const char **ticked_indicators(request *r, const element_progress *ep, const char *field,
				      size_t *n, bool *bad)
{
	const char **all = form_get_all(r, field);
	*n = 0;
	*bad = false;
	for (size_t i = 0; all[i]; i++) {
		bool known = false;
		for (size_t k = 0; k < ep->n_indicators && !known; k++)
			known = !strcmp(all[i], arena_printf(&r->mem, "%s.%s", ep->element->key,
							     ep->indicators[k].key));
		if (known)
			all[(*n)++] = all[i];
		else
			*bad = true;
	}
	all[*n] = NULL;
	return all;
}

static const char *join_refs(request *r, const char *const *refs, size_t n)
{
	html h;
	html_init(&h, &r->mem);
	for (size_t i = 0; i < n; i++) {
		if (i)
			html_raw(&h, ", ", 2);
		html_raw(&h, refs[i], strlen(refs[i]));
	}
	return html_str(&h);
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/statement/{statement}/evidence (contributor) */
static int page_evidence_add_post(request *r)
{
	eval_page pg;
	int st = load_for_change(r, &pg);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	evidence_row ev = {.organisation_id = r->org, .title = form_trimmed(r, "title"),
			   .description = form_get(r, "description") ? form_get(r, "description") : "",
			   .url = form_trimmed(r, "url"), .groups = form_groups_value(r, "groups")};
	if (!*ev.title)
		form_error_add(&fe, "title", "Enter a title for the evidence");
	else if (text_check_line("The title", ev.title, true, &e) < 0)
		form_error_add(&fe, "title", sentence(r, e.msg));
	if (text_check_long("The description", ev.description, false, &e) < 0)
		form_error_add(&fe, "description", sentence(r, e.msg));
	ev.date = form_date_posted(r, "date", &(date_rule){"the date of the evidence", true, DATE_PAST}, &fe);
	if (*ev.url && text_check_url("The link", ev.url, &e) < 0)
		form_error_add(&fe, "url", sentence(r, e.msg));
	size_t n;
	bool bad;
	const char **refs = ticked_indicators(r, pg.ep, "indicators", &n, &bad);
	if (bad)
		form_error_add(&fe, "indicators", "Select indicators from the list");
	else if (!n)
		form_error_add(&fe, "indicators", "Select at least one indicator this evidence counts for");
	if (fe.n)
		return refuse(r, &pg, &fe, POSTED_EVIDENCE);

	/* The item's own problems show on its title, the links' on the
	 * indicators: the item is checked as evidence_add checks it first. */
	evidence_row probe = ev;
	probe.url = *ev.url ? ev.url : NULL;
	const char *field = evidence_validate(&probe, &e) < 0 ? "title" : "indicators";
	int64_t id;
	size_t changed;
	if (!strcmp(field, "title") ||
	    evidence_add_linked(&r->d, &ev, pg.p.evaluation.id, refs, n, &id, &changed, &e) < 0) {
		if (e.kind != ERR_INPUT && e.kind != ERR_NOTFOUND)
			return page_error(r, &e);
		form_error_add(&fe, field, sentence(r, e.msg));
		return refuse(r, &pg, &fe, POSTED_EVIDENCE);
	}
	if (page_log(r, arena_printf(&r->mem, "added evidence %lld \"%s\" linked to %s in evaluation %lld",
				     (long long)id, ev.title, join_refs(r, refs, n),
				     (long long)pg.p.evaluation.id)) < 0)
		return page_failed(r);
	return saved(r, &pg, "evidence");
}

/* Indicators typed as "2iii.a 4i.b", checked against this evaluation's
 * instrument version and own indicators. */
static int other_refs(request *r, const eval_page *pg, const char **refs, size_t *n,
		      size_t cap, form_errors *fe)
{
	const char *text = form_get(r, "other_indicators");
	for (const char *p = text ? text : ""; *p;) {
		p += strspn(p, " ,;\t\r\n");
		size_t len = strcspn(p, " ,;\t\r\n");
		if (!len)
			break;
		const char *ref = arena_strndup(&r->mem, p, len);
		p += len;
		indicator_ref ir;
		err e = {0};
		if (indicator_ref_parse(&r->mem, ref, &ir, &e) < 0) {
			form_error_add(fe, "other_indicators",
				       arena_printf(&r->mem, "\"%.40s\" is not an indicator: write the statement and the indicator with a dot between, for example 2iii.a", ref));
			return -1;
		}
		const element_progress *ep = progress_element(&pg->p, ir.element);
		bool known = false;
		for (size_t k = 0; ep && k < ep->n_indicators && !known; k++)
			known = !strcmp(ep->indicators[k].key, ir.indicator);
		if (!known) {
			form_error_add(fe, "other_indicators",
				       ep ? arena_printf(&r->mem, "Statement %s has no indicator \"%.40s\"", ep->element->key, ir.indicator)
					  : arena_printf(&r->mem, "There is no statement \"%.40s\": statements are written like 1i or 3iv", ir.element));
			return -1;
		}
		if (*n < cap)
			refs[(*n)++] = ref;
	}
	return 0;
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/statement/{statement}/link (contributor) */
static int page_evidence_link_post(request *r)
{
	eval_page pg;
	int st = load_for_change(r, &pg);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	const char *chosen = form_get(r, "evidence");
	evidence_row ev = {0};
	if (!chosen || !*chosen) {
		form_error_add(&fe, "evidence", "Select the evidence to link");
	} else {
		char *end;
		long long id = strtoll(chosen, &end, 10);
		/* Another organisation's evidence does not exist here. */
		if (*end || id <= 0)
			return page_not_found(r);
		if (evidence_get_in_org(&r->d, r->org, id, &ev, &e) < 0)
			return page_lookup_failed(r, &e);
	}
	size_t n;
	bool bad;
	const char **ticked = ticked_indicators(r, pg.ep, "link_indicators", &n, &bad);
	const char *typed = form_get(r, "other_indicators");
	size_t cap = n + (typed ? strlen(typed) / 2 : 0) + 1;
	const char **refs = ARENA_ARRAY(&r->mem, cap, refs);
	memcpy(refs, ticked, n * sizeof *refs);
	if (bad)
		form_error_add(&fe, "link_indicators", "Select indicators from the list");
	if (other_refs(r, &pg, refs, &n, cap, &fe) == 0 && !bad && !n)
		form_error_add(&fe, "link_indicators",
			       "Select an indicator of this statement, or type other indicators");
	if (fe.n)
		return refuse(r, &pg, &fe, POSTED_LINK);
	size_t changed = 0;
	if (evidence_link(&r->d, ev.id, pg.p.evaluation.id, refs, n, false, &changed, &e) < 0) {
		if (e.kind == ERR_INPUT || e.kind == ERR_NOTFOUND) {
			form_error_add(&fe, "other_indicators", sentence(r, e.msg));
			return refuse(r, &pg, &fe, POSTED_LINK);
		}
		return page_error(r, &e);
	}
	if (page_log(r, arena_printf(&r->mem, "linked evidence %lld \"%s\" to %s in evaluation %lld",
			     (long long)ev.id, ev.title, join_refs(r, refs, n),
			     (long long)pg.p.evaluation.id)) < 0)
		return page_failed(r);
	return saved(r, &pg, "link");
}

/* Shows the statement page again with the problems found in a
 * judgement: only then is the whole page loaded. */
static int refuse_review(request *r, const form_errors *fe)
{
	eval_page pg;
	int st = load_for_change(r, &pg);
	return st ? st : refuse(r, &pg, fe, POSTED_REVIEW);
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/statement/{statement}/review (lead)
 * The most frequent change there is, so it reads only what its checks
 * need (review_set checks the statement and that the evaluation is not
 * submitted) rather than the whole statement page. */
static int page_review_post(request *r)
{
	static const char *const statuses[] = {"not-started", "in-progress", "complete", NULL};
	form_errors fe = {0};
	err e = {0};
	review_change c = {.strengths = form_get(r, "strengths") ? form_get(r, "strengths") : "",
			   .areas = form_get(r, "areas") ? form_get(r, "areas") : "",
			   .status = form_get(r, "status"), .groups = form_groups_value(r, "took_part")};
	if (text_check_long("Strengths", c.strengths, false, &e) < 0)
		form_error_add(&fe, "strengths", sentence(r, e.msg));
	if (text_check_long("Areas for development", c.areas, false, &e) < 0)
		form_error_add(&fe, "areas", sentence(r, e.msg));
	bool known = false;
	for (size_t i = 0; c.status && statuses[i]; i++)
		known |= !strcmp(c.status, statuses[i]);
	if (!known)
		form_error_add(&fe, "status", "Select the statement's status");
	int64_t id = param_id(r, 1);
	evaluation_row ev;
	/* Another organisation's evaluation does not exist under ours. */
	if (evaluation_get_in_org(&r->d, r->org, id, &ev, &e) < 0)
		return page_lookup_failed(r, &e);
	if (fe.n)
		return refuse_review(r, &fe);
	const char *key = r->params[2];
	if (review_set(&r->d, id, key, &c, &e) < 0) {
		if (e.kind == ERR_INPUT) {
			form_error_add(&fe, "strengths", sentence(r, e.msg));
			return refuse_review(r, &fe);
		}
		if (e.kind == ERR_NOTFOUND)
			return page_not_found(r);
		if (e.kind == ERR_CONFLICT)
			return web_error_page(r, 409, "This self-evaluation has been submitted",
					      "A submitted self-evaluation can no longer change. Your organisation lead can set it back to draft.");
		return page_error(r, &e);
	}
	if (page_log(r, arena_printf(&r->mem, "recorded the judgement on statement %s of evaluation %lld (%s)",
			     key, (long long)id, c.status)) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/evaluation/%lld/statement/%s?saved=review",
					    (long long)r->org, (long long)id, key));
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/statement/{statement}/indicator (lead) */
static int page_own_indicator_post(request *r)
{
	eval_page pg;
	int st = load_for_change(r, &pg);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	const char *text = form_trimmed(r, "indicator_text");
	if (!*text)
		form_error_add(&fe, "indicator_text", "Enter your indicator");
	else if (text_check_long("Your indicator", text, true, &e) < 0)
		form_error_add(&fe, "indicator_text", sentence(r, e.msg));
	if (fe.n)
		return refuse(r, &pg, &fe, POSTED_INDICATOR);
	char *key;
	if (own_indicator_add(&r->d, pg.p.evaluation.id, pg.ep->element->key, text, &key, &e) < 0) {
		if (e.kind == ERR_INPUT) {
			form_error_add(&fe, "indicator_text", sentence(r, e.msg));
			return refuse(r, &pg, &fe, POSTED_INDICATOR);
		}
		return page_error(r, &e);
	}
	if (page_log(r, arena_printf(&r->mem, "added own indicator %s.%s to evaluation %lld",
			     pg.ep->element->key, key, (long long)pg.p.evaluation.id)) < 0)
		return page_failed(r);
	return saved(r, &pg, "indicator");
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/statement/{statement}/confirm (contributor) */
static int page_confirm_post(request *r)
{
	eval_page pg;
	int st = load_for_change(r, &pg);
	if (st)
		return st;
	err e = {0};
	const char *chosen = form_get(r, "evidence");
	int64_t evidence = 0;
	if (!text_blank(chosen)) {
		char *end;
		long long v = strtoll(chosen, &end, 10);
		if (*end || v <= 0)
			return page_not_found(r);
		evidence = v;
	}
	size_t n;
	if (statement_confirm(&r->d, pg.p.evaluation.id, pg.ep->element->key, evidence, &n, &e) < 0) {
		/* Evidence with nothing waiting on this statement: not here. */
		if (e.kind == ERR_NOTFOUND)
			return page_not_found(r);
		return page_error(r, &e);
	}
	if (n && page_log(r, arena_printf(&r->mem, "confirmed %zu evidence link%s carried forward on statement %s of evaluation %lld",
					  n, n == 1 ? "" : "s", pg.ep->element->key,
					  (long long)pg.p.evaluation.id)) < 0)
		return page_failed(r);
	return saved(r, &pg, "confirm");
}

const route statement_routes[] = {
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}", page_statement, 0,
	 ACCESS_VIEW},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/evidence",
	 page_evidence_add_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/link",
	 page_evidence_link_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/review",
	 page_review_post, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/indicator",
	 page_own_indicator_post, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/confirm",
	 page_confirm_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{0},
};
