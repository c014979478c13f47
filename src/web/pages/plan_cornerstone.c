/* plan_cornerstone.c: one cornerstone of a team or service plan, at
 * /org/{org}/plan/{plan}/cornerstone/{cornerstone}: each statement's
 * strengths and areas for development, and the answers to the
 * cornerstone's reflective questions, read and written.
 *
 * A plan in the URL must belong to the organisation in the URL: another
 * organisation's plan does not exist here (404). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/plan.h"
#include "web/pages/plan_page.h"

/* Two columns from tablet width up, as in the guide's grid (strengths
 * beside areas for development); one under the other on a phone. */
static void columns_open(request *r)
{
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\">");
}

static void column_next(request *r)
{
	htmlf(&r->out, "</div><div class=\"govuk-grid-column-one-half\">");
}

static void columns_close(request *r)
{
	htmlf(&r->out, "</div></div>");
}

/* What has been raised from a statement's areas for development. */
static void actions_raised(request *r, const plan_full *p, const char *key)
{
	bool listed = false;
	for (size_t a = 0; a < p->actions.n; a++) {
		const plan_action_row *ar = &p->actions.items[a];
		if (!ar->element_key || strcmp(ar->element_key, key))
			continue;
		if (!listed)
			htmlf(&r->out, "<p class=\"govuk-body govuk-!-margin-bottom-1\">Actions raised:</p><ul class=\"govuk-list govuk-list--bullet\">");
		listed = true;
		htmlf(&r->out, "<li>Action %D: %t (%t)</li>", ar->id, ar->title, ar->status);
	}
	if (listed)
		htmlf(&r->out, "</ul>");
}

/* The form that turns a statement's areas for development into an action. */
static void action_form(request *r, const plan_full *p, const fw_element *el, const form_errors *fe)
{
	const char *field = plan_field(r, "title", el->key);
	htmlf(&r->out, "<form method=\"post\" action=\"%a/actions\" novalidate>", plan_path(r, p->plan.id));
	form_csrf(r);
	htmlf(&r->out, "<input type=\"hidden\" name=\"statement\" value=\"%a\">", el->key);
	const char *msg = form_group_begin(r, field, fe);
	htmlf(&r->out, "<label class=\"govuk-label\" for=\"%a\">Action for %t (optional)</label>"
		      "<div id=\"%a-hint\" class=\"govuk-hint\">Leave it blank to use the first line of the areas for development.</div>",
	     field, el->key, field);
	form_error_message(r, field, msg);
	/* The input is named "title" whatever its id: one form per statement. */
	htmlf(&r->out, "<input class=\"govuk-input govuk-!-width-two-thirds%R\" id=\"%a\" name=\"title\" type=\"text\" value=\"%a\"%R></div>"
		      "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">"
		      "Turn into an action<span class=\"govuk-visually-hidden\"> (statement %t)</span></button></form>",
	     msg ? " govuk-input--error" : "", field, msg && form_get(r, "title") ? form_get(r, "title") : "",
	     form_described_by(r, field, "", msg), el->key);
}

/* For contributors, under the form: each statement with areas for
 * development saved, what was raised from them and the button for more. */
static void actions_section(request *r, const plan_page *pg, const form_errors *fe)
{
	const plan_full *p = &pg->p;
	const plan_section *ps = pg->ps;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"actions\">Turn areas for development into actions</h2>");
	size_t shown = 0;
	for (size_t i = 0; i < ps->section->n_elements; i++) {
		const fw_element *el = &ps->section->elements[i];
		const plan_statement_row *s = plan_statement(p, el->key);
		if (!s || text_blank(s->areas))
			continue;
		shown++;
		htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t %t</h3>", el->key, el->title);
		actions_raised(r, p, el->key);
		action_form(r, p, el, fe);
	}
	if (!shown)
		htmlf(&r->out, "<p class=\"govuk-body\">No areas for development saved yet: save them above first.</p>");
}

/* For viewers: each statement's strengths and areas for development, with
 * the actions raised from them. */
static void read_only(request *r, const plan_page *pg)
{
	const plan_full *p = &pg->p;
	const plan_section *ps = pg->ps;
	for (size_t i = 0; i < ps->section->n_elements; i++) {
		const fw_element *el = &ps->section->elements[i];
		const plan_statement_row *s = plan_statement(p, el->key);
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"statement-%a\">%t %t</h2>", el->key, el->key, el->title);
		gap_note(r, el->gap);
		columns_open(r);
		htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t</h3>", plan_strengths_title(&p->in));
		text_or_none(r, s ? s->strengths : NULL, "None recorded yet.");
		column_next(r);
		htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t</h3>", plan_areas_title(&p->in));
		text_or_none(r, s ? s->areas : NULL, "None recorded yet.");
		actions_raised(r, p, el->key);
		columns_close(r);
	}
}

/* Each statement's strengths beside its areas for development. */
static void statement_fields(request *r, const plan_page *pg, const form_errors *fe)
{
	const plan_full *p = &pg->p;
	const plan_section *ps = pg->ps;
	for (size_t i = 0; i < ps->section->n_elements; i++) {
		const fw_element *el = &ps->section->elements[i];
		const plan_statement_row *s = plan_statement(p, el->key);
		const char *sf = plan_field(r, "strengths", el->key);
		const char *af = plan_field(r, "areas", el->key);
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"statement-%a\">%t %t</h2>", el->key, el->key, el->title);
		gap_note(r, el->gap);
		/* A refused action keeps the saved texts; a refused save, the posted. */
		bool posted = fe && fe->n && form_get(r, sf);
		columns_open(r);
		form_textarea(r, sf, arena_printf(&r->mem, "%s for %s", plan_strengths_title(&p->in), el->key),
			      posted ? form_get(r, sf) : s ? s->strengths : NULL, NULL, fe);
		column_next(r);
		form_textarea(r, af, arena_printf(&r->mem, "%s for %s", plan_areas_title(&p->in), el->key),
			      posted ? form_get(r, af) : s ? s->areas : NULL, NULL, fe);
		columns_close(r);
	}
}

/* The cornerstone's reflective questions, two to a row. */
static void questions(request *r, const plan_page *pg, bool writable, const form_errors *fe)
{
	const plan_full *p = &pg->p;
	const plan_section *ps = pg->ps;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"questions\">Reflective questions</h2>");
	if (p->in.question_lead)
		htmlf(&r->out, "<p class=\"govuk-body\">%t:</p>", p->in.question_lead);
	for (size_t q = 0; q < ps->n_questions; q++) {
		const fw_item *it = &ps->questions[q];
		const char *field = plan_field(r, "question", it->key);
		const char *value = fe && fe->n && form_get(r, field) ? form_get(r, field)
								      : plan_answer(p, ps->section->key, it->key);
		if (q % 2 == 0)
			columns_open(r);
		else
			column_next(r);
		gap_note(r, it->gap);
		if (writable) {
			form_textarea(r, field, sentence(r, it->text), value, NULL, fe);
		} else {
			htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t</h3>", sentence(r, it->text));
			text_or_none(r, value, "Not answered yet.");
		}
		if (q % 2 == 1 || q + 1 == ps->n_questions)
			columns_close(r);
	}
}

int plan_cornerstone_render(request *r, const plan_page *pg, const form_errors *fe)
{
	const plan_full *p = &pg->p;
	const plan_section *ps = pg->ps;
	const char *name = plan_section_name(r, p->in.fw, ps->section);
	page_begin(r, arena_printf(&r->mem, "%s - %s", name, p->plan.title));
	plan_breadcrumbs(r, pg, arena_printf(&r->mem, "%s %s", sentence(r, p->in.fw->term_section), ps->section->key));
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	plan_changed_notice(r, pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	     p->plan.title, name);
	gap_note(r, ps->section->gap);
	htmlf(&r->out, "<p class=\"govuk-body\">Start with what is going well. For each statement, write its "
		      "strengths first, then its areas for development. Then answer the questions.</p>"
		      "</div></div><div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-full\">");
	bool writable = r->access >= ACCESS_CONTRIBUTE;
	if (writable) {
		htmlf(&r->out, "<form method=\"post\" action=\"%a/cornerstone/%u\" novalidate>",
		     plan_path(r, p->plan.id), ps->section->key);
		form_csrf(r);
		statement_fields(r, pg, fe);
	} else {
		read_only(r, pg);
	}
	questions(r, pg, writable, fe);
	if (writable) {
		form_button(r, arena_printf(&r->mem, "Save %s %s", p->in.fw->term_section, ps->section->key));
		htmlf(&r->out, "</form>");
		actions_section(r, pg, fe);
	}
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Back to the plan</a></p></div></div>",
	     plan_path(r, p->plan.id));
	page_end(r);
	return 200;
}

/* ROUTE: GET /org/{org}/plan/{plan}/cornerstone/{cornerstone} (viewer) */
static int page_cornerstone(request *r)
{
	plan_page pg;
	int st = plan_page_load(r, &pg, true);
	return st ? st : plan_cornerstone_render(r, &pg, NULL);
}

/* ROUTE: POST /org/{org}/plan/{plan}/cornerstone/{cornerstone} (contributor) */
static int page_cornerstone_post(request *r)
{
	plan_page pg;
	int st = plan_page_load(r, &pg, true);
	if (st)
		return st;
	const plan_section *ps = pg.ps;
	form_errors fe = {0};
	err e = {0};
	size_t ns = 0, na = 0;
	plan_statement_change *sc = ARENA_ARRAY(&r->mem, ps->section->n_elements, sc);
	plan_text_change *ac = ARENA_ARRAY(&r->mem, ps->n_questions, ac);
	for (size_t i = 0; i < ps->section->n_elements; i++) {
		const char *key = ps->section->elements[i].key;
		plan_statement_change c = {
			.element = key,
			.strengths = plan_long_field(r, plan_field(r, "strengths", key), "Strengths", &fe),
			.areas = plan_long_field(r, plan_field(r, "areas", key), "Areas for development", &fe)};
		if (c.strengths || c.areas)
			sc[ns++] = c;
	}
	for (size_t q = 0; q < ps->n_questions; q++) {
		const char *key = ps->questions[q].key;
		const char *v = plan_long_field(r, plan_field(r, "question", key), "The answer", &fe);
		if (v)
			ac[na++] = (plan_text_change){.key = key, .text = v};
	}
	if (!fe.n && plan_cornerstone_save(&r->d, pg.p.plan.id, ps->section->key, sc, ns, ac, na, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, ps->section->n_elements
					    ? plan_field(r, "strengths", ps->section->elements[0].key)
					    : "questions",
			       sentence(r, e.msg));
	}
	if (fe.n) {
		st = plan_cornerstone_render(r, &pg, &fe);
		return st == 200 ? 400 : st;
	}
	if (page_log(r, arena_printf(&r->mem, "saved cornerstone %s of plan %lld", ps->section->key,
			     (long long)pg.p.plan.id)) < 0)
		return page_failed(r);
	const char *to = arena_printf(&r->mem, "%s?saved=cornerstone#cornerstone-%s",
				      plan_path(r, pg.p.plan.id), ps->section->key);
	return web_redirect(r, to);
}

const route plan_cornerstone_routes[] = {
	{"GET", "/org/{org}/plan/{plan}/cornerstone/{cornerstone}", page_cornerstone, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/plan/{plan}/cornerstone/{cornerstone}", page_cornerstone_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
