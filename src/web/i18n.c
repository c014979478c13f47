/* i18n.c: the language of partner pages (see i18n.h). The catalogs are read
 * with glibc's gettext under one locale per language that make builds into
 * build/locale and copro loads before its threads start, since a locale the
 * machine does not have cannot be switched to (core/lang.c has the whole
 * reason); each request switches only its own thread. */
#include "web/i18n.h"

const char *tr(const request *r, const char *msgid)
{
	return lang_text(r->lang, msgid);
}

const char *i18n_pick(request *r, const char *wanted)
{
	const lang_info *l = lang_find(wanted);
	r->lang = l ? l->tag : I18N_DEFAULT;
	return r->lang;
}

const char *i18n_dir(const request *r)
{
	const lang_info *l = lang_find(r->lang);
	return l && l->rtl ? "rtl" : "ltr";
}
