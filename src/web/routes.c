/* routes.c: the route tables of every page file. The dispatcher
 * (dispatch.c) enforces each route's flags and least access; handlers
 * check that ids below {org} belong to that organisation. */
#include "web/pages/pages.h"

const route *const web_route_tables[] = {
	static_routes,
	account_routes,
	home_routes,
	org_import_routes,
	evidence_routes,
	action_routes,
	people_routes,
	evaluation_routes,
	statement_routes,
	project_routes,
	audit_routes,
	area_routes,
	export_routes,
	api_routes,
	measures_routes,
	measure_routes,
	plan_routes,
	plan_cornerstone_routes,
	action_review_routes,
	you_said_routes,
	api_tokens_routes,
	audits_routes,
	audit_edit_routes,
	audit_principle_routes,
	area_audits_routes,
	area_settings_routes,
	activity_routes,
	project_step_routes,
	partner_routes,
	partner_answer_routes,
	NULL,
};
