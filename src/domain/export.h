/* export.h: what export.c and import.c share: the format name, the
 * checksum. Internal to src/domain/. */
#ifndef COPRO_DOMAIN_EXPORT_H
#define COPRO_DOMAIN_EXPORT_H

#include <jansson.h>

#define EXPORT_FORMAT "copro-export-1"

/* "sha256:" and 64 hex digits over the document without its checksum. */
int export_checksum(json_t *doc, char out[72]);

#endif
