/* lang.c: the compiled catalogs, read with glibc's GNU gettext, one locale
 * per language so that each request can be answered in its own.
 *
 * Why this way: dgettext picks a catalog by the calling thread's locale
 * (uselocale), so a server answering two languages at once switches the
 * thread's locale around each lookup. But newlocale fails for a locale that
 * is not installed on the machine, and a fresh Debian has almost none (and
 * none at all for the pseudo-locales). So make builds, with localedef, one
 * small locale per catalog into build/locale/glibc (from glibc's "C"
 * source: only its name matters, as gettext looks the catalog up by the
 * locale's name), and lang_init points LOCPATH there before any thread
 * starts and makes every locale then, once; requests only switch between
 * them. LANGUAGE is unset because gettext lets it override every thread's
 * locale. Only LC_MESSAGES is switched, so numbers and dates keep "C". */
#include "core/lang.h"
#include "core/paths.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DOMAIN "copro"
#define LANG_MAX 32

typedef struct lang_entry {
	lang_info info;
	char tag[16];
	locale_t loc;           /* (locale_t)0: no catalog, words as written */
} lang_entry;

/* Written only by lang_init and lang_free, before and after threads;
 * until then British English alone, with the words as written. */
static lang_entry langs[LANG_MAX] = {{.tag = LANG_DEFAULT}};
static lang_info infos[LANG_MAX] = {{LANG_DEFAULT, "English", false, false}};
static size_t n_langs = 1;

#ifdef __SANITIZE_ADDRESS__
/* Two libraries leak a few bytes once, by their own doing: glibc's
 * newlocale the copy of LOCPATH it splits (string/argz-addsep.c, about 50
 * bytes a call; lang_init calls it once a language) and libgettextpo the
 * name of the file its parser starts on (`copro language`; the library
 * has no frame pointers, so only its name can be matched, and
 * language_po_read hands every file it reads to the arena to free). Those
 * leaks alone are not reported (others still fail the tests) ... */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:__argz_add_sep\nleak:libgettextpo.so\n";
}

/* ... and without a note about it on standard error, which the
 * command-line tests read. */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif

/* TRANSLATORS: the name of this language written in it, as a partner
 * chooses it from the list of languages (Cymraeg, Polski, العربية). */
static const char self_name[] = N_("English");

/* Languages written right to left, by their primary subtag. */
static const char *const rtl_primary[] = {
	"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi", NULL,
};

static bool primary_is(const char *tag, const char *primary)
{
	size_t n = strlen(primary);
	return strncmp(tag, primary, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

static bool is_rtl(const char *tag)
{
	for (const char *const *p = rtl_primary; *p; p++)
		if (primary_is(tag, *p))
			return true;
	return false;
}

/* A catalog folder's name is "ll" or "ll_CC" (po/cy.po, po/en_GB.po); its
 * tag is "ll" or "ll-CC". Anything else in the folder is not a catalog. */
static bool tag_from_posix(const char *posix, char *tag, size_t size)
{
	size_t n = strlen(posix), i = 0;
	while (i < n && islower((unsigned char)posix[i]))
		i++;
	if (i < 2 || i > 3 || n >= size)
		return false;
	if (i < n && !(n - i == 3 && posix[i] == '_' && isupper((unsigned char)posix[i + 1]) &&
		       isupper((unsigned char)posix[i + 2])))
		return false;
	memcpy(tag, posix, n + 1);
	if (i < n)
		tag[i] = '-';
	return true;
}

static bool is_pseudo(const char *tag)
{
	return strcmp(tag, "en-XA") == 0 || strcmp(tag, "ar-XB") == 0;
}

const char *lang_default_dir(void)
{
	return paths_locale();
}

static lang_entry *entry_for(const char *tag)
{
	for (size_t i = 0; i < n_langs; i++)
		if (strcmp(langs[i].tag, tag) == 0)
			return &langs[i];
	return NULL;
}

static const char *lookup(const lang_entry *l, const char *msgid)
{
	/* gettext answers "" with the catalog's header. */
	if (!l || l->loc == (locale_t)0 || !msgid || !*msgid)
		return msgid;
	locale_t old = uselocale(l->loc);
	const char *s = dgettext(DOMAIN, msgid);
	uselocale(old);
	return s;
}

const char *lang_text(const char *tag, const char *msgid)
{
	return tag ? lookup(entry_for(tag), msgid) : msgid;
}

/* Adds the catalog in folder `posix` if its locale was built. */
static void add_catalog(const char *dir, const char *posix, bool pseudo)
{
	char tag[16], path[4096], locname[64];
	struct stat st;
	if (n_langs == LANG_MAX || !tag_from_posix(posix, tag, sizeof tag))
		return;
	if (is_pseudo(tag) && !pseudo)
		return;
	snprintf(path, sizeof path, "%s/messages/%s/LC_MESSAGES/" DOMAIN ".mo", dir, posix);
	if (stat(path, &st) != 0 || entry_for(tag))
		return;
	snprintf(locname, sizeof locname, "%.15s.UTF-8", posix);
	locale_t loc = newlocale(LC_MESSAGES_MASK, locname, (locale_t)0);
	if (loc == (locale_t)0) {
		fprintf(stderr, "copro: the %s catalog is left out: its locale is not built "
			"(run make)\n", tag);
		return;
	}
	lang_entry *l = &langs[n_langs++];
	memcpy(l->tag, tag, strlen(tag) + 1);
	l->loc = loc;
}

/* British English first, then by tag; names and flags filled in. */
static int by_tag(const void *a, const void *b)
{
	const lang_entry *x = a, *y = b;
	bool dx = strcmp(x->tag, LANG_DEFAULT) == 0, dy = strcmp(y->tag, LANG_DEFAULT) == 0;
	if (dx != dy)
		return dx ? -1 : 1;
	return strcmp(x->tag, y->tag);
}

static void finish_list(void)
{
	if (!entry_for(LANG_DEFAULT) && n_langs < LANG_MAX) {
		memcpy(langs[n_langs].tag, LANG_DEFAULT, sizeof LANG_DEFAULT);
		langs[n_langs++].loc = (locale_t)0;
	}
	qsort(langs, n_langs, sizeof *langs, by_tag);
	for (size_t i = 0; i < n_langs; i++) {
		lang_entry *l = &langs[i];
		l->info = (lang_info){l->tag, lookup(l, self_name), is_rtl(l->tag), is_pseudo(l->tag)};
		infos[i] = l->info;
	}
}

int lang_init(const char *dir, bool pseudo, err *e)
{
	char path[4096];
	lang_free();
	n_langs = 0;
	snprintf(path, sizeof path, "%s/glibc", dir);
	setenv("LOCPATH", path, 1);
	unsetenv("LANGUAGE");
	snprintf(path, sizeof path, "%s/messages", dir);
	DIR *d = opendir(path);
	if (!d) {
		finish_list();
		/* A copro run without its build tree speaks British English;
		 * a folder someone named must exist. */
		if (errno == ENOENT && strcmp(dir, paths_built_locale()) == 0)
			return 0;
		return err_set(e, ERR_IO, "Cannot read the languages in %s: run make to build "
			       "them, or set COPRO_LOCALE_DIR to the folder they were built in.", path);
	}
	bindtextdomain(DOMAIN, path);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	for (struct dirent *de; (de = readdir(d));)
		add_catalog(dir, de->d_name, pseudo);
	closedir(d);
	finish_list();
	return 0;
}

void lang_free(void)
{
	for (size_t i = 0; i < n_langs; i++)
		if (langs[i].loc != (locale_t)0)
			freelocale(langs[i].loc);
	n_langs = 0;
	finish_list();
}

const lang_info *lang_list(size_t *n)
{
	*n = n_langs;
	return infos;
}

/* Compares tags ignoring case, with "_" for "-". */
static bool same_tag(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a == '_' ? '-' : (char)tolower((unsigned char)*a);
		char y = *b == '_' ? '-' : (char)tolower((unsigned char)*b);
		if (x != y)
			return false;
	}
	return *a == *b;
}

const lang_info *lang_find(const char *wanted)
{
	size_t n;
	const lang_info *list = lang_list(&n);
	if (!wanted || !*wanted || strlen(wanted) > 35)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (same_tag(list[i].tag, wanted))
			return &list[i];
	char primary[9];
	size_t p = strcspn(wanted, "-_");
	if (p < 2 || p >= sizeof primary)
		return NULL;
	for (size_t i = 0; i < p; i++)
		primary[i] = (char)tolower((unsigned char)wanted[i]);
	primary[p] = '\0';
	for (size_t i = 0; i < n; i++)
		if (!list[i].pseudo && primary_is(list[i].tag, primary))
			return &list[i];
	return NULL;
}
