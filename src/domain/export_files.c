/* export_files.c: evidence files in an organisation's export (format 6;
 * older files have none): each file's record with its bytes in base64,
 * and on import the same checks an upload passes (the type from the
 * bytes, 10 MB, the SHA-256 and size as recorded), all before anything is
 * written. Imports do not count against the area's quota: an organisation
 * arrives whole or not at all. */
#include "domain/export.h"
#include "domain/evidence_file.h"
#include "domain/import_internal.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

struct imp_file {
	json_int_t evidence;            /* a ref into the file's evidence */
	evidence_file_row row;
	unsigned char *bytes;
};

static json_t *base64_of(domain *d, const unsigned char *bytes, size_t n)
{
	size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char *text = arena_alloc(d->mem, len);
	sodium_bin2base64(text, len, bytes, n, sodium_base64_VARIANT_ORIGINAL);
	return json_string(text);
}

int export_files(domain *d, int64_t org, const evidence_list *evidence, json_t *doc, err *e)
{
	evidence_file_list files;
	if (store_evidence_files_of_org(d->db, d->mem, org, &files, e) < 0)
		return -1;
	json_t *list = json_array();
	json_object_set_new(doc, "evidence_files", list);
	for (size_t i = 0; i < files.n; i++) {
		const evidence_file_row *f = &files.items[i];
		const unsigned char *bytes;
		size_t len;
		int found = store_evidence_file_bytes(d->db, d->mem, f->id, &bytes, &len, e);
		if (found < 0)
			return -1;
		if (!found || len != (size_t)f->size)
			return err_set(e, ERR_INTERNAL, "the bytes of file %lld (%s) are missing or damaged: restore the database from a backup.",
				       (long long)f->id, f->name);
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:s, s:o}",
			"evidence", export_ref_of(evidence->items, evidence->n, sizeof *evidence->items, f->evidence_id),
			"name", f->name, "media_type", f->media_type, "size", (json_int_t)f->size,
			"sha256", f->sha256, "uploaded_by", f->uploaded_by_name, "created_at", f->created_at,
			"bytes", base64_of(d, bytes, len)));
	}
	return 0;
}

/* Decodes and checks one file's bytes against its record. */
static int read_bytes(struct import *im, struct imp_file *f, const char *text, const char *where,
		      err *e)
{
	size_t cap = strlen(text) / 4 * 3 + 3, n = 0;
	f->bytes = arena_alloc(im->d->mem, cap + 1);
	if (sodium_base642bin(f->bytes, cap, text, strlen(text), NULL, &n, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.bytes is not base64.", where);
	if (n != (size_t)f->row.size || n > EVIDENCE_FILE_MAX)
		return err_set(e, ERR_INPUT, "the export is damaged: %s holds %zu bytes, not its size.", where, n);
	unsigned char hash[crypto_hash_sha256_BYTES];
	char hex[2 * sizeof hash + 1];
	crypto_hash_sha256(hash, f->bytes, n);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	if (strcmp(hex, f->row.sha256))
		return err_set(e, ERR_INPUT, "the export is damaged: %s's bytes do not match its SHA-256.", where);
	file_kind k;
	if (evidence_file_kind(f->bytes, n, &k, e) < 0)
		return import_damaged_at(where, e);
	f->row.media_type = k.media_type;
	f->row.name = evidence_file_safe_name(im->d->mem, f->row.name, k.extension);
	return 0;
}

static int read_file(struct import *im, json_t *v, size_t i, struct imp_file *f, err *e)
{
	char where[64];
	snprintf(where, sizeof where, "evidence_files[%zu]", i);
	json_int_t size;
	const char *type, *text;
	if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:I, s:s, s:s, s:s, s:s!}", "evidence", &f->evidence,
			  "name", &f->row.name, "media_type", &type, "size", &size, "sha256", &f->row.sha256,
			  "uploaded_by", &f->row.uploaded_by_name, "created_at", &f->row.created_at,
			  "bytes", &text) < 0)
		return -1;
	if (f->evidence < 1 || (size_t)f->evidence > im->n_evidence)
		return err_set(e, ERR_INPUT, "the export is damaged: %s names no evidence item.", where);
	if (size < 1 || size > EVIDENCE_FILE_MAX)
		return err_set(e, ERR_INPUT, "the export is damaged: %s's size is not from 1 byte to 10 MB.", where);
	f->row.size = (int64_t)size;
	return import_check_stamp(where, f->row.created_at, e) < 0 ? -1
	       : read_bytes(im, f, text, where, e);
}

int import_read_files(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "evidence_files"), *v;
	if (!json_is_array(list))
		return err_set(e, ERR_INPUT, "the export is damaged: evidence_files is not a list.");
	im->n_files = json_array_size(list);
	im->files = arena_array(im->d->mem, im->n_files, sizeof *im->files);
	size_t i;
	json_array_foreach(list, i, v)
		if (read_file(im, v, i, &im->files[i], e) < 0)
			return -1;
	return 0;
}

int import_write_files(struct import *im, int64_t org, err *e)
{
	for (size_t i = 0; i < im->n_files; i++) {
		struct imp_file *f = &im->files[i];
		f->row.organisation_id = org;
		f->row.evidence_id = im->evidence_ids[f->evidence - 1];
		f->row.uploaded_by = 0;         /* accounts are not exported */
		if (store_evidence_file_insert(im->d->db, &f->row, f->bytes, &f->row.id, e) < 0)
			return -1;
	}
	return 0;
}
