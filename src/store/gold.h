/* gold.h: the rows of Charter Gold (domain/gold.h): the area's settings,
 * assessors and their access, the assessor's comments and decisions. Part
 * of the store layer; see store.h. */
#ifndef COPRO_STORE_GOLD_H
#define COPRO_STORE_GOLD_H

#include "store/store.h"

typedef struct gold_setting_row {
	int64_t area_id;
	int evidence_years;             /* evidence older than this is "old" */
	int award_years;                /* an award is due for reaccreditation after this */
	const char *updated_at;
} gold_setting_row;

/* An assessor's access to one evaluation, with the organisation's name and
 * the evaluation's cycle (read only). */
typedef struct assessor_row {
	int64_t id, organisation_id, evaluation_id;
	int64_t user_id;                /* 0 until the invitation is used */
	const char *name, *email;
	const char *token_hash;         /* NULL once used */
	const char *invite_expires_at;  /* ISO time the join link stops working */
	const char *until;              /* YYYY-MM-DD: the last day of access */
	const char *ended_at;           /* ended early by the area; NULL: not */
	int64_t created_by;
	const char *created_at;
	const char *org_name, *cycle;
} assessor_row;

typedef struct gold_comment_row {
	int64_t evaluation_id;
	const char *element_key, *comment, *author, *updated_at;
} gold_comment_row;

typedef struct gold_decision_row {
	int64_t id, organisation_id, evaluation_id;
	const char *decision;           /* "awarded" or "not-yet" */
	const char *reasons, *decided_on;
	const char *due_on;             /* awarded: reaccreditation due; else NULL */
	const char *assessor, *created_at;
	const char *org_name, *cycle;
} gold_decision_row;

typedef STORE_LIST(assessor_row) assessor_list;
typedef STORE_LIST(gold_comment_row) gold_comment_list;
typedef STORE_LIST(gold_decision_row) gold_decision_list;

int store_gold_setting_get(store *s, arena *a, int64_t area, gold_setting_row *out, err *e);
int store_gold_setting_put(store *s, const gold_setting_row *r, err *e);

int store_assessor_insert(store *s, const assessor_row *r, int64_t *id, err *e);
/* The assessor whose unused join link has this hash: 1 found, 0 not. */
int store_assessor_by_token(store *s, arena *a, const char *hash, assessor_row *out, err *e);
/* Marks the link used by `user`; 1 when it was still unused. */
int store_assessor_join(store *s, int64_t id, int64_t user, err *e);
int store_assessor_get(store *s, arena *a, int64_t id, assessor_row *out, err *e);
/* A user's accesses: to organisation `org` (0: every organisation). */
int store_assessors_of_user(store *s, arena *a, int64_t user, int64_t org, assessor_list *out,
			    err *e);
int store_assessors_of_area(store *s, arena *a, int64_t area, assessor_list *out, err *e);
/* Ends access `id` of an organisation of `area` at `now`; 1 when it did. */
int store_assessor_end(store *s, int64_t area, int64_t id, const char *now, err *e);
/* How many links join evidence `evidence` to evaluation `evaluation`. */
int store_evidence_links_in(store *s, int64_t evidence, int64_t evaluation, int64_t *n, err *e);

int store_gold_comment_put(store *s, const gold_comment_row *r, err *e);
int store_gold_comments_of(store *s, arena *a, int64_t evaluation, gold_comment_list *out, err *e);

int store_gold_decision_insert(store *s, const gold_decision_row *r, int64_t *id, err *e);
/* Decisions on an evaluation (0: every evaluation of `org`), newest first. */
int store_gold_decisions_of(store *s, arena *a, int64_t org, int64_t evaluation,
			    gold_decision_list *out, err *e);
/* Each organisation's latest award in the area, soonest due first. */
int store_gold_awards_of_area(store *s, arena *a, int64_t area, gold_decision_list *out, err *e);

#endif
