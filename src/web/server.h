/* server.h: running the web application on libmicrohttpd. */
#ifndef COPRO_WEB_SERVER_H
#define COPRO_WEB_SERVER_H

#include "web/web.h"

typedef struct server_options {
	const char *address;    /* listen address, default 127.0.0.1 */
	int port;
	int threads;            /* worker threads, default 2 */
	int page_cache_mb;      /* memory for the page cache (web/cache.c); 0: none */
	web_config config;
} server_options;

/* Serves until SIGINT or SIGTERM, then finishes the requests under way and
 * returns 0; -1 with a message when it cannot start. */
int server_run(const server_options *o, err *e);

#endif
