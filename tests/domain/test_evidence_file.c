/* test_evidence_file.c: files attached to evidence: the type decided from
 * the bytes alone (a bare ZIP, SVG and HTML refused whatever their
 * name), safe names, the 10 MB limit and the area's quota (refusals store
 * nothing), the activity log, and removal that deletes the bytes from the
 * database file itself. */
#include "testutil.h"

#include <zip.h>

#include "domain/account.h"
#include "domain/evidence_file.h"
#include "store/engine_pg.h"
#include "store/sql.h"
#include "domain/export.h"

static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
	'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89};
static const unsigned char jpeg[] = {0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1,
	0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9};

/* A ZIP of the named entries (name, content, ... NULL) in f's folder,
 * read back into the arena. */
static const char *zip_of(fixture *f, size_t *len, const char *const *entries)
{
	char path[160];
	snprintf(path, sizeof path, "%s/t.zip", f->dir);
	int zerr;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	assert_non_null(z);
	for (size_t i = 0; entries[i]; i += 2) {
		zip_source_t *src = zip_source_buffer(z, entries[i + 1], strlen(entries[i + 1]), 0);
		assert_true(zip_file_add(z, entries[i], src, ZIP_FL_ENC_UTF_8) >= 0);
		if (!strcmp(entries[i], "mimetype"))
			zip_set_file_compression(z, (zip_uint64_t)(i / 2), ZIP_CM_STORE, 0);
	}
	assert_int_equal(zip_close(z), 0);
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	char *buf = arena_alloc(&f->mem, 65536);
	*len = fread(buf, 1, 65536, in);
	fclose(in);
	return buf;
}

static void kind_is(const void *bytes, size_t n, const char *type, const char *words)
{
	file_kind k;
	err e = {0};
	if (evidence_file_kind(bytes, n, &k, &e) < 0)
		fail_msg("refused as %s: %s", type, e.msg);
	assert_string_equal(k.media_type, type);
	assert_string_equal(k.words, words);
}

static void kind_refused(const void *bytes, size_t n, const char *fragment)
{
	file_kind k;
	err e = {0};
	assert_int_equal(evidence_file_kind(bytes, n, &k, &e), -1);
	assert_int_equal(e.kind, ERR_INPUT);
	if (!strstr(e.msg, fragment))
		fail_msg("message \"%s\" lacks \"%s\"", e.msg, fragment);
}

static void the_bytes_decide_the_type(void **state)
{
	fixture *f = *state;
	kind_is(pdf, sizeof pdf - 1, "application/pdf", "PDF document");
	kind_is(png, sizeof png, "image/png", "PNG image");
	kind_is(jpeg, sizeof jpeg, "image/jpeg", "JPEG image");
	kind_is("Minutes of the meeting\nWe agreed to meet again.\n", 48, "text/plain", "Plain text");
	const char csv[] = "name,group,count\nCoffee morning,parents,12\nForum,parents,9\n";
	kind_is(csv, sizeof csv - 1, "text/csv", "CSV file");
	size_t n;
	const char *z = zip_of(f, &n, (const char *const[]){"[Content_Types].xml", "<Types/>",
		"_rels/.rels", "<r/>", "word/document.xml", "<w:document/>", NULL});
	kind_is(z, n, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document");
	z = zip_of(f, &n, (const char *const[]){"[Content_Types].xml", "<Types/>",
		"xl/workbook.xml", "<workbook/>", NULL});
	kind_is(z, n, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel spreadsheet");
	z = zip_of(f, &n, (const char *const[]){"mimetype", "application/vnd.oasis.opendocument.text",
		"content.xml", "<office:document-content/>", NULL});
	kind_is(z, n, "application/vnd.oasis.opendocument.text", "OpenDocument text");
	/* A ZIP that holds anything else is refused, and so is one that
	 * claims word/ without the content types. */
	z = zip_of(f, &n, (const char *const[]){"notes.txt", "hello", NULL});
	kind_refused(z, n, "ZIP archive");
	z = zip_of(f, &n, (const char *const[]){"word/document.xml", "<w:document/>", NULL});
	kind_refused(z, n, "ZIP archive");
	const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
	kind_refused(svg, sizeof svg - 1, "image/svg+xml");
	const char page[] = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>";
	kind_refused(page, sizeof page - 1, "text/html");
	const unsigned char exe[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0};
	kind_refused(exe, sizeof exe, "does not take");
	kind_refused("", 0, "empty");
}

static void names_are_made_safe(void **state)
{
	fixture *f = *state;
	arena *a = &f->mem;
	assert_string_equal(evidence_file_safe_name(a, "minutes.pdf", ".pdf"), "minutes.pdf");
	assert_string_equal(evidence_file_safe_name(a, "../../etc/passwd", ".txt"), "passwd.txt");
	assert_string_equal(evidence_file_safe_name(a, "C:\\Users\\me\\Survey results.PDF", ".pdf"),
			    "Survey results.PDF");
	assert_string_equal(evidence_file_safe_name(a, "a\"b;c\r\nd<e>.pdf", ".pdf"), "a_b_c__d_e_.pdf");
	assert_string_equal(evidence_file_safe_name(a, "page.html", ".txt"), "page.html.txt");
	assert_string_equal(evidence_file_safe_name(a, ".hidden", ".png"), "hidden.png");
	assert_string_equal(evidence_file_safe_name(a, "", ".pdf"), "file.pdf");
	assert_string_equal(evidence_file_safe_name(a, NULL, ".pdf"), "file.pdf");
	assert_string_equal(evidence_file_safe_name(a, "photo.jpeg", ".jpg"), "photo.jpeg");
	assert_string_equal(evidence_file_safe_name(a, "Écoute des élèves.pdf", ".pdf"), "Écoute des élèves.pdf");
	/* Long names are cut at a whole character, the extension kept. */
	char long_name[400] = "";
	for (int i = 0; i < 120; i++)
		strcat(long_name, "é");
	const char *cut = evidence_file_safe_name(a, long_name, ".pdf");
	assert_true(strlen(cut) <= 100);
	assert_string_equal(cut + strlen(cut) - 4, ".pdf");
	assert_int_equal((strlen(cut) - 4) % 2, 0);
}

static int64_t item(fixture *f, int64_t org)
{
	evidence_row ev = {.organisation_id = org, .title = "Forum minutes", .date = "2026-05-01",
			   .groups = GROUP_PARENTS};
	int64_t id;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	return id;
}

static void attach_keeps_bytes_hash_and_who(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), ev = item(f, org);
	user_row who = {.id = 0, .name = "Lee Lead"};
	evidence_file_row out;
	assert_int_equal(evidence_file_attach(&f->d, &who, org, ev, "../minutes", pdf, sizeof pdf - 1,
					      &out, &f->e), 0);
	assert_string_equal(out.name, "minutes.pdf");
	assert_int_equal(out.size, (int64_t)sizeof pdf - 1);
	unsigned char hash[32];
	char hex[65];
	crypto_hash_sha256(hash, (const unsigned char *)pdf, sizeof pdf - 1);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	evidence_file_row got;
	assert_int_equal(evidence_file_get(&f->d, org, ev, out.id, &got, &f->e), 0);
	assert_string_equal(got.sha256, hex);
	assert_string_equal(got.uploaded_by_name, "Lee Lead");
	assert_string_equal(got.media_type, "application/pdf");
	const unsigned char *bytes;
	assert_int_equal(evidence_file_bytes(&f->d, &got, &bytes, &f->e), 0);
	assert_memory_equal(bytes, pdf, sizeof pdf - 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what ="
				       " 'attached file minutes.pdf to evidence 1: Forum minutes'"), 1);
	/* Another organisation's id, or another item's, finds nothing. */
	int64_t other = fixture_org(f, "Neighbour");
	assert_int_equal(evidence_file_get(&f->d, other, ev, out.id, &got, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(evidence_file_get(&f->d, org, ev + 1, out.id, &got, &f->e), -1);
	/* And nothing can be attached to another organisation's item. */
	assert_int_equal(evidence_file_attach(&f->d, &who, other, ev, "x.pdf", pdf, sizeof pdf - 1,
					      &out, &f->e), -1);
}

static void refusals_store_nothing(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), ev = item(f, org);
	evidence_file_row out;
	int64_t before = test_count_rows(&f->db);
	const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
	assert_int_equal(evidence_file_attach(&f->d, NULL, org, ev, "chart.png", svg, sizeof svg - 1,
					      &out, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	size_t big = EVIDENCE_FILE_MAX + 1;
	char *bytes = arena_alloc(&f->mem, big);
	memcpy(bytes, pdf, sizeof pdf - 1);
	assert_int_equal(evidence_file_attach(&f->d, NULL, org, ev, "big.pdf", bytes, big, &out, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_TOO_LARGE);
	assert_non_null(strstr(f->e.msg, "up to 10 MB"));
	assert_int_equal(test_count_rows(&f->db), before);

	/* The quota: 10 MB for the area; 6 MB fits once, not twice. */
	assert_int_equal(file_quota_set(&f->d, NULL, fixture_org_area(f, org), 10, &f->e), 0);
	int64_t room, quota;
	assert_int_equal(evidence_file_room(&f->d, org, &room, &quota, &f->e), 0);
	assert_int_equal(quota, 10 * 1024 * 1024);
	assert_int_equal(evidence_file_attach(&f->d, NULL, org, ev, "a.pdf", bytes, 6 << 20, &out, &f->e), 0);
	before = test_count_rows(&f->db);
	assert_int_equal(evidence_file_attach(&f->d, NULL, org, ev, "b.pdf", bytes, 6 << 20, &out, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_TOO_LARGE);
	assert_non_null(strstr(f->e.msg, "10 MB of space (4 MB is left)"));
	assert_int_equal(test_count_rows(&f->db), before);
	assert_int_equal(file_quota_set(&f->d, NULL, fixture_org_area(f, org), 5, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
}

static bool holds(const char *buf, size_t n, const char *marker, size_t m)
{
	for (size_t i = 0; i + m <= n; i++)
		if (!memcmp(buf + i, marker, m))
			return true;
	return false;
}

static bool file_holds(const char *path, const char *marker)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return false;
	size_t m = strlen(marker), got;
	char buf[65536 + 64];
	size_t keep = 0;
	bool found = false;
	while (!found && (got = fread(buf + keep, 1, 65536, in)) > 0) {
		size_t n = keep + got;
		found = holds(buf, n, marker, m);
		keep = n < m ? n : m;
		memmove(buf, buf + n - keep, keep);
	}
	fclose(in);
	return found;
}

/* Removing a file deletes its bytes: secure_delete zeroes the pages they
 * took, so after a checkpoint the database file holds no trace. On
 * PostgreSQL (no file of copro's to read, and no secure_delete:
 * docs/postgresql.md) the rows go, which is what is checked there. */
static void sqlite_file_holds(fixture *f, bool expected)
{
	if (store_engine_is_pg(&f->db))
		return;
	assert_int_equal(sqlite3_exec(f->db.db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(file_holds(f->path, "SECRET-WORDS-1234"), expected);
}

/* notes.txt, 200,000 bytes of secret words, attached by Casey. */
static void casey_attaches_notes(fixture *f, user_row *who, evidence_file_row *out)
{
	int64_t org = fixture_org(f, "School"), ev = item(f, org);
	size_t n = 200000;
	char *text = arena_alloc(&f->mem, n);
	for (size_t i = 0; i < n; i++)
		text[i] = "SECRET-WORDS-1234 "[i % 18];
	*who = (user_row){.name = "Casey Contributor"};
	assert_int_equal(user_add(&f->d, who->name, "casey@example.org", "a long enough password",
				  "contributor", org, NULL, &who->id, &f->e), 0);
	if (evidence_file_attach(&f->d, who, org, ev, "notes.txt", text, n, out, &f->e) < 0)
		fail_msg("%s", f->e.msg);
}

static void removal_deletes_the_bytes(void **state)
{
	fixture *f = *state;
	evidence_file_row out;
	user_row who;
	casey_attaches_notes(f, &who, &out);
	sqlite_file_holds(f, true);
	assert_true(evidence_file_removable(&out, &who, false));
	user_row other = {.id = who.id + 1, .name = "Someone Else"};
	assert_false(evidence_file_removable(&out, &other, false));
	assert_true(evidence_file_removable(&out, &other, true));
	assert_int_equal(evidence_file_remove(&f->d, &who, &out, &f->e), 0);
	sqlite_file_holds(f, false);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM evidence_file_data"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what ="
				       " 'removed file notes.txt from evidence 1'"), 1);
	assert_int_equal(evidence_file_remove(&f->d, &who, &out, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
}

/* SQLite's secure_delete has no counterpart on PostgreSQL: a removal
 * there sends its own statements and no stand-in (a "SELECT 1" before and
 * after was two round trips, and after a refused DELETE the second ran in
 * the transaction PostgreSQL had ended, refused in the server's log).
 * libpq's trace of the connection shows each plain query sent. */
static void removal_on_postgresql_sends_no_stand_in(void **state)
{
	fixture *f = *state;
	if (!store_engine_is_pg(&f->db))
		skip();                 /* SQLite's pragmas are its own statements */
	evidence_file_row out;
	user_row who;
	casey_attaches_notes(f, &who, &out);
	FILE *trace = tmpfile();
	assert_non_null(trace);
	PQtrace(f->db.pg->conn, trace);
	assert_int_equal(evidence_file_remove(&f->d, &who, &out, &f->e), 0);
	PQuntrace(f->db.pg->conn);
	rewind(trace);
	char line[4096];
	int stand_ins = 0;
	while (fgets(line, sizeof line, trace))
		stand_ins += strstr(line, "Query") && strstr(line, "\"SELECT 1\"");
	fclose(trace);
	assert_int_equal(stand_ins, 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM evidence_file_data"), 0);
}

/* The export carries each file's bytes; importing it elsewhere gives
 * them back byte for byte. A file of format 5 (no files) still imports,
 * and a file whose bytes do not match their SHA-256 is refused whole. */
static void export_and_import_carry_files(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), ev = item(f, org);
	evidence_file_row a, b;
	user_row who = {.name = "Lee Lead"};
	assert_int_equal(evidence_file_attach(&f->d, &who, org, ev, "minutes.pdf", pdf, sizeof pdf - 1, &a, &f->e), 0);
	assert_int_equal(evidence_file_attach(&f->d, &who, org, ev, "chart.png", png, sizeof png, &b, &f->e), 0);
	char *text;
	assert_int_equal(org_export(&f->d, org, &text, &f->e), 0);
	assert_non_null(strstr(text, "\"format\": \"copro-export-6\""));
	test_exec(&f->db, "UPDATE organisation SET name = 'Old school'");
	int64_t copy;
	if (org_import(&f->d, text, strlen(text), &copy, &f->e) < 0)
		fail_msg("%s", f->e.msg);
	evidence_list items;
	assert_int_equal(evidence_of_org(&f->d, copy, &items, &f->e), 0);
	assert_int_equal(items.n, 1);
	evidence_file_list files;
	assert_int_equal(evidence_files_of(&f->d, items.items[0].id, &files, &f->e), 0);
	assert_int_equal(files.n, 2);
	const unsigned char *bytes;
	assert_string_equal(files.items[0].name, "minutes.pdf");
	assert_string_equal(files.items[0].uploaded_by_name, "Lee Lead");
	assert_int_equal(evidence_file_bytes(&f->d, &files.items[0], &bytes, &f->e), 0);
	assert_memory_equal(bytes, pdf, sizeof pdf - 1);
	assert_string_equal(files.items[1].media_type, "image/png");
	assert_int_equal(evidence_file_bytes(&f->d, &files.items[1], &bytes, &f->e), 0);
	assert_memory_equal(bytes, png, sizeof png);

	/* The same document as format 5, without files, and one with a
	 * changed byte (its checksum made again, as an editor would). */
	json_t *doc = json_loads(text, 0, NULL);
	free(text);
	json_t *damaged = json_deep_copy(doc);
	json_object_del(doc, "checksum");
	json_object_del(doc, "evidence_files");
	json_object_set_new(doc, "format", json_string("copro-export-5"));
	json_object_set_new(json_object_get(doc, "organisation"), "name", json_string("Format five"));
	char sum[72];
	assert_int_equal(export_checksum(doc, sum), 0);
	json_object_set_new(doc, "checksum", json_string(sum));
	text = json_dumps(doc, JSON_COMPACT);
	if (org_import(&f->d, text, strlen(text), &copy, &f->e) < 0)
		fail_msg("format 5: %s", f->e.msg);
	free(text);
	json_decref(doc);
	json_object_del(damaged, "checksum");
	json_object_set_new(json_object_get(damaged, "organisation"), "name", json_string("Damaged"));
	json_t *first = json_array_get(json_object_get(damaged, "evidence_files"), 0);
	json_object_set_new(first, "bytes", json_string("JVBERi0xLjUK"));
	json_object_set_new(first, "size", json_integer(9));
	assert_int_equal(export_checksum(damaged, sum), 0);
	json_object_set_new(damaged, "checksum", json_string(sum));
	text = json_dumps(damaged, JSON_COMPACT);
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(org_import(&f->d, text, strlen(text), &copy, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "evidence_files[0]'s bytes do not match its SHA-256"));
	assert_int_equal(test_count_rows(&f->db), before);
	free(text);
	json_decref(damaged);
}

static void words(void **state)
{
	fixture *f = *state;
	assert_string_equal(evidence_file_size_words(&f->mem, 1), "1 byte");
	assert_string_equal(evidence_file_size_words(&f->mem, 1000), "1000 bytes");
	assert_string_equal(evidence_file_size_words(&f->mem, 860000), "840 KB");
	assert_string_equal(evidence_file_size_words(&f->mem, 2516582), "2.4 MB");
	assert_string_equal(evidence_file_words("image/png"), "PNG image");
	assert_string_equal(evidence_file_words("application/x-unknown"), "File");
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(the_bytes_decide_the_type), T(names_are_made_safe), T(attach_keeps_bytes_hash_and_who),
		T(refusals_store_nothing), T(removal_deletes_the_bytes),
		T(removal_on_postgresql_sends_no_stand_in), T(export_and_import_carry_files), T(words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
