/* test_html.c: the HTML writer escapes every hostile string, in text and
 * in attributes, and writes raw only when asked by name. */
#include "testutil.h"

#include "web/html.h"

static const char *render(arena *a, const char *fmt, const char *value)
{
	html h;
	html_init(&h, a);
	htmlf(&h, fmt, value);
	return html_str(&h);
}

static void hostile_text(void **state)
{
	(void)state;
	arena a = {0};
	assert_string_equal(render(&a, "<p>%t</p>", "\"&'<>"), "<p>&quot;&amp;&#39;&lt;&gt;</p>");
	assert_string_equal(render(&a, "<p>%t</p>", "<script>alert(1)</script>"),
			    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
	assert_string_equal(render(&a, "<a title=\"%a\">", "\" onmouseover=\"x"),
			    "<a title=\"&quot; onmouseover=&quot;x\">");
	assert_string_equal(render(&a, "<a title='%a'>", "' onfocus='x"),
			    "<a title='&#39; onfocus=&#39;x'>");
	assert_string_equal(render(&a, "%t", ""), "");
	assert_string_equal(render(&a, "[%t]", NULL), "[]");
	/* Text after the first special byte is copied too. */
	assert_string_equal(render(&a, "%t", "a<b>c&d"), "a&lt;b&gt;c&amp;d");
	assert_string_equal(render(&a, "%t", "caf\xc3\xa9 & co"), "caf\xc3\xa9 &amp; co");
	arena_free(&a);
}

static void embedded_nul_stops(void **state)
{
	(void)state;
	arena a = {0};
	const char with_nul[] = "safe\0<script>";
	assert_string_equal(render(&a, "%t", with_nul), "safe");
	arena_free(&a);
}

static void urls_and_numbers(void **state)
{
	(void)state;
	arena a = {0};
	assert_string_equal(render(&a, "/x?q=%u", "a b&c=<d>/é"), "/x?q=a%20b%26c%3D%3Cd%3E%2F%C3%A9");
	html h;
	html_init(&h, &a);
	htmlf(&h, "%d %D %z %%", -5, (int64_t)9007199254740993LL, (size_t)42);
	assert_string_equal(html_str(&h), "-5 9007199254740993 42 %");
	arena_free(&a);
}

static void raw_only_by_name(void **state)
{
	(void)state;
	arena a = {0};
	assert_string_equal(render(&a, "<div>%R</div>", "<b>built</b>"), "<div><b>built</b></div>");
	/* An unknown directive is visible, never a silent raw string. */
	assert_string_equal(render(&a, "%s", "<x>"), "%?");
	arena_free(&a);
}

static void grows_past_first_buffer(void **state)
{
	(void)state;
	arena a = {0};
	html h;
	html_init(&h, &a);
	for (int i = 0; i < 5000; i++)
		htmlf(&h, "<li>%t</li>", "<&>");
	assert_int_equal(h.len, 5000 * strlen("<li>&lt;&amp;&gt;</li>"));
	assert_non_null(strstr(html_str(&h), "<li>&lt;&amp;&gt;</li><li>"));
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hostile_text), cmocka_unit_test(embedded_nul_stops),
		cmocka_unit_test(urls_and_numbers), cmocka_unit_test(raw_only_by_name),
		cmocka_unit_test(grows_past_first_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
