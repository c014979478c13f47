/* test_people_pages.c: members, invitations (the link works once),
 * changing roles, removing people (their sessions end), the last lead,
 * and the activity logs, as every role. */
#include "store/account.h"
#include "store/sql.h"
#include "webtest.h"

#define HOSTILE_SCRIPT "<script>alert(1)</script>"
#define HOSTILE_ATTR "\"><img src=x onerror=alert(1)>"
#define JOIN_PASSWORD "a new member's long password"

/* A member added straight to the store (no password hashing: quick). */
static int64_t throwaway_member(webfix *w, const char *role)
{
	static int n;
	char now[21];
	time_now_iso(now);
	user_row u = {.email = web_path(w, "temp%d@example.org", ++n), .name = web_path(w, "Temp %d", n),
		      .password_hash = "x", .created_at = now};
	int64_t user, mid;
	assert_int_equal(store_user_insert(&w->f.db, &u, &user, &w->f.e), 0);
	membership_row m = {.user_id = user, .organisation_id = w->org, .role = role, .created_at = now};
	assert_int_equal(store_membership_insert(&w->f.db, &m, &mid, &w->f.e), 0);
	return mid;
}

static void every_route_as_every_role(void **state)
{
	webfix *w = *state;
	const char *invite[] = {"name", "Matrix person", "role", "viewer", NULL};
	const char *role[] = {"role", "contributor", "group", "practitioners", NULL};
	int64_t contributor = web_member_id(w, w->org, "contrib@example.org");
	struct {
		const char *method, *path;
		const char *const *fields;
		int ok;
	} routes[] = {
		{"GET", web_path(w, "/org/%lld/people", (long long)w->org), NULL, 200},
		{"POST", web_path(w, "/org/%lld/people/invite", (long long)w->org), invite, 200},
		{"GET", web_path(w, "/org/%lld/people/%lld", (long long)w->org, (long long)contributor), NULL, 200},
		{"POST", web_path(w, "/org/%lld/people/%lld/role", (long long)w->org, (long long)contributor), role, 303},
		{"GET", web_path(w, "/org/%lld/activity", (long long)w->org), NULL, 200},
		{"POST", NULL, NULL, 303},      /* remove: a new member each time */
	};
	for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
		for (int who = 0; who < AS_COUNT; who++) {
			const char *p = routes[i].path;
			if (!p)
				p = web_path(w, "/org/%lld/people/%lld/remove", (long long)w->org,
					     (long long)throwaway_member(w, "viewer"));
			int want = routes[i].ok;
			if (who == AS_NOBODY)
				want = 303;
			else if (who == AS_OTHER_LEAD || who == AS_OTHER_AREA)
				want = 404;
			else if (who == AS_CONTRIBUTOR || who == AS_VIEWER)
				want = 403;
			web_expect(w, who, routes[i].method, p, routes[i].fields, want);
		}
	}
	/* Two invitations: from the area administrator and the lead. */
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM invitation"), 2);

	/* An area's log: its administrators only. */
	const char *area = web_path(w, "/area/%lld/activity", (long long)fixture_org_area(&w->f, w->org));
	int want[AS_COUNT] = {[AS_NOBODY] = 303, [AS_AREA] = 200, [AS_LEAD] = 404,
			      [AS_CONTRIBUTOR] = 404, [AS_VIEWER] = 404, [AS_OTHER_LEAD] = 404,
			      [AS_OTHER_AREA] = 404};
	for (int who = 0; who < AS_COUNT; who++)
		web_expect(w, who, "GET", area, NULL, want[who]);
	web_expect(w, AS_OTHER_AREA, "GET", web_path(w, "/area/%lld/activity", (long long)fixture_org_area(&w->f, w->far_org)),
		   NULL, 200);
	web_expect(w, AS_AREA, "GET", "/area/99999/activity", NULL, 404);
	web_expect(w, AS_AREA, "GET", "/area/x/activity", NULL, 404);
}

static void other_organisations_members_are_not_found(void **state)
{
	webfix *w = *state;
	int64_t theirs = web_member_id(w, w->other_org, "other@example.org");
	const char *role[] = {"role", "viewer", NULL};
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/people/%lld", (long long)w->org, (long long)theirs), NULL, 404);
	web_expect(w, AS_AREA, "GET", web_path(w, "/org/%lld/people/%lld", (long long)w->org, (long long)theirs), NULL, 404);
	web_expect(w, AS_LEAD, "POST", web_path(w, "/org/%lld/people/%lld/role", (long long)w->org, (long long)theirs), role, 404);
	web_expect(w, AS_LEAD, "POST", web_path(w, "/org/%lld/people/%lld/remove", (long long)w->org, (long long)theirs), NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/people/99999", (long long)w->org), NULL, 404);
	membership_row m;
	assert_int_equal(store_membership_get(&w->f.db, &w->f.mem, theirs, &m, &w->f.e), 1);
	assert_string_equal(m.role, "lead");
	/* The area administrator's own membership is not a member of the
	 * organisation either. */
	membership_list ms;
	assert_int_equal(store_memberships_of_user(&w->f.db, &w->f.mem, w->as[AS_AREA].user.id, &ms, &w->f.e), 0);
	web_expect(w, AS_LEAD, "POST", web_path(w, "/org/%lld/people/%lld/remove", (long long)w->org,
						(long long)ms.items[0].id), NULL, 404);
	/* Our list does not show the neighbour's lead. */
	request *r = web_run(w, AS_LEAD, "GET", web_path(w, "/org/%lld/people", (long long)w->org), NULL);
	assert_null(strstr(web_body(r), "other@example.org"));
	assert_non_null(strstr(web_body(r), "contrib@example.org"));
	request_destroy(r);
}

/* Accepts an invitation as a signed-out visitor, with the form cookie. */
static request *join(webfix *w, const char *token, const char *email)
{
	const char *csrf = "2222222222222222222222222222222222222222222222222222222222222222";
	request *r = request_create(&w->cfg, "POST", web_path(w, "/join/%s", token));
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->form_cookie = csrf;
	request_add_field(r, "csrf", csrf);
	request_add_field(r, "email", email);
	request_add_field(r, "password", JOIN_PASSWORD);
	web_dispatch(r);
	return r;
}

static void invitation_link_works_once(void **state)
{
	webfix *w = *state;
	const char *fields[] = {"name", HOSTILE_SCRIPT, "role", "contributor", "group", "parent-carers", NULL};
	request *r = web_run(w, AS_LEAD, "POST", web_path(w, "/org/%lld/people/invite", (long long)w->org), fields);
	assert_int_equal(r->status, 200);
	assert_null(r->location);
	const char *body = web_body(r);
	/* The whole link, in a read-only field to select and copy. */
	const char *at = strstr(body, "readonly spellcheck=\"false\" value=\"http://localhost:8080/join/");
	assert_non_null(at);
	char token[65];
	memcpy(token, at + strlen("readonly spellcheck=\"false\" value=\"http://localhost:8080/join/"), 64);
	token[64] = '\0';
	assert_int_equal(strspn(token, "0123456789abcdef"), 64);
	assert_non_null(strstr(body, "Send it to them yourself"));
	assert_non_null(strstr(body, "govuk-!-display-none\" data-module=\"govuk-button\" data-copro-copy=\"invite-link\" hidden>Copy link</button>"));
	assert_null(strstr(body, "<script>alert"));
	assert_non_null(strstr(body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	request_destroy(r);
	/* Only its hash is kept. */
	int64_t n = -1;
	assert_int_equal(sql_get_int(&w->f.db, "SELECT COUNT(*) FROM invitation WHERE token_hash = ?",
				     SQL_ARGS(sql_text(token)), &n, &w->f.e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM invitation"), 1);

	r = web_run(w, AS_NOBODY, "GET", web_path(w, "/join/%s", token), NULL);
	assert_int_equal(r->status, 200);
	request_destroy(r);
	r = join(w, token, "new.parent@example.org");
	assert_int_equal(r->status, 303);
	assert_non_null(strstr(r->cookie, "__Host-copro="));
	/* The new session works, with the invited role. */
	session s = {0};
	const char *eq = strchr(r->cookie, '=');
	memcpy(s.token, eq + 1, 64);
	request_destroy(r);
	r = request_create(&w->cfg, "GET", web_path(w, "/org/%lld/evidence", (long long)w->org));
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->session_cookie = s.token;
	web_dispatch(r);
	assert_int_equal(r->status, 200);
	request_destroy(r);
	int64_t mid = web_member_id(w, w->org, "new.parent@example.org");
	membership_row m;
	assert_int_equal(store_membership_get(&w->f.db, &w->f.mem, mid, &m, &w->f.e), 1);
	assert_string_equal(m.role, "contributor");
	assert_string_equal(m.partner_group, "parent-carers");
	assert_string_equal(m.user_name, HOSTILE_SCRIPT);

	/* Used twice: refused, and no second account. */
	r = join(w, token, "someone.else@example.org");
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "has been used or has expired"));
	request_destroy(r);
	user_row u;
	assert_int_equal(store_user_by_email(&w->f.db, &w->f.mem, "someone.else@example.org", &u, &w->f.e), 0);

	/* The new member's name is escaped in the list and the log. */
	const char *pages[] = {web_path(w, "/org/%lld/people", (long long)w->org),
			       web_path(w, "/org/%lld/people/%lld", (long long)w->org, (long long)mid),
			       web_path(w, "/org/%lld/activity", (long long)w->org),
			       web_path(w, "/area/%lld/activity", (long long)fixture_org_area(&w->f, w->org))};
	for (int i = 0; i < 4; i++) {
		r = web_run(w, AS_AREA, "GET", pages[i], NULL);
		assert_int_equal(r->status, 200);
		assert_null(strstr(web_body(r), "<script>alert"));
		assert_non_null(strstr(web_body(r), "&lt;script&gt;alert(1)&lt;/script&gt;"));
		request_destroy(r);
	}
}

static void bad_invitations_create_nothing(void **state)
{
	webfix *w = *state;
	const char *p = web_path(w, "/org/%lld/people/invite", (long long)w->org);
	struct {
		const char *const *fields;
		const char *field;
	} bad[] = {
		{(const char *[]){"name", "", "role", "viewer", NULL}, "name"},
		{(const char *[]){"name", "Typed name", NULL}, "role"},
		{(const char *[]){"name", "Typed name", "role", "area-admin", NULL}, "role"},
		{(const char *[]){"name", "Typed name", "role", "viewer", "group", "governors", NULL}, "group"},
		{(const char *[]){"name", "Line\nbreak", "role", "viewer", NULL}, "name"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		request *r = web_run(w, AS_LEAD, "POST", p, bad[i].fields);
		if (r->status != 400)
			fail_msg("case %zu: %d, expected 400", i, r->status);
		assert_non_null(strstr(web_body(r), "There is a problem"));
		assert_non_null(strstr(web_body(r), web_path(w, "href=\"#%s\"", bad[i].field)));
		assert_non_null(strstr(web_body(r), web_path(w, "id=\"%s-error\"", bad[i].field)));
		assert_null(strstr(web_body(r), "/join/"));
		if (i > 0 && i < 4)
			assert_non_null(strstr(web_body(r), "value=\"Typed name\""));
		request_destroy(r);
	}
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM invitation"), 0);
}

static void role_changes(void **state)
{
	webfix *w = *state;
	int64_t contributor = web_member_id(w, w->org, "contrib@example.org");
	const char *p = web_path(w, "/org/%lld/people/%lld/role", (long long)w->org, (long long)contributor);
	request *r = web_run(w, AS_LEAD, "POST", p,
			     (const char *[]){"role", "viewer", "group", "parent-carers", NULL});
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/people", (long long)w->org));
	request_destroy(r);
	membership_row m;
	assert_int_equal(store_membership_get(&w->f.db, &w->f.mem, contributor, &m, &w->f.e), 1);
	assert_string_equal(m.role, "viewer");
	assert_string_equal(m.partner_group, "parent-carers");
	/* It takes effect at once: no more changes for them. */
	web_expect(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/actions/new", (long long)w->org), NULL, 403);
	activity_list log;
	assert_int_equal(store_activity_list(&w->f.db, &w->f.mem, w->org, 0, 10, &log, &w->f.e), 0);
	assert_non_null(strstr(log.items[0].what, "role to viewer (parent carers)"));

	/* Bad values: refused, nothing changed. */
	r = web_run(w, AS_LEAD, "POST", p, (const char *[]){"role", "area-admin", NULL});
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#role\""));
	request_destroy(r);
	r = web_run(w, AS_LEAD, "POST", p, (const char *[]){"role", "lead", "group", "everyone", NULL});
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#group\""));
	assert_non_null(strstr(web_body(r), "value=\"lead\" checked"));
	request_destroy(r);
	assert_int_equal(store_membership_get(&w->f.db, &w->f.mem, contributor, &m, &w->f.e), 1);
	assert_string_equal(m.role, "viewer");
}

static void the_last_lead_stays(void **state)
{
	webfix *w = *state;
	int64_t lead = web_member_id(w, w->org, "lead@example.org");
	const char *role = web_path(w, "/org/%lld/people/%lld/role", (long long)w->org, (long long)lead);
	const char *remove = web_path(w, "/org/%lld/people/%lld/remove", (long long)w->org, (long long)lead);
	request *r = web_run(w, AS_LEAD, "POST", role, (const char *[]){"role", "viewer", NULL});
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "only organisation lead"));
	request_destroy(r);
	r = web_run(w, AS_LEAD, "POST", remove, NULL);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "only organisation lead"));
	assert_non_null(strstr(web_body(r), "href=\"#remove\""));
	assert_non_null(strstr(web_body(r), "id=\"remove\""));
	request_destroy(r);
	membership_row m;
	assert_int_equal(store_membership_get(&w->f.db, &w->f.mem, lead, &m, &w->f.e), 1);
	assert_string_equal(m.role, "lead");
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/people", (long long)w->org), NULL, 200);

	/* With a second lead, the first may step down. */
	int64_t contributor = web_member_id(w, w->org, "contrib@example.org");
	web_expect(w, AS_LEAD, "POST", web_path(w, "/org/%lld/people/%lld/role", (long long)w->org,
						(long long)contributor), (const char *[]){"role", "lead", NULL}, 303);
	r = web_run(w, AS_LEAD, "POST", role, (const char *[]){"role", "contributor", NULL});
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld", (long long)w->org));
	request_destroy(r);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/people", (long long)w->org), NULL, 403);
	/* Now the contributor is the last lead and cannot leave either. */
	web_expect(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/people/%lld/remove", (long long)w->org,
						       (long long)contributor), NULL, 400);
}

static void removed_members_are_signed_out(void **state)
{
	webfix *w = *state;
	int64_t contributor = web_member_id(w, w->org, "contrib@example.org");
	web_expect(w, AS_CONTRIBUTOR, "GET", "/", NULL, 200);
	request *r = web_run(w, AS_LEAD, "POST", web_path(w, "/org/%lld/people/%lld/remove", (long long)w->org,
							  (long long)contributor), NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/people", (long long)w->org));
	request_destroy(r);
	membership_row m;
	assert_int_equal(store_membership_get(&w->f.db, &w->f.mem, contributor, &m, &w->f.e), 0);
	/* Their session has ended: every page sends them to sign in. */
	r = web_run(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld", (long long)w->org), NULL);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/sign-in");
	request_destroy(r);
	web_expect(w, AS_CONTRIBUTOR, "GET", "/", NULL, 303);
	activity_list log;
	assert_int_equal(store_activity_list(&w->f.db, &w->f.mem, w->org, 0, 10, &log, &w->f.e), 0);
	assert_non_null(strstr(log.items[0].what, "removed contributor, a contributor, from the organisation and signed them out"));
	/* Removed twice: there is nothing to remove. */
	web_expect(w, AS_LEAD, "POST", web_path(w, "/org/%lld/people/%lld/remove", (long long)w->org,
						(long long)contributor), NULL, 404);
	/* The rest are untouched. */
	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld", (long long)w->org), NULL, 200);
}

static void activity_is_newest_first(void **state)
{
	webfix *w = *state;
	assert_int_equal(activity_log(&w->f.d, &w->as[AS_LEAD].user, w->org, 0, "first thing", &w->f.e), 0);
	assert_int_equal(activity_log(&w->f.d, &w->as[AS_LEAD].user, w->org, 0, "second thing", &w->f.e), 0);
	assert_int_equal(activity_log(&w->f.d, &w->as[AS_OTHER_LEAD].user, w->other_org, 0, "neighbour thing", &w->f.e), 0);
	assert_int_equal(activity_log(&w->f.d, &w->as[AS_OTHER_AREA].user, w->far_org, 0, "far thing", &w->f.e), 0);
	request *r = web_run(w, AS_LEAD, "GET", web_path(w, "/org/%lld/activity", (long long)w->org), NULL);
	assert_int_equal(r->status, 200);
	const char *first = strstr(web_body(r), "first thing"), *second = strstr(web_body(r), "second thing");
	assert_non_null(first);
	assert_non_null(second);
	assert_true(second < first);
	assert_null(strstr(web_body(r), "neighbour thing"));
	request_destroy(r);
	r = web_run(w, AS_AREA, "GET", web_path(w, "/area/%lld/activity", (long long)fixture_org_area(&w->f, w->org)), NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "neighbour thing"));
	assert_non_null(strstr(web_body(r), "Neighbour School"));
	assert_non_null(strstr(web_body(r), "first thing"));
	assert_null(strstr(web_body(r), "far thing"));
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(every_route_as_every_role), T(other_organisations_members_are_not_found),
		T(invitation_link_works_once), T(bad_invitations_create_nothing), T(role_changes),
		T(the_last_lead_stays), T(removed_members_are_signed_out), T(activity_is_newest_first),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
