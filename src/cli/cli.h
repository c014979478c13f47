/* cli.h: the copro command: its state, the command table, and the helpers
 * every command file shares (option parsing, output, exit codes). */
#ifndef COPRO_CLI_H
#define COPRO_CLI_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "domain/domain.h"
#include "store/store.h"         /* the connection it opens and closes */

/* Exit codes: 0 done, 1 refused or failed (the message says why), 2 the
 * command line itself was wrong. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct cli {
	const char *db_path;
	const char *command;    /* "org add", for messages */
	store db;
	bool db_open;
	fw_registry frameworks;
	bool frameworks_loaded;
	arena mem;
	domain d;
	err e;
	/* The try (from 1) of a command run again when its transaction lost
	 * to a concurrent one (retry.c); can_retry: its output is kept aside,
	 * so it may be. */
	int tries;
	bool can_retry;
	/* What the first try read from standard input, for the next. */
	char *stdin_text;
	size_t stdin_len;
	bool stdin_read;
} cli;

typedef struct command {
	const char *name;       /* "org add" */
	const char *summary;    /* one line for `copro help` */
	const char *help;       /* usage, options and an example */
	int (*run)(cli *c, int argc, char **argv);
} command;

/* Runs the command, again while its transaction loses to a concurrent
 * one, up to STORE_TRIES times, printing only the last try's output. */
int cli_run(cli *c, const command *cmd, int argc, char **argv);
/* The command's last transaction lost to a concurrent one. */
bool cli_lost(cli *c);
/* ... and the command will be run again: say nothing of it yet. */
bool cli_will_retry(cli *c);

/* Each file's commands, named after their family (cli/audit.c has
 * audit_commands); main.c lists them in the order of `copro help`. */
extern const command framework_commands[], org_commands[], evaluation_commands[],
	evaluation_cycle_commands[], statement_commands[], statement_cycle_commands[],
	evidence_commands[], evidence_file_commands[], action_commands[], action_review_commands[], measure_commands[],
	plan_commands[], yousaid_commands[], project_commands[], audit_commands[],
	area_commands[], data_commands[], serve_commands[], user_commands[], user_life_commands[], language_commands[],
	views_commands[], views_result_commands[], search_commands[], report_commands[], gold_commands[],
	mail_commands[], notify_commands[], setup_commands[], migrate_commands[];

/* setup.c: before the first account, a new set-up code and how to use
 * it, on standard output (copro serve, at start). */
int cli_setup_code_announce(cli *c);

/* Options of one command: each named option fills a string or a flag. */
typedef struct cli_opt {
	const char *name;       /* "--name" */
	const char **value;     /* set for options that take a value */
	bool *flag;             /* set for flags */
	const char ***multi;    /* repeated option: NULL-terminated array */
} cli_opt;

/* Parses argv into opts and up to max_pos positional arguments; on a
 * mistake prints what was wrong and returns -1. */
int cli_parse(cli *c, int argc, char **argv, const cli_opt *opts, const char **pos,
	      size_t min_pos, size_t max_pos, size_t *n_pos);
int cli_usage_error(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Opens the database (and loads the instruments) on first use; only
 * `copro init` and `demo` create one. cli_close lets go of it. */
int cli_open(cli *c);
int cli_open_or_create(cli *c);
void cli_close(cli *c);
/* cli_open, then organisation `org` into *o (may be NULL): not found is an
 * error. */
int cli_open_org(cli *c, int64_t org, org_row *o);
int cli_load_frameworks(cli *c);
/* Prints c->e as "copro org add: message" and answers EXIT_FAIL. */
int cli_fail(cli *c);
/* The area named on the command line (cli_open first; never creates
 * one): EXIT_OK, or EXIT_FAIL with the message printed. */
int cli_find_area(cli *c, const char *name, int64_t *area);
/* Parses a record number such as an organisation's. */
int cli_id(cli *c, const char *what, const char *text, int64_t *id);
/* cli_parse with exactly n positional arguments into pos, the first a
 * record number into *id: `what` ("The organisation") names it when it is
 * not one. cli_parse_id takes that number alone, cli_parse_id_json also
 * --json alone (the many `COMMAND ID [--json]`), cli_parse_json only
 * --json. */
int cli_parse_args(cli *c, int argc, char **argv, const cli_opt *opts, const char **pos,
		   size_t n, const char *what, int64_t *id);
int cli_parse_id(cli *c, int argc, char **argv, const cli_opt *opts, const char *what,
		 int64_t *id);
int cli_parse_id_json(cli *c, int argc, char **argv, const char *what, int64_t *id, bool *json);
int cli_parse_json(cli *c, int argc, char **argv, bool *json);
/* The numbers of a repeated option (--evidence 3 --evidence 5) into an
 * arena array; *n is how many. */
int cli_ids(cli *c, const char *what, const char **texts, int64_t **ids, size_t *n);
/* A file ("-": standard input) into a malloc'd buffer the caller frees,
 * with a NUL after its *len bytes (views paper reads it as a string):
 * at most `limit` bytes (*len == limit: there may be more). `advice`
 * follows the message when it cannot be opened. */
char *cli_read_file(cli *c, const char *path, size_t limit, const char *advice, size_t *len);
/* One line of standard input into buf (fgets), or NULL at its end; the
 * same line again when the command is run again (retry.c). */
char *cli_read_line(cli *c, char *buf, size_t size);
/* Prints a JSON value with two-space indent and a newline; takes it. */
int cli_print_json(json_t *v);
/* Prints a list's items as a JSON array, each through fn, which takes a
 * pointer to one item: cli_print_json_list(list.items, list.n,
 * sizeof *list.items, org_json). */
int cli_print_json_list(const void *items, size_t n, size_t size, json_t *(*fn)(const void *));
/* Returns a JSON string or null for a C string that may be NULL. */
json_t *json_str_or_null(const char *s);

/* Shared by evaluation.c and statement.c: a statement's progress as JSON
 * (key, title, counts, status, partner groups), and the note printed when
 * the installed instrument has changed since the evaluation started. */
json_t *cli_element_json(const element_progress *ep);
void cli_warn_changed(const evaluation_progress *p);

const command *cli_find(const char *name);
void cli_print_help(const command *cmd);

#endif
