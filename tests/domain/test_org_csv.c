/* test_org_csv.c: loading an area's organisations from CSV: both formats,
 * the CSV corners (quotes, line breaks, BOM, CRLF), every refusal with its
 * line number, re-imports that update, and all or nothing. */
#include "testutil.h"

#include "domain/org_csv.h"
#include "store/org_bulk.h"

#define DATA_DIR COPRO_FRAMEWORKS_DIR "/../tests/data/"
#define AREA "Example Borough"

static char *slurp(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s%s", DATA_DIR, name);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		fail_msg("cannot open %s", path);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*len = fread(buf, 1, (1 << 20) - 1, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

static int import_text(fixture *f, const char *area, const char *text, size_t len,
		       org_csv_report *r)
{
	err_clear(&f->e);
	return org_import_csv(&f->d, area, text, len, r, &f->e);
}

static int import_str(fixture *f, const char *text, org_csv_report *r)
{
	return import_text(f, AREA, text, strlen(text), r);
}

static int import_file(fixture *f, const char *name, org_csv_report *r)
{
	size_t len;
	char *text = slurp(name, &len);
	int rc = import_text(f, AREA, text, len, r);
	free(text);
	return rc;
}

/* The report lists a problem on `line` whose message holds `fragment`. */
static void has_problem(const org_csv_report *r, size_t line, const char *fragment)
{
	for (size_t i = 0; i < r->n_problems; i++)
		if (r->problems[i].line == line && strstr(r->problems[i].message, fragment))
			return;
	for (size_t i = 0; i < r->n_problems; i++)
		fprintf(stderr, "  problem %zu: line %zu: %s\n", i, r->problems[i].line,
			r->problems[i].message);
	fail_msg("no problem on line %zu with \"%s\"", line, fragment);
}

/* Refused: -1, ERR_INPUT, the problem listed, nothing written. */
static org_csv_report refuse_str(fixture *f, const char *text, size_t line, const char *fragment)
{
	int64_t before = test_count_rows(&f->db);
	org_csv_report r = {0};
	assert_int_equal(import_str(f, text, &r), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_non_null(strstr(f->e.msg, "nothing was imported"));
	has_problem(&r, line, fragment);
	assert_int_equal(test_count_rows(&f->db), before);
	return r;
}

static org_bulk_row by_urn(fixture *f, const char *area, const char *urn)
{
	int64_t id = 0;
	org_bulk_row o = {0};
	assert_int_equal(store_bulk_area_find(&f->db, area, &id, &f->e), 1);
	if (store_org_find_urn(&f->db, &f->mem, id, urn, &o, &f->e) != 1)
		fail_msg("no organisation with URN %s in %s", urn, area);
	return o;
}

static int64_t org_count(fixture *f)
{
	org_list l;
	assert_int_equal(store_org_list(&f->db, &f->mem, &l, &f->e), 0);
	return (int64_t)l.n;
}

/* ---- GIAS ------------------------------------------------------------ */

static void gias_sample_imported(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_file(f, "gias-sample.csv", &r), 0);
	assert_string_equal(r.format, "gias");
	assert_true(r.area_created);
	assert_int_equal(r.rows, 12);
	assert_int_equal(r.added, 10);
	assert_int_equal(r.skipped, 2);     /* the two closed schools */
	assert_int_equal(r.updated + r.unchanged + r.problems_total, 0);
	assert_int_equal(org_count(f), 10);

	org_bulk_row o = by_urn(f, AREA, "900001");
	assert_string_equal(o.name, "Hill Top Primary School");
	assert_string_equal(o.type, "Community school");
	assert_string_equal(o.sector, "education");
	assert_string_equal(o.la_code, "990");
	assert_string_equal(o.ukprn, "10090001");
	assert_string_equal(o.opened_on, "1975-09-01");   /* DD-MM-YYYY made ISO */
	assert_null(o.closed_on);
	/* A comma and doubled quotes inside quoted values. */
	assert_string_equal(by_urn(f, AREA, "900003").name, "Oak Lane School, Upper Site");
	assert_string_equal(by_urn(f, AREA, "900005").name, "The \"Meadows\" Nursery School");
	assert_null(by_urn(f, AREA, "900004").ukprn);    /* empty is none */
	/* After a quoted line break in the Street column the rows still line
	 * up: the next school is whole. */
	assert_string_equal(by_urn(f, AREA, "900008").name, "Westgate Free School");
	/* "Open, but proposed to close" is open. */
	assert_string_equal(by_urn(f, AREA, "900008").type, "Free schools");
	int64_t area = 0, none = 0;
	org_bulk_row nothing;
	assert_int_equal(store_bulk_area_find(&f->db, AREA, &area, &f->e), 1);
	assert_int_equal(store_org_find_urn(&f->db, &f->mem, area, "900007", &nothing, &f->e), 0);
	assert_int_equal(store_bulk_area_find(&f->db, "Nowhere", &none, &f->e), 0);
}

static void closed_included_on_request(void **state)
{
	fixture *f = *state;
	org_csv_report r = {.include_closed = true};
	assert_int_equal(import_file(f, "gias-sample.csv", &r), 0);
	assert_int_equal(r.added, 12);
	assert_int_equal(r.skipped, 0);
	org_bulk_row o = by_urn(f, AREA, "900007");
	assert_string_equal(o.closed_on, "2019-08-31");
	assert_string_equal(o.opened_on, "1970-09-01");
}

/* Replaces the first `from` in `text` (malloc'd) by `to`. */
static char *replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	assert_non_null(at);
	size_t n = strlen(text) - strlen(from) + strlen(to);
	char *out = malloc(n + 1);
	assert_non_null(out);
	size_t head = (size_t)(at - text);
	memcpy(out, text, head);
	strcpy(out + head, to);
	strcat(out, at + strlen(from));
	return out;
}

static void reimport_updates_instead_of_duplicating(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_file(f, "gias-sample.csv", &r), 0);
	int64_t id = by_urn(f, AREA, "900001").id;

	/* The same file again: nothing new. */
	r = (org_csv_report){0};
	assert_int_equal(import_file(f, "gias-sample.csv", &r), 0);
	assert_false(r.area_created);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.unchanged, 10);
	assert_int_equal(r.skipped, 2);
	assert_int_equal(org_count(f), 10);

	/* A renamed school with a new LA code and opening date is updated. */
	size_t len;
	char *text = slurp("gias-sample.csv", &len);
	char *a = replaced(text, "900001,990,Example Borough,2001,Hill Top Primary School,1,Community school",
			   "900001,991,Example Borough,2001,Hill Top Primary School and Nursery,1,Foundation school");
	char *b = replaced(a, "Open,01-09-1975", "Open,02-09-1975");
	r = (org_csv_report){0};
	assert_int_equal(import_str(f, b, &r), 0);
	assert_int_equal(r.updated, 1);
	assert_int_equal(r.unchanged, 9);
	assert_int_equal(r.added, 0);
	assert_int_equal(org_count(f), 10);
	org_bulk_row o = by_urn(f, AREA, "900001");
	assert_int_equal(o.id, id);
	assert_string_equal(o.name, "Hill Top Primary School and Nursery");
	assert_string_equal(o.type, "Foundation school");
	assert_string_equal(o.la_code, "991");
	assert_string_equal(o.opened_on, "1975-09-02");

	/* It has since closed: a closed school the area holds is updated
	 * with its closing date, not skipped. */
	char *c = replaced(b, "Open,02-09-1975,Not applicable,,", "Closed,02-09-1975,Not applicable,31-08-2026,");
	r = (org_csv_report){0};
	assert_int_equal(import_str(f, c, &r), 0);
	assert_int_equal(r.updated, 1);
	assert_int_equal(r.skipped, 2);
	assert_string_equal(by_urn(f, AREA, "900001").closed_on, "2026-08-31");
	free(text);
	free(a);
	free(b);
	free(c);
}

static void same_urn_in_another_area_is_separate(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_file(f, "gias-sample.csv", &r), 0);
	size_t len;
	char *text = slurp("gias-sample.csv", &len);
	r = (org_csv_report){0};
	assert_int_equal(import_text(f, "Other Area", text, len, &r), 0);
	free(text);
	assert_int_equal(r.added, 10);
	assert_int_equal(org_count(f), 20);
	assert_string_equal(by_urn(f, "Other Area", "900001").name, "Hill Top Primary School");
}

/* A school added by hand without a URN takes the one in the file rather
 * than being added twice. */
static void hand_added_school_takes_its_urn(void **state)
{
	fixture *f = *state;
	org_row o = {.name = "Riverside Academy", .sector = "education", .area = AREA};
	int64_t id;
	assert_int_equal(org_add(&f->d, &o, &id, &f->e), 0);
	org_csv_report r = {0};
	assert_int_equal(import_file(f, "gias-sample.csv", &r), 0);
	assert_int_equal(r.added, 9);
	assert_int_equal(r.updated, 1);
	assert_int_equal(org_count(f), 10);
	assert_int_equal(by_urn(f, AREA, "900002").id, id);
	assert_string_equal(by_urn(f, AREA, "900002").type, "Academy converter");
}

static const char gias_head[] = "URN,LA (code),EstablishmentName,TypeOfEstablishment (name),"
				"EstablishmentStatus (name),OpenDate,CloseDate,UKPRN\n";

static char *gias(const char *rows)
{
	size_t n = strlen(gias_head) + strlen(rows) + 1;
	char *s = malloc(n);
	assert_non_null(s);
	snprintf(s, n, "%s%s", gias_head, rows);
	return s;
}

static void gias_rows_refused(void **state)
{
	fixture *f = *state;
	size_t len;
	char *text = slurp("gias-bad.csv", &len);
	int64_t before = test_count_rows(&f->db);
	org_csv_report r = {0};
	assert_int_equal(import_text(f, AREA, text, len, &r), -1);
	free(text);
	assert_int_equal(test_count_rows(&f->db), before);
	/* Line numbers count physical lines: the first row spans 2 to 4. */
	has_problem(&r, 5, "EstablishmentName");
	has_problem(&r, 5, "required");
	has_problem(&r, 6, "OpenDate \"31-02-2001\" is not a date that exists");
	has_problem(&r, 7, "URN \"90010\" is not valid: a URN is 6 digits");
	has_problem(&r, 8, "URN 900101 is also on line 2");
	has_problem(&r, 9, "LA (code) \"99\"");
	has_problem(&r, 9, "UKPRN \"20090106\"");
	/* Line 10 is a closed school with its dates the wrong way round: it
	 * is skipped, so its problem is not the user's to fix. */
	assert_int_equal(r.problems_total, 6);
	assert_int_equal(r.n_problems, 6);
	for (size_t i = 1; i < r.n_problems; i++)
		assert_true(r.problems[i - 1].line <= r.problems[i].line);
	assert_non_null(strstr(f->e.msg, "6 problems"));

	/* With closed schools included, it is. */
	text = slurp("gias-bad.csv", &len);
	r = (org_csv_report){.include_closed = true};
	assert_int_equal(import_text(f, AREA, text, len, &r), -1);
	free(text);
	has_problem(&r, 10, "CloseDate 31-08-2001 is before OpenDate 01-09-2010");
	assert_int_equal(r.problems_total, 7);
}

static void gias_dates(void **state)
{
	fixture *f = *state;
	char *t = gias("900001,990,A School,Community school,Open,1/9/2001,,\n"
		       "900002,990,B School,Community school,Open,2001-09-03,,\n"
		       "900003,990,C School,Community school,Open,29-02-2024,31/08/2025,\n");
	org_csv_report r = {0};
	assert_int_equal(import_str(f, t, &r), 0);
	free(t);
	assert_string_equal(by_urn(f, AREA, "900001").opened_on, "2001-09-01");
	assert_string_equal(by_urn(f, AREA, "900002").opened_on, "2001-09-03");
	assert_string_equal(by_urn(f, AREA, "900003").opened_on, "2024-02-29");
	assert_string_equal(by_urn(f, AREA, "900003").closed_on, "2025-08-31");
	static const char *const bad[] = {"29-02-2023", "2001/13/01", "1-9-01", "01.09.2001", "01-09-2001x",
					  "Sept 2001", "--", "1-2-3-4"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char row[200];
		snprintf(row, sizeof row, "900009,990,D School,Community school,Open,%s,,\n", bad[i]);
		t = gias(row);
		refuse_str(f, t, 2, "is not a date that exists: GIAS dates are DD-MM-YYYY");
		free(t);
	}
}

static void gias_header_checked(void **state)
{
	fixture *f = *state;
	size_t len;
	char *text = slurp("gias-missing-column.csv", &len);
	org_csv_report r = {0};
	assert_int_equal(import_text(f, AREA, text, len, &r), -1);
	free(text);
	has_problem(&r, 1, "no column \"TypeOfEstablishment (name)\"");
	has_problem(&r, 1, "no column \"EstablishmentStatus (name)\"");
	assert_int_equal(r.rows, 0);
	assert_int_equal(org_count(f), 0);

	/* Other spellings and orders of the same columns are read. */
	org_csv_report ok = {0};
	assert_int_equal(import_str(f, "Establishment Status, typeofestablishment,EXTRA,establishment name,urn\n"
				    "Open,Community school,x,Loose Header School,900001\n", &ok), 0);
	assert_int_equal(ok.added, 1);
	assert_string_equal(by_urn(f, AREA, "900001").type, "Community school");
	assert_null(by_urn(f, AREA, "900001").la_code);

	refuse_str(f, "URN,EstablishmentName,URN,TypeOfEstablishment (name),EstablishmentStatus (name)\n"
		   "900001,A,900001,B,Open\n", 1, "the column \"URN\" appears twice");
	r = refuse_str(f, "URN,Name\n900001,A\n", 1, "the header row is not one copro reads. It has \"URN\", \"Name\"");
	assert_null(r.format);
	has_problem(&r, 1, "name,sector,type");
}

/* A column the file lacks leaves what the area holds as it was. */
static void missing_optional_column_keeps_values(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_file(f, "gias-sample.csv", &r), 0);
	r = (org_csv_report){0};
	assert_int_equal(import_str(f, "URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name)\n"
				    "900001,Hill Top Primary School,Community school,Open\n", &r), 0);
	assert_int_equal(r.unchanged, 1);
	org_bulk_row o = by_urn(f, AREA, "900001");
	assert_string_equal(o.la_code, "990");
	assert_string_equal(o.opened_on, "1975-09-01");
	assert_string_equal(o.ukprn, "10090001");
	/* A closing date from the file is checked against the stored opening
	 * date. */
	refuse_str(f, "URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),CloseDate\n"
		   "900001,Hill Top Primary School,Community school,Closed,31-08-1970\n", 2,
		   "the closing date 1970-08-31 is before the opening date 1975-09-01");
}

/* ---- the simple format ------------------------------------------------ */

static void simple_imported(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_file(f, "orgs-simple.csv", &r), 0);
	assert_string_equal(r.format, "simple");
	assert_int_equal(r.added, 6);
	org_row o;
	assert_int_equal(store_org_find(&f->db, &f->mem, "Northfield Children's Centre, East", AREA, &o, &f->e), 1);
	assert_string_equal(o.sector, "care");
	assert_int_equal(store_org_find(&f->db, &f->mem, "Speech and Language Therapy Service", AREA, &o, &f->e), 1);
	assert_string_equal(o.sector, "health");          /* "Health" */
	assert_string_equal(o.type, "Children's \"SALT\" service");
	assert_int_equal(store_org_find(&f->db, &f->mem, "Youth Voice Group", AREA, &o, &f->e), 1);
	assert_string_equal(o.type, "");

	/* Again: unchanged. A changed sector or type is an update; an empty
	 * type leaves the type as it was. */
	r = (org_csv_report){0};
	assert_int_equal(import_file(f, "orgs-simple.csv", &r), 0);
	assert_int_equal(r.unchanged, 6);
	r = (org_csv_report){0};
	assert_int_equal(import_str(f, "Sector , NAME,type\r\n"
				    "voluntary,Hill Top Primary School,\r\n"
				    "health,Brook Lane Health Visiting Team,\r\n", &r), 0);
	assert_int_equal(r.updated, 1);
	assert_int_equal(r.unchanged, 1);
	assert_int_equal(store_org_find(&f->db, &f->mem, "Hill Top Primary School", AREA, &o, &f->e), 1);
	assert_string_equal(o.sector, "voluntary");
	assert_string_equal(o.type, "Community school");
	assert_int_equal(org_count(f), 6);
}

static void simple_rows_refused(void **state)
{
	fixture *f = *state;
	size_t len;
	char *text = slurp("orgs-bad-sector.csv", &len);
	org_csv_report r = {0};
	assert_int_equal(import_text(f, AREA, text, len, &r), -1);
	free(text);
	has_problem(&r, 3, "sector \"retail\" is not known: use education, health, care or voluntary");
	assert_int_equal(org_count(f), 0);

	refuse_str(f, "name,sector,type\n,care,x\n", 2, "The name is required");
	refuse_str(f, "name,sector,type\n   ,care,x\n", 2, "The name is required");
	refuse_str(f, "name,sector,type\nA,,x\n", 2, "sector \"\" is not known");
	refuse_str(f, "name,sector,type\n\"Two\nLines\",care,x\n", 2, "single line");
	refuse_str(f, "name,sector,type\nA,care\n", 2, "this row has 2 values but the header row has 3");
	refuse_str(f, "name,sector,type\nA,care,x,y\n", 2, "4 values");
	refuse_str(f, "name,sector,type\nSame,care,\nOther,care,\nSame,health,\n", 4,
		   "the name \"Same\" is also on line 2");
	refuse_str(f, "name,sector,type,extra\nA,care,x,y\n", 1, "not one copro reads");
	refuse_str(f, "name,sector\nA,care\n", 1, "It has \"name\", \"sector\"");
	char long_name[260];
	memset(long_name, 'n', 201);
	snprintf(long_name + 201, sizeof long_name - 201, ",care,\n");
	char *t = malloc(300);
	snprintf(t, 300, "name,sector,type\n%s", long_name);
	refuse_str(f, t, 2, "too long");
	free(t);
}

/* A name already used in the area by another organisation is refused,
 * as org add refuses it. */
static void name_taken_in_area(void **state)
{
	fixture *f = *state;
	org_row o = {.name = "Hill Top Primary School", .sector = "education", .area = AREA,
		     .urn = "123456"};
	int64_t id;
	assert_int_equal(org_add(&f->d, &o, &id, &f->e), 0);
	char *t = gias("900001,990,Hill Top Primary School,Community school,Open,,,\n");
	char want[120];
	snprintf(want, sizeof want, "organisation %lld in " AREA " is already called", (long long)id);
	refuse_str(f, t, 2, want);
	free(t);
}

/* ---- the file as a whole ----------------------------------------------- */

static void bom_and_crlf(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_str(f, "\xEF\xBB\xBFname,sector,type\r\nCaf\xC3\xA9 Club,voluntary,Youth club\r\n"
				    "\r\nLast Org,care,Nursery\r\n", &r), 0);
	assert_int_equal(r.added, 2);
	org_row o;
	assert_int_equal(store_org_find(&f->db, &f->mem, "Caf\xC3\xA9 Club", AREA, &o, &f->e), 1);
	assert_string_equal(o.type, "Youth club");
	assert_int_equal(store_org_find(&f->db, &f->mem, "Last Org", AREA, &o, &f->e), 1);
	assert_string_equal(o.type, "Nursery");   /* no \r left behind */
	/* Old Mac line ends (CR alone) count as lines too. */
	refuse_str(f, "name,sector,type\rA,care,\rB,nowhere,\r", 3, "sector \"nowhere\"");
}

static void invalid_utf8(void **state)
{
	fixture *f = *state;
	size_t len;
	char *text = slurp("orgs-latin1.csv", &len);
	org_csv_report r = {0};
	assert_int_equal(import_text(f, AREA, text, len, &r), -1);
	free(text);
	has_problem(&r, 2, "not UTF-8 text");
	has_problem(&r, 2, "CSV UTF-8");
	assert_int_equal(org_count(f), 0);
	refuse_str(f, "name,sector,type\nA,care,\nB,care,\n\xFF\n", 4, "not UTF-8");
	refuse_str(f, "name,sector,type\rA,care,\r\nB,c\xE9re,\r", 3, "not UTF-8");
	refuse_str(f, "\xFF\xFEn\0a\0", 0, "UTF-16");
	refuse_str(f, "PK\x03\x04rest", 0, "spreadsheet workbook (.xlsx)");
	static const char nul[] = "name,sector,type\nA\0B,care,\n";
	org_csv_report r2 = {0};
	assert_int_equal(import_text(f, AREA, nul, sizeof nul - 1, &r2), -1);
	has_problem(&r2, 2, "NUL byte");
}

static void broken_quotes(void **state)
{
	fixture *f = *state;
	refuse_str(f, "name,sector,type\nA,care,\nB \"x\" C,care,\n", 3, "a double quote is in the wrong place");
	refuse_str(f, "name,sector,type\n\"A\"B,care,\n", 2, "double quote is in the wrong place");
	refuse_str(f, "name,sector,type\nA,care,\n\"B,care,\nC,care,\n", 3, "no closing double quote");
	org_csv_report r = refuse_str(f, "\"name,sector,type\nA,care,\n", 1, "no closing double quote");
	assert_int_equal(r.problems_total, 1);
	/* A record whose first value spans lines starts where it starts. */
	r = refuse_str(f, "name,sector,type\n\"Multi\r\nLine\",care,\n  B,shop,\n", 2, "single line");
	has_problem(&r, 4, "sector \"shop\"");
}

static void empty_and_header_only(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_text(f, AREA, "", 0, &r), -1);
	has_problem(&r, 0, "the file is empty");
	refuse_str(f, "\xEF\xBB\xBF", 0, "the file is empty");
	refuse_str(f, "\n  \n\r\n", 0, "the file is empty");
	refuse_str(f, "name,sector,type\n", 1, "a header row but no organisations");
	refuse_str(f, "name,sector,type\n,,\n\n", 1, "a header row but no organisations");
	refuse_str(f, gias_head, 1, "no organisations");
	/* Blank lines before the header move every line number on. */
	refuse_str(f, "\n\nname,sector,type\nA,shop,\n", 4, "sector \"shop\"");
}

static void too_large(void **state)
{
	fixture *f = *state;
	size_t n = ORG_CSV_MAX_BYTES + 1;
	char *big = calloc(1, n);
	assert_non_null(big);
	memset(big, 'a', n);
	org_csv_report r = {0};
	assert_int_equal(import_text(f, AREA, big, n, &r), -1);
	free(big);
	has_problem(&r, 0, "larger than 20 MB");

	/* 50,000 rows are read; one more is refused. */
	size_t rows = ORG_CSV_MAX_ROWS + 1, cap = 32 + rows * 16;
	char *t = malloc(cap), *w = t;
	assert_non_null(t);
	w += sprintf(w, "name,sector,type\n");
	for (size_t i = 1; i <= rows; i++)
		w += sprintf(w, "N%zu,care,\n", i);
	*w = '\0';
	int64_t before = test_count_rows(&f->db);
	r = (org_csv_report){0};
	assert_int_equal(import_str(f, t, &r), -1);
	has_problem(&r, 0, "more than 50,000 rows");
	assert_int_equal(test_count_rows(&f->db), before);
	*strrchr(t, 'N') = '\0';    /* drop the last row */
	r = (org_csv_report){.dry_run = true};
	assert_int_equal(import_str(f, t, &r), 0);
	assert_int_equal(r.added, ORG_CSV_MAX_ROWS);
	free(t);
}

static void many_problems_capped(void **state)
{
	fixture *f = *state;
	char *t = malloc(8192), *w = t;
	assert_non_null(t);
	w += sprintf(w, "name,sector,type\n");
	for (int i = 0; i < 60; i++)
		w += sprintf(w, "N%d,shop,\n", i);
	org_csv_report r = {0};
	assert_int_equal(import_str(f, t, &r), -1);
	free(t);
	assert_int_equal(r.problems_total, 60);
	assert_int_equal(r.n_problems, ORG_CSV_MAX_PROBLEMS);
	assert_int_equal(r.problems[0].line, 2);
	assert_non_null(strstr(f->e.msg, "60 problems"));
}

/* One bad row, wherever it is, means nothing at all is written. */
static void one_bad_row_writes_nothing(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_file(f, "orgs-simple.csv", &r), 0);
	size_t len;
	char *text = slurp("gias-sample.csv", &len);
	char *first = replaced(text, "900001,990", "900001,99x");
	refuse_str(f, first, 2, "LA (code) \"99x\"");
	char *last = replaced(text, "Elm Park Academy", "");
	refuse_str(f, last, 14, "EstablishmentName");
	/* and the rows before it changed nothing either */
	int64_t area = 0;
	assert_int_equal(store_bulk_area_find(&f->db, AREA, &area, &f->e), 1);
	org_bulk_row o;
	assert_int_equal(store_org_find_urn(&f->db, &f->mem, area, "900002", &o, &f->e), 0);
	free(text);
	free(first);
	free(last);
}

static void dry_run_writes_nothing(void **state)
{
	fixture *f = *state;
	int64_t before = test_count_rows(&f->db);
	org_csv_report r = {.dry_run = true};
	assert_int_equal(import_file(f, "gias-sample.csv", &r), 0);
	assert_int_equal(r.added, 10);
	assert_int_equal(r.skipped, 2);
	assert_true(r.area_created);
	assert_int_equal(test_count_rows(&f->db), before);
	int64_t area;
	assert_int_equal(store_bulk_area_find(&f->db, AREA, &area, &f->e), 0);
}

static void area_required(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_text(f, "", "name,sector,type\nA,care,\n", 25, &r), -1);
	assert_non_null(strstr(f->e.msg, "The local area is required"));
	assert_int_equal(org_count(f), 0);
}

/* The organisations stay valid for the rest of copro: org_edit works on
 * an imported one. */
static void imported_orgs_edit(void **state)
{
	fixture *f = *state;
	org_csv_report r = {0};
	assert_int_equal(import_file(f, "gias-sample.csv", &r), 0);
	org_row o;
	assert_int_equal(org_get(&f->d, by_urn(f, AREA, "900001").id, &o, &f->e), 0);
	assert_string_equal(o.area, AREA);
	assert_string_equal(o.urn, "900001");
	o.closed_on = "2030-08-31";
	assert_int_equal(org_edit(&f->d, &o, &f->e), 0);
	assert_string_equal(by_urn(f, AREA, "900001").la_code, "990");
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(gias_sample_imported), T(closed_included_on_request),
		T(reimport_updates_instead_of_duplicating), T(same_urn_in_another_area_is_separate),
		T(hand_added_school_takes_its_urn), T(gias_rows_refused), T(gias_dates),
		T(gias_header_checked), T(missing_optional_column_keeps_values), T(simple_imported),
		T(simple_rows_refused), T(name_taken_in_area), T(bom_and_crlf), T(invalid_utf8),
		T(broken_quotes), T(empty_and_header_only), T(too_large), T(many_problems_capped),
		T(one_bad_row_writes_nothing), T(dry_run_writes_nothing), T(area_required),
		T(imported_orgs_edit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
