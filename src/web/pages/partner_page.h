/* partner_page.h: what the partner page files share (partner.c: the start,
 * privacy, confirmation and "You said, we did" pages; partner_answer.c:
 * the questions and "Check your answers"): the link a page is for, the
 * partner's response, the round's questions, addresses in the reader's
 * language, and the error summary and messages in their words. */
#ifndef COPRO_WEB_PAGES_PARTNER_PAGE_H
#define COPRO_WEB_PAGES_PARTNER_PAGE_H

#include "domain/views.h"
#include "web/i18n.h"
#include "web/pages/pages.h"
#include "web/partner.h"

typedef struct partner_ctx {
	const char *token;              /* the link's token, as in the URL */
	view_visit v;
	partner_frame frame;
	framework *fw;                  /* the instrument as the round stored it */
	view_element_list elements;
	bool has_response;              /* the cookie names a response of this link */
	view_response_row response;
} partner_ctx;

/* The link in the URL, its round, its questions and the partner's
 * response: 0, or the status of the page written: 404 for an unknown
 * link, 410 for a closed or full one when `need_open`. */
int partner_load(request *r, partner_ctx *c, bool need_open);
/* After partner_load, for pages of a response being answered: 0 when
 * the cookie names a draft of this link, else a 303 to the start page
 * (or to the confirmation, when it has been sent). */
int partner_need_draft(request *r, partner_ctx *c);
/* "/v/TOKEN" + `suffix`, with "?lang=" when the reader chose a language
 * other than the link's (arena). */
const char *partner_url(request *r, const partner_ctx *c, const char *suffix);
/* Question `n` (1 ..): "/q/N" + more (arena). */
const char *partner_question_url(request *r, const partner_ctx *c, size_t n, const char *more);
/* 500 (or 503 when busy) in the partner frame: nothing was saved. */
int partner_failed(request *r, partner_ctx *c);
/* The words of question `i` (0 ..): the statement (or principle) and what
 * it means; in easy read the round's own text, then copro's, then the
 * source's (when neither exists). */
void partner_statement(request *r, const partner_ctx *c, size_t i);
/* In an easy-read round, the easy-read words of question `i` in the
 * reader's language; NULL otherwise (or when it has none). */
const char *partner_easy_text(request *r, const partner_ctx *c, size_t i);
/* The statement's short title, for "Check your answers". */
const char *partner_statement_title(const partner_ctx *c, size_t i);
/* The error summary of one field (nothing when msg is NULL). */
void partner_error_summary(request *r, const char *field, const char *msg);
/* The page's <h1> inside a legend, or alone. */
void partner_form_open(request *r, const partner_ctx *c, const char *action);
void partner_form_close(request *r, const char *button);


#endif
