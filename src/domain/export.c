/* export.c: one JSON document of everything an organisation holds
 * (docs/export.md). Records carry document-local "ref" numbers instead of
 * database ids, and every list is in a fixed order that does not depend on
 * those ids' values, so exporting what was imported gives the same bytes. A
 * checksum over the content lets import refuse a damaged file. */
#include "domain/domain.h"

#include <math.h>
#include <sodium.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "domain/export.h"
#include "domain/measure.h"
#include "domain/plan.h"
#include "domain/review.h"
#include "store/measure.h"
#include "store/plan.h"
#include "store/review.h"
#include "store/store.h"

int export_checksum(json_t *doc, char out[72])
{
	char *canon = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS | EXPORT_REAL_FLAGS);
	if (!canon)
		return -1;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)canon, strlen(canon));
	free(canon);
	memcpy(out, "sha256:", 7);
	sodium_bin2hex(out + 7, 65, digest, sizeof digest);
	return 0;
}

json_t *export_number(double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/* What one export has gathered so far: the records that others point at,
 * in file order, so a database id turns into its ref. */
struct exporter {
	domain *d;
	json_t *doc;
	evaluation_list evs;
	evidence_list evidence;
	project_list projects;          /* sorted by id */
	audit_list audits;              /* sorted by id */
	carried_list *carried;          /* each evaluation's carried links */
	measure_list measures;          /* sorted by id */
	plan_list plans;                /* sorted by id */
	action_list actions;            /* sorted by id */
	action_review_list reviews;     /* by action, then id */
};

/* Position of database id `id` in a list of rows whose first member is
 * their id, counting from 1; 0 when absent. */
static json_int_t ref_of(const void *items, size_t n, size_t size, int64_t id)
{
	for (size_t i = 0; i < n; i++) {
		int64_t have;
		memcpy(&have, (const char *)items + i * size, sizeof have);
		if (have == id)
			return (json_int_t)i + 1;
	}
	return 0;
}

json_int_t export_ref_of(const void *items, size_t n, size_t size, int64_t id)
{
	return ref_of(items, n, size, id);
}

#define REF_OF(list, id) ref_of((list).items, (list).n, sizeof *(list).items, (id))
_Static_assert(offsetof(evaluation_row, id) == 0, "ref_of reads the id first");
_Static_assert(offsetof(evidence_row, id) == 0, "ref_of reads the id first");
_Static_assert(offsetof(project_row, id) == 0, "ref_of reads the id first");
_Static_assert(offsetof(audit_row, id) == 0, "ref_of reads the id first");
_Static_assert(offsetof(measure_row, id) == 0, "ref_of reads the id first");
_Static_assert(offsetof(plan_row, id) == 0, "ref_of reads the id first");
_Static_assert(offsetof(action_row, id) == 0, "ref_of reads the id first");

static json_t *ref_or_null(json_int_t ref)
{
	return ref ? json_integer(ref) : json_null();
}

static json_t *export_org(const org_row *o)
{
	return json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s, s:s}",
			 "name", o->name, "type", o->type ? o->type : "", "sector", o->sector,
			 "area", o->area, "urn", o->urn, "ukprn", o->ukprn, "ods_code", o->ods_code,
			 "opened_on", o->opened_on, "closed_on", o->closed_on,
			 "created_at", o->created_at, "updated_at", o->updated_at);
}

int export_keep_version(domain *d, json_t *doc, const char *id, const char *hash,
			const char **id_out, err *e)
{
	json_t *versions = json_object_get(doc, "framework_versions");
	size_t k;
	json_t *v;
	json_array_foreach(versions, k, v)
		if (strcmp(json_string_value(json_object_get(v, "hash")), hash) == 0) {
			if (id_out)
				*id_out = json_string_value(json_object_get(v, "id"));
			return 0;
		}
	char *body = NULL;
	if (store_framework_version_get(d->db, d->mem, hash, &body, e) < 0)
		return -1;
	json_t *parsed = body ? json_loads(body, 0, NULL) : NULL;
	if (!id && parsed)
		id = json_string_value(json_object_get(parsed, "id"));
	if (!parsed || !id) {
		json_decref(parsed);
		return err_set(e, ERR_IO,
			       "the stored text of instrument version %.12s is missing or damaged: restore from a backup.",
			       hash);
	}
	v = json_pack("{s:s, s:s, s:o}", "id", id, "hash", hash, "body", parsed);
	json_array_append_new(versions, v);
	if (id_out)
		*id_out = json_string_value(json_object_get(v, "id"));
	return 0;
}

static int export_evaluations(struct exporter *x, err *e)
{
	json_t *list = json_object_get(x->doc, "evaluations");
	for (size_t i = 0; i < x->evs.n; i++) {
		const evaluation_row *ev = &x->evs.items[i];
		review_list reviews;
		own_indicator_list own;
		int64_t previous = 0;
		if (store_review_list(x->d->db, x->d->mem, ev->id, &reviews, e) < 0 ||
		    store_own_indicator_list(x->d->db, x->d->mem, ev->id, &own, e) < 0 ||
		    store_evaluation_previous(x->d->db, ev->id, &previous, e) < 0 ||
		    store_carried_links(x->d->db, x->d->mem, ev->id, &x->carried[i], e) < 0)
			return -1;
		json_t *ov = json_array();
		for (size_t k = 0; k < own.n; k++)
			json_array_append_new(ov, json_pack("{s:s, s:s, s:s, s:s}",
				"statement", own.items[k].element_key, "key", own.items[k].key,
				"text", own.items[k].text, "created_at", own.items[k].created_at));
		json_t *rv = json_array();
		for (size_t r = 0; r < reviews.n; r++) {
			const review_row *rr = &reviews.items[r];
			json_array_append_new(rv, json_pack("{s:s, s:s, s:s, s:s, s:o, s:s}",
				"statement", rr->element_key, "strengths", rr->strengths,
				"areas_for_development", rr->areas, "status", rr->status,
				"partner_groups", groups_json(rr->groups), "updated_at", rr->updated_at));
		}
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:o, s:o}",
			"ref", (json_int_t)i + 1, "framework", ev->framework_id,
			"framework_hash", ev->framework_hash, "cycle", ev->cycle,
			"previous", ref_or_null(previous ? REF_OF(x->evs, previous) : 0),
			"status", ev->status, "created_at", ev->created_at,
			"updated_at", ev->updated_at, "own_indicators", ov, "reviews", rv));
		if (export_keep_version(x->d, x->doc, ev->framework_id, ev->framework_hash, NULL, e) < 0)
			return -1;
	}
	return 0;
}

/* A link carried forward from an earlier cycle, waiting to be re-confirmed
 * until confirmed_at is set; NULL for a link made in its own cycle. */
static const carried_row *carried_of(struct exporter *x, const link_row *l)
{
	json_int_t ref = REF_OF(x->evs, l->evaluation_id);
	if (!ref)
		return NULL;
	const carried_list *c = &x->carried[ref - 1];
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].evidence_id == l->evidence_id &&
		    !strcmp(c->items[i].element_key, l->element_key) &&
		    !strcmp(c->items[i].indicator_key, l->indicator_key))
			return &c->items[i];
	return NULL;
}

static int export_evidence(struct exporter *x, err *e)
{
	json_t *list = json_object_get(x->doc, "evidence");
	for (size_t i = 0; i < x->evidence.n; i++) {
		const evidence_row *ev = &x->evidence.items[i];
		link_list links;
		if (store_links_of_evidence(x->d->db, x->d->mem, ev->id, &links, e) < 0)
			return -1;
		json_t *lj = json_array();
		for (size_t l = 0; l < links.n; l++) {
			const link_row *lr = &links.items[l];
			const carried_row *c = carried_of(x, lr);
			json_array_append_new(lj, json_pack("{s:I, s:s, s:s, s:s, s:b, s:s?}",
				"evaluation", REF_OF(x->evs, lr->evaluation_id),
				"statement", lr->element_key, "indicator", lr->indicator_key,
				"created_at", lr->created_at, "carried", c != NULL,
				"confirmed_at", c ? c->confirmed_at : NULL));
		}
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s, s:s?, s:o, s:s, s:s, s:o}",
			"ref", (json_int_t)i + 1, "title", ev->title, "description", ev->description,
			"date", ev->date, "url", ev->url, "partner_groups", groups_json(ev->groups),
			"created_at", ev->created_at, "updated_at", ev->updated_at, "links", lj));
	}
	return 0;
}

void export_sort(void *items, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(items, n, size, cmp);
}

/* ---- measures, plans, actions, "You said, we did" ---------------------- */

static int by_measure_id(const void *a, const void *b)
{
	const measure_row *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_plan_id(const void *a, const void *b)
{
	const plan_row *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_action_id(const void *a, const void *b)
{
	const action_row *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_action_then_id(const void *a, const void *b)
{
	const action_review_row *x = a, *y = b;
	if (x->action_id != y->action_id)
		return (x->action_id > y->action_id) - (x->action_id < y->action_id);
	return (x->id > y->id) - (x->id < y->id);
}

static int by_int(const void *a, const void *b)
{
	const json_int_t *x = a, *y = b;
	return (*x > *y) - (*x < *y);
}

static int by_you_said_id(const void *a, const void *b)
{
	const you_said_row *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* {"action": REF, "review": N}: the review's place among its action's
 * reviews, oldest first; null when `review` is 0. */
static json_t *review_ref(struct exporter *x, int64_t review)
{
	const action_review_row *r = NULL;
	json_int_t n = 0;
	for (size_t i = 0; i < x->reviews.n && !r; i++)
		if (x->reviews.items[i].id == review)
			r = &x->reviews.items[i];
	if (!r)
		return json_null();
	for (size_t i = 0; i < x->reviews.n; i++)
		if (x->reviews.items[i].action_id == r->action_id && x->reviews.items[i].id <= r->id)
			n++;
	return json_pack("{s:I, s:I}", "action", REF_OF(x->actions, r->action_id), "review", n);
}

static json_t *reading_json(struct exporter *x, const reading_row *r)
{
	return json_pack("{s:s, s:o, s:o, s:o, s:s, s:o, s:s, s:o, s:s}",
		"taken_on", r->taken_on, "value", export_number(r->value),
		"numerator", r->has_fraction ? json_integer(r->numerator) : json_null(),
		"denominator", r->has_fraction ? json_integer(r->denominator) : json_null(),
		"source", r->source, "partner_groups", groups_json(r->groups), "note", r->note,
		"review", review_ref(x, r->review_id), "created_at", r->created_at);
}

static int metrics_json(struct exporter *x, int64_t measure, json_t **out, err *e)
{
	metric_list metrics;
	if (store_metric_list(x->d->db, x->d->mem, measure, &metrics, e) < 0)
		return -1;
	*out = json_array();
	for (size_t i = 0; i < metrics.n; i++) {
		const metric_row *m = &metrics.items[i];
		reading_list readings;
		if (store_reading_list(x->d->db, x->d->mem, m->id, &readings, e) < 0)
			return -1;
		json_t *rj = json_array();
		for (size_t k = 0; k < readings.n; k++)
			json_array_append_new(rj, reading_json(x, &readings.items[k]));
		json_array_append_new(*out, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:o}",
			"name", m->name, "kind", m->kind, "unit", m->unit, "direction", m->direction,
			"baseline", m->has_baseline ? export_number(m->baseline) : json_null(),
			"target", m->has_target ? export_number(m->target) : json_null(),
			"created_at", m->created_at, "updated_at", m->updated_at, "readings", rj));
	}
	return 0;
}

/* A link between two measures is listed once, on the one with the lower
 * ref, as the other's ref. */
static int measure_links_json(struct exporter *x, size_t i, json_t **out, err *e)
{
	measure_list linked;
	if (store_measure_links(x->d->db, x->d->mem, x->measures.items[i].id, &linked, e) < 0)
		return -1;
	json_int_t *refs = arena_array(x->d->mem, linked.n, sizeof *refs);
	size_t n = 0;
	for (size_t k = 0; k < linked.n; k++) {
		json_int_t ref = REF_OF(x->measures, linked.items[k].id);
		if (ref > (json_int_t)i + 1)
			refs[n++] = ref;
	}
	export_sort(refs, n, sizeof *refs, by_int);
	*out = json_array();
	for (size_t k = 0; k < n; k++)
		json_array_append_new(*out, json_integer(refs[k]));
	return 0;
}

static int export_measures(struct exporter *x, int64_t org, err *e)
{
	if (store_measure_list(x->d->db, x->d->mem, org, NULL, &x->measures, e) < 0)
		return -1;
	export_sort(x->measures.items, x->measures.n, sizeof *x->measures.items, by_measure_id);
	json_t *list = json_object_get(x->doc, "measures");
	for (size_t i = 0; i < x->measures.n; i++) {
		const measure_row *m = &x->measures.items[i];
		json_t *metrics, *links;
		if (export_keep_version(x->d, x->doc, MEASURE_FRAMEWORK, m->framework_hash, NULL, e) < 0 ||
		    metrics_json(x, m->id, &metrics, e) < 0)
			return -1;
		if (measure_links_json(x, i, &links, e) < 0) {
			json_decref(metrics);
			return -1;
		}
		json_array_append_new(list, json_pack(
			"{s:I, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:o, s:o}",
			"ref", (json_int_t)i + 1, "framework", MEASURE_FRAMEWORK,
			"framework_hash", m->framework_hash, "cycle", m->cycle,
			"cornerstone", m->cornerstone_key, "catalogue_key", m->catalogue_key,
			"own_text", m->own_text, "improve", m->improve, "know", m->know,
			"measuring", m->measuring, "evaluation", m->evaluation,
			"carried_from", ref_or_null(m->carried_from ? REF_OF(x->measures, m->carried_from) : 0),
			"created_at", m->created_at, "updated_at", m->updated_at,
			"metrics", metrics, "links", links));
	}
	return 0;
}

static json_t *plan_parts_json(const plan_statement_list *st, const plan_answer_list *an,
			       const plan_aspect_list *as, json_t *plan)
{
	json_t *sj = json_array(), *qj = json_array(), *aj = json_array();
	for (size_t i = 0; i < st->n; i++)
		json_array_append_new(sj, json_pack("{s:s, s:s, s:s, s:s}",
			"statement", st->items[i].element_key, "strengths", st->items[i].strengths,
			"areas_for_development", st->items[i].areas,
			"updated_at", st->items[i].updated_at));
	for (size_t i = 0; i < an->n; i++)
		json_array_append_new(qj, json_pack("{s:s, s:s, s:s, s:s}",
			"section", an->items[i].section_key, "question", an->items[i].question_key,
			"answer", an->items[i].answer, "updated_at", an->items[i].updated_at));
	for (size_t i = 0; i < as->n; i++)
		json_array_append_new(aj, json_pack("{s:s, s:s, s:s}",
			"aspect", as->items[i].aspect_key, "note", as->items[i].note,
			"updated_at", as->items[i].updated_at));
	json_object_set_new(plan, "statements", sj);
	json_object_set_new(plan, "answers", qj);
	json_object_set_new(plan, "aspects", aj);
	return plan;
}

static int export_plans(struct exporter *x, int64_t org, err *e)
{
	if (store_plan_list(x->d->db, x->d->mem, org, &x->plans, e) < 0)
		return -1;
	/* In id order: the store's newest-first order would reshuffle the
	 * file when two plans start in the same second. */
	export_sort(x->plans.items, x->plans.n, sizeof *x->plans.items, by_plan_id);
	json_t *list = json_object_get(x->doc, "plans");
	for (size_t i = 0; i < x->plans.n; i++) {
		const plan_row *p = &x->plans.items[i];
		plan_statement_list st;
		plan_answer_list an;
		plan_aspect_list as;
		if (export_keep_version(x->d, x->doc, PLAN_FRAMEWORK, p->framework_hash, NULL, e) < 0 ||
		    store_plan_statement_list(x->d->db, x->d->mem, p->id, &st, e) < 0 ||
		    store_plan_answer_list(x->d->db, x->d->mem, p->id, &an, e) < 0 ||
		    store_plan_aspect_list(x->d->db, x->d->mem, p->id, &as, e) < 0)
			return -1;
		json_t *pj = json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:s, s:s}",
			"ref", (json_int_t)i + 1, "framework", PLAN_FRAMEWORK,
			"framework_hash", p->framework_hash, "title", p->title, "cycle", p->cycle,
			"seeded_from", ref_or_null(p->seeded_from ? REF_OF(x->evs, p->seeded_from) : 0),
			"created_at", p->created_at, "updated_at", p->updated_at);
		if (!pj)
			return err_set(e, ERR_INTERNAL, "cannot write plan %lld into the export.",
				       (long long)p->id);
		json_array_append_new(list, plan_parts_json(&st, &an, &as, pj));
	}
	return 0;
}

static json_t *action_from(struct exporter *x, const action_row *a)
{
	if (!a->source_evaluation_id && !a->source_audit_id && !a->source_plan_id &&
	    !a->source_measure_id)
		return json_null();
	json_t *from = json_object();
	if (a->source_evaluation_id)
		json_object_set_new(from, "evaluation",
				    json_integer(REF_OF(x->evs, a->source_evaluation_id)));
	if (a->source_plan_id)
		json_object_set_new(from, "plan", json_integer(REF_OF(x->plans, a->source_plan_id)));
	if (a->source_evaluation_id || a->source_plan_id)
		json_object_set_new(from, "statement", a->source_element_key
						       ? json_string(a->source_element_key)
						       : json_null());
	if (a->source_audit_id)
		json_object_set_new(from, "audit", json_integer(REF_OF(x->audits, a->source_audit_id)));
	if (a->source_measure_id)
		json_object_set_new(from, "measure",
				    json_integer(REF_OF(x->measures, a->source_measure_id)));
	return from;
}

/* The evidence refs attached to review `id`, ascending. */
static json_t *review_evidence_json(struct exporter *x, const review_evidence_list *ev, int64_t id)
{
	json_int_t *refs = arena_array(x->d->mem, ev->n, sizeof *refs);
	size_t n = 0;
	for (size_t i = 0; i < ev->n; i++)
		if (ev->items[i].review_id == id)
			refs[n++] = REF_OF(x->evidence, ev->items[i].evidence_id);
	export_sort(refs, n, sizeof *refs, by_int);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_integer(refs[i]));
	return arr;
}

static json_t *action_reviews_json(struct exporter *x, const review_evidence_list *ev,
				   int64_t action)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < x->reviews.n; i++) {
		const action_review_row *r = &x->reviews.items[i];
		if (r->action_id != action)
			continue;
		json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:o, s:s}",
			"reviewed_on", r->reviewed_on, "what_happened", r->what_happened,
			"partner_groups", groups_json(r->groups),
			"evidence", review_evidence_json(x, ev, r->id), "created_at", r->created_at));
	}
	return arr;
}

/* Actions and their reviews are gathered before the measures, whose
 * readings name the review that added them. */
static int gather_actions(struct exporter *x, int64_t org, err *e)
{
	if (store_action_list(x->d->db, x->d->mem, org, &x->actions, e) < 0 ||
	    store_action_reviews_of_org(x->d->db, x->d->mem, org, &x->reviews, e) < 0)
		return -1;
	/* Actions in id order, not the list's due-date order, so the file
	 * does not reshuffle when a due date changes; reviews oldest first. */
	export_sort(x->actions.items, x->actions.n, sizeof *x->actions.items, by_action_id);
	export_sort(x->reviews.items, x->reviews.n, sizeof *x->reviews.items, by_action_then_id);
	return 0;
}

static int export_actions(struct exporter *x, int64_t org, err *e)
{
	review_evidence_list ev;
	if (store_review_evidence_of_org(x->d->db, x->d->mem, org, &ev, e) < 0)
		return -1;
	json_t *al = json_object_get(x->doc, "actions");
	for (size_t i = 0; i < x->actions.n; i++) {
		const action_row *a = &x->actions.items[i];
		json_array_append_new(al, json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s, s:o, s:s, s:s, s:o}",
			"ref", (json_int_t)i + 1, "title", a->title, "owner", a->owner,
			"due_on", a->due_on, "review_on", a->review_on, "status", a->status,
			"from", action_from(x, a), "created_at", a->created_at,
			"updated_at", a->updated_at, "reviews", action_reviews_json(x, &ev, a->id)));
	}
	return 0;
}

static int export_you_said(struct exporter *x, int64_t org, err *e)
{
	you_said_list ys;
	if (store_you_said_list(x->d->db, x->d->mem, org, false, &ys, e) < 0)
		return -1;
	export_sort(ys.items, ys.n, sizeof *ys.items, by_you_said_id);
	json_t *list = json_object_get(x->doc, "you_said");
	for (size_t i = 0; i < ys.n; i++) {
		const you_said_row *y = &ys.items[i];
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s?, s:o, s:b, s:o, s:s, s:s}",
			"said", y->said, "did", y->did, "said_on", y->said_on, "did_on", y->did_on,
			"partner_groups", groups_json(y->groups), "published", y->published,
			"action", ref_or_null(y->action_id ? REF_OF(x->actions, y->action_id) : 0),
			"created_at", y->created_at, "updated_at", y->updated_at));
	}
	return 0;
}

int org_export(domain *d, int64_t org, char **out, err *e)
{
	*out = NULL;
	org_row o;
	struct exporter x = {.d = d};
	if (org_get(d, org, &o, e) < 0 || store_evaluation_list(d->db, d->mem, org, &x.evs, e) < 0 ||
	    store_evidence_list(d->db, d->mem, org, &x.evidence, e) < 0)
		return -1;
	x.doc = json_pack("{s:s, s:o, s:[], s:[], s:[], s:[], s:[], s:[], s:[], s:[], s:[]}",
			  "format", EXPORT_FORMAT, "organisation", export_org(&o),
			  "framework_versions", "evaluations", "evidence", "projects", "audits",
			  "measures", "plans", "actions", "you_said");
	if (!x.doc)
		return err_set(e, ERR_INTERNAL, "cannot build the export document.");
	x.carried = arena_array(d->mem, x.evs.n, sizeof *x.carried);
	char sum[72];
	if (export_evaluations(&x, e) < 0 || export_evidence(&x, e) < 0 ||
	    export_projects_and_audits(d, org, &x.evidence, &x.projects, &x.audits, x.doc, e) < 0 ||
	    gather_actions(&x, org, e) < 0 ||
	    export_measures(&x, org, e) < 0 || export_plans(&x, org, e) < 0 ||
	    export_actions(&x, org, e) < 0 || export_you_said(&x, org, e) < 0 ||
	    export_views(d, org, &(export_refs){&x.evs, &x.audits, &x.evidence}, x.doc, e) < 0 ||
	    export_gold(d, org, &x.evs, x.doc, e) < 0 || export_files(d, org, &x.evidence, x.doc, e) < 0)
		goto fail;
	if (export_checksum(x.doc, sum) < 0) {
		err_set(e, ERR_INTERNAL, "cannot compute the export checksum.");
		goto fail;
	}
	json_object_set_new(x.doc, "checksum", json_string(sum));
	*out = json_dumps(x.doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII |
			  EXPORT_REAL_FLAGS);
	json_decref(x.doc);
	if (!*out)
		return err_set(e, ERR_INTERNAL, "cannot write the export document.");
	return 0;
fail:
	json_decref(x.doc);
	return -1;
}
