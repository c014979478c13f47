/* schema.h: the numbered migrations that build the database, and
 * PostgreSQL's baseline (schema_pg.c). */
#ifndef COPRO_STORE_SCHEMA_H
#define COPRO_STORE_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

/* One migration: SQLite's text, and PostgreSQL's where it must differ
 * (NULL: the same text runs on both). Migrations up to the baseline have
 * no PostgreSQL text: a new PostgreSQL database starts from the baseline
 * instead, and never runs them. */
typedef struct schema_migration {
	const char *sqlite;
	const char *pg;
} schema_migration;

extern const schema_migration schema_migrations[];
extern const size_t schema_migrations_count;

/* PostgreSQL's schema at version schema_pg_baseline_version, in one text:
 * run on an empty database in one transaction, it creates every table,
 * index and trigger SQLite has at that version, creates schema_migration
 * if it is missing and records versions 1 to schema_pg_baseline_version
 * as applied. The migration runner then goes on from the version after. */
extern const char schema_pg_baseline[];
extern const int schema_pg_baseline_version;

/* Migration 25's two texts (schema_revisions.c). */
extern const char schema_revisions_sqlite[];
extern const char schema_revisions_pg[];
/* Migration 27's PostgreSQL text (schema_revisions.c). */
extern const char schema_revisions_once_pg[];

/* The text migration `version` (1-based) runs on the engine: NULL for a
 * PostgreSQL migration the baseline already holds. */
const char *schema_migration_sql(int version, bool pg);

#endif
