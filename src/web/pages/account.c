/* account.c: first run (creating the administrator), signing in and out,
 * and accepting an invitation. */
#include <string.h>

#include "core/text.h"
#include "domain/device.h"
#include "domain/gold.h"
#include "domain/invite.h"
#include "domain/setup.h"
#include "domain/throttle.h"
#include "web/pages/pages.h"

static bool has_users(request *r)
{
	int64_t n = 0;
	return user_count(&r->d, &n, &r->e) == 0 && n > 0;
}

static void setup_form(request *r, const form_errors *fe)
{
	page_begin(r, "Set up copro");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out,
	     "<h1 class=\"govuk-heading-l\">Set up copro</h1>"
	     "<p class=\"govuk-body\">copro has no accounts yet. Create the first one: it will be the "
	     "administrator for your local area, and can add organisations and invite people.</p>"
	     "<form method=\"post\" action=\"/setup\" novalidate>");
	form_csrf(r);
	form_input(r, "code", "Set-up code", form_get(r, "code"), fe,
		   &(input_opts){.autocomplete = "off", .hint = "copro printed it in the terminal where it started, like "
				 "7KQM-R2XD-9PWE-HT4C-MB6N-3ZFA. For a new one, run copro setup-code on the server."});
	form_input(r, "name", "Your name", form_get(r, "name"), fe, &(input_opts){.autocomplete = "name"});
	form_input(r, "email", "Email address", form_get(r, "email"), fe,
		   &(input_opts){.type = "email", .autocomplete = "email", .hint = "You will use this to sign in."});
	form_input(r, "area", "Your local area", form_get(r, "area"), fe,
		   &(input_opts){.hint = "For example, the council's name: Rotherham, City of York."});
	form_input(r, "password", "Create a password", NULL, fe,
		   &(input_opts){.type = "password", .autocomplete = "new-password",
				 .hint = "At least 12 characters. A few words together work well."});
	form_button(r, "Create the administrator");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* ROUTE: GET /setup (public) */
static int page_setup(request *r)
{
	if (has_users(r))
		return web_redirect(r, "/sign-in");
	setup_form(r, NULL);
	return 200;
}

/* The browser's allowance of failed sign-ins to this account from now on
 * (domain/device.h). */
void page_set_device_cookie(request *r, const char *token)
{
	r->device_set_cookie = arena_printf(&r->mem, DEVICE_COOKIE "=%s; Path=/; Secure; HttpOnly;"
					    " SameSite=Strict; Max-Age=%d", token, DEVICE_LIFETIME_SECONDS);
}

/* After a right password: home with a new session, or to the second
 * step when the account uses two-factor sign-in. */
static int signed_in(request *r, const session *s)
{
	if (!s->valid) {
		sign_in_pending_cookie(r, s->pending);
		return web_redirect(r, "/sign-in/code");
	}
	web_set_session_cookie(r, s->token);
	page_set_device_cookie(r, s->device);
	return web_redirect(r, "/");
}

/* A new account is signed in and sent home; to the sign-in page if that
 * fails (too many attempts from this address, say). An account made by
 * this request (`user`) is not checked against its password again; one
 * that was there (0: an assessor's link used by an existing account, its
 * password checked already) is signed in with it. */
static int sign_in_new(request *r, int64_t user, const char *email, const char *password)
{
	session s;
	if ((user ? sign_in_made(&r->d, user, r->address, r->device_cookie, &s, &r->e)
		  : sign_in_device(&r->d, email, password, r->address, r->device_cookie, &s, &r->e)) < 0)
		return web_redirect(r, "/sign-in");
	return signed_in(r, &s);
}

/* Counts one try of a public form at `scope` from the client's address
 * (throttle.h); true when it is one too many, with the error by `field`
 * and r->status set (429, or 500 when the count failed). */
static bool throttled(request *r, const char *scope, const throttle_limits *lim, const char *field,
		      const char *busy, form_errors *fe)
{
	err e = {0};
	if (throttle_hit(&r->d, scope, r->address, lim, &e) == 0)
		return false;
	form_error_add(fe, field, e.kind == ERR_BUSY ? busy : arena_strdup(&r->mem, e.msg));
	r->status = e.kind == ERR_BUSY ? 429 : 500;
	return true;
}

/* Tries to set up from one address, and from all, in an hour: the code
 * has 120 random bits, so this only bounds the work wrong tries cause. */
static const throttle_limits setup_throttle = {.per_address = 10, .per_scope = 100};

/* ROUTE: POST /setup (public) */
static int page_setup_post(request *r)
{
	if (has_users(r))
		return web_redirect(r, "/sign-in");
	form_errors fe = {0};
	const char *name = form_get(r, "name"), *email = form_get(r, "email");
	const char *area = form_get(r, "area"), *password = form_get(r, "password");
	const char *code = form_get(r, "code");
	err e = {0};
	/* Each try counts, before anything costly, as joining's do. */
	if (throttled(r, "setup", &setup_throttle, "code",
		      "Too many tries to set up copro from here in the last hour. Wait an hour and try again.", &fe)) {
		setup_form(r, &fe);
		return r->status;
	}
	if (text_blank(code))
		form_error_add(&fe, "code", "Enter the set-up code copro printed when it started");
	if (text_check_line("Your name", name, true, &e) < 0)
		form_error_add(&fe, "name", "Enter your name");
	if (!email || !strchr(email, '@'))
		form_error_add(&fe, "email", "Enter an email address in the right format, like name@example.org");
	if (text_check_line("The local area", area, true, &e) < 0)
		form_error_add(&fe, "area", "Enter your local area");
	if (password_check_for(password, email, name, &e) < 0)
		form_error_add(&fe, "password", arena_strdup(&r->mem, e.msg));
	int64_t user;
	if (!fe.n && setup_first_account(&r->d, code, name, email, password, area, &user, &e) < 0)
		form_error_add(&fe, !strcmp(e.msg, SETUP_CODE_WRONG) ? "code" : domain_busy(&e) ? "password" : "email",
			       arena_strdup(&r->mem, e.msg));
	if (fe.n) {
		r->status = page_refused_status(r, &e, 400);
		setup_form(r, &fe);
		return r->status;
	}
	return sign_in_new(r, user, email, password);
}

static void sign_in_form(request *r, const form_errors *fe)
{
	page_begin(r, "Sign in");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	if (!fe || !fe->n)
		reset_notice(r);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Sign in to copro</h1>"
		      "<form method=\"post\" action=\"/sign-in\" novalidate>");
	form_csrf(r);
	form_input(r, "email", "Email address", form_get(r, "email"), fe,
		   &(input_opts){.type = "email", .autocomplete = "username"});
	form_input(r, "password", "Password", NULL, fe,
		   &(input_opts){.type = "password", .autocomplete = "current-password"});
	form_button(r, "Sign in");
	htmlf(&r->out, "</form><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/reset\">Forgotten your password?</a></p>"
		      "<p class=\"govuk-body\">No account yet? Ask your organisation lead "
		      "for an invitation link.</p></div></div>");
	page_end(r);
}

/* ROUTE: GET /sign-in (public) */
static int page_sign_in(request *r)
{
	if (!has_users(r))
		return web_redirect(r, "/setup");
	if (r->sess.valid)
		return web_redirect(r, "/");
	sign_in_form(r, NULL);
	return 200;
}

/* ROUTE: POST /sign-in (public) */
static int page_sign_in_post(request *r)
{
	const char *email = form_get(r, "email"), *password = form_get(r, "password");
	form_errors fe = {0};
	session s;
	err e = {0};
	if (!email || !*email)
		form_error_add(&fe, "email", "Enter your email address");
	if (!password || !*password)
		form_error_add(&fe, "password", "Enter your password");
	/* Too busy to check the password (web/hashing.c makes it a 503) or to
	 * record the outcome: it is the password that must be typed again. */
	if (!fe.n && sign_in_device(&r->d, email, password, r->address, r->device_cookie, &s, &e) < 0)
		form_error_add(&fe, password_hashing_refused() || domain_busy(&e) ? "password" : "email",
			       arena_strdup(&r->mem, e.msg));
	if (fe.n) {
		r->status = page_refused_status(r, &e, e.kind == ERR_BUSY ? 429 : 400);
		sign_in_form(r, &fe);
		return r->status;
	}
	/* A new session at every sign-in: an old cookie never carries over. */
	if (r->sess.valid)
		session_end(&r->d, r->sess.token, &r->e);
	return signed_in(r, &s);
}

/* ROUTE: POST /sign-out */
static int page_sign_out_post(request *r)
{
	session_end(&r->d, r->sess.token, &r->e);
	web_set_session_cookie(r, NULL);
	return web_redirect(r, "/sign-in");
}

/* Whether the link in the URL is an assessor's, which an existing account
 * may use too. */
static bool assessor_link(request *r)
{
	assessor_row a;
	err e = {0};
	return gold_invite_find(&r->d, r->params[0], &a, &e) > 0;
}

static void invitation_form(request *r, const form_errors *fe)
{
	bool assessor = assessor_link(r);
	page_begin(r, "Join copro");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Join copro</h1>"
		      "<p class=\"govuk-body\">You have been invited to take part. Choose how you will sign in.%t</p>",
	     assessor ? " If you already have a copro account, enter its email address and password." : "");
	/* Someone with an account joins with it, signed in: the form below
	 * only makes new accounts, and never says which addresses have one. */
	if (!assessor)
		htmlf(&r->out, "<p class=\"govuk-body\">Already use copro? <a class=\"govuk-link\" href=\"/sign-in\">"
			      "Sign in</a> first, then open this link again to join with the account you have.</p>");
	htmlf(&r->out, "<form method=\"post\" action=\"/join/%u\" novalidate>", r->params[0]);
	form_csrf(r);
	form_input(r, "email", "Email address", form_get(r, "email"), fe,
		   &(input_opts){.type = "email", .autocomplete = "email"});
	form_input(r, "password", "Create a password", NULL, fe,
		   &(input_opts){.type = "password", .autocomplete = "new-password",
				 .hint = "At least 12 characters. A few words together work well."});
	form_button(r, "Join");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* Signed in: the invitation is offered to the account in use, one
 * button. */
static int join_offer(request *r, const form_errors *fe)
{
	invitation_offer o;
	err e = {0};
	if (invitation_offer_get(&r->d, r->params[0], &o, &e) < 0) {
		if (e.kind != ERR_NOTFOUND)
			return page_error(r, &e);
		r->status = 410;
		public_page_begin(r, "This invitation link has been used or has expired", NULL);
		htmlf(&r->out, "<p class=\"govuk-body\">Ask your organisation lead for a new one.</p>"
			      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">Go to your home page</a></p>");
		public_page_end(r);
		return 410;
	}
	const char *what = arena_printf(&r->mem, "Join %s as %s", o.org_name, invitation_role_words(o.role));
	page_begin(r, what);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">%t</h1>"
		      "<p class=\"govuk-body\">You have been invited to take part in %t. You are signed in as "
		      "%t (%t): joining adds %t to this account.</p>"
		      "<form id=\"join\" method=\"post\" action=\"/join/%u\" novalidate>",
	     what, o.org_name, r->sess.user.name, r->sess.user.email, o.org_name, r->params[0]);
	form_csrf(r);
	form_button(r, "Join");
	htmlf(&r->out, "</form><p class=\"govuk-body\">Not you, or joining for someone else? Sign out first "
		      "(the button at the top of the page), then open this link again.</p></div></div>");
	page_end(r);
	return r->status ? r->status : 200;
}

/* ROUTE: GET /join/{token} (public) */
static int page_invitation(request *r)
{
	if (r->sess.valid && !assessor_link(r))
		return join_offer(r, NULL);
	invitation_form(r, NULL);
	return 200;
}

/* Signed in: the membership goes to this account; the organisation's home
 * says so. */
static int join_signed_in(request *r)
{
	err e = {0};
	invitation_offer o = {0};
	if (invitation_offer_get(&r->d, r->params[0], &o, &e) < 0 ||
	    invitation_accept_signed_in(&r->d, r->params[0], &r->sess.user, &e) < 0) {
		if (e.kind != ERR_CONFLICT && e.kind != ERR_NOTFOUND)
			return page_error(r, &e);
		form_errors fe = {0};
		form_error_add(&fe, "join", arena_strdup(&r->mem, e.msg));
		r->status = 400;
		int st = join_offer(r, &fe);
		return st == 410 ? 410 : 400;
	}
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld?joined=1", (long long)o.org));
}

/* Tries to join from one address, and with one link, in an hour. */
static const throttle_limits join_throttle = {.per_address = 20, .per_scope = 50};

/* ROUTE: POST /join/{token} (public) */
static int page_invitation_post(request *r)
{
	const char *email = form_get(r, "email"), *password = form_get(r, "password");
	form_errors fe = {0};
	err e = {0};
	int64_t user, made = 0;         /* made: an account this request made */
	assessor_row assessor;
	if (r->sess.valid && !assessor_link(r))
		return join_signed_in(r);
	/* Each try counts, refused or not (outside any transaction), before
	 * anything costly: a link cannot be used to test many emails or to
	 * make copro hash passwords without end. */
	if (throttled(r, arena_printf(&r->mem, "join %s", r->params[0]), &join_throttle, "email",
		      "Too many tries to join from here in the last hour. Wait an hour and try again, or ask your "
		      "organisation lead for a new link.", &fe)) {
		invitation_form(r, &fe);
		return r->status;
	}
	if (password_check_for(password, email, NULL, &e) < 0)
		form_error_add(&fe, "password", arena_strdup(&r->mem, e.msg));
	else if (gold_invite_find(&r->d, r->params[0], &assessor, &e) > 0) {
		/* An assessor's link (domain/gold.h): an existing account joins too. */
		if (gold_invite_accept(&r->d, r->params[0], email, password, &user, &e) < 0)
			form_error_add(&fe, domain_busy(&e) ? "password" : "email", arena_strdup(&r->mem, e.msg));
	} else if (invitation_accept(&r->d, r->params[0], email, password, &made, &e) < 0)
		form_error_add(&fe, domain_busy(&e) ? "password" : "email", arena_strdup(&r->mem, e.msg));
	if (fe.n) {
		r->status = page_refused_status(r, &e, 400);
		invitation_form(r, &fe);
		return r->status;
	}
	return sign_in_new(r, made, email, password);
}

const route account_routes[] = {
	{"GET", "/setup", page_setup, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/setup", page_setup_post, ROUTE_PUBLIC | ROUTE_POST | ROUTE_HASH, ACCESS_NONE},
	{"GET", "/sign-in", page_sign_in, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/sign-in", page_sign_in_post, ROUTE_PUBLIC | ROUTE_POST | ROUTE_HASH, ACCESS_NONE},
	{"POST", "/sign-out", page_sign_out_post, ROUTE_POST, ACCESS_NONE},
	{"GET", "/join/{token}", page_invitation, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/join/{token}", page_invitation_post, ROUTE_PUBLIC | ROUTE_POST | ROUTE_HASH, ACCESS_NONE},
	{0},
};
