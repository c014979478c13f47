/* review.h: rows and queries for plan, do, review: reviews of actions (with
 * their evidence and readings), "You said, we did", and what a new cycle
 * carries forward (evidence links, own indicators, measures). Part of the
 * store layer; see store.h. */
#ifndef COPRO_STORE_REVIEW_H
#define COPRO_STORE_REVIEW_H

#include "store/store.h"

typedef struct action_review_row {
	int64_t id, action_id;
	const char *reviewed_on, *what_happened;
	int groups;
	const char *created_at;
} action_review_row;

/* Evidence attached to a review, with the review it belongs to. */
typedef struct review_evidence_row {
	int64_t review_id, evidence_id;
	const char *title, *date;
} review_evidence_row;

/* A reading of one of the organisation's metrics, for choosing it in a
 * review; review_id 0 when no review has it yet. */
typedef struct reading_pick_row {
	int64_t id, metric_id, measure_id, organisation_id, review_id;
	const char *metric, *taken_on;
	double value;
} reading_pick_row;

typedef struct you_said_row {
	int64_t id, organisation_id;
	const char *said, *did, *said_on, *did_on;  /* did_on NULL when not done yet */
	int groups;
	bool published;
	int64_t action_id;              /* 0: not linked */
	const char *created_at, *updated_at;
} you_said_row;

/* Something an action can come from, named: a plan (its title) or a
 * measure (its own wording, or its catalogue key). */
typedef struct source_name_row {
	int64_t id, organisation_id;
	const char *name;               /* plan title, or a measure's own text */
	const char *key;                /* a measure's catalogue key; NULL otherwise */
	const char *cornerstone;        /* a measure's cornerstone; NULL for plans */
	const char *cycle;
} source_name_row;

/* A link carried forward from an earlier cycle. */
typedef struct carried_row {
	int64_t evidence_id;
	const char *element_key, *indicator_key;
	const char *confirmed_at;       /* NULL: still to be re-confirmed */
} carried_row;

typedef STORE_LIST(action_review_row) action_review_list;
typedef STORE_LIST(review_evidence_row) review_evidence_list;
typedef STORE_LIST(reading_pick_row) reading_pick_list;
typedef STORE_LIST(you_said_row) you_said_list;
typedef STORE_LIST(source_name_row) source_name_list;
typedef STORE_LIST(carried_row) carried_list;

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
/* The newest evaluation started from this one: 1 and *next, 0 when none. */
int store_evaluation_next(store *s, int64_t evaluation, int64_t *next, err *e);
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
