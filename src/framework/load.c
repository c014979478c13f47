/* load.c: reading an instrument file with jansson, validating it, and
 * building the structures the rest of copro walks. */
#include "framework/framework.h"

#include <sodium.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static void report_parse_error(fw_report *r, const json_error_t *je)
{
	/* A report may already hold other files' problems. */
	if (r->n >= FW_MAX_PROBLEMS) {
		r->dropped++;
		return;
	}
	fw_problem *p = &r->problems[r->n++];
	memset(p, 0, sizeof *p);
	p->line = je->line > 0 ? je->line : 0;
	p->column = je->column > 0 ? je->column : 0;
	snprintf(p->path, sizeof p->path, "(JSON text)");
	switch (json_error_code(je)) {
	case json_error_duplicate_key:
		p->code = "duplicate-key";
		snprintf(p->msg, sizeof p->msg,
			 "%s: a field may appear only once in an object; remove or rename the second one",
			 je->text);
		break;
	case json_error_invalid_utf8:
		p->code = "bad-utf8";
		snprintf(p->msg, sizeof p->msg, "%s: save the file as UTF-8", je->text);
		break;
	case json_error_cannot_open_file:
		p->code = "cannot-read";
		snprintf(p->msg, sizeof p->msg, "%s: check the path and its permissions", je->text);
		break;
	default:
		p->code = "syntax";
		snprintf(p->msg, sizeof p->msg, "%s", je->text);
		break;
	}
}

static const char *jstr(const json_t *obj, const char *name)
{
	return json_string_value(json_object_get(obj, name));
}

static fw_item *build_items(framework *fw, const json_t *list, const char *text_field,
			    size_t *n_out)
{
	size_t n = json_array_size(list);
	*n_out = n;
	if (!n)
		return NULL;
	fw_item *items = arena_array(&fw->mem, n, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		const json_t *it = json_array_get(list, i);
		items[i].key = jstr(it, "key");
		items[i].title = jstr(it, "title");
		items[i].text = jstr(it, text_field);
		items[i].gap = jstr(it, "gap");
		fw->n_gaps += items[i].gap != NULL;
	}
	return items;
}

static void build(framework *fw)
{
	const json_t *doc = fw->doc;
	const json_t *terms = json_object_get(doc, "terms");
	const json_t *sections = json_object_get(doc, "sections");

	fw->id = jstr(doc, "id");
	fw->title = jstr(doc, "title");
	fw->kind = jstr(doc, "kind");
	fw->term_section = jstr(terms, "section") ? jstr(terms, "section") : "section";
	fw->term_element = jstr(terms, "element") ? jstr(terms, "element") : "element";
	fw->term_indicator = jstr(terms, "indicator") ? jstr(terms, "indicator") : "indicator";
	fw->n_sections = json_array_size(sections);
	fw->sections = arena_array(&fw->mem, fw->n_sections, sizeof *fw->sections);
	for (size_t s = 0; s < fw->n_sections; s++) {
		const json_t *js = json_array_get(sections, s);
		const json_t *els = json_object_get(js, "elements");
		fw_section *sec = &fw->sections[s];
		sec->key = jstr(js, "key");
		sec->title = jstr(js, "title");
		sec->promise = jstr(js, "promise");
		sec->description = jstr(js, "description");
		sec->gap = jstr(js, "gap");
		fw->n_gaps += sec->gap != NULL;
		sec->n_elements = json_array_size(els);
		sec->elements = arena_array(&fw->mem, sec->n_elements, sizeof *sec->elements);
		for (size_t e = 0; e < sec->n_elements; e++) {
			const json_t *je = json_array_get(els, e);
			fw_element *el = &sec->elements[e];
			el->key = jstr(je, "key");
			el->title = jstr(je, "title");
			el->description = jstr(je, "description");
			el->gap = jstr(je, "gap");
			el->section = sec;
			fw->n_gaps += el->gap != NULL;
			el->indicators = build_items(fw, json_object_get(je, "indicators"), "text",
						     &el->n_indicators);
			el->levels = build_items(fw, json_object_get(je, "levels"), "descriptor",
						 &el->n_levels);
			el->questions = build_items(fw, json_object_get(je, "questions"), "text",
						    &el->n_questions);
			fw->n_elements++;
			fw->n_indicators += el->n_indicators;
			fw->n_levels += el->n_levels;
			fw->n_questions += el->n_questions;
		}
	}
}

/* The hash is over the parsed document written back with sorted keys and
 * no spacing, so reformatting a file does not make it a new version. */
static int hash_doc(framework *fw)
{
	char *canon = json_dumps(fw->doc, JSON_COMPACT | JSON_SORT_KEYS);
	if (!canon)
		return -1;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)canon, strlen(canon));
	free(canon);
	sodium_bin2hex(fw->hash, sizeof fw->hash, digest, sizeof digest);
	return 0;
}

static framework *finish(const char *name, json_t *doc, fw_report *report)
{
	if (!framework_validate(name, doc, report)) {
		json_decref(doc);
		return NULL;
	}
	framework *fw = calloc(1, sizeof *fw);
	if (!fw) {
		json_decref(doc);
		return NULL;
	}
	fw->doc = doc;
	fw->path = arena_strdup(&fw->mem, name);
	build(fw);
	if (hash_doc(fw) < 0) {
		framework_free(fw);
		return NULL;
	}
	return fw;
}

framework *framework_load(const char *path, fw_report *report)
{
	json_error_t je;
	json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		report_parse_error(report, &je);
		return NULL;
	}
	return finish(path, doc, report);
}

framework *framework_load_text(const char *name, const char *text, fw_report *report)
{
	json_error_t je;
	json_t *doc = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		report_parse_error(report, &je);
		return NULL;
	}
	return finish(name, doc, report);
}

void framework_free(framework *fw)
{
	if (!fw || fw->shared)
		return;
	json_decref(fw->doc);
	arena_free(&fw->mem);
	free(fw);
}

const fw_section *framework_section(const framework *fw, const char *key)
{
	for (size_t s = 0; s < fw->n_sections; s++)
		if (strcmp(fw->sections[s].key, key) == 0)
			return &fw->sections[s];
	return NULL;
}

const fw_element *framework_element(const framework *fw, const char *key)
{
	for (size_t s = 0; s < fw->n_sections; s++)
		for (size_t e = 0; e < fw->sections[s].n_elements; e++)
			if (strcmp(fw->sections[s].elements[e].key, key) == 0)
				return &fw->sections[s].elements[e];
	return NULL;
}

const fw_item *element_indicator(const fw_element *el, const char *key)
{
	for (size_t i = 0; i < el->n_indicators; i++)
		if (strcmp(el->indicators[i].key, key) == 0)
			return &el->indicators[i];
	return NULL;
}

void fw_problem_format(const char *file, const fw_problem *p, char *out, size_t size)
{
	if (p->line > 0)
		snprintf(out, size, "%s:%d:%d: %s", file, p->line, p->column, p->msg);
	else
		snprintf(out, size, "%s: %s: %s", file, p->path, p->msg);
}
