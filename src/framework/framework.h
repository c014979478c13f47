/* framework.h: an instrument loaded from its JSON file (docs/frameworks.md)
 * and the registry of every instrument found at start-up. */
#ifndef COPRO_FRAMEWORK_H
#define COPRO_FRAMEWORK_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"

/* Every part of an instrument the rest of copro reads is a typed field
 * below, built once at load from the validated document; nothing outside
 * src/framework (and the import/export of whole documents) reads the JSON.
 * Strings belong to `doc`, arrays to `mem`: both live as long as the
 * framework. A field the file leaves out is NULL (a list: NULL, count 0). */

/* An indicator, level, question, outcome, grid column, aspect or heading:
 * `text` holds a level's or outcome's descriptor, a column's hint, and the
 * text of the others. */
typedef struct fw_item {
	const char *key, *title, *text, *gap;
	const char *note;       /* transcription note ("Printed as ..."): staff only */
} fw_item;

struct fw_section;

/* A measure of a success-measures catalogue, in the section it is under. */
typedef struct fw_measure {
	const char *key, *text, *note, *gap;
	const struct fw_section *section;
} fw_measure;

/* A form field filled once per use (an audit's header and summary). */
typedef struct fw_field {
	const char *key, *title, *type, *group, *hint, *gap;
} fw_field;

/* One cell of a worked example: the column's key and what it says. */
typedef struct fw_cell {
	const char *column, *text;
} fw_cell;

/* A worked example row of the grid, for section `section` (a key). */
typedef struct fw_exemplar {
	const char *section, *title, *links_to, *gap;
	fw_cell *cells;                 /* in the document's order */
	size_t n_cells;
} fw_exemplar;

typedef struct fw_source {
	const char *title, *edition, *publisher, *date, *url, *extract, *licence;
} fw_source;

/* An element: a statement (evidence), a principle's indicator with its
 * levels from lowest to highest (rubric), or a step with its check
 * questions (checklist). `easy_read` is copro's own plain-words version of
 * it for children, young people and parent carers (NULL when the file has
 * none): never the source's text, so show it labelled as copro's wording
 * (framework.easy_read_note says so in the file). */
typedef struct fw_element {
	const char *key, *title, *description, *gap;
	const char *easy_read;
	const char *note;       /* transcription note: staff only */
	fw_item *indicators, *levels, *questions;
	size_t n_indicators, n_levels, n_questions;
	const struct fw_section *section;
} fw_element;

/* A section: a cornerstone, a York principle (with its commitments) or a
 * model. Measures instruments add promises and a catalogue; plan
 * instruments add reflective questions asked of the whole section. */
typedef struct fw_section {
	const char *key, *title, *promise, *description, *gap;
	const char *easy_read;          /* copro's wording of the title, or NULL */
	const char *note;               /* transcription note: staff only */
	fw_element *elements;
	size_t n_elements;
	const char **promises, **commitments;
	size_t n_promises, n_commitments;
	fw_item *questions;             /* of the section, not of its elements */
	size_t n_questions;
	fw_measure *measures;
	size_t n_measures;
} fw_section;

typedef struct framework {
	const char *id, *title, *kind, *path;
	const char *description, *based_on;
	/* The source's definitions of its terms and its guidance on using the
	 * instrument, shown on its "About this tool" page (NULL when none). */
	const char *definitions, *guidance;
	const char *term_section, *term_element, *term_indicator;
	/* Headings over a section's promises and commitments, from the file's
	 * terms: the instrument's words, so never written in copro's code. NULL
	 * when the file has none (files exported before they existed): the list
	 * is then shown without a heading. */
	const char *label_promises, *label_commitments;
	fw_source source;
	const char **notes;
	size_t n_notes;
	/* Whose wording the easy_read texts are; the validator requires it
	 * whenever one is present (NULL when the file has none). */
	const char *easy_read_note;
	char hash[65];          /* SHA-256 of the canonical JSON, in hex */
	json_t *doc;            /* owns every string; read only by import/export */
	fw_section *sections;
	/* Totals over elements (n_questions counts the elements' questions, not
	 * the sections'); n_gaps over sections, elements and their items. */
	size_t n_sections, n_elements, n_indicators, n_levels, n_questions, n_gaps;
	size_t n_measures;      /* over every section's catalogue */
	size_t n_promises, n_commitments;       /* over every section */
	fw_field *fields;
	fw_item *outcomes, *columns, *aspects, *headings;
	fw_exemplar *exemplars;
	size_t n_fields, n_outcomes, n_columns, n_aspects, n_headings, n_exemplars;
	arena mem;
	bool shared;            /* freed by its holder (the version cache or an
				 * arena): framework_free leaves it */
} framework;

/* One problem found in a file: where, what, and a stable code for tests. */
typedef struct fw_problem {
	char path[256];
	int line, column;       /* 0 when the library gives none */
	const char *code;       /* "unknown-field", "duplicate-key" ... */
	char msg[512];
} fw_problem;

#define FW_MAX_PROBLEMS 50

typedef struct fw_report {
	fw_problem problems[FW_MAX_PROBLEMS];
	size_t n;
	size_t dropped;         /* problems past FW_MAX_PROBLEMS */
} fw_report;

/* Loads and validates one file. Returns NULL and fills `report` when the
 * file is wrong; the caller frees a loaded framework. */
framework *framework_load(const char *path, fw_report *report);
/* The same from a JSON text (for tests and imports); `name` stands in for
 * the file name in messages and in the id check. */
framework *framework_load_text(const char *name, const char *text, fw_report *report);
/* The same from a canonical text (framework_canonical_text's: a stored
 * version, an export's), whose hash is taken over the text as it is.
 * Another text of the same document hashes otherwise. */
framework *framework_load_canonical(const char *name, const char *text, fw_report *report);
void framework_free(framework *fw);
/* The document written back with sorted keys and no spacing: the text
 * hashed and stored as a version (malloc'd; NULL when out of memory). */
char *framework_canonical_text(const framework *fw);

/* Validation without building: used by framework_load. */
bool framework_validate(const char *name, json_t *doc, fw_report *report);

/* Builds the typed model of a validated document (build.c). */
void framework_build(framework *fw);

/* Lookups by key; NULL when there is none (or key is NULL). */
const fw_element *framework_element(const framework *fw, const char *key);
const fw_item *element_indicator(const fw_element *el, const char *key);
const fw_item *element_level(const fw_element *el, const char *key);
const fw_section *framework_section(const framework *fw, const char *key);
const fw_item *fw_item_find(const fw_item *items, size_t n, const char *key);
const fw_item *section_question(const fw_section *sec, const char *key);
const fw_measure *framework_measure(const framework *fw, const char *key);
const fw_field *framework_field(const framework *fw, const char *key);
const fw_item *framework_outcome(const framework *fw, const char *key);
const fw_item *framework_column(const framework *fw, const char *key);
const fw_item *framework_aspect(const framework *fw, const char *key);
/* The text of an exemplar's cell in column `column`, or NULL. */
const char *exemplar_cell(const fw_exemplar *ex, const char *column);

/* Formats a problem as "FILE: PATH: message", or as "FILE:LINE:COL: message"
 * when the JSON parser gave a line (its path is then only "(JSON text)"). */
void fw_problem_format(const char *file, const fw_problem *p, char *out, size_t size);

/* Every instrument of a directory. Bad files are kept as messages. */
typedef struct fw_registry {
	framework **items;      /* sorted by id */
	size_t n;
	char **failures;        /* "FILE: problem" lines, one per bad file problem */
	size_t n_failures;
	char *dir;
	/* Deferred (fw_registry_defer): the files listed, not read yet. */
	bool deferred;
	char **pending;
	size_t n_pending;
	/* Told each bad file's problem as it is read (set by the owner). */
	void (*told)(const char *failure);
} fw_registry;

/* Loads every *.json of `dir` (NULL: $COPRO_FRAMEWORKS, else the bundled
 * directory). Returns -1 only when the directory cannot be read. */
int fw_registry_load(fw_registry *r, const char *dir, err *e);
/* The same, but only lists the directory (its errors are the same): a
 * file is read when fw_registry_find first asks for its instrument (an
 * id is its file's name), the rest by fw_registry_ready. For one thread
 * only (a command line's); items, n and failures hold only what was read
 * until fw_registry_ready. */
int fw_registry_defer(fw_registry *r, const char *dir, err *e);
void fw_registry_ready(fw_registry *r);
const framework *fw_registry_find(const fw_registry *r, const char *id);
void fw_registry_free(fw_registry *r);
const char *fw_default_dir(void);

#endif
