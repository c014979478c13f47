/* test_notify.c: notifications: each kind reaches the right people and no
 * one else; each person's choice (at once, weekly, in copro only) and the
 * refusal of a wrong one; the tick says each due date once however often
 * it runs; the weekly digest groups a week's items into one email and
 * sends nothing when there is nothing; unsubscribe links. */
#include "testutil.h"

#include "domain/account.h"
#include "domain/audit.h"
#include "domain/mail.h"
#include "domain/notify.h"

#define PW "a long enough test password"

typedef struct world {
	int64_t org, far_org;
	int64_t admin, lead, owner, far_admin, far_lead;
} world;

static void people(fixture *f, world *w)
{
	w->org = fixture_org(f, "Ash School");
	org_row far = {.name = "Far School", .sector = "education", .area = "Far Area"};
	assert_int_equal(org_add(&f->d, &far, &w->far_org, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Ada Admin", "ada@example.org", PW, "area-admin", 0, "Test Area",
				  &w->admin, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Lee Lead", "lee@example.org", PW, "lead", w->org, NULL,
				  &w->lead, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Olu Owner", "olu@example.org", PW, "contributor", w->org, NULL,
				  &w->owner, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Fay Admin", "fay@example.org", PW, "area-admin", 0, "Far Area",
				  &w->far_admin, &f->e), 0);
	assert_int_equal(user_add(&f->d, "Fin Lead", "fin@example.org", PW, "lead", w->far_org, NULL,
				  &w->far_lead, &f->e), 0);
}

static int64_t count_of(fixture *f, int64_t user, const char *kind)
{
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM notification WHERE user_id = %lld AND kind = '%s'",
		 (long long)user, kind);
	return fixture_count(f, sql);
}

static int64_t total(fixture *f)
{
	return fixture_count(f, "SELECT COUNT(*) FROM notification");
}

/* The emails queued to `to`, newest first. */
static outbox_list mails_to(fixture *f, const char *to)
{
	outbox_list l;
	assert_int_equal(mail_outbox(&f->d, 0, NULL, to, 50, &l, &f->e), 0);
	return l;
}

static void run(fixture *f, const char *sql)
{
	test_exec(&f->db, sql);
}

static time_t at(const char *iso)
{
	int64_t t = time_parse_iso(iso);
	assert_true(t > 0);
	return (time_t)t;
}

/* ---- audits ------------------------------------------------------------------ */

static int64_t ready_audit(fixture *f, int64_t org, const audit_actor *lead)
{
	audit_fields h = {.audit_date = "2026-03-01", .service_area = "Short breaks"};
	int64_t id = 0;
	assert_int_equal(audit_start(&f->d, org, 0, &h, lead, &id, &f->e), 0);
	for (int p = 1; p <= 6; p++) {
		char key[12];
		snprintf(key, sizeof key, "%d", p);
		principle_change c = {.level = "good"};
		assert_int_equal(audit_principle_set(&f->d, id, key, &c, &f->e), 0);
	}
	assert_int_equal(audit_person_add(&f->d, id, "Sam Patel", "SEND lead", &f->e), 0);
	audit_fields out = {.outcome = "good", .next_steps = "Recruit more families"};
	assert_int_equal(audit_set(&f->d, id, &out, &f->e), 0);
	return id;
}

static void audit_steps_reach_the_right_people(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	audit_actor lead = {.user_id = w.lead, .name = "Lee Lead", .access = ACCESS_LEAD};
	audit_actor admin = {.user_id = w.admin, .name = "Ada Admin", .access = ACCESS_AREA};
	int64_t id = ready_audit(f, w.org, &lead);
	assert_int_equal(total(f), 0);
	assert_int_equal(audit_submit(&f->d, id, &lead, &f->e), 0);
	assert_int_equal(count_of(f, w.admin, "audit-submitted"), 1);
	assert_int_equal(total(f), 1);         /* not the lead, nor the far area */
	notification_list l;
	assert_int_equal(notifications_of(&f->d, w.admin, 10, false, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].subject, "Ash School submitted its joint partnership audit");
	assert_non_null(strstr(l.items[0].text, "(Short breaks)"));
	char path[64];
	snprintf(path, sizeof path, "/org/%lld/audit/%lld", (long long)w.org, (long long)id);
	assert_string_equal(l.items[0].path, path);
	assert_null(l.items[0].read_at);
	assert_false(l.items[0].digest);       /* decisions go at once */
	/* ... by email too, saying where to find it and how to stop. */
	outbox_list m = mails_to(f, "ada@example.org");
	assert_int_equal(m.n, 1);
	assert_string_equal(m.items[0].kind, "notification");
	assert_string_equal(m.items[0].subject, "copro: Ash School submitted its joint partnership audit");
	assert_non_null(strstr(m.items[0].body, path));
	assert_non_null(strstr(m.items[0].body, "/account/notifications"));
	assert_non_null(m.items[0].unsubscribe);
	assert_non_null(strstr(m.items[0].unsubscribe, "/unsubscribe/"));
	assert_non_null(strstr(m.items[0].body, m.items[0].unsubscribe));
	assert_int_equal(m.items[0].area_id, fixture_org_area(f, w.org));
	assert_int_equal(mails_to(f, "lee@example.org").n, 0);
	assert_int_equal(mails_to(f, "fay@example.org").n, 0);

	assert_int_equal(audit_return(&f->d, id, &admin, "Say who took part <b>", &f->e), 0);
	assert_int_equal(count_of(f, w.lead, "audit-decided"), 1);
	assert_int_equal(count_of(f, w.owner, "audit-decided"), 0);   /* contributors do not decide */
	assert_int_equal(count_of(f, w.far_lead, "audit-decided"), 0);
	assert_int_equal(notifications_of(&f->d, w.lead, 10, false, &l, &f->e), 0);
	assert_non_null(strstr(l.items[0].subject, "returned"));
	assert_non_null(strstr(l.items[0].text, "Say who took part <b>"));
	assert_int_equal(mails_to(f, "lee@example.org").n, 1);

	/* A refused step tells nobody. */
	int64_t before = total(f);
	assert_int_equal(audit_accept(&f->d, id, &admin, "", &f->e), -1);
	assert_int_equal(total(f), before);
}

static void reading_and_marking(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	assert_int_equal(notify_user(&f->d, w.lead, "audit-decided", "One", "", "/x", &f->e), 0);
	assert_int_equal(notify_user(&f->d, w.lead, "audit-decided", "Two", "", "/y", &f->e), 0);
	assert_int_equal(notify_user(&f->d, w.owner, "action-due", "Other's", "", "", &f->e), 0);
	int64_t n;
	assert_int_equal(notifications_unread(&f->d, w.lead, &n, &f->e), 0);
	assert_int_equal(n, 2);
	notification_list l;
	assert_int_equal(notifications_of(&f->d, w.lead, 10, false, &l, &f->e), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].subject, "Two");        /* newest first */
	assert_int_equal(notifications_read_all(&f->d, w.lead, &f->e), 0);
	assert_int_equal(notifications_unread(&f->d, w.lead, &n, &f->e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(notifications_unread(&f->d, w.owner, &n, &f->e), 0);
	assert_int_equal(n, 1);                /* someone else's stay unread */
	/* A disabled account is told nothing, by email or in copro. */
	char sql[120];
	snprintf(sql, sizeof sql, "UPDATE app_user SET disabled_at = '2026-12-01T00:00:00Z' WHERE id = %lld",
		 (long long)w.owner);
	run(f, sql);
	assert_int_equal(notify_user(&f->d, w.owner, "audit-decided", "Gone", "", "", &f->e), 0);
	assert_int_equal(count_of(f, w.owner, "audit-decided"), 0);
	/* An unknown kind is refused. */
	assert_int_equal(notify_user(&f->d, w.lead, "gossip", "x", "", "", &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
}

/* ---- choices ------------------------------------------------------------------- */

static void choices(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	const char *how[NOTIFY_KINDS];
	assert_int_equal(notify_settings_of(&f->d, w.lead, how, &f->e), 0);
	assert_string_equal(how[0], "now");            /* audit-submitted */
	assert_string_equal(how[2], "weekly");         /* action-due */
	const char *set[NOTIFY_KINDS] = {"now", "weekly", "in-app", "now", "weekly", "in-app"};
	assert_int_equal(notify_settings_set(&f->d, w.lead, set, &f->e), 0);
	assert_int_equal(notify_settings_of(&f->d, w.lead, how, &f->e), 0);
	assert_string_equal(how[1], "weekly");
	assert_string_equal(how[2], "in-app");
	/* A wrong value names the kind and changes nothing. */
	const char *bad[NOTIFY_KINDS] = {"now", "daily", "now", "now", "now", "now"};
	int64_t rows = fixture_count(f, "SELECT COUNT(*) FROM notification_setting WHERE how = 'now'");
	assert_int_equal(notify_settings_set(&f->d, w.lead, bad, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	assert_non_null(strstr(f->e.msg, "returns or accepts"));
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification_setting WHERE how = 'now'"), rows);
	/* Weekly waits for the digest; in copro only never does. */
	assert_int_equal(notify_user(&f->d, w.lead, "audit-decided", "Weekly one", "", "", &f->e), 0);
	assert_int_equal(notify_user(&f->d, w.lead, "action-due", "In-app one", "", "", &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification WHERE digest = 1"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification WHERE digest = 1 AND subject = 'Weekly one'"), 1);
	assert_int_equal(mails_to(f, "lee@example.org").n, 0);         /* neither is emailed now */
	/* At once, after all: */
	const char *now_all[NOTIFY_KINDS] = {"now", "now", "now", "now", "now", "now"};
	assert_int_equal(notify_settings_set(&f->d, w.lead, now_all, &f->e), 0);
	assert_int_equal(notify_user(&f->d, w.lead, "action-due", "Now one", "", "", &f->e), 0);
	assert_int_equal(mails_to(f, "lee@example.org").n, 1);
}

static void unsubscribe(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	char token[65];
	assert_int_equal(notify_unsubscribe_token(&f->d, w.lead, "audit-decided", token, &f->e), 0);
	/* Only the hash is kept. */
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM notification_unsubscribe WHERE token_hash = '%s'", token);
	assert_int_equal(fixture_count(f, sql), 0);
	const char *kind;
	assert_int_equal(notify_unsubscribe(&f->d, token, &kind, &f->e), 0);
	assert_string_equal(kind, "audit-decided");
	const char *how[NOTIFY_KINDS];
	assert_int_equal(notify_settings_of(&f->d, w.lead, how, &f->e), 0);
	assert_string_equal(how[1], "in-app");
	assert_string_equal(how[0], "now");            /* only that kind */
	/* Twice is the same. */
	assert_int_equal(notify_unsubscribe(&f->d, token, &kind, &f->e), 0);
	/* A digest's link stops every email. */
	assert_int_equal(notify_unsubscribe_token(&f->d, w.lead, "all", token, &f->e), 0);
	assert_int_equal(notify_unsubscribe(&f->d, token, &kind, &f->e), 0);
	assert_int_equal(notify_settings_of(&f->d, w.lead, how, &f->e), 0);
	for (size_t i = 0; i < NOTIFY_KINDS; i++)
		assert_string_equal(how[i], "in-app");
	/* Unknown or malformed tokens are not found, and change nothing. */
	int64_t rows = test_count_rows(&f->db);
	token[0] = token[0] == 'a' ? 'b' : 'a';
	assert_int_equal(notify_unsubscribe(&f->d, token, &kind, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(notify_unsubscribe(&f->d, "' OR 1=1 --", &kind, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(test_count_rows(&f->db), rows);
}

/* ---- the tick -------------------------------------------------------------------- */

static int64_t action(fixture *f, int64_t org, const char *title, const char *owner, const char *due)
{
	action_row a = {.organisation_id = org, .title = title, .owner = owner, .due_on = due};
	int64_t id;
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), 0);
	return id;
}

static void tick_says_each_date_once(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	action(f, w.org, "Owned by name", "  olu owner ", "2026-12-10");
	action(f, w.org, "Owned by email", "OLU@example.org", "2026-12-12");
	action(f, w.org, "Owned by nobody known", "Pat Visitor", "2026-12-09");
	action(f, w.org, "Not yet", "Olu Owner", "2027-01-30");
	action(f, w.far_org, "Far", "", "2026-12-01");
	time_t now = at("2026-12-07T09:00:00Z");
	size_t said, digests;
	assert_int_equal(notify_tick_counts(&f->d, now, &said, &digests, &f->e), 0);
	assert_int_equal(count_of(f, w.owner, "action-due"), 2);
	assert_int_equal(count_of(f, w.lead, "action-due"), 1);        /* Pat has no account */
	assert_int_equal(count_of(f, w.far_lead, "action-due"), 1);    /* no owner: overdue, to the lead */
	assert_int_equal(count_of(f, w.admin, "action-due"), 0);
	assert_int_equal(said, 4);
	notification_list l;
	assert_int_equal(notifications_of(&f->d, w.lead, 10, false, &l, &f->e), 0);
	assert_non_null(strstr(l.items[0].text, "Pat Visitor, has no account in this organisation"));
	/* Again, and again later the same day: nothing new. */
	assert_int_equal(notify_tick_counts(&f->d, now, &said, &digests, &f->e), 0);
	assert_int_equal(said, 0);
	assert_int_equal(notify_tick_counts(&f->d, now + 3600, &said, &digests, &f->e), 0);
	assert_int_equal(said, 0);
	assert_int_equal(total(f), 4);
	/* Once past its date, the action is overdue: said once more. */
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-11T09:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(said, 2);             /* "by name" (10th) and "nobody known" (9th) */
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-11T10:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(said, 0);
	/* A new due date is a new reminder. */
	run(f, "UPDATE action_item SET due_on = '2026-12-14' WHERE title = 'Owned by name'");
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-11T11:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(said, 1);
	/* Finished actions are not chased. */
	run(f, "UPDATE action_item SET status = 'done'");
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-20T09:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(said, 0);
}

/* Housekeeping: read notifications after 180 days, unsubscribe links
 * after 180, and the record of a reminder 30 days after it was said once
 * it is no longer due; never an unread one, nor the record of one still
 * due (it would be said again). */
static void prune_forgets_what_is_spent(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	action(f, w.org, "Long overdue", "Olu Owner", "2026-01-10");
	time_t now = at("2026-12-07T09:00:00Z");
	size_t said, digests, gone = 99;
	assert_int_equal(notify_tick_counts(&f->d, now, &said, &digests, &f->e), 0);
	assert_int_equal(said, 1);
	for (int i = 0; i < 3; i++)
		assert_int_equal(notify_user(&f->d, w.lead, "audit-decided", "News", "", "", &f->e), 0);
	run(f, "UPDATE notification SET read_at = '2026-05-01T00:00:00Z' WHERE id = (SELECT MIN(id) FROM notification WHERE subject = 'News');"
	       "UPDATE notification SET read_at = '2026-11-30T00:00:00Z' WHERE id = (SELECT MAX(id) FROM notification WHERE subject = 'News');"
	       "UPDATE notification SET created_at = '2020-01-01T00:00:00Z' WHERE subject = 'News';"
	       "UPDATE notification_sent SET at = '2026-10-01T00:00:00Z';"
	       "INSERT INTO notification_sent (user_id, event, at) VALUES"
	       " (1, 'action-due:999:2026-09-01', '2026-10-01T00:00:00Z'),"
	       " (1, 'action-due:998:2026-11-20', '2026-11-20T00:00:00Z');");
	char old[65], fresh[65];
	assert_int_equal(notify_unsubscribe_token(&f->d, w.lead, "all", old, &f->e), 0);
	assert_int_equal(notify_unsubscribe_token(&f->d, w.lead, "all", fresh, &f->e), 0);
	char sql[300], hash[65];
	token_hash(old, hash);
	snprintf(sql, sizeof sql, "UPDATE notification_unsubscribe SET created_at = '2026-06-01T00:00:00Z'"
		 " WHERE token_hash = '%s'", hash);
	run(f, sql);
	int64_t links = fixture_count(f, "SELECT COUNT(*) FROM notification_unsubscribe");

	assert_int_equal(notify_prune(&f->d, now, &gone, &f->e), 0);
	/* The old read one, one old link, the reminder no longer due. */
	assert_int_equal(gone, 3);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification WHERE subject = 'News'"), 2);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification WHERE subject = 'News' AND read_at IS NULL"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification_unsubscribe"), links - 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification_sent WHERE event LIKE 'action-due:999:%'"), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification_sent WHERE event LIKE 'action-due:998:%'"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification_sent WHERE event LIKE 'action-overdue:%'"), 1);
	/* The overdue action is not said again, and a second prune finds nothing. */
	assert_int_equal(notify_tick_counts(&f->d, now + 60, &said, &digests, &f->e), 0);
	assert_int_equal(said, 0);
	assert_int_equal(notify_prune(&f->d, now, &gone, &f->e), 0);
	assert_int_equal(gone, 0);
	/* An old link is refused, saying links last 180 days. */
	int64_t who;
	const char *kind;
	assert_int_equal(notify_unsubscribe_find(&f->d, fresh, &who, &kind, &f->e), 0);
	assert_int_equal(notify_unsubscribe_find(&f->d, old, &who, &kind, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_non_null(strstr(f->e.msg, "180 days"));
}

/* The tick does the housekeeping on its first run of a day. */
static void tick_prunes_once_a_day(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	assert_int_equal(notify_user(&f->d, w.lead, "audit-decided", "Old", "", "", &f->e), 0);
	run(f, "UPDATE notification SET read_at = '2020-01-01T00:00:00Z'");
	size_t said, digests;
	time_t day = at("2031-03-03T09:00:00Z");       /* a day no other test ticks on */
	assert_int_equal(notify_tick_counts(&f->d, day, &said, &digests, &f->e), 0);
	assert_int_equal(total(f), 0);
	assert_int_equal(notify_user(&f->d, w.lead, "audit-decided", "Old again", "", "", &f->e), 0);
	run(f, "UPDATE notification SET read_at = '2020-01-01T00:00:00Z'");
	assert_int_equal(notify_tick_counts(&f->d, day + 60, &said, &digests, &f->e), 0);
	assert_int_equal(total(f), 1);                  /* the same day: not again */
	assert_int_equal(notify_tick_counts(&f->d, day + 24 * 3600, &said, &digests, &f->e), 0);
	assert_int_equal(total(f), 0);
}

static void tick_reviews_rounds_and_gold(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	int64_t eval = fixture_evaluation(f, w.org);
	int64_t act = action(f, w.org, "Reviewed", "Olu Owner", NULL);
	char sql[600];
	snprintf(sql, sizeof sql, "UPDATE action_item SET review_on = '2026-12-09' WHERE id = %lld", (long long)act);
	run(f, sql);
	snprintf(sql, sizeof sql,
		 "INSERT INTO view_round (organisation_id, evaluation_id, framework_id, framework_hash, title,"
		 " opens_on, closes_on, created_at, updated_at) VALUES (%lld, %lld, 'four-cornerstones', '%s',"
		 " 'Autumn views', '2026-11-01', '2026-12-12', 'x', 'x'),"
		 " (%lld, %lld, 'four-cornerstones', '%s', 'Later views', '2026-11-01', '2027-02-01', 'x', 'x')",
		 (long long)w.org, (long long)eval, fixture_framework_hash(f, "four-cornerstones"),
		 (long long)w.org, (long long)eval, fixture_framework_hash(f, "four-cornerstones"));
	run(f, sql);
	snprintf(sql, sizeof sql,
		 "INSERT INTO gold_decision (organisation_id, evaluation_id, decision, decided_on, due_on,"
		 " assessor, created_at) VALUES (%lld, %lld, 'awarded', '2023-12-20', '2027-01-20', 'A', 'x')",
		 (long long)w.org, (long long)eval);
	run(f, sql);
	size_t said, digests;
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-07T09:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(count_of(f, w.owner, "review-due"), 1);
	assert_int_equal(count_of(f, w.lead, "views-closing"), 1);     /* not the February one */
	assert_int_equal(count_of(f, w.lead, "gold-due"), 1);
	assert_int_equal(count_of(f, w.owner, "views-closing") + count_of(f, w.admin, "gold-due"), 0);
	assert_int_equal(said, 3);
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-08T09:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(said, 0);
	/* What one person sees waiting on their home page: theirs only. */
	notify_due_list due;
	assert_int_equal(notify_due_of(&f->d, w.lead, "2026-12-07", &due, &f->e), 0);
	assert_int_equal(due.n, 2);
	assert_int_equal(notify_due_of(&f->d, w.far_lead, "2026-12-07", &due, &f->e), 0);
	assert_int_equal(due.n, 0);
}

/* ---- digests ------------------------------------------------------------------------ */

static void at_time(const char *iso)
{
	setenv("COPRO_NOW", iso, 1);
}

static void digest_weekly(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	/* Nothing waiting: no digest at all. */
	size_t said, digests;
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-07T08:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(digests, 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification_digest"), 0);
	/* On Wednesday 2 December, two items for the lead and one for the
	 * owner wait (weekly is the default for these kinds). */
	at_time("2026-12-02T10:00:00Z");
	assert_int_equal(notify_user(&f->d, w.lead, "action-due", "A", "", "/a", &f->e), 0);
	assert_int_equal(notify_user(&f->d, w.lead, "gold-due", "B", "", "/b", &f->e), 0);
	assert_int_equal(notify_user(&f->d, w.owner, "action-due", "C", "", "", &f->e), 0);
	/* Not this week, nor on Monday before 07:00. */
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-03T10:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(digests, 0);
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-07T06:59:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(digests, 0);
	assert_int_equal(mails_to(f, "lee@example.org").n, 0);
	/* Monday from 07:00: one digest per person, not per item. */
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-07T07:00:01Z"), &said, &digests, &f->e), 0);
	assert_int_equal(digests, 2);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM notification WHERE digest = 1"), 0);
	outbox_list m = mails_to(f, "lee@example.org");
	assert_int_equal(m.n, 1);
	assert_string_equal(m.items[0].kind, "digest");
	assert_string_equal(m.items[0].subject, "copro: your weekly digest (2 items)");
	/* grouped by kind, each item with its link */
	const char *b = m.items[0].body;
	const char *due = strstr(b, "An action is due"), *gold = strstr(b, "Charter Gold reaccreditation");
	assert_non_null(due);
	assert_non_null(gold);
	assert_non_null(strstr(due, "- A\n"));
	assert_non_null(strstr(b, "/a\n"));
	assert_non_null(m.items[0].unsubscribe);
	assert_int_equal(mails_to(f, "olu@example.org").n, 1);
	assert_int_equal(mails_to(f, "ada@example.org").n, 0);        /* nothing waited for her */
	/* Later that Monday and that week: no second digest. */
	at_time("2026-12-07T08:00:00Z");
	assert_int_equal(notify_user(&f->d, w.lead, "action-due", "D", "", "", &f->e), 0);
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-07T09:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(digests, 0);
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-10T12:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(digests, 0);
	/* The next Monday, D goes. */
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-14T07:30:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(digests, 1);
	assert_int_equal(mails_to(f, "lee@example.org").n, 2);
	/* Every item stays in copro, read or not. */
	assert_int_equal(count_of(f, w.lead, "action-due"), 2);
	unsetenv("COPRO_NOW");
}

/* A digest lists 50 items and counts the rest, however many wait. */
static void digest_of_many(void **state)
{
	fixture *f = *state;
	world w;
	people(f, &w);
	at_time("2026-12-02T10:00:00Z");
	for (int i = 0; i < 60; i++) {
		char subject[20];
		snprintf(subject, sizeof subject, "Item %d", i);
		assert_int_equal(notify_user(&f->d, w.owner, "action-due", subject, "", "/x", &f->e), 0);
	}
	unsetenv("COPRO_NOW");
	size_t said, digests;
	assert_int_equal(notify_tick_counts(&f->d, at("2026-12-07T08:00:00Z"), &said, &digests, &f->e), 0);
	assert_int_equal(digests, 1);
	outbox_list m = mails_to(f, "olu@example.org");
	assert_int_equal(m.n, 1);
	assert_string_equal(m.items[0].subject, "copro: your weekly digest (60 items)");
	assert_non_null(strstr(m.items[0].body, "- Item 49\n"));
	assert_null(strstr(m.items[0].body, "- Item 50\n"));
	assert_non_null(strstr(m.items[0].body, "and 10 more: see them all in copro."));
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(audit_steps_reach_the_right_people), T(reading_and_marking), T(choices),
		T(unsubscribe), T(tick_says_each_date_once), T(tick_reviews_rounds_and_gold),
		T(digest_weekly), T(digest_of_many), T(prune_forgets_what_is_spent), T(tick_prunes_once_a_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
