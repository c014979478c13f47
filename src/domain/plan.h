/* plan.h: team and service plans (Embedding the Four Cornerstones into
 * Team and Service Plans, frameworks/four-cornerstones-service-plan.json):
 * per cornerstone and statement the strengths and areas for development,
 * answers to each cornerstone's reflective questions, and a note on each
 * organisational aspect. A plan can start from the organisation's latest
 * self-evaluation, and its areas for development turn into actions that
 * keep the link back. Writes validate everything first and then run in
 * one transaction. */
#ifndef COPRO_DOMAIN_PLAN_H
#define COPRO_DOMAIN_PLAN_H

#include "domain/domain.h"

#define PLAN_FRAMEWORK "four-cornerstones-service-plan"

/* ---- the instrument's plan parts --------------------------------------- */

/* The plan's parts as the instrument types them (framework.h): each
 * cornerstone's questions, the aspects, the advice headings and the grid's
 * columns; the arrays belong to fw. */
typedef struct plan_section {
	const fw_section *section;
	fw_item *questions;             /* key, text, gap */
	size_t n_questions;
} plan_section;

typedef struct plan_instrument {
	framework *fw;                  /* the stored instrument (goes with d->mem) */
	bool changed;                   /* the installed file differs from this version */
	plan_section *sections;
	size_t n_sections;
	fw_item *aspects, *headings, *columns;  /* title; a heading's text */
	size_t n_aspects, n_headings, n_columns;
	/* Lead-ins the notes quote from the document ("Also consider how the
	 * Cornerstones", "For each Cornerstone think about"); NULL when the
	 * notes do not give them. */
	const char *aspect_lead, *question_lead;
} plan_instrument;

/* The plan instrument as version `hash` was stored. */
int plan_instrument_load(domain *d, const char *hash, plan_instrument *pi, err *e);
const plan_section *plan_instrument_section(const plan_instrument *pi, const char *key);
const fw_item *plan_section_question(const plan_section *ps, const char *key);
const fw_item *plan_instrument_aspect(const plan_instrument *pi, const char *key);
/* The title of column "strengths" or "areas" as the source heads it, or
 * `fallback` when the instrument has no such column. */
const char *plan_column_title(const plan_instrument *pi, const char *key, const char *fallback);

/* ---- plans -------------------------------------------------------------- */

/* Starts a plan for organisation `org` with the installed instrument (kept
 * in the same transaction). When `seed` is an evaluation of the same
 * organisation, each statement's strengths and areas for development are
 * copied from it. */
int plan_start(domain *d, int64_t org, const char *title, const char *cycle, int64_t seed,
	       int64_t *id, err *e);
/* The organisation's latest self-evaluation a plan can be seeded from
 * (highest cycle, then latest updated): 1 found, 0 none, -1 error. */
int plan_seed_latest(domain *d, int64_t org, evaluation_row *out, err *e);
/* Not found is an error (ERR_NOTFOUND). */
int plan_get(domain *d, int64_t id, plan_row *out, err *e);
int plan_get_in_org(domain *d, int64_t org, int64_t id, plan_row *out, err *e);
int plans_of_org(domain *d, int64_t org, plan_list *out, err *e);

/* One statement's text in a change; NULL leaves a field as it is. */
typedef struct plan_statement_change {
	const char *element, *strengths, *areas;
} plan_statement_change;

/* One answer (or aspect note) in a change, by its key. */
typedef struct plan_text_change {
	const char *key, *text;
} plan_text_change;

/* Saves statements of cornerstone `section` and answers to its questions
 * at once; every key must be the cornerstone's own in the plan's stored
 * instrument. */
int plan_cornerstone_save(domain *d, int64_t plan, const char *section,
			  const plan_statement_change *statements, size_t n_statements,
			  const plan_text_change *answers, size_t n_answers, err *e);
int plan_aspects_save(domain *d, int64_t plan, const plan_text_change *notes, size_t n,
		      err *e);
/* The single changes the command line makes. */
int plan_statement_set(domain *d, int64_t plan, const char *element, const char *strengths,
		       const char *areas, err *e);
int plan_answer_set(domain *d, int64_t plan, const char *section, const char *question,
		    const char *text, err *e);
int plan_aspect_set(domain *d, int64_t plan, const char *aspect, const char *text, err *e);

/* Turns the areas for development of statement `element` into an action
 * of the plan's organisation that remembers the plan and the statement.
 * `title` NULL or "": the areas' first line. `owner`, `due` may be NULL. */
int plan_area_to_action(domain *d, int64_t plan, const char *element, const char *title,
			const char *owner, const char *due, int64_t *action, err *e);

/* ---- a plan read whole -------------------------------------------------- */

typedef struct plan_full {
	plan_row plan;
	plan_instrument in;
	plan_statement_list statements;
	plan_answer_list answers;
	plan_aspect_list aspects;
	plan_action_list actions;
} plan_full;

int plan_load(domain *d, int64_t id, plan_full *p, err *e);
/* NULL when nothing is saved for it. */
const plan_statement_row *plan_statement(const plan_full *p, const char *element);
const char *plan_answer(const plan_full *p, const char *section, const char *question);
const char *plan_aspect_note(const plan_full *p, const char *aspect);

#endif
