/* test_net.c: the security headers on every answer, and the client's
 * address taken from X-Forwarded-For only behind a trusted proxy. */
#include "testutil.h"

#include "web/net.h"

typedef struct seen {
	char text[4096];
} seen;

static void collect(void *ctx, const char *name, const char *value)
{
	seen *s = ctx;
	size_t n = strlen(s->text);
	snprintf(s->text + n, sizeof s->text - n, "%s: %s\n", name, value);
}

static void headers_refuse_features_and_embedding(void **state)
{
	(void)state;
	web_config cfg = {0};
	request *r = request_create(&cfg, "GET", "/sign-in");
	seen s = {{0}};
	web_security_headers(r, collect, &s);
	assert_non_null(strstr(s.text, "Cross-Origin-Resource-Policy: same-origin\n"));
	const char *pp = strstr(s.text, "Permissions-Policy: ");
	assert_non_null(pp);
	const char *refused[] = {"camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()",
				 "browsing-topics=()", "interest-cohort=()", "display-capture=()"};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		assert_non_null(strstr(pp, refused[i]));
	/* The copy buttons write to the clipboard. */
	assert_null(strstr(pp, "clipboard-write"));
	assert_non_null(strstr(s.text, "Content-Security-Policy: default-src 'self'"));
	request_destroy(r);
}

static void proxies_parsed(void **state)
{
	(void)state;
	err e = {0};
	assert_int_equal(web_set_trusted_proxies("10.0.0.1, ::1", &e), 0);
	assert_true(web_proxy_trusted("10.0.0.1"));
	assert_true(web_proxy_trusted("0:0::1"));
	assert_false(web_proxy_trusted("10.0.0.2"));
	assert_int_equal(web_set_trusted_proxies("10.0.0.1,proxy.example", &e), -1);
	assert_non_null(strstr(e.msg, "\"proxy.example\" is not an IP address"));
	assert_false(web_proxy_trusted("10.0.0.1"));   /* a refused list trusts none */
	assert_int_equal(web_set_trusted_proxies(NULL, &e), 0);
}

static void forwarded_only_from_trusted(void **state)
{
	(void)state;
	err e = {0};
	arena a = {0};
	assert_int_equal(web_set_trusted_proxies("127.0.0.1,10.0.0.9", &e), 0);
	/* From an untrusted peer the header is the client's own words. */
	assert_string_equal(web_client_address(&a, "192.0.2.7", "198.51.100.1"), "192.0.2.7");
	/* From the proxy: the right-most address it did not add itself. */
	assert_string_equal(web_client_address(&a, "127.0.0.1", "198.51.100.1"), "198.51.100.1");
	assert_string_equal(web_client_address(&a, "127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.9"),
			    "198.51.100.1");
	/* A client writing its own header cannot choose its address. */
	assert_string_equal(web_client_address(&a, "127.0.0.1", "1.2.3.4,203.0.113.5"), "203.0.113.5");
	/* Nothing readable: the proxy itself. */
	assert_string_equal(web_client_address(&a, "127.0.0.1", "garbage"), "127.0.0.1");
	assert_string_equal(web_client_address(&a, "127.0.0.1", NULL), "127.0.0.1");
	assert_string_equal(web_client_address(&a, "127.0.0.1", " 2001:db8::1 "), "2001:db8::1");
	/* Only trusted proxies all along: the left-most of them. */
	assert_string_equal(web_client_address(&a, "127.0.0.1", "10.0.0.9"), "10.0.0.9");
	assert_int_equal(web_set_trusted_proxies(NULL, &e), 0);
	assert_string_equal(web_client_address(&a, "127.0.0.1", "198.51.100.1"), "127.0.0.1");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(headers_refuse_features_and_embedding),
		cmocka_unit_test(proxies_parsed),
		cmocka_unit_test(forwarded_only_from_trusted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
