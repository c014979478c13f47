/* housekeeping.h: copro serve's housekeeping thread (checkpoints, the
 * revision log's fold, the access log's flush and the daily purge of
 * partners' old free text), with a connection of its own. */
#ifndef COPRO_WEB_HOUSEKEEPING_H
#define COPRO_WEB_HOUSEKEEPING_H

#include <stdint.h>

#include "store/store.h"
#include "web/web.h"

/* Opens the thread's connection to config->db_path and starts it. */
int housekeeping_start(const web_config *config, err *e);
/* Ends the thread, runs a last checkpoint and closes its connection. */
void housekeeping_stop(void);

/* Seconds of a clock that never goes back (CLOCK_MONOTONIC). */
int64_t web_monotonic_seconds(void);
/* Opens st again when the database server dropped it (a restart), so
 * that requests do not fail until copro restarts; 0 when it was not lost. */
int web_reopen_if_lost(store *st, const char *db_path, err *e);

#endif
