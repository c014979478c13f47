/* report_html.h: the printable HTML writer of the report model: the
 * report's markup inside a page of copro's, or a standalone A4 page. */
#ifndef COPRO_REPORT_HTML_H
#define COPRO_REPORT_HTML_H

#include "report/report.h"
#include "web/html.h"

typedef struct report_html_options {
	/* Put before the model's paths to make links: "" on copro's own
	 * pages, "https://copro.example.org" in a file. NULL: no links. */
	const char *base_url;
} report_html_options;

/* The report's blocks (not its title) into h; its level-1 headings are
 * <h{top}>, so a page whose own h1 is the title passes 2. */
void report_html_body(html *h, const report_doc *doc, const report_html_options *opt, int top);
/* A standalone printable page: title, blocks, when it was made. */
int report_html(const report_doc *doc, const report_html_options *opt, report_bytes *out, err *e);

#endif
