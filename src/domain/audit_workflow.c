/* audit_workflow.c: an audit's way through the area: draft -> submitted ->
 * returned or accepted, each step checked against the person's role and
 * kept in the history, new versions of a returned audit, and actions raised
 * from its next steps. */
#include "domain/audit_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "domain/notify.h"
#include "store/account.h"
#include "store/audit.h"
#include "store/store.h"
/* ---- the workflow --------------------------------------------------------- */

/* What submit still needs, or NULL. */
int audit_missing_of(domain *d, const audit_row *a, const char **missing, err *e)
{
	*missing = NULL;
	framework *fw = audit_instrument(d, a, NULL, e);
	if (!fw)
		return -1;
	const char **levels;
	audit_person_list people;
	audit_settings s;
	const char *text = "", *no_level = "";
	size_t n_no_level = 0;
	if (audit_principle_levels(d, a, fw, &levels, e) < 0 ||
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
	    audit_blank(a->outcome_reason))
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
	return audit_missing_of(d, &a, missing, e);
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
	/* Who must act next hears of it in the same transaction. */
	if (store_audit_set_status(d->db, a, e) < 0 ||
	    audit_add_event(d, a->id, who, status, comment, at, e) < 0 ||
	    notify_audit_step(d, a, status, comment, e) < 0)
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
		audit_refuse_status(&a, "submitted", e);
		goto fail;
	}
	if (audit_missing_of(d, &a, &missing, e) < 0)
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

/* The area's comments on principles: each on a principle of the audit
 * (whose row a submitted audit always has), within the length limit. */
static int comment_principles(domain *d, int64_t audit, const audit_principle_comment *pc, size_t n,
			      err *e)
{
	for (size_t i = 0; i < n; i++) {
		if (audit_blank(pc[i].comment))
			continue;
		const char *what = arena_printf(d->mem, "The comment on principle %s", pc[i].principle_key);
		if (text_check_long(what, pc[i].comment, false, e) < 0)
			return -1;
		int done = store_audit_principle_comment(d->db, audit, pc[i].principle_key, pc[i].comment, e);
		if (done < 0)
			return -1;
		if (!done)
			return err_set(e, ERR_INPUT, "the audit has no principle \"%.20s\": comment on its principles 1 to 6.",
				       pc[i].principle_key);
	}
	return 0;
}

static bool any_said(const char *comment, const audit_principle_comment *pc, size_t n)
{
	if (!audit_blank(comment))
		return true;
	for (size_t i = 0; i < n; i++)
		if (!audit_blank(pc[i].comment))
			return true;
	return false;
}

/* Return and accept: the area's decision on a submitted audit. */
static int decide(domain *d, int64_t id, const audit_actor *who, const char *comment,
		  enum audit_step step, const audit_principle_comment *pc, size_t n, err *e)
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
		audit_refuse_status(&a, returning ? "returned" : "accepted", e);
		goto fail;
	}
	if (returning && !any_said(comment, pc, n)) {
		err_set(e, ERR_INPUT,
			"Say why the audit is returned: a comment is required (on the whole audit or on a principle), so the organisation knows what to change.");
		goto fail;
	}
	if (text_check_long("The comment", comment, false, e) < 0 ||
	    comment_principles(d, id, pc, n, e) < 0 ||
	    move(d, &a, returning ? "returned" : "accepted", who, comment ? comment : "", e) < 0 ||
	    store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
	return -1;
}

int audit_return(domain *d, int64_t id, const audit_actor *who, const char *comment, err *e)
{
	return decide(d, id, who, comment, AUDIT_RETURN, NULL, 0, e);
}

int audit_return_with(domain *d, int64_t id, const audit_actor *who, const char *comment,
		      const audit_principle_comment *principles, size_t n, err *e)
{
	return decide(d, id, who, comment, AUDIT_RETURN, principles, n, e);
}

int audit_accept(domain *d, int64_t id, const audit_actor *who, const char *comment, err *e)
{
	return decide(d, id, who, comment, AUDIT_ACCEPT, NULL, 0, e);
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
		audit_refuse_status(&a, "revised (only a returned audit can start a new version)", e);
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
	    audit_add_event(d, *new_id, who, "draft", "", now, e) < 0 || store_commit(d->db, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(d->db);
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
	if (!title && audit_blank(a.next_steps))
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

