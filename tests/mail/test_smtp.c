/* test_smtp.c: messages as they reach a real SMTP server
 * (tests/smtp_sink.py): a non-ASCII subject as encoded words, a UTF-8
 * body quoted-printable that decodes to the text, the one-click
 * unsubscribe headers, and a delivery pass that sends what is due once. */
#include "testutil.h"

#include <curl/curl.h>

#include "domain/mail.h"
#include "mail/sender.h"
#include "mail/smtp.h"

typedef struct world {
	fixture *f;
	test_sink sink;
	smtp_settings s;
} world;

static int setup(void **state)
{
	fixture_setup(state);
	world *w = calloc(1, sizeof *w);
	w->f = *state;
	char dir[200];
	snprintf(dir, sizeof dir, "%s/mail", w->f->dir);
	test_sink_start(&w->sink, dir, NULL);
	w->s = (smtp_settings){.url = w->sink.url, .from = "copro@example.org", .ca_file = w->sink.ca};
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	world *w = *state;
	test_sink_stop(&w->sink);
	*state = w->f;
	free(w);
	return fixture_teardown(state);
}

static outbox_row row(const char *to, const char *subject, const char *body)
{
	return (outbox_row){.id = 7, .to_address = to, .subject = subject, .body = body, .kind = "test"};
}

static void non_ascii_subject_and_body_arrive_whole(void **state)
{
	world *w = *state;
	const char *subject = "Réunion des parents – « café » ✓ and a long tail of words to fold over";
	const char *body = "Bonjour Zoë,\n\nA line of more than seventy-six characters, which quoted-printable must break softly "
			   "= and keep whole.\nhttps://copro.example.org/join/abc\n";
	outbox_row m = row("zoe@example.org", subject, body);
	smtp_result r;
	smtp_send(&w->s, &m, time(NULL), &r);
	assert_true(r.ok);
	char *got = test_mail_latest(&w->sink, "zoe@example.org", "subject", 5);
	assert_non_null(got);
	assert_string_equal(got, subject);
	free(got);
	got = test_mail_latest(&w->sink, "zoe@example.org", "header:Subject", 5);
	assert_non_null(got);
	assert_true(strncmp(got, "=?UTF-8?B?", 10) == 0);     /* 7-bit on the wire */
	free(got);
	got = test_mail_latest(&w->sink, "zoe@example.org", "text", 5);
	assert_non_null(got);
	char *want = strdup(body);
	want[strlen(want) - 1] = '\0';          /* the reader drops the last newline */
	assert_string_equal(got, want);
	free(want);
	free(got);
	got = test_mail_latest(&w->sink, "zoe@example.org", "link", 5);
	assert_string_equal(got, "https://copro.example.org/join/abc");
	free(got);
	got = test_mail_latest(&w->sink, "zoe@example.org", "header:List-Unsubscribe", 0);
	assert_null(got);       /* none asked for */
}

static void unsubscribe_headers_when_asked(void **state)
{
	world *w = *state;
	outbox_row m = row("lead@example.org", "Weekly digest", "Nothing new.\n");
	m.unsubscribe = "https://copro.example.org/unsubscribe/tok";
	smtp_result r;
	smtp_send(&w->s, &m, time(NULL), &r);
	assert_true(r.ok);
	char *got = test_mail_latest(&w->sink, "lead@example.org", "header:List-Unsubscribe", 5);
	assert_string_equal(got, "<https://copro.example.org/unsubscribe/tok>");
	free(got);
	got = test_mail_latest(&w->sink, "lead@example.org", "header:List-Unsubscribe-Post", 5);
	assert_string_equal(got, "List-Unsubscribe=One-Click");
	free(got);
}

static void ascii_subjects_stay_as_they_are(void **state)
{
	world *w = *state;
	assert_string_equal(smtp_encode_words(&w->f->mem, "Plain words"), "Plain words");
	/* Text that looks like an encoded word is encoded, so it reads as typed. */
	assert_string_equal(smtp_encode_words(&w->f->mem, "=?x?"), "=?UTF-8?B?PT94Pw==?=");
}

static void a_pass_sends_what_is_due_once(void **state)
{
	world *w = *state;
	fixture *f = w->f;
	mail_message m = {.to = "a@example.org", .subject = "One", .text = "First", .kind = "test"};
	assert_int_equal(mail_queue(&f->d, &m, &f->e), 0);
	m.to = "b@example.org";
	assert_int_equal(mail_queue(&f->d, &m, &f->e), 0);
	mail_pass_result r;
	assert_int_equal(mail_send_pass(&f->d, &w->s, 0, &r, &f->e), 0);
	assert_int_equal(r.sent, 2);
	assert_int_equal(mail_send_pass(&f->d, &w->s, 0, &r, &f->e), 0);
	assert_int_equal(r.sent, 0);
	char *n = test_mail_latest(&w->sink, "a@example.org", "count", 0);
	assert_string_equal(n, "1");
	free(n);
	assert_int_equal(fixture_count(f, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'"), 2);
}

static void a_server_that_is_down_is_tried_again(void **state)
{
	world *w = *state;
	fixture *f = w->f;
	test_sink_stop(&w->sink);
	mail_message m = {.to = "a@example.org", .subject = "One", .text = "First", .kind = "test"};
	assert_int_equal(mail_queue(&f->d, &m, &f->e), 0);
	mail_pass_result r;
	assert_int_equal(mail_send_pass(&f->d, &w->s, 0, &r, &f->e), 0);
	assert_int_equal(r.deferred, 1);
	outbox_list l;
	assert_int_equal(mail_outbox(&f->d, 0, "waiting", NULL, 5, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	body_has(l.items[0].last_error, "Could not connect to the mail server");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(non_ascii_subject_and_body_arrive_whole),
		T(unsubscribe_headers_when_asked),
		T(ascii_subjects_stay_as_they_are),
		T(a_pass_sends_what_is_due_once),
		T(a_server_that_is_down_is_tried_again),
	};
	smtp_global_init();
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	return rc;
}
