/* import_internal.h: what the files that load an export share: the records as read
 * from the file, the import's state, and the checks every part uses.
 * import.c checks the document and writes the core records,
 * import_york.c projects and audits, import_cycle.c plans, actions,
 * measures and "You said, we did". Private to src/domain/import*.c. */
#ifndef COPRO_DOMAIN_IMPORT_INTERNAL_H
#define COPRO_DOMAIN_IMPORT_INTERNAL_H

#include <jansson.h>

#include "domain/audit.h"
#include "domain/domain.h"
#include "domain/measure.h"
#include "domain/plan.h"
#include "domain/project.h"
#include "domain/review.h"

/* A project as read from the file; evidence links hold evidence refs in
 * evidence_id until the evidence is written. */
struct imp_project {
	project_row row;
	framework *fw;
	project_person_row *people;
	project_step_row *steps;
	project_answer_row *answers;
	project_evidence_row *links;
	size_t n_people, n_steps, n_answers, n_links;
};

/* An audit as read from the file: row.project_id and row.first_id hold
 * refs, and so do the links' evidence_id, until those records are written. */
struct imp_audit {
	audit_row row;
	framework *fw;
	audit_person_row *people;
	audit_principle_row *principles;
	audit_evidence_row *links;
	audit_event_row *events;
	size_t n_people, n_principles, n_links, n_events;
};

/* A metric as read from the file; each reading's review is named by its
 * action's ref and its place among that action's reviews. */
struct imp_metric {
	metric_row row;
	reading_row *readings;
	json_int_t *review_action, *review_at;  /* 0: no review */
	size_t n_readings;
};

/* A measure as read from the file: row.carried_from holds a ref until
 * written; links are refs of later measures. */
struct imp_measure {
	measure_row row;
	framework *fw;
	struct imp_metric *metrics;
	json_int_t *links;
	size_t n_metrics, n_links;
};

/* A plan as read from the file: row.seeded_from holds an evaluation ref. */
struct imp_plan {
	plan_row row;
	framework *fw;
	plan_statement_row *statements;
	plan_answer_row *answers;
	plan_aspect_row *aspects;
	size_t n_statements, n_answers, n_aspects;
};

/* An action as read from the file: its source ids hold refs, its reviews'
 * evidence holds evidence refs, until written. */
struct imp_action {
	action_row row;
	action_review_row *reviews;
	json_int_t **review_evidence;
	size_t *n_review_evidence;
	size_t n_reviews;
	int64_t *review_ids;            /* once written */
};

/* What one import holds while it is checked and then written. */
struct import {
	domain *d;
	json_t *doc;
	int format;                     /* 1: no projects, no audits; 2: no plan-do-review;
					 * 3: no rounds of views; 4: no Charter Gold */
	org_row org;
	size_t n_versions, n_evals, n_evidence, n_projects, n_audits;
	size_t n_measures, n_plans, n_actions, n_you_said;
	framework **versions;
	bool *version_used;             /* by a record: an unused version is refused */
	evaluation_row *evals;          /* framework versions by evaluation */
	framework **eval_fw;
	json_int_t *eval_previous;      /* refs; 0: none */
	struct imp_project *projects;
	struct imp_audit *audits;
	struct imp_measure *measures;
	struct imp_plan *plans;
	struct imp_action *actions;
	you_said_row *you_said;         /* action_id holds a ref */
	/* database ids once written */
	int64_t *eval_ids, *evidence_ids, *project_ids, *audit_ids, *measure_ids, *plan_ids,
		*action_ids;
	struct imp_file *files;         /* evidence files (format 6), checked whole */
	size_t n_files;
};

/* ---- import.c: checks every part uses ---------------------------------- */

/* Unpacks `obj` strictly (unknown fields refused) and names the record in
 * the message when it does not fit. */
int import_unpack(json_t *obj, const char *where, err *e, const char *fmt, ...);

/* An absent optional field is exported as null, but jansson's unpack has
 * no "string or null": drop those nulls so "s?s" reads them as absent. */
void import_drop_nulls(json_t *obj, const char *const *keys);
int import_parse_groups(json_t *arr, const char *where, int *groups, err *e);
int import_check_stamp(const char *where, const char *stamp, err *e);

/* Puts where in the file a shared check (the one the commands use) failed
 * in front of its message. */
int import_damaged_at(const char *where, err *e);
int import_check_date_or_null(const char *where, const char *what, const char *date, err *e);

/* A file in an older format lacks fields format 3 added: they get their
 * value in it (`value`, taken), and a file that has them anyway is
 * refused, as it is not what that format wrote. */
int import_older_field(struct import *im, int before, json_t *obj, const char *where,
		       const char *key, json_t *value, err *e);

/* The version `hash` of instrument `id` from framework_versions, marked
 * as used; NULL when the file does not hold it. */
framework *import_version_of(struct import *im, const char *id, const char *hash);

/* The evaluation a "ref" names, or NULL. */
framework *import_eval_by_ref(struct import *im, json_int_t ref);

/* `list`, field `key` of the record at `where`, which must be a list; *n
 * is its length. */
json_t *import_list_field(json_t *list, const char *where, const char *key, size_t *n, err *e);
int import_check_evidence_ref(struct import *im, const char *where, json_int_t ref, err *e);

/* Lists keyed by text are sorted by key, each key once, as the store
 * gives them: a repeated key would merge into one row on import. */
int import_check_order(const char *where, bool ascending, err *e);
int import_key_ref_cmp(const char *ka, int64_t ra, const char *kb, int64_t rb);
int import_put_version(struct import *im, const framework *fw, const char *now, err *e);


/* ---- import_york.c ----------------------------------------------------- */
int import_read_projects(struct import *im, err *e);
int import_read_audits(struct import *im, err *e);
int import_write_project(struct import *im, size_t i, int64_t org, err *e);
int import_write_audit(struct import *im, size_t i, int64_t org, err *e);


/* ---- import_cycle.c ---------------------------------------------------- */
int import_read_plans(struct import *im, err *e);
int import_read_actions(struct import *im, err *e);
int import_read_measures(struct import *im, err *e);
int import_read_you_said(struct import *im, err *e);
int import_write_measures(struct import *im, int64_t org, err *e);
int import_write_plans(struct import *im, int64_t org, err *e);
int import_write_actions(struct import *im, int64_t org, err *e);

/* Readings after the actions: a reading names the review that added it.
 * A link's time is not in the file: it gets the later measure's. */
int import_write_readings_and_links(struct import *im, err *e);
int import_write_you_said(struct import *im, int64_t org, err *e);


/* ---- import_views.c ---------------------------------------------------- */
/* Rounds of views (after evaluations, audits and evidence, which they name)
 * and the organisation's partner-voice settings. A link whose token hash
 * this database holds already (the organisation imported twice under two
 * names) gets a hash nobody has the token of: a lead replaces the link. */
int import_read_views(struct import *im, err *e);
int import_write_views(struct import *im, int64_t org, err *e);

/* ---- import_gold.c ----------------------------------------------------- */
/* The assessor's comments and the decisions (after evaluations). */
int import_read_gold(struct import *im, err *e);
int import_write_gold(struct import *im, int64_t org, err *e);

/* ---- export_files.c ---------------------------------------------------- */
/* Evidence files (after evidence), their bytes decoded and checked. */
int import_read_files(struct import *im, err *e);
int import_write_files(struct import *im, int64_t org, err *e);

#endif
