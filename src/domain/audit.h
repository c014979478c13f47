/* audit.h: York's joint partnership audit: the area's local settings (score
 * scale, outcome rule), the suggested outcome, starting and filling in an
 * audit, its status workflow with history and versions, and actions from its
 * next steps (docs/audit.md). Every write validates first, then runs in one
 * transaction; a refused call leaves the database unchanged.
 *
 * Error kinds: ERR_NOTFOUND for a missing record, ERR_INPUT for a bad or
 * missing value (the message names the field), ERR_CONFLICT when the audit's
 * status (or the actor's role) forbids the change: the message names the
 * current status and what can be done. */
#ifndef COPRO_DOMAIN_AUDIT_H
#define COPRO_DOMAIN_AUDIT_H

#include "domain/account.h"
#include "domain/domain.h"

/* The instrument every audit uses. */
#define AUDIT_FRAMEWORK_ID "york-joint-partnership-audit"

/* copro's defaults, used while an area has saved no settings. The source
 * gives neither a Score scale nor a rule to an outcome: both are local. */
#define AUDIT_DEFAULT_SCORE_MIN 1
#define AUDIT_DEFAULT_SCORE_MAX 3
#define AUDIT_RULE_LOWEST "lowest-level"
#define AUDIT_RULE_MOST_COMMON "most-common-level"
#define AUDIT_DEFAULT_RULE AUDIT_RULE_LOWEST

/* Level and outcome keys the rules know (those of York's instrument). */
#define AUDIT_LEVEL_LOW "room-for-improvement"
#define AUDIT_LEVEL_MID "good"
#define AUDIT_LEVEL_HIGH "excellent"
#define AUDIT_OUTCOME_LOW "requires-improvement"
#define AUDIT_OUTCOME_MID "good"
#define AUDIT_OUTCOME_HIGH "outstanding"

/* ---- area settings ------------------------------------------------------ */

typedef struct audit_settings {
	int score_min, score_max;       /* 0 <= min < max <= 100 */
	const char *rule;               /* AUDIT_RULE_LOWEST or AUDIT_RULE_MOST_COMMON */
	bool is_default;                /* true when the area saved none */
} audit_settings;

/* The area's settings, or copro's defaults when it has none (area 0: the
 * defaults). */
int audit_settings_get(domain *d, int64_t area, audit_settings *out, err *e);
/* The settings of the area organisation `org` belongs to. */
int audit_settings_of_org(domain *d, int64_t org, audit_settings *out, err *e);
/* Checks the scale and rule; the message names what was wrong. */
int audit_settings_validate(const audit_settings *s, err *e);
/* Validates, then saves the area's settings. */
int audit_settings_set(domain *d, int64_t area, const audit_settings *s, err *e);
/* True for "lowest-level" and "most-common-level". */
bool audit_rule_known(const char *rule);
/* A short name for the rule ("lowest level") and a plain English sentence
 * saying what it does, for pages and the CLI; NULL for an unknown rule. */
const char *audit_rule_name(const char *rule);
const char *audit_rule_describe(const char *rule);

/* ---- the suggestion ----------------------------------------------------- */

/* The outcome key the rule suggests from the principles' level keys (one
 * per principle), or NULL when any principle has no level yet (NULL or
 * unknown key), n is 0, or the rule is unknown. Static strings. */
const char *audit_suggest_outcome(const char *const *levels, size_t n, const char *rule);

/* ---- who acts ----------------------------------------------------------- */

/* The person making a change. `access` is their access to the audit's
 * organisation (ACCESS_AREA for the area's administrators); the command
 * line acts as ACCESS_AREA with user_id 0. */
typedef struct audit_actor {
	int64_t user_id;                /* 0: none */
	const char *name;
	enum access access;
} audit_actor;

/* ---- starting and filling in ------------------------------------------ */

/* Header and summary fields. NULL leaves a field as it is; "" clears it
 * (dates become NULL). Dates are YYYY-MM-DD. */
typedef struct audit_fields {
	const char *service_area, *description;
	const char *audit_date;
	const char *summary, *next_steps;
	const char *review_on;
	const char *outcome, *outcome_reason;   /* outcome key of the instrument */
	const char *signed_by, *signed_on;
} audit_fields;

/* Starts version 1 (status draft) for organisation `org` with the installed
 * instrument, keeping its text; `project` (0: none) must be the same
 * organisation's. Records a "draft" event by `who`. */
int audit_start(domain *d, int64_t org, int64_t project, const audit_fields *f,
		const audit_actor *who, int64_t *id, err *e);
/* Changes the fields of a draft. An outcome that differs from the current
 * suggestion needs a reason (outcome_reason, given or already stored). */
int audit_set(domain *d, int64_t audit, const audit_fields *f, err *e);
/* Links the draft to a project of the same organisation (0: unlink). */
int audit_set_project(domain *d, int64_t audit, int64_t project, err *e);
/* Both at once, all or nothing: a refused project leaves the fields as they
 * were, and refused fields the project (audit_edit without people). */
int audit_set_with_project(domain *d, int64_t audit, int64_t project, const audit_fields *f,
			   err *e);

/* The people completing it: a name is required, a designation optional. */
int audit_person_add(domain *d, int64_t audit, const char *name, const char *designation,
		     err *e);
/* Replaces the whole list (a form's repeated rows). Rows with neither name
 * nor designation are skipped; a designation without a name is refused. */
int audit_people_set(domain *d, int64_t audit, const audit_person_row *people, size_t n,
		     err *e);
int audit_person_remove(domain *d, int64_t audit, int position, err *e);

/* One principle's judgement. NULL leaves a value as it is; "" clears it.
 * `level` must be a level key of the stored instrument's principle; `score`
 * is the text typed: a whole number within the area's scale. */
typedef struct principle_change {
	const char *level, *score, *notes;
} principle_change;

int audit_principle_set(domain *d, int64_t audit, const char *principle,
			const principle_change *c, err *e);
/* Links (or unlinks) an evidence item of the same organisation to a
 * principle; *changed tells whether anything changed (may be NULL). */
int audit_evidence_link(domain *d, int64_t audit, const char *principle, int64_t evidence,
			bool unlink, bool *changed, err *e);
/* Makes the principle's links exactly `evidence` (a form's checkboxes). */
int audit_evidence_set(domain *d, int64_t audit, const char *principle,
		       const int64_t *evidence, size_t n, err *e);

/* A form's changes at once, all or nothing (domain/audit_change.c): a
 * draft's project (NULL: left as it is), its fields, then its people (NULL:
 * left as they are); a principle's judgement and, when `evidence` is not
 * NULL, exactly those links. */
int audit_edit(domain *d, int64_t audit, const audit_fields *f, const audit_person_row *people,
	       size_t n_people, const int64_t *project, err *e);
int audit_principle_record(domain *d, int64_t audit, const char *principle,
			   const principle_change *c, const int64_t *evidence, size_t n_evidence,
			   err *e);

/* ---- the workflow --------------------------------------------------------
 * draft -> submitted      audit_submit (organisation lead or above); refused
 *                         while a principle has no level, there is no date of
 *                         audit, no outcome, no one completing it, or an
 *                         overridden outcome has no reason: says which.
 * submitted -> returned   audit_return (area administrator; comment required)
 * submitted -> accepted   audit_accept (area administrator; comment optional)
 * returned -> new draft   audit_revise (organisation lead or above): copies
 *                         the returned version into version + 1 with the same
 *                         first_id; the returned one stays unchanged.
 * Every change adds an audit_event (who, when, new status, comment). Only
 * a draft can be edited. */

enum audit_step { AUDIT_SUBMIT, AUDIT_RETURN, AUDIT_ACCEPT, AUDIT_REVISE };

int audit_submit(domain *d, int64_t audit, const audit_actor *who, err *e);
int audit_return(domain *d, int64_t audit, const audit_actor *who, const char *comment,
		 err *e);
/* The area's comment on one principle when returning an audit. */
typedef struct audit_principle_comment {
	const char *principle_key, *comment;    /* a blank comment is none */
} audit_principle_comment;
/* Returns with a comment on the whole and on any principles: at least one
 * of them must say something; a principle the audit does not have is
 * refused, and nothing is written. */
int audit_return_with(domain *d, int64_t audit, const audit_actor *who, const char *comment,
		      const audit_principle_comment *principles, size_t n, err *e);
int audit_accept(domain *d, int64_t audit, const audit_actor *who, const char *comment,
		 err *e);
int audit_revise(domain *d, int64_t audit, const audit_actor *who, int64_t *new_id, err *e);

/* Whether `step` is possible from the audit's status for someone with
 * `access` (for showing buttons); revising also needs `latest` (no newer
 * version exists). */
bool audit_step_allowed(const audit_row *a, bool latest, enum audit_step step,
			enum access access);
/* Refuses (ERR_CONFLICT) unless the audit is a draft. */
int audit_writable(const audit_row *a, err *e);
/* What is still missing before a draft can be submitted, as one sentence
 * in d->mem ("principle 3 has no level; there is no date of audit"), or
 * NULL when nothing is. Checks the same things as audit_submit. */
int audit_missing(domain *d, int64_t audit, const char **missing, err *e);

/* ---- reading ------------------------------------------------------------ */

/* Not found is an error (ERR_NOTFOUND). */
int audit_get(domain *d, int64_t id, audit_row *out, err *e);
/* The same, but an audit of another organisation is not found either (for
 * URLs that name the organisation). */
int audit_get_in_org(domain *d, int64_t org, int64_t id, audit_row *out, err *e);
/* An organisation's audits, newest first (every version). */
int audit_list_org(domain *d, int64_t org, audit_list *out, err *e);
/* The area's queue: submitted audits, oldest submission first. */
int audit_queue(domain *d, int64_t area, audit_list *out, err *e);
/* How many audits wait for the area's decision. */
int audit_queue_count(domain *d, int64_t area, int64_t *n, err *e);
/* The area's latest decisions (returned or accepted), newest first. */
int audit_decided(domain *d, int64_t area, int limit, audit_list *out, err *e);

typedef struct audit_principle_view {
	const fw_section *principle;    /* title; key is the principle key */
	const fw_element *indicator;    /* its description and levels */
	const char **commitments;       /* the principle's commitments */
	size_t n_commitments;
	audit_principle_row row;        /* level NULL, no score, "" notes when unset */
	/* The area's comment on this principle when it returned this version,
	 * or (for the draft that followed) the version before: NULL none. */
	const char *area_comment;
	int area_comment_version;
	const fw_item *level;           /* the chosen level (title, descriptor, gap) or NULL */
	audit_evidence_row *evidence;
	size_t n_evidence;
} audit_principle_view;

/* The outcome and field titles, from the instrument. */
typedef struct audit_outcome {
	const char *key, *title;
} audit_outcome;

/* Everything one page or `audit show` needs. It lives in d->mem, fw too
 * (see framework_version_load). */
typedef struct audit_view {
	audit_row audit;
	org_row org;
	framework *fw;                  /* the stored instrument version */
	bool framework_changed;         /* the installed file differs */
	audit_person_row *people;
	size_t n_people;
	audit_principle_view *principles;       /* one per principle, in order */
	size_t n_principles;
	audit_outcome *outcomes;        /* the instrument's outcomes, in order */
	size_t n_outcomes;
	audit_settings settings;        /* of the organisation's area */
	const char *suggested;          /* outcome key, or NULL */
	bool overridden;                /* an outcome differing from the suggestion */
	audit_event_row *events;        /* oldest first */
	size_t n_events;
	const char *return_comment;     /* the latest "returned" comment, when returned */
	audit_row *versions;            /* every version, oldest first */
	size_t n_versions;
	bool latest;                    /* no newer version exists */
	bool has_project;
	audit_project_row project;
	int project_steps_total;        /* steps of the project's instrument */
	action_row *actions;            /* raised from this audit */
	size_t n_actions;
	const char *missing;            /* for a draft: what submit still needs, or NULL */
} audit_view;

int audit_view_load(domain *d, int64_t audit, audit_view *v, err *e);

/* Instrument lookups (NULL when unknown): a field's title by key ("date",
 * "service-area", "next-steps", "review-date", "sign-off" ...), an
 * outcome's title, a principle's (section's) element with its levels. */
const char *audit_field_title(const framework *fw, const char *key);
const char *audit_outcome_title(const framework *fw, const char *key);
const fw_element *audit_principle_indicator(const framework *fw, const char *principle);
/* The instrument's outcomes, in order, into an arena array. */
int audit_outcome_list(const framework *fw, arena *a, audit_outcome **out, size_t *n);

/* ---- actions ------------------------------------------------------------ */

/* Raises actions linked back to the audit (action_item.source_audit_id):
 * one per non-empty line of its next steps (bullets "- ", "* " stripped;
 * lines already raised from this audit are skipped), or one titled `title`
 * when not NULL. *created counts them; refused when there is nothing new. */
int audit_actions_create(domain *d, int64_t audit, const char *title, size_t *created,
			 err *e);

#endif
