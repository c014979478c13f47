/* test_project_pages.c: the projects list, starting a project, its page
 * (details, people, the model's introduction, the steps as a task list),
 * changing it, and a step's page and form, as every role; another
 * organisation's projects and unknown steps are not found; refused forms
 * change nothing. */
#include "webtest.h"

#include "domain/project.h"
#include "store/account.h"
#include "store/project.h"

#define HOSTILE_SCRIPT "<script>alert(1)</script>"
#define HOSTILE_ATTR "\"><img src=x onerror=alert(1)>"

/* Rows of the project tables and every table test_count_rows knows. */
static int64_t count_rows(webfix *w)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;
	if (sqlite3_prepare_v2(w->f.db.db,
		"SELECT (SELECT COUNT(*) FROM project) + (SELECT COUNT(*) FROM project_person)"
		" + (SELECT COUNT(*) FROM project_step) + (SELECT COUNT(*) FROM project_answer)"
		" + (SELECT COUNT(*) FROM project_evidence)", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n + test_count_rows(&w->f.db);
}

static int64_t add_project(webfix *w, int64_t org, const char *model, const char *title)
{
	project_person_row people[] = {{.name = "Sam Patel", .role = "Parent carer forum",
					.partner_group = "parent-carers"},
				       {.name = "", .role = "Pupil", .partner_group = "cyp"}};
	project_person_list list = {people, 2};
	project_row p = {.organisation_id = org, .framework_id = model, .title = title,
			 .service_area = "Short breaks", .description = "Rewrite the leaflet\nwith families",
			 .starts_on = "2026-09-01", .ends_on = "2027-03-31"};
	int64_t id;
	if (project_add(&w->f.d, &p, &list, &id, &w->f.e) != 0)
		fail_msg("project_add: %s", w->f.e.msg);
	return id;
}

static int64_t add_evidence(webfix *w, int64_t org, const char *title)
{
	evidence_row ev = {.organisation_id = org, .title = title, .date = "2026-09-10",
			   .groups = GROUP_PARENTS};
	int64_t id;
	assert_int_equal(evidence_add(&w->f.d, &ev, &id, &w->f.e), 0);
	return id;
}

static void every_route_as_every_role(void **state)
{
	webfix *w = *state;
	int64_t id = add_project(w, w->org, "strategic", "Leaflet");
	const char *add[] = {"model", "individual", "title", "Annual review", WEB_DATE("starts_on", "01", "09", "2026"), NULL};
	const char *edit[] = {"title", "Leaflet", WEB_DATE("starts_on", "01", "09", "2026"), NULL};
	const char *step[] = {"done", "no", NULL};
	web_route routes[] = {
		{"GET", web_path(w, "/org/%lld/projects", (long long)w->org), NULL, ACCESS_VIEW, 200},
		{"GET", web_path(w, "/org/%lld/projects/new", (long long)w->org), NULL, ACCESS_CONTRIBUTE, 200},
		{"POST", web_path(w, "/org/%lld/projects", (long long)w->org), add, ACCESS_CONTRIBUTE, 303},
		{"GET", web_path(w, "/org/%lld/project/%lld", (long long)w->org, (long long)id), NULL, ACCESS_VIEW, 200},
		{"GET", web_path(w, "/org/%lld/project/%lld/edit", (long long)w->org, (long long)id), NULL,
		 ACCESS_CONTRIBUTE, 200},
		{"POST", web_path(w, "/org/%lld/project/%lld/edit", (long long)w->org, (long long)id), edit,
		 ACCESS_CONTRIBUTE, 303},
		{"GET", web_path(w, "/org/%lld/project/%lld/step/1", (long long)w->org, (long long)id), NULL,
		 ACCESS_VIEW, 200},
		{"POST", web_path(w, "/org/%lld/project/%lld/step/1", (long long)w->org, (long long)id), step,
		 ACCESS_CONTRIBUTE, 303},
	};
	web_expect_matrix(w, routes, sizeof routes / sizeof *routes);
	/* Three may start one: the area administrator, the lead, the contributor. */
	project_summary_list list;
	assert_int_equal(project_summaries(&w->f.d, w->org, &list, &w->f.e), 0);
	assert_int_equal(list.n, 1 + 3);
}

static void other_projects_and_unknown_steps_are_not_found(void **state)
{
	webfix *w = *state;
	int64_t ours = add_project(w, w->org, "strategic", "Our leaflet");
	int64_t theirs = add_project(w, w->other_org, "strategic", "Neighbour's secret plan");
	int64_t before = count_rows(w);
	const char *edit[] = {"title", "Taken over", WEB_DATE("starts_on", "01", "09", "2026"), NULL};
	const char *step[] = {"done", "yes", NULL};
	const char *base = web_path(w, "/org/%lld/project/%lld", (long long)w->org, (long long)theirs);
	for (int who = AS_AREA; who <= AS_CONTRIBUTOR; who++) {
		web_expect(w, who, "GET", base, NULL, 404);
		web_expect(w, who, "GET", web_path(w, "%s/edit", base), NULL, 404);
		web_expect(w, who, "POST", web_path(w, "%s/edit", base), edit, 404);
		web_expect(w, who, "GET", web_path(w, "%s/step/1", base), NULL, 404);
		web_expect(w, who, "POST", web_path(w, "%s/step/1", base), step, 404);
	}
	const char *mine = web_path(w, "/org/%lld/project/%lld", (long long)w->org, (long long)ours);
	web_expect(w, AS_LEAD, "GET", web_path(w, "%s/step/13", mine), NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "%s/step/1a", mine), NULL, 404);
	web_expect(w, AS_LEAD, "POST", web_path(w, "%s/step/0", mine), step, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/project/abc", (long long)w->org), NULL, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/project/99999", (long long)w->org), NULL, 404);
	assert_int_equal(count_rows(w), before);
	project_row p;
	assert_int_equal(project_get(&w->f.d, theirs, &p, &w->f.e), 0);
	assert_string_equal(p.title, "Neighbour's secret plan");
	/* Their project is not in our list. */
	request *r = web_run(w, AS_AREA, "GET", web_path(w, "/org/%lld/projects", (long long)w->org), NULL);
	assert_null(strstr(web_body(r), "Neighbour"));
	assert_non_null(strstr(web_body(r), "Our leaflet"));
	request_destroy(r);
}

static void list_page(void **state)
{
	webfix *w = *state;
	const char *list = web_path(w, "/org/%lld/projects", (long long)w->org);
	request *r = web_run(w, AS_VIEWER, "GET", list, NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(strstr(web_body(r), "There are no projects yet."));
	assert_null(strstr(web_body(r), "/projects/new\""));
	request_destroy(r);
	int64_t id = add_project(w, w->org, "strategic", "Short breaks leaflet");
	assert_int_equal(project_step_set(&w->f.d, id, "1", true, NULL, NULL, &w->f.e), 0);
	r = web_run(w, AS_VIEWER, "GET", list, NULL);
	const char *body = web_body(r);
	assert_non_null(strstr(body, web_path(w, "href=\"/org/%lld/project/%lld\">Short breaks leaflet</a>",
					      (long long)w->org, (long long)id)));
	assert_non_null(strstr(body, "<caption class=\"govuk-table__caption govuk-table__caption--m\">1 project</caption>"));
	assert_non_null(strstr(body, "Model of Strategic Joint Partnership"));
	assert_non_null(strstr(body, "1 September 2026 to 31 March 2027"));
	assert_non_null(strstr(body, ">1 of 12<"));
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "GET", list, NULL);
	assert_non_null(strstr(web_body(r), web_path(w, "href=\"/org/%lld/projects/new\"", (long long)w->org)));
	request_destroy(r);
}

static void starting_a_project(void **state)
{
	webfix *w = *state;
	const char *news = web_path(w, "/org/%lld/projects/new", (long long)w->org);
	request *r = web_run(w, AS_CONTRIBUTOR, "GET", news, NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "name=\"model\" type=\"radio\" value=\"strategic\""));
	assert_non_null(strstr(body, "name=\"model\" type=\"radio\" value=\"individual\""));
	assert_null(strstr(body, " checked"));          /* nothing chosen for them */
	assert_non_null(strstr(body, "Individual joint partnership working"));
	assert_non_null(strstr(body, "such as an EHC plan or an annual review"));
	assert_non_null(strstr(body, "Do not type a child&#39;s name here unless you need to."));
	assert_non_null(strstr(body, ">Title</label>"));
	assert_non_null(strstr(body, ">Service area (optional)</label>"));
	assert_non_null(strstr(body, ">Start date</legend>"));
	assert_non_null(strstr(body, "id=\"person-3-group\""));
	assert_null(strstr(body, "id=\"person-4-group\""));
	assert_non_null(strstr(body, "name=\"csrf\""));
	request_destroy(r);

	/* Refused: every problem shown at its field, what was typed kept,
	 * nothing written. */
	int64_t before = count_rows(w);
	const char *post = web_path(w, "/org/%lld/projects", (long long)w->org);
	struct {
		const char *const *fields;
		const char *field, *words, *kept;
	} bad[] = {
		{(const char *[]){"title", "Kept title", WEB_DATE("starts_on", "01", "09", "2026"), NULL}, "model",
		 "Select the model", "value=\"Kept title\""},
		{(const char *[]){"model", "tactical", "title", "Kept title", WEB_DATE("starts_on", "01", "09", "2026"), NULL},
		 "model", "Select a model from the list", "value=\"Kept title\""},
		{(const char *[]){"model", "strategic", "title", "", WEB_DATE("starts_on", "01", "09", "2026"), NULL},
		 "title", "Enter a title", "value=\"strategic\" aria-describedby=\"model-hint\" checked"},
		{(const char *[]){"model", "strategic", "title", "T", NULL}, "starts_on", "Enter the start date",
		 "value=\"T\""},
		{(const char *[]){"model", "strategic", "title", "T", WEB_DATE("starts_on", "30", "02", "2026"), NULL},
		 "starts_on", "must be a real date", "value=\"30\""},
		{(const char *[]){"model", "strategic", "title", "T", WEB_DATE("starts_on", "01", "09", "2026"),
				  WEB_DATE("ends_on", "01", "08", "2026"), NULL}, "ends_on", "same as or after the start date",
		 "value=\"01\""},
		{(const char *[]){"model", "strategic", "title", "T", WEB_DATE("starts_on", "01", "09", "2026"),
				  "person-2-name", "Jo", "person-2-role", "Kept role", NULL},
		 "person-2-group", "Choose the partner group of person 2", "value=\"Kept role\""},
		{(const char *[]){"model", "strategic", "title", "T", WEB_DATE("starts_on", "01", "09", "2026"),
				  "person-1-group", "everyone", NULL},
		 "person-1-group", "Choose a partner group from the list", "value=\"T\""},
		{(const char *[]){"model", "strategic", "title", "T", WEB_DATE("starts_on", "01", "09", "2026"),
				  "person-1-name", "Tab\there", "person-1-group", "parent-carers", NULL},
		 "person-1-name", "Person 1", "value=\"parent-carers\" selected"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		r = web_run(w, AS_CONTRIBUTOR, "POST", post, bad[i].fields);
		body = web_body(r);
		if (r->status != 400)
			fail_msg("case %zu: %d, expected 400", i, r->status);
		assert_non_null(strstr(body, "There is a problem"));
		assert_non_null(strstr(body, "<title>Error: "));
		if (!strstr(body, web_path(w, "href=\"#%s", bad[i].field)) ||
		    !strstr(body, web_path(w, "id=\"%s-error\"", bad[i].field)) || !strstr(body, bad[i].words) ||
		    !strstr(body, bad[i].kept))
			fail_msg("case %zu: the page lacks the error at %s (%s) or the kept %s", i,
				 bad[i].field, bad[i].words, bad[i].kept);
		request_destroy(r);
	}
	assert_int_equal(count_rows(w), before);

	/* Right: blank rows are skipped, the name is optional. */
	const char *good[] = {"model", "individual", "title", "Annual review, Year 9",
			      "service_area", "SEND support", "description", "Plan with the family",
			      WEB_DATE("starts_on", "01", "09", "2026"), WEB_DATE("ends_on", "", "", ""),
			      "person-1-name", "", "person-1-role", "Young person", "person-1-group", "children-and-young-people",
			      "person-2-name", "", "person-2-role", "", "person-2-group", "",
			      "person-3-name", "Mrs Shah", "person-3-role", "Parent", "person-3-group", "parent-carers",
			      NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", post, good);
	assert_int_equal(r->status, 303);
	project_summary_list list;
	assert_int_equal(project_summaries(&w->f.d, w->org, &list, &w->f.e), 0);
	assert_int_equal(list.n, 1);
	const project_row *p = &list.items[0].project;
	assert_string_equal(r->location, web_path(w, "/org/%lld/project/%lld", (long long)w->org, (long long)p->id));
	request_destroy(r);
	assert_string_equal(p->framework_id, "york-individual-model");
	assert_string_equal(p->title, "Annual review, Year 9");
	assert_string_equal(p->service_area, "SEND support");
	assert_null(p->ends_on);
	project_person_list people;
	assert_int_equal(store_project_person_list(&w->f.db, &w->f.mem, p->id, &people, &w->f.e), 0);
	assert_int_equal(people.n, 2);
	assert_string_equal(people.items[0].name, "");
	assert_string_equal(people.items[0].role, "Young person");
	assert_string_equal(people.items[1].name, "Mrs Shah");
	activity_list log;
	assert_int_equal(store_activity_list(&w->f.db, &w->f.mem, w->org, 0, 10, &log, &w->f.e), 0);
	assert_true(log.n >= 1);
	assert_non_null(strstr(log.items[0].what, "started project"));
	assert_non_null(strstr(log.items[0].what, "Annual review, Year 9"));
}

static void project_page(void **state)
{
	webfix *w = *state;
	int64_t id = add_project(w, w->org, "strategic", "Short breaks leaflet");
	int64_t ev = add_evidence(w, w->org, "Coffee morning notes");
	bool changed;
	assert_int_equal(project_step_set(&w->f.d, id, "1", true, "2026-09-15", NULL, &w->f.e), 0);
	assert_int_equal(project_evidence_link(&w->f.d, id, "1", ev, false, &changed, &w->f.e), 0);
	assert_int_equal(project_answer_set(&w->f.d, id, "1", "a", "yes", NULL, &w->f.e), 0);
	const char *page = web_path(w, "/org/%lld/project/%lld", (long long)w->org, (long long)id);
	request *r = web_run(w, AS_VIEWER, "GET", page, NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "<h1 class=\"govuk-heading-l\">Short breaks leaflet</h1>"));
	assert_non_null(strstr(body, "govuk-summary-list"));
	assert_non_null(strstr(body, "<p class=\"govuk-body\">Rewrite the leaflet</p><p class=\"govuk-body\">with families</p>"));
	assert_non_null(strstr(body, "1 September 2026"));
	assert_non_null(strstr(body, ">1 of 12</dd>"));
	/* People, with their groups in words. */
	assert_non_null(strstr(body, "<caption class=\"govuk-table__caption govuk-table__caption--m\">People involved</caption>"));
	assert_non_null(strstr(body, ">Sam Patel<"));
	assert_non_null(strstr(body, ">Parent carers<"));
	assert_non_null(strstr(body, ">Children and young people<"));
	assert_non_null(strstr(body, ">Not given<"));
	/* The model's introduction from the stored instrument. */
	assert_non_null(strstr(body, "Joint partnership (co-producing) at a strategic level means involving"));
	/* Twelve steps as a task list, each linking to its page. */
	size_t items = 0;
	for (const char *p = body; (p = strstr(p, "govuk-task-list__item ")); p++)
		items++;
	assert_int_equal(items, 12);
	assert_non_null(strstr(body, web_path(w, "href=\"%s/step/12\"", page)));
	assert_non_null(strstr(body, "Step 2: [Step 2: wording lost]"));
	/* 7 of the 12 steps lost text: the list says so plainly, no editor's
	 * marker and no detail (that is on the step's page). */
	size_t gaps = 0;
	for (const char *p = body; (p = strstr(p, "Part of the source text is missing here.")); p++)
		gaps++;
	assert_int_equal(gaps, 7);
	assert_null(strstr(body, "GAP IN SOURCE"));
	assert_null(strstr(body, "was lost in the text extraction"));
	assert_non_null(strstr(body, "Done on 15 September 2026. 1 evidence item. 1 of 1 check question answered."));
	const char *done = strstr(body, "govuk-tag--green\">Done<");
	assert_non_null(done);
	assert_null(strstr(done + 1, "govuk-tag--green\">Done<"));     /* only step 1 */
	assert_non_null(strstr(body, "govuk-tag--grey\">Not done<"));
	assert_null(strstr(body, "/edit\""));            /* a viewer cannot change it */
	request_destroy(r);
	r = web_run(w, AS_CONTRIBUTOR, "GET", page, NULL);
	assert_non_null(strstr(web_body(r), web_path(w, "href=\"%s/edit\"", page)));
	request_destroy(r);
}

static void step_page_read_only_for_viewers(void **state)
{
	webfix *w = *state;
	int64_t id = add_project(w, w->org, "strategic", "Leaflet");
	int64_t ev = add_evidence(w, w->org, "Forum minutes");
	bool changed;
	assert_int_equal(project_answer_set(&w->f.d, id, "11", "b", "partly", "Some views used", &w->f.e), 0);
	assert_int_equal(project_evidence_link(&w->f.d, id, "11", ev, false, &changed, &w->f.e), 0);
	const char *step = web_path(w, "/org/%lld/project/%lld/step/11", (long long)w->org, (long long)id);
	request *r = web_run(w, AS_VIEWER, "GET", step, NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "Step 11: Ensure all people involved are happy"));
	assert_non_null(strstr(body, "Did you share the final product and gain agreement"));
	assert_non_null(strstr(body, "Were the views gained used in a way"));
	assert_non_null(strstr(body, ">Partly<"));
	assert_non_null(strstr(body, ">Not answered<"));
	assert_non_null(strstr(body, "Some views used"));
	assert_non_null(strstr(body, web_path(w, "href=\"/org/%lld/evidence/%lld\">Forum minutes</a>",
					      (long long)w->org, (long long)ev)));
	assert_null(strstr(body, "<form method=\"post\" action=\"/org"));
	assert_null(strstr(body, "Save step"));
	request_destroy(r);

	/* A step with a gap in the source says so. */
	r = web_run(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/project/%lld/step/8", (long long)w->org, (long long)id), NULL);
	assert_non_null(strstr(web_body(r), "Part of the source text is missing here."));
	assert_non_null(strstr(web_body(r), "<div class=\"govuk-details__text\">The rest of step 8"));
	request_destroy(r);
}

static void recording_a_step(void **state)
{
	webfix *w = *state;
	setenv("COPRO_NOW", "2026-10-20T09:00:00Z", 1);
	int64_t id = add_project(w, w->org, "strategic", "Leaflet");
	int64_t e1 = add_evidence(w, w->org, "Survey results");
	int64_t e2 = add_evidence(w, w->org, "Forum minutes");
	int64_t theirs = add_evidence(w, w->other_org, "Their minutes");
	const char *step = web_path(w, "/org/%lld/project/%lld/step/11", (long long)w->org, (long long)id);

	request *r = web_run(w, AS_CONTRIBUTOR, "GET", step, NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, web_path(w, "<form method=\"post\" action=\"%s\"", step)));
	assert_non_null(strstr(body, "Date done (optional)</legend>"));
	assert_non_null(strstr(body, ">Note (optional)</label>"));
	assert_non_null(strstr(body, "name=\"answer-a\" type=\"radio\" value=\"partly\""));
	assert_non_null(strstr(body, "name=\"answer-b\" type=\"radio\" value=\"no\""));
	assert_non_null(strstr(body, "name=\"evidence\" type=\"checkbox\" value=\""));
	assert_null(strstr(body, " checked"));      /* nothing saved, nothing chosen */
	request_destroy(r);

	int64_t before = count_rows(w);
	struct {
		const char *const *fields;
		const char *field, *words;
	} bad[] = {
		{(const char *[]){"note", "Kept note", NULL}, "done", "Select yes if this step is done"},
		{(const char *[]){"done", "maybe", NULL}, "done", "Select yes if this step is done"},
		{(const char *[]){"done", "yes", WEB_DATE("done_on", "21", "10", "2026"), NULL}, "done_on", "today or in the past"},
		{(const char *[]){"done", "yes", WEB_DATE("done_on", "21/10/2026", "", ""), NULL}, "done_on", "must include a month and year"},
		{(const char *[]){"done", "yes", "answer-a", "sort of", NULL}, "answer-a", "Select yes, partly or no"},
		{(const char *[]){"done", "yes", "answer-b-note", "A note with no answer", NULL}, "answer-b",
		 "to save its note"},
		{(const char *[]){"done", "yes", "evidence", web_num(w, theirs), NULL}, "evidence",
		 "Select evidence from your organisation&#39;s library"},
		{(const char *[]){"done", "yes", "evidence", "12abc", NULL}, "evidence", "library"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		r = web_run(w, AS_CONTRIBUTOR, "POST", step, bad[i].fields);
		body = web_body(r);
		if (r->status != 400)
			fail_msg("case %zu: %d, expected 400", i, r->status);
		if (!strstr(body, web_path(w, "href=\"#%s", bad[i].field)) || !strstr(body, bad[i].words))
			fail_msg("case %zu: no error at %s saying %s", i, bad[i].field, bad[i].words);
		request_destroy(r);
	}
	r = web_run(w, AS_CONTRIBUTOR, "POST", step, (const char *[]){"note", "Kept note", "answer-a", "no", NULL});
	assert_non_null(strstr(web_body(r), ">Kept note</textarea>"));
	assert_non_null(strstr(web_body(r), "name=\"answer-a\" type=\"radio\" value=\"no\" checked"));
	request_destroy(r);
	assert_int_equal(count_rows(w), before);

	const char *good[] = {"done", "yes", WEB_DATE("done_on", "20", "10", "2026"), "note", "Shared at the forum",
			      "answer-a", "yes", "answer-a-note", "Everyone signed", "answer-b", "partly",
			      "answer-b-note", "", "evidence", web_num(w, e1), "evidence", web_num(w, e2), NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", step, good);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/project/%lld?saved=11#steps", (long long)w->org, (long long)id));
	request_destroy(r);
	project_progress p;
	assert_int_equal(project_progress_load(&w->f.d, id, &p, &w->f.e), 0);
	const project_step_progress *s = project_progress_step(&p, "11");
	assert_true(s->done);
	assert_string_equal(s->done_on, "2026-10-20");
	assert_string_equal(s->note, "Shared at the forum");
	assert_string_equal(s->questions[0].answer, "yes");
	assert_string_equal(s->questions[0].note, "Everyone signed");
	assert_string_equal(s->questions[1].answer, "partly");
	assert_int_equal(s->n_evidence, 2);
	activity_list log;
	assert_int_equal(store_activity_list(&w->f.db, &w->f.mem, w->org, 0, 10, &log, &w->f.e), 0);
	assert_non_null(strstr(log.items[0].what, "recorded step 11 of project"));

	/* The saved answers are shown chosen; the banner says it was saved. */
	r = web_run(w, AS_CONTRIBUTOR, "GET", step, NULL);
	body = web_body(r);
	assert_non_null(strstr(body, "name=\"done\" type=\"radio\" value=\"yes\" checked"));
	assert_non_null(strstr(body, "id=\"done_on-day\" name=\"done_on-day\" type=\"text\" inputmode=\"numeric\" value=\"20\""));
	assert_non_null(strstr(body, "name=\"answer-b\" type=\"radio\" value=\"partly\" checked"));
	assert_non_null(strstr(body, web_path(w, "value=\"%lld\" checked", (long long)e1)));
	request_destroy(r);
	request *q = request_create(&w->cfg, "GET", web_path(w, "/org/%lld/project/%lld", (long long)w->org, (long long)id));
	q->d = (domain){.db = &w->f.db, .frameworks = &w->f.frameworks, .mem = &q->mem};
	request_add_query(q, "saved", "11");
	q->session_cookie = w->as[AS_VIEWER].token;
	web_dispatch(q);
	assert_non_null(strstr(web_body(q), "Step 11 saved"));
	request_destroy(q);

	/* Unticking unlinks; "no" clears the date even if one is sent; an
	 * unanswered question keeps its answer. */
	const char *again[] = {"done", "no", WEB_DATE("done_on", "20", "10", "2026"), "note", "", "evidence", web_num(w, e2), NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", step, again);
	assert_int_equal(r->status, 303);
	request_destroy(r);
	assert_int_equal(project_progress_load(&w->f.d, id, &p, &w->f.e), 0);
	s = project_progress_step(&p, "11");
	assert_false(s->done);
	assert_null(s->done_on);
	assert_string_equal(s->note, "");
	assert_string_equal(s->questions[0].answer, "yes");
	assert_int_equal(s->n_evidence, 1);
	assert_int_equal(s->evidence[0].evidence_id, e2);
	unsetenv("COPRO_NOW");
}

static void changing_details_and_people(void **state)
{
	webfix *w = *state;
	int64_t id = add_project(w, w->org, "strategic", "Leaflet");
	const char *edit = web_path(w, "/org/%lld/project/%lld/edit", (long long)w->org, (long long)id);
	request *r = web_run(w, AS_CONTRIBUTOR, "GET", edit, NULL);
	assert_int_equal(r->status, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "value=\"Leaflet\""));
	assert_non_null(strstr(body, "value=\"Sam Patel\""));
	assert_non_null(strstr(body, "value=\"children-and-young-people\" selected"));
	assert_non_null(strstr(body, "id=\"person-5-name\""));         /* 2 people and 3 blank rows */
	assert_null(strstr(body, "id=\"person-6-name\""));
	assert_null(strstr(body, "name=\"model\""));                   /* the model cannot change */
	request_destroy(r);

	int64_t before = count_rows(w);
	const char *bad[] = {"title", "Changed", WEB_DATE("starts_on", "01", "09", "2026"), WEB_DATE("ends_on", "01", "01", "2026"),
			     "person-1-name", "Sam Patel", "person-1-group", "parent-carers", NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", edit, bad);
	assert_int_equal(r->status, 400);
	assert_non_null(strstr(web_body(r), "href=\"#ends_on-day\""));
	assert_non_null(strstr(web_body(r), "value=\"Changed\""));
	request_destroy(r);
	assert_int_equal(count_rows(w), before);
	project_row p;
	assert_int_equal(project_get(&w->f.d, id, &p, &w->f.e), 0);
	assert_string_equal(p.title, "Leaflet");

	/* Person 1 emptied is removed; person 2 kept; one added in row 4. */
	const char *good[] = {"title", "Short breaks leaflet", "service_area", "", "description", "",
			      WEB_DATE("starts_on", "01", "09", "2026"), WEB_DATE("ends_on", "", "", ""),
			      "person-1-name", "", "person-1-role", "", "person-1-group", "",
			      "person-2-name", "", "person-2-role", "Pupil", "person-2-group", "children-and-young-people",
			      "person-4-name", "Ms Green", "person-4-role", "SENCO", "person-4-group", "practitioners",
			      NULL};
	r = web_run(w, AS_CONTRIBUTOR, "POST", edit, good);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/project/%lld?saved=details", (long long)w->org, (long long)id));
	request_destroy(r);
	assert_int_equal(project_get(&w->f.d, id, &p, &w->f.e), 0);
	assert_string_equal(p.title, "Short breaks leaflet");
	assert_string_equal(p.service_area, "");
	assert_null(p.ends_on);
	assert_string_equal(p.framework_id, "york-strategic-model");
	project_person_list people;
	assert_int_equal(store_project_person_list(&w->f.db, &w->f.mem, id, &people, &w->f.e), 0);
	assert_int_equal(people.n, 2);
	assert_string_equal(people.items[0].role, "Pupil");
	assert_int_equal(people.items[0].position, 1);
	assert_string_equal(people.items[1].name, "Ms Green");
	assert_string_equal(people.items[1].partner_group, "practitioners");
}

static void hostile_text_is_shown_escaped(void **state)
{
	webfix *w = *state;
	setenv("COPRO_NOW", "2026-10-20T09:00:00Z", 1);
	project_person_row people[] = {{.name = HOSTILE_SCRIPT, .role = HOSTILE_ATTR,
					.partner_group = "parents"}};
	project_person_list list = {people, 1};
	project_row p = {.organisation_id = w->org, .framework_id = "strategic", .title = HOSTILE_SCRIPT,
			 .service_area = HOSTILE_ATTR, .description = HOSTILE_SCRIPT, .starts_on = "2026-09-01"};
	int64_t id, ev = add_evidence(w, w->org, HOSTILE_ATTR);
	assert_int_equal(project_add(&w->f.d, &p, &list, &id, &w->f.e), 0);
	assert_int_equal(project_step_set(&w->f.d, id, "1", true, NULL, HOSTILE_ATTR, &w->f.e), 0);
	assert_int_equal(project_answer_set(&w->f.d, id, "1", "a", "no", HOSTILE_SCRIPT, &w->f.e), 0);
	bool changed;
	assert_int_equal(project_evidence_link(&w->f.d, id, "1", ev, false, &changed, &w->f.e), 0);
	const char *base = web_path(w, "/org/%lld/project/%lld", (long long)w->org, (long long)id);
	const char *pages[] = {web_path(w, "/org/%lld/projects", (long long)w->org), base,
			       web_path(w, "%s/edit", base), web_path(w, "%s/step/1", base)};
	int seen = 0;
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		for (int who = AS_AREA; who <= AS_VIEWER; who++) {
			request *r = web_run(w, who, "GET", pages[i], NULL);
			const char *body = web_body(r);
			if (strstr(body, HOSTILE_SCRIPT) || strstr(body, HOSTILE_ATTR))
				fail_msg("%s as %s shows hostile text unescaped", pages[i], as_names[who]);
			seen += strstr(body, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL;
			request_destroy(r);
		}
	}
	assert_true(seen >= 10);
	/* Typed back into a refused form, it stays escaped too. */
	const char *fields[] = {"title", HOSTILE_ATTR, WEB_DATE("starts_on", "", "", ""), "person-1-name", HOSTILE_SCRIPT,
				"person-1-group", HOSTILE_ATTR, NULL};
	request *r = web_run(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/projects", (long long)w->org), fields);
	assert_int_equal(r->status, 400);
	assert_null(strstr(web_body(r), HOSTILE_SCRIPT));
	assert_null(strstr(web_body(r), HOSTILE_ATTR));
	request_destroy(r);
	unsetenv("COPRO_NOW");
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(every_route_as_every_role), T(other_projects_and_unknown_steps_are_not_found),
		T(list_page), T(starting_a_project), T(project_page), T(step_page_read_only_for_viewers),
		T(recording_a_step), T(changing_details_and_people), T(hostile_text_is_shown_escaped),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
