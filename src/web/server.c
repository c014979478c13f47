/* server.c: libmicrohttpd glue: one request struct (with its arena) per
 * request, POST bodies through MHD's post processor with size limits,
 * security headers on every response, one database connection per worker
 * thread, and a clean stop on SIGINT/SIGTERM. Traps met in the prototype
 * (design.md section 6) are noted where they are avoided. */
#include "web/server.h"

#include "domain/views.h"
#include "store/store.h"
#include "web/access_log.h"
#include "web/body.h"
#include "web/cache.h"
#include "web/drain.h"
#include "web/hashing.h"
#include "web/housekeeping.h"
#include "web/net.h"
#include "web/pages/health.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <malloc.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_THREADS 16
#define IDLE_SECONDS 15
#define BODY_SECONDS 60
#define UPLOAD_SECONDS 600

struct server {
	const server_options *opts;
	pthread_mutex_t lock;
	store *stores[MAX_THREADS * 2];
	size_t n_stores;
	/* Where writes are one at a time (SQLite), signed-in changes share one
	 * connection under the process's write lock: it keeps its page cache,
	 * where each thread's own would be emptied by every other's commit.
	 * Where writers run side by side (PostgreSQL) each thread changes on
	 * its own connection; `writer` stays closed. */
	bool shared_writer;
	store writer;
};

/* Each MHD worker thread keeps one connection open; all of them are
 * closed when the server stops. State stays in the database, so several
 * copro processes can serve the same data. */
static _Thread_local store *thread_store;

static store *get_store(struct server *s, err *e)
{
	store *st = thread_store;
	if (st)
		return web_reopen_if_lost(st, s->opts->config.db_path, e) < 0 ? NULL : st;
	st = calloc(1, sizeof *st);
	if (!st) {
		err_set(e, ERR_INTERNAL, "out of memory");
		return NULL;
	}
	if (store_open(st, s->opts->config.db_path, STORE_EXISTING, e) < 0) {
		free(st);
		return NULL;
	}
	pthread_mutex_lock(&s->lock);
	if (s->n_stores < sizeof s->stores / sizeof *s->stores)
		s->stores[s->n_stores++] = st;
	pthread_mutex_unlock(&s->lock);
	thread_store = st;
	return st;
}

/* ---- responses ------------------------------------------------------- */

static void add_header(void *resp, const char *name, const char *value)
{
	MHD_add_response_header(resp, name, value);
}

static struct MHD_Response *file_response(request *r, const struct stat *sb)
{
	int fd = open(r->file_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	return MHD_create_response_from_fd((uint64_t)sb->st_size, fd);
}

static void add_headers(struct MHD_Response *resp, const request *r);

/* RFC 6266: filename= for old clients (ASCII, with anything else as _),
 * and filename*= with the whole UTF-8 name percent-encoded (RFC 8187). */
static const char *content_disposition(const char *name)
{
	static _Thread_local char value[1024];
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0, len = strlen(name);
	if (len > 200)
		len = 200;
	n += (size_t)snprintf(value, sizeof value, "attachment; filename=\"");
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		value[n++] = c < 0x20 || c >= 0x7f || c == '"' || c == '\\' ? '_' : (char)c;
	}
	n += (size_t)snprintf(value + n, sizeof value - n, "\"; filename*=UTF-8''");
	for (size_t i = 0; i < len && n + 4 < sizeof value; i++) {
		unsigned char c = (unsigned char)name[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("!#$&+-.^_`|~", c)) {
			value[n++] = (char)c;
		} else {
			value[n++] = '%';
			value[n++] = hex[c >> 4];
			value[n++] = hex[c & 15];
		}
	}
	value[n] = '\0';
	return value;
}

/* ---- static files kept ------------------------------------------------
 * The style sheet and scripts are the same bytes for everyone: each is
 * kept with its whole response (headers included) and queued again for
 * every request, as long as the file on disk is the one that was read
 * (same inode, size and time). MHD counts the response's users, so a
 * replaced entry is freed when the last send of it ends. */

#define KEPT_FILES 32

typedef struct kept_file {
	char *path;
	struct stat sb;
	struct MHD_Response *resp;
} kept_file;

static struct {
	pthread_mutex_t lock;
	kept_file file[KEPT_FILES];
	size_t n;
} kept = {.lock = PTHREAD_MUTEX_INITIALIZER};

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_ino == b->st_ino && a->st_dev == b->st_dev && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Queues the kept response for `path` when the file is still the one
 * read. Under the lock, so that a replacement cannot free it between
 * finding and queueing (MHD takes its own reference when queued). */
static bool queue_kept(struct MHD_Connection *conn, const char *path, const struct stat *sb,
		       enum MHD_Result *ok)
{
	bool found = false;
	pthread_mutex_lock(&kept.lock);
	for (size_t i = 0; i < kept.n; i++)
		if (!strcmp(kept.file[i].path, path)) {
			if (same_file(&kept.file[i].sb, sb)) {
				*ok = MHD_queue_response(conn, 200, kept.file[i].resp);
				found = true;
			}
			break;
		}
	pthread_mutex_unlock(&kept.lock);
	return found;
}

/* Keeps `resp` for `path` (replacing an older copy) and queues it; the
 * cache owns the response from then on. Without room, it is queued and
 * let go as any other. */
static enum MHD_Result keep_and_queue(struct MHD_Connection *conn, const char *path,
				      const struct stat *sb, struct MHD_Response *resp)
{
	pthread_mutex_lock(&kept.lock);
	kept_file *k = NULL;
	for (size_t i = 0; i < kept.n && !k; i++)
		if (!strcmp(kept.file[i].path, path))
			k = &kept.file[i];
	char *copy = !k && kept.n < KEPT_FILES ? strdup(path) : NULL;
	if (copy) {
		k = &kept.file[kept.n++];
		*k = (kept_file){.path = copy};
	}
	enum MHD_Result ok = MHD_queue_response(conn, 200, resp);
	if (k) {
		if (k->resp)
			MHD_destroy_response(k->resp);
		k->sb = *sb;
		k->resp = resp;
	} else {
		MHD_destroy_response(resp);
	}
	pthread_mutex_unlock(&kept.lock);
	return ok;
}

static void forget_kept_files(void)
{
	pthread_mutex_lock(&kept.lock);
	for (size_t i = 0; i < kept.n; i++) {
		MHD_destroy_response(kept.file[i].resp);
		free(kept.file[i].path);
		kept.file[i] = (kept_file){0};
	}
	kept.n = 0;
	pthread_mutex_unlock(&kept.lock);
}

/* Sends a static file: the kept response, or the file read whole into a
 * new kept one (up to 4 MB; larger files are sent from disk as they are).
 * False when the caller should answer instead (r then holds a 404 page, or
 * the large file's path). */
static bool queue_static(struct MHD_Connection *conn, request *r, enum MHD_Result *ok)
{
	struct stat sb;
	if (stat(r->file_path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		web_error_page(r, 404, "Page not found", "There is no file at this address.");
		return false;
	}
	r->sent_bytes = (size_t)sb.st_size;
	if (queue_kept(conn, r->file_path, &sb, ok))
		return true;
	if (sb.st_size > 4 << 20)
		return false;
	FILE *f = fopen(r->file_path, "rb");
	char *bytes = f ? malloc((size_t)sb.st_size + 1) : NULL;
	size_t got = bytes ? fread(bytes, 1, (size_t)sb.st_size, f) : 0;
	if (f)
		fclose(f);
	struct MHD_Response *resp = NULL;
	if (bytes && got == (size_t)sb.st_size)
		resp = MHD_create_response_from_buffer(got, bytes, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(bytes);
		return false;
	}
	add_headers(resp, r);
	*ok = keep_and_queue(conn, r->file_path, &sb, resp);
	return true;
}

static void add_headers(struct MHD_Response *resp, const request *r)
{
	web_security_headers(r, add_header, resp);
	MHD_add_response_header(resp, "Content-Type",
				r->content_type ? r->content_type : "text/html; charset=utf-8");
	if (r->location)
		MHD_add_response_header(resp, "Location", r->location);
	if (r->download)
		MHD_add_response_header(resp, "Content-Disposition", content_disposition(r->download));
	if (r->cookie)
		MHD_add_response_header(resp, "Set-Cookie", r->cookie);
	if (r->retry_after) {
		char secs[16];
		snprintf(secs, sizeof secs, "%d", r->retry_after);
		MHD_add_response_header(resp, "Retry-After", secs);
	}
	if (r->answer_set_cookie)
		MHD_add_response_header(resp, "Set-Cookie", r->answer_set_cookie);
	if (r->device_set_cookie)
		MHD_add_response_header(resp, "Set-Cookie", r->device_set_cookie);
}

static enum MHD_Result respond(struct MHD_Connection *conn, request *r)
{
	struct MHD_Response *resp = NULL;
	enum MHD_Result ok;
	r->answered = true;
	if (r->file_path && queue_static(conn, r, &ok))
		return ok;
	if (r->file_path) {
		struct stat sb;
		if (stat(r->file_path, &sb) == 0)
			resp = file_response(r, &sb);
	}
	if (!resp) {
		/* The body stays in the request's arena, which lives until
		 * on_completed, after the last byte is sent: no copy. */
		const char *body = r->body ? (const char *)r->body : html_str(&r->out);
		size_t len = r->body ? r->body_len : r->out.len;
		r->sent_bytes = len;
		resp = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_PERSISTENT);
	}
	if (!resp)
		return MHD_NO;
	add_headers(resp, r);
	if (drain_stopping())   /* so kept-alive connections end as their requests do */
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
	ok = MHD_queue_response(conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ok;
}

/* ---- the request cycle ----------------------------------------------- */

/* Every X-Forwarded-For header of the request, joined by commas. */
static enum MHD_Result on_forwarded(void *cls, enum MHD_ValueKind kind, const char *key,
				   const char *value)
{
	(void)kind;
	request *r = cls;
	if (value && !strcasecmp(key, "X-Forwarded-For"))
		r->address = r->address ? arena_printf(&r->mem, "%s,%s", r->address, value)
					: arena_strdup(&r->mem, value);
	return MHD_YES;
}

/* The TCP peer, or the client a trusted proxy names (web/net.h). */
static const char *client_address(struct MHD_Connection *conn, request *r)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char buf[INET6_ADDRSTRLEN] = "unknown";
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf, sizeof buf);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, buf, sizeof buf);
	}
	if (!web_proxy_trusted(buf))
		return arena_strdup(&r->mem, buf);
	r->address = NULL;
	MHD_get_connection_values(conn, MHD_HEADER_KIND, on_forwarded, r);
	return web_client_address(&r->mem, buf, r->address);
}

static enum MHD_Result on_query(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *value)
{
	(void)kind;
	if (((request *)cls)->n_query < WEB_MAX_FIELDS)
		request_add_query(cls, key, value);
	return MHD_YES;
}

static const char *copy_cookie(request *r, struct MHD_Connection *conn, const char *name)
{
	return arena_strdup(&r->mem, MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, name));
}

/* A partner's answer to a link that is unknown or closed is answered
 * before its body is read (the dispatcher writes the page); any doubt
 * (no database, a path without a token) leaves it to the handler. */
static bool partner_link_gone(struct server *s, request *r, const char *url)
{
	err e = {0};
	store *db = get_store(s, &e);
	if (!db || strncmp(url, "/v/", 3) != 0)
		return false;
	const char *token = arena_strndup(&r->mem, url + 3, strcspn(url + 3, "/"));
	domain d = {.db = db, .frameworks = s->opts->config.frameworks, .mem = &r->mem};
	view_visit v;
	enum view_link_status status;
	if (views_link_open(&d, token, &v, &status, &e) < 0 || status == VIEW_LINK_OPEN)
		return false;
	r->link_gone = status == VIEW_LINK_UNKNOWN ? 404 : 410;
	return true;
}

/* A POST refused before its body is read: an upload (signed out, no
 * CSRF token in the form's address, another organisation's, too little
 * access, a declared size over the file's limit or the quota) or any
 * other change from someone signed out. True with the response written,
 * sent at once; MHD then closes the connection without reading the body. */
static bool refused_before_body(struct server *s, request *r)
{
	err e = {0};
	store *db = get_store(s, &e);
	if (!db)
		return false;   /* the dispatcher says so after the body */
	r->d = (domain){.db = db, .frameworks = s->opts->config.frameworks, .mem = &r->mem};
	return web_refuse_signed_out(r);
}

static enum MHD_Result add_header_bytes(void *cls, enum MHD_ValueKind kind, const char *key,
					const char *value)
{
	(void)kind;
	*(size_t *)cls += strlen(key) + (value ? strlen(value) : 0);
	return MHD_YES;
}

/* The request line and headers past WEB_MAX_HEADER_BYTES that still fit
 * libmicrohttpd's block get a page that says what to do; past the block,
 * libmicrohttpd answers 431 itself or, just past it, closes the
 * connection unanswered. The address counts: it sits in the same block. */
static bool headers_too_large(struct MHD_Connection *conn, request *r, const char *url,
			      const char *method)
{
	size_t bytes = strlen(method) + strlen(url);
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_header_bytes, &bytes);
	MHD_get_connection_values(conn, MHD_HEADER_KIND, add_header_bytes, &bytes);
	if (bytes <= WEB_MAX_HEADER_BYTES)
		return false;
	web_error_page(r, 431, "Your browser sent too much with this request",
		       "Its address and headers, mostly cookies, are over 24 KB. "
		       "Clear this site's cookies and try again.");
	return true;
}

static request *request_new(struct server *s, struct MHD_Connection *conn, const char *url,
			    const char *method)
{
	request *r = request_create(&s->opts->config, method, url);
	if (!r)
		return NULL;
	r->started_ns = access_log_now_ns();
	drain_request_started();
	/* Before any early page: a partner's is in the language ?lang= asks for. */
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, on_query, r);
	if (drain_stopping()) {
		web_busy_page(r, "Sorry, copro is restarting");
		r->early = true;
		return r;
	}
	if (headers_too_large(conn, r, url, method)) {
		r->early = true;
		return r;
	}
	r->address = client_address(conn, r);
	r->session_cookie = copy_cookie(r, conn, SESSION_COOKIE);
	r->form_cookie = copy_cookie(r, conn, FORM_COOKIE);
	r->pending_cookie = copy_cookie(r, conn, PENDING_COOKIE);
	r->answer_cookie = copy_cookie(r, conn, ANSWER_COOKIE);
	r->device_cookie = copy_cookie(r, conn, DEVICE_COOKIE);
	r->authorization = arena_strdup(&r->mem,
		MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION));
	r->host = arena_strdup(&r->mem, MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST));
	if (!r->post)
		return r;
	const route *rt = web_post_route(r);
	r->deadline = web_monotonic_seconds() +
		      (rt && (rt->flags & ROUTE_UPLOAD) ? UPLOAD_SECONDS : BODY_SECONDS);
	if (rt && (rt->flags & ROUTE_PARTNER) && partner_link_gone(s, r, url))
		return r;       /* no post processor: the body is dropped unread */
	const char *len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
	unsigned long long declared = len ? strtoull(len, NULL, 10) : 0;
	r->content_length = declared < SIZE_MAX ? (size_t)declared : SIZE_MAX;
	if (rt && refused_before_body(s, r)) {
		r->early = true;
		return r;
	}
	if (declared > r->body_limit) {
		r->body_error = 413;
		return r;
	}
	/* NULL unless the body is urlencoded or multipart. */
	r->post_processor = MHD_create_post_processor(conn, 16384, web_on_post_field, r);
	if (!r->post_processor)
		r->body_error = 415;
	return r;
}

/* The request's work after its body: the database, the dispatcher, and
 * the write lock around a change. */
static void serve_request(void *server, request *r)
{
	struct server *s = server;
	err e = {0};
	bool shared = r->change && s->shared_writer;
	store *db = shared ? &s->writer : get_store(s, &e);
	if (shared && store_write_lock(db, &e) < 0)
		db = NULL;
	if (!db) {
		fprintf(stderr, "copro serve: %s\n", e.msg);
		if (!r->post && web_answer_without_database(r))
			return;
		web_busy_page(r, "Sorry, copro cannot open its database");
		return;
	}
	r->d = (domain){.db = db, .frameworks = s->opts->config.frameworks, .mem = &r->mem};
	web_dispatch(r);
	if (shared) {
		/* The dispatcher commits or rolls back every change (and so
		 * lets go of the lock); after that the writer is another
		 * request's, so it is not looked at here. */
		store_write_unlock();
	} else if (db->in_tx) {
		store_rollback(db);     /* a handler that forgot to finish */
	}
}

/* The database is opened once here in any case, so that a wrong --db is
 * said at start; the connection is kept only as the shared writer. */
static int writer_open(struct server *s, err *e)
{
	if (store_open(&s->writer, s->opts->config.db_path, STORE_EXISTING, e) < 0)
		return -1;
	s->shared_writer = store_writes_one_at_a_time(&s->writer);
	if (!s->shared_writer)
		store_close(&s->writer);
	return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size, void **req_cls)
{
	struct server *s = cls;
	request *r = *req_cls;
	(void)version;
	/* First call: only set up. Answering now would make MHD close the
	 * connection instead of keeping it alive (design.md 6). */
	if (!r) {
		r = request_new(s, conn, url, method);
		if (!r)
			return MHD_NO;
		*req_cls = r;
		return r->early ? respond(conn, r) : MHD_YES;
	}
	if (*upload_data_size) {
		if (web_monotonic_seconds() > r->deadline)
			return MHD_NO;  /* too slow: closed unanswered (see on_accept) */
		r->body_bytes += *upload_data_size;
		if (r->body_bytes > r->body_limit && !r->body_error && !r->link_gone)
			r->body_error = 413;
		if (!r->body_error && r->post_processor &&
		    MHD_post_process(r->post_processor, upload_data, *upload_data_size) != MHD_YES &&
		    !r->body_error)
			r->body_error = 400;
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (r->hash_done)
		return respond(conn, r);
	if (r->hash_route && !r->hash_refused && !r->early) {
		hashing_submit(conn, r);
		return MHD_YES;
	}
	hashing_serve_refusing(r);
	return respond(conn, r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls; (void)conn;
	request *r = *req_cls;
	if (!r)
		return;
	if (r->post_processor)
		MHD_destroy_post_processor(r->post_processor);
	access_log_write(r, toe != MHD_REQUEST_TERMINATED_COMPLETED_OK);
	request_destroy(r);
	*req_cls = NULL;
	drain_request_finished();
}

/* ---- connections ------------------------------------------------------
 * Slow clients: each address holds WEB_CONN_PER_ADDRESS connections at
 * most, fewer once the server is crowded (web/net.h). A connection idle
 * for IDLE_SECONDS is closed (MHD times every read, headers included, but
 * has no limit on the headers' total time: a byte every few seconds keeps
 * them coming, which the per-address limit bounds). A body must arrive
 * within BODY_SECONDS (an upload's within UPLOAD_SECONDS): a byte every
 * 20 s no longer holds a request for ever. */

static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
	(void)cls; (void)len;
	return web_conn_admit(addr) ? MHD_YES : MHD_NO;
}

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode toe)
{
	(void)cls; (void)socket_context;
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr)
		return;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED)
		web_conn_opened(ci->client_addr);
	else
		web_conn_closed(ci->client_addr);
}

/* Signals are blocked before MHD starts its threads, so only the
 * sigwait of server_run receives them. */
static void block_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, set, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* The database connections, the housekeeping thread, the page cache and
 * the hashing threads, each undone when a later one fails. */
static int server_open(struct server *s, err *e)
{
	if (writer_open(s, e) < 0)
		return -1;
	if (housekeeping_start(&s->opts->config, e) < 0) {
		store_close(&s->writer);
		return -1;
	}
	page_cache_set_limit((size_t)(s->opts->page_cache_mb > 0 ? s->opts->page_cache_mb : 0) << 20);
	if (hashing_start(serve_request, s, e) < 0) {
		housekeeping_stop();
		store_close(&s->writer);
		return -1;
	}
	return 0;
}

static struct MHD_Daemon *daemon_start(struct server *s, const struct sockaddr_in *addr)
{
	const server_options *o = s->opts;
	int threads = o->threads > 0 && o->threads <= MAX_THREADS ? o->threads : 2;
	return MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_USE_ITC |
		MHD_ALLOW_SUSPEND_RESUME,
		(uint16_t)o->port, on_accept, NULL, on_request, s,
		MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
		/* web_conn_admit keeps the limits (web/net.h); MHD's own stops
		 * just above, as a backstop. */
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)(WEB_CONN_LIMIT + 16),
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)WEB_CONN_MEMORY,
		MHD_OPTION_END);
}

/* After the stop signal: the requests under way are finished, then
 * everything server_open and daemon_start began is ended. */
static void server_close(struct server *s, struct MHD_Daemon *d)
{
	/* MHD_stop_daemon alone closed every connection at once: requests
	 * under way went unanswered, some of them committed, so a retry
	 * would have made the change twice. */
	int cut = drain_wait(d);
	if (cut)
		fprintf(stderr, "copro serve: %d %s still under way after %d s were cut off.\n", cut,
			cut == 1 ? "request" : "requests", DRAIN_SECONDS);
	/* Requests still waiting to hash are answered (resumed) before
	 * the daemon closes their connections. */
	hashing_stop();
	MHD_stop_daemon(d);
	access_log_flush();
	for (size_t i = 0; i < s->n_stores; i++) {
		store_close(s->stores[i]);
		free(s->stores[i]);
	}
	store_close(&s->writer);
	housekeeping_stop();
	pthread_mutex_destroy(&s->lock);
}

int server_run(const server_options *o, err *e)
{
	struct server s = {.opts = o};
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)o->port)};
	if (inet_pton(AF_INET, o->address ? o->address : "127.0.0.1", &addr.sin_addr) != 1)
		return err_set(e, ERR_INPUT, "\"%s\" is not an IPv4 address to listen on.", o->address);
	pthread_mutex_init(&s.lock, NULL);
	sigset_t set;
	block_signals(&set);

	/* Every request frees its arena and SQLite its scratch memory; left
	 * to itself glibc hands those pages back to the kernel and faults
	 * them in again on the next request (a fifth of a write's time in
	 * perf). A server keeps them. */
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	if (server_open(&s, e) < 0)
		return -1;
	struct MHD_Daemon *d = daemon_start(&s, &addr);
	if (!d) {
		hashing_stop();
		housekeeping_stop();
		store_close(&s.writer);
		return err_set(e, ERR_IO,
			       "cannot listen on %s:%d: is another program using that port? Try --port with another number.",
			       o->address ? o->address : "127.0.0.1", o->port);
	}
	printf("copro is running at http://%s:%d/  (stop it with Ctrl-C)\n",
	       o->address ? o->address : "localhost", o->port);
	fflush(stdout);
	int sig;
	sigwait(&set, &sig);
	server_close(&s, d);
	page_cache_stats cs;
	page_cache_stats_get(&cs);
	uint64_t commits, syncs;
	store_commit_counts(&commits, &syncs);
	page_cache_set_limit(0);
	forget_kept_files();
	printf("copro stopped: %llu commits made durable by %llu disk syncs; pages sent from the cache %llu times, drawn %llu times.\n",
	       (unsigned long long)commits, (unsigned long long)syncs, (unsigned long long)cs.hits,
	       (unsigned long long)(cs.misses));
	return 0;
}
