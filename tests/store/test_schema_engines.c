/* test_schema_engines.c: PostgreSQL's baseline (store/schema_pg.c) with
 * the migrations after it builds what SQLite's migrations build: the same
 * tables and columns (kinds, nullability, defaults, identities), foreign
 * keys, CHECK counts, indexes over the same columns and the same
 * triggers; and the same writes fill the search index and move the
 * revisions alike on both. On a throw-away cluster (tests/pg/cluster), or
 * the one COPRO_TEST_DB names. */
#include "testutil.h"

#include <stdbool.h>

#include "store/schema.h"

typedef struct lines {
	char **v;
	size_t n, cap;
} lines;

static struct {
	char dir[64];
	char uri[512];
	int databases;
} w;

static void lines_add(lines *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		assert_non_null(l->v);
	}
	l->v[l->n++] = strdup(s);
}

static void lines_free(lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints each line one side has and the other lacks; the number of them. */
static size_t lines_diff(lines *lite, lines *pg)
{
	qsort(lite->v, lite->n, sizeof *lite->v, by_text);
	qsort(pg->v, pg->n, sizeof *pg->v, by_text);
	size_t i = 0, j = 0, diffs = 0;
	while (i < lite->n || j < pg->n) {
		int c = i == lite->n ? 1 : j == pg->n ? -1 : strcmp(lite->v[i], pg->v[j]);
		if (c == 0) {
			i++, j++;
			continue;
		}
		diffs++;
		if (c < 0)
			printf("only on SQLite:     %s\n", lite->v[i++]);
		else
			printf("only on PostgreSQL: %s\n", pg->v[j++]);
	}
	return diffs;
}

/* Fails the test, after the differences, when the two sides differ. */
static void assert_same(lines *lite, lines *pg, const char *what)
{
	size_t diffs = lines_diff(lite, pg);
	lines_free(lite);
	lines_free(pg);
	if (diffs)
		fail_msg("%zu differences between %s (above)", diffs, what);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		fwrite(chunk, 1, got, m);
	fclose(f);
	fclose(m);
	return buf;
}

/* Runs `script` in database `db` of the cluster through psql (unaligned,
 * fields split by |): its output, malloc'd, or NULL (printed) when it
 * failed. */
static char *pg_run(const char *db, const char *script)
{
	char path[128], out[128], cmd[1024];
	snprintf(path, sizeof path, "%s/script.sql", w.dir);
	snprintf(out, sizeof out, "%s/out.txt", w.dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "\\connect %s\n", db);
	fputs(script, f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "psql -X -q -A -t -F'|' -v ON_ERROR_STOP=1 -d '%s' -f '%s' >'%s' 2>&1",
		 w.uri, path, out);
	int rc = system(cmd);
	char *text = slurp(out);
	if (rc != 0) {
		printf("psql failed:\n%s\n", text);
		free(text);
		return NULL;
	}
	return text;
}

static void pg_lines(const char *db, const char *sql, lines *l)
{
	char *text = pg_run(db, sql);
	assert_non_null(text);
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		lines_add(l, line);
	free(text);
}

static int add_row(void *l, int n, char **values, char **names)
{
	(void)names;
	char row[2048] = "";
	for (int i = 0; i < n; i++) {
		if (i)
			strncat(row, "|", sizeof row - strlen(row) - 1);
		strncat(row, values[i] ? values[i] : "", sizeof row - strlen(row) - 1);
	}
	lines_add(l, row);
	return 0;
}

static void lite_lines(sqlite3 *db, const char *sql, lines *l)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, add_row, l, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* A new database on the cluster, its name, holding the baseline and every
 * migration after it, as a new copro database on PostgreSQL would. */
static const char *pg_database(char *name, size_t n)
{
	snprintf(name, n, "schema_engines_%d_%d", (int)getpid(), ++w.databases);
	char sql[300];
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s;\nCREATE DATABASE %s;\n", name, name);
	char *out = pg_run("postgres", sql);
	assert_non_null(out);
	free(out);
	char *m = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&m, &len);
	fprintf(f, "BEGIN;\n%s\n", schema_pg_baseline);
	for (int v = schema_pg_baseline_version + 1; v <= (int)schema_migrations_count; v++)
		fprintf(f, "%s\nINSERT INTO schema_migration (version, applied_at) VALUES (%d, 'x');\n",
			schema_migration_sql(v, true), v);
	fputs("COMMIT;\n", f);
	fclose(f);
	out = pg_run(name, m);
	free(m);
	if (!out)
		fail_msg("PostgreSQL refused its baseline or a migration after it (above)");
	free(out);
	return name;
}

static sqlite3 *lite_database(const char *file)
{
	char path[160];
	snprintf(path, sizeof path, "%s/%s", w.dir, file);
	store s;
	err e = {0};
	assert_int_equal(store_open(&s, path, STORE_CREATE, &e), 0);
	store_close(&s);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	return db;
}

static int setup(void **state)
{
	(void)state;
	snprintf(w.dir, sizeof w.dir, "/tmp/copro-engines-XXXXXX");
	assert_non_null(mkdtemp(w.dir));
	test_pg_cluster_start();
	snprintf(w.uri, sizeof w.uri, "%s", getenv("COPRO_TEST_DB"));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	test_pg_cluster_stop();
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", w.dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", w.dir);
	return 0;
}

/* ---- the catalogues, as lines both engines write alike ------------------
 * The search index is left out here (an FTS5 table and its shadow tables
 * on SQLite, a table with a tsvector on PostgreSQL: search_index_shape),
 * and so is schema_migration, which the migration runner makes. */
#define LITE_TABLES \
	" FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%'" \
	" AND m.name NOT LIKE 'search_index%' AND m.name <> 'schema_migration'"
#define PG_TABLES(alias) \
	" " alias ".relnamespace = 'public'::regnamespace AND " alias ".relkind = 'r'" \
	" AND " alias ".relname NOT LIKE 'search_index%' AND " alias ".relname <> 'schema_migration'"

/* Columns: an INTEGER that is the rowid and refers to nothing is an
 * identity on PostgreSQL; a PRIMARY KEY column is NOT NULL on both (SQLite
 * lets a TEXT key be NULL, copro never stores one). A column of a domain
 * (migration 28) is of the domain's type, and the domain's CHECKs count
 * as its table's. */
static const char lite_columns[] =
	"SELECT 'column', m.name, p.name,"
	" CASE upper(p.type) WHEN 'INTEGER' THEN 'bigint' WHEN 'TEXT' THEN 'text'"
	"  WHEN 'REAL' THEN 'double precision' WHEN 'BLOB' THEN 'bytea' ELSE p.type END"
	" || CASE WHEN p.pk = 1 AND upper(p.type) = 'INTEGER' AND m.sql NOT LIKE '%WITHOUT ROWID'"
	"   AND (SELECT COUNT(*) FROM pragma_table_info(m.name) WHERE pk > 0) = 1"
	"   AND NOT EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name) f WHERE f.\"from\" = p.name)"
	"  THEN ' identity' ELSE '' END,"
	" CASE WHEN p.\"notnull\" OR p.pk > 0 THEN 'not null' ELSE 'null' END, COALESCE(p.dflt_value, '')"
	" FROM (SELECT name, sql" LITE_TABLES ") m, pragma_table_info(m.name) p";
static const char pg_columns[] =
	"SELECT 'column', c.relname, a.attname,"
	" format_type(COALESCE(NULLIF((SELECT typbasetype FROM pg_type WHERE oid = a.atttypid), 0), a.atttypid), NULL)"
	" || CASE WHEN a.attidentity <> '' THEN ' identity' ELSE '' END,"
	" CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END,"
	" COALESCE(regexp_replace(pg_get_expr(d.adbin, d.adrelid), '::(text|bigint)$', ''), '')"
	" FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
	" LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum WHERE" PG_TABLES("c") ";";

static const char lite_keys[] =
	"SELECT 'foreign key', m.name, f.\"from\", f.\"table\", f.\"to\", f.on_delete"
	" FROM (SELECT name" LITE_TABLES ") m, pragma_foreign_key_list(m.name) f;"
	"SELECT 'checks', m.name, (length(m.sql) - length(replace(m.sql, 'CHECK', ''))) / 5"
	" FROM (SELECT name, sql" LITE_TABLES ") m;";
static const char pg_keys[] =
	"SELECT 'foreign key', c.relname, a.attname, r.relname, ra.attname,"
	" CASE k.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'NO ACTION' END"
	" FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid"
	" JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
	" JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]"
	" WHERE k.contype = 'f' AND" PG_TABLES("c") ";"
	"SELECT 'checks', c.relname, (SELECT COUNT(*) FROM pg_constraint k"
	"  WHERE k.conrelid = c.oid AND k.contype = 'c') + (SELECT COUNT(*) FROM pg_attribute a"
	"  JOIN pg_constraint k ON k.contypid = a.atttypid AND k.contype = 'c'"
	"  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)"
	" FROM pg_class c WHERE" PG_TABLES("c") ";";

/* Indexes: the primary key's columns, each UNIQUE constraint's, and each
 * named index with its columns, whether unique and whether partial. */
static const char lite_indexes[] =
	"SELECT 'primary key', m.name, '', (SELECT group_concat(name, ',') FROM"
	"  (SELECT name FROM pragma_table_info(m.name) WHERE pk > 0 ORDER BY pk))"
	" FROM (SELECT name" LITE_TABLES ") m"
	" WHERE EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE pk > 0);"
	"SELECT CASE l.origin WHEN 'u' THEN 'unique' ELSE 'index' END, m.name,"
	" CASE l.origin WHEN 'u' THEN '' ELSE l.name || '|' || l.\"unique\" || '|' || l.partial END,"
	" (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno))"
	" FROM (SELECT name" LITE_TABLES ") m, pragma_index_list(m.name) l WHERE l.origin <> 'pk';";
static const char pg_indexes[] =
	"SELECT CASE WHEN x.indisprimary THEN 'primary key' WHEN k.contype = 'u' THEN 'unique'"
	"  ELSE 'index' END, c.relname,"
	" CASE WHEN x.indisprimary THEN NULL WHEN k.contype = 'u' THEN ''"
	"  ELSE i.relname || '|' || x.indisunique::int || '|' || (x.indpred IS NOT NULL)::int END,"
	" array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY o(n, at)"
	"  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = o.n ORDER BY o.at), ',')"
	" FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
	" LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.contype IN ('u', 'p')"
	" WHERE" PG_TABLES("c") ";";

/* Triggers: each one's table, name and when it fires ("AFTER UPDATE OF
 * area_id"), read from the text that made it. */
static const char lite_triggers[] =
	"SELECT 'trigger', tbl_name, name,"
	" substr(sql, length(name) + 17, instr(sql, ' ON ') - length(name) - 17)"
	" FROM sqlite_master WHERE type = 'trigger';";
static const char pg_triggers[] =
	"SELECT 'trigger', c.relname, t.tgname, substr(d, length(t.tgname) + 17,"
	"  position(' ON ' IN d) - length(t.tgname) - 17)"
	" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid,"
	" LATERAL pg_get_triggerdef(t.oid) d WHERE NOT t.tgisinternal;";

static void same_schema_on_both_engines(void **state)
{
	(void)state;
	char name[64];
	pg_database(name, sizeof name);
	sqlite3 *db = lite_database("schema.db");
	lines lite = {0}, pg = {0};
	lite_lines(db, lite_columns, &lite);
	lite_lines(db, lite_keys, &lite);
	lite_lines(db, lite_indexes, &lite);
	lite_lines(db, lite_triggers, &lite);
	pg_lines(name, pg_columns, &pg);
	pg_lines(name, pg_keys, &pg);
	pg_lines(name, pg_indexes, &pg);
	pg_lines(name, pg_triggers, &pg);
	sqlite3_close(db);
	/* Enough of each kind that a query gone wrong cannot pass empty. */
	assert_true(lite.n > 600);
	assert_same(&lite, &pg, "the engines' schemas");
}

/* The search index keeps FTS5's columns (and its rowid) beside the words;
 * schema_migration holds every version the baseline stands for. */
static void search_index_and_versions(void **state)
{
	(void)state;
	char name[64];
	pg_database(name, sizeof name);
	sqlite3 *db = lite_database("search.db");
	lines lite = {0}, pg = {0};
	lite_lines(db, "SELECT name FROM pragma_table_info('search_index') UNION ALL SELECT 'rowid'", &lite);
	pg_lines(name, "SELECT attname FROM pg_attribute WHERE attrelid = 'search_index'::regclass"
		 " AND attnum > 0 AND attname <> 'words';", &pg);
	sqlite3_close(db);
	assert_same(&lite, &pg, "the search index's columns");
	char *out = pg_run(name, "SELECT indexdef FROM pg_indexes WHERE tablename = 'search_index'"
			   " AND indexdef LIKE '%gin (words)%';"
			   "SELECT COUNT(*), MIN(version), MAX(version) FROM schema_migration;");
	assert_non_null(out);
	char expect[80];
	snprintf(expect, sizeof expect, "\n%zu|1|%zu\n", schema_migrations_count, schema_migrations_count);
	assert_non_null(strstr(out, "USING gin (words)"));
	assert_non_null(strstr(out, expect));
	free(out);
	/* Accents fold, as FTS5's remove_diacritics folds them, in the
	 * words kept and in the words asked for. */
	out = pg_run(name, "INSERT INTO area (name, created_at) VALUES ('North', 'x');"
		     "INSERT INTO organisation (name, sector, area_id, created_at, updated_at)"
		     " VALUES ('School', 'education', 1, 'x', 'x');"
		     "INSERT INTO evidence (organisation_id, title, description, evidence_date, with_cyp,"
		     " with_parents, with_practitioners, created_at, updated_at)"
		     " VALUES (1, 'Café for Zoë', 'Ŵyn came', '2026-01-01', 0, 1, 0, 'x', 'x');"
		     "SELECT 'found', COUNT(*) FROM search_index WHERE words @@"
		     " to_tsquery('simple', copro_fold($$'cafe':* & 'ZOË':* & 'wyn':*$$));");
	assert_non_null(out);
	assert_non_null(strstr(out, "found|1"));
	free(out);
	/* Words in markup are words, as FTS5 splits them: PostgreSQL's
	 * parser alone would keep none of a tag or a script. */
	out = pg_run(name, "INSERT INTO evidence (organisation_id, title, description, evidence_date, with_cyp,"
		     " with_parents, with_practitioners, created_at, updated_at) VALUES (1,"
		     " '<script>alert(1)</script>', 'They said <we need time>', '2026-01-01', 0, 1, 0, 'x', 'x');"
		     "SELECT 'markup', COUNT(*) FROM search_index WHERE words @@"
		     " to_tsquery('simple', copro_fold($$'alert':* & 'need':*$$));");
	assert_non_null(out);
	assert_non_null(strstr(out, "markup|1"));
	free(out);
}

/* ---- the triggers at work ------------------------------------------------
 * The same writes on both engines: after each, the same organisations and
 * areas see their revision move (by how much may differ:
 * docs/postgresql.md), and at the end the search index holds the same
 * rows (the catalogue's wording read from the framework's JSON, a plan's
 * words gathered from its parts). */
static const char *const writes[] = {
	"INSERT INTO area (name, created_at) VALUES ('North', 'x')",
	"INSERT INTO area (name, created_at) VALUES ('South', 'x')",
	"INSERT INTO organisation (name, sector, area_id, created_at, updated_at)"
	" VALUES ('School', 'education', 1, 'x', 'x')",
	"INSERT INTO organisation (name, sector, area_id, created_at, updated_at)"
	" VALUES ('Nursery', 'education', 1, 'x', 'x')",
	"INSERT INTO framework_version (hash, framework_id, body, first_used_at) VALUES ('h', 'm',"
	" '{\"sections\": [{\"key\": \"1\", \"measures\": [{\"key\": \"1.3\", \"text\": \"Children feel welcome\"}]}]}',"
	" 'x')",
	"INSERT INTO measure (organisation_id, cycle, framework_hash, cornerstone_key, catalogue_key,"
	" created_at, updated_at) VALUES (1, '2026-27', 'h', '1', '1.3', 'x', 'x')",
	"INSERT INTO measure (organisation_id, cycle, framework_hash, cornerstone_key, own_text,"
	" improve, created_at, updated_at) VALUES (2, '2026-27', 'h', '1', 'Our own', 'Transport', 'x', 'x')",
	"INSERT INTO evidence (organisation_id, title, description, evidence_date, with_cyp, with_parents,"
	" with_practitioners, created_at, updated_at) VALUES (1, 'Newsletter', 'For parents', '2026-01-01',"
	" 0, 1, 0, 'x', 'x')",
	"UPDATE evidence SET description = 'For parent carers'",
	"INSERT INTO plan (organisation_id, framework_hash, title, cycle, created_at, updated_at)"
	" VALUES (2, 'h', 'Team plan', '2026-27', 'x', 'x')",
	"INSERT INTO plan_statement (plan_id, element_key, strengths, areas, updated_at)"
	" VALUES (1, '1i', 'We listen', 'Transport', 'x')",
	"INSERT INTO plan_answer (plan_id, section_key, question_key, answer, updated_at)"
	" VALUES (1, 's', 'q1', 'Families lead', 'x')",
	"INSERT INTO you_said (organisation_id, said, said_on, created_at, updated_at)"
	" VALUES (1, 'More clubs', '2026-01-01', 'x', 'x')",
	"INSERT INTO action_item (organisation_id, title, owner, created_at, updated_at)"
	" VALUES (2, 'Parent forum', 'Head', 'x', 'x')",
	"INSERT INTO area_setting (area_id, updated_at) VALUES (1, 'x')",
	"UPDATE organisation SET area_id = 2 WHERE id = 2",
	"DELETE FROM plan_answer",
	"DELETE FROM evidence WHERE id = 1",
	"INSERT INTO app_user (email, name, password_hash, created_at) VALUES ('a@b', 'Ann', 'x', 'x')",
	"INSERT INTO membership (user_id, organisation_id, role, created_at) VALUES (1, 1, 'lead', 'x')",
	"UPDATE app_user SET name = 'Ann Lee'",
	"UPDATE plan SET title = 'Service plan'",
	NULL,
};

/* Each counter as "id:n,id:n", in id order. */
static const char lite_counters[] =
	"SELECT (SELECT group_concat(organisation_id || ':' || n, ',') FROM"
	"  (SELECT * FROM org_revision ORDER BY organisation_id)),"
	" (SELECT group_concat(area_id || ':' || n, ',') FROM (SELECT * FROM area_revision ORDER BY area_id))";
static const char pg_counters[] =
	"SELECT (SELECT string_agg(organisation_id || ':' || n, ',' ORDER BY organisation_id) FROM org_revision),"
	" (SELECT string_agg(area_id || ':' || n, ',' ORDER BY area_id) FROM area_revision);";
static const char index_rows[] =
	"SELECT 'search', rowid, org, organisation_id, title, body FROM search_index ORDER BY rowid;";

/* The ids whose count differs between two "id:n,..." lists. */
static void moved(const char *before, const char *after, char *out, size_t n)
{
	out[0] = '\0';
	const char *p = after;
	while (*p) {
		size_t len = strcspn(p, ",");
		char item[64], id[32];
		snprintf(item, sizeof item, "%.*s", (int)len, p);
		snprintf(id, sizeof id, "%.*s", (int)strcspn(item, ":"), item);
		const char *was = strstr(before, item);
		bool same = was && (was == before || was[-1] == ',') && (was[len] == ',' || !was[len]);
		if (!same)
			snprintf(out + strlen(out), n - strlen(out), "%s%s", *out ? "," : "", id);
		p += len + (p[len] == ',');
	}
}

/* "step|orgs moved|areas moved" for each write, from "orgs|areas" lines
 * (the state after each write, the first line the state before any). */
static void moves(lines *states, lines *out)
{
	for (size_t i = 1; i < states->n; i++) {
		const char *before = states->v[i - 1], *after = states->v[i];
		const char *b = strchr(before, '|'), *a = strchr(after, '|');
		assert_non_null(b);
		assert_non_null(a);
		char b_orgs[512], a_orgs[512], orgs[256], areas[256], line[600];
		snprintf(b_orgs, sizeof b_orgs, "%.*s", (int)(b - before), before);
		snprintf(a_orgs, sizeof a_orgs, "%.*s", (int)(a - after), after);
		moved(b_orgs, a_orgs, orgs, sizeof orgs);
		moved(b + 1, a + 1, areas, sizeof areas);
		snprintf(line, sizeof line, "write %zu moves organisations %s, areas %s", i, orgs, areas);
		lines_add(out, line);
	}
}

static void same_writes_move_the_same_counters(void **state)
{
	(void)state;
	char name[64];
	pg_database(name, sizeof name);
	sqlite3 *db = lite_database("writes.db");
	lines lite_states = {0}, pg_states = {0}, lite = {0}, pg = {0};
	char *script = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&script, &len);
	fprintf(f, "SELECT '|';\n");
	lines_add(&lite_states, "|");
	for (const char *const *wr = writes; *wr; wr++) {
		char *msg = NULL;
		if (sqlite3_exec(db, *wr, NULL, NULL, &msg) != SQLITE_OK)
			fail_msg("%s: %s", *wr, msg);
		lite_lines(db, lite_counters, &lite_states);
		fprintf(f, "%s;\n%s\n", *wr, pg_counters);
	}
	fputs(index_rows, f);
	fclose(f);
	lines all = {0};
	pg_lines(name, script, &all);
	free(script);
	for (size_t i = 0; i < all.n; i++)
		lines_add(strncmp(all.v[i], "search|", 7) ? &pg_states : &pg, all.v[i]);
	lines_free(&all);
	moves(&lite_states, &lite);
	lite_lines(db, index_rows, &lite);
	moves(&pg_states, &all);
	for (size_t i = 0; i < all.n; i++)
		lines_add(&pg, all.v[i]);
	sqlite3_close(db);
	assert_int_equal(lite.n, sizeof writes / sizeof *writes - 1 + 5);
	lines_free(&lite_states);
	lines_free(&pg_states);
	lines_free(&all);
	assert_same(&lite, &pg, "what the engines' triggers did");
}

/* ---- the lists of allowed values -----------------------------------------
 * A judgement's columns keep their lists on both engines: CHECKs on
 * SQLite, domains on PostgreSQL since migration 28. Each write is refused
 * or taken alike. */
static const char lists_world[] =
	"INSERT INTO area (name, created_at) VALUES ('North', 'x');"
	"INSERT INTO organisation (name, sector, area_id, created_at, updated_at)"
	" VALUES ('School', 'education', 1, 'x', 'x');"
	"INSERT INTO framework_version (hash, framework_id, body, first_used_at) VALUES ('h', 'm', '{}', 'x');"
	"INSERT INTO evaluation (organisation_id, framework_id, framework_hash, cycle, created_at, updated_at)"
	" VALUES (1, 'm', 'h', '2026-27', 'x', 'x');";
static const char *const list_writes[] = {
	"INSERT INTO statement_review (evaluation_id, element_key, status, updated_at) VALUES (1, '1i', 'done', 'x')",
	"INSERT INTO statement_review (evaluation_id, element_key, status, updated_at)"
	" VALUES (1, '1i', 'complete', 'x')",
	"UPDATE statement_review SET with_cyp = 2",
	"UPDATE statement_review SET with_parents = -1",
	"UPDATE statement_review SET with_practitioners = 1, with_cyp = 1, with_parents = 0, status = 'in-progress'",
	"INSERT INTO statement_review (evaluation_id, element_key, updated_at) VALUES (1, '1i', 'x')"
	" ON CONFLICT (evaluation_id, element_key) DO UPDATE SET status = 'started'",
	"INSERT INTO activity (at, user_name, organisation_id, what, security) VALUES ('x', 'A', 1, 'w', 2)",
	"INSERT INTO activity (at, user_name, organisation_id, what, security) VALUES ('x', 'A', 1, 'w', 1)",
	"INSERT INTO activity (at, user_name, organisation_id, what) VALUES ('x', 'A', 1, 'w')",
	NULL,
};

static void the_lists_refuse_the_same_values(void **state)
{
	(void)state;
	char name[64];
	pg_database(name, sizeof name);
	sqlite3 *db = lite_database("lists.db");
	lines lite = {0}, pg = {0};
	char *out = pg_run(name, lists_world);
	assert_non_null(out);
	free(out);
	lite_lines(db, lists_world, &lite);
	size_t refused = 0;
	for (const char *const *wr = list_writes; *wr; wr++) {
		char line[400];
		bool no = sqlite3_exec(db, *wr, NULL, NULL, NULL) != SQLITE_OK;
		refused += no;
		snprintf(line, sizeof line, "%s: %s", no ? "refused" : "taken", *wr);
		lines_add(&lite, line);
		out = pg_run(name, *wr);
		snprintf(line, sizeof line, "%s: %s", out ? "taken" : "refused", *wr);
		lines_add(&pg, line);
		free(out);
	}
	lite_lines(db, "SELECT * FROM statement_review; SELECT security FROM activity ORDER BY id;", &lite);
	pg_lines(name, "SELECT * FROM statement_review; SELECT security FROM activity ORDER BY id;", &pg);
	sqlite3_close(db);
	assert_int_equal(refused, 5);
	assert_same(&lite, &pg, "what the lists refused");
}

/* Migrations up to the baseline never run on PostgreSQL, so none of them
 * may carry a PostgreSQL text that would be silently ignored. */
static void baseline_stands_for_the_early_migrations(void **state)
{
	(void)state;
	assert_true(schema_pg_baseline_version >= 1);
	assert_true((size_t)schema_pg_baseline_version <= schema_migrations_count);
	for (int v = 1; v <= schema_pg_baseline_version; v++) {
		assert_null(schema_migrations[v - 1].pg);
		assert_null(schema_migration_sql(v, true));
		assert_ptr_equal(schema_migration_sql(v, false), schema_migrations[v - 1].sqlite);
	}
	assert_null(schema_migration_sql(0, false));
	assert_null(schema_migration_sql((int)schema_migrations_count + 1, true));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(baseline_stands_for_the_early_migrations),
		cmocka_unit_test(same_schema_on_both_engines),
		cmocka_unit_test(search_index_and_versions),
		cmocka_unit_test(same_writes_move_the_same_counters),
		cmocka_unit_test(the_lists_refuse_the_same_values),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
