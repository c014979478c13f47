/* routes.c: every address copro answers, who may use it, and its handler.
 * The dispatcher (dispatch.c) enforces the flags and the least access;
 * handlers check that ids below {org} belong to that organisation. */
#include "web/pages/pages.h"

const route web_routes[] = {
	{"GET", "/assets/*", page_asset, ROUTE_PUBLIC, ACCESS_NONE},
	{"GET", "/setup", page_setup, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/setup", page_setup_post, ROUTE_PUBLIC | ROUTE_POST, ACCESS_NONE},
	{"GET", "/sign-in", page_sign_in, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/sign-in", page_sign_in_post, ROUTE_PUBLIC | ROUTE_POST, ACCESS_NONE},
	{"POST", "/sign-out", page_sign_out_post, ROUTE_POST, ACCESS_NONE},
	{"GET", "/join/{token}", page_invitation, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/join/{token}", page_invitation_post, ROUTE_PUBLIC | ROUTE_POST, ACCESS_NONE},
	{"GET", "/", page_home, 0, ACCESS_NONE},
	{"POST", "/area/{area}/organisations", page_org_add_post, ROUTE_POST, ACCESS_NONE},
	{"GET", "/org/{org}", page_org, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/evaluations", page_evaluation_start_post, ROUTE_POST, ACCESS_LEAD},
	{NULL, NULL, NULL, 0, ACCESS_NONE},
};
