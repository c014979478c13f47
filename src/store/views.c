/* views.c: partner voice: rounds of views with their elements and links,
 * responses and answers, the counts results are made of, agreed views,
 * settings and the retention purge. */
#include "store/views.h"
#include "store/sql.h"

/* ---- rounds ----------------------------------------------------------- */

#define ROUND_COLUMNS \
	"r.id, r.organisation_id, r.evaluation_id, r.audit_id, r.framework_id, r.framework_hash," \
	" r.title, r.wording, r.language, r.opens_on, r.closes_on, r.closed, r.answer_cap," \
	" r.created_by, r.created_by_name, r.evidence_id, r.created_at, r.updated_at" \
	" FROM view_round r"

static const sql_col round_cols[] = {
	SQL_COL(view_round_row, id, I64), SQL_COL(view_round_row, organisation_id, I64),
	SQL_COL(view_round_row, evaluation_id, ID), SQL_COL(view_round_row, audit_id, ID),
	SQL_COL(view_round_row, framework_id, TEXT), SQL_COL(view_round_row, framework_hash, TEXT),
	SQL_COL(view_round_row, title, TEXT), SQL_COL(view_round_row, wording, TEXT),
	SQL_COL(view_round_row, language, TEXT), SQL_COL(view_round_row, opens_on, TEXT),
	SQL_COL(view_round_row, closes_on, TEXT), SQL_COL(view_round_row, closed, BOOL),
	SQL_COL(view_round_row, answer_cap, INT), SQL_COL(view_round_row, created_by, ID),
	SQL_COL(view_round_row, created_by_name, TEXT), SQL_COL(view_round_row, evidence_id, ID),
	SQL_COL(view_round_row, created_at, TEXT), SQL_COL(view_round_row, updated_at, TEXT),
	SQL_TABLE_END,
};

int store_view_round_insert(store *s, const view_round_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO view_round (organisation_id, evaluation_id, audit_id,"
		" framework_id, framework_hash, title, wording, language, opens_on, closes_on, closed,"
		" answer_cap, created_by, created_by_name, evidence_id, created_at, updated_at) VALUES"
		" (:organisation_id, :evaluation_id, :audit_id, :framework_id, :framework_hash, :title,"
		" :wording, :language, :opens_on, :closes_on, :closed, :answer_cap, :created_by,"
		" :created_by_name, :evidence_id, :created_at, :updated_at)",
		SQL_ROW(round_cols, r), id, e);
}

int store_view_round_update(store *s, const view_round_row *r, err *e)
{
	return sql_run(s, "UPDATE view_round SET title = :title, wording = :wording,"
		" language = :language, opens_on = :opens_on, closes_on = :closes_on,"
		" closed = :closed, answer_cap = :answer_cap, evidence_id = :evidence_id,"
		" updated_at = :updated_at WHERE id = :id", SQL_ROW(round_cols, r), e);
}

int store_view_round_get(store *s, arena *a, int64_t id, view_round_row *out, err *e)
{
	return sql_get(s, a, "SELECT " ROUND_COLUMNS " WHERE r.id = ?", SQL_ID_ARG(id), out,
		       round_cols, e);
}

int store_view_rounds_of_org(store *s, arena *a, int64_t org, view_round_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " ROUND_COLUMNS
			" WHERE r.organisation_id = ? ORDER BY r.opens_on DESC, r.id DESC",
			SQL_ID_ARG(org), out, round_cols, e);
}

static const sql_col element_cols[] = {
	SQL_COL(view_element_row, round_id, I64), SQL_COL(view_element_row, position, INT),
	SQL_COL(view_element_row, element_key, TEXT), SQL_COL(view_element_row, easy_read, TEXT),
	SQL_TABLE_END,
};

int store_view_element_insert(store *s, const view_element_row *r, err *e)
{
	return sql_run(s, "INSERT INTO view_round_element (round_id, position, element_key,"
		       " easy_read) VALUES (:round_id, :position, :element_key, :easy_read)",
		       SQL_ROW(element_cols, r), e);
}

int store_view_elements(store *s, arena *a, int64_t round, view_element_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT round_id, position, element_key, easy_read"
			" FROM view_round_element WHERE round_id = ? ORDER BY position",
			SQL_ID_ARG(round), out, element_cols, e);
}

int store_view_element_set_easy_read(store *s, int64_t round, const char *element,
				     const char *text, err *e)
{
	return sql_change(s, "UPDATE view_round_element SET easy_read = ?"
			  " WHERE round_id = ? AND element_key = ?",
			  SQL_ARGS(sql_text(text), sql_int(round), sql_text(element)), e);
}

/* ---- links ------------------------------------------------------------ */

#define LINK_COLUMNS \
	"l.id, l.round_id, l.partner_group, l.group_name, l.token_hash, l.created_at," \
	" l.replaced_at, (SELECT COUNT(*) FROM view_response p WHERE p.link_id = l.id" \
	" AND p.submitted_at IS NOT NULL) FROM view_link l"

static const sql_col link_cols[] = {
	SQL_COL(view_link_row, id, I64), SQL_COL(view_link_row, round_id, I64),
	SQL_COL(view_link_row, partner_group, TEXT), SQL_COL(view_link_row, group_name, TEXT),
	SQL_COL(view_link_row, token_hash, TEXT), SQL_COL(view_link_row, created_at, TEXT),
	SQL_COL(view_link_row, replaced_at, TEXT), SQL_COL(view_link_row, submitted, I64),
	SQL_TABLE_END,
};

int store_view_link_insert(store *s, const view_link_row *l, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO view_link (round_id, partner_group, group_name,"
			  " token_hash, created_at) VALUES (:round_id, :partner_group, :group_name,"
			  " :token_hash, :created_at)", SQL_ROW(link_cols, l), id, e);
}

int store_view_links(store *s, arena *a, int64_t round, view_link_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " LINK_COLUMNS " WHERE l.round_id = ? ORDER BY l.id",
			SQL_ID_ARG(round), out, link_cols, e);
}

int store_view_link_get(store *s, arena *a, int64_t id, view_link_row *out, err *e)
{
	return sql_get(s, a, "SELECT " LINK_COLUMNS " WHERE l.id = ?", SQL_ID_ARG(id), out,
		       link_cols, e);
}

int store_view_link_by_hash(store *s, arena *a, const char *hash, view_link_row *out, err *e)
{
	return sql_get(s, a, "SELECT " LINK_COLUMNS " WHERE l.token_hash = ?",
		       SQL_ARGS(sql_text(hash)), out, link_cols, e);
}

int store_view_link_rehash(store *s, int64_t round, int64_t id, const char *hash,
			   const char *now, err *e)
{
	return sql_change(s, "UPDATE view_link SET token_hash = ?, replaced_at = ?"
			  " WHERE id = ? AND round_id = ?",
			  SQL_ARGS(sql_text(hash), sql_text(now), sql_int(id), sql_int(round)), e);
}

/* ---- responses -------------------------------------------------------- */

#define RESPONSE_COLUMNS \
	"id, round_id, link_id, cookie_hash, started_at, submitted_at, from_paper, entered_by," \
	" entered_by_name FROM view_response"

static const sql_col response_cols[] = {
	SQL_COL(view_response_row, id, I64), SQL_COL(view_response_row, round_id, I64),
	SQL_COL(view_response_row, link_id, I64), SQL_COL(view_response_row, cookie_hash, TEXT),
	SQL_COL(view_response_row, started_at, TEXT),
	SQL_COL(view_response_row, submitted_at, TEXT),
	SQL_COL(view_response_row, from_paper, BOOL), SQL_COL(view_response_row, entered_by, ID),
	SQL_COL(view_response_row, entered_by_name, TEXT), SQL_TABLE_END,
};

int store_view_response_insert(store *s, const view_response_row *r, int64_t *id, err *e)
{
	return sql_insert(s, "INSERT INTO view_response (round_id, link_id, cookie_hash,"
		" started_at, submitted_at, from_paper, entered_by, entered_by_name) VALUES"
		" (:round_id, :link_id, :cookie_hash, :started_at, :submitted_at, :from_paper,"
		" :entered_by, :entered_by_name)", SQL_ROW(response_cols, r), id, e);
}

int store_view_response_get(store *s, arena *a, int64_t id, view_response_row *out, err *e)
{
	return sql_get(s, a, "SELECT " RESPONSE_COLUMNS " WHERE id = ?", SQL_ID_ARG(id), out,
		       response_cols, e);
}

int store_view_response_by_cookie(store *s, arena *a, const char *hash, view_response_row *out,
				  err *e)
{
	return sql_get(s, a, "SELECT " RESPONSE_COLUMNS " WHERE cookie_hash = ?",
		       SQL_ARGS(sql_text(hash)), out, response_cols, e);
}

int store_view_response_submit(store *s, int64_t id, const char *now, err *e)
{
	return sql_change(s, "UPDATE view_response SET submitted_at = ?"
			  " WHERE id = ? AND submitted_at IS NULL",
			  SQL_ARGS(sql_text(now), sql_int(id)), e);
}

int store_view_responses_of_round(store *s, arena *a, int64_t round, view_response_list *out,
				  err *e)
{
	return SQL_LIST(s, a, "SELECT " RESPONSE_COLUMNS " WHERE round_id = ? ORDER BY id",
			SQL_ID_ARG(round), out, response_cols, e);
}

/* ---- answers ---------------------------------------------------------- */

#define ANSWER_COLUMNS \
	"a.response_id, a.element_key, a.rating, a.good, a.better, a.reviewed_at, a.reviewed_by," \
	" a.flagged_at, a.flagged_by, a.flagged_by_name, a.updated_at, p.link_id, p.submitted_at," \
	" p.from_paper FROM view_answer a JOIN view_response p ON p.id = a.response_id"

static const sql_col answer_cols[] = {
	SQL_COL(view_answer_row, response_id, I64), SQL_COL(view_answer_row, element_key, TEXT),
	SQL_COL(view_answer_row, rating, INT_OR_NONE), SQL_COL(view_answer_row, good, TEXT),
	SQL_COL(view_answer_row, better, TEXT), SQL_COL(view_answer_row, reviewed_at, TEXT),
	SQL_COL(view_answer_row, reviewed_by, ID), SQL_COL(view_answer_row, flagged_at, TEXT),
	SQL_COL(view_answer_row, flagged_by, ID), SQL_COL(view_answer_row, flagged_by_name, TEXT),
	SQL_COL(view_answer_row, updated_at, TEXT), SQL_COL(view_answer_row, link_id, I64),
	SQL_COL(view_answer_row, submitted_at, TEXT), SQL_COL(view_answer_row, from_paper, BOOL),
	SQL_TABLE_END,
};

int store_view_answer_put(store *s, const view_answer_row *r, err *e)
{
	return sql_run(s, "INSERT INTO view_answer (response_id, element_key, rating, good, better,"
		" updated_at) VALUES (:response_id, :element_key, :rating, :good, :better, :updated_at)"
		" ON CONFLICT (response_id, element_key) DO UPDATE SET rating = excluded.rating,"
		" good = excluded.good, better = excluded.better, updated_at = excluded.updated_at",
		SQL_ROW(answer_cols, r), e);
}

int store_view_answers_of_response(store *s, arena *a, int64_t response, view_answer_list *out,
				   err *e)
{
	return SQL_LIST(s, a, "SELECT " ANSWER_COLUMNS " WHERE a.response_id = ?"
			" ORDER BY a.element_key", SQL_ID_ARG(response), out, answer_cols, e);
}

int store_view_comments(store *s, arena *a, int64_t round, view_answer_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT " ANSWER_COLUMNS " WHERE p.round_id = ?"
			" AND p.submitted_at IS NOT NULL AND (a.good IS NOT NULL OR a.better IS NOT NULL)"
			" ORDER BY p.submitted_at, p.id, a.element_key",
			SQL_ID_ARG(round), out, answer_cols, e);
}

int store_view_answers_of_round(store *s, arena *a, int64_t round, view_answer_list *out,
				err *e)
{
	return SQL_LIST(s, a, "SELECT " ANSWER_COLUMNS " WHERE p.round_id = ?"
			" AND p.submitted_at IS NOT NULL ORDER BY p.id, a.element_key",
			SQL_ID_ARG(round), out, answer_cols, e);
}

int store_view_answer_get(store *s, arena *a, int64_t round, int64_t response,
			  const char *element, view_answer_row *out, err *e)
{
	return sql_get(s, a, "SELECT " ANSWER_COLUMNS " WHERE p.round_id = ? AND a.response_id = ?"
		       " AND a.element_key = ?",
		       SQL_ARGS(sql_int(round), sql_int(response), sql_text(element)), out,
		       answer_cols, e);
}

int store_view_answer_review(store *s, int64_t response, const char *element, int64_t by,
			     const char *at, err *e)
{
	return sql_change(s, "UPDATE view_answer SET reviewed_at = ?, reviewed_by = ?"
			  " WHERE response_id = ? AND element_key = ?",
			  SQL_ARGS(sql_text(at), sql_id(by), sql_int(response), sql_text(element)), e);
}

int store_view_answer_flag(store *s, int64_t response, const char *element, int64_t by,
			   const char *by_name, const char *at, err *e)
{
	return sql_change(s, "UPDATE view_answer SET flagged_at = ?, flagged_by = ?,"
			  " flagged_by_name = ? WHERE response_id = ? AND element_key = ?",
			  SQL_ARGS(sql_text(at), sql_id(at ? by : 0), sql_text(at ? by_name : ""),
				   sql_int(response), sql_text(element)), e);
}

static const sql_col count_cols[] = {
	SQL_COL(view_count_row, link_id, I64), SQL_COL(view_count_row, element_key, TEXT),
	SQL_COL(view_count_row, rating, INT), SQL_COL(view_count_row, n, I64), SQL_TABLE_END,
};

int store_view_counts(store *s, arena *a, int64_t round, view_count_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT p.link_id, a.element_key, a.rating, COUNT(*)"
			" FROM view_answer a JOIN view_response p ON p.id = a.response_id"
			" WHERE p.round_id = ? AND p.submitted_at IS NOT NULL AND a.rating IS NOT NULL"
			" GROUP BY p.link_id, a.element_key, a.rating"
			" ORDER BY p.link_id, a.element_key, a.rating",
			SQL_ID_ARG(round), out, count_cols, e);
}

/* ---- "You said, we did" from comments ---------------------------------- */

int store_view_you_said_insert(store *s, int64_t you_said, int64_t round, int64_t response,
			       const char *element, err *e)
{
	return sql_run(s, "INSERT INTO view_you_said (you_said_id, round_id, response_id, element_key)"
		       " VALUES (?, ?, ?, ?)",
		       SQL_ARGS(sql_int(you_said), sql_int(round), sql_id(response), sql_text(element)), e);
}

int store_view_you_said_round(store *s, int64_t you_said, int64_t *round, err *e)
{
	*round = 0;
	if (sql_get_int(s, "SELECT round_id FROM view_you_said WHERE you_said_id = ?",
			SQL_ID_ARG(you_said), round, e) < 0)
		return -1;
	return *round != 0;
}

static const sql_col you_said_place_cols[] = {
	SQL_COL(view_you_said_row, place, I64), SQL_COL(view_you_said_row, element_key, TEXT),
	SQL_TABLE_END,
};

int store_view_you_said_of_round(store *s, arena *a, int64_t round, view_you_said_list *out,
				 err *e)
{
	return SQL_LIST(s, a, "SELECT (SELECT COUNT(*) FROM you_said o WHERE o.organisation_id ="
			" y.organisation_id AND o.id <= y.id), v.element_key FROM view_you_said v"
			" JOIN you_said y ON y.id = v.you_said_id WHERE v.round_id = ? ORDER BY y.id",
			SQL_ID_ARG(round), out, you_said_place_cols, e);
}

int store_you_said_at(store *s, int64_t org, int64_t place, int64_t *id, err *e)
{
	return sql_get_int(s, "SELECT id FROM you_said WHERE organisation_id = ? ORDER BY id"
			   " LIMIT 1 OFFSET ?", SQL_ARGS(sql_int(org), sql_int(place - 1)), id, e);
}

/* ---- agreed views ----------------------------------------------------- */

static const sql_col agreed_cols[] = {
	SQL_COL(view_agreed_row, round_id, I64), SQL_COL(view_agreed_row, element_key, TEXT),
	SQL_COL(view_agreed_row, agreed, TEXT), SQL_COL(view_agreed_row, resolved, TEXT),
	SQL_GROUPS(view_agreed_row, groups), SQL_COL(view_agreed_row, agreed_by, ID),
	SQL_COL(view_agreed_row, agreed_by_name, TEXT), SQL_COL(view_agreed_row, created_at, TEXT),
	SQL_COL(view_agreed_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_view_agreed_put(store *s, const view_agreed_row *r, err *e)
{
	return sql_run(s, "INSERT INTO view_agreed (round_id, element_key, agreed, resolved,"
		" with_cyp, with_parents, with_practitioners, agreed_by, agreed_by_name, created_at,"
		" updated_at) VALUES (:round_id, :element_key, :agreed, :resolved, :with_cyp,"
		" :with_parents, :with_practitioners, :agreed_by, :agreed_by_name, :created_at,"
		" :updated_at) ON CONFLICT (round_id, element_key) DO UPDATE SET"
		" agreed = excluded.agreed, resolved = excluded.resolved, with_cyp = excluded.with_cyp,"
		" with_parents = excluded.with_parents,"
		" with_practitioners = excluded.with_practitioners, agreed_by = excluded.agreed_by,"
		" agreed_by_name = excluded.agreed_by_name, updated_at = excluded.updated_at",
		SQL_ROW(agreed_cols, r), e);
}

int store_view_agreed_of_round(store *s, arena *a, int64_t round, view_agreed_list *out,
			       err *e)
{
	return SQL_LIST(s, a, "SELECT round_id, element_key, agreed, resolved, with_cyp,"
			" with_parents, with_practitioners, agreed_by, agreed_by_name, created_at,"
			" updated_at FROM view_agreed WHERE round_id = ? ORDER BY element_key",
			SQL_ID_ARG(round), out, agreed_cols, e);
}

/* ---- settings --------------------------------------------------------- */

static const sql_col org_setting_cols[] = {
	SQL_COL(view_org_setting_row, organisation_id, I64),
	SQL_COL(view_org_setting_row, safeguarding_contact, TEXT),
	SQL_COL(view_org_setting_row, retention_months, INT),
	SQL_COL(view_org_setting_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_view_org_setting_get(store *s, arena *a, int64_t org, view_org_setting_row *out,
			       err *e)
{
	return sql_get(s, a, "SELECT organisation_id, safeguarding_contact, retention_months,"
		       " updated_at FROM view_org_setting WHERE organisation_id = ?",
		       SQL_ID_ARG(org), out, org_setting_cols, e);
}

int store_view_org_setting_put(store *s, const view_org_setting_row *r, err *e)
{
	return sql_run(s, "INSERT INTO view_org_setting (organisation_id, safeguarding_contact,"
		" retention_months, updated_at) VALUES (:organisation_id, :safeguarding_contact,"
		" :retention_months, :updated_at) ON CONFLICT (organisation_id) DO UPDATE SET"
		" safeguarding_contact = excluded.safeguarding_contact,"
		" retention_months = excluded.retention_months, updated_at = excluded.updated_at",
		SQL_ROW(org_setting_cols, r), e);
}

static const sql_col area_setting_cols[] = {
	SQL_COL(view_area_setting_row, area_id, I64), SQL_COL(view_area_setting_row, min_group, INT),
	SQL_COL(view_area_setting_row, updated_at, TEXT), SQL_TABLE_END,
};

int store_view_area_setting_get(store *s, arena *a, int64_t area, view_area_setting_row *out,
				err *e)
{
	return sql_get(s, a, "SELECT area_id, min_group, updated_at FROM view_area_setting"
		       " WHERE area_id = ?", SQL_ID_ARG(area), out, area_setting_cols, e);
}

int store_view_area_setting_put(store *s, const view_area_setting_row *r, err *e)
{
	return sql_run(s, "INSERT INTO view_area_setting (area_id, min_group, updated_at) VALUES"
		       " (:area_id, :min_group, :updated_at) ON CONFLICT (area_id) DO UPDATE SET"
		       " min_group = excluded.min_group, updated_at = excluded.updated_at",
		       SQL_ROW(area_setting_cols, r), e);
}

static const sql_col area_count_cols[] = {
	SQL_COL(view_area_count_row, organisation_id, I64),
	SQL_COL(view_area_count_row, organisation, TEXT),
	SQL_COL(view_area_count_row, partner_group, TEXT), SQL_COL(view_area_count_row, n, I64),
	SQL_TABLE_END,
};

int store_view_area_counts(store *s, arena *a, int64_t area, const char *since,
			   view_area_count_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT o.id, o.name, l.partner_group, COUNT(*) FROM organisation o"
			" JOIN view_round r ON r.organisation_id = o.id"
			" JOIN view_link l ON l.round_id = r.id"
			" JOIN view_response p ON p.link_id = l.id"
			" WHERE o.area_id = ? AND p.submitted_at >= ?"
			" GROUP BY o.id, o.name, l.partner_group ORDER BY o.name, o.id, l.partner_group",
			SQL_ARGS(sql_int(area), sql_text(since)), out, area_count_cols, e);
}

/* ---- retention -------------------------------------------------------- */

static const sql_col purge_cols[] = {
	SQL_COL(view_purge_row, organisation_id, I64),
	SQL_COL(view_purge_row, retention_months, INT), SQL_TABLE_END,
};

int store_view_purge_orgs(store *s, arena *a, int default_months, view_purge_list *out, err *e)
{
	return SQL_LIST(s, a, "SELECT o.id, COALESCE(t.retention_months, ?) FROM organisation o"
			" LEFT JOIN view_org_setting t ON t.organisation_id = o.id"
			" WHERE EXISTS (SELECT 1 FROM view_round r WHERE r.organisation_id = o.id)"
			" ORDER BY o.id", SQL_ARGS(sql_int(default_months)), out, purge_cols, e);
}

#define PURGED_ANSWERS \
	" WHERE (good IS NOT NULL OR better IS NOT NULL) AND response_id IN" \
	" (SELECT p.id FROM view_response p JOIN view_round r ON r.id = p.round_id" \
	" WHERE r.organisation_id = ?1 AND COALESCE(p.submitted_at, p.started_at) < ?2)"

int store_view_text_purge(store *s, int64_t org, const char *cutoff, int64_t *n, err *e)
{
	if (sql_get_int(s, "SELECT COUNT(*) FROM view_answer" PURGED_ANSWERS,
			SQL_ARGS(sql_int(org), sql_text(cutoff)), n, e) < 0)
		return -1;
	if (!*n)
		return 0;
	return sql_run(s, "UPDATE view_answer SET good = NULL, better = NULL" PURGED_ANSWERS,
		       SQL_ARGS(sql_int(org), sql_text(cutoff)), e);
}
