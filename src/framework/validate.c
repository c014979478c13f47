/* validate.c: checks an instrument document against the format in
 * docs/frameworks.md. The shape is a table of schemas walked generically;
 * the rules that tie parts together (kinds, references, unique keys) follow
 * it. Every problem names the path inside the file and a stable code. */
#include "framework/framework.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum vtype {
	V_TEXT,         /* a non-empty string */
	V_TEXT_EMPTY,   /* a string that may be empty (a gap must explain) */
	V_TEXTS,        /* an array of non-empty strings */
	V_OBJECT,       /* an object checked with `of` */
	V_LIST,         /* an array of objects checked with `of` */
	V_CELLS         /* an object of non-empty strings */
};

struct vschema;

struct vfield {
	const char *name;
	enum vtype type;
	bool required;
	const struct vschema *of;
};

struct vschema {
	const char *what;
	bool keyed;             /* has a "key" unique among its siblings */
	const struct vfield *fields;
};

#define END {NULL, V_TEXT, false, NULL}

/* "note" on an item, element or section: the editor's transcription note
 * (a typo corrected: "Printed as ..."), shown to staff, never to partners. */
static const struct vschema s_item = {"indicator", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"text", V_TEXT, true, NULL},
	{"gap", V_TEXT, false, NULL}, {"note", V_TEXT, false, NULL}, END}};
static const struct vschema s_question = {"question", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"text", V_TEXT, true, NULL},
	{"gap", V_TEXT, false, NULL}, {"note", V_TEXT, false, NULL}, END}};
static const struct vschema s_level = {"level", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"title", V_TEXT, true, NULL},
	{"descriptor", V_TEXT_EMPTY, true, NULL}, {"gap", V_TEXT, false, NULL},
	{"note", V_TEXT, false, NULL}, END}};
static const struct vschema s_measure = {"measure", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"text", V_TEXT, true, NULL},
	{"note", V_TEXT, false, NULL}, {"gap", V_TEXT, false, NULL}, END}};
static const struct vschema s_field = {"field", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"title", V_TEXT, true, NULL},
	{"type", V_TEXT, true, NULL}, {"group", V_TEXT, false, NULL},
	{"hint", V_TEXT, false, NULL}, {"gap", V_TEXT, false, NULL}, END}};
static const struct vschema s_outcome = {"outcome", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"title", V_TEXT, true, NULL},
	{"descriptor", V_TEXT, false, NULL}, {"gap", V_TEXT, false, NULL}, END}};
static const struct vschema s_column = {"column", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"title", V_TEXT, true, NULL},
	{"hint", V_TEXT, false, NULL}, {"gap", V_TEXT, false, NULL}, END}};
static const struct vschema s_aspect = {"aspect", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"title", V_TEXT, true, NULL},
	{"text", V_TEXT, false, NULL}, {"gap", V_TEXT, false, NULL}, END}};
static const struct vschema s_heading = {"heading", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"title", V_TEXT, true, NULL},
	{"text", V_TEXT, false, NULL}, {"gap", V_TEXT, false, NULL}, END}};
static const struct vschema s_exemplar = {"exemplar", false, (const struct vfield[]){
	{"section", V_TEXT, true, NULL}, {"title", V_TEXT, true, NULL},
	{"cells", V_CELLS, true, NULL}, {"links_to", V_TEXT, false, NULL},
	{"gap", V_TEXT, false, NULL}, END}};
static const struct vschema s_element = {"element", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"title", V_TEXT, true, NULL},
	{"description", V_TEXT, false, NULL}, {"gap", V_TEXT, false, NULL},
	{"easy_read", V_TEXT, false, NULL}, {"note", V_TEXT, false, NULL},
	{"indicators", V_LIST, false, &s_item}, {"levels", V_LIST, false, &s_level},
	{"questions", V_LIST, false, &s_question}, END}};
static const struct vschema s_section = {"section", true, (const struct vfield[]){
	{"key", V_TEXT, true, NULL}, {"title", V_TEXT, true, NULL},
	{"promise", V_TEXT, false, NULL}, {"description", V_TEXT, false, NULL},
	{"promises", V_TEXTS, false, NULL}, {"commitments", V_TEXTS, false, NULL},
	{"questions", V_LIST, false, &s_question}, {"measures", V_LIST, false, &s_measure},
	{"elements", V_LIST, true, &s_element}, {"gap", V_TEXT, false, NULL},
	{"easy_read", V_TEXT, false, NULL}, {"note", V_TEXT, false, NULL}, END}};
static const struct vschema s_source = {"source", false, (const struct vfield[]){
	{"title", V_TEXT, true, NULL}, {"edition", V_TEXT, false, NULL},
	{"publisher", V_TEXT, false, NULL}, {"date", V_TEXT, false, NULL},
	{"url", V_TEXT, false, NULL}, {"extract", V_TEXT, false, NULL},
	{"licence", V_TEXT, false, NULL}, END}};
static const struct vschema s_terms = {"terms", false, (const struct vfield[]){
	{"section", V_TEXT, false, NULL}, {"element", V_TEXT, false, NULL},
	{"indicator", V_TEXT, false, NULL}, {"promises", V_TEXT, false, NULL},
	{"commitments", V_TEXT, false, NULL}, END}};
static const struct vschema s_framework = {"framework", false, (const struct vfield[]){
	{"format", V_TEXT, true, NULL}, {"id", V_TEXT, true, NULL},
	{"title", V_TEXT, true, NULL}, {"kind", V_TEXT, true, NULL},
	{"source", V_OBJECT, true, &s_source}, {"description", V_TEXT, false, NULL},
	{"definitions", V_TEXT, false, NULL}, {"guidance", V_TEXT, false, NULL},
	{"terms", V_OBJECT, false, &s_terms}, {"notes", V_TEXTS, false, NULL},
	{"based_on", V_TEXT, false, NULL}, {"sections", V_LIST, true, &s_section},
	{"fields", V_LIST, false, &s_field}, {"outcomes", V_LIST, false, &s_outcome},
	{"columns", V_LIST, false, &s_column}, {"exemplars", V_LIST, false, &s_exemplar},
	{"aspects", V_LIST, false, &s_aspect}, {"headings", V_LIST, false, &s_heading},
	{"easy_read_note", V_TEXT, false, NULL}, END}};

/* The walk keeps the current path in a buffer it extends and truncates. */
struct vctx {
	fw_report *report;
	char path[256];
	size_t len;
};

static void problem(struct vctx *c, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(struct vctx *c, const char *code, const char *fmt, ...)
{
	fw_report *r = c->report;
	if (r->n >= FW_MAX_PROBLEMS) {
		r->dropped++;
		return;
	}
	fw_problem *p = &r->problems[r->n++];
	memset(p, 0, sizeof *p);
	snprintf(p->path, sizeof p->path, "%s", c->len ? c->path : "(top level)");
	p->code = code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->msg, sizeof p->msg, fmt, ap);
	va_end(ap);
}

static size_t path_push(struct vctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static size_t path_push(struct vctx *c, const char *fmt, ...)
{
	size_t old = c->len;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(c->path + c->len, sizeof c->path - c->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		c->len += (size_t)n < sizeof c->path - c->len ? (size_t)n
							     : sizeof c->path - c->len - 1;
	return old;
}

static void path_pop(struct vctx *c, size_t old)
{
	c->len = old;
	c->path[old] = '\0';
}

static size_t push_field(struct vctx *c, const char *name)
{
	return path_push(c, c->len ? ".%s" : "%s", name);
}

static const char *json_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "a list";
	case JSON_STRING: return "text";
	case JSON_INTEGER: case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "true or false";
	default: return "null";
	}
}

static bool key_chars_ok(const char *s, bool allow_dot)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		char ch = *s;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')
			continue;
		if (ch == '.' && allow_dot)
			continue;
		return false;
	}
	return true;
}

/* "a element" reads wrongly in a message. */
static const char *article(const char *noun)
{
	return strchr("aeiou", noun[0]) ? "an" : "a";
}

/* Blank text is as empty as no text: users would see nothing. */
static bool blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

static void check_text(struct vctx *c, const json_t *v, bool may_be_empty)
{
	if (!json_is_string(v)) {
		problem(c, "wrong-type", "must be text in quotes, not %s", json_type_name(v));
		return;
	}
	if (blank(json_string_value(v)) && !may_be_empty)
		problem(c, "empty-text", "must not be empty: write the text, or remove the field if it is optional");
}

static void check_object(struct vctx *c, const json_t *obj, const struct vschema *s);

static void check_list(struct vctx *c, const json_t *arr, const struct vschema *of)
{
	if (!json_is_array(arr)) {
		problem(c, "wrong-type", "must be a list [...] of %ss, not %s", of->what,
			json_type_name(arr));
		return;
	}
	size_t i;
	json_t *item;
	json_array_foreach(arr, i, item) {
		size_t old = path_push(c, "[%zu]", i);
		check_object(c, item, of);
		if (of->keyed && json_is_string(json_object_get(item, "key"))) {
			const char *key = json_string_value(json_object_get(item, "key"));
			for (size_t k = 0; k < i; k++) {
				const char *other = json_string_value(
					json_object_get(json_array_get(arr, k), "key"));
				if (other && strcmp(other, key) == 0) {
					problem(c, "repeated-key",
						"key \"%s\" is used twice in this list (also at [%zu]): give each %s its own key",
						key, k, of->what);
					break;
				}
			}
		}
		path_pop(c, old);
	}
}

static void check_field(struct vctx *c, const struct vfield *f, const json_t *v)
{
	switch (f->type) {
	case V_TEXT:
	case V_TEXT_EMPTY:
		check_text(c, v, f->type == V_TEXT_EMPTY);
		break;
	case V_TEXTS: {
		if (!json_is_array(v)) {
			problem(c, "wrong-type", "must be a list of texts, not %s", json_type_name(v));
			break;
		}
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) {
			size_t old = path_push(c, "[%zu]", i);
			check_text(c, item, false);
			path_pop(c, old);
		}
		break;
	}
	case V_OBJECT:
		check_object(c, v, f->of);
		break;
	case V_LIST:
		check_list(c, v, f->of);
		break;
	case V_CELLS: {
		if (!json_is_object(v)) {
			problem(c, "wrong-type", "must be an object of texts, not %s", json_type_name(v));
			break;
		}
		const char *k;
		json_t *item;
		json_object_foreach((json_t *)v, k, item) {
			size_t old = push_field(c, k);
			check_text(c, item, false);
			path_pop(c, old);
		}
		break;
	}
	}
}

static void list_allowed(const struct vschema *s, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (const struct vfield *f = s->fields; f->name && len < size; f++) {
		int n = snprintf(out + len, size - len, "%s%s", len ? ", " : "", f->name);
		if (n < 0)
			break;
		len += (size_t)n;
	}
}

static void check_object(struct vctx *c, const json_t *obj, const struct vschema *s)
{
	if (!json_is_object(obj)) {
		problem(c, "wrong-type", "must be %s object {...}, not %s",
			s == &s_framework ? "one" : "an", json_type_name(obj));
		return;
	}
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)obj, k, v) {
		const struct vfield *f = s->fields;
		while (f->name && strcmp(f->name, k) != 0)
			f++;
		size_t old = push_field(c, k);
		if (!f->name) {
			char allowed[400];
			list_allowed(s, allowed, sizeof allowed);
			problem(c, "unknown-field",
				"unknown field \"%s\" in %s %s: the fields allowed here are %s",
				k, article(s->what), s->what, allowed);
		} else {
			check_field(c, f, v);
		}
		path_pop(c, old);
	}
	for (const struct vfield *f = s->fields; f->name; f++) {
		if (!f->required || json_object_get(obj, f->name))
			continue;
		problem(c, "missing-field", "%s %s needs \"%s\"%s", article(s->what), s->what, f->name,
			strcmp(f->name, "title") == 0 ? ": give it a title users will see" : "");
	}
}

/* ---- rules beyond the shape ---------------------------------------- */

static const char *str(const json_t *obj, const char *name)
{
	return json_string_value(json_object_get(obj, name));
}

static bool has_gap(const json_t *obj)
{
	const char *g = str(obj, "gap");
	return g && *g;
}

static void check_keys(struct vctx *c, const json_t *list, const char *what, bool allow_dot)
{
	size_t i;
	json_t *item;
	json_array_foreach(list, i, item) {
		const char *key = str(item, "key");
		if (!key || !*key || key_chars_ok(key, allow_dot))
			continue;
		size_t old = path_push(c, "[%zu].key", i);
		problem(c, "bad-key",
			"the %s key \"%s\" may use only letters, digits, '-' and '_'%s",
			what, key, allow_dot ? " and '.'" : "");
		path_pop(c, old);
	}
}

static void check_element_rules(struct vctx *c, const json_t *el, const char *kind)
{
	const json_t *ind = json_object_get(el, "indicators");
	const json_t *lev = json_object_get(el, "levels");
	const json_t *qs = json_object_get(el, "questions");

	if (json_is_array(ind)) {
		size_t old = push_field(c, "indicators");
		check_keys(c, ind, "indicator", false);
		size_t i;
		json_t *it;
		json_array_foreach(ind, i, it) {
			const char *key = str(it, "key");
			if (key && strncmp(key, "own", 3) == 0) {
				size_t o2 = path_push(c, "[%zu].key", i);
				problem(c, "bad-key",
					"indicator keys starting with \"own\" are kept for an organisation's own indicators: choose another key");
				path_pop(c, o2);
			}
		}
		path_pop(c, old);
	}
	if (json_is_array(lev)) {
		size_t i;
		json_t *it;
		json_array_foreach(lev, i, it) {
			const char *d = str(it, "descriptor");
			if (d && blank(d) && !has_gap(it)) {
				size_t old = path_push(c, ".levels[%zu].descriptor", i);
				problem(c, "empty-text",
					"an empty descriptor needs a \"gap\" on its level saying why the text is missing");
				path_pop(c, old);
			}
		}
	}
	if (strcmp(kind, "evidence") == 0 && json_array_size(ind) == 0)
		problem(c, "no-indicators",
			"an element of an evidence instrument needs at least one indicator in \"indicators\"");
	if (strcmp(kind, "rubric") == 0 && json_array_size(lev) == 0)
		problem(c, "no-levels",
			"a rubric element needs at least one level in \"levels\" (for example Good, Excellent)");
	if (strcmp(kind, "checklist") == 0 && json_array_size(qs) == 0 && !has_gap(el))
		problem(c, "no-questions",
			"a checklist step needs at least one question in \"questions\", or a \"gap\" saying they were lost");
}

static bool kind_known(const char *kind)
{
	static const char *const kinds[] = {"evidence", "rubric", "checklist", "measures", "plan"};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return true;
	return false;
}

static bool field_type_known(const char *t)
{
	static const char *const types[] = {"text", "longtext", "date", "people",
					    "number", "choice", "signature"};
	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (strcmp(t, types[i]) == 0)
			return true;
	return false;
}

static const json_t *find_keyed(const json_t *list, const char *key)
{
	size_t i;
	json_t *it;
	json_array_foreach(list, i, it) {
		const char *k = str(it, "key");
		if (k && strcmp(k, key) == 0)
			return it;
	}
	return NULL;
}

/* Keys of `list` (elements, measures) in section si that an earlier
 * section already uses; repeats inside one list are check_list's. */
static void repeated_across(struct vctx *c, const json_t *sections, size_t si,
			    const char *list, const char *what)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(json_array_get(sections, si), list), i, it) {
		const char *key = str(it, "key");
		for (size_t sj = 0; key && sj < si; sj++) {
			if (!find_keyed(json_object_get(json_array_get(sections, sj), list), key))
				continue;
			size_t old = path_push(c, "[%zu]", i);
			problem(c, "repeated-key",
				"%s key \"%s\" is also used in sections[%zu]: %s keys must be unique in the instrument",
				what, key, sj, what);
			path_pop(c, old);
			break;
		}
	}
}

/* The file name without directory and ".json", for the id check. */
static void base_id(const char *name, char *out, size_t size)
{
	const char *slash = strrchr(name, '/');
	const char *b = slash ? slash + 1 : name;
	size_t n = strlen(b);
	if (n > 5 && strcmp(b + n - 5, ".json") == 0)
		n -= 5;
	if (n >= size)
		n = size - 1;
	memcpy(out, b, n);
	out[n] = '\0';
}

/* format, id and kind; answers the kind when it is known, else NULL. */
static const char *check_header(struct vctx *c, const char *name, const json_t *doc)
{
	const char *format = str(doc, "format");
	const char *id = str(doc, "id");
	const char *kind = str(doc, "kind");

	if (format && strcmp(format, "copro-framework-1") != 0) {
		size_t old = push_field(c, "format");
		problem(c, "unknown-format",
			"format \"%s\" is not one copro reads: use \"copro-framework-1\"", format);
		path_pop(c, old);
	}
	if (id && *id) {
		char expect[128];
		base_id(name, expect, sizeof expect);
		size_t old = push_field(c, "id");
		if (!key_chars_ok(id, false))
			problem(c, "bad-key", "id \"%s\" may use only letters, digits, '-' and '_'", id);
		else if (name[0] && strcmp(expect, id) != 0)
			problem(c, "id-mismatch",
				"id \"%s\" does not match the file name: call the file %s.json or change the id",
				id, id);
		path_pop(c, old);
	}
	if (kind && *kind && !kind_known(kind)) {
		size_t old = push_field(c, "kind");
		problem(c, "unknown-kind",
			"kind \"%s\" is not known: use evidence, rubric, checklist, measures or plan", kind);
		path_pop(c, old);
		kind = NULL;
	}
	return kind;
}

/* Section `si`: its measures and elements, whose keys are unique across
 * the whole instrument (evidence links name an element by key alone, and
 * the same holds for measures). */
static void check_section_rules(struct vctx *c, const json_t *sections, size_t si,
				const json_t *sec, const char *kind)
{
	const json_t *els = json_object_get(sec, "elements");
	size_t o1 = path_push(c, "[%zu]", si);
	if (json_is_array(json_object_get(sec, "measures"))) {
		size_t o2 = push_field(c, "measures");
		check_keys(c, json_object_get(sec, "measures"), "measure", true);
		repeated_across(c, sections, si, "measures", "measure");
		path_pop(c, o2);
	}
	if (!json_is_array(els)) {
		path_pop(c, o1);
		return;
	}
	if (kind && json_array_size(els) == 0 && strcmp(kind, "measures") != 0 &&
	    strcmp(kind, "plan") != 0 && !has_gap(sec))
		problem(c, "no-elements", "a section of %s %s instrument needs at least one element",
			article(kind), kind);
	size_t o2 = push_field(c, "elements");
	check_keys(c, els, "element", false);
	size_t ei;
	json_t *el;
	json_array_foreach(els, ei, el) {
		size_t o3 = path_push(c, "[%zu]", ei);
		if (kind)
			check_element_rules(c, el, kind);
		path_pop(c, o3);
	}
	repeated_across(c, sections, si, "elements", "element");
	path_pop(c, o2);
	path_pop(c, o1);
}

/* Field types, and the sections and columns the worked examples name. */
static void check_fields_and_exemplars(struct vctx *c, const json_t *doc)
{
	const json_t *sections = json_object_get(doc, "sections");
	const json_t *columns = json_object_get(doc, "columns");
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(doc, "fields"), i, it) {
		const char *t = str(it, "type");
		if (!t || field_type_known(t))
			continue;
		size_t o = path_push(c, "fields[%zu].type", i);
		problem(c, "unknown-type",
			"field type \"%s\" is not known: use text, longtext, date, people, number, choice or signature", t);
		path_pop(c, o);
	}
	json_array_foreach(json_object_get(doc, "exemplars"), i, it) {
		const char *sec_key = str(it, "section");
		size_t o = path_push(c, "exemplars[%zu]", i);
		if (sec_key && !find_keyed(sections, sec_key)) {
			size_t o2 = push_field(c, "section");
			problem(c, "unknown-reference", "there is no section with key \"%s\"", sec_key);
			path_pop(c, o2);
		}
		const char *ck;
		json_t *cv;
		json_object_foreach(json_object_get(it, "cells"), ck, cv) {
			(void)cv;
			if (find_keyed(columns, ck))
				continue;
			size_t o2 = path_push(c, ".cells.%s", ck);
			problem(c, "unknown-reference", "there is no column with key \"%s\" in \"columns\"", ck);
			path_pop(c, o2);
		}
		path_pop(c, o);
	}
}

/* Path of the first easy_read text of section `si`, or false. */
static bool first_easy_read(struct vctx *c, const json_t *sec, size_t si, size_t *old)
{
	size_t ei;
	json_t *el;
	if (json_object_get(sec, "easy_read")) {
		*old = path_push(c, "sections[%zu].easy_read", si);
		return true;
	}
	json_array_foreach(json_object_get(sec, "elements"), ei, el) {
		if (json_object_get(el, "easy_read")) {
			*old = path_push(c, "sections[%zu].elements[%zu].easy_read", si, ei);
			return true;
		}
	}
	return false;
}

/* Easy-read texts are written for copro, not taken from the source: a file
 * that has any must say whose wording they are, once, at the top. The
 * first easy_read found is named, so the author sees what needs the note. */
static void check_easy_read_marked(struct vctx *c, const json_t *doc)
{
	if (json_object_get(doc, "easy_read_note"))
		return;
	size_t si, old;
	json_t *sec;
	json_array_foreach(json_object_get(doc, "sections"), si, sec) {
		if (!first_easy_read(c, sec, si, &old))
			continue;
		problem(c, "easy-read-unmarked",
			"an easy-read text needs \"easy_read_note\" at the top level of the file, saying whose wording the easy-read texts are (for example \"copro's own wording, not the source's\"), so that no one takes them for the source's");
		path_pop(c, old);
		return;
	}
}

static void check_rules(struct vctx *c, const char *name, const json_t *doc)
{
	const char *kind = check_header(c, name, doc);
	const json_t *sections = json_object_get(doc, "sections");
	if (!json_is_array(sections))
		return;
	if (json_array_size(sections) == 0) {
		size_t old = push_field(c, "sections");
		problem(c, "no-sections", "an instrument needs at least one section");
		path_pop(c, old);
	}
	if (kind && (strcmp(kind, "measures") == 0 || strcmp(kind, "plan") == 0) &&
	    json_array_size(json_object_get(doc, "columns")) == 0)
		problem(c, "no-columns", "a %s instrument needs grid \"columns\"", kind);
	size_t old = push_field(c, "sections");
	check_keys(c, sections, "section", true);
	size_t si;
	json_t *sec;
	json_array_foreach(sections, si, sec)
		check_section_rules(c, sections, si, sec, kind);
	path_pop(c, old);
	check_fields_and_exemplars(c, doc);
	check_easy_read_marked(c, doc);
}

bool framework_validate(const char *name, json_t *doc, fw_report *report)
{
	struct vctx c = {.report = report};
	size_t before = report->n + report->dropped;
	check_object(&c, doc, &s_framework);
	if (json_is_object(doc))
		check_rules(&c, name, doc);
	return report->n + report->dropped == before;
}
