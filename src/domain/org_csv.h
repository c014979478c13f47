/* org_csv.h: loading an area's organisations from a CSV file: an extract of
 * the DfE's "Get Information About Schools" (GIAS) or a simple name, sector,
 * type list. All or nothing; docs/import.md describes both formats. */
#ifndef COPRO_DOMAIN_ORG_CSV_H
#define COPRO_DOMAIN_ORG_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/domain.h"

#define ORG_CSV_MAX_BYTES (20u * 1024u * 1024u)
#define ORG_CSV_MAX_ROWS 50000
#define ORG_CSV_MAX_PROBLEMS 50

/* One thing wrong with the file. `line` counts physical lines from 1 (the
 * header's), so it is the line a text editor shows for the start of the
 * row; 0 is the file as a whole. The message lives in d->mem. */
typedef struct org_csv_problem {
	size_t line;
	const char *message;
} org_csv_problem;

typedef struct org_csv_report {
	/* Set by the caller before the call (zero the rest). */
	bool include_closed;    /* import closed establishments too */
	bool dry_run;           /* check and count, write nothing */

	/* Filled in by the call. */
	const char *format;     /* "gias" or "simple"; NULL: not recognised */
	bool area_created;      /* the area was new (in a dry run: would be) */
	size_t rows;            /* data rows read, blank ones left out */
	size_t added, updated, unchanged, skipped;     /* all 0 when refused */
	org_csv_problem problems[ORG_CSV_MAX_PROBLEMS];
	size_t n_problems;      /* listed above, in the order found */
	size_t problems_total;  /* found; more than n_problems when many */
} org_csv_report;

/* Reads `bytes` (UTF-8 CSV text) and adds or updates the organisations of
 * area `area_name`, creating the area when it is new. Every row is checked
 * first; anything wrong leaves the database unchanged, fills
 * report->problems and answers -1 with a summary in e. Database failures
 * answer -1 with e alone. */
int org_import_csv(domain *d, const char *area_name, const char *bytes, size_t len,
		   org_csv_report *report, err *e);

#endif
