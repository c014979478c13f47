/* fuzz_framework.c: the instrument loader (src/framework/load.c and the
 * validation and build behind it). The loader checks a file's name against
 * the instrument's id, so the name is taken from the input's "id" where
 * it has one, to reach the checks after that. */
#include "fuzz.h"

#include <jansson.h>

#include "framework/framework.h"

static void name_of(const char *text, char *name, size_t n)
{
	snprintf(name, n, "fuzz.json");
	json_error_t je;
	json_t *doc = json_loads(text, 0, &je);
	const char *id = json_string_value(json_object_get(doc, "id"));
	if (id)
		snprintf(name, n, "%s.json", id);
	json_decref(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	char name[300];
	name_of(text, name, sizeof name);
	static fw_report report;
	memset(&report, 0, sizeof report);
	framework *fw = framework_load_text(name, text, &report);
	if (fw)
		framework_free(fw);
	else if (!report.n)
		abort();        /* refused without saying why */
	free(text);
	return 0;
}
