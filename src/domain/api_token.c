/* api_token.c: the area's API tokens (docs/api.md): made, revoked, each
 * logged, and a presented token's area. Only the token's SHA-256 is kept. */
#include "domain/account.h"

#include <string.h>

#include "core/text.h"
#include "domain/account_life.h"
#include "domain/internal.h"
#include "store/account.h"
#include "store/store.h"

int api_token_create(domain *d, int64_t by, int64_t area, const char *name, char token[65],
		     int64_t *id, err *e)
{
	if (text_check_line("the token's name", name, true, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	token_random(token);
	char hash[65], until[21];
	token_hash(token, hash);
	time_iso(time_now_epoch() + (int64_t)API_TOKEN_DAYS * 24 * 3600, until);
	api_token_row r = {.area_id = area, .name = name, .token_hash = hash, .created_by = by,
			   .created_at = now, .expires_at = until};
	return store_api_token_insert(d->db, &r, id, e);
}

int api_token_revoke(domain *d, int64_t area, int64_t id, err *e)
{
	char now[21];
	time_now_iso(now);
	int done = store_api_token_revoke(d->db, area, id, now, e);
	if (done < 0)
		return -1;
	if (done == 0)
		return err_set(e, ERR_NOTFOUND, "there is no live API token %lld in this area",
			       (long long)id);
	return 0;
}

int api_token_create_logged(domain *d, const user_row *who, int64_t area, const char *name,
			    char token[65], int64_t *id, err *e)
{
	if (store_begin(d->db, e) < 0)
		return -1;
	if (api_token_create(d, who ? who->id : 0, area, name, token, id, e) < 0 ||
	    activity_log(d, who, 0, area,
			 arena_printf(d->mem, "created API token %lld: %s", (long long)*id, name),
			 e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int api_token_revoke_logged(domain *d, const user_row *who, int64_t area, int64_t id, err *e)
{
	api_token_list tokens;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (api_tokens_of_area(d, area, &tokens, e) < 0)
		goto fail;
	const char *name = NULL;
	for (size_t i = 0; i < tokens.n; i++)
		if (tokens.items[i].id == id)
			name = tokens.items[i].name;
	/* An unknown token is refused by api_token_revoke, before the log. */
	if (api_token_revoke(d, area, id, e) < 0 ||
	    activity_log(d, who, 0, area,
			 arena_printf(d->mem, "revoked API token %lld: %s", (long long)id, name),
			 e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int api_token_area(domain *d, const char *token, int64_t *area, err *e)
{
	*area = 0;
	if (!token || strlen(token) != 64 || strspn(token, "0123456789abcdef") != 64)
		return 0;
	char now[21], hash[65];
	time_now_iso(now);
	token_hash(token, hash);
	api_token_row r;
	int found = store_api_token_use(d->db, d->mem, hash, now, &r, e);
	if (found < 0)
		return -1;
	if (found)
		*area = r.area_id;
	return 0;
}

DOMAIN_LIST_BY_ID(api_tokens_of_area, store_api_tokens_of_area, api_token_list)
