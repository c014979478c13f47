/* cache.c: pages kept in memory and sent again, unchanged, while the data
 * they show is unchanged. An entry is found by a digest of who asked (the
 * session), what (path and query) and when (the date: pages mark overdue
 * actions), and is good only while the organisation's or area's revision
 * counter (store/revision.c) still has the value it had before the page
 * was drawn. Any change, made by any copro process, bumps the counter in
 * the change's own transaction, so no page outlives the data it shows.
 * The cache is a speed-up only: an empty one gives the same pages. */
#include "web/cache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUCKETS 4096            /* a power of two */

typedef struct page_entry {
	unsigned char key[PAGE_KEY_BYTES];
	int64_t revision;
	char *body;
	size_t len;
	char content_type[64];
	struct page_entry *chain;               /* the next in its bucket */
	struct page_entry *newer, *older;       /* the use order, for eviction */
} page_entry;

static struct {
	pthread_mutex_t lock;
	page_entry *bucket[BUCKETS];
	page_entry *newest, *oldest;
	size_t bytes, limit, entries;
	page_cache_stats stats;
} cache = {.lock = PTHREAD_MUTEX_INITIALIZER};

static size_t bucket_of(const unsigned char *key)
{
	size_t h;
	memcpy(&h, key, sizeof h);      /* the key is a digest: any bytes will do */
	return h & (BUCKETS - 1);
}

static size_t entry_size(const page_entry *p)
{
	return sizeof *p + p->len;
}

static void unlink_use(page_entry *p)
{
	if (p->newer)
		p->newer->older = p->older;
	else
		cache.newest = p->older;
	if (p->older)
		p->older->newer = p->newer;
	else
		cache.oldest = p->newer;
	p->newer = p->older = NULL;
}

static void link_newest(page_entry *p)
{
	p->older = cache.newest;
	p->newer = NULL;
	if (cache.newest)
		cache.newest->newer = p;
	cache.newest = p;
	if (!cache.oldest)
		cache.oldest = p;
}

static page_entry **find(const unsigned char *key)
{
	page_entry **at = &cache.bucket[bucket_of(key)];
	while (*at && memcmp((*at)->key, key, PAGE_KEY_BYTES) != 0)
		at = &(*at)->chain;
	return at;
}

static void drop(page_entry **at)
{
	page_entry *p = *at;
	*at = p->chain;
	unlink_use(p);
	cache.bytes -= entry_size(p);
	cache.entries--;
	free(p->body);
	free(p);
}

static void evict_oldest(void)
{
	drop(find(cache.oldest->key));
	cache.stats.evicted++;
}

void page_cache_set_limit(size_t bytes)
{
	pthread_mutex_lock(&cache.lock);
	cache.limit = bytes;
	while (cache.oldest && cache.bytes > cache.limit)
		evict_oldest();
	pthread_mutex_unlock(&cache.lock);
}

bool page_cache_on(void)
{
	pthread_mutex_lock(&cache.lock);
	bool on = cache.limit > 0;
	pthread_mutex_unlock(&cache.lock);
	return on;
}

bool page_cache_get(const unsigned char key[PAGE_KEY_BYTES], int64_t revision, html *out,
		    const char **content_type, arena *a)
{
	pthread_mutex_lock(&cache.lock);
	page_entry **at = find(key);
	page_entry *p = *at;
	if (p && p->revision != revision) {
		drop(at);               /* drawn from data that has changed since */
		cache.stats.stale++;
		p = NULL;
	}
	if (!p) {
		cache.stats.misses++;
		pthread_mutex_unlock(&cache.lock);
		return false;
	}
	unlink_use(p);
	link_newest(p);
	cache.stats.hits++;
	out->len = 0;
	html_raw(out, p->body, p->len);
	*content_type = p->content_type[0] ? arena_strdup(a, p->content_type) : NULL;
	pthread_mutex_unlock(&cache.lock);
	return true;
}

void page_cache_put(const unsigned char key[PAGE_KEY_BYTES], int64_t revision, const char *body,
		    size_t len, const char *content_type)
{
	page_entry *p = calloc(1, sizeof *p);
	char *copy = malloc(len ? len : 1);
	if (!p || !copy) {
		free(p);
		free(copy);
		return;         /* no room: the page is simply drawn again next time */
	}
	memcpy(p->key, key, PAGE_KEY_BYTES);
	p->revision = revision;
	memcpy(copy, body, len);
	p->body = copy;
	p->len = len;
	if (content_type)
		snprintf(p->content_type, sizeof p->content_type, "%s", content_type);
	pthread_mutex_lock(&cache.lock);
	if (entry_size(p) > cache.limit / 4) {  /* one page never fills the cache */
		pthread_mutex_unlock(&cache.lock);
		free(copy);
		free(p);
		return;
	}
	page_entry **at = find(key);
	if (*at)
		drop(at);
	while (cache.oldest && cache.bytes + entry_size(p) > cache.limit)
		evict_oldest();
	at = &cache.bucket[bucket_of(key)];
	p->chain = *at;
	*at = p;
	link_newest(p);
	cache.bytes += entry_size(p);
	cache.entries++;
	pthread_mutex_unlock(&cache.lock);
}

void page_cache_stats_get(page_cache_stats *out)
{
	pthread_mutex_lock(&cache.lock);
	*out = cache.stats;
	out->bytes = cache.bytes;
	out->entries = cache.entries;
	pthread_mutex_unlock(&cache.lock);
}

void page_cache_clear(void)
{
	pthread_mutex_lock(&cache.lock);
	while (cache.oldest)
		drop(find(cache.oldest->key));
	memset(&cache.stats, 0, sizeof cache.stats);
	pthread_mutex_unlock(&cache.lock);
}
