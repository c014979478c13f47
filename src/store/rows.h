/* rows.h: the records copro keeps, as the store reads and writes them:
 * one struct per row, lists of them, and the filters queries take. The
 * domain and the layers above see only these types, never the queries
 * (store.h and its siblings), so the domain is the one door to the data. */
#ifndef COPRO_STORE_ROWS_H
#define COPRO_STORE_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"

/* The database connection; only src/store looks inside it. */
typedef struct store store;

/* Lists: an array from the arena and its length. */
#define STORE_LIST(T) struct { T *items; size_t n; }

/* ---- core records (store/org.c, evaluation.c, evidence.c, action.c) ---- */

/* Partner groups, as flags: who took part in a piece of evidence or a
 * judgement. */
enum {
	GROUP_CYP = 1,           /* children and young people */
	GROUP_PARENTS = 2,       /* parent carers */
	GROUP_PRACTITIONERS = 4  /* practitioners, leaders and governors */
};

typedef struct org_row {
	int64_t id;
	const char *name, *type, *sector, *area;
	const char *urn, *ukprn, *ods_code, *opened_on, *closed_on;
	const char *created_at, *updated_at;
} org_row;

typedef struct evaluation_row {
	int64_t id, organisation_id;
	const char *framework_id, *framework_hash, *cycle, *status;
	const char *created_at, *updated_at;
} evaluation_row;

typedef struct evidence_row {
	int64_t id, organisation_id;
	const char *title, *description, *date, *url;
	int groups;
	const char *created_at, *updated_at;
} evidence_row;

typedef struct link_row {
	int64_t evidence_id, evaluation_id;
	const char *element_key, *indicator_key, *created_at;
	int groups;             /* the evidence's partner groups */
} link_row;

/* How many pieces of evidence are linked to one indicator of an
 * evaluation, and their partner groups together. */
typedef struct link_count_row {
	const char *element_key, *indicator_key;
	int64_t evidence;
	int groups;
} link_count_row;

typedef struct review_row {
	int64_t evaluation_id;
	const char *element_key, *strengths, *areas, *status;
	int groups;
	const char *updated_at;
} review_row;

typedef struct own_indicator_row {
	int64_t id, evaluation_id;
	const char *element_key, *key, *text, *created_at;
} own_indicator_row;

typedef struct action_row {
	int64_t id, organisation_id;
	const char *title, *owner, *due_on, *review_on, *status;
	int64_t source_evaluation_id;   /* 0: none */
	const char *source_element_key;
	int64_t source_audit_id;        /* 0: none; else the audit it came from */
	int64_t source_plan_id;         /* 0: none; else the plan it came from */
	int64_t source_measure_id;      /* 0: none; else the success measure */
	const char *created_at, *updated_at;
} action_row;

typedef STORE_LIST(org_row) org_list;
typedef STORE_LIST(evaluation_row) evaluation_list;
typedef STORE_LIST(evidence_row) evidence_list;
typedef STORE_LIST(link_row) link_list;
typedef STORE_LIST(link_count_row) link_count_list;
/* One link of a statement with what the statement's page shows of its
 * evidence item (its organisation, title, date and partner groups) and
 * whether it was carried forward from the earlier cycle. */
typedef struct statement_link_row {
	int64_t evidence_id;
	const char *indicator_key, *created_at;
	int64_t carried;                /* 1: carried forward */
	const char *confirmed_at;       /* NULL: still to be re-confirmed */
	int64_t organisation_id;
	const char *title, *date;
	int groups;
} statement_link_row;
typedef STORE_LIST(statement_link_row) statement_link_list;
typedef STORE_LIST(review_row) review_list;
typedef STORE_LIST(own_indicator_row) own_indicator_list;
/* The evaluation a cycle started from and the newest started from it (0:
 * none). */
typedef struct neighbours_row {
	int64_t previous, next;
} neighbours_row;
typedef STORE_LIST(neighbours_row) neighbours_list;
typedef STORE_LIST(action_row) action_list;

/* The evidence library narrowed down; NULL or 0 leaves a filter out. */
typedef struct evidence_filter {
	const char *from, *to;          /* evidence dates, inclusive (YYYY-MM-DD) */
	int groups;                     /* items where every one of these groups took part */
	const char *element;            /* linked to an indicator of this statement ... */
	const char *indicator;          /* ... and this indicator (NULL: any of it) */
} evidence_filter;

/* An item as the library lists it: no description or link, and how many
 * indicators it counts for. */
typedef struct library_row {
	int64_t id;
	const char *title, *date;
	int groups;
	int64_t links;
	int64_t total;                  /* the items found, whatever the limit */
} library_row;
typedef STORE_LIST(library_row) library_list;

/* ---- store/account.c ---- */

typedef struct user_row {
	int64_t id;
	const char *email, *name, *password_hash, *created_at;
} user_row;

typedef struct membership_row {
	int64_t id, user_id, area_id, organisation_id;
	const char *role, *partner_group, *created_at;
	const char *user_name, *user_email;     /* joined, for lists */
	const char *place_name;                 /* the organisation's or area's name */
	const char *user_disabled_at;           /* NULL unless the account is turned off */
	int64_t org_area_id;                    /* read: the organisation's area (0 for an
						 * area's membership, or one in none) */
} membership_row;

typedef struct session_row {
	const char *token_hash;
	int64_t user_id;
	const char *csrf_token, *created_at, *last_seen_at;
	user_row user;          /* its account, read in the same query */
	bool two_factor_missing;        /* read with it (store_session_get) */
} session_row;

typedef struct invitation_row {
	const char *token_hash;
	int64_t organisation_id;
	const char *role, *partner_group, *name;
	int64_t created_by;
	const char *created_at, *expires_at, *used_at;
} invitation_row;

typedef struct activity_row {
	int64_t id;
	const char *at;
	int64_t user_id, area_id, organisation_id;
	const char *user_name, *what;
} activity_row;

/* A token for the area's read-only JSON API; only its SHA-256 is kept. */
typedef struct api_token_row {
	int64_t id, area_id, created_by;
	const char *name, *token_hash, *created_at, *last_used_at, *revoked_at;
	const char *expires_at;         /* refused from then on */
} api_token_row;

typedef STORE_LIST(membership_row) membership_list;
typedef STORE_LIST(session_row) session_list;
typedef STORE_LIST(api_token_row) api_token_list;
typedef STORE_LIST(activity_row) activity_list;
typedef STORE_LIST(user_row) user_list;

/* ---- store/area.c ---- */

/* Narrows every query to some organisations; NULL leaves a filter out. */
typedef struct picture_filter {
	const char *sector;             /* organisation.sector */
	const char *type;               /* organisation.type (the service type) */
} picture_filter;

/* The dates the questions are asked about (YYYY-MM-DD, inclusive). */
typedef struct picture_window {
	const char *today;
	const char *since;              /* "audited recently": dated on or after this */
	const char *year_from, *year_to;        /* "projects this year": starting in these */
	const char *framework;          /* the self-evaluations' instrument */
	/* The statements counted as judged, each between two of the text's
	 * first character ("\n1i\n1ii\n"); NULL: none counted. */
	const char *judged_keys;
} picture_window;

/* An organisation with its latest accepted audit (by audit date, then id). */
typedef struct picture_org_row {
	int64_t id;
	const char *name, *type, *sector;
	int64_t audit_id;               /* 0: no accepted audit */
	const char *audit_date, *outcome, *review_on;
	int64_t projects;               /* projects starting in year_from..year_to */
	bool audited_recently;          /* an accepted or submitted audit dated since..today */
	int64_t evaluation_id;          /* the latest self-evaluation; 0: none started */
	const char *cycle, *evaluation_status;
	int64_t judged;                 /* its statements judged complete, of judged_keys */
} picture_org_row;

/* One principle's level in an organisation's latest accepted audit. */
typedef struct picture_level_row {
	int64_t organisation_id;
	const char *principle_key, *level;      /* level NULL: not recorded */
} picture_level_row;

/* How many audits were accepted with an outcome in an academic year
 * (2025 for 1 September 2025 to 31 August 2026), by audit date. */
typedef struct picture_outcome_count {
	int64_t year;
	const char *outcome;
	int64_t n;
} picture_outcome_count;

typedef struct picture_project_row {
	int64_t id, organisation_id;
	const char *organisation, *title, *service_area, *framework_id, *framework_hash;
	const char *starts_on, *ends_on;
	int64_t steps_done;
	int64_t audit_id;               /* its latest accepted audit, 0 if none */
	const char *audit_outcome, *audit_date;
} picture_project_row;

/* An organisation with its latest Four Cornerstones self-evaluation (by
 * start, then id); evaluation_id 0 when it has started none. */
typedef struct picture_evaluation_row {
	int64_t organisation_id;
	const char *name, *type, *sector;
	int64_t evaluation_id;
	const char *cycle, *status, *updated_at;
} picture_evaluation_row;

/* A statement of those self-evaluations: its judgement (status NULL when
 * none is recorded) with the partner groups who took part in it, how many
 * of the source's indicators have evidence linked, the groups that evidence
 * involved, and when any of it last changed. */
typedef struct picture_statement_row {
	int64_t evaluation_id;
	const char *element_key, *status;
	int groups, evidence_groups;
	int64_t evidenced;
	const char *changed_at;
} picture_statement_row;

/* An action of one of the area's organisations that is overdue: open or
 * in progress, due before today. */
typedef struct picture_action_row {
	int64_t id, organisation_id;
	const char *organisation, *title, *owner, *due_on, *status;
} picture_action_row;

typedef STORE_LIST(picture_org_row) picture_org_list;
typedef STORE_LIST(picture_action_row) picture_action_list;
typedef STORE_LIST(picture_evaluation_row) picture_evaluation_list;
typedef STORE_LIST(picture_statement_row) picture_statement_list;
typedef STORE_LIST(picture_level_row) picture_level_list;
typedef STORE_LIST(picture_outcome_count) picture_outcome_count_list;
typedef STORE_LIST(picture_project_row) picture_project_list;
typedef STORE_LIST(const char *) picture_text_list;

/* ---- store/area_data.c ---- */

/* Rows below point into SQLite's own buffers: their strings are valid only
 * during the callback (copy what must outlive it). NULL stands for SQL
 * NULL. A callback answers 0 to go on or -1 (with its err set) to stop;
 * the query then answers -1. */

typedef struct export_org_row {
	int64_t id;
	const char *name, *sector, *type, *urn, *la_code;
} export_org_row;

/* One version of an audit. Drafts never appear: they are the
 * organisation's work in progress. `latest` is true when no later version
 * of the same audit (same first_id) has been submitted. */
typedef struct export_audit_row {
	int64_t id, first_id, version, organisation_id, project_id;    /* project 0: none */
	const char *organisation_name, *framework_hash, *status;
	const char *service_area, *description, *audit_date;
	const char *outcome, *outcome_reason, *summary, *next_steps, *review_on;
	const char *signed_by, *signed_on, *submitted_at, *decided_at;
	bool latest;
} export_audit_row;

typedef struct export_level_row {
	int64_t audit_id, organisation_id;
	const char *principle_key, *level, *notes;
	int64_t score;
	bool has_score;
} export_level_row;

typedef struct export_project_row {
	int64_t id, organisation_id;
	const char *organisation_name, *framework_id, *framework_hash;
	const char *title, *service_area, *starts_on, *ends_on;
	int64_t steps_done;
} export_project_row;

typedef struct export_person_row {
	int64_t position;
	const char *name, *designation;
} export_person_row;

typedef struct export_event_row {
	const char *at, *user_name, *status, *comment;
} export_event_row;

/* Narrows the audits and levels: `since` (YYYY-MM-DD, NULL: any) keeps
 * versions submitted or decided on or after that day; `audit` (0: all)
 * keeps one audit version. */
typedef struct export_audit_filter {
	const char *since;
	int64_t audit;
} export_audit_filter;

typedef int (*export_org_fn)(void *ctx, const export_org_row *row, err *e);
typedef int (*export_audit_fn)(void *ctx, const export_audit_row *row, err *e);
typedef int (*export_level_fn)(void *ctx, const export_level_row *row, err *e);
typedef int (*export_project_fn)(void *ctx, const export_project_row *row, err *e);
typedef int (*export_person_fn)(void *ctx, const export_person_row *row, err *e);
typedef int (*export_event_fn)(void *ctx, const export_event_row *row, err *e);

/* ---- store/audit.c ---- */

/* audit_principle.score is optional: this value stands for "no score". */
#define AUDIT_NO_SCORE (-1)

typedef struct audit_row {
	int64_t id, organisation_id;
	int64_t project_id;             /* 0: no linked project */
	int64_t first_id;               /* the first version's id */
	int version;                    /* 1, 2, ... */
	const char *framework_hash;
	const char *status;             /* draft, submitted, returned, accepted */
	const char *service_area, *description;
	const char *audit_date;         /* YYYY-MM-DD or NULL */
	const char *outcome;            /* outcome key or NULL */
	const char *outcome_reason;
	const char *summary, *next_steps;
	const char *review_on;          /* YYYY-MM-DD or NULL */
	const char *signed_by;
	const char *signed_on;          /* YYYY-MM-DD or NULL */
	const char *submitted_at, *decided_at;  /* ISO times or NULL */
	const char *created_at, *updated_at;
	const char *organisation_name;  /* joined on reads; ignored on writes */
} audit_row;

typedef struct audit_person_row {
	int64_t audit_id;
	int position;                   /* 1, 2, ... in the order added */
	const char *name, *designation;
} audit_person_row;

typedef struct audit_principle_row {
	int64_t audit_id;
	const char *principle_key;
	const char *level;              /* level key or NULL */
	int score;                      /* AUDIT_NO_SCORE when none */
	const char *notes, *updated_at;
	const char *area_comment;       /* the area's, when it returned this version; "" none */
} audit_principle_row;

typedef struct audit_evidence_row {
	int64_t audit_id;
	const char *principle_key;
	int64_t evidence_id;
	const char *created_at;
	/* joined from the evidence item on reads */
	const char *title, *evidence_date;
	int groups;
} audit_evidence_row;

typedef struct audit_event_row {
	int64_t id, audit_id;
	const char *at;
	int64_t user_id;                /* 0: none (the command line, or a deleted user) */
	const char *user_name;
	const char *status;             /* the status the audit moved to */
	const char *comment;
} audit_event_row;

typedef struct area_setting_row {
	int64_t area_id;
	int score_min, score_max;
	const char *outcome_rule;       /* lowest-level, most-common-level */
	const char *updated_at;
} area_setting_row;

/* A linked project as the audit shows it. steps_total is not here: the
 * domain counts the steps of the project's stored instrument. */
typedef struct audit_project_row {
	int64_t id, organisation_id;
	const char *title, *framework_id, *framework_hash;
	int steps_done;                 /* project_step rows marked done */
} audit_project_row;

typedef STORE_LIST(audit_row) audit_list;
typedef STORE_LIST(audit_person_row) audit_person_list;
typedef STORE_LIST(audit_principle_row) audit_principle_list;
typedef STORE_LIST(audit_evidence_row) audit_evidence_list;
typedef STORE_LIST(audit_event_row) audit_event_list;

/* ---- audits ----------------------------------------------------------- */

/* ---- store/measure.c ---- */

typedef struct measure_row {
	int64_t id, organisation_id;
	const char *cycle;
	const char *framework_hash;     /* the stored catalogue version it was chosen from */
	const char *cornerstone_key;    /* "1" ... */
	const char *catalogue_key;      /* "1.3"; NULL for the organisation's own */
	const char *own_text;           /* its own wording; NULL for a catalogue measure */
	/* The monitoring grid, "" when not written yet. */
	const char *improve, *know, *measuring, *evaluation;
	int64_t carried_from;           /* 0: not carried from an earlier cycle */
	const char *created_at, *updated_at;
} measure_row;

typedef struct metric_row {
	int64_t id, measure_id;
	const char *name;
	const char *kind;               /* percentage, count, rate */
	const char *unit;               /* a rate's "per 100 pupils"; "" when none */
	const char *direction;          /* higher, lower: which way is better */
	bool has_baseline, has_target;
	double baseline, target;
	const char *created_at, *updated_at;
} metric_row;

typedef struct reading_row {
	int64_t id, metric_id;
	const char *taken_on;           /* YYYY-MM-DD */
	bool has_value;                 /* always true when read back; on input: a value was given */
	double value;                   /* what is charted: the percentage, count or rate */
	bool has_fraction;              /* a percentage given as numerator of denominator */
	int64_t numerator, denominator;
	const char *source;             /* survey, records, meeting, other */
	int groups;                     /* partner groups it speaks for */
	const char *note;
	int64_t review_id;              /* 0: not added by an action review */
	const char *created_at;
} reading_row;

typedef STORE_LIST(measure_row) measure_list;
typedef STORE_LIST(metric_row) metric_list;
typedef STORE_LIST(reading_row) reading_list;

/* ---- measures ---------------------------------------------------------- */

/* ---- store/national.c ---- */

typedef struct national_area_row {
	int64_t id;
	const char *name;
} national_area_row;

/* Organisations of an area by their latest accepted audit (by audit date,
 * then id, as store_picture_orgs takes it). An area has one row per
 * outcome of those audits dated in the window (outcome NULL for every
 * other organisation); its counts are the sums of its rows. */
typedef struct national_audit_row {
	int64_t area_id;
	const char *outcome;            /* NULL: not audited in the window, or no outcome */
	int64_t organisations;
	int64_t audited;                /* with an accepted audit */
	int64_t audited_in_window;      /* ... dated since..today */
	int64_t reviews_overdue;        /* ... whose review date is before today */
	int64_t at_lowest;              /* ... with any principle at the lowest level */
} national_audit_row;

/* Self-evaluations of an area's organisations, every cycle. */
typedef struct national_evaluation_row {
	int64_t area_id;
	int64_t organisations;          /* with at least one self-evaluation */
	int64_t draft, in_review, submitted;
} national_evaluation_row;

typedef struct national_count_row {
	int64_t area_id, n;
} national_count_row;

typedef STORE_LIST(national_area_row) national_area_list;
typedef STORE_LIST(national_audit_row) national_audit_list;
typedef STORE_LIST(national_evaluation_row) national_evaluation_list;
typedef STORE_LIST(national_count_row) national_count_list;

/* ---- store/org_bulk.c ---- */

/* An organisation with the national identifiers a bulk load matches and
 * keeps; id 0 is one not yet stored. Empty optional fields are NULL. */
typedef struct org_bulk_row {
	int64_t id;
	const char *name, *type, *sector;
	const char *urn, *ukprn, *la_code, *opened_on, *closed_on;
} org_bulk_row;

typedef STORE_LIST(org_bulk_row) org_bulk_list;

/* ---- store/plan.c ---- */

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

/* ---- store/project.c ---- */

typedef struct project_row {
	int64_t id, organisation_id;
	const char *framework_id;       /* the model: york-strategic-model, ... */
	const char *framework_hash;     /* the stored version the project follows */
	const char *title, *service_area, *description;
	const char *starts_on, *ends_on;        /* YYYY-MM-DD; ends_on may be NULL */
	const char *created_at, *updated_at;
	int steps_done;                 /* joined on reads: steps marked done */
} project_row;

typedef struct project_person_row {
	int64_t project_id;
	int position;                   /* 1, 2, ... in the order given */
	const char *name, *role;        /* "" when not given */
	const char *partner_group;      /* children-and-young-people, parent-carers, practitioners */
} project_person_row;

typedef struct project_step_row {
	int64_t project_id;
	const char *step_key;
	bool done;
	const char *done_on;            /* YYYY-MM-DD or NULL */
	const char *note;
	const char *updated_at;
} project_step_row;

typedef struct project_answer_row {
	int64_t project_id;
	const char *step_key, *question_key;
	const char *answer;             /* yes, partly, no */
	const char *note;
	const char *updated_at;
} project_answer_row;

typedef struct project_evidence_row {
	int64_t project_id;
	const char *step_key;
	int64_t evidence_id;
	const char *created_at;
	/* joined from the evidence item on reads */
	const char *title, *evidence_date;
	int groups;
} project_evidence_row;

typedef STORE_LIST(project_row) project_list;
typedef STORE_LIST(project_person_row) project_person_list;
typedef STORE_LIST(project_step_row) project_step_list;
typedef STORE_LIST(project_answer_row) project_answer_list;
typedef STORE_LIST(project_evidence_row) project_evidence_list;

/* ---- projects ---------------------------------------------------------- */

/* ---- store/review.c ---- */

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

/* ---- store/views.c: partner voice (issue 12) ---- */

/* A round of views: partner groups' answers to some statements of an
 * evaluation (Four Cornerstones) or to the six principles of a York audit;
 * exactly one of evaluation_id and audit_id is set. */
typedef struct view_round_row {
	int64_t id, organisation_id;
	int64_t evaluation_id, audit_id;        /* 0: not this kind */
	const char *framework_id, *framework_hash;
	const char *title;
	const char *wording;            /* "standard" or "easy-read" */
	const char *language;           /* a language tag: "en-GB" */
	const char *opens_on, *closes_on;       /* YYYY-MM-DD; closes_on NULL: no end */
	bool closed;                    /* closed by a lead (reopening clears it) */
	int answer_cap;                 /* submitted responses a link takes */
	int64_t created_by;             /* 0: the command line or a deleted account */
	const char *created_by_name;
	int64_t evidence_id;            /* the round's summary evidence item; 0: none yet */
	const char *created_at, *updated_at;
} view_round_row;

/* One element (statement or principle) a round asks about, in order, with
 * a lead's adaptation of the easy-read text for this round (NULL: none). */
typedef struct view_element_row {
	int64_t round_id;
	int position;
	const char *element_key, *easy_read;
} view_element_row;

/* A round's link for one partner group; the clear token is never stored. */
typedef struct view_link_row {
	int64_t id, round_id;
	const char *partner_group;      /* "cyp", "parents", "practitioners", "other" */
	const char *group_name;         /* the organisation's name for an "other" group; "" */
	const char *token_hash;         /* SHA-256 hex of the token (token_hash()) */
	const char *created_at;
	const char *replaced_at;        /* when the token last changed; NULL: never */
	int64_t submitted;              /* joined on reads: submitted responses */
} view_link_row;

/* One person's set of answers, through one link. A draft is kept by its
 * cookie (hashed); only submitted responses count. */
typedef struct view_response_row {
	int64_t id, round_id, link_id;
	const char *cookie_hash;        /* NULL for paper */
	const char *started_at, *submitted_at;  /* submitted_at NULL: a draft */
	bool from_paper;
	int64_t entered_by;             /* who typed a paper form in; 0: none */
	const char *entered_by_name;
} view_response_row;

#define VIEW_NO_RATING (-1)     /* an answer with free text but no rating */

/* One element's answer in a response. Free text is NULL when not given (or
 * purged after the retention period). */
typedef struct view_answer_row {
	int64_t response_id;
	const char *element_key;
	int rating;                     /* 0 "I don't know", 1 .. 4 (York 1 .. 3); VIEW_NO_RATING */
	const char *good, *better;      /* "What is good?", "What could be better?" */
	const char *reviewed_at;        /* a lead marked the free text reviewed; NULL: not yet */
	int64_t reviewed_by;
	const char *flagged_at;         /* flagged for safeguarding follow-up; NULL: not */
	int64_t flagged_by;
	const char *flagged_by_name;
	const char *updated_at;
	/* joined on reads from the response and its link */
	int64_t link_id;
	const char *submitted_at;
	bool from_paper;
} view_answer_row;

/* How many submitted answers gave `rating` to `element_key` through a link. */
typedef struct view_count_row {
	int64_t link_id;
	const char *element_key;
	int rating;
	int64_t n;
} view_count_row;

/* The view a lead recorded for one element after check and challenge. */
typedef struct view_agreed_row {
	int64_t round_id;
	const char *element_key, *agreed, *resolved;
	int groups;                     /* partner groups who took part in agreeing */
	int64_t agreed_by;
	const char *agreed_by_name, *created_at, *updated_at;
} view_agreed_row;

/* An organisation's partner-voice settings (none saved: the defaults). */
typedef struct view_org_setting_row {
	int64_t organisation_id;
	const char *safeguarding_contact;       /* who partners tell; "" */
	int retention_months;                   /* free text kept this long */
	const char *updated_at;
} view_org_setting_row;

/* An area's smallest group whose spread anyone but leads may see. */
typedef struct view_area_setting_row {
	int64_t area_id;
	int min_group;
	const char *updated_at;
} view_area_setting_row;

/* Submitted responses of one organisation's partner group in an area. */
typedef struct view_area_count_row {
	int64_t organisation_id;
	const char *organisation;
	const char *partner_group;
	int64_t n;
} view_area_count_row;

typedef STORE_LIST(view_round_row) view_round_list;
typedef STORE_LIST(view_area_count_row) view_area_count_list;
typedef STORE_LIST(view_element_row) view_element_list;
typedef STORE_LIST(view_link_row) view_link_list;
typedef STORE_LIST(view_response_row) view_response_list;
typedef STORE_LIST(view_answer_row) view_answer_list;
typedef STORE_LIST(view_count_row) view_count_list;
typedef STORE_LIST(view_agreed_row) view_agreed_list;

#endif
