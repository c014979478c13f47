/* test_arena.c: the bump allocator. */
#include "testutil.h"

#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>

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

/* Strings are packed byte to byte (the store copies thousands a page);
 * whatever comes after one is aligned again, and zeroed. */
static void strings_are_packed_and_alignment_comes_back(void **state)
{
	(void)state;
	arena a = {0};
	char *s1 = arena_strdup(&a, "abc");
	char *s2 = arena_strdup(&a, "de");
	assert_ptr_equal(s2, s1 + 4);
	unsigned char *p = arena_alloc(&a, 24);
	assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
	for (size_t k = 0; k < 24; k++)
		assert_int_equal(p[k], 0);
	/* A string filling the rest of a chunk, then one that does not fit. */
	char fill[16384];
	memset(fill, 'f', sizeof fill - 1);
	fill[sizeof fill - 1] = '\0';
	char *big = arena_strdup(&a, fill);
	char *after = arena_strdup(&a, "after");
	assert_string_equal(big, fill);
	assert_string_equal(after, "after");
	assert_string_equal(s1, "abc");
	assert_string_equal(s2, "de");
	arena_free(&a);
}

static void arrays(void **state)
{
	(void)state;
	arena a = {0};
	int64_t *none = ARENA_ARRAY(&a, 0, none);
	assert_non_null(none);          /* an empty list is still a pointer */
	assert_int_equal(none[0], 0);
	int64_t *ten = ARENA_ARRAY(&a, 10, ten);
	for (int i = 0; i < 10; i++)
		assert_int_equal(ten[i], 0);
	ten[9] = 7;                     /* all ten are ours (ASan would say) */
	arena_free(&a);
}

/* n * size past SIZE_MAX must stop the process, never hand back a short
 * buffer: run it in a child and look at how the child ended. */
static void array_overflow_aborts(void **state)
{
	(void)state;
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		arena a = {0};
		freopen("/dev/null", "w", stderr);
		arena_array(&a, SIZE_MAX / 8 + 2, 8);
		_exit(0);               /* reached only if the overflow went by */
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

static int order[4], n_order;

static void note(void *ctx)
{
	order[n_order++] = *(int *)ctx;
}

static void defer_again(void *ctx)
{
	arena *a = ctx;
	static int three = 3;
	note(&three);
	arena_defer(a, note, &three);   /* deferred while freeing: runs too */
}

static void deferred_run_newest_first(void **state)
{
	(void)state;
	static int one = 1, two = 2;
	arena a = {0};
	n_order = 0;
	arena_defer(&a, note, &one);
	arena_defer(&a, note, &two);
	arena_defer(&a, defer_again, &a);
	assert_int_equal(n_order, 0);   /* nothing runs before the free */
	arena_free(&a);
	assert_int_equal(n_order, 4);
	assert_int_equal(order[0], 3);
	assert_int_equal(order[1], 3);
	assert_int_equal(order[2], 2);
	assert_int_equal(order[3], 1);
	assert_null(a.defers);
	assert_null(a.head);
	/* The arena is usable again, with nothing left to run. */
	arena_alloc(&a, 10);
	arena_free(&a);
	assert_int_equal(n_order, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(small_and_aligned),
		cmocka_unit_test(large_blocks_keep_small_space),
		cmocka_unit_test(strings),
		cmocka_unit_test(strings_are_packed_and_alignment_comes_back),
		cmocka_unit_test(arrays),
		cmocka_unit_test(array_overflow_aborts),
		cmocka_unit_test(deferred_run_newest_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
