/* two_factor.c: two-factor sign-in: the person's own page (setting it up
 * with a QR code, the recovery codes shown once, turning it off), the
 * second step of signing in (/sign-in/code), the area's setting that
 * requires it, and the gate that sends a person who must set it up there
 * first. */
#include <string.h>

#include "domain/two_factor.h"
#include "web/pages/pages.h"
#include "web/qr.h"

static void status_on(request *r, const two_factor_status *st, const form_errors *fe)
{
	htmlf(&r->out, "<p class=\"govuk-body\"><strong class=\"govuk-tag govuk-tag--green\">On</strong></p>"
		       "<p class=\"govuk-body\">When you sign in, copro asks for a code from your authenticator app "
		       "after your password. You have %D unused recovery code%t.</p>",
	      st->codes_left, st->codes_left == 1 ? "" : "s");
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Turn off two-factor sign-in</h2>"
		       "<p class=\"govuk-body\">Your account will then be protected by your password alone.</p>"
		       "<form method=\"post\" action=\"/account/two-factor\" novalidate>"
		       "<input type=\"hidden\" name=\"action\" value=\"off\">");
	form_csrf(r);
	password_input(r, "password", "Your password", NULL, "current-password", fe);
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--warning\" data-module=\"govuk-button\">"
		       "Turn off two-factor sign-in</button></form>");
}

/* The QR code and the secret for typing, then the first code. */
static void status_enrolling(request *r, const char *secret, const form_errors *fe)
{
	err e = {0};
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">1. Add copro to your authenticator app</h2>"
		       "<p class=\"govuk-body\">Open an authenticator app on your phone (for example Google "
		       "Authenticator, Microsoft Authenticator or FreeOTP), add an account, and scan this code.</p>"
		       "<div class=\"copro-qr-box\">");
	if (qr_svg(&r->out, two_factor_uri(&r->mem, r->sess.user.email, secret),
		   "QR code to add copro to an authenticator app", &e) < 0)
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", e.msg);
	htmlf(&r->out, "</div><p class=\"govuk-body\">If you cannot scan it, type this key into the app instead "
		       "(it is a time-based key):</p><p class=\"govuk-body govuk-!-font-weight-bold\">"
		       "<code id=\"two-factor-secret\">%t</code></p>", two_factor_groups(&r->mem, secret));
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">2. Enter the code the app shows</h2>"
		       "<form method=\"post\" action=\"/account/two-factor\" novalidate>"
		       "<input type=\"hidden\" name=\"action\" value=\"confirm\">");
	form_csrf(r);
	form_input(r, "code", "Code from the app", NULL, fe,
		   &(input_opts){.hint = "6 digits, like 123456", .autocomplete = "one-time-code", .width = "5"});
	form_button(r, "Turn on two-factor sign-in");
	htmlf(&r->out, "</form>");
}

static void status_off(request *r)
{
	htmlf(&r->out, "<p class=\"govuk-body\"><strong class=\"govuk-tag govuk-tag--grey\">Off</strong></p>"
		       "<p class=\"govuk-body\">With two-factor sign-in, copro asks for a code from an app on your "
		       "phone after your password, so someone who learns your password still cannot sign in.</p>"
		       "<form method=\"post\" action=\"/account/two-factor\" novalidate>"
		       "<input type=\"hidden\" name=\"action\" value=\"begin\">");
	form_csrf(r);
	form_button(r, "Set up two-factor sign-in");
	htmlf(&r->out, "</form>");
}

static int account_page(request *r, const form_errors *fe)
{
	two_factor_status st;
	bool missing = false;
	err e = {0};
	if (two_factor_get(&r->d, r->sess.user.id, &st, &e) < 0 ||
	    two_factor_missing(&r->d, r->sess.user.id, &missing, &e) < 0)
		return page_error(r, &e);
	page_begin(r, "Sign-in and security");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	const char *saved = query_get(r, "saved");
	if ((!fe || !fe->n) && saved)
		notice_success(r, !strcmp(saved, "password") ? "Your password has been changed. You have been signed out everywhere else."
				  : "Two-factor sign-in has been turned off");
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Sign-in and security</h1>");
	if (missing)
		htmlf(&r->out, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
			       "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
			       "Your area asks its administrators and organisation leads to use two-factor sign-in. "
			       "Set it up to carry on using copro.</strong></div>");
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/password\">Change your password</a></p>"
		       "<h2 class=\"govuk-heading-m\">Two-factor sign-in</h2>");
	if (st.on)
		status_on(r, &st, fe);
	else if (st.secret)
		status_enrolling(r, st.secret, fe);
	else
		status_off(r);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">What copro holds about you</h2>"
		       "<p class=\"govuk-body\">Your account, your roles, when you signed in, what you changed "
		       "and the views you entered, as one file (JSON) you can keep or pass on.</p>"
		       "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/data\" download>"
		       "Download what copro holds about you</a></p>");
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return r->status = fe && fe->n ? 400 : 200;
}

/* ROUTE: GET /account/two-factor (signed in) */
static int page_two_factor(request *r)
{
	return account_page(r, NULL);
}

/* The recovery codes, once: they are stored only as hashes. */
static int recovery_page(request *r, char codes[RECOVERY_CODES][12])
{
	page_begin(r, "Save your recovery codes");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	notice_success(r, "Two-factor sign-in is on");
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Save your recovery codes</h1>"
		       "<p class=\"govuk-body\">If you lose your phone, each of these codes signs you in once instead "
		       "of a code from the app. Print them or keep them somewhere safe: copro will not show them again.</p>"
		       "<ul class=\"govuk-list\" id=\"recovery-codes\">");
	for (int i = 0; i < RECOVERY_CODES; i++)
		htmlf(&r->out, "<li><code>%t</code></li>", codes[i]);
	htmlf(&r->out, "</ul><a class=\"govuk-button\" data-module=\"govuk-button\" href=\"/\">I have saved my codes</a>"
		       "</div></div>");
	page_end(r);
	return 200;
}

/* ROUTE: POST /account/two-factor (signed in) */
static int page_two_factor_post(request *r)
{
	const char *action = form_get(r, "action");
	form_errors fe = {0};
	err e = {0};
	const char *secret;
	if (action && !strcmp(action, "begin")) {
		if (two_factor_begin(&r->d, r->sess.user.id, &secret, &e) < 0 && e.kind != ERR_CONFLICT)
			return page_error(r, &e);
		return web_redirect(r, "/account/two-factor");
	}
	if (action && !strcmp(action, "confirm")) {
		char codes[RECOVERY_CODES][12];
		if (two_factor_confirm(&r->d, &r->sess.user, form_get(r, "code"), codes, &e) == 0)
			return recovery_page(r, codes);
		if (e.kind != ERR_INPUT && e.kind != ERR_CONFLICT)
			return page_error(r, &e);
		form_error_add(&fe, "code", arena_strdup(&r->mem, e.msg));
		return account_page(r, &fe);
	}
	if (action && !strcmp(action, "off")) {
		if (two_factor_off(&r->d, &r->sess.user, form_get(r, "password"), &e) == 0)
			return web_redirect(r, "/account/two-factor?saved=off");
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, "password", arena_strdup(&r->mem, e.msg));
		return account_page(r, &fe);
	}
	return web_error_page(r, 400, "The form could not be read", "Go back, reload the page and try again.");
}

static void code_form(request *r, const form_errors *fe)
{
	page_begin(r, "Enter your code");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<form method=\"post\" action=\"/sign-in/code\" novalidate>");
	form_csrf(r);
	form_input(r, "code", "Enter the code from your authenticator app", NULL, fe,
		   &(input_opts){.label_is_heading = true, .autocomplete = "one-time-code", .width = "10",
				 .hint = "The 6-digit code the app shows for copro. If you do not have your phone, "
					 "enter one of your recovery codes instead."});
	form_button(r, "Sign in");
	htmlf(&r->out, "</form><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/sign-in\">Start again with your "
		       "email address and password</a></p><p class=\"govuk-body\">Lost your phone and your recovery "
		       "codes? Ask the person who runs copro for your organisation to turn off two-factor sign-in "
		       "for your account.</p></div></div>");
	page_end(r);
}

/* ROUTE: GET /sign-in/code (public) */
static int page_code(request *r)
{
	if (r->sess.valid)
		return web_redirect(r, "/");
	if (!r->pending_cookie || strlen(r->pending_cookie) != 64)
		return web_redirect(r, "/sign-in");
	code_form(r, NULL);
	return 200;
}

/* ROUTE: POST /sign-in/code (public) */
static int page_code_post(request *r)
{
	form_errors fe = {0};
	err e = {0};
	session s;
	const char *code = form_trimmed(r, "code");
	if (!*code)
		form_error_add(&fe, "code", "Enter the code from your authenticator app, or a recovery code");
	else if (two_factor_sign_in_device(&r->d, r->pending_cookie, code, r->address, r->device_cookie, &s, &e) < 0) {
		if (e.kind != ERR_INPUT && e.kind != ERR_NOTFOUND && e.kind != ERR_BUSY)
			return page_error(r, &e);
		form_error_add(&fe, "code", arena_strdup(&r->mem, e.msg));
	}
	if (fe.n) {
		r->status = page_refused_status(r, &e, e.kind == ERR_BUSY ? 429 : 400);
		code_form(r, &fe);
		return r->status;
	}
	web_set_session_cookie(r, s.token);
	page_set_device_cookie(r, s.device);
	return web_redirect(r, "/");
}

void sign_in_pending_cookie(request *r, const char *token)
{
	r->cookie = arena_printf(&r->mem, PENDING_COOKIE "=%s; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=%d",
				 token, PENDING_SECONDS);
}

/* The area's setting, on its settings page. */
void two_factor_area_form(request *r)
{
	bool required = false;
	err e = {0};
	two_factor_area_required(&r->d, r->area, &required, &e);
	htmlf(&r->out, "<h2 class=\"govuk-heading-l\" id=\"two-factor\">Two-factor sign-in</h2>"
		       "<form method=\"post\" action=\"/area/%D/settings/two-factor\" novalidate>", r->area);
	form_csrf(r);
	static const char *const options[] = {"yes", "Require two-factor sign-in for area administrators and leads", NULL};
	bool checked[] = {required};
	form_checkboxes(r, "required", "Who must use two-factor sign-in", options, checked,
			"Once set, an administrator or organisation lead who has not set it up is sent to set it up "
			"when they sign in, and can do nothing else until they have. That includes you.", NULL);
	form_button(r, "Save");
	htmlf(&r->out, "</form>");
}

/* ROUTE: POST /area/{area}/settings/two-factor (area administrator) */
static int page_area_post(request *r)
{
	const char *v = form_get(r, "required");
	if (v && strcmp(v, "yes"))
		return web_error_page(r, 400, "The form could not be read", "Go back, reload the page and try again.");
	if (two_factor_area_set(&r->d, &r->sess.user, r->area, v != NULL, &r->e) < 0)
		return page_error(r, &r->e);
	return web_redirect(r, arena_printf(&r->mem, "/area/%lld/settings?saved=two-factor#two-factor",
					    (long long)r->area));
}

bool two_factor_gate(request *r, const route *rt)
{
	if (!r->sess.valid || (rt->flags & (ROUTE_PUBLIC | ROUTE_STATIC | ROUTE_API | ROUTE_PARTNER)) ||
	    !strcmp(rt->pattern, "/account/two-factor") || !strcmp(rt->pattern, "/sign-out"))
		return false;
	if (r->sess.two_factor_missing)
		web_redirect(r, "/account/two-factor");
	return r->sess.two_factor_missing;
}

const route two_factor_routes[] = {
	{"GET", "/account/two-factor", page_two_factor, 0, ACCESS_NONE},
	{"POST", "/account/two-factor", page_two_factor_post, ROUTE_POST | ROUTE_HASH, ACCESS_NONE},
	{"GET", "/sign-in/code", page_code, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/sign-in/code", page_code_post, ROUTE_PUBLIC | ROUTE_POST, ACCESS_NONE},
	{"POST", "/area/{area}/settings/two-factor", page_area_post, ROUTE_POST, ACCESS_AREA},
	{0},
};
