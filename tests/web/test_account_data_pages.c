/* test_account_data_pages.c: a person downloads what copro holds about
 * them (GET /account/data): their own data only, as a JSON attachment,
 * with no secrets, and the download is itself a security event. */
#include <jansson.h>
#include <string.h>

#include "webtest.h"

#include "domain/notify.h"
#include "domain/security.h"

static json_t *download(webfix *w, int who)
{
	request *r = web_expect_request(w, who, "GET", "/account/data", NULL, 200);
	assert_string_equal(r->content_type, "application/json; charset=utf-8");
	assert_non_null(r->download);
	assert_int_equal(strncmp(r->download, "copro-my-data-", 14), 0);
	json_error_t je;
	json_t *j = json_loads(web_body(r), 0, &je);
	if (!j)
		fail_msg("not JSON: %s\n%.500s", je.text, web_body(r));
	request_destroy(r);
	return j;
}

static void own_data_only(void **state)
{
	webfix *w = *state;
	assert_int_equal(store_begin(&w->f.db, &w->f.e), 0);
	assert_int_equal(notify_user(&w->f.d, w->as[AS_VIEWER].user.id, "audit-decided", "A notice for the viewer",
				     "", "/", &w->f.e), 0);
	assert_int_equal(store_commit(&w->f.db, &w->f.e), 0);
	json_t *j = download(w, AS_VIEWER);
	json_t *account = json_object_get(j, "account");
	assert_string_equal(json_string_value(json_object_get(account, "email")), w->as[AS_VIEWER].user.email);
	assert_true(json_array_size(json_object_get(j, "memberships")) >= 1);
	assert_true(json_array_size(json_object_get(j, "sessions")) >= 1);
	json_t *n = json_object_get(j, "notifications");
	assert_int_equal(json_array_size(n), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(n, 0), "subject")),
			    "A notice for the viewer");
	char *text = json_dumps(j, 0);
	/* Neither a secret nor anyone else's account. */
	assert_null(strstr(text, "argon2"));
	assert_null(strstr(text, "password"));
	assert_null(strstr(text, "token_hash"));
	assert_null(strstr(text, w->as[AS_LEAD].user.email));
	free(text);
	json_decref(j);
	/* The lead's download does not carry the viewer's notification. */
	j = download(w, AS_LEAD);
	assert_int_equal(json_array_size(json_object_get(j, "notifications")), 0);
	json_decref(j);
}

static void download_is_logged(void **state)
{
	webfix *w = *state;
	json_decref(download(w, AS_AREA));
	activity_list out;
	assert_int_equal(security_events_of_user(&w->f.d, w->as[AS_AREA].user.id, 20, &out, &w->f.e), 0);
	bool found = false;
	for (size_t i = 0; i < out.n; i++)
		found |= strstr(out.items[i].what, "downloaded what copro holds about them") != NULL;
	assert_true(found);
}

static void signed_out_is_sent_to_sign_in(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_NOBODY, "GET", "/account/data", NULL);
	assert_int_equal(r->status, 303);
	assert_null(r->download);
	request_destroy(r);
}

static void linked_from_sign_in_and_security(void **state)
{
	webfix *w = *state;
	request *r = web_expect_request(w, AS_VIEWER, "GET", "/account/two-factor", NULL, 200);
	page_has(r, "href=\"/account/data\" download>Download what copro holds about you</a>");
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(own_data_only), T(download_is_logged), T(signed_out_is_sent_to_sign_in),
					   T(linked_from_sign_in_and_security)};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
