/* views.h: rows and queries of partner voice: rounds of views, their
 * elements and links, responses and answers, agreed views, and the
 * organisation's and area's settings. Part of the store layer; see
 * store.h. */
#ifndef COPRO_STORE_VIEWS_H
#define COPRO_STORE_VIEWS_H

#include "store/store.h"

/* rounds and their elements */
int store_view_round_insert(store *s, const view_round_row *r, int64_t *id, err *e);
/* Title, wording, language, dates, closed, cap, evidence_id and updated_at. */
int store_view_round_update(store *s, const view_round_row *r, err *e);
int store_view_round_get(store *s, arena *a, int64_t id, view_round_row *out, err *e);
int store_view_rounds_of_org(store *s, arena *a, int64_t org, view_round_list *out, err *e);
int store_view_element_insert(store *s, const view_element_row *r, err *e);
int store_view_elements(store *s, arena *a, int64_t round, view_element_list *out, err *e);
/* 1 when the element was the round's (and its text changed), 0 when not. */
int store_view_element_set_easy_read(store *s, int64_t round, const char *element,
				     const char *text, err *e);

/* links */
int store_view_link_insert(store *s, const view_link_row *l, int64_t *id, err *e);
/* With each link's submitted responses counted. */
int store_view_links(store *s, arena *a, int64_t round, view_link_list *out, err *e);
int store_view_link_get(store *s, arena *a, int64_t id, view_link_row *out, err *e);
int store_view_link_by_hash(store *s, arena *a, const char *hash, view_link_row *out, err *e);
/* 1 when link `id` of `round` got the new hash, 0 when there is none. */
int store_view_link_rehash(store *s, int64_t round, int64_t id, const char *hash,
			   const char *now, err *e);

/* responses and answers */
int store_view_response_insert(store *s, const view_response_row *r, int64_t *id, err *e);
int store_view_response_get(store *s, arena *a, int64_t id, view_response_row *out, err *e);
int store_view_response_by_cookie(store *s, arena *a, const char *hash, view_response_row *out,
				  err *e);
/* 1 when the draft became submitted, 0 when it was not a draft. */
int store_view_response_submit(store *s, int64_t id, const char *now, err *e);
int store_view_responses_of_round(store *s, arena *a, int64_t round, view_response_list *out,
				  err *e);
/* Inserts or replaces the answer's rating and text (never its review). */
int store_view_answer_put(store *s, const view_answer_row *r, err *e);
int store_view_answers_of_response(store *s, arena *a, int64_t response, view_answer_list *out,
				   err *e);
/* Submitted answers with free text of a round, oldest response first. */
int store_view_comments(store *s, arena *a, int64_t round, view_answer_list *out, err *e);
/* Every answer of every submitted response of a round. */
int store_view_answers_of_round(store *s, arena *a, int64_t round, view_answer_list *out,
				err *e);
int store_view_answer_get(store *s, arena *a, int64_t round, int64_t response,
			  const char *element, view_answer_row *out, err *e);
/* Sets reviewed_* (1 done, 0 no such answer) and flagged_* (at NULL clears). */
int store_view_answer_review(store *s, int64_t response, const char *element, int64_t by,
			     const char *at, err *e);
int store_view_answer_flag(store *s, int64_t response, const char *element, int64_t by,
			   const char *by_name, const char *at, err *e);
/* Counts of submitted ratings per link and element of a round. */
int store_view_counts(store *s, arena *a, int64_t round, view_count_list *out, err *e);

/* "You said, we did" records made from comments: the round of one (1
 * found, 0 not) */
int store_view_you_said_insert(store *s, int64_t you_said, int64_t round, int64_t response,
			       const char *element, err *e);
int store_view_you_said_round(store *s, int64_t you_said, int64_t *round, err *e);
/* Of one round: each record's place among its organisation's "You said"
 * records in id order (1, 2, ...: their order in an export) and element. */
typedef struct view_you_said_row {
	int64_t place;
	const char *element_key;
} view_you_said_row;
typedef STORE_LIST(view_you_said_row) view_you_said_list;
int store_view_you_said_of_round(store *s, arena *a, int64_t round, view_you_said_list *out,
				 err *e);
/* The id of the organisation's `place`-th "You said" record in id order. */
int store_you_said_at(store *s, int64_t org, int64_t place, int64_t *id, err *e);

/* agreed views */
int store_view_agreed_put(store *s, const view_agreed_row *r, err *e);
int store_view_agreed_of_round(store *s, arena *a, int64_t round, view_agreed_list *out,
			       err *e);

/* settings: 1 found, 0 none saved */
int store_view_org_setting_get(store *s, arena *a, int64_t org, view_org_setting_row *out,
			       err *e);
int store_view_org_setting_put(store *s, const view_org_setting_row *r, err *e);
int store_view_area_setting_get(store *s, arena *a, int64_t area, view_area_setting_row *out,
				err *e);
int store_view_area_setting_put(store *s, const view_area_setting_row *r, err *e);

/* Submitted responses since `since` (an ISO time) per organisation of the
 * area and partner group, by organisation name. */
int store_view_area_counts(store *s, arena *a, int64_t area, const char *since,
			   view_area_count_list *out, err *e);

/* retention: per organisation, the answers with free text from responses
 * submitted (or drafts started) before `cutoff` (an ISO time): counted,
 * then cleared. */
typedef struct view_purge_row {
	int64_t organisation_id;
	int retention_months;
} view_purge_row;
typedef STORE_LIST(view_purge_row) view_purge_list;
/* Every organisation that has a round, with its retention (default 24). */
int store_view_purge_orgs(store *s, arena *a, int default_months, view_purge_list *out, err *e);
int store_view_text_purge(store *s, int64_t org, const char *cutoff, int64_t *n, err *e);

#endif
