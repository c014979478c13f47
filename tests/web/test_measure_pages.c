/* test_measure_pages.c: success measure pages: choosing three measures
 * across cornerstones, linking two, a metric with three readings (one
 * entered late) drawn as a chart with the same numbers in a table and the
 * target and trend in words; refusals shown on the form; other
 * organisations' measures not found; viewers cannot change anything. */
#include "webtest.h"

#include "domain/measure.h"
#include "store/measure.h"

/* A 400 whose page says `text` and leaves the database as it was. */
static void expect_refused(webfix *w, const char *p, const char *const *fields, const char *text)
{
	int64_t before = test_count_rows(&w->f.db);
	request *r = web_expect_request(w, AS_CONTRIBUTOR, "POST", p, fields, 400);
	const char *body = web_body(r);
	if (!strstr(body, "govuk-error-summary") || !strstr(body, text))
		fail_msg("POST %s: expected an error summary and \"%s\"\n%.4000s", p, text, body);
	request_destroy(r);
	assert_int_equal(test_count_rows(&w->f.db), before);
}

/* Chooses a measure through the form; answers its id from the redirect. */
static int64_t choose(webfix *w, const char *cornerstone, const char *const *fields)
{
	request *r = web_expect_request(w, AS_CONTRIBUTOR, "POST",
					web_path(w, "/org/%lld/measures/new/%s", (long long)w->org, cornerstone),
					fields, 303);
	const char *prefix = web_path(w, "/org/%lld/measure/", (long long)w->org);
	assert_non_null(r->location);
	assert_memory_equal(r->location, prefix, strlen(prefix));
	int64_t id = strtoll(r->location + strlen(prefix), NULL, 10);
	request_destroy(r);
	return id;
}

static int64_t other_measure(webfix *w)
{
	measure_row m = {.organisation_id = w->other_org, .cycle = "2026-27", .cornerstone_key = "1",
			 .catalogue_key = "1.1"};
	int64_t id, metric;
	assert_int_equal(measure_add(&w->f.d, &m, &id, &w->f.e), 0);
	metric_row mt = {.measure_id = id, .name = "Their secret metric", .kind = "count",
			 .direction = "lower"};
	assert_int_equal(metric_add(&w->f.d, &mt, &metric, &w->f.e), 0);
	return id;
}

static int64_t first_metric(webfix *w, int64_t measure)
{
	metric_list ml;
	assert_int_equal(store_metric_list(&w->f.db, &w->f.mem, measure, &ml, &w->f.e), 0);
	assert_true(ml.n > 0);
	return ml.items[ml.n - 1].id;
}

static void the_whole_flow(void **state)
{
	webfix *w = *state;
	long long org = (long long)w->org;
	/* Step 1 asks for the cornerstone only; step 2 offers its catalogue,
	 * with nothing chosen. */
	request *r = web_expect_request(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/measures/new", org), NULL, 200);
	const char *body = web_body(r);
	assert_non_null(strstr(body, "Cornerstone 1: Welcome and Care"));
	assert_non_null(strstr(body, "Cornerstone 4: Work in Partnership"));
	assert_null(strstr(body, "value=\"1.7\""));
	assert_null(strstr(body, " checked"));
	request_destroy(r);
	r = web_expect_request(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/measures/new", org),
			       (const char *[]){"cornerstone", "1", NULL}, 303);
	assert_string_equal(r->location, web_path(w, "/org/%lld/measures/new/1", org));
	request_destroy(r);
	r = web_expect_request(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/measures/new/1", org), NULL, 200);
	body = web_body(r);
	assert_non_null(strstr(body, "Cornerstone 1: Welcome and Care"));
	assert_null(strstr(body, "Cornerstone 4: Work in Partnership"));
	assert_non_null(strstr(body, "value=\"1.7\""));
	assert_null(strstr(body, "value=\"3.1\""));
	assert_non_null(strstr(body, "There are good numbers of parent carer volunteers"));
	assert_non_null(strstr(body, "value=\"own\""));
	assert_null(strstr(body, " checked"));
	/* Editors' notes never sit under the choices. */
	assert_null(strstr(body, "Printed before the WELCOME AND CARE heading"));
	assert_null(strstr(body, "GAP IN SOURCE"));
	assert_non_null(strstr(body, "value=\"2026-27\""));     /* the cycle of the evaluation */
	request_destroy(r);

	int64_t a = choose(w, "1", (const char *[]){"cycle", "2026-27", "measure", "1.7", NULL});
	int64_t b = choose(w, "3", (const char *[]){"cycle", "2026-27", "measure", "3.1", NULL});
	int64_t c = choose(w, "3", (const char *[]){"cycle", "2026-27", "measure", "own",
					       "own", "Families say the newsletter is useful", NULL});

	/* Link a (Welcome and Care) to b (Communicate): shown both ways. */
	char bid[24];
	snprintf(bid, sizeof bid, "%lld", (long long)b);
	web_expect(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/measure/%lld/links", org, (long long)a),
		    (const char *[]){"other", bid, NULL}, 303);

	/* A percentage metric with three readings, the oldest entered last. */
	const char *metrics = web_path(w, "/org/%lld/measure/%lld/metrics", org, (long long)a);
	web_expect(w, AS_CONTRIBUTOR, "POST", metrics,
		    (const char *[]){"metric-name", "Parent carers who rate communication as good",
				     "metric-kind", "percentage", "metric-direction", "higher",
				     "metric-baseline", "40", "metric-target", "75", NULL}, 303);
	int64_t pct = first_metric(w, a);
	const char *readings = web_path(w, "/org/%lld/measure/%lld/metric/%lld/readings", org,
					(long long)a, (long long)pct);
	char f[5][32];
	const char *parts[] = {"date", "value", "numerator", "denominator", "source"};
	for (int i = 0; i < 5; i++)
		snprintf(f[i], sizeof f[i], "r%lld-%s", (long long)pct, parts[i]);
	char with[32];
	snprintf(with, sizeof with, "r%lld-with", (long long)pct);
	web_expect(w, AS_CONTRIBUTOR, "POST", readings,
		    web_dated(w, f[0], "2026-06-01", (const char *[]){f[1], "60", f[4], "survey", with, "parent-carers", NULL}), 303);
	web_expect(w, AS_CONTRIBUTOR, "POST", readings,
		    web_dated(w, f[0], "2026-10-01", (const char *[]){f[1], "70", f[4], "meeting", NULL}), 303);
	web_expect(w, AS_CONTRIBUTOR, "POST", readings,
		    web_dated(w, f[0], "2026-03-01", (const char *[]){f[2], "33", f[3], "60", f[4], "survey",
				     with, "parent-carers", with, "children-and-young-people", NULL}), 303);

	/* A count where lower is better, at its target. */
	web_expect(w, AS_CONTRIBUTOR, "POST", metrics,
		    (const char *[]){"metric-name", "Formal complaints", "metric-kind", "count",
				     "metric-direction", "lower", "metric-baseline", "10", "metric-target", "5", NULL}, 303);
	int64_t count = first_metric(w, a);
	char cdate[32], cvalue[32], csource[32];
	snprintf(cdate, sizeof cdate, "r%lld-date", (long long)count);
	snprintf(cvalue, sizeof cvalue, "r%lld-value", (long long)count);
	snprintf(csource, sizeof csource, "r%lld-source", (long long)count);
	web_expect(w, AS_CONTRIBUTOR, "POST",
		    web_path(w, "/org/%lld/measure/%lld/metric/%lld/readings", org, (long long)a, (long long)count),
		    web_dated(w, cdate, "2026-10-01", (const char *[]){cvalue, "4", csource, "records", NULL}), 303);

	/* The measure page: chart, table, words. */
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/measure/%lld", org, (long long)a), NULL, 200);
	body = web_body(r);
	assert_non_null(strstr(body, "There are good numbers of parent carer volunteers"));
	assert_non_null(strstr(body, "Cornerstone 1: Welcome and Care"));
	const char *svg = strstr(body, "<svg class=\"copro-trend\"");
	assert_non_null(svg);
	assert_non_null(strstr(svg, "role=\"img\""));
	const char *title = strstr(svg, "<title id=\"chart-");
	assert_non_null(title);
	assert_non_null(strstr(title, "1 March 2026 55%; 1 June 2026 60%; 1 October 2026 70%. Target 75%. Baseline 40%."));
	const char *svg_end = strstr(svg, "</svg>");
	assert_non_null(strstr(svg, "stroke-dasharray"));
	const char *target = strstr(svg, ">Target 75%</text>");
	assert_true(target && target < svg_end);
	/* Each point is labelled with its number, in date order. */
	const char *p55 = strstr(svg, ">55%</text>"), *p60 = strstr(svg, ">60%</text>");
	const char *p70 = strstr(svg, ">70%</text>");
	assert_true(p55 && p60 && p70 && p55 < p60 && p60 < p70 && p70 < svg_end);
	/* The same numbers in the table, oldest first, with the fraction. */
	const char *table = strstr(svg_end, "<caption class=\"govuk-table__caption govuk-table__caption--s\">Readings of Parent carers");
	assert_non_null(table);
	const char *t1 = strstr(table, "1 March 2026"), *t2 = strstr(table, "1 June 2026");
	const char *t3 = strstr(table, "1 October 2026");
	assert_true(t1 && t2 && t3 && t1 < t2 && t2 < t3);
	assert_non_null(strstr(t1, ">55%</td>"));
	assert_non_null(strstr(t1, "33 of 60"));
	assert_true(strstr(t1, "children and young people, parent carers") < t2);
	assert_true(strstr(t2, ">60%</td>") < t3);
	assert_non_null(strstr(t3, ">70%</td>"));
	assert_non_null(strstr(t3, "Meeting"));
	assert_non_null(strstr(body, "Not yet at the target of 75%"));
	assert_non_null(strstr(body, "Improving since the previous reading."));
	assert_non_null(strstr(body, "Improving since the previous reading (60%); improving since the baseline (40%)."));
	assert_non_null(strstr(body, ">Target met</strong>"));
	assert_non_null(strstr(body, "Improving since the baseline."));
	/* The link, navigable; the viewer has no forms. */
	assert_non_null(strstr(body, web_path(w, "href=\"/org/%lld/measure/%lld\"", org, (long long)b)));
	assert_null(strstr(body, "/readings\""));
	assert_null(strstr(body, "/metrics\""));
	assert_null(strstr(body, "/links\""));
	assert_null(strstr(body, "/edit\""));
	request_destroy(r);
	r = web_expect_request(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/measure/%lld", org, (long long)a), NULL, 200);
	body = web_body(r);
	assert_non_null(strstr(body, web_path(w, "action=\"/org/%lld/measure/%lld/metric/%lld/readings\"", org,
					      (long long)a, (long long)pct)));
	assert_non_null(strstr(body, "Add a metric"));
	assert_non_null(strstr(body, "Remove link"));
	assert_non_null(strstr(body, web_path(w, "<option value=\"%lld\">", (long long)c)));
	request_destroy(r);
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/measure/%lld", org, (long long)b), NULL, 200);
	assert_non_null(strstr(web_body(r), web_path(w, "href=\"/org/%lld/measure/%lld\"", org, (long long)a)));
	assert_non_null(strstr(web_body(r), "No metrics yet"));
	request_destroy(r);

	/* The list, by cornerstone, with latest values and the worked examples. */
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/measures", org), NULL, 200);
	body = web_body(r);
	const char *c1 = strstr(body, "Cornerstone 1: Welcome and Care"), *c3 = strstr(body, "Cornerstone 3: Communicate");
	assert_true(c1 && c3 && c1 < c3);
	assert_true(strstr(body, "There are good numbers of parent carer volunteers") < c3);
	assert_true(strstr(body, "Families say the newsletter is useful") > c3);
	assert_non_null(strstr(body, "Parent carers who rate communication as good: 70% "));
	assert_non_null(strstr(body, "Worked examples from the source"));
	assert_non_null(strstr(body, "There are few formal complaints"));
	assert_non_null(strstr(body, "You said we did on monthly newsletter"));
	assert_null(strstr(body, "/measures/new"));
	request_destroy(r);
}

static void refusals_show_the_form(void **state)
{
	webfix *w = *state;
	long long org = (long long)w->org;
	const char *add = web_path(w, "/org/%lld/measures/new/1", org);
	int64_t a = choose(w, "1", (const char *[]){"cycle", "2026-27", "measure", "1.7", NULL});
	int64_t b = choose(w, "2", (const char *[]){"cycle", "2026-27", "measure", "2.3", NULL});
	expect_refused(w, add, (const char *[]){"cycle", "2026-27", NULL}, "Choose a success measure");
	expect_refused(w, add, (const char *[]){"cycle", "2026-27", "measure", "1.7", NULL},
		       "already chosen measure 1.7");
	expect_refused(w, add, (const char *[]){"cycle", "2026-27", "measure", "9.9", NULL},
		       "Choose a success measure from the list");
	/* Another cornerstone's measure is not on this cornerstone's list. */
	expect_refused(w, add, (const char *[]){"cycle", "2026-27", "measure", "3.1", NULL},
		       "Choose a success measure from the list");
	expect_refused(w, add, (const char *[]){"cycle", "", "measure", "1.8", NULL}, "Enter the cycle");
	/* What was typed comes back, at the same address, "Error: " in the title. */
	request *r = web_expect_request(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/measures/new/2", org),
					(const char *[]){"cycle", "2026-27", "measure", "own", NULL}, 400);
	assert_non_null(strstr(web_body(r), "<title>Error: "));
	assert_non_null(strstr(web_body(r), "Write your own measure"));
	assert_non_null(strstr(web_body(r), "value=\"own\" checked"));
	assert_non_null(strstr(web_body(r), "action=\"/org/"));
	assert_non_null(strstr(web_body(r), "/measures/new/2\""));
	assert_non_null(strstr(web_body(r), "href=\"#own\""));
	request_destroy(r);
	/* Step 1 without a cornerstone, or with one the catalogue lacks. */
	const char *step1 = web_path(w, "/org/%lld/measures/new", org);
	expect_refused(w, step1, NULL, "Choose the cornerstone the success measure is for");
	expect_refused(w, step1, (const char *[]){"cornerstone", "9", NULL},
		       "Choose the cornerstone the success measure is for");
	r = web_expect_request(w, AS_CONTRIBUTOR, "POST", step1, (const char *[]){"cornerstone", "", NULL}, 400);
	assert_non_null(strstr(web_body(r), "<title>Error: Which cornerstone"));
	assert_non_null(strstr(web_body(r), "href=\"#cornerstone\""));
	request_destroy(r);
	/* A cornerstone the catalogue lacks is not found, read or written. */
	web_expect(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/measures/new/9", org), NULL, 404);
	web_expect(w, AS_CONTRIBUTOR, "GET", web_path(w, "/org/%lld/measures/new/%%3Cb%%3E", org), NULL, 404);
	int64_t before = test_count_rows(&w->f.db);
	web_expect(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/measures/new/9", org),
		   (const char *[]){"cycle", "2026-27", "measure", "1.8", NULL}, 404);
	assert_int_equal(test_count_rows(&w->f.db), before);

	const char *links = web_path(w, "/org/%lld/measure/%lld/links", org, (long long)a);
	char self[24], theirs[24];
	snprintf(self, sizeof self, "%lld", (long long)a);
	snprintf(theirs, sizeof theirs, "%lld", (long long)other_measure(w));
	expect_refused(w, links, (const char *[]){"other", self, NULL}, "cannot be linked to itself");
	expect_refused(w, links, (const char *[]){"other", theirs, NULL}, "Choose one of your organisation");
	expect_refused(w, links, (const char *[]){"other", "", NULL}, "Choose the measure to link");
	char bid[24];
	snprintf(bid, sizeof bid, "%lld", (long long)b);
	web_expect(w, AS_CONTRIBUTOR, "POST", links, (const char *[]){"other", bid, NULL}, 303);
	expect_refused(w, links, (const char *[]){"other", bid, NULL}, "linked already");
	web_expect(w, AS_CONTRIBUTOR, "POST", links, (const char *[]){"unlink", bid, NULL}, 303);
	measure_detail md;
	assert_int_equal(measure_detail_load(&w->f.d, a, &md, &w->f.e), 0);
	assert_int_equal(md.links.n, 0);

	const char *metrics = web_path(w, "/org/%lld/measure/%lld/metrics", org, (long long)a);
	expect_refused(w, metrics, (const char *[]){"metric-name", "X", "metric-direction", "higher", NULL},
		       "Choose the kind of number");
	expect_refused(w, metrics, (const char *[]){"metric-name", "Exclusions", "metric-kind", "rate",
						    "metric-direction", "lower", NULL}, "per 100 pupils");
	expect_refused(w, metrics, (const char *[]){"metric-name", "X", "metric-kind", "percentage",
						    "metric-direction", "higher", "metric-target", "120", NULL},
		       "cannot be more than 100");
	expect_refused(w, metrics, (const char *[]){"metric-name", "X", "metric-kind", "count",
						    "metric-direction", "higher", "metric-baseline", "lots", NULL},
		       "is not a number");
	web_expect(w, AS_CONTRIBUTOR, "POST", metrics,
		    (const char *[]){"metric-name", "Rated good", "metric-kind", "percentage",
				     "metric-direction", "higher", NULL}, 303);
	int64_t mt = first_metric(w, a);
	const char *readings = web_path(w, "/org/%lld/measure/%lld/metric/%lld/readings", org,
					(long long)a, (long long)mt);
	char d[32], n[32], dn[32], s[32], v[32];
	snprintf(d, sizeof d, "r%lld-date", (long long)mt);
	snprintf(n, sizeof n, "r%lld-numerator", (long long)mt);
	snprintf(dn, sizeof dn, "r%lld-denominator", (long long)mt);
	snprintf(s, sizeof s, "r%lld-source", (long long)mt);
	snprintf(v, sizeof v, "r%lld-value", (long long)mt);
	expect_refused(w, readings, web_dated(w, d, "2026-05-01", (const char *[]){n, "3", dn, "0", s, "survey", NULL}),
		       "The denominator is 0");
	r = web_expect_request(w, AS_CONTRIBUTOR, "POST", readings,
			       web_dated(w, d, "2026-05-01", (const char *[]){n, "3", dn, "0", s, "survey", NULL}), 400);
	assert_non_null(strstr(web_body(r), web_path(w, "href=\"#%s\"", dn)));
	assert_non_null(strstr(web_body(r), web_path(w, "name=\"%s\" type=\"text\" value=\"3\"", n)));
	assert_non_null(strstr(web_body(r), "<details class=\"govuk-details\" open>"));
	request_destroy(r);
	expect_refused(w, readings, web_dated(w, d, "2026-05-01", (const char *[]){n, "12", dn, "10", s, "survey", NULL}),
		       "more than the denominator");
	expect_refused(w, readings, web_dated(w, d, "2026-02-30", (const char *[]){v, "50", s, "survey", NULL}),
		       "must be a real date");
	expect_refused(w, readings, web_dated(w, d, "2026-12-01", (const char *[]){v, "50", s, "survey", NULL}),
		       "must be today or in the past");
	expect_refused(w, readings, web_dated(w, d, "2026-05-01", (const char *[]){v, "50", NULL}),
		       "Choose where the reading comes from");
	expect_refused(w, readings, web_dated(w, d, "2026-05-01", (const char *[]){s, "survey", NULL}),
		       "Give the reading");
	web_expect(w, AS_CONTRIBUTOR, "POST", readings,
		    web_dated(w, d, "2026-05-01", (const char *[]){v, "50", s, "survey", NULL}), 303);
	expect_refused(w, readings, web_dated(w, d, "2026-05-01", (const char *[]){v, "52", s, "survey", NULL}),
		       "already has a reading on 2026-05-01");

	/* The grid, with the instrument's column titles. */
	const char *edit = web_path(w, "/org/%lld/measure/%lld/edit", org, (long long)a);
	r = web_expect_request(w, AS_CONTRIBUTOR, "GET", edit, NULL, 200);
	assert_non_null(strstr(web_body(r), "What exactly needs to be improved?"));
	assert_non_null(strstr(web_body(r), "Evaluation – what else needs to happen?"));
	request_destroy(r);
	expect_refused(w, edit, (const char *[]){"improve", "ok", "know", "bad\x01", NULL}, "control character");
	web_expect(w, AS_CONTRIBUTOR, "POST", edit,
		    (const char *[]){"improve", "Staff respond <quickly>", "know", "Fewer complaints",
				     "measuring", "Complaints", "evaluation", "You said, we did", NULL}, 303);
	r = web_expect_request(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/measure/%lld", org, (long long)a), NULL, 200);
	assert_non_null(strstr(web_body(r), "Staff respond &lt;quickly&gt;"));
	request_destroy(r);
}

static void other_organisations_and_roles(void **state)
{
	webfix *w = *state;
	long long org = (long long)w->org;
	int64_t theirs = other_measure(w);
	int64_t their_metric = first_metric(w, theirs);
	int64_t ours = choose(w, "1", (const char *[]){"cycle", "2026-27", "measure", "1.7", NULL});
	web_expect(w, AS_CONTRIBUTOR, "POST", web_path(w, "/org/%lld/measure/%lld/metrics", org, (long long)ours),
		    (const char *[]){"metric-name", "Volunteers", "metric-kind", "count",
				     "metric-direction", "higher", NULL}, 303);
	int64_t our_metric = first_metric(w, ours);
	int64_t before = test_count_rows(&w->f.db);
	/* Their measure under our organisation: not found, whoever asks. */
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/measure/%lld", org, (long long)theirs), NULL, 404);
	web_expect(w, AS_AREA, "GET", web_path(w, "/org/%lld/measure/%lld/edit", org, (long long)theirs), NULL, 404);
	web_expect(w, AS_LEAD, "POST", web_path(w, "/org/%lld/measure/%lld/edit", org, (long long)theirs),
		    (const char *[]){"improve", "Taken over", NULL}, 404);
	web_expect(w, AS_LEAD, "GET", web_path(w, "/org/%lld/measure/999999", org), NULL, 404);
	/* Their metric under our measure, and our metric under theirs. */
	char date[32], value[32], source[32];
	snprintf(date, sizeof date, "r%lld-date", (long long)their_metric);
	snprintf(value, sizeof value, "r%lld-value", (long long)their_metric);
	snprintf(source, sizeof source, "r%lld-source", (long long)their_metric);
	web_expect(w, AS_LEAD, "POST",
		    web_path(w, "/org/%lld/measure/%lld/metric/%lld/readings", org, (long long)ours, (long long)their_metric),
		    web_dated(w, date, "2026-05-01", (const char *[]){value, "3", source, "records", NULL}), 404);
	web_expect(w, AS_LEAD, "POST",
		    web_path(w, "/org/%lld/measure/%lld/metric/%lld/readings", org, (long long)theirs, (long long)our_metric),
		    web_dated(w, date, "2026-05-01", (const char *[]){value, "3", source, "records", NULL}), 404);
	/* Their lead in our organisation: not found. */
	web_expect(w, AS_OTHER_LEAD, "GET", web_path(w, "/org/%lld/measure/%lld", org, (long long)ours), NULL, 404);
	/* A viewer reads but cannot change. */
	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/measure/%lld", org, (long long)ours), NULL, 200);
	web_expect(w, AS_VIEWER, "GET", web_path(w, "/org/%lld/measures/new", org), NULL, 403);
	web_expect(w, AS_VIEWER, "POST", web_path(w, "/org/%lld/measures/new/1", org),
		    (const char *[]){"cycle", "2026-27", "measure", "1.8", NULL}, 403);
	web_expect(w, AS_VIEWER, "POST", web_path(w, "/org/%lld/measures/new", org),
		    (const char *[]){"cornerstone", "1", NULL}, 403);
	web_expect(w, AS_VIEWER, "POST", web_path(w, "/org/%lld/measure/%lld/metrics", org, (long long)ours),
		    (const char *[]){"metric-name", "X", "metric-kind", "count", "metric-direction", "higher", NULL}, 403);
	snprintf(date, sizeof date, "r%lld-date", (long long)our_metric);
	snprintf(value, sizeof value, "r%lld-value", (long long)our_metric);
	snprintf(source, sizeof source, "r%lld-source", (long long)our_metric);
	web_expect(w, AS_VIEWER, "POST",
		    web_path(w, "/org/%lld/measure/%lld/metric/%lld/readings", org, (long long)ours, (long long)our_metric),
		    web_dated(w, date, "2026-05-01", (const char *[]){value, "3", source, "records", NULL}), 403);
	web_expect(w, AS_VIEWER, "POST", web_path(w, "/org/%lld/measure/%lld/edit", org, (long long)ours),
		    (const char *[]){"improve", "Viewer text", NULL}, 403);
	assert_int_equal(test_count_rows(&w->f.db), before);
	/* The contributor's reading goes in, and the activity log says so. */
	int64_t acts = test_count_rows(&w->f.db);
	web_expect(w, AS_CONTRIBUTOR, "POST",
		    web_path(w, "/org/%lld/measure/%lld/metric/%lld/readings", org, (long long)ours, (long long)our_metric),
		    web_dated(w, date, "2026-05-01", (const char *[]){value, "3", source, "records", NULL}), 303);
	assert_int_equal(test_count_rows(&w->f.db), acts + 2);      /* the reading and its log line */
	/* Our list never shows the other organisation's measure. */
	request *r = web_expect_request(w, AS_LEAD, "GET", web_path(w, "/org/%lld/measures", org), NULL, 200);
	assert_null(strstr(web_body(r), "Their secret metric"));
	assert_non_null(strstr(web_body(r), "/measures/new"));
	request_destroy(r);
}

#define T(name) cmocka_unit_test_setup_teardown(name, webfix_setup, webfix_teardown)

int main(void)
{
	setenv("COPRO_NOW", "2026-11-01T12:00:00Z", 1);
	const struct CMUnitTest tests[] = {T(the_whole_flow), T(refusals_show_the_form),
					   T(other_organisations_and_roles)};
	return cmocka_run_group_tests(tests, webfix_group_setup, webfix_group_teardown);
}
