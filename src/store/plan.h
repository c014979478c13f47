/* plan.h: rows and queries for team and service plans: the plan, each
 * statement's strengths and areas for development, the answers to a
 * cornerstone's reflective questions, the notes on organisational aspects,
 * and the actions raised from the plan. Part of the store layer; see
 * store.h for conventions. */
#ifndef COPRO_STORE_PLAN_H
#define COPRO_STORE_PLAN_H

#include "store/store.h"

typedef struct plan_row {
	int64_t id, organisation_id;
	const char *framework_hash;     /* the stored version of the plan instrument */
	const char *title, *cycle;
	int64_t seeded_from;            /* the evaluation it was seeded from; 0: none */
	const char *created_at, *updated_at;
	int statements;                 /* joined on reads: statements with any text */
	const char *seed_cycle;         /* joined on reads: the seed's cycle, or NULL */
} plan_row;

typedef struct plan_statement_row {
	int64_t plan_id;
	const char *element_key, *strengths, *areas, *updated_at;
} plan_statement_row;

typedef struct plan_answer_row {
	int64_t plan_id;
	const char *section_key, *question_key, *answer, *updated_at;
} plan_answer_row;

typedef struct plan_aspect_row {
	int64_t plan_id;
	const char *aspect_key, *note, *updated_at;
} plan_aspect_row;

/* An action raised from a plan, as the plan's pages show it. */
typedef struct plan_action_row {
	int64_t id;
	const char *element_key, *title, *owner, *due_on, *status;
} plan_action_row;

typedef STORE_LIST(plan_row) plan_list;
typedef STORE_LIST(plan_statement_row) plan_statement_list;
typedef STORE_LIST(plan_answer_row) plan_answer_list;
typedef STORE_LIST(plan_aspect_row) plan_aspect_list;
typedef STORE_LIST(plan_action_row) plan_action_list;

int store_plan_insert(store *s, const plan_row *r, int64_t *id, err *e);
int store_plan_get(store *s, arena *a, int64_t id, plan_row *out, err *e);
/* An organisation's plans, newest first. */
int store_plan_list(store *s, arena *a, int64_t org, plan_list *out, err *e);
/* Sets updated_at alone, after a change to a part of the plan. */
int store_plan_touch(store *s, int64_t id, const char *now, err *e);

/* Insert or replace one row of the plan. */
int store_plan_statement_put(store *s, const plan_statement_row *r, err *e);
int store_plan_answer_put(store *s, const plan_answer_row *r, err *e);
int store_plan_aspect_put(store *s, const plan_aspect_row *r, err *e);
int store_plan_statement_list(store *s, arena *a, int64_t plan, plan_statement_list *out,
			      err *e);
int store_plan_answer_list(store *s, arena *a, int64_t plan, plan_answer_list *out, err *e);
int store_plan_aspect_list(store *s, arena *a, int64_t plan, plan_aspect_list *out, err *e);

/* Records that action `action` was raised from plan `plan` (action_item's
 * source_plan_id); answers 1 when the action exists, 0 when not. */
int store_plan_action_link(store *s, int64_t action, int64_t plan, err *e);
/* The actions raised from a plan, oldest first. */
int store_plan_action_list(store *s, arena *a, int64_t plan, plan_action_list *out, err *e);

/* The id of the organisation's latest evaluation with instrument
 * `framework` (highest cycle, then latest updated): 1 found, 0 none. */
int store_plan_latest_evaluation(store *s, int64_t org, const char *framework, int64_t *id,
				 err *e);

#endif
