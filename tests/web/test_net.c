/* test_net.c: the security headers on every answer, the client's
 * address taken from X-Forwarded-For only behind a trusted proxy, and the
 * connections each address may hold. */
#include "testutil.h"

#include "web/net.h"

#include <arpa/inet.h>
#include <pthread.h>

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

/* ---- connections per address ---------------------------------------- */

static struct sockaddr_in peer_at(const char *address)
{
	struct sockaddr_in a = {.sin_family = AF_INET};
	assert_int_equal(inet_pton(AF_INET, address, &a.sin_addr), 1);
	return a;
}

/* `address` (into *a) holding all its connections but one, each
 * admitted and opened as MHD does. */
static const struct sockaddr *nearly_full(struct sockaddr_in *a, const char *address)
{
	*a = peer_at(address);
	const struct sockaddr *peer = (const struct sockaddr *)a;
	for (int i = 0; i < WEB_CONN_PER_ADDRESS - 1; i++) {
		assert_true(web_conn_admit(peer));
		web_conn_opened(peer);
	}
	return peer;
}

/* n closed: then `peer` holds none, and no address holds any. */
static void close_n(const struct sockaddr *peer, int n)
{
	size_t total;
	for (int i = 0; i < n; i++)
		web_conn_closed(peer);
	assert_int_equal(web_conn_count(peer, &total), 0);
	assert_int_equal(total, 0);
}

/* MHD's pool threads each accept on the listening socket, and each asks
 * web_conn_admit before the connection is counted as opened (in the same
 * thread). `racer` is a second pool thread: it is admitted, then waits
 * while the main thread asks for the same address, then opens. */
static pthread_barrier_t race;
static bool racer_admitted;

static void *racer(void *arg)
{
	const struct sockaddr *peer = arg;
	racer_admitted = web_conn_admit(peer);
	pthread_barrier_wait(&race);            /* admitted, not yet opened */
	pthread_barrier_wait(&race);            /* the main thread has asked */
	if (racer_admitted)
		web_conn_opened(peer);
	return NULL;
}

static void last_place_taken_once(void **state)
{
	(void)state;
	struct sockaddr_in a;
	const struct sockaddr *peer = nearly_full(&a, "192.0.2.50");
	size_t total;
	pthread_barrier_init(&race, NULL, 2);
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, racer, (void *)peer), 0);
	pthread_barrier_wait(&race);
	assert_true(racer_admitted);
	/* The racer holds the last place before its connection is counted
	 * as opened: a second accept at that moment is refused. */
	bool second = web_conn_admit(peer);
	pthread_barrier_wait(&race);
	pthread_join(t, NULL);
	pthread_barrier_destroy(&race);
	assert_false(second);
	assert_int_equal(web_conn_count(peer, &total), WEB_CONN_PER_ADDRESS);
	close_n(peer, WEB_CONN_PER_ADDRESS);
}

/* An admitted connection that never opens (MHD failed to set it up
 * between the two calls) gives its place back at the thread's next
 * accept, and an address whose connections all closed holds none. */
static void place_of_unopened_connection_given_back(void **state)
{
	(void)state;
	struct sockaddr_in a;
	const struct sockaddr *peer = nearly_full(&a, "192.0.2.51");
	size_t total;
	assert_true(web_conn_admit(peer));              /* never opened */
	assert_true(web_conn_admit(peer));
	web_conn_opened(peer);
	assert_int_equal(web_conn_count(peer, &total), WEB_CONN_PER_ADDRESS);
	assert_false(web_conn_admit(peer));
	close_n(peer, WEB_CONN_PER_ADDRESS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(headers_refuse_features_and_embedding),
		cmocka_unit_test(proxies_parsed),
		cmocka_unit_test(forwarded_only_from_trusted),
		cmocka_unit_test(last_place_taken_once),
		cmocka_unit_test(place_of_unopened_connection_given_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
