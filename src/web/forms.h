/* forms.h: GOV.UK form components, with the error summary and inline
 * messages a refused form shows, and the user's input kept. */
#ifndef COPRO_WEB_FORMS_H
#define COPRO_WEB_FORMS_H

#include "web/web.h"

/* One problem with one field; `field` is the input's id. */
typedef struct field_error {
	const char *field, *message;
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
/* The three partner-group checkboxes, from a flags value. */
void form_partner_groups(request *r, const char *name, const char *legend, int groups,
			 const form_errors *fe);
/* Reads those checkboxes back into flags. */
int form_groups_value(const request *r, const char *name);

#endif
