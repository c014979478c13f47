/* demo.c: a fictional primary school part-way through its Four
 * Cornerstones self-evaluation, with a York project (a transition leaflet
 * co-produced with parent carers and pupils) and its audit submitted to the
 * area, success measures with readings, a service plan seeded from the
 * self-evaluation, an action under review and "You said, we did" records,
 * for first-time users to explore. Built through the same domain
 * calls a user's commands make. The school, people and events are
 * invented; the instrument text is the real one. Dates are counted from
 * today, so the demo looks the same whenever it is loaded. */
#include "domain/domain.h"

#include <stddef.h>
#include <stdio.h>

#include "core/text.h"
#include "domain/audit.h"
#include "domain/measure.h"
#include "domain/plan.h"
#include "domain/project.h"
#include "domain/review.h"
#include "store/store.h"

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

/* ---- plan, do, review --------------------------------------------------- */

/* One metric of a measure and its three readings, oldest first. A
 * percentage's reading with a denominator is numerator of denominator. */
static const struct demo_measure {
	const char *cornerstone, *catalogue, *own;
	const char *improve, *know, *measuring, *evaluation;
	const char *metric, *kind, *unit, *direction;
	double baseline, target;
	const char *source, *groups;
	struct { int days_ago; double value; int64_t num, den; const char *note; } readings[3];
} demo_measures[] = {
	{"1", "1.5", NULL,
	 "Few families came to the coffee mornings in their first year, and most were the same families each time.",
	 "More families, and different families, come; parent carers choose the topics and say the mornings help.",
	 "The number of families at each monthly coffee morning, from the register.",
	 "", "Families at the coffee morning", "count", "", "higher", 6, 15, "records",
	 "parents,practitioners",
	 {{100, 7, 0, 0, "Topic chosen by parents: homework."},
	  {65, 10, 0, 0, "The Parent Carer Forum came along."},
	  {30, 12, 0, 0, "Three families new to the school."}}},
	{"3", "3.7", NULL,
	 "Families told us they rarely hear what changed after a survey.",
	 "In the termly survey more parent carers say they can see what changed; the school council checks the board.",
	 "The share of parent carers answering yes to \"I can see what the school changed after we gave our views\".",
	 "", "Parent carers who see what changed", "percentage", "", "higher", 40, 75, "survey",
	 "parents",
	 {{110, 0, 34, 90, "Summer term survey."},
	  {70, 0, 45, 88, "After the board went up in reception."},
	  {25, 0, 58, 92, "Autumn term survey."}}},
	{"3", NULL, "Pupils who use symbols can find and read the school's news for them",
	 "News for pupils is written in words only.",
	 "Pupils who use symbols tell the school council they can read the news board.",
	 "The share of the pupils who use symbols who could read this week's news with a member of staff.",
	 "", "Pupils who use symbols reading the news", "percentage", "", "higher", 20, 80, "meeting",
	 "cyp,practitioners",
	 {{90, 25, 0, 0, "First symbol-supported newsletter."},
	  {55, 40, 0, 0, ""},
	  {15, 50, 0, 0, "Checked with the school council."}}},
};

enum { N_DEMO_MEASURES = sizeof demo_measures / sizeof *demo_measures };

/* The measures with one metric each; reading[m] is measure m's latest
 * reading, for a review to take up. */
static int demo_measures_add(domain *d, int64_t org, int64_t *measure, int64_t *reading, err *e)
{
	for (size_t i = 0; i < N_DEMO_MEASURES; i++) {
		const struct demo_measure *dm = &demo_measures[i];
		measure_row m = {.organisation_id = org, .cycle = demo_cycle(d),
				 .cornerstone_key = dm->cornerstone, .catalogue_key = dm->catalogue,
				 .own_text = dm->own};
		measure_grid g = {dm->improve, dm->know, dm->measuring, dm->evaluation};
		metric_row mt = {.name = dm->metric, .kind = dm->kind, .unit = dm->unit,
				 .direction = dm->direction, .has_baseline = true, .has_target = true,
				 .baseline = dm->baseline, .target = dm->target};
		int64_t metric;
		if (measure_add(d, &m, &measure[i], e) < 0 || measure_edit(d, measure[i], &g, e) < 0)
			return -1;
		mt.measure_id = measure[i];
		if (metric_add(d, &mt, &metric, e) < 0)
			return -1;
		for (size_t k = 0; k < 3; k++) {
			reading_row r = {.metric_id = metric, .taken_on = demo_date(d, -dm->readings[k].days_ago),
					 .source = dm->source, .note = dm->readings[k].note};
			if (dm->readings[k].den) {
				r.has_fraction = true;
				r.numerator = dm->readings[k].num;
				r.denominator = dm->readings[k].den;
			} else {
				r.has_value = true;
				r.value = dm->readings[k].value;
			}
			if (groups_parse("demo", dm->groups, &r.groups, e) < 0 ||
			    reading_add(d, &r, &reading[i], e) < 0)
				return -1;
		}
	}
	/* More families at the coffee mornings, more who see what changed. */
	return measure_link(d, measure[0], measure[1], false, e);
}

static const struct demo_text {
	const char *key, *sub, *text;
} demo_plan_answers[] = {
	{"1", "a", "Families tell us the welcome is warm; pupils who use adjustments have not yet been asked about the building."},
	{"1", "g", "Walk the building with pupils who use adjustments, and act on what they say."},
	{"3", "e", "Families whose first language is not English miss news sent home by letter."},
}, demo_plan_aspects[] = {
	{"values", NULL, "Our values were rewritten with the school council and the coffee morning group last year."},
	{"workforce-development", NULL, "Active listening training for all practitioners is planned for the spring term."},
};

/* The service plan, seeded from the self-evaluation, with one area for
 * development turned into an action; *action is that action. */
static int demo_plan(domain *d, int64_t org, int64_t eval, int64_t *action, err *e)
{
	int64_t plan;
	if (plan_start(d, org, "Riverside service plan", demo_cycle(d), eval, &plan, e) < 0 ||
	    plan_statement_set(d, plan, "3i", "News goes home every Friday by letter and text message.",
			       "Families whose first language is not English miss news sent by letter.", e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof demo_plan_answers / sizeof *demo_plan_answers; i++)
		if (plan_answer_set(d, plan, demo_plan_answers[i].key, demo_plan_answers[i].sub,
				    demo_plan_answers[i].text, e) < 0)
			return -1;
	for (size_t i = 0; i < sizeof demo_plan_aspects / sizeof *demo_plan_aspects; i++)
		if (plan_aspect_set(d, plan, demo_plan_aspects[i].key, demo_plan_aspects[i].text, e) < 0)
			return -1;
	return plan_area_to_action(d, plan, "3i",
				   "Ask families how they want to get news, and send it that way",
				   "Office manager", demo_date(d, 40), action, e);
}

static int demo_review(domain *d, int64_t action, int64_t evidence, int64_t reading, err *e)
{
	action_review_input in = {
		.action_id = action, .reviewed_on = demo_date(d, -5),
		.what_happened = "Asked families at two coffee mornings how they want news. Twelve families chose text messages in their home language; the office now sends them.",
		.evidence = &evidence, .n_evidence = 1, .readings = &reading, .n_readings = 1,
		.next_review_on = demo_date(d, 30), .status = "in-progress"};
	int64_t id;
	return groups_parse("demo", "parents,practitioners", &in.groups, e) < 0 ||
	       action_review_add(d, &in, &id, e) < 0 ? -1 : 0;
}

static int demo_you_said(domain *d, int64_t org, int64_t action, err *e)
{
	you_said_row rows[] = {
		{.organisation_id = org,
		 .said = "We don't find out what happens after we fill in the survey.",
		 .did = "We put up a 'You said, we did' board in reception and update it after every survey.",
		 .said_on = demo_date(d, -120), .did_on = demo_date(d, -20), .published = true},
		{.organisation_id = org,
		 .said = "Letters home are hard to read if English is not your first language.",
		 .did = "", .said_on = demo_date(d, -15), .action_id = action},
	};
	const char *groups[] = {"parents", "parents"};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		int64_t id;
		if (groups_parse("demo", groups[i], &rows[i].groups, e) < 0 ||
		    you_said_add(d, &rows[i], &id, e) < 0)
			return -1;
	}
	return 0;
}

static int demo_plan_do_review(domain *d, int64_t org, int64_t eval, const int64_t *evidence,
			       err *e)
{
	int64_t measure[N_DEMO_MEASURES], reading[N_DEMO_MEASURES], action;
	return demo_measures_add(d, org, measure, reading, e) < 0 ||
	       demo_plan(d, org, eval, &action, e) < 0 ||
	       demo_review(d, action, evidence[EV_COFFEE], reading[1], e) < 0 ||
	       demo_you_said(d, org, action, e) < 0 ? -1 : 0;
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
	       demo_audit(d, *org_id, project, evidence, e) < 0 ||
	       demo_plan_do_review(d, *org_id, eval, evidence, e) < 0 ? -1 : 0;
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
