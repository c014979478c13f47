/* schema.h: the numbered migrations that build the database. */
#ifndef COPRO_STORE_SCHEMA_H
#define COPRO_STORE_SCHEMA_H

#include <stddef.h>

extern const char *const schema_migrations[];
extern const size_t schema_migrations_count;

#endif
