/* test_pdf.c: the PDF writer, read back with poppler's tools (pdftotext,
 * pdfinfo, pdffonts): text and its order, pages and their numbers, rows
 * repeated or split across pages, metadata, fonts, outline and links. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef __SANITIZE_ADDRESS__
size_t __sanitizer_get_current_allocated_bytes(void);   /* sanitizer/allocator_interface.h */
#endif

#include "testutil.h"

#include "report/pdf.h"

/* The output of a shell command, in the arena. */
static char *run(arena *a, const char *cmd)
{
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	size_t cap = 1 << 16, n = 0;
	char *out = malloc(cap);
	size_t got;
	while ((got = fread(out + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n < 2) {
			cap *= 2;
			out = realloc(out, cap);
		}
	}
	out[n] = '\0';
	assert_int_equal(pclose(f), 0);
	char *copy = arena_strdup(a, out);
	free(out);
	return copy;
}

/* pdfinfo's value of `field`, checked. */
static void info_is(const char *info, const char *field, const char *value)
{
	char *at = strstr(info, field);
	assert_non_null(at);
	at += strlen(field);
	at += strspn(at, ": ");
	if (strncmp(at, value, strlen(value)))
		fail_msg("%s is not \"%s\": %.60s", field, value, at);
}

static void write_pdf(const report_doc *doc, const report_pdf_options *opt, const char *path)
{
	report_bytes out = {0};
	err e = {0};
	assert_int_equal(report_pdf(doc, opt, &out, &e), 0);
	assert_true(out.len > 1000);
	assert_memory_equal(out.data, "%PDF-", 5);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(out.data, 1, out.len, f), out.len);
	fclose(f);
}

/* Positions of each needle in order in hay; fails when one is missing or
 * out of order. */
static void in_order(const char *hay, const char *const *needles, size_t n)
{
	const char *at = hay;
	for (size_t i = 0; i < n; i++) {
		const char *found = strstr(at, needles[i]);
		if (!found)
			fail_msg("\"%s\" missing or out of order", needles[i]);
		at = found + strlen(needles[i]);
	}
}

static report_doc *long_report(arena *a)
{
	report_doc *r = report_new(a, "Self-evaluation: Hillside Primary");
	r->subtitle = "Hillside Primary School";
	r->made = "6 December 2026";
	report_heading(r, 1, "Welcome and care");
	report_paragraph(r, "Zażółć gęślą jaźń");
	report_paragraph(r, "مرحبا بكم في المدرسة");
	report_note(r, "Part of the source text is missing here.");
	report_block *f = report_facts(r);
	report_fact_add(f, "Judgement", "Mostly");
	const char *head[] = {"Statement", "Indicators", "Evidence"};
	report_block *t = report_table(r, "Welcome and care", 3, head, NULL);
	char text[64];
	for (int i = 0; i < 120; i++) {
		report_cell *row = report_row(t);
		snprintf(text, sizeof text, "row %03d", i);
		report_cell_set(t, &row[0], text, i == 3 ? "/org/1/evidence/3" : NULL);
		report_cell_set(t, &row[1], "An indicator that wraps over a line or two in its column", NULL);
	}
	report_heading(r, 1, "Communication");
	report_heading(r, 2, "Statement 2i");
	/* a row taller than a page: split, never lost */
	t = report_table(r, "Tall", 2, head, NULL);
	report_cell *tall = report_row(t);
	char *many = arena_alloc(a, 200 * 16);
	for (int i = 0; i < 200; i++)
		sprintf(many + strlen(many), "line %03d\n", i);
	report_cell_set(t, &tall[0], many, NULL);
	report_cell_set(t, &tall[1], "beside", NULL);
	report_paragraph(r, "The end.");
	return r;
}

static void text_pages_and_order(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = long_report(&a);
	report_pdf_options opt = {.base_url = "https://copro.example.org"};
	write_pdf(r, &opt, "long.pdf");
	char *info = run(&a, "pdfinfo long.pdf");
	info_is(info, "Title", "Self-evaluation: Hillside Primary");
	info_is(info, "Author", "Hillside Primary School");
	info_is(info, "Creator", "copro");
	info_is(info, "Page size", "595.276 x 841.89 pts (A4)");
	char *pages = strstr(info, "Pages:");
	assert_non_null(pages);
	int n = atoi(pages + 6);
	assert_true(n >= 8);
	char *text = run(&a, "pdftotext long.pdf -");
	/* every row once, in order; the header repeated on each page of it */
	const char *rows[120];
	for (int i = 0; i < 120; i++)
		rows[i] = arena_printf(&a, "row %03d", i);
	in_order(text, rows, 120);
	const char *lines[200];
	for (int i = 0; i < 200; i++)
		lines[i] = arena_printf(&a, "line %03d", i);
	in_order(text, lines, 200);
	const char *order[] = {"Contents", "Welcome and care", "Communication", "Welcome and care",
			       "Zażółć gęślą jaźń", "مرحبا بكم في المدرسة", "Part of the source text",
			       "Judgement", "Mostly", "Communication", "Statement 2i", "beside", "The end."};
	in_order(text, order, sizeof order / sizeof *order);
	char *last = arena_printf(&a, "Page %d of %d", n, n);
	assert_non_null(strstr(text, "Page 1 of "));
	assert_non_null(strstr(text, last));
	size_t headers = 0;
	for (const char *p = text; (p = strstr(p, "Indicators")); p++)
		headers++;
	assert_true(headers >= (size_t)n - 2);
	arena_free(&a);
}

static void fonts_outline_and_links(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = long_report(&a);
	report_pdf_options opt = {.base_url = "https://copro.example.org"};
	write_pdf(r, &opt, "nav.pdf");
	char *fonts = run(&a, "pdffonts nav.pdf | tail -n +3");
	assert_non_null(strstr(fonts, "LiberationSans"));
	for (char *line = fonts; *line; line = strchr(line, '\n') + 1) {
		assert_non_null(strstr(line, " yes "));  /* embedded */
		if (!strchr(line, '\n'))
			break;
	}
	char *raw = run(&a, "strings nav.pdf");
	assert_non_null(strstr(raw, "/Outlines"));
	/* the language, added after cairo's file as an update poppler reads
	 * without a complaint */
	assert_non_null(strstr(raw, "/Lang (en-GB)"));
	assert_non_null(strstr(raw, "/Prev "));
	assert_string_equal(run(&a, "pdftotext nav.pdf /dev/null 2>&1; pdfinfo nav.pdf 2>&1 >/dev/null"), "");
	assert_non_null(strstr(raw, "https://copro.example.org/org/1/evidence/3"));
	assert_non_null(strstr(raw, "/Dests"));
	/* without a base, no web links: the contents still link inside */
	write_pdf(r, NULL, "nobase.pdf");
	raw = run(&a, "strings nobase.pdf");
	assert_null(strstr(raw, "/org/1/evidence/3"));
	assert_non_null(strstr(raw, "/Link"));
	arena_free(&a);
}

static void landscape_and_empty(void **state)
{
	(void)state;
	arena a = {0};
	report_doc *r = report_new(&a, "");
	r->landscape = true;
	r->lang = "cy\") /JavaScript";        /* not a language tag: left out */
	write_pdf(r, NULL, "empty.pdf");
	char *info = run(&a, "pdfinfo empty.pdf");
	info_is(info, "Page size", "841.89 x 595.276 pts (A4)");
	info_is(info, "Pages", "1");
	assert_null(strstr(run(&a, "strings empty.pdf"), "/Lang"));
	arena_free(&a);
}

/* Bytes in use on the heap (ASan's count under the sanitizer). */
static size_t heap_in_use(void)
{
#ifdef __SANITIZE_ADDRESS__
	return __sanitizer_get_current_allocated_bytes();
#else
	return mallinfo2().uordblks;
#endif
}

/* fontconfig's process-long caches are left to the OS at exit (and
 * suppressed for LeakSanitizer, tests/lsan.supp), so the leak checker
 * cannot see a report's own objects left behind: memory in use must not
 * grow from one report to the next. */
static void a_report_gives_back_its_memory(void **state)
{
	(void)state;
	size_t after[3] = {0};
	for (int i = 0; i < 42; i++) {
		arena a = {0};
		report_doc *r = long_report(&a);
		report_bytes out = {0};
		err e = {0};
		assert_int_equal(report_pdf(r, NULL, &out, &e), 0);
		arena_free(&a);
		if (i % 20 == 1)
			after[i / 20] = heap_in_use();
	}
	print_message("heap in use after 2 reports: %zu bytes, after 22: %zu, after 42: %zu\n", after[0], after[1],
		      after[2]);
	/* ASan counts every byte and sees none kept (make check runs this);
	 * glibc's main-arena count moves a little with pango's caches. */
#ifdef __SANITIZE_ADDRESS__
	assert_true(after[2] < after[1] + 16 * 1024);
#else
	assert_true(after[2] < after[1] + 128 * 1024);
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_pages_and_order),
		cmocka_unit_test(fonts_outline_and_links),
		cmocka_unit_test(landscape_and_empty),
		cmocka_unit_test(a_report_gives_back_its_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
