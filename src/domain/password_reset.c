/* password_reset.c: password change and reset (domain/password_reset.h).
 * Reset links are stored as SHA-256 only, like sessions. */
#include "domain/password_reset.h"

#include <string.h>

#include "core/text.h"
#include "store/account.h"
#include "store/credentials.h"
#include "store/store.h"

/* Sets `hash` as the user's password, ends their sessions but `keep`
 * (a token's hash, or NULL for all) and their unused reset links, and
 * logs `what`: in the caller's transaction. */
static int password_set(domain *d, const user_row *who, const char *hash, const char *keep,
			const char *what, err *e)
{
	char now[21];
	time_now_iso(now);
	if (store_user_set_password(d->db, who->id, hash, e) < 0 ||
	    store_sessions_end_others(d->db, who->id, keep, e) < 0 ||
	    store_resets_end(d->db, who->id, now, e) < 0)
		return -1;
	return activity_log(d, who, 0, 0, what, e);
}

int password_change(domain *d, const session *s, const char *current, const char *new_password,
		    err *e)
{
	user_row u;
	int found = store_user_get(d->db, d->mem, s->user.id, &u, e);
	if (found < 0)
		return -1;
	if (!found || !current || !*current || !password_verify(u.password_hash, current))
		return err_set(e, ERR_INPUT, "Your current password is not right. Enter the password you signed in with.");
	if (password_check_for(new_password, u.email, u.name, e) < 0)
		return -1;
	if (!strcmp(current, new_password))
		return err_set(e, ERR_INPUT, "The new password is the same as your current one. Choose a different one.");
	char hash[128], keep[65];
	if (password_hash(new_password, hash, e) < 0)
		return -1;
	token_hash(s->token, keep);
	if (store_begin(d->db, e) < 0)
		return -1;
	if (password_set(d, &u, hash, keep, "changed their password", e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}
