/* password.c: changing your password (/account/password), resetting a
 * forgotten one by email (/reset, /reset/{token}), an area administrator
 * starting a reset for a member, and GOV.UK's password input (show and
 * hide) that the two-factor pages use too. */
#include <string.h>

#include "domain/password_reset.h"
#include "web/pages/pages.h"

void password_input(request *r, const char *name, const char *label, const char *hint,
		    const char *autocomplete, const form_errors *fe)
{
	const char *msg = form_group_begin(r, name, fe);
	htmlf(&r->out, "<div class=\"govuk-password-input\" data-module=\"govuk-password-input\">"
		       "<label class=\"govuk-label\" for=\"%a\">%t</label>", name, label);
	if (hint)
		htmlf(&r->out, "<div id=\"%a-hint\" class=\"govuk-hint\">%t</div>", name, hint);
	form_error_message(r, name, msg);
	htmlf(&r->out, "<div class=\"govuk-input__wrapper govuk-password-input__wrapper\">"
		       "<input class=\"govuk-input govuk-password-input__input govuk-js-password-input-input%a\""
		       " id=\"%a\" name=\"%a\" type=\"password\" spellcheck=\"false\" autocapitalize=\"none\""
		       " autocomplete=\"%a\"", msg ? " govuk-input--error" : "", name, name, autocomplete);
	if (hint && msg)
		htmlf(&r->out, " aria-describedby=\"%a-hint %a-error\"", name, name);
	else if (hint || msg)
		htmlf(&r->out, " aria-describedby=\"%a-%a\"", name, hint ? "hint" : "error");
	htmlf(&r->out, "><button type=\"button\" class=\"govuk-button govuk-button--secondary govuk-password-input__toggle"
		       " govuk-js-password-input-toggle\" data-module=\"govuk-button\" aria-controls=\"%a\""
		       " aria-label=\"Show password\" hidden>Show</button></div></div></div>", name);
}

#define NEW_PASSWORD_HINT "At least 12 characters. Three or four words that have nothing to do with each other work well."

static void change_form(request *r, const form_errors *fe)
{
	page_begin(r, "Change your password");
	htmlf(&r->out, "<a href=\"/account/two-factor\" class=\"govuk-back-link\">Sign-in and security</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Change your password</h1>"
		       "<p class=\"govuk-body\">You will stay signed in here. Anywhere else you are signed in "
		       "(another browser, phone or computer) will be signed out.</p>"
		       "<form method=\"post\" action=\"/account/password\" novalidate>");
	form_csrf(r);
	password_input(r, "current", "Current password", NULL, "current-password", fe);
	password_input(r, "password", "New password", NEW_PASSWORD_HINT, "new-password", fe);
	form_button(r, "Change password");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* ROUTE: GET /account/password (signed in) */
static int page_password(request *r)
{
	change_form(r, NULL);
	return 200;
}

/* ROUTE: POST /account/password (signed in) */
static int page_password_post(request *r)
{
	form_errors fe = {0};
	err e = {0};
	const char *current = form_get(r, "current"), *password = form_get(r, "password");
	if (text_blank(current))
		form_error_add(&fe, "current", "Enter your current password");
	if (text_blank(password))
		form_error_add(&fe, "password", "Enter a new password");
	if (!fe.n && password_change(&r->d, &r->sess, current, password, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, strstr(e.msg, "current password") ? "current" : "password",
			       arena_strdup(&r->mem, e.msg));
	}
	if (fe.n) {
		r->status = 400;
		change_form(r, &fe);
		return 400;
	}
	return web_redirect(r, "/account/two-factor?saved=password");
}

static void reset_form(request *r, const form_errors *fe)
{
	page_begin(r, "Reset your password");
	htmlf(&r->out, "<a href=\"/sign-in\" class=\"govuk-back-link\">Sign in</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Reset your password</h1>"
		       "<p class=\"govuk-body\">Enter the email address you sign in with. If it has a copro account, "
		       "we will email it a link to choose a new password. The link works once, for an hour.</p>"
		       "<form method=\"post\" action=\"/reset\" novalidate>");
	form_csrf(r);
	form_input(r, "email", "Email address", form_get(r, "email"), fe,
		   &(input_opts){.type = "email", .autocomplete = "email"});
	form_button(r, "Send the link");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* ROUTE: GET /reset (public) */
static int page_reset(request *r)
{
	reset_form(r, NULL);
	return 200;
}

/* ROUTE: POST /reset (public) */
static int page_reset_post(request *r)
{
	form_errors fe = {0};
	err e = {0};
	const char *email = form_trimmed(r, "email");
	if (!*email)
		form_error_add(&fe, "email", "Enter your email address");
	else if (reset_request(&r->d, email, r->address, &e) < 0) {
		if (e.kind != ERR_INPUT && e.kind != ERR_BUSY)
			return page_error(r, &e);
		form_error_add(&fe, "email", e.kind == ERR_INPUT
			       ? "Enter an email address in the right format, like name@example.org"
			       : arena_strdup(&r->mem, e.msg));
	}
	if (fe.n) {
		r->status = page_refused_status(r, &e, e.kind == ERR_BUSY ? 429 : 400);
		reset_form(r, &fe);
		return r->status;
	}
	/* The same answer whether or not the address has an account. */
	return web_redirect(r, "/sign-in?reset=sent");
}

static int link_gone(request *r)
{
	r->status = 410;
	page_begin(r, "This link has expired or has been used");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		       "<h1 class=\"govuk-heading-l\">This link has expired or has been used</h1>"
		       "<p class=\"govuk-body\">A link to reset your password works once, for an hour after it was sent.</p>"
		       "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/reset\">Ask for a new link</a></p>"
		       "</div></div>");
	page_end(r);
	return 410;
}

static void new_password_form(request *r, const user_row *who, const form_errors *fe)
{
	page_begin(r, "Choose a new password");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Choose a new password</h1>"
		       "<p class=\"govuk-body\">For %t (%t). Once it is saved, you are signed out everywhere, "
		       "and sign in again with the new password.</p>"
		       "<form method=\"post\" action=\"/reset/%u\" novalidate>", who->name, who->email, r->params[0]);
	form_csrf(r);
	password_input(r, "password", "New password", NEW_PASSWORD_HINT, "new-password", fe);
	form_button(r, "Save the new password");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* ROUTE: GET /reset/{token} (public) */
static int page_reset_token(request *r)
{
	user_row who;
	err e = {0};
	int live = reset_check(&r->d, r->params[0], &who, &e);
	if (live < 0)
		return page_error(r, &e);
	if (!live)
		return link_gone(r);
	new_password_form(r, &who, NULL);
	return 200;
}

/* ROUTE: POST /reset/{token} (public) */
static int page_reset_token_post(request *r)
{
	user_row who;
	err e = {0};
	form_errors fe = {0};
	int live = reset_check(&r->d, r->params[0], &who, &e);
	if (live < 0)
		return page_error(r, &e);
	if (!live)
		return link_gone(r);
	const char *password = form_get(r, "password");
	if (text_blank(password))
		form_error_add(&fe, "password", "Enter a new password");
	else if (reset_finish(&r->d, r->params[0], password, &e) < 0) {
		if (e.kind == ERR_NOTFOUND)
			return link_gone(r);
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, "password", arena_strdup(&r->mem, e.msg));
	}
	if (fe.n) {
		r->status = 400;
		new_password_form(r, &who, &fe);
		return 400;
	}
	web_set_session_cookie(r, NULL);
	return web_redirect(r, "/sign-in?reset=done");
}

void reset_notice(request *r)
{
	const char *reset = query_get(r, "reset");
	if (!reset)
		return;
	if (!strcmp(reset, "sent"))
		notice_success(r, "If that address has a copro account, we have emailed it a link to reset the password. "
				  "Check your email, and your spam folder, within the hour.");
	else if (!strcmp(reset, "done"))
		notice_success(r, "Your password has been reset and you have been signed out everywhere. "
				  "Sign in with your new password.");
	else if (!strcmp(reset, "member"))
		notice_success(r, "We have emailed them a link to reset their password. It works once, for an hour.");
}

void reset_member_section(request *r, const membership_row *m)
{
	if (r->access != ACCESS_AREA || m->user_id == r->sess.user.id)
		return;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Password</h2>"
		       "<p class=\"govuk-body\">If %t cannot sign in, you can email them a link to choose a new "
		       "password. Their password stays as it is until they use it.</p>"
		       "<form method=\"post\" action=\"/org/%D/people/%D/reset\" novalidate>", m->user_name, r->org, m->id);
	form_csrf(r);
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">"
		       "Email a password reset link<span class=\"govuk-visually-hidden\"> to %t</span></button></form>",
	      m->user_name);
}

/* ROUTE: POST /org/{org}/people/{member}/reset (area administrator) */
static int page_member_reset_post(request *r)
{
	membership_row m;
	err e = {0};
	int64_t id = param_id(r, 1);
	if (!id || membership_get_in_org(&r->d, r->org, id, &m, &e) < 0)
		return id ? page_lookup_failed(r, &e) : page_not_found(r);
	if (reset_by_admin(&r->d, &r->sess.user, r->org, m.user_id, &e) < 0)
		return e.kind == ERR_NOTFOUND ? page_not_found(r) : page_error(r, &e);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/people/%lld?reset=member", (long long)r->org,
					    (long long)m.id));
}

const route password_routes[] = {
	{"GET", "/account/password", page_password, 0, ACCESS_NONE},
	{"POST", "/account/password", page_password_post, ROUTE_POST | ROUTE_HASH, ACCESS_NONE},
	{"GET", "/reset", page_reset, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/reset", page_reset_post, ROUTE_PUBLIC | ROUTE_POST, ACCESS_NONE},
	{"GET", "/reset/{token}", page_reset_token, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/reset/{token}", page_reset_token_post, ROUTE_PUBLIC | ROUTE_POST | ROUTE_HASH, ACCESS_NONE},
	{"POST", "/org/{org}/people/{member}/reset", page_member_reset_post, ROUTE_POST, ACCESS_AREA},
	{0},
};
