/* test_report_area.c: the area report for the SEND partnership board:
 * the portfolio, the heat map as a table, outcomes per academic year,
 * self-evaluation coverage and overdue actions, nothing from another
 * area; and the report as an Excel workbook, a sheet per table. */
#include "testutil.h"

#include <zip.h>

#include "domain/summaries.h"

#define TODAY "2026-06-15"


static void exec(fixture *f, const char *sql)
{
	test_exec(&f->db, sql);
}

/* An accepted audit with principle 1 at `level1` and principle 2 unrecorded. */
static void accepted_audit(fixture *f, int64_t org, const char *date, const char *outcome, const char *level1)
{
	exec(f, arena_printf(&f->mem,
		"INSERT INTO audit (organisation_id, framework_hash, version, status, audit_date, outcome,"
		" review_on, created_at, updated_at) VALUES (%lld, '%s', 1, 'accepted', '%s', '%s',"
		" '2026-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
		"UPDATE audit SET first_id = id WHERE first_id IS NULL;"
		"INSERT INTO audit_principle (audit_id, principle_key, level, updated_at)"
		" VALUES ((SELECT MAX(id) FROM audit), '1', '%s', '2026-01-01T00:00:00Z');",
		(long long)org, fixture_framework_hash(f, "york-joint-partnership-audit"), date, outcome, level1));
}

static void add_action(fixture *f, int64_t org, const char *title, const char *due, const char *status)
{
	action_row a = {.organisation_id = org, .title = title, .due_on = due, .status = status};
	int64_t id;
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), 0);
}

typedef struct world {
	int64_t oak, ash, area;
} world;

static world make_world(fixture *f)
{
	world w = {.oak = fixture_org(f, "Oak School"), .ash = fixture_org(f, "Ash School")};
	w.area = fixture_org_area(f, w.oak);
	accepted_audit(f, w.oak, "2025-10-01", "good", "excellent");
	accepted_audit(f, w.oak, "2024-03-01", "requires-improvement", "room-for-improvement");
	int64_t eval = fixture_evaluation(f, w.ash);
	review_change c = {.status = "complete", .groups = GROUP_PARENTS};
	assert_int_equal(review_set(&f->d, eval, "1i", &c, &f->e), 0);
	add_action(f, w.ash, "Parent forum terms of reference", "2026-05-01", "open");
	add_action(f, w.oak, "Done already", "2026-01-01", "done");
	add_action(f, w.oak, "Not due yet", "2026-12-01", "in-progress");
	return w;
}

static void report_holds_the_area(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	report_doc *r;
	assert_int_equal(report_area(&f->d, w.area, TODAY, &r, &f->e), 0);
	assert_true(!strncmp(r->title, "Area report: ", 13));
	assert_string_equal(r->made, "Made on 15 June 2026");

	const report_block *t = test_report_table(r, "Portfolio");
	assert_int_equal(t->nrows, 2);
	assert_string_equal(t->rows[0][0].text, "Ash School");        /* by name */
	assert_string_equal(t->rows[0][3].text, "No accepted audit");
	assert_string_equal(t->rows[0][6].text, "No audit in the last 12 months");
	assert_non_null(strstr(t->rows[0][4].text, "1 of 25 statements judged"));
	assert_string_equal(t->rows[1][3].text, "Good\n1 October 2025");
	assert_string_equal(t->rows[1][4].text, "Not started");
	assert_string_equal(t->rows[1][6].text, "Review overdue since 1 January 2026");
	assert_string_equal(t->rows[1][0].link, arena_printf(&f->mem, "/org/%lld", (long long)w.oak));

	t = test_report_table(r, "Heat map");
	assert_int_equal(t->ncols, 7);
	assert_int_equal(t->nrows, 1);                  /* Ash has no audit */
	assert_string_equal(t->header[1].text, "Principle 1");
	assert_string_equal(t->rows[0][1].text, "Excellent");
	assert_string_equal(t->rows[0][2].text, "Not recorded");
	t = test_report_table(r, "Levels per principle");
	assert_string_equal(t->rows[0][3].text, "1");   /* principle 1 at Excellent once */
	assert_string_equal(t->rows[0][4].text, "1");

	t = test_report_table(r, "Outcomes over time");
	assert_int_equal(t->nrows, 3);                  /* 2023 to 2024 through 2025 to 2026 */
	assert_string_equal(t->rows[0][0].text, "2023 to 2024");
	assert_string_equal(t->rows[2][0].text, "2025 to 2026");
	assert_string_equal(t->rows[2][t->ncols - 1].text, "1");

	t = test_report_table(r, "Self-evaluation coverage per cornerstone");
	assert_string_equal(t->rows[0][1].text, "1 of 7");
	assert_string_equal(t->rows[0][3].text, "1 of 1");
	t = test_report_table(r, "Self-evaluation of each organisation");
	assert_string_equal(t->rows[0][4].text, "Parent carers");
	assert_string_equal(t->rows[1][1].text, "Not started");

	t = test_report_table(r, "Overdue actions");
	assert_int_equal(t->nrows, 1);
	assert_string_equal(t->rows[0][0].text, "Ash School");
	assert_string_equal(t->rows[0][1].text, "Parent forum terms of reference");
	assert_string_equal(t->rows[0][2].text, "Not given");
	assert_string_equal(t->rows[0][3].text, "1 May 2026");
}

static void empty_area_says_so(void **state)
{
	fixture *f = *state;
	int64_t area;
	assert_int_equal(store_area_by_name(&f->db, "Empty Area", "2026-01-01T00:00:00Z", &area, &f->e), 0);
	report_doc *r;
	assert_int_equal(report_area(&f->d, area, TODAY, &r, &f->e), 0);
	bool said = false;
	for (const report_block *b = r->first; b; b = b->next) {
		assert_true(b->kind != REPORT_TABLE);
		said |= b->kind == REPORT_PARAGRAPH && !strcmp(b->text, "There are no organisations in this area yet.");
	}
	assert_true(said);
	assert_int_equal(report_area(&f->d, 9999, TODAY, &r, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

typedef struct buffer {
	arena *a;
	char *data;
	size_t len;
} buffer;

static int to_buffer(void *ctx, const char *bytes, size_t n, err *e)
{
	(void)e;
	buffer *b = ctx;
	char *bigger = arena_alloc(b->a, b->len + n + 1);
	memcpy(bigger, b->data, b->len);
	memcpy(bigger + b->len, bytes, n);
	b->data = bigger;
	b->len += n;
	return 0;
}

static const char *zip_part(arena *a, zip_t *z, const char *name)
{
	zip_stat_t st;
	if (zip_stat(z, name, 0, &st) < 0)
		fail_msg("no part %s", name);
	char *text = arena_alloc(a, st.size + 1);
	zip_file_t *zf = zip_fopen(z, name, 0);
	assert_int_equal(zip_fread(zf, text, st.size), (zip_int64_t)st.size);
	zip_fclose(zf);
	return text;
}

static void workbook_has_a_sheet_per_table(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	exec(f, arena_printf(&f->mem, "UPDATE organisation SET name = '=HYPERLINK(1)' WHERE id = %lld",
			     (long long)w.ash));
	report_doc *r;
	assert_int_equal(report_area(&f->d, w.area, TODAY, &r, &f->e), 0);
	buffer b = {.a = &f->mem, .data = ""};
	export_sink sink = {to_buffer, &b};
	assert_int_equal(report_xlsx(r, &sink, &f->e), 0);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_t *z = zip_open_from_source(zip_source_buffer_create(b.data, b.len, 0, &ze), ZIP_RDONLY, &ze);
	assert_non_null(z);
	const char *book = zip_part(&f->mem, z, "xl/workbook.xml");
	const char *const sheets[] = {"About", "Portfolio", "Heat map", "Levels per principle", "Outcomes over time",
				      "Self-evaluation coverage per", "Self-evaluation of each orga", "Overdue actions"};
	for (size_t i = 0; i < sizeof sheets / sizeof *sheets; i++)
		if (!strstr(book, arena_printf(&f->mem, "name=\"%s\"", sheets[i])))
			fail_msg("no sheet \"%s\" in %s", sheets[i], book);
	const char *strings = zip_part(&f->mem, z, "xl/sharedStrings.xml");
	assert_non_null(strstr(strings, "Parent forum terms of reference"));
	/* Stored text, never a formula. */
	assert_non_null(strstr(strings, "=HYPERLINK(1)"));
	const char *portfolio = zip_part(&f->mem, z, "xl/worksheets/sheet2.xml");
	assert_null(strstr(portfolio, "<f>"));
	assert_non_null(strstr(portfolio, "<pane "));   /* the header row stays in view */
	zip_close(z);
	zip_error_fini(&ze);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(report_holds_the_area, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(empty_area_says_so, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(workbook_has_a_sheet_per_table, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
