/* revision.c: the data revisions the page cache (src/web/cache.c) keys
 * pages to. Since migration 25 a change appends a row to revision_change
 * naming its organisation and area (schema_revisions.c); an organisation's
 * revision is the number of changes that reached it: those folded into
 * org_revision plus the rows not folded yet (the same for an area).
 *
 * Why a count and not the newest row's id: on PostgreSQL a row's id is
 * taken when it is inserted, not when it commits, so id 100 may commit
 * after 101; a page drawn between the two commits would carry "101" and
 * still be served after 100 arrived. Every commit adds rows, so the
 * count moves with any committed change, whatever the order; folding
 * moves rows into the counter in one transaction and leaves the sum as
 * it was. */
#include "store/sql.h"

#define ORG_REVISION \
	"SELECT COALESCE((SELECT n FROM org_revision WHERE organisation_id = ?1), 0)" \
	" + (SELECT COUNT(*) FROM revision_change WHERE organisation_id = ?1)"
#define AREA_REVISION \
	"SELECT COALESCE((SELECT n FROM area_revision WHERE area_id = ?1), 0)" \
	" + (SELECT COUNT(*) FROM revision_change WHERE area_id = ?1)"

int store_org_revision(store *s, int64_t org, int64_t *n, err *e)
{
	return sql_get_int(s, ORG_REVISION, SQL_ID_ARG(org), n, e);
}

int store_area_revision(store *s, int64_t area, int64_t *n, err *e)
{
	return sql_get_int(s, AREA_REVISION, SQL_ID_ARG(area), n, e);
}

static const sql_col revision_cols[] = {
	SQL_COL(revision_row, n, I64), SQL_TABLE_END,
};

int store_revision_ask(store *s, arena *a, int64_t org, int64_t area, revision_list *out, err *e)
{
	return SQL_LIST(s, a, org ? ORG_REVISION : AREA_REVISION, SQL_ID_ARG(org ? org : area), out,
			revision_cols, e);
}

/* One transaction: the counts added and the rows deleted are the same
 * rows (one snapshot on PostgreSQL, whose writes are SERIALIZABLE; one
 * writer at a time on SQLite). A row committed meanwhile stays for the
 * next pass. */
static int fold(store *s, err *e)
{
	if (store_begin(s, e) < 0)
		return -1;
	if (sql_run(s,
		    "INSERT INTO org_revision (organisation_id, n)"
		    " SELECT organisation_id, COUNT(*) FROM revision_change"
		    " WHERE organisation_id IS NOT NULL GROUP BY organisation_id"
		    " ON CONFLICT (organisation_id) DO UPDATE SET n = org_revision.n + excluded.n",
		    NULL, e) < 0 ||
	    sql_run(s,
		    "INSERT INTO area_revision (area_id, n)"
		    " SELECT area_id, COUNT(*) FROM revision_change"
		    " WHERE area_id IS NOT NULL GROUP BY area_id"
		    " ON CONFLICT (area_id) DO UPDATE SET n = area_revision.n + excluded.n",
		    NULL, e) < 0 ||
	    sql_run(s, "DELETE FROM revision_change", NULL, e) < 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int store_revisions_fold(store *s, err *e)
{
	int64_t any = 0;
	if (sql_get_int(s, "SELECT COUNT(*) FROM (SELECT 1 FROM revision_change LIMIT 1) AS r", NULL,
			&any, e) < 0)
		return -1;
	if (!any || fold(s, e) == 0)
		return 0;
	/* Another server folding at the same moment won: its fold counts. */
	if (store_lost(s))
		return (*e = (err){0}), 0;
	return -1;
}

/* Not inside a transaction or snapshot the caller left open: the fold
 * would join it (and go with its rollback) or be refused there. */
int store_revisions_fold_if_wrote(store *s, err *e)
{
	if (!s->wrote || s->in_tx || s->in_read)
		return 0;
	int rc = store_revisions_fold(s, e);
	s->wrote = false;
	return rc;
}
