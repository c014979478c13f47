/* test_revision.c: migration 7's triggers (since 25 appending to the
 * change log) keep each organisation's and area's revision: every change
 * to their records moves them, in the same transaction, a change
 * elsewhere leaves them alone, and folding the log changes none. */
#include "testutil.h"

#include <libpq-fe.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "domain/account.h"
#include "store/account.h"
#include "store/sql.h"

static int64_t org_rev(fixture *f, int64_t org)
{
	int64_t n = -1;
	assert_int_equal(store_org_revision(&f->db, org, &n, &f->e), 0);
	return n;
}

static int64_t area_rev(fixture *f, int64_t area)
{
	int64_t n = -1;
	assert_int_equal(store_area_revision(&f->db, area, &n, &f->e), 0);
	return n;
}

/* Through the store, so that the same writes run on either engine. */
static void run(fixture *f, const char *sql)
{
	if (sql_exec(&f->db, sql, &f->e) < 0)
		fail_msg("%s: %s", sql, f->e.msg);
}

/* Each kind of record, reached directly or through its parents, counts
 * for its organisation and its area, and for no other organisation. */
static void changes_bump_their_organisation_and_area(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Neighbour");
	int64_t area = fixture_org_area(f, org);
	assert_int_equal(org_rev(f, 999), 0);           /* never changed: 0 */
	int64_t eval = fixture_evaluation(f, org);
	char sql[1024];
	/* One statement per kind of record; each must move both counters. */
	const char *steps[] = {
		"INSERT INTO evidence (organisation_id, title, evidence_date, with_cyp, with_parents, with_practitioners,"
		" created_at, updated_at) VALUES (%1$lld, 'E', '2026-01-01', 0, 1, 0, 'x', 'x')",
		"INSERT INTO evidence_link (evidence_id, evaluation_id, element_key, indicator_key, created_at)"
		" VALUES ((SELECT MAX(id) FROM evidence), %2$lld, '1i', 'a', 'x')",
		"UPDATE evidence_link SET confirmed_at = 'y' WHERE evaluation_id = %2$lld",
		"INSERT INTO statement_review (evaluation_id, element_key, status, updated_at)"
		" VALUES (%2$lld, '1i', 'in-progress', 'x')",
		"INSERT INTO measure (organisation_id, cycle, framework_hash, cornerstone_key, own_text,"
		" created_at, updated_at) VALUES (%1$lld, '2026-27', (SELECT MIN(hash) FROM framework_version),"
		" '1', 'M', 'x', 'x')",
		"INSERT INTO metric (measure_id, name, kind, direction, created_at, updated_at)"
		" VALUES ((SELECT MAX(id) FROM measure), 'm', 'count', 'higher', 'x', 'x')",
		"INSERT INTO reading (metric_id, taken_on, value, source, created_at)"
		" VALUES ((SELECT MAX(id) FROM metric), '2026-01-01', 3, 'survey', 'x')",
		"DELETE FROM reading",
		"DELETE FROM evidence_link WHERE evaluation_id = %2$lld",
	};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		int64_t o = org_rev(f, org), a = area_rev(f, area), other_before = org_rev(f, other);
		snprintf(sql, sizeof sql, steps[i], (long long)org, (long long)eval);
		run(f, sql);
		if (org_rev(f, org) <= o || area_rev(f, area) <= a)
			fail_msg("no bump from: %s", sql);
		assert_int_equal(org_rev(f, other), other_before);
	}
}

/* A change that is rolled back leaves the counters as they were. */
static void rolled_back_change_bumps_nothing(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t before = org_rev(f, org), area_before = area_rev(f, fixture_org_area(f, org));
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	fixture_evaluation(f, org);
	assert_true(org_rev(f, org) > before);
	store_rollback(&f->db);
	assert_int_equal(org_rev(f, org), before);
	assert_int_equal(area_rev(f, fixture_org_area(f, org)), area_before);
}

/* The area's settings and name show on its organisations' pages; a
 * person's name shows wherever they are a member; an organisation moved
 * away leaves its old area's picture. */
static void area_and_people_changes_reach_the_pages_that_show_them(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t area = fixture_org_area(f, org);
	char sql[512];

	int64_t o = org_rev(f, org);
	snprintf(sql, sizeof sql, "INSERT INTO area_setting (area_id, updated_at) VALUES (%lld, 'x')",
		 (long long)area);
	run(f, sql);
	assert_true(org_rev(f, org) > o);
	o = org_rev(f, org);
	run(f, "UPDATE area SET name = 'Renamed Area'");
	assert_true(org_rev(f, org) > o);

	int64_t user;
	assert_int_equal(account_create(&f->d, "Sam", "sam@example.org", "a long enough password", &user,
					&f->e), 0);
	snprintf(sql, sizeof sql, "INSERT INTO membership (user_id, organisation_id, role, created_at)"
		 " VALUES (%lld, %lld, 'lead', 'x')", (long long)user, (long long)org);
	run(f, sql);
	o = org_rev(f, org);
	snprintf(sql, sizeof sql, "UPDATE app_user SET name = 'Sam Lee' WHERE id = %lld", (long long)user);
	run(f, sql);
	assert_true(org_rev(f, org) > o);

	org_row far = {.name = "Far School", .sector = "education", .area = "Elsewhere"};
	int64_t far_org;
	assert_int_equal(org_add(&f->d, &far, &far_org, &f->e), 0);
	int64_t elsewhere = fixture_org_area(f, far_org);
	int64_t a = area_rev(f, area), b = area_rev(f, elsewhere);
	snprintf(sql, sizeof sql, "UPDATE organisation SET area_id = %lld WHERE id = %lld",
		 (long long)elsewhere, (long long)org);
	run(f, sql);
	assert_true(area_rev(f, area) > a);
	assert_true(area_rev(f, elsewhere) > b);
}

#define EVIDENCE_INSERT \
	"INSERT INTO evidence (organisation_id, title, evidence_date, with_cyp, with_parents," \
	" with_practitioners, created_at, updated_at) VALUES (%lld, 'E', '2026-01-01', 0, 1, 0, 'x', 'x')"

static char *pg_one(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(r);
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
		fail_msg("%s: %s", sql, PQerrorMessage(c));
	char *v = strdup(st == PGRES_TUPLES_OK && PQntuples(r) ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	return v;
}

/* PostgreSQL numbers a logged change when it is inserted, not when it
 * commits: here the first transaction takes the lower number and commits
 * last. A page drawn between the two commits must not outlive the second,
 * so the revision read then must differ from the one read after it (a
 * revision that was the newest number would be the same both times). */
static void changes_committed_out_of_order_move_the_revision(void **state)
{
	fixture *f = *state;
	if (!store_engine_is_pg(&f->db))
		skip();                 /* one writer at a time: numbers follow commits */
	int64_t org = fixture_org(f, "School");
	int64_t area = fixture_org_area(f, org);
	char sql[512];
	snprintf(sql, sizeof sql, EVIDENCE_INSERT, (long long)org);
	PGconn *first = PQconnectdb(f->path);
	assert_int_equal(PQstatus(first), CONNECTION_OK);
	free(pg_one(first, "BEGIN"));
	free(pg_one(first, sql));
	char *first_id = pg_one(first, "SELECT MAX(id) FROM revision_change");

	run(f, sql);            /* another connection: a higher number, committed */
	assert_true(fixture_count(f, "SELECT MAX(id) FROM revision_change") > atoll(first_id));
	int64_t o = org_rev(f, org), a = area_rev(f, area);
	free(pg_one(first, "COMMIT"));
	assert_true(org_rev(f, org) > o);
	assert_true(area_rev(f, area) > a);
	free(first_id);
	PQfinish(first);
}

/* An organisation changed (evidence added `times`, its area renamed),
 * its neighbour not, and the revisions read then; the two organisations
 * are made at the first call (l zeroed). */
typedef struct logged {
	int64_t org, other, area;       /* ids */
	int64_t o, n, a;                /* their revisions */
	char insert[512];               /* the change to org */
} logged;

static void log_changes(fixture *f, logged *l, int times)
{
	if (!l->org) {
		l->org = fixture_org(f, "School");
		l->other = fixture_org(f, "Neighbour");
		l->area = fixture_org_area(f, l->org);
	}
	snprintf(l->insert, sizeof l->insert, EVIDENCE_INSERT, (long long)l->org);
	for (int i = 0; i < times; i++)
		run(f, l->insert);
	run(f, "UPDATE area SET name = 'Renamed Area'");
	l->o = org_rev(f, l->org);
	l->n = org_rev(f, l->other);
	l->a = area_rev(f, l->area);
	assert_true(fixture_count(f, "SELECT COUNT(*) FROM revision_change") > 0);
}

static void same_revisions(fixture *f, const logged *l)
{
	assert_int_equal(org_rev(f, l->org), l->o);
	assert_int_equal(org_rev(f, l->other), l->n);
	assert_int_equal(area_rev(f, l->area), l->a);
}

/* Folding moves the log into the counters: no revision moves, the log
 * is empty, and the next change moves them again. */
static void folding_the_log_keeps_every_revision(void **state)
{
	fixture *f = *state;
	logged l = {0};
	log_changes(f, &l, 1);
	for (int i = 0; i < 2; i++) {   /* the second finds nothing to fold */
		assert_int_equal(store_revisions_fold(&f->db, &f->e), 0);
		assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM revision_change"), 0);
		same_revisions(f, &l);
	}
	run(f, l.insert);
	assert_true(org_rev(f, l.org) > l.o);
	assert_true(area_rev(f, l.area) > l.a);
	assert_int_equal(org_rev(f, l.other), l.n);
}

/* A folder of its own: a connection opened in its thread, as copro
 * serve's housekeeping thread and a command each have theirs. */
typedef struct folder {
	pthread_t thread;
	const char *path;
	int rc;
	err e;
	atomic_bool *done;
} folder;

static void *fold_on_own_connection(void *arg)
{
	folder *k = arg;
	store s = {0};
	err e = {0};
	k->rc = store_open(&s, k->path, STORE_EXISTING, &e);
	if (k->rc == 0)
		k->rc = store_revisions_fold(&s, &e);
	k->e = e;
	store_close(&s);
	atomic_store(k->done, true);
	return NULL;
}

static void sleep_ms(long ms)
{
	struct timespec t = {.tv_sec = ms / 1000, .tv_nsec = ms % 1000 * 1000000L};
	nanosleep(&t, NULL);
}

/* Until both folders wait behind the lock (PostgreSQL: two backends of
 * this database waiting for a lock; SQLite shows none, so a pause). */
static void wait_for_two_waiters(fixture *f)
{
	if (!store_engine_is_pg(&f->db)) {
		sleep_ms(300);
		return;
	}
	for (int i = 0; i < 400; i++) {
		if (fixture_count(f, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
				  " AND wait_event_type = 'Lock'") >= 2)
			return;
		sleep_ms(50);
	}
	fail_msg("the two folders never both waited for the lock");
}

/* Two folders at once (two servers' housekeeping, or a server and a
 * command), each on its own connection, both started while a third
 * transaction holds what a fold must take: the counter row (PostgreSQL,
 * so both have read the log in their snapshots before either writes)
 * or the write lock (SQLite). Let go, they fold in turn or one loses and
 * leaves it to the other: every change is counted once, the log is
 * empty, and no revision read meanwhile, by a third connection, moved. */
static void two_folders_at_once_count_each_change_once(void **state)
{
	fixture *f = *state;
	logged l = {0};
	log_changes(f, &l, 1);
	assert_int_equal(store_revisions_fold(&f->db, &f->e), 0);       /* the counter rows exist */
	log_changes(f, &l, 3);

	char sql[512];
	PGconn *pg = NULL;
	store holder = {0};
	if (store_engine_is_pg(&f->db)) {
		pg = PQconnectdb(f->path);
		assert_int_equal(PQstatus(pg), CONNECTION_OK);
		free(pg_one(pg, "BEGIN"));
		snprintf(sql, sizeof sql, "SELECT n FROM org_revision WHERE organisation_id = %lld FOR UPDATE",
			 (long long)l.org);
		free(pg_one(pg, sql));
	} else {
		assert_int_equal(store_open(&holder, f->path, STORE_EXISTING, &f->e), 0);
		assert_int_equal(store_begin(&holder, &f->e), 0);
	}
	atomic_bool done[2] = {false, false};
	folder k[2];
	for (int i = 0; i < 2; i++) {
		k[i] = (folder){.path = f->path, .rc = -1, .done = &done[i]};
		assert_int_equal(pthread_create(&k[i].thread, NULL, fold_on_own_connection, &k[i]), 0);
	}
	wait_for_two_waiters(f);
	if (pg) {
		free(pg_one(pg, "COMMIT"));
		PQfinish(pg);
	} else {
		assert_int_equal(store_commit(&holder, &f->e), 0);
		store_close(&holder);
	}
	while (!atomic_load(&done[0]) || !atomic_load(&done[1]))
		same_revisions(f, &l);
	for (int i = 0; i < 2; i++) {
		pthread_join(k[i].thread, NULL);
		if (k[i].rc != 0)
			fail_msg("folder %d: %s", i, k[i].e.msg);
	}
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM revision_change"), 0);
	same_revisions(f, &l);
}

/* No trigger writes a counter row any more (every writer of an area
 * queued on its row until commit); each appends to the log. */
static void no_trigger_updates_a_counter_row(void **state)
{
	fixture *f = *state;
	const char *old, *appending;
	if (store_engine_is_pg(&f->db)) {
		old = "SELECT COUNT(*) FROM pg_proc WHERE prosrc LIKE '%INTO org_revision%'"
		      " OR prosrc LIKE '%INTO area_revision%'";
		appending = "SELECT COUNT(*) FROM pg_proc WHERE prosrc LIKE '%revision_change%'";
	} else {
		old = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"
		      " AND (sql LIKE '%INTO org_revision%' OR sql LIKE '%INTO area_revision%')";
		appending = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"
			    " AND sql LIKE '%revision_change%'";
	}
	assert_int_equal(fixture_count(f, old), 0);
	assert_true(fixture_count(f, appending) > 150);
}

/* On PostgreSQL (migration 27) a transaction writes one row per
 * organisation and area it reaches, not one per trigger: a statement
 * review and its activity line, the POST's two writes, write one row.
 * The revisions still move with every commit, a row written under a
 * savepoint rolled back is written again after it, and an organisation
 * moved within the transaction still reaches its new area. */
static void a_transaction_writes_one_row_per_organisation_it_reaches(void **state)
{
	fixture *f = *state;
	if (!store_engine_is_pg(&f->db))
		skip();                 /* SQLite keeps a row per trigger */
	int64_t org = fixture_org(f, "School");
	int64_t area = fixture_org_area(f, org);
	int64_t eval = fixture_evaluation(f, org);
	assert_int_equal(store_revisions_fold(&f->db, &f->e), 0);
	int64_t o = org_rev(f, org), a = area_rev(f, area);
	char sql[512];
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	snprintf(sql, sizeof sql, "INSERT INTO statement_review (evaluation_id, element_key, status, updated_at)"
		 " VALUES (%lld, '1i', 'in-progress', 'x')", (long long)eval);
	run(f, sql);
	snprintf(sql, sizeof sql, "INSERT INTO activity (at, user_name, area_id, organisation_id, what)"
		 " VALUES ('x', 'Sam', %lld, %lld, 'reviewed 1i')", (long long)area, (long long)org);
	run(f, sql);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM revision_change"), 1);
	assert_int_equal(org_rev(f, org), o + 1);
	assert_int_equal(area_rev(f, area), a + 1);

	snprintf(sql, sizeof sql, EVIDENCE_INSERT, (long long)org);
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	run(f, "SAVEPOINT before_evidence");
	run(f, sql);
	run(f, "ROLLBACK TO SAVEPOINT before_evidence");
	run(f, sql);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	assert_int_equal(org_rev(f, org), o + 2);
	assert_int_equal(area_rev(f, area), a + 2);

	org_row far = {.name = "Far School", .sector = "education", .area = "Elsewhere"};
	int64_t far_org;
	assert_int_equal(org_add(&f->d, &far, &far_org, &f->e), 0);
	int64_t elsewhere = fixture_org_area(f, far_org), b = area_rev(f, elsewhere);
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	run(f, sql);
	snprintf(sql, sizeof sql, "UPDATE organisation SET area_id = %lld WHERE id = %lld",
		 (long long)elsewhere, (long long)org);
	run(f, sql);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	assert_true(org_rev(f, org) > o + 2);
	assert_true(area_rev(f, area) > a + 2);
	assert_true(area_rev(f, elsewhere) > b);
}

/* The revisions of three organisations and two areas, and which of them
 * moved since `before` ('1' or '0' each, organisations first). */
static void revs_of(fixture *f, const int64_t org[3], const int64_t area[2], int64_t out[5])
{
	for (int i = 0; i < 3; i++)
		out[i] = org_rev(f, org[i]);
	for (int i = 0; i < 2; i++)
		out[3 + i] = area_rev(f, area[i]);
}

static const char *moved(fixture *f, const int64_t org[3], const int64_t area[2], int64_t before[5],
			 char out[6])
{
	int64_t now[5];
	revs_of(f, org, area, now);
	for (int i = 0; i < 5; i++)
		out[i] = now[i] > before[i] ? '1' : '0';
	out[5] = '\0';
	memcpy(before, now, sizeof now);
	return out;
}

/* The fixture's School, a Near School in its area and a Far School in
 * another (org[0..2], area[0..1]). */
static void three_orgs(fixture *f, int64_t org[3], int64_t area[2])
{
	org_row near = {.name = "Near School", .sector = "education", .area = "Test Area"}, far = {
		.name = "Far School", .sector = "education", .area = "Elsewhere"};
	org[0] = fixture_org(f, "School");
	assert_int_equal(org_add(&f->d, &near, &org[1], &f->e), 0);
	assert_int_equal(org_add(&f->d, &far, &org[2], &f->e), 0);
	area[0] = fixture_org_area(f, org[0]);
	area[1] = fixture_org_area(f, org[2]);
	assert_int_equal(fixture_org_area(f, org[1]), area[0]);
}

/* One transaction going back and forth between organisations and areas,
 * with a savepoint released, an area's own change and a deletion: every
 * organisation and area it reached moves, and no other, on both engines
 * (PostgreSQL's triggers skip only a row that repeats the one before). */
static void a_transaction_back_and_forth_moves_all_it_reached(void **state)
{
	fixture *f = *state;
	int64_t org[3], area[2], before[5];
	three_orgs(f, org, area);
	assert_int_equal(store_revisions_fold(&f->db, &f->e), 0);
	revs_of(f, org, area, before);
	char sql[512], got[6];
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	run(f, "SAVEPOINT first");
	snprintf(sql, sizeof sql, EVIDENCE_INSERT, (long long)org[0]);
	run(f, sql);
	run(f, "RELEASE SAVEPOINT first");
	run(f, sql);
	snprintf(sql, sizeof sql, EVIDENCE_INSERT, (long long)org[2]);
	run(f, sql);
	snprintf(sql, sizeof sql, EVIDENCE_INSERT, (long long)org[0]);
	run(f, sql);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	assert_string_equal(moved(f, org, area, before, got), "10111");

	/* The area's own change reaches each of its organisations; a
	 * deletion its organisation. */
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	snprintf(sql, sizeof sql, EVIDENCE_INSERT, (long long)org[0]);
	run(f, sql);
	snprintf(sql, sizeof sql, "UPDATE area SET name = name WHERE id = %lld", (long long)area[0]);
	run(f, sql);
	snprintf(sql, sizeof sql, "DELETE FROM evidence WHERE organisation_id = %lld", (long long)org[2]);
	run(f, sql);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	assert_string_equal(moved(f, org, area, before, got), "11111");
}

/* Runs the writes (NULL-terminated) in one transaction. */
static void in_one_transaction(fixture *f, const char *const *writes)
{
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	for (; *writes; writes++)
		run(f, *writes);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
}

/* A judgement and its activity line, the POST's two writes, in the cases
 * PostgreSQL's triggers take a shorter way since migration 28: a line
 * naming another area than its organisation's, a line naming none, a
 * review moved to another organisation's evaluation. Every organisation
 * and area reached moves, and no other, on both engines. */
static void a_judgement_and_its_line_move_all_they_reach(void **state)
{
	fixture *f = *state;
	int64_t org[3], area[2], before[5];
	three_orgs(f, org, area);
	long long eval = fixture_evaluation(f, org[0]), far_eval = fixture_evaluation(f, org[2]);
	assert_int_equal(store_revisions_fold(&f->db, &f->e), 0);
	revs_of(f, org, area, before);
	char review[200], line[200], bare[200], move[200], far_line[200], got[6];
	snprintf(review, sizeof review, "INSERT INTO statement_review (evaluation_id, element_key, status,"
		 " updated_at) VALUES (%lld, '1i', 'in-progress', 'x')", eval);
	snprintf(line, sizeof line, "INSERT INTO activity (at, user_name, area_id, organisation_id, what)"
		 " VALUES ('x', 'Sam', %lld, %lld, 'reviewed 1i')", (long long)area[1], (long long)org[0]);
	snprintf(bare, sizeof bare, "INSERT INTO activity (at, user_name, organisation_id, what)"
		 " VALUES ('x', 'Sam', %lld, 'no area named')", (long long)org[1]);
	snprintf(move, sizeof move, "UPDATE statement_review SET evaluation_id = %lld WHERE evaluation_id = %lld",
		 far_eval, eval);
	snprintf(far_line, sizeof far_line, "INSERT INTO activity (at, user_name, area_id, organisation_id,"
		 " what) VALUES ('x', 'Sam', %lld, %lld, 'moved 1i')", (long long)area[1], (long long)org[2]);
	in_one_transaction(f, (const char *const[]){review, line, NULL});
	assert_string_equal(moved(f, org, area, before, got), "10011");
	in_one_transaction(f, (const char *const[]){bare, NULL});
	assert_string_equal(moved(f, org, area, before, got), "01010");
	in_one_transaction(f, (const char *const[]){move, far_line, NULL});
	assert_string_equal(moved(f, org, area, before, got), "10111");
}

/* A table added later without triggers would let pages outlive its data:
 * every table has them, but those no page shows as an organisation's or
 * an area's (or that only identify the person asking, as sessions do, or
 * only count anonymous answers, as the throttle's hits do, or are mail
 * to people, as the outbox is). The search
 * index (an FTS5 table and its shadow tables) is written only by the
 * triggers of the tables it indexes, which bump the revisions themselves. */
static void every_table_has_revision_triggers(void **state)
{
	fixture *f = *state;
	/* SQLite's catalogue; test_schema_engines gives PostgreSQL the same
	 * triggers, table by table. */
	if (store_engine_is_pg(&f->db))
		skip();
	static const char *const exempt[] = {
		"schema_migration", "framework_version", "app_user", "user_session",
		"sign_in_failure", "org_revision", "area_revision", "revision_change", "throttle_hit",
		"outbox", "device_cookie",
		/* a person's own notifications and choices (schema_notify.h) */
		"notification", "notification_setting", "notification_sent",
		"notification_digest", "notification_unsubscribe",
		/* a person's own sign-in secrets (issue 15): no page of an
		 * organisation or area shows them */
		"two_factor", "recovery_code", "password_reset", "sign_in_pending",
		/* the set-up code's hash, before any account (schema_setup.h) */
		"setup_code", NULL,
	};
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->db.db,
		"SELECT t.name, (SELECT COUNT(*) FROM sqlite_master g WHERE g.type = 'trigger'"
		"  AND g.tbl_name = t.name AND g.name LIKE '%revision%')"
		" FROM sqlite_master t WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%'",
		-1, &st, NULL), SQLITE_OK);
	size_t tables = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		bool skip = false;
		for (size_t i = 0; exempt[i]; i++)
			skip |= !strcmp(exempt[i], name);
		skip |= !strncmp(name, "search_index", strlen("search_index"));
		if (!skip && sqlite3_column_int(st, 1) < 3)
			fail_msg("table %s has no revision triggers: add it to migration 7's pattern in a new migration", name);
		tables++;
	}
	sqlite3_finalize(st);
	assert_true(tables > 30);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(changes_bump_their_organisation_and_area), T(rolled_back_change_bumps_nothing),
		T(area_and_people_changes_reach_the_pages_that_show_them),
		T(every_table_has_revision_triggers),
		T(changes_committed_out_of_order_move_the_revision), T(folding_the_log_keeps_every_revision),
		T(two_folders_at_once_count_each_change_once),
		T(no_trigger_updates_a_counter_row),
		T(a_transaction_writes_one_row_per_organisation_it_reaches),
		T(a_transaction_back_and_forth_moves_all_it_reached),
		T(a_judgement_and_its_line_move_all_they_reach),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
