/* migrate.c: `copro migrate`: the whole database copied into a new one,
 * SQLite or PostgreSQL either way (store/copy.c does the copy). */
#include <stdio.h>

#include "cli/cli.h"

static void table_done(void *ctx, const char *table, int64_t rows)
{
	(void)ctx;
	fprintf(stderr, "copro migrate: %s: %lld row%s\n", table, (long long)rows, rows == 1 ? "" : "s");
}

static int cmd_migrate(cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	const cli_opt opts[] = {{"--from", &from, NULL, NULL}, {"--to", &to, NULL, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	if (!from || !to) {
		cli_usage_error(c, "needs --from and --to, for example: copro migrate --from copro.db --to postgresql://copro@db.example/copro.");
		return EXIT_USAGE;
	}
	store_copy_report r = {.table = table_done};
	if (store_copy(from, to, &r, &c->e) < 0)
		return cli_fail(c);
	printf("Copied %d tables, %lld rows, into %s.\n", r.tables, (long long)r.rows, to);
	return EXIT_OK;
}

const command migrate_commands[] = {
	{"migrate", "copy the whole database into a new one, SQLite or PostgreSQL",
	 "Usage: copro migrate --from DATABASE --to DATABASE\n\n"
	 "Copies every table of DATABASE --from into DATABASE --to, ids kept: a SQLite\n"
	 "file (a path, or sqlite:PATH) or PostgreSQL (postgresql://USER@HOST/DATABASE),\n"
	 "either way. --from is only read, and must be at this copro's schema version.\n"
	 "--to must be new: a SQLite file that does not exist yet, or an empty\n"
	 "PostgreSQL database (createdb), which gets copro's schema. All or nothing:\n"
	 "PostgreSQL in one transaction, SQLite written to --to.partial and renamed.\n"
	 "Stop copro serve first. Progress per table goes to standard error.\n\n"
	 "Example:\n  copro migrate --from copro.db --to postgresql://copro@db.example/copro\n",
	 cmd_migrate},
	{0},
};
