/* views.c: `copro views ...`: rounds of views from the terminal: opening
 * one (a link per partner group), listing, showing, closing and reopening,
 * replacing a lost link, and the organisation's and area's settings. The
 * results, agreeing, comments, paper forms and the purge are in
 * cli/views_results.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/views.h"
#include "core/text.h"
#include "domain/area.h"
#include "domain/views.h"

int views_cli_number(cli *c, const char *what, const char *text, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (!*text || *end || v < lo || v > hi)
		return cli_usage_error(c, "%s takes a whole number from %d to %d (got \"%.20s\").", what, lo,
				       hi, text);
	*out = (int)v;
	return 0;
}

/* The link as printed: BASE/v/TOKEN, or the path alone. */
static const char *link_address(cli *c, const char *base, const char *token)
{
	size_t n = base ? strlen(base) : 0;
	while (n && base[n - 1] == '/')
		n--;
	return arena_printf(&c->mem, "%.*s/v/%s", (int)n, base ? base : "", token);
}

static json_t *link_json(const view_link_row *l)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:I, s:s, s:o}", "id", (json_int_t)l->id,
			 "group", l->partner_group, "name", l->group_name, "title",
			 views_group_title(l), "submitted", (json_int_t)l->submitted,
			 "created_at", l->created_at, "replaced_at", json_str_or_null(l->replaced_at));
}

static json_t *round_json(const void *item)
{
	const view_round_row *r = item;
	char today[11];
	date_today(today);
	return json_pack("{s:I, s:I, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:s, s:i, s:s,"
			 " s:o, s:s, s:s}",
			 "id", (json_int_t)r->id, "organisation", (json_int_t)r->organisation_id,
			 "evaluation", r->evaluation_id ? json_integer(r->evaluation_id) : json_null(),
			 "audit", r->audit_id ? json_integer(r->audit_id) : json_null(),
			 "framework", r->framework_id, "title", r->title, "wording", r->wording,
			 "language", r->language, "opens_on", r->opens_on,
			 "closes_on", json_str_or_null(r->closes_on), "closed", r->closed,
			 "state", views_state_words(views_state(r, today)), "answer_cap", r->answer_cap,
			 "created_by", r->created_by_name,
			 "evidence", r->evidence_id ? json_integer(r->evidence_id) : json_null(),
			 "created_at", r->created_at, "updated_at", r->updated_at);
}

/* A round in a language copro has no words for still opens (a catalog may
 * be on its way), but the lead is told what partners will read meanwhile. */
static void language_warning(const char *tag)
{
	if (tag && !views_language(tag))
		fprintf(stderr, "copro: warning: there is no translation for \"%s\" yet, so partners will read "
				"British English. `copro language list` shows the languages copro has.\n", tag);
}

/* ---- views open / open-audit --------------------------------------------------- */

typedef struct open_args {
	const char *groups, *statements, *wording, *language, *opens, *closes, *title, *cap;
	const char *base;
} open_args;

static int open_round(cli *c, int argc, char **argv, bool audit)
{
	open_args a = {0};
	const cli_opt opts[] = {
		{"--groups", &a.groups, NULL, NULL}, {"--statements", &a.statements, NULL, NULL},
		{"--wording", &a.wording, NULL, NULL}, {"--language", &a.language, NULL, NULL},
		{"--opens", &a.opens, NULL, NULL}, {"--closes", &a.closes, NULL, NULL},
		{"--title", &a.title, NULL, NULL}, {"--cap", &a.cap, NULL, NULL},
		{"--base-url", &a.base, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, audit ? "The audit" : "The evaluation", &id) < 0)
		return EXIT_USAGE;
	view_round_input in = {.evaluation_id = audit ? 0 : id, .audit_id = audit ? id : 0,
			       .title = a.title, .wording = a.wording, .language = a.language,
			       .opens_on = a.opens, .closes_on = a.closes};
	view_group *groups;
	if (!a.groups)
		return cli_usage_error(c, "--groups is required: young-people, parents, practitioners or other:NAME, separated by commas."), EXIT_USAGE;
	if (views_groups_parse(&c->mem, a.groups, &groups, &in.n_groups, &c->e) < 0)
		return cli_usage_error(c, "--groups: %s", c->e.msg), EXIT_USAGE;
	in.groups = groups;
	if (a.cap && views_cli_number(c, "--cap", a.cap, 1, VIEWS_CAP_MAX, &in.answer_cap) < 0)
		return EXIT_USAGE;
	if (a.statements && audit)
		return cli_usage_error(c, "--statements is for evaluations: an audit's round asks about all six principles."), EXIT_USAGE;
	if (a.statements) {
		const char **keys = ARENA_ARRAY(&c->mem, strlen(a.statements) + 1, keys);
		char *copy = arena_strdup(&c->mem, a.statements);
		for (char *k = strtok(copy, ", "); k; k = strtok(NULL, ", "))
			keys[in.n_elements++] = k;
		in.elements = keys;
	}
	int64_t round;
	view_new_link *links;
	size_t n;
	if (cli_open(c) < 0 || views_open(&c->d, NULL, &in, &round, &links, &n, &c->e) < 0)
		return cli_fail(c);
	printf("Opened round of views %lld. One link per group (shown this once: copy them now;\n"
	       "`copro views link %lld LINK` makes a new one if a link is lost):\n",
	       (long long)round, (long long)round);
	for (size_t i = 0; i < n; i++) {
		view_link_row l = {.partner_group = links[i].partner_group,
				   .group_name = links[i].group_name};
		printf("  link %lld  %-26s %s\n", (long long)links[i].id, views_group_title(&l),
		       link_address(c, a.base, links[i].token));
	}
	language_warning(a.language);
	return EXIT_OK;
}

static int cmd_views_open(cli *c, int argc, char **argv)
{
	return open_round(c, argc, argv, false);
}

static int cmd_views_open_audit(cli *c, int argc, char **argv)
{
	return open_round(c, argc, argv, true);
}

/* ---- views list / show ------------------------------------------------------------ */

static int cmd_views_list(cli *c, int argc, char **argv)
{
	int64_t org;
	bool json = false;
	view_round_list list;
	if (cli_parse_id_json(c, argc, argv, "The organisation", &org, &json) < 0)
		return EXIT_USAGE;
	if (cli_open_org(c, org, NULL) < 0 || views_of_org(&c->d, org, &list, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json_list(list.items, list.n, sizeof *list.items, round_json);
	if (!list.n) {
		printf("No rounds of views yet: `copro views open EVALUATION --groups parents` opens one.\n");
		return EXIT_OK;
	}
	char today[11];
	date_today(today);
	printf("%5s  %-10s %-12s %s\n", "No.", "Opens", "State", "Title");
	for (size_t i = 0; i < list.n; i++)
		printf("%5lld  %-10s %-12s %s\n", (long long)list.items[i].id, list.items[i].opens_on,
		       views_state_words(views_state(&list.items[i], today)), list.items[i].title);
	return EXIT_OK;
}

static json_t *show_json(const view_round_row *r, const view_element_list *els,
			 const view_link_list *links)
{
	json_t *out = round_json(r), *e = json_array(), *l = json_array();
	for (size_t i = 0; i < els->n; i++)
		json_array_append_new(e, json_pack("{s:s, s:o}", "key", els->items[i].element_key,
						   "easy_read", json_str_or_null(els->items[i].easy_read)));
	for (size_t i = 0; i < links->n; i++)
		json_array_append_new(l, link_json(&links->items[i]));
	json_object_set_new(out, "elements", e);
	json_object_set_new(out, "links", l);
	return out;
}

static int cmd_views_show(cli *c, int argc, char **argv)
{
	int64_t id;
	bool json = false;
	view_round_row r;
	view_element_list els;
	view_link_list links;
	if (cli_parse_id_json(c, argc, argv, "The round", &id, &json) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || views_get(&c->d, id, &r, &c->e) < 0 ||
	    views_elements(&c->d, id, &els, &c->e) < 0 || views_links(&c->d, id, &links, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json(show_json(&r, &els, &links));
	char today[11];
	date_today(today);
	printf("Round of views %lld: %s\n", (long long)r.id, r.title);
	printf("  Of %s %lld (%s), %s wording, language %s\n", r.audit_id ? "audit" : "evaluation",
	       (long long)(r.audit_id ? r.audit_id : r.evaluation_id), r.framework_id, r.wording,
	       r.language);
	printf("  Opens %s, %s%s; %s; at most %d answers a link\n", r.opens_on,
	       r.closes_on ? "closes " : "no closing date", r.closes_on ? r.closes_on : "",
	       views_state_words(views_state(&r, today)), r.answer_cap);
	printf("  Asks about:");
	for (size_t i = 0; i < els.n; i++)
		printf(" %s%s", els.items[i].element_key, els.items[i].easy_read ? " (adapted)" : "");
	printf("\n  Links (tokens are never shown again):\n");
	for (size_t i = 0; i < links.n; i++)
		printf("    link %lld  %-26s %lld sent%s\n", (long long)links.items[i].id,
		       views_group_title(&links.items[i]), (long long)links.items[i].submitted,
		       links.items[i].replaced_at ? " (replaced)" : "");
	return EXIT_OK;
}

/* ---- views close / reopen / link ------------------------------------------------------ */

static int cmd_views_close(cli *c, int argc, char **argv)
{
	int64_t id;
	if (cli_parse_id(c, argc, argv, NULL, "The round", &id) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || views_close(&c->d, NULL, id, &c->e) < 0)
		return cli_fail(c);
	printf("Closed round of views %lld: its links now say it is closed.\n", (long long)id);
	return EXIT_OK;
}

static int cmd_views_reopen(cli *c, int argc, char **argv)
{
	int64_t id;
	if (cli_parse_id(c, argc, argv, NULL, "The round", &id) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || views_reopen(&c->d, NULL, id, &c->e) < 0)
		return cli_fail(c);
	printf("Reopened round of views %lld: its links take answers again.\n", (long long)id);
	return EXIT_OK;
}

static int cmd_views_link(cli *c, int argc, char **argv)
{
	const char *pos[2], *base = NULL;
	const cli_opt opts[] = {{"--base-url", &base, NULL, NULL}, {0}};
	int64_t round, link;
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The round", &round) < 0 ||
	    cli_id(c, "The link", pos[1], &link) < 0)
		return EXIT_USAGE;
	view_new_link l;
	if (cli_open(c) < 0 || views_link_replace(&c->d, NULL, round, link, &l, &c->e) < 0)
		return cli_fail(c);
	printf("New link %lld (the old one no longer works; shown this once):\n  %s\n",
	       (long long)link, link_address(c, base, l.token));
	return EXIT_OK;
}

/* ---- views set / easy-read ------------------------------------------------------------ */

static int cmd_views_set(cli *c, int argc, char **argv)
{
	view_round_change ch = {0};
	const char *cap = NULL;
	const cli_opt opts[] = {{"--title", &ch.title, NULL, NULL},
				{"--wording", &ch.wording, NULL, NULL},
				{"--language", &ch.language, NULL, NULL},
				{"--opens", &ch.opens_on, NULL, NULL}, {"--closes", &ch.closes_on, NULL, NULL},
				{"--cap", &cap, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The round", &id) < 0 ||
	    (cap && views_cli_number(c, "--cap", cap, 1, VIEWS_CAP_MAX, &ch.answer_cap) < 0))
		return EXIT_USAGE;
	if (!ch.title && !ch.wording && !ch.language && !ch.opens_on && !ch.closes_on && !cap)
		return cli_usage_error(c, "say what to change: --title, --wording, --language, --opens, --closes or --cap."), EXIT_USAGE;
	if (cli_open(c) < 0 || views_change(&c->d, NULL, id, &ch, &c->e) < 0)
		return cli_fail(c);
	printf("Changed round of views %lld.\n", (long long)id);
	language_warning(ch.language);
	return EXIT_OK;
}

static int cmd_views_easy_read(cli *c, int argc, char **argv)
{
	const char *pos[3];
	bool reset = false;
	const cli_opt opts[] = {{"--reset", NULL, &reset, NULL}, {0}};
	int64_t id;
	size_t n;
	if (cli_parse(c, argc, argv, opts, pos, 2, 3, &n) < 0 || cli_id(c, "The round", pos[0], &id) < 0)
		return EXIT_USAGE;
	if (reset == (n == 3))
		return cli_usage_error(c, "give the adapted TEXT, or --reset to go back to copro's own easy-read text."), EXIT_USAGE;
	if (cli_open(c) < 0 ||
	    views_set_easy_read(&c->d, NULL, id, pos[1], reset ? NULL : pos[2], &c->e) < 0)
		return cli_fail(c);
	printf(reset ? "Statement %s of round %lld uses copro's easy-read text again.\n"
		     : "Statement %s of round %lld uses your easy-read text.\n", pos[1], (long long)id);
	return EXIT_OK;
}

/* ---- settings ------------------------------------------------------------------------- */

static int cmd_views_settings(cli *c, int argc, char **argv)
{
	const char *contact = NULL, *months = NULL;
	bool json = false;
	const cli_opt opts[] = {{"--safeguarding-contact", &contact, NULL, NULL},
				{"--retention-months", &months, NULL, NULL},
				{"--json", NULL, &json, NULL}, {0}};
	int64_t org;
	views_org_settings s;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &org) < 0)
		return EXIT_USAGE;
	if (cli_open_org(c, org, NULL) < 0 || views_org_settings_get(&c->d, org, &s, &c->e) < 0)
		return cli_fail(c);
	if (contact || months) {
		if (months && views_cli_number(c, "--retention-months", months, 1, 120,
					       &s.retention_months) < 0)
			return EXIT_USAGE;
		s.safeguarding_contact = contact ? contact : s.safeguarding_contact;
		if (views_org_settings_set(&c->d, NULL, org, &s, &c->e) < 0)
			return cli_fail(c);
		s.is_default = false;
		printf("Saved the partner voice settings of organisation %lld.\n", (long long)org);
	}
	if (json)
		return cli_print_json(json_pack("{s:I, s:s, s:i, s:b}", "organisation", (json_int_t)org,
						"safeguarding_contact", s.safeguarding_contact,
						"retention_months", s.retention_months,
						"default", s.is_default));
	printf("  Safeguarding contact: %s\n", *s.safeguarding_contact ? s.safeguarding_contact
								 : "(not set: partner pages cannot say who to tell)");
	printf("  Free text kept for %d months, then deleted\n", s.retention_months);
	return EXIT_OK;
}

static json_t *area_voice_json(const view_org_voice *orgs, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:o, s:b, s:I}", "organisation",
			(json_int_t)orgs[i].organisation_id, "name", orgs[i].name, "groups",
			groups_json(orgs[i].groups), "other_groups", orgs[i].other, "answers",
			(json_int_t)orgs[i].answers));
	return arr;
}

static int cmd_views_area(cli *c, int argc, char **argv)
{
	const char *pos[1], *min = NULL;
	bool json = false;
	const cli_opt opts[] = {{"--min-group", &min, NULL, NULL}, {"--json", NULL, &json, NULL},
				{0}};
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	int n;
	int64_t area;
	if (min && views_cli_number(c, "--min-group", min, 1, 100, &n) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0)
		return cli_fail(c);
	int found = area_find(&c->d, pos[0], &area, &c->e);
	if (found < 0)
		return cli_fail(c);
	if (!found) {
		err_set(&c->e, ERR_NOTFOUND, "there is no area called \"%.80s\": check the spelling (`copro org list` shows each organisation's area).", pos[0]);
		return cli_fail(c);
	}
	if (min && views_min_group_set(&c->d, NULL, area, n, &c->e) < 0)
		return cli_fail(c);
	if (min)
		printf("Saved the smallest group of %s.\n", pos[0]);
	if (views_min_group_get(&c->d, area, &n, &c->e) < 0)
		return cli_fail(c);
	view_org_voice *orgs;
	size_t n_orgs;
	if (views_area_voice(&c->d, area, &orgs, &n_orgs, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json(json_pack("{s:s, s:i, s:o}", "area", pos[0], "views_min_group", n,
						"organisations", area_voice_json(orgs, n_orgs)));
	printf("  A partner group's spread of answers shows to anyone but leads from %d answers on.\n", n);
	printf("  Partners' views in the last 12 months: %s\n", n_orgs ? "" : "none yet.");
	for (size_t i = 0; i < n_orgs; i++)
		printf("    %-40s %5zu answers  %s%s\n", orgs[i].name, orgs[i].answers,
		       orgs[i].groups ? groups_describe(&c->mem, orgs[i].groups) : "",
		       orgs[i].other ? (orgs[i].groups ? ", others" : "others") : "");
	return EXIT_OK;
}

const command views_commands[] = {
	{"views open", "open a round of views of an evaluation: one link per partner group",
	 "Usage: copro views open EVALUATION --groups GROUPS [options]\n\n"
	 "  --groups GROUPS      young-people, parents, practitioners, other:NAME (commas)\n"
	 "  --statements KEYS    statements (1i,2iii) or cornerstones (1); default all 25\n"
	 "  --wording W          standard (the source's text, default) or easy-read\n"
	 "  --language CODE      the links' language (default en-GB)\n"
	 "  --opens D, --closes D   YYYY-MM-DD (opens today by default; no closing date)\n"
	 "  --title TEXT         default \"Views on <instrument>, <month year>\"\n"
	 "  --cap N              answers a link takes (default 2000)\n"
	 "  --base-url URL       print links as URL/v/TOKEN (else the path /v/TOKEN)\n"
	 "Each link is printed once: only a hash of its token is kept.\n"
	 "\nExample:\n  copro views open 1 --groups young-people,parents --statements 1 --closes 2026-12-18\n",
	 cmd_views_open},
	{"views open-audit", "open a round of views of a York audit's six principles",
	 "Usage: copro views open-audit AUDIT --groups GROUPS [options]\n\n"
	 "The options of `copro views open` but --statements; partners answer in York's levels.\n"
	 "\nExample:\n  copro views open-audit 2 --groups parents,practitioners\n",
	 cmd_views_open_audit},
	{"views list", "list an organisation's rounds of views",
	 "Usage: copro views list ORG [--json]\n\nExample:\n  copro views list 1\n", cmd_views_list},
	{"views show", "show a round: what it asks, its dates and its links (never their tokens)",
	 "Usage: copro views show ROUND [--json]\n\nExample:\n  copro views show 1 --json\n",
	 cmd_views_show},
	{"views close", "close a round: every link says it is closed",
	 "Usage: copro views close ROUND\n\nExample:\n  copro views close 1\n", cmd_views_close},
	{"views reopen", "reopen a closed round",
	 "Usage: copro views reopen ROUND\n\nExample:\n  copro views reopen 1\n", cmd_views_reopen},
	{"views link", "replace a lost link with a new one (the old one stops working)",
	 "Usage: copro views link ROUND LINK [--base-url URL]\n\n"
	 "LINK is the link's number (`copro views show ROUND`).\n"
	 "\nExample:\n  copro views link 1 2 --base-url https://copro.example.org\n", cmd_views_link},
	{"views set", "change a round's title, wording, language, dates or cap",
	 "Usage: copro views set ROUND [--title T] [--wording W] [--language CODE] [--opens D]\n"
	 "                        [--closes D] [--cap N]\n\n"
	 "An empty --closes \"\" takes the closing date away.\n"
	 "\nExample:\n  copro views set 1 --closes 2027-01-15\n", cmd_views_set},
	{"views easy-read", "adapt copro's easy-read text of one statement for one round",
	 "Usage: copro views easy-read ROUND STATEMENT TEXT\n"
	 "       copro views easy-read ROUND STATEMENT --reset\n\n"
	 "Your text (at most 1,000 characters) replaces copro's plain-words version of the\n"
	 "statement in this round's easy-read pages; --reset goes back to copro's.\n"
	 "\nExample:\n  copro views easy-read 1 1i \"We make you feel welcome at our school.\"\n",
	 cmd_views_easy_read},
	{"views settings", "show or set an organisation's safeguarding contact and retention",
	 "Usage: copro views settings ORG [--safeguarding-contact TEXT] [--retention-months N] [--json]\n\n"
	 "  --safeguarding-contact TEXT   who partners tell if they are worried (a name or role)\n"
	 "  --retention-months N          months free-text answers are kept (1 to 120, default 24)\n"
	 "\nExample:\n  copro views settings 1 --safeguarding-contact \"Mrs Khan, safeguarding lead\"\n",
	 cmd_views_settings},
	{"views area", "an area's partner voice: who gave views in 12 months; its smallest group shown",
	 "Usage: copro views area AREA [--min-group N] [--json]\n\n"
	 "  --min-group N   a group with fewer answers shows \"fewer than N answers\" to\n"
	 "                  anyone but the organisation's leads (1 to 100, default 5)\n"
	 "Lists each organisation whose partners gave views in the last 12 months: which\n"
	 "groups, and how many answers.\n"
	 "\nExample:\n  copro views area \"Rotherham\" --min-group 10\n", cmd_views_area},
	{0},
};
