/* project.h: service development projects. An organisation develops a
 * service (or a piece of individual work) in joint partnership with
 * children, young people and parent carers, and works through one of
 * York's models (frameworks/york-*-model.json) step by step. Writes
 * validate everything first and then run in one transaction. */
#ifndef COPRO_DOMAIN_PROJECT_H
#define COPRO_DOMAIN_PROJECT_H

#include "domain/domain.h"

#define PROJECT_MODEL_STRATEGIC "york-strategic-model"
#define PROJECT_MODEL_INDIVIDUAL "york-individual-model"
/* More people than this on one project is refused (and would not fit one
 * web form). */
#define PROJECT_PEOPLE_MAX 40

/* The instrument id of a model named "strategic", "individual" or by its
 * own id; NULL for anything else. */
const char *project_model_id(const char *name);

/* Checks title, service area, description and dates (not the model). */
int project_validate(const project_row *p, err *e);
/* Checks one person; on success sets p->partner_group to its canonical
 * name (cyp, parents ... are accepted as in groups_parse). */
int project_person_check(project_person_row *p, err *e);

/* Adds a project of organisation p->organisation_id following model
 * p->framework_id ("strategic", "individual" or a model id), with its
 * people, and keeps the model's text. Fills p's id, hash and times. */
int project_add(domain *d, project_row *p, const project_person_list *people, int64_t *id,
		err *e);
/* Changes the details (title to dates) of project p->id and, when
 * `people` is not NULL, replaces its people with them. */
int project_edit(domain *d, const project_row *p, const project_person_list *people, err *e);
/* Not found is an error (ERR_NOTFOUND). */
int project_get(domain *d, int64_t id, project_row *out, err *e);
int project_get_in_org(domain *d, int64_t org, int64_t id, project_row *out, err *e);
int projects_of_org(domain *d, int64_t org, project_list *out, err *e);
/* Replaces the people involved with `people` (which may be empty). */
int project_people_set(domain *d, int64_t project, const project_person_list *people, err *e);
/* Adds one person after the others. */
int project_person_add(domain *d, int64_t project, project_person_row *p, err *e);

/* One check question's answer in a change. */
typedef struct project_answer_change {
	const char *question;           /* the question's key, "a" */
	const char *answer;             /* yes, partly, no */
	const char *note;               /* NULL: keep the saved note */
} project_answer_change;

/* Everything about one step a form or command can change at once. */
typedef struct project_step_change {
	int done;                       /* 1 done, 0 not done, -1 leave as it is */
	const char *done_on;            /* the date done: NULL keeps it, "" clears it */
	const char *note;               /* NULL: leave */
	const project_answer_change *answers;
	size_t n_answers;
	const int64_t *link, *unlink;   /* evidence items to link and unlink */
	size_t n_link, n_unlink;
} project_step_change;

/* Checks the whole change against the project's stored model and the
 * organisation's evidence, then writes it in one transaction. A date done
 * must be a real date, not in the future, and only for a done step. */
int project_step_save(domain *d, int64_t project, const char *step,
		      const project_step_change *c, err *e);
/* The single changes the command line makes. */
int project_step_set(domain *d, int64_t project, const char *step, bool done,
		     const char *done_on, const char *note, err *e);
int project_answer_set(domain *d, int64_t project, const char *step, const char *question,
		       const char *answer, const char *note, err *e);
/* *changed tells whether a link was added (or removed). */
int project_evidence_link(domain *d, int64_t project, const char *step, int64_t evidence,
			  bool unlink, bool *changed, err *e);

/* ---- reading a project whole ------------------------------------------- */

typedef struct project_question {
	const fw_item *item;            /* key, text and gap from the stored model */
	const char *answer;             /* NULL: not answered */
	const char *note;
} project_question;

typedef struct project_step_progress {
	const fw_element *step;         /* key, title, description, gap */
	bool saved;                     /* the step has been recorded at least once */
	bool done;
	const char *done_on, *note;     /* done_on may be NULL; note "" */
	project_question *questions;
	size_t n_questions, n_answered;
	project_evidence_row *evidence; /* linked items, oldest first */
	size_t n_evidence;
} project_step_progress;

typedef struct project_progress {
	project_row project;
	framework *fw;                  /* the stored model (goes with d->mem) */
	bool framework_changed;         /* the installed file differs */
	project_person_list people;
	project_step_progress *steps;   /* every step of every section, in order */
	size_t n_steps, steps_done;
} project_progress;

int project_progress_load(domain *d, int64_t id, project_progress *p, err *e);
const project_step_progress *project_progress_step(const project_progress *p, const char *key);

/* A project with its model's title and number of steps, for lists. */
typedef struct project_summary {
	project_row project;
	const char *model_title;
	size_t steps_total;
} project_summary;

typedef STORE_LIST(project_summary) project_summary_list;

/* The organisation's projects, latest start first. */
int project_summaries(domain *d, int64_t org, project_summary_list *out, err *e);

#endif
