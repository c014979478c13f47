/* audit_internal.h: what the files of York's audit share: audit.c (reading,
 * filling in a draft, the whole audit), audit_settings.c (the area's score
 * scale and outcome rule, the suggested outcome, instrument lookups) and
 * audit_workflow.c (submit, return, accept, revise, actions from next
 * steps). Private to those files. */
#ifndef COPRO_DOMAIN_AUDIT_INTERNAL_H
#define COPRO_DOMAIN_AUDIT_INTERNAL_H

#include "domain/audit.h"

/* ---- audit.c ----------------------------------------------------------- */

/* Empty or only spaces: a name or comment of blanks says nothing. */
bool audit_blank(const char *s);
/* The instrument as it was when audit `a` started (its stored version). */
framework *audit_instrument(domain *d, const audit_row *a, bool *changed, err *e);
int audit_refuse_status(const audit_row *a, const char *verb, err *e);
/* The level keys of every principle of the instrument, in its order. */
int audit_principle_levels(domain *d, const audit_row *a, const framework *fw,
			    const char ***levels, err *e);
int audit_add_event(domain *d, int64_t audit, const audit_actor *who, const char *status,
		     const char *comment, const char *now, err *e);

/* ---- audit_settings.c -------------------------------------------------- */

/* "1, 2, 3, 4, 5 or 6": the principle keys, for messages. */
const char *audit_principle_keys(arena *a, const framework *fw);
const char *audit_level_keys(arena *a, const fw_element *el);
const char *audit_outcome_keys(arena *a, const framework *fw);

/* ---- audit_workflow.c -------------------------------------------------- */

/* What submit still needs, or NULL. */
int audit_missing_of(domain *d, const audit_row *a, const char **missing, err *e);

#endif
