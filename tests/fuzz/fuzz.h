/* fuzz.h: what the libFuzzer harnesses (tests/fuzz/fuzz_*.c) share: a
 * database of their own in memory-backed storage with the bundled
 * instruments, made once per process. Each harness defines
 * LLVMFuzzerTestOneInput; `make fuzz` links it with libFuzzer, and
 * `make check` with replay.c, which runs it once on every file of its
 * seed corpus (tests/fuzz/corpus/NAME). */
#ifndef COPRO_FUZZ_H
#define COPRO_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/domain.h"
#include "store/store.h"

typedef struct fuzz_world {
	char dir[64], db_path[96];
	store db;
	fw_registry frameworks;
	arena mem;
	domain d;
} fuzz_world;

/* The world, made on first use (a new database with the demo
 * organisation); exits with a message when it cannot be made. */
fuzz_world *fuzz_world_get(void);
/* The input as a NUL-terminated copy (free it). */
char *fuzz_text(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
