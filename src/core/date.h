/* date.h: a date typed as day, month and year (the GOV.UK date input)
 * turned into YYYY-MM-DD, with the GOV.UK message when it cannot be. */
#ifndef COPRO_DATE_H
#define COPRO_DATE_H

#include <stdbool.h>

#include "core/arena.h"

/* Which of the three fields a message is about: the ones to mark red. */
enum { DATE_DAY = 1, DATE_MONTH = 2, DATE_YEAR = 4, DATE_WHOLE = 7 };

/* When the date may fall, counted from today (COPRO_NOW honoured). */
typedef enum date_when { DATE_ANY, DATE_PAST, DATE_FUTURE } date_when;

typedef struct date_rule {
	const char *what;      /* how messages name it: "the due date" */
	bool required;         /* nothing typed is an error, not "no date" */
	date_when when;        /* DATE_PAST: today or before; DATE_FUTURE: today or after */
} date_rule;

typedef struct date_entry {
	const char *iso;       /* "2027-01-31"; NULL when left empty or wrong */
	const char *message;   /* "The due date must include a month"; NULL when fine */
	int wrong;             /* DATE_DAY | DATE_MONTH | DATE_YEAR: the fields at fault */
} date_entry;

/* Reads what was typed in the day, month and year fields (NULL counts as
 * empty; spaces around are ignored; a month may be a name, "jan" or
 * "January"). 0 with out->iso set (NULL when optional and empty), or -1
 * with out->message and out->wrong saying what is wrong, in the arena. */
int date_from_fields(arena *a, const char *day, const char *month, const char *year,
		     const date_rule *rule, date_entry *out);

/* Splits "2027-01-31" into "31", "1", "2027" for the three fields (the
 * way people type them); anything that is not a date gives three "". */
void date_fields(arena *a, const char *iso, const char *out[3]);

#endif
