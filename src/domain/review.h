/* review.h: plan, do, review: the actions list in working order, reviews
 * of actions, "You said, we did", starting the next cycle from the last one
 * and comparing the two. Each write validates everything first, then runs
 * in one transaction. */
#ifndef COPRO_DOMAIN_REVIEW_H
#define COPRO_DOMAIN_REVIEW_H

#include "domain/domain.h"

/* ---- the actions list -------------------------------------------------- */

/* Where an action came from, for filters: "statement", "audit", "measure",
 * "plan" or "none". */
const char *action_source_kind(const action_row *a);
/* Open (or in progress) and due in the month of `today`, not yet late. */
bool action_due_this_month(const action_row *a, const char *today);
/* 0 overdue, 1 due this month, 2 the rest still open, 3 done or dropped. */
int action_rank(const action_row *a, const char *today);
/* Sorts in place: overdue first, then due this month, then the rest by due
 * date (none last), finished ones at the end. */
void actions_order(action_list *list, const char *today);
/* Keeps only the actions from `source` (a kind above) with `status`;
 * NULL or "" keeps all. -1 with a message on an unknown filter. */
int actions_filter(action_list *list, const char *source, const char *status, err *e);

/* ---- reviews of actions ------------------------------------------------ */

typedef struct action_review_input {
	int64_t action_id;
	const char *reviewed_on;        /* YYYY-MM-DD, today or earlier */
	const char *what_happened;      /* required */
	int groups;                     /* partner groups who took part */
	const int64_t *evidence;        /* from the organisation's library */
	size_t n_evidence;
	const int64_t *readings;        /* readings no review has yet */
	size_t n_readings;
	const char *next_review_on;     /* NULL: leave the action's review date */
	const char *status;             /* NULL: leave the action's status */
} action_review_input;

int action_review_add(domain *d, const action_review_input *in, int64_t *id, err *e);

/* ---- "You said, we did" ----------------------------------------------- */

/* Checks the fields (said and its date required; what was done needs to
 * be there before it is published; a linked action must be the
 * organisation's). */
int you_said_validate(domain *d, const you_said_row *y, err *e);
int you_said_add(domain *d, you_said_row *y, int64_t *id, err *e);
int you_said_edit(domain *d, const you_said_row *y, err *e);
int you_said_get(domain *d, int64_t id, you_said_row *out, err *e);
int you_said_get_in_org(domain *d, int64_t org, int64_t id, you_said_row *out, err *e);
/* Newest first; `published_only` leaves out what is not published yet. */
int you_said_of_org(domain *d, int64_t org, bool published_only, you_said_list *out, err *e);

/* ---- what an action's review can point at ------------------------------ */

int action_reviews_of_action(domain *d, int64_t action, action_review_list *out, err *e);
int action_reviews_of_org(domain *d, int64_t org, action_review_list *out, err *e);
int review_evidence_of_org(domain *d, int64_t org, review_evidence_list *out, err *e);
int readings_of_org(domain *d, int64_t org, reading_pick_list *out, err *e);
/* Names of the organisation's plans and measures (every cycle's, or one
 * cycle's measures), for words such as "from plan 2026-27". */
int plan_names_of_org(domain *d, int64_t org, source_name_list *out, err *e);
int measure_names_of_org(domain *d, int64_t org, source_name_list *out, err *e);
int measures_of_cycle(domain *d, int64_t org, const char *cycle, source_name_list *out, err *e);
/* Links carried into an evaluation from its previous cycle. */
int carried_links(domain *d, int64_t evaluation, carried_list *out, err *e);

/* ---- the next cycle ---------------------------------------------------- */

typedef struct next_cycle_input {
	int64_t evaluation;             /* the cycle to start from */
	const char *cycle;              /* the new cycle's label */
	bool some_measures;             /* false: carry every measure of the old cycle */
	const int64_t *measures;        /* with some_measures: these only */
	size_t n_measures;
} next_cycle_input;

typedef struct next_cycle_result {
	int64_t evaluation;             /* the new one */
	size_t links, links_dropped;    /* dropped: indicators the instrument no longer has */
	size_t own_indicators, measures;
	size_t open_actions;            /* the organisation's, still open */
} next_cycle_result;

int evaluation_next_cycle(domain *d, const next_cycle_input *in, next_cycle_result *out, err *e);

/* Confirms the carried links of one statement (evidence 0: all of them).
 * *n is how many were confirmed. */
int statement_confirm(domain *d, int64_t evaluation, const char *element, int64_t evidence,
		      size_t *n, err *e);

/* ---- comparing two cycles ---------------------------------------------- */

typedef struct element_change {
	const fw_element *element;      /* from this cycle's instrument */
	bool in_previous;               /* the earlier version had it */
	size_t indicators_before, indicators_after;
	size_t evidenced_before, evidenced_after;
	const char *status_before, *status_after;
	int groups_before, groups_after;
	size_t to_confirm;              /* carried links still to re-confirm */
} element_change;

typedef struct section_change {
	const fw_section *section;
	element_change *elements;
	size_t n_elements;
	size_t indicators_before, indicators_after, evidenced_before, evidenced_after;
	size_t complete_before, complete_after;
	int groups_before, groups_after;
} section_change;

typedef struct comparison {
	evaluation_progress after;      /* this cycle */
	evaluation_progress before;     /* the previous one (when has_previous) */
	bool has_previous;
	section_change *sections;
	size_t n_sections;
	size_t evidenced_before, evidenced_after, complete_before, complete_after;
	size_t to_confirm;
} comparison;

int evaluation_compare(domain *d, int64_t evaluation, comparison *c, err *e);
/* "3 more indicators evidenced", "1 fewer indicator evidenced", "no change". */
const char *change_words(arena *a, size_t before, size_t after, const char *one,
			 const char *many);
/* A statement's status in words: "complete", "in progress", "not started". */
const char *review_status_words(const char *status);
/* "now complete", "still in progress", "no longer complete" ... */
const char *status_change_words(arena *a, const char *before, const char *after);
/* "now also parent carers", "no longer practitioners", "no change". */
const char *groups_change_words(arena *a, int before, int after);

#endif
