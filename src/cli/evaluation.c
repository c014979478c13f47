/* evaluation.c: `copro evaluation start|list|show|status|next-cycle|compare`:
 * a self-evaluation's progress, and the cycles that follow one another. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "domain/review.h"

static int cmd_evaluation_start(cli *c, int argc, char **argv)
{
	const char *pos[3];
	int64_t org, id;
	if (cli_parse_args(c, argc, argv, NULL, pos, 3, "The organisation", &org) < 0)
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

json_t *cli_element_json(const element_progress *ep)
{
	return json_pack("{s:s, s:s, s:I, s:I, s:s, s:o}", "key", ep->element->key,
			 "title", ep->element->title, "indicators", (json_int_t)ep->n_indicators,
			 "indicators_evidenced", (json_int_t)ep->evidenced, "status", ep->review.status,
			 "partner_groups", groups_json(ep->groups));
}

static json_t *progress_json(const evaluation_progress *p)
{
	const evaluation_row *ev = &p->evaluation;
	json_t *secs = json_array();
	for (size_t s = 0; s < p->n_sections; s++) {
		const section_progress *sp = &p->sections[s];
		json_t *els = json_array();
		for (size_t e = 0; e < sp->n_elements; e++)
			json_array_append_new(els, cli_element_json(&sp->elements[e]));
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

void cli_warn_changed(const evaluation_progress *p)
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
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The evaluation", &id, &json) < 0)
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
	cli_warn_changed(&p);
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
	if (cli_parse_args(c, argc, argv, NULL, pos, 2, "The evaluation", &id) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || evaluation_set_status_by(&c->d, NULL, id, pos[1], &c->e) < 0)
		return cli_fail(c);
	printf("Evaluation %lld is now %s.\n", (long long)id, pos[1]);
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
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The evaluation", &in.evaluation) < 0 ||
	    cli_ids(c, "The --measure number", measures, &ids, &in.n_measures) < 0)
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
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The evaluation", &id, &json) < 0)
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
	{0},
};

/* Listed after "You said, we did" in `copro help`. */
const command evaluation_cycle_commands[] = {
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
	{0},
};
