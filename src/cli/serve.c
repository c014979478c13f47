/* serve.c: `copro serve` runs the web application. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "core/paths.h"
#include "domain/account.h"
#include "domain/mail.h"
#include "domain/throttle.h"
#include "domain/views.h"
#include "mail/sender.h"
#include "web/access_log.h"
#include "web/net.h"
#include "web/server.h"
#include "web/web.h"

/* The largest --partner-limit: far above any real hour's answers, and
 * ten times it (the per-link limit) still counts in an int64. */
#define PARTNER_LIMIT_MAX 1000000000L

/* A whole number from `min` to `max` into *n; false when `text` is not one. */
static bool whole_number(const char *text, long min, long max, long *n)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (!*text || *end || v < min || v > max)
		return false;
	*n = v;
	return true;
}

/* --partner-limit N: answers an hour from one address, ten times that to
 * one link (the ratio of the defaults). copro counts the connection's
 * address, so behind a proxy every partner is the proxy, and a load test
 * from this machine is one address too. */
static int set_partner_limit(cli *c, const char *text)
{
	long n;
	if (!text)
		return 0;
	if (!whole_number(text, 1, PARTNER_LIMIT_MAX, &n))
		return cli_usage_error(c, "--partner-limit takes a number of answers an hour from one address, from 1 to 1000000000 (default 3000)."),
		       -1;
	web_partner_throttle = (throttle_limits){.per_address = n, .per_scope = 10 * (int64_t)n};
	return 0;
}

/* serve's --base-url, --smtp-url and --mail-from over the settings file's. */
static int mail_overrides(cli *c, const char *base_url, const char *smtp_url, const char *from)
{
	const char *keys[] = {"base-url", "smtp-url", "mail-from"}, *values[] = {base_url, smtp_url, from};
	copro_config *cfg = config_get();
	const char **fields[] = {&cfg->base_url, &cfg->smtp_url, &cfg->mail_from};
	char msg[600];
	for (size_t i = 0; i < 3; i++) {
		if (!values[i])
			continue;
		if (config_check_value(keys[i], values[i], msg, sizeof msg) < 0)
			return cli_usage_error(c, "--%s", msg), -1;
		*fields[i] = values[i];
	}
	return 0;
}

/* The sender thread when a mail server is set; else a word that mail
 * waits. The settings (and password) must outlive the server. */
static int start_mail(cli *c, int port, smtp_settings *s, char *password, size_t size)
{
	char msg[700];
	if (config_smtp(s, password, size, msg, sizeof msg) < 0)
		return cli_usage_error(c, "%s", msg), -1;
	if (!config_get()->base_url) {
		char local[40];
		snprintf(local, sizeof local, "http://localhost:%d", port);
		mail_set_base_url(local);
	} else {
		mail_set_base_url(config_get()->base_url);
	}
	if (!s->url) {
		printf("No mail server is set (smtp-url): emails wait in the outbox, and people see everything in copro itself.\n");
		return 0;
	}
	if (mail_sender_start(c->db_path, &c->frameworks, s, &c->e) < 0)
		return cli_fail(c), -1;
	printf("Sending mail through %s; links in emails start %s.\n", s->url, mail_base_url());
	return 0;
}

static int cmd_serve(cli *c, int argc, char **argv)
{
	const char *port = NULL, *address = NULL, *threads = NULL, *assets = NULL, *cache_mb = NULL;
	const char *partner_limit = NULL, *proxies = NULL, *base_url = NULL, *smtp_url = NULL, *from = NULL;
	bool tls = false, quiet = false, addresses = false;
	const cli_opt opts[] = {{"--port", &port, NULL, NULL}, {"--address", &address, NULL, NULL},
				{"--threads", &threads, NULL, NULL}, {"--assets", &assets, NULL, NULL},
				{"--page-cache-mb", &cache_mb, NULL, NULL},
				{"--partner-limit", &partner_limit, NULL, NULL},
				{"--trusted-proxy", &proxies, NULL, NULL},
				{"--base-url", &base_url, NULL, NULL}, {"--smtp-url", &smtp_url, NULL, NULL},
				{"--mail-from", &from, NULL, NULL},
				{"--behind-https", NULL, &tls, NULL}, {"--quiet", NULL, &quiet, NULL},
				{"--log-addresses", NULL, &addresses, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, NULL, 0, 0, NULL) < 0 || set_partner_limit(c, partner_limit) < 0 ||
	    mail_overrides(c, base_url, smtp_url, from) < 0)
		return EXIT_USAGE;
	if (quiet && addresses)
		return cli_usage_error(c, "--quiet writes no line per request, so --log-addresses has nothing to add "
				       "to: choose one."), EXIT_USAGE;
	access_log_on = !quiet;
	access_log_addresses = addresses;
	if (!proxies)
		proxies = config_get()->trusted_proxy;
	err pe = {0};
	if (web_set_trusted_proxies(proxies, &pe) < 0)
		return cli_usage_error(c, "--trusted-proxy: %s", pe.msg), EXIT_USAGE;
	/* Writes wait for the disk; with more threads than processors, the
	 * commits of one thread's wait share the next thread's sync. */
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int fallback = cpus > 0 && cpus < 8 ? 2 * (int)cpus : 16;
	server_options o = {.address = address, .port = port ? atoi(port) : 8080,
			    .threads = threads ? atoi(threads) : fallback};
	if (o.threads < 1 || o.threads > 16)
		return cli_usage_error(c, "--threads takes a number from 1 to 16."), EXIT_USAGE;
	if (o.port <= 0 || o.port > 65535)
		return cli_usage_error(c, "--port takes a number from 1 to 65535."), EXIT_USAGE;
	long mb = 16;
	if (cache_mb && !whole_number(cache_mb, 0, 4096, &mb))
		return cli_usage_error(c, "--page-cache-mb takes a number of megabytes from 0 (no cache) to 4096."),
		       EXIT_USAGE;
	o.page_cache_mb = (int)mb;
	/* Every instrument read now: the server's threads share the registry,
	 * which only a command line's single thread may read late. */
	if (cli_open(c) < 0 || cli_load_frameworks(c) < 0)
		return cli_fail(c);
	o.config = (web_config){.db_path = c->db_path, .frameworks = &c->frameworks, .tls = tls,
				.assets_dir = assets ? assets : paths_assets()};
	int64_t users = 0;
	size_t purged = 0;
	/* Free text past its retention period goes at start-up, then once a
	 * day (web/server.c). */
	if (user_count(&c->d, &users, &c->e) < 0 || views_purge(&c->d, NULL, &purged, &c->e) < 0 ||
	    (!users && cli_setup_code_announce(c) < 0))
		return cli_fail(c);
	if (purged)
		printf("Deleted the free text of %zu %s past the retention period.\n", purged,
		       purged == 1 ? "answer" : "answers");
	/* The workers open their own connections; this one is done. */
	cli_close(c);
	smtp_settings mail;
	char password[512];
	if (start_mail(c, o.port, &mail, password, sizeof password) < 0)
		return EXIT_USAGE;
	int rc = server_run(&o, &c->e);
	mail_sender_stop();
	sodium_memzero(password, sizeof password);
	return rc < 0 ? cli_fail(c) : EXIT_OK;
}

const command serve_commands[] = {
	{"serve", "run the web application",
	 "Usage: copro [--db PATH] serve [--port N] [--address IP] [--threads N]\n"
	 "                           [--assets DIR] [--page-cache-mb N] [--partner-limit N]\n"
	 "                           [--trusted-proxy IP[,IP]] [--behind-https]\n"
	 "                           [--base-url URL] [--smtp-url URL] [--mail-from ADDRESS]\n"
	 "                           [--quiet | --log-addresses]\n\n"
	 "Serves copro on http://127.0.0.1:8080/ (or --address and --port). On first run\n"
	 "the administrator is created at /setup with the set-up code copro prints at\n"
	 "start (a new one each start; copro setup-code prints another). Put nginx or\n"
	 "another HTTPS proxy in front for anything but this machine, and say\n"
	 "--behind-https so copro sends HSTS.\n"
	 "Sign-in cookies are always Secure: browsers accept them over plain http only from\n"
	 "localhost. Stop with Ctrl-C (SIGINT) or SIGTERM: copro stops accepting, gives the\n"
	 "requests under way up to 10 seconds to finish, and refuses new ones with 503.\n"
	 "--threads (default twice the number of processors, at most 16) serve requests side by\n"
	 "side; commits made while another waits for the disk share its sync.\n"
	 "--page-cache-mb (default 16, 0 for none) is the memory for pages kept to send again\n"
	 "while the data they show is unchanged; any change, by any copro, ends their use.\n"
	 "--partner-limit (default 3000) is how many answers partners may send from one\n"
	 "address in an hour on the pages of a round of views (/v/...); one link takes ten\n"
	 "times that from all addresses. More are answered 429 \"Sorry, we are busy\".\n"
	 "The address is the connection's: behind a proxy every partner has the proxy's,\n"
	 "unless --trusted-proxy names it; raise the limit for load tests from one machine.\n"
	 "--trusted-proxy IP[,IP] (config key trusted-proxy) are the proxies whose\n"
	 "X-Forwarded-For copro believes: from them, the client is the right-most address\n"
	 "there that is not itself a trusted proxy. From anyone else the header is ignored.\n"
	 "--base-url (config base-url) starts the links in emails, e.g. https://copro.example.org;\n"
	 "default http://localhost:PORT. --smtp-url and --mail-from (config smtp-url, mail-from)\n"
	 "name the mail server and sender: smtp://host:587 (STARTTLS, required) or\n"
	 "smtps://host:465. The password comes only from smtp-password-file or\n"
	 "$COPRO_SMTP_PASSWORD (docs/mail.md). Without a mail server, mail waits in the outbox.\n"
	 "Each request writes one line on stderr: its time, method, route (the address's\n"
	 "pattern, such as /org/{org}/evidence/{evidence}), status, milliseconds and bytes;\n"
	 "never the address itself, a form or a name. --log-addresses adds the client's IP\n"
	 "address (personal data: say why you keep it); --quiet writes none (benchmarks).\n"
	 "GET /healthz answers \"ok\" while the database answers (docs/deploy.md).\n\n"
	 "Example:\n  copro --db school.db serve --port 8080\n",
	 cmd_serve},
	{0},
};
