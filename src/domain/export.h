/* export.h: what export.c and import.c share: the format names, the
 * checksum; and what export.c shares with its parts (export_*.c).
 * Internal to src/domain/. */
#ifndef COPRO_DOMAIN_EXPORT_H
#define COPRO_DOMAIN_EXPORT_H

#include <jansson.h>

#include "domain/domain.h"

/* Export always writes the latest format; import also reads the older ones
 * (1: no projects and no audits; 2: no measures, plans, action reviews or
 * "You said, we did"; 3: no rounds of views; 4: no Charter Gold; 5: no
 * evidence files). */
#define EXPORT_FORMAT "copro-export-6"
#define EXPORT_FORMAT_5 "copro-export-5"
#define EXPORT_FORMAT_4 "copro-export-4"
#define EXPORT_FORMAT_3 "copro-export-3"
#define EXPORT_FORMAT_2 "copro-export-2"
#define EXPORT_FORMAT_1 "copro-export-1"

/* Numbers that are not whole (readings, baselines, targets) are written
 * with 15 significant digits: the shortest form that reads back the same
 * for any decimal a person typed, and the form other JSON tools (Python,
 * jq) write too, so their checksum agrees. */
#define EXPORT_REAL_FLAGS JSON_REAL_PRECISION(15)

/* "sha256:" and 64 hex digits over the document without its checksum. */
int export_checksum(json_t *doc, char out[72]);
/* A number as the export writes it: whole numbers as integers. */
json_t *export_number(double v);

/* The place (from 1) of the row whose id (its first member) is `id` in a
 * list as the file writes it; 0 when absent. */
json_int_t export_ref_of(const void *items, size_t n, size_t size, int64_t id);

/* Adds the stored text of version `hash` to doc's framework_versions once,
 * in the order records first use it. `id` NULL takes the id from the text;
 * *id_out (may be NULL) is the version's instrument id. */
int export_keep_version(domain *d, json_t *doc, const char *id, const char *hash,
			const char **id_out, err *e);
/* qsort, but an empty list's NULL array (undefined for qsort) is skipped. */
void export_sort(void *items, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Fills `projects` and `audits` (sorted by id) and adds them to doc's
 * "projects" and "audits", their evidence links as refs into `evidence`
 * (export_projects.c). */
int export_projects_and_audits(domain *d, int64_t org, const evidence_list *evidence,
			       project_list *projects, audit_list *audits, json_t *doc, err *e);

/* The lists the views part of an export points into, in file order. */
typedef struct export_refs {
	const evaluation_list *evaluations;
	const audit_list *audits;
	const evidence_list *evidence;
} export_refs;

/* Adds "view_rounds" (submitted responses only: drafts are a partner's
 * private progress) and "view_settings" to `doc` (export_views.c). */
int export_views(domain *d, int64_t org, const export_refs *refs, json_t *doc, err *e);
/* Adds "gold": the assessor's comments and the decisions (export_gold.c). */
int export_gold(domain *d, int64_t org, const evaluation_list *evs, json_t *doc, err *e);
/* Adds "evidence_files": each file with its bytes in base64
 * (export_files.c). */
int export_files(domain *d, int64_t org, const evidence_list *evidence, json_t *doc, err *e);

#endif
