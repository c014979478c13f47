/* views.h: partner voice (issue 12): rounds of views, one link per partner
 * group, partners' anonymous responses and their answers, results with
 * small groups suppressed and "views differ", the agreed view per element
 * (which becomes evidence), comment review, paper entry, retention.
 * Every write validates first, runs in one transaction (nested in the
 * caller's, for the web) and writes an activity line; a refused write
 * changes nothing. `who` NULL is the command line (logged as "copro"). */
#ifndef COPRO_DOMAIN_VIEWS_H
#define COPRO_DOMAIN_VIEWS_H

#include "core/lang.h"
#include "domain/domain.h"

#define VIEWS_CAP_DEFAULT 2000          /* submitted responses a link takes */
#define VIEWS_CAP_MAX 1000000
#define VIEWS_TEXT_MAX 1000             /* characters of each free-text answer */
#define VIEWS_MIN_GROUP_DEFAULT 5       /* area setting views_min_group */
#define VIEWS_RETENTION_DEFAULT 24      /* months free text is kept */
#define VIEWS_LANGUAGE_DEFAULT "en-GB"
#define VIEWS_WORDING_STANDARD "standard"
#define VIEWS_WORDING_EASY "easy-read"
/* A link's or a draft's token: 32 random bytes, base64url without padding. */
#define VIEWS_TOKEN_LEN 43
typedef char views_token[VIEWS_TOKEN_LEN + 1];

/* ---- ratings -------------------------------------------------------------
 * Four Cornerstones: 4 "Really well" ... 1 "Not at all"; York: 3
 * "Excellent", 2 "Good", 1 "Room for improvement". 0 is "I don't know" in
 * both and is never a step (spreads of steps and "views differ" leave it
 * out; the count of answers keeps it). */

typedef struct view_rating {
	int value;
	const char *words;      /* marked N_(): translate with tr() on pages */
} view_rating;

/* The round's scale, highest first, "I don't know" last. */
void views_scale(const view_round_row *r, const view_rating **scale, size_t *n);
/* The highest rating of the round's scale (4 or 3). */
int views_scale_top(const view_round_row *r);
/* The words of `rating` on the round's scale; NULL when it is not on it. */
const char *views_rating_words(const view_round_row *r, int rating);
/* True for a York audit's round, false for a Four Cornerstones one. */
bool views_is_audit(const view_round_row *r);

/* ---- partner groups of links ------------------------------------------- */

/* One partner group a link is for: "cyp", "parents", "practitioners", or
 * "other" with the organisation's name for it. */
typedef struct view_group {
	const char *group, *name;
} view_group;

/* Parses "young-people,parents,practitioners,other:Governors" (also cyp,
 * children-and-young-people, parent-carers, staff) into an arena array,
 * each group once; -1 with a message naming a group it does not know. */
/* The language partners of a round in `tag` will read (en-US reads en-GB),
 * or NULL when copro has no translation for it: they read British English. */
const lang_info *views_language(const char *tag);
int views_groups_parse(arena *a, const char *text, view_group **out, size_t *n, err *e);
/* "Children and young people", "Parent carers", "Practitioners" or the
 * other group's own name, for staff pages and the CLI. */
const char *views_group_title(const view_link_row *l);
/* The GROUP_* flag of a link's group (0 for "other"). */
int views_group_flag(const char *partner_group);

/* ---- rounds (what a lead does) ------------------------------------------ */

typedef struct view_round_input {
	int64_t evaluation_id;          /* a Four Cornerstones evaluation, or ... */
	int64_t audit_id;               /* ... a York audit: exactly one of the two */
	const char *title;              /* NULL or "": "Views of <instrument>, <month year>" */
	const char *wording;            /* NULL: "standard"; or "easy-read" */
	const char *language;           /* NULL: "en-GB"; a tag such as "cy" or "pl-PL" */
	const char *opens_on;           /* NULL: today; YYYY-MM-DD */
	const char *closes_on;          /* NULL: no end; on or after opens_on */
	int answer_cap;                 /* 0: VIEWS_CAP_DEFAULT */
	/* Statement keys ("1i") or cornerstone keys (every statement of it),
	 * or an audit's principle keys ("1" to "6"); none: every element
	 * (all 25 statements, or all six principles). */
	const char *const *elements;
	size_t n_elements;
	const view_group *groups;       /* at least one; one link each */
	size_t n_groups;
} view_round_input;

/* A link as made or replaced: the clear token, given once, never again. */
typedef struct view_new_link {
	int64_t id;
	const char *partner_group, *group_name;
	views_token token;
} view_new_link;

/* Opens a round with one link per group. The evaluation or audit must be
 * organisation-owned and readable; *links (arena) holds the clear tokens. */
int views_open(domain *d, const user_row *who, const view_round_input *in, int64_t *round,
	       view_new_link **links, size_t *n_links, err *e);
int views_get(domain *d, int64_t round, view_round_row *out, err *e);   /* not found: error */
int views_get_in_org(domain *d, int64_t org, int64_t round, view_round_row *out, err *e);
/* The organisation's rounds, newest opening date first. */
int views_of_org(domain *d, int64_t org, view_round_list *out, err *e);
/* The round's elements in order, and its links (with submitted counts). */
int views_elements(domain *d, int64_t round, view_element_list *out, err *e);
int views_links(domain *d, int64_t round, view_link_list *out, err *e);
/* The instrument exactly as the round stored it (goes with d->mem). */
framework *views_framework(domain *d, const view_round_row *r, err *e);

/* Closing stops every link at once; reopening lets them answer again (a
 * closes_on date in the past must be moved with views_change first). */
int views_close(domain *d, const user_row *who, int64_t round, err *e);
int views_reopen(domain *d, const user_row *who, int64_t round, err *e);

/* What a lead may change later; NULL (cap 0) leaves a field as it was,
 * "" clears closes_on. */
typedef struct view_round_change {
	const char *title, *wording, *language, *opens_on, *closes_on;
	int answer_cap;
} view_round_change;
int views_change(domain *d, const user_row *who, int64_t round, const view_round_change *c,
		 err *e);
/* A lead's easy-read text of one element for this round (NULL or "":
 * back to copro's own easy-read text); at most VIEWS_TEXT_MAX characters. */
int views_set_easy_read(domain *d, const user_row *who, int64_t round, const char *element,
			const char *text, err *e);
/* A new token for a lost link; the old one stops working at once. */
int views_link_replace(domain *d, const user_row *who, int64_t round, int64_t link,
		       view_new_link *out, err *e);

/* Where a round stands on `today` (YYYY-MM-DD). */
enum view_state {
	VIEW_OPEN,              /* answering */
	VIEW_NOT_YET,           /* before opens_on */
	VIEW_ENDED,             /* after closes_on */
	VIEW_CLOSED             /* closed by a lead */
};
enum view_state views_state(const view_round_row *r, const char *today);
/* "open", "not open yet", "ended", "closed", for staff pages and the CLI. */
const char *views_state_words(enum view_state s);

/* ---- answering (what a partner does, with no account) -------------------- */

/* What a link's token finds. Pages answer 404 for UNKNOWN and 410 for
 * CLOSED and FULL (a friendly page, never an error). */
enum view_link_status {
	VIEW_LINK_OPEN,
	VIEW_LINK_UNKNOWN,      /* no such token (or replaced) */
	VIEW_LINK_CLOSED,       /* closed, past closes_on or before opens_on */
	VIEW_LINK_FULL          /* the link has its cap of submitted responses */
};

/* Everything a partner page needs about a link. */
typedef struct view_visit {
	view_link_row link;
	view_round_row round;
	const char *organisation;       /* its name */
	const char *safeguarding_contact;       /* who to tell; "" when not set */
} view_visit;

/* Looks the clear token up (only its hash is compared). -1 only on a
 * database error; otherwise *status says what was found, and *out is
 * filled for every status but UNKNOWN. */
int views_link_open(domain *d, const char *token, view_visit *out, enum view_link_status *status,
		    err *e);
/* A partner starts: a draft response of the visit's link, with a fresh
 * cookie token (only its hash is stored) for the page to set. Refused
 * unless the link is open. */
int views_response_start(domain *d, const view_visit *v, views_token cookie, int64_t *response,
			 err *e);
/* The draft (or submitted) response `cookie` names, when it is of link
 * `link`: 1 and *out, 0 when not (an unknown cookie or another link's). */
int views_response_find(domain *d, int64_t link, const char *cookie, view_response_row *out,
			err *e);
/* Saves one element's answer of a draft: rating VIEW_NO_RATING or on the
 * round's scale, free text NULL or up to VIEWS_TEXT_MAX characters each.
 * Refused when the response is submitted, or the link no longer open. */
int views_answer_save(domain *d, int64_t response, const char *element, int rating,
		      const char *good, const char *better, err *e);
/* The answers of one response (any order the round's elements give). */
int views_answers_of_response(domain *d, int64_t response, view_answer_list *out, err *e);
/* Submits a draft once ("Check your answers", then this): refused when it
 * is submitted already, has no answer, or the link is closed or full. */
int views_response_submit(domain *d, int64_t response, err *e);

/* ---- paper forms ----------------------------------------------------------- */

typedef struct view_paper_answer {
	const char *element;
	int rating;                     /* VIEW_NO_RATING: left blank */
	const char *good, *better;      /* NULL: none */
} view_paper_answer;

/* Records a whole paper form as one submitted response of `link`, marked
 * from paper and entered by `who`. Closing and the cap do not refuse it:
 * the form was filled in while the round was open, and a person typed it. */
int views_paper_add(domain *d, const user_row *who, int64_t round, int64_t link,
		    const view_paper_answer *answers, size_t n, int64_t *response, err *e);
/* A signed-in member's own view (a parent carer forum's representative,
 * say), the same questions as the round's, as one submitted response of
 * `link` entered by `who`, not from paper. Refused unless the round is
 * open now. */
int views_own_view_add(domain *d, const user_row *who, int64_t round, int64_t link,
		       const view_paper_answer *answers, size_t n, int64_t *response, err *e);
/* Parses paper answers from text, one per line: "ELEMENT RATING" or
 * "ELEMENT RATING | good | better"; RATING is a number on the scale, "-"
 * (blank) or the words ("Quite well"). Blank lines and "#" lines skipped. */
int views_paper_parse(domain *d, const view_round_row *r, const char *text,
		      view_paper_answer **out, size_t *n, err *e);

/* ---- comments (seen by leads only until reviewed) ------------------------- */

/* Every submitted answer with free text, reviewed or not, flagged or not,
 * oldest first: for the lead's review page only. */
int views_comments(domain *d, int64_t round, view_answer_list *out, err *e);
/* Marks one answer's free text reviewed (shown in results from then on). */
int views_comment_review(domain *d, const user_row *who, int64_t round, int64_t response,
			 const char *element, err *e);
/* Flags (or, with flag false, unflags) one answer for safeguarding
 * follow-up: its free text leaves the results, and who and when is kept. */
int views_comment_flag(domain *d, const user_row *who, int64_t round, int64_t response,
		       const char *element, bool flag, err *e);

/* Makes a "You said, we did" record from one reviewed, unflagged comment
 * (`better` false: "What is good?", true: "What could be better?"): said
 * on the day it was sent, by the link's partner group, nothing done yet,
 * not published; it remembers the round it came from. */
int views_comment_to_you_said(domain *d, const user_row *who, int64_t round, int64_t response,
			      const char *element, bool better, int64_t *you_said, err *e);
/* The round a "You said" record came from: 1 and *round, 0 when none. */
int views_round_of_you_said(domain *d, int64_t you_said, int64_t *round, err *e);

/* ---- results --------------------------------------------------------------- */

/* One partner group's (link's) answers to one element. */
typedef struct view_group_result {
	const view_link_row *link;
	/* A suppressed group's figures are all 0: show views_suppressed_words. */
	size_t responses;               /* the link's submitted responses */
	size_t answers;                 /* of them, rated this element (0 included) */
	bool suppressed;                /* fewer responses than min_group, seen by a non-lead */
	size_t counts[5];               /* by rating 0 .. 4; all 0 when suppressed */
	bool has_median;                /* some rating of 1 or more; never when suppressed */
	double median;                  /* of ratings 1 and up */
	/* Reviewed, unflagged free text; none when suppressed. */
	const view_answer_row **comments;
	size_t n_comments;
} view_group_result;

typedef struct view_element_result {
	const char *element_key;
	const fw_element *element;      /* from the round's instrument */
	const char *easy_read;          /* the round's adaptation, or NULL */
	view_group_result *groups;      /* one per link, in link order */
	size_t n_groups;
	/* Views differ: two unsuppressed groups' medians two or more steps
	 * apart; differ_a and differ_b are the widest such pair. */
	bool differ;
	size_t differ_a, differ_b;
	bool has_agreed;
	view_agreed_row agreed;
} view_element_result;

typedef struct view_results {
	view_round_row round;
	framework *fw;                  /* goes with d->mem */
	view_link_list links;
	int min_group;                  /* the area's threshold */
	bool lead;                      /* unsuppressed */
	size_t responses;               /* submitted, every unsuppressed link */
	view_element_result *elements;
	size_t n_elements;
} view_results;

/* The round's results. `lead` true (the organisation's leads) shows every
 * spread; false suppresses groups with fewer than min_group responses:
 * their counts, median and comments are left out and "views differ"
 * ignores them. Medians, not means: ratings are ordered words, not
 * measurements. */
int views_results(domain *d, int64_t round, bool lead, view_results *out, err *e);
/* The results as CSV (RFC 4180 with the formula guard of area_export.h),
 * one row per statement and group, suppressed as views_results does: a
 * suppressed group's figures are empty (domain/views_csv.c). */
struct export_sink;
int views_results_csv(domain *d, int64_t round, bool lead, struct export_sink *out, err *e);
/* The same cells as an Excel workbook (one sheet, "results"; numbers as
 * numbers, text never as a formula). */
int views_results_xlsx(domain *d, int64_t round, bool lead, struct export_sink *out, err *e);
/* "fewer than 5 answers" (arena). */
const char *views_suppressed_words(arena *a, int min_group);

/* ---- agreed views ---------------------------------------------------------- */

typedef struct view_agree_input {
	const char *element;            /* a statement key or principle key of the round */
	const char *agreed;             /* what was agreed: required */
	const char *resolved;           /* how differences were resolved: optional */
	int groups;                     /* GROUP_* flags who took part in agreeing */
} view_agree_input;

/* Records (or replaces) the agreed view of one element, and creates or
 * updates the round's evidence item (dated today, titled like "Parent
 * carers' views, October 2026: 23 answers", summarising every group),
 * linked to the statement's indicators (a York round: audit evidence of
 * the principle). *evidence is the item. */
int views_agree(domain *d, const user_row *who, int64_t round, const view_agree_input *in,
		int64_t *evidence, err *e);
int views_agreed_of_round(domain *d, int64_t round, view_agreed_list *out, err *e);
/* The evidence title for a round's counts, e.g. "Parent carers' views,
 * October 2026: 23 answers" (arena). Viewers see evidence, so a group
 * with fewer than `min_group` answers shows as "fewer than 5", and no
 * total gives its count away ("more than 23 answers"). */
const char *views_evidence_title(arena *a, const view_round_row *r, const view_link_list *links,
				 int min_group);

/* ---- settings -------------------------------------------------------------- */

typedef struct views_org_settings {
	const char *safeguarding_contact;       /* a name or role; "" when not set */
	int retention_months;                   /* 1 .. 120; default 24 */
	bool is_default;                        /* nothing saved yet */
} views_org_settings;

int views_org_settings_get(domain *d, int64_t org, views_org_settings *out, err *e);
int views_org_settings_set(domain *d, const user_row *who, int64_t org,
			   const views_org_settings *s, err *e);
/* The area's threshold (area 0, or none saved: VIEWS_MIN_GROUP_DEFAULT),
 * the one of an organisation's area, and setting it (1 .. 100). */
int views_min_group_get(domain *d, int64_t area, int *n, err *e);
int views_min_group_of_org(domain *d, int64_t org, int *n, err *e);
int views_min_group_set(domain *d, const user_row *who, int64_t area, int n, err *e);

/* ---- the area's picture ---------------------------------------------------- */

/* Which partner groups of one organisation gave views, and how many
 * answers (submitted responses), over a period. */
typedef struct view_org_voice {
	int64_t organisation_id;
	const char *name;
	int groups;                     /* GROUP_* flags */
	bool other;                     /* a group the organisation named gave views too */
	size_t answers;
} view_org_voice;

/* The area's organisations that had answers in the 12 months to today, by
 * name (the area portfolio). */
int views_area_voice(domain *d, int64_t area, view_org_voice **out, size_t *n, err *e);

/* ---- retention ------------------------------------------------------------- */

/* Deletes free text older than each organisation's retention period
 * (counted from when the response was submitted, or started for a draft)
 * and writes an activity line per organisation saying how many answers
 * lost their text. *deleted is the total. copro serve calls it at start-up
 * and once a day; `copro views purge` runs it by hand. */
int views_purge(domain *d, const user_row *who, size_t *deleted, err *e);

#endif
