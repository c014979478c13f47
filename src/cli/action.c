/* action.c: `copro action add|list|show|update|review|reviews`: actions
 * and their reviews with partners. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "domain/review.h"

/* What the action came from: {"evaluation": ID, "statement": KEY or null}
 * for a statement's area for development, {"audit": ID} for an audit's next
 * steps, {"plan": ID}, {"measure": ID}; null when not recorded. */
static json_t *action_from_json(const action_row *a)
{
	if (!a->source_evaluation_id && !a->source_audit_id && !a->source_plan_id &&
	    !a->source_measure_id)
		return json_null();
	json_t *from = json_object();
	if (a->source_evaluation_id) {
		json_object_set_new(from, "evaluation", json_integer(a->source_evaluation_id));
		json_object_set_new(from, "statement", json_str_or_null(a->source_element_key));
	}
	if (a->source_audit_id)
		json_object_set_new(from, "audit", json_integer(a->source_audit_id));
	if (a->source_plan_id)
		json_object_set_new(from, "plan", json_integer(a->source_plan_id));
	if (a->source_measure_id)
		json_object_set_new(from, "measure", json_integer(a->source_measure_id));
	return from;
}

static json_t *action_json(const action_row *a, const char *today)
{
	json_t *from = action_from_json(a);
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:s, s:b, s:o, s:s, s:s}",
			 "id", (json_int_t)a->id, "organisation", (json_int_t)a->organisation_id,
			 "title", a->title, "owner", a->owner, "due_on", json_str_or_null(a->due_on),
			 "review_on", json_str_or_null(a->review_on), "status", a->status,
			 "overdue", action_overdue(a, today), "from", from,
			 "created_at", a->created_at, "updated_at", a->updated_at);
}

/* --from EVAL:STATEMENT (or EVAL) records what an action came from. */
static int parse_from(cli *c, const char *from, action_row *a)
{
	const char *colon = strchr(from, ':');
	char *num = arena_strndup(&c->mem, from, colon ? (size_t)(colon - from) : strlen(from));
	if (cli_id(c, "The --from evaluation", num, &a->source_evaluation_id) < 0)
		return -1;
	a->source_element_key = colon && colon[1] ? colon + 1 : NULL;
	return 0;
}

static int cmd_action_add(cli *c, int argc, char **argv)
{
	action_row a = {0};
	const char *from = NULL, *plan = NULL, *measure = NULL;
	const cli_opt opts[] = {{"--title", &a.title, NULL, NULL}, {"--owner", &a.owner, NULL, NULL},
				{"--due", &a.due_on, NULL, NULL}, {"--review", &a.review_on, NULL, NULL},
				{"--status", &a.status, NULL, NULL}, {"--from", &from, NULL, NULL},
				{"--from-plan", &plan, NULL, NULL},
				{"--from-measure", &measure, NULL, NULL}, {0}};
	int64_t org, id;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &org) < 0 ||
	    (from && parse_from(c, from, &a) < 0) ||
	    (plan && cli_id(c, "The --from-plan number", plan, &a.source_plan_id) < 0) ||
	    (measure && cli_id(c, "The --from-measure number", measure, &a.source_measure_id) < 0))
		return EXIT_USAGE;
	if (!a.title)
		return cli_usage_error(c, "--title is required: say what will be done."), EXIT_USAGE;
	a.organisation_id = org;
	if (!a.owner)
		a.owner = "";
	if (cli_open(c) < 0 || action_add(&c->d, &a, &id, &c->e) < 0)
		return cli_fail(c);
	printf("Added action %lld: %s\n", (long long)id, a.title);
	return EXIT_OK;
}

static int cmd_action_update(cli *c, int argc, char **argv)
{
	action_row g = {0};
	const char *from = NULL;
	const cli_opt opts[] = {{"--title", &g.title, NULL, NULL}, {"--owner", &g.owner, NULL, NULL},
				{"--due", &g.due_on, NULL, NULL}, {"--review", &g.review_on, NULL, NULL},
				{"--status", &g.status, NULL, NULL}, {"--from", &from, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The action", &id) < 0 ||
	    (from && parse_from(c, from, &g) < 0))
		return EXIT_USAGE;
	action_row a;
	if (cli_open(c) < 0 || action_get(&c->d, id, &a, &c->e) < 0)
		return cli_fail(c);
	/* An empty date clears it: --due "". */
	if (g.title) a.title = g.title;
	if (g.owner) a.owner = g.owner;
	if (g.due_on) a.due_on = *g.due_on ? g.due_on : NULL;
	if (g.review_on) a.review_on = *g.review_on ? g.review_on : NULL;
	if (g.status) a.status = g.status;
	if (from) {
		/* The evaluation named replaces whatever it came from before. */
		a.source_evaluation_id = g.source_evaluation_id;
		a.source_element_key = g.source_element_key;
		a.source_audit_id = 0;
	}
	if (action_update(&c->d, &a, &c->e) < 0)
		return cli_fail(c);
	printf("Updated action %lld: %s (%s)\n", (long long)id, a.title, a.status);
	return EXIT_OK;
}

static int cmd_action_list(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *source = NULL, *status = NULL;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {"--source", &source, NULL, NULL},
				{"--status", &status, NULL, NULL}, {0}};
	int64_t org;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &org) < 0)
		return EXIT_USAGE;
	action_list none = {0};
	if (actions_filter(&none, source, status, &c->e) < 0)
		return cli_usage_error(c, "%s", c->e.msg), EXIT_USAGE;
	action_list list;
	char today[11];
	date_today(today);
	if (cli_open_org(c, org, NULL) < 0 || actions_of_org(&c->d, org, &list, &c->e) < 0)
		return cli_fail(c);
	size_t all = list.n;
	actions_filter(&list, source, status, &c->e);
	/* Overdue first, then due this month, then the rest by due date;
	 * finished ones last. */
	actions_order(&list, today);
	json_t *arr = json_array();
	for (size_t i = 0; i < list.n; i++)
		json_array_append_new(arr, action_json(&list.items[i], today));
	if (json)
		return cli_print_json(arr);
	if (all && !list.n)
		printf("No actions match: %zu in all. Leave out --source and --status to see them.\n", all);
	else if (!list.n)
		printf("No actions yet. Add one with: copro action add %lld --title ... --owner ... --due YYYY-MM-DD\n",
		       (long long)org);
	else
		printf("%5s  %-11s %-10s %-10s %-14s %s\n", "No.", "Status", "Due", "Review", "Owner", "Action");
	size_t i;
	json_t *a;
	json_array_foreach(arr, i, a) {
		const char *due = json_string_value(json_object_get(a, "due_on"));
		const char *rev = json_string_value(json_object_get(a, "review_on"));
		printf("%5lld  %-11s %-10s %-10s %-14.14s %s%s\n",
		       (long long)json_integer_value(json_object_get(a, "id")),
		       json_string_value(json_object_get(a, "status")), due ? due : "-",
		       rev ? rev : "-", json_string_value(json_object_get(a, "owner")),
		       json_is_true(json_object_get(a, "overdue")) ? "OVERDUE: "
		       : action_due_this_month(&list.items[i], today) ? "DUE THIS MONTH: " : "",
		       json_string_value(json_object_get(a, "title")));
	}
	json_decref(arr);
	return EXIT_OK;
}

/* "evaluation 1, statement 1iv", "audit 3" or "not recorded". */
static const char *from_text(arena *mem, const action_row *a)
{
	const char *text = "";
	if (a->source_evaluation_id)
		text = a->source_element_key
			? arena_printf(mem, "evaluation %lld, statement %s",
				       (long long)a->source_evaluation_id, a->source_element_key)
			: arena_printf(mem, "evaluation %lld", (long long)a->source_evaluation_id);
	if (a->source_audit_id)
		text = arena_printf(mem, "%s%saudit %lld (its next steps)", text, *text ? "; " : "",
				    (long long)a->source_audit_id);
	if (a->source_measure_id)
		text = arena_printf(mem, "%s%ssuccess measure %lld", text, *text ? "; " : "",
				    (long long)a->source_measure_id);
	if (a->source_plan_id)
		text = arena_printf(mem, "%s%splan %lld", text, *text ? "; " : "",
				    (long long)a->source_plan_id);
	return *text ? text : "not recorded";
}

static int cmd_action_show(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The action", &id, &json) < 0)
		return EXIT_USAGE;
	action_row a;
	char today[11];
	date_today(today);
	if (cli_open(c) < 0 || action_get(&c->d, id, &a, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json(action_json(&a, today));
	printf("Action %lld: %s%s\n", (long long)a.id, action_overdue(&a, today) ? "OVERDUE: " : "",
	       a.title);
	printf("  Status: %s\n  Owner: %s\n  Due: %s\n  Review: %s\n  From: %s\n", a.status,
	       *a.owner ? a.owner : "not given", a.due_on ? a.due_on : "-",
	       a.review_on ? a.review_on : "-", from_text(&c->mem, &a));
	action_review_list reviews;
	if (action_reviews_of_action(&c->d, id, &reviews, &c->e) < 0)
		return cli_fail(c);
	if (reviews.n)
		printf("  Reviews: %zu, the latest on %s: %s\n", reviews.n, reviews.items[0].reviewed_on,
		       reviews.items[0].what_happened);
	else
		printf("  Reviews: none yet (copro action review %lld --date ... --what ...)\n",
		       (long long)id);
	return EXIT_OK;
}

/* ---- reviews ------------------------------------------------------------ */

static int cmd_action_review(cli *c, int argc, char **argv)
{
	action_review_input in = {0};
	const char *with = NULL, **evidence = NULL, **readings = NULL;
	const cli_opt opts[] = {{"--date", &in.reviewed_on, NULL, NULL},
				{"--what", &in.what_happened, NULL, NULL},
				{"--with", &with, NULL, NULL},
				{"--evidence", NULL, NULL, &evidence},
				{"--reading", NULL, NULL, &readings},
				{"--next-review", &in.next_review_on, NULL, NULL},
				{"--status", &in.status, NULL, NULL}, {0}};
	int64_t *ev_ids, *rd_ids, id;
	if (cli_parse_id(c, argc, argv, opts, "The action", &in.action_id) < 0 ||
	    cli_ids(c, "The --evidence number", evidence, &ev_ids, &in.n_evidence) < 0 ||
	    cli_ids(c, "The --reading number", readings, &rd_ids, &in.n_readings) < 0)
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
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The action", &id, &json) < 0)
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


#define ACTION_FIELDS_HELP \
	"  --title TEXT     what will be done\n" \
	"  --owner TEXT     who will do it\n" \
	"  --due DATE       by when, YYYY-MM-DD\n" \
	"  --review DATE    when to review it with partners\n" \
	"  --status S       open, in-progress, done or dropped\n" \
	"  --from E:S       what it came from: evaluation E, statement S (e.g. 1:1iv)\n" \
	"  --from-plan P    (add) it came from plan P\n" \
	"  --from-measure M (add) it came from success measure M\n"

const command action_commands[] = {
	{"action add", "add an action (from an area for development, say)",
	 "Usage: copro action add ORG --title TEXT [options]\n\n" ACTION_FIELDS_HELP
	 "\nExample:\n"
	 "  copro action add 1 --title \"Active listening training\" --owner \"Deputy head\" \\\n"
	 "    --due 2027-02-14 --review 2027-03-01 --from 1:1iv\n",
	 cmd_action_add},
	{"action list", "list actions: overdue first, then due this month, then by due date",
	 "Usage: copro action list ORG [--source S] [--status S] [--json]\n\n"
	 "Actions from every source: overdue first, then those due this month, then\n"
	 "the rest by due date; done and dropped ones last.\n\n"
	 "  --source S   only those from: statement, audit, measure, plan or none\n"
	 "  --status S   only those with status: open, in-progress, done or dropped\n"
	 "\nExample:\n  copro action list 1 --source audit --status open\n",
	 cmd_action_list},
	{"action show", "one action: what, who, when, and what it came from",
	 "Usage: copro action show ACTION [--json]\n\n"
	 "\"From\" names the evaluation and statement, or the audit whose next steps\n"
	 "raised it.\n\nExample:\n  copro action show 1\n",
	 cmd_action_show},
	{"action update", "change an action's status, dates, owner or title",
	 "Usage: copro action update ACTION [options]\n\n" ACTION_FIELDS_HELP
	 "An empty date (--due \"\") clears it.\n\n"
	 "Example:\n  copro action update 2 --status done\n",
	 cmd_action_update},
	{0},
};

/* Listed after the plans in `copro help`. */
const command action_review_commands[] = {
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
	{0},
};
