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

static int cornerstone_render(request *r, const plan_page *pg, const form_errors *fe)
{
	const plan_full *p = &pg->p;
	const plan_section *ps = pg->ps;
	bool keep = fe && fe->n;
	const char *name = plan_section_name(r, p->in.fw, ps->section);
	page_begin(r, arena_printf(&r->mem, "%s%s - %s", keep ? "Error: " : "", name, p->plan.title));
	plan_breadcrumbs(r, pg, arena_printf(&r->mem, "%s %s", sentence(r, p->in.fw->term_section), ps->section->key));
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	plan_changed_notice(r, pg);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	     p->plan.title, name);
	gap_note(r, ps->section->gap);
	htmlf(&r->out, "<p class=\"govuk-body\">Start with what is going well. For each statement, write its "
		      "strengths first, then its areas for development. Then answer the questions.</p>");
	bool writable = r->access >= ACCESS_CONTRIBUTE;
	if (writable) {
		htmlf(&r->out, "<form method=\"post\" action=\"%a/cornerstone/%u\" novalidate>",
		     plan_path(r, p->plan.id), ps->section->key);
		form_csrf(r);
	}
	for (size_t i = 0; i < ps->section->n_elements; i++) {
		const fw_element *el = &ps->section->elements[i];
		const plan_statement_row *s = plan_statement(p, el->key);
		const char *sf = plan_field(r, "strengths", el->key);
		const char *af = plan_field(r, "areas", el->key);
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"statement-%a\">%t %t</h2>", el->key, el->key, el->title);
		gap_note(r, el->gap);
		const char *sv = keep ? form_get(r, sf) : s ? s->strengths : NULL;
		const char *av = keep ? form_get(r, af) : s ? s->areas : NULL;
		if (!writable) {
			htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t</h3>", plan_strengths_title(&p->in));
			text_or_none(r, sv, "None recorded yet.");
			htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t</h3>", plan_areas_title(&p->in));
			text_or_none(r, av, "None recorded yet.");
			continue;
		}
		form_textarea(r, sf, arena_printf(&r->mem, "%s for %s", plan_strengths_title(&p->in), el->key), sv,
			      NULL, fe);
		form_textarea(r, af, arena_printf(&r->mem, "%s for %s", plan_areas_title(&p->in), el->key), av,
			      NULL, fe);
	}
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"questions\">Reflective questions</h2>");
	if (p->in.question_lead)
		htmlf(&r->out, "<p class=\"govuk-body\">%t:</p>", p->in.question_lead);
	for (size_t q = 0; q < ps->n_questions; q++) {
		const fw_item *it = &ps->questions[q];
		const char *field = plan_field(r, "question", it->key);
		const char *value = keep ? form_get(r, field) : plan_answer(p, ps->section->key, it->key);
		gap_note(r, it->gap);
		if (writable) {
			form_textarea(r, field, sentence(r, it->text), value, NULL, fe);
		} else {
			htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t</h3>", sentence(r, it->text));
			text_or_none(r, value, "Not answered yet.");
		}
	}
	if (writable) {
		form_button(r, arena_printf(&r->mem, "Save %s %s", p->in.fw->term_section, ps->section->key));
		htmlf(&r->out, "</form>");
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
	return st ? st : cornerstone_render(r, &pg, NULL);
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
		st = cornerstone_render(r, &pg, &fe);
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
