/* drain.h: stopping `copro serve` without cutting the requests under way
 * (issue 15, section 4.4). */
#ifndef COPRO_WEB_DRAIN_H
#define COPRO_WEB_DRAIN_H

#include <microhttpd.h>
#include <stdbool.h>

/* How long SIGTERM or Ctrl-C waits for requests under way, at most. */
#define DRAIN_SECONDS 10

/* A request has begun (its headers are in) or has been answered. */
void drain_request_started(void);
void drain_request_finished(void);
/* True once the server is stopping: a request beginning now is refused
 * with 503 before any work, and every answer closes its connection. */
bool drain_stopping(void);
/* Stops accepting connections and waits until no request is under way or
 * DRAIN_SECONDS have passed; returns how many were still under way. */
int drain_wait(struct MHD_Daemon *d);

#endif
