/* statement_tasks.c: three of a statement's tasks, each its own page
 * under /org/{org}/evaluation/{evaluation}/statement/{statement}/: link
 * evidence already gathered (link), record the judgement (review) and add
 * the organisation's own indicator (indicator); and what every task page
 * shares (statement_task.h). Adding evidence is in statement.c. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/review.h"
#include "web/pages/statement_task.h"

/* ---- shared by the task pages ------------------------------------------ */

int task_load(request *r, eval_page *pg)
{
	int st = eval_page_load(r, pg, true);
	if (st)
		return st;
	if (eval_submitted(&pg->p))
		return web_error_page(r, 409, "This self-evaluation has been submitted",
				      "A submitted self-evaluation can no longer change. Your organisation lead can set it back to draft.");
	return 0;
}

void task_begin(request *r, const eval_page *pg, const char *heading, const form_errors *fe)
{
	const element_progress *ep = pg->ep;
	page_begin(r, arena_printf(&r->mem, "%s - %s %s - %s", heading,
				   ep->element->key, ep->element->title, pg->org.name));
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">Back to %t %t</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	     statement_path(r, pg), pg->p.fw->term_element, ep->element->key);
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t %t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	     ep->element->key, ep->element->title, heading);
}

int task_end(request *r, const form_errors *fe)
{
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

int task_form(request *r, task_render *render)
{
	eval_page pg;
	int st = task_load(r, &pg);
	return st ? st : render(r, &pg, NULL);
}

int task_saved(request *r, const eval_page *pg, const char *what)
{
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=%s", statement_path(r, pg), what));
}

const char *const *indicator_options(request *r, const element_progress *ep, const char *field,
				     bool keep, const char *preset, bool **checked)
{
	const char **opts = ARENA_ARRAY(&r->mem, 2 * ep->n_indicators + 1, opts);
	*checked = ARENA_ARRAY(&r->mem, ep->n_indicators, *checked);
	const char *none[] = {NULL}, *one[] = {preset, NULL};
	const char **ticked = keep ? form_get_all(r, field) : preset ? one : none;
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

const char **ticked_indicators(request *r, const element_progress *ep, const char *field,
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

const char *join_refs(request *r, const char *const *refs, size_t n)
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

/* ---- link evidence you already have ------------------------------------- */

static int link_render(request *r, const eval_page *pg, const form_errors *fe)
{
	bool keep = fe && fe->n;
	evidence_list library;
	err e = {0};
	if (evidence_of_org(&r->d, r->org, &library, &e) < 0)
		return page_error(r, &e);
	task_begin(r, pg, "Link evidence you already have", fe);
	if (!library.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">Your evidence library is empty. "
			      "<a class=\"govuk-link\" href=\"%a/evidence\">Add new evidence</a> instead.</p>",
		     statement_path(r, pg));
		return task_end(r, fe);
	}
	htmlf(&r->out, "<p class=\"govuk-body\">One item of evidence can count for indicators of any statement, "
		      "in any cornerstone.</p><form method=\"post\" action=\"%a/link\" novalidate>", statement_path(r, pg));
	form_csrf(r);
	const char *chosen = keep ? form_get(r, "evidence") : NULL;
	form_select_begin(r, "evidence", "Evidence", fe, &(select_opts){.bold = true});
	form_option(r, "", "Choose evidence", false);
	for (size_t i = 0; i < library.n; i++) {
		const evidence_row *ev = &library.items[i];
		form_option_id(r, ev->id, ev->title, date_words(r, ev->date), chosen);
	}
	form_select_end(r);
	bool *checked;
	const char *const *opts = indicator_options(r, pg->ep, "link_indicators", keep,
						    query_get(r, "indicator"), &checked);
	form_checkboxes(r, "link_indicators", "Indicators of this statement", opts, checked,
			"Select all that apply.", fe);
	form_input(r, "other_indicators", "Other indicators (optional)",
		   keep ? form_get(r, "other_indicators") : NULL, fe,
		   &(input_opts){.hint = "Indicators of any statement or cornerstone, for example 2iii.a 4i.b. "
					 "Separate them with spaces or commas."});
	form_button(r, "Link evidence");
	htmlf(&r->out, "</form>");
	return task_end(r, fe);
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/statement/{statement}/link (contributor) */
static int page_link(request *r)
{
	return task_form(r, link_render);
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
static int page_link_post(request *r)
{
	eval_page pg;
	int st = task_load(r, &pg);
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
		return link_render(r, &pg, &fe);
	size_t changed = 0;
	if (evidence_link(&r->d, ev.id, pg.p.evaluation.id, refs, n, false, &changed, &e) < 0) {
		if (e.kind == ERR_INPUT || e.kind == ERR_NOTFOUND) {
			form_error_add(&fe, "other_indicators", sentence(r, e.msg));
			return link_render(r, &pg, &fe);
		}
		return page_error(r, &e);
	}
	if (page_log(r, arena_printf(&r->mem, "linked evidence %lld \"%s\" to %s in evaluation %lld",
			     (long long)ev.id, ev.title, join_refs(r, refs, n),
			     (long long)pg.p.evaluation.id)) < 0)
		return page_failed(r);
	return task_saved(r, &pg, "link");
}

/* ---- record the judgement ------------------------------------------------ */

static int review_render(request *r, const eval_page *pg, const form_errors *fe)
{
	static const char *const statuses[] = {"not-started", "Not started", "in-progress", "In progress",
					       "complete", "Complete", NULL};
	bool keep = fe && fe->n;
	const element_progress *ep = pg->ep;
	const review_row *rv = &ep->review;
	task_begin(r, pg, "Record the judgement", fe);
	htmlf(&r->out, "<p class=\"govuk-body\">%z of %z indicators have evidence. Judge the statement together "
		      "with the partners who took part, valuing what already works.</p>"
		      "<form method=\"post\" action=\"%a/review\" novalidate>",
	     ep->evidenced, ep->n_indicators, statement_path(r, pg));
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
	return task_end(r, fe);
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/statement/{statement}/review (lead) */
static int page_review(request *r)
{
	return task_form(r, review_render);
}

/* Shows the form again with the problems found in a judgement: only then
 * is the whole evaluation loaded. */
static int refuse_review(request *r, const form_errors *fe)
{
	eval_page pg;
	int st = task_load(r, &pg);
	return st ? st : review_render(r, &pg, fe);
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/statement/{statement}/review (lead)
 * The most frequent change there is, so it reads only what its checks
 * need (review_set_in checks the statement and that the evaluation is not
 * submitted, on the row read here) rather than the whole evaluation. */
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
	if (review_set_in(&r->d, &ev, key, &c, &e) < 0) {
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

/* ---- add your own indicator ---------------------------------------------- */

static int indicator_render(request *r, const eval_page *pg, const form_errors *fe)
{
	const char *key = pg->ep->element->key;
	task_begin(r, pg, "Add your own indicator", fe);
	htmlf(&r->out, "<p class=\"govuk-body\">The indicators of the tool are examples: your organisation "
		      "can add its own.</p><form method=\"post\" action=\"%a/indicator\" novalidate>",
	     statement_path(r, pg));
	form_csrf(r);
	form_textarea(r, "indicator_text", arena_printf(&r->mem, "Your indicator for statement %s", key),
		      fe && fe->n ? form_get(r, "indicator_text") : NULL,
		      arena_printf(&r->mem, "What good co-production looks like here in your organisation. "
					    "It is numbered %s.own1, %s.own2 and so on, and belongs to this self-evaluation only.",
				   key, key),
		      fe);
	form_button(r, "Add indicator");
	htmlf(&r->out, "</form>");
	return task_end(r, fe);
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/statement/{statement}/indicator (lead) */
static int page_indicator(request *r)
{
	return task_form(r, indicator_render);
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/statement/{statement}/indicator (lead) */
static int page_indicator_post(request *r)
{
	eval_page pg;
	int st = task_load(r, &pg);
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
		return indicator_render(r, &pg, &fe);
	char *key;
	if (own_indicator_add(&r->d, pg.p.evaluation.id, pg.ep->element->key, text, &key, &e) < 0) {
		if (e.kind == ERR_INPUT) {
			form_error_add(&fe, "indicator_text", sentence(r, e.msg));
			return indicator_render(r, &pg, &fe);
		}
		return page_error(r, &e);
	}
	if (page_log(r, arena_printf(&r->mem, "added own indicator %s.%s to evaluation %lld",
			     pg.ep->element->key, key, (long long)pg.p.evaluation.id)) < 0)
		return page_failed(r);
	return task_saved(r, &pg, "indicator");
}

const route statement_task_routes[] = {
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}/link", page_link, 0,
	 ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/link", page_link_post,
	 ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}/review", page_review, 0,
	 ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/review", page_review_post,
	 ROUTE_POST, ACCESS_LEAD},
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}/indicator", page_indicator, 0,
	 ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/indicator",
	 page_indicator_post, ROUTE_POST, ACCESS_LEAD},
	{0},
};
