/* notifications.c: a person's notifications (/notifications, newest first,
 * "Mark all as read"), how they hear of each kind
 * (/account/notifications), the one-click unsubscribe link of every email
 * (/unsubscribe/{token}, RFC 8058), and the home page's "Waiting for you". */
#include <string.h>

#include "core/text.h"
#include "domain/audit.h"
#include "domain/notify.h"
#include "web/pages/notify_page.h"

#define LIST_LIMIT 100
#define HOME_LIMIT 5

static const char *const how_options[] = {
	"now", "At once, by email",
	"weekly", "In a weekly email digest (on Mondays)",
	"in-app", "In copro only, no email",
	NULL,
};

/* "an organisation submits ..." from a label, to follow other words. */
static const char *lower_first(request *r, const char *label)
{
	char *s = arena_strdup(&r->mem, label);
	if (*s >= 'A' && *s <= 'Z')
		*s = (char)(*s - 'A' + 'a');
	return s;
}

/* A notification's subject, a link when it has somewhere to go. */
static void subject_link(request *r, const notification_row *n)
{
	if (*n->path == '/')
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\">%t</a>", n->path, n->subject);
	else
		htmlf(&r->out, "%t", n->subject);
}

/* ---- the list ------------------------------------------------------------------- */

static void notification_item(request *r, const notification_row *n)
{
	htmlf(&r->out, "<li class=\"copro-notification\"><h2 class=\"govuk-heading-s govuk-!-margin-bottom-1\">");
	if (!n->read_at)
		htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--blue\">Unread</strong> ");
	subject_link(r, n);
	htmlf(&r->out, "</h2>");
	if (*n->text)
		htmlf(&r->out, "<p class=\"govuk-body govuk-!-margin-bottom-1\">%t</p>", n->text);
	htmlf(&r->out, "<p class=\"govuk-body-s govuk-!-margin-bottom-6\">%t</p></li>", time_words(r, n->created_at));
}

/* ROUTE: GET /notifications */
static int page_notifications(request *r)
{
	notification_list l;
	int64_t unread;
	if (notifications_of(&r->d, r->sess.user.id, LIST_LIMIT, false, &l, &r->e) < 0 ||
	    notifications_unread(&r->d, r->sess.user.id, &unread, &r->e) < 0)
		return page_failed(r);
	page_begin(r, "Notifications");
	htmlf(&r->out, "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	if (query_get(r, "saved"))
		notice_success(r, "Your choices are saved.");
	else if (query_get(r, "read"))
		notice_success(r, "All your notifications are marked as read.");
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Notifications</h1>");
	if (!l.n)
		htmlf(&r->out, "<p class=\"govuk-body\">You have no notifications yet. copro tells you here when "
			      "something needs you, such as an audit to decide or an action falling due.</p>");
	else
		htmlf(&r->out, "<p class=\"govuk-body\">%t, newest first.</p>",
		     unread ? arena_printf(&r->mem, "%lld unread", (long long)unread) : "All read");
	if (unread) {
		htmlf(&r->out, "<form method=\"post\" action=\"/notifications/read\" novalidate>");
		form_csrf(r);
		htmlf(&r->out, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">"
			      "Mark all as read</button></form>");
	}
	if (l.n) {
		htmlf(&r->out, "<ul class=\"govuk-list\">");
		for (size_t i = 0; i < l.n; i++)
			notification_item(r, &l.items[i]);
		htmlf(&r->out, "</ul>");
	}
	if (l.n == LIST_LIMIT)
		htmlf(&r->out, "<p class=\"govuk-body\">These are your latest %d.</p>", LIST_LIMIT);
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/notifications\">"
		      "Choose which emails you get</a></p></div></div>");
	page_end(r);
	return 200;
}

/* ROUTE: POST /notifications/read */
static int page_notifications_read(request *r)
{
	if (notifications_read_all(&r->d, r->sess.user.id, &r->e) < 0)
		return page_error(r, &r->e);
	return web_redirect(r, "/notifications?read=1");
}

/* ---- choices -------------------------------------------------------------------- */

static int settings_page(request *r, const char *const *typed, const form_errors *fe)
{
	const char *how[NOTIFY_KINDS];
	if (notify_settings_of(&r->d, r->sess.user.id, how, &r->e) < 0)
		return page_failed(r);
	page_begin(r, "Choose which emails you get");
	htmlf(&r->out, "<a href=\"/notifications\" class=\"govuk-back-link\">Notifications</a>"
		      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
	form_error_summary(r, fe);
	htmlf(&r->out, "<h1 class=\"govuk-heading-l\">Choose which emails you get</h1>"
		      "<p class=\"govuk-body\">Everything is on your <a class=\"govuk-link\" href=\"/notifications\">notifications</a> "
		      "page in copro whatever you choose. Emails go to %t.</p>"
		      "<div class=\"govuk-inset-text\"><h2 class=\"govuk-heading-s\">Your account's safety</h2>"
		      "<p class=\"govuk-body\">copro always tells you, here and by email at once, when your password "
		      "is changed or reset and when two-factor sign-in is turned on or off. You cannot switch these "
		      "off, so that you hear if someone else made the change.</p></div>"
		      "<form method=\"post\" action=\"/account/notifications\" novalidate>",
	     r->sess.user.email);
	form_csrf(r);
	for (size_t i = 0; i < NOTIFY_KINDS; i++) {
		const notify_kind *k = &notify_kinds[i];
		form_radios(r, k->key, k->label, how_options, typed ? typed[i] : how[i],
			    arena_printf(&r->mem, "Who hears: %s.", k->who), fe);
	}
	form_button(r, "Save choices");
	htmlf(&r->out, "</form></div></div>");
	page_end(r);
	return fe && fe->n ? 400 : 200;
}

/* ROUTE: GET /account/notifications */
static int page_settings(request *r)
{
	return settings_page(r, NULL, NULL);
}

/* ROUTE: POST /account/notifications */
static int page_settings_post(request *r)
{
	const char *how[NOTIFY_KINDS];
	form_errors fe = {0};
	for (size_t i = 0; i < NOTIFY_KINDS; i++) {
		how[i] = form_get(r, notify_kinds[i].key);
		if (!how[i] || (strcmp(how[i], "now") && strcmp(how[i], "weekly") && strcmp(how[i], "in-app")))
			form_error_add(&fe, notify_kinds[i].key,
				       arena_printf(&r->mem, "Choose how to hear that %s",
						    lower_first(r, notify_kinds[i].label)));
	}
	err e = {0};
	if (!fe.n && notify_settings_set(&r->d, r->sess.user.id, how, &e) < 0) {
		if (e.kind != ERR_INPUT)
			return page_error(r, &e);
		form_error_add(&fe, notify_kinds[0].key, sentence(r, e.msg));
	}
	if (fe.n)
		return settings_page(r, how, &fe);
	return web_redirect(r, "/notifications?saved=1");
}

/* ---- unsubscribe ----------------------------------------------------------------- */

static const char *kind_words(request *r, const char *kind)
{
	const notify_kind *k = notify_kind_find(kind);
	if (!k)
		return "about anything: no kind of news will be emailed";
	return arena_printf(&r->mem, "when %s", lower_first(r, k->label));
}

static int unsubscribe_unknown(request *r)
{
	public_page_begin(r, "This link does not work", NULL);
	htmlf(&r->out, "<p class=\"govuk-body\">Check it is the whole link from the email: a link works for "
		      "180 days after its email was sent. To choose which emails you get, "
		      "<a class=\"govuk-link\" href=\"/account/notifications\">sign in and go to your email choices</a>.</p>");
	public_page_end(r);
	return 404;
}

/* ROUTE: GET /unsubscribe/{token} (public) */
static int page_unsubscribe(request *r)
{
	const char *token = param_named(r, "token"), *kind;
	int64_t user;
	err e = {0};
	if (notify_unsubscribe_find(&r->d, token, &user, &kind, &e) < 0)
		return e.kind == ERR_NOTFOUND ? unsubscribe_unknown(r) : page_error(r, &e);
	/* A GET changes nothing: mail scanners open links. */
	public_page_begin(r, "Stop these emails", NULL);
	htmlf(&r->out, "<p class=\"govuk-body\">You will no longer get emails %t. "
		      "You will still see the news on your notifications page in copro.</p>"
		      "<form method=\"post\" action=\"/unsubscribe/%a\" novalidate>",
	     kind_words(r, kind), token);
	form_button(r, "Stop these emails");
	htmlf(&r->out, "</form><p class=\"govuk-body\">To choose for each kind of news instead, "
		      "<a class=\"govuk-link\" href=\"/account/notifications\">go to your email choices</a>.</p>");
	public_page_end(r);
	return 200;
}

/* ROUTE: POST /unsubscribe/{token} (public)
 * RFC 8058's one click: a mail program posts here with no session and no
 * form token, so this does one thing only (that person's kind becomes "in
 * copro only"), and a forged post can do no more than the link's owner. */
static int page_unsubscribe_post(request *r)
{
	const char *kind;
	err e = {0};
	if (notify_unsubscribe(&r->d, param_named(r, "token"), &kind, &e) < 0)
		return e.kind == ERR_NOTFOUND ? unsubscribe_unknown(r) : page_error(r, &e);
	public_page_begin(r, "You will not get these emails", NULL);
	htmlf(&r->out, "<p class=\"govuk-body\">copro will no longer email you %t. "
		      "The news stays on your notifications page in copro.</p>"
		      "<p class=\"govuk-body\">Changed your mind? <a class=\"govuk-link\" href=\"/account/notifications\">"
		      "Choose which emails you get</a>.</p>",
	     kind_words(r, kind));
	public_page_end(r);
	return 200;
}

/* ---- the home page's panel ----------------------------------------------------------- */

static void due_list_items(request *r, const notify_due_list *due)
{
	htmlf(&r->out, "<h3 class=\"govuk-heading-s\">Due soon</h3><ul class=\"govuk-list govuk-list--bullet\">");
	for (size_t i = 0; i < due->n; i++) {
		const notify_due *it = &due->items[i];
		htmlf(&r->out, "<li>");
		if (it->overdue)
			htmlf(&r->out, "<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong> ");
		htmlf(&r->out, "<a class=\"govuk-link\" href=\"%a\">%t</a></li>", it->path, it->subject);
	}
	htmlf(&r->out, "</ul>");
}

/* For an area's administrator: the audits the area has still to decide,
 * whether or not their notifications were read. *shown: lines written. */
static int audits_to_decide(request *r, size_t *shown)
{
	membership_list ms;
	if (memberships_of_user(&r->d, r->sess.user.id, &ms, &r->e) < 0)
		return -1;
	for (size_t i = 0; i < ms.n; i++) {
		int64_t n;
		if (strcmp(ms.items[i].role, "area-admin"))
			continue;
		if (audit_queue_count(&r->d, ms.items[i].area_id, &n, &r->e) < 0)
			return -1;
		if (!n)
			continue;
		if (!(*shown)++)
			htmlf(&r->out, "<h3 class=\"govuk-heading-s\">To decide</h3><ul class=\"govuk-list govuk-list--bullet\">");
		htmlf(&r->out, "<li><a class=\"govuk-link\" href=\"/area/%D/audits\">%t</a></li>", ms.items[i].area_id,
		     n == 1 ? arena_printf(&r->mem, "1 audit for %s to accept or return", ms.items[i].place_name)
			    : arena_printf(&r->mem, "%lld audits for %s to accept or return", (long long)n,
					   ms.items[i].place_name));
	}
	if (*shown)
		htmlf(&r->out, "</ul>");
	return 0;
}

int notify_home_panel(request *r)
{
	notification_list unread;
	notify_due_list due;
	int64_t n;
	char today[11];
	date_today(today);
	if (notifications_of(&r->d, r->sess.user.id, HOME_LIMIT, true, &unread, &r->e) < 0 ||
	    notifications_unread(&r->d, r->sess.user.id, &n, &r->e) < 0 ||
	    notify_due_of(&r->d, r->sess.user.id, today, &due, &r->e) < 0)
		return -1;
	htmlf(&r->out, "<h2 class=\"govuk-heading-m\" id=\"waiting\">Waiting for you</h2>");
	size_t deciding = 0;
	if (audits_to_decide(r, &deciding) < 0)
		return -1;
	if (!n && !due.n && !deciding)
		htmlf(&r->out, "<p class=\"govuk-body\">Nothing is waiting for you.</p>");
	if (n) {
		htmlf(&r->out, "<h3 class=\"govuk-heading-s\">%t</h3><ul class=\"govuk-list govuk-list--bullet\">",
		     n == 1 ? "1 unread notification" : arena_printf(&r->mem, "%lld unread notifications", (long long)n));
		for (size_t i = 0; i < unread.n; i++) {
			htmlf(&r->out, "<li>");
			subject_link(r, &unread.items[i]);
			htmlf(&r->out, "</li>");
		}
		htmlf(&r->out, "</ul>");
	}
	if (due.n)
		due_list_items(r, &due);
	htmlf(&r->out, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/notifications\">All your notifications</a></p>");
	return 0;
}

const route notify_routes[] = {
	{"GET", "/notifications", page_notifications, 0, ACCESS_NONE},
	{"POST", "/notifications/read", page_notifications_read, ROUTE_POST, ACCESS_NONE},
	{"GET", "/account/notifications", page_settings, 0, ACCESS_NONE},
	{"POST", "/account/notifications", page_settings_post, ROUTE_POST, ACCESS_NONE},
	{"GET", "/unsubscribe/{token}", page_unsubscribe, ROUTE_PUBLIC, ACCESS_NONE},
	{"POST", "/unsubscribe/{token}", page_unsubscribe_post, ROUTE_PUBLIC, ACCESS_NONE},
	{0},
};
