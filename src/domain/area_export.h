/* area_export.h: an area's data for its multi-agency dashboard: one CSV
 * per table, an Excel workbook with a sheet per table, and the JSON
 * documents of the read-only API (docs/api.md). Every format has the same
 * columns, named the same, written from one description of each table;
 * rows stream from the store as they are written. */
#ifndef COPRO_DOMAIN_AREA_EXPORT_H
#define COPRO_DOMAIN_AREA_EXPORT_H

#include "domain/domain.h"

/* Where exported bytes go: a file, a response body, a test buffer.
 * `write` answers 0, or -1 with e set. */
typedef struct export_sink {
	int (*write)(void *ctx, const char *bytes, size_t n, err *e);
	void *ctx;
} export_sink;

/* ---- CSV (RFC 4180) -------------------------------------------------- */

/* Fields are separated by commas and rows end in CRLF; text is UTF-8
 * without a byte order mark. A field holding a comma, a double quote, CR
 * or LF is put in double quotes, its quotes doubled. Against formula
 * injection (a spreadsheet running "=HYPERLINK(...)" typed by a user), a
 * text field starting with = + - @, a tab or CR gets a leading apostrophe,
 * which spreadsheets show as text; numbers are never changed. */
typedef struct csv_writer {
	export_sink *sink;
	size_t column;          /* fields written in the current row */
	int failed;             /* a write failed: e holds why */
	err *e;
} csv_writer;

void csv_writer_init(csv_writer *w, export_sink *sink, err *e);
void csv_write_text(csv_writer *w, const char *s);    /* NULL: an empty field */
void csv_write_int(csv_writer *w, int64_t v);
void csv_write_end_row(csv_writer *w);

/* ---- the tables ------------------------------------------------------ */

enum area_table { AREA_ORGANISATIONS, AREA_AUDITS, AREA_LEVELS, AREA_PROJECTS, AREA_EVALUATIONS,
		  AREA_TABLES };

/* "organisations", "audits", "levels", "projects", "evaluations" (each
 * organisation's latest Four Cornerstones self-evaluation, a row per
 * cornerstone; an organisation with none has rows with no evaluation). */
extern const char *const area_table_names[AREA_TABLES];
/* The table named `name`, or -1. */
int area_table_parse(const char *name);
/* The column names of a table, NULL-terminated (also the JSON keys). */
const char *const *area_table_columns(enum area_table t);

/* One table as CSV, header row first. */
int area_export_csv(domain *d, int64_t area, enum area_table t, export_sink *out, err *e);

/* Every table as one Excel workbook (.xlsx), a sheet per table named as
 * the table: header row in bold and frozen, numbers as numbers, dates as
 * ISO text, true/false as Excel booleans. Text is written as text, never
 * as a formula. libxlsxwriter builds it in a temporary file under
 * $TMPDIR (else /tmp), removed before this returns. */
int area_export_xlsx(domain *d, int64_t area, export_sink *out, err *e);

/* For other Excel exports: an empty temporary file (TMPDIR, else /tmp)
 * named after `name`, to write a workbook in and remove afterwards, and
 * copying a finished file to a sink. */
int export_temp_file(const char *name, char path[512], const char **dir, err *e);
int export_send_file(const char *path, export_sink *out, err *e);

/* ---- the API's JSON documents (docs/api.md) --------------------------- */

#define AREA_API_FORMAT "copro-api-1"

/* A document {"format", "area", "generated_at", TABLE: [...]} for each
 * table of `tables` (bit 1 << AREA_x). Audits carry their "levels". `f`
 * narrows the audits (NULL: all). */
int area_api_document(domain *d, int64_t area, unsigned tables, const export_audit_filter *f,
		      json_t **out, err *e);
/* One audit version of the area, with its levels, people and history, as
 * {"format", "area", "generated_at", "audit": {...}}: 1 found, 0 when it is
 * not the area's or is a draft, -1 on error. */
int area_api_audit(domain *d, int64_t area, int64_t audit, json_t **out, err *e);

#endif
