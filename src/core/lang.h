/* lang.h: the languages copro can write partner-facing words in (the
 * compiled GNU gettext catalogs of po/), and the marker for words written in
 * C that a catalog may translate. Pages use tr() (web/i18n.h) on top. */
#ifndef COPRO_LANG_H
#define COPRO_LANG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

/* Marks a string for xgettext (keyword N_) without translating it here:
 * for words kept in tables (ratings, group names) that a page translates
 * when it shows them, with tr() (web/i18n.h). domain/views.h has the same
 * definition, for either to come first. */
#ifndef N_
#define N_(s) (s)
#endif

/* The language of the source texts and of copro's own words, always
 * available even when no catalog was built. */
#define LANG_DEFAULT "en-GB"

typedef struct lang_info {
	const char *tag;        /* BCP 47, as in a link or ?lang=: "en-GB", "cy" */
	const char *name;       /* the language's name in itself, for a switcher */
	bool rtl;               /* written right to left */
	bool pseudo;            /* a test pseudo-locale (en-XA, ar-XB) */
} lang_info;

/* The folder of compiled catalogs: $COPRO_LOCALE_DIR, else the build's
 * (build/locale, beside the web assets). */
const char *lang_default_dir(void);

/* Loads every catalog under `dir` (dir/messages/LL_CC/LC_MESSAGES/copro.mo
 * with its locale in dir/glibc, both built by make). The pseudo-locales are
 * loaded only when `pseudo` (tests). Call once, before any thread starts:
 * it sets LOCPATH and unsets LANGUAGE (lang.c says why). Before it,
 * British English alone is available, as it is when the build's own folder
 * is missing; any other folder that cannot be read fails. */
int lang_init(const char *dir, bool pseudo, err *e);
/* Releases what lang_init loaded (British English alone remains). */
void lang_free(void);

/* Every available language, British English first. */
const lang_info *lang_list(size_t *n);
/* The available language a tag asks for ("cy", "cy-GB", "en_gb"), or NULL.
 * A tag of an unavailable region falls back to its language ("en-US" gives
 * "en-GB"), never to a pseudo-locale. */
const lang_info *lang_find(const char *wanted);
/* `msgid` in language `tag` (unknown tags and untranslated words answer
 * `msgid` itself). Safe from any thread once lang_init has returned. */
const char *lang_text(const char *tag, const char *msgid);

#endif
