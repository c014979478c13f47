/* search.h: full-text search over an organisation's records (evidence,
 * actions, success measures, plans, "You said" records). Part of the store
 * layer; see store.h. The contract (domain/search.h) is plain words, every
 * one of which must begin a word of the record, best matches first: SQLite
 * answers it with FTS5 (migration 13); a PostgreSQL store can with its own
 * full-text search (to_tsvector with prefix tsquery terms). */
#ifndef COPRO_STORE_SEARCH_H
#define COPRO_STORE_SEARCH_H

#include "store/store.h"

/* The kinds of record searched; the numbers are stored in the index. */
enum search_kind {
	SEARCH_EVIDENCE = 1,
	SEARCH_ACTION = 2,
	SEARCH_MEASURE = 3,
	SEARCH_PLAN = 4,
	SEARCH_YOU_SAID = 5,
};

typedef struct search_hit {
	int kind;               /* enum search_kind */
	int64_t id;             /* the record's own id */
	const char *title;
	const char *snippet;    /* a few words of the rest around a match, or "" */
} search_hit;

typedef STORE_LIST(search_hit) search_hit_list;

/* Records of organisation `org` in which each of `words` (n at least 1;
 * plain text: quotes, operators and symbols have no meaning) begins some
 * word of the title or the rest, best match first, then newest; `limit`
 * of them from `offset`. *total is how many match in all. */
int store_search(store *s, arena *a, int64_t org, const char *const *words, size_t n,
		 int64_t offset, int64_t limit, search_hit_list *out, int64_t *total, err *e);

#endif
