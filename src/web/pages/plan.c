/* plan.c: team and service plans built on the Four Cornerstones, strengths
 * first, seeded from the latest self-evaluation: the organisation's plans
 * at /org/{org}/plans and the form that starts one, a plan's page at
 * /org/{org}/plan/{plan} (per cornerstone strengths, then areas for
 * development that turn into actions, then the reflective questions; the
 * organisational aspects; the guide's advice) and the form for the
 * aspects. One cornerstone's form is plan_cornerstone.c.
 *
 * A plan in the URL must belong to the organisation in the URL (r->org,
 * checked by the dispatcher): another organisation's plan does not exist
 * here (404). Every text of the instrument comes from the plan's stored
 * version. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/plan.h"
#include "web/pages/plan_page.h"

/* ---- small helpers ---------------------------------------------------- */

const char *plan_path(request *r, int64_t id)
{
	return arena_printf(&r->mem, "/org/%lld/plan/%lld", (long long)r->org, (long long)id);
}

/* "Cornerstone 1: Welcome and Care", from the instrument's own terms. */
const char *plan_section_name(request *r, const framework *fw, const fw_section *s)
{
	return arena_printf(&r->mem, "%s %s: %s", sentence(r, fw->term_section), s->key, s->title);
}

/* "Also consider how the Cornerstones feature in your vision/mission
 * statement": the document's lead-in and the aspect, as it words them. */
static const char *aspect_label(request *r, const plan_instrument *pi, const fw_item *a)
{
	if (!pi->aspect_lead)
		return sentence(r, a->title);
	return arena_printf(&r->mem, "%s %s", pi->aspect_lead, a->title);
}

const char *plan_strengths_title(const plan_instrument *pi)
{
	return plan_column_title(pi, "strengths", "Strengths");
}

const char *plan_areas_title(const plan_instrument *pi)
{
	return plan_column_title(pi, "areas", "Areas for development");
}

/* The words the actions page uses for a status. */
static const char *action_status_label(const char *status)
{
	if (!strcmp(status, "in-progress"))
		return "In progress";
	if (!strcmp(status, "done"))
		return "Done";
	if (!strcmp(status, "dropped"))
		return "Dropped";
	return !strcmp(status, "open") ? "Open" : status;
}

/* Loads the plan named in the URL (and its cornerstone, when the route has
 * one). Answers 0, or the status of the error page it wrote. */
int plan_page_load(request *r, plan_page *pg, bool cornerstone)
{
	int64_t id = param_id(r, 1);
	plan_row row;
	err e = {0};
	memset(pg, 0, sizeof *pg);
	if (plan_get_in_org(&r->d, r->org, id, &row, &e) < 0)
		return page_lookup_failed(r, &e);
	if (org_get(&r->d, r->org, &pg->org, &e) < 0 || plan_load(&r->d, id, &pg->p, &e) < 0)
		return page_error(r, &e);
	if (cornerstone) {
		pg->ps = plan_instrument_section(&pg->p.in, param_named(r, "cornerstone"));
		if (!pg->ps)
			return page_not_found(r);
	}
	return 0;
}

void plan_breadcrumbs(request *r, const plan_page *pg, const char *here)
{
	const char *plans = arena_printf(&r->mem, "/org/%lld/plans", (long long)r->org);
	if (!here) {
		breadcrumbs_org(r, pg->org.name, (const char *[]){plans, "Team and service plans", NULL},
				pg->p.plan.title);
		return;
	}
	const char *links[] = {plans, "Team and service plans", plan_path(r, pg->p.plan.id),
			       pg->p.plan.title, NULL};
	breadcrumbs_org(r, pg->org.name, links, here);
}

void plan_changed_notice(request *r, const plan_page *pg)
{
	if (pg->p.in.changed)
		htmlf(&r->out, "<div class=\"govuk-inset-text\">The %t file has changed since this plan "
			      "started. This plan keeps its original wording.</div>",
		     pg->p.in.fw->title);
}

/* ---- the list and starting a plan ---------------------------------------- */

static void plans_table(request *r, const plan_list *list, size_t statements)
{
	if (!list->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">There are no plans yet.</p>");
		return;
	}
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"Plans\" tabindex=\"0\">"
		      "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--m\">%z plan%R</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Plan</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Cycle</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Started from</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Statements written</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Last changed</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">",
	     list->n, list->n == 1 ? "" : "s");
	for (size_t i = 0; i < list->n; i++) {
		const plan_row *p = &list->items[i];
		const char *from = p->seeded_from
			? arena_printf(&r->mem, "Self-evaluation, cycle %s", p->seed_cycle ? p->seed_cycle : "")
			: "A blank plan";
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			      "<a class=\"govuk-link\" href=\"%a\">%t</a></th>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%d of %z</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     plan_path(r, p->id), p->title, p->cycle, from, p->statements, statements,
		     date_words(r, arena_strndup(&r->mem, p->updated_at, 10)));
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void start_form(request *r, const evaluation_row *latest, bool keep, const form_errors *fe)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"start\">Start a plan</h2>"
		      "<form method=\"post\" action=\"/org/%D/plans\" novalidate>", r->org);
	form_csrf(r);
	form_input(r, "title", "Title", keep ? form_get(r, "title") : NULL, fe,
		   &(input_opts){.hint = "The team or service the plan is for. For example: Early years SEND team plan"});
	form_input(r, "cycle", "Cycle", keep ? form_get(r, "cycle") : NULL, fe,
		   &(input_opts){.hint = "The year or period it covers. For example: 2026-27", .width = "10"});
	if (latest) {
		const char *value = arena_printf(&r->mem, "%lld", (long long)latest->id);
		const char *const opts[] = {
			value, arena_printf(&r->mem, "Start from our latest self-evaluation (cycle %s)", latest->cycle),
			NULL};
		/* Never ticked until the person ticks it. */
		const char *posted = keep ? form_get(r, "seed") : NULL;
		bool checked[1] = {posted && !strcmp(posted, value)};
		form_checkboxes(r, "seed", "Strengths and areas for development", opts, checked,
				"Copies each statement's strengths and areas for development from the "
				"self-evaluation, so nothing is typed twice. You can change them afterwards.",
				fe);
	} else {
		htmlf(&r->out, "<p class=\"govuk-body\">There is no self-evaluation to start from yet, "
			      "so the plan starts blank.</p>");
	}
	form_button(r, "Start the plan");
	htmlf(&r->out, "</form>");
}

/* The list page; with `fe`, the start form shows what was wrong. */
static int plans_render(request *r, const form_errors *fe)
{
	org_row o;
	plan_list list;
	evaluation_row latest;
	err e = {0};
	int found = 0;
	const framework *fw = fw_registry_find(r->d.frameworks, PLAN_FRAMEWORK);
	/* Only leads start plans, so only they need the latest evaluation. */
	bool lead = r->access >= ACCESS_LEAD && fw;
	if (org_get(&r->d, r->org, &o, &e) < 0 ||
	    plans_of_org(&r->d, r->org, &list, &e) < 0 ||
	    (lead && (found = plan_seed_latest(&r->d, r->org, &latest, &e)) < 0))
		return page_error(r, &e);
	bool errors = fe && fe->n;
	page_begin(r, arena_printf(&r->mem, "Team and service plans - %s", o.name));
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	     r->org, o.name);
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Team and service plans</h1>"
		      "<p class=\"govuk-body\">A plan embeds the Four Cornerstones in a team or service: for each "
		      "statement, what is going well and what could be better, your answers to each "
		      "cornerstone's questions, and how the Cornerstones show in the way your organisation works. "
		      "It starts from strengths.</p>",
	     o.name);
	if (fw)
		htmlf(&r->out, "<p class=\"govuk-body\">It follows the guide %t.</p>", fw->title);
	htmlf(&r->out, "</div></div>");
	plans_table(r, &list, fw ? fw->n_elements : 0);
	if (lead) {
		htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
		start_form(r, found ? &latest : NULL, errors, fe);
		htmlf(&r->out, "</div></div>");
	}
	page_end(r);
	return 200;
}

/* ROUTE: GET /org/{org}/plans (viewer) */
static int page_plans(request *r)
{
	return plans_render(r, NULL);
}

/* ROUTE: POST /org/{org}/plans (lead) */
static int page_plans_post(request *r)
{
	form_errors fe = {0};
	err e = {0};
	const char *title = form_trimmed(r, "title"), *cycle = form_trimmed(r, "cycle");
	const char *seed_text = form_get(r, "seed");
	int64_t seed = 0;
	if (!*title)
		form_error_add(&fe, "title", "Enter a title for the plan");
	else if (text_check_line("The title", title, true, &e) < 0)
		form_error_add(&fe, "title", sentence(r, e.msg));
	if (!*cycle)
		form_error_add(&fe, "cycle", "Enter the cycle the plan covers, for example 2026-27");
	else if (text_check_line("The cycle", cycle, true, &e) < 0)
		form_error_add(&fe, "cycle", sentence(r, e.msg));
	if (seed_text && *seed_text) {
		char *end;
		long long v = strtoll(seed_text, &end, 10);
		if (*end || v <= 0)
			form_error_add(&fe, "seed", "Tick the box to start from your latest self-evaluation, or leave it empty");
		else
			seed = v;
	}
	if (fe.n) {
		int st = plans_render(r, &fe);
		return st == 200 ? 400 : st;
	}
	int64_t id;
	if (plan_start(&r->d, r->org, title, cycle, seed, &id, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, seed ? "seed" : "title", sentence(r, e.msg));
		int st = plans_render(r, &fe);
		return st == 200 ? 400 : st;
	}
	if (page_log(r, seed ? arena_printf(&r->mem, "started plan %lld \"%s\" (%s) from evaluation %lld",
			     (long long)id, title, cycle, (long long)seed)
			     : arena_printf(&r->mem, "started plan %lld \"%s\" (%s)", (long long)id, title, cycle)) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=started", plan_path(r, id)));
}

/* ---- the plan ------------------------------------------------------------ */

static const plan_action_row *action_in(const plan_full *p, int64_t id)
{
	for (size_t i = 0; i < p->actions.n; i++)
		if (p->actions.items[i].id == id)
			return &p->actions.items[i];
	return NULL;
}

static void saved_banner(request *r, const plan_page *pg)
{
	const char *saved = query_get(r, "saved");
	if (!saved)
		return;
	if (!strcmp(saved, "started"))
		notice_success(r, "Plan started");
	else if (!strcmp(saved, "cornerstone"))
		notice_success(r, "Cornerstone saved");
	else if (!strcmp(saved, "aspects"))
		notice_success(r, "Notes on the aspects saved");
	else if (!strcmp(saved, "action")) {
		const char *id_text = query_get(r, "action");
		const plan_action_row *a = id_text ? action_in(&pg->p, strtoll(id_text, NULL, 10)) : NULL;
		if (!a)
			return;
		notice_success_link(r, "saved-title", arena_printf(&r->mem, "Action %lld created: %s.", (long long)a->id, a->title),
			       r->access >= ACCESS_CONTRIBUTE
				       ? arena_printf(&r->mem, "/org/%lld/actions/%lld/edit", (long long)r->org, (long long)a->id)
				       : NULL,
			       "Give it an owner and a due date");
	}
}

static void plan_summary(request *r, const plan_page *pg)
{
	const plan_row *p = &pg->p.plan;
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
	summary_row_open(r, "Cycle");
	htmlf(&r->out, "%t</dd></div>", p->cycle);
	summary_row_open(r, "Started from");
	if (p->seeded_from)
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">Self-evaluation, cycle %t</a>",
		     r->org, p->seeded_from, p->seed_cycle ? p->seed_cycle : "");
	else
		htmlf(&r->out, "A blank plan");
	htmlf(&r->out, "</dd></div>");
	summary_row_open(r, "Started");
	htmlf(&r->out, "%t</dd></div>", date_words(r, arena_strndup(&r->mem, p->created_at, 10)));
	summary_row_open(r, "Statements written");
	htmlf(&r->out, "%d of %z</dd></div></dl>", p->statements, pg->p.in.fw->n_elements);
}

/* The aspects in one line: their notes are on the aspects' page. */
static void aspects_summary(request *r, const plan_page *pg)
{
	const plan_full *p = &pg->p;
	size_t noted = 0;
	for (size_t i = 0; i < p->in.n_aspects; i++)
		noted += !text_blank(plan_aspect_note(p, p->in.aspects[i].key));
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"aspects\">How the Cornerstones show in your organisation</h2>"
		      "<p class=\"govuk-body\">%z of %z organisational aspects have a note. "
		      "<a class=\"govuk-link\" href=\"%a/aspects\">%t</a></p>",
	     noted, p->in.n_aspects, plan_path(r, p->plan.id),
	     r->access >= ACCESS_CONTRIBUTE ? "Read or write the notes on the aspects" : "Read the notes on the aspects");
}

/* Each cornerstone in one row: how much of it is written, and the link to
 * its page, where its statements, questions and actions are. */
static void cornerstones_table(request *r, const plan_page *pg)
{
	const plan_full *p = &pg->p;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"cornerstones\">%t</h2>"
		      "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"The plan by %t\" tabindex=\"0\">"
		      "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-visually-hidden\">What is written for each %t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Questions answered</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">",
	     sentence(r, arena_printf(&r->mem, "%ss", p->in.fw->term_section)), p->in.fw->term_section,
	     p->in.fw->term_section, sentence(r, p->in.fw->term_section),
	     plan_strengths_title(&p->in), plan_areas_title(&p->in));
	for (size_t s = 0; s < p->in.n_sections; s++) {
		const plan_section *ps = &p->in.sections[s];
		size_t strong = 0, areas = 0, answered = 0;
		for (size_t i = 0; i < ps->section->n_elements; i++) {
			const plan_statement_row *st = plan_statement(p, ps->section->elements[i].key);
			strong += st && !text_blank(st->strengths);
			areas += st && !text_blank(st->areas);
		}
		for (size_t q = 0; q < ps->n_questions; q++)
			answered += !text_blank(plan_answer(p, ps->section->key, ps->questions[q].key));
		htmlf(&r->out, "<tr class=\"govuk-table__row\" id=\"cornerstone-%a\"><th scope=\"row\" class=\"govuk-table__header\">"
			      "<a class=\"govuk-link\" href=\"%a/cornerstone/%u\">%t</a></th>"
			      "<td class=\"govuk-table__cell\">%z of %z statements</td><td class=\"govuk-table__cell\">%z of %z statements</td>"
			      "<td class=\"govuk-table__cell\">%z of %z</td></tr>",
		     ps->section->key, plan_path(r, p->plan.id), ps->section->key,
		     plan_section_name(r, p->in.fw, ps->section), strong, ps->section->n_elements, areas,
		     ps->section->n_elements, answered, ps->n_questions);
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void advice(request *r, const plan_page *pg)
{
	const plan_instrument *pi = &pg->p.in;
	if (!pi->n_headings)
		return;
	htmlf(&r->out, "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\">"
		      "<span class=\"govuk-details__summary-text\">Advice from %t</span></summary>"
		      "<div class=\"govuk-details__text\">",
	     pi->fw->title);
	for (size_t i = 0; i < pi->n_headings; i++) {
		/* h2: the details sit right under the page's h1. */
		htmlf(&r->out, "<h2 class=\"govuk-heading-s\">%t</h2>", pi->headings[i].title);
		gap_note(r, pi->headings[i].gap);
		text_paragraphs(r, pi->headings[i].text, NULL);
	}
	htmlf(&r->out, "</div></details>");
}

static void actions_table(request *r, const plan_page *pg)
{
	const plan_full *p = &pg->p;
	htmlf(&r->out, "<h2 class=\"govuk-heading-l\" id=\"plan-actions\">Actions from this plan</h2>");
	if (!p->actions.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">None yet. Each area for development can be turned into an action.</p>");
		return;
	}
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"Actions from this plan\" tabindex=\"0\">"
		      "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Actions raised from areas for development</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Action</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Statement</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Owner</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Due</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < p->actions.n; i++) {
		const plan_action_row *a = &p->actions.items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">");
		if (r->access >= ACCESS_CONTRIBUTE)
			htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/actions/%D/edit\">%t</a>", r->org, a->id,
			     a->title);
		else
			htmlf(&r->out, "%t", a->title);
		htmlf(&r->out, "</th><td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     a->element_key ? a->element_key : "", text_blank(a->owner) ? "Not given" : a->owner,
		     a->due_on ? date_words(r, a->due_on) : "Not set", action_status_label(a->status));
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* The whole plan; `fe` holds what was wrong with a refused action. */
static int plan_render(request *r, const plan_page *pg, const form_errors *fe)
{
	const plan_full *p = &pg->p;
	bool errors = fe && fe->n;
	page_begin(r, arena_printf(&r->mem, "%s - %s", p->plan.title, pg->org.name));
	plan_breadcrumbs(r, pg, NULL);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	if (!errors)
		saved_banner(r, pg);
	form_error_summary(r, fe);
	plan_changed_notice(r, pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-xl\">%t</h1>",
	     p->in.fw->title, p->plan.title);
	print_or_download_link(r, arena_printf(&r->mem, "/org/%lld/plan/%lld", (long long)r->org, (long long)p->plan.id),
			       "this plan as the initial evaluation grid");
	plan_summary(r, pg);
	htmlf(&r->out, "<p class=\"govuk-body\">The plan starts from strengths: for each %t, what is going "
		      "well comes first, then the areas for development.</p>",
	     p->in.fw->term_section);
	/* What to do first, then each cornerstone in a line (its page has the
	 * rest), then the aspects and the guide's advice. */
	actions_table(r, pg);
	cornerstones_table(r, pg);
	aspects_summary(r, pg);
	advice(r, pg);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return 200;
}

/* ROUTE: GET /org/{org}/plan/{plan} (viewer) */
static int page_plan(request *r)
{
	plan_page pg;
	int st = plan_page_load(r, &pg, false);
	return st ? st : plan_render(r, &pg, NULL);
}

/* The cornerstone of statement `key`, or NULL. */
static const plan_section *section_of(const plan_instrument *pi, const char *key)
{
	for (size_t s = 0; s < pi->n_sections; s++)
		for (size_t i = 0; i < pi->sections[s].section->n_elements; i++)
			if (!strcmp(pi->sections[s].section->elements[i].key, key))
				return &pi->sections[s];
	return NULL;
}

/* ROUTE: POST /org/{org}/plan/{plan}/actions (contributor) */
static int page_action_post(request *r)
{
	plan_page pg;
	int st = plan_page_load(r, &pg, false);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	const char *key = form_trimmed(r, "statement"), *title = form_trimmed(r, "title");
	const fw_element *el = *key ? framework_element(pg.p.in.fw, key) : NULL;
	const char *field = el ? arena_printf(&r->mem, "title-%s", el->key) : "plan-actions";
	const plan_statement_row *s = el ? plan_statement(&pg.p, el->key) : NULL;
	if (!el)
		form_error_add(&fe, field, "Choose a statement's areas for development to turn into an action");
	else if (!s || text_blank(s->areas))
		form_error_add(&fe, field, arena_printf(&r->mem, "Statement %s has no areas for development yet: write them first", el->key));
	else if (*title && text_check_line("The action", title, true, &e) < 0)
		form_error_add(&fe, field, sentence(r, e.msg));
	int64_t action = 0;
	if (!fe.n && plan_area_to_action(&r->d, pg.p.plan.id, el->key, title, NULL, NULL, &action, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, field, sentence(r, e.msg));
	}
	if (fe.n) {
		/* The statement's form is on its cornerstone's page. */
		pg.ps = el ? section_of(&pg.p.in, el->key) : NULL;
		st = pg.ps ? plan_cornerstone_render(r, &pg, &fe) : plan_render(r, &pg, &fe);
		return st == 200 ? 400 : st;
	}
	if (page_log(r, arena_printf(&r->mem, "turned the areas for development of statement %s in plan %lld into action %lld",
			     el->key, (long long)pg.p.plan.id, (long long)action)) < 0)
		return page_failed(r);
	const char *to = arena_printf(&r->mem, "%s?saved=action&action=%lld#plan-actions",
				      plan_path(r, pg.p.plan.id), (long long)action);
	return web_redirect(r, to);
}

const char *plan_field(request *r, const char *what, const char *key)
{
	return arena_printf(&r->mem, "%s-%s", what, key);
}

/* Checks one posted text; NULL when the field was not sent (left as it is). */
const char *plan_long_field(request *r, const char *field, const char *what, form_errors *fe)
{
	const char *v = form_get(r, field);
	err e = {0};
	if (v && text_check_long(what, v, false, &e) < 0)
		form_error_add(fe, field, sentence(r, e.msg));
	return v;
}

/* ---- the aspects' form --------------------------------------------------- */

static int aspects_render(request *r, const plan_page *pg, const form_errors *fe)
{
	const plan_full *p = &pg->p;
	bool keep = fe && fe->n;
	page_begin(r, arena_printf(&r->mem, "Organisational aspects - %s", p->plan.title));
	plan_breadcrumbs(r, pg, "Organisational aspects");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	plan_changed_notice(r, pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">How the Cornerstones show in your organisation</h1>"
		      "<p class=\"govuk-body\">Write a note on each aspect: what happens now, and what you will do.</p>",
	     p->plan.title);
	bool writable = r->access >= ACCESS_CONTRIBUTE;
	if (writable) {
		htmlf(&r->out, "<form method=\"post\" action=\"%a/aspects\" novalidate>", plan_path(r, p->plan.id));
		form_csrf(r);
	}
	for (size_t i = 0; i < p->in.n_aspects; i++) {
		const fw_item *a = &p->in.aspects[i];
		const char *field = plan_field(r, "aspect", a->key);
		const char *value = keep ? form_get(r, field) : plan_aspect_note(p, a->key);
		gap_note(r, a->gap);
		if (writable) {
			form_textarea(r, field, aspect_label(r, &p->in, a), value, a->text, fe);
		} else {
			htmlf(&r->out, "<h2 class=\"govuk-heading-s\">%t</h2>", aspect_label(r, &p->in, a));
			text_or_none(r, value, "No note yet.");
		}
	}
	if (writable) {
		form_button(r, "Save notes");
		htmlf(&r->out, "</form>");
	}
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Back to the plan</a></p></div></div>",
	     plan_path(r, p->plan.id));
	page_end(r);
	return 200;
}

/* ROUTE: GET /org/{org}/plan/{plan}/aspects (viewer) */
static int page_aspects(request *r)
{
	plan_page pg;
	int st = plan_page_load(r, &pg, false);
	return st ? st : aspects_render(r, &pg, NULL);
}

/* ROUTE: POST /org/{org}/plan/{plan}/aspects (contributor) */
static int page_aspects_post(request *r)
{
	plan_page pg;
	int st = plan_page_load(r, &pg, false);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	size_t n = 0;
	plan_text_change *c = ARENA_ARRAY(&r->mem, pg.p.in.n_aspects, c);
	for (size_t i = 0; i < pg.p.in.n_aspects; i++) {
		const char *key = pg.p.in.aspects[i].key;
		const char *v = plan_long_field(r, plan_field(r, "aspect", key), "The note", &fe);
		if (v)
			c[n++] = (plan_text_change){.key = key, .text = v};
	}
	if (!fe.n && plan_aspects_save(&r->d, pg.p.plan.id, c, n, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, pg.p.in.n_aspects ? plan_field(r, "aspect", pg.p.in.aspects[0].key) : "aspects",
			       sentence(r, e.msg));
	}
	if (fe.n) {
		st = aspects_render(r, &pg, &fe);
		return st == 200 ? 400 : st;
	}
	if (page_log(r, arena_printf(&r->mem, "saved the notes on aspects of plan %lld", (long long)pg.p.plan.id)) < 0)
		return page_failed(r);
	const char *to = arena_printf(&r->mem, "%s?saved=aspects#aspects", plan_path(r, pg.p.plan.id));
	return web_redirect(r, to);
}

const route plan_routes[] = {
	{"GET", "/org/{org}/plans", page_plans, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/plans", page_plans_post, ROUTE_POST, ACCESS_LEAD},
	{"GET", "/org/{org}/plan/{plan}", page_plan, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/plan/{plan}/aspects", page_aspects, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/plan/{plan}/aspects", page_aspects_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/plan/{plan}/actions", page_action_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{0},
};
