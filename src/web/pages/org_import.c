/* org_import.c: the area administrator loads the area's organisations from
 * a CSV file (a GIAS extract or name,sector,type): check first, then
 * import, all or nothing (docs/import.md). */
#include "web/pages/pages.h"

#include <string.h>

#include "domain/org_csv.h"

static void import_form(request *r, const char *area, const form_errors *fe)
{
	/* The token in the address too: the server checks it before it
	 * reads the file. */
	htmlf(&r->out, "<form method=\"post\" action=\"/area/%D/organisations/import?csrf=%a\" enctype=\"multipart/form-data\" novalidate>",
	      r->area, r->sess.csrf);
	form_csrf(r);
	form_file_upload(r, "file", "The CSV file", "An extract from Get Information About Schools, or a file"
			 " with the columns name, sector, type. Saved as CSV UTF-8, up to 10 MB.", ".csv,text/csv", fe);
	static const char *const closed[] = {"yes", "Include closed establishments too", NULL};
	bool include = fe && form_get(r, "include_closed");
	form_checkboxes(r, "include_closed", "Closed schools", closed, &include,
			"Closed establishments in a GIAS extract are skipped unless you tick this.", fe);
	static const char *const modes[] = {"check", "Check the file only: change nothing",
					    "import", "Import the organisations", NULL};
	form_radios(r, "mode", "What to do", modes, fe ? form_get(r, "mode") : NULL, NULL, fe);
	form_button(r, "Continue");
	htmlf(&r->out, "</form><p class=\"govuk-body\">Importing adds organisations to %t and updates the ones it"
		       " already has (matched by URN, or by name for the simple format). If any row is wrong,"
		       " nothing is imported and each problem is listed with its line number.</p>",
	      area);
}

static int page(request *r, const char *area, const form_errors *fe, int status)
{
	page_begin(r, "Import organisations");
	form_error_summary(r, fe);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		       "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Import organisations</h1>",
	      area);
	import_form(r, area, fe);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return status;
}

/* ROUTE: GET /area/{area}/organisations/import (area administrator) */
static int page_import(request *r)
{
	const char *area;
	int st = page_area_name(r, &area);
	return st ? st : page(r, area, NULL, 200);
}

static void report_counts(request *r, const org_csv_report *rep, bool dry)
{
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
	struct { const char *label; size_t n; } rows[] = {
		{dry ? "Would be added" : "Added", rep->added},
		{dry ? "Would be updated" : "Updated", rep->updated},
		{"Unchanged", rep->unchanged},
		{"Skipped (closed)", rep->skipped},
		{"Rows read", rep->rows},
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">%t</dt>"
			       "<dd class=\"govuk-summary-list__value\">%z</dd></div>",
		      rows[i].label, rows[i].n);
	htmlf(&r->out, "</dl>");
}

static void report_problems(request *r, const org_csv_report *rep)
{
	htmlf(&r->out, "<div class=\"copro-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Problems in the file\">"
		       "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
		       "Problems in the file</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		       "<th scope=\"col\" class=\"govuk-table__header\">Line</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">What is wrong</th></tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < rep->n_problems; i++) {
		const org_csv_problem *p = &rep->problems[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%R</td>"
			       "<td class=\"govuk-table__cell\">%t</td></tr>",
		      p->line ? arena_printf(&r->mem, "%zu", p->line) : "the whole file", sentence(r, p->message));
	}
	htmlf(&r->out, "</tbody></table></div>");
	if (rep->problems_total > rep->n_problems)
		htmlf(&r->out, "<p class=\"govuk-body\">%z more problems are not listed. Correct these and check the file again.</p>",
		      rep->problems_total - rep->n_problems);
}

/* ROUTE: POST /area/{area}/organisations/import (area administrator) */
static int page_import_post(request *r)
{
	const char *area;
	int st = page_area_name(r, &area);
	if (st)
		return st;
	const form_field *file = NULL;
	for (size_t i = 0; i < r->n_fields; i++)
		if (!strcmp(r->fields[i].name, "file"))
			file = &r->fields[i];
	const char *mode = form_get(r, "mode");
	form_errors fe = {0};
	if (!file || !file->len)
		form_error_add(&fe, "file", "Choose a CSV file");
	if (!mode || (strcmp(mode, "check") && strcmp(mode, "import")))
		form_error_add(&fe, "mode", "Select whether to check the file only or to import it");
	if (fe.n)
		return page(r, area, &fe, 400);

	org_csv_report *rep = arena_alloc(&r->mem, sizeof *rep);
	rep->dry_run = !strcmp(mode, "check");
	rep->include_closed = form_get(r, "include_closed") != NULL;
	err e = {0};
	int rc = org_import_csv(&r->d, area, file->value, file->len, rep, &e);
	if (rc < 0 && !rep->n_problems && e.kind != ERR_INPUT)
		return web_error_page(r, 500, "Sorry, something went wrong", e.msg);
	bool dry = rep->dry_run;
	if (rc >= 0 && !dry &&
	    activity_log(&r->d, &r->sess.user, 0, r->area,
			 arena_printf(&r->mem, "imported organisations from a CSV file: %zu added, %zu updated",
				      rep->added, rep->updated), &r->e) < 0)
		return page_error(r, &r->e);
	page_begin(r, rc < 0 ? "Error: The file cannot be imported" : dry ? "The file is ready to import"
									 : "Organisations imported");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		       "<span class=\"govuk-caption-l\">%t</span>", area);
	if (rc < 0) {
		htmlf(&r->out, "<h1 class=\"govuk-heading-l\">The file cannot be imported</h1>"
			       "<p class=\"govuk-body\">%t Nothing was changed.</p>", sentence(r, e.msg));
		report_problems(r, rep);
	} else {
		htmlf(&r->out, "<h1 class=\"govuk-heading-l\">%t</h1>",
		      dry ? "The file is ready to import" : "Organisations imported");
		if (dry)
			htmlf(&r->out, "<p class=\"govuk-body\">Nothing has changed yet. Choose the file again and"
				       " select \"Import the organisations\" to import it.</p>");
		report_counts(r, rep, dry);
	}
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/organisations/import\">Import another file</a>"
		       " · <a class=\"govuk-link\" href=\"/area/%D\">The area portfolio</a></p></div></div>",
	      r->area, r->area);
	page_end(r);
	return rc < 0 ? 400 : 200;
}

const route org_import_routes[] = {
	{"GET", "/area/{area}/organisations/import", page_import, 0, ACCESS_NONE},
	{"POST", "/area/{area}/organisations/import", page_import_post, ROUTE_POST | ROUTE_UPLOAD, ACCESS_NONE},
	{0},
};
