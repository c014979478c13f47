/* test_i18n.c: pages in the reader's language. The page chrome and every
 * partner page (each GET route under /v/) are drawn in the accented
 * pseudo-locale en-XA, where every translated letter is accented: a run of
 * plain ASCII words left on the page is a string that did not go through
 * tr(). Also: lang and dir on the page, i18n_pick, and requests in
 * different languages drawn at the same time on several threads. */
#include "webtest.h"

#include <pthread.h>

#include "domain/views.h"
#include "web/i18n.h"
#include "web/partner.h"

/* Words that are data or a name, not copro's sentences: they may stay
 * as they are on a page in any language. */
static const char *const not_words[] = {"copro", "Our School", NULL};

static bool ascii_letter(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Length of a not_words entry at p, or 0. */
static size_t allowed_at(const char *p)
{
	for (const char *const *w = not_words; *w; w++)
		if (strncmp(p, *w, strlen(*w)) == 0)
			return strlen(*w);
	return 0;
}

/* The first untranslated run in text [p, end): two or more ASCII letters
 * together, outside entities and allowed words. NULL when none. */
static const char *untranslated_in(const char *p, const char *end, size_t *len)
{
	while (p < end) {
		size_t skip = allowed_at(p);
		if (*p == '&') {
			const char *semi = memchr(p, ';', (size_t)(end - p));
			skip = semi && semi - p < 10 ? (size_t)(semi - p) + 1 : 1;
		}
		if (skip) {
			p += skip;
			continue;
		}
		size_t n = 0;
		while (p + n < end && ascii_letter(p[n]))
			n++;
		if (n >= 2) {
			*len = n;
			return p;
		}
		p += n ? n : 1;
	}
	return NULL;
}

/* The text attributes a reader meets: labels, titles, alternatives. */
static const char *const text_attrs[] = {"aria-label=\"", "title=\"", "alt=\"", "placeholder=\"", NULL};

static const char *untranslated_in_tag(const char *tag, const char *end, size_t *len)
{
	for (const char *const *a = text_attrs; *a; a++) {
		const char *at = tag;
		while ((at = strstr(at, *a)) && at < end) {
			const char *v = at + strlen(*a), *q = strchr(v, '"');
			const char *hit = q ? untranslated_in(v, q, len) : NULL;
			if (hit)
				return hit;
			at = v;
		}
	}
	return NULL;
}

/* True for an element (not the page itself) marked with another lang. */
static bool in_other_language(const char *tag, const char *end, const char *lang)
{
	const char *at = strstr(tag, " lang=\"");
	if (!at || at > end || strncmp(tag, "<html", 5) == 0)
		return false;
	at += 7;
	return strncmp(at, lang, strlen(lang)) != 0 || at[strlen(lang)] != '"';
}

/* Fails the test, quoting the page around it, on the first untranslated
 * run of words in the page's text or text attributes (the page is in
 * `lang`). */
static void assert_all_translated(const char *what, const char *page, const char *lang)
{
	const char *p = page;
	while (*p) {
		const char *hit = NULL;
		size_t len = 0;
		if (*p == '<') {
			const char *close = strchr(p, '>');
			if (!close)
				break;
			if (in_other_language(p, close, lang)) {
				/* A language's own name in the switch, in that language. */
				size_t n = strcspn(p + 1, " >");
				char end[16];
				snprintf(end, sizeof end, "</%.*s>", (int)(n < 12 ? n : 12), p + 1);
				const char *endtag = strstr(close, end);
				close = endtag ? endtag + strlen(end) - 1 : close;
			} else if (strncmp(p, "<script", 7) == 0 || strncmp(p, "<style", 6) == 0) {
				const char *endtag = strstr(p, p[1] == 's' && p[2] == 'c' ? "</script>" : "</style>");
				close = endtag ? endtag + 8 : close;
			} else {
				hit = untranslated_in_tag(p, close, &len);
			}
			p = close + 1;
		} else {
			const char *next = strchr(p, '<');
			const char *end = next ? next : p + strlen(p);
			hit = untranslated_in(p, end, &len);
			p = end;
		}
		if (hit) {
			const char *from = hit - 60 > page ? hit - 60 : page;
			fail_msg("%s: \"%.*s\" is not translated (it did not go through tr()): ...%.*s...",
				 what, (int)len, hit, (int)(len + 120), from);
		}
	}
}

static void the_checker_finds_english(void **state)
{
	(void)state;
	const char *english = "<p class=\"govuk-body\">[Ĥéļļö] and <b>then</b></p>";
	size_t len;
	assert_non_null(untranslated_in(english, english + strlen(english), &len));
	const char *accented = "[Ĥéļļö ţĥéŕé ŏñé] &amp; &#39; copro Our School 12";
	assert_null(untranslated_in(accented, accented + strlen(accented), &len));
	const char *tag = "<a class=\"govuk-link\" aria-label=\"Go back\" href=\"/x\">";
	assert_non_null(untranslated_in_tag(tag, tag + strlen(tag), &len));
	const char *ok_tag = "<a class=\"govuk-link\" aria-label=\"[Ĝö] 2\" href=\"/x\">";
	assert_null(untranslated_in_tag(ok_tag, ok_tag + strlen(ok_tag), &len));
}

static request *draw_error_page(webfix *w, const char *lang)
{
	request *r = request_create(&w->cfg, "GET", "/v/x");
	assert_non_null(r);
	r->lang = lang;
	/* Words the catalogs have (a test's own are not in them). */
	web_error_page(r, 404, tr(r, "Service information"), tr(r, "Go to the start"));
	return r;
}

static void the_page_chrome_is_translated(void **state)
{
	webfix *w = *state;
	request *r = draw_error_page(w, "en-XA");
	const char *body = web_body(r);
	assert_non_null(strstr(body, "<html lang=\"en-XA\" dir=\"ltr\""));
	assert_non_null(strstr(body, "[Šķîþ ţö ɱáîñ çöñţéñţ ŏñé ţŵö]"));
	assert_null(strstr(body, "Skip to main content"));
	assert_all_translated("the error page in en-XA", body, "en-XA");
	request_destroy(r);

	r = draw_error_page(w, "ar-XB");
	assert_non_null(strstr(web_body(r), "<html lang=\"ar-XB\" dir=\"rtl\""));
	request_destroy(r);

	r = draw_error_page(w, "en-GB");
	body = web_body(r);
	assert_non_null(strstr(body, "<html lang=\"en-GB\" dir=\"ltr\""));
	assert_non_null(strstr(body, ">Skip to main content</a>"));
	request_destroy(r);
}

static void a_language_is_picked_or_british_english(void **state)
{
	webfix *w = *state;
	request *r = request_create(&w->cfg, "GET", "/");
	assert_string_equal(r->lang, "en-GB");
	assert_string_equal(i18n_pick(r, "en-xa"), "en-XA");
	assert_string_equal(r->lang, "en-XA");
	assert_string_equal(i18n_dir(r), "ltr");
	assert_string_equal(i18n_pick(r, "ar_XB"), "ar-XB");
	assert_string_equal(i18n_dir(r), "rtl");
	/* Not available, or not a tag: British English, never an error. */
	assert_string_equal(i18n_pick(r, "cy"), "en-GB");
	assert_string_equal(i18n_pick(r, "\"><script>"), "en-GB");
	assert_string_equal(i18n_pick(r, NULL), "en-GB");
	assert_string_equal(i18n_pick(r, "en-US"), "en-GB");
	request_destroy(r);
}

struct drawer {
	webfix *w;
	const char *lang, *expect;
	int wrong;
};

static void *draw_many(void *arg)
{
	struct drawer *d = arg;
	for (int i = 0; i < 200; i++) {
		request *r = draw_error_page(d->w, d->lang);
		if (!strstr(web_body(r), d->expect))
			d->wrong++;
		request_destroy(r);
	}
	return NULL;
}

/* Requests in three languages drawn at the same time each come out in
 * their own, as on the server's threads. */
static void requests_in_different_languages_at_once(void **state)
{
	webfix *w = *state;
	struct drawer d[6];
	pthread_t t[6];
	const char *langs[3] = {"en-GB", "en-XA", "ar-XB"};
	for (int i = 0; i < 6; i++) {
		d[i] = (struct drawer){.w = w, .lang = langs[i % 3]};
		d[i].expect = arena_printf(&w->f.mem, ">%s</a>", lang_text(d[i].lang, "Skip to main content"));
	}
	for (int i = 0; i < 6; i++)
		assert_int_equal(pthread_create(&t[i], NULL, draw_many, &d[i]), 0);
	for (int i = 0; i < 6; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(d[i].wrong, 0);
	}
}

/* A round in en-XA with one link for parent carers: its clear token. */
static const char *pseudo_round(webfix *w)
{
	fixture *f = &w->f;
	view_group parents = {.group = "parents"};
	view_round_input in = {.evaluation_id = w->eval, .language = "en-XA",
			       .groups = &parents, .n_groups = 1};
	int64_t round = 0;
	view_new_link *links = NULL;
	size_t n = 0;
	assert_int_equal(views_open(&f->d, &w->as[AS_LEAD].user, &in, &round, &links, &n, &f->e), 0);
	assert_int_equal(n, 1);
	return arena_strdup(&f->mem, links[0].token);
}

/* A partner's answer cookie: a draft of the link with the first
 * statement answered (its text given, so that it shows back). */
static const char *answering(webfix *w, const char *token, int64_t *response)
{
	fixture *f = &w->f;
	view_visit v;
	enum view_link_status st;
	assert_int_equal(views_link_open(&f->d, token, &v, &st, &f->e), 0);
	assert_int_equal(st, VIEW_LINK_OPEN);
	views_token cookie;
	assert_int_equal(views_response_start(&f->d, &v, cookie, response, &f->e), 0);
	assert_int_equal(views_answer_save(&f->d, *response, "1i", 4, NULL, NULL, &f->e), 0);
	return arena_strdup(&f->mem, cookie);
}

/* "/v/{token}/q/{question}" with the token and the first question. */
static const char *partner_path(webfix *w, const char *pattern, const char *token)
{
	const char *p = pattern;
	char *out = arena_alloc(&w->f.mem, strlen(pattern) + strlen(token) + 16), *o = out;
	while (*p) {
		if (*p != '{') {
			*o++ = *p++;
			continue;
		}
		const char *close = strchr(p, '}');
		const char *value = strncmp(p, "{token}", 7) == 0 ? token : "1";
		o += strlen(strcpy(o, value));
		p = close + 1;
	}
	*o = '\0';
	return out;
}

/* Draws every GET route under /v/ with `cookie` (NULL: none); answers how
 * many drew a page. */
static size_t draw_partner_pages(webfix *w, const char *token, const char *cookie)
{
	size_t pages = 0;
	for (const route *const *t = web_route_tables; *t; t++) {
		for (const route *rt = *t; rt->pattern; rt++) {
			if (strcmp(rt->method, "GET") != 0 || strncmp(rt->pattern, "/v/", 3) != 0)
				continue;
			const char *path = partner_path(w, rt->pattern, token);
			request *r = request_create(&w->cfg, "GET", path);
			r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
			r->answer_cookie = cookie;
			r->address = "192.0.2.20";
			web_dispatch(r);
			const char *body = arena_strdup(&w->f.mem, web_body(r));
			bool drawn = r->status == 200 || r->status >= 400;
			request_destroy(r);
			if (drawn) {
				assert_all_translated(path, body, "en-XA");
				pages++;
			}
		}
	}
	return pages;
}

/* Every partner page (each GET route under /v/, as the page files add
 * them) on an en-XA link, before starting, while answering and once sent:
 * whatever it answers, nothing in English. */
static void partner_pages_are_all_translated(void **state)
{
	webfix *w = *state;
	const char *token = pseudo_round(w);
	size_t pages = draw_partner_pages(w, token, NULL);
	int64_t response;
	const char *cookie = answering(w, token, &response);
	pages += draw_partner_pages(w, token, cookie);
	assert_int_equal(views_response_submit(&w->f.d, response, &w->f.e), 0);
	pages += draw_partner_pages(w, token, cookie);
	assert_true(pages >= 8);
	print_message("%zu partner pages drawn in en-XA\n", pages);
}

/* A reader who picked another language than the link's: the privacy
 * notice is the link's own address with the reader's language, once
 * (the frame's base once carried "?lang=", giving "?lang=en-GB/privacy"). */
static void privacy_link_in_the_readers_language(void **state)
{
	webfix *w = *state;
	const char *token = pseudo_round(w);
	request *r = request_create(&w->cfg, "GET", web_path(w, "/v/%s", token));
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	r->address = "192.0.2.20";
	request_add_query(r, "lang", "en-GB");
	web_dispatch(r);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "<html lang=\"en-GB\""));
	assert_non_null(strstr(body, web_path(w, "href=\"/v/%s/privacy?lang=en-GB\"", token)));
	assert_null(strstr(body, "?lang=en-GB/privacy"));
	request_destroy(r);
}

/* The page r drew (r is destroyed), every word of it in en-XA. */
static const char *drawn_in_xa(webfix *w, request *r, const char *what)
{
	const char *body = arena_strdup(&w->f.mem, web_body(r));
	request_destroy(r);
	assert_all_translated(what, body, "en-XA");
	return body;
}

/* copro's own 5xx page on a partner's address (web_error_page; here
 * serve's for a server restarting, drawn before any link is read) is in
 * the language the address asks for, as every partner page, with the
 * link's privacy notice; without one, British English. */
static void a_partners_error_page_is_in_their_language(void **state)
{
	webfix *w = *state;
	request *r = request_create(&w->cfg, "GET", "/v/x/q/1");
	request_add_query(r, "lang", "en-XA");
	assert_int_equal(web_busy_page(r, "Sorry, copro is restarting"), 503);
	const char *body = drawn_in_xa(w, r, "a partner's 503 in en-XA");
	assert_non_null(strstr(body, "<html lang=\"en-XA\" dir=\"ltr\""));
	assert_non_null(strstr(body, "href=\"/v/x/privacy?lang=en-XA\""));
	assert_null(strstr(body, "restarting"));
	r = request_create(&w->cfg, "POST", "/v/x/q/1/comments");
	request_add_query(r, "lang", "ar-XB");
	web_error_page(r, 500, "Sorry, something went wrong", "A staff page's reason.");
	assert_non_null(strstr(web_body(r), "<html lang=\"ar-XB\" dir=\"rtl\""));
	request_destroy(r);
	/* A handler that read the link set its language: kept. */
	r = request_create(&w->cfg, "POST", "/v/x/q/1/comments");
	r->lang = "en-XA";
	web_error_page(r, 500, "Sorry, something went wrong", "A staff page's reason.");
	assert_all_translated("a partner's 500 after its handler", web_body(r), "en-XA");
	request_destroy(r);
	r = request_create(&w->cfg, "GET", "/v/x/q/1");
	request_add_query(r, "lang", "xx-\"><b>");
	web_busy_page(r, "Sorry, copro is restarting");
	assert_non_null(strstr(web_body(r), "<html lang=\"en-GB\""));
	assert_non_null(strstr(web_body(r), "Sorry, something went wrong"));
	request_destroy(r);
}

/* serve's 431 for too much in the headers (mostly cookies) on a
 * partner's address is a partner page in their language, not the staff
 * page with its technical words. */
static void a_partners_431_is_a_partner_page(void **state)
{
	webfix *w = *state;
	request *r = request_create(&w->cfg, "GET", "/v/x/q/1");
	request_add_query(r, "lang", "en-XA");
	assert_int_equal(web_error_page(r, 431, "Your browser sent too much with this request",
					"Its address and headers are over 24 KB."), 431);
	assert_int_equal(r->retry_after, 0);
	const char *body = drawn_in_xa(w, r, "a partner's 431 in en-XA");
	assert_non_null(strstr(body, "href=\"/v/x/privacy?lang=en-XA\""));
	assert_null(strstr(body, "24 KB"));
	r = request_create(&w->cfg, "GET", "/v/x/q/1");
	web_error_page(r, 431, "Your browser sent too much with this request", "Its headers are over 24 KB.");
	assert_non_null(strstr(web_body(r), "Sorry, your browser sent too much"));
	assert_non_null(strstr(web_body(r), "cookies"));
	request_destroy(r);
}

/* An answer the database did not save, sent to `path` of an en-XA link
 * with `fields` (name, value, ..., NULL): the page partner_not_saved
 * draws for it. */
static request *not_saved(webfix *w, const char *path, const char *const *fields)
{
	request *r = request_create(&w->cfg, "POST", path);
	r->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &r->mem};
	for (size_t i = 0; fields[i]; i += 2)
		request_add_field(r, fields[i], fields[i + 1]);
	partner_not_saved(r, true);
	assert_int_equal(r->status, 503);
	assert_int_equal(r->retry_after, WEB_BUSY_RETRY_SECONDS);
	return r;
}

/* What the partner wrote or chose is on the page, as on the answer form,
 * for them to see and change, escaped, in their language, with the
 * link's frame; what is not theirs (the form token) stays hidden; and no
 * language links, which (a GET) would leave what they wrote behind. */
static void a_kept_answer_is_shown(void **state)
{
	webfix *w = *state;
	const char *token = pseudo_round(w);
	const char *const words[] = {"csrf", "0123abcd", "change", "yes", "good", "Ĝŏŏð \"<3\" &",
				     "better", "Ɱöŕé", NULL};
	const char *body = drawn_in_xa(w, not_saved(w, web_path(w, "/v/%s/q/1/comments", token), words),
				       "the not-saved page");
	assert_non_null(strstr(body, "<html lang=\"en-XA\""));
	assert_non_null(strstr(body, "Our School"));
	assert_non_null(strstr(body, "name=\"good\" rows=\"5\""));
	assert_non_null(strstr(body, ">Ĝŏŏð &quot;&lt;3&quot; &amp;</textarea>"));
	assert_non_null(strstr(body, ">Ɱöŕé</textarea>"));
	assert_non_null(strstr(body, "<input type=\"hidden\" name=\"csrf\" value=\"0123abcd\">"));
	assert_non_null(strstr(body, "<input type=\"hidden\" name=\"change\" value=\"yes\">"));
	assert_null(strstr(body, "name=\"good\" value="));
	assert_null(strstr(body, "hreflang"));
	assert_non_null(strstr(body, web_path(w, "href=\"/v/%s/privacy?lang=en-XA\"", token)));
	/* The rating, among the round's answers, the one sent checked. */
	const char *const chose[] = {"csrf", "0123abcd", "rating", "3", NULL};
	body = drawn_in_xa(w, not_saved(w, web_path(w, "/v/%s/q/1", token), chose), "the not-saved rating");
	assert_non_null(strstr(body, "name=\"rating\" type=\"radio\" value=\"3\" checked>"));
	assert_non_null(strstr(body, "name=\"rating\" type=\"radio\" value=\"4\">"));
	/* Not one of the round's answers: sent again as it came, not shown. */
	const char *const odd[] = {"rating", "9\"><b>", NULL};
	request *r = not_saved(w, web_path(w, "/v/%s/q/1", token), odd);
	body = arena_strdup(&w->f.mem, web_body(r));
	request_destroy(r);
	assert_non_null(strstr(body, "<input type=\"hidden\" name=\"rating\" value=\"9&quot;&gt;&lt;b&gt;\">"));
	assert_null(strstr(body, "type=\"radio\""));
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

static int setup(void **state)
{
	err e = {0};
	if (lang_init(lang_default_dir(), true, &e) < 0) {
		print_error("%s\n", e.msg);
		return -1;
	}
	return webfix_group_setup(state);
}

static int teardown(void **state)
{
	lang_free();
	return webfix_group_teardown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_checker_finds_english),
		T(the_page_chrome_is_translated),
		T(privacy_link_in_the_readers_language),
		T(a_language_is_picked_or_british_english),
		T(requests_in_different_languages_at_once),
		T(partner_pages_are_all_translated),
		T(a_kept_answer_is_shown),
		T(a_partners_error_page_is_in_their_language),
		T(a_partners_431_is_a_partner_page),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
