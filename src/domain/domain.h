/* domain.h: what copro does, whoever asks (the terminal today, the web
 * tomorrow): organisations, evaluations, evidence, reviews, actions, and
 * export and import. Each write validates everything first, then runs in
 * one transaction, so a refused request leaves the database as it was. */
#ifndef COPRO_DOMAIN_H
#define COPRO_DOMAIN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "framework/framework.h"
#include "store/rows.h"

/* What every domain call needs: the database, the loaded instruments and an
 * arena for the call's results. */
typedef struct domain {
	store *db;
	const fw_registry *frameworks;
	arena *mem;
} domain;

/* Reads sent together (store_reads_begin, domain/evaluation.c): between
 * the two, the list reads of domain calls are only asked, and
 * domain_reads_end sends them all in one round trip on PostgreSQL and
 * fills the lists (-1 when one failed). Always ended; the lists are read
 * after it. */
void domain_reads_begin(domain *d);
int domain_reads_end(domain *d, err *e);

/* The one thing staff are told whenever copro was too busy to do what
 * they asked (a change that lost at every try or found the database
 * locked, too many passwords to hash, a server restarting). It says what
 * was saved: nothing, on every path that says it, because each of those
 * ends before its transaction or rolls it back whole. It says when to
 * come back, which is the Retry-After the web sends with it: one number,
 * written into the words, so the two cannot drift apart. */
#define DOMAIN_BUSY_SECONDS 5
#define DOMAIN_DIGITS_(n) #n
#define DOMAIN_DIGITS(n) DOMAIN_DIGITS_(n)
#define DOMAIN_BUSY_ADVICE "Nothing was saved. Wait " DOMAIN_DIGITS(DOMAIN_BUSY_SECONDS) " seconds, then try again."

/* A change that lost to concurrent ones at every try (domain/retry.c):
 * the database was busy, not the person wrong. The web answers 503 with
 * Retry-After, as when too many passwords are being hashed at once. */
#define DOMAIN_BUSY_MESSAGE "copro is busy with other changes. " DOMAIN_BUSY_ADVICE
bool domain_busy(const err *e);

/* ---- partner groups (domain/groups.c) -------------------------------- */

/* Parses "cyp,parents,practitioners" (also "children-and-young-people",
 * "parent-carers", "all", "none"); -1 with a message on an unknown name. */
int groups_parse(const char *what, const char *text, int *groups, err *e);
/* "children and young people, parent carers" or "none recorded". */
const char *groups_describe(arena *a, int groups);
/* Short names for JSON: an array of "children-and-young-people",
 * "parent-carers", "practitioners". */
extern const char *const group_names[3];
extern const int group_flags[3];
json_t *groups_json(int groups);

/* ---- instrument versions (domain/version.c) --------------------------- */

/* Stores the text of `fw` (once per version) for a record about to use it;
 * call inside the record's transaction. */
int framework_version_keep(domain *d, const framework *fw, err *e);
/* The instrument exactly as version `hash` of `id` was stored; `changed`
 * tells whether the installed file differs. It lives as long as d->mem
 * (or the process, when the cache of parsed versions holds it): nobody
 * frees it, and nobody may change it. framework_free on it does nothing,
 * so the *_free functions of views below are no longer needed. */
framework *framework_version_load(domain *d, const char *id, const char *hash, bool *changed,
				  err *e);
/* Frees the cache of parsed versions (at exit, so leak checks stay quiet). */
void framework_version_cache_clear(void);

/* ---- organisations (domain/org.c) ------------------------------------ */

int org_validate(const org_row *o, err *e);
int org_add(domain *d, org_row *o, int64_t *id, err *e);
int org_edit(domain *d, const org_row *o, err *e);
int org_get(domain *d, int64_t id, org_row *out, err *e);   /* not found is an error */
/* Organisation `id` as a list of none or one, asked with other reads
 * (domain_reads_begin): org_get's row once they are read. */
int org_ask(domain *d, int64_t id, org_list *out, err *e);
/* Every organisation, or an area's, by name. */
int orgs_all(domain *d, org_list *out, err *e);
int orgs_of_area(domain *d, int64_t area, org_list *out, err *e);
/* 0 when a record whose organisation is `owner` may be seen from `org`;
 * else ERR_NOTFOUND, worded as if record `id` did not exist, since another
 * organisation's records do not exist from inside this one. The
 * X_get_in_org getters below end with it. */
int org_owns(int64_t org, int64_t owner, const char *what, int64_t id, err *e);

/* ---- evaluations (domain/evaluation.c) -------------------------------- */

int evaluation_start(domain *d, int64_t org, const char *framework_id, const char *cycle,
		     int64_t *id, err *e);
int evaluation_get(domain *d, int64_t id, evaluation_row *out, err *e);
int evaluation_get_in_org(domain *d, int64_t org, int64_t id, evaluation_row *out, err *e);
/* The same in two steps, so the evaluation can be asked with other reads
 * (domain_reads_begin) before anything is known of it: evaluation_ask,
 * then, once the reads are ended, evaluation_take_in_org answers as
 * evaluation_get_in_org would have. */
int evaluation_ask(domain *d, int64_t id, evaluation_list *out, err *e);
int evaluation_take_in_org(int64_t org, int64_t id, const evaluation_list *asked,
			   evaluation_row *out, err *e);
int evaluations_of_org(domain *d, int64_t org, evaluation_list *out, err *e);
/* The evaluations before and after this one in its chain of cycles (0 when
 * there is none), asked with other reads (domain_reads_begin): a list of
 * one once they are read (none when there is no such evaluation). */
int evaluation_neighbours_ask(domain *d, int64_t evaluation, neighbours_list *out, err *e);
/* One statement's judgement: 1 found, 0 never reviewed, -1 error. */
int review_find(domain *d, int64_t evaluation, const char *element, review_row *out, err *e);
int evaluation_set_status(domain *d, int64_t id, const char *status, err *e);
/* The same, with a line in the organisation's activity log saying who set
 * which status (who NULL: the command line, logged as "copro"), in one
 * transaction: the evaluation page shows who and when. */
int evaluation_set_status_by(domain *d, const user_row *who, int64_t id, const char *status,
			     err *e);
/* The newest status change of `ev` in its organisation's log (who and
 * when): 1 found, 0 none (never changed, or changed from the terminal).
 * Not inside domain_reads_begin: it reads its answer at once. */
int evaluation_status_change(domain *d, const evaluation_row *ev, activity_row *out, err *e);
/* The same in two steps, asked with other reads (domain_reads_begin) by
 * the evaluation's id; once they are read, evaluation_status_change_take
 * answers as evaluation_status_change would have. */
int evaluation_status_change_ask(domain *d, int64_t evaluation, activity_list *out, err *e);
int evaluation_status_change_take(const evaluation_row *ev, const activity_list *asked,
				  activity_row *out);
/* Gets evaluation `id` into *ev and checks its instrument has statement
 * `element`; a message says which when not. */
int evaluation_statement(domain *d, int64_t id, const char *element, evaluation_row *ev,
			 err *e);
/* Checks the instrument of `ev`, already read, has statement `element`. */
int evaluation_has_statement(domain *d, const evaluation_row *ev, const char *element, err *e);
/* Refuses changes to a submitted evaluation. */
int evaluation_writable(const evaluation_row *ev, err *e);
/* The instrument exactly as it was when the evaluation started (from the
 * stored version); `changed` tells whether the installed file differs.
 * It goes with d->mem (see framework_version_load). */
framework *evaluation_framework(domain *d, const evaluation_row *ev, bool *changed, err *e);

typedef struct indicator_progress {
	const char *key, *text, *gap;
	bool own;               /* added by the organisation */
	int evidence;           /* linked evidence items */
	int groups;
} indicator_progress;

typedef struct element_progress {
	const fw_element *element;
	indicator_progress *indicators;
	size_t n_indicators, evidenced;
	int groups;             /* from linked evidence and the review */
	review_row review;      /* status "not-started" when never reviewed */
} element_progress;

typedef struct section_progress {
	const fw_section *section;
	element_progress *elements;
	size_t n_elements, elements_evidenced, indicators, indicators_evidenced;
	int groups;
} section_progress;

typedef struct evaluation_progress {
	evaluation_row evaluation;
	framework *fw;          /* goes with d->mem */
	bool framework_changed;
	section_progress *sections;
	size_t n_sections, elements, elements_evidenced, elements_complete;
	size_t indicators, indicators_evidenced;
	int groups;
} evaluation_progress;

int evaluation_progress_load(domain *d, int64_t evaluation, evaluation_progress *p, err *e);
/* The same from the evaluation's row already read (a page's lookup of it in
 * its organisation): one statement fewer, a round trip on PostgreSQL. */
int evaluation_progress_of(domain *d, const evaluation_row *ev, evaluation_progress *p, err *e);
/* The same in two steps, so the evaluation's own row can go with the
 * progress's reads: evaluation_progress_ask by the evaluation's id alone
 * (with other reads, domain_reads_begin), then, once they are read and
 * the evaluation found, evaluation_progress_take (which looks up its
 * instrument). */
typedef struct progress_reads {
	link_count_list links;
	review_list reviews;
	own_indicator_list own;
} progress_reads;
int evaluation_progress_ask(domain *d, int64_t evaluation, progress_reads *q, err *e);
int evaluation_progress_take(domain *d, const evaluation_row *ev, const progress_reads *q,
			     evaluation_progress *p, err *e);
/* The same without the link counts, for a caller that reads them
 * otherwise and sets q->links before the take (statement_links_take). */
int evaluation_progress_ask_uncounted(domain *d, int64_t evaluation, progress_reads *q,
				      err *e);
const element_progress *progress_element(const evaluation_progress *p, const char *key);

/* Strengths, areas for development, status and who took part, for one
 * statement. NULL fields are left as they were. */
typedef struct review_change {
	const char *strengths, *areas, *status;
	int groups;             /* -1: leave */
} review_change;

int review_set(domain *d, int64_t evaluation, const char *element, const review_change *c,
	       err *e);
/* The same for an evaluation the caller has read in its own transaction
 * (the web form, which checked it belongs to the organisation): not read
 * again. */
int review_set_in(domain *d, const evaluation_row *ev, const char *element,
		  const review_change *c, err *e);

/* ---- evidence (domain/evidence.c) ------------------------------------- */

/* An indicator reference "1i.a": element key, a dot, indicator key. */
typedef struct indicator_ref {
	const char *element, *indicator;
} indicator_ref;

int indicator_ref_parse(arena *a, const char *text, indicator_ref *ref, err *e);

int evidence_validate(const evidence_row *ev, err *e);
int evidence_add(domain *d, evidence_row *ev, int64_t *id, err *e);
int evidence_edit(domain *d, const evidence_row *ev, err *e);
int evidence_get(domain *d, int64_t id, evidence_row *out, err *e);
int evidence_get_in_org(domain *d, int64_t org, int64_t id, evidence_row *out, err *e);
/* An item of ev's organisation with ev's title (any case, spaces around
 * ignored) and date, into *same: 1 when there is one, 0 when not, -1 on
 * error. Adding the same evidence twice is allowed, but worth a warning. */
int evidence_find_same(domain *d, const evidence_row *ev, evidence_row *same, err *e);
/* The organisation's evidence library, newest evidence date first; search
 * narrows it down (NULL or 0 in the filter leaves a filter out). */
int evidence_of_org(domain *d, int64_t org, evidence_list *out, err *e);
/* The same as the library page lists them: title, date, partner groups
 * and how many indicators each counts for; `limit` of them from the
 * `offset`th, each with how many there are in all. */
int evidence_library(domain *d, int64_t org, const evidence_filter *f, int64_t offset,
		     int64_t limit, library_list *out, err *e);
/* Links of one evidence item, of every item of an organisation (by
 * evidence id), of an evaluation (one statement's: statement_links_ask). */
int links_of_evidence(domain *d, int64_t evidence, link_list *out, err *e);
int links_of_org(domain *d, int64_t org, link_list *out, err *e);
int links_of_evaluation(domain *d, int64_t evaluation, link_list *out, err *e);
/* One statement's links as its page uses them, from one read: asked with
 * statement_links_ask (it can go with other reads, domain_reads_begin),
 * then split by statement_links_take. */
typedef struct statement_links {
	link_list links;                /* by indicator, then evidence */
	evidence_list evidence;         /* the organisation's items among them, each once;
					 * id, title, date and partner groups only */
	carried_list carried;           /* those carried forward from the earlier cycle */
} statement_links;
int statement_links_ask(domain *d, int64_t evaluation, const char *element,
			statement_link_list *out, err *e);
/* `counts` gets what store_link_counts gives for this statement's
 * indicators: its progress without the whole evaluation's links. */
void statement_links_take(domain *d, int64_t org, int64_t evaluation, const char *element,
			  const statement_link_list *rows, statement_links *out,
			  link_count_list *counts);
int own_indicators_of(domain *d, int64_t evaluation, own_indicator_list *out, err *e);
/* Links (or unlinks) one evidence item to every reference, all or none. */
int evidence_link(domain *d, int64_t evidence, int64_t evaluation,
		  const char *const *refs, size_t n_refs, bool unlink, size_t *changed, err *e);
int own_indicator_add(domain *d, int64_t evaluation, const char *element, const char *text,
		      char **key, err *e);
/* Adds the item and links it to every reference of `evaluation`, which must
 * be the same organisation's: all or nothing. With no references it is
 * evidence_add (`evaluation` is not read). *changed counts the links made. */
int evidence_add_linked(domain *d, evidence_row *ev, int64_t evaluation,
			const char *const *refs, size_t n_refs, int64_t *id, size_t *changed,
			err *e);

/* ---- actions (domain/action.c) ---------------------------------------- */

int action_validate(const action_row *a, err *e);
int action_add(domain *d, action_row *a, int64_t *id, err *e);
int action_update(domain *d, const action_row *a, err *e);
int action_get(domain *d, int64_t id, action_row *out, err *e);
int action_get_in_org(domain *d, int64_t org, int64_t id, action_row *out, err *e);
int actions_of_org(domain *d, int64_t org, action_list *out, err *e);
bool action_overdue(const action_row *a, const char *today);

/* ---- export and import (domain/export.c, domain/import.c) ------------- */

/* One JSON document of everything an organisation holds (docs/export.md).
 * The text is malloc'd; the caller frees it. */
int org_export(domain *d, int64_t org, char **json, err *e);
/* Loads an export as a new organisation; *org is its id. */
int org_import(domain *d, const char *json, size_t len, int64_t *org, err *e);

/* ---- the demo organisation (domain/demo.c) ---------------------------- */

int demo_load(domain *d, int64_t *org, err *e);

#endif
