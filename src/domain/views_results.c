/* views_results.c: a round's results (counts per element and group, small
 * groups suppressed, "views differ"), and the agreed view per element,
 * which becomes the round's evidence item. */
#include "domain/views_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/audit.h"
#include "store/views.h"

/* ---- results ---------------------------------------------------------------- */

/* The median of the ratings from 1 up, from their counts. */
static bool median_of(const size_t counts[5], double *median)
{
	size_t k = 0;
	for (int v = 1; v <= 4; v++)
		k += counts[v];
	if (!k)
		return false;
	/* The values at positions lo and hi (1-based) of the sorted ratings. */
	size_t lo = (k + 1) / 2, hi = k / 2 + 1, seen = 0;
	int at_lo = 0, at_hi = 0;
	for (int v = 1; v <= 4; v++) {
		if (!at_lo && seen + counts[v] >= lo)
			at_lo = v;
		if (!at_hi && seen + counts[v] >= hi)
			at_hi = v;
		seen += counts[v];
	}
	*median = (at_lo + at_hi) / 2.0;
	return true;
}

static void group_counts(const view_count_list *counts, int64_t link, const char *element,
			 view_group_result *g)
{
	for (size_t i = 0; i < counts->n; i++) {
		const view_count_row *c = &counts->items[i];
		if (c->link_id != link || strcmp(c->element_key, element) || c->rating < 0 ||
		    c->rating > 4)
			continue;
		g->counts[c->rating] += (size_t)c->n;
		g->answers += (size_t)c->n;
	}
}

static void group_comments(arena *a, const view_answer_list *answers, int64_t link,
			   const char *element, view_group_result *g)
{
	g->comments = ARENA_ARRAY(a, answers->n + 1, g->comments);
	for (size_t i = 0; i < answers->n; i++) {
		const view_answer_row *x = &answers->items[i];
		if (x->link_id == link && !strcmp(x->element_key, element) && x->reviewed_at &&
		    !x->flagged_at && (x->good || x->better))
			g->comments[g->n_comments++] = x;
	}
}

/* "Views differ" is the same for everyone: it compares only groups with
 * at least min_group responses, whoever is looking. */
static void differ_of(view_element_result *el, int min_group)
{
	double widest = 0;
	for (size_t i = 0; i < el->n_groups; i++)
		for (size_t j = i + 1; j < el->n_groups; j++) {
			const view_group_result *a = &el->groups[i], *b = &el->groups[j];
			if (!a->has_median || !b->has_median ||
			    a->responses < (size_t)min_group || b->responses < (size_t)min_group)
				continue;
			double gap = fabs(a->median - b->median);
			if (gap >= 2 && gap > widest) {
				widest = gap;
				el->differ = true;
				el->differ_a = i;
				el->differ_b = j;
			}
		}
}

typedef struct results_data {
	view_element_list elements;
	view_count_list counts;
	view_answer_list answers;
	view_agreed_list agreed;
} results_data;

static void element_result(domain *d, view_results *out, const results_data *x, size_t k)
{
	view_element_result *el = &out->elements[k];
	const view_element_row *row = &x->elements.items[k];
	el->element_key = row->element_key;
	el->element = framework_element(out->fw, row->element_key);
	el->easy_read = row->easy_read;
	el->n_groups = out->links.n;
	el->groups = ARENA_ARRAY(d->mem, out->links.n + 1, el->groups);
	for (size_t i = 0; i < out->links.n; i++) {
		view_group_result *g = &el->groups[i];
		g->link = &out->links.items[i];
		g->responses = (size_t)g->link->submitted;
		group_counts(&x->counts, g->link->id, el->element_key, g);
		g->has_median = median_of(g->counts, &g->median);
		g->suppressed = !out->lead && g->responses < (size_t)out->min_group;
		if (!g->suppressed)
			group_comments(d->mem, &x->answers, g->link->id, el->element_key, g);
	}
	differ_of(el, out->min_group);
	for (size_t i = 0; i < el->n_groups; i++) {
		view_group_result *g = &el->groups[i];
		if (g->suppressed) {
			memset(g->counts, 0, sizeof g->counts);
			g->responses = g->answers = 0;
			g->has_median = false;
			g->median = 0;
		}
	}
	for (size_t i = 0; i < x->agreed.n; i++)
		if (!strcmp(x->agreed.items[i].element_key, el->element_key)) {
			el->has_agreed = true;
			el->agreed = x->agreed.items[i];
		}
}

int views_results(domain *d, int64_t round, bool lead, view_results *out, err *e)
{
	memset(out, 0, sizeof *out);
	results_data x;
	out->lead = lead;
	/* One snapshot: the dispatcher's for a page, none needed by a command. */
	if (views_get(d, round, &out->round, e) < 0 ||
	    !(out->fw = views_framework(d, &out->round, e)) ||
	    views_min_group_of_org(d, out->round.organisation_id, &out->min_group, e) < 0 ||
	    store_view_links(d->db, d->mem, round, &out->links, e) < 0 ||
	    store_view_elements(d->db, d->mem, round, &x.elements, e) < 0 ||
	    store_view_counts(d->db, d->mem, round, &x.counts, e) < 0 ||
	    store_view_answers_of_round(d->db, d->mem, round, &x.answers, e) < 0 ||
	    store_view_agreed_of_round(d->db, d->mem, round, &x.agreed, e) < 0)
		return -1;
	for (size_t i = 0; i < out->links.n; i++)
		if (lead || out->links.items[i].submitted >= out->min_group)
			out->responses += (size_t)out->links.items[i].submitted;
	out->n_elements = x.elements.n;
	out->elements = ARENA_ARRAY(d->mem, x.elements.n + 1, out->elements);
	for (size_t k = 0; k < x.elements.n; k++)
		element_result(d, out, &x, k);
	return 0;
}

const char *views_suppressed_words(arena *a, int min_group)
{
	if (min_group <= 1)
		return arena_strdup(a, "no answers yet");
	return arena_printf(a, "fewer than %s", text_count_of(a, min_group, "answer", "answers"));
}

/* ---- the evidence item ---------------------------------------------------------- */

static const char *group_lower(const view_link_row *l)
{
	if (!strcmp(l->partner_group, "cyp"))
		return "children and young people";
	if (!strcmp(l->partner_group, "parents"))
		return "parent carers";
	if (!strcmp(l->partner_group, "practitioners"))
		return "practitioners";
	return l->group_name;
}

static const char *group_possessive(arena *a, const view_link_row *l)
{
	if (!strcmp(l->partner_group, "cyp"))
		return "Children and young people's views";
	if (!strcmp(l->partner_group, "parents"))
		return "Parent carers' views";
	if (!strcmp(l->partner_group, "practitioners"))
		return "Practitioners' views";
	return arena_printf(a, "Views of %s", l->group_name);
}

/* The answers in words: every group's count when none is below the
 * threshold; otherwise no figure that would give a small group's away. */
static const char *total_words(arena *a, int64_t shown, int64_t hidden, size_t groups,
			       int min_group)
{
	if (!hidden)
		return text_count_of(a, shown, "answer", "answers");
	if (shown)
		return arena_printf(a, "more than %s", text_count_of(a, shown, "answer", "answers"));
	return arena_printf(a, "%s%s", views_suppressed_words(a, min_group), groups > 1 ? " each" : "");
}

const char *views_evidence_title(arena *a, const view_round_row *r, const view_link_list *links,
				 int min_group)
{
	const char *words = date_in_words(a, r->opens_on);
	const char *month = strchr(words, ' ') ? strchr(words, ' ') + 1 : words;
	int64_t shown = 0, hidden = 0;
	size_t groups = 0;
	const view_link_row *only = NULL;
	char *list = "";
	for (size_t i = 0; i < links->n; i++) {
		const view_link_row *l = &links->items[i];
		if (!l->submitted)
			continue;
		bool small = l->submitted < min_group;
		*(small ? &hidden : &shown) += l->submitted;
		only = l;
		list = small ? arena_printf(a, "%s%s%s (fewer than %s)", list, groups ? ", " : "",
					    group_lower(l), text_count(a, min_group))
			     : arena_printf(a, "%s%s%s (%s)", list, groups ? ", " : "", group_lower(l),
					    text_count(a, l->submitted));
		groups++;
	}
	const char *head = groups == 1 ? group_possessive(a, only)
			 : groups ? arena_printf(a, "Views of %s", list) : "Partner views";
	return arena_printf(a, "%s, %s: %s", head, month,
			    total_words(a, shown, hidden, groups, min_group));
}

/* ---- agreed views ------------------------------------------------------------------ */

static int agree_check(domain *d, const view_round_row *r, const view_agree_input *in, err *e)
{
	if (views_element_check(d, r, in->element, e) < 0 ||
	    text_check_long("What was agreed", in->agreed, true, e) < 0 ||
	    text_check_long("How differences were resolved", in->resolved, false, e) < 0)
		return -1;
	if (in->groups & ~(GROUP_CYP | GROUP_PARENTS | GROUP_PRACTITIONERS))
		return err_set(e, ERR_INPUT, "the partner groups who agreed are not known: use cyp, parents, practitioners or all.");
	return 0;
}

/* The round's evidence item, made or brought up to date; *id is it. */
static int evidence_put(domain *d, view_round_row *r, const char *today, int64_t *id, err *e)
{
	view_link_list links;
	view_agreed_list agreed;
	if (store_view_links(d->db, d->mem, r->id, &links, e) < 0 ||
	    store_view_agreed_of_round(d->db, d->mem, r->id, &agreed, e) < 0)
		return -1;
	int groups = 0;
	for (size_t i = 0; i < links.n; i++)
		groups |= links.items[i].submitted ? views_group_flag(links.items[i].partner_group) : 0;
	char *keys = "";
	for (size_t i = 0; i < agreed.n; i++) {
		groups |= agreed.items[i].groups;
		keys = arena_printf(d->mem, "%s%s%s", keys, i ? ", " : "", agreed.items[i].element_key);
	}
	int min_group;
	if (views_min_group_of_org(d, r->organisation_id, &min_group, e) < 0)
		return -1;
	evidence_row ev = {.id = r->evidence_id, .organisation_id = r->organisation_id,
			   .title = views_evidence_title(d->mem, r, &links, min_group),
			   .description = arena_printf(d->mem, "From the round of views \"%s\" (round %lld). Agreed views recorded for %s.", r->title, (long long)r->id, keys),
			   .date = today, .groups = groups};
	evidence_row old;
	int found = r->evidence_id ? store_evidence_get(d->db, d->mem, r->evidence_id, &old, e) : 0;
	if (found < 0)
		return -1;
	if (found) {
		*id = r->evidence_id;
		return evidence_edit(d, &ev, e);
	}
	if (evidence_add(d, &ev, id, e) < 0)
		return -1;
	r->evidence_id = *id;
	return store_view_round_update(d->db, r, e);
}

/* Links the item to the statement's indicators (a York round: to the
 * audit's principle). */
static int evidence_tie(domain *d, const view_round_row *r, const char *element, int64_t id,
			err *e)
{
	if (views_is_audit(r)) {
		bool changed;
		return audit_evidence_link(d, r->audit_id, element, id, false, &changed, e);
	}
	framework *fw = views_framework(d, r, e);
	const fw_element *el = fw ? framework_element(fw, element) : NULL;
	if (!el)
		return fw ? err_set(e, ERR_INTERNAL, "statement %s is not in the round's instrument.", element) : -1;
	if (!el->n_indicators)
		return 0;
	const char **refs = ARENA_ARRAY(d->mem, el->n_indicators, refs);
	for (size_t i = 0; i < el->n_indicators; i++)
		refs[i] = arena_printf(d->mem, "%s.%s", element, el->indicators[i].key);
	size_t changed;
	return evidence_link(d, id, r->evaluation_id, refs, el->n_indicators, false, &changed, e);
}

int views_agree(domain *d, const user_row *who, int64_t round, const view_agree_input *in,
		int64_t *evidence, err *e)
{
	view_round_row r;
	char now[21], today[11];
	time_now_iso(now);
	date_today(today);
	if (views_get(d, round, &r, e) < 0 || agree_check(d, &r, in, e) < 0)
		return -1;
	r.updated_at = now;
	view_agreed_row row = {.round_id = round, .element_key = in->element, .agreed = in->agreed,
			       .resolved = in->resolved ? in->resolved : "", .groups = in->groups,
			       .agreed_by = who ? who->id : 0, .agreed_by_name = views_who_name(who),
			       .created_at = now, .updated_at = now};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_view_agreed_put(d->db, &row, e) < 0 || evidence_put(d, &r, today, evidence, e) < 0 ||
	    evidence_tie(d, &r, in->element, *evidence, e) < 0 ||
	    views_log(d, who, &r, arena_printf(d->mem, "recorded the agreed view of %s (evidence %lld)", in->element, (long long)*evidence), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* ---- the area's picture ------------------------------------------------------------ */

int views_area_voice(domain *d, int64_t area, view_org_voice **out, size_t *n, err *e)
{
	char now[21], since[32];
	time_now_iso(now);
	/* A bound for text comparison: "2025-02-29T..." sorts where it should. */
	snprintf(since, sizeof since, "%04d%.16s", atoi(now) - 1, now + 4);
	view_area_count_list counts;
	if (store_view_area_counts(d->db, d->mem, area, since, &counts, e) < 0)
		return -1;
	*out = ARENA_ARRAY(d->mem, counts.n + 1, *out);
	*n = 0;
	for (size_t i = 0; i < counts.n; i++) {
		const view_area_count_row *c = &counts.items[i];
		if (!*n || (*out)[*n - 1].organisation_id != c->organisation_id)
			(*out)[(*n)++] = (view_org_voice){.organisation_id = c->organisation_id,
							  .name = c->organisation};
		view_org_voice *o = &(*out)[*n - 1];
		o->groups |= views_group_flag(c->partner_group);
		o->other |= !strcmp(c->partner_group, "other");
		o->answers += (size_t)c->n;
	}
	return 0;
}

DOMAIN_LIST_BY_ID(views_agreed_of_round, store_view_agreed_of_round, view_agreed_list)
