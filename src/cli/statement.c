/* statement.c: `copro statement show|set|confirm` and `copro indicator
 * add`: one statement of a self-evaluation, its judgement, the evidence
 * carried to it from the cycle before, and the organisation's own
 * indicators. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/review.h"

/* The statement as `evaluation show --json` gives it, with its text, its
 * judgement and each indicator's linked evidence. */
static json_t *statement_json(const element_progress *ep, const link_list *links)
{
	json_t *o = cli_element_json(ep);
	json_object_set_new(o, "description", json_str_or_null(ep->element->description));
	json_object_set_new(o, "strengths", json_string(ep->review.strengths));
	json_object_set_new(o, "areas_for_development", json_string(ep->review.areas));
	json_object_set_new(o, "review_partner_groups", groups_json(ep->review.groups));
	json_t *inds = json_array();
	for (size_t i = 0; i < ep->n_indicators; i++) {
		const indicator_progress *ip = &ep->indicators[i];
		json_t *io = json_pack("{s:s, s:s, s:b, s:I, s:o}", "key", ip->key, "text", ip->text,
				       "own", ip->own, "evidence", (json_int_t)ip->evidence,
				       "partner_groups", groups_json(ip->groups));
		if (ip->gap)
			json_object_set_new(io, "gap", json_string(ip->gap));
		json_t *ids = json_array();
		for (size_t l = 0; l < links->n; l++)
			if (!strcmp(links->items[l].element_key, ep->element->key) &&
			    !strcmp(links->items[l].indicator_key, ip->key))
				json_array_append_new(ids, json_integer(links->items[l].evidence_id));
		json_object_set_new(io, "evidence_ids", ids);
		json_array_append_new(inds, io);
	}
	json_object_set_new(o, "indicator_list", inds);
	return o;
}

static int cmd_statement_show(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[2];
	int64_t id;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The evaluation", &id) < 0)
		return EXIT_USAGE;
	evaluation_progress p;
	link_list links;
	if (cli_open(c) < 0 || evaluation_progress_load(&c->d, id, &p, &c->e) < 0)
		return cli_fail(c);
	const element_progress *ep = progress_element(&p, pos[1]);
	if (!ep) {
		err_set(&c->e, ERR_NOTFOUND,
			"%s has no statement \"%.40s\": `copro evaluation show %lld` lists them.",
			p.evaluation.framework_id, pos[1], (long long)id);
		return cli_fail(c);
	}
	if (links_of_evaluation(&c->d, id, &links, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json(statement_json(ep, &links));
	cli_warn_changed(&p);
	printf("Statement %s: %s\n", ep->element->key, ep->element->title);
	if (ep->element->description)
		printf("%s\n", ep->element->description);
	if (ep->element->gap)
		printf("[GAP IN SOURCE] %s\n", ep->element->gap);
	printf("\nStatus: %s    Partner groups: %s\n", ep->review.status,
	       groups_describe(&c->mem, ep->groups));
	printf("\nIndicators (%zu of %zu with evidence):\n", ep->evidenced, ep->n_indicators);
	for (size_t i = 0; i < ep->n_indicators; i++) {
		const indicator_progress *ip = &ep->indicators[i];
		printf("  %s.%s%s %s\n", ep->element->key, ip->key, ip->own ? " (our own)" : "", ip->text);
		for (size_t l = 0; l < links.n; l++) {
			const link_row *lr = &links.items[l];
			if (strcmp(lr->element_key, ep->element->key) || strcmp(lr->indicator_key, ip->key))
				continue;
			evidence_row ev;
			if (evidence_get(&c->d, lr->evidence_id, &ev, &c->e) == 0)
				printf("      evidence %lld: %s (%s)\n", (long long)ev.id, ev.title, ev.date);
		}
	}
	printf("\nStrengths:\n  %s\n", *ep->review.strengths ? ep->review.strengths : "(none recorded)");
	printf("Areas for development:\n  %s\n", *ep->review.areas ? ep->review.areas : "(none recorded)");
	return EXIT_OK;
}

static int cmd_statement_set(cli *c, int argc, char **argv)
{
	const char *pos[2], *groups = NULL;
	review_change ch = {.groups = -1};
	int64_t id;
	const cli_opt opts[] = {{"--strengths", &ch.strengths, NULL, NULL},
				{"--areas", &ch.areas, NULL, NULL},
				{"--status", &ch.status, NULL, NULL},
				{"--with", &groups, NULL, NULL}, {0}};
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The evaluation", &id) < 0)
		return EXIT_USAGE;
	if (!ch.strengths && !ch.areas && !ch.status && !groups)
		return cli_usage_error(c, "give at least one of --strengths, --areas, --status, --with."),
		       EXIT_USAGE;
	if (groups && groups_parse("--with", groups, &ch.groups, &c->e) < 0)
		return cli_fail(c);
	if (cli_open(c) < 0 || review_set(&c->d, id, pos[1], &ch, &c->e) < 0)
		return cli_fail(c);
	printf("Saved statement %s of evaluation %lld.\n", pos[1], (long long)id);
	return EXIT_OK;
}

static int cmd_indicator_add(cli *c, int argc, char **argv)
{
	const char *pos[3];
	int64_t id;
	char *key;
	if (cli_parse_args(c, argc, argv, NULL, pos, 3, "The evaluation", &id) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || own_indicator_add(&c->d, id, pos[1], pos[2], &key, &c->e) < 0)
		return cli_fail(c);
	printf("Added your own indicator %s.%s. Link evidence to it with:\n"
	       "  copro evidence link EVIDENCE %lld %s.%s\n", pos[1], key, (long long)id, pos[1], key);
	return EXIT_OK;
}

static int cmd_statement_confirm(cli *c, int argc, char **argv)
{
	const char *pos[2], *evidence = NULL;
	const cli_opt opts[] = {{"--evidence", &evidence, NULL, NULL}, {0}};
	int64_t id, ev = 0;
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The evaluation", &id) < 0 ||
	    (evidence && cli_id(c, "The --evidence number", evidence, &ev) < 0))
		return EXIT_USAGE;
	size_t n;
	if (cli_open(c) < 0 || statement_confirm(&c->d, id, pos[1], ev, &n, &c->e) < 0)
		return cli_fail(c);
	printf("Confirmed %zu evidence link%s carried forward on statement %s.\n", n,
	       n == 1 ? "" : "s", pos[1]);
	return EXIT_OK;
}

const command statement_commands[] = {
	{"statement show", "one statement: indicators, linked evidence, strengths, areas",
	 "Usage: copro statement show EVALUATION STATEMENT [--json]\n\n"
	 "STATEMENT is a key such as 1i or 3iv.\n\nExample:\n  copro statement show 1 1i\n",
	 cmd_statement_show},
	{"statement set", "record strengths, areas for development, status, who took part",
	 "Usage: copro statement set EVALUATION STATEMENT [options]\n\n"
	 "  --strengths TEXT   what is going well\n"
	 "  --areas TEXT       areas for development\n"
	 "  --status S         not-started, in-progress or complete\n"
	 "  --with GROUPS      who took part in this judgement: cyp, parents,\n"
	 "                     practitioners (comma-separated), all or none\n\n"
	 "Example:\n"
	 "  copro statement set 1 1i --status complete --with all \\\n"
	 "    --strengths \"Families describe a warm welcome\" \\\n"
	 "    --areas \"Review adjustments with pupils who use them\"\n",
	 cmd_statement_set},
	{"indicator add", "add your organisation's own indicator to a statement",
	 "Usage: copro indicator add EVALUATION STATEMENT TEXT\n\n"
	 "The instrument's indicators are examples; organisations may add their own.\n"
	 "They are numbered own1, own2 ... within the statement.\n\n"
	 "Example:\n"
	 "  copro indicator add 1 3ii \"A named person phones new families in week one\"\n",
	 cmd_indicator_add},
	{0},
};

/* Listed with the cycle commands in `copro help`. */
const command statement_cycle_commands[] = {
	{"statement confirm", "re-confirm evidence carried forward from the earlier cycle",
	 "Usage: copro statement confirm EVALUATION STATEMENT [--evidence ID]\n\n"
	 "Confirms every carried link of the statement, or those of one evidence item.\n\n"
	 "Example:\n  copro statement confirm 2 1iv\n",
	 cmd_statement_confirm},
	{0},
};
