/* people_account.c: an area administrator turning a member's account off
 * and on again, or deleting it (UK GDPR erasure), from the member's page:
 * the section on /org/{org}/people/{member} and a confirmation page for
 * each (GET asks, POST does). domain/account_life.h does the work. */
#include <string.h>
#include <strings.h>

#include "domain/account_life.h"
#include "web/pages/pages.h"

/* Membership {member} of this organisation, as people.c loads it. */
static int load(request *r, membership_row *m)
{
	int64_t id = param_id(r, 1);
	err e = {0};
	if (!id)
		return page_not_found(r);
	return membership_get_in_org(&r->d, r->org, id, m, &e) < 0 ? page_lookup_failed(r, &e) : 0;
}

static const char *member_path(request *r, const membership_row *m)
{
	return arena_printf(&r->mem, "/org/%lld/people/%lld", (long long)r->org, (long long)m->id);
}

/* Why this person's account may not be turned off or deleted by the
 * signed-in administrator (NULL: it may), or the 500 page's status. */
static int refusal(request *r, const membership_row *m, const char **why)
{
	return account_life_refusal(&r->d, &r->sess.user, m->user_id, m->user_name, why, &r->e) < 0 ? page_failed(r)
												       : 0;
}

void account_notice(request *r)
{
	const char *what = query_get(r, "account");
	if (!what)
		return;
	if (!strcmp(what, "off"))
		notice_success(r, "Their account is turned off: they have been signed out everywhere and cannot sign in.");
	else if (!strcmp(what, "on"))
		notice_success(r, "Their account is turned on again: they can sign in with their password.");
	else if (!strcmp(what, "deleted"))
		notice_success(r, "The account is deleted. What they added stays, shown as made by \"" FORMER_MEMBER "\".");
}

void account_member_section(request *r, const membership_row *m)
{
	if (r->access != ACCESS_AREA)
		return;
	const char *why;
	err e = {0};
	/* Part of a page already begun: a failed check leaves the section out. */
	if (account_life_refusal(&r->d, &r->sess.user, m->user_id, m->user_name, &why, &e) < 0)
		return;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Their account</h2>");
	if (m->user_disabled_at)
		htmlf(&r->out, "<p class=\"govuk-body\"><strong class=\"govuk-tag govuk-tag--grey\">Turned off</strong> "
			       "since %t. %t cannot sign in.</p>"
			       "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a/enable\">Turn the account back on"
			       "<span class=\"govuk-visually-hidden\"> for %t</span></a></p>",
		      date_words(r, arena_strndup(&r->mem, m->user_disabled_at, 10)), m->user_name, member_path(r, m),
		      m->user_name);
	if (why) {
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", why);
		return;
	}
	if (!m->user_disabled_at)
		htmlf(&r->out, "<p class=\"govuk-body\">Turn it off when %t should not sign in for now: "
			       "everything stays, and you can turn it on again.</p>"
			       "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a/disable\">Turn off the account"
			       "<span class=\"govuk-visually-hidden\"> of %t</span></a></p>",
		      m->user_name, member_path(r, m), m->user_name);
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a/delete\">Delete the account"
		       "<span class=\"govuk-visually-hidden\"> of %t</span></a> (when they have left for good)</p>",
	      member_path(r, m), m->user_name);
}

/* The top of a confirmation page: back link, errors, caption, heading. */
static void confirm_begin(request *r, const membership_row *m, const char *title, const form_errors *fe)
{
	page_begin(r, title);
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">%t</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	      member_path(r, m), m->user_name);
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>", m->user_email,
	      title);
}

static void confirm_end(request *r, const membership_row *m, const char *button, bool warning)
{
	htmlf(&r->out, "<div class=\"govuk-button-group\"><button type=\"submit\" class=\"govuk-button%a\""
		       " data-module=\"govuk-button\">%t</button>"
		       "<a class=\"govuk-link\" href=\"%a\">Cancel</a></div></form></div></div>",
	      warning ? " govuk-button--warning" : "", button, member_path(r, m));
	page_end(r);
}

/* A refusal in words instead of the form (id "why", where a refused
 * POST's error summary links). */
static int refused_page(request *r, const membership_row *m, const char *title, const char *why,
			const form_errors *fe)
{
	confirm_begin(r, m, title, fe);
	htmlf(&r->out, "<p class=\"govuk-body\" id=\"why\">%t</p><p class=\"govuk-body\">"
		       "<a class=\"govuk-link\" href=\"%a\">Back to %t</a></p></div></div>",
	      why, member_path(r, m), m->user_name);
	page_end(r);
	return fe ? 400 : 200;
}

/* ---- turning off and on ------------------------------------------------ */

static int off_page(request *r, const membership_row *m, const form_errors *fe)
{
	const char *title = arena_printf(&r->mem, "Turn off %s's account", m->user_name), *why;
	int st = refusal(r, m, &why);
	if (st)
		return st;
	if (why)
		return refused_page(r, m, title, why, fe);
	confirm_begin(r, m, title, fe);
	htmlf(&r->out, "<ul class=\"govuk-list govuk-list--bullet\">"
		       "<li>%t is signed out everywhere at once and cannot sign in.</li>"
		       "<li>Everything they added stays, and they stay a member of their organisations.</li>"
		       "<li>copro stops emailing them.</li>"
		       "<li>An area administrator can turn the account on again.</li></ul>"
		       "<form method=\"post\" action=\"%a/disable\" novalidate>",
	      m->user_name, member_path(r, m));
	form_csrf(r);
	confirm_end(r, m, "Turn off the account", true);
	return 200;
}

/* ROUTE: GET /org/{org}/people/{member}/disable (area administrator) */
static int page_disable(request *r)
{
	membership_row m;
	int st = load(r, &m);
	return st ? st : off_page(r, &m, NULL);
}

/* ROUTE: POST /org/{org}/people/{member}/disable (area administrator) */
static int page_disable_post(request *r)
{
	membership_row m;
	int st = load(r, &m);
	if (st)
		return st;
	err e = {0};
	if (account_set_disabled(&r->d, &r->sess.user, m.user_id, true, &e) < 0) {
		if (e.kind != ERR_CONFLICT)
			return page_error(r, &e);
		form_errors fe = {0};
		form_error_add(&fe, "why", e.msg);
		return off_page(r, &m, &fe);
	}
	return web_redirect(r, arena_printf(&r->mem, "%s?account=off", member_path(r, &m)));
}

/* ROUTE: GET /org/{org}/people/{member}/enable (area administrator) */
static int page_enable(request *r)
{
	membership_row m;
	int st = load(r, &m);
	if (st)
		return st;
	confirm_begin(r, &m, arena_printf(&r->mem, "Turn %s's account back on", m.user_name), NULL);
	htmlf(&r->out, "<p class=\"govuk-body\">%t can sign in again with their password, with the roles "
		       "they had. copro emails them again as they chose.</p>"
		       "<form method=\"post\" action=\"%a/enable\" novalidate>",
	      m.user_name, member_path(r, &m));
	form_csrf(r);
	confirm_end(r, &m, "Turn the account on", false);
	return 200;
}

/* ROUTE: POST /org/{org}/people/{member}/enable (area administrator) */
static int page_enable_post(request *r)
{
	membership_row m;
	int st = load(r, &m);
	if (st)
		return st;
	err e = {0};
	if (account_set_disabled(&r->d, &r->sess.user, m.user_id, false, &e) < 0)
		return page_error(r, &e);
	return web_redirect(r, arena_printf(&r->mem, "%s?account=on", member_path(r, &m)));
}

/* ---- deleting ---------------------------------------------------------- */

static int delete_page(request *r, const membership_row *m, const form_errors *fe)
{
	const char *title = arena_printf(&r->mem, "Delete %s's account", m->user_name), *why;
	int st = refusal(r, m, &why);
	if (st)
		return st;
	if (why)
		return refused_page(r, m, title, why, fe);
	confirm_begin(r, m, title, fe);
	htmlf(&r->out, "<p class=\"govuk-body\">Delete an account when the person has left for good and asks "
		       "to be forgotten. It cannot be undone: to stop them signing in for now, turn the account off instead.</p>"
		       "<h2 class=\"govuk-heading-s\">What stays</h2><ul class=\"govuk-list govuk-list--bullet\">"
		       "<li>Everything they added: evidence, actions, audits, views, comments and the activity log.</li>"
		       "<li>Where copro shows who did something, %t becomes \"" FORMER_MEMBER "\".</li>"
		       "<li>Names typed as text (for example in evidence or an audit's people) stay as typed: "
		       "edit them where they are.</li></ul>"
		       "<h2 class=\"govuk-heading-s\">What goes</h2><ul class=\"govuk-list govuk-list--bullet\">"
		       "<li>Their account, and their place in every organisation.</li>"
		       "<li>Their notifications, the emails waiting for them, and where they are signed in.</li></ul>"
		       "<form method=\"post\" action=\"%a/delete\" novalidate>",
	      m->user_name, member_path(r, m));
	form_csrf(r);
	form_input(r, "email", "To confirm, type their email address", fe && fe->n ? form_get(r, "email") : NULL, fe,
		   &(input_opts){.type = "email", .autocomplete = "off",
				 .hint = arena_printf(&r->mem, "Their email address is %s", m->user_email)});
	confirm_end(r, m, "Delete the account", true);
	return fe && fe->n ? 400 : 200;
}

/* ROUTE: GET /org/{org}/people/{member}/delete (area administrator) */
static int page_delete(request *r)
{
	membership_row m;
	int st = load(r, &m);
	return st ? st : delete_page(r, &m, NULL);
}

/* ROUTE: POST /org/{org}/people/{member}/delete (area administrator) */
static int page_delete_post(request *r)
{
	membership_row m;
	int st = load(r, &m);
	if (st)
		return st;
	const char *typed = form_trimmed(r, "email");
	form_errors fe = {0};
	err e = {0};
	if (!*typed)
		form_error_add(&fe, "email", "Type their email address to confirm that you mean to delete the account");
	else if (strcasecmp(typed, m.user_email))
		form_error_add(&fe, "email", arena_printf(&r->mem, "Type their email address as it is shown: %s",
							  m.user_email));
	else if (account_delete(&r->d, &r->sess.user, m.user_id, &e) < 0) {
		if (e.kind != ERR_CONFLICT)
			return page_error(r, &e);
		form_error_add(&fe, "why", e.msg);
	}
	if (fe.n)
		return delete_page(r, &m, &fe);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/people?account=deleted", (long long)r->org));
}

const route people_account_routes[] = {
	{"GET", "/org/{org}/people/{member}/disable", page_disable, 0, ACCESS_AREA},
	{"POST", "/org/{org}/people/{member}/disable", page_disable_post, ROUTE_POST, ACCESS_AREA},
	{"GET", "/org/{org}/people/{member}/enable", page_enable, 0, ACCESS_AREA},
	{"POST", "/org/{org}/people/{member}/enable", page_enable_post, ROUTE_POST, ACCESS_AREA},
	{"GET", "/org/{org}/people/{member}/delete", page_delete, 0, ACCESS_AREA},
	{"POST", "/org/{org}/people/{member}/delete", page_delete_post, ROUTE_POST, ACCESS_AREA},
	{0},
};
