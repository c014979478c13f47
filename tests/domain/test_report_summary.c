/* test_report_summary.c: the one-page summary of a self-evaluation: the
 * figures per cornerstone, the strength and area picked for each, the
 * open actions overdue first (and how many more), another organisation's
 * evaluation refused, and long texts cut at a word. */
#include "testutil.h"

#include "domain/summaries.h"


static void link_evidence(fixture *f, int64_t org, int64_t eval, int groups, const char *const *refs,
			  size_t n_refs)
{
	evidence_row ev = {.organisation_id = org, .title = "Youth forum minutes", .date = "2026-05-01",
			   .groups = groups};
	int64_t id;
	size_t n;
	assert_int_equal(evidence_add(&f->d, &ev, &id, &f->e), 0);
	assert_int_equal(evidence_link(&f->d, id, eval, refs, n_refs, false, &n, &f->e), 0);
}

static void judge(fixture *f, int64_t eval, const char *element, const char *strengths,
		  const char *areas, const char *status)
{
	review_change c = {.strengths = strengths, .areas = areas, .status = status, .groups = -1};
	assert_int_equal(review_set(&f->d, eval, element, &c, &f->e), 0);
}

static void figures_and_picks(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Oak School");
	int64_t eval = fixture_evaluation(f, org);
	link_evidence(f, org, eval, GROUP_CYP, (const char *[]){"1i.a", "1i.b", "1ii.a"}, 3);
	judge(f, eval, "1i", "Pupils run the welcome", "Parents rarely come", "complete");
	judge(f, eval, "1ii", "Wellbeing club", "Wellbeing survey is old", "complete");
	judge(f, eval, "1iii", NULL, "   ", "in-progress");
	report_doc *r;
	assert_int_equal(report_summary(&f->d, org, eval, "2026-06-01", &r, &f->e), 0);
	assert_string_equal(r->title, "Self-evaluation summary");
	assert_true(!strncmp(r->subtitle, "Oak School, ", 12));
	assert_non_null(strstr(r->subtitle, "(draft)"));
	assert_true(r->compact);
	assert_string_equal(r->made, "Made on 1 June 2026");
	assert_true(!strncmp(r->filename, "summary-oak-school", 18));

	const report_block *t = test_report_table(r, "Where the self-evaluation stands, per cornerstone");
	assert_int_equal(t->nrows, 5);                  /* four cornerstones and all */
	assert_string_equal(t->rows[0][0].text, "1 Welcome and Care");
	assert_string_equal(t->rows[0][1].text, "2 of 7");
	assert_string_equal(t->rows[0][2].text, "3 of 39");
	assert_string_equal(t->rows[0][3].text, "Children and young people");
	assert_string_equal(t->rows[1][1].text, "0 of 7");
	assert_string_equal(t->rows[1][3].text, "None recorded");
	assert_string_equal(t->rows[4][0].text, "All cornerstones");
	assert_string_equal(t->rows[4][1].text, "2 of 25");
	assert_true(t->rows[4][0].strong);

	/* 1i has two indicators evidenced, 1ii one of its eight: 1i's strength,
	 * 1ii's area; 1iii's blank area is not one. */
	t = test_report_table(r, "Top strength and area for development, per cornerstone");
	assert_int_equal(t->nrows, 4);
	assert_string_equal(t->rows[0][1].text, "1i: Pupils run the welcome");
	assert_string_equal(t->rows[0][1].link, arena_printf(&f->mem, "/org/%lld/evaluation/%lld/statement/1i",
							    (long long)org, (long long)eval));
	assert_string_equal(t->rows[0][2].text, "1ii: Wellbeing survey is old");
	assert_string_equal(t->rows[1][1].text, "None recorded yet");
	assert_string_equal(t->rows[1][2].text, "None recorded yet");
	assert_null(t->rows[1][1].link);
	report_block *b = r->first;
	while (b && b->kind != REPORT_NOTE)
		b = b->next;
	assert_non_null(b);
	assert_non_null(strstr(b->text, "most indicators evidenced"));
}

static void add_action(fixture *f, int64_t org, const char *title, const char *due, const char *status)
{
	action_row a = {.organisation_id = org, .title = title, .owner = "Head teacher", .due_on = due,
			.status = status};
	int64_t id;
	assert_int_equal(action_add(&f->d, &a, &id, &f->e), 0);
}

static void actions_overdue_first(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "Oak School");
	int64_t eval = fixture_evaluation(f, org);
	report_doc *r;
	assert_int_equal(report_summary(&f->d, org, eval, "2026-06-01", &r, &f->e), 0);
	assert_string_equal(r->last->text, "There are no open actions on the action plan.");

	add_action(f, org, "Later", "2026-12-01", "open");
	add_action(f, org, "Late", "2026-05-01", "in-progress");
	add_action(f, org, "Finished", "2026-01-01", "done");
	assert_int_equal(report_summary(&f->d, org, eval, "2026-06-01", &r, &f->e), 0);
	const report_block *t = test_report_table(r, "Open actions, overdue first");
	assert_int_equal(t->nrows, 2);
	assert_string_equal(t->rows[0][0].text, "Late");
	assert_string_equal(t->rows[0][1].text, "Head teacher");
	assert_string_equal(t->rows[0][2].text, "1 May 2026 (overdue)");
	assert_true(t->rows[0][2].strong);
	assert_string_equal(t->rows[1][0].text, "Later");
	assert_string_equal(t->rows[1][2].text, "1 December 2026");
	assert_false(t->rows[1][2].strong);
	assert_int_equal(r->last->kind, REPORT_TABLE);

	for (int i = 0; i < SUMMARY_ACTIONS; i++)
		add_action(f, org, "More", "2027-01-01", "open");
	assert_int_equal(report_summary(&f->d, org, eval, "2026-06-01", &r, &f->e), 0);
	t = test_report_table(r, "Open actions, overdue first");
	assert_int_equal(t->nrows, SUMMARY_ACTIONS);
	assert_string_equal(r->last->text, "And 2 more open actions on the action plan.");
	assert_string_equal(r->last->link, arena_printf(&f->mem, "/org/%lld/actions", (long long)org));
}

static void another_organisations_evaluation_is_refused(void **state)
{
	fixture *f = *state;
	int64_t ours = fixture_org(f, "Oak School"), theirs = fixture_org(f, "Ash School");
	int64_t eval = fixture_evaluation(f, theirs);
	report_doc *r = NULL;
	assert_int_equal(report_summary(&f->d, ours, eval, NULL, &r, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_null(r);
	assert_int_equal(report_summary(&f->d, 0, 9999, NULL, &r, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(report_summary(&f->d, 0, eval, NULL, &r, &f->e), 0);   /* the command line */
}

static void long_texts_are_cut_at_a_word(void **state)
{
	fixture *f = *state;
	arena *a = &f->mem;
	assert_string_equal(summary_cut(a, "short", 10), "short");
	assert_string_equal(summary_cut(a, "line one\nline two  ", 40), "line one line two");
	assert_string_equal(summary_cut(a, "the quick brown fox jumps", 14), "the quick\u2026");
	assert_string_equal(summary_cut(a, "the quick, brown", 11), "the quick\u2026");
	/* No space in reach: cut between characters, never inside one. */
	assert_string_equal(summary_cut(a, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 5), "\xc3\xa9\xc3\xa9\u2026");
	assert_string_equal(summary_cut(a, NULL, 5), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(figures_and_picks, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(actions_overdue_first, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(another_organisations_evaluation_is_refused, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(long_texts_are_cut_at_a_word, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
