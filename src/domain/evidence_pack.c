/* evidence_pack.c: an evaluation's evidence pack as one ZIP, written in
 * memory with libzip: the report, the readiness summary, the evidence
 * list as CSV and the evidence files themselves. Entry names are copro's
 * own or the files' safe names under one folder, so nothing in the ZIP
 * can point outside it. */
#include "domain/evidence_pack.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "domain/area_export.h"
#include "domain/evidence_file.h"
#include "domain/gold.h"
#include "domain/internal.h"

typedef struct buffer {
	arena *mem;
	char *data;
	size_t len, cap;
} buffer;

static int buffer_write(void *ctx, const char *bytes, size_t n, err *e)
{
	buffer *b = ctx;
	(void)e;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *grown = arena_alloc(b->mem, cap);
		if (b->len)
			memcpy(grown, b->data, b->len);
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
	return 0;
}

static void bprintf(buffer *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bprintf(buffer *b, const char *fmt, ...)
{
	char line[2048];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n > 0)
		buffer_write(b, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1, NULL);
}

/* ---- the ZIP ---------------------------------------------------------- */

static int add(zip_t *z, const char *name, const void *data, size_t len, err *e)
{
	zip_source_t *src = zip_source_buffer(z, data, len, 0);
	if (!src || zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) < 0) {
		if (src)
			zip_source_free(src);
		return err_set(e, ERR_INTERNAL, "cannot add %s to the evidence pack: %s.", name, zip_strerror(z));
	}
	return 0;
}

/* A name not used yet: "minutes.pdf", then "minutes (2).pdf" ... */
static const char *unique_name(arena *a, const char **used, size_t n_used, const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t stem = dot && dot != name ? (size_t)(dot - name) : strlen(name);
	const char *candidate = name;
	for (int k = 2;; k++) {
		bool taken = false;
		for (size_t i = 0; i < n_used && !taken; i++)
			taken = !strcmp(used[i], candidate);
		if (!taken)
			return candidate;
		candidate = arena_printf(a, "%.*s (%d)%s", (int)stem, name, k, name + stem);
	}
}

/* ---- the parts -------------------------------------------------------- */

typedef struct pack_item {
	const evidence_row *ev;
	const char *indicators;         /* "1i.a; 2iii.b" */
	evidence_file_list files;
	const char **names;             /* each file's name in the ZIP */
} pack_item;

/* The evaluation's evidence items, in id order, with their indicators. */
static int gather(domain *d, const evaluation_row *eval, pack_item **out, size_t *n, err *e)
{
	evidence_list all;
	link_list links;
	if (evidence_of_org(d, eval->organisation_id, &all, e) < 0 ||
	    links_of_evaluation(d, eval->id, &links, e) < 0)
		return -1;
	*out = ARENA_ARRAY(d->mem, all.n, *out);
	*n = 0;
	for (size_t i = 0; i < all.n; i++) {
		const char *refs = NULL;
		for (size_t k = 0; k < links.n; k++)
			if (links.items[k].evidence_id == all.items[i].id)
				refs = arena_printf(d->mem, "%s%s%s.%s", refs ? refs : "", refs ? "; " : "",
						    links.items[k].element_key, links.items[k].indicator_key);
		if (!refs)
			continue;
		pack_item *it = &(*out)[(*n)++];
		it->ev = &all.items[i];
		it->indicators = refs;
		if (evidence_files_of(d, it->ev->id, &it->files, e) < 0)
			return -1;
	}
	return 0;
}

static int add_files(domain *d, zip_t *z, pack_item *items, size_t n, err *e)
{
	size_t total = 0, used_n = 0;
	for (size_t i = 0; i < n; i++)
		total += items[i].files.n;
	const char **used = ARENA_ARRAY(d->mem, total + 1, used);
	for (size_t i = 0; i < n; i++) {
		items[i].names = ARENA_ARRAY(d->mem, items[i].files.n + 1, items[i].names);
		for (size_t k = 0; k < items[i].files.n; k++) {
			const evidence_file_row *f = &items[i].files.items[k];
			const unsigned char *bytes;
			const char *name = unique_name(d->mem, used, used_n, f->name);
			used[used_n++] = name;
			items[i].names[k] = name;
			if (evidence_file_bytes(d, f, &bytes, e) < 0 ||
			    add(z, arena_printf(d->mem, "evidence-files/%s", name), bytes, (size_t)f->size, e) < 0)
				return -1;
		}
	}
	return 0;
}

static void evidence_csv(domain *d, const pack_item *items, size_t n, buffer *b, err *e)
{
	export_sink sink = {buffer_write, b};
	csv_writer w;
	csv_writer_init(&w, &sink, e);
	static const char *const head[] = {"number", "title", "date", "partner_groups", "indicators",
					   "link", "files", "description", NULL};
	for (size_t i = 0; head[i]; i++)
		csv_write_text(&w, head[i]);
	csv_write_end_row(&w);
	for (size_t i = 0; i < n; i++) {
		const pack_item *it = &items[i];
		const char *files = "";
		for (size_t k = 0; k < it->files.n; k++)
			files = arena_printf(d->mem, "%s%sevidence-files/%s", files, k ? "; " : "", it->names[k]);
		csv_write_int(&w, it->ev->id);
		csv_write_text(&w, it->ev->title);
		csv_write_text(&w, it->ev->date);
		csv_write_text(&w, groups_describe(d->mem, it->ev->groups));
		csv_write_text(&w, it->indicators);
		csv_write_text(&w, it->ev->url);
		csv_write_text(&w, files);
		csv_write_text(&w, it->ev->description);
		csv_write_end_row(&w);
	}
}

/* Plain text, as `copro gold readiness` reads: nothing when the
 * evaluation has no readiness (another instrument). */
static void readiness_text(domain *d, int64_t evaluation, buffer *b)
{
	gold_readiness g;
	err ignored = {0};
	if (gold_readiness_load(d, evaluation, &g, &ignored) < 0)
		return;
	bprintf(b, "Charter Gold readiness: %s, self-evaluation %s\r\n", g.org.name, g.progress.evaluation.cycle);
	bprintf(b, "This is copro's reading of the tool's guidance, not an award.\r\n\r\n");
	bprintf(b, "%zu of %zu examples evidenced; %zu old (dated before %s); %zu carried forward and not "
		"re-confirmed; %zu gap%s in all.\r\n", g.examples_evidenced, g.examples, g.old, g.old_before,
		g.unconfirmed, g.gaps, g.gaps == 1 ? "" : "s");
	for (size_t k = 0; k < g.n_cornerstones; k++) {
		const gold_cornerstone *gc = &g.cornerstones[k];
		bprintf(b, "\r\n%s %s: %zu of %zu examples evidenced, %zu of %zu statements without gaps\r\n",
			gc->section->key, gc->section->title, gc->examples_evidenced, gc->examples,
			gc->statements_clear, gc->n_statements);
		for (size_t i = 0; i < gc->n_statements; i++) {
			const gold_statement *st = &gc->statements[i];
			bprintf(b, "  %s: %zu of %zu examples evidenced, %zu evidence item%s; %zu gap%s\r\n",
				st->progress->element->key, st->examples_evidenced, st->examples, st->n_evidence,
				st->n_evidence == 1 ? "" : "s", st->gaps, st->gaps == 1 ? "" : "s");
		}
	}
	for (size_t i = 0; i < g.decisions.n; i++) {
		const gold_decision_row *r = &g.decisions.items[i];
		if (!strcmp(r->decision, "awarded"))
			bprintf(b, "\r\nAwarded on %s by %s; reaccreditation due %s.\r\n", r->decided_on, r->assessor, r->due_on);
		else
			bprintf(b, "\r\nNot yet (%s, %s): %s\r\n", r->decided_on, r->assessor, r->reasons);
	}
}

/* Reads the ZIP libzip wrote into its buffer source. */
static int zip_bytes(domain *d, zip_source_t *src, report_bytes *out, err *e)
{
	zip_stat_t st;
	if (zip_source_open(src) < 0)
		return err_set(e, ERR_INTERNAL, "cannot read the evidence pack back.");
	zip_stat_init(&st);
	int rc = zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ? -1 : 0;
	if (rc == 0) {
		out->len = (size_t)st.size;
		out->data = arena_alloc(d->mem, out->len + 1);
		rc = zip_source_read(src, out->data, st.size) == (zip_int64_t)st.size ? 0 : -1;
	}
	zip_source_close(src);
	return rc < 0 ? err_set(e, ERR_INTERNAL, "cannot read the evidence pack back.") : 0;
}

static int write_parts(domain *d, zip_t *z, const evaluation_row *eval, const report_bytes *pdf,
		       err *e)
{
	pack_item *items;
	size_t n;
	buffer csv = {.mem = d->mem}, ready = {.mem = d->mem};
	if (gather(d, eval, &items, &n, e) < 0 || add_files(d, z, items, n, e) < 0)
		return -1;
	evidence_csv(d, items, n, &csv, e);
	readiness_text(d, eval->id, &ready);
	if (pdf && add(z, "report.pdf", pdf->data, pdf->len, e) < 0)
		return -1;
	if (ready.len && add(z, "readiness.txt", ready.data, ready.len, e) < 0)
		return -1;
	return add(z, "evidence.csv", csv.data ? csv.data : "", csv.len, e);
}

int evidence_pack(domain *d, int64_t org, int64_t evaluation, const report_bytes *pdf,
		  report_bytes *out, const char **filename, err *e)
{
	evaluation_row eval;
	org_row o;
	if (evaluation_get(d, evaluation, &eval, e) < 0 ||
	    (org && org_owns(org, eval.organisation_id, "evaluation", evaluation, e) < 0) ||
	    org_get(d, eval.organisation_id, &o, e) < 0)
		return -1;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	zip_error_fini(&ze);
	if (!z) {
		if (src)
			zip_source_free(src);
		return err_set(e, ERR_INTERNAL, "cannot start the evidence pack (libzip).");
	}
	zip_source_keep(src);
	int rc = write_parts(d, z, &eval, pdf, e);
	if (rc < 0)
		zip_discard(z);
	else if (zip_close(z) < 0) {
		rc = err_set(e, ERR_INTERNAL, "cannot write the evidence pack: %s.", zip_strerror(z));
		zip_discard(z);
	}
	if (rc == 0)
		rc = zip_bytes(d, src, out, e);
	zip_source_free(src);
	*filename = arena_printf(d->mem, "evidence-pack-%s-%s.zip", report_safe_name(d->mem, o.name),
				 report_safe_name(d->mem, eval.cycle));
	return rc;
}
