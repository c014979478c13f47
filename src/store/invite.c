/* invite.c: open invitations (store/invite.h). */
#include "store/invite.h"
#include "store/sql.h"

static const sql_col invite_cols[] = {
	SQL_COL(invite_row, key, TEXT), SQL_COL(invite_row, token_hash, TEXT),
	SQL_COL(invite_row, organisation_id, I64), SQL_COL(invite_row, name, TEXT),
	SQL_COL(invite_row, role, TEXT), SQL_COL(invite_row, partner_group, TEXT),
	SQL_COL(invite_row, email, TEXT), SQL_COL(invite_row, created_at, TEXT),
	SQL_COL(invite_row, expires_at, TEXT), SQL_COL(invite_row, invited_by, TEXT),
	SQL_TABLE_END,
};

#define INVITE_SELECT \
	"SELECT substr(i.token_hash, 1, 16), i.token_hash, i.organisation_id, i.name, i.role," \
	" i.partner_group, i.email, i.created_at, i.expires_at, u.name FROM invitation i" \
	" LEFT JOIN app_user u ON u.id = i.created_by" \
	" WHERE i.organisation_id = ?1 AND i.used_at IS NULL AND i.expires_at > ?2"

int store_invite_set_email(store *s, const char *token_hash, const char *email, err *e)
{
	return sql_run(s, "UPDATE invitation SET email = ?2 WHERE token_hash = ?1",
		       SQL_ARGS(sql_text(token_hash), sql_text(email)), e);
}

int store_invites_open(store *s, arena *a, int64_t org, const char *now, invite_list *out, err *e)
{
	return SQL_LIST(s, a, INVITE_SELECT " ORDER BY i.created_at DESC, i.name",
			SQL_ARGS(sql_int(org), sql_text(now)), out, invite_cols, e);
}

int store_invite_find(store *s, arena *a, int64_t org, const char *key, const char *now, invite_row *out,
		      err *e)
{
	return sql_get(s, a, INVITE_SELECT " AND substr(i.token_hash, 1, 16) = ?3",
		       SQL_ARGS(sql_int(org), sql_text(now), sql_text(key)), out, invite_cols, e);
}

int store_invite_renew(store *s, const char *old_hash, const char *new_hash, const char *expires, err *e)
{
	return sql_run(s, "UPDATE invitation SET token_hash = ?2, expires_at = ?3 WHERE token_hash = ?1",
		       SQL_ARGS(sql_text(old_hash), sql_text(new_hash), sql_text(expires)), e);
}

int store_invite_delete(store *s, const char *token_hash, err *e)
{
	return sql_run(s, "DELETE FROM invitation WHERE token_hash = ?", SQL_ARGS(sql_text(token_hash)), e);
}
