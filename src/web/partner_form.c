/* partner_form.c: the answer form's pieces a partner sees on two pages:
 * the questions (pages/partner_answer.c), and the page of an answer the
 * database did not save (partner.c), which shows what they sent in the
 * same form, for them to see and change before they send it again. */
#include "web/i18n.h"
#include "web/partner.h"

static void rating_radio(request *r, const char *id, int value, const char *words, bool checked)
{
	if (checked)
		htmlf(&r->out, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"%a\" name=\"rating\""
			       " type=\"radio\" value=\"%d\" checked><label class=\"govuk-label govuk-radios__label\" for=\"%a\">%t</label></div>",
		      id, value, id, words);
	else
		htmlf(&r->out, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"%a\" name=\"rating\""
			       " type=\"radio\" value=\"%d\"><label class=\"govuk-label govuk-radios__label\" for=\"%a\">%t</label></div>",
		      id, value, id, words);
}

void partner_rating_radios(request *r, const view_round_row *round, int chosen)
{
	const view_rating *scale;
	size_t n;
	views_scale(round, &scale, &n);
	htmlf(&r->out, "<div class=\"govuk-radios\" data-module=\"govuk-radios\">");
	for (size_t i = 0; i < n; i++) {
		if (scale[i].value == 0)
			htmlf(&r->out, "<div class=\"govuk-radios__divider\">%t</div>", tr(r, "or"));
		const char *id = i ? arena_printf(&r->mem, "rating-%zu", i + 1) : "rating";
		rating_radio(r, id, scale[i].value, tr(r, scale[i].words), scale[i].value == chosen);
	}
	htmlf(&r->out, "</div>");
}

/* GOV.UK's character count: the hint says the limit, so it works without
 * JavaScript (the server checks it); with JavaScript its count, in the
 * reader's language. */
void partner_comment_box(request *r, const char *name, const char *label, const char *value,
			 const char *error)
{
	htmlf(&r->out, "<div class=\"govuk-form-group govuk-character-count%t\" data-module=\"govuk-character-count\""
		       " data-maxlength=\"%d\" data-i18n.characters-under-limit.one=\"%a\""
		       " data-i18n.characters-under-limit.other=\"%a\" data-i18n.characters-at-limit=\"%a\""
		       " data-i18n.characters-over-limit.one=\"%a\" data-i18n.characters-over-limit.other=\"%a\""
		       " data-i18n.textarea-description.other=\"%a\">"
		       "<h2 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--m\" for=\"%a\">%t</label></h2>"
		       "<div class=\"govuk-hint\" id=\"%a-hint\">%t</div>",
	      error ? " govuk-form-group--error" : "", VIEWS_TEXT_MAX,
	      tr(r, "You have %{count} character remaining"), tr(r, "You have %{count} characters remaining"),
	      tr(r, "You have 0 characters remaining"), tr(r, "You have %{count} character too many"),
	      tr(r, "You have %{count} characters too many"), tr(r, "You can write up to %{count} characters"),
	      name, label, name, tr(r, "You do not have to write anything. You can write up to 1,000 characters."));
	if (error)
		htmlf(&r->out, "<p id=\"%a-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">%t:</span> %t</p>",
		      name, tr(r, "Error"), error);
	htmlf(&r->out, "<textarea class=\"govuk-textarea govuk-js-character-count%t\" id=\"%a\" name=\"%a\" rows=\"5\""
		       " aria-describedby=\"%a-info %a-hint%t\">%t</textarea>"
		       "<div id=\"%a-info\" class=\"govuk-hint govuk-character-count__message\">%t</div></div>",
	      error ? " govuk-textarea--error" : "", name, name, name, name,
	      error ? arena_printf(&r->mem, " %s-error", name) : "", value ? value : "", name,
	      tr(r, "You can write up to 1,000 characters."));
}
