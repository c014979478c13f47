/* html.c: the printable HTML writer (report_html.h): the report model as
 * GOV.UK-styled markup for the "Print or download" pages, and as a
 * standalone A4 page with its own print rules (copro report --format html).
 * Every stored text goes through html.h's %t and %a. */
#include <string.h>

#include "report/report_html.h"

/* The standalone page's rules: A4 with margins, table headers repeated on
 * every printed page (thead), rows kept whole where they fit. */
static const char STYLE[] =
	"body{font-family:\"Liberation Sans\",Arial,sans-serif;font-size:11pt;line-height:1.35;color:#0b0c0c;"
	"max-width:60em;margin:2em auto;padding:0 1em}"
	"h1{font-size:22pt;margin:0 0 .2em}h2{font-size:16pt;margin:1.2em 0 .4em}h3{font-size:12pt}"
	"h1,h2,h3{break-after:avoid;page-break-after:avoid}"
	".govuk-caption-m{color:#505a5f;font-size:13pt;font-weight:bold;margin:0 0 1em}"
	"table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}"
	"th,td{border:1px solid #b1b4b6;padding:4pt;text-align:left;vertical-align:top}"
	"thead th{background:#f3f2f1}thead{display:table-header-group}"
	"tr{break-inside:avoid;page-break-inside:avoid}"
	".govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;"
	"overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}"
	".govuk-inset-text{border-left:5px solid #b1b4b6;padding:.3em 0 .3em 1em;font-size:10pt}"
	"dl{display:grid;grid-template-columns:1fr 2fr;margin:0 0 1.5em}dt{font-weight:bold}"
	"dt,dd{margin:0;padding:.3em 0;border-bottom:1px solid #b1b4b6}"
	".copro-report__page-break{break-before:page;page-break-before:always}"
	".copro-report__made{color:#505a5f;font-size:9pt;margin-top:2em}"
	"a{color:#1d70b8}.copro-table-scroll{overflow-x:auto}"
	"@media print{body{margin:0;padding:0;max-width:none;font-size:10pt}a{color:inherit}"
	".copro-table-scroll{overflow:visible}}";

static const char *href(arena *a, const report_html_options *opt, const char *link)
{
	if (!link || !*link || !opt || !opt->base_url)
		return NULL;
	if (!strncmp(link, "https://", 8) || !strncmp(link, "http://", 7))
		return link;
	if (link[0] != '/')
		return NULL;
	return arena_printf(a, "%s%s", opt->base_url, link);
}

/* Text whose "\n" starts a new line. */
static void lines(html *h, const char *text)
{
	const char *s = text ? text : "";
	for (;;) {
		const char *nl = strchr(s, '\n');
		if (!nl) {
			htmlf(h, "%t", s);
			return;
		}
		htmlf(h, "%t<br>", arena_strndup(h->mem, s, (size_t)(nl - s)));
		s = nl + 1;
	}
}

static void linked(html *h, const report_html_options *opt, const char *text, const char *link)
{
	const char *to = href(h->mem, opt, link);
	if (to)
		htmlf(h, "<a class=\"govuk-link\" href=\"%a\">", to);
	lines(h, text);
	if (to)
		htmlf(h, "</a>");
}

static void table(html *h, const report_html_options *opt, const report_block *t)
{
	/* On a phone the table scrolls in its own box (focusable, so a
	 * keyboard scrolls it too), not the page. */
	htmlf(h, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"%a\" tabindex=\"0\">"
		 "<table class=\"govuk-table copro-report__table\"><caption class=\"govuk-visually-hidden\">%t</caption><colgroup>",
	      t->text, t->text);
	double sum = 0;
	for (size_t i = 0; i < t->ncols; i++)
		sum += t->widths[i];
	/* Widths by class, in steps of 5%: copro's pages allow no style
	 * attributes (CSP); copro.scss and STYLE define the classes. */
	for (size_t i = 0; i < t->ncols; i++) {
		int w = (int)(20 * t->widths[i] / sum + 0.5) * 5;
		htmlf(h, "<col class=\"copro-report__w%d\">", w < 5 ? 5 : w);
	}
	htmlf(h, "</colgroup><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
	for (size_t i = 0; i < t->ncols; i++)
		htmlf(h, "<th scope=\"col\" class=\"govuk-table__header\">%t</th>", t->header[i].text);
	htmlf(h, "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t r = 0; r < t->nrows; r++) {
		htmlf(h, "<tr class=\"govuk-table__row\">");
		for (size_t i = 0; i < t->ncols; i++) {
			const report_cell *c = &t->rows[r][i];
			bool head = c->strong && i == 0;
			htmlf(h, head ? "<th scope=\"row\" class=\"govuk-table__header\">" : "<td class=\"govuk-table__cell\">");
			if (c->strong && !head)
				htmlf(h, "<strong>");
			linked(h, opt, c->text, c->link);
			htmlf(h, c->strong && !head ? "</strong></td>" : head ? "</th>" : "</td>");
		}
		htmlf(h, "</tr>");
	}
	htmlf(h, "</tbody></table></div>");
}

static void facts(html *h, const report_block *b)
{
	htmlf(h, "<dl class=\"govuk-summary-list copro-report__facts\">");
	for (size_t i = 0; i < b->nfacts; i++) {
		htmlf(h, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%t</dt>"
			 "<dd class=\"govuk-summary-list__value\">", b->facts[i].label);
		lines(h, b->facts[i].value);    /* several people, next steps a line each */
		htmlf(h, "</dd></div>");
	}
	htmlf(h, "</dl>");
}

static void block(html *h, const report_html_options *opt, const report_block *b, int top)
{
	static const char *const sizes[] = {"govuk-heading-l", "govuk-heading-m", "govuk-heading-s"};
	int level = b->level + top - 1;
	switch (b->kind) {
	case REPORT_HEADING:
		htmlf(h, "<h%d class=\"%a\">%t</h%d>", level > 6 ? 6 : level, sizes[b->level - 1], b->text,
		      level > 6 ? 6 : level);
		break;
	case REPORT_PARAGRAPH:
		htmlf(h, "<p class=\"govuk-body\">");
		linked(h, opt, b->text, b->link);
		htmlf(h, "</p>");
		break;
	case REPORT_NOTE:
		htmlf(h, "<div class=\"govuk-inset-text copro-report__note\">");
		lines(h, b->text);
		htmlf(h, "</div>");
		break;
	case REPORT_FACTS: facts(h, b); break;
	case REPORT_TABLE: table(h, opt, b); break;
	case REPORT_PAGE_BREAK: htmlf(h, "<div class=\"copro-report__page-break\"></div>"); break;
	}
}

void report_html_body(html *h, const report_doc *doc, const report_html_options *opt, int top)
{
	htmlf(h, "<div class=\"copro-report%a\" lang=\"%a\">", doc->landscape ? " copro-report--landscape" : "",
	      doc->lang);
	for (const report_block *b = doc->first; b; b = b->next)
		block(h, opt, b, top < 1 ? 1 : top);
	htmlf(h, "</div>");
}

int report_html(const report_doc *doc, const report_html_options *opt, report_bytes *out, err *e)
{
	(void)e;
	html h;
	html_init(&h, doc->mem);
	htmlf(&h, "<!DOCTYPE html>\n<html lang=\"%a\"><head><meta charset=\"utf-8\">"
		  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		  "<title>%t</title><style>@page{size:A4%a;margin:18mm}",
	      doc->lang, doc->title, doc->landscape ? " landscape" : "");
	html_raw(&h, STYLE, sizeof STYLE - 1);
	for (int w = 5; w <= 100; w += 5)
		htmlf(&h, ".copro-report__w%d{width:%d%%}", w, w);
	htmlf(&h, "</style></head><body><main><h1>%t</h1>", doc->title);
	if (doc->subtitle && *doc->subtitle)
		htmlf(&h, "<p class=\"govuk-caption-m\">%t</p>", doc->subtitle);
	report_html_body(&h, doc, opt, 2);
	if (doc->made && *doc->made)
		htmlf(&h, "<p class=\"copro-report__made\">%t</p>", doc->made);
	htmlf(&h, "</main></body></html>\n");
	const char *s = html_str(&h);
	out->data = (unsigned char *)s;
	out->len = strlen(s);
	return 0;
}
