/* area_evaluations.c: the area's view of its organisations'
 * self-evaluations: each organisation's latest Four Cornerstones
 * evaluation counted per cornerstone against the installed instrument,
 * from two aggregate queries (organisations, then their statements). */
#include "domain/area.h"

#include <stdlib.h>
#include <string.h>

#include "domain/internal.h"
#include "store/area.h"

const char *evaluation_status_words(const char *status)
{
	if (!status)
		return "Not started";
	if (!strcmp(status, "in-review"))
		return "In review";
	if (!strcmp(status, "submitted"))
		return "Submitted";
	return "Draft";
}

static const char *later(const char *a, const char *b)
{
	if (!a)
		return b;
	return b && strcmp(b, a) > 0 ? b : a;
}

/* The cornerstones with their statement and indicator totals. */
static picture_cornerstone *cornerstones_of(arena *a, const framework *fw)
{
	picture_cornerstone *c = ARENA_ARRAY(a, fw->n_sections + 1, c);
	for (size_t s = 0; s < fw->n_sections; s++) {
		c[s].section = &fw->sections[s];
		c[s].statements = fw->sections[s].n_elements;
		for (size_t k = 0; k < fw->sections[s].n_elements; k++)
			c[s].indicators += fw->sections[s].elements[k].n_indicators;
	}
	return c;
}

/* Counts one statement row into its organisation's cornerstone. A key the
 * installed instrument does not know (an older version's) is left out. */
static void count_statement(const framework *fw, picture_evaluation *o, const picture_statement_row *st)
{
	const fw_element *el = framework_element(fw, st->element_key);
	if (!el || !el->section)
		return;
	picture_cornerstone *c = &o->cornerstones[el->section - fw->sections];
	bool judged = st->status && !strcmp(st->status, "complete");
	size_t evidenced = (size_t)st->evidenced < el->n_indicators ? (size_t)st->evidenced : el->n_indicators;
	c->judged += judged;
	c->evidenced += evidenced;
	c->groups |= st->groups | st->evidence_groups;
	o->judged += judged;
	o->evidenced += evidenced;
	o->groups |= st->groups | st->evidence_groups;
	o->changed_at = later(o->changed_at, st->changed_at);
}

static int by_evaluation(const void *a, const void *b)
{
	int64_t x = (*(picture_evaluation *const *)a)->row.evaluation_id;
	int64_t y = (*(picture_evaluation *const *)b)->row.evaluation_id;
	return (x > y) - (x < y);
}

/* Counts a list of statement rows (in evaluation order) into the
 * organisations, sorted the same way, in one walk. */
static void count_statements(const framework *fw, picture_evaluation **by_id, size_t n,
			     const picture_statement_list *statements)
{
	for (size_t i = 0, j = 0; i < statements->n; i++) {
		const picture_statement_row *st = &statements->items[i];
		while (j < n && by_id[j]->row.evaluation_id < st->evaluation_id)
			j++;
		if (j < n && by_id[j]->row.evaluation_id == st->evaluation_id)
			count_statement(fw, by_id[j], st);
	}
}

int area_evaluations_load(domain *d, int64_t area, const picture_filter *f, area_evaluations *out,
			  err *e)
{
	memset(out, 0, sizeof *out);
	out->fw = fw_registry_find(d->frameworks, PICTURE_EVALUATION_FRAMEWORK);
	if (!out->fw)
		return err_set(e, ERR_NOTFOUND,
			       "the instrument " PICTURE_EVALUATION_FRAMEWORK " is not installed: put "
			       PICTURE_EVALUATION_FRAMEWORK ".json back in copro's frameworks folder.");
	picture_evaluation_list orgs;
	picture_statement_list reviews = {0}, evidence = {0};
	if (store_picture_evaluations(d->db, d->mem, area, out->fw->id, f, &orgs, e) < 0 ||
	    store_picture_reviews(d->db, d->mem, area, out->fw->id, f, &reviews, e) < 0 ||
	    store_picture_evidence(d->db, d->mem, area, out->fw->id, f, &evidence, e) < 0)
		return -1;
	out->n_orgs = orgs.n;
	out->orgs = ARENA_ARRAY(d->mem, orgs.n + 1, out->orgs);
	picture_evaluation **by_id = ARENA_ARRAY(d->mem, orgs.n + 1, by_id);
	for (size_t i = 0; i < orgs.n; i++) {
		picture_evaluation *o = &out->orgs[i];
		by_id[i] = o;
		o->row = orgs.items[i];
		o->cornerstones = cornerstones_of(d->mem, out->fw);
		o->statements = out->fw->n_elements;
		o->indicators = out->fw->n_indicators;
		if (!o->row.evaluation_id)
			continue;
		o->changed_at = o->row.updated_at;
		out->started++;
		out->submitted += o->row.status && !strcmp(o->row.status, "submitted");
	}
	qsort(by_id, out->n_orgs, sizeof *by_id, by_evaluation);
	count_statements(out->fw, by_id, out->n_orgs, &reviews);
	count_statements(out->fw, by_id, out->n_orgs, &evidence);
	return 0;
}
