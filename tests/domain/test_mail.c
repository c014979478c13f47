/* test_mail.c: the outbox: a change and its emails commit together (and
 * a rolled-back change queues nothing), bad messages are refused before
 * anything is written, links are absolute, a message is claimed by one
 * sender only, and failed tries wait 1, 5, 15, 60 and 240 minutes before
 * the message is given up and can be tried again by its area. */
#include "testutil.h"

#include "domain/mail.h"

static mail_message message(const char *to)
{
	return (mail_message){.to = to, .subject = "You are invited", .text = "Follow the link.",
			      .kind = "invitation"};
}

static void a_change_and_its_mail_commit_together(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	mail_message m = message("lead@example.org");
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	assert_int_equal(activity_log(&f->d, NULL, org, 0, "invited someone", &f->e), 0);
	assert_int_equal(mail_queue(&f->d, &m, &f->e), 0);
	assert_int_equal(store_commit(&f->db, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox WHERE to_address = 'lead@example.org'"
				       " AND status = 'waiting' AND attempts = 0"), 1);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM activity WHERE what = 'invited someone'"), 1);
}

static void a_rolled_back_change_queues_nothing(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	int64_t before = test_count_rows(&f->db);
	mail_message m = message("lead@example.org");
	assert_int_equal(store_begin(&f->db, &f->e), 0);
	assert_int_equal(activity_log(&f->d, NULL, org, 0, "invited someone", &f->e), 0);
	assert_int_equal(mail_queue(&f->d, &m, &f->e), 0);
	store_rollback(&f->db);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox"), 0);
	assert_int_equal(test_count_rows(&f->db), before);
}

static void outside_a_transaction_it_commits_alone(void **state)
{
	fixture *f = *state;
	mail_message m = message("someone@example.org");
	m.kind = "test";
	assert_int_equal(mail_queue(&f->d, &m, &f->e), 0);
	assert_int_equal(f->db.in_tx, 0);
	outbox_list l;
	assert_int_equal(mail_outbox(&f->d, 0, "waiting", "someone@example.org", 10, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].subject, "You are invited");
	assert_string_equal(l.items[0].kind, "test");
}

static void bad_messages_write_nothing(void **state)
{
	fixture *f = *state;
	int64_t before = test_count_rows(&f->db);
	const char *to[] = {"", "no-at-sign", "a@b@example.org", "a@example.org\r\nBcc: x@evil.example",
			    "a@example.org, b@example.org", "Name <a@example.org>", "a@localhost", "@example.org"};
	for (size_t i = 0; i < sizeof to / sizeof *to; i++) {
		mail_message m = message(to[i]);
		assert_int_equal(mail_queue(&f->d, &m, &f->e), -1);
		assert_int_equal(f->e.kind, ERR_INPUT);
		body_has(f->e.msg, "email address");
	}
	mail_message m = message("a@example.org");
	m.subject = "Hello\r\nBcc: x@evil.example";
	assert_int_equal(mail_queue(&f->d, &m, &f->e), -1);
	body_has(f->e.msg, "one line");
	m = message("a@example.org");
	m.kind = "spam";
	assert_int_equal(mail_queue(&f->d, &m, &f->e), -1);
	body_has(f->e.msg, "Unknown kind");
	m = message("a@example.org");
	m.unsubscribe = "javascript:alert(1)";
	assert_int_equal(mail_queue(&f->d, &m, &f->e), -1);
	m = message("a@example.org");
	m.text = "";
	assert_int_equal(mail_queue(&f->d, &m, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
}

static void links_are_absolute(void **state)
{
	fixture *f = *state;
	assert_string_equal(mail_link(&f->mem, "/join/abc"), "http://localhost:8080/join/abc");
	mail_set_base_url("https://copro.example.org/");
	assert_string_equal(mail_link(&f->mem, "/join/abc"), "https://copro.example.org/join/abc");
	assert_string_equal(mail_link(&f->mem, "join/abc"), "https://copro.example.org/join/abc");
	mail_set_base_url("http://localhost:8080");
}

/* Two senders (two serve processes, or serve and cron) never hold one
 * message at once; a sender that died lets go when its claim runs out. */
static void one_sender_claims_a_message(void **state)
{
	fixture *f = *state;
	mail_message m = message("a@example.org");
	assert_int_equal(mail_queue(&f->d, &m, &f->e), 0);
	int64_t now = time_now_epoch();
	outbox_row first, second;
	assert_int_equal(mail_claim(&f->d, now, &first, &f->e), 1);
	assert_string_equal(first.status, "sending");
	assert_int_equal(first.attempts, 1);
	assert_int_equal(mail_claim(&f->d, now, &second, &f->e), 0);
	assert_int_equal(mail_claim(&f->d, now + MAIL_CLAIM_SECONDS + 1, &second, &f->e), 1);
	assert_int_equal(second.id, first.id);
	assert_int_equal(second.attempts, 2);
	assert_int_equal(mail_delivered(&f->d, second.id, now, &f->e), 0);
	assert_int_equal(mail_claim(&f->d, now + 100000, &second, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND sent_at IS NOT NULL"), 1);
}

static void failures_back_off_then_fail_and_can_be_tried_again(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside");
	int64_t area = fixture_org_area(f, org);
	mail_message m = message("a@example.org");
	m.area = area;
	assert_int_equal(mail_queue(&f->d, &m, &f->e), 0);
	static const int64_t waits[] = {60, 300, 900, 3600, 14400};
	int64_t now = time_now_epoch();
	outbox_row r;
	for (int i = 0; i < MAIL_MAX_ATTEMPTS; i++) {
		assert_int_equal(mail_claim(&f->d, now, &r, &f->e), 1);
		assert_int_equal(r.attempts, i + 1);
		assert_int_equal(mail_undelivered(&f->d, &r, now, "Connection refused", false, &f->e), 0);
		if (i == MAIL_MAX_ATTEMPTS - 1)
			break;
		/* Not due a second before its wait is over, due at its end. */
		assert_int_equal(mail_claim(&f->d, now + waits[i] - 1, &r, &f->e), 0);
		now += waits[i];
	}
	assert_int_equal(mail_claim(&f->d, now + 1000000, &r, &f->e), 0);
	outbox_list l;
	assert_int_equal(mail_outbox(&f->d, area, "failed", NULL, 10, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(mail_error_words(&l.items[0]), "Connection refused");
	/* Another area's administrator cannot try it again; its own can. */
	user_row who = {.id = 0, .name = "Admin"};
	assert_int_equal(mail_retry(&f->d, &who, area + 1, l.items[0].id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(mail_retry(&f->d, &who, area, l.items[0].id, &f->e), 0);
	assert_int_equal(mail_claim(&f->d, time_now_epoch() + 1, &r, &f->e), 1);
	assert_int_equal(r.attempts, 1);
	/* A refusal for good fails it at once. */
	assert_int_equal(mail_undelivered(&f->d, &r, now, "Mailbox unknown", true, &f->e), 0);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox WHERE status = 'failed'"), 1);
}

static int wakes;
static void count_wake(void)
{
	wakes++;
}

/* serve's sender is woken when mail is queued and when a given-up email
 * is put back, so neither waits for its minute. */
static void queuing_and_trying_again_wake_the_sender(void **state)
{
	fixture *f = *state;
	int64_t area = fixture_org_area(f, fixture_org(f, "Riverside"));
	mail_on_queue(count_wake);
	wakes = 0;
	mail_message m = message("a@example.org");
	m.area = area;
	assert_int_equal(mail_queue(&f->d, &m, &f->e), 0);
	assert_int_equal(wakes, 1);
	outbox_row r;
	assert_int_equal(mail_claim(&f->d, time_now_epoch() + 1, &r, &f->e), 1);
	assert_int_equal(mail_undelivered(&f->d, &r, time_now_epoch(), "Refused", true, &f->e), 0);
	user_row who = {.id = 0, .name = "Admin"};
	assert_int_equal(mail_retry(&f->d, &who, area, r.id, &f->e), 0);
	assert_int_equal(wakes, 2);
	mail_on_queue(NULL);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(a_change_and_its_mail_commit_together),
		T(a_rolled_back_change_queues_nothing),
		T(outside_a_transaction_it_commits_alone),
		T(bad_messages_write_nothing),
		T(links_are_absolute),
		T(one_sender_claims_a_message),
		T(failures_back_off_then_fail_and_can_be_tried_again),
		T(queuing_and_trying_again_wake_the_sender),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
