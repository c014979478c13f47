/* review.c: plan, do, review: actions in working order, reviewing an
 * action, "You said, we did", the next cycle started from the last one,
 * and what moved between the two. */
#include "domain/review.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/review.h"
#include "store/store.h"

static bool still_open(const action_row *a)
{
	return !strcmp(a->status, "open") || !strcmp(a->status, "in-progress");
}

/* ---- the actions list ---------------------------------------------------- */

const char *action_source_kind(const action_row *a)
{
	if (a->source_evaluation_id)
		return "statement";
	if (a->source_audit_id)
		return "audit";
	if (a->source_measure_id)
		return "measure";
	if (a->source_plan_id)
		return "plan";
	return "none";
}

static bool action_has_source(const action_row *a, const char *kind)
{
	if (!strcmp(kind, "statement"))
		return a->source_evaluation_id != 0;
	if (!strcmp(kind, "audit"))
		return a->source_audit_id != 0;
	if (!strcmp(kind, "measure"))
		return a->source_measure_id != 0;
	if (!strcmp(kind, "plan"))
		return a->source_plan_id != 0;
	return !a->source_evaluation_id && !a->source_audit_id && !a->source_measure_id &&
	       !a->source_plan_id;
}

bool action_due_this_month(const action_row *a, const char *today)
{
	return a->due_on && still_open(a) && strcmp(a->due_on, today) >= 0 &&
	       strncmp(a->due_on, today, 7) == 0;
}

int action_rank(const action_row *a, const char *today)
{
	if (!still_open(a))
		return 3;
	if (action_overdue(a, today))
		return 0;
	return action_due_this_month(a, today) ? 1 : 2;
}

typedef struct ranked {
	int rank;
	action_row row;
} ranked;

static int compare_ranked(const void *pa, const void *pb)
{
	const ranked *x = pa, *y = pb;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	if (!x->row.due_on != !y->row.due_on)
		return x->row.due_on ? -1 : 1;
	if (x->row.due_on) {
		int c = strcmp(x->row.due_on, y->row.due_on);
		if (c)
			return c;
	}
	return x->row.id < y->row.id ? -1 : x->row.id > y->row.id;
}

void actions_order(action_list *list, const char *today)
{
	if (list->n < 2)
		return;
	ranked *r = malloc(list->n * sizeof *r);
	if (!r)
		abort();
	for (size_t i = 0; i < list->n; i++)
		r[i] = (ranked){action_rank(&list->items[i], today), list->items[i]};
	qsort(r, list->n, sizeof *r, compare_ranked);
	for (size_t i = 0; i < list->n; i++)
		list->items[i] = r[i].row;
	free(r);
}

int actions_filter(action_list *list, const char *source, const char *status, err *e)
{
	static const char *const sources[] = {"statement", "audit", "measure", "plan", "none", NULL};
	static const char *const statuses[] = {"open", "in-progress", "done", "dropped", NULL};
	bool source_ok = !source || !*source, status_ok = !status || !*status;
	for (size_t i = 0; !source_ok && sources[i]; i++)
		source_ok = !strcmp(source, sources[i]);
	for (size_t i = 0; !status_ok && statuses[i]; i++)
		status_ok = !strcmp(status, statuses[i]);
	if (!source_ok)
		return err_set(e, ERR_INPUT,
			       "source \"%.40s\" is not known: use statement, audit, measure, plan or none.",
			       source);
	if (!status_ok)
		return err_set(e, ERR_INPUT,
			       "status \"%.40s\" is not known: use open, in-progress, done or dropped.",
			       status);
	size_t kept = 0;
	for (size_t i = 0; i < list->n; i++) {
		const action_row *a = &list->items[i];
		if (source && *source && !action_has_source(a, source))
			continue;
		if (status && *status && strcmp(a->status, status))
			continue;
		list->items[kept++] = *a;
	}
	list->n = kept;
	return 0;
}

/* ---- reviews of actions -------------------------------------------------- */

static int not_in_future(const char *what, const char *date, err *e)
{
	if (date_check(what, date, e) < 0)
		return -1;
	char today[11];
	date_today(today);
	if (strcmp(date, today) > 0)
		return err_set(e, ERR_INPUT, "%s %s is in the future: give today's date or an earlier one.",
			       what, date);
	return 0;
}

static int review_input_check(const action_review_input *in, err *e)
{
	if (!in->reviewed_on || !*in->reviewed_on)
		return err_set(e, ERR_INPUT, "the date of the review is missing: give it as YYYY-MM-DD.");
	if (not_in_future("The date of the review", in->reviewed_on, e) < 0)
		return -1;
	if (text_check_long("What happened", in->what_happened, true, e) < 0)
		return -1;
	action_row probe = {.title = "t", .owner = "", .status = in->status,
			    .review_on = in->next_review_on};
	return action_validate(&probe, e);
}

/* Evidence and readings must be the organisation's; a reading already in
 * a review stays there. */
static int review_attachments_check(domain *d, const action_row *a, const action_review_input *in,
				    err *e)
{
	for (size_t i = 0; i < in->n_evidence; i++) {
		evidence_row ev;
		int found = store_evidence_get(d->db, d->mem, in->evidence[i], &ev, e);
		if (found < 0)
			return -1;
		if (!found || ev.organisation_id != a->organisation_id)
			return err_set(e, ERR_INPUT,
				       "evidence %lld is not in this organisation's library: `copro evidence list` shows it.",
				       (long long)in->evidence[i]);
	}
	for (size_t i = 0; i < in->n_readings; i++) {
		reading_pick_row rd;
		int found = store_reading_pick_get(d->db, d->mem, in->readings[i], &rd, e);
		if (found < 0)
			return -1;
		if (!found || rd.organisation_id != a->organisation_id)
			return err_set(e, ERR_INPUT,
				       "reading %lld is not a reading of this organisation's measures.",
				       (long long)in->readings[i]);
		if (rd.review_id)
			return err_set(e, ERR_CONFLICT,
				       "reading %lld is already part of review %lld: choose another reading.",
				       (long long)in->readings[i], (long long)rd.review_id);
	}
	return 0;
}

int action_review_add(domain *d, const action_review_input *in, int64_t *id, err *e)
{
	if (review_input_check(in, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	action_row a;
	action_review_row r = {.action_id = in->action_id, .reviewed_on = in->reviewed_on,
			       .what_happened = in->what_happened, .groups = in->groups,
			       .created_at = now};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (action_get(d, in->action_id, &a, e) < 0 || review_attachments_check(d, &a, in, e) < 0 ||
	    store_action_review_insert(d->db, &r, id, e) < 0)
		goto fail;
	for (size_t i = 0; i < in->n_evidence; i++)
		if (store_action_review_evidence_add(d->db, *id, in->evidence[i], e) < 0)
			goto fail;
	for (size_t i = 0; i < in->n_readings; i++) {
		int set = store_reading_set_review(d->db, in->readings[i], *id, e);
		if (set < 0)
			goto fail;
		if (!set) {
			err_set(e, ERR_CONFLICT, "reading %lld was chosen twice: choose it once.",
				(long long)in->readings[i]);
			goto fail;
		}
	}
	if (in->next_review_on || in->status) {
		if (in->next_review_on)
			a.review_on = in->next_review_on;
		if (in->status)
			a.status = in->status;
		a.updated_at = now;
		if (store_action_update(d->db, &a, e) < 0)
			goto fail;
	}
	if (store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

/* ---- "You said, we did" -------------------------------------------------- */

int you_said_validate(domain *d, const you_said_row *y, err *e)
{
	if (text_check_long("What partners said", y->said, true, e) < 0)
		return -1;
	if (!y->said_on || !*y->said_on)
		return err_set(e, ERR_INPUT,
			       "the date partners said it is missing: give it as YYYY-MM-DD.");
	if (not_in_future("The date partners said it", y->said_on, e) < 0 ||
	    text_check_long("What was done", y->did, false, e) < 0)
		return -1;
	if (y->did_on && date_check("The date it was done", y->did_on, e) < 0)
		return -1;
	if (y->did_on && strcmp(y->did_on, y->said_on) < 0)
		return err_set(e, ERR_INPUT,
			       "the date it was done (%s) is before partners said it (%s): check both dates.",
			       y->did_on, y->said_on);
	bool did = y->did && y->did[strspn(y->did, " \t\r\n")];
	if (y->did_on && !did)
		return err_set(e, ERR_INPUT,
			       "there is a date it was done but not what was done: say what was done, or leave the date out.");
	if (y->published && !did)
		return err_set(e, ERR_INPUT,
			       "only a record that says what was done can be published: add what was done first.");
	if (!y->action_id)
		return 0;
	action_row a;
	int found = store_action_get(d->db, d->mem, y->action_id, &a, e);
	if (found < 0)
		return -1;
	if (!found || a.organisation_id != y->organisation_id)
		return err_set(e, ERR_INPUT,
			       "action %lld is not one of this organisation's actions: `copro action list` shows them.",
			       (long long)y->action_id);
	return 0;
}

int you_said_get(domain *d, int64_t id, you_said_row *out, err *e)
{
	return domain_found(store_you_said_get(d->db, d->mem, id, out, e), e,
			    "there is no \"You said, we did\" record number %lld: `copro yousaid list ORG` shows them.",
			    (long long)id);
}

int you_said_add(domain *d, you_said_row *y, int64_t *id, err *e)
{
	char now[21];
	time_now_iso(now);
	org_row o;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (org_get(d, y->organisation_id, &o, e) < 0 || you_said_validate(d, y, e) < 0)
		goto fail;
	y->created_at = y->updated_at = arena_strdup(d->mem, now);
	if (store_you_said_insert(d->db, y, id, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	y->id = *id;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int you_said_edit(domain *d, const you_said_row *in, err *e)
{
	you_said_row y = *in, old;
	char now[21];
	time_now_iso(now);
	y.updated_at = now;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (you_said_get(d, y.id, &old, e) < 0)
		goto fail;
	y.organisation_id = old.organisation_id;
	if (you_said_validate(d, &y, e) < 0 || store_you_said_update(d->db, &y, e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

/* ---- the next cycle ------------------------------------------------------ */

static bool has_own(const own_indicator_list *own, const char *element, const char *key)
{
	for (size_t i = 0; i < own->n; i++)
		if (!strcmp(own->items[i].element_key, element) && !strcmp(own->items[i].key, key))
			return true;
	return false;
}

/* Own indicators follow their statement, when the new instrument version
 * still has it; so do the links to them. */
static int carry_indicators_and_links(domain *d, const framework *fw, int64_t from, int64_t to,
				      const char *now, next_cycle_result *out, err *e)
{
	own_indicator_list own, kept = {0};
	link_list links;
	if (store_own_indicator_list(d->db, d->mem, from, &own, e) < 0 ||
	    store_links_of_evaluation(d->db, d->mem, from, &links, e) < 0)
		return -1;
	kept.items = arena_array(d->mem, own.n, sizeof *kept.items);
	for (size_t i = 0; i < own.n; i++) {
		if (!framework_element(fw, own.items[i].element_key))
			continue;
		own_indicator_row r = own.items[i];
		int64_t id;
		r.evaluation_id = to;
		r.created_at = now;
		if (store_own_indicator_insert(d->db, &r, &id, e) < 0)
			return -1;
		kept.items[kept.n++] = r;
	}
	out->own_indicators = kept.n;
	for (size_t i = 0; i < links.n; i++) {
		link_row l = links.items[i];
		const fw_element *el = framework_element(fw, l.element_key);
		if (!el || (!element_indicator(el, l.indicator_key) &&
			    !has_own(&kept, l.element_key, l.indicator_key))) {
			out->links_dropped++;
			continue;
		}
		l.evaluation_id = to;
		l.created_at = now;
		int added = store_link_add_carried(d->db, &l, e);
		if (added < 0)
			return -1;
		out->links += (size_t)added;
	}
	return 0;
}

/* The old cycle's measures into *ms; each one chosen must be among them.
 * Checked before anything is written: on PostgreSQL a refused insert
 * would still use up the new evaluation's number. */
static int check_measures(domain *d, const evaluation_row *old, const next_cycle_input *in,
			  source_name_list *ms_out, err *e)
{
	source_name_list ms;
	if (store_measures_of_cycle(d->db, d->mem, old->organisation_id, old->cycle, &ms, e) < 0)
		return -1;
	*ms_out = ms;
	for (size_t i = 0; in->some_measures && i < in->n_measures; i++) {
		bool known = false;
		for (size_t k = 0; k < ms.n && !known; k++)
			known = ms.items[k].id == in->measures[i];
		if (!known)
			return err_set(e, ERR_INPUT,
				       "success measure %lld is not one chosen in cycle %s: choose from that cycle's measures.",
				       (long long)in->measures[i], old->cycle);
	}
	return 0;
}

/* The measures to carry: every one of the old cycle, or the ones chosen. */
static int carry_measures(domain *d, const source_name_list *ms, const next_cycle_input *in,
			  const char *now, next_cycle_result *out, err *e)
{
	for (size_t k = 0; k < ms->n; k++) {
		bool chosen = !in->some_measures;
		for (size_t i = 0; !chosen && i < in->n_measures; i++)
			chosen = ms->items[k].id == in->measures[i];
		int64_t copy;
		if (chosen && store_measure_carry(d->db, ms->items[k].id, in->cycle, now, &copy, e) < 0)
			return -1;
		out->measures += chosen;
	}
	return 0;
}

static size_t count_open(const action_list *list)
{
	size_t n = 0;
	for (size_t i = 0; i < list->n; i++)
		n += still_open(&list->items[i]);
	return n;
}

int evaluation_next_cycle(domain *d, const next_cycle_input *in, next_cycle_result *out, err *e)
{
	memset(out, 0, sizeof *out);
	if (text_check_line("The new cycle", in->cycle, true, e) < 0)
		return -1;
	evaluation_row old, same;
	org_row o;
	action_list actions;
	source_name_list measures;
	framework *stored = NULL;
	bool changed;
	if (evaluation_get(d, in->evaluation, &old, e) < 0 || org_get(d, old.organisation_id, &o, e) < 0)
		return -1;
	/* The new cycle uses the instrument as installed now; if it is no
	 * longer installed, the version the old cycle used. */
	const framework *fw = fw_registry_find(d->frameworks, old.framework_id);
	if (!fw || strcmp(fw->kind, "evidence") != 0) {
		stored = evaluation_framework(d, &old, &changed, e);
		if (!stored)
			return -1;
		fw = stored;
	}
	char now[21];
	time_now_iso(now);
	evaluation_row ev = {.organisation_id = old.organisation_id, .framework_id = old.framework_id,
			     .framework_hash = fw->hash, .cycle = in->cycle, .status = "draft",
			     .created_at = now, .updated_at = now};
	if (store_begin(d->db, e) < 0)
		goto done;
	int found = store_evaluation_find(d->db, d->mem, old.organisation_id, old.framework_id,
					  in->cycle, &same, e);
	if (found < 0)
		goto fail;
	if (found) {
		err_set(e, ERR_CONFLICT,
			"%s already has a %s evaluation for cycle %s (number %lld): choose another label for the new cycle.",
			o.name, old.framework_id, in->cycle, (long long)same.id);
		goto fail;
	}
	if (check_measures(d, &old, in, &measures, e) < 0 ||
	    framework_version_keep(d, fw, e) < 0 ||
	    store_evaluation_insert(d->db, &ev, &out->evaluation, e) < 0 ||
	    store_evaluation_set_previous(d->db, out->evaluation, old.id, e) < 0 ||
	    carry_indicators_and_links(d, fw, old.id, out->evaluation, now, out, e) < 0 ||
	    carry_measures(d, &measures, in, now, out, e) < 0 ||
	    store_action_list(d->db, d->mem, old.organisation_id, &actions, e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	out->open_actions = count_open(&actions);
	framework_free(stored);
	return 0;
fail:
	store_rollback(d->db);
done:
	framework_free(stored);
	memset(out, 0, sizeof *out);
	return -1;
}

int statement_confirm(domain *d, int64_t evaluation, const char *element, int64_t evidence,
		      size_t *n, err *e)
{
	evaluation_row ev;
	carried_list carried;
	*n = 0;
	if (evaluation_statement(d, evaluation, element, &ev, e) < 0 ||
	    evaluation_writable(&ev, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_carried_links(d->db, d->mem, evaluation, &carried, e) < 0)
		goto fail;
	if (evidence) {
		bool waiting = false;
		for (size_t i = 0; i < carried.n && !waiting; i++)
			waiting = carried.items[i].evidence_id == evidence &&
				  !strcmp(carried.items[i].element_key, element) &&
				  !carried.items[i].confirmed_at;
		if (!waiting) {
			err_set(e, ERR_NOTFOUND,
				"evidence %lld has no link on statement %s waiting to be re-confirmed.",
				(long long)evidence, element);
			goto fail;
		}
	}
	if (store_links_confirm(d->db, evaluation, element, evidence, now, n, e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

/* ---- comparing two cycles ------------------------------------------------ */

static void compare_element(element_change *c, const element_progress *after,
			    const element_progress *before, const carried_list *carried)
{
	c->element = after->element;
	c->indicators_after = after->n_indicators;
	c->evidenced_after = after->evidenced;
	c->status_after = after->review.status;
	c->groups_after = after->groups;
	c->status_before = "not-started";
	c->in_previous = before != NULL;
	if (before) {
		c->indicators_before = before->n_indicators;
		c->evidenced_before = before->evidenced;
		c->status_before = before->review.status;
		c->groups_before = before->groups;
	}
	for (size_t i = 0; i < carried->n; i++)
		c->to_confirm += !carried->items[i].confirmed_at &&
				 !strcmp(carried->items[i].element_key, after->element->key);
}

static void add_up(section_change *sc, const element_change *c)
{
	sc->indicators_before += c->indicators_before;
	sc->indicators_after += c->indicators_after;
	sc->evidenced_before += c->evidenced_before;
	sc->evidenced_after += c->evidenced_after;
	sc->complete_before += !strcmp(c->status_before, "complete");
	sc->complete_after += !strcmp(c->status_after, "complete");
	sc->groups_before |= c->groups_before;
	sc->groups_after |= c->groups_after;
}

int evaluation_compare(domain *d, int64_t evaluation, comparison *c, err *e)
{
	memset(c, 0, sizeof *c);
	int64_t previous;
	carried_list carried;
	if (evaluation_progress_load(d, evaluation, &c->after, e) < 0)
		return -1;
	int has = store_evaluation_previous(d->db, evaluation, &previous, e);
	if (has < 0 || store_carried_links(d->db, d->mem, evaluation, &carried, e) < 0)
		goto fail;
	if (!has)
		return 0;
	if (evaluation_progress_load(d, previous, &c->before, e) < 0)
		goto fail;
	c->has_previous = true;
	c->n_sections = c->after.n_sections;
	c->sections = arena_array(d->mem, c->n_sections, sizeof *c->sections);
	for (size_t s = 0; s < c->n_sections; s++) {
		const section_progress *sp = &c->after.sections[s];
		section_change *sc = &c->sections[s];
		sc->section = sp->section;
		sc->n_elements = sp->n_elements;
		sc->elements = arena_array(d->mem, sc->n_elements, sizeof *sc->elements);
		for (size_t i = 0; i < sp->n_elements; i++) {
			const element_progress *after = &sp->elements[i];
			compare_element(&sc->elements[i], after,
					progress_element(&c->before, after->element->key), &carried);
			add_up(sc, &sc->elements[i]);
			c->to_confirm += sc->elements[i].to_confirm;
		}
		c->evidenced_before += sc->evidenced_before;
		c->evidenced_after += sc->evidenced_after;
		c->complete_before += sc->complete_before;
		c->complete_after += sc->complete_after;
	}
	return 0;
fail:
	return -1;
}


const char *change_words(arena *a, size_t before, size_t after, const char *one,
			 const char *many)
{
	if (before == after)
		return "no change";
	size_t n = after > before ? after - before : before - after;
	return arena_printf(a, "%zu %s %s", n, after > before ? "more" : "fewer", n == 1 ? one : many);
}

const char *review_status_words(const char *status)
{
	if (!strcmp(status, "complete"))
		return "complete";
	if (!strcmp(status, "in-progress"))
		return "in progress";
	return "not started";
}

const char *status_change_words(arena *a, const char *before, const char *after)
{
	if (!strcmp(before, after))
		return arena_printf(a, "still %s", review_status_words(after));
	/* Each cycle judges its statements afresh: a statement not started
	 * yet in the new cycle has not gone backwards. */
	if (!strcmp(after, "not-started"))
		return arena_printf(a, "not judged yet in this cycle (was %s)", review_status_words(before));
	if (!strcmp(before, "complete"))
		return arena_printf(a, "no longer complete (now %s)", review_status_words(after));
	return arena_printf(a, "now %s", review_status_words(after));
}

const char *groups_change_words(arena *a, int before, int after)
{
	int gained = after & ~before, lost = before & ~after;
	if (!gained && !lost)
		return "no change";
	const char *words = "";
	if (gained)
		words = arena_printf(a, "now also %s", groups_describe(a, gained));
	if (lost)
		words = arena_printf(a, "%s%sno longer %s", words, gained ? "; " : "",
				     groups_describe(a, lost));
	return words;
}

DOMAIN_GET_IN_ORG(you_said_get_in_org, you_said_get, you_said_row, "You said, we did entry")

int you_said_of_org(domain *d, int64_t org, bool published_only, you_said_list *out, err *e)
{
	return store_you_said_list(d->db, d->mem, org, published_only, out, e);
}

DOMAIN_LIST_BY_ID(action_reviews_of_action, store_action_reviews_of_action, action_review_list)
DOMAIN_LIST_BY_ID(action_reviews_of_org, store_action_reviews_of_org, action_review_list)
DOMAIN_LIST_BY_ID(review_evidence_of_org, store_review_evidence_of_org, review_evidence_list)
DOMAIN_LIST_BY_ID(readings_of_org, store_readings_of_org, reading_pick_list)
DOMAIN_LIST_BY_ID(plan_names_of_org, store_plan_names, source_name_list)
DOMAIN_LIST_BY_ID(measure_names_of_org, store_measure_names, source_name_list)

int measures_of_cycle(domain *d, int64_t org, const char *cycle, source_name_list *out, err *e)
{
	return store_measures_of_cycle(d->db, d->mem, org, cycle, out, e);
}

DOMAIN_LIST_BY_ID(carried_links, store_carried_links, carried_list)
