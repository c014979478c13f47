/* area.c: the aggregate queries behind the area's portfolio, dashboard and
 * projects: one statement per list, never one per organisation. Each walks
 * the area's organisations by organisation(area_id) and reaches audits and
 * projects through their (organisation_id, ...) indexes. */
#include "store/area.h"
#include "store/sql.h"

/* The area's organisations (the area is the one `?`), narrowed by the
 * filter's :sector and :type, each left out when NULL. */
#define IN_AREA " WHERE o.area_id = ?" \
	" AND (CAST(:sector AS TEXT) IS NULL OR o.sector = :sector)" \
	" AND (CAST(:type AS TEXT) IS NULL OR o.type = :type)"
/* A statement written once around a join that each engine reads in its
 * own way: SQL_DIALECT(s, head lite tail, head pg tail). */
#define AROUND(s, head, lite, pg, tail) SQL_DIALECT(s, head lite tail, head pg tail)
/* Joins of each organisation `o` to its latest something, kind "LEFT"
 * keeping organisations without one and "" leaving them out. SQLite finds
 * the latest's id by a subquery on an (organisation_id, ...) index and
 * reads its row by the rowid. PostgreSQL cannot use a subquery's answer as
 * an index key in a join: it read the whole table into a hash and ran the
 * subquery twice per organisation (EXPLAIN ANALYZE), so its text reads
 * each organisation's latest through a LATERAL join instead. */
/* The latest accepted audit, as `la`. */
#define LATEST_AUDIT_LITE(kind) " " kind " JOIN audit la ON la.id = " SQL_LATEST_ACCEPTED("o.id")
#define LATEST_AUDIT_PG(kind) \
	" " kind " JOIN LATERAL (SELECT a.id, a.audit_date, a.outcome, a.review_on FROM audit a" \
	" WHERE a.organisation_id = o.id AND a.status = 'accepted'" \
	" ORDER BY a.audit_date DESC, a.id DESC LIMIT 1) la ON TRUE"
#define LATEST_AUDIT(s, kind, head, tail) AROUND(s, head, LATEST_AUDIT_LITE(kind), LATEST_AUDIT_PG(kind), tail)
/* The latest self-evaluation on the instrument :framework, as `ev`: the
 * one started last, whose number is the highest. */
#define LATEST_EVALUATION_LITE(kind) \
	" " kind " JOIN evaluation ev ON ev.id = (SELECT MAX(x.id) FROM evaluation x" \
	" WHERE x.organisation_id = o.id AND x.framework_id = :framework)"
#define LATEST_EVALUATION_PG(kind) \
	" " kind " JOIN LATERAL (SELECT x.id, x.cycle, x.status, x.updated_at FROM evaluation x" \
	" WHERE x.organisation_id = o.id AND x.framework_id = :framework" \
	" ORDER BY x.id DESC LIMIT 1) ev ON TRUE"
#define LATEST_EVALUATION(s, kind, head, tail) \
	AROUND(s, head, LATEST_EVALUATION_LITE(kind), LATEST_EVALUATION_PG(kind), tail)
/* The parameters of IN_AREA, after any `?` before it. */
#define FILTERED(f, ...) SQL_ROW_ARGS(filter_cols, filter_or_none(f), __VA_ARGS__)

static const sql_col filter_cols[] = {
	SQL_COL(picture_filter, sector, TEXT), SQL_COL(picture_filter, type, TEXT), SQL_TABLE_END,
};

/* A NULL filter filters nothing. */
static const picture_filter *filter_or_none(const picture_filter *f)
{
	static const picture_filter none;
	return f ? f : &none;
}

int store_picture_types(store *s, arena *a, int64_t area, picture_text_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT DISTINCT o.type FROM organisation o"
		" WHERE o.area_id = ? AND o.type <> '' ORDER BY o.type", SQL_ID_ARG(area), out,
		sql_text_row, e);
}

static const sql_col org_cols[] = {
	SQL_COL(picture_org_row, id, I64), SQL_COL(picture_org_row, name, TEXT),
	SQL_COL(picture_org_row, type, TEXT), SQL_COL(picture_org_row, sector, TEXT),
	SQL_COL(picture_org_row, audit_id, I64), SQL_COL(picture_org_row, audit_date, TEXT),
	SQL_COL(picture_org_row, outcome, TEXT), SQL_COL(picture_org_row, review_on, TEXT),
	SQL_COL(picture_org_row, projects, I64), SQL_COL(picture_org_row, audited_recently, BOOL),
	SQL_COL(picture_org_row, evaluation_id, I64), SQL_COL(picture_org_row, cycle, TEXT),
	SQL_COL(picture_org_row, evaluation_status, TEXT), SQL_COL(picture_org_row, judged, I64),
	SQL_TABLE_END,
};

/* The filter, the self-evaluations' instrument and the statements that
 * count as judged. */
typedef struct org_filter {
	const char *sector, *type, *framework, *keys;
} org_filter;

static const sql_col org_filter_cols[] = {
	SQL_COL(org_filter, sector, TEXT), SQL_COL(org_filter, type, TEXT),
	SQL_COL(org_filter, framework, TEXT), SQL_COL(org_filter, keys, TEXT), SQL_TABLE_END,
};

/* The statements of the latest self-evaluation judged complete, counted
 * only when asked (:keys), and only those whose key is in :keys between
 * two of its first character: a key the installed instrument no longer
 * has is left out. `find` is the engine's substring search. */
#define JUDGED(find) \
	" CASE WHEN CAST(:keys AS TEXT) IS NULL THEN 0 ELSE (SELECT COUNT(*) FROM statement_review sr" \
	"   WHERE sr.evaluation_id = ev.id AND sr.status = 'complete'" \
	"   AND " find "(:keys, substr(:keys, 1, 1) || sr.element_key || substr(:keys, 1, 1)) > 0) END"
#define ORGS_HEAD(find) \
	"SELECT o.id, o.name, o.type, o.sector, la.id, la.audit_date, la.outcome, la.review_on," \
	" (SELECT COUNT(*) FROM project p WHERE p.organisation_id = o.id" \
	"   AND p.starts_on >= ? AND p.starts_on <= ?)," \
	" EXISTS (SELECT 1 FROM audit r WHERE r.organisation_id = o.id" \
	"   AND r.status IN ('accepted', 'submitted') AND r.audit_date >= ? AND r.audit_date <= ?)," \
	" ev.id, ev.cycle, ev.status," JUDGED(find) " FROM organisation o"
#define ORGS_TAIL IN_AREA " ORDER BY o.name, o.id"

/* One read for the portfolio and the dashboard: each organisation's
 * latest audit and its latest self-evaluation side by side (two reads
 * of the same organisations before). */
int store_picture_orgs(store *s, arena *a, int64_t area, const picture_filter *f,
		       const picture_window *w, picture_org_list *out, err *e)
{
	f = filter_or_none(f);
	org_filter of = {f->sector, f->type, w->framework, w->judged_keys};
	return SQL_LIST(s, a, SQL_DIALECT(s,
		ORGS_HEAD("instr") LATEST_AUDIT_LITE("LEFT") LATEST_EVALUATION_LITE("LEFT") ORGS_TAIL,
		ORGS_HEAD("strpos") LATEST_AUDIT_PG("LEFT") LATEST_EVALUATION_PG("LEFT") ORGS_TAIL),
		SQL_ROW_ARGS(org_filter_cols, &of, sql_text(w->year_from), sql_text(w->year_to),
			     sql_text(w->since), sql_text(w->today), sql_int(area)),
		out, org_cols, e);
}

static const sql_col level_cols[] = {
	SQL_COL(picture_level_row, organisation_id, I64),
	SQL_COL(picture_level_row, principle_key, TEXT), SQL_COL(picture_level_row, level, TEXT),
	SQL_TABLE_END,
};

int store_picture_levels(store *s, arena *a, int64_t area, const picture_filter *f,
			 picture_level_list *out, err *e)
{
	return SQL_LIST(s, a, LATEST_AUDIT(s, "", "SELECT o.id, ap.principle_key, ap.level FROM organisation o",
		" JOIN audit_principle ap ON ap.audit_id = la.id" IN_AREA " ORDER BY o.id, ap.principle_key"),
		FILTERED(f, sql_int(area)), out, level_cols, e);
}

static const sql_col outcome_count_cols[] = {
	SQL_COL(picture_outcome_count, year, I64), SQL_COL(picture_outcome_count, outcome, TEXT),
	SQL_COL(picture_outcome_count, n, I64), SQL_TABLE_END,
};

/* A revision is a new version of the same audit (same first_id); should
 * one ever be accepted after another, only the last counts. */
int store_picture_outcomes(store *s, arena *a, int64_t area, const picture_filter *f,
			   picture_outcome_count_list *out, err *e)
{
	return SQL_LIST(s, a,
		"SELECT CAST(substr(a.audit_date, 1, 4) AS INTEGER)"
		"   - CASE WHEN substr(a.audit_date, 6, 2) < '09' THEN 1 ELSE 0 END AS year,"
		" a.outcome, COUNT(*)"
		" FROM organisation o JOIN audit a ON a.organisation_id = o.id AND a.status = 'accepted'"
		IN_AREA " AND a.audit_date IS NOT NULL AND a.outcome IS NOT NULL"
		" AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.first_id = a.first_id"
		"   AND b.status = 'accepted' AND b.version > a.version)"
		" GROUP BY year, a.outcome ORDER BY year, a.outcome", FILTERED(f, sql_int(area)), out,
		outcome_count_cols, e);
}

static const sql_col project_cols[] = {
	SQL_COL(picture_project_row, id, I64), SQL_COL(picture_project_row, organisation_id, I64),
	SQL_COL(picture_project_row, organisation, TEXT), SQL_COL(picture_project_row, title, TEXT),
	SQL_COL(picture_project_row, service_area, TEXT),
	SQL_COL(picture_project_row, framework_id, TEXT),
	SQL_COL(picture_project_row, framework_hash, TEXT),
	SQL_COL(picture_project_row, starts_on, TEXT), SQL_COL(picture_project_row, ends_on, TEXT),
	SQL_COL(picture_project_row, steps_done, I64), SQL_COL(picture_project_row, audit_id, I64),
	SQL_COL(picture_project_row, audit_outcome, TEXT),
	SQL_COL(picture_project_row, audit_date, TEXT), SQL_TABLE_END,
};

int store_picture_projects(store *s, arena *a, int64_t area, const picture_filter *f,
			   picture_project_list *out, err *e)
{
	return SQL_LIST(s, a,
		"SELECT p.id, p.organisation_id, o.name, p.title, p.service_area, p.framework_id,"
		" p.framework_hash, p.starts_on, p.ends_on,"
		" (SELECT COUNT(*) FROM project_step ps WHERE ps.project_id = p.id AND ps.done = 1),"
		" pa.id, pa.outcome, pa.audit_date"
		" FROM organisation o JOIN project p ON p.organisation_id = o.id"
		" LEFT JOIN audit pa ON pa.id = (SELECT a.id FROM audit a WHERE a.project_id = p.id"
		"   AND a.status = 'accepted' ORDER BY a.audit_date DESC, a.id DESC LIMIT 1)"
		IN_AREA " ORDER BY p.starts_on IS NULL, p.starts_on DESC, o.name, p.id",
		FILTERED(f, sql_int(area)), out, project_cols, e);
}

/* ---- self-evaluations --------------------------------------------------- */

/* The filter, with the instrument the latest self-evaluation is of. */
typedef struct evaluation_filter {
	const char *sector, *type, *framework;
} evaluation_filter;

static const sql_col evaluation_filter_cols[] = {
	SQL_COL(evaluation_filter, sector, TEXT), SQL_COL(evaluation_filter, type, TEXT),
	SQL_COL(evaluation_filter, framework, TEXT), SQL_TABLE_END,
};

static evaluation_filter evaluation_filter_of(const picture_filter *f, const char *framework)
{
	f = filter_or_none(f);
	return (evaluation_filter){f->sector, f->type, framework};
}

static const sql_col evaluation_cols[] = {
	SQL_COL(picture_evaluation_row, organisation_id, I64), SQL_COL(picture_evaluation_row, name, TEXT),
	SQL_COL(picture_evaluation_row, type, TEXT), SQL_COL(picture_evaluation_row, sector, TEXT),
	SQL_COL(picture_evaluation_row, evaluation_id, I64), SQL_COL(picture_evaluation_row, cycle, TEXT),
	SQL_COL(picture_evaluation_row, status, TEXT), SQL_COL(picture_evaluation_row, updated_at, TEXT),
	SQL_TABLE_END,
};

int store_picture_evaluations(store *s, arena *a, int64_t area, const char *framework,
			      const picture_filter *f, picture_evaluation_list *out, err *e)
{
	evaluation_filter ef = evaluation_filter_of(f, framework);
	return SQL_LIST(s, a, LATEST_EVALUATION(s, "LEFT",
		"SELECT o.id, o.name, o.type, o.sector, ev.id, ev.cycle, ev.status, ev.updated_at"
		" FROM organisation o", IN_AREA " ORDER BY o.name, o.id"),
		SQL_ROW_ARGS(evaluation_filter_cols, &ef, sql_int(area)), out, evaluation_cols, e);
}

static const sql_col statement_cols[] = {
	SQL_COL(picture_statement_row, evaluation_id, I64),
	SQL_COL(picture_statement_row, element_key, TEXT), SQL_COL(picture_statement_row, status, TEXT),
	SQL_GROUPS(picture_statement_row, groups),
	SQL_COL(picture_statement_row, evidenced, I64),
	{":e_cyp", SQL_AT(picture_statement_row, evidence_groups, int), GROUP_CYP, SQL_FLAGS},
	SQL_BIT(picture_statement_row, evidence_groups, GROUP_PARENTS, e_parents),
	SQL_BIT(picture_statement_row, evidence_groups, GROUP_PRACTITIONERS, e_practitioners),
	SQL_COL(picture_statement_row, changed_at, TEXT), SQL_TABLE_END,
};

/* The judgements of those self-evaluations, by evaluation and statement. */
int store_picture_reviews(store *s, arena *a, int64_t area, const char *framework,
			  const picture_filter *f, picture_statement_list *out, err *e)
{
	evaluation_filter ef = evaluation_filter_of(f, framework);
	return SQL_LIST(s, a, LATEST_EVALUATION(s, "",
		"SELECT sr.evaluation_id, sr.element_key, sr.status, sr.with_cyp, sr.with_parents,"
		" sr.with_practitioners, 0, 0, 0, 0, sr.updated_at FROM organisation o",
		" JOIN statement_review sr ON sr.evaluation_id = ev.id" IN_AREA
		" ORDER BY sr.evaluation_id, sr.element_key"),
		SQL_ROW_ARGS(evaluation_filter_cols, &ef, sql_int(area)), out, statement_cols, e);
}

/* Their evidence per statement, walked by each latest evaluation's
 * (evaluation_id, element_key) index. Evidence for an organisation's own
 * indicators is left out, so the count is of the source's indicators. */
int store_picture_evidence(store *s, arena *a, int64_t area, const char *framework,
			   const picture_filter *f, picture_statement_list *out, err *e)
{
	evaluation_filter ef = evaluation_filter_of(f, framework);
	return SQL_LIST(s, a, LATEST_EVALUATION(s, "",
		"SELECT el.evaluation_id, el.element_key, NULL, 0, 0, 0, COUNT(DISTINCT el.indicator_key),"
		" MAX(d.with_cyp), MAX(d.with_parents), MAX(d.with_practitioners), MAX(el.created_at)"
		" FROM organisation o",
		" JOIN evidence_link el ON el.evaluation_id = ev.id JOIN evidence d ON d.id = el.evidence_id"
		IN_AREA " AND NOT EXISTS (SELECT 1 FROM own_indicator oi WHERE oi.evaluation_id = el.evaluation_id"
		" AND oi.element_key = el.element_key AND oi.key = el.indicator_key)"
		" GROUP BY el.evaluation_id, el.element_key ORDER BY el.evaluation_id, el.element_key"),
		SQL_ROW_ARGS(evaluation_filter_cols, &ef, sql_int(area)), out, statement_cols, e);
}

static const sql_col action_cols[] = {
	SQL_COL(picture_action_row, id, I64), SQL_COL(picture_action_row, organisation_id, I64),
	SQL_COL(picture_action_row, organisation, TEXT), SQL_COL(picture_action_row, title, TEXT),
	SQL_COL(picture_action_row, owner, TEXT), SQL_COL(picture_action_row, due_on, TEXT),
	SQL_COL(picture_action_row, status, TEXT), SQL_TABLE_END,
};

int store_picture_overdue_actions(store *s, arena *a, int64_t area, const char *today,
				  picture_action_list *out, err *e)
{
	return SQL_LIST(s, a,
		"SELECT ai.id, o.id, o.name, ai.title, ai.owner, ai.due_on, ai.status"
		" FROM organisation o JOIN action_item ai ON ai.organisation_id = o.id"
		" WHERE o.area_id = ? AND ai.due_on < ? AND ai.status IN ('open', 'in-progress')"
		" ORDER BY ai.due_on, o.name, ai.id",
		SQL_ARGS(sql_int(area), sql_text(today)), out, action_cols, e);
}
