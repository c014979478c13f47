/* demo.c: a fictional primary school part-way through its Four
 * Cornerstones self-evaluation, for first-time users to explore. Built
 * through the same domain calls a user's commands make. The school, people
 * and events are invented; the instrument text is the real one. */
#include "domain/domain.h"

#include <stddef.h>

static const struct demo_evidence {
	const char *title, *description, *date, *groups;
	const char *links[4];
} demo_evidence[] = {
	{"Morning welcome at the gate",
	 "A member of the senior leadership team greets families at the gate every morning; parent carers' comments from the autumn survey mention it.",
	 "2026-09-08", "parents,practitioners", {"1i.a", "1i.e", "3ii.a", NULL}},
	{"Transition visits for new Reception children",
	 "Home visits and two stay-and-play sessions before starting; plans adjusted after feedback from last year's families.",
	 "2026-07-10", "cyp,parents,practitioners", {"1i.c", "1i.f", "2i.a", NULL}},
	{"Sensory room and quiet spaces audit",
	 "Pupils on the school council walked the building with the SENCO and chose where quiet spaces were needed.",
	 "2026-10-02", "cyp,practitioners", {"1i.i", "2v.a", "4i.b", NULL}},
	{"Emotional literacy (ELSA) training for two teaching assistants",
	 "Two teaching assistants completed ELSA training; sessions now run weekly.",
	 "2026-06-20", "practitioners", {"1ii.a", "1ii.g", "2iii.a", NULL}},
	{"Parent carer coffee mornings",
	 "Monthly coffee mornings run with the local Parent Carer Forum; attendance register and topics chosen by parents.",
	 "2026-10-15", "parents,practitioners", {"1iii.a", "1iii.b", "1iii.e", NULL}},
	{"'You said, we did' board",
	 "A board in reception shows what families asked for and what changed, updated after each survey.",
	 "2026-11-03", "cyp,parents,practitioners", {"1iv.c", "3iv.a", "4ii.a", NULL}},
	{"Pupil voice survey, autumn term",
	 "Symbol-supported survey of 180 pupils; results discussed with the school council.",
	 "2026-10-20", "cyp,practitioners", {"1iv.b", "3i.a", NULL}},
	{"SEND information report co-written with parents",
	 "Three parent carers reviewed the draft report; their changes to wording are tracked in the minutes.",
	 "2026-09-25", "parents,practitioners", {"2vii.a", "3vi.a", "4iv.a", NULL}},
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

static int demo_write(domain *d, int64_t *org_id, err *e)
{
	org_row o = {.name = "Riverside Primary School (demo)", .type = "Community school",
		     .sector = "education", .area = "Demo Borough", .opened_on = "1998-09-01"};
	int64_t eval, id;
	size_t changed;
	if (org_add(d, &o, org_id, e) < 0 ||
	    evaluation_start(d, *org_id, "four-cornerstones", "2026-27", &eval, e) < 0)
		return -1;
	char *own_key;
	if (own_indicator_add(d, eval, "3ii",
			      "A named member of staff phones families of new starters within the first two weeks",
			      &own_key, e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof demo_evidence / sizeof *demo_evidence; i++) {
		const struct demo_evidence *de = &demo_evidence[i];
		evidence_row ev = {.organisation_id = *org_id, .title = de->title,
				   .description = de->description, .date = de->date};
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
		 .owner = "SENCO", .due_on = "2026-10-31", .review_on = "2026-12-05",
		 .source_evaluation_id = eval, .source_element_key = "1i"},
		{.organisation_id = *org_id, .title = "Active listening training for all practitioners",
		 .owner = "Deputy head", .due_on = "2027-02-14", .status = "in-progress",
		 .source_evaluation_id = eval, .source_element_key = "1iv"},
		{.organisation_id = *org_id, .title = "Invite the school council to review the behaviour policy",
		 .owner = "Head teacher", .due_on = "2027-03-20", .source_evaluation_id = eval,
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
