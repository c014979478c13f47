/* views.c: an organisation's rounds of views (/org/{org}/views), opening
 * one from an evaluation or an audit, a round's page with its links,
 * closing and reopening it, and replacing a lost link. A link's token is
 * shown once, on the page that made it (views_new_links), and never
 * again: only its hash is kept. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "domain/audit.h"
#include "web/pages/views_page.h"

/* ---- shared with the other views pages ---------------------------------- */

int views_page_load(request *r, views_page *pg)
{
	memset(pg, 0, sizeof *pg);
	int64_t id = param_id(r, 1);
	if (views_get_in_org(&r->d, r->org, id, &pg->round, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	if (org_get(&r->d, r->org, &pg->org, &r->e) < 0 || views_links(&r->d, id, &pg->links, &r->e) < 0)
		return page_error(r, &r->e);
	return 0;
}

const view_link_row *views_page_link(request *r, const views_page *pg)
{
	int64_t id = param_id(r, 2);
	for (size_t i = 0; i < pg->links.n; i++)
		if (pg->links.items[i].id == id)
			return &pg->links.items[i];
	page_not_found(r);
	return NULL;
}

const char *views_url(request *r, int64_t round, const char *suffix)
{
	return arena_printf(&r->mem, "/org/%lld/views/%lld%s", (long long)r->org, (long long)round,
			    suffix ? suffix : "");
}

const char *views_link_address(request *r, const char *token)
{
	return arena_printf(&r->mem, "%s/v/%s", site_address(r), token);
}

void views_state_tag(request *r, const view_round_row *round)
{
	char today[11];
	date_today(today);
	enum view_state s = views_state(round, today);
	static const char *const cls[] = {"govuk-tag govuk-tag--green", "govuk-tag govuk-tag--blue",
					  "govuk-tag govuk-tag--grey", "govuk-tag govuk-tag--grey"};
	htmlf(&r->out, "<strong class=\"%a\">%t</strong>", cls[s], sentence(r, views_state_words(s)));
}

void views_heading(request *r, const views_page *pg, const char *title)
{
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">%t</a>"
		       "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	      views_url(r, pg->round.id, ""), pg->round.title, pg->org.name, title);
}

int views_refused(request *r, const err *e)
{
	if (e->kind == ERR_INPUT || e->kind == ERR_CONFLICT)
		return web_error_page(r, e->kind == ERR_INPUT ? 400 : 409, "This could not be done",
				      sentence(r, e->msg));
	return page_error(r, e);
}

static void link_button(request *r, int64_t round, const view_new_link *l, const char *what,
			const char *text)
{
	htmlf(&r->out, "<form method=\"post\" action=\"%a\" class=\"copro-inline-form\" target=\"_blank\">",
	      views_url(r, round, arena_printf(&r->mem, "/link/%lld/%s", (long long)l->id, what)));
	form_csrf(r);
	htmlf(&r->out, "<input type=\"hidden\" name=\"token\" value=\"%a\">"
		       "<button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-right-2\""
		       " data-module=\"govuk-button\">%t<span class=\"govuk-visually-hidden\"> (opens in a new tab)</span></button></form>",
	      l->token, text);
}

void views_new_links(request *r, int64_t round, const view_new_link *links, size_t n)
{
	htmlf(&r->out, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
		       "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
		       "Copy or print these links now. copro shows each link only this once and keeps only a fingerprint of it. "
		       "If a link is lost, replace it on the round's page (the old one stops working).</strong></div>");
	for (size_t i = 0; i < n; i++) {
		const view_new_link *l = &links[i];
		view_link_row row = {.partner_group = l->partner_group, .group_name = l->group_name};
		htmlf(&r->out, "<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\">"
			       "<h2 class=\"govuk-summary-card__title\">%t</h2></div><div class=\"govuk-summary-card__content\">"
			       "<p class=\"govuk-body copro-poster__link\" id=\"link-%D\">%t</p>",
		      views_group_title(&row), l->id, views_link_address(r, l->token));
		link_button(r, round, l, "poster", "Print a poster");
		link_button(r, round, l, "letter", "Print a letter");
		htmlf(&r->out, "</div></div>");
	}
}

void views_entry_links(request *r, const char *source, int64_t id)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Partners' views</h2><p class=\"govuk-body\">Children and young people, "
		       "parent carers and practitioners can answer the same questions without an account. "
		       "<a class=\"govuk-link\" href=\"/org/%D/views\">Rounds of views and their results</a></p>", r->org);
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-button govuk-button--secondary\" href=\"/org/%D/views/new?%t=%D\">"
			       "Ask partners for their views</a></p>", r->org, source, id);
}

int views_home_panel(request *r, const char *org_name)
{
	view_round_list rounds;
	if (views_of_org(&r->d, r->org, &rounds, &r->e) < 0)
		return -1;
	char today[11];
	date_today(today);
	if (query_get(r, "view") && !strcmp(query_get(r, "view"), "sent"))
		notice_success(r, "Thank you: your view has been sent. It counts with the others from your group.");
	size_t open = 0;
	for (size_t i = 0; i < rounds.n; i++)
		open += views_state(&rounds.items[i], today) == VIEW_OPEN;
	if (!open)
		return 0;
	htmlf(&r->out, "<div class=\"govuk-inset-text\"><h2 class=\"govuk-heading-m\">What you are asked to do</h2>"
		       "<p class=\"govuk-body\">%t wants to know how well it works with children, young people and families. "
		       "Please give your view. It takes a few minutes, and you do not need to look at evidence or indicators.</p>"
		       "<ul class=\"govuk-list\">", org_name);
	for (size_t i = 0; i < rounds.n; i++)
		if (views_state(&rounds.items[i], today) == VIEW_OPEN)
			htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a\">Give your view: %t</a></li>",
			      views_url(r, rounds.items[i].id, "/my-view"), rounds.items[i].title);
	htmlf(&r->out, "</ul></div>");
	return 0;
}

/* ---- the list ------------------------------------------------------------ */

static void rounds_table(request *r, const view_round_list *list)
{
	table_scroll_open(r, "Rounds of views, newest first");
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Rounds of views, newest first</caption>"
		       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		       "<th scope=\"col\" class=\"govuk-table__header\">Round</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Opens</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Closes</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">State</th></tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < list->n; i++) {
		const view_round_row *v = &list->items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
			       "<a class=\"govuk-link\" href=\"%a\">%t</a></th><td class=\"govuk-table__cell\">%t</td>"
			       "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">",
		      views_url(r, v->id, ""), v->title, date_words(r, v->opens_on),
		      v->closes_on ? date_words(r, v->closes_on) : "No end date");
		views_state_tag(r, v);
		htmlf(&r->out, "</td></tr>");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

/* ROUTE: GET /org/{org}/views (viewer) */
static int page_views(request *r)
{
	org_row o;
	view_round_list list;
	if (org_get(&r->d, r->org, &o, &r->e) < 0 || views_of_org(&r->d, r->org, &list, &r->e) < 0)
		return page_error(r, &r->e);
	page_begin(r, arena_printf(&r->mem, "Partners' views - %s", o.name));
	breadcrumbs_org(r, o.name, NULL, "Partners' views");
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Partners' views</h1>"
		       "<p class=\"govuk-body\">Children and young people, parent carers and practitioners answer the same "
		       "questions without an account, by a link or a QR code, in easy read or their own language. "
		       "Open a round from a self-evaluation or an audit.</p>");
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/org/%D/settings\">Safeguarding contact and how long comments are kept</a></p>",
		      r->org);
	if (list.n)
		rounds_table(r, &list);
	else
		htmlf(&r->out, "<p class=\"govuk-body\">There are no rounds yet.</p>");
	page_end(r);
	return 200;
}

/* ---- opening a round ----------------------------------------------------- */

typedef struct open_form {
	int64_t evaluation, audit;
	const char *title, *wording, *language, *opens_on, *closes_on, *cap, *other;
	const char **elements;          /* NULL-terminated; none: all */
	const char **groups;
} open_form;

static bool listed(const char *const *list, const char *v)
{
	for (size_t i = 0; list && list[i]; i++)
		if (!strcmp(list[i], v))
			return true;
	return false;
}

static void element_checkboxes(request *r, const framework *fw, const open_form *f)
{
	htmlf(&r->out, "<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\" aria-describedby=\"elements-hint\">"
		       "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Statements</legend>"
		       "<div class=\"govuk-hint\" id=\"elements-hint\">Choose none to ask about every statement. "
		       "Fewer questions get more answers: one cornerstone takes a partner a few minutes.</div>"
		       "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">");
	for (size_t s = 0; s < fw->n_sections; s++) {
		const fw_section *sec = &fw->sections[s];
		htmlf(&r->out, "<p class=\"govuk-body govuk-!-font-weight-bold govuk-!-margin-top-4\">%t</p>", sec->title);
		for (size_t i = 0; i < sec->n_elements; i++) {
			const fw_element *el = &sec->elements[i];
			htmlf(&r->out, "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"elements-%a\""
				       " name=\"elements\" type=\"checkbox\" value=\"%a\"%t><label class=\"govuk-label govuk-checkboxes__label\""
				       " for=\"elements-%a\">%t: %t</label></div>",
			      el->key, el->key, listed(f->elements, el->key) ? " checked" : "", el->key, el->key, el->title);
		}
	}
	htmlf(&r->out, "</div></fieldset></div>");
}

/* A round's language by name; one copro has no words for says what
 * partners will see instead. */
static const char *language_words(request *r, const char *tag)
{
	const lang_info *l = views_language(tag);
	if (l)
		return arena_printf(&r->mem, "%s (%s)", l->name, l->tag);
	return arena_printf(&r->mem, "%s: copro has no translation for it yet, so partners see British English", tag);
}

/* Only languages copro has words for are offered, so no round promises a
 * language its partners would not see; a round made from the command line
 * in another one keeps it, marked. */
static void language_select(request *r, const char *chosen, const form_errors *fe)
{
	size_t n;
	const lang_info *langs = lang_list(&n);
	bool found = false;
	form_select_begin(r, "language", "Language", fe,
			  &(select_opts){.hint = "The languages copro has a translation for. Partners can switch to English."});
	for (size_t i = 0; i < n; i++) {
		bool on = !strcasecmp(langs[i].tag, chosen);
		found |= on;
		form_option(r, langs[i].tag, arena_printf(&r->mem, "%s (%s)", langs[i].name, langs[i].tag), on);
	}
	if (!found)
		form_option(r, chosen, language_words(r, chosen), true);
	form_select_end(r);
}

static void group_checkboxes(request *r, const open_form *f, const form_errors *fe)
{
	static const char *const groups[] = {"cyp", "Children and young people", "parents", "Parent carers",
					     "practitioners", "Practitioners (staff: their answers are the staff's view)", NULL};
	const char *error = form_error_for(fe, "groups");
	htmlf(&r->out, "<div class=\"govuk-form-group%t\"><fieldset class=\"govuk-fieldset\" aria-describedby=\"groups-hint%t\">"
		       "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Who is it for</legend>"
		       "<div class=\"govuk-hint\" id=\"groups-hint\">Each group gets a link of its own, so their views can be compared.</div>",
	      error ? " govuk-form-group--error" : "", error ? " groups-error" : "");
	form_error_message(r, "groups", error);
	htmlf(&r->out, "<div class=\"govuk-checkboxes\" data-module=\"govuk-checkboxes\" id=\"groups\">");
	for (size_t i = 0; groups[i]; i += 2)
		htmlf(&r->out, "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"groups-%a\""
			       " name=\"groups\" type=\"checkbox\" value=\"%a\"%t><label class=\"govuk-label govuk-checkboxes__label\""
			       " for=\"groups-%a\">%t</label></div>",
		      groups[i], groups[i], listed(f->groups, groups[i]) ? " checked" : "", groups[i], groups[i + 1]);
	htmlf(&r->out, "</div></fieldset></div>");
	form_input(r, "other", "Another group (optional)", f->other, fe,
		   &(input_opts){.hint = "A group your organisation names, for example \"Governors\" or \"Youth forum\"", .width = "20"});
}

static void open_render(request *r, const org_row *o, const framework *fw, const open_form *f,
			const form_errors *fe)
{
	page_begin(r, "Open a round of views");
	htmlf(&r->out, "<a href=\"/org/%D/views\" class=\"govuk-back-link\">Partners' views</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", r->org);
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Open a round of views</h1>"
		       "<p class=\"govuk-body\">Partners answer %t without an account. Run it with the groups, not only by link: "
		       "a session at a coffee morning or in class gets views that a link alone does not.</p>"
		       "<form method=\"post\" action=\"/org/%D/views\" novalidate>",
	      o->name, fw->title, r->org);
	form_csrf(r);
	if (f->evaluation)
		htmlf(&r->out, "<input type=\"hidden\" name=\"evaluation\" value=\"%D\">", f->evaluation);
	else
		htmlf(&r->out, "<input type=\"hidden\" name=\"audit\" value=\"%D\">", f->audit);
	form_input(r, "title", "Title (optional)", f->title, fe,
		   &(input_opts){.hint = "Staff see it. Leave it empty for \"Views of ...\" and the month."});
	if (f->evaluation)
		element_checkboxes(r, fw, f);
	group_checkboxes(r, f, fe);
	static const char *const wording[] = {VIEWS_WORDING_STANDARD, "Standard: the source's own words",
					      VIEWS_WORDING_EASY, "Easy read: copro's plain-words version, in larger text", NULL};
	form_radios(r, "wording", "Wording", wording, f->wording ? f->wording : VIEWS_WORDING_STANDARD,
		    "Easy read is copro's wording, not the source's; you can adapt it for this round afterwards.", fe);
	language_select(r, f->language ? f->language : VIEWS_LANGUAGE_DEFAULT, fe);
	form_date(r, "opens_on", "Opens on (optional)", f->opens_on,
		  "Leave it empty to open today. For example, 1 10 2026", fe);
	form_date(r, "closes_on", "Closes on (optional)", f->closes_on,
		  "Leave it empty to close it yourself. For example, 31 10 2026", fe);
	form_input(r, "cap", "Most answers a link takes", f->cap ? f->cap : "2000", fe,
		   &(input_opts){.hint = "A link stops taking answers when it has this many.", .width = "5"});
	form_button(r, "Open the round");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
}

/* The organisation, and the instrument of the evaluation or audit a round
 * is opened from (the query's or the form's): 0, or the status of the
 * error page. */
static int open_source(request *r, open_form *f, const framework **fw, org_row *o)
{
	if (org_get(&r->d, r->org, o, &r->e) < 0)
		return page_error(r, &r->e);
	const char *ev = r->post ? form_get(r, "evaluation") : query_get(r, "evaluation");
	const char *au = r->post ? form_get(r, "audit") : query_get(r, "audit");
	if (ev && text_id(ev, &f->evaluation)) {
		evaluation_row row;
		if (evaluation_get_in_org(&r->d, r->org, f->evaluation, &row, &r->e) < 0)
			return page_lookup_failed(r, &r->e);
		*fw = fw_registry_find(r->d.frameworks, row.framework_id);
	} else if (au && text_id(au, &f->audit)) {
		audit_row a;
		if (audit_get_in_org(&r->d, r->org, f->audit, &a, &r->e) < 0)
			return page_lookup_failed(r, &r->e);
		*fw = fw_registry_find(r->d.frameworks, AUDIT_FRAMEWORK_ID);
	} else {
		return web_error_page(r, 400, "Which self-evaluation or audit?",
				      "Open a round from a self-evaluation's or an audit's page.");
	}
	return *fw ? 0 : web_error_page(r, 500, "Sorry, something went wrong", "The instrument is not installed.");
}

/* ROUTE: GET /org/{org}/views/new (lead) */
static int page_views_new(request *r)
{
	open_form f = {0};
	const framework *fw;
	org_row o;
	int rc = open_source(r, &f, &fw, &o);
	if (rc)
		return rc;
	static const char *const all_groups[] = {"cyp", "parents", "practitioners", NULL};
	f.groups = (const char **)all_groups;
	open_render(r, &o, fw, &f, NULL);
	return 200;
}

/* Which field a refusal of views_open is about, by its words. */
static const char *refused_field(const char *msg)
{
	static const char *const by_word[] = {"title", "title", "wording", "wording", "language", "language",
					      "closing date", "closes_on-day", "opening date", "opens_on-day", "cap", "cap",
					      "group", "groups", NULL};
	for (size_t i = 0; by_word[i]; i += 2)
		if (strstr(msg, by_word[i]))
			return by_word[i + 1];
	return "title";
}

static void open_read(request *r, open_form *f)
{
	f->title = form_trimmed(r, "title");
	f->wording = form_trimmed(r, "wording");
	f->language = form_trimmed(r, "language");
	f->opens_on = f->closes_on = "";        /* the dates: open_check */
	f->cap = form_trimmed(r, "cap");
	f->other = form_trimmed(r, "other");
	f->elements = form_get_all(r, "elements");
	f->groups = form_get_all(r, "groups");
}

static void open_check(request *r, open_form *f, int *cap, form_errors *fe)
{
	const char *opens = form_date_posted(r, "opens_on", &(date_rule){"the opening date", false, DATE_ANY}, fe);
	const char *closes = form_date_posted(r, "closes_on", &(date_rule){"the closing date", false, DATE_ANY}, fe);
	f->opens_on = opens ? opens : "";
	f->closes_on = closes ? closes : "";
	char *end;
	long v = strtol(f->cap, &end, 10);
	if (!*f->cap || *end || v < 1 || v > VIEWS_CAP_MAX)
		form_error_add(fe, "cap", "Enter the most answers a link takes, a whole number from 1 to 1000000");
	*cap = (int)v;
	if (!f->groups[0] && !*f->other)
		form_error_add(fe, "groups", "Choose at least one group, or name another group");
}

/* An empty field is the domain's default. */
static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static view_round_input open_input(request *r, const open_form *f, int cap)
{
	view_round_input in = {.evaluation_id = f->evaluation, .audit_id = f->audit, .title = f->title,
			       .wording = or_null(f->wording), .language = or_null(f->language),
			       .opens_on = or_null(f->opens_on), .closes_on = or_null(f->closes_on),
			       .answer_cap = cap, .elements = f->elements};
	while (f->elements[in.n_elements])
		in.n_elements++;
	size_t n = 0;
	while (f->groups[n])
		n++;
	view_group *g = ARENA_ARRAY(&r->mem, n + 1, g);
	for (size_t i = 0; i < n; i++)
		g[in.n_groups++] = (view_group){.group = f->groups[i], .name = ""};
	if (*f->other)
		g[in.n_groups++] = (view_group){.group = "other", .name = f->other};
	in.groups = g;
	return in;
}

/* ROUTE: POST /org/{org}/views (lead) */
static int page_views_open(request *r)
{
	open_form f = {0};
	const framework *fw;
	org_row o;
	int rc = open_source(r, &f, &fw, &o);
	if (rc)
		return rc;
	open_read(r, &f);
	form_errors fe = {0};
	int cap = 0;
	open_check(r, &f, &cap, &fe);
	view_round_input in = open_input(r, &f, cap);
	int64_t round = 0;
	view_new_link *links = NULL;
	size_t n_links = 0;
	if (!fe.n && views_open(&r->d, &r->sess.user, &in, &round, &links, &n_links, &r->e) < 0) {
		if (r->e.kind != ERR_INPUT)
			return page_error(r, &r->e);
		form_error_add(&fe, refused_field(r->e.msg), sentence(r, r->e.msg));
	}
	if (fe.n) {
		open_render(r, &o, fw, &f, &fe);
		return 400;
	}
	page_begin(r, "Your links are ready");
	htmlf(&r->out, "<a href=\"%a\" class=\"govuk-back-link\">The round</a><span class=\"govuk-caption-l\">%t</span>"
		       "<h1 class=\"govuk-heading-l\">Your links are ready</h1>",
	      views_url(r, round, ""), o.name);
	views_new_links(r, round, links, n_links);
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Go to the round</a></p>",
	      views_url(r, round, ""));
	page_end(r);
	return 200;
}

/* ---- a round -------------------------------------------------------------- */

static void round_summary(request *r, const views_page *pg, size_t n_elements)
{
	const view_round_row *v = &pg->round;
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
	summary_row_open(r, "State");
	views_state_tag(r, v);
	htmlf(&r->out, "</dd></div>");
	summary_row_open(r, "Asked about");
	if (v->evaluation_id)
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/evaluation/%D\">The self-evaluation</a>: %z statement%t",
		      r->org, v->evaluation_id, n_elements, n_elements == 1 ? "" : "s");
	else
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/audit/%D\">The audit</a>: the six principles",
		      r->org, v->audit_id);
	htmlf(&r->out, "</dd></div>");
	summary_row_text(r, "Wording", strcmp(v->wording, VIEWS_WORDING_EASY) ? "Standard (the source's words)"
									       : "Easy read (copro's wording)");
	summary_row_text(r, "Language", language_words(r, v->language));
	summary_row_text(r, "Opens", date_words(r, v->opens_on));
	summary_row_text(r, "Closes", v->closes_on ? date_words(r, v->closes_on) : "When a lead closes it");
	summary_row_text(r, "Most answers a link takes", arena_printf(&r->mem, "%d", v->answer_cap));
	summary_row_text(r, "Opened by", *v->created_by_name ? v->created_by_name : "copro");
	htmlf(&r->out, "</dl>");
}

static void links_table(request *r, const views_page *pg)
{
	table_scroll_open(r, "Links");
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Links</caption>"
		       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		       "<th scope=\"col\" class=\"govuk-table__header\">Group</th>"
		       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Answers sent</th>"
		       "<th scope=\"col\" class=\"govuk-table__header\">Link</th></tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < pg->links.n; i++) {
		const view_link_row *l = &pg->links.items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">%t</th>"
			       "<td class=\"govuk-table__cell govuk-table__cell--numeric\">%D</td><td class=\"govuk-table__cell\">%t",
		      views_group_title(l), l->submitted,
		      l->replaced_at ? arena_printf(&r->mem, "Replaced %s. ", time_words(r, l->replaced_at)) : "");
		if (r->access >= ACCESS_LEAD) {
			htmlf(&r->out, "<form method=\"post\" action=\"%a\" class=\"copro-inline-form\">",
			      views_url(r, pg->round.id, arena_printf(&r->mem, "/link/%lld/replace", (long long)l->id)));
			form_csrf(r);
			htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0\""
				       " data-module=\"govuk-button\">Replace this link<span class=\"govuk-visually-hidden\"> (%t)</span></button></form>",
			      views_group_title(l));
		}
		htmlf(&r->out, "</td></tr>");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void round_actions(request *r, const views_page *pg)
{
	htmlf(&r->out, "<ul class=\"govuk-list\"><li><a class=\"govuk-link\" href=\"%a\">Results</a></li>",
	      views_url(r, pg->round.id, "/results"));
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a\">Review comments</a></li>",
		      views_url(r, pg->round.id, "/comments"));
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a\">The paper form, to print</a></li>"
			       "<li><a class=\"govuk-link\" href=\"%a\">Type in a paper form</a></li>",
		      views_url(r, pg->round.id, "/paper"), views_url(r, pg->round.id, "/paper/new"));
	htmlf(&r->out, "</ul>");
	if (r->access < ACCESS_LEAD)
		return;
	const char *what = pg->round.closed ? "reopen" : "close";
	htmlf(&r->out, "<form method=\"post\" action=\"%a\">", views_url(r, pg->round.id, arena_printf(&r->mem, "/%s", what)));
	form_csrf(r);
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">%t</button></form>",
	      pg->round.closed ? "Reopen the round" : "Close the round");
}

/* Easy read is copro's wording, not the source's: said to staff, with the
 * statements that have none (their partners read the source's words). */
static void easy_read_note(request *r, const views_page *pg, const view_element_list *elements)
{
	framework *fw = views_framework(&r->d, &pg->round, &r->e);
	const char *missing = "";
	for (size_t i = 0; fw && i < elements->n; i++) {
		const view_element_row *row = &elements->items[i];
		const fw_element *el = framework_element(fw, row->element_key);
		bool has = (row->easy_read && *row->easy_read) || (el && el->easy_read) ||
			   (el && views_is_audit(&pg->round) && el->section && el->section->easy_read);
		if (!has)
			missing = arena_printf(&r->mem, "%s%s%s", missing, *missing ? ", " : "", row->element_key);
	}
	htmlf(&r->out, "<div class=\"govuk-inset-text\"><p class=\"govuk-body\">Partners read copro's own easy-read wording of each "
		       "statement, in larger text. It is copro's, not the source's: check it says what you mean.</p>");
	if (*missing)
		htmlf(&r->out, "<p class=\"govuk-body\">These have no easy-read text, so partners read the source's words: %t.</p>",
		      missing);
	if (r->access >= ACCESS_LEAD)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"%a\">Change the wording for this round</a></p>",
		      views_url(r, pg->round.id, "/easy-read"));
	htmlf(&r->out, "</div>");
}

/* ROUTE: GET /org/{org}/views/{round} (viewer) */
static int page_views_round(request *r)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	if (rc)
		return rc;
	view_element_list elements;
	if (views_elements(&r->d, pg.round.id, &elements, &r->e) < 0)
		return page_error(r, &r->e);
	page_begin(r, pg.round.title);
	htmlf(&r->out, "<a href=\"/org/%D/views\" class=\"govuk-back-link\">Partners' views</a>"
		       "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">%t</h1>",
	      r->org, pg.org.name, pg.round.title);
	const char *done = query_get(r, "done");
	if (done && (!strcmp(done, "closed") || !strcmp(done, "reopened")))
		notice_success(r, !strcmp(done, "closed") ? "The round is closed: its links take no more answers."
							  : "The round is open again.");
	round_summary(r, &pg, elements.n);
	if (!strcmp(pg.round.wording, VIEWS_WORDING_EASY))
		easy_read_note(r, &pg, &elements);
	links_table(r, &pg);
	round_actions(r, &pg);
	page_end(r);
	return 200;
}

static int close_or_reopen(request *r, bool close)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	if (rc)
		return rc;
	if ((close ? views_close : views_reopen)(&r->d, &r->sess.user, pg.round.id, &r->e) < 0)
		return views_refused(r, &r->e);
	return web_redirect(r, views_url(r, pg.round.id, close ? "?done=closed" : "?done=reopened"));
}

/* ROUTE: POST /org/{org}/views/{round}/close (lead) */
static int page_views_close(request *r)
{
	return close_or_reopen(r, true);
}

/* ROUTE: POST /org/{org}/views/{round}/reopen (lead) */
static int page_views_reopen(request *r)
{
	return close_or_reopen(r, false);
}

/* ROUTE: POST /org/{org}/views/{round}/link/{link}/replace (lead) */
static int page_views_replace(request *r)
{
	views_page pg;
	int rc = views_page_load(r, &pg);
	if (rc)
		return rc;
	const view_link_row *l = views_page_link(r, &pg);
	if (!l)
		return 404;
	view_new_link fresh;
	if (views_link_replace(&r->d, &r->sess.user, pg.round.id, l->id, &fresh, &r->e) < 0)
		return views_refused(r, &r->e);
	page_begin(r, "The new link");
	views_heading(r, &pg, "The new link");
	htmlf(&r->out, "<p class=\"govuk-body\">The old link for %t no longer works. Answers already sent through it are kept.</p>",
	      views_group_title(l));
	views_new_links(r, pg.round.id, &fresh, 1);
	page_end(r);
	return 200;
}

const route views_routes[] = {
	{"GET", "/org/{org}/views", page_views, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/views/new", page_views_new, 0, ACCESS_LEAD},
	{"POST", "/org/{org}/views", page_views_open, ROUTE_POST, ACCESS_LEAD},
	{"GET", "/org/{org}/views/{round}", page_views_round, 0, ACCESS_VIEW},
	{"POST", "/org/{org}/views/{round}/close", page_views_close, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/reopen", page_views_reopen, ROUTE_POST, ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/link/{link}/replace", page_views_replace, ROUTE_POST, ACCESS_LEAD},
	{0},
};
