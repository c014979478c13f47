/* project.c: `copro project ...`: service development projects worked
 * through York's models of joint partnership, step by step. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/project.h"

static json_t *person_json(const project_person_row *p)
{
	return json_pack("{s:i, s:s, s:s, s:s}", "position", p->position, "name", p->name,
			 "role", p->role, "partner_group", p->partner_group);
}

/* The fields every project has, in list and show alike. */
static json_t *project_json(const project_row *p, const char *model_title, size_t steps_total)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:i, s:I, s:s, s:s}",
			 "id", (json_int_t)p->id, "organisation", (json_int_t)p->organisation_id,
			 "title", p->title, "model", p->framework_id, "model_title", model_title,
			 "service_area", p->service_area, "description", p->description,
			 "starts_on", p->starts_on, "ends_on", json_str_or_null(p->ends_on),
			 "steps_done", p->steps_done, "steps_total", (json_int_t)steps_total,
			 "created_at", p->created_at, "updated_at", p->updated_at);
}

static json_t *step_json(const project_step_progress *sp)
{
	json_t *qs = json_array();
	for (size_t q = 0; q < sp->n_questions; q++) {
		const project_question *pq = &sp->questions[q];
		json_t *o = json_pack("{s:s, s:o, s:o, s:s}", "key", pq->item->key,
				      "text", json_str_or_null(pq->item->text),
				      "answer", json_str_or_null(pq->answer), "note", pq->note);
		if (pq->item->gap)
			json_object_set_new(o, "gap", json_string(pq->item->gap));
		json_array_append_new(qs, o);
	}
	json_t *ev = json_array();
	for (size_t i = 0; i < sp->n_evidence; i++)
		json_array_append_new(ev, json_pack("{s:I, s:s, s:s}",
			"id", (json_int_t)sp->evidence[i].evidence_id, "title", sp->evidence[i].title,
			"date", sp->evidence[i].evidence_date));
	const fw_element *el = sp->step;
	json_t *o = json_pack("{s:s, s:s, s:o, s:b, s:o, s:s, s:o, s:o}", "key", el->key,
			      "title", el->title, "description", json_str_or_null(el->description),
			      "done", sp->done, "done_on", json_str_or_null(sp->done_on),
			      "note", sp->note, "questions", qs, "evidence", ev);
	if (el->gap)
		json_object_set_new(o, "gap", json_string(el->gap));
	return o;
}

static int cmd_project_add(cli *c, int argc, char **argv)
{
	project_row p = {.service_area = "", .description = ""};
	const cli_opt opts[] = {{"--title", &p.title, NULL, NULL},
				{"--model", &p.framework_id, NULL, NULL},
				{"--start", &p.starts_on, NULL, NULL},
				{"--end", &p.ends_on, NULL, NULL},
				{"--service-area", &p.service_area, NULL, NULL},
				{"--description", &p.description, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &p.organisation_id) < 0)
		return EXIT_USAGE;
	if (!p.title)
		return cli_usage_error(c, "--title is required: name the service or piece of work."),
		       EXIT_USAGE;
	if (!p.framework_id)
		return cli_usage_error(c, "--model is required: strategic (developing a service) or individual (an individual piece of work)."),
		       EXIT_USAGE;
	if (!p.starts_on)
		return cli_usage_error(c, "--start is required: the date the project starts, YYYY-MM-DD."),
		       EXIT_USAGE;
	if (p.ends_on && !*p.ends_on)
		p.ends_on = NULL;
	if (cli_open(c) < 0 || project_add(&c->d, &p, NULL, &id, &c->e) < 0)
		return cli_fail(c);
	const framework *fw = fw_registry_find(&c->frameworks, p.framework_id);
	printf("Added project %lld: %s (%s, %zu steps)\n", (long long)id, p.title,
	       fw ? fw->title : p.framework_id, fw ? fw->n_elements : 0);
	printf("Next: copro project person %lld --name NAME --role ROLE --group parent-carers\n"
	       "      copro project show %lld\n", (long long)id, (long long)id);
	return EXIT_OK;
}

static int cmd_project_list(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t org;
	if (cli_parse_id_json(c, argc, argv, "The organisation", &org, &json) < 0)
		return EXIT_USAGE;
	project_summary_list list;
	if (cli_open_org(c, org, NULL) < 0 || project_summaries(&c->d, org, &list, &c->e) < 0)
		return cli_fail(c);
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < list.n; i++)
			json_array_append_new(arr, project_json(&list.items[i].project,
								list.items[i].model_title,
								list.items[i].steps_total));
		return cli_print_json(arr);
	}
	if (!list.n) {
		printf("No projects yet. Add one with:\n"
		       "  copro project add %lld --title TITLE --model strategic --start YYYY-MM-DD\n",
		       (long long)org);
		return EXIT_OK;
	}
	printf("%5s  %-10s %-10s %-6s %-10s %s\n", "No.", "Start", "End", "Steps", "Model", "Title");
	for (size_t i = 0; i < list.n; i++) {
		const project_summary *s = &list.items[i];
		char steps[32];
		snprintf(steps, sizeof steps, "%d/%zu", s->project.steps_done, s->steps_total);
		const char *model = s->project.framework_id;
		if (!strcmp(model, PROJECT_MODEL_STRATEGIC))
			model = "strategic";
		else if (!strcmp(model, PROJECT_MODEL_INDIVIDUAL))
			model = "individual";
		printf("%5lld  %-10s %-10s %-6s %-10s %s\n", (long long)s->project.id,
		       s->project.starts_on, s->project.ends_on ? s->project.ends_on : "-", steps,
		       model, s->project.title);
	}
	return EXIT_OK;
}

static void print_step(const project_step_progress *sp)
{
	const fw_element *el = sp->step;
	printf("  [%c] %-3s %-10s %s\n", sp->done ? 'x' : ' ', el->key,
	       sp->done_on ? sp->done_on : "", el->title);
	if (el->description)
		printf("          %s\n", el->description);
	if (el->gap)
		printf("          [GAP IN SOURCE] %s\n", el->gap);
	if (*sp->note)
		printf("          note: %s\n", sp->note);
	for (size_t q = 0; q < sp->n_questions; q++) {
		const project_question *pq = &sp->questions[q];
		printf("          question %s: %s\n            answer: %s%s%s\n", pq->item->key,
		       pq->item->gap ? "[GAP IN SOURCE]" : pq->item->text,
		       pq->answer ? pq->answer : "(not answered)", *pq->note ? " - " : "", pq->note);
	}
	for (size_t i = 0; i < sp->n_evidence; i++)
		printf("          evidence %lld: %s (%s)\n", (long long)sp->evidence[i].evidence_id,
		       sp->evidence[i].title, sp->evidence[i].evidence_date);
}

static int cmd_project_show(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The project", &id, &json) < 0)
		return EXIT_USAGE;
	project_progress p;
	org_row o;
	if (cli_open(c) < 0 || project_progress_load(&c->d, id, &p, &c->e) < 0)
		return cli_fail(c);
	if (org_get(&c->d, p.project.organisation_id, &o, &c->e) < 0)
		return cli_fail(c);
	const project_row *r = &p.project;
	if (json) {
		json_t *j = project_json(r, p.fw->title, p.n_steps);
		json_t *people = json_array(), *steps = json_array();
		for (size_t i = 0; i < p.people.n; i++)
			json_array_append_new(people, person_json(&p.people.items[i]));
		for (size_t i = 0; i < p.n_steps; i++)
			json_array_append_new(steps, step_json(&p.steps[i]));
		json_object_set_new(j, "organisation_name", json_string(o.name));
		json_object_set_new(j, "framework_hash", json_string(r->framework_hash));
		json_object_set_new(j, "framework_changed", json_boolean(p.framework_changed));
		json_object_set_new(j, "people", people);
		json_object_set_new(j, "steps", steps);
		return cli_print_json(j);
	}
	printf("Project %lld: %s\n", (long long)r->id, r->title);
	printf("Organisation: %s\nModel: %s (%s)\n", o.name, p.fw->title, r->framework_id);
	if (p.framework_changed)
		printf("Note: the installed model file has changed since this project started;\n"
		       "      this project keeps the wording it started with (version %.12s).\n",
		       r->framework_hash);
	if (*r->service_area)
		printf("Service area: %s\n", r->service_area);
	printf("Dates: %s to %s\n", r->starts_on, r->ends_on ? r->ends_on : "(no end date)");
	if (*r->description)
		printf("Description: %s\n", r->description);
	printf("Steps done: %zu of %zu\n", p.steps_done, p.n_steps);
	printf("\nPeople involved:\n");
	if (!p.people.n)
		printf("  (none yet) add them with: copro project person %lld --group GROUP [--name N] [--role R]\n",
		       (long long)r->id);
	for (size_t i = 0; i < p.people.n; i++) {
		const project_person_row *pp = &p.people.items[i];
		printf("  %d. %s, %s (%s)\n", pp->position, *pp->name ? pp->name : "(no name)",
		       *pp->role ? pp->role : "(no role)", pp->partner_group);
	}
	printf("\nSteps:\n");
	for (size_t i = 0; i < p.n_steps; i++)
		print_step(&p.steps[i]);
	printf("\nMark a step done:  copro project step %lld STEP --done yes --date YYYY-MM-DD\n",
	       (long long)r->id);
	return EXIT_OK;
}

static int cmd_project_person(cli *c, int argc, char **argv)
{
	project_person_row p = {.name = "", .role = ""};
	const cli_opt opts[] = {{"--name", &p.name, NULL, NULL}, {"--role", &p.role, NULL, NULL},
				{"--group", &p.partner_group, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The project", &id) < 0)
		return EXIT_USAGE;
	if (!p.partner_group)
		return cli_usage_error(c, "--group is required: children-and-young-people, parent-carers or practitioners."),
		       EXIT_USAGE;
	if (cli_open(c) < 0 || project_person_add(&c->d, id, &p, &c->e) < 0)
		return cli_fail(c);
	printf("Added person %d to project %lld: %s, %s (%s)\n", p.position, (long long)id,
	       *p.name ? p.name : "(no name)", *p.role ? p.role : "(no role)", p.partner_group);
	return EXIT_OK;
}

/* "yes" or "no"; -1 with a usage message otherwise. */
static int yes_no(cli *c, const char *text)
{
	if (!strcmp(text, "yes"))
		return 1;
	if (!strcmp(text, "no"))
		return 0;
	cli_usage_error(c, "--done \"%.20s\" is not yes or no.", text);
	return -1;
}

static int cmd_project_step(cli *c, int argc, char **argv)
{
	const char *pos[2], *done = NULL, *date = NULL, *note = NULL;
	const cli_opt opts[] = {{"--done", &done, NULL, NULL}, {"--date", &date, NULL, NULL},
				{"--note", &note, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The project", &id) < 0)
		return EXIT_USAGE;
	if (!done)
		return cli_usage_error(c, "--done is required: yes or no."), EXIT_USAGE;
	int is_done = yes_no(c, done);
	if (is_done < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 ||
	    project_step_set(&c->d, id, pos[1], is_done == 1, date, note, &c->e) < 0)
		return cli_fail(c);
	printf("Step %s of project %lld is %s%s%s.\n", pos[1], (long long)id,
	       is_done ? "done" : "not done", is_done && date && *date ? ", on " : "",
	       is_done && date && *date ? date : "");
	return EXIT_OK;
}

static int cmd_project_answer(cli *c, int argc, char **argv)
{
	const char *pos[4], *note = NULL;
	const cli_opt opts[] = {{"--note", &note, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_args(c, argc, argv, opts, pos, 4, "The project", &id) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 ||
	    project_answer_set(&c->d, id, pos[1], pos[2], pos[3], note, &c->e) < 0)
		return cli_fail(c);
	printf("Answered question %s of step %s in project %lld: %s.\n", pos[2], pos[1],
	       (long long)id, pos[3]);
	return EXIT_OK;
}

static int cmd_project_evidence(cli *c, int argc, char **argv)
{
	const char *pos[3];
	bool unlink = false, changed;
	const cli_opt opts[] = {{"--unlink", NULL, &unlink, NULL}, {0}};
	int64_t id, evidence;
	if (cli_parse_args(c, argc, argv, opts, pos, 3, "The project", &id) < 0 ||
	    cli_id(c, "The evidence", pos[2], &evidence) < 0)
		return EXIT_USAGE;
	if (cli_open(c) < 0 ||
	    project_evidence_link(&c->d, id, pos[1], evidence, unlink, &changed, &c->e) < 0)
		return cli_fail(c);
	if (unlink)
		printf(changed ? "Unlinked evidence %lld from step %s of project %lld.\n"
			       : "Evidence %lld was not linked to step %s of project %lld: nothing to unlink.\n",
		       (long long)evidence, pos[1], (long long)id);
	else
		printf(changed ? "Linked evidence %lld to step %s of project %lld.\n"
			       : "Evidence %lld was linked to step %s of project %lld already.\n",
		       (long long)evidence, pos[1], (long long)id);
	return EXIT_OK;
}

const command project_commands[] = {
	{"project add", "start a service development project following a York model",
	 "Usage: copro project add ORG --title TEXT --model strategic|individual --start DATE [options]\n\n"
	 "A project develops a service, or an individual piece of work, in joint\n"
	 "partnership with children, young people and parent carers, working through\n"
	 "the steps of one of York's models. The model's text is kept with the project.\n\n"
	 "  --title TEXT         what is being developed\n"
	 "  --model M            strategic (for developing a service) or individual\n"
	 "                       (for an individual piece of work, such as an EHC plan\n"
	 "                       or an annual review)\n"
	 "  --start DATE         when it starts, YYYY-MM-DD\n"
	 "  --end DATE           when it ends (optional, not before the start)\n"
	 "  --service-area TEXT  the area of the service (optional)\n"
	 "  --description TEXT   what it is for (optional)\n\n"
	 "For individual work, do not type a child's name unless you need to.\n\n"
	 "Example:\n"
	 "  copro project add 1 --title \"Short breaks leaflet\" --model strategic \\\n"
	 "    --start 2026-09-01 --end 2027-03-31 --service-area \"Short breaks\"\n",
	 cmd_project_add},
	{"project list", "list an organisation's projects with steps done",
	 "Usage: copro project list ORG [--json]\n\nExample:\n  copro project list 1\n",
	 cmd_project_list},
	{"project show", "one project: people, steps, answers and evidence",
	 "Usage: copro project show PROJECT [--json]\n\n"
	 "Shows the project's details, the people involved, and each step of its\n"
	 "model: done or not, the date and note, the check questions with their\n"
	 "answers, and the evidence linked.\n\n"
	 "Example:\n  copro project show 1\n",
	 cmd_project_show},
	{"project person", "add a person involved in a project",
	 "Usage: copro project person PROJECT --group GROUP [--name TEXT] [--role TEXT]\n\n"
	 "  --group GROUP   children-and-young-people (or cyp), parent-carers (or\n"
	 "                  parents) or practitioners\n"
	 "  --name TEXT     their name (optional: leave it out for a child unless needed)\n"
	 "  --role TEXT     their role, for example Parent representative (optional)\n\n"
	 "Example:\n"
	 "  copro project person 1 --name \"Sam Patel\" --role \"Parent carer forum\" --group parent-carers\n",
	 cmd_project_person},
	{"project step", "mark a step of a project done or not done",
	 "Usage: copro project step PROJECT STEP --done yes|no [--date DATE] [--note TEXT]\n\n"
	 "STEP is the step's number in the model (see `copro project show`).\n"
	 "  --done yes|no   whether the step is done\n"
	 "  --date DATE     the day it was done, YYYY-MM-DD, not in the future (only\n"
	 "                  with --done yes; --date \"\" clears it)\n"
	 "  --note TEXT     what happened (replaces the saved note)\n\n"
	 "Example:\n"
	 "  copro project step 1 1 --done yes --date 2026-09-15 --note \"Coffee morning with 8 parents\"\n",
	 cmd_project_step},
	{"project answer", "answer a step's check question: yes, partly or no",
	 "Usage: copro project answer PROJECT STEP QUESTION yes|partly|no [--note TEXT]\n\n"
	 "QUESTION is the question's letter (a, b ...) as `copro project show` lists it.\n"
	 "Without --note, a saved note is kept.\n\n"
	 "Example:\n"
	 "  copro project answer 1 5 a partly --note \"Emails went out, but not after every meeting\"\n",
	 cmd_project_answer},
	{"project evidence", "link evidence from the library to a step (or unlink it)",
	 "Usage: copro project evidence PROJECT STEP EVIDENCE [--unlink]\n\n"
	 "EVIDENCE is the number of an item in the organisation's evidence library\n"
	 "(`copro evidence list ORG`).\n\n"
	 "Example:\n  copro project evidence 1 1 4\n  copro project evidence 1 1 4 --unlink\n",
	 cmd_project_evidence},
	{0},
};
