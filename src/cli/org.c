/* org.c: `copro org add|list|show|edit|import-csv`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/org_csv.h"

static json_t *org_json(const void *item)
{
	const org_row *o = item;
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:s}",
			 "id", (json_int_t)o->id, "name", o->name, "type", o->type ? o->type : "",
			 "sector", o->sector, "area", json_str_or_null(o->area),
			 "urn", json_str_or_null(o->urn), "ukprn", json_str_or_null(o->ukprn),
			 "ods_code", json_str_or_null(o->ods_code),
			 "opened_on", json_str_or_null(o->opened_on),
			 "closed_on", json_str_or_null(o->closed_on),
			 "created_at", o->created_at, "updated_at", o->updated_at);
}

/* The fields add and edit share; NULL means "not given". */
#define ORG_OPTS(o) \
	{"--name", &(o).name, NULL, NULL}, {"--type", &(o).type, NULL, NULL}, \
	{"--sector", &(o).sector, NULL, NULL}, {"--area", &(o).area, NULL, NULL}, \
	{"--urn", &(o).urn, NULL, NULL}, {"--ukprn", &(o).ukprn, NULL, NULL}, \
	{"--ods", &(o).ods_code, NULL, NULL}, {"--opened", &(o).opened_on, NULL, NULL}, \
	{"--closed", &(o).closed_on, NULL, NULL}

static int cmd_org_add(cli *c, int argc, char **argv)
{
	org_row o = {0};
	const cli_opt opts[] = {ORG_OPTS(o), {0}};
	if (cli_parse(c, argc, argv, opts, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	if (!o.name)
		return cli_usage_error(c, "--name is required."), EXIT_USAGE;
	if (!o.sector)
		return cli_usage_error(c, "--sector is required (education, health, care or voluntary)."),
		       EXIT_USAGE;
	int64_t id;
	if (cli_open(c) < 0 || org_add(&c->d, &o, &id, &c->e) < 0)
		return cli_fail(c);
	printf("Added organisation %lld: %s\n", (long long)id, o.name);
	printf("Next: copro evaluation start %lld four-cornerstones 2026-27\n", (long long)id);
	return EXIT_OK;
}

static int cmd_org_edit(cli *c, int argc, char **argv)
{
	org_row given = {0};
	const cli_opt opts[] = {ORG_OPTS(given), {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &id) < 0)
		return EXIT_USAGE;
	org_row o;
	if (cli_open_org(c, id, &o) < 0)
		return cli_fail(c);
	/* An empty value clears an optional field: --urn "". */
	if (given.name) o.name = given.name;
	if (given.type) o.type = given.type;
	if (given.sector) o.sector = given.sector;
	if (given.area) o.area = given.area;
	if (given.urn) o.urn = given.urn;
	if (given.ukprn) o.ukprn = given.ukprn;
	if (given.ods_code) o.ods_code = given.ods_code;
	if (given.opened_on) o.opened_on = given.opened_on;
	if (given.closed_on) o.closed_on = given.closed_on;
	if (org_edit(&c->d, &o, &c->e) < 0)
		return cli_fail(c);
	printf("Updated organisation %lld: %s\n", (long long)id, o.name);
	return EXIT_OK;
}

static int cmd_org_list(cli *c, int argc, char **argv)
{
	bool json = false;
	if (cli_parse_json(c, argc, argv, &json) < 0)
		return EXIT_USAGE;
	org_list list;
	if (cli_open(c) < 0 || orgs_all(&c->d, &list, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json_list(list.items, list.n, sizeof *list.items, org_json);
	if (!list.n) {
		printf("No organisations yet. Add one with:\n"
		       "  copro org add --name \"Riverside Primary School\" --sector education --area \"Your area\"\n");
		return EXIT_OK;
	}
	printf("%5s  %-44s %-10s %s\n", "No.", "Name", "Sector", "Area");
	for (size_t i = 0; i < list.n; i++) {
		const org_row *o = &list.items[i];
		printf("%5lld  %-44s %-10s %s%s\n", (long long)o->id, o->name, o->sector,
		       o->area ? o->area : "-", o->closed_on ? " (closed)" : "");
	}
	return EXIT_OK;
}

static int cmd_org_show(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The organisation", &id, &json) < 0)
		return EXIT_USAGE;
	org_row o;
	evaluation_list evs;
	if (cli_open_org(c, id, &o) < 0 || evaluations_of_org(&c->d, id, &evs, &c->e) < 0)
		return cli_fail(c);
	if (json) {
		json_t *j = org_json(&o);
		json_t *arr = json_array();
		for (size_t i = 0; i < evs.n; i++)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s}", "id",
				(json_int_t)evs.items[i].id, "framework", evs.items[i].framework_id,
				"cycle", evs.items[i].cycle, "status", evs.items[i].status));
		json_object_set_new(j, "evaluations", arr);
		return cli_print_json(j);
	}
	printf("Organisation %lld: %s\n", (long long)o.id, o.name);
	printf("  Type:    %s\n  Sector:  %s\n  Area:    %s\n", *o.type ? o.type : "-", o.sector,
	       o.area ? o.area : "-");
	if (o.urn) printf("  URN:     %s\n", o.urn);
	if (o.ukprn) printf("  UKPRN:   %s\n", o.ukprn);
	if (o.ods_code) printf("  ODS:     %s\n", o.ods_code);
	if (o.opened_on) printf("  Opened:  %s\n", o.opened_on);
	if (o.closed_on) printf("  Closed:  %s\n", o.closed_on);
	printf("  Evaluations:%s\n", evs.n ? "" : " none yet");
	for (size_t i = 0; i < evs.n; i++)
		printf("    %lld  %s %s (%s)\n", (long long)evs.items[i].id, evs.items[i].framework_id,
		       evs.items[i].cycle, evs.items[i].status);
	return EXIT_OK;
}

static json_t *csv_report_json(const org_csv_report *r, const char *area, bool ok)
{
	json_t *problems = json_array();
	for (size_t i = 0; i < r->n_problems; i++)
		json_array_append_new(problems, json_pack("{s:I, s:s}",
			"line", (json_int_t)r->problems[i].line, "message", r->problems[i].message));
	return json_pack("{s:b, s:b, s:s, s:o, s:b, s:I, s:I, s:I, s:I, s:I, s:I, s:o}",
			 "imported", ok && !r->dry_run, "dry_run", r->dry_run, "area", area,
			 "format", json_str_or_null(r->format), "area_created", r->area_created,
			 "rows", (json_int_t)r->rows, "added", (json_int_t)r->added,
			 "updated", (json_int_t)r->updated, "unchanged", (json_int_t)r->unchanged,
			 "skipped", (json_int_t)r->skipped, "problems_total", (json_int_t)r->problems_total,
			 "problems", problems);
}

static void print_csv_counts(const org_csv_report *r, const char *area, const char *path, bool ok)
{
	printf("Read %zu row%s from %s (%s) for %s.\n", r->rows, r->rows == 1 ? "" : "s", path,
	       strcmp(r->format, "gias") == 0 ? "a GIAS extract" : "name, sector, type", area);
	if (!ok) {
		printf("  problems:  %zu (nothing was written)\n", r->problems_total);
		return;
	}
	if (r->dry_run)
		printf("Dry run: nothing was written. Importing the file would give:\n");
	if (r->area_created)
		printf(r->dry_run ? "  a new area \"%s\"\n" : "  a new area \"%s\" (it did not exist before)\n",
		       area);
	printf("  added:     %zu\n  updated:   %zu\n  unchanged: %zu\n", r->added, r->updated,
	       r->unchanged);
	printf("  skipped:   %zu%s\n", r->skipped,
	       r->skipped ? " (closed establishments: --include-closed imports them)" : "");
}

static int cmd_org_import_csv(cli *c, int argc, char **argv)
{
	bool include_closed = false, dry_run = false, json = false;
	const char *pos[2];
	const cli_opt opts[] = {{"--include-closed", NULL, &include_closed, NULL},
				{"--dry-run", NULL, &dry_run, NULL}, {"--json", NULL, &json, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 2, 2, NULL) < 0)
		return EXIT_USAGE;
	const char *area = pos[0], *path = pos[1];
	const char *shown = strcmp(path, "-") == 0 ? "stdin" : path;
	size_t len = 0;
	if (cli_open(c) < 0)
		return cli_fail(c);
	/* One byte more than allowed is enough for the import to say the
	 * file is too large. */
	char *bytes = cli_read_file(c, path, (size_t)ORG_CSV_MAX_BYTES + 1, " Check the file name.",
				    &len);
	if (!bytes)
		return cli_fail(c);
	org_csv_report r = {.include_closed = include_closed, .dry_run = dry_run};
	int rc = org_import_csv(&c->d, area, bytes, len, &r, &c->e);
	free(bytes);
	bool ok = rc == 0;
	if (!ok && !r.problems_total)
		return cli_fail(c);     /* the database, not the file */
	if (json) {
		cli_print_json(csv_report_json(&r, area, ok));
		return ok ? EXIT_OK : cli_fail(c);
	}
	if (r.format)
		print_csv_counts(&r, area, shown, ok);
	if (ok)
		return EXIT_OK;
	for (size_t i = 0; i < r.n_problems; i++) {
		if (r.problems[i].line)
			fprintf(stderr, "%s:%zu: %s\n", shown, r.problems[i].line, r.problems[i].message);
		else
			fprintf(stderr, "%s: %s\n", shown, r.problems[i].message);
	}
	if (r.problems_total > r.n_problems)
		fprintf(stderr, "%s: ... and %zu more problems, not listed.\n", shown,
			r.problems_total - r.n_problems);
	return cli_fail(c);
}

#define ORG_FIELDS_HELP \
	"  --name TEXT       the organisation's name\n" \
	"  --sector S        education, health, care or voluntary\n" \
	"  --type TEXT       e.g. \"Community school\", \"Children's therapy service\"\n" \
	"  --area TEXT       the local area it belongs to\n" \
	"  --urn N           school URN (6 digits)\n" \
	"  --ukprn N         UK provider reference number (8 digits, starts with 1)\n" \
	"  --ods CODE        NHS ODS code (3 to 6 capital letters and digits)\n" \
	"  --opened DATE     date it opened, YYYY-MM-DD\n" \
	"  --closed DATE     date it closed (an academy conversion, a merger)\n"

const command org_commands[] = {
	{"org add", "add an organisation (a school, setting or service)",
	 "Usage: copro org add --name TEXT --sector S [options]\n\n" ORG_FIELDS_HELP
	 "\nExample:\n"
	 "  copro org add --name \"Riverside Primary School\" --sector education \\\n"
	 "    --type \"Community school\" --area \"Rotherham\" --urn 106020\n",
	 cmd_org_add},
	{"org list", "list organisations",
	 "Usage: copro org list [--json]\n\nExample:\n  copro org list --json\n", cmd_org_list},
	{"org show", "show one organisation and its evaluations",
	 "Usage: copro org show ORG [--json]\n\nORG is the number `copro org list` shows.\n\n"
	 "Example:\n  copro org show 1\n", cmd_org_show},
	{"org edit", "change an organisation's details",
	 "Usage: copro org edit ORG [options]\n\nGive only what changes; an empty value (--urn \"\")\n"
	 "clears an optional field.\n\n" ORG_FIELDS_HELP
	 "\nExample:\n  copro org edit 1 --closed 2026-08-31\n", cmd_org_edit},
	{"org import-csv", "add or update an area's organisations from a CSV file",
	 "Usage: copro org import-csv AREA FILE [--include-closed] [--dry-run] [--json]\n\n"
	 "FILE is either an extract of Get Information About Schools (GIAS), with\n"
	 "the columns URN, EstablishmentName, TypeOfEstablishment (name) and\n"
	 "EstablishmentStatus (name), or a simple file with the header\n"
	 "name,sector,type. It must be UTF-8 text (\"CSV UTF-8\" in Excel), up to\n"
	 "20 MB and 50,000 rows. A school whose URN the area has already is updated,\n"
	 "not added again. If any row is wrong, nothing is imported: each problem\n"
	 "is listed as FILE:LINE: message. docs/import.md has the details.\n\n"
	 "  --include-closed  import closed establishments too (they are skipped)\n"
	 "  --dry-run         check the file and count, but write nothing\n"
	 "  --json            print the counts and problems as JSON\n"
	 "\nExample:\n"
	 "  copro org import-csv \"Rotherham\" edubasealldata.csv --dry-run\n",
	 cmd_org_import_csv},
	{0},
};
