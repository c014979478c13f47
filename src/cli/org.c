/* org.c: `copro org add|list|show|edit`. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static json_t *org_json(const org_row *o)
{
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
	const char *pos[1];
	const cli_opt opts[] = {ORG_OPTS(given), {0}};
	int64_t id;
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The organisation", pos[0], &id) < 0)
		return EXIT_USAGE;
	org_row o;
	if (cli_open(c) < 0 || org_get(&c->d, id, &o, &c->e) < 0)
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
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	org_list list;
	if (cli_open(c) < 0 || store_org_list(&c->db, &c->mem, &list, &c->e) < 0)
		return cli_fail(c);
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < list.n; i++)
			json_array_append_new(arr, org_json(&list.items[i]));
		return cli_print_json(arr);
	}
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
	const char *pos[1];
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	int64_t id;
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The organisation", pos[0], &id) < 0)
		return EXIT_USAGE;
	org_row o;
	evaluation_list evs;
	if (cli_open(c) < 0 || org_get(&c->d, id, &o, &c->e) < 0 ||
	    store_evaluation_list(&c->db, &c->mem, id, &evs, &c->e) < 0)
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
	{0},
};
