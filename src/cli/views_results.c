/* views_results.c: `copro views results|agree|comments|review|flag|paper|
 * purge`: what partners said (with small groups suppressed, as on the
 * pages), agreeing a view, reviewing free text, typing in paper forms and
 * deleting free text past its retention period. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/views.h"
#include "domain/area_export.h"
#include "domain/views.h"

/* ---- views results ---------------------------------------------------------------- */

static json_t *spread_json(const view_round_row *r, const view_group_result *g)
{
	if (g->suppressed)
		return json_null();
	json_t *out = json_object();
	for (int v = views_scale_top(r); v >= 0; v--)
		json_object_set_new(out, views_rating_words(r, v), json_integer((json_int_t)g->counts[v]));
	return out;
}

static json_t *comments_json(const view_group_result *g)
{
	json_t *out = json_array();
	for (size_t i = 0; i < g->n_comments; i++)
		json_array_append_new(out, json_pack("{s:o, s:o}", "good",
						     json_str_or_null(g->comments[i]->good), "better",
						     json_str_or_null(g->comments[i]->better)));
	return out;
}

static json_t *group_json(const view_results *res, const view_group_result *g)
{
	return json_pack("{s:I, s:s, s:s, s:b, s:o, s:o, s:o, s:o, s:o}",
			 "link", (json_int_t)g->link->id, "group", g->link->partner_group,
			 "title", views_group_title(g->link), "suppressed", g->suppressed,
			 "responses", g->suppressed ? json_null() : json_integer((json_int_t)g->responses),
			 "answers", g->suppressed ? json_null() : json_integer((json_int_t)g->answers),
			 "spread", spread_json(&res->round, g),
			 "median", g->has_median ? json_real(g->median) : json_null(),
			 "comments", comments_json(g));
}

static json_t *element_json(const view_results *res, const view_element_result *el)
{
	json_t *groups = json_array();
	for (size_t i = 0; i < el->n_groups; i++)
		json_array_append_new(groups, group_json(res, &el->groups[i]));
	json_t *agreed = el->has_agreed
		? json_pack("{s:s, s:s, s:o, s:s, s:s}", "agreed", el->agreed.agreed, "resolved",
			    el->agreed.resolved, "with", groups_json(el->agreed.groups), "by",
			    el->agreed.agreed_by_name, "updated_at", el->agreed.updated_at)
		: json_null();
	json_t *differ = el->differ
		? json_pack("[I, I]", (json_int_t)el->groups[el->differ_a].link->id,
			    (json_int_t)el->groups[el->differ_b].link->id)
		: json_null();
	return json_pack("{s:s, s:o, s:b, s:o, s:o, s:o}", "key", el->element_key, "title",
			 json_str_or_null(el->element ? el->element->title : NULL), "views_differ",
			 el->differ, "differ_links", differ, "agreed", agreed, "groups", groups);
}

static int results_json(const view_results *res)
{
	json_t *els = json_array();
	for (size_t i = 0; i < res->n_elements; i++)
		json_array_append_new(els, element_json(res, &res->elements[i]));
	return cli_print_json(json_pack("{s:I, s:s, s:i, s:b, s:I, s:o}", "round",
					(json_int_t)res->round.id, "title", res->round.title,
					"min_group", res->min_group, "unsuppressed", res->lead,
					"responses", (json_int_t)res->responses, "elements", els));
}

static void print_group(cli *c, const view_results *res, const view_group_result *g)
{
	printf("    %-26s ", views_group_title(g->link));
	if (g->suppressed) {
		printf("%s\n", views_suppressed_words(&c->mem, res->min_group));
		return;
	}
	printf("%zu %s:", g->answers, g->answers == 1 ? "answer" : "answers");
	for (int v = views_scale_top(&res->round); v >= 0; v--)
		printf(" %s %zu%s", views_rating_words(&res->round, v), g->counts[v], v ? "," : "");
	if (g->has_median)
		printf(" (middle answer %.1f)", g->median);
	printf("\n");
	for (size_t i = 0; i < g->n_comments; i++) {
		if (g->comments[i]->good)
			printf("      What is good? %s\n", g->comments[i]->good);
		if (g->comments[i]->better)
			printf("      What could be better? %s\n", g->comments[i]->better);
	}
}

static void print_element(cli *c, const view_results *res, const view_element_result *el)
{
	printf("\n  %s %s\n", el->element_key, el->element ? el->element->title : "");
	for (size_t i = 0; i < el->n_groups; i++)
		print_group(c, res, &el->groups[i]);
	if (el->differ)
		printf("    Views differ: %s and %s are two or more steps apart.\n",
		       views_group_title(el->groups[el->differ_a].link),
		       views_group_title(el->groups[el->differ_b].link));
	if (el->has_agreed)
		printf("    Agreed (%s): %s\n", groups_describe(&c->mem, el->agreed.groups),
		       el->agreed.agreed);
}

static int stdout_write(void *ctx, const char *bytes, size_t n, err *e)
{
	(void)ctx;
	if (fwrite(bytes, 1, n, stdout) == n)
		return 0;
	return err_set(e, ERR_IO, "cannot write to standard output.");
}

static int cmd_views_results(cli *c, int argc, char **argv)
{
	bool json = false, all = false, csv = false, xlsx = false;
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {"--csv", NULL, &csv, NULL},
				{"--xlsx", NULL, &xlsx, NULL}, {"--unsuppressed", NULL, &all, NULL},
				{0}};
	int64_t id;
	view_results res;
	if (cli_parse_id(c, argc, argv, opts, "The round", &id) < 0)
		return EXIT_USAGE;
	if (json + csv + xlsx > 1)
		return cli_usage_error(c, "give one of --json, --csv and --xlsx, not both."), EXIT_USAGE;
	export_sink sink = {stdout_write, NULL};
	if (csv || xlsx)
		return cli_open(c) < 0 ||
			       (csv ? views_results_csv : views_results_xlsx)(&c->d, id, all, &sink, &c->e) < 0
			       ? cli_fail(c) : EXIT_OK;
	if (cli_open(c) < 0 || views_results(&c->d, id, all, &res, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return results_json(&res);
	printf("Round of views %lld: %s (%zu sent)\n", (long long)id, res.round.title, res.responses);
	if (!all)
		printf("  A group with fewer than %d answers shows no spread (--unsuppressed, for the organisation's leads, shows it).\n",
		       res.min_group);
	for (size_t i = 0; i < res.n_elements; i++)
		print_element(c, &res, &res.elements[i]);
	return EXIT_OK;
}

/* ---- views agree ------------------------------------------------------------------- */

static int cmd_views_agree(cli *c, int argc, char **argv)
{
	const char *pos[2], *with = NULL;
	view_agree_input in = {0};
	const cli_opt opts[] = {{"--agreed", &in.agreed, NULL, NULL},
				{"--resolved", &in.resolved, NULL, NULL},
				{"--groups", &with, NULL, NULL}, {0}};
	int64_t id, evidence;
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The round", &id) < 0)
		return EXIT_USAGE;
	in.element = pos[1];
	if (!in.agreed)
		return cli_usage_error(c, "--agreed is required: what was agreed."), EXIT_USAGE;
	if (!with)
		return cli_usage_error(c, "--groups is required: the partner groups who took part in agreeing (cyp, parents, practitioners, all)."), EXIT_USAGE;
	if (groups_parse("--groups", with, &in.groups, &c->e) < 0)
		return cli_usage_error(c, "%s", c->e.msg), EXIT_USAGE;
	if (cli_open(c) < 0 || views_agree(&c->d, NULL, id, &in, &evidence, &c->e) < 0)
		return cli_fail(c);
	printf("Recorded the agreed view of %s; evidence item %lld sums up the round.\n", in.element,
	       (long long)evidence);
	return EXIT_OK;
}

/* ---- comments ------------------------------------------------------------------------ */

static json_t *comment_json(const void *item)
{
	const view_answer_row *a = item;
	return json_pack("{s:I, s:s, s:I, s:o, s:o, s:o, s:o, s:o, s:b}", "response",
			 (json_int_t)a->response_id, "element", a->element_key, "link",
			 (json_int_t)a->link_id, "good", json_str_or_null(a->good), "better",
			 json_str_or_null(a->better), "reviewed_at", json_str_or_null(a->reviewed_at),
			 "flagged_at", json_str_or_null(a->flagged_at), "flagged_by",
			 a->flagged_at ? json_string(a->flagged_by_name) : json_null(), "from_paper",
			 a->from_paper);
}

static int cmd_views_comments(cli *c, int argc, char **argv)
{
	int64_t id;
	bool json = false;
	view_answer_list list;
	if (cli_parse_id_json(c, argc, argv, "The round", &id, &json) < 0)
		return EXIT_USAGE;
	view_round_row r;
	if (cli_open(c) < 0 || views_get(&c->d, id, &r, &c->e) < 0 ||
	    views_comments(&c->d, id, &list, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json_list(list.items, list.n, sizeof *list.items, comment_json);
	if (!list.n)
		printf("No comments in round %lld yet.\n", (long long)id);
	for (size_t i = 0; i < list.n; i++) {
		const view_answer_row *a = &list.items[i];
		printf("response %lld, %s (link %lld)%s%s\n", (long long)a->response_id, a->element_key,
		       (long long)a->link_id, a->reviewed_at ? ", reviewed" : ", to review",
		       a->flagged_at ? ", FLAGGED for safeguarding follow-up" : "");
		if (a->good)
			printf("  What is good? %s\n", a->good);
		if (a->better)
			printf("  What could be better? %s\n", a->better);
	}
	return EXIT_OK;
}

/* ROUND RESPONSE ELEMENT, for review and flag. */
static int comment_args(cli *c, int argc, char **argv, const cli_opt *opts, int64_t *round,
			int64_t *response, const char **element)
{
	const char *pos[3];
	if (cli_parse_args(c, argc, argv, opts, pos, 3, "The round", round) < 0 ||
	    cli_id(c, "The response", pos[1], response) < 0)
		return -1;
	*element = pos[2];
	return 0;
}

static int cmd_views_review(cli *c, int argc, char **argv)
{
	int64_t round, response;
	const char *element;
	if (comment_args(c, argc, argv, NULL, &round, &response, &element) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 ||
	    views_comment_review(&c->d, NULL, round, response, element, &c->e) < 0)
		return cli_fail(c);
	printf("Marked the comment reviewed: results show it from now on.\n");
	return EXIT_OK;
}

static int cmd_views_flag(cli *c, int argc, char **argv)
{
	bool off = false;
	const cli_opt opts[] = {{"--unflag", NULL, &off, NULL}, {0}};
	int64_t round, response;
	const char *element;
	if (comment_args(c, argc, argv, opts, &round, &response, &element) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 ||
	    views_comment_flag(&c->d, NULL, round, response, element, !off, &c->e) < 0)
		return cli_fail(c);
	printf(off ? "Took the flag off: the comment shows in results again once reviewed.\n"
		   : "Flagged for safeguarding follow-up: the comment is hidden from results.\n");
	return EXIT_OK;
}

static int cmd_views_yousaid(cli *c, int argc, char **argv)
{
	bool better = false;
	const cli_opt opts[] = {{"--better", NULL, &better, NULL}, {0}};
	int64_t round, response, id;
	const char *element;
	if (comment_args(c, argc, argv, opts, &round, &response, &element) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 ||
	    views_comment_to_you_said(&c->d, NULL, round, response, element, better, &id, &c->e) < 0)
		return cli_fail(c);
	printf("Made \"You said, we did\" record %lld from the comment: say what was done with `copro yousaid update %lld --did TEXT`.\n",
	       (long long)id, (long long)id);
	return EXIT_OK;
}

/* ---- views paper ------------------------------------------------------------------- */

/* The round's link for the group typed (parents, other:NAME ...): 0, -1
 * with c->e set, or -2 after a usage error. */
static int link_of_group(cli *c, int64_t round, const char *text, int64_t *link)
{
	view_group *g;
	size_t n;
	view_link_list links;
	if (views_groups_parse(&c->mem, text, &g, &n, &c->e) < 0)
		return cli_usage_error(c, "--group: %s", c->e.msg) - 1;
	if (n != 1)
		return cli_usage_error(c, "--group takes one partner group, not %zu.", n) - 1;
	if (views_links(&c->d, round, &links, &c->e) < 0)
		return -1;
	for (size_t i = 0; i < links.n; i++)
		if (!strcmp(links.items[i].partner_group, g->group) &&
		    !strcmp(links.items[i].group_name, g->name)) {
			*link = links.items[i].id;
			return 0;
		}
	return err_set(&c->e, ERR_NOTFOUND, "round %lld has no link for %s: `copro views show %lld` lists its groups.",
		       (long long)round, text, (long long)round);
}

static int cmd_views_paper(cli *c, int argc, char **argv)
{
	const char *group = NULL, *file = NULL;
	const cli_opt opts[] = {{"--group", &group, NULL, NULL}, {"--answers", &file, NULL, NULL},
				{0}};
	int64_t round, link = 0, response;
	if (cli_parse_id(c, argc, argv, opts, "The round", &round) < 0)
		return EXIT_USAGE;
	if (!group || !file)
		return cli_usage_error(c, "--group and --answers are both required: whose form it is, and a file of its answers (- for standard input)."), EXIT_USAGE;
	view_round_row r;
	if (cli_open(c) < 0 || views_get(&c->d, round, &r, &c->e) < 0)
		return cli_fail(c);
	int found = link_of_group(c, round, group, &link);
	if (found < 0)
		return found == -2 ? EXIT_USAGE : cli_fail(c);
	size_t len;
	char *text = cli_read_file(c, file, 1 << 20, "give the file of the form's answers", &len);
	if (!text)
		return cli_fail(c);
	view_paper_answer *answers;
	size_t n;
	int rc = views_paper_parse(&c->d, &r, text, &answers, &n, &c->e) < 0 ||
			 views_paper_add(&c->d, NULL, round, link, answers, n, &response, &c->e) < 0;
	free(text);
	if (rc)
		return cli_fail(c);
	printf("Recorded the paper form as response %lld (%zu %s, entered from paper).\n",
	       (long long)response, n, n == 1 ? "answer" : "answers");
	return EXIT_OK;
}

/* ---- views purge ------------------------------------------------------------------- */

static int cmd_views_purge(cli *c, int argc, char **argv)
{
	size_t n;
	if (cli_parse(c, argc, argv, NULL, NULL, 0, 0, NULL) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || views_purge(&c->d, NULL, &n, &c->e) < 0)
		return cli_fail(c);
	printf("Deleted the free text of %zu %s past its organisation's retention period.\n", n,
	       n == 1 ? "answer" : "answers");
	return EXIT_OK;
}

const command views_result_commands[] = {
	{"views results", "a round's answers per statement and group, small groups suppressed",
	 "Usage: copro views results ROUND [--unsuppressed] [--json | --csv | --xlsx > FILE]\n\n"
	 "A group with fewer answers than the area's smallest group (`copro views area`)\n"
	 "shows \"fewer than N answers\" and no spread, as on the pages; --unsuppressed shows\n"
	 "every spread, as the organisation's leads see it. \"Views differ\" marks two groups\n"
	 "whose middle answers (medians, \"I don't know\" left out) are two or more steps apart.\n"
	 "--csv (or --xlsx, an Excel workbook) writes one row per statement and group, a\n"
	 "suppressed group's figures empty.\n"
	 "\nExample:\n  copro views results 1 --json\n", cmd_views_results},
	{"views agree", "record the agreed view of a statement; it becomes linked evidence",
	 "Usage: copro views agree ROUND STATEMENT --agreed TEXT [--resolved TEXT] --groups GROUPS\n\n"
	 "  --agreed TEXT     what was agreed\n"
	 "  --resolved TEXT   how differences were resolved\n"
	 "  --groups GROUPS   who took part in agreeing: cyp, parents, practitioners, all\n"
	 "The round's evidence item (\"Parent carers' views, October 2026: 23 answers\") is\n"
	 "made or brought up to date and linked to the statement's indicators (an audit's\n"
	 "round: to the principle).\n"
	 "\nExample:\n  copro views agree 1 1i --agreed \"Mostly welcoming\" --groups parents,practitioners\n",
	 cmd_views_agree},
	{"views comments", "list a round's free-text answers, reviewed or not (leads only)",
	 "Usage: copro views comments ROUND [--json]\n\nExample:\n  copro views comments 1\n",
	 cmd_views_comments},
	{"views review", "mark a comment reviewed, so results show it",
	 "Usage: copro views review ROUND RESPONSE STATEMENT\n\n"
	 "Example:\n  copro views review 1 14 1i\n", cmd_views_review},
	{"views flag", "flag a comment for safeguarding follow-up (hidden from results)",
	 "Usage: copro views flag ROUND RESPONSE STATEMENT [--unflag]\n\n"
	 "Example:\n  copro views flag 1 14 1i\n", cmd_views_flag},
	{"views yousaid", "make a \"You said, we did\" record from a reviewed comment",
	 "Usage: copro views yousaid ROUND RESPONSE STATEMENT [--better]\n\n"
	 "Takes the answer's \"What is good?\" comment (--better: \"What could be better?\").\n"
	 "\nExample:\n  copro views yousaid 1 14 1i --better\n", cmd_views_yousaid},
	{"views paper", "type in a paper form as one response, marked as from paper",
	 "Usage: copro views paper ROUND --group GROUP --answers FILE\n\n"
	 "  --group GROUP    whose form: young-people, parents, practitioners or other:NAME\n"
	 "  --answers FILE   one answer a line (- reads standard input):\n"
	 "                     STATEMENT RATING [| what is good | what could be better]\n"
	 "                   RATING is a number (4 Really well ... 1 Not at all, 0 I don't\n"
	 "                   know; York 3 Excellent ... 1 Room for improvement), the words,\n"
	 "                   or - for none. Lines starting with # are skipped.\n"
	 "\nExample:\n  printf '1i 3 | Friendly office\\n1ii quite well\\n' | copro views paper 1 --group parents --answers -\n",
	 cmd_views_paper},
	{"views purge", "delete free text older than each organisation's retention period",
	 "Usage: copro views purge\n\n"
	 "`copro serve` does this when it starts; run this daily (cron) on a server left running.\n"
	 "\nExample:\n  copro views purge\n", cmd_views_purge},
	{0},
};
