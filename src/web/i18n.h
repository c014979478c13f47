/* i18n.h: the words of the pages partners see, in the reader's language.
 * Partner pages write every string through tr(), so that xgettext finds it
 * (keyword tr:2) and a catalog can give it in another language. */
#ifndef COPRO_WEB_I18N_H
#define COPRO_WEB_I18N_H

#include "web/web.h"

/* The language partner pages are written in when nobody asks for another. */
#define I18N_DEFAULT "en-GB"

/* `msgid` in the request's language (r->lang, a tag such as "en-GB"). For
 * now only British English exists, so it answers `msgid` itself; catalogs
 * for other languages are the next step of issue 12 (docs/views.md). */
const char *tr(const request *r, const char *msgid);

#endif
