/* text.h: checks on text that users type: UTF-8, length, control
 * characters, calendar dates, and the current time. */
#ifndef COPRO_TEXT_H
#define COPRO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"

bool utf8_valid(const char *s, size_t len);
size_t utf8_chars(const char *s);
/* Exactly n characters, every one a digit 0-9 (a URN, a UKPRN, an LA code). */
bool text_digits(const char *s, size_t n);

/* Limits for what users type, in characters. */
#define TEXT_NAME_MAX   200     /* titles, names, owners, cycles */
#define TEXT_LONG_MAX   20000   /* descriptions, strengths, notes */
#define TEXT_URL_MAX    2000

/* Checks a value a user typed for field `what`. A line may not hold control
 * characters; a long text may hold newlines and tabs. Empty is refused when
 * `required`. */
int text_check_line(const char *what, const char *s, bool required, err *e);
int text_check_long(const char *what, const char *s, bool required, err *e);
int text_check_url(const char *what, const char *s, err *e);

/* A count as people write it: "1,159" (UK grouping; numbers are not
 * localised, see core/lang.c). */
const char *text_count(arena *a, long long n);
/* "1 answer", "1,159 answers": the count and the word that agrees with it. */
const char *text_count_of(arena *a, long long n, const char *one, const char *many);

/* A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
bool date_valid(const char *s);
/* "23 November 2026" from "2026-11-23" (or from the date part of a time),
 * in the arena; anything else comes back as it was. */
const char *date_in_words(arena *a, const char *iso);
int date_check(const char *what, const char *s, err *e);

/* Today's date and the current UTC time as ISO 8601 text. COPRO_NOW
 * (YYYY-MM-DDTHH:MM:SSZ) overrides the clock, so tests and demos are
 * reproducible. */
void time_now_iso(char out[21]);
void date_today(char out[11]);
/* Seconds since 1970 (UTC), honouring COPRO_NOW; conversions to and from
 * the ISO text above (-1 when the text is not such a time). */
int64_t time_now_epoch(void);
void time_iso(int64_t epoch, char out[21]);
int64_t time_parse_iso(const char *s);

#endif
