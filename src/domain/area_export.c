/* area_export.c: an area's tables as CSV, Excel and JSON. Each store row
 * becomes a list of typed cells (text, number, true/false) once, and one
 * writer per format turns cells into bytes; so the columns of every format
 * are the same by construction. Titles of principles, levels, outcomes and
 * models come from the installed instruments, never from this file. */
#include "domain/area_export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/text.h"
#include "domain/area.h"
#include "domain/audit.h"
#include "store/area_data.h"

#define AUDIT_FRAMEWORK "york-joint-partnership-audit"

const char *const area_table_names[AREA_TABLES] = {"organisations", "audits", "levels",
						   "projects", "evaluations"};

static const char *const org_columns[] = {
	"id", "name", "sector", "type", "urn", "la_code", NULL};
static const char *const audit_columns[] = {
	"id", "first_id", "version", "latest", "accepted", "organisation_id", "organisation_name",
	"project_id", "status", "service_area", "description", "audit_date", "outcome",
	"outcome_title", "outcome_reason", "review_on", "submitted_at", "decided_at", "summary",
	"next_steps", "signed_by", "signed_on", NULL};
static const char *const level_columns[] = {
	"audit_id", "organisation_id", "principle", "principle_title", "level", "level_title",
	"score", "notes", NULL};
static const char *const project_columns[] = {
	"id", "organisation_id", "organisation_name", "model", "model_title", "title",
	"service_area", "starts_on", "ends_on", "steps_done", "steps_total", NULL};

static const char *const evaluation_columns[] = {
	"organisation_id", "organisation_name", "evaluation_id", "cycle", "status", "cornerstone",
	"cornerstone_title", "statements", "statements_judged", "indicators", "indicators_evidenced",
	"with_cyp", "with_parents", "with_practitioners", "last_change", NULL};

static const char *const *const columns_of[AREA_TABLES] = {org_columns, audit_columns,
							   level_columns, project_columns,
							   evaluation_columns};

int area_table_parse(const char *name)
{
	for (int t = 0; name && t < AREA_TABLES; t++)
		if (!strcmp(name, area_table_names[t]))
			return t;
	return -1;
}

const char *const *area_table_columns(enum area_table t)
{
	return columns_of[t];
}

/* ---- cells ----------------------------------------------------------- */

enum cell_kind { CELL_TEXT, CELL_NUMBER, CELL_BOOL };

/* One value: text (NULL: none), a number (`has` false: none), or a
 * true/false. */
typedef struct cell {
	enum cell_kind kind;
	const char *text;
	int64_t number;
	bool has;
} cell;

#define MAX_COLUMNS 24

static cell text_cell(const char *s)
{
	return (cell){.kind = CELL_TEXT, .text = s};
}

static cell number_cell(int64_t v, bool has)
{
	return (cell){.kind = CELL_NUMBER, .number = v, .has = has};
}

static cell bool_cell(bool b)
{
	return (cell){.kind = CELL_BOOL, .has = b};
}

/* ---- titles from the instruments ------------------------------------- */

/* What turning rows into cells needs: the installed audit instrument, and
 * the step counts of the model versions seen so far (an area's projects
 * share a handful). */
typedef struct titles {
	domain *d;
	const framework *audit;
	struct {
		char hash[65];
		int64_t steps;
	} seen[16];
	size_t n_seen;
} titles;

static void titles_init(titles *t, domain *d)
{
	memset(t, 0, sizeof *t);
	t->d = d;
	t->audit = fw_registry_find(d->frameworks, AUDIT_FRAMEWORK);
}

static const char *principle_title(const titles *t, const char *key)
{
	const fw_section *s = t->audit && key ? framework_section(t->audit, key) : NULL;
	return s ? s->title : NULL;
}

static const char *level_title(const titles *t, const char *principle, const char *level)
{
	const fw_section *s = t->audit && principle ? framework_section(t->audit, principle) : NULL;
	for (size_t i = 0; s && level && i < s->n_elements; i++)
		for (size_t k = 0; k < s->elements[i].n_levels; k++)
			if (!strcmp(s->elements[i].levels[k].key, level))
				return s->elements[i].levels[k].title;
	return NULL;
}

/* The number of steps of the model version a project was made with: the
 * installed file when it is that version, else the stored text. */
static int steps_total(titles *t, const char *id, const char *hash, int64_t *n, err *e)
{
	for (size_t i = 0; i < t->n_seen; i++)
		if (!strcmp(t->seen[i].hash, hash)) {
			*n = t->seen[i].steps;
			return 0;
		}
	const framework *installed = fw_registry_find(t->d->frameworks, id);
	if (installed && !strcmp(installed->hash, hash)) {
		*n = (int64_t)installed->n_elements;
	} else {
		bool changed;
		framework *fw = framework_version_load(t->d, id, hash, &changed, e);
		if (!fw)
			return -1;
		*n = (int64_t)fw->n_elements;
		framework_free(fw);
	}
	if (t->n_seen < sizeof t->seen / sizeof *t->seen) {
		snprintf(t->seen[t->n_seen].hash, sizeof t->seen[t->n_seen].hash, "%s", hash);
		t->seen[t->n_seen++].steps = *n;
	}
	return 0;
}

/* ---- rows to cells ---------------------------------------------------- */

static size_t org_cells(const export_org_row *r, cell *c)
{
	size_t n = 0;
	c[n++] = number_cell(r->id, true);
	c[n++] = text_cell(r->name);
	c[n++] = text_cell(r->sector);
	c[n++] = text_cell(r->type);
	c[n++] = text_cell(r->urn);
	c[n++] = text_cell(r->la_code);
	return n;
}

static size_t audit_cells(const titles *t, const export_audit_row *r, cell *c)
{
	size_t n = 0;
	c[n++] = number_cell(r->id, true);
	c[n++] = number_cell(r->first_id, true);
	c[n++] = number_cell(r->version, true);
	c[n++] = bool_cell(r->latest);
	c[n++] = bool_cell(r->status && !strcmp(r->status, "accepted"));
	c[n++] = number_cell(r->organisation_id, true);
	c[n++] = text_cell(r->organisation_name);
	c[n++] = number_cell(r->project_id, r->project_id != 0);
	c[n++] = text_cell(r->status);
	c[n++] = text_cell(r->service_area);
	c[n++] = text_cell(r->description);
	c[n++] = text_cell(r->audit_date);
	c[n++] = text_cell(r->outcome);
	c[n++] = text_cell(t->audit ? audit_outcome_title(t->audit, r->outcome) : NULL);
	c[n++] = text_cell(r->outcome_reason);
	c[n++] = text_cell(r->review_on);
	c[n++] = text_cell(r->submitted_at);
	c[n++] = text_cell(r->decided_at);
	c[n++] = text_cell(r->summary);
	c[n++] = text_cell(r->next_steps);
	c[n++] = text_cell(r->signed_by);
	c[n++] = text_cell(r->signed_on);
	return n;
}

static size_t level_cells(const titles *t, const export_level_row *r, cell *c)
{
	size_t n = 0;
	c[n++] = number_cell(r->audit_id, true);
	c[n++] = number_cell(r->organisation_id, true);
	c[n++] = text_cell(r->principle_key);
	c[n++] = text_cell(principle_title(t, r->principle_key));
	c[n++] = text_cell(r->level);
	c[n++] = text_cell(level_title(t, r->principle_key, r->level));
	c[n++] = number_cell(r->score, r->has_score);
	c[n++] = text_cell(r->notes);
	return n;
}

static int project_cells(titles *t, const export_project_row *r, cell *c, size_t *count, err *e)
{
	int64_t total;
	if (steps_total(t, r->framework_id, r->framework_hash, &total, e) < 0)
		return -1;
	const framework *model = fw_registry_find(t->d->frameworks, r->framework_id);
	size_t n = 0;
	c[n++] = number_cell(r->id, true);
	c[n++] = number_cell(r->organisation_id, true);
	c[n++] = text_cell(r->organisation_name);
	c[n++] = text_cell(r->framework_id);
	c[n++] = text_cell(model ? model->title : NULL);
	c[n++] = text_cell(r->title);
	c[n++] = text_cell(r->service_area);
	c[n++] = text_cell(r->starts_on);
	c[n++] = text_cell(r->ends_on);
	c[n++] = number_cell(r->steps_done, true);
	c[n++] = number_cell(total, true);
	*count = n;
	return 0;
}

/* ---- one table through a writer --------------------------------------- */

/* A format's writer: takes one row of cells at a time. */
typedef struct emitter emitter;
struct emitter {
	int (*row)(emitter *em, const cell *c, size_t n, err *e);
	titles *t;
	/* CSV */
	csv_writer csv;
	/* Excel */
	lxw_worksheet *sheet;
	lxw_row_t next_row;
	/* JSON: rows become objects in `array`; audits are also indexed by
	 * id so that their levels can join them. */
	enum area_table table;
	json_t *array, *index;
	bool nest_levels;
};

static int on_org(void *ctx, const export_org_row *r, err *e)
{
	emitter *em = ctx;
	cell c[MAX_COLUMNS];
	size_t n = org_cells(r, c);
	return em->row(em, c, n, e);
}

static int on_audit(void *ctx, const export_audit_row *r, err *e)
{
	emitter *em = ctx;
	cell c[MAX_COLUMNS];
	size_t n = audit_cells(em->t, r, c);
	return em->row(em, c, n, e);
}

static int on_level(void *ctx, const export_level_row *r, err *e)
{
	emitter *em = ctx;
	cell c[MAX_COLUMNS];
	size_t n = level_cells(em->t, r, c);
	return em->row(em, c, n, e);
}

static int on_project(void *ctx, const export_project_row *r, err *e)
{
	emitter *em = ctx;
	cell c[MAX_COLUMNS];
	size_t n;
	if (project_cells(em->t, r, c, &n, e) < 0)
		return -1;
	return em->row(em, c, n, e);
}

/* The self-evaluations come from the domain's counts (per cornerstone of
 * the installed tool), not a stream of store rows. */
static int evaluation_rows(domain *d, int64_t area, emitter *em, err *e)
{
	area_evaluations ev;
	if (area_evaluations_load(d, area, NULL, &ev, e) < 0)
		return -1;
	for (size_t i = 0; i < ev.n_orgs; i++) {
		const picture_evaluation *o = &ev.orgs[i];
		bool has = o->row.evaluation_id != 0;
		for (size_t s = 0; s < ev.fw->n_sections; s++) {
			const picture_cornerstone *k = &o->cornerstones[s];
			cell c[MAX_COLUMNS];
			size_t n = 0;
			c[n++] = number_cell(o->row.organisation_id, true);
			c[n++] = text_cell(o->row.name);
			c[n++] = number_cell(o->row.evaluation_id, has);
			c[n++] = text_cell(o->row.cycle);
			c[n++] = text_cell(o->row.status);
			c[n++] = text_cell(k->section->key);
			c[n++] = text_cell(k->section->title);
			c[n++] = number_cell((int64_t)k->statements, true);
			c[n++] = number_cell((int64_t)k->judged, has);
			c[n++] = number_cell((int64_t)k->indicators, true);
			c[n++] = number_cell((int64_t)k->evidenced, has);
			c[n++] = bool_cell(k->groups & GROUP_CYP);
			c[n++] = bool_cell(k->groups & GROUP_PARENTS);
			c[n++] = bool_cell(k->groups & GROUP_PRACTITIONERS);
			c[n++] = text_cell(o->changed_at);
			if (em->row(em, c, n, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int run_table(domain *d, int64_t area, enum area_table t, const export_audit_filter *f,
		     emitter *em, err *e)
{
	em->table = t;
	switch (t) {
	case AREA_ORGANISATIONS: return store_export_orgs(d->db, area, on_org, em, e);
	case AREA_AUDITS: return store_export_audits(d->db, area, f, on_audit, em, e);
	case AREA_LEVELS: return store_export_levels(d->db, area, f, on_level, em, e);
	case AREA_PROJECTS: return store_export_projects(d->db, area, on_project, em, e);
	case AREA_EVALUATIONS: return evaluation_rows(d, area, em, e);
	default: return err_set(e, ERR_INTERNAL, "unknown table %d (a bug in copro).", (int)t);
	}
}

/* ---- CSV -------------------------------------------------------------- */

void csv_writer_init(csv_writer *w, export_sink *sink, err *e)
{
	*w = (csv_writer){.sink = sink, .e = e};
}

static void csv_bytes(csv_writer *w, const char *bytes, size_t n)
{
	if (!w->failed && n && w->sink->write(w->sink->ctx, bytes, n, w->e) < 0)
		w->failed = 1;
}

static void csv_comma(csv_writer *w)
{
	if (w->column++)
		csv_bytes(w, ",", 1);
}

void csv_write_text(csv_writer *w, const char *s)
{
	csv_comma(w);
	if (!s || !*s)
		return;
	bool guard = strchr("=+-@\t\r", s[0]) != NULL;
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		csv_bytes(w, "\"", 1);
	if (guard)
		csv_bytes(w, "'", 1);
	if (!quote) {
		csv_bytes(w, s, strlen(s));
		return;
	}
	/* Each quote is written twice: the run up to and including it, then
	 * the quote again. */
	for (const char *p = s; *p;) {
		size_t run = strcspn(p, "\"");
		csv_bytes(w, p, run + (p[run] == '"'));
		if (p[run] == '"')
			csv_bytes(w, "\"", 1);
		p += run + (p[run] == '"');
	}
	csv_bytes(w, "\"", 1);
}

void csv_write_int(csv_writer *w, int64_t v)
{
	char buf[24];
	int n = snprintf(buf, sizeof buf, "%lld", (long long)v);
	csv_comma(w);
	csv_bytes(w, buf, (size_t)n);
}

void csv_write_end_row(csv_writer *w)
{
	csv_bytes(w, "\r\n", 2);
	w->column = 0;
}

static int csv_row(emitter *em, const cell *c, size_t n, err *e)
{
	(void)e;
	for (size_t i = 0; i < n; i++) {
		if (c[i].kind == CELL_TEXT)
			csv_write_text(&em->csv, c[i].text);
		else if (c[i].kind == CELL_BOOL)
			csv_write_text(&em->csv, c[i].has ? "true" : "false");
		else if (c[i].has)
			csv_write_int(&em->csv, c[i].number);
		else
			csv_write_text(&em->csv, NULL);
	}
	csv_write_end_row(&em->csv);
	return em->csv.failed ? -1 : 0;
}

int area_export_csv(domain *d, int64_t area, enum area_table t, export_sink *out, err *e)
{
	if ((int)t < 0 || t >= AREA_TABLES)
		return err_set(e, ERR_INTERNAL, "unknown table %d (a bug in copro).", (int)t);
	titles ti;
	titles_init(&ti, d);
	emitter em = {.row = csv_row, .t = &ti};
	csv_writer_init(&em.csv, out, e);
	for (const char *const *name = columns_of[t]; *name; name++)
		csv_write_text(&em.csv, *name);
	csv_write_end_row(&em.csv);
	if (em.csv.failed)
		return -1;
	return run_table(d, area, t, NULL, &em, e);
}

/* ---- Excel ------------------------------------------------------------ */

static int lxw_failed(lxw_error rc, const char *doing, err *e)
{
	return err_set(e, ERR_IO, "cannot %s in the Excel workbook: %s.", doing, lxw_strerror(rc));
}

static int xlsx_row(emitter *em, const cell *c, size_t n, err *e)
{
	lxw_row_t row = em->next_row++;
	for (size_t i = 0; i < n; i++) {
		lxw_col_t col = (lxw_col_t)i;
		lxw_error rc = LXW_NO_ERROR;
		if (c[i].kind == CELL_TEXT && c[i].text && *c[i].text)
			rc = worksheet_write_string(em->sheet, row, col, c[i].text, NULL);
		else if (c[i].kind == CELL_BOOL)
			rc = worksheet_write_boolean(em->sheet, row, col, c[i].has, NULL);
		else if (c[i].kind == CELL_NUMBER && c[i].has)
			rc = worksheet_write_number(em->sheet, row, col, (double)c[i].number, NULL);
		if (rc != LXW_NO_ERROR)
			return lxw_failed(rc, "write a cell", e);
	}
	return 0;
}

static int xlsx_sheet(domain *d, int64_t area, lxw_workbook *wb, lxw_format *bold,
		      enum area_table t, titles *ti, err *e)
{
	emitter em = {.row = xlsx_row, .t = ti};
	em.sheet = workbook_add_worksheet(wb, area_table_names[t]);
	if (!em.sheet)
		return err_set(e, ERR_IO, "cannot add the %s sheet to the Excel workbook.",
			       area_table_names[t]);
	lxw_col_t col = 0;
	for (const char *const *name = columns_of[t]; *name; name++, col++) {
		lxw_error rc = worksheet_write_string(em.sheet, 0, col, *name, bold);
		if (rc != LXW_NO_ERROR)
			return lxw_failed(rc, "write a heading", e);
	}
	lxw_error rc = worksheet_set_column(em.sheet, 0, (lxw_col_t)(col - 1), 16, NULL);
	if (rc != LXW_NO_ERROR)
		return lxw_failed(rc, "set the column widths", e);
	worksheet_freeze_panes(em.sheet, 1, 0);
	em.next_row = 1;
	return run_table(d, area, t, NULL, &em, e);
}

/* Copies the finished file to the sink. */
int export_send_file(const char *path, export_sink *out, err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, ERR_IO, "cannot read back the Excel workbook %s.", path);
	char buf[65536];
	size_t n;
	int rc = 0;
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, f)) > 0)
		rc = out->write(out->ctx, buf, n, e);
	if (rc == 0 && ferror(f))
		rc = err_set(e, ERR_IO, "cannot read back the Excel workbook %s.", path);
	fclose(f);
	return rc;
}

int export_temp_file(const char *name, char path[512], const char **dir, err *e)
{
	*dir = getenv("TMPDIR");
	if (!*dir || !**dir)
		*dir = "/tmp";
	if ((size_t)snprintf(path, 512, "%s/copro-%s-XXXXXX", *dir, name) >= 512)
		return err_set(e, ERR_IO, "the TMPDIR path is too long: set TMPDIR to a shorter directory.");
	int fd = mkstemp(path);
	if (fd < 0)
		return err_set(e, ERR_IO, "cannot make a temporary file in %s: check TMPDIR.", *dir);
	close(fd);
	return 0;
}

int area_export_xlsx(domain *d, int64_t area, export_sink *out, err *e)
{
	const char *dir;
	char path[512];
	if (export_temp_file("area", path, &dir, e) < 0)
		return -1;
	int rc = -1;
	/* constant_memory: each sheet's rows go to disk as they are written. */
	lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = (char *)dir};
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	if (!wb) {
		err_set(e, ERR_IO, "cannot start an Excel workbook in %s.", dir);
		goto done;
	}
	lxw_format *bold = workbook_add_format(wb);
	if (!bold) {
		err_set(e, ERR_IO, "cannot add a format to the Excel workbook.");
		workbook_close(wb);
		goto done;
	}
	format_set_bold(bold);
	titles ti;
	titles_init(&ti, d);
	for (int t = 0; t < AREA_TABLES; t++) {
		if (xlsx_sheet(d, area, wb, bold, (enum area_table)t, &ti, e) < 0) {
			workbook_close(wb);
			goto done;
		}
	}
	lxw_error closed = workbook_close(wb);
	if (closed != LXW_NO_ERROR) {
		lxw_failed(closed, "save the file", e);
		goto done;
	}
	rc = export_send_file(path, out, e);
done:
	unlink(path);
	return rc;
}

/* ---- JSON ------------------------------------------------------------- */

static int json_put(json_t *obj, const char *key, json_t *v, err *e)
{
	if (!v || json_object_set_new(obj, key, v) < 0)
		return err_set(e, ERR_INTERNAL,
			       "cannot write %s as JSON: the database holds text that is not UTF-8; restore from a backup.",
			       key);
	return 0;
}

static json_t *cells_json(const char *const *names, const cell *c, size_t n, err *e)
{
	json_t *obj = json_object();
	for (size_t i = 0; i < n; i++) {
		json_t *v;
		if (c[i].kind == CELL_TEXT)
			v = c[i].text ? json_string(c[i].text) : json_null();
		else if (c[i].kind == CELL_BOOL)
			v = json_boolean(c[i].has);
		else
			v = c[i].has ? json_integer((json_int_t)c[i].number) : json_null();
		if (json_put(obj, names[i], v, e) < 0) {
			json_decref(obj);
			return NULL;
		}
	}
	return obj;
}

static int json_row(emitter *em, const cell *c, size_t n, err *e)
{
	json_t *obj = cells_json(columns_of[em->table], c, n, e);
	if (!obj)
		return -1;
	if (em->table == AREA_AUDITS && em->index) {
		json_object_set_new(obj, "levels", json_array());
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)c[0].number);
		json_object_set(em->index, key, obj);
	}
	if (em->table == AREA_LEVELS && em->nest_levels) {
		/* A level joins its audit (the first cell is the audit id). */
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)c[0].number);
		json_t *audit = json_object_get(em->index, key);
		if (audit)
			json_array_append(json_object_get(audit, "levels"), obj);
		json_decref(obj);
		return 0;
	}
	json_array_append_new(em->array, obj);
	return 0;
}

/* {"format", "area": {"id", "name"}, "generated_at"}; NULL (e set) when
 * there is no such area. */
static json_t *document_head(domain *d, int64_t area, err *e)
{
	const char *name = NULL;
	int found = store_export_area_name(d->db, d->mem, area, &name, e);
	if (found < 0)
		return NULL;
	if (!found) {
		err_set(e, ERR_NOTFOUND, "there is no area %lld.", (long long)area);
		return NULL;
	}
	char now[21];
	time_now_iso(now);
	json_t *doc = json_pack("{s:s, s:{s:I, s:s?}, s:s}", "format", AREA_API_FORMAT, "area",
				"id", (json_int_t)area, "name", name, "generated_at", now);
	if (!doc)
		err_set(e, ERR_INTERNAL, "cannot build the JSON document (a bug in copro).");
	return doc;
}

/* The audits matching `f` into `array`, each with its levels. */
static int audits_with_levels(domain *d, int64_t area, const export_audit_filter *f,
			      titles *ti, json_t *array, err *e)
{
	emitter em = {.row = json_row, .t = ti, .array = array, .index = json_object()};
	int rc = run_table(d, area, AREA_AUDITS, f, &em, e);
	if (rc == 0) {
		em.nest_levels = true;
		rc = run_table(d, area, AREA_LEVELS, f, &em, e);
	}
	json_decref(em.index);
	return rc;
}

int area_api_document(domain *d, int64_t area, unsigned tables, const export_audit_filter *f,
		      json_t **out, err *e)
{
	*out = NULL;
	json_t *doc = document_head(d, area, e);
	if (!doc)
		return -1;
	if (f && f->since)
		json_object_set_new(doc, "since", json_string(f->since));
	titles ti;
	titles_init(&ti, d);
	for (int t = 0; t < AREA_TABLES; t++) {
		if (!(tables & (1u << t)))
			continue;
		json_t *array = json_array();
		json_object_set_new(doc, area_table_names[t], array);
		int rc;
		if (t == AREA_AUDITS) {
			rc = audits_with_levels(d, area, f, &ti, array, e);
		} else {
			emitter em = {.row = json_row, .t = &ti, .array = array};
			rc = run_table(d, area, (enum area_table)t, f, &em, e);
		}
		if (rc < 0) {
			json_decref(doc);
			return -1;
		}
	}
	*out = doc;
	return 0;
}

static int on_person(void *ctx, const export_person_row *r, err *e)
{
	json_t *p = json_object();
	json_array_append_new(ctx, p);
	if (json_put(p, "position", json_integer((json_int_t)r->position), e) < 0 ||
	    json_put(p, "name", json_string(r->name ? r->name : ""), e) < 0)
		return -1;
	return json_put(p, "designation", json_string(r->designation ? r->designation : ""), e);
}

static int on_event(void *ctx, const export_event_row *r, err *e)
{
	json_t *ev = json_object();
	json_array_append_new(ctx, ev);
	if (json_put(ev, "at", json_string(r->at ? r->at : ""), e) < 0 ||
	    json_put(ev, "by", json_string(r->user_name ? r->user_name : ""), e) < 0 ||
	    json_put(ev, "status", json_string(r->status ? r->status : ""), e) < 0)
		return -1;
	return json_put(ev, "comment", json_string(r->comment ? r->comment : ""), e);
}

int area_api_audit(domain *d, int64_t area, int64_t audit, json_t **out, err *e)
{
	*out = NULL;
	if (audit <= 0)
		return 0;
	json_t *doc = document_head(d, area, e);
	if (!doc)
		return -1;
	titles ti;
	titles_init(&ti, d);
	export_audit_filter f = {.audit = audit};
	json_t *found = json_array();
	int rc = audits_with_levels(d, area, &f, &ti, found, e);
	json_t *a = json_array_get(found, 0);
	if (rc == 0 && a) {
		json_t *people = json_array(), *history = json_array();
		json_object_set_new(a, "people", people);
		json_object_set_new(a, "history", history);
		rc = store_export_audit_people(d->db, audit, on_person, people, e);
		if (rc == 0)
			rc = store_export_audit_events(d->db, audit, on_event, history, e);
		json_object_set(doc, "audit", a);
	}
	json_decref(found);
	if (rc < 0 || !a) {
		json_decref(doc);
		return rc < 0 ? -1 : 0;
	}
	*out = doc;
	return 1;
}
