/* export_gold.c: Charter Gold in an organisation's export (format 5): the
 * assessor's comments per statement and the decisions, each naming its
 * evaluation by ref. Assessors' access is the area's and an account's, not
 * the organisation's: it stays behind. */
#include "domain/export.h"
#include "store/gold.h"

int export_gold(domain *d, int64_t org, const evaluation_list *evs, json_t *doc, err *e)
{
	json_t *comments = json_array(), *decisions = json_array();
	json_object_set_new(doc, "gold", json_pack("{s:o, s:o}", "comments", comments, "decisions", decisions));
	for (size_t i = 0; i < evs->n; i++) {
		gold_comment_list cs;
		if (store_gold_comments_of(d->db, d->mem, evs->items[i].id, &cs, e) < 0)
			return -1;
		for (size_t k = 0; k < cs.n; k++)
			json_array_append_new(comments, json_pack("{s:I, s:s, s:s, s:s, s:s}", "evaluation",
				(json_int_t)(i + 1), "statement", cs.items[k].element_key, "comment", cs.items[k].comment,
				"author", cs.items[k].author, "updated_at", cs.items[k].updated_at));
	}
	gold_decision_list ds;
	if (store_gold_decisions_of(d->db, d->mem, org, 0, &ds, e) < 0)
		return -1;
	/* Oldest first, as they were made. */
	for (size_t k = ds.n; k-- > 0;) {
		const gold_decision_row *g = &ds.items[k];
		json_int_t ref = export_ref_of(evs->items, evs->n, sizeof *evs->items, g->evaluation_id);
		json_array_append_new(decisions, json_pack("{s:I, s:s, s:s, s:s, s:s?, s:s, s:s}", "evaluation", ref,
			"decision", g->decision, "reasons", g->reasons, "decided_on", g->decided_on, "due_on", g->due_on,
			"assessor", g->assessor, "created_at", g->created_at));
	}
	return 0;
}
