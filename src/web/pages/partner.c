/* partner.c: the pages partners see around their answers, under
 * /v/{token} with no account: the start page, the privacy notice, the
 * confirmation and the organisation's published "You said, we did"; and
 * what every partner page shares (partner_page.h). The questions are in
 * partner_answer.c.
 *
 * The token in the URL is a link's secret: it is never written into a
 * page but as the address of the page's own links and forms (the
 * Referrer-Policy keeps it from other sites). Progress is kept by one
 * strictly necessary cookie, the response's own random token. */
#include <string.h>

#include "domain/review.h"
#include "web/pages/partner_page.h"

/* ---- shared -------------------------------------------------------------- */

const char *partner_url(request *r, const partner_ctx *c, const char *suffix)
{
	const lang_info *link = lang_find(c->v.round.language);
	if (!strcmp(r->lang, link ? link->tag : I18N_DEFAULT))
		return arena_printf(&r->mem, "/v/%s%s", c->token, suffix);
	return arena_printf(&r->mem, "/v/%s%s%slang=%s", c->token, suffix, strchr(suffix, '?') ? "&" : "?",
			    r->lang);
}

const char *partner_question_url(request *r, const partner_ctx *c, size_t n, const char *more)
{
	return partner_url(r, c, arena_printf(&r->mem, "/q/%zu%s", n, more ? more : ""));
}

int partner_failed(request *r, partner_ctx *c)
{
	if (r->e.kind == ERR_BUSY)
		return partner_error_page(r, &c->frame, 503, tr(r, "Sorry, we are busy"),
					  tr(r, "Nothing was saved. Wait a moment and try again."));
	return partner_error_page(r, &c->frame, 500, tr(r, "Sorry, something went wrong"),
				  tr(r, "Nothing was saved. Please try again later."));
}

static int link_gone(request *r, partner_ctx *c, enum view_link_status status)
{
	if (status == VIEW_LINK_FULL)
		return partner_error_page(r, &c->frame, 410, tr(r, "Thank you, we have enough answers"),
					  tr(r, "So many people have answered that this link is now closed. Thank you for wanting to help."));
	return partner_error_page(r, &c->frame, 410, tr(r, "This link is closed"),
				  tr(r, "You cannot answer these questions now. Thank you for wanting to help. If you think this is wrong, ask the person who gave you the link."));
}

/* The cookie's response, when it is one of this link's. */
static int find_response(request *r, partner_ctx *c)
{
	const char *cookie = r->answer_cookie;
	if (!cookie || strlen(cookie) != VIEWS_TOKEN_LEN)
		return 0;
	int found = views_response_find(&r->d, c->v.link.id, cookie, &c->response, &r->e);
	if (found < 0)
		return -1;
	c->has_response = found == 1;
	return 0;
}

int partner_load(request *r, partner_ctx *c, bool need_open)
{
	memset(c, 0, sizeof *c);
	c->token = param_named(r, "token");
	enum view_link_status status;
	if (views_link_open(&r->d, c->token, &c->v, &status, &r->e) < 0)
		return partner_failed(r, c);
	if (status == VIEW_LINK_UNKNOWN)
		return partner_error_page(r, &c->frame, 404, tr(r, "We cannot find this page"),
					  tr(r, "Check the link is the one you were given, with every letter. If it still does not work, ask the person who gave you the link for a new one."));
	r->lang = partner_lang(r, c->v.round.language);
	c->frame = (partner_frame){.org_name = c->v.organisation, .safeguarding = c->v.safeguarding_contact,
				   .link_lang = c->v.round.language,
				   .easy_read = !strcmp(c->v.round.wording, VIEWS_WORDING_EASY)};
	/* The link's address alone: the footer adds the reader's language. */
	c->frame.base = arena_printf(&r->mem, "/v/%s", c->token);
	if (need_open && status != VIEW_LINK_OPEN)
		return link_gone(r, c, status);
	c->fw = views_framework(&r->d, &c->v.round, &r->e);
	if (!c->fw || views_elements(&r->d, c->v.round.id, &c->elements, &r->e) < 0 ||
	    find_response(r, c) < 0)
		return partner_failed(r, c);
	return 0;
}

int partner_need_draft(request *r, partner_ctx *c)
{
	if (c->has_response && c->response.submitted_at)
		return web_redirect(r, partner_url(r, c, "/done"));
	if (!c->has_response)
		return web_redirect(r, partner_url(r, c, ""));
	return 0;
}

/* The element of question `i` and its section. */
static const fw_element *question_element(const partner_ctx *c, size_t i)
{
	return framework_element(c->fw, c->elements.items[i].element_key);
}

const char *partner_statement_title(const partner_ctx *c, size_t i)
{
	const fw_element *el = question_element(c, i);
	if (!el)
		return c->elements.items[i].element_key;
	/* A York principle's element is its indicator: the principle is the
	 * section's title. */
	return views_is_audit(&c->v.round) && el->section ? el->section->title : el->title;
}

static const char *easy_read_text(const partner_ctx *c, size_t i, const fw_element *el)
{
	const char *own = c->elements.items[i].easy_read;
	if (own && *own)
		return own;
	if (el && el->easy_read)
		return el->easy_read;
	if (el && el->section && views_is_audit(&c->v.round) && el->section->easy_read)
		return el->section->easy_read;
	return NULL;
}

const char *partner_easy_text(request *r, const partner_ctx *c, size_t i)
{
	const char *easy = c->frame.easy_read ? easy_read_text(c, i, question_element(c, i)) : NULL;
	return easy ? tr(r, easy) : NULL;
}

void partner_statement(request *r, const partner_ctx *c, size_t i)
{
	const fw_element *el = question_element(c, i);
	const char *easy = partner_easy_text(r, c, i);
	htmlf(&r->out, "<div class=\"copro-question-text\" id=\"statement\">");
	if (easy) {
		text_paragraphs_class(r, easy, "govuk-body copro-question-text", NULL);
	} else {
		htmlf(&r->out, "<p class=\"govuk-body-l\"><strong>%t</strong></p>",
		      tr(r, partner_statement_title(c, i)));
		if (el && el->description && *el->description)
			htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", tr(r, el->description));
	}
	htmlf(&r->out, "</div>");
}

void partner_error_summary(request *r, const char *field, const char *msg)
{
	if (!msg)
		return;
	htmlf(&r->out, "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
		       "<h2 class=\"govuk-error-summary__title\">%t</h2><div class=\"govuk-error-summary__body\">"
		       "<ul class=\"govuk-list govuk-error-summary__list\"><li><a href=\"#%a\">%t</a></li></ul></div></div></div>",
	      tr(r, "There is a problem"), field, msg);
}

void partner_form_open(request *r, const partner_ctx *c, const char *action)
{
	(void)c;
	htmlf(&r->out, "<form method=\"post\" action=\"%a\" novalidate>", action);
	form_csrf(r);
}

void partner_form_close(request *r, const char *button)
{
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">%t</button></form>",
	      button);
}

/* ---- the start page ------------------------------------------------------ */

static void start_intro(request *r, const partner_ctx *c)
{
	size_t n = c->elements.n;
	htmlf(&r->out, "<p class=\"govuk-body-l\">%t</p>",
	      tr_fill(r, tr(r, "{organisation} wants to know how well it works with you."), "{organisation}",
		      c->v.organisation));
	htmlf(&r->out, "<ul class=\"govuk-list govuk-list--bullet\"><li>%t</li><li>%t</li><li>%t</li><li>%t</li></ul>",
	      n == 1 ? tr(r, "There is 1 question.")
		     : tr_fill(r, tr(r, "There are {count} questions."), "{count}", arena_printf(&r->mem, "%zu", n)),
	      tr_fill(r, tr(r, "It takes about {minutes} minutes."), "{minutes}",
		      arena_printf(&r->mem, "%zu", n < 2 ? 2 : n)),
	      tr(r, "We do not ask for your name, and we do not link your answers to you."),
	      tr(r, "You can choose \"I don't know\", and you do not have to write anything."));
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">%t</a></p>",
	      partner_url(r, c, "/privacy"), tr(r, "How we use your answers (privacy)"));
}

/* ROUTE: GET /v/{token} (public) */
static int page_partner_start(request *r)
{
	partner_ctx c;
	int rc = partner_load(r, &c, true);
	if (rc)
		return rc;
	partner_page_begin(r, &c.frame, tr(r, "Tell us what you think"));
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		       "<h1 class=\"govuk-heading-xl\">%t</h1>", tr(r, "Tell us what you think"));
	start_intro(r, &c);
	bool draft = c.has_response && !c.response.submitted_at;
	if (draft)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-button\" href=\"%a\">%t</a></p>"
			       "<p class=\"govuk-body\">%t</p>",
		      partner_question_url(r, &c, 1, NULL), tr(r, "Carry on"),
		      tr(r, "Or start again: the answers you gave before will not be sent."));
	else if (c.has_response)
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>",
		      tr(r, "You have sent your answers from this device. Thank you. Someone else can answer here too."));
	partner_form_open(r, &c, partner_url(r, &c, ""));
	partner_form_close(r, draft ? tr(r, "Start again") : tr(r, "Start now"));
	htmlf(&r->out, "</div></div>");
	partner_page_end(r, &c.frame);
	return 200;
}

/* ROUTE: POST /v/{token} (public) */
static int page_partner_begin(request *r)
{
	partner_ctx c;
	int rc = partner_load(r, &c, true);
	if (rc)
		return rc;
	views_token cookie;
	int64_t response;
	if (views_response_start(&r->d, &c.v, cookie, &response, &r->e) < 0)
		return partner_failed(r, &c);
	/* No Max-Age: the browser forgets it when it closes. */
	r->answer_set_cookie = arena_printf(&r->mem, ANSWER_COOKIE "=%s; Path=/; Secure; HttpOnly; SameSite=Lax",
					    cookie);
	return web_redirect(r, partner_question_url(r, &c, 1, NULL));
}

/* ---- after answering ----------------------------------------------------- */

/* ROUTE: GET /v/{token}/done (public) */
static int page_partner_done(request *r)
{
	partner_ctx c;
	int rc = partner_load(r, &c, false);
	if (rc)
		return rc;
	if (!c.has_response || !c.response.submitted_at)
		return web_redirect(r, partner_url(r, &c, ""));
	partner_page_begin(r, &c.frame, tr(r, "Your answers have been sent"));
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		       "<div class=\"govuk-panel govuk-panel--confirmation\"><h1 class=\"govuk-panel__title\">%t</h1>"
		       "<div class=\"govuk-panel__body\">%t</div></div>"
		       "<h2 class=\"govuk-heading-m\">%t</h2>"
		       "<p class=\"govuk-body\">%t</p><p class=\"govuk-body\">%t</p>"
		       "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">%t</a></p></div></div>",
	      tr(r, "Your answers have been sent"), tr(r, "Thank you for telling us what you think"),
	      tr(r, "What happens next"),
	      tr_fill(r, tr(r, "{organisation} will look at everyone's answers together. They will not know which answers are yours."),
		      "{organisation}", c.v.organisation),
	      tr(r, "They will talk about what to change, and tell you what they did in \"You said, we did\"."),
	      partner_url(r, &c, "/you-said"), tr(r, "See \"You said, we did\""));
	partner_page_end(r, &c.frame);
	return 200;
}

static void you_said_item(request *r, const you_said_row *y)
{
	htmlf(&r->out, "<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__content\">"
		       "<h2 class=\"govuk-heading-s\">%t</h2>", tr(r, "You said"));
	text_paragraphs_class(r, y->said, "govuk-body", NULL);
	htmlf(&r->out, "<h2 class=\"govuk-heading-s\">%t</h2>", tr(r, "We did"));
	text_paragraphs_class(r, y->did, "govuk-body", NULL);
	htmlf(&r->out, "</div></div>");
}

/* ROUTE: GET /v/{token}/you-said (public) */
static int page_partner_you_said(request *r)
{
	partner_ctx c;
	int rc = partner_load(r, &c, false);
	if (rc)
		return rc;
	you_said_list list;
	if (you_said_of_org(&r->d, c.v.round.organisation_id, true, &list, &r->e) < 0)
		return partner_failed(r, &c);
	partner_page_begin(r, &c.frame, tr(r, "You said, we did"));
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">%t</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		       "<h1 class=\"govuk-heading-xl\">%t</h1><p class=\"govuk-body-l\">%t</p>",
	      partner_url(r, &c, ""), tr(r, "Back"), tr(r, "You said, we did"),
	      tr_fill(r, tr(r, "What people told {organisation}, and what it did about it."), "{organisation}",
		      c.v.organisation));
	if (!list.n)
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", tr(r, "Nothing has been shared here yet. Please look again later."));
	for (size_t i = 0; i < list.n; i++)
		you_said_item(r, &list.items[i]);
	htmlf(&r->out, "</div></div>");
	partner_page_end(r, &c.frame);
	return 200;
}

/* ---- the privacy notice -------------------------------------------------- */

static void privacy_section(request *r, const char *heading, const char *text)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">%t</h2><p class=\"govuk-body\">%t</p>", heading, text);
}

/* ROUTE: GET /v/{token}/privacy (public) */
static int page_partner_privacy(request *r)
{
	partner_ctx c;
	int rc = partner_load(r, &c, false);
	if (rc)
		return rc;
	views_org_settings s;
	if (views_org_settings_get(&r->d, c.v.round.organisation_id, &s, &r->e) < 0)
		return partner_failed(r, &c);
	const char *org = c.v.organisation;
	partner_page_begin(r, &c.frame, tr(r, "How we use your answers"));
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">%t</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		       "<h1 class=\"govuk-heading-xl\">%t</h1>",
	      partner_url(r, &c, ""), tr(r, "Back"), tr(r, "How we use your answers"));
	privacy_section(r, tr(r, "What we keep"),
			tr(r, "We keep the answers you choose and anything you write. We do not ask for your name, email or address."));
	privacy_section(r, tr(r, "Who sees your answers"),
			tr_fill(r, tr(r, "Staff at {organisation} see everyone's answers together. If only a few people in your group answer, only the people who lead this work see those answers. What you write is read by them first, before anyone else sees it."),
				"{organisation}", org));
	privacy_section(r, tr(r, "If you tell us someone is not safe"),
			tr(r, "If you write something that makes us worried about someone's safety, we will follow our safeguarding rules to keep them safe."));
	privacy_section(r, tr(r, "How long we keep it"),
			tr_fill(r, tr(r, "We delete what you write after {months} months. We keep the answers you chose, with no words, to see how things change."),
				"{months}", arena_printf(&r->mem, "%d", s.retention_months)));
	privacy_section(r, tr(r, "Cookies"),
			tr(r, "We use one cookie to remember your answers until you send them. It is deleted when you close your browser. We use no other cookies and send nothing to other websites."));
	privacy_section(r, tr(r, "Questions"),
			tr_fill(r, tr(r, "Ask {organisation} if you have a question about your answers."), "{organisation}", org));
	htmlf(&r->out, "</div></div>");
	partner_page_end(r, &c.frame);
	return 200;
}

const route partner_routes[] = {
	{"GET", "/v/{token}", page_partner_start, ROUTE_PUBLIC | ROUTE_PARTNER, 0},
	{"POST", "/v/{token}", page_partner_begin, ROUTE_PUBLIC | ROUTE_PARTNER | ROUTE_POST, 0},
	{"GET", "/v/{token}/done", page_partner_done, ROUTE_PUBLIC | ROUTE_PARTNER, 0},
	{"GET", "/v/{token}/you-said", page_partner_you_said, ROUTE_PUBLIC | ROUTE_PARTNER, 0},
	{"GET", "/v/{token}/privacy", page_partner_privacy, ROUTE_PUBLIC | ROUTE_PARTNER, 0},
	{0},
};
