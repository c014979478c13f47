/* import_views.c: rounds of views and partner-voice settings from an
 * export (format 4; older files have none). Every field is checked before
 * anything is written, as for the rest of the file. */
#include "domain/import_internal.h"
#include "domain/views_internal.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "domain/account.h"
#include "store/views.h"

/* ---- reading ----------------------------------------------------------------- */

/* A string field that may be null: 0 and *out (NULL for null), or -1. */
static int opt_text(json_t *v, const char *where, const char *what, const char **out, err *e)
{
	*out = json_is_string(v) ? json_string_value(v) : NULL;
	if (json_is_null(v) || *out)
		return 0;
	return err_set(e, ERR_INPUT, "the export is damaged: %s.%s is neither text nor null.", where, what);
}

static int damaged(const char *where, const char *what, err *e)
{
	return err_set(e, ERR_INPUT, "the export is damaged: %s has %s.", where, what);
}

static int opt_stamp(json_t *v, const char *where, const char *what, err *e)
{
	const char *s;
	return opt_text(v, where, what, &s, e) < 0 || (s && import_check_stamp(where, s, e) < 0) ? -1 : 0;
}

static bool hex64(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

static bool has_element(json_t *els, const char *key)
{
	size_t i;
	json_t *v;
	json_array_foreach(els, i, v)
		if (!strcmp(json_string_value(json_object_get(v, "key")), key))
			return true;
	return false;
}

static int read_elements(const framework *fw, json_t *els, const char *where, err *e)
{
	size_t i;
	json_t *v;
	if (!json_is_array(els) || !json_array_size(els))
		return damaged(where, "no list of elements", e);
	json_array_foreach(els, i, v) {
		const char *key, *easy;
		json_t *ev;
		if (import_unpack(v, where, e, "{s:s, s:o!}", "key", &key, "easy_read", &ev) < 0 ||
		    opt_text(ev, where, "easy_read", &easy, e) < 0 ||
		    views_text_check("An easy-read text", easy, &easy, e) < 0)
			return -1;
		if (!framework_element(fw, key))
			return damaged(where, "an element its instrument does not have", e);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(json_string_value(json_object_get(json_array_get(els, j), "key")), key))
				return damaged(where, "an element twice", e);
	}
	return 0;
}

static int read_links(json_t *links, const char *where, err *e)
{
	size_t i;
	json_t *v;
	if (!json_is_array(links))
		return damaged(where, "no list of links", e);
	json_array_foreach(links, i, v) {
		json_int_t ref;
		const char *group, *name, *hash, *created;
		json_t *replaced;
		if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:s, s:o!}", "ref", &ref, "group",
				  &group, "name", &name, "token_hash", &hash, "created_at", &created,
				  "replaced_at", &replaced) < 0 ||
		    import_check_stamp(where, created, e) < 0 ||
		    opt_stamp(replaced, where, "replaced_at", e) < 0)
			return -1;
		bool other = !strcmp(group, "other");
		if (ref != (json_int_t)i + 1 || (!other && !views_group_flag(group)) ||
		    other != (*name != 0) || !hex64(hash))
			return damaged(where, "a link that is not as copro writes them", e);
	}
	return 0;
}

static int read_answers(const view_round_row *r, json_t *els, json_t *answers, const char *where,
			err *e)
{
	size_t i;
	json_t *v;
	if (!json_is_array(answers) || !json_array_size(answers))
		return damaged(where, "a response without answers", e);
	json_array_foreach(answers, i, v) {
		const char *element, *good, *better, *by, *updated;
		json_t *rating, *g, *b, *reviewed, *flagged;
		if (import_unpack(v, where, e, "{s:s, s:o, s:o, s:o, s:o, s:o, s:s, s:s!}", "element",
				  &element, "rating", &rating, "good", &g, "better", &b, "reviewed_at",
				  &reviewed, "flagged_at", &flagged, "flagged_by", &by, "updated_at",
				  &updated) < 0 ||
		    opt_text(g, where, "good", &good, e) < 0 || opt_text(b, where, "better", &better, e) < 0 ||
		    views_text_check("\"What is good?\"", good, &good, e) < 0 ||
		    views_text_check("\"What could be better?\"", better, &better, e) < 0 ||
		    opt_stamp(reviewed, where, "reviewed_at", e) < 0 ||
		    opt_stamp(flagged, where, "flagged_at", e) < 0 || import_check_stamp(where, updated, e) < 0)
			return import_damaged_at(where, e);
		if (!has_element(els, element))
			return damaged(where, "an answer to an element the round does not ask", e);
		if (!json_is_null(rating) && (!json_is_integer(rating) ||
		    views_rating_check(r, (int)json_integer_value(rating), e) < 0))
			return damaged(where, "a rating off the round's scale", e);
	}
	return 0;
}

static int read_responses(const view_round_row *r, json_t *els, size_t n_links, json_t *list,
			  const char *where, err *e)
{
	size_t i;
	json_t *v;
	if (!json_is_array(list))
		return damaged(where, "no list of responses", e);
	json_array_foreach(list, i, v) {
		json_int_t link;
		const char *started, *submitted, *by;
		int paper;
		json_t *answers;
		if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:b, s:s, s:o!}", "link", &link,
				  "started_at", &started, "submitted_at", &submitted, "from_paper",
				  &paper, "entered_by", &by, "answers", &answers) < 0 ||
		    import_check_stamp(where, started, e) < 0 ||
		    import_check_stamp(where, submitted, e) < 0 ||
		    read_answers(r, els, answers, where, e) < 0)
			return -1;
		if (link < 1 || (size_t)link > n_links)
			return damaged(where, "a response through a link the round does not have", e);
	}
	return 0;
}

static int read_agreed(json_t *els, json_t *list, const char *where, err *e)
{
	size_t i;
	json_t *v;
	if (!json_is_array(list))
		return damaged(where, "no list of agreed views", e);
	json_array_foreach(list, i, v) {
		const char *element, *agreed, *resolved, *by, *created, *updated;
		json_t *groups;
		int g;
		if (import_unpack(v, where, e, "{s:s, s:s, s:s, s:o, s:s, s:s, s:s!}", "element",
				  &element, "agreed", &agreed, "resolved", &resolved, "partner_groups",
				  &groups, "by", &by, "created_at", &created, "updated_at", &updated) < 0 ||
		    import_parse_groups(groups, where, &g, e) < 0 ||
		    text_check_long("What was agreed", agreed, true, e) < 0 ||
		    import_check_stamp(where, created, e) < 0 || import_check_stamp(where, updated, e) < 0)
			return import_damaged_at(where, e);
		if (!has_element(els, element))
			return damaged(where, "an agreed view of an element the round does not ask", e);
	}
	return 0;
}

/* The round's own fields, into *r (refs in its ids). */
static int read_round_fields(struct import *im, json_t *v, size_t i, const char *where,
			     view_round_row *r, json_t **parts, err *e)
{
	json_int_t ref;
	json_t *ev, *au, *closes, *evidence;
	int closed;
	if (import_unpack(v, where, e, "{s:I, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:i,"
			  " s:s, s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:o!}", "ref", &ref, "evaluation", &ev,
			  "audit", &au, "framework", &r->framework_id, "framework_hash",
			  &r->framework_hash, "title", &r->title, "wording", &r->wording, "language",
			  &r->language, "opens_on", &r->opens_on, "closes_on", &closes, "closed", &closed,
			  "answer_cap", &r->answer_cap, "created_by", &r->created_by_name, "evidence",
			  &evidence, "created_at", &r->created_at, "updated_at", &r->updated_at,
			  "elements", &parts[0], "links", &parts[1], "responses", &parts[2], "agreed",
			  &parts[3], "you_said", &parts[4]) < 0 ||
	    opt_text(closes, where, "closes_on", &r->closes_on, e) < 0 ||
	    import_check_stamp(where, r->created_at, e) < 0 ||
	    import_check_stamp(where, r->updated_at, e) < 0)
		return -1;
	r->closed = closed;
	r->evaluation_id = json_integer_value(ev);
	r->audit_id = json_integer_value(au);
	r->evidence_id = json_integer_value(evidence);
	if (ref != (json_int_t)i + 1 || !(json_is_integer(ev) ^ json_is_integer(au)) ||
	    (!json_is_integer(ev) && !json_is_null(ev)) || (!json_is_integer(au) && !json_is_null(au)) ||
	    (r->evaluation_id && (r->evaluation_id < 1 || (size_t)r->evaluation_id > im->n_evals)) ||
	    (r->audit_id && (r->audit_id < 1 || (size_t)r->audit_id > im->n_audits)))
		return damaged(where, "a ref or an evaluation or audit that is not as copro writes them", e);
	if (!json_is_null(evidence) && import_check_evidence_ref(im, where, r->evidence_id, e) < 0)
		return -1;
	if (strcmp(r->wording, VIEWS_WORDING_STANDARD) && strcmp(r->wording, VIEWS_WORDING_EASY))
		return damaged(where, "a wording copro does not know", e);
	if (!*r->title || !*r->language || !date_valid(r->opens_on) ||
	    (r->closes_on && !date_valid(r->closes_on)) || r->answer_cap < 1 ||
	    r->answer_cap > VIEWS_CAP_MAX)
		return damaged(where, "a title, language, date or cap that is not as copro writes them", e);
	return 0;
}

/* "You said" records made from the round's comments: their place in the
 * file's you_said list, each once, and an element the round asks. */
static int read_you_said(struct import *im, json_t *els, json_t *list, const char *where, err *e)
{
	size_t i;
	json_t *v;
	if (!json_is_array(list))
		return damaged(where, "no list of \"You said\" records", e);
	json_array_foreach(list, i, v) {
		json_int_t record;
		const char *element;
		if (import_unpack(v, where, e, "{s:I, s:s!}", "record", &record, "element", &element) < 0)
			return -1;
		if (record < 1 || (size_t)record > im->n_you_said || !has_element(els, element))
			return damaged(where, "a \"You said\" record or element the file does not hold", e);
		for (size_t j = 0; j < i; j++)
			if (json_integer_value(json_object_get(json_array_get(list, j), "record")) == record)
				return damaged(where, "a \"You said\" record twice", e);
	}
	return 0;
}

static int read_settings(json_t *v, err *e)
{
	const char *contact;
	int months;
	if (json_is_null(v))
		return 0;
	if (import_unpack(v, "view_settings", e, "{s:s, s:i!}", "safeguarding_contact", &contact,
			  "retention_months", &months) < 0)
		return -1;
	if (months < 1 || months > 120)
		return damaged("view_settings", "a retention period outside 1 to 120 months", e);
	return 0;
}

int import_read_views(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "view_rounds"), *v;
	size_t i;
	if (!json_is_array(list))
		return err_set(e, ERR_INPUT, "the export is damaged: its lists are not lists.");
	json_array_foreach(list, i, v) {
		char where[48];
		snprintf(where, sizeof where, "view_rounds[%zu]", i);
		view_round_row r = {0};
		json_t *parts[5];
		if (read_round_fields(im, v, i, where, &r, parts, e) < 0)
			return -1;
		framework *fw = import_version_of(im, r.framework_id, r.framework_hash);
		if (!fw)
			return damaged(where, "an instrument version the file does not hold", e);
		if (read_elements(fw, parts[0], where, e) < 0 || read_links(parts[1], where, e) < 0 ||
		    read_responses(&r, parts[0], json_array_size(parts[1]), parts[2], where, e) < 0 ||
		    read_agreed(parts[0], parts[3], where, e) < 0 ||
		    read_you_said(im, parts[0], parts[4], where, e) < 0)
			return -1;
	}
	return read_settings(json_object_get(im->doc, "view_settings"), e);
}

/* ---- writing ------------------------------------------------------------------ */

static int write_links(struct import *im, int64_t round, json_t *links, int64_t *ids, err *e)
{
	size_t i;
	json_t *v;
	json_array_foreach(links, i, v) {
		view_link_row l = {.round_id = round};
		json_t *replaced;
		json_unpack(v, "{s:s, s:s, s:s, s:s, s:o}", "group", &l.partner_group, "name",
			    &l.group_name, "token_hash", &l.token_hash, "created_at", &l.created_at,
			    "replaced_at", &replaced);
		l.replaced_at = json_string_value(replaced);
		view_link_row held;
		int found = store_view_link_by_hash(im->d->db, im->d->mem, l.token_hash, &held, e);
		if (found < 0)
			return -1;
		char fresh[65];
		if (found) {
			views_token unknown;
			views_random_token(unknown);
			token_hash(unknown, fresh);
			l.token_hash = fresh;
		}
		if (store_view_link_insert(im->d->db, &l, &ids[i], e) < 0)
			return -1;
	}
	return 0;
}

static int write_answer(struct import *im, int64_t response, json_t *v, err *e)
{
	view_answer_row a = {.response_id = response};
	json_t *rating, *g, *b, *reviewed, *flagged;
	json_unpack(v, "{s:s, s:o, s:o, s:o, s:o, s:o, s:s, s:s}", "element", &a.element_key,
		    "rating", &rating, "good", &g, "better", &b, "reviewed_at", &reviewed,
		    "flagged_at", &flagged, "flagged_by", &a.flagged_by_name, "updated_at", &a.updated_at);
	a.rating = json_is_integer(rating) ? (int)json_integer_value(rating) : VIEW_NO_RATING;
	a.good = json_string_value(g);
	a.better = json_string_value(b);
	store *s = im->d->db;
	if (store_view_answer_put(s, &a, e) < 0 ||
	    (json_is_string(reviewed) &&
	     store_view_answer_review(s, response, a.element_key, 0, json_string_value(reviewed), e) < 0))
		return -1;
	return json_is_string(flagged)
		? store_view_answer_flag(s, response, a.element_key, 0, a.flagged_by_name,
					 json_string_value(flagged), e)
		: 0;
}

static int write_responses(struct import *im, int64_t round, json_t *list, const int64_t *links,
			   err *e)
{
	size_t i, j;
	json_t *v, *av, *answers;
	json_array_foreach(list, i, v) {
		view_response_row p = {.round_id = round};
		json_int_t link;
		int paper;
		json_unpack(v, "{s:I, s:s, s:s, s:b, s:s, s:o}", "link", &link, "started_at",
			    &p.started_at, "submitted_at", &p.submitted_at, "from_paper", &paper,
			    "entered_by", &p.entered_by_name, "answers", &answers);
		p.link_id = links[link - 1];
		p.from_paper = paper;
		int64_t id;
		if (store_view_response_insert(im->d->db, &p, &id, e) < 0)
			return -1;
		json_array_foreach(answers, j, av)
			if (write_answer(im, id, av, e) < 0)
				return -1;
	}
	return 0;
}

static int write_parts(struct import *im, int64_t org, int64_t round, json_t **parts, err *e)
{
	size_t i;
	json_t *v;
	json_array_foreach(parts[0], i, v) {
		view_element_row el = {.round_id = round, .position = (int)i + 1};
		json_unpack(v, "{s:s}", "key", &el.element_key);
		el.easy_read = json_string_value(json_object_get(v, "easy_read"));
		if (store_view_element_insert(im->d->db, &el, e) < 0)
			return -1;
	}
	int64_t *links = ARENA_ARRAY(im->d->mem, json_array_size(parts[1]) + 1, links);
	if (write_links(im, round, parts[1], links, e) < 0 ||
	    write_responses(im, round, parts[2], links, e) < 0)
		return -1;
	json_array_foreach(parts[3], i, v) {
		view_agreed_row a = {.round_id = round};
		json_t *groups;
		json_unpack(v, "{s:s, s:s, s:s, s:o, s:s, s:s, s:s}", "element", &a.element_key,
			    "agreed", &a.agreed, "resolved", &a.resolved, "partner_groups", &groups,
			    "by", &a.agreed_by_name, "created_at", &a.created_at, "updated_at",
			    &a.updated_at);
		import_parse_groups(groups, "agreed", &a.groups, e);
		if (store_view_agreed_put(im->d->db, &a, e) < 0)
			return -1;
	}
	json_array_foreach(parts[4], i, v) {
		int64_t you_said;
		if (store_you_said_at(im->d->db, org, json_integer_value(json_object_get(v, "record")),
				      &you_said, e) < 0 ||
		    store_view_you_said_insert(im->d->db, you_said, round, 0,
					       json_string_value(json_object_get(v, "element")), e) < 0)
			return -1;
	}
	return 0;
}

static int write_round(struct import *im, int64_t org, json_t *v, err *e)
{
	view_round_row r = {.organisation_id = org};
	json_t *ev, *au, *closes, *evidence, *parts[5];
	int closed;
	json_unpack(v, "{s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:i, s:s, s:o, s:s, s:s,"
		    " s:o, s:o, s:o, s:o, s:o}", "evaluation", &ev, "audit", &au, "framework",
		    &r.framework_id, "framework_hash", &r.framework_hash, "title", &r.title, "wording",
		    &r.wording, "language", &r.language, "opens_on", &r.opens_on, "closes_on", &closes,
		    "closed", &closed, "answer_cap", &r.answer_cap, "created_by", &r.created_by_name,
		    "evidence", &evidence, "created_at", &r.created_at, "updated_at", &r.updated_at,
		    "elements", &parts[0], "links", &parts[1], "responses", &parts[2], "agreed",
		    &parts[3], "you_said", &parts[4]);
	r.closes_on = json_string_value(closes);
	r.closed = closed;
	r.evaluation_id = json_is_integer(ev) ? im->eval_ids[json_integer_value(ev) - 1] : 0;
	r.audit_id = json_is_integer(au) ? im->audit_ids[json_integer_value(au) - 1] : 0;
	r.evidence_id = json_is_integer(evidence) ? im->evidence_ids[json_integer_value(evidence) - 1] : 0;
	framework *fw = import_version_of(im, r.framework_id, r.framework_hash);
	if (import_put_version(im, fw, r.created_at, e) < 0 ||
	    store_view_round_insert(im->d->db, &r, &r.id, e) < 0)
		return -1;
	return write_parts(im, org, r.id, parts, e);
}

int import_write_views(struct import *im, int64_t org, err *e)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(im->doc, "view_rounds"), i, v)
		if (write_round(im, org, v, e) < 0)
			return -1;
	json_t *s = json_object_get(im->doc, "view_settings");
	if (json_is_null(s))
		return 0;
	view_org_setting_row row = {.organisation_id = org, .updated_at = im->org.updated_at};
	json_unpack(s, "{s:s, s:i}", "safeguarding_contact", &row.safeguarding_contact,
		    "retention_months", &row.retention_months);
	return store_view_org_setting_put(im->d->db, &row, e);
}
