/* notify.c: `copro notify tick`: the due-date notifications and weekly
 * digests (domain/notify.h), for cron and tests; `copro serve` runs the
 * same every few minutes. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "domain/notify.h"

/* --now: YYYY-MM-DD (taken at 12:00 UTC) or YYYY-MM-DDTHH:MM:SSZ. */
static int parse_now(cli *c, const char *text, time_t *now)
{
	int64_t t = -1;
	if (text && strlen(text) == 10 && date_valid(text))
		t = time_parse_iso(arena_printf(&c->mem, "%sT12:00:00Z", text));
	else if (text)
		t = time_parse_iso(text);
	if (t < 0)
		return cli_usage_error(c, "--now must be a date (2026-12-07) or a UTC time (2026-12-07T09:00:00Z), not \"%s\".",
				       text);
	*now = (time_t)t;
	return 0;
}

static int cmd_tick(cli *c, int argc, char **argv)
{
	const char *now_text = NULL;
	const char *pos[1];
	size_t n;
	const cli_opt opts[] = {{"--now", &now_text, NULL, NULL}, {0}};
	time_t now = (time_t)time_now_epoch();
	if (cli_parse(c, argc, argv, opts, pos, 0, 0, &n) < 0 ||
	    (now_text && parse_now(c, now_text, &now) < 0))
		return EXIT_USAGE;
	size_t said, digests;
	if (cli_open(c) < 0 || notify_tick_counts(&c->d, now, &said, &digests, &c->e) < 0)
		return cli_fail(c);
	printf("%zu new notification%s about dates; %zu weekly digest%s queued.\n", said,
	       said == 1 ? "" : "s", digests, digests == 1 ? "" : "s");
	return EXIT_OK;
}

const command notify_commands[] = {
	{"notify tick", "tell people what falls due (once each) and send the weekly digests",
	 "Usage: copro notify tick [--now DATE]\n\n"
	 "Tells each person, once, of actions due within 7 days or overdue,\n"
	 "reviews due, rounds of views closing within 7 days and Charter Gold\n"
	 "reaccreditation due within 90 days, in copro and by email as they chose\n"
	 "(docs/notifications.md); then queues the weekly digests (from Monday\n"
	 "07:00 UTC, one a week per person, none when nothing waits). Running it\n"
	 "again says nothing twice. `copro serve` runs it every few minutes; run it\n"
	 "from cron when nothing is serving.\n\n"
	 "  --now DATE   as if it were DATE (YYYY-MM-DD, taken at 12:00 UTC, or\n"
	 "               YYYY-MM-DDTHH:MM:SSZ), for tests and catching up\n\n"
	 "Example:\n  copro notify tick\n",
	 cmd_tick},
	{0},
};
