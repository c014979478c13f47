/* audit.c: York's joint partnership audit: the area's local settings and
 * outcome rule, filling in a draft, the draft -> submitted -> returned or
 * accepted workflow with versions and history, and actions from next steps. */
#include "domain/audit.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/account.h"
#include "store/audit.h"
#include "store/store.h"

/* Empty or only spaces: a name or comment of blanks says nothing. */
static bool blank(const char *s)
{
	if (!s)
		return true;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return !*s;
}

/* ---- area settings ------------------------------------------------------ */

bool audit_rule_known(const char *rule)
{
	return rule && (strcmp(rule, AUDIT_RULE_LOWEST) == 0 ||
			strcmp(rule, AUDIT_RULE_MOST_COMMON) == 0);
}

const char *audit_rule_name(const char *rule)
{
	if (!rule)
		return NULL;
	if (strcmp(rule, AUDIT_RULE_LOWEST) == 0)
		return "lowest level";
	if (strcmp(rule, AUDIT_RULE_MOST_COMMON) == 0)
		return "most common level";
	return NULL;
}

const char *audit_rule_describe(const char *rule)
{
	if (!rule)
		return NULL;
	if (strcmp(rule, AUDIT_RULE_LOWEST) == 0)
		return "Lowest level: if any principle is at Room for Improvement the suggestion is "
		       "Requires Improvement; if every principle is Excellent it is Outstanding; "
		       "otherwise it is Good.";
	if (strcmp(rule, AUDIT_RULE_MOST_COMMON) == 0)
		return "Most common level: the level most principles reached decides (a tie goes to "
		       "the lower level): Room for Improvement suggests Requires Improvement, Good "
		       "suggests Good, Excellent suggests Outstanding.";
	return NULL;
}

static void settings_default(audit_settings *out)
{
	*out = (audit_settings){.score_min = AUDIT_DEFAULT_SCORE_MIN,
				.score_max = AUDIT_DEFAULT_SCORE_MAX,
				.rule = AUDIT_DEFAULT_RULE, .is_default = true};
}

int audit_settings_get(domain *d, int64_t area, audit_settings *out, err *e)
{
	settings_default(out);
	if (!area)
		return 0;
	area_setting_row row;
	int found = store_area_setting_get(d->db, d->mem, area, &row, e);
	if (found <= 0)
		return found;
	*out = (audit_settings){.score_min = row.score_min, .score_max = row.score_max,
				.rule = row.outcome_rule, .is_default = false};
	return 0;
}

int audit_settings_of_org(domain *d, int64_t org, audit_settings *out, err *e)
{
	int64_t area = 0;
	if (store_org_area(d->db, org, &area, e) < 0)
		return -1;
	return audit_settings_get(d, area, out, e);
}

int audit_settings_validate(const audit_settings *s, err *e)
{
	if (s->score_min < 0 || s->score_min > 99)
		return err_set(e, ERR_INPUT,
			       "The lowest score must be a whole number from 0 to 99 (got %d).",
			       s->score_min);
	if (s->score_max < 1 || s->score_max > 100)
		return err_set(e, ERR_INPUT,
			       "The highest score must be a whole number from 1 to 100 (got %d).",
			       s->score_max);
	if (s->score_max <= s->score_min)
		return err_set(e, ERR_INPUT,
			       "The highest score (%d) must be more than the lowest score (%d).",
			       s->score_max, s->score_min);
	if (!audit_rule_known(s->rule))
		return err_set(e, ERR_INPUT,
			       "The outcome rule \"%.40s\" is not known: use lowest-level or most-common-level.",
			       s->rule ? s->rule : "");
	return 0;
}

int audit_settings_set(domain *d, int64_t area, const audit_settings *s, err *e)
{
	if (audit_settings_validate(s, e) < 0)
		return -1;
	if (!area)
		return err_set(e, ERR_INPUT, "Choose the area whose audit settings to change.");
	char now[21];
	time_now_iso(now);
	area_setting_row row = {.area_id = area, .score_min = s->score_min,
				.score_max = s->score_max, .outcome_rule = s->rule,
				.updated_at = now};
	if (store_begin(d->db, e) < 0)
		return -1;
	if (store_area_setting_put(d->db, &row, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

/* ---- the suggestion ----------------------------------------------------- */

/* 0, 1, 2 from the lowest level up; -1 for no level or an unknown one. */
static int level_rank(const char *level)
{
	if (!level)
		return -1;
	if (strcmp(level, AUDIT_LEVEL_LOW) == 0)
		return 0;
	if (strcmp(level, AUDIT_LEVEL_MID) == 0)
		return 1;
	if (strcmp(level, AUDIT_LEVEL_HIGH) == 0)
		return 2;
	return -1;
}

static const char *const outcome_of_rank[3] = {AUDIT_OUTCOME_LOW, AUDIT_OUTCOME_MID,
					       AUDIT_OUTCOME_HIGH};

const char *audit_suggest_outcome(const char *const *levels, size_t n, const char *rule)
{
	if (!n || !audit_rule_known(rule))
		return NULL;
	size_t count[3] = {0, 0, 0};
	for (size_t i = 0; i < n; i++) {
		int rank = level_rank(levels[i]);
		if (rank < 0)
			return NULL;
		count[rank]++;
	}
	if (strcmp(rule, AUDIT_RULE_LOWEST) == 0) {
		if (count[0])
			return AUDIT_OUTCOME_LOW;
		return count[2] == n ? AUDIT_OUTCOME_HIGH : AUDIT_OUTCOME_MID;
	}
	/* Most common; scanning from the lowest with a strict comparison sends
	 * a tie to the lower level. */
	int best = 0;
	for (int rank = 1; rank < 3; rank++)
		if (count[rank] > count[best])
			best = rank;
	return outcome_of_rank[best];
}

/* ---- instrument lookups ------------------------------------------------- */

const char *audit_field_title(const framework *fw, const char *key)
{
	const fw_field *f = framework_field(fw, key);
	return f ? f->title : NULL;
}

const char *audit_outcome_title(const framework *fw, const char *key)
{
	const fw_item *o = framework_outcome(fw, key);
	return o ? o->title : NULL;
}

const fw_element *audit_principle_indicator(const framework *fw, const char *principle)
{
	const fw_section *sec = framework_section(fw, principle);
	return sec && sec->n_elements ? &sec->elements[0] : NULL;
}

int audit_outcome_list(const framework *fw, arena *a, audit_outcome **out, size_t *n)
{
	*n = fw->n_outcomes;
	*out = ARENA_ARRAY(a, *n, *out);
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (audit_outcome){fw->outcomes[i].key, fw->outcomes[i].title};
	return 0;
}

/* "1, 2, 3, 4, 5 or 6": the principle keys, for messages. */
static const char *principle_keys(arena *a, const framework *fw)
{
	const char *text = "";
	for (size_t i = 0; i < fw->n_sections; i++)
		text = arena_printf(a, "%s%s%s", text,
				    i == 0 ? "" : i + 1 == fw->n_sections ? " or " : ", ",
				    fw->sections[i].key);
	return text;
}

static const char *level_keys(arena *a, const fw_element *el)
{
	const char *text = "";
	for (size_t i = 0; i < el->n_levels; i++)
		text = arena_printf(a, "%s%s%s", text,
				    i == 0 ? "" : i + 1 == el->n_levels ? " or " : ", ",
				    el->levels[i].key);
	return text;
}

static const char *outcome_keys(arena *a, const framework *fw)
{
	audit_outcome *o;
	size_t n;
	audit_outcome_list(fw, a, &o, &n);
	const char *text = "";
	for (size_t i = 0; i < n; i++)
		text = arena_printf(a, "%s%s%s", text, i == 0 ? "" : i + 1 == n ? " or " : ", ",
				    o[i].key);
	return text;
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

int audit_decided(domain *d, int64_t area, int limit, audit_list *out, err *e)
{
	return store_audit_decided(d->db, d->mem, area, limit > 0 ? limit : 20, out, e);
}

static framework *audit_framework(domain *d, const audit_row *a, bool *changed, err *e)
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

static int refuse_status(const audit_row *a, const char *verb, err *e)
{
	return err_set(e, ERR_CONFLICT, "audit %lld (version %d) is %s, so it cannot be %s: %s.",
		       (long long)a->id, a->version, a->status, verb, status_help(a->status));
}

int audit_writable(const audit_row *a, err *e)
{
	if (strcmp(a->status, "draft") == 0)
		return 0;
	return refuse_status(a, "changed", e);
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
static int principle_levels(domain *d, const audit_row *a, const framework *fw,
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
	if (principle_levels(d, a, fw, &levels, e) < 0)
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
	if (!blank(a->outcome_reason))
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
			       f->outcome, outcome_keys(mem, fw));
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

static int add_event(domain *d, int64_t audit, const audit_actor *who, const char *status,
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
	    add_event(d, *id, who, "draft", "", now, e) < 0 || store_commit(d->db, e) < 0) {
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
	framework *fw = audit_framework(d, &a, NULL, e);
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

int audit_set_with_project(domain *d, int64_t id, int64_t project, const audit_fields *f,
			   err *e)
{
	if (store_begin(d->db, e) < 0)
		return -1;
	if (audit_set_project(d, id, project, e) < 0 || audit_set(d, id, f, e) < 0 ||
	    store_commit(d->db, e) < 0) {
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
		if (blank(people[i].name) && blank(people[i].designation))
			continue;
		if (blank(people[i].name))
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
		if (blank(people[i].name))
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
			principle ? principle : "", principle_keys(d->mem, fw));
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
			       c->level, principle, level_keys(d->mem, el));
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
	framework *fw = audit_framework(d, &a, NULL, e);
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
	framework *fw = audit_framework(d, a, NULL, e);
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

/* ---- the workflow --------------------------------------------------------- */

/* What submit still needs, or NULL. */
static int missing_of(domain *d, const audit_row *a, const char **missing, err *e)
{
	*missing = NULL;
	framework *fw = audit_framework(d, a, NULL, e);
	if (!fw)
		return -1;
	const char **levels;
	audit_person_list people;
	audit_settings s;
	const char *text = "", *no_level = "";
	size_t n_no_level = 0;
	if (principle_levels(d, a, fw, &levels, e) < 0 ||
	    store_audit_person_list(d->db, d->mem, a->id, &people, e) < 0 ||
	    audit_settings_of_org(d, a->organisation_id, &s, e) < 0)
		goto fail;
	for (size_t i = 0; i < fw->n_sections; i++) {
		const fw_element *el = audit_principle_indicator(fw, fw->sections[i].key);
		if (el && element_level(el, levels[i]))
			continue;
		no_level = arena_printf(d->mem, "%s%s%s", no_level, n_no_level++ ? ", " : "",
					fw->sections[i].key);
	}
	if (n_no_level)
		text = arena_printf(d->mem, "%s %s %s no level",
				    n_no_level > 1 ? "principles" : "principle", no_level,
				    n_no_level > 1 ? "have" : "has");
	if (!a->audit_date)
		text = arena_printf(d->mem, "%s%sthere is no date of audit", text, *text ? "; " : "");
	if (!people.n)
		text = arena_printf(d->mem, "%s%sno one completing it is named", text,
				    *text ? "; " : "");
	if (!a->outcome)
		text = arena_printf(d->mem, "%s%sno outcome is chosen", text, *text ? "; " : "");
	const char *suggested = audit_suggest_outcome(levels, fw->n_sections, s.rule);
	if (a->outcome && suggested && strcmp(a->outcome, suggested) != 0 &&
	    blank(a->outcome_reason))
		text = arena_printf(d->mem,
				    "%s%sthe outcome differs from the suggested %s but gives no reason",
				    text, *text ? "; " : "", audit_outcome_title(fw, suggested));
	*missing = *text ? text : NULL;
	framework_free(fw);
	return 0;
fail:
	framework_free(fw);
	return -1;
}

int audit_missing(domain *d, int64_t audit, const char **missing, err *e)
{
	audit_row a;
	if (audit_get(d, audit, &a, e) < 0)
		return -1;
	return missing_of(d, &a, missing, e);
}

static int refuse_role(enum audit_step step, err *e)
{
	static const char *const what[] = {
		[AUDIT_SUBMIT] = "only an organisation lead can submit an audit to the area",
		[AUDIT_RETURN] = "only the area's administrators can return an audit",
		[AUDIT_ACCEPT] = "only the area's administrators can accept an audit",
		[AUDIT_REVISE] = "only an organisation lead can start a new version of an audit",
	};
	return err_set(e, ERR_CONFLICT, "%s.", what[step]);
}

/* Moves audit `a` (read inside the caller's transaction) to `status`. */
static int move(domain *d, audit_row *a, const char *status, const audit_actor *who,
		const char *comment, err *e)
{
	char now[21];
	time_now_iso(now);
	const char *at = arena_strdup(d->mem, now);
	a->status = status;
	a->updated_at = at;
	if (strcmp(status, "submitted") == 0) {
		a->submitted_at = at;
		a->decided_at = NULL;
	} else {
		a->decided_at = at;
	}
	if (store_audit_set_status(d->db, a, e) < 0 ||
	    add_event(d, a->id, who, status, comment, at, e) < 0)
		return -1;
	return 0;
}

static enum access actor_access(const audit_actor *who)
{
	return who ? who->access : ACCESS_NONE;
}

int audit_submit(domain *d, int64_t id, const audit_actor *who, err *e)
{
	audit_row a;
	const char *missing;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (audit_get(d, id, &a, e) < 0)
		goto fail;
	if (actor_access(who) < ACCESS_LEAD) {
		refuse_role(AUDIT_SUBMIT, e);
		goto fail;
	}
	if (strcmp(a.status, "draft") != 0) {
		refuse_status(&a, "submitted", e);
		goto fail;
	}
	if (missing_of(d, &a, &missing, e) < 0)
		goto fail;
	if (missing) {
		err_set(e, ERR_INPUT, "audit %lld cannot be submitted yet: %s. Fill these in, then submit.",
			(long long)id, missing);
		goto fail;
	}
	if (move(d, &a, "submitted", who, "", e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

/* Return and accept: the area's decision on a submitted audit. */
static int decide(domain *d, int64_t id, const audit_actor *who, const char *comment,
		  enum audit_step step, err *e)
{
	bool returning = step == AUDIT_RETURN;
	audit_row a;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (audit_get(d, id, &a, e) < 0)
		goto fail;
	if (actor_access(who) < ACCESS_AREA) {
		refuse_role(step, e);
		goto fail;
	}
	if (strcmp(a.status, "submitted") != 0) {
		refuse_status(&a, returning ? "returned" : "accepted", e);
		goto fail;
	}
	if (returning && blank(comment)) {
		err_set(e, ERR_INPUT,
			"Say why the audit is returned: the comment is required, so the organisation knows what to change.");
		goto fail;
	}
	if (text_check_long("The comment", comment, false, e) < 0 ||
	    move(d, &a, returning ? "returned" : "accepted", who, comment, e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int audit_return(domain *d, int64_t id, const audit_actor *who, const char *comment, err *e)
{
	return decide(d, id, who, comment, AUDIT_RETURN, e);
}

int audit_accept(domain *d, int64_t id, const audit_actor *who, const char *comment, err *e)
{
	return decide(d, id, who, comment, AUDIT_ACCEPT, e);
}

int audit_revise(domain *d, int64_t id, const audit_actor *who, int64_t *new_id, err *e)
{
	audit_row a;
	audit_list versions;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (audit_get(d, id, &a, e) < 0)
		goto fail;
	if (actor_access(who) < ACCESS_LEAD) {
		refuse_role(AUDIT_REVISE, e);
		goto fail;
	}
	if (strcmp(a.status, "returned") != 0) {
		refuse_status(&a, "revised (only a returned audit can start a new version)", e);
		goto fail;
	}
	if (store_audit_versions(d->db, d->mem, a.first_id, &versions, e) < 0)
		goto fail;
	const audit_row *last = &versions.items[versions.n - 1];
	if (last->id != a.id) {
		err_set(e, ERR_CONFLICT,
			"audit %lld (version %d) is returned and already has a newer version: continue with audit %lld (version %d).",
			(long long)a.id, a.version, (long long)last->id, last->version);
		goto fail;
	}
	char now[21];
	time_now_iso(now);
	audit_row copy = a;
	copy.id = 0;
	copy.version = last->version + 1;
	copy.status = "draft";
	copy.submitted_at = copy.decided_at = NULL;
	copy.created_at = copy.updated_at = now;
	if (store_audit_insert(d->db, &copy, new_id, e) < 0 ||
	    store_audit_copy_parts(d->db, a.id, *new_id, now, e) < 0 ||
	    add_event(d, *new_id, who, "draft", "", now, e) < 0 || store_commit(d->db, e) < 0)
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
	v->fw = audit_framework(d, &v->audit, &v->framework_changed, e);
	if (!v->fw)
		return -1;
	if (audit_outcome_list(v->fw, d->mem, &v->outcomes, &v->n_outcomes) < 0 ||
	    audit_settings_of_org(d, v->audit.organisation_id, &v->settings, e) < 0 ||
	    store_audit_person_list(d->db, d->mem, audit, &people, e) < 0 ||
	    load_principles(d, v, e) < 0 || load_history(d, v, e) < 0 || load_project(d, v, e) < 0 ||
	    store_action_list_audit(d->db, d->mem, audit, &actions, e) < 0)
		goto fail;
	v->people = people.items;
	v->n_people = people.n;
	v->actions = actions.items;
	v->n_actions = actions.n;
	if (strcmp(v->audit.status, "draft") == 0 && missing_of(d, &v->audit, &v->missing, e) < 0)
		goto fail;
	return 0;
fail:
	return -1;
}


/* ---- actions ------------------------------------------------------------ */

/* The line without surrounding spaces or a leading bullet, in d->mem. */
static char *next_step_title(arena *a, const char *line, size_t len)
{
	while (len && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
		len--;
	static const char *const bullets[] = {"- ", "* ", "\xe2\x80\xa2 ", "\xe2\x80\xa2"};
	for (size_t i = 0; i < sizeof bullets / sizeof *bullets; i++) {
		size_t b = strlen(bullets[i]);
		if (len >= b && strncmp(line, bullets[i], b) == 0) {
			line += b;
			len -= b;
			while (len && (*line == ' ' || *line == '\t')) {
				line++;
				len--;
			}
			break;
		}
	}
	return arena_strndup(a, line, len);
}

static bool title_in(const char *title, char *const *titles, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(titles[i], title) == 0)
			return true;
	return false;
}

static bool title_raised(const char *title, const action_list *done)
{
	for (size_t i = 0; i < done->n; i++)
		if (strcmp(done->items[i].title, title) == 0)
			return true;
	return false;
}

/* The new titles: `title`, or each next-steps line not raised already. */
static int action_titles(domain *d, const audit_row *a, const char *title,
			 const action_list *done, char ***titles, size_t *n, err *e)
{
	const char *text = title ? title : a->next_steps;
	size_t cap = 1;
	for (const char *p = text; *p; p++)
		cap += *p == '\n';
	*titles = arena_array(d->mem, cap, sizeof **titles);
	*n = 0;
	if (title) {
		if (text_check_line("The action", title, true, e) < 0)
			return -1;
		(*titles)[(*n)++] = arena_strdup(d->mem, title);
		return 0;
	}
	size_t line_no = 0;
	for (const char *p = text; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *t = next_step_title(d->mem, p, len);
		line_no++;
		p += len + (end != NULL);
		if (!*t || title_raised(t, done) || title_in(t, *titles, *n))
			continue;
		if (utf8_chars(t) > TEXT_NAME_MAX)
			return err_set(e, ERR_INPUT,
				       "Line %zu of the next steps is longer than %d characters: shorten it, or give the action a title of its own.",
				       line_no, TEXT_NAME_MAX);
		if (text_check_line("The action", t, true, e) < 0)
			return -1;
		(*titles)[(*n)++] = t;
	}
	return 0;
}

int audit_actions_create(domain *d, int64_t audit, const char *title, size_t *created,
			 err *e)
{
	audit_row a;
	action_list done;
	char **titles;
	size_t n;
	*created = 0;
	if (audit_get(d, audit, &a, e) < 0 ||
	    store_action_list_audit(d->db, d->mem, audit, &done, e) < 0)
		return -1;
	if (!title && blank(a.next_steps))
		return err_set(e, ERR_INPUT,
			       "audit %lld has no next steps yet: write them first, or give the action a title.",
			       (long long)audit);
	if (action_titles(d, &a, title, &done, &titles, &n, e) < 0)
		return -1;
	if (!n)
		return err_set(e, ERR_CONFLICT,
			       "every next step of audit %lld already has an action: `copro action list ORG` shows them.",
			       (long long)audit);
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		action_row act = {.organisation_id = a.organisation_id, .title = titles[i],
				  .owner = "", .status = "open", .source_audit_id = audit,
				  .created_at = now, .updated_at = now};
		int64_t id;
		if (store_action_insert(d->db, &act, &id, e) < 0) {
			store_rollback(d->db);
			return -1;
		}
	}
	if (store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	*created = n;
	return 0;
}
