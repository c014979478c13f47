/* test_durable.c: what the crash suite found (issue 15, section 4): the
 * WAL copro syncs is the live one, and the WAL stays bounded. */
#include "testutil.h"

#include <dirent.h>

/* How many of this process's descriptors name a deleted file called
 * "*-wal": a WAL that SQLite removed while copro kept syncing it. */
static int deleted_wals_held(void)
{
	DIR *d = opendir("/proc/self/fd");
	assert_non_null(d);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		char link[300], target[600];
		snprintf(link, sizeof link, "/proc/self/fd/%s", de->d_name);
		ssize_t len = readlink(link, target, sizeof target - 1);
		if (len <= 0)
			continue;
		target[len] = 0;
		if (strstr(target, "-wal (deleted)"))
			n++;
	}
	closedir(d);
	return n;
}

/* A commit is synced through a descriptor copro holds. When every
 * connection closes, SQLite deletes the WAL; the next WAL can get the
 * same inode number, so a descriptor kept on the deleted one passed the
 * inode check and was synced instead of the new WAL: acknowledged writes
 * were not on disk (a power-cut trial lost 21). */
static void the_synced_wal_is_never_a_deleted_one(void **state)
{
	fixture *f = *state;
	fixture_org(f, "Synced Once");
	store_close(&f->db);            /* the last connection: the WAL goes */
	assert_int_equal(deleted_wals_held(), 0);
	assert_int_equal(store_open(&f->db, f->path, STORE_EXISTING, &f->e), 0);
	fixture_org(f, "Synced Again");
	assert_int_equal(deleted_wals_held(), 0);
	uint64_t c0, s0, c1, s1;
	store_commit_counts(&c0, &s0);
	fixture_org(f, "And Again");
	store_commit_counts(&c1, &s1);
	assert_int_equal(s1 - s0, 1);   /* the new WAL is synced, by its own descriptor */
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(the_synced_wal_is_never_a_deleted_one),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
