/* arena.c: chunked bump allocation. Large requests get a chunk of their own
 * so a big string never wastes the rest of a standard chunk; strings are
 * packed unaligned and not zeroed first, since they are copied in whole. */
#include "core/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK 16384
#define ARENA_ALIGN _Alignof(max_align_t)

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	_Alignas(max_align_t) unsigned char data[];
};

struct arena_defer {
	struct arena_defer *next;
	void (*fn)(void *ctx);
	void *ctx;
};

static void *arena_oom(void)
{
	fputs("copro: out of memory\n", stderr);
	abort();
}

/* Room for `size` bytes at a multiple of `align` (a power of two), not
 * zeroed: strings are copied over at once and need no alignment, so they
 * are packed byte to byte. */
static void *take(arena *a, size_t size, size_t align)
{
	struct arena_chunk *c = a->head;
	size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;

	if (size > SIZE_MAX - ARENA_ALIGN)
		return arena_oom();
	if (!c || at > c->cap || c->cap - at < size) {
		size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;
		if (cap > SIZE_MAX - sizeof *c)
			return arena_oom();
		c = malloc(sizeof *c + cap);
		if (!c)
			return arena_oom();
		c->cap = cap;
		at = 0;
		/* A chunk of its own goes behind the head so the head's free
		 * space stays usable. */
		if (a->head && size > ARENA_CHUNK) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	c->used = at + size;
	return c->data + at;
}

void *arena_alloc(arena *a, size_t size)
{
	void *p = take(a, size, ARENA_ALIGN);
	memset(p, 0, size);
	return p;
}

void *arena_array(arena *a, size_t n, size_t size)
{
	if (n == 0)
		n = 1;
	if (size && n > SIZE_MAX / size)
		return arena_oom();
	return arena_alloc(a, n * size);
}

void arena_defer(arena *a, void (*fn)(void *ctx), void *ctx)
{
	struct arena_defer *d = arena_alloc(a, sizeof *d);
	d->fn = fn;
	d->ctx = ctx;
	d->next = a->defers;
	a->defers = d;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	if (n >= SIZE_MAX)
		return arena_oom();
	char *p = take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_vprintf(arena *a, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return arena_strdup(a, "");
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void arena_free(arena *a)
{
	/* The list lives in the chunks, so it runs before they go; a
	 * destructor may defer more (they run too). */
	while (a->defers) {
		struct arena_defer *d = a->defers;
		a->defers = d->next;
		d->fn(d->ctx);
	}
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
}
