/* membership.c: who belongs to an organisation, in which role and partner
 * group: changing and removing memberships, and reading them. */
#include "domain/account.h"

#include <string.h>

#include "domain/internal.h"
#include "store/account.h"
#include "store/store.h"

bool role_known(const char *role)
{
	return role && (!strcmp(role, "lead") || !strcmp(role, "contributor") || !strcmp(role, "viewer"));
}

int one_group(const char *text, const char **group, err *e)
{
	int g = 0;
	*group = NULL;
	if (text && *text && groups_parse("Partner group", text, &g, e) < 0)
		return -1;
	for (int i = 0; i < 3; i++)
		if (g == group_flags[i])
			*group = group_names[i];
	if (g && !*group)
		return err_set(e, ERR_INPUT, "Choose one partner group for this person.");
	return 0;
}

/* Gets membership `member` of organisation `org` and counts its leads. */
static int org_member(domain *d, int64_t org, int64_t member, membership_row *m, int *leads,
		      err *e)
{
	int found = store_membership_get(d->db, d->mem, member, m, e);
	if (found < 0)
		return -1;
	if (!found || m->organisation_id != org)
		return err_set(e, ERR_NOTFOUND, "This person is not a member of the organisation.");
	membership_list ms;
	if (store_memberships_of_org(d->db, d->mem, org, &ms, e) < 0)
		return -1;
	*leads = 0;
	for (size_t i = 0; i < ms.n; i++)
		*leads += !strcmp(ms.items[i].role, "lead");
	return 0;
}

int membership_change(domain *d, int64_t by, int64_t org, int64_t member, const char *role,
		      const char *group, err *e)
{
	if (!role_known(role))
		return err_set(e, ERR_INPUT, "Choose a role: organisation lead, contributor or viewer.");
	const char *g;
	if (one_group(group, &g, e) < 0)
		return -1;
	membership_row m;
	int leads;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (org_member(d, org, member, &m, &leads, e) < 0)
		goto fail;
	if (m.user_id == by && !strcmp(m.role, "lead") && strcmp(role, "lead") && leads <= 1) {
		err_set(e, ERR_CONFLICT,
			"You are the only organisation lead, so you cannot change your own role. Make someone else a lead first.");
		goto fail;
	}
	if (store_membership_update(d->db, member, role, g, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int membership_remove(domain *d, int64_t by, int64_t org, int64_t member, bool *signed_out,
		      err *e)
{
	*signed_out = false;
	membership_row m;
	membership_list left;
	int leads;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (org_member(d, org, member, &m, &leads, e) < 0)
		goto fail;
	if (m.user_id == by && !strcmp(m.role, "lead") && leads <= 1) {
		err_set(e, ERR_CONFLICT,
			"You are the only organisation lead, so you cannot remove yourself. Make someone else a lead first.");
		goto fail;
	}
	if (store_membership_delete(d->db, member, e) < 0 ||
	    store_memberships_of_user(d->db, d->mem, m.user_id, &left, e) < 0)
		goto fail;
	/* Access is checked on every request, so other memberships can keep
	 * their sessions; someone left with none is signed out everywhere. */
	if (!left.n && store_sessions_delete_user(d->db, m.user_id, e) < 0)
		goto fail;
	if (store_commit(d->db, e) < 0)
		goto fail;
	*signed_out = !left.n;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

DOMAIN_LIST_BY_ID(memberships_of_user, store_memberships_of_user, membership_list)
DOMAIN_LIST_BY_ID(memberships_of_org, store_memberships_of_org, membership_list)

int membership_get_in_org(domain *d, int64_t org, int64_t id, membership_row *out, err *e)
{
	int found = store_membership_get(d->db, d->mem, id, out, e);
	if (found < 0)
		return -1;
	return org_owns(org, found ? out->organisation_id : 0, "member", id, e);
}
