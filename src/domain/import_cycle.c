/* import_cycle.c: the plan-do-review records of an export being loaded:
 * team and service plans, actions and their reviews, success measures with
 * metrics and readings, and "You said, we did", checked, then written. */
#include "domain/import_internal.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/measure.h"
#include "store/plan.h"
#include "store/review.h"
#include "store/store.h"

/* ---- plans ------------------------------------------------------------- */

static bool plan_question_exists(const framework *fw, const char *section, const char *question)
{
	const fw_section *sec = framework_section(fw, section);
	return sec && section_question(sec, question);
}

static int read_plan_statements(struct import *im, const char *where, json_t *list,
				struct imp_plan *p, err *e)
{
	if (!import_list_field(list, where, "statements", &p->n_statements, e))
		return -1;
	p->statements = arena_array(im->d->mem, p->n_statements, sizeof *p->statements);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		plan_statement_row *r = &p->statements[i];
		char w[120];
		snprintf(w, sizeof w, "%s.statements[%zu]", where, i);
		if (import_unpack(v, w, e, "{s:s, s:s, s:s, s:s!}", "statement", &r->element_key,
			   "strengths", &r->strengths, "areas_for_development", &r->areas,
			   "updated_at", &r->updated_at) < 0 ||
		    import_check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("Strengths", r->strengths, false, e) < 0 ||
		    text_check_long("Areas for development", r->areas, false, e) < 0)
			return import_damaged_at(w, e);
		if (!framework_element(p->fw, r->element_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names statement \"%.40s\", which its instrument does not have.",
				       w, r->element_key);
		if (i && import_check_order(w, strcmp(p->statements[i - 1].element_key, r->element_key) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static int read_plan_answers(struct import *im, const char *where, json_t *list,
			     struct imp_plan *p, err *e)
{
	if (!import_list_field(list, where, "answers", &p->n_answers, e))
		return -1;
	p->answers = arena_array(im->d->mem, p->n_answers, sizeof *p->answers);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		plan_answer_row *r = &p->answers[i];
		char w[120];
		snprintf(w, sizeof w, "%s.answers[%zu]", where, i);
		if (import_unpack(v, w, e, "{s:s, s:s, s:s, s:s!}", "section", &r->section_key,
			   "question", &r->question_key, "answer", &r->answer,
			   "updated_at", &r->updated_at) < 0 ||
		    import_check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("The answer", r->answer, false, e) < 0)
			return import_damaged_at(w, e);
		if (!plan_question_exists(p->fw, r->section_key, r->question_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names question %.40s of cornerstone %.40s, which its instrument does not have.",
				       w, r->question_key, r->section_key);
		if (i) {
			const plan_answer_row *prev = &p->answers[i - 1];
			int c = strcmp(prev->section_key, r->section_key);
			if (import_check_order(w, (c ? c : strcmp(prev->question_key, r->question_key)) < 0, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int read_plan_aspects(struct import *im, const char *where, json_t *list,
			     struct imp_plan *p, err *e)
{
	if (!import_list_field(list, where, "aspects", &p->n_aspects, e))
		return -1;
	p->aspects = arena_array(im->d->mem, p->n_aspects, sizeof *p->aspects);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		plan_aspect_row *r = &p->aspects[i];
		char w[120];
		snprintf(w, sizeof w, "%s.aspects[%zu]", where, i);
		if (import_unpack(v, w, e, "{s:s, s:s, s:s!}", "aspect", &r->aspect_key, "note", &r->note,
			   "updated_at", &r->updated_at) < 0 ||
		    import_check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("The note", r->note, false, e) < 0)
			return import_damaged_at(w, e);
		if (!framework_aspect(p->fw, r->aspect_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names aspect \"%.40s\", which its instrument does not have.",
				       w, r->aspect_key);
		if (i && import_check_order(w, strcmp(p->aspects[i - 1].aspect_key, r->aspect_key) < 0, e) < 0)
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
	import_drop_nulls(v, (const char *const[]){"seeded_from", NULL});
	if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:s, s?I, s:s, s:s, s:o, s:o, s:o!}",
		   "ref", &ref, "framework", &fw_id, "framework_hash", &r->framework_hash,
		   "title", &r->title, "cycle", &r->cycle, "seeded_from", &seed,
		   "created_at", &r->created_at, "updated_at", &r->updated_at,
		   "statements", &statements, "answers", &answers, "aspects", &aspects) < 0)
		return -1;
	if (ref != (json_int_t)i + 1)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
	if (strcmp(fw_id, PLAN_FRAMEWORK) != 0 || !(p->fw = import_version_of(im, fw_id, r->framework_hash)))
		return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold (a plan uses %s).",
			       where, PLAN_FRAMEWORK);
	if (seed && (seed < 1 || (size_t)seed > im->n_evals))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.seeded_from names an evaluation the file does not hold.",
			       where);
	r->seeded_from = seed;
	if (text_check_line("The title", r->title, true, e) < 0 ||
	    text_check_line("The cycle", r->cycle, true, e) < 0)
		return import_damaged_at(where, e);
	return import_check_stamp(where, r->created_at, e) < 0 || import_check_stamp(where, r->updated_at, e) < 0 ||
	       read_plan_statements(im, where, statements, p, e) < 0 ||
	       read_plan_answers(im, where, answers, p, e) < 0 ||
	       read_plan_aspects(im, where, aspects, p, e) < 0 ? -1 : 0;
}

int import_read_plans(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "plans");
	im->plans = arena_array(im->d->mem, im->n_plans, sizeof *im->plans);
	im->plan_ids = arena_array(im->d->mem, im->n_plans, sizeof *im->plan_ids);
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
	import_drop_nulls(from, (const char *const[]){"statement", NULL});
	if (import_unpack(from, where, e, "{s?I, s?I, s?s, s?I, s?I!}", "evaluation", &eval, "plan", &plan,
		   "statement", &statement, "audit", &audit, "measure", &measure) < 0)
		return -1;
	if (!eval && !audit && !plan && !measure)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names neither an evaluation nor an audit, a plan or a measure.", where);
	if (eval && plan)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.from names both an evaluation and a plan.", where);
	framework *fw = eval ? import_eval_by_ref(im, eval) : NULL;
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
	*out = arena_array(im->d->mem, *n, sizeof **out);
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
	if (!import_list_field(list, where, "reviews", &a->n_reviews, e))
		return -1;
	size_t n = a->n_reviews + 1;
	a->reviews = arena_array(im->d->mem, n, sizeof *a->reviews);
	a->review_evidence = arena_array(im->d->mem, n, sizeof *a->review_evidence);
	a->n_review_evidence = arena_array(im->d->mem, n, sizeof *a->n_review_evidence);
	a->review_ids = arena_array(im->d->mem, n, sizeof *a->review_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		action_review_row *r = &a->reviews[i];
		json_t *groups, *evidence;
		char w[120], ew[140];
		snprintf(w, sizeof w, "%s.reviews[%zu]", where, i);
		snprintf(ew, sizeof ew, "%s.evidence", w);
		if (import_unpack(v, w, e, "{s:s, s:s, s:o, s:o, s:s!}", "reviewed_on", &r->reviewed_on,
			   "what_happened", &r->what_happened, "partner_groups", &groups,
			   "evidence", &evidence, "created_at", &r->created_at) < 0 ||
		    import_parse_groups(groups, w, &r->groups, e) < 0 || import_check_stamp(w, r->created_at, e) < 0 ||
		    read_ref_list(im, ew, evidence, im->n_evidence, "an evidence item",
				  &a->review_evidence[i], &a->n_review_evidence[i], e) < 0)
			return -1;
		if (date_check("The date of the review", r->reviewed_on, e) < 0 ||
		    text_check_long("What happened", r->what_happened, true, e) < 0)
			return import_damaged_at(w, e);
	}
	return 0;
}

int import_read_actions(struct import *im, err *e)
{
	im->actions = arena_array(im->d->mem, im->n_actions, sizeof *im->actions);
	im->action_ids = arena_array(im->d->mem, im->n_actions, sizeof *im->action_ids);
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "actions"), i, v) {
		struct imp_action *ia = &im->actions[i];
		action_row *a = &ia->row;
		json_t *from, *reviews;
		json_int_t ref;
		char where[64];
		snprintf(where, sizeof where, "actions[%zu]", i);
		if (import_older_field(im, 3, v, where, "ref", json_integer((json_int_t)i + 1), e) < 0 ||
		    import_older_field(im, 3, v, where, "reviews", json_array(), e) < 0)
			return -1;
		import_drop_nulls(v, (const char *const[]){"due_on", "review_on", NULL});
		if (import_unpack(v, where, e, "{s:I, s:s, s:s, s?s, s?s, s:s, s:o, s:s, s:s, s:o!}", "ref", &ref,
			   "title", &a->title, "owner", &a->owner, "due_on", &a->due_on,
			   "review_on", &a->review_on, "status", &a->status, "from", &from,
			   "created_at", &a->created_at, "updated_at", &a->updated_at,
			   "reviews", &reviews) < 0 ||
		    action_validate(a, e) < 0 || import_check_stamp(where, a->created_at, e) < 0 ||
		    import_check_stamp(where, a->updated_at, e) < 0)
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
	if (import_unpack(review, where, e, "{s:I, s:I!}", "action", &action, "review", &at) < 0)
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
	import_drop_nulls(v, (const char *const[]){"numerator", "denominator", NULL});
	if (import_unpack(v, where, e, "{s:s, s:F, s?I, s?I, s:s, s:o, s:s, s:o, s:s!}", "taken_on",
		   &r->taken_on, "value", &value, "numerator", &num, "denominator", &den,
		   "source", &r->source, "partner_groups", &groups, "note", &r->note,
		   "review", &review, "created_at", &r->created_at) < 0 ||
	    import_parse_groups(groups, where, &r->groups, e) < 0 || import_check_stamp(where, r->created_at, e) < 0 ||
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
		return import_damaged_at(where, e);
	if (r->has_fraction && fabs(r->value - value) > 1e-9 * fmax(1.0, fabs(value)))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.value is not numerator / denominator as a percentage.",
			       where);
	if (k && import_check_order(where, strcmp(m->readings[k - 1].taken_on, r->taken_on) < 0, e) < 0)
		return -1;
	return 0;
}

static int read_metric(struct import *im, const char *where, json_t *v, struct imp_metric *m,
		       err *e)
{
	metric_row *r = &m->row;
	json_t *readings;
	import_drop_nulls(v, (const char *const[]){"baseline", "target", NULL});
	double baseline = NAN, target = NAN;
	if (import_unpack(v, where, e, "{s:s, s:s, s:s, s:s, s?F, s?F, s:s, s:s, s:o!}", "name", &r->name,
		   "kind", &r->kind, "unit", &r->unit, "direction", &r->direction,
		   "baseline", &baseline, "target", &target, "created_at", &r->created_at,
		   "updated_at", &r->updated_at, "readings", &readings) < 0 ||
	    import_check_stamp(where, r->created_at, e) < 0 || import_check_stamp(where, r->updated_at, e) < 0)
		return -1;
	r->has_baseline = !isnan(baseline);
	r->has_target = !isnan(target);
	r->baseline = r->has_baseline ? baseline : 0;
	r->target = r->has_target ? target : 0;
	if (metric_validate(r, e) < 0)
		return import_damaged_at(where, e);
	if (!import_list_field(readings, where, "readings", &m->n_readings, e))
		return -1;
	size_t n = m->n_readings + 1;
	m->readings = arena_array(im->d->mem, n, sizeof *m->readings);
	m->review_action = arena_array(im->d->mem, n, sizeof *m->review_action);
	m->review_at = arena_array(im->d->mem, n, sizeof *m->review_at);
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
		return import_damaged_at(where, e);
	if (!framework_section(im_m->fw, m->cornerstone_key))
		return err_set(e, ERR_INPUT, "the export is damaged: %s names cornerstone \"%.20s\", which its catalogue does not have.",
			       where, m->cornerstone_key);
	if (!m->catalogue_key == !m->own_text)
		return err_set(e, ERR_INPUT, "the export is damaged: %s needs a catalogue_key or its own_text, not both.",
			       where);
	if (m->own_text)
		return text_check_long("Your own measure", m->own_text, true, e) < 0 ? import_damaged_at(where, e) : 0;
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
	import_drop_nulls(v, (const char *const[]){"catalogue_key", "own_text", "carried_from", NULL});
	if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:s, s?s, s?s, s:s, s:s, s:s, s:s, s?I, s:s, s:s, s:o, s:o!}",
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
	if (strcmp(fw_id, MEASURE_FRAMEWORK) != 0 || !(mm->fw = import_version_of(im, fw_id, r->framework_hash)))
		return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold (a measure uses %s).",
			       where, MEASURE_FRAMEWORK);
	/* A measure is carried into a later cycle, so from one before it. */
	if (carried && (carried < 1 || carried >= ref))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.carried_from names a measure the file does not hold before it.",
			       where);
	r->carried_from = carried;
	measure_grid g = {r->improve, r->know, r->measuring, r->evaluation};
	if (check_measure(im, i, where, e) < 0 || import_check_stamp(where, r->created_at, e) < 0 ||
	    import_check_stamp(where, r->updated_at, e) < 0)
		return -1;
	if (measure_grid_check(&g, e) < 0)
		return import_damaged_at(where, e);
	/* Links are listed on the measure with the lower ref. */
	if (read_ref_list(im, lw, links, im->n_measures, "a measure", &mm->links, &mm->n_links, e) < 0)
		return -1;
	if (mm->n_links && mm->links[0] <= ref)
		return err_set(e, ERR_INPUT, "the export is damaged: %s[0] should name a later measure (a link is listed once, on the measure with the lower ref).",
			       lw);
	if (!import_list_field(metrics, where, "metrics", &mm->n_metrics, e))
		return -1;
	mm->metrics = arena_array(im->d->mem, mm->n_metrics, sizeof *mm->metrics);
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

int import_read_measures(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "measures");
	im->measures = arena_array(im->d->mem, im->n_measures, sizeof *im->measures);
	im->measure_ids = arena_array(im->d->mem, im->n_measures, sizeof *im->measure_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v)
		if (read_measure(im, i, v, e) < 0)
			return -1;
	return 0;
}

/* ---- "You said, we did" ---------------------------------------------------- */

int import_read_you_said(struct import *im, err *e)
{
	im->you_said = arena_array(im->d->mem, im->n_you_said, sizeof *im->you_said);
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "you_said"), i, v) {
		you_said_row *y = &im->you_said[i];
		json_t *groups;
		json_int_t action = 0;
		int published;
		char where[64];
		snprintf(where, sizeof where, "you_said[%zu]", i);
		import_drop_nulls(v, (const char *const[]){"did_on", "action", NULL});
		if (import_unpack(v, where, e, "{s:s, s:s, s:s, s?s, s:o, s:b, s?I, s:s, s:s!}", "said", &y->said,
			   "did", &y->did, "said_on", &y->said_on, "did_on", &y->did_on,
			   "partner_groups", &groups, "published", &published, "action", &action,
			   "created_at", &y->created_at, "updated_at", &y->updated_at) < 0 ||
		    import_parse_groups(groups, where, &y->groups, e) < 0 ||
		    import_check_stamp(where, y->created_at, e) < 0 || import_check_stamp(where, y->updated_at, e) < 0)
			return -1;
		y->published = published;
		/* The action is checked here by ref: it is not written yet. */
		if (you_said_validate(im->d, y, e) < 0)
			return import_damaged_at(where, e);
		if (action && (action < 1 || (size_t)action > im->n_actions))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.action names an action the file does not hold.",
				       where);
		y->action_id = action;
	}
	return 0;
}

int import_write_measures(struct import *im, int64_t org, err *e)
{
	store *s = im->d->db;
	for (size_t i = 0; i < im->n_measures; i++) {
		struct imp_measure *m = &im->measures[i];
		measure_row row = m->row;
		row.organisation_id = org;
		row.carried_from = row.carried_from ? im->measure_ids[row.carried_from - 1] : 0;
		if (import_put_version(im, m->fw, row.created_at, e) < 0 ||
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

int import_write_plans(struct import *im, int64_t org, err *e)
{
	store *s = im->d->db;
	for (size_t i = 0; i < im->n_plans; i++) {
		struct imp_plan *p = &im->plans[i];
		plan_row row = p->row;
		row.organisation_id = org;
		row.seeded_from = row.seeded_from ? im->eval_ids[row.seeded_from - 1] : 0;
		int64_t id;
		if (import_put_version(im, p->fw, row.created_at, e) < 0 || store_plan_insert(s, &row, &id, e) < 0)
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

int import_write_actions(struct import *im, int64_t org, err *e)
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
int import_write_readings_and_links(struct import *im, err *e)
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

int import_write_you_said(struct import *im, int64_t org, err *e)
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

