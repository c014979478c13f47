/* test_date.c: the GOV.UK date input's fields read into YYYY-MM-DD, with
 * the design system's message and the fields it marks. */
#include "testutil.h"

#include "core/date.h"

static const date_rule due = {"the due date", true, DATE_ANY};

/* One entry: the message (NULL for none), the fields marked, the date. */
static void expect(const char *d, const char *m, const char *y, const date_rule *rule,
		   const char *message, int wrong, const char *iso)
{
	arena a = {0};
	date_entry out;
	int rc = date_from_fields(&a, d, m, y, rule, &out);
	assert_int_equal(rc, message ? -1 : 0);
	if (message)
		assert_string_equal(out.message, message);
	else
		assert_null(out.message);
	assert_int_equal(out.wrong, wrong);
	if (iso)
		assert_string_equal(out.iso, iso);
	else
		assert_null(out.iso);
	arena_free(&a);
}

static void real_dates(void **state)
{
	(void)state;
	expect("31", "1", "2027", &due, NULL, 0, "2027-01-31");
	expect(" 3 ", "07", " 2026", &due, NULL, 0, "2026-07-03");      /* spaces, a leading 0 */
	expect("29", "2", "2028", &due, NULL, 0, "2028-02-29");          /* leap year */
	expect("1", "jan", "2027", &due, NULL, 0, "2027-01-01");         /* month names */
	expect("1", "SEPT", "2027", &due, NULL, 0, "2027-09-01");
	expect("1", "December", "2027", &due, NULL, 0, "2027-12-01");
}

static void nothing_typed(void **state)
{
	(void)state;
	expect("", "", "", &due, "Enter the due date", DATE_WHOLE, NULL);
	expect(NULL, " ", NULL, &due, "Enter the due date", DATE_WHOLE, NULL);
	const date_rule optional = {"the review date", false, DATE_ANY};
	expect("", "", "", &optional, NULL, 0, NULL);                    /* no date is fine */
	expect("", "2", "", &optional, "The review date must include a day and year",
	       DATE_DAY | DATE_YEAR, NULL);
}

/* Only the fields left empty are marked. */
static void incomplete(void **state)
{
	(void)state;
	expect("", "1", "2027", &due, "The due date must include a day", DATE_DAY, NULL);
	expect("31", "", "2027", &due, "The due date must include a month", DATE_MONTH, NULL);
	expect("31", "1", "", &due, "The due date must include a year", DATE_YEAR, NULL);
	expect("", "", "2027", &due, "The due date must include a day and month",
	       DATE_DAY | DATE_MONTH, NULL);
	expect("31", "", "", &due, "The due date must include a month and year",
	       DATE_MONTH | DATE_YEAR, NULL);
}

/* A field that cannot be right is marked alone; several, the whole date. */
static void not_real(void **state)
{
	(void)state;
	const char *msg = "The due date must be a real date";
	expect("32", "1", "2027", &due, msg, DATE_DAY, NULL);
	expect("0", "1", "2027", &due, msg, DATE_DAY, NULL);
	expect("1", "13", "2027", &due, msg, DATE_MONTH, NULL);
	expect("1", "ju", "2027", &due, msg, DATE_MONTH, NULL);          /* too short to tell */
	expect("1", "1", "20x7", &due, msg, DATE_YEAR, NULL);
	expect("30", "2", "2027", &due, msg, DATE_DAY, NULL);            /* no 30 February */
	expect("29", "2", "2027", &due, msg, DATE_DAY, NULL);            /* not a leap year */
	expect("1", "1", "1850", &due, msg, DATE_YEAR, NULL);
	expect("x", "13", "2027", &due, msg, DATE_DAY | DATE_MONTH, NULL);
	expect("1.5", "1", "2027", &due, msg, DATE_DAY, NULL);
	expect("-1", "1", "2027", &due, msg, DATE_DAY, NULL);
	expect("1", "1", "27", &due, "The due date must include a year with 4 numbers, for example 2027",
	       DATE_YEAR, NULL);
	expect("1", "1", "202700", &due, "The due date must include a year with 4 numbers, for example 2027",
	       DATE_YEAR, NULL);
}

static void past_and_future(void **state)
{
	(void)state;
	setenv("COPRO_NOW", "2027-01-15T10:00:00Z", 1);
	const date_rule past = {"the date of the evidence", true, DATE_PAST};
	const date_rule future = {"the closing date", true, DATE_FUTURE};
	expect("15", "1", "2027", &past, NULL, 0, "2027-01-15");        /* today is fine */
	expect("16", "1", "2027", &past, "The date of the evidence must be today or in the past",
	       DATE_WHOLE, NULL);
	expect("15", "1", "2027", &future, NULL, 0, "2027-01-15");
	expect("14", "1", "2027", &future, "The closing date must be today or in the future",
	       DATE_WHOLE, NULL);
	unsetenv("COPRO_NOW");
}

static void fields_from_iso(void **state)
{
	(void)state;
	arena a = {0};
	const char *f[3];
	date_fields(&a, "2027-01-05", f);
	assert_string_equal(f[0], "5");
	assert_string_equal(f[1], "1");
	assert_string_equal(f[2], "2027");
	const char *bad[] = {NULL, "", "2027-02-30", "31/01/2027", "2027-01-05T10:00:00Z"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		date_fields(&a, bad[i], f);
		assert_string_equal(f[0], "");
		assert_string_equal(f[1], "");
		assert_string_equal(f[2], "");
	}
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_dates),      cmocka_unit_test(nothing_typed),
		cmocka_unit_test(incomplete),      cmocka_unit_test(not_real),
		cmocka_unit_test(past_and_future), cmocka_unit_test(fields_from_iso),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
