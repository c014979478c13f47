/* access_log.h: the line `copro serve` writes on stderr for each request
 * (docs/deploy.md, "Logs"). */
#ifndef COPRO_WEB_ACCESS_LOG_H
#define COPRO_WEB_ACCESS_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "web/web.h"

/* Set once before the server starts (serve's --quiet and --log-addresses). */
extern bool access_log_on;
extern bool access_log_addresses;

/* A monotonic time in nanoseconds, for request->started_ns. */
int64_t access_log_now_ns(void);

/* Formats the line of a finished request into buf (with its newline);
 * `cut` when the connection ended before the response was all sent. */
size_t access_log_format(const request *r, bool cut, int64_t now_ns, char *buf, size_t size);

/* Adds that line to those going to stderr, when the log is on; whole
 * lines only, never split or mixed with another's. */
void access_log_write(const request *r, bool cut);
/* Writes the lines waiting (the server does every 200 ms and at its end). */
void access_log_flush(void);

#endif
