/* fuzz_org_csv.c: the CSV organisation import (src/domain/org_csv*.c):
 * any bytes as the file. Inputs of even length are checked only (a dry
 * run), odd ones imported, so both paths run from the same seeds. */
#include "fuzz.h"

#include "domain/org_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_world *w = fuzz_world_get();
	org_csv_report report = {.dry_run = size % 2 == 0, .include_closed = size % 3 == 0};
	err e = {0};
	if (store_begin(&w->db, &e) < 0)
		abort();
	int rc = org_import_csv(&w->d, "Fuzz Area", (const char *)data, size, &report, &e);
	store_rollback(&w->db);     /* every input meets the same database */
	if (getenv("COPRO_FUZZ_VERBOSE"))
		fprintf(stderr, "org_csv: %s (%zu rows)\n", rc == 0 ? "imported" : e.msg, report.rows);
	if (report.n_problems > ORG_CSV_MAX_PROBLEMS || report.problems_total < report.n_problems)
		abort();
	arena_free(&w->mem);
	return 0;
}
