/* fuzz_import.c: the organisation import from an export's JSON
 * (src/domain/import*.c). A JSON object gets its checksum computed afresh
 * before the import, as export would have written it, so the fuzzer
 * reaches the checks behind the checksum; anything else goes in as it
 * is. Nothing stays: each import is rolled back. */
#include "fuzz.h"

#include <jansson.h>

#include "domain/export.h"

/* The input with a correct checksum, when it is a JSON object. */
static char *with_checksum(const uint8_t *data, size_t size)
{
	json_error_t je;
	json_t *doc = json_loadb((const char *)data, size, 0, &je);
	if (!doc || !json_is_object(doc)) {
		json_decref(doc);
		return fuzz_text(data, size);
	}
	json_object_del(doc, "checksum");
	char sum[72];
	if (export_checksum(doc, sum) == 0)
		json_object_set_new(doc, "checksum", json_string(sum));
	char *text = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	return text ? text : fuzz_text(data, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_world *w = fuzz_world_get();
	char *text = with_checksum(data, size);
	int64_t org = 0;
	err e = {0};
	/* Inside a transaction rolled back after, so every input meets the
	 * same database: an organisation imported once would make every
	 * later input with its name a duplicate. */
	if (store_begin(&w->db, &e) < 0)
		abort();
	int rc = org_import(&w->d, text, strlen(text), &org, &e);
	store_rollback(&w->db);
	if (getenv("COPRO_FUZZ_VERBOSE"))
		fprintf(stderr, "import: %s\n", rc == 0 ? "imported" : e.msg);
	free(text);
	arena_free(&w->mem);
	return 0;
}
