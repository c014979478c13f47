/* hashing.h: copro serve's password hashing threads. A ROUTE_HASH
 * request runs there whole, its connection suspended, so that no web
 * worker waits for argon2id; when too many wait, it is answered at once
 * with its form and a 503 instead. */
#ifndef COPRO_WEB_HASHING_H
#define COPRO_WEB_HASHING_H

#include <microhttpd.h>

#include "web/web.h"

/* How a request is served (the server's serve_request) and its argument. */
typedef void (*hashing_serve_fn)(void *server, request *r);

/* Two threads, or one on a single processor. A request is refused when
 * it would wait more than HASHING_WAIT_MS by the time recent ones took,
 * or find HASHING_WAITING_PER_THREAD per thread waiting already. */
#define HASHING_WAIT_MS 3000
#define HASHING_WAITING_PER_THREAD 16
int hashing_start(hashing_serve_fn serve, void *server, err *e);
/* Serves what still waits, then ends the threads. */
void hashing_stop(void);

/* Suspends the connection and queues r for the threads, which resume it
 * with r->hash_done set; when it would wait too long, resumes it at once
 * with r->hash_refused set. Either way MHD calls the handler again. */
void hashing_submit(struct MHD_Connection *conn, request *r);
/* Serves r on this thread; if r->hash_refused, every hash it asks for
 * fails with PASSWORD_BUSY_MESSAGE and a refused one makes it a 503 with
 * Retry-After. */
void hashing_serve_refusing(request *r);

#endif
