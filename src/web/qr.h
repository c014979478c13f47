/* qr.h: QR codes for the links of a round of views (posters, letters),
 * drawn by libqrencode's matrix as one SVG path, so that they print sharp
 * at any size and need no image files or third-party service. */
#ifndef COPRO_WEB_QR_H
#define COPRO_WEB_QR_H

#include "core/err.h"
#include "web/html.h"

/* The quiet zone the QR standard asks for around the code, in modules. */
#define QR_QUIET 4

/* Writes `text` (a URL) as an <svg> of class "copro-qr", named `label`
 * for screen readers: one <path> of the dark modules inside a light
 * square with the quiet zone, shape-rendering crispEdges. Error level M
 * (a poster may be creased or dirty). -1 with e set when libqrencode
 * cannot encode it (too long, or out of memory). */
int qr_svg(html *h, const char *text, const char *label, err *e);

#endif
