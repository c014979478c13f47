/* views_paper.c: a round's questions on paper (/org/{org}/views/{round}/paper),
 * printable, in the round's wording and language; typing a filled-in form
 * back in (.../paper/new), recorded as one response "entered from paper"
 * by the person who typed it; and a signed-in member giving their own view
 * on the same form (.../my-view: a parent carer forum's representative,
 * say), as one of their partner group. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/account.h"
#include "web/i18n.h"
#include "web/pages/views_page.h"
#include "web/partner.h"

typedef struct paper_page {
	views_page pg;
	framework *fw;
	view_element_list elements;
	const view_rating *scale;
	size_t n_scale;
} paper_page;

static int paper_load(request *r, paper_page *p)
{
	int rc = views_page_load(r, &p->pg);
	if (rc)
		return rc;
	p->fw = views_framework(&r->d, &p->pg.round, &r->e);
	if (!p->fw || views_elements(&r->d, p->pg.round.id, &p->elements, &r->e) < 0)
		return page_error(r, &r->e);
	views_scale(&p->pg.round, &p->scale, &p->n_scale);
	return 0;
}

/* The statement as partners read it: the round's easy-read text, copro's,
 * or the source's title and what it means. */
static void paper_statement(request *r, const paper_page *p, size_t i)
{
	const view_element_row *row = &p->elements.items[i];
	const fw_element *el = framework_element(p->fw, row->element_key);
	bool easy = !strcmp(p->pg.round.wording, VIEWS_WORDING_EASY);
	bool audit = views_is_audit(&p->pg.round);
	const char *text = easy ? (row->easy_read && *row->easy_read ? row->easy_read
				   : el && el->easy_read ? el->easy_read
				   : el && audit && el->section ? el->section->easy_read : NULL)
				: NULL;
	if (text) {
		text_paragraphs_class(r, text, "govuk-body-l", NULL);
		return;
	}
	htmlf(&r->out, "<p class=\"govuk-body-l\"><strong>%t</strong></p>",
	      el ? (audit && el->section ? el->section->title : el->title) : row->element_key);
	if (el && el->description)
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", el->description);
}

/* ROUTE: GET /org/{org}/views/{round}/paper (contributor) */
static int page_views_paper(request *r)
{
	paper_page p;
	int rc = paper_load(r, &p);
	if (rc)
		return rc;
	i18n_pick(r, p.pg.round.language);
	htmlf(&r->out, "<!DOCTYPE html>\n<html lang=\"%a\" dir=\"%a\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<title>%t - %t</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<link rel=\"stylesheet\" href=\"/assets/copro.css\">\n</head>\n<body class=\"govuk-template__body\">\n"
		       "<div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper copro-paper%t\" id=\"main-content\">"
		       "<p class=\"govuk-body copro-print-hide\" lang=\"en\" dir=\"ltr\"><a class=\"govuk-link\" href=\"%a\">Back to the round</a>. "
		       "Print this page; type filled-in forms back in on the round's page.</p>"
		       "<p class=\"govuk-body-l\">%t</p><h1 class=\"govuk-heading-xl\">%t</h1><p class=\"govuk-body-l\">%t</p>",
	      r->lang, i18n_dir(r), tr(r, "Tell us what you think"), p.pg.org.name,
	      strcmp(p.pg.round.wording, VIEWS_WORDING_EASY) ? "" : " copro-easy-read", views_url(r, p.pg.round.id, ""),
	      p.pg.org.name, tr(r, "Tell us what you think"),
	      tr(r, "Tick one box for each question. You do not have to write anything. Do not write your name."));
	for (size_t i = 0; i < p.elements.n; i++) {
		htmlf(&r->out, "<div class=\"govuk-!-margin-bottom-8\"><h2 class=\"govuk-heading-m\">%t</h2>",
		      tr_fill(r, tr_fill(r, tr(r, "Question {n} of {total}"), "{n}", arena_printf(&r->mem, "%zu", i + 1)),
			      "{total}", arena_printf(&r->mem, "%zu", p.elements.n)));
		paper_statement(r, &p, i);
		htmlf(&r->out, "<p class=\"govuk-body\"><strong>%t</strong></p><ul class=\"govuk-list\">",
		      tr_fill(r, tr(r, "How well does {organisation} do this?"), "{organisation}", p.pg.org.name));
		for (size_t s = 0; s < p.n_scale; s++)
			htmlf(&r->out, "<li class=\"govuk-body-l\">&#9744; %t</li>", tr(r, p.scale[s].words));
		htmlf(&r->out, "</ul><p class=\"govuk-body\"><strong>%t</strong></p><div class=\"copro-paper__box\"></div>"
			       "<p class=\"govuk-body\"><strong>%t</strong></p><div class=\"copro-paper__box\"></div></div>",
		      tr(r, "What is good?"), tr(r, "What could be better?"));
	}
	htmlf(&r->out, "<p class=\"govuk-body\">%t</p></main></div>\n</body>\n</html>\n", tr(r, "Thank you."));
	return 200;
}

/* ---- typing a paper form in ------------------------------------------------
 * One thing per page, as partners answer online: first the group, then
 * each question on a page of its own (its rating and its two boxes), with
 * Continue and Previous. Nothing is stored until the last page's button:
 * the answers of the other pages travel with the form as hidden fields,
 * so a page opened again shows what was typed. A POST without `go` (a
 * script sending the whole form at once) saves, like the last button. */

typedef struct paper_typed {
	const char *link;
	view_paper_answer *answers;     /* one per element, in order */
	bool own;                       /* the member's own view, not a paper form */
	size_t step;                    /* 0: the group; n: question n */
} paper_typed;

static void paper_group_radios(request *r, const paper_page *p, const paper_typed *t, const form_errors *fe)
{
	const char **options = ARENA_ARRAY(&r->mem, p->pg.links.n * 2 + 1, options);
	for (size_t i = 0; i < p->pg.links.n; i++) {
		options[2 * i] = arena_printf(&r->mem, "%lld", (long long)p->pg.links.items[i].id);
		options[2 * i + 1] = views_group_title(&p->pg.links.items[i]);
	}
	form_radios(r, "link", t->own ? "Which group are you answering as" : "Which group is the form from", options,
		    t->link, NULL, fe);
}

static const char *rating_value(request *r, int rating)
{
	return rating == VIEW_NO_RATING ? "blank" : arena_printf(&r->mem, "%d", rating);
}

static void paper_rating_radios(request *r, const paper_page *p, size_t i, int chosen, const form_errors *fe)
{
	const char **options = ARENA_ARRAY(&r->mem, p->n_scale * 2 + 3, options);
	size_t k = 0;
	for (size_t s = 0; s < p->n_scale; s++) {
		options[k++] = arena_printf(&r->mem, "%d", p->scale[s].value);
		options[k++] = p->scale[s].words;
	}
	options[k++] = "blank";
	options[k++] = "Left blank";
	form_radios(r, arena_printf(&r->mem, "rating-%zu", i + 1), "How well they do this", options,
		    rating_value(r, chosen), NULL, fe);
}

static void hidden(request *r, const char *name, const char *value)
{
	if (value)
		htmlf(&r->out, "<input type=\"hidden\" name=\"%a\" value=\"%a\">", name, value);
}

/* What the other pages hold, carried along unseen. */
static void paper_carried(request *r, const paper_page *p, const paper_typed *t)
{
	htmlf(&r->out, "<input type=\"hidden\" name=\"step\" value=\"%z\">", t->step);
	if (t->step)
		hidden(r, "link", t->link);
	for (size_t i = 0; i < p->elements.n; i++) {
		if (i + 1 == t->step)
			continue;
		const view_paper_answer *a = &t->answers[i];
		hidden(r, arena_printf(&r->mem, "rating-%zu", i + 1), rating_value(r, a->rating));
		hidden(r, arena_printf(&r->mem, "good-%zu", i + 1), a->good);
		hidden(r, arena_printf(&r->mem, "better-%zu", i + 1), a->better);
	}
}

static void paper_question(request *r, const paper_page *p, const paper_typed *t, const form_errors *fe)
{
	size_t i = t->step - 1;
	const view_paper_answer *a = &t->answers[i];
	const fw_element *el = framework_element(p->fw, p->elements.items[i].element_key);
	htmlf(&r->out, "<span class=\"govuk-caption-m\">Question %z of %z</span><h2 class=\"govuk-heading-m\">%z. %t</h2>",
	      t->step, p->elements.n, t->step,
	      el ? (views_is_audit(&p->pg.round) && el->section ? el->section->title : el->title)
		 : p->elements.items[i].element_key);
	paper_rating_radios(r, p, i, a->rating, fe);
	form_textarea(r, arena_printf(&r->mem, "good-%zu", i + 1), "What is good", a->good, NULL, fe);
	form_textarea(r, arena_printf(&r->mem, "better-%zu", i + 1), "What could be better", a->better, NULL, fe);
}

static void paper_buttons(request *r, const paper_page *p, const paper_typed *t)
{
	bool last = t->step == p->elements.n;
	htmlf(&r->out, "<div class=\"govuk-button-group\"><button type=\"submit\" name=\"go\" value=\"%a\" "
		       "class=\"govuk-button\" data-module=\"govuk-button\">%t</button>",
	      last ? "save" : "next", !last ? "Continue" : t->own ? "Send my view" : "Save this form");
	if (t->step)
		htmlf(&r->out, "<button type=\"submit\" name=\"go\" value=\"previous\" class=\"govuk-button "
			       "govuk-button--secondary\" data-module=\"govuk-button\">Previous</button>");
	htmlf(&r->out, "</div>");
}

static int paper_render(request *r, paper_page *p, const paper_typed *t, const form_errors *fe)
{
	const char *title = t->own ? "Give your view" : "Type in a paper form";
	page_begin(r, t->step ? arena_printf(&r->mem, "Question %zu - %s", t->step, title) : title);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	if (!(fe && fe->n) && query_get(r, "saved"))
		notice_success(r, "Saved. Type in the next form, or go back to the round.");
	views_heading(r, &p->pg, title);
	if (!t->step)
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>",
		      t->own ? "Say how well you think we do each of these, and anything you want to add, one question "
			       "at a time. Your answers count with the others from your group. You do not need to look "
			       "at evidence or indicators. Nothing is sent until the last question."
			     : "Type one filled-in form at a time, as it was written, one question to a page. It is "
			       "recorded as entered from paper, by you, when you save it after the last question, and "
			       "counts like an answer sent online.");
	htmlf(&r->out, "<form method=\"post\" action=\"%a\" novalidate>",
	      views_url(r, p->pg.round.id, t->own ? "/my-view" : "/paper"));
	form_csrf(r);
	paper_carried(r, p, t);
	if (t->step)
		paper_question(r, p, t, fe);
	else
		paper_group_radios(r, p, t, fe);
	paper_buttons(r, p, t);
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

static paper_typed paper_empty(request *r, const paper_page *p)
{
	paper_typed t = {.answers = ARENA_ARRAY(&r->mem, p->elements.n + 1, t.answers)};
	for (size_t i = 0; i < p->elements.n; i++)
		t.answers[i] = (view_paper_answer){.element = p->elements.items[i].element_key, .rating = VIEW_NO_RATING};
	return t;
}

/* ROUTE: GET /org/{org}/views/{round}/paper/new (contributor) */
static int page_views_paper_new(request *r)
{
	paper_page p;
	int rc = paper_load(r, &p);
	if (rc)
		return rc;
	paper_typed t = paper_empty(r, &p);
	return paper_render(r, &p, &t, NULL);
}

/* One question's answers as typed, each checked by its field. */
static void paper_read_one(request *r, const paper_page *p, size_t i, view_paper_answer *a, form_errors *fe)
{
	const char *field = arena_printf(&r->mem, "rating-%zu", i + 1);
	const char *v = form_get(r, field);
	char *end;
	long n = v && *v && strcmp(v, "blank") ? strtol(v, &end, 10) : VIEW_NO_RATING;
	if (v && *v && strcmp(v, "blank") && (*end || n < 0 || n > 4 || !views_rating_words(&p->pg.round, (int)n))) {
		form_error_add(fe, field, "Choose one of the answers, or \"Left blank\"");
		n = VIEW_NO_RATING;
	}
	a->rating = (int)n;
	const char *names[2] = {"good", "better"};
	const char **texts[2] = {&a->good, &a->better};
	for (size_t k = 0; k < 2; k++) {
		const char *name = arena_printf(&r->mem, "%s-%zu", names[k], i + 1);
		const char *t = text_trimmed(&r->mem, form_get(r, name));
		*texts[k] = t && *t ? t : NULL;
		if (*texts[k] && utf8_chars(*texts[k]) > VIEWS_TEXT_MAX)
			form_error_add(fe, name, arena_printf(&r->mem, "Question %zu: shorten the text to 1,000 characters or fewer", i + 1));
	}
}

/* Everything posted, each page's problems in its own list. */
static void paper_read(request *r, const paper_page *p, paper_typed *t, form_errors *per_step)
{
	t->link = form_get(r, "link");
	int64_t link = 0;
	if (!text_id(t->link, &link))
		form_error_add(&per_step[0], "link", t->own ? "Choose the group you are answering as"
							    : "Choose the group the form is from");
	for (size_t i = 0; i < p->elements.n; i++)
		paper_read_one(r, p, i, &t->answers[i], &per_step[i + 1]);
	const char *s = form_get(r, "step");
	t->step = s ? strtoul(s, NULL, 10) : 0;
	if (t->step > p->elements.n)
		t->step = 0;
}

static int paper_finish(request *r, paper_page *p, paper_typed *t, form_errors *per_step)
{
	for (size_t s = 0; s <= p->elements.n; s++)
		if (per_step[s].n) {
			t->step = s;
			return paper_render(r, p, t, &per_step[s]);
		}
	int64_t link = 0, response;
	text_id(t->link, &link);
	if ((t->own ? views_own_view_add : views_paper_add)(&r->d, &r->sess.user, p->pg.round.id, link, t->answers,
							    p->elements.n, &response, &r->e) < 0) {
		if (r->e.kind == ERR_CONFLICT)
			return views_refused(r, &r->e);
		if (r->e.kind != ERR_INPUT && r->e.kind != ERR_NOTFOUND)
			return page_error(r, &r->e);
		form_errors fe = {0};
		t->step = r->e.kind == ERR_NOTFOUND ? 0 : 1;
		form_error_add(&fe, t->step ? "rating-1" : "link", sentence(r, r->e.msg));
		return paper_render(r, p, t, &fe);
	}
	if (t->own)
		return web_redirect(r, arena_printf(&r->mem, "/org/%lld?view=sent", (long long)r->org));
	return web_redirect(r, views_url(r, p->pg.round.id, "/paper/new?saved=1"));
}

static int paper_save(request *r, bool own)
{
	paper_page p;
	int rc = paper_load(r, &p);
	if (rc)
		return rc;
	paper_typed t = paper_empty(r, &p);
	t.own = own;
	form_errors *per_step = ARENA_ARRAY(&r->mem, p.elements.n + 1, per_step);
	paper_read(r, &p, &t, per_step);
	const char *go = form_get(r, "go");
	if (!go || !strcmp(go, "save"))
		return paper_finish(r, &p, &t, per_step);
	if (!strcmp(go, "previous")) {
		t.step = t.step ? t.step - 1 : 0;
		return paper_render(r, &p, &t, NULL);
	}
	if (per_step[t.step].n)
		return paper_render(r, &p, &t, &per_step[t.step]);
	t.step = t.step < p.elements.n ? t.step + 1 : t.step;
	return paper_render(r, &p, &t, NULL);
}

/* ROUTE: POST /org/{org}/views/{round}/paper (contributor) */
static int page_views_paper_add(request *r)
{
	return paper_save(r, false);
}

/* The round's link for the member's own partner group, when it has one. */
static const char *own_link(request *r, const paper_page *p)
{
	membership_list ms;
	if (memberships_of_user(&r->d, r->sess.user.id, &ms, &r->e) < 0)
		return NULL;
	const char *group = NULL;
	for (size_t i = 0; i < ms.n && !group; i++)
		if (ms.items[i].organisation_id == r->org)
			group = ms.items[i].partner_group;
	static const char *const map[] = {"children-and-young-people", "cyp", "parent-carers", "parents",
					  "practitioners", "practitioners", NULL};
	const char *want = NULL;
	for (size_t i = 0; group && map[i]; i += 2)
		if (!strcmp(group, map[i]))
			want = map[i + 1];
	for (size_t i = 0; want && i < p->pg.links.n; i++)
		if (!strcmp(p->pg.links.items[i].partner_group, want))
			return arena_printf(&r->mem, "%lld", (long long)p->pg.links.items[i].id);
	return NULL;
}

/* ROUTE: GET /org/{org}/views/{round}/my-view (contributor) */
static int page_views_my_view(request *r)
{
	paper_page p;
	int rc = paper_load(r, &p);
	if (rc)
		return rc;
	paper_typed t = paper_empty(r, &p);
	t.own = true;
	t.link = own_link(r, &p);
	return paper_render(r, &p, &t, NULL);
}

/* ROUTE: POST /org/{org}/views/{round}/my-view (contributor) */
static int page_views_my_view_post(request *r)
{
	return paper_save(r, true);
}

const route views_paper_routes[] = {
	{"GET", "/org/{org}/views/{round}/paper", page_views_paper, 0, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/views/{round}/paper/new", page_views_paper_new, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/views/{round}/paper", page_views_paper_add, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/views/{round}/my-view", page_views_my_view, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/views/{round}/my-view", page_views_my_view_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{0},
};
