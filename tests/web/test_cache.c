/* test_cache.c: the page cache on its own: found by key and revision, a
 * stale entry dropped, the oldest evicted past the limit, off at 0. */
#include "testutil.h"

#include "web/cache.h"

static void key_of(unsigned char key[PAGE_KEY_BYTES], int n)
{
	memset(key, 0, PAGE_KEY_BYTES);
	key[0] = (unsigned char)n;      /* the bucket comes from the first bytes */
	key[31] = (unsigned char)n;
}

static bool get(int n, int64_t revision, arena *a, const char **body)
{
	unsigned char key[PAGE_KEY_BYTES];
	key_of(key, n);
	html out;
	html_init(&out, a);
	const char *type = NULL;
	bool found = page_cache_get(key, revision, &out, &type, a);
	*body = found ? html_str(&out) : NULL;
	return found;
}

static void put(int n, int64_t revision, const char *body)
{
	unsigned char key[PAGE_KEY_BYTES];
	key_of(key, n);
	page_cache_put(key, revision, body, strlen(body), "text/html; charset=utf-8");
}

static void found_by_key_and_revision(void **state)
{
	(void)state;
	arena a = {0};
	const char *body;
	page_cache_set_limit(1 << 20);
	assert_true(page_cache_on());
	assert_false(get(1, 5, &a, &body));
	put(1, 5, "<p>five</p>");
	put(2, 5, "<p>other page</p>");
	assert_true(get(1, 5, &a, &body));
	assert_string_equal(body, "<p>five</p>");
	assert_true(get(2, 5, &a, &body));
	assert_string_equal(body, "<p>other page</p>");
	/* The data moved on: the entry is dropped, not kept for later. */
	assert_false(get(1, 6, &a, &body));
	assert_false(get(1, 5, &a, &body));
	page_cache_stats stats;
	page_cache_stats_get(&stats);
	assert_int_equal(stats.hits, 2);
	assert_int_equal(stats.stale, 1);
	assert_int_equal(stats.entries, 1);
	page_cache_set_limit(0);
	assert_false(page_cache_on());
	assert_false(get(2, 5, &a, &body));     /* off: emptied */
	page_cache_clear();
	arena_free(&a);
}

/* Past its limit the cache drops the page used longest ago; one page
 * larger than a quarter of the cache is never kept. */
static void oldest_evicted_past_the_limit(void **state)
{
	(void)state;
	arena a = {0};
	const char *body;
	char big[3000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	page_cache_set_limit(4 * (sizeof big + 200));
	put(1, 1, big);
	put(2, 1, big);
	put(3, 1, big);
	assert_true(get(1, 1, &a, &body));      /* 1 is now the newest */
	put(4, 1, big);
	put(5, 1, big);                         /* no room: 2, the oldest, goes */
	assert_false(get(2, 1, &a, &body));
	assert_true(get(1, 1, &a, &body));
	assert_true(get(5, 1, &a, &body));
	page_cache_stats stats;
	page_cache_stats_get(&stats);
	assert_true(stats.evicted >= 1);
	assert_true(stats.bytes <= 4 * (sizeof big + 200));
	char huge[5000];
	memset(huge, 'y', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	put(6, 1, huge);
	assert_false(get(6, 1, &a, &body));
	page_cache_set_limit(0);
	page_cache_clear();
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(found_by_key_and_revision), cmocka_unit_test(oldest_evicted_past_the_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
