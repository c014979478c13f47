/* project.c: service development projects: adding and changing one, the
 * people involved, each step's record (done, date, note), the answers to
 * a step's check questions, evidence linked to a step, and the whole
 * project read back against the model version it started with. */
#include "domain/project.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/project.h"
#include "store/store.h"

const char *project_model_id(const char *name)
{
	if (!name)
		return NULL;
	if (!strcmp(name, "strategic") || !strcmp(name, PROJECT_MODEL_STRATEGIC))
		return PROJECT_MODEL_STRATEGIC;
	if (!strcmp(name, "individual") || !strcmp(name, PROJECT_MODEL_INDIVIDUAL))
		return PROJECT_MODEL_INDIVIDUAL;
	return NULL;
}

/* The installed model named `name`, or NULL with a message saying which
 * names are accepted. */
static const framework *model_find(domain *d, const char *name, err *e)
{
	if (!name || !*name) {
		err_set(e, ERR_INPUT,
			"choose a model: strategic (for developing a service) or individual (for an individual piece of work, such as an EHC plan or an annual review).");
		return NULL;
	}
	const char *id = project_model_id(name);
	const framework *fw = fw_registry_find(d->frameworks, id ? id : name);
	if (!id && fw && strcmp(fw->kind, "checklist") != 0) {
		err_set(e, ERR_INPUT,
			"%s is a%s %s instrument, not a model to work through: a project follows strategic or individual (York's models of joint partnership).",
			fw->id, strchr("aeiou", fw->kind[0]) ? "n" : "", fw->kind);
		return NULL;
	}
	if (!id) {
		err_set(e, ERR_INPUT,
			"\"%.60s\" is not a model for a project: use strategic (for developing a service) or individual (for an individual piece of work).",
			name);
		return NULL;
	}
	if (!fw) {
		err_set(e, ERR_NOTFOUND,
			"the %s model is not installed: `copro frameworks` lists the instruments found; reinstall frameworks/%s.json.",
			id, id);
		return NULL;
	}
	if (strcmp(fw->kind, "checklist") != 0) {
		err_set(e, ERR_INPUT,
			"the installed %s is a %s instrument, not a checklist of steps: reinstall frameworks/%s.json.",
			fw->id, fw->kind, fw->id);
		return NULL;
	}
	return fw;
}

int project_validate(const project_row *p, err *e)
{
	if (text_check_line("The title", p->title, true, e) < 0 ||
	    text_check_line("The service area", p->service_area, false, e) < 0 ||
	    text_check_long("The description", p->description, false, e) < 0)
		return -1;
	if (!p->starts_on || !*p->starts_on)
		return err_set(e, ERR_INPUT,
			       "the start date is required: write it as YYYY-MM-DD, for example 2026-09-01.");
	if (date_check("The start date", p->starts_on, e) < 0)
		return -1;
	if (p->ends_on && date_check("The end date", p->ends_on, e) < 0)
		return -1;
	if (p->ends_on && strcmp(p->ends_on, p->starts_on) < 0)
		return err_set(e, ERR_INPUT,
			       "the end date %s is before the start date %s: give an end date on or after the start.",
			       p->ends_on, p->starts_on);
	return 0;
}

int project_person_check(project_person_row *p, err *e)
{
	if (text_check_line("The name", p->name, false, e) < 0 ||
	    text_check_line("The role", p->role, false, e) < 0)
		return -1;
	if (!p->partner_group || !*p->partner_group)
		return err_set(e, ERR_INPUT,
			       "the partner group is required: children-and-young-people, parent-carers or practitioners.");
	int groups;
	err ignored = {0};
	if (groups_parse("The partner group", p->partner_group, &groups, &ignored) == 0)
		for (int i = 0; i < 3; i++)
			if (groups == group_flags[i]) {
				p->partner_group = group_names[i];
				return 0;
			}
	return err_set(e, ERR_INPUT,
		       "the partner group \"%.40s\" is not one group: use children-and-young-people, parent-carers or practitioners.",
		       p->partner_group);
}

/* Copies and checks a list of people; messages name the person. */
static int people_check(domain *d, const project_person_list *in, project_person_row **out,
			err *e)
{
	size_t n = in ? in->n : 0;
	if (n > PROJECT_PEOPLE_MAX)
		return err_set(e, ERR_INPUT,
			       "a project can list at most %d people (%zu given): list the others in the description.",
			       PROJECT_PEOPLE_MAX, n);
	*out = arena_array(d->mem, n, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		(*out)[i] = in->items[i];
		err why = {0};
		if (project_person_check(&(*out)[i], &why) < 0)
			return err_set(e, why.kind, "person %zu: %s", i + 1, why.msg);
	}
	return 0;
}

static int people_write(domain *d, int64_t project, const project_person_row *people, size_t n,
			err *e)
{
	if (store_project_people_clear(d->db, project, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		project_person_row p = people[i];
		p.project_id = project;
		if (store_project_person_add(d->db, &p, e) < 0)
			return -1;
	}
	return 0;
}

int project_get(domain *d, int64_t id, project_row *out, err *e)
{
	return domain_found(store_project_get(d->db, d->mem, id, out, e), e,
			    "there is no project number %lld: `copro project list ORG` shows them.",
			    (long long)id);
}

int project_add(domain *d, project_row *p, const project_person_list *people, int64_t *id,
		err *e)
{
	const framework *fw = model_find(d, p->framework_id, e);
	project_person_row *checked;
	if (!fw || project_validate(p, e) < 0 || people_check(d, people, &checked, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	p->framework_id = fw->id;
	p->framework_hash = fw->hash;
	p->created_at = p->updated_at = arena_strdup(d->mem, now);
	org_row o;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (org_get(d, p->organisation_id, &o, e) < 0 || framework_version_keep(d, fw, e) < 0 ||
	    store_project_insert(d->db, p, id, e) < 0 ||
	    people_write(d, *id, checked, people ? people->n : 0, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	p->id = *id;
	return 0;
}

int project_edit(domain *d, const project_row *in, const project_person_list *people, err *e)
{
	project_row p = *in;
	project_person_row *checked = NULL;
	if (project_validate(&p, e) < 0 || (people && people_check(d, people, &checked, e) < 0))
		return -1;
	char now[21];
	time_now_iso(now);
	p.updated_at = now;
	project_row old;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (project_get(d, p.id, &old, e) < 0 || store_project_update(d->db, &p, e) < 0 ||
	    (people && people_write(d, p.id, checked, people->n, e) < 0) ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int project_people_set(domain *d, int64_t project, const project_person_list *people, err *e)
{
	project_person_row *checked;
	if (people_check(d, people, &checked, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	project_row p;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (project_get(d, project, &p, e) < 0 ||
	    people_write(d, project, checked, people ? people->n : 0, e) < 0 ||
	    store_project_touch(d->db, project, now, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int project_person_add(domain *d, int64_t project, project_person_row *person, err *e)
{
	if (project_person_check(person, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	project_row p;
	project_person_list have;
	person->project_id = project;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (project_get(d, project, &p, e) < 0 ||
	    store_project_person_list(d->db, d->mem, project, &have, e) < 0)
		goto fail;
	if (have.n >= PROJECT_PEOPLE_MAX) {
		err_set(e, ERR_CONFLICT,
			"project %lld lists %d people already, the most it can: list the others in the description.",
			(long long)project, PROJECT_PEOPLE_MAX);
		goto fail;
	}
	if (store_project_person_add(d->db, person, e) < 0 ||
	    store_project_touch(d->db, project, now, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	person->position = (int)have.n + 1;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

/* ---- steps ------------------------------------------------------------- */

/* A project with its stored model and one of its steps. */
typedef struct step_ctx {
	project_row project;
	framework *fw;
	const fw_element *step;
} step_ctx;

static int step_open(domain *d, int64_t project, const char *step, step_ctx *c, err *e)
{
	memset(c, 0, sizeof *c);
	if (project_get(d, project, &c->project, e) < 0)
		return -1;
	bool changed;
	c->fw = framework_version_load(d, c->project.framework_id, c->project.framework_hash,
				       &changed, e);
	if (!c->fw)
		return -1;
	c->step = step ? framework_element(c->fw, step) : NULL;
	if (!c->step) {
		err_set(e, ERR_NOTFOUND,
			"project %lld follows %s, which has no step \"%.40s\": `copro project show %lld` lists its steps.",
			(long long)project, c->fw->title, step ? step : "", (long long)project);
		framework_free(c->fw);
		c->fw = NULL;
		return -1;
	}
	return 0;
}

static const fw_item *step_question(const fw_element *step, const char *key)
{
	for (size_t i = 0; key && i < step->n_questions; i++)
		if (!strcmp(step->questions[i].key, key))
			return &step->questions[i];
	return NULL;
}

static bool answer_known(const char *a)
{
	return a && (!strcmp(a, "yes") || !strcmp(a, "partly") || !strcmp(a, "no"));
}

/* What can be checked without the database. */
static int change_check(const project_step_change *c, err *e)
{
	if (c->done < -1 || c->done > 1)
		return err_set(e, ERR_INPUT, "say whether the step is done: yes or no.");
	if (text_check_long("The note", c->note, false, e) < 0)
		return -1;
	if (c->done_on && *c->done_on) {
		if (date_check("The date done", c->done_on, e) < 0)
			return -1;
		char today[11];
		date_today(today);
		if (strcmp(c->done_on, today) > 0)
			return err_set(e, ERR_INPUT,
				       "the date done, %s, is in the future: give the day the step was done (today or before).",
				       c->done_on);
		if (c->done == 0)
			return err_set(e, ERR_INPUT,
				       "a step that is not done has no date done: leave the date out, or mark the step done.");
	}
	for (size_t i = 0; i < c->n_answers; i++) {
		const project_answer_change *a = &c->answers[i];
		if (!answer_known(a->answer))
			return err_set(e, ERR_INPUT,
				       "the answer \"%.20s\" to question %.20s is not known: use yes, partly or no.",
				       a->answer ? a->answer : "", a->question ? a->question : "");
		if (text_check_long("The note on an answer", a->note, false, e) < 0)
			return -1;
	}
	return 0;
}

/* The questions and evidence named in the change, against the stored
 * model and the organisation's library. */
static int change_check_refs(domain *d, const step_ctx *sc, const project_step_change *c,
			     err *e)
{
	const char *key = sc->step->key;
	for (size_t i = 0; i < c->n_answers; i++) {
		if (step_question(sc->step, c->answers[i].question))
			continue;
		if (!sc->step->n_questions)
			return err_set(e, ERR_NOTFOUND, "step %s of %s has no check questions to answer.",
				       key, sc->fw->title);
		const char *keys = "";
		for (size_t q = 0; q < sc->step->n_questions; q++)
			keys = arena_printf(d->mem, "%s%s%s", keys, q ? ", " : "", sc->step->questions[q].key);
		return err_set(e, ERR_NOTFOUND,
			       "step %s has no check question \"%.20s\": its questions are %s.", key,
			       c->answers[i].question ? c->answers[i].question : "", keys);
	}
	for (size_t i = 0; i < c->n_link; i++) {
		evidence_row ev;
		int found = store_evidence_get(d->db, d->mem, c->link[i], &ev, e);
		if (found < 0)
			return -1;
		if (!found)
			return err_set(e, ERR_NOTFOUND,
				       "there is no evidence number %lld: `copro evidence list ORG` shows the library.",
				       (long long)c->link[i]);
		if (ev.organisation_id != sc->project.organisation_id)
			return err_set(e, ERR_INPUT,
				       "evidence %lld belongs to another organisation: link evidence from the project's own organisation.",
				       (long long)c->link[i]);
	}
	return 0;
}

static const project_step_row *find_step(const project_step_list *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->items[i].step_key, key))
			return &l->items[i];
	return NULL;
}

static const project_answer_row *find_answer(const project_answer_list *l, const char *step,
					     const char *question)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->items[i].step_key, step) && !strcmp(l->items[i].question_key, question))
			return &l->items[i];
	return NULL;
}

/* Writes the step's own row when the change touches it. */
static int write_step(domain *d, const step_ctx *sc, const project_step_change *c,
		      const char *now, err *e)
{
	if (c->done < 0 && !c->done_on && !c->note)
		return 0;
	project_step_list steps;
	if (store_project_step_list(d->db, d->mem, sc->project.id, &steps, e) < 0)
		return -1;
	const project_step_row *old = find_step(&steps, sc->step->key);
	project_step_row r = {.project_id = sc->project.id, .step_key = sc->step->key, .note = ""};
	if (old)
		r = *old;
	if (c->done >= 0)
		r.done = c->done == 1;
	if (c->done_on)
		r.done_on = *c->done_on ? c->done_on : NULL;
	if (!r.done && r.done_on && c->done_on && *c->done_on)
		return err_set(e, ERR_INPUT,
			       "step %s is not done, so it has no date done: mark it done with the date.",
			       sc->step->key);
	if (!r.done)
		r.done_on = NULL;
	if (c->note)
		r.note = c->note;
	r.updated_at = now;
	return store_project_step_put(d->db, &r, e);
}

static int write_answers(domain *d, const step_ctx *sc, const project_step_change *c,
			 const char *now, err *e)
{
	if (!c->n_answers)
		return 0;
	project_answer_list have;
	if (store_project_answer_list(d->db, d->mem, sc->project.id, &have, e) < 0)
		return -1;
	for (size_t i = 0; i < c->n_answers; i++) {
		const project_answer_change *a = &c->answers[i];
		const project_answer_row *old = find_answer(&have, sc->step->key, a->question);
		project_answer_row r = {.project_id = sc->project.id, .step_key = sc->step->key,
					.question_key = a->question, .answer = a->answer,
					.note = a->note ? a->note : old ? old->note : "",
					.updated_at = now};
		if (store_project_answer_put(d->db, &r, e) < 0)
			return -1;
	}
	return 0;
}

/* Adds and removes links; *changed counts the rows that changed. */
static int write_links(domain *d, const step_ctx *sc, const project_step_change *c,
		       const char *now, size_t *changed, err *e)
{
	for (size_t i = 0; i < c->n_link; i++) {
		project_evidence_row r = {.project_id = sc->project.id, .step_key = sc->step->key,
					  .evidence_id = c->link[i], .created_at = now};
		int rc = store_project_evidence_add(d->db, &r, e);
		if (rc < 0)
			return -1;
		*changed += (size_t)rc;
	}
	for (size_t i = 0; i < c->n_unlink; i++) {
		int rc = store_project_evidence_remove(d->db, sc->project.id, sc->step->key,
						       c->unlink[i], e);
		if (rc < 0)
			return -1;
		*changed += (size_t)rc;
	}
	return 0;
}

static int step_save(domain *d, int64_t project, const char *step, const project_step_change *c,
		     size_t *changed, err *e)
{
	if (change_check(c, e) < 0)
		return -1;
	step_ctx sc;
	if (step_open(d, project, step, &sc, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	size_t links = 0;
	if (change_check_refs(d, &sc, c, e) < 0 || store_begin(d->db, e) < 0)
		goto fail;
	if (write_step(d, &sc, c, now, e) < 0 || write_answers(d, &sc, c, now, e) < 0 ||
	    write_links(d, &sc, c, now, &links, e) < 0 ||
	    store_project_touch(d->db, project, now, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		goto fail;
	}
	framework_free(sc.fw);
	if (changed)
		*changed = links;
	return 0;
fail:
	framework_free(sc.fw);
	return -1;
}

int project_step_save(domain *d, int64_t project, const char *step, const project_step_change *c,
		      err *e)
{
	return step_save(d, project, step, c, NULL, e);
}

int project_step_set(domain *d, int64_t project, const char *step, bool done,
		     const char *done_on, const char *note, err *e)
{
	project_step_change c = {.done = done ? 1 : 0, .done_on = done_on, .note = note};
	return step_save(d, project, step, &c, NULL, e);
}

int project_answer_set(domain *d, int64_t project, const char *step, const char *question,
		       const char *answer, const char *note, err *e)
{
	project_answer_change a = {.question = question, .answer = answer, .note = note};
	project_step_change c = {.done = -1, .answers = &a, .n_answers = 1};
	return step_save(d, project, step, &c, NULL, e);
}

int project_evidence_link(domain *d, int64_t project, const char *step, int64_t evidence,
			  bool unlink, bool *changed, err *e)
{
	project_step_change c = {.done = -1};
	if (unlink) {
		c.unlink = &evidence;
		c.n_unlink = 1;
	} else {
		c.link = &evidence;
		c.n_link = 1;
	}
	size_t n = 0;
	if (step_save(d, project, step, &c, &n, e) < 0)
		return -1;
	*changed = n > 0;
	return 0;
}

/* ---- reading a project whole ------------------------------------------- */

static void fill_step(domain *d, project_step_progress *sp, const project_step_list *steps,
		      const project_answer_list *answers, const project_evidence_list *links)
{
	const fw_element *el = sp->step;
	const project_step_row *row = find_step(steps, el->key);
	sp->note = "";
	if (row) {
		sp->saved = true;
		sp->done = row->done;
		sp->done_on = row->done_on;
		sp->note = row->note ? row->note : "";
	}
	sp->n_questions = el->n_questions;
	sp->questions = arena_array(d->mem, el->n_questions, sizeof *sp->questions);
	for (size_t q = 0; q < el->n_questions; q++) {
		project_question *pq = &sp->questions[q];
		pq->item = &el->questions[q];
		const project_answer_row *a = find_answer(answers, el->key, pq->item->key);
		pq->answer = a ? a->answer : NULL;
		pq->note = a ? a->note : "";
		sp->n_answered += a != NULL;
	}
	for (size_t i = 0; i < links->n; i++)
		sp->n_evidence += !strcmp(links->items[i].step_key, el->key);
	sp->evidence = arena_array(d->mem, sp->n_evidence, sizeof *sp->evidence);
	size_t k = 0;
	for (size_t i = 0; i < links->n; i++)
		if (!strcmp(links->items[i].step_key, el->key))
			sp->evidence[k++] = links->items[i];
}

int project_progress_load(domain *d, int64_t id, project_progress *p, err *e)
{
	memset(p, 0, sizeof *p);
	project_step_list steps;
	project_answer_list answers;
	project_evidence_list links;
	if (project_get(d, id, &p->project, e) < 0)
		return -1;
	p->fw = framework_version_load(d, p->project.framework_id, p->project.framework_hash,
				       &p->framework_changed, e);
	if (!p->fw)
		return -1;
	if (store_project_person_list(d->db, d->mem, id, &p->people, e) < 0 ||
	    store_project_step_list(d->db, d->mem, id, &steps, e) < 0 ||
	    store_project_answer_list(d->db, d->mem, id, &answers, e) < 0 ||
	    store_project_evidence_list(d->db, d->mem, id, &links, e) < 0) {
		return -1;
	}
	p->steps = arena_array(d->mem, p->fw->n_elements, sizeof *p->steps);
	for (size_t s = 0; s < p->fw->n_sections; s++) {
		const fw_section *sec = &p->fw->sections[s];
		for (size_t i = 0; i < sec->n_elements && p->n_steps < p->fw->n_elements; i++) {
			project_step_progress *sp = &p->steps[p->n_steps++];
			sp->step = &sec->elements[i];
			fill_step(d, sp, &steps, &answers, &links);
			p->steps_done += sp->done;
		}
	}
	return 0;
}


const project_step_progress *project_progress_step(const project_progress *p, const char *key)
{
	for (size_t i = 0; key && i < p->n_steps; i++)
		if (!strcmp(p->steps[i].step->key, key))
			return &p->steps[i];
	return NULL;
}

/* The model's title and step count per stored version, read once. */
typedef struct model_seen {
	const char *hash, *title;
	size_t steps;
} model_seen;

int project_summaries(domain *d, int64_t org, project_summary_list *out, err *e)
{
	project_list rows;
	memset(out, 0, sizeof *out);
	if (store_project_list(d->db, d->mem, org, &rows, e) < 0)
		return -1;
	out->items = arena_array(d->mem, rows.n, sizeof *out->items);
	model_seen *seen = arena_array(d->mem, rows.n, sizeof *seen);
	size_t n_seen = 0;
	for (size_t i = 0; i < rows.n; i++) {
		const project_row *r = &rows.items[i];
		model_seen *m = NULL;
		for (size_t k = 0; k < n_seen && !m; k++)
			if (!strcmp(seen[k].hash, r->framework_hash))
				m = &seen[k];
		if (!m) {
			bool changed;
			framework *fw = framework_version_load(d, r->framework_id, r->framework_hash,
							       &changed, e);
			if (!fw)
				return -1;
			m = &seen[n_seen++];
			*m = (model_seen){r->framework_hash, arena_strdup(d->mem, fw->title),
					  fw->n_elements};
			framework_free(fw);
		}
		out->items[out->n++] = (project_summary){*r, m->title, m->steps};
	}
	return 0;
}

DOMAIN_GET_IN_ORG(project_get_in_org, project_get, project_row, "project")
DOMAIN_LIST_BY_ID(projects_of_org, store_project_list, project_list)
