/* lang.h: the languages copro can write partner-facing words in, and the
 * marker for words written in C that a catalog may translate. */
#ifndef COPRO_LANG_H
#define COPRO_LANG_H

/* Marks a string for xgettext (keyword N_) without translating it here:
 * for words kept in tables (ratings, group names) that a page translates
 * when it shows them, with tr() (web/i18n.h). */
#define N_(msgid) msgid

#endif
