/* audit_common.c: what the audit pages share (see audit_common.h): the
 * audit in the URL, its words and its forms' parts. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "domain/area.h"
#include "web/pages/audit_common.h"

int audit_page_error(request *r, const err *e)
{
	if (e->kind == ERR_NOTFOUND)
		return page_not_found(r);
	if (e->kind == ERR_CONFLICT)
		return web_error_page(r, 409, "This cannot be done now", sentence(r, e->msg));
	return page_error(r, e);
}

const char *audit_status_label(const char *status)
{
	static const char *const labels[] = {"draft", "Draft", "submitted", "Submitted",
					     "returned", "Returned", "accepted", "Accepted", NULL};
	return pair_label(labels, status, status);
}

void audit_status_tag(request *r, const char *status)
{
	const char *cls = "govuk-tag govuk-tag--grey";
	if (!strcmp(status, "submitted"))
		cls = "govuk-tag govuk-tag--blue";
	else if (!strcmp(status, "returned"))
		cls = "govuk-tag govuk-tag--orange";
	else if (!strcmp(status, "accepted"))
		cls = "govuk-tag govuk-tag--green";
	htmlf(&r->out, "<strong class=\"%a\">%t</strong>", cls, audit_status_label(status));
}

const char *audit_posted(request *r, const char *name)
{
	return text_trimmed(&r->mem, form_get(r, name));
}

/* A whole number of at most `digits` digits; false for anything else. */
bool audit_whole_number(const char *s, size_t digits, int *out)
{
	size_t n = s ? strlen(s) : 0;
	if (!n || n > digits || !text_digits(s, n))
		return false;
	*out = atoi(s);
	return true;
}

/* The id of a record chosen in a form, or 0 for none or not a number. */
int64_t audit_chosen_id(const char *s)
{
	if (text_blank(s))
		return 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	return *end || v <= 0 ? 0 : v;
}

/* "Principle", from the instrument's own terms. */
const char *audit_principle_term(request *r, const framework *fw)
{
	return sentence(r, fw && fw->term_section ? fw->term_section : "principle");
}

const char *audit_title_or(const audit_view *v, const char *key, const char *fallback)
{
	const char *t = audit_field_title(v->fw, key);
	return t ? t : fallback;
}

const char *audit_outcome_words(const audit_view *v, const char *key)
{
	const char *title = key ? audit_outcome_title(v->fw, key) : NULL;
	return title ? title : key;
}

const char *audit_url(request *r, int64_t org, int64_t audit)
{
	return arena_printf(&r->mem, "/org/%lld/audit/%lld", (long long)org, (long long)audit);
}

audit_actor audit_actor_of(request *r)
{
	return (audit_actor){.user_id = r->sess.user.id, .name = r->sess.user.name,
			     .access = r->access};
}

/* The detail of the choices' gaps, after the choices, folded: a hint
 * under a radio says only that some text is missing. */
static void choice_gaps(request *r, const audit_choice *c, size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n; i++)
		any = any || !text_blank(c[i].gap);
	if (!any)
		return;
	htmlf(&r->out, "<details class=\"govuk-details govuk-!-margin-top-4 govuk-!-margin-bottom-0\">"
		      "<summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">What is missing from the source</span></summary>"
		      "<div class=\"govuk-details__text\"><ul class=\"govuk-list\">");
	for (size_t i = 0; i < n; i++)
		if (!text_blank(c[i].gap))
			htmlf(&r->out, "<li>%t: %t</li>", c[i].label, c[i].gap);
	htmlf(&r->out, "</ul></div></details>");
}

void audit_choice_radios(request *r, const char *name, const char *legend, const audit_choice *c,
			  size_t n, const char *selected, const char *hint_text,
			  const form_errors *fe)
{
	const char *msg = form_group_begin(r, name, fe);
	htmlf(&r->out, "<fieldset class=\"govuk-fieldset\"%R>"
		      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">%t</legend>",
	     form_described_by(r, name, hint_text, msg), legend);
	if (hint_text)
		htmlf(&r->out, "<div id=\"%a-hint\" class=\"govuk-hint\">%t</div>", name, hint_text);
	form_error_message(r, name, msg);
	htmlf(&r->out, "<div class=\"govuk-radios\" data-module=\"govuk-radios\">");
	for (size_t i = 0; i < n; i++) {
		/* The first choice carries the field's id, so the error
		 * summary's link lands on it. */
		const char *id = i == 0 ? name : arena_printf(&r->mem, "%s-%zu", name, i + 1);
		bool has_hint = !text_blank(c[i].hint) || !text_blank(c[i].gap);
		htmlf(&r->out, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"%a\" name=\"%a\" type=\"radio\" value=\"%a\"%R",
		     id, name, c[i].value, selected && !strcmp(selected, c[i].value) ? " checked" : "");
		if (has_hint)
			htmlf(&r->out, " aria-describedby=\"%a-item-hint\"", id);
		htmlf(&r->out, "><label class=\"govuk-label govuk-radios__label\" for=\"%a\">%t</label>", id,
		     c[i].label);
		if (has_hint) {
			htmlf(&r->out, "<div id=\"%a-item-hint\" class=\"govuk-hint govuk-radios__hint\">%t", id,
			     c[i].hint ? c[i].hint : "");
			if (!text_blank(c[i].gap))
				htmlf(&r->out, "%R" GAP_SHORT, text_blank(c[i].hint) ? "" : "<br>");
			htmlf(&r->out, "</div>");
		}
		htmlf(&r->out, "</div>");
	}
	htmlf(&r->out, "</div>");
	choice_gaps(r, c, n);
	htmlf(&r->out, "</fieldset></div>");
}

/* The field a domain message is about, from the words it uses. */
const char *audit_field_of_message(const char *msg, const char *fallback)
{
	static const struct {
		const char *words, *field;
	} map[] = {
		{"reason", "outcome_reason"}, {"review", "review_on"},
		{"signed on", "signed_on"}, {"date signed", "signed_on"},
		{"signature", "signed_by"}, {"signed by", "signed_by"}, {"sign-off", "signed_by"},
		{"service area", "service_area"}, {"description", "description"},
		{"date of audit", "audit_date"}, {"audit date", "audit_date"},
		{"next step", "next_steps"}, {"summary", "summary"}, {"outcome", "outcome"},
		{"designation", "person-1-name"}, {"person", "person-1-name"},
		{"project", "project"}, {"level", "level"}, {"score", "score"}, {"notes", "notes"},
		{"evidence", "evidence"},
	};
	char lower[256];
	size_t n = 0;
	for (; msg && msg[n] && n < sizeof lower - 1; n++)
		lower[n] = (char)(msg[n] >= 'A' && msg[n] <= 'Z' ? msg[n] - 'A' + 'a' : msg[n]);
	lower[n] = '\0';
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strstr(lower, map[i].words))
			return map[i].field;
	return fallback;
}

int audit_page_load(request *r, audit_view *v)
{
	int64_t id = param_id(r, 1);
	audit_row a;
	err e = {0};
	memset(v, 0, sizeof *v);
	if (!id)
		return page_not_found(r);
	if (audit_get_in_org(&r->d, r->org, id, &a, &e) < 0)
		return audit_page_error(r, &e);
	if (audit_view_load(&r->d, id, v, &e) < 0)
		return audit_page_error(r, &e);
	return 0;
}

int audit_conflict(request *r, const audit_view *v, const char *message)
{
	r->out.len = 0;
	page_begin(r, "This cannot be done now");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<h1 class=\"govuk-heading-l\">This cannot be done now</h1><p class=\"govuk-body\">%t</p>"
		      "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Back to the audit</a></p></div></div>",
	     message, audit_url(r, r->org, v->audit.id));
	page_end(r);
	return 409;
}

void audit_breadcrumbs(request *r, const audit_view *v, const char *here)
{
	const char *version = arena_printf(&r->mem, "Version %d", v->audit.version);
	const char *links[] = {arena_printf(&r->mem, "/org/%lld/audits", (long long)r->org), "Audits",
			       here ? audit_url(r, r->org, v->audit.id) : NULL, version, NULL};
	breadcrumbs_org(r, v->org.name, links, here ? here : version);
}

void audit_project_select(request *r, const project_list *projects, const char *chosen,
			  const form_errors *fe)
{
	/* Written out rather than form_select_begin's: the hint's apostrophe
	 * stays as typed. */
	const char *msg = form_group_begin(r, "project", fe);
	htmlf(&r->out, "<label class=\"govuk-label govuk-label--s\" for=\"project\">Project this audit looks at (optional)</label>"
		      "<div id=\"project-hint\" class=\"govuk-hint\">The project's steps are shown with the audit as supporting evidence.</div>");
	form_error_message(r, "project", msg);
	htmlf(&r->out, "<select class=\"govuk-select%R\" id=\"project\" name=\"project\"%R>",
	     msg ? " govuk-select--error" : "", form_described_by(r, "project", "hint", msg));
	form_option(r, "", "No project", false);
	for (size_t i = 0; i < projects->n; i++) {
		const project_row *p = &projects->items[i];
		form_option_id(r, p->id, p->title, NULL, chosen);
	}
	form_select_end(r);
}

/* The project chosen in a form: 0 for none, -1 when it is not one of the
 * organisation's projects. */
int64_t audit_project_posted(const project_list *projects, const char *value)
{
	if (text_blank(value) || !strcmp(value, "0"))
		return 0;
	int64_t id = audit_chosen_id(value);
	for (size_t i = 0; id && i < projects->n; i++)
		if (projects->items[i].id == id)
			return id;
	return -1;
}

const char *audit_posted_date(request *r, const char *name, const char *what, form_errors *fe)
{
	if (!form_date_sent(r, name))
		return NULL;
	const char *iso = form_date_posted(r, name, &(date_rule){what, false, DATE_ANY}, fe);
	return iso ? iso : "";
}

/* What a rule does, without the rule's name that the domain's sentence
 * starts with (pages show the name next to it). */
const char *audit_rule_how(request *r, const char *rule)
{
	const char *how = audit_rule_describe(rule), *name = audit_rule_name(rule);
	if (!how)
		return NULL;
	size_t n = name ? strlen(name) : 0;
	if (n && !strncasecmp(how, name, n) && how[n] == ':' && how[n + 1] == ' ')
		how += n + 2;
	return sentence(r, how);
}

/* Why the suggestion is what it is: a local rule, named, not the source's. */
void audit_rule_note(request *r, const audit_view *v)
{
	const char *rule = v->settings.rule;
	const char *name = audit_rule_name(rule);
	const char *how = audit_rule_how(r, rule);
	htmlf(&r->out, "<div class=\"govuk-inset-text\" id=\"local-rule\"><p class=\"govuk-body\">"
		      "The suggested outcome comes from a local rule, not from York's framework: the framework "
		      "gives no rule for getting from the principles' levels to an overall outcome. ");
	if (v->settings.is_default)
		htmlf(&r->out, "Your area has not chosen a rule, so copro's default is used: the &ldquo;%t&rdquo; rule.",
		     name ? name : rule);
	else
		htmlf(&r->out, "This area's local rule is the &ldquo;%t&rdquo; rule.", name ? name : rule);
	if (how)
		htmlf(&r->out, " %t", how);
	htmlf(&r->out, "</p><p class=\"govuk-body\">It is only a suggestion: the organisation may choose "
		      "a different outcome and give its reason.</p></div>");
}

void audit_indicator(request *r, const audit_principle_view *pv)
{
	const fw_element *ind = pv->indicator;
	if (!ind)
		return;
	htmlf(&r->out, "<h3 class=\"govuk-heading-s govuk-!-margin-bottom-2\">%t</h3>",
	     text_blank(ind->title) ? "Indicator" : ind->title);
	if (!text_blank(ind->description))
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>", ind->description);
	gap_note(r, ind->gap);
}

void audit_commitments(request *r, const audit_principle_view *pv)
{
	if (!pv->n_commitments)
		return;
	htmlf(&r->out, "<ul class=\"govuk-list govuk-list--bullet\">");
	for (size_t i = 0; i < pv->n_commitments; i++)
		htmlf(&r->out, "<li>%t</li>", pv->commitments[i]);
	htmlf(&r->out, "</ul>");
}

const char *audit_area_name(request *r)
{
	const char *name;
	err e = {0};
	return area_name(&r->d, r->area, &name, &e) < 0 ? "Your area" : name;
}

void audit_area_comment(request *r, const audit_principle_view *pv)
{
	if (!pv->area_comment)
		return;
	htmlf(&r->out, "<div class=\"govuk-inset-text\"><h3 class=\"govuk-heading-s govuk-!-margin-bottom-2\">"
		       "The area's comment when it returned version %d</h3>",
	      pv->area_comment_version);
	text_paragraphs(r, pv->area_comment, NULL);
	htmlf(&r->out, "</div>");
}
