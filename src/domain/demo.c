/* demo.c: a fictional primary school part-way through its Four
 * Cornerstones self-evaluation, for first-time users to explore. Built
 * through the same domain calls a user's commands make. The school, people
 * and events are invented; the instrument text is the real one. Dates are
 * counted from today, so the demo looks the same whenever it is loaded. */
#include "domain/domain.h"

#include <stddef.h>
#include <stdio.h>

#include "core/text.h"

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

static int demo_write(domain *d, int64_t *org_id, err *e)
{
	org_row o = {.name = "Riverside Primary School (demo)", .type = "Community school",
		     .sector = "education", .area = "Demo Borough", .opened_on = "1998-09-01"};
	int64_t eval, id;
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
		    evidence_add(d, &ev, &id, e) < 0 ||
		    evidence_link(d, id, eval, de->links, n, false, &changed, e) < 0)
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
	return 0;
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
