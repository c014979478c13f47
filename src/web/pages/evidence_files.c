/* evidence_files.c: files attached to an evidence item: the attach form
 * (its own task page, a multipart form whose CSRF token rides in its
 * address, so the server checks it before reading the file), downloads
 * sent as attachments that no browser renders, and removal after a
 * confirmation, by a lead or the person who attached the file. */
#include <string.h>

#include "domain/evidence_file.h"
#include "domain/evidence_pack.h"
#include "domain/reports.h"
#include "report/pdf.h"
#include "web/pages/pages.h"

/* A multipart body is the file and a few hundred bytes around it. */
#define FORM_SLACK (64 * 1024)

static int load_item(request *r, evidence_row *ev)
{
	if (evidence_get_in_org(&r->d, r->org, param_id(r, 1), ev, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	return 0;
}

static const char *item_path(request *r, int64_t evidence)
{
	return arena_printf(&r->mem, "/org/%lld/evidence/%lld", (long long)r->org, (long long)evidence);
}

/* ---- the list on the item's page ------------------------------------- */

static void file_row(request *r, const evidence_row *ev, const evidence_file_row *f)
{
	htmlf(&r->out, "<li class=\"copro-file\"><p class=\"govuk-body govuk-!-margin-bottom-1\">"
		       "<a class=\"govuk-link\" href=\"/org/%D/evidence/%D/file/%D\" download>%t</a></p>"
		       "<p class=\"govuk-body-s govuk-!-margin-bottom-1\">%t, %t. Added by %t on %t.</p>",
	      r->org, ev->id, f->id, f->name, evidence_file_words(f->media_type),
	      evidence_file_size_words(&r->mem, f->size), f->uploaded_by_name,
	      date_words(r, arena_strndup(&r->mem, f->created_at, 10)));
	if (evidence_file_removable(f, &r->sess.user, r->access >= ACCESS_LEAD))
		htmlf(&r->out, "<p class=\"govuk-body-s copro-print-hide\"><a class=\"govuk-link\" href=\"/org/%D/evidence/%D/file/%D/remove\">"
			       "Remove<span class=\"govuk-visually-hidden\"> %t</span></a></p>",
		      r->org, ev->id, f->id, f->name);
	htmlf(&r->out, "</li>");
}

int evidence_files_section(request *r, const evidence_row *ev)
{
	evidence_file_list files;
	if (evidence_files_of(&r->d, ev->id, &files, &r->e) < 0)
		return -1;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\">Files</h2>");
	if (!files.n)
		htmlf(&r->out, "<p class=\"govuk-body\">No files are attached.</p>");
	else
		htmlf(&r->out, "<ul class=\"govuk-list\">");
	for (size_t i = 0; i < files.n; i++)
		file_row(r, ev, &files.items[i]);
	if (files.n)
		htmlf(&r->out, "</ul>");
	if (r->access >= ACCESS_CONTRIBUTE)
		htmlf(&r->out, "<p class=\"govuk-body copro-print-hide\"><a class=\"govuk-link\" href=\"/org/%D/evidence/%D/files\">"
			       "Attach a file<span class=\"govuk-visually-hidden\"> to %t</span></a></p>",
		      r->org, ev->id, ev->title);
	return 0;
}

/* ---- attaching ------------------------------------------------------- */

static int attach_form(request *r, const evidence_row *ev, const form_errors *fe, int status)
{
	int64_t room = 0, quota = 0;
	if (evidence_file_room(&r->d, r->org, &room, &quota, &r->e) < 0)
		return page_failed(r);
	page_begin(r, fe && fe->n ? "Error: Attach a file" : "Attach a file");
	htmlf(&r->out, "<a href=\"/org/%D/evidence/%D\" class=\"govuk-back-link\">Back</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">",
	      r->org, ev->id);
	form_error_summary(r, fe);
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Attach a file</h1>"
		       "<form method=\"post\" action=\"/org/%D/evidence/%D/files?csrf=%a\" enctype=\"multipart/form-data\" novalidate>",
	      ev->title, r->org, ev->id, r->sess.csrf);
	form_csrf(r);
	form_file_upload(r, "file", "Upload a file", arena_printf(&r->mem,
			 "A PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt), PNG or JPEG image,"
			 " plain text or CSV file, up to 10 MB. Your organisation has %s of its %s left.",
			 evidence_file_size_words(&r->mem, room), evidence_file_size_words(&r->mem, quota)),
			 NULL, fe);
	htmlf(&r->out, "<div class=\"govuk-button-group\">");
	form_button(r, "Attach file");
	htmlf(&r->out, "<a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">Cancel</a></div></form></div></div>",
	      r->org, ev->id);
	page_end(r);
	return status;
}

static int refuse(request *r, const evidence_row *ev, int status, const char *msg)
{
	form_errors fe = {0};
	form_error_add(&fe, "file", msg);
	return attach_form(r, ev, &fe, status);
}

/* ROUTE: GET /org/{org}/evidence/{evidence}/files (contributor) */
static int page_attach(request *r)
{
	evidence_row ev;
	int refused = load_item(r, &ev);
	return refused ? refused : attach_form(r, &ev, NULL, 200);
}

/* Before the body is read: the item is this organisation's, and the size
 * the browser declared fits the file's limit and the quota. */
static int attach_precheck(request *r)
{
	evidence_row ev;
	int refused = load_item(r, &ev);
	if (refused)
		return refused;
	int64_t room, quota;
	if (evidence_file_room(&r->d, r->org, &room, &quota, &r->e) < 0)
		return page_failed(r);
	if (r->content_length > EVIDENCE_FILE_MAX + FORM_SLACK)
		return refuse(r, &ev, 413, "The selected file must be smaller than 10 MB");
	if (r->content_length > (size_t)room + FORM_SLACK)
		return refuse(r, &ev, 413, arena_printf(&r->mem,
			      "The selected file is larger than the %s your organisation has left: remove files it no longer needs, or ask your area's administrator for more space",
			      evidence_file_size_words(&r->mem, room)));
	return 0;
}

/* ROUTE: POST /org/{org}/evidence/{evidence}/files (contributor) */
static int page_attach_post(request *r)
{
	evidence_row ev;
	int refused = load_item(r, &ev);
	if (refused)
		return refused;
	const form_field *f = form_file(r, "file");
	if (!f || (!f->len && (!f->filename || !*f->filename)))
		return refuse(r, &ev, 400, "Select a file");
	if (!f->len)
		return refuse(r, &ev, 400, "The selected file is empty");
	if (f->len > EVIDENCE_FILE_MAX)
		return refuse(r, &ev, 413, "The selected file must be smaller than 10 MB");
	evidence_file_row out;
	err e = {0};
	if (evidence_file_attach(&r->d, &r->sess.user, r->org, ev.id, f->filename, f->value, f->len,
				 &out, &e) < 0) {
		if (e.kind == ERR_INPUT)
			return refuse(r, &ev, 400, sentence(r, e.msg));
		if (e.kind == ERR_TOO_LARGE)
			return refuse(r, &ev, 413, sentence(r, e.msg));
		return page_error(r, &e);
	}
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=file", item_path(r, ev.id)));
}

/* ---- one file -------------------------------------------------------- */

static int load_file(request *r, evidence_row *ev, evidence_file_row *f)
{
	int refused = load_item(r, ev);
	if (refused)
		return refused;
	if (evidence_file_get(&r->d, r->org, ev->id, param_id(r, 2), f, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	return 0;
}

/* ROUTE: GET /org/{org}/evidence/{evidence}/file/{attachment} (viewer) */
static int page_download(request *r)
{
	evidence_row ev;
	evidence_file_row f;
	int refused = load_file(r, &ev, &f);
	if (refused)
		return refused;
	if (evidence_file_bytes(&r->d, &f, &r->body, &r->e) < 0)
		return page_failed(r);
	/* Never shown in the browser: an attachment, its type as stored
	 * (never HTML or SVG), not sniffed, and sandboxed should anything
	 * open it anyway. */
	r->body_len = (size_t)f.size;
	r->content_type = f.media_type;
	r->download = f.name;
	r->csp = "default-src 'none'; sandbox";
	return 200;
}

/* The file in the address, when this person may remove it: 0, or the
 * status of the refusal written. */
static int load_removable(request *r, evidence_row *ev, evidence_file_row *f)
{
	int refused = load_file(r, ev, f);
	if (refused)
		return refused;
	if (evidence_file_removable(f, &r->sess.user, r->access >= ACCESS_LEAD))
		return 0;
	return web_error_page(r, 403, "You cannot remove this file",
			      "Only the person who attached a file, or an organisation lead, can remove it. Ask your organisation lead if it should go.");
}

/* ROUTE: GET /org/{org}/evidence/{evidence}/file/{attachment}/remove (contributor) */
static int page_remove(request *r)
{
	evidence_row ev;
	evidence_file_row f;
	int refused = load_removable(r, &ev, &f);
	if (refused)
		return refused;
	page_begin(r, "Remove this file?");
	htmlf(&r->out, "<a href=\"/org/%D/evidence/%D\" class=\"govuk-back-link\">Back</a>"
		       "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
		       "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Remove %t?</h1>"
		       "<p class=\"govuk-body\">The file is deleted from copro for good: keep a copy if you may need it again.</p>"
		       "<form method=\"post\" action=\"/org/%D/evidence/%D/file/%D/remove\" novalidate>",
	      r->org, ev.id, ev.title, f.name, r->org, ev.id, f.id);
	form_csrf(r);
	htmlf(&r->out, "<div class=\"govuk-button-group\"><button type=\"submit\" class=\"govuk-button govuk-button--warning\" data-module=\"govuk-button\">Remove file</button>"
		       "<a class=\"govuk-link\" href=\"/org/%D/evidence/%D\">Cancel</a></div></form></div></div>",
	      r->org, ev.id);
	page_end(r);
	return 200;
}

/* ROUTE: POST /org/{org}/evidence/{evidence}/file/{attachment}/remove (contributor) */
static int page_remove_post(request *r)
{
	evidence_row ev;
	evidence_file_row f;
	int refused = load_removable(r, &ev, &f);
	if (refused)
		return refused;
	if (evidence_file_remove(&r->d, &r->sess.user, &f, &r->e) < 0)
		return page_error(r, &r->e);
	return web_redirect(r, arena_printf(&r->mem, "%s?saved=removed", item_path(r, ev.id)));
}

/* ---- the evidence pack ----------------------------------------------- */

/* Leads and the evaluation's assessor only: the route takes a viewer's
 * access, which is what an assessor has, and the rest are refused here. */
/* ROUTE: GET /org/{org}/evaluation/{evaluation}/pack (viewer) */
static int page_pack(request *r)
{
	if (r->access < ACCESS_LEAD && !r->assessor)
		return web_error_page(r, 403, "You cannot do this",
				      "The evidence pack is for the organisation's leads and the evaluation's assessor. Ask your organisation lead for it.");
	report_doc *doc;
	report_bytes pdf, zip;
	const char *name;
	if (report_evaluation(&r->d, r->org, param_id(r, 1), &doc, &r->e) < 0)
		return page_lookup_failed(r, &r->e);
	if (report_pdf(doc, NULL, &pdf, &r->e) < 0 ||
	    evidence_pack(&r->d, r->org, param_id(r, 1), &pdf, &zip, &name, &r->e) < 0)
		return page_failed(r);
	if (page_log(r, arena_printf(&r->mem, "downloaded the evidence pack of %s", doc->title)) < 0)
		return page_error(r, &r->e);
	r->body = zip.data;
	r->body_len = zip.len;
	r->content_type = "application/zip";
	r->download = name;
	return 200;
}

const upload_check evidence_file_upload_checks[] = {
	{"/org/{org}/evidence/{evidence}/files", attach_precheck},
	{0},
};

const route evidence_file_routes[] = {
	{"GET", "/org/{org}/evidence/{evidence}/files", page_attach, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evidence/{evidence}/files", page_attach_post, ROUTE_POST | ROUTE_UPLOAD,
	 ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/evidence/{evidence}/file/{attachment}", page_download, 0, ACCESS_VIEW},
	{"GET", "/org/{org}/evidence/{evidence}/file/{attachment}/remove", page_remove, 0, ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evidence/{evidence}/file/{attachment}/remove", page_remove_post, ROUTE_POST,
	 ACCESS_CONTRIBUTE},
	/* The handler lets a lead or the evaluation's assessor in (an
	 * assessor's access is a viewer's to that one evaluation). */
	{"GET", "/org/{org}/evaluation/{evaluation}/pack", page_pack, 0, ACCESS_VIEW},
	{0},
};
