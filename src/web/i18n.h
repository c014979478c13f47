/* i18n.h: the words of the pages partners see, in the reader's language.
 * Partner pages write every string through tr(), so that xgettext finds it
 * (keyword tr:2) and a catalog (po/, core/lang.h) can give it in another
 * language; r->lang says which. */
#ifndef COPRO_WEB_I18N_H
#define COPRO_WEB_I18N_H

#include "core/lang.h"
#include "web/web.h"

/* The language partner pages are written in when nobody asks for another. */
#define I18N_DEFAULT LANG_DEFAULT

/* `msgid` in the request's language (r->lang, a tag such as "en-GB"); the
 * msgid itself where the catalog has no translation. Instrument texts
 * (statements, easy read, York principles) are in the catalogs too: pass
 * the text as it is in the instrument file. */
const char *tr(const request *r, const char *msgid);

/* Sets r->lang to the available language that `wanted` asks for (a link's
 * language, a partner's ?lang=CODE), else to I18N_DEFAULT, and answers it.
 * A tag that is not available is not an error: the page is in British
 * English. */
const char *i18n_pick(request *r, const char *wanted);

/* "rtl" or "ltr": the dir attribute for a page in r->lang. */
const char *i18n_dir(const request *r);

#endif
