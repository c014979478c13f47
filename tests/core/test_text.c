/* test_text.c: user text checks, dates and UTF-8. */
#include "testutil.h"

#include "core/text.h"

#include <time.h>

static void dates_that_exist(void **state)
{
	(void)state;
	assert_true(date_valid("2026-02-28"));
	assert_true(date_valid("2028-02-29"));      /* leap year */
	assert_true(date_valid("2000-02-29"));      /* divisible by 400 */
	assert_true(date_valid("2026-12-31"));
}

static void dates_that_do_not(void **state)
{
	(void)state;
	const char *bad[] = {"2026-02-30", "2026-02-29", "1900-02-29", "2026-13-01",
			     "2026-00-10", "2026-04-31", "2026-4-01", "26-04-01", "2026/04/01",
			     "2026-04-01x", "", "abcd-ef-gh", "2026-04-0a"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(date_valid(bad[i]));
	assert_false(date_valid(NULL));
	err e = {0};
	assert_int_equal(date_check("The due date", "2026-02-30", &e), -1);
	assert_int_equal(e.kind, ERR_INPUT);
	assert_non_null(strstr(e.msg, "2026-02-30"));
	assert_non_null(strstr(e.msg, "YYYY-MM-DD"));
}

static void utf8(void **state)
{
	(void)state;
	const char ok[] = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80";
	assert_true(utf8_valid(ok, strlen(ok)));
	assert_int_equal(utf8_chars(ok), 8);
	const char *bad[] = {"\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff",
			     "a\x80"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(utf8_valid(bad[i], strlen(bad[i])));
}

static void lines_and_limits(void **state)
{
	(void)state;
	err e = {0};
	assert_int_equal(text_check_line("Name", "Riverside", true, &e), 0);
	assert_int_equal(text_check_line("Name", "", true, &e), -1);
	assert_non_null(strstr(e.msg, "required"));
	assert_int_equal(text_check_line("Name", "   ", true, &e), -1);
	assert_int_equal(text_check_line("Name", NULL, false, &e), 0);
	assert_int_equal(text_check_line("Name", "two\nlines", true, &e), -1);
	assert_non_null(strstr(e.msg, "single line"));
	assert_int_equal(text_check_long("Notes", "two\nlines\tok", true, &e), 0);
	assert_int_equal(text_check_long("Notes", "bell\a", true, &e), -1);

	char big[TEXT_NAME_MAX + 2];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(text_check_line("Name", big, true, &e), -1);
	assert_non_null(strstr(e.msg, "too long"));
	big[TEXT_NAME_MAX] = '\0';
	assert_int_equal(text_check_line("Name", big, true, &e), 0);
	assert_int_equal(text_check_line("Name", "caf\xc3", true, &e), -1);
	assert_non_null(strstr(e.msg, "UTF-8"));
}

static void urls(void **state)
{
	(void)state;
	err e = {0};
	assert_int_equal(text_check_url("Link", "https://example.org/a", &e), 0);
	assert_int_equal(text_check_url("Link", NULL, &e), 0);
	assert_int_equal(text_check_url("Link", "javascript:alert(1)", &e), -1);
	assert_int_equal(text_check_url("Link", "ftp://x", &e), -1);
	assert_int_equal(text_check_url("Link", "https://a b", &e), -1);
}

/* Dates as people read them; what is not a date comes back untouched. */
static void dates_in_words(void **state)
{
	(void)state;
	arena a = {0};
	assert_string_equal(date_in_words(&a, "2026-11-23"), "23 November 2026");
	assert_string_equal(date_in_words(&a, "2024-02-29"), "29 February 2024");
	assert_string_equal(date_in_words(&a, "2026-01-05T09:30:00Z"), "5 January 2026");
	assert_string_equal(date_in_words(&a, "2026-02-30"), "2026-02-30");
	assert_string_equal(date_in_words(&a, "soon"), "soon");
	assert_string_equal(date_in_words(&a, NULL), "");
	arena_free(&a);
}

/* Counts grouped in threes, with the word that agrees with them. */
static void counts(void **state)
{
	(void)state;
	arena a = {0};
	assert_string_equal(text_count(&a, 0), "0");
	assert_string_equal(text_count(&a, 999), "999");
	assert_string_equal(text_count(&a, 1000), "1,000");
	assert_string_equal(text_count(&a, 1159), "1,159");
	assert_string_equal(text_count(&a, 1234567), "1,234,567");
	assert_string_equal(text_count(&a, -45000), "-45,000");
	assert_string_equal(text_count(&a, -9223372036854775807LL - 1), "-9,223,372,036,854,775,808");
	assert_string_equal(text_count_of(&a, 1, "answer", "answers"), "1 answer");
	assert_string_equal(text_count_of(&a, 0, "answer", "answers"), "0 answers");
	assert_string_equal(text_count_of(&a, 2000, "answer", "answers"), "2,000 answers");
	arena_free(&a);
}

static void clock_override(void **state)
{
	(void)state;
	char now[21], today[11];
	setenv("COPRO_NOW", "2027-01-02T03:04:05Z", 1);
	time_now_iso(now);
	date_today(today);
	assert_string_equal(now, "2027-01-02T03:04:05Z");
	assert_string_equal(today, "2027-01-02");
	setenv("COPRO_NOW", "not a time", 1);
	time_now_iso(now);
	assert_int_equal(strlen(now), 20);
	assert_string_not_equal(now, "not a time");
	unsetenv("COPRO_NOW");
}

/* Times as copro stores them, to seconds since 1970 as timegm gives
 * them (a leap second's 60 is the next minute's 0); anything else,
 * signs and spaces too, is not a time. */
static void times_parsed(void **state)
{
	(void)state;
	assert_int_equal(time_parse_iso("1970-01-01T00:00:00Z"), 0);
	assert_int_equal(time_parse_iso("2000-02-29T12:34:56Z"), 951827696);
	assert_int_equal(time_parse_iso("2026-12-07T20:30:00Z"), 1796675400);
	assert_int_equal(time_parse_iso("1900-03-01T00:00:00Z"), -2203891200LL);
	assert_int_equal(time_parse_iso("2199-12-31T23:59:59Z"), 7258118399LL);
	assert_int_equal(time_parse_iso("2026-12-31T23:59:60Z"), time_parse_iso("2027-01-01T00:00:00Z"));
	for (int64_t t = -2208988800LL; t < 7258118400LL; t += 3600 * 37 + 61) {
		char iso[21];
		time_iso(t, iso);
		assert_int_equal(time_parse_iso(iso), t);
	}
	const char *bad[] = {"2026-02-29T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z",
			     "2026-01-01T00:00:61Z", "2026-01-01T-1:00:00Z", "2026-01-01T 1:00:00Z",
			     "2026-01-01T01:+1:00Z", "2026-01-01 01:00:00Z", "2026-01-01T01:00:00",
			     "2026-1-01T01:00:00Z", "", NULL};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(time_parse_iso(bad[i]), -1);
	setenv("COPRO_NOW", "2027-01-02T03:04:05Z", 1);
	assert_int_equal(time_now_epoch(), time_parse_iso("2027-01-02T03:04:05Z"));
	unsetenv("COPRO_NOW");
	int64_t before = (int64_t)time(NULL), now = time_now_epoch();
	assert_true(now >= before && now <= (int64_t)time(NULL));
}

static void digits(void **state)
{
	(void)state;
	assert_true(text_digits("106020", 6));
	assert_false(text_digits("10602", 6));         /* too short */
	assert_false(text_digits("1060200", 6));       /* too long */
	assert_false(text_digits("10602a", 6));
	assert_false(text_digits("-10602", 6));
	assert_false(text_digits("\xd9\xa1\xd9\xa2\xd9\xa3", 6)); /* Arabic-Indic digits are not 0-9 */
	assert_true(text_digits("", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates_that_exist), cmocka_unit_test(dates_that_do_not),
		cmocka_unit_test(utf8),             cmocka_unit_test(lines_and_limits),
		cmocka_unit_test(urls),             cmocka_unit_test(clock_override),
		cmocka_unit_test(digits),           cmocka_unit_test(times_parsed),
		cmocka_unit_test(dates_in_words),   cmocka_unit_test(counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
