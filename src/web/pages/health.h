/* health.h: what the server answers when no database connection can be
 * opened (health.c). */
#ifndef COPRO_WEB_PAGES_HEALTH_H
#define COPRO_WEB_PAGES_HEALTH_H

#include "web/web.h"

/* Answers r when its route needs no database (GET /healthz, the assets):
 * true when it did, so /healthz says why it is unavailable in its own
 * words and error pages keep their style sheet. */
bool web_answer_without_database(request *r);

#endif
