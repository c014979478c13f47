/* measure.c: success measures: the catalogue read from the instrument,
 * choosing and describing measures, metrics and readings, where a metric
 * stands against its target, and links between measures. */
#include "domain/measure.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/measure.h"
#include "store/store.h"

const char *const measure_grid_keys[4] = {"improve", "know", "measuring", "evaluation"};

/* Two readings closer than this are the same number (the values come
 * from percentages worked out in floating point). */
#define SAME_EPS 1e-9

/* Without libm (copro does not link it): the few helpers needed. */
static double abs_of(double v)
{
	return v < 0 ? -v : v;
}

static bool finite_number(double v)
{
	return v == v && v - v == 0;    /* false for NaN and the infinities */
}

/* True for 0, 1, 2 ... up to 1e15 (further than any count). */
static bool whole(double v)
{
	return v >= 0 && v < 1e15 && (double)(int64_t)v == v;
}

/* ---- the catalogue ----------------------------------------------------- */

static measure_item item_of(const fw_measure *m)
{
	return (measure_item){m->key, m->text, m->note, m->gap};
}

const framework *measure_instrument(domain *d, err *e)
{
	const framework *fw = fw_registry_find(d->frameworks, MEASURE_FRAMEWORK);
	if (!fw || strcmp(fw->kind, "measures") != 0) {
		err_set(e, ERR_NOTFOUND,
			"the success measures catalogue (%s) is not installed: put %s.json in the frameworks directory.",
			MEASURE_FRAMEWORK, MEASURE_FRAMEWORK);
		return NULL;
	}
	return fw;
}

size_t measure_catalogue(arena *a, const framework *fw, const char *cornerstone,
			 measure_item **out)
{
	const fw_section *sec = framework_section(fw, cornerstone);
	*out = NULL;
	if (!sec)
		return 0;
	*out = ARENA_ARRAY(a, sec->n_measures, *out);
	for (size_t i = 0; i < sec->n_measures; i++)
		(*out)[i] = item_of(&sec->measures[i]);
	return sec->n_measures;
}

int measure_catalogue_find(const framework *fw, const char *key, measure_item *out,
			   const char **section)
{
	const fw_measure *m = framework_measure(fw, key);
	if (!m)
		return 0;
	*out = item_of(m);
	if (section)
		*section = m->section->key;
	return 1;
}

int measure_column_find(const framework *fw, const char *key, measure_column *out)
{
	const fw_item *c = framework_column(fw, key);
	if (!c)
		return 0;
	*out = (measure_column){c->key, c->title, c->text, c->gap};
	return 1;
}

size_t measure_exemplars(arena *a, const framework *fw, measure_exemplar **out)
{
	*out = ARENA_ARRAY(a, fw->n_exemplars, *out);
	for (size_t i = 0; i < fw->n_exemplars; i++) {
		const fw_exemplar *x = &fw->exemplars[i];
		measure_exemplar *ex = &(*out)[i];
		ex->section = x->section;
		ex->title = x->title;
		for (int c = 0; c < 4; c++)
			ex->cells[c] = exemplar_cell(x, measure_grid_keys[c]);
	}
	return fw->n_exemplars;
}

const char *measure_cornerstone_title(const framework *fw, const char *key)
{
	const fw_section *s = fw ? framework_section(fw, key) : NULL;
	return s ? s->title : key;
}

/* ---- measures ---------------------------------------------------------- */

int measure_get(domain *d, int64_t id, measure_row *out, err *e)
{
	return domain_found(store_measure_get(d->db, d->mem, id, out, e), e,
			    "there is no success measure number %lld: `copro measure list ORG` shows them.",
			    (long long)id);
}

/* Which measure: exactly one of a catalogue key and the organisation's own
 * words, in a cornerstone of the catalogue that holds that key. A
 * catalogue measure with no cornerstone given takes its own. */
static int measure_check(const framework *fw, measure_row *m, err *e)
{
	if (text_check_line("The cycle", m->cycle, true, e) < 0)
		return -1;
	bool catalogue = m->catalogue_key && *m->catalogue_key;
	bool own = m->own_text != NULL;
	if (catalogue && own)
		return err_set(e, ERR_INPUT,
			       "choose a measure from the catalogue or write your own, not both.");
	if (!catalogue && !own)
		return err_set(e, ERR_INPUT,
			       "choose a measure from the catalogue or write your own.");
	measure_item it;
	const char *in = NULL;
	if (catalogue && !measure_catalogue_find(fw, m->catalogue_key, &it, &in))
		return err_set(e, ERR_NOTFOUND,
			       "there is no measure \"%.20s\" in the catalogue: `copro measure catalogue` lists them with their keys.",
			       m->catalogue_key);
	if (catalogue && (!m->cornerstone_key || !*m->cornerstone_key))
		m->cornerstone_key = in;
	if (!m->cornerstone_key || !*m->cornerstone_key)
		return err_set(e, ERR_INPUT,
			       "the cornerstone is required: give its number, 1 to %zu.", fw->n_sections);
	const fw_section *sec = framework_section(fw, m->cornerstone_key);
	if (!sec)
		return err_set(e, ERR_INPUT,
			       "there is no cornerstone \"%.20s\" in the catalogue: give its number, 1 to %zu.",
			       m->cornerstone_key, fw->n_sections);
	if (own)
		return text_check_long("Your own measure", m->own_text, true, e);
	if (strcmp(in, sec->key) != 0)
		return err_set(e, ERR_INPUT,
			       "measure %s belongs to cornerstone %s (%s), not %s (%s): choose a measure of cornerstone %s, or cornerstone %s.",
			       m->catalogue_key, in, measure_cornerstone_title(fw, in), sec->key,
			       sec->title, sec->key, in);
	return 0;
}

int measure_add(domain *d, measure_row *m, int64_t *id, err *e)
{
	const framework *fw = measure_instrument(d, e);
	if (!fw)
		return -1;
	if (m->catalogue_key && !*m->catalogue_key)
		m->catalogue_key = NULL;
	if (measure_check(fw, m, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	m->framework_hash = fw->hash;
	m->created_at = m->updated_at = arena_strdup(d->mem, now);
	m->improve = m->know = m->measuring = m->evaluation = "";
	org_row o;
	measure_row same;
	int found;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (org_get(d, m->organisation_id, &o, e) < 0)
		goto fail;
	found = m->catalogue_key
		? store_measure_find_catalogue(d->db, d->mem, m->organisation_id, m->cycle,
					       m->catalogue_key, &same, e)
		: 0;
	if (found < 0)
		goto fail;
	if (found) {
		err_set(e, ERR_CONFLICT,
			"%s has already chosen measure %s for cycle %s (number %lld): add metrics to that one, or choose another measure.",
			o.name, m->catalogue_key, m->cycle, (long long)same.id);
		goto fail;
	}
	if (framework_version_keep(d, fw, e) < 0 || store_measure_insert(d->db, m, id, e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	m->id = *id;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int measure_grid_check(const measure_grid *g, err *e)
{
	const char *what[4] = {"What needs to be improved", "How we will know", "What we are measuring",
			       "The evaluation"};
	const char *v[4] = {g->improve, g->know, g->measuring, g->evaluation};
	for (int i = 0; i < 4; i++)
		if (text_check_long(what[i], v[i], false, e) < 0)
			return -1;
	return 0;
}

int measure_edit(domain *d, int64_t id, const measure_grid *g, err *e)
{
	if (measure_grid_check(g, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	measure_row m;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (measure_get(d, id, &m, e) < 0)
		goto fail;
	if (g->improve) m.improve = g->improve;
	if (g->know) m.know = g->know;
	if (g->measuring) m.measuring = g->measuring;
	if (g->evaluation) m.evaluation = g->evaluation;
	m.updated_at = now;
	if (store_measure_update_grid(d->db, &m, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

framework *measure_framework(domain *d, const measure_row *m, bool *changed, err *e)
{
	return framework_version_load(d, MEASURE_FRAMEWORK, m->framework_hash, changed, e);
}

const char *measure_text(const framework *fw, const measure_row *m)
{
	if (m->own_text)
		return m->own_text;
	measure_item it;
	if (!fw || !measure_catalogue_find(fw, m->catalogue_key, &it, NULL))
		return m->catalogue_key ? m->catalogue_key : "";
	return it.gap ? "[GAP IN SOURCE]" : it.text;
}

int measure_texts(domain *d, const measure_row *items, size_t n, const char ***out, err *e)
{
	*out = arena_array(d->mem, n, sizeof **out);
	framework **loaded = arena_array(d->mem, n, sizeof *loaded);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		framework *fw = NULL;
		for (size_t j = 0; j < i && !fw; j++)
			if (loaded[j] && !strcmp(items[j].framework_hash, items[i].framework_hash))
				fw = loaded[j];
		if (!fw && !items[i].own_text) {
			bool changed;
			fw = loaded[i] = measure_framework(d, &items[i], &changed, e);
			if (!fw) {
				rc = -1;
				break;
			}
		}
		(*out)[i] = measure_text(fw, &items[i]);
	}
	/* The texts point into the frameworks: copy them before freeing. */
	for (size_t i = 0; rc == 0 && i < n; i++)
		(*out)[i] = arena_strdup(d->mem, (*out)[i]);
	for (size_t i = 0; i < n; i++)
		if (loaded[i])
			framework_free(loaded[i]);
	return rc;
}

/* ---- numbers ----------------------------------------------------------- */

int measure_number_parse(const char *what, const char *text, double *out, err *e)
{
	char *end;
	if (!text || !*text)
		return err_set(e, ERR_INPUT, "%s is required: give a number.", what);
	errno = 0;
	double v = strtod(text, &end);
	while (*end == ' ')
		end++;
	if (end == text || *end || errno || !finite_number(v) || text[0] == ' ')
		return err_set(e, ERR_INPUT,
			       "%s \"%.40s\" is not a number: write it in figures, for example 42 or 3.5.",
			       what, text);
	*out = v;
	return 0;
}

int measure_whole_parse(const char *what, const char *text, int64_t *out, err *e)
{
	double v;
	if (measure_number_parse(what, text, &v, e) < 0)
		return -1;
	if (!whole(v) || v > 1e12)
		return err_set(e, ERR_INPUT, "%s \"%.40s\" is not a whole number: give a number like 12.",
			       what, text);
	*out = (int64_t)v;
	return 0;
}

/* Whether value v fits metric kind `kind`: a percentage 0 to 100, a count
 * a whole number 0 or more, a rate 0 or more. */
static int value_check(const char *what, const char *kind, double v, err *e)
{
	if (!finite_number(v) || v < 0)
		return err_set(e, ERR_INPUT, "%s cannot be below 0: give a number 0 or more.", what);
	if (!strcmp(kind, "percentage") && v > 100)
		return err_set(e, ERR_INPUT,
			       "%s is a percentage, so it cannot be more than 100: give a number from 0 to 100.",
			       what);
	if (!strcmp(kind, "count") && !whole(v))
		return err_set(e, ERR_INPUT,
			       "%s is a count, so it must be a whole number, like 3 (not 3.5).", what);
	return 0;
}

static bool one_of(const char *s, const char *const *list)
{
	for (; s && *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

/* ---- metrics ----------------------------------------------------------- */

int metric_validate(const metric_row *m, err *e)
{
	static const char *const kinds[] = {"percentage", "count", "rate", NULL};
	static const char *const directions[] = {"higher", "lower", NULL};
	if (text_check_line("The metric's name", m->name, true, e) < 0)
		return -1;
	if (!one_of(m->kind, kinds))
		return err_set(e, ERR_INPUT,
			       "the kind \"%.20s\" is not known: use percentage, count or rate.",
			       m->kind ? m->kind : "");
	if (!one_of(m->direction, directions))
		return err_set(e, ERR_INPUT,
			       "the direction \"%.20s\" is not known: use higher (higher is better) or lower (lower is better).",
			       m->direction ? m->direction : "");
	bool has_unit = m->unit && *m->unit;
	if (!strcmp(m->kind, "rate") && !has_unit)
		return err_set(e, ERR_INPUT,
			       "a rate needs a unit that says what it is per, for example \"per 100 pupils\".");
	if (!strcmp(m->kind, "percentage") && has_unit)
		return err_set(e, ERR_INPUT, "a percentage needs no unit: leave the unit empty.");
	if (text_check_line("The unit", m->unit, false, e) < 0)
		return -1;
	if (m->has_baseline && value_check("The baseline", m->kind, m->baseline, e) < 0)
		return -1;
	if (m->has_target && value_check("The target", m->kind, m->target, e) < 0)
		return -1;
	return 0;
}

int metric_get(domain *d, int64_t id, metric_row *out, err *e)
{
	return domain_found(store_metric_get(d->db, d->mem, id, out, e), e,
			    "there is no metric number %lld: `copro measure show MEASURE` shows a measure's metrics.",
			    (long long)id);
}

int metric_add(domain *d, metric_row *m, int64_t *id, err *e)
{
	if (!m->unit)
		m->unit = "";
	if (metric_validate(m, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	m->created_at = m->updated_at = arena_strdup(d->mem, now);
	measure_row owner;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (measure_get(d, m->measure_id, &owner, e) < 0 ||
	    store_metric_insert(d->db, m, id, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	m->id = *id;
	return 0;
}

/* ---- readings ---------------------------------------------------------- */

static int fraction_check(const metric_row *metric, reading_row *r, err *e)
{
	if (strcmp(metric->kind, "percentage") != 0)
		return err_set(e, ERR_INPUT,
			       "a numerator and denominator are only for percentages, and \"%s\" is a %s: give its value instead.",
			       metric->name, metric->kind);
	if (r->has_value)
		return err_set(e, ERR_INPUT,
			       "give either the percentage or the numerator and denominator, not both.");
	if (r->numerator < 0 || r->denominator < 0)
		return err_set(e, ERR_INPUT,
			       "the numerator and denominator are numbers of people or things: give whole numbers 0 or more.");
	if (r->denominator == 0)
		return err_set(e, ERR_INPUT,
			       "the denominator is 0, and a percentage of nobody cannot be worked out: give how many were asked or counted (1 or more).");
	if (r->numerator > r->denominator)
		return err_set(e, ERR_INPUT,
			       "the numerator (%lld) is more than the denominator (%lld): the numerator counts some of the denominator, so it cannot be larger. Check the two numbers.",
			       (long long)r->numerator, (long long)r->denominator);
	r->value = 100.0 * (double)r->numerator / (double)r->denominator;
	return 0;
}

int reading_validate(const metric_row *metric, reading_row *r, err *e)
{
	static const char *const sources[] = {"survey", "records", "meeting", "other", NULL};
	if (date_check("The reading date", r->taken_on, e) < 0)
		return -1;
	char today[11];
	date_today(today);
	if (strcmp(r->taken_on, today) > 0)
		return err_set(e, ERR_INPUT,
			       "the reading date %s is in the future: record a reading once it has been taken.",
			       r->taken_on);
	if (r->has_fraction) {
		if (fraction_check(metric, r, e) < 0)
			return -1;
	} else if (!r->has_value) {
		return err_set(e, ERR_INPUT,
			       !strcmp(metric->kind, "percentage")
				       ? "give the reading: the percentage, or the numerator and denominator."
				       : "give the reading's value.");
	} else if (value_check("The reading", metric->kind, r->value, e) < 0) {
		return -1;
	}
	if (!one_of(r->source, sources))
		return err_set(e, ERR_INPUT,
			       "the source \"%.20s\" is not known: use survey, records, meeting or other.",
			       r->source ? r->source : "");
	if (r->groups < 0 || r->groups > (GROUP_CYP | GROUP_PARENTS | GROUP_PRACTITIONERS))
		return err_set(e, ERR_INPUT, "the partner groups are not known.");
	if (!r->note)
		r->note = "";
	return text_check_long("The note", r->note, false, e);
}

int reading_add(domain *d, reading_row *r, int64_t *id, err *e)
{
	metric_row metric;
	if (metric_get(d, r->metric_id, &metric, e) < 0 || reading_validate(&metric, r, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	r->created_at = arena_strdup(d->mem, now);
	reading_row same;
	int found;
	if (store_begin(d->db, e) < 0)
		return -1;
	found = store_reading_on(d->db, d->mem, r->metric_id, r->taken_on, &same, e);
	if (found < 0)
		goto fail;
	if (found) {
		err_set(e, ERR_CONFLICT,
			"\"%s\" already has a reading on %s (%s): a metric has one reading a day, and readings cannot be changed. Give this one another date, or leave the one recorded.",
			metric.name, r->taken_on, metric_value_text(d->mem, &metric, same.value));
		goto fail;
	}
	if (store_reading_insert(d->db, r, id, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	r->id = *id;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

/* ---- where a metric stands --------------------------------------------- */

const char *measure_trend_words(enum measure_trend t)
{
	switch (t) {
	case TREND_IMPROVING: return "improving";
	case TREND_WORSE: return "getting worse";
	case TREND_SAME: return "no change";
	default: return "not enough readings";
	}
}

const char *metric_value_text(arena *a, const metric_row *m, double v)
{
	char num[64];
	snprintf(num, sizeof num, "%.2f", v);
	/* 62.50 -> 62.5, 8.00 -> 8 */
	char *dot = strchr(num, '.');
	if (dot) {
		char *end = num + strlen(num) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	if (!strcmp(m->kind, "percentage"))
		return arena_printf(a, "%s%%", num);
	if (m->unit && *m->unit)
		return arena_printf(a, "%s %s", num, m->unit);
	return arena_strdup(a, num);
}

static enum measure_trend compare(const metric_row *m, double latest, double before)
{
	if (abs_of(latest - before) < SAME_EPS)
		return TREND_SAME;
	bool up = latest > before;
	return up == !strcmp(m->direction, "higher") ? TREND_IMPROVING : TREND_WORSE;
}

static const char *capital(arena *a, const char *s)
{
	char *c = arena_strdup(a, s);
	if (c[0] >= 'a' && c[0] <= 'z')
		c[0] = (char)(c[0] - 'a' + 'A');
	return c;
}

static const char *status_sentence(arena *a, const metric_row *m, const metric_status *st)
{
	const char *s;
	if (!st->latest)
		s = "No readings yet.";
	else
		s = arena_printf(a, "Latest reading %s on %s.", metric_value_text(a, m, st->latest->value),
				 date_in_words(a, st->latest->taken_on));
	if (st->target_met == 1)
		s = arena_printf(a, "%s Target met (the target is %s).", s,
				 metric_value_text(a, m, m->target));
	else if (st->target_met == 0)
		s = arena_printf(a, "%s Not yet at the target of %s.", s,
				 metric_value_text(a, m, m->target));
	else if (!m->has_target)
		s = arena_printf(a, "%s No target set.", s);
	if (st->since_previous != TREND_NOT_ENOUGH)
		s = arena_printf(a, "%s %s since the previous reading (%s)", s,
				 capital(a, measure_trend_words(st->since_previous)),
				 metric_value_text(a, m, st->previous->value));
	if (st->since_baseline != TREND_NOT_ENOUGH)
		s = arena_printf(a, "%s%s %s since the baseline (%s)", s,
				 st->since_previous != TREND_NOT_ENOUGH ? ";" : "",
				 st->since_previous != TREND_NOT_ENOUGH
					 ? measure_trend_words(st->since_baseline)
					 : capital(a, measure_trend_words(st->since_baseline)),
				 metric_value_text(a, m, m->baseline));
	if (st->trend == TREND_NOT_ENOUGH)
		return arena_printf(a, "%s Not enough readings to see a trend yet.", s);
	return arena_printf(a, "%s.", s);
}

void metric_status_of(arena *a, const metric_row *m, const reading_row *readings, size_t n,
		      metric_status *out)
{
	*out = (metric_status){.n_readings = n, .target_met = -1};
	if (n) {
		out->latest = &readings[n - 1];
		out->previous = n > 1 ? &readings[n - 2] : NULL;
	}
	double latest = out->latest ? out->latest->value : 0;
	if (out->latest && m->has_target)
		out->target_met = !strcmp(m->direction, "higher") ? latest >= m->target - SAME_EPS
								   : latest <= m->target + SAME_EPS;
	out->since_previous = out->previous ? compare(m, latest, out->previous->value)
					    : TREND_NOT_ENOUGH;
	out->since_baseline = out->latest && m->has_baseline ? compare(m, latest, m->baseline)
							     : TREND_NOT_ENOUGH;
	out->trend = out->since_previous != TREND_NOT_ENOUGH ? out->since_previous
							     : out->since_baseline;
	out->sentence = status_sentence(a, m, out);
}

/* ---- links ------------------------------------------------------------- */

int measure_link(domain *d, int64_t a, int64_t b, bool unlink, err *e)
{
	if (a == b)
		return err_set(e, ERR_INPUT,
			       "a measure cannot be linked to itself: choose another measure.");
	char now[21];
	time_now_iso(now);
	measure_row ma, mb;
	int changed;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (measure_get(d, a, &ma, e) < 0 || measure_get(d, b, &mb, e) < 0)
		goto fail;
	if (ma.organisation_id != mb.organisation_id) {
		err_set(e, ERR_INPUT,
			"measure %lld belongs to another organisation: link measures of the same organisation.",
			(long long)b);
		goto fail;
	}
	changed = unlink ? store_measure_link_remove(d->db, a, b, e)
			 : store_measure_link_add(d->db, a, b, now, e);
	if (changed < 0)
		goto fail;
	if (!changed) {
		if (unlink)
			err_set(e, ERR_NOTFOUND, "measures %lld and %lld are not linked: there is nothing to remove.",
				(long long)a, (long long)b);
		else
			err_set(e, ERR_CONFLICT, "measures %lld and %lld are linked already.",
				(long long)a, (long long)b);
		goto fail;
	}
	if (store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

/* ---- a measure whole --------------------------------------------------- */

int measure_detail_load(domain *d, int64_t id, measure_detail *md, err *e)
{
	*md = (measure_detail){0};
	metric_list metrics;
	if (measure_get(d, id, &md->measure, e) < 0)
		return -1;
	md->fw = measure_framework(d, &md->measure, &md->framework_changed, e);
	if (!md->fw)
		return -1;
	/* Copies, so they outlive the framework. */
	md->text = arena_strdup(d->mem, measure_text(md->fw, &md->measure));
	md->cornerstone_title = arena_strdup(d->mem, measure_cornerstone_title(md->fw,
							md->measure.cornerstone_key));
	if (store_metric_list(d->db, d->mem, id, &metrics, e) < 0 ||
	    store_measure_links(d->db, d->mem, id, &md->links, e) < 0 ||
	    measure_texts(d, md->links.items, md->links.n, &md->link_texts, e) < 0)
		goto fail;
	md->metrics = arena_array(d->mem, metrics.n, sizeof *md->metrics);
	md->n_metrics = metrics.n;
	for (size_t i = 0; i < metrics.n; i++) {
		metric_detail *m = &md->metrics[i];
		reading_list rl;
		m->metric = metrics.items[i];
		if (store_reading_list(d->db, d->mem, m->metric.id, &rl, e) < 0)
			goto fail;
		m->readings = rl.items;
		m->n_readings = rl.n;
		metric_status_of(d->mem, &m->metric, m->readings, m->n_readings, &m->status);
	}
	return 0;
fail:
	return -1;
}


DOMAIN_GET_IN_ORG(measure_get_in_org, measure_get, measure_row, "success measure")

int measures_of_org(domain *d, int64_t org, const char *cycle, measure_list *out, err *e)
{
	return store_measure_list(d->db, d->mem, org, cycle, out, e);
}

DOMAIN_LIST_BY_ID(metrics_of_measure, store_metric_list, metric_list)
DOMAIN_LIST_BY_ID(readings_of_metric, store_reading_list, reading_list)
