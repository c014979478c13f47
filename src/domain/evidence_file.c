/* evidence_file.c: files attached to evidence. The bytes alone decide
 * what a file is: libmagic names it, and for the ZIP-based documents
 * (DOCX, XLSX, ODT) libzip looks inside, so that neither a bare ZIP nor a
 * file that only claims a name gets in. */
#include "domain/evidence_file.h"

#include <magic.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "core/text.h"
#include "domain/account.h"
#include "domain/internal.h"
#include "store/account.h"

/* One magic_t for the process, behind a lock: loading the magic database
 * takes a few milliseconds and megabytes, a look at a file far less, and
 * files arrive one at a time. A magic_t is not safe to share unlocked. */
static pthread_mutex_t magic_lock = PTHREAD_MUTEX_INITIALIZER;
static magic_t cookie;

static const char *magic_type(const void *bytes, size_t n, char *buf, size_t size)
{
	const char *type = NULL;
	pthread_mutex_lock(&magic_lock);
	if (!cookie) {
		cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS);
		if (cookie && magic_load(cookie, NULL) != 0) {
			magic_close(cookie);
			cookie = NULL;
		}
	}
	if (cookie)
		type = magic_buffer(cookie, bytes, n);
	if (type)
		snprintf(buf, size, "%s", type);
	pthread_mutex_unlock(&magic_lock);
	return type ? buf : NULL;
}

static const file_kind kinds[] = {
	{"application/pdf", "PDF document", ".pdf"},
	{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", ".docx"},
	{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel spreadsheet", ".xlsx"},
	{"application/vnd.oasis.opendocument.text", "OpenDocument text", ".odt"},
	{"image/png", "PNG image", ".png"},
	{"image/jpeg", "JPEG image", ".jpg"},
	{"text/plain", "Plain text", ".txt"},
	{"text/csv", "CSV file", ".csv"},
};
enum { K_DOCX = 1, K_XLSX = 2, K_ODT = 3 };
#define N_KINDS (sizeof kinds / sizeof *kinds)

static bool zip_has(zip_t *z, const char *name)
{
	return zip_name_locate(z, name, 0) >= 0;
}

/* An ODF file's first entry, "mimetype", holds its type. */
static bool zip_mimetype_is(zip_t *z, const char *want)
{
	char buf[80] = {0};
	zip_file_t *f = zip_fopen(z, "mimetype", 0);
	if (!f)
		return false;
	zip_int64_t got = zip_fread(f, buf, sizeof buf - 1);
	zip_fclose(f);
	return got > 0 && (size_t)got == strlen(want) && !memcmp(buf, want, (size_t)got);
}

/* Which document a ZIP holds: K_DOCX, K_XLSX, K_ODT, or -1 (a bare ZIP,
 * or one libzip cannot open). */
static int zip_kind(const void *bytes, size_t n)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(bytes, n, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
	int kind = -1;
	if (!z) {
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return -1;
	}
	if (zip_has(z, "[Content_Types].xml") && zip_has(z, "word/document.xml"))
		kind = K_DOCX;
	else if (zip_has(z, "[Content_Types].xml") && zip_has(z, "xl/workbook.xml"))
		kind = K_XLSX;
	else if (zip_mimetype_is(z, kinds[K_ODT].media_type) && zip_has(z, "content.xml"))
		kind = K_ODT;
	zip_discard(z);
	zip_error_fini(&ze);
	return kind;
}

static bool is_zip_family(const char *type)
{
	return !strcmp(type, "application/zip") || !strcmp(type, kinds[K_DOCX].media_type) ||
	       !strcmp(type, kinds[K_XLSX].media_type) || !strcmp(type, kinds[K_ODT].media_type) ||
	       !strncmp(type, "application/vnd.openxmlformats", 30) ||
	       !strncmp(type, "application/vnd.oasis.opendocument", 34);
}

#define TAKES "copro takes PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt)," \
	" PNG and JPEG images, plain text and CSV files"

int evidence_file_kind(const void *bytes, size_t n, file_kind *out, err *e)
{
	memset(out, 0, sizeof *out);
	if (n == 0)
		return err_set(e, ERR_INPUT, "the file is empty: choose a file with something in it.");
	char buf[128];
	const char *type = magic_type(bytes, n, buf, sizeof buf);
	if (!type)
		return err_set(e, ERR_INTERNAL, "copro cannot read file types (libmagic's database did not load): tell your administrator.");
	if (is_zip_family(type)) {
		int k = zip_kind(bytes, n);
		if (k < 0)
			return err_set(e, ERR_INPUT, "the file is a ZIP archive, not a document: %s. Attach the documents themselves.", TAKES);
		*out = kinds[k];
		return 0;
	}
	for (size_t i = 0; i < N_KINDS; i++)
		if (i != K_DOCX && i != K_XLSX && i != K_ODT && !strcmp(type, kinds[i].media_type)) {
			*out = kinds[i];
			return 0;
		}
	return err_set(e, ERR_INPUT, "the file's contents are %s, which copro does not take: %s.",
		       type, TAKES);
}

const char *evidence_file_words(const char *media_type)
{
	for (size_t i = 0; media_type && i < N_KINDS; i++)
		if (!strcmp(media_type, kinds[i].media_type))
			return kinds[i].words;
	return "File";
}

const char *evidence_file_size_words(arena *a, int64_t bytes)
{
	if (bytes < 1024)
		return arena_printf(a, "%lld byte%s", (long long)bytes, bytes == 1 ? "" : "s");
	if (bytes < 1024 * 1024)
		return arena_printf(a, "%lld KB", (long long)((bytes + 1023) / 1024));
	double mb = (double)bytes / (1024.0 * 1024.0);
	if (bytes % (1024 * 1024) == 0)
		return arena_printf(a, "%.0f MB", mb);  /* "200 MB", not "200.0 MB" */
	return arena_printf(a, "%.1f MB", mb);
}

/* Letters and digits of any script (UTF-8 bytes from 0x80), and a few
 * marks that mean nothing to a shell, a header or a file system. */
static bool name_char_ok(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || strchr(" ._-()", c) != NULL;
}

static bool ends_with_ci(const char *s, size_t len, const char *tail)
{
	size_t t = strlen(tail);
	return len >= t && !strncasecmp(s + len - t, tail, t);
}

#define NAME_MAX_BYTES 100

/* n cut back to a whole UTF-8 character, without trailing spaces or dots
 * (which Windows drops). */
static size_t whole_chars(const char *s, size_t n)
{
	size_t end = n;
	while (end && ((unsigned char)s[end - 1] & 0xC0) == 0x80)
		end--;
	if (end && ((unsigned char)s[end - 1] & 0x80)) {
		unsigned char lead = (unsigned char)s[end - 1];
		size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
		n = n - (end - 1) == want ? n : end - 1;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
		n--;
	return n;
}

const char *evidence_file_safe_name(arena *a, const char *name, const char *extension)
{
	const char *base = name && utf8_valid(name, strlen(name)) ? name : "";
	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	char out[NAME_MAX_BYTES + 1];
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)base; *p && n < NAME_MAX_BYTES; p++) {
		char c = name_char_ok(*p) ? (char)*p : '_';
		if ((c == ' ' || c == '.') && n == 0)
			continue;       /* no hidden files, no leading spaces */
		out[n++] = c;
	}
	const char *ext = extension ? extension : "";
	bool jpeg = !strcmp(ext, ".jpg") && ends_with_ci(out, n, ".jpeg");
	bool add_ext = *ext && !ends_with_ci(out, n, ext) && !jpeg;
	if (add_ext && n > NAME_MAX_BYTES - strlen(ext))
		n = NAME_MAX_BYTES - strlen(ext);
	n = whole_chars(out, n);
	out[n] = '\0';
	if (!n)
		return arena_printf(a, "file%s", ext);
	if (add_ext)
		return arena_printf(a, "%s%s", out, ext);
	return arena_strdup(a, out);
}

int file_quota_of_area(domain *d, int64_t area, int *mb, err *e)
{
	return store_file_quota_get(d->db, area, mb, e);
}

int evidence_file_room(domain *d, int64_t org, int64_t *room, int64_t *quota, err *e)
{
	int64_t area = 0, used = 0;
	int mb = FILE_QUOTA_DEFAULT_MB;
	if (store_org_area(d->db, org, &area, e) < 0 ||
	    (area && store_file_quota_get(d->db, area, &mb, e) < 0) ||
	    store_evidence_file_usage(d->db, org, &used, e) < 0)
		return -1;
	*quota = (int64_t)mb * 1024 * 1024;
	*room = used < *quota ? *quota - used : 0;
	return 0;
}

static int check_room(domain *d, int64_t org, size_t n, err *e)
{
	int64_t room, quota;
	if (evidence_file_room(d, org, &room, &quota, e) < 0)
		return -1;
	if ((int64_t)n <= room)
		return 0;
	return err_set(e, ERR_TOO_LARGE,
		       "the organisation's files would take more than its %s of space (%s is left): remove files it no longer needs, or ask the area's administrator to raise the quota.",
		       evidence_file_size_words(d->mem, quota), evidence_file_size_words(d->mem, room));
}

int evidence_file_attach(domain *d, const user_row *who, int64_t org, int64_t evidence,
			 const char *name, const void *bytes, size_t n, evidence_file_row *out,
			 err *e)
{
	evidence_row ev;
	file_kind k;
	if (evidence_get_in_org(d, org, evidence, &ev, e) < 0)
		return -1;
	if (n > EVIDENCE_FILE_MAX)
		return err_set(e, ERR_TOO_LARGE, "the file is %s: a file can be up to 10 MB. Make it smaller (for example, save a PDF at a lower image quality) or attach it in parts.",
			       evidence_file_size_words(d->mem, (int64_t)n));
	if (evidence_file_kind(bytes, n, &k, e) < 0)
		return -1;
	unsigned char hash[crypto_hash_sha256_BYTES];
	char *hex = arena_alloc(d->mem, 2 * sizeof hash + 1);
	crypto_hash_sha256(hash, bytes, n);
	sodium_bin2hex(hex, 2 * sizeof hash + 1, hash, sizeof hash);
	char now[21];
	time_now_iso(now);
	*out = (evidence_file_row){.evidence_id = evidence, .organisation_id = org,
		.name = evidence_file_safe_name(d->mem, name, k.extension), .media_type = k.media_type,
		.size = (int64_t)n, .sha256 = hex, .uploaded_by = who ? who->id : 0,
		.uploaded_by_name = who ? who->name : "copro", .created_at = arena_strdup(d->mem, now)};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (check_room(d, org, n, e) < 0 ||
	    store_evidence_file_insert(d->db, out, bytes, &out->id, e) < 0 ||
	    activity_log(d, who, org, 0, arena_printf(d->mem, "attached file %s to evidence %lld: %s",
			 out->name, (long long)evidence, ev.title), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int evidence_file_get(domain *d, int64_t org, int64_t evidence, int64_t file,
		      evidence_file_row *out, err *e)
{
	int found = store_evidence_file_get(d->db, d->mem, file, out, e);
	if (found > 0 && (out->organisation_id != org || out->evidence_id != evidence))
		found = 0;
	return domain_found(found, e, "evidence %lld has no file number %lld: `copro evidence files %lld` lists them.",
			    (long long)evidence, (long long)file, (long long)evidence);
}

int evidence_file_bytes(domain *d, const evidence_file_row *f, const unsigned char **bytes,
			err *e)
{
	size_t len;
	return domain_found(store_evidence_file_bytes(d->db, d->mem, f->id, bytes, &len, e), e,
			    "the bytes of file %lld are missing from the database (a bug): restore it from a backup.",
			    (long long)f->id);
}

DOMAIN_LIST_BY_ID(evidence_files_of, store_evidence_files_of, evidence_file_list)
DOMAIN_LIST_BY_ID(evidence_files_of_org, store_evidence_files_of_org, evidence_file_list)

bool evidence_file_removable(const evidence_file_row *f, const user_row *who, bool lead)
{
	return lead || (who && f->uploaded_by && f->uploaded_by == who->id);
}

int evidence_file_remove(domain *d, const user_row *who, const evidence_file_row *f, err *e)
{
	if (store_begin(d->db, e) < 0)
		return -1;
	int rc = store_evidence_file_delete(d->db, f->id, e);
	if (rc == 0)
		err_set(e, ERR_NOTFOUND, "file %lld has been removed already.", (long long)f->id);
	if (rc <= 0 ||
	    activity_log(d, who, f->organisation_id, 0, arena_printf(d->mem, "removed file %s from evidence %lld",
			 f->name, (long long)f->evidence_id), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int file_quota_set(domain *d, const user_row *who, int64_t area, int mb, err *e)
{
	if (mb < 10 || mb > 100000)
		return err_set(e, ERR_INPUT, "the quota must be a whole number of MB from 10 to 100000.");
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_file_quota_put(d->db, area, mb, now, e) < 0 ||
	    activity_log(d, who, 0, area, arena_printf(d->mem, "set the file space of each organisation to %d MB", mb), e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}
