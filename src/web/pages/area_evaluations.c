/* area_evaluations.c: /area/{area}/self-evaluations, every organisation's
 * latest Four Cornerstones self-evaluation: statements judged, the tool's
 * indicators with evidence per cornerstone, the partner groups involved and
 * the last change, filterable by sector and service type like the
 * dashboard, with the area's totals per cornerstone. */
#include "web/pages/area_page.h"

#include <string.h>

static const char *status_tag(const char *status)
{
	if (!status)
		return "govuk-tag govuk-tag--grey";
	if (!strcmp(status, "submitted"))
		return "govuk-tag govuk-tag--green";
	if (!strcmp(status, "in-review"))
		return "govuk-tag govuk-tag--blue";
	return "govuk-tag govuk-tag--yellow";
}

static const char *of(request *r, size_t n, size_t total)
{
	return arena_printf(&r->mem, "%zu of %zu", n, total);
}

/* The area's totals per cornerstone: statements judged, indicators with
 * evidence, and how many organisations involved each partner group. */
void area_evaluation_totals(request *r, const area_evaluations *ev, const char *caption)
{
	const framework *fw = ev->fw;
	table_scroll_open(r, caption);
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		       "<caption class=\"govuk-table__caption govuk-table__caption--m\">%t</caption>"
		       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		       "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Statements judged</th>"
		       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Indicators with evidence</th>"
		       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">With children and young people</th>"
		       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">With parent carers</th>"
		       "</tr></thead><tbody class=\"govuk-table__body\">",
	      caption, sentence(r, fw->term_section ? fw->term_section : "section"));
	for (size_t s = 0; s < fw->n_sections; s++) {
		size_t judged = 0, statements = 0, evidenced = 0, indicators = 0, cyp = 0, parents = 0;
		for (size_t i = 0; i < ev->n_orgs; i++) {
			const picture_cornerstone *c = &ev->orgs[i].cornerstones[s];
			if (!ev->orgs[i].row.evaluation_id)
				continue;
			judged += c->judged, statements += c->statements;
			evidenced += c->evidenced, indicators += c->indicators;
			cyp += (c->groups & GROUP_CYP) != 0, parents += (c->groups & GROUP_PARENTS) != 0;
		}
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t %t</th>"
			       "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%t</td>"
			       "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%t</td>"
			       "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%t</td>"
			       "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%t</td></tr>",
		      fw->sections[s].key, fw->sections[s].title, of(r, judged, statements), of(r, evidenced, indicators),
		      of(r, cyp, ev->started), of(r, parents, ev->started));
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void org_evaluation_row(request *r, const area_evaluations *ev, const picture_evaluation *o)
{
	const framework *fw = ev->fw;
	htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
		       "<a class=\"govuk-link\" href=\"/org/%D\">%t</a></th>",
	      o->row.organisation_id, o->row.name);
	if (!o->row.evaluation_id) {
		htmlf(&r->out, "<td class=\"govuk-table__cell\"><strong class=\"%a\">Not started</strong></td>"
			       "<td class=\"govuk-table__cell\" colspan=\"4\">No self-evaluation yet</td></tr>",
		      status_tag(NULL));
		return;
	}
	htmlf(&r->out, "<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">%t</a>"
		       "<br><strong class=\"%a\">%t</strong></td>"
		       "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%t</td>"
		       "<td class=\"govuk-table__cell\"><ul class=\"govuk-list govuk-!-margin-bottom-0\">",
	      o->row.organisation_id, o->row.evaluation_id, o->row.cycle, status_tag(o->row.status),
	      evaluation_status_words(o->row.status), of(r, o->judged, o->statements));
	for (size_t s = 0; s < fw->n_sections; s++)
		htmlf(&r->out, "<li>%t: %t</li>", fw->sections[s].key,
		      of(r, o->cornerstones[s].evidenced, o->cornerstones[s].indicators));
	htmlf(&r->out, "</ul></td><td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td></tr>",
	      sentence(r, groups_describe(&r->mem, o->groups)), date_in_words(&r->mem, o->changed_at));
}

static void evaluations_table(request *r, const area_evaluations *ev, const char *name)
{
	const char *caption = arena_printf(&r->mem, "Latest self-evaluation of every organisation in %s", name);
	table_scroll_open(r, caption);
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		       "<caption class=\"govuk-table__caption govuk-table__caption--m\">%t</caption>"
		       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		       "<th scope=\"col\" class=\"govuk-table__header\">Organisation</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Self-evaluation</th>"
		       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Statements judged</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Indicators with evidence, per %t</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Partner groups involved</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Last change</th>"
		       "</tr></thead><tbody class=\"govuk-table__body\">",
	      caption, ev->fw->term_section ? ev->fw->term_section : "section");
	for (size_t i = 0; i < ev->n_orgs; i++)
		org_evaluation_row(r, ev, &ev->orgs[i]);
	htmlf(&r->out, "</tbody></table></div>");
}

/* ROUTE: GET /area/{area}/self-evaluations (area administrator) */
static int page_area_evaluations(request *r)
{
	area_filtered af;
	int st = area_filtered_read(r, &af);
	if (st)
		return st;
	const picture_filter f = af.f;
	const char *name = af.name;
	area_evaluations ev;
	if (!af.fe.n && area_evaluations_load(&r->d, r->area, &f, &ev, &r->e) < 0)
		return page_failed(r);
	st = area_filtered_begin(r, &af, "Self-evaluations", "/self-evaluations", "the self-evaluations");
	if (st)
		return st;
	if (!ev.n_orgs) {
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", f.sector || f.type
			? "No organisations match these filters. Choose others, or clear them."
			: "There are no organisations in this area yet.");
		page_end(r);
		return 200;
	}
	htmlf(&r->out, "<p class=\"govuk-body\">%t %t started a self-evaluation with the %t; %t submitted one.</p>"
		       "<div class=\"govuk-inset-text\">Each organisation's latest self-evaluation is the one it started "
		       "last. Indicators with evidence counts the tool's own indicators only, so organisations "
		       "compare on the same list; an organisation's own indicators show on its pages. A partner "
		       "group is involved when it took part in a judgement or in evidence linked to a statement.</div>",
	      of(r, ev.started, ev.n_orgs), ev.n_orgs == 1 ? "organisation" : "organisations", ev.fw->title,
	      text_count_of(&r->mem, (long long)ev.submitted, "has", "have"));
	evaluations_table(r, &ev, name);
	area_evaluation_totals(r, &ev, "All these self-evaluations, per cornerstone");
	page_end(r);
	return 200;
}

const route area_evaluations_routes[] = {
	{"GET", "/area/{area}/self-evaluations", page_area_evaluations, 0, ACCESS_NONE},
	{0},
};
