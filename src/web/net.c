/* net.c: security headers and trusted proxies (web/net.h). */
#include "web/net.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <string.h>

void web_security_headers(const request *r, web_header_fn add, void *ctx)
{
	add(ctx, "Content-Security-Policy", r->csp ? r->csp :
	    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
	    " font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
	    " form-action 'self'");
	add(ctx, "X-Content-Type-Options", "nosniff");
	add(ctx, "X-Frame-Options", "DENY");
	/* Invitation links carry a secret: never send it on as a referrer. */
	add(ctx, "Referrer-Policy", "no-referrer");
	add(ctx, "Cross-Origin-Opener-Policy", "same-origin");
	/* No other site may embed copro's answers (a page, a file, an
	 * export) as an image, script or frame. */
	add(ctx, "Cross-Origin-Resource-Policy", "same-origin");
	/* Powerful features copro never uses, refused to its pages and to
	 * anything injected into them; interest-cohort (FLoC) and its
	 * successor browsing-topics keep visits out of advertising cohorts.
	 * clipboard-write stays allowed for the copy buttons. */
	add(ctx, "Permissions-Policy",
	    "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(),"
	    " encrypted-media=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(),"
	    " interest-cohort=(),"
	    " magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(),"
	    " screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()");
	add(ctx, "Cache-Control", r->cacheable ? "public, max-age=86400" : "no-store");
	if (r->config->tls)
		add(ctx, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

/* ---- trusted proxies ------------------------------------------------- */

typedef struct ip {
	int family;
	unsigned char bytes[16];
} ip;

static struct {
	ip at[WEB_MAX_PROXIES];
	size_t n;
} proxies;

static bool is_proxy(const ip *a)
{
	for (size_t i = 0; i < proxies.n; i++)
		if (proxies.at[i].family == a->family && !memcmp(proxies.at[i].bytes, a->bytes, 16))
			return true;
	return false;
}

static bool ip_parse(const char *text, ip *out)
{
	memset(out, 0, sizeof *out);
	if (inet_pton(AF_INET, text, out->bytes) == 1)
		out->family = AF_INET;
	else if (inet_pton(AF_INET6, text, out->bytes) == 1)
		out->family = AF_INET6;
	return out->family != 0;
}

/* One entry of a list, spaces trimmed, into buf; false when too long. */
static bool entry(const char *start, size_t len, char *buf, size_t size)
{
	while (len && (*start == ' ' || *start == '\t'))
		start++, len--;
	while (len && (start[len - 1] == ' ' || start[len - 1] == '\t'))
		len--;
	if (len >= size)
		return false;
	memcpy(buf, start, len);
	buf[len] = '\0';
	return true;
}

int web_set_trusted_proxies(const char *list, err *e)
{
	proxies.n = 0;
	for (const char *p = list; p && *p;) {
		size_t len = strcspn(p, ",");
		char buf[INET6_ADDRSTRLEN];
		ip addr;
		bool fits = entry(p, len, buf, sizeof buf);
		if (!fits || !ip_parse(buf, &addr)) {
			proxies.n = 0;
			return err_set(e, ERR_INPUT,
				       "\"%.*s\" is not an IP address: give the proxy's address, like 127.0.0.1 or ::1, several separated by commas.",
				       (int)(len > 60 ? 60 : len), p);
		}
		if (proxies.n == WEB_MAX_PROXIES)
			return err_set(e, ERR_INPUT, "at most %d trusted proxies can be given.",
				       WEB_MAX_PROXIES);
		proxies.at[proxies.n++] = addr;
		p += len + (p[len] == ',');
	}
	return 0;
}

bool web_proxy_trusted(const char *address)
{
	ip a;
	return address && ip_parse(address, &a) && is_proxy(&a);
}

const char *web_client_address(arena *a, const char *peer, const char *forwarded)
{
	if (!forwarded || !web_proxy_trusted(peer))
		return arena_strdup(a, peer);
	const char *believed = peer;
	size_t end = strlen(forwarded);
	/* Right to left: each trusted hop vouches for the one before it. */
	while (end > 0) {
		size_t start = end;
		while (start > 0 && forwarded[start - 1] != ',')
			start--;
		char buf[INET6_ADDRSTRLEN];
		ip addr;
		if (!entry(forwarded + start, end - start, buf, sizeof buf) || !ip_parse(buf, &addr))
			break;
		believed = arena_strdup(a, buf);
		if (!web_proxy_trusted(buf))
			break;
		end = start ? start - 1 : 0;
	}
	return arena_strdup(a, believed);
}

/* ---- connections per address ---------------------------------------- */

typedef struct conn_count {
	ip at;
	size_t n;
} conn_count;

static struct {
	pthread_mutex_t lock;
	conn_count addr[WEB_CONN_LIMIT];        /* one a connection at most */
	size_t n_addr, total;
} conns = {.lock = PTHREAD_MUTEX_INITIALIZER};

static bool ip_of(const struct sockaddr *sa, ip *out)
{
	memset(out, 0, sizeof *out);
	if (!sa)
		return false;
	out->family = sa->sa_family;
	if (sa->sa_family == AF_INET)
		memcpy(out->bytes, &((const struct sockaddr_in *)sa)->sin_addr, 4);
	else if (sa->sa_family == AF_INET6)
		memcpy(out->bytes, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
	else
		return false;
	return true;
}

/* The count of `a` under the lock; NULL when it has none. */
static conn_count *count_of(const ip *a)
{
	for (size_t i = 0; i < conns.n_addr; i++)
		if (conns.addr[i].at.family == a->family && !memcmp(conns.addr[i].at.bytes, a->bytes, 16))
			return &conns.addr[i];
	return NULL;
}

/* Counts a connection from `a` under the lock; false when the table of
 * addresses is full (it cannot be: one an open connection at most). */
static bool count_up(const ip *a)
{
	conn_count *c = count_of(a);
	if (!c && conns.n_addr < WEB_CONN_LIMIT) {
		c = &conns.addr[conns.n_addr++];
		*c = (conn_count){.at = *a};
	}
	if (c) {
		c->n++;
		conns.total++;
	}
	return c != NULL;
}

static void count_down(const ip *a)
{
	conn_count *c = count_of(a);
	if (c) {
		conns.total--;
		if (--c->n == 0)
			*c = conns.addr[--conns.n_addr];        /* the last takes its place */
	}
}

/* MHD's pool threads all accept on the listening socket. When admitting
 * and counting were two steps, two threads could both admit an address's
 * last place before either counted it (test_slow_clients.sh saw 97-99 of
 * 96 held). So web_conn_admit counts the connection itself, and the
 * thread remembers it until web_conn_opened (MHD calls both in the
 * accepting thread); one admitted but never opened (MHD failed to set it
 * up) gives its place back at the thread's next accept. */
static _Thread_local struct {
	ip at;
	bool held;
} reserved;

bool web_conn_admit(const struct sockaddr *peer)
{
	ip a;
	if (!ip_of(peer, &a))
		return true;
	pthread_mutex_lock(&conns.lock);
	if (reserved.held)
		count_down(&reserved.at);
	reserved.held = false;
	conn_count *c = count_of(&a);
	size_t mine = c ? c->n : 0;
	bool ok = conns.total < WEB_CONN_LIMIT &&
		  (is_proxy(&a) || (mine < WEB_CONN_PER_ADDRESS &&
				    (conns.total < WEB_CONN_CROWDED || mine < WEB_CONN_PER_ADDRESS_CROWDED)));
	if (ok && count_up(&a))
		reserved.at = a, reserved.held = true;
	pthread_mutex_unlock(&conns.lock);
	return ok;
}

void web_conn_opened(const struct sockaddr *peer)
{
	ip a;
	if (!ip_of(peer, &a))
		return;
	pthread_mutex_lock(&conns.lock);
	if (reserved.held && !memcmp(&reserved.at, &a, sizeof a))
		reserved.held = false;                  /* counted when admitted */
	else
		count_up(&a);
	pthread_mutex_unlock(&conns.lock);
}

void web_conn_closed(const struct sockaddr *peer)
{
	ip a;
	if (!ip_of(peer, &a))
		return;
	pthread_mutex_lock(&conns.lock);
	count_down(&a);
	pthread_mutex_unlock(&conns.lock);
}

size_t web_conn_count(const struct sockaddr *peer, size_t *total)
{
	ip a;
	pthread_mutex_lock(&conns.lock);
	const conn_count *c = ip_of(peer, &a) ? count_of(&a) : NULL;
	size_t n = c ? c->n : 0;
	*total = conns.total;
	pthread_mutex_unlock(&conns.lock);
	return n;
}
