/* review.c: `copro action review|reviews`, `copro yousaid add|update|list|notice`,
 * `copro evaluation next-cycle|compare` and `copro statement confirm`: plan,
 * do, review from the terminal. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "domain/review.h"

/* Numbers given with a repeated option, such as --evidence 3 --evidence 5. */
static int parse_ids(cli *c, const char *what, const char **texts, int64_t **ids, size_t *n)
{
	*n = 0;
	while (texts && texts[*n])
		(*n)++;
	*ids = arena_alloc(&c->mem, (*n ? *n : 1) * sizeof **ids);
	for (size_t i = 0; i < *n; i++)
		if (cli_id(c, what, texts[i], &(*ids)[i]) < 0)
			return -1;
	return 0;
}

/* ---- action review, action reviews ------------------------------------ */

static int cmd_action_review(cli *c, int argc, char **argv)
{
	action_review_input in = {0};
	const char *pos[1], *with = NULL, **evidence = NULL, **readings = NULL;
	const cli_opt opts[] = {{"--date", &in.reviewed_on, NULL, NULL},
				{"--what", &in.what_happened, NULL, NULL},
				{"--with", &with, NULL, NULL},
				{"--evidence", NULL, NULL, &evidence},
				{"--reading", NULL, NULL, &readings},
				{"--next-review", &in.next_review_on, NULL, NULL},
				{"--status", &in.status, NULL, NULL}, {0}};
	int64_t *ev_ids, *rd_ids, id;
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The action", pos[0], &in.action_id) < 0 ||
	    parse_ids(c, "The --evidence number", evidence, &ev_ids, &in.n_evidence) < 0 ||
	    parse_ids(c, "The --reading number", readings, &rd_ids, &in.n_readings) < 0)
		return EXIT_USAGE;
	if (!in.reviewed_on)
		return cli_usage_error(c, "--date is required: the day of the review, YYYY-MM-DD."), EXIT_USAGE;
	if (!in.what_happened)
		return cli_usage_error(c, "--what is required: say what happened."), EXIT_USAGE;
	if (with && groups_parse("--with", with, &in.groups, &c->e) < 0)
		return cli_usage_error(c, "%s", c->e.msg), EXIT_USAGE;
	in.evidence = ev_ids;
	in.readings = rd_ids;
	if (cli_open(c) < 0 || action_review_add(&c->d, &in, &id, &c->e) < 0)
		return cli_fail(c);
	printf("Recorded review %lld of action %lld (%s)\n", (long long)id, (long long)in.action_id,
	       in.reviewed_on);
	return EXIT_OK;
}

static int cmd_action_reviews(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[1];
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	int64_t id;
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The action", pos[0], &id) < 0)
		return EXIT_USAGE;
	action_row a;
	action_review_list reviews;
	review_evidence_list evidence;
	reading_pick_list readings;
	if (cli_open(c) < 0 || action_get(&c->d, id, &a, &c->e) < 0 ||
	    action_reviews_of_action(&c->d, id, &reviews, &c->e) < 0 ||
	    review_evidence_of_org(&c->d, a.organisation_id, &evidence, &c->e) < 0 ||
	    readings_of_org(&c->d, a.organisation_id, &readings, &c->e) < 0)
		return cli_fail(c);
	json_t *arr = json_array();
	for (size_t i = 0; i < reviews.n; i++) {
		const action_review_row *rv = &reviews.items[i];
		json_t *ev = json_array(), *rd = json_array();
		for (size_t k = 0; k < evidence.n; k++)
			if (evidence.items[k].review_id == rv->id)
				json_array_append_new(ev, json_integer(evidence.items[k].evidence_id));
		for (size_t k = 0; k < readings.n; k++)
			if (readings.items[k].review_id == rv->id)
				json_array_append_new(rd, json_integer(readings.items[k].id));
		json_array_append_new(arr, json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:o}",
			"id", (json_int_t)rv->id, "action", (json_int_t)rv->action_id,
			"reviewed_on", rv->reviewed_on, "what_happened", rv->what_happened,
			"with", groups_json(rv->groups), "evidence", ev, "readings", rd));
	}
	if (json)
		return cli_print_json(arr);
	if (!reviews.n)
		printf("Action %lld has no reviews yet. Record one with: copro action review %lld --date YYYY-MM-DD --what TEXT\n",
		       (long long)id, (long long)id);
	size_t i;
	json_t *r;
	json_array_foreach(arr, i, r) {
		const action_review_row *rv = &reviews.items[i];
		printf("Review %lld on %s (with: %s)\n  %s\n", (long long)rv->id, rv->reviewed_on,
		       groups_describe(&c->mem, rv->groups), rv->what_happened);
		json_t *ev = json_object_get(r, "evidence"), *rd = json_object_get(r, "readings");
		for (size_t k = 0; k < json_array_size(ev); k++)
			printf("  Evidence %lld\n", (long long)json_integer_value(json_array_get(ev, k)));
		for (size_t k = 0; k < json_array_size(rd); k++)
			printf("  Reading %lld\n", (long long)json_integer_value(json_array_get(rd, k)));
	}
	json_decref(arr);
	return EXIT_OK;
}

/* ---- "You said, we did" ----------------------------------------------- */

static json_t *you_said_json(const you_said_row *y)
{
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
	const char *pos[1], *with = NULL, *action = NULL;
	bool publish = false;
	const cli_opt opts[] = {{"--said", &y.said, NULL, NULL}, {"--on", &y.said_on, NULL, NULL},
				{"--did", &y.did, NULL, NULL}, {"--did-on", &y.did_on, NULL, NULL},
				{"--with", &with, NULL, NULL}, {"--action", &action, NULL, NULL},
				{"--publish", NULL, &publish, NULL}, {0}};
	int64_t id;
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The organisation", pos[0], &y.organisation_id) < 0 ||
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
	const char *pos[1], *with = NULL, *action = NULL;
	bool publish = false, unpublish = false;
	const cli_opt opts[] = {{"--said", &g.said, NULL, NULL}, {"--on", &g.said_on, NULL, NULL},
				{"--did", &g.did, NULL, NULL}, {"--did-on", &g.did_on, NULL, NULL},
				{"--with", &with, NULL, NULL}, {"--action", &action, NULL, NULL},
				{"--publish", NULL, &publish, NULL},
				{"--unpublish", NULL, &unpublish, NULL}, {0}};
	int64_t id;
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The record", pos[0], &id) < 0 ||
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
	const char *pos[1];
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	int64_t org;
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The organisation", pos[0], &org) < 0)
		return EXIT_USAGE;
	org_row o;
	you_said_list list;
	if (cli_open(c) < 0 || org_get(&c->d, org, &o, &c->e) < 0 ||
	    you_said_of_org(&c->d, org, false, &list, &c->e) < 0)
		return cli_fail(c);
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < list.n; i++)
			json_array_append_new(arr, you_said_json(&list.items[i]));
		return cli_print_json(arr);
	}
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
	const char *pos[1];
	int64_t org;
	if (cli_parse(c, argc, argv, NULL, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The organisation", pos[0], &org) < 0)
		return EXIT_USAGE;
	org_row o;
	you_said_list list;
	if (cli_open(c) < 0 || org_get(&c->d, org, &o, &c->e) < 0 ||
	    you_said_of_org(&c->d, org, true, &list, &c->e) < 0)
		return cli_fail(c);
	printf("YOU SAID, WE DID\n%s\n", o.name);
	if (!list.n)
		printf("\nNothing has been published yet.\n");
	for (size_t i = 0; i < list.n; i++)
		printf("\nYou said:\n%s\n\nWe did:\n%s\n", list.items[i].said, list.items[i].did);
	return EXIT_OK;
}

/* ---- cycles ---------------------------------------------------------- */

static int cmd_next_cycle(cli *c, int argc, char **argv)
{
	const char *pos[2], **measures = NULL;
	bool none = false;
	const cli_opt opts[] = {{"--measure", NULL, NULL, &measures},
				{"--no-measures", NULL, &none, NULL}, {0}};
	next_cycle_input in = {0};
	int64_t *ids;
	if (cli_parse(c, argc, argv, opts, pos, 2, 2, NULL) < 0 ||
	    cli_id(c, "The evaluation", pos[0], &in.evaluation) < 0 ||
	    parse_ids(c, "The --measure number", measures, &ids, &in.n_measures) < 0)
		return EXIT_USAGE;
	if (none && in.n_measures)
		return cli_usage_error(c, "give --measure or --no-measures, not both."), EXIT_USAGE;
	in.cycle = pos[1];
	in.measures = ids;
	in.some_measures = none || in.n_measures;
	next_cycle_result out;
	if (cli_open(c) < 0 || evaluation_next_cycle(&c->d, &in, &out, &c->e) < 0)
		return cli_fail(c);
	printf("Started evaluation %lld for cycle %s from evaluation %lld.\n"
	       "Carried forward: %zu evidence link%s (marked to be re-confirmed), %zu own indicator%s, %zu success measure%s.\n",
	       (long long)out.evaluation, in.cycle, (long long)in.evaluation, out.links,
	       out.links == 1 ? "" : "s", out.own_indicators, out.own_indicators == 1 ? "" : "s",
	       out.measures, out.measures == 1 ? "" : "s");
	if (out.links_dropped)
		printf("Not carried: %zu links to indicators the instrument no longer has.\n",
		       out.links_dropped);
	printf("%zu open actions stay open: they belong to the organisation, not to one cycle.\n",
	       out.open_actions);
	return EXIT_OK;
}

static json_t *element_change_json(const element_change *ec)
{
	return json_pack("{s:s, s:b, s:{s:I, s:I, s:s, s:o}, s:{s:I, s:I, s:s, s:o}, s:I}",
			 "key", ec->element->key, "in_previous", ec->in_previous,
			 "before", "indicators", (json_int_t)ec->indicators_before,
			 "evidenced", (json_int_t)ec->evidenced_before, "status", ec->status_before,
			 "with", groups_json(ec->groups_before),
			 "after", "indicators", (json_int_t)ec->indicators_after,
			 "evidenced", (json_int_t)ec->evidenced_after, "status", ec->status_after,
			 "with", groups_json(ec->groups_after),
			 "to_confirm", (json_int_t)ec->to_confirm);
}

static json_t *comparison_json(const comparison *cmp)
{
	json_t *sections = json_array();
	for (size_t s = 0; s < cmp->n_sections; s++) {
		const section_change *sc = &cmp->sections[s];
		json_t *elements = json_array();
		for (size_t i = 0; i < sc->n_elements; i++)
			json_array_append_new(elements, element_change_json(&sc->elements[i]));
		json_array_append_new(sections, json_pack(
			"{s:s, s:{s:I, s:I, s:I, s:o}, s:{s:I, s:I, s:I, s:o}, s:o}", "key", sc->section->key,
			"before", "indicators", (json_int_t)sc->indicators_before,
			"evidenced", (json_int_t)sc->evidenced_before,
			"complete", (json_int_t)sc->complete_before, "with", groups_json(sc->groups_before),
			"after", "indicators", (json_int_t)sc->indicators_after,
			"evidenced", (json_int_t)sc->evidenced_after,
			"complete", (json_int_t)sc->complete_after, "with", groups_json(sc->groups_after),
			"statements", elements));
	}
	return json_pack("{s:I, s:I, s:s, s:s, s:o}", "evaluation",
			 (json_int_t)cmp->after.evaluation.id, "previous",
			 (json_int_t)cmp->before.evaluation.id, "cycle", cmp->after.evaluation.cycle,
			 "previous_cycle", cmp->before.evaluation.cycle, "sections", sections);
}

static void print_comparison(cli *c, const comparison *cmp)
{
	printf("Cycle %s compared with cycle %s (evaluation %lld)\n", cmp->after.evaluation.cycle,
	       cmp->before.evaluation.cycle, (long long)cmp->before.evaluation.id);
	printf("Indicators with evidence: %zu, then %zu: %s\n", cmp->evidenced_before,
	       cmp->evidenced_after,
	       change_words(&c->mem, cmp->evidenced_before, cmp->evidenced_after,
			    "indicator evidenced", "indicators evidenced"));
	printf("Statements complete: %zu, then %zu: %s\n", cmp->complete_before, cmp->complete_after,
	       change_words(&c->mem, cmp->complete_before, cmp->complete_after, "statement complete",
			    "statements complete"));
	if (cmp->to_confirm)
		printf("Links carried forward still to re-confirm: %zu\n", cmp->to_confirm);
	for (size_t s = 0; s < cmp->n_sections; s++) {
		const section_change *sc = &cmp->sections[s];
		printf("\n%s %s: %zu, then %zu indicators with evidence: %s\n", sc->section->key,
		       sc->section->title, sc->evidenced_before, sc->evidenced_after,
		       change_words(&c->mem, sc->evidenced_before, sc->evidenced_after,
				    "indicator evidenced", "indicators evidenced"));
		for (size_t i = 0; i < sc->n_elements; i++) {
			const element_change *ec = &sc->elements[i];
			printf("  %-5s %zu/%zu -> %zu/%zu  %s; %s; partner groups: %s\n", ec->element->key,
			       ec->evidenced_before, ec->indicators_before, ec->evidenced_after,
			       ec->indicators_after,
			       change_words(&c->mem, ec->evidenced_before, ec->evidenced_after,
					    "indicator evidenced", "indicators evidenced"),
			       status_change_words(&c->mem, ec->status_before, ec->status_after),
			       groups_change_words(&c->mem, ec->groups_before, ec->groups_after));
		}
	}
}

static int cmd_compare(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[1];
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	int64_t id;
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The evaluation", pos[0], &id) < 0)
		return EXIT_USAGE;
	comparison cmp;
	if (cli_open(c) < 0 || evaluation_compare(&c->d, id, &cmp, &c->e) < 0)
		return cli_fail(c);
	if (!cmp.has_previous) {
		err_set(&c->e, ERR_NOTFOUND,
			"evaluation %lld did not start from an earlier cycle, so there is nothing to compare: `copro evaluation next-cycle` starts one from another.",
			(long long)id);
		return cli_fail(c);
	}
	int rc = EXIT_OK;
	if (json)
		rc = cli_print_json(comparison_json(&cmp));
	else
		print_comparison(c, &cmp);
	return rc;
}

static int cmd_statement_confirm(cli *c, int argc, char **argv)
{
	const char *pos[2], *evidence = NULL;
	const cli_opt opts[] = {{"--evidence", &evidence, NULL, NULL}, {0}};
	int64_t id, ev = 0;
	if (cli_parse(c, argc, argv, opts, pos, 2, 2, NULL) < 0 ||
	    cli_id(c, "The evaluation", pos[0], &id) < 0 ||
	    (evidence && cli_id(c, "The --evidence number", evidence, &ev) < 0))
		return EXIT_USAGE;
	size_t n;
	if (cli_open(c) < 0 || statement_confirm(&c->d, id, pos[1], ev, &n, &c->e) < 0)
		return cli_fail(c);
	printf("Confirmed %zu evidence link%s carried forward on statement %s.\n", n,
	       n == 1 ? "" : "s", pos[1]);
	return EXIT_OK;
}

const command review_commands[] = {
	{"action review", "record a review of an action: what happened, evidence, who took part",
	 "Usage: copro action review ACTION --date DATE --what TEXT [options]\n\n"
	 "  --date DATE         the day of the review, YYYY-MM-DD (today or earlier)\n"
	 "  --what TEXT         what happened\n"
	 "  --with GROUPS       who took part: cyp, parents, practitioners, all\n"
	 "  --evidence ID       evidence from the library (repeat for more)\n"
	 "  --reading ID        a reading of a success measure taken for it (repeat)\n"
	 "  --next-review DATE  the action's next review date\n"
	 "  --status S          the action's new status: open, in-progress, done, dropped\n"
	 "\nExample:\n"
	 "  copro action review 2 --date 2026-11-20 --what \"Dads' breakfast ran; 14 came\" \\\n"
	 "    --with parents,practitioners --evidence 5 --next-review 2027-01-15\n",
	 cmd_action_review},
	{"action reviews", "the reviews of one action, newest first",
	 "Usage: copro action reviews ACTION [--json]\n\nExample:\n  copro action reviews 2\n",
	 cmd_action_reviews},
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
	{"evaluation next-cycle", "start the next cycle from an evaluation, carrying evidence forward",
	 "Usage: copro evaluation next-cycle EVALUATION CYCLE [--measure ID]... [--no-measures]\n\n"
	 "Starts a new evaluation of the same instrument for CYCLE. Evidence links are\n"
	 "carried forward marked \"to be re-confirmed\", own indicators are copied, and\n"
	 "the success measures of the old cycle are carried (all of them, only those\n"
	 "named with --measure, or none with --no-measures). Open actions stay open.\n\n"
	 "Example:\n  copro evaluation next-cycle 1 2027-28\n",
	 cmd_next_cycle},
	{"evaluation compare", "what moved between an evaluation and the cycle before it",
	 "Usage: copro evaluation compare EVALUATION [--json]\n\n"
	 "Per cornerstone and statement: indicators with evidence, status and partner\n"
	 "groups, before and after.\n\nExample:\n  copro evaluation compare 2\n",
	 cmd_compare},
	{"statement confirm", "re-confirm evidence carried forward from the earlier cycle",
	 "Usage: copro statement confirm EVALUATION STATEMENT [--evidence ID]\n\n"
	 "Confirms every carried link of the statement, or those of one evidence item.\n\n"
	 "Example:\n  copro statement confirm 2 1iv\n",
	 cmd_statement_confirm},
	{0},
};
