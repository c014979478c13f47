/* org_csv_match.c: the rows of a CSV import matched with what the area
 * holds: by URN for a GIAS extract, by name for a simple list; what is new,
 * changed, the same, or closed and skipped. */
#include "domain/org_csv_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
static int by_urn(const void *a, const void *b)
{
	const org_bulk_row *x = *(org_bulk_row *const *)a, *y = *(org_bulk_row *const *)b;
	return strcmp(x->urn ? x->urn : "", y->urn ? y->urn : "");
}

static int cand_by_urn(const void *a, const void *b)
{
	const cand *x = *(cand *const *)a, *y = *(cand *const *)b;
	int c = strcmp(x->o.urn, y->o.urn);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Rows are matched to the area's organisations in memory: a file may
 * hold tens of thousands. */
static org_bulk_row **sorted(matcher *m, int (*cmp)(const void *, const void *))
{
	org_bulk_row **p = arena_array(m->r->d->mem, m->have.n, sizeof *p);
	for (size_t i = 0; i < m->have.n; i++)
		p[i] = &m->have.items[i];
	qsort(p, m->have.n, sizeof *p, cmp);
	return p;
}

static org_bulk_row *find_urn(matcher *m, org_bulk_row **by, const char *urn)
{
	org_bulk_row key = {.urn = urn}, *k = &key;
	org_bulk_row **hit = bsearch(&k, by, m->have.n, sizeof *by, by_urn);
	if (!hit)
		return NULL;
	while (hit > by && by_urn(hit - 1, &k) == 0)
		hit--;          /* the oldest, as store_org_find_urn answers */
	return *hit;
}

static int by_name(const void *a, const void *b)
{
	const org_bulk_row *x = *(org_bulk_row *const *)a, *y = *(org_bulk_row *const *)b;
	return strcmp(x->name, y->name);
}

static org_bulk_row *find_name(matcher *m, org_bulk_row **by, const char *name)
{
	org_bulk_row key = {.name = name}, *k = &key;
	org_bulk_row **hit = bsearch(&k, by, m->have.n, sizeof *by, by_name);
	if (!hit)
		return NULL;
	while (hit > by && by_name(hit - 1, &k) == 0)
		hit--;
	return *hit;
}

static size_t index_of(matcher *m, const org_bulk_row *o)
{
	return (size_t)(o - m->have.items);
}

static bool unchanged(const org_bulk_row *a, const org_bulk_row *b)
{
	return csv_same_text(a->name, b->name) && csv_same_text(a->type, b->type) &&
	       csv_same_text(a->sector, b->sector) && csv_same_text(a->urn, b->urn) &&
	       csv_same_text(a->ukprn, b->ukprn) && csv_same_text(a->la_code, b->la_code) &&
	       csv_same_text(a->opened_on, b->opened_on) && csv_same_text(a->closed_on, b->closed_on);
}

/* Row c will become organisation `old`: what the file does not say (a
 * column it lacks, sector, ODS code) stays as it was. */
static void become(matcher *m, cand *c, const org_bulk_row *old)
{
	reader *r = m->r;
	m->taken[index_of(m, old)] = true;
	org_bulk_row o = *old;
	o.name = c->o.name;
	if (r->fmt == F_GIAS) {
		o.urn = c->o.urn;
		o.type = c->o.type;                     /* a required column */
		if (r->has[C_LA]) o.la_code = c->o.la_code;
		if (r->has[C_UKPRN]) o.ukprn = c->o.ukprn;
		if (r->has[C_OPEN]) o.opened_on = c->o.opened_on;
		if (r->has[C_CLOSE]) o.closed_on = c->o.closed_on;
	} else {
		o.sector = c->o.sector;
		if (*c->o.type) o.type = c->o.type;     /* empty keeps the type */
	}
	c->action = unchanged(&o, old) ? A_SAME : A_UPDATE;
	c->o = o;
}

/* A closed establishment the area does not have is skipped, problems and
 * all; one it has is updated, so its closing date is recorded, and then
 * its problems count. */
static void skip_or_close(matcher *m, org_bulk_row **urns, cand *c)
{
	org_bulk_row *old = c->o.urn && text_digits(c->o.urn, 6) ? find_urn(m, urns, c->o.urn) : NULL;
	if (!old) {
		c->action = A_SKIP;
		return;
	}
	if (!c->held) {
		become(m, c, old);
		return;
	}
	for (held *h = c->held; h; h = h->next)
		csv_problem(m->r, c->line, "%s", h->message);
	c->bad = true;
}

void csv_match_gias(matcher *m)
{
	reader *r = m->r;
	org_bulk_row **urns = sorted(m, by_urn), **names = sorted(m, by_name);
	/* The same URN twice in the file: the later rows are problems. */
	cand **byu = arena_array(r->d->mem, r->n_rows, sizeof *byu);
	size_t n = 0;
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].o.urn && text_digits(r->rows[i].o.urn, 6))
			byu[n++] = &r->rows[i];
	qsort(byu, n, sizeof *byu, cand_by_urn);
	for (size_t i = 1; i < n; i++)
		if (strcmp(byu[i]->o.urn, byu[i - 1]->o.urn) == 0) {
			size_t first = i - 1;
			while (first > 0 && strcmp(byu[first - 1]->o.urn, byu[i]->o.urn) == 0)
				first--;
			csv_problem(r, byu[i]->line, "URN %s is also on line %zu: each establishment should be in "
				"the file once; remove one of the rows.", byu[i]->o.urn, byu[first]->line);
			byu[i]->bad = true;
		}
	for (size_t i = 0; i < r->n_rows; i++) {
		cand *c = &r->rows[i];
		if (c->closed && !r->rep->include_closed && !c->bad) {
			skip_or_close(m, urns, c);
			continue;
		}
		if (c->bad)
			continue;
		org_bulk_row *old = find_urn(m, urns, c->o.urn);
		if (!old && !c->closed) {
			/* Added by hand before, without a URN: it takes this one. */
			org_bulk_row *named = find_name(m, names, c->o.name);
			if (named && !named->urn && !m->taken[index_of(m, named)])
				old = named;
		}
		if (old)
			become(m, c, old);
		else
			c->action = A_ADD;
	}
}

void csv_match_simple(matcher *m)
{
	reader *r = m->r;
	org_bulk_row **names = sorted(m, by_name);
	for (size_t i = 0; i < r->n_rows; i++) {
		cand *c = &r->rows[i];
		if (c->bad)
			continue;
		org_bulk_row *old = find_name(m, names, c->o.name);
		if (old && !m->taken[index_of(m, old)])
			become(m, c, old);
		else
			c->action = A_ADD;
	}
}

/* Each organisation to write as org_add would check it: a last guard, and
 * the one check of dates where one comes from the file and the other from
 * the area (a file with CloseDate but no OpenDate). */
void csv_final_check(reader *r)
{
	for (size_t i = 0; i < r->n_rows; i++) {
		cand *c = &r->rows[i];
		if (c->action != A_ADD && c->action != A_UPDATE)
			continue;
		org_row o = {.name = c->o.name, .type = c->o.type, .sector = c->o.sector,
			     .urn = c->o.urn, .ukprn = c->o.ukprn, .opened_on = c->o.opened_on,
			     .closed_on = c->o.closed_on};
		err e = {0};
		if (org_validate(&o, &e) < 0) {
			csv_problem(r, c->line, "%s", e.msg);
			c->bad = true;
			c->action = A_NONE;
		}
	}
}

/* A name and who will carry it, for the check that names in an area stay
 * different (org_add's rule). line 0: an organisation the file leaves. */
typedef struct name_use {
	const char *name;
	size_t line;
	int64_t id;
} name_use;

static int name_use_cmp(const void *a, const void *b)
{
	const name_use *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

void csv_check_names(matcher *m)
{
	reader *r = m->r;
	name_use *u = arena_array(r->d->mem, m->have.n + r->n_rows, sizeof *u);
	size_t n = 0;
	for (size_t i = 0; i < m->have.n; i++)
		if (!m->taken[i])
			u[n++] = (name_use){m->have.items[i].name, 0, m->have.items[i].id};
	for (size_t i = 0; i < r->n_rows; i++) {
		cand *c = &r->rows[i];
		if (!c->bad && c->action != A_SKIP)
			u[n++] = (name_use){c->o.name, c->line, c->o.id};
	}
	qsort(u, n, sizeof *u, name_use_cmp);
	for (size_t i = 1, first = 0; i < n; i++) {
		if (strcmp(u[i].name, u[first].name) != 0) {
			first = i;
			continue;
		}
		if (u[i].line == 0)
			continue;       /* two the area had already */
		if (u[first].line == 0)
			csv_problem(r, u[i].line, "organisation %lld in %s is already called \"%s\": names must "
				"differ within an area, so change this row's name (for example add the town).",
				(long long)u[first].id, m->area, csv_shown(r->d->mem, u[i].name));
		else
			csv_problem(r, u[i].line, "the name \"%s\" is also on line %zu: names must differ within "
				"an area, so change one of them (for example add the town).",
				csv_shown(r->d->mem, u[i].name), u[first].line);
	}
}

void csv_count(reader *r)
{
	org_csv_report *rep = r->rep;
	rep->added = rep->updated = rep->unchanged = rep->skipped = 0;
	for (size_t i = 0; i < r->n_rows; i++)
		switch (r->rows[i].action) {
		case A_ADD: rep->added++; break;
		case A_UPDATE: rep->updated++; break;
		case A_SAME: rep->unchanged++; break;
		case A_SKIP: rep->skipped++; break;
		case A_NONE: break;
		}
}

/* The rows to write, in file order. */
org_bulk_row *csv_changes(reader *r, size_t *n)
{
	org_bulk_row *out = arena_array(r->d->mem, r->n_rows, sizeof *out);
	*n = 0;
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].action == A_ADD || r->rows[i].action == A_UPDATE)
			out[(*n)++] = r->rows[i].o;
	return out;
}

/* Problems held back come to light after the others: list them all in
 * line order (a stable insertion sort: there are at most 50). */
void csv_sort_problems(org_csv_report *rep)
{
	for (size_t i = 1; i < rep->n_problems; i++) {
		org_csv_problem p = rep->problems[i];
		size_t k = i;
		for (; k > 0 && rep->problems[k - 1].line > p.line; k--)
			rep->problems[k] = rep->problems[k - 1];
		rep->problems[k] = p;
	}
}

