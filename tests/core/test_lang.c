/* test_lang.c: the catalogs make builds into build/locale (British English
 * and the pseudo-locales made from the current sources), finding a
 * language from a tag, and two languages at once from several threads. */
#include "testutil.h"

#include <locale.h>
#include <pthread.h>

#include "core/lang.h"

#define SKIP_LINK "Skip to main content"

static int load_all(void **state)
{
	(void)state;
	err e = {0};
	if (lang_init(lang_default_dir(), true, &e) < 0) {
		print_error("%s\n", e.msg);
		return -1;
	}
	return 0;
}

static int unload(void **state)
{
	(void)state;
	lang_free();
	return 0;
}

/* Before lang_init (and after lang_free): British English alone, words as
 * written. */
static void british_english_without_catalogs(void **state)
{
	(void)state;
	size_t n;
	const lang_info *l = lang_list(&n);
	assert_int_equal(n, 1);
	assert_string_equal(l[0].tag, "en-GB");
	assert_string_equal(l[0].name, "English");
	assert_false(l[0].rtl);
	assert_string_equal(lang_text("en-GB", SKIP_LINK), SKIP_LINK);
	assert_string_equal(lang_text("en-XA", SKIP_LINK), SKIP_LINK);
	assert_string_equal(lang_find("en")->tag, "en-GB");
	assert_string_equal(lang_find("en-XA")->tag, "en-GB");    /* not loaded: its language */
}

static void pseudo_locales_are_built_from_the_sources(void **state)
{
	(void)state;
	size_t n;
	const lang_info *l = lang_list(&n);
	assert_true(n >= 3);
	assert_string_equal(l[0].tag, "en-GB");             /* British English first */
	const lang_info *xa = lang_find("en-XA"), *xb = lang_find("ar-XB");
	assert_non_null(xa);
	assert_non_null(xb);
	assert_true(xa->pseudo && xb->pseudo);
	assert_false(xa->rtl);
	assert_true(xb->rtl);
	assert_string_equal(lang_text("en-GB", SKIP_LINK), SKIP_LINK);
	const char *accented = lang_text("en-XA", SKIP_LINK);
	assert_string_equal(accented, "[Šķîþ ţö ɱáîñ çöñţéñţ ŏñé ţŵö]");
	assert_true(utf8_chars(accented) * 10 >= strlen(SKIP_LINK) * 14);
	/* Each word is shown right to left (RLO ... PDF) after a RLM. */
	assert_string_equal(lang_text("ar-XB", "Go to the start"),
			    "\u200F\u202EGo\u202C \u202Eto\u202C \u202Ethe\u202C \u202Estart\u202C");
	/* The language's name in itself, from its catalog. */
	assert_string_equal(xa->name, "[Éñĝļîšĥ ŏñé]");
	/* "" would be the catalog's header; unknown words stay as they are. */
	assert_string_equal(lang_text("en-XA", ""), "");
	assert_string_equal(lang_text("en-XA", "Not in any catalog"), "Not in any catalog");
	assert_string_equal(lang_text("fr", SKIP_LINK), SKIP_LINK);
	assert_string_equal(lang_text(NULL, SKIP_LINK), SKIP_LINK);
}

static void instrument_texts_are_in_the_catalogs(void **state)
{
	(void)state;
	/* A Four Cornerstones statement and a York principle, as in the files. */
	assert_string_equal(lang_text("en-XA", "Welcome and Care"), "[Ŵéļçöɱé áñð Çáŕé ŏñé ţŵö]");
	const char *york = "Joint partnership Indicator";
	assert_string_not_equal(lang_text("en-XA", york), york);
}

static void tags_are_matched_leniently(void **state)
{
	(void)state;
	assert_string_equal(lang_find("en-GB")->tag, "en-GB");
	assert_string_equal(lang_find("EN_gb")->tag, "en-GB");
	assert_string_equal(lang_find("en_XA")->tag, "en-XA");
	/* Another region of a language gives the one there is, never a
	 * pseudo-locale. */
	assert_string_equal(lang_find("en-US")->tag, "en-GB");
	assert_string_equal(lang_find("en")->tag, "en-GB");
	assert_null(lang_find("ar"));
	assert_null(lang_find("fr"));
	assert_null(lang_find(""));
	assert_null(lang_find(NULL));
	assert_null(lang_find("e"));
	assert_null(lang_find("<script>"));
	assert_null(lang_find("en-GB-x-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

static void pseudo_locales_only_when_asked(void **state)
{
	(void)state;
	err e = {0};
	assert_int_equal(lang_init(lang_default_dir(), false, &e), 0);
	size_t n;
	const lang_info *l = lang_list(&n);
	for (size_t i = 0; i < n; i++)
		assert_false(l[i].pseudo);
	assert_string_equal(lang_find("en-XA")->tag, "en-GB");
	assert_null(lang_find("ar-XB"));
	assert_string_equal(lang_text("en-XA", SKIP_LINK), SKIP_LINK);
	lang_free();
}

static void a_missing_folder_is_an_error(void **state)
{
	(void)state;
	err e = {0};
	assert_int_equal(lang_init("/nonexistent/copro-locale", true, &e), -1);
	assert_int_equal(e.kind, ERR_IO);
	assert_non_null(strstr(e.msg, "/nonexistent/copro-locale/messages"));
	assert_non_null(strstr(e.msg, "COPRO_LOCALE_DIR"));
	size_t n;
	lang_list(&n);
	assert_int_equal(n, 1);
	assert_string_equal(lang_text("en-GB", SKIP_LINK), SKIP_LINK);
}

/* LANGUAGE would override every thread's locale in gettext: lang_init
 * clears it, so British English stays British. */
static void the_language_variable_cannot_take_over(void **state)
{
	(void)state;
	setenv("LANGUAGE", "en_XA", 1);
	err e = {0};
	assert_int_equal(lang_init(lang_default_dir(), true, &e), 0);
	assert_null(getenv("LANGUAGE"));
	assert_string_equal(lang_text("en-GB", SKIP_LINK), SKIP_LINK);
	assert_string_not_equal(lang_text("en-XA", SKIP_LINK), SKIP_LINK);
	lang_free();
}

struct worker {
	const char *tag;
	const char *expect[3];
	int wrong;
	bool locale_kept;
};

static const char *const words[3] = {SKIP_LINK, "Go to the start", "Welcome and Care"};

static void *work(void *arg)
{
	struct worker *w = arg;
	for (int i = 0; i < 3000; i++) {
		int k = i % 3;
		if (strcmp(lang_text(w->tag, words[k]), w->expect[k]) != 0)
			w->wrong++;
	}
	/* The thread's own locale is as it was: only the lookup switched. */
	w->locale_kept = uselocale((locale_t)0) == LC_GLOBAL_LOCALE;
	return NULL;
}

/* Threads in three languages at once each get their own words. */
static void threads_each_get_their_own_language(void **state)
{
	(void)state;
	const char *tags[3] = {"en-GB", "en-XA", "ar-XB"};
	struct worker w[9];
	pthread_t t[9];
	for (int i = 0; i < 9; i++) {
		w[i] = (struct worker){.tag = tags[i % 3]};
		for (int k = 0; k < 3; k++)
			w[i].expect[k] = strdup(lang_text(w[i].tag, words[k]));
	}
	assert_string_not_equal(w[0].expect[0], w[1].expect[0]);
	assert_string_not_equal(w[1].expect[0], w[2].expect[0]);
	for (int i = 0; i < 9; i++)
		assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
	for (int i = 0; i < 9; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(w[i].wrong, 0);
		assert_true(w[i].locale_kept);
		for (int k = 0; k < 3; k++)
			free((char *)w[i].expect[k]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(british_english_without_catalogs),
		cmocka_unit_test_setup_teardown(pseudo_locales_are_built_from_the_sources, load_all, unload),
		cmocka_unit_test_setup_teardown(instrument_texts_are_in_the_catalogs, load_all, unload),
		cmocka_unit_test_setup_teardown(tags_are_matched_leniently, load_all, unload),
		cmocka_unit_test(pseudo_locales_only_when_asked),
		cmocka_unit_test(a_missing_folder_is_an_error),
		cmocka_unit_test(the_language_variable_cannot_take_over),
		cmocka_unit_test_setup_teardown(threads_each_get_their_own_language, load_all, unload),
		cmocka_unit_test(british_english_without_catalogs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
