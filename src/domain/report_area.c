/* report_area.c: the area report for the SEND partnership board
 * (summaries.h): the portfolio, the heat map as a table, outcomes over
 * time, self-evaluation coverage and overdue actions, from the same loads
 * as the area's pages (domain/area.c, domain/area_evaluations.c). Wording
 * of principles, levels and outcomes comes from the instruments. */
#include "domain/summaries.h"

#include <ctype.h>
#include <string.h>

#include "core/text.h"
#include "store/area.h"

typedef struct area_report {
	domain *d;
	report_doc *r;
	area_picture p;
	area_evaluations ev;
	picture_trend trend;
	picture_action_list overdue;
	fw_item *outcomes;
	size_t n_outcomes;
	const char *term;       /* "Principle", from the instrument's term */
} area_report;

static const char *capital(arena *a, const char *s)
{
	char *out = arena_strdup(a, s ? s : "");
	if (*out && (unsigned char)*out < 0x80)
		*out = (char)toupper((unsigned char)*out);
	return out;
}

static const char *org_link(arena *a, int64_t org)
{
	return arena_printf(a, "/org/%lld", (long long)org);
}

static const char *title_of(const fw_item *items, size_t n, const char *key, const char *none)
{
	if (!key)
		return none;
	int i = picture_item_index(items, n, key);
	return i < 0 ? key : items[i].title;
}

static const char *sector_words(const char *sector)
{
	static const char *const names[] = {"education", "Education", "health", "Health",
					    "care", "Social care", "voluntary", "Voluntary sector"};
	for (size_t i = 0; sector && i < sizeof names / sizeof *names; i += 2)
		if (!strcmp(sector, names[i]))
			return names[i + 1];
	return sector ? sector : "";
}

static void summary_facts(area_report *x)
{
	arena *a = x->r->mem;
	report_heading(x->r, 1, "Summary");
	report_block *f = report_facts(x->r);
	report_fact_add(f, "Organisations", text_count(a, (long long)x->p.n_orgs));
	report_fact_add(f, "With an accepted joint partnership audit", text_count(a, (long long)x->p.audited));
	report_fact_add(f, "Audited in the last 12 months", text_count(a, (long long)x->p.audited_recently));
	report_fact_add(f, "With an audit review overdue", text_count(a, (long long)x->p.reviews_overdue));
	report_fact_add(f, "With a self-evaluation started", arena_printf(a, "%s of %s",
			text_count(a, (long long)x->ev.started), text_count(a, (long long)x->ev.n_orgs)));
	report_fact_add(f, "With a self-evaluation submitted", text_count(a, (long long)x->ev.submitted));
	report_fact_add(f, "Overdue actions", text_count(a, (long long)x->overdue.n));
	report_note(x->r, arena_printf(a, "An organisation's latest audit is its most recent accepted audit. "
				       "Audited in the last 12 months means an audit accepted or sent to the "
				       "area dated from %s to %s. Projects this year start between %s and %s.",
				       date_in_words(a, x->p.dates.since), date_in_words(a, x->p.dates.today),
				       date_in_words(a, x->p.dates.year_from), date_in_words(a, x->p.dates.year_to)));
}

static const char *follow_up(arena *a, const picture_org *o)
{
	const char *t = "";
	if (o->review_overdue)
		t = arena_printf(a, "Review overdue since %s", date_in_words(a, o->row.review_on));
	if (!o->row.audited_recently)
		t = arena_printf(a, "%s%sNo audit in the last 12 months", t, *t ? "\n" : "");
	return *t ? t : "None";
}

static const char *evaluation_words(arena *a, const picture_evaluation *se)
{
	if (!se || !se->row.evaluation_id)
		return "Not started";
	return arena_printf(a, "%s, %s\n%zu of %zu statements judged", se->row.cycle,
			    evaluation_status_words(se->row.status), se->judged, se->statements);
}

/* The organisation's self-evaluation: both lists are the area's
 * organisations by name, so the same index (checked) holds it. */
static const picture_evaluation *evaluation_of(const area_report *x, size_t i)
{
	if (i < x->ev.n_orgs && x->ev.orgs[i].row.organisation_id == x->p.orgs[i].row.id)
		return &x->ev.orgs[i];
	for (size_t k = 0; k < x->ev.n_orgs; k++)
		if (x->ev.orgs[k].row.organisation_id == x->p.orgs[i].row.id)
			return &x->ev.orgs[k];
	return NULL;
}

static void portfolio(area_report *x)
{
	arena *a = x->r->mem;
	report_heading(x->r, 1, "Portfolio");
	if (!x->p.n_orgs) {
		report_paragraph(x->r, "There are no organisations in this area yet.");
		return;
	}
	const char *head[] = {"Organisation", "Sector", "Type", "Latest audit", "Self-evaluation",
			      "Projects this year", "To follow up"};
	const double widths[] = {2.4, 1.2, 1.4, 1.6, 2, 1, 1.8};
	report_block *t = report_table(x->r, "Portfolio", 7, head, widths);
	for (size_t i = 0; i < x->p.n_orgs; i++) {
		const picture_org *o = &x->p.orgs[i];
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], o->row.name, org_link(a, o->row.id));
		row[0].strong = true;
		report_cell_set(t, &row[1], sector_words(o->row.sector), NULL);
		report_cell_set(t, &row[2], o->row.type, NULL);
		report_cell_set(t, &row[3], o->row.audit_id
				? arena_printf(a, "%s\n%s", title_of(x->outcomes, x->n_outcomes, o->row.outcome,
								     "No outcome recorded"),
					       date_in_words(a, o->row.audit_date))
				: "No accepted audit", NULL);
		report_cell_set(t, &row[4], evaluation_words(a, evaluation_of(x, i)), NULL);
		report_cell_set(t, &row[5], arena_printf(a, "%lld", (long long)o->row.projects), NULL);
		report_cell_set(t, &row[6], follow_up(a, o), NULL);
	}
}

static void principle_key(area_report *x)
{
	const framework *fw = x->p.fw;
	const char *t = "";
	for (size_t i = 0; i < fw->n_sections; i++)
		t = arena_printf(x->r->mem, "%s%s%s %s: %s", t, i ? "\n" : "", x->term, fw->sections[i].key,
				 fw->sections[i].title);
	report_paragraph(x->r, t);
}

/* Levels counted per principle, with how many recorded none. */
static void level_counts(area_report *x)
{
	arena *a = x->r->mem;
	size_t nl = x->p.n_levels;
	const char **head = ARENA_ARRAY(a, nl + 2, head);
	head[0] = x->term;
	for (size_t l = 0; l < nl; l++)
		head[l + 1] = x->p.levels[l].title;
	head[nl + 1] = "Recorded";
	report_paragraph(x->r, arena_printf(a, "How many latest accepted audits put each %s at each level.",
					    x->p.fw->term_section ? x->p.fw->term_section : "section"));
	report_block *t = report_table(x->r, arena_printf(a, "Levels per %s", x->p.fw->term_section ? x->p.fw->term_section : "section"),
				       nl + 2, head, NULL);
	for (size_t s = 0; s < x->p.fw->n_sections; s++) {
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], arena_printf(a, "%s %s", x->term, x->p.fw->sections[s].key), NULL);
		row[0].strong = true;
		for (size_t l = 0; l < nl; l++)
			report_cell_set(t, &row[l + 1], arena_printf(a, "%zu", x->p.counts[s * nl + l]), NULL);
		report_cell_set(t, &row[nl + 1], arena_printf(a, "%zu", x->p.recorded[s]), NULL);
	}
}

static void heat_map(area_report *x)
{
	arena *a = x->r->mem;
	const framework *fw = x->p.fw;
	report_heading(x->r, 1, "Heat map");
	if (!x->p.audited) {
		report_paragraph(x->r, "No organisation in the area has an accepted audit yet.");
		return;
	}
	report_paragraph(x->r, arena_printf(a, "Each organisation's level for each %s, from its latest accepted "
					    "audit. Organisations with no accepted audit are left out.",
					    fw->term_section ? fw->term_section : "section"));
	principle_key(x);
	const char **head = ARENA_ARRAY(a, fw->n_sections + 1, head);
	head[0] = "Organisation";
	double *widths = ARENA_ARRAY(a, fw->n_sections + 1, widths);
	widths[0] = 2.5;
	for (size_t s = 0; s < fw->n_sections; s++) {
		head[s + 1] = arena_printf(a, "%s %s", x->term, fw->sections[s].key);
		widths[s + 1] = 1;
	}
	report_block *t = report_table(x->r, "Heat map", fw->n_sections + 1, head, widths);
	for (size_t i = 0; i < x->p.n_orgs; i++) {
		const picture_org *o = &x->p.orgs[i];
		if (!o->row.audit_id)
			continue;
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], o->row.name, org_link(a, o->row.id));
		row[0].strong = true;
		for (size_t s = 0; s < fw->n_sections; s++)
			report_cell_set(t, &row[s + 1], title_of(x->p.levels, x->p.n_levels, o->levels[s], "Not recorded"), NULL);
	}
	level_counts(x);
}

static void outcomes_over_time(area_report *x)
{
	arena *a = x->r->mem;
	report_heading(x->r, 1, "Outcomes over time");
	if (!x->trend.n_years) {
		report_paragraph(x->r, "No audit in the area has been accepted yet.");
		return;
	}
	report_paragraph(x->r, "Accepted audits per academic year (1 September to 31 August), by outcome.");
	size_t n = x->trend.n_outcomes;
	const char **head = ARENA_ARRAY(a, n + 2, head);
	head[0] = "Academic year";
	for (size_t k = 0; k < n; k++)
		head[k + 1] = x->trend.outcomes[k].title;
	head[n + 1] = "Total";
	report_block *t = report_table(x->r, "Outcomes over time", n + 2, head, NULL);
	for (size_t y = 0; y < x->trend.n_years; y++) {
		const picture_year *py = &x->trend.years[y];
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], arena_printf(a, "%d to %d", py->year, py->year + 1), NULL);
		row[0].strong = true;
		for (size_t k = 0; k < n; k++)
			report_cell_set(t, &row[k + 1], arena_printf(a, "%zu", py->counts[k]), NULL);
		report_cell_set(t, &row[n + 1], arena_printf(a, "%zu", py->total), NULL);
	}
}

/* Per cornerstone, over the organisations that started a self-evaluation. */
static void coverage_by_cornerstone(area_report *x)
{
	arena *a = x->r->mem;
	const char *head[] = {"Cornerstone", "Statements judged", "Indicators evidenced",
			      "Organisations with partner groups involved"};
	report_block *t = report_table(x->r, "Self-evaluation coverage per cornerstone", 4, head, NULL);
	for (size_t s = 0; s < x->ev.fw->n_sections; s++) {
		size_t judged = 0, statements = 0, evidenced = 0, indicators = 0, involved = 0;
		for (size_t i = 0; i < x->ev.n_orgs; i++) {
			const picture_evaluation *o = &x->ev.orgs[i];
			if (!o->row.evaluation_id)
				continue;
			judged += o->cornerstones[s].judged;
			statements += o->cornerstones[s].statements;
			evidenced += o->cornerstones[s].evidenced;
			indicators += o->cornerstones[s].indicators;
			involved += o->cornerstones[s].groups != 0;
		}
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], arena_printf(a, "%s %s", x->ev.fw->sections[s].key,
							 x->ev.fw->sections[s].title), NULL);
		row[0].strong = true;
		report_cell_set(t, &row[1], arena_printf(a, "%zu of %zu", judged, statements), NULL);
		report_cell_set(t, &row[2], arena_printf(a, "%zu of %zu", evidenced, indicators), NULL);
		report_cell_set(t, &row[3], arena_printf(a, "%zu of %zu", involved, x->ev.started), NULL);
	}
}

static void coverage(area_report *x)
{
	arena *a = x->r->mem;
	report_heading(x->r, 1, "Self-evaluation coverage");
	report_paragraph(x->r, arena_printf(a, "%s of %s organisations have started a Four Cornerstones "
					    "self-evaluation; %s submitted one. The figures are each "
					    "organisation's latest self-evaluation.",
					    text_count(a, (long long)x->ev.started), text_count(a, (long long)x->ev.n_orgs),
					    text_count(a, (long long)x->ev.submitted)));
	if (!x->ev.started)
		return;
	coverage_by_cornerstone(x);
	const char *head[] = {"Organisation", "Self-evaluation", "Statements judged", "Indicators evidenced",
			      "Partner groups involved"};
	const double widths[] = {2.4, 1.8, 1.2, 1.2, 2.6};
	report_block *t = report_table(x->r, "Self-evaluation of each organisation", 5, head, widths);
	for (size_t i = 0; i < x->ev.n_orgs; i++) {
		const picture_evaluation *o = &x->ev.orgs[i];
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], o->row.name, org_link(a, o->row.organisation_id));
		row[0].strong = true;
		if (!o->row.evaluation_id) {
			report_cell_set(t, &row[1], "Not started", NULL);
			continue;
		}
		report_cell_set(t, &row[1], arena_printf(a, "%s, %s", o->row.cycle, evaluation_status_words(o->row.status)),
				arena_printf(a, "/org/%lld/evaluation/%lld", (long long)o->row.organisation_id,
					     (long long)o->row.evaluation_id));
		report_cell_set(t, &row[2], arena_printf(a, "%zu of %zu", o->judged, o->statements), NULL);
		report_cell_set(t, &row[3], arena_printf(a, "%zu of %zu", o->evidenced, o->indicators), NULL);
		report_cell_set(t, &row[4], capital(a, groups_describe(a, o->groups)), NULL);
	}
}

static void overdue_actions(area_report *x)
{
	arena *a = x->r->mem;
	report_heading(x->r, 1, "Overdue actions");
	if (!x->overdue.n) {
		report_paragraph(x->r, "No organisation in the area has an overdue action.");
		return;
	}
	report_paragraph(x->r, "Actions open or in progress whose due date has passed, the longest overdue first.");
	const char *head[] = {"Organisation", "Action", "Who", "Due"};
	const double widths[] = {2.2, 4, 1.6, 1.4};
	report_block *t = report_table(x->r, "Overdue actions", 4, head, widths);
	for (size_t i = 0; i < x->overdue.n; i++) {
		const picture_action_row *o = &x->overdue.items[i];
		report_cell *row = report_row(t);
		report_cell_set(t, &row[0], o->organisation, arena_printf(a, "/org/%lld/actions", (long long)o->organisation_id));
		row[0].strong = true;
		report_cell_set(t, &row[1], o->title, NULL);
		report_cell_set(t, &row[2], o->owner && *o->owner ? o->owner : "Not given", NULL);
		report_cell_set(t, &row[3], date_in_words(a, o->due_on), NULL);
	}
}

int report_area(domain *d, int64_t area, const char *today, report_doc **out, err *e)
{
	area_report x = {.d = d};
	const char *name;
	if (area_name(d, area, &name, e) < 0 || area_picture_load(d, area, NULL, today, &x.p, e) < 0 ||
	    area_evaluations_load(d, area, NULL, &x.ev, e) < 0 ||
	    picture_trend_load(d, area, NULL, &x.trend, e) < 0 ||
	    store_picture_overdue_actions(d->db, d->mem, area, x.p.dates.today, &x.overdue, e) < 0)
		return -1;
	x.n_outcomes = picture_outcomes(d->mem, x.p.fw, &x.outcomes);
	x.term = capital(d->mem, x.p.fw->term_section ? x.p.fw->term_section : "section");
	x.r = report_new(d->mem, arena_printf(d->mem, "Area report: %s", name));
	x.r->landscape = true;  /* the portfolio and heat map are wide */
	x.r->subtitle = "For the SEND partnership board: joint partnership audits, self-evaluations and actions";
	x.r->made = arena_printf(d->mem, "Made on %s", date_in_words(d->mem, x.p.dates.today));
	x.r->filename = report_safe_name(d->mem, arena_printf(d->mem, "area report %s %s", name, x.p.dates.today));
	summary_facts(&x);
	portfolio(&x);
	heat_map(&x);
	outcomes_over_time(&x);
	coverage(&x);
	overdue_actions(&x);
	*out = x.r;
	return 0;
}
