/* test_org.c: organisation rules; a refused change writes nothing. */
#include "testutil.h"

static void refuse(fixture *f, org_row o, const char *fragment)
{
	int64_t before = test_count_rows(&f->db), id = 0;
	err e = {0};
	assert_int_equal(org_add(&f->d, &o, &id, &e), -1);
	assert_int_equal(e.kind, ERR_INPUT);
	if (!strstr(e.msg, fragment))
		fail_msg("message \"%s\" lacks \"%s\"", e.msg, fragment);
	assert_int_equal(test_count_rows(&f->db), before);
}

static void identifiers_checked(void **state)
{
	fixture *f = *state;
	org_row o = {.name = "Hill School", .sector = "education"};
	refuse(f, (org_row){.name = "Hill", .sector = "retail"}, "education, health, care or voluntary");
	refuse(f, (org_row){.name = "Hill", .sector = NULL}, "sector");
	o.urn = "12345";
	refuse(f, o, "6 digits");
	o.urn = "12345a";
	refuse(f, o, "6 digits");
	o.urn = NULL;
	o.ukprn = "20012345";
	refuse(f, o, "starting with 1");
	o.ukprn = "1001234";
	refuse(f, o, "8 digits");
	o.ukprn = NULL;
	o.ods_code = "rcb";
	refuse(f, o, "capital letters");
	o.ods_code = "RCB1234";
	refuse(f, o, "3 to 6");
	o.ods_code = NULL;
	o.opened_on = "2026-02-30";
	refuse(f, o, "2026-02-30");
	o.opened_on = "2020-01-01";
	o.closed_on = "2019-12-31";
	refuse(f, o, "before the opening date");
	o.closed_on = NULL;
	o.name = "Two\nLines";
	refuse(f, o, "single line");
	o.name = "";
	refuse(f, o, "required");
}

static void good_identifiers_kept(void **state)
{
	fixture *f = *state;
	org_row o = {.name = "Valley Academy", .sector = "education", .urn = "138222",
		     .ukprn = "10012345", .ods_code = "B82005", .opened_on = "2012-09-01",
		     .closed_on = "", .area = ""};
	int64_t id;
	assert_int_equal(org_add(&f->d, &o, &id, &f->e), 0);
	org_row got;
	assert_int_equal(org_get(&f->d, id, &got, &f->e), 0);
	assert_string_equal(got.urn, "138222");
	assert_null(got.closed_on);   /* empty is "not given" */
	assert_null(got.area);
}

static void same_name_same_area_refused(void **state)
{
	fixture *f = *state;
	fixture_org(f, "Twin School");
	int64_t before = test_count_rows(&f->db), id;
	org_row o = {.name = "Twin School", .sector = "education", .area = "Test Area"};
	assert_int_equal(org_add(&f->d, &o, &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_int_equal(test_count_rows(&f->db), before);
	o.area = "Other Area";    /* same name elsewhere is another school */
	assert_int_equal(org_add(&f->d, &o, &id, &f->e), 0);
}

static void edit(void **state)
{
	fixture *f = *state;
	int64_t a = fixture_org(f, "First");
	fixture_org(f, "Second");
	org_row o;
	assert_int_equal(org_get(&f->d, a, &o, &f->e), 0);
	o.name = "Second";
	assert_int_equal(org_edit(&f->d, &o, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	o.name = "First, renamed";
	o.closed_on = "2026-08-31";
	assert_int_equal(org_edit(&f->d, &o, &f->e), 0);
	assert_int_equal(org_get(&f->d, a, &o, &f->e), 0);
	assert_string_equal(o.name, "First, renamed");
	o.id = 999;
	assert_int_equal(org_edit(&f->d, &o, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(org_get(&f->d, 999, &o, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "org list"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(identifiers_checked), T(good_identifiers_kept), T(same_name_same_area_refused), T(edit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
