/* sql.c: what every store file does with a statement between preparing it
 * and giving it back: binding values (and catching the ones the engine
 * refuses), stepping, reading rows into structs through their column
 * tables, and the one-call runs built on those, for either engine. */
#include "store/sql.h"

#include "store/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- binding ----------------------------------------------------------
 * An engine refuses a bind by its return code (a parameter number the
 * statement does not have, a value over its length limit, no memory)
 * and leaves the parameter NULL. The first refusal is remembered for its
 * statement, and whatever runs the statement (sql_exec_stmt, sql_one,
 * sql_collect, sql_step) reports it instead of running without the value,
 * so call sites bind in one line a value. Binds come just before their
 * statement runs, so a thread holds a refusal or two at most. */

#define BIND_FAILS_MAX 8
#define BIND_MISSING (-1)       /* a parameter nothing binds (no engine's code) */

struct bind_fail {
	sql_stmt *st;
	int rc, param;
};

static _Thread_local struct bind_fail bind_fails[BIND_FAILS_MAX];
static _Thread_local int n_bind_fails;

static void bind_result(sql_stmt *st, int param, int rc)
{
	if (rc == 0)
		return;
	for (int k = 0; k < n_bind_fails; k++)
		if (bind_fails[k].st == st)
			return;         /* the first refusal is the one reported */
	if (n_bind_fails == BIND_FAILS_MAX) {
		/* Cannot happen unless statements are bound and never run or
		 * given back: a bug, and running on would lose a refusal. */
		fprintf(stderr, "copro: %d statements hold refused values (a bug in copro)\n",
			BIND_FAILS_MAX + 1);
		abort();
	}
	bind_fails[n_bind_fails++] = (struct bind_fail){st, rc, param};
}

/* Forgets the refusal of `st` and answers it (rc 0: none). */
static struct bind_fail take_bind_fail(sql_stmt *st)
{
	for (int k = 0; k < n_bind_fails; k++) {
		if (bind_fails[k].st != st)
			continue;
		struct bind_fail f = bind_fails[k];
		bind_fails[k] = bind_fails[--n_bind_fails];
		return f;
	}
	return (struct bind_fail){st, 0, 0};
}

void sql_bind_forget(sql_stmt *st)
{
	if (n_bind_fails)
		take_bind_fail(st);
}

int sql_bind_check(store *s, sql_stmt *st, err *e)
{
	if (n_bind_fails == 0)
		return 0;
	struct bind_fail f = take_bind_fail(st);
	if (f.rc == 0)
		return 0;
	/* "parameter 3 (:title) of "UPDATE evidence SET ..."" */
	const sql_engine *eng = st->eng;
	const char *sql = eng->sql_text(st), *name = NULL;
	if (f.param <= eng->param_count(st))
		name = eng->param_name(st, f.param);
	char what[160];
	snprintf(what, sizeof what, "parameter %d%s%s%s of \"%.60s%s\"", f.param,
		 name ? " (" : "", name ? name : "", name ? ")" : "", sql ? sql : "",
		 sql && strlen(sql) > 60 ? "..." : "");
	if (f.rc == BIND_MISSING)
		return err_set(e, ERR_INTERNAL, "%s has no value to bind (a bug in copro).", what);
	switch (eng->classify(s, f.rc)) {
	case SQL_CLASS_TOOBIG:
		return err_set(e, ERR_INPUT,
			       "a value is too long for the database, which takes at most %lld bytes (%s): shorten it and try again.",
			       (long long)eng->max_bytes(s), what);
	case SQL_CLASS_RANGE:
		return err_set(e, ERR_INTERNAL,
			       "a value was bound to %s, which has no such parameter (a bug in copro).", what);
	default:
		return err_set(e, ERR_INTERNAL, "the database refused %s: %s.", what,
			       eng->errstr(f.rc));
	}
}

void sql_bind_text(sql_stmt *st, int i, const char *v)
{
	bind_result(st, i, v ? st->eng->bind_text(st, i, v) : st->eng->bind_null(st, i));
}

void sql_bind_int(sql_stmt *st, int i, int64_t v)
{
	bind_result(st, i, st->eng->bind_int(st, i, v));
}

void sql_bind_id(sql_stmt *st, int i, int64_t v)
{
	bind_result(st, i, v ? st->eng->bind_int(st, i, v) : st->eng->bind_null(st, i));
}

void sql_bind_double(sql_stmt *st, int i, double v)
{
	bind_result(st, i, st->eng->bind_double(st, i, v));
}

void sql_bind_null(sql_stmt *st, int i)
{
	bind_result(st, i, st->eng->bind_null(st, i));
}

void sql_bind_blob(sql_stmt *st, int i, const void *v, size_t n)
{
	bind_result(st, i, st->eng->bind_blob(st, i, v, n));
}

static void sql_bind_missing(sql_stmt *st, int i)
{
	st->eng->bind_null(st, i);
	bind_result(st, i, BIND_MISSING);
}

int sql_step(store *s, sql_stmt *st, err *e)
{
	if (sql_bind_check(s, st, e) < 0)
		return -1;
	int rc = st->eng->step(s, st);
	if (rc == SQL_STEP_DONE)
		store_note_write(s);
	return rc == SQL_STEP_ROW || rc == SQL_STEP_DONE ? rc : s->engine->fail(s, rc, e);
}

void sql_reset(sql_stmt *st)
{
	sql_bind_forget(st);
	st->eng->reset(st);
}

int64_t sql_changes(store *s)
{
	return s->engine->changes(s);
}

int64_t sql_last_id(store *s)
{
	return s->engine->last_id(s);
}

const void *sql_column_blob(sql_stmt *st, int c, size_t *n)
{
	return st->eng->col_blob(st, c, n);
}

/* ---- reading rows ------------------------------------------------------ */

const sql_col sql_int64_row[] = {{NULL, 0, 0, SQL_I64}, SQL_TABLE_END};
const sql_col sql_text_row[] = {{NULL, 0, 0, SQL_TEXT}, SQL_TABLE_END};

static const char *col_text(arena *a, sql_stmt *st, int c)
{
	size_t n;
	const char *t = st->eng->col_text(st, c, &n);
	if (!t || !a)
		return t;       /* NULL is SQL NULL */
	return arena_strndup(a, t, n);
}

/* One switch a column: no call or allocation beyond the engine's own and
 * the string's copy, so it costs what the hand-written readers did. */
void sql_read_row(arena *a, sql_stmt *st, void *row, const sql_col *cols)
{
	const sql_engine *eng = st->eng;
	unsigned char *base = row;
	int c = 0;
	for (const sql_col *k = cols; k->kind != SQL_END; k++, c++) {
		void *p = base + k->off;
		switch ((enum sql_kind)k->kind) {
		case SQL_TEXT:
			*(const char **)p = col_text(a, st, c);
			break;
		case SQL_I64:
		case SQL_ID:
			*(int64_t *)p = eng->col_int(st, c);
			break;
		case SQL_INT:
			*(int *)p = (int)eng->col_int(st, c);
			break;
		case SQL_BOOL:
			*(bool *)p = eng->col_int(st, c) != 0;
			break;
		case SQL_FLAGS:         /* no branch on the data: these vary row to row */
			*(int *)p = -(eng->col_int(st, c) != 0) & k->aux;
			break;
		case SQL_BIT:
			*(int *)p = (*(int *)p & ~(int)k->aux) |
				    (-(eng->col_int(st, c) != 0) & k->aux);
			break;
		case SQL_INT_OR_NONE:
			*(int *)p = eng->col_null(st, c) ? SQL_NONE : (int)eng->col_int(st, c);
			break;
		case SQL_REAL:
			*(double *)p = eng->col_double(st, c);
			break;
		case SQL_REAL_OPT:
			*(bool *)(base + k->aux) = !eng->col_null(st, c);
			*(double *)p = eng->col_double(st, c);
			break;
		case SQL_I64_OPT:
			*(bool *)(base + k->aux) = !eng->col_null(st, c);
			*(int64_t *)p = eng->col_int(st, c);
			break;
		case SQL_END:
			break;
		}
	}
}

/* ---- binding parameters from a row and arguments ----------------------- */

static void bind_field(sql_stmt *st, int i, const sql_col *k, const void *row)
{
	const unsigned char *base = row;
	const void *p = base + k->off;
	switch ((enum sql_kind)k->kind) {
	case SQL_TEXT:
		sql_bind_text(st, i, *(const char *const *)p);
		break;
	case SQL_I64:
		sql_bind_int(st, i, *(const int64_t *)p);
		break;
	case SQL_ID:
		sql_bind_id(st, i, *(const int64_t *)p);
		break;
	case SQL_INT:
		sql_bind_int(st, i, *(const int *)p);
		break;
	case SQL_BOOL:
		sql_bind_int(st, i, *(const bool *)p);
		break;
	case SQL_FLAGS:
	case SQL_BIT:
		sql_bind_int(st, i, (*(const int *)p & k->aux) != 0);
		break;
	case SQL_INT_OR_NONE:
		if (*(const int *)p == SQL_NONE)
			sql_bind_null(st, i);
		else
			sql_bind_int(st, i, *(const int *)p);
		break;
	case SQL_REAL:
		sql_bind_double(st, i, *(const double *)p);
		break;
	case SQL_REAL_OPT:
		if (*(const bool *)(base + k->aux))
			sql_bind_double(st, i, *(const double *)p);
		else
			sql_bind_null(st, i);
		break;
	case SQL_I64_OPT:
		if (*(const bool *)(base + k->aux))
			sql_bind_int(st, i, *(const int64_t *)p);
		else
			sql_bind_null(st, i);
		break;
	case SQL_END:
		break;
	}
}

static void bind_arg(sql_stmt *st, int i, const sql_arg *v)
{
	if (v->kind == SQL_TEXT)
		sql_bind_text(st, i, v->text);
	else if (v->kind == SQL_ID)
		sql_bind_id(st, i, v->i);
	else
		sql_bind_int(st, i, v->i);
}

static const sql_col *col_named(const sql_col *cols, const char *name)
{
	for (const sql_col *k = cols; k && k->kind != SQL_END; k++)
		if (k->name && strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

void sql_bind_in(sql_stmt *st, const sql_in *in)
{
	static const sql_in none;
	in = in ? in : &none;
	int n = st->eng->param_count(st);
	size_t next = 0;
	for (int i = 1; i <= n; i++) {
		const char *name = st->eng->param_name(st, i);
		if (name && name[0] == ':') {
			const sql_col *k = col_named(in->cols, name);
			if (k)
				bind_field(st, i, k, in->row);
			else
				sql_bind_missing(st, i);
		} else if (next < in->n_args) {
			bind_arg(st, i, &in->args[next++]);
		} else {
			sql_bind_missing(st, i);
		}
	}
	if (next < in->n_args)
		sql_bind_int(st, n + 1, 0);     /* refused: an argument left over */
}

/* ---- running ----------------------------------------------------------- */

static sql_stmt *prepare_bound(store *s, const char *sql, const sql_in *in, err *e)
{
	sql_stmt *st = sql_prepare(s, sql, e);
	if (st)
		sql_bind_in(st, in);
	return st;
}

int sql_run(store *s, const char *sql, const sql_in *in, err *e)
{
	sql_stmt *st = prepare_bound(s, sql, in, e);
	return st ? sql_exec_stmt(s, st, e) : -1;
}

int sql_send(store *s, const char *sql, const sql_in *in, err *e)
{
	if (!s->engine->send_stmt || !s->in_tx)
		return sql_run(s, sql, in, e);
	sql_stmt *st = prepare_bound(s, sql, in, e);
	if (!st || s->engine->send_stmt(s, st, e) < 0)
		return -1;
	s->tx_wrote = true;
	return 0;
}

int sql_change(store *s, const char *sql, const sql_in *in, err *e)
{
	if (sql_run(s, sql, in, e) < 0)
		return -1;
	return sql_changes(s) > 0;
}

int sql_insert(store *s, const char *sql, const sql_in *in, int64_t *id, err *e)
{
	if (sql_run(s, sql, in, e) < 0)
		return -1;
	*id = sql_last_id(s);
	return 0;
}

int sql_get_int(store *s, const char *sql, const sql_in *in, int64_t *v, err *e)
{
	*v = 0;
	return sql_get(s, NULL, sql, in, v, sql_int64_row, e) < 0 ? -1 : 0;
}

/* A line of a query's plan: SQLite's EXPLAIN QUERY PLAN gives id,
 * parent, notused and the detail; PostgreSQL's EXPLAIN the text alone. */
typedef struct plan_line {
	int64_t id, parent, notused;
	const char *detail;
} plan_line;
static const sql_col plan_sqlite[] = {
	SQL_COL(plan_line, id, I64), SQL_COL(plan_line, parent, I64), SQL_COL(plan_line, notused, I64),
	SQL_COL(plan_line, detail, TEXT), SQL_TABLE_END,
};
static const sql_col plan_pg[] = {SQL_COL(plan_line, detail, TEXT), SQL_TABLE_END};

void store_explain(store *s, store_plan *plan)
{
	s->plan = plan;
}

/* Adds the plan of `sql` to s->plan (store_explain). Never queued: its
 * lines are there when it returns. */
static int explain(store *s, const char *sql, const sql_in *in, err *e)
{
	store_plan *p = s->plan;
	const char *text = arena_printf(p->a, "%s %s", SQL_DIALECT(s, "EXPLAIN QUERY PLAN", "EXPLAIN"), sql);
	sql_stmt *st = prepare_bound(s, text, in, e);
	plan_line *lines = NULL;
	size_t n = 0;
	if (!st || sql_collect(s, p->a, st, (void **)&lines, &n, sizeof *lines,
			       SQL_DIALECT(s, plan_sqlite, plan_pg), e) < 0)
		return -1;
	const char **all = ARENA_ARRAY(p->a, p->n + n, all);
	if (p->n)
		memcpy(all, p->lines, p->n * sizeof *all);
	for (size_t i = 0; i < n; i++)
		all[p->n + i] = lines[i].detail;
	p->lines = all;
	p->n += n;
	return 0;
}

int sql_get(store *s, arena *a, const char *sql, const sql_in *in, void *row,
	    const sql_col *cols, err *e)
{
	if (s->plan)
		return explain(s, sql, in, e) < 0 ? -1 : 0;
	sql_stmt *st = prepare_bound(s, sql, in, e);
	return st ? sql_one(s, a, st, row, cols, e) : -1;
}

int sql_list(store *s, arena *a, const char *sql, const sql_in *in, void **items, size_t *n,
	     size_t size, const sql_col *cols, err *e)
{
	if (s->plan) {
		*items = NULL;
		*n = 0;
		return explain(s, sql, in, e);
	}
	sql_stmt *st = prepare_bound(s, sql, in, e);
	if (st && sql_queue_list(s, a, st, items, n, size, cols))
		return 0;
	if (st)
		return sql_collect(s, a, st, items, n, size, cols, e);
	*items = NULL;
	*n = 0;
	return -1;
}

int sql_one(store *s, arena *a, sql_stmt *st, void *row, const sql_col *cols, err *e)
{
	int rc = sql_step(s, st, e);
	if (rc == SQL_STEP_ROW)
		sql_read_row(a, st, row, cols);
	sql_done(s, st);
	if (rc < 0)
		return -1;
	return rc == SQL_STEP_ROW;
}

int sql_collect(store *s, arena *a, sql_stmt *st, void **items, size_t *n,
		size_t size, const sql_col *cols, err *e)
{
	size_t cap = 0;
	unsigned char *buf = NULL;
	int rc;
	*n = 0;
	while ((rc = sql_step(s, st, e)) == SQL_STEP_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			unsigned char *grown = arena_array(a, ncap, size);
			if (*n)
				memcpy(grown, buf, *n * size);
			buf = grown;
			cap = ncap;
		}
		sql_read_row(a, st, buf + *n * size, cols);
		(*n)++;
	}
	sql_done(s, st);
	*items = buf;
	return rc < 0 ? -1 : 0;
}
