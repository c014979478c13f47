/* forms.h: GOV.UK form components, with the error summary and inline
 * messages a refused form shows, and the user's input kept. */
#ifndef COPRO_WEB_FORMS_H
#define COPRO_WEB_FORMS_H

#include "core/date.h"
#include "web/web.h"

/* One problem with one field; `field` is the input's id. */
typedef struct field_error {
	const char *field, *message;
	int date_parts;             /* a date's fields at fault (DATE_DAY ...); 0 otherwise */
} field_error;

typedef struct form_errors {
	field_error items[16];
	size_t n;
} form_errors;

void form_error_add(form_errors *fe, const char *field, const char *message);
const char *form_error_for(const form_errors *fe, const char *field);

/* The summary box at the top of the page, linking to each field. */
void form_error_summary(request *r, const form_errors *fe);

typedef struct input_opts {
	const char *type;           /* "text" (default), "email", "password", "date", "url" */
	const char *hint;
	const char *autocomplete;
	const char *width;          /* a govuk-input--width-N class suffix, e.g. "20" */
	bool label_is_heading;
} input_opts;

void form_input(request *r, const char *name, const char *label, const char *value,
		const form_errors *fe, const input_opts *o);
void form_textarea(request *r, const char *name, const char *label, const char *value,
		   const char *hint, const form_errors *fe);
/* Radios: `options` alternates value, label; NULL-terminated. */
void form_radios(request *r, const char *name, const char *legend, const char *const *options,
		 const char *selected, const char *hint, const form_errors *fe);
/* Checkboxes: `options` alternates value, label; `checked` tells which are on. */
void form_checkboxes(request *r, const char *name, const char *legend,
		     const char *const *options, const bool *checked, const char *hint,
		     const form_errors *fe);
void form_button(request *r, const char *text);
/* A posted field without the spaces and tabs around it; "" when absent. */
const char *form_trimmed(request *r, const char *name);
/* `s` without the spaces and tabs around it; NULL stays NULL. */
const char *text_trimmed(arena *a, const char *s);

/* The pieces of a form group a page lays out itself (a fieldset of its
 * own, a label with more in it): the group's <div>, red when `name` has
 * an error (answers that error, NULL if none); the "Error: ..." line
 * (nothing when msg is NULL); and the aria-describedby attribute for a
 * field's hint and error ("" when it has neither). */
const char *form_group_begin(request *r, const char *name, const form_errors *fe);
void form_error_message(request *r, const char *id, const char *msg);
const char *form_described_by(request *r, const char *id, const char *hint, const char *msg);

/* GOV.UK's file upload component for field `name` (one file), with its
 * label (a medium heading), hint and error; `accept` (NULL: none) is only
 * the browser's file picker's filter, never a check. */
void form_file_upload(request *r, const char *name, const char *label, const char *hint,
		      const char *accept, const form_errors *fe);

typedef struct select_opts {
	const char *hint;
	const char *hidden;         /* more label for screen readers only */
	bool bold;                  /* a govuk-label--s label */
} select_opts;

/* A select: its group, label, hint and error, then form_option for each
 * choice and form_select_end; or form_select for value, label pairs
 * (NULL-terminated), `chosen` selected. */
void form_select_begin(request *r, const char *name, const char *label, const form_errors *fe,
		       const select_opts *o);
void form_option(request *r, const char *value, const char *label, bool selected);
/* An option for record `id`, labelled "label (detail)" (detail NULL: the
 * label alone): written straight out, since a library's select can hold
 * hundreds. `chosen` is the form's value (NULL or "" when none). */
void form_option_id(request *r, int64_t id, const char *label, const char *detail,
		    const char *chosen);
void form_select_end(request *r);
void form_select(request *r, const char *name, const char *label, const char *const *options,
		 const char *chosen, const form_errors *fe, const select_opts *o);
/* The GOV.UK date input: a fieldset "legend" holding NAME-day,
 * NAME-month and NAME-year (the fieldset's id is NAME), filled with what
 * was posted when the form came back refused, else from `iso`
 * (YYYY-MM-DD or NULL); only the fields its error is about are red.
 * `hint` NULL: "For example, 31 1 2027". */
void form_date(request *r, const char *name, const char *legend, const char *iso,
	       const char *hint, const form_errors *fe);
/* The date posted in those fields as YYYY-MM-DD, NULL when left empty (an
 * optional date) or wrong; when wrong, the GOV.UK message is added to fe
 * on the first field at fault, so the summary's link lands there. */
const char *form_date_posted(request *r, const char *name, const date_rule *rule,
			     form_errors *fe);

/* Whether the form sent any of date NAME's three fields (a form that
 * leaves a date out keeps it as it is). */
bool form_date_sent(const request *r, const char *name);

/* The three partner-group checkboxes, from a flags value. */
void form_partner_groups(request *r, const char *name, const char *legend, int groups,
			 const form_errors *fe);
/* Reads those checkboxes back into flags. */
int form_groups_value(const request *r, const char *name);

#endif
