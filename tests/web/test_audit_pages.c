/* test_audit_pages.c: the joint partnership audit through the web, as each
 * role: a lead starts it, a contributor fills in the principles and the
 * summary, the lead submits it, the area returns it with a comment, the
 * lead starts a new version and submits again, the area accepts it; and
 * the area's queue and audit settings. Refusals leave the database as it
 * was. */
#include "webtest.h"

#include "domain/audit.h"
#include "store/account.h"
#include "store/sql.h"

/* A POST that must redirect; answers the audit id in the new location. */
static int64_t post_to_audit(webfix *w, int who, const char *p, const char *const *fields)
{
	request *r = web_run(w, who, "POST", p, fields);
	if (r->status != 303)
		fail_msg("POST %s as %s: %d, expected 303\n%.3000s", p, as_names[who], r->status,
			 web_body(r));
	long long org = 0, id = 0;
	assert_non_null(r->location);
	assert_int_equal(sscanf(r->location, "/org/%lld/audit/%lld", &org, &id), 2);
	assert_int_equal(org, w->org);
	request_destroy(r);
	return id;
}

/* Rows of every audit table and the actions: a refused request changes
 * none of them. */
static int64_t audit_rows(webfix *w)
{
	return fixture_count(&w->f,
		"SELECT (SELECT COUNT(*) FROM audit) + (SELECT COUNT(*) FROM audit_person)"
		" + (SELECT COUNT(*) FROM audit_principle) + (SELECT COUNT(*) FROM audit_evidence)"
		" + (SELECT COUNT(*) FROM audit_event) + (SELECT COUNT(*) FROM area_setting)"
		" + (SELECT COUNT(*) FROM action_item)");
}

/* Everything about one audit that a refused change must leave alone. */
static const char *audit_state(webfix *w, int64_t id)
{
	audit_view v;
	assert_int_equal(audit_view_load(&w->f.d, id, &v, &w->f.e), 0);
	const char *s = arena_printf(&w->f.mem, "%s|%s|%s|%s|%s|%zu|%zu", v.audit.status,
				     v.audit.service_area ? v.audit.service_area : "",
				     v.audit.audit_date ? v.audit.audit_date : "",
				     v.audit.outcome ? v.audit.outcome : "",
				     v.audit.summary ? v.audit.summary : "", v.n_people, v.n_events);
	for (size_t i = 0; i < v.n_principles; i++)
		s = arena_printf(&w->f.mem, "%s|%s:%d:%s:%zu", s,
				 v.principles[i].row.level ? v.principles[i].row.level : "-",
				 v.principles[i].row.score, v.principles[i].row.notes,
				 v.principles[i].n_evidence);
	return s;
}

static audit_row get_audit(webfix *w, int64_t id)
{
	audit_row a;
	assert_int_equal(audit_get(&w->f.d, id, &a, &w->f.e), 0);
	return a;
}

static int64_t add_evidence(webfix *w, int64_t org, const char *title)
{
	evidence_row ev = {.organisation_id = org, .title = title, .description = "",
			   .date = "2026-09-20", .groups = GROUP_PARENTS};
	int64_t id;
	assert_int_equal(evidence_add(&w->f.d, &ev, &id, &w->f.e), 0);
	return id;
}

/* ---- starting ----------------------------------------------------------- */

static void start_an_audit(void **state)
{
	webfix *w = *state;
	const char *list = web_path(w, "/org/%lld/audits", (long long)w->org);
	const char *body = web_expect_body(w, AS_LEAD, "GET", list, NULL, 200);
	body_has(body, "There are no audits yet");
	body_has(body, "Start an audit");
	body = web_expect_body(w, AS_VIEWER, "GET", list, NULL, 200);
	body_lacks(body, "Start an audit");

	body = web_expect_body(w, AS_LEAD, "GET", web_path(w, "/org/%lld/audits/new", (long long)w->org), NULL, 200);
	body_has(body, ">Service area</label>");
	body_has(body, ">Date of audit</legend>");
	web_expect_body(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/audits/new", (long long)w->org), NULL, 403);

	/* Refused: no service area, a date that does not exist. */
	int64_t before = audit_rows(w);
	const char *bad[] = {"service_area", "  ", WEB_DATE("audit_date", "30", "2", "2026"), NULL};
	body = web_expect_body(w, AS_LEAD, "POST", list, bad, 400);
	body_has(body, "There is a problem");
	body_has(body, "href=\"#service_area\">Enter the service area this audit is about");
	body_has(body, "href=\"#audit_date-day\">The date of audit must be a real date");
	/* What was typed comes back. */
	body_has(body, "id=\"audit_date-day\" name=\"audit_date-day\" type=\"text\" inputmode=\"numeric\" value=\"30\"");
	assert_int_equal(audit_rows(w), before);

	/* Refused: another organisation's project. */
	const char *other_project[] = {"service_area", "Short breaks", "project", "999", NULL};
	body = web_expect_body(w, AS_LEAD, "POST", list, other_project, 400);
	body_has(body, "Choose a project from the list");
	assert_int_equal(audit_rows(w), before);

	const char *good[] = {"service_area", "Short breaks", "description", "Planning the new offer",
			      WEB_DATE("audit_date", "1", "10", "2026"), NULL};
	int64_t id = post_to_audit(w, AS_LEAD, list, good);
	audit_row a = get_audit(w, id);
	assert_string_equal(a.status, "draft");
	assert_string_equal(a.service_area, "Short breaks");
	assert_string_equal(a.audit_date, "2026-10-01");
	assert_int_equal(a.organisation_id, w->org);

	body = web_expect_body(w, AS_VIEWER, "GET", list, NULL, 200);
	body_has(body, "Short breaks");
	body_has(body, ">Draft<");
	body_has(body, web_path(w, "href=\"/org/%lld/audit/%lld\"", (long long)w->org, (long long)id));
}

/* ---- the whole flow ------------------------------------------------------ */

static int64_t start(webfix *w)
{
	const char *good[] = {"service_area", "Short breaks", "description", "Planning the new offer",
			      NULL};
	return post_to_audit(w, AS_LEAD, web_path(w, "/org/%lld/audits", (long long)w->org), good);
}

static const char *principle_path(webfix *w, int64_t id, int key)
{
	return web_path(w, "/org/%lld/audit/%lld/principle/%d", (long long)w->org, (long long)id, key);
}

static void contributor_fills_in_principles(void **state)
{
	webfix *w = *state;
	int64_t id = start(w);
	int64_t ev = add_evidence(w, w->org, "Parent forum notes");
	int64_t theirs = add_evidence(w, w->other_org, "Neighbour's survey");

	const char *body = web_expect_body(w, AS_CONTRIBUTOR, "GET", principle_path(w, id, 1), NULL, 200);
	/* The principle, a commitment and the indicator, from the instrument. */
	body_has(body, "We value the importance of children, young people and their parents/carers");
	body_has(body, "We support children, young people and families to identify their strengths");
	body_has(body, "Joint partnership Indicator");
	body_has(body, "Services value children, young people, parents and carers as key stakeholders");
	/* copro's easy read, folded away and labelled as copro's wording. */
	body_has(body, "<span class=\"govuk-details__summary-text\">Easy read (copro's wording)</span>"
		       "</summary><div class=\"govuk-details__text\"><p class=\"govuk-body\">You and your family "
		       "matter most");
	body_has(body, "not the source's text");
	/* Each level's descriptor is beside its choice, as the choice's hint. */
	body_has(body, ">Room for Improvement</label><div id=\"level-item-hint\" class=\"govuk-hint govuk-radios__hint\">"
		       "Children, young people, parents and carers are invited to be involved");
	body_has(body, ">Good</label><div id=\"level-2-item-hint\" class=\"govuk-hint govuk-radios__hint\">"
		       "It is a general consensus");
	body_has(body, ">Excellent</label><div id=\"level-3-item-hint\" class=\"govuk-hint govuk-radios__hint\">"
		       "Children, young people, parents and carers are valued as equal partners");
	/* The scale is the area's local one, said so. */
	body_has(body, "a whole number from 1 to 3");
	body_has(body, "gives no scale");
	body_has(body, "Parent forum notes");
	body_lacks(body, "Neighbour&#39;s survey");
	body_lacks(body, "Neighbour's survey");
	/* Nothing is chosen for the person. */
	body_lacks(body, " checked");

	/* Gaps in the source are marked. */
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", principle_path(w, id, 6), NULL, 200);
	/* A short plain sentence, the editor's detail folded under it. */
	body_has(body, "Part of the source text is missing here.</p><details class=\"govuk-details");
	body_has(body, "<div class=\"govuk-details__text\">This principle&#39;s joint partnership indicator was lost");
	body_lacks(body, "GAP IN SOURCE");
	body_has(body, "<p class=\"govuk-body\">You do not just use our services.");
	web_expect_body(w, AS_CONTRIBUTOR, "GET", principle_path(w, id, 7), NULL, 404);

	/* Refused: an unknown level, a score off the scale, another
	 * organisation's evidence. Nothing changes. */
	const char *saved = audit_state(w, id);
	int64_t before = audit_rows(w);
	const char *bad_level[] = {"level", "brilliant", "score", "2", NULL};
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", principle_path(w, id, 1), bad_level, 400);
	body_has(body, "href=\"#level\">Choose a level from the list");
	const char *bad_score[] = {"level", "good", "score", "4", NULL};
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", principle_path(w, id, 1), bad_score, 400);
	body_has(body, "href=\"#score\">The score must be a whole number from 1 to 3, or left empty");
	/* The choice made is kept on the refused form. */
	body_has(body, "value=\"good\" checked");
	const char *their_ev = web_path(w, "%lld", (long long)theirs);
	const char *bad_ev[] = {"level", "good", "evidence-shown", "1", "evidence", their_ev, NULL};
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", principle_path(w, id, 1), bad_ev, 400);
	body_has(body, "href=\"#evidence\">Choose evidence from the list");
	assert_string_equal(audit_state(w, id), saved);
	assert_int_equal(audit_rows(w), before);
	/* Viewers cannot record a judgement. */
	const char *good1[] = {"level", "good", "score", "2", "notes", "Forum every term",
			       "evidence-shown", "1", "evidence", web_path(w, "%lld", (long long)ev), NULL};
	web_expect_body(w, AS_VIEWER, "POST", principle_path(w, id, 1), good1, 403);
	assert_string_equal(audit_state(w, id), saved);

	request *r = web_run(w, AS_CONTRIBUTOR, "POST", principle_path(w, id, 1), good1);
	assert_int_equal(r->status, 303);
	assert_non_null(strstr(r->location, "#principle-1"));
	request_destroy(r);
	audit_view v;
	assert_int_equal(audit_view_load(&w->f.d, id, &v, &w->f.e), 0);
	assert_string_equal(v.principles[0].row.level, "good");
	assert_int_equal(v.principles[0].row.score, 2);
	assert_string_equal(v.principles[0].row.notes, "Forum every term");
	assert_int_equal(v.principles[0].n_evidence, 1);
	assert_int_equal(v.principles[0].evidence[0].evidence_id, ev);

	/* The saved choice is shown checked; the page shows it. */
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", principle_path(w, id, 1), NULL, 200);
	body_has(body, "value=\"good\" checked");
	body = web_expect_body(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/audit/%lld", (long long)w->org, (long long)id),
			       NULL, 200);
	/* The audit: a row per principle, linking to its page. */
	body_has(body, "<td class=\"govuk-table__cell\">Good</td><td class=\"govuk-table__cell\">2</td>"
		       "<td class=\"govuk-table__cell\">Written</td><td class=\"govuk-table__cell\">1 linked</td>");
	body_has(body, "scale of 1 to 3");
	body_has(body, web_path(w, "href=\"/org/%lld/audit/%lld/principle/1\">Principle 1: ", (long long)w->org,
				(long long)id));
	/* A viewer sees no way to change it. */
	body_lacks(body, "Change the audit details");
	body_lacks(body, "Submit to the area</button>");
	body_lacks(body, "the judgement for principle");
	/* The principle's page has the rest. */
	body = web_expect_body(w, AS_VIEWER, "GET", principle_path(w, id, 1), NULL, 200);
	body_has(body, "<strong class=\"govuk-tag govuk-tag--green\">Chosen</strong> It is a general consensus");
	body_has(body, "Forum every term");
	body_has(body, web_path(w, "href=\"/org/%lld/evidence/%lld\">Parent forum notes", (long long)w->org,
				(long long)ev));
	body_has(body, "2 (on this area's scale of 1 to 3)");
	body_lacks(body, "can no longer change");      /* a draft: only this reader cannot */

	/* Unticking every box unlinks the evidence. */
	const char *unlink[] = {"level", "good", "evidence-shown", "1", NULL};
	web_expect_body(w, AS_CONTRIBUTOR, "POST", principle_path(w, id, 1), unlink, 303);
	assert_int_equal(audit_view_load(&w->f.d, id, &v, &w->f.e), 0);
	assert_int_equal(v.principles[0].n_evidence, 0);
	assert_int_equal(v.principles[0].row.score, 2);
}

/* Levels for all six principles, through the pages. */
static void fill_principles(webfix *w, int64_t id, const char *level)
{
	const char *fields[] = {"level", level, "score", "2", NULL};
	for (int k = 1; k <= 6; k++)
		web_expect_body(w, AS_CONTRIBUTOR, "POST", principle_path(w, id, k), fields, 303);
}

static const char *edit_path(webfix *w, int64_t id)
{
	return web_path(w, "/org/%lld/audit/%lld/edit", (long long)w->org, (long long)id);
}

static void fill_summary(webfix *w, int64_t id)
{
	const char *fields[] = {
		"service_area", "Short breaks", WEB_DATE("audit_date", "1", "10", "2026"),
		"person-1-name", "Sam Patel", "person-1-designation", "SENCO",
		"person-2-name", "", "person-2-designation", "",
		"summary", "Families shaped the offer.",
		"next_steps", "- Run a parent forum\n- Train staff in joint working\n",
		WEB_DATE("review_on", "1", "10", "2027"), "outcome", "good", "signed_by", "Sam Patel",
		WEB_DATE("signed_on", "2", "10", "2026"), NULL};
	web_expect_body(w, AS_CONTRIBUTOR, "POST", edit_path(w, id), fields, 303);
}

static void edit_header_and_summary(void **state)
{
	webfix *w = *state;
	int64_t id = start(w);
	const char *body = web_expect_body(w, AS_CONTRIBUTOR, "GET", edit_path(w, id), NULL, 200);
	/* Field titles from the instrument. */
	body_has(body, ">Next steps/action plan</label>");
	body_has(body, ">Review Date</legend>");
	body_has(body, ">Name and Signature</label>");
	body_has(body, ">Person/s completing the audit<");
	body_has(body, ">Requires Improvement</label>");
	body_has(body, ">Outstanding</label>");
	/* No suggestion yet, and no outcome chosen for them. */
	body_has(body, "There is no suggestion until every principle has a level");
	body_lacks(body, " checked");
	web_expect_body(w, AS_VIEWER, "GET", edit_path(w, id), NULL, 403);

	fill_principles(w, id, "good");
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", edit_path(w, id), NULL, 200);
	body_has(body, "Suggested from the principles&#39; levels: Good");
	body_has(body, "local rule");
	body_lacks(body, " checked");

	/* Refused: a designation without a name, a bad review date, an
	 * outcome other than the suggestion without a reason. */
	const char *saved = audit_state(w, id);
	int64_t before = audit_rows(w);
	const char *bad[] = {"person-1-name", "", "person-1-designation", "SENCO",
			     WEB_DATE("review_on", "1", "next", "year"), "outcome", "outstanding", "outcome_reason", "",
			     "summary", "Changed?", NULL};
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", edit_path(w, id), bad, 400);
	body_has(body, "href=\"#person-1-name\">Enter the name of person 1, or clear their designation");
	body_has(body, "href=\"#review_on-month\">The review date must be a real date");
	body_has(body, "href=\"#outcome_reason\">Give your reason for choosing an outcome other than the suggested one (Good)");
	body_has(body, "value=\"outstanding\" checked");
	assert_string_equal(audit_state(w, id), saved);
	assert_int_equal(audit_rows(w), before);
	/* A problem on a later row stays by that row; what is saved stays shown. */
	const char *row3[] = {"person-1-name", "Sam Patel", "person-3-designation", "Parent carer",
			      NULL};
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", edit_path(w, id), row3, 400);
	body_has(body, "href=\"#person-3-name\">Enter the name of person 3");
	body_has(body, "id=\"person-3-name-error\"");
	body_has(body, "name=\"person-3-designation\" type=\"text\" value=\"Parent carer\"");
	body_has(body, "name=\"service_area\" type=\"text\" value=\"Short breaks\"");
	assert_string_equal(audit_state(w, id), saved);
	const char *unknown[] = {"outcome", "superb", NULL};
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", edit_path(w, id), unknown, 400);
	body_has(body, "href=\"#outcome\">Choose an outcome from the list");
	assert_string_equal(audit_state(w, id), saved);

	/* A different outcome with a reason is accepted, and shown so. */
	const char *override[] = {"outcome", "outstanding", "outcome_reason", "Families led every stage",
				  NULL};
	web_expect_body(w, AS_CONTRIBUTOR, "POST", edit_path(w, id), override, 303);
	audit_row a = get_audit(w, id);
	assert_string_equal(a.outcome, "outstanding");
	assert_string_equal(a.outcome_reason, "Families led every stage");
	body = web_expect_body(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/audit/%lld", (long long)w->org, (long long)id),
			       NULL, 200);
	body_has(body, "Families led every stage");
	body_has(body, "Reason for a different outcome than suggested");

	fill_summary(w, id);
	a = get_audit(w, id);
	assert_string_equal(a.outcome, "good");
	assert_string_equal(a.review_on, "2027-10-01");
	assert_string_equal(a.signed_by, "Sam Patel");
	audit_view v;
	assert_int_equal(audit_view_load(&w->f.d, id, &v, &w->f.e), 0);
	assert_int_equal(v.n_people, 1);
	assert_string_equal(v.people[0].name, "Sam Patel");
	assert_string_equal(v.people[0].designation, "SENCO");
	assert_null(v.missing);
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", edit_path(w, id), NULL, 200);
	body_has(body, "value=\"good\" checked");
	body_has(body, "value=\"Sam Patel\"");
}

static void the_whole_flow(void **state)
{
	webfix *w = *state;
	int64_t id = start(w);
	const char *view = web_path(w, "/org/%lld/audit/%lld", (long long)w->org, (long long)id);
	const char *submit = web_path(w, "%s/submit", view), *ret = web_path(w, "%s/return", view);
	const char *accept = web_path(w, "%s/accept", view), *revise = web_path(w, "%s/revise", view);

	/* Submitting too early says what is missing; nothing changes. */
	const char *body = web_expect_body(w, AS_LEAD, "GET", view, NULL, 200);
	body_has(body, "Before it can be submitted:");
	body_has(body, "principles 1, 2, 3, 4, 5, 6 have no level");
	int64_t before = audit_rows(w);
	body = web_expect_body(w, AS_LEAD, "POST", submit, NULL, 400);
	body_has(body, "There is a problem");
	body_has(body, "cannot be submitted yet");
	assert_int_equal(audit_rows(w), before);
	assert_string_equal(get_audit(w, id).status, "draft");

	fill_principles(w, id, "good");
	fill_summary(w, id);
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", view, NULL, 200);
	/* The suggestion is named as this area's local rule. */
	body_has(body, "The suggested outcome comes from a local rule, not from York's framework");
	body_has(body, "the &ldquo;lowest level&rdquo; rule");
	body_has(body, "Good <span class=\"govuk-hint\">(by this area's local rule");
	body_has(body, "Sam Patel, SENCO");
	body_has(body, "Run a parent forum");
	body_has(body, "1 October 2027");
	/* Contributors fill in, leads submit. */
	body_has(body, "Change the audit details");
	body_lacks(body, "Submit to the area</button>");
	web_expect_body(w, AS_CONTRIBUTOR, "POST", submit, NULL, 403);
	body = web_expect_body(w, AS_LEAD, "GET", view, NULL, 200);
	body_has(body, "Submit to the area</button>");
	body_lacks(body, "Return to the organisation");

	web_expect_body(w, AS_LEAD, "POST", submit, NULL, 303);
	assert_string_equal(get_audit(w, id).status, "submitted");

	/* A submitted audit no longer changes: 409 with the reason. */
	const char *saved = audit_state(w, id);
	const char *change[] = {"summary", "Sneaky change", NULL};
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", edit_path(w, id), change, 409);
	body_has(body, "is submitted, so it cannot be changed");
	web_expect_body(w, AS_CONTRIBUTOR, "GET", edit_path(w, id), NULL, 409);
	const char *level[] = {"level", "excellent", NULL};
	web_expect_body(w, AS_CONTRIBUTOR, "POST", principle_path(w, id, 1), level, 409);
	body = web_expect_body(w, AS_LEAD, "POST", submit, NULL, 409);
	body_has(body, "Only a draft can be submitted");
	web_expect_body(w, AS_LEAD, "POST", revise, NULL, 409);
	assert_string_equal(audit_state(w, id), saved);

	/* Read-only for everyone in the organisation. */
	body = web_expect_body(w, AS_VIEWER, "GET", view, NULL, 200);
	body_has(body, ">Submitted<");
	body_lacks(body, "Change the audit details");
	body_lacks(body, "<form method=\"post\" action=\"/org/");
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", principle_path(w, id, 1), NULL, 200);
	body_has(body, "so it can no longer change here");
	body_lacks(body, "type=\"radio\"");

	/* Only the area decides. */
	const char *comment[] = {"return_comment", "Please add evidence from children for principle 4",
				 NULL};
	web_expect_body(w, AS_LEAD, "POST", ret, comment, 403);
	web_expect_body(w, AS_LEAD, "POST", accept, NULL, 403);
	web_expect_body(w, AS_OTHER_AREA, "POST", ret, comment, 404);
	body = web_expect_body(w, AS_AREA, "GET", view, NULL, 200);
	body_has(body, web_path(w, "href=\"%s\">Return to the organisation</a>", ret));
	body_has(body, ">Accept</button>");
	/* The return is a page of its own: a comment on the whole and on each
	 * principle, beside the level given. */
	web_expect_body(w, AS_LEAD, "GET", ret, NULL, 403);
	body = web_expect_body(w, AS_AREA, "GET", ret, NULL, 200);
	body_has(body, "<h1 class=\"govuk-heading-l\">Return the audit to the organisation</h1>");
	body_has(body, "name=\"principle-6\"");
	body_has(body, "The level given: ");

	/* Returning needs a comment, on the whole or on a principle; too long
	 * a comment on a principle is refused at that principle. */
	before = audit_rows(w);
	const char *empty[] = {"return_comment", "   ", "principle-2", " ", NULL};
	body = web_expect_body(w, AS_AREA, "POST", ret, empty, 400);
	body_has(body, "<title>Error: Return the audit");
	body_has(body, "href=\"#return_comment\">Say why the audit is returned: a comment is required");
	body_has(body, "id=\"return_comment-error\"");
	char *long_text = arena_alloc(&w->f.mem, 20002);
	memset(long_text, 'x', 20001);
	long_text[20001] = '\0';
	const char *too_long[] = {"return_comment", "Fine", "principle-2", long_text, NULL};
	body = web_expect_body(w, AS_AREA, "POST", ret, too_long, 400);
	body_has(body, "href=\"#principle-2\">The comment on principle 2");
	assert_int_equal(audit_rows(w), before);
	assert_string_equal(get_audit(w, id).status, "submitted");

	const char *with_principle[] = {"return_comment", "Please add evidence from children for principle 4",
					"principle-4", "Who are the children you asked?", NULL};
	web_expect_body(w, AS_AREA, "POST", ret, with_principle, 303);
	web_expect_body(w, AS_AREA, "GET", ret, NULL, 409);             /* returned already */
	body = web_expect_body(w, AS_VIEWER, "GET", principle_path(w, id, 4), NULL, 200);
	body_has(body, "The area's comment when it returned version 1</h3><p class=\"govuk-body\">"
		       "Who are the children you asked?");
	body_lacks(web_expect_body(w, AS_VIEWER, "GET", principle_path(w, id, 3), NULL, 200), "comment when it returned");
	assert_string_equal(get_audit(w, id).status, "returned");
	body = web_expect_body(w, AS_LEAD, "GET", view, NULL, 200);
	body_has(body, "govuk-notification-banner");
	body_has(body, "The area returned this audit with a comment:</p><p class=\"govuk-body\">"
		       "Please add evidence from children for principle 4");
	body_has(body, "Start a new version</button>");
	/* The banner that asks for a new version carries its button, once. */
	const char *banner = strstr(body, "id=\"returned-title\"");
	assert_non_null(banner);
	const char *button = strstr(banner, "Start a new version</button>");
	assert_non_null(button);
	assert_true(strstr(banner, "</div></div>") > button);
	assert_null(strstr(button + 1, "Start a new version</button>"));
	body_has(body, "Returned to the organisation");
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", view, NULL, 200);
	body_lacks(body, "Start a new version</button>");
	web_expect_body(w, AS_CONTRIBUTOR, "POST", revise, NULL, 403);
	web_expect_body(w, AS_AREA, "POST", accept, NULL, 409);

	/* A new version: a draft copy; the returned one stays as it was. */
	const char *returned = audit_state(w, id);
	int64_t v2 = post_to_audit(w, AS_LEAD, revise, NULL);
	assert_true(v2 != id);
	audit_row a2 = get_audit(w, v2);
	assert_int_equal(a2.version, 2);
	assert_int_equal(a2.first_id, id);
	assert_string_equal(a2.status, "draft");
	assert_string_equal(audit_state(w, id), returned);
	/* The new version shows the area's comment on the principle, from
	 * version 1, while it is worked on; it holds none of its own. */
	body_has(web_expect_body(w, AS_CONTRIBUTOR, "GET", principle_path(w, v2, 4), NULL, 200),
		 "The area's comment when it returned version 1");
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM audit_principle WHERE audit_id = %lld AND area_comment <> ''",
		 (long long)v2);
	assert_int_equal(fixture_count(&w->f, sql), 0);
	web_expect_body(w, AS_LEAD, "POST", revise, NULL, 409);
	body = web_expect_body(w, AS_VIEWER, "GET", view, NULL, 200);
	body_has(body, "This is an earlier version");
	body_has(body, web_path(w, "href=\"/org/%lld/audit/%lld\">Version 2</a>", (long long)w->org,
				(long long)v2));
	const char *view2 = web_path(w, "/org/%lld/audit/%lld", (long long)w->org, (long long)v2);
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", view2, NULL, 200);
	body_has(body, web_path(w, "href=\"/org/%lld/audit/%lld\">Version 1</a>", (long long)w->org,
				(long long)id));
	body_has(body, "Sam Patel, SENCO");

	/* Changed, submitted again, accepted. */
	const char *more[] = {"summary", "Families shaped the offer; children too.", NULL};
	web_expect_body(w, AS_CONTRIBUTOR, "POST", edit_path(w, v2), more, 303);
	assert_string_equal(get_audit(w, id).summary, "Families shaped the offer.");
	web_expect_body(w, AS_LEAD, "POST", web_path(w, "%s/submit", view2), NULL, 303);
	const char *ok[] = {"accept_comment", "Thank you", NULL};
	web_expect_body(w, AS_AREA, "POST", web_path(w, "%s/accept", view2), ok, 303);
	assert_string_equal(get_audit(w, v2).status, "accepted");
	body = web_expect_body(w, AS_VIEWER, "GET", view2, NULL, 200);
	body_has(body, ">Accepted<");
	body_has(body, "Accepted by the area");
	body_has(body, "Thank you");
	web_expect_body(w, AS_AREA, "POST", web_path(w, "%s/return", view2), comment, 409);

	/* Actions from the next steps, linked back to the audit. */
	web_expect_body(w, AS_VIEWER, "POST", web_path(w, "%s/actions", view2), NULL, 403);
	web_expect_body(w, AS_CONTRIBUTOR, "POST", web_path(w, "%s/actions", view2), NULL, 303);
	action_list acts;
	assert_int_equal(store_action_list(&w->f.db, &w->f.mem, w->org, &acts, &w->f.e), 0);
	assert_int_equal(acts.n, 2);
	for (size_t i = 0; i < acts.n; i++)
		assert_int_equal(acts.items[i].source_audit_id, v2);
	body = web_expect_body(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/actions", (long long)w->org), NULL, 200);
	body_has(body, web_path(w, "href=\"/org/%lld/audit/%lld\">Audit %lld (its next steps)</a>", (long long)w->org,
				(long long)v2, (long long)v2));
	body_has(body, "Run a parent forum");
	body = web_expect_body(w, AS_VIEWER, "GET", view2, NULL, 200);
	body_has(body, "<li>Train staff in joint working</li>");
	/* Again: nothing new to raise, said on the page. */
	before = audit_rows(w);
	body = web_expect_body(w, AS_CONTRIBUTOR, "POST", web_path(w, "%s/actions", view2), NULL, 400);
	body_has(body, "Every line of the next steps already has an action");
	assert_int_equal(audit_rows(w), before);
}

/* A project of organisation `org` with its first two steps done, written
 * straight into the tables so that this test does not depend on the
 * project pages. */
static int64_t add_project(webfix *w, int64_t org, const char *title)
{
	fixture *f = &w->f;
	const framework *fw = fw_registry_find(&f->frameworks, "york-strategic-model");
	assert_non_null(fw);
	assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
	int64_t id = test_write(&f->db,
		"INSERT INTO project (organisation_id, framework_id, framework_hash, title, service_area,"
		" description, starts_on, created_at, updated_at)"
		" VALUES (?, 'york-strategic-model', ?, ?, 'Short breaks', '', '2026-09-01',"
		" '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')",
		SQL_ARGS(sql_int(org), sql_text(fw->hash), sql_text(title)));
	char sql[300];
	snprintf(sql, sizeof sql,
		 "INSERT INTO project_step VALUES (%lld, '1', 1, '2026-09-02', '', '2026-09-02T00:00:00Z');"
		 "INSERT INTO project_step VALUES (%lld, '2', 1, '2026-09-03', '', '2026-09-03T00:00:00Z');",
		 (long long)id, (long long)id);
	test_exec(&f->db, sql);
	return id;
}

static void project_as_supporting_evidence(void **state)
{
	webfix *w = *state;
	int64_t ours = add_project(w, w->org, "New short breaks offer");
	int64_t theirs = add_project(w, w->other_org, "Neighbour's project");
	const char *list = web_path(w, "/org/%lld/audits", (long long)w->org);
	const char *body = web_expect_body(w, AS_LEAD, "GET", web_path(w, "%s/new", list), NULL, 200);
	body_has(body, web_path(w, "<option value=\"%lld\">New short breaks offer</option>", (long long)ours));
	body_lacks(body, "Neighbour");

	int64_t before = audit_rows(w);
	const char *wrong[] = {"service_area", "Short breaks", "project", web_path(w, "%lld", (long long)theirs),
			       NULL};
	body = web_expect_body(w, AS_LEAD, "POST", list, wrong, 400);
	body_has(body, "href=\"#project\">Choose a project from the list, or no project");
	assert_int_equal(audit_rows(w), before);

	const char *good[] = {"service_area", "Short breaks", "project", web_path(w, "%lld", (long long)ours),
			      NULL};
	int64_t id = post_to_audit(w, AS_LEAD, list, good);
	assert_int_equal(get_audit(w, id).project_id, ours);
	body = web_expect_body(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/audit/%lld", (long long)w->org, (long long)id),
			       NULL, 200);
	body_has(body, "Supporting evidence: the project");
	body_has(body, web_path(w, "href=\"/org/%lld/project/%lld\">New short breaks offer</a>. 2 of 12 of its steps are done.",
				(long long)w->org, (long long)ours));

	/* The edit form keeps the choice, and can unlink it. */
	body = web_expect_body(w, AS_CONTRIBUTOR, "GET", edit_path(w, id), NULL, 200);
	body_has(body, web_path(w, "<option value=\"%lld\" selected>", (long long)ours));
	const char *bad_edit[] = {"project", web_path(w, "%lld", (long long)theirs), NULL};
	web_expect_body(w, AS_CONTRIBUTOR, "POST", edit_path(w, id), bad_edit, 400);
	assert_int_equal(get_audit(w, id).project_id, ours);
	const char *none[] = {"project", "", NULL};
	web_expect_body(w, AS_CONTRIBUTOR, "POST", edit_path(w, id), none, 303);
	assert_int_equal(get_audit(w, id).project_id, 0);
}

/* ---- who sees what -------------------------------------------------------- */

static void other_organisations_get_not_found(void **state)
{
	webfix *w = *state;
	int64_t id = start(w);
	const char *view = web_path(w, "/org/%lld/audit/%lld", (long long)w->org, (long long)id);
	web_expect_body(w, AS_OTHER_LEAD, "GET", view, NULL, 404);
	web_expect_body(w, AS_OTHER_AREA, "GET", view, NULL, 404);
	web_expect_body(w, AS_OTHER_AREA, "GET", principle_path(w, id, 1), NULL, 404);
	/* Our audit under the other organisation's address does not exist,
	 * even for someone who may see both organisations. */
	const char *theirs = web_path(w, "/org/%lld/audit/%lld", (long long)w->other_org, (long long)id);
	web_expect_body(w, AS_OTHER_LEAD, "GET", theirs, NULL, 404);
	web_expect_body(w, AS_AREA, "GET", theirs, NULL, 404);
	const char *fields[] = {"summary", "Taken over", NULL};
	web_expect_body(w, AS_OTHER_LEAD, "POST", web_path(w, "%s/edit", theirs), fields, 404);
	web_expect_body(w, AS_OTHER_LEAD, "POST", web_path(w, "%s/submit", theirs), NULL, 404);
	web_expect_body(w, AS_AREA, "GET", web_path(w, "/org/%lld/audit/999999", (long long)w->org), NULL, 404);
	web_expect_body(w, AS_AREA, "GET", web_path(w, "/org/%lld/audit/x1", (long long)w->org), NULL, 404);
	assert_null(get_audit(w, id).summary ? strstr(get_audit(w, id).summary, "Taken over") : NULL);
	/* The area's administrator sees the audit of an organisation in the area. */
	const char *body = web_expect_body(w, AS_AREA, "GET", view, NULL, 200);
	body_has(body, "Our School");
}

/* ---- the area ------------------------------------------------------------- */

static int64_t submitted_audit(webfix *w, int64_t org)
{
	audit_actor lead = {.user_id = 0, .name = "Lead", .access = ACCESS_LEAD};
	audit_fields f = {.service_area = "Transport", .audit_date = "2026-09-15", .outcome = "good",
			  .signed_by = "A Lead"};
	int64_t id;
	assert_int_equal(audit_start(&w->f.d, org, 0, &f, &lead, &id, &w->f.e), 0);
	assert_int_equal(audit_person_add(&w->f.d, id, "A Lead", "Head", &w->f.e), 0);
	for (int k = 1; k <= 6; k++) {
		principle_change c = {.level = "good"};
		char key[2] = {(char)('0' + k), 0};
		assert_int_equal(audit_principle_set(&w->f.d, id, key, &c, &w->f.e), 0);
	}
	assert_int_equal(audit_set(&w->f.d, id, &f, &w->f.e), 0);
	assert_int_equal(audit_submit(&w->f.d, id, &lead, &w->f.e), 0);
	return id;
}

static void area_queue(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *queue = web_path(w, "/area/%lld/audits", (long long)area);
	const char *body = web_expect_body(w, AS_AREA, "GET", queue, NULL, 200);
	body_has(body, "Test Area");
	body_has(body, "No audits are waiting for a decision");
	body_has(body, "No audits have been returned or accepted yet");

	int64_t ours = submitted_audit(w, w->org);
	int64_t theirs = submitted_audit(w, w->other_org);
	int64_t far = submitted_audit(w, w->far_org);
	body = web_expect_body(w, AS_AREA, "GET", queue, NULL, 200);
	body_has(body, web_path(w, "href=\"/org/%lld/audit/%lld\">Our School", (long long)w->org, (long long)ours));
	body_has(body, web_path(w, "href=\"/org/%lld/audit/%lld\">Neighbour School", (long long)w->other_org,
				(long long)theirs));
	body_lacks(body, "Far School");
	body_lacks(body, web_path(w, "/audit/%lld\"", (long long)far));
	/* The navigation counts what waits: ours and the neighbour's. */
	body_has(body, "Audits to decide <strong class=\"govuk-tag govuk-tag--blue copro-nav-tag\">2</strong>");
	body_has(body, "Transport");

	const char *comment[] = {"return_comment", "Say who took part", NULL};
	web_expect_body(w, AS_AREA, "POST", web_path(w, "/org/%lld/audit/%lld/return", (long long)w->org, (long long)ours),
			comment, 303);
	body = web_expect_body(w, AS_AREA, "GET", queue, NULL, 200);
	body_has(body, "Recently decided");
	body_has(body, ">Returned<");

	/* Only the area's own administrators. */
	web_expect_body(w, AS_LEAD, "GET", queue, NULL, 404);
	web_expect_body(w, AS_OTHER_AREA, "GET", queue, NULL, 404);
	web_expect_body(w, AS_NOBODY, "GET", queue, NULL, 303);
}

static void area_settings(void **state)
{
	webfix *w = *state;
	int64_t area = fixture_org_area(&w->f, w->org);
	const char *settings = web_path(w, "/area/%lld/settings", (long long)area);
	const char *body = web_expect_body(w, AS_AREA, "GET", settings, NULL, 200);
	body_has(body, "Both are local choices");
	body_has(body, "Your area has not chosen yet, so copro's defaults apply: scores from 1 to 3");
	body_has(body, ">Lowest level</label>");
	body_has(body, ">Most common level</label>");
	body_has(body, "value=\"1\"");
	body_has(body, "value=\"3\"");
	/* The area has not chosen a rule: none is chosen for it. */
	body_lacks(body, " checked");
	web_expect_body(w, AS_LEAD, "GET", settings, NULL, 404);
	web_expect_body(w, AS_OTHER_AREA, "GET", settings, NULL, 404);

	int64_t before = audit_rows(w);
	const char *not_number[] = {"score_min", "one", "score_max", "3", "rule", "lowest-level", NULL};
	body = web_expect_body(w, AS_AREA, "POST", settings, not_number, 400);
	body_has(body, "There is a problem");
	body_has(body, "href=\"#score_min\">Enter the lowest score as a whole number");
	body_has(body, "value=\"one\"");
	const char *upside_down[] = {"score_min", "5", "score_max", "2", "rule", "lowest-level", NULL};
	body = web_expect_body(w, AS_AREA, "POST", settings, upside_down, 400);
	body_has(body, "href=\"#score_max\">The highest score must be more than the lowest score");
	const char *too_big[] = {"score_min", "1", "score_max", "101", "rule", "lowest-level", NULL};
	body = web_expect_body(w, AS_AREA, "POST", settings, too_big, 400);
	body_has(body, "href=\"#score_max\">The highest score must be 100 or less");
	const char *no_rule[] = {"score_min", "1", "score_max", "5", NULL};
	body = web_expect_body(w, AS_AREA, "POST", settings, no_rule, 400);
	body_has(body, "href=\"#rule\">Choose the rule for the suggested outcome");
	const char *bad_rule[] = {"score_min", "1", "score_max", "5", "rule", "highest", NULL};
	web_expect_body(w, AS_AREA, "POST", settings, bad_rule, 400);
	web_expect_body(w, AS_LEAD, "POST", settings, not_number, 404);
	assert_int_equal(audit_rows(w), before);
	audit_settings s;
	assert_int_equal(audit_settings_get(&w->f.d, area, &s, &w->f.e), 0);
	assert_true(s.is_default);

	const char *good[] = {"score_min", "0", "score_max", "10", "rule", "most-common-level", NULL};
	request *r = web_run(w, AS_AREA, "POST", settings, good);
	assert_int_equal(r->status, 303);
	assert_string_equal(r->location, web_path(w, "%s?saved=1", settings));
	request_destroy(r);
	assert_int_equal(audit_settings_get(&w->f.d, area, &s, &w->f.e), 0);
	assert_false(s.is_default);
	assert_int_equal(s.score_min, 0);
	assert_int_equal(s.score_max, 10);
	assert_string_equal(s.rule, "most-common-level");
	body = web_expect_body(w, AS_AREA, "GET", settings, NULL, 200);
	body_has(body, "Your area uses scores from 0 to 10 and the &ldquo;most common level&rdquo; rule");
	body_has(body, "value=\"most-common-level\" checked");

	/* Audits follow the area's choices, and say so. */
	int64_t id = start(w);
	const char *body2 = web_expect_body(w, AS_CONTRIBUTOR, "GET", principle_path(w, id, 1), NULL, 200);
	body_has(body2, "a whole number from 0 to 10");
	const char *score[] = {"level", "good", "score", "10", NULL};
	web_expect_body(w, AS_CONTRIBUTOR, "POST", principle_path(w, id, 1), score, 303);
	body2 = web_expect_body(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/audit/%lld", (long long)w->org, (long long)id),
				NULL, 200);
	body_has(body2, "This area's local rule is the &ldquo;most common level&rdquo; rule");
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(start_an_audit),
		T(contributor_fills_in_principles),
		T(edit_header_and_summary),
		T(the_whole_flow),
		T(project_as_supporting_evidence),
		T(other_organisations_get_not_found),
		T(area_queue),
		T(area_settings),
	};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
