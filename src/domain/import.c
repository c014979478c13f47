/* import.c: loading an export (docs/export.md) as a new organisation. The
 * whole file is checked first (format, checksum, every record's shape and
 * values, every reference), then written in one transaction: a damaged or
 * foreign file changes nothing. */
#include "domain/domain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/export.h"

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

/* What one import holds while it is checked and then written. */
struct import {
	domain *d;
	json_t *doc;
	org_row org;
	size_t n_versions, n_evals;
	framework **versions;
	evaluation_row *evals;          /* framework versions by evaluation */
	framework **eval_fw;
	int64_t *eval_ids;              /* database ids once written */
};

static int read_versions(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "framework_versions");
	im->n_versions = json_array_size(list);
	im->versions = arena_alloc(im->d->mem, (im->n_versions + 1) * sizeof *im->versions);
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
	}
	return 0;
}

static framework *version_of(struct import *im, const char *hash)
{
	for (size_t i = 0; i < im->n_versions; i++)
		if (im->versions[i] && strcmp(im->versions[i]->hash, hash) == 0)
			return im->versions[i];
	return NULL;
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
		im->eval_fw[i] = version_of(im, ev->framework_hash);
		if (!im->eval_fw[i] || strcmp(im->eval_fw[i]->id, ev->framework_id) != 0)
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

static int read_rest(struct import *im, err *e)
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
		if (json_is_null(from))
			continue;
		json_int_t ref;
		const char *statement = NULL;
		drop_nulls(from, (const char *const[]){"statement", NULL});
		if (unpack(from, where, e, "{s:I, s?s!}", "evaluation", &ref, "statement", &statement) < 0)
			return -1;
		framework *fw = eval_by_ref(im, ref);
		if (!fw || (statement && !framework_element(fw, statement)))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.from names an evaluation or statement the file does not hold.", where);
	}
	return 0;
}

static int check_document(struct import *im, err *e)
{
	json_t *doc = im->doc;
	const char *format = json_string_value(json_object_get(doc, "format"));
	if (!json_is_object(doc) || !format || strcmp(format, EXPORT_FORMAT) != 0)
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
	json_t *a, *b, *c, *f, *g;
	const char *fmt;
	if (unpack(doc, "the document", e, "{s:s, s:o, s:o, s:o, s:o, s:o!}", "format", &fmt,
		   "organisation", &a, "framework_versions", &b, "evaluations", &c,
		   "evidence", &f, "actions", &g) < 0)
		return -1;
	if (!json_is_array(b) || !json_is_array(c) || !json_is_array(f) || !json_is_array(g))
		return err_set(e, ERR_INPUT, "the export is damaged: its lists are not lists.");
	return read_versions(im, e) < 0 || read_org(im, e) < 0 || read_evaluations(im, e) < 0 ||
	       read_rest(im, e) < 0 || read_evidence(im, e) < 0 ? -1 : 0;
}

/* ---- writing -------------------------------------------------------- */

static int write_evaluations(struct import *im, int64_t org, err *e)
{
	store *s = im->d->db;
	for (size_t i = 0; i < im->n_evals; i++) {
		evaluation_row *ev = &im->evals[i];
		ev->organisation_id = org;
		char *body = json_dumps(im->eval_fw[i]->doc, JSON_COMPACT | JSON_SORT_KEYS);
		int rc = store_framework_version_put(s, ev->framework_id, ev->framework_hash, body,
						     ev->created_at, e);
		free(body);
		if (rc < 0 || store_evaluation_insert(s, ev, &im->eval_ids[i], e) < 0)
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

static int write_records(struct import *im, int64_t org, err *e)
{
	store *s = im->d->db;
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "evidence"), i, v) {
		evidence_row ev = {.organisation_id = org};
		json_t *groups, *links;
		int64_t id;
		json_unpack(v, "{s:s, s:s, s:s, s?s, s:o, s:s, s:s, s:o}", "title", &ev.title,
			    "description", &ev.description, "date", &ev.date, "url", &ev.url,
			    "partner_groups", &groups, "created_at", &ev.created_at,
			    "updated_at", &ev.updated_at, "links", &links);
		parse_groups(groups, "evidence", &ev.groups, e);
		if (store_evidence_insert(s, &ev, &id, e) < 0)
			return -1;
		size_t l;
		json_t *lv;
		json_array_foreach(links, l, lv) {
			json_int_t ref;
			link_row lr = {.evidence_id = id};
			json_unpack(lv, "{s:I, s:s, s:s, s:s}", "evaluation", &ref, "statement",
				    &lr.element_key, "indicator", &lr.indicator_key, "created_at", &lr.created_at);
			lr.evaluation_id = im->eval_ids[ref - 1];
			if (store_link_add(s, &lr, e) < 0)
				return -1;
		}
	}
	json_array_foreach(json_object_get(im->doc, "actions"), i, v) {
		action_row a = {.organisation_id = org};
		json_t *from;
		int64_t id;
		json_unpack(v, "{s:s, s:s, s?s, s?s, s:s, s:o, s:s, s:s}", "title", &a.title,
			    "owner", &a.owner, "due_on", &a.due_on, "review_on", &a.review_on,
			    "status", &a.status, "from", &from, "created_at", &a.created_at,
			    "updated_at", &a.updated_at);
		if (!json_is_null(from)) {
			json_int_t ref;
			json_unpack(from, "{s:I, s?s}", "evaluation", &ref, "statement", &a.source_element_key);
			a.source_evaluation_id = im->eval_ids[ref - 1];
		}
		if (store_action_insert(s, &a, &id, e) < 0)
			return -1;
	}
	return 0;
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
	if (store_org_insert(d->db, &im.org, org, e) < 0 || write_evaluations(&im, *org, e) < 0 ||
	    write_records(&im, *org, e) < 0 || store_commit(d->db, e) < 0)
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
