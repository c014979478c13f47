/* load.c: reading an instrument file with jansson, validating it, and
 * building the typed model the rest of copro walks (build.c). */
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

char *framework_canonical_text(const framework *fw)
{
	return json_dumps(fw->doc, JSON_COMPACT | JSON_SORT_KEYS);
}

/* The hash is over the parsed document written back with sorted keys and
 * no spacing, so reformatting a file does not make it a new version. A
 * text known to be that already (`canon`: a stored version) is hashed as
 * it is: writing it back was half of the hash's cost. */
static int hash_doc(framework *fw, const char *canon)
{
	char *made = canon ? NULL : framework_canonical_text(fw);
	const char *text = canon ? canon : made;
	if (!text)
		return -1;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)text, strlen(text));
	free(made);
	sodium_bin2hex(fw->hash, sizeof fw->hash, digest, sizeof digest);
	return 0;
}

static framework *finish(const char *name, json_t *doc, const char *canon, fw_report *report)
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
	framework_build(fw);
	if (hash_doc(fw, canon) < 0) {
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
	return finish(path, doc, NULL, report);
}

static framework *load_text(const char *name, const char *text, bool canonical, fw_report *report)
{
	json_error_t je;
	json_t *doc = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		report_parse_error(report, &je);
		return NULL;
	}
	return finish(name, doc, canonical ? text : NULL, report);
}

framework *framework_load_text(const char *name, const char *text, fw_report *report)
{
	return load_text(name, text, false, report);
}

framework *framework_load_canonical(const char *name, const char *text, fw_report *report)
{
	return load_text(name, text, true, report);
}

void framework_free(framework *fw)
{
	if (!fw || fw->shared)
		return;
	json_decref(fw->doc);
	arena_free(&fw->mem);
	free(fw);
}

void fw_problem_format(const char *file, const fw_problem *p, char *out, size_t size)
{
	if (p->line > 0)
		snprintf(out, size, "%s:%d:%d: %s", file, p->line, p->column, p->msg);
	else
		snprintf(out, size, "%s: %s: %s", file, p->path, p->msg);
}
