/* action.c: actions: what, who, by when, and what they came from (a
 * statement, an audit, a success measure or a plan). */
#include "domain/domain.h"

#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/review.h"
#include "store/store.h"

static bool action_status_known(const char *s)
{
	return s && (strcmp(s, "open") == 0 || strcmp(s, "in-progress") == 0 ||
		     strcmp(s, "done") == 0 || strcmp(s, "dropped") == 0);
}

int action_validate(const action_row *a, err *e)
{
	if (text_check_line("The action", a->title, true, e) < 0 ||
	    text_check_line("The owner", a->owner, false, e) < 0)
		return -1;
	if (a->due_on && date_check("The due date", a->due_on, e) < 0)
		return -1;
	if (a->review_on && date_check("The review date", a->review_on, e) < 0)
		return -1;
	if (a->status && !action_status_known(a->status))
		return err_set(e, ERR_INPUT,
			       "status \"%.40s\" is not known: use open, in-progress, done or dropped.",
			       a->status);
	return 0;
}

/* A plan or measure an action comes from is the organisation's own. */
static int check_named_source(domain *d, const action_row *a, err *e)
{
	source_name_row n;
	int found;
	if (a->source_plan_id) {
		found = store_plan_name(d->db, d->mem, a->source_plan_id, &n, e);
		if (found < 0)
			return -1;
		if (!found || n.organisation_id != a->organisation_id)
			return err_set(e, ERR_INPUT,
				       "plan %lld is not one of this organisation's plans: raise actions from your own plans.",
				       (long long)a->source_plan_id);
	}
	if (a->source_measure_id) {
		found = store_measure_name(d->db, d->mem, a->source_measure_id, &n, e);
		if (found < 0)
			return -1;
		if (!found || n.organisation_id != a->organisation_id)
			return err_set(e, ERR_INPUT,
				       "success measure %lld is not one of this organisation's measures: raise actions from your own measures.",
				       (long long)a->source_measure_id);
	}
	return 0;
}

/* An action raised from a statement must name a statement of that
 * evaluation, in the same organisation. */
static int check_source(domain *d, const action_row *a, err *e)
{
	if (check_named_source(d, a, e) < 0)
		return -1;
	if (!a->source_evaluation_id)
		return 0;
	evaluation_row ev;
	if (evaluation_get(d, a->source_evaluation_id, &ev, e) < 0)
		return -1;
	if (ev.organisation_id != a->organisation_id)
		return err_set(e, ERR_INPUT,
			       "evaluation %lld belongs to another organisation: raise actions from your own evaluations.",
			       (long long)ev.id);
	if (!a->source_element_key)
		return 0;
	bool changed;
	framework *fw = evaluation_framework(d, &ev, &changed, e);
	if (!fw)
		return -1;
	bool known = framework_element(fw, a->source_element_key) != NULL;
	framework_free(fw);
	if (!known)
		return err_set(e, ERR_NOTFOUND, "%s has no statement \"%.40s\".", ev.framework_id,
			       a->source_element_key);
	return 0;
}

int action_get(domain *d, int64_t id, action_row *out, err *e)
{
	return domain_found(store_action_get(d->db, d->mem, id, out, e), e,
			    "there is no action number %lld: `copro action list ORG` shows them.",
			    (long long)id);
}

int action_add(domain *d, action_row *a, int64_t *id, err *e)
{
	if (!a->status)
		a->status = "open";
	if (action_validate(a, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	a->created_at = a->updated_at = arena_strdup(d->mem, now);
	org_row o;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (org_get(d, a->organisation_id, &o, e) < 0 || check_source(d, a, e) < 0 ||
	    store_action_insert(d->db, a, id, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	a->id = *id;
	return 0;
}

int action_update(domain *d, const action_row *in, err *e)
{
	action_row a = *in;
	if (action_validate(&a, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	a.updated_at = now;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (check_source(d, &a, e) < 0 || store_action_update(d->db, &a, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

bool action_overdue(const action_row *a, const char *today)
{
	return a->due_on && strcmp(a->due_on, today) < 0 &&
	       (strcmp(a->status, "open") == 0 || strcmp(a->status, "in-progress") == 0);
}

DOMAIN_GET_IN_ORG(action_get_in_org, action_get, action_row, "action")
DOMAIN_LIST_BY_ID(actions_of_org, store_action_list, action_list)
