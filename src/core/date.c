/* date.c: the GOV.UK date input's three fields read into YYYY-MM-DD, with
 * the design system's messages and the fields each message is about. */
#include "core/date.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

static const char *const month_names[] = {"january", "february", "march", "april", "may", "june",
					  "july", "august", "september", "october", "november",
					  "december"};

static const char *trim(arena *a, const char *s)
{
	if (!s)
		return "";
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

/* 1 to max from one or two digits, else 0. */
static int small_number(const char *s, int max)
{
	size_t n = strlen(s);
	if (n < 1 || n > 2 || strspn(s, "0123456789") != n)
		return 0;
	int v = atoi(s);
	return v <= max ? v : 0;
}

/* A month as a number, or as a name people type: "jan", "Sept", "March". */
static int month_number(const char *s)
{
	int m = small_number(s, 12);
	size_t n = strlen(s);
	if (m || n < 3)
		return m;
	for (int i = 0; i < 12; i++) {
		size_t k = 0;
		while (k < n && month_names[i][k] && tolower((unsigned char)s[k]) == month_names[i][k])
			k++;
		if (k == n)
			return i + 1;
	}
	return 0;
}

/* "The due date" from "the due date", for a message's first word. */
static const char *capital(arena *a, const char *what)
{
	char *s = arena_strdup(a, what);
	s[0] = (char)toupper((unsigned char)s[0]);
	return s;
}

static int refuse(arena *a, date_entry *out, int wrong, const char *what, const char *fmt)
{
	out->iso = NULL;
	out->wrong = wrong;
	out->message = arena_printf(a, fmt, what);
	return -1;
}

static int missing(arena *a, const date_rule *rule, int gone, date_entry *out)
{
	static const char *const parts[8] = {
		[DATE_DAY] = "a day", [DATE_MONTH] = "a month", [DATE_YEAR] = "a year",
		[DATE_DAY | DATE_MONTH] = "a day and month", [DATE_DAY | DATE_YEAR] = "a day and year",
		[DATE_MONTH | DATE_YEAR] = "a month and year"};
	const char *what = capital(a, rule->what);
	return refuse(a, out, gone, arena_printf(a, "%s must include %s", what, parts[gone]), "%s");
}

/* Today or before (DATE_PAST), today or after (DATE_FUTURE). */
static int check_when(arena *a, const date_rule *rule, date_entry *out)
{
	char today[11];
	date_today(today);
	int c = strcmp(out->iso, today);
	if (rule->when == DATE_PAST && c > 0)
		return refuse(a, out, DATE_WHOLE, capital(a, rule->what), "%s must be today or in the past");
	if (rule->when == DATE_FUTURE && c < 0)
		return refuse(a, out, DATE_WHOLE, capital(a, rule->what), "%s must be today or in the future");
	return 0;
}

int date_from_fields(arena *a, const char *day, const char *month, const char *year,
		     const date_rule *rule, date_entry *out)
{
	const char *d = trim(a, day), *m = trim(a, month), *y = trim(a, year);
	*out = (date_entry){0};
	int gone = (*d ? 0 : DATE_DAY) | (*m ? 0 : DATE_MONTH) | (*y ? 0 : DATE_YEAR);
	if (gone == DATE_WHOLE)
		return rule->required ? refuse(a, out, DATE_WHOLE, rule->what, "Enter %s") : 0;
	if (gone)
		return missing(a, rule, gone, out);
	int dn = small_number(d, 31), mn = month_number(m);
	bool four = strlen(y) == 4 && strspn(y, "0123456789") == 4;
	int bad = (dn ? 0 : DATE_DAY) | (mn ? 0 : DATE_MONTH) | (four ? 0 : DATE_YEAR);
	const char *what = capital(a, rule->what);
	if (bad == DATE_YEAR && strspn(y, "0123456789") == strlen(y))
		return refuse(a, out, DATE_YEAR, what, "%s must include a year with 4 numbers, for example 2027");
	if (bad)
		return refuse(a, out, bad, what, "%s must be a real date");
	out->iso = arena_printf(a, "%s-%02d-%02d", y, mn, dn);
	if (!date_valid(out->iso)) {
		/* 30 February: the day does not fit the month; 1850: the year. */
		int year_n = atoi(y);
		return refuse(a, out, year_n < 1900 || year_n > 2199 ? DATE_YEAR : DATE_DAY, what,
			      "%s must be a real date");
	}
	return check_when(a, rule, out);
}

void date_fields(arena *a, const char *iso, const char *out[3])
{
	out[0] = out[1] = out[2] = "";
	if (!iso || !date_valid(iso))
		return;
	out[0] = arena_printf(a, "%d", atoi(iso + 8));
	out[1] = arena_printf(a, "%d", atoi(iso + 5));
	out[2] = arena_strndup(a, iso, 4);
}
