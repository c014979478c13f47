/* test_search.c: an organisation's search: awkward words (quotes, FTS5
 * operators, unicode) are plain words; the index follows every change;
 * existing records are indexed by the migration (SQLite's); pages of 50; and no
 * result ever comes from another organisation. */
#include "testutil.h"

#include "domain/measure.h"
#include "domain/review.h"
#include "domain/search.h"
#include "store/schema.h"
#include "store/sql.h"

static int64_t add_evidence(fixture *f, int64_t org, const char *title, const char *desc)
{
	evidence_row ev = {.organisation_id = org, .title = title, .description = desc,
			   .date = "2026-10-01"};
	int64_t id;
	if (evidence_add(&f->d, &ev, &id, &f->e) < 0)
		fail_msg("evidence_add: %s", f->e.msg);
	return id;
}

static search_result find(fixture *f, int64_t org, const char *q)
{
	search_result res;
	if (search_org(&f->d, org, q, 1, &res, &f->e) < 0)
		fail_msg("search_org(%s): %s", q, f->e.msg);
	return res;
}

static void refused(fixture *f, const char *q, const char *fragment)
{
	search_result res;
	assert_int_equal(search_org(&f->d, 1, q, 1, &res, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	body_has(f->e.msg, fragment);
}

static void words_are_split_plainly(void **state)
{
	fixture *f = *state;
	const char **w;
	assert_int_equal(search_words(&f->mem, "  \"parent forum\" AND NEAR(x, y) -z* ", &w), 7);
	const char *want[] = {"parent", "forum", "AND", "NEAR", "x", "y", "z"};
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(w[i], want[i]);
	assert_int_equal(search_words(&f->mem, "Café naïve 東京", &w), 3);
	assert_string_equal(w[2], "東京");
	assert_int_equal(search_words(&f->mem, "\"\" ** () :", &w), 0);
	assert_int_equal(search_words(&f->mem, "a b c d e f g h i j k l m n", &w), SEARCH_MAX_WORDS + 1);
}

static void awkward_queries(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	int64_t a = add_evidence(f, org, "Parent forum \"NEAR\" meeting", "Café AND naïve ideas (東京)");
	add_evidence(f, org, "Coffee morning", "Run with the forum.");
	/* Prefixes: "foru" finds both; every word must match. */
	assert_int_equal(find(f, org, "foru").total, 2);
	search_result r = find(f, org, "parent forum");
	assert_int_equal(r.total, 1);
	assert_int_equal(r.hits[0].id, a);
	assert_int_equal(r.hits[0].kind, SEARCH_EVIDENCE);
	/* Operators and quotes are words, never FTS5 syntax (no error). */
	assert_int_equal(find(f, org, "NEAR(parent forum)").total, 1);
	assert_int_equal(find(f, org, "parent AND").total, 1);
	assert_int_equal(find(f, org, "parent OR coffee").total, 0);
	assert_int_equal(find(f, org, "\"parent").total, 1);
	assert_int_equal(find(f, org, "title:parent").total, 0);
	assert_int_equal(find(f, org, "{title body}:coffee").total, 0);
	assert_int_equal(find(f, org, "o1 coffee").total, 0);
	/* Unicode: accents folded both ways; other scripts found. */
	assert_int_equal(find(f, org, "cafe naive").total, 1);
	assert_int_equal(find(f, org, "CAFÉ").total, 1);
	assert_int_equal(find(f, org, "東京").total, 1);
	assert_int_equal(find(f, org, "★ coffee").total, 1);
	/* Nothing to search for, too long, too many words, not UTF-8. */
	refused(f, "", "Enter a word");
	refused(f, " \"\" () ", "Enter a word");
	char long_q[SEARCH_MAX_CHARS + 2];
	memset(long_q, 'a', sizeof long_q - 1);
	long_q[sizeof long_q - 1] = '\0';
	refused(f, long_q, "200 characters or fewer");
	refused(f, "a b c d e f g h i j k l m", "12 words or fewer");
	refused(f, "caf\xe9", "could not be read");
}

/* Two organisations hold the same words: each sees its own records only,
 * whatever the query says. */
static void never_another_organisations(void **state)
{
	fixture *f = *state;
	int64_t one = fixture_org(f, "One School");
	int64_t two = fixture_org(f, "Two School");
	int64_t mine = add_evidence(f, one, "Shared words newsletter", "parents");
	int64_t theirs = add_evidence(f, two, "Shared words newsletter", "parents");
	char other[32];
	snprintf(other, sizeof other, "o%lld shared", (long long)two);
	const char *queries[] = {"shared words", "newsletter", other, "o2", "parents"};
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		search_result r;
		assert_int_equal(search_org(&f->d, one, queries[i], 1, &r, &f->e), 0);
		for (size_t k = 0; k < r.n; k++)
			assert_int_equal(r.hits[k].id, mine);
	}
	search_result r = find(f, two, "shared words newsletter");
	assert_int_equal(r.total, 1);
	assert_int_equal(r.hits[0].id, theirs);
	assert_int_equal(find(f, 999, "shared").total, 0);
}

static void index_follows_changes(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	int64_t id = add_evidence(f, org, "Welcome at the gate", "");
	assert_int_equal(find(f, org, "gate").total, 1);
	evidence_row ev;
	assert_int_equal(evidence_get(&f->d, id, &ev, &f->e), 0);
	ev.title = "Welcome in the playground";
	assert_int_equal(evidence_edit(&f->d, &ev, &f->e), 0);
	assert_int_equal(find(f, org, "gate").total, 0);
	assert_int_equal(find(f, org, "playground").total, 1);
	/* Every kind: an action, a "You said" record. */
	action_row a = {.organisation_id = org, .title = "Ask families about newsletters",
			.owner = "Office manager", .status = "open"};
	int64_t aid;
	assert_int_equal(action_add(&f->d, &a, &aid, &f->e), 0);
	you_said_row y = {.organisation_id = org, .said = "Newsletters are too long",
			  .said_on = "2026-10-01", .did = ""};
	int64_t yid;
	assert_int_equal(you_said_add(&f->d, &y, &yid, &f->e), 0);
	search_result r = find(f, org, "newsletter");
	assert_int_equal(r.total, 2);
	int kinds = 0;
	for (size_t i = 0; i < r.n; i++)
		kinds |= 1 << r.hits[i].kind;
	assert_int_equal(kinds, 1 << SEARCH_ACTION | 1 << SEARCH_YOU_SAID);
	assert_int_equal(find(f, org, "office manager").hits[0].id, aid);
	test_exec(&f->db, "DELETE FROM you_said");
	assert_int_equal(find(f, org, "newsletter").total, 1);
}

static void pages_of_fifty(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	char title[64];
	for (int i = 0; i < 120; i++) {
		snprintf(title, sizeof title, "Termly survey %d", i);
		add_evidence(f, org, title, "");
	}
	search_result r;
	assert_int_equal(search_org(&f->d, org, "survey", 3, &r, &f->e), 0);
	assert_int_equal(r.total, 120);
	assert_int_equal(r.pages, 3);
	assert_int_equal(r.n, 20);
	assert_int_equal(search_org(&f->d, org, "survey", 1, &r, &f->e), 0);
	assert_int_equal(r.n, SEARCH_PAGE_SIZE);
	assert_int_equal(search_org(&f->d, org, "survey", 4, &r, &f->e), 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(search_org(&f->d, org, "survey", INT64_MAX, &r, &f->e), 0);
	assert_int_equal(r.n, 0);
}

/* A measure chosen from the catalogue is found by the catalogue's words
 * (read from the framework version it was chosen from) and titled with
 * them; the organisation's own measure by its own text. */
static void catalogue_measures_by_their_words(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	measure_row cat = {.organisation_id = org, .cycle = "2026-27", .catalogue_key = "1.1"};
	measure_row own = {.organisation_id = org, .cycle = "2026-27", .cornerstone_key = "1",
			   .own_text = "Families feel welcome at the attendance clinic"};
	int64_t cid, oid;
	if (measure_add(&f->d, &cat, &cid, &f->e) < 0 || measure_add(&f->d, &own, &oid, &f->e) < 0)
		fail_msg("measure_add: %s", f->e.msg);
	const framework *fw = measure_instrument(&f->d, &f->e);
	assert_non_null(fw);
	measure_item it;
	assert_int_equal(measure_catalogue_find(fw, "1.1", &it, NULL), 1);
	search_result r = find(f, org, "young people attendance");
	assert_int_equal(r.total, 1);
	assert_int_equal(r.hits[0].kind, SEARCH_MEASURE);
	assert_int_equal(r.hits[0].id, cid);
	assert_string_equal(r.hits[0].title, it.text);
	r = find(f, org, "attendance");
	assert_int_equal(r.total, 2);
	r = find(f, org, "clinic");
	assert_int_equal(r.total, 1);
	assert_int_equal(r.hits[0].id, oid);
	/* A change to the grid writes the row again, still with the words. */
	test_exec(&f->db, "UPDATE measure SET improve = 'Track the register'");
	assert_int_equal(find(f, org, "register young people").total, 1);
}

/* The migration that made the index, run on records written before it
 * (the index and its triggers dropped first): it indexes what is there.
 * SQLite's alone: a PostgreSQL database starts from a baseline that has
 * the index before any record (docs/postgresql.md), so no migration
 * there ever meets records without it. */
static void migration_indexes_existing_records(void **state)
{
	fixture *f = *state;
	if (store_engine_is_pg(&f->db))
		skip();
	int64_t org = fixture_org(f, "Riverside");
	add_evidence(f, org, "Older evidence of a welcome", "");
	const char *migration = NULL;
	for (size_t v = 0; v < schema_migrations_count; v++)
		if (strstr(schema_migrations[v].sqlite, "CREATE VIRTUAL TABLE search_index"))
			migration = schema_migrations[v].sqlite;
	assert_non_null(migration);
	struct { const char **items; size_t n; } triggers = {0};
	assert_int_equal(SQL_LIST(&f->db, &f->mem, "SELECT name FROM sqlite_master WHERE type = 'trigger'"
				  " AND name LIKE '%search%'", NULL, &triggers, sql_text_row, &f->e), 0);
	char drop[4096] = "DROP TABLE search_index;";
	for (size_t i = 0; i < triggers.n; i++) {
		strcat(drop, "DROP TRIGGER ");
		strcat(drop, triggers.items[i]);
		strcat(drop, ";");
	}
	test_exec(&f->db, drop);
	test_exec(&f->db, migration);
	assert_int_equal(find(f, org, "older welcome").total, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(words_are_split_plainly, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(awkward_queries, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(never_another_organisations, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(index_follows_changes, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(pages_of_fifty, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(catalogue_measures_by_their_words, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(migration_indexes_existing_records, fixture_setup,
						fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
