/* test_setup_pages.c: creating the first account (issue 15, hole 6):
 * /setup asks for the set-up code copro printed, refuses without it or
 * with a wrong or replaced one (400, nothing written), spends it on
 * success, and limits tries from one address. */
#include <ctype.h>

#include "domain/setup.h"
#include "webtest.h"

#define PASSWORD "correct horse battery staple"

/* An empty database with pre-loaded data (an organisation, as `demo` or
 * `org import-csv` leave) and no account. */
static int empty_setup(void **state)
{
	void *st = NULL;
	fixture_setup(&st);
	webfix *w = calloc(1, sizeof *w);
	assert_non_null(w);
	w->f = *(fixture *)st;
	free(st);
	w->f.d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &w->f.mem};
	w->cfg = (web_config){.db_path = w->f.path, .assets_dir = "/nonexistent", .frameworks = &w->f.frameworks};
	w->org = fixture_org(&w->f, "Preloaded School");
	*state = w;
	return 0;
}

static int empty_teardown(void **state)
{
	webfix *w = *state;
	fixture *f = malloc(sizeof *f);
	assert_non_null(f);
	*f = w->f;
	free(w);
	void *st = f;
	return fixture_teardown(&st);
}

static request *set_up(webfix *w, const char *code, const char *email)
{
	const char *fields[] = {"code", code, "name", "Asha Patel", "email", email, "area", "Northshire",
				"password", PASSWORD, NULL};
	return web_post_signed_out(w, "/setup", code ? fields : fields + 2);
}

static const char *new_code(webfix *w)
{
	char code[SETUP_CODE_SIZE];
	assert_int_equal(setup_code_new(&w->f.d, code, &w->f.e), 0);
	assert_int_equal(strlen(code), 29);
	return web_path(w, "%s", code);
}

static void the_form_asks_for_the_code(void **state)
{
	webfix *w = *state;
	request *r = web_expect_request(w, AS_NOBODY, "GET", "/setup", NULL, 200);
	page_has(r, "<label class=\"govuk-label\" for=\"code\">Set-up code</label>");
	page_has(r, "copro setup-code");
	request_destroy(r);
}

static void no_account_without_the_code(void **state)
{
	webfix *w = *state;
	const char *code = new_code(w);
	/* None, a wrong one, one replaced by a newer: 400, nothing written. */
	const char *tries[] = {NULL, "", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", code};
	const char *said[] = {"Enter the set-up code", "Enter the set-up code", SETUP_CODE_WRONG, SETUP_CODE_WRONG};
	const char *latest = new_code(w);
	for (int i = 0; i < 4; i++) {
		request *r = set_up(w, tries[i], "asha@example.org");
		if (r->status != 400)
			fail_msg("try %d answered %d", i, r->status);
		page_has(r, "<title>Error: Set up copro");
		page_has(r, said[i]);
		page_has(r, "href=\"#code\"");
		page_has(r, "value=\"asha@example.org\"");
		request_destroy(r);
		assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM app_user"), 0);
	}
	/* The code in force, typed in small letters with spaces: the
	 * administrator, signed in; the code is spent. */
	char typed[40];
	snprintf(typed, sizeof typed, " %s ", latest);
	for (char *p = typed; *p; p++)
		*p = *p == '-' ? ' ' : (char)tolower((unsigned char)*p);
	request *r = set_up(w, typed, "asha@example.org");
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/");
	assert_non_null(strstr(r->cookie, "__Host-copro="));
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM app_user"), 1);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM setup_code"), 0);
	/* Done: no second set-up, and no new code. */
	r = set_up(w, latest, "eve@example.org");
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, "/sign-in");
	request_destroy(r);
	char again[SETUP_CODE_SIZE];
	assert_int_equal(setup_code_new(&w->f.d, again, &w->f.e), -1);
	assert_int_equal(w->f.e.kind, ERR_CONFLICT);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM setup_code"), 0);
}

/* A refused form leaves the code as it was: the person corrects the
 * field and sends it again. */
static void a_refused_form_keeps_the_code(void **state)
{
	webfix *w = *state;
	const char *code = new_code(w);
	request *r = set_up(w, code, "not an address");
	assert_int_equal(r->status, 400);
	page_has(r, "Enter an email address in the right format");
	page_lacks(r, SETUP_CODE_WRONG);
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM setup_code"), 1);
	r = set_up(w, code, "asha@example.org");
	assert_int_equal(r->status, 303);
	request_destroy(r);
}

/* Ten tries an hour from one address; the eleventh, even with the right
 * code, is refused with 429 and writes nothing. */
static void tries_are_limited(void **state)
{
	webfix *w = *state;
	const char *code = new_code(w);
	for (int i = 0; i < 10; i++) {
		request *r = set_up(w, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "asha@example.org");
		assert_int_equal(r->status, 400);
		request_destroy(r);
	}
	request *r = set_up(w, code, "asha@example.org");
	assert_int_equal(r->status, 429);
	page_has(r, "Too many tries to set up copro from here");
	request_destroy(r);
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM app_user"), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, empty_setup, empty_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(the_form_asks_for_the_code),
		T(no_account_without_the_code),
		T(a_refused_form_keeps_the_code),
		T(tries_are_limited),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
