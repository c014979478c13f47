/* people.c: for organisation leads and area administrators: who is in the
 * organisation (/org/{org}/people), inviting someone (a one-time link the
 * lead sends themselves), changing a person's role or removing them. The
 * activity log is in activity.c. */
#include <string.h>

#include "core/text.h"
#include "domain/invite.h"
#include "domain/mail.h"
#include "web/pages/pages.h"

static const char *const roles[] = {
	"lead", "Organisation lead",
	"contributor", "Contributor",
	"viewer", "Viewer", NULL};

static const char *const partner_groups[] = {
	"children-and-young-people", "Children and young people",
	"parent-carers", "Parent carers",
	"practitioners", "Practitioners (including leaders and governors)", NULL};

#define ROLE_HINT "Leads manage people and the self-evaluation. Contributors add evidence and actions. Viewers can read everything."
#define GROUP_HINT "The partner group this person speaks for."

static const char *label(const char *const *options, const char *value, const char *none)
{
	return pair_label(options, value, text_blank(value) ? none : value);
}

static bool known(const char *const *options, const char *value)
{
	return pair_label(options, value, NULL) != NULL;
}

/* Roles and groups in the middle of a sentence. */
static const char *const role_words[] = {
	"lead", "an organisation lead",
	"contributor", "a contributor",
	"viewer", "a viewer", NULL};

static const char *const role_nouns[] = {
	"lead", "organisation lead",
	"contributor", "contributor",
	"viewer", "viewer", NULL};

static const char *const group_words[] = {
	"children-and-young-people", "children and young people",
	"parent-carers", "parent carers",
	"practitioners", "practitioners", NULL};

/* " (parent carers)", or nothing when no group is given. */
static const char *group_suffix(request *r, const char *group)
{
	return text_blank(group) ? "" : arena_printf(&r->mem, " (%s)", label(group_words, group, group));
}

/* Membership {member} when it is of this organisation (another's does not
 * exist here); 0, or the status of the error page written. */
static int load_member(request *r, membership_row *m)
{
	int64_t id = param_id(r, 1);
	err e = {0};
	if (!id)
		return page_not_found(r);
	return membership_get_in_org(&r->d, r->org, id, m, &e) < 0 ? page_lookup_failed(r, &e) : 0;
}

/* ---- the list and the invitation form -------------------------------- */

static void invite_form(request *r, const form_errors *fe)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"invite\">Invite someone</h2>"
		      "<p class=\"govuk-body\">copro makes a link that lets one person join. Give their email "
		      "address and copro emails it to them; leave it out and you send the link yourself.</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/people/invitations\">"
		      "Invitations not used yet</a></p>"
		      "<form method=\"post\" action=\"/org/%D/people/invite\" novalidate>", r->org, r->org);
	form_csrf(r);
	form_input(r, "name", "Their name", form_get(r, "name"), fe,
		   &(input_opts){.width = "20", .autocomplete = "off"});
	form_input(r, "email", "Their email address (optional)", form_get(r, "email"), fe,
		   &(input_opts){.type = "email", .autocomplete = "off", .hint = "copro emails them the link"});
	form_radios(r, "role", "Role", roles, form_get(r, "role"), ROLE_HINT, fe);
	form_radios(r, "group", "Partner group (optional)", partner_groups, form_get(r, "group"),
		    GROUP_HINT, fe);
	form_button(r, "Create invitation link");
	htmlf(&r->out, "</form>");
}

static int people(request *r, const form_errors *fe)
{
	org_row o;
	membership_list ms;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 ||
	    memberships_of_org(&r->d, r->org, &ms, &r->e) < 0)
		return page_failed(r);
	page_begin(r, "People");
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>", r->org, o.name);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	if (!fe || !fe->n)
		account_notice(r);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">People</h1>",
	     o.name);
	if (!ms.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">Nobody has joined yet.</p>");
	} else {
		/* A summary list rather than a table: email addresses do not
		 * fit a phone's width in a table. */
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Members</h2><dl class=\"govuk-summary-list\">");
		for (size_t i = 0; i < ms.n; i++) {
			const membership_row *m = &ms.items[i];
			htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%t%R",
			     m->user_name, m->user_id == r->sess.user.id ? " (you)" : "");
			if (m->user_disabled_at)
				htmlf(&r->out, " <strong class=\"govuk-tag govuk-tag--grey\">Turned off</strong>");
			htmlf(&r->out, "<br><span class=\"govuk-body-s govuk-!-font-weight-regular\">%t</span></dt>"
				      "<dd class=\"govuk-summary-list__value\">%t<br>%t</dd>"
				      "<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"/org/%D/people/%D\">"
				      "Change<span class=\"govuk-visually-hidden\"> role or remove: %t</span></a></dd></div>",
			     m->user_email,
			     label(roles, m->role, m->role),
			     label(partner_groups, m->partner_group, "Partner group not recorded"),
			     r->org, m->id, m->user_name);
		}
		htmlf(&r->out, "</dl>");
	}
	invite_form(r, fe);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Who changed what</h2><p class=\"govuk-body\">"
		      "<a class=\"govuk-link\" href=\"/org/%D/activity\">Activity log</a></p></div></div>", r->org);
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

/* ROUTE: GET /org/{org}/people (lead) */
static int page_people(request *r)
{
	return people(r, NULL);
}

/* ROUTE: GET /org/{org}/people/invite (lead) */
static int page_invite(request *r)
{
	return people(r, NULL);     /* the invitation form is on the people page */
}

/* ROUTE: POST /org/{org}/people/invite (lead) */
static int page_invite_post(request *r)
{
	const char *name = form_get(r, "name"), *role = form_get(r, "role");
	const char *group = form_get(r, "group"), *email = form_get(r, "email");
	form_errors fe = {0};
	err e = {0};
	if (text_check_line("Their name", name, true, &e) < 0)
		form_error_add(&fe, "name", text_blank(name) ? "Enter their name" : sentence(r, e.msg));
	if (!text_blank(email) && mail_address_check("their email address", email, &e) < 0)
		form_error_add(&fe, "email", sentence(r, e.msg));
	if (!known(roles, role))
		form_error_add(&fe, "role", "Choose a role");
	if (!text_blank(group) && !known(partner_groups, group))
		form_error_add(&fe, "group", "Choose a partner group from the list");
	char token[65];
	if (!fe.n && invitation_create(&r->d, r->sess.user.id, r->org, role, group, name, token, &e) < 0)
		form_error_add(&fe, "name", sentence(r, e.msg));
	if (fe.n)
		return people(r, &fe);
	/* The email goes in the request's transaction: if it cannot be
	 * queued, there is no invitation either. */
	if (!text_blank(email) && invitation_email(&r->d, &r->sess.user, r->org, token, email, &r->e) < 0)
		return page_error(r, &r->e);
	if (page_log(r, arena_printf(&r->mem, "invited %s as %s%s%s", name, label(role_words, role, role),
				      group_suffix(r, group), text_blank(email) ? "" : " by email")) < 0)
		return page_error(r, &r->e);
	char expires[21];
	time_iso(time_now_epoch() + 14 * 24 * 3600, expires);
	return invitation_link_page(r, name, label(role_words, role, role), token,
				    text_blank(email) ? NULL : email, expires);
}

/* ---- one member ------------------------------------------------------ */

static int member_page(request *r, const membership_row *m, const form_errors *fe,
		       const char *role, const char *group)
{
	bool self = m->user_id == r->sess.user.id;
	page_begin(r, m->user_name);
	htmlf(&r->out, "<a href=\"/org/%D/people\" class=\"govuk-back-link\">People</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org);
	form_error_summary(r, fe);
	if (!fe || !fe->n) {
		reset_notice(r);
		account_notice(r);
	}
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%R</span><h1 class=\"govuk-heading-l\">%t</h1>"
		      "<dl class=\"govuk-summary-list\">"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Email address</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div>"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Role</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div>"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Partner group</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div></dl>",
	     self ? "This is you" : "Member", m->user_name, m->user_email, label(roles, m->role, m->role),
	     label(partner_groups, m->partner_group, "Not recorded"));

	reset_member_section(r, m);
	account_member_section(r, m);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Change role</h2>"
		      "<form method=\"post\" action=\"/org/%D/people/%D/role\" novalidate>", r->org, m->id);
	form_csrf(r);
	form_radios(r, "role", "Role", roles, role, ROLE_HINT, fe);
	form_radios(r, "group", "Partner group", partner_groups, group, GROUP_HINT, fe);
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">"
		      "Save role<span class=\"govuk-visually-hidden\"> for %t</span></button></form>", m->user_name);

	const char *msg = form_error_for(fe, "remove");
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Remove from the organisation</h2>"
		      "<form method=\"post\" action=\"/org/%D/people/%D/remove\" novalidate>"
		      "<div class=\"govuk-form-group%R\">", r->org, m->id, msg ? " govuk-form-group--error" : "");
	form_csrf(r);
	if (msg)
		htmlf(&r->out, "<p id=\"remove-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> %t</p>", msg);
	if (self)
		htmlf(&r->out, "<p class=\"govuk-body\">You will no longer see or change anything here. "
			      "What you added stays. If this is your only organisation, you are signed out at once.</p>");
	else
		htmlf(&r->out, "<p class=\"govuk-body\">%t will no longer see or change anything here. "
			      "What they added stays. If this is their only organisation, they are signed out at once.</p>",
		     m->user_name);
	htmlf(&r->out, "<button type=\"submit\" id=\"remove\" class=\"govuk-button govuk-button--warning\" data-module=\"govuk-button\"%R>"
		      "Remove %t</button></div></form></div></div>",
	     msg ? " aria-describedby=\"remove-error\"" : "", self ? "yourself" : m->user_name);
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

/* ROUTE: GET /org/{org}/people/{member} (lead) */
static int page_member(request *r)
{
	membership_row m;
	int st = load_member(r, &m);
	if (st)
		return st;
	return member_page(r, &m, NULL, m.role, m.partner_group);
}

/* ROUTE: POST /org/{org}/people/{member}/role (lead) */
static int page_member_role_post(request *r)
{
	membership_row m;
	int st = load_member(r, &m);
	if (st)
		return st;
	const char *role = form_get(r, "role"), *group = form_get(r, "group");
	form_errors fe = {0};
	err e = {0};
	if (!known(roles, role))
		form_error_add(&fe, "role", "Choose a role");
	if (!text_blank(group) && !known(partner_groups, group))
		form_error_add(&fe, "group", "Choose a partner group from the list");
	if (!fe.n && membership_change(&r->d, r->sess.user.id, r->org, m.id, role, group, &e) < 0) {
		if (e.kind == ERR_NOTFOUND)
			return page_not_found(r);
		form_error_add(&fe, "role", sentence(r, e.msg));
	}
	if (fe.n)
		return member_page(r, &m, &fe, role, group);
	if (page_log(r, arena_printf(&r->mem, "changed %s's role to %s%s", m.user_name,
				      label(role_nouns, role, role), group_suffix(r, group))) < 0)
		return page_error(r, &r->e);
	/* Someone who stepped down from lead can no longer see this list. */
	if (m.user_id == r->sess.user.id && strcmp(role, "lead") && r->access < ACCESS_AREA)
		return web_redirect(r, arena_printf(&r->mem, "/org/%lld", (long long)r->org));
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/people", (long long)r->org));
}

/* ROUTE: POST /org/{org}/people/{member}/remove (lead) */
static int page_member_remove_post(request *r)
{
	membership_row m;
	int st = load_member(r, &m);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	bool signed_out;
	if (membership_remove(&r->d, r->sess.user.id, r->org, m.id, &signed_out, &e) < 0) {
		if (e.kind == ERR_NOTFOUND)
			return page_not_found(r);
		form_error_add(&fe, "remove", sentence(r, e.msg));
		return member_page(r, &m, &fe, m.role, m.partner_group);
	}
	if (page_log(r, arena_printf(&r->mem, "removed %s, %s, from the organisation%s", m.user_name,
				      label(role_words, m.role, m.role),
				      signed_out ? " and signed them out" : "")) < 0)
		return page_error(r, &r->e);
	if (m.user_id == r->sess.user.id) {
		if (signed_out)
			web_set_session_cookie(r, NULL);
		return web_redirect(r, signed_out ? "/sign-in" : "/");
	}
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/people", (long long)r->org));
}

const route people_routes[] = {
	{"GET", "/org/{org}/people", page_people, 0, ACCESS_LEAD},
	/* Before {member}, which "invite" would match. */
	{"GET", "/org/{org}/people/invite", page_invite, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/people/invite", page_invite_post, ROUTE_POST, ACCESS_LEAD},
	{"GET", "/org/{org}/people/{member}", page_member, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/people/{member}/role", page_member_role_post, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/people/{member}/remove", page_member_remove_post, ROUTE_POST, ACCESS_LEAD},
	{0},
};
