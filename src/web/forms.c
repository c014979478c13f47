/* forms.c: GOV.UK form components. Every label, hint, value and message
 * goes through htmlf(), so whatever a user typed comes back escaped. */
#include "web/forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void form_error_add(form_errors *fe, const char *field, const char *message)
{
	if (fe->n < sizeof fe->items / sizeof *fe->items)
		fe->items[fe->n++] = (field_error){.field = field, .message = message};
}

const char *form_error_for(const form_errors *fe, const char *field)
{
	for (size_t i = 0; fe && i < fe->n; i++)
		if (strcmp(fe->items[i].field, field) == 0)
			return fe->items[i].message;
	return NULL;
}

void form_error_summary(request *r, const form_errors *fe)
{
	if (!fe || !fe->n)
		return;
	r->error_summary = true;
	htmlf(&r->out,
	     "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">"
	     "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
	     "<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
	for (size_t i = 0; i < fe->n; i++)
		htmlf(&r->out, "<li><a href=\"#%a\">%t</a></li>", fe->items[i].field, fe->items[i].message);
	htmlf(&r->out, "</ul></div></div></div>");
}

void form_error_message(request *r, const char *id, const char *msg)
{
	if (msg)
		htmlf(&r->out,
		     "<p id=\"%a-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> %t</p>",
		     id, msg);
}

void form_file_upload(request *r, const char *name, const char *label, const char *hint_text,
		      const char *accept, const form_errors *fe)
{
	const char *msg = form_group_begin(r, name, fe);
	htmlf(&r->out, "<label class=\"govuk-label govuk-label--m\" for=\"%a\">%t</label>"
		       "<div id=\"%a-hint\" class=\"govuk-hint\">%t</div>", name, label, name, hint_text);
	form_error_message(r, name, msg);
	htmlf(&r->out, "<input class=\"govuk-file-upload%R\" id=\"%a\" name=\"%a\" type=\"file\"",
	      msg ? " govuk-file-upload--error" : "", name, name);
	if (accept)
		htmlf(&r->out, " accept=\"%a\"", accept);
	htmlf(&r->out, " aria-describedby=\"%a-hint%R%a%R\"></div>", name, msg ? " " : "",
	      msg ? name : "", msg ? "-error" : "");
}

static void hint(request *r, const char *id, const char *text)
{
	if (text)
		htmlf(&r->out, "<div id=\"%a-hint\" class=\"govuk-hint\">%t</div>", id, text);
}

/* Ids are names from copro's own code, so the attribute is built raw. */
const char *form_described_by(request *r, const char *id, const char *hint_text, const char *msg)
{
	if (!hint_text && !msg)
		return "";
	if (hint_text && msg)
		return arena_printf(&r->mem, " aria-describedby=\"%s-hint %s-error\"", id, id);
	return arena_printf(&r->mem, " aria-describedby=\"%s-%s\"", id, hint_text ? "hint" : "error");
}

void form_input(request *r, const char *name, const char *label, const char *value,
		const form_errors *fe, const input_opts *o)
{
	input_opts none = {0};
	if (!o)
		o = &none;
	const char *msg = form_error_for(fe, name);
	htmlf(&r->out, "<div class=\"govuk-form-group%R\">", msg ? " govuk-form-group--error" : "");
	if (o->label_is_heading)
		htmlf(&r->out, "<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"%a\">%t</label></h1>",
		     name, label);
	else
		htmlf(&r->out, "<label class=\"govuk-label\" for=\"%a\">%t</label>", name, label);
	hint(r, name, o->hint);
	form_error_message(r, name, msg);
	/* The id and name come from copro's own code, never from users. */
	htmlf(&r->out, "<input class=\"govuk-input%R%R%R\" id=\"%a\" name=\"%a\" type=\"%a\" value=\"%a\"%R",
	     o->width ? " govuk-input--width-" : "", o->width ? o->width : "",
	     msg ? " govuk-input--error" : "", name, name, o->type ? o->type : "text",
	     value ? value : "", form_described_by(r, name, o->hint, msg));
	if (o->autocomplete)
		htmlf(&r->out, " autocomplete=\"%a\"", o->autocomplete);
	if (o->type && !strcmp(o->type, "password"))
		htmlf(&r->out, " spellcheck=\"false\"");
	htmlf(&r->out, "></div>");
}

void form_textarea(request *r, const char *name, const char *label, const char *value,
		   const char *hint_text, const form_errors *fe)
{
	const char *msg = form_error_for(fe, name);
	htmlf(&r->out, "<div class=\"govuk-form-group%R\"><label class=\"govuk-label govuk-label--s\" for=\"%a\">%t</label>",
	     msg ? " govuk-form-group--error" : "", name, label);
	hint(r, name, hint_text);
	form_error_message(r, name, msg);
	htmlf(&r->out, "<textarea class=\"govuk-textarea%R\" id=\"%a\" name=\"%a\" rows=\"4\"%R>%t</textarea></div>",
	     msg ? " govuk-textarea--error" : "", name, name, form_described_by(r, name, hint_text, msg),
	     value ? value : "");
}

static void fieldset_begin(request *r, const char *name, const char *legend, const char *hint_text,
			   const char *msg)
{
	htmlf(&r->out, "<div class=\"govuk-form-group%R\"><fieldset class=\"govuk-fieldset\"%R>"
		      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">%t</legend>",
	     msg ? " govuk-form-group--error" : "", form_described_by(r, name, hint_text, msg), legend);
	hint(r, name, hint_text);
	form_error_message(r, name, msg);
}

/* Radios (one `selected`) or checkboxes (`checked` per option); the first
 * carries the field's id, so the error summary's link lands on it. */
static void choices(request *r, const char *name, const char *legend, const char *hint_text,
		    const form_errors *fe, bool radios, const char *const *options,
		    const char *selected, const bool *checked)
{
	const char *kind = radios ? "radios" : "checkboxes";
	const char *msg = form_error_for(fe, name);
	fieldset_begin(r, name, legend, hint_text, msg);
	htmlf(&r->out, "<div class=\"govuk-%R\" data-module=\"govuk-%R\">", kind, kind);
	for (size_t i = 0; options[i]; i += 2) {
		const char *id = i == 0 ? name : arena_printf(&r->mem, "%s-%zu", name, i / 2 + 1);
		bool on = radios ? selected && !strcmp(selected, options[i]) : checked && checked[i / 2];
		htmlf(&r->out, "<div class=\"govuk-%R__item\"><input class=\"govuk-%R__input\" id=\"%a\" name=\"%a\" type=\"%R\" value=\"%a\"%R>"
			      "<label class=\"govuk-label govuk-%R__label\" for=\"%a\">%t</label></div>",
		     kind, kind, id, name, radios ? "radio" : "checkbox", options[i], on ? " checked" : "",
		     kind, id, options[i + 1]);
	}
	htmlf(&r->out, "</div></fieldset></div>");
}

void form_radios(request *r, const char *name, const char *legend, const char *const *options,
		 const char *selected, const char *hint_text, const form_errors *fe)
{
	choices(r, name, legend, hint_text, fe, true, options, selected, NULL);
}

void form_checkboxes(request *r, const char *name, const char *legend,
		     const char *const *options, const bool *checked, const char *hint_text,
		     const form_errors *fe)
{
	choices(r, name, legend, hint_text, fe, false, options, NULL, checked);
}

void form_button(request *r, const char *text)
{
	htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">%t</button>", text);
}

void form_partner_groups(request *r, const char *name, const char *legend, int groups,
			 const form_errors *fe)
{
	static const char *const options[] = {
		"children-and-young-people", "Children and young people",
		"parent-carers", "Parent carers",
		"practitioners", "Practitioners (including leaders and governors)", NULL};
	bool checked[3];
	for (int i = 0; i < 3; i++)
		checked[i] = (groups & group_flags[i]) != 0;
	form_checkboxes(r, name, legend, options, checked, "Select all that took part.", fe);
}

int form_groups_value(const request *r, const char *name)
{
	int groups = 0;
	for (const char **v = form_get_all(r, name); *v; v++)
		for (int i = 0; i < 3; i++)
			if (!strcmp(*v, group_names[i]))
				groups |= group_flags[i];
	return groups;
}

const char *text_trimmed(arena *a, const char *s)
{
	if (!s)
		return NULL;
	s += strspn(s, " \t");
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

const char *form_trimmed(request *r, const char *name)
{
	const char *v = form_get(r, name);
	return v ? text_trimmed(&r->mem, v) : "";
}

const char *form_group_begin(request *r, const char *name, const form_errors *fe)
{
	const char *msg = form_error_for(fe, name);
	htmlf(&r->out, "<div class=\"govuk-form-group%R\">", msg ? " govuk-form-group--error" : "");
	return msg;
}

void form_select_begin(request *r, const char *name, const char *label, const form_errors *fe,
		       const select_opts *o)
{
	select_opts none = {0};
	if (!o)
		o = &none;
	const char *msg = form_group_begin(r, name, fe);
	htmlf(&r->out, "<label class=\"govuk-label%R\" for=\"%a\">%t", o->bold ? " govuk-label--s" : "",
	     name, label);
	if (o->hidden)
		htmlf(&r->out, "<span class=\"govuk-visually-hidden\">%t</span>", o->hidden);
	htmlf(&r->out, "</label>");
	hint(r, name, o->hint);
	form_error_message(r, name, msg);
	htmlf(&r->out, "<select class=\"govuk-select%R\" id=\"%a\" name=\"%a\"%R>",
	     msg ? " govuk-select--error" : "", name, name, form_described_by(r, name, o->hint, msg));
}

void form_option(request *r, const char *value, const char *label, bool selected)
{
	htmlf(&r->out, "<option value=\"%a\"%R>%t</option>", value, selected ? " selected" : "", label);
}

void form_option_id(request *r, int64_t id, const char *label, const char *detail,
		    const char *chosen)
{
	char *end = NULL;
	bool selected = chosen && *chosen && strtoll(chosen, &end, 10) == id && !*end;
	htmlf(&r->out, "<option value=\"%D\"%R>%t", id, selected ? " selected" : "", label);
	if (detail)
		htmlf(&r->out, " (%t)", detail);
	htmlf(&r->out, "</option>");
}

void form_select_end(request *r)
{
	htmlf(&r->out, "</select></div>");
}

void form_select(request *r, const char *name, const char *label, const char *const *options,
		 const char *chosen, const form_errors *fe, const select_opts *o)
{
	form_select_begin(r, name, label, fe, o);
	for (size_t i = 0; options[i]; i += 2)
		form_option(r, options[i], options[i + 1], chosen && !strcmp(chosen, options[i]));
	form_select_end(r);
}

/* The error of date NAME: it sits on whichever of its fields is first at
 * fault (or on NAME, for the whole date). */
static const field_error *date_error(request *r, const char *name, const form_errors *fe)
{
	static const char *const parts[] = {"day", "month", "year"};
	for (size_t i = 0; fe && i < fe->n; i++) {
		if (!strcmp(fe->items[i].field, name))
			return &fe->items[i];
		for (size_t k = 0; k < 3; k++)
			if (!strcmp(fe->items[i].field, arena_printf(&r->mem, "%s-%s", name, parts[k])))
				return &fe->items[i];
	}
	return NULL;
}

void form_date(request *r, const char *name, const char *legend, const char *iso,
	       const char *hint_text, const form_errors *fe)
{
	static const char *const parts[][3] = {{"day", "Day", "2"}, {"month", "Month", "2"},
					       {"year", "Year", "4"}};
	const field_error *fault = date_error(r, name, fe);
	const char *msg = fault ? fault->message : NULL, *value[3];
	if (!hint_text)
		hint_text = "For example, 31 1 2027";
	bool posted = form_date_sent(r, name);
	if (!posted)
		date_fields(&r->mem, iso, value);
	htmlf(&r->out, "<div class=\"govuk-form-group%R\"><fieldset class=\"govuk-fieldset\" role=\"group\"%R>"
		      "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">%t</legend>",
	     msg ? " govuk-form-group--error" : "", form_described_by(r, name, hint_text, msg), legend);
	hint(r, name, hint_text);
	form_error_message(r, name, msg);
	htmlf(&r->out, "<div class=\"govuk-date-input\" id=\"%a\">", name);
	for (int i = 0; i < 3; i++) {
		const char *id = arena_printf(&r->mem, "%s-%s", name, parts[i][0]);
		bool red = fault && (fault->date_parts ? fault->date_parts : DATE_WHOLE) & (1 << i);
		const char *v = posted ? form_get(r, id) : value[i];
		htmlf(&r->out, "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
			      "<label class=\"govuk-label govuk-date-input__label\" for=\"%a\">%t</label>"
			      "<input class=\"govuk-input govuk-date-input__input govuk-input--width-%a%R\" id=\"%a\" name=\"%a\" type=\"text\" inputmode=\"numeric\" value=\"%a\">"
			      "</div></div>",
		     id, parts[i][1], parts[i][2], red ? " govuk-input--error" : "", id, id, v ? v : "");
	}
	htmlf(&r->out, "</div></fieldset></div>");
}

bool form_date_sent(const request *r, const char *name)
{
	static const char *const parts[] = {"day", "month", "year"};
	char field[96];
	for (int i = 0; i < 3; i++) {
		snprintf(field, sizeof field, "%s-%s", name, parts[i]);
		if (form_get(r, field))
			return true;
	}
	return false;
}

const char *form_date_posted(request *r, const char *name, const date_rule *rule,
			     form_errors *fe)
{
	const char *f[3];
	static const char *const parts[] = {"day", "month", "year"};
	for (int i = 0; i < 3; i++)
		f[i] = form_get(r, arena_printf(&r->mem, "%s-%s", name, parts[i]));
	date_entry d;
	if (date_from_fields(&r->mem, f[0], f[1], f[2], rule, &d) == 0)
		return d.iso;
	int first = d.wrong & DATE_DAY ? 0 : d.wrong & DATE_MONTH ? 1 : 2;
	if (fe->n < sizeof fe->items / sizeof *fe->items)
		fe->items[fe->n++] = (field_error){arena_printf(&r->mem, "%s-%s", name, parts[first]),
						   d.message, d.wrong};
	return NULL;
}
