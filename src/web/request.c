/* request.c: a request as the server builds it and the handlers read it:
 * its route's match, form fields, files, query and parameters, and the
 * redirect answer (moved out of dispatch.c, which keeps the checks). */
#include <stdlib.h>
#include <string.h>

#include "web/web.h"

bool route_is_change(const route *rt, bool post)
{
	if (!rt || !post)
		return false;
	return (rt->flags & ROUTE_PARTNER) ||
	       ((rt->flags & ROUTE_POST) && !(rt->flags & (ROUTE_PUBLIC | ROUTE_HASH)));
}

/* Where `path` matches `pattern`: the spans of its placeholders (the
 * first four), nothing copied, as most patterns tried do not match. */
static bool match_spans(const char *pattern, const char *path, const char **at, size_t *len,
			size_t *n)
{
	while (*pattern && *path) {
		/* A final "*" takes the rest of the path. */
		if (pattern[0] == '*' && pattern[1] == '\0')
			return true;
		if (*pattern == '{') {
			size_t l = strcspn(path, "/");
			pattern = strchr(pattern, '}');
			if (!pattern || l == 0)
				return false;
			if (*n < 4) {
				at[*n] = path;
				len[(*n)++] = l;
			}
			pattern++;
			path += l;
			continue;
		}
		if (*pattern++ != *path++)
			return false;
	}
	return !*pattern && !*path;
}

bool route_match(const char *pattern, const char *path, const char **params, arena *a)
{
	const char *at[4];
	size_t len[4], n = 0;
	if (!match_spans(pattern, path, at, len, &n))
		return false;
	for (size_t i = 0; i < n; i++)
		params[i] = arena_strndup(a, at[i], len[i]);
	return true;
}

const char *form_get(const request *r, const char *name)
{
	for (size_t i = 0; i < r->n_fields; i++)
		if (strcmp(r->fields[i].name, name) == 0)
			return r->fields[i].value;
	return NULL;
}

const char **form_get_all(const request *r, const char *name)
{
	request *mr = (request *)r;
	const char **all = arena_array(&mr->mem, r->n_fields + 1, sizeof *all);
	size_t n = 0;
	for (size_t i = 0; i < r->n_fields; i++)
		if (strcmp(r->fields[i].name, name) == 0)
			all[n++] = r->fields[i].value;
	return all;
}

const char *query_get(const request *r, const char *name)
{
	for (size_t i = 0; i < r->n_query; i++)
		if (strcmp(r->query[i].name, name) == 0)
			return r->query[i].value;
	return NULL;
}

request *request_create(const web_config *config, const char *method, const char *path)
{
	request *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->config = config;
	r->method = arena_strdup(&r->mem, method);
	r->path = arena_strdup(&r->mem, path);
	r->post = strcmp(method, "POST") == 0;
	r->address = "unknown";
	r->body_limit = WEB_MAX_BODY;
	r->field_limit = WEB_MAX_FIELD;
	r->status = 200;
	r->lang = "en-GB";
	html_init(&r->out, &r->mem);
	return r;
}

void request_destroy(request *r)
{
	if (!r)
		return;
	arena_free(&r->mem);
	free(r);
}

static void add_pair(request *r, form_field **list, size_t *n, size_t *cap, const char *name,
		     const char *value)
{
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		form_field *grown = arena_array(&r->mem, ncap, sizeof *grown);
		if (*n)
			memcpy(grown, *list, *n * sizeof *grown);
		*list = grown;
		*cap = ncap;
	}
	form_field *f = &(*list)[(*n)++];
	f->name = arena_strdup(&r->mem, name);
	f->value = arena_strdup(&r->mem, value ? value : "");
	f->len = strlen(f->value);
}

void request_add_field(request *r, const char *name, const char *value)
{
	add_pair(r, &r->fields, &r->n_fields, &r->cap_fields, name, value);
}

void request_add_file(request *r, const char *name, const char *filename, const void *bytes,
		      size_t len)
{
	add_pair(r, &r->fields, &r->n_fields, &r->cap_fields, name, "");
	form_field *f = &r->fields[r->n_fields - 1];
	f->value = arena_alloc(&r->mem, len + 1);
	memcpy(f->value, bytes, len);
	f->len = len;
	f->filename = arena_strdup(&r->mem, filename ? filename : "");
}

const form_field *form_file(const request *r, const char *name)
{
	for (size_t i = 0; i < r->n_fields; i++)
		if (!strcmp(r->fields[i].name, name) && r->fields[i].filename)
			return &r->fields[i];
	return NULL;
}

void request_add_query(request *r, const char *name, const char *value)
{
	add_pair(r, &r->query, &r->n_query, &r->cap_query, name, value);
}

int64_t param_id(const request *r, size_t i)
{
	if (i >= 4 || !r->params[i])
		return 0;
	char *end;
	long long v = strtoll(r->params[i], &end, 10);
	return *end || v <= 0 ? 0 : v;
}

int web_redirect(request *r, const char *location)
{
	r->status = 303;
	r->location = arena_strdup(&r->mem, location);
	return 303;
}
