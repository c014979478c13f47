/* test_registry.c: loading every instrument of a directory, bad files reported by name. */
#include "testutil.h"

#define VALID_DOC(id) \
	"{\"format\":\"copro-framework-1\",\"id\":\"" id "\",\"title\":\"T\",\"kind\":\"evidence\"," \
	"\"source\":{\"title\":\"S\"},\"sections\":[{\"key\":\"1\",\"title\":\"S1\",\"elements\":" \
	"[{\"key\":\"1i\",\"title\":\"E\",\"indicators\":[{\"key\":\"a\",\"text\":\"A\"}]}]}]}"

typedef struct dirfix {
	char dir[64];
} dirfix;

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* The valid files are written in reverse order so the sort is tested
 * rather than the order the directory happens to list them in. */
static int setup(void **state)
{
	dirfix *d = calloc(1, sizeof *d);
	assert_non_null(d);
	snprintf(d->dir, sizeof d->dir, "/tmp/copro-fw-XXXXXX");
	assert_non_null(mkdtemp(d->dir));
	write_file(d->dir, "zeta.json", VALID_DOC("zeta"));
	write_file(d->dir, "alpha.json", VALID_DOC("alpha"));
	write_file(d->dir, "broken.json", "{\n  \"format\": \"copro-framework-1\"\n  \"id\": \"broken\"\n}\n");
	write_file(d->dir, "mismatch.json", VALID_DOC("other"));
	write_file(d->dir, "readme.txt", "{ not an instrument");
	*state = d;
	return 0;
}

static int teardown(void **state)
{
	dirfix *d = *state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", d->dir);
	free(d);
	return 0;
}

static size_t failures_naming(const fw_registry *r, const char *fragment)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_failures; i++)
		n += strstr(r->failures[i], fragment) != NULL;
	return n;
}

static void loads_valid_files_sorted(void **state)
{
	dirfix *d = *state;
	fw_registry r;
	err e = {0};
	assert_int_equal(fw_registry_load(&r, d->dir, &e), 0);
	assert_string_equal(r.dir, d->dir);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.items[0]->id, "alpha");
	assert_string_equal(r.items[1]->id, "zeta");
	fw_registry_free(&r);
}

static void records_bad_files_by_name(void **state)
{
	dirfix *d = *state;
	fw_registry r;
	err e = {0};
	assert_int_equal(fw_registry_load(&r, d->dir, &e), 0);
	for (size_t i = 0; i < r.n_failures; i++)
		print_message("  failure: %s\n", r.failures[i]);
	assert_int_equal(r.n_failures, 2);
	char want[128];
	snprintf(want, sizeof want, "%s/broken.json:3:", d->dir);
	assert_int_equal(failures_naming(&r, want), 1);
	snprintf(want, sizeof want, "%s/mismatch.json: id: ", d->dir);
	assert_int_equal(failures_naming(&r, want), 1);
	assert_int_equal(failures_naming(&r, "\"other\""), 1);
	assert_int_equal(failures_naming(&r, "readme"), 0);
	assert_null(fw_registry_find(&r, "other"));
	assert_null(fw_registry_find(&r, "broken"));
	fw_registry_free(&r);
}

static void find_by_id(void **state)
{
	dirfix *d = *state;
	fw_registry r;
	err e = {0};
	assert_int_equal(fw_registry_load(&r, d->dir, &e), 0);
	const framework *fw = fw_registry_find(&r, "zeta");
	assert_non_null(fw);
	assert_string_equal(fw->id, "zeta");
	assert_non_null(strstr(fw->path, "/zeta.json"));
	assert_ptr_equal(fw_registry_find(&r, "alpha"), r.items[0]);
	assert_null(fw_registry_find(&r, "zet"));
	fw_registry_free(&r);
}

static void missing_directory(void **state)
{
	dirfix *d = *state;
	char missing[128];
	snprintf(missing, sizeof missing, "%s/no-such-dir", d->dir);
	fw_registry r;
	err e = {0};
	assert_int_equal(fw_registry_load(&r, missing, &e), -1);
	assert_int_equal(e.kind, ERR_IO);
	assert_non_null(strstr(e.msg, missing));
	assert_non_null(strstr(e.msg, "COPRO_FRAMEWORKS"));
	assert_int_equal(r.n, 0);
	fw_registry_free(&r);
}

/* tests/run sets COPRO_FRAMEWORKS itself, so the test puts it back. */
static void env_var_chooses_directory(void **state)
{
	dirfix *d = *state;
	const char *old = getenv("COPRO_FRAMEWORKS");
	char *saved = old ? strdup(old) : NULL;

	setenv("COPRO_FRAMEWORKS", d->dir, 1);
	assert_string_equal(fw_default_dir(), d->dir);
	fw_registry r;
	err e = {0};
	assert_int_equal(fw_registry_load(&r, NULL, &e), 0);
	assert_string_equal(r.dir, d->dir);
	assert_int_equal(r.n, 2);
	fw_registry_free(&r);

	setenv("COPRO_FRAMEWORKS", "", 1);
	assert_string_equal(fw_default_dir(), COPRO_FRAMEWORKS_DIR);
	unsetenv("COPRO_FRAMEWORKS");
	assert_string_equal(fw_default_dir(), COPRO_FRAMEWORKS_DIR);

	if (saved)
		setenv("COPRO_FRAMEWORKS", saved, 1);
	free(saved);
}

/* A deferred registry (a command line's) lists the folder at once, so a
 * folder it cannot read is refused there, and reads a file when its
 * instrument is first asked for (what is on disk then), the rest at
 * fw_registry_ready: each bad file told to its owner once, as it is
 * read, and the same registry as fw_registry_load's at the end. */
static size_t told;
static void count_told(const char *failure)
{
	told += failure != NULL;
}

static void deferred_reads_each_file_when_asked(void **state)
{
	dirfix *d = *state;
	fw_registry r;
	err e = {0};
	char missing[128];
	snprintf(missing, sizeof missing, "%s/no-such-dir", d->dir);
	assert_int_equal(fw_registry_defer(&r, missing, &e), -1);
	assert_int_equal(e.kind, ERR_IO);
	assert_non_null(strstr(e.msg, "COPRO_FRAMEWORKS"));
	fw_registry_free(&r);

	assert_int_equal(fw_registry_defer(&r, d->dir, &e), 0);
	r.told = count_told;
	told = 0;
	assert_int_equal(r.n, 0);
	/* Changed on disk after the start, before it is first asked for. */
	write_file(d->dir, "zeta.json",
		   "{\"format\":\"copro-framework-1\",\"id\":\"zeta\",\"title\":\"Changed\",\"kind\":\"evidence\","
		   "\"source\":{\"title\":\"S\"},\"sections\":[{\"key\":\"1\",\"title\":\"S1\",\"elements\":"
		   "[{\"key\":\"1i\",\"title\":\"E\",\"indicators\":[{\"key\":\"a\",\"text\":\"A\"}]}]}]}");
	const framework *zeta = fw_registry_find(&r, "zeta");
	assert_non_null(zeta);
	assert_string_equal(zeta->title, "Changed");
	assert_int_equal(r.n, 1);               /* only its file was read */
	assert_ptr_equal(fw_registry_find(&r, "zeta"), zeta);
	assert_null(fw_registry_find(&r, "other"));     /* in mismatch.json: never by its id */
	assert_null(fw_registry_find(&r, "zet"));
	assert_null(fw_registry_find(&r, "broken"));    /* read, told, not loaded */
	assert_int_equal(told, 1);
	assert_int_equal(failures_naming(&r, "broken.json"), 1);
	assert_int_equal(r.n, 1);
	fw_registry_ready(&r);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.items[0]->id, "alpha");
	assert_ptr_equal(r.items[1], zeta);
	assert_int_equal(r.n_failures, 2);
	assert_int_equal(told, 2);              /* each once */
	fw_registry_ready(&r);
	assert_int_equal(told, 2);
	assert_int_equal(r.n, 2);
	fw_registry_free(&r);

	/* Freed with files read and unread: nothing leaks. */
	assert_int_equal(fw_registry_defer(&r, d->dir, &e), 0);
	assert_non_null(fw_registry_find(&r, "alpha"));
	fw_registry_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(loads_valid_files_sorted, setup, teardown),
		cmocka_unit_test_setup_teardown(records_bad_files_by_name, setup, teardown),
		cmocka_unit_test_setup_teardown(find_by_id, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(env_var_chooses_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(deferred_reads_each_file_when_asked, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
