/* test_document.c: building the report model the PDF, Word and HTML
 * writers read. */
#include "testutil.h"

#include "report/report.h"

static void blocks_keep_their_order(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = report_new(&a, "Self-evaluation: Hillside Primary");
	assert_string_equal(r->lang, "en-GB");
	report_heading(r, 1, "Welcome and care");
	report_heading(r, 9, "clamped");
	report_paragraph(r, NULL);
	report_link(r, "The statement", "/org/1/evaluation/1/statement/1i");
	report_note(r, "Part of the source text is missing here.");
	report_page_break(r);
	enum report_block_kind want[] = {REPORT_HEADING, REPORT_HEADING, REPORT_PARAGRAPH,
					 REPORT_PARAGRAPH, REPORT_NOTE, REPORT_PAGE_BREAK};
	size_t n = 0;
	for (report_block *b = r->first; b; b = b->next, n++) {
		assert_true(n < sizeof want / sizeof *want);
		assert_int_equal(b->kind, want[n]);
		assert_non_null(b->text);
	}
	assert_int_equal(n, 6);
	assert_int_equal(r->first->level, 1);
	assert_int_equal(r->first->next->level, 3);
	assert_string_equal(r->first->next->next->text, "");
	assert_string_equal(r->first->next->next->next->link, "/org/1/evaluation/1/statement/1i");
	arena_free(&a);
}

static void tables_grow_row_by_row(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = report_new(&a, "Plan");
	const char *head[] = {"Statement", "Indicators", "Evidence"};
	const double widths[] = {2, 3, 0};
	report_block *t = report_table(r, "Welcome and care", 3, head, widths);
	for (int i = 0; i < 100; i++) {
		report_cell *row = report_row(t);
		assert_string_equal(row[2].text, "");
		char text[16];
		snprintf(text, sizeof text, "row %d", i);
		report_cell_set(t, &row[0], text, i == 7 ? "/org/1/evidence/7" : NULL);
	}
	assert_int_equal(t->nrows, 100);
	assert_string_equal(t->rows[99][0].text, "row 99");
	assert_string_equal(t->rows[7][0].link, "/org/1/evidence/7");
	assert_null(t->rows[8][0].link);
	assert_true(t->header[0].strong);
	assert_true(t->widths[2] == 1);     /* a width of 0 is "equal" */
	report_block *f = report_facts(r);
	for (int i = 0; i < 20; i++)
		report_fact_add(f, "Statements judged", "3 of 25");
	assert_int_equal(f->nfacts, 20);
	assert_string_equal(f->facts[19].value, "3 of 25");
	arena_free(&a);
}

static void file_names_are_safe(void **state)
{
	(void)state;
	arena a = {0};
	assert_string_equal(report_safe_name(&a, "Self-evaluation: Hillside Primary (2026/27)"),
			    "self-evaluation-hillside-primary-2026-27");
	assert_string_equal(report_safe_name(&a, "../../etc/passwd"), "etc-passwd");
	assert_string_equal(report_safe_name(&a, "\"; rm -rf /\xc3\xa9"), "rm-rf");
	assert_string_equal(report_safe_name(&a, ""), "report");
	assert_string_equal(report_safe_name(&a, NULL), "report");
	char longname[300];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_int_equal(strlen(report_safe_name(&a, longname)), 80);
	assert_string_equal(report_new(&a, "Audit, version 2")->filename, "audit-version-2");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blocks_keep_their_order),
		cmocka_unit_test(tables_grow_row_by_row),
		cmocka_unit_test(file_names_are_safe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
