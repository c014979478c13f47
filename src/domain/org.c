/* org.c: organisations: who they are, where, and the public identifiers
 * that let an area match them to national records. */
#include "domain/domain.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/store.h"

static bool sector_known(const char *s)
{
	return s && (strcmp(s, "education") == 0 || strcmp(s, "health") == 0 ||
		     strcmp(s, "care") == 0 || strcmp(s, "voluntary") == 0);
}

/* ODS codes are 3 to 6 letters and digits (trusts "RCB", practices
 * "B82005", sites "RCB55"); stored upper case. */
static bool ods_valid(const char *s)
{
	size_t n = strlen(s);
	if (n < 3 || n > 6)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) || islower((unsigned char)s[i]))
			return false;
	return true;
}

int org_validate(const org_row *o, err *e)
{
	if (text_check_line("The organisation's name", o->name, true, e) < 0 ||
	    text_check_line("The organisation's type", o->type, false, e) < 0 ||
	    text_check_line("The local area", o->area, false, e) < 0)
		return -1;
	if (!sector_known(o->sector))
		return err_set(e, ERR_INPUT,
			       "sector \"%.40s\" is not known: use education, health, care or voluntary.",
			       o->sector ? o->sector : "");
	if (o->urn && *o->urn && !text_digits(o->urn, 6))
		return err_set(e, ERR_INPUT,
			       "URN \"%.40s\" is not valid: a URN is 6 digits, for example 106020.", o->urn);
	if (o->ukprn && *o->ukprn && (!text_digits(o->ukprn, 8) || o->ukprn[0] != '1'))
		return err_set(e, ERR_INPUT,
			       "UKPRN \"%.40s\" is not valid: a UKPRN is 8 digits starting with 1, for example 10012345.",
			       o->ukprn);
	if (o->ods_code && *o->ods_code && !ods_valid(o->ods_code))
		return err_set(e, ERR_INPUT,
			       "ODS code \"%.40s\" is not valid: an ODS code is 3 to 6 capital letters and digits, for example RCB or B82005.",
			       o->ods_code);
	if (o->opened_on && *o->opened_on && date_check("The opening date", o->opened_on, e) < 0)
		return -1;
	if (o->closed_on && *o->closed_on && date_check("The closing date", o->closed_on, e) < 0)
		return -1;
	if (o->opened_on && o->closed_on && *o->opened_on && *o->closed_on &&
	    strcmp(o->closed_on, o->opened_on) < 0)
		return err_set(e, ERR_INPUT,
			       "the closing date %s is before the opening date %s: check both dates.",
			       o->closed_on, o->opened_on);
	return 0;
}

/* Empty optional text is stored as NULL, so "not given" has one form. */
static const char *nul_if_empty(const char *s)
{
	return s && *s ? s : NULL;
}

static void normalise(org_row *o)
{
	o->urn = nul_if_empty(o->urn);
	o->ukprn = nul_if_empty(o->ukprn);
	o->ods_code = nul_if_empty(o->ods_code);
	o->opened_on = nul_if_empty(o->opened_on);
	o->closed_on = nul_if_empty(o->closed_on);
	o->area = nul_if_empty(o->area);
}

int org_add(domain *d, org_row *o, int64_t *id, err *e)
{
	normalise(o);
	if (org_validate(o, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	o->created_at = o->updated_at = arena_strdup(d->mem, now);
	if (store_begin(d->db, e) < 0)
		return -1;
	org_row same;
	int found = store_org_find(d->db, d->mem, o->name, o->area, &same, e);
	if (found < 0)
		goto fail;
	if (found) {
		err_set(e, ERR_CONFLICT,
			"an organisation called \"%s\" already exists in %s (number %lld): use that one, or give a different name.",
			o->name, o->area ? o->area : "no area", (long long)same.id);
		goto fail;
	}
	if (store_org_insert(d->db, o, id, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	o->id = *id;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int org_get(domain *d, int64_t id, org_row *out, err *e)
{
	return domain_found(store_org_get(d->db, d->mem, id, out, e), e,
			    "there is no organisation number %lld: `copro org list` shows them.",
			    (long long)id);
}

int org_ask(domain *d, int64_t id, org_list *out, err *e)
{
	return store_org_ask(d->db, d->mem, id, out, e);
}

int org_edit(domain *d, const org_row *in, err *e)
{
	org_row o = *in;
	normalise(&o);
	if (org_validate(&o, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	o.updated_at = now;
	if (store_begin(d->db, e) < 0)
		return -1;
	org_row old;
	if (org_get(d, o.id, &old, e) < 0)
		goto fail;
	org_row same;
	int found = store_org_find(d->db, d->mem, o.name, o.area, &same, e);
	if (found < 0)
		goto fail;
	if (found && same.id != o.id) {
		err_set(e, ERR_CONFLICT,
			"another organisation called \"%s\" exists in %s (number %lld): choose a different name.",
			o.name, o.area ? o.area : "no area", (long long)same.id);
		goto fail;
	}
	if (store_org_update(d->db, &o, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int orgs_all(domain *d, org_list *out, err *e)
{
	return store_org_list(d->db, d->mem, out, e);
}

DOMAIN_LIST_BY_ID(orgs_of_area, store_org_list_area, org_list)

int org_owns(int64_t org, int64_t owner, const char *what, int64_t id, err *e)
{
	if (owner == org)
		return 0;
	return err_set(e, ERR_NOTFOUND, "there is no %s number %lld in this organisation.", what,
		       (long long)id);
}

int domain_found(int found, err *e, const char *fmt, ...)
{
	if (found < 0)
		return -1;
	if (found)
		return 0;
	va_list ap;
	va_start(ap, fmt);
	char msg[sizeof e->msg];
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(e, ERR_NOTFOUND, "%s", msg);
}
