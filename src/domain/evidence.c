/* evidence.c: the evidence library. An item is gathered once and linked to
 * any indicators it counts for, across cornerstones and cycles. */
#include "domain/domain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/store.h"

int indicator_ref_parse(arena *a, const char *text, indicator_ref *ref, err *e)
{
	const char *dot = text ? strchr(text, '.') : NULL;
	if (!dot || dot == text || !dot[1] || strchr(dot + 1, '.'))
		return err_set(e, ERR_INPUT,
			       "\"%.40s\" is not an indicator: write the statement and the indicator with a dot between, for example 1i.a or 2iii.own1.",
			       text ? text : "");
	ref->element = arena_strndup(a, text, (size_t)(dot - text));
	ref->indicator = arena_strdup(a, dot + 1);
	return 0;
}

int evidence_validate(const evidence_row *ev, err *e)
{
	if (text_check_line("The evidence title", ev->title, true, e) < 0 ||
	    text_check_long("The description", ev->description, false, e) < 0 ||
	    text_check_url("The link", ev->url, e) < 0)
		return -1;
	if (!ev->date || !*ev->date)
		return err_set(e, ERR_INPUT,
			       "the evidence needs a date: give the day it happened as YYYY-MM-DD.");
	if (date_check("The evidence date", ev->date, e) < 0)
		return -1;
	char today[11];
	date_today(today);
	if (strcmp(ev->date, today) > 0)
		return err_set(e, ERR_INPUT,
			       "the evidence date %s is in the future: evidence records what has happened, so give a date up to %s.",
			       ev->date, today);
	return 0;
}

int evidence_get(domain *d, int64_t id, evidence_row *out, err *e)
{
	return domain_found(store_evidence_get(d->db, d->mem, id, out, e), e,
			    "there is no evidence number %lld: `copro evidence list ORG` shows them.",
			    (long long)id);
}

int evidence_find_same(domain *d, const evidence_row *ev, evidence_row *same, err *e)
{
	evidence_list list;
	if (!ev->title || !ev->date || store_evidence_same(d->db, d->mem, ev, &list, e) < 0)
		return ev->title && ev->date ? -1 : 0;
	if (!list.n)
		return 0;
	*same = list.items[0];
	return 1;
}

int evidence_add(domain *d, evidence_row *ev, int64_t *id, err *e)
{
	if (ev->url && !*ev->url)
		ev->url = NULL;
	if (evidence_validate(ev, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	ev->created_at = ev->updated_at = arena_strdup(d->mem, now);
	org_row o;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (org_get(d, ev->organisation_id, &o, e) < 0 ||
	    store_evidence_insert(d->db, ev, id, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	ev->id = *id;
	return 0;
}

int evidence_edit(domain *d, const evidence_row *in, err *e)
{
	evidence_row ev = *in;
	if (ev.url && !*ev.url)
		ev.url = NULL;
	if (evidence_validate(&ev, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	ev.updated_at = now;
	evidence_row old;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (evidence_get(d, ev.id, &old, e) < 0 || store_evidence_update(d->db, &ev, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* An indicator exists when the evaluation's instrument version has it, or
 * the organisation added it to that statement. */
static int check_ref(domain *d, const framework *fw, const own_indicator_list *own,
		     const indicator_ref *r, err *e)
{
	const fw_element *el = framework_element(fw, r->element);
	if (!el)
		return err_set(e, ERR_NOTFOUND,
			       "%s has no statement \"%.40s\": statements are written like 1i or 3iv.",
			       fw->id, r->element);
	if (element_indicator(el, r->indicator))
		return 0;
	for (size_t i = 0; i < own->n; i++)
		if (strcmp(own->items[i].element_key, r->element) == 0 &&
		    strcmp(own->items[i].key, r->indicator) == 0)
			return 0;
	(void)d;
	return err_set(e, ERR_NOTFOUND,
		       "statement %s has no indicator \"%.40s\": its indicators are %s.a to %s.%s%s.",
		       r->element, r->indicator, r->element, r->element,
		       el->n_indicators ? el->indicators[el->n_indicators - 1].key : "a",
		       " (and any the organisation added)");
}

int evidence_link(domain *d, int64_t evidence, int64_t evaluation,
		  const char *const *refs, size_t n_refs, bool unlink, size_t *changed, err *e)
{
	*changed = 0;
	if (n_refs == 0)
		return err_set(e, ERR_INPUT,
			       "name at least one indicator, for example 1i.a.");
	evidence_row ev;
	evaluation_row eval;
	own_indicator_list own;
	if (evidence_get(d, evidence, &ev, e) < 0 || evaluation_get(d, evaluation, &eval, e) < 0)
		return -1;
	if (ev.organisation_id != eval.organisation_id)
		return err_set(e, ERR_INPUT,
			       "evidence %lld belongs to another organisation than evaluation %lld: link evidence only within its own organisation.",
			       (long long)evidence, (long long)evaluation);
	if (strcmp(eval.status, "submitted") == 0)
		return err_set(e, ERR_CONFLICT,
			       "evaluation %lld is submitted and can no longer change: set its status back to draft first.",
			       (long long)evaluation);
	if (store_own_indicator_list(d->db, d->mem, evaluation, &own, e) < 0)
		return -1;
	bool fw_changed;
	framework *fw = evaluation_framework(d, &eval, &fw_changed, e);
	if (!fw)
		return -1;
	indicator_ref *parsed = arena_array(d->mem, n_refs, sizeof *parsed);
	for (size_t i = 0; i < n_refs; i++) {
		if (indicator_ref_parse(d->mem, refs[i], &parsed[i], e) < 0 ||
		    (!unlink && check_ref(d, fw, &own, &parsed[i], e) < 0)) {
			framework_free(fw);
			return -1;
		}
	}
	framework_free(fw);
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	for (size_t i = 0; i < n_refs; i++) {
		link_row l = {.evidence_id = evidence, .evaluation_id = evaluation,
			      .element_key = parsed[i].element,
			      .indicator_key = parsed[i].indicator, .created_at = now};
		int rc = unlink ? store_link_remove(d->db, &l, e) : store_link_add(d->db, &l, e);
		if (rc < 0) {
			store_rollback(d->db);
			*changed = 0;
			return -1;
		}
		*changed += (size_t)rc;
	}
	if (store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		*changed = 0;
		return -1;
	}
	return 0;
}

int own_indicator_add(domain *d, int64_t evaluation, const char *element, const char *text,
		      char **key, err *e)
{
	if (text_check_long("The indicator text", text, true, e) < 0)
		return -1;
	evaluation_row ev;
	if (evaluation_get(d, evaluation, &ev, e) < 0)
		return -1;
	bool changed;
	framework *fw = evaluation_framework(d, &ev, &changed, e);
	if (!fw)
		return -1;
	bool known = framework_element(fw, element) != NULL;
	framework_free(fw);
	if (!known)
		return err_set(e, ERR_NOTFOUND,
			       "%s has no statement \"%.40s\": statements are written like 1i or 3iv.",
			       ev.framework_id, element);
	if (strcmp(ev.status, "submitted") == 0)
		return err_set(e, ERR_CONFLICT,
			       "evaluation %lld is submitted and can no longer change: set its status back to draft first.",
			       (long long)evaluation);
	char now[21];
	time_now_iso(now);
	own_indicator_list own;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_own_indicator_list(d->db, d->mem, evaluation, &own, e) < 0)
		goto fail;
	/* Keys run own1, own2 ... per statement; the instrument never uses
	 * "own" (the validator refuses it), so they cannot collide. */
	int next = 1;
	for (size_t i = 0; i < own.n; i++)
		if (strcmp(own.items[i].element_key, element) == 0)
			next++;
	own_indicator_row r = {.evaluation_id = evaluation, .element_key = element,
			       .key = arena_printf(d->mem, "own%d", next), .text = text,
			       .created_at = now};
	int64_t id;
	if (store_own_indicator_insert(d->db, &r, &id, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	*key = (char *)r.key;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int evidence_add_linked(domain *d, evidence_row *ev, int64_t evaluation,
			const char *const *refs, size_t n_refs, int64_t *id, size_t *changed,
			err *e)
{
	*changed = 0;
	/* Checked before the item is added, so a refusal never names an
	 * evidence number that was not kept. */
	org_row owner;
	evaluation_row target;
	if (n_refs && (org_get(d, ev->organisation_id, &owner, e) < 0 ||
		       evaluation_get(d, evaluation, &target, e) < 0))
		return -1;
	if (n_refs && target.organisation_id != ev->organisation_id)
		return err_set(e, ERR_INPUT,
			       "evaluation %lld belongs to another organisation than organisation %lld: link evidence only within its own organisation.",
			       (long long)evaluation, (long long)ev->organisation_id);
	if (store_begin(d->db, e) < 0)
		return -1;
	if (evidence_add(d, ev, id, e) < 0 ||
	    (n_refs && evidence_link(d, *id, evaluation, refs, n_refs, false, changed, e) < 0) ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		*changed = 0;
		return -1;
	}
	return 0;
}

DOMAIN_GET_IN_ORG(evidence_get_in_org, evidence_get, evidence_row, "evidence")
DOMAIN_LIST_BY_ID(evidence_of_org, store_evidence_list, evidence_list)

int evidence_library(domain *d, int64_t org, const evidence_filter *f, int64_t offset,
		     int64_t limit, library_list *out, err *e)
{
	return store_evidence_library(d->db, d->mem, org, f, offset, limit, out, e);
}

DOMAIN_LIST_BY_ID(links_of_evidence, store_links_of_evidence, link_list)
DOMAIN_LIST_BY_ID(links_of_org, store_links_of_org, link_list)
DOMAIN_LIST_BY_ID(links_of_evaluation, store_links_of_evaluation, link_list)

DOMAIN_LIST_BY_ID(own_indicators_of, store_own_indicator_list, own_indicator_list)

int statement_links_ask(domain *d, int64_t evaluation, const char *element,
			statement_link_list *out, err *e)
{
	return store_statement_links(d->db, d->mem, evaluation, element, out, e);
}

static bool evidence_listed(const evidence_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return true;
	return false;
}

/* Adds a link to its indicator's count: the rows come by indicator, so
 * an indicator's links are together. */
static void count_link(link_count_list *counts, const link_row *l)
{
	link_count_row *c = counts->n ? &counts->items[counts->n - 1] : NULL;
	if (!c || strcmp(c->indicator_key, l->indicator_key)) {
		c = &counts->items[counts->n++];
		*c = (link_count_row){.element_key = l->element_key, .indicator_key = l->indicator_key};
	}
	c->evidence++;
	c->groups |= l->groups;
}

void statement_links_take(domain *d, int64_t org, int64_t evaluation, const char *element,
			  const statement_link_list *rows, statement_links *out,
			  link_count_list *counts)
{
	size_t n = rows->n;
	*out = (statement_links){
		.links.items = ARENA_ARRAY(d->mem, n, out->links.items),
		.evidence.items = ARENA_ARRAY(d->mem, n, out->evidence.items),
		.carried.items = ARENA_ARRAY(d->mem, n, out->carried.items)};
	*counts = (link_count_list){.items = ARENA_ARRAY(d->mem, n, counts->items)};
	for (size_t i = 0; i < n; i++) {
		const statement_link_row *r = &rows->items[i];
		link_row *l = &out->links.items[out->links.n++];
		*l = (link_row){r->evidence_id, evaluation, element, r->indicator_key, r->created_at,
				r->groups};
		count_link(counts, l);
		if (r->carried)
			out->carried.items[out->carried.n++] =
				(carried_row){r->evidence_id, element, r->indicator_key, r->confirmed_at};
		if (r->organisation_id == org && !evidence_listed(&out->evidence, r->evidence_id))
			out->evidence.items[out->evidence.n++] =
				(evidence_row){.id = r->evidence_id, .organisation_id = org,
					       .title = r->title, .date = r->date, .groups = r->groups};
	}
}
