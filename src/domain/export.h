/* export.h: what export.c and import.c share: the format names, the
 * checksum. Internal to src/domain/. */
#ifndef COPRO_DOMAIN_EXPORT_H
#define COPRO_DOMAIN_EXPORT_H

#include <jansson.h>

/* Export always writes the latest format; import also reads the older one
 * (which has no projects and no audits). */
#define EXPORT_FORMAT "copro-export-2"
#define EXPORT_FORMAT_1 "copro-export-1"

/* "sha256:" and 64 hex digits over the document without its checksum. */
int export_checksum(json_t *doc, char out[72]);

#endif
