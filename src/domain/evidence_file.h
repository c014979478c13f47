/* evidence_file.h: files attached to evidence items: their type decided
 * from the bytes (libmagic, libzip for the ZIP-based documents) against an
 * allowlist, the 10 MB limit, the area's quota per organisation, safe
 * names, and removal (domain/evidence_file.c). */
#ifndef COPRO_DOMAIN_EVIDENCE_FILE_H
#define COPRO_DOMAIN_EVIDENCE_FILE_H

#include "domain/domain.h"
#include "store/evidence_file.h"

/* The largest file; the web's upload limit is the same. */
#define EVIDENCE_FILE_MAX (10 * 1024 * 1024)

/* What the bytes are, when copro accepts them: the media type served,
 * the type in words ("PDF document") and the extension a download's name
 * ends with. NULL fields when refused. */
typedef struct file_kind {
	const char *media_type, *words, *extension;
} file_kind;

/* Decides the kind of `bytes` from the bytes alone: 0, or ERR_INPUT
 * saying what the file is and which kinds copro takes. */
int evidence_file_kind(const void *bytes, size_t n, file_kind *out, err *e);
/* "PDF document" for a stored media type; "file" for one not known. */
const char *evidence_file_words(const char *media_type);
/* "2.4 MB", "840 KB", "12 bytes". */
const char *evidence_file_size_words(arena *a, int64_t bytes);
/* A name safe to store and to send in a header: the last part of a path,
 * control characters, quotes, slashes and other punctuation replaced,
 * at most 100 bytes (whole UTF-8 characters), ending in `extension`
 * when it does not already; "file" when nothing is left. */
const char *evidence_file_safe_name(arena *a, const char *name, const char *extension);

/* Room left in the organisation's quota, in bytes (0 when full), and the
 * quota itself. */
int evidence_file_room(domain *d, int64_t org, int64_t *room, int64_t *quota, err *e);
/* Attaches a file to evidence item `evidence` of organisation `org`, with
 * its line in the activity log by `who` (NULL: the command line): the
 * kind, size and quota are checked first, and a refusal (ERR_INPUT,
 * ERR_TOO_LARGE) stores nothing. */
int evidence_file_attach(domain *d, const user_row *who, int64_t org, int64_t evidence,
			 const char *name, const void *bytes, size_t n, evidence_file_row *out,
			 err *e);
/* File `file` of item `evidence` of organisation `org` (another's is
 * not found). */
int evidence_file_get(domain *d, int64_t org, int64_t evidence, int64_t file,
		      evidence_file_row *out, err *e);
int evidence_file_bytes(domain *d, const evidence_file_row *f, const unsigned char **bytes,
			err *e);
int evidence_files_of(domain *d, int64_t evidence, evidence_file_list *out, err *e);
int evidence_files_of_org(domain *d, int64_t org, evidence_file_list *out, err *e);
/* Whether `who` may remove f: a lead, or the person who uploaded it. */
bool evidence_file_removable(const evidence_file_row *f, const user_row *who, bool lead);
/* Removes the file and its bytes, with its line in the activity log. */
int evidence_file_remove(domain *d, const user_row *who, const evidence_file_row *f, err *e);
/* An area's quota per organisation, in MB (10 to 100,000). */
int file_quota_of_area(domain *d, int64_t area, int *mb, err *e);
int file_quota_set(domain *d, const user_row *who, int64_t area, int mb, err *e);

#endif
