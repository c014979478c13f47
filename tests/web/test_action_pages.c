/* test_action_pages.c: the actions list (overdue first), adding an action
 * from a statement or on its own, and changing one, as every role. */
#include "store/account.h"
#include "webtest.h"

#define HOSTILE_SCRIPT "<script>alert(1)</script>"
#define HOSTILE_ATTR "\"><img src=x onerror=alert(1)>"

typedef struct actions {
	int64_t later, overdue, done, from_statement, other;
} actions;

static int64_t add_action(webfix *w, int64_t org, const char *title, const char *owner,
			  const char *due, const char *status, int64_t eval, const char *element)
{
	action_row a = {.organisation_id = org, .title = title, .owner = owner, .due_on = due,
			.status = status, .source_evaluation_id = eval, .source_element_key = element};
	int64_t id;
	assert_int_equal(action_add(&w->f.d, &a, &id, &w->f.e), 0);
	return id;
}

static actions make_actions(webfix *w)
{
	actions a;
	a.later = add_action(w, w->org, "Plan the summer fair", "Head", "2099-06-01", "open", 0, NULL);
	a.overdue = add_action(w, w->org, "Ask fathers what times suit them", "SENCO", "2020-01-31",
			       "in-progress", 0, NULL);
	a.done = add_action(w, w->org, "Repaint the reception", "Caretaker", "2019-01-01", "done", 0, NULL);
	a.from_statement = add_action(w, w->org, "Translate the welcome pack", "", NULL, "open",
				      w->eval, "1iii");
	a.other = add_action(w, w->other_org, "Neighbour's secret plan", "Them", NULL, "open", 0, NULL);
	review_change c = {.areas = "Fathers rarely come to events\nTimes suit only some", .groups = -1};
	assert_int_equal(review_set(&w->f.d, w->eval, "1iii", &c, &w->f.e), 0);
	return a;
}

static int64_t count_actions(webfix *w, int64_t org)
{
	action_list list;
	assert_int_equal(store_action_list(&w->f.db, &w->f.mem, org, &list, &w->f.e), 0);
	return (int64_t)list.n;
}

static void every_route_as_every_role(void **state)
{
	webfix *w = *state;
	actions a = make_actions(w);
	const char *add[] = {"title", "Matrix action", NULL};
	const char *edit[] = {"title", "Plan the summer fair", "status", "open", "due-day", "1", "due-month", "6",
			      "due-year", "2099", NULL};
	web_route routes[] = {
		{"GET", web_path(w, "/org/%lld/actions", (long long)w->org), NULL, ACCESS_VIEW, 200},
		{"GET", web_path(w, "/org/%lld/actions/new", (long long)w->org), NULL, ACCESS_CONTRIBUTE, 200},
		{"POST", web_path(w, "/org/%lld/actions", (long long)w->org), add, ACCESS_CONTRIBUTE, 303},
		{"GET", web_path(w, "/org/%lld/actions/%lld/edit", (long long)w->org, (long long)a.later),
		 NULL, ACCESS_CONTRIBUTE, 200},
		{"POST", web_path(w, "/org/%lld/actions/%lld/edit", (long long)w->org, (long long)a.later),
		 edit, ACCESS_CONTRIBUTE, 303},
	};
	web_expect_matrix(w, routes, sizeof routes / sizeof *routes);
	/* Three may add: the area administrator, the lead, the contributor. */
	assert_int_equal(count_actions(w, w->org), 4 + 3);
	assert_int_equal(count_actions(w, w->other_org), 1);
}

static void other_organisations_actions_are_not_found(void **state)
{
	webfix *w = *state;
	actions a = make_actions(w);
	const char *p = web_path(w, "/org/%lld/actions/%lld/edit", (long long)w->org, (long long)a.other);
	const char *edit[] = {"title", "Taken over", "status", "done", NULL};
	web_expect(w, AS_LEAD, "GET", p, NULL, 404);
	web_expect(w, AS_AREA, "GET", p, NULL, 404);
	web_expect(w, AS_LEAD, "POST", p, edit, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/actions/99999/edit", (long long)w->org), NULL, 404);
	action_row row;
	assert_int_equal(action_get(&w->f.d, a.other, &row, &w->f.e), 0);
	assert_string_equal(row.title, "Neighbour's secret plan");
	assert_string_equal(row.status, "open");

	/* Another organisation's evaluation as the source: not found, and
	 * nothing is added. */
	int64_t before = test_count_rows(&w->f.db);
	const char *news = web_path(w, "/org/%lld/actions/new", (long long)w->org);
	char other_eval[24], eval[24];
	snprintf(other_eval, sizeof other_eval, "%lld", (long long)w->other_eval);
	snprintf(eval, sizeof eval, "%lld", (long long)w->eval);
	request *r = web_get_query(w, AS_LEAD, news, (const char *[]){"evaluation", other_eval, "statement", "1i", NULL});
	assert_int_equal(r->status, 404);
	request_destroy(r);
	r = web_get_query(w, AS_LEAD, news, (const char *[]){"evaluation", eval, "statement", "9z", NULL});
	assert_int_equal(r->status, 404);
	request_destroy(r);
	r = web_get_query(w, AS_LEAD, news, (const char *[]){"evaluation", "x1", NULL});
	assert_int_equal(r->status, 404);
	request_destroy(r);
	web_expect(w, AS_LEAD, "POST", web_path(w, "/org/%lld/actions", (long long)w->org),
		   (const char *[]){"title", "Sneaky", "evaluation", other_eval, "statement", "1i", NULL}, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);
	r = web_run(w, AS_LEAD, "GET", web_path(w, "/org/%lld/actions", (long long)w->org), NULL);
	assert_null(strstr(web_body(r), "Neighbour"));
	request_destroy(r);
}

static void overdue_actions_come_first(void **state)
{
	webfix *w = *state;
	make_actions(w);
	request *r = web_run(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/actions", (long long)w->org), NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	const char *overdue = strstr(body, "Ask fathers what times suit them");
	const char *later = strstr(body, "Plan the summer fair");
	const char *done = strstr(body, "Repaint the reception");
	const char *from = strstr(body, "Translate the welcome pack");
	assert_non_null(overdue);
	assert_non_null(later);
	assert_non_null(done);
	assert_non_null(from);
	assert_true(overdue < later && overdue < from && overdue < done);
	assert_true(later < done);
	/* One Overdue tag (the done one is past its date but finished). */
	const char *tag = strstr(body, ">Overdue</strong>");
	assert_non_null(tag);
	assert_null(strstr(tag + 1, ">Overdue</strong>"));
	assert_non_null(strstr(body, "1 action is overdue"));
	assert_non_null(strstr(body, "31 January 2020"));
	assert_non_null(strstr(body, "SENCO"));
	assert_non_null(strstr(body, ">In progress<"));
	assert_non_null(strstr(body, ">Done<"));
	assert_non_null(strstr(body, web_path(w, "href=\"/org/%lld/evaluation/%lld/statement/1iii\"",
					      (long long)w->org, (long long)w->eval)));
	/* A viewer sees no way to change or add. */
	assert_null(strstr(body, "/edit\""));
	assert_null(strstr(body, "/actions/new\""));
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/actions", (long long)w->org), NULL);
	assert_non_null(strstr(web_body(r), "/actions/new\""));
	assert_non_null(strstr(web_body(r), "/edit\""));
	request_destroy(r);
}

static void new_action_from_a_statement(void **state)
{
	webfix *w = *state;
	make_actions(w);
	char eval[24];
	snprintf(eval, sizeof eval, "%lld", (long long)w->eval);
	request *r = web_get_query(w, AS_CONTRIBUTOR, web_path(w, "/org/%lld/actions/new", (long long)w->org),
				   (const char *[]){"evaluation", eval, "statement", "1iii", NULL});
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "Areas for development"));
	assert_non_null(strstr(body, "Fathers rarely come to events"));
	assert_non_null(strstr(body, "Times suit only some"));
	assert_non_null(strstr(body, web_path(w, "name=\"evaluation\" value=\"%s\"", eval)));
	assert_non_null(strstr(body, "name=\"statement\" value=\"1iii\""));
	request_destroy(r);

	const char *fields[] = {"title", "Run a dads' breakfast", "owner", "Family worker",
				"due-day", "1", "due-month", "2", "due-year", "2099",
				"review-day", "15", "review-month", "January", "review-year", "2099",
				"evaluation", eval, "statement", "1iii", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/actions", (long long)w->org), fields);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/actions", (long long)w->org));
	request_destroy(r);
	action_list list;
	assert_int_equal(store_action_list(&w->f.db, &w->f.mem, w->org, &list, &w->f.e), 0);
	const action_row *added = NULL;
	for (size_t i = 0; i < list.n; i++)
		if (!strcmp(list.items[i].title, "Run a dads' breakfast"))
			added = &list.items[i];
	assert_non_null(added);
	assert_string_equal(added->owner, "Family worker");
	assert_string_equal(added->due_on, "2099-02-01");
	assert_string_equal(added->review_on, "2099-01-15");
	assert_string_equal(added->status, "open");
	assert_int_equal(added->source_evaluation_id, w->eval);
	assert_string_equal(added->source_element_key, "1iii");
	activity_list log;
	assert_int_equal(store_activity_list(&w->f.db, &w->f.mem, w->org, 0, 10, &log, &w->f.e), 0);
	assert_true(log.n >= 1);
	assert_non_null(strstr(log.items[0].what, "Run a dads' breakfast"));
}

static void bad_input_is_refused_and_kept(void **state)
{
	webfix *w = *state;
	actions a = make_actions(w);
	int64_t before = test_count_rows(&w->f.db);
	char eval[24];
	snprintf(eval, sizeof eval, "%lld", (long long)w->eval);
	const char *add = web_path(w, "/org/%lld/actions", (long long)w->org);
	struct {
		const char *const *fields;
		const char *field, *href, *kept;
	} bad[] = {
		{(const char *[]){"title", "Typed action", "due-day", "30", "due-month", "2", "due-year", "2026", NULL},
		 "due", "due-day", "value=\"30\""},
		{(const char *[]){"title", "Typed action", "review-day", "1", "review-month", "soon",
				  "review-year", "2027", NULL}, "review", "review-month", "value=\"soon\""},
		{(const char *[]){"title", "", "owner", "Typed owner", NULL}, "title", "title", "value=\"Typed owner\""},
		{(const char *[]){"title", "Typed action", "owner", "Tab\there", NULL}, "owner", "owner", "value=\"Typed action\""},
		{(const char *[]){"title", "Typed action", "due-day", "31/01/2027", "evaluation", eval,
				  "statement", "1iii", NULL}, "due", "due-month", "Fathers rarely come"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		request *r = web_run(w, AS_CONTRIBUTOR, "POST", add, bad[i].fields);
		if (r->status != 400)
			fail_msg("case %zu: %d, expected 400", i, r->status);
		const char *body = web_body(r);
		assert_non_null(strstr(body, "There is a problem"));
		assert_non_null(strstr(body, web_path(w, "href=\"#%s\"", bad[i].href)));
		assert_non_null(strstr(body, web_path(w, "id=\"%s-error\"", bad[i].field)));
		assert_non_null(strstr(body, bad[i].kept));
		request_destroy(r);
	}
	assert_int_equal(test_count_rows(&w->f.db), before);

	/* Changing: a bad date or status changes nothing. */
	const char *edit = web_path(w, "/org/%lld/actions/%lld/edit", (long long)w->org, (long long)a.later);
	const char *bad_date[] = {"title", "Changed title", "owner", "Someone", "status", "done",
				  "due-day", "1", "due-month", "13", "due-year", "2027", NULL};
	const char *bad_status[] = {"title", "Changed title", "status", "finished", NULL};
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", edit, bad_date);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#due-month\""));
	assert_non_null(strstr(web_body(r), "The due date must be a real date"));
	assert_non_null(strstr(web_body(r), "value=\"Changed title\""));
	assert_non_null(strstr(web_body(r), "value=\"done\" checked"));
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "POST", edit, bad_status);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#status\""));
	request_destroy(r);
	action_row row;
	assert_int_equal(action_get(&w->f.d, a.later, &row, &w->f.e), 0);
	assert_string_equal(row.title, "Plan the summer fair");
	assert_string_equal(row.owner, "Head");
	assert_string_equal(row.status, "open");
	assert_string_equal(row.due_on, "2099-06-01");
	assert_int_equal(test_count_rows(&w->f.db), before);
}

static void change_saves_and_logs(void **state)
{
	webfix *w = *state;
	actions a = make_actions(w);
	const char *edit = web_path(w, "/org/%lld/actions/%lld/edit", (long long)w->org,
				    (long long)a.from_statement);
	request *r = web_run(w, AS_CONTRIBUTOR, "GET", edit, NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "value=\"Translate the welcome pack\""));
	assert_non_null(strstr(web_body(r), "value=\"open\" checked"));
	request_destroy(r);
	const char *fields[] = {"title", "Translate the welcome pack into Polish", "owner", "Office",
				"status", "done", "due-day", "", "due-month", "", "due-year", "",
				"review-day", "1", "review-month", "3", "review-year", "2099", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", edit, fields);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	action_row row;
	assert_int_equal(action_get(&w->f.d, a.from_statement, &row, &w->f.e), 0);
	assert_string_equal(row.title, "Translate the welcome pack into Polish");
	assert_string_equal(row.owner, "Office");
	assert_string_equal(row.status, "done");
	assert_null(row.due_on);
	assert_string_equal(row.review_on, "2099-03-01");
	/* What it came from is kept. */
	assert_int_equal(row.source_evaluation_id, w->eval);
	assert_string_equal(row.source_element_key, "1iii");
	activity_list log;
	assert_int_equal(store_activity_list(&w->f.db, &w->f.mem, w->org, 0, 10, &log, &w->f.e), 0);
	assert_true(log.n >= 1);
	assert_non_null(strstr(log.items[0].what, "into Polish"));
}

static void hostile_text_is_shown_escaped(void **state)
{
	webfix *w = *state;
	make_actions(w);
	const char *fields[] = {"title", HOSTILE_SCRIPT, "owner", HOSTILE_ATTR, NULL};
	web_expect(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/actions", (long long)w->org), fields, 303);
	action_list list;
	assert_int_equal(store_action_list(&w->f.db, &w->f.mem, w->org, &list, &w->f.e), 0);
	int64_t id = 0;
	for (size_t i = 0; i < list.n; i++)
		if (!strcmp(list.items[i].title, HOSTILE_SCRIPT))
			id = list.items[i].id;
	assert_true(id > 0);
	const char *pages[] = {
		web_path(w, "/org/%lld/actions", (long long)w->org),
		web_path(w, "/org/%lld/actions/%lld/edit", (long long)w->org, (long long)id),
		web_path(w, "/org/%lld", (long long)w->org),
	};
	for (int j = 0; j < 3; j++) {
		request *r = web_run(w, AS_CONTRIBUTOR, "GET", pages[j], NULL);
		assert_int_equal(r->status, 200);
		const char *body = web_body(r);
		assert_null(strstr(body, "<script>alert"));
		assert_null(strstr(body, "<img src=x"));
		assert_non_null(strstr(body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
		assert_non_null(strstr(body, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
		request_destroy(r);
	}
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(every_route_as_every_role), T(other_organisations_actions_are_not_found),
		T(overdue_actions_come_first), T(new_action_from_a_statement),
		T(bad_input_is_refused_and_kept), T(change_saves_and_logs),
		T(hostile_text_is_shown_escaped),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
