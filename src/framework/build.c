/* build.c: the typed model of an instrument (framework.h), built once from
 * its validated document so that nothing else walks the JSON. Validation
 * has checked every type, so a field is either the right kind or absent. */
#include "framework/framework.h"

#include <string.h>

static const char *jstr(const json_t *obj, const char *name)
{
	return json_string_value(json_object_get(obj, name));
}

/* Room for one item of `size` bytes per member of `list`, or NULL when the
 * list is empty or absent. */
static void *list_alloc(framework *fw, const json_t *list, size_t size, size_t *n_out)
{
	*n_out = json_array_size(list);
	return *n_out ? arena_array(&fw->mem, *n_out, size) : NULL;
}

/* The strings of a list of texts (promises, commitments, notes). */
static const char **build_texts(framework *fw, const json_t *list, size_t *n_out)
{
	const char **out = list_alloc(fw, list, sizeof *out, n_out);
	for (size_t i = 0; i < *n_out; i++)
		out[i] = json_string_value(json_array_get(list, i));
	return out;
}

/* Items whose wording is in `text_field` (may be NULL: items with none). */
static fw_item *build_items(framework *fw, const json_t *list, const char *text_field,
			    size_t *n_out)
{
	fw_item *items = list_alloc(fw, list, sizeof *items, n_out);
	for (size_t i = 0; i < *n_out; i++) {
		const json_t *it = json_array_get(list, i);
		items[i].key = jstr(it, "key");
		items[i].title = jstr(it, "title");
		items[i].text = text_field ? jstr(it, text_field) : NULL;
		items[i].gap = jstr(it, "gap");
		items[i].note = jstr(it, "note");
	}
	return items;
}

static size_t gaps_in(const fw_item *items, size_t n)
{
	size_t gaps = 0;
	for (size_t i = 0; i < n; i++)
		gaps += items[i].gap != NULL;
	return gaps;
}

static void build_element(framework *fw, const json_t *je, fw_element *el)
{
	el->key = jstr(je, "key");
	el->title = jstr(je, "title");
	el->description = jstr(je, "description");
	el->gap = jstr(je, "gap");
	el->note = jstr(je, "note");
	el->easy_read = jstr(je, "easy_read");
	el->indicators = build_items(fw, json_object_get(je, "indicators"), "text",
				     &el->n_indicators);
	el->levels = build_items(fw, json_object_get(je, "levels"), "descriptor", &el->n_levels);
	el->questions = build_items(fw, json_object_get(je, "questions"), "text",
				    &el->n_questions);
	fw->n_elements++;
	fw->n_indicators += el->n_indicators;
	fw->n_levels += el->n_levels;
	fw->n_questions += el->n_questions;
	fw->n_gaps += (el->gap != NULL) + gaps_in(el->indicators, el->n_indicators) +
		      gaps_in(el->levels, el->n_levels) + gaps_in(el->questions, el->n_questions);
}

static void build_measures(framework *fw, const json_t *list, fw_section *sec)
{
	sec->measures = list_alloc(fw, list, sizeof *sec->measures, &sec->n_measures);
	for (size_t i = 0; i < sec->n_measures; i++) {
		const json_t *jm = json_array_get(list, i);
		sec->measures[i] = (fw_measure){jstr(jm, "key"), jstr(jm, "text"), jstr(jm, "note"),
						jstr(jm, "gap"), sec};
	}
	fw->n_measures += sec->n_measures;
}

static void build_section(framework *fw, const json_t *js, fw_section *sec)
{
	const json_t *els = json_object_get(js, "elements");
	sec->key = jstr(js, "key");
	sec->title = jstr(js, "title");
	sec->promise = jstr(js, "promise");
	sec->description = jstr(js, "description");
	sec->gap = jstr(js, "gap");
	sec->easy_read = jstr(js, "easy_read");
	sec->note = jstr(js, "note");
	fw->n_gaps += sec->gap != NULL;
	sec->promises = build_texts(fw, json_object_get(js, "promises"), &sec->n_promises);
	sec->commitments = build_texts(fw, json_object_get(js, "commitments"),
				       &sec->n_commitments);
	fw->n_promises += sec->n_promises;
	fw->n_commitments += sec->n_commitments;
	sec->questions = build_items(fw, json_object_get(js, "questions"), "text",
				     &sec->n_questions);
	build_measures(fw, json_object_get(js, "measures"), sec);
	sec->n_elements = json_array_size(els);
	sec->elements = ARENA_ARRAY(&fw->mem, sec->n_elements, sec->elements);
	for (size_t e = 0; e < sec->n_elements; e++) {
		sec->elements[e].section = sec;
		build_element(fw, json_array_get(els, e), &sec->elements[e]);
	}
}

static fw_field *build_fields(framework *fw, const json_t *list, size_t *n_out)
{
	fw_field *out = list_alloc(fw, list, sizeof *out, n_out);
	for (size_t i = 0; i < *n_out; i++) {
		const json_t *jf = json_array_get(list, i);
		out[i] = (fw_field){jstr(jf, "key"), jstr(jf, "title"), jstr(jf, "type"),
				    jstr(jf, "group"), jstr(jf, "hint"), jstr(jf, "gap")};
	}
	return out;
}

static void build_exemplar(framework *fw, const json_t *jx, fw_exemplar *ex)
{
	const json_t *cells = json_object_get(jx, "cells");
	ex->section = jstr(jx, "section");
	ex->title = jstr(jx, "title");
	ex->links_to = jstr(jx, "links_to");
	ex->gap = jstr(jx, "gap");
	ex->n_cells = json_object_size(cells);
	if (!ex->n_cells)
		return;
	ex->cells = ARENA_ARRAY(&fw->mem, ex->n_cells, ex->cells);
	/* jansson keeps an object's keys in the order they were read. */
	size_t i = 0;
	const char *column;
	json_t *text;
	json_object_foreach((json_t *)cells, column, text)
		ex->cells[i++] = (fw_cell){column, json_string_value(text)};
}

static fw_exemplar *build_exemplars(framework *fw, const json_t *list, size_t *n_out)
{
	fw_exemplar *out = list_alloc(fw, list, sizeof *out, n_out);
	for (size_t i = 0; i < *n_out; i++)
		build_exemplar(fw, json_array_get(list, i), &out[i]);
	return out;
}

static void build_head(framework *fw, const json_t *doc)
{
	const json_t *terms = json_object_get(doc, "terms");
	const json_t *src = json_object_get(doc, "source");
	fw->id = jstr(doc, "id");
	fw->title = jstr(doc, "title");
	fw->kind = jstr(doc, "kind");
	fw->description = jstr(doc, "description");
	fw->based_on = jstr(doc, "based_on");
	fw->definitions = jstr(doc, "definitions");
	fw->guidance = jstr(doc, "guidance");
	fw->term_section = jstr(terms, "section") ? jstr(terms, "section") : "section";
	fw->term_element = jstr(terms, "element") ? jstr(terms, "element") : "element";
	fw->term_indicator = jstr(terms, "indicator") ? jstr(terms, "indicator") : "indicator";
	fw->label_promises = jstr(terms, "promises");
	fw->label_commitments = jstr(terms, "commitments");
	fw->source = (fw_source){jstr(src, "title"), jstr(src, "edition"), jstr(src, "publisher"),
				 jstr(src, "date"), jstr(src, "url"), jstr(src, "extract"),
				 jstr(src, "licence")};
	fw->notes = build_texts(fw, json_object_get(doc, "notes"), &fw->n_notes);
	fw->easy_read_note = jstr(doc, "easy_read_note");
}

void framework_build(framework *fw)
{
	const json_t *doc = fw->doc;
	const json_t *sections = json_object_get(doc, "sections");
	build_head(fw, doc);
	fw->n_sections = json_array_size(sections);
	fw->sections = ARENA_ARRAY(&fw->mem, fw->n_sections, fw->sections);
	for (size_t s = 0; s < fw->n_sections; s++)
		build_section(fw, json_array_get(sections, s), &fw->sections[s]);
	fw->fields = build_fields(fw, json_object_get(doc, "fields"), &fw->n_fields);
	fw->outcomes = build_items(fw, json_object_get(doc, "outcomes"), "descriptor",
				   &fw->n_outcomes);
	fw->columns = build_items(fw, json_object_get(doc, "columns"), "hint", &fw->n_columns);
	fw->aspects = build_items(fw, json_object_get(doc, "aspects"), "text", &fw->n_aspects);
	fw->headings = build_items(fw, json_object_get(doc, "headings"), "text",
				   &fw->n_headings);
	fw->exemplars = build_exemplars(fw, json_object_get(doc, "exemplars"), &fw->n_exemplars);
}
