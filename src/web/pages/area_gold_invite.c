/* area_gold_invite.c: an area administrator invites an assessor
 * (/area/{area}/gold/invite): name, email, one self-evaluation of the
 * area's organisations and the last day of access; the join link is shown
 * once, as an organisation's invitations are. */
#include <string.h>

#include "web/pages/gold_page.h"

/* Every self-evaluation of the area's organisations, as options. */
static int evaluation_select(request *r, const form_errors *fe)
{
	org_list orgs;
	if (orgs_of_area(&r->d, r->area, &orgs, &r->e) < 0)
		return -1;
	const char *chosen = form_get(r, "evaluation");
	form_select_begin(r, "evaluation", "Self-evaluation to assess", fe,
			  &(select_opts){.hint = "The assessor reads this one alone, with its evidence and reports."});
	form_option(r, "", "Choose a self-evaluation", !chosen || !*chosen);
	for (size_t i = 0; i < orgs.n; i++) {
		evaluation_list evs;
		if (evaluations_of_org(&r->d, orgs.items[i].id, &evs, &r->e) < 0)
			return -1;
		for (size_t k = 0; k < evs.n; k++)
			form_option_id(r, evs.items[k].id, orgs.items[i].name, evs.items[k].cycle, chosen);
	}
	form_select_end(r);
	return 0;
}

static int invite_form(request *r, const form_errors *fe)
{
	char today[11], until[11];
	date_today(today);
	gold_add_days(today, GOLD_ACCESS_DAYS_DEFAULT, until);
	page_begin(r, "Invite an assessor");
	htmlf(&r->out, "<a href=\"/area/%D/gold\" class=\"govuk-back-link\">Charter Gold</a><div class=\"govuk-grid-row\">"
		      "<div class=\"govuk-grid-column-two-thirds\">", r->area);
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Invite an assessor</h1><p class=\"govuk-body\">The assessor "
		      "can read one self-evaluation, its statements, evidence and files, reports and readiness page, "
		      "comment on each statement and record a decision, until the last day you choose (at most a year; "
		      "%d days unless you change it). Nothing else of the organisation is open to them.</p>"
		      "<form method=\"post\" action=\"/area/%D/gold/invite\" novalidate>", GOLD_ACCESS_DAYS_DEFAULT, r->area);
	form_csrf(r);
	form_input(r, "name", "Their name", form_get(r, "name"), fe, &(input_opts){.autocomplete = "off"});
	form_input(r, "email", "Their email address", form_get(r, "email"), fe,
		   &(input_opts){.type = "email", .autocomplete = "off",
				 .hint = "If they already have a copro account, use its address."});
	if (evaluation_select(r, fe) < 0)
		return page_error(r, &r->e);
	form_date(r, "until", "Last day of access", until, NULL, fe);
	form_button(r, "Create the invitation link");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
	r->status = fe && fe->n ? 400 : 200;
	return r->status;
}

/* ROUTE: GET /area/{area}/gold/invite (area administrator) */
static int page_invite(request *r)
{
	return invite_form(r, NULL);
}

static void invite_link(request *r, const char *name, const char *token, const char *until)
{
	char expires[21];
	time_iso(time_now_epoch() + 14 * 24 * 3600, expires);
	page_begin(r, "Invitation link");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<h1 class=\"govuk-heading-l\">Send this link to %t</h1>"
		      "<p class=\"govuk-body\">It lets %t join as the assessor until %t. The link works once, and stops "
		      "working on %t.</p><div class=\"govuk-inset-text\"><p class=\"govuk-body govuk-!-font-weight-bold "
		      "govuk-!-text-break-word\"><a class=\"govuk-link\" href=\"/join/%u\">/join/%t</a></p></div>"
		      "<p class=\"govuk-body\">Copy the link and send it to them yourself. copro does not send it.</p>"
		      "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
		      "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
		      "This is the only time copro shows this link. If it gets lost, invite them again.</strong></div>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/gold\">Back to Charter Gold</a></p>"
		      "</div></div>", name, name, date_words(r, until), time_words(r, expires), token, token, r->area);
	page_end(r);
}

/* ROUTE: POST /area/{area}/gold/invite (area administrator) */
static int page_invite_post(request *r)
{
	form_errors fe = {0};
	err e = {0};
	int64_t evaluation = 0, id;
	gold_invite in = {.name = form_trimmed(r, "name"), .email = form_trimmed(r, "email")};
	const date_rule rule = {.what = "the last day of access", .required = true, .when = DATE_FUTURE};
	in.until = form_date_posted(r, "until", &rule, &fe);
	if (!*in.name)
		form_error_add(&fe, "name", "Enter their name");
	if (!*in.email)
		form_error_add(&fe, "email", "Enter their email address");
	if (!text_id(form_get(r, "evaluation"), &evaluation))
		form_error_add(&fe, "evaluation", "Choose the self-evaluation to assess");
	in.evaluation = evaluation;
	char token[65];
	if (!fe.n && gold_invite_assessor(&r->d, &r->sess.user, r->area, &in, token, &id, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		const char *field = strstr(e.msg, "email") ? "email" : strstr(e.msg, "name") ? "name"
				  : strstr(e.msg, "self-evaluation") ? "evaluation" : "until";
		form_error_add(&fe, field, sentence(r, e.msg));
	}
	if (fe.n)
		return invite_form(r, &fe);
	invite_link(r, in.name, token, in.until);
	return 200;
}

const route area_gold_invite_routes[] = {
	{"GET", "/area/{area}/gold/invite", page_invite, 0, ACCESS_AREA},
	{"POST", "/area/{area}/gold/invite", page_invite_post, ROUTE_POST, ACCESS_AREA},
	{NULL, NULL, NULL, 0, ACCESS_NONE},
};

int gold_home_assessments(request *r, size_t *n)
{
	assessor_list as;
	*n = 0;
	if (gold_assessors_of_user(&r->d, r->sess.user.id, &as, &r->e) < 0)
		return -1;
	if (!as.n)
		return 0;
	*n = as.n;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Your assessments</h2><ul class=\"govuk-list\">");
	for (size_t i = 0; i < as.n; i++) {
		const assessor_row *a = &as.items[i];
		if (gold_access_current(a))
			htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/evaluation/%D/readiness\">%t, self-evaluation %t</a>: "
				      "you can read it and record your decision until %t.</li>",
			     a->organisation_id, a->evaluation_id, a->org_name, a->cycle, date_words(r, a->until));
		else
			htmlf(&r->out, "<li>%t, self-evaluation %t: your access has ended.</li>", a->org_name, a->cycle);
	}
	htmlf(&r->out, "</ul>");
	return 0;
}
