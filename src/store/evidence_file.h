/* evidence_file.h: files attached to evidence items, their bytes, and the
 * area's quota of file space per organisation (store/evidence_file.c). */
#ifndef COPRO_STORE_EVIDENCE_FILE_H
#define COPRO_STORE_EVIDENCE_FILE_H

#include "store/store.h"

typedef struct evidence_file_row {
	int64_t id, evidence_id, organisation_id;
	const char *name;               /* the original name, made safe */
	const char *media_type;         /* decided from the bytes */
	int64_t size;
	const char *sha256;             /* hex */
	int64_t uploaded_by;            /* 0 from the command line or a gone account */
	const char *uploaded_by_name;
	const char *created_at;
} evidence_file_row;

typedef STORE_LIST(evidence_file_row) evidence_file_list;

int store_evidence_file_insert(store *s, const evidence_file_row *f, const void *bytes,
			       int64_t *id, err *e);
int store_evidence_file_get(store *s, arena *a, int64_t id, evidence_file_row *out, err *e);
/* The file's bytes, copied into `a` (f->size of them): 1, or 0 when gone. */
int store_evidence_file_bytes(store *s, arena *a, int64_t id, const unsigned char **bytes,
			      size_t *len, err *e);
int store_evidence_files_of(store *s, arena *a, int64_t evidence, evidence_file_list *out,
			    err *e);
/* Every file of an organisation's evidence, by evidence then file id. */
int store_evidence_files_of_org(store *s, arena *a, int64_t org, evidence_file_list *out,
				err *e);
/* Deletes the file and its bytes; the freed pages are overwritten with
 * zeros (secure_delete for this statement), so the bytes leave the
 * database file at the next checkpoint. 1 deleted, 0 none. */
int store_evidence_file_delete(store *s, int64_t id, err *e);
/* The bytes an organisation's files take. */
int store_evidence_file_usage(store *s, int64_t org, int64_t *bytes, err *e);
/* The area's quota in MB (the default when it never set one). */
int store_file_quota_get(store *s, int64_t area, int *mb, err *e);
int store_file_quota_put(store *s, int64_t area, int mb, const char *now, err *e);

#define FILE_QUOTA_DEFAULT_MB 200

#endif
