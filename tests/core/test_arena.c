/* test_arena.c: the bump allocator. */
#include "testutil.h"

#include <stdint.h>

static void small_and_aligned(void **state)
{
	(void)state;
	arena a = {0};
	for (int i = 0; i < 1000; i++) {
		void *p = arena_alloc(&a, (size_t)i % 37 + 1);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		for (size_t k = 0; k < (size_t)i % 37 + 1; k++)
			assert_int_equal(((unsigned char *)p)[k], 0);
		memset(p, 0xAB, (size_t)i % 37 + 1);
	}
	arena_free(&a);
	assert_null(a.head);
}

static void large_blocks_keep_small_space(void **state)
{
	(void)state;
	arena a = {0};
	char *s1 = arena_strdup(&a, "first");
	char *big = arena_alloc(&a, 100000);
	memset(big, 1, 100000);
	char *s2 = arena_strdup(&a, "second");
	assert_string_equal(s1, "first");
	assert_string_equal(s2, "second");
	arena_free(&a);
}

static void strings(void **state)
{
	(void)state;
	arena a = {0};
	assert_null(arena_strdup(&a, NULL));
	assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
	assert_string_equal(arena_printf(&a, "%s-%d", "x", 42), "x-42");
	char long_text[50000];
	memset(long_text, 'q', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	assert_int_equal(strlen(arena_printf(&a, "%s!", long_text)), sizeof long_text);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(small_and_aligned),
		cmocka_unit_test(large_blocks_keep_small_space),
		cmocka_unit_test(strings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
