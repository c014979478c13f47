/* html.c: the HTML writer. Escaping copies runs of safe bytes with one
 * memcpy (strcspn finds the next special byte): byte-by-byte escaping cost
 * a fifth of a page's time in the prototype. */
#include "web/html.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void html_init(html *h, arena *mem)
{
	h->mem = mem;
	h->len = 0;
	h->cap = 8192;
	h->buf = arena_alloc(mem, h->cap);
	h->heap = NULL;
}

static void free_heap(void *slot)
{
	free(*(char **)slot);
}

/* Past its first 8 KB in the arena, a page grows in malloc'd memory that
 * realloc moves, freed with the arena: doubling in the arena kept every
 * earlier copy (a 1 MB page held 2 MB until it was sent). */
static void reserve(html *h, size_t more)
{
	if (h->len + more + 1 <= h->cap)
		return;
	size_t cap = h->cap * 2;
	while (cap < h->len + more + 1)
		cap *= 2;
	if (!h->heap) {
		h->heap = arena_alloc(h->mem, sizeof *h->heap);
		*h->heap = NULL;
		arena_defer(h->mem, free_heap, h->heap);
	}
	char *grown = realloc(*h->heap, cap);
	if (!grown)
		abort();        /* as the arena does when memory runs out */
	if (!*h->heap)
		memcpy(grown, h->buf, h->len);
	*h->heap = h->buf = grown;
	h->cap = cap;
}

void html_raw(html *h, const char *s, size_t n)
{
	reserve(h, n);
	memcpy(h->buf + h->len, s, n);
	h->len += n;
}

void html_escape(html *h, const char *s)
{
	if (!s)
		return;
	while (*s) {
		size_t run = strcspn(s, "&<>\"'");
		if (run)
			html_raw(h, s, run);
		s += run;
		if (!*s)
			break;
		switch (*s) {
		case '&': html_raw(h, "&amp;", 5); break;
		case '<': html_raw(h, "&lt;", 4); break;
		case '>': html_raw(h, "&gt;", 4); break;
		case '"': html_raw(h, "&quot;", 6); break;
		default: html_raw(h, "&#39;", 5); break;
		}
		s++;
	}
}

void html_text(html *h, const char *s)
{
	html_escape(h, s);
}

static void url_encode(html *h, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			html_raw(h, (const char *)&c, 1);
		} else {
			char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
			html_raw(h, enc, 3);
		}
	}
}

void htmlf(html *h, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	while (*fmt) {
		const char *pct = strchr(fmt, '%');
		if (!pct) {
			html_raw(h, fmt, strlen(fmt));
			break;
		}
		html_raw(h, fmt, (size_t)(pct - fmt));
		char num[32];
		switch (pct[1]) {
		case 't':
		case 'a':
			html_escape(h, va_arg(ap, const char *));
			break;
		case 'u':
			url_encode(h, va_arg(ap, const char *));
			break;
		case 'd':
			snprintf(num, sizeof num, "%d", va_arg(ap, int));
			html_raw(h, num, strlen(num));
			break;
		case 'D':
			snprintf(num, sizeof num, "%lld", (long long)va_arg(ap, int64_t));
			html_raw(h, num, strlen(num));
			break;
		case 'z':
			snprintf(num, sizeof num, "%zu", va_arg(ap, size_t));
			html_raw(h, num, strlen(num));
			break;
		case 'R': {
			const char *raw = va_arg(ap, const char *);
			if (raw)
				html_raw(h, raw, strlen(raw));
			break;
		}
		case '%':
			html_raw(h, "%", 1);
			break;
		default:
			/* An unknown directive is a bug in a page: show it
			 * rather than guess. */
			html_raw(h, "%?", 2);
			break;
		}
		fmt = pct[1] ? pct + 2 : pct + 1;
	}
	va_end(ap);
}

const char *html_str(html *h)
{
	reserve(h, 0);
	h->buf[h->len] = '\0';
	return h->buf;
}
