/* yousaid.c: `copro yousaid add|update|list|notice`: "You said, we did",
 * what partners said and what was done about it. */
#include <stdio.h>

#include "cli/cli.h"
#include "domain/review.h"

static json_t *you_said_json(const void *item)
{
	const you_said_row *y = item;
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:b, s:o, s:s, s:s}",
			 "id", (json_int_t)y->id, "organisation", (json_int_t)y->organisation_id,
			 "said", y->said, "said_on", y->said_on, "did", y->did,
			 "did_on", json_str_or_null(y->did_on), "with", groups_json(y->groups),
			 "published", y->published,
			 "action", y->action_id ? json_integer(y->action_id) : json_null(),
			 "created_at", y->created_at, "updated_at", y->updated_at);
}

static int cmd_yousaid_add(cli *c, int argc, char **argv)
{
	you_said_row y = {0};
	const char *with = NULL, *action = NULL;
	bool publish = false;
	const cli_opt opts[] = {{"--said", &y.said, NULL, NULL}, {"--on", &y.said_on, NULL, NULL},
				{"--did", &y.did, NULL, NULL}, {"--did-on", &y.did_on, NULL, NULL},
				{"--with", &with, NULL, NULL}, {"--action", &action, NULL, NULL},
				{"--publish", NULL, &publish, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &y.organisation_id) < 0 ||
	    (action && cli_id(c, "The --action number", action, &y.action_id) < 0))
		return EXIT_USAGE;
	if (!y.said)
		return cli_usage_error(c, "--said is required: what partners said."), EXIT_USAGE;
	if (!y.said_on)
		return cli_usage_error(c, "--on is required: when they said it, YYYY-MM-DD."), EXIT_USAGE;
	if (with && groups_parse("--with", with, &y.groups, &c->e) < 0)
		return cli_usage_error(c, "%s", c->e.msg), EXIT_USAGE;
	if (!y.did)
		y.did = "";
	y.published = publish;
	if (cli_open(c) < 0 || you_said_add(&c->d, &y, &id, &c->e) < 0)
		return cli_fail(c);
	printf("Added \"You said, we did\" record %lld%s\n", (long long)id,
	       publish ? " (published)" : "");
	return EXIT_OK;
}

static int cmd_yousaid_update(cli *c, int argc, char **argv)
{
	you_said_row g = {0};
	const char *with = NULL, *action = NULL;
	bool publish = false, unpublish = false;
	const cli_opt opts[] = {{"--said", &g.said, NULL, NULL}, {"--on", &g.said_on, NULL, NULL},
				{"--did", &g.did, NULL, NULL}, {"--did-on", &g.did_on, NULL, NULL},
				{"--with", &with, NULL, NULL}, {"--action", &action, NULL, NULL},
				{"--publish", NULL, &publish, NULL},
				{"--unpublish", NULL, &unpublish, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The record", &id) < 0 ||
	    (action && *action && cli_id(c, "The --action number", action, &g.action_id) < 0))
		return EXIT_USAGE;
	if (publish && unpublish)
		return cli_usage_error(c, "give --publish or --unpublish, not both."), EXIT_USAGE;
	if (with && groups_parse("--with", with, &g.groups, &c->e) < 0)
		return cli_usage_error(c, "%s", c->e.msg), EXIT_USAGE;
	you_said_row y;
	if (cli_open(c) < 0 || you_said_get(&c->d, id, &y, &c->e) < 0)
		return cli_fail(c);
	/* An empty --did-on or --action clears it. */
	if (g.said) y.said = g.said;
	if (g.said_on) y.said_on = g.said_on;
	if (g.did) y.did = g.did;
	if (g.did_on) y.did_on = *g.did_on ? g.did_on : NULL;
	if (with) y.groups = g.groups;
	if (action) y.action_id = g.action_id;
	if (publish || unpublish) y.published = publish;
	if (you_said_edit(&c->d, &y, &c->e) < 0)
		return cli_fail(c);
	printf("Updated \"You said, we did\" record %lld%s\n", (long long)id,
	       y.published ? " (published)" : "");
	return EXIT_OK;
}

static int cmd_yousaid_list(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t org;
	if (cli_parse_id_json(c, argc, argv, "The organisation", &org, &json) < 0)
		return EXIT_USAGE;
	you_said_list list;
	if (cli_open_org(c, org, NULL) < 0 || you_said_of_org(&c->d, org, false, &list, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json_list(list.items, list.n, sizeof *list.items, you_said_json);
	if (!list.n)
		printf("No \"You said, we did\" records yet. Add one with: copro yousaid add %lld --said TEXT --on YYYY-MM-DD\n",
		       (long long)org);
	for (size_t i = 0; i < list.n; i++) {
		const you_said_row *y = &list.items[i];
		printf("%lld  %s%s (%s)\n  You said: %s\n  We did: %s%s%s\n", (long long)y->id, y->said_on,
		       y->published ? " PUBLISHED" : "", groups_describe(&c->mem, y->groups), y->said,
		       *y->did ? y->did : "(nothing recorded yet)", y->did_on ? " on " : "",
		       y->did_on ? y->did_on : "");
	}
	return EXIT_OK;
}

static int cmd_yousaid_notice(cli *c, int argc, char **argv)
{
	int64_t org;
	if (cli_parse_id(c, argc, argv, NULL, "The organisation", &org) < 0)
		return EXIT_USAGE;
	org_row o;
	you_said_list list;
	if (cli_open_org(c, org, &o) < 0 || you_said_of_org(&c->d, org, true, &list, &c->e) < 0)
		return cli_fail(c);
	printf("YOU SAID, WE DID\n%s\n", o.name);
	if (!list.n)
		printf("\nNothing has been published yet.\n");
	for (size_t i = 0; i < list.n; i++)
		printf("\nYou said:\n%s\n\nWe did:\n%s\n", list.items[i].said, list.items[i].did);
	return EXIT_OK;
}

const command yousaid_commands[] = {
	{"yousaid add", "record what partners said and what was done (\"You said, we did\")",
	 "Usage: copro yousaid add ORG --said TEXT --on DATE [options]\n\n"
	 "  --said TEXT     what partners said\n"
	 "  --on DATE       when they said it, YYYY-MM-DD\n"
	 "  --did TEXT      what was done about it\n"
	 "  --did-on DATE   when it was done\n"
	 "  --with GROUPS   who said it: cyp, parents, practitioners, all\n"
	 "  --action ID     the action it led to\n"
	 "  --publish       show it on the notice (needs --did)\n"
	 "\nExample:\n"
	 "  copro yousaid add 1 --said \"Letters home are hard to follow\" --on 2026-10-01 \\\n"
	 "    --with parents --did \"We rewrote them with the forum\" --did-on 2026-12-01 --publish\n",
	 cmd_yousaid_add},
	{"yousaid update", "change a \"You said, we did\" record, publish or unpublish it",
	 "Usage: copro yousaid update RECORD [--said T] [--on D] [--did T] [--did-on D]\n"
	 "         [--with G] [--action ID] [--publish | --unpublish]\n\n"
	 "An empty --did-on or --action clears it.\n\n"
	 "Example:\n  copro yousaid update 1 --did \"We changed the times\" --publish\n",
	 cmd_yousaid_update},
	{"yousaid list", "an organisation's \"You said, we did\" records, newest first",
	 "Usage: copro yousaid list ORG [--json]\n\nExample:\n  copro yousaid list 1\n",
	 cmd_yousaid_list},
	{"yousaid notice", "the published records as a plain-text notice",
	 "Usage: copro yousaid notice ORG\n\n"
	 "Prints the published \"You said\" / \"We did\" pairs, newest first, for a\n"
	 "newsletter or notice board.\n\nExample:\n  copro yousaid notice 1 > notice.txt\n",
	 cmd_yousaid_notice},
	{0},
};
