/* evaluation.c: a self-evaluation's overview at /org/{org}/evaluation/{evaluation}
 * (progress per cornerstone, as a chart and as a table, and every statement
 * with its status), starting one (/org/{org}/evaluations) and starting the
 * next cycle from it, and the comparison of a cycle with the one before
 * (.../compare). The statement pages are in statement.c; what both use is
 * here, declared in evaluation_page.h.
 *
 * Every handler first checks that the evaluation in the URL belongs to the
 * organisation in the URL (r->org, checked by the dispatcher): another
 * organisation's evaluation does not exist here (404). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/review.h"
#include "web/pages/evaluation_page.h"

/* ---- shared with statement.c ------------------------------------------ */

const char *eval_section_name(request *r, const framework *fw, const fw_section *s)
{
	char *term = arena_strdup(&r->mem, fw->term_section ? fw->term_section : "section");
	if (term[0] >= 'a' && term[0] <= 'z')
		term[0] = (char)(term[0] - 'a' + 'A');
	return arena_printf(&r->mem, "%s %s: %s", term, s->key, s->title);
}

const char *statement_status_label(const char *status)
{
	if (!strcmp(status, "complete"))
		return "Complete";
	if (!strcmp(status, "in-progress"))
		return "In progress";
	return "Not started";
}

const char *statement_status_class(const char *status)
{
	if (!strcmp(status, "complete"))
		return "govuk-tag govuk-tag--green";
	if (!strcmp(status, "in-progress"))
		return "govuk-tag";
	return "govuk-tag govuk-tag--grey";
}

void eval_source_gap(request *r, const char *gap)
{
	gap_note(r, gap);
}

void eval_section_break(request *r)
{
	htmlf(&r->out, "<hr class=\"govuk-section-break govuk-section-break--l govuk-section-break--visible\">");
}

bool eval_submitted(const evaluation_progress *p)
{
	return strcmp(p->evaluation.status, "submitted") == 0;
}

/* What eval_page_load asks before anything is known of the evaluation. */
typedef struct eval_asked {
	frame_count_list counts;
	org_list org;
	evaluation_list ev;
	progress_reads progress;
	statement_link_list links;      /* the statement page's */
} eval_asked;

/* The page from what was read: the evaluation found in this organisation
 * (else 404) before anything else read with it is used. */
static int eval_page_take(request *r, eval_page *pg, bool statement, const eval_asked *q)
{
	evaluation_row ev;
	err e = {0};
	if (evaluation_take_in_org(r->org, param_id(r, 1), &q->ev, &ev, &e) < 0)
		return page_lookup_failed(r, &e);
	if (evaluation_progress_take(&r->d, &ev, &q->progress, &pg->p, &e) < 0)
		return page_error(r, &e);
	if (q->org.n == 1)
		pg->org = q->org.items[0];
	else if (org_get(&r->d, r->org, &pg->org, &e) < 0)
		return page_error(r, &e);
	if (statement) {
		pg->ep = r->params[2] ? progress_element(&pg->p, r->params[2]) : NULL;
		if (!pg->ep)
			return page_not_found(r);
	}
	web_frame_counts_take(r, &q->counts);
	return 0;
}

/* Loads the evaluation named in the URL (and the statement, when the route
 * has one). Answers 0, or the status of the error page it wrote. The
 * evaluation, its progress's reads (asked by the URL's id: the instrument
 * is looked up once the evaluation is found), the organisation and the
 * frame's counts go together, with those of a caller's open
 * domain_reads_begin: one round trip for all on PostgreSQL. */
static int load(request *r, eval_page *pg, bool statement, statement_links *sl)
{
	eval_asked q;
	int64_t id = param_id(r, 1);
	const char *key = r->params[2] ? r->params[2] : "";
	err e = {0};
	memset(pg, 0, sizeof *pg);
	domain_reads_begin(&r->d);
	web_frame_counts_ask(r, &q.counts);
	int asked = org_ask(&r->d, r->org, &q.org, &e) < 0 ||
		    evaluation_ask(&r->d, id, &q.ev, &e) < 0 ||
		    (sl ? statement_links_ask(&r->d, id, key, &q.links, &e) < 0 ||
			  evaluation_progress_ask_uncounted(&r->d, id, &q.progress, &e) < 0
			: evaluation_progress_ask(&r->d, id, &q.progress, &e) < 0) ? -1 : 0;
	if (domain_reads_end(&r->d, &e) < 0 || asked < 0)
		return page_error(r, &e);
	if (sl)
		statement_links_take(&r->d, r->org, id, key, &q.links, sl, &q.progress.links);
	return eval_page_take(r, pg, statement, &q);
}

int eval_page_load(request *r, eval_page *pg, bool statement)
{
	return load(r, pg, statement, NULL);
}

int eval_page_load_statement(request *r, eval_page *pg, statement_links *sl)
{
	return load(r, pg, true, sl);
}

const char *evaluation_path(request *r, const eval_page *pg)
{
	return arena_printf(&r->mem, "/org/%lld/evaluation/%lld", (long long)r->org,
			    (long long)pg->p.evaluation.id);
}

const char *statement_path(request *r, const eval_page *pg)
{
	return arena_printf(&r->mem, "%s/statement/%s", evaluation_path(r, pg),
			    pg->ep->element->key);
}

/* Home > organisation > evaluation > statement; the last is this page. */
void eval_breadcrumbs(request *r, const eval_page *pg)
{
	const char *eval_name = arena_printf(&r->mem, "%s, %s", pg->p.fw->title,
					     pg->p.evaluation.cycle);
	if (!pg->ep) {
		breadcrumbs_org(r, pg->org.name, NULL, eval_name);
		return;
	}
	const char *links[] = {evaluation_path(r, pg), eval_name, NULL};
	breadcrumbs_org(r, pg->org.name, links,
			arena_printf(&r->mem, "%s %s", sentence(r, pg->p.fw->term_element),
				     pg->ep->element->key));
}

void eval_changed_notice(request *r, const eval_page *pg)
{
	if (pg->p.framework_changed)
		htmlf(&r->out, "<div class=\"govuk-inset-text\">The %t file has changed since this "
			      "self-evaluation started. This self-evaluation keeps its original wording, "
			      "so the words you answered stay the words you see.</div>",
		     pg->p.fw->title);
}

/* ---- the overview ------------------------------------------------------- */

/* Indicators with evidence per cornerstone, as bars drawn on the server.
 * Widths are percentages and the text stays at its own size, so the chart
 * fits any screen; the same numbers are in the table after it. */
static void progress_chart(request *r, const eval_page *pg)
{
	const evaluation_progress *p = &pg->p;
	const int row = 64;
	html label;
	html_init(&label, &r->mem);
	htmlf(&label, "Indicators with evidence, per %t: ", p->fw->term_section);
	for (size_t s = 0; s < p->n_sections; s++)
		htmlf(&label, "%R%t %t, %z of %z", s ? "; " : "", p->sections[s].section->key,
		     p->sections[s].section->title, p->sections[s].indicators_evidenced,
		     p->sections[s].indicators);
	/* Labels wrap (svg_text), so each row is as tall as its label. */
	const char **texts = ARENA_ARRAY(&r->mem, p->n_sections, texts);
	int height = -12;
	for (size_t s = 0; s < p->n_sections; s++) {
		const section_progress *sp = &p->sections[s];
		texts[s] = arena_printf(&r->mem, "%s %s: %zu of %zu", sp->section->key, sp->section->title,
					sp->indicators_evidenced, sp->indicators);
		height += row + ((int)svg_lines(r, texts[s]) - 1) * SVG_LINE;
	}
	/* The wrapper gives the labels the page's font (inherited). */
	htmlf(&r->out, "<h3 class=\"govuk-heading-s\">Indicators with evidence, per %t</h3>",
	     p->fw->term_section);
	htmlf(&r->out, "<div class=\"govuk-body govuk-!-margin-bottom-6\"><svg class=\"copro-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%%\" height=\"%d\""
		      " role=\"img\" aria-labelledby=\"progress-chart-title\" focusable=\"false\" overflow=\"visible\">"
		      "<title id=\"progress-chart-title\">%R</title>",
	     height, html_str(&label));
	int y = 0;
	for (size_t s = 0; s < p->n_sections; s++) {
		const section_progress *sp = &p->sections[s];
		size_t tenths = sp->indicators ? sp->indicators_evidenced * 1000 / sp->indicators : 0;
		int bar = y + 26 + ((int)svg_text(r, "copro-chart__label", y + 18, texts[s]) - 1) * SVG_LINE;
		htmlf(&r->out, "<rect class=\"copro-chart__track\" x=\"0\" y=\"%d\" width=\"100%%\" height=\"24\" fill=\"#f3f2f1\" stroke=\"#505a5f\" stroke-width=\"1\"></rect>"
			      "<rect class=\"copro-chart__bar\" x=\"0\" y=\"%d\" width=\"%z.%z%%\" height=\"24\" fill=\"#1d70b8\"></rect>",
		     bar, bar, tenths / 10, tenths % 10);
		y = bar + row - 26;
	}
	htmlf(&r->out, "</svg></div>");
}

/* Two narrow tables rather than one wide one, so that both fit a phone
 * screen without scrolling sideways. */
static void progress_table(request *r, const eval_page *pg)
{
	const evaluation_progress *p = &pg->p;
	const char *term = sentence(r, p->fw->term_section);
	/* Inside the details' indent a phone has no room for three columns:
	 * each table scrolls in its own region rather than the page. */
	table_scroll_open(r, arena_printf(&r->mem, "Progress per %s", p->fw->term_section));
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Progress per %t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Indicators with evidence</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Statements with evidence</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">",
	     p->fw->term_section, term);
	for (size_t s = 0; s < p->n_sections; s++) {
		const section_progress *sp = &p->sections[s];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t %t</th>"
			      "<td class=\"govuk-table__cell\">%z of %z</td><td class=\"govuk-table__cell\">%z of %z</td></tr>",
		     sp->section->key, sp->section->title, sp->indicators_evidenced, sp->indicators,
		     sp->elements_evidenced, sp->n_elements);
	}
	htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">All</th>"
		      "<td class=\"govuk-table__cell\">%z of %z</td><td class=\"govuk-table__cell\">%z of %z</td></tr>"
		      "</tbody></table></div>",
	     p->indicators_evidenced, p->indicators, p->elements_evidenced, p->elements);

	table_scroll_open(r, arena_printf(&r->mem, "Partner groups who contributed, per %s", p->fw->term_section));
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Partner groups who contributed, per %t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Partner groups</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">",
	     p->fw->term_section, term);
	for (size_t s = 0; s < p->n_sections; s++) {
		const section_progress *sp = &p->sections[s];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t %t</th>"
			      "<td class=\"govuk-table__cell\">%t</td></tr>",
		     sp->section->key, sp->section->title,
		     sentence(r, groups_describe(&r->mem, sp->groups)));
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void statement_list(request *r, const eval_page *pg, const section_progress *sp)
{
	htmlf(&r->out, "<ul class=\"govuk-task-list\">");
	for (size_t i = 0; i < sp->n_elements; i++) {
		const element_progress *ep = &sp->elements[i];
		const char *key = ep->element->key;
		htmlf(&r->out, "<li class=\"govuk-task-list__item govuk-task-list__item--with-link\">"
			      "<div class=\"govuk-task-list__name-and-hint\">"
			      "<a class=\"govuk-link govuk-task-list__link\" href=\"%a/statement/%u\" aria-describedby=\"statement-%a-hint statement-%a-status\">%t %t</a>"
			      "<div id=\"statement-%a-hint\" class=\"govuk-task-list__hint\">%z of %z indicators have evidence</div></div>"
			      "<div class=\"govuk-task-list__status\" id=\"statement-%a-status\"><strong class=\"%a\">%t</strong></div></li>",
		     evaluation_path(r, pg), key, key, key, key, ep->element->title, key, ep->evidenced,
		     ep->n_indicators, key, statement_status_class(ep->review.status),
		     statement_status_label(ep->review.status));
	}
	htmlf(&r->out, "</ul>");
}

/* The cycles around this one: the one it started from and the one
 * started from it, with the comparison. */
static void cycle_links(request *r, const eval_page *pg, int64_t previous, int64_t next)
{
	if (!previous && !next)
		return;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Cycles</h2><ul class=\"govuk-list\">");
	if (previous)
		htmlf(&r->out, "<li>This cycle started from <a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">the previous self-evaluation</a>. "
			      "<a class=\"govuk-link\" href=\"%a/compare\">See what moved since the last cycle</a>.</li>",
		     r->org, previous, evaluation_path(r, pg));
	if (next)
		htmlf(&r->out, "<li>The <a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">next cycle</a> started from this one.</li>",
		     r->org, next);
	htmlf(&r->out, "</ul>");
}

/* Leads start the next cycle from this one: a new label, and which of this
 * cycle's success measures to carry on with. */
static void next_cycle_form(request *r, const eval_page *pg, const form_errors *fe)
{
	source_name_list measures;
	err e = {0};
	if (measures_of_cycle(&r->d, r->org, pg->p.evaluation.cycle, &measures, &e) < 0)
		measures.n = 0;
	bool keep = fe && fe->n;
	htmlf(&r->out, "<p class=\"govuk-body\">The next cycle is a new self-evaluation of the same instrument. It starts with this cycle's "
		      "evidence, each link marked as from the earlier cycle, to be re-confirmed, and with your own indicators. "
		      "Judgements start afresh. Open actions stay open: they belong to the organisation, not to one cycle.</p>"
		      "<form method=\"post\" action=\"%a/next-cycle\" novalidate>", evaluation_path(r, pg));
	form_csrf(r);
	form_input(r, "cycle", "Label of the new cycle", keep ? form_get(r, "cycle") : NULL, fe,
		   &(input_opts){.hint = "For example 2027-28", .width = "10"});
	if (measures.n) {
		const char **opts = ARENA_ARRAY(&r->mem, 2 * measures.n + 1, opts);
		bool *checked = ARENA_ARRAY(&r->mem, measures.n, checked);
		const char **ticked = keep ? form_get_all(r, "measures") : NULL;
		for (size_t i = 0; i < measures.n; i++) {
			const source_name_row *m = &measures.items[i];
			opts[2 * i] = arena_printf(&r->mem, "%lld", (long long)m->id);
			opts[2 * i + 1] = m->name
				? arena_printf(&r->mem, "Cornerstone %s: %s", m->cornerstone, m->name)
				: arena_printf(&r->mem, "Cornerstone %s: success measure %s", m->cornerstone, m->key);
			checked[i] = !keep;
			for (const char **t = ticked; t && *t; t++)
				checked[i] |= !strcmp(*t, opts[2 * i]);
		}
		htmlf(&r->out, "<input type=\"hidden\" name=\"measures_listed\" value=\"yes\">");
		form_checkboxes(r, "measures", "Success measures to carry into the new cycle", opts, checked,
				"Their monitoring grid and metrics are copied. Readings stay with this cycle.", fe);
	}
	form_button(r, "Start the next cycle");
	htmlf(&r->out, "</form>");
}

/* The next cycle's form on a page of its own (GET and POST at one
 * address), so that a refused label comes back at the same address. */
static int next_cycle_render(request *r, eval_page *pg, const form_errors *fe)
{
	const evaluation_progress *p = &pg->p;
	bool errors = fe && fe->n;
	page_begin(r, arena_printf(&r->mem, "Start the next cycle - %s, %s",
				   p->fw->title, p->evaluation.cycle));
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">%t, %t</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	     evaluation_path(r, pg), p->fw->title, p->evaluation.cycle);
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t, %t</span><h1 class=\"govuk-heading-l\">Start the next cycle</h1>",
	     p->fw->title, p->evaluation.cycle);
	next_cycle_form(r, pg, fe);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return errors ? 400 : 200;
}

/* The progress per cornerstone as a chart and two tables, behind a
 * summary: the statements come first on the page. */
static void progress_details(request *r, const eval_page *pg)
{
	const evaluation_progress *p = &pg->p;
	htmlf(&r->out, "<details class=\"govuk-details govuk-!-margin-top-6\" id=\"progress-details\"><summary class=\"govuk-details__summary\">"
		      "<span class=\"govuk-details__summary-text\">Progress per %t: chart and tables</span></summary>"
		      "<div class=\"govuk-details__text\">",
	     p->fw->term_section);
	progress_chart(r, pg);
	progress_table(r, pg);
	htmlf(&r->out, "</div></details>");
}

/* What else there is about this self-evaluation, beside its summary: a
 * short list, so the statements start within the first screen. */
static void evaluation_links(request *r, const eval_page *pg)
{
	const char *id = pg->p.fw->id, *path = evaluation_path(r, pg);
	htmlf(&r->out, "<div class=\"govuk-grid-column-one-third copro-print-hide\">"
		      "<h2 class=\"govuk-heading-s govuk-!-margin-bottom-2\">About this self-evaluation</h2>"
		      "<ul class=\"govuk-list govuk-!-font-size-16\">"
		      "<li><a class=\"govuk-link\" href=\"/frameworks/%u#how-to-use\">How to use this tool</a></li>"
		      "<li><a class=\"govuk-link\" href=\"%a/report\">Print or download</a> the tool's grid</li>",
	     id, path);
	if (!strcmp(id, "four-cornerstones"))
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a/readiness\">Charter Gold readiness</a>: "
			      "examples with evidence, what needs a fresh look, who took part</li>"
			      "<li><a class=\"govuk-link\" href=\"%a/summary\">One-page summary</a> for governors and boards</li>",
		     path, path);
	if (r->access >= ACCESS_LEAD || r->assessor)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a/pack\" download>Download the evidence pack</a> (ZIP): "
			      "the report, the readiness summary, the evidence list and its files</li>", path);
	htmlf(&r->out, "</ul></div>");
}

/* What the overview reads besides eval_page_load's, with them. */
typedef struct overview_asked {
	neighbours_list neighbours;
	activity_list status_line;
} overview_asked;

static int evaluation_render(request *r, eval_page *pg, const overview_asked *q)
{
	const evaluation_progress *p = &pg->p;
	int64_t previous = q->neighbours.n ? q->neighbours.items[0].previous : 0;
	int64_t next = q->neighbours.n ? q->neighbours.items[0].next : 0;
	page_begin(r, arena_printf(&r->mem, "%s, %s - %s", p->fw->title, p->evaluation.cycle, pg->org.name));
	eval_breadcrumbs(r, pg);
	eval_changed_notice(r, pg);
	evaluation_status_notice(r, &p->evaluation);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	     pg->org.name, p->fw->title);
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Cycle</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div>",
	     p->evaluation.cycle);
	evaluation_status_row(r, &p->evaluation, &q->status_line);
	htmlf(&r->out, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Started</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div>"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Partner groups who contributed</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div>"
		      "</dl><p class=\"govuk-body\" id=\"progress\">%z of %z indicators have evidence. %z of %z statements have evidence, "
		      "and %z %R complete.</p>",
	     date_words(r, arena_strndup(&r->mem, p->evaluation.created_at, 10)),
	     sentence(r, groups_describe(&r->mem, p->groups)), p->indicators_evidenced, p->indicators,
	     p->elements_evidenced, p->elements, p->elements_complete, p->elements_complete == 1 ? "is" : "are");
	htmlf(&r->out, "</div>");
	evaluation_links(r, pg);
	htmlf(&r->out, "</div>");

	for (size_t s = 0; s < p->n_sections; s++) {
		const section_progress *sp = &p->sections[s];
		/* Its count under its name; its partner groups are in the
		 * progress tables (progress_details). */
		htmlf(&r->out, "<h2 class=\"govuk-heading-m govuk-!-margin-bottom-2\" id=\"section-%a\">%t</h2>"
			      "<p class=\"govuk-caption-m govuk-!-margin-top-0 govuk-!-margin-bottom-2\">%z of %z indicators have evidence</p>",
		     sp->section->key, eval_section_name(r, p->fw, sp->section), sp->indicators_evidenced,
		     sp->indicators);
		eval_source_gap(r, sp->section->gap);
		if (sp->section->promise && *sp->section->promise)
			htmlf(&r->out, "<p class=\"govuk-body govuk-!-margin-bottom-2\">%t</p>", sp->section->promise);
		statement_list(r, pg, sp);
	}
	/* The statements are what people came for; the chart and the cycles
	 * follow them. */
	progress_details(r, pg);
	/* An assessor reads this evaluation alone: no rounds, no other cycles. */
	if (!strcmp(p->fw->id, "four-cornerstones") && !r->assessor)
		views_entry_links(r, "evaluation", p->evaluation.id);
	if (!r->assessor)
		cycle_links(r, pg, previous, next);
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<a href=\"%a/next-cycle\" id=\"next-cycle\" role=\"button\" draggable=\"false\" class=\"govuk-button govuk-button--secondary\" "
			      "data-module=\"govuk-button\">Start the next cycle</a>",
		     evaluation_path(r, pg));
	page_end(r);
	return 200;
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation} (viewer) */
static int page_evaluation(request *r)
{
	/* Asked by the URL's evaluation with eval_page_load's reads (one round
	 * trip on PostgreSQL), and used only once it found the evaluation
	 * here. */
	eval_page pg;
	overview_asked q;
	err e = {0};
	int64_t id = param_id(r, 1);
	domain_reads_begin(&r->d);
	int asked = evaluation_neighbours_ask(&r->d, id, &q.neighbours, &e) < 0 ||
		    evaluation_status_change_ask(&r->d, id, &q.status_line, &e) < 0 ? -1 : 0;
	int st = eval_page_load(r, &pg, false);
	if (domain_reads_end(&r->d, &e) < 0)
		asked = -1;
	if (st)
		return st;
	return asked < 0 ? page_error(r, &e) : evaluation_render(r, &pg, &q);
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/next-cycle (lead) */
static int page_next_cycle(request *r)
{
	eval_page pg;
	int st = eval_page_load(r, &pg, false);
	return st ? st : next_cycle_render(r, &pg, NULL);
}

/* The measures ticked on the next-cycle form; false when one is not a
 * number. */
static bool ticked_measures(request *r, next_cycle_input *in)
{
	const char **all = form_get_all(r, "measures");
	size_t n = 0;
	while (all[n])
		n++;
	int64_t *ids = ARENA_ARRAY(&r->mem, n, ids);
	for (size_t i = 0; i < n; i++) {
		char *end;
		long long v = strtoll(all[i], &end, 10);
		if (!*all[i] || *end || v <= 0)
			return false;
		ids[i] = v;
	}
	in->measures = ids;
	in->n_measures = n;
	/* Without the form's list (a script posting only a label), every
	 * measure of the cycle is carried. */
	in->some_measures = form_get(r, "measures_listed") != NULL;
	return true;
}

/* ROUTE: POST /org/{org}/evaluation/{evaluation}/next-cycle (lead) */
static int page_next_cycle_post(request *r)
{
	eval_page pg;
	int st = eval_page_load(r, &pg, false);
	if (st)
		return st;
	form_errors fe = {0};
	err e = {0};
	next_cycle_input in = {.evaluation = pg.p.evaluation.id, .cycle = form_trimmed(r, "cycle")};
	if (!*in.cycle)
		form_error_add(&fe, "cycle", "Enter a label for the new cycle, for example 2027-28");
	else if (text_check_line("The label of the new cycle", in.cycle, true, &e) < 0)
		form_error_add(&fe, "cycle", sentence(r, e.msg));
	if (!ticked_measures(r, &in))
		form_error_add(&fe, "measures", "Select success measures from the list");
	next_cycle_result out;
	if (!fe.n && evaluation_next_cycle(&r->d, &in, &out, &e) < 0) {
		if (e.kind != ERR_INPUT && e.kind != ERR_CONFLICT)
			return page_error(r, &e);
		form_error_add(&fe, e.kind == ERR_CONFLICT ? "cycle" : "measures", sentence(r, e.msg));
	}
	if (fe.n)
		return next_cycle_render(r, &pg, &fe);
	if (page_log(r, arena_printf(&r->mem, "started cycle %s (evaluation %lld) from evaluation %lld: %zu evidence links, %zu own indicators, %zu success measures carried forward",
			     in.cycle, (long long)out.evaluation, (long long)pg.p.evaluation.id,
			     out.links, out.own_indicators, out.measures)) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/evaluation/%lld", (long long)r->org,
					    (long long)out.evaluation));
}

/* ---- starting a self-evaluation ---------------------------------------- */
/* ROUTE: POST /org/{org}/evaluations (lead) */
static int page_evaluation_start_post(request *r)
{
	const char *fw = form_get(r, "framework"), *cycle = form_get(r, "cycle");
	int64_t id;
	err e = {0};
	if (evaluation_start(&r->d, r->org, fw ? fw : "", cycle ? cycle : "", &id, &e) < 0)
		return web_error_page(r, e.kind == ERR_CONFLICT ? 409 : 400,
				      "The self-evaluation could not start", e.msg);
	if (page_log(r, arena_printf(&r->mem, "started the %s self-evaluation for %s", fw, cycle)) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/evaluation/%lld", (long long)r->org, (long long)id));
}

/* ==== comparing a cycle with the one before ============================= */

/* Indicators with evidence per cornerstone, before and after, as pairs of
 * bars; the same numbers are in the table after it. */
static void compare_chart(request *r, const comparison *c, const framework *fw)
{
	const int row = 84;
	html label;
	html_init(&label, &r->mem);
	htmlf(&label, "Indicators with evidence per %t, previous cycle then this cycle: ", fw->term_section);
	for (size_t s = 0; s < c->n_sections; s++) {
		const section_change *sc = &c->sections[s];
		htmlf(&label, "%R%t %t, %z then %z", s ? "; " : "", sc->section->key, sc->section->title,
		     sc->evidenced_before, sc->evidenced_after);
	}
	const char **texts = ARENA_ARRAY(&r->mem, c->n_sections, texts);
	int height = 0;
	for (size_t s = 0; s < c->n_sections; s++) {
		const section_change *sc = &c->sections[s];
		texts[s] = arena_printf(&r->mem, "%s %s: %zu then %zu", sc->section->key, sc->section->title,
					sc->evidenced_before, sc->evidenced_after);
		height += row + ((int)svg_lines(r, texts[s]) - 1) * SVG_LINE;
	}
	htmlf(&r->out, "<div class=\"govuk-body govuk-!-margin-bottom-6\"><svg class=\"copro-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%%\" height=\"%d\""
		      " role=\"img\" aria-labelledby=\"compare-chart-title\" focusable=\"false\" overflow=\"visible\">"
		      "<title id=\"compare-chart-title\">%R</title>",
	     height, html_str(&label));
	int y = 0;
	for (size_t s = 0; s < c->n_sections; s++) {
		const section_change *sc = &c->sections[s];
		size_t den = sc->indicators_after > sc->indicators_before ? sc->indicators_after
									  : sc->indicators_before;
		size_t before = den ? sc->evidenced_before * 1000 / den : 0;
		size_t after = den ? sc->evidenced_after * 1000 / den : 0;
		int bar = y + 26 + ((int)svg_text(r, "copro-chart__label", y + 18, texts[s]) - 1) * SVG_LINE;
		htmlf(&r->out, "<rect x=\"0\" y=\"%d\" width=\"%z.%z%%\" height=\"20\" fill=\"#b1b4b6\"></rect>"
			      "<rect x=\"0\" y=\"%d\" width=\"%z.%z%%\" height=\"20\" fill=\"#1d70b8\"></rect>",
		     bar, before / 10, before % 10, bar + 24, after / 10, after % 10);
		y = bar + row - 26;
	}
	htmlf(&r->out, "</svg><p class=\"govuk-body-s\">Grey: the previous cycle. Blue: this cycle.</p></div>");
}

static void compare_summary_table(request *r, const comparison *c, const framework *fw)
{
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"Indicators with evidence, per %a\" tabindex=\"0\">"
		      "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Indicators with evidence, per %t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Previous cycle</th>"
		      "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">This cycle</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">What moved</th></tr></thead><tbody class=\"govuk-table__body\">",
	     fw->term_section, fw->term_section, sentence(r, fw->term_section));
	for (size_t s = 0; s < c->n_sections; s++) {
		const section_change *sc = &c->sections[s];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t %t</th>"
			      "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%z of %z</td>"
			      "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%z of %z</td>"
			      "<td class=\"govuk-table__cell\">%t</td></tr>",
		     sc->section->key, sc->section->title, sc->evidenced_before, sc->indicators_before,
		     sc->evidenced_after, sc->indicators_after,
		     sentence(r, change_words(&r->mem, sc->evidenced_before, sc->evidenced_after,
					      "indicator evidenced", "indicators evidenced")));
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void compare_section(request *r, const section_change *sc, const framework *fw,
			    int64_t evaluation)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"section-%a\">%t %t: %t</h2>"
		      "<p class=\"govuk-body\">Indicators with evidence: %t. Statements complete: %t. Partner groups: %t.</p>",
	     sc->section->key, sentence(r, fw->term_section), sc->section->key, sc->section->title,
	     change_words(&r->mem, sc->evidenced_before, sc->evidenced_after, "indicator evidenced",
			  "indicators evidenced"),
	     change_words(&r->mem, sc->complete_before, sc->complete_after, "statement", "statements"),
	     groups_change_words(&r->mem, sc->groups_before, sc->groups_after));
	gap_note(r, sc->section->gap);
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"Statements of %a %a\" tabindex=\"0\">"
		      "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Statements of %t %t, previous cycle and this cycle</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Indicators with evidence</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Partner groups</th></tr></thead><tbody class=\"govuk-table__body\">",
	     fw->term_section, sc->section->key, fw->term_section, sc->section->key,
	     sentence(r, fw->term_element));
	for (size_t i = 0; i < sc->n_elements; i++) {
		const element_change *ec = &sc->elements[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			      "<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D/statement/%u\">%t %t</a>%R%R</th>"
			      "<td class=\"govuk-table__cell\">%z of %z, then %z of %z: %t",
		     r->org, evaluation, ec->element->key, ec->element->key, ec->element->title,
		     ec->in_previous ? "" : "<br><span class=\"govuk-body-s\">New in this version of the instrument</span>",
		     ec->element->gap && *ec->element->gap ? "<br><span class=\"govuk-body-s\">" GAP_SHORT "</span>" : "",
		     ec->evidenced_before, ec->indicators_before, ec->evidenced_after, ec->indicators_after,
		     change_words(&r->mem, ec->evidenced_before, ec->evidenced_after,
				  "indicator evidenced", "indicators evidenced"));
		if (ec->to_confirm)
			htmlf(&r->out, "<br><span class=\"govuk-body-s\">%z carried link%R to re-confirm</span>",
			     ec->to_confirm, ec->to_confirm == 1 ? "" : "s");
		htmlf(&r->out, "</td><td class=\"govuk-table__cell\">%t, then %t: %t</td>"
			      "<td class=\"govuk-table__cell\">%t, then %t: %t</td></tr>",
		     statement_status_label(ec->status_before), statement_status_label(ec->status_after),
		     status_change_words(&r->mem, ec->status_before, ec->status_after),
		     sentence(r, groups_describe(&r->mem, ec->groups_before)),
		     groups_describe(&r->mem, ec->groups_after),
		     groups_change_words(&r->mem, ec->groups_before, ec->groups_after));
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* ROUTE: GET /org/{org}/evaluation/{evaluation}/compare (viewer) */
static int page_compare(request *r)
{
	int64_t id = param_id(r, 1);
	evaluation_row ev;
	org_row o;
	if (evaluation_get_in_org(&r->d, r->org, id, &ev, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	comparison c;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 || evaluation_compare(&r->d, id, &c, &r->e) < 0)
		return page_failed(r);
	const framework *fw = c.after.fw;
	page_begin(r, arena_printf(&r->mem, "What moved since the last cycle - %s, %s", fw->title, ev.cycle));
	htmlf(&r->out, "<a href=\"/org/%D/evaluation/%D\" class=\"govuk-back-link\">%t, %t</a>"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">What moved since the last cycle</h1>",
	     r->org, id, fw->title, ev.cycle, o.name);
	if (!c.has_previous) {
		htmlf(&r->out, "<p class=\"govuk-body\">This self-evaluation did not start from an earlier cycle, so there is nothing to compare it with. "
			      "When the next cycle starts from this one, its comparison page shows what moved.</p>");
		page_end(r);
		return 200;
	}
	const evaluation_row *prev = &c.before.evaluation;
	htmlf(&r->out, "<p class=\"govuk-body-l\">Cycle %t compared with cycle %t "
		      "(<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">the previous self-evaluation</a>).</p>"
		      "<ul class=\"govuk-list govuk-list--bullet\">"
		      "<li>Indicators with evidence: %z, then %z: %t.</li>"
		      "<li>Statements complete: %z, then %z: %t.</li>",
	     ev.cycle, prev->cycle, r->org, prev->id, c.evidenced_before, c.evidenced_after,
	     change_words(&r->mem, c.evidenced_before, c.evidenced_after, "indicator evidenced",
			  "indicators evidenced"),
	     c.complete_before, c.complete_after,
	     change_words(&r->mem, c.complete_before, c.complete_after, "statement complete",
			  "statements complete"));
	if (c.to_confirm)
		htmlf(&r->out, "<li>%z link%R to evidence carried forward from the earlier cycle still %R to be re-confirmed. "
			      "They count as evidence here until someone checks them.</li>",
		     c.to_confirm, c.to_confirm == 1 ? "" : "s", c.to_confirm == 1 ? "needs" : "need");
	htmlf(&r->out, "</ul>");
	if (c.after.framework_changed || strcmp(c.before.evaluation.framework_hash, ev.framework_hash))
		htmlf(&r->out, "<div class=\"govuk-inset-text\">The two cycles use different versions of %t: statements are compared by their numbers.</div>",
		     fw->title);
	compare_chart(r, &c, fw);
	compare_summary_table(r, &c, fw);
	for (size_t s = 0; s < c.n_sections; s++)
		compare_section(r, &c.sections[s], fw, id);
	page_end(r);
	return 200;
}

const route evaluation_routes[] = {
	{"POST", "/org/{org}/evaluations", page_evaluation_start_post, ROUTE_POST, ACCESS_LEAD},
	{"GET", "/org/{org}/evaluation/{evaluation}", page_evaluation, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/next-cycle", page_next_cycle, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/next-cycle", page_next_cycle_post, ROUTE_POST,
	 ACCESS_LEAD},
	{"GET", "/org/{org}/evaluation/{evaluation}/compare", page_compare, 0, ACCESS_VIEW},
	{0},
};
