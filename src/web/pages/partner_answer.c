/* partner_answer.c: answering a round of views without an account, under
 * /v/{token}: one statement at a time, first how well the organisation
 * does it (radios in words), then two optional questions in the
 * partner's own words, then "Check your answers" and sending them.
 *
 * Every page checks the link is still open and that the cookie names a
 * draft of this link; every POST saves through the domain in the
 * dispatcher's one transaction, so a 303 means the answer is on disk and
 * a refused one leaves nothing. */
#include <stdlib.h>
#include <string.h>

#include "web/pages/partner_page.h"

/* Question {question} of the URL, 1 .. the round's count; 0 when it is not
 * one (the page answers 404). */
static size_t question_number(request *r, const partner_ctx *c)
{
	const char *s = param_named(r, "question");
	char *end;
	long n = s ? strtol(s, &end, 10) : 0;
	if (!s || *end || n < 1 || (size_t)n > c->elements.n)
		return 0;
	return (size_t)n;
}

static int no_such_question(request *r, partner_ctx *c)
{
	return partner_error_page(r, &c->frame, 404, tr(r, "We cannot find this page"),
				  tr(r, "There is no question with this number. Go back to the start and try again."));
}

/* The draft's answer to element `key`; NULL when there is none yet. */
static const view_answer_row *answer_of(request *r, partner_ctx *c, const char *key)
{
	view_answer_list answers;
	if (views_answers_of_response(&r->d, c->response.id, &answers, &r->e) < 0)
		return NULL;
	for (size_t i = 0; i < answers.n; i++)
		if (!strcmp(answers.items[i].element_key, key))
			return &answers.items[i];
	return NULL;
}

/* The link, a draft of it, the question in the URL and the draft's
 * answer to it (NULL when none yet): 0, or the status of the page written. */
static int load_question(request *r, partner_ctx *c, size_t *n, const view_answer_row **a)
{
	int rc = partner_load(r, c, true);
	if (rc || (rc = partner_need_draft(r, c)))
		return rc;
	*n = question_number(r, c);
	if (!*n)
		return no_such_question(r, c);
	*a = answer_of(r, c, c->elements.items[*n - 1].element_key);
	return !*a && r->e.kind ? partner_failed(r, c) : 0;
}

static bool changing(const request *r)
{
	const char *v = r->post ? form_get(r, "change") : query_get(r, "change");
	return v && !strcmp(v, "yes");
}

static const char *question_caption(request *r, const partner_ctx *c, size_t n)
{
	return tr_fill(r, tr_fill(r, tr(r, "Question {n} of {total}"), "{n}", arena_printf(&r->mem, "%zu", n)),
		       "{total}", arena_printf(&r->mem, "%zu", c->elements.n));
}

static void change_field(request *r)
{
	if (changing(r))
		htmlf(&r->out, "<input type=\"hidden\" name=\"change\" value=\"yes\">");
}

/* ---- how well: the rating ------------------------------------------------ */

static int rating_render(request *r, partner_ctx *c, size_t n, int chosen, const char *error)
{
	const char *back = n == 1 ? partner_url(r, c, "") : partner_question_url(r, c, n - 1, "/comments");
	if (changing(r))
		back = partner_url(r, c, "/check");
	const char *question = tr_fill(r, tr(r, "How well does {organisation} do this?"), "{organisation}",
				       c->v.organisation);
	partner_page_begin(r, &c->frame, error ? arena_printf(&r->mem, "%s: %s", tr(r, "Error"), question) : question);
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">%t</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	      back, tr(r, "Back"));
	partner_error_summary(r, "rating", error);
	partner_form_open(r, c, partner_question_url(r, c, n, NULL));
	change_field(r);
	htmlf(&r->out, "<div class=\"govuk-form-group%t\"><fieldset class=\"govuk-fieldset\" aria-describedby=\"statement%t\">"
		       "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\">"
		       "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-fieldset__heading\">%t</h1></legend>",
	      error ? " govuk-form-group--error" : "", error ? " rating-error" : "",
	      question_caption(r, c, n), question);
	partner_statement(r, c, n - 1);
	if (error)
		htmlf(&r->out, "<p id=\"rating-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">%t:</span> %t</p>",
		      tr(r, "Error"), error);
	partner_rating_radios(r, &c->v.round, chosen);
	htmlf(&r->out, "</fieldset></div>");
	partner_form_close(r, tr(r, "Continue"));
	htmlf(&r->out, "</div></div>");
	partner_page_end(r, &c->frame);
	return error ? 400 : 200;
}

/* ROUTE: GET /v/{token}/q/{question} (public) */
static int page_partner_question(request *r)
{
	partner_ctx c;
	size_t n;
	const view_answer_row *a;
	int rc = load_question(r, &c, &n, &a);
	if (rc)
		return rc;
	return rating_render(r, &c, n, a ? a->rating : VIEW_NO_RATING, NULL);
}

/* The rating sent: a whole number on the round's scale, else
 * VIEW_NO_RATING. */
static int rating_sent(request *r, const partner_ctx *c)
{
	const char *s = form_get(r, "rating");
	char *end;
	long v = s && *s ? strtol(s, &end, 10) : -1;
	if (!s || !*s || *end || v < 0 || v > 4 || !views_rating_words(&c->v.round, (int)v))
		return VIEW_NO_RATING;
	return (int)v;
}

/* ROUTE: POST /v/{token}/q/{question} (public) */
static int page_partner_question_post(request *r)
{
	partner_ctx c;
	size_t n;
	const view_answer_row *a;
	int rc = load_question(r, &c, &n, &a);
	if (rc)
		return rc;
	int rating = rating_sent(r, &c);
	if (rating == VIEW_NO_RATING)
		return rating_render(r, &c, n, VIEW_NO_RATING,
				     tr(r, "Choose one answer. If you are not sure, choose \"I don't know\"."));
	if (views_answer_save(&r->d, c.response.id, c.elements.items[n - 1].element_key, rating,
			      a ? a->good : NULL, a ? a->better : NULL, &r->e) < 0)
		return partner_failed(r, &c);
	return web_redirect(r, partner_question_url(r, &c, n, changing(r) ? "/comments?change=yes" : "/comments"));
}

/* ---- in their own words: what is good, what could be better --------------- */

typedef struct comments_form {
	const char *good, *better;
	const char *good_error, *better_error;
} comments_form;

static int comments_render(request *r, partner_ctx *c, size_t n, const comments_form *f)
{
	bool error = f->good_error || f->better_error;
	const char *back = changing(r) ? partner_url(r, c, "/check") : partner_question_url(r, c, n, NULL);
	const char *title = tr(r, "Tell us more if you want to");
	partner_page_begin(r, &c->frame, error ? arena_printf(&r->mem, "%s: %s", tr(r, "Error"), title) : title);
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">%t</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	      back, tr(r, "Back"));
	partner_error_summary(r, f->good_error ? "good" : "better", f->good_error ? f->good_error : f->better_error);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	      question_caption(r, c, n), title);
	/* In easy read the source's title is not plain words: the easy-read
	 * text the partner answered about is shown again. */
	if (c->frame.easy_read)
		partner_statement(r, c, n - 1);
	else
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", tr(r, partner_statement_title(c, n - 1)));
	partner_form_open(r, c, partner_question_url(r, c, n, "/comments"));
	change_field(r);
	partner_comment_box(r, "good", tr(r, "What is good?"), f->good, f->good_error);
	partner_comment_box(r, "better", tr(r, "What could be better?"), f->better, f->better_error);
	partner_form_close(r, tr(r, "Continue"));
	htmlf(&r->out, "</div></div>");
	partner_page_end(r, &c->frame);
	return error ? 400 : 200;
}

/* ROUTE: GET /v/{token}/q/{question}/comments (public) */
static int page_partner_comments(request *r)
{
	partner_ctx c;
	size_t n;
	const view_answer_row *a;
	int rc = load_question(r, &c, &n, &a);
	if (rc)
		return rc;
	comments_form f = {.good = a ? a->good : NULL, .better = a ? a->better : NULL};
	return comments_render(r, &c, n, &f);
}

/* A free-text answer as sent: NULL when blank; *error when too long. */
static const char *comment_sent(request *r, const char *name, const char **error)
{
	const char *v = text_trimmed(&r->mem, form_get(r, name));
	if (!v || !v[strspn(v, " \t\r\n")])
		return NULL;
	size_t chars = utf8_chars(v);
	if (chars > VIEWS_TEXT_MAX)
		*error = tr_fill(r, tr(r, "Write 1,000 characters or fewer. You wrote {count}."), "{count}",
				 text_count(&r->mem, (long long)chars));
	return v;
}

/* ROUTE: POST /v/{token}/q/{question}/comments (public) */
static int page_partner_comments_post(request *r)
{
	partner_ctx c;
	size_t n;
	const view_answer_row *a;
	int rc = load_question(r, &c, &n, &a);
	if (rc)
		return rc;
	comments_form f = {0};
	f.good = comment_sent(r, "good", &f.good_error);
	f.better = comment_sent(r, "better", &f.better_error);
	if (f.good_error || f.better_error)
		return comments_render(r, &c, n, &f);
	if (views_answer_save(&r->d, c.response.id, c.elements.items[n - 1].element_key,
			      a ? a->rating : VIEW_NO_RATING, f.good, f.better, &r->e) < 0)
		return partner_failed(r, &c);
	if (changing(r) || n == c.elements.n)
		return web_redirect(r, partner_url(r, &c, "/check"));
	return web_redirect(r, partner_question_url(r, &c, n + 1, NULL));
}

/* ---- check your answers, and sending them -------------------------------- */

static void check_row(request *r, const char *key, const char *value, const char *href,
		      const char *hidden)
{
	htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%t</dt>"
		       "<dd class=\"govuk-summary-list__value\">", key);
	text_paragraphs_class(r, value, "govuk-body", NULL);
	htmlf(&r->out, "</dd><dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"%a\">%t"
		       "<span class=\"govuk-visually-hidden\"> %t</span></a></dd></div>",
	      href, tr(r, "Change"), hidden);
}

static void check_question(request *r, partner_ctx *c, size_t i, const view_answer_list *answers)
{
	const char *key = c->elements.items[i].element_key;
	const view_answer_row *a = NULL;
	for (size_t j = 0; j < answers->n && !a; j++)
		if (!strcmp(answers->items[j].element_key, key))
			a = &answers->items[j];
	const char *words = a && a->rating != VIEW_NO_RATING ? views_rating_words(&c->v.round, a->rating) : NULL;
	/* In easy read the source's title is not plain words: "Question 1 of
	 * 2" and the easy-read text instead. */
	const char *easy = partner_easy_text(r, c, i);
	const char *title = easy ? question_caption(r, c, i + 1) : tr(r, partner_statement_title(c, i));
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">%t</h2>", title);
	if (easy)
		text_paragraphs_class(r, easy, "govuk-body", NULL);
	htmlf(&r->out, "<dl class=\"govuk-summary-list govuk-!-margin-bottom-9\">");
	check_row(r, tr(r, "Your answer"), words ? tr(r, words) : tr(r, "Not answered"),
		  partner_question_url(r, c, i + 1, "?change=yes"), title);
	check_row(r, tr(r, "What is good?"), a && a->good ? a->good : tr(r, "Nothing written"),
		  partner_question_url(r, c, i + 1, "/comments?change=yes"), title);
	check_row(r, tr(r, "What could be better?"), a && a->better ? a->better : tr(r, "Nothing written"),
		  partner_question_url(r, c, i + 1, "/comments?change=yes"), title);
	htmlf(&r->out, "</dl>");
}

static int check_render(request *r, partner_ctx *c, const char *error)
{
	view_answer_list answers;
	if (views_answers_of_response(&r->d, c->response.id, &answers, &r->e) < 0)
		return partner_failed(r, c);
	const char *title = tr(r, "Check your answers before you send them");
	partner_page_begin(r, &c->frame, error ? arena_printf(&r->mem, "%s: %s", tr(r, "Error"), title) : title);
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">%t</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	      partner_question_url(r, c, c->elements.n, "/comments"), tr(r, "Back"));
	partner_error_summary(r, "send", error);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">%t</h1>", title);
	for (size_t i = 0; i < c->elements.n; i++)
		check_question(r, c, i, &answers);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">%t</h2><p class=\"govuk-body\">%t</p>",
	      tr(r, "Now send your answers"), tr(r, "When you send them, you cannot change them."));
	partner_form_open(r, c, partner_url(r, c, "/check"));
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\" id=\"send\">%t</button></form>",
	      tr(r, "Send my answers"));
	htmlf(&r->out, "</div></div>");
	partner_page_end(r, &c->frame);
	return error ? 400 : 200;
}

/* ROUTE: GET /v/{token}/check (public) */
static int page_partner_check(request *r)
{
	partner_ctx c;
	int rc = partner_load(r, &c, true);
	if (rc || (rc = partner_need_draft(r, &c)))
		return rc;
	return check_render(r, &c, NULL);
}

/* ROUTE: POST /v/{token}/check (public) */
static int page_partner_send(request *r)
{
	partner_ctx c;
	int rc = partner_load(r, &c, true);
	if (rc || (rc = partner_need_draft(r, &c)))
		return rc;
	if (views_response_submit(&r->d, c.response.id, &r->e) < 0) {
		if (r->e.kind == ERR_BUSY || r->e.kind == ERR_IO || r->e.kind == ERR_INTERNAL)
			return partner_failed(r, &c);
		return check_render(r, &c, tr(r, "Answer at least one question before you send your answers."));
	}
	return web_redirect(r, partner_url(r, &c, "/done"));
}

const route partner_answer_routes[] = {
	{"GET", "/v/{token}/q/{question}", page_partner_question, ROUTE_PUBLIC | ROUTE_PARTNER, 0},
	{"POST", "/v/{token}/q/{question}", page_partner_question_post, ROUTE_PUBLIC | ROUTE_PARTNER | ROUTE_POST, 0},
	{"GET", "/v/{token}/q/{question}/comments", page_partner_comments, ROUTE_PUBLIC | ROUTE_PARTNER, 0},
	{"POST", "/v/{token}/q/{question}/comments", page_partner_comments_post,
	 ROUTE_PUBLIC | ROUTE_PARTNER | ROUTE_POST, 0},
	{"GET", "/v/{token}/check", page_partner_check, ROUTE_PUBLIC | ROUTE_PARTNER, 0},
	{"POST", "/v/{token}/check", page_partner_send, ROUTE_PUBLIC | ROUTE_PARTNER | ROUTE_POST, 0},
	{0},
};
