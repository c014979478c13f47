/* test_typed.c: the typed model of every bundled instrument holds exactly
 * what its file says: each field is compared with the document it was
 * built from, and a few values are checked against the source files. */
#include "testutil.h"

static fw_registry reg;

static int setup(void **state)
{
	(void)state;
	err e = {0};
	return fw_registry_load(&reg, test_frameworks_dir(), &e) < 0 || reg.n_failures;
}

static int teardown(void **state)
{
	(void)state;
	fw_registry_free(&reg);
	return 0;
}

static const framework *bundled(const char *id)
{
	const framework *fw = fw_registry_find(&reg, id);
	assert_non_null(fw);
	return fw;
}

/* ---- the model against its document ----------------------------------- */

static const char *jtext(const json_t *obj, const char *name)
{
	return json_string_value(json_object_get(obj, name));
}

/* Both absent, or the same text. */
static void same_text(const char *typed, const char *doc)
{
	if (!doc) {
		assert_null(typed);
		return;
	}
	assert_non_null(typed);
	assert_string_equal(typed, doc);
}

static void same_texts(const char *const *typed, size_t n, const json_t *list)
{
	assert_int_equal(n, json_array_size(list));
	for (size_t i = 0; i < n; i++)
		same_text(typed[i], json_string_value(json_array_get(list, i)));
}

static void same_items(const fw_item *items, size_t n, const json_t *list, const char *field)
{
	assert_int_equal(n, json_array_size(list));
	for (size_t i = 0; i < n; i++) {
		const json_t *it = json_array_get(list, i);
		same_text(items[i].key, jtext(it, "key"));
		same_text(items[i].title, jtext(it, "title"));
		same_text(items[i].text, jtext(it, field));
		same_text(items[i].gap, jtext(it, "gap"));
	}
}

static void same_element(const fw_element *el, const json_t *je, const fw_section *sec)
{
	assert_ptr_equal(el->section, sec);
	same_text(el->key, jtext(je, "key"));
	same_text(el->title, jtext(je, "title"));
	same_text(el->description, jtext(je, "description"));
	same_text(el->gap, jtext(je, "gap"));
	same_text(el->easy_read, jtext(je, "easy_read"));
	same_items(el->indicators, el->n_indicators, json_object_get(je, "indicators"), "text");
	same_items(el->levels, el->n_levels, json_object_get(je, "levels"), "descriptor");
	same_items(el->questions, el->n_questions, json_object_get(je, "questions"), "text");
}

static void same_measures(const fw_section *sec, const json_t *list)
{
	assert_int_equal(sec->n_measures, json_array_size(list));
	for (size_t i = 0; i < sec->n_measures; i++) {
		const fw_measure *m = &sec->measures[i];
		const json_t *jm = json_array_get(list, i);
		assert_ptr_equal(m->section, sec);
		same_text(m->key, jtext(jm, "key"));
		same_text(m->text, jtext(jm, "text"));
		same_text(m->note, jtext(jm, "note"));
		same_text(m->gap, jtext(jm, "gap"));
	}
}

static void same_section(const fw_section *sec, const json_t *js)
{
	const json_t *els = json_object_get(js, "elements");
	same_text(sec->key, jtext(js, "key"));
	same_text(sec->title, jtext(js, "title"));
	same_text(sec->promise, jtext(js, "promise"));
	same_text(sec->description, jtext(js, "description"));
	same_text(sec->gap, jtext(js, "gap"));
	same_text(sec->easy_read, jtext(js, "easy_read"));
	same_texts(sec->promises, sec->n_promises, json_object_get(js, "promises"));
	same_texts(sec->commitments, sec->n_commitments, json_object_get(js, "commitments"));
	same_items(sec->questions, sec->n_questions, json_object_get(js, "questions"), "text");
	same_measures(sec, json_object_get(js, "measures"));
	assert_int_equal(sec->n_elements, json_array_size(els));
	for (size_t e = 0; e < sec->n_elements; e++)
		same_element(&sec->elements[e], json_array_get(els, e), sec);
}

static void same_fields(const framework *fw, const json_t *list)
{
	assert_int_equal(fw->n_fields, json_array_size(list));
	for (size_t i = 0; i < fw->n_fields; i++) {
		const fw_field *f = &fw->fields[i];
		const json_t *jf = json_array_get(list, i);
		same_text(f->key, jtext(jf, "key"));
		same_text(f->title, jtext(jf, "title"));
		same_text(f->type, jtext(jf, "type"));
		same_text(f->group, jtext(jf, "group"));
		same_text(f->hint, jtext(jf, "hint"));
		same_text(f->gap, jtext(jf, "gap"));
	}
}

static void same_exemplars(const framework *fw, const json_t *list)
{
	assert_int_equal(fw->n_exemplars, json_array_size(list));
	for (size_t i = 0; i < fw->n_exemplars; i++) {
		const fw_exemplar *x = &fw->exemplars[i];
		const json_t *jx = json_array_get(list, i);
		const json_t *cells = json_object_get(jx, "cells");
		same_text(x->section, jtext(jx, "section"));
		same_text(x->title, jtext(jx, "title"));
		same_text(x->links_to, jtext(jx, "links_to"));
		same_text(x->gap, jtext(jx, "gap"));
		assert_int_equal(x->n_cells, json_object_size(cells));
		for (size_t c = 0; c < x->n_cells; c++)
			same_text(x->cells[c].text, jtext(cells, x->cells[c].column));
	}
}

static void same_head(const framework *fw, const json_t *doc)
{
	const json_t *src = json_object_get(doc, "source");
	same_text(fw->id, jtext(doc, "id"));
	same_text(fw->title, jtext(doc, "title"));
	same_text(fw->kind, jtext(doc, "kind"));
	same_text(fw->description, jtext(doc, "description"));
	same_text(fw->based_on, jtext(doc, "based_on"));
	same_text(fw->source.title, jtext(src, "title"));
	same_text(fw->source.edition, jtext(src, "edition"));
	same_text(fw->source.publisher, jtext(src, "publisher"));
	same_text(fw->source.date, jtext(src, "date"));
	same_text(fw->source.url, jtext(src, "url"));
	same_text(fw->source.extract, jtext(src, "extract"));
	same_text(fw->source.licence, jtext(src, "licence"));
	same_texts(fw->notes, fw->n_notes, json_object_get(doc, "notes"));
	same_text(fw->easy_read_note, jtext(doc, "easy_read_note"));
}

static void assert_model_is_document(const framework *fw)
{
	const json_t *doc = fw->doc;
	const json_t *sections = json_object_get(doc, "sections");
	size_t measures = 0;
	same_head(fw, doc);
	assert_int_equal(fw->n_sections, json_array_size(sections));
	for (size_t s = 0; s < fw->n_sections; s++) {
		same_section(&fw->sections[s], json_array_get(sections, s));
		measures += fw->sections[s].n_measures;
	}
	assert_int_equal(fw->n_measures, measures);
	same_fields(fw, json_object_get(doc, "fields"));
	same_items(fw->outcomes, fw->n_outcomes, json_object_get(doc, "outcomes"), "descriptor");
	same_items(fw->columns, fw->n_columns, json_object_get(doc, "columns"), "hint");
	same_items(fw->aspects, fw->n_aspects, json_object_get(doc, "aspects"), "text");
	same_items(fw->headings, fw->n_headings, json_object_get(doc, "headings"), "text");
	same_exemplars(fw, json_object_get(doc, "exemplars"));
}

static void every_instrument_is_its_document(void **state)
{
	(void)state;
	assert_int_equal(reg.n, 6);
	for (size_t i = 0; i < reg.n; i++)
		assert_model_is_document(reg.items[i]);
}

/* ---- per instrument, values from the source files ---------------------- */

static void york_audit(void **state)
{
	(void)state;
	static const size_t commitments[] = {3, 2, 4, 2, 3, 3};
	const framework *fw = bundled("york-joint-partnership-audit");
	assert_int_equal(fw->n_sections, 6);
	for (size_t s = 0; s < 6; s++)
		assert_int_equal(fw->sections[s].n_commitments, commitments[s]);
	assert_string_equal(fw->sections[2].commitments[1],
			    "We are equal in the way we work and share the responsibility");
	assert_int_equal(fw->n_outcomes, 3);
	assert_string_equal(framework_outcome(fw, "requires-improvement")->title,
			    "Requires Improvement");
	assert_ptr_equal(framework_outcome(fw, "outstanding"), &fw->outcomes[2]);
	assert_null(framework_outcome(fw, "excellent"));
	assert_null(framework_outcome(fw, NULL));
	assert_int_equal(fw->n_fields, 11);
	const fw_field *score = framework_field(fw, "score");
	assert_non_null(score);
	assert_string_equal(score->type, "number");
	assert_string_equal(score->group, "principle");
	assert_string_equal(score->hint, "The source gives no scale for Score; the scale is a local setting.");
	assert_string_equal(framework_field(fw, "completed-by")->type, "people");
	assert_null(framework_field(fw, "organisation")->hint);
	const fw_element *ind = &framework_section(fw, "4")->elements[0];
	assert_string_equal(element_level(ind, "good")->title, "Good");
	assert_ptr_equal(element_level(ind, "excellent"), &ind->levels[2]);
	assert_null(element_level(ind, "outstanding"));
	assert_string_equal(fw->source.date, "September 2020");
	assert_null(fw->source.edition);
	assert_int_equal(fw->n_notes, 12);
	assert_non_null(strstr(fw->guidance, "aim to develop at least one service per year"));
	assert_int_equal(fw->n_measures + fw->n_columns + fw->n_aspects + fw->n_exemplars, 0);
}

static void success_measures(void **state)
{
	(void)state;
	static const size_t promises[] = {5, 5, 6, 4}, measures[] = {14, 15, 10, 14};
	const framework *fw = bundled("four-cornerstones-success-measures");
	for (size_t s = 0; s < 4; s++) {
		assert_int_equal(fw->sections[s].n_promises, promises[s]);
		assert_int_equal(fw->sections[s].n_measures, measures[s]);
		assert_int_equal(fw->sections[s].n_elements, 0);
	}
	assert_int_equal(fw->n_measures, 53);
	assert_string_equal(fw->based_on, "four-cornerstones");
	assert_string_equal(fw->sections[2].promises[0],
			    "Provide the information you need, in a form you can understand");
	const fw_measure *m = framework_measure(fw, "1.6");
	assert_non_null(m);
	assert_string_equal(m->text, "There are few formal complaints");
	assert_string_equal(m->note, "The exemplar monitoring grid also places this measure under Welcome and Care.");
	assert_ptr_equal(m->section, &fw->sections[0]);
	assert_string_equal(framework_measure(fw, "4.13")->section->key, "4");
	assert_null(framework_measure(fw, "1.3")->note);
	assert_null(framework_measure(fw, "5.1"));
	assert_int_equal(fw->n_columns, 6);
	assert_string_equal(framework_column(fw, "measuring")->title, "What are we measuring?");
	assert_null(framework_column(fw, "strengths"));
	assert_int_equal(fw->n_exemplars, 2);
	const fw_exemplar *x = &fw->exemplars[1];
	assert_string_equal(x->section, "1");
	assert_string_equal(x->title, "There are few formal complaints");
	assert_int_equal(x->n_cells, 4);
	assert_string_equal(exemplar_cell(x, "evaluation"), "You said we did on monthly newsletter");
	assert_null(exemplar_cell(x, "measure"));
	assert_string_equal(x->cells[0].column, "improve");   /* the file's order */
}

static void service_plan(void **state)
{
	(void)state;
	const framework *fw = bundled("four-cornerstones-service-plan");
	assert_string_equal(fw->based_on, "four-cornerstones");
	for (size_t s = 0; s < 4; s++)
		assert_int_equal(fw->sections[s].n_questions, 7);
	/* The framework's own total stays that of the elements' questions. */
	assert_int_equal(fw->n_questions, 0);
	const fw_item *q = section_question(&fw->sections[0], "g");
	assert_non_null(q);
	assert_string_equal(q->text, "what do you need to do next? (to form the basis of your service plan)");
	assert_null(section_question(&fw->sections[0], "h"));
	assert_int_equal(fw->n_aspects, 9);
	assert_string_equal(framework_aspect(fw, "vision-mission")->title,
			    "feature in your vision/mission statement");
	assert_null(framework_aspect(fw, "strengths"));
	assert_int_equal(fw->n_headings, 16);
	assert_string_equal(fw->headings[0].key, "building-relationships");
	assert_string_equal(fw->headings[0].title, "Invest in building relationships");
	assert_non_null(fw->headings[0].text);
	assert_int_equal(fw->n_columns, 2);
	assert_string_equal(framework_column(fw, "strengths")->title, "Strengths");
	assert_int_equal(fw->n_notes, 11);
}

static void york_models(void **state)
{
	(void)state;
	const framework *st = bundled("york-strategic-model");
	const framework *in = bundled("york-individual-model");
	assert_int_equal(st->n_elements, 12);
	assert_int_equal(in->n_elements, 6);
	const fw_element *step = framework_element(st, "11");
	assert_string_equal(step->questions[1].text,
			    "Were the views gained used in a way that can be recognised in the final product?");
	assert_ptr_equal(step->section, &st->sections[0]);
	assert_non_null(framework_element(st, "2")->gap);
	assert_int_equal(st->n_notes, 5);
	assert_int_equal(in->n_notes, 4);
	assert_int_equal(st->n_fields + st->n_outcomes + st->n_measures, 0);
}

static void four_cornerstones(void **state)
{
	(void)state;
	const framework *fw = bundled("four-cornerstones");
	assert_null(fw->based_on);
	assert_string_equal(fw->source.edition, "2nd Edition (revised) November 2019");
	assert_string_equal(fw->source.extract, "001_bc015937d2cac8ce.txt");
	assert_int_equal(fw->n_notes, 12);
	assert_non_null(strstr(fw->definitions, "The term partner refers in equal measure"));
	assert_non_null(strstr(fw->definitions, "relevant safeguarding protocols."));
	for (size_t s = 0; s < fw->n_sections; s++)
		assert_int_equal(fw->sections[s].n_promises + fw->sections[s].n_commitments +
				 fw->sections[s].n_questions + fw->sections[s].n_measures, 0);
	assert_null(framework_section(fw, NULL));
	assert_null(framework_element(fw, NULL));
}

/* ---- optional fields a bundled file does not use ------------------------ */

static const char every_field[] =
	"{\"format\": \"copro-framework-1\", \"id\": \"t\", \"title\": \"T\", \"kind\": \"measures\","
	" \"source\": {\"title\": \"S\", \"url\": \"https://example.org\", \"licence\": \"CC BY\"},"
	" \"sections\": [{\"key\": \"1\", \"title\": \"One\", \"elements\": [],"
	"   \"measures\": [{\"key\": \"1.1\", \"text\": \"M\", \"gap\": \"lost\"}]}],"
	" \"outcomes\": [{\"key\": \"o\", \"title\": \"O\", \"descriptor\": \"D\"}],"
	" \"columns\": [{\"key\": \"c\", \"title\": \"C\", \"hint\": \"H\"}, {\"key\": \"d\", \"title\": \"E\"}],"
	" \"exemplars\": [{\"section\": \"1\", \"title\": \"X\", \"cells\": {\"d\": \"dd\", \"c\": \"cc\"},"
	"   \"links_to\": \"1.1\", \"gap\": \"part lost\"}]}";

static void optional_fields(void **state)
{
	(void)state;
	fw_report *r = calloc(1, sizeof *r);
	assert_non_null(r);
	framework *fw = framework_load_text("t.json", every_field, r);
	free(r);
	assert_non_null(fw);
	assert_model_is_document(fw);
	assert_string_equal(fw->source.url, "https://example.org");
	assert_string_equal(fw->source.licence, "CC BY");
	assert_string_equal(framework_measure(fw, "1.1")->gap, "lost");
	assert_string_equal(framework_outcome(fw, "o")->text, "D");
	assert_string_equal(framework_column(fw, "c")->text, "H");
	assert_null(framework_column(fw, "d")->text);
	assert_string_equal(fw->exemplars[0].links_to, "1.1");
	assert_string_equal(fw->exemplars[0].cells[0].column, "d");
	assert_string_equal(exemplar_cell(&fw->exemplars[0], "c"), "cc");
	/* Gaps outside sections and elements are not counted, as before. */
	assert_int_equal(fw->n_gaps, 0);
	assert_null(fw->notes);
	assert_int_equal(fw->n_fields, 0);
	framework_free(fw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_instrument_is_its_document),
		cmocka_unit_test(york_audit),
		cmocka_unit_test(success_measures),
		cmocka_unit_test(service_plan),
		cmocka_unit_test(york_models),
		cmocka_unit_test(four_cornerstones),
		cmocka_unit_test(optional_fields),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
