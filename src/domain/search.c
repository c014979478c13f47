/* search.c: an organisation's search (domain/search.h). The words are
 * split here, so every store answers the same words the same way. */
#include <string.h>

#include "core/text.h"
#include "domain/measure.h"
#include "domain/search.h"

static bool word_byte(unsigned char ch)
{
	/* Bytes of UTF-8 sequences belong to words: the store's tokeniser
	 * decides which of those characters separate words. */
	return ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
	       (ch >= 'A' && ch <= 'Z');
}

size_t search_words(arena *a, const char *text, const char ***out)
{
	const char **words = ARENA_ARRAY(a, SEARCH_MAX_WORDS + 1, words);
	size_t n = 0;
	const char *p = text ? text : "";
	while (*p && n <= SEARCH_MAX_WORDS) {
		while (*p && !word_byte((unsigned char)*p))
			p++;
		const char *start = p;
		while (*p && word_byte((unsigned char)*p))
			p++;
		if (p > start)
			words[n++] = arena_strndup(a, start, (size_t)(p - start));
	}
	*out = words;
	return n;
}

static int check_query(const char *text, size_t n_words, err *e)
{
	size_t len = strlen(text);
	if (!utf8_valid(text, len))
		return err_set(e, ERR_INPUT, "The search words could not be read. Type them again.");
	if (utf8_chars(text) > SEARCH_MAX_CHARS)
		return err_set(e, ERR_INPUT,
			       "Search words must be %d characters or fewer. Use fewer, shorter words.",
			       SEARCH_MAX_CHARS);
	if (!n_words)
		return err_set(e, ERR_INPUT,
			       "Enter a word to search for, for example a title or a name.");
	if (n_words > SEARCH_MAX_WORDS)
		return err_set(e, ERR_INPUT, "Search for %d words or fewer.", SEARCH_MAX_WORDS);
	return 0;
}

/* A chosen catalogue measure's wording is the instrument's, not in the
 * index (which holds "Success measure 1.3"): the title shows it. */
static int measure_titles(domain *d, int64_t org, search_hit *hits, size_t n, err *e)
{
	for (size_t i = 0; i < n; i++) {
		measure_row m;
		const char **text;
		if (hits[i].kind != SEARCH_MEASURE)
			continue;
		if (measure_get_in_org(d, org, hits[i].id, &m, e) < 0 ||
		    measure_texts(d, &m, 1, &text, e) < 0)
			return -1;
		hits[i].title = text[0];
	}
	return 0;
}

int search_org(domain *d, int64_t org, const char *text, int64_t page, search_result *out,
	       err *e)
{
	memset(out, 0, sizeof *out);
	const char **words;
	size_t n = search_words(d->mem, text ? text : "", &words);
	if (check_query(text ? text : "", n, e) < 0)
		return -1;
	out->page = page < 1 ? 1 : page;
	search_hit_list hits;
	int64_t offset = out->page > INT64_MAX / SEARCH_PAGE_SIZE
				 ? INT64_MAX : (out->page - 1) * SEARCH_PAGE_SIZE;
	if (store_search(d->db, d->mem, org, words, n, offset, SEARCH_PAGE_SIZE, &hits, &out->total,
			 e) < 0)
		return -1;
	if (measure_titles(d, org, hits.items, hits.n, e) < 0)
		return -1;
	out->hits = hits.items;
	out->n = hits.n;
	out->pages = (out->total + SEARCH_PAGE_SIZE - 1) / SEARCH_PAGE_SIZE;
	return 0;
}

static const char *const labels[][2] = {
	[SEARCH_EVIDENCE] = {"Evidence", "evidence"},
	[SEARCH_ACTION] = {"Action", "action"},
	[SEARCH_MEASURE] = {"Success measure", "measure"},
	[SEARCH_PLAN] = {"Plan", "plan"},
	[SEARCH_YOU_SAID] = {"You said", "you-said"},
};

const char *search_kind_label(int kind)
{
	return kind >= SEARCH_EVIDENCE && kind <= SEARCH_YOU_SAID ? labels[kind][0] : "Record";
}

const char *search_kind_name(int kind)
{
	return kind >= SEARCH_EVIDENCE && kind <= SEARCH_YOU_SAID ? labels[kind][1] : "record";
}
