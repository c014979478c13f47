/* report_common.c: what the report builders share (report_internal.h). */
#include "core/text.h"
#include "domain/report_internal.h"

bool report_blank(const char *s)
{
	return !s || !*s;
}

const char *report_capital(arena *a, const char *s)
{
	char *c = arena_strdup(a, s ? s : "");
	if (c[0] >= 'a' && c[0] <= 'z')
		c[0] = (char)(c[0] - 'a' + 'A');
	return c;
}

const char *report_date(arena *a, const char *iso, const char *none)
{
	return report_blank(iso) ? none : date_in_words(a, iso);
}

const char *report_made_today(arena *a)
{
	char today[11];
	date_today(today);
	return arena_printf(a, "made %s", date_in_words(a, today));
}

void report_source_note(report_doc *doc, const framework *fw, const char *what, const char *org)
{
	const fw_source *s = &fw->source;
	const char *title = s->title ? s->title : fw->title;
	const char *when = s->edition ? s->edition : s->date;
	report_note(doc, arena_printf(doc->mem, "The %s are quoted from %s%s%s%s%s. Everything else is %s's own "
						"record, made with copro.",
				      what, title, when ? ", " : "", when ? when : "", s->publisher ? ", " : "",
				      s->publisher ? s->publisher : "", org));
}
