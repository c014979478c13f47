/* gold.c: `copro gold readiness EVALUATION [--json]`: an evaluation's Charter
 * Gold readiness as its web page shows it (domain/gold.h): copro's reading of
 * seed 001's guidance, not an award. The assessor's invitation, comments and
 * decision stay on the web: each is a person's act under their own account. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/gold.h"

static json_t *statement_json(const gold_statement *st)
{
	json_t *ev = json_array();
	for (size_t i = 0; i < st->n_evidence; i++) {
		const gold_evidence *g = &st->evidence[i];
		json_array_append_new(ev, json_pack("{s:I, s:s, s:s, s:b, s:b, s:o}", "id", (json_int_t)g->row.id,
						    "title", g->row.title, "date", g->row.date, "old", g->old,
						    "carried_not_confirmed", g->unconfirmed,
						    "partner_groups", groups_json(g->row.groups)));
	}
	json_t *missing = json_array();
	for (size_t i = 0; i < st->progress->n_indicators; i++) {
		const indicator_progress *ip = &st->progress->indicators[i];
		if (!ip->own && !ip->evidence)
			json_array_append_new(missing, json_string(ip->key));
	}
	json_t *views = json_array();
	for (size_t i = 0; i < st->n_views; i++)
		json_array_append_new(views, json_pack("{s:I, s:s, s:b, s:o}", "round", (json_int_t)st->views[i].round,
						       "title", st->views[i].title, "agreed", st->views[i].agreed,
						       "agreed_partner_groups", groups_json(st->views[i].groups)));
	return json_pack("{s:s, s:s, s:I, s:I, s:o, s:I, s:I, s:I, s:I, s:s, s:o, s:o, s:o, s:o, s:I, s:o}",
			 "key", st->progress->element->key, "title", st->progress->element->title,
			 "examples", (json_int_t)st->examples, "examples_evidenced", (json_int_t)st->examples_evidenced,
			 "examples_without_evidence", missing, "own_indicators", (json_int_t)st->own,
			 "own_evidenced", (json_int_t)st->own_evidenced, "old_evidence", (json_int_t)st->old,
			 "carried_not_confirmed", (json_int_t)st->unconfirmed, "status", st->progress->review.status,
			 "evidence_partner_groups", groups_json(st->evidence_groups),
			 "judgement_partner_groups", groups_json(st->judgement_groups), "evidence", ev,
			 "partner_views", views, "gaps", (json_int_t)st->gaps,
			 "assessor_comment", json_str_or_null(st->comment ? st->comment->comment : NULL));
}

static json_t *readiness_json(const gold_readiness *g)
{
	json_t *cs = json_array();
	for (size_t c = 0; c < g->n_cornerstones; c++) {
		const gold_cornerstone *gc = &g->cornerstones[c];
		json_t *sts = json_array();
		for (size_t i = 0; i < gc->n_statements; i++)
			json_array_append_new(sts, statement_json(&gc->statements[i]));
		json_array_append_new(cs, json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:o}", "key", gc->section->key,
						    "title", gc->section->title, "examples", (json_int_t)gc->examples,
						    "examples_evidenced", (json_int_t)gc->examples_evidenced,
						    "gaps", (json_int_t)gc->gaps, "statements_without_gaps",
						    (json_int_t)gc->statements_clear, "statements", sts));
	}
	json_t *dec = json_array();
	for (size_t i = 0; i < g->decisions.n; i++) {
		const gold_decision_row *r = &g->decisions.items[i];
		json_array_append_new(dec, json_pack("{s:s, s:s, s:s, s:o, s:s}", "decision", r->decision,
						     "decided_on", r->decided_on, "reasons", r->reasons,
						     "reaccreditation_due", json_str_or_null(r->due_on), "assessor", r->assessor));
	}
	return json_pack("{s:I, s:s, s:s, s:s, s:I, s:s, s:I, s:I, s:I, s:I, s:I, s:o, s:o}",
			 "evaluation", (json_int_t)g->progress.evaluation.id, "organisation", g->org.name,
			 "cycle", g->progress.evaluation.cycle,
			 "note", "copro's reading of the Four Cornerstones guidance on Gold Accreditation, not an award",
			 "evidence_old_after_years", (json_int_t)g->settings.evidence_years, "evidence_old_before", g->old_before,
			 "examples", (json_int_t)g->examples, "examples_evidenced", (json_int_t)g->examples_evidenced,
			 "old_evidence", (json_int_t)g->old, "carried_not_confirmed", (json_int_t)g->unconfirmed,
			 "gaps", (json_int_t)g->gaps, "cornerstones", cs, "decisions", dec);
}

static void print_statement(const gold_statement *st)
{
	printf("  %-5s %zu of %zu examples evidenced", st->progress->element->key, st->examples_evidenced,
	       st->examples);
	if (st->own)
		printf(", %zu own indicator%s", st->own, st->own == 1 ? "" : "s");
	if (st->old)
		printf(", %zu old", st->old);
	if (st->unconfirmed)
		printf(", %zu to re-confirm", st->unconfirmed);
	printf("; judgement %s", st->progress->review.status);
	printf(st->gaps ? "; %zu gap%s\n" : "; no gaps\n", st->gaps, st->gaps == 1 ? "" : "s");
}

static int print_readiness(cli *c, const gold_readiness *g)
{
	printf("Charter Gold readiness: %s, self-evaluation %s\n", g->org.name, g->progress.evaluation.cycle);
	printf("This is copro's reading of the tool's guidance, not an award.\n\n");
	printf("%zu of %zu examples evidenced; %zu old (dated before %s); %zu carried forward and not "
	       "re-confirmed; %zu gap%s in all.\n", g->examples_evidenced, g->examples, g->old, g->old_before,
	       g->unconfirmed, g->gaps, g->gaps == 1 ? "" : "s");
	for (size_t k = 0; k < g->n_cornerstones; k++) {
		const gold_cornerstone *gc = &g->cornerstones[k];
		printf("\n%s %s: %zu of %zu examples evidenced, %zu of %zu statements without gaps\n",
		       gc->section->key, gc->section->title, gc->examples_evidenced, gc->examples,
		       gc->statements_clear, gc->n_statements);
		for (size_t i = 0; i < gc->n_statements; i++)
			print_statement(&gc->statements[i]);
	}
	for (size_t i = 0; i < g->decisions.n; i++) {
		const gold_decision_row *r = &g->decisions.items[i];
		if (!strcmp(r->decision, "awarded"))
			printf("\nAwarded on %s by %s; reaccreditation due %s.\n", r->decided_on, r->assessor, r->due_on);
		else
			printf("\nNot yet (%s, %s): %s\n", r->decided_on, r->assessor, r->reasons);
	}
	(void)c;
	return EXIT_OK;
}

static int cmd_gold_readiness(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t id;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	const char *pos[1];
	if (cli_parse_args(c, argc, argv, opts, pos, 1, "The evaluation", &id) < 0)
		return EXIT_USAGE;
	gold_readiness g;
	if (cli_open(c) < 0 || gold_readiness_load(&c->d, id, &g, &c->e) < 0)
		return cli_fail(c);
	return json ? cli_print_json(readiness_json(&g)) : print_readiness(c, &g);
}

const command gold_commands[] = {
	{"gold readiness", "an evaluation's Charter Gold readiness: evidence, gaps, partners, decisions",
	 "Usage: copro gold readiness EVALUATION [--json]\n\n"
	 "Per cornerstone and statement: the tool's examples with evidence and\n"
	 "without, the organisation's own indicators, evidence older than the\n"
	 "area's setting (2 years unless it says) or carried forward from the\n"
	 "cycle before and not re-confirmed (`copro statement confirm`), the partner\n"
	 "groups in the evidence and the judgement, partners' views, and the\n"
	 "assessor's comments and decisions. copro's reading of the guidance, not\n"
	 "an award (docs/gold.md).\n\n"
	 "Example:\n  copro gold readiness 1\n",
	 cmd_gold_readiness},
	{0},
};
