/* search.c: an organisation's search page, /org/{org}/search?q=WORDS: its
 * evidence, actions, success measures, plans and "You said" records that
 * hold the words (domain/search.h), 50 to a page, each linking to its
 * record and saying what kind it is. */
#include <stdlib.h>
#include <string.h>

#include "domain/search.h"
#include "web/pages/pages.h"

/* Where a hit's record is shown. Actions and "You said" records have no
 * page of their own to a viewer: their card in the list, by its id. */
static const char *hit_href(request *r, const search_hit *h)
{
	long long org = (long long)r->org, id = (long long)h->id;
	switch (h->kind) {
	case SEARCH_EVIDENCE: return arena_printf(&r->mem, "/org/%lld/evidence/%lld", org, id);
	case SEARCH_ACTION: return arena_printf(&r->mem, "/org/%lld/actions#action-%lld", org, id);
	case SEARCH_MEASURE: return arena_printf(&r->mem, "/org/%lld/measure/%lld", org, id);
	case SEARCH_PLAN: return arena_printf(&r->mem, "/org/%lld/plan/%lld", org, id);
	default: return arena_printf(&r->mem, "/org/%lld/you-said#you-said-%lld", org, id);
	}
}

static void search_form(request *r, const char *q, const form_errors *fe)
{
	htmlf(&r->out, "<form method=\"get\" action=\"/org/%D/search\" novalidate role=\"search\">", r->org);
	form_input(r, "q", "Search for", q, fe,
		   &(input_opts){.hint = "Words from a title or a description: evidence, actions, success measures, plans and \"You said\" records.",
				 .width = "30", .label_is_heading = false});
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Search</button></form>");
}

static void hits_list(request *r, const search_result *res)
{
	htmlf(&r->out, "<ol class=\"govuk-list copro-search-results\" start=\"%D\">",
	     (res->page - 1) * SEARCH_PAGE_SIZE + 1);
	for (size_t i = 0; i < res->n; i++) {
		const search_hit *h = &res->hits[i];
		/* Two lines a result (kind and title, then a line of the
		 * words around the match): a page of 50 stays one page. */
		htmlf(&r->out, "<li class=\"govuk-!-margin-bottom-3\"><span class=\"govuk-caption-s govuk-!-display-inline\">%t</span>"
			      "<span class=\"govuk-visually-hidden\">:</span> "
			      "<a class=\"govuk-link govuk-!-font-weight-bold\" href=\"%a\">%t</a>",
		     search_kind_label(h->kind), hit_href(r, h),
		     h->title && *h->title ? h->title : "(no title)");
		if (h->snippet && *h->snippet)
			htmlf(&r->out, "<p class=\"govuk-body-s govuk-!-margin-bottom-0\">%t</p>", h->snippet);
		htmlf(&r->out, "</li>");
	}
	htmlf(&r->out, "</ol>");
}

/* ?page=N: 1 when absent; 0 when it is not a whole number from 1. */
static int64_t page_asked(request *r)
{
	const char *p = query_get(r, "page");
	if (!p)
		return 1;
	if (!*p || strlen(p) > 6 || strspn(p, "0123456789") != strlen(p))
		return 0;
	return strtoll(p, NULL, 10);
}

static void results(request *r, const char *q, const search_result *res)
{
	if (!res->total) {
		htmlf(&r->out, "<h2 class=\"govuk-heading-m\">No results for &lsquo;%t&rsquo;</h2>"
			      "<p class=\"govuk-body\">Check the spelling, or try fewer or shorter words: "
			      "&lsquo;news&rsquo; also finds &lsquo;newsletter&rsquo;.</p>", q);
		return;
	}
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">%t for &lsquo;%t&rsquo;</h2>",
	     text_count_of(&r->mem, res->total, "result", "results"), q);
	if (res->pages > 1)
		htmlf(&r->out, "<p class=\"govuk-body\">Page %D of %D, best matches first.</p>",
		     res->page, res->pages);
	hits_list(r, res);
	pagination(r, arena_printf(&r->mem, "/org/%lld/search", (long long)r->org),
		   "Pages of search results", (size_t)res->page, (size_t)res->pages);
}

/* ROUTE: GET /org/{org}/search (viewer) */
static int page_search(request *r)
{
	org_row o;
	if (org_get(&r->d, r->org, &o, &r->e) < 0)
		return page_failed(r);
	const char *q = query_get(r, "q");
	int64_t page = page_asked(r);
	if (!page)
		return page_not_found(r);
	search_result res = {0};
	form_errors fe = {0};
	if (q && search_org(&r->d, r->org, q, page, &res, &r->e) < 0) {
		if (r->e.kind != ERR_INPUT)
			return page_failed(r);
		form_error_add(&fe, "q", r->e.msg);
	}
	if (q && !fe.n && res.total && page > res.pages)
		return page_not_found(r);
	page_begin(r, q && !fe.n ? arena_printf(&r->mem, "Search results - %s", o.name)
			       : arena_printf(&r->mem, "Search - %s", o.name));
	htmlf(&r->out, "<a href=\"/org/%D\" class=\"govuk-back-link\">%t</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org, o.name);
	form_error_summary(r, &fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Search</h1>", o.name);
	search_form(r, q ? q : "", &fe);
	if (q && !fe.n)
		results(r, q, &res);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return fe.n ? 400 : 200;
}

const route search_routes[] = {
	{"GET", "/org/{org}/search", page_search, 0, ACCESS_VIEW},
	{0},
};
