/* test_mail_pages.c: the area's email page: waiting, sent and given-up
 * emails of the area only, with the reason in words; "Try again" puts a
 * given-up email back in the queue (with a line in the activity log), and
 * a refused one re-renders the page with 400; area administrators only. */
#include "webtest.h"

#include "domain/mail.h"

static int64_t queue(webfix *w, int64_t area, const char *to, const char *subject)
{
	mail_message m = {.to = to, .subject = subject, .text = "Body", .kind = "notification", .area = area};
	assert_int_equal(mail_queue(&w->f.d, &m, &w->f.e), 0);
	outbox_list l;
	assert_int_equal(mail_outbox(&w->f.d, 0, NULL, to, 1, &l, &w->f.e), 0);
	return l.items[0].id;
}

/* The message claimed and failed for good, as a refusing server leaves it. */
static void give_up(webfix *w, const char *reason)
{
	outbox_row m;
	assert_int_equal(mail_claim(&w->f.d, time_now_epoch() + 1, &m, &w->f.e), 1);
	assert_int_equal(mail_undelivered(&w->f.d, &m, time_now_epoch(), reason, true, &w->f.e), 0);
}

static void page_lists_the_areas_mail(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *path = web_path(w, "/area/%lld/mail", (long long)area);
	request *r = web_run(w, AS_AREA, "GET", path, NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "copro has not sent any email for this area yet");
	queue(w, area, "gone@example.org", "Audit returned");
	give_up(w, "The mail server refused the message. (It answered 550: no such user.)");
	queue(w, area, "wait@example.org", "Audit submitted");
	queue(w, 0, "elsewhere@example.org", "Not this area's");
	request_destroy(r);
	r = web_run(w, AS_AREA, "GET", path, NULL);
	assert_int_equal(r->status, 200);
	page_has(r, "gone@example.org");
	page_has(r, "It answered 550: no such user.");
	page_has(r, "Try again<span class=\"govuk-visually-hidden\"> the email to gone@example.org: Audit returned");
	page_has(r, "wait@example.org");
	page_has(r, "Not tried yet");
	page_lacks(r, "elsewhere@example.org");
	/* The settings page links to it. */
	request_destroy(r);
	r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/settings", (long long)area), NULL);
	page_has(r, web_path(w, "href=\"/area/%lld/mail\"", (long long)area));
	request_destroy(r);
}

static void try_again_queues_it_once_more(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *path = web_path(w, "/area/%lld/mail", (long long)area);
	int64_t id = queue(w, area, "gone@example.org", "Audit returned");
	give_up(w, "Could not connect to the mail server");
	request *r = web_run(w, AS_AREA, "POST", path, (const char *const[]){"retry", web_num(w, id), NULL});
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/area/%lld/mail?retried=1", (long long)area));
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM outbox WHERE status = 'waiting' AND attempts = 0"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM activity WHERE what LIKE 'asked for failed email % to be tried again'"), 1);
	request_destroy(r);
	r = web_get_query(w, AS_AREA, path, (const char *const[]){"retried", "1", NULL});
	page_has(r, "The email will be tried again");
	/* Again: it is not given up any more, so nothing changes. */
	int64_t before = test_count_rows(&w->f.db);
	request_destroy(r);
	r = web_run(w, AS_AREA, "POST", path, (const char *const[]){"retry", web_num(w, id), NULL});
	assert_int_equal(r->status, 400);
	page_has(r, "<title>Error: ");
	page_has(r, "not a given-up email of this area");
	assert_int_equal(test_count_rows(&w->f.db), before);
	request_destroy(r);
	r = web_run(w, AS_AREA, "POST", path, (const char *const[]){"retry", "abc", NULL});
	assert_int_equal(r->status, 400);
	page_has(r, "Choose a given-up email to try again");
	request_destroy(r);
}

/* Another area's administrator cannot try this area's email again, even
 * with its number in their own area's form. */
static void another_areas_email_is_not_found(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	int64_t far_area = fixture_org_area(&w->f, w->far_org);
	int64_t id = queue(w, area, "gone@example.org", "Audit returned");
	give_up(w, "Could not connect");
	request *r = web_run(w, AS_OTHER_AREA, "POST", web_path(w, "/area/%lld/mail", (long long)far_area),
			     (const char *const[]){"retry", web_num(w, id), NULL});
	assert_int_equal(r->status, 400);
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM outbox WHERE status = 'failed'"), 1);
	web_expect(w, AS_OTHER_AREA, "GET", web_path(w, "/area/%lld/mail", (long long)area), NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/area/%lld/mail", (long long)area), NULL, 404);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(page_lists_the_areas_mail),
		T(try_again_queues_it_once_more),
		T(another_areas_email_is_not_found),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
