/* measures.c: the organisation's success measures, at /org/{org}/measures:
 * the list by cornerstone with what each metric shows so far and the
 * source's worked examples, and choosing a measure from the catalogue or
 * writing one's own (.../measures/new). One measure's page is measure.c. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/measure.h"
#include "web/pages/measure_page.h"

/* The source's worked examples as summary lists with the grid's column
 * titles. */
static void exemplars(request *r, const framework *fw)
{
	measure_exemplar *ex;
	size_t n = measure_exemplars(&r->mem, fw, &ex);
	if (!n)
		return;
	htmlf(&r->out, "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\">"
		      "<span class=\"govuk-details__summary-text\">Worked examples from the source</span></summary>"
		      "<div class=\"govuk-details__text\">");
	for (size_t i = 0; i < n; i++) {
		const char *t, *h;
		htmlf(&r->out, "<h3 class=\"govuk-heading-s\">Example %z: %t</h3><dl class=\"govuk-summary-list\">",
		     i + 1, ex[i].title);
		measure_column_title(fw, "cornerstone", &t, &h);
		summary_row_open(r, t);
		htmlf(&r->out, "%t %t</dd></div>", ex[i].section, measure_cornerstone_title(fw, ex[i].section));
		for (int k = 0; k < 4; k++) {
			if (!ex[i].cells[k])
				continue;
			measure_column_title(fw, measure_grid_keys[k], &t, &h);
			summary_row_open(r, t);
			htmlf(&r->out, "<ul class=\"govuk-list\">");
			const char *p = ex[i].cells[k];
			while (*p) {
				size_t len = strcspn(p, "\n");
				htmlf(&r->out, "<li>%t</li>", arena_strndup(&r->mem, p, len));
				p += len + (p[len] == '\n');
			}
			htmlf(&r->out, "</ul></dd></div>");
		}
		htmlf(&r->out, "</dl>");
	}
	htmlf(&r->out, "</div></details>");
}

/* ---- the list ---------------------------------------------------------- */

static void measure_metrics_cell(request *r, const measure_row *m)
{
	metric_list ml;
	if (metrics_of_measure(&r->d, m->id, &ml, &r->e) < 0 || !ml.n) {
		htmlf(&r->out, "No metrics yet");
		return;
	}
	htmlf(&r->out, "<ul class=\"govuk-list\">");
	for (size_t i = 0; i < ml.n; i++) {
		reading_list rl;
		metric_status st;
		if (readings_of_metric(&r->d, ml.items[i].id, &rl, &r->e) < 0)
			rl.n = 0;
		metric_status_of(&r->mem, &ml.items[i], rl.items, rl.n, &st);
		htmlf(&r->out, "<li>%t: %t ", ml.items[i].name,
		     st.latest ? metric_value_text(&r->mem, &ml.items[i], st.latest->value) : "no readings");
		measure_target_tag(r, &ml.items[i], &st);
		htmlf(&r->out, "</li>");
	}
	htmlf(&r->out, "</ul>");
}

static void cornerstone_table(request *r, const char *key, const char *title,
			      const measure_list *list, const char **texts)
{
	size_t n = 0;
	for (size_t i = 0; i < list->n; i++)
		n += !strcmp(list->items[i].cornerstone_key, key);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Cornerstone %t: %t</h2>", key, title);
	if (!n) {
		htmlf(&r->out, "<p class=\"govuk-body\">No measures chosen for this cornerstone yet.</p>");
		return;
	}
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-visually-hidden\">Success measures: %t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Measure</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Cycle</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Metrics: latest reading</th></tr></thead>"
		      "<tbody class=\"govuk-table__body\">", title);
	for (size_t i = 0; i < list->n; i++) {
		const measure_row *m = &list->items[i];
		if (strcmp(m->cornerstone_key, key) != 0)
			continue;
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">"
			      "<a class=\"govuk-link\" href=\"/org/%D/measure/%D\">%t</a>%R%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">",
		     r->org, m->id, texts[i], m->catalogue_key ? "<br><span class=\"govuk-hint\">Catalogue measure " : "<br><span class=\"govuk-hint\">Your own measure",
		     m->catalogue_key ? m->catalogue_key : "", m->cycle);
		htmlf(&r->out, "</span>");
		measure_metrics_cell(r, m);
		htmlf(&r->out, "</td></tr>");
	}
	htmlf(&r->out, "</tbody></table>");
}

/* ROUTE: GET /org/{org}/measures (viewer) */
static int page_measures(request *r)
{
	org_row o;
	measure_list list;
	const char **texts;
	const framework *fw = measure_instrument(&r->d, &r->e);
	if (!fw || org_get(&r->d, r->org, &o, &r->e) < 0 ||
	    measures_of_org(&r->d, r->org, NULL, &list, &r->e) < 0 ||
	    measure_texts(&r->d, list.items, list.n, &texts, &r->e) < 0)
		return page_failed(r);
	page_begin(r, "Success measures");
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-full\">"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Success measures</h1>"
		      "<p class=\"govuk-body\">Measures chosen from the %t, or written by you, with what each shows so far.</p>",
	     r->org, o.name, o.name, fw->title);
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<a href=\"/org/%D/measures/new\" role=\"button\" draggable=\"false\" class=\"govuk-button\" data-module=\"govuk-button\">Choose a success measure</a>",
		     r->org);
	exemplars(r, fw);
	for (size_t s = 0; s < fw->n_sections; s++)
		cornerstone_table(r, fw->sections[s].key, fw->sections[s].title, &list, texts);
	/* Measures of a cornerstone the installed catalogue no longer has. */
	for (size_t i = 0; i < list.n; i++) {
		const char *key = list.items[i].cornerstone_key;
		bool seen = framework_section(fw, key) != NULL;
		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(list.items[j].cornerstone_key, key);
		if (!seen)
			cornerstone_table(r, key, key, &list, texts);
	}
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return 200;
}

/* ---- choosing a measure ------------------------------------------------ */

/* The cycle a new measure most likely belongs to: the latest of the
 * organisation's measures or evaluations. */
static const char *default_cycle(request *r)
{
	measure_list ml;
	evaluation_list el;
	const char *best = NULL;
	if (measures_of_org(&r->d, r->org, NULL, &ml, &r->e) == 0)
		for (size_t i = 0; i < ml.n; i++)
			if (!best || strcmp(ml.items[i].cycle, best) > 0)
				best = ml.items[i].cycle;
	if (evaluations_of_org(&r->d, r->org, &el, &r->e) == 0)
		for (size_t i = 0; i < el.n; i++)
			if (!best || strcmp(el.items[i].cycle, best) > 0)
				best = el.items[i].cycle;
	return best;
}

static void radio(request *r, const char *id, const char *name, const char *value,
		  const char *label, const char *hint, const char *chosen)
{
	htmlf(&r->out, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"%a\" name=\"%a\" type=\"radio\" value=\"%a\"%R%R>"
		      "<label class=\"govuk-label govuk-radios__label\" for=\"%a\">%t</label>",
	     id, name, value, chosen && !strcmp(chosen, value) ? " checked" : "",
	     hint ? arena_printf(&r->mem, " aria-describedby=\"%s-hint\"", id) : "", id, label);
	if (hint)
		htmlf(&r->out, "<div id=\"%a-hint\" class=\"govuk-hint govuk-radios__hint\">%t</div>", id, hint);
	htmlf(&r->out, "</div>");
}

static void new_form(request *r, const form_errors *fe)
{
	const framework *fw = measure_instrument(&r->d, &r->e);
	const char *chosen = form_get(r, "measure"), *cycle = form_get(r, "cycle");
	page_begin(r, fe && fe->n ? "Error: Choose a success measure" : "Choose a success measure");
	htmlf(&r->out, "<a href=\"/org/%D/measures\" class=\"govuk-back-link\">Success measures</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org);
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Choose a success measure</h1>"
		      "<p class=\"govuk-body\">Choose with children, young people and families which measures matter most. "
		      "You can also write your own.</p>"
		      "<form method=\"post\" action=\"/org/%D/measures\" novalidate>", r->org);
	form_csrf(r);
	form_input(r, "cycle", "Cycle", r->post ? cycle : default_cycle(r), fe,
		   &(input_opts){.hint = "The year or period the measure is for, for example 2026-27", .width = "10"});
	const char *msg = form_group_begin(r, "measure", fe);
	htmlf(&r->out, "<fieldset class=\"govuk-fieldset\"%R>"
		      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Which success measure?</legend>",
	     form_described_by(r, "measure", NULL, msg));
	form_error_message(r, "measure", msg);
	bool first = true;
	for (size_t s = 0; fw && s < fw->n_sections; s++) {
		const fw_section *sec = &fw->sections[s];
		measure_item *items;
		size_t n = measure_catalogue(&r->mem, fw, sec->key, &items);
		htmlf(&r->out, "<h2 class=\"govuk-heading-s govuk-!-margin-top-6\">Cornerstone %t: %t</h2>"
			      "<div class=\"govuk-radios govuk-radios--small\" data-module=\"govuk-radios\">",
		     sec->key, sec->title);
		for (size_t i = 0; i < n; i++) {
			const char *id = first ? "measure" : arena_printf(&r->mem, "measure-%s", items[i].key);
			first = false;
			const char *label = arena_printf(&r->mem, "%s %s", items[i].key,
							 items[i].gap ? "[GAP IN SOURCE]" : items[i].text);
			radio(r, id, "measure", items[i].key, label,
			      items[i].gap ? items[i].gap : items[i].note, chosen);
		}
		htmlf(&r->out, "</div>");
	}
	htmlf(&r->out, "<h2 class=\"govuk-heading-s govuk-!-margin-top-6\">Or write your own</h2>"
		      "<div class=\"govuk-radios govuk-radios--small\" data-module=\"govuk-radios\">");
	radio(r, first ? "measure" : "measure-own", "measure", "own", "Our own measure",
	      "Then choose its cornerstone and write it below.", chosen);
	htmlf(&r->out, "</div></fieldset></div>");
	static const char *const none[] = {NULL};
	const char **options = (const char **)none;
	if (fw) {
		options = ARENA_ARRAY(&r->mem, 2 * fw->n_sections + 1, options);
		for (size_t s = 0; s < fw->n_sections; s++) {
			options[2 * s] = fw->sections[s].key;
			options[2 * s + 1] = arena_printf(&r->mem, "%s: %s", fw->sections[s].key,
							  fw->sections[s].title);
		}
	}
	form_radios(r, "cornerstone", "The cornerstone of your own measure", options,
		    form_get(r, "cornerstone"), "Only for your own measure: a catalogue measure has its cornerstone already.", fe);
	form_textarea(r, "own", "Your own measure", form_get(r, "own"),
		      "Only if you chose to write your own. Say what success looks like, for example: Families help plan school events.", fe);
	form_button(r, "Choose this measure");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* ROUTE: GET /org/{org}/measures/new (contributor) */
static int page_measure_new(request *r)
{
	if (!measure_instrument(&r->d, &r->e))
		return page_failed(r);
	new_form(r, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/measures (contributor) */
static int page_measure_add_post(request *r)
{
	const framework *fw = measure_instrument(&r->d, &r->e);
	if (!fw)
		return page_failed(r);
	const char *cycle = form_get(r, "cycle"), *choice = form_get(r, "measure");
	const char *cornerstone = form_get(r, "cornerstone"), *own = form_get(r, "own");
	measure_row m = {.organisation_id = r->org, .cycle = cycle ? cycle : ""};
	form_errors fe = {0};
	err e = {0};
	if (text_check_line("The cycle", m.cycle, true, &e) < 0)
		form_error_add(&fe, "cycle", text_blank(cycle) ? "Enter the cycle, for example 2026-27"
							       : sentence(r, e.msg));
	measure_item it;
	if (text_blank(choice)) {
		form_error_add(&fe, "measure", "Choose a success measure, or choose to write your own");
	} else if (!strcmp(choice, "own")) {
		m.own_text = own ? own : "";
		if (text_blank(cornerstone) || !framework_section(fw, cornerstone))
			form_error_add(&fe, "cornerstone", "Choose the cornerstone of your own measure");
		else
			m.cornerstone_key = cornerstone;
		if (text_check_long("Your own measure", m.own_text, true, &e) < 0)
			form_error_add(&fe, "own", text_blank(own) ? "Write your own measure" : sentence(r, e.msg));
	} else if (!measure_catalogue_find(fw, choice, &it, &m.cornerstone_key)) {
		form_error_add(&fe, "measure", "Choose a success measure from the list");
	} else {
		m.catalogue_key = choice;
	}
	int64_t id;
	if (!fe.n && measure_add(&r->d, &m, &id, &e) < 0)
		form_error_add(&fe, "measure", sentence(r, e.msg));
	if (fe.n) {
		new_form(r, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "chose success measure %lld (%s, cycle %s)", (long long)id,
				     m.catalogue_key ? m.catalogue_key : "own", m.cycle)) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/measure/%lld", (long long)r->org,
					    (long long)id));
}

const route measures_routes[] = {
	{"GET", "/org/{org}/measures", page_measures, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/measures/new", page_measure_new, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measures", page_measure_add_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{0},
};
