/* partner.h: the frame of the pages partners see without an account (a
 * round of views, under /v/{token}): plain and large, no staff header or
 * navigation, the organisation's name, a language switch, and on every
 * page who to tell when worried and the round's privacy notice. Every
 * word goes through tr() in r->lang. */
#ifndef COPRO_WEB_PARTNER_H
#define COPRO_WEB_PARTNER_H

#include "web/web.h"

typedef struct partner_frame {
	const char *org_name;           /* NULL on the page of an unknown link */
	const char *safeguarding;       /* the organisation's name or role to tell; NULL or "" */
	const char *base;               /* "/v/TOKEN": privacy and language links; NULL if none */
	const char *link_lang;          /* the language the lead chose for the link */
	bool easy_read;                 /* larger text and spacing */
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
 * typed is lost. */
void partner_not_saved(request *r, bool busy);
/* `text` (a tr() of words with "{name}" in them) with "{name}" replaced
 * by `value`, as text (escaped when written, like any other), so that a
 * translation may move the value and no translated text is ever a format
 * string. */
const char *tr_fill(request *r, const char *text, const char *name, const char *value);
/* Sets r->lang for a partner page: the "lang" of the query when it is an
 * available language, else the link's when available, else British
 * English (i18n_pick); answers it. */
const char *partner_lang(request *r, const char *link_lang);

#endif
