/* import_york.c: the York records of an export being loaded: projects
 * (their people, steps, answers and evidence) and joint partnership audits
 * (people, principles, evidence, events), checked, then written. */
#include "domain/import_internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "store/audit.h"
#include "store/project.h"
#include "store/store.h"
/* ---- projects --------------------------------------------------------- */
static int read_project_people(struct import *im, const char *where, json_t *list,
			       struct imp_project *p, err *e)
{
	if (!import_list_field(list, where, "people", &p->n_people, e))
		return -1;
	if (p->n_people > PROJECT_PEOPLE_MAX)
		return err_set(e, ERR_INPUT, "the export is damaged: %s lists more than %d people.", where,
			       PROJECT_PEOPLE_MAX);
	p->people = arena_array(im->d->mem, p->n_people, sizeof *p->people);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		project_person_row *r = &p->people[i];
		char w[120];
		snprintf(w, sizeof w, "%s.people[%zu]", where, i);
		const char *group;
		if (import_unpack(v, w, e, "{s:s, s:s, s:s!}", "name", &r->name, "role", &r->role,
			   "partner_group", &group) < 0)
			return -1;
		r->position = (int)i + 1;
		r->partner_group = group;
		if (project_person_check(r, e) < 0)
			return import_damaged_at(w, e);
		if (strcmp(r->partner_group, group) != 0)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.partner_group should be \"%s\".", w,
				       r->partner_group);
	}
	return 0;
}

static int read_project_steps(struct import *im, const char *where, json_t *list,
			      struct imp_project *p, err *e)
{
	if (!import_list_field(list, where, "steps", &p->n_steps, e))
		return -1;
	p->steps = arena_array(im->d->mem, p->n_steps, sizeof *p->steps);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		project_step_row *r = &p->steps[i];
		char w[120];
		snprintf(w, sizeof w, "%s.steps[%zu]", where, i);
		int done;
		import_drop_nulls(v, (const char *const[]){"done_on", NULL});
		if (import_unpack(v, w, e, "{s:s, s:b, s?s, s:s, s:s!}", "step", &r->step_key, "done", &done,
			   "done_on", &r->done_on, "note", &r->note, "updated_at", &r->updated_at) < 0 ||
		    import_check_date_or_null(w, "The date done", r->done_on, e) < 0 ||
		    import_check_stamp(w, r->updated_at, e) < 0)
			return -1;
		r->done = done;
		if (text_check_long("The note", r->note, false, e) < 0)
			return import_damaged_at(w, e);
		if (!framework_element(p->fw, r->step_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names step \"%.40s\", which its model does not have.",
				       w, r->step_key);
		if (!r->done && r->done_on)
			return err_set(e, ERR_INPUT, "the export is damaged: %s has a date done but is not done.", w);
		if (i && import_check_order(w, strcmp(p->steps[i - 1].step_key, r->step_key) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static const fw_item *step_question(const fw_element *step, const char *key)
{
	for (size_t i = 0; i < step->n_questions; i++)
		if (!strcmp(step->questions[i].key, key))
			return &step->questions[i];
	return NULL;
}

static int read_project_answers(struct import *im, const char *where, json_t *list,
				struct imp_project *p, err *e)
{
	if (!import_list_field(list, where, "answers", &p->n_answers, e))
		return -1;
	p->answers = arena_array(im->d->mem, p->n_answers, sizeof *p->answers);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		project_answer_row *r = &p->answers[i];
		char w[120];
		snprintf(w, sizeof w, "%s.answers[%zu]", where, i);
		if (import_unpack(v, w, e, "{s:s, s:s, s:s, s:s, s:s!}", "step", &r->step_key,
			   "question", &r->question_key, "answer", &r->answer, "note", &r->note,
			   "updated_at", &r->updated_at) < 0 ||
		    import_check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("The note on an answer", r->note, false, e) < 0)
			return import_damaged_at(w, e);
		const fw_element *step = framework_element(p->fw, r->step_key);
		if (!step || !step_question(step, r->question_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names question %.40s of step %.40s, which its model does not have.",
				       w, r->question_key, r->step_key);
		if (strcmp(r->answer, "yes") && strcmp(r->answer, "partly") && strcmp(r->answer, "no"))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.answer must be yes, partly or no.", w);
		if (i) {
			const project_answer_row *prev = &p->answers[i - 1];
			int c = strcmp(prev->step_key, r->step_key);
			if (import_check_order(w, (c ? c : strcmp(prev->question_key, r->question_key)) < 0, e) < 0)
				return -1;
		}
	}
	return 0;
}

static int read_project_links(struct import *im, const char *where, json_t *list,
			      struct imp_project *p, err *e)
{
	if (!import_list_field(list, where, "evidence", &p->n_links, e))
		return -1;
	p->links = arena_array(im->d->mem, p->n_links, sizeof *p->links);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		project_evidence_row *r = &p->links[i];
		char w[120];
		snprintf(w, sizeof w, "%s.evidence[%zu]", where, i);
		json_int_t ref;
		if (import_unpack(v, w, e, "{s:s, s:I, s:s!}", "step", &r->step_key, "evidence", &ref,
			   "created_at", &r->created_at) < 0 ||
		    import_check_stamp(w, r->created_at, e) < 0 || import_check_evidence_ref(im, w, ref, e) < 0)
			return -1;
		r->evidence_id = ref;
		if (!framework_element(p->fw, r->step_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names step \"%.40s\", which its model does not have.",
				       w, r->step_key);
		if (i && import_check_order(w, import_key_ref_cmp(p->links[i - 1].step_key, p->links[i - 1].evidence_id,
						    r->step_key, r->evidence_id) < 0, e) < 0)
			return -1;
	}
	return 0;
}

int import_read_projects(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "projects");
	im->n_projects = json_array_size(list);
	im->projects = arena_array(im->d->mem, im->n_projects, sizeof *im->projects);
	im->project_ids = arena_array(im->d->mem, im->n_projects, sizeof *im->project_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		struct imp_project *p = &im->projects[i];
		project_row *r = &p->row;
		json_int_t ref;
		json_t *people, *steps, *answers, *links;
		char where[64];
		snprintf(where, sizeof where, "projects[%zu]", i);
		import_drop_nulls(v, (const char *const[]){"starts_on", "ends_on", NULL});
		if (import_unpack(v, where, e, "{s:I, s:s, s:s, s:s, s:s, s:s, s?s, s?s, s:s, s:s, s:o, s:o, s:o, s:o!}",
			   "ref", &ref, "framework", &r->framework_id, "framework_hash", &r->framework_hash,
			   "title", &r->title, "service_area", &r->service_area,
			   "description", &r->description, "starts_on", &r->starts_on,
			   "ends_on", &r->ends_on, "created_at", &r->created_at,
			   "updated_at", &r->updated_at, "people", &people, "steps", &steps,
			   "answers", &answers, "evidence", &links) < 0)
			return -1;
		if (ref != (json_int_t)i + 1)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
		const char *model = project_model_id(r->framework_id);
		if (!model || strcmp(model, r->framework_id) != 0)
			return err_set(e, ERR_INPUT, "the export is damaged: %s.framework \"%.40s\" is not a model for a project.",
				       where, r->framework_id);
		p->fw = import_version_of(im, r->framework_id, r->framework_hash);
		if (!p->fw)
			return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold.", where);
		if (project_validate(r, e) < 0)
			return import_damaged_at(where, e);
		if (import_check_stamp(where, r->created_at, e) < 0 || import_check_stamp(where, r->updated_at, e) < 0 ||
		    read_project_people(im, where, people, p, e) < 0 ||
		    read_project_steps(im, where, steps, p, e) < 0 ||
		    read_project_answers(im, where, answers, p, e) < 0 ||
		    read_project_links(im, where, links, p, e) < 0)
			return -1;
	}
	return 0;
}

/* ---- audits ------------------------------------------------------------ */

static bool audit_status_known(const char *s)
{
	return !strcmp(s, "draft") || !strcmp(s, "submitted") || !strcmp(s, "returned") ||
	       !strcmp(s, "accepted");
}

static int read_audit_people(struct import *im, const char *where, json_t *list,
			     struct imp_audit *a, err *e)
{
	if (!import_list_field(list, where, "people", &a->n_people, e))
		return -1;
	a->people = arena_array(im->d->mem, a->n_people, sizeof *a->people);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		audit_person_row *r = &a->people[i];
		char w[120];
		snprintf(w, sizeof w, "%s.people[%zu]", where, i);
		if (import_unpack(v, w, e, "{s:s, s:s!}", "name", &r->name, "designation", &r->designation) < 0)
			return -1;
		r->position = (int)i + 1;
		if (text_check_line("The name of the person completing the audit", r->name, true, e) < 0 ||
		    text_check_line("The designation", r->designation, false, e) < 0)
			return import_damaged_at(w, e);
	}
	return 0;
}

static const fw_item *principle_level(const fw_element *el, const char *key)
{
	for (size_t i = 0; i < el->n_levels; i++)
		if (!strcmp(el->levels[i].key, key))
			return &el->levels[i];
	return NULL;
}

static int read_audit_principles(struct import *im, const char *where, json_t *list,
				 struct imp_audit *a, err *e)
{
	if (!import_list_field(list, where, "principles", &a->n_principles, e))
		return -1;
	a->principles = arena_array(im->d->mem, a->n_principles, sizeof *a->principles);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		audit_principle_row *r = &a->principles[i];
		char w[120];
		snprintf(w, sizeof w, "%s.principles[%zu]", where, i);
		json_int_t score = LLONG_MIN;   /* stays: no score */
		import_drop_nulls(v, (const char *const[]){"level", "score", NULL});
		if (import_unpack(v, w, e, "{s:s, s?s, s?I, s:s, s:s, s?s!}", "principle", &r->principle_key,
			   "level", &r->level, "score", &score, "notes", &r->notes,
			   "updated_at", &r->updated_at, "area_comment", &r->area_comment) < 0 ||
		    import_check_stamp(w, r->updated_at, e) < 0)
			return -1;
		if (text_check_long("The notes or evidence", r->notes, false, e) < 0 ||
		    text_check_long("The area's comment", r->area_comment, false, e) < 0)
			return import_damaged_at(w, e);
		const fw_element *el = audit_principle_indicator(a->fw, r->principle_key);
		if (!el || !el->n_levels)
			return err_set(e, ERR_INPUT, "the export is damaged: %s names principle \"%.40s\", which its instrument does not have.",
				       w, r->principle_key);
		if (r->level && !principle_level(el, r->level))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names level \"%.40s\", which principle %s does not have.",
				       w, r->level, r->principle_key);
		if (score != LLONG_MIN && (score < 0 || score > 100))
			return err_set(e, ERR_INPUT, "the export is damaged: %s.score must be a whole number from 0 to 100, or null.", w);
		r->score = score == LLONG_MIN ? AUDIT_NO_SCORE : (int)score;
		if (i && import_check_order(w, strcmp(a->principles[i - 1].principle_key, r->principle_key) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static int read_audit_links(struct import *im, const char *where, json_t *list,
			    struct imp_audit *a, err *e)
{
	if (!import_list_field(list, where, "evidence", &a->n_links, e))
		return -1;
	a->links = arena_array(im->d->mem, a->n_links, sizeof *a->links);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		audit_evidence_row *r = &a->links[i];
		char w[120];
		snprintf(w, sizeof w, "%s.evidence[%zu]", where, i);
		json_int_t ref;
		if (import_unpack(v, w, e, "{s:s, s:I, s:s!}", "principle", &r->principle_key, "evidence", &ref,
			   "created_at", &r->created_at) < 0 ||
		    import_check_stamp(w, r->created_at, e) < 0 || import_check_evidence_ref(im, w, ref, e) < 0)
			return -1;
		r->evidence_id = ref;
		if (!audit_principle_indicator(a->fw, r->principle_key))
			return err_set(e, ERR_INPUT, "the export is damaged: %s names principle \"%.40s\", which its instrument does not have.",
				       w, r->principle_key);
		if (i && import_check_order(w, import_key_ref_cmp(a->links[i - 1].principle_key,
						    a->links[i - 1].evidence_id, r->principle_key,
						    r->evidence_id) < 0, e) < 0)
			return -1;
	}
	return 0;
}

static int read_audit_events(struct import *im, const char *where, json_t *list,
			     struct imp_audit *a, err *e)
{
	if (!import_list_field(list, where, "events", &a->n_events, e))
		return -1;
	a->events = arena_array(im->d->mem, a->n_events, sizeof *a->events);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		audit_event_row *r = &a->events[i];
		char w[120];
		snprintf(w, sizeof w, "%s.events[%zu]", where, i);
		if (import_unpack(v, w, e, "{s:s, s:s, s:s, s:s!}", "at", &r->at, "by", &r->user_name,
			   "status", &r->status, "comment", &r->comment) < 0 ||
		    import_check_stamp(w, r->at, e) < 0)
			return -1;
		if (text_check_line("The name of who made the change", r->user_name, false, e) < 0 ||
		    text_check_long("The comment", r->comment, false, e) < 0)
			return import_damaged_at(w, e);
		if (!audit_status_known(r->status))
			return err_set(e, ERR_INPUT, "the export is damaged: %s has an unknown status.", w);
	}
	return 0;
}

static int check_audit_fields(const char *where, const audit_row *r, err *e)
{
	if (text_check_line("The service area", r->service_area, false, e) < 0 ||
	    text_check_long("The description", r->description, false, e) < 0 ||
	    text_check_long("The reason for the outcome", r->outcome_reason, false, e) < 0 ||
	    text_check_long("The summary", r->summary, false, e) < 0 ||
	    text_check_long("The next steps", r->next_steps, false, e) < 0 ||
	    text_check_line("The name signing off", r->signed_by, false, e) < 0)
		return import_damaged_at(where, e);
	if (import_check_date_or_null(where, "The date of audit", r->audit_date, e) < 0 ||
	    import_check_date_or_null(where, "The review date", r->review_on, e) < 0 ||
	    import_check_date_or_null(where, "The sign-off date", r->signed_on, e) < 0 ||
	    (r->submitted_at && import_check_stamp(where, r->submitted_at, e) < 0) ||
	    (r->decided_at && import_check_stamp(where, r->decided_at, e) < 0) ||
	    import_check_stamp(where, r->created_at, e) < 0 || import_check_stamp(where, r->updated_at, e) < 0)
		return -1;
	if (!audit_status_known(r->status))
		return err_set(e, ERR_INPUT, "the export is damaged: %s has an unknown status.", where);
	return 0;
}

/* Versions of one audit point at the first by ref: the first is itself
 * version 1, the others come later in the file, each version once. */
static int check_audit_versions(struct import *im, size_t i, const char *where, err *e)
{
	const audit_row *r = &im->audits[i].row;
	json_int_t first = r->first_id, ref = (json_int_t)i + 1;
	if (first < 1 || first > ref)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.first names an audit the file does not hold before it.",
			       where);
	if (first == ref)
		return r->version == 1 ? 0
			: err_set(e, ERR_INPUT, "the export is damaged: %s is its own first version, so its version should be 1.", where);
	if (im->audits[first - 1].row.first_id != first)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.first names audits[%lld], which is not a first version.",
			       where, (long long)first - 1);
	if (r->version < 2)
		return err_set(e, ERR_INPUT, "the export is damaged: %s is a later version, so its version should be 2 or more.", where);
	for (size_t k = 0; k < i; k++)
		if (im->audits[k].row.first_id == first && im->audits[k].row.version == r->version)
			return err_set(e, ERR_INPUT, "the export is damaged: %s repeats version %d of audits[%lld].",
				       where, r->version, (long long)first - 1);
	return 0;
}

static int read_audit(struct import *im, size_t i, json_t *v, err *e)
{
	struct imp_audit *a = &im->audits[i];
	audit_row *r = &a->row;
	json_int_t ref, first, project = 0;
	int version;
	const char *fw_id;
	json_t *people, *principles, *links, *events;
	char where[64];
	snprintf(where, sizeof where, "audits[%zu]", i);
	import_drop_nulls(v, (const char *const[]){"project", "audit_date", "outcome", "review_on",
					    "signed_on", "submitted_at", "decided_at", NULL});
	if (import_unpack(v, where, e, "{s:I, s:I, s:i, s:s, s:s, s?I, s:s, s:s, s:s, s?s, s?s, s:s,"
		   " s:s, s:s, s?s, s:s, s?s, s?s, s?s, s:s, s:s, s:o, s:o, s:o, s:o!}",
		   "ref", &ref, "first", &first, "version", &version, "framework", &fw_id,
		   "framework_hash", &r->framework_hash, "project", &project, "status", &r->status,
		   "service_area", &r->service_area, "description", &r->description,
		   "audit_date", &r->audit_date, "outcome", &r->outcome,
		   "outcome_reason", &r->outcome_reason, "summary", &r->summary,
		   "next_steps", &r->next_steps, "review_on", &r->review_on,
		   "signed_by", &r->signed_by, "signed_on", &r->signed_on,
		   "submitted_at", &r->submitted_at, "decided_at", &r->decided_at,
		   "created_at", &r->created_at, "updated_at", &r->updated_at,
		   "people", &people, "principles", &principles, "evidence", &links,
		   "events", &events) < 0)
		return -1;
	if (ref != (json_int_t)i + 1)
		return err_set(e, ERR_INPUT, "the export is damaged: %s.ref should be %zu.", where, i + 1);
	r->first_id = first;
	r->version = version;
	r->project_id = project;
	if (strcmp(fw_id, AUDIT_FRAMEWORK_ID) != 0 || !(a->fw = import_version_of(im, fw_id, r->framework_hash)))
		return err_set(e, ERR_INPUT, "the export is damaged: %s uses an instrument version the file does not hold (an audit uses %s).",
			       where, AUDIT_FRAMEWORK_ID);
	if (project && (project < 1 || (size_t)project > im->n_projects))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.project names a project the file does not hold.", where);
	if (r->outcome && !audit_outcome_title(a->fw, r->outcome))
		return err_set(e, ERR_INPUT, "the export is damaged: %s.outcome \"%.40s\" is not one of its instrument's outcomes.",
			       where, r->outcome);
	return check_audit_fields(where, r, e) < 0 || check_audit_versions(im, i, where, e) < 0 ||
	       read_audit_people(im, where, people, a, e) < 0 ||
	       read_audit_principles(im, where, principles, a, e) < 0 ||
	       read_audit_links(im, where, links, a, e) < 0 ||
	       read_audit_events(im, where, events, a, e) < 0 ? -1 : 0;
}

int import_read_audits(struct import *im, err *e)
{
	json_t *list = json_object_get(im->doc, "audits");
	im->n_audits = json_array_size(list);
	im->audits = arena_array(im->d->mem, im->n_audits, sizeof *im->audits);
	im->audit_ids = arena_array(im->d->mem, im->n_audits, sizeof *im->audit_ids);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v)
		if (read_audit(im, i, v, e) < 0)
			return -1;
	return 0;
}

int import_write_project(struct import *im, size_t i, int64_t org, err *e)
{
	store *s = im->d->db;
	struct imp_project *p = &im->projects[i];
	p->row.organisation_id = org;
	int64_t id;
	if (import_put_version(im, p->fw, p->row.created_at, e) < 0 ||
	    store_project_insert(s, &p->row, &id, e) < 0)
		return -1;
	im->project_ids[i] = id;
	for (size_t k = 0; k < p->n_people; k++) {
		p->people[k].project_id = id;
		if (store_project_person_add(s, &p->people[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < p->n_steps; k++) {
		p->steps[k].project_id = id;
		if (store_project_step_put(s, &p->steps[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < p->n_answers; k++) {
		p->answers[k].project_id = id;
		if (store_project_answer_put(s, &p->answers[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < p->n_links; k++) {
		project_evidence_row link = p->links[k];
		link.project_id = id;
		link.evidence_id = im->evidence_ids[link.evidence_id - 1];
		if (store_project_evidence_add(s, &link, e) < 0)
			return -1;
	}
	return 0;
}

int import_write_audit(struct import *im, size_t i, int64_t org, err *e)
{
	store *s = im->d->db;
	struct imp_audit *a = &im->audits[i];
	audit_row row = a->row;
	row.organisation_id = org;
	row.project_id = row.project_id ? im->project_ids[row.project_id - 1] : 0;
	/* A first version gets first_id = its own id from the store. */
	row.first_id = (size_t)row.first_id == i + 1 ? 0 : im->audit_ids[row.first_id - 1];
	int64_t id;
	if (import_put_version(im, a->fw, row.created_at, e) < 0 || store_audit_insert(s, &row, &id, e) < 0)
		return -1;
	im->audit_ids[i] = id;
	for (size_t k = 0; k < a->n_people; k++) {
		a->people[k].audit_id = id;
		if (store_audit_person_add(s, &a->people[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < a->n_principles; k++) {
		a->principles[k].audit_id = id;
		if (store_audit_principle_put(s, &a->principles[k], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < a->n_links; k++) {
		audit_evidence_row link = a->links[k];
		link.audit_id = id;
		link.evidence_id = im->evidence_ids[link.evidence_id - 1];
		if (store_audit_evidence_add(s, &link, e) < 0)
			return -1;
	}
	/* Who made each change is kept by name: accounts are not exported. */
	for (size_t k = 0; k < a->n_events; k++) {
		a->events[k].audit_id = id;
		a->events[k].user_id = 0;
		if (store_audit_event_insert(s, &a->events[k], NULL, e) < 0)
			return -1;
	}
	return 0;
}

