/* views_easy_read.c: a lead adapts copro's easy-read wording of a
 * statement for one round (/org/{org}/views/{round}/easy-read), for
 * example with the group's own words; empty goes back to copro's. Each
 * statement has a form of its own, so one change never touches another;
 * a cornerstone (or a York principle) to a page, with Previous and Next. */
#include <string.h>

#include "core/text.h"
#include "web/pages/views_page.h"

static const char *copro_easy_read(const view_round_row *round, const fw_element *el)
{
	if (el && el->easy_read)
		return el->easy_read;
	return el && views_is_audit(round) && el->section ? el->section->easy_read : NULL;
}

static void statement_form(request *r, const views_page *pg, const framework *fw, const view_element_row *row,
			   const char *typed, const char *error)
{
	const fw_element *el = framework_element(fw, row->element_key);
	const char *own = copro_easy_read(&pg->round, el);
	htmlf(&r->out, "<h3 class=\"govuk-heading-s\" id=\"statement-%a\">%t: %t</h3>", row->element_key, row->element_key,
	      el ? (views_is_audit(&pg->round) && el->section ? el->section->title : el->title) : "");
	htmlf(&r->out, "<p class=\"govuk-body\"><strong>copro's easy read:</strong> %t</p>",
	      own ? own : "none: partners read the source's words unless you write them here.");
	htmlf(&r->out, "<form method=\"post\" action=\"%a\" novalidate>", views_url(r, pg->round.id, "/easy-read"));
	form_csrf(r);
	htmlf(&r->out, "<input type=\"hidden\" name=\"element\" value=\"%a\">", row->element_key);
	form_errors fe = {0};
	const char *field = arena_printf(&r->mem, "text-%s", row->element_key);
	if (error)
		form_error_add(&fe, field, error);
	form_textarea(r, field, arena_printf(&r->mem, "This round's wording of %s (optional)", row->element_key),
		      typed ? typed : row->easy_read, NULL, &fe);
	form_button(r, arena_printf(&r->mem, "Save the wording of %s", row->element_key));
	htmlf(&r->out, "</form>");
}

/* The round's statements a cornerstone (or a York principle) at a time:
 * the section of each element, and the sections in the round's order. */
typedef struct easy_read_parts {
	const char **section;           /* per element: its section's key, "" if none */
	const fw_section **parts;
	size_t n;
} easy_read_parts;

static void parts_of(request *r, const framework *fw, const view_element_list *elements, easy_read_parts *p)
{
	p->section = ARENA_ARRAY(&r->mem, elements->n + 1, p->section);
	p->parts = ARENA_ARRAY(&r->mem, elements->n + 1, p->parts);
	p->n = 0;
	for (size_t i = 0; i < elements->n; i++) {
		const fw_element *el = framework_element(fw, elements->items[i].element_key);
		const fw_section *sec = el ? el->section : NULL;
		p->section[i] = sec ? sec->key : "";
		if (sec && (!p->n || p->parts[p->n - 1] != sec))
			p->parts[p->n++] = sec;
	}
}

/* The part asked for by ?part=, or holding `key`; the first otherwise. */
static size_t part_index(const easy_read_parts *p, const view_element_list *elements, const char *part,
			 const char *key)
{
	for (size_t i = 0; key && i < elements->n; i++)
		if (!strcmp(elements->items[i].element_key, key))
			part = p->section[i];
	for (size_t k = 0; part && k < p->n; k++)
		if (!strcmp(p->parts[k]->key, part))
			return k;
	return 0;
}

static void part_link(request *r, const views_page *pg, const fw_section *sec, const char *rel)
{
	bool prev = !strcmp(rel, "prev");
	htmlf(&r->out, "<div class=\"govuk-pagination__%a\"><a class=\"govuk-link govuk-pagination__link\" "
		       "href=\"%a\" rel=\"%a\"><span class=\"govuk-pagination__link-title\">%t</span>"
		       "<span class=\"govuk-visually-hidden\">:</span><span class=\"govuk-pagination__link-label\">%t</span></a></div>",
	      prev ? "prev" : "next", views_url(r, pg->round.id, arena_printf(&r->mem, "/easy-read?part=%s", sec->key)),
	      rel, prev ? "Previous" : "Next", sec->title);
}

static void parts_nav(request *r, const views_page *pg, const easy_read_parts *p, size_t at)
{
	if (p->n < 2)
		return;
	htmlf(&r->out, "<nav class=\"govuk-pagination govuk-pagination--block\" aria-label=\"Parts of the round\">");
	if (at > 0)
		part_link(r, pg, p->parts[at - 1], "prev");
	if (at + 1 < p->n)
		part_link(r, pg, p->parts[at + 1], "next");
	htmlf(&r->out, "</nav>");
}

static int easy_read_render(request *r, views_page *pg, const char *key, const char *typed, const char *error)
{
	framework *fw = views_framework(&r->d, &pg->round, &r->e);
	view_element_list elements;
	if (!fw || views_elements(&r->d, pg->round.id, &elements, &r->e) < 0)
		return page_error(r, &r->e);
	easy_read_parts parts;
	parts_of(r, fw, &elements, &parts);
	size_t at = part_index(&parts, &elements, query_get(r, "part"), key);
	const fw_section *sec = parts.n ? parts.parts[at] : NULL;
	page_begin(r, sec && parts.n > 1 ? arena_printf(&r->mem, "Easy-read wording: %s", sec->title) : "Easy-read wording");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	if (error) {
		form_errors fe = {0};
		form_error_add(&fe, arena_printf(&r->mem, "text-%s", key), error);
		form_error_summary(r, &fe);
	} else if (query_get(r, "saved")) {
		notice_success(r, "Saved");
	}
	views_heading(r, pg, "Easy-read wording");
	htmlf(&r->out, "<p class=\"govuk-body\">Easy read is copro's own plain-words version, not the source's. "
		       "You can change it for this round, for example with the group's own words: short sentences "
		       "and everyday words, up to 1,000 characters. Leave a box empty to use copro's.</p>");
	/* Always a heading above the statements' h3s, one part or many. */
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">");
	if (parts.n > 1)
		htmlf(&r->out, "<span class=\"govuk-caption-m\">Part %z of %z</span>", at + 1, parts.n);
	htmlf(&r->out, "%t</h2>", sec ? sec->title : "Statements");
	for (size_t i = 0; i < elements.n; i++) {
		if (sec && strcmp(parts.section[i], sec->key))
			continue;
		bool this = key && !strcmp(key, elements.items[i].element_key);
		statement_form(r, pg, fw, &elements.items[i], this ? typed : NULL, this ? error : NULL);
	}
	parts_nav(r, pg, &parts, at);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return error ? 400 : 200;
}

/* ROUTE: GET /org/{org}/views/{round}/easy-read (lead) */
static int page_views_easy_read(request *r)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	return rc ? rc : easy_read_render(r, &pg, NULL, NULL, NULL);
}

/* ROUTE: POST /org/{org}/views/{round}/easy-read (lead) */
static int page_views_easy_read_post(request *r)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	if (rc)
		return rc;
	const char *key = form_get(r, "element");
	if (text_blank(key))
		return web_error_page(r, 400, "Which statement?", "Use the forms on the easy-read page: each says its statement.");
	const char *text = text_trimmed(&r->mem, form_get(r, arena_printf(&r->mem, "text-%s", key)));
	if (views_set_easy_read(&r->d, &r->sess.user, pg.round.id, key, text ? text : "", &r->e) < 0) {
		if (r->e.kind != ERR_INPUT)
			return page_error(r, &r->e);
		return easy_read_render(r, &pg, key, text, sentence(r, r->e.msg));
	}
	framework *fw = views_framework(&r->d, &pg.round, &r->e);
	const fw_element *el = fw ? framework_element(fw, key) : NULL;
	return web_redirect(r, views_url(r, pg.round.id, arena_printf(&r->mem, "/easy-read?part=%s&saved=1#statement-%s",
								       el && el->section ? el->section->key : "", key)));
}

const route views_easy_read_routes[] = {
	{"GET", "/org/{org}/views/{round}/easy-read", page_views_easy_read, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/easy-read", page_views_easy_read_post, ROUTE_POST, ACCESS_LEAD},
	{0},
};
