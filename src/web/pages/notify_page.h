/* notify_page.h: the notification pages (notifications.c) and the home
 * page's "Waiting for you" panel they share with home.c. */
#ifndef COPRO_WEB_PAGES_NOTIFY_PAGE_H
#define COPRO_WEB_PAGES_NOTIFY_PAGE_H

#include "web/pages/pages.h"

/* On the home page: the person's unread notifications and what falls due
 * for them, with links; -1 with r->e set on a database error. */
int notify_home_panel(request *r);

extern const route notify_routes[];

#endif
