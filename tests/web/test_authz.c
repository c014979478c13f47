/* test_authz.c: the authorization matrix. Every route of every page table,
 * as every role, on our organisation and on another, with our records and
 * with another organisation's records in the URL: each answer is compared
 * with what the role allows, and any unexpected allow fails the test. New
 * routes are covered as soon as they are added to a table. Then the
 * stored-XSS corpus: hostile text in every free-text field, viewed on every
 * page by every role, never comes back unescaped. */
#include "webtest.h"

#include "web/cache.h"

#include "domain/evidence_file.h"
#include "domain/gold.h"
#include "domain/invite.h"
#include "domain/mail.h"
#include "domain/notify.h"
#include "domain/views.h"
#include "store/account.h"
#include "store/sql.h"
#include "web/pages/pages.h"

/* Records of both organisations, for the placeholders. */
static struct {
	int64_t area;
	int64_t evidence[2], action[2], member[2], project[2], audit[2];
	int64_t measure[2], metric[2], plan[2], yousaid[2];
	int64_t round[2], link[2];
	int64_t attachment[2];          /* a file of each organisation's evidence item */
	const char *token;              /* our round's link, for the partner pages */
	const char *unsubscribe;        /* the lead's unsubscribe link (/unsubscribe/{token}) */
	int64_t apitoken;
	const char *invitation[2];      /* each organisation's open invitation (its key) */
	const char *join;               /* our invitation's link (/join/{token}) */
} ids;

static const char *const hostile[] = {
	"<script>alert(1)</script>",
	"\"><img src=x onerror=alert(2)>",
	"'><svg onload=alert(3)>",
};

static int64_t add_records(webfix *w, int64_t org, int64_t eval, const char *text)
{
	fixture *f = &w->f;
	evidence_row ev = {.organisation_id = org, .title = text, .description = text,
			   .date = "2026-05-01", .groups = GROUP_PARENTS};
	int64_t id;
	size_t n;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	const char *refs[] = {"1i.a", "2iii.b"};
	assert_int_equal(evidence_link(&f->d, id, eval, refs, 2, false, &n, &f->e), 0);
	char *key;
	assert_int_equal(own_indicator_add(&f->d, eval, "1i", text, &key, &f->e), 0);
	review_change c = {.strengths = text, .areas = text, .status = "in-progress", .groups = 7};
	assert_int_equal(review_set(&f->d, eval, "1i", &c, &f->e), 0);
	action_row a = {.organisation_id = org, .title = text, .owner = text, .due_on = "2026-01-01",
			.source_evaluation_id = eval, .source_element_key = "1i"};
	int64_t aid;
	assert_int_equal(action_add(&f->d, &a, &aid, &f->e), 0);
	(void)aid;
	return id;
}

static int64_t lead_membership(webfix *w, int64_t org)
{
	membership_list ms;
	assert_int_equal(store_memberships_of_org(&w->f.db, &w->f.mem, org, &ms, &w->f.e), 0);
	for (size_t i = 0; i < ms.n; i++)
		if (!strcmp(ms.items[i].role, "lead"))
			return ms.items[i].id;
	fail_msg("no lead in organisation %lld", (long long)org);
	return 0;
}

/* Runs one INSERT with its parameters (through the store, so on either
 * engine); answers the new row's id. */
static int64_t insert_row(fixture *f, const char *sql, const sql_in *in)
{
	int64_t id = 0;
	if (sql_insert(&f->db, sql, in, &id, &f->e) < 0)
		fail_msg("%s: %s", sql, f->e.msg);
	return id;
}

/* A project and an audit in organisation `org`, written straight into the
 * tables so that this matrix does not depend on the code under test. */
static void add_york_records(webfix *w, int64_t org, const char *text, int rec)
{
	fixture *f = &w->f;
	const char *ids_of[] = {"york-strategic-model", "york-joint-partnership-audit"};
	const char *hash[2];
	for (int i = 0; i < 2; i++) {
		const framework *fw = fw_registry_find(&f->frameworks, ids_of[i]);
		assert_non_null(fw);
		assert_int_equal(framework_version_keep(&f->d, fw, &f->e), 0);
		hash[i] = fw->hash;
	}
	ids.project[rec] = insert_row(f,
		"INSERT INTO project (organisation_id, framework_id, framework_hash, title, service_area,"
		" description, starts_on, created_at, updated_at)"
		" VALUES (?1, 'york-strategic-model', ?2, ?3, ?3, ?3, '2026-09-01', '2026-09-01T00:00:00Z',"
		" '2026-09-01T00:00:00Z')", SQL_ARGS(sql_int(org), sql_text(hash[0]), sql_text(text)));
	ids.audit[rec] = insert_row(f,
		"INSERT INTO audit (organisation_id, framework_hash, project_id, version, status,"
		" service_area, description, audit_date, summary, next_steps, signed_by,"
		" created_at, updated_at)"
		" VALUES (?1, ?2, ?3, 1, 'submitted', ?4, ?4, '2026-10-01', ?4, ?4, ?4, '2026-10-01T00:00:00Z',"
		" '2026-10-01T00:00:00Z')",
		SQL_ARGS(sql_int(org), sql_text(hash[1]), sql_int(ids.project[rec]), sql_text(text)));
	char sql[400];
	snprintf(sql, sizeof sql,
		 "UPDATE audit SET first_id = id WHERE id = %lld;"
		 "INSERT INTO audit_person (audit_id, position, name, designation)"
		 " VALUES (%lld, 1, 'A person', 'Their role');"
		 "INSERT INTO audit_principle (audit_id, principle_key, level, score, notes, updated_at)"
		 " VALUES (%lld, '1', 'good', 2, '', '2026-10-01T00:00:00Z');",
		 (long long)ids.audit[rec], (long long)ids.audit[rec], (long long)ids.audit[rec]);
	test_exec(&f->db, sql);
}

/* A measure with a metric and a reading, a plan and a "You said, we did"
 * record in organisation `org`, straight into the tables like the York
 * records. */
static void add_cycle_records(webfix *w, int64_t org, const char *text, int rec)
{
	fixture *f = &w->f;
	const char *measures = fixture_framework_hash(f, "four-cornerstones-success-measures");
	const char *plans = fixture_framework_hash(f, "four-cornerstones-service-plan");
	ids.measure[rec] = insert_row(f,
		"INSERT INTO measure (organisation_id, cycle, framework_hash, cornerstone_key, own_text,"
		" improve, know, measuring, evaluation, created_at, updated_at)"
		" VALUES (?1, '2026-27', ?2, '1', ?3, ?3, ?3, ?3, ?3, '2026-09-01T00:00:00Z',"
		" '2026-09-01T00:00:00Z')", SQL_ARGS(sql_int(org), sql_text(measures), sql_text(text)));
	ids.metric[rec] = insert_row(f,
		"INSERT INTO metric (measure_id, name, kind, direction, baseline, target, created_at,"
		" updated_at) VALUES (?1, ?2, 'count', 'lower', 10, 5, '2026-09-01T00:00:00Z',"
		" '2026-09-01T00:00:00Z')", SQL_ARGS(sql_int(ids.measure[rec]), sql_text(text)));
	insert_row(f, "INSERT INTO reading (metric_id, taken_on, value, source, note, created_at)"
		   " VALUES (?1, '2026-10-01', 8, 'records', ?2, '2026-10-01T00:00:00Z')",
		   SQL_ARGS(sql_int(ids.metric[rec]), sql_text(text)));
	ids.plan[rec] = insert_row(f,
		"INSERT INTO plan (organisation_id, framework_hash, title, cycle, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, '2026-27', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')",
		SQL_ARGS(sql_int(org), sql_text(plans), sql_text(text)));
	insert_row(f, "INSERT INTO plan_statement (plan_id, element_key, strengths, areas, updated_at)"
		   " VALUES (?1, '1i', ?2, ?2, '2026-09-01T00:00:00Z')",
		   SQL_ARGS(sql_int(ids.plan[rec]), sql_text(text)));
	ids.yousaid[rec] = insert_row(f,
		"INSERT INTO you_said (organisation_id, said, did, said_on, published, created_at,"
		" updated_at) VALUES (?1, ?2, ?2, '2026-10-01', 1, '2026-10-01T00:00:00Z',"
		" '2026-10-01T00:00:00Z')", SQL_ARGS(sql_int(org), sql_text(text)));
}

/* A round of views on 1i and 1ii for parent carers and a group named
 * with `text`, one response answered in `text` and reviewed (so the
 * results show it to leads), the organisation's safeguarding contact
 * `text` (on every partner page), through the domain: the matrix needs
 * the rows, not a test of how they are made. */
static void add_views_records(webfix *w, int64_t org, int64_t eval, const char *text, int rec)
{
	fixture *f = &w->f;
	static const user_row lead = {.id = 0, .name = "Lead"};
	static const char *const keys[] = {"1i", "1ii"};
	view_group g[2] = {{.group = "parents", .name = ""}, {.group = "other", .name = text}};
	view_round_input in = {.evaluation_id = eval, .title = text, .elements = keys, .n_elements = 2,
			       .groups = g, .n_groups = 2};
	view_new_link *links;
	size_t n;
	assert_int_equal(views_open(&f->d, &lead, &in, &ids.round[rec], &links, &n, &f->e), 0);
	ids.link[rec] = links[0].id;
	if (!rec)
		ids.token = arena_strdup(&f->mem, links[0].token);
	view_visit v;
	enum view_link_status st;
	views_token cookie;
	int64_t response;
	assert_int_equal(views_link_open(&f->d, links[1].token, &v, &st, &f->e), 0);
	assert_int_equal(views_response_start(&f->d, &v, cookie, &response, &f->e), 0);
	assert_int_equal(views_answer_save(&f->d, response, "1i", 2, text, text, &f->e), 0);
	assert_int_equal(views_response_submit(&f->d, response, &f->e), 0);
	assert_int_equal(views_comment_review(&f->d, &lead, ids.round[rec], response, "1i", &f->e), 0);
	views_org_settings set = {.safeguarding_contact = text, .retention_months = 24};
	assert_int_equal(views_org_settings_set(&f->d, &lead, org, &set, &f->e), 0);
}

static int group_setup(void **state)
{
	webfix_group_setup(state);
	webfix *w = &webfix_template;
	fixture *f = &w->f;
	ids.evidence[0] = add_records(w, w->org, w->eval, hostile[0]);
	ids.evidence[1] = add_records(w, w->other_org, w->other_eval, hostile[1]);
	/* A file on each item, named with the hostile text (kept only as a
	 * safe name), attached by our contributor and by the other lead. */
	static const char pdf[] = "%PDF-1.4\n%%EOF\n";
	evidence_file_row file;
	assert_int_equal(evidence_file_attach(&f->d, &w->as[AS_CONTRIBUTOR].user, w->org, ids.evidence[0],
					      hostile[2], pdf, sizeof pdf - 1, &file, &f->e), 0);
	ids.attachment[0] = file.id;
	assert_int_equal(evidence_file_attach(&f->d, &w->as[AS_OTHER_LEAD].user, w->other_org,
					      ids.evidence[1], hostile[1], pdf, sizeof pdf - 1, &file, &f->e), 0);
	ids.attachment[1] = file.id;
	action_list al;
	assert_int_equal(store_action_list(&f->db, &f->mem, w->org, &al, &f->e), 0);
	ids.action[0] = al.items[0].id;
	assert_int_equal(store_action_list(&f->db, &f->mem, w->other_org, &al, &f->e), 0);
	ids.action[1] = al.items[0].id;
	ids.member[0] = lead_membership(w, w->org);
	ids.member[1] = lead_membership(w, w->other_org);
	assert_int_equal(store_org_area(&f->db, w->org, &ids.area, &f->e), 0);
	add_york_records(w, w->org, hostile[0], 0);
	add_york_records(w, w->other_org, hostile[1], 1);
	add_cycle_records(w, w->org, hostile[0], 0);
	add_cycle_records(w, w->other_org, hostile[1], 1);
	add_views_records(w, w->org, w->eval, hostile[0], 0);
	add_views_records(w, w->other_org, w->other_eval, hostile[1], 1);
	char token[65];
	assert_int_equal(api_token_create(&f->d, 0, ids.area, hostile[2], token, &ids.apitoken, &f->e), 0);
	/* The assessor's comment and a decision "not yet" with hostile
	 * reasons; an invited assessor with a hostile name (the area's page). */
	assessor_row a = {.id = w->assessor, .organisation_id = w->org, .evaluation_id = w->eval, .cycle = "x"};
	user_row as = {.id = 0, .name = hostile[1]};
	assert_int_equal(gold_comment_set(&f->d, &as, &a, "1i", hostile[0], &f->e), 0);
	gold_decision_row dr;
	assert_int_equal(gold_decision_record(&f->d, &as, &a, &(gold_decide){"not-yet", hostile[2]}, &dr, &f->e), 0);
	gold_invite gi = {.evaluation = w->eval, .name = hostile[0], .email = "h@example.org"};
	int64_t gid;
	assert_int_equal(gold_invite_assessor(&f->d, &as, ids.area, &gi, token, &gid, &f->e), 0);
	/* An email of the area with a hostile subject, given up with a
	 * hostile reason (the area's mail page). */
	mail_message mm = {.to = "x@example.org", .subject = hostile[0], .text = hostile[1],
			   .kind = "notification", .area = ids.area};
	outbox_row om;
	assert_int_equal(mail_queue(&f->d, &mm, &f->e), 0);
	assert_int_equal(mail_claim(&f->d, time_now_epoch() + 1, &om, &f->e), 1);
	assert_int_equal(mail_undelivered(&f->d, &om, time_now_epoch(), hostile[2], true, &f->e), 0);
	/* An invitation of each organisation, ours by email with a hostile
	 * name (the invitations page and the email's subject). */
	for (int k = 0; k < 2; k++) {
		char itok[65], ihash[65];
		int64_t iorg = k ? w->other_org : w->org;
		assert_int_equal(invitation_create(&f->d, 0, iorg, "viewer", NULL, hostile[k], itok, &f->e), 0);
		if (!k)
			assert_int_equal(invitation_email(&f->d, &as, iorg, itok, "invited@example.org", &f->e), 0);
		token_hash(itok, ihash);
		ids.invitation[k] = strndup(ihash, INVITE_KEY_LEN);
		if (!k)
			ids.join = arena_strdup(&f->mem, itok);
	}
	/* Notifications with hostile words and a hostile link for everyone
	 * (their list and the home page show them). */
	for (int who = AS_AREA; who < AS_COUNT; who++)
		assert_int_equal(notify_user(&f->d, w->as[who].user.id, "audit-decided", hostile[who % 3],
					     hostile[(who + 1) % 3], "/\"><img src=x onerror=alert(2)>", &f->e), 0);
	char unsub[65];
	assert_int_equal(notify_unsubscribe_token(&f->d, w->as[AS_LEAD].user.id, "audit-decided", unsub, &f->e), 0);
	ids.unsubscribe = arena_strdup(&f->mem, unsub);
	/* A person with a hostile name, shown on the people page. */
	int64_t user, mid;
	assert_int_equal(account_create(&f->d, hostile[2], "x@example.org", WEBTEST_PASSWORD, &user, &f->e), 0);
	membership_row m = {.user_id = user, .organisation_id = w->org, .role = "viewer",
			    .created_at = "2026-01-01T00:00:00Z"};
	assert_int_equal(store_membership_insert(&f->db, &m, &mid, &f->e), 0);
	activity_row act = {.at = "2026-01-01T00:00:00Z", .user_name = hostile[2],
			    .organisation_id = w->org, .area_id = ids.area, .what = hostile[0]};
	assert_int_equal(store_activity_add(&f->db, &act, &f->e), 0);
	return 0;
}

#define ONLY_ASSESSOR ((enum access)(ACCESS_AREA + 1))

/* The policy, written down here apart from the route tables so that a
 * wrong `need` in a table is caught: readers see, contributors add
 * evidence, views and actions, leads judge statements, run the
 * organisation and its people. A route missing here fails the test. */
static const struct {
	const char *method, *pattern;
	enum access least;
} policy[] = {
	{"GET", "/org/{org}", ACCESS_VIEW},
	{"POST", "/org/{org}/evaluations", ACCESS_LEAD},
	{"GET", "/org/{org}/evaluations", ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/status", ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/status", ACCESS_LEAD},
	{"GET", "/org/{org}/evaluation/{evaluation}", ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}", ACCESS_VIEW},
	/* A statement's tasks, each a page: the form (GET) and its save (POST). */
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}/evidence", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}/link", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}/review", ACCESS_LEAD},
	{"GET", "/org/{org}/evaluation/{evaluation}/statement/{statement}/indicator", ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/evidence", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/link", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/review", ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/indicator", ACCESS_LEAD},
	{"GET", "/org/{org}/evidence", ACCESS_VIEW},
	{"GET", "/org/{org}/evidence/{evidence}", ACCESS_VIEW},
	{"GET", "/org/{org}/evidence/{evidence}/edit", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evidence/{evidence}/edit", ACCESS_CONTRIBUTE},
	/* Files: contributors attach; a file is removed by whoever attached
	 * it (our contributor here) or a lead. */
	{"GET", "/org/{org}/evidence/{evidence}/files", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evidence/{evidence}/files", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/evidence/{evidence}/file/{attachment}", ACCESS_VIEW},
	{"GET", "/org/{org}/evidence/{evidence}/file/{attachment}/remove", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/evidence/{evidence}/file/{attachment}/remove", ACCESS_CONTRIBUTE},
	/* The evidence pack: leads, and the evaluation's assessor. */
	{"GET", "/org/{org}/evaluation/{evaluation}/pack", ACCESS_LEAD},
	{"GET", "/org/{org}/actions", ACCESS_VIEW},
	{"GET", "/org/{org}/actions/new", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/actions", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/actions/{action}/edit", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/actions/{action}/edit", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/people", ACCESS_LEAD},
	{"GET", "/org/{org}/people/invite", ACCESS_LEAD},
	/* Only the area's administrators start a password reset for a member. */
	{"POST", "/org/{org}/people/{member}/reset", ACCESS_AREA},
	/* ... and turn a member's account off and on, or delete it. */
	{"GET", "/org/{org}/people/{member}/disable", ACCESS_AREA},
	{"POST", "/org/{org}/people/{member}/disable", ACCESS_AREA},
	{"GET", "/org/{org}/people/{member}/enable", ACCESS_AREA},
	{"POST", "/org/{org}/people/{member}/enable", ACCESS_AREA},
	{"GET", "/org/{org}/people/{member}/delete", ACCESS_AREA},
	{"POST", "/org/{org}/people/{member}/delete", ACCESS_AREA},
	{"POST", "/org/{org}/people/invite", ACCESS_LEAD},
	{"GET", "/org/{org}/people/{member}", ACCESS_LEAD},
	{"POST", "/org/{org}/people/{member}/role", ACCESS_LEAD},
	{"POST", "/org/{org}/people/{member}/remove", ACCESS_LEAD},
	/* Invitations not used yet: leads list them, renew and cancel them. */
	{"GET", "/org/{org}/people/invitations", ACCESS_LEAD},
	{"POST", "/org/{org}/people/invitations/{invitation}/resend", ACCESS_LEAD},
	{"GET", "/org/{org}/people/invitations/{invitation}/cancel", ACCESS_LEAD},
	{"POST", "/org/{org}/people/invitations/{invitation}/cancel", ACCESS_LEAD},
	{"GET", "/org/{org}/activity", ACCESS_LEAD},
	/* Projects: contributors record them and work through the steps. */
	{"GET", "/org/{org}/projects", ACCESS_VIEW},
	{"GET", "/org/{org}/projects/new", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/projects", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/project/{project}", ACCESS_VIEW},
	{"GET", "/org/{org}/project/{project}/edit", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/project/{project}/edit", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/project/{project}/step/{step}", ACCESS_VIEW},
	{"POST", "/org/{org}/project/{project}/step/{step}", ACCESS_CONTRIBUTE},
	/* Audits: contributors fill in a draft, leads start, submit and
	 * revise it, and only the area decides on a submitted one. */
	{"GET", "/org/{org}/audits", ACCESS_VIEW},
	{"GET", "/org/{org}/audits/new", ACCESS_LEAD},
	{"POST", "/org/{org}/audits", ACCESS_LEAD},
	{"GET", "/org/{org}/audit/{audit}", ACCESS_VIEW},
	{"GET", "/org/{org}/audit/{audit}/edit", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/audit/{audit}/edit", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/audit/{audit}/principle/{principle}", ACCESS_VIEW},
	{"POST", "/org/{org}/audit/{audit}/principle/{principle}", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/audit/{audit}/actions", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/audit/{audit}/submit", ACCESS_LEAD},
	{"POST", "/org/{org}/audit/{audit}/revise", ACCESS_LEAD},
	{"GET", "/org/{org}/audit/{audit}/return", ACCESS_AREA},
	{"POST", "/org/{org}/audit/{audit}/return", ACCESS_AREA},
	{"POST", "/org/{org}/audit/{audit}/accept", ACCESS_AREA},
	/* Success measures: contributors choose them and record readings. */
	{"GET", "/org/{org}/measures", ACCESS_VIEW},
	{"GET", "/org/{org}/measures/new", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measures/new", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/measures/new/{cornerstone}", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measures/new/{cornerstone}", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/measure/{measure}", ACCESS_VIEW},
	{"GET", "/org/{org}/measure/{measure}/edit", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measure/{measure}/edit", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measure/{measure}/metrics", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measure/{measure}/metric/{metric}/readings", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/measure/{measure}/links", ACCESS_CONTRIBUTE},
	/* Plans: leads start them, contributors write in them. */
	{"GET", "/org/{org}/plans", ACCESS_VIEW},
	{"POST", "/org/{org}/plans", ACCESS_LEAD},
	{"GET", "/org/{org}/plan/{plan}", ACCESS_VIEW},
	{"GET", "/org/{org}/plan/{plan}/cornerstone/{cornerstone}", ACCESS_VIEW},
	{"POST", "/org/{org}/plan/{plan}/cornerstone/{cornerstone}", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/plan/{plan}/aspects", ACCESS_VIEW},
	{"POST", "/org/{org}/plan/{plan}/aspects", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/plan/{plan}/actions", ACCESS_CONTRIBUTE},
	/* Review: contributors review actions and record what partners said;
	 * leads start a new cycle. */
	{"GET", "/org/{org}/actions/{action}/review", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/actions/{action}/review", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/you-said", ACCESS_VIEW},
	{"POST", "/org/{org}/you-said", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/you-said/notice", ACCESS_VIEW},
	{"GET", "/org/{org}/you-said/{yousaid}/edit", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/you-said/{yousaid}/edit", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/evaluation/{evaluation}/next-cycle", ACCESS_LEAD},
	{"POST", "/org/{org}/evaluation/{evaluation}/next-cycle", ACCESS_LEAD},
	{"GET", "/org/{org}/evaluation/{evaluation}/compare", ACCESS_VIEW},
	/* Printable reports: who may read the record may print and download it. */
	{"GET", "/org/{org}/evaluation/{evaluation}/report", ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/report/{format}", ACCESS_VIEW},
	{"GET", "/org/{org}/audit/{audit}/report", ACCESS_VIEW},
	{"GET", "/org/{org}/audit/{audit}/report/{format}", ACCESS_VIEW},
	{"GET", "/org/{org}/plan/{plan}/report", ACCESS_VIEW},
	{"GET", "/org/{org}/plan/{plan}/report/{format}", ACCESS_VIEW},
	{"GET", "/org/{org}/measures/report", ACCESS_VIEW},
	{"GET", "/org/{org}/measures/report/{format}", ACCESS_VIEW},
	{"GET", "/org/{org}/actions/report", ACCESS_VIEW},
	{"GET", "/org/{org}/actions/report/{format}", ACCESS_VIEW},
	{"POST", "/org/{org}/evaluation/{evaluation}/statement/{statement}/confirm", ACCESS_CONTRIBUTE},
	/* Partners' views: everyone sees rounds and (suppressed) results;
	 * contributors print and type in paper forms; leads open, close and
	 * reopen rounds, replace links and print them, review comments, agree
	 * views and set the organisation's settings. */
	{"GET", "/org/{org}/views", ACCESS_VIEW},
	{"GET", "/org/{org}/views/new", ACCESS_LEAD},
	{"POST", "/org/{org}/views", ACCESS_LEAD},
	{"GET", "/org/{org}/views/{round}", ACCESS_VIEW},
	{"POST", "/org/{org}/views/{round}/close", ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/reopen", ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/link/{link}/replace", ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/link/{link}/poster", ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/link/{link}/letter", ACCESS_LEAD},
	{"GET", "/org/{org}/views/{round}/results", ACCESS_VIEW},
	{"GET", "/org/{org}/views/{round}/results/{statement}", ACCESS_VIEW},
	{"GET", "/org/{org}/views/{round}/results.csv", ACCESS_VIEW},
	{"GET", "/org/{org}/views/{round}/comments", ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/comments", ACCESS_LEAD},
	{"GET", "/org/{org}/views/{round}/agree/{statement}", ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/agree/{statement}", ACCESS_LEAD},
	{"GET", "/org/{org}/views/{round}/paper", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/views/{round}/paper/new", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/views/{round}/paper", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/views/{round}/my-view", ACCESS_CONTRIBUTE},
	{"POST", "/org/{org}/views/{round}/my-view", ACCESS_CONTRIBUTE},
	{"GET", "/org/{org}/views/{round}/easy-read", ACCESS_LEAD},
	{"POST", "/org/{org}/views/{round}/easy-read", ACCESS_LEAD},
	{"GET", "/org/{org}/settings", ACCESS_LEAD},
	{"POST", "/org/{org}/settings", ACCESS_LEAD},
	{"GET", "/org/{org}/search", ACCESS_VIEW},
	/* Charter Gold: everyone reads readiness; only the assessor comments
	 * and decides (ONLY_ASSESSOR: no member, whatever their role). */
	{"GET", "/org/{org}/evaluation/{evaluation}/readiness", ACCESS_VIEW},
	/* The one-page summary and its files: whoever reads the evaluation. */
	{"GET", "/org/{org}/evaluation/{evaluation}/summary", ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/summary/{format}", ACCESS_VIEW},
	{"GET", "/org/{org}/evaluation/{evaluation}/readiness/comment/{statement}", ONLY_ASSESSOR},
	{"POST", "/org/{org}/evaluation/{evaluation}/readiness/comment/{statement}", ONLY_ASSESSOR},
	{"GET", "/org/{org}/evaluation/{evaluation}/readiness/decision", ONLY_ASSESSOR},
	{"POST", "/org/{org}/evaluation/{evaluation}/readiness/decision", ONLY_ASSESSOR},
};

static enum access policy_for(const route *rt)
{
	for (size_t i = 0; i < sizeof policy / sizeof *policy; i++)
		if (!strcmp(policy[i].method, rt->method) && !strcmp(policy[i].pattern, rt->pattern))
			return policy[i].least;
	fail_msg("%s %s has no entry in this test's policy: decide who may use it and add it",
		 rt->method, rt->pattern);
	return ACCESS_AREA;
}

/* What each role may do in organisation `org`. */
static enum access expected_access(const webfix *w, int who, int64_t org)
{
	switch (who) {
	case AS_AREA: return org == w->org || org == w->other_org ? ACCESS_AREA : ACCESS_NONE;
	case AS_LEAD: return org == w->org ? ACCESS_LEAD : ACCESS_NONE;
	case AS_CONTRIBUTOR: return org == w->org ? ACCESS_CONTRIBUTE : ACCESS_NONE;
	case AS_VIEWER: return org == w->org ? ACCESS_VIEW : ACCESS_NONE;
	case AS_OTHER_LEAD: return org == w->other_org ? ACCESS_LEAD : ACCESS_NONE;
	default: return ACCESS_NONE;
	}
}

/* Fills the placeholders of a pattern: {org} with `org`, record ids with
 * the records of organisation index `rec` (0 ours, 1 the other's). */
static const char *fill(webfix *w, arena *a, const char *pattern, int64_t org, int rec)
{
	char *out = arena_strdup(a, "");
	const char *p = pattern;
	while (*p) {
		if (*p != '{') {
			size_t n = strcspn(p, "{");
			out = arena_printf(a, "%s%.*s", out, (int)n, p);
			p += n;
			continue;
		}
		const char *close = strchr(p, '}');
		size_t n = (size_t)(close - p - 1);
		const char *name = arena_strndup(a, p + 1, n);
		long long v = 0;
		const char *text = NULL;
		if (!strcmp(name, "org")) v = org;
		else if (!strcmp(name, "area")) v = ids.area;
		else if (!strcmp(name, "evaluation")) v = rec ? w->other_eval : w->eval;
		else if (!strcmp(name, "evidence")) v = ids.evidence[rec];
		else if (!strcmp(name, "action")) v = ids.action[rec];
		else if (!strcmp(name, "member")) v = ids.member[rec];
		else if (!strcmp(name, "project")) v = ids.project[rec];
		else if (!strcmp(name, "audit")) v = ids.audit[rec];
		else if (!strcmp(name, "apitoken")) v = ids.apitoken;
		else if (!strcmp(name, "invitation")) text = ids.invitation[rec];
		else if (!strcmp(name, "assessor")) v = w->assessor;
		else if (!strcmp(name, "measure")) v = ids.measure[rec];
		else if (!strcmp(name, "metric")) v = ids.metric[rec];
		else if (!strcmp(name, "plan")) v = ids.plan[rec];
		else if (!strcmp(name, "yousaid")) v = ids.yousaid[rec];
		else if (!strcmp(name, "round")) v = ids.round[rec];
		else if (!strcmp(name, "link")) v = ids.link[rec];
		else if (!strcmp(name, "attachment")) v = ids.attachment[rec];
		else if (!strcmp(name, "question")) text = "1";
		else if (!strcmp(name, "cornerstone")) text = "1";
		else if (!strcmp(name, "step") || !strcmp(name, "principle")) text = "1";
		else if (!strcmp(name, "file")) text = "audits.csv";
		else if (!strcmp(name, "format")) text = "pdf";
		else if (!strcmp(name, "statement")) text = "1i";
		else if (!strcmp(name, "token"))
			text = !strncmp(pattern, "/unsubscribe/", 13) ? ids.unsubscribe
			       : !strncmp(pattern, "/join/", 6) ? ids.join : ids.token;
		else if (!strcmp(name, "framework")) text = "four-cornerstones";
		else fail_msg("route %s has a placeholder {%s} this test does not know: add it", pattern, name);
		out = text ? arena_printf(a, "%s%s", out, text) : arena_printf(a, "%s%lld", out, v);
		p = close + 1;
	}
	return out;
}

static bool has_record(const char *pattern)
{
	return strstr(pattern, "{evaluation}") || strstr(pattern, "{evidence}") ||
	       strstr(pattern, "{action}") || strstr(pattern, "{member}") ||
	       strstr(pattern, "{project}") || strstr(pattern, "{audit}") ||
	       strstr(pattern, "{measure}") || strstr(pattern, "{plan}") ||
	       strstr(pattern, "{yousaid}") || strstr(pattern, "{round}") ||
	       strstr(pattern, "{attachment}") || strstr(pattern, "{invitation}");
}

/* An answer that means the handler did the work (or at least judged the
 * input, 400/409): anything but a refusal or the sign-in redirect. */
static bool allowed(const request *r)
{
	if (r->status == 401 || r->status == 403 || r->status == 404 || r->status == 405)
		return false;
	/* Signing out succeeds by sending the person to sign in again. */
	if (r->cookie && strstr(r->cookie, "Max-Age=0"))
		return true;
	return !(r->status == 303 && r->location && !strcmp(r->location, "/sign-in"));
}

/* What an assessor may use in the organisation of their evaluation, with
 * that evaluation (and the evidence linked to it) in the URL: their own
 * pages, and what a viewer reads of the evaluation (its overview,
 * statements, readiness, reports, files) and of its evidence, except the
 * comparison with another cycle; no change but their own. */
static bool assessor_may(const route *rt, enum access least)
{
	static const char *const reads[] = {"/org/{org}/evaluation/{evaluation}", "/org/{org}/evidence/{evidence}", NULL};
	if (least == ONLY_ASSESSOR || !strcmp(rt->pattern, "/org/{org}/evaluation/{evaluation}/pack"))
		return true;
	if (strcmp(rt->method, "GET") || least > ACCESS_VIEW || strstr(rt->pattern, "/compare"))
		return false;
	for (size_t i = 0; reads[i]; i++)
		if (!strncmp(rt->pattern, reads[i], strlen(reads[i])))
			return true;
	return false;
}

/* The expectation for one case; -1 when no rule applies (public routes). */
static int expect_allowed(const webfix *w, const route *rt, int who, int64_t org, int rec)
{
	if (rt->flags & ROUTE_PUBLIC)
		return -1;
	/* No session opens the API: it takes API tokens only. */
	if ((rt->flags & ROUTE_API) || who == AS_NOBODY)
		return 0;
	if (strstr(rt->pattern, "{area}"))
		return who == AS_AREA;
	/* An assessor whose access ended is signed out by their first request
	 * to the organisation: pages of no organisation open or not by order. */
	if (!strstr(rt->pattern, "{org}"))
		return who == AS_ASSESSOR_ENDED ? -1 : 1;
	enum access least = policy_for(rt);
	if (who == AS_ASSESSOR || who == AS_ASSESSOR_ENDED)
		return who == AS_ASSESSOR && org == w->org && rec == 0 && assessor_may(rt, least);
	if (expected_access(w, who, org) < least || expected_access(w, who, org) == ACCESS_NONE)
		return 0;
	int64_t rec_org = rec ? w->other_org : w->org;
	if (has_record(rt->pattern) && rec_org != org)
		return 0;
	return 1;
}

/* A signed-in request marks its session seen, once a minute at most
 * (domain/account.c): on a copy of a template made minutes before, every
 * case's first request would write, and so cost a new copy. Every
 * session of the copy is marked seen now, as those requests would. */
static void seen_now(webfix *w)
{
	char iso[21], sql[96];
	time_iso(time_now_epoch(), iso);
	snprintf(sql, sizeof sql, "UPDATE user_session SET last_seen_at = '%s'", iso);
	test_exec(&w->f.db, sql);
}

/* The copy of the template that cases which may write run on: a new one
 * after every case that wrote to it, so each such case starts from the
 * template and one case's change cannot hide another's. Most are
 * refused and write nothing; copying the template for each of them (and
 * reading its schema again) took most of this program's time. */
typedef struct scratch {
	void *fix;
	int64_t mark;
	int copies;
} scratch;

static webfix *scratch_get(scratch *s)
{
	if (!s->fix) {
		webfix_setup(&s->fix);
		seen_now(s->fix);
		s->copies++;
	}
	s->mark = webfix_written(s->fix);
	return s->fix;
}

/* After the case: the copy goes if the case wrote to it (or at the end). */
static void scratch_done(scratch *s, bool end)
{
	if (s->fix && (end || webfix_written(s->fix) != s->mark)) {
		webfix_teardown(&s->fix);
		s->fix = NULL;
	}
}

/* Every case of the matrix (only its GETs with `gets_only`); returns the
 * number of cases. */
static int run_matrix(webfix *w, bool gets_only)
{
	int cases = 0, unexpected_allows = 0, unexpected_denials = 0;
	scratch fresh = {0};
	int64_t orgs[2] = {w->org, w->other_org};
	for (const route *const *t = web_route_tables; *t; t++) {
		for (const route *rt = *t; rt->pattern; rt++) {
			if (!strcmp(rt->pattern, "/assets/*") || (gets_only && strcmp(rt->method, "GET")))
				continue;
			for (int who = 0; who < AS_ALL; who++) {
				for (int o = 0; o < 2; o++) {
					for (int rec = 0; rec < (has_record(rt->pattern) ? 2 : 1); rec++) {
						/* The template's copy for every write; a
						 * download writes its activity line, which
						 * would empty the page cache of the rest. */
						webfix *cw = w;
						if (strcmp(rt->method, "GET") != 0 || strstr(rt->pattern, "/{format}") ||
						    strstr(rt->pattern, "/pack"))
							cw = scratch_get(&fresh);
						const char *path = fill(cw, &cw->f.mem, rt->pattern, orgs[o], rec);
						request *r = web_run(cw, who, rt->method, path, NULL);
						int want = expect_allowed(cw, rt, who, orgs[o], rec);
						bool got = allowed(r);
						cases++;
						if (r->status >= 500)
							fail_msg("%s %s as %s answered %d", rt->method, path, as_names[who], r->status);
						if (want == 0 && got) {
							unexpected_allows++;
							print_message("UNEXPECTED ALLOW: %s %s as %s: %d\n", rt->method, path,
								      as_names[who], r->status);
						} else if (want == 1 && !got) {
							unexpected_denials++;
							print_message("unexpected denial: %s %s as %s: %d\n", rt->method, path,
								      as_names[who], r->status);
						}
						request_destroy(r);
						if (cw != w)
							scratch_done(&fresh, false);
					}
				}
			}
		}
	}
	scratch_done(&fresh, true);
	print_message("authorization matrix%s: %d cases on %d copies of the template, %d unexpected allows, "
		      "%d unexpected denials\n", gets_only ? " (GETs)" : "", cases, fresh.copies, unexpected_allows,
		      unexpected_denials);
	assert_int_equal(unexpected_allows, 0);
	assert_int_equal(unexpected_denials, 0);
	return cases;
}

static void matrix(void **state)
{
	assert_true(run_matrix(*state, false) > 300);
}

/* The page cache answers only after the access checks: with it on, every
 * GET of the matrix is allowed and refused as before, the second time
 * from the cache where the page was allowed. */
static void matrix_with_page_cache(void **state)
{
	page_cache_clear();
	page_cache_set_limit(64 << 20);
	int cases = run_matrix(*state, true);
	page_cache_stats before;
	page_cache_stats_get(&before);
	assert_int_equal(run_matrix(*state, true), cases);
	page_cache_stats after;
	page_cache_stats_get(&after);
	print_message("page cache: %llu hits in the second pass of %d cases\n",
		      (unsigned long long)(after.hits - before.hits), cases);
	assert_true(after.hits - before.hits > 100);     /* 205 when written */
	page_cache_set_limit(0);
	page_cache_clear();
}

/* Every GET page, as every role, with the hostile records in place. */
static void stored_xss_never_executes(void **state)
{
	webfix *w = *state;
	int pages = 0, escaped_seen = 0;
	for (const route *const *t = web_route_tables; *t; t++) {
		for (const route *rt = *t; rt->pattern; rt++) {
			if (strcmp(rt->method, "GET") || !strcmp(rt->pattern, "/assets/*"))
				continue;
			for (int who = 0; who < AS_ALL; who++) {
				const char *path = fill(w, &w->f.mem, rt->pattern, who == AS_OTHER_LEAD ? w->other_org : w->org,
							who == AS_OTHER_LEAD);
				request *r = web_run(w, who, "GET", path, NULL);
				/* Downloads (CSV, Excel) carry the text as data, sent as
				 * attachments and never as HTML: the browser does not
				 * render them, so there is nothing to escape. */
				if (r->download) {
					if (r->content_type && !strncmp(r->content_type, "text/html", 9))
						fail_msg("%s is a download sent as HTML", path);
					request_destroy(r);
					continue;
				}
				const char *body = web_body(r);
				pages++;
				for (size_t h = 0; h < sizeof hostile / sizeof *hostile; h++)
					if (strstr(body, hostile[h]))
						fail_msg("%s as %s shows \"%s\" unescaped", path, as_names[who], hostile[h]);
				if (strstr(body, "onerror=alert") && !strstr(body, "&quot;&gt;&lt;img"))
					fail_msg("%s as %s has an onerror attribute", path, as_names[who]);
				escaped_seen += strstr(body, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL;
				request_destroy(r);
			}
		}
	}
	print_message("stored XSS: %d pages viewed, escaped payload seen on %d\n", pages, escaped_seen);
	/* The payload really was on the pages, escaped: the test can fail. */
	assert_true(escaped_seen >= 10);
}

/* Someone who may use `rt` on our organisation and our records: no one
 * signed in for public routes, else a lead or the area administrator. */
static int allowed_user(const webfix *w, const route *rt)
{
	if (rt->flags & (ROUTE_PUBLIC | ROUTE_PARTNER))
		return AS_NOBODY;
	static const int roles[] = {AS_LEAD, AS_AREA, AS_ASSESSOR};
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (expect_allowed(w, rt, roles[i], w->org, 0) == 1)
			return roles[i];
	fail_msg("no role may use %s %s", rt->method, rt->pattern);
	return AS_NOBODY;
}

/* After a refused form the address in the browser is the POST's: opening
 * it again (reload, a bookmark, a link shared) must give a page, the form
 * itself or the page it belongs to (a 303 there), never 405. */
static void every_post_address_answers_a_get(void **state)
{
	webfix *w = *state;
	int posts = 0;
	for (const route *const *t = web_route_tables; *t; t++)
		for (const route *rt = *t; rt->pattern; rt++) {
			if (strcmp(rt->method, "POST") || (rt->flags & ROUTE_API))
				continue;
			int who = allowed_user(w, rt);
			const char *path = fill(w, &w->f.mem, rt->pattern, w->org, 0);
			request *r = web_run(w, who, "GET", path, NULL);
			int status = r->status;
			const char *to = r->location ? arena_strdup(&w->f.mem, r->location) : NULL;
			request_destroy(r);
			posts++;
			/* 409: the form is there, but not for a record in this
			 * state (the fixture's audit is submitted): the page says
			 * so. */
			if (status == 200 || status == 409)
				continue;
			/* 410: a public link that is spent or has expired (the
			 * fixture's made-up reset link): the page says so and
			 * how to get a new one. */
			if (status == 410 && (rt->flags & ROUTE_PUBLIC) && strstr(rt->pattern, "{token}"))
				continue;
			/* Set-up, once done, sends people to sign in. */
			bool public = rt->flags & (ROUTE_PUBLIC | ROUTE_PARTNER);
			if (status != 303 || !to || (!strcmp(to, "/sign-in") && !public))
				fail_msg("GET %s as %s answered %d%s%s", path, as_names[who], status,
					 to ? " to " : "", to ? to : "");
			r = web_run(w, who, "GET", to, NULL);
			if (r->status != 200 && r->status != 303)
				fail_msg("GET %s as %s sent to %s, which answered %d", path, as_names[who], to,
					 r->status);
			request_destroy(r);
		}
	print_message("%d POST addresses answer a GET\n", posts);
	assert_true(posts > 40);
}

/* Every form sent empty by someone allowed to send it: each page that
 * comes back with an error summary says "Error: " first in its title. */
static void refused_forms_say_error_in_their_title(void **state)
{
	webfix *w = *state;
	int refused = 0;
	scratch fresh = {0};
	for (const route *const *t = web_route_tables; *t; t++)
		for (const route *rt = *t; rt->pattern; rt++) {
			if (strcmp(rt->method, "POST") || (rt->flags & ROUTE_API))
				continue;
			webfix *cw = scratch_get(&fresh);
			int who = allowed_user(cw, rt);
			const char *path = fill(cw, &cw->f.mem, rt->pattern, cw->org, 0);
			request *r = who == AS_NOBODY ? web_post_signed_out(cw, path, NULL)
						      : web_run(cw, who, "POST", path, NULL);
			const char *body = web_body(r);
			if (strstr(body, "govuk-error-summary")) {
				refused++;
				if (!strstr(body, "<title>Error: ") || strstr(body, "<title>Error: Error: "))
					fail_msg("POST %s as %s (%d) shows an error summary without one \"Error: \" in its title",
						 path, as_names[who], r->status);
			}
			request_destroy(r);
			scratch_done(&fresh, false);
		}
	scratch_done(&fresh, true);
	/* A wrong password is refused the same way. */
	const char *wrong[] = {"email", "lead@example.org", "password", "not the password", NULL};
	request *r = web_post_signed_out(w, "/sign-in", wrong);
	assert_int_equal(r->status, 400);
	page_has(r, "<title>Error: Sign in");
	request_destroy(r);
	print_message("%d refused forms, each with \"Error: \" in its title (%d copies of the template)\n", refused,
		      fresh.copies);
	assert_true(refused > 25);
}

/* The dispatcher adds "Error: " to the title of a page with an error
 * summary; no page adds its own as well. Every GET page, opened by someone
 * allowed to, and a search refused on GET (its form is a GET form), has
 * it at most once. */
static void no_title_says_error_twice(void **state)
{
	webfix *w = *state;
	int pages = 0;
	for (const route *const *t = web_route_tables; *t; t++)
		for (const route *rt = *t; rt->pattern; rt++) {
			if (strcmp(rt->method, "GET") || (rt->flags & ROUTE_API))
				continue;
			int who = allowed_user(w, rt);
			const char *path = fill(w, &w->f.mem, rt->pattern, w->org, 0);
			request *r = who == AS_NOBODY ? web_get_query(w, AS_NOBODY, path, NULL)
						      : web_run(w, who, "GET", path, NULL);
			if (strstr(web_body(r), "Error: Error: "))
				fail_msg("GET %s as %s: \"Error: \" twice in its title", path, as_names[who]);
			request_destroy(r);
			pages++;
		}
	static const char *const blank[] = {"q", "   ", NULL};
	request *r = web_get_query(w, AS_VIEWER, web_path(w, "/org/%lld/search", (long long)w->org), blank);
	page_has(r, "govuk-error-summary");
	page_has(r, "<title>Error: Search - ");
	page_lacks(r, "Error: Error: ");
	request_destroy(r);
	print_message("%d GET pages, none with \"Error: \" twice\n", pages);
	assert_true(pages > 80);
}

/* Both organisations' records hold the word "alert" (the hostile texts):
 * a search answers with the searcher's organisation's records only, as
 * every role, and shows their text escaped. */
static void search_stays_in_its_organisation(void **state)
{
	webfix *w = *state;
	static const char *const q[] = {"q", "alert", NULL};
	const int ours[] = {AS_AREA, AS_LEAD, AS_CONTRIBUTOR, AS_VIEWER};
	const char *mine = web_path(w, "/evidence/%lld\"", (long long)ids.evidence[0]);
	const char *theirs = web_path(w, "/evidence/%lld\"", (long long)ids.evidence[1]);
	for (size_t i = 0; i < sizeof ours / sizeof *ours; i++) {
		request *r = web_get_query(w, ours[i], web_path(w, "/org/%lld/search", (long long)w->org), q);
		assert_int_equal(r->status, 200);
		page_has(r, mine);
		page_lacks(r, theirs);
		page_lacks(r, "onerror");
		page_lacks(r, hostile[0]);
		page_has(r, "&lt;script&gt;alert(1)&lt;/script&gt;");
		request_destroy(r);
	}
	request *r = web_get_query(w, AS_OTHER_LEAD, web_path(w, "/org/%lld/search", (long long)w->other_org), q);
	assert_int_equal(r->status, 200);
	page_has(r, theirs);
	page_lacks(r, mine);
	page_lacks(r, "alert(1)");
	request_destroy(r);
	/* Nor by asking for our organisation's page as theirs. */
	r = web_get_query(w, AS_OTHER_LEAD, web_path(w, "/org/%lld/search", (long long)w->org), q);
	assert_false(allowed(r));
	page_lacks(r, "alert");
	request_destroy(r);
}

/* Set-up (/setup, public) makes an account only before there is one, and
 * only with the set-up code (tests/web/test_setup_pages.c): once set up,
 * every role and no one signed in is sent to sign in, with a code or
 * without, and no account is made. */
static void setup_is_closed_to_everyone_once_set_up(void **state)
{
	webfix *w = *state;
	int64_t before = fixture_count(&w->f, "SELECT COUNT(*) FROM app_user");
	for (int who = 0; who < AS_ALL; who++) {
		const char *fields[] = {"code", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "name", "Eve", "email",
					"eve@example.org", "area", "Eve's Area", "password", "correct horse battery staple",
					NULL};
		for (int m = 0; m < 2; m++) {
			request *r = who == AS_NOBODY && m ? web_post_signed_out(w, "/setup", fields)
				     : web_run(w, who, m ? "POST" : "GET", "/setup", m ? fields : NULL);
			if (r->status != 303 || !r->location || strcmp(r->location, "/sign-in"))
				fail_msg("%s /setup as %s answered %d", m ? "POST" : "GET", as_names[who], r->status);
			request_destroy(r);
		}
	}
	assert_int_equal(fixture_count(&w->f, "SELECT COUNT(*) FROM app_user"), before);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(matrix), T(matrix_with_page_cache), T(stored_xss_never_executes),
					   T(every_post_address_answers_a_get),
					   T(refused_forms_say_error_in_their_title), T(no_title_says_error_twice),
					   T(search_stays_in_its_organisation),
					   T(setup_is_closed_to_everyone_once_set_up)};
	return cmocka_run_group_tests(tests, group_setup, webfix_group_teardown);
}
