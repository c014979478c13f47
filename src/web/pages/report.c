/* report.c: the "Print or download" pages of the printable reports
 * (domain/reports.h): the report itself as HTML, which prints on A4, with
 * links to the files; and the files (PDF, Word), sent as attachments with a line
 * in the activity log. Who may read the record may print and download it. */
#include <string.h>

#include "domain/reports.h"
#include "report/docx.h"
#include "report/pdf.h"
#include "report/report_html.h"
#include "web/pages/pages.h"

typedef int (*report_builder)(domain *d, int64_t org, int64_t id, report_doc **out, err *e);

typedef struct report_kind {
	const char *name;       /* the record's part of the address: "evaluation" */
	const char *record;     /* the record's page in words, for the back link */
	report_builder build;
	bool one;               /* of one record, its id the route's second placeholder */
} report_kind;

typedef struct report_format {
	const char *name, *label, *type;
	int (*write)(request *r, const report_doc *doc, report_bytes *out);
} report_format;

static const report_kind kinds[] = {
	{"evaluation", "Back to the self-evaluation", report_evaluation, true},
	{"audit", "Back to the audit", report_audit, true},
	{"plan", "Back to the plan", report_plan, true},
	{"measures", "Back to success measures", report_measures, false},
	{"actions", "Back to actions", report_actions, false},
};

/* The address the browser used ("https://copro.example.org"): the PDF's
 * links then open copro's pages. */
static int write_pdf(request *r, const report_doc *doc, report_bytes *out)
{
	report_pdf_options opt = {.base_url = site_address(r)};
	return report_pdf(doc, &opt, out, &r->e);
}

/* Word, for an organisation that must edit the report or attach it where
 * Word is asked for; links as in the PDF. */
static int write_docx(request *r, const report_doc *doc, report_bytes *out)
{
	return report_docx(doc, site_address(r), out, &r->e);
}

static const report_format formats[] = {
	{"pdf", "PDF", "application/pdf", write_pdf},
	{"docx", "Word", DOCX_TYPE, write_docx},
};

/* The kind named by the route: its first segment after /org/{org}/. */
static const report_kind *kind_of(const request *r)
{
	const char *p = r->route->pattern + strlen("/org/{org}/");
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (!strncmp(p, kinds[i].name, strlen(kinds[i].name)) && p[strlen(kinds[i].name)] == '/')
			return &kinds[i];
	return NULL;
}

/* The report's record page (the report page's address without /report). */
static const char *record_path(request *r)
{
	const char *at = strstr(r->path, "/report");
	return arena_strndup(&r->mem, r->path, at ? (size_t)(at - r->path) : strlen(r->path));
}

static int build(request *r, const report_kind **k, report_doc **doc)
{
	*k = kind_of(r);
	if (!*k)
		return page_not_found(r);
	int64_t id = (*k)->one ? param_id(r, 1) : 0;
	if ((*k)->build(&r->d, r->org, id, doc, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	return 0;
}

static void downloads(request *r, const report_doc *doc)
{
	htmlf(&r->out, "<div class=\"copro-print-hide\"><h2 class=\"govuk-heading-m\">Download</h2><ul class=\"govuk-list\">");
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a/report/%a\" download>%t (%t, A4 %t)</a></li>",
		      record_path(r), formats[i].name, doc->title, formats[i].label,
		      doc->landscape ? "landscape" : "portrait");
	htmlf(&r->out, "</ul><p class=\"govuk-body\">To print, use your browser's Print command: this page "
		      "prints as the report, on A4, without copro's menus.</p></div>");
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/report (viewer) */
/* ROUTE: GET /org/{org}/audit/{audit}/report (viewer) */
/* ROUTE: GET /org/{org}/plan/{plan}/report (viewer) */
/* ROUTE: GET /org/{org}/measures/report (viewer) */
/* ROUTE: GET /org/{org}/actions/report (viewer) */
static int page_report(request *r)
{
	const report_kind *k;
	report_doc *doc;
	int st = build(r, &k, &doc);
	if (st)
		return st;
	page_begin(r, doc->title);
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link copro-print-hide\">%t</a>"
		       "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	      record_path(r), k->record, doc->subtitle ? doc->subtitle : "", doc->title);
	downloads(r, doc);
	report_html_options opt = {.base_url = ""};
	report_html_body(&r->out, doc, &opt, 2);
	if (doc->made && *doc->made)
		htmlf(&r->out, "<p class=\"govuk-body-s copro-report__made\">%t</p>", sentence(r, doc->made));
	page_end(r);
	return 200;
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/report/{format} (viewer) */
/* ROUTE: GET /org/{org}/audit/{audit}/report/{format} (viewer) */
/* ROUTE: GET /org/{org}/plan/{plan}/report/{format} (viewer) */
/* ROUTE: GET /org/{org}/measures/report/{format} (viewer) */
/* ROUTE: GET /org/{org}/actions/report/{format} (viewer) */
static int page_file(request *r)
{
	const char *name = param_named(r, "format");
	const report_format *fmt = NULL;
	for (size_t i = 0; name && i < sizeof formats / sizeof *formats; i++)
		if (!strcmp(formats[i].name, name))
			fmt = &formats[i];
	if (!fmt)
		return page_not_found(r);
	const report_kind *k;
	report_doc *doc;
	report_bytes b;
	int st = build(r, &k, &doc);
	if (st)
		return st;
	if (fmt->write(r, doc, &b) < 0)
		return page_failed(r);
	if (page_log(r, arena_printf(&r->mem, "downloaded %s (%s)", doc->title, fmt->label)) < 0)
		return page_error(r, &r->e);
	html_raw(&r->out, (const char *)b.data, b.len);
	r->content_type = fmt->type;
	r->download = arena_printf(&r->mem, "%s.%s", doc->filename, fmt->name);
	return 200;
}

void print_or_download_link(request *r, const char *path, const char *what)
{
	htmlf(&r->out, "<p class=\"govuk-body copro-print-hide\"><a class=\"govuk-link\" href=\"%a/report\">"
		       "Print or download</a> %t.</p>", path, what);
}

const route report_routes[] = {
	{"GET", "/org/{org}/evaluation/{evaluation}/report", page_report, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/report/{format}", page_file, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/audit/{audit}/report", page_report, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/audit/{audit}/report/{format}", page_file, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/plan/{plan}/report", page_report, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/plan/{plan}/report/{format}", page_file, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/measures/report", page_report, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/measures/report/{format}", page_file, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/actions/report", page_report, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/actions/report/{format}", page_file, 0, ACCESS_VIEW},
	{0},
};
