/* area_audits.c: the area's audit queue (/area/{area}/audits): audits
 * waiting for a decision, and the latest decisions. The decision itself is
 * made on the audit's page (audit.c). */
#include "core/text.h"
#include "web/pages/audit_common.h"

/* Decisions listed under the area's queue. */
#define DECIDED_SHOWN 20

static void area_decided_table(request *r, const audit_list *decided)
{
	const framework *fw = fw_registry_find(r->d.frameworks, AUDIT_FRAMEWORK_ID);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Recently decided</h2>");
	if (!decided->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">No audits have been returned or accepted yet.</p>");
		return;
	}
	table_scroll_open(r, "Audits decided recently");
	htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
		      "<caption class=\"govuk-table__caption govuk-table__caption--s govuk-visually-hidden\">Audits decided recently, latest first</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Organisation</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Service area</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Version</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Decision</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Decided</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Outcome</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < decided->n; i++) {
		const audit_row *a = &decided->items[i];
		const char *outcome = a->outcome && fw ? audit_outcome_title(fw, a->outcome) : NULL;
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			      "<a class=\"govuk-link\" href=\"%a\">%t<span class=\"govuk-visually-hidden\">: audit version %d</span></a></th>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%d</td><td class=\"govuk-table__cell\">",
		     audit_url(r, a->organisation_id, a->id),
		     a->organisation_name ? a->organisation_name : "Organisation", a->version,
		     a->service_area ? a->service_area : "", a->version);
		audit_status_tag(r, a->status);
		htmlf(&r->out, "</td><td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     a->decided_at ? date_words(r, arena_strndup(&r->mem, a->decided_at, 10)) : "",
		     outcome ? outcome : a->outcome ? a->outcome : "Not chosen");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* ROUTE: GET /area/{area}/audits (area administrator) */
static int page_area_audits(request *r)
{
	audit_list queue, decided;
	err e = {0};
	if (audit_queue(&r->d, r->area, &queue, &e) < 0 ||
	    audit_decided(&r->d, r->area, DECIDED_SHOWN, &decided, &e) < 0)
		return audit_page_error(r, &e);
	const char *name = audit_area_name(r);
	page_begin(r, arena_printf(&r->mem, "Audits to decide - %s", name));
	htmlf(&r->out, "<a href=\"/area/%D\" class=\"govuk-back-link\">Area portfolio</a>"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Audits to decide</h1>"
		      "<p class=\"govuk-body\">Organisations submit their joint partnership audits here. "
		      "Open one to accept it, or to return it with a comment saying what to change.</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/settings\">Audit settings: score scale and suggested outcome rule</a></p>",
	     r->area, name, r->area);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Waiting for a decision</h2>");
	if (!queue.n) {
		htmlf(&r->out, "<p class=\"govuk-body\">No audits are waiting for a decision.</p>");
	} else {
		table_scroll_open(r, "Audits waiting for a decision");
		htmlf(&r->out, "<table class=\"govuk-table govuk-table--small-text-until-tablet\">"
			      "<caption class=\"govuk-table__caption govuk-table__caption--s govuk-visually-hidden\">Audits waiting for a decision, oldest submission first</caption>"
			      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
			      "<th scope=\"col\" class=\"govuk-table__header\">Organisation</th>"
			      "<th scope=\"col\" class=\"govuk-table__header\">Service area</th>"
			      "<th scope=\"col\" class=\"govuk-table__header\">Version</th>"
			      "<th scope=\"col\" class=\"govuk-table__header\">Submitted</th>"
			      "</tr></thead><tbody class=\"govuk-table__body\">");
		for (size_t i = 0; i < queue.n; i++) {
			const audit_row *a = &queue.items[i];
			htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
				      "<a class=\"govuk-link\" href=\"%a\">%t<span class=\"govuk-visually-hidden\">: audit version %d</span></a></th>"
				      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%d</td>"
				      "<td class=\"govuk-table__cell\">%t</td></tr>",
			     audit_url(r, a->organisation_id, a->id),
			     a->organisation_name ? a->organisation_name : "Organisation", a->version,
			     a->service_area ? a->service_area : "", a->version,
			     a->submitted_at ? date_words(r, arena_strndup(&r->mem, a->submitted_at, 10)) : "");
		}
		htmlf(&r->out, "</tbody></table></div>");
	}
	area_decided_table(r, &decided);
	page_end(r);
	return 200;
}

const route area_audits_routes[] = {
	{"GET", "/area/{area}/audits", page_area_audits, 0, ACCESS_AREA},
	{0},
};
