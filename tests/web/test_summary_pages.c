/* test_summary_pages.c: the one-page summary's page and files (PDF, Word)
 * and the area report's page and files (PDF, Excel): what they hold,
 * their names and types, a line in the activity log for each download,
 * and formats that do not exist. */
#include "webtest.h"

#include "domain/area.h"
#include "report/docx.h"

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

static bool logged(webfix *w, int64_t org, int64_t area, const char *what)
{
	activity_list list;
	assert_int_equal(activity_of(&w->f.d, org, area, 50, &list, &w->f.e), 0);
	for (size_t i = 0; i < list.n; i++)
		if (!strcmp(list.items[i].what, what))
			return true;
	return false;
}

static void summary_page_and_files(void **state)
{
	webfix *w = *state;
	review_change c = {.strengths = "The <b>welcome</b> is warm", .status = "complete", .groups = -1};
	assert_int_equal(review_set(&w->f.d, w->eval, "1i", &c, &w->f.e), 0);
	const char *page = web_path(w, "/org/%lld/evaluation/%lld/summary", (long long)w->org, (long long)w->eval);
	const char *body = web_expect_body(w, AS_VIEWER, "GET", page, NULL, 200);
	body_has(body, "<title>Self-evaluation summary");
	body_has(body, "<h1 class=\"govuk-heading-l\">Self-evaluation summary</h1>");
	body_has(body, web_path(w, "href=\"%s/pdf\" download>", page));
	body_has(body, web_path(w, "href=\"%s/docx\" download>", page));
	body_has(body, "Where the self-evaluation stands");
	body_has(body, "1i: The &lt;b&gt;welcome&lt;/b&gt; is warm");
	body_has(body, web_path(w, "href=\"/org/%lld/evaluation/%lld\"", (long long)w->org, (long long)w->eval));

	request *r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "%s/pdf", page), NULL, 200);
	assert_string_equal(r->content_type, "application/pdf");
	assert_true(!strncmp(r->download, "summary-", 8));
	assert_non_null(strstr(r->download, ".pdf"));
	assert_memory_equal(r->out.buf, "%PDF-", 5);
	request_destroy(r);
	assert_true(logged(w, w->org, 0, "downloaded Self-evaluation summary (PDF)"));

	r = web_expect_request(w, AS_LEAD, "GET", web_path(w, "%s/docx", page), NULL, 200);
	assert_string_equal(r->content_type, DOCX_TYPE);
	assert_non_null(strstr(r->download, ".docx"));
	assert_memory_equal(r->out.buf, "PK", 2);
	request_destroy(r);
	assert_true(logged(w, w->org, 0, "downloaded Self-evaluation summary (Word)"));

	web_expect(w, AS_LEAD, "GET", web_path(w, "%s/xlsx", page), NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "%s/odt", page), NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/evaluation/%lld/summary/pdf", (long long)w->org,
					      (long long)w->other_eval), NULL, 404);
}

static void area_report_page_and_files(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *page = web_path(w, "/area/%lld/report", (long long)area);
	body_has(web_expect_body(w, AS_AREA, "GET", web_path(w, "/area/%lld", (long long)area), NULL, 200),
		 web_path(w, "href=\"%s\"", page));
	const char *body = web_expect_body(w, AS_AREA, "GET", page, NULL, 200);
	body_has(body, "<title>Area report: ");
	body_has(body, web_path(w, "href=\"%s/pdf\" download>", page));
	body_has(body, web_path(w, "href=\"%s/xlsx\" download>", page));
	body_has(body, ">Portfolio</h2>");
	body_has(body, ">Heat map</h2>");
	body_has(body, ">Overdue actions</h2>");

	request *r = web_expect_request(w, AS_AREA, "GET", web_path(w, "%s/pdf", page), NULL, 200);
	assert_string_equal(r->content_type, "application/pdf");
	assert_true(!strncmp(r->download, "area-report-", 12));
	request_destroy(r);
	r = web_expect_request(w, AS_AREA, "GET", web_path(w, "%s/xlsx", page), NULL, 200);
	assert_string_equal(r->content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	assert_memory_equal(r->out.buf, "PK", 2);
	request_destroy(r);
	const char *name = NULL;
	assert_int_equal(area_name(&w->f.d, area, &name, &w->f.e), 0);
	assert_true(logged(w, 0, area, web_path(w, "downloaded Area report: %s (Excel)", name)));
	web_expect(w, AS_AREA, "GET", web_path(w, "%s/docx", page), NULL, 404);
	r = web_run(w, AS_LEAD, "GET", page, NULL);
	assert_true(r->status == 403 || r->status == 404);
	request_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(summary_page_and_files), T(area_report_page_and_files),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
