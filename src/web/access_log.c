/* access_log.c: one line per request on stderr, where systemd's journal
 * reads it: the time, the method, the route's pattern, the status, how
 * long it took and how many bytes of body went back. Never the address
 * as typed (ids, search words and tokens are in it), the query string, a
 * header, or anything of the form; the client's address only with
 * --log-addresses, since an IP address is personal data (UK GDPR) and
 * copro keeps none it does not need. */
#include "web/access_log.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

bool access_log_on = true;
bool access_log_addresses = false;

/* Lines wait here and go out together, PIPE_BUF bytes at most (one write
 * the journal's pipe never splits): a write per request cost more than the
 * rest of the line, a sixth of a kept page's throughput (docs/deploy.md).
 * The server flushes them every 200 ms and when it stops. */
static struct {
	pthread_mutex_t lock;
	char buf[PIPE_BUF];
	size_t used;
} pending = {.lock = PTHREAD_MUTEX_INITIALIZER};

int64_t access_log_now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* The method when it is one of HTTP's; a client may send any word there. */
static const char *method_word(const char *m)
{
	static const char *const known[] = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS",
					    "PATCH", "CONNECT", "TRACE"};
	for (size_t i = 0; m && i < sizeof known / sizeof *known; i++)
		if (!strcmp(m, known[i]))
			return known[i];
	return "OTHER";
}

/* The pattern of the route that answered ("-" when none did: a 404, or a
 * request refused before it was matched). A POST refused before its body
 * was read was matched by the server (web_post_route), not the
 * dispatcher: its kept answer, or asked again when it was not kept. */
static const char *pattern_of(const request *r)
{
	if (r->route)
		return r->route->pattern;
	if (r->status == 404 || !r->post)
		return "-";
	if (r->found_done)
		return r->found ? r->found->pattern : "-";
	arena a = {0};
	const route *rt = web_route_for(r->method, r->path, &a);
	arena_free(&a);
	return rt ? rt->pattern : "-";
}

size_t access_log_format(const request *r, bool cut, int64_t now_ns, char *buf, size_t size)
{
	struct timespec wall;
	clock_gettime(CLOCK_REALTIME, &wall);
	struct tm tm;
	gmtime_r(&wall.tv_sec, &tm);
	int64_t us = r->started_ns ? (now_ns - r->started_ns) / 1000 : 0;
	char status[12] = "-";
	if (r->answered)
		snprintf(status, sizeof status, "%d", r->status);
	int n = snprintf(buf, size,
			 "request time=%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ method=%s route=%s status=%s "
			 "ms=%lld.%03lld bytes=%zu%s%s%s\n",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
			 wall.tv_nsec / 1000000, method_word(r->method), pattern_of(r), status,
			 (long long)(us / 1000), (long long)(us % 1000), r->sent_bytes, cut ? " cut=1" : "",
			 access_log_addresses ? " client=" : "", access_log_addresses ? r->address : "");
	if (n < 0 || size < 2)
		return 0;
	if ((size_t)n < size)
		return (size_t)n;
	buf[size - 2] = '\n';  /* cut short, still a line */
	return size - 1;
}

/* Under the lock. A failed write drops the lines: the log must never
 * stop the requests. */
static void flush_locked(void)
{
	size_t done = 0;
	while (done < pending.used) {
		ssize_t n = write(STDERR_FILENO, pending.buf + done, pending.used - done);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	pending.used = 0;
}

void access_log_write(const request *r, bool cut)
{
	if (!access_log_on)
		return;
	char line[512];
	size_t n = access_log_format(r, cut, access_log_now_ns(), line, sizeof line);
	pthread_mutex_lock(&pending.lock);
	if (pending.used + n > sizeof pending.buf)
		flush_locked();
	memcpy(pending.buf + pending.used, line, n);
	pending.used += n;
	pthread_mutex_unlock(&pending.lock);
}

void access_log_flush(void)
{
	pthread_mutex_lock(&pending.lock);
	flush_locked();
	pthread_mutex_unlock(&pending.lock);
}
