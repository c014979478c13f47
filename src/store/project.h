/* project.h: rows and queries for service development projects worked
 * through one of York's joint partnership models: the project, the people
 * involved, each step's record, check-question answers and evidence links.
 * Part of the store layer; see store.h for conventions. */
#ifndef COPRO_STORE_PROJECT_H
#define COPRO_STORE_PROJECT_H

#include "store/store.h"

int store_project_insert(store *s, const project_row *r, int64_t *id, err *e);
/* Writes title, service area, description, dates and updated_at; never the
 * organisation or the model. */
int store_project_update(store *s, const project_row *r, err *e);
/* Sets updated_at alone, after a change to a step. */
int store_project_touch(store *s, int64_t id, const char *now, err *e);
int store_project_get(store *s, arena *a, int64_t id, project_row *out, err *e);
/* An organisation's projects, latest start first. */
int store_project_list(store *s, arena *a, int64_t org, project_list *out, err *e);

/* ---- the people involved ----------------------------------------------- */

/* Removes every person of the project (before writing the new list). */
int store_project_people_clear(store *s, int64_t project, err *e);
/* Appends a person after the last position; p->position is ignored. */
int store_project_person_add(store *s, const project_person_row *p, err *e);
int store_project_person_list(store *s, arena *a, int64_t project, project_person_list *out,
			      err *e);

/* ---- steps, answers and evidence --------------------------------------- */

/* Inserts or replaces the project's row for r->step_key. */
int store_project_step_put(store *s, const project_step_row *r, err *e);
int store_project_step_list(store *s, arena *a, int64_t project, project_step_list *out,
			    err *e);
/* Inserts or replaces the answer to one question of one step. */
int store_project_answer_put(store *s, const project_answer_row *r, err *e);
int store_project_answer_list(store *s, arena *a, int64_t project, project_answer_list *out,
			      err *e);
/* Answers 1 when a link was added, 0 when it was there already. */
int store_project_evidence_add(store *s, const project_evidence_row *r, err *e);
/* Answers 1 when a link was removed, 0 when there was none. */
int store_project_evidence_remove(store *s, int64_t project, const char *step,
				  int64_t evidence, err *e);
/* Every link of the project, by step then evidence date, with titles. */
int store_project_evidence_list(store *s, arena *a, int64_t project,
				project_evidence_list *out, err *e);

#endif
