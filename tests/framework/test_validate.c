/* test_validate.c: every problem the instrument loader and validator report, with its path and message. */
#include "testutil.h"

/* Texts are written with single quotes so they stay readable;
 * test_framework_quoted() turns them into JSON (no apostrophes below). */
#define HEAD "'format':'copro-framework-1','id':'t','title':'T','source':{'title':'S'},"
#define IND(k, t) "{'key':'" k "','text':'" t "'}"
#define EL(k, inds) "{'key':'" k "','title':'E" k "','indicators':[" inds "]}"
#define SEC(k, els) "{'key':'" k "','title':'S" k "','elements':[" els "]}"
#define EVIDENCE(secs) "{" HEAD "'kind':'evidence','sections':[" secs "]}"
#define ONE_EL(el) EVIDENCE(SEC("1", el))
#define ONE_IND(ind) ONE_EL(EL("1i", ind))
#define VALID EVIDENCE(SEC("1", EL("1i", IND("a", "A"))))

#define RUBRIC(els) "{" HEAD "'kind':'rubric','sections':[" SEC("1", els) "]}"
#define LEVEL(k, d, more) "{'key':'" k "','title':'L" k "','descriptor':'" d "'" more "}"
#define RUBRIC_WITH(more) "{" HEAD "'kind':'rubric','sections':[{'key':'1','title':'S1'," more \
	",'elements':[" RUBRIC_EL(LEVEL("a", "A", "")) "]}]}"
#define RUBRIC_EL(levels) "{'key':'1i','title':'E','levels':[" levels "]}"

#define CHECKLIST(els) "{" HEAD "'kind':'checklist','sections':[" SEC("1", els) "]}"
#define COLUMNS "'columns':[{'key':'c','title':'C'}]"

static const fw_problem *find_code(const fw_report *r, const char *code)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->problems[i].code, code) == 0)
			return &r->problems[i];
	return NULL;
}

/* Prints the whole report when an expectation fails, so a wrong path or
 * code can be read off the test output. */
static void dump(const fw_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		print_message("  [%s] %s: %s\n", r->problems[i].code, r->problems[i].path,
			      r->problems[i].msg);
}

static const fw_problem *expect_problem_in(fw_report *r, const char *code, const char *path,
					   const char *fragment)
{
	const fw_problem *p = find_code(r, code);
	if (!p || strcmp(p->path, path) != 0 || !strstr(p->msg, fragment))
		dump(r);
	assert_non_null(p);
	assert_string_equal(p->path, path);
	assert_non_null(strstr(p->msg, fragment));
	return p;
}

static const fw_problem *expect_problem(const char *text, fw_report *r, const char *code,
					const char *path, const char *fragment)
{
	memset(r, 0, sizeof *r);
	framework *fw = test_framework_quoted(text, r);
	if (fw)
		framework_free(fw);
	assert_null(fw);
	return expect_problem_in(r, code, path, fragment);
}

static void expect_valid(const char *text)
{
	framework_free(test_framework_valid(text));
}

/* ---- JSON text ------------------------------------------------------ */

static void syntax_error_gives_line(void **state)
{
	(void)state;
	fw_report r;
	const fw_problem *p = expect_problem("{\n  'format': 'copro-framework-1'\n  'id': 't'\n}\n",
					     &r, "syntax", "(JSON text)", "expected");
	assert_int_equal(r.n, 1);
	assert_int_equal(p->line, 3);
	assert_true(p->column > 0);
}

static void duplicate_key_gives_line(void **state)
{
	(void)state;
	fw_report r;
	const fw_problem *p = expect_problem(
		"{\n  'format': 'copro-framework-1',\n  'id': 't',\n  'title': 'T',\n  'id': 't'\n}\n",
		&r, "duplicate-key", "(JSON text)", "only once");
	assert_int_equal(p->line, 5);
}

static void bad_utf8(void **state)
{
	(void)state;
	fw_report r;
	const fw_problem *p = expect_problem("{\n 'title': 'caf\xc3'\n}", &r, "bad-utf8",
					     "(JSON text)", "UTF-8");
	assert_int_equal(p->line, 2);
}

static void cannot_read(void **state)
{
	(void)state;
	fw_report r = {0};
	assert_null(framework_load("/nonexistent-copro-dir/t.json", &r));
	expect_problem_in(&r, "cannot-read", "(JSON text)", "check the path");
}

/* A caller may gather several files' problems in one report: a parse
 * error arriving when it is full must be counted, not written past it. */
static void parse_error_into_full_report(void **state)
{
	(void)state;
	fw_report r = {0};
	r.n = FW_MAX_PROBLEMS;
	assert_null(framework_load_text("t.json", "{", &r));
	assert_int_equal(r.n, FW_MAX_PROBLEMS);
	assert_int_equal(r.dropped, 1);
}

/* ---- shape ---------------------------------------------------------- */

static void top_level_not_object(void **state)
{
	(void)state;
	fw_report r;
	expect_problem("['x']", &r, "wrong-type", "(top level)", "must be one object");
}

static void unknown_field(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(ONE_EL("{'key':'1i','title':'E','indicaters':[" IND("a", "A") "]}"), &r,
		       "unknown-field", "sections[0].elements[0].indicaters",
		       "unknown field \"indicaters\" in an element");
	assert_non_null(strstr(r.problems[0].msg, "indicators"));
}

static void missing_field(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(ONE_EL("{'key':'1i','indicators':[" IND("a", "A") "]}"), &r,
		       "missing-field", "sections[0].elements[0]", "an element needs \"title\"");
	expect_problem("{'format':'copro-framework-1','id':'t','title':'T','kind':'evidence',"
		       "'sections':[" SEC("1", EL("1i", IND("a", "A"))) "]}",
		       &r, "missing-field", "(top level)", "needs \"source\"");
}

static void wrong_type(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(ONE_IND("{'key':'a','text':7}"), &r, "wrong-type",
		       "sections[0].elements[0].indicators[0].text",
		       "must be text in quotes, not a number");
	expect_problem(ONE_EL("{'key':'1i','title':'E','indicators':{}}"), &r, "wrong-type",
		       "sections[0].elements[0].indicators", "must be a list");
}

static void empty_text(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(EVIDENCE(SEC("1", EL("1i", IND("a", "A")) "," EL("1ii", IND("a", "")))),
		       &r, "empty-text", "sections[0].elements[1].indicators[0].text",
		       "must not be empty");
	expect_problem(ONE_IND(IND("a", " \\n\\t ")), &r, "empty-text",
		       "sections[0].elements[0].indicators[0].text", "must not be empty");
}

static void repeated_key(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(ONE_IND(IND("a", "A") "," IND("b", "B") "," IND("a", "C")), &r,
		       "repeated-key", "sections[0].elements[0].indicators[2]",
		       "key \"a\" is used twice in this list (also at [0])");
}

static void bad_key(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(ONE_EL(EL("1 i", IND("a", "A"))), &r, "bad-key",
		       "sections[0].elements[0].key", "may use only letters, digits");
	expect_problem("{'format':'copro-framework-1','id':'t/x','title':'T','kind':'evidence',"
		       "'source':{'title':'S'},'sections':[" SEC("1", EL("1i", IND("a", "A"))) "]}",
		       &r, "bad-key", "id", "id \"t/x\"");
}

/* "own..." keys are where an organisation's own indicators go. */
static void own_indicator_key(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(ONE_IND(IND("a", "A") "," IND("own1", "B")), &r, "bad-key",
		       "sections[0].elements[0].indicators[1].key", "starting with \"own\"");
}

/* ---- rules ---------------------------------------------------------- */

static void id_mismatch(void **state)
{
	(void)state;
	fw_report r;
	const char *text = "{'format':'copro-framework-1','id':'other','title':'T','kind':'evidence',"
			   "'source':{'title':'S'},'sections':[" SEC("1", EL("1i", IND("a", "A"))) "]}";
	expect_problem(text, &r, "id-mismatch", "id", "call the file other.json");
}

static void unknown_format(void **state)
{
	(void)state;
	fw_report r;
	expect_problem("{'format':'copro-framework-2','id':'t','title':'T','kind':'evidence',"
		       "'source':{'title':'S'},'sections':[" SEC("1", EL("1i", IND("a", "A"))) "]}",
		       &r, "unknown-format", "format", "\"copro-framework-2\" is not one copro reads");
}

static void unknown_kind(void **state)
{
	(void)state;
	fw_report r;
	expect_problem("{" HEAD "'kind':'survey','sections':[" SEC("1", EL("1i", IND("a", "A"))) "]}",
		       &r, "unknown-kind", "kind", "kind \"survey\" is not known");
	assert_int_equal(r.n, 1);
}

static void no_sections(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(EVIDENCE(""), &r, "no-sections", "sections", "at least one section");
}

static void no_columns(void **state)
{
	(void)state;
	fw_report r;
	expect_problem("{" HEAD "'kind':'plan','sections':[" SEC("1", "") "]}", &r, "no-columns",
		       "(top level)", "a plan instrument needs grid \"columns\"");
}

/* The headings over promises and commitments come from the file's terms;
 * notes on items, elements and sections load; a blank note does not. */
static void labels_and_notes(void **state)
{
	(void)state;
	fw_report r;
	framework *fw = test_framework_valid(
		"{" HEAD "'kind':'measures','terms':{'promises':'We promise:'},'sections':[{'key':'1',"
		"'title':'S','elements':[],'promises':['Welcome you']}]," COLUMNS "}");
	assert_string_equal(fw->label_promises, "We promise:");
	assert_null(fw->label_commitments);
	assert_int_equal(fw->n_promises, 1);
	framework_free(fw);
	/* Older files (embedded in exports) have no heading: still valid. */
	fw = test_framework_valid(RUBRIC_WITH("'commitments':['We listen']"));
	assert_null(fw->label_commitments);
	assert_int_equal(fw->n_commitments, 1);
	framework_free(fw);
	fw = test_framework_valid(CHECKLIST("{'key':'1','title':'Step','note':'Printed as x.',"
					    "'questions':[{'key':'a','text':'Q','note':'Printed as y.'}]}"));
	assert_string_equal(fw->sections[0].elements[0].note, "Printed as x.");
	assert_string_equal(fw->sections[0].elements[0].questions[0].note, "Printed as y.");
	framework_free(fw);
	expect_problem(ONE_IND("{'key':'a','text':'A','note':' '}"), &r, "empty-text",
		       "sections[0].elements[0].indicators[0].note", "must not be empty");
}

static void no_elements(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(EVIDENCE(SEC("1", EL("1i", IND("a", "A"))) "," SEC("2", "")), &r,
		       "no-elements", "sections[1]", "of an evidence instrument needs at least one element");
}

static void no_indicators(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(ONE_EL(EL("1i", "")), &r, "no-indicators", "sections[0].elements[0]",
		       "at least one indicator");
}

static void no_levels(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(RUBRIC(RUBRIC_EL("")), &r, "no-levels", "sections[0].elements[0]",
		       "at least one level");
}

static void no_questions(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(CHECKLIST("{'key':'1','title':'Step'}"), &r, "no-questions",
		       "sections[0].elements[0]", "at least one question");
	/* A step whose questions were lost says so and is accepted. */
	expect_valid(CHECKLIST("{'key':'1','title':'Step','gap':'The questions were lost.'}"));
}

static void unknown_type(void **state)
{
	(void)state;
	fw_report r;
	expect_problem("{" HEAD "'kind':'evidence','sections':[" SEC("1", EL("1i", IND("a", "A")))
		       "],'fields':[{'key':'f','title':'F','type':'text'},"
		       "{'key':'g','title':'G','type':'colour'}]}",
		       &r, "unknown-type", "fields[1].type", "field type \"colour\" is not known");
}

static void unknown_reference(void **state)
{
	(void)state;
	fw_report r;
	const char *head = "{" HEAD "'kind':'measures','sections':[" SEC("1", "") "]," COLUMNS ",";
	char text[1024];
	snprintf(text, sizeof text, "%s'exemplars':[{'section':'9','title':'X','cells':{'c':'C'}}]}", head);
	expect_problem(text, &r, "unknown-reference", "exemplars[0].section",
		       "no section with key \"9\"");
	snprintf(text, sizeof text, "%s'exemplars':[{'section':'1','title':'X','cells':{'nope':'C'}}]}", head);
	expect_problem(text, &r, "unknown-reference", "exemplars[0].cells.nope",
		       "no column with key \"nope\"");
}

static void element_keys_unique_across_sections(void **state)
{
	(void)state;
	fw_report r;
	expect_problem(EVIDENCE(SEC("1", EL("1i", IND("a", "A"))) "," SEC("2", EL("1i", IND("a", "A")))),
		       &r, "repeated-key", "sections[1].elements[0]",
		       "element key \"1i\" is also used in sections[0]");
}

#define MEASURE(k) "{'key':'" k "','text':'M" k "'}"
#define MSEC(k, ms) "{'key':'" k "','title':'S','elements':[],'measures':[" ms "]}"

/* The format says a measure key is unique in the whole instrument, as
 * a chosen measure is stored by its key alone. */
static void measure_keys_unique_across_sections(void **state)
{
	(void)state;
	fw_report r;
	expect_problem("{" HEAD "'kind':'measures'," COLUMNS ",'sections':["
		       MSEC("1", MEASURE("1.1") "," MEASURE("1.2")) "," MSEC("2", MEASURE("1.2")) "]}",
		       &r, "repeated-key", "sections[1].measures[0]",
		       "measure key \"1.2\" is also used in sections[0]");
}

/* ---- what loads ----------------------------------------------------- */

static void minimal_files_of_each_kind(void **state)
{
	(void)state;
	expect_valid(VALID);
	expect_valid(RUBRIC(RUBRIC_EL(LEVEL("good", "D", ""))));
	expect_valid(CHECKLIST("{'key':'1','title':'Step','questions':[" IND("a", "Q") "]}"));
	expect_valid("{" HEAD "'kind':'measures'," COLUMNS ",'sections':[" MSEC("1", MEASURE("1.1")) "]}");
	expect_valid("{" HEAD "'kind':'plan'," COLUMNS ",'sections':[{'key':'1','title':'S',"
		     "'questions':[" IND("a", "Q") "],'elements':[{'key':'1i','title':'E'}]}]}");
}

static void loaded_structure(void **state)
{
	(void)state;
	fw_report r = {0};
	framework *fw = test_framework_quoted(EVIDENCE(SEC("1", EL("1i", IND("a", "A") "," IND("b", "B")))
				      "," SEC("2", EL("2i", IND("a", "C")))), &r);
	assert_non_null(fw);
	assert_string_equal(fw->id, "t");
	assert_string_equal(fw->kind, "evidence");
	assert_string_equal(fw->path, "t.json");
	assert_string_equal(fw->term_section, "section");
	assert_int_equal(fw->n_sections, 2);
	assert_int_equal(fw->n_elements, 2);
	assert_int_equal(fw->n_indicators, 3);
	assert_int_equal(fw->n_gaps, 0);
	const fw_element *el = framework_element(fw, "2i");
	assert_non_null(el);
	assert_ptr_equal(el->section, framework_section(fw, "2"));
	assert_string_equal(element_indicator(el, "a")->text, "C");
	assert_null(element_indicator(el, "b"));
	assert_null(framework_element(fw, "3i"));
	assert_null(framework_section(fw, "3"));
	framework_free(fw);
}

static void empty_descriptor_needs_gap(void **state)
{
	(void)state;
	fw_report r;
	expect_valid(RUBRIC(RUBRIC_EL(LEVEL("good", "D", "") "," LEVEL("best", "", ",'gap':'Lost.'"))));
	expect_problem(RUBRIC(RUBRIC_EL(LEVEL("good", "D", "") "," LEVEL("best", "", ""))), &r,
		       "empty-text", "sections[0].elements[0].levels[1].descriptor",
		       "needs a \"gap\"");
	/* Blank is as empty as nothing, here as for any other text. */
	expect_problem(RUBRIC(RUBRIC_EL(LEVEL("good", "  ", ""))), &r, "empty-text",
		       "sections[0].elements[0].levels[0].descriptor", "needs a \"gap\"");
}

/* Headings share the aspect shape but must be called headings. */
static void heading_problems_say_heading(void **state)
{
	(void)state;
	fw_report r;
	expect_problem("{" HEAD "'kind':'plan'," COLUMNS ",'sections':[" SEC("1", "") "],"
		       "'headings':[{'key':'h','title':'H','txt':'x'}]}",
		       &r, "unknown-field", "headings[0].txt", "in a heading");
}

/* ---- the report ----------------------------------------------------- */

static void too_many_problems_are_counted(void **state)
{
	(void)state;
	char text[4096] = "{";
	size_t len = 1;
	for (int i = 0; i < FW_MAX_PROBLEMS + 10; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "'x%d':1,", i);
	snprintf(text + len, sizeof text - len, "%s", VALID + 1);
	fw_report r = {0};
	assert_null(test_framework_quoted(text, &r));
	assert_int_equal(r.n, FW_MAX_PROBLEMS);
	assert_int_equal(r.dropped, 10);
}

static void problem_format(void **state)
{
	(void)state;
	fw_report r;
	char out[1200];
	const fw_problem *p = expect_problem(ONE_IND(IND("a", "")), &r, "empty-text",
					     "sections[0].elements[0].indicators[0].text", "");
	fw_problem_format("dir/t.json", p, out, sizeof out);
	assert_string_equal(out, "dir/t.json: sections[0].elements[0].indicators[0].text: "
				 "must not be empty: write the text, or remove the field if it is optional");
	p = expect_problem("{\n\n  'id' 't'}", &r, "syntax", "(JSON text)", "");
	fw_problem_format("t.json", p, out, sizeof out);
	char want[700];
	snprintf(want, sizeof want, "t.json:3:%d: %s", p->column, p->msg);
	assert_string_equal(out, want);
	assert_true(p->column > 0);
}

/* ---- content hash ---------------------------------------------------- */

static void hash_of(const char *text, char out[65])
{
	fw_report r = {0};
	framework *fw = test_framework_quoted(text, &r);
	assert_non_null(fw);
	assert_int_equal(strlen(fw->hash), 64);
	memcpy(out, fw->hash, 65);
	framework_free(fw);
}

static void hash_ignores_layout(void **state)
{
	(void)state;
	char a[65], b[65], c[65];
	hash_of(VALID, a);
	hash_of("{\n  'sections': [ { 'title': 'S1', 'key': '1',\n 'elements': [ {'indicators': "
		"[ {'text': 'A', 'key': 'a'} ], 'title': 'E1i', 'key': '1i'} ] } ],\n"
		"  'kind': 'evidence', 'source': {'title': 'S'}, 'title': 'T', 'id': 't',\n"
		"  'format': 'copro-framework-1'\n}\n", b);
	assert_string_equal(a, b);
	hash_of(EVIDENCE(SEC("1", EL("1i", IND("a", "B")))), c);
	assert_string_not_equal(a, c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syntax_error_gives_line),
		cmocka_unit_test(duplicate_key_gives_line),
		cmocka_unit_test(bad_utf8),
		cmocka_unit_test(cannot_read),
		cmocka_unit_test(parse_error_into_full_report),
		cmocka_unit_test(top_level_not_object),
		cmocka_unit_test(unknown_field),
		cmocka_unit_test(missing_field),
		cmocka_unit_test(wrong_type),
		cmocka_unit_test(empty_text),
		cmocka_unit_test(repeated_key),
		cmocka_unit_test(bad_key),
		cmocka_unit_test(own_indicator_key),
		cmocka_unit_test(id_mismatch),
		cmocka_unit_test(unknown_format),
		cmocka_unit_test(unknown_kind),
		cmocka_unit_test(no_sections),
		cmocka_unit_test(no_columns),
		cmocka_unit_test(labels_and_notes),
		cmocka_unit_test(no_elements),
		cmocka_unit_test(no_indicators),
		cmocka_unit_test(no_levels),
		cmocka_unit_test(no_questions),
		cmocka_unit_test(unknown_type),
		cmocka_unit_test(unknown_reference),
		cmocka_unit_test(element_keys_unique_across_sections),
		cmocka_unit_test(measure_keys_unique_across_sections),
		cmocka_unit_test(minimal_files_of_each_kind),
		cmocka_unit_test(loaded_structure),
		cmocka_unit_test(empty_descriptor_needs_gap),
		cmocka_unit_test(heading_problems_say_heading),
		cmocka_unit_test(too_many_problems_are_counted),
		cmocka_unit_test(problem_format),
		cmocka_unit_test(hash_ignores_layout),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
