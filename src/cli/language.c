/* language.c: `copro language list|check|pseudo`: the languages partner
 * pages can be written in, the check an area runs on its translation (a .po
 * file, read with libgettextpo), and the pseudo-locales the tests use. */
#include <dirent.h>
#include <gettext-po.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/language.h"
#include "core/lang.h"

static int cmd_list(cli *c, int argc, char **argv)
{
	bool json = false;
	if (cli_parse_json(c, argc, argv, &json) < 0)
		return EXIT_USAGE;
	size_t n;
	const lang_info *l = lang_list(&n);
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:s, s:s, s:b, s:b}", "tag", l[i].tag,
							     "name", l[i].name, "rtl", l[i].rtl,
							     "pseudo", l[i].pseudo));
		return cli_print_json(arr);
	}
	printf("Partner pages can be written in (%s):\n\n", lang_default_dir());
	for (size_t i = 0; i < n; i++)
		printf("  %-8s %s%s%s\n", l[i].tag, l[i].name, l[i].rtl ? " (right to left)" : "",
		       l[i].pseudo ? " (a test pseudo-locale)" : "");
	return EXIT_OK;
}

/* libgettextpo reports a file it cannot read or parse through this handler,
 * which has no context argument: the count is kept here (commands run one
 * at a time). */
static size_t po_errors;

static void po_xerror(int severity, po_message_t message, const char *filename, size_t lineno,
		      size_t column, int multiline, const char *text)
{
	(void)message, (void)column, (void)multiline;
	if (filename && lineno != (size_t)-1)
		fprintf(stderr, "%s:%zu: %s\n", filename, lineno, text);
	else
		fprintf(stderr, "%s%s%s\n", filename ? filename : "", filename ? ": " : "", text);
	if (severity != PO_SEVERITY_WARNING)
		po_errors++;
	if (severity == PO_SEVERITY_FATAL_ERROR)
		exit(EXIT_FAIL);
}

static void po_xerror2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1,
		       int ml1, const char *t1, po_message_t m2, const char *f2, size_t l2,
		       size_t c2, int ml2, const char *t2)
{
	po_xerror(severity == PO_SEVERITY_FATAL_ERROR ? PO_SEVERITY_ERROR : severity, m1, f1, l1,
		  c1, ml1, t1);
	po_xerror(severity, m2, f2, l2, c2, ml2, t2);
}

const struct po_xerror_handler language_po_handler = {po_xerror, po_xerror2};

static void po_free_ctx(void *file)
{
	po_file_free(file);
}

po_file_t language_po_read(cli *c, const char *path, const char *advice)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		err_set(&c->e, ERR_IO, "Cannot read %s: %s", path, advice);
		return NULL;
	}
	po_errors = 0;
	po_file_t f = po_file_read(path, &language_po_handler);
	if (f)
		arena_defer(&c->mem, po_free_ctx, f);
	if (!f || po_errors) {
		err_set(&c->e, ERR_INPUT, "%s is not a readable .po file (the lines above say "
			"where): fix it, then check it again.", path);
		return NULL;
	}
	return f;
}

/* One line of a message for the report: newlines shown as \n, long text
 * cut at about 70 characters (on a UTF-8 boundary). */
static void print_msgid(const char *what, const char *msgid)
{
	printf("  %-8s \"", what);
	size_t col = 0;
	for (const char *p = msgid; *p; p++) {
		if (col >= 70 && ((unsigned char)*p & 0xC0) != 0x80) {
			fputs("...", stdout);
			break;
		}
		if (*p == '\n')
			fputs("\\n", stdout), col += 2;
		else
			putchar(*p), col += ((unsigned char)*p & 0xC0) != 0x80;
	}
	puts("\"");
}

static void json_free_ctx(void *v)
{
	json_decref(v);
}

/* The template's messages, as a set of msgctxt "\004" msgid keys. */
static json_t *template_set(cli *c, po_file_t pot)
{
	json_t *set = json_object();
	arena_defer(&c->mem, json_free_ctx, set);
	po_message_iterator_t it = po_message_iterator(pot, NULL);
	for (po_message_t m; (m = po_next_message(it));) {
		if (*po_message_msgid(m) && !po_message_is_obsolete(m))
			json_object_set_new(set, language_msg_key(c, m), json_false());
	}
	po_message_iterator_free(it);
	return set;
}

const char *language_msg_key(cli *c, po_message_t m)
{
	const char *ctxt = po_message_msgctxt(m);
	return ctxt ? arena_printf(&c->mem, "%s\004%s", ctxt, po_message_msgid(m))
		    : po_message_msgid(m);
}

static bool untranslated(po_message_t m)
{
	if (!po_message_msgid_plural(m))
		return !*po_message_msgstr(m);
	const char *s;
	for (int i = 0; (s = po_message_msgstr_plural(m, i)); i++)
		if (!*s)
			return true;
	return false;
}

typedef struct check_counts {
	size_t missing, fuzzy, stale, wrong;    /* stale: obsolete or unused */
	bool unreadable;
} check_counts;

/* Format directives that differ from the msgid's (a missing %s) make the
 * page wrong, not just untranslated: libgettextpo's own check says so. */
static size_t format_problems(po_message_t m)
{
	po_errors = 0;
	po_message_check_format(m, &language_po_handler);
	return po_errors;
}

/* The first {placeholder} of the msgid (tr_fill fills them in: web/
 * partner.h) that the translation leaves out, or NULL. */
static const char *lost_placeholder(cli *c, po_message_t m)
{
	const char *id = po_message_msgid(m), *str = po_message_msgstr(m);
	for (const char *p = strchr(id, '{'); p; p = strchr(p + 1, '{')) {
		size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_");
		if (!n || p[n + 1] != '}')
			continue;
		const char *name = arena_strndup(&c->mem, p, n + 2);
		if (!strstr(str, name))
			return name;
	}
	return NULL;
}

/* Whether a translated message is right: its format directives and
 * placeholders are the msgid's (the reasons go to standard error). */
static bool is_wrong(cli *c, const char *path, po_message_t m)
{
	if (format_problems(m))
		return true;
	const char *lost = po_message_msgid_plural(m) ? NULL : lost_placeholder(c, m);
	if (lost)
		fprintf(stderr, "%s: the translation of \"%.60s\" leaves out %s, which copro fills "
			"in: keep it as it is, where the sentence needs it.\n", path,
			po_message_msgid(m), lost);
	return lost != NULL;
}

/* Walks the .po against the template set: marks each template message
 * found (true) and counts what is missing, stale or wrong. */
static void check_messages(cli *c, const char *path, po_file_t po, json_t *set, check_counts *n)
{
	po_message_iterator_t it = po_message_iterator(po, NULL);
	for (po_message_t m; (m = po_next_message(it));) {
		const char *id = po_message_msgid(m);
		if (!*id)
			continue;
		if (po_message_is_obsolete(m)) {
			print_msgid("obsolete", id), n->stale++;
			continue;
		}
		const char *key = language_msg_key(c, m);
		if (!json_object_get(set, key)) {
			print_msgid("unused", id), n->stale++;
			continue;
		}
		json_object_set_new(set, key, json_true());
		if (untranslated(m))
			print_msgid("missing", id), n->missing++;
		else if (po_message_is_fuzzy(m))
			print_msgid("fuzzy", id), n->fuzzy++;
		else if (is_wrong(c, path, m))
			print_msgid("wrong", id), n->wrong++;
	}
	po_message_iterator_free(it);
}

/* Template messages the .po does not have at all. */
static size_t check_absent(json_t *set)
{
	size_t n = 0;
	const char *key;
	json_t *v;
	json_object_foreach(set, key, v) {
		if (json_is_true(v))
			continue;
		const char *sep = strchr(key, '\004');
		print_msgid("missing", sep ? sep + 1 : key);
		n++;
	}
	return n;
}

/* Checks one .po against the template, adding to *n what needs work. */
static void check_one(cli *c, const char *path, po_file_t pot, check_counts *all)
{
	po_file_t po = language_po_read(c, path, "give the path of a .po file, or of the "
				       "folder that holds them.");
	if (!po) {
		fprintf(stderr, "copro language check: %s\n", c->e.msg);
		all->unreadable = true;
		return;
	}
	/* libgettextpo answers a copy of the header, for the caller to free. */
	char *header = (char *)po_file_domain_header(po, NULL);
	char *tag = header ? po_header_field(header, "Language") : NULL;
	printf("%s (%s):\n", path, tag && *tag ? tag : "no Language in its header");
	free(tag);
	free(header);
	json_t *set = template_set(c, pot);
	check_counts n = {0};
	check_messages(c, path, po, set, &n);
	n.missing += check_absent(set);
	size_t total = json_object_size(set);
	if (!n.missing && !n.fuzzy && !n.stale && !n.wrong)
		printf("  all %zu strings translated and current\n", total);
	else
		printf("  %zu of %zu strings translated; %zu missing, %zu stale (%zu fuzzy, %zu "
		       "obsolete or unused), %zu wrong\n",
		       total - n.missing - n.fuzzy - n.wrong, total, n.missing, n.fuzzy + n.stale,
		       n.fuzzy, n.stale, n.wrong);
	all->missing += n.missing, all->fuzzy += n.fuzzy, all->stale += n.stale;
	all->wrong += n.wrong;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && strcmp(s + n - t, tail) == 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .po files of a folder, sorted, into an arena array. */
static int po_files(cli *c, const char *dir, char ***out, size_t *n)
{
	DIR *d = opendir(dir);
	if (!d)
		return err_set(&c->e, ERR_IO, "Cannot read the folder %s: give the path of a .po "
			       "file, or of the folder that holds them.", dir);
	size_t cap = 16;
	char **list = ARENA_ARRAY(&c->mem, cap, list);
	*n = 0;
	for (struct dirent *de; (de = readdir(d));) {
		if (!ends_with(de->d_name, ".po") || de->d_name[0] == '.')
			continue;
		if (*n == cap) {
			char **grown = ARENA_ARRAY(&c->mem, cap * 2, grown);
			memcpy(grown, list, cap * sizeof *list);
			list = grown, cap *= 2;
		}
		list[(*n)++] = arena_printf(&c->mem, "%s/%s", dir, de->d_name);
	}
	closedir(d);
	qsort(list, *n, sizeof *list, by_name);
	*out = list;
	if (!*n)
		return err_set(&c->e, ERR_INPUT, "%s holds no .po files: put a translation there "
			       "(docs/languages.md says how to start one).", dir);
	return 0;
}

/* The template: --pot, else copro.pot beside the files, else the built one. */
static const char *find_template(cli *c, const char *dir, const char *given)
{
	struct stat st;
	if (given)
		return given;
	const char *beside = arena_printf(&c->mem, "%s/copro.pot", dir);
	if (stat(beside, &st) == 0)
		return beside;
	return arena_printf(&c->mem, "%s/copro.pot", lang_default_dir());
}

static int check_usage(cli *c, int argc, char **argv, const char **path, const char **pot)
{
	const char *pos[1];
	size_t n_pos;
	cli_opt opts[] = {{"--pot", pot, NULL, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, &n_pos) < 0)
		return -1;
	*path = pos[0];
	return 0;
}

static int cmd_check(cli *c, int argc, char **argv)
{
	const char *path, *given = NULL;
	if (check_usage(c, argc, argv, &path, &given) < 0)
		return EXIT_USAGE;
	struct stat st;
	bool is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	char **files = (char *[]){(char *)path};
	size_t n = 1;
	if (is_dir && po_files(c, path, &files, &n) < 0)
		return cli_fail(c);
	if (!is_dir && !ends_with(path, ".po"))
		return cli_usage_error(c, "%s is not a .po file: give a translation (cy.po) or the "
				       "folder that holds them.", path), EXIT_USAGE;
	const char *slash = strrchr(path, '/');
	const char *dir = is_dir ? path : slash ? arena_strndup(&c->mem, path, (size_t)(slash - path)) : ".";
	const char *template = find_template(c, dir, given);
	po_file_t pot = language_po_read(c, template, "give the template with --pot (the "
					 "repository's is po/copro.pot).");
	if (!pot)
		return cli_fail(c);
	check_counts all = {0};
	for (size_t i = 0; i < n; i++)
		check_one(c, files[i], pot, &all);
	size_t bad = all.missing + all.fuzzy + all.stale + all.wrong;
	if (!bad)
		return all.unreadable ? EXIT_FAIL : EXIT_OK;
	fprintf(stderr, "copro language check: %zu string%s need%s work (checked against %s): "
		"translate the missing ones, make the wrong ones keep the English's %%s and "
		"{placeholders}, check the fuzzy ones and remove their fuzzy mark, "
		"and delete the obsolete and unused ones; `msgmerge --update FILE.po %s` brings a "
		"file up to the template first.\n", bad, bad == 1 ? "" : "s", bad == 1 ? "s" : "",
		template, template);
	return EXIT_FAIL;
}

const command language_commands[] = {
	{"language list", "the languages partner pages can be written in", 
	 "Usage: copro language list [--json]\n"
	 "\n"
	 "Lists the languages partner pages can be written in: British English and each\n"
	 "translation built from po/ (docs/languages.md), with its name in itself, as a\n"
	 "partner sees it when they switch language. A lead gives one of these tags to a\n"
	 "round's links. The test pseudo-locales en-XA and ar-XB are listed only when\n"
	 "COPRO_PSEUDO_LOCALES=1.\n"
	 "\n"
	 "Example:\n"
	 "  copro language list\n",
	 cmd_list},
	{"language check", "reports missing and stale strings of a translation (.po)",
	 "Usage: copro language check FILE.po|FOLDER [--pot TEMPLATE]\n"
	 "\n"
	 "Checks a translation against the template of every string partner pages use\n"
	 "(po/copro.pot): strings not translated yet (missing), fuzzy, obsolete or no\n"
	 "longer used (stale), and translations whose format directives (%s) or\n"
	 "{placeholders} differ from the English (wrong). A FOLDER checks every .po file\n"
	 "in it. The template is\n"
	 "--pot, else copro.pot beside the files, else the one make built. Exits 1 when\n"
	 "any string needs work, listing each one.\n"
	 "\n"
	 "Example:\n"
	 "  copro language check po/cy.po\n",
	 cmd_check},
	{"language pseudo", "makes a test pseudo-locale from the template",
	 "Usage: copro language pseudo accented|rtl TEMPLATE OUT.po\n"
	 "\n"
	 "Writes a translation of every string of TEMPLATE for the tests: accented (en-XA:\n"
	 "every letter accented, each string in [brackets] and about 40% longer, so that\n"
	 "a page with a string that was not translated, or a layout that breaks on longer\n"
	 "words, shows it) or rtl (ar-XB: each word shown right to left). Format\n"
	 "directives, HTML tags and entities are kept. make runs it; nobody edits the\n"
	 "result.\n"
	 "\n"
	 "Example:\n"
	 "  copro language pseudo accented build/locale/copro.pot build/locale/en_XA.po\n",
	 language_cmd_pseudo},
	{NULL, NULL, NULL, NULL},
};
