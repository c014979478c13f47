/* partner.h: the frame of the pages partners see without an account (a
 * round of views, under /v/{token}): plain and large, no staff header or
 * navigation, the organisation's name, a language switch, and on every
 * page who to tell when worried and the round's privacy notice. Every
 * word goes through tr() in r->lang. */
#ifndef COPRO_WEB_PARTNER_H
#define COPRO_WEB_PARTNER_H

#include "domain/views.h"
#include "web/web.h"

typedef struct partner_frame {
	const char *org_name;           /* NULL on the page of an unknown link */
	const char *safeguarding;       /* the organisation's name or role to tell; NULL or "" */
	const char *base;               /* "/v/TOKEN": privacy and language links; NULL if none */
	const char *link_lang;          /* the language the lead chose for the link */
	bool easy_read;                 /* larger text and spacing */
	bool kept;                      /* the page holds what the partner wrote,
					 * which a language link (a GET) would lose */
} partner_frame;

void partner_page_begin(request *r, const partner_frame *p, const char *title);
void partner_page_end(request *r, const partner_frame *p);
/* A whole page in the frame, for a link that is unknown (404), closed
 * (410), too busy (429) or sent what cannot be read; returns status. */
int partner_error_page(request *r, const partner_frame *p, int status, const char *title,
		       const char *message);
/* A partner's answer the database did not save (change.c): 503 in the
 * partner's words, with Retry-After when it was busy (lost at every try),
 * and what they sent kept in a form that sends it again, so nothing they
 * typed is lost; what they wrote or chose is shown, as on the answer
 * form, for them to see and change (partner_form.c). */
void partner_not_saved(request *r, bool busy);
/* The answer form's pieces, shared with the page above: the round's
 * answers as radios, `chosen` checked; a box for the partner's own words
 * (GOV.UK's character count, whose hint says the limit without
 * JavaScript), with its error when there is one. */
void partner_rating_radios(request *r, const view_round_row *round, int chosen);
void partner_comment_box(request *r, const char *name, const char *label, const char *value,
			 const char *error);
/* `text` (a tr() of words with "{name}" in them) with "{name}" replaced
 * by `value`, as text (escaped when written, like any other), so that a
 * translation may move the value and no translated text is ever a format
 * string. */
const char *tr_fill(request *r, const char *text, const char *name, const char *value);
/* Sets r->lang for a partner page: the "lang" of the query when it is an
 * available language, else the link's when available, else British
 * English (i18n_pick); answers it. */
const char *partner_lang(request *r, const char *link_lang);
/* "/v/TOKEN", the link's own address, of a request under /v/ (for the
 * privacy notice of a page drawn without its handler's frame); NULL for
 * any other address. */
const char *partner_base(request *r);

#endif
