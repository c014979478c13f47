/* plan.c: `copro plan start|list|show|statement|answer|aspect|action`:
 * team and service plans, strengths first, seeded from a self-evaluation. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/plan.h"

static int cmd_plan_start(cli *c, int argc, char **argv)
{
	const char *title = NULL, *cycle = NULL, *seed_text = NULL;
	bool latest = false;
	const cli_opt opts[] = {{"--title", &title, NULL, NULL}, {"--cycle", &cycle, NULL, NULL},
				{"--seed", &seed_text, NULL, NULL},
				{"--seed-latest", NULL, &latest, NULL}, {0}};
	int64_t org, seed = 0, id;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &org) < 0 ||
	    (seed_text && cli_id(c, "The --seed evaluation", seed_text, &seed) < 0))
		return EXIT_USAGE;
	if (!title)
		return cli_usage_error(c, "--title is required: name the team or service the plan is for."),
		       EXIT_USAGE;
	if (!cycle)
		return cli_usage_error(c, "--cycle is required: the year or period it covers, for example 2026-27."),
		       EXIT_USAGE;
	if (seed_text && latest)
		return cli_usage_error(c, "give --seed EVALUATION or --seed-latest, not both."), EXIT_USAGE;
	if (cli_open(c) < 0)
		return cli_fail(c);
	evaluation_row ev = {0};
	if (latest) {
		int found = plan_seed_latest(&c->d, org, &ev, &c->e);
		if (found < 0)
			return cli_fail(c);
		if (!found) {
			org_row o;
			if (org_get(&c->d, org, &o, &c->e) < 0)
				return cli_fail(c);
			fprintf(stderr, "copro %s: %s has no self-evaluation to start from: start one with `copro evaluation start %lld four-cornerstones CYCLE`, or leave out --seed-latest.\n",
				c->command, o.name, (long long)org);
			return EXIT_FAIL;
		}
		seed = ev.id;
	}
	if (plan_start(&c->d, org, title, cycle, seed, &id, &c->e) < 0)
		return cli_fail(c);
	plan_row p;
	if (plan_get(&c->d, id, &p, &c->e) < 0)
		return cli_fail(c);
	if (seed)
		printf("Started plan %lld: %s (%s), from self-evaluation %lld (%s): %d statement%s copied\n",
		       (long long)id, title, cycle, (long long)seed, p.seed_cycle ? p.seed_cycle : "",
		       p.statements, p.statements == 1 ? "" : "s");
	else
		printf("Started plan %lld: %s (%s)\n", (long long)id, title, cycle);
	return EXIT_OK;
}

static json_t *plan_row_json(const void *item)
{
	const plan_row *p = item;
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:i, s:s, s:s}",
			 "id", (json_int_t)p->id, "organisation", (json_int_t)p->organisation_id,
			 "title", p->title, "cycle", p->cycle,
			 "seeded_from", p->seeded_from ? json_integer(p->seeded_from) : json_null(),
			 "statements", p->statements, "created_at", p->created_at,
			 "updated_at", p->updated_at);
}

static int cmd_plan_list(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t org;
	if (cli_parse_id_json(c, argc, argv, "The organisation", &org, &json) < 0)
		return EXIT_USAGE;
	plan_list list;
	if (cli_open_org(c, org, NULL) < 0 || plans_of_org(&c->d, org, &list, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json_list(list.items, list.n, sizeof *list.items, plan_row_json);
	if (!list.n) {
		printf("No plans yet. Start one with: copro plan start %lld --title ... --cycle ... --seed-latest\n",
		       (long long)org);
		return EXIT_OK;
	}
	printf("%5s  %-10s %-10s %-10s %s\n", "No.", "Cycle", "Seeded", "Statements", "Title");
	for (size_t i = 0; i < list.n; i++) {
		const plan_row *p = &list.items[i];
		char seeded[24] = "-";
		if (p->seeded_from)
			snprintf(seeded, sizeof seeded, "eval %lld", (long long)p->seeded_from);
		printf("%5lld  %-10s %-10s %-10d %s\n", (long long)p->id, p->cycle, seeded,
		       p->statements, p->title);
	}
	return EXIT_OK;
}

/* ---- show ---------------------------------------------------------------- */

static json_t *cornerstone_json(const plan_full *p, const plan_section *ps)
{
	json_t *statements = json_array(), *questions = json_array();
	for (size_t i = 0; i < ps->section->n_elements; i++) {
		const fw_element *el = &ps->section->elements[i];
		const plan_statement_row *s = plan_statement(p, el->key);
		json_array_append_new(statements, json_pack("{s:s, s:s, s:o, s:s, s:s}",
			"key", el->key, "title", el->title, "gap", json_str_or_null(el->gap),
			"strengths", s ? s->strengths : "", "areas", s ? s->areas : ""));
	}
	for (size_t q = 0; q < ps->n_questions; q++) {
		const fw_item *it = &ps->questions[q];
		json_array_append_new(questions, json_pack("{s:s, s:s, s:o}", "key", it->key,
			"text", it->text, "answer",
			json_str_or_null(plan_answer(p, ps->section->key, it->key))));
	}
	return json_pack("{s:s, s:s, s:o, s:o}", "key", ps->section->key, "title",
			 ps->section->title, "statements", statements, "questions", questions);
}

static json_t *plan_json(const plan_full *p)
{
	json_t *out = plan_row_json(&p->plan);
	json_t *cornerstones = json_array(), *aspects = json_array(), *actions = json_array();
	for (size_t s = 0; s < p->in.n_sections; s++)
		json_array_append_new(cornerstones, cornerstone_json(p, &p->in.sections[s]));
	for (size_t i = 0; i < p->in.n_aspects; i++) {
		const fw_item *a = &p->in.aspects[i];
		json_array_append_new(aspects, json_pack("{s:s, s:s, s:o}", "key", a->key, "title",
			a->title, "note", json_str_or_null(plan_aspect_note(p, a->key))));
	}
	for (size_t i = 0; i < p->actions.n; i++) {
		const plan_action_row *a = &p->actions.items[i];
		json_array_append_new(actions, json_pack("{s:I, s:o, s:s, s:s, s:o, s:s}",
			"id", (json_int_t)a->id, "statement", json_str_or_null(a->element_key),
			"title", a->title, "owner", a->owner, "due_on", json_str_or_null(a->due_on),
			"status", a->status));
	}
	json_object_set_new(out, "framework_changed", json_boolean(p->in.changed));
	json_object_set_new(out, "cornerstones", cornerstones);
	json_object_set_new(out, "aspects", aspects);
	json_object_set_new(out, "actions", actions);
	return out;
}

/* Text over several lines, each indented under its heading. */
static void print_indented(const char *indent, const char *text)
{
	for (const char *t = text; *t;) {
		size_t n = strcspn(t, "\n");
		printf("%s%.*s\n", indent, (int)n, t);
		t += n;
		if (*t)
			t++;
	}
}

/* Strengths of every statement, then areas: the source asks for an
 * appreciative process, so strengths come first. */
static void print_column(const plan_full *p, const plan_section *ps, bool areas)
{
	printf("  %s\n", plan_column_title(&p->in, areas ? "areas" : "strengths",
					    areas ? "Areas for development" : "Strengths"));
	int shown = 0;
	for (size_t i = 0; i < ps->section->n_elements; i++) {
		const fw_element *el = &ps->section->elements[i];
		const plan_statement_row *s = plan_statement(p, el->key);
		const char *text = s ? (areas ? s->areas : s->strengths) : "";
		if (!*text)
			continue;
		printf("    %s %s%s\n", el->key, el->title, el->gap ? " [GAP IN SOURCE]" : "");
		print_indented("      ", text);
		shown++;
	}
	if (!shown)
		printf("    none recorded yet\n");
}

static void print_plan(const plan_full *p)
{
	const plan_row *r = &p->plan;
	printf("Plan %lld: %s\n  Cycle: %s\n", (long long)r->id, r->title, r->cycle);
	if (r->seeded_from)
		printf("  Started from: self-evaluation %lld (%s)\n", (long long)r->seeded_from,
		       r->seed_cycle ? r->seed_cycle : "");
	if (p->in.changed)
		printf("  The instrument file has changed since this plan started; the plan keeps its original wording.\n");
	for (size_t s = 0; s < p->in.n_sections; s++) {
		const plan_section *ps = &p->in.sections[s];
		printf("\nCornerstone %s: %s\n", ps->section->key, ps->section->title);
		print_column(p, ps, false);
		print_column(p, ps, true);
		printf("  Questions%s%s%s\n", p->in.question_lead ? " (" : "",
		       p->in.question_lead ? p->in.question_lead : "", p->in.question_lead ? ")" : "");
		for (size_t q = 0; q < ps->n_questions; q++) {
			const char *answer = plan_answer(p, ps->section->key, ps->questions[q].key);
			printf("    %s. %s\n", ps->questions[q].key, ps->questions[q].text);
			print_indented("      ", answer && *answer ? answer : "not answered yet");
		}
	}
	printf("\nAspects\n");
	for (size_t i = 0; i < p->in.n_aspects; i++) {
		const char *note = plan_aspect_note(p, p->in.aspects[i].key);
		printf("  %s%s%s (%s)\n", p->in.aspect_lead ? p->in.aspect_lead : "",
		       p->in.aspect_lead ? " " : "", p->in.aspects[i].title, p->in.aspects[i].key);
		print_indented("    ", note && *note ? note : "no note yet");
	}
	printf("\nActions from this plan\n");
	if (!p->actions.n)
		printf("  none yet: `copro plan action %lld STATEMENT` turns an area for development into one\n",
		       (long long)r->id);
	for (size_t i = 0; i < p->actions.n; i++) {
		const plan_action_row *a = &p->actions.items[i];
		printf("  %lld %s, statement %s: %s\n", (long long)a->id, a->status,
		       a->element_key ? a->element_key : "-", a->title);
	}
}

static int cmd_plan_show(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The plan", &id, &json) < 0)
		return EXIT_USAGE;
	plan_full p;
	if (cli_open(c) < 0 || plan_load(&c->d, id, &p, &c->e) < 0)
		return cli_fail(c);
	int rc = EXIT_OK;
	if (json)
		rc = cli_print_json(plan_json(&p));
	else
		print_plan(&p);
	return rc;
}

/* ---- changes ------------------------------------------------------------- */

static int cmd_plan_statement(cli *c, int argc, char **argv)
{
	const char *pos[2], *strengths = NULL, *areas = NULL;
	const cli_opt opts[] = {{"--strengths", &strengths, NULL, NULL},
				{"--areas", &areas, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The plan", &id) < 0)
		return EXIT_USAGE;
	if (!strengths && !areas)
		return cli_usage_error(c, "give --strengths TEXT, --areas TEXT or both."), EXIT_USAGE;
	if (cli_open(c) < 0 || plan_statement_set(&c->d, id, pos[1], strengths, areas, &c->e) < 0)
		return cli_fail(c);
	printf("Saved statement %s of plan %lld\n", pos[1], (long long)id);
	return EXIT_OK;
}

static int cmd_plan_answer(cli *c, int argc, char **argv)
{
	const char *pos[4];
	int64_t id;
	if (cli_parse_args(c, argc, argv, NULL, pos, 4, "The plan", &id) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || plan_answer_set(&c->d, id, pos[1], pos[2], pos[3], &c->e) < 0)
		return cli_fail(c);
	printf("Saved the answer to question %s of cornerstone %s in plan %lld\n", pos[2], pos[1],
	       (long long)id);
	return EXIT_OK;
}

static int cmd_plan_aspect(cli *c, int argc, char **argv)
{
	const char *pos[3];
	int64_t id;
	if (cli_parse_args(c, argc, argv, NULL, pos, 3, "The plan", &id) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 || plan_aspect_set(&c->d, id, pos[1], pos[2], &c->e) < 0)
		return cli_fail(c);
	printf("Saved the note on %s in plan %lld\n", pos[1], (long long)id);
	return EXIT_OK;
}

static int cmd_plan_action(cli *c, int argc, char **argv)
{
	const char *pos[2], *title = NULL, *owner = NULL, *due = NULL;
	const cli_opt opts[] = {{"--title", &title, NULL, NULL}, {"--owner", &owner, NULL, NULL},
				{"--due", &due, NULL, NULL}, {0}};
	int64_t id, action;
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The plan", &id) < 0)
		return EXIT_USAGE;
	action_row a;
	if (cli_open(c) < 0 ||
	    plan_area_to_action(&c->d, id, pos[1], title, owner, due, &action, &c->e) < 0 ||
	    action_get(&c->d, action, &a, &c->e) < 0)
		return cli_fail(c);
	printf("Added action %lld from plan %lld, statement %s: %s\n", (long long)action,
	       (long long)id, pos[1], a.title);
	return EXIT_OK;
}

const command plan_commands[] = {
	{"plan start", "start a team or service plan, from the latest self-evaluation if you like",
	 "Usage: copro plan start ORG --title TEXT --cycle TEXT [--seed EVALUATION | --seed-latest]\n\n"
	 "  --title TEXT       the team or service the plan is for\n"
	 "  --cycle TEXT       the year or period it covers, for example 2026-27\n"
	 "  --seed EVALUATION  copy each statement's strengths and areas for development\n"
	 "                     from this self-evaluation of the organisation\n"
	 "  --seed-latest      the same, from its latest self-evaluation\n\n"
	 "Example:\n  copro plan start 1 --title \"SEND team plan\" --cycle 2026-27 --seed-latest\n",
	 cmd_plan_start},
	{"plan list", "an organisation's plans, newest first",
	 "Usage: copro plan list ORG [--json]\n\nExample:\n  copro plan list 1\n", cmd_plan_list},
	{"plan show", "a plan: strengths, then areas for development, answers, aspects, actions",
	 "Usage: copro plan show PLAN [--json]\n\nExample:\n  copro plan show 1\n", cmd_plan_show},
	{"plan statement", "write a statement's strengths or areas for development",
	 "Usage: copro plan statement PLAN STATEMENT [--strengths TEXT] [--areas TEXT]\n\n"
	 "STATEMENT is written like 1i or 3iv. An option left out keeps what is saved;\n"
	 "an empty text (--areas \"\") clears it.\n\n"
	 "Example:\n  copro plan statement 1 1iv --strengths \"Parent carers chair the forum\"\n",
	 cmd_plan_statement},
	{"plan answer", "answer one of a cornerstone's reflective questions",
	 "Usage: copro plan answer PLAN CORNERSTONE QUESTION TEXT\n\n"
	 "CORNERSTONE is 1 to 4; QUESTION a to g (`copro plan show PLAN` lists them).\n\n"
	 "Example:\n  copro plan answer 1 1 a \"Families tell us they feel welcome\"\n",
	 cmd_plan_answer},
	{"plan aspect", "write a note on an organisational aspect",
	 "Usage: copro plan aspect PLAN ASPECT TEXT\n\n"
	 "ASPECT is one of vision-mission, leaders, strategic-plan, values, processes,\n"
	 "recruitment, joint-decision-making, budgets, workforce-development.\n\n"
	 "Example:\n  copro plan aspect 1 recruitment \"A parent carer sits on interview panels\"\n",
	 cmd_plan_aspect},
	{"plan action", "turn a statement's areas for development into an action",
	 "Usage: copro plan action PLAN STATEMENT [--title TEXT] [--owner TEXT] [--due DATE]\n\n"
	 "  --title TEXT  what will be done (default: the first line of the areas)\n"
	 "  --owner TEXT  who will do it\n"
	 "  --due DATE    by when, YYYY-MM-DD\n\n"
	 "The action remembers the plan and the statement it came from.\n\n"
	 "Example:\n  copro plan action 1 1iv --owner \"SENCO\" --due 2027-03-31\n",
	 cmd_plan_action},
	{0},
};
