/* data.c: the database as a whole: `copro init`, `demo`, `export`,
 * `import` and `backup`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static int cmd_init(cli *c, int argc, char **argv)
{
	if (cli_parse(c, argc, argv, NULL, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	bool empty = true;
	if (cli_open_or_create(c) < 0 || store_is_empty(&c->db, &empty, &c->e) < 0)
		return cli_fail(c);
	const char *name = store_name(&c->db);  /* never a password */
	if (!empty) {
		err_set(&c->e, ERR_CONFLICT,
			"%s already holds data, and init never overwrites it: use it as it is, or give --db a new path.",
			name);
		return cli_fail(c);
	}
	printf(store_schema_made(&c->db) ? "Created an empty copro database at %s (schema %d).\n"
					 : "%s is already an empty copro database (schema %d).\n",
	       name, store_latest_version());
	printf("Next: copro org add --name \"...\" --sector education   (or: copro demo)\n");
	return EXIT_OK;
}

static int cmd_demo(cli *c, int argc, char **argv)
{
	if (cli_parse(c, argc, argv, NULL, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	int64_t org;
	if (cli_open_or_create(c) < 0 || demo_load(&c->d, &org, &c->e) < 0)
		return cli_fail(c);
	evaluation_list evs;
	if (evaluations_of_org(&c->d, org, &evs, &c->e) < 0 || !evs.n)
		return cli_fail(c);
	printf("Loaded the demo: organisation %lld, a fictional primary school part-way through\n"
	       "its Four Cornerstones self-evaluation (evaluation %lld).\n\n"
	       "Try:\n"
	       "  copro evaluation show %lld\n"
	       "  copro statement show %lld 1i\n"
	       "  copro evidence list %lld\n"
	       "  copro action list %lld\n"
	       "  copro project list %lld      (York: a service development project)\n"
	       "  copro audit list %lld        (its joint partnership audit, sent to Demo Borough)\n"
	       "  copro measure list %lld      (success measures with readings)\n"
	       "  copro plan list %lld         (a team plan seeded from the self-evaluation)\n"
	       "  copro yousaid list %lld      (\"You said, we did\")\n",
	       (long long)org, (long long)evs.items[0].id, (long long)evs.items[0].id,
	       (long long)evs.items[0].id, (long long)org, (long long)org, (long long)org,
	       (long long)org, (long long)org, (long long)org, (long long)org);
	return EXIT_OK;
}

/* Writes to a temporary file beside the target and renames it, so a
 * failed export never leaves half a file where a good one was. */
static int write_file_atomic(cli *c, const char *path, const char *text)
{
	char *tmp = arena_printf(&c->mem, "%s.tmp-%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wx");
	if (!f)
		return err_set(&c->e, ERR_IO, "cannot write %s: %s. Check that its folder exists and is writable.",
			       path, strerror(errno));
	size_t len = strlen(text);
	bool ok = fwrite(text, 1, len, f) == len && fputc('\n', f) != EOF && fflush(f) == 0 &&
		  fsync(fileno(f)) == 0;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		int saved = errno;
		remove(tmp);
		return err_set(&c->e, ERR_IO, "cannot write %s: %s.", path, strerror(saved));
	}
	return 0;
}

static int cmd_export(cli *c, int argc, char **argv)
{
	const char *output = NULL;
	const cli_opt opts[] = {{"--output", &output, NULL, NULL}, {0}};
	int64_t org;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &org) < 0)
		return EXIT_USAGE;
	char *json = NULL;
	if (cli_open(c) < 0 || org_export(&c->d, org, &json, &c->e) < 0)
		return cli_fail(c);
	int rc = EXIT_OK;
	if (output && strcmp(output, "-") != 0) {
		if (write_file_atomic(c, output, json) < 0)
			rc = cli_fail(c);
		else
			fprintf(stderr, "Exported organisation %lld to %s.\n", (long long)org, output);
	} else {
		printf("%s\n", json);
	}
	free(json);
	return rc;
}

#define IMPORT_MAX (256L * 1024 * 1024)

/* The whole file ("-": standard input); the caller frees it. */
static char *read_export(cli *c, const char *path, size_t *len)
{
	char *text = cli_read_file(c, path, (size_t)IMPORT_MAX + 1, "", len);
	if (text && *len > (size_t)IMPORT_MAX) {
		err_set(&c->e, ERR_INPUT, "%s is larger than 256 MB, too large to be a copro export.",
			path);
		free(text);
		return NULL;
	}
	return text;
}

static int cmd_import(cli *c, int argc, char **argv)
{
	const char *pos[1];
	if (cli_parse(c, argc, argv, NULL, pos, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	size_t len;
	char *text = read_export(c, pos[0], &len);
	if (!text)
		return cli_fail(c);
	int64_t org;
	int rc = cli_open(c) < 0 || org_import(&c->d, text, len, &org, &c->e) < 0 ? -1 : 0;
	free(text);
	if (rc < 0)
		return cli_fail(c);
	printf("Imported %s as organisation %lld.\n", pos[0], (long long)org);
	return EXIT_OK;
}

static int cmd_backup(cli *c, int argc, char **argv)
{
	const char *pos[1];
	if (cli_parse(c, argc, argv, NULL, pos, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	if (store_backup_can(c->db_path, pos[0], &c->e) < 0 || cli_open(c) < 0 ||
	    store_backup(&c->db, pos[0], &c->e) < 0)
		return cli_fail(c);
	printf("Backed up %s to %s.\n", store_name(&c->db), pos[0]);
	return EXIT_OK;
}

const command data_commands[] = {
	{"init", "create an empty database",
	 "Usage: copro [--db PATH] init\n\n"
	 "Creates an empty copro database at PATH (default: $COPRO_DB, else ./copro.db).\n"
	 "It never overwrites a database that holds data.\n\n"
	 "Example:\n  copro --db school.db init\n",
	 cmd_init},
	{"demo", "load a demo organisation with a part-finished evaluation",
	 "Usage: copro [--db PATH] demo\n\n"
	 "Adds a fictional primary school with evidence, statement reviews and actions,\n"
	 "so you can try every command. Creates the database if there is none.\n\n"
	 "Example:\n  copro --db demo.db demo\n",
	 cmd_demo},
	{"export", "write everything an organisation holds as one JSON document",
	 "Usage: copro export ORG [--output FILE]\n\n"
	 "Writes the organisation, its evaluations (with the instrument text they used),\n"
	 "evidence, links, reviews, own indicators and actions (docs/export.md) to FILE\n"
	 "or standard output. Exporting an imported file gives the same bytes.\n\n"
	 "Example:\n  copro export 1 --output riverside.json\n",
	 cmd_export},
	{"import", "load an export into this database as a new organisation",
	 "Usage: copro import FILE\n\n"
	 "Checks the whole file first (format, checksum, every record) and then loads it\n"
	 "in one transaction: a damaged or foreign file changes nothing. FILE - reads\n"
	 "standard input.\n\n"
	 "Example:\n  copro --db area.db import riverside.json\n",
	 cmd_import},
	{"backup", "make a consistent copy of the live database",
	 "Usage: copro backup DEST\n\n"
	 "Copies the database with SQLite's online backup API, safe while copro is\n"
	 "running (copying the .db file alone can lose recent writes). DEST must not exist.\n"
	 "The copy is made as DEST.partial and renamed once it is on disk, so a backup\n"
	 "that is interrupted never leaves a DEST.\n\n"
	 "Example:\n  copro backup backups/copro-2026-11-23.db\n",
	 cmd_backup},
	{0},
};
