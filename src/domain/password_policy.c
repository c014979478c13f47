/* password_policy.c: which passwords copro accepts: the length rule, then
 * cracklib's dictionary and pattern checks, and not the person's own name
 * or email address (OWASP ASVS 5.0 V6.2: no composition rules, but no
 * common or context-specific passwords either). */
#include <ctype.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include <crack.h>

#include "core/text.h"
#include "domain/account.h"

/* FascistCheck keeps static state on some versions: one check at a time. */
static pthread_mutex_t cracking = PTHREAD_MUTEX_INITIALIZER;

/* What to do, after every refusal: the same advice everywhere. */
#define PASSWORD_ADVICE " Choose another: three or four words that have nothing to do with each other work well."

/* cracklib's own reason (English, terse), or NULL when it accepts the
 * password. A missing dictionary skips the check rather than refusing
 * everyone (and rather than FascistCheck's exit on some versions). */
static const char *fascist(const char *password)
{
	const char *dict = GetDefaultCracklibDict();
	char pwd[512];
	snprintf(pwd, sizeof pwd, "%s.pwd", dict);
	if (access(pwd, R_OK) != 0)
		return NULL;
	pthread_mutex_lock(&cracking);
	const char *why = FascistCheckUser(password, dict, "copro", NULL);
	pthread_mutex_unlock(&cracking);
	return why;
}

/* cracklib's reason in plain words, or NULL when it accepts the password. */
static const char *cracklib_reason(const char *password)
{
	const char *why = fascist(password);
	if (!why)
		return NULL;
	if (strstr(why, "DIFFERENT"))
		return "The password uses too few different characters.";
	if (strstr(why, "simplistic"))
		return "The password is a simple pattern, like a row of keys or a run of numbers.";
	if (strstr(why, "dictionary"))
		return "The password is a common word or password, which is easy to guess.";
	if (strstr(why, "Insurance"))
		return "The password looks like a National Insurance number.";
	return "The password is easy to guess.";
}

/* The password less the digits and symbols before and after its letters:
 * "Summer2024!!" is "Summer", a dictionary word with a number added,
 * which cracklib alone lets through. NULL when there is nothing to take. */
static const char *letters_core(const char *password, char *buf, size_t size)
{
	size_t len = strlen(password), start = 0, end = len;
	while (start < end && !isalpha((unsigned char)password[start]) && !(password[start] & 0x80))
		start++;
	while (end > start && !isalpha((unsigned char)password[end - 1]) && !(password[end - 1] & 0x80))
		end--;
	if ((start == 0 && end == len) || end - start < 4 || end - start >= size)
		return NULL;
	memcpy(buf, password + start, end - start);
	buf[end - start] = '\0';
	return buf;
}

/* Whether `hay` holds `needle` (ASCII case ignored). */
static bool contains_word(const char *hay, const char *needle, size_t n)
{
	for (const char *p = hay; *p; p++)
		if (strlen(p) >= n && !strncasecmp(p, needle, n))
			return true;
	return false;
}

/* Whether the password holds a part of the person's name or of their
 * email address before the "@" ("sam.lee" gives "sam" and "lee"): parts
 * of four or more characters, so that "Ann" does not refuse "annual". */
static bool has_own_words(const char *password, const char *text, const char *stops)
{
	if (!text)
		return false;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, stops);
		if (n >= 4 && contains_word(password, p, n))
			return true;
		p += n;
		p += *p != '\0';
	}
	return false;
}

int password_check_for(const char *password, const char *email, const char *name, err *e)
{
	if (!password || !*password)
		return err_set(e, ERR_INPUT, "Enter a password.");
	size_t len = strlen(password);
	if (!utf8_valid(password, len))
		return err_set(e, ERR_INPUT, "The password is not valid text: type it again.");
	size_t chars = utf8_chars(password);
	if (chars < PASSWORD_MIN)
		return err_set(e, ERR_INPUT,
			       "The password must be at least %d characters long (it has %zu). A few words together work well.",
			       PASSWORD_MIN, chars);
	if (chars > PASSWORD_MAX)
		return err_set(e, ERR_INPUT, "The password must be %d characters or fewer.", PASSWORD_MAX);
	char local[256] = "";
	if (email)
		snprintf(local, sizeof local, "%.*s", (int)strcspn(email, "@"), email);
	if (has_own_words(password, local, "._-+") || has_own_words(password, name, " .-'"))
		return err_set(e, ERR_INPUT, "The password contains your name or email address, which others can guess." PASSWORD_ADVICE);
	char buf[PASSWORD_MAX * 4 + 1];
	const char *core = letters_core(password, buf, sizeof buf);
	const char *why = cracklib_reason(password);
	const char *core_why = !why && core ? fascist(core) : NULL;
	if (core_why && (strstr(core_why, "dictionary") || strstr(core_why, "simplistic")))
		why = "The password is a common word with numbers or symbols added, which is easy to guess.";
	if (why)
		return err_set(e, ERR_INPUT, "%s" PASSWORD_ADVICE, why);
	return 0;
}

int password_check(const char *password, err *e)
{
	return password_check_for(password, NULL, NULL, e);
}
