/* test_sql.c: the statement helpers under every store file: a bind SQLite
 * refuses fails its query, with a message, and writes nothing; rows are
 * read and bound through their column tables, every kind of column. */
#include "testutil.h"

#include "store/account.h"
#include "store/sql.h"

#define NOW "2025-01-01T00:00:00Z"

static int64_t count(store *s, const char *sql)
{
	int64_t n = -1;
	err e = {0};
	assert_int_equal(sql_get_int(s, sql, NULL, &n, &e), 0);
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
	sql_stmt *st = sql_prepare(&f->db, AREA_INSERT, &f->e);
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
	sql_stmt *st = sql_prepare(&f->db, AREA_INSERT, &f->e);
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
	sql_stmt *st = sql_prepare(&f->db, AREA_INSERT, &f->e);
	assert_non_null(st);
	sql_bind_int(st, 99, 1);
	sql_done(&f->db, st);
	sql_stmt *again = sql_prepare(&f->db, AREA_INSERT, &f->e);
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
	if (store_engine_is_pg(&f->db))
		skip();         /* SQLite's length limit; PostgreSQL's is 1 GB a value */
	sqlite3_limit(f->db.db, SQLITE_LIMIT_LENGTH, 1000);
	char *name = long_text(2000);
	org_row o = {.name = name, .sector = "education", .created_at = NOW};
	int64_t id = 0;
	assert_int_equal(store_org_insert(&f->db, &o, &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_non_null(strstr(f->e.msg, "too long"));
	assert_non_null(strstr(f->e.msg, "at most 1000 bytes"));
	assert_non_null(strstr(f->e.msg, "parameter 1 (:name) of \"INSERT INTO organisation"));
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
	if (store_engine_is_pg(&f->db))
		skip();         /* as above */
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


/* ---- column tables ------------------------------------------------------ */

/* One field of every kind, as a store row would hold them. */
typedef struct sample_row {
	int64_t id, parent;
	const char *name;
	int count;
	bool done;
	int groups;
	int score;
	bool has_ratio, has_total;
	double ratio;
	int64_t total;
	double real;
} sample_row;

static const sql_col sample_cols[] = {
	SQL_COL(sample_row, id, I64), SQL_COL(sample_row, parent, ID),
	SQL_COL(sample_row, name, TEXT), SQL_COL(sample_row, count, INT),
	SQL_COL(sample_row, done, BOOL), SQL_GROUPS(sample_row, groups),
	SQL_COL(sample_row, score, INT_OR_NONE), SQL_OPT(sample_row, ratio, has_ratio, REAL),
	SQL_OPT(sample_row, total, has_total, I64), SQL_COL(sample_row, real, REAL),
	SQL_TABLE_END,
};

#define SAMPLE_COLUMNS \
	"id, parent, name, count, done, with_cyp, with_parents, with_practitioners, score," \
	" ratio, total, real FROM sample"

static void make_sample_table(fixture *f)
{
	/* SQLite's INTEGER holds 64 bits; PostgreSQL's BIGINT does. */
	assert_int_equal(sql_exec(&f->db, SQL_DIALECT(&f->db,
		"CREATE TABLE sample (id INTEGER PRIMARY KEY,"
		" parent INTEGER, name TEXT, count INTEGER, done INTEGER, with_cyp INTEGER,"
		" with_parents INTEGER, with_practitioners INTEGER, score INTEGER, ratio REAL,"
		" total INTEGER, real REAL)",
		"CREATE TABLE sample (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
		" parent BIGINT, name TEXT, count BIGINT, done BIGINT, with_cyp BIGINT,"
		" with_parents BIGINT, with_practitioners BIGINT, score BIGINT, ratio DOUBLE PRECISION,"
		" total BIGINT, real DOUBLE PRECISION)"), &f->e), 0);
}

#define SAMPLE_INSERT \
	"INSERT INTO sample (id, parent, name, count, done, with_cyp, with_parents," \
	" with_practitioners, score, ratio, total, real) VALUES (:id, :parent, :name, :count," \
	" :done, :with_cyp, :with_parents, :with_practitioners, :score, :ratio, :total, :real)"

static void a_row_written_by_name_reads_back_the_same(void **state)
{
	fixture *f = *state;
	make_sample_table(f);
	sample_row in = {.id = 7, .parent = 3, .name = "Maple", .count = -12, .done = true,
			 .groups = GROUP_CYP | GROUP_PRACTITIONERS, .score = 4, .has_ratio = true,
			 .ratio = 0.25, .has_total = true, .total = INT64_MAX, .real = -1.5};
	assert_int_equal(sql_run(&f->db, SAMPLE_INSERT, SQL_ROW(sample_cols, &in), &f->e), 0);
	/* Whatever was in the struct before is overwritten, flags too. */
	sample_row out;
	memset(&out, 0xff, sizeof out);
	assert_int_equal(sql_get(&f->db, &f->mem, "SELECT " SAMPLE_COLUMNS " WHERE id = ?",
				 SQL_ID_ARG(7), &out, sample_cols, &f->e), 1);
	assert_int_equal(out.id, 7);
	assert_int_equal(out.parent, 3);
	assert_string_equal(out.name, "Maple");
	assert_ptr_not_equal(out.name, in.name);
	assert_int_equal(out.count, -12);
	assert_true(out.done);
	assert_int_equal(out.groups, GROUP_CYP | GROUP_PRACTITIONERS);
	assert_int_equal(out.score, 4);
	assert_true(out.has_ratio);
	assert_true(out.ratio == 0.25);
	assert_true(out.has_total);
	assert_true(out.total == INT64_MAX);
	assert_true(out.real == -1.5);
}

/* The values that stand for "none" are stored as SQL NULL and read back
 * as themselves. */
static void nothing_is_stored_as_null(void **state)
{
	fixture *f = *state;
	make_sample_table(f);
	sample_row in = {.id = 1, .score = SQL_NONE};
	assert_int_equal(sql_run(&f->db, SAMPLE_INSERT, SQL_ROW(sample_cols, &in), &f->e), 0);
	int64_t nulls = 0;
	assert_int_equal(sql_get_int(&f->db, "SELECT 5 - COUNT(parent) - COUNT(name)"
				     " - COUNT(score) - COUNT(ratio) - COUNT(total)"
				     " FROM sample WHERE id = 1", NULL, &nulls, &f->e), 0);
	assert_int_equal(nulls, 5);
	sample_row out;
	memset(&out, 0xff, sizeof out);
	assert_int_equal(sql_get(&f->db, &f->mem, "SELECT " SAMPLE_COLUMNS " WHERE id = 1", NULL,
				 &out, sample_cols, &f->e), 1);
	assert_int_equal(out.parent, 0);
	assert_null(out.name);
	assert_int_equal(out.groups, 0);
	assert_false(out.done);
	assert_int_equal(out.score, SQL_NONE);
	assert_false(out.has_ratio);
	assert_false(out.has_total);
}

static void lists_grow_and_an_empty_list_is_null(void **state)
{
	fixture *f = *state;
	make_sample_table(f);
	for (int i = 1; i <= 40; i++) {
		sample_row r = {.id = i, .name = i % 2 ? "odd" : "even", .count = i * i};
		assert_int_equal(sql_run(&f->db, SAMPLE_INSERT, SQL_ROW(sample_cols, &r), &f->e), 0);
	}
	STORE_LIST(sample_row) list;
	assert_int_equal(SQL_LIST(&f->db, &f->mem, "SELECT " SAMPLE_COLUMNS " WHERE name = ?"
				  " ORDER BY id", SQL_ARGS(sql_text("even")), &list, sample_cols,
				  &f->e), 0);
	assert_int_equal(list.n, 20);
	for (size_t i = 0; i < list.n; i++) {
		assert_int_equal(list.items[i].id, 2 * (int64_t)(i + 1));
		assert_int_equal(list.items[i].count, (int)((i + 1) * (i + 1) * 4));
		assert_string_equal(list.items[i].name, "even");
	}
	assert_int_equal(SQL_LIST(&f->db, &f->mem, "SELECT " SAMPLE_COLUMNS " WHERE name = ?",
				  SQL_ARGS(sql_text("none")), &list, sample_cols, &f->e), 0);
	assert_int_equal(list.n, 0);
	assert_null(list.items);
}

/* :name parameters come from the row, ? parameters from the arguments in
 * order, whichever comes first in the SQL; ?N names the N-th argument. */
static void named_and_positional_parameters_mix(void **state)
{
	fixture *f = *state;
	make_sample_table(f);
	sample_row r = {.name = "Birch", .count = 5};
	assert_int_equal(sql_run(&f->db, "INSERT INTO sample (id, name, count, real)"
				 " VALUES (?, :name, :count + CAST(? AS INTEGER), ?)",
				 SQL_ROW_ARGS(sample_cols, &r, sql_int(9), sql_int(10), sql_int(2)),
				 &f->e), 0);
	sample_row out;
	assert_int_equal(sql_get(&f->db, &f->mem, "SELECT " SAMPLE_COLUMNS
				 " WHERE id = ?1 AND (name = ?2 OR ?2 IS NULL)",
				 SQL_ARGS(sql_int(9), sql_text("Birch")), &out, sample_cols, &f->e), 1);
	assert_string_equal(out.name, "Birch");
	assert_int_equal(out.count, 15);
	assert_true(out.real == 2);
	assert_int_equal(sql_change(&f->db, "UPDATE sample SET count = 0 WHERE id = ?",
				    SQL_ID_ARG(9), &f->e), 1);
	assert_int_equal(sql_change(&f->db, "UPDATE sample SET count = 0 WHERE id = ?",
				    SQL_ID_ARG(10), &f->e), 0);
	int64_t id = 0;
	assert_int_equal(sql_insert(&f->db, "INSERT INTO sample (name) VALUES (:name)",
				    SQL_ROW(sample_cols, &r), &id, &f->e), 0);
	/* SQLite's rowid follows the largest id; an identity ignores the
	 * ids given explicitly (docs/postgresql.md). */
	assert_int_equal(id, store_engine_is_pg(&f->db) ? 1 : 10);
}

/* A parameter the row has no field for, or an argument too many, is a
 * bug: the statement does not run. */
static void a_parameter_without_a_value_fails(void **state)
{
	fixture *f = *state;
	make_sample_table(f);
	sample_row r = {.id = 1};
	assert_int_equal(sql_run(&f->db, "INSERT INTO sample (id, name) VALUES (:id, :nmae)",
				 SQL_ROW(sample_cols, &r), &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INTERNAL);
	assert_non_null(strstr(f->e.msg, "parameter 2 (:nmae)"));
	assert_non_null(strstr(f->e.msg, "has no value"));
	assert_int_equal(sql_run(&f->db, "INSERT INTO sample (id, name) VALUES (?, ?)",
				 SQL_ARGS(sql_int(1)), &f->e), -1);
	assert_non_null(strstr(f->e.msg, "parameter 2"));
	assert_int_equal(sql_run(&f->db, "INSERT INTO sample (id) VALUES (?)",
				 SQL_ARGS(sql_int(1), sql_int(2)), &f->e), -1);
	assert_non_null(strstr(f->e.msg, "no such parameter"));
	assert_int_equal(count(&f->db, "SELECT COUNT(*) FROM sample"), 0);
}

/* With no arena, strings point into SQLite's buffers: what the exports'
 * streams read, row by row, without copying. */
static void without_an_arena_strings_are_not_copied(void **state)
{
	fixture *f = *state;
	make_sample_table(f);
	sample_row r = {.id = 1, .name = "Rowan"};
	assert_int_equal(sql_run(&f->db, SAMPLE_INSERT, SQL_ROW(sample_cols, &r), &f->e), 0);
	sql_stmt *st = sql_prepare(&f->db, "SELECT " SAMPLE_COLUMNS, &f->e);
	assert_non_null(st);
	assert_int_equal(sql_step(&f->db, st, &f->e), SQL_STEP_ROW);
	sample_row out;
	sql_read_row(NULL, st, &out, sample_cols);
	sample_row again;
	sql_read_row(NULL, st, &again, sample_cols);
	assert_ptr_equal(out.name, again.name);     /* the engine's buffer, not a copy */
	assert_string_equal(out.name, "Rowan");
	sql_done(&f->db, st);
}

/* SQL_DIALECT picks the text of the engine the store runs on, and the
 * engine's statements run it. */
static void the_dialect_follows_the_engine(void **state)
{
	fixture *f = *state;
	int64_t v = 0;
	const char *sql = SQL_DIALECT(&f->db, "SELECT sqlite_version() IS NOT NULL",
				      "SELECT (version() LIKE 'PostgreSQL%')::int");
	assert_int_equal(sql_get_int(&f->db, sql, NULL, &v, &f->e), 0);
	assert_int_equal(v, 1);
}

/* ---- reads sent together ------------------------------------------------ */

static void fill_sample(fixture *f, int n)
{
	make_sample_table(f);
	for (int i = 1; i <= n; i++) {
		sample_row r = {.id = i, .name = i % 2 ? "odd" : "even", .count = i * i};
		assert_int_equal(sql_run(&f->db, SAMPLE_INSERT, SQL_ROW(sample_cols, &r), &f->e), 0);
	}
}

typedef STORE_LIST(sample_row) sample_list;

static int sample_named(fixture *f, const char *name, sample_list *out)
{
	return SQL_LIST(&f->db, &f->mem, "SELECT " SAMPLE_COLUMNS " WHERE name = ? ORDER BY id",
			SQL_ARGS(sql_text(name)), out, sample_cols, &f->e);
}

/* Between store_reads_begin and store_reads_end each list is asked and
 * filled at the end (PostgreSQL: one round trip for all); SQLite reads
 * each at once. Either way the lists hold what a read alone gives, and a
 * nested pair sends what was queued before it too. */
static void reads_together_give_what_each_gives_alone(void **state)
{
	fixture *f = *state;
	fill_sample(f, 9);
	sample_list odd, even, none, alone;
	uint64_t before = store_statements(&f->db), trips = store_round_trips(&f->db);
	store_reads_begin(&f->db);
	assert_int_equal(sample_named(f, "odd", &odd), 0);
	assert_int_equal(sample_named(f, "even", &even), 0);
	/* Queued on PostgreSQL: nothing read yet. */
	assert_int_equal(odd.n, store_engine_is_pg(&f->db) ? 0 : 5);
	store_reads_begin(&f->db);
	assert_int_equal(sample_named(f, "none", &none), 0);
	assert_int_equal(store_reads_end(&f->db, &f->e), 0);
	assert_int_equal(odd.n, 5);             /* sent by the inner end */
	assert_int_equal(sample_named(f, "odd", &alone), 0);
	assert_int_equal(store_reads_end(&f->db, &f->e), 0);
	assert_int_equal(store_statements(&f->db) - before, 4);
	/* Three went in one round trip, the fourth alone. */
	assert_int_equal(store_round_trips(&f->db) - trips, store_engine_is_pg(&f->db) ? 2 : 4);
	assert_int_equal(even.n, 4);
	assert_int_equal(none.n, 0);
	assert_null(none.items);
	assert_int_equal(alone.n, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(odd.items[i].id, 2 * (int64_t)i + 1);
		assert_int_equal(alone.items[i].count, odd.items[i].count);
		assert_string_equal(odd.items[i].name, "odd");
	}
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(even.items[i].count, (int)((i + 1) * (i + 1) * 4));
	/* No pair open: a read runs at once. */
	assert_int_equal(store_reads_end(&f->db, &f->e), 0);
	assert_int_equal(sample_named(f, "even", &alone), 0);
	assert_int_equal(alone.n, 4);
}

/* A read the database refuses fails the end, with its message, and every
 * list stays empty; the connection reads on afterwards, in a
 * transaction too, which keeps its writes when none was refused. */
static void a_refused_read_together_fails_them_all(void **state)
{
	fixture *f = *state;
	fill_sample(f, 4);
	sample_list odd, bad, even;
	store_reads_begin(&f->db);
	assert_int_equal(sample_named(f, "odd", &odd), 0);
	int rc = SQL_LIST(&f->db, &f->mem, "SELECT " SAMPLE_COLUMNS " WHERE CAST(name AS INTEGER) = ?",
			  SQL_ARGS(sql_int(1)), &bad, sample_cols, &f->e);
	if (!store_engine_is_pg(&f->db)) {
		/* SQLite reads 'odd' as 0 and refuses nothing: no refusal to see. */
		assert_int_equal(store_reads_end(&f->db, &f->e), 0);
		skip();
	}
	assert_int_equal(rc, 0);
	assert_int_equal(sample_named(f, "even", &even), 0);
	assert_int_equal(store_reads_end(&f->db, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "invalid input syntax"));
	assert_int_equal(odd.n + bad.n + even.n, 0);
	assert_null(odd.items);
	f->e = (err){0};
	assert_int_equal(sample_named(f, "odd", &odd), 0);
	assert_int_equal(odd.n, 2);
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	sample_row r = {.id = 5, .name = "odd", .count = 25};
	store_reads_begin(&f->db);
	assert_int_equal(sample_named(f, "odd", &odd), 0);
	assert_int_equal(sample_named(f, "even", &even), 0);
	assert_int_equal(store_reads_end(&f->db, &f->e), 0);
	assert_int_equal(sql_run(&f->db, SAMPLE_INSERT, SQL_ROW(sample_cols, &r), &f->e), 0);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	assert_int_equal(odd.n + even.n, 4);
	assert_int_equal(count(&f->db, "SELECT COUNT(*) FROM sample"), 5);
}

/* ---- plans ------------------------------------------------------------- */

/* While explaining, a read (a list or one row) answers no rows, inside
 * reads sent together too, and adds its plan, with its parameters bound;
 * a write still runs. A read the database refuses fails as it would run.
 * Afterwards reads run again. */
static void explained_reads_give_their_plans_and_no_rows(void **state)
{
	fixture *f = *state;
	fill_sample(f, 3);
	sample_list odd;
	int64_t n = -1;
	store_plan plan = {.a = &f->mem};
	store_explain(&f->db, &plan);
	store_reads_begin(&f->db);
	assert_int_equal(sample_named(f, "odd", &odd), 0);
	assert_int_equal(store_reads_end(&f->db, &f->e), 0);
	assert_int_equal(odd.n, 0);
	size_t first = plan.n;
	assert_true(first > 0);
	assert_int_equal(plan_lines_with(&plan, "sample"), 1);
	assert_int_equal(sql_get_int(&f->db, "SELECT COUNT(*) FROM sample WHERE id = ?", SQL_ARGS(sql_int(2)), &n,
				     &f->e), 0);
	assert_int_equal(n, 0);
	assert_true(plan.n > first);
	assert_int_equal(plan_lines_with(&plan, "sample"), 2);  /* the first plan's lines kept */
	if (store_engine_is_pg(&f->db))
		assert_int_equal(plan_lines_with(&plan, "'odd'"), 1);     /* planned with the value */
	sample_row r = {.id = 4, .name = "even", .count = 16};
	assert_int_equal(sql_run(&f->db, SAMPLE_INSERT, SQL_ROW(sample_cols, &r), &f->e), 0);
	assert_int_equal(sql_get_int(&f->db, "SELECT COUNT(*) FROM no_such_table", NULL, &n, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "no_such_table"));
	store_explain(&f->db, NULL);
	f->e = (err){0};
	assert_int_equal(count(&f->db, "SELECT COUNT(*) FROM sample"), 4);
	assert_int_equal(sample_named(f, "odd", &odd), 0);
	assert_int_equal(odd.n, 2);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(bind_past_the_last_parameter_fails_the_write), T(the_first_refusal_is_reported),
		T(a_statement_given_back_unrun_forgets_its_refusal),
		T(a_value_too_long_is_refused_with_nothing_written), T(a_refused_bind_fails_reads),
		T(a_row_written_by_name_reads_back_the_same), T(nothing_is_stored_as_null),
		T(lists_grow_and_an_empty_list_is_null), T(named_and_positional_parameters_mix),
		T(a_parameter_without_a_value_fails), T(without_an_arena_strings_are_not_copied),
		T(the_dialect_follows_the_engine), T(reads_together_give_what_each_gives_alone),
		T(a_refused_read_together_fails_them_all), T(explained_reads_give_their_plans_and_no_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
