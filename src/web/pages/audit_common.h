/* audit_common.h: what the audit pages share (audits.c, audit.c,
 * audit_edit.c, audit_principle.c, area_audits.c, area_settings.c): the
 * audit named in the URL, its address, status and breadcrumbs, the radios
 * whose choices carry hints, and the form helpers their forms have in common. */
#ifndef COPRO_WEB_PAGES_AUDIT_COMMON_H
#define COPRO_WEB_PAGES_AUDIT_COMMON_H

#include "domain/audit.h"
#include "web/pages/pages.h"

/* ---- the audit in the URL ----------------------------------------------- */

/* Loads the audit named in the URL, when it belongs to the organisation in
 * the URL (another organisation's audit does not exist here: 404).
 * Answers 0, or the status of the error page it wrote. */
int audit_page_load(request *r, audit_view *v);
/* An error page for a domain error: 404, 503, 409 or 500 by its kind. */
int audit_page_error(request *r, const err *e);
/* A 409 page saying why the change cannot happen now, with the way back. */
int audit_conflict(request *r, const audit_view *v, const char *message);
/* "/org/1/audit/2". */
const char *audit_url(request *r, int64_t org, int64_t audit);
/* Home > organisation > Audits > Version N (> here). */
void audit_breadcrumbs(request *r, const audit_view *v, const char *here);
/* The person acting, for the domain's workflow checks. */
audit_actor audit_actor_of(request *r);

/* ---- words ---------------------------------------------------------------- */

const char *audit_status_label(const char *status);
void audit_status_tag(request *r, const char *status);
/* "Principle", from the instrument's own terms. */
const char *audit_principle_term(request *r, const framework *fw);
/* A field's title from the audit's instrument, or `fallback`. */
const char *audit_title_or(const audit_view *v, const char *key, const char *fallback);
/* An outcome's title from the audit's instrument, or the key itself. */
const char *audit_outcome_words(const audit_view *v, const char *key);
/* What a rule does, without the rule's name the domain's sentence starts
 * with (pages show the name next to it). */
const char *audit_rule_how(request *r, const char *rule);
/* Why the suggestion is what it is: a local rule, named, not the source's. */
void audit_rule_note(request *r, const audit_view *v);
/* A principle's commitments and indicator, as the source words them. */
void audit_commitments(request *r, const audit_principle_view *pv);
void audit_indicator(request *r, const audit_principle_view *pv);
/* The area's comment on a principle when it returned the audit (this
 * version, or the one before a draft), as an inset; nothing when none. */
void audit_area_comment(request *r, const audit_principle_view *pv);

/* ---- forms ---------------------------------------------------------------- */

/* Radios whose choices each carry a hint (a level's descriptor, a rule's
 * explanation). Nothing is checked unless `selected` names a choice. */
typedef struct audit_choice {
	const char *value, *label, *hint, *gap;
} audit_choice;

void audit_choice_radios(request *r, const char *name, const char *legend, const audit_choice *c,
			 size_t n, const char *selected, const char *hint_text,
			 const form_errors *fe);
/* The field a domain message is about, from the words it uses. */
const char *audit_field_of_message(const char *msg, const char *fallback);
/* The form field `name` without spaces or tabs around it; NULL when the
 * form did not send it. */
const char *audit_posted(request *r, const char *name);
/* A whole number of at most `digits` digits; false for anything else. */
bool audit_whole_number(const char *s, size_t digits, int *out);
/* The id of a record chosen in a form, or 0 for none or not a number. */
int64_t audit_chosen_id(const char *s);
/* The select of the organisation's projects, and the one posted: 0 for
 * none, -1 when it is not one of the organisation's projects. */
void audit_project_select(request *r, const project_list *projects, const char *chosen,
			  const form_errors *fe);
int64_t audit_project_posted(const project_list *projects, const char *value);
/* Adds `what` as field's error when value is given but not a real date. */
/* Date input NAME of a form that may leave it out: NULL when not sent (it
 * stays as it is), "" when emptied (or wrong: the GOV.UK message is then
 * in fe), else YYYY-MM-DD. `what` names it in messages: "the review date". */
const char *audit_posted_date(request *r, const char *name, const char *what, form_errors *fe);

/* The area in the URL's name for headings ("Your area" if it cannot be read). */
const char *audit_area_name(request *r);

#endif
