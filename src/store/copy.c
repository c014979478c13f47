/* copy.c: `copro migrate`: a whole copro database copied into a new one,
 * SQLite or PostgreSQL either way, all of it or nothing: the source only
 * read, the target one transaction (PostgreSQL) or a file that gets its
 * name once it is complete and on disk (SQLite, as backup.c). */
#include "store/copy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/sql.h"

/* Where a database is: a path or sqlite:PATH (SQLite), or a libpq URI. */
static int parse_where(const char *given, const char *option, const char **where, err *e)
{
	if (strncmp(given, "sqlite:", 7) == 0)
		given += 7;
	else if (!store_where_is_pg(given) && strstr(given, "://"))
		return err_set(e, ERR_INPUT,
			       "%s %s is neither a SQLite file (a path, or sqlite:PATH) nor a PostgreSQL database (postgresql://USER@HOST/DATABASE): give one of those.",
			       option, given);
	if (!*given)
		return err_set(e, ERR_INPUT,
			       "%s names no database: give a path, sqlite:PATH or postgresql://USER@HOST/DATABASE.",
			       option);
	*where = given;
	return 0;
}

/* The same text, or two names of one file. PostgreSQL addresses are
 * compared once connected (open_pg_target), by the database reached. */
static bool same_file(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return true;
	struct stat sa, sb;
	return !store_where_is_pg(a) && !store_where_is_pg(b) && stat(a, &sa) == 0 &&
	       stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int same_refused(const char *to, err *e)
{
	return err_set(e, ERR_INPUT,
		       "--from and --to name the same database (%s): migrate copies a database into another, new one. Give --to a new database.",
		       to);
}

/* ---- the source ---------------------------------------------------------------- */

/* Opened read-only and never migrated: a source at another version is
 * refused, not brought up to date. */
static int open_source(store *s, const char *where, err *e)
{
	if (store_connect_named(s, where, "--from", STORE_READONLY, e) < 0)
		return -1;
	bool has = false;
	int v = 0, latest = store_latest_version();
	if (store_schema_state(s, &has, &v, e) < 0)
		return -1;
	if (!has)
		return err_set(e, ERR_INPUT,
			       "%s is not a copro database (it has no schema_migration table): give --from a database copro made.",
			       s->path);
	if (v < latest)
		return err_set(e, ERR_CONFLICT,
			       "the source %s is at schema version %d and this copro's is %d: migrate copies only a database at this copro's version, and never changes its source. Bring it up to date first by opening it once with this copro (for example copro --db %s org list, which applies the missing migrations), then run migrate again.",
			       s->path, v, latest, s->path);
	if (v > latest)
		return err_set(e, ERR_CONFLICT,
			       "the source %s was made by a newer copro (schema %d, this one knows %d): run migrate with that copro.",
			       s->path, v, latest);
	return store_read_begin(s, e);  /* one snapshot of every table */
}

/* ---- the target ---------------------------------------------------------------- */

static int holds_data(const char *where, const char *table, err *e)
{
	return err_set(e, ERR_CONFLICT,
		       "the target %s already holds copro data (the table %s has rows): migrate copies only into a new, empty database, and wrote nothing. Give --to a new database.",
		       where, table);
}

/* A SQLite target is a new file: one that exists is never overwritten;
 * the message names a table with rows when it has one. */
static int sqlite_target_free(const char *where, arena *a, err *e)
{
	struct stat sb;
	if (stat(where, &sb) != 0)
		return errno == ENOENT ? 0 : err_set(e, ERR_IO, "cannot use %s as the target: %s.", where, strerror(errno));
	store t;
	err ignored = {0};
	const char *table = NULL;
	bool copro = false;
	if (store_connect(&t, where, STORE_READONLY, &ignored) == 0 &&
	    t.engine->has_table(&t, "schema_migration", &copro, &ignored) == 0 && copro)
		copy_first_with_rows(&t, a, &table, &ignored);
	store_close(&t);
	if (table)
		return holds_data(where, table, e);
	return err_set(e, ERR_CONFLICT,
		       "the target %s exists already: migrate writes a new file and never overwrites one. Give --to the path of a new file.",
		       where);
}

static void remove_partial(const char *tmp)
{
	char name[4200];
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		snprintf(name, sizeof name, "%s%s", tmp, suffixes[i]);
		unlink(name);
	}
}

/* TARGET.partial, made afresh (a killed migrate's leftover and its
 * journal go first: an old WAL must not be read into the new file). */
static int open_sqlite_target(store *d, const char *tmp, err *e)
{
	remove_partial(tmp);
	if (store_connect_named(d, tmp, "--to", STORE_CREATE, e) < 0 || store_migrate(d, e) < 0)
		return -1;
	return store_begin(d, e);
}

/* The file whole on disk before it gets its name; link() rather than
 * rename() so that a file made meanwhile at that name is not replaced. */
static int finish_sqlite(store *d, const char *tmp, const char *where, err *e)
{
	if (store_commit(d, e) < 0)
		return -1;
	store_close(d);         /* the last connection folds the WAL into the file */
	char dir[4096];
	store_folder_of(where, dir, sizeof dir);
	if (store_sync_path(tmp, 0) != 0)
		return err_set(e, ERR_IO, "cannot write %s to disk: %s.", tmp, strerror(errno));
	if (link(tmp, where) != 0)
		return err_set(e, errno == EEXIST ? ERR_CONFLICT : ERR_IO, "cannot put the copy at %s: %s.",
			       where, strerror(errno));
	unlink(tmp);
	if (store_sync_path(dir, O_DIRECTORY) != 0)
		return err_set(e, ERR_IO, "cannot write the folder %s to disk: %s.", dir, strerror(errno));
	return 0;
}

/* One transaction from here to the commit: the schema, if the database
 * is new, and every row. Refused or interrupted, nothing stays. */
static int open_pg_target(store *d, const char *where, const store *src, arena *a, err *e)
{
	if (store_connect_named(d, where, "--to", STORE_EXISTING, e) < 0)
		return -1;
	if (store_engine_is_pg(src) && store_pg_same_database(src, d))
		return same_refused(d->path, e);
	const char *table = NULL;
	if (store_begin(d, e) < 0 || store_migrate(d, e) < 0 || copy_first_with_rows(d, a, &table, e) < 0)
		return -1;
	return table ? holds_data(d->path, table, e) : 0;
}

int store_copy(const char *from, const char *to, store_copy_report *r, err *e)
{
	const char *src_at, *dst_at;
	if (parse_where(from, "--from", &src_at, e) < 0 || parse_where(to, "--to", &dst_at, e) < 0)
		return -1;
	if (same_file(src_at, dst_at))
		return same_refused(to, e);
	arena a = {0};
	store src = {0}, dst = {0};
	bool pg = store_where_is_pg(dst_at);
	char *tmp = NULL;       /* TARGET.partial, once this run makes it */
	copy_plan p;
	int rc = -1;
	if ((!pg && sqlite_target_free(dst_at, &a, e) < 0) || open_source(&src, src_at, e) < 0 ||
	    copy_plan_make(&src, &a, &p, e) < 0)
		goto out;
	if (!pg)
		tmp = arena_printf(&a, "%s.partial", dst_at);
	if ((pg ? open_pg_target(&dst, dst_at, &src, &a, e) : open_sqlite_target(&dst, tmp, e)) < 0 ||
	    copy_rows(&src, &dst, &a, &p, r, e) < 0 || copy_identities(&dst, &a, &p, e) < 0)
		goto out;
	rc = pg ? store_commit(&dst, e) : finish_sqlite(&dst, tmp, dst_at, e);
out:
	store_close(&dst);      /* rolls back what was not committed */
	store_close(&src);
	if (rc < 0 && tmp)
		remove_partial(tmp);
	arena_free(&a);
	return rc;
}
