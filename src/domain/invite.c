/* invite.c: invitations by email (domain/invite.h). */
#include <sodium.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "domain/invite.h"
#include "domain/mail.h"
#include "store/account.h"
#include "store/invite.h"

#define INVITE_DAYS 14

const char *invitation_role_words(const char *role)
{
	return !strcmp(role, "lead") ? "an organisation lead"
	       : !strcmp(role, "contributor") ? "a contributor" : "a viewer";
}

/* The invitation email for `inv`, whose link holds `token`. */
static int queue_invitation(domain *d, const user_row *by, const invite_row *inv, const char *token, err *e)
{
	org_row o;
	int64_t area = 0;
	if (org_get(d, inv->organisation_id, &o, e) < 0 ||
	    store_org_area(d->db, inv->organisation_id, &area, e) < 0)
		return -1;
	const char *link = mail_link(d->mem, arena_printf(d->mem, "/join/%s", token));
	char day[11];
	memcpy(day, inv->expires_at, 10);
	day[10] = '\0';
	const char *text = arena_printf(d->mem,
		"Hello %s,\n\n%s has invited you to join %s on copro as %s.\n\n"
		"To join, open this link and choose your password. It works once, until %s:\n\n%s\n\n"
		"copro is where %s looks at how well it works together with children, young people "
		"and parent carers.\n\nIf you did not expect this email, you can ignore it: nothing happens "
		"unless the link is used.\n",
		inv->name, by && by->name ? by->name : "Someone", o.name, invitation_role_words(inv->role), day, link, o.name);
	mail_message m = {.to = inv->email, .kind = "invitation", .area = area, .text = text,
			  .subject = arena_printf(d->mem, "You are invited to join %s on copro", o.name)};
	return mail_queue(d, &m, e);
}

static void invite_now(char now[21])
{
	time_now_iso(now);
}

int invitation_email(domain *d, const user_row *by, int64_t org, const char *token, const char *email,
		     err *e)
{
	if (mail_address_check("their email address", email, e) < 0)
		return -1;
	char hash[65], now[21];
	token_hash(token, hash);
	invite_now(now);
	invite_row inv;
	if (store_begin(d->db, e) < 0)
		return -1;
	int found = store_invite_set_email(d->db, hash, email, e) < 0 ? -1
		    : store_invite_find(d->db, d->mem, org, arena_strndup(d->mem, hash, INVITE_KEY_LEN), now, &inv, e);
	if (found == 0)
		err_set(e, ERR_NOTFOUND, "There is no open invitation with that link.");
	if (found <= 0 || queue_invitation(d, by, &inv, token, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int invitations_open(domain *d, int64_t org, invite_list *out, err *e)
{
	char now[21];
	invite_now(now);
	return store_invites_open(d->db, d->mem, org, now, out, e);
}

int invitation_find(domain *d, int64_t org, const char *key, invite_row *out, err *e)
{
	char now[21];
	invite_now(now);
	int found = key && strlen(key) == INVITE_KEY_LEN ? store_invite_find(d->db, d->mem, org, key, now, out, e) : 0;
	if (found == 0)
		return err_set(e, ERR_NOTFOUND, "There is no open invitation %s: it may have been used, cancelled or "
			       "sent again with a new link.", key ? key : "");
	return found < 0 ? -1 : 0;
}

int invitation_resend(domain *d, const user_row *by, int64_t org, const char *key, char token[65],
		      invite_row *out, err *e)
{
	unsigned char raw[32];
	char hash[65], expires[21];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(token, 65, raw, sizeof raw);
	token_hash(token, hash);
	time_iso(time_now_epoch() + INVITE_DAYS * 24 * 3600, expires);
	if (store_begin(d->db, e) < 0)
		return -1;
	if (invitation_find(d, org, key, out, e) < 0 || store_invite_renew(d->db, out->token_hash, hash, expires, e) < 0)
		goto fail;
	out->token_hash = arena_strdup(d->mem, hash);
	out->key = arena_strndup(d->mem, hash, INVITE_KEY_LEN);
	out->expires_at = arena_strdup(d->mem, expires);
	if ((out->email && queue_invitation(d, by, out, token, e) < 0) ||
	    activity_log(d, by, org, 0, arena_printf(d->mem, "made a new invitation link for %s%s", out->name,
						     out->email ? " and emailed it" : ""), e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int invitation_cancel(domain *d, const user_row *by, int64_t org, const char *key, invite_row *out,
		      err *e)
{
	if (store_begin(d->db, e) < 0)
		return -1;
	if (invitation_find(d, org, key, out, e) < 0 || store_invite_delete(d->db, out->token_hash, e) < 0 ||
	    activity_log(d, by, org, 0, arena_printf(d->mem, "cancelled the invitation of %s", out->name), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int invitation_offer_get(domain *d, const char *token, invitation_offer *out, err *e)
{
	char hash[65], now[21];
	token_hash(token ? token : "", hash);
	invite_now(now);
	invitation_row inv;
	org_row o;
	int found = store_invitation_get(d->db, d->mem, hash, &inv, e);
	if (found < 0)
		return -1;
	if (!found || inv.used_at || strcmp(inv.expires_at, now) < 0)
		return err_set(e, ERR_NOTFOUND, "This invitation link has been used or has expired. Ask your "
			       "organisation lead for a new one.");
	if (org_get(d, inv.organisation_id, &o, e) < 0)
		return -1;
	*out = (invitation_offer){.org = inv.organisation_id, .org_name = o.name, .role = inv.role,
				  .partner_group = inv.partner_group};
	return 0;
}

/* Whether `user` has a membership of `org` already. */
static int member_of(domain *d, int64_t user, int64_t org, bool *yes, err *e)
{
	membership_list l;
	if (store_memberships_of_user(d->db, d->mem, user, &l, e) < 0)
		return -1;
	*yes = false;
	for (size_t i = 0; i < l.n; i++)
		*yes = *yes || l.items[i].organisation_id == org;
	return 0;
}

/* In the transaction, run again when it loses (domain_write): the link
 * read again, the membership and the link's use. */
typedef struct join_try {
	const char *token;
	const user_row *who;
} join_try;

static int join_write(domain *d, void *ctx, err *e)
{
	join_try *t = ctx;
	invitation_offer o;
	char hash[65], now[21];
	token_hash(t->token ? t->token : "", hash);
	invite_now(now);
	bool member;
	int64_t mid;
	if (invitation_offer_get(d, t->token, &o, e) < 0 || member_of(d, t->who->id, o.org, &member, e) < 0)
		return -1;
	if (member)
		return err_set(e, ERR_CONFLICT, "You are a member of %s already, so the link was not used: it still works "
			       "for the person it was meant for.", o.org_name);
	membership_row m = {.user_id = t->who->id, .organisation_id = o.org, .role = o.role,
			    .partner_group = o.partner_group, .created_at = now};
	int used = store_invitation_use(d->db, hash, now, e);
	if (used != 1)
		return used < 0 ? -1 : err_set(e, ERR_CONFLICT, "This invitation link has just been used. Ask for a new one.");
	if (store_membership_insert(d->db, &m, &mid, e) < 0)
		return -1;
	return activity_log(d, t->who, o.org, 0, arena_printf(d->mem, "joined by invitation as %s",
							      invitation_role_words(o.role)), e);
}

int invitation_accept_signed_in(domain *d, const char *token, const user_row *who, err *e)
{
	join_try t = {.token = token, .who = who};
	return domain_write(d, join_write, &t, e);
}
