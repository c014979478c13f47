/* export_views.c: an organisation's rounds of views in its export
 * (docs/export.md): each round with its elements, its links (token hashes
 * only), its submitted responses and their answers, and its agreed views;
 * and the organisation's partner-voice settings. */
#include "domain/views_internal.h"

#include <stdlib.h>

#include "domain/export.h"
#include "store/views.h"

#define REF(list, id) export_ref_of((list)->items, (list)->n, sizeof *(list)->items, (id))

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *ref_or_null(json_int_t ref)
{
	return ref ? json_integer(ref) : json_null();
}

static json_t *elements_json(const view_element_list *els)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < els->n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:o}", "key", els->items[i].element_key,
						     "easy_read", text_or_null(els->items[i].easy_read)));
	return arr;
}

static json_t *links_json(const view_link_list *links)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < links->n; i++) {
		const view_link_row *l = &links->items[i];
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:s, s:o}", "ref",
			(json_int_t)i + 1, "group", l->partner_group, "name", l->group_name,
			"token_hash", l->token_hash, "created_at", l->created_at,
			"replaced_at", text_or_null(l->replaced_at)));
	}
	return arr;
}

static json_t *answers_json(const view_answer_list *answers)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < answers->n; i++) {
		const view_answer_row *a = &answers->items[i];
		json_array_append_new(arr, json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:s, s:s}",
			"element", a->element_key,
			"rating", a->rating == VIEW_NO_RATING ? json_null() : json_integer(a->rating),
			"good", text_or_null(a->good), "better", text_or_null(a->better),
			"reviewed_at", text_or_null(a->reviewed_at),
			"flagged_at", text_or_null(a->flagged_at), "flagged_by", a->flagged_by_name,
			"updated_at", a->updated_at));
	}
	return arr;
}

static int responses_json(domain *d, int64_t round, const view_link_list *links, json_t **out,
			  err *e)
{
	view_response_list rs;
	if (store_view_responses_of_round(d->db, d->mem, round, &rs, e) < 0)
		return -1;
	*out = json_array();
	for (size_t i = 0; i < rs.n; i++) {
		const view_response_row *p = &rs.items[i];
		view_answer_list answers;
		if (!p->submitted_at)
			continue;
		if (store_view_answers_of_response(d->db, d->mem, p->id, &answers, e) < 0) {
			json_decref(*out);
			return -1;
		}
		json_array_append_new(*out, json_pack("{s:I, s:s, s:s, s:b, s:s, s:o}",
			"link", REF(links, p->link_id), "started_at", p->started_at,
			"submitted_at", p->submitted_at, "from_paper", p->from_paper,
			"entered_by", p->entered_by_name, "answers", answers_json(&answers)));
	}
	return 0;
}

static json_t *agreed_json(const view_agreed_list *agreed)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < agreed->n; i++) {
		const view_agreed_row *a = &agreed->items[i];
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:o, s:s, s:s, s:s}",
			"element", a->element_key, "agreed", a->agreed, "resolved", a->resolved,
			"partner_groups", groups_json(a->groups), "by", a->agreed_by_name,
			"created_at", a->created_at, "updated_at", a->updated_at));
	}
	return arr;
}

static json_t *you_said_json(const view_you_said_list *ys)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < ys->n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s}", "record",
						     (json_int_t)ys->items[i].place, "element",
						     ys->items[i].element_key));
	return arr;
}

static int round_json(domain *d, const view_round_row *r, size_t i, const export_refs *refs,
		      json_t **out, err *e)
{
	view_element_list els;
	view_link_list links;
	view_agreed_list agreed;
	view_you_said_list ys;
	json_t *responses;
	if (store_view_elements(d->db, d->mem, r->id, &els, e) < 0 ||
	    store_view_links(d->db, d->mem, r->id, &links, e) < 0 ||
	    store_view_agreed_of_round(d->db, d->mem, r->id, &agreed, e) < 0 ||
	    store_view_you_said_of_round(d->db, d->mem, r->id, &ys, e) < 0 ||
	    responses_json(d, r->id, &links, &responses, e) < 0)
		return -1;
	*out = json_pack("{s:I, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:i, s:s, s:o,"
			 " s:s, s:s, s:o, s:o, s:o, s:o, s:o}",
		"ref", (json_int_t)i + 1,
		"evaluation", ref_or_null(r->evaluation_id ? REF(refs->evaluations, r->evaluation_id) : 0),
		"audit", ref_or_null(r->audit_id ? REF(refs->audits, r->audit_id) : 0),
		"framework", r->framework_id, "framework_hash", r->framework_hash, "title", r->title,
		"wording", r->wording, "language", r->language, "opens_on", r->opens_on,
		"closes_on", text_or_null(r->closes_on), "closed", r->closed,
		"answer_cap", r->answer_cap, "created_by", r->created_by_name,
		"evidence", ref_or_null(r->evidence_id ? REF(refs->evidence, r->evidence_id) : 0),
		"created_at", r->created_at, "updated_at", r->updated_at,
		"elements", elements_json(&els), "links", links_json(&links),
		"responses", responses, "agreed", agreed_json(&agreed),
		"you_said", you_said_json(&ys));
	return *out ? 0 : err_set(e, ERR_INTERNAL, "cannot write round of views %lld.", (long long)r->id);
}

static int by_round_id(const void *a, const void *b)
{
	int64_t x = ((const view_round_row *)a)->id, y = ((const view_round_row *)b)->id;
	return (x > y) - (x < y);
}

int export_views(domain *d, int64_t org, const export_refs *refs, json_t *doc, err *e)
{
	view_round_list rounds;
	views_org_settings s;
	if (store_view_rounds_of_org(d->db, d->mem, org, &rounds, e) < 0 ||
	    views_org_settings_get(d, org, &s, e) < 0)
		return -1;
	/* In id order, so the file does not reshuffle when a date changes. */
	if (rounds.n)
		qsort(rounds.items, rounds.n, sizeof *rounds.items, by_round_id);
	json_t *list = json_array();
	json_object_set_new(doc, "view_rounds", list);
	for (size_t i = 0; i < rounds.n; i++) {
		json_t *r;
		if (round_json(d, &rounds.items[i], i, refs, &r, e) < 0)
			return -1;
		json_array_append_new(list, r);
	}
	json_object_set_new(doc, "view_settings",
			    s.is_default ? json_null()
					 : json_pack("{s:s, s:i}", "safeguarding_contact",
						     s.safeguarding_contact, "retention_months",
						     s.retention_months));
	return 0;
}
