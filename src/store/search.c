/* search.c: the organisation's search through SQLite FTS5 (store/search.h).
 * The index (migration 13) holds one row per record: rowid = id * 8 + kind,
 * `org` the token "o<organisation id>". */
#include <stdio.h>
#include <string.h>

#include "store/search.h"
#include "store/sql.h"

static const sql_col hit_cols[] = {
	SQL_COL(search_hit, kind, INT), SQL_COL(search_hit, id, I64),
	SQL_COL(search_hit, title, TEXT), SQL_COL(search_hit, snippet, TEXT), SQL_TABLE_END,
};

/* Each word becomes a quoted FTS5 string with a prefix star ("new"* finds
 * "newsletter"), its quotes doubled: nothing a user types is read as FTS5
 * syntax (AND, NEAR, column filters, parentheses). Every word must match;
 * the organisation's token must too, so another's rows never qualify. */
static const char *match_expr(arena *a, int64_t org, const char *const *words, size_t n)
{
	size_t len = 64;
	for (size_t i = 0; i < n; i++)
		len += 2 * strlen(words[i]) + 4;
	char *out = arena_alloc(a, len);
	size_t at = (size_t)snprintf(out, len, "org:\"o%lld\" AND {title body}:(", (long long)org);
	for (size_t i = 0; i < n; i++) {
		if (i)
			out[at++] = ' ';
		out[at++] = '"';
		for (const char *p = words[i]; *p; p++) {
			if (*p == '"')
				out[at++] = '"';
			out[at++] = *p;
		}
		out[at++] = '"';
		out[at++] = '*';
	}
	out[at++] = ')';
	out[at] = '\0';
	return out;
}

int store_search(store *s, arena *a, int64_t org, const char *const *words, size_t n,
		 int64_t offset, int64_t limit, search_hit_list *out, int64_t *total, err *e)
{
	memset(out, 0, sizeof *out);
	*total = 0;
	if (!n)
		return 0;
	const char *q = match_expr(a, org, words, n);
	/* organisation_id is checked again after the match: belt and braces. */
	if (sql_get_int(s, "SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?1"
			" AND organisation_id = ?2",
			SQL_ARGS(sql_text(q), sql_int(org)), total, e) < 0)
		return -1;
	if (!*total || offset >= *total)
		return 0;
	return SQL_LIST(s, a, "SELECT rowid % 8, rowid / 8, title,"
			" snippet(search_index, 3, '', '', '…', 14)"
			" FROM search_index WHERE search_index MATCH ?1 AND organisation_id = ?2"
			" ORDER BY rank, rowid DESC LIMIT ?3 OFFSET ?4",
			SQL_ARGS(sql_text(q), sql_int(org), sql_int(limit), sql_int(offset)), out,
			hit_cols, e);
}
