/* views_page.h: what the lead's pages of rounds of views share (views.c:
 * the list, opening a round, a round, its links; views_poster.c: posters
 * and letters; views_results.c: results, comments, agreeing;
 * views_paper.c: paper forms; org_settings.c: the organisation's
 * settings). */
#ifndef COPRO_WEB_PAGES_VIEWS_PAGE_H
#define COPRO_WEB_PAGES_VIEWS_PAGE_H

#include "domain/views.h"
#include "web/pages/pages.h"

typedef struct views_page {
	org_row org;
	view_round_row round;
	view_link_list links;
} views_page;

/* The organisation, the round {round} of the URL (another organisation's
 * is not found) and its links: 0, or the status of the error page. */
int views_page_load(request *r, views_page *pg);
/* The link {link} of the URL among the round's; NULL after writing 404. */
const view_link_row *views_page_link(request *r, const views_page *pg);
/* "/org/ORG/views/ROUND" + suffix (arena). */
const char *views_url(request *r, int64_t round, const char *suffix);
/* The whole address partners open: "https://HOST/v/TOKEN" (arena). */
const char *views_link_address(request *r, const char *token);
/* The round's state as a tag. */
void views_state_tag(request *r, const view_round_row *round);
/* The heading block: back link to the round, caption and title. */
void views_heading(request *r, const views_page *pg, const char *title);
/* A round's page failing on a domain error: 400 with the message for
 * ERR_INPUT and ERR_CONFLICT (nothing is written), else page_error. */
int views_refused(request *r, const err *e);

/* The links just made or replaced, shown this once, each with its
 * poster and letter buttons. */
void views_new_links(request *r, int64_t round, const view_new_link *links, size_t n);

/* "Views differ" between which groups, when they do (views_results.c). */
void views_differ_tag(request *r, const view_element_result *el);
/* Each group's view of one statement beside the staff's, suppressed as
 * the results are, then "views differ". */
void views_side_by_side(request *r, const view_results *res, const view_element_result *el);

#endif
