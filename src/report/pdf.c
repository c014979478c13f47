/* pdf.c: the PDF writer (pdf.h). Two passes over the same drawing code: the
 * first only measures, to count the pages ("Page 3 of 12") and find where
 * each chapter starts (the contents); the second draws into memory. All
 * text goes through pango, so Arabic is shaped right to left and any
 * script finds a font through fontconfig; cairo embeds the fonts. */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "report/pdf.h"

#define MM (72.0 / 25.4)
#define A4_SHORT (210 * MM)
#define A4_LONG (297 * MM)
#define MARGIN (18 * MM)
#define FOOTER (10 * MM)        /* the footer's band inside the bottom margin */
#define PAD 4.0                 /* inside a table cell */
#define RULE 0.6
#define FAMILY "Liberation Sans"

enum font { F_BODY, F_BOLD, F_SMALL, F_NOTE, F_TITLE, F_H1, F_H2, F_H3, F_COUNT };
static const char *const font_names[F_COUNT] = {
	FAMILY " 10", FAMILY " Bold 10", FAMILY " 8", FAMILY " 9",
	FAMILY " Bold 22", FAMILY " Bold 17", FAMILY " Bold 13.5", FAMILY " Bold 11.5",
};

/* GOV.UK's text, secondary text, border and light grey. */
static const double INK[3] = {0.043, 0.047, 0.047};
static const double GREY[3] = {0.314, 0.353, 0.373};
static const double BORDER[3] = {0.694, 0.706, 0.714};
static const double SHADE[3] = {0.953, 0.949, 0.945};

/* The bytes cairo writes, in memory the arena frees. */
typedef struct sink {
	unsigned char *data;
	size_t len, cap;
} sink;

typedef struct chapter {
	const char *title;
	int page;
} chapter;

typedef struct pdf {
	const report_doc *doc;
	const char *base_url;
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoFontMap *fonts;    /* the report's own: nothing kept between reports */
	PangoContext *pango;
	PangoFontDescription *font[F_COUNT];
	bool draw;              /* the second pass */
	int page, pages;        /* pages: counted by the first pass */
	double w, h, left, right, top, bottom, y;
	int outline1;           /* the open level-1 outline entry */
	chapter *chapters;      /* level-1 headings and their pages */
	size_t nchapters, chapter_at;
} pdf;

static cairo_status_t sink_write(void *ctx, const unsigned char *d, unsigned int n)
{
	sink *s = ctx;
	if (s->len + n > s->cap) {
		size_t want = s->cap ? s->cap * 2 : 65536;
		while (want < s->len + n)
			want *= 2;
		unsigned char *bigger = realloc(s->data, want);
		if (!bigger)
			return CAIRO_STATUS_WRITE_ERROR;
		s->data = bigger;
		s->cap = want;
	}
	memcpy(s->data + s->len, d, n);
	s->len += n;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t discard_write(void *ctx, const unsigned char *d, unsigned int n)
{
	(void)ctx, (void)d, (void)n;
	return CAIRO_STATUS_SUCCESS;
}

static void sink_free(void *ctx)
{
	free(((sink *)ctx)->data);
}

static void colour(pdf *p, const double c[3])
{
	cairo_set_source_rgb(p->cr, c[0], c[1], c[2]);
}

static PangoLayout *layout(pdf *p, enum font f, const char *text, double width)
{
	PangoLayout *l = pango_layout_new(p->pango);
	pango_layout_set_font_description(l, p->font[f]);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static double layout_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* A link's attributes for cairo_tag_begin, quotes escaped: an absolute
 * address when the caller gave a base, else NULL (no link). */
static const char *link_attrs(pdf *p, const char *link)
{
	if (!p->draw || !link || !*link)
		return NULL;
	bool absolute = !strncmp(link, "https://", 8) || !strncmp(link, "http://", 7);
	if (!absolute && (!p->base_url || link[0] != '/'))
		return NULL;
	const char *uri = absolute ? link : arena_printf(p->doc->mem, "%s%s", p->base_url, link);
	size_t n = strlen(uri);
	char *out = arena_alloc(p->doc->mem, 2 * n + 8), *o = out;
	o += sprintf(o, "uri='");
	for (const char *c = uri; *c; c++) {
		if (*c == '\'' || *c == '\\')
			*o++ = '\\';
		*o++ = *c;
	}
	strcpy(o, "'");
	return out;
}

static void footer(pdf *p)
{
	if (!p->draw)
		return;
	double y = p->h - MARGIN + (FOOTER - 9) / 2 + 2;
	char pages[64];
	snprintf(pages, sizeof pages, "Page %d of %d", p->page, p->pages);
	PangoLayout *num = layout(p, F_SMALL, pages, p->right - p->left);
	pango_layout_set_alignment(num, PANGO_ALIGN_RIGHT);
	PangoLayout *name = layout(p, F_SMALL, p->doc->made && *p->doc->made
				   ? arena_printf(p->doc->mem, "%s · %s", p->doc->title, p->doc->made)
				   : p->doc->title, (p->right - p->left) * 0.75);
	pango_layout_set_ellipsize(name, PANGO_ELLIPSIZE_END);
	colour(p, BORDER);
	cairo_set_line_width(p->cr, RULE);
	cairo_move_to(p->cr, p->left, y - 4);
	cairo_line_to(p->cr, p->right, y - 4);
	cairo_stroke(p->cr);
	colour(p, GREY);
	cairo_move_to(p->cr, p->left, y);
	pango_cairo_show_layout(p->cr, name);
	cairo_move_to(p->cr, p->left, y);
	pango_cairo_show_layout(p->cr, num);
	g_object_unref(name);
	g_object_unref(num);
}

static void new_page(pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = p->top;
}

static bool at_top(const pdf *p)
{
	return p->y <= p->top + 0.01;
}

/* Draws the lines of l from line *from on, as many as fit above `limit`
 * (at least one), the first with its top at y; moves *from past them and
 * returns the height they took. */
static double lines_chunk(pdf *p, PangoLayout *l, int *from, double x, double y, double limit)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double offset = 0, used = 0;
	int i = 0;
	do {
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		double ly = (double)log.y / PANGO_SCALE, lh = (double)log.height / PANGO_SCALE;
		if (i < *from) {
			i++;
			continue;
		}
		if (i == *from)
			offset = ly;
		if (i > *from && y + ly - offset + lh > limit)
			break;
		if (p->draw) {
			colour(p, INK);
			cairo_move_to(p->cr, x + (double)log.x / PANGO_SCALE,
				      y - offset + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
			pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		}
		used = ly - offset + lh;
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	*from = i;
	return used;
}

/* Text that may run over pages, line by line, from the pen. */
static void flow(pdf *p, PangoLayout *l, double x, const char *link)
{
	int from = 0, n = pango_layout_get_line_count(l);
	const char *attrs = link_attrs(p, link);
	for (;;) {
		if (attrs)
			cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attrs);
		p->y += lines_chunk(p, l, &from, x, p->y, p->bottom);
		if (attrs)
			cairo_tag_end(p->cr, CAIRO_TAG_LINK);
		if (from >= n)
			break;
		new_page(p);
	}
}

/* A short block that does not fit goes whole to the next page; a long
 * one runs over. */
static void keep_together(pdf *p, PangoLayout *l)
{
	double h = layout_height(l);
	if (!at_top(p) && p->y + h > p->bottom && h <= (p->bottom - p->top) / 3)
		new_page(p);
}

static void text_block(pdf *p, enum font f, const char *text, double before, double after,
		       const char *link)
{
	if (!at_top(p))
		p->y += before;
	PangoLayout *l = layout(p, f, text, p->right - p->left);
	keep_together(p, l);
	flow(p, l, p->left, link);
	g_object_unref(l);
	p->y += after;
}

static void note(pdf *p, const char *text)
{
	double indent = 12;
	if (!at_top(p))
		p->y += 4;
	PangoLayout *l = layout(p, F_NOTE, text, p->right - p->left - indent);
	keep_together(p, l);
	int page = p->page;
	double start = p->y;
	flow(p, l, p->left + indent, NULL);
	if (p->draw) {          /* the bar beside the note's last page of lines */
		colour(p, BORDER);
		double top = page == p->page ? start : p->top;
		cairo_rectangle(p->cr, p->left, top, 4, p->y - top);
		cairo_fill(p->cr);
	}
	g_object_unref(l);
	p->y += 8;
}

/* Headings: kept with what follows, level 1 and 2 in the outline, level 1
 * a destination the contents link to. */
static void heading(pdf *p, const report_block *b)
{
	static const enum font fonts[] = {F_H1, F_H2, F_H3};
	PangoLayout *l = layout(p, fonts[b->level - 1], b->text, p->right - p->left);
	double h = layout_height(l);
	/* room for a subheading and a few lines after it, or a new page */
	if (p->y + h + (b->level == 3 ? 48 : 96) > p->bottom && !at_top(p))
		new_page(p);
	if (!at_top(p))
		p->y += b->level == 1 ? 16 : 10;
	char *dest = NULL;
	if (b->level == 1) {
		if (!p->draw && p->chapters)
			p->chapters[p->nchapters].page = p->page;
		dest = arena_printf(p->doc->mem, "name='chapter%zu'", p->nchapters++);
	}
	if (p->draw && b->level <= 2) {
		char *at = arena_printf(p->doc->mem, "page=%d pos=[%.1f %.1f]", p->page, p->left, p->y);
		int id = cairo_pdf_surface_add_outline(p->surface, b->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : p->outline1,
						       b->text, at, 0);
		if (b->level == 1)
			p->outline1 = id;
	}
	if (p->draw && dest)
		cairo_tag_begin(p->cr, CAIRO_TAG_DEST, dest);
	flow(p, l, p->left, NULL);
	if (p->draw && dest)
		cairo_tag_end(p->cr, CAIRO_TAG_DEST);
	g_object_unref(l);
	p->y += 6;
}

typedef struct row_style {
	bool header, shade, grid;       /* grid: every cell boxed; else a rule under the row */
} row_style;

/* The x of each column and their widths, from the table's relative widths. */
static double *columns(pdf *p, const report_block *t, double **x)
{
	double sum = 0, *w = ARENA_ARRAY(p->doc->mem, t->ncols, w);
	*x = ARENA_ARRAY(p->doc->mem, t->ncols, *x);
	for (size_t i = 0; i < t->ncols; i++)
		sum += t->widths[i];
	double at = p->left;
	for (size_t i = 0; i < t->ncols; i++) {
		w[i] = (p->right - p->left) * t->widths[i] / sum;
		(*x)[i] = at;
		at += w[i];
	}
	return w;
}

typedef struct grid {
	const report_block *t;
	double *x, *w, header_h;
	row_style body, head;
} grid;

static void row(pdf *p, const grid *g, const report_cell *cells, const row_style *s);

static void row_boxes(pdf *p, const grid *g, const row_style *s, double y, double h)
{
	if (!p->draw)
		return;
	cairo_set_line_width(p->cr, RULE);
	colour(p, BORDER);
	if (!s->grid) {
		cairo_move_to(p->cr, p->left, y + h);
		cairo_line_to(p->cr, p->right, y + h);
		cairo_stroke(p->cr);
		return;
	}
	for (size_t i = 0; i < g->t->ncols; i++)
		cairo_rectangle(p->cr, g->x[i], y, g->w[i], h);
	cairo_stroke(p->cr);
}

static void new_table_page(pdf *p, const grid *g)
{
	new_page(p);
	if (g->header_h > 0)
		row(p, g, g->t->header, &g->head);
}

/* One row: moved whole to the next page when it does not fit here but
 * would on a page of its own; split line by line when taller than a page. */
static void row(pdf *p, const grid *g, const report_cell *cells, const row_style *s)
{
	size_t n = g->t->ncols;
	PangoLayout **l = ARENA_ARRAY(p->doc->mem, n, l);
	int *from = ARENA_ARRAY(p->doc->mem, n, from), *lines = ARENA_ARRAY(p->doc->mem, n, lines);
	double need = 0;
	for (size_t i = 0; i < n; i++) {
		l[i] = layout(p, cells[i].strong ? F_BOLD : F_BODY, cells[i].text, g->w[i] - 2 * PAD);
		lines[i] = pango_layout_get_line_count(l[i]);
		double h = layout_height(l[i]) + 2 * PAD;
		need = h > need ? h : need;
	}
	if (!s->header && need > p->bottom - p->y && need <= p->bottom - p->top - g->header_h)
		new_table_page(p, g);
	for (;;) {
		if (p->bottom - p->y < 2 * PAD + 14)
			new_table_page(p, g);
		if (s->shade && p->draw) {
			colour(p, SHADE);
			cairo_rectangle(p->cr, p->left, p->y, p->right - p->left, need);
			cairo_fill(p->cr);
		}
		double used = 0;
		bool more = false;
		for (size_t i = 0; i < n; i++) {
			if (from[i] >= lines[i])
				continue;
			const char *attrs = link_attrs(p, cells[i].link);
			if (attrs)
				cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attrs);
			double h = lines_chunk(p, l[i], &from[i], g->x[i] + PAD, p->y + PAD, p->bottom - PAD);
			if (attrs)
				cairo_tag_end(p->cr, CAIRO_TAG_LINK);
			used = h > used ? h : used;
			more = more || from[i] < lines[i];
		}
		row_boxes(p, g, s, p->y, used + 2 * PAD);
		p->y += used + 2 * PAD;
		if (!more)
			break;
		new_table_page(p, g);
	}
	for (size_t i = 0; i < n; i++)
		g_object_unref(l[i]);
}

static void table(pdf *p, const report_block *t)
{
	grid g = {.t = t, .body = {.grid = true}, .head = {.header = true, .shade = true, .grid = true}};
	g.w = columns(p, t, &g.x);
	for (size_t i = 0; i < t->ncols; i++) {
		PangoLayout *l = layout(p, F_BOLD, t->header[i].text, g.w[i] - 2 * PAD);
		double h = layout_height(l) + 2 * PAD;
		g.header_h = h > g.header_h ? h : g.header_h;
		g_object_unref(l);
	}
	if (!at_top(p))
		p->y += 6;
	/* a header with no room for a row under it goes with the rows */
	if (p->y + g.header_h + 2 * PAD + 28 > p->bottom && !at_top(p))
		new_page(p);
	row(p, &g, t->header, &g.head);
	for (size_t r = 0; r < t->nrows; r++)
		row(p, &g, t->rows[r], &g.body);
	p->y += 10;
}

/* Label: value pairs as a two-column list, a rule under each. */
static void facts(pdf *p, const report_block *b)
{
	static const double widths[] = {1, 2};
	report_block t = {.mem = b->mem, .ncols = 2, .widths = (double *)widths};
	grid g = {.t = &t};
	g.w = columns(p, &t, &g.x);
	if (!at_top(p))
		p->y += 4;
	for (size_t i = 0; i < b->nfacts; i++) {
		report_cell cells[2] = {{.text = b->facts[i].label, .strong = true}, {.text = b->facts[i].value}};
		row(p, &g, cells, &g.body);
	}
	p->y += 10;
}

/* The contents: each chapter, linked to where it starts, and its page. */
static void contents(pdf *p)
{
	if (p->nchapters < 2)
		return;
	text_block(p, F_H2, "Contents", 4, 6, NULL);
	for (size_t i = 0; i < p->nchapters; i++) {
		PangoLayout *num = layout(p, F_BODY, arena_printf(p->doc->mem, "%d", p->chapters[i].page),
					  p->right - p->left);
		pango_layout_set_alignment(num, PANGO_ALIGN_RIGHT);
		PangoLayout *name = layout(p, F_BODY, p->chapters[i].title, p->right - p->left - 40);
		if (p->y + layout_height(name) > p->bottom)
			new_page(p);
		if (p->draw) {
			cairo_tag_begin(p->cr, CAIRO_TAG_LINK, arena_printf(p->doc->mem, "dest='chapter%zu'", i));
			colour(p, INK);
			cairo_move_to(p->cr, p->left, p->y);
			pango_cairo_show_layout(p->cr, name);
			cairo_tag_end(p->cr, CAIRO_TAG_LINK);
			cairo_move_to(p->cr, p->left, p->y);
			pango_cairo_show_layout(p->cr, num);
		}
		p->y += layout_height(name) + 3;
		g_object_unref(name);
		g_object_unref(num);
	}
	p->y += 10;
}

static void blocks(pdf *p)
{
	text_block(p, F_TITLE, p->doc->title, 0, 4, NULL);
	if (p->doc->subtitle && *p->doc->subtitle)
		text_block(p, F_H3, p->doc->subtitle, 0, 8, NULL);
	contents(p);
	p->nchapters = 0;
	for (const report_block *b = p->doc->first; b; b = b->next) {
		switch (b->kind) {
		case REPORT_HEADING: heading(p, b); break;
		case REPORT_PARAGRAPH: text_block(p, F_BODY, b->text, 0, 6, b->link); break;
		case REPORT_NOTE: note(p, b->text); break;
		case REPORT_FACTS: facts(p, b); break;
		case REPORT_TABLE: table(p, b); break;
		case REPORT_PAGE_BREAK:
			if (!at_top(p))
				new_page(p);
			break;
		}
	}
}

/* The level-1 headings, once: the first pass finds their pages. */
static void count_chapters(pdf *p)
{
	size_t n = 0;
	if (p->chapters) {
		for (const report_block *b = p->doc->first; b; b = b->next)
			n += b->kind == REPORT_HEADING && b->level == 1;
		p->nchapters = n;
		return;
	}
	for (const report_block *b = p->doc->first; b; b = b->next)
		n += b->kind == REPORT_HEADING && b->level == 1;
	p->chapters = ARENA_ARRAY(p->doc->mem, n, p->chapters);
	n = 0;
	for (const report_block *b = p->doc->first; b; b = b->next)
		if (b->kind == REPORT_HEADING && b->level == 1)
			p->chapters[n++] = (chapter){.title = b->text, .page = 1};
	p->nchapters = n;
}

static void metadata(pdf *p, const report_pdf_options *opt)
{
	const char *author = opt && opt->author ? opt->author : p->doc->subtitle;
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, p->doc->title);
	if (author && *author)
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR, author);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "copro");
}

/* One pass over the document into `write`: 0, or -1 with e set. */
static int pass(pdf *p, const report_pdf_options *opt, cairo_write_func_t write, void *closure, err *e)
{
	p->w = p->doc->landscape ? A4_LONG : A4_SHORT;
	p->h = p->doc->landscape ? A4_SHORT : A4_LONG;
	p->left = MARGIN, p->right = p->w - MARGIN, p->top = MARGIN, p->bottom = p->h - MARGIN;
	p->page = 1, p->y = p->top, p->outline1 = CAIRO_PDF_OUTLINE_ROOT;
	count_chapters(p);
	p->surface = cairo_pdf_surface_create_for_stream(write, closure, p->w, p->h);
	metadata(p, opt);
	p->cr = cairo_create(p->surface);
	p->fonts = pango_cairo_font_map_new();
	p->pango = pango_font_map_create_context(p->fonts);
	pango_cairo_update_context(p->cr, p->pango);
	pango_context_set_language(p->pango, pango_language_from_string(p->doc->lang));
	for (int f = 0; f < F_COUNT; f++) {
		p->font[f] = pango_font_description_from_string(font_names[f]);
		if (p->doc->compact)    /* 10 pt text at 8.5 pt */
			pango_font_description_set_size(p->font[f], pango_font_description_get_size(p->font[f]) * 17 / 20);
	}
	blocks(p);
	footer(p);
	cairo_show_page(p->cr);
	for (int f = 0; f < F_COUNT; f++)
		pango_font_description_free(p->font[f]);
	g_object_unref(p->pango);
	g_object_unref(p->fonts);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	cairo_status_t status = cairo_surface_status(p->surface);
	cairo_surface_destroy(p->surface);
	if (status != CAIRO_STATUS_SUCCESS)
		return err_set(e, ERR_INTERNAL, "The PDF could not be made: %s.", cairo_status_to_string(status));
	return 0;
}

/* The number after `key` in the bytes from `from` on (-1: not there). */
static long number_after(const sink *s, size_t from, const char *key)
{
	size_t k = strlen(key);
	for (size_t i = from; i + k < s->len; i++)
		if (!memcmp(s->data + i, key, k))
			return strtol((const char *)s->data + i + k, NULL, 10);
	return -1;
}

static size_t find(const sink *s, size_t from, const char *what)
{
	size_t k = strlen(what);
	for (size_t i = from; i + k <= s->len; i++)
		if (!memcmp(s->data + i, what, k))
			return i;
	return SIZE_MAX;
}

/* cairo 1.16 sets a PDF's title, author and creator but not its language
 * (the catalogue's /Lang, which screen readers use to choose a voice).
 * An incremental update, as PDF allows, adds it: the catalogue again with
 * /Lang, an xref section for it and a trailer pointing back to cairo's.
 * 0, or -1 when cairo's file does not look as expected (left as it was). */
static int add_lang(arena *a, sink *s, const char *lang)
{
	if (!lang || !*lang || lang[strspn(lang, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")])
		return -1;
	size_t trailer = find(s, s->len > 1024 ? s->len - 1024 : 0, "trailer");
	if (trailer == SIZE_MAX)
		return -1;
	long root = number_after(s, trailer, "/Root "), size = number_after(s, trailer, "/Size "),
	     info = number_after(s, trailer, "/Info "), prev = number_after(s, trailer, "startxref\n");
	size_t obj = root > 0 ? find(s, 0, arena_printf(a, "\n%ld 0 obj\n", root)) : SIZE_MAX;
	size_t dict = obj == SIZE_MAX ? SIZE_MAX : find(s, obj, "<<");
	size_t end = dict == SIZE_MAX ? SIZE_MAX : find(s, dict, ">>\nendobj");
	if (size <= root || prev <= 0 || end == SIZE_MAX || find(s, dict, "/Type /Catalog") > end)
		return -1;
	size_t at = s->len + 1;
	char *update = arena_printf(a, "\n%ld 0 obj\n%.*s   /Lang (%s)\n>>\nendobj\n", root, (int)(end - dict),
				    (const char *)s->data + dict, lang);
	size_t xref = s->len + strlen(update);
	update = arena_printf(a, "%sxref\n%ld 1\n%010zu 00000 n \ntrailer\n<< /Size %ld\n   /Root %ld 0 R\n%s"
				 "   /Prev %ld\n>>\nstartxref\n%zu\n%%%%EOF\n",
			      update, root, at, size, root, info > 0 ? arena_printf(a, "   /Info %ld 0 R\n", info) : "",
			      prev, xref);
	return sink_write(s, (const unsigned char *)update, (unsigned int)strlen(update)) == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

int report_pdf(const report_doc *doc, const report_pdf_options *opt, report_bytes *out, err *e)
{
	pdf p = {.doc = doc, .base_url = opt ? opt->base_url : NULL};
	if (pass(&p, opt, discard_write, NULL, e) < 0)
		return -1;
	sink *s = arena_alloc(doc->mem, sizeof *s);
	arena_defer(doc->mem, sink_free, s);
	p.pages = p.page;
	p.draw = true;
	if (pass(&p, opt, sink_write, s, e) < 0)
		return -1;
	add_lang(doc->mem, s, doc->lang);
	out->data = s->data;
	out->len = s->len;
	return 0;
}
