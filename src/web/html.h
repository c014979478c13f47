/* html.h: the one way copro writes HTML. Every value is escaped unless
 * the format names it raw: %t text, %a attribute value (both escape
 * & < > " '), %u a URL query component (percent-encoded), %d int,
 * %D int64_t, %z size_t, %R raw HTML that copro itself built (the named
 * exception), %% a percent sign. There is no plain %s: a string goes in
 * escaped, or raw by a name that stands out in review: tests/lint fails
 * on a %R in a function not listed, with its count and reason, in
 * tests/lint-raw.txt. */
#ifndef COPRO_WEB_HTML_H
#define COPRO_WEB_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

typedef struct html {
	arena *mem;
	char *buf;
	size_t len, cap;
	char **heap;            /* buf once it outgrew the arena's first block */
} html;

void html_init(html *h, arena *mem);
void htmlf(html *h, const char *fmt, ...);
void html_text(html *h, const char *s);         /* escaped text */
void html_raw(html *h, const char *s, size_t n);  /* trusted bytes */
/* Appends the escaped form of s to h (used by %t and %a). */
void html_escape(html *h, const char *s);
/* NUL-terminated view of what has been written (owned by the arena). */
const char *html_str(html *h);

#endif
