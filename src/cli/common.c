/* common.c: what every command shares: option parsing, opening the
 * database, numbers, JSON output and error printing. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int cli_usage_error(cli *c, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "copro %s: ", c->command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n`copro %s --help` shows how to use it.\n", c->command);
	return -1;
}

static const cli_opt *find_opt(const cli_opt *opts, const char *name, size_t len)
{
	for (const cli_opt *o = opts; o && o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

static void push_multi(cli *c, const cli_opt *o, const char *v)
{
	size_t n = 0;
	while (*o->multi && (*o->multi)[n])
		n++;
	const char **grown = ARENA_ARRAY(&c->mem, n + 2, grown);
	for (size_t i = 0; i < n; i++)
		grown[i] = (*o->multi)[i];
	grown[n] = v;
	*o->multi = grown;
}

int cli_parse(cli *c, int argc, char **argv, const cli_opt *opts, const char **pos,
	      size_t min_pos, size_t max_pos, size_t *n_pos)
{
	size_t np = 0;
	bool only_pos = false;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (only_pos || a[0] != '-' || strcmp(a, "-") == 0 ||
		    (a[1] >= '0' && a[1] <= '9')) {
			if (np >= max_pos)
				return cli_usage_error(c, "unexpected argument \"%s\".", a);
			pos[np++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = true;
			continue;
		}
		const char *eq = strchr(a, '=');
		size_t len = eq ? (size_t)(eq - a) : strlen(a);
		const cli_opt *o = find_opt(opts, a, len);
		if (!o)
			return cli_usage_error(c, "unknown option %.*s.", (int)len, a);
		if (o->flag) {
			if (eq)
				return cli_usage_error(c, "%s takes no value.", o->name);
			*o->flag = true;
			continue;
		}
		const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
		if (!v)
			return cli_usage_error(c, "%s needs a value.", o->name);
		if (o->multi)
			push_multi(c, o, v);
		else
			*o->value = v;
	}
	if (np < min_pos)
		return cli_usage_error(c, "missing argument%s.", min_pos - np > 1 ? "s" : "");
	if (n_pos)
		*n_pos = np;
	return 0;
}

/* One bad file is reported and the rest still load: when it is read. */
static void warn_failure(const char *failure)
{
	fprintf(stderr, "copro: warning: %s (this instrument was not loaded)\n", failure);
}

/* The instruments' folder is listed at once (an unreadable one is still
 * refused at the start of every command), but a file is read and hashed
 * only when the command first asks for its instrument: a third of `org
 * list`'s instructions went to reading files it never used. */
static int defer_frameworks(cli *c)
{
	if (c->frameworks_loaded)
		return 0;
	if (fw_registry_defer(&c->frameworks, NULL, &c->e) < 0) {
		fw_registry_free(&c->frameworks);
		return -1;
	}
	c->frameworks.told = warn_failure;
	c->frameworks_loaded = true;
	c->d.frameworks = &c->frameworks;
	return 0;
}

int cli_load_frameworks(cli *c)
{
	if (defer_frameworks(c) < 0)
		return -1;
	fw_registry_ready(&c->frameworks);
	return 0;
}

static int open_db(cli *c, int mode)
{
	if (defer_frameworks(c) < 0)
		return -1;
	if (c->db_open)
		return 0;
	if (store_open(&c->db, c->db_path, mode, &c->e) < 0)
		return -1;
	c->db_open = true;
	c->d.db = &c->db;
	return 0;
}

int cli_open(cli *c)
{
	return open_db(c, STORE_EXISTING);
}

int cli_open_or_create(cli *c)
{
	return open_db(c, STORE_CREATE);
}

/* A command that changed something folds the revision log first, or
 * where no copro serve runs (commands and cron imports only) the log
 * would grow for ever. Its failure is not the command's: what the
 * command did is saved, and the next fold takes the rows. */
void cli_close(cli *c)
{
	if (c->db_open) {
		err ignored = {0};
		store_revisions_fold_if_wrote(&c->db, &ignored);
		store_close(&c->db);
	}
	c->db_open = false;
	c->d.db = NULL;
}

int cli_fail(cli *c)
{
	if (cli_will_retry(c))
		return EXIT_FAIL;       /* run again: the next try speaks */
	const char *m = c->e.msg[0] ? c->e.msg : "failed for an unknown reason (a bug in copro).";
	if (cli_lost(c))
		m = DOMAIN_BUSY_MESSAGE;        /* staff's one busy wording, as on the web */
	fprintf(stderr, "copro %s: %s\n", c->command, m);
	return EXIT_FAIL;
}

int cli_id(cli *c, const char *what, const char *text, int64_t *id)
{
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (errno || *end || end == text || v <= 0)
		return cli_usage_error(c, "%s \"%.40s\" is not a number: give the number that `list` shows, for example 1.",
				       what, text);
	*id = v;
	return 0;
}

int cli_parse_args(cli *c, int argc, char **argv, const cli_opt *opts, const char **pos,
		   size_t n, const char *what, int64_t *id)
{
	if (cli_parse(c, argc, argv, opts, pos, n, n, NULL) < 0)
		return -1;
	return cli_id(c, what, pos[0], id);
}

int cli_parse_id(cli *c, int argc, char **argv, const cli_opt *opts, const char *what,
		 int64_t *id)
{
	const char *pos[1];
	return cli_parse_args(c, argc, argv, opts, pos, 1, what, id);
}

int cli_parse_json(cli *c, int argc, char **argv, bool *json)
{
	const cli_opt opts[] = {{"--json", NULL, json, NULL}, {0}};
	return cli_parse(c, argc, argv, opts, NULL, 0, 0, NULL);
}

int cli_parse_id_json(cli *c, int argc, char **argv, const char *what, int64_t *id, bool *json)
{
	const cli_opt opts[] = {{"--json", NULL, json, NULL}, {0}};
	return cli_parse_id(c, argc, argv, opts, what, id);
}

int cli_open_org(cli *c, int64_t org, org_row *o)
{
	org_row unused;
	if (cli_open(c) < 0)
		return -1;
	return org_get(&c->d, org, o ? o : &unused, &c->e);
}

int cli_ids(cli *c, const char *what, const char **texts, int64_t **ids, size_t *n)
{
	*n = 0;
	while (texts && texts[*n])
		(*n)++;
	*ids = ARENA_ARRAY(&c->mem, *n, *ids);
	for (size_t i = 0; i < *n; i++)
		if (cli_id(c, what, texts[i], &(*ids)[i]) < 0)
			return -1;
	return 0;
}

static char *read_file(cli *c, const char *path, size_t limit, const char *advice, size_t *len);

/* Standard input again, for a command run a second time (retry.c). */
static char *stdin_again(cli *c, size_t limit, size_t *len)
{
	*len = c->stdin_len < limit ? c->stdin_len : limit;
	char *buf = malloc(*len + 1);
	if (!buf)
		abort();
	memcpy(buf, c->stdin_text, *len);
	buf[*len] = '\0';
	return buf;
}

static void stdin_keep(cli *c, const char *buf, size_t len)
{
	c->stdin_text = arena_alloc(&c->mem, len + 1);
	memcpy(c->stdin_text, buf, len);
	c->stdin_text[len] = '\0';
	c->stdin_len = len;
	c->stdin_read = true;
}

char *cli_read_file(cli *c, const char *path, size_t limit, const char *advice, size_t *len)
{
	if (strcmp(path, "-") == 0 && c->stdin_read)
		return stdin_again(c, limit, len);
	char *buf = read_file(c, path, limit, advice, len);
	if (buf && strcmp(path, "-") == 0)
		stdin_keep(c, buf, *len);
	return buf;
}

char *cli_read_line(cli *c, char *buf, size_t size)
{
	if (c->stdin_read) {
		snprintf(buf, size, "%s", c->stdin_text);
		return buf;
	}
	if (!fgets(buf, (int)size, stdin))
		return NULL;
	stdin_keep(c, buf, strlen(buf));
	return buf;
}

static char *read_file(cli *c, const char *path, size_t limit, const char *advice, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	*len = 0;
	if (!f) {
		err_set(&c->e, ERR_IO, "cannot read %s: %s.%s", path, strerror(errno), advice);
		return NULL;
	}
	size_t cap = limit < 65536 ? limit : 65536, got;
	char *buf = malloc(cap + 1);        /* + 1: text is read as a string too */
	if (!buf)
		abort();
	while ((got = fread(buf + *len, 1, cap - *len, f)) > 0) {
		*len += got;
		if (*len == cap && cap < limit) {
			cap = cap > limit / 2 ? limit : cap * 2;
			buf = realloc(buf, cap + 1);
			if (!buf)
				abort();
		}
	}
	buf[*len] = '\0';
	if (ferror(f)) {
		err_set(&c->e, ERR_IO, "cannot read %s: %s.", path, strerror(errno));
		free(buf);
		buf = NULL;
	}
	if (f != stdin)
		fclose(f);
	return buf;
}

int cli_print_json(json_t *v)
{
	if (!v) {
		fputs("copro: cannot build the JSON output (a bug in copro).\n", stderr);
		return EXIT_FAIL;
	}
	json_dumpf(v, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(v);
	return EXIT_OK;
}

int cli_print_json_list(const void *items, size_t n, size_t size, json_t *(*fn)(const void *))
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, fn((const char *)items + i * size));
	return cli_print_json(arr);
}

json_t *json_str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}
