/* test_org_import_pages.c: the area administrator imports organisations
 * from a CSV file in the browser: check only, import, bad rows listed by
 * line with nothing written, and nobody else can. */
#include "webtest.h"

#include "store/account.h"
#include "web/pages/pages.h"

static const char *const good_csv =
	"name,sector,type\r\n"
	"Oak Tree Nursery,education,Nursery\r\n"
	"Children's Therapy Service,health,NHS trust service\r\n";

static const char *const bad_csv =
	"name,sector,type\n"
	"Elm Court School,education,Special school\n"
	",health,No name here\n"
	"Birch Lodge,space,Unknown sector\n";

/* The import page of the organisations' area ("Test Area"). */
static const char *import_path(webfix *w)
{
	int64_t area = 0;
	assert_int_equal(store_org_area(&w->f.db, w->org, &area, &w->f.e), 0);
	return arena_printf(&w->f.mem, "/area/%lld/organisations/import", (long long)area);
}

static request *post_file(webfix *w, int who, const char *mode, const char *csv)
{
	const char *fields[] = {"mode", mode, "file", csv, NULL};
	return web_run(w, who, "POST", import_path(w), fields);
}

static void form_is_there_for_the_area(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_AREA, "GET", import_path(w), NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "enctype=\"multipart/form-data\""));
	assert_non_null(strstr(body, "type=\"file\""));
	assert_non_null(strstr(body, "Test Area"));
	request_destroy(r);
	/* Only this area's administrators: everyone else finds nothing. */
	for (int who = AS_LEAD; who < AS_COUNT; who++) {
		r = web_run(w, who, "GET", import_path(w), NULL);
		assert_int_equal(r->status, 404);
		request_destroy(r);
	}
}

static void check_changes_nothing_then_import_adds(void **state)
{
	webfix *w = *state;
	int64_t before = test_count_rows(&w->f.db);
	request *r = post_file(w, AS_AREA, "check", good_csv);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "The file is ready to import"));
	assert_non_null(strstr(web_body(r), "Would be added</dt><dd class=\"govuk-summary-list__value\">2<"));
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);

	r = post_file(w, AS_AREA, "import", good_csv);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "Added</dt><dd class=\"govuk-summary-list__value\">2<"));
	request_destroy(r);
	org_list orgs;
	int64_t area = 0;
	assert_int_equal(store_org_area(&w->f.db, w->org, &area, &w->f.e), 0);
	assert_int_equal(store_org_list_area(&w->f.db, &w->f.mem, area, &orgs, &w->f.e), 0);
	bool found = false;
	for (size_t i = 0; i < orgs.n; i++)
		found |= !strcmp(orgs.items[i].name, "Children's Therapy Service") &&
			 !strcmp(orgs.items[i].sector, "health");
	assert_true(found);
}

static void bad_rows_listed_by_line_nothing_written(void **state)
{
	webfix *w = *state;
	int64_t before = test_count_rows(&w->f.db);
	request *r = post_file(w, AS_AREA, "import", bad_csv);
	assert_int_equal(r->status, 400);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "The file cannot be imported"));
	assert_non_null(strstr(body, "Nothing was changed."));
	assert_non_null(strstr(body, "<td class=\"govuk-table__cell\">3</td>"));
	assert_non_null(strstr(body, "<td class=\"govuk-table__cell\">4</td>"));
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void missing_file_or_choice_is_refused(void **state)
{
	webfix *w = *state;
	const char *no_file[] = {"mode", "import", NULL};
	request *r = web_run(w, AS_AREA, "POST", import_path(w), no_file);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "Choose a CSV file"));
	request_destroy(r);
	const char *no_mode[] = {"file", good_csv, NULL};
	r = web_run(w, AS_AREA, "POST", import_path(w), no_mode);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "Select whether to check the file only or to import it"));
	request_destroy(r);
}

static void upload_route_is_flagged(void **state)
{
	(void)state;
	arena a = {0};
	const route *rt = web_route_for("POST", "/area/7/organisations/import", &a);
	assert_non_null(rt);
	assert_true(rt->flags & ROUTE_UPLOAD);
	/* Other forms keep the small limits. */
	rt = web_route_for("POST", "/area/7/organisations", &a);
	assert_non_null(rt);
	assert_false(rt->flags & ROUTE_UPLOAD);
	arena_free(&a);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(form_is_there_for_the_area), T(check_changes_nothing_then_import_adds),
		T(bad_rows_listed_by_line_nothing_written), T(missing_file_or_choice_is_refused),
		T(upload_route_is_flagged),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
