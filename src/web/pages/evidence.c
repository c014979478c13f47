/* evidence.c: the evidence library (every item, narrowed by cornerstone,
 * indicator, partner group and date through a plain GET form), one item
 * with every place it counts, and changing an item. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/gold.h"
#include "web/pages/pages.h"

/* Every value of a repeated query parameter, NULL-terminated. */
static const char **query_all(request *r, const char *name)
{
	const char **all = ARENA_ARRAY(&r->mem, r->n_query + 1, all);
	size_t n = 0;
	for (size_t i = 0; i < r->n_query; i++)
		if (!strcmp(r->query[i].name, name))
			all[n++] = r->query[i].value;
	return all;
}

/* Evidence item {evidence} of this organisation: 0, or the status of the
 * error page written (404 for another organisation's). */
static int load_item(request *r, evidence_row *ev)
{
	if (evidence_get_in_org(&r->d, r->org, param_id(r, 1), ev, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	return 0;
}


/* ---- the library ----------------------------------------------------- */

typedef struct library_filter {
	evidence_filter store;
	const char *cornerstone;        /* a section key of the Four Cornerstones */
	const char *indicator_text;     /* as typed */
} library_filter;

/* The framework whose sections the cornerstone filter offers. */
static const framework *cornerstones(request *r)
{
	return fw_registry_find(r->d.frameworks, "four-cornerstones");
}

static const char *lower(request *r, const char *s)
{
	char *out = arena_strdup(&r->mem, s);
	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

/* Reads the filters from the query; problems go to `fe`. */
static void read_filter(request *r, library_filter *f, const evaluation_list *evs,
			form_errors *fe)
{
	memset(f, 0, sizeof *f);
	const char *c = query_get(r, "cornerstone"), *ind = query_get(r, "indicator");
	const char *from = query_get(r, "from"), *to = query_get(r, "to");
	err e = {0};
	if (!text_blank(c)) {
		const framework *fw = cornerstones(r);
		if (!fw || !framework_section(fw, c))
			form_error_add(fe, "cornerstone", "Choose a cornerstone from the list");
		else
			f->cornerstone = c;
	}
	if (!text_blank(ind)) {
		f->indicator_text = ind;
		const char *text = lower(r, ind);
		indicator_ref ref = {0};
		if (!strchr(text, '.'))
			ref.element = text;     /* a whole statement: any of its indicators */
		else if (indicator_ref_parse(&r->mem, text, &ref, &e) < 0)
			form_error_add(fe, "indicator",
				       "Enter an indicator like 1i.a, or a statement like 1i");
		bool known = !evs->n;
		for (size_t i = 0; ref.element && i < evs->n && !known; i++) {
			const framework *fw = fw_registry_find(r->d.frameworks, evs->items[i].framework_id);
			known = fw && framework_element(fw, ref.element);
		}
		if (ref.element && !known)
			form_error_add(fe, "indicator",
				       arena_printf(&r->mem, "There is no statement %s in your self-evaluations: statements are written like 1i or 3iv",
						    ref.element));
		f->store.element = ref.element;
		f->store.indicator = ref.indicator;
	}
	for (const char **g = query_all(r, "groups"); *g; g++)
		for (int i = 0; i < 3; i++)
			if (!strcmp(*g, group_names[i]))
				f->store.groups |= group_flags[i];
	if (!text_blank(from)) {
		if (date_check("The date from", from, &e) < 0)
			form_error_add(fe, "from", "The date from must be a real date, like 2026-09-01");
		else
			f->store.from = from;
	}
	if (!text_blank(to)) {
		if (date_check("The date to", to, &e) < 0)
			form_error_add(fe, "to", "The date to must be a real date, like 2027-07-31");
		else
			f->store.to = to;
	}
	if (f->store.from && f->store.to && strcmp(f->store.from, f->store.to) > 0)
		form_error_add(fe, "to", "The date to must be the same as or after the date from");
}

static void filter_form(request *r, const form_errors *fe)
{
	const char *c = query_get(r, "cornerstone");
	htmlf(&r->out, "<form method=\"get\" action=\"/org/%D/evidence\" novalidate>"
		      "<h2 class=\"govuk-heading-m\">Filter</h2>", r->org);
	form_select_begin(r, "cornerstone", "Cornerstone", fe, NULL);
	form_option(r, "", "Any cornerstone", false);
	const framework *fw = cornerstones(r);
	for (size_t i = 0; fw && i < fw->n_sections; i++) {
		const fw_section *s = &fw->sections[i];
		form_option(r, s->key, arena_printf(&r->mem, "%s: %s", s->key, s->title),
			    c && !strcmp(c, s->key));
	}
	form_select_end(r);
	form_input(r, "indicator", "Indicator or statement", query_get(r, "indicator"), fe,
		   &(input_opts){.hint = "For example 1i.a, or 1i for any indicator of that statement",
				 .width = "10"});
	static const char *const groups[] = {
		"children-and-young-people", "Children and young people",
		"parent-carers", "Parent carers",
		"practitioners", "Practitioners", NULL};
	bool checked[3] = {0};
	for (const char **g = query_all(r, "groups"); *g; g++)
		for (int i = 0; i < 3; i++)
			checked[i] |= !strcmp(*g, group_names[i]);
	form_checkboxes(r, "groups", "Partner groups who took part", groups, checked,
			"Shows items where all the groups you select took part.", fe);
	form_input(r, "from", "Date from", query_get(r, "from"), fe,
		   &(input_opts){.hint = "For example 2026-09-01", .width = "10"});
	form_input(r, "to", "Date to", query_get(r, "to"), fe,
		   &(input_opts){.hint = "For example 2027-07-31", .width = "10"});
	htmlf(&r->out, "<div class=\"govuk-button-group\">"
		      "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Apply filters</button>"
		      "<a class=\"govuk-link\" href=\"/org/%D/evidence\">Clear filters</a></div></form>",
	     r->org);
}

/* Whether one of the item's links (links[from..to)) is to a statement of
 * the cornerstone. */
static bool in_cornerstone(request *r, const link_row *links, size_t n,
			   const evaluation_list *evs, const char *cornerstone)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < evs->n; j++) {
			if (evs->items[j].id != links[i].evaluation_id)
				continue;
			const framework *fw = fw_registry_find(r->d.frameworks, evs->items[j].framework_id);
			if (!fw || !fw->term_section || strcmp(fw->term_section, "cornerstone"))
				continue;
			const fw_element *el = framework_element(fw, links[i].element_key);
			if (el && el->section && !strcmp(el->section->key, cornerstone))
				return true;
		}
	}
	return false;
}

/* ---- the library's pages ---------------------------------------------
 * 50 items a page: a library of hundreds is long to scroll or tab through
 * on one page, and long to send. */
#define LIBRARY_PAGE 50

/* The index of the first link of `evidence` (or where it would be) in
 * links sorted by evidence id. */
static size_t first_link_of(const link_list *links, int64_t evidence)
{
	size_t lo = 0, hi = links->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (links->items[mid].evidence_id < evidence)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The page asked for (?page=N): 1 when none; false when it is not a page
 * number from 1 to `pages`. */
static bool library_page(request *r, size_t pages, size_t *page)
{
	const char *p = query_get(r, "page");
	if (!p)
		return true;
	size_t n = 0;
	if (!*p || strlen(p) > 6 || strspn(p, "0123456789") != strlen(p))
		return false;
	n = (size_t)strtoul(p, NULL, 10);
	if (n < 1 || n > pages)
		return false;
	*page = n;
	return true;
}

/* The items kept by the filters, from the `from`th to before the `to`th,
 * with how many indicators each counts for. A list rather than a table,
 * so it reads the same on a phone. */
static void library_items(request *r, const library_list *items, const bool *keep,
			  size_t from, size_t to)
{
	htmlf(&r->out, "<ul class=\"govuk-list\">");
	for (size_t i = 0, nth = 0; i < items->n && nth < to; i++) {
		const library_row *ev = &items->items[i];
		size_t count = (size_t)ev->links;
		if (!keep[i] || nth++ < from)
			continue;
		htmlf(&r->out, "<li><hr class=\"govuk-section-break govuk-section-break--m govuk-section-break--visible\">"
			      "<h3 class=\"govuk-heading-s govuk-!-margin-bottom-1\">"
			      "<a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">%t</a></h3>"
			      "<p class=\"govuk-body-s govuk-!-margin-bottom-1\">%t</p>"
			      "<p class=\"govuk-body-s govuk-!-margin-bottom-1\">Who took part: %t</p>"
			      "<p class=\"govuk-body-s govuk-!-margin-bottom-0\">%t</p></li>",
		     r->org, ev->id, ev->title, date_words(r, ev->date),
		     sentence(r, groups_describe(&r->mem, ev->groups)),
		     count ? arena_printf(&r->mem, "Counts for %zu indicator%s", count, count == 1 ? "" : "s")
			      : "Not linked to an indicator yet");
	}
	htmlf(&r->out, "</ul>");
}

/* What the library reads. The evaluations are read only for the
 * cornerstone and indicator filters, and the organisation's links only for
 * the cornerstone's; the items come with their links counted, and without
 * the cornerstone filter (which the store cannot apply) only the page's. */
typedef struct library_reads {
	frame_count_list counts;
	org_list org;
	evaluation_list evs;
	link_list links;
	library_list items;
	size_t total;                   /* without the cornerstone filter: all items */
} library_reads;

/* The page's first item asked for: a page past the end reads none. */
static int64_t library_offset(request *r)
{
	size_t page = 1;
	return library_page(r, SIZE_MAX / LIBRARY_PAGE, &page) ? (int64_t)((page - 1) * LIBRARY_PAGE) : 0;
}

static int library_items_read(request *r, library_reads *q, const library_filter *f, int64_t offset)
{
	if (f->cornerstone)
		return evidence_library(&r->d, r->org, &f->store, 0, INT64_MAX, &q->items, &r->e);
	return evidence_library(&r->d, r->org, &f->store, offset, LIBRARY_PAGE, &q->items, &r->e);
}

/* Without an indicator filter (which is checked against the evaluations)
 * the items are asked with the rest: one round trip on PostgreSQL, else
 * two; a page past the end asks again for the count. 0, or -1 with r->e
 * set. */
static int library_read(request *r, library_reads *q, library_filter *f, form_errors *fe)
{
	bool by_indicator = !text_blank(query_get(r, "indicator"));
	bool by_cornerstone = !text_blank(query_get(r, "cornerstone"));
	int64_t offset = library_offset(r);
	*q = (library_reads){0};
	if (!by_indicator)
		read_filter(r, f, &q->evs, fe);
	domain_reads_begin(&r->d);
	web_frame_counts_ask(r, &q->counts);
	int rc = org_ask(&r->d, r->org, &q->org, &r->e) < 0 ||
		 ((by_indicator || by_cornerstone) && evaluations_of_org(&r->d, r->org, &q->evs, &r->e) < 0) ||
		 (by_cornerstone && links_of_org(&r->d, r->org, &q->links, &r->e) < 0) ||
		 (!by_indicator && !fe->n && library_items_read(r, q, f, offset) < 0) ? -1 : 0;
	if (domain_reads_end(&r->d, &r->e) < 0 || rc < 0)
		return -1;
	web_frame_counts_take(r, &q->counts);
	if (by_indicator) {
		read_filter(r, f, &q->evs, fe);
		if (!fe->n && library_items_read(r, q, f, offset) < 0)
			return -1;
	}
	if (!fe->n && !q->items.n && offset && !f->cornerstone &&
	    evidence_library(&r->d, r->org, &f->store, 0, 1, &q->items, &r->e) < 0)
		return -1;
	q->total = q->items.n ? (size_t)q->items.items[0].total : 0;
	return 0;
}

/* Which items the cornerstone filter keeps (all without it), and how
 * many; each item's links come sorted by evidence id. */
static size_t library_keep(request *r, const library_reads *q, const library_filter *f, bool *keep)
{
	size_t shown = 0;
	for (size_t i = 0; i < q->items.n; i++) {
		int64_t id = q->items.items[i].id;
		size_t first = f->cornerstone ? first_link_of(&q->links, id) : 0, n = 0;
		while (f->cornerstone && first + n < q->links.n && q->links.items[first + n].evidence_id == id)
			n++;
		keep[i] = !f->cornerstone || in_cornerstone(r, q->links.items + first, n, &q->evs, f->cornerstone);
		shown += keep[i];
	}
	return f->cornerstone ? shown : q->total;
}

/* ROUTE: GET /org/{org}/evidence (viewer) */
static int page_library(request *r)
{
	library_reads q;
	form_errors fe = {0};
	library_filter f;
	if (library_read(r, &q, &f, &fe) < 0)
		return page_failed(r);
	org_row o;
	if (q.org.n == 1)
		o = q.org.items[0];
	else if (org_get(&r->d, r->org, &o, &r->e) < 0)
		return page_failed(r);
	bool filtered = f.cornerstone || f.indicator_text || f.store.groups || f.store.from || f.store.to;

	page_begin(r, "Evidence library");
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>", r->org, o.name);
	form_error_summary(r, &fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Evidence library</h1>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-third\">", o.name);
	filter_form(r, &fe);
	htmlf(&r->out, "</div><div class=\"govuk-grid-column-two-thirds\">");
	if (fe.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">Correct the filters to see the evidence.</p></div></div>");
		page_end(r);
		return 400;
	}
	bool *keep = ARENA_ARRAY(&r->mem, q.items.n, keep);
	size_t shown = library_keep(r, &q, &f, keep);
	size_t pages = shown ? (shown + LIBRARY_PAGE - 1) / LIBRARY_PAGE : 1;
	size_t page = 1;
	if (!library_page(r, pages, &page))
		return web_error_page(r, 404, "Page not found",
				      arena_printf(&r->mem, "The evidence library has %zu page%s%s. Go back and use its page links.",
						   pages, pages == 1 ? "" : "s", filtered ? " with these filters" : ""));
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">%z %R%R</h2>", shown,
	     shown == 1 ? "item" : "items", filtered ? " match the filters" : "");
	size_t from = (page - 1) * LIBRARY_PAGE, to = from + LIBRARY_PAGE < shown ? from + LIBRARY_PAGE : shown;
	if (pages > 1)
		htmlf(&r->out, "<p class=\"govuk-body\">Showing %z to %z of %z, newest first.</p>", from + 1, to, shown);
	if (!shown) {
		htmlf(&r->out, "<p class=\"govuk-body\">%R</p>",
		     filtered ? "No evidence matches these filters. Try fewer filters, or clear them."
			      : "There is no evidence yet.");
	} else {
		/* Without the cornerstone filter the items read are the page's. */
		library_items(r, &q.items, keep, f.cornerstone ? from : 0, f.cornerstone ? to : q.items.n);
		pagination(r, arena_printf(&r->mem, "/org/%lld/evidence", (long long)r->org),
			   "Pages of the evidence library", page, pages);
	}
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return 200;
}

/* ---- one item -------------------------------------------------------- */

/* The statement and indicator a link points at, in the evaluation's own
 * version of its instrument. */
typedef struct link_place {
	int64_t evaluation;
	framework *fw;
	own_indicator_list own;
	evaluation_row ev;
} link_place;

static int place_load(request *r, link_place *p, int64_t evaluation)
{
	if (p->evaluation == evaluation)
		return 0;
	memset(p, 0, sizeof *p);
	p->evaluation = evaluation;
	bool changed;
	if (evaluation_get(&r->d, evaluation, &p->ev, &r->e) < 0 ||
	    own_indicators_of(&r->d, evaluation, &p->own, &r->e) < 0)
		return -1;
	p->fw = evaluation_framework(&r->d, &p->ev, &changed, &r->e);
	return p->fw ? 0 : -1;
}

static const char *indicator_text(const link_place *p, const fw_element *el, const char *key)
{
	const fw_item *it = el ? element_indicator(el, key) : NULL;
	if (it)
		return it->text ? it->text : it->title ? it->title : GAP_SHORT;
	for (size_t i = 0; i < p->own.n; i++)
		if (el && !strcmp(p->own.items[i].element_key, el->key) &&
		    !strcmp(p->own.items[i].key, key))
			return p->own.items[i].text;
	return NULL;
}

/* Grouped by evaluation, then statement: each statement links to its
 * page, its indicators listed under it. */
static void links_list(request *r, const link_list *links)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Where this evidence counts</h2>");
	if (!links->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">It is not linked to any indicator yet.</p>");
		return;
	}
	htmlf(&r->out, "<p class=\"govuk-body\">It counts for %z indicator%R.</p>", links->n,
	     links->n == 1 ? "" : "s");
	link_place p = {0};
	for (size_t i = 0; i < links->n; i++) {
		const link_row *l = &links->items[i];
		bool new_eval = i == 0 || l->evaluation_id != links->items[i - 1].evaluation_id;
		bool new_statement = new_eval || strcmp(l->element_key, links->items[i - 1].element_key);
		if (new_eval && place_load(r, &p, l->evaluation_id) < 0) {
			/* The instrument cannot be read: show the keys alone. */
			memset(&p, 0, sizeof p);
			p.evaluation = l->evaluation_id;
		}
		if (new_statement && i)
			htmlf(&r->out, "</ul>");
		if (new_eval)
			htmlf(&r->out, "<h3 class=\"govuk-heading-s govuk-!-margin-top-6\">%t, %t</h3>",
			     p.fw ? p.fw->title : "Self-evaluation", p.ev.cycle ? p.ev.cycle : "");
		const fw_element *el = p.fw ? framework_element(p.fw, l->element_key) : NULL;
		if (new_statement)
			htmlf(&r->out, "<p class=\"govuk-body govuk-!-margin-bottom-1\">"
				      "<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D/statement/%u\">Statement %t%R%t</a></p>"
				      "<ul class=\"govuk-list govuk-list--bullet\">",
			     r->org, l->evaluation_id, l->element_key, l->element_key, el ? ": " : "",
			     el ? el->title : "");
		const char *text = indicator_text(&p, el, l->indicator_key);
		htmlf(&r->out, "<li><strong>%t.%t</strong>%R%t</li>", l->element_key, l->indicator_key,
		     text ? " " : "", text ? text : "");
	}
	htmlf(&r->out, "</ul>");
}

/* ROUTE: GET /org/{org}/evidence/{evidence} (viewer) */
static int page_item(request *r)
{
	evidence_row ev;
	link_list links;
	int refused = load_item(r, &ev);
	if (refused)
		return refused;
	if (links_of_evidence(&r->d, ev.id, &links, &r->e) < 0)
		return page_failed(r);
	page_begin(r, ev.title);
	/* An assessor came from the readiness page of their evaluation. */
	if (r->assessor)
		htmlf(&r->out, "<a href=\"/org/%D/evaluation/%D/readiness\" class=\"govuk-back-link\">Charter Gold readiness</a>",
		     r->org, r->assessor->evaluation_id);
	else
		htmlf(&r->out, "<a href=\"/org/%D/evidence\" class=\"govuk-back-link\">Evidence library</a>", r->org);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	static const char *const saved[] = {"file", "File attached", "removed", "File removed", NULL};
	const char *what = pair_label(saved, query_get(r, "saved"), NULL);
	if (what)
		notice_success(r, what);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">Evidence</span><h1 class=\"govuk-heading-l\">%t</h1>"
		      "<dl class=\"govuk-summary-list\">"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Date</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div>"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Who took part</dt>"
		      "<dd class=\"govuk-summary-list__value\">%t</dd></div>"
		      "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Description</dt>"
		      "<dd class=\"govuk-summary-list__value\">",
	     ev.title, date_words(r, ev.date), sentence(r, groups_describe(&r->mem, ev.groups)));
	if (text_blank(ev.description))
		htmlf(&r->out, "None given");
	else
		text_paragraphs(r, ev.description, NULL);
	htmlf(&r->out, "</dd></div><div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Link</dt>"
		      "<dd class=\"govuk-summary-list__value\">");
	/* The domain accepts only http and https addresses; anything else
	 * (an old or imported row) is shown as text, never as a link. */
	if (!text_blank(ev.url) && (!strncmp(ev.url, "https://", 8) || !strncmp(ev.url, "http://", 7)))
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\" rel=\"noreferrer noopener\">%t</a>", ev.url, ev.url);
	else if (!text_blank(ev.url))
		htmlf(&r->out, "%t", ev.url);
	else
		htmlf(&r->out, "None given");
	htmlf(&r->out, "</dd></div></dl>");
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/evidence/%D/edit\">"
			      "Change this evidence<span class=\"govuk-visually-hidden\">: %t</span></a></p>",
		     r->org, ev.id, ev.title);
	if (evidence_files_section(r, &ev) < 0)
		return page_failed(r);
	links_list(r, &links);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return 200;
}

/* ---- changing an item ------------------------------------------------ */

/* Checks each field through the domain's own validation, so every
 * problem is shown next to its field at once; the date comes from its
 * GOV.UK date input. */
static void check_fields(request *r, evidence_row *in, form_errors *fe)
{
	static const char *const names[] = {"title", "description", "date", "url"};
	for (int i = 0; i < 4; i++) {
		if (i == 2) {
			in->date = form_date_posted(r, "date", &(date_rule){"the date of the evidence", true,
									     DATE_PAST}, fe);
			continue;
		}
		evidence_row probe = {.title = "t", .description = "", .date = "2000-01-01"};
		const char *value = NULL;
		switch (i) {
		case 0: value = probe.title = in->title; break;
		case 1: value = probe.description = in->description; break;
		case 3: value = probe.url = text_blank(in->url) ? NULL : in->url; break;
		}
		err e = {0};
		if (evidence_validate(&probe, &e) == 0)
			continue;
		const char *msg = sentence(r, e.msg);
		if (i == 0 && text_blank(value))
			msg = "Enter a title for the evidence";
		form_error_add(fe, names[i], msg);
	}
}

static void edit_form(request *r, const evidence_row *ev, const form_errors *fe)
{
	page_begin(r, "Change evidence");
	htmlf(&r->out, "<a href=\"/org/%D/evidence/%D\" class=\"govuk-back-link\">Back</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	     r->org, ev->id);
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Change evidence</h1>"
		      "<form method=\"post\" action=\"/org/%D/evidence/%D/edit\" novalidate>",
	     r->org, ev->id);
	form_csrf(r);
	form_input(r, "title", "Title", ev->title, fe, NULL);
	form_textarea(r, "description", "Description (optional)", ev->description,
		      "What happened, and what it showed", fe);
	form_date(r, "date", "Date", ev->date, "The day it happened. For example, 15 10 2026", fe);
	form_input(r, "url", "Link (optional)", ev->url, fe,
		   &(input_opts){.type = "url", .hint = "A web address starting with https://, for example a shared document",
				 .autocomplete = "off"});
	form_partner_groups(r, "groups", "Who took part", ev->groups, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Save changes");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">Cancel</a></div></form></div></div>",
	     r->org, ev->id);
	page_end(r);
}

/* ROUTE: GET /org/{org}/evidence/{evidence}/edit (contributor) */
static int page_item_edit(request *r)
{
	evidence_row ev;
	int refused = load_item(r, &ev);
	if (refused)
		return refused;
	edit_form(r, &ev, NULL);
	return 200;
}

/* ROUTE: POST /org/{org}/evidence/{evidence}/edit (contributor) */
static int page_item_edit_post(request *r)
{
	evidence_row ev;
	int refused = load_item(r, &ev);
	if (refused)
		return refused;
	evidence_row in = ev;
	const char *title = form_get(r, "title"), *desc = form_get(r, "description");
	const char *url = form_get(r, "url");
	in.title = title ? title : "";
	in.description = desc ? desc : "";
	in.url = text_blank(url) ? NULL : url;
	in.groups = form_groups_value(r, "groups");
	form_errors fe = {0};
	err e = {0};
	check_fields(r, &in, &fe);
	if (!fe.n && evidence_edit(&r->d, &in, &e) < 0) {
		if (e.kind == ERR_NOTFOUND)
			return page_not_found(r);
		form_error_add(&fe, "title", sentence(r, e.msg));
	}
	if (fe.n) {
		in.url = url;
		edit_form(r, &in, &fe);
		return 400;
	}
	if (page_log(r, arena_printf(&r->mem, "changed evidence %lld: %s", (long long)ev.id, in.title)) < 0)
		return page_failed(r);
	return web_redirect(r, arena_printf(&r->mem, "/org/%lld/evidence/%lld", (long long)r->org,
					    (long long)ev.id));
}

const route evidence_routes[] = {
	{"GET", "/org/{org}/evidence", page_library, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/evidence/{evidence}", page_item, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/evidence/{evidence}/edit", page_item_edit, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evidence/{evidence}/edit", page_item_edit_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	{0},
};
