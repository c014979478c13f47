/* search.c: the organisation's search (store/search.h): SQLite's FTS5, or
 * PostgreSQL's text search (docs/postgresql.md). The index (migration 13,
 * schema_pg.c) holds one row per record: rowid = id * 8 + kind, `org` the
 * token "o<organisation id>". */
#include <stdio.h>
#include <string.h>

#include "store/search.h"
#include "store/sql.h"

static const sql_col hit_cols[] = {
	SQL_COL(search_hit, kind, INT), SQL_COL(search_hit, id, I64),
	SQL_COL(search_hit, title, TEXT), SQL_COL(search_hit, snippet, TEXT), SQL_TABLE_END,
};

/* Copies `word` into out at `at` between `quote`s, doubling each quote
 * (and, for PostgreSQL, each backslash) inside; the new end. */
static size_t quoted(char *out, size_t at, const char *word, char quote, bool backslash)
{
	out[at++] = quote;
	for (const char *p = word; *p; p++) {
		if (*p == quote || (backslash && *p == '\\'))
			out[at++] = *p;
		out[at++] = *p;
	}
	out[at++] = quote;
	return at;
}

/* Each word becomes a quoted string with a prefix match ("new" finds
 * "newsletter"), so nothing a user types is read as query syntax (FTS5's
 * AND, NEAR, column filters, parentheses; tsquery's !, |, <->). Every word
 * must match. On SQLite the organisation's token must too, so another's
 * rows never qualify; PostgreSQL filters by organisation_id alone. */
static const char *match_expr(arena *a, bool pg, int64_t org, const char *const *words, size_t n)
{
	size_t len = 64;
	for (size_t i = 0; i < n; i++)
		len += 2 * strlen(words[i]) + 8;
	char *out = arena_alloc(a, len);
	size_t at = pg ? 0 : (size_t)snprintf(out, len, "org:\"o%lld\" AND {title body}:(", (long long)org);
	for (size_t i = 0; i < n; i++) {
		if (i && pg)
			at += (size_t)snprintf(out + at, len - at, " & ");
		else if (i)
			out[at++] = ' ';
		at = quoted(out, at, words[i], pg ? '\'' : '"', pg);
		at += (size_t)snprintf(out + at, len - at, pg ? ":*" : "*");
	}
	if (!pg)
		out[at++] = ')';
	out[at] = '\0';
	return out;
}

/* PostgreSQL's ranking is ts_rank, SQLite's bm25: the better match first
 * on both, then the newest record. Snippets are 14 words of the body. */
#define PG_QUERY "to_tsquery('simple', copro_fold(?1))"
#define PG_MATCH " FROM search_index WHERE words @@ " PG_QUERY " AND organisation_id = ?2"

int store_search(store *s, arena *a, int64_t org, const char *const *words, size_t n,
		 int64_t offset, int64_t limit, search_hit_list *out, int64_t *total, err *e)
{
	memset(out, 0, sizeof *out);
	*total = 0;
	if (!n)
		return 0;
	const char *q = match_expr(a, store_engine_is_pg(s), org, words, n);
	/* organisation_id is checked again after the match: belt and braces. */
	if (sql_get_int(s, SQL_DIALECT(s, "SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?1"
				       " AND organisation_id = ?2", "SELECT COUNT(*)" PG_MATCH),
			SQL_ARGS(sql_text(q), sql_int(org)), total, e) < 0)
		return -1;
	if (!*total || offset >= *total)
		return 0;
	return SQL_LIST(s, a, SQL_DIALECT(s,
			"SELECT rowid % 8, rowid / 8, title,"
			" snippet(search_index, 3, '', '', '…', 14)"
			" FROM search_index WHERE search_index MATCH ?1 AND organisation_id = ?2"
			" ORDER BY rank, rowid DESC LIMIT ?3 OFFSET ?4",
			"SELECT rowid % 8, rowid / 8, title, ts_headline('simple', COALESCE(body, ''), " PG_QUERY ","
			" 'StartSel=\"\", StopSel=\"\", MaxWords=14, MinWords=5, ShortWord=0, MaxFragments=1')"
			PG_MATCH " ORDER BY ts_rank(words, " PG_QUERY ") DESC, rowid DESC LIMIT ?3 OFFSET ?4"),
			SQL_ARGS(sql_text(q), sql_int(org), sql_int(limit), sql_int(offset)), out,
			hit_cols, e);
}
