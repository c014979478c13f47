/* engine_sqlite.c: SQLite's statements (binding, stepping, reading
 * columns), its error codes as sentences and classes, and its engine
 * table; the connection itself is db.c's. */
#include "store/engine_sqlite.h"

#include <errno.h>

_Static_assert(SQL_STEP_ROW == SQLITE_ROW && SQL_STEP_DONE == SQLITE_DONE,
	       "SQLite's step answers pass through sql_step unchanged");

static sqlite3_stmt *raw(sql_stmt *st)
{
	return ((lite_stmt *)st)->st;
}

static const char *lite_sql_text(sql_stmt *st)
{
	return sqlite3_sql(raw(st));
}

static int lite_param_count(sql_stmt *st)
{
	return sqlite3_bind_parameter_count(raw(st));
}

static const char *lite_param_name(sql_stmt *st, int i)
{
	return sqlite3_bind_parameter_name(raw(st), i);
}

static int lite_bind_text(sql_stmt *st, int i, const char *v)
{
	return sqlite3_bind_text(raw(st), i, v, -1, SQLITE_TRANSIENT);
}

static int lite_bind_int(sql_stmt *st, int i, int64_t v)
{
	return sqlite3_bind_int64(raw(st), i, v);
}

static int lite_bind_double(sql_stmt *st, int i, double v)
{
	return sqlite3_bind_double(raw(st), i, v);
}

static int lite_bind_null(sql_stmt *st, int i)
{
	return sqlite3_bind_null(raw(st), i);
}

static int lite_bind_blob(sql_stmt *st, int i, const void *v, size_t n)
{
	return sqlite3_bind_blob64(raw(st), i, v, n, SQLITE_STATIC);
}

static int lite_step(store *s, sql_stmt *st)
{
	(void)s;
	return sqlite3_step(raw(st));
}

static void lite_reset(sql_stmt *st)
{
	sqlite3_reset(raw(st));
	sqlite3_clear_bindings(raw(st));
}

static bool lite_col_null(sql_stmt *st, int c)
{
	return sqlite3_column_type(raw(st), c) == SQLITE_NULL;
}

static int64_t lite_col_int(sql_stmt *st, int c)
{
	return sqlite3_column_int64(raw(st), c);
}

static double lite_col_double(sql_stmt *st, int c)
{
	return sqlite3_column_double(raw(st), c);
}

static const char *lite_col_text(sql_stmt *st, int c, size_t *n)
{
	const char *t = (const char *)sqlite3_column_text(raw(st), c);
	*n = t ? (size_t)sqlite3_column_bytes(raw(st), c) : 0;
	return t;
}

static const void *lite_col_blob(sql_stmt *st, int c, size_t *n)
{
	const void *b = sqlite3_column_blob(raw(st), c);
	*n = (size_t)sqlite3_column_bytes(raw(st), c);
	return b;
}

static enum sql_value lite_col_type(sql_stmt *st, int c)
{
	switch (sqlite3_column_type(raw(st), c)) {
	case SQLITE_INTEGER: return SQL_VALUE_INT;
	case SQLITE_FLOAT: return SQL_VALUE_REAL;
	case SQLITE_TEXT: return SQL_VALUE_TEXT;
	case SQLITE_BLOB: return SQL_VALUE_BLOB;
	default: return SQL_VALUE_NULL;
	}
}

static int64_t lite_changes(store *s)
{
	return sqlite3_changes64(s->db);
}

static int64_t lite_last_id(store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

static int64_t lite_max_bytes(store *s)
{
	return sqlite3_limit(s->db, SQLITE_LIMIT_LENGTH, -1);
}

static const char *lite_errstr(int rc)
{
	return sqlite3_errstr(rc);
}

static enum sql_class lite_classify(store *s, int rc)
{
	/* SQLite reports a full disk met while making the -shm file or
	 * growing it as an I/O error; the system's errno says what it was. */
	if ((rc & 0xFF) == SQLITE_IOERR && s->db && sqlite3_system_errno(s->db) == ENOSPC)
		return SQL_CLASS_FULL;
	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return SQL_CLASS_BUSY;
	case SQLITE_READONLY:
		return SQL_CLASS_READONLY;
	case SQLITE_FULL:
		return SQL_CLASS_FULL;
	case SQLITE_IOERR:
		return SQL_CLASS_IO;
	case SQLITE_CANTOPEN:
		return SQL_CLASS_CANTOPEN;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return SQL_CLASS_CORRUPT;
	case SQLITE_CONSTRAINT:
		return SQL_CLASS_CONSTRAINT;
	case SQLITE_TOOBIG:
		return SQL_CLASS_TOOBIG;
	case SQLITE_RANGE:
		return SQL_CLASS_RANGE;
	default:
		return SQL_CLASS_OTHER;
	}
}

static int lite_has_table(store *s, const char *name, bool *has, err *e)
{
	int64_t n = 0;
	if (sql_get_int(s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
			SQL_ARGS(sql_text(name)), &n, e) < 0)
		return -1;
	*has = n > 0;
	return 0;
}

/* Whether a failure is the database's or the disk's, not the data's. */
static bool storage_fault(int rc)
{
	int primary = rc & 0xFF;
	return primary == SQLITE_READONLY || primary == SQLITE_FULL || primary == SQLITE_IOERR ||
	       primary == SQLITE_CANTOPEN || primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

int lite_fail(store *s, int rc, err *e)
{
	const char *option = s->option ? s->option : "--db";
	if (storage_fault(rc))
		s->refused = rc;
	/* SQLite reports a full disk met while making the -shm file or
	 * growing it as an I/O error; the system's errno says what it was. */
	if ((rc & 0xFF) == SQLITE_IOERR && s->db && sqlite3_system_errno(s->db) == ENOSPC)
		rc = SQLITE_FULL;
	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_BUSY,
			       "the database %s is busy: another program is writing to it. Try again in a moment.",
			       s->path);
	case SQLITE_READONLY:
		return err_set(e, ERR_IO,
			       "cannot write to the database %s: it is read-only. Check the file's and its folder's permissions, or use %s to pick another.",
			       s->path, option);
	case SQLITE_CANTOPEN:
		return err_set(e, ERR_IO,
			       "cannot open the database %s: check that the folder exists and is writable.",
			       s->path);
	case SQLITE_FULL:
		return err_set(e, ERR_IO, "the disk holding %s is full: free some space and try again.",
			       s->path);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return err_set(e, ERR_IO,
			       "%s is not a copro database or is damaged: restore it from a backup, or use %s to pick another.",
			       s->path, option);
	case SQLITE_CONSTRAINT:
		return err_set(e, ERR_CONFLICT, "the database refused the change (%s).",
			       sqlite3_errmsg(s->db));
	default:
		return err_set(e, ERR_INTERNAL, "database error on %s: %s.", s->path,
			       sqlite3_errmsg(s->db));
	}
}

const sql_engine sql_engine_sqlite = {
	.name = "SQLite",
	.open = lite_open,
	.close = lite_close,
	.prepare = lite_prepare,
	.done = lite_done,
	.exec_stmt = lite_exec_stmt,
	.exec = lite_exec,
	.begin = lite_begin,
	.commit = lite_commit,
	.rollback = lite_rollback,
	.read_begin = lite_read_begin,
	.read_end = lite_read_end,
	.changes = lite_changes,
	.last_id = lite_last_id,
	.fail = lite_fail,
	.classify = lite_classify,
	.errstr = lite_errstr,
	.max_bytes = lite_max_bytes,
	.has_table = lite_has_table,
	.sql_text = lite_sql_text,
	.param_count = lite_param_count,
	.param_name = lite_param_name,
	.bind_text = lite_bind_text,
	.bind_int = lite_bind_int,
	.bind_double = lite_bind_double,
	.bind_null = lite_bind_null,
	.bind_blob = lite_bind_blob,
	.step = lite_step,
	.reset = lite_reset,
	.col_null = lite_col_null,
	.col_int = lite_col_int,
	.col_double = lite_col_double,
	.col_text = lite_col_text,
	.col_blob = lite_col_blob,
	.col_type = lite_col_type,
};
