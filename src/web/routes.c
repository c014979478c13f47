/* routes.c: the route tables of every page file. The dispatcher
 * (dispatch.c) enforces each route's flags and least access; handlers
 * check that ids below {org} belong to that organisation. */
#include "web/pages/gold_page.h"
#include "web/pages/notify_page.h"
#include "web/pages/pages.h"

const route *const web_route_tables[] = {
	static_routes,
	account_routes,
	home_routes,
	org_import_routes,
	evidence_routes,
	evidence_file_routes,
	action_routes,
	invitation_routes,      /* before people_routes: {member} would take "invitations" */
	people_routes,
	evaluation_routes,
	evaluations_routes,
	public_routes,
	help_routes,
	statement_routes,
	statement_task_routes,
	project_routes,
	audit_routes,
	area_routes,
	area_evaluations_routes,
	audit_return_routes,
	export_routes,
	summaries_routes,
	report_routes,
	api_routes,
	measures_routes,
	measure_routes,
	plan_routes,
	plan_cornerstone_routes,
	action_review_routes,
	you_said_routes,
	api_tokens_routes,
	area_mail_routes,
	audits_routes,
	audit_edit_routes,
	audit_principle_routes,
	area_audits_routes,
	area_settings_routes,
	activity_routes,
	project_step_routes,
	views_routes,
	views_poster_routes,
	views_results_routes,
	views_paper_routes,
	views_easy_read_routes,
	org_settings_routes,
	search_routes,
	gold_routes,
	gold_review_routes,
	area_gold_routes,
	area_gold_invite_routes,
	about_routes,
	partner_routes,
	partner_answer_routes,
	notify_routes,
	NULL,
};

const upload_check *const web_upload_tables[] = {
	evidence_file_upload_checks,
	NULL,
};
