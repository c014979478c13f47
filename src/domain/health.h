/* health.h: what a running copro says about itself: the versions `copro
 * --version` prints, and the database check behind GET /healthz. */
#ifndef COPRO_DOMAIN_HEALTH_H
#define COPRO_DOMAIN_HEALTH_H

#include <stddef.h>

#include "domain/domain.h"

/* The schema version this copro migrates every database to. */
int health_schema_latest(void);
/* The database library, e.g. "SQLite 3.40.1". */
const char *health_database_library(void);

/* 0 when the database answers a read and its schema is the one this copro
 * knows; else -1 with a one-line reason for strangers in `reason` (nothing
 * of the data, no file names) and the whole story in `e`. */
int health_check(domain *d, char *reason, size_t size, err *e);

#endif
