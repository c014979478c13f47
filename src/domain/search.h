/* search.h: searching an organisation's evidence, actions, success
 * measures, plans and "You said" records by the words they hold. A query is
 * plain words: every word must begin a word of a record; quotes, AND, NEAR
 * and other symbols are words like any other, never operators. */
#ifndef COPRO_DOMAIN_SEARCH_H
#define COPRO_DOMAIN_SEARCH_H

#include "domain/domain.h"
#include "store/search.h"

#define SEARCH_MAX_CHARS 200    /* characters of a query */
#define SEARCH_MAX_WORDS 12
#define SEARCH_PAGE_SIZE 50

typedef struct search_result {
	const search_hit *hits; /* this page's, best match first */
	size_t n;
	int64_t total;          /* matches in all */
	int64_t page, pages;    /* 1-based; pages is 0 when nothing matched */
} search_result;

/* The words of `text`: runs of letters and digits (any script; ASCII
 * punctuation and spaces split them). Answers how many, at most
 * SEARCH_MAX_WORDS + 1 (one more says "too many"). */
size_t search_words(arena *a, const char *text, const char ***out);

/* Page `page` (from 1) of the records of `org` matching `text`. -1 with
 * ERR_INPUT and a sentence saying what to do when the query has no words,
 * is longer than SEARCH_MAX_CHARS or has more than SEARCH_MAX_WORDS words,
 * or is not UTF-8. A page past the last has no hits. */
int search_org(domain *d, int64_t org, const char *text, int64_t page, search_result *out,
	       err *e);

/* "Evidence", "Action", "Success measure", "Plan", "You said". */
const char *search_kind_label(int kind);
/* "evidence", "action", "measure", "plan", "you-said" (for JSON). */
const char *search_kind_name(int kind);

#endif
