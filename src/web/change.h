/* change.h: the end of a change's one transaction (dispatch.c): commit, or
 * roll back and say why, and running the change again when it lost. */
#ifndef COPRO_WEB_CHANGE_H
#define COPRO_WEB_CHANGE_H

#include "web/web.h"

/* Commits the transaction of a signed-in POST or a partner's answer when
 * the handler succeeded, else rolls it back with the page that says why. */
void change_finish(request *r);
/* The 503 page of a change the database could not write, saying why. */
void change_not_saved(request *r, const err *why);
/* After try number `done` (from 1): true when it lost to a concurrent
 * transaction and may run again (store_retry_next), with `r` put back as
 * it was before the first try (`first`), its response forgotten. */
bool change_again(request *r, const request *first, int done);

#endif
