/* area.c: the area's picture: every organisation's latest audit, the
 * dashboard, and the portfolio of joint partnership projects.
 *
 * The dispatcher lets only the area's administrators in (r->area); each
 * page reads the area with a few aggregate queries (store/area.c), never
 * one per organisation. Principle, level, outcome and model wording comes
 * from the instruments; colours always come with the words they stand for. */
#include <string.h>

#include "web/pages/area_page.h"
#include "web/pages/gold_page.h"

/* ---- small helpers ---------------------------------------------------- */

/* A position on a scale, lowest first: the tag class and the chart fill
 * (GOV.UK palette, each at least 4.5:1 on white). */
typedef struct shade {
	const char *tag, *fill;
} shade;

static shade scale_shade(size_t i, size_t n)
{
	static const shade low = {"govuk-tag govuk-tag--red", "#ca3535"};
	static const shade high = {"govuk-tag govuk-tag--green", "#0f7a52"};
	static const shade middle[] = {{"govuk-tag", "#1d70b8"},
				       {"govuk-tag govuk-tag--purple", "#54319f"},
				       {"govuk-tag govuk-tag--teal", "#158187"}};
	if (n > 1 && i == 0)
		return low;
	if (n > 1 && i == n - 1)
		return high;
	return middle[(i ? i - 1 : 0) % 3];
}

static const char *const grey_tag = "govuk-tag govuk-tag--grey";

const char *area_sector_label(const char *sector)
{
	static const char *const names[] = {"education", "Education", "health", "Health",
					    "care", "Social care", "voluntary", "Voluntary sector", NULL};
	return pair_label(names, sector, sector ? sector : "");
}

/* "Principle", from the instrument's own term. */
static const char *term(request *r, const framework *fw)
{
	return sentence(r, fw->term_section ? fw->term_section : "section");
}

static const char *academic_year(request *r, int year)
{
	return arena_printf(&r->mem, "%d to %d", year, year + 1);
}

void area_heading(request *r, const char *area_name, const char *title)
{
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	     area_name, title);
}

static void outcome_tag(request *r, const fw_item *outcomes, size_t n, const char *key)
{
	int i = picture_item_index(outcomes, n, key);
	if (!key)
		htmlf(&r->out, "<strong class=\"%a\">No outcome recorded</strong>", grey_tag);
	else
		htmlf(&r->out, "<strong class=\"%a\">%t</strong>",
		     i < 0 ? grey_tag : scale_shade((size_t)i, n).tag, i < 0 ? key : outcomes[i].title);
}

/* A level as a tag with its words; keys the installed instrument no
 * longer has are shown as stored. With `principle`, the tag starts
 * "1: " (and "Principle 1: " for screen readers). */
static void level_tag(request *r, const area_picture *p, const char *key,
		      const fw_section *principle)
{
	int i = picture_level_index(p, key);
	const char *cls = i < 0 ? grey_tag : scale_shade((size_t)i, p->n_levels).tag;
	const char *words = !key ? "Not recorded" : i < 0 ? key : p->levels[i].title;
	htmlf(&r->out, "<strong class=\"%a\">", cls);
	if (principle)
		htmlf(&r->out, "<span class=\"govuk-visually-hidden\">%t </span>%t: ", term(r, p->fw),
		     principle->key);
	htmlf(&r->out, "%t</strong>", words);
}

/* The principles' titles, for the short "1", "2" ... used in tables. */
static void principle_key(request *r, const framework *fw)
{
	htmlf(&r->out, "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\">"
		      "<span class=\"govuk-details__summary-text\">What the %t numbers mean</span></summary>"
		      "<div class=\"govuk-details__text\"><ul class=\"govuk-list\">",
	     fw->term_section ? fw->term_section : "section");
	for (size_t i = 0; i < fw->n_sections; i++) {
		const fw_section *s = &fw->sections[i];
		htmlf(&r->out, "<li>%t %t: %t", term(r, fw), s->key, s->title);
		if (s->gap)
			htmlf(&r->out, " (" GAP_SHORT ")");
		htmlf(&r->out, "</li>");
	}
	htmlf(&r->out, "</ul></div></details>");
}

static void legend(request *r, const char *label, const fw_item *items, size_t n)
{
	htmlf(&r->out, "<p class=\"govuk-body govuk-!-margin-bottom-1\">%t</p><ul class=\"govuk-list govuk-!-margin-bottom-2\">",
	     label);
	for (size_t i = 0; i < n; i++)
		htmlf(&r->out, "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">"
			      "<rect width=\"16\" height=\"16\" fill=\"%a\"></rect></svg> %t</li>",
		     scale_shade(i, n).fill, items[i].title);
	htmlf(&r->out, "</ul>");
}

/* Horizontal stacked bars, one row per label, drawn on the server. Each
 * row's text says every number, so no colour has to be told apart; widths
 * are percentages of `scale`, so the chart fits any screen. The same
 * numbers are in the table after it. */
typedef struct chart {
	const char *id, *title;
	const char *const *rows;        /* row labels */
	size_t n_rows;
	const fw_item *parts;           /* segment names, lowest first */
	size_t n_parts;
	const size_t *values;           /* n_rows * n_parts */
	size_t scale;
} chart;

/* A row's words, every number in them: "Principle 1: 2 Good, 1 Excellent". */
static const char *chart_row_text(request *r, const chart *c, size_t row)
{
	const char *t = arena_printf(&r->mem, "%s: ", c->rows[row]);
	for (size_t k = 0; k < c->n_parts; k++)
		t = arena_printf(&r->mem, "%s%s%zu %s", t, k ? ", " : "", c->values[row * c->n_parts + k],
				 c->parts[k].title);
	return t;
}

static void stacked_chart(request *r, const chart *c)
{
	const int row = 64;
	/* Labels wrap (svg_text), so each row is as tall as its label. */
	const char **texts = ARENA_ARRAY(&r->mem, c->n_rows, texts);
	int height = -12;
	html label;
	html_init(&label, &r->mem);
	htmlf(&label, "%t. ", c->title);
	for (size_t i = 0; i < c->n_rows; i++) {
		texts[i] = chart_row_text(r, c, i);
		height += row + ((int)svg_lines(r, texts[i]) - 1) * SVG_LINE;
		htmlf(&label, "%R%t", i ? "; " : "", texts[i]);
	}
	htmlf(&r->out, "<div class=\"govuk-body govuk-!-margin-bottom-6\"><svg class=\"copro-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%%\" height=\"%d\""
		      " role=\"img\" aria-labelledby=\"%a-title\" focusable=\"false\" overflow=\"visible\">"
		      "<title id=\"%a-title\">%R</title>",
	     height, c->id, c->id, html_str(&label));
	int y = 0;
	for (size_t i = 0; i < c->n_rows; i++) {
		int bar = y + 26 + ((int)svg_text(r, "copro-chart__label", y + 18, texts[i]) - 1) * SVG_LINE;
		htmlf(&r->out, "<rect x=\"0\" y=\"%d\" width=\"100%%\" height=\"24\" fill=\"#f3f2f1\" stroke=\"#505a5f\" stroke-width=\"1\"></rect>",
		     bar);
		size_t done = 0;
		for (size_t k = 0; c->scale && k < c->n_parts; k++) {
			size_t v = c->values[i * c->n_parts + k];
			if (!v)
				continue;
			size_t from = done * 1000 / c->scale, to = (done + v) * 1000 / c->scale;
			htmlf(&r->out, "<rect x=\"%z.%z%%\" y=\"%d\" width=\"%z.%z%%\" height=\"24\" fill=\"%a\" stroke=\"#ffffff\" stroke-width=\"2\"></rect>",
			     from / 10, from % 10, bar, (to - from) / 10, (to - from) % 10,
			     scale_shade(k, c->n_parts).fill);
			done += v;
		}
		y = bar + row - 26;
	}
	htmlf(&r->out, "</svg></div>");
}

/* The chart's numbers as a table, with a total column. */
static void chart_table(request *r, const chart *c, const char *row_header)
{
	table_scroll_open(r, c->title);
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">%t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">%t</th>",
	     c->title, row_header);
	for (size_t k = 0; k < c->n_parts; k++)
		htmlf(&r->out, "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">%t</th>",
		     c->parts[k].title);
	htmlf(&r->out, "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Total</th></tr></thead>"
		      "<tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < c->n_rows; i++) {
		size_t total = 0;
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t</th>",
		     c->rows[i]);
		for (size_t k = 0; k < c->n_parts; k++) {
			size_t v = c->values[i * c->n_parts + k];
			total += v;
			htmlf(&r->out, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%z</td>", v);
		}
		htmlf(&r->out, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%z</td></tr>", total);
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* ---- the portfolio ------------------------------------------------------ */

/* The portfolio's self-evaluation cell: status and statements judged. */
static void evaluation_cell(request *r, const area_picture *p, const picture_org_row *o)
{
	htmlf(&r->out, "<td class=\"govuk-table__cell\">");
	if (!o->evaluation_id)
		htmlf(&r->out, "Not started");
	else
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">%t</a>, %t<br>%D of %z statements judged",
		      o->id, o->evaluation_id, o->cycle,
		      sentence(r, evaluation_status_words(o->evaluation_status)), o->judged,
		      p->evaluation_fw->n_elements);
	htmlf(&r->out, "</td>");
}

static void portfolio_row(request *r, const area_picture *p, const fw_item *outcomes,
			  size_t n_outcomes, const picture_org *o)
{
	htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/org/%D\">%t</a></th>"
		      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">",
	     o->row.id, o->row.name, area_sector_label(o->row.sector), o->row.type);
	if (o->row.audit_id) {
		bool any = false;
		for (size_t i = 0; i < p->fw->n_sections; i++)
			any |= o->levels[i] != NULL;
		outcome_tag(r, outcomes, n_outcomes, o->row.outcome);
		htmlf(&r->out, "<br>%t</td><td class=\"govuk-table__cell\">", date_words(r, o->row.audit_date));
		if (any) {
			htmlf(&r->out, "<ul class=\"govuk-list govuk-!-margin-bottom-0\">");
			for (size_t i = 0; i < p->fw->n_sections; i++) {
				htmlf(&r->out, "<li>");
				level_tag(r, p, o->levels[i], &p->fw->sections[i]);
				htmlf(&r->out, "</li>");
			}
			htmlf(&r->out, "</ul>");
		} else {
			htmlf(&r->out, "No levels recorded");
		}
		htmlf(&r->out, "</td>");
	} else {
		htmlf(&r->out, "No accepted audit</td><td class=\"govuk-table__cell\">None</td>");
	}
	evaluation_cell(r, p, &o->row);
	htmlf(&r->out, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%D</td><td class=\"govuk-table__cell\">",
	     o->row.projects);
	if (o->review_overdue)
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--red\">Review overdue</strong><br>Review was due %t<br>",
		     date_words(r, o->row.review_on));
	if (!o->row.audited_recently)
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--orange\">No audit in the last 12 months</strong>");
	if (!o->review_overdue && o->row.audited_recently)
		htmlf(&r->out, "None");
	htmlf(&r->out, "</td></tr>");
}

/* ROUTE: GET /area/{area} (area administrator) */
static int page_portfolio(request *r)
{
	const char *name;
	int st = page_area_name(r, &name);
	if (st)
		return st;
	area_picture p;
	if (area_portfolio_load(&r->d, r->area, &p, &r->e) < 0)
		return page_failed(r);
	fw_item *outcomes;
	size_t n_outcomes = picture_outcomes(&r->mem, p.fw, &outcomes);

	page_begin(r, arena_printf(&r->mem, "Area portfolio - %s", name));
	htmlf(&r->out, "<a href=\"/\" class=\"govuk-back-link\">Home</a>");
	area_heading(r, name, "Area portfolio");
	htmlf(&r->out, "<ul class=\"govuk-list govuk-list--bullet\">"
		      "<li>%z %R</li><li>%z audited in the last 12 months</li><li>%z with an overdue review</li>"
		      "<li>%z with a self-evaluation started (<a class=\"govuk-link\" href=\"/area/%D/self-evaluations\">see them</a>)</li></ul>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/projects\">The area's joint partnership projects</a></p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/report\">Area report for the SEND partnership board</a> (print it, or download it as a PDF or an Excel workbook)</p>",
	     p.n_orgs, p.n_orgs == 1 ? "organisation" : "organisations", p.audited_recently,
	     p.reviews_overdue, p.started, r->area, r->area, r->area);
	htmlf(&r->out, "<div class=\"govuk-inset-text\"><p class=\"govuk-body\">Each organisation's latest audit is its most recent "
		      "accepted audit, by the date of the audit. Audited in the last 12 months means an audit "
		      "accepted or sent to the area with a date from %t to %t.</p>"
		      "<p class=\"govuk-body\">Projects this year are those starting in this academic year, %t to %t.</p></div>",
	     date_words(r, p.dates.since), date_words(r, p.dates.today),
	     date_words(r, p.dates.year_from), date_words(r, p.dates.year_to));
	if (!p.n_orgs) {
		htmlf(&r->out, "<p class=\"govuk-body\">There are no organisations in this area yet. "
			      "Add them from the <a class=\"govuk-link\" href=\"/\">home page</a>.</p>");
		page_end(r);
		return 200;
	}
	principle_key(r, p.fw);
	table_scroll_open(r, arena_printf(&r->mem, "Every organisation in %s", name));
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--m\">Every organisation in %t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Organisation</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Sector</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Type</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Latest audit</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Levels per %t</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Self-evaluation</th>"
		      "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Projects this year</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">To follow up</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">",
	     name, p.fw->term_section ? p.fw->term_section : "section");
	for (size_t i = 0; i < p.n_orgs; i++)
		portfolio_row(r, &p, outcomes, n_outcomes, &p.orgs[i]);
	htmlf(&r->out, "</tbody></table></div>");
	page_end(r);
	return 200;
}

/* ---- the dashboard ------------------------------------------------------ */

static const char *const sector_options[] = {
	"education", "Education", "health", "Health", "care", "Social care",
	"voluntary", "Voluntary sector", NULL};

/* The filters from the query; a value not offered is refused. */
void area_read_filter(request *r, const picture_text_list *types, picture_filter *f,
		      form_errors *fe)
{
	const char *sector = query_get(r, "sector"), *type = query_get(r, "type");
	memset(f, 0, sizeof *f);
	if (!text_blank(sector)) {
		for (size_t i = 0; sector_options[i]; i += 2)
			if (!strcmp(sector, sector_options[i]))
				f->sector = sector_options[i];
		if (!f->sector)
			form_error_add(fe, "sector", "Choose a sector from the list");
	}
	if (!text_blank(type)) {
		for (size_t i = 0; i < types->n; i++)
			if (!strcmp(type, types->items[i]))
				f->type = types->items[i];
		if (!f->type)
			form_error_add(fe, "type", "Choose a service type from the list");
	}
}

void area_filter_form(request *r, const char *page, const picture_text_list *types,
		      const form_errors *fe)
{
	const char *sector = query_get(r, "sector"), *type = query_get(r, "type");
	htmlf(&r->out, "<form method=\"get\" action=\"/area/%D%a\" novalidate>"
		      "<h2 class=\"govuk-heading-m\">Filter</h2>", r->area, page);
	form_select_begin(r, "sector", "Sector", fe, NULL);
	form_option(r, "", "Any sector", sector && !*sector);
	for (size_t i = 0; sector_options[i]; i += 2)
		form_option(r, sector_options[i], sector_options[i + 1],
			    sector && !strcmp(sector, sector_options[i]));
	form_select_end(r);
	form_select_begin(r, "type", "Service type", fe, NULL);
	form_option(r, "", "Any service type", type && !*type);
	for (size_t i = 0; i < types->n; i++)
		form_option(r, types->items[i], types->items[i], type && !strcmp(type, types->items[i]));
	form_select_end(r);
	htmlf(&r->out, "<div class=\"govuk-button-group\">"
		      "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Apply filters</button>"
		      "<a class=\"govuk-link\" href=\"/area/%D%a\">Clear filters</a></div></form>",
	     r->area, page);
}

/* Organisations (rows) by principle (columns): a table whose cells are
 * coloured tags with the level's name, readable at hundreds of rows. */
static void heat_map(request *r, const area_picture *p)
{
	const framework *fw = p->fw;
	/* On a phone two of six columns fit: say that it scrolls, and keep
	 * each row's organisation in view while it does (copro.scss). */
	htmlf(&r->out, "<p class=\"govuk-body-s\" id=\"heat-map-hint\">The heat map has a column for each of the %z %ts. "
		      "If it is wider than your screen, scroll it sideways: swipe it, or select it and use the arrow keys.</p>"
		      "<div class=\"copro-table-scroll copro-heat-map\" role=\"region\" aria-label=\"Heat map\" "
		      "aria-describedby=\"heat-map-hint\" tabindex=\"0\">",
	     fw->n_sections, fw->term_section ? fw->term_section : "section");
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s\">Heat map: each organisation's level for each %t, from its latest accepted audit</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Organisation</th>",
	     fw->term_section ? fw->term_section : "section");
	for (size_t i = 0; i < fw->n_sections; i++)
		htmlf(&r->out, "<th scope=\"col\" class=\"govuk-table__header\">%t %t</th>", term(r, fw),
		     fw->sections[i].key);
	htmlf(&r->out, "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t o = 0; o < p->n_orgs; o++) {
		const picture_org *org = &p->orgs[o];
		if (!org->row.audit_id)
			continue;
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/org/%D\">%t</a></th>",
		     org->row.id, org->row.name);
		for (size_t i = 0; i < fw->n_sections; i++) {
			htmlf(&r->out, "<td class=\"govuk-table__cell\">");
			level_tag(r, p, org->levels[i], NULL);
			htmlf(&r->out, "</td>");
		}
		htmlf(&r->out, "</tr>");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void levels_section(request *r, const area_picture *p)
{
	const framework *fw = p->fw;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"levels\">Levels per %t</h2>",
	     fw->term_section ? fw->term_section : "section");
	if (!p->audited) {
		htmlf(&r->out, "<p class=\"govuk-body\">None of these organisations has an accepted audit yet, "
			      "so there are no levels to show.</p>");
		return;
	}
	htmlf(&r->out, "<p class=\"govuk-body\">From the latest accepted audit of %z of the %z organisations shown. "
		      "Organisations with no accepted audit are not in the heat map.</p>",
	     p->audited, p->n_orgs);
	principle_key(r, fw);
	const char **rows = ARENA_ARRAY(&r->mem, fw->n_sections, rows);
	size_t scale = 0;
	for (size_t i = 0; i < fw->n_sections; i++) {
		rows[i] = arena_printf(&r->mem, "%s %s", term(r, fw), fw->sections[i].key);
		if (p->recorded[i] > scale)
			scale = p->recorded[i];
	}
	chart c = {.id = "levels-chart",
		   .title = arena_printf(&r->mem, "Latest accepted audits at each level, per %s",
					 fw->term_section ? fw->term_section : "section"),
		   .rows = rows, .n_rows = fw->n_sections, .parts = p->levels,
		   .n_parts = p->n_levels, .values = p->counts, .scale = scale};
	legend(r, "Levels:", p->levels, p->n_levels);
	stacked_chart(r, &c);
	chart_table(r, &c, term(r, fw));
	heat_map(r, p);
}

static void outcomes_section(request *r, const picture_trend *t)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"outcomes\">Outcomes over time</h2>");
	if (!t->n_years) {
		htmlf(&r->out, "<p class=\"govuk-body\">No audits of these organisations have been accepted yet.</p>");
		return;
	}
	htmlf(&r->out, "<p class=\"govuk-body\">Audits accepted, by the academic year of the audit's date "
		      "(1 September to 31 August), and their overall outcome.</p>");
	const char **rows = ARENA_ARRAY(&r->mem, t->n_years, rows);
	size_t *values = ARENA_ARRAY(&r->mem, t->n_years * t->n_outcomes, values);
	for (size_t y = 0; y < t->n_years; y++) {
		rows[y] = academic_year(r, t->years[y].year);
		for (size_t k = 0; k < t->n_outcomes; k++)
			values[y * t->n_outcomes + k] = t->years[y].counts[k];
	}
	chart c = {.id = "outcomes-chart", .title = "Accepted audits per academic year, by outcome",
		   .rows = rows, .n_rows = t->n_years, .parts = t->outcomes,
		   .n_parts = t->n_outcomes, .values = values, .scale = t->most};
	legend(r, "Outcomes:", t->outcomes, t->n_outcomes);
	stacked_chart(r, &c);
	chart_table(r, &c, "Academic year");
}

static void support_section(request *r, const area_picture *p)
{
	const framework *fw = p->fw;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"support\">Where to offer support</h2>");
	if (!p->audited || !p->n_levels) {
		htmlf(&r->out, "<p class=\"govuk-body\">There are no accepted audits to learn from yet.</p>");
		return;
	}
	picture_support *ranked;
	size_t n = picture_support_ranking(p, &r->mem, &ranked);
	const char *lowest = p->levels[0].title;
	if (!n) {
		htmlf(&r->out, "<p class=\"govuk-body\">No %t is at %t in the latest accepted audits.</p>",
		     fw->term_section ? fw->term_section : "section", lowest);
		return;
	}
	htmlf(&r->out, "<p class=\"govuk-body\">These are the %ts most often at %t in the latest accepted audits, "
		      "most first. This is where to offer positive and tailored support.</p>"
		      "<ol class=\"govuk-list govuk-list--number\">",
	     fw->term_section ? fw->term_section : "section", lowest);
	for (size_t i = 0; i < n; i++)
		htmlf(&r->out, "<li><strong>%t %t: %t</strong><br>%z of %z %R at %t</li>", term(r, fw),
		     ranked[i].principle->key, ranked[i].principle->title, ranked[i].at_lowest,
		     ranked[i].recorded, ranked[i].recorded == 1 ? "organisation" : "organisations",
		     lowest);
	htmlf(&r->out, "</ol>");
}

/* How many have started and submitted a self-evaluation, narrowed like the
 * rest of the page (read with the organisations); the figures per
 * cornerstone are on their own page (they read every evidence link of the
 * area). */
static void evaluations_section(request *r, const area_picture *p, const picture_filter *f)
{
	if (!p->evaluation_fw) {
		picture_no_evaluation_fw(&r->e);
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", sentence(r, r->e.msg));
		return;
	}
	htmlf(&r->out, "<h2 class=\"govuk-heading-l\" id=\"self-evaluations\">Self-evaluations</h2>"
		       "<p class=\"govuk-body\">%z of %z organisations started a self-evaluation with the %t; %t submitted one. "
		       "<a class=\"govuk-link\" href=\"/area/%D/self-evaluations?sector=%u&amp;type=%u\">"
		       "See each organisation's self-evaluation, and the totals per cornerstone</a>.</p>",
	      p->started, p->n_orgs, p->evaluation_fw->title,
	      text_count_of(&r->mem, (long long)p->submitted, "has", "have"),
	      r->area, f->sector ? f->sector : "", f->type ? f->type : "");
}

int area_filtered_read(request *r, area_filtered *af)
{
	memset(af, 0, sizeof *af);
	int st = page_area_name(r, &af->name);
	if (st)
		return st;
	if (area_org_types(&r->d, r->area, &af->types, &r->e) < 0)
		return page_failed(r);
	area_read_filter(r, &af->types, &af->f, &af->fe);
	return 0;
}

int area_filtered_begin(request *r, const area_filtered *af, const char *title, const char *page,
			const char *what)
{
	page_begin(r, arena_printf(&r->mem, "%s - %s", title, af->name));
	htmlf(&r->out, "<a href=\"/area/%D\" class=\"govuk-back-link\">Area portfolio</a>", r->area);
	form_error_summary(r, &af->fe);
	area_heading(r, af->name, title);
	area_filter_form(r, page, &af->types, &af->fe);
	if (!af->fe.n)
		return 0;
	htmlf(&r->out, "<p class=\"govuk-body\">Correct the filters to see %t.</p>", what);
	page_end(r);
	return 400;
}

/* ROUTE: GET /area/{area}/dashboard (area administrator) */
static int page_dashboard(request *r)
{
	area_filtered af;
	int st = area_filtered_read(r, &af);
	if (st)
		return st;
	const picture_filter f = af.f;
	area_picture p;
	picture_trend t;
	if (!af.fe.n && (area_picture_load(&r->d, r->area, &f, NULL, &p, &r->e) < 0 ||
			 picture_trend_load(&r->d, r->area, &f, &t, &r->e) < 0))
		return page_failed(r);
	st = area_filtered_begin(r, &af, "Dashboard", "/dashboard", "the dashboard");
	if (st)
		return st;
	bool filtered = f.sector || f.type;
	if (!p.n_orgs) {
		htmlf(&r->out, "<p class=\"govuk-body\">%R</p>",
		     filtered ? "No organisations match these filters. Choose others, or clear them."
			      : "There are no organisations in this area yet.");
		page_end(r);
		return 200;
	}
	htmlf(&r->out, "<p class=\"govuk-body\">Showing %z %R%R.</p>", p.n_orgs,
	     p.n_orgs == 1 ? "organisation" : "organisations",
	     !filtered ? "" : p.n_orgs == 1 ? " that matches the filters" : " that match the filters");
	levels_section(r, &p);
	outcomes_section(r, &t);
	support_section(r, &p);
	evaluations_section(r, &p, &f);
	if (gold_area_awards(r) < 0)
		return page_failed(r);
	page_end(r);
	return 200;
}

/* ---- the projects ------------------------------------------------------- */

static const char *project_dates(request *r, const picture_project_row *p)
{
	if (p->starts_on && p->ends_on)
		return arena_printf(&r->mem, "%s to %s", date_words(r, p->starts_on), date_words(r, p->ends_on));
	if (p->starts_on)
		return arena_printf(&r->mem, "From %s", date_words(r, p->starts_on));
	if (p->ends_on)
		return arena_printf(&r->mem, "Until %s", date_words(r, p->ends_on));
	return "Not set";
}

/* ROUTE: GET /area/{area}/projects (area administrator) */
static int page_projects(request *r)
{
	const char *name;
	int st = page_area_name(r, &name);
	if (st)
		return st;
	picture_project *projects;
	size_t n;
	if (picture_projects_load(&r->d, r->area, NULL, &projects, &n, &r->e) < 0)
		return page_failed(r);
	const framework *audit_fw = fw_registry_find(r->d.frameworks, PICTURE_AUDIT_FRAMEWORK);
	fw_item *outcomes = NULL;
	size_t n_outcomes = audit_fw ? picture_outcomes(&r->mem, audit_fw, &outcomes) : 0;

	page_begin(r, arena_printf(&r->mem, "Joint partnership projects - %s", name));
	htmlf(&r->out, "<a href=\"/area/%D\" class=\"govuk-back-link\">Area portfolio</a>", r->area);
	area_heading(r, name, "Joint partnership projects");
	htmlf(&r->out, "<p class=\"govuk-body\">Every organisation's service development projects worked in joint "
		      "partnership, to share good practice across the area. Latest start date first.</p>");
	if (!n) {
		htmlf(&r->out, "<p class=\"govuk-body\">No organisation in this area has recorded a project yet.</p>");
		page_end(r);
		return 200;
	}
	table_scroll_open(r, "Projects");
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--m\">%z %R</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Project</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Organisation</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Service area</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Model</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Dates</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Steps done</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Audit outcome</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">",
	     n, n == 1 ? "project" : "projects");
	for (size_t i = 0; i < n; i++) {
		const picture_project *p = &projects[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			      "<a class=\"govuk-link\" href=\"/org/%D/project/%D\">%t</a></th>"
			      "<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/org/%D\">%t</a></td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">",
		     p->row.organisation_id, p->row.id, p->row.title, p->row.organisation_id,
		     p->row.organisation, p->row.service_area, p->model, project_dates(r, &p->row));
		if (p->steps)
			htmlf(&r->out, "%D of %z", p->row.steps_done, p->steps);
		else
			htmlf(&r->out, "%D", p->row.steps_done);
		htmlf(&r->out, "</td><td class=\"govuk-table__cell\">");
		if (p->row.audit_id) {
			outcome_tag(r, outcomes, n_outcomes, p->row.audit_outcome);
			htmlf(&r->out, "<br>%t", date_words(r, p->row.audit_date));
		} else {
			htmlf(&r->out, "No accepted audit");
		}
		htmlf(&r->out, "</td></tr>");
	}
	htmlf(&r->out, "</tbody></table></div>");
	page_end(r);
	return 200;
}

const route area_routes[] = {
	{"GET", "/area/{area}", page_portfolio, 0, ACCESS_NONE},
	{"GET", "/area/{area}/dashboard", page_dashboard, 0, ACCESS_NONE},
	{"GET", "/area/{area}/projects", page_projects, 0, ACCESS_NONE},
	{0},
};
