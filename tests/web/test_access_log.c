/* test_access_log.c: the server's line per request names the route's
 * pattern, never the address as typed, its query, the form or (unless
 * asked) the client's address. */
#include "webtest.h"

#include "web/access_log.h"

static const char *line_of(webfix *w, request *r, bool cut)
{
	static char line[512];
	r->answered = true;
	size_t n = access_log_format(r, cut, r->started_ns + 12345678, line, sizeof line);
	assert_int_equal(n, strlen(line));
	(void)w;
	return line;
}

/* "request time=YYYY-MM-DDTHH:MM:SS.mmmZ " then the rest, as expected. */
static void line_is(const char *line, const char *rest)
{
	assert_int_equal(strncmp(line, "request time=", 13), 0);
	assert_int_equal(strlen(line), 13 + 24 + 1 + strlen(rest));
	assert_int_equal(line[13 + 4], '-');
	assert_int_equal(line[13 + 10], 'T');
	assert_int_equal(line[13 + 23], 'Z');
	assert_string_equal(line + 13 + 25, rest);
}

static void the_pattern_not_the_path(void **state)
{
	webfix *w = *state;
	const char *path = web_path(w, "/org/%lld/evaluation/%lld", (long long)w->org, (long long)w->eval);
	const char *query[] = {"q", "ada@example.org", NULL};
	request *r = web_get_query(w, AS_LEAD, path, query);
	r->started_ns = 1000;
	const char *line = line_of(w, r, false);
	char want[200];
	snprintf(want, sizeof want, "method=GET route=/org/{org}/evaluation/{evaluation} status=200 "
		 "ms=12.345 bytes=%zu\n", r->sent_bytes);
	line_is(line, want);
	assert_null(strstr(line, "ada@"));
	request_destroy(r);
}

static void unknown_pages_methods_and_cut_connections(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_NOBODY, "GET", "/ada.lovelace@example.org", NULL);
	r->started_ns = 1000;
	r->sent_bytes = 7;
	line_is(line_of(w, r, true), "method=GET route=- status=404 ms=12.345 bytes=7 cut=1\n");
	request_destroy(r);
	r = web_run(w, AS_NOBODY, "ADA", "/help", NULL);
	r->started_ns = 1000;
	line_is(line_of(w, r, false), "method=OTHER route=- status=405 ms=12.345 bytes=0\n");
	request_destroy(r);
	/* A client that left before any answer: no status to report. */
	r = request_create(&w->cfg, "POST", "/sign-in");
	char line[512];
	access_log_format(r, true, r->started_ns, line, sizeof line);
	line_is(line, "method=POST route=/sign-in status=- ms=0.000 bytes=0 cut=1\n");
	request_destroy(r);
}

static void addresses_only_when_asked(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_NOBODY, "GET", "/sign-in", NULL);
	r->address = "203.0.113.9";
	r->started_ns = 1000;
	assert_null(strstr(line_of(w, r, false), "203.0.113.9"));
	access_log_addresses = true;
	const char *line = line_of(w, r, false);
	access_log_addresses = false;
	char want[200];
	snprintf(want, sizeof want, "method=GET route=/sign-in status=200 ms=12.345 bytes=%zu "
		 "client=203.0.113.9\n", r->sent_bytes);
	line_is(line, want);
	request_destroy(r);
}

static void a_long_line_still_ends_its_line(void **state)
{
	webfix *w = *state;
	request *r = web_run(w, AS_NOBODY, "GET", "/sign-in", NULL);
	char line[40];
	size_t n = access_log_format(r, false, 0, line, sizeof line);
	assert_int_equal(n, sizeof line - 1);
	assert_int_equal(line[n - 1], '\n');
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(the_pattern_not_the_path), T(unknown_pages_methods_and_cut_connections),
		T(addresses_only_when_asked), T(a_long_line_still_ends_its_line),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
