/* area_gold.c: an area's Charter Gold (/area/{area}/gold): its organisations'
 * accreditations with their reaccreditation dates, the assessors invited
 * (and ending their access early), inviting one, and the area's settings;
 * and the awards shown on the organisation home and the area dashboard. */
#include <string.h>

#include "domain/area.h"
#include "web/pages/gold_page.h"

static const char *gold_base(request *r)
{
	return arena_printf(&r->mem, "/area/%lld/gold", (long long)r->area);
}

/* An award's due date as a tag: overdue, due within six months, or none. */
static void due_tag(request *r, const char *due)
{
	char today[11], soon[11];
	date_today(today);
	gold_add_days(today, GOLD_DUE_SOON_MONTHS * 365 / 12, soon);
	if (strcmp(due, today) < 0)
		htmlf(&r->out, " <strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>");
	else if (strcmp(due, soon) <= 0)
		htmlf(&r->out, " <strong class=\"govuk-tag govuk-tag--yellow\">Due within six months</strong>");
}

int gold_home_award(request *r)
{
	gold_decision_row a;
	int found = gold_award_of_org(&r->d, r->org, &a, &r->e);
	if (found <= 0)
		return found;
	htmlf(&r->out, "<div class=\"govuk-inset-text\"><h2 class=\"govuk-heading-m\">Charter Gold</h2><p class=\"govuk-body\">"
		      "Awarded on %t by %t, the assessor, on self-evaluation <a class=\"govuk-link\" "
		      "href=\"/org/%D/evaluation/%D/readiness\">%t</a>. Reaccreditation is due by %t.",
	     date_words(r, a.decided_on), a.assessor, r->org, a.evaluation_id, a.cycle, date_words(r, a.due_on));
	due_tag(r, a.due_on);
	htmlf(&r->out, "</p></div>");
	return 0;
}

static void awards_table(request *r, const gold_decision_list *aw)
{
	table_scroll_open(r, "Accreditations");
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">"
		      "Accreditations, soonest due first</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		      "<th scope=\"col\" class=\"govuk-table__header\">Organisation</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Awarded</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Reaccreditation due</th></tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < aw->n; i++) {
		const gold_decision_row *a = &aw->items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\" "
			      "href=\"/org/%D\">%t</a></td><td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t",
		     a->organisation_id, a->org_name, date_words(r, a->decided_on), date_words(r, a->due_on));
		due_tag(r, a->due_on);
		htmlf(&r->out, "</td></tr>");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

int gold_area_awards(request *r)
{
	gold_decision_list aw;
	if (gold_awards_of_area(&r->d, r->area, &aw, &r->e) < 0)
		return -1;
	char today[11], soon[11];
	date_today(today);
	gold_add_days(today, GOLD_DUE_SOON_MONTHS * 365 / 12, soon);
	size_t due = 0;
	for (size_t i = 0; i < aw.n; i++)
		due += strcmp(aw.items[i].due_on, soon) <= 0;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"gold\">Charter Gold</h2><p class=\"govuk-body\">");
	if (!aw.n)
		htmlf(&r->out, "No organisation in the area holds Charter Gold in copro yet.");
	else
		htmlf(&r->out, "%z organisation%t hold%t Charter Gold; %z %t due for reaccreditation within six months "
			      "or overdue.", aw.n, aw.n == 1 ? "" : "s", aw.n == 1 ? "s" : "", due, due == 1 ? "is" : "are");
	htmlf(&r->out, " <a class=\"govuk-link\" href=\"%a\">Charter Gold and assessors</a></p>", gold_base(r));
	if (aw.n)
		awards_table(r, &aw);
	return 0;
}

static const char *access_state(request *r, const assessor_row *a)
{
	char today[11];
	date_today(today);
	if (a->ended_at)
		return "Ended early";
	if (strcmp(a->until, today) < 0)
		return "Ended";
	return a->user_id ? "Active" : "Invited, not joined yet";
	(void)r;
}

static void assessors_table(request *r, const assessor_list *as)
{
	if (!as->n) {
		htmlf(&r->out, "<p class=\"govuk-body\">No assessor has been invited yet.</p>");
		return;
	}
	table_scroll_open(r, "Assessors");
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Assessors</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Assessor</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Self-evaluation</th><th scope=\"col\" class=\"govuk-table__header\">Last day</th>"
		      "<th scope=\"col\" class=\"govuk-table__header\">Access</th></tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < as->n; i++) {
		const assessor_row *a = &as->items[i];
		const char *state = access_state(r, a);
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%t<br><span class=\"govuk-hint\">%t</span></td>"
			      "<td class=\"govuk-table__cell\">%t, %t</td><td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t",
		     a->name, a->email, a->org_name, a->cycle, date_words(r, a->until), state);
		if (!strncmp(state, "Active", 6) || !strncmp(state, "Invited", 7)) {
			htmlf(&r->out, "<form method=\"post\" action=\"%a/assessor/%D/end\" novalidate>", gold_base(r), a->id);
			form_csrf(r);
			htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--warning govuk-!-margin-bottom-0\" "
				      "data-module=\"govuk-button\">End access<span class=\"govuk-visually-hidden\"> of %t</span></button></form>",
			     a->name);
		}
		htmlf(&r->out, "</td></tr>");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* ROUTE: GET /area/{area}/gold (area administrator) */
static int page_area_gold(request *r)
{
	const char *name;
	int st = page_area_name(r, &name);
	if (st)
		return st;
	assessor_list as;
	gold_settings set;
	if (gold_assessors_of_area(&r->d, r->area, &as, &r->e) < 0 ||
	    gold_settings_get(&r->d, r->area, &set, &r->e) < 0)
		return page_error(r, &r->e);
	page_begin(r, "Charter Gold");
	const char *saved = query_get(r, "saved");
	if (saved)
		notice_success(r, !strcmp(saved, "ended") ? "The assessor's access has ended"
							  : "The Charter Gold settings have been saved");
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Charter Gold</h1>"
		      "<p class=\"govuk-body\">An assessor reads one self-evaluation, its evidence, reports and readiness, "
		      "comments on its statements and records a decision. You invite them for a limited time.</p>"
		      "<a class=\"govuk-button\" data-module=\"govuk-button\" href=\"%a/invite\">Invite an assessor</a>", name,
	     gold_base(r));
	if (gold_area_awards(r) < 0)
		return page_error(r, &r->e);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Assessors</h2>");
	assessors_table(r, &as);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Settings</h2><p class=\"govuk-body\">Evidence counts as old after %d years; "
		      "reaccreditation is due %d years after an award%t. <a class=\"govuk-link\" href=\"%a/settings\">Change "
		      "the Charter Gold settings</a></p>", set.evidence_years, set.award_years,
	     set.is_default ? " (copro's defaults: the tool sets neither)" : "", gold_base(r));
	page_end(r);
	return 200;
}

/* ROUTE: POST /area/{area}/gold/assessor/{assessor}/end (area administrator) */
static int page_assessor_end(request *r)
{
	err e = {0};
	if (gold_assessor_end(&r->d, &r->sess.user, r->area, param_id(r, 1), &e) < 0)
		return e.kind == ERR_NOTFOUND ? page_not_found(r) : page_error(r, &e);
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=ended", gold_base(r)));
}

void gold_settings_form(request *r, const char *const typed[2], const form_errors *fe)
{
	page_begin(r, "Charter Gold settings");
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">Charter Gold</a><div class=\"govuk-grid-row\">"
		      "<div class=\"govuk-grid-column-two-thirds\">", gold_base(r));
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Charter Gold settings</h1><p class=\"govuk-body\">The Four "
		      "Cornerstones tool names a &ldquo;Gold Accreditation and Reaccreditation Process&rdquo; but sets no "
		      "age for evidence and no period for reaccreditation: both are your area's choices. copro's "
		      "defaults are %d and %d years.</p><form method=\"post\" action=\"%a/settings\" novalidate>",
	     GOLD_EVIDENCE_YEARS_DEFAULT, GOLD_AWARD_YEARS_DEFAULT, gold_base(r));
	form_csrf(r);
	form_input(r, "evidence_years", "Evidence counts as old after (years)", typed[0], fe,
		   &(input_opts){.hint = "A whole number from 1 to 10", .width = "3"});
	form_input(r, "award_years", "Reaccreditation is due after (years)", typed[1], fe,
		   &(input_opts){.hint = "A whole number from 1 to 10", .width = "3"});
	form_button(r, "Save settings");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* ROUTE: GET /area/{area}/gold/settings (area administrator) */
static int page_gold_settings(request *r)
{
	gold_settings set;
	if (gold_settings_get(&r->d, r->area, &set, &r->e) < 0)
		return page_error(r, &r->e);
	const char *typed[2] = {arena_printf(&r->mem, "%d", set.evidence_years),
				arena_printf(&r->mem, "%d", set.award_years)};
	gold_settings_form(r, typed, NULL);
	return 200;
}

static bool years_value(const char *s, int *n)
{
	int64_t v = 0;
	if (!s || !text_id(s, &v) || v > 10)
		return false;
	*n = (int)v;
	return true;
}

/* ROUTE: POST /area/{area}/gold/settings (area administrator) */
static int page_gold_settings_post(request *r)
{
	const char *typed[2] = {form_trimmed(r, "evidence_years"), form_trimmed(r, "award_years")};
	int ev = 0, aw = 0;
	form_errors fe = {0};
	err e = {0};
	if (!years_value(typed[0], &ev))
		form_error_add(&fe, "evidence_years", "Enter the years after which evidence is old as a whole number from 1 to 10");
	if (!years_value(typed[1], &aw))
		form_error_add(&fe, "award_years", "Enter the years after which reaccreditation is due as a whole number from 1 to 10");
	if (!fe.n && gold_settings_set(&r->d, &r->sess.user, r->area, ev, aw, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, "evidence_years", sentence(r, e.msg));
	}
	if (fe.n) {
		gold_settings_form(r, typed, &fe);
		r->status = 400;
		return 400;
	}
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=settings", gold_base(r)));
}

const route area_gold_routes[] = {
	{"GET", "/area/{area}/gold", page_area_gold, 0, ACCESS_AREA},
	{"POST", "/area/{area}/gold/assessor/{assessor}/end", page_assessor_end, ROUTE_POST, ACCESS_AREA},
	{"GET", "/area/{area}/gold/settings", page_gold_settings, 0, ACCESS_AREA},
	{"POST", "/area/{area}/gold/settings", page_gold_settings_post, ROUTE_POST, ACCESS_AREA},
	{NULL, NULL, NULL, 0, ACCESS_NONE},
};
