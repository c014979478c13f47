/* evaluation.c: `copro evaluation ...`, `copro statement ...` and
 * `copro indicator add`: running a self-evaluation from the terminal. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_evaluation_start(cli *c, int argc, char **argv)
{
	const char *pos[3];
	int64_t org, id;
	if (cli_parse(c, argc, argv, NULL, pos, 3, 3, NULL) < 0 ||
	    cli_id(c, "The organisation", pos[0], &org) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || evaluation_start(&c->d, org, pos[1], pos[2], &id, &c->e) < 0)
		return cli_fail(c);
	printf("Started evaluation %lld: %s, cycle %s\n", (long long)id, pos[1], pos[2]);
	printf("Next: copro evaluation show %lld\n", (long long)id);
	return EXIT_OK;
}

static int cmd_evaluation_list(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[1] = {NULL};
	size_t n;
	int64_t org = 0;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 0, 1, &n) < 0 ||
	    (n && cli_id(c, "The organisation", pos[0], &org) < 0))
		return EXIT_USAGE;
	evaluation_list list;
	org_row o;
	if (cli_open(c) < 0 || (org && org_get(&c->d, org, &o, &c->e) < 0) ||
	    evaluations_of_org(&c->d, org, &list, &c->e) < 0)
		return cli_fail(c);
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < list.n; i++) {
			const evaluation_row *ev = &list.items[i];
			json_array_append_new(arr, json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s}",
				"id", (json_int_t)ev->id, "organisation", (json_int_t)ev->organisation_id,
				"framework", ev->framework_id, "framework_hash", ev->framework_hash,
				"cycle", ev->cycle, "status", ev->status, "created_at", ev->created_at,
				"updated_at", ev->updated_at));
		}
		return cli_print_json(arr);
	}
	if (!list.n) {
		printf("No evaluations yet. Start one with:\n  copro evaluation start ORG four-cornerstones 2026-27\n");
		return EXIT_OK;
	}
	printf("%5s  %5s  %-24s %-10s %s\n", "No.", "Org", "Instrument", "Cycle", "Status");
	for (size_t i = 0; i < list.n; i++) {
		const evaluation_row *ev = &list.items[i];
		printf("%5lld  %5lld  %-24s %-10s %s\n", (long long)ev->id,
		       (long long)ev->organisation_id, ev->framework_id, ev->cycle, ev->status);
	}
	return EXIT_OK;
}

static json_t *element_json(const element_progress *ep, bool full)
{
	json_t *o = json_pack("{s:s, s:s, s:I, s:I, s:s, s:o}", "key", ep->element->key,
			      "title", ep->element->title,
			      "indicators", (json_int_t)ep->n_indicators,
			      "indicators_evidenced", (json_int_t)ep->evidenced,
			      "status", ep->review.status, "partner_groups", groups_json(ep->groups));
	if (!full)
		return o;
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
		json_array_append_new(inds, io);
	}
	json_object_set_new(o, "indicator_list", inds);
	return o;
}

static json_t *progress_json(const evaluation_progress *p)
{
	const evaluation_row *ev = &p->evaluation;
	json_t *secs = json_array();
	for (size_t s = 0; s < p->n_sections; s++) {
		const section_progress *sp = &p->sections[s];
		json_t *els = json_array();
		for (size_t e = 0; e < sp->n_elements; e++)
			json_array_append_new(els, element_json(&sp->elements[e], false));
		json_array_append_new(secs, json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:o, s:o}",
			"key", sp->section->key, "title", sp->section->title,
			"statements", (json_int_t)sp->n_elements,
			"statements_evidenced", (json_int_t)sp->elements_evidenced,
			"indicators", (json_int_t)sp->indicators,
			"indicators_evidenced", (json_int_t)sp->indicators_evidenced,
			"partner_groups", groups_json(sp->groups), "statement_list", els));
	}
	return json_pack("{s:I, s:I, s:s, s:s, s:b, s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:o, s:o}",
		"id", (json_int_t)ev->id, "organisation", (json_int_t)ev->organisation_id,
		"framework", ev->framework_id, "framework_hash", ev->framework_hash,
		"framework_changed", p->framework_changed, "cycle", ev->cycle, "status", ev->status,
		"statements", (json_int_t)p->elements,
		"statements_evidenced", (json_int_t)p->elements_evidenced,
		"statements_complete", (json_int_t)p->elements_complete,
		"indicators", (json_int_t)p->indicators,
		"indicators_evidenced", (json_int_t)p->indicators_evidenced,
		"partner_groups", groups_json(p->groups), "sections", secs);
}

static void warn_changed(const evaluation_progress *p)
{
	if (p->framework_changed)
		printf("Note: the installed %s file has changed since this evaluation started;\n"
		       "      this evaluation keeps the wording it started with (version %.12s).\n\n",
		       p->evaluation.framework_id, p->evaluation.framework_hash);
}

static void bar(size_t done, size_t total)
{
	int width = 20, fill = total ? (int)(done * (size_t)width / total) : 0;
	putchar('[');
	for (int i = 0; i < width; i++)
		putchar(i < fill ? '#' : '.');
	putchar(']');
}

static int cmd_evaluation_show(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[1];
	int64_t id;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The evaluation", pos[0], &id) < 0)
		return EXIT_USAGE;
	evaluation_progress p;
	org_row o;
	if (cli_open(c) < 0 || evaluation_progress_load(&c->d, id, &p, &c->e) < 0)
		return cli_fail(c);
	if (org_get(&c->d, p.evaluation.organisation_id, &o, &c->e) < 0)
		return cli_fail(c);
	if (json) {
		json_t *j = progress_json(&p);
		json_object_set_new(j, "organisation_name", json_string(o.name));
		return cli_print_json(j);
	}
	printf("Evaluation %lld: %s, %s, cycle %s (%s)\n\n", (long long)id, o.name, p.fw->title,
	       p.evaluation.cycle, p.evaluation.status);
	warn_changed(&p);
	printf("Overall: %zu of %zu statements have evidence, %zu complete; %zu of %zu indicators evidenced.\n",
	       p.elements_evidenced, p.elements, p.elements_complete, p.indicators_evidenced,
	       p.indicators);
	printf("Partner groups who took part: %s\n", groups_describe(&c->mem, p.groups));
	for (size_t s = 0; s < p.n_sections; s++) {
		const section_progress *sp = &p.sections[s];
		printf("\n%s %s: %s  ", p.fw->term_section, sp->section->key, sp->section->title);
		bar(sp->indicators_evidenced, sp->indicators);
		printf(" %zu/%zu indicators\n", sp->indicators_evidenced, sp->indicators);
		printf("  partner groups: %s\n", groups_describe(&c->mem, sp->groups));
		for (size_t e = 0; e < sp->n_elements; e++) {
			const element_progress *ep = &sp->elements[e];
			/* Counts padded as one field, so titles line up when a
			 * statement has ten or more indicators. */
			char counts[32];
			snprintf(counts, sizeof counts, "%zu/%zu", ep->evidenced, ep->n_indicators);
			printf("  %-5s %-5s  %-11s  %s\n", ep->element->key, counts, ep->review.status,
			       ep->element->title);
		}
	}
	printf("\nSee a statement:  copro statement show %lld 1i\n", (long long)id);
	return EXIT_OK;
}

static int cmd_evaluation_status(cli *c, int argc, char **argv)
{
	const char *pos[2];
	int64_t id;
	if (cli_parse(c, argc, argv, NULL, pos, 2, 2, NULL) < 0 ||
	    cli_id(c, "The evaluation", pos[0], &id) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || evaluation_set_status(&c->d, id, pos[1], &c->e) < 0)
		return cli_fail(c);
	printf("Evaluation %lld is now %s.\n", (long long)id, pos[1]);
	return EXIT_OK;
}

static int cmd_statement_show(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[2];
	int64_t id;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 2, 2, NULL) < 0 ||
	    cli_id(c, "The evaluation", pos[0], &id) < 0)
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
	if (json) {
		json_t *j = element_json(ep, true);
		json_t *inds = json_object_get(j, "indicator_list");
		for (size_t i = 0; i < ep->n_indicators; i++) {
			json_t *ev = json_array();
			for (size_t l = 0; l < links.n; l++)
				if (!strcmp(links.items[l].element_key, ep->element->key) &&
				    !strcmp(links.items[l].indicator_key, ep->indicators[i].key))
					json_array_append_new(ev, json_integer(links.items[l].evidence_id));
			json_object_set_new(json_array_get(inds, i), "evidence_ids", ev);
		}
		return cli_print_json(j);
	}
	warn_changed(&p);
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
	if (cli_parse(c, argc, argv, opts, pos, 2, 2, NULL) < 0 ||
	    cli_id(c, "The evaluation", pos[0], &id) < 0)
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
	if (cli_parse(c, argc, argv, NULL, pos, 3, 3, NULL) < 0 ||
	    cli_id(c, "The evaluation", pos[0], &id) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || own_indicator_add(&c->d, id, pos[1], pos[2], &key, &c->e) < 0)
		return cli_fail(c);
	printf("Added your own indicator %s.%s. Link evidence to it with:\n"
	       "  copro evidence link EVIDENCE %lld %s.%s\n", pos[1], key, (long long)id, pos[1], key);
	return EXIT_OK;
}

const command evaluation_commands[] = {
	{"evaluation start", "start a self-evaluation for an organisation and cycle",
	 "Usage: copro evaluation start ORG INSTRUMENT CYCLE\n\n"
	 "Starts ORG's evaluation against INSTRUMENT (see `copro frameworks`) for CYCLE,\n"
	 "a label such as 2026-27. The instrument's text is kept with the evaluation, so\n"
	 "later edits to the file never change what was answered.\n\n"
	 "Example:\n  copro evaluation start 1 four-cornerstones 2026-27\n",
	 cmd_evaluation_start},
	{"evaluation list", "list evaluations, of one organisation or all",
	 "Usage: copro evaluation list [ORG] [--json]\n\nExample:\n  copro evaluation list 1\n",
	 cmd_evaluation_list},
	{"evaluation show", "progress per cornerstone, statement and partner group",
	 "Usage: copro evaluation show EVALUATION [--json]\n\n"
	 "Shows, per cornerstone and overall, the statements and indicators with\n"
	 "evidence, each statement's status, and which partner groups (children and\n"
	 "young people, parent carers, practitioners) took part.\n\n"
	 "Example:\n  copro evaluation show 1\n",
	 cmd_evaluation_show},
	{"evaluation status", "set an evaluation's status: draft, in-review, submitted",
	 "Usage: copro evaluation status EVALUATION draft|in-review|submitted\n\n"
	 "A submitted evaluation cannot change (statements, evidence links, own\n"
	 "indicators) until its status is set back to draft or in-review.\n\n"
	 "Example:\n  copro evaluation status 1 in-review\n",
	 cmd_evaluation_status},
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
