/* gold.h: Charter Gold. The readiness of an evaluation (copro's reading
 * of seed 001's guidance, not an award); assessors, whom an area
 * administrator invites to one evaluation until a date, read-only; the
 * assessor's comments per statement and decision; awards with their
 * reaccreditation due dates; the area's settings for both. */
#ifndef COPRO_DOMAIN_GOLD_H
#define COPRO_DOMAIN_GOLD_H

#include "domain/account.h"
#include "domain/domain.h"
#include "store/gold.h"

#define GOLD_EVIDENCE_YEARS_DEFAULT 2   /* evidence older than this needs a fresh look */
#define GOLD_AWARD_YEARS_DEFAULT 3      /* an award is due for reaccreditation after this */
#define GOLD_ACCESS_DAYS_DEFAULT 90     /* an assessor's access, unless the area says */
#define GOLD_ACCESS_DAYS_MAX 366        /* at most a year (and a leap day) */
#define GOLD_DUE_SOON_MONTHS 6          /* the area dashboard's "due soon" */

/* ---- settings ------------------------------------------------------------ */

typedef struct gold_settings {
	int evidence_years, award_years;
	bool is_default;                /* nothing saved: copro's defaults */
} gold_settings;

int gold_settings_get(domain *d, int64_t area, gold_settings *out, err *e);
int gold_settings_of_org(domain *d, int64_t org, gold_settings *out, err *e);
int gold_settings_set(domain *d, const user_row *who, int64_t area, int evidence_years,
		      int award_years, err *e);

/* ---- readiness ----------------------------------------------------------- */

/* One piece of evidence linked to a statement, and why it may not hold up. */
typedef struct gold_evidence {
	evidence_row row;
	bool old;                       /* dated before the threshold */
	bool unconfirmed;               /* carried forward, not re-confirmed */
} gold_evidence;

/* A round of partners' views that asked about the statement. */
typedef struct gold_views {
	int64_t round;
	const char *title;
	bool agreed;                    /* an agreed view is recorded */
	int groups;                     /* who took part in agreeing it */
} gold_views;

typedef struct gold_statement {
	const element_progress *progress;       /* indicators, review, groups */
	size_t examples, examples_evidenced;    /* the tool's lettered examples */
	size_t own, own_evidenced;              /* the organisation's own indicators */
	gold_evidence *evidence;
	size_t n_evidence, old, unconfirmed;
	int evidence_groups, judgement_groups;  /* GROUP_ flags */
	gold_views *views;
	size_t n_views;
	const gold_comment_row *comment;        /* the assessor's, or NULL */
	size_t gaps;                            /* what the summary counts */
} gold_statement;

typedef struct gold_cornerstone {
	const fw_section *section;
	gold_statement *statements;
	size_t n_statements;
	size_t examples, examples_evidenced, own, old, unconfirmed, gaps, statements_clear;
	int evidence_groups, judgement_groups;
} gold_cornerstone;

typedef struct gold_readiness {
	evaluation_progress progress;
	org_row org;
	gold_settings settings;
	char old_before[11];            /* evidence dated before this is old */
	gold_cornerstone *cornerstones;
	size_t n_cornerstones;
	size_t examples, examples_evidenced, own, old, unconfirmed, gaps, statements_clear;
	gold_decision_list decisions;   /* newest first */
} gold_readiness;

/* Reads evaluation `evaluation`'s readiness as of today. */
int gold_readiness_load(domain *d, int64_t evaluation, gold_readiness *out, err *e);
const gold_statement *gold_statement_find(const gold_readiness *g, const char *key);

/* ---- assessors ----------------------------------------------------------- */

typedef struct gold_invite {
	int64_t evaluation;
	const char *name, *email;
	const char *until;              /* YYYY-MM-DD; NULL: GOLD_ACCESS_DAYS_DEFAULT from today */
} gold_invite;

/* An area administrator of `area` invites an assessor to an evaluation of
 * one of the area's organisations; `token` receives the join link's
 * secret (valid 14 days). One activity line in the area's log and one in
 * the organisation's. */
int gold_invite_assessor(domain *d, const user_row *who, int64_t area, const gold_invite *in,
			 char token[65], int64_t *id, err *e);
/* Whether `token` is an assessor's unused, unexpired join link: 1 yes. */
int gold_invite_find(domain *d, const char *token, assessor_row *out, err *e);
/* Uses the link: a new account (or, for an existing account, its password
 * checked) gets the access. */
int gold_invite_accept(domain *d, const char *token, const char *email, const char *password,
		       int64_t *user, err *e);
int gold_assessors_of_area(domain *d, int64_t area, assessor_list *out, err *e);
int gold_assessors_of_user(domain *d, int64_t user, assessor_list *out, err *e);
int gold_assessor_end(domain *d, const user_row *who, int64_t area, int64_t id, err *e);
/* Whether access `a` holds today. */
bool gold_access_current(const assessor_row *a);

/* What `user` may do in `org` as an assessor: ASSESSOR_NONE (no access at
 * all), ASSESSOR_ENDED (only ended or expired ones; *a the latest) or
 * ASSESSOR_CURRENT (*a the current one). */
enum assessor_state { ASSESSOR_NONE, ASSESSOR_ENDED, ASSESSOR_CURRENT };
int gold_access_to_org(domain *d, int64_t user, int64_t org, enum assessor_state *state,
		       assessor_row *a, err *e);
/* Whether evidence `evidence` is linked to evaluation `evaluation`. */
int gold_evidence_in(domain *d, int64_t evidence, int64_t evaluation, bool *in, err *e);
/* Ends every session of `user` when they have no membership and no current
 * access left (an expired assessor): *ended says whether it did. */
int gold_sign_out_if_ended(domain *d, int64_t user, bool *ended, err *e);

/* ---- the assessor's review ------------------------------------------------ */

int gold_comment_set(domain *d, const user_row *who, const assessor_row *a, const char *element,
		     const char *comment, err *e);
int gold_comments_of(domain *d, int64_t evaluation, gold_comment_list *out, err *e);

typedef struct gold_decide {
	const char *decision;           /* "awarded" or "not-yet" */
	const char *reasons;            /* required with "not-yet" */
} gold_decide;

/* Records the decision today; an award is due for reaccreditation after
 * the area's award_years. */
int gold_decision_record(domain *d, const user_row *who, const assessor_row *a,
			 const gold_decide *in, gold_decision_row *out, err *e);
int gold_decisions_of(domain *d, int64_t org, int64_t evaluation, gold_decision_list *out, err *e);
/* The organisation's latest award, if any (1 found). */
int gold_award_of_org(domain *d, int64_t org, gold_decision_row *out, err *e);
int gold_awards_of_area(domain *d, int64_t area, gold_decision_list *out, err *e);

/* Dates: `iso` plus `years` (29 February becomes 28), plus `days`. */
void gold_add_years(const char *iso, int years, char out[11]);
void gold_add_days(const char *iso, int days, char out[11]);

#endif
