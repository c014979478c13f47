/* layout.c: the page chrome every page shares: GOV.UK Frontend styles and
 * components, used as a service that is not on GOV.UK (no crown, no GOV.UK
 * logotype, system fonts), a skip link, the service navigation and the
 * footer; and the error page. */
#include "web/i18n.h"
#include "web/web.h"

void page_begin(request *r, const char *title)
{
	htmlf(&r->out,
	     "<!DOCTYPE html>\n<html lang=\"%a\" dir=\"%a\" class=\"govuk-template\">\n<head>\n"
	     "<meta charset=\"utf-8\">\n<title>%t - copro</title>\n"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n"
	     "<link rel=\"stylesheet\" href=\"/assets/copro.css\">\n"
	     "<script type=\"module\" src=\"/assets/copro.js\"></script>\n"
	     "</head>\n<body class=\"govuk-template__body\">\n"
	     "<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">%t</a>\n"
	     "<section aria-label=\"%a\" class=\"govuk-service-navigation\""
	     " data-module=\"govuk-service-navigation\">\n"
	     "<div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">\n"
	     "<span class=\"govuk-service-navigation__service-name\">"
	     "<a href=\"/\" class=\"govuk-service-navigation__link\">copro</a></span>\n",
	     r->lang, i18n_dir(r), title, tr(r, "Skip to main content"), tr(r, "Service information"));
	if (r->sess.valid) {
		htmlf(&r->out,
		     "<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">"
		     "<ul class=\"govuk-service-navigation__list\" id=\"navigation\">"
		     "<li class=\"govuk-service-navigation__item\"><a class=\"govuk-service-navigation__link\" href=\"/\">Home</a></li>"
		     "<li class=\"govuk-service-navigation__item\"><span class=\"govuk-service-navigation__text\">Signed in as %t</span></li>"
		     "<li class=\"govuk-service-navigation__item\"><form method=\"post\" action=\"/sign-out\" class=\"copro-inline-form\">",
		     r->sess.user.name);
		form_csrf(r);
		htmlf(&r->out,
		     "<button type=\"submit\" class=\"govuk-button govuk-button--secondary copro-nav-button\">Sign out</button>"
		     "</form></li></ul></nav>\n");
	}
	htmlf(&r->out,
	     "</div></div></section>\n"
	     "<div class=\"govuk-width-container\">\n"
	     "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
}

void page_end(request *r)
{
	htmlf(&r->out,
	     "</main>\n</div>\n"
	     "<footer class=\"govuk-footer\"><div class=\"govuk-width-container\">"
	     "<div class=\"govuk-footer__meta\"><div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">"
	     "<p class=\"govuk-body-s\">%t</p>"
	     "</div></div></div></footer>\n"
	     "</body>\n</html>\n",
	     tr(r, "copro: co-production self-evaluation. The Four Cornerstones (Rotherham Charter) "
		"and York's Joint Partnership model are quoted from their published sources; gaps "
		"in the source text are marked."));
}

int web_error_page(request *r, int status, const char *title, const char *message)
{
	r->out.len = 0;
	r->file_path = NULL;
	r->content_type = NULL;
	r->status = status;
	page_begin(r, title);
	htmlf(&r->out,
	     "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
	     "<h1 class=\"govuk-heading-l\">%t</h1><p class=\"govuk-body\">%t</p>"
	     "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">%t</a></p>"
	     "</div></div>",
	     title, message, tr(r, "Go to the start"));
	page_end(r);
	return status;
}
