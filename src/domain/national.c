/* national.c: the whole-country summary built from the store's rows grouped
 * by area: each area's figures placed by area id, the totals added up here
 * (not queried again), and the JSON and CSV renderings. */
#include "domain/national.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/national.h"

const char *const national_status_names[NATIONAL_STATUSES] = {"draft", "in-review", "submitted"};

#define NO_AREA_NAME "No area"

/* Areas by id, to place each store row in its area. */
typedef struct area_index {
	int64_t id;
	size_t at;
} area_index;

typedef struct placer {
	national_summary *s;
	arena *mem;
	area_index *ids;        /* sorted by id */
	size_t n_ids;
} placer;

static int cmp_area_index(const void *a, const void *b)
{
	int64_t x = ((const area_index *)a)->id, y = ((const area_index *)b)->id;
	return (x > y) - (x < y);
}

static void counts_init(national_counts *c, arena *a, size_t n_outcomes)
{
	memset(c, 0, sizeof *c);
	c->outcomes = arena_array(a, n_outcomes, sizeof *c->outcomes);
}

/* The area of `id`; organisations with no area (id 0) get a row of their
 * own, made on first use, after the named areas. NULL for an area id that
 * is not in the area table (only possible mid-delete). */
static national_counts *area_of(placer *p, int64_t id)
{
	national_summary *s = p->s;
	if (id == 0) {
		national_area *last = s->n_areas ? &s->areas[s->n_areas - 1] : NULL;
		if (last && last->id == 0)
			return &last->n;
		national_area *none = &s->areas[s->n_areas++];
		none->id = 0;
		none->name = NO_AREA_NAME;
		counts_init(&none->n, p->mem, s->n_outcomes);
		return &none->n;
	}
	area_index key = {id, 0};
	const area_index *hit = bsearch(&key, p->ids, p->n_ids, sizeof *p->ids, cmp_area_index);
	return hit ? &s->areas[hit->at].n : NULL;
}

static int load_areas(domain *d, placer *p, err *e)
{
	national_area_list areas;
	if (store_national_areas(d->db, d->mem, &areas, e) < 0)
		return -1;
	national_summary *s = p->s;
	/* One more for the organisations with no area. */
	s->areas = arena_array(d->mem, areas.n + 1, sizeof *s->areas);
	p->ids = arena_array(d->mem, areas.n, sizeof *p->ids);
	for (size_t i = 0; i < areas.n; i++) {
		s->areas[i] = (national_area){.id = areas.items[i].id, .name = areas.items[i].name};
		counts_init(&s->areas[i].n, d->mem, s->n_outcomes);
		p->ids[i] = (area_index){areas.items[i].id, i};
	}
	s->n_areas = p->n_ids = areas.n;
	qsort(p->ids, p->n_ids, sizeof *p->ids, cmp_area_index);
	return 0;
}

static int place_audits(domain *d, placer *p, err *e)
{
	national_summary *s = p->s;
	national_audit_list rows;
	if (store_national_audits(d->db, d->mem, s->dates.since, s->dates.today, s->lowest.key, &rows,
				  e) < 0)
		return -1;
	for (size_t i = 0; i < rows.n; i++) {
		const national_audit_row *r = &rows.items[i];
		national_counts *c = area_of(p, r->area_id);
		if (!c)
			continue;
		c->organisations += (size_t)r->organisations;
		c->audited += (size_t)r->audited;
		c->audited_in_window += (size_t)r->audited_in_window;
		c->reviews_overdue += (size_t)r->reviews_overdue;
		c->at_lowest += (size_t)r->at_lowest;
		int oi = picture_item_index(s->outcomes, s->n_outcomes, r->outcome);
		if (oi >= 0)
			c->outcomes[oi] += (size_t)r->audited_in_window;
	}
	return 0;
}

static int place_evaluations(domain *d, placer *p, err *e)
{
	national_evaluation_list rows;
	if (store_national_evaluations(d->db, d->mem, &rows, e) < 0)
		return -1;
	for (size_t i = 0; i < rows.n; i++) {
		const national_evaluation_row *r = &rows.items[i];
		national_counts *c = area_of(p, r->area_id);
		if (!c)
			continue;
		c->with_evaluation += (size_t)r->organisations;
		c->evaluations[NATIONAL_DRAFT] += (size_t)r->draft;
		c->evaluations[NATIONAL_IN_REVIEW] += (size_t)r->in_review;
		c->evaluations[NATIONAL_SUBMITTED] += (size_t)r->submitted;
	}
	return 0;
}

static int place_actions(domain *d, placer *p, err *e)
{
	national_count_list rows;
	if (store_national_overdue_actions(d->db, d->mem, p->s->dates.today, &rows, e) < 0)
		return -1;
	for (size_t i = 0; i < rows.n; i++) {
		national_counts *c = area_of(p, rows.items[i].area_id);
		if (c)
			c->actions_overdue += (size_t)rows.items[i].n;
	}
	return 0;
}

static void add_counts(national_counts *to, const national_counts *c, size_t n_outcomes)
{
	to->organisations += c->organisations;
	to->with_evaluation += c->with_evaluation;
	for (int i = 0; i < NATIONAL_STATUSES; i++)
		to->evaluations[i] += c->evaluations[i];
	to->audited += c->audited;
	to->audited_in_window += c->audited_in_window;
	for (size_t i = 0; i < n_outcomes; i++)
		to->outcomes[i] += c->outcomes[i];
	to->at_lowest += c->at_lowest;
	to->reviews_overdue += c->reviews_overdue;
	to->actions_overdue += c->actions_overdue;
}

int national_summary_load(domain *d, const char *today, national_summary *out, err *e)
{
	memset(out, 0, sizeof *out);
	const framework *fw = fw_registry_find(d->frameworks, PICTURE_AUDIT_FRAMEWORK);
	/* The lowest level is the first of the first principle's levels,
	 * which York's principles share (as the area's picture has it). */
	if (!fw || !fw->n_sections || !fw->sections[0].n_elements ||
	    !fw->sections[0].elements[0].n_levels)
		return err_set(e, ERR_NOTFOUND,
			       "the instrument " PICTURE_AUDIT_FRAMEWORK " is not installed or has no "
			       "levels: put " PICTURE_AUDIT_FRAMEWORK ".json back in copro's frameworks folder.");
	out->lowest = fw->sections[0].elements[0].levels[0];
	out->n_outcomes = picture_outcomes(d->mem, fw, &out->outcomes);
	picture_dates_for(today, &out->dates);
	time_now_iso(out->generated_at);
	placer p = {.s = out, .mem = d->mem};
	if (load_areas(d, &p, e) < 0 || place_audits(d, &p, e) < 0 ||
	    place_evaluations(d, &p, e) < 0 || place_actions(d, &p, e) < 0)
		return -1;
	counts_init(&out->totals, d->mem, out->n_outcomes);
	for (size_t i = 0; i < out->n_areas; i++)
		add_counts(&out->totals, &out->areas[i].n, out->n_outcomes);
	return 0;
}

/* ---- JSON --------------------------------------------------------------- */

static json_t *counts_json(const national_summary *s, const national_counts *c, json_t *o)
{
	json_t *statuses = json_object(), *outcomes = json_object();
	for (int i = 0; i < NATIONAL_STATUSES; i++)
		json_object_set_new(statuses, national_status_names[i], json_integer((json_int_t)c->evaluations[i]));
	for (size_t i = 0; i < s->n_outcomes; i++)
		json_object_set_new(outcomes, s->outcomes[i].key, json_integer((json_int_t)c->outcomes[i]));
	json_object_set_new(o, "organisations", json_integer((json_int_t)c->organisations));
	json_object_set_new(o, "with_self_evaluation", json_integer((json_int_t)c->with_evaluation));
	json_object_set_new(o, "self_evaluations", statuses);
	json_object_set_new(o, "audited", json_integer((json_int_t)c->audited));
	json_object_set_new(o, "audited_in_window", json_integer((json_int_t)c->audited_in_window));
	json_object_set_new(o, "outcomes", outcomes);
	json_object_set_new(o, "at_lowest_level", json_integer((json_int_t)c->at_lowest));
	json_object_set_new(o, "reviews_overdue", json_integer((json_int_t)c->reviews_overdue));
	json_object_set_new(o, "actions_overdue", json_integer((json_int_t)c->actions_overdue));
	return o;
}

static json_t *item_json(const fw_item *it)
{
	return json_pack("{s:s?, s:s?}", "key", it->key, "title", it->title);
}

json_t *national_summary_json(const national_summary *s)
{
	json_t *outcomes = json_array(), *areas = json_array();
	for (size_t i = 0; i < s->n_outcomes; i++)
		json_array_append_new(outcomes, item_json(&s->outcomes[i]));
	for (size_t i = 0; i < s->n_areas; i++) {
		const national_area *a = &s->areas[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", a->id ? json_integer((json_int_t)a->id) : json_null());
		json_object_set_new(o, "name", json_string(a->name));
		json_array_append_new(areas, counts_json(s, &a->n, o));
	}
	return json_pack("{s:s, s:s, s:s, s:{s:s, s:s}, s:o, s:o, s:o, s:o}",
			 "format", NATIONAL_FORMAT, "generated_at", s->generated_at,
			 "today", s->dates.today, "window", "from", s->dates.since, "to", s->dates.today,
			 "outcomes", outcomes, "lowest_level", item_json(&s->lowest),
			 "areas", areas, "totals", counts_json(s, &s->totals, json_object()));
}

/* ---- CSV ---------------------------------------------------------------- */

static void csv_counts(csv_writer *w, const national_summary *s, const national_counts *c)
{
	csv_write_int(w, (int64_t)c->organisations);
	csv_write_int(w, (int64_t)c->with_evaluation);
	for (int i = 0; i < NATIONAL_STATUSES; i++)
		csv_write_int(w, (int64_t)c->evaluations[i]);
	csv_write_int(w, (int64_t)c->audited);
	csv_write_int(w, (int64_t)c->audited_in_window);
	for (size_t i = 0; i < s->n_outcomes; i++)
		csv_write_int(w, (int64_t)c->outcomes[i]);
	csv_write_int(w, (int64_t)c->at_lowest);
	csv_write_int(w, (int64_t)c->reviews_overdue);
	csv_write_int(w, (int64_t)c->actions_overdue);
	csv_write_end_row(w);
}

int national_summary_csv(const national_summary *s, export_sink *out, err *e)
{
	static const char *const head[] = {"area_id", "area", "organisations", "with_self_evaluation",
					   "self_evaluations_draft", "self_evaluations_in_review",
					   "self_evaluations_submitted", "audited", "audited_in_window"};
	static const char *const tail[] = {"at_lowest_level", "reviews_overdue", "actions_overdue"};
	csv_writer w;
	csv_writer_init(&w, out, e);
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_write_text(&w, head[i]);
	/* Outcome keys are the instrument's, which never start with a
	 * character the formula guard would change. */
	char name[128];
	for (size_t i = 0; i < s->n_outcomes; i++) {
		snprintf(name, sizeof name, "outcome_%s", s->outcomes[i].key ? s->outcomes[i].key : "");
		csv_write_text(&w, name);
	}
	for (size_t i = 0; i < sizeof tail / sizeof *tail; i++)
		csv_write_text(&w, tail[i]);
	csv_write_end_row(&w);
	for (size_t i = 0; i < s->n_areas && !w.failed; i++) {
		const national_area *a = &s->areas[i];
		if (a->id)
			csv_write_int(&w, a->id);
		else
			csv_write_text(&w, NULL);
		csv_write_text(&w, a->name);
		csv_counts(&w, s, &a->n);
	}
	csv_write_text(&w, NULL);
	csv_write_text(&w, "All areas");
	csv_counts(&w, s, &s->totals);
	return w.failed ? -1 : 0;
}
