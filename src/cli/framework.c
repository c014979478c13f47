/* framework.c: `copro frameworks` and `copro framework show|validate`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Questions asked of whole sections (a plan's reflective questions), which
 * fw->n_questions leaves out: it counts the elements' questions. */
static size_t section_questions(const framework *fw)
{
	size_t n = 0;
	for (size_t s = 0; s < fw->n_sections; s++)
		n += fw->sections[s].n_questions;
	return n;
}

static json_t *framework_summary_json(const framework *fw)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
			 "id", fw->id, "title", fw->title, "kind", fw->kind, "hash", fw->hash,
			 "sections", (json_int_t)fw->n_sections, "elements", (json_int_t)fw->n_elements,
			 "indicators", (json_int_t)fw->n_indicators, "levels", (json_int_t)fw->n_levels,
			 "questions", (json_int_t)(fw->n_questions + section_questions(fw)),
			 "measures", (json_int_t)fw->n_measures,
			 "promises", (json_int_t)fw->n_promises,
			 "commitments", (json_int_t)fw->n_commitments,
			 "aspects", (json_int_t)fw->n_aspects, "exemplars", (json_int_t)fw->n_exemplars,
			 "gaps", (json_int_t)fw->n_gaps);
}

/* ", 53 success measures" when n is not 0. */
static void print_count(size_t n, const char *one, const char *many)
{
	if (n)
		printf(", %zu %s", n, n == 1 ? one : many);
}

static void print_counts(const framework *fw)
{
	printf("%-36s %s; %zu %s%s", "", fw->kind, fw->n_sections, fw->term_section,
	       fw->n_sections == 1 ? "" : "s");
	if (fw->n_elements)
		printf(", %zu %s%s", fw->n_elements, fw->term_element,
		       fw->n_elements == 1 ? "" : "s");
	if (fw->n_indicators)
		printf(", %zu %s%s", fw->n_indicators, fw->term_indicator,
		       fw->n_indicators == 1 ? "" : "s");
	print_count(fw->n_levels, "level", "levels");
	print_count(fw->n_questions + section_questions(fw), "question", "questions");
	print_count(fw->n_measures, "success measure", "success measures");
	print_count(fw->n_promises, "promise", "promises");
	print_count(fw->n_commitments, "commitment", "commitments");
	print_count(fw->n_aspects, "organisational aspect", "organisational aspects");
	print_count(fw->n_exemplars, "worked example", "worked examples");
	if (fw->n_gaps)
		printf("; %zu gap%s in the source text", fw->n_gaps, fw->n_gaps == 1 ? "" : "s");
	printf("\n");
}

static int cmd_frameworks(cli *c, int argc, char **argv)
{
	bool json = false;
	if (cli_parse_json(c, argc, argv, &json) < 0)
		return EXIT_USAGE;
	if (cli_load_frameworks(c) < 0)
		return cli_fail(c);
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < c->frameworks.n; i++)
			json_array_append_new(arr, framework_summary_json(c->frameworks.items[i]));
		return cli_print_json(arr);
	}
	printf("Instruments in %s:\n\n", c->frameworks.dir);
	for (size_t i = 0; i < c->frameworks.n; i++) {
		const framework *fw = c->frameworks.items[i];
		printf("%-36s %s\n", fw->id, fw->title);
		print_counts(fw);
	}
	if (c->frameworks.n_failures)
		printf("\nSome files did not load: the warnings above say which, and why.\n");
	return EXIT_OK;
}

static json_t *items_json(const fw_item *items, size_t n, bool level)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const fw_item *it = &items[i];
		json_t *o = level ? json_pack("{s:s, s:s, s:s}", "key", it->key, "title", it->title,
					      "descriptor", it->text)
				  : json_pack("{s:s, s:s}", "key", it->key, "text", it->text);
		if (it->gap)
			json_object_set_new(o, "gap", json_string(it->gap));
		json_array_append_new(arr, o);
	}
	return arr;
}

/* The public shape (issue 2, docs/cli.md): id, title, source, sections with
 * elements, indicators and levels; more fields may be added, never
 * removed. */
static json_t *framework_json(const framework *fw)
{
	json_t *sections = json_array();
	for (size_t s = 0; s < fw->n_sections; s++) {
		const fw_section *sec = &fw->sections[s];
		json_t *els = json_array();
		for (size_t e = 0; e < sec->n_elements; e++) {
			const fw_element *el = &sec->elements[e];
			json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "key", el->key,
					      "title", el->title,
					      "description", json_str_or_null(el->description),
					      "indicators", items_json(el->indicators, el->n_indicators, false),
					      "levels", items_json(el->levels, el->n_levels, true),
					      "questions", items_json(el->questions, el->n_questions, false));
			if (el->gap)
				json_object_set_new(o, "gap", json_string(el->gap));
			/* copro's wording, marked as such by the file's
			 * easy_read_note (copied below with the rest). */
			if (el->easy_read)
				json_object_set_new(o, "easy_read", json_string(el->easy_read));
			json_array_append_new(els, o);
		}
		json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o}", "key", sec->key, "title", sec->title,
				      "promise", json_str_or_null(sec->promise),
				      "description", json_str_or_null(sec->description),
				      "elements", els);
		if (sec->gap)
			json_object_set_new(o, "gap", json_string(sec->gap));
		/* The rest of the section as written: promises, commitments,
		 * questions, measures. */
		const char *k;
		json_t *v;
		json_object_foreach(json_array_get(json_object_get(fw->doc, "sections"), s), k, v)
			if (!json_object_get(o, k))
				json_object_set(o, k, v);
		json_array_append_new(sections, o);
	}
	json_t *out = json_pack("{s:s, s:s, s:s, s:s, s:O, s:o}", "id", fw->id, "title", fw->title,
				"kind", fw->kind, "hash", fw->hash,
				"source", json_object_get(fw->doc, "source"), "sections", sections);
	/* Whatever else the file holds (notes, columns, fields, outcomes ...)
	 * follows as written. */
	const char *k;
	json_t *v;
	json_object_foreach(fw->doc, k, v) {
		if (!json_object_get(out, k) && strcmp(k, "format") != 0)
			json_object_set(out, k, v);
	}
	return out;
}

/* Long source text wraps at about 76 columns, on spaces; a space is
 * written only once the next word is known to fit on the line. */
static void print_wrapped(const char *indent, const char *text)
{
	size_t width = 76 - strlen(indent), col = 0;
	bool space = false;
	fputs(indent, stdout);
	for (const char *p = text; *p;) {
		size_t w = strcspn(p, " \n");
		if (w) {
			if (col && col + 1 + w > width) {
				printf("\n%s", indent);
				col = 0;
			} else if (space) {
				putchar(' ');
				col++;
			}
			printf("%.*s", (int)w, p);
			col += w;
			p += w;
		}
		space = *p == ' ';
		if (*p == '\n') {
			printf("\n%s", indent);
			col = 0;
		}
		if (*p)
			p++;
	}
	putchar('\n');
}

/* "cornerstone" as a heading: "Cornerstone". */
static void print_term(const char *term)
{
	if (*term)
		printf("%c%s", term[0] >= 'a' && term[0] <= 'z' ? term[0] - 32 : term[0], term + 1);
}

/* `text` after its label, wrapped; nothing when there is no text. */
static void print_labelled(const char *indent, const char *label, const char *text)
{
	if (!text)
		return;
	char buf[2048];
	snprintf(buf, sizeof buf, "%s%s", label, text);
	print_wrapped(indent, buf);
}

static void print_gap(const char *indent, const char *gap)
{
	print_labelled(indent, "[GAP IN SOURCE] ", gap);
}

static void print_list(const char *heading, const json_t *list, const char *field)
{
	if (!json_array_size(list))
		return;
	if (heading)            /* NULL: a file without the heading in its terms */
		printf("  %s\n", heading);
	size_t i;
	json_t *it;
	json_array_foreach(list, i, it) {
		const char *text = field ? json_string_value(json_object_get(it, field))
					 : json_string_value(it);
		const char *key = field ? json_string_value(json_object_get(it, "key")) : NULL;
		char line[4096];
		snprintf(line, sizeof line, "%s%s%s", key ? key : "-", key ? ". " : " ", text ? text : "");
		print_wrapped("    ", line);
		print_gap("       ", json_string_value(json_object_get(it, "gap")));
	}
}

/* Section-level content of the non-evidence instruments. */
static void print_section_extras(const framework *fw, size_t s)
{
	/* The headings of promises and commitments are the instrument's words,
	 * read from its file (the validator requires them with the lists). */
	const json_t *js = json_array_get(json_object_get(fw->doc, "sections"), s);
	const char *desc = fw->sections[s].description;
	if (desc)
		print_wrapped("  ", desc);
	print_list(fw->label_promises, json_object_get(js, "promises"), NULL);
	print_list(fw->label_commitments, json_object_get(js, "commitments"), NULL);
	print_list("Questions:", json_object_get(js, "questions"), "text");
	print_list("Success measures:", json_object_get(js, "measures"), "text");
}

/* One line of an element ("a. text", "Level: descriptor", "? question"),
 * wrapped, and its gap. */
static void print_item(const char *first, const char *sep, const char *text, const char *gap)
{
	char line[4096];
	snprintf(line, sizeof line, "%s%s%s", first, sep, text);
	print_wrapped("    ", line);
	print_gap("       ", gap);
}

/* Never shown without its label: it is copro's wording, not the source's. */
static void print_easy_read(const char *indent, const char *text)
{
	print_labelled(indent, "Easy read (copro's wording): ", text);
}

static void print_element(const framework *fw, const fw_element *el)
{
	fputs("\n  ", stdout);
	print_term(fw->term_element);
	printf(" %s: %s\n", el->key, el->title);
	if (el->description)
		print_wrapped("    ", el->description);
	print_gap("    ", el->gap);
	print_easy_read("    ", el->easy_read);
	for (size_t i = 0; i < el->n_indicators; i++)
		print_item(el->indicators[i].key, ". ", el->indicators[i].text,
			   el->indicators[i].gap);
	for (size_t i = 0; i < el->n_levels; i++)
		print_item(el->levels[i].title, ": ", el->levels[i].text, el->levels[i].gap);
	for (size_t i = 0; i < el->n_questions; i++)
		print_item("?", " ", el->questions[i].text, el->questions[i].gap);
}

static void print_framework(const framework *fw)
{
	const json_t *src = json_object_get(fw->doc, "source");
	printf("%s (%s)\n", fw->title, fw->id);
	printf("Source: %s", json_string_value(json_object_get(src, "title")));
	const char *parts[] = {"edition", "publisher", "date"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = json_string_value(json_object_get(src, parts[i]));
		if (v)
			printf("; %s", v);
	}
	printf("\nVersion %.12s; %zu gap%s marked where the source text was lost.\n", fw->hash,
	       fw->n_gaps, fw->n_gaps == 1 ? "" : "s");
	for (size_t s = 0; s < fw->n_sections; s++) {
		const fw_section *sec = &fw->sections[s];
		putchar('\n');
		print_term(fw->term_section);
		printf(" %s: %s\n", sec->key, sec->title);
		if (sec->promise)
			print_wrapped("  ", sec->promise);
		print_gap("  ", sec->gap);
		print_easy_read("  ", sec->easy_read);
		print_section_extras(fw, s);
		for (size_t e = 0; e < sec->n_elements; e++)
			print_element(fw, &sec->elements[e]);
	}
	const json_t *notes = json_object_get(fw->doc, "notes");
	if (json_array_size(notes)) {
		printf("\nNotes on this transcription:\n");
		size_t i;
		json_t *n;
		json_array_foreach(notes, i, n) {
			char line[4096];
			snprintf(line, sizeof line, "- %s", json_string_value(n));
			print_wrapped("  ", line);
		}
	}
	if (fw->easy_read_note) {
		printf("\nEasy read texts (copro's wording, not the source's):\n");
		print_wrapped("  ", fw->easy_read_note);
	}
}

static int cmd_framework_show(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[1];
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	if (cli_load_frameworks(c) < 0)
		return cli_fail(c);
	const framework *fw = fw_registry_find(&c->frameworks, pos[0]);
	if (!fw) {
		err_set(&c->e, ERR_NOTFOUND,
			"there is no instrument \"%.60s\": `copro frameworks` lists the ones installed.",
			pos[0]);
		return cli_fail(c);
	}
	if (json)
		return cli_print_json(framework_json(fw));
	print_framework(fw);
	return EXIT_OK;
}

static int cmd_framework_validate(cli *c, int argc, char **argv)
{
	const char *pos[64];
	size_t n;
	if (cli_parse(c, argc, argv, NULL, pos, 1, 64, &n) < 0)
		return EXIT_USAGE;
	int rc = EXIT_OK;
	fw_report *rep = malloc(sizeof *rep);
	if (!rep)
		abort();
	for (size_t i = 0; i < n; i++) {
		memset(rep, 0, sizeof *rep);
		framework *fw = framework_load(pos[i], rep);
		if (fw) {
			printf("%s: valid: %s \"%s\", %zu sections, %zu elements, %zu indicators, %zu levels, %zu questions, %zu gaps\n",
			       pos[i], fw->kind, fw->id, fw->n_sections, fw->n_elements,
			       fw->n_indicators, fw->n_levels, fw->n_questions, fw->n_gaps);
			framework_free(fw);
			continue;
		}
		rc = EXIT_FAIL;
		for (size_t k = 0; k < rep->n; k++) {
			char line[1200];
			fw_problem_format(pos[i], &rep->problems[k], line, sizeof line);
			fprintf(stderr, "%s [%s]\n", line, rep->problems[k].code);
		}
		if (rep->dropped)
			fprintf(stderr, "%s: ... and %zu more problems\n", pos[i], rep->dropped);
	}
	free(rep);
	return rc;
}

const command framework_commands[] = {
	{"frameworks", "list the instruments copro has loaded",
	 "Usage: copro frameworks [--json]\n"
	 "\n"
	 "Lists every instrument found in $COPRO_FRAMEWORKS (default: the bundled\n"
	 "frameworks/ directory) with its kind and counts. A file that fails to load is\n"
	 "reported by name and the others still load.\n"
	 "\n"
	 "Example:\n"
	 "  copro frameworks\n",
	 cmd_frameworks},
	{"framework show", "print one instrument, readably or as JSON",
	 "Usage: copro framework show ID [--json]\n"
	 "\n"
	 "Prints the instrument's sections, elements, indicators, levels and questions,\n"
	 "with its source and every gap where the source text was lost. copro's own\n"
	 "easy-read texts follow the source's, labelled \"Easy read (copro's wording)\".\n"
	 "--json prints the public shape documented in docs/cli.md.\n"
	 "\n"
	 "Example:\n"
	 "  copro framework show four-cornerstones\n",
	 cmd_framework_show},
	{"framework validate", "check instrument files and say what is wrong",
	 "Usage: copro framework validate FILE...\n"
	 "\n"
	 "Checks each file against the format in docs/frameworks.md. A wrong file gets\n"
	 "one line per problem: the file, the path inside it (or line and column for a\n"
	 "JSON syntax error), what is wrong, and a code in brackets. Exits 1 if any file\n"
	 "is wrong, 0 if all are valid.\n"
	 "\n"
	 "Example:\n"
	 "  copro framework validate my-area-charter.json\n",
	 cmd_framework_validate},
	{0},
};
