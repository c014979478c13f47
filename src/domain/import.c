/* import.c: loading an export (docs/export.md) as a new organisation. The
 * whole file is checked first (format, checksum, every record's shape and
 * values, every reference), then written in one transaction: a damaged or
 * foreign file changes nothing. */
#include "domain/domain.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/audit.h"
#include "domain/export.h"
#include "domain/project.h"

/* Unpacks `obj` strictly (unknown fields refused) and names the record in
 * the message when it does not fit. */
static int unpack(json_t *obj, const char *where, err *e, const char *fmt, ...)
{
	json_error_t je;
	va_list ap;
	va_start(ap, fmt);
	int rc = json_vunpack_ex(obj, &je, 0, fmt, ap);
	va_end(ap);
	if (rc == 0)
		return 0;
	/* jansson reports unknown fields as "items left unpacked": say it
	 * in the words a user would look for. */
	const char *left = strstr(je.text, "left unpacked: ");
	if (left)
		return err_set(e, ERR_INPUT,
			       "the export is damaged or not from this version of copro: %s has unknown fields: %s. Export it again from the original database.",
			       where, left + strlen("left unpacked: "));
	return err_set(e, ERR_INPUT,
		       "the export is damaged or not from this version of copro: %s: %s. Export it again from the original database.",
		       where, je.text);
}

/* An absent optional field is exported as null, but jansson's unpack has
 * no "string or null": drop those nulls so "s?s" reads them as absent. */
static void drop_nulls(json_t *obj, const char *const *keys)
{
	if (!json_is_object(obj))
		return;
	for (; *keys; keys++)
		if (json_is_null(json_object_get(obj, *keys)))
			json_object_del(obj, *keys);
}

static int parse_groups(json_t *arr, const char *where, int *groups, err *e)
{
	*groups = 0;
	size_t i;
	json_t *g;
	if (!json_is_array(arr))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.partner_groups must be a list.", where);
	json_array_foreach(arr, i, g) {
		int flags;
		if (!json_is_string(g) || groups_parse(where, json_string_value(g), &flags, e) < 0)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.partner_groups[%zu] is not a partner group.",
				       where, i);
		*groups |= flags;
	}
	return 0;
}

static int check_stamp(const char *where, const char *stamp, err *e)
{
	if (stamp && strlen(stamp) == 20 && stamp[10] == 'T' && stamp[19] == 'Z') {
		char day[11];
		memcpy(day, stamp, 10);
		day[10] = '\0';
		if (date_valid(day))
			return 0;
	}
	return err_set(e, ERR_INPUT, "the export is damaged: %s has a time that is not YYYY-MM-DDTHH:MM:SSZ.", where);
}

/* Puts where in the file a shared check (the one the commands use) failed
 * in front of its message. */
static int damaged_at(const char *where, err *e)
{
	char why[sizeof e->msg];
	snprintf(why, sizeof why, "%s", e->msg);
	return err_set(e, ERR_INPUT, "the export is damaged: %s: %s", where, why);
}

static int check_date_or_null(const char *where, const char *what, const char *date, err *e)
{
	if (date && date_check(what, date, e) < 0)
		return damaged_at(where, e);
	return 0;
}

/* A project as read from the file; evidence links hold evidence refs in
 * evidence_id until the evidence is written. */
struct imp_project {
	project_row row;
	framework *fw;
	project_person_row *people;
	project_step_row *steps;
	project_answer_row *answers;
	project_evidence_row *links;
	size_t n_people, n_steps, n_answers, n_links;
};

/* An audit as read from the file: row.project_id and row.first_id hold
 * refs, and so do the links' evidence_id, until those records are written. */
struct imp_audit {
	audit_row row;
	framework *fw;
	audit_person_row *people;
	audit_principle_row *principles;
	audit_evidence_row *links;
	audit_event_row *events;
	size_t n_people, n_principles, n_links, n_events;
};

/* What one import holds while it is checked and then written. */
struct import {
	domain *d;
	json_t *doc;
	bool v1;                        /* copro-export-1: no projects, no audits */
	org_row org;
	size_t n_versions, n_evals, n_evidence, n_projects, n_audits;
	framework **versions;
	bool *version_used;             /* by a record: an unused version is refused */
	evaluation_row *evals;          /* framework versions by evaluation */
	framework **eval_fw;
	struct imp_project *projects;
	struct imp_audit *audits;
	/* database ids once written */
	int64_t *eval_ids, *evidence_ids, *project_ids, *audit_ids;
};

static int read_versions(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "framework_versions");
	im->n_versions = json_array_size(list);
	im->versions = arena_alloc(im->d->mem, (im->n_versions + 1) * sizeof *im->versions);
	im->version_used = arena_alloc(im->d->mem, (im->n_versions + 1) * sizeof *im->version_used);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		const char *id, *hash;
		json_t *body;
		char where[64];
		snprintf(where, sizeof where, "framework_versions[%zu]", i);
		if (unpack(v, where, e, "{s:s, s:s, s:o!}", "id", &id, "hash", &hash, "body", &body) < 0)
			return -1;
		char *text = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
		fw_report *rep = calloc(1, sizeof *rep);
		if (!rep || !text)
			abort();
		char name[200];
		snprintf(name, sizeof name, "%s.json", id);
		im->versions[i] = framework_load_text(name, text, rep);
		free(rep);
		free(text);
		if (!im->versions[i])
			return err_set(e, ERR_INPUT, "the export is damaged: %s is not a valid instrument.", where);
		if (strcmp(im->versions[i]->hash, hash) != 0)
			return err_set(e, ERR_INPUT, "the export is damaged: %s does not match its hash.", where);
		for (size_t k = 0; k < i; k++)
			if (strcmp(im->versions[k]->hash, hash) == 0)
				return err_set(e, ERR_INPUT, "the export is damaged: %s repeats framework_versions[%zu].",
					       where, k);
	}
	return 0;
}

/* The version `hash` of instrument `id` from framework_versions, marked
 * as used; NULL when the file does not hold it. */
static framework *version_of(struct import *im, const char *id, const char *hash)
{
	for (size_t i = 0; i < im->n_versions; i++)
		if (im->versions[i] && strcmp(im->versions[i]->hash, hash) == 0) {
			if (strcmp(im->versions[i]->id, id) != 0)
				return NULL;
			im->version_used[i] = true;
			return im->versions[i];
		}
	return NULL;
}

static int check_versions_used(struct import *im, err *e)
{
	for (size_t i = 0; i < im->n_versions; i++)
		if (!im->version_used[i])
			return err_set(e, ERR_INPUT,
				       "the export is damaged: framework_versions[%zu] (%s) is used by no record in the file.",
				       i, im->versions[i]->id);
	return 0;
}

static int read_org(struct import *im, err *e)
{
	org_row *o = &im->org;
	static const char *const nullable[] = {"area", "urn", "ukprn", "ods_code", "opened_on",
					       "closed_on", NULL};
	drop_nulls(json_object_get(im->doc, "organisation"), nullable);
	if (unpack(json_object_get(im->doc, "organisation"), "organisation", e,
		   "{s:s, s:s, s:s, s?s, s?s, s?s, s?s, s?s, s?s, s:s, s:s!}",
		   "name", &o->name, "type", &o->type, "sector", &o->sector, "area", &o->area,
		   "urn", &o->urn, "ukprn", &o->ukprn, "ods_code", &o->ods_code,
		   "opened_on", &o->opened_on, "closed_on", &o->closed_on,
		   "created_at", &o->created_at, "updated_at", &o->updated_at) < 0)
		return -1;
	if (org_validate(o, e) < 0 || check_stamp("organisation.created_at", o->created_at, e) < 0 ||
	    check_stamp("organisation.updated_at", o->updated_at, e) < 0)
		return -1;
	return 0;
}

static int read_reviews(struct import *im, size_t i, json_t *reviews, err *e)
{
	size_t r;
	json_t *rv;
	json_array_foreach(reviews, r, rv) {
		char where[80];
		snprintf(where, sizeof where, "evaluations[%zu].reviews[%zu]", i, r);
		const char *statement, *strengths, *areas, *status, *updated;
		json_t *groups;
		int g;
		if (unpack(rv, where, e, "{s:s, s:s, s:s, s:s, s:o, s:s!}", "statement", &statement,
			   "strengths", &strengths, "areas_for_development", &areas, "status", &status,
			   "partner_groups", &groups, "updated_at", &updated) < 0 ||
		    parse_groups(groups, where, &g, e) < 0 || check_stamp(where, updated, e) < 0)
			return -1;
		if (!framework_element(im->eval_fw[i], statement))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names statement \"%.40s\", which its instrument does not have.",
				       where, statement);
		if (text_check_long("strengths", strengths, false, e) < 0 ||
		    text_check_long("areas for development", areas, false, e) < 0)
			return -1;
		if (strcmp(status, "not-started") && strcmp(status, "in-progress") && strcmp(status, "complete"))
			return err_set(e, ERR_INPUT, "the export is damaged: %s has an unknown status.", where);
	}
	return 0;
}

static int read_own_indicators(struct import *im, size_t i, json_t *own, err *e)
{
	size_t k;
	json_t *v;
	json_array_foreach(own, k, v) {
		const char *statement, *key, *text, *created;
		char where[80];
		snprintf(where, sizeof where, "evaluations[%zu].own_indicators[%zu]", i, k);
		if (unpack(v, where, e, "{s:s, s:s, s:s, s:s!}", "statement", &statement, "key", &key,
			   "text", &text, "created_at", &created) < 0 ||
		    text_check_long("The indicator text", text, true, e) < 0 ||
		    check_stamp(where, created, e) < 0)
			return -1;
		if (strncmp(key, "own", 3) != 0)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.key must start with \"own\".", where);
		if (!framework_element(im->eval_fw[i], statement))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names statement \"%.40s\", which its instrument does not have.",
				       where, statement);
	}
	return 0;
}

static int read_evaluations(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "evaluations");
	im->n_evals = json_array_size(list);
	im->evals = arena_alloc(im->d->mem, (im->n_evals + 1) * sizeof *im->evals);
	im->eval_fw = arena_alloc(im->d->mem, (im->n_evals + 1) * sizeof *im->eval_fw);
	im->eval_ids = arena_alloc(im->d->mem, (im->n_evals + 1) * sizeof *im->eval_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		evaluation_row *ev = &im->evals[i];
		json_int_t ref;
		json_t *reviews, *own;
		char where[64];
		snprintf(where, sizeof where, "evaluations[%zu]", i);
		if (unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o!}", "ref", &ref,
			   "framework", &ev->framework_id, "framework_hash", &ev->framework_hash,
			   "cycle", &ev->cycle, "status", &ev->status, "created_at", &ev->created_at,
			   "updated_at", &ev->updated_at, "own_indicators", &own, "reviews", &reviews) < 0)
			return -1;
		if (ref != (json_int_t)i + 1)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
		im->eval_fw[i] = version_of(im, ev->framework_id, ev->framework_hash);
		if (!im->eval_fw[i])
			return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold.", where);
		if (text_check_line("cycle", ev->cycle, true, e) < 0 ||
		    check_stamp(where, ev->created_at, e) < 0 || check_stamp(where, ev->updated_at, e) < 0)
			return -1;
		if (strcmp(ev->status, "draft") && strcmp(ev->status, "in-review") && strcmp(ev->status, "submitted"))
			return err_set(e, ERR_INPUT, "the export is damaged: %s has an unknown status.", where);
		if (!json_is_array(reviews) || !json_is_array(own))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.reviews and .own_indicators must be lists.", where);
		if (read_own_indicators(im, i, own, e) < 0 || read_reviews(im, i, reviews, e) < 0)
			return -1;
	}
	return 0;
}

/* The evaluation a "ref" names, or NULL. */
static framework *eval_by_ref(struct import *im, json_int_t ref)
{
	return ref >= 1 && (size_t)ref <= im->n_evals ? im->eval_fw[ref - 1] : NULL;
}

static bool own_indicator_in_file(struct import *im, json_int_t ref, const char *statement,
				  const char *key)
{
	json_t *ev = json_array_get(json_object_get(im->doc, "evaluations"), (size_t)ref - 1);
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(ev, "own_indicators"), i, v) {
		const char *s = json_string_value(json_object_get(v, "statement"));
		const char *k = json_string_value(json_object_get(v, "key"));
		if (s && k && !strcmp(s, statement) && !strcmp(k, key))
			return true;
	}
	return false;
}

static int read_links(struct import *im, const char *where, json_t *links, err *e)
{
	size_t l;
	json_t *lv;
	json_array_foreach(links, l, lv) {
		json_int_t ref;
		const char *statement, *indicator, *created;
		char lw[120];
		snprintf(lw, sizeof lw, "%s.links[%zu]", where, l);
		if (unpack(lv, lw, e, "{s:I, s:s, s:s, s:s!}", "evaluation", &ref, "statement", &statement,
			   "indicator", &indicator, "created_at", &created) < 0 ||
		    check_stamp(lw, created, e) < 0)
			return -1;
		framework *fw = eval_by_ref(im, ref);
		if (!fw)
			return err_set(e, ERR_INPUT, "the export is damaged: %s names an evaluation the file does not hold.", lw);
		const fw_element *el = framework_element(fw, statement);
		if (!el || (!element_indicator(el, indicator) &&
			    !own_indicator_in_file(im, ref, statement, indicator)))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names indicator %.40s.%.40s, which does not exist.",
				       lw, statement, indicator);
	}
	return 0;
}

static int read_evidence(struct import *im, err *e)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "evidence"), i, v) {
		evidence_row ev = {0};
		json_int_t ref;
		json_t *groups, *links;
		char where[64];
		snprintf(where, sizeof where, "evidence[%zu]", i);
		drop_nulls(v, (const char *const[]){"url", NULL});
		if (unpack(v, where, e, "{s:I, s:s, s:s, s:s, s?s, s:o, s:s, s:s, s:o!}", "ref", &ref,
			   "title", &ev.title, "description", &ev.description, "date", &ev.date,
			   "url", &ev.url, "partner_groups", &groups, "created_at", &ev.created_at,
			   "updated_at", &ev.updated_at, "links", &links) < 0)
			return -1;
		if (ref != (json_int_t)i + 1)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
		if (parse_groups(groups, where, &ev.groups, e) < 0 ||
		    text_check_line("The evidence title", ev.title, true, e) < 0 ||
		    text_check_long("The description", ev.description, false, e) < 0 ||
		    text_check_url("The link", ev.url, e) < 0 ||
		    date_check("The evidence date", ev.date, e) < 0 ||
		    check_stamp(where, ev.created_at, e) < 0 || check_stamp(where, ev.updated_at, e) < 0)
			return -1;
		if (!json_is_array(links))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.links must be a list.", where);
		if (read_links(im, where, links, e) < 0)
			return -1;
	}
	return 0;
}

/* ---- projects --------------------------------------------------------- */

/* `list`, field `key` of the record at `where`, which must be a list; *n
 * is its length. */
static json_t *list_field(json_t *list, const char *where, const char *key, size_t *n, err *e)
{
	if (!json_is_array(list)) {
		err_set(e, ERR_INPUT, "the export is damaged: %s.%s must be a list.", where, key);
		return NULL;
	}
	*n = json_array_size(list);
	return list;
}

static int check_evidence_ref(struct import *im, const char *where, json_int_t ref, err *e)
{
	if (ref < 1 || (size_t)ref > im->n_evidence)
		return err_set(e, ERR_INPUT, "the export is damaged: %s names an evidence item the file does not hold.",
			       where);
	return 0;
}

/* Lists keyed by text are sorted by key, each key once, as the store
 * gives them: a repeated key would merge into one row on import. */
static int check_order(const char *where, bool ascending, err *e)
{
	if (!ascending)
		return err_set(e, ERR_INPUT,
			       "the export is damaged: %s is repeated or out of order (the list is sorted, each entry once).",
			       where);
	return 0;
}

static int key_ref_cmp(const char *ka, int64_t ra, const char *kb, int64_t rb)
{
	int c = strcmp(ka, kb);
	return c ? c : (ra > rb) - (ra < rb);
}

static int read_project_people(struct import *im, const char *where, json_t *list,
			       struct imp_project *p, err *e)
{
	if (!list_field(list, where, "people", &p->n_people, e))
		return -1;
	if (p->n_people > PROJECT_PEOPLE_MAX)
		return err_set(e, ERR_INPUT, "the export is damaged: %s lists more than %d people.", where,
			       PROJECT_PEOPLE_MAX);
	p->people = arena_alloc(im->d->mem, (p->n_people + 1) * sizeof *p->people);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		project_person_row *r = &p->people[i];
		char w[120];
		snprintf(w, sizeof w, "%s.people[%zu]", where, i);
		const char *group;
		if (unpack(v, w, e, "{s:s, s:s, s:s!}", "name", &r->name, "role", &r->role,
			   "partner_group", &group) < 0)
			return -1;
		r->position = (int)i + 1;
		r->partner_group = group;
		if (project_person_check(r, e) < 0)
			return damaged_at(w, e);
		if (strcmp(r->partner_group, group) != 0)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.partner_group should be \"%s\".", w,
				       r->partner_group);
	}
	return 0;
}

static int read_project_steps(struct import *im, const char *where, json_t *list,
			      struct imp_project *p, err *e)
{
	if (!list_field(list, where, "steps", &p->n_steps, e))
		return -1;
	p->steps = arena_alloc(im->d->mem, (p->n_steps + 1) * sizeof *p->steps);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		project_step_row *r = &p->steps[i];
		char w[120];
		snprintf(w, sizeof w, "%s.steps[%zu]", where, i);
		int done;
		drop_nulls(v, (const char *const[]){"done_on", NULL});
		if (unpack(v, w, e, "{s:s, s:b, s?s, s:s, s:s!}", "step", &r->step_key, "done", &done,
			   "done_on", &r->done_on, "note", &r->note, "updated_at", &r->updated_at) < 0 ||
		    check_date_or_null(w, "The date done", r->done_on, e) < 0 ||
		    check_stamp(w, r->updated_at, e) < 0)
			return -1;
		r->done = done;
		if (text_check_long("The note", r->note, false, e) < 0)
			return damaged_at(w, e);
		if (!framework_element(p->fw, r->step_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names step \"%.40s\", which its model does not have.",
				       w, r->step_key);
		if (!r->done && r->done_on)
			return err_set(e, ERR_INPUT, "the export is damaged: %s has a date done but is not done.", w);
		if (i && check_order(w, strcmp(p->steps[i - 1].step_key, r->step_key) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static const fw_item *step_question(const fw_element *step, const char *key)
{
	for (size_t i = 0; i < step->n_questions; i++)
		if (!strcmp(step->questions[i].key, key))
			return &step->questions[i];
	return NULL;
}

static int read_project_answers(struct import *im, const char *where, json_t *list,
				struct imp_project *p, err *e)
{
	if (!list_field(list, where, "answers", &p->n_answers, e))
		return -1;
	p->answers = arena_alloc(im->d->mem, (p->n_answers + 1) * sizeof *p->answers);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		project_answer_row *r = &p->answers[i];
		char w[120];
		snprintf(w, sizeof w, "%s.answers[%zu]", where, i);
		if (unpack(v, w, e, "{s:s, s:s, s:s, s:s, s:s!}", "step", &r->step_key,
			   "question", &r->question_key, "answer", &r->answer, "note", &r->note,
			   "updated_at", &r->updated_at) < 0 ||
		    check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("The note on an answer", r->note, false, e) < 0)
			return damaged_at(w, e);
		const fw_element *step = framework_element(p->fw, r->step_key);
		if (!step || !step_question(step, r->question_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names question %.40s of step %.40s, which its model does not have.",
				       w, r->question_key, r->step_key);
		if (strcmp(r->answer, "yes") && strcmp(r->answer, "partly") && strcmp(r->answer, "no"))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.answer must be yes, partly or no.", w);
		if (i) {
			const project_answer_row *prev = &p->answers[i - 1];
			int c = strcmp(prev->step_key, r->step_key);
			if (check_order(w, (c ? c : strcmp(prev->question_key, r->question_key)) < 0, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int read_project_links(struct import *im, const char *where, json_t *list,
			      struct imp_project *p, err *e)
{
	if (!list_field(list, where, "evidence", &p->n_links, e))
		return -1;
	p->links = arena_alloc(im->d->mem, (p->n_links + 1) * sizeof *p->links);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		project_evidence_row *r = &p->links[i];
		char w[120];
		snprintf(w, sizeof w, "%s.evidence[%zu]", where, i);
		json_int_t ref;
		if (unpack(v, w, e, "{s:s, s:I, s:s!}", "step", &r->step_key, "evidence", &ref,
			   "created_at", &r->created_at) < 0 ||
		    check_stamp(w, r->created_at, e) < 0 || check_evidence_ref(im, w, ref, e) < 0)
			return -1;
		r->evidence_id = ref;
		if (!framework_element(p->fw, r->step_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names step \"%.40s\", which its model does not have.",
				       w, r->step_key);
		if (i && check_order(w, key_ref_cmp(p->links[i - 1].step_key, p->links[i - 1].evidence_id,
						    r->step_key, r->evidence_id) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static int read_projects(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "projects");
	im->n_projects = json_array_size(list);
	im->projects = arena_alloc(im->d->mem, (im->n_projects + 1) * sizeof *im->projects);
	im->project_ids = arena_alloc(im->d->mem, (im->n_projects + 1) * sizeof *im->project_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		struct imp_project *p = &im->projects[i];
		project_row *r = &p->row;
		json_int_t ref;
		json_t *people, *steps, *answers, *links;
		char where[64];
		snprintf(where, sizeof where, "projects[%zu]", i);
		drop_nulls(v, (const char *const[]){"starts_on", "ends_on", NULL});
		if (unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:s, s:s, s?s, s?s, s:s, s:s, s:o, s:o, s:o, s:o!}",
			   "ref", &ref, "framework", &r->framework_id, "framework_hash", &r->framework_hash,
			   "title", &r->title, "service_area", &r->service_area,
			   "description", &r->description, "starts_on", &r->starts_on,
			   "ends_on", &r->ends_on, "created_at", &r->created_at,
			   "updated_at", &r->updated_at, "people", &people, "steps", &steps,
			   "answers", &answers, "evidence", &links) < 0)
			return -1;
		if (ref != (json_int_t)i + 1)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
		const char *model = project_model_id(r->framework_id);
		if (!model || strcmp(model, r->framework_id) != 0)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.framework \"%.40s\" is not a model for a project.",
				       where, r->framework_id);
		p->fw = version_of(im, r->framework_id, r->framework_hash);
		if (!p->fw)
			return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold.", where);
		if (project_validate(r, e) < 0)
			return damaged_at(where, e);
		if (check_stamp(where, r->created_at, e) < 0 || check_stamp(where, r->updated_at, e) < 0 ||
		    read_project_people(im, where, people, p, e) < 0 ||
		    read_project_steps(im, where, steps, p, e) < 0 ||
		    read_project_answers(im, where, answers, p, e) < 0 ||
		    read_project_links(im, where, links, p, e) < 0)
			return -1;
	}
	return 0;
}

/* ---- audits ------------------------------------------------------------ */

static bool audit_status_known(const char *s)
{
	return !strcmp(s, "draft") || !strcmp(s, "submitted") || !strcmp(s, "returned") ||
	       !strcmp(s, "accepted");
}

static int read_audit_people(struct import *im, const char *where, json_t *list,
			     struct imp_audit *a, err *e)
{
	if (!list_field(list, where, "people", &a->n_people, e))
		return -1;
	a->people = arena_alloc(im->d->mem, (a->n_people + 1) * sizeof *a->people);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		audit_person_row *r = &a->people[i];
		char w[120];
		snprintf(w, sizeof w, "%s.people[%zu]", where, i);
		if (unpack(v, w, e, "{s:s, s:s!}", "name", &r->name, "designation", &r->designation) < 0)
			return -1;
		r->position = (int)i + 1;
		if (text_check_line("The name of the person completing the audit", r->name, true, e) < 0 ||
		    text_check_line("The designation", r->designation, false, e) < 0)
			return damaged_at(w, e);
	}
	return 0;
}

static const fw_item *principle_level(const fw_element *el, const char *key)
{
	for (size_t i = 0; i < el->n_levels; i++)
		if (!strcmp(el->levels[i].key, key))
			return &el->levels[i];
	return NULL;
}

static int read_audit_principles(struct import *im, const char *where, json_t *list,
				 struct imp_audit *a, err *e)
{
	if (!list_field(list, where, "principles", &a->n_principles, e))
		return -1;
	a->principles = arena_alloc(im->d->mem, (a->n_principles + 1) * sizeof *a->principles);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		audit_principle_row *r = &a->principles[i];
		char w[120];
		snprintf(w, sizeof w, "%s.principles[%zu]", where, i);
		json_int_t score = LLONG_MIN;   /* stays: no score */
		drop_nulls(v, (const char *const[]){"level", "score", NULL});
		if (unpack(v, w, e, "{s:s, s?s, s?I, s:s, s:s!}", "principle", &r->principle_key,
			   "level", &r->level, "score", &score, "notes", &r->notes,
			   "updated_at", &r->updated_at) < 0 ||
		    check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("The notes or evidence", r->notes, false, e) < 0)
			return damaged_at(w, e);
		const fw_element *el = audit_principle_indicator(a->fw, r->principle_key);
		if (!el || !el->n_levels)
			return err_set(e, ERR_INPUT, "the export is damaged: %s names principle \"%.40s\", which its instrument does not have.",
				       w, r->principle_key);
		if (r->level && !principle_level(el, r->level))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names level \"%.40s\", which principle %s does not have.",
				       w, r->level, r->principle_key);
		if (score != LLONG_MIN && (score < 0 || score > 100))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.score must be a whole number from 0 to 100, or null.", w);
		r->score = score == LLONG_MIN ? AUDIT_NO_SCORE : (int)score;
		if (i && check_order(w, strcmp(a->principles[i - 1].principle_key, r->principle_key) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static int read_audit_links(struct import *im, const char *where, json_t *list,
			    struct imp_audit *a, err *e)
{
	if (!list_field(list, where, "evidence", &a->n_links, e))
		return -1;
	a->links = arena_alloc(im->d->mem, (a->n_links + 1) * sizeof *a->links);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		audit_evidence_row *r = &a->links[i];
		char w[120];
		snprintf(w, sizeof w, "%s.evidence[%zu]", where, i);
		json_int_t ref;
		if (unpack(v, w, e, "{s:s, s:I, s:s!}", "principle", &r->principle_key, "evidence", &ref,
			   "created_at", &r->created_at) < 0 ||
		    check_stamp(w, r->created_at, e) < 0 || check_evidence_ref(im, w, ref, e) < 0)
			return -1;
		r->evidence_id = ref;
		if (!audit_principle_indicator(a->fw, r->principle_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names principle \"%.40s\", which its instrument does not have.",
				       w, r->principle_key);
		if (i && check_order(w, key_ref_cmp(a->links[i - 1].principle_key,
						    a->links[i - 1].evidence_id, r->principle_key,
						    r->evidence_id) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static int read_audit_events(struct import *im, const char *where, json_t *list,
			     struct imp_audit *a, err *e)
{
	if (!list_field(list, where, "events", &a->n_events, e))
		return -1;
	a->events = arena_alloc(im->d->mem, (a->n_events + 1) * sizeof *a->events);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		audit_event_row *r = &a->events[i];
		char w[120];
		snprintf(w, sizeof w, "%s.events[%zu]", where, i);
		if (unpack(v, w, e, "{s:s, s:s, s:s, s:s!}", "at", &r->at, "by", &r->user_name,
			   "status", &r->status, "comment", &r->comment) < 0 ||
		    check_stamp(w, r->at, e) < 0)
			return -1;
		if (text_check_line("The name of who made the change", r->user_name, false, e) < 0 ||
		    text_check_long("The comment", r->comment, false, e) < 0)
			return damaged_at(w, e);
		if (!audit_status_known(r->status))
			return err_set(e, ERR_INPUT, "the export is damaged: %s has an unknown status.", w);
	}
	return 0;
}

static int check_audit_fields(const char *where, const audit_row *r, err *e)
{
	if (text_check_line("The service area", r->service_area, false, e) < 0 ||
	    text_check_long("The description", r->description, false, e) < 0 ||
	    text_check_long("The reason for the outcome", r->outcome_reason, false, e) < 0 ||
	    text_check_long("The summary", r->summary, false, e) < 0 ||
	    text_check_long("The next steps", r->next_steps, false, e) < 0 ||
	    text_check_line("The name signing off", r->signed_by, false, e) < 0)
		return damaged_at(where, e);
	if (check_date_or_null(where, "The date of audit", r->audit_date, e) < 0 ||
	    check_date_or_null(where, "The review date", r->review_on, e) < 0 ||
	    check_date_or_null(where, "The sign-off date", r->signed_on, e) < 0 ||
	    (r->submitted_at && check_stamp(where, r->submitted_at, e) < 0) ||
	    (r->decided_at && check_stamp(where, r->decided_at, e) < 0) ||
	    check_stamp(where, r->created_at, e) < 0 || check_stamp(where, r->updated_at, e) < 0)
		return -1;
	if (!audit_status_known(r->status))
		return err_set(e, ERR_INPUT, "the export is damaged: %s has an unknown status.", where);
	return 0;
}

/* Versions of one audit point at the first by ref: the first is itself
 * version 1, the others come later in the file, each version once. */
static int check_audit_versions(struct import *im, size_t i, const char *where, err *e)
{
	const audit_row *r = &im->audits[i].row;
	json_int_t first = r->first_id, ref = (json_int_t)i + 1;
	if (first < 1 || first > ref)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.first names an audit the file does not hold before it.",
			       where);
	if (first == ref)
		return r->version == 1 ? 0
			: err_set(e, ERR_INPUT, "the export is damaged: %s is its own first version, so its version should be 1.", where);
	if (im->audits[first - 1].row.first_id != first)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.first names audits[%lld], which is not a first version.",
			       where, (long long)first - 1);
	if (r->version < 2)
		return err_set(e, ERR_INPUT, "the export is damaged: %s is a later version, so its version should be 2 or more.", where);
	for (size_t k = 0; k < i; k++)
		if (im->audits[k].row.first_id == first && im->audits[k].row.version == r->version)
			return err_set(e, ERR_INPUT, "the export is damaged: %s repeats version %d of audits[%lld].",
				       where, r->version, (long long)first - 1);
	return 0;
}

static int read_audit(struct import *im, size_t i, json_t *v, err *e)
{
	struct imp_audit *a = &im->audits[i];
	audit_row *r = &a->row;
	json_int_t ref, first, project = 0;
	int version;
	const char *fw_id;
	json_t *people, *principles, *links, *events;
	char where[64];
	snprintf(where, sizeof where, "audits[%zu]", i);
	drop_nulls(v, (const char *const[]){"project", "audit_date", "outcome", "review_on",
					    "signed_on", "submitted_at", "decided_at", NULL});
	if (unpack(v, where, e, "{s:I, s:I, s:i, s:s, s:s, s?I, s:s, s:s, s:s, s?s, s?s, s:s,"
		   " s:s, s:s, s?s, s:s, s?s, s?s, s?s, s:s, s:s, s:o, s:o, s:o, s:o!}",
		   "ref", &ref, "first", &first, "version", &version, "framework", &fw_id,
		   "framework_hash", &r->framework_hash, "project", &project, "status", &r->status,
		   "service_area", &r->service_area, "description", &r->description,
		   "audit_date", &r->audit_date, "outcome", &r->outcome,
		   "outcome_reason", &r->outcome_reason, "summary", &r->summary,
		   "next_steps", &r->next_steps, "review_on", &r->review_on,
		   "signed_by", &r->signed_by, "signed_on", &r->signed_on,
		   "submitted_at", &r->submitted_at, "decided_at", &r->decided_at,
		   "created_at", &r->created_at, "updated_at", &r->updated_at,
		   "people", &people, "principles", &principles, "evidence", &links,
		   "events", &events) < 0)
		return -1;
	if (ref != (json_int_t)i + 1)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
	r->first_id = first;
	r->version = version;
	r->project_id = project;
	if (strcmp(fw_id, AUDIT_FRAMEWORK_ID) != 0 || !(a->fw = version_of(im, fw_id, r->framework_hash)))
		return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold (an audit uses %s).",
			       where, AUDIT_FRAMEWORK_ID);
	if (project && (project < 1 || (size_t)project > im->n_projects))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.project names a project the file does not hold.", where);
	if (r->outcome && !audit_outcome_title(a->fw, r->outcome))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.outcome \"%.40s\" is not one of its instrument's outcomes.",
			       where, r->outcome);
	return check_audit_fields(where, r, e) < 0 || check_audit_versions(im, i, where, e) < 0 ||
	       read_audit_people(im, where, people, a, e) < 0 ||
	       read_audit_principles(im, where, principles, a, e) < 0 ||
	       read_audit_links(im, where, links, a, e) < 0 ||
	       read_audit_events(im, where, events, a, e) < 0 ? -1 : 0;
}

static int read_audits(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "audits");
	im->n_audits = json_array_size(list);
	im->audits = arena_alloc(im->d->mem, (im->n_audits + 1) * sizeof *im->audits);
	im->audit_ids = arena_alloc(im->d->mem, (im->n_audits + 1) * sizeof *im->audit_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v)
		if (read_audit(im, i, v, e) < 0)
			return -1;
	return 0;
}

/* ---- actions ----------------------------------------------------------- */

/* "from": {"evaluation": REF, "statement": KEY or null} and/or
 * {"audit": REF}. */
static int read_action_from(struct import *im, const char *where, json_t *from, err *e)
{
	json_int_t eval = 0, audit = 0;
	const char *statement = NULL;
	drop_nulls(from, (const char *const[]){"statement", NULL});
	if (unpack(from, where, e, "{s?I, s?s, s?I!}", "evaluation", &eval, "statement", &statement,
		   "audit", &audit) < 0)
		return -1;
	if (!eval && !audit)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names neither an evaluation nor an audit.", where);
	framework *fw = eval ? eval_by_ref(im, eval) : NULL;
	if ((eval && !fw) || (statement && (!fw || !framework_element(fw, statement))))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names an evaluation or statement the file does not hold.", where);
	if (audit && (audit < 1 || (size_t)audit > im->n_audits))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names an audit the file does not hold.", where);
	return 0;
}

static int read_actions(struct import *im, err *e)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "actions"), i, v) {
		action_row a = {0};
		json_t *from;
		char where[64];
		snprintf(where, sizeof where, "actions[%zu]", i);
		drop_nulls(v, (const char *const[]){"due_on", "review_on", NULL});
		if (unpack(v, where, e, "{s:s, s:s, s?s, s?s, s:s, s:o, s:s, s:s!}", "title", &a.title,
			   "owner", &a.owner, "due_on", &a.due_on, "review_on", &a.review_on,
			   "status", &a.status, "from", &from, "created_at", &a.created_at,
			   "updated_at", &a.updated_at) < 0 ||
		    action_validate(&a, e) < 0 || check_stamp(where, a.created_at, e) < 0 ||
		    check_stamp(where, a.updated_at, e) < 0)
			return -1;
		if (!json_is_null(from) && read_action_from(im, where, from, e) < 0)
			return -1;
	}
	return 0;
}

/* ---- the whole document ------------------------------------------------ */

static int check_format(struct import *im, err *e)
{
	json_t *doc = im->doc;
	const char *format = json_string_value(json_object_get(doc, "format"));
	if (json_is_object(doc) && format && strcmp(format, EXPORT_FORMAT_1) == 0)
		im->v1 = true;
	else if (!json_is_object(doc) || !format || strcmp(format, EXPORT_FORMAT) != 0)
		return err_set(e, ERR_INPUT,
			       "this file is not a copro export (it should say \"format\": \"%s\"): give a file made by `copro export`.",
			       EXPORT_FORMAT);
	json_t *sum = json_object_get(doc, "checksum");
	if (!json_is_string(sum))
		return err_set(e, ERR_INPUT, "the export has no checksum: it was edited or damaged. Export it again.");
	char expect[72];
	char given[80];
	snprintf(given, sizeof given, "%s", json_string_value(sum));
	json_object_del(doc, "checksum");
	if (export_checksum(doc, expect) < 0)
		return err_set(e, ERR_INTERNAL, "cannot compute the checksum.");
	if (strcmp(expect, given) != 0)
		return err_set(e, ERR_INPUT,
			       "the export's checksum does not match its content: the file was edited or damaged after export. Export it again from the original database.");
	return 0;
}

static int check_document(struct import *im, err *e)
{
	if (check_format(im, e) < 0)
		return -1;
	json_t *org, *lists[6] = {NULL};
	const char *fmt;
	int rc = im->v1
		? unpack(im->doc, "the document", e, "{s:s, s:o, s:o, s:o, s:o, s:o!}", "format", &fmt,
			 "organisation", &org, "framework_versions", &lists[0], "evaluations", &lists[1],
			 "evidence", &lists[2], "actions", &lists[3])
		: unpack(im->doc, "the document", e, "{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o!}",
			 "format", &fmt, "organisation", &org, "framework_versions", &lists[0],
			 "evaluations", &lists[1], "evidence", &lists[2], "projects", &lists[4],
			 "audits", &lists[5], "actions", &lists[3]);
	if (rc < 0)
		return -1;
	for (size_t i = 0; i < 6; i++)
		if ((i < 4 || !im->v1) && !json_is_array(lists[i]))
			return err_set(e, ERR_INPUT, "the export is damaged: its lists are not lists.");
	im->n_evidence = json_array_size(lists[2]);
	im->evidence_ids = arena_alloc(im->d->mem, (im->n_evidence + 1) * sizeof *im->evidence_ids);
	return read_versions(im, e) < 0 || read_org(im, e) < 0 || read_evaluations(im, e) < 0 ||
	       read_evidence(im, e) < 0 || read_projects(im, e) < 0 || read_audits(im, e) < 0 ||
	       read_actions(im, e) < 0 || check_versions_used(im, e) < 0 ? -1 : 0;
}

/* ---- writing -------------------------------------------------------- */

static int put_version(struct import *im, const framework *fw, const char *now, err *e)
{
	char *body = json_dumps(fw->doc, JSON_COMPACT | JSON_SORT_KEYS);
	if (!body)
		return err_set(e, ERR_INTERNAL, "cannot serialise instrument %s.", fw->id);
	int rc = store_framework_version_put(im->d->db, fw->id, fw->hash, body, now, e);
	free(body);
	return rc;
}

static int write_evaluations(struct import *im, int64_t org, err *e)
{
	store *s = im->d->db;
	for (size_t i = 0; i < im->n_evals; i++) {
		evaluation_row *ev = &im->evals[i];
		ev->organisation_id = org;
		if (put_version(im, im->eval_fw[i], ev->created_at, e) < 0 ||
		    store_evaluation_insert(s, ev, &im->eval_ids[i], e) < 0)
			return -1;
		json_t *evj = json_array_get(json_object_get(im->doc, "evaluations"), i);
		size_t r;
		json_t *rv;
		json_array_foreach(json_object_get(evj, "own_indicators"), r, rv) {
			own_indicator_row oi = {.evaluation_id = im->eval_ids[i]};
			int64_t oid;
			json_unpack(rv, "{s:s, s:s, s:s, s:s}", "statement", &oi.element_key, "key", &oi.key,
				    "text", &oi.text, "created_at", &oi.created_at);
			if (store_own_indicator_insert(s, &oi, &oid, e) < 0)
				return -1;
		}
		json_array_foreach(json_object_get(evj, "reviews"), r, rv) {
			review_row row = {.evaluation_id = im->eval_ids[i]};
			json_t *groups;
			json_unpack(rv, "{s:s, s:s, s:s, s:s, s:o, s:s}", "statement", &row.element_key,
				    "strengths", &row.strengths, "areas_for_development", &row.areas,
				    "status", &row.status, "partner_groups", &groups, "updated_at", &row.updated_at);
			parse_groups(groups, "review", &row.groups, e);
			if (store_review_put(s, &row, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int write_evidence(struct import *im, int64_t org, err *e)
{
	store *s = im->d->db;
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "evidence"), i, v) {
		evidence_row ev = {.organisation_id = org};
		json_t *groups, *links;
		json_unpack(v, "{s:s, s:s, s:s, s?s, s:o, s:s, s:s, s:o}", "title", &ev.title,
			    "description", &ev.description, "date", &ev.date, "url", &ev.url,
			    "partner_groups", &groups, "created_at", &ev.created_at,
			    "updated_at", &ev.updated_at, "links", &links);
		parse_groups(groups, "evidence", &ev.groups, e);
		if (store_evidence_insert(s, &ev, &im->evidence_ids[i], e) < 0)
			return -1;
		size_t l;
		json_t *lv;
		json_array_foreach(links, l, lv) {
			json_int_t ref;
			link_row lr = {.evidence_id = im->evidence_ids[i]};
			json_unpack(lv, "{s:I, s:s, s:s, s:s}", "evaluation", &ref, "statement",
				    &lr.element_key, "indicator", &lr.indicator_key, "created_at", &lr.created_at);
			lr.evaluation_id = im->eval_ids[ref - 1];
			if (store_link_add(s, &lr, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int write_project(struct import *im, size_t i, int64_t org, err *e)
{
	store *s = im->d->db;
	struct imp_project *p = &im->projects[i];
	p->row.organisation_id = org;
	int64_t id;
	if (put_version(im, p->fw, p->row.created_at, e) < 0 ||
	    store_project_insert(s, &p->row, &id, e) < 0)
		return -1;
	im->project_ids[i] = id;
	for (size_t k = 0; k < p->n_people; k++) {
		p->people[k].project_id = id;
		if (store_project_person_add(s, &p->people[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < p->n_steps; k++) {
		p->steps[k].project_id = id;
		if (store_project_step_put(s, &p->steps[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < p->n_answers; k++) {
		p->answers[k].project_id = id;
		if (store_project_answer_put(s, &p->answers[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < p->n_links; k++) {
		project_evidence_row link = p->links[k];
		link.project_id = id;
		link.evidence_id = im->evidence_ids[link.evidence_id - 1];
		if (store_project_evidence_add(s, &link, e) < 0)
			return -1;
	}
	return 0;
}

static int write_audit(struct import *im, size_t i, int64_t org, err *e)
{
	store *s = im->d->db;
	struct imp_audit *a = &im->audits[i];
	audit_row row = a->row;
	row.organisation_id = org;
	row.project_id = row.project_id ? im->project_ids[row.project_id - 1] : 0;
	/* A first version gets first_id = its own id from the store. */
	row.first_id = (size_t)row.first_id == i + 1 ? 0 : im->audit_ids[row.first_id - 1];
	int64_t id;
	if (put_version(im, a->fw, row.created_at, e) < 0 || store_audit_insert(s, &row, &id, e) < 0)
		return -1;
	im->audit_ids[i] = id;
	for (size_t k = 0; k < a->n_people; k++) {
		a->people[k].audit_id = id;
		if (store_audit_person_add(s, &a->people[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < a->n_principles; k++) {
		a->principles[k].audit_id = id;
		if (store_audit_principle_put(s, &a->principles[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < a->n_links; k++) {
		audit_evidence_row link = a->links[k];
		link.audit_id = id;
		link.evidence_id = im->evidence_ids[link.evidence_id - 1];
		if (store_audit_evidence_add(s, &link, e) < 0)
			return -1;
	}
	/* Who made each change is kept by name: accounts are not exported. */
	for (size_t k = 0; k < a->n_events; k++) {
		a->events[k].audit_id = id;
		a->events[k].user_id = 0;
		if (store_audit_event_insert(s, &a->events[k], NULL, e) < 0)
			return -1;
	}
	return 0;
}

static int write_actions(struct import *im, int64_t org, err *e)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "actions"), i, v) {
		action_row a = {.organisation_id = org};
		json_t *from;
		int64_t id;
		json_unpack(v, "{s:s, s:s, s?s, s?s, s:s, s:o, s:s, s:s}", "title", &a.title,
			    "owner", &a.owner, "due_on", &a.due_on, "review_on", &a.review_on,
			    "status", &a.status, "from", &from, "created_at", &a.created_at,
			    "updated_at", &a.updated_at);
		if (!json_is_null(from)) {
			json_int_t eval = 0, audit = 0;
			json_unpack(from, "{s?I, s?s, s?I}", "evaluation", &eval, "statement",
				    &a.source_element_key, "audit", &audit);
			a.source_evaluation_id = eval ? im->eval_ids[eval - 1] : 0;
			a.source_audit_id = audit ? im->audit_ids[audit - 1] : 0;
		}
		if (store_action_insert(im->d->db, &a, &id, e) < 0)
			return -1;
	}
	return 0;
}

static int write_all(struct import *im, int64_t org, err *e)
{
	if (write_evaluations(im, org, e) < 0 || write_evidence(im, org, e) < 0)
		return -1;
	for (size_t i = 0; i < im->n_projects; i++)
		if (write_project(im, i, org, e) < 0)
			return -1;
	for (size_t i = 0; i < im->n_audits; i++)
		if (write_audit(im, i, org, e) < 0)
			return -1;
	return write_actions(im, org, e);
}

int org_import(domain *d, const char *text, size_t len, int64_t *org, err *e)
{
	struct import im = {.d = d};
	json_error_t je;
	int rc = -1;
	size_t blank = 0;
	while (blank < len && (text[blank] == ' ' || text[blank] == '\t' || text[blank] == '\r' ||
			       text[blank] == '\n'))
		blank++;
	if (blank == len)
		return err_set(e, ERR_INPUT,
			       "this file is not a copro export: it is empty, so not valid JSON. Give a file made by `copro export`.");
	im.doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!im.doc)
		return err_set(e, ERR_INPUT,
			       "this file is not a copro export: it is not valid JSON (line %d: %s). Give a file made by `copro export`.",
			       je.line, je.text);
	if (check_document(&im, e) < 0)
		goto done;
	if (store_begin(d->db, e) < 0)
		goto done;
	org_row same;
	int found = store_org_find(d->db, d->mem, im.org.name, im.org.area, &same, e);
	if (found < 0)
		goto fail;
	if (found) {
		err_set(e, ERR_CONFLICT,
			"an organisation called \"%s\" already exists in %s (number %lld): this database holds it already; import into another database, or rename the existing one first.",
			im.org.name, im.org.area ? im.org.area : "no area", (long long)same.id);
		goto fail;
	}
	if (store_org_insert(d->db, &im.org, org, e) < 0 || write_all(&im, *org, e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	rc = 0;
	goto done;
fail:
	store_rollback(d->db);
done:
	for (size_t i = 0; i < im.n_versions; i++)
		framework_free(im.versions[i]);
	json_decref(im.doc);
	return rc;
}
