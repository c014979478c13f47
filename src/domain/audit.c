/* audit.c: York's joint partnership audit: reading one, filling in a
 * draft (its fields, people, principles and evidence) and the whole audit
 * as a page or `audit show` needs it. */
#include "domain/audit_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/account.h"
#include "store/audit.h"
#include "store/store.h"

/* Empty or only spaces: a name or comment of blanks says nothing. */
bool audit_blank(const char *s)
{
	if (!s)
		return true;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return !*s;
}

/* ---- reading ------------------------------------------------------------ */

int audit_get(domain *d, int64_t id, audit_row *out, err *e)
{
	return domain_found(store_audit_get(d->db, d->mem, id, out, e), e,
			    "there is no audit number %lld: `copro audit list ORG` shows them.",
			    (long long)id);
}

int audit_get_in_org(domain *d, int64_t org, int64_t id, audit_row *out, err *e)
{
	if (audit_get(d, id, out, e) < 0)
		return -1;
	if (out->organisation_id != org)
		return err_set(e, ERR_NOTFOUND,
			       "there is no audit number %lld in this organisation.", (long long)id);
	return 0;
}

DOMAIN_LIST_BY_ID(audit_list_org, store_audit_list_org, audit_list)
DOMAIN_LIST_BY_ID(audit_queue, store_audit_queue, audit_list)

int audit_queue_count(domain *d, int64_t area, int64_t *n, err *e)
{
	return store_audit_queue_count(d->db, area, n, e);
}

int audit_decided(domain *d, int64_t area, int limit, audit_list *out, err *e)
{
	return store_audit_decided(d->db, d->mem, area, limit > 0 ? limit : 20, out, e);
}

framework *audit_instrument(domain *d, const audit_row *a, bool *changed, err *e)
{
	bool ignored;
	return framework_version_load(d, AUDIT_FRAMEWORK_ID, a->framework_hash,
				      changed ? changed : &ignored, e);
}

/* ---- status ------------------------------------------------------------- */

/* What can happen next to an audit in `status`, for refusals. */
static const char *status_help(const char *status)
{
	if (strcmp(status, "draft") == 0)
		return "it can be changed, then submitted to the area by an organisation lead";
	if (strcmp(status, "submitted") == 0)
		return "it is read-only while it waits for the area to return or accept it";
	if (strcmp(status, "returned") == 0)
		return "it stays as it was returned; an organisation lead can start a new version from it";
	return "it is final; start a new audit when the next one is due";
}

int audit_refuse_status(const audit_row *a, const char *verb, err *e)
{
	return err_set(e, ERR_CONFLICT, "audit %lld (version %d) is %s, so it cannot be %s: %s.",
		       (long long)a->id, a->version, a->status, verb, status_help(a->status));
}

int audit_writable(const audit_row *a, err *e)
{
	if (strcmp(a->status, "draft") == 0)
		return 0;
	return audit_refuse_status(a, "changed", e);
}

bool audit_step_allowed(const audit_row *a, bool latest, enum audit_step step,
			enum access access)
{
	switch (step) {
	case AUDIT_SUBMIT:
		return strcmp(a->status, "draft") == 0 && access >= ACCESS_LEAD;
	case AUDIT_RETURN:
	case AUDIT_ACCEPT:
		return strcmp(a->status, "submitted") == 0 && access >= ACCESS_AREA;
	case AUDIT_REVISE:
		return strcmp(a->status, "returned") == 0 && latest && access >= ACCESS_LEAD;
	}
	return false;
}

/* Gets audit `id` and refuses unless it is a draft. */
static int get_draft(domain *d, int64_t id, audit_row *a, err *e)
{
	if (audit_get(d, id, a, e) < 0)
		return -1;
	return audit_writable(a, e);
}

/* ---- the suggestion for one audit -------------------------------------- */

/* The level keys of every principle of the instrument, in its order. */
int audit_principle_levels(domain *d, const audit_row *a, const framework *fw,
			    const char ***levels, err *e)
{
	audit_principle_list rows;
	if (store_audit_principle_list(d->db, d->mem, a->id, &rows, e) < 0)
		return -1;
	*levels = arena_array(d->mem, fw->n_sections, sizeof **levels);
	for (size_t i = 0; i < fw->n_sections; i++)
		for (size_t j = 0; j < rows.n; j++)
			if (strcmp(rows.items[j].principle_key, fw->sections[i].key) == 0)
				(*levels)[i] = rows.items[j].level;
	return 0;
}

static int suggestion_of(domain *d, const audit_row *a, const framework *fw,
			 const audit_settings *s, const char **suggested, err *e)
{
	const char **levels;
	if (audit_principle_levels(d, a, fw, &levels, e) < 0)
		return -1;
	*suggested = audit_suggest_outcome(levels, fw->n_sections, s->rule);
	return 0;
}

/* An outcome other than the suggestion needs a reason: the rule is a local
 * one, and the area wants to see why it was set aside. */
static int check_override(const framework *fw, const audit_row *a, const char *suggested,
			  const audit_settings *s, err *e)
{
	if (!a->outcome || !suggested || strcmp(a->outcome, suggested) == 0)
		return 0;
	if (!audit_blank(a->outcome_reason))
		return 0;
	return err_set(e, ERR_INPUT,
		       "The outcome %s differs from the suggested outcome %s (this area's local rule: %s): give a reason for the outcome, or choose %s.",
		       audit_outcome_title(fw, a->outcome), audit_outcome_title(fw, suggested),
		       audit_rule_name(s->rule), audit_outcome_title(fw, suggested));
}

/* ---- fields ------------------------------------------------------------- */

static int check_date(const char *what, const char *value, err *e)
{
	if (!value || !*value)
		return 0;
	return date_check(what, value, e);
}

static const char *value_or_null(const char *value, const char *old)
{
	if (!value)
		return old;
	return *value ? value : NULL;
}

/* Validates `f` and applies it to `a` (NULL fields leave values alone). */
static int apply_fields(const framework *fw, arena *mem, audit_row *a, const audit_fields *f,
			err *e)
{
	if (text_check_line("The service area", f->service_area, false, e) < 0 ||
	    text_check_long("The description", f->description, false, e) < 0 ||
	    check_date("The date of audit", f->audit_date, e) < 0 ||
	    text_check_long("The summary", f->summary, false, e) < 0 ||
	    text_check_long("The next steps", f->next_steps, false, e) < 0 ||
	    check_date("The review date", f->review_on, e) < 0 ||
	    text_check_long("The reason for the outcome", f->outcome_reason, false, e) < 0 ||
	    text_check_line("The name signing off", f->signed_by, false, e) < 0 ||
	    check_date("The sign-off date", f->signed_on, e) < 0)
		return -1;
	if (f->outcome && *f->outcome && !audit_outcome_title(fw, f->outcome))
		return err_set(e, ERR_INPUT, "The outcome \"%.40s\" is not known: use %s.",
			       f->outcome, audit_outcome_keys(mem, fw));
	if (f->service_area) a->service_area = f->service_area;
	if (f->description) a->description = f->description;
	if (f->summary) a->summary = f->summary;
	if (f->next_steps) a->next_steps = f->next_steps;
	if (f->outcome_reason) a->outcome_reason = f->outcome_reason;
	if (f->signed_by) a->signed_by = f->signed_by;
	a->audit_date = value_or_null(f->audit_date, a->audit_date);
	a->review_on = value_or_null(f->review_on, a->review_on);
	a->signed_on = value_or_null(f->signed_on, a->signed_on);
	a->outcome = value_or_null(f->outcome, a->outcome);
	return 0;
}

/* The project, which must exist and be organisation `org`'s. */
static int check_project(domain *d, int64_t org, int64_t project, err *e)
{
	if (!project)
		return 0;
	audit_project_row p;
	int found = store_audit_project(d->db, d->mem, project, &p, e);
	if (found < 0)
		return -1;
	if (!found || p.organisation_id != org)
		return err_set(e, ERR_INPUT,
			       "The project %lld is not one of this organisation's projects: choose one of yours (`copro project list ORG`), or none.",
			       (long long)project);
	return 0;
}

int audit_add_event(domain *d, int64_t audit, const audit_actor *who, const char *status,
		     const char *comment, const char *now, err *e)
{
	audit_event_row ev = {.audit_id = audit, .at = now, .user_id = who ? who->user_id : 0,
			      .user_name = who && who->name ? who->name : "",
			      .status = status, .comment = comment ? comment : ""};
	return store_audit_event_insert(d->db, &ev, NULL, e);
}

int audit_start(domain *d, int64_t org, int64_t project, const audit_fields *f,
		const audit_actor *who, int64_t *id, err *e)
{
	const framework *fw = fw_registry_find(d->frameworks, AUDIT_FRAMEWORK_ID);
	if (!fw)
		return err_set(e, ERR_NOTFOUND,
			       "the instrument %s is not installed: add its file to the frameworks directory (`copro frameworks` lists the ones installed).",
			       AUDIT_FRAMEWORK_ID);
	char now[21];
	time_now_iso(now);
	audit_row a = {.organisation_id = org, .project_id = project, .version = 1,
		       .framework_hash = fw->hash, .status = "draft", .service_area = "",
		       .description = "", .outcome_reason = "", .summary = "", .next_steps = "",
		       .signed_by = "", .created_at = now, .updated_at = now};
	audit_fields none = {0};
	if (apply_fields(fw, d->mem, &a, f ? f : &none, e) < 0)
		return -1;
	org_row o;
	if (org_get(d, org, &o, e) < 0 || check_project(d, org, project, e) < 0)
		return -1;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (framework_version_keep(d, fw, e) < 0 || store_audit_insert(d->db, &a, id, e) < 0 ||
	    audit_add_event(d, *id, who, "draft", "", now, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int audit_set(domain *d, int64_t id, const audit_fields *f, err *e)
{
	audit_row a;
	if (get_draft(d, id, &a, e) < 0)
		return -1;
	framework *fw = audit_instrument(d, &a, NULL, e);
	if (!fw)
		return -1;
	audit_settings s;
	const char *suggested = NULL;
	char now[21];
	time_now_iso(now);
	if (apply_fields(fw, d->mem, &a, f, e) < 0 ||
	    audit_settings_of_org(d, a.organisation_id, &s, e) < 0 ||
	    suggestion_of(d, &a, fw, &s, &suggested, e) < 0 ||
	    check_override(fw, &a, suggested, &s, e) < 0)
		goto fail;
	a.updated_at = now;
	if (store_begin(d->db, e) < 0)
		goto fail;
	if (store_audit_update(d->db, &a, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		goto fail;
	}
	framework_free(fw);
	return 0;
fail:
	framework_free(fw);
	return -1;
}

int audit_set_project(domain *d, int64_t id, int64_t project, err *e)
{
	audit_row a;
	if (get_draft(d, id, &a, e) < 0 || check_project(d, a.organisation_id, project, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	a.project_id = project;
	a.updated_at = now;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_audit_update(d->db, &a, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* ---- people ------------------------------------------------------------- */

static int check_person(const char *name, const char *designation, err *e)
{
	if (text_check_line("The name of the person completing the audit", name, true, e) < 0 ||
	    text_check_line("The designation", designation, false, e) < 0)
		return -1;
	return 0;
}

/* Runs one write on a draft: the audit's updated_at moves with it. */
static int touch(domain *d, int64_t id, err *e)
{
	audit_row a;
	if (audit_get(d, id, &a, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	a.updated_at = arena_strdup(d->mem, now);
	return store_audit_update(d->db, &a, e);
}

int audit_person_add(domain *d, int64_t audit, const char *name, const char *designation,
		     err *e)
{
	audit_row a;
	if (get_draft(d, audit, &a, e) < 0 || check_person(name, designation, e) < 0)
		return -1;
	audit_person_row p = {.audit_id = audit, .name = name, .designation = designation};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_audit_person_add(d->db, &p, e) < 0 || touch(d, audit, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int audit_people_set(domain *d, int64_t audit, const audit_person_row *people, size_t n,
		     err *e)
{
	audit_row a;
	if (get_draft(d, audit, &a, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (audit_blank(people[i].name) && audit_blank(people[i].designation))
			continue;
		if (audit_blank(people[i].name))
			return err_set(e, ERR_INPUT,
				       "Person %zu has a designation but no name: enter their name, or clear the row.",
				       i + 1);
		if (check_person(people[i].name, people[i].designation, e) < 0)
			return -1;
	}
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_audit_people_clear(d->db, audit, e) < 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		if (audit_blank(people[i].name))
			continue;
		audit_person_row p = {.audit_id = audit, .name = people[i].name,
				      .designation = people[i].designation};
		if (store_audit_person_add(d->db, &p, e) < 0)
			goto fail;
	}
	if (touch(d, audit, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int audit_person_remove(domain *d, int64_t audit, int position, err *e)
{
	audit_row a;
	if (get_draft(d, audit, &a, e) < 0)
		return -1;
	if (store_begin(d->db, e) < 0)
		return -1;
	int removed = store_audit_person_remove(d->db, audit, position, e);
	if (removed == 0)
		err_set(e, ERR_NOTFOUND, "audit %lld has no person number %d.", (long long)audit,
			position);
	if (removed <= 0 || touch(d, audit, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* ---- principles --------------------------------------------------------- */

/* The principle's indicator in the audit's stored instrument, or a message
 * naming the principles there are. */
static const fw_element *find_principle(domain *d, const framework *fw, const char *principle,
					err *e)
{
	const fw_element *el = audit_principle_indicator(fw, principle);
	if (!el || !el->n_levels) {
		err_set(e, ERR_NOTFOUND, "The audit has no principle \"%.40s\": use %s.",
			principle ? principle : "", audit_principle_keys(d->mem, fw));
		return NULL;
	}
	return el;
}

/* A whole number within the area's scale, from the text typed. */
static int parse_score(const char *text, const audit_settings *s, int *score, err *e)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (end == text || *end || v < s->score_min || v > s->score_max)
		return err_set(e, ERR_INPUT,
			       "The score must be a whole number from %d to %d (this area's scale), or left empty (got \"%.20s\").",
			       s->score_min, s->score_max, text);
	*score = (int)v;
	return 0;
}

static int apply_principle(domain *d, const fw_element *el, const char *principle,
			   const audit_settings *s,
			   const principle_change *c, audit_principle_row *row, err *e)
{
	if (c->level && *c->level && !element_level(el, c->level))
		return err_set(e, ERR_INPUT,
			       "The level \"%.40s\" is not one of principle %s's levels: use %s.",
			       c->level, principle, audit_level_keys(d->mem, el));
	if (c->score && *c->score && parse_score(c->score, s, &row->score, e) < 0)
		return -1;
	if (text_check_long("The notes or evidence", c->notes, false, e) < 0)
		return -1;
	if (c->level)
		row->level = *c->level ? c->level : NULL;
	if (c->score && !*c->score)
		row->score = AUDIT_NO_SCORE;
	if (c->notes)
		row->notes = c->notes;
	return 0;
}

int audit_principle_set(domain *d, int64_t audit, const char *principle,
			const principle_change *c, err *e)
{
	audit_row a;
	if (get_draft(d, audit, &a, e) < 0)
		return -1;
	framework *fw = audit_instrument(d, &a, NULL, e);
	if (!fw)
		return -1;
	char now[21];
	time_now_iso(now);
	audit_settings s;
	audit_principle_row row = {.audit_id = audit, .principle_key = principle,
				   .score = AUDIT_NO_SCORE, .notes = ""};
	const fw_element *el = find_principle(d, fw, principle, e);
	if (!el || audit_settings_of_org(d, a.organisation_id, &s, e) < 0 ||
	    store_audit_principle_get(d->db, d->mem, audit, principle, &row, e) < 0 ||
	    apply_principle(d, el, principle, &s, c, &row, e) < 0)
		goto fail;
	row.updated_at = now;
	if (store_begin(d->db, e) < 0)
		goto fail;
	if (store_audit_principle_put(d->db, &row, e) < 0 || touch(d, audit, e) < 0 ||
	    store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		goto fail;
	}
	framework_free(fw);
	return 0;
fail:
	framework_free(fw);
	return -1;
}

/* ---- evidence ----------------------------------------------------------- */

/* A draft audit and a principle of its instrument. */
static int check_draft_principle(domain *d, int64_t audit, const char *principle,
				 audit_row *a, err *e)
{
	if (get_draft(d, audit, a, e) < 0)
		return -1;
	framework *fw = audit_instrument(d, a, NULL, e);
	if (!fw)
		return -1;
	int rc = find_principle(d, fw, principle, e) ? 0 : -1;
	framework_free(fw);
	return rc;
}

static int check_evidence(domain *d, const audit_row *a, int64_t evidence, err *e)
{
	evidence_row ev;
	int found = store_evidence_get(d->db, d->mem, evidence, &ev, e);
	if (found < 0)
		return -1;
	if (!found)
		return err_set(e, ERR_NOTFOUND,
			       "there is no evidence number %lld: `copro evidence list ORG` shows them.",
			       (long long)evidence);
	if (ev.organisation_id != a->organisation_id)
		return err_set(e, ERR_INPUT,
			       "evidence %lld belongs to another organisation: link evidence from this organisation's own library.",
			       (long long)evidence);
	return 0;
}

int audit_evidence_link(domain *d, int64_t audit, const char *principle, int64_t evidence,
			bool unlink, bool *changed, err *e)
{
	audit_row a;
	if (check_draft_principle(d, audit, principle, &a, e) < 0 ||
	    (!unlink && check_evidence(d, &a, evidence, e) < 0))
		return -1;
	char now[21];
	time_now_iso(now);
	audit_evidence_row link = {.audit_id = audit, .principle_key = principle,
				   .evidence_id = evidence, .created_at = now};
	if (store_begin(d->db, e) < 0)
		return -1;
	int done = unlink ? store_audit_evidence_remove(d->db, audit, principle, evidence, e)
			  : store_audit_evidence_add(d->db, &link, e);
	if (done < 0 || (done && touch(d, audit, e) < 0) || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	if (changed)
		*changed = done > 0;
	return 0;
}

static bool id_in(int64_t id, const int64_t *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

int audit_evidence_set(domain *d, int64_t audit, const char *principle,
		       const int64_t *evidence, size_t n, err *e)
{
	audit_row a;
	audit_evidence_list now_linked;
	if (check_draft_principle(d, audit, principle, &a, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (check_evidence(d, &a, evidence[i], e) < 0)
			return -1;
	if (store_audit_evidence_list(d->db, d->mem, audit, &now_linked, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	for (size_t i = 0; i < now_linked.n; i++) {
		const audit_evidence_row *l = &now_linked.items[i];
		if (strcmp(l->principle_key, principle) == 0 && !id_in(l->evidence_id, evidence, n) &&
		    store_audit_evidence_remove(d->db, audit, principle, l->evidence_id, e) < 0)
			goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		audit_evidence_row link = {.audit_id = audit, .principle_key = principle,
					   .evidence_id = evidence[i], .created_at = now};
		if (store_audit_evidence_add(d->db, &link, e) < 0)
			goto fail;
	}
	if (touch(d, audit, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

/* ---- the whole audit ---------------------------------------------------- */

static int load_principles(domain *d, audit_view *v, err *e)
{
	audit_principle_list rows;
	audit_evidence_list links;
	if (store_audit_principle_list(d->db, d->mem, v->audit.id, &rows, e) < 0 ||
	    store_audit_evidence_list(d->db, d->mem, v->audit.id, &links, e) < 0)
		return -1;
	const framework *fw = v->fw;
	v->n_principles = fw->n_sections;
	v->principles = arena_array(d->mem, fw->n_sections, sizeof *v->principles);
	const char **levels = arena_array(d->mem, fw->n_sections, sizeof *levels);
	for (size_t i = 0; i < fw->n_sections; i++) {
		audit_principle_view *p = &v->principles[i];
		p->principle = &fw->sections[i];
		p->indicator = audit_principle_indicator(fw, p->principle->key);
		p->commitments = p->principle->commitments;
		p->n_commitments = p->principle->n_commitments;
		p->row = (audit_principle_row){.audit_id = v->audit.id,
					       .principle_key = p->principle->key,
					       .score = AUDIT_NO_SCORE, .notes = ""};
		for (size_t j = 0; j < rows.n; j++)
			if (strcmp(rows.items[j].principle_key, p->principle->key) == 0)
				p->row = rows.items[j];
		p->level = p->indicator ? element_level(p->indicator, p->row.level) : NULL;
		levels[i] = p->row.level;
		for (size_t j = 0; j < links.n; j++)
			if (strcmp(links.items[j].principle_key, p->principle->key) == 0) {
				if (!p->evidence)
					p->evidence = &links.items[j];
				p->n_evidence++;
			}
	}
	v->suggested = audit_suggest_outcome(levels, fw->n_sections, v->settings.rule);
	v->overridden = v->audit.outcome && v->suggested &&
			strcmp(v->audit.outcome, v->suggested) != 0;
	return 0;
}

static int load_history(domain *d, audit_view *v, err *e)
{
	audit_event_list events;
	audit_list versions;
	if (store_audit_event_list(d->db, d->mem, v->audit.id, &events, e) < 0 ||
	    store_audit_versions(d->db, d->mem, v->audit.first_id, &versions, e) < 0)
		return -1;
	v->events = events.items;
	v->n_events = events.n;
	v->versions = versions.items;
	v->n_versions = versions.n;
	v->latest = !versions.n || versions.items[versions.n - 1].id == v->audit.id;
	if (strcmp(v->audit.status, "returned") == 0)
		for (size_t i = 0; i < events.n; i++)
			if (strcmp(events.items[i].status, "returned") == 0)
				v->return_comment = events.items[i].comment;
	return 0;
}

/* The area's comments on principles to show: a returned version's own; for
 * the draft that follows a return, the returned version's. */
static int load_area_comments(domain *d, audit_view *v, err *e)
{
	const audit_row *from = &v->audit;
	audit_principle_list before = {0};
	bool draft = !strcmp(v->audit.status, "draft");
	if (draft) {
		from = NULL;
		for (size_t i = 1; i < v->n_versions; i++)
			if (v->versions[i].id == v->audit.id && !strcmp(v->versions[i - 1].status, "returned"))
				from = &v->versions[i - 1];
		if (!from)
			return 0;
		if (store_audit_principle_list(d->db, d->mem, from->id, &before, e) < 0)
			return -1;
	} else if (strcmp(v->audit.status, "returned")) {
		return 0;
	}
	for (size_t i = 0; i < v->n_principles; i++) {
		audit_principle_view *p = &v->principles[i];
		const char *said = draft ? NULL : p->row.area_comment;
		for (size_t j = 0; draft && j < before.n; j++)
			if (!strcmp(before.items[j].principle_key, p->principle->key))
				said = before.items[j].area_comment;
		if (said && !audit_blank(said)) {
			p->area_comment = said;
			p->area_comment_version = from->version;
		}
	}
	return 0;
}

static int load_project(domain *d, audit_view *v, err *e)
{
	if (!v->audit.project_id)
		return 0;
	int found = store_audit_project(d->db, d->mem, v->audit.project_id, &v->project, e);
	if (found <= 0)
		return found;
	v->has_project = true;
	bool changed;
	framework *pfw = framework_version_load(d, v->project.framework_id,
						v->project.framework_hash, &changed, e);
	if (!pfw)
		return -1;
	v->project_steps_total = (int)pfw->n_elements;
	framework_free(pfw);
	return 0;
}

int audit_view_load(domain *d, int64_t audit, audit_view *v, err *e)
{
	*v = (audit_view){0};
	action_list actions;
	audit_person_list people;
	if (audit_get(d, audit, &v->audit, e) < 0 ||
	    org_get(d, v->audit.organisation_id, &v->org, e) < 0)
		return -1;
	v->fw = audit_instrument(d, &v->audit, &v->framework_changed, e);
	if (!v->fw)
		return -1;
	if (audit_outcome_list(v->fw, d->mem, &v->outcomes, &v->n_outcomes) < 0 ||
	    audit_settings_of_org(d, v->audit.organisation_id, &v->settings, e) < 0 ||
	    store_audit_person_list(d->db, d->mem, audit, &people, e) < 0 ||
	    load_principles(d, v, e) < 0 || load_history(d, v, e) < 0 ||
	    load_area_comments(d, v, e) < 0 || load_project(d, v, e) < 0 ||
	    store_action_list_audit(d->db, d->mem, audit, &actions, e) < 0)
		goto fail;
	v->people = people.items;
	v->n_people = people.n;
	v->actions = actions.items;
	v->n_actions = actions.n;
	if (strcmp(v->audit.status, "draft") == 0 && audit_missing_of(d, &v->audit, &v->missing, e) < 0)
		goto fail;
	return 0;
fail:
	return -1;
}

