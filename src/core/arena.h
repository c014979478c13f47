/* arena.h: a bump allocator. One arena per command or request; everything
 * taken from it is released at once by arena_free, so handlers never track
 * individual frees. */
#ifndef COPRO_ARENA_H
#define COPRO_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;

typedef struct arena {
	struct arena_chunk *head;
} arena;

void *arena_alloc(arena *a, size_t size);            /* zeroed; aborts on OOM */
char *arena_strdup(arena *a, const char *s);         /* NULL stays NULL */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(arena *a, const char *fmt, va_list ap);
void arena_free(arena *a);

#endif
