/* common.c: small helpers every page file shares: the standard error
 * pages, a domain message as a sentence, dates in words, text typed over
 * several lines, summary rows, the success banner and breadcrumbs. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/area.h"
#include "web/pages/pages.h"

int page_not_found(request *r)
{
	return web_error_page(r, 404, "Page not found", "There is no page at this address.");
}

int page_failed(request *r)
{
	return web_error_page(r, 500, "Sorry, something went wrong", r->e.msg);
}

int page_lookup_failed(request *r, const err *e)
{
	if (e->kind == ERR_NOTFOUND)
		return page_not_found(r);
	return web_error_page(r, 500, "Sorry, something went wrong", e->msg);
}

int page_refused_status(request *r, const err *e, int status)
{
	if (!domain_busy(e))
		return status;
	r->retry_after = WEB_BUSY_RETRY_SECONDS;
	return 503;
}

int page_error(request *r, const err *e)
{
	if (e->kind == ERR_BUSY)
		return web_busy_page(r, "Sorry, copro is busy");
	/* For example, the evaluation was submitted while the form was open. */
	if (e->kind == ERR_CONFLICT)
		return web_error_page(r, 409, "This could not be saved", sentence(r, e->msg));
	return web_error_page(r, 500, "Sorry, something went wrong", e->msg);
}

/* A Host header is the browser's; anything but a host name, an address
 * and a port is not used to write a link on a poster or in a PDF. */
static bool plain_host(const char *h)
{
	return h && *h && strlen(h) < 256 &&
	       h[strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")] == '\0';
}

const char *site_address(request *r)
{
	const char *host = plain_host(r->host) ? r->host : "localhost:8080";
	return arena_printf(&r->mem, "%s://%s", r->config && r->config->tls ? "https" : "http", host);
}

int page_log(request *r, const char *what)
{
	return activity_log(&r->d, &r->sess.user, r->org, r->org_area, what, &r->e);
}

bool text_id(const char *s, int64_t *id)
{
	char *end;
	long long v = s && *s ? strtoll(s, &end, 10) : 0;
	if (!s || !*s || *end || v <= 0)
		return false;
	*id = v;
	return true;
}

bool text_blank(const char *s)
{
	return !s || !*s;
}

const char *sentence(request *r, const char *msg)
{
	char *s = arena_strdup(&r->mem, msg ? msg : "");
	s[0] = (char)toupper((unsigned char)s[0]);
	return s;
}

const char *date_words(request *r, const char *iso)
{
	return iso && date_valid(iso) ? date_in_words(&r->mem, iso) : iso ? iso : "";
}

void text_paragraphs_class(request *r, const char *text, const char *cls, const char *empty)
{
	bool any = false;
	for (const char *p = text ? text : ""; *p;) {
		size_t n = strcspn(p, "\r\n");
		if (n) {
			htmlf(&r->out, "<p class=\"%a\">%t</p>", cls, arena_strndup(&r->mem, p, n));
			any = true;
		}
		p += n;
		p += strspn(p, "\r\n");
	}
	if (!any && empty)
		htmlf(&r->out, "<p class=\"%a\">%t</p>", cls, empty);
}

void text_paragraphs(request *r, const char *text, const char *empty)
{
	text_paragraphs_class(r, text, "govuk-body", empty);
}

void text_or_none(request *r, const char *text, const char *none)
{
	if (text_blank(text))
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", none);
	else
		text_paragraphs(r, text, NULL);
}

void summary_row_open(request *r, const char *key)
{
	htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%t</dt>"
		      "<dd class=\"govuk-summary-list__value\">", key);
}

void summary_row_text(request *r, const char *key, const char *value)
{
	summary_row_open(r, key);
	htmlf(&r->out, "%t</dd></div>", value);
}

void notice_success_link(request *r, const char *title_id, const char *what, const char *link,
			 const char *link_text)
{
	htmlf(&r->out, "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\""
		      " aria-labelledby=\"%a\" data-module=\"govuk-notification-banner\">"
		      "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"%a\">Success</h2></div>"
		      "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">%t",
	     title_id, title_id, what);
	if (link)
		htmlf(&r->out, " <a class=\"govuk-notification-banner__link\" href=\"%a\">%t</a>", link, link_text);
	htmlf(&r->out, "</p></div></div>");
}

void notice_success(request *r, const char *what)
{
	notice_success_link(r, "saved-title", what, NULL, NULL);
}

void breadcrumbs_org(request *r, const char *org_name, const char *const *links, const char *here)
{
	htmlf(&r->out, "<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\"><ol class=\"govuk-breadcrumbs__list\">"
		      "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/\">Home</a></li>");
	/* An assessor reads one evaluation, not the organisation's home. */
	if (r->assessor)
		htmlf(&r->out, "<li class=\"govuk-breadcrumbs__list-item\">%t</li>", org_name);
	else
		htmlf(&r->out, "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/org/%D\">%t</a></li>",
		     r->org, org_name);
	for (size_t i = 0; links && links[i]; i += 2)
		htmlf(&r->out, "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"%a\">%t</a></li>",
		     links[i], links[i + 1]);
	htmlf(&r->out, "<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">%t</li></ol></nav>", here);
}

int page_area_name(request *r, const char **name)
{
	err e = {0};
	return area_name(&r->d, r->area, name, &e) < 0 ? page_lookup_failed(r, &e) : 0;
}

void table_scroll_open(request *r, const char *label)
{
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"%a\" tabindex=\"0\">", label);
}

const char *time_words(request *r, const char *iso)
{
	if (!iso || strlen(iso) < 16)
		return iso ? iso : "";
	const char *day = date_in_words(&r->mem, iso);
	return day == iso ? iso : arena_printf(&r->mem, "%s, %.5s UTC", day, iso + 11);
}

/* A details element headed `summary` holding `text`. */
static void folded(request *r, const char *summary, const char *text)
{
	htmlf(&r->out, "<details class=\"govuk-details govuk-!-margin-bottom-4\">"
		      "<summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">%t</span></summary>"
		      "<div class=\"govuk-details__text\">%t</div></details>", summary, text);
}

void gap_note(request *r, const char *gap)
{
	if (text_blank(gap))
		return;
	htmlf(&r->out, "<div class=\"copro-gap\"><p class=\"govuk-body govuk-!-margin-bottom-1\">" GAP_SHORT "</p>");
	folded(r, "What is missing", gap);
	htmlf(&r->out, "</div>");
}

void source_note(request *r, const char *note)
{
	if (!text_blank(note))
		folded(r, "About this text", note);
}

void easy_read_details(request *r, const char *easy_read)
{
	if (text_blank(easy_read))
		return;
	htmlf(&r->out, "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\">"
		      "<span class=\"govuk-details__summary-text\">Easy read (copro's wording)</span>"
		      "</summary><div class=\"govuk-details__text\"><p class=\"govuk-body\">%t</p>"
		      "<p class=\"govuk-body-s\">Written for copro for children, young people and "
		      "parent carers; not the source's text.</p></div></details>", easy_read);
}

const char *pair_label(const char *const *pairs, const char *key, const char *otherwise)
{
	for (size_t i = 0; key && pairs[i]; i += 2)
		if (!strcmp(pairs[i], key))
			return pairs[i + 1];
	return otherwise;
}

/* Lines of at most `width` characters, broken at spaces (a longer word
 * has a line of its own), written as <tspan>s when `write`; answers how
 * many. */
static size_t wrap_lines(request *r, const char *text, size_t width, bool write)
{
	size_t n = 0;
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *end = p, *last = NULL;
		while (*end && (size_t)(end - p) <= width) {
			if (*end == ' ')
				last = end;
			end++;
		}
		if (*end && last)
			end = last;
		else if (*end)          /* one word longer than a line: to its end */
			while (*end && *end != ' ')
				end++;
		if (write)
			htmlf(&r->out, "<tspan x=\"0\" dy=\"%d\">%t</tspan>", n ? SVG_LINE : 0,
			     arena_strndup(&r->mem, p, (size_t)(end - p)));
		n++;
		p = end;
	}
	return n ? n : 1;
}

size_t svg_lines(request *r, const char *text)
{
	return wrap_lines(r, text, SVG_LINE_CHARS, false);
}

size_t svg_text(request *r, const char *cls, int y, const char *text)
{
	htmlf(&r->out, "<text class=\"%a\" x=\"0\" y=\"%d\" fill=\"#0b0c0c\">", cls, y);
	size_t n = wrap_lines(r, text, SVG_LINE_CHARS, true);
	htmlf(&r->out, "</text>");
	return n;
}

/* A link to page `n` of `path`, keeping the other query parameters. */
static void page_href(request *r, const char *path, size_t n)
{
	htmlf(&r->out, "%a?", path);
	for (size_t i = 0; i < r->n_query; i++)
		if (strcmp(r->query[i].name, "page") != 0)
			htmlf(&r->out, "%u=%u&amp;", r->query[i].name, r->query[i].value);
	htmlf(&r->out, "page=%z", n);
}

static void page_item(request *r, const char *path, size_t n, size_t current)
{
	htmlf(&r->out, "<li class=\"govuk-pagination__item%R\"><a class=\"govuk-link govuk-pagination__link\" href=\"",
	     n == current ? " govuk-pagination__item--current" : "");
	page_href(r, path, n);
	htmlf(&r->out, "\" aria-label=\"Page %z\"%R>%z</a></li>", n,
	     n == current ? " aria-current=\"page\"" : "", n);
}

void pagination(request *r, const char *path, const char *label, size_t page, size_t pages)
{
	if (pages < 2)
		return;
	htmlf(&r->out, "<nav class=\"govuk-pagination\" aria-label=\"%a\">", label);
	if (page > 1) {
		htmlf(&r->out, "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"");
		page_href(r, path, page - 1);
		htmlf(&r->out, "\" rel=\"prev\"><span class=\"govuk-pagination__link-title\">Previous"
			      "<span class=\"govuk-visually-hidden\"> page</span></span></a></div>");
	}
	htmlf(&r->out, "<ul class=\"govuk-pagination__list\">");
	bool gap = false;
	for (size_t n = 1; n <= pages; n++) {
		bool near = n == 1 || n == pages || (n + 1 >= page && n <= page + 1);
		if (!near) {
			if (!gap)
				htmlf(&r->out, "<li class=\"govuk-pagination__item govuk-pagination__item--ellipses\">&ctdot;</li>");
			gap = true;
			continue;
		}
		gap = false;
		page_item(r, path, n, page);
	}
	htmlf(&r->out, "</ul>");
	if (page < pages) {
		htmlf(&r->out, "<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"");
		page_href(r, path, page + 1);
		htmlf(&r->out, "\" rel=\"next\"><span class=\"govuk-pagination__link-title\">Next"
			      "<span class=\"govuk-visually-hidden\"> page</span></span></a></div>");
	}
	htmlf(&r->out, "</nav>");
}
