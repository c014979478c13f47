/* account_life.c: turning accounts off and on, deleting them with their
 * name erased, subject access and expiring API tokens
 * (domain/account_life.h). */
#include "domain/account_life.h"

#include <ctype.h>
#include <string.h>

#include "core/text.h"
#include "domain/account.h"
#include "domain/internal.h"
#include "domain/security.h"
#include "store/account.h"
#include "store/account_life.h"
#include "store/security.h"

static const char *who_name(const user_row *by)
{
	return by ? by->name : "copro (the command line)";
}

int account_life_refusal(domain *d, const user_row *by, int64_t user, const char *name, const char **why,
			 err *e)
{
	*why = NULL;
	if (!by)
		return 0;
	if (by->id == user) {
		*why = "This is your own account: you cannot turn it off or delete it. Another area administrator can.";
		return 0;
	}
	const char *area;
	int sole = store_user_sole_admin_of(d->db, d->mem, user, &area, e);
	if (sole < 0)
		return -1;
	if (sole)
		*why = arena_printf(d->mem, "%s is the only area administrator of %s who can sign in, so their account "
				    "cannot be turned off or deleted: %s would have nobody to run it. Ask whoever runs "
				    "copro to make someone else an area administrator of %s first.", name, area, area,
				    area);
	return 0;
}

/* ERR_CONFLICT with the refusal's words, inside the caller's transaction. */
static int check_refusal(domain *d, const user_row *by, int64_t user, err *e)
{
	user_row u;
	int found = store_user_get(d->db, d->mem, user, &u, e);
	if (found <= 0)
		return found < 0 ? -1 : err_set(e, ERR_NOTFOUND, "There is no such account.");
	const char *why;
	if (account_life_refusal(d, by, user, u.name, &why, e) < 0)
		return -1;
	return why ? err_set(e, ERR_CONFLICT, "%s", why) : 0;
}

int account_set_disabled(domain *d, const user_row *by, int64_t user, bool disabled, err *e)
{
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	int changed = disabled && check_refusal(d, by, user, e) < 0 ? -1
		      : store_user_set_disabled(d->db, user, disabled ? now : NULL, e);
	if (changed == 0)
		err_set(e, ERR_NOTFOUND, "There is no such account.");
	/* Turned off takes effect at once: every session ends. */
	if (changed <= 0 || (disabled && store_sessions_delete_user(d->db, user, e) < 0) ||
	    security_event(d, user, arena_printf(d->mem, "account turned %s by %s", disabled ? "off" : "on",
						 who_name(by)), NULL, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int account_disabled(domain *d, int64_t user, bool *disabled, err *e)
{
	const char *at;
	if (store_user_disabled_at(d->db, d->mem, user, &at, e) < 0)
		return -1;
	*disabled = at != NULL;
	return 0;
}

int account_delete(domain *d, const user_row *by, int64_t user, err *e)
{
	user_row u;
	if (store_begin(d->db, e) < 0)
		return -1;
	int found = store_user_get(d->db, d->mem, user, &u, e);
	if (found == 0)
		err_set(e, ERR_NOTFOUND, "There is no such account.");
	/* The event is the person's, in their areas' logs; the erasure below
	 * turns its name into FORMER_MEMBER with the rest, so the line says
	 * who deleted an account, not whose. */
	if (found <= 0 || check_refusal(d, by, user, e) < 0 ||
	    security_event(d, user, arena_printf(d->mem, "account deleted by %s: its name now shows as \"" FORMER_MEMBER "\"",
						 who_name(by)), NULL, e) < 0 ||
	    store_user_erase(d->db, user, u.email, FORMER_MEMBER, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int account_find(domain *d, const char *email, user_row *out, err *e)
{
	char *key = arena_strdup(d->mem, email ? email : "");
	for (char *p = key; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return store_user_by_email(d->db, d->mem, key, out, e);
}

int account_data(domain *d, int64_t user, const char **json, err *e)
{
	int found = store_user_data(d->db, d->mem, user, json, e);
	if (found < 0)
		return -1;
	if (!found || !*json)
		return err_set(e, ERR_NOTFOUND, "There is no such account.");
	return 0;
}

/* The token and its expiry in one transaction. */
static int token_create_at(domain *d, const user_row *who, int64_t area, const char *name,
			   const char *until, char token[65], int64_t *id, err *e)
{
	if (store_begin(d->db, e) < 0)
		return -1;
	if (api_token_create_logged(d, who, area, name, token, id, e) < 0 ||
	    store_api_token_set_expiry(d->db, *id, until, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int api_token_create_days(domain *d, const user_row *who, int64_t area, const char *name, int days,
			  char token[65], int64_t *id, err *e)
{
	if (days < 1 || days > API_TOKEN_MAX_DAYS)
		return err_set(e, ERR_INPUT, "A token lasts from 1 day to %d days.", API_TOKEN_MAX_DAYS);
	char until[21];
	time_iso(time_now_epoch() + (int64_t)days * 24 * 3600, until);
	return token_create_at(d, who, area, name, until, token, id, e);
}

int api_token_create_until(domain *d, const user_row *who, int64_t area, const char *name,
			   const char *day, char token[65], int64_t *id, err *e)
{
	/* It works through the day chosen, to its last second (UTC). */
	int64_t end = date_valid(day) ? time_parse_iso(arena_printf(d->mem, "%sT23:59:59Z", day)) : -1;
	if (end < 0)
		return err_set(e, ERR_INPUT, "the last day the token works must be a real date, like 2027-03-31");
	int64_t now = time_now_epoch();
	if (end < now + 24 * 3600)
		return err_set(e, ERR_INPUT, "the last day the token works must be after today");
	if (end > now + (int64_t)(API_TOKEN_MAX_DAYS + 1) * 24 * 3600)
		return err_set(e, ERR_INPUT, "the last day the token works must be within %d years of today",
			       API_TOKEN_MAX_DAYS / 365);
	char until[21];
	time_iso(end, until);
	return token_create_at(d, who, area, name, until, token, id, e);
}

int api_token_expired(domain *d, const char *token, char on[11], err *e)
{
	on[0] = '\0';
	if (!token || strlen(token) != 64)
		return 0;
	char now[21], hash[65];
	time_now_iso(now);
	token_hash(token, hash);
	const char *at;
	int found = store_api_token_expired(d->db, d->mem, hash, now, &at, e);
	if (found <= 0)
		return found;
	snprintf(on, 11, "%.10s", at ? at : "");
	return 1;
}
