/* help.c: help for each role, open to anyone signed in or not and linked
 * from every page's footer: /help (which page is yours), /help/lead,
 * /help/contributor and /help/area, each the main tasks in plain words. */
#include "web/pages/pages.h"

/* A task: its heading, then its steps as a numbered list. */
static void task(request *r, const char *heading, const char *const *steps)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">%t</h2><ol class=\"govuk-list govuk-list--number\">", heading);
	for (; *steps; steps++)
		htmlf(&r->out, "<li>%t</li>", *steps);
	htmlf(&r->out, "</ol>");
}

static void help_end(request *r)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">If you are stuck</h2>"
		      "<p class=\"govuk-body\">Ask your organisation lead, or your area's administrator. "
		      "Every page says what went wrong when something cannot be saved, and nothing is saved "
		      "until the form is right.</p>");
	public_page_end(r);
}

/* ROUTE: GET /help (public) */
static int page_help(request *r)
{
	public_page_begin(r, "Help using copro", NULL);
	htmlf(&r->out,
	     "<p class=\"govuk-body\">copro helps a school, setting, college or service check how well it works "
	     "together with children, young people and parent carers, using the Four Cornerstones "
	     "self-evaluation tool and York's joint partnership model.</p>"
	     "<p class=\"govuk-body\">What you can do depends on your role. Choose yours:</p>"
	     "<ul class=\"govuk-list govuk-list--spaced\">"
	     "<li><a class=\"govuk-link\" href=\"/help/lead\">Help for organisation leads</a>: start a "
	     "self-evaluation, invite people, judge each statement, plan, audit and ask partners' views</li>"
	     "<li><a class=\"govuk-link\" href=\"/help/contributor\">Help for contributors</a>: add evidence, "
	     "give your own view, follow up actions</li>"
	     "<li><a class=\"govuk-link\" href=\"/help/area\">Help for area administrators</a>: the "
	     "organisations of your area, audits to decide, the dashboard and exports</li></ul>"
	     "<h2 class=\"govuk-heading-m\">Finding your way</h2>"
	     "<p class=\"govuk-body\">After you sign in, the bar under copro's name lists the sections of your "
	     "organisation or area. The section you are in is marked. A number next to a section says what "
	     "waits there: for example, how many actions are overdue or how many audits wait for the area.</p>"
	     "<p class=\"govuk-body\">Your name and Sign out are at the top right. You are signed out after "
	     "2 hours without using copro.</p>"
	     "<h2 class=\"govuk-heading-m\">Children, young people and parent carers</h2>"
	     "<p class=\"govuk-body\">Partners do not need an account. They answer from a link or a QR code "
	     "their school or service gives them, and each page of their questions says what to do.</p>");
	help_end(r);
	return 200;
}

/* ROUTE: GET /help/lead (public) */
static int page_help_lead(request *r)
{
	static const char *const start[] = {
		"Go to Self-evaluations.",
		"Type the cycle, for example 2026-27, and select Start self-evaluation.",
		"The self-evaluation lists each cornerstone's statements, with how many indicators have evidence.", NULL};
	static const char *const people[] = {
		"Go to People. Under Invite someone,",
		"give their name, email address, role and, if they speak for one, their partner group.",
		"Send them the link copro shows you. It works once, for 14 days.", NULL};
	static const char *const statement[] = {
		"Open a statement from the self-evaluation.",
		"Add evidence, or link evidence you already have to the indicators it shows. One piece of evidence "
		"can count for indicators in different cornerstones.",
		"Record the judgement: the strengths, the areas for development, and which partner groups took part.",
		"Add your own indicator if the tool's examples do not cover what you do.", NULL};
	static const char *const status[] = {
		"On the self-evaluation, next to Status, select Change.",
		"Choose Draft, In review or Submitted and select Save status. copro records who changed it and when.",
		"A submitted self-evaluation cannot change until a lead sets it back to draft or in review.", NULL};
	static const char *const views[] = {
		"Go to Views and start a round: choose the statements or principles to ask about.",
		"Each partner group gets its own link, poster and letter. Share them.",
		"When the round closes, read the results by group, agree a view and it becomes evidence.",
		"Tell partners what changed in You said, we did.", NULL};
	static const char *const audit[] = {
		"Go to Projects and audits, then Joint partnership audits, and start an audit.",
		"Choose a level for each of York's six principles, with evidence and next steps.",
		"Submit it to the area. If the area returns it, start a new version from the banner at the top "
		"of the audit, make the changes and submit again.", NULL};
	public_page_begin(r, "Help for organisation leads", "/help");
	task(r, "Start a self-evaluation", start);
	task(r, "Invite people", people);
	task(r, "Work through a statement", statement);
	task(r, "Change the status of a self-evaluation", status);
	task(r, "Ask children, young people and parent carers", views);
	task(r, "Audit a service with York's joint partnership model", audit);
	htmlf(&r->out, "<p class=\"govuk-body\">Actions, success measures and team and service plans each "
		      "have their own section: they carry the areas for development into the next cycle.</p>");
	help_end(r);
	return 200;
}

/* ROUTE: GET /help/contributor (public) */
static int page_help_contributor(request *r)
{
	static const char *const evidence[] = {
		"Open the self-evaluation from Self-evaluations, then a statement.",
		"Select Add evidence. Give it a title, a date and what it shows.",
		"Tick the indicators it shows and the partner groups who took part.",
		"To use evidence you added before, link it instead of adding it again.", NULL};
	static const char *const view[] = {
		"When a round of views is open, your organisation's Overview says what you are asked.",
		"Give your own view of each statement on one page. It counts with your partner group.", NULL};
	static const char *const actions[] = {
		"Go to Actions. Overdue actions are counted next to the section's name.",
		"Open an action to change its owner, dates or status, or review it: what happened, and what next.", NULL};
	public_page_begin(r, "Help for contributors", "/help");
	task(r, "Add evidence", evidence);
	task(r, "Give your own view", view);
	task(r, "Follow up actions", actions);
	htmlf(&r->out, "<p class=\"govuk-body\">You can also work on the steps of a service development "
		      "project, under Projects and audits. Viewers can read everything but change nothing.</p>");
	help_end(r);
	return 200;
}

/* ROUTE: GET /help/area (public) */
static int page_help_area(request *r)
{
	static const char *const orgs[] = {
		"From the start page, add an organisation, or import many from a Get Information About Schools "
		"extract (a CSV file).",
		"Open an organisation to see its pages as its lead does.", NULL};
	static const char *const decide[] = {
		"Go to Audits to decide. The number next to it says how many wait.",
		"Open an audit and read it through.",
		"Accept it, or return it with a comment saying what needs to change. The organisation sees your "
		"comment at the top of its audit.", NULL};
	static const char *const picture[] = {
		"Portfolio lists every organisation's latest audit.",
		"Dashboard shows the area's principles as a heat map.",
		"Exports gives CSV and Excel files, and API tokens for the area's own dashboards.",
		"Settings holds the audit settings and the smallest group whose views are shown.", NULL};
	public_page_begin(r, "Help for area administrators", "/help");
	task(r, "Add organisations", orgs);
	task(r, "Decide on audits", decide);
	task(r, "See the area's picture", picture);
	help_end(r);
	return 200;
}

const route help_routes[] = {
	{"GET", "/help", page_help, ROUTE_PUBLIC, ACCESS_NONE},
	{"GET", "/help/lead", page_help_lead, ROUTE_PUBLIC, ACCESS_NONE},
	{"GET", "/help/contributor", page_help_contributor, ROUTE_PUBLIC, ACCESS_NONE},
	{"GET", "/help/area", page_help_area, ROUTE_PUBLIC, ACCESS_NONE},
	{0},
};
