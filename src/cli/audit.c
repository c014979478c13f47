/* audit.c: `copro audit ...`: York's joint partnership audits, their
 * workflow (submit, return, accept, revise) and the area's audit settings. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "domain/area.h"
#include "domain/audit.h"

/* The command line is run by whoever holds the database file: it acts with
 * every role, and its history entries say so. */
static const audit_actor cli_actor = {.user_id = 0, .name = "command line",
				      .access = ACCESS_AREA};

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

/* ---- JSON ----------------------------------------------------------------- */

static json_t *audit_brief_json(const void *item)
{
	const audit_row *a = item;
	return json_pack("{s:I, s:I, s:s, s:I, s:i, s:s, s:s, s:o, s:o, s:o, s:o, s:o}",
			 "id", (json_int_t)a->id, "organisation", (json_int_t)a->organisation_id,
			 "organisation_name", a->organisation_name ? a->organisation_name : "",
			 "first_id", (json_int_t)a->first_id, "version", a->version,
			 "status", a->status, "service_area", a->service_area,
			 "audit_date", json_str_or_null(a->audit_date),
			 "outcome", json_str_or_null(a->outcome),
			 "submitted_at", json_str_or_null(a->submitted_at),
			 "decided_at", json_str_or_null(a->decided_at),
			 "project", a->project_id ? json_integer(a->project_id) : json_null());
}

static json_t *keyed(const char *key, const char *title)
{
	if (!key)
		return json_null();
	return json_pack("{s:s, s:o}", "key", key, "title", json_str_or_null(title));
}

static json_t *principle_json(const audit_principle_view *p)
{
	json_t *evidence = json_array();
	for (size_t i = 0; i < p->n_evidence; i++)
		json_array_append_new(evidence, json_pack("{s:I, s:s, s:s}",
			"id", (json_int_t)p->evidence[i].evidence_id, "title", p->evidence[i].title,
			"date", p->evidence[i].evidence_date));
	return json_pack("{s:s, s:s, s:o, s:o, s:s, s:o}", "key", p->principle->key,
			 "title", p->principle->title,
			 "level", keyed(p->row.level, p->level ? p->level->title : NULL),
			 "score", p->row.score == AUDIT_NO_SCORE ? json_null()
								 : json_integer(p->row.score),
			 "notes", p->row.notes, "evidence", evidence);
}

static json_t *view_json(const audit_view *v)
{
	const audit_row *a = &v->audit;
	json_t *people = json_array(), *principles = json_array(), *history = json_array(),
	       *versions = json_array(), *actions = json_array();
	for (size_t i = 0; i < v->n_people; i++)
		json_array_append_new(people, json_pack("{s:i, s:s, s:s}",
			"position", v->people[i].position, "name", v->people[i].name,
			"designation", v->people[i].designation));
	for (size_t i = 0; i < v->n_principles; i++)
		json_array_append_new(principles, principle_json(&v->principles[i]));
	for (size_t i = 0; i < v->n_events; i++)
		json_array_append_new(history, json_pack("{s:s, s:s, s:s, s:s}",
			"at", v->events[i].at, "by", v->events[i].user_name,
			"status", v->events[i].status, "comment", v->events[i].comment));
	for (size_t i = 0; i < v->n_versions; i++)
		json_array_append_new(versions, json_pack("{s:I, s:i, s:s}",
			"id", (json_int_t)v->versions[i].id, "version", v->versions[i].version,
			"status", v->versions[i].status));
	for (size_t i = 0; i < v->n_actions; i++)
		json_array_append_new(actions, json_pack("{s:I, s:s, s:s}",
			"id", (json_int_t)v->actions[i].id, "title", v->actions[i].title,
			"status", v->actions[i].status));
	json_t *project = json_null();
	if (v->has_project)
		project = json_pack("{s:I, s:s, s:i, s:i}", "id", (json_int_t)v->project.id,
				    "title", v->project.title, "steps_done", v->project.steps_done,
				    "steps_total", v->project_steps_total);
	json_t *suggestion = json_pack("{s:o, s:s, s:s, s:b}",
		"outcome", keyed(v->suggested, audit_outcome_title(v->fw, v->suggested)),
		"rule", v->settings.rule, "rule_description", audit_rule_describe(v->settings.rule),
		"local_rule", 1);
	json_t *settings = json_pack("{s:i, s:i, s:s, s:b}", "score_min", v->settings.score_min,
				     "score_max", v->settings.score_max, "rule", v->settings.rule,
				     "default", v->settings.is_default);
	json_t *out = json_pack("{s:I, s:{s:I, s:s}, s:I, s:i, s:s, s:b, s:{s:s, s:s, s:b}, s:o}",
		"id", (json_int_t)a->id, "organisation", "id", (json_int_t)v->org.id, "name",
		v->org.name, "first_id", (json_int_t)a->first_id, "version", a->version,
		"status", a->status, "latest", v->latest, "framework", "id", AUDIT_FRAMEWORK_ID,
		"hash", a->framework_hash, "changed_since", v->framework_changed,
		"project", project);
	json_object_set_new(out, "service_area", json_string(a->service_area));
	json_object_set_new(out, "description", json_string(a->description));
	json_object_set_new(out, "audit_date", json_str_or_null(a->audit_date));
	json_object_set_new(out, "people", people);
	json_object_set_new(out, "principles", principles);
	json_object_set_new(out, "outcome",
			    keyed(a->outcome, audit_outcome_title(v->fw, a->outcome)));
	json_object_set_new(out, "outcome_reason", json_string(a->outcome_reason));
	json_object_set_new(out, "suggestion", suggestion);
	json_object_set_new(out, "overridden", json_boolean(v->overridden));
	json_object_set_new(out, "settings", settings);
	json_object_set_new(out, "summary", json_string(a->summary));
	json_object_set_new(out, "next_steps", json_string(a->next_steps));
	json_object_set_new(out, "review_on", json_str_or_null(a->review_on));
	json_object_set_new(out, "signed_by", json_string(a->signed_by));
	json_object_set_new(out, "signed_on", json_str_or_null(a->signed_on));
	json_object_set_new(out, "submitted_at", json_str_or_null(a->submitted_at));
	json_object_set_new(out, "decided_at", json_str_or_null(a->decided_at));
	json_object_set_new(out, "missing", json_str_or_null(v->missing));
	json_object_set_new(out, "history", history);
	json_object_set_new(out, "versions", versions);
	json_object_set_new(out, "actions", actions);
	return out;
}

/* ---- readable output ------------------------------------------------------ */

static void print_field(const framework *fw, const char *key, const char *fallback,
			const char *value)
{
	const char *title = audit_field_title(fw, key);
	printf("%s: %s\n", title ? title : fallback, or_dash(value));
}

static void print_principles(const audit_view *v)
{
	const char *score_title = audit_field_title(v->fw, "score");
	const char *notes_title = audit_field_title(v->fw, "notes-evidence");
	for (size_t i = 0; i < v->n_principles; i++) {
		const audit_principle_view *p = &v->principles[i];
		printf("\nPrinciple %s: %s\n", p->principle->key, p->principle->title);
		if (p->indicator && p->indicator->description)
			printf("  %s: %s\n", p->indicator->title, p->indicator->description);
		if (p->indicator && p->indicator->gap)
			printf("  %s: [GAP IN SOURCE] %s\n", p->indicator->title, p->indicator->gap);
		printf("  Level: %s\n", p->level ? p->level->title : "not chosen yet");
		if (p->level && p->level->text)
			printf("    %s\n", p->level->text);
		if (p->level && p->level->gap)
			printf("    [GAP IN SOURCE] %s\n", p->level->gap);
		if (p->row.score == AUDIT_NO_SCORE)
			printf("  %s: -\n", score_title ? score_title : "Score");
		else
			printf("  %s: %d (scale %d to %d)\n", score_title ? score_title : "Score",
			       p->row.score, v->settings.score_min, v->settings.score_max);
		printf("  %s: %s\n", notes_title ? notes_title : "Notes", or_dash(p->row.notes));
		for (size_t j = 0; j < p->n_evidence; j++)
			printf("  Evidence %lld: %s (%s)\n", (long long)p->evidence[j].evidence_id,
			       p->evidence[j].title, p->evidence[j].evidence_date);
	}
}

static void print_outcome(const audit_view *v)
{
	const audit_row *a = &v->audit;
	printf("\nOutcome: %s\n", a->outcome ? audit_outcome_title(v->fw, a->outcome) : "not chosen yet");
	if (v->suggested)
		printf("Suggested outcome: %s, from this area's local rule (%s), not from York's framework; it may be overridden with a reason.\n",
		       audit_outcome_title(v->fw, v->suggested), audit_rule_name(v->settings.rule));
	else
		printf("Suggested outcome: none yet (every principle needs a level); this area's local rule is %s.\n",
		       audit_rule_name(v->settings.rule));
	if (*a->outcome_reason)
		printf("Reason for the outcome: %s\n", a->outcome_reason);
}

static void print_history(const audit_view *v)
{
	printf("\nHistory:\n");
	for (size_t i = 0; i < v->n_events; i++) {
		const audit_event_row *ev = &v->events[i];
		printf("  %s  %-9s by %s%s%s\n", ev->at, ev->status, or_dash(ev->user_name),
		       *ev->comment ? ": " : "", ev->comment);
	}
	if (v->n_versions > 1) {
		printf("Versions:");
		for (size_t i = 0; i < v->n_versions; i++)
			printf(" %d (audit %lld, %s)%s", v->versions[i].version,
			       (long long)v->versions[i].id, v->versions[i].status,
			       i + 1 < v->n_versions ? "," : "\n");
	}
	for (size_t i = 0; i < v->n_actions; i++)
		printf("Action %lld: %s (%s)\n", (long long)v->actions[i].id, v->actions[i].title,
		       v->actions[i].status);
}

static void print_view(const audit_view *v)
{
	const audit_row *a = &v->audit;
	printf("Audit %lld, version %d: %s\n", (long long)a->id, a->version, a->status);
	if (v->framework_changed)
		printf("(The installed %s has changed since; this audit keeps the wording it was made with.)\n",
		       AUDIT_FRAMEWORK_ID);
	print_field(v->fw, "organisation", "Organisation", v->org.name);
	print_field(v->fw, "service-area", "Service area", a->service_area);
	print_field(v->fw, "description", "Description", a->description);
	print_field(v->fw, "date", "Date of audit", a->audit_date);
	const char *people = audit_field_title(v->fw, "completed-by");
	printf("%s:%s\n", people ? people : "People completing it", v->n_people ? "" : " -");
	for (size_t i = 0; i < v->n_people; i++)
		printf("  %d. %s%s%s\n", v->people[i].position, v->people[i].name,
		       *v->people[i].designation ? ", " : "", v->people[i].designation);
	if (v->has_project)
		printf("Project %lld: %s (%d of %d steps done)\n", (long long)v->project.id,
		       v->project.title, v->project.steps_done, v->project_steps_total);
	print_principles(v);
	print_outcome(v);
	printf("\n");
	print_field(v->fw, "summary", "Summary", a->summary);
	print_field(v->fw, "next-steps", "Next steps", a->next_steps);
	print_field(v->fw, "review-date", "Review date", a->review_on);
	const char *sign = audit_field_title(v->fw, "sign-off");
	printf("%s: %s%s%s\n", sign ? sign : "Sign-off", or_dash(a->signed_by),
	       a->signed_on ? ", " : "", a->signed_on ? a->signed_on : "");
	if (v->missing)
		printf("\nBefore it can be submitted: %s.\n", v->missing);
	print_history(v);
}

/* ---- commands ------------------------------------------------------------- */

static int cmd_audit_start(cli *c, int argc, char **argv)
{
	audit_fields f = {0};
	const char *project = NULL;
	const cli_opt opts[] = {{"--project", &project, NULL, NULL},
				{"--date", &f.audit_date, NULL, NULL},
				{"--service-area", &f.service_area, NULL, NULL},
				{"--description", &f.description, NULL, NULL}, {0}};
	int64_t org, project_id = 0, id;
	if (cli_parse_id(c, argc, argv, opts, "The organisation", &org) < 0 ||
	    (project && cli_id(c, "The --project", project, &project_id) < 0))
		return EXIT_USAGE;
	if (cli_open(c) < 0 || audit_start(&c->d, org, project_id, &f, &cli_actor, &id, &c->e) < 0)
		return cli_fail(c);
	printf("Started audit %lld (version 1, draft). Next: `copro audit principle %lld 1 --level ...` for each principle.\n",
	       (long long)id, (long long)id);
	return EXIT_OK;
}

static int cmd_audit_list(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t org;
	if (cli_parse_id_json(c, argc, argv, "The organisation", &org, &json) < 0)
		return EXIT_USAGE;
	audit_list list;
	if (cli_open_org(c, org, NULL) < 0 || audit_list_org(&c->d, org, &list, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json_list(list.items, list.n, sizeof *list.items,
					   audit_brief_json);
	if (!list.n) {
		printf("No audits yet. Start one with: copro audit start %lld --date YYYY-MM-DD\n",
		       (long long)org);
		return EXIT_OK;
	}
	printf("%5s  %-7s %-9s %-10s %-20s %s\n", "No.", "Version", "Status", "Date", "Outcome",
	       "Service area");
	for (size_t i = 0; i < list.n; i++) {
		const audit_row *a = &list.items[i];
		printf("%5lld  %-7d %-9s %-10s %-20s %s\n", (long long)a->id, a->version, a->status,
		       or_dash(a->audit_date), or_dash(a->outcome), or_dash(a->service_area));
	}
	return EXIT_OK;
}

static int cmd_audit_show(cli *c, int argc, char **argv)
{
	bool json = false;
	int64_t id;
	if (cli_parse_id_json(c, argc, argv, "The audit", &id, &json) < 0)
		return EXIT_USAGE;
	audit_view v;
	if (cli_open(c) < 0 || audit_view_load(&c->d, id, &v, &c->e) < 0)
		return cli_fail(c);
	int rc = EXIT_OK;
	if (json)
		rc = cli_print_json(view_json(&v));
	else
		print_view(&v);
	return rc;
}

static int cmd_audit_set(cli *c, int argc, char **argv)
{
	audit_fields f = {0};
	const char *project = NULL;
	const cli_opt opts[] = {{"--date", &f.audit_date, NULL, NULL},
				{"--service-area", &f.service_area, NULL, NULL},
				{"--description", &f.description, NULL, NULL},
				{"--summary", &f.summary, NULL, NULL},
				{"--next-steps", &f.next_steps, NULL, NULL},
				{"--review-date", &f.review_on, NULL, NULL},
				{"--outcome", &f.outcome, NULL, NULL},
				{"--reason", &f.outcome_reason, NULL, NULL},
				{"--signed-by", &f.signed_by, NULL, NULL},
				{"--signed-on", &f.signed_on, NULL, NULL},
				{"--project", &project, NULL, NULL}, {0}};
	int64_t id, project_id = 0;
	if (cli_parse_id(c, argc, argv, opts, "The audit", &id) < 0 ||
	    (project && cli_id(c, "The --project", project, &project_id) < 0))
		return EXIT_USAGE;
	audit_fields none = {0};
	if (!project && memcmp(&f, &none, sizeof f) == 0)
		return cli_usage_error(c, "say what to change, for example --date 2026-03-01."),
		       EXIT_USAGE;
	if (cli_open(c) < 0)
		return cli_fail(c);
	/* Both or neither: a refused project leaves the fields unchanged too. */
	if ((project ? audit_set_with_project(&c->d, id, project_id, &f, &c->e)
		     : audit_set(&c->d, id, &f, &c->e)) < 0)
		return cli_fail(c);
	printf("Saved audit %lld.\n", (long long)id);
	return EXIT_OK;
}

static int cmd_audit_person(cli *c, int argc, char **argv)
{
	const char *name = NULL, *designation = NULL, *remove = NULL;
	const cli_opt opts[] = {{"--name", &name, NULL, NULL},
				{"--designation", &designation, NULL, NULL},
				{"--remove", &remove, NULL, NULL}, {0}};
	int64_t id, position = 0;
	if (cli_parse_id(c, argc, argv, opts, "The audit", &id) < 0 ||
	    (remove && cli_id(c, "The --remove person", remove, &position) < 0))
		return EXIT_USAGE;
	if (!remove && !name)
		return cli_usage_error(c, "--name is required: who is completing the audit?"),
		       EXIT_USAGE;
	if (remove && (name || designation))
		return cli_usage_error(c, "--remove takes no --name or --designation."), EXIT_USAGE;
	if (cli_open(c) < 0)
		return cli_fail(c);
	if (remove) {
		if (audit_person_remove(&c->d, id, (int)position, &c->e) < 0)
			return cli_fail(c);
		printf("Removed person %lld from audit %lld.\n", (long long)position, (long long)id);
		return EXIT_OK;
	}
	if (audit_person_add(&c->d, id, name, designation ? designation : "", &c->e) < 0)
		return cli_fail(c);
	printf("Added %s to the people completing audit %lld.\n", name, (long long)id);
	return EXIT_OK;
}

static int cmd_audit_principle(cli *c, int argc, char **argv)
{
	principle_change ch = {0};
	const char *pos[2];
	const cli_opt opts[] = {{"--level", &ch.level, NULL, NULL},
				{"--score", &ch.score, NULL, NULL},
				{"--notes", &ch.notes, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_args(c, argc, argv, opts, pos, 2, "The audit", &id) < 0)
		return EXIT_USAGE;
	if (!ch.level && !ch.score && !ch.notes)
		return cli_usage_error(c, "give --level (room-for-improvement, good or excellent), --score or --notes."),
		       EXIT_USAGE;
	if (cli_open(c) < 0 || audit_principle_set(&c->d, id, pos[1], &ch, &c->e) < 0)
		return cli_fail(c);
	printf("Saved principle %s of audit %lld.\n", pos[1], (long long)id);
	return EXIT_OK;
}

static int cmd_audit_evidence(cli *c, int argc, char **argv)
{
	bool unlink = false;
	const char *pos[3];
	const cli_opt opts[] = {{"--unlink", NULL, &unlink, NULL}, {0}};
	int64_t id, evidence;
	if (cli_parse_args(c, argc, argv, opts, pos, 3, "The audit", &id) < 0 ||
	    cli_id(c, "The evidence", pos[2], &evidence) < 0)
		return EXIT_USAGE;
	bool changed;
	if (cli_open(c) < 0 ||
	    audit_evidence_link(&c->d, id, pos[1], evidence, unlink, &changed, &c->e) < 0)
		return cli_fail(c);
	if (unlink)
		printf(changed ? "Unlinked evidence %lld from principle %s of audit %lld.\n"
			       : "Evidence %lld was not linked to principle %s of audit %lld.\n",
		       (long long)evidence, pos[1], (long long)id);
	else
		printf(changed ? "Linked evidence %lld to principle %s of audit %lld.\n"
			       : "Evidence %lld was already linked to principle %s of audit %lld.\n",
		       (long long)evidence, pos[1], (long long)id);
	return EXIT_OK;
}

/* submit, return, accept and revise share their shape. */
static int run_step(cli *c, int argc, char **argv, enum audit_step step)
{
	const char *pos[1], *comment = NULL;
	const cli_opt with_comment[] = {{"--comment", &comment, NULL, NULL}, {0}};
	const cli_opt none[] = {{0}};
	bool takes_comment = step == AUDIT_RETURN || step == AUDIT_ACCEPT;
	int64_t id, new_id = 0;
	if (cli_parse(c, argc, argv, takes_comment ? with_comment : none, pos, 1, 1, NULL) < 0 ||
	    cli_id(c, "The audit", pos[0], &id) < 0)
		return EXIT_USAGE;
	if (step == AUDIT_RETURN && (!comment || !*comment))
		return cli_usage_error(c, "--comment is required: say what the organisation should change."),
		       EXIT_USAGE;
	if (cli_open(c) < 0)
		return cli_fail(c);
	int rc = step == AUDIT_SUBMIT ? audit_submit(&c->d, id, &cli_actor, &c->e)
	       : step == AUDIT_RETURN ? audit_return(&c->d, id, &cli_actor, comment, &c->e)
	       : step == AUDIT_ACCEPT ? audit_accept(&c->d, id, &cli_actor, comment, &c->e)
				      : audit_revise(&c->d, id, &cli_actor, &new_id, &c->e);
	if (rc < 0)
		return cli_fail(c);
	switch (step) {
	case AUDIT_SUBMIT:
		printf("Submitted audit %lld to the area.\n", (long long)id);
		break;
	case AUDIT_RETURN:
		printf("Returned audit %lld to the organisation.\n", (long long)id);
		break;
	case AUDIT_ACCEPT:
		printf("Accepted audit %lld.\n", (long long)id);
		break;
	case AUDIT_REVISE:
		printf("Started audit %lld, a new version of audit %lld, as a draft.\n",
		       (long long)new_id, (long long)id);
		break;
	}
	return EXIT_OK;
}

static int cmd_audit_submit(cli *c, int argc, char **argv)
{
	return run_step(c, argc, argv, AUDIT_SUBMIT);
}

static int cmd_audit_return(cli *c, int argc, char **argv)
{
	return run_step(c, argc, argv, AUDIT_RETURN);
}

static int cmd_audit_accept(cli *c, int argc, char **argv)
{
	return run_step(c, argc, argv, AUDIT_ACCEPT);
}

static int cmd_audit_revise(cli *c, int argc, char **argv)
{
	return run_step(c, argc, argv, AUDIT_REVISE);
}

static int cmd_audit_actions(cli *c, int argc, char **argv)
{
	const char *title = NULL;
	const cli_opt opts[] = {{"--title", &title, NULL, NULL}, {0}};
	int64_t id;
	if (cli_parse_id(c, argc, argv, opts, "The audit", &id) < 0)
		return EXIT_USAGE;
	size_t created;
	if (cli_open(c) < 0 || audit_actions_create(&c->d, id, title, &created, &c->e) < 0)
		return cli_fail(c);
	printf("Added %zu action%s from audit %lld.\n", created, created == 1 ? "" : "s",
	       (long long)id);
	return EXIT_OK;
}

/* The area by name, without creating it. */
static int find_area(cli *c, const char *name, int64_t *area)
{
	int found = area_find(&c->d, name, area, &c->e);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(&c->e, ERR_NOTFOUND,
			       "there is no area called \"%.80s\": check the spelling (`copro org list` shows each organisation's area).",
			       name);
	return 0;
}

static int parse_int(cli *c, const char *what, const char *text, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < -1000000 || v > 1000000)
		return cli_usage_error(c, "%s \"%.20s\" is not a whole number.", what, text);
	*out = (int)v;
	return 0;
}

static int cmd_audit_settings(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[1], *min = NULL, *max = NULL, *rule = NULL;
	const cli_opt opts[] = {{"--score-min", &min, NULL, NULL},
				{"--score-max", &max, NULL, NULL},
				{"--rule", &rule, NULL, NULL}, {"--json", NULL, &json, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	audit_settings s;
	int64_t area;
	if (cli_open(c) < 0 || find_area(c, pos[0], &area) < 0 ||
	    audit_settings_get(&c->d, area, &s, &c->e) < 0)
		return cli_fail(c);
	if (min || max || rule) {
		if ((min && parse_int(c, "--score-min", min, &s.score_min) < 0) ||
		    (max && parse_int(c, "--score-max", max, &s.score_max) < 0))
			return EXIT_USAGE;
		if (rule)
			s.rule = rule;
		if (audit_settings_set(&c->d, area, &s, &c->e) < 0)
			return cli_fail(c);
		s.is_default = false;
		printf("Saved the audit settings of %s.\n", pos[0]);
	}
	if (json)
		return cli_print_json(json_pack("{s:s, s:i, s:i, s:s, s:s, s:b}", "area", pos[0],
						"score_min", s.score_min, "score_max", s.score_max,
						"rule", s.rule, "rule_description",
						audit_rule_describe(s.rule), "default", s.is_default));
	printf("Audit settings of %s%s (local choices: York's framework gives no score scale and no rule to an outcome):\n",
	       pos[0], s.is_default ? ", copro's defaults" : "");
	printf("  Score: a whole number from %d to %d\n", s.score_min, s.score_max);
	printf("  Suggested outcome: %s\n", audit_rule_describe(s.rule));
	return EXIT_OK;
}

static int cmd_audit_queue(cli *c, int argc, char **argv)
{
	bool json = false;
	const char *pos[1];
	const cli_opt opts[] = {{"--json", NULL, &json, NULL}, {0}};
	if (cli_parse(c, argc, argv, opts, pos, 1, 1, NULL) < 0)
		return EXIT_USAGE;
	int64_t area;
	audit_list list;
	if (cli_open(c) < 0 || find_area(c, pos[0], &area) < 0 ||
	    audit_queue(&c->d, area, &list, &c->e) < 0)
		return cli_fail(c);
	if (json)
		return cli_print_json_list(list.items, list.n, sizeof *list.items,
					   audit_brief_json);
	if (!list.n) {
		printf("No audits are waiting for %s.\n", pos[0]);
		return EXIT_OK;
	}
	printf("%5s  %-7s %-20s %s\n", "No.", "Version", "Submitted", "Organisation");
	for (size_t i = 0; i < list.n; i++)
		printf("%5lld  %-7d %-20s %s\n", (long long)list.items[i].id, list.items[i].version,
		       or_dash(list.items[i].submitted_at), list.items[i].organisation_name);
	return EXIT_OK;
}

const command audit_commands[] = {
	{"audit start", "start a joint partnership audit (York) for an organisation",
	 "Usage: copro audit start ORG [--project ID] [--date D] [--service-area S] [--description D]\n\n"
	 "  --project ID        the organisation's project the audit looks at\n"
	 "  --date D            date of audit, YYYY-MM-DD\n"
	 "  --service-area S    the service area\n"
	 "  --description D     the service area being developed in joint partnership\n"
	 "\nExample:\n  copro audit start 1 --date 2026-03-01 --service-area \"Short breaks\"\n",
	 cmd_audit_start},
	{"audit list", "list an organisation's audits, newest first",
	 "Usage: copro audit list ORG [--json]\n\nExample:\n  copro audit list 1\n", cmd_audit_list},
	{"audit show", "show an audit: principles, suggested outcome and its rule, history",
	 "Usage: copro audit show AUDIT [--json]\n\nExample:\n  copro audit show 1 --json\n",
	 cmd_audit_show},
	{"audit set", "change a draft audit's header and summary fields",
	 "Usage: copro audit set AUDIT [options]\n\n"
	 "  --date D             date of audit, YYYY-MM-DD\n"
	 "  --service-area S     the service area\n"
	 "  --description D      the service area being developed\n"
	 "  --summary TEXT       the summary\n"
	 "  --next-steps TEXT    next steps/action plan (one step a line)\n"
	 "  --review-date D      review date, YYYY-MM-DD\n"
	 "  --outcome KEY        requires-improvement, good or outstanding\n"
	 "  --reason TEXT        why, when the outcome differs from the suggestion\n"
	 "  --signed-by NAME     name signing off\n"
	 "  --signed-on D        date signed, YYYY-MM-DD\n"
	 "  --project ID         link a project of the same organisation\n"
	 "An empty value (--review-date \"\") clears a field.\n"
	 "\nExample:\n  copro audit set 1 --outcome good --reason \"Principle 4 improved since\"\n",
	 cmd_audit_set},
	{"audit person", "add (or remove) a person completing the audit",
	 "Usage: copro audit person AUDIT --name NAME [--designation D]\n"
	 "       copro audit person AUDIT --remove POSITION\n"
	 "\nExample:\n  copro audit person 1 --name \"Sam Patel\" --designation \"SEND lead\"\n",
	 cmd_audit_person},
	{"audit principle", "record a principle's level, score and notes",
	 "Usage: copro audit principle AUDIT PRINCIPLE [--level LEVEL] [--score N] [--notes TEXT]\n\n"
	 "  PRINCIPLE       1 to 6\n"
	 "  --level LEVEL   room-for-improvement, good or excellent\n"
	 "  --score N       a whole number on the area's scale (`copro audit settings AREA`)\n"
	 "  --notes TEXT    notes or evidence\n"
	 "An empty value clears it.\n"
	 "\nExample:\n  copro audit principle 1 3 --level good --score 2 --notes \"Parents at every meeting\"\n",
	 cmd_audit_principle},
	{"audit evidence", "link evidence from the library to a principle (or --unlink it)",
	 "Usage: copro audit evidence AUDIT PRINCIPLE EVIDENCE [--unlink]\n"
	 "\nExample:\n  copro audit evidence 1 2 7\n", cmd_audit_evidence},
	{"audit submit", "submit a draft audit to the area",
	 "Usage: copro audit submit AUDIT\n\n"
	 "Every principle needs a level, and the audit a date, a person completing it and an\n"
	 "outcome (with a reason when it differs from the suggestion).\n"
	 "\nExample:\n  copro audit submit 1\n", cmd_audit_submit},
	{"audit return", "return a submitted audit to the organisation, saying why",
	 "Usage: copro audit return AUDIT --comment TEXT\n"
	 "\nExample:\n  copro audit return 1 --comment \"Please add evidence for principle 2\"\n",
	 cmd_audit_return},
	{"audit accept", "accept a submitted audit",
	 "Usage: copro audit accept AUDIT [--comment TEXT]\n\nExample:\n  copro audit accept 1\n",
	 cmd_audit_accept},
	{"audit revise", "start a new version of a returned audit",
	 "Usage: copro audit revise AUDIT\n\n"
	 "Copies the returned version into a new draft; the returned one stays as it was.\n"
	 "\nExample:\n  copro audit revise 1\n", cmd_audit_revise},
	{"audit actions", "raise actions from an audit's next steps (one a line)",
	 "Usage: copro audit actions AUDIT [--title TEXT]\n\n"
	 "Without --title, each line of the next steps not raised already becomes an action.\n"
	 "\nExample:\n  copro audit actions 1\n", cmd_audit_actions},
	{"audit settings", "show or change an area's score scale and outcome rule",
	 "Usage: copro audit settings AREA [--score-min N --score-max N] [--rule RULE] [--json]\n\n"
	 "  --score-min N, --score-max N   the Score scale (0 <= min < max <= 100; default 1 to 3)\n"
	 "  --rule RULE                    lowest-level (default) or most-common-level\n"
	 "Both are local choices: York's framework gives neither (docs/audit.md).\n"
	 "\nExample:\n  copro audit settings \"York\" --score-min 0 --score-max 4\n",
	 cmd_audit_settings},
	{"audit queue", "list the audits an area has still to decide",
	 "Usage: copro audit queue AREA [--json]\n\nExample:\n  copro audit queue \"York\"\n",
	 cmd_audit_queue},
	{0},
};
