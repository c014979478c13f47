/* test_export.c: export, import, export gives the same bytes; a damaged,
 * foreign or duplicate file changes nothing. */
#include "testutil.h"

/* A second, empty database beside the fixture's. */
typedef struct other_db {
	store db;
	domain d;
} other_db;

static void open_other(fixture *f, other_db *o, const char *name)
{
	char path[200];
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	assert_int_equal(store_open(&o->db, path, STORE_CREATE, &f->e), 0);
	o->d = (domain){.db = &o->db, .frameworks = &f->frameworks, .mem = &f->mem};
}

static char *export_demo(fixture *f, int64_t *org)
{
	assert_int_equal(demo_load(&f->d, org, &f->e), 0);
	char *json = NULL;
	assert_int_equal(org_export(&f->d, *org, &json, &f->e), 0);
	return json;
}

static void round_trip_is_byte_identical(void **state)
{
	fixture *f = *state;
	int64_t org, imported;
	char *first = export_demo(f, &org);
	other_db o;
	open_other(f, &o, "second.db");
	assert_int_equal(org_import(&o.d, first, strlen(first), &imported, &f->e), 0);
	char *second = NULL;
	assert_int_equal(org_export(&o.d, imported, &second, &f->e), 0);
	assert_string_equal(first, second);

	/* What came across is the real content, not just matching bytes. */
	evaluation_list evs;
	assert_int_equal(store_evaluation_list(&o.db, &f->mem, imported, &evs, &f->e), 0);
	assert_int_equal(evs.n, 1);
	evaluation_progress p;
	assert_int_equal(evaluation_progress_load(&o.d, evs.items[0].id, &p, &f->e), 0);
	assert_int_equal(p.indicators, 131);        /* 130 + the demo's own indicator */
	assert_true(p.indicators_evidenced > 10);
	evaluation_progress_free(&p);
	free(first);
	free(second);
	store_close(&o.db);
}

static void refuse_import(fixture *f, const char *text, const char *fragment)
{
	other_db o;
	open_other(f, &o, "target.db");
	int64_t before = test_count_rows(&o.db), org;
	err e = {0};
	assert_int_equal(org_import(&o.d, text, strlen(text), &org, &e), -1);
	if (!strstr(e.msg, fragment))
		fail_msg("message \"%s\" lacks \"%s\"", e.msg, fragment);
	assert_int_equal(test_count_rows(&o.db), before);
	store_close(&o.db);
}

static void damaged_files_refused(void **state)
{
	fixture *f = *state;
	int64_t org;
	char *json = export_demo(f, &org);

	char *truncated = strdup(json);
	truncated[strlen(truncated) / 2] = '\0';
	refuse_import(f, truncated, "not valid JSON");
	free(truncated);

	char *edited = strdup(json);
	char *at = strstr(edited, "Riverside");
	assert_non_null(at);
	at[0] = 'L';
	refuse_import(f, edited, "checksum does not match");
	free(edited);

	refuse_import(f, "{\"format\": \"something-else\"}", "not a copro export");
	refuse_import(f, "[1, 2, 3]", "not a copro export");
	refuse_import(f, "", "not valid JSON");
	refuse_import(f, "{\"format\": \"copro-export-1\", \"format\": \"x\"}", "not valid JSON");
	free(json);
}

/* Rebuilds the checksum after an edit, as a forger would, to prove the
 * record checks stand on their own. */
static char *reseal(json_t *doc)
{
	json_object_del(doc, "checksum");
	char *canon = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
	unsigned char digest[32];
	crypto_hash_sha256(digest, (const unsigned char *)canon, strlen(canon));
	free(canon);
	char hex[65], sum[80];
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	snprintf(sum, sizeof sum, "sha256:%s", hex);
	json_object_set_new(doc, "checksum", json_string(sum));
	return json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
}

static void resealed_bad_records_refused(void **state)
{
	fixture *f = *state;
	int64_t org;
	char *json = export_demo(f, &org);
	struct {
		const char *what, *fragment;
	} cases[] = {
		{"unknown field", "unknown fields: colour"},
		{"bad date", "2026-02-30"},
		{"unknown indicator", "does not exist"},
		{"bad evaluation ref", "does not hold"},
		{"bad sector", "sector"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		json_t *doc = json_loads(json, 0, NULL);
		json_t *ev0 = json_array_get(json_object_get(doc, "evidence"), 0);
		json_t *link0 = json_array_get(json_object_get(ev0, "links"), 0);
		switch (i) {
		case 0: json_object_set_new(ev0, "colour", json_string("blue")); break;
		case 1: json_object_set_new(ev0, "date", json_string("2026-02-30")); break;
		case 2: json_object_set_new(link0, "indicator", json_string("zz")); break;
		case 3: json_object_set_new(link0, "evaluation", json_integer(7)); break;
		case 4: json_object_set_new(json_object_get(doc, "organisation"), "sector",
					    json_string("retail")); break;
		}
		char *text = reseal(doc);
		json_decref(doc);
		refuse_import(f, text, cases[i].fragment);
		free(text);
	}
	free(json);
}

static void existing_organisation_refused(void **state)
{
	fixture *f = *state;
	int64_t org, again;
	char *json = export_demo(f, &org);
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(org_import(&f->d, json, strlen(json), &again, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_non_null(strstr(f->e.msg, "already exists"));
	assert_int_equal(test_count_rows(&f->db), before);
	free(json);
}

static void empty_organisation(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Quiet School"), imported;
	char *json = NULL, *again = NULL;
	assert_int_equal(org_export(&f->d, org, &json, &f->e), 0);
	other_db o;
	open_other(f, &o, "quiet.db");
	assert_int_equal(org_import(&o.d, json, strlen(json), &imported, &f->e), 0);
	assert_int_equal(org_export(&o.d, imported, &again, &f->e), 0);
	assert_string_equal(json, again);
	free(json);
	free(again);
	assert_int_equal(org_export(&f->d, org + 99, &again, &f->e), -1);
	assert_null(again);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	store_close(&o.db);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(round_trip_is_byte_identical), T(damaged_files_refused),
		T(resealed_bad_records_refused), T(existing_organisation_refused),
		T(empty_organisation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
