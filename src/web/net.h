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

#endif
