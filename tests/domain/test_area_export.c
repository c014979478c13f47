/* test_area_export.c: an area's exports: the CSV writer (RFC 4180 quoting
 * and the formula-injection guard), each table's columns and rows (this
 * area's only, never drafts, which version is latest), the Excel workbook,
 * and the API's JSON documents. Audits and projects are written straight
 * into the tables so that this test does not depend on their own code. */
#include "testutil.h"

#include "domain/account.h"
#include "domain/area_export.h"
#include "store/account.h"
#include "store/sql.h"

/* ---- a sink that keeps what it is given ------------------------------- */

typedef struct buffer {
	char *data;
	size_t len, cap;
	size_t fail_after;      /* > 0: refuse writes once this much is held */
} buffer;

static int buffer_write(void *ctx, const char *bytes, size_t n, err *e)
{
	buffer *b = ctx;
	if (b->fail_after && b->len + n > b->fail_after)
		return err_set(e, ERR_IO, "the disk is full (test)");
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->data = realloc(b->data, b->cap);
		assert_non_null(b->data);
	}
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

static export_sink sink_of(buffer *b)
{
	return (export_sink){buffer_write, b};
}

/* ---- test data, straight into the tables ------------------------------ */

typedef struct world {
	int64_t area, far_area;
	int64_t alpha, beta, far;               /* organisations */
	int64_t v1, v2, v3, beta1, far1;        /* audits */
	int64_t p_alpha, p_beta, p_far;         /* projects */
	const char *audit_hash, *model_hash;
} world;

typedef struct audit_in {
	int64_t org, first_id, version;
	const char *status, *outcome, *audit_date, *summary, *submitted_at, *decided_at;
} audit_in;

static int64_t add_audit(fixture *f, const world *w, audit_in a)
{
	int64_t id = test_write(&f->db,
		"INSERT INTO audit (organisation_id, framework_hash, first_id, version, status,"
		" outcome, audit_date, summary, next_steps, submitted_at, decided_at, created_at,"
		" updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Next', ?, ?, '2026-01-01T00:00:00Z',"
		" '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(a.org), sql_text(w->audit_hash), sql_id(a.first_id),
			 sql_int(a.version ? a.version : 1), sql_text(a.status), sql_text(a.outcome),
			 sql_text(a.audit_date), sql_text(a.summary), sql_text(a.submitted_at),
			 sql_text(a.decided_at)));
	if (!a.first_id)
		test_write(&f->db, "UPDATE audit SET first_id = id WHERE id = ?", SQL_ID_ARG(id));
	return id;
}

/* score -1: none. */
static void add_level(fixture *f, int64_t audit, const char *key, const char *level, int score,
		      const char *notes)
{
	test_write(&f->db,
		"INSERT INTO audit_principle (audit_id, principle_key, level, score, notes, updated_at)"
		" VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(audit), sql_text(key), sql_text(level),
			 score >= 0 ? sql_int(score) : sql_text(NULL), sql_text(notes)));
}

static int64_t add_project(fixture *f, int64_t org, const char *hash, const char *title,
			   int steps_done)
{
	int64_t id = test_write(&f->db,
		"INSERT INTO project (organisation_id, framework_id, framework_hash, title, starts_on,"
		" created_at, updated_at) VALUES (?, 'york-strategic-model', ?, ?, '2026-09-01',"
		" '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
		SQL_ARGS(sql_int(org), sql_text(hash), sql_text(title)));
	/* Done steps, and one step not done that must not count. */
	for (int i = 0; i <= steps_done; i++) {
		char key[8];
		snprintf(key, sizeof key, "%d", i + 1);
		test_write(&f->db, "INSERT INTO project_step (project_id, step_key, done, updated_at)"
			   " VALUES (?, ?, ?, '2026-01-01T00:00:00Z')",
			   SQL_ARGS(sql_int(id), sql_text(key), sql_int(i < steps_done)));
	}
	return id;
}

/* An older version of the strategic model with one step fewer, stored
 * under its own hash as if a project had been made with it. */
static const char *keep_older_model(fixture *f)
{
	const framework *fw = fw_registry_find(&f->frameworks, "york-strategic-model");
	json_t *doc = json_deep_copy(fw->doc);
	json_t *elements = json_object_get(json_array_get(json_object_get(doc, "sections"), 0), "elements");
	assert_int_equal(json_array_remove(elements, json_array_size(elements) - 1), 0);
	char *body = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(doc);
	const char *hash = "0000older0000";
	assert_int_equal(store_framework_version_put(&f->db, "york-strategic-model", hash, body,
						     "2025-01-01T00:00:00Z", &f->e), 0);
	free(body);
	return hash;
}

static world make_world(fixture *f)
{
	world w = {0};
	const framework *audit = fw_registry_find(&f->frameworks, "york-joint-partnership-audit");
	const framework *model = fw_registry_find(&f->frameworks, "york-strategic-model");
	assert_non_null(audit);
	assert_non_null(model);
	assert_int_equal(framework_version_keep(&f->d, audit, &f->e), 0);
	assert_int_equal(framework_version_keep(&f->d, model, &f->e), 0);
	w.audit_hash = audit->hash;
	w.model_hash = model->hash;
	w.alpha = fixture_org(f, "Alpha School");
	w.beta = fixture_org(f, "Beta Service");
	org_row far = {.name = "Far School", .sector = "education", .area = "Elsewhere"};
	assert_int_equal(org_add(&f->d, &far, &w.far, &f->e), 0);
	assert_int_equal(store_org_area(&f->db, w.alpha, &w.area, &f->e), 0);
	assert_int_equal(store_org_area(&f->db, w.far, &w.far_area, &f->e), 0);

	/* Alpha: version 1 returned, version 2 submitted, version 3 a draft. */
	w.v1 = add_audit(f, &w, (audit_in){.org = w.alpha, .status = "returned",
		.summary = "v1 summary", .submitted_at = "2026-10-02T09:00:00Z",
		.decided_at = "2026-10-05T09:00:00Z"});
	w.v2 = add_audit(f, &w, (audit_in){.org = w.alpha, .first_id = w.v1, .version = 2,
		.status = "submitted", .summary = "=cmd|' /C calc'!A0",
		.submitted_at = "2026-11-02T09:00:00Z"});
	w.v3 = add_audit(f, &w, (audit_in){.org = w.alpha, .first_id = w.v1, .version = 3,
		.status = "draft", .summary = "DRAFT-TEXT"});
	w.beta1 = add_audit(f, &w, (audit_in){.org = w.beta, .status = "accepted", .outcome = "good",
		.audit_date = "2026-08-30", .summary = "plain, with comma",
		.submitted_at = "2026-09-01T09:00:00Z", .decided_at = "2026-12-01T09:00:00Z"});
	w.far1 = add_audit(f, &w, (audit_in){.org = w.far, .status = "submitted",
		.summary = "FAR-TEXT", .submitted_at = "2026-11-01T09:00:00Z"});
	add_level(f, w.v1, "1", "room-for-improvement", 1, "");
	add_level(f, w.v2, "2", "excellent", -1, "");
	add_level(f, w.v2, "1", "good", 2, "Saw \"you said, we did\"");
	add_level(f, w.v3, "1", "good", 2, "DRAFT-TEXT");
	add_level(f, w.beta1, "6", "good", 3, "");
	add_level(f, w.far1, "1", "good", 2, "FAR-TEXT");
	char sql[300];
	snprintf(sql, sizeof sql,
		 "INSERT INTO audit_person VALUES (%lld, 2, 'Bo Lee', 'Parent carer');"
		 "INSERT INTO audit_person VALUES (%lld, 1, 'Ann Smith', 'SENCO');"
		 "INSERT INTO audit_event (audit_id, at, user_name, status, comment)"
		 " VALUES (%lld, '2026-11-02T09:00:00Z', 'Ann Smith', 'submitted', '');",
		 (long long)w.v2, (long long)w.v2, (long long)w.v2);
	test_exec(&f->db, sql);

	w.p_alpha = add_project(f, w.alpha, w.model_hash, "+SUM(A1)", 2);
	w.p_beta = add_project(f, w.beta, keep_older_model(f), "Short breaks", 0);
	w.p_far = add_project(f, w.far, w.model_hash, "FAR-TEXT", 1);
	return w;
}

static char *csv_of(fixture *f, int64_t area, enum area_table t)
{
	buffer b = {0};
	export_sink s = sink_of(&b);
	assert_int_equal(area_export_csv(&f->d, area, t, &s, &f->e), 0);
	return b.data;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, "\r\n")); p += 2)
		n++;
	return n;
}

/* ---- the CSV writer --------------------------------------------------- */

static void csv_quoting_and_guard(void **state)
{
	(void)state;
	buffer b = {0};
	export_sink s = sink_of(&b);
	err e = {0};
	csv_writer w;
	csv_writer_init(&w, &s, &e);
	const char *fields[] = {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "=1+2",
				"+44 1904", "-5", "@SUM(A1)", "\tTab", "\rCR", "caf\xc3\xa9", "", NULL,
				"x=1", "\"", "=a,b"};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		csv_write_text(&w, fields[i]);
	csv_write_int(&w, -5);
	csv_write_end_row(&w);
	csv_write_text(&w, "second");
	csv_write_end_row(&w);
	assert_int_equal(w.failed, 0);
	assert_string_equal(b.data,
		"plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",'=1+2,"
		"'+44 1904,'-5,'@SUM(A1),'\tTab,\"'\rCR\",caf\xc3\xa9,,,"
		"x=1,\"\"\"\",\"'=a,b\",-5\r\n"
		"second\r\n");
	free(b.data);
}

static void csv_write_failure_is_reported(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	buffer b = {.fail_after = 300};
	export_sink s = sink_of(&b);
	assert_int_equal(area_export_csv(&f->d, w.area, AREA_AUDITS, &s, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "the disk is full"));
	free(b.data);
}

/* ---- the tables --------------------------------------------------------- */

static void audits_csv(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	char *csv = csv_of(f, w.area, AREA_AUDITS);
	const char *header =
		"id,first_id,version,latest,accepted,organisation_id,organisation_name,project_id,"
		"status,service_area,description,audit_date,outcome,outcome_title,outcome_reason,"
		"review_on,submitted_at,decided_at,summary,next_steps,signed_by,signed_on\r\n";
	assert_memory_equal(csv, header, strlen(header));
	/* Alpha's two submitted versions and Beta's: no draft, nothing of
	 * another area. */
	assert_int_equal(count_lines(csv), 4);
	assert_null(strstr(csv, "DRAFT-TEXT"));
	assert_null(strstr(csv, "FAR-TEXT"));
	char *want = arena_printf(&f->mem,
		"\r\n%lld,%lld,1,false,false,%lld,Alpha School,,returned,,,,,,,,"
		"2026-10-02T09:00:00Z,2026-10-05T09:00:00Z,v1 summary,Next,,\r\n"
		"%lld,%lld,2,true,false,%lld,Alpha School,,submitted,,,,,,,,"
		"2026-11-02T09:00:00Z,,'=cmd|' /C calc'!A0,Next,,\r\n"
		"%lld,%lld,1,true,true,%lld,Beta Service,,accepted,,,2026-08-30,good,Good,,,"
		"2026-09-01T09:00:00Z,2026-12-01T09:00:00Z,\"plain, with comma\",Next,,\r\n",
		(long long)w.v1, (long long)w.v1, (long long)w.alpha,
		(long long)w.v2, (long long)w.v1, (long long)w.alpha,
		(long long)w.beta1, (long long)w.beta1, (long long)w.beta);
	assert_string_equal(strstr(csv, "\r\n"), want);
	free(csv);
}

static void latest_ignores_drafts_and_follows_submissions(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	/* Once version 3 is submitted, it is the latest and version 2 is not. */
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE audit SET status = 'submitted',"
		 " submitted_at = '2026-12-24T09:00:00Z' WHERE id = %lld", (long long)w.v3);
	test_exec(&f->db, sql);
	json_t *doc;
	assert_int_equal(area_api_document(&f->d, w.area, 1u << AREA_AUDITS, NULL, &doc, &f->e), 0);
	json_t *audits = json_object_get(doc, "audits");
	assert_int_equal(json_array_size(audits), 4);
	int latest = 0;
	size_t i;
	json_t *a;
	json_array_foreach(audits, i, a) {
		json_int_t id = json_integer_value(json_object_get(a, "id"));
		bool is_latest = json_is_true(json_object_get(a, "latest"));
		assert_true(is_latest == (id == w.v3 || id == w.beta1));
		latest += is_latest;
	}
	assert_int_equal(latest, 2);
	json_decref(doc);
}

static void levels_csv(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	char *csv = csv_of(f, w.area, AREA_LEVELS);
	const framework *fw = fw_registry_find(&f->frameworks, "york-joint-partnership-audit");
	const fw_section *p1 = framework_section(fw, "1"), *p6 = framework_section(fw, "6");
	/* Titles from the instrument (principle 1's holds a comma: quoted). */
	char *want = arena_printf(&f->mem,
		"audit_id,organisation_id,principle,principle_title,level,level_title,score,notes\r\n"
		"%lld,%lld,1,\"%s\",room-for-improvement,Room for Improvement,1,\r\n"
		"%lld,%lld,1,\"%s\",good,Good,2,\"Saw \"\"you said, we did\"\"\"\r\n"
		"%lld,%lld,2,%s,excellent,Excellent,,\r\n"
		"%lld,%lld,6,%s,good,Good,3,\r\n",
		(long long)w.v1, (long long)w.alpha, p1->title,
		(long long)w.v2, (long long)w.alpha, p1->title,
		(long long)w.v2, (long long)w.alpha, framework_section(fw, "2")->title,
		(long long)w.beta1, (long long)w.beta, p6->title);
	assert_non_null(strchr(p1->title, ','));
	assert_null(strpbrk(p6->title, ",\""));
	assert_null(strpbrk(framework_section(fw, "2")->title, ",\""));
	assert_string_equal(csv, want);
	free(csv);
}

static void projects_and_organisations_csv(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	const framework *model = fw_registry_find(&f->frameworks, "york-strategic-model");
	char *csv = csv_of(f, w.area, AREA_PROJECTS);
	/* Steps total from the version each project was made with: the
	 * installed model's for Alpha, the older stored one (a step fewer)
	 * for Beta. */
	char *want = arena_printf(&f->mem,
		"id,organisation_id,organisation_name,model,model_title,title,service_area,"
		"starts_on,ends_on,steps_done,steps_total\r\n"
		"%lld,%lld,Alpha School,york-strategic-model,%s,'+SUM(A1),,2026-09-01,,2,%zu\r\n"
		"%lld,%lld,Beta Service,york-strategic-model,%s,Short breaks,,2026-09-01,,0,%zu\r\n",
		(long long)w.p_alpha, (long long)w.alpha, model->title, model->n_elements,
		(long long)w.p_beta, (long long)w.beta, model->title, model->n_elements - 1);
	assert_null(strpbrk(model->title, ",\"\r\n"));
	assert_string_equal(csv, want);
	free(csv);

	csv = csv_of(f, w.area, AREA_ORGANISATIONS);
	want = arena_printf(&f->mem, "id,name,sector,type,urn,la_code\r\n"
		"%lld,Alpha School,education,,,\r\n%lld,Beta Service,education,,,\r\n",
		(long long)w.alpha, (long long)w.beta);
	assert_string_equal(csv, want);
	free(csv);

	/* Another area sees only its own. */
	csv = csv_of(f, w.far_area, AREA_PROJECTS);
	assert_int_equal(count_lines(csv), 2);
	assert_non_null(strstr(csv, "FAR-TEXT"));
	free(csv);
}

static void an_area_with_nothing_gets_headers(void **state)
{
	fixture *f = *state;
	int64_t area;
	char now[21];
	time_now_iso(now);
	assert_int_equal(store_area_by_name(&f->db, "Empty Area", now, &area, &f->e), 0);
	for (int t = 0; t < AREA_TABLES; t++) {
		char *csv = csv_of(f, area, (enum area_table)t);
		assert_int_equal(count_lines(csv), 1);
		assert_memory_equal(csv, area_table_columns((enum area_table)t)[0],
				    strlen(area_table_columns((enum area_table)t)[0]));
		free(csv);
	}
	assert_int_equal(area_table_parse("levels"), AREA_LEVELS);
	assert_int_equal(area_table_parse("people"), -1);
	assert_int_equal(area_table_parse(NULL), -1);
}

/* ---- Excel ---------------------------------------------------------------- */

static bool bytes_contain(const buffer *b, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= b->len; i++)
		if (!memcmp(b->data + i, s, n))
			return true;
	return false;
}

/* The text of one member of the workbook, through unzip; NULL when unzip
 * is not installed. */
static char *unzip_member(fixture *f, const buffer *b, const char *member)
{
	if (system("command -v unzip >/dev/null 2>&1") != 0)
		return NULL;
	char path[200], cmd[400];
	snprintf(path, sizeof path, "%s/area.xlsx", f->dir);
	FILE *out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(b->data, 1, b->len, out), b->len);
	fclose(out);
	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s'", path, member);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	buffer text = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buffer_write(&text, chunk, n, &f->e);
	assert_int_equal(pclose(p), 0);
	return text.data;
}

static size_t temp_files(const char *dir)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "ls '%s' | grep -c '^copro-area-'", dir);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = 0;
	if (fscanf(p, "%zu", &n) != 1)
		n = 999;
	pclose(p);
	return n;
}

static void xlsx_workbook(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	const char *old = getenv("TMPDIR");
	char *saved = old ? strdup(old) : NULL;
	setenv("TMPDIR", f->dir, 1);
	buffer b = {0};
	export_sink s = sink_of(&b);
	assert_int_equal(area_export_xlsx(&f->d, w.area, &s, &f->e), 0);
	/* The temporary file is gone. */
	assert_int_equal(temp_files(f->dir), 0);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	assert_true(b.len > 1000);
	assert_memory_equal(b.data, "PK\x03\x04", 4);
	/* Zip entry names are stored as they are: five sheets. */
	assert_true(bytes_contain(&b, "xl/workbook.xml"));
	assert_true(bytes_contain(&b, "xl/worksheets/sheet5.xml"));
	assert_false(bytes_contain(&b, "xl/worksheets/sheet6.xml"));
	char *workbook = unzip_member(f, &b, "xl/workbook.xml");
	if (workbook) {
		const char *names[] = {"organisations", "audits", "levels", "projects", "evaluations"};
		const char *at = workbook;
		for (int i = 0; i < 5; i++) {
			char want[64];
			snprintf(want, sizeof want, "<sheet name=\"%s\"", names[i]);
			at = strstr(at, want);
			if (!at)
				fail_msg("no sheet %s (in order) in %s", names[i], workbook);
		}
		free(workbook);
		char *audits = unzip_member(f, &b, "xl/worksheets/sheet2.xml");
		/* Frozen header; the version (C3) a number, latest (D3) a
		 * boolean, the summary text and never a formula; no draft,
		 * nothing of another area. */
		assert_non_null(strstr(audits, "<pane ySplit=\"1\""));
		assert_non_null(strstr(audits, "<c r=\"C3\"><v>2</v></c>"));
		assert_non_null(strstr(audits, "<c r=\"D3\" t=\"b\"><v>1</v></c>"));
		assert_non_null(strstr(audits, "=cmd|' /C calc'!A0"));
		assert_null(strstr(audits, "<f>"));
		assert_null(strstr(audits, "DRAFT-TEXT"));
		assert_null(strstr(audits, "FAR-TEXT"));
		free(audits);
		char *styles = unzip_member(f, &b, "xl/styles.xml");
		assert_non_null(strstr(styles, "<b/>"));
		free(styles);
	}
	free(b.data);
}

static void xlsx_in_a_missing_tmpdir_fails_clearly(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	const char *old = getenv("TMPDIR");
	char *saved = old ? strdup(old) : NULL;
	setenv("TMPDIR", "/nonexistent/copro", 1);
	buffer b = {0};
	export_sink s = sink_of(&b);
	assert_int_equal(area_export_xlsx(&f->d, w.area, &s, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "TMPDIR"));
	assert_int_equal(b.len, 0);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
}

/* ---- JSON ------------------------------------------------------------- */

static void json_documents(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	json_t *doc;
	unsigned all = 1u << AREA_ORGANISATIONS | 1u << AREA_AUDITS | 1u << AREA_PROJECTS;
	assert_int_equal(area_api_document(&f->d, w.area, all, NULL, &doc, &f->e), 0);
	assert_string_equal(json_string_value(json_object_get(doc, "format")), "copro-api-1");
	assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "area"), "name")),
			    "Test Area");
	assert_null(json_object_get(doc, "levels"));
	assert_int_equal(json_array_size(json_object_get(doc, "organisations")), 2);
	assert_int_equal(json_array_size(json_object_get(doc, "projects")), 2);
	json_t *audits = json_object_get(doc, "audits");
	assert_int_equal(json_array_size(audits), 3);
	/* Version 2 carries its two levels, by principle; a missing score is
	 * null; ids are numbers and flags booleans. */
	json_t *v2 = json_array_get(audits, 1);
	assert_int_equal(json_integer_value(json_object_get(v2, "id")), w.v2);
	assert_true(json_is_null(json_object_get(v2, "outcome")));
	assert_true(json_is_null(json_object_get(v2, "project_id")));
	json_t *levels = json_object_get(v2, "levels");
	assert_int_equal(json_array_size(levels), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(levels, 0), "principle")), "1");
	assert_true(json_is_null(json_object_get(json_array_get(levels, 1), "score")));
	/* Summaries are data in JSON: no apostrophe guard. */
	assert_string_equal(json_string_value(json_object_get(v2, "summary")), "=cmd|' /C calc'!A0");
	char *text = json_dumps(doc, 0);
	assert_null(strstr(text, "DRAFT-TEXT"));
	assert_null(strstr(text, "FAR-TEXT"));
	free(text);
	json_decref(doc);

	/* since: submitted or decided on or after that day. */
	export_audit_filter since = {.since = "2026-11-02"};
	assert_int_equal(area_api_document(&f->d, w.area, 1u << AREA_AUDITS, &since, &doc, &f->e), 0);
	audits = json_object_get(doc, "audits");
	assert_int_equal(json_array_size(audits), 2);       /* v2 (submitted), Beta (decided) */
	assert_int_equal(json_integer_value(json_object_get(json_array_get(audits, 0), "id")), w.v2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(audits, 1), "id")), w.beta1);
	assert_string_equal(json_string_value(json_object_get(doc, "since")), "2026-11-02");
	json_decref(doc);

	assert_int_equal(area_api_document(&f->d, 99999, all, NULL, &doc, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_null(doc);
}

static void one_audit(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	json_t *doc;
	assert_int_equal(area_api_audit(&f->d, w.area, w.v2, &doc, &f->e), 1);
	json_t *a = json_object_get(doc, "audit");
	assert_int_equal(json_integer_value(json_object_get(a, "version")), 2);
	assert_int_equal(json_integer_value(json_object_get(a, "first_id")), w.v1);
	assert_int_equal(json_array_size(json_object_get(a, "levels")), 2);
	json_t *people = json_object_get(a, "people");
	assert_int_equal(json_array_size(people), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(people, 0), "name")), "Ann Smith");
	assert_string_equal(json_string_value(json_object_get(json_array_get(people, 1), "designation")),
			    "Parent carer");
	json_t *history = json_object_get(a, "history");
	assert_int_equal(json_array_size(history), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(history, 0), "status")),
			    "submitted");
	json_decref(doc);
	/* A draft, another area's audit, and no audit at all are not found. */
	assert_int_equal(area_api_audit(&f->d, w.area, w.v3, &doc, &f->e), 0);
	assert_null(doc);
	assert_int_equal(area_api_audit(&f->d, w.area, w.far1, &doc, &f->e), 0);
	assert_int_equal(area_api_audit(&f->d, w.area, 99999, &doc, &f->e), 0);
	assert_int_equal(area_api_audit(&f->d, w.far_area, w.far1, &doc, &f->e), 1);
	json_decref(doc);
}

/* A stored model text that is lost is an error, not a made-up count. */
static void lost_model_version_is_an_error(void **state)
{
	fixture *f = *state;
	world w = make_world(f);
	/* The foreign key would refuse it: off for this change alone (on
	 * PostgreSQL by the replica role, under which no trigger fires). */
	test_exec(&f->db, SQL_DIALECT(&f->db, "PRAGMA foreign_keys = OFF;"
		"UPDATE project SET framework_hash = 'gone' WHERE title = 'Short breaks';"
		"PRAGMA foreign_keys = ON",
		"SET session_replication_role = replica;"
		"UPDATE project SET framework_hash = 'gone' WHERE title = 'Short breaks';"
		"SET session_replication_role = DEFAULT"));
	buffer b = {0};
	export_sink s = sink_of(&b);
	assert_int_equal(area_export_csv(&f->d, w.area, AREA_PROJECTS, &s, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "lost the text"));
	free(b.data);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_quoting_and_guard), T(csv_write_failure_is_reported),
		T(audits_csv), T(latest_ignores_drafts_and_follows_submissions), T(levels_csv),
		T(projects_and_organisations_csv), T(an_area_with_nothing_gets_headers),
		T(xlsx_workbook), T(xlsx_in_a_missing_tmpdir_fails_clearly), T(json_documents),
		T(one_audit), T(lost_model_version_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
