/* test_groups.c: partner groups, as typed and as shown. */
#include "testutil.h"

static void parse(void **state)
{
	(void)state;
	int g;
	err e = {0};
	assert_int_equal(groups_parse("--with", "cyp", &g, &e), 0);
	assert_int_equal(g, GROUP_CYP);
	assert_int_equal(groups_parse("--with", "parents, practitioners", &g, &e), 0);
	assert_int_equal(g, GROUP_PARENTS | GROUP_PRACTITIONERS);
	assert_int_equal(groups_parse("--with", "all", &g, &e), 0);
	assert_int_equal(g, 7);
	assert_int_equal(groups_parse("--with", "none", &g, &e), 0);
	assert_int_equal(g, 0);
	assert_int_equal(groups_parse("--with", "children-and-young-people,parent-carers", &g, &e), 0);
	assert_int_equal(g, GROUP_CYP | GROUP_PARENTS);
	assert_int_equal(groups_parse("--with", "cyp,governors", &g, &e), -1);
	assert_non_null(strstr(e.msg, "\"governors\""));
	assert_non_null(strstr(e.msg, "cyp"));
}

static void describe_and_json(void **state)
{
	(void)state;
	arena a = {0};
	assert_string_equal(groups_describe(&a, 0), "none recorded");
	assert_string_equal(groups_describe(&a, GROUP_CYP | GROUP_PRACTITIONERS),
			    "children and young people, practitioners");
	json_t *j = groups_json(GROUP_PARENTS | GROUP_PRACTITIONERS);
	assert_int_equal(json_array_size(j), 2);
	assert_string_equal(json_string_value(json_array_get(j, 0)), "parent-carers");
	json_decref(j);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(parse), cmocka_unit_test(describe_and_json)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
