/* main.c: the copro command line: global options, then one command from
 * the tables in src/cli/. */
#include <curl/curl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "core/lang.h"
#include "domain/health.h"
#include "domain/mail.h"
#include "mail/smtp.h"
#include "version.h"     /* made by the Makefile in the build folder */


/* The order of `copro help`. A family's commands are in cli/FAMILY.c
 * (`copro user add` in cli/user.c), but for `indicator add` (statement.c)
 * and the whole database's init, demo, export, import and backup (data.c);
 * `migrate` is in migrate.c;
 * docs/code-map.md lists every command's file. */
static const command *const tables[] = {
	framework_commands, org_commands, evaluation_commands, statement_commands,
	evidence_commands, evidence_file_commands, action_commands, measure_commands, plan_commands,
	action_review_commands, yousaid_commands, evaluation_cycle_commands,
	statement_cycle_commands, gold_commands, project_commands, audit_commands, area_commands,
	views_commands, views_result_commands, search_commands, report_commands, data_commands, migrate_commands, serve_commands, setup_commands, user_commands,
	user_life_commands, mail_commands, language_commands, notify_commands,
};

const command *cli_find(const char *name)
{
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
		for (const command *cmd = tables[t]; cmd->name; cmd++)
			if (strcmp(cmd->name, name) == 0)
				return cmd;
	return NULL;
}

void cli_print_help(const command *cmd)
{
	printf("%s", cmd->help);
}

static void print_overview(FILE *out)
{
	fputs("copro: co-production self-evaluation, evidence and actions, from the terminal.\n"
	      "\n"
	      "Usage: copro [--db PATH] [--config FILE] COMMAND [ARGUMENTS]\n"
	      "\n"
	      "The database is --db PATH or a postgresql:// URI, else $COPRO_DB, else ./copro.db.\n"
	      "Settings (base URL, mail server) are read from --config FILE, else $COPRO_CONFIG\n"
	      "(docs/mail.md lists them).\n"
	      "Instruments are read from $COPRO_FRAMEWORKS, else the bundled frameworks/.\n"
	      "\n"
	      "Commands:\n", out);
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
		for (const command *cmd = tables[t]; cmd->name; cmd++)
			fprintf(out, "  %-22s %s\n", cmd->name, cmd->summary);
	fputs("\n"
	      "`copro help COMMAND` or `copro COMMAND --help` explains one command, with an example.\n"
	      "List and show commands take --json for scripts (docs/cli.md describes the shapes).\n"
	      "\n"
	      "Start here:\n"
	      "  copro init && copro demo && copro evaluation show 1\n", out);
}

/* Commands are one word ("init"), two ("org add") or three ("user
 * two-factor off"); the longest match wins. */
static const command *match(int argc, char **argv, int *used)
{
	char name[192] = "";
	const command *found = NULL;
	*used = 1;
	for (int n = 1; n <= 3 && n <= argc; n++) {
		size_t len = strlen(name);
		snprintf(name + len, sizeof name - len, "%s%s", n > 1 ? " " : "", argv[n - 1]);
		const command *cmd = cli_find(name);
		if (cmd) {
			found = cmd;
			*used = n;
		}
	}
	return found;
}

/* Family names alone ("copro org") list their commands; so does a family
 * name with an unknown command ("copro org frob"). */
static bool print_family(const char *word, const char *next, FILE *out)
{
	bool any = false;
	size_t n = strlen(word);
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
		for (const command *cmd = tables[t]; cmd->name; cmd++)
			if (strncmp(cmd->name, word, n) == 0 && cmd->name[n] == ' ') {
				if (!any && next)
					fprintf(out, "copro %s has no command \"%s\"; its commands are:\n",
						word, next);
				else if (!any)
					fprintf(out, "copro %s %s:\n", word,
						out == stdout ? "commands" : "needs a command");
				fprintf(out, "  copro %-22s %s\n", cmd->name, cmd->summary);
				any = true;
			}
	return any;
}

static int help_command(int argc, char **argv)
{
	if (argc == 0) {
		print_overview(stdout);
		return EXIT_OK;
	}
	int used;
	const command *cmd = match(argc, argv, &used);
	if (!cmd) {
		/* `copro help org` lists the org commands to stdout. */
		if (argc == 1 && print_family(argv[0], NULL, stdout))
			return EXIT_OK;
		fprintf(stderr, "copro: there is no command \"%s\": `copro help` lists them.\n", argv[0]);
		return EXIT_USAGE;
	}
	cli_print_help(cmd);
	return EXIT_OK;
}

/* The languages, loaded before any command can start a thread (serve):
 * core/lang.c says why. A folder that cannot be read leaves British English
 * alone, with a warning, rather than stopping every command.
 *
 * Only the commands that use them load them: the web pages (serve), a round
 * of views' language (views) and the catalogs themselves (language). The
 * others write British English only, and each newlocale call costs glibc a
 * small leak that a sanitized build spends a fifth of a second at exit
 * looking up (so the command-line tests ran half as fast). */
static bool needs_languages(const command *cmd)
{
	static const char *const families[] = {"serve", "views", "language"};
	for (size_t i = 0; i < sizeof families / sizeof *families; i++) {
		size_t n = strlen(families[i]);
		if (strncmp(cmd->name, families[i], n) == 0 && (cmd->name[n] == '\0' || cmd->name[n] == ' '))
			return true;
	}
	return false;
}

static void start_languages(void)
{
	err e = {0};
	const char *pseudo = getenv("COPRO_PSEUDO_LOCALES");
	if (lang_init(lang_default_dir(), pseudo && strcmp(pseudo, "1") == 0, &e) < 0)
		fprintf(stderr, "copro: %s Partner pages are in British English only.\n", e.msg);
}

/* The release (the file VERSION), the commit when built from a git
 * checkout, the schema every database is migrated to, and the database
 * library: what a bug report or an upgrade plan needs. */
static void print_version(void)
{
	if (*COPRO_GIT)
		printf("copro %s (git %s)\n", COPRO_VERSION, COPRO_GIT);
	else
		printf("copro %s\n", COPRO_VERSION);
	printf("database schema %d\n%s\n", health_schema_latest(), health_database_library());
}

/* At exit, whichever way a command ends. */
static void settings_free(void)
{
	config_free();
	curl_global_cleanup();
}

/* The options before the command: --db, --config, --help, --version.
 * Answers -1 to go on, with *next at the command's word, or the exit
 * code when an option has answered (help, version) or was wrong. */
static int global_options(int argc, char **argv, cli *c, const char **config_path, int *next)
{
	int i = 1;
	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			c->db_path = argv[i + 1];
			i += 2;
		} else if (strcmp(argv[i], "--db") == 0) {
			fputs("copro: --db needs a PATH, for example: copro --db school.db init\n", stderr);
			return EXIT_USAGE;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			c->db_path = argv[i] + 5;
			i++;
		} else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
			*config_path = argv[i + 1];
			i += 2;
		} else if (strcmp(argv[i], "--config") == 0) {
			fputs("copro: --config needs a FILE, for example: copro --config /etc/copro.conf serve\n", stderr);
			return EXIT_USAGE;
		} else if (strncmp(argv[i], "--config=", 9) == 0) {
			*config_path = argv[i] + 9;
			i++;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			print_overview(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			print_version();
			return EXIT_OK;
		} else {
			fprintf(stderr, "copro: unknown option %s: the options before a command are --db PATH, --config FILE, --help and --version.\n",
				argv[i]);
			return EXIT_USAGE;
		}
	}
	*next = i;
	return -1;
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0) {
		fputs("copro: cannot initialise libsodium\n", stderr);
		return EXIT_FAIL;
	}
	cli c = {0};
	c.db_path = getenv("COPRO_DB");
	const char *config_path = getenv("COPRO_CONFIG");
	int i, done = global_options(argc, argv, &c, &config_path, &i);
	if (done >= 0)
		return done;
	if (!c.db_path || !*c.db_path)
		c.db_path = "copro.db";
	char msg[800];
	if (config_load(config_path, msg, sizeof msg) < 0) {
		fprintf(stderr, "copro: %s\n", msg);
		return EXIT_USAGE;
	}
	mail_set_base_url(config_get()->base_url);
	smtp_global_init();
	atexit(settings_free);
	if (i >= argc) {
		print_overview(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[i], "help") == 0)
		return help_command(argc - i - 1, argv + i + 1);

	int used;
	const command *cmd = match(argc - i, argv + i, &used);
	if (!cmd) {
		/* `copro views --help` asks for the family's commands, as
		 * `copro help views` does. */
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		if (next && (!strcmp(next, "--help") || !strcmp(next, "-h")) &&
		    print_family(argv[i], NULL, stdout))
			return EXIT_OK;
		if (print_family(argv[i], next, stderr))
			return EXIT_USAGE;
		fprintf(stderr, "copro: there is no command \"%s\": `copro help` lists them.\n", argv[i]);
		return EXIT_USAGE;
	}
	c.command = cmd->name;
	for (int k = i + used; k < argc; k++) {
		if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
			cli_print_help(cmd);
			return EXIT_OK;
		}
	}
	c.d.mem = &c.mem;
	if (needs_languages(cmd))
		start_languages();
	int rc = cli_run(&c, cmd, argc - i - used, argv + i + used);
	cli_close(&c);
	if (c.frameworks_loaded)
		fw_registry_free(&c.frameworks);
	framework_version_cache_clear();
	arena_free(&c.mem);
	lang_free();
	return rc;
}
