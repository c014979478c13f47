/* area_mail.c: the area's email page: what copro is sending for the area,
 * has sent and has given up on, with the mail server's reason in words
 * and "Try again" for each given-up email. Area administrators only
 * (checked by dispatch). */
#include <stdlib.h>
#include <string.h>

#include "domain/mail.h"
#include "web/pages/pages.h"

#define MAIL_PAGE_ROWS 50

static void table_head(request *r, const char *caption, const char *const *cols)
{
	table_scroll_open(r, caption);
	htmlf(&r->out, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">%t</caption>"
		      "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">", caption);
	for (size_t i = 0; cols[i]; i++)
		htmlf(&r->out, "<th scope=\"col\" class=\"govuk-table__header\">%t</th>", cols[i]);
	htmlf(&r->out, "</tr></thead><tbody class=\"govuk-table__body\">");
}

static void message_cells(request *r, const outbox_row *m)
{
	htmlf(&r->out, "<td class=\"govuk-table__cell govuk-!-text-break-word\">%t</td>"
		      "<td class=\"govuk-table__cell\">%t</td>", m->to_address, m->subject);
}

static void failed_table(request *r, const outbox_list *l)
{
	if (!l->n)
		return;
	table_head(r, "Given up", (const char *const[]){"To", "Subject", "Given up", "Why", "", NULL});
	for (size_t i = 0; i < l->n; i++) {
		const outbox_row *m = &l->items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\">");
		message_cells(r, m);
		htmlf(&r->out, "<td class=\"govuk-table__cell\">%t<br><span class=\"govuk-body-s\">after %d %t</span></td>"
			      "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">"
			      "<form method=\"post\" action=\"/area/%D/mail\" novalidate>",
		     time_words(r, m->failed_at), m->attempts, m->attempts == 1 ? "try" : "tries",
		     mail_error_words(m), r->area);
		form_csrf(r);
		htmlf(&r->out, "<input type=\"hidden\" name=\"retry\" value=\"%D\">"
			      "<button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0\" data-module=\"govuk-button\">"
			      "Try again<span class=\"govuk-visually-hidden\"> the email to %t: %t</span></button></form></td></tr>",
		     m->id, m->to_address, m->subject);
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void waiting_table(request *r, const outbox_list *l)
{
	if (!l->n)
		return;
	table_head(r, "Waiting to be sent", (const char *const[]){"To", "Subject", "Next try", "Last answer", NULL});
	for (size_t i = 0; i < l->n; i++) {
		const outbox_row *m = &l->items[i];
		htmlf(&r->out, "<tr class=\"govuk-table__row\">");
		message_cells(r, m);
		htmlf(&r->out, "<td class=\"govuk-table__cell\">%t</td><td class=\"govuk-table__cell\">%t</td></tr>",
		     m->attempts ? time_words(r, m->next_attempt_at) : "As soon as possible",
		     m->last_error ? m->last_error : "Not tried yet");
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void sent_table(request *r, const outbox_list *l)
{
	if (!l->n)
		return;
	table_head(r, "Sent", (const char *const[]){"To", "Subject", "Sent", NULL});
	for (size_t i = 0; i < l->n; i++) {
		htmlf(&r->out, "<tr class=\"govuk-table__row\">");
		message_cells(r, &l->items[i]);
		htmlf(&r->out, "<td class=\"govuk-table__cell\">%t</td></tr>", time_words(r, l->items[i].sent_at));
	}
	htmlf(&r->out, "</tbody></table></div>");
}

static void intro(request *r, const outbox_counts *n)
{
	htmlf(&r->out, "<p class=\"govuk-body\">copro sends email for this area's invitations and notifications. "
		      "Everything an email says is also shown in copro, so nobody misses it when an email does not arrive.</p>"
		      "<p class=\"govuk-body\">When the mail server cannot take an email, copro tries again after 1, 5, 15, 60 "
		      "and 240 minutes. After %d tries it gives up, and the email is listed here with the reason.</p>",
	     MAIL_MAX_ATTEMPTS);
	htmlf(&r->out, "<dl class=\"govuk-summary-list\">");
	summary_row_text(r, "Waiting", arena_printf(&r->mem, "%lld", (long long)(n->waiting + n->sending)));
	summary_row_text(r, "Sent", arena_printf(&r->mem, "%lld", (long long)n->sent));
	summary_row_text(r, "Given up", arena_printf(&r->mem, "%lld", (long long)n->failed));
	htmlf(&r->out, "</dl>");
	if (!n->waiting && !n->sending && !n->sent && !n->failed)
		htmlf(&r->out, "<p class=\"govuk-body\">copro has not sent any email for this area yet.</p>");
}

static int mail_page(request *r, const form_errors *fe)
{
	const char *name;
	int st = page_area_name(r, &name);
	if (st)
		return st;
	outbox_counts n;
	outbox_list failed, waiting, sent;
	if (mail_counts(&r->d, r->area, &n, &r->e) < 0 ||
	    mail_outbox(&r->d, r->area, "failed", NULL, MAIL_PAGE_ROWS, &failed, &r->e) < 0 ||
	    mail_outbox(&r->d, r->area, "waiting", NULL, MAIL_PAGE_ROWS, &waiting, &r->e) < 0 ||
	    mail_outbox(&r->d, r->area, "sent", NULL, 20, &sent, &r->e) < 0)
		return page_failed(r);
	page_begin(r, "Email");
	htmlf(&r->out, "<a href=\"/area/%D/settings\" class=\"govuk-back-link\">Settings</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-full\">", r->area);
	form_error_summary(r, fe);
	if ((!fe || !fe->n) && query_get(r, "retried"))
		notice_success(r, "The email will be tried again shortly");
	htmlf(&r->out, "<span class=\"govuk-caption-l\">%t</span><h1 class=\"govuk-heading-l\">Email</h1>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">", name);
	intro(r, &n);
	htmlf(&r->out, "</div></div>");
	failed_table(r, &failed);
	waiting_table(r, &waiting);
	sent_table(r, &sent);
	htmlf(&r->out, "</div></div>");
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

/* ROUTE: GET /area/{area}/mail (area administrator) */
static int page_mail(request *r)
{
	return mail_page(r, NULL);
}

/* ROUTE: POST /area/{area}/mail (area administrator) */
static int page_mail_retry(request *r)
{
	int64_t id = 0;
	err e = {0};
	form_errors fe = {0};
	if (!text_id(form_get(r, "retry"), &id))
		form_error_add(&fe, "retry", "Choose a given-up email to try again");
	else if (mail_retry(&r->d, &r->sess.user, r->area, id, &e) < 0) {
		if (e.kind != ERR_NOTFOUND)
			return page_error(r, &e);
		form_error_add(&fe, "retry", "That email is not a given-up email of this area any more: it may have been tried again already");
	}
	if (fe.n)
		return mail_page(r, &fe);
	return web_redirect(r, arena_printf(&r->mem, "/area/%lld/mail?retried=1", (long long)r->area));
}

const route area_mail_routes[] = {
	{"GET", "/area/{area}/mail", page_mail, 0, ACCESS_AREA},
	{"POST", "/area/{area}/mail", page_mail_retry, ROUTE_POST, ACCESS_AREA},
	{0},
};
