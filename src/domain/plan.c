/* plan.c: team and service plans: starting one (seeded from a
 * self-evaluation or not), writing strengths, areas for development,
 * answers and aspect notes against the plan's stored instrument, turning
 * an area for development into an action, and reading a plan whole. */
#include "domain/plan.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "domain/internal.h"
#include "store/plan.h"
#include "store/store.h"

/* ---- the instrument's plan parts --------------------------------------- */

static bool blank(const char *s)
{
	return !s || !*s;
}

/* The words a note quotes right after `marker` (which ends with the
 * opening quote), up to the closing quote; NULL when no note has it. */
static const char *note_quote(arena *a, const framework *fw, const char *marker)
{
	for (size_t i = 0; i < fw->n_notes; i++) {
		const char *at = strstr(fw->notes[i], marker);
		if (!at)
			continue;
		at += strlen(marker);
		const char *end = strchr(at, '"');
		if (end && end > at)
			return arena_strndup(a, at, (size_t)(end - at));
	}
	return NULL;
}

/* The plan's parts are the instrument's own arrays: they live as long as
 * pi->fw. */
static void instrument_read(domain *d, framework *fw, plan_instrument *pi)
{
	pi->fw = fw;
	pi->n_sections = fw->n_sections;
	pi->sections = ARENA_ARRAY(d->mem, fw->n_sections, pi->sections);
	for (size_t s = 0; s < fw->n_sections; s++)
		pi->sections[s] = (plan_section){&fw->sections[s], fw->sections[s].questions,
						 fw->sections[s].n_questions};
	pi->aspects = fw->aspects;
	pi->n_aspects = fw->n_aspects;
	pi->headings = fw->headings;
	pi->n_headings = fw->n_headings;
	pi->columns = fw->columns;
	pi->n_columns = fw->n_columns;
	pi->aspect_lead = note_quote(d->mem, fw, "lead-in \"");
	pi->question_lead = note_quote(d->mem, fw, "questions (\"");
}

int plan_instrument_load(domain *d, const char *hash, plan_instrument *pi, err *e)
{
	memset(pi, 0, sizeof *pi);
	framework *fw = framework_version_load(d, PLAN_FRAMEWORK, hash, &pi->changed, e);
	if (!fw)
		return -1;
	instrument_read(d, fw, pi);
	return 0;
}


const plan_section *plan_instrument_section(const plan_instrument *pi, const char *key)
{
	for (size_t i = 0; key && i < pi->n_sections; i++)
		if (!strcmp(pi->sections[i].section->key, key))
			return &pi->sections[i];
	return NULL;
}

const fw_item *plan_section_question(const plan_section *ps, const char *key)
{
	return section_question(ps->section, key);
}

const fw_item *plan_instrument_aspect(const plan_instrument *pi, const char *key)
{
	return fw_item_find(pi->aspects, pi->n_aspects, key);
}

const char *plan_column_title(const plan_instrument *pi, const char *key, const char *fallback)
{
	const fw_item *c = fw_item_find(pi->columns, pi->n_columns, key);
	return c && c->title ? c->title : fallback;
}

/* "a, b, c" of a list of keys, for messages. */
static const char *keys_text(arena *a, const fw_item *items, size_t n)
{
	char *out = arena_strdup(a, "");
	for (size_t i = 0; i < n; i++)
		out = arena_printf(a, "%s%s%s", out, i ? ", " : "", items[i].key);
	return out;
}

static const char *statement_keys(arena *a, const fw_section *s)
{
	char *out = arena_strdup(a, "");
	for (size_t i = 0; i < s->n_elements; i++)
		out = arena_printf(a, "%s%s%s", out, i ? ", " : "", s->elements[i].key);
	return out;
}

static const char *section_keys(arena *a, const plan_instrument *pi)
{
	char *out = arena_strdup(a, "");
	for (size_t i = 0; i < pi->n_sections; i++)
		out = arena_printf(a, "%s%s%s", out, i ? ", " : "", pi->sections[i].section->key);
	return out;
}

/* ---- starting a plan ---------------------------------------------------- */

/* The installed plan instrument, or NULL with a message. */
static const framework *installed_plan(domain *d, err *e)
{
	const framework *fw = fw_registry_find(d->frameworks, PLAN_FRAMEWORK);
	if (!fw) {
		err_set(e, ERR_NOTFOUND,
			"the %s instrument is not installed: `copro frameworks` lists the instruments found; reinstall frameworks/%s.json.",
			PLAN_FRAMEWORK, PLAN_FRAMEWORK);
		return NULL;
	}
	if (strcmp(fw->kind, "plan") != 0) {
		err_set(e, ERR_INPUT, "the installed %s is a %s instrument, not a plan: reinstall frameworks/%s.json.",
			fw->id, fw->kind, fw->id);
		return NULL;
	}
	return fw;
}

/* The self-evaluation instrument a plan follows ("based_on"). */
static const char *seed_framework(const framework *fw)
{
	return fw->based_on ? fw->based_on : "four-cornerstones";
}

int plan_seed_latest(domain *d, int64_t org, evaluation_row *out, err *e)
{
	const framework *fw = installed_plan(d, e);
	if (!fw)
		return -1;
	int64_t id;
	int found = store_plan_latest_evaluation(d->db, org, seed_framework(fw), &id, e);
	if (found <= 0)
		return found;
	return store_evaluation_get(d->db, d->mem, id, out, e);
}

/* Checks the evaluation a plan is to be seeded from. */
static int seed_check(domain *d, const framework *fw, int64_t org, int64_t seed,
		      evaluation_row *ev, err *e)
{
	int found = store_evaluation_get(d->db, d->mem, seed, ev, e);
	if (found < 0)
		return -1;
	if (!found || ev->organisation_id != org)
		return err_set(e, ERR_INPUT,
			       "organisation %lld has no self-evaluation number %lld to start from: `copro evaluation list %lld` shows its evaluations.",
			       (long long)org, (long long)seed, (long long)org);
	if (strcmp(ev->framework_id, seed_framework(fw)) != 0)
		return err_set(e, ERR_INPUT,
			       "evaluation %lld uses %s, but a plan starts from a %s self-evaluation: choose one of those.",
			       (long long)seed, ev->framework_id, seed_framework(fw));
	return 0;
}

/* Copies strengths and areas of every statement the plan also has. */
static int seed_copy(domain *d, const framework *fw, int64_t plan, int64_t seed,
		     const char *now, err *e)
{
	review_list reviews;
	if (store_review_list(d->db, d->mem, seed, &reviews, e) < 0)
		return -1;
	for (size_t i = 0; i < reviews.n; i++) {
		const review_row *rv = &reviews.items[i];
		if (!framework_element(fw, rv->element_key) ||
		    (blank(rv->strengths) && blank(rv->areas)))
			continue;
		plan_statement_row s = {.plan_id = plan, .element_key = rv->element_key,
					.strengths = rv->strengths, .areas = rv->areas,
					.updated_at = now};
		if (store_plan_statement_put(d->db, &s, e) < 0)
			return -1;
	}
	return 0;
}

int plan_start(domain *d, int64_t org, const char *title, const char *cycle, int64_t seed,
	       int64_t *id, err *e)
{
	const framework *fw = installed_plan(d, e);
	if (!fw || text_check_line("The title", title, true, e) < 0 ||
	    text_check_line("The cycle", cycle, true, e) < 0)
		return -1;
	char now[21];
	time_now_iso(now);
	plan_row p = {.organisation_id = org, .framework_hash = fw->hash, .title = title,
		      .cycle = cycle, .seeded_from = seed, .created_at = now, .updated_at = now};
	org_row o;
	evaluation_row ev;
	if (store_begin(d->db, e) < 0)
		return -1;
	if (org_get(d, org, &o, e) < 0 || (seed && seed_check(d, fw, org, seed, &ev, e) < 0) ||
	    framework_version_keep(d, fw, e) < 0 || store_plan_insert(d->db, &p, id, e) < 0 ||
	    (seed && seed_copy(d, fw, *id, seed, now, e) < 0) || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		return -1;
	}
	return 0;
}

int plan_get(domain *d, int64_t id, plan_row *out, err *e)
{
	return domain_found(store_plan_get(d->db, d->mem, id, out, e), e,
			    "there is no plan number %lld: `copro plan list ORG` shows them.",
			    (long long)id);
}

/* ---- writing ------------------------------------------------------------ */

/* A plan with its stored instrument. */
static int plan_open(domain *d, int64_t id, plan_row *p, plan_instrument *pi, err *e)
{
	memset(pi, 0, sizeof *pi);
	if (plan_get(d, id, p, e) < 0)
		return -1;
	return plan_instrument_load(d, p->framework_hash, pi, e);
}

static int statement_check(domain *d, const plan_instrument *pi, const plan_section *ps,
			   const plan_statement_change *c, err *e)
{
	const fw_element *el = c->element ? framework_element(pi->fw, c->element) : NULL;
	if (!el || (ps && el->section != ps->section))
		return ps ? err_set(e, ERR_INPUT,
				    "cornerstone %s has no statement \"%.40s\": its statements are %s.",
				    ps->section->key, c->element ? c->element : "",
				    statement_keys(d->mem, ps->section))
			  : err_set(e, ERR_INPUT,
				    "the plan has no statement \"%.40s\": statements are written like 1i or 3iv (`copro framework show %s` lists them).",
				    c->element ? c->element : "", PLAN_FRAMEWORK);
	if (text_check_long("Strengths", c->strengths, false, e) < 0 ||
	    text_check_long("Areas for development", c->areas, false, e) < 0)
		return -1;
	return 0;
}

static const plan_statement_row *statement_in(const plan_statement_list *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->items[i].element_key, key))
			return &l->items[i];
	return NULL;
}

/* Writes statement changes over what is saved; a blank change to a
 * statement never saved adds no row. */
static int statements_write(domain *d, int64_t plan, const plan_statement_change *c, size_t n,
			    const char *now, err *e)
{
	plan_statement_list have;
	if (store_plan_statement_list(d->db, d->mem, plan, &have, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const plan_statement_row *old = statement_in(&have, c[i].element);
		plan_statement_row s = {.plan_id = plan, .element_key = c[i].element,
					.strengths = old ? old->strengths : "",
					.areas = old ? old->areas : "", .updated_at = now};
		if (c[i].strengths)
			s.strengths = c[i].strengths;
		if (c[i].areas)
			s.areas = c[i].areas;
		if (!old && !*s.strengths && !*s.areas)
			continue;
		if (store_plan_statement_put(d->db, &s, e) < 0)
			return -1;
	}
	return 0;
}

static int answers_write(domain *d, int64_t plan, const char *section, const plan_text_change *c,
			 size_t n, const char *now, err *e)
{
	plan_answer_list have;
	if (store_plan_answer_list(d->db, d->mem, plan, &have, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		bool saved = false;
		for (size_t k = 0; k < have.n && !saved; k++)
			saved = !strcmp(have.items[k].section_key, section) &&
				!strcmp(have.items[k].question_key, c[i].key);
		if (!saved && !*c[i].text)
			continue;
		plan_answer_row a = {.plan_id = plan, .section_key = section, .question_key = c[i].key,
				     .answer = c[i].text, .updated_at = now};
		if (store_plan_answer_put(d->db, &a, e) < 0)
			return -1;
	}
	return 0;
}

int plan_cornerstone_save(domain *d, int64_t plan, const char *section,
			  const plan_statement_change *statements, size_t n_statements,
			  const plan_text_change *answers, size_t n_answers, err *e)
{
	plan_row p;
	plan_instrument pi;
	if (plan_open(d, plan, &p, &pi, e) < 0)
		goto fail_free;
	const plan_section *ps = plan_instrument_section(&pi, section);
	if (!ps) {
		err_set(e, ERR_INPUT, "there is no cornerstone \"%.40s\": the cornerstones are %s.",
			section ? section : "", section_keys(d->mem, &pi));
		goto fail_free;
	}
	for (size_t i = 0; i < n_statements; i++)
		if (statement_check(d, &pi, ps, &statements[i], e) < 0)
			goto fail_free;
	for (size_t i = 0; i < n_answers; i++) {
		if (!plan_section_question(ps, answers[i].key)) {
			err_set(e, ERR_INPUT, "cornerstone %s has no question \"%.40s\": its questions are %s.",
				ps->section->key, answers[i].key ? answers[i].key : "",
				keys_text(d->mem, ps->questions, ps->n_questions));
			goto fail_free;
		}
		if (!answers[i].text) {
			err_set(e, ERR_INPUT, "the answer to question %s needs its text.", answers[i].key);
			goto fail_free;
		}
		if (text_check_long("The answer", answers[i].text, false, e) < 0)
			goto fail_free;
	}
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		goto fail_free;
	if (statements_write(d, plan, statements, n_statements, now, e) < 0 ||
	    answers_write(d, plan, ps->section->key, answers, n_answers, now, e) < 0 ||
	    store_plan_touch(d->db, plan, now, e) < 0 || store_commit(d->db, e) < 0) {
		store_rollback(d->db);
		goto fail_free;
	}
	return 0;
fail_free:
	return -1;
}

int plan_statement_set(domain *d, int64_t plan, const char *element, const char *strengths,
		       const char *areas, err *e)
{
	plan_row p;
	plan_instrument pi;
	if (plan_open(d, plan, &p, &pi, e) < 0)
		return -1;
	plan_statement_change c = {.element = element, .strengths = strengths, .areas = areas};
	const fw_element *el = element ? framework_element(pi.fw, element) : NULL;
	const char *section = el ? arena_strdup(d->mem, el->section->key) : NULL;
	int rc = statement_check(d, &pi, NULL, &c, e);
	if (rc < 0)
		return -1;
	return plan_cornerstone_save(d, plan, section, &c, 1, NULL, 0, e);
}

int plan_answer_set(domain *d, int64_t plan, const char *section, const char *question,
		    const char *text, err *e)
{
	plan_text_change c = {.key = question, .text = text};
	return plan_cornerstone_save(d, plan, section, NULL, 0, &c, 1, e);
}

int plan_aspects_save(domain *d, int64_t plan, const plan_text_change *notes, size_t n, err *e)
{
	plan_row p;
	plan_instrument pi;
	plan_aspect_list have;
	if (plan_open(d, plan, &p, &pi, e) < 0)
		goto fail_free;
	for (size_t i = 0; i < n; i++) {
		if (!plan_instrument_aspect(&pi, notes[i].key)) {
			err_set(e, ERR_INPUT, "there is no aspect \"%.40s\": the aspects are %s.",
				notes[i].key ? notes[i].key : "",
				keys_text(d->mem, pi.aspects, pi.n_aspects));
			goto fail_free;
		}
		if (!notes[i].text) {
			err_set(e, ERR_INPUT, "a note on aspect %s needs its text.", notes[i].key);
			goto fail_free;
		}
		if (text_check_long("The note", notes[i].text, false, e) < 0)
			goto fail_free;
	}
	char now[21];
	time_now_iso(now);
	if (store_begin(d->db, e) < 0)
		goto fail_free;
	if (store_plan_aspect_list(d->db, d->mem, plan, &have, e) < 0)
		goto rollback;
	for (size_t i = 0; i < n; i++) {
		bool saved = false;
		for (size_t k = 0; k < have.n && !saved; k++)
			saved = !strcmp(have.items[k].aspect_key, notes[i].key);
		if (!saved && !*notes[i].text)
			continue;
		plan_aspect_row a = {.plan_id = plan, .aspect_key = notes[i].key, .note = notes[i].text,
				     .updated_at = now};
		if (store_plan_aspect_put(d->db, &a, e) < 0)
			goto rollback;
	}
	if (store_plan_touch(d->db, plan, now, e) < 0 || store_commit(d->db, e) < 0)
		goto rollback;
	return 0;
rollback:
	store_rollback(d->db);
fail_free:
	return -1;
}

int plan_aspect_set(domain *d, int64_t plan, const char *aspect, const char *text, err *e)
{
	plan_text_change c = {.key = aspect, .text = text};
	return plan_aspects_save(d, plan, &c, 1, e);
}

/* ---- areas for development into actions -------------------------------- */

/* The first line of `text` with spaces trimmed, cut to fit a title. */
static const char *first_line(arena *a, const char *text)
{
	text += strspn(text, " \t\r\n");
	size_t n = strcspn(text, "\r\n");
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	char *line = arena_strndup(a, text, n);
	if (utf8_chars(line) <= TEXT_NAME_MAX)
		return line;
	/* Cut on a character boundary, leaving room for the ellipsis. */
	size_t chars = 0, i = 0;
	for (; line[i] && chars < TEXT_NAME_MAX - 1; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			chars++;
	while (line[i] && ((unsigned char)line[i] & 0xC0) == 0x80)
		i++;
	return arena_printf(a, "%.*s\xE2\x80\xA6", (int)i, line);
}

int plan_area_to_action(domain *d, int64_t plan, const char *element, const char *title,
			const char *owner, const char *due, int64_t *action, err *e)
{
	plan_row p;
	plan_instrument pi;
	plan_statement_list have;
	if (plan_open(d, plan, &p, &pi, e) < 0)
		goto fail_free;
	plan_statement_change c = {.element = element};
	if (statement_check(d, &pi, NULL, &c, e) < 0)
		goto fail_free;
	if (store_begin(d->db, e) < 0)
		goto fail_free;
	if (store_plan_statement_list(d->db, d->mem, plan, &have, e) < 0)
		goto rollback;
	const plan_statement_row *s = statement_in(&have, element);
	if (!s || blank(s->areas)) {
		err_set(e, ERR_INPUT,
			"statement %s of plan %lld has no areas for development yet: write them first, then turn them into an action.",
			element, (long long)plan);
		goto rollback;
	}
	action_row a = {.organisation_id = p.organisation_id,
			.title = title && *title ? title : first_line(d->mem, s->areas),
			.owner = owner ? owner : "", .due_on = due && *due ? due : NULL,
			.source_element_key = element};
	char now[21];
	time_now_iso(now);
	if (action_validate(&a, e) < 0 || action_add(d, &a, action, e) < 0)
		goto rollback;
	int linked = store_plan_action_link(d->db, *action, plan, e);
	if (linked < 0)
		goto rollback;
	if (!linked) {
		err_set(e, ERR_INTERNAL, "action %lld vanished while it was linked to plan %lld.",
			(long long)*action, (long long)plan);
		goto rollback;
	}
	if (store_plan_touch(d->db, plan, now, e) < 0 || store_commit(d->db, e) < 0)
		goto rollback;
	return 0;
rollback:
	store_rollback(d->db);
fail_free:
	return -1;
}

/* ---- reading ------------------------------------------------------------ */

int plan_load(domain *d, int64_t id, plan_full *p, err *e)
{
	memset(p, 0, sizeof *p);
	if (plan_open(d, id, &p->plan, &p->in, e) < 0 ||
	    store_plan_statement_list(d->db, d->mem, id, &p->statements, e) < 0 ||
	    store_plan_answer_list(d->db, d->mem, id, &p->answers, e) < 0 ||
	    store_plan_aspect_list(d->db, d->mem, id, &p->aspects, e) < 0 ||
	    store_plan_action_list(d->db, d->mem, id, &p->actions, e) < 0) {
		return -1;
	}
	return 0;
}


const plan_statement_row *plan_statement(const plan_full *p, const char *element)
{
	return statement_in(&p->statements, element);
}

const char *plan_answer(const plan_full *p, const char *section, const char *question)
{
	for (size_t i = 0; i < p->answers.n; i++)
		if (!strcmp(p->answers.items[i].section_key, section) &&
		    !strcmp(p->answers.items[i].question_key, question))
			return p->answers.items[i].answer;
	return NULL;
}

const char *plan_aspect_note(const plan_full *p, const char *aspect)
{
	for (size_t i = 0; i < p->aspects.n; i++)
		if (!strcmp(p->aspects.items[i].aspect_key, aspect))
			return p->aspects.items[i].note;
	return NULL;
}

DOMAIN_GET_IN_ORG(plan_get_in_org, plan_get, plan_row, "plan")
DOMAIN_LIST_BY_ID(plans_of_org, store_plan_list, plan_list)
