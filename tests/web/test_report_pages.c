/* test_report_pages.c: the "Print or download" pages and their files: the
 * report on the page, the PDF (and Word file) sent as an attachment with a safe name and
 * a line in the activity log, who may have them, and every refusal. */
#include "store/account.h"
#include "webtest.h"

#include "report/docx.h"

#define T(fn) cmocka_unit_test_setup_teardown(fn, webfix_setup, webfix_teardown)

static int64_t activity_lines(webfix *w, const char *like)
{
	return fixture_count(&w->f, arena_printf(&w->f.mem, "SELECT count(*) FROM activity WHERE what LIKE '%s'", like));
}

static void add_evidence(webfix *w, const char *title)
{
	fixture *f = &w->f;
	evidence_row ev = {.organisation_id = w->org, .title = title, .date = "2026-05-01",
			   .groups = GROUP_PARENTS};
	int64_t id;
	size_t n;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	const char *refs[] = {"1i.a"};
	assert_int_equal(evidence_link(&f->d, id, w->eval, refs, 1, false, &n, &f->e), 0);
	review_change c = {.strengths = "Families say the gate is friendly", .areas = "Ask the children",
			   .status = "complete", .groups = GROUP_PARENTS};
	assert_int_equal(review_set(&f->d, w->eval, "1i", &c, &f->e), 0);
}

static void evaluation_report_page(void **state)
{
	webfix *w = *state;
	add_evidence(w, "Morning welcome at the gate");
	const char *path = web_path(w, "/org/%lld/evaluation/%lld/report", (long long)w->org, (long long)w->eval);
	request *r = web_expect_request(w, AS_VIEWER, "GET", path, NULL, 200);
	page_has(r, "Four Cornerstones Self-Evaluation Tool");
	page_has(r, "Cornerstone 1: Welcome and Care");
	page_has(r, "1i Providing a happy and secure environment or context");
	page_has(r, "Morning welcome at the gate (1 May 2026; a)");
	page_has(r, "Families say the gate is friendly");
	page_has(r, "<thead");
	page_has(r, web_path(w, "href=\"%s/pdf\" download", path));
	page_has(r, web_path(w, "href=\"/org/%lld/evaluation/%lld/statement/1i\"", (long long)w->org,
			     (long long)w->eval));
	request_destroy(r);
	/* the evaluation's page leads here */
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/evaluation/%lld", (long long)w->org,
							   (long long)w->eval), NULL, 200);
	page_has(r, web_path(w, "href=\"%s\"", path));
	page_has(r, "Print or download");
	request_destroy(r);
}

static void evaluation_pdf_download(void **state)
{
	webfix *w = *state;
	add_evidence(w, "Morning welcome at the gate");
	const char *path = web_path(w, "/org/%lld/evaluation/%lld/report/pdf", (long long)w->org, (long long)w->eval);
	int64_t before = activity_lines(w, "downloaded %(PDF)");
	request *r = web_expect_request(w, AS_VIEWER, "GET", path, NULL, 200);
	assert_string_equal(r->content_type, "application/pdf");
	assert_non_null(r->download);
	assert_non_null(strstr(r->download, "four-cornerstones-self-evaluation-tool"));
	assert_non_null(strstr(r->download, ".pdf"));
	assert_null(strpbrk(r->download, "\"/\\ "));
	assert_true(r->out.len > 10000);
	assert_memory_equal(r->out.buf, "%PDF-", 5);
	assert_int_equal(activity_lines(w, "downloaded %(PDF)"), before + 1);
	request_destroy(r);
}

/* The action plan: due dates in words, overdue said plainly, open first;
 * the monitoring grid with nothing chosen says so. */
static void organisation_reports(void **state)
{
	webfix *w = *state;
	fixture *f = &w->f;
	action_row a = {.organisation_id = w->org, .title = "Ask the pupils about the gate", .owner = "Office",
			.due_on = "2020-01-31"};
	int64_t id;
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), 0);
	action_row done = {.organisation_id = w->org, .title = "Paint the gate", .due_on = "2020-03-01",
			   .status = "done"};
	assert_int_equal(action_add(&f->d, &done, &id, &f->e), 0);
	request *r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/actions/report", (long long)w->org),
					NULL, 200);
	page_has(r, "Action plan");
	page_has(r, "31 January 2020 (overdue)");
	const char *body = web_body(r);
	const char *open = strstr(body, "Ask the pupils about the gate"), *closed = strstr(body, "Paint the gate");
	assert_true(open && closed && open < closed);
	request_destroy(r);
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/actions", (long long)w->org), NULL, 200);
	page_has(r, web_path(w, "href=\"/org/%lld/actions/report\"", (long long)w->org));
	request_destroy(r);
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/measures/report", (long long)w->org), NULL, 200);
	page_has(r, "No success measures have been chosen yet.");
	request_destroy(r);
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/measures/report/pdf", (long long)w->org), NULL, 200);
	assert_string_equal(r->content_type, "application/pdf");
	assert_non_null(strstr(r->download, "success-measures-monitoring-grid.pdf"));
	request_destroy(r);
}

/* The same grid as Word: the zip with its document, a line in the log. */
static void evaluation_word_download(void **state)
{
	webfix *w = *state;
	add_evidence(w, "Morning welcome at the gate");
	const char *path = web_path(w, "/org/%lld/evaluation/%lld/report", (long long)w->org, (long long)w->eval);
	request *r = web_expect_request(w, AS_VIEWER, "GET", path, NULL, 200);
	page_has(r, web_path(w, "href=\"%s/docx\" download", path));
	request_destroy(r);
	int64_t before = activity_lines(w, "downloaded %(Word)");
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "%s/docx", path), NULL, 200);
	assert_string_equal(r->content_type, DOCX_TYPE);
	assert_non_null(strstr(r->download, ".docx"));
	assert_memory_equal(r->out.buf, "PK", 2);
	bool named = false;     /* the zip names its parts in the clear */
	for (size_t i = 0; i + 17 <= r->out.len && !named; i++)
		named = !memcmp(r->out.buf + i, "word/document.xml", 17);
	assert_true(named);
	assert_int_equal(activity_lines(w, "downloaded %(Word)"), before + 1);
	request_destroy(r);
}

static void refusals(void **state)
{
	webfix *w = *state;
	const char *base = web_path(w, "/org/%lld/evaluation/%lld/report", (long long)w->org, (long long)w->eval);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "%s/odt", base), NULL, 404);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "%s/PDF", base), NULL, 404);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/evaluation/999/report", (long long)w->org), NULL, 404);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/evaluation/999/report/pdf", (long long)w->org), NULL, 404);
	/* another organisation's evaluation under ours */
	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/evaluation/%lld/report/pdf", (long long)w->org,
						 (long long)w->other_eval), NULL, 404);
	int64_t before = activity_lines(w, "downloaded %");
	web_expect(w, AS_NOBODY, "GET", web_path(w, "%s/pdf", base), NULL, 303);
	web_expect(w, AS_OTHER_LEAD, "GET", web_path(w, "%s/pdf", base), NULL, 404);
	web_expect(w, AS_OTHER_LEAD, "GET", web_path(w, "/org/%lld/actions/report/pdf", (long long)w->org), NULL, 404);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/plan/999/report/pdf", (long long)w->org), NULL, 404);
	assert_int_equal(activity_lines(w, "downloaded %"), before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(evaluation_report_page), T(evaluation_pdf_download), T(evaluation_word_download), T(organisation_reports),
		T(refusals),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
