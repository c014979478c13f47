/* test_html.c: the printable HTML writer: a standalone A4 page whose every
 * stored text is escaped, tables with a header row that repeats when
 * printed, links only to copro's paths or web addresses. */
#include "testutil.h"

#include "report/report_html.h"

#define HOSTILE "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"

static const char *page(arena *a, report_doc *r, const char *base)
{
	report_html_options opt = {.base_url = base};
	report_bytes out = {0};
	err e = {0};
	assert_int_equal(report_html(r, &opt, &out, &e), 0);
	char *s = arena_strndup(a, (const char *)out.data, out.len);
	assert_int_equal(strlen(s), out.len);
	return s;
}

static void stored_text_is_escaped(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = report_new(&a, HOSTILE);
	r->subtitle = HOSTILE;
	r->made = HOSTILE;
	r->lang = "en-GB\"><script>";
	report_heading(r, 1, HOSTILE);
	report_paragraph(r, HOSTILE);
	report_link(r, HOSTILE, "javascript:alert(3)");
	report_note(r, HOSTILE "\n" HOSTILE);
	report_fact_add(report_facts(r), HOSTILE, HOSTILE);
	const char *head[] = {HOSTILE, "Two"};
	report_block *t = report_table(r, HOSTILE, 2, head, NULL);
	report_cell *row = report_row(t);
	report_cell_set(t, &row[0], HOSTILE, "/org/1/evidence/\"><script>");
	row[0].strong = true;
	report_cell_set(t, &row[1], HOSTILE, "https://example.org/\"onmouseover=\"x");
	const char *s = page(&a, r, "");
	assert_null(strstr(s, "<script>"));
	assert_null(strstr(s, "<img"));
	assert_null(strstr(s, "\"onmouseover"));
	assert_null(strstr(s, "javascript:"));
	assert_non_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(s, "href=\"/org/1/evidence/&quot;&gt;&lt;script&gt;\""));
	assert_non_null(strstr(s, "<th scope=\"row\""));
	arena_free(&a);
}

static void a_standalone_a4_page(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = report_new(&a, "Self-evaluation");
	r->landscape = true;
	report_heading(r, 1, "Welcome and care");
	report_paragraph(r, "First line\nsecond line");
	report_fact_add(report_facts(r), "People", "Sam Okafor, SENCO\nJo Mensah, Head teacher");
	report_page_break(r);
	const char *head[] = {"Statement", "Evidence"};
	report_block *t = report_table(r, "Welcome", 2, head, NULL);
	report_cell *row = report_row(t);
	report_cell_set(t, &row[0], "1i", "/org/1/evaluation/1/statement/1i");
	const char *s = page(&a, r, "https://copro.example.org");
	assert_true(!strncmp(s, "<!DOCTYPE html>", 15));
	assert_non_null(strstr(s, "<html lang=\"en-GB\">"));
	assert_non_null(strstr(s, "<title>Self-evaluation</title>"));
	assert_non_null(strstr(s, "@page{size:A4 landscape;margin:18mm}"));
	assert_non_null(strstr(s, "thead{display:table-header-group}"));
	assert_non_null(strstr(s, "<h2 class=\"govuk-heading-l\">Welcome and care</h2>"));
	assert_non_null(strstr(s, "First line<br>second line"));
	assert_non_null(strstr(s, "Sam Okafor, SENCO<br>Jo Mensah, Head teacher</dd>"));
	assert_non_null(strstr(s, "copro-report__page-break"));
	assert_non_null(strstr(s, "<caption class=\"govuk-visually-hidden\">Welcome</caption>"));
	assert_non_null(strstr(s, "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\""));
	assert_non_null(strstr(s, "href=\"https://copro.example.org/org/1/evaluation/1/statement/1i\""));
	/* no base: no links in a file */
	s = page(&a, r, NULL);
	assert_null(strstr(s, "href="));
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stored_text_is_escaped),
		cmocka_unit_test(a_standalone_a4_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
