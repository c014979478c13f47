/* audit.h: rows and queries for York's joint partnership audits (their
 * versions, people, principles, evidence, status events) and each area's
 * local audit settings. Part of the store layer; see store.h. */
#ifndef COPRO_STORE_AUDIT_H
#define COPRO_STORE_AUDIT_H

#include "store/store.h"

/* Inserts a version; when first_id is 0 it becomes the new row's own id
 * (in the caller's transaction). */
int store_audit_insert(store *s, const audit_row *r, int64_t *id, err *e);
/* Writes the editable fields (service area to signed_on, project_id,
 * updated_at); never status, version or first_id. */
int store_audit_update(store *s, const audit_row *r, err *e);
/* Sets status, submitted_at, decided_at and updated_at from `r`. */
int store_audit_set_status(store *s, const audit_row *r, err *e);
int store_audit_get(store *s, arena *a, int64_t id, audit_row *out, err *e);
/* An organisation's audits, newest first (by first_id, then version). */
int store_audit_list_org(store *s, arena *a, int64_t org, audit_list *out, err *e);
/* Every version sharing `first_id`, oldest first. */
int store_audit_versions(store *s, arena *a, int64_t first_id, audit_list *out, err *e);
/* Submitted audits of the area's organisations, oldest submission first,
 * with the organisation's name. */
int store_audit_queue(store *s, arena *a, int64_t area, audit_list *out, err *e);
/* Returned or accepted audits of the area, latest decision first, at most
 * `limit`. */
int store_audit_decided(store *s, arena *a, int64_t area, int limit, audit_list *out, err *e);
/* Copies the people, principles and evidence links of `from` into `to`. */
int store_audit_copy_parts(store *s, int64_t from, int64_t to, const char *now, err *e);

/* ---- people completing it --------------------------------------------- */

/* Appends a person after the last position. */
int store_audit_person_add(store *s, const audit_person_row *p, err *e);
/* Removes every person of the audit (before writing the new list). */
int store_audit_people_clear(store *s, int64_t audit, err *e);
/* Answers 1 when the person was removed, 0 when there was none. */
int store_audit_person_remove(store *s, int64_t audit, int position, err *e);
int store_audit_person_list(store *s, arena *a, int64_t audit, audit_person_list *out, err *e);

/* ---- principles and their evidence ------------------------------------ */

/* Inserts or replaces the audit's row for r->principle_key. */
int store_audit_principle_put(store *s, const audit_principle_row *r, err *e);
/* Sets the area's comment on a principle of `audit`: 1 done, 0 when the
 * audit has no row for that principle. */
int store_audit_principle_comment(store *s, int64_t audit, const char *principle,
				  const char *comment, err *e);
int store_audit_principle_get(store *s, arena *a, int64_t audit, const char *principle,
			      audit_principle_row *out, err *e);
int store_audit_principle_list(store *s, arena *a, int64_t audit, audit_principle_list *out,
			       err *e);
/* Answers 1 when a link was added, 0 when it was there already. */
int store_audit_evidence_add(store *s, const audit_evidence_row *r, err *e);
/* Answers 1 when a link was removed, 0 when there was none. */
int store_audit_evidence_remove(store *s, int64_t audit, const char *principle,
				int64_t evidence, err *e);
/* Every link of the audit, by principle then evidence date, with titles. */
int store_audit_evidence_list(store *s, arena *a, int64_t audit, audit_evidence_list *out,
			      err *e);

/* ---- history ---------------------------------------------------------- */

int store_audit_event_insert(store *s, const audit_event_row *r, int64_t *id, err *e);
/* Oldest first. */
int store_audit_event_list(store *s, arena *a, int64_t audit, audit_event_list *out, err *e);

/* How many audits wait for the area's decision (the queue's length). */
int store_audit_queue_count(store *s, int64_t area, int64_t *n, err *e);

/* ---- the linked project and actions ----------------------------------- */

int store_audit_project(store *s, arena *a, int64_t project, audit_project_row *out, err *e);
/* Actions raised from the audit (action_item.source_audit_id), oldest first
 * (implemented in store/action.c). */
int store_action_list_audit(store *s, arena *a, int64_t audit, action_list *out, err *e);

/* ---- area settings ---------------------------------------------------- */

/* Answers 0 when the area has never saved settings. */
int store_area_setting_get(store *s, arena *a, int64_t area, area_setting_row *out, err *e);
/* Inserts or replaces the area's settings. */
int store_area_setting_put(store *s, const area_setting_row *r, err *e);
/* Looks an area up by name without creating it: 1 found, 0 not. An old
 * name of store_area_find, kept while callers use it. */
static inline int store_audit_area_find(store *s, const char *name, int64_t *id, err *e)
{
	return store_area_find(s, name, id, e);
}

#endif
