/* views_internal.h: what the partner-voice files of the domain share and
 * nothing above the domain sees. */
#ifndef COPRO_DOMAIN_VIEWS_INTERNAL_H
#define COPRO_DOMAIN_VIEWS_INTERNAL_H

#include "domain/internal.h"
#include "domain/views.h"

/* A fresh token: 32 random bytes as base64url without padding. */
void views_random_token(views_token out);
/* One activity line of the round's organisation. */
int views_log(domain *d, const user_row *who, const view_round_row *r, const char *what,
	      err *e) __attribute__((warn_unused_result));
/* Checks `element` is one of the round's elements (message names the
 * round's keys when not). */
int views_element_check(domain *d, const view_round_row *r, const char *element, err *e);
/* Free text a partner typed: NULL or blank is none (*out NULL); else at
 * most VIEWS_TEXT_MAX characters. */
int views_text_check(const char *what, const char *text, const char **out, err *e);
/* VIEW_NO_RATING, or a value of the round's scale. */
int views_rating_check(const view_round_row *r, int rating, err *e);
/* Round `round` and its link `link` (another round's is not found). */
int views_round_link(domain *d, int64_t round, int64_t link, view_round_row *r,
		     view_link_row *l, err *e);
/* A who's name for rows that keep one ("copro" for the command line). */
const char *views_who_name(const user_row *who);

#endif
