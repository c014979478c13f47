/* gold.c: Charter Gold's rows: the area's settings, assessors, comments
 * and decisions. */
#include "store/gold.h"
#include "store/sql.h"

static const sql_col setting_cols[] = {
	SQL_COL(gold_setting_row, area_id, I64), SQL_COL(gold_setting_row, evidence_years, INT),
	SQL_COL(gold_setting_row, award_years, INT), SQL_COL(gold_setting_row, updated_at, TEXT),
	SQL_TABLE_END,
};

int store_gold_setting_get(store *s, arena *a, int64_t area, gold_setting_row *out, err *e)
{
	return sql_get(s, a, "SELECT area_id, evidence_years, award_years, updated_at"
		       " FROM gold_area_setting WHERE area_id = ?", SQL_ID_ARG(area), out, setting_cols, e);
}

int store_gold_setting_put(store *s, const gold_setting_row *r, err *e)
{
	return sql_run(s, "INSERT INTO gold_area_setting (area_id, evidence_years, award_years, updated_at)"
		       " VALUES (:area_id, :evidence_years, :award_years, :updated_at)"
		       " ON CONFLICT (area_id) DO UPDATE SET evidence_years = excluded.evidence_years,"
		       " award_years = excluded.award_years, updated_at = excluded.updated_at",
		       SQL_ROW(setting_cols, r), e);
}

/* ---- assessors ------------------------------------------------------------ */

#define ASSESSOR_COLUMNS \
	"x.id, x.organisation_id, x.evaluation_id, x.user_id, x.name, x.email, x.token_hash," \
	" x.invite_expires_at, x.until, x.ended_at, x.created_by, x.created_at, o.name, v.cycle" \
	" FROM assessor x JOIN organisation o ON o.id = x.organisation_id" \
	" JOIN evaluation v ON v.id = x.evaluation_id"

static const sql_col assessor_cols[] = {
	SQL_COL(assessor_row, id, I64), SQL_COL(assessor_row, organisation_id, I64),
	SQL_COL(assessor_row, evaluation_id, I64), SQL_COL(assessor_row, user_id, ID),
	SQL_COL(assessor_row, name, TEXT), SQL_COL(assessor_row, email, TEXT),
	SQL_COL(assessor_row, token_hash, TEXT), SQL_COL(assessor_row, invite_expires_at, TEXT),
	SQL_COL(assessor_row, until, TEXT), SQL_COL(assessor_row, ended_at, TEXT),
	SQL_COL(assessor_row, created_by, ID), SQL_COL(assessor_row, created_at, TEXT),
	SQL_COL(assessor_row, org_name, TEXT), SQL_COL(assessor_row, cycle, TEXT),
	SQL_TABLE_END,
};

int store_assessor_insert(store *s, const assessor_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO assessor (organisation_id, evaluation_id, user_id, name, email,"
			  " token_hash, invite_expires_at, until, ended_at, created_by, created_at) VALUES"
			  " (:organisation_id, :evaluation_id, :user_id, :name, :email, :token_hash,"
			  " :invite_expires_at, :until, :ended_at, :created_by, :created_at)",
			  SQL_ROW(assessor_cols, r), id, e);
}

int store_assessor_by_token(store *s, arena *a, const char *hash, assessor_row *out, err *e)
{
	return sql_get(s, a, "SELECT " ASSESSOR_COLUMNS " WHERE x.token_hash = ?",
		       SQL_ARGS(sql_text(hash)), out, assessor_cols, e);
}

int store_assessor_join(store *s, int64_t id, int64_t user, err *e)
{
	return sql_change(s, "UPDATE assessor SET user_id = ?, token_hash = NULL"
			  " WHERE id = ? AND token_hash IS NOT NULL", SQL_ARGS(sql_int(user), sql_int(id)), e);
}

int store_assessor_get(store *s, arena *a, int64_t id, assessor_row *out, err *e)
{
	return sql_get(s, a, "SELECT " ASSESSOR_COLUMNS " WHERE x.id = ?", SQL_ID_ARG(id), out,
		       assessor_cols, e);
}

int store_assessors_of_user(store *s, arena *a, int64_t user, int64_t org, assessor_list *out,
			    err *e)
{
	return SQL_LIST(s, a, "SELECT " ASSESSOR_COLUMNS " WHERE x.user_id = ?1"
			" AND (?2 = 0 OR x.organisation_id = ?2) ORDER BY x.until DESC, x.id DESC",
			SQL_ARGS(sql_int(user), sql_int(org)), out, assessor_cols, e);
}

int store_assessors_of_area(store *s, arena *a, int64_t area, assessor_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " ASSESSOR_COLUMNS " WHERE o.area_id = ?"
			" ORDER BY x.until DESC, x.id DESC", SQL_ID_ARG(area), out, assessor_cols, e);
}

int store_assessor_end(store *s, int64_t area, int64_t id, const char *now, err *e)
{
	return sql_change(s, "UPDATE assessor SET ended_at = ?1, token_hash = NULL WHERE id = ?2"
			  " AND ended_at IS NULL AND organisation_id IN"
			  " (SELECT id FROM organisation WHERE area_id = ?3)",
			  SQL_ARGS(sql_text(now), sql_int(id), sql_int(area)), e);
}

int store_evidence_links_in(store *s, int64_t evidence, int64_t evaluation, int64_t *n, err *e)
{
	return sql_get_int(s, "SELECT COUNT(*) FROM evidence_link WHERE evidence_id = ? AND evaluation_id = ?",
			   SQL_ARGS(sql_int(evidence), sql_int(evaluation)), n, e);
}

/* ---- comments and decisions ----------------------------------------------- */

static const sql_col comment_cols[] = {
	SQL_COL(gold_comment_row, evaluation_id, I64), SQL_COL(gold_comment_row, element_key, TEXT),
	SQL_COL(gold_comment_row, comment, TEXT), SQL_COL(gold_comment_row, author, TEXT),
	SQL_COL(gold_comment_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_gold_comment_put(store *s, const gold_comment_row *r, err *e)
{
	if (!*r->comment)
		return sql_run(s, "DELETE FROM gold_comment WHERE evaluation_id = :evaluation_id"
			       " AND element_key = :element_key", SQL_ROW(comment_cols, r), e);
	return sql_run(s, "INSERT INTO gold_comment (evaluation_id, element_key, comment, author, updated_at)"
		       " VALUES (:evaluation_id, :element_key, :comment, :author, :updated_at)"
		       " ON CONFLICT (evaluation_id, element_key) DO UPDATE SET comment = excluded.comment,"
		       " author = excluded.author, updated_at = excluded.updated_at",
		       SQL_ROW(comment_cols, r), e);
}

int store_gold_comments_of(store *s, arena *a, int64_t evaluation, gold_comment_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT evaluation_id, element_key, comment, author, updated_at"
			" FROM gold_comment WHERE evaluation_id = ? ORDER BY element_key",
			SQL_ID_ARG(evaluation), out, comment_cols, e);
}

#define DECISION_COLUMNS \
	"g.id, g.organisation_id, g.evaluation_id, g.decision, g.reasons, g.decided_on, g.due_on," \
	" g.assessor, g.created_at, o.name, v.cycle FROM gold_decision g" \
	" JOIN organisation o ON o.id = g.organisation_id JOIN evaluation v ON v.id = g.evaluation_id"

static const sql_col decision_cols[] = {
	SQL_COL(gold_decision_row, id, I64), SQL_COL(gold_decision_row, organisation_id, I64),
	SQL_COL(gold_decision_row, evaluation_id, I64), SQL_COL(gold_decision_row, decision, TEXT),
	SQL_COL(gold_decision_row, reasons, TEXT), SQL_COL(gold_decision_row, decided_on, TEXT),
	SQL_COL(gold_decision_row, due_on, TEXT), SQL_COL(gold_decision_row, assessor, TEXT),
	SQL_COL(gold_decision_row, created_at, TEXT), SQL_COL(gold_decision_row, org_name, TEXT),
	SQL_COL(gold_decision_row, cycle, TEXT), SQL_TABLE_END,
};

int store_gold_decision_insert(store *s, const gold_decision_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO gold_decision (organisation_id, evaluation_id, decision, reasons,"
			  " decided_on, due_on, assessor, created_at) VALUES (:organisation_id, :evaluation_id,"
			  " :decision, :reasons, :decided_on, :due_on, :assessor, :created_at)",
			  SQL_ROW(decision_cols, r), id, e);
}

int store_gold_decisions_of(store *s, arena *a, int64_t org, int64_t evaluation,
			    gold_decision_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " DECISION_COLUMNS " WHERE g.organisation_id = ?1"
			" AND (?2 = 0 OR g.evaluation_id = ?2) ORDER BY g.decided_on DESC, g.id DESC",
			SQL_ARGS(sql_int(org), sql_int(evaluation)), out, decision_cols, e);
}

int store_gold_awards_of_area(store *s, arena *a, int64_t area, gold_decision_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " DECISION_COLUMNS " WHERE o.area_id = ? AND g.decision = 'awarded'"
			" AND g.id = (SELECT h.id FROM gold_decision h WHERE h.organisation_id = g.organisation_id"
			" AND h.decision = 'awarded' ORDER BY h.decided_on DESC, h.id DESC LIMIT 1)"
			" ORDER BY g.due_on, o.name", SQL_ID_ARG(area), out, decision_cols, e);
}
