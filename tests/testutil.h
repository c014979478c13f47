/* testutil.h: what the unit tests share: cmocka, a fresh database in a
 * temporary directory, and the bundled instruments. Header-only so each
 * test file stays one self-contained program. */
#ifndef COPRO_TESTUTIL_H
#define COPRO_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "core/text.h"
#include "domain/domain.h"
#include "store/store.h"         /* tests look at the database directly */

/* A test's world: a database of its own, the bundled instruments and an
 * arena, all released by fixture_teardown. */
typedef struct fixture {
	char dir[64];
	char path[128];
	store db;
	fw_registry frameworks;
	arena mem;
	domain d;
	err e;
} fixture;

static inline const char *test_frameworks_dir(void)
{
	const char *env = getenv("COPRO_FRAMEWORKS");
	return env ? env : COPRO_FRAMEWORKS_DIR;
}

static inline int fixture_setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/copro-test-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
	assert_int_equal(fw_registry_load(&f->frameworks, test_frameworks_dir(), &f->e), 0);
	assert_int_equal(store_open(&f->db, f->path, STORE_CREATE, &f->e), 0);
	f->d = (domain){.db = &f->db, .frameworks = &f->frameworks, .mem = &f->mem};
	*state = f;
	return 0;
}

static inline int fixture_teardown(void **state)
{
	fixture *f = *state;
	store_close(&f->db);
	fw_registry_free(&f->frameworks);
	arena_free(&f->mem);
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	free(f);
	return 0;
}

/* An organisation and a Four Cornerstones evaluation to work in. */
static inline int64_t fixture_org(fixture *f, const char *name)
{
	org_row o = {.name = name, .sector = "education", .area = "Test Area"};
	int64_t id = 0;
	assert_int_equal(org_add(&f->d, &o, &id, &f->e), 0);
	return id;
}

static inline int64_t fixture_evaluation(fixture *f, int64_t org)
{
	int64_t id = 0;
	assert_int_equal(evaluation_start(&f->d, org, "four-cornerstones", "2026-27", &id, &f->e), 0);
	return id;
}

/* Counts the rows of every table, to prove a refused write left nothing
 * behind: compare the totals before and after. Every table of the schema
 * counts, so new tables are covered as soon as a migration adds them, but
 * sign-in failures, which a refusal records on purpose. */
static inline int64_t test_count_rows(store *s)
{
	sqlite3_stmt *tables = NULL;
	int64_t n = 0;
	if (sqlite3_prepare_v2(s->db,
		"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
		" AND name NOT IN ('schema_migration', 'sign_in_failure')", -1, &tables, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char sql[200];
		snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM \"%s\"",
			 (const char *)sqlite3_column_text(tables, 0));
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK ||
		    sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_finalize(st);
			n = -1;
			break;
		}
		n += sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	return n;
}

#endif
