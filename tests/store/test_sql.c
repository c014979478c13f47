/* test_sql.c: the statement helpers under every store file: a bind SQLite
 * refuses fails its query, with a message, and writes nothing. */
#include "testutil.h"

#include "store/account.h"
#include "store/sql.h"

#define NOW "2025-01-01T00:00:00Z"

static int64_t count(store *s, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static char *long_text(size_t n)
{
	char *t = malloc(n + 1);
	assert_non_null(t);
	memset(t, 'x', n);
	t[n] = '\0';
	return t;
}

#define AREA_INSERT "INSERT INTO area (name, created_at) VALUES (?, ?)"

static void bind_past_the_last_parameter_fails_the_write(void **state)
{
	fixture *f = *state;
	sqlite3_stmt *st = sql_prepare(&f->db, AREA_INSERT, &f->e);
	assert_non_null(st);
	sql_bind_text(st, 1, "North");
	sql_bind_int(st, 99, 7);
	sql_bind_text(st, 2, NOW);
	assert_int_equal(sql_exec_stmt(&f->db, st, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INTERNAL);
	assert_non_null(strstr(f->e.msg, "parameter 99"));
	assert_non_null(strstr(f->e.msg, "INSERT INTO area"));
	assert_non_null(strstr(f->e.msg, "no such parameter"));
	assert_int_equal(count(&f->db, "SELECT COUNT(*) FROM area"), 0);
	/* The statement was given back: asked for again, it runs. */
	st = sql_prepare(&f->db, AREA_INSERT, &f->e);
	assert_non_null(st);
	sql_bind_text(st, 1, "North");
	sql_bind_text(st, 2, NOW);
	assert_int_equal(sql_exec_stmt(&f->db, st, &f->e), 0);
	assert_int_equal(count(&f->db, "SELECT COUNT(*) FROM area"), 1);
}

static void the_first_refusal_is_reported(void **state)
{
	fixture *f = *state;
	sqlite3_stmt *st = sql_prepare(&f->db, AREA_INSERT, &f->e);
	assert_non_null(st);
	sql_bind_int(st, 7, 1);
	sql_bind_int(st, 8, 1);
	assert_int_equal(sql_exec_stmt(&f->db, st, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "parameter 7 "));
}

/* A statement given back without running takes its refusal with it: the
 * cache hands the same statement out again, and it must not fail then. */
static void a_statement_given_back_unrun_forgets_its_refusal(void **state)
{
	fixture *f = *state;
	sqlite3_stmt *st = sql_prepare(&f->db, AREA_INSERT, &f->e);
	assert_non_null(st);
	sql_bind_int(st, 99, 1);
	sql_done(&f->db, st);
	sqlite3_stmt *again = sql_prepare(&f->db, AREA_INSERT, &f->e);
	assert_ptr_equal(again, st);
	sql_bind_text(again, 1, "South");
	sql_bind_text(again, 2, NOW);
	assert_int_equal(sql_exec_stmt(&f->db, again, &f->e), 0);
	assert_int_equal(count(&f->db, "SELECT COUNT(*) FROM area WHERE name = 'South'"), 1);
}

/* Through a store function, as the domain calls it: a value longer than
 * the connection's SQLITE_LIMIT_LENGTH is refused, nothing is written and
 * the message says what to do. */
static void a_value_too_long_is_refused_with_nothing_written(void **state)
{
	fixture *f = *state;
	sqlite3_limit(f->db.db, SQLITE_LIMIT_LENGTH, 1000);
	char *name = long_text(2000);
	org_row o = {.name = name, .sector = "education", .created_at = NOW};
	int64_t id = 0;
	assert_int_equal(store_org_insert(&f->db, &o, &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_non_null(strstr(f->e.msg, "too long"));
	assert_non_null(strstr(f->e.msg, "at most 1000 bytes"));
	assert_non_null(strstr(f->e.msg, "parameter 1 of \"INSERT INTO organisation"));
	assert_int_equal(count(&f->db, "SELECT COUNT(*) FROM organisation"), 0);
	o.name = "Short School";
	assert_int_equal(store_org_insert(&f->db, &o, &id, &f->e), 0);
	assert_int_equal(count(&f->db, "SELECT COUNT(*) FROM organisation"), 1);
	free(name);
}

/* Reads fail too, rather than answering for a NULL they were not asked. */
static void a_refused_bind_fails_reads(void **state)
{
	fixture *f = *state;
	sqlite3_limit(f->db.db, SQLITE_LIMIT_LENGTH, 100);
	char *email = long_text(200);
	user_row u;
	assert_int_equal(store_user_by_email(&f->db, &f->mem, email, &u, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	int64_t n = 99;
	assert_int_equal(store_failure_count(&f->db, email, "192.0.2.1", NOW, &n, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "too long"));
	free(email);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(bind_past_the_last_parameter_fails_the_write), T(the_first_refusal_is_reported),
		T(a_statement_given_back_unrun_forgets_its_refusal),
		T(a_value_too_long_is_refused_with_nothing_written), T(a_refused_bind_fails_reads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
