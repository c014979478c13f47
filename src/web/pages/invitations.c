/* invitations.c: an organisation's invitations not used yet
 * (/org/{org}/people/invitations): who, sent to which address, until
 * when; a new link for one (the old link stops working; emailed again
 * when it has an address) and cancelling one after a confirmation. Also
 * the page that shows a new link once. Leads only (checked by dispatch). */
#include <string.h>

#include "domain/invite.h"
#include "domain/mail.h"
#include "web/pages/pages.h"

int invitation_link_page(request *r, const char *name, const char *role_words, const char *token,
			 const char *email, const char *expires)
{
	const char *link = mail_link(&r->mem, arena_printf(&r->mem, "/join/%s", token));
	page_begin(r, email ? "Invitation sent" : "Invitation link");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	if (email)
		htmlf(&r->out, "<h1 class=\"govuk-heading-l\">We have emailed %t</h1>"
			      "<p class=\"govuk-body\">The email to <strong>%t</strong> has a link that lets %t join as %t. "
			      "It works once, and stops working on %t.</p>"
			      "<p class=\"govuk-body\">If the email does not arrive, you can send them this link yourself.</p>",
		     name, email, name, role_words, time_words(r, expires));
	else
		htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Send this link to %t</h1>"
			      "<p class=\"govuk-body\">It lets %t join as %t. It works once, and stops working on %t. "
			      "Send it to them yourself, by email or message.</p>",
		     name, name, role_words, time_words(r, expires));
	/* A read-only field: selectable and copyable without JavaScript;
	 * with it, the button copies in one press. The button is hidden by a
	 * class, since GOV.UK's button style would show it despite `hidden`. */
	htmlf(&r->out, "<div class=\"govuk-form-group\"><label class=\"govuk-label govuk-label--s\" for=\"invite-link\">"
		      "Invitation link</label><input class=\"govuk-input\" id=\"invite-link\" type=\"text\" readonly"
		      " spellcheck=\"false\" value=\"%a\"></div>"
		      "<button type=\"button\" class=\"govuk-button govuk-button--secondary govuk-!-display-none\" data-module=\"govuk-button\""
		      " data-copro-copy=\"invite-link\" hidden>Copy link</button>"
		      "<p class=\"govuk-visually-hidden\" aria-live=\"polite\" data-copro-copied=\"invite-link\"></p>"
		      "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
		      "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
		      "This is the only time copro shows this link. If it gets lost, make a new one from "
		      "the invitations not used yet.</strong></div>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/people/invitations\">Invitations not used yet</a></p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/people\">Back to people</a></p>"
		      "</div></div>", link, r->org, r->org);
	page_end(r);
	return 200;
}

static void invite_summary(request *r, const invite_row *v)
{
	htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%t"
		      "<br><span class=\"govuk-body-s govuk-!-font-weight-regular govuk-!-text-break-word\">%t</span></dt>"
		      "<dd class=\"govuk-summary-list__value\">Invited %t%t<br>Link works until %t</dd>"
		      "<dd class=\"govuk-summary-list__actions\">",
	     v->name, v->email ? v->email : "Link handed over, not emailed", date_words(r, arena_strndup(&r->mem, v->created_at, 10)),
	     v->invited_by ? arena_printf(&r->mem, " by %s", v->invited_by) : "", time_words(r, v->expires_at));
	htmlf(&r->out, "<form method=\"post\" action=\"/org/%D/people/invitations/%t/resend\" novalidate class=\"govuk-!-display-inline\">",
	     r->org, v->key);
	form_csrf(r);
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-1\" data-module=\"govuk-button\">"
		      "%t<span class=\"govuk-visually-hidden\"> for %t</span></button></form><br>"
		      "<a class=\"govuk-link\" href=\"/org/%D/people/invitations/%t/cancel\">Cancel"
		      "<span class=\"govuk-visually-hidden\"> the invitation of %t</span></a></dd></div>",
	     v->email ? "Send again" : "New link", v->name, r->org, v->key, v->name);
}

/* ROUTE: GET /org/{org}/people/invitations (lead) */
static int page_invitations(request *r)
{
	org_row o;
	invite_list l;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 || invitations_open(&r->d, r->org, &l, &r->e) < 0)
		return page_failed(r);
	page_begin(r, "Invitations not used yet");
	htmlf(&r->out, "<a href=\"/org/%D/people\" class=\"govuk-back-link\">People</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org);
	const char *done = query_get(r, "done");
	if (done && !strcmp(done, "resent"))
		notice_success(r, "A new link has been emailed. The old link no longer works");
	else if (done && !strcmp(done, "cancelled"))
		notice_success(r, "The invitation has been cancelled. Its link no longer works");
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Invitations not used yet</h1>"
		      "<p class=\"govuk-body\">Each link works once, for 14 days. A new link replaces the old one, "
		      "which stops working; copro emails it when the invitation has an email address.</p>", o.name);
	if (!l.n)
		htmlf(&r->out, "<p class=\"govuk-body\">Every invitation has been used, has run out or was cancelled.</p>");
	else {
		htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
		for (size_t i = 0; i < l.n; i++)
			invite_summary(r, &l.items[i]);
		htmlf(&r->out, "</dl>");
	}
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/people#invite\">Invite someone</a></p>"
		      "</div></div>", r->org);
	page_end(r);
	return 200;
}

/* ROUTE: POST /org/{org}/people/invitations/{invitation}/resend (lead) */
static int page_invitation_resend(request *r)
{
	char token[65];
	invite_row v;
	err e = {0};
	if (invitation_resend(&r->d, &r->sess.user, r->org, param_named(r, "invitation"), token, &v, &e) < 0)
		return e.kind == ERR_NOTFOUND ? page_not_found(r) : page_error(r, &e);
	if (v.email)
		return web_redirect(r, arena_printf(&r->mem, "/org/%lld/people/invitations?done=resent", (long long)r->org));
	/* No address: the new link is shown once, as after inviting. */
	return invitation_link_page(r, v.name, invitation_role_words(v.role), token, NULL, v.expires_at);
}

/* ROUTE: GET /org/{org}/people/invitations/{invitation}/cancel (lead) */
static int page_invitation_cancel(request *r)
{
	invite_row v;
	err e = {0};
	if (invitation_find(&r->d, r->org, param_named(r, "invitation"), &v, &e) < 0)
		return e.kind == ERR_NOTFOUND ? page_not_found(r) : page_error(r, &e);
	page_begin(r, "Cancel the invitation");
	htmlf(&r->out, "<a href=\"/org/%D/people/invitations\" class=\"govuk-back-link\">Invitations not used yet</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<h1 class=\"govuk-heading-l\">Cancel the invitation of %t?</h1>"
		      "<p class=\"govuk-body\">Its link stops working at once. You can invite them again later.</p>"
		      "<form method=\"post\" action=\"/org/%D/people/invitations/%t/cancel\" novalidate>",
	     r->org, v.name, r->org, v.key);
	form_csrf(r);
	htmlf(&r->out, "<div class=\"govuk-button-group\"><button type=\"submit\" class=\"govuk-button govuk-button--warning\""
		      " data-module=\"govuk-button\">Cancel the invitation</button>"
		      "<a class=\"govuk-link\" href=\"/org/%D/people/invitations\">Keep it</a></div></form></div></div>", r->org);
	page_end(r);
	return 200;
}

/* ROUTE: POST /org/{org}/people/invitations/{invitation}/cancel (lead) */
static int page_invitation_cancel_post(request *r)
{
	invite_row v;
	err e = {0};
	if (invitation_cancel(&r->d, &r->sess.user, r->org, param_named(r, "invitation"), &v, &e) < 0)
		return e.kind == ERR_NOTFOUND ? page_not_found(r) : page_error(r, &e);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/people/invitations?done=cancelled", (long long)r->org));
}

const route invitation_routes[] = {
	{"GET", "/org/{org}/people/invitations", page_invitations, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/people/invitations/{invitation}/resend", page_invitation_resend, ROUTE_POST, ACCESS_LEAD},
	{"GET", "/org/{org}/people/invitations/{invitation}/cancel", page_invitation_cancel, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/people/invitations/{invitation}/cancel", page_invitation_cancel_post, ROUTE_POST,
	 ACCESS_LEAD},
	{0},
};
