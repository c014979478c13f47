/* measure.c: one success measure, at /org/{org}/measure/{measure}: its
 * monitoring grid and changing it, its metrics with their readings and
 * trend charts, adding metrics and readings, and links to other measures.
 * The list and choosing a measure are in measures.c. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/measure.h"
#include "web/pages/measure_page.h"

static const char *const kinds[] = {
	"percentage", "A percentage, for example of parent carers who rate communication as good",
	"count", "A count, for example of formal complaints",
	"rate", "A rate, for example exclusions per 100 pupils", NULL};
static const char *const directions[] = {
	"higher", "Higher is better",
	"lower", "Lower is better", NULL};
static const char *const sources[] = {
	"survey", "Survey",
	"records", "Records",
	"meeting", "Meeting",
	"other", "Other", NULL};

/* ---- shared pieces ----------------------------------------------------- */

/* Measure {measure} with everything on it, when it belongs to this
 * organisation: 0, or the status of the error page written (404 for
 * another organisation's). */
static int load_measure(request *r, measure_detail *md)
{
	int64_t id = param_id(r, 1);
	err e = {0};
	if (!id)
		return page_not_found(r);
	if (measure_detail_load(&r->d, id, md, &e) < 0 ||
	    org_owns(r->org, md->measure.organisation_id, "measure", id, &e) < 0)
		return page_lookup_failed(r, &e);
	return 0;
}

static const char *metric_meta(request *r, const metric_row *m)
{
	const char *s = arena_printf(&r->mem, "%s%s%s. %s.",
				     !strcmp(m->kind, "percentage") ? "A percentage"
				     : !strcmp(m->kind, "count") ? "A count" : "A rate",
				     *m->unit ? " " : "", m->unit, pair_label(directions, m->direction, m->direction));
	if (m->has_baseline)
		s = arena_printf(&r->mem, "%s Baseline %s.", s, metric_value_text(&r->mem, m, m->baseline));
	if (m->has_target)
		s = arena_printf(&r->mem, "%s Target %s.", s, metric_value_text(&r->mem, m, m->target));
	return s;
}

/* A tag saying whether the target is met. */
void measure_target_tag(request *r, const metric_row *m, const metric_status *st)
{
	if (st->target_met == 1)
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--green\">Target met</strong>");
	else if (st->target_met == 0)
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--yellow\">Not yet at the target of %t</strong>",
		     metric_value_text(&r->mem, m, m->target));
	else if (!st->latest)
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--grey\">No readings yet</strong>");
	else
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--grey\">No target set</strong>");
}

/* "Improving since the baseline", "Getting worse since the previous
 * reading" ...: the trend on its own line. */
static const char *trend_words(request *r, const metric_status *st)
{
	if (st->trend == TREND_NOT_ENOUGH)
		return "Not enough readings to see a trend yet";
	const char *w = measure_trend_words(st->trend);
	char *c = arena_strdup(&r->mem, w);
	c[0] = (char)(c[0] - 'a' + 'A');
	return arena_printf(&r->mem, "%s since the %s", c,
			    st->since_previous != TREND_NOT_ENOUGH ? "previous reading" : "baseline");
}

void measure_column_title(const framework *fw, const char *key, const char **title,
			  const char **hint)
{
	measure_column col;
	*title = key;
	*hint = NULL;
	if (fw && measure_column_find(fw, key, &col)) {
		*title = col.title;
		*hint = col.gap ? GAP_SHORT : col.hint;
	}
}

/* ---- the trend chart --------------------------------------------------- */

/* 1, 2 or 5 times a power of ten, at least v (no libm: copro does not
 * link it). */
static double nice_ceiling(double v)
{
	double p = 0.001;
	if (v <= 0)
		return 1;
	for (;;) {
		for (int k = 0; k < 3; k++) {
			double step = (double[]){1, 2, 5}[k] * p;
			if (step >= v)
				return step;
		}
		p *= 10;
	}
}

static double larger(double a, double b)
{
	return a > b ? a : b;
}

static int rounded(double v)
{
	return (int)(v < 0 ? v - 0.5 : v + 0.5);
}

static double day_number(const char *date)
{
	char iso[21];
	snprintf(iso, sizeof iso, "%.10sT00:00:00Z", date);
	int64_t t = time_parse_iso(iso);
	return t < 0 ? 0 : (double)t / 86400.0;
}

enum { CH_W = 640, CH_H = 280, CH_L = 64, CH_R = 130, CH_T = 24, CH_B = 230 };

/* A line chart of a metric's readings, drawn here. Each point carries its
 * number, the target is a dashed line named in text, and the title says
 * every number; the table after it holds the same numbers. */
static void trend_chart(request *r, const metric_detail *md)
{
	const metric_row *m = &md->metric;
	size_t n = md->n_readings;
	double top = 0;
	for (size_t i = 0; i < n; i++)
		top = larger(top, md->readings[i].value);
	if (m->has_target)
		top = larger(top, m->target);
	if (m->has_baseline)
		top = larger(top, m->baseline);
	top = !strcmp(m->kind, "percentage") ? 100 : nice_ceiling(top * 1.1);
	double first = day_number(md->readings[0].taken_on);
	double span = n > 1 ? day_number(md->readings[n - 1].taken_on) - first : 0;
	html title;
	html_init(&title, &r->mem);
	htmlf(&title, "Chart of %t, %z reading%R: ", m->name, n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++)
		htmlf(&title, "%R%t %t", i ? "; " : "", date_words(r, md->readings[i].taken_on),
		     metric_value_text(&r->mem, m, md->readings[i].value));
	htmlf(&title, ".");
	if (m->has_target)
		htmlf(&title, " Target %t.", metric_value_text(&r->mem, m, m->target));
	if (m->has_baseline)
		htmlf(&title, " Baseline %t.", metric_value_text(&r->mem, m, m->baseline));
	/* On a phone the chart keeps a readable size and scrolls sideways in
	 * its own focusable box; the table below holds the same numbers. */
	htmlf(&r->out, "<div class=\"copro-table-scroll govuk-!-margin-bottom-4\" tabindex=\"0\" role=\"region\""
		      " aria-label=\"Trend chart\"><svg class=\"copro-trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\""
		      " role=\"img\" aria-labelledby=\"chart-%D-title\" focusable=\"false\" font-family=\"sans-serif\" font-size=\"14\">"
		      "<title id=\"chart-%D-title\">%R</title>", CH_W, CH_H, m->id, m->id, html_str(&title));
#define Y(v) (CH_B - (int)rounded((v) / top * (CH_B - CH_T)))
	/* Axes and three value lines. */
	for (int k = 0; k <= 2; k++) {
		double v = top * k / 2;
		htmlf(&r->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b1b4b6\" stroke-width=\"1\"></line>"
			      "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#0b0c0c\">%t</text>",
		     CH_L, Y(v), CH_W - CH_R, Y(v), CH_L - 6, Y(v) + 5, metric_value_text(&r->mem, m, v));
	}
	htmlf(&r->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#0b0c0c\" stroke-width=\"2\"></line>",
	     CH_L, CH_T, CH_L, CH_B);
	if (m->has_target)
		htmlf(&r->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"8 6\"></line>"
			      "<text x=\"%d\" y=\"%d\" fill=\"#0b0c0c\" font-weight=\"bold\">Target %t</text>",
		     CH_L, Y(m->target), CH_W - CH_R, Y(m->target), CH_W - CH_R + 6, Y(m->target) + 5,
		     metric_value_text(&r->mem, m, m->target));
	if (m->has_baseline)
		htmlf(&r->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#505a5f\" stroke-width=\"2\" stroke-dasharray=\"2 4\"></line>"
			      "<text x=\"%d\" y=\"%d\" fill=\"#505a5f\">Baseline %t</text>",
		     CH_L, Y(m->baseline), CH_W - CH_R, Y(m->baseline), CH_W - CH_R + 6,
		     Y(m->baseline) + 5 + (m->has_target && abs(Y(m->baseline) - Y(m->target)) < 16 ? 16 : 0),
		     metric_value_text(&r->mem, m, m->baseline));
	int *xs = ARENA_ARRAY(&r->mem, n, xs);
	for (size_t i = 0; i < n; i++) {
		double at = span > 0 ? (day_number(md->readings[i].taken_on) - first) / span : 0.5;
		xs[i] = CH_L + 24 + (int)rounded(at * (CH_W - CH_R - CH_L - 48));
	}
	if (n > 1) {
		htmlf(&r->out, "<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\" points=\"");
		for (size_t i = 0; i < n; i++)
			htmlf(&r->out, "%R%d,%d", i ? " " : "", xs[i], Y(md->readings[i].value));
		htmlf(&r->out, "\"></polyline>");
	}
	for (size_t i = 0; i < n; i++) {
		const reading_row *rd = &md->readings[i];
		htmlf(&r->out, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"#1d70b8\"></circle>"
			      "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#0b0c0c\" font-weight=\"bold\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">%t</text>",
		     xs[i], Y(rd->value), xs[i], Y(rd->value) - 10, metric_value_text(&r->mem, m, rd->value));
		/* Dates under the axis; with many readings only the ends, so they do not overlap. */
		if (n <= 5 || i == 0 || i == n - 1)
			htmlf(&r->out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#0b0c0c\">%t</text>",
			     xs[i], CH_B + 22 + (int)(i % 2) * 18, rd->taken_on);
	}
#undef Y
	htmlf(&r->out, "</svg></div>");
}

static void readings_table(request *r, const metric_detail *md)
{
	const metric_row *m = &md->metric;
	htmlf(&r->out, "<div class=\"copro-table-scroll\" role=\"region\" aria-label=\"Readings of %a\" tabindex=\"0\">"
		      "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Readings of %t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Date</th>"
		      "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Value</th>"
		      "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Numerator / denominator</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Source</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Speaks for</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Note</th></tr></thead>"
		      "<tbody class=\"govuk-table__body\">", m->name, m->name);
	for (size_t i = 0; i < md->n_readings; i++) {
		const reading_row *rd = &md->readings[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t</th>"
			      "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%t</td>"
			      "<td class=\"govuk-table__cell govuk-table__cell--numeric\">",
		     date_words(r, rd->taken_on), metric_value_text(&r->mem, m, rd->value));
		if (rd->has_fraction)
			htmlf(&r->out, "%D of %D", rd->numerator, rd->denominator);
		else
			htmlf(&r->out, "<span class=\"govuk-visually-hidden\">Not given</span>");
		htmlf(&r->out, "</td><td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td></tr>",
		     pair_label(sources, rd->source, rd->source), groups_describe(&r->mem, rd->groups), rd->note);
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* ---- the measure page -------------------------------------------------- */

static const char *field_name(request *r, int64_t metric, const char *part)
{
	return arena_printf(&r->mem, "r%lld-%s", (long long)metric, part);
}

static void reading_form(request *r, const metric_detail *md, const form_errors *fe)
{
	const metric_row *m = &md->metric;
	int64_t id = m->id;
	bool pct = !strcmp(m->kind, "percentage");
	htmlf(&r->out, "<details class=\"govuk-details\"%R><summary class=\"govuk-details__summary\">"
		      "<span class=\"govuk-details__summary-text\">Add a reading of %t</span></summary><div class=\"govuk-details__text\">"
		      "<form method=\"post\" action=\"/org/%D/measure/%D/metric/%D/readings\" novalidate>",
	     fe && fe->n ? " open" : "", m->name, r->org, m->measure_id, id);
	form_csrf(r);
	/* Empty, not today, on a fresh form: form_date keeps what was posted. */
	form_date(r, field_name(r, id, "date"), "Date of the reading", NULL,
		  "When it was taken. Older readings can be added later. For example, 15 11 2026", fe);
	const char *value = field_name(r, id, "value");
	form_input(r, value, pct ? "Percentage" : !strcmp(m->kind, "count") ? "Count" : "Rate",
		   form_get(r, value), fe,
		   &(input_opts){.hint = pct ? "From 0 to 100. Or leave empty and give the two numbers below."
					     : *m->unit ? arena_printf(&r->mem, "A number %s", m->unit) : "A number",
				 .width = "5"});
	if (pct) {
		const char *num = field_name(r, id, "numerator"), *den = field_name(r, id, "denominator");
		form_input(r, num, "Or: how many (the numerator)", form_get(r, num), fe,
			   &(input_opts){.hint = "For example 41 parent carers who said good or very good", .width = "5"});
		form_input(r, den, "Out of how many (the denominator)", form_get(r, den), fe,
			   &(input_opts){.hint = "For example 60 who answered; 1 or more", .width = "5"});
	}
	const char *source = field_name(r, id, "source");
	form_radios(r, source, "Where the reading comes from", sources, form_get(r, source), NULL, fe);
	const char *with = field_name(r, id, "with");
	form_partner_groups(r, with, "Which partner groups does it speak for?",
			    r->post ? form_groups_value(r, with) : 0, fe);
	const char *note = field_name(r, id, "note");
	form_textarea(r, note, "Note (optional)", form_get(r, note), NULL, fe);
	form_button(r, "Add reading");
	htmlf(&r->out, "</form></div></details>");
}

static void metric_section(request *r, const metric_detail *md, const form_errors *reading_fe)
{
	const metric_row *m = &md->metric;
	const metric_status *st = &md->status;
	htmlf(&r->out, "<section class=\"govuk-!-margin-bottom-8\" aria-labelledby=\"metric-%D\">"
		      "<h3 class=\"govuk-heading-m\" id=\"metric-%D\">%t</h3><p class=\"govuk-body\">%t</p>"
		      "<p class=\"govuk-body\">", m->id, m->id, m->name, metric_meta(r, m));
	measure_target_tag(r, m, st);
	htmlf(&r->out, "</p>");
	if (st->latest) {
		htmlf(&r->out, "<p class=\"govuk-body govuk-!-font-weight-bold\">%t.</p>", trend_words(r, st));
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", st->sentence);
		trend_chart(r, md);
		readings_table(r, md);
	} else {
		htmlf(&r->out, "<p class=\"govuk-body\">No readings yet.</p>");
	}
	if (r->access >= ACCESS_CONTRIBUTE)
		reading_form(r, md, reading_fe);
	htmlf(&r->out, "</section>");
}

static void metric_form(request *r, const measure_detail *md, const form_errors *fe)
{
	htmlf(&r->out, "<details class=\"govuk-details\"%R><summary class=\"govuk-details__summary\">"
		      "<span class=\"govuk-details__summary-text\">Add a metric</span></summary><div class=\"govuk-details__text\">"
		      "<form method=\"post\" action=\"/org/%D/measure/%D/metrics\" novalidate>",
	     (fe && fe->n) || !md->n_metrics ? " open" : "", r->org, md->measure.id);
	form_csrf(r);
	form_input(r, "metric-name", "What you will count or ask", form_get(r, "metric-name"), fe,
		   &(input_opts){.hint = "For example: Parent carers who rate communication as good or very good"});
	form_radios(r, "metric-kind", "Kind of number", kinds, form_get(r, "metric-kind"), NULL, fe);
	form_input(r, "metric-unit", "Unit (rates only)", form_get(r, "metric-unit"), fe,
		   &(input_opts){.hint = "What a rate is per, for example per 100 pupils", .width = "20"});
	form_radios(r, "metric-direction", "Which way is better?", directions,
		    form_get(r, "metric-direction"), NULL, fe);
	form_input(r, "metric-baseline", "Baseline (optional)", form_get(r, "metric-baseline"), fe,
		   &(input_opts){.hint = "Where it stands at the start", .width = "5"});
	form_input(r, "metric-target", "Target (optional)", form_get(r, "metric-target"), fe,
		   &(input_opts){.hint = "Where you want it to be", .width = "5"});
	form_button(r, "Add metric");
	htmlf(&r->out, "</form></div></details>");
}

static void links_section(request *r, const measure_detail *md, const form_errors *fe)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-l\">Linked measures</h2>"
		      "<p class=\"govuk-body\">Links make the connections between measures, across the cornerstones.</p>");
	if (!md->links.n)
		htmlf(&r->out, "<p class=\"govuk-body\">No linked measures yet.</p>");
	else
		htmlf(&r->out, "<ul class=\"govuk-list\">");
	for (size_t i = 0; i < md->links.n; i++) {
		const measure_row *l = &md->links.items[i];
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/org/%D/measure/%D\">%t</a> "
			      "<span class=\"govuk-hint\">(cornerstone %t, %t)</span>",
		     r->org, l->id, md->link_texts[i], l->cornerstone_key, l->cycle);
		if (r->access >= ACCESS_CONTRIBUTE) {
			htmlf(&r->out, "<form method=\"post\" action=\"/org/%D/measure/%D/links\" class=\"govuk-!-display-inline\">",
			     r->org, md->measure.id);
			form_csrf(r);
			htmlf(&r->out, "<input type=\"hidden\" name=\"unlink\" value=\"%D\">"
				      "<button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2\" data-module=\"govuk-button\">"
				      "Remove link<span class=\"govuk-visually-hidden\"> to %t</span></button></form>",
			     l->id, md->link_texts[i]);
		}
		htmlf(&r->out, "</li>");
	}
	if (md->links.n)
		htmlf(&r->out, "</ul>");
	if (r->access < ACCESS_CONTRIBUTE)
		return;
	measure_list all;
	const char **texts;
	if (measures_of_org(&r->d, r->org, NULL, &all, &r->e) < 0 ||
	    measure_texts(&r->d, all.items, all.n, &texts, &r->e) < 0)
		return;
	size_t candidates = 0;
	for (size_t i = 0; i < all.n; i++) {
		bool linked = all.items[i].id == md->measure.id;
		for (size_t j = 0; j < md->links.n && !linked; j++)
			linked = md->links.items[j].id == all.items[i].id;
		if (linked)
			continue;
		if (!candidates++) {
			htmlf(&r->out, "<form method=\"post\" action=\"/org/%D/measure/%D/links\" novalidate>",
			     r->org, md->measure.id);
			form_csrf(r);
			form_select_begin(r, "other", "Link to another measure", fe, &(select_opts){.bold = true});
			form_option(r, "", "Choose a measure", false);
		}
		const char *typed = form_get(r, "other");
		const char *idtext = arena_printf(&r->mem, "%lld", (long long)all.items[i].id);
		form_option(r, idtext, arena_printf(&r->mem, "Cornerstone %s, %s: %s", all.items[i].cornerstone_key,
						    all.items[i].cycle, texts[i]),
			    typed && !strcmp(typed, idtext));
	}
	if (candidates) {
		form_select_end(r);
		form_button(r, "Link measures");
		htmlf(&r->out, "</form>");
	} else {
		htmlf(&r->out, "<p class=\"govuk-body\">Choose more measures to link them to this one.</p>");
	}
}

/* Which form of the measure page a refused POST came from. */
typedef struct page_errors {
	const form_errors *metric, *links, *reading;
	int64_t reading_metric;
} page_errors;

static void measure_page(request *r, const measure_detail *md, const page_errors *pe)
{
	const measure_row *m = &md->measure;
	const form_errors *all = pe ? pe->metric ? pe->metric : pe->links ? pe->links : pe->reading : NULL;
	page_begin(r, md->text);
	htmlf(&r->out, "<a href=\"/org/%D/measures\" class=\"govuk-back-link\">Success measures</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-full\">", r->org);
	form_error_summary(r, all);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">Cornerstone %t: %t · %t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	     m->cornerstone_key, md->cornerstone_title, m->cycle, md->text);
	if (m->catalogue_key)
		htmlf(&r->out, "<p class=\"govuk-body\">Success measure %t of the catalogue.</p>", m->catalogue_key);
	else
		htmlf(&r->out, "<p class=\"govuk-body\">Your own success measure.</p>");
	if (md->framework_changed)
		htmlf(&r->out, "<div class=\"govuk-inset-text\">This measure was chosen from an earlier version of the catalogue; its wording is shown as it was then.</div>");
	htmlf(&r->out, "<h2 class=\"govuk-heading-l\">Monitoring grid</h2><dl class=\"govuk-summary-list\">");
	const char *cells[4] = {m->improve, m->know, m->measuring, m->evaluation};
	for (int k = 0; k < 4; k++) {
		const char *t, *h;
		measure_column_title(md->fw, measure_grid_keys[k], &t, &h);
		summary_row_open(r, t);
		text_or_none(r, cells[k], "Not written yet");
		htmlf(&r->out, "</dd></div>");
	}
	htmlf(&r->out, "</dl>");
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/measure/%D/edit\">Change the monitoring grid</a></p>",
		     r->org, m->id);
	htmlf(&r->out, "<h2 class=\"govuk-heading-l\">Metrics</h2>");
	if (!md->n_metrics)
		htmlf(&r->out, "<p class=\"govuk-body\">No metrics yet. A metric is a number you follow over time: a percentage, a count or a rate.</p>");
	for (size_t i = 0; i < md->n_metrics; i++)
		metric_section(r, &md->metrics[i],
			       pe && pe->reading && pe->reading_metric == md->metrics[i].metric.id ? pe->reading : NULL);
	if (r->access >= ACCESS_CONTRIBUTE)
		metric_form(r, md, pe ? pe->metric : NULL);
	links_section(r, md, pe ? pe->links : NULL);
	htmlf(&r->out, "</div></div>");
	page_end(r);
}

/* ROUTE: GET /org/{org}/measure/{measure} (viewer) */
static int page_measure(request *r)
{
	measure_detail md;
	int refused = load_measure(r, &md);
	if (refused)
		return refused;
	measure_page(r, &md, NULL);
	return 200;
}

/* ---- the monitoring grid ----------------------------------------------- */

static void edit_form(request *r, const measure_detail *md, const char *const *values,
		      const form_errors *fe)
{
	page_begin(r, "Change the monitoring grid");
	htmlf(&r->out, "<a href=\"/org/%D/measure/%D\" class=\"govuk-back-link\">Back to the measure</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	     r->org, md->measure.id);
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Monitoring grid</h1>"
		      "<form method=\"post\" action=\"/org/%D/measure/%D/edit\" novalidate>",
	     md->text, r->org, md->measure.id);
	form_csrf(r);
	for (int k = 0; k < 4; k++) {
		const char *t, *h;
		measure_column_title(md->fw, measure_grid_keys[k], &t, &h);
		form_textarea(r, measure_grid_keys[k], t, values[k], h, fe);
	}
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save the grid");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/measure/%D\">Cancel</a></div></form></div></div>",
	     r->org, md->measure.id);
	page_end(r);
}

/* ROUTE: GET /org/{org}/measure/{measure}/edit (contributor) */
static int page_measure_edit(request *r)
{
	measure_detail md;
	int refused = load_measure(r, &md);
	if (refused)
		return refused;
	const measure_row *m = &md.measure;
	const char *values[4] = {m->improve, m->know, m->measuring, m->evaluation};
	edit_form(r, &md, values, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/measure/{measure}/edit (contributor) */
static int page_measure_edit_post(request *r)
{
	measure_detail md;
	int refused = load_measure(r, &md);
	if (refused)
		return refused;
	const char *values[4];
	form_errors fe = {0};
	for (int k = 0; k < 4; k++) {
		const char *v = form_get(r, measure_grid_keys[k]);
		values[k] = v ? v : "";
		err e = {0};
		const char *t, *h;
		measure_column_title(md.fw, measure_grid_keys[k], &t, &h);
		if (text_check_long(t, values[k], false, &e) < 0)
			form_error_add(&fe, measure_grid_keys[k], sentence(r, e.msg));
	}
	measure_grid g = {values[0], values[1], values[2], values[3]};
	err e = {0};
	if (!fe.n && measure_edit(&r->d, md.measure.id, &g, &e) < 0)
		form_error_add(&fe, "improve", sentence(r, e.msg));
	if (fe.n) {
		edit_form(r, &md, values, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "changed the monitoring grid of success measure %lld",
				     (long long)md.measure.id)) < 0)
		return page_failed(r);
	int64_t id = md.measure.id;
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/measure/%lld", (long long)r->org,
					    (long long)id));
}

/* ---- metrics, readings and links --------------------------------------- */

static int refuse(request *r, measure_detail *md, const page_errors *pe)
{
	measure_page(r, md, pe);
	return 400;
}

static int back_to(request *r, measure_detail *md, const char *what)
{
	if (page_log(r, what) < 0)
		return page_failed(r);
	int64_t id = md->measure.id;
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/measure/%lld", (long long)r->org,
					    (long long)id));
}

/* A number field: *has false when empty; an error on the field when it is
 * not a number. */
static void number_field(request *r, const char *name, const char *what, bool *has, double *v,
			 form_errors *fe)
{
	const char *text = form_get(r, name);
	*has = !text_blank(text);
	err e = {0};
	if (*has && measure_number_parse(what, text, v, &e) < 0)
		form_error_add(fe, name, sentence(r, e.msg));
}

/* ROUTE: POST /org/{org}/measure/{measure}/metrics (contributor) */
static int page_metric_add_post(request *r)
{
	measure_detail md;
	int refused = load_measure(r, &md);
	if (refused)
		return refused;
	const char *name = form_get(r, "metric-name"), *kind = form_get(r, "metric-kind");
	const char *direction = form_get(r, "metric-direction"), *unit = form_get(r, "metric-unit");
	metric_row m = {.measure_id = md.measure.id, .name = name ? name : "", .kind = kind,
			.direction = direction, .unit = unit ? unit : ""};
	form_errors fe = {0};
	err e = {0};
	if (text_check_line("The name", m.name, true, &e) < 0)
		form_error_add(&fe, "metric-name", text_blank(name) ? "Enter what you will count or ask"
								    : sentence(r, e.msg));
	if (!kind || pair_label(kinds, kind, kind) == kind)
		form_error_add(&fe, "metric-kind", "Choose the kind of number: a percentage, a count or a rate");
	else if (!strcmp(kind, "rate") && text_blank(unit))
		form_error_add(&fe, "metric-unit", "Enter what the rate is per, for example per 100 pupils");
	else if (!strcmp(kind, "percentage") && !text_blank(unit))
		form_error_add(&fe, "metric-unit", "A percentage needs no unit: leave the unit empty");
	else if (text_check_line("The unit", m.unit, false, &e) < 0)
		form_error_add(&fe, "metric-unit", sentence(r, e.msg));
	if (!direction || pair_label(directions, direction, direction) == direction)
		form_error_add(&fe, "metric-direction", "Choose whether higher or lower is better");
	size_t before = fe.n;
	number_field(r, "metric-baseline", "The baseline", &m.has_baseline, &m.baseline, &fe);
	number_field(r, "metric-target", "The target", &m.has_target, &m.target, &fe);
	/* Once the kind is known, each number must fit it. */
	if (fe.n == before && kind && pair_label(kinds, kind, kind) != kind) {
		metric_row probe = {.name = "n", .kind = kind, .direction = "higher",
				    .unit = !strcmp(kind, "rate") ? "u" : ""};
		probe.has_baseline = m.has_baseline;
		probe.baseline = m.baseline;
		if (metric_validate(&probe, &e) < 0)
			form_error_add(&fe, "metric-baseline", sentence(r, e.msg));
		probe.has_baseline = false;
		probe.has_target = m.has_target;
		probe.target = m.target;
		if (metric_validate(&probe, &e) < 0)
			form_error_add(&fe, "metric-target", sentence(r, e.msg));
	}
	int64_t id;
	if (!fe.n && metric_add(&r->d, &m, &id, &e) < 0)
		form_error_add(&fe, "metric-name", sentence(r, e.msg));
	if (fe.n)
		return refuse(r, &md, &(page_errors){.metric = &fe});
	return back_to(r, &md, arena_printf(&r->mem, "added metric %lld to success measure %lld: %s",
					     (long long)id, (long long)md.measure.id, m.name));
}

static const metric_detail *find_metric(const measure_detail *md, int64_t id)
{
	for (size_t i = 0; i < md->n_metrics; i++)
		if (md->metrics[i].metric.id == id)
			return &md->metrics[i];
	return NULL;
}

/* Each part of a reading checked on its own (the rest made valid), so the
 * message lands on the field it is about. */
static void check_reading(request *r, const metric_row *m, const reading_row *in, form_errors *fe)
{
	char today[11];
	date_today(today);
	const reading_row fine = {.metric_id = m->id, .taken_on = today, .has_value = true, .value = 0,
				  .source = "other", .note = ""};
	int64_t id = m->id;
	for (int part = 1; part < 4; part++) {
		reading_row probe = fine;
		const char *field = NULL;
		switch (part) {
		case 1:
			probe.has_value = in->has_value;
			probe.value = in->value;
			probe.has_fraction = in->has_fraction;
			probe.numerator = in->numerator;
			probe.denominator = in->denominator;
			field = !in->has_fraction ? "value" : in->denominator <= 0 ? "denominator"
							  : in->has_value ? "value" : "numerator";
			break;
		case 2:
			probe.source = in->source;
			field = "source";
			break;
		case 3:
			probe.note = in->note;
			field = "note";
			break;
		}
		err e = {0};
		if (reading_validate(m, &probe, &e) == 0)
			continue;
		const char *msg = sentence(r, e.msg);
		if (part == 2)
			msg = "Choose where the reading comes from";
		form_error_add(fe, field_name(r, id, field), msg);
	}
}

/* ROUTE: POST /org/{org}/measure/{measure}/metric/{metric}/readings (contributor) */
static int page_reading_add_post(request *r)
{
	measure_detail md;
	int refused = load_measure(r, &md);
	if (refused)
		return refused;
	const metric_detail *mdt = find_metric(&md, param_id(r, 2));
	if (!mdt)
		return page_not_found(r);
	const metric_row *m = &mdt->metric;
	int64_t mid = m->id;
	form_errors fe = {0};
	reading_row rd = {.metric_id = mid,
			  .taken_on = form_date_posted(r, field_name(r, mid, "date"),
						       &(date_rule){"the date of the reading", true, DATE_PAST}, &fe),
			  .source = form_get(r, field_name(r, mid, "source")),
			  .note = form_get(r, field_name(r, mid, "note")),
			  .groups = form_groups_value(r, field_name(r, mid, "with"))};
	if (!rd.taken_on)
		rd.taken_on = "";
	if (!rd.note)
		rd.note = "";
	err e = {0};
	const char *vname = field_name(r, mid, "value"), *nname = field_name(r, mid, "numerator");
	const char *dname = field_name(r, mid, "denominator");
	const char *num = form_get(r, nname), *den = form_get(r, dname);
	number_field(r, vname, "The reading", &rd.has_value, &rd.value, &fe);
	if (!text_blank(num) || !text_blank(den)) {
		rd.has_fraction = true;
		if (text_blank(num))
			form_error_add(&fe, nname, "Enter how many (the numerator), or leave both numbers empty");
		else if (measure_whole_parse("The numerator", num, &rd.numerator, &e) < 0)
			form_error_add(&fe, nname, sentence(r, e.msg));
		if (text_blank(den))
			form_error_add(&fe, dname, "Enter out of how many (the denominator), or leave both numbers empty");
		else if (measure_whole_parse("The denominator", den, &rd.denominator, &e) < 0)
			form_error_add(&fe, dname, sentence(r, e.msg));
	}
	if (!fe.n)
		check_reading(r, m, &rd, &fe);
	int64_t id;
	if (!fe.n && reading_add(&r->d, &rd, &id, &e) < 0)
		form_error_add(&fe, field_name(r, mid, "date-day"), sentence(r, e.msg));
	if (fe.n)
		return refuse(r, &md, &(page_errors){.reading = &fe, .reading_metric = mid});
	return back_to(r, &md, arena_printf(&r->mem, "added a reading of %s on %s to metric %lld: %s",
					     metric_value_text(&r->mem, m, rd.value), rd.taken_on,
					     (long long)mid, m->name));
}

/* ROUTE: POST /org/{org}/measure/{measure}/links (contributor) */
static int page_links_post(request *r)
{
	measure_detail md;
	int refused = load_measure(r, &md);
	if (refused)
		return refused;
	const char *unlink = form_get(r, "unlink"), *other = form_get(r, "other");
	const char *text = !text_blank(unlink) ? unlink : other;
	form_errors fe = {0};
	err e = {0};
	char *end = NULL;
	long long id = text ? strtoll(text, &end, 10) : 0;
	measure_row om;
	if (text_blank(text) || *end || id <= 0) {
		form_error_add(&fe, "other", "Choose the measure to link to this one");
	} else if (measure_get_in_org(&r->d, r->org, id, &om, &e) < 0) {
		/* Another organisation's measure is not named, nor linked. */
		form_error_add(&fe, "other", "Choose one of your organisation's measures");
	} else if (measure_link(&r->d, md.measure.id, id, !text_blank(unlink), &e) < 0) {
		form_error_add(&fe, "other", sentence(r, e.msg));
	}
	if (fe.n)
		return refuse(r, &md, &(page_errors){.links = &fe});
	return back_to(r, &md, arena_printf(&r->mem, "%s success measures %lld and %lld",
					     text_blank(unlink) ? "linked" : "unlinked",
					     (long long)md.measure.id, id));
}

const route measure_routes[] = {
	{"GET", "/org/{org}/measure/{measure}", page_measure, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/measure/{measure}/edit", page_measure_edit, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measure/{measure}/edit", page_measure_edit_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measure/{measure}/metrics", page_metric_add_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measure/{measure}/metric/{metric}/readings", page_reading_add_post,
	 ROUTE_POST, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measure/{measure}/links", page_links_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
