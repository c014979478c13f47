/* serve.c: `copro serve` runs the web application. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/account.h"
#include "domain/views.h"
#include "web/server.h"

#ifndef COPRO_ASSETS_DIR
#define COPRO_ASSETS_DIR "build/assets"
#endif

static int cmd_serve(cli *c, int argc, char **argv)
{
	const char *port = NULL, *address = NULL, *threads = NULL, *assets = NULL, *cache_mb = NULL;
	bool tls = false;
	const cli_opt opts[] = {{"--port", &port, NULL, NULL}, {"--address", &address, NULL, NULL},
				{"--threads", &threads, NULL, NULL}, {"--assets", &assets, NULL, NULL},
				{"--page-cache-mb", &cache_mb, NULL, NULL},
				{"--behind-https", NULL, &tls, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
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
	o.page_cache_mb = 16;
	if (cache_mb) {
		char *end;
		long mb = strtol(cache_mb, &end, 10);
		if (!*cache_mb || *end || mb < 0 || mb > 4096)
			return cli_usage_error(c, "--page-cache-mb takes a number of megabytes from 0 (no cache) to 4096."),
			       EXIT_USAGE;
		o.page_cache_mb = (int)mb;
	}
	if (cli_open(c) < 0)
		return cli_fail(c);
	o.config = (web_config){.db_path = c->db_path, .frameworks = &c->frameworks, .tls = tls,
				.assets_dir = assets ? assets : getenv("COPRO_ASSETS") ? getenv("COPRO_ASSETS")
										       : COPRO_ASSETS_DIR};
	int64_t users = 0;
	size_t purged = 0;
	/* Free text past its retention period goes at start-up; a server left
	 * running for days runs `copro views purge` from cron as well. */
	if (user_count(&c->d, &users, &c->e) < 0 || views_purge(&c->d, NULL, &purged, &c->e) < 0)
		return cli_fail(c);
	if (purged)
		printf("Deleted the free text of %zu answers past their retention period.\n", purged);
	/* The workers open their own connections; this one is done. */
	cli_close(c);
	if (!users)
		printf("First run: open the address below and create the administrator account.\n");
	if (server_run(&o, &c->e) < 0)
		return cli_fail(c);
	return EXIT_OK;
}

const command serve_commands[] = {
	{"serve", "run the web application",
	 "Usage: copro [--db PATH] serve [--port N] [--address IP] [--threads N]\n"
	 "                           [--assets DIR] [--page-cache-mb N] [--behind-https]\n\n"
	 "Serves copro on http://127.0.0.1:8080/ (or --address and --port). On first run\n"
	 "the first visitor creates the administrator. Put nginx or another HTTPS proxy in\n"
	 "front for anything but this machine, and say --behind-https so copro sends HSTS.\n"
	 "Sign-in cookies are always Secure: browsers accept them over plain http only from\n"
	 "localhost. Stop with Ctrl-C (SIGINT) or SIGTERM; requests under way finish first.\n"
	 "--threads (default twice the number of processors, at most 16) serve requests side by\n"
	 "side; commits made while another waits for the disk share its sync.\n"
	 "--page-cache-mb (default 16, 0 for none) is the memory for pages kept to send again\n"
	 "while the data they show is unchanged; any change, by any copro, ends their use.\n\n"
	 "Example:\n  copro --db school.db serve --port 8080\n",
	 cmd_serve},
	{0},
};
