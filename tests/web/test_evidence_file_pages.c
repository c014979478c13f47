/* test_evidence_file_pages.c: attaching a file to an evidence item in the
 * browser (its own task page), the refusals (wrong type by the bytes,
 * empty, too large, over the quota, no CSRF token, signed out, another
 * organisation's) that store nothing, the checks made before an upload's
 * body is read, the download's headers and bytes, and removal. */
#include <zip.h>

#include "domain/evidence_file.h"
#include "store/account.h"
#include "webtest.h"

static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
	'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89};
static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";

static int64_t item(webfix *w, int64_t org)
{
	evidence_row ev = {.organisation_id = org, .title = "Forum minutes", .date = "2026-05-01",
			   .groups = GROUP_PARENTS};
	int64_t id;
	assert_int_equal(evidence_add(&w->f.d, &ev, &id, &w->f.e), 0);
	return id;
}

static const char *files_path(webfix *w, int64_t org, int64_t ev)
{
	return web_path(w, "/org/%lld/evidence/%lld/files", (long long)org, (long long)ev);
}

static void form_is_a_multipart_task_page(void **state)
{
	webfix *w = *state;
	int64_t ev = item(w, w->org);
	request *r = web_expect_request(w, AS_CONTRIBUTOR, "GET", files_path(w, w->org, ev), NULL, 200);
	page_has(r, "<title>Attach a file");
	page_has(r, "enctype=\"multipart/form-data\"");
	/* The token rides in the address, so the server can check it before
	 * reading the file. */
	page_has(r, web_path(w, "action=\"/org/%lld/evidence/%lld/files?csrf=%s\"", (long long)w->org,
			     (long long)ev, w->as[AS_CONTRIBUTOR].csrf));
	page_has(r, "class=\"govuk-file-upload\" id=\"file\" name=\"file\" type=\"file\"");
	page_has(r, "up to 10 MB");
	page_has(r, "Your organisation has 200 MB of its 200 MB left");
	request_destroy(r);
	web_expect(w, AS_VIEWER, "GET", files_path(w, w->org, ev), NULL, 403);
	web_expect(w, AS_OTHER_LEAD, "GET", files_path(w, w->org, ev), NULL, 404);
}

static void attach_lists_and_downloads(void **state)
{
	webfix *w = *state;
	int64_t ev = item(w, w->org);
	request *r = web_upload(w, AS_CONTRIBUTOR, files_path(w, w->org, ev), "C:\\docs\\Forum minutes.pdf",
				pdf, sizeof pdf - 1);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/evidence/%lld?saved=file", (long long)w->org, (long long)ev));
	request_destroy(r);
	r = web_upload(w, AS_LEAD, files_path(w, w->org, ev), "chart", png, sizeof png);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	evidence_file_list files;
	assert_int_equal(evidence_files_of(&w->f.d, ev, &files, &w->f.e), 0);
	assert_int_equal(files.n, 2);
	r = web_get_query(w, AS_VIEWER, web_path(w, "/org/%lld/evidence/%lld", (long long)w->org, (long long)ev),
			  (const char *const[]){"saved", "file", NULL});
	page_has(r, "File attached");
	page_has(r, ">Forum minutes.pdf</a>");
	page_has(r, "PDF document, 45 bytes. Added by");
	page_has(r, ">chart.png</a>");
	page_has(r, "PNG image, 33 bytes");
	page_lacks(r, "/remove");               /* a viewer removes nothing */
	page_lacks(r, "Attach a file");
	request_destroy(r);
	/* The contributor may remove their own file, not the lead's. */
	r = web_run(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/evidence/%lld", (long long)w->org, (long long)ev), NULL);
	page_has(r, web_path(w, "/file/%lld/remove", (long long)files.items[0].id));
	page_lacks(r, web_path(w, "/file/%lld/remove", (long long)files.items[1].id));
	request_destroy(r);

	const char *dl = web_path(w, "/org/%lld/evidence/%lld/file/%lld", (long long)w->org, (long long)ev,
				  (long long)files.items[0].id);
	r = web_expect_request(w, AS_VIEWER, "GET", dl, NULL, 200);
	assert_string_equal(r->download, "Forum minutes.pdf");
	assert_string_equal(r->content_type, "application/pdf");
	assert_string_equal(r->csp, "default-src 'none'; sandbox");
	assert_int_equal(r->body_len, sizeof pdf - 1);
	assert_memory_equal(r->body, pdf, sizeof pdf - 1);
	request_destroy(r);
	web_expect(w, AS_OTHER_LEAD, "GET", dl, NULL, 404);
	web_expect(w, AS_NOBODY, "GET", dl, NULL, 303);
	/* Another item's address for the file finds nothing. */
	int64_t ev2 = item(w, w->org);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/evidence/%lld/file/%lld", (long long)w->org,
					      (long long)ev2, (long long)files.items[0].id), NULL, 404);
}

static void refused(webfix *w, int who, int64_t org, int64_t ev, const char *name, const void *bytes,
		    size_t len, int status, const char *message)
{
	int64_t before = test_count_rows(&w->f.db);
	request *r = web_upload(w, who, files_path(w, org, ev), name, bytes, len);
	if (r->status != status)
		fail_msg("%s: %d, not %d: %s", name, r->status, status, web_body(r));
	if (message) {
		page_has(r, "<title>Error: Attach a file");
		page_has(r, message);
		page_has(r, "govuk-error-summary");
	}
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void refusals_store_nothing(void **state)
{
	webfix *w = *state;
	int64_t ev = item(w, w->org);
	refused(w, AS_CONTRIBUTOR, w->org, ev, "chart.png", svg, sizeof svg - 1, 400,
		"The file&#39;s contents are image/svg+xml, which copro does not take");
	refused(w, AS_CONTRIBUTOR, w->org, ev, "page.pdf", "<html><body>hi</body></html>", 28, 400,
		"which copro does not take");
	refused(w, AS_CONTRIBUTOR, w->org, ev, "", "", 0, 400, "Select a file");
	refused(w, AS_CONTRIBUTOR, w->org, ev, "empty.pdf", "", 0, 400, "The selected file is empty");
	size_t big = EVIDENCE_FILE_MAX + 1;
	char *bytes = arena_alloc(&w->f.mem, big);
	memcpy(bytes, pdf, sizeof pdf - 1);
	refused(w, AS_CONTRIBUTOR, w->org, ev, "big.pdf", bytes, big, 413,
		"The selected file must be smaller than 10 MB");
	/* Over the quota: 10 MB for the area, 6 MB in use. */
	int64_t area;
	assert_int_equal(store_org_area(&w->f.db, w->org, &area, &w->f.e), 0);
	assert_int_equal(file_quota_set(&w->f.d, NULL, area, 10, &w->f.e), 0);
	evidence_file_row out;
	assert_int_equal(evidence_file_attach(&w->f.d, NULL, w->org, ev, "a.pdf", bytes, 6 << 20, &out, &w->f.e), 0);
	refused(w, AS_CONTRIBUTOR, w->org, ev, "b.pdf", bytes, 6 << 20, 413, "of space (4 MB is left)");
	/* Signed out, no token, another organisation's, a viewer. */
	refused(w, AS_NOBODY, w->org, ev, "c.pdf", pdf, sizeof pdf - 1, 303, NULL);
	refused(w, AS_OTHER_LEAD, w->org, ev, "c.pdf", pdf, sizeof pdf - 1, 404, NULL);
	refused(w, AS_VIEWER, w->org, ev, "c.pdf", pdf, sizeof pdf - 1, 403, NULL);
	int64_t before = test_count_rows(&w->f.db);
	request *r = web_request(w, AS_LEAD, "POST", files_path(w, w->org, ev));
	request_add_file(r, "file", "c.pdf", pdf, sizeof pdf - 1);
	web_dispatch(r);
	assert_int_equal(r->status, 403);
	page_has(r, "This form has expired");
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

/* What the server asks before it reads an upload's body. */
static int refuse_early(webfix *w, int who, const char *path, const char *csrf, size_t declared,
			request **out)
{
	request *r = web_request(w, who, "POST", path);
	if (csrf)
		request_add_query(r, "csrf", csrf);
	r->content_length = declared;
	bool refused = web_refuse_upload(r);
	int status = refused ? r->status : 0;
	if (out)
		*out = r;
	else
		request_destroy(r);
	return status;
}

static void checked_before_the_body(void **state)
{
	webfix *w = *state;
	int64_t ev = item(w, w->org);
	const char *p = files_path(w, w->org, ev), *token = w->as[AS_LEAD].csrf;
	assert_int_equal(refuse_early(w, AS_LEAD, p, token, 5 << 20, NULL), 0);
	assert_int_equal(refuse_early(w, AS_NOBODY, p, NULL, 5 << 20, NULL), 303);
	assert_int_equal(refuse_early(w, AS_LEAD, p, NULL, 5 << 20, NULL), 403);
	assert_int_equal(refuse_early(w, AS_LEAD, p, w->as[AS_VIEWER].csrf, 5 << 20, NULL), 403);
	assert_int_equal(refuse_early(w, AS_VIEWER, p, w->as[AS_VIEWER].csrf, 5 << 20, NULL), 403);
	assert_int_equal(refuse_early(w, AS_OTHER_LEAD, p, w->as[AS_OTHER_LEAD].csrf, 5 << 20, NULL), 404);
	int64_t theirs = item(w, w->other_org);
	assert_int_equal(refuse_early(w, AS_LEAD, files_path(w, w->org, theirs), token, 5 << 20, NULL), 404);
	request *r;
	assert_int_equal(refuse_early(w, AS_LEAD, p, token, 11 << 20, &r), 413);
	page_has(r, "<title>Error: Attach a file");
	page_has(r, "The selected file must be smaller than 10 MB");
	request_destroy(r);
	int64_t area;
	assert_int_equal(store_org_area(&w->f.db, w->org, &area, &w->f.e), 0);
	assert_int_equal(file_quota_set(&w->f.d, NULL, area, 10, &w->f.e), 0);
	assert_int_equal(refuse_early(w, AS_LEAD, p, token, 9 << 20, NULL), 0);
	char *six = arena_alloc(&w->f.mem, 6 << 20);
	memcpy(six, pdf, sizeof pdf - 1);
	evidence_file_row out;
	assert_int_equal(evidence_file_attach(&w->f.d, NULL, w->org, ev, "a.pdf", six, 6 << 20, &out, &w->f.e), 0);
	assert_int_equal(refuse_early(w, AS_LEAD, p, token, 5 << 20, &r), 413);
	page_has(r, "larger than the 4 MB your organisation has left");
	request_destroy(r);
	/* Other routes are not uploads: nothing is refused early. */
	assert_int_equal(refuse_early(w, AS_NOBODY, web_path(w, "/org/%lld/evidence/%lld/edit", (long long)w->org,
							 (long long)ev), NULL, 1 << 20, NULL), 0);
}

static void removal_confirms_first(void **state)
{
	webfix *w = *state;
	int64_t ev = item(w, w->org);
	evidence_file_row mine, leads;
	assert_int_equal(evidence_file_attach(&w->f.d, &w->as[AS_CONTRIBUTOR].user, w->org, ev, "mine.pdf",
					      pdf, sizeof pdf - 1, &mine, &w->f.e), 0);
	assert_int_equal(evidence_file_attach(&w->f.d, &w->as[AS_LEAD].user, w->org, ev, "leads.pdf",
					      pdf, sizeof pdf - 1, &leads, &w->f.e), 0);
	const char *rm_leads = web_path(w, "/org/%lld/evidence/%lld/file/%lld/remove", (long long)w->org,
					(long long)ev, (long long)leads.id);
	const char *rm_mine = web_path(w, "/org/%lld/evidence/%lld/file/%lld/remove", (long long)w->org,
				       (long long)ev, (long long)mine.id);
	const char *body = web_expect_body(w, AS_CONTRIBUTOR, "GET", rm_leads, NULL, 403);
	body_has(body, "Only the person who attached a file, or an organisation lead, can remove it");
	web_expect(w, AS_CONTRIBUTOR, "POST", rm_leads, NULL, 403);
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", rm_mine, NULL, 200);
	body_has(body, "Remove mine.pdf?");
	body_has(body, "govuk-button--warning");
	request *r = web_expect_request(w, AS_CONTRIBUTOR, "POST", rm_mine, NULL, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/evidence/%lld?saved=removed", (long long)w->org, (long long)ev));
	request_destroy(r);
	web_expect(w, AS_LEAD, "POST", rm_leads, NULL, 303);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM evidence_file"), 0);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE 'removed file %'"), 2);
	web_expect(w, AS_LEAD, "POST", rm_leads, NULL, 404);
}

/* The quota is the area's setting, on its settings page. */
static void area_sets_the_quota(void **state)
{
	webfix *w = *state;
	int64_t area, ev = item(w, w->org);
	assert_int_equal(store_org_area(&w->f.db, w->org, &area, &w->f.e), 0);
	const char *p = web_path(w, "/area/%lld/settings/files", (long long)area);
	const char *body = web_expect_body(w, AS_AREA, "GET", web_path(w, "/area/%lld/settings", (long long)area), NULL, 200);
	body_has(body, "Space for each organisation&#39;s files, in MB");
	body_has(body, "value=\"200\"");
	int64_t before = test_count_rows(&w->f.db);
	body = web_expect_body(w, AS_AREA, "POST", p, (const char *const[]){"quota_mb", "5", NULL}, 400);
	body_has(body, "Enter the space as a whole number of MB from 10 to 100000");
	assert_int_equal(test_count_rows(&w->f.db), before);
	web_expect(w, AS_LEAD, "POST", p, (const char *const[]){"quota_mb", "50", NULL}, 404);
	request *r = web_expect_request(w, AS_AREA, "POST", p, (const char *const[]){"quota_mb", "50", NULL}, 303);
	request_destroy(r);
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", files_path(w, w->org, ev), NULL, 200);
	body_has(body, "Your organisation has 50 MB of its 50 MB left");
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what ="
				       " 'set the file space of each organisation to 50 MB'"), 1);
}

/* One entry of a ZIP held in memory, as a string in w's arena; NULL when
 * the ZIP has no such entry. */
static const char *zip_entry(webfix *w, const unsigned char *bytes, size_t len, const char *name)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(z);
	zip_error_fini(&ze);
	zip_stat_t st;
	char *out = NULL;
	if (zip_stat(z, name, 0, &st) == 0) {
		out = arena_alloc(&w->f.mem, (size_t)st.size + 1);
		zip_file_t *f = zip_fopen(z, name, 0);
		assert_int_equal(zip_fread(f, out, st.size), (zip_int64_t)st.size);
		zip_fclose(f);
	}
	zip_discard(z);
	return out;
}

/* The evidence pack: a ZIP with the report, the evidence list (formula
 * guard) and the files of the evidence linked to the evaluation, for
 * leads; viewers and contributors are refused. */
static void evidence_pack_for_leads(void **state)
{
	webfix *w = *state;
	evidence_row ev = {.organisation_id = w->org, .title = "=HYPERLINK(\"http://x\")", .date = "2026-05-01",
			   .groups = GROUP_PARENTS};
	int64_t id;
	size_t n;
	assert_int_equal(evidence_add(&w->f.d, &ev, &id, &w->f.e), 0);
	const char *refs[] = {"1i.a"};
	assert_int_equal(evidence_link(&w->f.d, id, w->eval, refs, 1, false, &n, &w->f.e), 0);
	evidence_file_row f;
	for (int i = 0; i < 2; i++)
		assert_int_equal(evidence_file_attach(&w->f.d, NULL, w->org, id, "../minutes.pdf", pdf, sizeof pdf - 1,
						      &f, &w->f.e), 0);
	const char *p = web_path(w, "/org/%lld/evaluation/%lld/pack", (long long)w->org, (long long)w->eval);
	request *r = web_expect_request(w, AS_LEAD, "GET", p, NULL, 200);
	assert_string_equal(r->content_type, "application/zip");
	assert_non_null(strstr(r->download, ".zip"));
	const char *csv = zip_entry(w, r->body, r->body_len, "evidence.csv");
	assert_non_null(csv);
	body_has(csv, "number,title,date,partner_groups,indicators,link,files,description\r\n");
	body_has(csv, "\"'=HYPERLINK(\"\"http://x\"\")\"");
	body_has(csv, "evidence-files/minutes.pdf; evidence-files/minutes (2).pdf");
	assert_memory_equal(zip_entry(w, r->body, r->body_len, "evidence-files/minutes (2).pdf"), pdf, sizeof pdf - 1);
	assert_non_null(zip_entry(w, r->body, r->body_len, "report.pdf"));
	assert_non_null(zip_entry(w, r->body, r->body_len, "readiness.txt"));
	assert_null(zip_entry(w, r->body, r->body_len, "minutes.pdf"));
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE 'downloaded the evidence pack%'"), 1);
	web_expect(w, AS_CONTRIBUTOR, "GET", p, NULL, 403);
	web_expect(w, AS_VIEWER, "GET", p, NULL, 403);
	web_expect(w, AS_OTHER_LEAD, "GET", p, NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/evaluation/%lld/pack", (long long)w->org,
					      (long long)w->other_eval), NULL, 404);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(form_is_a_multipart_task_page), T(attach_lists_and_downloads), T(refusals_store_nothing),
		T(checked_before_the_body), T(removal_confirms_first), T(area_sets_the_quota), T(evidence_pack_for_leads),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
