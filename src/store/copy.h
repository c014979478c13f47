/* copy.h: `copro migrate`'s pieces shared by copy.c (the two databases,
 * the refusals, the transaction and the renamed file) and copy_table.c
 * (the catalogues, the order of the tables and the rows). Internal to
 * src/store. */
#ifndef COPRO_STORE_COPY_H
#define COPRO_STORE_COPY_H

#include "core/arena.h"
#include "store/engine.h"

/* One table as the source's catalogue describes it. */
typedef struct copy_table {
	const char *name;
	const char **cols;      /* in the table's order */
	size_t n_cols;
	const char *key;        /* its primary key's columns, "a, b": the rows' order */
	int int_key;            /* the column of a key that is one integer, or -1 */
	bool bytes;             /* it has a BLOB (BYTEA) column */
	const char **deps;      /* the tables its foreign keys name */
	size_t n_deps;
} copy_table;

/* The tables of a database in an order its foreign keys accept: every
 * table after those it refers to. */
typedef struct copy_plan {
	copy_table *t;
	size_t n;
} copy_plan;

/* The tables of `s`, by name, into an arena array. */
int copy_table_names(store *s, arena *a, const char ***names, size_t *n, err *e);
/* The plan of `s` (the source): its tables, columns, keys and order. */
int copy_plan_make(store *s, arena *a, copy_plan *p, err *e);
/* The first table of `s`, by name, that holds a row (schema_migration
 * aside), or NULL when none does. */
int copy_first_with_rows(store *s, arena *a, const char **table, err *e);
/* Copies the rows of every table of `p` from src into dst, reporting
 * each table to `r`. */
int copy_rows(store *src, store *dst, arena *a, const copy_plan *p, store_copy_report *r, err *e);
/* On PostgreSQL, each identity of p's tables set past the largest id. */
int copy_identities(store *dst, arena *a, const copy_plan *p, err *e);

#endif
