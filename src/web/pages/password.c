/* password.c: changing your password (/account/password), with GOV.UK's
 * password input (show and hide) that the two-factor pages use too. */
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

const route password_routes[] = {
	{"GET", "/account/password", page_password, 0, ACCESS_NONE},
	{"POST", "/account/password", page_password_post, ROUTE_POST, ACCESS_NONE},
	{0},
};
