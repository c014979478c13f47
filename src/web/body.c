/* body.c: a POST's form as it arrives from libmicrohttpd's post processor
 * (web/body.h): fields in the request's arena, long values and files in
 * malloc'd memory that grows without keeping old copies, within the
 * request's limits. */
#include "web/body.h"

#include <stdlib.h>
#include <string.h>

static void free_heap(void *ctx)
{
	free(*(char **)ctx);
}

/* Room for `need` bytes in a file part: malloc'd memory that realloc
 * grows (letting the old copy go), sized at once from the declared
 * Content-Length when there is one, and never past the field's limit. So
 * a 10 MB file takes about 10 MB, not the 30 MB that doubling copies in
 * the arena left behind. */
static bool grow_file(request *r, form_field *f, size_t need)
{
	size_t limit = r->field_limit + 1;
	size_t cap = f->cap ? f->cap * 2
			    : r->content_length && r->content_length < limit ? r->content_length + 1
			    : r->content_length ? limit : 64 * 1024;
	while (cap < need)
		cap *= 2;
	if (cap > limit)
		cap = limit;
	if (!f->heap) {
		f->heap = arena_alloc(&r->mem, sizeof *f->heap);
		arena_defer(&r->mem, free_heap, f->heap);
	}
	char *grown = realloc(*f->heap, cap);
	if (!grown)
		return false;
	if (!*f->heap && f->len)
		memcpy(grown, f->value, f->len);
	*f->heap = f->value = grown;
	f->cap = cap;
	return true;
}

/* Capacity doubles, so a value arriving in many pieces is copied a few
 * times, not once per piece. Past 4 KB a value grows as a file part does
 * (realloc, the old copy let go): in the arena every earlier copy stayed
 * until the request ended, twice the field's size. */
static bool grow_value(request *r, form_field *f, size_t need)
{
	if (need > 4096)
		return grow_file(r, f, need);
	size_t cap = f->cap ? f->cap : 256;
	while (cap < need)
		cap *= 2;
	char *grown = arena_alloc(&r->mem, cap);
	memcpy(grown, f->value, f->len);
	f->value = grown;
	f->cap = cap;
	return true;
}

static form_field *new_field(request *r, const char *key, const char *filename)
{
	if (r->n_fields >= WEB_MAX_FIELDS)
		return NULL;
	if (r->n_fields == r->cap_fields) {
		size_t cap = r->cap_fields ? r->cap_fields * 2 : 16;
		form_field *grown = arena_array(&r->mem, cap, sizeof *grown);
		if (r->n_fields)
			memcpy(grown, r->fields, r->n_fields * sizeof *grown);
		r->fields = grown;
		r->cap_fields = cap;
	}
	form_field *f = &r->fields[r->n_fields++];
	*f = (form_field){.name = arena_strdup(&r->mem, key), .value = arena_strdup(&r->mem, ""),
			  .filename = filename ? arena_strdup(&r->mem, filename) : NULL};
	return f;
}

enum MHD_Result web_on_post_field(void *cls, enum MHD_ValueKind kind, const char *key,
				     const char *filename, const char *content_type,
				     const char *transfer_encoding, const char *data, uint64_t off,
				     size_t size)
{
	request *r = cls;
	(void)kind; (void)content_type; (void)transfer_encoding;
	if (r->body_error)
		return MHD_NO;
	/* A multipart part without a name is no field of any form: kept, it
	 * would be a field named NULL that every lookup compares (found by
	 * tests/fuzz/fuzz_form.c: one request crashed the server). */
	if (!key)
		return MHD_YES;
	/* A value arrives in pieces: a piece with offset > 0 continues the
	 * last field. */
	form_field *f = r->n_fields ? &r->fields[r->n_fields - 1] : NULL;
	if (off == 0 || !f || strcmp(f->name, key) != 0) {
		f = new_field(r, key, filename);
		if (!f) {
			r->body_error = 413;
			return MHD_NO;
		}
	}
	if (f->len + size > r->field_limit) {
		r->body_error = 413;
		return MHD_NO;
	}
	if (f->len + size + 1 > f->cap &&
	    !(f->filename ? grow_file : grow_value)(r, f, f->len + size + 1)) {
		r->body_error = 413;
		return MHD_NO;
	}
	memcpy(f->value + f->len, data, size);
	f->len += size;
	f->value[f->len] = '\0';
	return MHD_YES;
}

