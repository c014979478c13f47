/* language_pseudo.c: `copro language pseudo`: the tests' pseudo-locales,
 * made from the template by make so that nobody maintains them: en-XA
 * (every letter accented, in brackets, about 40% longer) and ar-XB (each
 * word shown right to left, for pages with dir="rtl"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/language.h"
#include "core/text.h"

static const char *const lower[26] = {
	"á", "ƀ", "ç", "ð", "é", "ƒ", "ĝ", "ĥ", "î", "ĵ", "ķ", "ļ", "ɱ",
	"ñ", "ö", "þ", "ǫ", "ŕ", "š", "ţ", "û", "ṽ", "ŵ", "ẋ", "ý", "ž",
};
static const char *const upper[26] = {
	"Å", "Ɓ", "Ç", "Đ", "É", "Ƒ", "Ĝ", "Ĥ", "Î", "Ĵ", "Ķ", "Ļ", "Ṁ",
	"Ñ", "Ö", "Þ", "Ǫ", "Ŕ", "Š", "Ţ", "Û", "Ṽ", "Ŵ", "Ẋ", "Ý", "Ž",
};
/* Accented too, so that padding never reads as a word left in English. */
static const char *const filler[] = {
	"ŏñé", "ţŵö", "ţĥŕéé", "ƒöûŕ", "ƒîṽé", "šîẋ", "šéṽéñ", "éîĝĥţ", "ñîñé", "ţéñ",
};

#define RLM "\xE2\x80\x8F"      /* right-to-left mark */
#define RLO "\xE2\x80\xAE"      /* right-to-left override ... */
#define PDF "\xE2\x80\xAC"      /* ... ended */

static bool letter(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* The length of what is copied as it is at p: a format directive (%s, %zu,
 * html.h's %t, %%), an HTML tag or entity, a {placeholder} or %{placeholder};
 * 0 for none. */
static size_t kept_len(const char *p)
{
	size_t i = 1;
	if (*p == '%' && p[1] == '{')       /* GOV.UK Frontend's %{count} */
		p++, i++;
	if (*p == '<' || *p == '{') {
		const char *end = strchr(p, *p == '<' ? '>' : '}');
		return end ? (size_t)(end - p) + i : 0;
	}
	if (*p == '%') {
		i += strspn(p + i, "-+ #0'123456789.*");
		i += strspn(p + i, "hlLqjz");
		return p[i] ? i + 1 : i;
	}
	if (*p == '&') {
		i += strspn(p + i, "#abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		return i > 1 && p[i] == ';' ? i + 1 : 0;
	}
	return 0;
}

static char *put_n(char *o, const char *s, size_t n)
{
	memcpy(o, s, n);
	return o + n;
}

static char *put(char *o, const char *s)
{
	return put_n(o, s, strlen(s));
}

/* Newlines at either end stay outside the brackets (msgfmt checks that a
 * translation begins and ends as its msgid does). */
static size_t trailing_newlines(const char *s, size_t from, size_t len)
{
	size_t n = 0;
	while (len - n > from && s[len - n - 1] == '\n')
		n++;
	return n;
}

static char *accented(arena *a, const char *s)
{
	size_t len = strlen(s), lead = strspn(s, "\n"), trail = trailing_newlines(s, lead, len);
	char *out = arena_alloc(a, 8 * len + 256), *o = out;
	o = put(put_n(o, s, lead), "[");
	size_t chars = 0;
	for (const char *p = s + lead, *end = s + len - trail; p < end;) {
		size_t k = kept_len(p);
		if (k) {
			o = put_n(o, p, k), p += k, chars += k;
			continue;
		}
		if (letter(*p))
			o = put(o, *p >= 'a' ? lower[*p - 'a'] : upper[*p - 'A']);
		else
			*o++ = *p;
		chars += ((unsigned char)*p++ & 0xC0) != 0x80;
	}
	for (size_t i = 0, added = 0; added * 5 < chars * 2; i++) {
		o = put(put(o, " "), filler[i % (sizeof filler / sizeof *filler)]);
		added += 1 + utf8_chars(filler[i % (sizeof filler / sizeof *filler)]);
	}
	o = put(o, "]");
	memcpy(o, s + len - trail, trail + 1);
	return out;
}

static char *mirrored(arena *a, const char *s)
{
	size_t len = strlen(s), lead = strspn(s, "\n"), trail = trailing_newlines(s, lead, len);
	char *out = arena_alloc(a, 8 * len + 256), *o = out;
	o = put(put_n(o, s, lead), RLM);
	for (const char *p = s + lead, *end = s + len - trail; p < end;) {
		size_t k = kept_len(p), w = 0;
		if (k) {
			o = put_n(o, p, k), p += k;
			continue;
		}
		while (p + w < end && letter(p[w]))
			w++;
		if (!w) {
			*o++ = *p++;
			continue;
		}
		o = put(put_n(put(o, RLO), p, w), PDF);
		p += w;
	}
	memcpy(o, s + len - trail, trail + 1);
	return out;
}

/* The template's header, made a translation's: UTF-8, the language, plural
 * forms, not fuzzy. */
static void pseudo_header(po_message_t m, const char *posix)
{
	static const char *const fields[][2] = {
		{"Content-Type", "text/plain; charset=UTF-8"},
		{"Language-Team", "none (made by copro language pseudo)"},
		{"Last-Translator", "copro language pseudo"},
		{"PO-Revision-Date", "2026-01-01 00:00+0000"},
		{"Plural-Forms", "nplurals=2; plural=(n != 1);"},
		{"Language", NULL},
	};
	char *header = strdup(po_message_msgstr(m));
	for (size_t i = 0; header && i < sizeof fields / sizeof *fields; i++) {
		char *next = po_header_set_field(header, fields[i][0], fields[i][1] ? fields[i][1] : posix);
		free(header);
		header = next;
	}
	po_message_set_msgstr(m, header ? header : "");
	po_message_set_fuzzy(m, 0);
	free(header);
}

static void pseudo_messages(cli *c, po_file_t f, bool rtl)
{
	char *(*make)(arena *, const char *) = rtl ? mirrored : accented;
	po_message_iterator_t it = po_message_iterator(f, NULL);
	for (po_message_t m; (m = po_next_message(it));) {
		const char *id = po_message_msgid(m), *plural = po_message_msgid_plural(m);
		if (!*id) {
			pseudo_header(m, rtl ? "ar_XB" : "en_XA");
		} else if (plural) {
			po_message_set_msgstr_plural(m, 0, make(&c->mem, id));
			po_message_set_msgstr_plural(m, 1, make(&c->mem, plural));
		} else {
			po_message_set_msgstr(m, make(&c->mem, id));
		}
		po_message_set_fuzzy(m, 0);
	}
	po_message_iterator_free(it);
}

int language_cmd_pseudo(cli *c, int argc, char **argv)
{
	const char *pos[3];
	const cli_opt opts[] = {{0}};
	if (cli_parse(c, argc, argv, opts, pos, 3, 3, NULL) < 0)
		return EXIT_USAGE;
	bool rtl = strcmp(pos[0], "rtl") == 0;
	if (!rtl && strcmp(pos[0], "accented") != 0)
		return cli_usage_error(c, "\"%s\" is not a pseudo-locale: say accented (en-XA) or "
				       "rtl (ar-XB).", pos[0]), EXIT_USAGE;
	po_file_t f = language_po_read(c, pos[1], "give the template (build/locale/copro.pot, "
				       "which make writes).");
	if (!f)
		return cli_fail(c);
	pseudo_messages(c, f, rtl);
	if (!po_file_write(f, pos[2], &language_po_handler)) {
		err_set(&c->e, ERR_IO, "Cannot write %s: check that its folder exists and can be "
			"written.", pos[2]);
		return cli_fail(c);
	}
	return EXIT_OK;
}
