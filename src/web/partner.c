/* partner.c: the frame of partner pages (see partner.h). Nothing here
 * names copro's staff pages or loads anything from another origin; the
 * safeguarding sentence and the privacy link are on every page, errors
 * included, so a child who is worried always sees who to tell. */
#include <stdlib.h>
#include <string.h>

#include "web/i18n.h"
#include "web/partner.h"

const char *tr_fill(request *r, const char *text, const char *name, const char *value)
{
	const char *at = strstr(text, name);
	if (!at)
		return text;
	return arena_printf(&r->mem, "%.*s%s%s", (int)(at - text), text, value ? value : "",
			    at + strlen(name));
}

const char *partner_lang(request *r, const char *link_lang)
{
	const char *want = query_get(r, "lang");
	return i18n_pick(r, want && lang_find(want) ? want : link_lang);
}

/* Every language a partner may read in (test pseudo-locales only when the
 * page is in one), the one being read marked; its own name in itself,
 * the others' in the reader's language. */
static void language_switch(request *r, const partner_frame *p)
{
	size_t n;
	const lang_info *all = lang_list(&n);
	const lang_info *here = lang_find(r->lang);
	size_t shown = here && here->pseudo;
	for (size_t i = 0; i < n; i++)
		shown += !all[i].pseudo;
	if (shown < 2 || p->kept)
		return;
	htmlf(&r->out, "<nav class=\"copro-partner-languages\" aria-label=\"%a\"><ul class=\"govuk-list\">",
	      tr(r, "Language"));
	for (size_t i = 0; i < n; i++) {
		const lang_info *l = &all[i];
		if (l->pseudo && l != here)
			continue;
		if (l == here || !p->base)
			htmlf(&r->out, "<li><span aria-current=\"true\">%t</span></li>", l == here ? l->name : tr(r, l->name));
		else
			htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"%a?lang=%u\" hreflang=\"%a\">%t</a></li>",
			      r->path, l->tag, l->tag, tr(r, l->name));
	}
	htmlf(&r->out, "</ul></nav>");
}

void partner_page_begin(request *r, const partner_frame *p, const char *title)
{
	const char *org = p->org_name ? p->org_name : tr(r, "Giving your views");
	htmlf(&r->out,
	      "<!DOCTYPE html>\n<html lang=\"%a\" dir=\"%a\" class=\"govuk-template copro-partner-page\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n<title>%t - %t</title>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n"
	      "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
	      "<link rel=\"stylesheet\" href=\"/assets/copro.css\">\n"
	      "<script type=\"module\" src=\"/assets/copro.js\"></script>\n"
	      "</head>\n<body class=\"govuk-template__body copro-partner%R\">\n"
	      "<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">%t</a>\n"
	      "<header class=\"copro-partner-header\"><div class=\"govuk-width-container\">"
	      "<p class=\"copro-partner-header__name\">%t</p>",
	      r->lang, i18n_dir(r), title, org, p->easy_read ? " copro-easy-read" : "",
	      tr(r, "Skip to main content"), org);
	language_switch(r, p);
	htmlf(&r->out, "</div></header>\n<div class=\"govuk-width-container\">\n"
		       "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
}

void partner_page_end(request *r, const partner_frame *p)
{
	const char *who = p->safeguarding && *p->safeguarding ? p->safeguarding : NULL;
	const char *sentence = who
		? tr_fill(r, tr(r, "If you are worried about your safety or someone else's, tell {contact}."),
			  "{contact}", who)
		: tr(r, "If you are worried about your safety or someone else's, tell a member of staff you trust.");
	htmlf(&r->out, "<div class=\"govuk-inset-text copro-safeguarding\" id=\"safeguarding\"><p class=\"govuk-body\">%t</p>"
		       "<p class=\"govuk-body\">%t</p></div>",
	      sentence, tr(r, "If someone is in danger now, call 999."));
	htmlf(&r->out, "</main>\n</div>\n<footer class=\"govuk-footer\"><div class=\"govuk-width-container\">"
		       "<div class=\"govuk-footer__meta\"><div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">");
	if (p->base)
		htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-footer__link\" href=\"%a/privacy?lang=%u\">%t</a></p>",
		      p->base, r->lang, tr(r, "How we use your answers (privacy)"));
	page_footer_links(r, false);
	htmlf(&r->out, "<p class=\"govuk-body-s\">%t</p></div></div></div></footer>\n</body>\n</html>\n",
	      tr(r, "We do not ask for your name."));
}

/* An error page's start, the page before it dropped. */
static void error_begin(request *r, const partner_frame *p, int status, const char *title,
			const char *message)
{
	r->out.len = 0;
	r->file_path = NULL;
	r->content_type = NULL;
	r->location = NULL;
	r->status = status;
	partner_page_begin(r, p, title);
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		       "<h1 class=\"govuk-heading-l\">%t</h1><p class=\"govuk-body-l\">%t</p>",
	      title, message);
}

int partner_error_page(request *r, const partner_frame *p, int status, const char *title,
		       const char *message)
{
	/* Every partner 503 is a busy one: it says when to come back, as
	 * every busy answer of copro's. */
	if (status == 503)
		r->retry_after = WEB_BUSY_RETRY_SECONDS;
	error_begin(r, p, status, title, message);
	htmlf(&r->out, "</div></div>");
	partner_page_end(r, p);
	return status;
}

const char *partner_base(request *r)
{
	if (strncmp(r->path, "/v/", 3))
		return NULL;
	return arena_printf(&r->mem, "/v/%.*s", (int)strcspn(r->path + 3, "/?"), r->path + 3);
}

/* The link the answer was sent to, read again now the change has lost:
 * the frame (the organisation, who to tell, the link's language) and the
 * round's answers in words. False when it cannot be read now: the page
 * then makes do with the address. */
static bool kept_link(request *r, partner_frame *p, view_visit *v)
{
	p->base = partner_base(r);
	if (!p->base)
		return false;
	const char *token = p->base + 3;
	enum view_link_status status;
	err e = {0};
	if (views_link_open(&r->d, token, v, &status, &e) < 0 || status == VIEW_LINK_UNKNOWN)
		return false;
	p->org_name = v->organisation;
	p->safeguarding = v->safeguarding_contact;
	p->link_lang = v->round.language;
	p->easy_read = !strcmp(v->round.wording, VIEWS_WORDING_EASY);
	return true;
}

/* The rating sent, when it is one of the round's answers. */
static int kept_rating(const view_round_row *round, const char *value)
{
	char *end;
	long v = value && *value ? strtol(value, &end, 10) : -1;
	if (!round || v < 0 || *end || v > 4 || !views_rating_words(round, (int)v))
		return VIEW_NO_RATING;
	return (int)v;
}

static const char *kept_label(request *r, const char *name)
{
	if (!strcmp(name, "good"))
		return tr(r, "What is good?");
	if (!strcmp(name, "better"))
		return tr(r, "What could be better?");
	return NULL;
}

/* Every field as it was sent, the form token among them: what the partner
 * chose or wrote shown as on the answer form, the rest hidden. Returns
 * how many were shown. */
static int kept_fields(request *r, const view_round_row *round, bool draw)
{
	int shown = 0;
	for (size_t i = 0; i < r->n_fields; i++) {
		const char *name = r->fields[i].name, *value = r->fields[i].value ? r->fields[i].value : "";
		int rating = !strcmp(name, "rating") ? kept_rating(round, value) : VIEW_NO_RATING;
		const char *label = kept_label(r, name);
		shown += rating != VIEW_NO_RATING || label;
		if (!draw)
			continue;
		if (rating != VIEW_NO_RATING) {
			htmlf(&r->out, "<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\">"
				       "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">%t</legend>",
			      tr(r, "Your answer"));
			partner_rating_radios(r, round, rating);
			htmlf(&r->out, "</fieldset></div>");
		} else if (label) {
			partner_comment_box(r, name, label, value, NULL);
		} else {
			htmlf(&r->out, "<input type=\"hidden\" name=\"%a\" value=\"%a\">", name, value);
		}
	}
	return shown;
}

/* The form goes back to the address it came from (no action: the page's
 * own, its language included), with every field as it was sent. */
void partner_not_saved(request *r, bool busy)
{
	partner_frame p = {.kept = true};
	view_visit v;
	bool known = kept_link(r, &p, &v);
	partner_lang(r, known ? v.round.language : r->lang);
	const view_round_row *round = known ? &v.round : NULL;
	if (busy)
		error_begin(r, &p, 503, tr(r, "Sorry, we are busy"),
			    tr(r, "Your answer is not saved yet. Wait a few seconds, then press Send again. What you wrote is kept."));
	else
		error_begin(r, &p, 503, tr(r, "Sorry, something went wrong"),
			    tr(r, "Your answer is not saved yet. Please try again later. What you wrote is kept."));
	r->retry_after = busy ? WEB_BUSY_RETRY_SECONDS : 0;
	if (kept_fields(r, round, false))
		htmlf(&r->out, "<p class=\"govuk-body\">%t</p>",
		      tr(r, "Here it is. You can change it before you press Send again."));
	htmlf(&r->out, "<form method=\"post\" novalidate>");
	kept_fields(r, round, true);
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">%t</button>"
		       "</form></div></div>",
	      tr(r, "Send again"));
	partner_page_end(r, &p);
}
