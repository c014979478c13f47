/* arena.h: a bump allocator. One arena per command or request; everything
 * taken from it is released at once by arena_free, so handlers never track
 * individual frees. */
#ifndef COPRO_ARENA_H
#define COPRO_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;
struct arena_defer;

typedef struct arena {
	struct arena_chunk *head;
	struct arena_defer *defers;     /* run by arena_free, newest first */
} arena;

void *arena_alloc(arena *a, size_t size);            /* zeroed; aborts on OOM */
/* Room for n items of `size` bytes (at least one, so an empty list is still
 * a pointer), zeroed; aborts when n * size overflows rather than wrapping
 * round to a short buffer. */
void *arena_array(arena *a, size_t n, size_t size);
#define ARENA_ARRAY(a, n, ptr) ((__typeof__(ptr))arena_array((a), (n), sizeof *(ptr)))
/* Calls fn(ctx) when the arena is freed, the newest first: what a result
 * holding something the arena does not own (a parsed framework, a JSON
 * document) registers, so it goes with its request or command and nobody
 * writes the free by hand. */
void arena_defer(arena *a, void (*fn)(void *ctx), void *ctx);
char *arena_strdup(arena *a, const char *s);         /* NULL stays NULL */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(arena *a, const char *fmt, va_list ap);
void arena_free(arena *a);

#endif
