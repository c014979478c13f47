/* report.c: `copro report KIND ID --format pdf|docx|html|xlsx [--output FILE]`: a
 * printable report (domain/reports.h) written as a file. New kinds and
 * formats are a row in the tables below. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/reports.h"
#include "domain/summaries.h"
#include "report/docx.h"
#include "report/pdf.h"
#include "report/report_html.h"

typedef struct report_kind {
	const char *name;       /* as typed */
	const char *what;       /* "The self-evaluation": names the ID in messages */
	int (*build)(domain *d, int64_t org, int64_t id, report_doc **out, err *e);
	const char *formats;    /* the formats it comes in (NULL: pdf, docx and html) */
	/* The ID as typed into a record number (NULL: it is the number);
	 * answers an exit code, the message printed. */
	int (*find)(cli *c, const char *text, int64_t *id);
} report_kind;

static int build_summary(domain *d, int64_t org, int64_t id, report_doc **out, err *e)
{
	return report_summary(d, org, id, NULL, out, e);
}

/* The area report has no organisation to check: `org` is always 0 here. */
static int build_area(domain *d, int64_t org, int64_t id, report_doc **out, err *e)
{
	(void)org;
	return report_area(d, id, NULL, out, e);
}

static const report_kind kinds[] = {
	{"evaluation", "The self-evaluation", report_evaluation, NULL, NULL},
	{"audit", "The audit", report_audit, NULL, NULL},
	{"plan", "The plan", report_plan, NULL, NULL},
	{"summary", "The self-evaluation", build_summary, "pdf docx html", NULL},
	{"area", "The area", build_area, "pdf xlsx", cli_find_area},
};

typedef struct report_format {
	const char *name, *ext;
	int (*write)(cli *c, const report_doc *doc, const char *base_url, report_bytes *out);
} report_format;

static int write_pdf(cli *c, const report_doc *doc, const char *base_url, report_bytes *out)
{
	report_pdf_options opt = {.base_url = base_url};
	return report_pdf(doc, &opt, out, &c->e);
}

static int write_html(cli *c, const report_doc *doc, const char *base_url, report_bytes *out)
{
	report_html_options opt = {.base_url = base_url};
	return report_html(doc, &opt, out, &c->e);
}

static int write_docx(cli *c, const report_doc *doc, const char *base_url, report_bytes *out)
{
	return report_docx(doc, base_url, out, &c->e);
}

static int write_xlsx(cli *c, const report_doc *doc, const char *base_url, report_bytes *out)
{
	(void)base_url;
	return report_xlsx_bytes(doc, out, &c->e);
}

static const report_format formats[] = {
	{"pdf", "pdf", write_pdf},
	{"docx", "docx", write_docx},
	{"html", "html", write_html},
	{"xlsx", "xlsx", write_xlsx},
};

/* Whether `kind` comes as `fmt` ("docx" in "pdf docx html"). */
static bool kind_has(const report_kind *kind, const char *fmt)
{
	const char *list = kind->formats ? kind->formats : "pdf docx html";
	size_t n = strlen(fmt);
	for (const char *p = strstr(list, fmt); p; p = strstr(p + 1, fmt))
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

/* "pdf, docx or html": the kind's formats as a message says them. */
static const char *kind_formats(cli *c, const report_kind *kind)
{
	const char *out = "";
	size_t n = 0, k = 0;
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		n += kind_has(kind, formats[i].name);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (kind_has(kind, formats[i].name)) {
			out = arena_printf(&c->mem, "%s%s%s", out, k == 0 ? "" : k + 1 == n ? " or " : ", ",
					   formats[i].name);
			k++;
		}
	return out;
}

/* "a, b or c" from the names of a table whose rows begin with one. */
static const char *names(cli *c, size_t stride, const void *table, size_t n)
{
	const char *out = "";
	for (size_t i = 0; i < n; i++) {
		const char *name = *(const char *const *)((const char *)table + i * stride);
		out = arena_printf(&c->mem, "%s%s%s", out, i == 0 ? "" : i + 1 == n ? " or " : ", ", name);
	}
	return out;
}

/* Writes to path.tmp, then renames: a failed write leaves nothing. */
static int save(cli *c, const char *path, const report_bytes *b)
{
	const char *tmp = arena_printf(&c->mem, "%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	if (!f)
		return err_set(&c->e, ERR_IO, "Cannot write %s: check the folder exists and you may write there.", path);
	bool ok = fwrite(b->data, 1, b->len, f) == b->len;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		remove(tmp);
		return err_set(&c->e, ERR_IO, "Cannot write %s: check there is room on the disk.", path);
	}
	return 0;
}

static int put_out(cli *c, const char *output, const report_doc *doc, const report_format *fmt,
		   const report_bytes *b)
{
	if (!output && !isatty(STDOUT_FILENO)) {
		if (fwrite(b->data, 1, b->len, stdout) != b->len || fflush(stdout) != 0)
			return err_set(&c->e, ERR_IO, "Cannot write the report to standard output.");
		return 0;
	}
	const char *path = output ? output : arena_printf(&c->mem, "%s.%s", doc->filename, fmt->ext);
	if (save(c, path, b) < 0)
		return -1;
	fprintf(stderr, "Wrote %s (%zu bytes).\n", path, b->len);
	return 0;
}

static int cmd_report(cli *c, int argc, char **argv)
{
	const char *pos[2], *format = NULL, *output = NULL, *base_url = NULL;
	size_t n;
	int64_t id;
	const cli_opt opts[] = {{"--format", &format, NULL, NULL}, {"--output", &output, NULL, NULL},
				{"--base-url", &base_url, NULL, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 2, 2, &n) < 0)
		return EXIT_USAGE;
	const report_kind *kind = NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (!strcmp(kinds[i].name, pos[0]))
			kind = &kinds[i];
	if (!kind)
		return cli_usage_error(c, "There is no report \"%s\": name one of %s.", pos[0],
				       names(c, sizeof *kinds, kinds, sizeof kinds / sizeof *kinds)), EXIT_USAGE;
	if (!kind->find && cli_id(c, kind->what, pos[1], &id) < 0)
		return EXIT_USAGE;
	const report_format *fmt = NULL;
	for (size_t i = 0; format && i < sizeof formats / sizeof *formats; i++)
		if (!strcmp(formats[i].name, format) && kind_has(kind, format))
			fmt = &formats[i];
	if (!fmt)
		return cli_usage_error(c, "%s --format: say %s.", format ? "There is no such" : "Say which file with",
				       kind_formats(c, kind)), EXIT_USAGE;
	if (output && !*output)
		return cli_usage_error(c, "--output needs a file name."), EXIT_USAGE;
	if (base_url && strncmp(base_url, "https://", 8) && strncmp(base_url, "http://", 7))
		return cli_usage_error(c, "--base-url must begin with https:// or http://."), EXIT_USAGE;
	report_doc *doc;
	report_bytes b;
	int rc;
	if (kind->find && (rc = kind->find(c, pos[1], &id)) != EXIT_OK)
		return rc;
	if (cli_open(c) < 0 || kind->build(&c->d, 0, id, &doc, &c->e) < 0 ||
	    fmt->write(c, doc, base_url, &b) < 0 || put_out(c, output, doc, fmt, &b) < 0)
		return cli_fail(c);
	return EXIT_OK;
}

const command report_commands[] = {
	{"report", "a printable report (a self-evaluation, an audit, a plan, a one-page summary, an area's) as PDF, Word, HTML or Excel",
	 "Usage: copro report KIND ID --format pdf|docx|html|xlsx [--output FILE] [--base-url URL]\n\n"
	 "KIND is one of:\n"
	 "  evaluation  a self-evaluation as the tool's grid, statement by statement\n"
	 "              (ID its number; pdf, docx or html)\n"
	 "  audit       a joint partnership audit as York's form (ID its number;\n"
	 "              pdf, docx or html)\n"
	 "  plan        a service plan as its grid (ID its number; pdf, docx or html)\n"
	 "  summary     a self-evaluation on one page for governors and boards\n"
	 "              (ID its number; pdf, docx or html)\n"
	 "  area        the area report for the SEND partnership board (ID the area's\n"
	 "              name; pdf or xlsx)\n\n"
	 "Without --output the report goes to standard output when that\n"
	 "is a pipe or a file, else to a file named after the report in this folder.\n"
	 "--base-url (the address copro is reached at) makes the report's links to\n"
	 "copro's pages absolute; without it the report has no web links.\n\n"
	 "Example:\n  copro report evaluation 1 --format pdf --output self-evaluation.pdf\n"
	 "  copro report summary 1 --format docx\n"
	 "  copro report area \"North Yorkshire\" --format xlsx --output board.xlsx\n",
	 cmd_report},
	{0},
};
