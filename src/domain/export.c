/* export.c: one JSON document of everything an organisation holds
 * (docs/export.md). Records carry document-local "ref" numbers instead of
 * database ids, and every list is in a fixed order, so exporting what was
 * imported gives the same bytes. A checksum over the content lets import
 * refuse a damaged file. */
#include "domain/domain.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "domain/export.h"

int export_checksum(json_t *doc, char out[72])
{
	char *canon = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
	if (!canon)
		return -1;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)canon, strlen(canon));
	free(canon);
	memcpy(out, "sha256:", 7);
	sodium_bin2hex(out + 7, 65, digest, sizeof digest);
	return 0;
}

/* Position of an evaluation id in the exported list, counting from 1. */
static json_int_t eval_ref(const evaluation_list *evs, int64_t id)
{
	for (size_t i = 0; i < evs->n; i++)
		if (evs->items[i].id == id)
			return (json_int_t)i + 1;
	return 0;
}

static json_t *export_org(const org_row *o)
{
	return json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s, s:s}",
			 "name", o->name, "type", o->type ? o->type : "", "sector", o->sector,
			 "area", o->area, "urn", o->urn, "ukprn", o->ukprn, "ods_code", o->ods_code,
			 "opened_on", o->opened_on, "closed_on", o->closed_on,
			 "created_at", o->created_at, "updated_at", o->updated_at);
}

static int export_evaluations(domain *d, const evaluation_list *evs, json_t *doc, err *e)
{
	json_t *versions = json_object_get(doc, "framework_versions");
	json_t *list = json_object_get(doc, "evaluations");
	for (size_t i = 0; i < evs->n; i++) {
		const evaluation_row *ev = &evs->items[i];
		review_list reviews;
		own_indicator_list own;
		if (store_review_list(d->db, d->mem, ev->id, &reviews, e) < 0 ||
		    store_own_indicator_list(d->db, d->mem, ev->id, &own, e) < 0)
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
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o}",
			"ref", (json_int_t)i + 1, "framework", ev->framework_id,
			"framework_hash", ev->framework_hash, "cycle", ev->cycle,
			"status", ev->status, "created_at", ev->created_at,
			"updated_at", ev->updated_at, "own_indicators", ov, "reviews", rv));

		bool seen = false;
		size_t k;
		json_t *v;
		json_array_foreach(versions, k, v)
			seen |= strcmp(json_string_value(json_object_get(v, "hash")), ev->framework_hash) == 0;
		if (seen)
			continue;
		char *body = NULL;
		if (store_framework_version_get(d->db, d->mem, ev->framework_hash, &body, e) < 0)
			return -1;
		json_t *parsed = body ? json_loads(body, 0, NULL) : NULL;
		if (!parsed)
			return err_set(e, ERR_IO, "the stored text of instrument %s is missing or damaged: restore from a backup.",
				       ev->framework_id);
		json_array_append_new(versions, json_pack("{s:s, s:s, s:o}", "id", ev->framework_id,
							   "hash", ev->framework_hash, "body", parsed));
	}
	return 0;
}

static int export_evidence(domain *d, int64_t org, const evaluation_list *evs, json_t *doc,
			   err *e)
{
	evidence_list items;
	if (store_evidence_list(d->db, d->mem, org, &items, e) < 0)
		return -1;
	json_t *list = json_object_get(doc, "evidence");
	for (size_t i = 0; i < items.n; i++) {
		const evidence_row *ev = &items.items[i];
		link_list links;
		if (store_links_of_evidence(d->db, d->mem, ev->id, &links, e) < 0)
			return -1;
		json_t *lj = json_array();
		for (size_t l = 0; l < links.n; l++) {
			const link_row *lr = &links.items[l];
			json_array_append_new(lj, json_pack("{s:I, s:s, s:s, s:s}",
				"evaluation", eval_ref(evs, lr->evaluation_id),
				"statement", lr->element_key, "indicator", lr->indicator_key,
				"created_at", lr->created_at));
		}
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s, s:s?, s:o, s:s, s:s, s:o}",
			"ref", (json_int_t)i + 1, "title", ev->title, "description", ev->description,
			"date", ev->date, "url", ev->url, "partner_groups", groups_json(ev->groups),
			"created_at", ev->created_at, "updated_at", ev->updated_at, "links", lj));
	}
	return 0;
}

static int export_rest(domain *d, int64_t org, const evaluation_list *evs, json_t *doc, err *e)
{
	action_list actions;
	if (store_action_list(d->db, d->mem, org, &actions, e) < 0)
		return -1;
	/* Actions in id order, not the list's due-date order, so the file
	 * does not reshuffle when a due date changes. */
	json_t *al = json_object_get(doc, "actions");
	int64_t last = 0;
	for (size_t done = 0; done < actions.n; done++) {
		const action_row *next = NULL;
		for (size_t i = 0; i < actions.n; i++)
			if (actions.items[i].id > last && (!next || actions.items[i].id < next->id))
				next = &actions.items[i];
		last = next->id;
		json_t *from = json_null();
		if (next->source_evaluation_id)
			from = json_pack("{s:I, s:s?}", "evaluation",
					 eval_ref(evs, next->source_evaluation_id),
					 "statement", next->source_element_key);
		json_array_append_new(al, json_pack("{s:s, s:s, s:s?, s:s?, s:s, s:o, s:s, s:s}",
			"title", next->title, "owner", next->owner, "due_on", next->due_on,
			"review_on", next->review_on, "status", next->status, "from", from,
			"created_at", next->created_at, "updated_at", next->updated_at));
	}
	return 0;
}

int org_export(domain *d, int64_t org, char **out, err *e)
{
	*out = NULL;
	org_row o;
	evaluation_list evs;
	if (org_get(d, org, &o, e) < 0 || store_evaluation_list(d->db, d->mem, org, &evs, e) < 0)
		return -1;
	json_t *doc = json_pack("{s:s, s:o, s:[], s:[], s:[], s:[]}",
				"format", EXPORT_FORMAT, "organisation", export_org(&o),
				"framework_versions", "evaluations", "evidence", "actions");
	if (!doc)
		return err_set(e, ERR_INTERNAL, "cannot build the export document.");
	char sum[72];
	if (export_evaluations(d, &evs, doc, e) < 0 || export_evidence(d, org, &evs, doc, e) < 0 ||
	    export_rest(d, org, &evs, doc, e) < 0)
		goto fail;
	if (export_checksum(doc, sum) < 0) {
		err_set(e, ERR_INTERNAL, "cannot compute the export checksum.");
		goto fail;
	}
	json_object_set_new(doc, "checksum", json_string(sum));
	*out = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
	json_decref(doc);
	if (!*out)
		return err_set(e, ERR_INTERNAL, "cannot write the export document.");
	return 0;
fail:
	json_decref(doc);
	return -1;
}
