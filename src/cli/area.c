/* area.c: `copro area export` (an area's data as CSV, Excel or JSON for
 * its dashboard), `copro area token add|list|revoke` (the API tokens the
 * dashboard reads the JSON API with) and `copro area summary` (every
 * area's figures side by side, for whoever runs the installation). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/text.h"
#include "domain/account.h"
#include "domain/area.h"
#include "domain/area_export.h"
#include "domain/national.h"

int cli_find_area(cli *c, const char *name, int64_t *area)
{
	if (cli_open(c) < 0)
		return cli_fail(c);
	int found = area_find(&c->d, name, area, &c->e);
	if (found < 0)
		return cli_fail(c);
	if (!found) {
		fprintf(stderr, "copro %s: there is no area \"%s\": give an area's name as `copro org list` "
			"shows it (areas are made when an organisation is added with --area).\n",
			c->command, name);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* ---- writing to a file or stdout -------------------------------------- */

typedef struct out_file {
	FILE *f;
	const char *path;       /* NULL: stdout */
} out_file;

static int file_write(void *ctx, const char *bytes, size_t n, err *e)
{
	out_file *o = ctx;
	if (fwrite(bytes, 1, n, o->f) == n)
		return 0;
	return err_set(e, ERR_IO, "cannot write %s: %s.", o->path ? o->path : "to standard output",
		       strerror(errno));
}

/* Closes the output after `rc` (the writing's result); a half-written
 * file must not pass for an export, so it is removed. */
static int out_close(cli *c, out_file *o, int rc)
{
	if (o->path) {
		if (fclose(o->f) != 0 && rc == 0)
			rc = err_set(&c->e, ERR_IO, "cannot write %s: %s.", o->path, strerror(errno));
		if (rc < 0)
			remove(o->path);
	} else if (fflush(stdout) != 0 && rc == 0) {
		rc = err_set(&c->e, ERR_IO, "cannot write to standard output: %s.", strerror(errno));
	}
	return rc;
}

static bool is_dir(const char *path)
{
	struct stat sb;
	return path && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static bool to_stdout(const char *out)
{
	return !out || !strcmp(out, "-");
}

enum format { FORMAT_CSV, FORMAT_XLSX, FORMAT_JSON };

typedef struct export_job {
	enum format format;
	int table;              /* an area_table, or -1 for all */
	int64_t area;
} export_job;

static int write_json(cli *c, const export_job *job, export_sink *sink)
{
	unsigned tables = 0;
	if (job->table >= 0)
		tables = 1u << job->table;
	else
		/* Audits carry their levels: all tables need no separate list. */
		tables = 1u << AREA_ORGANISATIONS | 1u << AREA_AUDITS | 1u << AREA_PROJECTS | 1u << AREA_EVALUATIONS;
	json_t *doc;
	if (area_api_document(&c->d, job->area, tables, NULL, &doc, &c->e) < 0)
		return -1;
	char *text = json_dumps(doc, JSON_INDENT(2));
	json_decref(doc);
	if (!text)
		return err_set(&c->e, ERR_INTERNAL, "cannot write the JSON document (a bug in copro).");
	int rc = sink->write(sink->ctx, text, strlen(text), &c->e);
	free(text);
	return rc < 0 ? -1 : sink->write(sink->ctx, "\n", 1, &c->e);
}

/* One file (or stdout): the whole job when it is one file. */
static int write_one(cli *c, const export_job *job, const char *path)
{
	out_file o = {stdout, NULL};
	if (path) {
		o.path = path;
		o.f = fopen(path, "wb");
		if (!o.f)
			return err_set(&c->e, ERR_IO, "cannot create %s: %s: check the directory exists and "
				       "you may write there.", path, strerror(errno));
	}
	export_sink sink = {file_write, &o};
	int rc;
	if (job->format == FORMAT_JSON)
		rc = write_json(c, job, &sink);
	else if (job->format == FORMAT_XLSX)
		rc = area_export_xlsx(&c->d, job->area, &sink, &c->e);
	else
		rc = area_export_csv(&c->d, job->area, (enum area_table)job->table, &sink, &c->e);
	return out_close(c, &o, rc);
}

static const char *join_path(cli *c, const char *dir, const char *file)
{
	size_t n = strlen(dir);
	return arena_printf(&c->mem, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", file);
}

/* Checks the options against each other before anything is read. */
static int export_usage(cli *c, const char *format, const char *table, const char *out,
			export_job *job)
{
	if (!format)
		return cli_usage_error(c, "--format is required: csv, xlsx or json.");
	if (!strcmp(format, "csv")) job->format = FORMAT_CSV;
	else if (!strcmp(format, "xlsx")) job->format = FORMAT_XLSX;
	else if (!strcmp(format, "json")) job->format = FORMAT_JSON;
	else return cli_usage_error(c, "--format \"%s\" is not known: use csv, xlsx or json.", format);
	job->table = -1;
	if (table && strcmp(table, "all")) {
		job->table = area_table_parse(table);
		if (job->table < 0)
			return cli_usage_error(c, "--table \"%s\" is not known: use organisations, audits, "
					       "levels, projects, evaluations or all.", table);
	}
	if (job->format == FORMAT_XLSX && job->table >= 0)
		return cli_usage_error(c, "an xlsx workbook always holds every table, a sheet each: "
				       "leave out --table (or use --table all).");
	if (job->format == FORMAT_XLSX && to_stdout(out))
		return cli_usage_error(c, "--out PATH is required for xlsx: name the workbook file, "
				       "for example --out area.xlsx.");
	if (job->format == FORMAT_CSV && job->table < 0 && !is_dir(out))
		return cli_usage_error(c, "a CSV file holds one table: give --table, or make --out an "
				       "existing directory to get all four files there.");
	return 0;
}

static int cmd_area_export(cli *c, int argc, char **argv)
{
	const char *pos[1], *format = NULL, *table = NULL, *out = NULL;
	const cli_opt opts[] = {{"--format", &format, NULL, NULL}, {"--table", &table, NULL, NULL},
				{"--out", &out, NULL, NULL}, {0}};
	export_job job = {0};
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    export_usage(c, format, table, out, &job) < 0)
		return EXIT_USAGE;
	int rc = cli_find_area(c, pos[0], &job.area);
	if (rc != EXIT_OK)
		return rc;
	if (job.format == FORMAT_CSV && job.table < 0) {
		for (int t = 0; t < AREA_TABLES; t++) {
			export_job one = job;
			one.table = t;
			const char *path = join_path(c, out, arena_printf(&c->mem, "%s.csv", area_table_names[t]));
			if (write_one(c, &one, path) < 0)
				return cli_fail(c);
			printf("Wrote %s\n", path);
		}
		return EXIT_OK;
	}
	const char *path = to_stdout(out) ? NULL : out;
	if (path && is_dir(path))
		path = join_path(c, path, job.format == FORMAT_XLSX ? "area.xlsx" :
				 arena_printf(&c->mem, "%s.%s", job.table < 0 ? "area" : area_table_names[job.table],
					      job.format == FORMAT_JSON ? "json" : "csv"));
	if (write_one(c, &job, path) < 0)
		return cli_fail(c);
	if (path)
		printf("Wrote %s\n", path);
	return EXIT_OK;
}

/* ---- tokens ----------------------------------------------------------- */

static int token_add(cli *c, int64_t area, const char *area_name, const char *name)
{
	char token[65];
	int64_t id;
	if (api_token_create_logged(&c->d, NULL, area, name, token, &id, &c->e) < 0)
		return cli_fail(c);
	printf("Created API token %lld (%s) for %s.\n"
	       "Token: %s\n"
	       "Copy it now: this is the only time copro shows it (only its fingerprint is kept).\n"
	       "A dashboard sends it as the header \"Authorization: Bearer TOKEN\" (docs/api.md).\n",
	       (long long)id, name, area_name, token);
	return EXIT_OK;
}

static int token_list(cli *c, int64_t area, bool json)
{
	api_token_list list;
	if (api_tokens_of_area(&c->d, area, &list, &c->e) < 0)
		return cli_fail(c);
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < list.n; i++) {
			const api_token_row *t = &list.items[i];
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:o, s:o}",
				"id", (json_int_t)t->id, "name", t->name, "created_at", t->created_at,
				"last_used_at", json_str_or_null(t->last_used_at),
				"revoked_at", json_str_or_null(t->revoked_at)));
		}
		return cli_print_json(arr);
	}
	if (!list.n) {
		printf("This area has no API tokens. Create one with: copro area token add AREA --name NAME\n");
		return EXIT_OK;
	}
	printf("%5s  %-20s %-20s %-20s %s\n", "No.", "Created", "Last used", "Revoked", "Name");
	for (size_t i = 0; i < list.n; i++) {
		const api_token_row *t = &list.items[i];
		printf("%5lld  %-20s %-20s %-20s %s\n", (long long)t->id, t->created_at,
		       t->last_used_at ? t->last_used_at : "never", t->revoked_at ? t->revoked_at : "-",
		       t->name);
	}
	return EXIT_OK;
}

static int token_revoke(cli *c, int64_t area, int64_t id)
{
	api_token_list list;
	if (api_tokens_of_area(&c->d, area, &list, &c->e) < 0)
		return cli_fail(c);
	const api_token_row *t = NULL;
	for (size_t i = 0; i < list.n; i++)
		if (list.items[i].id == id)
			t = &list.items[i];
	if (!t || t->revoked_at) {
		fprintf(stderr, "copro %s: this area has no live API token %lld: "
			"`copro area token list AREA` shows its tokens.\n", c->command, (long long)id);
		return EXIT_FAIL;
	}
	if (api_token_revoke_logged(&c->d, NULL, area, id, &c->e) < 0)
		return cli_fail(c);
	printf("Revoked API token %lld (%s): the API refuses it from now on.\n", (long long)id, t->name);
	return EXIT_OK;
}

static int cmd_area_token(cli *c, int argc, char **argv)
{
	const char *pos[3], *name = NULL;
	bool json = false;
	size_t n;
	const cli_opt opts[] = {{"--name", &name, NULL, NULL}, {"--json", NULL, &json, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 2, 3, &n) < 0)
		return EXIT_USAGE;
	const char *verb = pos[0];
	bool add = !strcmp(verb, "add"), list = !strcmp(verb, "list"), revoke = !strcmp(verb, "revoke");
	int64_t id = 0;
	if (!add && !list && !revoke)
		return cli_usage_error(c, "\"%s\" is not something to do with tokens: use add, list or revoke.",
				       verb), EXIT_USAGE;
	if (n != (revoke ? 3u : 2u))
		return cli_usage_error(c, revoke ? "give the area and the token's number: "
				       "copro area token revoke AREA ID." : "give the area's name only."),
		       EXIT_USAGE;
	if (revoke && cli_id(c, "The token", pos[2], &id) < 0)
		return EXIT_USAGE;
	if (name && !add)
		return cli_usage_error(c, "--name is for add only."), EXIT_USAGE;
	if (json && !list)
		return cli_usage_error(c, "--json is for list only."), EXIT_USAGE;
	if (add && !name)
		return cli_usage_error(c, "--name is required: say what will use the token, "
				       "for example --name \"Area dashboard\"."), EXIT_USAGE;
	int64_t area;
	int rc = cli_find_area(c, pos[1], &area);
	if (rc != EXIT_OK)
		return rc;
	if (add)
		return token_add(c, area, pos[1], name);
	if (list)
		return token_list(c, area, json);
	return token_revoke(c, area, id);
}


/* ---- the whole-country summary ---------------------------------------- */

/* "23 November 2026" from YYYY-MM-DD. */
static const char *date_words(cli *c, const char *iso)
{
	return date_in_words(&c->mem, iso);
}

/* The text table's columns: a heading and each row's number. */
typedef struct column {
	const char *heading;
	size_t width;
} column;

/* The numbers of one row, in the columns' order. */
static size_t row_numbers(const national_summary *s, const national_counts *n, size_t *out)
{
	size_t k = 0;
	out[k++] = n->organisations;
	out[k++] = n->with_evaluation;
	for (int i = 0; i < NATIONAL_STATUSES; i++)
		out[k++] = n->evaluations[i];
	out[k++] = n->audited;
	out[k++] = n->audited_in_window;
	for (size_t i = 0; i < s->n_outcomes; i++)
		out[k++] = n->outcomes[i];
	out[k++] = n->at_lowest;
	out[k++] = n->reviews_overdue;
	out[k++] = n->actions_overdue;
	return k;
}

static void pad(FILE *f, const char *text, size_t width)
{
	fputs(text, f);
	for (size_t n = utf8_chars(text); n < width; n++)
		fputc(' ', f);
}

static void text_row(FILE *f, const column *cols, size_t n_cols, const char *name,
		     const size_t *numbers)
{
	pad(f, name, cols[0].width);
	for (size_t i = 1; i < n_cols; i++)
		fprintf(f, "  %*zu", (int)cols[i].width, numbers[i - 1]);
	fputc('\n', f);
}

/* An aligned table: a line per area, then the totals. Outcome and level
 * headings are the instrument's titles. */
static void summary_text(cli *c, const national_summary *s, FILE *f)
{
	size_t n_cols = 1 + 9 + s->n_outcomes + 2, k = 0;
	column *cols = ARENA_ARRAY(&c->mem, n_cols, cols);
	cols[k++].heading = "Area";
	static const char *const before[] = {"Organisations", "Self-evaluated", "Draft", "In review",
					     "Submitted", "Audited", "In 12 months"};
	for (size_t i = 0; i < sizeof before / sizeof *before; i++)
		cols[k++].heading = before[i];
	for (size_t i = 0; i < s->n_outcomes; i++)
		cols[k++].heading = s->outcomes[i].title ? s->outcomes[i].title : s->outcomes[i].key;
	cols[k++].heading = s->lowest.title ? s->lowest.title : s->lowest.key;
	cols[k++].heading = "Reviews overdue";
	cols[k++].heading = "Actions overdue";
	n_cols = k;
	size_t *numbers = ARENA_ARRAY(&c->mem, n_cols, numbers);
	for (size_t i = 0; i < n_cols; i++)
		cols[i].width = utf8_chars(cols[i].heading);
	for (size_t a = 0; a <= s->n_areas; a++) {
		const char *name = a < s->n_areas ? s->areas[a].name : "All areas";
		row_numbers(s, a < s->n_areas ? &s->areas[a].n : &s->totals, numbers);
		if (utf8_chars(name) > cols[0].width)
			cols[0].width = utf8_chars(name);
		for (size_t i = 1; i < n_cols; i++) {
			size_t w = (size_t)snprintf(NULL, 0, "%zu", numbers[i - 1]);
			if (w > cols[i].width)
				cols[i].width = w;
		}
	}
	fprintf(f, "Whole-country summary on %s: audits are each organisation's latest accepted one; "
		"\"In 12 months\" and the outcomes count those dated %s to %s.\n\n",
		date_words(c, s->dates.today), date_words(c, s->dates.since), date_words(c, s->dates.today));
	pad(f, cols[0].heading, cols[0].width);
	for (size_t i = 1; i < n_cols; i++)
		fprintf(f, "  %*s", (int)(cols[i].width + strlen(cols[i].heading) - utf8_chars(cols[i].heading)),
			cols[i].heading);
	fputc('\n', f);
	for (size_t a = 0; a < s->n_areas; a++) {
		row_numbers(s, &s->areas[a].n, numbers);
		text_row(f, cols, n_cols, s->areas[a].name, numbers);
	}
	row_numbers(s, &s->totals, numbers);
	text_row(f, cols, n_cols, "All areas", numbers);
}

enum summary_format { SUMMARY_TEXT, SUMMARY_JSON, SUMMARY_CSV };

static int summary_write(cli *c, const national_summary *s, enum summary_format format,
			 out_file *o)
{
	if (format == SUMMARY_CSV) {
		export_sink sink = {file_write, o};
		if (national_summary_csv(s, &sink, &c->e) < 0)
			return -1;
	} else if (format == SUMMARY_TEXT) {
		summary_text(c, s, o->f);
	} else {
		json_t *doc = national_summary_json(s);
		if (!doc)
			return err_set(&c->e, ERR_INTERNAL, "cannot build the JSON document (a bug in copro).");
		json_dumpf(doc, o->f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(doc);
		fputc('\n', o->f);
	}
	/* A failed buffered write shows only here, or at the flush. */
	if (ferror(o->f))
		return err_set(&c->e, ERR_IO, "cannot write %s: %s.", o->path ? o->path : "to standard output",
			       strerror(errno));
	return 0;
}

static int cmd_area_summary(cli *c, int argc, char **argv)
{
	const char *out = NULL;
	bool json = false, csv = false;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {"--csv", NULL, &csv, NULL},
				{"--out", &out, NULL, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	if (json && csv)
		return cli_usage_error(c, "--json and --csv cannot go together: choose one "
				       "(or neither, for a table to read)."), EXIT_USAGE;
	const char *path = to_stdout(out) ? NULL : out;
	if (path && is_dir(path))
		return cli_usage_error(c, "--out %s is a directory: give a file name, for example "
				       "--out %s/summary.%s.", path, path, csv ? "csv" : json ? "json" : "txt"),
		       EXIT_USAGE;
	if (cli_open(c) < 0)
		return cli_fail(c);
	national_summary s;
	if (national_summary_load(&c->d, NULL, &s, &c->e) < 0)
		return cli_fail(c);
	out_file o = {stdout, NULL};
	if (path) {
		o.path = path;
		o.f = fopen(path, "wb");
		if (!o.f) {
			err_set(&c->e, ERR_IO, "cannot create %s: %s: check the directory exists and you may "
				"write there.", path, strerror(errno));
			return cli_fail(c);
		}
	}
	int rc = summary_write(c, &s, csv ? SUMMARY_CSV : json ? SUMMARY_JSON : SUMMARY_TEXT, &o);
	rc = out_close(c, &o, rc);
	if (rc < 0)
		return cli_fail(c);
	if (path)
		printf("Wrote %s\n", path);
	return EXIT_OK;
}

const command area_commands[] = {
	{"area export", "an area's audits, projects and self-evaluations as CSV, Excel or JSON",
	 "Usage: copro area export AREA --format csv|xlsx|json [--table TABLE] [--out PATH]\n\n"
	 "Writes the data of every organisation in area AREA (its name) for a dashboard.\n"
	 "Audits are every submitted, returned or accepted version; drafts are left out.\n\n"
	 "  --format F    csv, xlsx or json\n"
	 "  --table T     organisations, audits, levels, projects, evaluations or all\n"
	 "                (the default)\n"
	 "  --out PATH    where to write; - or no --out writes to standard output\n\n"
	 "csv: one table a file. With one --table, --out is the file (or a directory,\n"
	 "     which gets TABLE.csv); with all tables, --out must be an existing\n"
	 "     directory and gets organisations.csv, audits.csv, levels.csv, projects.csv\n"
	 "     and evaluations.csv.\n"
	 "xlsx: one workbook with a sheet per table, always every table; --out is\n"
	 "     required (a file, or a directory which gets area.xlsx).\n"
	 "json: one document as the API gives it (docs/api.md); audits carry their\n"
	 "     levels, so all tables are organisations, audits, projects and evaluations.\n\n"
	 "Example:\n"
	 "  copro area export \"York\" --format csv --table audits --out audits.csv\n"
	 "  copro area export \"York\" --format csv --out exports/\n"
	 "  copro area export \"York\" --format xlsx --out york.xlsx\n",
	 cmd_area_export},
	{"area token", "add, list or revoke an area's API tokens for the JSON API",
	 "Usage: copro area token add AREA --name NAME\n"
	 "       copro area token list AREA [--json]\n"
	 "       copro area token revoke AREA ID\n\n"
	 "A token lets a dashboard read area AREA's data from the JSON API, sent as the\n"
	 "header \"Authorization: Bearer TOKEN\" (docs/api.md). add prints the token once:\n"
	 "copy it then, copro keeps only its fingerprint. revoke stops it at once.\n\n"
	 "Example:\n"
	 "  copro area token add \"York\" --name \"Multi-agency dashboard\"\n"
	 "  copro area token list \"York\"\n"
	 "  copro area token revoke \"York\" 2\n",
	 cmd_area_token},
	{"area summary", "every area's organisations, self-evaluations, audits and actions",
	 "Usage: copro area summary [--json | --csv] [--out FILE]\n\n"
	 "The whole country at a glance, for whoever runs this copro: a line per area\n"
	 "and a line of totals. Per area: organisations; those with a self-evaluation;\n"
	 "self-evaluations by status (draft, in review, submitted); organisations with\n"
	 "an accepted York audit (each one's latest: newest audit date, then newest\n"
	 "record); of those, the ones dated in the last 12 months, counted by outcome;\n"
	 "those with a principle at the lowest level; reviews overdue (the latest\n"
	 "audit's review date has passed); and actions open or in progress whose due\n"
	 "date has passed. Organisations with no area get a line \"No area\".\n\n"
	 "  --json        one JSON document (docs/export.md)\n"
	 "  --csv         CSV, a row per area and a last row \"All areas\"\n"
	 "  --out FILE    write to FILE; - or no --out writes to standard output\n\n"
	 "Example:\n"
	 "  copro area summary\n"
	 "  copro area summary --csv --out summary.csv\n",
	 cmd_area_summary},
	{0},
};
