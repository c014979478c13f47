/* gold.c: Charter Gold readiness: per cornerstone and statement, what
 * seed 001's guidance asks of an organisation seeking Gold ("most, if not
 * all, of the examples will be evidenced"), read from the evaluation:
 * examples with and without evidence, own indicators, evidence grown old
 * or carried forward and not re-confirmed, who took part, partners'
 * views. copro's reading, never an award. Also the area's settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/gold.h"
#include "domain/review.h"
#include "domain/views.h"
#include "store/account.h"
#include "store/gold.h"

/* ---- dates --------------------------------------------------------------- */

void gold_add_years(const char *iso, int years, char out[11])
{
	int y = 0, m = 0, dd = 0;
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &dd) != 3) {
		snprintf(out, 11, "%s", "");
		return;
	}
	y += years;
	if (m == 2 && dd == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		dd = 28;
	char t[40];
	snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, dd);
	snprintf(out, 11, "%.10s", t);
}

void gold_add_days(const char *iso, int days, char out[11])
{
	char t[32];
	snprintf(t, sizeof t, "%.10sT12:00:00Z", iso);
	char when[21];
	time_iso(time_parse_iso(t) + (int64_t)days * 24 * 3600, when);
	snprintf(out, 11, "%.10s", when);
}

/* ---- settings ------------------------------------------------------------ */

int gold_settings_get(domain *d, int64_t area, gold_settings *out, err *e)
{
	*out = (gold_settings){GOLD_EVIDENCE_YEARS_DEFAULT, GOLD_AWARD_YEARS_DEFAULT, true};
	gold_setting_row row;
	int found = area ? store_gold_setting_get(d->db, d->mem, area, &row, e) : 0;
	if (found < 0)
		return -1;
	if (found)
		*out = (gold_settings){row.evidence_years, row.award_years, false};
	return 0;
}

int gold_settings_of_org(domain *d, int64_t org, gold_settings *out, err *e)
{
	int64_t area = 0;
	if (store_org_area(d->db, org, &area, e) < 0)
		return -1;
	return gold_settings_get(d, area, out, e);
}

int gold_settings_set(domain *d, const user_row *who, int64_t area, int evidence_years,
		      int award_years, err *e)
{
	if (evidence_years < 1 || evidence_years > 10)
		return err_set(e, ERR_INPUT, "Evidence counts as old after a whole number of years from 1 to 10.");
	if (award_years < 1 || award_years > 10)
		return err_set(e, ERR_INPUT, "Reaccreditation is due after a whole number of years from 1 to 10.");
	char now[21];
	time_now_iso(now);
	gold_setting_row row = {area, evidence_years, award_years, now};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_gold_setting_put(d->db, &row, e) < 0 ||
	    activity_log(d, who, 0, area, arena_printf(d->mem, "set Charter Gold: evidence old after %d years, "
						       "reaccreditation after %d years", evidence_years, award_years), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* ---- readiness ----------------------------------------------------------- */

/* What the statement's pages and lists give, read once for the whole
 * evaluation. */
typedef struct gold_sources {
	link_list links;
	evidence_list evidence;
	carried_list carried;
	gold_comment_list comments;
	view_round_list rounds;
	view_element_list *elements;    /* per round */
	view_agreed_list *agreed;       /* per round */
} gold_sources;

static int sources_load(domain *d, const gold_readiness *g, gold_sources *s, err *e)
{
	int64_t ev = g->progress.evaluation.id, org = g->progress.evaluation.organisation_id;
	if (links_of_evaluation(d, ev, &s->links, e) < 0 || evidence_of_org(d, org, &s->evidence, e) < 0 ||
	    carried_links(d, ev, &s->carried, e) < 0 || store_gold_comments_of(d->db, d->mem, ev, &s->comments, e) < 0 ||
	    views_of_org(d, org, &s->rounds, e) < 0)
		return -1;
	s->elements = arena_array(d->mem, s->rounds.n + 1, sizeof *s->elements);
	s->agreed = arena_array(d->mem, s->rounds.n + 1, sizeof *s->agreed);
	for (size_t i = 0; i < s->rounds.n; i++) {
		if (s->rounds.items[i].evaluation_id != ev)
			continue;
		if (views_elements(d, s->rounds.items[i].id, &s->elements[i], e) < 0 ||
		    views_agreed_of_round(d, s->rounds.items[i].id, &s->agreed[i], e) < 0)
			return -1;
	}
	return 0;
}

static const evidence_row *evidence_find(const gold_sources *s, int64_t id)
{
	for (size_t i = 0; i < s->evidence.n; i++)
		if (s->evidence.items[i].id == id)
			return &s->evidence.items[i];
	return NULL;
}

static bool unconfirmed(const gold_sources *s, int64_t evidence, const char *element)
{
	for (size_t i = 0; i < s->carried.n; i++) {
		const carried_row *c = &s->carried.items[i];
		if (c->evidence_id == evidence && !strcmp(c->element_key, element) && !c->confirmed_at)
			return true;
	}
	return false;
}

/* The statement's evidence, each item once however many of its
 * indicators it counts for. */
static void statement_evidence(domain *d, const gold_readiness *g, const gold_sources *s,
			       gold_statement *st)
{
	const char *key = st->progress->element->key;
	st->evidence = arena_array(d->mem, s->links.n + 1, sizeof *st->evidence);
	for (size_t l = 0; l < s->links.n; l++) {
		const link_row *ln = &s->links.items[l];
		if (strcmp(ln->element_key, key))
			continue;
		bool seen = false;
		for (size_t i = 0; i < st->n_evidence; i++)
			seen |= st->evidence[i].row.id == ln->evidence_id;
		const evidence_row *row = evidence_find(s, ln->evidence_id);
		if (seen || !row)
			continue;
		gold_evidence *ge = &st->evidence[st->n_evidence++];
		ge->row = *row;
		ge->old = strcmp(row->date, g->old_before) < 0;
		ge->unconfirmed = unconfirmed(s, row->id, key);
		st->old += ge->old;
		st->unconfirmed += ge->unconfirmed;
		st->evidence_groups |= row->groups;
	}
}

static void statement_views(domain *d, const gold_sources *s, int64_t ev, gold_statement *st)
{
	const char *key = st->progress->element->key;
	st->views = arena_array(d->mem, s->rounds.n + 1, sizeof *st->views);
	for (size_t i = 0; i < s->rounds.n; i++) {
		const view_round_row *rr = &s->rounds.items[i];
		bool asked = false;
		for (size_t k = 0; rr->evaluation_id == ev && k < s->elements[i].n; k++)
			asked |= !strcmp(s->elements[i].items[k].element_key, key);
		if (!asked)
			continue;
		gold_views *v = &st->views[st->n_views++];
		*v = (gold_views){.round = rr->id, .title = rr->title};
		for (size_t k = 0; k < s->agreed[i].n; k++)
			if (!strcmp(s->agreed[i].items[k].element_key, key)) {
				v->agreed = true;
				v->groups = s->agreed[i].items[k].groups;
			}
	}
}

static void statement_load(domain *d, const gold_readiness *g, const gold_sources *s,
			   const element_progress *ep, gold_statement *st)
{
	st->progress = ep;
	for (size_t i = 0; i < ep->n_indicators; i++) {
		const indicator_progress *ip = &ep->indicators[i];
		if (ip->own) {
			st->own++;
			st->own_evidenced += ip->evidence > 0;
		} else {
			st->examples++;
			st->examples_evidenced += ip->evidence > 0;
		}
	}
	st->judgement_groups = ep->review.groups;
	statement_evidence(d, g, s, st);
	statement_views(d, s, g->progress.evaluation.id, st);
	for (size_t i = 0; i < s->comments.n; i++)
		if (!strcmp(s->comments.items[i].element_key, ep->element->key))
			st->comment = &s->comments.items[i];
	/* A gap is something a person can fix from a page: an example without
	 * evidence, old or unconfirmed evidence, a partner group missing from
	 * the evidence or the judgement, a judgement not complete. */
	const int all = GROUP_CYP | GROUP_PARENTS | GROUP_PRACTITIONERS;
	st->gaps = (st->examples - st->examples_evidenced) + st->old + st->unconfirmed +
		   ((st->evidence_groups & all) != all) + ((st->judgement_groups & all) != all) +
		   (strcmp(ep->review.status, "complete") != 0);
}

static void cornerstone_add(gold_cornerstone *c, const gold_statement *st)
{
	c->examples += st->examples;
	c->examples_evidenced += st->examples_evidenced;
	c->own += st->own;
	c->old += st->old;
	c->unconfirmed += st->unconfirmed;
	c->gaps += st->gaps;
	c->statements_clear += st->gaps == 0;
	c->evidence_groups |= st->evidence_groups;
	c->judgement_groups |= st->judgement_groups;
}

int gold_readiness_load(domain *d, int64_t evaluation, gold_readiness *g, err *e)
{
	memset(g, 0, sizeof *g);
	gold_sources s = {0};
	if (evaluation_progress_load(d, evaluation, &g->progress, e) < 0 ||
	    org_get(d, g->progress.evaluation.organisation_id, &g->org, e) < 0 ||
	    gold_settings_of_org(d, g->org.id, &g->settings, e) < 0 || sources_load(d, g, &s, e) < 0 ||
	    gold_decisions_of(d, g->org.id, evaluation, &g->decisions, e) < 0)
		return -1;
	char today[11];
	date_today(today);
	gold_add_years(today, -g->settings.evidence_years, g->old_before);
	g->n_cornerstones = g->progress.n_sections;
	g->cornerstones = arena_array(d->mem, g->n_cornerstones + 1, sizeof *g->cornerstones);
	for (size_t c = 0; c < g->n_cornerstones; c++) {
		const section_progress *sp = &g->progress.sections[c];
		gold_cornerstone *gc = &g->cornerstones[c];
		gc->section = sp->section;
		gc->n_statements = sp->n_elements;
		gc->statements = arena_array(d->mem, sp->n_elements + 1, sizeof *gc->statements);
		for (size_t i = 0; i < sp->n_elements; i++) {
			statement_load(d, g, &s, &sp->elements[i], &gc->statements[i]);
			cornerstone_add(gc, &gc->statements[i]);
		}
		g->examples += gc->examples;
		g->examples_evidenced += gc->examples_evidenced;
		g->own += gc->own;
		g->old += gc->old;
		g->unconfirmed += gc->unconfirmed;
		g->gaps += gc->gaps;
		g->statements_clear += gc->statements_clear;
	}
	return 0;
}

const gold_statement *gold_statement_find(const gold_readiness *g, const char *key)
{
	for (size_t c = 0; c < g->n_cornerstones; c++)
		for (size_t i = 0; i < g->cornerstones[c].n_statements; i++)
			if (!strcmp(g->cornerstones[c].statements[i].progress->element->key, key))
				return &g->cornerstones[c].statements[i];
	return NULL;
}
