/* invite.h: invitations sent by email (issue 15): the email queued with
 * the invitation, the open invitations of an organisation, a new link
 * for one (the old stops working, the email is sent again) and
 * cancelling one. Creating and accepting stay in account.h. */
#ifndef COPRO_DOMAIN_INVITE_H
#define COPRO_DOMAIN_INVITE_H

#include "domain/account.h"
#include "store/invite.h"

/* Records `email` on the invitation of `token` (just made by
 * invitation_create) and queues the invitation email with its full link,
 * in one transaction; the area's administrators see a failed delivery. */
int invitation_email(domain *d, const user_row *by, int64_t org, const char *token, const char *email,
		     err *e);
/* "an organisation lead", "a contributor", "a viewer". */
const char *invitation_role_words(const char *role);
int invitations_open(domain *d, int64_t org, invite_list *out, err *e);
/* Invitation `key` of `org` (not found: ERR_NOTFOUND). */
int invitation_find(domain *d, int64_t org, const char *key, invite_row *out, err *e);
/* A new link for invitation `key`, valid 14 days again; the old link
 * stops working. The email goes again when the invitation has an address.
 * `token` receives the new secret; *out the invitation as it now is. */
int invitation_resend(domain *d, const user_row *by, int64_t org, const char *key, char token[65],
		      invite_row *out, err *e);
int invitation_cancel(domain *d, const user_row *by, int64_t org, const char *key, invite_row *out,
		      err *e);

/* What an unused, unexpired invitation link offers, for its page: the
 * organisation, its name and the role (ERR_NOTFOUND otherwise). */
typedef struct invitation_offer {
	int64_t org;
	const char *org_name, *role, *partner_group;
} invitation_offer;
int invitation_offer_get(domain *d, const char *token, invitation_offer *out, err *e);
/* A signed-in person `who` takes the invitation for their own account:
 * the membership, the link used and the organisation's activity line, in
 * one transaction. ERR_CONFLICT, and the link left as it was, when they
 * are a member of the organisation already. */
int invitation_accept_signed_in(domain *d, const char *token, const user_row *who, err *e);

#endif
