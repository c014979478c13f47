/* test_qr.c: the SVG of a QR code is libqrencode's own matrix, module for
 * module, with the quiet zone around it, in one crisp path; hostile labels
 * are escaped and a link too long for a code is refused. */
#include "testutil.h"

#include <qrencode.h>

#include "web/qr.h"

/* The SVG's path read back into a grid of `size` x `size` modules. */
static unsigned char *path_grid(const char *svg, int size)
{
	unsigned char *grid = calloc((size_t)size * (size_t)size, 1);
	const char *d = strstr(svg, " d=\"");
	assert_non_null(d);
	d += 4;
	int x, y, w, w2, used;
	while (sscanf(d, "M%d %dh%dv1h-%dz%n", &x, &y, &w, &w2, &used) == 4) {
		assert_int_equal(w, w2);
		assert_true(w > 0 && x >= 0 && y >= 0 && x + w <= size && y < size);
		for (int i = 0; i < w; i++) {
			assert_int_equal(grid[y * size + x + i], 0);    /* runs never overlap */
			grid[y * size + x + i] = 1;
		}
		d += used;
	}
	assert_int_equal(*d, '"');                              /* nothing left unread */
	return grid;
}

static void same_matrix_as_libqrencode(const char *text)
{
	arena a = {0};
	html h;
	html_init(&h, &a);
	err e = {0};
	assert_int_equal(qr_svg(&h, text, "QR code", &e), 0);
	const char *svg = html_str(&h);
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	assert_non_null(q);
	int size = q->width + 2 * QR_QUIET;
	char view[64];
	snprintf(view, sizeof view, "viewBox=\"0 0 %d %d\"", size, size);
	body_has(svg, view);
	body_has(svg, "shape-rendering=\"crispEdges\"");
	assert_null(strstr(strstr(svg, "<path") + 1, "<path"));     /* one path */
	unsigned char *grid = path_grid(svg, size);
	int dark = 0;
	for (int y = 0; y < size; y++)
		for (int x = 0; x < size; x++) {
			bool inside = x >= QR_QUIET && y >= QR_QUIET && x < size - QR_QUIET &&
				      y < size - QR_QUIET;
			int want = inside ? q->data[(y - QR_QUIET) * q->width + x - QR_QUIET] & 1 : 0;
			if (grid[y * size + x] != want)
				fail_msg("module (%d, %d) of \"%s\" is %d, libqrencode says %d", x, y, text,
					 grid[y * size + x], want);
			dark += want;
		}
	assert_true(dark > q->width);           /* not an empty code */
	free(grid);
	QRcode_free(q);
	arena_free(&a);
}

static void matrix_matches(void **state)
{
	(void)state;
	same_matrix_as_libqrencode("https://copro.example.org/v/abcdefghijklmnopqrstuvwxyz0123456789-_ABCDEFG");
	same_matrix_as_libqrencode("http://localhost:8080/v/x");
	/* A long address takes a larger version: still the same modules. */
	char long_url[600];
	memset(long_url, 'a', sizeof long_url - 1);
	long_url[sizeof long_url - 1] = '\0';
	memcpy(long_url, "https://", 8);
	same_matrix_as_libqrencode(long_url);
}

static void label_escaped(void **state)
{
	(void)state;
	arena a = {0};
	html h;
	html_init(&h, &a);
	err e = {0};
	assert_int_equal(qr_svg(&h, "https://example.org/v/x", "\"><script>alert(1)</script>", &e), 0);
	const char *svg = html_str(&h);
	assert_null(strstr(svg, "<script>"));
	body_has(svg, "aria-label=\"&quot;&gt;&lt;script&gt;");
	body_has(svg, "role=\"img\"");
	arena_free(&a);
}

static void too_long_refused(void **state)
{
	(void)state;
	arena a = {0};
	html h;
	html_init(&h, &a);
	err e = {0};
	size_t n = 5000;                        /* over version 40's 2,331 bytes at level M */
	char *text = arena_alloc(&a, n + 1);
	memset(text, 'x', n);
	text[n] = '\0';
	assert_int_equal(qr_svg(&h, text, "QR code", &e), -1);
	body_has(e.msg, "too long");
	assert_int_equal(h.len, 0);             /* nothing half-written */
	assert_int_equal(qr_svg(&h, "", "QR code", &e), -1);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(matrix_matches),
		cmocka_unit_test(label_escaped),
		cmocka_unit_test(too_long_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
