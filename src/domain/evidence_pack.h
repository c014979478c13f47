/* evidence_pack.h: an evaluation's evidence pack for an assessor or an
 * inspection: one ZIP (domain/evidence_pack.c). */
#ifndef COPRO_DOMAIN_EVIDENCE_PACK_H
#define COPRO_DOMAIN_EVIDENCE_PACK_H

#include "domain/domain.h"
#include "report/report.h"

/* The ZIP of evaluation `evaluation` (of organisation `org`; 0: any, for
 * the command line): report.pdf (`pdf`, the evaluation's report as the
 * caller's writer made it; NULL leaves it out), readiness.txt (Charter
 * Gold readiness, copro's reading of the guidance), evidence.csv (each
 * evidence item linked to the evaluation, with the formula guard of
 * area_export.h) and evidence-files/ (each of those items' files, under
 * its safe name, repeated names numbered). *filename: a safe, descriptive
 * name ending in .zip. The bytes go in d->mem. */
int evidence_pack(domain *d, int64_t org, int64_t evaluation, const report_bytes *pdf,
		  report_bytes *out, const char **filename, err *e);

#endif
