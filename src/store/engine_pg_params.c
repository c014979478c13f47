/* engine_pg_params.c: copro's SQL text for PostgreSQL, its `?`, `?N` and
 * `:name` parameters rewritten to $N (engine_pg_stmt.c prepares it).
 * SQLite numbers `?` one past the highest number so far, `?N` as N and a
 * new `:name` one past the highest; the same name is the same parameter.
 * Quoted text, quoted names, comments and `::` casts are copied as they
 * are. */
#include "store/engine_pg.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put(pg_rewrite *r, const char *p, size_t n)
{
	memcpy(r->out + r->len, p, n);
	r->len += n;
}

static void put_param(pg_rewrite *r, int i, const char *name, size_t n)
{
	if (i > r->max) {
		r->names = pg_must(realloc(r->names, (size_t)i * sizeof *r->names));
		for (int k = r->max; k < i; k++)
			r->names[k] = NULL;
		r->max = i;
	}
	if (name && !r->names[i - 1])
		r->names[i - 1] = pg_must(strndup(name, n));
	r->len += (size_t)sprintf(r->out + r->len, "$%d", i);
}

static int named_index(pg_rewrite *r, const char *name, size_t n)
{
	for (int k = 0; k < r->max; k++)
		if (r->names[k] && strlen(r->names[k]) == n && memcmp(r->names[k], name, n) == 0)
			return k + 1;
	return r->max + 1;
}

/* The end of a quoted run starting at p (quote q), or of a comment. */
static const char *skip_quoted(const char *p)
{
	char q = *p++;
	while (*p && !(*p == q && p[1] != q))
		p += *p == q ? 2 : 1;
	return *p ? p + 1 : p;
}

static const char *skip_token(const char *p)
{
	if (*p == '\'' || *p == '"')
		return skip_quoted(p);
	if (p[0] == '-' && p[1] == '-')
		return p + strcspn(p, "\n");
	if (p[0] == '/' && p[1] == '*') {
		const char *end = strstr(p + 2, "*/");
		return end ? end + 2 : p + strlen(p);
	}
	if (p[0] == ':' && p[1] == ':')
		return p + 2;
	return p + 1;
}

void pg_rewrite_sql(const char *sql, pg_rewrite *r)
{
	r->out = pg_must(malloc(strlen(sql) * 5 + 16));    /* "?" becomes "$NNNN" at most */
	for (const char *p = sql; *p;) {
		if (*p == '?') {
			const char *d = p + 1;
			int i = isdigit((unsigned char)*d) ? (int)strtol(d, (char **)&d, 10) : r->max + 1;
			put_param(r, i, NULL, 0);
			p = d;
		} else if (*p == ':' && (isalpha((unsigned char)p[1]) || p[1] == '_')) {
			size_t n = 1;
			while (isalnum((unsigned char)p[n]) || p[n] == '_')
				n++;
			put_param(r, named_index(r, p, n), p, n);
			p += n;
		} else {
			const char *next = skip_token(p);
			put(r, p, (size_t)(next - p));
			p = next;
		}
	}
	r->out[r->len] = '\0';
}
