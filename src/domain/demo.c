/* demo.c: a fictional primary school part-way through its Four
 * Cornerstones self-evaluation, with a York project (a transition leaflet
 * co-produced with parent carers and pupils) and its audit submitted to the
 * area, for first-time users to explore. Built through the same domain
 * calls a user's commands make. The school, people and events are
 * invented; the instrument text is the real one. Dates are counted from
 * today, so the demo looks the same whenever it is loaded. */
#include "domain/domain.h"

#include <stddef.h>
#include <stdio.h>

#include "core/text.h"
#include "domain/audit.h"
#include "domain/project.h"

static const struct demo_evidence {
	const char *title, *description;
	int days_ago;             /* dates follow the clock: never in the future */
	const char *groups;
	const char *links[4];
} demo_evidence[] = {
	{"Morning welcome at the gate",
	 "A member of the senior leadership team greets families at the gate every morning; parent carers' comments from the autumn survey mention it.",
	 76, "parents,practitioners", {"1i.a", "1i.e", "3ii.a", NULL}},
	{"Transition visits for new Reception children",
	 "Home visits and two stay-and-play sessions before starting; plans adjusted after feedback from last year's families.",
	 136, "cyp,parents,practitioners", {"1i.c", "1i.f", "2i.a", NULL}},
	{"Sensory room and quiet spaces audit",
	 "Pupils on the school council walked the building with the SENCO and chose where quiet spaces were needed.",
	 52, "cyp,practitioners", {"1i.i", "2v.a", "4i.b", NULL}},
	{"Emotional literacy (ELSA) training for two teaching assistants",
	 "Two teaching assistants completed ELSA training; sessions now run weekly.",
	 156, "practitioners", {"1ii.a", "1ii.g", "2iii.a", NULL}},
	{"Parent carer coffee mornings",
	 "Monthly coffee mornings run with the local Parent Carer Forum; attendance register and topics chosen by parents.",
	 39, "parents,practitioners", {"1iii.a", "1iii.b", "1iii.e", NULL}},
	{"'You said, we did' board",
	 "A board in reception shows what families asked for and what changed, updated after each survey.",
	 20, "cyp,parents,practitioners", {"1iv.c", "3iv.a", "4ii.a", NULL}},
	{"Pupil voice survey, autumn term",
	 "Symbol-supported survey of 180 pupils; results discussed with the school council.",
	 34, "cyp,practitioners", {"1iv.b", "3i.a", NULL}},
	{"SEND information report co-written with parents",
	 "Three parent carers reviewed the draft report; their changes to wording are tracked in the minutes.",
	 59, "parents,practitioners", {"2vii.a", "3vi.a", "4iv.a", NULL}},
};

static const struct demo_review {
	const char *statement, *strengths, *areas, *status, *groups;
} demo_reviews[] = {
	{"1i", "Families describe the welcome as warm; transition visits are valued by parents and children.",
	 "Reasonable adjustments to the physical environment are not yet reviewed with pupils who use them.",
	 "complete", "cyp,parents,practitioners"},
	{"1iv", "Pupil and parent surveys are run every term and results are shared back.",
	 "Practitioners have not had training in active listening.", "in-progress", "parents,practitioners"},
	{"2vii", "Parents co-wrote the SEND information report.",
	 "Children and young people are not yet involved in reviewing policies.", "in-progress",
	 "parents,practitioners"},
};

/* Today plus `days` (negative: before today), as YYYY-MM-DD. */
static const char *demo_date(domain *d, int days)
{
	char iso[21];
	time_iso(time_now_epoch() + (int64_t)days * 86400, iso);
	return arena_strndup(d->mem, iso, 10);
}

/* The school year today falls in: "2026-27" from September 2026. */
static const char *demo_cycle(domain *d)
{
	char today[11];
	date_today(today);
	int year = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0');
	int month = (today[5] - '0') * 10 + (today[6] - '0');
	if (month < 9)
		year--;
	return arena_printf(d->mem, "%d-%02d", year, (year + 1) % 100);
}

/* Indexes into demo_evidence that the project and the audit link to. */
enum { EV_COFFEE = 4, EV_BOARD = 5, EV_SURVEY = 6, N_DEMO_EVIDENCE = 8 };
_Static_assert(sizeof demo_evidence / sizeof *demo_evidence == N_DEMO_EVIDENCE,
	       "N_DEMO_EVIDENCE counts demo_evidence");

/* ---- York: the project and its audit ---------------------------------- */

static const struct demo_step {
	const char *step;
	int done_days_ago;        /* 0: not done yet */
	const char *note;
	int evidence;             /* index into demo_evidence, or -1 */
} demo_steps[] = {
	{"1", 39, "Asked at a coffee morning and at the school council what a leaflet about moving up should say.",
	 EV_COFFEE},
	{"3", 38, "Sessions held after drop-off and in a lunchtime club, at times families chose.", -1},
	{"4", 33, "Pupils and parent carers drafted the sections together; the SENCO typed up their words.",
	 EV_SURVEY},
	{"5", 19, "Each draft went on the 'You said, we did' board and home by text message between meetings.",
	 EV_BOARD},
	{"7", 0, "The second draft is being checked with pupils who use symbols.", -1},
};

static int demo_project(domain *d, int64_t org, const int64_t *evidence, int64_t *id, err *e)
{
	project_row p = {.organisation_id = org, .framework_id = "strategic",
			 .title = "A transition leaflet for Year 6 families, written with them",
			 .service_area = "Transition to secondary school",
			 .description = "Parent carers and Year 6 pupils are writing a new leaflet about moving up to secondary school with the SENCO, to replace one written by staff alone.",
			 .starts_on = demo_date(d, -75), .ends_on = demo_date(d, 45)};
	project_person_row rows[] = {
		{.name = "Year 6 pupils (school council)",
		 .role = "Chose what the leaflet covers and tested its wording",
		 .partner_group = "children-and-young-people"},
		{.name = "Parent carers from the coffee mornings", .role = "Co-authors of the leaflet",
		 .partner_group = "parent-carers"},
		{.name = "Aisha Rahman", .role = "Demo Borough Parent Carer Forum",
		 .partner_group = "parent-carers"},
		{.name = "Sam Okafor", .role = "SENCO, leads the project", .partner_group = "practitioners"},
		{.name = "", .role = "Year 6 class teacher", .partner_group = "practitioners"},
	};
	project_person_list people = {rows, sizeof rows / sizeof *rows};
	if (project_add(d, &p, &people, id, e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof demo_steps / sizeof *demo_steps; i++) {
		const struct demo_step *ds = &demo_steps[i];
		project_step_change c = {.done = ds->done_days_ago ? 1 : 0, .note = ds->note};
		if (ds->done_days_ago)
			c.done_on = demo_date(d, -ds->done_days_ago);
		if (ds->evidence >= 0) {
			c.link = &evidence[ds->evidence];
			c.n_link = 1;
		}
		/* The one check question answered: step 1's. */
		project_answer_change answer = {.question = "a", .answer = "yes",
						.note = "Families chose the topics; pupils asked for photographs of the new school."};
		if (i == 0) {
			c.answers = &answer;
			c.n_answers = 1;
		}
		if (project_step_save(d, *id, ds->step, &c, e) < 0)
			return -1;
	}
	return 0;
}

static const struct demo_principle {
	const char *principle, *level, *score, *notes;
	int evidence;             /* index into demo_evidence, or -1 */
} demo_principles[] = {
	{"1", AUDIT_LEVEL_HIGH, "3",
	 "Pupils and parent carers chose what the leaflet covers before any drafting began.", EV_COFFEE},
	{"2", AUDIT_LEVEL_MID, "2",
	 "Drafts were shared on the 'You said, we did' board; the finished leaflet is not yet celebrated with the families who wrote it.",
	 EV_BOARD},
	{"3", AUDIT_LEVEL_MID, "2",
	 "Sessions were held at times families chose; parent carers led one session themselves.", -1},
	{"4", AUDIT_LEVEL_MID, "2",
	 "The Parent Carer Forum joined in; families new to the school have not been reached yet.", -1},
	{"5", AUDIT_LEVEL_MID, "2",
	 "A symbol-supported version is being checked with pupils who use symbols.", EV_SURVEY},
	{"6", AUDIT_LEVEL_HIGH, "3",
	 "Parent carers and pupils wrote sections of the leaflet themselves, alongside staff.", -1},
};

static const audit_person_row demo_audit_people[] = {
	{.name = "Sam Okafor", .designation = "SENCO"},
	{.name = "Jo Mensah", .designation = "Head teacher"},
	{.name = "Aisha Rahman", .designation = "Parent carer, Demo Borough Parent Carer Forum"},
	{.name = "Year 6 pupils (school council)", .designation = "Pupil representatives"},
};

/* The outcome the area's rule suggests from the demo's levels, so the
 * demo never needs a reason for setting the suggestion aside. */
static int demo_outcome(domain *d, int64_t org, const char **outcome, err *e)
{
	enum { N = sizeof demo_principles / sizeof *demo_principles };
	const char *levels[N];
	for (size_t i = 0; i < N; i++)
		levels[i] = demo_principles[i].level;
	audit_settings s;
	if (audit_settings_of_org(d, org, &s, e) < 0)
		return -1;
	*outcome = audit_suggest_outcome(levels, N, s.rule);
	return 0;
}

static int demo_audit(domain *d, int64_t org, int64_t project, const int64_t *evidence, err *e)
{
	const audit_actor lead = {.user_id = 0, .name = "Jo Mensah (head teacher)",
				  .access = ACCESS_LEAD};
	audit_fields start = {.service_area = "Transition to secondary school",
			      .description = "The transition leaflet for Year 6 families, written with parent carers and pupils.",
			      .audit_date = demo_date(d, -10)};
	int64_t id;
	if (audit_start(d, org, project, &start, &lead, &id, e) < 0 ||
	    audit_people_set(d, id, demo_audit_people,
			     sizeof demo_audit_people / sizeof *demo_audit_people, e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof demo_principles / sizeof *demo_principles; i++) {
		const struct demo_principle *dp = &demo_principles[i];
		principle_change c = {.level = dp->level, .score = dp->score, .notes = dp->notes};
		if (audit_principle_set(d, id, dp->principle, &c, e) < 0 ||
		    (dp->evidence >= 0 &&
		     audit_evidence_link(d, id, dp->principle, evidence[dp->evidence], false, NULL, e) < 0))
			return -1;
	}
	const char *outcome;
	if (demo_outcome(d, org, &outcome, e) < 0)
		return -1;
	audit_fields end = {
		.summary = "Pupils and parent carers shaped the leaflet from the first meeting and wrote much of it. Families new to the school, and pupils who use symbols, are not yet fully involved.",
		.next_steps = "- Celebrate the finished leaflet with the families and pupils who wrote it\n"
			      "- Invite families new to the school to the leaflet's first review",
		.review_on = demo_date(d, 170), .outcome = outcome,
		.signed_by = "Jo Mensah", .signed_on = demo_date(d, -9)};
	return audit_set(d, id, &end, e) < 0 || audit_submit(d, id, &lead, e) < 0 ? -1 : 0;
}

static int demo_write(domain *d, int64_t *org_id, err *e)
{
	org_row o = {.name = "Riverside Primary School (demo)", .type = "Community school",
		     .sector = "education", .area = "Demo Borough", .opened_on = "1998-09-01"};
	int64_t eval, id, evidence[N_DEMO_EVIDENCE], project;
	size_t changed;
	if (org_add(d, &o, org_id, e) < 0 ||
	    evaluation_start(d, *org_id, "four-cornerstones", demo_cycle(d), &eval, e) < 0)
		return -1;
	char *own_key;
	if (own_indicator_add(d, eval, "3ii",
			      "A named member of staff phones families of new starters within the first two weeks",
			      &own_key, e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof demo_evidence / sizeof *demo_evidence; i++) {
		const struct demo_evidence *de = &demo_evidence[i];
		evidence_row ev = {.organisation_id = *org_id, .title = de->title,
				   .description = de->description,
				   .date = demo_date(d, -de->days_ago)};
		size_t n = 0;
		while (n < 4 && de->links[n])
			n++;
		if (groups_parse("demo", de->groups, &ev.groups, e) < 0 ||
		    evidence_add(d, &ev, &evidence[i], e) < 0 ||
		    evidence_link(d, evidence[i], eval, de->links, n, false, &changed, e) < 0)
			return -1;
	}
	for (size_t i = 0; i < sizeof demo_reviews / sizeof *demo_reviews; i++) {
		const struct demo_review *dr = &demo_reviews[i];
		review_change c = {.strengths = dr->strengths, .areas = dr->areas, .status = dr->status};
		if (groups_parse("demo", dr->groups, &c.groups, e) < 0 ||
		    review_set(d, eval, dr->statement, &c, e) < 0)
			return -1;
	}
	action_row actions[] = {
		{.organisation_id = *org_id, .title = "Walk the building with pupils who use adjustments and record what they need",
		 .owner = "SENCO", .due_on = demo_date(d, -23), .review_on = demo_date(d, 12),
		 .source_evaluation_id = eval, .source_element_key = "1i"},
		{.organisation_id = *org_id, .title = "Active listening training for all practitioners",
		 .owner = "Deputy head", .due_on = demo_date(d, 83), .status = "in-progress",
		 .source_evaluation_id = eval, .source_element_key = "1iv"},
		{.organisation_id = *org_id, .title = "Invite the school council to review the behaviour policy",
		 .owner = "Head teacher", .due_on = demo_date(d, 117), .source_evaluation_id = eval,
		 .source_element_key = "2vii"},
	};
	for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
		if (action_add(d, &actions[i], &id, e) < 0)
			return -1;
	return demo_project(d, *org_id, evidence, &project, e) < 0 ||
	       demo_audit(d, *org_id, project, evidence, e) < 0 ? -1 : 0;
}

int demo_load(domain *d, int64_t *org_id, err *e)
{
	if (store_begin(d->db, e) < 0)
		return -1;
	if (demo_write(d, org_id, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}
