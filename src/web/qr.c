/* qr.c: QR codes as SVG (see qr.h). Each run of dark modules in a row is
 * one rectangle of the path ("M x y h n v 1 h -n z"): a few hundred bytes
 * for a link, where a square per module would be several kilobytes. */
#include <errno.h>
#include <qrencode.h>
#include <string.h>

#include "web/qr.h"

static void dark_runs(html *h, const QRcode *q)
{
	for (int y = 0; y < q->width; y++) {
		const unsigned char *row = q->data + (size_t)y * (size_t)q->width;
		for (int x = 0; x < q->width;) {
			if (!(row[x] & 1)) {
				x++;
				continue;
			}
			int start = x;
			while (x < q->width && (row[x] & 1))
				x++;
			htmlf(h, "M%d %dh%dv1h-%dz", start + QR_QUIET, y + QR_QUIET, x - start, x - start);
		}
	}
}

int qr_svg(html *h, const char *text, const char *label, err *e)
{
	if (!text || !*text)
		return err_set(e, ERR_INPUT, "There is no link to draw as a QR code.");
	errno = 0;
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return err_set(e, errno == ERANGE ? ERR_INPUT : ERR_INTERNAL,
			       "The link is too long for a QR code (%zu characters); use a shorter address.",
			       strlen(text));
	int size = q->width + 2 * QR_QUIET;
	htmlf(h, "<svg class=\"copro-qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
		 " role=\"img\" aria-label=\"%a\" shape-rendering=\"crispEdges\">"
		 "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
	      size, size, label, size, size);
	dark_runs(h, q);
	htmlf(h, "\"/></svg>");
	QRcode_free(q);
	return 0;
}
