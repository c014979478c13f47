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
	print_or_download_link(r, arena_printf(&r->mem, "/org/%lld/measures", (long long)r->org),
			       "the measures as the monitoring grid");
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

/* Step 1 of choosing a measure: its cornerstone (GOV.UK one thing per
 * page: 53 measures on one page were 6,500 px long). */
static void cornerstone_form(request *r, const framework *fw, const form_errors *fe)
{
	const char *chosen = form_get(r, "cornerstone");
	page_begin(r, "Which cornerstone is the success measure for?");
	htmlf(&r->out, "<a href=\"/org/%D/measures\" class=\"govuk-back-link\">Success measures</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org);
	form_error_summary(r, fe);
	htmlf(&r->out, "<form method=\"post\" action=\"/org/%D/measures/new\" novalidate>", r->org);
	form_csrf(r);
	const char *msg = form_group_begin(r, "cornerstone", fe);
	htmlf(&r->out, "<fieldset class=\"govuk-fieldset\"%R><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\">"
		      "<span class=\"govuk-caption-l\">Choose a success measure</span>"
		      "<h1 class=\"govuk-fieldset__heading\">Which cornerstone is the success measure for?</h1></legend>"
		      "<div id=\"cornerstone-hint\" class=\"govuk-hint\">Choose with children, young people and families "
		      "which measures matter most. On the next page you choose one of the cornerstone's measures, "
		      "or write your own.</div>",
	     form_described_by(r, "cornerstone", "cornerstone-hint", msg));
	form_error_message(r, "cornerstone", msg);
	htmlf(&r->out, "<div class=\"govuk-radios\" data-module=\"govuk-radios\">");
	for (size_t s = 0; s < fw->n_sections; s++) {
		const fw_section *sec = &fw->sections[s];
		measure_item *items;
		size_t n = measure_catalogue(&r->mem, fw, sec->key, &items);
		radio(r, s ? arena_printf(&r->mem, "cornerstone-%s", sec->key) : "cornerstone", "cornerstone",
		      sec->key, arena_printf(&r->mem, "Cornerstone %s: %s", sec->key, sec->title),
		      arena_printf(&r->mem, "%zu measure%s in the catalogue", n, n == 1 ? "" : "s"), chosen);
	}
	htmlf(&r->out, "</div></fieldset></div>");
	form_button(r, "Continue");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* Step 2: the cycle, and one of the cornerstone's measures or one's own,
 * whose words are revealed under its radio. */
static void new_form(request *r, const framework *fw, const fw_section *sec, const form_errors *fe)
{
	const char *chosen = form_get(r, "measure"), *cycle = form_get(r, "cycle");
	page_begin(r, "Choose a success measure");
	htmlf(&r->out, "<a href=\"/org/%D/measures/new\" class=\"govuk-back-link\">Back to the cornerstones</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org);
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">Cornerstone %t: %t</span>"
		      "<h1 class=\"govuk-heading-l\">Choose a success measure</h1>"
		      "<form method=\"post\" action=\"/org/%D/measures/new/%u\" novalidate>",
	     sec->key, sec->title, r->org, sec->key);
	form_csrf(r);
	form_input(r, "cycle", "Cycle", r->post ? cycle : default_cycle(r), fe,
		   &(input_opts){.hint = "The year or period the measure is for, for example 2026-27", .width = "10"});
	const char *msg = form_group_begin(r, "measure", fe);
	htmlf(&r->out, "<fieldset class=\"govuk-fieldset\"%R>"
		      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Which success measure?</legend>",
	     form_described_by(r, "measure", NULL, msg));
	form_error_message(r, "measure", msg);
	htmlf(&r->out, "<div class=\"govuk-radios govuk-radios--small\" data-module=\"govuk-radios\">");
	measure_item *items;
	size_t n = measure_catalogue(&r->mem, fw, sec->key, &items);
	for (size_t i = 0; i < n; i++) {
		/* Editors' notes are on the instrument's About page: a choice
		 * list shows the source's words and, at most, that some were
		 * lost. */
		const char *label = arena_printf(&r->mem, "%s %s", items[i].key, items[i].text);
		radio(r, i ? arena_printf(&r->mem, "measure-%s", items[i].key) : "measure", "measure",
		      items[i].key, label, items[i].gap ? GAP_SHORT : NULL, chosen);
	}
	/* A plain field after the radios, not GOV.UK's conditional reveal: that
	 * puts aria-expanded on a radio, which ARIA 1.2 does not allow. */
	htmlf(&r->out, "<div class=\"govuk-radios__divider\">or</div>");
	radio(r, n ? "measure-own" : "measure", "measure", "own", "Our own measure",
	      "Then write it in the box below.", chosen);
	htmlf(&r->out, "</div></fieldset></div>");
	form_textarea(r, "own", "Your own measure", form_get(r, "own"),
		      "Only if you chose to write your own. Say what success looks like, for example: "
		      "Families help plan school events.", fe);
	form_button(r, "Choose this measure");
	htmlf(&r->out, "</form><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/measures/new\">"
		      "Choose another cornerstone</a></p></div></div>", r->org);
	page_end(r);
}

/* ROUTE: GET /org/{org}/measures/new (contributor) */
static int page_measure_new(request *r)
{
	const framework *fw = measure_instrument(&r->d, &r->e);
	if (!fw)
		return page_failed(r);
	cornerstone_form(r, fw, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/measures/new (contributor) */
static int page_measure_new_post(request *r)
{
	const framework *fw = measure_instrument(&r->d, &r->e);
	if (!fw)
		return page_failed(r);
	const char *key = form_get(r, "cornerstone");
	if (text_blank(key) || !framework_section(fw, key)) {
		form_errors fe = {0};
		form_error_add(&fe, "cornerstone", "Choose the cornerstone the success measure is for");
		cornerstone_form(r, fw, &fe);
		return 400;
	}
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/measures/new/%s", (long long)r->org,
					    framework_section(fw, key)->key));
}

/* The measure the step-2 form asks for, into *m; problems into fe. */
static void read_choice(request *r, const framework *fw, const fw_section *sec, measure_row *m,
			form_errors *fe)
{
	const char *cycle = form_get(r, "cycle"), *choice = form_get(r, "measure"), *own = form_get(r, "own");
	err e = {0};
	*m = (measure_row){.organisation_id = r->org, .cycle = cycle ? cycle : ""};
	if (text_check_line("The cycle", m->cycle, true, &e) < 0)
		form_error_add(fe, "cycle", text_blank(cycle) ? "Enter the cycle, for example 2026-27"
							      : sentence(r, e.msg));
	measure_item it;
	const char *in = NULL;
	if (text_blank(choice)) {
		form_error_add(fe, "measure", "Choose a success measure, or choose to write your own");
	} else if (!strcmp(choice, "own")) {
		m->own_text = own ? own : "";
		m->cornerstone_key = sec->key;
		if (text_check_long("Your own measure", m->own_text, true, &e) < 0)
			form_error_add(fe, "own", text_blank(own) ? "Write your own measure" : sentence(r, e.msg));
	} else if (!measure_catalogue_find(fw, choice, &it, &in) || strcmp(in, sec->key) != 0) {
		form_error_add(fe, "measure", "Choose a success measure from the list");
	} else {
		m->catalogue_key = choice;
		m->cornerstone_key = sec->key;
	}
}

/* The instrument and the cornerstone named in the address; 0, or the
 * status of the page already written (404 for a cornerstone it lacks). */
static int chooser_load(request *r, const framework **fw, const fw_section **sec)
{
	*fw = measure_instrument(&r->d, &r->e);
	if (!*fw)
		return page_failed(r);
	*sec = framework_section(*fw, param_named(r, "cornerstone"));
	return *sec ? 0 : page_not_found(r);
}

/* ROUTE: GET /org/{org}/measures/new/{cornerstone} (contributor) */
static int page_measure_choose(request *r)
{
	const framework *fw;
	const fw_section *sec;
	int st = chooser_load(r, &fw, &sec);
	if (st)
		return st;
	new_form(r, fw, sec, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/measures/new/{cornerstone} (contributor) */
static int page_measure_choose_post(request *r)
{
	const framework *fw;
	const fw_section *sec;
	int st = chooser_load(r, &fw, &sec);
	if (st)
		return st;
	measure_row m;
	form_errors fe = {0};
	err e = {0};
	read_choice(r, fw, sec, &m, &fe);
	int64_t id;
	if (!fe.n && measure_add(&r->d, &m, &id, &e) < 0)
		form_error_add(&fe, "measure", sentence(r, e.msg));
	if (fe.n) {
		new_form(r, fw, sec, &fe);
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
	{"POST", "/org/{org}/measures/new", page_measure_new_post, ROUTE_POST, ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/measures/new/{cornerstone}", page_measure_choose, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measures/new/{cornerstone}", page_measure_choose_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
