/* notify.c: notifications: the kinds and each person's choice, telling a
 * person (in copro always, by email as they chose), reading and marking,
 * unsubscribe links, and who hears when an audit moves. The due dates and
 * digests are notify_tick.c's; the emails' wording notify_mail.c's. */
#include "domain/notify.h"

#include <sodium.h>
#include <string.h>

#include "core/text.h"
#include "domain/account.h"
#include "domain/mail.h"
#include "domain/notify_internal.h"
#include "store/account.h"
#include "store/notify.h"

/* Decisions about audits are awaited (someone's work stops until they come),
 * so they are sent at once; dates are known long before, so a weekly
 * digest holds them without a pile of emails. */
const notify_kind notify_kinds[NOTIFY_KINDS] = {
	{"audit-submitted", "An organisation submits an audit to the area",
	 "The area's administrators", "now"},
	{"audit-decided", "The area returns or accepts an audit",
	 "The organisation's leads", "now"},
	{"action-due", "An action is due within 7 days, or overdue",
	 "The action's owner (its organisation's leads when no account has the owner's name or email)", "weekly"},
	{"review-due", "An action's or an audit's review is due within 7 days",
	 "An action's owner; for audits, the organisation's leads", "weekly"},
	{"views-closing", "A round of views closes within 7 days", "The organisation's leads", "weekly"},
	{"gold-due", "Charter Gold reaccreditation is due within 90 days, or overdue",
	 "The organisation's leads", "weekly"},
};

const notify_kind *notify_kind_find(const char *key)
{
	for (size_t i = 0; key && i < NOTIFY_KINDS; i++)
		if (!strcmp(notify_kinds[i].key, key))
			return &notify_kinds[i];
	return NULL;
}

const char *notify_how_words(const char *how)
{
	if (!strcmp(how, "now"))
		return "at once";
	if (!strcmp(how, "weekly"))
		return "in a weekly digest";
	return "in copro only";
}

static bool how_valid(const char *how)
{
	return how && (!strcmp(how, "now") || !strcmp(how, "weekly") || !strcmp(how, "in-app"));
}

static int how_of(domain *d, int64_t user, const notify_kind *k, const char **how, err *e)
{
	if (store_notify_setting_get(d->db, d->mem, user, k->key, how, e) < 0)
		return -1;
	if (!*how)
		*how = k->how;
	return 0;
}

int notify_settings_of(domain *d, int64_t user, const char *how[NOTIFY_KINDS], err *e)
{
	for (size_t i = 0; i < NOTIFY_KINDS; i++)
		if (how_of(d, user, &notify_kinds[i], &how[i], e) < 0)
			return -1;
	return 0;
}

/* Writes the choices in one transaction: how[i] for each kind, or, with
 * `how` NULL, "in-app" for kind `only` ("all": every kind). */
static int put_settings(domain *d, int64_t user, const char *const *how, const char *only, err *e)
{
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	for (size_t i = 0; i < NOTIFY_KINDS; i++) {
		if (!how && strcmp(only, "all") && strcmp(only, notify_kinds[i].key))
			continue;
		if (store_notify_setting_put(d->db, user, notify_kinds[i].key, how ? how[i] : "in-app", now,
					     e) < 0) {
			store_rollback(d->db);
			return -1;
		}
	}
	if (store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int notify_settings_set(domain *d, int64_t user, const char *const how[NOTIFY_KINDS], err *e)
{
	for (size_t i = 0; i < NOTIFY_KINDS; i++)
		if (!how_valid(how[i]))
			return err_set(e, ERR_INPUT,
				       "choose how to hear that %s: at once, in a weekly digest or in copro only.",
				       notify_kinds[i].label);
	return put_settings(d, user, how, NULL, e);
}

/* ---- telling someone -------------------------------------------------------------- */

int notify_user_at(domain *d, int64_t user, const char *kind, const char *subject,
		   const char *text, const char *path, const char *at, err *e)
{
	const notify_kind *k = notify_kind_find(kind);
	if (!k)
		return err_set(e, ERR_INPUT, "there is no notification of kind \"%.40s\".", kind);
	user_row u;
	const char *how;
	int found = store_notify_recipient(d->db, d->mem, user, &u, e);
	if (found < 0 || how_of(d, user, k, &how, e) < 0)
		return -1;
	if (!found)
		return 0;               /* an account gone or disabled: nobody to tell */
	notification_row n = {.user_id = user, .kind = kind, .subject = subject,
			      .text = text ? text : "", .path = path ? path : "", .created_at = at,
			      .digest = !strcmp(how, "weekly")};
	int64_t id;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_notification_insert(d->db, &n, &id, e) < 0 ||
	    (!strcmp(how, "now") && notify_mail_one(d, &u, &n, e) < 0) ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int notify_user(domain *d, int64_t user, const char *kind, const char *subject,
		const char *text, const char *path, err *e)
{
	char now[21];
	time_now_iso(now);
	return notify_user_at(d, user, kind, subject, text, path, arena_strdup(d->mem, now), e);
}

int notify_security(domain *d, int64_t user, const char *subject, const char *text, err *e)
{
	user_row u;
	char now[21];
	time_now_iso(now);
	int found = store_notify_recipient(d->db, d->mem, user, &u, e);
	if (found <= 0)
		return found;
	notification_row n = {.user_id = user, .kind = NOTIFY_SECURITY, .subject = subject, .text = text,
			      .path = "/account/two-factor", .created_at = now};
	mail_message m = {
		.to = u.email, .subject = arena_printf(d->mem, "copro: %s", subject), .kind = "security", .user = user,
		.text = arena_printf(d->mem, "Hello %s,\n\n%s\n\nIf this was not you, reset your password straight away "
				     "at\n%s\nand tell your organisation lead or your area's administrator.\n\n"
				     "Your sign-in and security: %s\n\n--\nYou always get these emails about your "
				     "account's safety, whatever you choose for other news, so that you hear when "
				     "someone else made a change.\n", u.name, text, mail_link(d->mem, "/reset"),
				     mail_link(d->mem, "/account/two-factor")),
	};
	int64_t id;
	if (store_user_area(d->db, user, &m.area, e) < 0 || store_begin(d->db, e) < 0)
		return -1;
	if (store_notification_insert(d->db, &n, &id, e) < 0 || mail_queue(d, &m, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int notify_users(domain *d, const user_list *users, const char *kind, const char *subject,
		 const char *text, const char *path, const char *at, err *e)
{
	for (size_t i = 0; i < users->n; i++)
		if (notify_user_at(d, users->items[i].id, kind, subject, text, path, at, e) < 0)
			return -1;
	return 0;
}

/* ---- reading and marking ---------------------------------------------------------- */

int notifications_of(domain *d, int64_t user, int limit, bool unread_only,
		     notification_list *out, err *e)
{
	return store_notifications_of_user(d->db, d->mem, user, limit, unread_only, out, e);
}

int notifications_unread(domain *d, int64_t user, int64_t *n, err *e)
{
	return store_notifications_unread(d->db, user, n, e);
}

int frame_counts(domain *d, int64_t user, int64_t org, int64_t area, frame_count_row *out, err *e)
{
	char today[11];
	date_today(today);
	return store_frame_counts(d->db, user, org, area, today, out, e) < 0 ? -1 : 0;
}

int frame_counts_list(domain *d, int64_t user, int64_t org, int64_t area, frame_count_list *out,
		      err *e)
{
	char today[11];
	date_today(today);
	return store_frame_counts_list(d->db, d->mem, user, org, area, today, out, e) < 0 ? -1 : 0;
}

int notifications_read_all(domain *d, int64_t user, err *e)
{
	char now[21];
	time_now_iso(now);
	return store_notifications_read_all(d->db, user, now, e) < 0 ? -1 : 0;
}

/* ---- unsubscribe links ---------------------------------------------------------- */

int notify_unsubscribe_token(domain *d, int64_t user, const char *kind, char token[65], err *e)
{
	unsigned char bytes[32];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2hex(token, 65, bytes, sizeof bytes);
	char hash[65], now[21];
	token_hash(token, hash);
	time_now_iso(now);
	return store_unsubscribe_insert(d->db, hash, user, kind, now, e);
}

/* A token is 64 hexadecimal digits; anything else is not looked up. */
static bool token_shape(const char *token)
{
	return token && strlen(token) == 64 && strspn(token, "0123456789abcdef") == 64;
}

int notify_unsubscribe_find(domain *d, const char *token, int64_t *user, const char **kind, err *e)
{
	char hash[65];
	unsubscribe_row r = {0};
	int found = 0;
	if (token_shape(token)) {
		token_hash(token, hash);
		found = store_unsubscribe_get(d->db, d->mem, hash, &r, e);
		if (found < 0)
			return -1;
	}
	/* Compared again in constant time, as every stored secret is
	 * (docs/security.md), whatever the index did to find it. */
	if (found && sodium_memcmp(r.token_hash, hash, 64) != 0)
		found = 0;
	*user = r.user_id;
	*kind = r.kind;
	if (!found)
		return err_set(e, ERR_NOTFOUND,
			       "this unsubscribe link is not one copro made, or its email is more than %d days old: "
			       "check it is the whole link from the email.", NOTIFY_UNSUBSCRIBE_KEEP_DAYS);
	return 0;
}

int notify_unsubscribe(domain *d, const char *token, const char **kind, err *e)
{
	int64_t user;
	if (notify_unsubscribe_find(d, token, &user, kind, e) < 0)
		return -1;
	return put_settings(d, user, NULL, *kind, e);
}

/* ---- audits ------------------------------------------------------------------------ */

int notify_audit_step(domain *d, const audit_row *a, const char *status, const char *comment,
		      err *e)
{
	user_list people;
	const char *org = a->organisation_name ? a->organisation_name : "An organisation";
	const char *path = arena_printf(d->mem, "/org/%lld/audit/%lld", (long long)a->organisation_id,
					(long long)a->id);
	const char *what = *a->service_area ? arena_printf(d->mem, " (%s)", a->service_area) : "";
	char now[21];
	time_now_iso(now);
	const char *at = arena_strdup(d->mem, now);
	if (!strcmp(status, "submitted")) {
		int64_t area;
		if (store_org_area(d->db, a->organisation_id, &area, e) < 0 ||
		    store_area_admins(d->db, d->mem, area, &people, e) < 0)
			return -1;
		return notify_users(d, &people, "audit-submitted",
				    arena_printf(d->mem, "%s submitted its joint partnership audit", org),
				    arena_printf(d->mem, "%s submitted version %d of its joint partnership audit%s. "
						 "Accept it, or return it with a comment.", org, a->version, what),
				    path, at, e);
	}
	bool returned = !strcmp(status, "returned");
	if (!returned && strcmp(status, "accepted"))
		return 0;
	if (store_org_leads(d->db, d->mem, a->organisation_id, &people, e) < 0)
		return -1;
	const char *said = comment && *comment ? arena_printf(d->mem, " The area's comment: %s", comment) : "";
	return notify_users(d, &people, "audit-decided",
			    arena_printf(d->mem, "The area %s %s's joint partnership audit",
					 returned ? "returned" : "accepted", org),
			    arena_printf(d->mem, "The area %s version %d of %s's joint partnership audit%s.%s%s",
					 returned ? "returned" : "accepted", a->version, org, what, said,
					 returned ? " Start a new version to change it, then submit it again." : ""),
			    path, at, e);
}
