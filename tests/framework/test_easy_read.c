/* test_easy_read.c: copro's easy-read texts in instrument files: loaded
 * into fw_element and fw_section, refused with file and path when wrong,
 * and never present without the file-level note saying whose wording
 * they are. */
#include "testutil.h"

/* Texts are written with single quotes (test_framework_quoted). */
#define HEAD "'format':'copro-framework-1','id':'t','title':'T','source':{'title':'S'},"
#define NOTE "'easy_read_note':'Easy read: our wording, not the source.',"
#define IND "'indicators':[{'key':'a','text':'A'}]"
#define EL(k, more) "{'key':'" k "','title':'E" k "'," IND more "}"
#define SEC(k, more, els) "{'key':'" k "','title':'S" k "'" more ",'elements':[" els "]}"
#define DOC(head, secs) "{" HEAD head "'kind':'evidence','sections':[" secs "]}"

static void dump(const fw_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		print_message("  [%s] %s: %s\n", r->problems[i].code, r->problems[i].path,
			      r->problems[i].msg);
}

/* The file is refused with exactly one problem, `code` at `path`; its
 * formatted line (file: path: message) must hold `fragment`. */
static void expect_refused(const char *text, const char *code, const char *path,
			   const char *fragment)
{
	fw_report r = {0};
	framework *fw = test_framework_quoted(text, &r);
	if (fw)
		framework_free(fw);
	if (r.n != 1 || strcmp(r.problems[0].code, code) != 0 ||
	    strcmp(r.problems[0].path, path) != 0)
		dump(&r);
	assert_null(fw);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.problems[0].code, code);
	assert_string_equal(r.problems[0].path, path);
	char line[1200];
	fw_problem_format("frameworks/t.json", &r.problems[0], line, sizeof line);
	if (!strstr(line, fragment))
		print_message("  got: %s\n", line);
	assert_non_null(strstr(line, fragment));
}

static void loaded_where_present_null_elsewhere(void **state)
{
	(void)state;
	framework *fw = test_framework_valid(
		DOC(NOTE, SEC("1", ",'easy_read':'We say hello.'",
			      EL("1i", ",'easy_read':'We are kind to you.'") "," EL("1ii", "")) ","
			  SEC("2", "", EL("2i", ""))));
	assert_string_equal(fw->easy_read_note, "Easy read: our wording, not the source.");
	assert_string_equal(fw->sections[0].easy_read, "We say hello.");
	assert_string_equal(fw->sections[0].elements[0].easy_read, "We are kind to you.");
	assert_null(fw->sections[0].elements[1].easy_read);
	assert_null(fw->sections[1].easy_read);
	assert_string_equal(framework_element(fw, "1i")->easy_read, "We are kind to you.");
	framework_free(fw);

	fw = test_framework_valid(DOC("", SEC("1", "", EL("1i", ""))));
	assert_null(fw->easy_read_note);
	assert_null(fw->sections[0].easy_read);
	assert_null(fw->sections[0].elements[0].easy_read);
	framework_free(fw);
}

static void not_text(void **state)
{
	(void)state;
	expect_refused(DOC(NOTE, SEC("1", "", EL("1i", ",'easy_read':7"))), "wrong-type",
		       "sections[0].elements[0].easy_read",
		       "frameworks/t.json: sections[0].elements[0].easy_read: must be text in quotes, not a number");
	expect_refused(DOC(NOTE, SEC("1", "", EL("1i", "") "," EL("1ii", ",'easy_read':['We help.']"))),
		       "wrong-type", "sections[0].elements[1].easy_read", "not a list");
	expect_refused(DOC(NOTE, SEC("1", ",'easy_read':null", EL("1i", ""))), "wrong-type",
		       "sections[0].easy_read", "must be text in quotes, not null");
	expect_refused(DOC("'easy_read_note':true,", SEC("1", "", EL("1i", ",'easy_read':'We help.'"))),
		       "wrong-type", "easy_read_note", "not true or false");
}

static void empty_or_blank(void **state)
{
	(void)state;
	expect_refused(DOC(NOTE, SEC("1", "", EL("1i", ",'easy_read':''"))), "empty-text",
		       "sections[0].elements[0].easy_read", "must not be empty");
	expect_refused(DOC(NOTE, SEC("1", ",'easy_read':' \\n '", EL("1i", ""))), "empty-text",
		       "sections[0].easy_read", "must not be empty");
	expect_refused(DOC("'easy_read_note':' ',", SEC("1", "", EL("1i", ",'easy_read':'We help.'"))),
		       "empty-text", "easy_read_note", "must not be empty");
}

/* Only elements and sections carry one: elsewhere it is an unknown field. */
static void only_on_elements_and_sections(void **state)
{
	(void)state;
	expect_refused(DOC(NOTE, SEC("1", "", "{'key':'1i','title':'E','indicators':[{'key':'a',"
					       "'text':'A','easy_read':'We help.'}]}")),
		       "unknown-field", "sections[0].elements[0].indicators[0].easy_read",
		       "unknown field \"easy_read\" in an indicator");
}

static void unmarked_is_refused(void **state)
{
	(void)state;
	expect_refused(DOC("", SEC("1", "", EL("1i", "") "," EL("1ii", ",'easy_read':'We help.'"))),
		       "easy-read-unmarked", "sections[0].elements[1].easy_read",
		       "needs \"easy_read_note\" at the top level of the file");
	expect_refused(DOC("", SEC("1", "", EL("1i", "")) "," SEC("2", ",'easy_read':'We talk.'",
								   EL("2i", ",'easy_read':'We help.'"))),
		       "easy-read-unmarked", "sections[1].easy_read", "whose wording");
	/* A note with no easy-read text does no harm. */
	framework_free(test_framework_valid(DOC(NOTE, SEC("1", "", EL("1i", "")))));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loaded_where_present_null_elsewhere),
		cmocka_unit_test(not_text),
		cmocka_unit_test(empty_or_blank),
		cmocka_unit_test(only_on_elements_and_sections),
		cmocka_unit_test(unmarked_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
