/* test_project.c: service development projects: what is refused (and that
 * a refusal leaves the database as it was), people, steps, check-question
 * answers, evidence links, and the whole project read back against the
 * model version it started with. */
#include "testutil.h"

#include "domain/project.h"
#include "store/project.h"

/* Rows of every table a project write can touch, with test_count_rows'. */
static int64_t count_rows(fixture *f)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;
	if (sqlite3_prepare_v2(f->db.db,
		"SELECT (SELECT COUNT(*) FROM project) + (SELECT COUNT(*) FROM project_person)"
		" + (SELECT COUNT(*) FROM project_step) + (SELECT COUNT(*) FROM project_answer)"
		" + (SELECT COUNT(*) FROM project_evidence)", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n + test_count_rows(&f->db);
}

/* A fingerprint of one project's rows, to show a refused change left them
 * exactly as they were. */
static const char *snapshot(fixture *f, int64_t id)
{
	project_progress p;
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	char *s = arena_printf(&f->mem, "%s|%s|%s|%s|%s|%s|%zu|", p.project.title,
			       p.project.service_area, p.project.description, p.project.starts_on,
			       p.project.ends_on ? p.project.ends_on : "-", p.project.updated_at,
			       p.people.n);
	for (size_t i = 0; i < p.people.n; i++)
		s = arena_printf(&f->mem, "%s%s/%s/%s;", s, p.people.items[i].name,
				 p.people.items[i].role, p.people.items[i].partner_group);
	for (size_t i = 0; i < p.n_steps; i++) {
		const project_step_progress *sp = &p.steps[i];
		s = arena_printf(&f->mem, "%s[%s %d %s %s %zu", s, sp->step->key, sp->done,
				 sp->done_on ? sp->done_on : "-", sp->note, sp->n_evidence);
		for (size_t q = 0; q < sp->n_questions; q++)
			s = arena_printf(&f->mem, "%s %s=%s/%s", s, sp->questions[q].item->key,
					 sp->questions[q].answer ? sp->questions[q].answer : "-",
					 sp->questions[q].note);
		s = arena_printf(&f->mem, "%s]", s);
	}
	return s;
}

static int64_t add_project(fixture *f, int64_t org, const char *model)
{
	project_row p = {.organisation_id = org, .framework_id = model, .title = "Leaflet",
			 .starts_on = "2026-09-01"};
	int64_t id;
	if (project_add(&f->d, &p, NULL, &id, &f->e) != 0)
		fail_msg("project_add: %s", f->e.msg);
	return id;
}

static int64_t add_evidence(fixture *f, int64_t org, const char *title, const char *date)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = date, .groups = GROUP_PARENTS};
	int64_t id;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	return id;
}

/* Expects `call` to fail with `want` and a message holding `words`. */
#define REFUSED(call, want, words)                                                      \
	do {                                                                            \
		err_clear(&f->e);                                                       \
		assert_int_equal((call), -1);                                           \
		if (f->e.kind != (want) || !strstr(f->e.msg, (words)))                  \
			fail_msg("got kind %d \"%s\", expected %d and \"%s\"", f->e.kind, \
				 f->e.msg, (want), (words));                            \
	} while (0)

static void add_refuses_bad_input(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id, before = count_rows(f);
	project_row p = {.organisation_id = org, .framework_id = "strategic", .title = "Leaflet",
			 .starts_on = "2026-09-01"};
	project_row q = p;
	q.framework_id = NULL;
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "choose a model");
	q.framework_id = "four-cornerstones";
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "four-cornerstones is an evidence instrument");
	q.framework_id = "york-joint-partnership-audit";
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "not a model to work through");
	q.framework_id = "tactical";
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "\"tactical\" is not a model");
	q = p;
	q.title = "";
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "The title");
	q = p;
	q.title = "Tab\tin a title";
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "The title");
	q = p;
	q.starts_on = NULL;
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "the start date is required");
	q.starts_on = "2026-02-30";
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "The start date \"2026-02-30\"");
	q.starts_on = "2026-09-01";
	q.ends_on = "2026-08-31";
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "is before the start date");
	q.ends_on = "soon";
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_INPUT, "The end date");
	q = p;
	q.organisation_id = org + 50;
	REFUSED(project_add(&f->d, &q, NULL, &id, &f->e), ERR_NOTFOUND, "organisation");

	/* A person without a group, or with two, refuses the whole project. */
	project_person_row people[2] = {{.name = "Sam", .partner_group = "parents"},
					{.name = "Alex", .role = "Pupil"}};
	project_person_list list = {people, 2};
	REFUSED(project_add(&f->d, &p, &list, &id, &f->e), ERR_INPUT, "person 2: the partner group is required");
	people[1].partner_group = "cyp,parents";
	REFUSED(project_add(&f->d, &p, &list, &id, &f->e), ERR_INPUT, "is not one group");
	people[1].partner_group = "everyone";
	REFUSED(project_add(&f->d, &p, &list, &id, &f->e), ERR_INPUT, "person 2");
	assert_int_equal(count_rows(f), before);

	/* The same project, right: the model is kept with it. */
	people[1].partner_group = "children-and-young-people";
	p.ends_on = "2026-09-01";       /* the same day is allowed */
	assert_int_equal(project_add(&f->d, &p, &list, &id, &f->e), 0);
	project_row got;
	assert_int_equal(project_get(&f->d, id, &got, &f->e), 0);
	assert_string_equal(got.framework_id, "york-strategic-model");
	const framework *fw = fw_registry_find(&f->frameworks, "york-strategic-model");
	assert_string_equal(got.framework_hash, fw->hash);
	assert_string_equal(got.ends_on, "2026-09-01");
	char *body = NULL;
	assert_int_equal(store_framework_version_get(&f->db, &f->mem, fw->hash, &body, &f->e), 1);
	project_person_list saved;
	assert_int_equal(store_project_person_list(&f->db, &f->mem, id, &saved, &f->e), 0);
	assert_int_equal(saved.n, 2);
	assert_string_equal(saved.items[0].partner_group, "parent-carers");    /* canonical */
	assert_string_equal(saved.items[1].partner_group, "children-and-young-people");

	/* The individual model by its full id too. */
	p.framework_id = "york-individual-model";
	assert_int_equal(project_add(&f->d, &p, NULL, &id, &f->e), 0);
	assert_int_equal(project_get(&f->d, id, &got, &f->e), 0);
	assert_string_equal(got.framework_id, "york-individual-model");
	REFUSED(project_get(&f->d, id + 10, &got, &f->e), ERR_NOTFOUND, "there is no project number");
}

static void edit_and_people(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add_project(f, org, "strategic");
	project_row p;
	assert_int_equal(project_get(&f->d, id, &p, &f->e), 0);
	const char *before = snapshot(f, id);
	project_row bad = p;
	bad.ends_on = "2026-01-01";
	project_person_row people[1] = {{.name = "Sam", .partner_group = "practitioners"}};
	project_person_list list = {people, 1};
	REFUSED(project_edit(&f->d, &bad, &list, &f->e), ERR_INPUT, "before the start date");
	bad = p;
	people[0].partner_group = "";
	REFUSED(project_edit(&f->d, &bad, &list, &f->e), ERR_INPUT, "person 1");
	bad.id = id + 10;
	people[0].partner_group = "staff";
	REFUSED(project_edit(&f->d, &bad, &list, &f->e), ERR_NOTFOUND, "no project number");
	assert_string_equal(snapshot(f, id), before);

	p.title = "Short breaks leaflet";
	p.service_area = "Short breaks";
	p.description = "Line one\nLine two";
	assert_int_equal(project_edit(&f->d, &p, &list, &f->e), 0);
	project_row got;
	assert_int_equal(project_get(&f->d, id, &got, &f->e), 0);
	assert_string_equal(got.title, "Short breaks leaflet");
	assert_string_equal(got.description, "Line one\nLine two");
	project_person_list saved;
	assert_int_equal(store_project_person_list(&f->db, &f->mem, id, &saved, &f->e), 0);
	assert_int_equal(saved.n, 1);
	assert_string_equal(saved.items[0].partner_group, "practitioners");
	/* NULL people leaves them; an empty list removes them. */
	assert_int_equal(project_edit(&f->d, &p, NULL, &f->e), 0);
	assert_int_equal(store_project_person_list(&f->db, &f->mem, id, &saved, &f->e), 0);
	assert_int_equal(saved.n, 1);
	project_person_list none = {0};
	assert_int_equal(project_people_set(&f->d, id, &none, &f->e), 0);
	assert_int_equal(store_project_person_list(&f->db, &f->mem, id, &saved, &f->e), 0);
	assert_int_equal(saved.n, 0);

	project_person_row one = {.partner_group = "cyp"};
	assert_int_equal(project_person_add(&f->d, id, &one, &f->e), 0);
	assert_int_equal(one.position, 1);
	assert_string_equal(one.partner_group, "children-and-young-people");
	project_person_row two = {.name = "Jo", .role = "Parent", .partner_group = "parent-carers"};
	assert_int_equal(project_person_add(&f->d, id, &two, &f->e), 0);
	assert_int_equal(two.position, 2);
	project_person_row nogroup = {.name = "Jo"};
	REFUSED(project_person_add(&f->d, id, &nogroup, &f->e), ERR_INPUT, "partner group is required");
	REFUSED(project_person_add(&f->d, id + 10, &two, &f->e), ERR_NOTFOUND, "no project number");
	/* At most PROJECT_PEOPLE_MAX people. */
	for (int i = 2; i < PROJECT_PEOPLE_MAX; i++) {
		project_person_row more = {.partner_group = "parents"};
		assert_int_equal(project_person_add(&f->d, id, &more, &f->e), 0);
	}
	project_person_row extra = {.partner_group = "parents"};
	REFUSED(project_person_add(&f->d, id, &extra, &f->e), ERR_CONFLICT, "the most it can");
}

static void steps_and_their_rules(void **state)
{
	fixture *f = *state;
	setenv("COPRO_NOW", "2026-10-20T09:00:00Z", 1);
	int64_t org = fixture_org(f, "School");
	int64_t id = add_project(f, org, "strategic");
	const char *before = snapshot(f, id);
	REFUSED(project_step_set(&f->d, id, "13", true, NULL, NULL, &f->e), ERR_NOTFOUND, "has no step \"13\"");
	REFUSED(project_step_set(&f->d, id + 9, "1", true, NULL, NULL, &f->e), ERR_NOTFOUND, "no project number");
	REFUSED(project_step_set(&f->d, id, "1", true, "2026-10-21", NULL, &f->e), ERR_INPUT, "is in the future");
	REFUSED(project_step_set(&f->d, id, "1", true, "2026-13-01", NULL, &f->e), ERR_INPUT, "The date done");
	REFUSED(project_step_set(&f->d, id, "1", false, "2026-10-01", NULL, &f->e), ERR_INPUT, "not done has no date");
	REFUSED(project_step_set(&f->d, id, "1", true, NULL, "bell\a", &f->e), ERR_INPUT, "The note");
	assert_string_equal(snapshot(f, id), before);

	assert_int_equal(project_step_set(&f->d, id, "1", true, "2026-10-20", "Coffee morning", &f->e), 0);
	assert_int_equal(project_step_set(&f->d, id, "3", true, NULL, NULL, &f->e), 0);
	assert_int_equal(project_step_set(&f->d, id, "4", false, NULL, "Planned for November", &f->e), 0);
	project_progress p;
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	assert_int_equal(p.n_steps, 12);
	assert_int_equal(p.steps_done, 2);
	const project_step_progress *s1 = project_progress_step(&p, "1");
	assert_true(s1->saved && s1->done);
	assert_string_equal(s1->done_on, "2026-10-20");
	assert_string_equal(s1->note, "Coffee morning");
	const project_step_progress *s4 = project_progress_step(&p, "4");
	assert_true(s4->saved);
	assert_false(s4->done);
	assert_string_equal(s4->note, "Planned for November");
	assert_false(project_progress_step(&p, "2")->saved);
	assert_null(project_progress_step(&p, "13"));

	/* Done again without a date keeps the date and note; not done clears
	 * the date; an empty date clears it. */
	assert_int_equal(project_step_set(&f->d, id, "1", true, NULL, NULL, &f->e), 0);
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	assert_string_equal(project_progress_step(&p, "1")->done_on, "2026-10-20");
	assert_string_equal(project_progress_step(&p, "1")->note, "Coffee morning");
	assert_int_equal(project_step_set(&f->d, id, "1", false, NULL, NULL, &f->e), 0);
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	assert_false(project_progress_step(&p, "1")->done);
	assert_null(project_progress_step(&p, "1")->done_on);
	assert_int_equal(p.steps_done, 1);
	assert_int_equal(project_step_set(&f->d, id, "1", true, "2026-10-19", NULL, &f->e), 0);
	assert_int_equal(project_step_set(&f->d, id, "1", true, "", NULL, &f->e), 0);
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	assert_null(project_progress_step(&p, "1")->done_on);

	/* A date for a step left as it is (not done) is refused in the
	 * transaction, and nothing changes. */
	project_step_change c = {.done = -1, .done_on = "2026-10-01"};
	before = snapshot(f, id);
	REFUSED(project_step_save(&f->d, id, "4", &c, &f->e), ERR_INPUT, "is not done");
	assert_string_equal(snapshot(f, id), before);
	unsetenv("COPRO_NOW");
}

static void answers(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add_project(f, org, "strategic");
	const char *before = snapshot(f, id);
	REFUSED(project_answer_set(&f->d, id, "1", "a", "maybe", NULL, &f->e), ERR_INPUT, "use yes, partly or no");
	REFUSED(project_answer_set(&f->d, id, "1", "a", NULL, NULL, &f->e), ERR_INPUT, "use yes, partly or no");
	REFUSED(project_answer_set(&f->d, id, "1", "c", "yes", NULL, &f->e), ERR_NOTFOUND, "its questions are a");
	REFUSED(project_answer_set(&f->d, id, "11", "c", "yes", NULL, &f->e), ERR_NOTFOUND, "its questions are a, b");
	REFUSED(project_answer_set(&f->d, id, "2", "a", "yes", NULL, &f->e), ERR_NOTFOUND, "has no check questions");
	REFUSED(project_answer_set(&f->d, id, "99", "a", "yes", NULL, &f->e), ERR_NOTFOUND, "no step \"99\"");
	assert_string_equal(snapshot(f, id), before);

	assert_int_equal(project_answer_set(&f->d, id, "11", "b", "partly", "Mostly", &f->e), 0);
	assert_int_equal(project_answer_set(&f->d, id, "11", "a", "no", NULL, &f->e), 0);
	/* Without a note the saved note stays; a new answer replaces. */
	assert_int_equal(project_answer_set(&f->d, id, "11", "b", "yes", NULL, &f->e), 0);
	project_progress p;
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	const project_step_progress *s = project_progress_step(&p, "11");
	assert_int_equal(s->n_questions, 2);
	assert_int_equal(s->n_answered, 2);
	assert_string_equal(s->questions[0].answer, "no");
	assert_string_equal(s->questions[0].note, "");
	assert_string_equal(s->questions[1].answer, "yes");
	assert_string_equal(s->questions[1].note, "Mostly");
	assert_string_equal(s->questions[1].item->text,
			    "Were the views gained used in a way that can be recognised in the final product?");
	/* Answering is not marking the step done. */
	assert_false(s->saved);
	assert_null(project_progress_step(&p, "1")->questions[0].answer);
}

static void evidence_links(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other School");
	int64_t id = add_project(f, org, "individual");
	int64_t ours = add_evidence(f, org, "Review meeting notes", "2026-09-20");
	int64_t later = add_evidence(f, org, "Pupil's own plan", "2026-10-02");
	int64_t theirs = add_evidence(f, other, "Their notes", "2026-09-20");
	const char *before = snapshot(f, id);
	bool changed;
	REFUSED(project_evidence_link(&f->d, id, "1", theirs, false, &changed, &f->e), ERR_INPUT,
		"belongs to another organisation");
	REFUSED(project_evidence_link(&f->d, id, "1", theirs + 100, false, &changed, &f->e), ERR_NOTFOUND,
		"no evidence number");
	REFUSED(project_evidence_link(&f->d, id, "7", ours, false, &changed, &f->e), ERR_NOTFOUND,
		"has no step \"7\"");      /* the individual model has 6 */
	/* One bad item refuses the whole change. */
	int64_t both[] = {ours, theirs};
	project_step_change c = {.done = 1, .link = both, .n_link = 2};
	REFUSED(project_step_save(&f->d, id, "1", &c, &f->e), ERR_INPUT, "another organisation");
	assert_string_equal(snapshot(f, id), before);

	assert_int_equal(project_evidence_link(&f->d, id, "1", later, false, &changed, &f->e), 0);
	assert_true(changed);
	assert_int_equal(project_evidence_link(&f->d, id, "1", ours, false, &changed, &f->e), 0);
	assert_int_equal(project_evidence_link(&f->d, id, "1", ours, false, &changed, &f->e), 0);
	assert_false(changed);
	assert_int_equal(project_evidence_link(&f->d, id, "4", ours, false, &changed, &f->e), 0);
	project_progress p;
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	assert_int_equal(p.n_steps, 6);
	const project_step_progress *s = project_progress_step(&p, "1");
	assert_int_equal(s->n_evidence, 2);
	assert_string_equal(s->evidence[0].title, "Review meeting notes");
	assert_string_equal(s->evidence[1].title, "Pupil's own plan");
	assert_int_equal(project_progress_step(&p, "4")->n_evidence, 1);
	assert_int_equal(project_progress_step(&p, "2")->n_evidence, 0);
	assert_int_equal(project_evidence_link(&f->d, id, "1", ours, true, &changed, &f->e), 0);
	assert_true(changed);
	assert_int_equal(project_evidence_link(&f->d, id, "1", ours, true, &changed, &f->e), 0);
	assert_false(changed);
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	assert_int_equal(project_progress_step(&p, "1")->n_evidence, 1);
}

static void whole_change_in_one_go(void **state)
{
	fixture *f = *state;
	setenv("COPRO_NOW", "2026-10-20T09:00:00Z", 1);
	int64_t org = fixture_org(f, "School");
	int64_t id = add_project(f, org, "strategic");
	int64_t e1 = add_evidence(f, org, "Survey", "2026-09-20");
	int64_t e2 = add_evidence(f, org, "Minutes", "2026-09-21");
	assert_int_equal(project_evidence_link(&f->d, id, "11", e1, false, &(bool){0}, &f->e), 0);
	project_answer_change a[] = {{"a", "yes", "Shared at the forum"}, {"b", "partly", ""}};
	int64_t link[] = {e2}, unlink[] = {e1};
	project_step_change c = {.done = 1, .done_on = "2026-10-15", .note = "Signed off",
				 .answers = a, .n_answers = 2, .link = link, .n_link = 1,
				 .unlink = unlink, .n_unlink = 1};
	/* A bad answer anywhere refuses everything. */
	a[1].answer = "sort of";
	const char *before = snapshot(f, id);
	REFUSED(project_step_save(&f->d, id, "11", &c, &f->e), ERR_INPUT, "use yes, partly or no");
	assert_string_equal(snapshot(f, id), before);
	a[1].answer = "partly";
	assert_int_equal(project_step_save(&f->d, id, "11", &c, &f->e), 0);
	project_progress p;
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	const project_step_progress *s = project_progress_step(&p, "11");
	assert_true(s->done);
	assert_string_equal(s->done_on, "2026-10-15");
	assert_string_equal(s->note, "Signed off");
	assert_string_equal(s->questions[0].note, "Shared at the forum");
	assert_string_equal(s->questions[1].answer, "partly");
	assert_int_equal(s->n_evidence, 1);
	assert_int_equal(s->evidence[0].evidence_id, e2);
	assert_string_equal(p.project.updated_at, "2026-10-20T09:00:00Z");
	unsetenv("COPRO_NOW");
}

/* The project keeps the model text it started with, even when the
 * installed file changes (here: the registry holds another version). */
static void stored_model_is_used(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add_project(f, org, "strategic");
	/* Pretend the installed file changed: a registry whose strategic
	 * model has another hash. */
	fw_registry *reg = (fw_registry *)&f->frameworks;
	framework *fw = NULL;
	for (size_t i = 0; i < reg->n; i++)
		if (!strcmp(reg->items[i]->id, "york-strategic-model"))
			fw = reg->items[i];
	assert_non_null(fw);
	char saved[65];
	memcpy(saved, fw->hash, sizeof saved);
	memset(fw->hash, 'f', 64);
	project_progress p;
	assert_int_equal(project_progress_load(&f->d, id, &p, &f->e), 0);
	assert_true(p.framework_changed);
	assert_string_equal(p.project.framework_hash, saved);
	assert_string_equal(p.steps[0].step->key, "1");
	assert_non_null(p.steps[1].step->gap);
	project_summary_list list;
	assert_int_equal(project_summaries(&f->d, org, &list, &f->e), 0);
	assert_int_equal(list.n, 1);
	assert_int_equal(list.items[0].steps_total, 12);
	assert_string_equal(list.items[0].model_title, "Model of Strategic Joint Partnership");
	memcpy(fw->hash, saved, sizeof saved);
}

static void summaries(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School"), other = fixture_org(f, "Other");
	int64_t a = add_project(f, org, "strategic");
	int64_t b = add_project(f, org, "individual");
	add_project(f, other, "individual");
	assert_int_equal(project_step_set(&f->d, b, "2", true, NULL, NULL, &f->e), 0);
	assert_int_equal(project_step_set(&f->d, b, "3", true, NULL, NULL, &f->e), 0);
	project_summary_list list;
	assert_int_equal(project_summaries(&f->d, org, &list, &f->e), 0);
	assert_int_equal(list.n, 2);
	/* Same start date: the newer first. */
	assert_int_equal(list.items[0].project.id, b);
	assert_int_equal(list.items[0].steps_total, 6);
	assert_int_equal(list.items[0].project.steps_done, 2);
	assert_string_equal(list.items[0].model_title, "Individual joint partnership working");
	assert_int_equal(list.items[1].project.id, a);
	assert_int_equal(list.items[1].steps_total, 12);
	assert_int_equal(list.items[1].project.steps_done, 0);
	assert_ptr_equal(project_model_id("strategic"), project_model_id("york-strategic-model"));
	assert_null(project_model_id("york-joint-partnership-audit"));
	assert_null(project_model_id(NULL));
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(add_refuses_bad_input), T(edit_and_people),
					   T(steps_and_their_rules), T(answers), T(evidence_links),
					   T(whole_change_in_one_go), T(stored_model_is_used),
					   T(summaries)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
