/* world.c: the harnesses' shared world (tests/fuzz/fuzz.h). */
#include "fuzz.h"

#include <unistd.h>

#include "domain/account.h"

static fuzz_world world;
static int made;

static void fail(const char *what, const err *e)
{
	fprintf(stderr, "fuzz: %s: %s\n", what, e ? e->msg : "");
	exit(2);
}

fuzz_world *fuzz_world_get(void)
{
	if (made)
		return &world;
	/* In memory-backed storage where there is one: every commit syncs. */
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(world.dir, sizeof world.dir, "%s/copro-fuzz-XXXXXX", base);
	if (!mkdtemp(world.dir))
		fail("cannot make a directory", NULL);
	snprintf(world.db_path, sizeof world.db_path, "%s/fuzz.db", world.dir);
	err e = {0};
	const char *fw = getenv("COPRO_FRAMEWORKS");
	if (fw_registry_load(&world.frameworks, fw ? fw : fw_default_dir(), &e) < 0)
		fail("instruments", &e);
	if (store_open(&world.db, world.db_path, STORE_CREATE, &e) < 0)
		fail("database", &e);
	world.d = (domain){.db = &world.db, .frameworks = &world.frameworks, .mem = &world.mem};
	int64_t org;
	if (demo_load(&world.d, &org, &e) < 0)
		fail("demo", &e);
	made = 1;
	return &world;
}

char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
