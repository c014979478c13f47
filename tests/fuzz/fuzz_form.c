/* fuzz_form.c: the whole path of a POST through copro serve: libmicrohttpd
 * reading the request, its post processor (forms and multipart uploads)
 * feeding copro's fields and files (src/web/server.c), the dispatcher's
 * checks and the page. A real server runs in this process on a loopback
 * port (server_run in a thread of its own), signed in as the demo area's
 * administrator, and each input is sent to it as one request: this
 * fuzzes exactly what a client reaches, with no hook in server.c (its
 * handlers are its own) and nothing to keep in step with it.
 *
 * An input is "PATH\n[Header: value\n]...\n\nBODY". The harness adds the
 * method (POST), Host, the session cookie and Content-Length, and puts
 * the session's CSRF token wherever the input says @CSRF@, so inputs get
 * past the token check into the pages. A 500 answer (an unexpected
 * failure) is a finding: it aborts. */
#define _GNU_SOURCE     /* memmem */
#include "fuzz.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "domain/account.h"
#include "web/server.h"

static int port;
static session sess;
static server_options opts;

static void *serve(void *arg)
{
	(void)arg;
	err e = {0};
	if (server_run(&opts, &e) < 0)
		fprintf(stderr, "fuzz: the server stopped: %s\n", e.msg);
	exit(2);
	return NULL;
}

static int free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t n = sizeof a;
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &n) < 0)
		abort();
	close(fd);
	return ntohs(a.sin_port);
}

static int dial(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	if (fd < 0)
		abort();
	if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
		close(fd);
		return -1;
	}
	struct timeval tv = {.tv_sec = 5};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	return fd;
}

/* The world, an account signed in, and the server answering. */
static void start(void)
{
	fuzz_world *w = fuzz_world_get();
	err e = {0};
	int64_t user;
	org_list orgs;
	if (orgs_all(&w->d, &orgs, &e) < 0 || !orgs.n ||
	    user_add(&w->d, "Fuzz Admin", "fuzz@example.org", "plum kettle orbit saffron", "area-admin",
		     0, orgs.items[0].area, &user, &e) < 0 ||
	    sign_in(&w->d, "fuzz@example.org", "plum kettle orbit saffron", "127.0.0.1", &sess, &e) < 0) {
		fprintf(stderr, "fuzz: cannot sign in: %s\n", e.msg);
		exit(2);
	}
	arena_free(&w->mem);
	port = free_port();
	opts = (server_options){.port = port, .threads = 2,
				.config = {.db_path = w->db_path, .frameworks = &w->frameworks,
					   .assets_dir = "/nonexistent"}};
	pthread_t t;
	pthread_create(&t, NULL, serve, NULL);
	pthread_detach(t);
	for (int i = 0; i < 200; i++) {
		int fd = dial();
		if (fd >= 0) {
			close(fd);
			return;
		}
		usleep(50000);
	}
	fprintf(stderr, "fuzz: the server did not start\n");
	exit(2);
}

/* The input with every @CSRF@ replaced by the session's token. */
static char *with_token(const uint8_t *data, size_t size, size_t *len)
{
	char *out = malloc(size * 11 + 1), *p = out;   /* 6 bytes become 64 at most */
	if (!out)
		abort();
	for (size_t i = 0; i < size;) {
		if (size - i >= 6 && !memcmp(data + i, "@CSRF@", 6)) {
			memcpy(p, sess.csrf, 64);
			p += 64;
			i += 6;
		} else {
			*p++ = (char)data[i++];
		}
	}
	*p = '\0';
	*len = (size_t)(p - out);
	return out;
}

static size_t compose(char *req, size_t cap, const char *in, size_t len)
{
	const char *sep = memmem(in, len, "\n\n", 2);
	size_t head = sep ? (size_t)(sep - in) : len;
	const char *body = sep ? sep + 2 : in + len;
	size_t body_len = (size_t)(in + len - body);
	const char *eol = memchr(in, '\n', head);
	size_t path_len = eol ? (size_t)(eol - in) : head;
	int n = snprintf(req, cap, "POST %.*s HTTP/1.1\r\nHost: fuzz.test\r\nConnection: close\r\n"
			 "Cookie: " SESSION_COOKIE "=%s\r\nContent-Length: %zu\r\n",
			 (int)path_len, path_len ? in : "/", sess.token, body_len);
	size_t at = (size_t)n;
	for (const char *l = eol ? eol + 1 : in + head; l < in + head;) {
		const char *end = memchr(l, '\n', (size_t)(in + head - l));
		size_t ll = end ? (size_t)(end - l) : (size_t)(in + head - l);
		memcpy(req + at, l, ll);
		memcpy(req + at + ll, "\r\n", 2);
		at += ll + 2;
		l += ll + 1;
	}
	/* A bare CR in the head leaves libmicrohttpd waiting for its end until
	 * the connection times out: a slow client (bounded by the server's
	 * timeout), not what this harness looks for. */
	size_t kept = 0;
	for (size_t i = 0; i < at; i++)
		if (req[i] != '\r' || (i + 1 < at && req[i + 1] == '\n'))
			req[kept++] = req[i];
	at = kept;
	memcpy(req + at, "\r\n", 2);
	memcpy(req + at + 2, body, body_len);
	return at + 2 + body_len;
}

static void send_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w <= 0)
			return;         /* the server may answer before reading it all */
		p += w;
		n -= (size_t)w;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int started;
	if (!started++)
		start();
	size_t len;
	char *in = with_token(data, size, &len);
	size_t cap = len * 2 + 512;
	char *req = malloc(cap);
	if (!req)
		abort();
	size_t n = compose(req, cap, in, len);
	int fd = dial();
	if (fd < 0)
		abort();
	send_all(fd, req, n);
	char answer[64] = {0};
	size_t got = 0;
	char sink[4096];
	ssize_t r;
	while ((r = recv(fd, sink, sizeof sink, 0)) > 0)
		for (ssize_t i = 0; i < r && got < sizeof answer - 1; i++)
			answer[got++] = sink[i];
	bool timed_out = r < 0;
	close(fd);
	free(req);
	free(in);
	if (getenv("COPRO_FUZZ_VERBOSE"))
		fprintf(stderr, "form: %.*s\n", (int)strcspn(answer, "\r\n"), answer);
	if (timed_out)
		fprintf(stderr, "fuzz: no answer within 5 s (a request the server waits on)\n");
	if (!strncmp(answer, "HTTP/1.1 500", 12)) {
		fprintf(stderr, "fuzz: copro answered 500\n");
		abort();
	}
	return 0;
}
