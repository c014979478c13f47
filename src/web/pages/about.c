/* about.c: "About this tool": each installed instrument's own words from
 * its file (its introduction or "How to use", definitions and guidance),
 * what it holds, and the editor's notes on the transcription, folded, for
 * staff (/frameworks, /frameworks/{framework}). Partners never see these
 * pages: their notes are not partners' business. */
#include <string.h>

#include "web/pages/pages.h"

static const char *about_href(request *r, const framework *fw)
{
	return arena_printf(&r->mem, "/frameworks/%s", fw->id);
}

/* "4 cornerstones, 25 statements" */
static const char *holds(request *r, const framework *fw)
{
	const char *s = arena_printf(&r->mem, "%zu %s%s", fw->n_sections, fw->term_section,
				     fw->n_sections == 1 ? "" : "s");
	if (fw->n_elements)
		s = arena_printf(&r->mem, "%s, %zu %s%s", s, fw->n_elements, fw->term_element,
				 fw->n_elements == 1 ? "" : "s");
	if (fw->n_measures)
		s = arena_printf(&r->mem, "%s, %zu success measures", s, fw->n_measures);
	return s;
}

/* ROUTE: GET /frameworks (signed in) */
static int page_frameworks(request *r)
{
	const fw_registry *reg = r->d.frameworks;
	page_begin(r, "About the tools");
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">About the tools</h1>"
		      "<p class=\"govuk-body\">Each tool's own guidance, in its own words, and what copro holds of it.</p>"
		      "<ul class=\"govuk-list\">");
	for (size_t i = 0; reg && i < reg->n; i++) {
		const framework *fw = reg->items[i];
		htmlf(&r->out, "<li class=\"govuk-!-margin-bottom-4\"><a class=\"govuk-link govuk-!-font-weight-bold\" href=\"%a\">%t</a>"
			      "<p class=\"govuk-body-s govuk-!-margin-bottom-0\">%t</p></li>",
		     about_href(r, fw), fw->title, holds(r, fw));
	}
	htmlf(&r->out, "</ul>");
	page_end(r);
	return 200;
}

static void source_line(request *r, const framework *fw)
{
	const fw_source *s = &fw->source;
	const char *line = s->title;
	const char *parts[] = {s->edition, s->publisher, s->date};
	for (size_t i = 0; i < 3; i++)
		if (!text_blank(parts[i]))
			line = arena_printf(&r->mem, "%s; %s", line, parts[i]);
	htmlf(&r->out, "<p class=\"govuk-body\">Source: %t.</p>", line);
}

/* One part of the source's own words under its heading. */
static void source_part(request *r, const char *id, const char *heading, const char *text)
{
	if (text_blank(text))
		return;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"%a\">%t</h2>", id, heading);
	text_paragraphs(r, text, NULL);
}

static void what_it_holds(request *r, const framework *fw)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">What it holds</h2><ul class=\"govuk-list govuk-list--bullet\">");
	for (size_t s = 0; s < fw->n_sections; s++) {
		const fw_section *sec = &fw->sections[s];
		htmlf(&r->out, "<li>%t %t: %t", sentence(r, fw->term_section), sec->key, sec->title);
		if (sec->n_elements)
			htmlf(&r->out, " (%z %t%R)", sec->n_elements, fw->term_element,
			     sec->n_elements == 1 ? "" : "s");
		else if (sec->n_measures)
			htmlf(&r->out, " (%z success measures)", sec->n_measures);
		htmlf(&r->out, "</li>");
	}
	htmlf(&r->out, "</ul>");
}

/* A folded list, open to whoever wants the detail. */
static void folded_open(request *r, const char *summary)
{
	htmlf(&r->out, "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\">"
		      "<span class=\"govuk-details__summary-text\">%t</span></summary>"
		      "<div class=\"govuk-details__text\"><ul class=\"govuk-list\">", summary);
}

static void folded_close(request *r)
{
	htmlf(&r->out, "</ul></div></details>");
}

static void item_notes(request *r, const char *where, const fw_item *items, size_t n,
		       size_t *count)
{
	for (size_t i = 0; i < n; i++)
		if (!text_blank(items[i].note)) {
			htmlf(&r->out, "<li><strong>%t %t:</strong> %t</li>", where, items[i].key, items[i].note);
			(*count)++;
		}
}

/* The editor's notes on single texts: corrections ("Printed as ...") and
 * where a measure was placed. Answers how many there were. */
static size_t single_notes(request *r, const framework *fw)
{
	size_t count = 0;
	const char *sec_term = sentence(r, fw->term_section), *el_term = sentence(r, fw->term_element);
	for (size_t s = 0; s < fw->n_sections; s++) {
		const fw_section *sec = &fw->sections[s];
		if (!text_blank(sec->note) && ++count)
			htmlf(&r->out, "<li><strong>%t %t:</strong> %t</li>", sec_term, sec->key, sec->note);
		for (size_t m = 0; m < sec->n_measures; m++)
			if (!text_blank(sec->measures[m].note) && ++count)
				htmlf(&r->out, "<li><strong>Success measure %t:</strong> %t</li>",
				     sec->measures[m].key, sec->measures[m].note);
		for (size_t e = 0; e < sec->n_elements; e++) {
			const fw_element *el = &sec->elements[e];
			const char *where = arena_printf(&r->mem, "%s %s, %s", el_term, el->key,
							 fw->term_indicator);
			if (!text_blank(el->note) && ++count)
				htmlf(&r->out, "<li><strong>%t %t:</strong> %t</li>", el_term, el->key, el->note);
			item_notes(r, where, el->indicators, el->n_indicators, &count);
			item_notes(r, where, el->questions, el->n_questions, &count);
			item_notes(r, arena_printf(&r->mem, "%s %s, level", el_term, el->key), el->levels,
				   el->n_levels, &count);
		}
	}
	return count;
}

static void transcription_notes(request *r, const framework *fw)
{
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">About this transcription</h2>"
		      "<p class=\"govuk-body\">copro holds the tool as a data file typed from the source document. "
		      "The notes below are the editor's, not the source's.</p>");
	if (fw->n_gaps)
		htmlf(&r->out, "<p class=\"govuk-body\">Part of the source text is missing in %z place%R: "
			      "the pages say where, and what is missing.</p>",
		     fw->n_gaps, fw->n_gaps == 1 ? "" : "s");
	if (fw->n_notes) {
		folded_open(r, "How the tool was transcribed");
		for (size_t i = 0; i < fw->n_notes; i++)
			htmlf(&r->out, "<li>%t</li>", fw->notes[i]);
		folded_close(r);
	}
	size_t saved = r->out.len;
	folded_open(r, "Notes on single texts, and corrected typos");
	if (!single_notes(r, fw))
		r->out.len = saved;     /* nothing to fold: drop the empty list */
	else
		folded_close(r);
	if (fw->easy_read_note) {
		folded_open(r, "Easy read (copro's wording)");
		htmlf(&r->out, "<li>%t</li>", fw->easy_read_note);
		folded_close(r);
	}
}

/* ROUTE: GET /frameworks/{framework} (signed in) */
static int page_framework(request *r)
{
	const framework *fw = fw_registry_find(r->d.frameworks, param_named(r, "framework"));
	if (!fw)
		return page_not_found(r);
	page_begin(r, arena_printf(&r->mem, "About this tool: %s", fw->title));
	htmlf(&r->out, "<a href=\"/frameworks\" class=\"govuk-back-link\">About the tools</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		      "<span class=\"govuk-caption-l\">About this tool</span><h1 class=\"govuk-heading-l\">%t</h1>",
	     fw->title);
	source_line(r, fw);
	htmlf(&r->out, "<div class=\"govuk-inset-text\">The guidance below is the source's own wording, as transcribed.</div>");
	source_part(r, "how-to-use", "How to use it", fw->description);
	source_part(r, "definitions", "Definitions", fw->definitions);
	source_part(r, "guidance", "Guidance", fw->guidance);
	what_it_holds(r, fw);
	transcription_notes(r, fw);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return 200;
}

const route about_routes[] = {
	{"GET", "/frameworks", page_frameworks, 0, ACCESS_NONE},
	{"GET", "/frameworks/{framework}", page_framework, 0, ACCESS_NONE},
	{0},
};
