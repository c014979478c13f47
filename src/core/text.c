/* text.c: validation of user text and dates. */
#include "core/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1; min = 0x80; c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2; min = 0x800; c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3; min = 0x10000; c &= 0x07;
		} else {
			return false;
		}
		if (len - i <= n)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			c = (c << 6) | (s[i + k] & 0x3F);
		}
		/* Overlong forms, surrogates and values past U+10FFFF are
		 * not text. */
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static int text_check(const char *what, const char *s, bool required,
		      bool multiline, size_t max, err *e)
{
	if (!s || !*s) {
		if (required)
			return err_set(e, ERR_INPUT, "%s is required: give a value.", what);
		return 0;
	}
	size_t len = strlen(s);
	if (!utf8_valid(s, len))
		return err_set(e, ERR_INPUT,
			       "%s is not valid UTF-8 text: save it as UTF-8 and try again.", what);
	size_t chars = utf8_chars(s);
	if (chars > max)
		return err_set(e, ERR_INPUT,
			       "%s is too long (%zu characters): shorten it to %zu or fewer.",
			       what, chars, max);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p != 0x7F)
			continue;
		if (multiline && (*p == '\n' || *p == '\t' || *p == '\r'))
			continue;
		return err_set(e, ERR_INPUT,
			       multiline ? "%s contains a control character: remove it."
					 : "%s must be a single line without control characters: remove line breaks and tabs.",
			       what);
	}
	const char *q = s;
	while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r')
		q++;
	if (!*q && required)
		return err_set(e, ERR_INPUT, "%s is required: give a value that is not only spaces.", what);
	return 0;
}

int text_check_line(const char *what, const char *s, bool required, err *e)
{
	return text_check(what, s, required, false, TEXT_NAME_MAX, e);
}

int text_check_long(const char *what, const char *s, bool required, err *e)
{
	return text_check(what, s, required, true, TEXT_LONG_MAX, e);
}

int text_check_url(const char *what, const char *s, err *e)
{
	if (!s || !*s)
		return 0;
	if (text_check(what, s, false, false, TEXT_URL_MAX, e) < 0)
		return -1;
	if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0)
		return err_set(e, ERR_INPUT,
			       "%s must start with https:// or http:// (got \"%.60s\").", what, s);
	if (strchr(s, ' '))
		return err_set(e, ERR_INPUT, "%s must not contain spaces: encode them as %%20.", what);
	return 0;
}

/* The number two decimal digits at s write, or -1. */
static int two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

bool date_valid(const char *s)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = two_digits(s) * 100 + two_digits(s + 2), m = two_digits(s + 5), d = two_digits(s + 8);
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
		return false;
	int max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

const char *text_count(arena *a, long long n)
{
	char digits[24], out[32];
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	int len = snprintf(digits, sizeof digits, "%llu", u), o = 0;
	if (n < 0)
		out[o++] = '-';
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return arena_strdup(a, out);
}

const char *text_count_of(arena *a, long long n, const char *one, const char *many)
{
	return arena_printf(a, "%s %s", text_count(a, n), n == 1 ? one : many);
}

const char *date_in_words(arena *a, const char *iso)
{
	static const char *const months[] = {"January", "February", "March", "April", "May",
					     "June", "July", "August", "September", "October",
					     "November", "December"};
	char day[11];
	if (!iso || strlen(iso) < 10)
		return iso ? iso : "";
	memcpy(day, iso, 10);
	day[10] = '\0';
	if (!date_valid(day))
		return iso;
	return arena_printf(a, "%d %s %.4s", atoi(day + 8), months[atoi(day + 5) - 1], day);
}

int date_check(const char *what, const char *s, err *e)
{
	if (date_valid(s))
		return 0;
	return err_set(e, ERR_INPUT,
		       "%s \"%.40s\" is not a date that exists: write it as YYYY-MM-DD, for example 2026-09-30.",
		       what, s ? s : "");
}

void time_now_iso(char out[21])
{
	const char *fixed = getenv("COPRO_NOW");
	if (fixed && strlen(fixed) == 20 && fixed[10] == 'T' && fixed[19] == 'Z') {
		char day[11];
		memcpy(day, fixed, 10);
		day[10] = '\0';
		if (date_valid(day)) {
			memcpy(out, fixed, 21);
			return;
		}
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void date_today(char out[11])
{
	char now[21];
	time_now_iso(now);
	memcpy(out, now, 10);
	out[10] = '\0';
}

/* Days from 1970-01-01 to year y's month m, day d (a valid date from 1900
 * on): years counted from March, so that February's length comes last,
 * in 400-year cycles of 146,097 days. */
static int64_t days_since_1970(int y, int m, int d)
{
	y -= m <= 2;
	int cycle = y / 400, year = y - cycle * 400;
	int day = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int days = year * 365 + year / 4 - year / 100 + day;
	return (int64_t)cycle * 146097 + days - 719468;
}

/* By arithmetic, not timegm: each request's session check parses two
 * times, and timegm with atoi cost about 2,000 instructions a time. */
int64_t time_parse_iso(const char *s)
{
	if (!s || strlen(s) != 20 || s[10] != 'T' || s[19] != 'Z' || s[13] != ':' || s[16] != ':')
		return -1;
	char day[11];
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!date_valid(day))
		return -1;
	int h = two_digits(s + 11), min = two_digits(s + 14), sec = two_digits(s + 17);
	if (h < 0 || min < 0 || sec < 0 || h > 23 || min > 59 || sec > 60)
		return -1;
	int64_t days = days_since_1970(two_digits(s) * 100 + two_digits(s + 2), two_digits(s + 5),
				       two_digits(s + 8));
	return days * 86400 + h * 3600 + min * 60 + sec;
}

int64_t time_now_epoch(void)
{
	if (!getenv("COPRO_NOW"))
		return (int64_t)time(NULL);     /* what time_now_iso would write */
	char now[21];
	time_now_iso(now);
	return time_parse_iso(now);
}

void time_iso(int64_t epoch, char out[21])
{
	time_t t = (time_t)epoch;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

bool text_digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}
