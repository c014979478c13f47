/* test_audit_change.c: the writes a page makes in one domain call: an
 * audit's details with its people (audit_edit), a principle's judgement with
 * its evidence (audit_principle_record), and an API token with its line in
 * the activity log (api_token_create_logged, api_token_revoke_logged). Each is all or
 * nothing: a refusal leaves every table as it was. */
#include "testutil.h"

#include "domain/account.h"
#include "domain/area.h"
#include "domain/audit.h"

static const audit_actor lead = {.user_id = 0, .name = "Lead", .access = ACCESS_LEAD};

static int64_t draft(fixture *f, int64_t org)
{
	audit_fields h = {.audit_date = "2026-03-01", .service_area = "Short breaks"};
	int64_t id = 0;
	assert_int_equal(audit_start(&f->d, org, 0, &h, &lead, &id, &f->e), 0);
	return id;
}

static int64_t evidence_of(fixture *f, int64_t org)
{
	evidence_row ev = {.organisation_id = org, .title = "Minutes", .date = "2026-01-10",
			   .groups = GROUP_CYP};
	int64_t id;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	return id;
}

static void edit_is_all_or_nothing(void **state)
{
	fixture *f = *state;
	int64_t id = draft(f, fixture_org(f, "Riverside"));
	audit_fields fields = {.summary = "Going well"};
	/* A designation without a name is refused after the fields were
	 * valid: the summary must not be kept either. */
	audit_person_row nameless[] = {{.position = 1, .name = "", .designation = "Head"}};
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(audit_edit(&f->d, id, &fields, nameless, 1, NULL, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_INPUT);
	audit_row a;
	assert_int_equal(audit_get(&f->d, id, &a, &f->e), 0);
	assert_true(!a.summary || strcmp(a.summary, "Going well"));
	assert_int_equal(test_count_rows(&f->db), before);

	audit_person_row ann[] = {{.position = 1, .name = "Ann", .designation = "Head"}};
	int64_t none = 0;
	assert_int_equal(audit_edit(&f->d, id, &fields, ann, 1, &none, &f->e), 0);
	audit_view v;
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_string_equal(v.audit.summary, "Going well");
	assert_int_equal(v.n_people, 1);
	/* NULL people leave them as they are. */
	audit_fields more = {.next_steps = "Ask families"};
	assert_int_equal(audit_edit(&f->d, id, &more, NULL, 0, NULL, &f->e), 0);
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_int_equal(v.n_people, 1);
	assert_string_equal(v.audit.next_steps, "Ask families");
}

static void principle_record_is_all_or_nothing(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Riverside"), other = fixture_org(f, "Elsewhere");
	int64_t id = draft(f, org);
	int64_t ours = evidence_of(f, org), theirs = evidence_of(f, other);
	principle_change c = {.level = "good", .notes = "Seen at the forum"};
	/* Another organisation's evidence refuses the whole judgement. */
	int64_t before = test_count_rows(&f->db);
	int64_t wrong[] = {ours, theirs};
	assert_int_equal(audit_principle_record(&f->d, id, "1", &c, wrong, 2, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
	audit_view v;
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_null(v.principles[0].row.level);

	assert_int_equal(audit_principle_record(&f->d, id, "1", &c, &ours, 1, &f->e), 0);
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_string_equal(v.principles[0].row.level, "good");
	assert_int_equal(v.principles[0].n_evidence, 1);
	/* NULL evidence leaves the links as they are. */
	principle_change notes = {.notes = "More notes"};
	assert_int_equal(audit_principle_record(&f->d, id, "1", &notes, NULL, 0, &f->e), 0);
	assert_int_equal(audit_view_load(&f->d, id, &v, &f->e), 0);
	assert_int_equal(v.principles[0].n_evidence, 1);
}

static int64_t activity_lines(fixture *f, int64_t area, const char *like)
{
	activity_list list;
	assert_int_equal(activity_of(&f->d, 0, area, 100, &list, &f->e), 0);
	int64_t n = 0;
	for (size_t i = 0; i < list.n; i++)
		n += strstr(list.items[i].what, like) != NULL;
	return n;
}

static void tokens_log_their_changes(void **state)
{
	fixture *f = *state;
	fixture_org(f, "Riverside");
	int64_t area = 0;
	assert_int_equal(area_find(&f->d, "Test Area", &area, &f->e), 1);
	user_row who = {.id = 0, .name = "Area Admin"};
	char token[65];
	int64_t id;
	assert_int_equal(api_token_create_logged(&f->d, &who, area, "Dashboard", token, &id, &f->e), 0);
	assert_int_equal(activity_lines(f, area, "created API token"), 1);
	assert_int_equal(activity_lines(f, area, token), 0);
	assert_int_equal(api_token_revoke_logged(&f->d, &who, area, id, &f->e), 0);
	assert_int_equal(activity_lines(f, area, "revoked API token"), 1);
	/* Revoked already, or another area's: not found, nothing logged. */
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(api_token_revoke_logged(&f->d, &who, area, id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(api_token_revoke_logged(&f->d, &who, area + 1, id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(test_count_rows(&f->db), before);
	assert_int_equal(activity_lines(f, area, "revoked API token"), 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(edit_is_all_or_nothing),
		T(principle_record_is_all_or_nothing),
		T(tokens_log_their_changes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
