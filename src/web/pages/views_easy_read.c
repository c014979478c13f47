/* views_easy_read.c: a lead adapts copro's easy-read wording of a
 * statement for one round (/org/{org}/views/{round}/easy-read), for
 * example with the group's own words; empty goes back to copro's. Each
 * statement has a form of its own, so one change never touches another. */
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
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"statement-%a\">%t: %t</h2>", row->element_key, row->element_key,
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
	form_textarea(r, field, "This round's wording (optional)", typed ? typed : row->easy_read,
		      "Short sentences and everyday words, up to 1,000 characters. Leave it empty to use copro's.", &fe);
	form_button(r, arena_printf(&r->mem, "Save the wording of %s", row->element_key));
	htmlf(&r->out, "</form>");
}

static int easy_read_render(request *r, views_page *pg, const char *key, const char *typed, const char *error)
{
	framework *fw = views_framework(&r->d, &pg->round, &r->e);
	view_element_list elements;
	if (!fw || views_elements(&r->d, pg->round.id, &elements, &r->e) < 0)
		return page_error(r, &r->e);
	page_begin(r, error ? "Error: Easy-read wording" : "Easy-read wording");
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
		       "You can change it for this round, for example with the group's own words.</p>");
	for (size_t i = 0; i < elements.n; i++) {
		bool this = key && !strcmp(key, elements.items[i].element_key);
		statement_form(r, pg, fw, &elements.items[i], this ? typed : NULL, this ? error : NULL);
	}
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
	return web_redirect(r, views_url(r, pg.round.id, arena_printf(&r->mem, "/easy-read?saved=1#statement-%s", key)));
}

const route views_easy_read_routes[] = {
	{"GET", "/org/{org}/views/{round}/easy-read", page_views_easy_read, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/easy-read", page_views_easy_read_post, ROUTE_POST, ACCESS_LEAD},
	{0},
};
