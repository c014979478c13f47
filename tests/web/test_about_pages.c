/* test_about_pages.c: "About this tool": every instrument's own guidance
 * from its file, for any signed-in person, with the editor's notes folded
 * and the corrected typos' printed forms; linked from the evaluation and
 * the audit. */
#include "webtest.h"

static void list_and_pages(void **state)
{
	webfix *w = *state;
	request *r = web_expect_request(w, AS_VIEWER, "GET", "/frameworks", NULL, 200);
	page_has(r, "<h1 class=\"govuk-heading-l\">About the tools</h1>");
	page_has(r, "href=\"/frameworks/four-cornerstones\">Four Cornerstones Self-Evaluation Tool</a>");
	page_has(r, "href=\"/frameworks/four-cornerstones-success-measures\"");
	page_has(r, "4 cornerstones, 53 success measures");
	request_destroy(r);

	/* 001: "How to use", definitions, safeguarding; the exact words. */
	r = web_expect_request(w, AS_VIEWER, "GET", "/frameworks/four-cornerstones", NULL, 200);
	page_has(r, "<title>About this tool: Four Cornerstones Self-Evaluation Tool");
	page_has(r, "id=\"how-to-use\">How to use it</h2>");
	page_has(r, "are by no means exhaustive.");
	page_has(r, "it is permissible to match good quality evidence to several indicators across different Cornerstones.");
	page_has(r, "seeking Gold Accreditation");
	page_has(r, "used appreciatively and collaboratively");
	page_has(r, "The term partner refers in equal measure to children and young people, parent carers and practitioners.");
	page_has(r, "adherence to relevant safeguarding protocols.");
	page_has(r, "Source: The Four Cornerstones Approach to Co-production: Self-Evaluation Tool for schools, settings, providers and services across Education, Health and Care; 2nd Edition (revised) November 2019; Genuine Partnerships (Rotherham Charter); November 2019.");
	/* The editor's notes are folded and said to be the editor's. */
	page_has(r, "The notes below are the editor's, not the source's.");
	page_has(r, "<span class=\"govuk-details__summary-text\">How the tool was transcribed</span>");
	page_has(r, "Easy read (copro&#39;s wording)");
	request_destroy(r);

	/* 002's instructions, its measures' notes folded; 003's opening. */
	r = web_expect_request(w, AS_CONTRIBUTOR, "GET", "/frameworks/four-cornerstones-success-measures", NULL, 200);
	page_has(r, "are invited to choose success measures under each of the Cornerstones");
	page_has(r, "<strong>Success measure 1.2:</strong> Printed before the WELCOME AND CARE heading");
	request_destroy(r);
	r = web_expect_request(w, AS_LEAD, "GET", "/frameworks/four-cornerstones-service-plan", NULL, 200);
	page_has(r, "were co-produced by Rotherham parent carers and practitioners");
	request_destroy(r);

	/* 004: the audit's introduction and guidance; a model's typos with
	 * their printed forms; the gaps counted plainly. */
	r = web_expect_request(w, AS_AREA, "GET", "/frameworks/york-joint-partnership-audit", NULL, 200);
	page_has(r, "have agreed to embed joint partnership working with children, young people, and families as a standard quality mark.");
	page_has(r, "Services should aim to develop at least one service per year through joint partnership.");
	page_has(r, "Part of the source text is missing in 5 places");
	request_destroy(r);
	r = web_expect_request(w, AS_VIEWER, "GET", "/frameworks/york-strategic-model", NULL, 200);
	page_has(r, "<strong>Step 6, question a:</strong> Printed as &quot;activley&quot; and &quot;veiws&quot;; corrected here.");
	page_has(r, "<strong>Model steps:</strong> Printed as &quot;statutory components sand parents&quot;");
	page_lacks(r, "GAP IN SOURCE");
	request_destroy(r);

	web_expect(w, AS_VIEWER, "GET", "/frameworks/no-such-tool", NULL, 404);
	web_expect(w, AS_NOBODY, "GET", "/frameworks/four-cornerstones", NULL, 303);
}

static void linked_from_the_evaluation(void **state)
{
	webfix *w = *state;
	request *r = web_expect_request(w, AS_VIEWER, "GET",
					web_path(w, "/org/%lld/evaluation/%lld", (long long)w->org, (long long)w->eval),
					NULL, 200);
	page_has(r, "href=\"/frameworks/four-cornerstones#how-to-use\">How to use this tool</a>");
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {T(list_and_pages), T(linked_from_the_evaluation)};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
