/* docx.c: the Word writer (docx.h): the report as WordprocessingML parts
 * zipped in memory by libzip (zip_source_buffer_create and
 * zip_open_from_source: no temporary file). Element order inside the
 * property elements follows the schema, which Word enforces. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <zip.h>

#include "report/docx.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* A4 in twentieths of a point, with 2 cm margins. */
#define A4_SHORT 11906
#define A4_LONG 16838
#define MARGIN 1134

/* ---- a growing buffer in the document's arena ------------------------- */

typedef struct xbuf {
	arena *a;
	char *data;
	size_t len, cap;
} xbuf;

static void put_n(xbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t want = b->cap ? b->cap * 2 : 4096;
		while (want < b->len + n + 1)
			want *= 2;
		char *bigger = arena_alloc(b->a, want);
		if (b->len)
			memcpy(bigger, b->data, b->len);
		b->data = bigger;
		b->cap = want;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void put(xbuf *b, const char *s)
{
	put_n(b, s, strlen(s));
}

static void putf(xbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(xbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	put(b, arena_vprintf(b->a, fmt, ap));
	va_end(ap);
}

/* ---- text XML 1.0 can hold ---------------------------------------------- */

/* The length of the UTF-8 character at s when XML 1.0 may hold it (tab,
 * line feed and carriage return are the only control characters it
 * allows; U+FFFE and U+FFFF and surrogates are not characters); 0 when
 * it may not, or the bytes are not UTF-8. */
static size_t xml_char(const unsigned char *s)
{
	unsigned c = s[0], cp;
	size_t n;
	if (c < 0x80)
		return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' ? 1 : 0;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) || cp >= 0xfffe))
		return 0;
	if (n == 4 && (cp < 0x10000 || cp > 0x10ffff))
		return 0;
	return n;
}

/* Escapes s for XML. In a run's text (`in_run`) a line feed becomes a line
 * break and a tab a tab stop; in an attribute both are spaces. Carriage
 * returns go (a browser's CRLF is one line end), and so does anything XML
 * cannot hold. */
static void put_esc(xbuf *b, const char *s, bool in_run)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		size_t n = xml_char(p);
		if (!n) {
			p++;
			continue;
		}
		switch (*p) {
		case '&': put(b, "&amp;"); break;
		case '<': put(b, "&lt;"); break;
		case '>': put(b, "&gt;"); break;
		case '"': put(b, "&quot;"); break;
		case '\r': break;
		case '\n':
			put(b, in_run ? "</w:t><w:br/><w:t xml:space=\"preserve\">" : " ");
			break;
		case '\t':
			put(b, in_run ? "</w:t><w:tab/><w:t xml:space=\"preserve\">" : " ");
			break;
		default: put_n(b, (const char *)p, n);
		}
		p += n;
	}
}

/* ---- the document's body ---------------------------------------------- */

typedef struct docx {
	const report_doc *r;
	const char *base;
	xbuf body, rels;
	int next_rel;
	int page_w, page_h, text_w;     /* landscape or portrait; text_w: what tables share */
	int shift;                      /* levels the headings move up (below) */
} docx;

/* A run of text, bold or not, in character style `rstyle` (NULL: none). */
static void run(xbuf *b, const char *text, bool bold, const char *rstyle)
{
	put(b, "<w:r>");
	if (bold || rstyle) {
		put(b, "<w:rPr>");
		if (rstyle)
			putf(b, "<w:rStyle w:val=\"%s\"/>", rstyle);
		if (bold)
			put(b, "<w:b/>");
		put(b, "</w:rPr>");
	}
	put(b, "<w:t xml:space=\"preserve\">");
	put_esc(b, text, true);
	put(b, "</w:t></w:r>");
}

/* A relationship to an external address; answers its id. */
static int external_rel(docx *x, const char *link)
{
	int id = x->next_rel++;
	bool absolute = !strncmp(link, "https://", 8) || !strncmp(link, "http://", 7) ||
			!strncmp(link, "mailto:", 7);
	putf(&x->rels, "<Relationship Id=\"rId%d\" Type=\"" REL_TYPE "hyperlink\" Target=\"", id);
	if (!absolute)
		put_esc(&x->rels, x->base, false);
	put_esc(&x->rels, link, false);
	put(&x->rels, "\" TargetMode=\"External\"/>");
	return id;
}

/* Text that is a link when it has one and the caller gave a base. */
static void link_run(docx *x, const char *text, const char *link, bool bold)
{
	if (!link || !*link || !x->base) {
		run(&x->body, text, bold, NULL);
		return;
	}
	putf(&x->body, "<w:hyperlink r:id=\"rId%d\" w:history=\"1\">", external_rel(x, link));
	run(&x->body, text, bold, "Hyperlink");
	put(&x->body, "</w:hyperlink>");
}

static void para_open(xbuf *b, const char *style)
{
	put(b, "<w:p>");
	if (style)
		putf(b, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
}

static void para(xbuf *b, const char *style, const char *text)
{
	para_open(b, style);
	run(b, text, false, NULL);
	put(b, "</w:p>");
}

static void facts(docx *x, const report_block *f)
{
	for (size_t i = 0; i < f->nfacts; i++) {
		para_open(&x->body, "Fact");
		run(&x->body, arena_printf(x->r->mem, "%s: ", f->facts[i].label), true, NULL);
		run(&x->body, f->facts[i].value, false, NULL);
		put(&x->body, "</w:p>");
	}
}

static void table_row(docx *x, const report_cell *cells, size_t ncols, const int *tw, bool header)
{
	put(&x->body, "<w:tr>");
	if (header)
		put(&x->body, "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
	for (size_t i = 0; i < ncols; i++) {
		putf(&x->body, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>%s</w:tcPr>", tw[i],
		     header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F2F1\"/>" : "");
		para_open(&x->body, "TableText");
		link_run(x, cells[i].text, cells[i].link, cells[i].strong);
		put(&x->body, "</w:p></w:tc>");
	}
	put(&x->body, "</w:tr>");
}

/* A table across the text width, its columns as wide as the model says
 * relative to each other; the caption is the table's title for screen
 * readers (Word's alternative text). An empty paragraph after it keeps
 * two tables in a row from merging into one. */
static void table(docx *x, const report_block *t)
{
	double sum = 0;
	for (size_t i = 0; i < t->ncols; i++)
		sum += t->widths[i];
	int *tw = ARENA_ARRAY(x->r->mem, t->ncols, tw);
	for (size_t i = 0; i < t->ncols; i++)
		tw[i] = (int)(x->text_w * t->widths[i] / sum);
	putf(&x->body, "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
		       "<w:tblLayout w:type=\"fixed\"/>"
		       "<w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\""
		       " w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/><w:tblCaption w:val=\"",
	     x->text_w);
	put_esc(&x->body, t->text, false);
	put(&x->body, "\"/></w:tblPr><w:tblGrid>");
	for (size_t i = 0; i < t->ncols; i++)
		putf(&x->body, "<w:gridCol w:w=\"%d\"/>", tw[i]);
	put(&x->body, "</w:tblGrid>");
	table_row(x, t->header, t->ncols, tw, true);
	for (size_t i = 0; i < t->nrows; i++)
		table_row(x, t->rows[i], t->ncols, tw, false);
	put(&x->body, "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>");
}

static void block(docx *x, const report_block *b)
{
	switch (b->kind) {
	case REPORT_HEADING:
		para(&x->body, arena_printf(x->r->mem, "Heading%d", b->level - x->shift), b->text);
		break;
	case REPORT_PARAGRAPH:
		para_open(&x->body, NULL);
		link_run(x, b->text, b->link, false);
		put(&x->body, "</w:p>");
		break;
	case REPORT_NOTE:
		para(&x->body, "Note", b->text);
		break;
	case REPORT_FACTS:
		facts(x, b);
		break;
	case REPORT_TABLE:
		table(x, b);
		break;
	case REPORT_PAGE_BREAK:
		put(&x->body, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
		break;
	}
}

/* A report whose top headings are level 2 (the one-page summary) gets
 * them as Heading 1: Word's checker and a screen reader's list of
 * headings expect no level skipped after the title. */
static int heading_shift(const report_doc *r)
{
	int top = 3;
	for (const report_block *b = r->first; b; b = b->next)
		if (b->kind == REPORT_HEADING && b->level < top)
			top = b->level;
	return top - 1;
}

static void document_part(docx *x)
{
	x->shift = heading_shift(x->r);
	put(&x->body, XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>");
	para(&x->body, "Title", x->r->title);
	if (x->r->subtitle && *x->r->subtitle)
		para(&x->body, "Subtitle", x->r->subtitle);
	for (const report_block *b = x->r->first; b; b = b->next)
		block(x, b);
	putf(&x->body, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>"
		       "<w:pgSz w:w=\"%d\" w:h=\"%d\"%s/><w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\""
		       " w:left=\"%d\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
		       "</w:body></w:document>",
	     x->page_w, x->page_h, x->r->landscape ? " w:orient=\"landscape\"" : "", MARGIN, MARGIN, MARGIN, MARGIN);
}

/* "Made 6 December 2026. Page 2 of 5", the numbers as Word fields. */
static void footer_part(xbuf *b, const report_doc *r)
{
	put(b, XML_DECL "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
	if (r->made && *r->made)
		run(b, arena_printf(r->mem, "%s. ", r->made), false, NULL);
	run(b, "Page ", false, NULL);
	put(b, "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>");
	run(b, " of ", false, NULL);
	put(b, "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>");
}

/* ---- the fixed parts -------------------------------------------------- */

static const char content_types[] =
	XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WML "document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WML "styles+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"" CT_WML "footer+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"</Types>";

static const char package_rels[] =
	XML_DECL "<Relationships xmlns=\"" NS_REL "\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" NS_REL "/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"</Relationships>";

/* Word's own style ids and names (Title, "heading 1" ...), so the
 * navigation pane lists the headings and a screen reader announces them;
 * Note, Fact and TableText are copro's. Colours are GOV.UK's, each at
 * least 4.5:1 on white. */
static const char styles_head[] =
	XML_DECL "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
	"<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"";

static const char styles_tail[] =
	"\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
	"</w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/><w:pPr><w:spacing w:after=\"120\"/></w:pPr>"
	"<w:rPr><w:b/><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"11\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr>"
	"<w:rPr><w:color w:val=\"505A5F\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
	"<w:rPr><w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
	"<w:rPr><w:b/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:spacing w:before=\"200\" w:after=\"80\"/><w:outlineLvl w:val=\"2\"/></w:pPr>"
	"<w:rPr><w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Note\"><w:name w:val=\"Note\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\""
	" w:color=\"B1B4B6\"/></w:pBdr><w:ind w:left=\"284\"/></w:pPr>"
	"<w:rPr><w:color w:val=\"505A5F\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Fact\"><w:name w:val=\"Fact\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Table text\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"AfterTable\"><w:name w:val=\"After table\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:rPr><w:color w:val=\"505A5F\"/><w:sz w:val=\"18\"/>"
	"<w:szCs w:val=\"18\"/></w:rPr></w:style>"
	"<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:uiPriority w:val=\"99\"/>"
	"<w:unhideWhenUsed/><w:rPr><w:color w:val=\"1D70B8\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
	"<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
	"<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	"<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
	"<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"ReportTable\"><w:name w:val=\"Report table\"/>"
	"<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
	"<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B1B4B6\"/>"
	"<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B1B4B6\"/>"
	"<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B1B4B6\"/>"
	"<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B1B4B6\"/>"
	"<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B1B4B6\"/>"
	"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B1B4B6\"/></w:tblBorders>"
	"<w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>"
	"<w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
	"</w:styles>";

static void core_part(xbuf *b, const report_doc *r)
{
	put(b, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
		       " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
		       "<dc:title>");
	put_esc(b, r->title, false);
	put(b, "</dc:title><dc:language>");
	put_esc(b, r->lang ? r->lang : "en-GB", false);
	put(b, "</dc:language><dc:creator>copro</dc:creator></cp:coreProperties>");
}

/* ---- the package ------------------------------------------------------ */

/* Adds a part; libzip reads the bytes at zip_close, while the arena that
 * holds them is still alive. */
static int add_part(zip_t *z, const char *name, const char *data, size_t len, err *e)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);
	if (!s)
		return err_set(e, ERR_INTERNAL, "Could not write the Word file: %s.", zip_strerror(z));
	if (zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		return err_set(e, ERR_INTERNAL, "Could not write the Word file: %s.", zip_strerror(z));
	}
	return 0;
}

static int add_parts(zip_t *z, docx *x, err *e)
{
	const report_doc *r = x->r;
	xbuf styles = {.a = r->mem}, footer = {.a = r->mem}, core = {.a = r->mem};
	put(&styles, styles_head);
	put_esc(&styles, r->lang ? r->lang : "en-GB", false);
	put(&styles, styles_tail);
	footer_part(&footer, r);
	core_part(&core, r);
	put(&x->rels, "</Relationships>");
	if (add_part(z, "[Content_Types].xml", content_types, sizeof content_types - 1, e) < 0 ||
	    add_part(z, "_rels/.rels", package_rels, sizeof package_rels - 1, e) < 0 ||
	    add_part(z, "word/document.xml", x->body.data, x->body.len, e) < 0 ||
	    add_part(z, "word/_rels/document.xml.rels", x->rels.data, x->rels.len, e) < 0 ||
	    add_part(z, "word/styles.xml", styles.data, styles.len, e) < 0 ||
	    add_part(z, "word/footer1.xml", footer.data, footer.len, e) < 0 ||
	    add_part(z, "docProps/core.xml", core.data, core.len, e) < 0)
		return -1;
	return 0;
}

/* The finished archive's bytes, from the buffer source it was written to. */
static int read_back(zip_source_t *src, arena *a, report_bytes *out, err *e)
{
	zip_stat_t st;
	if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) < 0)
		return err_set(e, ERR_INTERNAL, "Could not read the Word file back: %s.",
			       zip_error_strerror(zip_source_error(src)));
	out->data = arena_alloc(a, st.size ? st.size : 1);
	zip_int64_t n = zip_source_read(src, out->data, st.size);
	zip_source_close(src);
	if (n < 0 || (zip_uint64_t)n != st.size)
		return err_set(e, ERR_INTERNAL, "Could not read the Word file back.");
	out->len = st.size;
	return 0;
}

int report_docx(const report_doc *r, const char *base, report_bytes *out, err *e)
{
	docx x = {.r = r, .base = base, .body = {.a = r->mem}, .rels = {.a = r->mem}, .next_rel = 3};
	put(&x.rels, XML_DECL "<Relationships xmlns=\"" NS_REL "\">"
		     "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>"
		     "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "footer\" Target=\"footer1.xml\"/>");
	x.page_w = r->landscape ? A4_LONG : A4_SHORT;
	x.page_h = r->landscape ? A4_SHORT : A4_LONG;
	x.text_w = x.page_w - 2 * MARGIN;
	if (base && base[0] && base[strlen(base) - 1] == '/')
		x.base = arena_strndup(r->mem, base, strlen(base) - 1);
	document_part(&x);

	memset(out, 0, sizeof *out);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!z) {
		err_set(e, ERR_INTERNAL, "Could not start the Word file: %s.", zip_error_strerror(&ze));
		goto fail;
	}
	zip_source_keep(src);   /* zip_close would free it; its bytes are the result */
	if (add_parts(z, &x, e) < 0) {
		zip_discard(z);
		goto fail;
	}
	if (zip_close(z) < 0) {
		err_set(e, ERR_INTERNAL, "Could not finish the Word file: %s.", zip_strerror(z));
		zip_discard(z);
		goto fail;
	}
	int rc = read_back(src, r->mem, out, e);
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
fail:
	if (src)
		zip_source_free(src);
	zip_error_fini(&ze);
	return -1;
}
