/* framework.h: an instrument loaded from its JSON file (docs/frameworks.md)
 * and the registry of every instrument found at start-up. */
#ifndef COPRO_FRAMEWORK_H
#define COPRO_FRAMEWORK_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"

/* An indicator, level or question: `text` holds a level's descriptor. */
typedef struct fw_item {
	const char *key, *title, *text, *gap;
} fw_item;

struct fw_section;

typedef struct fw_element {
	const char *key, *title, *description, *gap;
	fw_item *indicators, *levels, *questions;
	size_t n_indicators, n_levels, n_questions;
	const struct fw_section *section;
} fw_element;

typedef struct fw_section {
	const char *key, *title, *promise, *description, *gap;
	fw_element *elements;
	size_t n_elements;
} fw_section;

typedef struct framework {
	const char *id, *title, *kind, *path;
	const char *term_section, *term_element, *term_indicator;
	char hash[65];          /* SHA-256 of the canonical JSON, in hex */
	json_t *doc;            /* owns every string above */
	fw_section *sections;
	size_t n_sections, n_elements, n_indicators, n_levels, n_questions, n_gaps;
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
void framework_free(framework *fw);

/* Validation without building: used by framework_load. */
bool framework_validate(const char *name, json_t *doc, fw_report *report);

const fw_element *framework_element(const framework *fw, const char *key);
const fw_item *element_indicator(const fw_element *el, const char *key);
const fw_section *framework_section(const framework *fw, const char *key);

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
} fw_registry;

/* Loads every *.json of `dir` (NULL: $COPRO_FRAMEWORKS, else the bundled
 * directory). Returns -1 only when the directory cannot be read. */
int fw_registry_load(fw_registry *r, const char *dir, err *e);
const framework *fw_registry_find(const fw_registry *r, const char *id);
void fw_registry_free(fw_registry *r);
const char *fw_default_dir(void);

#endif
