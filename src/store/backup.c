/* backup.c: `copro backup`: a consistent copy of the live database that is
 * either whole at its name or not there at all. */
#include <sqlite3.h>

#include "store/engine.h"
#include "store/sql.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int store_sync_path(const char *path, int flags)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | flags);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

void store_folder_of(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, n, ".");
	else if (slash == path)
		snprintf(dir, n, "/");
	else
		snprintf(dir, n, "%.*s", (int)(slash - path), path);
}

/* Copies the whole database into `tmp` in one step: one read transaction,
 * a snapshot no writer can disturb. Copying in small steps restarted
 * whenever another connection wrote, so under steady writes (about 186 a
 * second) it never finished. The snapshot keeps a checkpoint from
 * reaching the end of the WAL while it lasts, which the WAL bound in
 * serve allows for (db.c). */
static int copy_to(store *s, const char *tmp, const char *dest, err *e)
{
	sqlite3 *out = NULL;
	int rc = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(out);
		return err_set(e, ERR_IO, "cannot create the backup %s: %s. Check that its folder exists and is writable.",
			       dest, sqlite3_errstr(rc));
	}
	/* A file that is synced once, whole, before it gets its name needs
	 * neither a journal (which a killed backup would leave behind too)
	 * nor syncs of its own. */
	sqlite3_exec(out, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL);
	sqlite3_backup *b = sqlite3_backup_init(out, "main", s->db, "main");
	if (!b) {
		err_set(e, ERR_IO, "cannot start the backup to %s: %s.", dest, sqlite3_errmsg(out));
		sqlite3_close(out);
		return -1;
	}
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);      /* a writer holds the source's lock for a moment */
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	sqlite3_close(out);
	if (rc != SQLITE_DONE)
		return err_set(e, ERR_IO, "the backup failed: %s.%s", sqlite3_errstr(rc),
			       (rc & 0xFF) == SQLITE_FULL ? " Free some space on the backup's disk and try again." : "");
	return 0;
}

/* A PostgreSQL database is backed up by PostgreSQL's own tools: pg_dump
 * for a copy, base backups and WAL archiving for point-in-time recovery
 * (docs/deploy.md). */
static int refuse_pg(const char *name, const char *dest, err *e)
{
	return err_set(e, ERR_INPUT,
		       "copro backup copies SQLite databases only: back up a PostgreSQL database with pg_dump, for example pg_dump --format=custom --file=%s '%s' (docs/deploy.md, \"Backups on PostgreSQL\"), or with its base backups.",
		       dest, name);
}

/* Before connecting: the backup unit's PrivateNetwork would keep it from
 * reaching a PostgreSQL server anyway, and the refusal needs no server. */
int store_backup_can(const char *where, const char *dest, err *e)
{
	if (!store_where_is_pg(where))
		return 0;
	char *name = store_pg_name(where, e);
	if (!name)
		return -1;
	refuse_pg(name, dest, e);
	free(name);
	return -1;
}

/* The copy is made under a temporary name beside DEST, synced, renamed to
 * DEST and the folder synced: a backup killed part-way, or a power cut,
 * leaves no DEST that copro would open as an empty database. */
int store_backup(store *s, const char *dest, err *e)
{
	if (store_engine_is_pg(s))
		return refuse_pg(store_name(s), dest, e);
	struct stat sb;
	if (stat(dest, &sb) == 0)
		return err_set(e, ERR_CONFLICT,
			       "%s exists already: give a new file name so no backup is overwritten.", dest);
	size_t n = strlen(dest) + 16;
	char *tmp = malloc(n), dir[4096];
	if (!tmp)
		abort();
	snprintf(tmp, n, "%s.partial", dest);      /* a killed backup's leftover is replaced */
	unlink(tmp);
	store_folder_of(dest, dir, sizeof dir);
	int rc = copy_to(s, tmp, dest, e);
	if (rc == 0 && store_sync_path(tmp, 0) != 0)
		rc = err_set(e, ERR_IO, "cannot write the backup %s to disk: %s.", dest, strerror(errno));
	/* link() fails if DEST appeared meanwhile, where rename() would
	 * replace it: no backup is ever overwritten. */
	if (rc == 0 && link(tmp, dest) != 0)
		rc = err_set(e, errno == EEXIST ? ERR_CONFLICT : ERR_IO, "cannot put the backup at %s: %s.",
			     dest, strerror(errno));
	unlink(tmp);
	if (rc == 0 && store_sync_path(dir, O_DIRECTORY) != 0)
		rc = err_set(e, ERR_IO, "cannot write the backup's folder %s to disk: %s.", dir, strerror(errno));
	free(tmp);
	return rc;
}
