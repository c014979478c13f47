/* plan.h: rows and queries for team and service plans: the plan, each
 * statement's strengths and areas for development, the answers to a
 * cornerstone's reflective questions, the notes on organisational aspects,
 * and the actions raised from the plan. Part of the store layer; see
 * store.h for conventions. */
#ifndef COPRO_STORE_PLAN_H
#define COPRO_STORE_PLAN_H

#include "store/store.h"

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
