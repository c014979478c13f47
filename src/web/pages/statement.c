/* statement.c: a statement of a self-evaluation, at
 * /org/{org}/evaluation/{evaluation}/statement/{statement}, laid out like
 * the paper tool's grid (seed 001): the statement and what it means, each
 * indicator beside the evidence recorded against it, then the judgement
 * (strengths and areas for development) and the partners' views. Each
 * task is its own page: adding evidence (.../evidence) is here, with the
 * re-confirming of evidence carried forward; linking evidence, the
 * judgement and the organisation's own indicators are in
 * statement_tasks.c.
 *
 * Every handler first checks that the evaluation in the URL belongs to the
 * organisation in the URL (evaluation_page.h): another organisation's
 * evaluation does not exist here (404). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/review.h"
#include "domain/views.h"
#include "web/pages/statement_task.h"

/* ---- the statement page ----------------------------------------------- */

typedef struct statement_data {
	statement_links s;
	bool can_change;                /* a contributor, on an evaluation not submitted */
} statement_data;

/* Carried forward from the earlier cycle and not yet re-confirmed. */
static bool waiting_confirmation(const statement_data *sd, const link_row *lr)
{
	for (size_t i = 0; i < sd->s.carried.n; i++) {
		const carried_row *c = &sd->s.carried.items[i];
		if (c->evidence_id == lr->evidence_id && !strcmp(c->element_key, lr->element_key) &&
		    !strcmp(c->indicator_key, lr->indicator_key))
			return !c->confirmed_at;
	}
	return false;
}

static size_t waiting_in_statement(const statement_data *sd, const char *element)
{
	size_t n = 0;
	for (size_t i = 0; i < sd->s.carried.n; i++)
		n += !sd->s.carried.items[i].confirmed_at && !strcmp(sd->s.carried.items[i].element_key, element);
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
	for (size_t i = 0; i < sd->s.evidence.n; i++)
		if (sd->s.evidence.items[i].id == id)
			return &sd->s.evidence.items[i];
	return NULL;
}

static void carried_notice(request *r, const eval_page *pg, const statement_data *sd)
{
	size_t waiting = waiting_in_statement(sd, pg->ep->element->key);
	if (!waiting)
		return;
	htmlf(&r->out, "<div class=\"govuk-inset-text\" id=\"carried\"><p class=\"govuk-body\">%z link%R to evidence %R from the earlier cycle, "
		      "to be re-confirmed: check that the evidence still shows what the indicator asks, then confirm it.</p>",
	     waiting, waiting == 1 ? "" : "s", waiting == 1 ? "comes" : "come");
	if (sd->can_change)
		confirm_form(r, statement_path(r, pg), 0, "Confirm all evidence from the earlier cycle",
			     arena_printf(&r->mem, "for statement %s", pg->ep->element->key));
	htmlf(&r->out, "</div>");
}

/* The evidence column of one indicator: each item linked to it, with its
 * date and who took part; an empty cell offers to add some. */
static void evidence_cell(request *r, const eval_page *pg, const statement_data *sd,
			  const indicator_progress *ip, const char *ref)
{
	const element_progress *ep = pg->ep;
	htmlf(&r->out, "<div class=\"copro-grid__evidence\"><p class=\"copro-grid__label\">Evidence for %t</p>", ref);
	size_t shown = 0;
	for (size_t l = 0; l < sd->s.links.n; l++) {
		const link_row *lr = &sd->s.links.items[l];
		if (strcmp(lr->element_key, ep->element->key) || strcmp(lr->indicator_key, ip->key))
			continue;
		const evidence_row *ev = find_evidence(sd, lr->evidence_id);
		if (!ev)
			continue;
		if (!shown++)
			htmlf(&r->out, "<ul class=\"govuk-list copro-grid__items\">");
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a><br>"
			      "<span class=\"govuk-body-s\">%t. Partner groups: %t.</span>",
		     r->org, ev->id, ev->title, date_words(r, ev->date),
		     groups_describe(&r->mem, ev->groups));
		if (waiting_confirmation(sd, lr)) {
			htmlf(&r->out, "<br><strong class=\"govuk-tag govuk-tag--yellow\">From the earlier cycle, to be re-confirmed</strong> ");
			if (sd->can_change)
				confirm_form(r, statement_path(r, pg), ev->id, "Confirm",
					     arena_printf(&r->mem, "%s for %s", ev->title, ref));
		}
		htmlf(&r->out, "</li>");
	}
	if (shown)
		htmlf(&r->out, "</ul>");
	else
		htmlf(&r->out, "<p class=\"govuk-body govuk-hint govuk-!-margin-bottom-1\">No evidence yet.</p>");
	if (!shown && sd->can_change)
		htmlf(&r->out, "<p class=\"govuk-body-s govuk-!-margin-bottom-0 copro-print-hide\"><a class=\"govuk-link\" href=\"%a/evidence?indicator=%u\">"
			      "Add evidence<span class=\"govuk-visually-hidden\"> for %t</span></a></p>",
		     statement_path(r, pg), ref, ref);
	htmlf(&r->out, "</div>");
}

/* Indicators beside their evidence, as the paper's middle and right-hand
 * columns; the column headings show only where the columns do. */
static void indicator_grid(request *r, const eval_page *pg, const statement_data *sd)
{
	const element_progress *ep = pg->ep;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"indicator-list\">Indicators and evidence</h2>"
		      "<p class=\"govuk-body\">%z of %z indicators have evidence.</p>",
	     ep->evidenced, ep->n_indicators);
	carried_notice(r, pg, sd);
	htmlf(&r->out, "<div class=\"copro-grid__head\" aria-hidden=\"true\"><div class=\"copro-grid__indicator\">Indicator</div>"
		      "<div class=\"copro-grid__evidence\">Evidence</div></div><ul class=\"copro-grid\">");
	for (size_t i = 0; i < ep->n_indicators; i++) {
		const indicator_progress *ip = &ep->indicators[i];
		const char *ref = arena_printf(&r->mem, "%s.%s", ep->element->key, ip->key);
		htmlf(&r->out, "<li class=\"copro-grid__row\"><div class=\"copro-grid__indicator\">"
			      "<h3 class=\"govuk-heading-s govuk-!-margin-bottom-1\">%t%R</h3>"
			      "<p class=\"govuk-body govuk-!-margin-bottom-1\">%t</p>",
		     ref, ip->own ? " <strong class=\"govuk-tag govuk-tag--purple\">Added by us</strong>" : "",
		     ip->text);
		eval_source_gap(r, ip->gap);
		htmlf(&r->out, "</div>");
		evidence_cell(r, pg, sd, ip, ref);
		htmlf(&r->out, "</li>");
	}
	htmlf(&r->out, "</ul>");
}

/* What this reader may do here, each task a page of its own. */
static void task_links(request *r, const eval_page *pg, const statement_data *sd)
{
	if (!sd->can_change)
		return;
	const char *here = statement_path(r, pg);
	/* Tasks are for the screen: a printed statement has no use for them. */
	htmlf(&r->out, "<div class=\"copro-print-hide\"><h2 class=\"govuk-heading-s govuk-!-margin-bottom-2\" id=\"tasks\">What you can do</h2>"
		      "<ul class=\"govuk-list\"><li><a class=\"govuk-link\" href=\"%a/evidence\">Add new evidence</a></li>"
		      "<li><a class=\"govuk-link\" href=\"%a/link\">Link evidence you already have</a></li>",
	     here, here);
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a/review\">Record the judgement</a></li>"
			      "<li><a class=\"govuk-link\" href=\"%a/indicator\">Add your own indicator</a></li>",
		     here, here);
	htmlf(&r->out, "</ul></div>");
}

/* The statement column: what it means, what to do, where it stands. */
static void statement_column(request *r, const eval_page *pg, const statement_data *sd)
{
	const element_progress *ep = pg->ep;
	int evidence_groups = 0;
	for (size_t i = 0; i < ep->n_indicators; i++)
		evidence_groups |= ep->indicators[i].groups;
	if (ep->element->description && *ep->element->description)
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", ep->element->description);
	eval_source_gap(r, ep->element->gap);
	easy_read_details(r, ep->element->easy_read);
	task_links(r, pg, sd);
	htmlf(&r->out, "<dl class=\"copro-facts\"><dt>Status</dt><dd><strong class=\"%a\">%t</strong></dd>"
		      "<dt>Who took part in the judgement</dt><dd>%t</dd>"
		      "<dt>Who took part in the evidence</dt><dd>%t</dd></dl>",
	     statement_status_class(ep->review.status), statement_status_label(ep->review.status),
	     sentence(r, groups_describe(&r->mem, ep->review.groups)),
	     sentence(r, groups_describe(&r->mem, evidence_groups)));
	if (eval_submitted(&pg->p))
		evaluation_submitted_notice(r, pg->p.evaluation.id);
}

/* Strengths beside areas for development, as the initial evaluation
 * grid of the service plan guide (seed 003) sets them. */
static void judgement(request *r, const eval_page *pg)
{
	const element_progress *ep = pg->ep;
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\">"
		      "<h2 class=\"govuk-heading-m\" id=\"strengths-heading\">Strengths</h2>");
	text_paragraphs(r, ep->review.strengths, "None recorded yet.");
	htmlf(&r->out, "</div><div class=\"govuk-grid-column-one-half\">"
		      "<h2 class=\"govuk-heading-m\" id=\"areas-heading\">Areas for development</h2>");
	text_paragraphs(r, ep->review.areas, "None recorded yet.");
	if (r->access >= ACCESS_CONTRIBUTE && ep->review.areas && *ep->review.areas)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/actions/new?evaluation=%D&amp;statement=%u\">"
			      "Raise an action for an area for development</a></p>",
		     r->org, pg->p.evaluation.id, ep->element->key);
	htmlf(&r->out, "</div></div>");
}

static void saved_banner(request *r)
{
	static const char *const saved[] = {
		"evidence", "Evidence added and linked", "link", "Evidence linked",
		"review", "Judgement saved", "indicator", "Your indicator was added",
		"confirm", "Evidence from the earlier cycle confirmed", NULL};
	const char *what = pair_label(saved, query_get(r, "saved"), NULL);
	if (what)
		notice_success(r, what);
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/statement/{statement} (viewer) */
static int page_statement(request *r)
{
	/* The partners' rounds go with the evaluation's progress and the
	 * statement's links, in one round trip on PostgreSQL
	 * (domain_reads_begin), and are shown only once eval_page_load_statement
	 * found the evaluation and statement in this organisation. */
	statement_data sd;
	view_round_list rounds;
	err e = {0};
	domain_reads_begin(&r->d);
	int rc = views_of_org(&r->d, r->org, &rounds, &e);
	eval_page pg;
	int st = eval_page_load_statement(r, &pg, &sd.s);
	if (domain_reads_end(&r->d, &e) < 0)
		rc = -1;
	if (st)
		return st;
	if (rc < 0)
		return page_error(r, &e);
	const evaluation_progress *p = &pg.p;
	const element_progress *ep = pg.ep;
	sd.can_change = r->access >= ACCESS_CONTRIBUTE && !eval_submitted(p);
	page_begin(r, arena_printf(&r->mem, "%s %s - %s", ep->element->key, ep->element->title, pg.org.name));
	eval_breadcrumbs(r, &pg);
	saved_banner(r);
	eval_changed_notice(r, &pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t %t</h1>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-third\">",
	     eval_section_name(r, p->fw, ep->element->section), ep->element->key, ep->element->title);
	statement_column(r, &pg, &sd);
	htmlf(&r->out, "</div><div class=\"govuk-grid-column-two-thirds\">");
	indicator_grid(r, &pg, &sd);
	htmlf(&r->out, "</div></div>");
	judgement(r, &pg);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	if (views_statement_panel(r, &rounds, p->evaluation.id, ep->element->key) < 0)
		return page_error(r, &r->e);
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Back to all statements</a></p>"
		      "</div></div>", evaluation_path(r, &pg));
	page_end(r);
	return 200;
}

/* ---- add new evidence ----------------------------------------------------- */

/* GOV.UK warning text before saving an item the library already has
 * (same title and date), with a link to it; the form then says "Save
 * anyway" and carries the item's id, so the second press saves. */
static void same_warning(request *r, const evidence_row *same)
{
	htmlf(&r->out, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
		      "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
		      "You already have evidence called \u201c%t\u201d from %t: "
		      "<a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">open it in your evidence library</a>. "
		      "If it is the same evidence, link it instead of adding it again. "
		      "If it is different evidence, save it anyway.</strong></div>",
	     same->title, date_words(r, same->date), r->org, same->id);
}

static int evidence_render_same(request *r, const eval_page *pg, const form_errors *fe,
				const evidence_row *same)
{
	bool keep = (fe && fe->n) || same;
	task_begin(r, pg, "Add new evidence", fe);
	htmlf(&r->out, "<p class=\"govuk-body\">Evidence goes into your organisation's evidence library and "
		      "is linked to the indicators you tick.</p>");
	if (same)
		same_warning(r, same);
	htmlf(&r->out, "<form method=\"post\" action=\"%a/evidence\" novalidate>", statement_path(r, pg));
	form_csrf(r);
	if (same)
		htmlf(&r->out, "<input type=\"hidden\" name=\"same\" value=\"%D\">", same->id);
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
	const char *const *opts = indicator_options(r, pg->ep, "indicators", keep,
						    query_get(r, "indicator"), &checked);
	form_checkboxes(r, "indicators", "Indicators this evidence counts for", opts, checked,
			"Select all that apply. You can link it to indicators of other statements afterwards.",
			fe);
	form_button(r, same ? "Save anyway" : "Add evidence");
	if (same)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a/link\">Link the evidence you already have</a></p>",
		     statement_path(r, pg));
	htmlf(&r->out, "</form>");
	return task_end(r, fe);
}

static int evidence_render(request *r, const eval_page *pg, const form_errors *fe)
{
	return evidence_render_same(r, pg, fe, NULL);
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/statement/{statement}/evidence (contributor) */
static int page_evidence_add(request *r)
{
	return task_form(r, evidence_render);
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/statement/{statement}/evidence (contributor) */
static int page_evidence_add_post(request *r)
{
	eval_page pg;
	int st = task_load(r, &pg);
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
		return evidence_render(r, &pg, &fe);

	/* The item's own problems show on its title, the links' on the
	 * indicators: the item is checked as evidence_add checks it first. */
	evidence_row probe = ev;
	probe.url = *ev.url ? ev.url : NULL;
	const char *field = evidence_validate(&probe, &e) < 0 ? "title" : "indicators";
	/* The same title and date as an item of the library: a warning first,
	 * unless this is the "Save anyway" of that warning. */
	evidence_row same;
	const char *anyway = form_get(r, "same");
	int found = strcmp(field, "title") ? evidence_find_same(&r->d, &ev, &same, &e) : 0;
	if (found < 0)
		return page_error(r, &e);
	if (found && !(anyway && strtoll(anyway, NULL, 10) == same.id))
		return evidence_render_same(r, &pg, NULL, &same);
	int64_t id;
	size_t changed;
	if (!strcmp(field, "title") ||
	    evidence_add_linked(&r->d, &ev, pg.p.evaluation.id, refs, n, &id, &changed, &e) < 0) {
		if (e.kind != ERR_INPUT && e.kind != ERR_NOTFOUND)
			return page_error(r, &e);
		form_error_add(&fe, field, sentence(r, e.msg));
		return evidence_render(r, &pg, &fe);
	}
	if (page_log(r, arena_printf(&r->mem, "added evidence %lld \"%s\" linked to %s in evaluation %lld",
				     (long long)id, ev.title, join_refs(r, refs, n),
				     (long long)pg.p.evaluation.id)) < 0)
		return page_failed(r);
	return task_saved(r, &pg, "evidence");
}


/* ---- evidence carried forward -------------------------------------------- */

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/statement/{statement}/confirm (contributor) */
static int page_confirm_post(request *r)
{
	eval_page pg;
	int st = task_load(r, &pg);
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
	return task_saved(r, &pg, "confirm");
}

const route statement_routes[] = {
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}", page_statement, 0,
	 ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}/evidence",
	 page_evidence_add, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/evidence",
	 page_evidence_add_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/confirm",
	 page_confirm_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{0},
};
