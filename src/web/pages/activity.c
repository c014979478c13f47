/* activity.c: who changed what: the activity log of an organisation
 * (/org/{org}/activity) and of a whole area (/area/{area}/activity), the
 * latest changes first. */
#include "web/pages/pages.h"

#define ACTIVITY_LIMIT 500

static void activity_table(request *r, const activity_list *list, const org_list *orgs)
{
	if (!list->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">Nothing has been recorded yet.</p>");
		return;
	}
	if (list->n >= ACTIVITY_LIMIT)
		htmlf(&r->out, "<p class=\"govuk-body\">The latest %d changes, newest first.</p>", ACTIVITY_LIMIT);
	else
		htmlf(&r->out, "<p class=\"govuk-body\">Newest first.</p>");
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-visually-hidden\">Activity, newest first</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">When</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Who</th>%R"
		      "<th scope=\"col\" class=\"govuk-table__header\">What</th>"
		      "</tr></thead><tbody class=\"govuk-table__body\">",
	     orgs ? "<th scope=\"col\" class=\"govuk-table__header\">Where</th>" : "");
	for (size_t i = 0; i < list->n; i++) {
		const activity_row *a = &list->items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%t</td>"
			      "<td class=\"govuk-table__cell\">%t</td>", time_words(r, a->at), a->user_name);
		if (orgs) {
			const char *where = "The area";
			for (size_t j = 0; a->organisation_id && j < orgs->n; j++)
				if (orgs->items[j].id == a->organisation_id)
					where = orgs->items[j].name;
			htmlf(&r->out, "<td class=\"govuk-table__cell\">%t</td>", where);
		}
		htmlf(&r->out, "<td class=\"govuk-table__cell\">%t</td></tr>", a->what);
	}
	htmlf(&r->out, "</tbody></table>");
}

/* ROUTE: GET /org/{org}/activity (lead) */
static int page_activity(request *r)
{
	org_row o;
	activity_list list;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 ||
	    activity_of(&r->d, r->org, 0, ACTIVITY_LIMIT, &list, &r->e) < 0)
		return page_failed(r);
	page_begin(r, "Activity log");
	htmlf(&r->out, "<a href=\"/org/%D/people\" class=\"govuk-back-link\">People</a>"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Activity log</h1>",
	     r->org, o.name);
	activity_table(r, &list, NULL);
	page_end(r);
	return 200;
}

/* ROUTE: GET /area/{area}/activity (area administrator) */
static int page_area_activity(request *r)
{
	/* The dispatcher let only this area's administrators in: another
	 * area's log does not exist for them. */
	const char *name;
	int st = page_area_name(r, &name);
	if (st)
		return st;
	org_list orgs;
	activity_list list;
	if (orgs_of_area(&r->d, r->area, &orgs, &r->e) < 0 ||
	    activity_of(&r->d, 0, r->area, ACTIVITY_LIMIT, &list, &r->e) < 0)
		return page_failed(r);
	page_begin(r, "Activity log");
	htmlf(&r->out, "<a href=\"/\" class=\"govuk-back-link\">Home</a>"
		      "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Activity log</h1>", name);
	activity_table(r, &list, &orgs);
	page_end(r);
	return 200;
}

const route activity_routes[] = {
	{"GET", "/org/{org}/activity", page_activity, 0, ACCESS_LEAD},
	{"GET", "/area/{area}/activity", page_area_activity, 0, ACCESS_NONE},
	{0},
};
