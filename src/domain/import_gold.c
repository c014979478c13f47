/* import_gold.c: Charter Gold from an export (format 5; older files have
 * none): the assessor's comments and the decisions, checked whole before
 * anything is written, as the rest of the file is. */
#include "domain/import_internal.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "store/gold.h"

static int read_comment(struct import *im, json_t *v, size_t i, err *e)
{
	char where[64];
	snprintf(where, sizeof where, "gold.comments[%zu]", i);
	json_int_t ref;
	const char *key, *comment, *author, *at;
	if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:s!}", "evaluation", &ref, "statement", &key,
			  "comment", &comment, "author", &author, "updated_at", &at) < 0)
		return -1;
	framework *fw = import_eval_by_ref(im, ref);
	if (!fw || !framework_element(fw, key))
		return err_set(e, ERR_INPUT, "the export is damaged: %s names no statement of its evaluation.", where);
	if (!*comment || text_check_long("The comment", comment, true, e) < 0 ||
	    text_check_line("The author", author, true, e) < 0)
		return err_set(e, ERR_INPUT, "the export is damaged: %s has an empty or too long text.", where);
	return import_check_stamp(where, at, e);
}

static int read_decision(struct import *im, json_t *v, size_t i, err *e)
{
	char where[64];
	snprintf(where, sizeof where, "gold.decisions[%zu]", i);
	json_int_t ref;
	const char *decision, *reasons, *on, *assessor, *at;
	json_t *due_on;
	if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:o, s:s, s:s!}", "evaluation", &ref, "decision", &decision,
			  "reasons", &reasons, "decided_on", &on, "due_on", &due_on, "assessor", &assessor,
			  "created_at", &at) < 0)
		return -1;
	const char *due = json_string_value(due_on);
	if (!due && !json_is_null(due_on))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.due_on is neither a date nor null.", where);
	bool award = !strcmp(decision, "awarded");
	if (!import_eval_by_ref(im, ref))
		return err_set(e, ERR_INPUT, "the export is damaged: %s names no evaluation.", where);
	if ((!award && strcmp(decision, "not-yet")) || (award != (due != NULL)) || (!award && !*reasons) ||
	    !date_valid(on) || (due && !date_valid(due)) || !*assessor)
		return err_set(e, ERR_INPUT, "the export is damaged: %s is not a decision copro wrote.", where);
	return import_check_stamp(where, at, e);
}

int import_read_gold(struct import *im, err *e)
{
	json_t *gold = json_object_get(im->doc, "gold"), *cs, *ds, *v;
	if (json_is_null(gold))
		return 0;
	if (import_unpack(gold, "gold", e, "{s:o, s:o!}", "comments", &cs, "decisions", &ds) < 0)
		return -1;
	if (!json_is_array(cs) || !json_is_array(ds))
		return err_set(e, ERR_INPUT, "the export is damaged: gold.comments and gold.decisions must be lists.");
	size_t i;
	json_array_foreach(cs, i, v)
		if (read_comment(im, v, i, e) < 0)
			return -1;
	json_array_foreach(ds, i, v)
		if (read_decision(im, v, i, e) < 0)
			return -1;
	return 0;
}

int import_write_gold(struct import *im, int64_t org, err *e)
{
	json_t *gold = json_object_get(im->doc, "gold"), *v;
	if (json_is_null(gold) || !gold)
		return 0;
	size_t i;
	json_array_foreach(json_object_get(gold, "comments"), i, v) {
		gold_comment_row c;
		json_int_t ref;
		json_unpack(v, "{s:I, s:s, s:s, s:s, s:s}", "evaluation", &ref, "statement", &c.element_key,
			    "comment", &c.comment, "author", &c.author, "updated_at", &c.updated_at);
		c.evaluation_id = im->eval_ids[ref - 1];
		if (store_gold_comment_put(im->d->db, &c, e) < 0)
			return -1;
	}
	json_array_foreach(json_object_get(gold, "decisions"), i, v) {
		gold_decision_row g = {.organisation_id = org};
		json_int_t ref;
		int64_t id;
		json_t *due;
		json_unpack(v, "{s:I, s:s, s:s, s:s, s:o, s:s, s:s}", "evaluation", &ref, "decision", &g.decision,
			    "reasons", &g.reasons, "decided_on", &g.decided_on, "due_on", &due,
			    "assessor", &g.assessor, "created_at", &g.created_at);
		g.due_on = json_string_value(due);
		g.evaluation_id = im->eval_ids[ref - 1];
		if (store_gold_decision_insert(im->d->db, &g, &id, e) < 0)
			return -1;
	}
	return 0;
}
