/* review.h: rows and queries for plan, do, review: reviews of actions (with
 * their evidence and readings), "You said, we did", and what a new cycle
 * carries forward (evidence links, own indicators, measures). Part of the
 * store layer; see store.h. */
#ifndef COPRO_STORE_REVIEW_H
#define COPRO_STORE_REVIEW_H

#include "store/store.h"

/* action reviews (store/review.c) */
int store_action_review_insert(store *s, const action_review_row *r, int64_t *id, err *e);
/* Newest review first. */
int store_action_reviews_of_action(store *s, arena *a, int64_t action, action_review_list *out,
				   err *e);
int store_action_reviews_of_org(store *s, arena *a, int64_t org, action_review_list *out, err *e);
int store_action_review_evidence_add(store *s, int64_t review, int64_t evidence, err *e);
int store_review_evidence_of_org(store *s, arena *a, int64_t org, review_evidence_list *out,
				 err *e);
/* Readings of the organisation's metrics, newest first. */
int store_readings_of_org(store *s, arena *a, int64_t org, reading_pick_list *out, err *e);
int store_reading_pick_get(store *s, arena *a, int64_t id, reading_pick_row *out, err *e);
/* Ties a reading no review has yet to `review`: 1 done, 0 it had one. */
int store_reading_set_review(store *s, int64_t reading, int64_t review, err *e);

/* "You said, we did" (store/review.c) */
int store_you_said_insert(store *s, const you_said_row *y, int64_t *id, err *e);
int store_you_said_update(store *s, const you_said_row *y, err *e);
int store_you_said_get(store *s, arena *a, int64_t id, you_said_row *out, err *e);
/* Newest said_on first; `published_only` for the notice. */
int store_you_said_list(store *s, arena *a, int64_t org, bool published_only, you_said_list *out,
			err *e);

/* Plans and measures as sources of actions (store/review.c) */
int store_plan_names(store *s, arena *a, int64_t org, source_name_list *out, err *e);
int store_measure_names(store *s, arena *a, int64_t org, source_name_list *out, err *e);
int store_plan_name(store *s, arena *a, int64_t id, source_name_row *out, err *e);
int store_measure_name(store *s, arena *a, int64_t id, source_name_row *out, err *e);

/* Cycles (store/evidence.c and store/evaluation.c) */
/* The evaluation a cycle started from: 1 and *previous, 0 when none. */
int store_evaluation_previous(store *s, int64_t evaluation, int64_t *previous, err *e);
/* The evaluation a cycle started from and the newest started from it, as
 * a list of one (none when there is no evaluation `evaluation`), so it can
 * be asked with other reads (store_reads_begin). */
int store_evaluation_neighbours(store *s, arena *a, int64_t evaluation, neighbours_list *out,
				err *e);
int store_evaluation_set_previous(store *s, int64_t evaluation, int64_t previous, err *e);
/* A link carried forward: carried = 1, not yet confirmed. */
int store_link_add_carried(store *s, const link_row *l, err *e);
int store_carried_links(store *s, arena *a, int64_t evaluation, carried_list *out, err *e);
/* Confirms the carried links of a statement (evidence 0: all of them);
 * *n is how many changed. */
int store_links_confirm(store *s, int64_t evaluation, const char *element, int64_t evidence,
			const char *now, size_t *n, err *e);
/* Copies measure `id` into `cycle` (carried_from = id) with its metrics,
 * never its readings; *copy is the new measure. */
int store_measure_carry(store *s, int64_t id, const char *cycle, const char *now, int64_t *copy,
			err *e);
int store_measures_of_cycle(store *s, arena *a, int64_t org, const char *cycle,
			    source_name_list *out, err *e);

#endif
