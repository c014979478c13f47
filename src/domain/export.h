/* export.h: what export.c and import.c share: the format names, the
 * checksum. Internal to src/domain/. */
#ifndef COPRO_DOMAIN_EXPORT_H
#define COPRO_DOMAIN_EXPORT_H

#include <jansson.h>

/* Export always writes the latest format; import also reads the older ones
 * (1: no projects and no audits; 2: no measures, plans, action reviews or
 * "You said, we did"). */
#define EXPORT_FORMAT "copro-export-3"
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

#endif
