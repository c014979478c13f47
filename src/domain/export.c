/* export.c: one JSON document of everything an organisation holds
 * (docs/export.md). Records carry document-local "ref" numbers instead of
 * database ids, and every list is in a fixed order that does not depend on
 * those ids' values, so exporting what was imported gives the same bytes. A
 * checksum over the content lets import refuse a damaged file. */
#include "domain/domain.h"

#include <sodium.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/export.h"
#include "domain/project.h"

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

/* What one export has gathered so far: the records that others point at,
 * in file order, so a database id turns into its ref. */
struct exporter {
	domain *d;
	json_t *doc;
	evaluation_list evs;
	evidence_list evidence;
	project_list projects;          /* sorted by id */
	audit_list audits;              /* sorted by id */
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

#define REF_OF(list, id) ref_of((list).items, (list).n, sizeof *(list).items, (id))
_Static_assert(offsetof(evaluation_row, id) == 0, "ref_of reads the id first");
_Static_assert(offsetof(evidence_row, id) == 0, "ref_of reads the id first");
_Static_assert(offsetof(project_row, id) == 0, "ref_of reads the id first");
_Static_assert(offsetof(audit_row, id) == 0, "ref_of reads the id first");

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

/* Adds the stored text of version `hash` to framework_versions once, in
 * the order records first use it. `id` NULL takes the id from the text;
 * *id_out (may be NULL) is the version's instrument id. */
static int keep_version(struct exporter *x, const char *id, const char *hash,
			const char **id_out, err *e)
{
	json_t *versions = json_object_get(x->doc, "framework_versions");
	size_t k;
	json_t *v;
	json_array_foreach(versions, k, v)
		if (strcmp(json_string_value(json_object_get(v, "hash")), hash) == 0) {
			if (id_out)
				*id_out = json_string_value(json_object_get(v, "id"));
			return 0;
		}
	char *body = NULL;
	if (store_framework_version_get(x->d->db, x->d->mem, hash, &body, e) < 0)
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
		if (store_review_list(x->d->db, x->d->mem, ev->id, &reviews, e) < 0 ||
		    store_own_indicator_list(x->d->db, x->d->mem, ev->id, &own, e) < 0)
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
		if (keep_version(x, ev->framework_id, ev->framework_hash, NULL, e) < 0)
			return -1;
	}
	return 0;
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
			json_array_append_new(lj, json_pack("{s:I, s:s, s:s, s:s}",
				"evaluation", REF_OF(x->evs, lr->evaluation_id),
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

/* An evidence link of a project step or an audit principle, by ref. */
struct keyed_link {
	const char *key, *created_at;
	json_int_t ref;
};

static int keyed_link_cmp(const void *a, const void *b)
{
	const struct keyed_link *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->ref > y->ref) - (x->ref < y->ref);
}

/* The links sorted by key, then evidence ref (the store sorts by evidence
 * date, which is not fixed by the file alone when dates are equal). */
static json_t *keyed_links_json(struct keyed_link *links, size_t n, const char *key_name)
{
	if (n > 1)
		qsort(links, n, sizeof *links, keyed_link_cmp);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:I, s:s}", key_name, links[i].key,
						     "evidence", links[i].ref,
						     "created_at", links[i].created_at));
	return arr;
}

/* qsort with an empty list's NULL array is undefined: skip it. */
static void sort(void *items, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(items, n, size, cmp);
}

static int by_project_id(const void *a, const void *b)
{
	const project_row *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_audit_id(const void *a, const void *b)
{
	const audit_row *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int by_event_id(const void *a, const void *b)
{
	const audit_event_row *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static json_t *project_people_json(const project_person_list *people)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < people->n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s}",
			"name", people->items[i].name, "role", people->items[i].role,
			"partner_group", people->items[i].partner_group));
	return arr;
}

static json_t *project_steps_json(const project_step_list *steps)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < steps->n; i++) {
		const project_step_row *s = &steps->items[i];
		json_array_append_new(arr, json_pack("{s:s, s:b, s:s?, s:s, s:s}", "step", s->step_key,
			"done", s->done, "done_on", s->done_on, "note", s->note,
			"updated_at", s->updated_at));
	}
	return arr;
}

static json_t *project_answers_json(const project_answer_list *answers)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < answers->n; i++) {
		const project_answer_row *a = &answers->items[i];
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:s}", "step", a->step_key,
			"question", a->question_key, "answer", a->answer, "note", a->note,
			"updated_at", a->updated_at));
	}
	return arr;
}

static int export_project(struct exporter *x, size_t i, err *e)
{
	const project_row *p = &x->projects.items[i];
	project_person_list people;
	project_step_list steps;
	project_answer_list answers;
	project_evidence_list links;
	if (store_project_person_list(x->d->db, x->d->mem, p->id, &people, e) < 0 ||
	    store_project_step_list(x->d->db, x->d->mem, p->id, &steps, e) < 0 ||
	    store_project_answer_list(x->d->db, x->d->mem, p->id, &answers, e) < 0 ||
	    store_project_evidence_list(x->d->db, x->d->mem, p->id, &links, e) < 0 ||
	    keep_version(x, p->framework_id, p->framework_hash, NULL, e) < 0)
		return -1;
	struct keyed_link *kl = arena_alloc(x->d->mem, (links.n ? links.n : 1) * sizeof *kl);
	for (size_t l = 0; l < links.n; l++)
		kl[l] = (struct keyed_link){links.items[l].step_key, links.items[l].created_at,
					    REF_OF(x->evidence, links.items[l].evidence_id)};
	json_t *pj = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s, s:s}",
		"ref", (json_int_t)i + 1, "framework", p->framework_id,
		"framework_hash", p->framework_hash, "title", p->title,
		"service_area", p->service_area, "description", p->description,
		"starts_on", p->starts_on, "ends_on", p->ends_on,
		"created_at", p->created_at, "updated_at", p->updated_at);
	if (!pj)
		return err_set(e, ERR_INTERNAL, "cannot write project %lld into the export.",
			       (long long)p->id);
	json_object_set_new(pj, "people", project_people_json(&people));
	json_object_set_new(pj, "steps", project_steps_json(&steps));
	json_object_set_new(pj, "answers", project_answers_json(&answers));
	json_object_set_new(pj, "evidence", keyed_links_json(kl, links.n, "step"));
	json_array_append_new(json_object_get(x->doc, "projects"), pj);
	return 0;
}

static json_t *audit_parts_json(const audit_person_list *people,
				const audit_principle_list *principles, json_t *audit)
{
	json_t *pl = json_array();
	for (size_t i = 0; i < people->n; i++)
		json_array_append_new(pl, json_pack("{s:s, s:s}", "name", people->items[i].name,
						    "designation", people->items[i].designation));
	json_t *pr = json_array();
	for (size_t i = 0; i < principles->n; i++) {
		const audit_principle_row *r = &principles->items[i];
		json_array_append_new(pr, json_pack("{s:s, s:s?, s:o, s:s, s:s}",
			"principle", r->principle_key, "level", r->level,
			"score", r->score == AUDIT_NO_SCORE ? json_null() : json_integer(r->score),
			"notes", r->notes, "updated_at", r->updated_at));
	}
	json_object_set_new(audit, "people", pl);
	json_object_set_new(audit, "principles", pr);
	return audit;
}

static json_t *audit_events_json(audit_event_list *events)
{
	/* In id order: the order they happened in, even if a clock was set
	 * back between two of them. */
	sort(events->items, events->n, sizeof *events->items, by_event_id);
	json_t *arr = json_array();
	for (size_t i = 0; i < events->n; i++) {
		const audit_event_row *ev = &events->items[i];
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s}", "at", ev->at,
			"by", ev->user_name, "status", ev->status, "comment", ev->comment));
	}
	return arr;
}

static int export_audit(struct exporter *x, size_t i, err *e)
{
	const audit_row *a = &x->audits.items[i];
	audit_person_list people;
	audit_principle_list principles;
	audit_evidence_list links;
	audit_event_list events;
	const char *fw_id;
	if (store_audit_person_list(x->d->db, x->d->mem, a->id, &people, e) < 0 ||
	    store_audit_principle_list(x->d->db, x->d->mem, a->id, &principles, e) < 0 ||
	    store_audit_evidence_list(x->d->db, x->d->mem, a->id, &links, e) < 0 ||
	    store_audit_event_list(x->d->db, x->d->mem, a->id, &events, e) < 0 ||
	    keep_version(x, NULL, a->framework_hash, &fw_id, e) < 0)
		return -1;
	struct keyed_link *kl = arena_alloc(x->d->mem, (links.n ? links.n : 1) * sizeof *kl);
	for (size_t l = 0; l < links.n; l++)
		kl[l] = (struct keyed_link){links.items[l].principle_key, links.items[l].created_at,
					    REF_OF(x->evidence, links.items[l].evidence_id)};
	json_t *aj = json_pack("{s:I, s:I, s:i, s:s, s:s, s:o, s:s, s:s, s:s, s:s?, s:s?, s:s,"
			       " s:s, s:s, s:s?, s:s, s:s?, s:s?, s:s?, s:s, s:s}",
		"ref", (json_int_t)i + 1, "first", REF_OF(x->audits, a->first_id),
		"version", a->version, "framework", fw_id, "framework_hash", a->framework_hash,
		"project", ref_or_null(a->project_id ? REF_OF(x->projects, a->project_id) : 0),
		"status", a->status, "service_area", a->service_area,
		"description", a->description, "audit_date", a->audit_date,
		"outcome", a->outcome, "outcome_reason", a->outcome_reason,
		"summary", a->summary, "next_steps", a->next_steps, "review_on", a->review_on,
		"signed_by", a->signed_by, "signed_on", a->signed_on,
		"submitted_at", a->submitted_at, "decided_at", a->decided_at,
		"created_at", a->created_at, "updated_at", a->updated_at);
	if (!aj)
		return err_set(e, ERR_INTERNAL, "cannot write audit %lld into the export.",
			       (long long)a->id);
	audit_parts_json(&people, &principles, aj);
	json_object_set_new(aj, "evidence", keyed_links_json(kl, links.n, "principle"));
	json_object_set_new(aj, "events", audit_events_json(&events));
	json_array_append_new(json_object_get(x->doc, "audits"), aj);
	return 0;
}

static int export_projects_and_audits(struct exporter *x, int64_t org, err *e)
{
	if (store_project_list(x->d->db, x->d->mem, org, &x->projects, e) < 0 ||
	    store_audit_list_org(x->d->db, x->d->mem, org, &x->audits, e) < 0)
		return -1;
	/* In id order, the order they were made: the store's orders (latest
	 * start, newest first) would reshuffle the file on import when two
	 * records tie. */
	sort(x->projects.items, x->projects.n, sizeof *x->projects.items, by_project_id);
	sort(x->audits.items, x->audits.n, sizeof *x->audits.items, by_audit_id);
	for (size_t i = 0; i < x->projects.n; i++)
		if (export_project(x, i, e) < 0)
			return -1;
	for (size_t i = 0; i < x->audits.n; i++)
		if (export_audit(x, i, e) < 0)
			return -1;
	return 0;
}

static json_t *action_from(struct exporter *x, const action_row *a)
{
	if (!a->source_evaluation_id && !a->source_audit_id)
		return json_null();
	json_t *from = json_object();
	if (a->source_evaluation_id) {
		json_object_set_new(from, "evaluation",
				    json_integer(REF_OF(x->evs, a->source_evaluation_id)));
		json_object_set_new(from, "statement", a->source_element_key
						       ? json_string(a->source_element_key)
						       : json_null());
	}
	if (a->source_audit_id)
		json_object_set_new(from, "audit", json_integer(REF_OF(x->audits, a->source_audit_id)));
	return from;
}

static int export_actions(struct exporter *x, int64_t org, err *e)
{
	action_list actions;
	if (store_action_list(x->d->db, x->d->mem, org, &actions, e) < 0)
		return -1;
	/* Actions in id order, not the list's due-date order, so the file
	 * does not reshuffle when a due date changes. */
	json_t *al = json_object_get(x->doc, "actions");
	int64_t last = 0;
	for (size_t done = 0; done < actions.n; done++) {
		const action_row *next = NULL;
		for (size_t i = 0; i < actions.n; i++)
			if (actions.items[i].id > last && (!next || actions.items[i].id < next->id))
				next = &actions.items[i];
		last = next->id;
		json_array_append_new(al, json_pack("{s:s, s:s, s:s?, s:s?, s:s, s:o, s:s, s:s}",
			"title", next->title, "owner", next->owner, "due_on", next->due_on,
			"review_on", next->review_on, "status", next->status,
			"from", action_from(x, next),
			"created_at", next->created_at, "updated_at", next->updated_at));
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
	x.doc = json_pack("{s:s, s:o, s:[], s:[], s:[], s:[], s:[], s:[]}",
			  "format", EXPORT_FORMAT, "organisation", export_org(&o),
			  "framework_versions", "evaluations", "evidence", "projects", "audits",
			  "actions");
	if (!x.doc)
		return err_set(e, ERR_INTERNAL, "cannot build the export document.");
	char sum[72];
	if (export_evaluations(&x, e) < 0 || export_evidence(&x, e) < 0 ||
	    export_projects_and_audits(&x, org, e) < 0 || export_actions(&x, org, e) < 0)
		goto fail;
	if (export_checksum(x.doc, sum) < 0) {
		err_set(e, ERR_INTERNAL, "cannot compute the export checksum.");
		goto fail;
	}
	json_object_set_new(x.doc, "checksum", json_string(sum));
	*out = json_dumps(x.doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
	json_decref(x.doc);
	if (!*out)
		return err_set(e, ERR_INTERNAL, "cannot write the export document.");
	return 0;
fail:
	json_decref(x.doc);
	return -1;
}
