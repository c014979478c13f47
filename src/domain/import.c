/* import.c: loading an export (docs/export.md) as a new organisation. The
 * whole file is checked first (format, checksum, every record's shape and
 * values, every reference), then written in one transaction: a damaged or
 * foreign file changes nothing. */
#include "domain/import_internal.h"

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
int import_unpack(json_t *obj, const char *where, err *e, const char *fmt, ...)
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
void import_drop_nulls(json_t *obj, const char *const *keys)
{
	if (!json_is_object(obj))
		return;
	for (; *keys; keys++)
		if (json_is_null(json_object_get(obj, *keys)))
			json_object_del(obj, *keys);
}

int import_parse_groups(json_t *arr, const char *where, int *groups, err *e)
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

int import_check_stamp(const char *where, const char *stamp, err *e)
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
int import_damaged_at(const char *where, err *e)
{
	char why[sizeof e->msg];
	snprintf(why, sizeof why, "%s", e->msg);
	return err_set(e, ERR_INPUT, "the export is damaged: %s: %s", where, why);
}

int import_check_date_or_null(const char *where, const char *what, const char *date, err *e)
{
	if (date && date_check(what, date, e) < 0)
		return import_damaged_at(where, e);
	return 0;
}


/* A file in an older format lacks fields format 3 added: they get their
 * value in it (`value`, taken), and a file that has them anyway is
 * refused, as it is not what that format wrote. */
int import_older_field(struct import *im, int before, json_t *obj, const char *where,
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
	im->versions = arena_array(im->d->mem, im->n_versions, sizeof *im->versions);
	im->version_used = arena_array(im->d->mem, im->n_versions, sizeof *im->version_used);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		const char *id, *hash;
		json_t *body;
		char where[64];
		snprintf(where, sizeof where, "framework_versions[%zu]", i);
		if (import_unpack(v, where, e, "{s:s, s:s, s:o!}", "id", &id, "hash", &hash, "body", &body) < 0)
			return -1;
		char *text = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
		fw_report *rep = calloc(1, sizeof *rep);
		if (!rep || !text)
			abort();
		char name[200];
		snprintf(name, sizeof name, "%s.json", id);
		im->versions[i] = framework_load_canonical(name, text, rep);
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
framework *import_version_of(struct import *im, const char *id, const char *hash)
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
	import_drop_nulls(json_object_get(im->doc, "organisation"), nullable);
	if (import_unpack(json_object_get(im->doc, "organisation"), "organisation", e,
		   "{s:s, s:s, s:s, s?s, s?s, s?s, s?s, s?s, s?s, s:s, s:s!}",
		   "name", &o->name, "type", &o->type, "sector", &o->sector, "area", &o->area,
		   "urn", &o->urn, "ukprn", &o->ukprn, "ods_code", &o->ods_code,
		   "opened_on", &o->opened_on, "closed_on", &o->closed_on,
		   "created_at", &o->created_at, "updated_at", &o->updated_at) < 0)
		return -1;
	if (org_validate(o, e) < 0 || import_check_stamp("organisation.created_at", o->created_at, e) < 0 ||
	    import_check_stamp("organisation.updated_at", o->updated_at, e) < 0)
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
		if (import_unpack(rv, where, e, "{s:s, s:s, s:s, s:s, s:o, s:s!}", "statement", &statement,
			   "strengths", &strengths, "areas_for_development", &areas, "status", &status,
			   "partner_groups", &groups, "updated_at", &updated) < 0 ||
		    import_parse_groups(groups, where, &g, e) < 0 || import_check_stamp(where, updated, e) < 0)
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
		if (import_unpack(v, where, e, "{s:s, s:s, s:s, s:s!}", "statement", &statement, "key", &key,
			   "text", &text, "created_at", &created) < 0 ||
		    text_check_long("The indicator text", text, true, e) < 0 ||
		    import_check_stamp(where, created, e) < 0)
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
	im->evals = arena_array(im->d->mem, im->n_evals, sizeof *im->evals);
	im->eval_fw = arena_array(im->d->mem, im->n_evals, sizeof *im->eval_fw);
	im->eval_ids = arena_array(im->d->mem, im->n_evals, sizeof *im->eval_ids);
	im->eval_previous = arena_array(im->d->mem, im->n_evals, sizeof *im->eval_previous);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		evaluation_row *ev = &im->evals[i];
		json_int_t ref, previous = 0;
		json_t *reviews, *own;
		char where[64];
		snprintf(where, sizeof where, "evaluations[%zu]", i);
		if (import_older_field(im, 3, v, where, "previous", json_null(), e) < 0)
			return -1;
		import_drop_nulls(v, (const char *const[]){"previous", NULL});
		if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:s, s?I, s:s, s:s, s:s, s:o, s:o!}", "ref", &ref,
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
		im->eval_fw[i] = import_version_of(im, ev->framework_id, ev->framework_hash);
		if (!im->eval_fw[i])
			return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold.", where);
		if (text_check_line("cycle", ev->cycle, true, e) < 0 ||
		    import_check_stamp(where, ev->created_at, e) < 0 || import_check_stamp(where, ev->updated_at, e) < 0)
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
framework *import_eval_by_ref(struct import *im, json_int_t ref)
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
		if (import_older_field(im, 3, lv, lw, "carried", json_false(), e) < 0 ||
		    import_older_field(im, 3, lv, lw, "confirmed_at", json_null(), e) < 0)
			return -1;
		import_drop_nulls(lv, (const char *const[]){"confirmed_at", NULL});
		if (import_unpack(lv, lw, e, "{s:I, s:s, s:s, s:s, s:b, s?s!}", "evaluation", &ref,
			   "statement", &statement, "indicator", &indicator, "created_at", &created,
			   "carried", &carried, "confirmed_at", &confirmed) < 0 ||
		    import_check_stamp(lw, created, e) < 0 || (confirmed && import_check_stamp(lw, confirmed, e) < 0))
			return -1;
		if (confirmed && !carried)
			return err_set(e, ERR_INPUT, "the export is damaged: %s is confirmed but was not carried from an earlier cycle (only carried links are confirmed).",
				       lw);
		framework *fw = import_eval_by_ref(im, ref);
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
		import_drop_nulls(v, (const char *const[]){"url", NULL});
		if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:s, s?s, s:o, s:s, s:s, s:o!}", "ref", &ref,
			   "title", &ev.title, "description", &ev.description, "date", &ev.date,
			   "url", &ev.url, "partner_groups", &groups, "created_at", &ev.created_at,
			   "updated_at", &ev.updated_at, "links", &links) < 0)
			return -1;
		if (ref != (json_int_t)i + 1)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
		if (import_parse_groups(groups, where, &ev.groups, e) < 0 ||
		    text_check_line("The evidence title", ev.title, true, e) < 0 ||
		    text_check_long("The description", ev.description, false, e) < 0 ||
		    text_check_url("The link", ev.url, e) < 0 ||
		    date_check("The evidence date", ev.date, e) < 0 ||
		    import_check_stamp(where, ev.created_at, e) < 0 || import_check_stamp(where, ev.updated_at, e) < 0)
			return -1;
		if (!json_is_array(links))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.links must be a list.", where);
		if (read_links(im, where, links, e) < 0)
			return -1;
	}
	return 0;
}


/* `list`, field `key` of the record at `where`, which must be a list; *n
 * is its length. */
json_t *import_list_field(json_t *list, const char *where, const char *key, size_t *n, err *e)
{
	if (!json_is_array(list)) {
		err_set(e, ERR_INPUT, "the export is damaged: %s.%s must be a list.", where, key);
		return NULL;
	}
	*n = json_array_size(list);
	return list;
}

int import_check_evidence_ref(struct import *im, const char *where, json_int_t ref, err *e)
{
	if (ref < 1 || (size_t)ref > im->n_evidence)
		return err_set(e, ERR_INPUT, "the export is damaged: %s names an evidence item the file does not hold.",
			       where);
	return 0;
}

/* Lists keyed by text are sorted by key, each key once, as the store
 * gives them: a repeated key would merge into one row on import. */
int import_check_order(const char *where, bool ascending, err *e)
{
	if (!ascending)
		return err_set(e, ERR_INPUT,
			       "the export is damaged: %s is repeated or out of order (the list is sorted, each entry once).",
			       where);
	return 0;
}

int import_key_ref_cmp(const char *ka, int64_t ra, const char *kb, int64_t rb)
{
	int c = strcmp(ka, kb);
	return c ? c : (ra > rb) - (ra < rb);
}

/* ---- the whole document ------------------------------------------------ */

static int check_format(struct import *im, err *e)
{
	json_t *doc = im->doc;
	const char *format = json_is_object(doc) ? json_string_value(json_object_get(doc, "format")) : NULL;
	im->format = !format ? 0
		: !strcmp(format, EXPORT_FORMAT) ? 6
		: !strcmp(format, EXPORT_FORMAT_5) ? 5
		: !strcmp(format, EXPORT_FORMAT_4) ? 4
		: !strcmp(format, EXPORT_FORMAT_3) ? 3
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
		if (import_older_field(im, 2, im->doc, "the document", since2[i], json_array(), e) < 0)
			return -1;
	for (size_t i = 0; i < 3; i++)
		if (import_older_field(im, 3, im->doc, "the document", since3[i], json_array(), e) < 0)
			return -1;
	if (import_older_field(im, 4, im->doc, "the document", "view_rounds", json_array(), e) < 0 ||
	    import_older_field(im, 4, im->doc, "the document", "view_settings", json_null(), e) < 0 ||
	    import_older_field(im, 5, im->doc, "the document", "gold", json_null(), e) < 0 ||
	    import_older_field(im, 6, im->doc, "the document", "evidence_files", json_array(), e) < 0)
		return -1;
	json_t *views, *view_settings, *gold, *files;
	if (import_unpack(im->doc, "the document", e,
		   "{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o!}",
		   "format", &fmt, "organisation", &org, "framework_versions", &lists[0],
		   "evaluations", &lists[1], "evidence", &lists[2], "projects", &lists[3],
		   "audits", &lists[4], "measures", &lists[5], "plans", &lists[6],
		   "actions", &lists[7], "you_said", &lists[8], "view_rounds", &views,
		   "view_settings", &view_settings, "gold", &gold, "evidence_files", &files) < 0)
		return -1;
	for (size_t i = 0; i < 9; i++)
		if (!json_is_array(lists[i]))
			return err_set(e, ERR_INPUT, "the export is damaged: its lists are not lists.");
	im->n_evidence = json_array_size(lists[2]);
	im->evidence_ids = arena_array(im->d->mem, im->n_evidence, sizeof *im->evidence_ids);
	/* Actions name measures, and readings name actions' reviews, so
	 * both counts are known before either is read. */
	im->n_measures = json_array_size(lists[5]);
	im->n_plans = json_array_size(lists[6]);
	im->n_actions = json_array_size(lists[7]);
	im->n_you_said = json_array_size(lists[8]);
	return read_versions(im, e) < 0 || read_org(im, e) < 0 || read_evaluations(im, e) < 0 ||
	       read_evidence(im, e) < 0 || import_read_projects(im, e) < 0 || import_read_audits(im, e) < 0 ||
	       import_read_plans(im, e) < 0 || import_read_actions(im, e) < 0 || import_read_measures(im, e) < 0 ||
	       import_read_you_said(im, e) < 0 || import_read_views(im, e) < 0 || import_read_gold(im, e) < 0 ||
	       import_read_files(im, e) < 0 || check_versions_used(im, e) < 0 ? -1 : 0;
}

/* ---- writing -------------------------------------------------------- */

int import_put_version(struct import *im, const framework *fw, const char *now, err *e)
{
	char *body = framework_canonical_text(fw);
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
		if (import_put_version(im, im->eval_fw[i], ev->created_at, e) < 0 ||
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
			import_parse_groups(groups, "review", &row.groups, e);
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
		import_parse_groups(groups, "evidence", &ev.groups, e);
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

static int write_all(struct import *im, int64_t org, err *e)
{
	if (write_evaluations(im, org, e) < 0 || write_evidence(im, org, e) < 0)
		return -1;
	for (size_t i = 0; i < im->n_projects; i++)
		if (import_write_project(im, i, org, e) < 0)
			return -1;
	for (size_t i = 0; i < im->n_audits; i++)
		if (import_write_audit(im, i, org, e) < 0)
			return -1;
	return import_write_measures(im, org, e) < 0 || import_write_plans(im, org, e) < 0 ||
	       import_write_actions(im, org, e) < 0 || import_write_readings_and_links(im, e) < 0 ||
	       import_write_you_said(im, org, e) < 0 || import_write_views(im, org, e) < 0 ||
	       import_write_gold(im, org, e) < 0 || import_write_files(im, org, e) < 0 ? -1 : 0;
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
