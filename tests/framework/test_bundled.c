/* test_bundled.c: the six bundled instruments load with the counts and wording of their sources. */
#include "testutil.h"

static const char *const bundled[] = {
	"four-cornerstones", "four-cornerstones-success-measures", "four-cornerstones-service-plan",
	"york-joint-partnership-audit", "york-strategic-model", "york-individual-model",
};
#define N_BUNDLED (sizeof bundled / sizeof *bundled)

static framework *load_bundled(const char *id)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s.json", test_frameworks_dir(), id);
	fw_report *r = calloc(1, sizeof *r);
	assert_non_null(r);
	framework *fw = framework_load(path, r);
	for (size_t i = 0; !fw && i < r->n; i++)
		print_message("  %s: %s: %s\n", path, r->problems[i].path, r->problems[i].msg);
	free(r);
	assert_non_null(fw);
	assert_string_equal(fw->id, id);
	return fw;
}

/* The struct leaves out what only some kinds carry (measures, promises,
 * columns ...), so those are read from the document. */
static const json_t *doc_section(const framework *fw, size_t s)
{
	return json_array_get(json_object_get(fw->doc, "sections"), s);
}

static size_t doc_count(const json_t *obj, const char *field)
{
	const json_t *v = json_object_get(obj, field);
	assert_true(json_is_array(v));
	return json_array_size(v);
}

static const char *doc_text(const json_t *list, size_t i, const char *field)
{
	const char *s = json_string_value(json_object_get(json_array_get(list, i), field));
	assert_non_null(s);
	return s;
}

static const fw_item *question(const framework *fw, const char *element, const char *key)
{
	const fw_element *el = framework_element(fw, element);
	assert_non_null(el);
	for (size_t i = 0; i < el->n_questions; i++)
		if (strcmp(el->questions[i].key, key) == 0)
			return &el->questions[i];
	fail_msg("no question %s in element %s", key, element);
	return NULL;
}

static void four_cornerstones_counts(void **state)
{
	(void)state;
	static const struct { const char *key; size_t n; } per[] = {
		{"1i", 9}, {"1ii", 8}, {"1iii", 6}, {"1iv", 3}, {"1v", 3}, {"1vi", 4}, {"1vii", 6},
		{"2i", 6}, {"2ii", 5}, {"2iii", 7}, {"2iv", 4}, {"2v", 5}, {"2vi", 4}, {"2vii", 9},
		{"3i", 4}, {"3ii", 5}, {"3iii", 4}, {"3iv", 4}, {"3v", 5}, {"3vi", 5}, {"3vii", 4},
		{"4i", 7}, {"4ii", 4}, {"4iii", 5}, {"4iv", 4},
	};
	static const size_t per_section[] = {7, 7, 7, 4};
	framework *fw = load_bundled("four-cornerstones");
	assert_string_equal(fw->kind, "evidence");
	assert_int_equal(fw->n_sections, 4);
	for (size_t s = 0; s < 4; s++)
		assert_int_equal(fw->sections[s].n_elements, per_section[s]);
	assert_int_equal(fw->n_elements, 25);
	assert_int_equal(fw->n_indicators, 130);
	/* Walking in order also proves the statements come in source order. */
	size_t k = 0;
	for (size_t s = 0; s < fw->n_sections; s++)
		for (size_t e = 0; e < fw->sections[s].n_elements; e++, k++) {
			const fw_element *el = &fw->sections[s].elements[e];
			assert_string_equal(el->key, per[k].key);
			assert_int_equal(el->n_indicators, per[k].n);
		}
	assert_int_equal(fw->n_gaps, 0);
	framework_free(fw);
}

static void assert_indicator(const framework *fw, const char *el, const char *key,
			     const char *text)
{
	const fw_element *e = framework_element(fw, el);
	assert_non_null(e);
	const fw_item *it = element_indicator(e, key);
	assert_non_null(it);
	assert_string_equal(it->text, text);
}

static void four_cornerstones_texts(void **state)
{
	(void)state;
	framework *fw = load_bundled("four-cornerstones");
	assert_indicator(fw, "1i", "h", "Review processes are implemented soon after transitions");
	assert_indicator(fw, "2iv", "c",
			 "There is a clear expectation from senior leadership that all appropriate "
			 "staff will access this information and apply it to their planning and "
			 "practice, and there is good evidence of its use");
	assert_indicator(fw, "4iv", "d",
			 "Senior leaders respond promptly to concerns raised about systems and "
			 "procedures and provide feedback on these issues");
	assert_string_equal(fw->sections[0].promise, "We will welcome and care by:");
	const char *begin = "This means welcoming partners as equal members of your community";
	const fw_element *el = framework_element(fw, "1i");
	assert_non_null(el->description);
	assert_int_equal(strncmp(el->description, begin, strlen(begin)), 0);
	framework_free(fw);
}

static void success_measures(void **state)
{
	(void)state;
	static const size_t promises[] = {5, 5, 6, 4}, measures[] = {14, 15, 10, 14};
	framework *fw = load_bundled("four-cornerstones-success-measures");
	assert_string_equal(fw->kind, "measures");
	assert_int_equal(fw->n_sections, 4);
	for (size_t s = 0; s < 4; s++) {
		assert_int_equal(doc_count(doc_section(fw, s), "promises"), promises[s]);
		assert_int_equal(doc_count(doc_section(fw, s), "measures"), measures[s]);
	}
	assert_int_equal(doc_count(fw->doc, "columns"), 6);
	assert_int_equal(doc_count(fw->doc, "exemplars"), 2);
	const json_t *m = json_object_get(doc_section(fw, 0), "measures");
	assert_string_equal(doc_text(m, 5, "key"), "1.6");
	assert_string_equal(doc_text(m, 5, "text"), "There are few formal complaints");
	const json_t *p = json_object_get(doc_section(fw, 2), "promises");
	assert_string_equal(json_string_value(json_array_get(p, 0)),
			    "Provide the information you need, in a form you can understand");
	/* The heading over the promises is the source's, read from the file. */
	assert_string_equal(fw->label_promises, "This means that we promise to:");
	assert_null(fw->label_commitments);
	assert_int_equal(fw->n_measures, 53);
	assert_int_equal(fw->n_promises, 20);
	assert_int_equal(fw->n_elements, 0);
	framework_free(fw);
}

static void service_plan(void **state)
{
	(void)state;
	framework *fw = load_bundled("four-cornerstones-service-plan");
	framework *base = load_bundled("four-cornerstones");
	assert_string_equal(fw->kind, "plan");
	assert_string_equal(json_string_value(json_object_get(fw->doc, "based_on")),
			    "four-cornerstones");
	assert_int_equal(fw->n_sections, 4);
	for (size_t s = 0; s < 4; s++) {
		const fw_section *sec = &fw->sections[s];
		assert_int_equal(sec->n_elements, base->sections[s].n_elements);
		for (size_t e = 0; e < sec->n_elements; e++)
			assert_string_equal(sec->elements[e].key, base->sections[s].elements[e].key);
		assert_int_equal(doc_count(doc_section(fw, s), "questions"), 7);
	}
	assert_int_equal(fw->n_elements, 25);
	assert_int_equal(doc_count(fw->doc, "columns"), 2);
	assert_int_equal(doc_count(fw->doc, "aspects"), 9);
	assert_int_equal(doc_count(fw->doc, "headings"), 16);
	assert_int_equal(fw->n_gaps, 1);
	assert_non_null(framework_element(fw, "3iv")->gap);
	const json_t *q = json_object_get(doc_section(fw, 0), "questions");
	assert_string_equal(doc_text(q, 6, "key"), "g");
	assert_string_equal(doc_text(q, 6, "text"),
			    "what do you need to do next? (to form the basis of your service plan)");
	framework_free(base);
	framework_free(fw);
}

static void york_audit(void **state)
{
	(void)state;
	static const char *const levels[] = {"room-for-improvement", "good", "excellent"};
	static const char *const outcomes[] = {"requires-improvement", "good", "outstanding"};
	static const size_t commitments[] = {3, 2, 4, 2, 3, 3};
	framework *fw = load_bundled("york-joint-partnership-audit");
	assert_string_equal(fw->kind, "rubric");
	assert_int_equal(fw->n_sections, 6);
	for (size_t s = 0; s < 6; s++) {
		const fw_section *sec = &fw->sections[s];
		assert_int_equal(sec->n_elements, 1);
		assert_int_equal(sec->elements[0].n_levels, 3);
		for (size_t l = 0; l < 3; l++)
			assert_string_equal(sec->elements[0].levels[l].key, levels[l]);
		assert_int_equal(doc_count(doc_section(fw, s), "commitments"), commitments[s]);
	}
	const json_t *out = json_object_get(fw->doc, "outcomes");
	assert_int_equal(json_array_size(out), 3);
	for (size_t o = 0; o < 3; o++)
		assert_string_equal(doc_text(out, o, "key"), outcomes[o]);
	assert_int_equal(doc_count(fw->doc, "fields"), 11);
	assert_string_equal(fw->label_commitments, "Our commitments");
	assert_int_equal(fw->n_commitments, 17);
	const fw_element *six = &fw->sections[5].elements[0];
	assert_non_null(six->gap);
	assert_null(six->description);
	assert_string_equal(fw->sections[1].elements[0].levels[1].text,
			    "A range of evidence to demonstrate feedback was provided. Feedback was "
			    "mostly provided on time but with occasions of delay. Complaints and "
			    "compliments have been recorded but not consistently followed up.");
	framework_free(fw);
}

static void assert_steps(const framework *fw, const size_t *questions, size_t n)
{
	assert_string_equal(fw->kind, "checklist");
	assert_int_equal(fw->n_sections, 1);
	assert_int_equal(fw->sections[0].n_elements, n);
	for (size_t e = 0; e < n; e++)
		assert_int_equal(fw->sections[0].elements[e].n_questions, questions[e]);
}

static void york_strategic(void **state)
{
	(void)state;
	static const size_t questions[] = {1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 2, 0};
	framework *fw = load_bundled("york-strategic-model");
	assert_steps(fw, questions, 12);
	assert_non_null(framework_element(fw, "2")->gap);
	assert_string_equal(question(fw, "11", "b")->text,
			    "Were the views gained used in a way that can be recognised in the final product?");
	/* Typos corrected, the printed form kept in the item's note. */
	assert_non_null(strstr(question(fw, "6", "a")->text, "actively used the child and parent views"));
	assert_non_null(strstr(question(fw, "6", "a")->note, "Printed as \"activley\" and \"veiws\""));
	assert_non_null(strstr(question(fw, "7", "a")->text, "process and purpose throughout"));
	assert_non_null(strstr(question(fw, "7", "a")->note, "\"pupose\""));
	assert_null(question(fw, "11", "b")->note);
	assert_non_null(strstr(fw->sections[0].description, "statutory components and parents"));
	assert_non_null(strstr(fw->sections[0].note, "components sand parents"));
	framework_free(fw);
}

static void york_individual(void **state)
{
	(void)state;
	static const size_t questions[] = {0, 1, 0, 1, 2, 1};
	framework *fw = load_bundled("york-individual-model");
	assert_steps(fw, questions, 6);
	assert_string_equal(question(fw, "5", "b")->text,
			    "Did you share the document and gain agreement from all involved prior to finalising?");
	for (size_t e = 0; e < fw->n_sections; e++)
		for (size_t k = 0; k < fw->sections[e].n_elements; k++)
			for (size_t q = 0; q < fw->sections[e].elements[k].n_questions; q++) {
				const char *t = fw->sections[e].elements[k].questions[q].text;
				assert_null(strstr(t, "activley"));
				assert_null(strstr(t, "veiws"));
				assert_null(strstr(t, "pupose"));
			}
	framework_free(fw);
}

/* Every "gap" anywhere in the document, on any kind of node. */
static void assert_gaps_written(const json_t *v)
{
	if (json_is_array(v)) {
		size_t i;
		const json_t *item;
		json_array_foreach(v, i, item)
			assert_gaps_written(item);
		return;
	}
	if (!json_is_object(v))
		return;
	const char *k;
	const json_t *item;
	json_object_foreach((json_t *)v, k, item) {
		if (strcmp(k, "gap") == 0) {
			const char *g = json_string_value(item);
			assert_non_null(g);
			assert_true(strspn(g, " \t\r\n") < strlen(g));
		}
		assert_gaps_written(item);
	}
}

static void assert_sound(const framework *fw)
{
	const json_t *source = json_object_get(fw->doc, "source");
	assert_non_null(json_string_value(json_object_get(source, "title")));
	for (size_t s = 0; s < fw->n_sections; s++)
		for (size_t e = 0; e < fw->sections[s].n_elements; e++) {
			const fw_element *el = &fw->sections[s].elements[e];
			/* The first element found by a key is this one: no repeats. */
			assert_ptr_equal(framework_element(fw, el->key), el);
			for (size_t i = 0; i < el->n_indicators; i++)
				assert_int_not_equal(strncmp(el->indicators[i].key, "own", 3), 0);
		}
	assert_gaps_written(fw->doc);
}

static void every_bundled_file_is_sound(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_BUNDLED; i++) {
		framework *fw = load_bundled(bundled[i]);
		assert_sound(fw);
		framework_free(fw);
	}
}

/* Every bundled file whose sections list promises or commitments carries
 * their heading in its terms: pages and commands print it from there, and
 * copro's code holds no instrument wording to fall back on. */
static void every_list_has_its_heading(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_BUNDLED; i++) {
		framework *fw = load_bundled(bundled[i]);
		if (fw->n_promises && !fw->label_promises)
			fail_msg("%s has promises but no terms.promises", bundled[i]);
		if (fw->n_commitments && !fw->label_commitments)
			fail_msg("%s has commitments but no terms.commitments", bundled[i]);
		framework_free(fw);
	}
}

static void registry_loads_all_bundled(void **state)
{
	(void)state;
	fw_registry r;
	err e = {0};
	assert_int_equal(fw_registry_load(&r, test_frameworks_dir(), &e), 0);
	for (size_t i = 0; i < r.n_failures; i++)
		print_message("  failure: %s\n", r.failures[i]);
	assert_int_equal(r.n_failures, 0);
	assert_int_equal(r.n, N_BUNDLED);
	for (size_t i = 0; i < N_BUNDLED; i++)
		assert_non_null(fw_registry_find(&r, bundled[i]));
	fw_registry_free(&r);
}

/* A stored version's text (the canonical text, as framework_version_keep
 * stores it) is hashed as it is, without writing it back again: the hash
 * is the file's, for every bundled instrument. Any other text of the same
 * document (the file as it was written) is not a canonical text. */
static void a_canonical_text_hashes_as_its_file(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_BUNDLED; i++) {
		framework *fw = load_bundled(bundled[i]);
		char *canon = framework_canonical_text(fw), name[200];
		snprintf(name, sizeof name, "%s.json", bundled[i]);
		fw_report *r = calloc(1, sizeof *r);
		assert_non_null(r);
		framework *stored = framework_load_canonical(name, canon, r);
		assert_non_null(stored);
		assert_string_equal(stored->hash, fw->hash);
		framework_free(stored);
		free(canon);
		char path[1024], *raw = NULL;
		size_t n = 0;
		snprintf(path, sizeof path, "%s/%s.json", test_frameworks_dir(), bundled[i]);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		raw = calloc(1, 1 << 20);
		assert_non_null(raw);
		n = fread(raw, 1, (1 << 20) - 1, f);
		fclose(f);
		assert_true(n > 0);
		framework *as_written = framework_load_canonical(name, raw, r);
		assert_non_null(as_written);
		assert_string_not_equal(as_written->hash, fw->hash);
		framework_free(as_written);
		free(raw);
		free(r);
		framework_free(fw);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(four_cornerstones_counts),
		cmocka_unit_test(four_cornerstones_texts),
		cmocka_unit_test(success_measures),
		cmocka_unit_test(service_plan),
		cmocka_unit_test(york_audit),
		cmocka_unit_test(york_strategic),
		cmocka_unit_test(every_list_has_its_heading),
		cmocka_unit_test(york_individual),
		cmocka_unit_test(every_bundled_file_is_sound),
		cmocka_unit_test(registry_loads_all_bundled),
		cmocka_unit_test(a_canonical_text_hashes_as_its_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
