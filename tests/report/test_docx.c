/* test_docx.c: the Word writer: the package unzips, every part is
 * well-formed XML, and the text reads back in order with its styles
 * (tests/report/docx_text.py reads it, with python3's zipfile and
 * minidom). */
#include "testutil.h"

#include <zip.h>

#include "report/docx.h"

#define READER COPRO_FRAMEWORKS_DIR "/../tests/report/docx_text.py"

/* What docx_text.py says of `bytes`, in arena a. */
static const char *read_back(arena *a, const report_bytes *bytes)
{
	const char *path = "test.docx";
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes->data, 1, bytes->len, f), bytes->len);
	fclose(f);
	FILE *p = popen("python3 " READER " test.docx", "r");
	assert_non_null(p);
	char *text = arena_alloc(a, 1 << 20);
	size_t n = fread(text, 1, (1 << 20) - 1, p);
	text[n] = '\0';
	int rc = pclose(p);
	if (rc != 0)
		fail_msg("docx_text.py failed (%d): %s", rc, text);
	unlink(path);
	return text;
}

static report_doc *sample(arena *a)
{
	report_doc *r = report_new(a, "Self-evaluation: Hillside & Co <Primary>");
	r->subtitle = "Hillside Primary, 2026 to 2027";
	r->made = "Made on 6 December 2026";
	report_heading(r, 1, "Welcome and care");
	report_paragraph(r, "First line\nsecond line\twith a tab");
	report_note(r, "Part of the source text is missing here.");
	report_block *facts = report_facts(r);
	report_fact_add(facts, "Statements judged", "3 of 25");
	const char *head[] = {"Statement", "Evidence"};
	const double widths[] = {1, 3};
	report_block *t = report_table(r, "Statements \"and\" evidence", 2, head, widths);
	report_cell *row = report_row(t);
	report_cell_set(t, &row[0], "1i", "/org/1/evaluation/1/statement/1i");
	row[0].strong = true;
	report_cell_set(t, &row[1], "Minutes of the council", NULL);
	report_page_break(r);
	report_heading(r, 2, "Areas for development");
	report_link(r, "The evaluation online", "/org/1/evaluation/1");
	report_heading(r, 3, "Third level");
	return r;
}

static void text_reads_back_in_order(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = sample(&a);
	report_bytes out;
	err e = {0};
	assert_int_equal(report_docx(r, "https://copro.example/", &out, &e), 0);
	assert_true(out.len > 100);
	assert_memory_equal(out.data, "PK", 2);
	const char *text = read_back(&a, &out);
	const char *want =
		"part [Content_Types].xml\n"
		"part _rels/.rels\n"
		"part word/document.xml\n"
		"part word/_rels/document.xml.rels\n"
		"part word/styles.xml\n"
		"part word/footer1.xml\n"
		"part docProps/core.xml\n"
		"dc:title Self-evaluation: Hillside & Co <Primary>\n"
		"dc:language en-GB\n"
		"page 11906 16838 portrait\n"
		"Title|Self-evaluation: Hillside & Co <Primary>\n"
		"Subtitle|Hillside Primary, 2026 to 2027\n"
		"Heading1|Welcome and care\n"
		"-|First line\\nsecond line\\twith a tab\n"
		"Note|Part of the source text is missing here.\n"
		"Fact|Statements judged: 3 of 25\n"
		"table|Statements \"and\" evidence\n"
		"header-row\n"
		"cell TableText|Statement\n"
		"cell TableText|Evidence\n"
		"row\n"
		"cell TableText|1i\n"
		"cell TableText|Minutes of the council\n"
		"AfterTable|\n"
		"-|\\page\n"
		"Heading2|Areas for development\n"
		"-|The evaluation online\n"
		"Heading3|Third level\n"
		"link https://copro.example/org/1/evaluation/1/statement/1i\n"
		"link https://copro.example/org/1/evaluation/1\n";
	assert_string_equal(text, want);
	arena_free(&a);
}

/* Without a base the links' text stays, and no relationship is written;
 * a landscape report has landscape pages. */
static void no_base_no_links(void **state)
{
	(void)state;
	arena a = {0};
	report_bytes out;
	err e = {0};
	assert_int_equal(report_docx(sample(&a), NULL, &out, &e), 0);
	const char *text = read_back(&a, &out);
	assert_non_null(strstr(text, "-|The evaluation online\n"));
	assert_null(strstr(text, "link "));
	/* A wide grid turns the page. */
	report_doc *wide = sample(&a);
	wide->landscape = true;
	assert_int_equal(report_docx(wide, NULL, &out, &e), 0);
	assert_non_null(strstr(read_back(&a, &out), "page 16838 11906 landscape\n"));
	arena_free(&a);
}

/* A report whose headings start at level 2 has them as Heading 1 in Word,
 * so that no level is skipped after the title. */
static void headings_start_at_heading_1(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = report_new(&a, "Summary");
	report_heading(r, 2, "Where it stands");
	report_heading(r, 3, "Detail");
	report_bytes out;
	err e = {0};
	assert_int_equal(report_docx(r, NULL, &out, &e), 0);
	const char *text = read_back(&a, &out);
	assert_non_null(strstr(text, "Heading1|Where it stands\nHeading2|Detail\n"));
	arena_free(&a);
}

/* Control characters and bytes that are not UTF-8 cannot be in XML 1.0:
 * they go, and what is around them stays; a carriage return before a line
 * feed is one line end. */
static void text_xml_cannot_hold_is_removed(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = report_new(&a, "Bell\a and \x01null\x1f");
	r->lang = "cy";
	report_paragraph(r, "a\x0b" "b\x0c" "c\r\nd \xff\xfe e \xc3\xa9 \xef\xbf\xbe f \xed\xa0\x80 g \xf0\x9f\x98\x80");
	const char *head[] = {"A\x02"};
	report_block *t = report_table(r, "cap\x1b" "tion", 1, head, NULL);
	report_cell_set(t, &report_row(t)[0], "x\x7fy", NULL);
	report_bytes out;
	err e = {0};
	assert_int_equal(report_docx(r, NULL, &out, &e), 0);
	const char *text = read_back(&a, &out);
	assert_non_null(strstr(text, "dc:title Bell and null\n"));
	assert_non_null(strstr(text, "dc:language cy\n"));
	assert_non_null(strstr(text, "-|abc\\nd  e \xc3\xa9  f  g \xf0\x9f\x98\x80\n"));
	assert_non_null(strstr(text, "table|caption\n"));
	assert_non_null(strstr(text, "cell TableText|A\n"));
	assert_non_null(strstr(text, "cell TableText|x\x7fy\n"));
	arena_free(&a);
}

/* A long document: a table of 2,000 rows, which Word repeats the header
 * of on each page, still unzips with libzip and keeps every row. */
static void large_tables_unzip(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = report_new(&a, "Large");
	const char *head[] = {"Number", "Text"};
	report_block *t = report_table(r, "Many rows", 2, head, NULL);
	for (int i = 0; i < 2000; i++) {
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], arena_printf(&a, "%d", i), NULL);
		report_cell_set(t, &row[1], "Evidence from the youth forum", NULL);
	}
	report_bytes out;
	err e = {0};
	assert_int_equal(report_docx(r, NULL, &out, &e), 0);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(out.data, out.len, 0, &ze);
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(z);
	zip_stat_t st;
	assert_int_equal(zip_stat(z, "word/document.xml", 0, &st), 0);
	char *xml = arena_alloc(&a, st.size + 1);
	zip_file_t *zf = zip_fopen(z, "word/document.xml", 0);
	assert_int_equal(zip_fread(zf, xml, st.size), (zip_int64_t)st.size);
	zip_fclose(zf);
	zip_close(z);
	zip_error_fini(&ze);
	size_t rows = 0;
	for (const char *p = xml; (p = strstr(p, "<w:tr>")); p++)
		rows++;
	assert_int_equal(rows, 2001);
	assert_non_null(strstr(xml, ">1999<"));
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_reads_back_in_order),
		cmocka_unit_test(no_base_no_links),
		cmocka_unit_test(headings_start_at_heading_1),
		cmocka_unit_test(text_xml_cannot_hold_is_removed),
		cmocka_unit_test(large_tables_unzip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
