/* net.h: the edge of the network: the security headers every answer
 * carries, and which address a request comes from when copro sits behind
 * proxies it was told to trust. */
#ifndef COPRO_WEB_NET_H
#define COPRO_WEB_NET_H

#include "web/web.h"

/* Calls add(ctx, name, value) for each security header of r's answer. */
typedef void (*web_header_fn)(void *ctx, const char *name, const char *value);
void web_security_headers(const request *r, web_header_fn add, void *ctx);

/* The proxies whose X-Forwarded-For copro believes: a comma-separated list
 * of IPv4 or IPv6 addresses (`serve --trusted-proxy`, config key
 * trusted-proxy), set once at start; NULL or "" trusts none. -1 with a
 * message naming the address that is not one. */
#define WEB_MAX_PROXIES 16
int web_set_trusted_proxies(const char *list, err *e);
bool web_proxy_trusted(const char *address);

/* The client's address: `peer` (the TCP peer, as text) unless it is a
 * trusted proxy, then the right-most address in `forwarded` (the
 * X-Forwarded-For values joined by commas, NULL if none) that is not
 * itself a trusted proxy. Anything unreadable there stops the walk at the
 * last address believed: a client can write anything at the left of the
 * header, only the proxies' own entries are theirs. */
const char *web_client_address(arena *a, const char *peer, const char *forwarded);

/* Connections each address may hold open at once (`copro serve`): a few
 * browsers' worth, so that one address holding connections open slowly
 * cannot take them all. Past WEB_CONN_CROWDED in all, an address gets
 * only WEB_CONN_PER_ADDRESS_CROWDED more, which keeps room for addresses
 * not yet seen. Trusted proxies are not counted: the proxy limits its own
 * clients (docs/deploy-proxy.md). */
#define WEB_CONN_LIMIT 1000
#define WEB_CONN_PER_ADDRESS 96
#define WEB_CONN_CROWDED (WEB_CONN_LIMIT * 3 / 4)
#define WEB_CONN_PER_ADDRESS_CROWDED 4
struct sockaddr;
/* Whether a new connection from `peer` may be accepted; one admitted is
 * counted at once, so that the pool's threads accepting together cannot
 * all take an address's last place. */
bool web_conn_admit(const struct sockaddr *peer);
/* A connection from `peer` opened (in the thread that admitted it) or
 * closed. */
void web_conn_opened(const struct sockaddr *peer);
void web_conn_closed(const struct sockaddr *peer);
/* Connections open now, in all and from `peer` (for tests). */
size_t web_conn_count(const struct sockaddr *peer, size_t *total);

#endif
