/* evidence.c: `copro evidence add|edit|list|show|link|unlink`. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"

static json_t *evidence_json(const evidence_row *ev, const link_list *links)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:s, s:s}",
			      "id", (json_int_t)ev->id, "organisation", (json_int_t)ev->organisation_id,
			      "title", ev->title, "description", ev->description, "date", ev->date,
			      "url", json_str_or_null(ev->url),
			      "partner_groups", groups_json(ev->groups),
			      "created_at", ev->created_at, "updated_at", ev->updated_at);
	if (!links)
		return o;
	json_t *arr = json_array();
	for (size_t i = 0; i < links->n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s}",
			"evaluation", (json_int_t)links->items[i].evaluation_id,
			"statement", links->items[i].element_key,
			"indicator", links->items[i].indicator_key));
	json_object_set_new(o, "links", arr);
	return o;
}

static int cmd_evidence_add(cli *c, int argc, char **argv)
{
	evidence_row ev = {0};
	const char *groups = NULL, *eval = NULL, **links = NULL;
	const cli_opt opts[] = {{"--title", &ev.title, NULL, NULL},
				{"--description", &ev.description, NULL, NULL},
				{"--date", &ev.date, NULL, NULL}, {"--url", &ev.url, NULL, NULL},
				{"--with", &groups, NULL, NULL},
				{"--evaluation", &eval, NULL, NULL},
				{"--link", NULL, NULL, &links}, {0}};
	int64_t org, id, eval_id = 0;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &org) < 0 ||
	    (eval && cli_id(c, "The evaluation", eval, &eval_id) < 0))
		return EXIT_USAGE;
	if (!ev.title)
		return cli_usage_error(c, "--title is required."), EXIT_USAGE;
	if (!groups)
		return cli_usage_error(c, "--with is required: say which partner groups took part (cyp, parents, practitioners, all or none)."),
		       EXIT_USAGE;
	if (links && !eval)
		return cli_usage_error(c, "--link needs --evaluation EVALUATION to say which evaluation the indicators belong to."),
		       EXIT_USAGE;
	ev.organisation_id = org;
	char today[11];
	if (!ev.date) {
		date_today(today);
		ev.date = today;
	}
	if (groups_parse("--with", groups, &ev.groups, &c->e) < 0 || cli_open(c) < 0)
		return cli_fail(c);
	/* The item and its first links are one change: all or nothing. */
	size_t n = 0, changed = 0;
	while (links && links[n])
		n++;
	if (evidence_add_linked(&c->d, &ev, eval_id, links, n, &id, &changed, &c->e) < 0)
		return cli_fail(c);
	printf("Added evidence %lld: %s\n", (long long)id, ev.title);
	if (n)
		printf("Linked to %zu indicator%s.\n", changed, changed == 1 ? "" : "s");
	else
		printf("Link it to indicators with: copro evidence link %lld EVALUATION 1i.a 2iii.b\n",
		       (long long)id);
	return EXIT_OK;
}

static int cmd_evidence_edit(cli *c, int argc, char **argv)
{
	evidence_row given = {0};
	const char *groups = NULL;
	const cli_opt opts[] = {{"--title", &given.title, NULL, NULL},
				{"--description", &given.description, NULL, NULL},
				{"--date", &given.date, NULL, NULL}, {"--url", &given.url, NULL, NULL},
				{"--with", &groups, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The evidence", &id) < 0)
		return EXIT_USAGE;
	evidence_row ev;
	if (cli_open(c) < 0 || evidence_get(&c->d, id, &ev, &c->e) < 0)
		return cli_fail(c);
	if (given.title) ev.title = given.title;
	if (given.description) ev.description = given.description;
	if (given.date) ev.date = given.date;
	if (given.url) ev.url = given.url;
	if (groups && groups_parse("--with", groups, &ev.groups, &c->e) < 0)
		return cli_fail(c);
	if (evidence_edit(&c->d, &ev, &c->e) < 0)
		return cli_fail(c);
	printf("Updated evidence %lld: %s\n", (long long)id, ev.title);
	return EXIT_OK;
}

/* --indicator EVAL:1i.a keeps only evidence linked there. */
static int filter_by_indicator(cli *c, const char *spec, int64_t *eval, indicator_ref *ref)
{
	const char *colon = strchr(spec, ':');
	if (!colon)
		return cli_usage_error(c, "--indicator takes EVALUATION:STATEMENT.INDICATOR, for example 1:1i.a.");
	char *num = arena_strndup(&c->mem, spec, (size_t)(colon - spec));
	if (cli_id(c, "The evaluation", num, eval) < 0)
		return -1;
	if (indicator_ref_parse(&c->mem, colon + 1, ref, &c->e) < 0) {
		cli_fail(c);
		return -1;
	}
	return 0;
}

static bool linked_to(const link_list *links, int64_t eval, const indicator_ref *ref)
{
	for (size_t i = 0; i < links->n; i++)
		if (links->items[i].evaluation_id == eval &&
		    !strcmp(links->items[i].element_key, ref->element) &&
		    !strcmp(links->items[i].indicator_key, ref->indicator))
			return true;
	return false;
}

static int cmd_evidence_list(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *indicator = NULL;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL},
				{"--indicator", &indicator, NULL, NULL}, {0}};
	int64_t org, eval = 0;
	indicator_ref ref = {0};
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &org) < 0 ||
	    (indicator && filter_by_indicator(c, indicator, &eval, &ref) < 0))
		return EXIT_USAGE;
	evidence_list list;
	if (cli_open_org(c, org, NULL) < 0 || evidence_of_org(&c->d, org, &list, &c->e) < 0)
		return cli_fail(c);
	json_t *arr = json_array();
	size_t shown = 0;
	for (size_t i = 0; i < list.n; i++) {
		link_list links;
		if (links_of_evidence(&c->d, list.items[i].id, &links, &c->e) < 0) {
			json_decref(arr);
			return cli_fail(c);
		}
		if (indicator && !linked_to(&links, eval, &ref))
			continue;
		shown++;
		if (json) {
			json_array_append_new(arr, evidence_json(&list.items[i], &links));
			continue;
		}
		if (shown == 1)
			printf("%5s  %-10s %-5s  %s\n", "No.", "Date", "Links", "Title");
		printf("%5lld  %-10s %5zu  %s\n", (long long)list.items[i].id, list.items[i].date,
		       links.n, list.items[i].title);
	}
	if (json)
		return cli_print_json(arr);
	json_decref(arr);
	if (!shown)
		printf(indicator ? "No evidence is linked to %s yet.\n"
				 : "No evidence yet. Add some with: copro evidence add ORG --title ... --with ...\n",
		       indicator);
	return EXIT_OK;
}

static int cmd_evidence_show(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The evidence", &id, &json) < 0)
		return EXIT_USAGE;
	evidence_row ev;
	link_list links;
	if (cli_open(c) < 0 || evidence_get(&c->d, id, &ev, &c->e) < 0 ||
	    links_of_evidence(&c->d, id, &links, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json(evidence_json(&ev, &links));
	printf("Evidence %lld: %s\n  Date: %s\n  Partner groups: %s\n", (long long)ev.id, ev.title,
	       ev.date, groups_describe(&c->mem, ev.groups));
	if (ev.url)
		printf("  Link: %s\n", ev.url);
	if (*ev.description)
		printf("  %s\n", ev.description);
	printf("  Counts for %zu indicator%s:\n", links.n, links.n == 1 ? "" : "s");
	for (size_t i = 0; i < links.n; i++)
		printf("    evaluation %lld  %s.%s\n", (long long)links.items[i].evaluation_id,
		       links.items[i].element_key, links.items[i].indicator_key);
	return EXIT_OK;
}

static int link_command(cli *c, int argc, char **argv, bool unlink)
{
	const char *pos[66];
	size_t n;
	int64_t id, eval;
	if (cli_parse(c, argc, argv, NULL, pos, 3, 66, &n) < 0 ||
	    cli_id(c, "The evidence", pos[0], &id) < 0 ||
	    cli_id(c, "The evaluation", pos[1], &eval) < 0)
		return EXIT_USAGE;
	size_t changed;
	if (cli_open(c) < 0 ||
	    evidence_link(&c->d, id, eval, pos + 2, n - 2, unlink, &changed, &c->e) < 0)
		return cli_fail(c);
	if (unlink)
		printf("Removed %zu link%s from evidence %lld.\n", changed, changed == 1 ? "" : "s",
		       (long long)id);
	else
		printf("Linked evidence %lld to %zu more indicator%s (%zu already linked).\n",
		       (long long)id, changed, changed == 1 ? "" : "s", n - 2 - changed);
	return EXIT_OK;
}

static int cmd_evidence_link(cli *c, int argc, char **argv)
{
	return link_command(c, argc, argv, false);
}

static int cmd_evidence_unlink(cli *c, int argc, char **argv)
{
	return link_command(c, argc, argv, true);
}

#define EVIDENCE_FIELDS_HELP \
	"  --title TEXT        what the evidence is\n" \
	"  --description TEXT  more detail\n" \
	"  --date DATE         when it happened, YYYY-MM-DD (default: today)\n" \
	"  --url URL           a link to a document or page (https://...)\n" \
	"  --with GROUPS       who took part: cyp (children and young people),\n" \
	"                      parents (parent carers), practitioners; comma-\n" \
	"                      separated, or all, or none\n"

const command evidence_commands[] = {
	{"evidence add", "add an evidence item to the organisation's library",
	 "Usage: copro evidence add ORG --title TEXT --with GROUPS [options]\n\n" EVIDENCE_FIELDS_HELP
	 "  --evaluation N      with --link: the evaluation the indicators belong to\n"
	 "  --link REF          link to an indicator at once (repeatable), e.g. 1i.a\n\n"
	 "One evidence item may count for many indicators across cornerstones.\n\n"
	 "Example:\n"
	 "  copro evidence add 1 --title \"Parent carer coffee mornings\" --with parents,practitioners \\\n"
	 "    --date 2026-10-15 --evaluation 1 --link 1iii.a --link 4i.b\n",
	 cmd_evidence_add},
	{"evidence edit", "change an evidence item",
	 "Usage: copro evidence edit EVIDENCE [options]\n\n" EVIDENCE_FIELDS_HELP
	 "\nExample:\n  copro evidence edit 3 --date 2026-10-16\n", cmd_evidence_edit},
	{"evidence list", "list an organisation's evidence, or that of one indicator",
	 "Usage: copro evidence list ORG [--indicator EVALUATION:REF] [--json]\n\n"
	 "Example:\n  copro evidence list 1 --indicator 1:1i.a\n", cmd_evidence_list},
	{"evidence show", "one evidence item and every indicator it counts for",
	 "Usage: copro evidence show EVIDENCE [--json]\n\nExample:\n  copro evidence show 1\n",
	 cmd_evidence_show},
	{"evidence link", "link an evidence item to indicators (across cornerstones)",
	 "Usage: copro evidence link EVIDENCE EVALUATION REF...\n\n"
	 "REF is a statement and an indicator with a dot: 1i.a, 3iv.c, 2ii.own1.\n"
	 "All the links are made, or none if one is wrong.\n\n"
	 "Example:\n  copro evidence link 4 1 1ii.a 2iii.a 4i.c\n",
	 cmd_evidence_link},
	{"evidence unlink", "remove links from an evidence item",
	 "Usage: copro evidence unlink EVIDENCE EVALUATION REF...\n\n"
	 "Example:\n  copro evidence unlink 4 1 4i.c\n", cmd_evidence_unlink},
	{0},
};
