/* test_durable.c: what the crash suite looked at (issue 15, section 4):
 * the WAL copro syncs is the live one, and the WAL stays bounded. */
#include "testutil.h"

#include <dirent.h>
#include <pthread.h>
#include <time.h>

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
 * connection closes, SQLite deletes the WAL and the next connection makes
 * a new one. The descriptor kept on the deleted WAL was suspected of
 * syncing the wrong file (issue 15, 4.1); on Linux it cannot, since an
 * open inode's number is not given to a new file, but it is let go with
 * the last connection now, and the new WAL is synced through its own. */
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

static off_t wal_size(fixture *f)
{
	char path[sizeof f->path + 8];
	struct stat sb;
	snprintf(path, sizeof path, "%s-wal", f->path);
	return stat(path, &sb) == 0 ? sb.st_size : 0;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* A checkpoint made by serve's checkpoint thread (a thread of its own). */
static void *checkpoint_thread(void *arg)
{
	fixture *f = arg;
	int pages;
	err e = {0};
	assert_int_equal(store_checkpoint(&f->db, &pages, &e), 0);
	return NULL;
}

/* Passive checkpoints alone never emptied the WAL while readers came and
 * went (1.44 GB beside a 149 MB database): past the limit a checkpoint
 * now empties it once the reader of an old snapshot has let go, and waits
 * for such a reader only briefly. */
static void the_wal_is_bounded_once_readers_let_go(void **state)
{
	fixture *f = *state;
	setenv("COPRO_WAL_LIMIT_MB", "1", 1);
	store_close(&f->db);
	assert_int_equal(store_open(&f->db, f->path, STORE_EXISTING, &f->e), 0);
	store_checkpoint_in_background(&f->db);      /* as in copro serve */
	store reader;
	assert_int_equal(store_open(&reader, f->path, STORE_EXISTING, &f->e), 0);
	assert_int_equal(store_read_begin(&reader, &f->e), 0);
	assert_int_equal(sqlite3_exec(reader.db, "SELECT COUNT(*) FROM organisation", NULL, NULL, NULL), SQLITE_OK);
	char name[200];
	for (int i = 0; i < 600; i++) {
		snprintf(name, sizeof name, "School %d %0*d", i, 150, 0);
		fixture_org(f, name);
	}
	assert_true(wal_size(f) > (1 << 20));
	double t0 = now_s();
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, checkpoint_thread, f), 0);
	pthread_join(th, NULL);
	assert_true(now_s() - t0 < 2.0);    /* the reader is waited for briefly */
	store_read_end(&reader);
	store_close(&reader);
	int pages;
	assert_int_equal(store_checkpoint(&f->db, &pages, &f->e), 0);
	assert_true(wal_size(f) <= (1 << 20));
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM organisation WHERE name LIKE 'School %'"), 600);
	unsetenv("COPRO_WAL_LIMIT_MB");
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(the_synced_wal_is_never_a_deleted_one), T(the_wal_is_bounded_once_readers_let_go),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
