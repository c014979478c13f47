/* summaries.c: the short reports for boards (domain/summaries.h): the
 * one-page summary of a self-evaluation (whoever may read the evaluation)
 * and the area report for the SEND partnership board (the area's
 * administrators), each a page that prints as the report, with its files
 * sent as attachments and a line in the activity log. */
#include <string.h>

#include "domain/account.h"
#include "domain/summaries.h"
#include "report/docx.h"
#include "report/pdf.h"
#include "report/report_html.h"
#include "web/pages/pages.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

typedef struct board_format {
	const char *name, *label, *type, *note;
	int (*write)(request *r, const report_doc *doc, report_bytes *out);
} board_format;

/* Links in the files open copro's pages at the address the browser used. */
static int write_pdf(request *r, const report_doc *doc, report_bytes *out)
{
	report_pdf_options opt = {.base_url = site_address(r)};
	return report_pdf(doc, &opt, out, &r->e);
}

static int write_docx(request *r, const report_doc *doc, report_bytes *out)
{
	return report_docx(doc, site_address(r), out, &r->e);
}

static int write_xlsx(request *r, const report_doc *doc, report_bytes *out)
{
	return report_xlsx_bytes(doc, out, &r->e);
}

static const board_format summary_formats[] = {
	{"pdf", "PDF", "application/pdf", "one A4 page", write_pdf},
	{"docx", "Word", DOCX_TYPE, "to edit, or to attach where Word is asked for", write_docx},
	{0},
};

static const board_format area_formats[] = {
	{"pdf", "PDF", "application/pdf", "A4 landscape", write_pdf},
	{"xlsx", "Excel", XLSX_TYPE, "a sheet for each table", write_xlsx},
	{0},
};

static const board_format *format_named(const board_format *formats, const char *name)
{
	for (const board_format *f = formats; name && f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

/* The page: its heading, the files, then the report as HTML. `base` is
 * the page's own address, which the files hang from; the report's level-1
 * headings are <h{top}> (the summary has none: its level 2 are h2). */
static void report_page(request *r, const report_doc *doc, const char *back, const char *back_text,
			const char *base, const board_format *formats, int top)
{
	page_begin(r, doc->title);
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link copro-print-hide\">%t</a>"
		       "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>"
		       "<div class=\"copro-print-hide\"><h2 class=\"govuk-heading-m\">Download</h2><ul class=\"govuk-list\">",
	      back, back_text, doc->subtitle ? doc->subtitle : "", doc->title);
	for (const board_format *f = formats; f->name; f++)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a/%a\" download>%t (%t, %t)</a></li>",
		      base, f->name, doc->title, f->label, f->note);
	htmlf(&r->out, "</ul><p class=\"govuk-body\">To print, use your browser's Print command: this page "
		       "prints as the report, without copro's menus.</p></div>");
	report_html_options opt = {.base_url = ""};
	report_html_body(&r->out, doc, &opt, top);
	if (doc->made && *doc->made)
		htmlf(&r->out, "<p class=\"govuk-body-s\">%t</p>", doc->made);
	page_end(r);
}

static int send_file(request *r, const report_doc *doc, const board_format *f, int64_t area)
{
	report_bytes b;
	if (f->write(r, doc, &b) < 0)
		return page_failed(r);
	const char *what = arena_printf(&r->mem, "downloaded %s (%s)", doc->title, f->label);
	if (activity_log(&r->d, &r->sess.user, area ? 0 : r->org, area, what, &r->e) < 0)
		return page_error(r, &r->e);
	html_raw(&r->out, (const char *)b.data, b.len);
	r->content_type = f->type;
	r->download = arena_printf(&r->mem, "%s.%s", doc->filename, f->name);
	return 200;
}

static int summary_of(request *r, report_doc **doc)
{
	if (report_summary(&r->d, r->org, param_id(r, 1), NULL, doc, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	return 0;
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/summary (viewer) */
static int page_summary(request *r)
{
	report_doc *doc;
	int st = summary_of(r, &doc);
	if (st)
		return st;
	const char *evaluation = arena_printf(&r->mem, "/org/%lld/evaluation/%lld", (long long)r->org,
					      (long long)param_id(r, 1));
	report_page(r, doc, evaluation, "Back to the self-evaluation",
		    arena_printf(&r->mem, "%s/summary", evaluation), summary_formats, 1);
	return 200;
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/summary/{format} (viewer) */
static int page_summary_file(request *r)
{
	const board_format *f = format_named(summary_formats, param_named(r, "format"));
	if (!f)
		return page_not_found(r);
	report_doc *doc;
	int st = summary_of(r, &doc);
	if (st)
		return st;
	return send_file(r, doc, f, 0);
}

static int area_report_of(request *r, report_doc **doc)
{
	if (report_area(&r->d, r->area, NULL, doc, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	return 0;
}

/* ROUTE: GET /area/{area}/report (area administrator) */
static int page_area_report(request *r)
{
	report_doc *doc;
	int st = area_report_of(r, &doc);
	if (st)
		return st;
	report_page(r, doc, arena_printf(&r->mem, "/area/%lld", (long long)r->area), "Area portfolio",
		    arena_printf(&r->mem, "/area/%lld/report", (long long)r->area), area_formats, 2);
	return 200;
}

/* ROUTE: GET /area/{area}/report/{format} (area administrator) */
static int page_area_report_file(request *r)
{
	const board_format *f = format_named(area_formats, param_named(r, "format"));
	if (!f)
		return page_not_found(r);
	report_doc *doc;
	int st = area_report_of(r, &doc);
	if (st)
		return st;
	return send_file(r, doc, f, r->area);
}

const route summaries_routes[] = {
	{"GET", "/org/{org}/evaluation/{evaluation}/summary", page_summary, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/summary/{format}", page_summary_file, 0, ACCESS_VIEW},
	{"GET", "/area/{area}/report", page_area_report, 0, ACCESS_AREA},
	{"GET", "/area/{area}/report/{format}", page_area_report_file, 0, ACCESS_AREA},
	{0},
};
