/* mail.c: `copro mail send` (one delivery pass, for cron), `copro mail
 * status` and `copro mail test ADDRESS`. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "core/text.h"
#include "domain/mail.h"
#include "mail/sender.h"

#define PASSWORD_BYTES 512

/* The mail settings, or EXIT_FAIL with the reason when none can be used. */
static int smtp_or_fail(cli *c, smtp_settings *s, char *password)
{
	char msg[700];
	if (config_smtp(s, password, PASSWORD_BYTES, msg, sizeof msg) < 0) {
		fprintf(stderr, "copro %s: %s\n", c->command, msg);
		return EXIT_FAIL;
	}
	if (!s->url) {
		fprintf(stderr, "copro %s: no mail server is set, so mail waits in the outbox: give smtp-url and mail-from in a settings file (copro --config FILE %s), docs/mail.md says how.\n",
			c->command, c->command);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int cmd_mail_send(cli *c, int argc, char **argv)
{
	smtp_settings s;
	char password[PASSWORD_BYTES];
	if (cli_parse(c, argc, argv, (const cli_opt[]){{0}}, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	if (smtp_or_fail(c, &s, password) != EXIT_OK || cli_open(c) < 0)
		return c->e.kind ? cli_fail(c) : EXIT_FAIL;
	mail_pass_result r;
	if (mail_send_pass(&c->d, &s, 0, &r, &c->e) < 0)
		return cli_fail(c);
	printf("Sent %d; %d to be tried again later; %d given up.\n", r.sent, r.deferred, r.failed);
	if (r.deferred || r.failed)
		printf("`copro mail status` shows why.\n");
	return EXIT_OK;
}

static void print_failures(cli *c, const char *status, const char *title)
{
	outbox_list l;
	if (mail_outbox(&c->d, 0, status, NULL, 10, &l, &c->e) < 0 || !l.n)
		return;
	printf("\n%s:\n", title);
	for (size_t i = 0; i < l.n; i++) {
		const outbox_row *m = &l.items[i];
		printf("  %lld  %s  to %s, \"%s\" (%d %s)\n", (long long)m->id, m->created_at, m->to_address,
		       m->subject, m->attempts, m->attempts == 1 ? "try" : "tries");
		if (m->last_error)
			printf("       %s\n", m->last_error);
	}
}

static int cmd_mail_status(cli *c, int argc, char **argv)
{
	if (cli_parse(c, argc, argv, (const cli_opt[]){{0}}, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0)
		return cli_fail(c);
	outbox_counts n;
	if (mail_counts(&c->d, 0, &n, &c->e) < 0)
		return cli_fail(c);
	const copro_config *cfg = config_get();
	printf("Mail server: %s\n", cfg->smtp_url ? cfg->smtp_url : "none set (mail waits in the outbox)");
	printf("Links start: %s\n", mail_base_url());
	printf("Waiting: %lld\nBeing sent: %lld\nSent: %lld\nGiven up: %lld\n", (long long)n.waiting,
	       (long long)n.sending, (long long)n.sent, (long long)n.failed);
	print_failures(c, "failed", "Given up (the area's mail page can try them again)");
	print_failures(c, "waiting", "Waiting");
	return c->e.kind ? cli_fail(c) : EXIT_OK;
}

static int cmd_mail_test(cli *c, int argc, char **argv)
{
	const char *to = NULL;
	if (cli_parse(c, argc, argv, (const cli_opt[]){{0}}, &to, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	if (mail_address_check("the address to send to", to, &c->e) < 0)
		return cli_usage_error(c, "%s", c->e.msg), EXIT_USAGE;
	smtp_settings s;
	char password[PASSWORD_BYTES];
	if (smtp_or_fail(c, &s, password) != EXIT_OK)
		return EXIT_FAIL;
	if (cli_open(c) < 0)
		return cli_fail(c);
	mail_message m = {.to = to, .subject = "copro: a test email", .kind = "test",
			  .text = arena_printf(&c->mem, "This is a test email from copro at %s.\n\n"
					       "It was sent with `copro mail test` to check that copro can send mail.\n",
					       mail_base_url())};
	mail_pass_result r;
	if (mail_queue(&c->d, &m, &c->e) < 0 || mail_send_pass(&c->d, &s, 0, &r, &c->e) < 0)
		return cli_fail(c);
	if (r.sent > 0) {
		printf("Sent a test email to %s through %s.\n", to, s.url);
		return EXIT_OK;
	}
	outbox_list l;
	if (mail_outbox(&c->d, 0, NULL, to, 1, &l, &c->e) < 0)
		return cli_fail(c);
	fprintf(stderr, "copro mail test: the test email to %s was not sent: %s\n", to,
		l.n && l.items[0].last_error ? l.items[0].last_error : "see `copro mail status`.");
	return EXIT_FAIL;
}

const command mail_commands[] = {
	{"mail send", "send the emails waiting in the outbox (for cron)",
	 "Usage: copro [--db PATH] mail send   (with --config FILE or $COPRO_CONFIG)\n\n"
	 "Sends every email that is due, once, through the mail server of the settings\n"
	 "file (smtp-url, mail-from; docs/mail.md), and exits. copro serve sends by itself;\n"
	 "run this from cron when no copro serve runs, or as well: a message is claimed\n"
	 "before it is sent, so none goes twice. A failed try waits 1, 5, 15, 60, then 240\n"
	 "minutes; after 6 tries the message is given up and the area's mail page shows it.\n\n"
	 "Example:\n  copro --db school.db --config /etc/copro.conf mail send\n",
	 cmd_mail_send},
	{"mail status", "show the outbox: waiting, sent and given-up emails",
	 "Usage: copro [--db PATH] mail status\n\n"
	 "Counts the emails waiting, being sent, sent and given up, and lists the latest\n"
	 "given up and waiting, with the mail server's last answer in words.\n\n"
	 "Example:\n  copro --db school.db mail status\n",
	 cmd_mail_status},
	{"mail test", "send a test email now",
	 "Usage: copro [--db PATH] mail test ADDRESS   (with --config FILE or $COPRO_CONFIG)\n\n"
	 "Sends a short test email to ADDRESS through the mail server of the settings file\n"
	 "at once, and says whether the server took it (and if not, why).\n\n"
	 "Example:\n  copro --config /etc/copro.conf mail test you@example.org\n",
	 cmd_mail_test},
	{0},
};
