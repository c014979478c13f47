/* export.c: the area's exports for its multi-agency dashboard (CSV files
 * and an Excel workbook); api_tokens.c has the tokens a dashboard reads the
 * JSON API with. Every route is the area administrator's (checked by
 * dispatch). */
#include <string.h>

#include "domain/area_export.h"
#include "web/pages/pages.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---- the downloads --------------------------------------------------- */

static const struct {
	const char *file, *kind, *holds;
} downloads[] = {
	{"organisations.csv", "CSV",
	 "Every organisation in the area: its name, sector, type, URN and local authority code."},
	{"audits.csv", "CSV",
	 "Every joint partnership audit that has been submitted, returned or accepted, one row per "
	 "version: its dates, outcome, summary and next steps, whether it is the latest version and "
	 "whether the area accepted it. Drafts are left out: they are the organisation's work in progress."},
	{"levels.csv", "CSV",
	 "For the same audit versions, the level, score and notes given for each principle."},
	{"projects.csv", "CSV",
	 "Every joint partnership project: its model, service area, dates, and how many of the "
	 "model's steps are done."},
	{"evaluations.csv", "CSV",
	 "Each organisation's latest Four Cornerstones self-evaluation, a row per cornerstone: its "
	 "status, statements judged, the tool's indicators with evidence, and the partner groups "
	 "involved. An organisation that has not started one has rows with no evaluation."},
	{"area.xlsx", "Excel",
	 "All five tables in one Excel workbook, a sheet for each."},
};

/* ROUTE: GET /area/{area}/export (area administrator) */
static int page_export(request *r)
{
	const char *name;
	int st = page_area_name(r, &name);
	if (st)
		return st;
	page_begin(r, "Export the area's data");
	htmlf(&r->out, "<a href=\"/area/%D\" class=\"govuk-back-link\">Area portfolio</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<span class=\"govuk-caption-l\">%t</span>"
		      "<h1 class=\"govuk-heading-l\">Export the area's data</h1>"
		      "<p class=\"govuk-body\">Download the area's joint partnership audits and projects, "
		      "and its organisations' self-evaluations, for your multi-agency data dashboard. Each file holds every organisation in the area, "
		      "as it is now.</p></div></div>",
	     r->area, name);
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Downloads</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">File</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">What it holds</th></tr></thead>"
		      "<tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < sizeof downloads / sizeof *downloads; i++)
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">"
			      "<a class=\"govuk-link\" href=\"/area/%D/export/%u\" download>%t"
			      "<span class=\"govuk-visually-hidden\"> (%t file)</span></a></td>"
			      "<td class=\"govuk-table__cell\">%t</td></tr>",
		     r->area, downloads[i].file, downloads[i].file, downloads[i].kind, downloads[i].holds);
	htmlf(&r->out, "</tbody></table>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<p class=\"govuk-body\">The CSV files use commas, UTF-8 text and one header row. "
		      "A value a spreadsheet could run as a formula (one starting with =, +, -, or @) "
		      "starts with an apostrophe, so it shows as text. Each file's first row names its "
		      "columns; copro's API documentation (the file docs/api.md that comes with copro) "
		      "describes each one.</p>"
		      "<h2 class=\"govuk-heading-m\">Data dashboard API</h2>"
		      "<p class=\"govuk-body\">A dashboard can read the same data as JSON, always up to date, "
		      "with an API token. A token reads this area's data only and can change nothing.</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/api-tokens\">Manage API tokens</a></p>"
		      "</div></div>",
	     r->area);
	page_end(r);
	return 200;
}

/* Appends exported bytes to the response. */
static int to_response(void *ctx, const char *bytes, size_t n, err *e)
{
	(void)e;
	html_raw(&((request *)ctx)->out, bytes, n);
	return 0;
}

/* ROUTE: GET /area/{area}/export/{file} (area administrator) */
static int page_download(request *r)
{
	const char *file = param_named(r, "file");
	bool xlsx = file && !strcmp(file, "area.xlsx");
	int table = -1;
	if (!xlsx && file) {
		size_t n = strlen(file);
		if (n > 4 && !strcmp(file + n - 4, ".csv"))
			table = area_table_parse(arena_strndup(&r->mem, file, n - 4));
	}
	if (!xlsx && table < 0)
		return page_not_found(r);
	export_sink sink = {to_response, r};
	int rc = xlsx ? area_export_xlsx(&r->d, r->area, &sink, &r->e)
		      : area_export_csv(&r->d, r->area, (enum area_table)table, &sink, &r->e);
	if (rc < 0)
		return page_failed(r);
	r->content_type = xlsx ? XLSX_TYPE : "text/csv; charset=utf-8";
	r->download = file;
	return 200;
}

const route export_routes[] = {
	{"GET", "/area/{area}/export", page_export, 0, ACCESS_AREA},
	{"GET", "/area/{area}/export/{file}", page_download, 0, ACCESS_AREA},
	{0},
};
