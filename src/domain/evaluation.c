/* evaluation.c: one organisation working through one instrument in one
 * cycle: starting it, its progress, and the review of each statement. */
#include "domain/domain.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/account.h"
#include "domain/internal.h"
#include "store/account.h"
#include "store/review.h"
#include "store/store.h"

#define NO_EVALUATION "there is no evaluation number %lld: `copro evaluation list` shows them."

int evaluation_get(domain *d, int64_t id, evaluation_row *out, err *e)
{
	return domain_found(store_evaluation_get(d->db, d->mem, id, out, e), e, NO_EVALUATION,
			    (long long)id);
}

int evaluation_ask(domain *d, int64_t id, evaluation_list *out, err *e)
{
	return store_evaluation_ask(d->db, d->mem, id, out, e);
}

int evaluation_take_in_org(int64_t org, int64_t id, const evaluation_list *asked,
			   evaluation_row *out, err *e)
{
	if (domain_found(asked->n == 1, e, NO_EVALUATION, (long long)id) < 0)
		return -1;
	*out = asked->items[0];
	return org_owns(org, out->organisation_id, "evaluation", id, e);
}

int evaluation_start(domain *d, int64_t org, const char *framework_id, const char *cycle,
		     int64_t *id, err *e)
{
	if (text_check_line("The cycle", cycle, true, e) < 0)
		return -1;
	const framework *fw = fw_registry_find(d->frameworks, framework_id);
	if (!fw)
		return err_set(e, ERR_NOTFOUND,
			       "there is no instrument \"%.60s\": `copro frameworks` lists the ones installed.",
			       framework_id);
	if (strcmp(fw->kind, "evidence") != 0)
		return err_set(e, ERR_INPUT,
			       "%s is a %s instrument: self-evaluations use evidence instruments such as four-cornerstones (audits, measures and plans come in later releases).",
			       fw->id, fw->kind);
	char now[21];
	time_now_iso(now);
	evaluation_row ev = {.organisation_id = org, .framework_id = fw->id,
			     .framework_hash = fw->hash, .cycle = cycle, .status = "draft",
			     .created_at = now, .updated_at = now};
	evaluation_row same;
	org_row o;
	int found;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (org_get(d, org, &o, e) < 0)
		goto fail;
	found = store_evaluation_find(d->db, d->mem, org, fw->id, cycle, &same, e);
	if (found < 0)
		goto fail;
	if (found) {
		err_set(e, ERR_CONFLICT,
			"%s already has a %s evaluation for cycle %s (number %lld): continue that one, or choose another cycle label.",
			o.name, fw->id, cycle, (long long)same.id);
		goto fail;
	}
	if (framework_version_keep(d, fw, e) < 0 ||
	    store_evaluation_insert(d->db, &ev, id, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

static bool status_known(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

int evaluation_set_status(domain *d, int64_t id, const char *status, err *e)
{
	static const char *const statuses[] = {"draft", "in-review", "submitted", NULL};
	if (!status || !status_known(status, statuses))
		return err_set(e, ERR_INPUT,
			       "status \"%.40s\" is not known: use draft, in-review or submitted.",
			       status ? status : "");
	char now[21];
	time_now_iso(now);
	evaluation_row ev;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (evaluation_get(d, id, &ev, e) < 0 ||
	    store_evaluation_set_status(d->db, id, status, now, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* "draft", "in review", "submitted", for the activity line. */
static const char *status_words(const char *status)
{
	static const char *const words[] = {"draft", "draft", "in-review", "in review",
					    "submitted", "submitted", NULL};
	for (size_t i = 0; status && words[i]; i += 2)
		if (!strcmp(status, words[i]))
			return words[i + 1];
	return NULL;
}

/* The start of the activity line a status change writes, which
 * evaluation_status_change looks for. */
static const char *status_line_start(domain *d, int64_t id)
{
	return arena_printf(d->mem, "set the status of self-evaluation %lld (", (long long)id);
}

int evaluation_set_status_by(domain *d, const user_row *who, int64_t id, const char *status,
			     err *e)
{
	evaluation_row ev;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (evaluation_set_status(d, id, status, e) < 0 || evaluation_get(d, id, &ev, e) < 0 ||
	    activity_log(d, who, ev.organisation_id, 0,
			 arena_printf(d->mem, "%s%s) to %s", status_line_start(d, id), ev.cycle,
				      status_words(status)), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* A draft never changed has no status line to look for. */
static bool status_never_changed(const evaluation_row *ev)
{
	return !ev->updated_at || (!strcmp(ev->status, "draft") && !strcmp(ev->updated_at, ev->created_at));
}

int evaluation_status_change(domain *d, const evaluation_row *ev, activity_row *out, err *e)
{
	activity_list line;
	if (status_never_changed(ev))
		return 0;
	if (evaluation_status_change_ask(d, ev->id, &line, e) < 0)
		return -1;
	return evaluation_status_change_take(ev, &line, out);
}

int evaluation_status_change_ask(domain *d, int64_t evaluation, activity_list *out, err *e)
{
	/* Only a status change moves updated_at, and its line is written
	 * after it in the same transaction: nothing to look for before. */
	return store_evaluation_status_line(d->db, d->mem, evaluation,
					    status_line_start(d, evaluation), out, e);
}

int evaluation_status_change_take(const evaluation_row *ev, const activity_list *asked,
				  activity_row *out)
{
	/* Asked before the evaluation's row was known: nothing at all for a
	 * draft never changed, whatever the log holds. */
	if (status_never_changed(ev) || asked->n != 1)
		return 0;
	*out = asked->items[0];
	return 1;
}

int evaluation_statement(domain *d, int64_t id, const char *element, evaluation_row *ev,
			 err *e)
{
	if (evaluation_get(d, id, ev, e) < 0)
		return -1;
	return evaluation_has_statement(d, ev, element, e);
}

int evaluation_has_statement(domain *d, const evaluation_row *ev, const char *element, err *e)
{
	bool changed;
	framework *fw = evaluation_framework(d, ev, &changed, e);
	if (!fw)
		return -1;
	bool known = framework_element(fw, element) != NULL;
	framework_free(fw);
	if (!known)
		return err_set(e, ERR_NOTFOUND,
			       "%s has no statement \"%.40s\": `copro evaluation show %lld` lists them.",
			       ev->framework_id, element, (long long)ev->id);
	return 0;
}

int evaluation_writable(const evaluation_row *ev, err *e)
{
	if (strcmp(ev->status, "submitted") != 0)
		return 0;
	return err_set(e, ERR_CONFLICT,
		       "evaluation %lld is submitted and can no longer change: set its status back to draft first.",
		       (long long)ev->id);
}

framework *evaluation_framework(domain *d, const evaluation_row *ev, bool *changed, err *e)
{
	return framework_version_load(d, ev->framework_id, ev->framework_hash, changed, e);
}

/* ---- progress ------------------------------------------------------- */

static void fill_indicators(domain *d, element_progress *ep, const own_indicator_list *own)
{
	const fw_element *el = ep->element;
	size_t n = el->n_indicators;
	for (size_t i = 0; i < own->n; i++)
		n += strcmp(own->items[i].element_key, el->key) == 0;
	ep->indicators = arena_array(d->mem, n, sizeof *ep->indicators);
	for (size_t i = 0; i < el->n_indicators; i++) {
		indicator_progress *ip = &ep->indicators[ep->n_indicators++];
		ip->key = el->indicators[i].key;
		ip->text = el->indicators[i].text;
		ip->gap = el->indicators[i].gap;
	}
	for (size_t i = 0; i < own->n; i++) {
		if (strcmp(own->items[i].element_key, el->key) != 0)
			continue;
		indicator_progress *ip = &ep->indicators[ep->n_indicators++];
		ip->key = own->items[i].key;
		ip->text = own->items[i].text;
		ip->own = true;
	}
}

static void count_links(element_progress *ep, const link_count_list *counts)
{
	for (size_t l = 0; l < counts->n; l++) {
		const link_count_row *c = &counts->items[l];
		if (strcmp(c->element_key, ep->element->key) != 0)
			continue;
		for (size_t i = 0; i < ep->n_indicators; i++) {
			if (strcmp(ep->indicators[i].key, c->indicator_key) != 0)
				continue;
			ep->indicators[i].evidence += (int)c->evidence;
			ep->indicators[i].groups |= c->groups;
		}
	}
	for (size_t i = 0; i < ep->n_indicators; i++) {
		ep->evidenced += ep->indicators[i].evidence > 0;
		ep->groups |= ep->indicators[i].groups;
	}
}

static void attach_review(element_progress *ep, const review_list *reviews)
{
	ep->review.element_key = ep->element->key;
	ep->review.status = "not-started";
	ep->review.strengths = ep->review.areas = "";
	for (size_t r = 0; r < reviews->n; r++) {
		if (strcmp(reviews->items[r].element_key, ep->element->key) == 0) {
			ep->review = reviews->items[r];
			ep->groups |= ep->review.groups;
		}
	}
}

void domain_reads_begin(domain *d)
{
	store_reads_begin(d->db);
}

int domain_reads_end(domain *d, err *e)
{
	return store_reads_end(d->db, e);
}

int evaluation_progress_load(domain *d, int64_t id, evaluation_progress *p, err *e)
{
	evaluation_row ev;
	if (evaluation_get(d, id, &ev, e) < 0) {
		memset(p, 0, sizeof *p);
		return -1;
	}
	return evaluation_progress_of(d, &ev, p, e);
}

int evaluation_progress_of(domain *d, const evaluation_row *ev, evaluation_progress *p, err *e)
{
	progress_reads q;
	/* Sent together: one round trip on PostgreSQL, not three. */
	store_reads_begin(d->db);
	int rc = evaluation_progress_ask(d, ev->id, &q, e);
	if (store_reads_end(d->db, e) < 0 || rc < 0) {
		memset(p, 0, sizeof *p);
		return -1;
	}
	return evaluation_progress_take(d, ev, &q, p, e);
}

int evaluation_progress_ask(domain *d, int64_t evaluation, progress_reads *q, err *e)
{
	return evaluation_progress_ask_uncounted(d, evaluation, q, e) < 0 ||
	       store_link_counts(d->db, d->mem, evaluation, &q->links, e) < 0 ? -1 : 0;
}

int evaluation_progress_ask_uncounted(domain *d, int64_t evaluation, progress_reads *q, err *e)
{
	q->links = (link_count_list){0};
	return store_review_list(d->db, d->mem, evaluation, &q->reviews, e) < 0 ||
	       store_own_indicator_list(d->db, d->mem, evaluation, &q->own, e) < 0 ? -1 : 0;
}

int evaluation_progress_take(domain *d, const evaluation_row *ev, const progress_reads *q,
			     evaluation_progress *p, err *e)
{
	memset(p, 0, sizeof *p);
	p->evaluation = *ev;
	p->fw = evaluation_framework(d, &p->evaluation, &p->framework_changed, e);
	if (!p->fw)
		return -1;
	p->n_sections = p->fw->n_sections;
	p->sections = arena_array(d->mem, p->n_sections, sizeof *p->sections);
	for (size_t s = 0; s < p->n_sections; s++) {
		section_progress *sp = &p->sections[s];
		sp->section = &p->fw->sections[s];
		sp->n_elements = sp->section->n_elements;
		sp->elements = arena_array(d->mem, sp->n_elements, sizeof *sp->elements);
		for (size_t el = 0; el < sp->n_elements; el++) {
			element_progress *ep = &sp->elements[el];
			ep->element = &sp->section->elements[el];
			fill_indicators(d, ep, &q->own);
			count_links(ep, &q->links);
			attach_review(ep, &q->reviews);
			sp->indicators += ep->n_indicators;
			sp->indicators_evidenced += ep->evidenced;
			sp->elements_evidenced += ep->evidenced > 0;
			sp->groups |= ep->groups;
			p->elements_complete += strcmp(ep->review.status, "complete") == 0;
		}
		p->elements += sp->n_elements;
		p->elements_evidenced += sp->elements_evidenced;
		p->indicators += sp->indicators;
		p->indicators_evidenced += sp->indicators_evidenced;
		p->groups |= sp->groups;
	}
	return 0;
}


const element_progress *progress_element(const evaluation_progress *p, const char *key)
{
	for (size_t s = 0; s < p->n_sections; s++)
		for (size_t el = 0; el < p->sections[s].n_elements; el++)
			if (strcmp(p->sections[s].elements[el].element->key, key) == 0)
				return &p->sections[s].elements[el];
	return NULL;
}

/* ---- statement reviews ---------------------------------------------- */

static int review_check(const review_change *c, err *e)
{
	static const char *const statuses[] = {"not-started", "in-progress", "complete", NULL};
	if (text_check_long("Strengths", c->strengths, false, e) < 0 ||
	    text_check_long("Areas for development", c->areas, false, e) < 0)
		return -1;
	if (c->status && !status_known(c->status, statuses))
		return err_set(e, ERR_INPUT,
			       "status \"%.40s\" is not known: use not-started, in-progress or complete.",
			       c->status);
	return 0;
}

int review_set(domain *d, int64_t evaluation, const char *element, const review_change *c,
	       err *e)
{
	evaluation_row ev;
	if (review_check(c, e) < 0 || evaluation_get(d, evaluation, &ev, e) < 0)
		return -1;
	return review_set_in(d, &ev, element, c, e);
}

int review_set_in(domain *d, const evaluation_row *ev, const char *element,
		  const review_change *c, err *e)
{
	if (review_check(c, e) < 0 || evaluation_has_statement(d, ev, element, e) < 0 ||
	    evaluation_writable(ev, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	review_row r = {.evaluation_id = ev->id, .element_key = element,
			.strengths = "", .areas = "", .status = "not-started"};
	/* A change that sets every field needs nothing of the row it
	 * replaces: one round trip fewer on PostgreSQL (the web form's). */
	bool whole = c->strengths && c->areas && c->status && c->groups >= 0;
	if (!whole && store_review_get(d->db, d->mem, ev->id, element, &r, e) < 0)
		goto fail;
	if (c->strengths)
		r.strengths = c->strengths;
	if (c->areas)
		r.areas = c->areas;
	if (c->status)
		r.status = c->status;
	if (c->groups >= 0)
		r.groups = c->groups;
	r.updated_at = now;
	if (store_review_put(d->db, &r, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

DOMAIN_GET_IN_ORG(evaluation_get_in_org, evaluation_get, evaluation_row, "evaluation")
DOMAIN_LIST_BY_ID(evaluations_of_org, store_evaluation_list, evaluation_list)

int evaluation_neighbours_ask(domain *d, int64_t evaluation, neighbours_list *out, err *e)
{
	return store_evaluation_neighbours(d->db, d->mem, evaluation, out, e);
}

int review_find(domain *d, int64_t evaluation, const char *element, review_row *out, err *e)
{
	return store_review_get(d->db, d->mem, evaluation, element, out, e);
}
