/* org_csv.c: an area's organisations from a CSV file (a GIAS extract or a
 * simple name, sector, type list): read with libcsv, every row checked,
 * then matched to what the area holds and written in one transaction. */
#include "domain/org_csv_internal.h"

#include <csv.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/account.h"
#include "store/org_bulk.h"
#include "store/store.h"

/* ---- problems -------------------------------------------------------- */

void csv_problem(reader *r, size_t line, const char *fmt, ...)
{
	org_csv_report *rep = r->rep;
	if (r->hold) {
		va_list ap;
		va_start(ap, fmt);
		held *h = arena_alloc(r->d->mem, sizeof *h);
		h->message = arena_vprintf(r->d->mem, fmt, ap);
		va_end(ap);
		held **tail = &r->hold->held;
		while (*tail)
			tail = &(*tail)->next;
		*tail = h;
		return;
	}
	rep->problems_total++;
	if (rep->n_problems >= ORG_CSV_MAX_PROBLEMS)
		return;
	va_list ap;
	va_start(ap, fmt);
	rep->problems[rep->n_problems].line = line;
	rep->problems[rep->n_problems].message = arena_vprintf(r->d->mem, fmt, ap);
	va_end(ap);
	rep->n_problems++;
}

/* A value from the file, safe to quote in a message that goes to a
 * terminal: at most 40 characters, control characters shown as '?'. */
const char *csv_shown(arena *a, const char *s)
{
	size_t n = 0, chars = 0;
	while (s[n] && chars <= 40) {
		if (((unsigned char)s[n] & 0xC0) != 0x80)
			chars++;
		if (chars > 40)
			break;
		n++;
	}
	char *out = arena_strndup(a, s, n);
	for (char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '?';
	return s[n] ? arena_printf(a, "%s...", out) : out;
}

/* ---- small checks ---------------------------------------------------- */

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

bool csv_same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

/* Header text without case, spaces or punctuation: "LA (code)" -> "lacode". */
static char *normalise(arena *a, const char *s)
{
	char *out = arena_strdup(a, s), *w = out;
	for (const char *p = s; *p; p++)
		if (isalnum((unsigned char)*p))
			*w++ = (char)tolower((unsigned char)*p);
	*w = '\0';
	return out;
}

static int parse_num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* GIAS writes dates DD-MM-YYYY; a spreadsheet may resave them as D/M/YYYY,
 * and YYYY-MM-DD is taken as it is. NULL when it is none of these or not a
 * day that exists. */
static const char *gias_date(arena *a, const char *s)
{
	size_t len[3] = {0}, start[3] = {0}, k = 0;
	for (size_t i = 0; s[i]; i++) {
		if (s[i] == '-' || s[i] == '/') {
			if (++k > 2)
				return NULL;
			start[k] = i + 1;
		} else if (isdigit((unsigned char)s[i])) {
			len[k]++;
		} else {
			return NULL;
		}
	}
	if (k != 2 || !len[0] || !len[1] || !len[2])
		return NULL;
	int y, m, d;
	if (len[0] == 4 && len[1] <= 2 && len[2] <= 2) {
		y = parse_num(s, 4);
		m = parse_num(s + start[1], len[1]);
		d = parse_num(s + start[2], len[2]);
	} else if (len[0] <= 2 && len[1] <= 2 && len[2] == 4) {
		d = parse_num(s, len[0]);
		m = parse_num(s + start[1], len[1]);
		y = parse_num(s + start[2], 4);
	} else {
		return NULL;
	}
	char *iso = arena_printf(a, "%04d-%02d-%02d", y, m, d);
	return date_valid(iso) ? iso : NULL;
}

/* ---- the file as a whole --------------------------------------------- */

/* Lines end at LF, CRLF or a CR alone (old Mac files), as an editor shows
 * them. Sets *end to where the line's text stops and answers where the
 * next line starts. */
static size_t line_end(const char *b, size_t len, size_t pos, size_t *end)
{
	size_t e = pos;
	while (e < len && b[e] != '\n' && b[e] != '\r')
		e++;
	*end = e;
	if (e == len)
		return len;
	return b[e] == '\r' && e + 1 < len && b[e + 1] == '\n' ? e + 2 : e + 1;
}

/* Refusals that need no parsing: size, encoding, spreadsheets. Answers
 * the offset where the text starts (after a UTF-8 BOM), or -1. */
static long check_file(reader *r, const char *b, size_t len)
{
	if (len > ORG_CSV_MAX_BYTES) {
		csv_problem(r, 0, "the file is larger than 20 MB, more than copro reads at once: "
			"split it into smaller files (for example by phase of education) and import each.");
		return -1;
	}
	if (len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0) {
		csv_problem(r, 0, "this is a spreadsheet workbook (.xlsx), not a CSV file: open it and save it "
			"as \"CSV UTF-8 (Comma delimited) (*.csv)\", then import that file.");
		return -1;
	}
	if (len >= 2 && (((unsigned char)b[0] == 0xFF && (unsigned char)b[1] == 0xFE) ||
			 ((unsigned char)b[0] == 0xFE && (unsigned char)b[1] == 0xFF))) {
		csv_problem(r, 0, "the file is UTF-16 text: save it as \"CSV UTF-8 (Comma delimited) (*.csv)\" "
			"and import it again.");
		return -1;
	}
	size_t off = len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	size_t line = 1;
	for (size_t i = off, next; i < len; i = next, line++) {
		size_t end;
		next = line_end(b, len, i, &end);
		if (memchr(b + i, '\0', end - i)) {
			csv_problem(r, line, "this line holds a NUL byte, so the file is not CSV text: save it "
				"as \"CSV UTF-8 (Comma delimited) (*.csv)\" and import it again.");
			return -1;
		}
		if (!utf8_valid(b + i, end - i)) {
			csv_problem(r, line, "this line is not UTF-8 text (the file may be in a Windows or Mac "
				"encoding): save the file as \"CSV UTF-8 (Comma delimited) (*.csv)\" and import "
				"it again.");
			return -1;
		}
	}
	return (long)off;
}

/* ---- the header ------------------------------------------------------ */

static int find_col(reader *r, const char *norm)
{
	for (size_t i = 0; i < r->n_head; i++)
		if (strcmp(normalise(r->d->mem, r->head[i]), norm) == 0)
			return (int)i;
	return -1;
}

/* The header row's columns, quoted, for a message: the first ten. */
static const char *found_columns(reader *r)
{
	const char *list = "";
	size_t n = r->n_head < 10 ? r->n_head : 10;
	for (size_t i = 0; i < n; i++)
		list = arena_printf(r->d->mem, "%s%s\"%s\"", list, i ? ", " : "",
				    csv_shown(r->d->mem, r->head[i]));
	if (r->n_head > n)
		list = arena_printf(r->d->mem, "%s and %zu more", list, r->n_head - n);
	return list;
}

/* Marks column i as holding `col`; a second column with the same name is
 * a problem, as copro could not tell which one to read. */
static void take_col(reader *r, size_t i, enum col col, const char *header)
{
	if (r->has[col]) {
		csv_problem(r, r->header_line, "the column \"%s\" appears twice in the header row: remove one of them.",
			header);
		return;
	}
	r->has[col] = true;
	r->slot_of[i] = (int)col;
}

static bool is_simple(reader *r)
{
	if (r->n_head != 3)
		return false;
	bool seen[3] = {false};
	static const char *const names[3] = {"name", "sector", "type"};
	for (size_t i = 0; i < 3; i++) {
		char *n = normalise(r->d->mem, r->head[i]);
		for (size_t k = 0; k < 3; k++)
			if (strcmp(n, names[k]) == 0)
				seen[k] = true;
	}
	return seen[0] && seen[1] && seen[2];
}

static void read_header(reader *r)
{
	r->slot_of = arena_array(r->d->mem, r->n_head, sizeof *r->slot_of);
	for (size_t i = 0; i < r->n_head; i++)
		r->slot_of[i] = -1;
	if (find_col(r, "urn") >= 0 && find_col(r, "establishmentname") >= 0) {
		r->fmt = F_GIAS;
		r->rep->format = "gias";
		for (size_t i = 0; i < r->n_head; i++) {
			char *n = normalise(r->d->mem, r->head[i]);
			for (size_t c = 0; c < sizeof gias_cols / sizeof *gias_cols; c++)
				for (size_t k = 0; k < 3 && gias_cols[c].names[k]; k++)
					if (strcmp(n, gias_cols[c].names[k]) == 0)
						take_col(r, i, gias_cols[c].col, gias_cols[c].header);
		}
		if (!r->has[C_TYPE])
			csv_problem(r, r->header_line, "the GIAS extract has no column \"TypeOfEstablishment (name)\": "
				"download it again with that column, which copro keeps as each school's type.");
		if (!r->has[C_STATUS])
			csv_problem(r, r->header_line, "the GIAS extract has no column \"EstablishmentStatus (name)\": "
				"download it again with that column, which copro needs to leave out closed establishments.");
	} else if (is_simple(r)) {
		r->fmt = F_SIMPLE;
		r->rep->format = "simple";
		for (size_t i = 0; i < 3; i++) {
			char *n = normalise(r->d->mem, r->head[i]);
			take_col(r, i, strcmp(n, "name") == 0 ? C_NAME : strcmp(n, "sector") == 0 ? C_SECTOR : C_TYPE,
				 n);
		}
	} else {
		csv_problem(r, r->header_line, "the header row is not one copro reads. It has %s. Give either a GIAS "
			"extract (with the columns URN and EstablishmentName) or a simple file whose header "
			"is exactly: name,sector,type.", found_columns(r));
	}
	if (r->rep->problems_total)
		r->stop = true;
}

/* ---- rows ------------------------------------------------------------ */

static void check_line_text(reader *r, cand *c, const char *what, const char *v, bool required)
{
	err e = {0};
	if (text_check_line(what, v, required, &e) < 0) {
		csv_problem(r, c->line, "%s", e.msg);
		c->bad = true;
	}
}

static const char *check_date(reader *r, cand *c, const char *column, const char *v)
{
	if (!v || !*v)
		return NULL;
	const char *iso = gias_date(r->d->mem, v);
	if (!iso) {
		csv_problem(r, c->line, "%s \"%s\" is not a date that exists: GIAS dates are DD-MM-YYYY, for "
			"example 01-09-2015.", column, csv_shown(r->d->mem, v));
		c->bad = true;
	}
	return iso;
}

static void check_gias(reader *r, cand *c)
{
	const char *urn = c->v[C_URN];
	const char *status = c->v[C_STATUS];
	c->closed = status && strcasecmp(status, "Closed") == 0;
	/* A closed establishment is skipped unless the area has it already
	 * (its closing date is then recorded), which is known only once the
	 * area is read: its problems are held until then. */
	if (c->closed && !r->rep->include_closed)
		r->hold = c;
	if (!urn || !*urn) {
		csv_problem(r, c->line, "the URN is empty: every establishment in a GIAS extract has one; check "
			"this row against the extract.");
		c->bad = true;
	} else if (!text_digits(urn, 6)) {
		csv_problem(r, c->line, "URN \"%s\" is not valid: a URN is 6 digits, for example 106020.",
			csv_shown(r->d->mem, urn));
		c->bad = true;
	}
	c->o = (org_bulk_row){.name = c->v[C_NAME], .type = c->v[C_TYPE] ? c->v[C_TYPE] : "",
			      .sector = "education", .urn = or_null(urn),
			      .ukprn = or_null(c->v[C_UKPRN]), .la_code = or_null(c->v[C_LA])};
	check_line_text(r, c, "The name (EstablishmentName)", c->v[C_NAME], true);
	check_line_text(r, c, "The type (TypeOfEstablishment (name))", c->v[C_TYPE], false);
	if (c->o.la_code && !text_digits(c->o.la_code, 3)) {
		csv_problem(r, c->line, "LA (code) \"%s\" is not valid: a local authority code is 3 digits, "
			"for example 372.", csv_shown(r->d->mem, c->o.la_code));
		c->bad = true;
	}
	if (c->o.ukprn && (!text_digits(c->o.ukprn, 8) || c->o.ukprn[0] != '1')) {
		csv_problem(r, c->line, "UKPRN \"%s\" is not valid: a UKPRN is 8 digits starting with 1, for "
			"example 10012345; leave it empty when there is none.", csv_shown(r->d->mem, c->o.ukprn));
		c->bad = true;
	}
	c->o.opened_on = check_date(r, c, "OpenDate", c->v[C_OPEN]);
	c->o.closed_on = check_date(r, c, "CloseDate", c->v[C_CLOSE]);
	if (c->o.opened_on && c->o.closed_on && strcmp(c->o.closed_on, c->o.opened_on) < 0) {
		csv_problem(r, c->line, "CloseDate %s is before OpenDate %s: check both dates.",
			c->v[C_CLOSE], c->v[C_OPEN]);
		c->bad = true;
	}
	/* A held row's problems are not yet the user's to fix. */
	if (r->hold)
		c->bad = false;
	r->hold = NULL;
}

static void check_simple(reader *r, cand *c)
{
	check_line_text(r, c, "The name", c->v[C_NAME], true);
	check_line_text(r, c, "The type", c->v[C_TYPE], false);
	const char *sector = c->v[C_SECTOR] ? normalise(r->d->mem, c->v[C_SECTOR]) : "";
	static const char *const known[] = {"education", "health", "care", "voluntary"};
	const char *found = NULL;
	for (size_t i = 0; i < 4; i++)
		if (strcmp(sector, known[i]) == 0)
			found = known[i];
	if (!found) {
		csv_problem(r, c->line, "sector \"%s\" is not known: use education, health, care or voluntary.",
			csv_shown(r->d->mem, c->v[C_SECTOR] ? c->v[C_SECTOR] : ""));
		c->bad = true;
	}
	c->o = (org_bulk_row){.name = c->v[C_NAME], .type = c->v[C_TYPE] ? c->v[C_TYPE] : "",
			      .sector = found};
}

static void end_row(reader *r)
{
	if (r->all_empty)
		return;         /* a line of commas only: nothing to import */
	if (++r->rep->rows > ORG_CSV_MAX_ROWS) {
		csv_problem(r, 0, "the file has more than 50,000 rows, more than copro reads at once: split "
			"it into smaller files and import each.");
		r->stop = true;
		return;
	}
	if (r->n_rows == r->cap_rows) {
		size_t cap = r->cap_rows ? r->cap_rows * 2 : 64;
		cand *grown = arena_array(r->d->mem, cap, sizeof *grown);
		if (r->n_rows)
			memcpy(grown, r->rows, r->n_rows * sizeof *grown);
		r->rows = grown;
		r->cap_rows = cap;
	}
	cand *c = &r->rows[r->n_rows++];
	*c = (cand){.line = r->rec_line};
	memcpy(c->v, r->cur, sizeof c->v);
	if (r->field != r->n_head) {
		csv_problem(r, c->line, "this row has %zu values but the header row has %zu: put any value "
			"that holds a comma in double quotes (\"like, this\").", r->field, r->n_head);
		c->bad = true;
		return;
	}
	if (r->fmt == F_GIAS)
		check_gias(r, c);
	else
		check_simple(r, c);
}

/* ---- libcsv callbacks ------------------------------------------------ */

/* Spaces and tabs around a value are not part of it. */
static const char *trim(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t'))
		s++, (*n)--;
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	return s;
}

static void add_header(reader *r, const char *v, size_t n)
{
	if (r->n_head == r->cap_head) {
		size_t cap = r->cap_head ? r->cap_head * 2 : 32;
		const char **grown = arena_array(r->d->mem, cap, sizeof *grown);
		if (r->n_head)
			memcpy(grown, r->head, r->n_head * sizeof *grown);
		r->head = grown;
		r->cap_head = cap;
	}
	r->head[r->n_head++] = arena_strndup(r->d->mem, v, n);
}

/* Only the columns copro reads are kept: an extract has over a hundred. */
static void on_field(void *s, size_t n, void *data)
{
	reader *r = data;
	if (r->stop)
		return;
	if (!s)
		s = "", n = 0;
	const char *v = trim(s, &n);
	if (n)
		r->all_empty = false;
	if (!r->have_header)
		add_header(r, v, n);
	else if (r->field < r->n_head && r->slot_of[r->field] >= 0)
		r->cur[r->slot_of[r->field]] = arena_strndup(r->d->mem, v, n);
	r->field++;
}

static void on_record(int c, void *data)
{
	(void)c;
	reader *r = data;
	if (r->stop)
		return;
	if (!r->have_header) {
		r->have_header = true;
		r->header_line = r->rec_line;
		read_header(r);
	} else {
		end_row(r);
	}
	r->between = true;
	r->field = 0;
	r->all_empty = true;
	memset(r->cur, 0, sizeof r->cur);
}

/* libcsv tells only where a record ends. Fed one physical line at a time,
 * a record can end only at the end of a piece, so the record that follows
 * starts on the next line that is not blank (libcsv passes over blank
 * lines between records). */
static void parse(reader *r, const char *b, size_t len)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		abort();
	r->between = true;
	r->all_empty = true;
	r->line = 1;
	size_t pos = 0;
	while (pos < len && !r->stop) {
		size_t end, next = line_end(b, len, pos, &end);
		if (r->between && !blank(b + pos, end - pos)) {
			r->between = false;
			r->rec_line = r->line;
		}
		if (csv_parse(&p, b + pos, next - pos, on_field, on_record, r) != next - pos) {
			csv_problem(r, r->line, "a double quote is in the wrong place: a value that holds a comma, "
				"a quote or a line break must be in double quotes, with each quote inside it "
				"written twice (\"\"), as in \"The \"\"Hill\"\" School\".");
			r->stop = true;
			break;
		}
		pos = next;
		if (end < len)
			r->line++;
	}
	if (!r->stop && csv_fini(&p, on_field, on_record, r) != 0) {
		csv_problem(r, r->rec_line, "the quoted value that starts on this row has no closing double quote: "
			"add the missing quote.");
		r->stop = true;
	}
	csv_free(&p);
	if (!r->stop && !r->have_header)
		csv_problem(r, 0, "the file is empty: it needs a header row, then one row per organisation.");
	else if (!r->stop && !r->rep->problems_total && r->rep->rows == 0)
		csv_problem(r, r->header_line, "the file has a header row but no organisations under it: add "
			"one row per organisation.");
}

/* Nothing is imported, so nothing is counted as added or updated. */
static int refused(reader *r, err *e)
{
	r->rep->added = r->rep->updated = r->rep->unchanged = r->rep->skipped = 0;
	csv_sort_problems(r->rep);
	size_t n = r->rep->problems_total;
	return err_set(e, ERR_INPUT, "nothing was imported: the file has %zu problem%s; correct %s and "
		       "import the file again.", n, n == 1 ? "" : "s", n == 1 ? "it" : "them");
}

int org_import_csv(domain *d, const char *area_name, const char *bytes, size_t len,
		   org_csv_report *rep, err *e)
{
	bool include_closed = rep->include_closed, dry_run = rep->dry_run;
	*rep = (org_csv_report){.include_closed = include_closed, .dry_run = dry_run};
	err_clear(e);
	if (text_check_line("The local area", area_name, true, e) < 0)
		return -1;
	reader r = {.d = d, .rep = rep};
	long off = check_file(&r, bytes, len);
	if (off < 0)
		return refused(&r, e);
	parse(&r, bytes + off, len - (size_t)off);
	if (r.stop || !r.have_header || rep->rows == 0)
		return refused(&r, e);

	char now[21];
	time_now_iso(now);
	bool tx = false;
	if (!dry_run) {
		if (store_begin(d->db, e) < 0)
			return -1;
		tx = true;
	}
	matcher m = {.r = &r, .area = area_name};
	int64_t area = 0;
	int found = store_bulk_area_find(d->db, area_name, &area, e);
	if (found < 0)
		goto fail;
	if (found && store_org_bulk_list_area(d->db, d->mem, area, &m.have, e) < 0)
		goto fail;
	rep->area_created = !found;
	m.taken = arena_array(d->mem, m.have.n, sizeof *m.taken);
	if (r.fmt == F_GIAS)
		csv_match_gias(&m);
	else
		csv_match_simple(&m);
	csv_final_check(&r);
	csv_check_names(&m);
	csv_count(&r);
	if (rep->problems_total) {
		refused(&r, e);
		goto fail;
	}
	if (dry_run)
		return 0;
	size_t n = 0;
	org_bulk_row *rows = csv_changes(&r, &n);
	if (!found && store_area_by_name(d->db, area_name, now, &area, e) < 0)
		goto fail;
	if (store_org_bulk_write(d->db, area, rows, n, now, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	if (tx)
		store_rollback(d->db);
	return -1;
}
