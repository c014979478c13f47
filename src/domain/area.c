/* area.c: the area's picture built from the store's aggregate rows: the
 * grid of organisations by principle, the levels counted against the
 * instrument's own level list, outcomes per academic year, and the
 * projects with their model's title and number of steps. */
#include "domain/area.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/area.h"
#include "store/audit.h"

void picture_dates_for(const char *today, picture_dates *out)
{
	memset(out, 0, sizeof *out);
	if (today && date_valid(today))
		memcpy(out->today, today, 10);
	else
		date_today(out->today);
	char iso[21], back[21];
	memcpy(iso, out->today, 10);
	memcpy(iso + 10, "T00:00:00Z", 11);
	time_iso(time_parse_iso(iso) - 365 * 86400, back);
	memcpy(out->since, back, 10);
	int y = atoi(out->today), m = atoi(out->today + 5);
	out->year = m >= 9 ? y : y - 1;
	unsigned from = (unsigned)out->year % 10000u, to = (unsigned)(out->year + 1) % 10000u;
	snprintf(out->year_from, sizeof out->year_from, "%04u-09-01", from);
	snprintf(out->year_to, sizeof out->year_to, "%04u-08-31", to);
}

picture_window picture_dates_window(const picture_dates *d)
{
	return (picture_window){.today = d->today, .since = d->since, .year_from = d->year_from,
			     .year_to = d->year_to};
}

size_t picture_outcomes(arena *a, const framework *fw, fw_item **out)
{
	*out = ARENA_ARRAY(a, fw->n_outcomes, *out);
	for (size_t i = 0; i < fw->n_outcomes; i++)
		(*out)[i] = (fw_item){.key = fw->outcomes[i].key, .title = fw->outcomes[i].title};
	return fw->n_outcomes;
}

int picture_item_index(const fw_item *items, size_t n, const char *key)
{
	for (size_t i = 0; key && i < n; i++)
		if (items[i].key && !strcmp(items[i].key, key))
			return (int)i;
	return -1;
}

int picture_level_index(const area_picture *p, const char *key)
{
	return picture_item_index(p->levels, p->n_levels, key);
}

static int principle_index(const framework *fw, const char *key)
{
	const fw_section *s = key ? framework_section(fw, key) : NULL;
	return s ? (int)(s - fw->sections) : -1;
}

/* Organisations by id, to place each level row in its organisation. */
typedef struct by_id {
	int64_t id;
	size_t index;
} by_id;

static int cmp_by_id(const void *a, const void *b)
{
	int64_t x = ((const by_id *)a)->id, y = ((const by_id *)b)->id;
	return (x > y) - (x < y);
}

static void place_levels(area_picture *p, arena *a, const picture_level_list *levels)
{
	by_id *ids = arena_array(a, p->n_orgs, sizeof *ids);
	for (size_t i = 0; i < p->n_orgs; i++)
		ids[i] = (by_id){p->orgs[i].row.id, i};
	qsort(ids, p->n_orgs, sizeof *ids, cmp_by_id);
	for (size_t i = 0; i < levels->n; i++) {
		const picture_level_row *l = &levels->items[i];
		by_id key = {l->organisation_id, 0};
		const by_id *hit = bsearch(&key, ids, p->n_orgs, sizeof *ids, cmp_by_id);
		int pi = principle_index(p->fw, l->principle_key);
		if (hit && pi >= 0)
			p->orgs[hit->index].levels[pi] = l->level;
	}
}

/* The levels counted per principle from the grid's own rows (one query
 * fewer than counting them in SQL: each is a round trip on PostgreSQL);
 * a level the instrument does not list, or none recorded, is not counted. */
static void count_levels(area_picture *p, arena *a, const picture_level_list *levels)
{
	size_t np = p->fw->n_sections;
	p->counts = arena_array(a, np * p->n_levels, sizeof *p->counts);
	p->recorded = arena_array(a, np, sizeof *p->recorded);
	for (size_t i = 0; i < levels->n; i++) {
		const picture_level_row *l = &levels->items[i];
		int pi = principle_index(p->fw, l->principle_key), li = picture_level_index(p, l->level);
		if (pi < 0 || li < 0)
			continue;
		p->counts[(size_t)pi * p->n_levels + (size_t)li]++;
		p->recorded[pi]++;
	}
}

static void add_org(area_picture *p, arena *a, const picture_org_row *row)
{
	picture_org *o = &p->orgs[p->n_orgs++];
	o->row = *row;
	o->levels = arena_array(a, p->fw->n_sections, sizeof *o->levels);
	o->review_overdue = o->row.audit_id && o->row.review_on &&
			    strcmp(o->row.review_on, p->dates.today) < 0;
	p->audited += o->row.audit_id != 0;
	p->audited_recently += o->row.audited_recently;
	p->reviews_overdue += o->review_overdue;
	p->started += o->row.evaluation_id != 0;
	p->submitted += o->row.evaluation_status && !strcmp(o->row.evaluation_status, "submitted");
}

/* The picture, with each latest self-evaluation's judged statements
 * counted among `judged_keys` (NULL: not counted). */
static int picture_load(domain *d, int64_t area, const picture_filter *f, const char *today,
			const char *judged_keys, area_picture *p, err *e)
{
	memset(p, 0, sizeof *p);
	p->fw = fw_registry_find(d->frameworks, PICTURE_AUDIT_FRAMEWORK);
	if (!p->fw)
		return err_set(e, ERR_NOTFOUND,
			       "the instrument " PICTURE_AUDIT_FRAMEWORK " is not installed: put "
			       PICTURE_AUDIT_FRAMEWORK ".json back in copro's frameworks folder.");
	p->evaluation_fw = fw_registry_find(d->frameworks, PICTURE_EVALUATION_FRAMEWORK);
	picture_dates_for(today, &p->dates);
	picture_window w = picture_dates_window(&p->dates);
	w.framework = PICTURE_EVALUATION_FRAMEWORK;
	w.judged_keys = judged_keys;
	picture_org_list orgs;
	picture_level_list levels;
	if (store_picture_orgs(d->db, d->mem, area, f, &w, &orgs, e) < 0 ||
	    store_picture_levels(d->db, d->mem, area, f, &levels, e) < 0)
		return -1;
	size_t np = p->fw->n_sections;
	p->orgs = arena_array(d->mem, orgs.n, sizeof *p->orgs);
	for (size_t i = 0; i < orgs.n; i++)
		add_org(p, d->mem, &orgs.items[i]);
	place_levels(p, d->mem, &levels);
	if (np && p->fw->sections[0].n_elements) {
		p->levels = p->fw->sections[0].elements[0].levels;
		p->n_levels = p->fw->sections[0].elements[0].n_levels;
	}
	count_levels(p, d->mem, &levels);
	return 0;
}

int area_picture_load(domain *d, int64_t area, const picture_filter *f, const char *today,
		      area_picture *p, err *e)
{
	return picture_load(d, area, f, today, NULL, p, e);
}

int picture_no_evaluation_fw(err *e)
{
	return err_set(e, ERR_NOTFOUND,
		       "the instrument " PICTURE_EVALUATION_FRAMEWORK " is not installed: put "
		       PICTURE_EVALUATION_FRAMEWORK ".json back in copro's frameworks folder.");
}

/* The keys of the statements in the tool's cornerstones, each between two
 * of a character no key holds: the store counts a judgement only when its
 * key is one of them (a key of an older version of the tool is not). */
static const char *judged_keys(arena *a, const framework *fw)
{
	static const char seps[] = "\n|/ ,;";
	for (const char *sep = seps; *sep; sep++) {
		const char *keys = arena_printf(a, "%c", *sep);
		bool clash = false;
		for (size_t s = 0; s < fw->n_sections && !clash; s++)
			for (size_t k = 0; k < fw->sections[s].n_elements && !clash; k++) {
				const char *key = fw->sections[s].elements[k].key;
				clash = strchr(key, *sep) != NULL;
				keys = arena_printf(a, "%s%s%c", keys, key, *sep);
			}
		if (!clash)
			return keys;
	}
	return "\n";
}

int area_portfolio_load(domain *d, int64_t area, area_picture *p, err *e)
{
	/* Each instrument's message in the order the page met them before. */
	const framework *fw = fw_registry_find(d->frameworks, PICTURE_EVALUATION_FRAMEWORK);
	if (!fw && fw_registry_find(d->frameworks, PICTURE_AUDIT_FRAMEWORK))
		return picture_no_evaluation_fw(e);
	return picture_load(d, area, NULL, NULL, fw ? judged_keys(d->mem, fw) : NULL, p, e);
}

static int cmp_support(const void *a, const void *b)
{
	const picture_support *x = a, *y = b;
	if (x->at_lowest != y->at_lowest)
		return x->at_lowest < y->at_lowest ? 1 : -1;
	return (x->principle > y->principle) - (x->principle < y->principle);
}

size_t picture_support_ranking(const area_picture *p, arena *a, picture_support **out)
{
	size_t np = p->fw->n_sections, n = 0;
	*out = arena_array(a, np, sizeof **out);
	for (size_t i = 0; p->n_levels && i < np; i++) {
		size_t at = p->counts[i * p->n_levels];
		if (at)
			(*out)[n++] = (picture_support){&p->fw->sections[i], at, p->recorded[i]};
	}
	qsort(*out, n, sizeof **out, cmp_support);
	return n;
}

/* Years are filled in between the first and the last so gaps show as
 * zero, unless dates far apart would make a very long list. Rows come
 * oldest year first. */
static void trend_years(picture_trend *t, arena *a, const picture_outcome_count_list *rows)
{
	int64_t first = rows->items[0].year, last = rows->items[rows->n - 1].year;
	if (last - first < 50) {
		t->n_years = (size_t)(last - first + 1);
		t->years = arena_array(a, t->n_years, sizeof *t->years);
		for (size_t i = 0; i < t->n_years; i++)
			t->years[i].year = (int)(first + (int64_t)i);
	} else {
		t->years = arena_array(a, rows->n, sizeof *t->years);
		for (size_t i = 0; i < rows->n; i++)
			if (!t->n_years || t->years[t->n_years - 1].year != rows->items[i].year)
				t->years[t->n_years++].year = (int)rows->items[i].year;
	}
	for (size_t i = 0; i < t->n_years; i++)
		t->years[i].counts = arena_array(a, t->n_outcomes, sizeof *t->years[i].counts);
}

int picture_trend_load(domain *d, int64_t area, const picture_filter *f, picture_trend *t, err *e)
{
	memset(t, 0, sizeof *t);
	const framework *fw = fw_registry_find(d->frameworks, PICTURE_AUDIT_FRAMEWORK);
	if (!fw)
		return err_set(e, ERR_NOTFOUND,
			       "the instrument " PICTURE_AUDIT_FRAMEWORK " is not installed: put "
			       PICTURE_AUDIT_FRAMEWORK ".json back in copro's frameworks folder.");
	t->n_outcomes = picture_outcomes(d->mem, fw, &t->outcomes);
	picture_outcome_count_list rows;
	if (store_picture_outcomes(d->db, d->mem, area, f, &rows, e) < 0)
		return -1;
	if (!rows.n)
		return 0;
	trend_years(t, d->mem, &rows);
	for (size_t i = 0; i < rows.n; i++) {
		int oi = picture_item_index(t->outcomes, t->n_outcomes, rows.items[i].outcome);
		for (size_t y = 0; oi >= 0 && y < t->n_years; y++) {
			if (t->years[y].year != rows.items[i].year)
				continue;
			t->years[y].counts[oi] += (size_t)rows.items[i].n;
			t->years[y].total += (size_t)rows.items[i].n;
		}
	}
	for (size_t y = 0; y < t->n_years; y++)
		if (t->years[y].total > t->most)
			t->most = t->years[y].total;
	return 0;
}

/* The model a project was recorded with: its stored version, else the
 * installed file, else only its id. */
static void project_model(domain *d, picture_project *p)
{
	err ignored = {0};
	bool changed;
	framework *stored = framework_version_load(d, p->row.framework_id, p->row.framework_hash,
						   &changed, &ignored);
	const framework *fw = stored ? stored : fw_registry_find(d->frameworks, p->row.framework_id);
	p->model = fw ? arena_strdup(d->mem, fw->title) : p->row.framework_id;
	p->steps = fw ? fw->n_elements : 0;
	framework_free(stored);
}

int picture_projects_load(domain *d, int64_t area, const picture_filter *f, picture_project **out,
			  size_t *n, err *e)
{
	picture_project_list rows;
	if (store_picture_projects(d->db, d->mem, area, f, &rows, e) < 0)
		return -1;
	*out = arena_array(d->mem, rows.n, sizeof **out);
	*n = rows.n;
	/* Projects share a handful of model versions: each is loaded once. */
	picture_project *models = arena_array(d->mem, rows.n, sizeof *models);
	size_t n_models = 0;
	for (size_t i = 0; i < rows.n; i++) {
		picture_project *p = &(*out)[i];
		p->row = rows.items[i];
		for (size_t j = 0; j < n_models && !p->model; j++) {
			if (!strcmp(models[j].row.framework_id, p->row.framework_id) &&
			    !strcmp(models[j].row.framework_hash, p->row.framework_hash)) {
				p->model = models[j].model;
				p->steps = models[j].steps;
			}
		}
		if (!p->model) {
			project_model(d, p);
			models[n_models++] = *p;
		}
	}
	return 0;
}

int area_find(domain *d, const char *name, int64_t *id, err *e)
{
	*id = 0;
	return store_audit_area_find(d->db, name, id, e);
}

int area_name(domain *d, int64_t area, const char **name, err *e)
{
	int found = store_picture_area_name(d->db, d->mem, area, name, e);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(e, ERR_NOTFOUND, "there is no area number %lld.", (long long)area);
	return 0;
}

DOMAIN_LIST_BY_ID(area_org_types, store_picture_types, picture_text_list)
