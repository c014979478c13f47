/* cache.h: the page cache (cache.c): drawn pages sent again while their
 * organisation's or area's data revision is unchanged. One per process,
 * shared by its threads; off until page_cache_set_limit gives it room. */
#ifndef COPRO_WEB_CACHE_H
#define COPRO_WEB_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "web/html.h"

#define PAGE_KEY_BYTES 32       /* a BLAKE2b digest of session, path, query, date */

typedef struct page_cache_stats {
	uint64_t hits, misses, stale, evicted;
	size_t bytes, entries;
} page_cache_stats;

/* The most memory pages may take, in bytes; 0 turns the cache off and
 * empties it. */
void page_cache_set_limit(size_t bytes);
bool page_cache_on(void);
/* Writes the page kept under `key` into `out` when it was drawn at
 * `revision`; an entry drawn at another revision is dropped. */
bool page_cache_get(const unsigned char key[PAGE_KEY_BYTES], int64_t revision, html *out,
		    const char **content_type, arena *a);
void page_cache_put(const unsigned char key[PAGE_KEY_BYTES], int64_t revision, const char *body,
		    size_t len, const char *content_type);
void page_cache_stats_get(page_cache_stats *out);
void page_cache_clear(void);

#endif
