/* evidence_file.c: files attached to evidence items. The bytes live in
 * evidence_file_data (a BLOB per file), apart from what lists show. */
#include <sqlite3.h>
#include <string.h>

#include "store/evidence_file.h"
#include "store/sql.h"

#define FILE_COLUMNS \
	"id, evidence_id, organisation_id, name, media_type, size, sha256," \
	" COALESCE(uploaded_by, 0), uploaded_by_name, created_at FROM evidence_file"

static const sql_col file_cols[] = {
	SQL_COL(evidence_file_row, id, I64), SQL_COL(evidence_file_row, evidence_id, I64),
	SQL_COL(evidence_file_row, organisation_id, I64), SQL_COL(evidence_file_row, name, TEXT),
	SQL_COL(evidence_file_row, media_type, TEXT), SQL_COL(evidence_file_row, size, I64),
	SQL_COL(evidence_file_row, sha256, TEXT), SQL_COL(evidence_file_row, uploaded_by, ID),
	SQL_COL(evidence_file_row, uploaded_by_name, TEXT),
	SQL_COL(evidence_file_row, created_at, TEXT), SQL_TABLE_END,
};

/* PostgreSQL has no blob handle for a BYTEA column: the bytes are bound as
 * one value and read back as one. */
static int write_bytes_pg(store *s, int64_t id, const void *bytes, size_t n, err *e)
{
	sql_stmt *st = sql_prepare(s, "INSERT INTO evidence_file_data (file_id, bytes) VALUES (?, ?)", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, id);
	sql_bind_blob(st, 2, bytes, n);
	return sql_exec_stmt(s, st, e);
}

static int read_bytes_pg(store *s, arena *a, int64_t id, const unsigned char **bytes,
			 size_t *len, err *e)
{
	sql_stmt *st = sql_prepare(s, "SELECT bytes FROM evidence_file_data WHERE file_id = ?", e);
	if (!st)
		return -1;
	sql_bind_int(st, 1, id);
	int rc = sql_step(s, st, e);
	if (rc == SQL_STEP_ROW) {
		size_t n;
		const void *b = sql_column_blob(st, 0, &n);
		unsigned char *copy = arena_alloc(a, n + 1);
		if (n)
			memcpy(copy, b, n);
		*bytes = copy;
		*len = n;
	}
	sql_done(s, st);
	return rc < 0 ? -1 : rc == SQL_STEP_ROW;
}

/* On SQLite the bytes go in through its incremental blob I/O: a zeroblob
 * of the right size, then written in place. Bound as a value instead, the
 * whole file would be copied once more into the row SQLite builds (a
 * 10 MB upload held 24 MB at its peak; this way about 14). */
static int write_bytes(store *s, int64_t id, const void *bytes, size_t n, err *e)
{
	if (store_engine_is_pg(s))
		return write_bytes_pg(s, id, bytes, n, e);
	if (sql_run(s, "INSERT INTO evidence_file_data (file_id, bytes) VALUES (?1, zeroblob(?2))",
		    SQL_ARGS(sql_int(id), sql_int((int64_t)n)), e) < 0)
		return -1;
	sqlite3_blob *blob = NULL;
	int rc = sqlite3_blob_open(s->db, "main", "evidence_file_data", "bytes", id, 1, &blob);
	for (size_t off = 0; rc == SQLITE_OK && off < n; off += 1 << 20) {
		size_t part = n - off < (1u << 20) ? n - off : 1u << 20;
		rc = sqlite3_blob_write(blob, (const char *)bytes + off, (int)part, (int)off);
	}
	int closed = blob ? sqlite3_blob_close(blob) : SQLITE_OK;
	if (rc == SQLITE_OK)
		rc = closed;
	return rc == SQLITE_OK ? 0 : sql_fail(s, rc, e);
}

int store_evidence_file_insert(store *s, const evidence_file_row *f, const void *bytes,
			       int64_t *id, err *e)
{
	if (sql_insert(s, "INSERT INTO evidence_file (evidence_id, organisation_id, name,"
		       " media_type, size, sha256, uploaded_by, uploaded_by_name, created_at)"
		       " VALUES (:evidence_id, :organisation_id, :name, :media_type, :size, :sha256,"
		       " :uploaded_by, COALESCE(:uploaded_by_name, ''), :created_at)",
		       SQL_ROW(file_cols, f), id, e) < 0)
		return -1;
	return write_bytes(s, *id, bytes, (size_t)f->size, e);
}

int store_evidence_file_get(store *s, arena *a, int64_t id, evidence_file_row *out, err *e)
{
	return sql_get(s, a, "SELECT " FILE_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       file_cols, e);
}

/* Read through blob I/O straight into the caller's arena: a column read
 * would first make SQLite's own copy of the whole file. */
int store_evidence_file_bytes(store *s, arena *a, int64_t id, const unsigned char **bytes,
			      size_t *len, err *e)
{
	*bytes = NULL;
	*len = 0;
	if (store_engine_is_pg(s))
		return read_bytes_pg(s, a, id, bytes, len, e);
	sqlite3_blob *blob = NULL;
	int rc = sqlite3_blob_open(s->db, "main", "evidence_file_data", "bytes", id, 0, &blob);
	if (rc != SQLITE_OK) {
		if (blob)
			sqlite3_blob_close(blob);
		/* No such row is SQLITE_ERROR with "no such rowid". */
		return rc == SQLITE_ERROR ? 0 : sql_fail(s, rc, e);
	}
	size_t n = (size_t)sqlite3_blob_bytes(blob);
	unsigned char *copy = arena_alloc(a, n + 1);
	rc = n ? sqlite3_blob_read(blob, copy, (int)n, 0) : SQLITE_OK;
	sqlite3_blob_close(blob);
	if (rc != SQLITE_OK)
		return sql_fail(s, rc, e);
	*bytes = copy;
	*len = n;
	return 1;
}

int store_evidence_files_of(store *s, arena *a, int64_t evidence, evidence_file_list *out,
			    err *e)
{
	return SQL_LIST(s, a, "SELECT " FILE_COLUMNS " WHERE evidence_id = ? ORDER BY id",
			SQL_ID_ARG(evidence), out, file_cols, e);
}

int store_evidence_files_of_org(store *s, arena *a, int64_t org, evidence_file_list *out,
				err *e)
{
	return SQL_LIST(s, a, "SELECT " FILE_COLUMNS " WHERE organisation_id = ?"
			" ORDER BY evidence_id, id", SQL_ID_ARG(org), out, file_cols, e);
}

/* secure_delete is a setting of SQLite's connection: on for these two
 * statements only, so every other delete keeps its cost. PostgreSQL has no
 * such setting, and is sent nothing in its place (a stand-in was two round
 * trips, the second refused when the DELETE had ended the transaction):
 * the bytes stay in the table's pages until VACUUM reuses them
 * (autovacuum, or VACUUM evidence_file_data after a deletion that must be
 * prompt). */
int store_evidence_file_delete(store *s, int64_t id, err *e)
{
	bool secure = !store_engine_is_pg(s);
	if (secure && sql_exec(s, "PRAGMA secure_delete = ON", e) < 0)
		return -1;
	int rc = sql_run(s, "DELETE FROM evidence_file_data WHERE file_id = ?", SQL_ID_ARG(id), e);
	if (rc == 0)
		rc = sql_change(s, "DELETE FROM evidence_file WHERE id = ?", SQL_ID_ARG(id), e);
	err ignored = {0};
	if (secure)
		sql_exec(s, "PRAGMA secure_delete = OFF", &ignored);
	return rc;
}

int store_evidence_file_usage(store *s, int64_t org, int64_t *bytes, err *e)
{
	return sql_get_int(s, "SELECT COALESCE(SUM(size), 0) FROM evidence_file"
			   " WHERE organisation_id = ?", SQL_ID_ARG(org), bytes, e);
}

int store_file_quota_get(store *s, int64_t area, int *mb, err *e)
{
	int64_t v = 0;
	if (sql_get_int(s, "SELECT quota_mb FROM evidence_file_setting WHERE area_id = ?",
			SQL_ID_ARG(area), &v, e) < 0)
		return -1;
	*mb = v > 0 ? (int)v : FILE_QUOTA_DEFAULT_MB;
	return 0;
}

int store_file_quota_put(store *s, int64_t area, int mb, const char *now, err *e)
{
	return sql_run(s, "INSERT INTO evidence_file_setting (area_id, quota_mb, updated_at)"
		       " VALUES (?1, ?2, ?3) ON CONFLICT (area_id) DO UPDATE SET"
		       " quota_mb = excluded.quota_mb, updated_at = excluded.updated_at",
		       SQL_ARGS(sql_int(area), sql_int(mb), sql_text(now)), e);
}
