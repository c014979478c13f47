/* pages.h: every page handler, named after what it shows or does; the
 * route table in routes.c maps addresses to them. */
#ifndef COPRO_WEB_PAGES_H
#define COPRO_WEB_PAGES_H

#include "web/forms.h"
#include "web/web.h"

void web_set_session_cookie(request *r, const char *token);

/* Each page file's route table. */
extern const route static_routes[], account_routes[], home_routes[];

/* static.c */
int page_asset(request *r);
/* account.c */
int page_setup(request *r);
int page_setup_post(request *r);
int page_sign_in(request *r);
int page_sign_in_post(request *r);
int page_sign_out_post(request *r);
int page_invitation(request *r);
int page_invitation_post(request *r);
/* home.c */
int page_home(request *r);
int page_org_add_post(request *r);
int page_org(request *r);
int page_evaluation_start_post(request *r);

#endif
