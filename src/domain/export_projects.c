/* export_projects.c: an organisation's projects and audits in its export
 * (format 2 on): each with its people, steps or principles, evidence links
 * by ref, and an audit's events, in the order they were made. */
#include "domain/export.h"

#include <stdlib.h>
#include <string.h>

#include "domain/audit.h"
#include "domain/project.h"
#include "store/audit.h"
#include "store/project.h"

#define REF(list, id) export_ref_of((list)->items, (list)->n, sizeof *(list)->items, (id))

/* What the projects and audits point into, and where they go. */
struct records {
	domain *d;
	json_t *doc;
	const evidence_list *evidence;
	project_list *projects;         /* sorted by id */
	audit_list *audits;             /* sorted by id */
};

static json_t *ref_or_null(json_int_t ref)
{
	return ref ? json_integer(ref) : json_null();
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

static int export_project(struct records *x, size_t i, err *e)
{
	const project_row *p = &x->projects->items[i];
	project_person_list people;
	project_step_list steps;
	project_answer_list answers;
	project_evidence_list links;
	if (store_project_person_list(x->d->db, x->d->mem, p->id, &people, e) < 0 ||
	    store_project_step_list(x->d->db, x->d->mem, p->id, &steps, e) < 0 ||
	    store_project_answer_list(x->d->db, x->d->mem, p->id, &answers, e) < 0 ||
	    store_project_evidence_list(x->d->db, x->d->mem, p->id, &links, e) < 0 ||
	    export_keep_version(x->d, x->doc, p->framework_id, p->framework_hash, NULL, e) < 0)
		return -1;
	struct keyed_link *kl = arena_array(x->d->mem, links.n, sizeof *kl);
	for (size_t l = 0; l < links.n; l++)
		kl[l] = (struct keyed_link){links.items[l].step_key, links.items[l].created_at,
					    REF(x->evidence, links.items[l].evidence_id)};
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
		json_t *p = json_pack("{s:s, s:s?, s:o, s:s, s:s}",
			"principle", r->principle_key, "level", r->level,
			"score", r->score == AUDIT_NO_SCORE ? json_null() : json_integer(r->score),
			"notes", r->notes, "updated_at", r->updated_at);
		/* Only a returned version can carry one: older files never do. */
		if (r->area_comment && *r->area_comment)
			json_object_set_new(p, "area_comment", json_string(r->area_comment));
		json_array_append_new(pr, p);
	}
	json_object_set_new(audit, "people", pl);
	json_object_set_new(audit, "principles", pr);
	return audit;
}

static json_t *audit_events_json(audit_event_list *events)
{
	/* In id order: the order they happened in, even if a clock was set
	 * back between two of them. */
	export_sort(events->items, events->n, sizeof *events->items, by_event_id);
	json_t *arr = json_array();
	for (size_t i = 0; i < events->n; i++) {
		const audit_event_row *ev = &events->items[i];
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s}", "at", ev->at,
			"by", ev->user_name, "status", ev->status, "comment", ev->comment));
	}
	return arr;
}

static int export_audit(struct records *x, size_t i, err *e)
{
	const audit_row *a = &x->audits->items[i];
	audit_person_list people;
	audit_principle_list principles;
	audit_evidence_list links;
	audit_event_list events;
	const char *fw_id;
	if (store_audit_person_list(x->d->db, x->d->mem, a->id, &people, e) < 0 ||
	    store_audit_principle_list(x->d->db, x->d->mem, a->id, &principles, e) < 0 ||
	    store_audit_evidence_list(x->d->db, x->d->mem, a->id, &links, e) < 0 ||
	    store_audit_event_list(x->d->db, x->d->mem, a->id, &events, e) < 0 ||
	    export_keep_version(x->d, x->doc, NULL, a->framework_hash, &fw_id, e) < 0)
		return -1;
	struct keyed_link *kl = arena_array(x->d->mem, links.n, sizeof *kl);
	for (size_t l = 0; l < links.n; l++)
		kl[l] = (struct keyed_link){links.items[l].principle_key, links.items[l].created_at,
					    REF(x->evidence, links.items[l].evidence_id)};
	json_t *aj = json_pack("{s:I, s:I, s:i, s:s, s:s, s:o, s:s, s:s, s:s, s:s?, s:s?, s:s,"
			       " s:s, s:s, s:s?, s:s, s:s?, s:s?, s:s?, s:s, s:s}",
		"ref", (json_int_t)i + 1, "first", REF(x->audits, a->first_id),
		"version", a->version, "framework", fw_id, "framework_hash", a->framework_hash,
		"project", ref_or_null(a->project_id ? REF(x->projects, a->project_id) : 0),
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

int export_projects_and_audits(domain *d, int64_t org, const evidence_list *evidence,
			       project_list *projects, audit_list *audits, json_t *doc, err *e)
{
	struct records rec = {d, doc, evidence, projects, audits}, *x = &rec;
	if (store_project_list(x->d->db, x->d->mem, org, x->projects, e) < 0 ||
	    store_audit_list_org(x->d->db, x->d->mem, org, x->audits, e) < 0)
		return -1;
	/* In id order, the order they were made: the store's orders (latest
	 * start, newest first) would reshuffle the file on import when two
	 * records tie. */
	export_sort(x->projects->items, x->projects->n, sizeof *x->projects->items, by_project_id);
	export_sort(x->audits->items, x->audits->n, sizeof *x->audits->items, by_audit_id);
	for (size_t i = 0; i < x->projects->n; i++)
		if (export_project(x, i, e) < 0)
			return -1;
	for (size_t i = 0; i < x->audits->n; i++)
		if (export_audit(x, i, e) < 0)
			return -1;
	return 0;
}
