/* import.c: loading an export (docs/export.md) as a new organisation. The
 * whole file is checked first (format, checksum, every record's shape and
 * values, every reference), then written in one transaction: a damaged or
 * foreign file changes nothing. */
#include "domain/domain.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/audit.h"
#include "domain/export.h"
#include "domain/measure.h"
#include "domain/plan.h"
#include "domain/project.h"
#include "domain/review.h"
#include "store/audit.h"
#include "store/measure.h"
#include "store/plan.h"
#include "store/project.h"
#include "store/review.h"
#include "store/store.h"

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

/* A metric as read from the file; each reading's review is named by its
 * action's ref and its place among that action's reviews. */
struct imp_metric {
	metric_row row;
	reading_row *readings;
	json_int_t *review_action, *review_at;  /* 0: no review */
	size_t n_readings;
};

/* A measure as read from the file: row.carried_from holds a ref until
 * written; links are refs of later measures. */
struct imp_measure {
	measure_row row;
	framework *fw;
	struct imp_metric *metrics;
	json_int_t *links;
	size_t n_metrics, n_links;
};

/* A plan as read from the file: row.seeded_from holds an evaluation ref. */
struct imp_plan {
	plan_row row;
	framework *fw;
	plan_statement_row *statements;
	plan_answer_row *answers;
	plan_aspect_row *aspects;
	size_t n_statements, n_answers, n_aspects;
};

/* An action as read from the file: its source ids hold refs, its reviews'
 * evidence holds evidence refs, until written. */
struct imp_action {
	action_row row;
	action_review_row *reviews;
	json_int_t **review_evidence;
	size_t *n_review_evidence;
	size_t n_reviews;
	int64_t *review_ids;            /* once written */
};

/* What one import holds while it is checked and then written. */
struct import {
	domain *d;
	json_t *doc;
	int format;                     /* 1: no projects, no audits; 2: no plan-do-review */
	org_row org;
	size_t n_versions, n_evals, n_evidence, n_projects, n_audits;
	size_t n_measures, n_plans, n_actions, n_you_said;
	framework **versions;
	bool *version_used;             /* by a record: an unused version is refused */
	evaluation_row *evals;          /* framework versions by evaluation */
	framework **eval_fw;
	json_int_t *eval_previous;      /* refs; 0: none */
	struct imp_project *projects;
	struct imp_audit *audits;
	struct imp_measure *measures;
	struct imp_plan *plans;
	struct imp_action *actions;
	you_said_row *you_said;         /* action_id holds a ref */
	/* database ids once written */
	int64_t *eval_ids, *evidence_ids, *project_ids, *audit_ids, *measure_ids, *plan_ids,
		*action_ids;
};

/* A file in an older format lacks fields format 3 added: they get their
 * value in it (`value`, taken), and a file that has them anyway is
 * refused, as it is not what that format wrote. */
static int older_field(struct import *im, int before, json_t *obj, const char *where,
		       const char *key, json_t *value, err *e)
{
	if (im->format >= before || !json_is_object(obj)) {
		json_decref(value);
		return 0;
	}
	if (json_object_get(obj, key)) {
		json_decref(value);
		return err_set(e, ERR_INPUT,
			       "the export is damaged or not from this version of copro: %s has unknown fields: %s. Export it again from the original database.",
			       where, key);
	}
	json_object_set_new(obj, key, value);
	return 0;
}

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
	im->eval_previous = arena_alloc(im->d->mem, (im->n_evals + 1) * sizeof *im->eval_previous);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		evaluation_row *ev = &im->evals[i];
		json_int_t ref, previous = 0;
		json_t *reviews, *own;
		char where[64];
		snprintf(where, sizeof where, "evaluations[%zu]", i);
		if (older_field(im, 3, v, where, "previous", json_null(), e) < 0)
			return -1;
		drop_nulls(v, (const char *const[]){"previous", NULL});
		if (unpack(v, where, e, "{s:I, s:s, s:s, s:s, s?I, s:s, s:s, s:s, s:o, s:o!}", "ref", &ref,
			   "framework", &ev->framework_id, "framework_hash", &ev->framework_hash,
			   "cycle", &ev->cycle, "previous", &previous, "status", &ev->status,
			   "created_at", &ev->created_at, "updated_at", &ev->updated_at,
			   "own_indicators", &own, "reviews", &reviews) < 0)
			return -1;
		if (ref != (json_int_t)i + 1)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
		if (previous && (previous < 1 || (size_t)previous > im->n_evals || previous == ref))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.previous names an evaluation the file does not hold (or itself).",
				       where);
		im->eval_previous[i] = previous;
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
		const char *statement, *indicator, *created, *confirmed = NULL;
		int carried;
		char lw[120];
		snprintf(lw, sizeof lw, "%s.links[%zu]", where, l);
		if (older_field(im, 3, lv, lw, "carried", json_false(), e) < 0 ||
		    older_field(im, 3, lv, lw, "confirmed_at", json_null(), e) < 0)
			return -1;
		drop_nulls(lv, (const char *const[]){"confirmed_at", NULL});
		if (unpack(lv, lw, e, "{s:I, s:s, s:s, s:s, s:b, s?s!}", "evaluation", &ref,
			   "statement", &statement, "indicator", &indicator, "created_at", &created,
			   "carried", &carried, "confirmed_at", &confirmed) < 0 ||
		    check_stamp(lw, created, e) < 0 || (confirmed && check_stamp(lw, confirmed, e) < 0))
			return -1;
		if (confirmed && !carried)
			return err_set(e, ERR_INPUT, "the export is damaged: %s is confirmed but was not carried from an earlier cycle (only carried links are confirmed).",
				       lw);
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

/* ---- plans ------------------------------------------------------------- */

/* The key of item `key` in list `list` of an instrument's JSON. */
static bool doc_has_key(const json_t *list, const char *key)
{
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		const char *k = json_string_value(json_object_get(v, "key"));
		if (k && !strcmp(k, key))
			return true;
	}
	return false;
}

static bool plan_question_exists(const framework *fw, const char *section, const char *question)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(fw->doc, "sections"), i, v) {
		const char *k = json_string_value(json_object_get(v, "key"));
		if (k && !strcmp(k, section))
			return doc_has_key(json_object_get(v, "questions"), question);
	}
	return false;
}

static int read_plan_statements(struct import *im, const char *where, json_t *list,
				struct imp_plan *p, err *e)
{
	if (!list_field(list, where, "statements", &p->n_statements, e))
		return -1;
	p->statements = arena_alloc(im->d->mem, (p->n_statements + 1) * sizeof *p->statements);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		plan_statement_row *r = &p->statements[i];
		char w[120];
		snprintf(w, sizeof w, "%s.statements[%zu]", where, i);
		if (unpack(v, w, e, "{s:s, s:s, s:s, s:s!}", "statement", &r->element_key,
			   "strengths", &r->strengths, "areas_for_development", &r->areas,
			   "updated_at", &r->updated_at) < 0 ||
		    check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("Strengths", r->strengths, false, e) < 0 ||
		    text_check_long("Areas for development", r->areas, false, e) < 0)
			return damaged_at(w, e);
		if (!framework_element(p->fw, r->element_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names statement \"%.40s\", which its instrument does not have.",
				       w, r->element_key);
		if (i && check_order(w, strcmp(p->statements[i - 1].element_key, r->element_key) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static int read_plan_answers(struct import *im, const char *where, json_t *list,
			     struct imp_plan *p, err *e)
{
	if (!list_field(list, where, "answers", &p->n_answers, e))
		return -1;
	p->answers = arena_alloc(im->d->mem, (p->n_answers + 1) * sizeof *p->answers);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		plan_answer_row *r = &p->answers[i];
		char w[120];
		snprintf(w, sizeof w, "%s.answers[%zu]", where, i);
		if (unpack(v, w, e, "{s:s, s:s, s:s, s:s!}", "section", &r->section_key,
			   "question", &r->question_key, "answer", &r->answer,
			   "updated_at", &r->updated_at) < 0 ||
		    check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("The answer", r->answer, false, e) < 0)
			return damaged_at(w, e);
		if (!plan_question_exists(p->fw, r->section_key, r->question_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names question %.40s of cornerstone %.40s, which its instrument does not have.",
				       w, r->question_key, r->section_key);
		if (i) {
			const plan_answer_row *prev = &p->answers[i - 1];
			int c = strcmp(prev->section_key, r->section_key);
			if (check_order(w, (c ? c : strcmp(prev->question_key, r->question_key)) < 0, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int read_plan_aspects(struct import *im, const char *where, json_t *list,
			     struct imp_plan *p, err *e)
{
	if (!list_field(list, where, "aspects", &p->n_aspects, e))
		return -1;
	p->aspects = arena_alloc(im->d->mem, (p->n_aspects + 1) * sizeof *p->aspects);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		plan_aspect_row *r = &p->aspects[i];
		char w[120];
		snprintf(w, sizeof w, "%s.aspects[%zu]", where, i);
		if (unpack(v, w, e, "{s:s, s:s, s:s!}", "aspect", &r->aspect_key, "note", &r->note,
			   "updated_at", &r->updated_at) < 0 ||
		    check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("The note", r->note, false, e) < 0)
			return damaged_at(w, e);
		if (!doc_has_key(json_object_get(p->fw->doc, "aspects"), r->aspect_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names aspect \"%.40s\", which its instrument does not have.",
				       w, r->aspect_key);
		if (i && check_order(w, strcmp(p->aspects[i - 1].aspect_key, r->aspect_key) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static int read_plan(struct import *im, size_t i, json_t *v, err *e)
{
	struct imp_plan *p = &im->plans[i];
	plan_row *r = &p->row;
	json_int_t ref, seed = 0;
	const char *fw_id;
	json_t *statements, *answers, *aspects;
	char where[64];
	snprintf(where, sizeof where, "plans[%zu]", i);
	drop_nulls(v, (const char *const[]){"seeded_from", NULL});
	if (unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:s, s?I, s:s, s:s, s:o, s:o, s:o!}",
		   "ref", &ref, "framework", &fw_id, "framework_hash", &r->framework_hash,
		   "title", &r->title, "cycle", &r->cycle, "seeded_from", &seed,
		   "created_at", &r->created_at, "updated_at", &r->updated_at,
		   "statements", &statements, "answers", &answers, "aspects", &aspects) < 0)
		return -1;
	if (ref != (json_int_t)i + 1)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
	if (strcmp(fw_id, PLAN_FRAMEWORK) != 0 || !(p->fw = version_of(im, fw_id, r->framework_hash)))
		return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold (a plan uses %s).",
			       where, PLAN_FRAMEWORK);
	if (seed && (seed < 1 || (size_t)seed > im->n_evals))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.seeded_from names an evaluation the file does not hold.",
			       where);
	r->seeded_from = seed;
	if (text_check_line("The title", r->title, true, e) < 0 ||
	    text_check_line("The cycle", r->cycle, true, e) < 0)
		return damaged_at(where, e);
	return check_stamp(where, r->created_at, e) < 0 || check_stamp(where, r->updated_at, e) < 0 ||
	       read_plan_statements(im, where, statements, p, e) < 0 ||
	       read_plan_answers(im, where, answers, p, e) < 0 ||
	       read_plan_aspects(im, where, aspects, p, e) < 0 ? -1 : 0;
}

static int read_plans(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "plans");
	im->plans = arena_alloc(im->d->mem, (im->n_plans + 1) * sizeof *im->plans);
	im->plan_ids = arena_alloc(im->d->mem, (im->n_plans + 1) * sizeof *im->plan_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v)
		if (read_plan(im, i, v, e) < 0)
			return -1;
	return 0;
}

/* ---- actions ----------------------------------------------------------- */

/* "from": {"evaluation": REF, "statement": KEY or null}, {"plan": REF,
 * "statement": KEY or null}, {"audit": REF} or {"measure": REF}. */
static int read_action_from(struct import *im, const char *where, json_t *from, action_row *a,
			    err *e)
{
	json_int_t eval = 0, audit = 0, plan = 0, measure = 0;
	const char *statement = NULL;
	drop_nulls(from, (const char *const[]){"statement", NULL});
	if (unpack(from, where, e, "{s?I, s?I, s?s, s?I, s?I!}", "evaluation", &eval, "plan", &plan,
		   "statement", &statement, "audit", &audit, "measure", &measure) < 0)
		return -1;
	if (!eval && !audit && !plan && !measure)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names neither an evaluation nor an audit, a plan or a measure.", where);
	if (eval && plan)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names both an evaluation and a plan.", where);
	framework *fw = eval ? eval_by_ref(im, eval) : NULL;
	if ((eval && !fw) || (statement && !plan && (!fw || !framework_element(fw, statement))))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names an evaluation or statement the file does not hold.", where);
	if (plan && (plan < 1 || (size_t)plan > im->n_plans ||
		     (statement && !framework_element(im->plans[plan - 1].fw, statement))))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names a plan or statement the file does not hold.", where);
	if (audit && (audit < 1 || (size_t)audit > im->n_audits))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names an audit the file does not hold.", where);
	if (measure && (measure < 1 || (size_t)measure > im->n_measures))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names a measure the file does not hold.", where);
	a->source_evaluation_id = eval;
	a->source_plan_id = plan;
	a->source_element_key = statement;
	a->source_audit_id = audit;
	a->source_measure_id = measure;
	return 0;
}

/* A list of evidence refs, ascending, each once. */
static int read_ref_list(struct import *im, const char *where, json_t *list, size_t limit,
			 const char *what, json_int_t **out, size_t *n, err *e)
{
	if (!json_is_array(list))
		return err_set(e, ERR_INPUT, "the export is damaged: %s must be a list.", where);
	*n = json_array_size(list);
	*out = arena_alloc(im->d->mem, (*n + 1) * sizeof **out);
	for (size_t i = 0; i < *n; i++) {
		json_t *v = json_array_get(list, i);
		json_int_t ref = json_is_integer(v) ? json_integer_value(v) : 0;
		if (ref < 1 || (size_t)ref > limit)
			return err_set(e, ERR_INPUT, "the export is damaged: %s[%zu] names %s the file does not hold.",
				       where, i, what);
		if (i && ref <= (*out)[i - 1])
			return err_set(e, ERR_INPUT, "the export is damaged: %s[%zu] is repeated or out of order (the list is sorted, each entry once).",
				       where, i);
		(*out)[i] = ref;
	}
	return 0;
}

static int read_action_reviews(struct import *im, const char *where, json_t *list,
			       struct imp_action *a, err *e)
{
	if (!list_field(list, where, "reviews", &a->n_reviews, e))
		return -1;
	size_t n = a->n_reviews + 1;
	a->reviews = arena_alloc(im->d->mem, n * sizeof *a->reviews);
	a->review_evidence = arena_alloc(im->d->mem, n * sizeof *a->review_evidence);
	a->n_review_evidence = arena_alloc(im->d->mem, n * sizeof *a->n_review_evidence);
	a->review_ids = arena_alloc(im->d->mem, n * sizeof *a->review_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		action_review_row *r = &a->reviews[i];
		json_t *groups, *evidence;
		char w[120], ew[140];
		snprintf(w, sizeof w, "%s.reviews[%zu]", where, i);
		snprintf(ew, sizeof ew, "%s.evidence", w);
		if (unpack(v, w, e, "{s:s, s:s, s:o, s:o, s:s!}", "reviewed_on", &r->reviewed_on,
			   "what_happened", &r->what_happened, "partner_groups", &groups,
			   "evidence", &evidence, "created_at", &r->created_at) < 0 ||
		    parse_groups(groups, w, &r->groups, e) < 0 || check_stamp(w, r->created_at, e) < 0 ||
		    read_ref_list(im, ew, evidence, im->n_evidence, "an evidence item",
				  &a->review_evidence[i], &a->n_review_evidence[i], e) < 0)
			return -1;
		if (date_check("The date of the review", r->reviewed_on, e) < 0 ||
		    text_check_long("What happened", r->what_happened, true, e) < 0)
			return damaged_at(w, e);
	}
	return 0;
}

static int read_actions(struct import *im, err *e)
{
	im->actions = arena_alloc(im->d->mem, (im->n_actions + 1) * sizeof *im->actions);
	im->action_ids = arena_alloc(im->d->mem, (im->n_actions + 1) * sizeof *im->action_ids);
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "actions"), i, v) {
		struct imp_action *ia = &im->actions[i];
		action_row *a = &ia->row;
		json_t *from, *reviews;
		json_int_t ref;
		char where[64];
		snprintf(where, sizeof where, "actions[%zu]", i);
		if (older_field(im, 3, v, where, "ref", json_integer((json_int_t)i + 1), e) < 0 ||
		    older_field(im, 3, v, where, "reviews", json_array(), e) < 0)
			return -1;
		drop_nulls(v, (const char *const[]){"due_on", "review_on", NULL});
		if (unpack(v, where, e, "{s:I, s:s, s:s, s?s, s?s, s:s, s:o, s:s, s:s, s:o!}", "ref", &ref,
			   "title", &a->title, "owner", &a->owner, "due_on", &a->due_on,
			   "review_on", &a->review_on, "status", &a->status, "from", &from,
			   "created_at", &a->created_at, "updated_at", &a->updated_at,
			   "reviews", &reviews) < 0 ||
		    action_validate(a, e) < 0 || check_stamp(where, a->created_at, e) < 0 ||
		    check_stamp(where, a->updated_at, e) < 0)
			return -1;
		if (ref != (json_int_t)i + 1)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
		if (!json_is_null(from) && read_action_from(im, where, from, a, e) < 0)
			return -1;
		if (read_action_reviews(im, where, reviews, ia, e) < 0)
			return -1;
	}
	return 0;
}

/* ---- measures ------------------------------------------------------------ */

static int read_reading_review(struct import *im, const char *where, json_t *review,
			       struct imp_metric *m, size_t k, err *e)
{
	m->review_action[k] = m->review_at[k] = 0;
	if (json_is_null(review))
		return 0;
	json_int_t action, at;
	if (unpack(review, where, e, "{s:I, s:I!}", "action", &action, "review", &at) < 0)
		return -1;
	if (action < 1 || (size_t)action > im->n_actions || at < 1 ||
	    (size_t)at > im->actions[action - 1].n_reviews)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.review names a review of an action the file does not hold.",
			       where);
	m->review_action[k] = action;
	m->review_at[k] = at;
	return 0;
}

/* A reading given as numerator and denominator keeps the value they give
 * (the file holds it rounded to 15 digits). */
static int read_reading(struct import *im, const char *where, json_t *v, struct imp_metric *m,
			size_t k, err *e)
{
	reading_row *r = &m->readings[k];
	json_int_t num = LLONG_MIN, den = LLONG_MIN;        /* stay: no fraction */
	json_t *groups, *review;
	double value;
	drop_nulls(v, (const char *const[]){"numerator", "denominator", NULL});
	if (unpack(v, where, e, "{s:s, s:F, s?I, s?I, s:s, s:o, s:s, s:o, s:s!}", "taken_on",
		   &r->taken_on, "value", &value, "numerator", &num, "denominator", &den,
		   "source", &r->source, "partner_groups", &groups, "note", &r->note,
		   "review", &review, "created_at", &r->created_at) < 0 ||
	    parse_groups(groups, where, &r->groups, e) < 0 || check_stamp(where, r->created_at, e) < 0 ||
	    read_reading_review(im, where, review, m, k, e) < 0)
		return -1;
	if ((num == LLONG_MIN) != (den == LLONG_MIN))
		return err_set(e, ERR_INPUT, "the export is damaged: %s has a numerator or a denominator without the other.",
			       where);
	r->has_fraction = num != LLONG_MIN;
	r->numerator = num;
	r->denominator = den;
	r->has_value = !r->has_fraction;
	r->value = value;
	if (reading_validate(&m->row, r, e) < 0)
		return damaged_at(where, e);
	if (r->has_fraction && fabs(r->value - value) > 1e-9 * fmax(1.0, fabs(value)))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.value is not numerator / denominator as a percentage.",
			       where);
	if (k && check_order(where, strcmp(m->readings[k - 1].taken_on, r->taken_on) < 0, e) < 0)
		return -1;
	return 0;
}

static int read_metric(struct import *im, const char *where, json_t *v, struct imp_metric *m,
		       err *e)
{
	metric_row *r = &m->row;
	json_t *readings;
	drop_nulls(v, (const char *const[]){"baseline", "target", NULL});
	double baseline = NAN, target = NAN;
	if (unpack(v, where, e, "{s:s, s:s, s:s, s:s, s?F, s?F, s:s, s:s, s:o!}", "name", &r->name,
		   "kind", &r->kind, "unit", &r->unit, "direction", &r->direction,
		   "baseline", &baseline, "target", &target, "created_at", &r->created_at,
		   "updated_at", &r->updated_at, "readings", &readings) < 0 ||
	    check_stamp(where, r->created_at, e) < 0 || check_stamp(where, r->updated_at, e) < 0)
		return -1;
	r->has_baseline = !isnan(baseline);
	r->has_target = !isnan(target);
	r->baseline = r->has_baseline ? baseline : 0;
	r->target = r->has_target ? target : 0;
	if (metric_validate(r, e) < 0)
		return damaged_at(where, e);
	if (!list_field(readings, where, "readings", &m->n_readings, e))
		return -1;
	size_t n = m->n_readings + 1;
	m->readings = arena_alloc(im->d->mem, n * sizeof *m->readings);
	m->review_action = arena_alloc(im->d->mem, n * sizeof *m->review_action);
	m->review_at = arena_alloc(im->d->mem, n * sizeof *m->review_at);
	size_t k;
	json_t *rv;
	json_array_foreach(readings, k, rv) {
		char w[160];
		snprintf(w, sizeof w, "%s.readings[%zu]", where, k);
		if (read_reading(im, w, rv, m, k, e) < 0)
			return -1;
	}
	return 0;
}

/* Cornerstone, then a catalogue measure of that cornerstone or the
 * organisation's own wording, never both; a catalogue measure once a
 * cycle, as measure_add has it. */
static int check_measure(struct import *im, size_t i, const char *where, err *e)
{
	struct imp_measure *im_m = &im->measures[i];
	const measure_row *m = &im_m->row;
	if (text_check_line("The cycle", m->cycle, true, e) < 0)
		return damaged_at(where, e);
	if (!framework_section(im_m->fw, m->cornerstone_key))
		return err_set(e, ERR_INPUT, "the export is damaged: %s names cornerstone \"%.20s\", which its catalogue does not have.",
			       where, m->cornerstone_key);
	if (!m->catalogue_key == !m->own_text)
		return err_set(e, ERR_INPUT, "the export is damaged: %s needs a catalogue_key or its own_text, not both.",
			       where);
	if (m->own_text)
		return text_check_long("Your own measure", m->own_text, true, e) < 0 ? damaged_at(where, e) : 0;
	measure_item it;
	const char *in = NULL;
	if (!measure_catalogue_find(im_m->fw, m->catalogue_key, &it, &in) ||
	    strcmp(in, m->cornerstone_key) != 0)
		return err_set(e, ERR_INPUT, "the export is damaged: %s names catalogue measure \"%.20s\", which cornerstone %s of its catalogue does not have.",
			       where, m->catalogue_key, m->cornerstone_key);
	for (size_t k = 0; k < i; k++) {
		const measure_row *o = &im->measures[k].row;
		if (o->catalogue_key && !strcmp(o->catalogue_key, m->catalogue_key) &&
		    !strcmp(o->cycle, m->cycle))
			return err_set(e, ERR_INPUT, "the export is damaged: %s repeats catalogue measure %s of cycle %s (measures[%zu]).",
				       where, m->catalogue_key, m->cycle, k);
	}
	return 0;
}

static int read_measure(struct import *im, size_t i, json_t *v, err *e)
{
	struct imp_measure *mm = &im->measures[i];
	measure_row *r = &mm->row;
	json_int_t ref, carried = 0;
	const char *fw_id;
	json_t *metrics, *links;
	char where[64], lw[80];
	snprintf(where, sizeof where, "measures[%zu]", i);
	snprintf(lw, sizeof lw, "%s.links", where);
	drop_nulls(v, (const char *const[]){"catalogue_key", "own_text", "carried_from", NULL});
	if (unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:s, s?s, s?s, s:s, s:s, s:s, s:s, s?I, s:s, s:s, s:o, s:o!}",
		   "ref", &ref, "framework", &fw_id, "framework_hash", &r->framework_hash,
		   "cycle", &r->cycle, "cornerstone", &r->cornerstone_key,
		   "catalogue_key", &r->catalogue_key, "own_text", &r->own_text,
		   "improve", &r->improve, "know", &r->know, "measuring", &r->measuring,
		   "evaluation", &r->evaluation, "carried_from", &carried,
		   "created_at", &r->created_at, "updated_at", &r->updated_at,
		   "metrics", &metrics, "links", &links) < 0)
		return -1;
	if (ref != (json_int_t)i + 1)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
	if (strcmp(fw_id, MEASURE_FRAMEWORK) != 0 || !(mm->fw = version_of(im, fw_id, r->framework_hash)))
		return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold (a measure uses %s).",
			       where, MEASURE_FRAMEWORK);
	/* A measure is carried into a later cycle, so from one before it. */
	if (carried && (carried < 1 || carried >= ref))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.carried_from names a measure the file does not hold before it.",
			       where);
	r->carried_from = carried;
	measure_grid g = {r->improve, r->know, r->measuring, r->evaluation};
	if (check_measure(im, i, where, e) < 0 || check_stamp(where, r->created_at, e) < 0 ||
	    check_stamp(where, r->updated_at, e) < 0)
		return -1;
	if (measure_grid_check(&g, e) < 0)
		return damaged_at(where, e);
	/* Links are listed on the measure with the lower ref. */
	if (read_ref_list(im, lw, links, im->n_measures, "a measure", &mm->links, &mm->n_links, e) < 0)
		return -1;
	if (mm->n_links && mm->links[0] <= ref)
		return err_set(e, ERR_INPUT, "the export is damaged: %s[0] should name a later measure (a link is listed once, on the measure with the lower ref).",
			       lw);
	if (!list_field(metrics, where, "metrics", &mm->n_metrics, e))
		return -1;
	mm->metrics = arena_alloc(im->d->mem, (mm->n_metrics + 1) * sizeof *mm->metrics);
	size_t k;
	json_t *mv;
	json_array_foreach(metrics, k, mv) {
		char w[120];
		snprintf(w, sizeof w, "%s.metrics[%zu]", where, k);
		if (read_metric(im, w, mv, &mm->metrics[k], e) < 0)
			return -1;
	}
	return 0;
}

static int read_measures(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "measures");
	im->measures = arena_alloc(im->d->mem, (im->n_measures + 1) * sizeof *im->measures);
	im->measure_ids = arena_alloc(im->d->mem, (im->n_measures + 1) * sizeof *im->measure_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v)
		if (read_measure(im, i, v, e) < 0)
			return -1;
	return 0;
}

/* ---- "You said, we did" ---------------------------------------------------- */

static int read_you_said(struct import *im, err *e)
{
	im->you_said = arena_alloc(im->d->mem, (im->n_you_said + 1) * sizeof *im->you_said);
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "you_said"), i, v) {
		you_said_row *y = &im->you_said[i];
		json_t *groups;
		json_int_t action = 0;
		int published;
		char where[64];
		snprintf(where, sizeof where, "you_said[%zu]", i);
		drop_nulls(v, (const char *const[]){"did_on", "action", NULL});
		if (unpack(v, where, e, "{s:s, s:s, s:s, s?s, s:o, s:b, s?I, s:s, s:s!}", "said", &y->said,
			   "did", &y->did, "said_on", &y->said_on, "did_on", &y->did_on,
			   "partner_groups", &groups, "published", &published, "action", &action,
			   "created_at", &y->created_at, "updated_at", &y->updated_at) < 0 ||
		    parse_groups(groups, where, &y->groups, e) < 0 ||
		    check_stamp(where, y->created_at, e) < 0 || check_stamp(where, y->updated_at, e) < 0)
			return -1;
		y->published = published;
		/* The action is checked here by ref: it is not written yet. */
		if (you_said_validate(im->d, y, e) < 0)
			return damaged_at(where, e);
		if (action && (action < 1 || (size_t)action > im->n_actions))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.action names an action the file does not hold.",
				       where);
		y->action_id = action;
	}
	return 0;
}

/* ---- the whole document ------------------------------------------------ */

static int check_format(struct import *im, err *e)
{
	json_t *doc = im->doc;
	const char *format = json_is_object(doc) ? json_string_value(json_object_get(doc, "format")) : NULL;
	im->format = !format ? 0
		: !strcmp(format, EXPORT_FORMAT) ? 3
		: !strcmp(format, EXPORT_FORMAT_2) ? 2
		: !strcmp(format, EXPORT_FORMAT_1) ? 1 : 0;
	if (!im->format)
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
	json_t *org, *lists[9] = {NULL};
	const char *fmt;
	/* Older formats lack lists: they are empty there. */
	static const char *const since2[] = {"projects", "audits"};
	static const char *const since3[] = {"measures", "plans", "you_said"};
	for (size_t i = 0; i < 2; i++)
		if (older_field(im, 2, im->doc, "the document", since2[i], json_array(), e) < 0)
			return -1;
	for (size_t i = 0; i < 3; i++)
		if (older_field(im, 3, im->doc, "the document", since3[i], json_array(), e) < 0)
			return -1;
	if (unpack(im->doc, "the document", e, "{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o!}",
		   "format", &fmt, "organisation", &org, "framework_versions", &lists[0],
		   "evaluations", &lists[1], "evidence", &lists[2], "projects", &lists[3],
		   "audits", &lists[4], "measures", &lists[5], "plans", &lists[6],
		   "actions", &lists[7], "you_said", &lists[8]) < 0)
		return -1;
	for (size_t i = 0; i < 9; i++)
		if (!json_is_array(lists[i]))
			return err_set(e, ERR_INPUT, "the export is damaged: its lists are not lists.");
	im->n_evidence = json_array_size(lists[2]);
	im->evidence_ids = arena_alloc(im->d->mem, (im->n_evidence + 1) * sizeof *im->evidence_ids);
	/* Actions name measures, and readings name actions' reviews, so
	 * both counts are known before either is read. */
	im->n_measures = json_array_size(lists[5]);
	im->n_plans = json_array_size(lists[6]);
	im->n_actions = json_array_size(lists[7]);
	im->n_you_said = json_array_size(lists[8]);
	return read_versions(im, e) < 0 || read_org(im, e) < 0 || read_evaluations(im, e) < 0 ||
	       read_evidence(im, e) < 0 || read_projects(im, e) < 0 || read_audits(im, e) < 0 ||
	       read_plans(im, e) < 0 || read_actions(im, e) < 0 || read_measures(im, e) < 0 ||
	       read_you_said(im, e) < 0 || check_versions_used(im, e) < 0 ? -1 : 0;
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
	/* Once all are written, each can name the one it started from. */
	for (size_t i = 0; i < im->n_evals; i++)
		if (im->eval_previous[i] &&
		    store_evaluation_set_previous(s, im->eval_ids[i], im->eval_ids[im->eval_previous[i] - 1], e) < 0)
			return -1;
	return 0;
}

/* One evidence link. A carried link that was confirmed is confirmed as
 * soon as it is written: the store confirms every unconfirmed carried link
 * of the statement and item at once, so the unconfirmed ones come after
 * (see write_evidence). */
static int write_link(struct import *im, int64_t evidence, json_t *lv, bool confirmed_pass, err *e)
{
	store *s = im->d->db;
	json_int_t ref;
	int carried;
	const char *confirmed = NULL;
	link_row lr = {.evidence_id = evidence};
	json_unpack(lv, "{s:I, s:s, s:s, s:s, s:b, s?s}", "evaluation", &ref, "statement",
		    &lr.element_key, "indicator", &lr.indicator_key, "created_at", &lr.created_at,
		    "carried", &carried, "confirmed_at", &confirmed);
	lr.evaluation_id = im->eval_ids[ref - 1];
	bool waiting = carried && !confirmed;
	if (waiting != !confirmed_pass)
		return 0;
	if (!carried)
		return store_link_add(s, &lr, e);
	size_t n;
	if (store_link_add_carried(s, &lr, e) < 0)
		return -1;
	return confirmed ? store_links_confirm(s, lr.evaluation_id, lr.element_key, evidence,
					       confirmed, &n, e)
			 : 0;
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
		json_array_foreach(links, l, lv)
			if (write_link(im, im->evidence_ids[i], lv, true, e) < 0)
				return -1;
		json_array_foreach(links, l, lv)
			if (write_link(im, im->evidence_ids[i], lv, false, e) < 0)
				return -1;
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

static int write_measures(struct import *im, int64_t org, err *e)
{
	store *s = im->d->db;
	for (size_t i = 0; i < im->n_measures; i++) {
		struct imp_measure *m = &im->measures[i];
		measure_row row = m->row;
		row.organisation_id = org;
		row.carried_from = row.carried_from ? im->measure_ids[row.carried_from - 1] : 0;
		if (put_version(im, m->fw, row.created_at, e) < 0 ||
		    store_measure_insert(s, &row, &im->measure_ids[i], e) < 0)
			return -1;
		for (size_t k = 0; k < m->n_metrics; k++) {
			m->metrics[k].row.measure_id = im->measure_ids[i];
			if (store_metric_insert(s, &m->metrics[k].row, &m->metrics[k].row.id, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int write_plans(struct import *im, int64_t org, err *e)
{
	store *s = im->d->db;
	for (size_t i = 0; i < im->n_plans; i++) {
		struct imp_plan *p = &im->plans[i];
		plan_row row = p->row;
		row.organisation_id = org;
		row.seeded_from = row.seeded_from ? im->eval_ids[row.seeded_from - 1] : 0;
		int64_t id;
		if (put_version(im, p->fw, row.created_at, e) < 0 || store_plan_insert(s, &row, &id, e) < 0)
			return -1;
		im->plan_ids[i] = id;
		for (size_t k = 0; k < p->n_statements; k++) {
			p->statements[k].plan_id = id;
			if (store_plan_statement_put(s, &p->statements[k], e) < 0)
				return -1;
		}
		for (size_t k = 0; k < p->n_answers; k++) {
			p->answers[k].plan_id = id;
			if (store_plan_answer_put(s, &p->answers[k], e) < 0)
				return -1;
		}
		for (size_t k = 0; k < p->n_aspects; k++) {
			p->aspects[k].plan_id = id;
			if (store_plan_aspect_put(s, &p->aspects[k], e) < 0)
				return -1;
		}
	}
	return 0;
}

static int write_action_reviews(struct import *im, struct imp_action *a, int64_t action, err *e)
{
	for (size_t k = 0; k < a->n_reviews; k++) {
		a->reviews[k].action_id = action;
		if (store_action_review_insert(im->d->db, &a->reviews[k], &a->review_ids[k], e) < 0)
			return -1;
		for (size_t x = 0; x < a->n_review_evidence[k]; x++)
			if (store_action_review_evidence_add(im->d->db, a->review_ids[k],
							     im->evidence_ids[a->review_evidence[k][x] - 1], e) < 0)
				return -1;
	}
	return 0;
}

static int write_actions(struct import *im, int64_t org, err *e)
{
	for (size_t i = 0; i < im->n_actions; i++) {
		struct imp_action *ia = &im->actions[i];
		action_row a = ia->row;
		a.organisation_id = org;
		a.source_evaluation_id = a.source_evaluation_id ? im->eval_ids[a.source_evaluation_id - 1] : 0;
		a.source_audit_id = a.source_audit_id ? im->audit_ids[a.source_audit_id - 1] : 0;
		a.source_plan_id = a.source_plan_id ? im->plan_ids[a.source_plan_id - 1] : 0;
		a.source_measure_id = a.source_measure_id ? im->measure_ids[a.source_measure_id - 1] : 0;
		if (store_action_insert(im->d->db, &a, &im->action_ids[i], e) < 0 ||
		    write_action_reviews(im, ia, im->action_ids[i], e) < 0)
			return -1;
	}
	return 0;
}

/* Readings after the actions: a reading names the review that added it.
 * A link's time is not in the file: it gets the later measure's. */
static int write_readings_and_links(struct import *im, err *e)
{
	store *s = im->d->db;
	for (size_t i = 0; i < im->n_measures; i++) {
		struct imp_measure *m = &im->measures[i];
		for (size_t k = 0; k < m->n_metrics; k++) {
			struct imp_metric *mt = &m->metrics[k];
			for (size_t r = 0; r < mt->n_readings; r++) {
				reading_row row = mt->readings[r];
				int64_t id;
				row.metric_id = mt->row.id;
				row.review_id = mt->review_action[r]
					? im->actions[mt->review_action[r] - 1].review_ids[mt->review_at[r] - 1]
					: 0;
				if (store_reading_insert(s, &row, &id, e) < 0)
					return -1;
			}
		}
		for (size_t k = 0; k < m->n_links; k++) {
			size_t other = (size_t)m->links[k] - 1;
			if (store_measure_link_add(s, im->measure_ids[i], im->measure_ids[other],
						   im->measures[other].row.created_at, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int write_you_said(struct import *im, int64_t org, err *e)
{
	for (size_t i = 0; i < im->n_you_said; i++) {
		you_said_row y = im->you_said[i];
		int64_t id;
		y.organisation_id = org;
		y.action_id = y.action_id ? im->action_ids[y.action_id - 1] : 0;
		if (store_you_said_insert(im->d->db, &y, &id, e) < 0)
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
	return write_measures(im, org, e) < 0 || write_plans(im, org, e) < 0 ||
	       write_actions(im, org, e) < 0 || write_readings_and_links(im, e) < 0 ||
	       write_you_said(im, org, e) < 0 ? -1 : 0;
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
