/* test_measure.c: success measures: catalogue keys checked against the
 * instrument, one catalogue measure per cycle, metrics and readings
 * validated (zero denominators, future dates, same-date readings), targets
 * met in either direction, trends, links, and refused writes leaving the
 * database unchanged. */
#include "testutil.h"

#include "domain/measure.h"
#include "store/measure.h"

static int64_t add(fixture *f, int64_t org, const char *cornerstone, const char *key,
		   const char *own)
{
	measure_row m = {.organisation_id = org, .cycle = "2026-27", .cornerstone_key = cornerstone,
			 .catalogue_key = key, .own_text = own};
	int64_t id;
	if (measure_add(&f->d, &m, &id, &f->e) < 0)
		fail_msg("measure_add: %s", f->e.msg);
	return id;
}

static int64_t add_metric(fixture *f, int64_t measure, const char *kind, const char *direction,
			  bool has_baseline, double baseline, bool has_target, double target)
{
	metric_row m = {.measure_id = measure, .name = "A metric", .kind = kind,
			.direction = direction, .unit = !strcmp(kind, "rate") ? "per 100 pupils" : "",
			.has_baseline = has_baseline, .baseline = baseline, .has_target = has_target,
			.target = target};
	int64_t id;
	if (metric_add(&f->d, &m, &id, &f->e) < 0)
		fail_msg("metric_add: %s", f->e.msg);
	return id;
}

static int add_reading(fixture *f, int64_t metric, const char *date, double value)
{
	reading_row r = {.metric_id = metric, .taken_on = date, .has_value = true, .value = value,
			 .source = "survey"};
	int64_t id;
	return reading_add(&f->d, &r, &id, &f->e);
}

static void catalogue_keys_checked(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t before = test_count_rows(&f->db);
	measure_row m = {.organisation_id = org, .cycle = "2026-27", .cornerstone_key = "1",
			 .catalogue_key = "9.9"};
	int64_t id;
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_non_null(strstr(f->e.msg, "no measure \"9.9\""));
	m.catalogue_key = "2.3";        /* a Value and Include measure under Welcome and Care */
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "belongs to cornerstone 2 (Value and Include)"));
	m.cornerstone_key = "7";
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "no cornerstone \"7\""));
	m.cornerstone_key = "2";
	m.own_text = "Both";
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "not both"));
	m.own_text = NULL;
	m.catalogue_key = NULL;
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), -1);
	m.own_text = "   ";
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), -1);
	m.own_text = NULL;
	m.catalogue_key = "2.3";
	m.cycle = "";
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), -1);
	m.cycle = "2026-27";
	m.organisation_id = org + 100;
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);

	/* The same measure twice in one cycle is a conflict; in another cycle,
	 * or in another organisation, it is fine. */
	int64_t first = add(f, org, "2", "2.3", NULL);
	measure_row got0;
	before = test_count_rows(&f->db);
	m.organisation_id = org;
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_non_null(strstr(f->e.msg, "already chosen measure 2.3"));
	assert_int_equal(test_count_rows(&f->db), before);
	m.cycle = "2027-28";
	assert_int_equal(measure_add(&f->d, &m, &id, &f->e), 0);
	/* With no cornerstone, a catalogue measure takes its own. */
	measure_row bare = {.organisation_id = org, .cycle = "2026-27", .catalogue_key = "4.2"};
	assert_int_equal(measure_add(&f->d, &bare, &id, &f->e), 0);
	assert_int_equal(measure_get(&f->d, id, &got0, &f->e), 0);
	assert_string_equal(got0.cornerstone_key, "4");
	bare = (measure_row){.organisation_id = org, .cycle = "2026-27", .own_text = "Mine"};
	assert_int_equal(measure_add(&f->d, &bare, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "cornerstone is required"));
	int64_t other = fixture_org(f, "Other");
	assert_true(add(f, other, "2", "2.3", NULL) > 0);

	/* The stored catalogue says what the measure is. */
	measure_detail md;
	assert_int_equal(measure_detail_load(&f->d, first, &md, &f->e), 0);
	assert_string_equal(md.text, "There are strong shared values");
	assert_string_equal(md.cornerstone_title, "Value and Include");
	assert_false(md.framework_changed);
	int64_t own = add(f, org, "4", NULL, "Families come to the coffee mornings");
	measure_row got;
	assert_int_equal(measure_get(&f->d, own, &got, &f->e), 0);
	assert_null(got.catalogue_key);
	const char **texts;
	measure_list all;
	assert_int_equal(store_measure_list(&f->db, &f->mem, org, NULL, &all, &f->e), 0);
	assert_int_equal(measure_texts(&f->d, all.items, all.n, &texts, &f->e), 0);
	assert_int_equal(all.n, 4);
	assert_string_equal(texts[3], "Families come to the coffee mornings");
	assert_string_equal(texts[2], "Two-way dialogue with children and young people about their learning is integrated into the curriculum");
}

static void grid_edit(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t id = add(f, org, "1", "1.9", NULL);
	measure_grid g = {.improve = "Training in induction", .know = "Staff say so"};
	assert_int_equal(measure_edit(&f->d, id, &g, &f->e), 0);
	measure_grid g2 = {.measuring = "% of new staff"};
	assert_int_equal(measure_edit(&f->d, id, &g2, &f->e), 0);
	measure_row m;
	assert_int_equal(measure_get(&f->d, id, &m, &f->e), 0);
	assert_string_equal(m.improve, "Training in induction");
	assert_string_equal(m.measuring, "% of new staff");
	assert_string_equal(m.evaluation, "");
	int64_t before = test_count_rows(&f->db);
	measure_grid bad = {.improve = "new", .know = "bad\x01"};
	assert_int_equal(measure_edit(&f->d, id, &bad, &f->e), -1);
	assert_int_equal(measure_get(&f->d, id, &m, &f->e), 0);
	assert_string_equal(m.improve, "Training in induction");
	assert_int_equal(measure_edit(&f->d, id + 50, &g, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(test_count_rows(&f->db), before);
}

static void metric_validation(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t ms = add(f, org, "1", "1.1", NULL);
	int64_t before = test_count_rows(&f->db), id;
	metric_row m = {.measure_id = ms, .name = "Complaints", .kind = "count", .direction = "lower",
			.has_baseline = true, .baseline = 2.5};
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "whole number"));
	m.baseline = -1;
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), -1);
	m.baseline = 12;
	m.kind = "percentage";
	m.has_target = true;
	m.target = 101;
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "more than 100"));
	m.target = 90;
	m.kind = "rate";
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "per 100 pupils"));
	m.kind = "percentage";
	m.unit = "pupils";
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), -1);
	m.unit = "";
	m.kind = "ratio";
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), -1);
	m.kind = "count";
	m.direction = "up";
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), -1);
	m.direction = "lower";
	m.name = "";
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), -1);
	m.name = "Complaints";
	m.measure_id = ms + 99;
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), -1);
	assert_int_equal(test_count_rows(&f->db), before);
	m.measure_id = ms;
	assert_int_equal(metric_add(&f->d, &m, &id, &f->e), 0);

	double v;
	assert_int_equal(measure_number_parse("The target", "3.5", &v, &f->e), 0);
	assert_true(v == 3.5);
	assert_int_equal(measure_number_parse("The target", "3.5x", &v, &f->e), -1);
	assert_int_equal(measure_number_parse("The target", "", &v, &f->e), -1);
	assert_int_equal(measure_number_parse("The target", "nan", &v, &f->e), -1);
	int64_t w;
	assert_int_equal(measure_whole_parse("The numerator", "12", &w, &f->e), 0);
	assert_int_equal(w, 12);
	assert_int_equal(measure_whole_parse("The numerator", "1.5", &w, &f->e), -1);
}

static void percentages_and_zero_denominators(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t ms = add(f, org, "3", "3.1", NULL);
	int64_t pct = add_metric(f, ms, "percentage", "higher", true, 40, true, 75);
	int64_t count = add_metric(f, ms, "count", "lower", false, 0, false, 0);
	int64_t before = test_count_rows(&f->db), id;
	reading_row r = {.metric_id = pct, .taken_on = "2026-03-01", .has_fraction = true,
			 .numerator = 3, .denominator = 0, .source = "survey"};
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "denominator is 0"));
	r.numerator = 12;
	r.denominator = 10;
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "more than the denominator"));
	r.numerator = -1;
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	r.numerator = 5;
	r.has_value = true;
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "not both"));
	r.has_value = false;
	r.has_fraction = false;
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	r.has_value = true;
	r.value = 120;
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	r.value = 50;
	r.taken_on = "2026-02-30";
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	r.taken_on = "2026-11-02";    /* tomorrow, by COPRO_NOW */
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "in the future"));
	r.taken_on = "2026-03-01";
	r.source = "rumour";
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	r.source = "survey";
	r.metric_id = count;
	r.has_value = false;
	r.has_fraction = true;
	r.denominator = 10;
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "only for percentages"));
	r.has_fraction = false;
	r.has_value = true;
	r.value = 2.5;
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	r.metric_id = count + 100;
	r.value = 2;
	assert_int_equal(reading_add(&f->d, &r, &id, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(test_count_rows(&f->db), before);

	/* 33 of 60 is 55%: the value is worked out and the fraction kept. */
	reading_row ok = {.metric_id = pct, .taken_on = "2026-03-01", .has_fraction = true,
			  .numerator = 33, .denominator = 60, .source = "survey",
			  .groups = GROUP_PARENTS | GROUP_CYP, .note = "Spring survey"};
	assert_int_equal(reading_add(&f->d, &ok, &id, &f->e), 0);
	reading_list rl;
	assert_int_equal(store_reading_list(&f->db, &f->mem, pct, &rl, &f->e), 0);
	assert_int_equal(rl.n, 1);
	assert_true(rl.items[0].value > 54.999 && rl.items[0].value < 55.001);
	assert_int_equal(rl.items[0].numerator, 33);
	assert_int_equal(rl.items[0].groups, GROUP_PARENTS | GROUP_CYP);
	assert_string_equal(rl.items[0].note, "Spring survey");
}

static void readings_sorted_and_same_date_refused(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t ms = add(f, org, "1", "1.1", NULL);
	int64_t mt = add_metric(f, ms, "percentage", "higher", true, 40, true, 75);
	assert_int_equal(add_reading(f, mt, "2026-06-01", 60), 0);
	assert_int_equal(add_reading(f, mt, "2026-10-01", 70), 0);
	/* A late-entered older survey. */
	assert_int_equal(add_reading(f, mt, "2026-01-15", 50), 0);
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(add_reading(f, mt, "2026-06-01", 65), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_non_null(strstr(f->e.msg, "already has a reading on 2026-06-01 (60%)"));
	assert_int_equal(test_count_rows(&f->db), before);
	measure_detail md;
	assert_int_equal(measure_detail_load(&f->d, ms, &md, &f->e), 0);
	assert_int_equal(md.n_metrics, 1);
	metric_detail *m = &md.metrics[0];
	assert_int_equal(m->n_readings, 3);
	assert_string_equal(m->readings[0].taken_on, "2026-01-15");
	assert_string_equal(m->readings[1].taken_on, "2026-06-01");
	assert_string_equal(m->readings[2].taken_on, "2026-10-01");
	/* The latest is by date, not by when it was typed in. */
	assert_true(m->status.latest->value == 70);
	assert_true(m->status.previous->value == 60);
	assert_int_equal(m->status.target_met, 0);
	assert_int_equal(m->status.trend, TREND_IMPROVING);
	assert_string_equal(m->status.sentence,
			    "Latest reading 70% on 1 October 2026. Not yet at the target of 75%. "
			    "Improving since the previous reading (60%); improving since the baseline (40%).");
}

static metric_status status_of(fixture *f, const char *direction, bool has_target, double target,
			       bool has_baseline, double baseline, const double *values, size_t n)
{
	metric_row m = {.name = "m", .kind = "count", .direction = direction, .unit = "",
			.has_target = has_target, .target = target, .has_baseline = has_baseline,
			.baseline = baseline};
	reading_row *r = arena_alloc(&f->mem, (n + 1) * sizeof *r);
	for (size_t i = 0; i < n; i++)
		r[i] = (reading_row){.taken_on = "2026-01-01", .value = values[i], .has_value = true};
	metric_status st;
	metric_status_of(&f->mem, &m, r, n, &st);
	return st;
}

static void targets_either_direction(void **state)
{
	fixture *f = *state;
	/* Higher is better: met at or above the target. */
	metric_status st = status_of(f, "higher", true, 75, false, 0, (double[]){70, 75}, 2);
	assert_int_equal(st.target_met, 1);
	assert_int_equal(st.trend, TREND_IMPROVING);
	st = status_of(f, "higher", true, 75, false, 0, (double[]){80, 74}, 2);
	assert_int_equal(st.target_met, 0);
	assert_int_equal(st.trend, TREND_WORSE);
	assert_non_null(strstr(st.sentence, "Not yet at the target of 75."));
	assert_non_null(strstr(st.sentence, "Getting worse since the previous reading (80)."));
	/* Lower is better (complaints): met at or below. */
	st = status_of(f, "lower", true, 5, true, 10, (double[]){8, 5}, 2);
	assert_int_equal(st.target_met, 1);
	assert_int_equal(st.since_previous, TREND_IMPROVING);
	assert_int_equal(st.since_baseline, TREND_IMPROVING);
	assert_non_null(strstr(st.sentence, "Target met (the target is 5)."));
	st = status_of(f, "lower", true, 5, true, 10, (double[]){6}, 1);
	assert_int_equal(st.target_met, 0);
	assert_int_equal(st.since_previous, TREND_NOT_ENOUGH);
	assert_int_equal(st.trend, TREND_IMPROVING);    /* against the baseline */
	assert_string_equal(st.sentence, "Latest reading 6 on 1 January 2026. Not yet at the target of 5. "
					 "Improving since the baseline (10).");
	st = status_of(f, "lower", true, 5, true, 10, (double[]){12, 12}, 2);
	assert_int_equal(st.since_previous, TREND_SAME);
	assert_int_equal(st.since_baseline, TREND_WORSE);
	assert_non_null(strstr(st.sentence, "No change since the previous reading (12); getting worse since the baseline (10)."));
	/* Nothing to compare with. */
	st = status_of(f, "higher", false, 0, false, 0, (double[]){3}, 1);
	assert_int_equal(st.target_met, -1);
	assert_int_equal(st.trend, TREND_NOT_ENOUGH);
	assert_string_equal(st.sentence, "Latest reading 3 on 1 January 2026. No target set. "
					 "Not enough readings to see a trend yet.");
	st = status_of(f, "higher", true, 3, false, 0, NULL, 0);
	assert_int_equal(st.target_met, -1);
	assert_null(st.latest);
	assert_string_equal(measure_trend_words(st.trend), "not enough readings");
	metric_row rate = {.kind = "rate", .unit = "per 100 pupils"};
	assert_string_equal(metric_value_text(&f->mem, &rate, 3.50), "3.5 per 100 pupils");
	metric_row pct = {.kind = "percentage"};
	assert_string_equal(metric_value_text(&f->mem, &pct, 100.0 * 2 / 3), "66.67%");
}

static void links(void **state)
{
	fixture *f = *state;
	int64_t org = fixture_org(f, "School");
	int64_t other = fixture_org(f, "Other");
	int64_t a = add(f, org, "1", "1.1", NULL);
	int64_t b = add(f, org, "3", "3.2", NULL);
	int64_t c = add(f, org, "4", NULL, "Our own");
	int64_t theirs = add(f, other, "1", "1.1", NULL);
	assert_int_equal(measure_link(&f->d, b, a, false, &f->e), 0);
	assert_int_equal(measure_link(&f->d, a, c, false, &f->e), 0);
	int64_t before = test_count_rows(&f->db);
	assert_int_equal(measure_link(&f->d, a, b, false, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_CONFLICT);
	assert_int_equal(measure_link(&f->d, a, a, false, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "itself"));
	assert_int_equal(measure_link(&f->d, a, theirs, false, &f->e), -1);
	assert_non_null(strstr(f->e.msg, "another organisation"));
	assert_int_equal(measure_link(&f->d, a, c + 100, false, &f->e), -1);
	assert_int_equal(measure_link(&f->d, b, c, true, &f->e), -1);
	assert_int_equal(f->e.kind, ERR_NOTFOUND);
	assert_int_equal(test_count_rows(&f->db), before);
	measure_detail md;
	assert_int_equal(measure_detail_load(&f->d, a, &md, &f->e), 0);
	assert_int_equal(md.links.n, 2);
	assert_int_equal(md.links.items[0].id, b);
	assert_string_equal(md.link_texts[1], "Our own");
	assert_int_equal(measure_detail_load(&f->d, b, &md, &f->e), 0);
	assert_int_equal(md.links.n, 1);
	assert_int_equal(md.links.items[0].id, a);
	assert_string_equal(md.link_texts[0], "Children and young people's attendance is good");
	assert_int_equal(measure_link(&f->d, a, b, true, &f->e), 0);
	assert_int_equal(measure_detail_load(&f->d, b, &md, &f->e), 0);
	assert_int_equal(md.links.n, 0);
}

static void catalogue_from_instrument(void **state)
{
	fixture *f = *state;
	const framework *fw = measure_instrument(&f->d, &f->e);
	assert_non_null(fw);
	measure_item *items;
	size_t n = measure_catalogue(&f->mem, fw, "1", &items);
	assert_int_equal(n, 14);
	assert_string_equal(items[0].key, "1.1");
	assert_int_equal(measure_catalogue(&f->mem, fw, "9", &items), 0);
	measure_item it;
	const char *sec;
	assert_int_equal(measure_catalogue_find(fw, "4.14", &it, &sec), 1);
	assert_string_equal(sec, "4");
	assert_int_equal(measure_catalogue_find(fw, "4.15", &it, &sec), 0);
	measure_column col;
	assert_int_equal(measure_column_find(fw, "know", &col), 1);
	assert_non_null(strstr(col.title, "How will we know"));
	measure_exemplar *ex;
	assert_int_equal(measure_exemplars(&f->mem, fw, &ex), 2);
	assert_string_equal(ex[1].title, "There are few formal complaints");
	assert_string_equal(ex[1].cells[3], "You said we did on monthly newsletter");
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	setenv("COPRO_NOW", "2026-11-01T12:00:00Z", 1);
	const struct CMUnitTest tests[] = {
		T(catalogue_keys_checked), T(grid_edit), T(metric_validation),
		T(percentages_and_zero_denominators), T(readings_sorted_and_same_date_refused),
		T(targets_either_direction), T(links), T(catalogue_from_instrument)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
