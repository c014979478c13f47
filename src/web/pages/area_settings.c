/* area_settings.c: the area's settings (/area/{area}/settings): for audits
 * the score scale and the rule that suggests an audit's outcome, both local
 * choices the source leaves open; for partners' views the smallest group
 * whose answers anyone but an organisation's leads may see. */
#include <string.h>

#include <stdlib.h>

#include "core/text.h"
#include "domain/evidence_file.h"
#include "domain/views.h"
#include "web/pages/audit_common.h"

typedef struct settings_values {
	const char *min, *max, *rule;
} settings_values;

/* The second form: the area's threshold of suppression (`typed` when
 * refused, else the area's). */
static void views_form(request *r, const char *typed, const form_errors *fe)
{
	int n = VIEWS_MIN_GROUP_DEFAULT;
	err e = {0};
	if (!typed && views_min_group_get(&r->d, r->area, &n, &e) == 0)
		typed = arena_printf(&r->mem, "%d", n);
	htmlf(&r->out, "<h2 class=\"govuk-heading-l\" id=\"views\">Partners' views</h2>"
		       "<form method=\"post\" action=\"/area/%D/settings/views\" novalidate>", r->area);
	form_csrf(r);
	form_input(r, "min_group", "Smallest group whose answers others see", typed, fe,
		   &(input_opts){.hint = "A group with fewer answers shows \"fewer than N answers\" and no figures to everyone "
					 "but the organisation's leads, so nobody can be picked out. From 1 to 100; usually 5.",
				 .width = "3"});
	form_button(r, "Save");
	htmlf(&r->out, "</form>");
}

/* The third form: each organisation's space for evidence files (`typed`
 * when refused, else the area's). */
static void files_form(request *r, const char *typed, const form_errors *fe)
{
	int mb = FILE_QUOTA_DEFAULT_MB;
	err e = {0};
	if (!typed && file_quota_of_area(&r->d, r->area, &mb, &e) == 0)
		typed = arena_printf(&r->mem, "%d", mb);
	htmlf(&r->out, "<h2 class=\"govuk-heading-l\" id=\"files\">Evidence files</h2>"
		       "<form method=\"post\" action=\"/area/%D/settings/files\" novalidate>", r->area);
	form_csrf(r);
	form_input(r, "quota_mb", "Space for each organisation's files, in MB", typed, fe,
		   &(input_opts){.hint = "Files are kept in copro's database, so its backups grow with them. A file can be "
					 "up to 10 MB. From 10 to 100000; copro's default is 200.",
				 .width = "5"});
	form_button(r, "Save");
	htmlf(&r->out, "</form>");
}

static void settings_form(request *r, const audit_settings *now, const settings_values *sv,
			  const form_errors *fe, const char *min_group, const char *quota)
{
	const char *name = audit_area_name(r);
	page_begin(r, "Audit settings");
	htmlf(&r->out, "<a href=\"/area/%D/audits\" class=\"govuk-back-link\">Audits to decide</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->area);
	form_error_summary(r, fe);
	const char *saved = query_get(r, "saved");
	if ((!fe || !fe->n) && saved)
		notice_success_link(r, "success-title", !strcmp(saved, "views") ? "The smallest group shown has been saved"
					: !strcmp(saved, "files") ? "The space for evidence files has been saved"
					: !strcmp(saved, "two-factor") ? "The two-factor sign-in setting has been saved"
					: "The audit settings have been saved", NULL, NULL);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Audit settings</h1>"
		      "<p class=\"govuk-body\">York's joint partnership audit framework gives no scale for the Score "
		      "of each principle, and no rule for getting from the principles' levels to the overall "
		      "outcome. Both are local choices: your area makes them here, and every audit of your area's "
		      "organisations shows them as local choices.</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/area/%D/mail\">Email</a>: what copro is sending "
		      "for your area, has sent and could not send.</p>", name, r->area);
	htmlf(&r->out, "<div class=\"govuk-inset-text\">");
	if (now->is_default)
		htmlf(&r->out, "Your area has not chosen yet, so copro's defaults apply: scores from %d to %d, "
			      "and the &ldquo;%t&rdquo; rule.", AUDIT_DEFAULT_SCORE_MIN, AUDIT_DEFAULT_SCORE_MAX,
		     audit_rule_name(AUDIT_DEFAULT_RULE) ? audit_rule_name(AUDIT_DEFAULT_RULE) : AUDIT_DEFAULT_RULE);
	else
		htmlf(&r->out, "Your area uses scores from %d to %d and the &ldquo;%t&rdquo; rule. "
			      "copro's defaults are %d to %d and the &ldquo;%t&rdquo; rule.",
		     now->score_min, now->score_max, audit_rule_name(now->rule) ? audit_rule_name(now->rule) : now->rule,
		     AUDIT_DEFAULT_SCORE_MIN, AUDIT_DEFAULT_SCORE_MAX,
		     audit_rule_name(AUDIT_DEFAULT_RULE) ? audit_rule_name(AUDIT_DEFAULT_RULE) : AUDIT_DEFAULT_RULE);
	htmlf(&r->out, " Changing them changes the suggestions on every audit, including past ones; "
		      "outcomes already chosen stay as they are.</div>");
	htmlf(&r->out, "<form method=\"post\" action=\"/area/%D/settings\" novalidate>", r->area);
	form_csrf(r);
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Score scale</h2>");
	form_input(r, "score_min", "Lowest score", sv->min, fe,
		   &(input_opts){.hint = "A whole number from 0 to 99", .width = "3"});
	form_input(r, "score_max", "Highest score", sv->max, fe,
		   &(input_opts){.hint = "A whole number up to 100, more than the lowest score", .width = "3"});
	static const char *const rules[] = {AUDIT_RULE_LOWEST, AUDIT_RULE_MOST_COMMON};
	audit_choice c[2];
	for (size_t i = 0; i < 2; i++) {
		const char *rn = audit_rule_name(rules[i]);
		c[i] = (audit_choice){.value = rules[i], .label = sentence(r, rn ? rn : rules[i]),
				.hint = audit_rule_how(r, rules[i])};
	}
	audit_choice_radios(r, "rule", "Rule for the suggested outcome", c, 2, sv->rule,
		      "Organisations see the suggestion and may choose another outcome with a reason.", fe);
	form_button(r, "Save settings");
	htmlf(&r->out, "</form>");
	views_form(r, min_group, fe);
	files_form(r, quota, fe);
	two_factor_area_form(r);
	htmlf(&r->out, "</div></div>");
	page_end(r);
}

/* ROUTE: GET /area/{area}/settings (area administrator) */
static int page_settings(request *r)
{
	audit_settings now;
	err e = {0};
	if (audit_settings_get(&r->d, r->area, &now, &e) < 0)
		return audit_page_error(r, &e);
	/* The rule is checked only once the area has chosen one. */
	settings_values sv = {.min = arena_printf(&r->mem, "%d", now.score_min),
			      .max = arena_printf(&r->mem, "%d", now.score_max),
			      .rule = now.is_default ? NULL : now.rule};
	settings_form(r, &now, &sv, NULL, NULL, NULL);
	return 200;
}

/* ROUTE: POST /area/{area}/settings (area administrator) */
static int page_settings_post(request *r)
{
	audit_settings now;
	err e = {0};
	if (audit_settings_get(&r->d, r->area, &now, &e) < 0)
		return audit_page_error(r, &e);
	settings_values sv = {.min = audit_posted(r, "score_min"), .max = audit_posted(r, "score_max"),
			      .rule = audit_posted(r, "rule")};
	form_errors fe = {0};
	audit_settings s = {0};
	bool min_ok = audit_whole_number(sv.min, 3, &s.score_min);
	bool max_ok = audit_whole_number(sv.max, 3, &s.score_max);
	if (!min_ok)
		form_error_add(&fe, "score_min", "Enter the lowest score as a whole number, like 1");
	else if (s.score_min > 99)
		form_error_add(&fe, "score_min", "The lowest score must be 99 or less");
	if (!max_ok)
		form_error_add(&fe, "score_max", "Enter the highest score as a whole number, like 3");
	else if (s.score_max > 100)
		form_error_add(&fe, "score_max", "The highest score must be 100 or less");
	else if (min_ok && s.score_max <= s.score_min)
		form_error_add(&fe, "score_max", "The highest score must be more than the lowest score");
	if (text_blank(sv.rule) || !audit_rule_known(sv.rule))
		form_error_add(&fe, "rule", "Choose the rule for the suggested outcome");
	else
		s.rule = sv.rule;
	if (!fe.n && (audit_settings_validate(&s, &e) < 0 || audit_settings_set(&r->d, r->area, &s, &e) < 0)) {
		if (e.kind != ERR_INPUT)
			return audit_page_error(r, &e);
		form_error_add(&fe, strstr(e.msg, "rule") ? "rule"
				    : strstr(e.msg, "highest") || strstr(e.msg, "max") ? "score_max" : "score_min",
			       sentence(r, e.msg));
	}
	if (fe.n) {
		settings_form(r, &now, &sv, &fe, NULL, NULL);
		return 400;
	}
	if (activity_log(&r->d, &r->sess.user, 0, r->area,
			 arena_printf(&r->mem, "set the audit settings: scores %d to %d, rule %s",
				      s.score_min, s.score_max, s.rule),
			 &r->e) < 0)
		return audit_page_error(r, &r->e);
	return web_redirect(r, arena_printf(&r->mem, "/area/%lld/settings?saved=1", (long long)r->area));
}

/* ROUTE: POST /area/{area}/settings/views (area administrator) */
static int page_settings_views_post(request *r)
{
	audit_settings now;
	err e = {0};
	if (audit_settings_get(&r->d, r->area, &now, &e) < 0)
		return audit_page_error(r, &e);
	const char *typed = audit_posted(r, "min_group");
	int n = 0;
	form_errors fe = {0};
	if (!audit_whole_number(typed, 3, &n) || n < 1 || n > 100)
		form_error_add(&fe, "min_group", "Enter the smallest group as a whole number from 1 to 100, like 5");
	else if (views_min_group_set(&r->d, &r->sess.user, r->area, n, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return audit_page_error(r, &e);
		form_error_add(&fe, "min_group", sentence(r, e.msg));
	}
	if (fe.n) {
		settings_values sv = {.min = arena_printf(&r->mem, "%d", now.score_min),
				      .max = arena_printf(&r->mem, "%d", now.score_max),
				      .rule = now.is_default ? NULL : now.rule};
		settings_form(r, &now, &sv, &fe, typed, NULL);
		return 400;
	}
	return web_redirect(r, arena_printf(&r->mem, "/area/%lld/settings?saved=views#views", (long long)r->area));
}

/* ROUTE: POST /area/{area}/settings/files (area administrator) */
static int page_settings_files_post(request *r)
{
	audit_settings now;
	err e = {0};
	if (audit_settings_get(&r->d, r->area, &now, &e) < 0)
		return audit_page_error(r, &e);
	const char *typed = audit_posted(r, "quota_mb");
	int n = 0;
	form_errors fe = {0};
	if (!audit_whole_number(typed, 6, &n) || file_quota_set(&r->d, &r->sess.user, r->area, n, &e) < 0) {
		if (e.kind && e.kind != ERR_INPUT)
			return audit_page_error(r, &e);
		form_error_add(&fe, "quota_mb", "Enter the space as a whole number of MB from 10 to 100000, like 200");
		settings_values sv = {.min = arena_printf(&r->mem, "%d", now.score_min),
				      .max = arena_printf(&r->mem, "%d", now.score_max),
				      .rule = now.is_default ? NULL : now.rule};
		settings_form(r, &now, &sv, &fe, NULL, typed);
		return 400;
	}
	return web_redirect(r, arena_printf(&r->mem, "/area/%lld/settings?saved=files#files", (long long)r->area));
}

const route area_settings_routes[] = {
	{"GET", "/area/{area}/settings", page_settings, 0, ACCESS_AREA},
	{"POST", "/area/{area}/settings", page_settings_post, ROUTE_POST, ACCESS_AREA},
	{"POST", "/area/{area}/settings/views", page_settings_views_post, ROUTE_POST, ACCESS_AREA},
	{"POST", "/area/{area}/settings/files", page_settings_files_post, ROUTE_POST, ACCESS_AREA},
	{0},
};
