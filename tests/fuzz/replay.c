/* replay.c: runs a harness once on each file named on the command line or
 * found in the seed corpus directory it was built for (FUZZ_CORPUS), so
 * `make check` replays every seed under AddressSanitizer without
 * libFuzzer (which needs clang). Prints cmocka's summary lines, which
 * tests/run reads. */
#include <dirent.h>
#include <sys/stat.h>

#include "fuzz.h"

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot read %s\n", path);
		return -1;
	}
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		abort();
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("COPRO_FUZZ_CORPUS");
	if (!dir)
		dir = FUZZ_CORPUS;
	DIR *d = opendir(dir);
	if (!d) {
		printf("[  FAILED  ] 1 test(s): no corpus at %s\n", dir);
		return 1;
	}
	int runs = 0, failed = 0;
	struct dirent *de;
	char path[4096];
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		printf("[ RUN      ] %s\n", de->d_name);
		fflush(stdout);
		failed += replay_file(path) < 0;
		runs++;
	}
	closedir(d);
	if (!runs || failed) {
		printf("[  FAILED  ] %d test(s)\n", failed ? failed : 1);
		return 1;
	}
	printf("[  PASSED  ] %d test(s).\n", runs);
	return 0;
}
