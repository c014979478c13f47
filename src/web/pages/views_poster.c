/* views_poster.c: a printable A4 poster and a letter for one link of a
 * round: the QR code (web/qr.c), the link in text, and what partners need
 * to know, in the round's language. The token comes in the form, from the
 * page that showed the link once (views_new_links), and must be the
 * link's current one: copro cannot draw a poster for a token it does not
 * hold, and never stores one to draw it later. */
#include <sodium.h>
#include <string.h>

#include "domain/account.h"
#include "web/i18n.h"
#include "web/pages/views_page.h"
#include "web/partner.h"
#include "web/qr.h"

typedef struct poster {
	views_page pg;
	const view_link_row *link;
	const char *token, *address;
	size_t questions;
	views_org_settings settings;
} poster;

/* The round, the link and the token sent: 0, or the status of the error
 * page (400 when the token is not the link's current one). */
static int poster_load(request *r, poster *p)
{
	memset(p, 0, sizeof *p);
	int rc = views_page_load(r, &p->pg);
	if (rc)
		return rc;
	if (!(p->link = views_page_link(r, &p->pg)))
		return 404;
	p->token = form_get(r, "token");
	char hash[65];
	if (!p->token || strlen(p->token) != VIEWS_TOKEN_LEN)
		return web_error_page(r, 400, "There is no link to print",
				      "Print posters from the page that shows a new link. If the link is lost, replace it on the round's page.");
	token_hash(p->token, hash);
	if (sodium_memcmp(hash, p->link->token_hash, 64) != 0)
		return web_error_page(r, 400, "This is not the link's current address",
				      "The link may have been replaced since. Replace it again on the round's page to print a new poster.");
	view_element_list elements;
	if (views_elements(&r->d, p->pg.round.id, &elements, &r->e) < 0 ||
	    views_org_settings_get(&r->d, r->org, &p->settings, &r->e) < 0)
		return page_error(r, &r->e);
	p->questions = elements.n;
	p->address = views_link_address(r, p->token);
	i18n_pick(r, p->pg.round.language);
	return 0;
}

static void sheet_begin(request *r, const poster *p, const char *title, const char *cls)
{
	htmlf(&r->out, "<!DOCTYPE html>\n<html lang=\"%a\" dir=\"%a\" class=\"govuk-template\">\n<head>\n"
		       "<meta charset=\"utf-8\">\n<title>%t - %t</title>\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<link rel=\"stylesheet\" href=\"/assets/copro.css\">\n"
		       "</head>\n<body class=\"govuk-template__body\">\n"
		       "<div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper %a\" id=\"main-content\">"
		       "<p class=\"govuk-body copro-print-hide\" lang=\"en\" dir=\"ltr\"><a class=\"govuk-link\" href=\"%a\">Back to the round</a>. "
		       "Print this page on A4 (your browser's Print).</p>",
	      r->lang, i18n_dir(r), title, p->pg.org.name, cls, views_url(r, p->pg.round.id, ""));
}

static void sheet_end(request *r)
{
	htmlf(&r->out, "</main></div>\n</body>\n</html>\n");
}

static const char *minutes(request *r, const poster *p)
{
	return tr_fill(r, tr(r, "It takes about {minutes} minutes."), "{minutes}",
		       arena_printf(&r->mem, "%zu", p->questions < 2 ? 2 : p->questions));
}

static const char *closing(request *r, const poster *p)
{
	if (!p->pg.round.closes_on)
		return "";
	return tr_fill(r, tr(r, "Please answer by {date}."), "{date}", date_words(r, p->pg.round.closes_on));
}

static const char *who_to_tell(request *r, const poster *p)
{
	const char *who = p->settings.safeguarding_contact;
	if (!who || !*who)
		return tr(r, "If you are worried about your safety or someone else's, tell a member of staff you trust.");
	return tr_fill(r, tr(r, "If you are worried about your safety or someone else's, tell {contact}."), "{contact}", who);
}

/* ROUTE: POST /org/{org}/views/{round}/link/{link}/poster (lead) */
static int page_views_poster(request *r)
{
	poster p;
	int rc = poster_load(r, &p);
	if (rc)
		return rc;
	sheet_begin(r, &p, tr(r, "Tell us what you think"), "copro-poster");
	htmlf(&r->out, "<p class=\"govuk-body-l\">%t</p><h1 class=\"govuk-heading-xl\">%t</h1>"
		       "<p class=\"govuk-body-l\">%t</p>",
	      p.pg.org.name, tr(r, "Tell us what you think"),
	      tr_fill(r, tr(r, "{organisation} wants to know how well it works with you."), "{organisation}", p.pg.org.name));
	err e = {0};
	if (qr_svg(&r->out, p.address, tr(r, "QR code of the link"), &e) < 0)
		return web_error_page(r, 500, "The QR code could not be drawn", e.msg);
	htmlf(&r->out, "<p class=\"govuk-body-l\">%t</p><p class=\"copro-poster__link\">%t</p>"
		       "<p class=\"govuk-body-l\">%t %t %t</p><p class=\"govuk-body\">%t</p>",
	      tr(r, "Scan the code with your phone's camera, or type this address:"), p.address,
	      minutes(r, &p), tr(r, "We do not ask for your name."), closing(r, &p), who_to_tell(r, &p));
	sheet_end(r);
	return 200;
}

/* ROUTE: POST /org/{org}/views/{round}/link/{link}/letter (lead) */
static int page_views_letter(request *r)
{
	poster p;
	int rc = poster_load(r, &p);
	if (rc)
		return rc;
	sheet_begin(r, &p, tr(r, "Tell us what you think"), "copro-letter");
	htmlf(&r->out, "<p class=\"govuk-body\">%t</p><h1 class=\"govuk-heading-l\">%t</h1>"
		       "<p class=\"govuk-body\">%t</p><p class=\"govuk-body\">%t</p><p class=\"govuk-body\">%t %t %t</p>",
	      p.pg.org.name, tr(r, "Tell us what you think"),
	      tr_fill(r, tr(r, "{organisation} wants to know how well it works with you, and what could be better."),
		      "{organisation}", p.pg.org.name),
	      tr(r, "Please answer a few questions on a phone, tablet or computer. Open this address, or scan the code:"),
	      minutes(r, &p), tr(r, "We do not ask for your name."), closing(r, &p));
	htmlf(&r->out, "<p class=\"copro-letter__link\">%t</p>", p.address);
	err e = {0};
	if (qr_svg(&r->out, p.address, tr(r, "QR code of the link"), &e) < 0)
		return web_error_page(r, 500, "The QR code could not be drawn", e.msg);
	htmlf(&r->out, "<p class=\"govuk-body\">%t</p><p class=\"govuk-body\">%t</p><p class=\"govuk-body\">%t</p>",
	      tr(r, "If you would rather answer on paper, ask us for a paper form."), who_to_tell(r, &p),
	      tr(r, "Thank you."));
	sheet_end(r);
	return 200;
}

const route views_poster_routes[] = {
	{"POST", "/org/{org}/views/{round}/link/{link}/poster", page_views_poster, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/link/{link}/letter", page_views_letter, ROUTE_POST, ACCESS_LEAD},
	{0},
};
